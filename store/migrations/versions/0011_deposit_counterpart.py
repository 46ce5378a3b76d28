"""A deposit carry names its other contract in a column of its own.

- ``deposit_movements.counterpart_id`` (nullable, a contract's id): on a renewal's
  ``carried_out`` movement the renewal, on its ``carried_in`` the contract renewed.
  Until now only the movement's ``note`` held that id, as text. The carries already
  written get it from their note here (a note that is not the id of a contract of ours
  leaves it empty, and the reading says the carry's other side is not there, as it did);
  from here on nothing reads the note for it. Every replica's migration derives the
  same values from the same rows, so no op is written for it (as 0004's and 0010's
  rewrites). The carries keep writing the id in the note as well, so a replica still on
  0010 pairs them as before (expand, then contract: SYNC.md).
- A movement is reversed once, whole: ``reverses_id`` is unique, so a second reversal
  of one movement (two transactions on the server, or two devices offline, each having
  read it unreversed) is refused by the database instead of undoing the deposit twice.
  The services never wrote two, so no workspace holds any.
- ``deposit_movements`` is a ledger: its guards are installed again so the new column
  is insert-only too.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-09
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

from store.ledger import install_guards, remove_guards

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

CARRY_KINDS = ("carried_out", "carried_in")  # domain.billing.deposits.CARRY_KINDS
FK = "fk_deposit_movements_counterpart_id_contracts"
ONE_REVERSAL = "uq_deposit_movements_reverses_id"  # store.schema.ONE_REVERSAL

movements = sa.table(
    "deposit_movements",
    sa.column("id", sa.Uuid()),
    sa.column("kind", sa.String(16)),
    sa.column("note", sa.Text()),
    sa.column("counterpart_id", sa.Uuid()),
)
contracts = sa.table("contracts", sa.column("id", sa.Uuid()))


def upgrade() -> None:
    bind = op.get_bind()
    # A batch rebuild would drop the triggers anyway: off first, back on with the new column.
    remove_guards(bind, "deposit_movements")
    with op.batch_alter_table("deposit_movements") as batch:
        batch.add_column(sa.Column("counterpart_id", sa.Uuid(), nullable=True))
        batch.create_foreign_key(FK, "contracts", ["counterpart_id"], ["id"])
        batch.create_unique_constraint(ONE_REVERSAL, ["reverses_id"])
    _counterparts_from_notes(bind)
    _guard(bind)


def downgrade() -> None:
    bind = op.get_bind()
    remove_guards(bind, "deposit_movements")
    with op.batch_alter_table("deposit_movements") as batch:
        batch.drop_constraint(ONE_REVERSAL, type_="unique")
        batch.drop_constraint(FK, type_="foreignkey")
        batch.drop_column("counterpart_id")
    _guard(bind)


def _guard(bind: sa.Connection) -> None:
    """The ledger's triggers over the table as it stands now (its columns read from it)."""
    install_guards(bind, sa.Table("deposit_movements", sa.MetaData(), autoload_with=bind))


def _counterparts_from_notes(bind: sa.Connection) -> None:
    """Each carry written before takes the contract its note names, when it is one of ours."""
    known = set(bind.execute(sa.select(contracts.c.id)).scalars())
    found = []
    for row_id, note in bind.execute(
            sa.select(movements.c.id, movements.c.note)
            .where(movements.c.kind.in_(CARRY_KINDS), movements.c.counterpart_id.is_(None))):
        other = _uuid(note)
        if other is not None and other in known:
            found.append({"row_id": row_id, "other": other})
    if found:
        bind.execute(sa.update(movements).where(movements.c.id == sa.bindparam("row_id"))
                     .values(counterpart_id=sa.bindparam("other")), found)


def _uuid(text: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID((text or "").strip())
    except ValueError:
        return None
