"""Asset register, tenants, first contracts, workspace meta and the outbox.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

from store.types import ExactDecimal, UtcDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _synced() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(64), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
    ]


def _pk(table: str) -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint("id", name=f"pk_{table}")


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=f"fk_{table}_{column}_{target}")


def _area(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, ExactDecimal(14, 2), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "parks",
        *_synced(),
        sa.Column("code", sa.String(16), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("city", sa.String(100), nullable=False),
        sa.Column("address", sa.String(300), nullable=False),
        sa.Column("site_plan", sa.LargeBinary(), nullable=True),
        _pk("parks"),
        sa.UniqueConstraint("code", name="uq_parks_code"),
    )
    op.create_table(
        "buildings",
        *_synced(),
        sa.Column("park_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(16), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("floors_above", sa.Integer(), nullable=False),
        sa.Column("floors_below", sa.Integer(), nullable=False),
        sa.Column("footprint", sa.LargeBinary(), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        _pk("buildings"),
        _fk("buildings", "park_id", "parks"),
        sa.UniqueConstraint("park_id", "code", name="uq_buildings_park_id"),
    )
    op.create_index("ix_buildings_park_id", "buildings", ["park_id"])
    op.create_table(
        "floors",
        *_synced(),
        sa.Column("building_id", sa.Uuid(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("elevation", ExactDecimal(10, 3), nullable=False),
        _area("gross_area", nullable=True),
        sa.Column("outline", sa.LargeBinary(), nullable=True),
        sa.Column("background", sa.LargeBinary(), nullable=True),
        sa.Column("background_source", sa.String(500), nullable=False),
        sa.Column("site_transform", sa.JSON(), nullable=True),
        _pk("floors"),
        _fk("floors", "building_id", "buildings"),
        sa.UniqueConstraint("building_id", "level", name="uq_floors_building_id"),
    )
    op.create_index("ix_floors_building_id", "floors", ["building_id"])
    op.create_table(
        "units",
        *_synced(),
        sa.Column("park_id", sa.Uuid(), nullable=False),
        sa.Column("floor_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("unit_type", sa.String(32), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        _area("gross_area"),
        _area("internal_area"),
        _area("common_share"),
        _area("leasable_area"),
        _area("billable_area"),
        sa.Column("asking_rent", ExactDecimal(14, 4), nullable=True),
        sa.Column("orientation", sa.String(32), nullable=True),
        sa.Column("ceiling_height", ExactDecimal(6, 2), nullable=True),
        sa.Column("floor_load", ExactDecimal(8, 2), nullable=True),
        sa.Column("power_capacity", ExactDecimal(10, 1), nullable=True),
        sa.Column("fit_out", sa.String(32), nullable=True),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("geometry", sa.LargeBinary(), nullable=True),
        sa.Column("derived_from", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        _pk("units"),
        _fk("units", "park_id", "parks"),
        _fk("units", "floor_id", "floors"),
        sa.UniqueConstraint("park_id", "code", name="uq_units_park_id"),
    )
    op.create_index("ix_units_park_id", "units", ["park_id"])
    op.create_index("ix_units_floor_id", "units", ["floor_id"])
    op.create_table(
        "tenants",
        *_synced(),
        sa.Column("park_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("short_name", sa.String(100), nullable=False),
        sa.Column("contact_name", sa.String(100), nullable=False),
        sa.Column("contact_phone", sa.String(50), nullable=False),
        sa.Column("contact_email", sa.String(200), nullable=False),
        sa.Column("industry", sa.String(100), nullable=False),
        sa.Column("chain_position", sa.String(32), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        _pk("tenants"),
        _fk("tenants", "park_id", "parks"),
        sa.UniqueConstraint("park_id", "code", name="uq_tenants_park_id"),
    )
    op.create_index("ix_tenants_park_id", "tenants", ["park_id"])
    op.create_table(
        "contracts",
        *_synced(),
        sa.Column("park_id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("terminated_on", sa.Date(), nullable=True),
        sa.Column("rent_per_sqm_month", ExactDecimal(14, 4), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        _pk("contracts"),
        _fk("contracts", "park_id", "parks"),
        _fk("contracts", "tenant_id", "tenants"),
        sa.UniqueConstraint("park_id", "code", name="uq_contracts_park_id"),
    )
    op.create_index("ix_contracts_park_id", "contracts", ["park_id"])
    op.create_index("ix_contracts_tenant_id", "contracts", ["tenant_id"])
    op.create_table(
        "contract_units",
        *_synced(),
        sa.Column("contract_id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        _area("billable_area"),
        _pk("contract_units"),
        _fk("contract_units", "contract_id", "contracts"),
        _fk("contract_units", "unit_id", "units"),
        sa.UniqueConstraint("contract_id", "unit_id", name="uq_contract_units_contract_id"),
    )
    op.create_index("ix_contract_units_contract_id", "contract_units", ["contract_id"])
    op.create_index("ix_contract_units_unit_id", "contract_units", ["unit_id"])
    op.create_table(
        "workspace_meta",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_workspace_meta"),
    )
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("op_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("entity", sa.String(64), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("field", sa.String(64), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("hlc", sa.String(64), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_outbox"),
        sa.UniqueConstraint("op_id", name="uq_outbox_op_id"),
    )
    op.create_index("ix_outbox_entity", "outbox", ["entity", "entity_id"])


def downgrade() -> None:
    for table in (
        "outbox",
        "workspace_meta",
        "contract_units",
        "contracts",
        "tenants",
        "units",
        "floors",
        "buildings",
        "parks",
    ):
        op.drop_table(table)
