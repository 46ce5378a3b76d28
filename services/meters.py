"""Meters and readings in the store: the tree, readings entered and imported, each unit's use.

The rules are ``domain.billing.meters`` (consumption, rollover, replacement,
flags), ``shared_consumption`` (the 公摊 statement) and ``unit_consumption``
(a unit's direct use plus its shares); here they meet the ``meters``,
``meter_readings`` and ``tariffs`` tables.

The tree. :func:`create_meter` and :func:`edit_meter` take a :class:`MeterSpec`
naming the parent meter, the unit and the meter it replaces by their codes.
The tree after the change is checked with ``meters.tree_flags``: a loop, a sub
meter of another utility than its parent's, a unit's meter feeding others are
refused (:class:`MeterRefused`, code ``meter-tree``, one part per flag) and
nothing is written. Only the part of the tree the change can touch is read (the
new parent's chain, one sibling, the meter's former chain and its children), so
a meter costs its depth, not the park's meter count. ``rollover_at`` is the count
the dial shows as 0 again (100000 for a dial that reads up to 99999.9), as the
domain reads it.
``basis`` is how the shared consumption under a meter is split: by the area
of the units metered beneath it (the default) or by weights per unit (kept
as ``{"kind", "weights": {unit id: "1.5"}}``). A meter is taken out of service (archived
from its removal day, closed by its final readings), removed, restored or replaced through
``services.meter_archive``; an archived meter stays in the tree the rules read.

Readings. One reading is one ``meter_readings`` row and one ``post_reading``
command (SYNC.md), written under :func:`store.changes.under_command` so the
command is the only op. The table is a ledger: a wrong reading is corrected
by a new one. How the rules see two readings of one day: for each (meter,
day, register, kind) the last value entered counts, in the place of the
first entry (``unit_consumption.current_readings``); a final and an initial
reading of one day are a replacement, not a correction. So:

- the same meter, day, register, kind and value as the current reading is
  "already there": nothing is written;
- the same meter, day, register and kind with another value is a
  *correction*: a new row, which supersedes the old one (kept, as a ledger
  keeps everything); the report says before → after.

A month-end round typed in (:func:`record_readings`, the Meters window's entry grid) is
judged and written as an imported file is: one transaction, a refused entry said and not
written, the others written all the same. A reading's kind (抄表, 拆表 final, 装表
initial) is judged alike wherever it comes from: an initial or a final one stands only where
a replacement pair can (``meters.kind_refusal``: an initial on a meter never read before it
or right after a final, a final as the dial's last reading before an initial), else it is
refused (``reading-initial-after-reading``, ``reading-initial-before-initial``,
``reading-final-after-final``, ``reading-final-before-reading``).

The rules read a meter's service dates (``installed_on``, ``removed_on``) with its
readings (:func:`load_tree`): a month wholly outside them is no gap.

Importing (:func:`import_readings`): a CSV or Excel file of meter code, day
read and value (with a register column, or one column per register: 峰 平
谷 尖; and a kind column: 抄表 / 拆表 (final) / 装表 (initial)), read with
the rent roll's readers (``importers.rent_roll``: UTF-8 or GBK, .xlsx or
.xls). Every row is judged first: refused with its reasons (its cells, an
unknown meter or register, a value below zero or off the dial, a day outside
the meter's service, the same reading twice in the file with two values),
or new, a correction, or already there; each good row says what the meter
used since its previous reading (rollover and replacement applied) and its
flags (``reading_flags``: a fall that is no rollover, a spike against the
meter's history, a day before one entered earlier). ``dry_run`` stops there.
Otherwise the new rows are written in one transaction, in day order (a
file's rows of one day in file order), so a file listed newest first is
still entered as the dials turned. Importing the same file again writes
nothing. A file that cannot be read, or lacks a column, raises
:class:`ReadingsImportError` naming it, and nothing is written.

What units used: :func:`consumption_by_unit` (a month, per unit, direct +
shares) and :func:`shared_statement` (the 公摊 statement of one meter, priced
at its tariff).
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain.billing.meters import (
    TIME_OF_USE,
    TOTAL,
    Flag,
    Meter,
    Period,
    Reading,
    ReadingKind,
    Utility,
    chains,
    consumption,
    kind_refusal,
    reading_flags,
    tree_flags,
)
from domain.billing.shared_consumption import Basis, BasisKind, Statement, statement
from domain.billing.tariffs import Tariff, from_document, places_of
from domain.billing.unit_consumption import (
    PLACES,
    UNPRICED,
    UnitUse,
    basis_document,
    basis_of,
    current_readings,
    unit_consumption,
    units_below,
)
from domain.money import round_to
from importers.rent_roll import (
    EMPTY_WORDS,
    HEADER_SCAN,
    SKIP_CODES,
    RentRollError,
    Unreadable,
    cell_text,
    display_width,
    read_csv_rows,
    read_date,
    read_decimal,
    read_excel_rows,
    squash,
    unique_headers,
)
from runtime.jobs import Job
from runtime.messages import Message, UserError
from store.changes import insert_rows, record_command, record_commands, under_command
from store.ids import uuid7
from store.schema import Meter as MeterRow
from store.schema import MeterReading, Park, Unit
from store.schema import Tariff as TariffRow
from store.workspace import Workspace

CHUNK = 500  # ids per IN (…)
STORED_PLACES = 3  # meter_readings.value: ExactDecimal(16, 3)
SOURCE_MANUAL = "manual"
SOURCE_IMPORT = "import"


class MeterRefused(UserError):
    """A meter or a reading that cannot be written as given; nothing is written."""


class ReadingsImportError(UserError):
    """A readings file that cannot be read, or lacks a column; nothing read, nothing written."""


# -- the tree ------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeterSpec:
    """A meter as a person describes it: the tree by codes, the dial by its figures.

    ``basis`` weights are keyed by unit code here (by id in the store); None: by area.
    """

    code: str
    utility: Utility | str
    parent: str | None = None  # the parent meter's code
    unit: str | None = None  # the code of the unit it bills
    multiplier: Decimal = Decimal(1)
    rollover_at: Decimal | None = None  # the count shown as 0 again (100000); None: no wrap
    registers: tuple[str, ...] = (TOTAL,)
    basis: Basis | None = None
    installed_on: date | None = None
    removed_on: date | None = None
    replaces: str | None = None  # the code of the meter it replaces
    tariff_id: uuid.UUID | None = None


def create_meter(workspace: Workspace, park_id: uuid.UUID, spec: MeterSpec) -> uuid.UUID:
    """Add a meter to the park's tree; its id.

    A meter that replaces another marks it removed on its installation day when no day is
    set, and the sub meters the other still feeds move to it, in the same transaction
    (``services.meter_archive.take_place_of``).

    Raises
    ------
    MeterRefused
        A field does not hold, a code names nothing (or a removed meter's: a code is never
        used twice), the tree would be wrong, or the replacement does not hold.
    """
    from services.meter_archive import take_place_of  # it builds on this module

    with workspace.transaction() as session:
        values = _checked(session, park_id, spec, None)
        row = MeterRow(park_id=park_id, **values)
        session.add(row)
        session.flush()  # its id, for the sub meters it takes over; refused: rolled back
        take_place_of(session, values["code"], values, row.id)
        return row.id


def edit_meter(workspace: Workspace, meter_id: uuid.UUID, spec: MeterSpec) -> None:
    """Make the meter what ``spec`` says (each changed field one ``field_set`` op).

    A removal day set here is checked as archiving checks it (nothing fed after it, no
    reading after it), an installation day the other way (no reading before it:
    ``meter-read-before-installed``); a replacement as :func:`create_meter` checks it.

    Raises
    ------
    MeterRefused
        No such meter, a field does not hold, a code names nothing, the tree would be
        wrong, the removal or installation day or the replacement does not hold; nothing
        is written.
    """
    from services.meter_archive import check_retirement, take_place_of

    with workspace.transaction() as session:
        row = session.get(MeterRow, meter_id)
        if row is None or row.archived:
            raise MeterRefused(f"no meter {meter_id}", "meter-unknown", meter=str(meter_id))
        values = _checked(session, row.park_id, spec, row.id)
        if values["removed_on"] is not None and values["removed_on"] != row.removed_on:
            check_retirement(session, row, values["removed_on"])
        installed = values["installed_on"]
        if installed is not None and installed != row.installed_on:
            _read_before(session, row, installed)
        take_place_of(session, values["code"], values, row.id)
        for key, value in values.items():
            if getattr(row, key) != value:
                setattr(row, key, value)


def _read_before(session: Session, row: MeterRow, installed: date) -> None:
    """Refuse an installation day after a reading of the meter: the rules measure nothing
    before the day, so that reading's use would be dropped."""
    read = session.scalar(select(func.min(MeterReading.read_on)).where(
        MeterReading.meter_id == row.id, ~MeterReading.archived,
        MeterReading.read_on < installed))
    if read is not None:
        raise MeterRefused(f"{row.code} was read on {read}, before {installed}: it was in "
                           "service then", "meter-read-before-installed", meter=row.code,
                           on=read, installed_on=installed)


