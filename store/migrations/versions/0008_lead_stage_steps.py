"""A lead's stage history in its own insert-only table, filled from what the outbox still holds.

Until now a lead's history was read from the outbox (its ``create`` op and the
``field_set`` ops of ``stage`` / ``stage_on`` / ``lost_reason``), which sync
empties: the history was lost at the first push. ``lead_stage_steps`` is a
ledger table (guards from ``store.ledger``): one row per stage a lead reached.

The backfill reads each lead's ops as the old history did: a ``create`` or a
change of ``stage`` starts a step, the ``stage_on`` and ``lost_reason`` changes
after it fill it in, a step without a day takes the one before it (or the
lead's), and the last step always says the lead's current stage, day and
reason; a lead the outbox says nothing of gets one step, its current stage.

Ids are derived (uuid5 of the lead, stage, day and how many times that stage and
day came before), as SYNC.md derives bill ids: every device and the server,
which derive the current-stage step from the same lead, make the same row, and
a step a device also pushes is one entry, not two. Only the steps read from
this device's outbox are news to the others, so only they get a ``create`` op
(stamped with the op they come from, by whom and when it was made); a step
derived from the lead alone is made by every replica's own migration, like
0004's rewrite. A row's stamp is that of the change it records (the op's, or
the lead's ``stage`` field stamp), so steps sort by their HLC in causal order.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-08
"""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import date
from typing import Any

import sqlalchemy as sa
from alembic import op

from store.ids import uuid7
from store.ledger import install_guards, remove_guards
from store.types import UtcDateTime, utc_now

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TABLE = "lead_stage_steps"
# Fixed for good: backfilled ids are uuid5 in this namespace on every device and the server.
STEP_NAMESPACE = uuid.UUID("6b1f6f0e-5a0c-4d6e-9a43-2f1c0d8e7b51")
STAGES = frozenset({"lead", "in_contact", "negotiating", "quoted", "signed", "lost"})
STEP_FIELDS = ("stage", "stage_on", "lost_reason")
DATA_KEYS = ("lead_id", "stage", "stage_on", "lost_reason", "actor", "moved_at", "archived")

leads = sa.table(
    "leads",
    sa.column("id", sa.Uuid()),
    sa.column("stage", sa.String(16)),
    sa.column("stage_on", sa.Date()),
    sa.column("lost_reason", sa.String(200)),
    sa.column("hlc", sa.String(64)),
    sa.column("field_hlc", sa.JSON()),
)
outbox = sa.table(
    "outbox",
    sa.column("seq", sa.Integer()),
    sa.column("op_id", sa.Uuid()),
    sa.column("kind", sa.String(32)),
    sa.column("entity", sa.String(64)),
    sa.column("entity_id", sa.Uuid()),
    sa.column("field", sa.String(64)),
    sa.column("payload", sa.JSON()),
    sa.column("hlc", sa.String(64)),
    sa.column("base_version", sa.Integer()),
    sa.column("device_id", sa.String(64)),
    sa.column("actor", sa.String(100)),
    sa.column("at", UtcDateTime()),
)


