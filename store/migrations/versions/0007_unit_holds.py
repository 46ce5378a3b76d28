"""A contract's hold on each unit has its own dates: amendments add and release units.

``contract_units.held_from`` is the day an amendment added the unit (NULL: from
the term's start) and ``held_to`` the last day the contract holds a unit an
amendment released (NULL: to the contract's own end or termination). Every
existing link keeps both NULL, so nothing anyone sees changes.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contract_units") as batch:
        batch.add_column(sa.Column("held_from", sa.Date(), nullable=True))
        batch.add_column(sa.Column("held_to", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("contract_units") as batch:
        batch.drop_column("held_to")
        batch.drop_column("held_from")
