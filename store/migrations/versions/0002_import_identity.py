"""Import identity: where a floor and a unit came from in a drawing.

A re-imported drawing matches its rooms to existing units by this key (IFC
GlobalId, DXF handle) before falling back to codes and overlap.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("floors", "units"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("source_key", sa.String(200), nullable=False, server_default="")
            )


def downgrade() -> None:
    for table in ("floors", "units"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("source_key")