def upgrade() -> None:
    steps = op.create_table(
        TABLE,
        sa.Column("lead_id", sa.Uuid(), nullable=False),
        sa.Column("stage", sa.String(length=32), nullable=False),
        sa.Column("stage_on", sa.Date(), nullable=False),
        sa.Column("lost_reason", sa.Text(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("moved_at", UtcDateTime(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["lead_id"], ["leads.id"],
                                name="fk_lead_stage_steps_lead_id_leads"),
        sa.PrimaryKeyConstraint("id", name="pk_lead_stage_steps"),
    )
    op.create_index("ix_lead_stage_steps_lead_id", TABLE, ["lead_id"])
    bind = op.get_bind()
    install_guards(bind, steps)  # insert-only from its first row
    rows, ops = backfill(bind)
    if rows:
        bind.execute(sa.insert(steps), rows)
    if ops:
        bind.execute(sa.insert(outbox), ops)


def downgrade() -> None:
    bind = op.get_bind()
    # Queued inserts of a table the older schema does not have would block its queue.
    bind.execute(sa.delete(outbox).where(outbox.c.entity == TABLE))
    remove_guards(bind, TABLE)
    op.drop_index("ix_lead_stage_steps_lead_id", TABLE)
    op.drop_table(TABLE)


def step_id(lead_id: uuid.UUID, stage: str, on: date, repeat: int) -> uuid.UUID:
    """A backfilled step's id: the same lead, stage, day and repeat give the same id anywhere."""
    return uuid.uuid5(STEP_NAMESPACE, f"{lead_id}:{stage}:{on.isoformat()}:{repeat}")


def backfill(bind: sa.Connection) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every lead's steps as table rows, and the ``create`` ops of those read from the outbox."""
    current = {row.id: row for row in bind.execute(sa.select(
        leads.c.id, leads.c.stage, leads.c.stage_on, leads.c.lost_reason, leads.c.hlc,
        leads.c.field_hlc))}
    if not current:
        return [], []
    logged: dict[uuid.UUID, list[dict[str, Any]]] = {}
    for entry in bind.execute(
            sa.select(outbox).where(
                outbox.c.entity == "leads",
                sa.or_(outbox.c.kind == "create",
                       sa.and_(outbox.c.kind == "field_set", outbox.c.field.in_(STEP_FIELDS))))
            .order_by(outbox.c.seq)).mappings():
        _read_op(logged.setdefault(entry["entity_id"], []), entry)
    now = utc_now()
    rows: list[dict[str, Any]] = []
    ops: list[dict[str, Any]] = []
    for lead_id, lead in current.items():
        steps = _resolved(logged.get(lead_id, []), lead)
        seen: Counter[tuple[str, date]] = Counter()
        for step in steps:
            key = (step["stage"], step["on"])
            row = {
                "id": step_id(lead_id, step["stage"], step["on"], seen[key]),
                "lead_id": lead_id, "stage": step["stage"], "stage_on": step["on"],
                "lost_reason": step["lost_reason"], "actor": step["actor"],
                "moved_at": step["at"], "archived": False, "hlc": step["hlc"],
                "field_hlc": dict.fromkeys(DATA_KEYS, step["hlc"]), "row_version": 0,
                "updated_at": now,
            }
            seen[key] += 1
            rows.append(row)
            source = step["op"]
            if source is not None:
                ops.append(_create_op(row, source))
    return rows, ops


def _read_op(steps: list[dict[str, Any]], entry: Any) -> None:
    """Fold one of a lead's ops into its steps, as the outbox reading always did."""
    payload = entry["payload"] if isinstance(entry["payload"], dict) else {}
    if entry["kind"] == "create":
        steps.append({"stage": payload.get("stage"), "on": payload.get("stage_on"),
                      "lost_reason": payload.get("lost_reason") or "", "op": entry})
    elif entry["field"] == "stage":
        steps.append({"stage": payload.get("value"), "on": None, "lost_reason": "",
                      "op": entry})
    elif steps:
        key = "on" if entry["field"] == "stage_on" else "lost_reason"
        steps[-1][key] = payload.get("value") or ""


def _resolved(logged: list[dict[str, Any]], lead: Any) -> list[dict[str, Any]]:
    """The steps with their days, the last one the lead's current stage."""
    out: list[dict[str, Any]] = []
    for step in logged:
        if step["stage"] not in STAGES:
            continue
        on = step["on"]
        day = date.fromisoformat(on) if isinstance(on, str) and on else (
            out[-1]["on"] if out else lead.stage_on)
        source = step["op"]
        out.append({"stage": step["stage"], "on": day, "lost_reason": step["lost_reason"],
                    "actor": source["actor"], "at": source["at"], "hlc": source["hlc"],
                    "op": source})
    reason = lead.lost_reason or ""
    if not out or out[-1]["stage"] != lead.stage:
        stamps = lead.field_hlc if isinstance(lead.field_hlc, dict) else {}
        out.append({"stage": lead.stage, "on": lead.stage_on, "lost_reason": reason,
                    "actor": "", "at": None, "hlc": stamps.get("stage") or lead.hlc or "",
                    "op": None})
    elif out[-1]["on"] != lead.stage_on or out[-1]["lost_reason"] != reason:
        out[-1].update(on=lead.stage_on, lost_reason=reason)
    return out


def _create_op(row: dict[str, Any], source: Any) -> dict[str, Any]:
    """The ``create`` op a flush would have written for ``row``, made by whom and when the
    op it was read from was."""
    payload = {
        "lead_id": str(row["lead_id"]), "stage": row["stage"],
        "stage_on": row["stage_on"].isoformat(), "lost_reason": row["lost_reason"],
        "actor": row["actor"],
        "moved_at": row["moved_at"].isoformat() if row["moved_at"] is not None else None,
        "archived": False,
    }
    return {"op_id": uuid7(), "kind": "create", "entity": TABLE, "entity_id": row["id"],
            "field": None, "payload": payload, "hlc": row["hlc"], "base_version": 0,
            "device_id": source["device_id"], "actor": source["actor"], "at": source["at"]}
