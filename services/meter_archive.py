"""A meter taken out of service: archived from the day it was removed, removed outright when
it never measured anything, restored, or replaced by a new meter record.

Why two ways out. A meter's readings are a ledger and its consumption is billed
from them, so a meter that was read (or that a posted bill names) is never
deleted: :func:`archive_meter` *retires* it. Its row stays live (``archived``
false) with ``removed_on`` set, so the billing run still reads it for the months
it measured and for the month it was taken out in; its readings stay.
What stops it from measuring after that day is its *final* reading, as the rules
(``domain.billing.meters``) read a removal: the old dial's last count, after which
the meter measures nothing (``removed``), holds no bill and misses no reading. So
archiving closes each register: the final figure given is written as a ``final``
reading on the removal day; a register already closed by a final, or read on that
very day (that reading is taken as its final), needs none; a register read only
before the day without a final given is refused (the use between its last reading
and the removal is unknown: the rules would hold the removal's month, naming the
missing final). A meter archived this way bills up to its removal and nothing after it.

:func:`remove_meter` is for a meter with no reading and no posted bill (added by
mistake, never installed): ``archived`` set, which is what "deleted" means in a
synced store (one ``archive`` op). Its code stays taken, as every code of the park
does once used (``services.meters`` refuses it to a new meter).

Either way a meter that still feeds meters in service after the day cannot go:
they are named (the first few and how many) to be moved or archived first. A meter
read after the day said was in service then, and cannot be removed before it.

:func:`restore_meter` undoes either: a removed meter comes back (its code is still its
own: the store keeps a code unique in the park, archived rows too, and
``services.meters`` refuses a removed meter's code to a new one); an archived one is
back in service, unless a meter replaces it, and each register its archive closed is
opened again by an ``initial`` reading of the same figure on the same day, so the dial
runs on (the rules read a final and an initial of one figure as a replacement that
changes nothing). Either refuses while its parent meter is archived or removed.

Replacement (:func:`take_place_of`, from ``services.meters.create_meter`` and
``edit_meter``): a meter that replaces another one is of its utility, not itself,
not beneath it in the tree, and the only meter replacing it; it is installed on or
after the day the other was removed, and when that day is not set yet it is the new
meter's installation day (the same checks as archiving: no reading after it). A
main or distribution meter replaced hands its sub meters to the new record: those
still in service after the day (``meters.moved_by_replacement``) get the new meter as
their parent, each a ``field_set`` op in the same transaction, so nothing is fed by
the old one after it and it can be archived. The rules read a replaced meter and the
one replacing it as one position (``meters.position``), so the move changes no month
already measured. A move that would make a loop, or hang them under a unit's meter,
is refused as the tree check refuses it (``meter-tree``).

Each is one transaction with its outbox ops: the field changes (``removed_on``,
``archived``) as ``field_set`` / ``archive`` ops, and each reading written as its
``post_reading`` command.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from domain.billing.meters import (
    TOTAL,
    Meter,
    Reading,
    ReadingKind,
    Utility,
    moved_by_replacement,
    tree_flags,
)
from domain.billing.unit_consumption import current_readings
from services.meters import (
    SOURCE_MANUAL,
    MeterRefused,
    ReadingLine,
    ReadingReport,
    ReadingStatus,
    _domain,
    _flag_message,
    _judge,
    _near,
    _unit_codes,
    _write,
    as_stored,
    plain,
)
from store.schema import Bill, BillLine, MeterReading
from store.schema import Meter as MeterRow
from store.workspace import Workspace

NAMED = 3  # meters or bills named in a refusal before "(+n)"


class MeterArchiveRefused(MeterRefused):
    """A meter that cannot be archived, removed, restored or replaced as asked; nothing is
    written."""


@dataclass(frozen=True)
class ArchiveReport:
    """A meter archived: its code, the day it was removed, the final readings written."""

    code: str
    removed_on: date
    finals: tuple[ReadingReport, ...] = ()


@dataclass(frozen=True)
class RestoreReport:
    """A meter restored: whether it had been removed outright (else archived), and the
    initial readings that opened its registers again."""

    code: str
    was_removed: bool
    initials: tuple[ReadingReport, ...] = ()


@dataclass(frozen=True)
class Usage:
    """What keeps a meter from being removed: its readings and the posted bills naming it."""

    readings: int
    bills: tuple[str, ...]  # bill numbers, sorted

    @property
    def used(self) -> bool:
        return bool(self.readings or self.bills)


# -- what a meter is bound to ---------------------------------------------------------------


def usage(session: Session, row: MeterRow) -> Usage:
    """The meter's readings (every entry, corrections too) and the posted bills whose lines
    name it: a meter line by its code, a 公摊 share by its main meter's."""
    readings = session.scalar(select(func.count()).select_from(MeterReading).where(
        MeterReading.meter_id == row.id)) or 0
    said = BillLine.explanation
    bills = tuple(session.scalars(
        select(Bill.number).distinct().join(BillLine, BillLine.bill_id == Bill.id)
        .where(Bill.park_id == row.park_id, Bill.charge == row.utility, ~Bill.archived,
               ~BillLine.archived, or_(said["meter"].as_string() == row.code,
                                       said["main"].as_string() == row.code))
        .order_by(Bill.number)))
    return Usage(int(readings), bills)