def _checked(session: Session, park_id: uuid.UUID, spec: MeterSpec,
             meter_id: uuid.UUID | None) -> dict[str, Any]:
    """The row's values for ``spec``, each checked, and the tree it makes checked too."""
    code = spec.code.strip()
    if not code:
        raise MeterRefused("a meter needs a code", "meter-code-empty")
    if session.get(Park, park_id) is None:
        raise MeterRefused(f"no park {park_id}", "no-park")
    try:
        utility = Utility(spec.utility)
    except ValueError:
        raise MeterRefused(f"{code}: a meter measures electricity, water, gas or heat, not "
                           f"{spec.utility}", "meter-utility", meter=code,
                           utility=str(spec.utility)) from None
    multiplier = Decimal(spec.multiplier)
    if multiplier <= 0:
        raise MeterRefused(f"{code}: the multiplier must be above 0, not {multiplier}",
                           "meter-multiplier", meter=code, multiplier=multiplier)
    if spec.rollover_at is not None and spec.rollover_at <= 0:
        raise MeterRefused(f"{code}: a dial rolls over at a count above 0, not "
                           f"{spec.rollover_at}", "meter-rollover", meter=code,
                           rollover_at=spec.rollover_at)
    registers = tuple(spec.registers)
    if (not registers or len(set(registers)) != len(registers)
            or (registers != (TOTAL,) and not set(registers) <= set(TIME_OF_USE))):
        raise MeterRefused(f"{code}: registers are total, or time-of-use ones (sharp, peak, "
                           f"flat, valley) each once, not {', '.join(registers)}",
                           "meter-registers", meter=code, registers=", ".join(registers))
    if spec.installed_on and spec.removed_on and spec.removed_on < spec.installed_on:
        raise MeterRefused(f"{code}: removed on {spec.removed_on}, before it was installed on "
                           f"{spec.installed_on}", "meter-dates", meter=code,
                           installed_on=spec.installed_on, removed_on=spec.removed_on)
    rows = _by_code(session, park_id, {code, spec.parent or "", spec.replaces or ""} - {""})
    taken = rows.get(code)
    if taken is not None and taken.id != meter_id:
        raise MeterRefused(f"there is a meter {code} already", "meter-code-taken", meter=code)
    if taken is None and session.scalar(select(MeterRow.id).where(  # the store keeps it taken
            MeterRow.park_id == park_id, MeterRow.code == code, MeterRow.archived,
            *([MeterRow.id != meter_id] if meter_id is not None else ())).limit(1)):
        raise MeterRefused(f"there was a meter {code}, removed: a code is never used twice",
                           "meter-code-removed", meter=code)
    parent_id = replaces_id = unit_id = None
    parent = None
    if spec.parent:
        if spec.parent not in rows:
            raise MeterRefused(f"{code}: no meter {spec.parent} to hang it under",
                               "meter-no-parent", meter=code, parent=spec.parent)
        parent = rows[spec.parent]
        parent_id = parent.id
    if spec.replaces:
        if spec.replaces not in rows:
            raise MeterRefused(f"{code}: no meter {spec.replaces} for it to replace",
                               "meter-no-replaced", meter=code, replaces=spec.replaces)
        replaces_id = rows[spec.replaces].id
    units = _unit_ids(session, park_id, [spec.unit or "", *(
        spec.basis.weights if spec.basis is not None else ())])
    if spec.unit:
        if spec.unit not in units:
            raise MeterRefused(f"{code}: no unit {spec.unit} in the park", "meter-no-unit",
                               meter=code, unit=spec.unit)
        unit_id = units[spec.unit]
    basis = {"kind": BasisKind.AREA.value}
    if spec.basis is not None:
        unknown = sorted(u for u in spec.basis.weights if u not in units)
        if unknown:
            raise MeterRefused(f"{code}: its basis names units not in the park: "
                               f"{', '.join(unknown)}", "meter-basis-unit", meter=code,
                               units=", ".join(unknown))
        basis = basis_document(Basis(spec.basis.kind, {
            str(units[u]): w for u, w in spec.basis.weights.items()}))
    values: dict[str, Any] = {
        "code": code, "utility": utility.value, "parent_id": parent_id, "unit_id": unit_id,
        "tariff_id": spec.tariff_id, "multiplier": multiplier,
        "rollover_at": spec.rollover_at, "registers": list(registers), "basis": basis,
        "installed_on": spec.installed_on, "removed_on": spec.removed_on,
        "replaces_id": replaces_id}
    me = str(meter_id) if meter_id is not None else "new"
    moved = Meter(me, code, utility, None if parent_id is None else str(parent_id),
                  None if unit_id is None else str(unit_id), multiplier, spec.rollover_at,
                  registers, replaces=None if replaces_id in (None, meter_id)  # itself: refused
                  else str(replaces_id))
    near = _near(session, meter_id, parent, rows.get(spec.replaces or ""))
    others = [m for m in near.values() if m.id != me]
    before = others + ([near[me]] if me in near else [])
    after = [*others, moved]
    known = {(f.code, f.meter_id) for f in tree_flags(before)}
    new = [f for f in tree_flags(after) if (f.code, f.meter_id) not in known]
    new = [f for f in new if f.meter_id == me] or new  # a loop is said of the meter moved
    if new:
        named = [str(f.params["unit"]) for f in new if "unit" in f.params]
        names = _unit_codes(session, named)
        parts = [_flag_message(f, {m.id: m.code for m in after}, names) for f in new]
        raise MeterRefused(f"{code}: " + "; ".join(p.message for p in parts), "meter-tree",
                           parts=parts, meter=code)
    return values


