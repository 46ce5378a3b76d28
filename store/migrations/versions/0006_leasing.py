"""Leasing: contracts with clauses and versions, leads, quotes, sales, indices, checkpoints.

``contracts`` gains its type, delivery and rent-start dates, deposit, the
working copy of its terms (a JSON document, ``domain.leasing.codec``), its
version number and links to the lead it came from and the contract it
renews. ``contract_versions`` is insert-only (a ledger table): version 1 is
the signing, each amendment adds one, so an earlier version reads as it was
signed. ``leads`` and ``quotes`` are the pipeline; ``sales_reports`` feed
turnover rent; ``price_indices`` the CPI clauses; ``checkpoint_marks`` and
``alerts`` the contract checkpoints; ``contract_documents`` and
``document_templates`` the documents. Parks keep their stage probabilities
and discount rate, tenants their credit signals. Existing contracts keep
their rent: with no terms document they read as a plain monthly rent at
``rent_per_sqm_month`` until someone enters their clauses.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

from store.ledger import install_guards
from store.types import ExactDecimal, UtcDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

UNIT_TYPE = sa.Enum(
    "office",
    "industrial",
    "retail",
    "warehouse",
    "apartment",
    "parking",
    "ad_spot",
    "other",
    name="unittype",
    native_enum=False,
    create_constraint=False,
    length=32,
)


def upgrade() -> None:
    op.create_table(
        "document_templates",
        sa.Column("park_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["park_id"], ["parks.id"], name="fk_document_templates_park_id_parks"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_document_templates"),
        sa.UniqueConstraint("park_id", "name", "language", name="uq_document_templates_park_id"),
    )
    op.create_index("ix_document_templates_park_id", "document_templates", ["park_id"])
    op.create_table(
        "price_indices",
        sa.Column("park_id", sa.Uuid(), nullable=False),
        sa.Column("series", sa.String(length=32), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("value", ExactDecimal(12, 4), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["park_id"], ["parks.id"], name="fk_price_indices_park_id_parks"),
        sa.PrimaryKeyConstraint("id", name="pk_price_indices"),
        sa.UniqueConstraint("park_id", "series", "year", name="uq_price_indices_park_id"),
    )
    op.create_index("ix_price_indices_park_id", "price_indices", ["park_id"])
    op.create_table(
        "leads",
        sa.Column("park_id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=True),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("company", sa.String(length=200), nullable=False),
        sa.Column("contact_name", sa.String(length=100), nullable=False),
        sa.Column("contact_phone", sa.String(length=50), nullable=False),
        sa.Column("industry", sa.String(length=100), nullable=False),
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.Column("stage_on", sa.Date(), nullable=False),
        sa.Column("lost_reason", sa.String(length=200), nullable=False),
        sa.Column("area_min", ExactDecimal(14, 2), nullable=False),
        sa.Column("area_max", ExactDecimal(14, 2), nullable=False),
        sa.Column("budget", ExactDecimal(14, 4), nullable=True),
        sa.Column("move_in_on", sa.Date(), nullable=True),
        sa.Column("unit_type", UNIT_TYPE, nullable=True),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("owner", sa.String(length=100), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["park_id"], ["parks.id"], name="fk_leads_park_id_parks"),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name="fk_leads_tenant_id_tenants"),
        sa.PrimaryKeyConstraint("id", name="pk_leads"),
        sa.UniqueConstraint("park_id", "code", name="uq_leads_park_id"),
    )
    op.create_index("ix_leads_park_id", "leads", ["park_id"])
    op.create_index("ix_leads_tenant_id", "leads", ["tenant_id"])
    op.create_table(
        "alerts",
        sa.Column("park_id", sa.Uuid(), nullable=False),
        sa.Column("contract_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("owner_role", sa.String(length=32), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("raised_on", sa.Date(), nullable=False),
        sa.Column("cleared_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contract_id"], ["contracts.id"], name="fk_alerts_contract_id_contracts"
        ),
        sa.ForeignKeyConstraint(["park_id"], ["parks.id"], name="fk_alerts_park_id_parks"),
        sa.PrimaryKeyConstraint("id", name="pk_alerts"),
    )
    op.create_index("ix_alerts_contract_id", "alerts", ["contract_id"])
    op.create_index("ix_alerts_park_id", "alerts", ["park_id"])
    op.create_table(
        "checkpoint_marks",
        sa.Column("contract_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=False),
        sa.Column("by", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contract_id"], ["contracts.id"], name="fk_checkpoint_marks_contract_id_contracts"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_checkpoint_marks"),
        sa.UniqueConstraint("contract_id", "code", name="uq_checkpoint_marks_contract_id"),
    )
    op.create_index("ix_checkpoint_marks_contract_id", "checkpoint_marks", ["contract_id"])
    op.create_table(
        "contract_documents",
        sa.Column("contract_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("added_on", sa.Date(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contract_id"], ["contracts.id"], name="fk_contract_documents_contract_id_contracts"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_contract_documents"),
    )
    op.create_index("ix_contract_documents_contract_id", "contract_documents", ["contract_id"])
    versions = op.create_table(
        "contract_versions",
        sa.Column("contract_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("delivered_on", sa.Date(), nullable=True),
        sa.Column("rent_starts_on", sa.Date(), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("deposit", ExactDecimal(18, 2), nullable=False),
        sa.Column("units", sa.JSON(), nullable=False),
        sa.Column("terms", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contract_id"], ["contracts.id"], name="fk_contract_versions_contract_id_contracts"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_contract_versions"),
        sa.UniqueConstraint("contract_id", "number", name="uq_contract_versions_contract_id"),
    )
    op.create_index("ix_contract_versions_contract_id", "contract_versions", ["contract_id"])
    op.create_table(
        "quotes",
        sa.Column("park_id", sa.Uuid(), nullable=False),
        sa.Column("lead_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("quoted_on", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("units", sa.JSON(), nullable=False),
        sa.Column("terms", sa.JSON(), nullable=False),
        sa.Column("total_rent", ExactDecimal(18, 2), nullable=False),
        sa.Column("net_effective_rent", ExactDecimal(14, 4), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("contract_id", sa.Uuid(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contract_id"], ["contracts.id"], name="fk_quotes_contract_id_contracts"
        ),
        sa.ForeignKeyConstraint(["lead_id"], ["leads.id"], name="fk_quotes_lead_id_leads"),
        sa.ForeignKeyConstraint(["park_id"], ["parks.id"], name="fk_quotes_park_id_parks"),
        sa.PrimaryKeyConstraint("id", name="pk_quotes"),
        sa.UniqueConstraint("park_id", "code", name="uq_quotes_park_id"),
    )
    op.create_index("ix_quotes_lead_id", "quotes", ["lead_id"])
    op.create_index("ix_quotes_park_id", "quotes", ["park_id"])
    op.create_table(
        "sales_reports",
        sa.Column("contract_id", sa.Uuid(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("amount", ExactDecimal(18, 2), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contract_id"], ["contracts.id"], name="fk_sales_reports_contract_id_contracts"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_sales_reports"),
        sa.UniqueConstraint("contract_id", "month", name="uq_sales_reports_contract_id"),
    )
    op.create_index("ix_sales_reports_contract_id", "sales_reports", ["contract_id"])
    install_guards(op.get_bind(), versions)  # insert-only from its first row
    with op.batch_alter_table("contracts") as batch:
        batch.add_column(sa.Column("kind", UNIT_TYPE, server_default="office", nullable=False))
        batch.add_column(sa.Column("delivered_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("rent_starts_on", sa.Date(), nullable=True))
        batch.add_column(
            sa.Column("deposit", ExactDecimal(18, 2), server_default="0", nullable=False)
        )
        batch.add_column(sa.Column("terms", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("version", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("lead_id", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("renews_id", sa.Uuid(), nullable=True))
        batch.create_index("ix_contracts_lead_id", ["lead_id"])
        batch.create_index("ix_contracts_renews_id", ["renews_id"])
        batch.create_foreign_key(
            "fk_contracts_renews_id_contracts", "contracts", ["renews_id"], ["id"]
        )
        batch.create_foreign_key("fk_contracts_lead_id_leads", "leads", ["lead_id"], ["id"])
    with op.batch_alter_table("parks") as batch:
        batch.add_column(
            sa.Column("stage_probabilities", sa.JSON(), server_default="{}", nullable=False)
        )
        batch.add_column(sa.Column("discount_rate", ExactDecimal(8, 6), nullable=True))
    with op.batch_alter_table("tenants") as batch:
        batch.add_column(
            sa.Column("credit_signals", sa.JSON(), server_default="[]", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("tenants") as batch:
        batch.drop_column("credit_signals")
    with op.batch_alter_table("parks") as batch:
        batch.drop_column("discount_rate")
        batch.drop_column("stage_probabilities")
    with op.batch_alter_table("contracts") as batch:
        batch.drop_constraint("fk_contracts_lead_id_leads", type_="foreignkey")
        batch.drop_constraint("fk_contracts_renews_id_contracts", type_="foreignkey")
        batch.drop_index("ix_contracts_renews_id")
        batch.drop_index("ix_contracts_lead_id")
        for column in (
            "renews_id",
            "lead_id",
            "version",
            "terms",
            "deposit",
            "rent_starts_on",
            "delivered_on",
            "kind",
        ):
            batch.drop_column(column)
    for table in (
        "contract_documents",
        "document_templates",
        "alerts",
        "checkpoint_marks",
        "price_indices",
        "sales_reports",
        "quotes",
        "contract_versions",
        "leads",
    ):
        op.drop_table(table)