def fed_after(session: Session, row: MeterRow, on: date | None) -> list[str]:
    """The codes of the meters ``row`` feeds that are still in service after ``on`` (None:
    every one not removed outright), by code."""
    query = select(MeterRow.code).where(MeterRow.parent_id == row.id, ~MeterRow.archived)
    if on is not None:
        query = query.where(or_(MeterRow.removed_on.is_(None), MeterRow.removed_on > on))
    return list(session.scalars(query.order_by(MeterRow.code)))


def first_read_after(session: Session, row: MeterRow, on: date) -> date | None:
    return session.scalar(select(func.min(MeterReading.read_on)).where(
        MeterReading.meter_id == row.id, ~MeterReading.archived, MeterReading.read_on > on))


def named(items: Sequence[str]) -> str:
    """The first few of ``items`` and how many more: ``A, B, C (+2)``."""
    shown = ", ".join(items[:NAMED])
    return shown + (f" (+{len(items) - NAMED})" if len(items) > NAMED else "")


def check_retirement(session: Session, row: MeterRow, on: date) -> None:
    """Refuse to take ``row`` out of service on ``on`` while a meter it feeds stays in
    service after it, or it was read after it (the day against its installation is the
    caller's: an edit checks the installation day it sets).

    Raises
    ------
    MeterArchiveRefused
        ``meter-still-feeds`` or ``meter-read-after-removal``.
    """
    feeding = fed_after(session, row, on)
    if feeding:
        _refuse_feeding(row, feeding)
    after = first_read_after(session, row, on)
    if after is not None:
        raise MeterArchiveRefused(f"{row.code} was read on {after}, after {on}: it was in "
                                  "service then", "meter-read-after-removal", meter=row.code,
                                  on=after, removed_on=on)


def _installed_by(row: MeterRow, on: date) -> None:
    if row.installed_on is not None and on < row.installed_on:
        raise MeterArchiveRefused(f"{row.code}: removed on {on}, before it was installed on "
                                  f"{row.installed_on}", "meter-dates", meter=row.code,
                                  installed_on=row.installed_on, removed_on=on)


def _refuse_feeding(row: MeterRow, feeding: Sequence[str]) -> None:
    raise MeterArchiveRefused(f"{row.code} still feeds {len(feeding)} meters ({named(feeding)}): "
                              "move them under another meter or archive them first",
                              "meter-still-feeds", meter=row.code, count=len(feeding),
                              meters=named(feeding))


# -- archive, remove, restore ---------------------------------------------------------------


def archive_meter(workspace: Workspace, meter_id: uuid.UUID, removed_on: date,
                  finals: Mapping[str, Decimal] | None = None) -> ArchiveReport:
    """Take the meter out of service from ``removed_on``: each register closed by its final
    reading (``finals``: register → the dial's last figure; see the module), then
    ``removed_on`` set. A meter archived already is archived again from the day given (its
    final readings given now, when it lacked them).

    Raises
    ------
    MeterRefused
        ``meter-unknown``; ``reading-refused`` (a final that does not hold, its reasons the
        parts); the :class:`MeterArchiveRefused` of :func:`check_retirement`,
        ``meter-dates`` (installed after the day), ``meter-archive-final`` (a register read
        before the day and no final given) or ``meter-archive-closed`` (a final given for a
        register a final closed on another day). Nothing is written.
    """
    given = {register: as_stored(Decimal(value)) for register, value in (finals or {}).items()}
    with workspace.transaction() as session:
        row = _live(session, meter_id)
        check_retirement(session, row, removed_on)
        _installed_by(row, removed_on)
        lines = _closing(row, _current(session, row), removed_on, given)
        reports: list[ReadingReport] = []
        if lines:
            judged = _judge(session, row.park_id, lines)
            _refuse_readings(row, judged)
            reports = _write(session, row.park_id, judged, SOURCE_MANUAL)
        if row.removed_on != removed_on:
            row.removed_on = removed_on
        return ArchiveReport(row.code, removed_on, tuple(
            r for r in reports if r.reading_id is not None))