def _near(session: Session, meter_id: uuid.UUID | None, parent: MeterRow | None,
          replaced: MeterRow | None = None) -> dict[str, Meter]:
    """The part of the park's tree a meter placed under ``parent`` can change the flags of,
    before the change (rules' meters by id): the parent and its ancestors up to a top (or
    round a loop), one other child of the parent (whether it fed meters already), for a
    meter edited, itself, its former ancestors and its children, and the meters
    ``replaced`` and those it replaced in turn (a loop of replacements).

    Only a meter's own place changes, so only the flags these carry can be new: its
    utility against its parent's and its children's, the parent becoming a feeder, and
    a loop through it, which every walk up from it or from beneath it goes round. So a
    meter is checked in the time its depth takes, not the park's meter count (creating a
    thousand meters one by one was quadratic when the whole tree was read each time)."""
    near: dict[str, Meter] = {}

    def climb(row: MeterRow | None) -> None:
        while row is not None and not row.archived and str(row.id) not in near:
            near[str(row.id)] = _domain(row)
            row = None if row.parent_id is None else session.get(MeterRow, row.parent_id)

    climb(parent)
    if parent is not None:
        sibling = session.scalar(select(MeterRow).where(
            MeterRow.parent_id == parent.id, ~MeterRow.archived,
            *([MeterRow.id != meter_id] if meter_id is not None else ())).limit(1))
        if sibling is not None:
            near.setdefault(str(sibling.id), _domain(sibling))
    if meter_id is not None:
        climb(session.get(MeterRow, meter_id))
        for child in session.scalars(select(MeterRow).where(
                MeterRow.parent_id == meter_id, ~MeterRow.archived)):
            near.setdefault(str(child.id), _domain(child))
    seen: set[uuid.UUID] = set()
    while replaced is not None and not replaced.archived and replaced.id not in seen:
        seen.add(replaced.id)
        near.setdefault(str(replaced.id), _domain(replaced))
        replaced = (None if replaced.replaces_id is None
                    else session.get(MeterRow, replaced.replaces_id))
    return near


def _by_code(session: Session, park_id: uuid.UUID, codes: Iterable[str],
             ) -> dict[str, MeterRow]:
    """The park's live meters of these codes."""
    return {r.code: r for r in session.scalars(select(MeterRow).where(
        MeterRow.park_id == park_id, ~MeterRow.archived, MeterRow.code.in_(sorted(codes))))}


def _unit_ids(session: Session, park_id: uuid.UUID, codes: Iterable[str],
              ) -> dict[str, uuid.UUID]:
    """The park's live units of these codes, by code."""
    wanted = sorted({c for c in codes if c})
    found: dict[str, uuid.UUID] = {}
    for chunk in _chunks(wanted):
        found.update({code: unit_id for code, unit_id in session.execute(
            select(Unit.code, Unit.id).where(Unit.park_id == park_id, ~Unit.archived,
                                             Unit.code.in_(chunk)))})
    return found


def _unit_codes(session: Session, ids: Iterable[str]) -> dict[str, str]:
    """Unit id (as text) → code, for the units a flag names."""
    wanted = sorted({uuid.UUID(i) for i in ids if i})
    return {str(u): c for u, c in session.execute(
        select(Unit.id, Unit.code).where(Unit.id.in_(wanted)))} if wanted else {}


def _domain(row: MeterRow) -> Meter:
    """A stored meter as the rules read it (ids as text)."""
    return Meter(str(row.id), row.code, Utility(row.utility),
                 None if row.parent_id is None else str(row.parent_id),
                 None if row.unit_id is None else str(row.unit_id), row.multiplier,
                 row.rollover_at, tuple(row.registers or (TOTAL,)), row.installed_on,
                 row.removed_on, None if row.replaces_id is None else str(row.replaces_id))


def _flag_message(flag: Flag, codes: Mapping[str, str], units: Mapping[str, str]) -> Message:
    """A flag of the rules as a message with a template: ``meter-<code>`` or
    ``reading-<code>``, the meter (and a unit) named by code."""
    params = {k: plain(v) for k, v in flag.params.items()}
    params["meter"] = codes.get(flag.meter_id or "", flag.meter_id or "")
    if "unit" in params:
        params["unit"] = units.get(params["unit"], params["unit"])
    prefix = "meter" if flag.code in _TREE_CODES else "reading"
    return Message(f"{prefix}-{flag.code}", flag.message, params)


_TREE_CODES = frozenset({"duplicate-id", "unknown-parent", "utility-differs",
                         "unit-meter-has-children", "cycle", "replaced-twice",
                         "replacement-loop"})


def meter_tree(session: Session, park_id: uuid.UUID, utility: Utility | str | None = None,
               ) -> list[Meter]:
    """The park's live meters as the rules read them, by code (of one utility if given)."""
    query = select(MeterRow).where(MeterRow.park_id == park_id, ~MeterRow.archived)
    if utility is not None:
        query = query.where(MeterRow.utility == Utility(utility).value)
    return [_domain(r) for r in session.scalars(query.order_by(MeterRow.code))]


# -- readings: one at a time -------------------------------------------------------------


class ReadingStatus(StrEnum):
    NEW = "new"
    CORRECTION = "correction"  # another value for a reading there: stored, it supersedes
    UNCHANGED = "unchanged"  # the same reading is there already: nothing written
    REJECTED = "rejected"


@dataclass(frozen=True)
class ReadingLine:
    """A reading as given (typed from a file's cells, or entered); ``reasons``: what did not
    read. ``column``: the file's header the value came from."""

    row_number: int
    code: str
    read_on: date | None
    register: str | None
    kind: ReadingKind | None
    value: Decimal | None
    reasons: tuple[Message, ...] = ()
    column: str = ""


@dataclass(frozen=True)
class ReadingReport:
    """One reading and what became of it (or would): refused with reasons, or new, a
    correction (``before``), or already there; the meter's use since its previous reading
    (multiplier applied), notes (rollover, replacement) and flags."""

    row_number: int
    code: str
    read_on: date | None
    register: str | None
    kind: ReadingKind | None
    value: Decimal | None
    status: ReadingStatus
    reasons: tuple[Message, ...] = ()
    before: Decimal | None = None
    meter_id: uuid.UUID | None = None
    previous_on: date | None = None
    used: Decimal | None = None  # since the previous reading; None for a meter's first
    notes: tuple[Message, ...] = ()
    flags: tuple[Message, ...] = ()
    reading_id: uuid.UUID | None = None  # once written

    @property
    def good(self) -> bool:
        return self.status is not ReadingStatus.REJECTED

    def to_json(self) -> dict[str, Any]:
        return {
            "row": self.row_number, "meter": self.code,
            "read_on": self.read_on.isoformat() if self.read_on else None,
            "register": self.register, "kind": self.kind.value if self.kind else None,
            "value": _text(self.value), "status": self.status.value,
            "before": _text(self.before),
            "previous_on": self.previous_on.isoformat() if self.previous_on else None,
            "used": _text(self.used),
            "reasons": [_json(m) for m in self.reasons],
            "notes": [_json(m) for m in self.notes],
            "flags": [_json(m) for m in self.flags],
        }


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _json(message: Message) -> dict[str, Any]:
    return {"code": message.code, "message": message.message, "params": dict(message.params)}


