"""Change capture: every write leaves its outbox row in the same transaction.

A ``before_flush`` hook turns what the session is about to write into
operations (SYNC.md): ``create`` for new rows with all their fields, one
``field_set`` per changed field with the ``row_version`` the user was looking
at, and explicit commands from :func:`record_command`. Deleting a synced row
is refused: rows are archived, never deleted; ledger rows are not edited
either. Bulk writes that skip the flush go through :func:`insert_rows`,
which writes the same ``create`` ops itself.
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import (
    JSON,
    Connection,
    String,
    Table,
    bindparam,
    cast,
    event,
    func,
    insert,
    inspect,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Session, attributes

from store.clock import HybridLogicalClock
from store.commands import check_command
from store.ids import uuid7
from store.schema import SYNC_COLUMNS, Base, Ledger, Outbox, Synced, WorkspaceMeta
from store.types import utc_now

CONTEXT_KEY = "leasemap.change_context"
PENDING_KEY = "leasemap.pending_ops"
# Set while a command (split_unit, merge_units …) writes the rows it implies: they are
# stamped as usual, but their create / field_set ops are not queued (SYNC.md: the
# command carries the whole change, so it travels as one op with one meaning).
UNDER_COMMAND_KEY = "leasemap.under_command"


class DeletionRefused(Exception):
    """A synced row was deleted instead of archived."""


class LedgerRefused(Exception):
    """A ledger row was deleted or edited; corrections are reversing entries."""


class NoChangeContext(Exception):
    """A write reached the database outside a workspace transaction."""


@dataclass
class ChangeContext:
    """Who is writing, from which device, on which clock."""

    device_id: str
    actor: str
    clock: HybridLogicalClock


def to_json_value(value: Any) -> Any:
    """A column value as it travels in an operation's payload."""
    kind = type(value)
    if kind in _AS_IS:  # the common exact types first: a bulk insert converts millions
        return value
    convert = _CONVERT.get(kind)
    if convert is not None:
        return convert(value)
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, float):
        return value
    if isinstance(value, list | tuple):
        return [to_json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json_value(v) for k, v in value.items()}
    raise TypeError(f"cannot put {type(value).__name__} in an operation")


_AS_IS = frozenset({type(None), bool, int, str, float})
_CONVERT: dict[type, Callable[[Any], Any]] = {
    uuid.UUID: str, Decimal: str, date: date.isoformat, datetime: datetime.isoformat,
}


def record_command(
    session: Session,
    kind: str,
    entity: type[Synced] | str,
    entity_id: uuid.UUID,
    payload: dict[str, Any],
    base_version: int = 0,
) -> Outbox:
    """Queue an explicit command (split_unit, sign_contract, …: ``store.commands``)."""
    check_command(kind)
    ctx = _context(session)
    name = entity if isinstance(entity, str) else entity.__tablename__  # type: ignore[attr-defined]
    stamp = ctx.clock.now()
    op = Outbox(
        **_op_row(ctx, kind, name, entity_id, None, to_json_value(payload), stamp, base_version)
    )
    session.add(op)
    return op


def record_commands(
    session: Session,
    kind: str,
    entity: type[Synced] | str,
    items: Sequence[tuple[uuid.UUID, dict[str, Any]]],
    *,
    ready: bool = False,
) -> None:
    """Queue many commands of one kind with one executemany (a billing run's ``post_bill``
    per bill): the same rows :func:`record_command` writes one by one. ``ready``: the
    payloads hold JSON values only (text, numbers, lists, dicts), so they are not walked
    again to convert them."""
    check_command(kind)
    if not items:
        return
    ctx = _context(session)
    name = entity if isinstance(entity, str) else entity.__tablename__  # type: ignore[attr-defined]
    rows = []
    stamp = ""
    now = utc_now()
    for (entity_id, payload), stamp in zip(items, ctx.clock.stamps(len(items)), strict=True):
        rows.append(_op_row(ctx, kind, name, entity_id, None,
                            payload if ready else to_json_value(payload), stamp, 0, now))
    session.flush()
    execute_many(session.connection(), Outbox.__table__, rows)
    session.merge(WorkspaceMeta(key="hlc", value=stamp))


