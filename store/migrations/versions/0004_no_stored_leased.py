""""Leased" is no longer a stored unit status.

Whether a unit is leased on a date now comes from its contracts
(``domain.occupancy``); the status keeps only what the operator sets. Units
stored as ``leased`` become ``leasable``, and so do queued outbox operations
that would set ``leased`` on a unit: a create's payload, a ``field_set`` of
``units.status``, and units carried inside unit commands (split, merge).
Every device and the server run this same rewrite, so it is no change to sync.
The status column has no CHECK constraint (``enum_column`` makes none), so
there is no list of values to shrink. Downgrading keeps ``leasable``, a
status every older schema knows.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

OLD, NEW = "leased", "leasable"

units = sa.table("units", sa.column("status", sa.String(32)))
outbox = sa.table(
    "outbox",
    sa.column("seq", sa.Integer),
    sa.column("kind", sa.String(32)),
    sa.column("entity", sa.String(64)),
    sa.column("field", sa.String(64)),
    sa.column("payload", sa.JSON),
)


def _rewritten(kind: str, field: str | None, payload: Any) -> Any:
    """The payload with every unit status ``leased`` made ``leasable``, or None if unchanged."""
    if kind == "field_set":
        if field == "status" and isinstance(payload, dict) and payload.get("value") == OLD:
            return {**payload, "value": NEW}
        return None
    if field is not None:
        return None  # archive and other field ops never carry a status
    changed = _walk(payload)
    return changed if changed is not payload else None


def _walk(value: Any) -> Any:
    """``value`` with ``{"status": "leased"}`` replaced at any depth; the same object if none."""
    if isinstance(value, dict):
        items = {k: _walk(v) for k, v in value.items()}
        if items.get("status") == OLD:
            items["status"] = NEW
        if all(items[k] is value[k] for k in value) and items.get("status") == value.get("status"):
            return value
        return items
    if isinstance(value, list):
        parts = [_walk(v) for v in value]
        return value if all(a is b for a, b in zip(parts, value, strict=True)) else parts
    return value


def upgrade() -> None:
    bind = op.get_bind()
    bind.execute(sa.update(units).where(units.c.status == OLD).values(status=NEW))
    pending = bind.execute(
        sa.select(outbox.c.seq, outbox.c.kind, outbox.c.field, outbox.c.payload).where(
            outbox.c.entity == "units",
            sa.cast(outbox.c.payload, sa.Text).like(f'%"{OLD}"%'),  # skip the rest unread
        )
    ).all()
    for seq, kind, field, payload in pending:
        payload = _rewritten(kind, field, payload)
        if payload is not None:
            bind.execute(sa.update(outbox).where(outbox.c.seq == seq).values(payload=payload))


def downgrade() -> None:
    pass  # "leasable" is valid in every earlier schema; "leased" cannot be told apart again