def record_reading(workspace: Workspace, meter_id: uuid.UUID, read_on: date, value: Decimal,
                   register: str = TOTAL, kind: ReadingKind | str = ReadingKind.READING,
                   ) -> ReadingReport:
    """Enter one reading: one row, one ``post_reading`` command. The same reading again
    writes nothing (status ``unchanged``); another value for the day is a correction.

    Raises
    ------
    MeterRefused
        No such meter, or the reading is refused (its reasons are the parts).
    """
    try:
        kind = ReadingKind(kind)
    except ValueError:
        raise MeterRefused(f"a reading is a reading, final or initial, not {kind}",
                           "reading-kind", kind=str(kind)) from None
    with workspace.transaction() as session:
        row = session.get(MeterRow, meter_id)
        if row is None or row.archived:
            raise MeterRefused(f"no meter {meter_id}", "meter-unknown", meter=str(meter_id))
        value = as_stored(Decimal(value))
        line = ReadingLine(0, row.code, read_on, register, kind, value)
        [report] = _judge(session, row.park_id, [line])
        if report.status is ReadingStatus.REJECTED:
            raise MeterRefused(f"{row.code}: " + "; ".join(r.message for r in report.reasons),
                               "reading-refused", parts=report.reasons, meter=row.code)
        if report.status is ReadingStatus.UNCHANGED:
            return report
        reading = MeterReading(meter_id=meter_id, read_on=read_on, register=register,
                               value=value, kind=kind.value, source=SOURCE_MANUAL)
        with under_command(session):
            session.add(reading)
        record_command(session, "post_reading", MeterReading, reading.id,
                       _payload(reading.id, meter_id, read_on, register, value, kind,
                                SOURCE_MANUAL))
        return replace(report, reading_id=reading.id)


def as_stored(value: Decimal) -> Decimal:
    """A reading as the table keeps it (to 0.001, half up), so a reading given again with
    more places is the same reading, not a correction."""
    return value if places_of(value) <= STORED_PLACES else round_to(value, STORED_PLACES)


def _payload(reading_id: uuid.UUID, meter_id: uuid.UUID, read_on: date, register: str,
             value: Decimal, kind: ReadingKind, source: str) -> dict[str, Any]:
    """The ``post_reading`` command: the whole reading (the row's own ops are not written)."""
    return {"reading": str(reading_id), "meter": str(meter_id), "read_on": read_on.isoformat(),
            "register": register, "value": str(value), "kind": kind.value, "source": source}


# -- judging readings against the store --------------------------------------------------


@dataclass
class _Stored:
    """A park's meters by code and the readings of those a batch touches, read once."""

    rows: dict[str, MeterRow]
    meters: dict[uuid.UUID, Meter]
    readings: dict[uuid.UUID, list[Reading]]  # per meter, in the order entered


def _stored(session: Session, park_id: uuid.UUID, codes: Iterable[str]) -> _Stored:
    rows = {r.code: r for r in session.scalars(select(MeterRow).where(
        MeterRow.park_id == park_id, ~MeterRow.archived))}
    ids = sorted({rows[c].id for c in codes if c in rows})
    readings: dict[uuid.UUID, list[Reading]] = defaultdict(list)
    for chunk in _chunks(ids):
        for meter_id, day, register, value, kind in session.execute(
                select(MeterReading.meter_id, MeterReading.read_on, MeterReading.register,
                       MeterReading.value, MeterReading.kind)
                .where(MeterReading.meter_id.in_(chunk), ~MeterReading.archived)
                .order_by(MeterReading.hlc, MeterReading.id)):
            readings[meter_id].append(Reading(str(meter_id), day, register, value,
                                              ReadingKind(kind)))
    return _Stored(rows, {r.id: _domain(r) for r in rows.values()}, readings)


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


def _reason(code: str, message: str, **params: object) -> Message:
    return Message(code, message, {k: plain(v) for k, v in params.items()})


_DECIMAL_TEXT = re.compile(r"-?\d+\.\d+")


def plain(value: object) -> str:
    """A figure as a person reads it: 99990.000 → 99990, 12.50 → 12.5 (never 1E+5); any
    other value as text."""
    text = str(value)
    if isinstance(value, Decimal) or _DECIMAL_TEXT.fullmatch(text):
        number = Decimal(text)
        return format(number.normalize(), "f") if number.is_finite() else text
    return text


def _key(meter_id: uuid.UUID, line: ReadingLine) -> tuple[uuid.UUID, date, str, str]:
    assert line.read_on is not None and line.register is not None and line.kind is not None
    return (meter_id, line.read_on, line.register, line.kind.value)


def _judge(session: Session, park_id: uuid.UUID, lines: Sequence[ReadingLine],
           ) -> list[ReadingReport]:
    """Every line judged against the park's meters and their stored readings."""
    stored = _stored(session, park_id, (line.code for line in lines))
    current: dict[tuple[uuid.UUID, date, str, str], Decimal] = {}
    for meter_id, readings in stored.readings.items():
        for r in current_readings(readings):
            current[(meter_id, r.read_on, r.register, r.kind.value)] = r.value
    reports: list[ReadingReport] = []
    seen: dict[tuple[uuid.UUID, date, str, str], list[tuple[int, Decimal]]] = defaultdict(list)
    checked: list[tuple[ReadingLine, MeterRow | None, list[Message]]] = []
    for line in lines:
        reasons = list(line.reasons)
        row = stored.rows.get(line.code) if line.code else None
        if line.code and row is None:
            reasons.append(_reason("reading-unknown-meter", f"no meter {line.code} in the park",
                                   meter=line.code))
        if row is not None and not reasons:
            reasons += _against_meter(row, line)
        if not reasons and row is not None:
            seen[_key(row.id, line)].append((line.row_number, line.value or Decimal(0)))
        checked.append((line, row, reasons))
    _kinds_placed(stored, checked)
    for line, row, reasons in checked:
        if row is not None and not reasons:
            others = seen[_key(row.id, line)]
            if len({v for _, v in others}) > 1:
                rows_said = ", ".join(str(n) for n, _ in others if n != line.row_number)
                reasons.append(_reason(
                    "reading-twice", f"{line.code} {line.register} on {line.read_on} is also on "
                    f"row {rows_said} with another value", meter=line.code,
                    register=line.register, on=line.read_on, rows=rows_said))
        if reasons or row is None:
            reports.append(ReadingReport(line.row_number, line.code, line.read_on, line.register,
                                         line.kind, line.value, ReadingStatus.REJECTED,
                                         tuple(reasons), meter_id=row.id if row else None))
            continue
        assert line.value is not None
        key = _key(row.id, line)
        first_row = seen[key][0][0]
        before = current.get(key)
        notes: tuple[Message, ...] = ()
        if first_row != line.row_number:
            status = ReadingStatus.UNCHANGED
            notes = (_reason("reading-also-on-row", f"the same reading is on row {first_row}",
                             row=first_row),)
        elif before is None:
            status = ReadingStatus.NEW
        elif before == line.value:
            status = ReadingStatus.UNCHANGED
        else:
            status = ReadingStatus.CORRECTION
        reports.append(ReadingReport(
            line.row_number, line.code, line.read_on, line.register, line.kind, line.value,
            status, (), before if status is ReadingStatus.CORRECTION else None, row.id,
            notes=notes))
    return _with_use(stored, reports)


def _kinds_placed(stored: _Stored,
                  checked: Sequence[tuple[ReadingLine, MeterRow | None, list[Message]]],
                  ) -> None:
    """Refuse an initial or final reading where a replacement pair cannot stand
    (``meters.kind_refusal``): one rule for a file, the entry grid, a reading on its own and
    an archive's finals. A batch is judged in the order it is written (by day, a day's in
    the order given), each reading among the stored ones and the batch's accepted before
    it, as if entered one by one: of two finals on one dial the first stands."""
    accepted: dict[uuid.UUID, list[Reading]] = defaultdict(list)
    for line, row, reasons in sorted(checked, key=lambda c: c[0].read_on or date.min):
        if row is None or reasons:
            continue
        reading = _line_reading(row.id, line)
        if line.kind is not ReadingKind.READING:
            ledger = current_readings([*stored.readings.get(row.id, []), *accepted[row.id]])
            why = kind_refusal(stored.meters[row.id], ledger, reading)
            if why is not None:
                params = {k: plain(v) for k, v in why.params.items()}
                reasons.append(_reason(f"reading-{why.code}", _KIND_REFUSALS[why.code].format(
                    meter=row.code, **params), meter=row.code, **params))
                continue
        accepted[row.id].append(reading)