@contextmanager
def under_command(session: Session) -> Iterator[None]:
    """Write the rows a command implies without their own ops; record the command itself.

    Flushes on the way out, so the rows are stamped while the flag holds.
    """
    session.flush()
    session.info[UNDER_COMMAND_KEY] = True
    try:
        yield
        session.flush()
    finally:
        session.info.pop(UNDER_COMMAND_KEY, None)


def update_rows(
    session: Session,
    target: type[Synced],
    changes: Sequence[tuple[uuid.UUID, Mapping[str, Any]]],
) -> None:
    """Update many synced rows with executemany, stamped as a flush would stamp them.

    Each change is (id, {field: new value}). A ``field_set`` op is written per
    changed field unless a command is being written (:func:`under_command`),
    which carries the change itself. Objects of these rows already in the
    session are expired, so they read the new values.
    """
    if not changes:
        return
    ctx = _context(session)
    table, _columns, _keys = _bulk_shape(target)
    ids = [row_id for row_id, _ in changes]
    connection = session.connection()
    session.flush()
    if session.info.get(UNDER_COMMAND_KEY, False):
        stamp = _update_quietly(connection, table, ctx, changes)
    else:
        stamp = _update_with_ops(connection, table, ctx, changes)
    if stamp:
        session.merge(WorkspaceMeta(key="hlc", value=stamp))
    wanted = set(ids)
    for obj in list(session.identity_map.values()):
        if isinstance(obj, target) and obj.id in wanted:
            session.expire(obj)


