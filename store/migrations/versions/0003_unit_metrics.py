"""Unit metrics: monthly energy, operating cost and use readings per unit.

The energy, net-revenue and heat maps read them (SPEC §3).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

from store.types import ExactDecimal, UtcDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "unit_metrics",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(64), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("park_id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("energy_kwh", ExactDecimal(14, 2), nullable=True),
        sa.Column("cost", ExactDecimal(18, 2), nullable=True),
        sa.Column("access_count", sa.Integer(), nullable=True),
        sa.Column("lighting_hours", ExactDecimal(8, 1), nullable=True),
        sa.Column("hvac_hours", ExactDecimal(8, 1), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_unit_metrics"),
        sa.ForeignKeyConstraint(["park_id"], ["parks.id"], name="fk_unit_metrics_park_id_parks"),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name="fk_unit_metrics_unit_id_units"),
        sa.UniqueConstraint("unit_id", "month", name="uq_unit_metrics_unit_id"),
    )
    op.create_index("ix_unit_metrics_park_id", "unit_metrics", ["park_id"])
    op.create_index("ix_unit_metrics_unit_id", "unit_metrics", ["unit_id"])


def downgrade() -> None:
    op.drop_table("unit_metrics")