_KIND_REFUSALS = {
    "initial-after-reading": "{meter}: an initial (装表) {register} reading on {on} opens a "
                             "new dial, and it would follow the reading {previous} of "
                             "{previous_on}, which is no final (拆表) one",
    "initial-before-initial": "{meter}: its {register} dial is opened by an initial (装表) "
                              "reading on {next_on} already",
    "final-after-final": "{meter}: its {register} dial was closed by a final (拆表) reading on "
                         "{previous_on} already",
    "final-before-reading": "{meter}: a final (拆表) {register} reading on {on} is the dial's "
                            "last, but it is read on {next_on} after it",
}


def _line_reading(meter_id: uuid.UUID, line: ReadingLine) -> Reading:
    assert (line.read_on is not None and line.register is not None
            and line.kind is not None and line.value is not None)
    return Reading(str(meter_id), line.read_on, line.register, line.value, line.kind)


def _against_meter(row: MeterRow, line: ReadingLine) -> list[Message]:
    """What the meter itself says against a reading: its registers, its dial, its service."""
    out = []
    registers = tuple(row.registers or (TOTAL,))
    if line.register not in registers:
        out.append(_reason("reading-unknown-register", f"{row.code}: a {line.register} reading "
                           f"on {line.read_on}, but the meter has registers "
                           f"{', '.join(registers)}", meter=row.code, register=line.register,
                           on=line.read_on, registers=", ".join(registers)))
    if line.value is not None and line.value < 0:
        out.append(_reason("reading-below-zero", f"{row.code}: a reading of {line.value} is "
                           "below zero", meter=row.code, value=line.value))
    elif (line.value is not None and row.rollover_at is not None
          and line.value >= row.rollover_at):
        out.append(_reason("reading-off-dial", f"{row.code}: {line.register} reading "
                           f"{line.value} on {line.read_on} is not on its dial (0 to below "
                           f"{row.rollover_at})", meter=row.code, register=line.register,
                           value=line.value, on=line.read_on, rollover_at=row.rollover_at))
    if line.read_on is not None and row.installed_on and line.read_on < row.installed_on:
        out.append(_reason("reading-before-installed", f"{row.code} was installed on "
                           f"{row.installed_on}, after {line.read_on}", meter=row.code,
                           on=line.read_on, installed_on=row.installed_on))
    if line.read_on is not None and row.removed_on and line.read_on > row.removed_on:
        out.append(_reason("reading-after-removed", f"{row.code} was removed on "
                           f"{row.removed_on}, before {line.read_on}", meter=row.code,
                           on=line.read_on, removed_on=row.removed_on))
    return out


def _entered(reports: Sequence[ReadingReport]) -> list[ReadingReport]:
    """The readings a batch writes, in the order it writes them: by day, a day's in the
    order given (sorted is stable)."""
    new = [r for r in reports if r.status in (ReadingStatus.NEW, ReadingStatus.CORRECTION)]
    return sorted(new, key=lambda r: r.read_on or date.min)


def _as_reading(report: ReadingReport) -> Reading:
    assert (report.meter_id is not None and report.read_on is not None
            and report.register is not None and report.value is not None
            and report.kind is not None)
    return Reading(str(report.meter_id), report.read_on, report.register, report.value,
                   report.kind)


def _with_use(stored: _Stored, reports: list[ReadingReport]) -> list[ReadingReport]:
    """Each good report with the meter's use since its previous reading, notes and flags,
    as the readings will stand once the batch is written."""
    adding: dict[uuid.UUID, list[Reading]] = defaultdict(list)
    for r in _entered(reports):
        assert r.meter_id is not None
        adding[r.meter_id].append(_as_reading(r))
    touched = {r.meter_id for r in reports if r.good and r.meter_id is not None}
    codes = {str(m): stored.meters[m].code for m in stored.meters}
    out_by_key: dict[tuple[str, date, str, str], tuple[Reading | None, Decimal | None,
                                                         list[Message]]] = {}
    flags_by_day: dict[tuple[str, date, str], list[Message]] = defaultdict(list)
    for meter_id in touched:
        meter = stored.meters[meter_id]
        ledger = current_readings([*stored.readings.get(meter_id, []),
                                   *adding.get(meter_id, [])])
        for register in meter.registers:
            own = sorted((r for r in ledger if r.register == register), key=lambda r: r.read_on)
            for i, r in enumerate(own):
                previous = own[i - 1] if i else None
                used, notes = _use_since(meter, previous, r)
                out_by_key[(r.meter_id, r.read_on, r.register, r.kind.value)] = (
                    previous, used, notes)
        for f in reading_flags(meter, ledger):
            if f.read_on is not None:
                flags_by_day[(meter.id, f.read_on, f.params.get("register", ""))].append(
                    _flag_message(f, codes, {}))
    out = []
    for r in reports:
        if not r.good or r.meter_id is None:
            out.append(r)
            continue
        reading = _as_reading(r)
        previous, used, notes = out_by_key.get(
            (reading.meter_id, reading.read_on, reading.register, reading.kind.value),
            (None, None, []))
        out.append(replace(r, previous_on=previous.read_on if previous else None, used=used,
                           notes=r.notes + tuple(notes),
                           flags=tuple(flags_by_day.get(
                               (reading.meter_id, reading.read_on, reading.register), ()))))
    return out


def _use_since(meter: Meter, previous: Reading | None, reading: Reading,
               ) -> tuple[Decimal | None, list[Message]]:
    """What the meter used from ``previous`` to ``reading`` (multiplier applied), with a
    note for a rollover or a replacement between them; None for its first reading."""
    if previous is None:
        return None, []
    before = previous
    if previous.read_on >= reading.read_on:  # a day's second reading: one step all the same
        before = replace(previous, read_on=reading.read_on - timedelta(days=1))
    dial = replace(meter, installed_on=None, removed_on=None)  # two readings, not a month
    used = consumption(dial, [before, reading], Period(before.read_on, reading.read_on))
    notes = []
    for why in used.reasons:
        if why.params.get("register") == reading.register and why.code in (
                "rollover", "replacement"):
            params = {k: plain(v) for k, v in {**why.params, "meter": meter.code}.items()}
            if why.code == "rollover":
                notes.append(_reason("reading-rollover", f"{meter.code}: the dial rolled over "
                                     f"at {params['rollover_at']} between {params['previous']} "
                                     f"and {params['value']}", **params))
            else:
                notes.append(_reason("reading-replacement", f"{meter.code}: replaced: the old "
                                     f"dial's final {params['previous']}, the new one's "
                                     f"initial {params['value']}", **params))
    return Decimal(plain(used.by_register[reading.register])), notes


# -- readings: a file --------------------------------------------------------------------

