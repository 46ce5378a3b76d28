"""Space use and lineage: common areas are not units for rent; edits are recorded.

``units.space_use`` (leasable, common, building_common) and ``use_reason``;
``parks.billable_rule`` (bill on leasable or internal area); ``space_edits``,
the lineage of splits, merges, reshapes, new units and changes of use. Every
existing unit stays leasable until its floor's rooms are classified again
(``leasemap classify-rooms``): nothing a user entered changes by migrating.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

from store.types import UtcDateTime

AREA_INDEX = ("floor_id", "archived", "code", "id", "internal_area", "space_use", "gross_area",
              "common_share", "leasable_area", "billable_area")

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("units") as batch:
        batch.add_column(sa.Column("space_use", sa.Enum(
            "leasable", "common", "building_common", name="spaceuse", native_enum=False,
            create_constraint=False, length=32), nullable=False, server_default="leasable"))
        batch.add_column(
            sa.Column("use_reason", sa.String(200), nullable=False, server_default=""))
    # Covers what every space edit reads to re-share a building's common area, so the
    # rows' stamps (kilobytes of field_hlc each) are not read for it.
    op.create_index("ix_units_floor_areas", "units", list(AREA_INDEX))
    with op.batch_alter_table("parks") as batch:
        batch.add_column(sa.Column("billable_rule", sa.Enum(
            "leasable", "internal", name="billablerule", native_enum=False,
            create_constraint=False, length=32), nullable=False, server_default="leasable"))
    op.create_table(
        "space_edits",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(64), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("park_id", sa.Uuid(), nullable=False),
        sa.Column("floor_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("parents", sa.JSON(), nullable=False),
        sa.Column("children", sa.JSON(), nullable=False),
        sa.Column("changed", sa.JSON(), nullable=False),
        sa.Column("before", sa.JSON(), nullable=False),
        sa.Column("after", sa.JSON(), nullable=False),
        sa.Column("undone", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_space_edits"),
        sa.ForeignKeyConstraint(["park_id"], ["parks.id"], name="fk_space_edits_park_id_parks"),
        sa.ForeignKeyConstraint(["floor_id"], ["floors.id"],
                                name="fk_space_edits_floor_id_floors"),
    )
    op.create_index("ix_space_edits_park_id", "space_edits", ["park_id"])
    op.create_index("ix_space_edits_floor_id", "space_edits", ["floor_id"])


def downgrade() -> None:
    op.drop_table("space_edits")
    with op.batch_alter_table("parks") as batch:
        batch.drop_column("billable_rule")
    op.drop_index("ix_units_floor_areas", "units")
    with op.batch_alter_table("units") as batch:
        batch.drop_column("use_reason")
        batch.drop_column("space_use")
