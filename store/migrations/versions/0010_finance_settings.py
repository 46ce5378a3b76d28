"""Finance settings: a park's VAT table, why an invoice was voided or reversed, a working
calendar, and the day a collections action ended.

- ``parks.tax_rates`` (JSON, ``{}``): the park's rates where they differ from the
  default table, charge or kind → rate as text, or ``"exempt"``. Every park starts
  with none, so every invoice keeps the rate it would have had.
- ``invoices.note`` (text up to 300, ``""``): the reason given for a void (作废) or a
  red invoice (红冲). The reason always travelled in the ``void_invoice`` /
  ``reverse_invoice`` command; the rows whose command this device's outbox still holds
  take it from there (the command is what the other replicas will build the row from,
  so they agree). ``invoices`` is a ledger: its guards are installed again so the new
  column is insert-only too.
- ``alerts.ended_on`` (date): the day a collections action's tier ended. Until now an
  ended action was an archived alert whose ``cleared_on`` said the day (or, never
  cleared, the day it was raised), indistinguishable from a deleted one. Those rows
  get ``ended_on`` as that reading made it, are no longer archived, and their
  ``cleared_on`` is emptied: the reading never showed an ended action as done, and
  ``cleared_on`` now means done by a person only. Every replica's migration derives the
  same values from the same rows, so no op is written for it (as 0004's rewrite).
- ``holidays`` (synced): a park's public holidays and 调休 make-up working days,
  one row per (park, day).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from store.ledger import install_guards, remove_guards
from store.types import UtcDateTime

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

NOTE_LIMIT = 300
COLLECTIONS = "collections"  # services.collections.ALERT_KIND
NOTE_COMMANDS = ("void_invoice", "reverse_invoice")

alerts = sa.table(
    "alerts",
    sa.column("kind", sa.String(32)),
    sa.column("raised_on", sa.Date()),
    sa.column("cleared_on", sa.Date()),
    sa.column("ended_on", sa.Date()),
    sa.column("archived", sa.Boolean()),
)
invoices = sa.table("invoices", sa.column("id", sa.Uuid()), sa.column("note", sa.String(300)))
outbox = sa.table(
    "outbox",
    sa.column("seq", sa.Integer()),
    sa.column("kind", sa.String(32)),
    sa.column("entity", sa.String(64)),
    sa.column("entity_id", sa.Uuid()),
    sa.column("field", sa.String(64)),
    sa.column("payload", sa.JSON()),
)


def upgrade() -> None:
    bind = op.get_bind()
    with op.batch_alter_table("parks") as batch:
        batch.add_column(sa.Column("tax_rates", sa.JSON(), server_default="{}", nullable=False))
    with op.batch_alter_table("alerts") as batch:
        batch.add_column(sa.Column("ended_on", sa.Date(), nullable=True))
    # A batch rebuild would drop the triggers anyway: off first, back on with the new column.
    remove_guards(bind, "invoices")
    with op.batch_alter_table("invoices") as batch:
        batch.add_column(sa.Column("note", sa.String(length=NOTE_LIMIT), server_default="",
                                   nullable=False))
    _notes_from_commands(bind)
    _guard_invoices(bind)
    bind.execute(
        sa.update(alerts)
        .where(alerts.c.kind == COLLECTIONS, alerts.c.archived.is_(sa.true()))
        .values(ended_on=sa.func.coalesce(alerts.c.cleared_on, alerts.c.raised_on),
                cleared_on=None, archived=False))
    op.create_table(
        "holidays",
        sa.Column("park_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["park_id"], ["parks.id"], name="fk_holidays_park_id_parks"),
        sa.PrimaryKeyConstraint("id", name="pk_holidays"),
        sa.UniqueConstraint("park_id", "day", name="uq_holidays_park_id"),
    )
    op.create_index("ix_holidays_park_id", "holidays", ["park_id"])


def downgrade() -> None:
    bind = op.get_bind()
    # Queued changes the older schema has no place for would block its queue.
    bind.execute(sa.delete(outbox).where(sa.or_(
        outbox.c.entity == "holidays", outbox.c.kind == "set_tax_rates",
        sa.and_(outbox.c.entity == "alerts", outbox.c.field == "ended_on"))))
    op.drop_index("ix_holidays_park_id", "holidays")
    op.drop_table("holidays")
    # An ended action is an archived alert again, its day in cleared_on (when not done).
    bind.execute(
        sa.update(alerts)
        .where(alerts.c.kind == COLLECTIONS, alerts.c.ended_on.is_not(None))
        .values(archived=True,
                cleared_on=sa.func.coalesce(alerts.c.cleared_on, alerts.c.ended_on)))
    with op.batch_alter_table("alerts") as batch:
        batch.drop_column("ended_on")
    remove_guards(bind, "invoices")
    with op.batch_alter_table("invoices") as batch:
        batch.drop_column("note")
    _guard_invoices(bind)
    with op.batch_alter_table("parks") as batch:
        batch.drop_column("tax_rates")


def _guard_invoices(bind: sa.Connection) -> None:
    """The ledger's triggers over the table as it stands now (its columns read from it)."""
    install_guards(bind, sa.Table("invoices", sa.MetaData(), autoload_with=bind))


def _notes_from_commands(bind: sa.Connection) -> None:
    """Each void or red row whose command is still queued here takes the reason it carries."""
    notes: dict[object, str] = {}
    for entity_id, payload in bind.execute(
            sa.select(outbox.c.entity_id, outbox.c.payload)
            .where(outbox.c.entity == "invoices", outbox.c.kind.in_(NOTE_COMMANDS))
            .order_by(outbox.c.seq)):
        note = payload.get("note") if isinstance(payload, dict) else None
        if isinstance(note, str) and note.strip():
            notes[entity_id] = note.strip()[:NOTE_LIMIT]
    if notes:
        bind.execute(sa.update(invoices).where(invoices.c.id == sa.bindparam("row_id"))
                     .values(note=sa.bindparam("row_note")),
                     [{"row_id": k, "row_note": v} for k, v in notes.items()])