def remove_meter(workspace: Workspace, meter_id: uuid.UUID) -> str:
    """Delete a meter that never measured anything (``archived`` set: one ``archive`` op);
    its code.

    Raises
    ------
    MeterRefused
        ``meter-unknown``; ``meter-remove-billed`` (a posted bill names it) or
        ``meter-remove-read`` (it has readings): archive it instead; ``meter-still-feeds``.
        Nothing is written.
    """
    with workspace.transaction() as session:
        row = _live(session, meter_id)
        used = usage(session, row)
        if used.bills:
            raise MeterArchiveRefused(
                f"{row.code} is named by posted bills ({named(used.bills)}): it is archived, "
                "never removed", "meter-remove-billed", meter=row.code, bills=named(used.bills),
                count=len(used.bills))
        if used.readings:
            raise MeterArchiveRefused(
                f"{row.code} has {used.readings} readings: a meter that was read is archived, "
                "never removed", "meter-remove-read", meter=row.code, count=used.readings)
        feeding = fed_after(session, row, None)
        if feeding:
            _refuse_feeding(row, feeding)
        row.archived = True
        return row.code


def restore_meter(workspace: Workspace, meter_id: uuid.UUID) -> RestoreReport:
    """Bring an archived or removed meter back into service (see the module).

    Raises
    ------
    MeterRefused
        ``meter-unknown``; ``meter-not-archived`` (it is in service);
        ``meter-restore-replaced`` (a meter replaces it); ``meter-restore-parent`` (its parent
        meter is archived or removed). Nothing is written.
    """
    with workspace.transaction() as session:
        row = session.get(MeterRow, meter_id)
        if row is None:
            raise MeterArchiveRefused(f"no meter {meter_id}", "meter-unknown",
                                      meter=str(meter_id))
        if not row.archived and row.removed_on is None:
            raise MeterArchiveRefused(f"{row.code} is in service: there is nothing to restore",
                                      "meter-not-archived", meter=row.code)
        if not row.archived:
            by = session.scalar(select(MeterRow.code).where(
                MeterRow.replaces_id == row.id, ~MeterRow.archived).order_by(MeterRow.code))
            if by is not None:
                raise MeterArchiveRefused(f"{row.code} was replaced by {by}: it stays archived",
                                          "meter-restore-replaced", meter=row.code, by=by)
        parent = session.get(MeterRow, row.parent_id) if row.parent_id is not None else None
        if parent is not None and (parent.archived or parent.removed_on is not None):
            raise MeterArchiveRefused(f"{row.code} hangs under {parent.code}, which is archived: "
                                      f"restore {parent.code} first, or move {row.code}",
                                      "meter-restore-parent", meter=row.code, parent=parent.code)
        if row.archived:
            row.archived = False
            return RestoreReport(row.code, True)
        lines = [ReadingLine(n, row.code, r.read_on, r.register, ReadingKind.INITIAL, r.value)
                 for n, r in enumerate(_closed(row, _current(session, row)).values(), start=1)]
        reports: list[ReadingReport] = []
        if lines:
            judged = _judge(session, row.park_id, lines)
            _refuse_readings(row, judged)
            reports = _write(session, row.park_id, judged, SOURCE_MANUAL)
        row.removed_on = None
        return RestoreReport(row.code, False, tuple(
            r for r in reports if r.reading_id is not None))


# -- replacement ----------------------------------------------------------------------------