READING_FIELDS: tuple[str, ...] = ("meter", "date", "value", "register", "kind", *TIME_OF_USE)
READING_ALIASES: dict[str, tuple[str, ...]] = {
    "meter": ("表号", "表计编号", "表编号", "表计号", "电表号", "电表编号", "水表号", "水表编号",
              "气表号", "热表号", "仪表编号", "计量点编号", "计量点", "表计", "表计名称", "meter",
              "metercode", "meterno", "meternumber", "meterid"),
    "date": ("抄表日期", "抄表时间", "抄见日期", "读数日期", "日期", "date", "readon",
             "readingdate", "readdate", "readat"),
    "value": ("读数", "示数", "本期读数", "本次读数", "本期示数", "本次示数", "止码", "本期止码",
              "表底", "总示数", "总读数", "总", "reading", "value", "meterreading", "index",
              "total"),
    "register": ("时段", "费率", "计费时段", "费率时段", "峰谷时段", "register", "tariffperiod",
                 "timeofuse", "tou"),
    "kind": ("类型", "读数类型", "抄表类型", "kind", "type", "readingtype"),
    "sharp": ("尖", "尖峰", "尖读数", "尖示数", "尖峰读数", "尖峰示数", "sharp"),
    "peak": ("峰", "高峰", "峰读数", "峰示数", "峰段", "高峰读数", "peak"),
    "flat": ("平", "平段", "平读数", "平示数", "平时", "flat", "shoulder"),
    "valley": ("谷", "低谷", "谷读数", "谷示数", "谷段", "低谷读数", "valley", "offpeak"),
}
READING_WHOLE_ONLY = frozenset({"总", "尖", "峰", "平", "谷", "index", "value", "total", "type",
                                "kind", "date", "flat", "peak", "sharp", "tou", "表计", "日期"})
# A header that names a previous reading, or a figure worked out, is not a reading.
READING_IGNORED = ("上期", "上次", "前次", "起码", "起度", "用量", "电量", "差值", "倍率",
                   "previous", "last", "usage", "consumption")

_REGISTER_WORDS: dict[str, tuple[str, ...]] = {
    TOTAL: ("总", "合计", "全部", "total", "all"),
    "sharp": ("尖", "尖峰", "sharp"),
    "peak": ("峰", "高峰", "peak"),
    "flat": ("平", "平段", "平时", "flat", "shoulder"),
    "valley": ("谷", "低谷", "valley", "offpeak"),
}
_KIND_WORDS: dict[ReadingKind, tuple[str, ...]] = {
    ReadingKind.READING: ("抄表", "正常", "日常", "月度", "reading", "normal", "regular"),
    ReadingKind.FINAL: ("拆表", "旧表", "旧表止码", "末次", "撤表", "final", "removed",
                        "removal"),
    ReadingKind.INITIAL: ("装表", "新表", "新表起码", "初始", "首次", "initial", "installed",
                          "installation"),
}
_QUANTITY_WORDS = re.compile(r"\s*(kw·?h|kwh|千瓦时|度|m³|m3|立方米|方|吨|gj|吉焦)\s*$", re.I)


@dataclass(frozen=True)
class Table:
    """A spreadsheet's rows under the header found: each field's column (its header as
    written), each row as header → cell."""

    path: Path
    sheet: str  # "" for a CSV
    header_row: int  # 1-based
    headers: tuple[str, ...]
    columns: Mapping[str, str]
    rows: tuple[tuple[int, Mapping[str, Any]], ...]
    skipped: tuple[int, ...] = ()  # empty lines and totals (合计)


def guess_columns(headers: Iterable[str], aliases: Mapping[str, tuple[str, ...]],
                  whole_only: frozenset[str], ignored: Sequence[str] = (),
                  ) -> dict[str, str]:
    """Each field's column from the header words (a whole header beats a word inside one;
    a longer word beats a shorter); a column serves one field; ``ignored`` words drop a
    header (上期读数 is no reading of this day)."""
    found = []
    for position, header in enumerate(headers):
        text = squash(str(header or ""))
        if not text or any(w in text for w in ignored):
            continue
        bare = re.sub(r"[(（\[【].*?[)）\]】]", "", text)
        best: tuple[int, str] | None = None
        for name, words in aliases.items():
            for word in words:
                if word in (text, bare):
                    score = 1000 + len(word)
                elif word not in whole_only and word in bare:
                    score = len(word)
                else:
                    continue
                if best is None or score > best[0]:
                    best = (score, name)
        if best is not None:
            found.append((best[0], -position, best[1], str(header)))
    columns: dict[str, str] = {}
    for _score, _position, name, header in sorted(found, reverse=True):
        if name not in columns and header not in columns.values():
            columns[name] = header
    return {k: columns[k] for k in aliases if k in columns}


def read_table(path: Path | str, aliases: Mapping[str, tuple[str, ...]],
               whole_only: frozenset[str], missing_of: Callable[[Mapping[str, str]], list[str]],
               key_field: str, error: type[UserError], prefix: str,
               ignored: Sequence[str] = ()) -> Table:
    """A readings or metrics file's rows under its header (the line of the first
    ``HEADER_SCAN`` naming the most fields, on the first sheet that names them all).

    ``missing_of(columns)``: the fields the file still lacks (none: it can be read);
    ``key_field``: the field whose empty cell or total word (合计) skips a line. Refusals
    are ``error`` with codes ``<prefix>-no-file``, ``-format``, ``-empty``, ``-unreadable``,
    ``-encoding`` and ``-columns-missing`` (naming the fields and the columns found).
    """
    path = Path(path)
    if not path.is_file():
        raise error(f"{path}: no such file", f"{prefix}-no-file", file=path.name)
    suffix = path.suffix.lower()
    try:
        if suffix in (".csv", ".txt"):
            tables = [("", read_csv_rows(path))]
        elif suffix in (".xlsx", ".xlsm", ".xls"):
            tables = read_excel_rows(path)
        else:
            raise error(f"{path.name} is not an Excel (.xlsx, .xls) or CSV file",
                        f"{prefix}-format", file=path.name)
    except RentRollError as exc:
        code = exc.code.replace("rent-roll-", f"{prefix}-", 1) if exc.code else \
            f"{prefix}-unreadable"
        raise error(str(exc), code, **exc.params) from exc
    chosen: tuple[str, list[list[Any]], int, dict[str, str]] | None = None
    for sheet, cells in tables:
        for index, line in enumerate(cells[:HEADER_SCAN]):
            columns = guess_columns((cell_text(v) for v in line), aliases, whole_only, ignored)
            if columns and (chosen is None or len(columns) > len(chosen[3])):
                chosen = (sheet, cells, index, columns)
        if chosen is not None and not missing_of(chosen[3]):
            break
    if chosen is None:
        if not any(display_width(line) for _sheet, cells in tables for line in cells):
            raise error(f"{path.name}: the file is empty", f"{prefix}-empty", file=path.name)
        needed = missing_of({})
        raise error(f"{path.name}: no header naming {', '.join(needed)}",
                    f"{prefix}-columns-missing", file=path.name, fields=", ".join(needed),
                    columns="")
    sheet, cells, at, _guessed = chosen
    width = max((display_width(line) for line in cells[at:]), default=0)
    headers = unique_headers(list(cells[at][:width]) + [None] * (width - len(cells[at])))
    columns = guess_columns(headers, aliases, whole_only, ignored)
    missing = missing_of(columns)
    if missing:
        raise error(f"{path.name}: no column for {', '.join(missing)} (columns: "
                    f"{', '.join(headers)})", f"{prefix}-columns-missing", file=path.name,
                    fields=", ".join(missing), columns=", ".join(headers))
    rows, skipped = [], []
    for index in range(at + 1, len(cells)):
        line = cells[index]
        values = dict(zip(headers, line, strict=False))
        key = cell_text(values.get(columns[key_field]))
        if display_width(line) == 0 or key.lower() in SKIP_CODES:
            skipped.append(index + 1)
            continue
        rows.append((index + 1, values))
    return Table(path, sheet, at + 1, tuple(headers), columns, tuple(rows), tuple(skipped))