def _update_with_ops(connection: Connection, table: Table, ctx: ChangeContext,
                     changes: Sequence[tuple[uuid.UUID, Mapping[str, Any]]]) -> str:
    """Each row's new values and per-field stamps, and one ``field_set`` op per field."""
    ids = [row_id for row_id, _ in changes]
    known: dict[uuid.UUID, tuple[dict[str, str], int]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for row_id, stamps, version in connection.execute(
                select(table.c.id, table.c.field_hlc, table.c.row_version)
                .where(table.c.id.in_(chunk))):
            known[row_id] = (dict(stamps or {}), version)
    now = utc_now()
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    ops: list[dict[str, Any]] = []
    stamp = ""
    for row_id, values in changes:
        if row_id not in known:
            raise ValueError(f"{table.name} has no row {row_id}")
        stamps, version = known[row_id]
        for key, value in values.items():
            stamp = ctx.clock.now()
            stamps[key] = stamp
            ops.append(_op_row(ctx, "field_set", table.name, row_id, key,
                               {"value": to_json_value(value)}, stamp, version))
        row = {f"new_{k}": v for k, v in values.items()}
        row.update(_id=row_id, new_hlc=stamp, new_field_hlc=stamps, new_updated_at=now)
        groups.setdefault(tuple(sorted(values)), []).append(row)
    for keys, rows in groups.items():
        statement = (
            update(table).where(table.c.id == bindparam("_id"))
            .values({k: bindparam(f"new_{k}") for k in (*keys, "hlc", "field_hlc", "updated_at")})
        )
        connection.execute(statement, rows)
    if ops:
        connection.execute(insert(Outbox), ops)
    return stamp


def _update_quietly(connection: Connection, table: Table, ctx: ChangeContext,
                    changes: Sequence[tuple[uuid.UUID, Mapping[str, Any]]]) -> str:
    """Rows a command implies: new values, the row's stamp, and each changed field's stamp
    merged into ``field_hlc`` by the database (no read of thousands of JSON stamps first)."""
    now = utc_now()
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    stamp = ""
    for row_id, values in changes:
        stamp = ctx.clock.now()
        row = {f"new_{k}": v for k, v in values.items()}
        row.update(_id=row_id, new_hlc=stamp, new_updated_at=now,
                   new_patch=json.dumps(dict.fromkeys(values, stamp)))
        groups.setdefault(tuple(sorted(values)), []).append(row)
    patch = bindparam("new_patch", type_=String())
    if connection.dialect.name == "sqlite":
        merged: Any = func.json_patch(table.c.field_hlc, patch)
    else:
        merged = cast(cast(table.c.field_hlc, JSONB).op("||")(cast(patch, JSONB)), JSON)
    for keys, rows in groups.items():
        values_of: dict[str, Any] = {k: bindparam(f"new_{k}") for k in (*keys, "hlc",
                                                                        "updated_at")}
        values_of["field_hlc"] = merged
        connection.execute(update(table).where(table.c.id == bindparam("_id"))
                           .values(values_of), rows)
    return stamp


def insert_rows(
    session: Session, target: type[Synced] | Table, rows: Sequence[Mapping[str, Any]]
) -> list[uuid.UUID]:
    """Insert many synced rows with one executemany, and their ``create`` ops beside them.

    Core inserts skip the flush, and with it the hook that writes the
    outbox; this stamps each row as the flush would (id if missing, Python
    defaults, HLC, field stamps, ``row_version``) and writes one ``create``
    op per row with the payload the flush would make, in the session's
    transaction, so sync cannot tell the two paths apart. Returns the ids.
    """
    ctx = _context(session)
    table, columns, data_keys = _bulk_shape(target)
    known = frozenset(columns)
    stamped_keys = ("hlc", "field_hlc", "updated_at")  # set below, whatever their default
    defaults = [(key, default.arg, default.is_scalar) for key, default in columns.items()
                if default is not None and key not in stamped_keys]
    sync_keys = [key for key in columns if key not in data_keys]
    now = utc_now()
    # On SQLite the field stamps go in as their JSON text, made from a template: every key
    # has the row's one stamp, and encoding a dict per row was the bulk of a large insert.
    # So do the ops' payloads, encoded in one pass each (the same text as the JSON column
    # makes of ``to_json_value``'s).
    as_text = session.connection().dialect.name == "sqlite"
    between = _stamps_between([json.dumps(key) for key in data_keys])
    quiet = session.info.get(UNDER_COMMAND_KEY, False)
    stamped: list[dict[str, Any]] = []
    ops: list[dict[str, Any]] = []
    stamp = ""
    for given, stamp in zip(rows, ctx.clock.stamps(len(rows)), strict=True):
        if not known.issuperset(given):
            unknown = set(given) - known
            raise ValueError(f"{table.name} has no column {', '.join(sorted(unknown))}")
        row = dict.fromkeys(columns)  # the mapped order, then the values given
        row.update(given)
        for key, default, scalar in defaults:
            if row[key] is None:
                row[key] = default if scalar else default(None)
        row["hlc"] = stamp
        row["updated_at"] = now
        row["field_hlc"] = (stamp.join(between) if as_text
                            else dict.fromkeys(data_keys, stamp))
        if not quiet:
            values = row.copy()  # the data keys, in their order
            for key in sync_keys:
                del values[key]
            payload = (json_text(values) if as_text
                       else {key: to_json_value(value) for key, value in values.items()})
            ops.append(_op_row(ctx, "create", table.name, row["id"], None, payload, stamp, 0,
                               now))
        stamped.append(row)
    if not stamped:
        return []
    session.flush()  # parents added through the ORM go first
    connection = session.connection()
    execute_many(connection, table, stamped, text=("field_hlc",) if as_text else ())
    if ops:
        execute_many(connection, Outbox.__table__, ops, text=("payload",) if as_text else ())
    session.merge(WorkspaceMeta(key="hlc", value=stamp))
    return [row["id"] for row in stamped]


def json_text(value: Any) -> str:
    """``json.dumps(to_json_value(value))`` (what a JSON column stores of it), in one pass:
    the encoder asks :func:`to_json_value` only for what JSON has no type for (ids,
    amounts, dates, enums). A dict keyed by anything but text goes the long way, which
    writes its keys as ``str`` does."""
    try:
        return _encode(value)
    except TypeError:
        return json.dumps(to_json_value(value))


def _json_default(value: Any) -> Any:
    convert = _CONVERT.get(type(value))
    return to_json_value(value) if convert is None else convert(value)


_encode = json.JSONEncoder(default=_json_default).encode  # json.dumps' settings, made once


def _stamps_between(quoted: Sequence[str]) -> list[str]:
    """The text around the stamps of ``json.dumps(dict.fromkeys(keys, stamp))``, for keys
    already quoted, so that ``stamp.join(between)`` is that JSON: one join a row (a stamp
    is digits, letters and dashes, nothing JSON escapes)."""
    if not quoted:
        return ["{}"]  # no stamp goes in: joined, the text of an empty dict
    return ["{" + quoted[0] + ': "', *(f'", {key}: "' for key in quoted[1:]), '"}']


def execute_many(connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]],
                 text: Sequence[str] = ()) -> None:
    """``INSERT`` many rows of ``table``. On SQLite each column's own bind processor (the
    one SQLAlchemy would apply) turns the values into the driver's, and the driver's
    ``executemany`` runs once: a billing run's tens of thousands of rows spent more time in
    SQLAlchemy's generic per-row parameter handling than in SQLite. Elsewhere, Core.

    Values are converted a column at a time, and a column holding one value in every row
    (the park, the write's time, the device) is converted once."""
    if not rows:
        return
    dialect = connection.dialect
    if dialect.name != "sqlite":
        connection.execute(insert(table), list(rows))
        return
    keys = list(rows[0])
    columns = [table.c[key] for key in keys]
    processors = [None if column.key in text
                  else column.type.dialect_impl(dialect).bind_processor(dialect)
                  for column in columns]  # ``text``: columns given as the driver's text
    names = ", ".join(dialect.identifier_preparer.quote(column.name) for column in columns)
    marks = ", ".join("?" for _ in columns)
    converted = []
    for key, process in zip(keys, processors, strict=True):
        values = [row[key] for row in rows]
        if process is not None:
            values = _converted(values, process)
        converted.append(values)
    connection.exec_driver_sql(
        f"INSERT INTO {dialect.identifier_preparer.quote(table.name)} ({names}) VALUES ({marks})",
        list(zip(*converted, strict=True)))