def take_place_of(session: Session, code: str, values: Mapping[str, Any],
                  meter_id: uuid.UUID | None) -> list[str]:
    """Check that the meter ``code`` (``meter_id``: a new one is flushed first, so that it
    has one; None: checks only) may replace the meter ``values["replaces_id"]`` names,
    move the sub meters that one still feeds to it, and mark that one removed on the new
    meter's installation day when no day is set (a ``field_set`` op each). The codes of
    the sub meters moved; nothing when it replaces none.

    Raises
    ------
    MeterRefused
        ``meter-replaces-self``, ``meter-replaces-utility``, ``meter-replaces-taken``,
        ``meter-replaces-parent``, ``meter-replaces-below``, ``meter-replaces-dates``,
        ``meter-tree`` (the sub meters cannot hang under it), or :func:`check_retirement`'s
        refusals (and ``meter-dates``) of the replaced meter on that day.
    """
    replaced_id = values.get("replaces_id")
    if replaced_id is None:
        return []
    old = session.get(MeterRow, replaced_id)
    assert old is not None  # services.meters found it by its code
    if old.id == meter_id:
        raise MeterArchiveRefused(f"{code} cannot replace itself", "meter-replaces-self",
                                  meter=code)
    utility = Utility(values["utility"])
    if old.utility != utility.value:
        raise MeterArchiveRefused(f"{code} and {old.code} measure different utilities: a meter "
                                  "replaces one of its own utility", "meter-replaces-utility",
                                  meter=code, replaces=old.code, utility=utility.value,
                                  replaced_utility=old.utility)
    by = session.scalar(select(MeterRow.code).where(
        MeterRow.replaces_id == old.id, ~MeterRow.archived,
        *([MeterRow.id != meter_id] if meter_id is not None else ())).order_by(MeterRow.code))
    if by is not None:
        raise MeterArchiveRefused(f"{old.code} is replaced by {by} already",
                                  "meter-replaces-taken", meter=code, replaces=old.code, by=by)
    if values.get("parent_id") == old.id:
        raise MeterArchiveRefused(f"{code} hangs under {old.code}, the meter it replaces: hang "
                                  f"it where {old.code} hangs", "meter-replaces-parent",
                                  meter=code, replaces=old.code)
    if meter_id is not None and _beneath(session, old, meter_id):
        raise MeterArchiveRefused(f"{old.code} hangs beneath {code}: a meter cannot replace one "
                                  "it feeds", "meter-replaces-below", meter=code,
                                  replaces=old.code)
    installed = values.get("installed_on")
    if installed is not None and old.removed_on is not None and installed < old.removed_on:
        raise MeterArchiveRefused(f"{code} is installed on {installed}, before {old.code} was "
                                  f"removed on {old.removed_on}", "meter-replaces-dates",
                                  meter=code, replaces=old.code, installed_on=installed,
                                  removed_on=old.removed_on)
    moved = [] if meter_id is None else _take_subs(
        session, old, meter_id, values, old.removed_on or installed)
    if installed is None or old.removed_on is not None:
        return moved
    check_retirement(session, old, installed)
    _installed_by(old, installed)
    old.removed_on = installed
    return moved


def _take_subs(session: Session, old: MeterRow, meter_id: uuid.UUID,
               values: Mapping[str, Any], on: date | None) -> list[str]:
    """Hang the sub meters ``old`` still feeds after ``on`` under the meter ``meter_id``
    (``values``: what it is after the change); their codes. Refused, with the tree check's
    words, when that makes a loop or a unit's meter feeding others."""
    rows = {str(r.id): r for r in session.scalars(select(MeterRow).where(
        MeterRow.parent_id == old.id, ~MeterRow.archived, MeterRow.id != meter_id))}
    moving = moved_by_replacement(str(old.id), [_domain(r) for r in rows.values()], on)
    if not moving:
        return []
    me = str(meter_id)
    parent = values.get("parent_id")
    near = _near(session, meter_id, None if parent is None else session.get(MeterRow, parent))
    near[me] = Meter(me, values["code"], Utility(values["utility"]),
                     None if parent is None else str(parent),
                     None if values.get("unit_id") is None else str(values["unit_id"]))
    before = [*near.values(), *(m for m in moving if m.id not in near)]
    after = [m for m in near.values() if m.id not in rows] + [
        replace(m, parent_id=me) for m in moving]
    known = {(f.code, f.meter_id) for f in tree_flags(before)}
    new = [f for f in tree_flags(after) if (f.code, f.meter_id) not in known
           and f.code != "unknown-parent"]
    if new:
        codes = {m.id: m.code for m in after}
        units = _unit_codes(session, [str(f.params["unit"]) for f in new if "unit" in f.params])
        parts = [_flag_message(f, codes, units) for f in new]
        raise MeterArchiveRefused(f"{values['code']}: " + "; ".join(p.message for p in parts),
                                  "meter-tree", parts=parts, meter=values["code"])
    for m in moving:
        rows[m.id].parent_id = meter_id
    return [m.code for m in moving]