def _readings_missing(columns: Mapping[str, str]) -> list[str]:
    missing = [f for f in ("meter", "date") if f not in columns]
    if "value" not in columns and not any(r in columns for r in TIME_OF_USE):
        missing.append("value")
    return missing


@dataclass(frozen=True)
class ReadingsSheet:
    table: Table
    lines: tuple[ReadingLine, ...]


def read_readings(path: Path | str) -> ReadingsSheet:
    """The file's readings, typed: a row with a value column gives one (its register from a
    register column, else total); each register column (峰, 平, 谷, 尖) gives one more.

    Raises
    ------
    ReadingsImportError
        The file is missing, of another kind, unreadable or empty, or lacks a column.
    """
    table = read_table(path, READING_ALIASES, READING_WHOLE_ONLY, _readings_missing, "meter",
                       ReadingsImportError, "readings", READING_IGNORED)
    lines: list[ReadingLine] = []
    for number, values in table.rows:
        lines += _reading_lines(number, values, table.columns)
    return ReadingsSheet(table, tuple(lines))


def _reading_lines(number: int, values: Mapping[str, Any], columns: Mapping[str, str],
                   ) -> list[ReadingLine]:
    code = cell_text(values.get(columns["meter"]))
    common: list[Message] = []
    if not code:
        common.append(_reason("reading-no-meter-code", "no meter code",
                              column=columns["meter"]))
    day = None
    cell = values.get(columns["date"])
    try:
        day = read_date(cell)
    except Unreadable:
        common.append(_reason("reading-bad-date", f"{columns['date']}: cannot read "
                              f"“{cell_text(cell)}” as a day", column=columns["date"],
                              value=cell_text(cell)))
    else:
        if day is None:
            common.append(_reason("reading-no-date", f"{columns['date']}: empty",
                                  column=columns["date"]))
    kind: ReadingKind | None = ReadingKind.READING
    if "kind" in columns:
        cell = values.get(columns["kind"])
        kind = _word(cell, _KIND_WORDS, ReadingKind.READING)
        if kind is None:
            common.append(_reason("reading-bad-kind", f"{columns['kind']}: “{cell_text(cell)}” "
                                  "is not a reading, a final (拆表) or an initial (装表) one",
                                  column=columns["kind"], value=cell_text(cell)))
    given: list[tuple[str, str | None, Any, list[Message]]] = []  # column, register, cell, why
    if "value" in columns:
        register: str | None = TOTAL
        why: list[Message] = []
        if "register" in columns:
            cell = values.get(columns["register"])
            register = _word(cell, _REGISTER_WORDS, TOTAL)
            if register is None:
                why.append(_reason("reading-bad-register", f"{columns['register']}: "
                                   f"“{cell_text(cell)}” is not total, 尖, 峰, 平 or 谷",
                                   column=columns["register"], value=cell_text(cell)))
        given.append((columns["value"], register, values.get(columns["value"]), why))
    for register_name in TIME_OF_USE:
        if register_name in columns:
            given.append((columns[register_name], register_name,
                          values.get(columns[register_name]), []))
    out: list[ReadingLine] = []
    empty: list[str] = []
    for column, register, cell, why in given:
        reasons = list(common) + why
        value = None
        try:
            value = read_decimal(_QUANTITY_WORDS.sub("", cell_text(cell)) if isinstance(
                cell, str) else cell)
            value = None if value is None else as_stored(value)
        except Unreadable:
            reasons.append(_reason("reading-bad-value", f"{column}: cannot read "
                                   f"“{cell_text(cell)}” as a reading", column=column,
                                   value=cell_text(cell)))
        if value is None and cell_text(cell).lower() in EMPTY_WORDS:
            empty.append(column)  # no reading of this register on this row
            continue
        out.append(ReadingLine(number, code, day, register, kind, value, tuple(reasons), column))
    if not out:
        columns_said = ", ".join(empty)
        out.append(ReadingLine(number, code, day, None, kind, None, (*common, _reason(
            "reading-no-value", f"no reading in {columns_said}", columns=columns_said)),
            columns_said))
    return out


def _word(cell: Any, words: Mapping[Any, tuple[str, ...]], empty: Any) -> Any:
    """The key whose word the cell says (None: none does); an empty cell is ``empty``."""
    text = squash(cell_text(cell))
    if text in EMPTY_WORDS:
        return empty
    for key, options in words.items():
        if text in options:
            return key
    for key, options in words.items():  # "峰段", "拆表止码": a word inside
        if any(len(o) > 1 and o in text for o in options):
            return key
    return None


@dataclass(frozen=True)
class ReadingsImportReport:
    """A readings file rehearsed or imported: each reading's fate."""

    path: Path
    sheet: str
    header_row: int
    columns: Mapping[str, str]
    rows: tuple[ReadingReport, ...]
    dry_run: bool
    skipped: tuple[int, ...] = ()

    def count(self, status: ReadingStatus) -> int:
        return sum(1 for r in self.rows if r.status is status)

    @property
    def added(self) -> int:
        return self.count(ReadingStatus.NEW)

    @property
    def corrected(self) -> int:
        return self.count(ReadingStatus.CORRECTION)

    @property
    def unchanged(self) -> int:
        return self.count(ReadingStatus.UNCHANGED)

    @property
    def rejected(self) -> int:
        return self.count(ReadingStatus.REJECTED)

    @property
    def flagged(self) -> int:
        return sum(1 for r in self.rows if r.flags)

    @property
    def written(self) -> int:
        """Readings that are (or would be) written: new ones and corrections."""
        return self.added + self.corrected

    def to_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path), "sheet": self.sheet, "header_row": self.header_row,
            "columns": dict(self.columns), "dry_run": self.dry_run,
            "counts": {"readings": len(self.rows), "added": self.added,
                       "corrected": self.corrected, "unchanged": self.unchanged,
                       "rejected": self.rejected, "flagged": self.flagged,
                       "skipped": len(self.skipped)},
            "rows": [r.to_json() for r in self.rows],
        }


def import_readings(workspace: Workspace, park_id: uuid.UUID, path: Path | str, *,
                    dry_run: bool = False, job: Job | None = None) -> ReadingsImportReport:
    """Judge every reading of the file; unless ``dry_run``, write the new ones and the
    corrections in one transaction (one ``post_reading`` command each).

    ``job`` hears three steps (read, judged, written) and may cancel at each: a cancel
    after the writing still rolls it all back, so a cancelled import writes nothing.

    Raises
    ------
    ReadingsImportError
        The file cannot be read or lacks a column; nothing is written.
    Cancelled
        ``job`` was cancelled; nothing is written.
    """
    sheet = read_readings(path)
    table = sheet.table
    _step(job, 1)
    if dry_run:
        with workspace.reading() as session:
            rows = _judge(session, park_id, sheet.lines)
            _step(job, 2)
    else:
        with workspace.transaction() as session:
            judged = _judge(session, park_id, sheet.lines)
            _step(job, 2)
            rows = _write(session, park_id, judged)
            _step(job, 3)  # a cancel here still rolls everything back
    return ReadingsImportReport(table.path, table.sheet, table.header_row, table.columns,
                                tuple(rows), dry_run, table.skipped)


IMPORT_STEPS = 3


def _step(job: Job | None, done: int) -> None:
    if job is not None:
        job.step(done, IMPORT_STEPS, "")


@dataclass(frozen=True)
class ReadingEntry:
    """A reading typed in (the month-end entry grid): the meter by code, its day and value."""

    code: str
    read_on: date
    value: Decimal
    register: str = TOTAL
    kind: ReadingKind = ReadingKind.READING


