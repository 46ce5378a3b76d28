"""Billing and receivables: the ledgers, meters, tariffs and what matching remembers.

Insert-only (ledger) tables, each guarded by triggers from its first row:
``billing_runs``, ``bills`` and ``bill_lines`` (a bill's id derives from its
contract, period and charge), ``payments`` (unique per account by their
idempotency key), ``allocations`` (money from a payment, a credit or a
deposit to a bill, or refunded), ``deposit_movements``, ``invoices`` (blue,
void and red-letter events), ``meter_readings`` and ``finance_entries``
(the accounting system's, imported back). Plain synced tables: ``meters``
(the tree), ``tariffs``, ``payer_aliases`` and ``bank_mappings``.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

from store.ledger import LEDGER_INFO_KEY, install_guards, remove_guards
from store.types import ExactDecimal, UtcDateTime

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TABLES = (
    "bank_mappings",
    "billing_runs",
    "finance_entries",
    "tariffs",
    "payer_aliases",
    "payments",
    "bills",
    "meters",
    "allocations",
    "bill_lines",
    "deposit_movements",
    "invoices",
    "meter_readings",
)


def upgrade() -> None:
    tables: list[sa.Table] = []
    tables.append(
        op.create_table(
            "bank_mappings",
            sa.Column("park_id", sa.Uuid(), nullable=False),
            sa.Column("account", sa.String(length=64), nullable=False),
            sa.Column("mapping", sa.JSON(), nullable=False),
            sa.Column("id", sa.Uuid(), nullable=False),
            sa.Column("hlc", sa.String(length=64), nullable=False),
            sa.Column("field_hlc", sa.JSON(), nullable=False),
            sa.Column("row_version", sa.Integer(), nullable=False),
            sa.Column("archived", sa.Boolean(), nullable=False),
            sa.Column("updated_at", UtcDateTime(), nullable=False),
            sa.ForeignKeyConstraint(
                ["park_id"], ["parks.id"], name=op.f("fk_bank_mappings_park_id_parks")
            ),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_bank_mappings")),
            sa.UniqueConstraint("park_id", "account", name=op.f("uq_bank_mappings_park_id")),
        )
    )
    op.create_index(op.f("ix_bank_mappings_park_id"), "bank_mappings", ["park_id"], unique=False)
    tables.append(
        op.create_table(
            "billing_runs",
            sa.Column("park_id", sa.Uuid(), nullable=False),
            sa.Column("period_from", sa.Date(), nullable=False),
            sa.Column("period_to", sa.Date(), nullable=False),
            sa.Column("run_on", sa.Date(), nullable=False),
            sa.Column("created", sa.Integer(), nullable=False),
            sa.Column("existing", sa.Integer(), nullable=False),
            sa.Column("skipped", sa.Integer(), nullable=False),
            sa.Column("report", sa.JSON(), nullable=False),
            sa.Column("id", sa.Uuid(), nullable=False),
            sa.Column("hlc", sa.String(length=64), nullable=False),
            sa.Column("field_hlc", sa.JSON(), nullable=False),
            sa.Column("row_version", sa.Integer(), nullable=False),
            sa.Column("archived", sa.Boolean(), nullable=False),
            sa.Column("updated_at", UtcDateTime(), nullable=False),
            sa.ForeignKeyConstraint(
                ["park_id"], ["parks.id"], name=op.f("fk_billing_runs_park_id_parks")
            ),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_billing_runs")),
            info={"leasemap.ledger": True},
        )
    )
    op.create_index(op.f("ix_billing_runs_park_id"), "billing_runs", ["park_id"], unique=False)
    tables.append(
        op.create_table(
            "finance_entries",
            sa.Column("park_id", sa.Uuid(), nullable=False),
            sa.Column("key", sa.String(length=128), nullable=False),
            sa.Column("entry_on", sa.Date(), nullable=False),
            sa.Column("account", sa.String(length=100), nullable=False),
            sa.Column("counterparty", sa.String(length=200), nullable=False),
            sa.Column("amount", ExactDecimal(18, 2), nullable=False),
            sa.Column("reference", sa.String(length=100), nullable=False),
            sa.Column("voucher", sa.String(length=64), nullable=False),
            sa.Column("source_file", sa.String(length=300), nullable=False),
            sa.Column("id", sa.Uuid(), nullable=False),
            sa.Column("hlc", sa.String(length=64), nullable=False),
            sa.Column("field_hlc", sa.JSON(), nullable=False),
            sa.Column("row_version", sa.Integer(), nullable=False),
            sa.Column("archived", sa.Boolean(), nullable=False),
            sa.Column("updated_at", UtcDateTime(), nullable=False),
            sa.ForeignKeyConstraint(
                ["park_id"], ["parks.id"], name=op.f("fk_finance_entries_park_id_parks")
            ),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_finance_entries")),
            sa.UniqueConstraint("park_id", "key", name=op.f("uq_finance_entries_park_id")),
            info={"leasemap.ledger": True},
        )
    )
    op.create_index(
        op.f("ix_finance_entries_park_id"), "finance_entries", ["park_id"], unique=False
    )
    tables.append(
        op.create_table(
            "tariffs",
            sa.Column("park_id", sa.Uuid(), nullable=False),
            sa.Column("utility", sa.String(length=16), nullable=False),
            sa.Column("name", sa.String(length=100), nullable=False),
            sa.Column("valid_from", sa.Date(), nullable=False),
            sa.Column("document", sa.JSON(), nullable=False),
            sa.Column("id", sa.Uuid(), nullable=False),
            sa.Column("hlc", sa.String(length=64), nullable=False),
            sa.Column("field_hlc", sa.JSON(), nullable=False),
            sa.Column("row_version", sa.Integer(), nullable=False),
            sa.Column("archived", sa.Boolean(), nullable=False),
            sa.Column("updated_at", UtcDateTime(), nullable=False),
            sa.ForeignKeyConstraint(
                ["park_id"], ["parks.id"], name=op.f("fk_tariffs_park_id_parks")
            ),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_tariffs")),
        )
    )
    op.create_index(op.f("ix_tariffs_park_id"), "tariffs", ["park_id"], unique=False)
    tables.append(
        op.create_table(
            "payer_aliases",
            sa.Column("park_id", sa.Uuid(), nullable=False),
            sa.Column("tenant_id", sa.Uuid(), nullable=False),
            sa.Column("name", sa.String(length=200), nullable=False),
            sa.Column("id", sa.Uuid(), nullable=False),
            sa.Column("hlc", sa.String(length=64), nullable=False),
            sa.Column("field_hlc", sa.JSON(), nullable=False),
            sa.Column("row_version", sa.Integer(), nullable=False),
            sa.Column("archived", sa.Boolean(), nullable=False),
            sa.Column("updated_at", UtcDateTime(), nullable=False),
            sa.ForeignKeyConstraint(
                ["park_id"], ["parks.id"], name=op.f("fk_payer_aliases_park_id_parks")
            ),
            sa.ForeignKeyConstraint(
                ["tenant_id"], ["tenants.id"], name=op.f("fk_payer_aliases_tenant_id_tenants")
            ),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_payer_aliases")),
            sa.UniqueConstraint("tenant_id", "name", name=op.f("uq_payer_aliases_tenant_id")),
        )
    )
    op.create_index(op.f("ix_payer_aliases_park_id"), "payer_aliases", ["park_id"], unique=False)
    op.create_index(
        op.f("ix_payer_aliases_tenant_id"), "payer_aliases", ["tenant_id"], unique=False
    )
    tables.append(
        op.create_table(
            "payments",
            sa.Column("park_id", sa.Uuid(), nullable=False),
            sa.Column("account", sa.String(length=64), nullable=False),
            sa.Column("key", sa.String(length=128), nullable=False),
            sa.Column("received_on", sa.Date(), nullable=False),
            sa.Column("amount", ExactDecimal(18, 2), nullable=False),
            sa.Column("currency", sa.String(length=3), nullable=False),
            sa.Column("payer", sa.String(length=200), nullable=False),
            sa.Column("remarks", sa.Text(), nullable=False),
            sa.Column("reference", sa.String(length=100), nullable=False),
            sa.Column("balance", ExactDecimal(18, 2), nullable=True),
            sa.Column("source", sa.String(length=16), nullable=False),
            sa.Column("source_file", sa.String(length=300), nullable=False),
            sa.Column("tenant_id", sa.Uuid(), nullable=True),
            sa.Column("id", sa.Uuid(), nullable=False),
            sa.Column("hlc", sa.String(length=64), nullable=False),
            sa.Column("field_hlc", sa.JSON(), nullable=False),
            sa.Column("row_version", sa.Integer(), nullable=False),
            sa.Column("archived", sa.Boolean(), nullable=False),
            sa.Column("updated_at", UtcDateTime(), nullable=False),
            sa.ForeignKeyConstraint(
                ["park_id"], ["parks.id"], name=op.f("fk_payments_park_id_parks")
            ),
            sa.ForeignKeyConstraint(
                ["tenant_id"], ["tenants.id"], name=op.f("fk_payments_tenant_id_tenants")
            ),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
            sa.UniqueConstraint("park_id", "account", "key", name=op.f("uq_payments_park_id")),
            info={"leasemap.ledger": True},
        )
    )
    op.create_index(op.f("ix_payments_park_id"), "payments", ["park_id"], unique=False)
    op.create_index(op.f("ix_payments_tenant_id"), "payments", ["tenant_id"], unique=False)
    tables.append(
        op.create_table(
            "bills",
            sa.Column("park_id", sa.Uuid(), nullable=False),
            sa.Column("contract_id", sa.Uuid(), nullable=False),
            sa.Column("tenant_id", sa.Uuid(), nullable=False),
            sa.Column("run_id", sa.Uuid(), nullable=True),
            sa.Column("corrects_id", sa.Uuid(), nullable=True),
            sa.Column("number", sa.String(length=64), nullable=False),
            sa.Column("kind", sa.String(length=16), nullable=False),
            sa.Column("charge", sa.String(length=64), nullable=False),
            sa.Column("period_start", sa.Date(), nullable=False),
            sa.Column("period_end", sa.Date(), nullable=False),
            sa.Column("due_on", sa.Date(), nullable=False),
            sa.Column("issued_on", sa.Date(), nullable=False),
            sa.Column("amount", ExactDecimal(18, 2), nullable=False),
            sa.Column("currency", sa.String(length=3), nullable=False),
            sa.Column("id", sa.Uuid(), nullable=False),
            sa.Column("hlc", sa.String(length=64), nullable=False),
            sa.Column("field_hlc", sa.JSON(), nullable=False),
            sa.Column("row_version", sa.Integer(), nullable=False),
            sa.Column("archived", sa.Boolean(), nullable=False),
            sa.Column("updated_at", UtcDateTime(), nullable=False),
            sa.ForeignKeyConstraint(
                ["contract_id"], ["contracts.id"], name=op.f("fk_bills_contract_id_contracts")
            ),
            sa.ForeignKeyConstraint(
                ["corrects_id"], ["bills.id"], name=op.f("fk_bills_corrects_id_bills")
            ),
            sa.ForeignKeyConstraint(["park_id"], ["parks.id"], name=op.f("fk_bills_park_id_parks")),
            sa.ForeignKeyConstraint(
                ["run_id"], ["billing_runs.id"], name=op.f("fk_bills_run_id_billing_runs")
            ),
            sa.ForeignKeyConstraint(
                ["tenant_id"], ["tenants.id"], name=op.f("fk_bills_tenant_id_tenants")
            ),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_bills")),
            info={"leasemap.ledger": True},
        )
    )
    op.create_index(
        "ix_bills_contract_period", "bills", ["contract_id", "period_start"], unique=False
    )
    op.create_index(op.f("ix_bills_corrects_id"), "bills", ["corrects_id"], unique=False)
    op.create_index(op.f("ix_bills_park_id"), "bills", ["park_id"], unique=False)
    op.create_index(op.f("ix_bills_run_id"), "bills", ["run_id"], unique=False)
    op.create_index("ix_bills_tenant_due", "bills", ["tenant_id", "due_on"], unique=False)
    tables.append(
        op.create_table(
            "meters",
            sa.Column("park_id", sa.Uuid(), nullable=False),
            sa.Column("code", sa.String(length=64), nullable=False),
            sa.Column("utility", sa.String(length=16), nullable=False),
            sa.Column("parent_id", sa.Uuid(), nullable=True),
            sa.Column("unit_id", sa.Uuid(), nullable=True),
            sa.Column("tariff_id", sa.Uuid(), nullable=True),
            sa.Column("multiplier", ExactDecimal(10, 3), nullable=False),
            sa.Column("rollover_at", ExactDecimal(16, 3), nullable=True),
            sa.Column("registers", sa.JSON(), nullable=False),
            sa.Column("basis", sa.JSON(), nullable=False),
            sa.Column("installed_on", sa.Date(), nullable=True),
            sa.Column("removed_on", sa.Date(), nullable=True),
            sa.Column("replaces_id", sa.Uuid(), nullable=True),
            sa.Column("id", sa.Uuid(), nullable=False),
            sa.Column("hlc", sa.String(length=64), nullable=False),
            sa.Column("field_hlc", sa.JSON(), nullable=False),
            sa.Column("row_version", sa.Integer(), nullable=False),
            sa.Column("archived", sa.Boolean(), nullable=False),
            sa.Column("updated_at", UtcDateTime(), nullable=False),
            sa.ForeignKeyConstraint(
                ["parent_id"], ["meters.id"], name=op.f("fk_meters_parent_id_meters")
            ),
            sa.ForeignKeyConstraint(
                ["park_id"], ["parks.id"], name=op.f("fk_meters_park_id_parks")
            ),
            sa.ForeignKeyConstraint(
                ["replaces_id"], ["meters.id"], name=op.f("fk_meters_replaces_id_meters")
            ),
            sa.ForeignKeyConstraint(
                ["tariff_id"], ["tariffs.id"], name=op.f("fk_meters_tariff_id_tariffs")
            ),
            sa.ForeignKeyConstraint(
                ["unit_id"], ["units.id"], name=op.f("fk_meters_unit_id_units")
            ),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_meters")),
            sa.UniqueConstraint("park_id", "code", name=op.f("uq_meters_park_id")),
        )
    )
    op.create_index(op.f("ix_meters_parent_id"), "meters", ["parent_id"], unique=False)
    op.create_index(op.f("ix_meters_park_id"), "meters", ["park_id"], unique=False)
    op.create_index(op.f("ix_meters_unit_id"), "meters", ["unit_id"], unique=False)
    tables.append(
        op.create_table(
            "allocations",
            sa.Column("park_id", sa.Uuid(), nullable=False),
            sa.Column("source_kind", sa.String(length=16), nullable=False),
            sa.Column("source_id", sa.Uuid(), nullable=False),
            sa.Column("bill_id", sa.Uuid(), nullable=True),
            sa.Column("kind", sa.String(length=16), nullable=False),
            sa.Column("reverses_id", sa.Uuid(), nullable=True),
            sa.Column("amount", ExactDecimal(18, 2), nullable=False),
            sa.Column("on", sa.Date(), nullable=False),
            sa.Column("by", sa.String(length=16), nullable=False),
            sa.Column("reasons", sa.JSON(), nullable=False),
            sa.Column("id", sa.Uuid(), nullable=False),
            sa.Column("hlc", sa.String(length=64), nullable=False),
            sa.Column("field_hlc", sa.JSON(), nullable=False),
            sa.Column("row_version", sa.Integer(), nullable=False),
            sa.Column("archived", sa.Boolean(), nullable=False),
            sa.Column("updated_at", UtcDateTime(), nullable=False),
            sa.ForeignKeyConstraint(
                ["bill_id"], ["bills.id"], name=op.f("fk_allocations_bill_id_bills")
            ),
            sa.ForeignKeyConstraint(
                ["park_id"], ["parks.id"], name=op.f("fk_allocations_park_id_parks")
            ),
            sa.ForeignKeyConstraint(
                ["reverses_id"],
                ["allocations.id"],
                name=op.f("fk_allocations_reverses_id_allocations"),
            ),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_allocations")),
            info={"leasemap.ledger": True},
        )
    )
    op.create_index(op.f("ix_allocations_bill_id"), "allocations", ["bill_id"], unique=False)
    op.create_index(op.f("ix_allocations_park_id"), "allocations", ["park_id"], unique=False)
    op.create_index(
        "ix_allocations_source", "allocations", ["source_kind", "source_id"], unique=False
    )
    tables.append(
        op.create_table(
            "bill_lines",
            sa.Column("bill_id", sa.Uuid(), nullable=False),
            sa.Column("seq", sa.Integer(), nullable=False),
            sa.Column("starts_on", sa.Date(), nullable=False),
            sa.Column("ends_on", sa.Date(), nullable=False),
            sa.Column("amount", ExactDecimal(18, 2), nullable=False),
            sa.Column("explanation", sa.JSON(), nullable=False),
            sa.Column("id", sa.Uuid(), nullable=False),
            sa.Column("hlc", sa.String(length=64), nullable=False),
            sa.Column("field_hlc", sa.JSON(), nullable=False),
            sa.Column("row_version", sa.Integer(), nullable=False),
            sa.Column("archived", sa.Boolean(), nullable=False),
            sa.Column("updated_at", UtcDateTime(), nullable=False),
            sa.ForeignKeyConstraint(
                ["bill_id"], ["bills.id"], name=op.f("fk_bill_lines_bill_id_bills")
            ),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_bill_lines")),
            sa.UniqueConstraint("bill_id", "seq", name=op.f("uq_bill_lines_bill_id")),
            info={"leasemap.ledger": True},
        )
    )
    op.create_index(op.f("ix_bill_lines_bill_id"), "bill_lines", ["bill_id"], unique=False)
    tables.append(
        op.create_table(
            "deposit_movements",
            sa.Column("park_id", sa.Uuid(), nullable=False),
            sa.Column("contract_id", sa.Uuid(), nullable=False),
            sa.Column("kind", sa.String(length=16), nullable=False),
            sa.Column("amount", ExactDecimal(18, 2), nullable=False),
            sa.Column("on", sa.Date(), nullable=False),
            sa.Column("payment_id", sa.Uuid(), nullable=True),
            sa.Column("bill_id", sa.Uuid(), nullable=True),
            sa.Column("reverses_id", sa.Uuid(), nullable=True),
            sa.Column("note", sa.Text(), nullable=False),
            sa.Column("id", sa.Uuid(), nullable=False),
            sa.Column("hlc", sa.String(length=64), nullable=False),
            sa.Column("field_hlc", sa.JSON(), nullable=False),
            sa.Column("row_version", sa.Integer(), nullable=False),
            sa.Column("archived", sa.Boolean(), nullable=False),
            sa.Column("updated_at", UtcDateTime(), nullable=False),
            sa.ForeignKeyConstraint(
                ["bill_id"], ["bills.id"], name=op.f("fk_deposit_movements_bill_id_bills")
            ),
            sa.ForeignKeyConstraint(
                ["contract_id"],
                ["contracts.id"],
                name=op.f("fk_deposit_movements_contract_id_contracts"),
            ),
            sa.ForeignKeyConstraint(
                ["park_id"], ["parks.id"], name=op.f("fk_deposit_movements_park_id_parks")
            ),
            sa.ForeignKeyConstraint(
                ["payment_id"],
                ["payments.id"],
                name=op.f("fk_deposit_movements_payment_id_payments"),
            ),
            sa.ForeignKeyConstraint(
                ["reverses_id"],
                ["deposit_movements.id"],
                name=op.f("fk_deposit_movements_reverses_id_deposit_movements"),
            ),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_deposit_movements")),
            info={"leasemap.ledger": True},
        )
    )
    op.create_index(
        op.f("ix_deposit_movements_contract_id"), "deposit_movements", ["contract_id"], unique=False
    )
    op.create_index(
        op.f("ix_deposit_movements_park_id"), "deposit_movements", ["park_id"], unique=False
    )
    tables.append(
        op.create_table(
            "invoices",
            sa.Column("park_id", sa.Uuid(), nullable=False),
            sa.Column("bill_id", sa.Uuid(), nullable=False),
            sa.Column("tenant_id", sa.Uuid(), nullable=False),
            sa.Column("number", sa.String(length=64), nullable=False),
            sa.Column("kind", sa.String(length=16), nullable=False),
            sa.Column("of_id", sa.Uuid(), nullable=True),
            sa.Column("issued_on", sa.Date(), nullable=False),
            sa.Column("tax_rate", ExactDecimal(6, 4), nullable=False),
            sa.Column("amount_incl", ExactDecimal(18, 2), nullable=False),
            sa.Column("amount_excl", ExactDecimal(18, 2), nullable=False),
            sa.Column("tax", ExactDecimal(18, 2), nullable=False),
            sa.Column("id", sa.Uuid(), nullable=False),
            sa.Column("hlc", sa.String(length=64), nullable=False),
            sa.Column("field_hlc", sa.JSON(), nullable=False),
            sa.Column("row_version", sa.Integer(), nullable=False),
            sa.Column("archived", sa.Boolean(), nullable=False),
            sa.Column("updated_at", UtcDateTime(), nullable=False),
            sa.ForeignKeyConstraint(
                ["bill_id"], ["bills.id"], name=op.f("fk_invoices_bill_id_bills")
            ),
            sa.ForeignKeyConstraint(
                ["of_id"], ["invoices.id"], name=op.f("fk_invoices_of_id_invoices")
            ),
            sa.ForeignKeyConstraint(
                ["park_id"], ["parks.id"], name=op.f("fk_invoices_park_id_parks")
            ),
            sa.ForeignKeyConstraint(
                ["tenant_id"], ["tenants.id"], name=op.f("fk_invoices_tenant_id_tenants")
            ),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_invoices")),
            sa.UniqueConstraint("park_id", "number", "kind", name=op.f("uq_invoices_park_id")),
            info={"leasemap.ledger": True},
        )
    )
    op.create_index(op.f("ix_invoices_bill_id"), "invoices", ["bill_id"], unique=False)
    op.create_index(op.f("ix_invoices_park_id"), "invoices", ["park_id"], unique=False)
    tables.append(
        op.create_table(
            "meter_readings",
            sa.Column("meter_id", sa.Uuid(), nullable=False),
            sa.Column("read_on", sa.Date(), nullable=False),
            sa.Column("register", sa.String(length=16), nullable=False),
            sa.Column("value", ExactDecimal(16, 3), nullable=False),
            sa.Column("kind", sa.String(length=16), nullable=False),
            sa.Column("source", sa.String(length=16), nullable=False),
            sa.Column("id", sa.Uuid(), nullable=False),
            sa.Column("hlc", sa.String(length=64), nullable=False),
            sa.Column("field_hlc", sa.JSON(), nullable=False),
            sa.Column("row_version", sa.Integer(), nullable=False),
            sa.Column("archived", sa.Boolean(), nullable=False),
            sa.Column("updated_at", UtcDateTime(), nullable=False),
            sa.ForeignKeyConstraint(
                ["meter_id"], ["meters.id"], name=op.f("fk_meter_readings_meter_id_meters")
            ),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_meter_readings")),
            info={"leasemap.ledger": True},
        )
    )
    op.create_index(
        "ix_meter_readings_meter_day", "meter_readings", ["meter_id", "read_on"], unique=False
    )
    for table in tables:
        if table.info.get(LEDGER_INFO_KEY):
            install_guards(op.get_bind(), table)  # insert-only from its first row


LEDGERS = {
    "billing_runs",
    "finance_entries",
    "payments",
    "bills",
    "allocations",
    "bill_lines",
    "deposit_movements",
    "invoices",
    "meter_readings",
}


def downgrade() -> None:
    for name in reversed(TABLES):
        if name in LEDGERS:
            remove_guards(op.get_bind(), name)
        op.drop_table(name)