def _beneath(session: Session, row: MeterRow, top: uuid.UUID) -> bool:
    """Whether ``row`` hangs anywhere beneath the meter ``top`` (a loop is not followed)."""
    seen: set[uuid.UUID] = set()
    up = row.parent_id
    while up is not None and up not in seen:
        if up == top:
            return True
        seen.add(up)
        parent = session.get(MeterRow, up)
        up = parent.parent_id if parent is not None else None
    return False


# -- the registers' last readings -----------------------------------------------------------


def _live(session: Session, meter_id: uuid.UUID) -> MeterRow:
    row = session.get(MeterRow, meter_id)
    if row is None or row.archived:
        raise MeterArchiveRefused(f"no meter {meter_id}", "meter-unknown", meter=str(meter_id))
    return row


def _current(session: Session, row: MeterRow) -> list[Reading]:
    """The meter's readings as the rules read them: corrections applied, in the order
    entered."""
    return current_readings(
        Reading(str(row.id), day, register, value, ReadingKind(kind))
        for day, register, value, kind in session.execute(
            select(MeterReading.read_on, MeterReading.register, MeterReading.value,
                   MeterReading.kind)
            .where(MeterReading.meter_id == row.id, ~MeterReading.archived)
            .order_by(MeterReading.hlc, MeterReading.id)))


def _last(readings: Sequence[Reading]) -> dict[str, Reading]:
    """Each register's last reading: the latest day's, of a day the last entered."""
    last: dict[str, Reading] = {}
    for r in sorted(readings, key=lambda r: r.read_on):  # stable: a day's keep their order
        last[r.register] = r
    return last


def _closed(row: MeterRow, readings: Sequence[Reading]) -> dict[str, Reading]:
    """The registers whose last reading is a final one, with it."""
    registers = tuple(row.registers or (TOTAL,))
    return {register: r for register, r in _last(readings).items()
            if register in registers and r.kind is ReadingKind.FINAL}


def _closing(row: MeterRow, readings: Sequence[Reading], on: date,
             given: Mapping[str, Decimal]) -> list[ReadingLine]:
    """The final readings that close the meter's registers on ``on`` (see the module)."""
    last = _last(readings)
    lines: list[ReadingLine] = []
    registers = list(row.registers or (TOTAL,))
    registers += sorted(r for r in given if r not in registers)  # the rules refuse these
    for register in registers:
        previous = last.get(register)
        value = given.get(register)
        if previous is not None and previous.kind is ReadingKind.FINAL:
            if value is not None and previous.read_on != on:
                raise MeterArchiveRefused(
                    f"{row.code}: its {register} dial was closed by a final reading on "
                    f"{previous.read_on} already", "meter-archive-closed", meter=row.code,
                    register=register, on=previous.read_on)
            if value is None:
                continue
        if value is None and previous is not None:
            if previous.read_on != on:
                raise MeterArchiveRefused(
                    f"{row.code}: give its final {register} reading on {on} (its last reading "
                    f"is {plain(previous.value)} on {previous.read_on})", "meter-archive-final",
                    meter=row.code, register=register, removed_on=on,
                    value=plain(previous.value), on=previous.read_on)
            value = previous.value  # read on the day it was taken out: that is its final
        if value is not None:
            lines.append(ReadingLine(len(lines) + 1, row.code, on, register, ReadingKind.FINAL,
                                     value))
    return lines


def _refuse_readings(row: MeterRow, judged: Sequence[ReadingReport]) -> None:
    refused = [r for r in judged if r.status is ReadingStatus.REJECTED]
    if refused:
        reasons = tuple(m for r in refused for m in r.reasons)
        raise MeterArchiveRefused(f"{row.code}: " + "; ".join(m.message for m in reasons),
                                  "reading-refused", parts=reasons, meter=row.code)