def record_readings(workspace: Workspace, park_id: uuid.UUID, entries: Sequence[ReadingEntry],
                    *, dry_run: bool = False) -> list[ReadingReport]:
    """Enter many readings at once, as a month-end round is typed: each judged as a file's
    row is (its row number: its place in ``entries``, from 1), with its use since the
    previous reading and its flags; unless ``dry_run``, the new ones and the corrections
    written in one transaction (one ``post_reading`` command each, source ``manual``).
    A refused entry is reported with its reasons and writes nothing; the others are
    written all the same, as an import's are."""
    lines = [ReadingLine(n, e.code.strip(), e.read_on, e.register, ReadingKind(e.kind),
                         as_stored(Decimal(e.value))) for n, e in enumerate(entries, start=1)]
    if dry_run:
        with workspace.reading() as session:
            return _judge(session, park_id, lines)
    with workspace.transaction() as session:
        return _write(session, park_id, _judge(session, park_id, lines), SOURCE_MANUAL)


def _write(session: Session, park_id: uuid.UUID, reports: list[ReadingReport],
           source: str = SOURCE_IMPORT) -> list[ReadingReport]:
    """Write the batch's new readings and corrections, in day order; the reports with ids."""
    entered = _entered(reports)
    if not entered:
        return reports
    ids: dict[int, uuid.UUID] = {}
    rows: list[dict[str, Any]] = []
    commands: list[tuple[uuid.UUID, dict[str, Any]]] = []
    for r in entered:
        assert (r.meter_id is not None and r.read_on is not None and r.register is not None
                and r.value is not None and r.kind is not None)
        reading_id = uuid7()
        ids[id(r)] = reading_id
        rows.append({"id": reading_id, "meter_id": r.meter_id, "read_on": r.read_on,
                     "register": r.register, "value": r.value, "kind": r.kind.value,
                     "source": source})
        commands.append((reading_id, _payload(reading_id, r.meter_id, r.read_on, r.register,
                                              r.value, r.kind, source)))
    with under_command(session):
        insert_rows(session, MeterReading, rows)
    record_commands(session, "post_reading", MeterReading, commands, ready=True)
    return [replace(r, reading_id=ids[id(r)]) if id(r) in ids else r for r in reports]


# -- what units used ---------------------------------------------------------------------


def month_period(month: date) -> Period:
    """The calendar month ``month`` falls in."""
    return Period.month(month.year, month.month)


@dataclass(frozen=True)
class Tree:
    """One utility's meters in a park, their readings (entered order), bases and areas."""

    meters: list[Meter]
    readings: list[Reading]
    documents: dict[str, dict[str, Any]]
    areas: dict[str, Decimal]
    rows: dict[str, MeterRow] = field(default_factory=dict)


def load_tree(session: Session, park_id: uuid.UUID, utility: Utility | str,
              until: date | None = None) -> Tree:
    """The park's meters of ``utility`` with their readings up to ``until`` (all if None);
    each meter carries its installation and removal days, which bound the months it can
    miss a reading in."""
    rows = list(session.scalars(select(MeterRow).where(
        MeterRow.park_id == park_id, ~MeterRow.archived,
        MeterRow.utility == Utility(utility).value).order_by(MeterRow.code)))
    meters = [_domain(r) for r in rows]
    readings: list[Reading] = []
    ids = [r.id for r in rows]
    for chunk in _chunks(ids):
        query = (select(MeterReading.meter_id, MeterReading.read_on, MeterReading.register,
                        MeterReading.value, MeterReading.kind, MeterReading.hlc,
                        MeterReading.id)
                 .where(MeterReading.meter_id.in_(chunk), ~MeterReading.archived))
        if until is not None:
            query = query.where(MeterReading.read_on <= until)
        readings += [(hlc, rid, Reading(str(m), day, reg, value, ReadingKind(kind)))
                     for m, day, reg, value, kind, hlc, rid in session.execute(query)]
    readings.sort(key=lambda t: (t[0], t[1]))  # the order entered, over all the chunks
    unit_ids = {r.unit_id for r in rows if r.unit_id is not None}
    areas: dict[str, Decimal] = {}
    for chunk in _chunks(sorted(unit_ids)):
        areas.update({str(u): a for u, a in session.execute(
            select(Unit.id, Unit.billable_area).where(Unit.id.in_(chunk)))})
    return Tree(meters, [r for _, _, r in readings], {str(r.id): dict(r.basis or {}) for r in rows},
                areas, {str(r.id): r for r in rows})


def consumption_by_unit(session: Session, park_id: uuid.UUID, month: date,
                        utility: Utility | str = Utility.ELECTRICITY,
                        ) -> dict[uuid.UUID, UnitUse]:
    """Each metered unit's use in ``month``: its own meters' plus its shares of the shared
    consumption above it (``UnitUse``: direct, shared, total, measured, reasons)."""
    period = month_period(month)
    tree = load_tree(session, park_id, utility, period.end)
    use = unit_consumption(tree.meters, tree.readings, period, tree.documents, tree.areas)
    return {uuid.UUID(u): v for u, v in use.items()}


def shared_statement(session: Session, meter_id: uuid.UUID, month: date) -> Statement:
    """The 公摊 statement of one meter feeding sub meters, for ``month``: its consumption,
    each sub meter's, the unmetered and shared figures, the basis and its denominator, and
    each unit's share, priced at the meter's tariff (and that tariff's other versions:
    the park's tariffs of the same utility and name). A meter without a tariff is
    priced at nothing: the quantities stand, the amounts are 0.

    Raises
    ------
    MeterRefused
        No such meter, or it feeds no sub meter.
    """
    row = session.get(MeterRow, meter_id)
    if row is None or row.archived:
        raise MeterRefused(f"no meter {meter_id}", "meter-unknown", meter=str(meter_id))
    period = month_period(month)
    tree = load_tree(session, row.park_id, row.utility, period.end)
    chained = chains(tree.meters)
    me = chained.position(str(row.id))
    if not any(m.parent_id == me for m in chained.tree):
        raise MeterRefused(f"{row.code} feeds no sub meter: it has no shared consumption",
                           "meter-no-subs", meter=row.code)
    below = units_below(me, tree.meters)
    bases = {m.id: basis_of(tree.documents.get(m.id), below, tree.areas)
             for m in chained.records(me)}
    return statement(me, tree.meters, current_readings(tree.readings), period, bases,
                     _tariffs(session, statement_tariff(session, tree.rows.get(me, row))),
                     PLACES)


def statement_tariff(session: Session, row: MeterRow) -> uuid.UUID | None:
    """The tariff a meter's 公摊 statement is priced at: the one set on it, else on the
    records it replaced, newest first (a meter replacing another keeps its tariff)."""
    seen: set[uuid.UUID] = set()
    here: MeterRow | None = row
    while here is not None and here.id not in seen:
        if here.tariff_id is not None:
            return here.tariff_id
        seen.add(here.id)
        here = None if here.replaces_id is None else session.get(MeterRow, here.replaces_id)
    return None


def _tariffs(session: Session, tariff_id: uuid.UUID | None) -> Tariff | list[Tariff]:
    """The tariff with its other versions (same park, utility and name)."""
    if tariff_id is None:
        return UNPRICED
    chosen = session.get(TariffRow, tariff_id)
    if chosen is None:
        return UNPRICED
    versions = session.scalars(select(TariffRow).where(
        TariffRow.park_id == chosen.park_id, TariffRow.utility == chosen.utility,
        TariffRow.name == chosen.name, ~TariffRow.archived))
    return [from_document(t.document, t.valid_from) for t in versions]