def _converted(values: list[Any], process: Callable[[Any], Any]) -> list[Any]:
    """``[process(v) for v in values]``, calling it once when every value is the same
    object (checked cheaply first at both ends and the middle)."""
    first = values[0]
    if (values[-1] is first and values[len(values) // 2] is first
            and len(set(map(id, values))) == 1):
        return [process(first)] * len(values)
    return list(map(process, values))


def _bulk_shape(target: type[Synced] | Table) -> tuple[Table, dict[str, Any], tuple[str, ...]]:
    """A synced table, its columns (key → Python default) in mapped order, its data keys."""
    if isinstance(target, Table):
        table = target
        mapped = next((m for m in Base.registry.mappers if m.local_table is table), None)
        order = list(mapped.columns) if mapped is not None else list(table.columns)
    else:
        mapped = inspect(target)
        table = mapped.local_table  # type: ignore[assignment]
        order = list(mapped.columns)
    missing = SYNC_COLUMNS - {c.key for c in order}
    if missing:
        raise ValueError(f"{table.name} is not a synced table (no {', '.join(sorted(missing))})")
    columns = {
        c.key: c.default
        if c.default is not None and (c.default.is_scalar or c.default.is_callable)
        else None
        for c in order
    }
    return table, columns, tuple(k for k in columns if k not in SYNC_COLUMNS)


def install(session_class: type[Session] | Any) -> None:
    """Attach change capture to a session class or sessionmaker."""
    event.listen(session_class, "before_flush", _before_flush)
    event.listen(session_class, "after_flush", _after_flush)


def _context(session: Session) -> ChangeContext:
    ctx = session.info.get(CONTEXT_KEY)
    if ctx is None:
        raise NoChangeContext("writes must go through Workspace.transaction()")
    return ctx


def _op_row(
    ctx: ChangeContext,
    kind: str,
    entity: str,
    entity_id: uuid.UUID,
    field: str | None,
    payload: Any,
    stamp: str,
    base_version: int,
    at: datetime | None = None,
) -> dict[str, Any]:
    return {
        "op_id": uuid7(),
        "kind": kind,
        "entity": entity,
        "entity_id": entity_id,
        "field": field,
        "payload": payload,
        "hlc": stamp,
        "base_version": base_version,
        "device_id": ctx.device_id,
        "actor": ctx.actor,
        "at": at or utc_now(),
    }


@dataclass(frozen=True)
class _Shape:
    """What capture needs to know of a synced class, worked out once per class."""

    table: str
    data_keys: tuple[str, ...]
    defaults: tuple[tuple[str, Any], ...]  # (attribute, ColumnDefault) for Python defaults


_shapes: dict[type, _Shape] = {}


def _shape(obj: Synced) -> _Shape:
    cls = type(obj)
    shape = _shapes.get(cls)
    if shape is None:
        mapper = inspect(cls)
        keys = [mapper.get_property_by_column(c).key for c in mapper.columns]
        defaults = tuple(
            (mapper.get_property_by_column(c).key, c.default)
            for c in mapper.columns
            if c.default is not None and (c.default.is_scalar or c.default.is_callable)
        )
        shape = _Shape(
            cls.__tablename__,  # type: ignore[attr-defined]
            tuple(k for k in keys if k not in SYNC_COLUMNS),
            defaults,
        )
        _shapes[cls] = shape
    return shape


def _apply_defaults(obj: Synced, shape: _Shape) -> None:
    """Fill Python-side column defaults now, so the create op carries them."""
    values = obj.__dict__
    for key, default in shape.defaults:
        if values.get(key) is None:
            # SQLAlchemy wraps callable defaults to take an execution context.
            setattr(obj, key, default.arg if default.is_scalar else default.arg(None))


def _before_flush(session: Session, flush_context: Any, instances: Any) -> None:
    pending: list[dict[str, Any]] = []
    session.info[PENDING_KEY] = pending  # a failed earlier flush leaves nothing behind
    synced_new = [o for o in session.new if isinstance(o, Synced)]
    synced_dirty = [o for o in session.dirty if isinstance(o, Synced)]
    commands = [o for o in session.new if isinstance(o, Outbox)]  # from record_command
    for obj in session.deleted:
        if isinstance(obj, Ledger):
            raise LedgerRefused(
                f"{type(obj).__name__} rows are ledger entries and are never deleted; "
                "post a reversing entry instead"
            )
        if isinstance(obj, Synced):
            raise DeletionRefused(
                f"{type(obj).__name__} rows are never deleted; archive them instead"
            )
    if not synced_new and not synced_dirty and not commands:
        return
    ctx = _context(session)
    now = utc_now()
    quiet = session.info.get(UNDER_COMMAND_KEY, False)
    # Remember queued commands' stamps too, so the clock resumes after them on reopen.
    stamp = max((op.hlc for op in commands), default="")
    for obj in synced_new:
        shape = _shape(obj)
        _apply_defaults(obj, shape)
        stamp = ctx.clock.now()
        values = obj.__dict__
        obj.hlc = stamp
        obj.updated_at = now
        obj.field_hlc = dict.fromkeys(shape.data_keys, stamp)
        if not quiet:
            payload = {k: to_json_value(values.get(k)) for k in shape.data_keys}
            pending.append(_op_row(ctx, "create", shape.table, obj.id, None, payload, stamp, 0))
    for obj in synced_dirty:
        shape = _shape(obj)
        changed = []
        for key in shape.data_keys:
            history = attributes.get_history(obj, key)
            if not history.added:
                continue
            old = history.deleted[0] if history.deleted else None
            new = history.added[0]
            if old == new:
                continue
            changed.append((key, new))
        if not changed:
            continue
        if isinstance(obj, Ledger):
            raise LedgerRefused(
                f"{type(obj).__name__} rows are ledger entries and are never changed "
                f"({', '.join(k for k, _ in changed)}); post a reversing entry instead"
            )
        stamps = dict(obj.field_hlc or {})
        for key, new in changed:
            stamp = ctx.clock.now()
            stamps[key] = stamp
            kind = "archive" if key == "archived" and new else "field_set"
            if quiet:
                continue
            pending.append(
                _op_row(
                    ctx,
                    kind,
                    shape.table,
                    obj.id,
                    key,
                    {"value": to_json_value(new)},
                    stamp,
                    obj.row_version,
                )
            )
        obj.field_hlc = stamps
        obj.hlc = stamp
        obj.updated_at = now
    if stamp:
        session.merge(WorkspaceMeta(key="hlc", value=stamp))


def _after_flush(session: Session, flush_context: Any) -> None:
    """Write the captured operations in one batch, inside the flush's transaction."""
    pending = session.info.pop(PENDING_KEY, None)
    if pending:
        session.connection().execute(insert(Outbox), pending)
