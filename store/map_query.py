"""What the maps read: units with their outlines and the facts every map mode needs.

Named queries through :class:`store.read_model.ReadModel` (``sqlite3`` on a
workspace file, SQLAlchemy Core on an engine; the rows of both go through the
decoders below). The modes themselves are computed in :mod:`domain.map_modes`,
so this module only gathers facts as they stand on the map's date (who holds
each unit, since when it is empty, the recent months' readings).

A unit's month of energy is its ``unit_metrics`` figure, unless the unit has an
electricity meter whose readings measure that month: then it is what the
meters say (``domain.billing.unit_consumption``: its own meters plus its share
of the shared consumption above them), the same figure a utility bill and
``services.meters.consumption_by_unit`` give. The meters are read with their
service dates (``installed_on``, ``removed_on``), as billing reads them: a month
wholly before a meter's installation or after its removal is not a gap of its
unit (a replacement's new meter measures it alone), the month it is installed in
opens on the reading of its installation day, and a unit none of whose meters is
in service that month takes no share and is not measured (its stored figure, if
any, stands). Access, lighting, HVAC and cost stay the stored figures.

A unit's arrears are those of the contract holding it on the map's date
(``unit_arrears``, summed in SQL: a park's ledger is not read row by row for a
map): a former tenant's debts are not the new one's, and a unit its debtor
has left is not outlined. Receivables' own reading
(``services.receivables.arrears_by_unit``) gives the same figures for a held
unit; tests/store/test_unit_arrears.py holds the two to it.
"""

from __future__ import annotations

import functools
import json
import uuid
import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from domain.assets import UnitStatus
from domain.contracts import Holding, holding_on, last_day, vacant_since
from domain.map_modes import ENERGY_MONTHS, MonthMetrics, UnitFacts, usage
from domain.space_use import SpaceUse
from store.decode import (
    Members,
    as_date,
    as_decimal,
    as_id,
    as_optional_date,
    as_strings,
    as_wkb,
)
from store.read_model import ReadModel, Scope

if TYPE_CHECKING:  # the rules of meters load with the first meter (start-up stays light)
    from domain.billing.meters import Meter, Reading


@dataclass(frozen=True)
class MapUnit:
    """One unit as a map draws it: where, what, and its facts on the map's date."""

    id: uuid.UUID
    code: str
    name: str
    floor_id: uuid.UUID
    level: int
    geometry: bytes | None  # WKB polygon, metres, in the floor's coordinates
    tenant: str
    facts: UnitFacts
    arrears: Decimal | None = None  # what the holding contract owes overdue (None: nothing)
    overdue_since: date | None = None  # the due date of its oldest overdue bill


@dataclass(frozen=True)
class FloorDrawing:
    """A floor's linework, drawn under its units."""

    id: uuid.UUID
    building_id: uuid.UUID
    level: int
    name: str
    background: bytes | None


@dataclass(frozen=True)
class BuildingSite:
    """A building on the park's site plan."""

    id: uuid.UUID
    code: str
    name: str
    footprint: bytes | None  # WKB polygon in site coordinates, metres
    sort_order: int


# -- decoders: one per row shape, for the rows of either engine ----------------------

_UNIT_STATUSES = Members(UnitStatus)
_USES = Members(SpaceUse)
_USE_COLUMN = 9  # space_use in a map_units record


Owed = tuple[Decimal, date]  # overdue amount, oldest due date
NOTHING_OWED: Mapping[uuid.UUID, Mapping[str, Owed]] = {}


def decode_map_unit(
    record: Sequence[Any], holds: Mapping[uuid.UUID, list[Holding]],
    metrics: Mapping[uuid.UUID, list[MonthMetrics]], day: date,
    arrears: Mapping[uuid.UUID, Mapping[str, Owed]] = NOTHING_OWED,
) -> MapUnit:
    """A ``map_units`` row with its facts on ``day``, given the holds, readings and arrears
    (per unit, by contract code) in scope."""
    uid, code, name, floor_id, level, geometry, status, area, asking, use, internal = record
    unit_id = as_id(uid)
    mine = holds.get(unit_id, ())
    occupancy, hold = holding_on(mine, day)
    owed = arrears.get(unit_id, {}).get(hold.contract_code) if hold else None
    leasable = Decimal(area)
    facts = UnitFacts(
        area=leasable,
        status=_UNIT_STATUSES[status],
        occupancy=occupancy,
        ends_on=last_day(hold.term) if hold else None,  # a termination ends it early
        rent=hold.rent if hold else None,
        asking_rent=as_decimal(asking),
        vacant_since=vacant_since(mine, day),
        overdue=owed is not None,
        usage=usage(metrics.get(unit_id, ()), leasable),
        use=_USES[use],
        internal=Decimal(internal),
    )
    return MapUnit(unit_id, code, name, as_id(floor_id), level, as_wkb(geometry),
                   hold.tenant if hold else "", facts, *(owed or (None, None)))


def decode_unit_arrears(record: Sequence[Any]) -> tuple[uuid.UUID, str, Owed]:
    """A ``unit_arrears`` row: the unit, the contract's code, its overdue cents and oldest
    due date (cents are exact: the sum of amounts stored with two places)."""
    uid, code, cents, oldest = record
    return as_id(uid), code, (Decimal(int(cents)).scaleb(-2), as_date(oldest))


def decode_month_metrics(record: Sequence[Any]) -> tuple[uuid.UUID, MonthMetrics]:
    """A ``unit_metrics`` row: the unit and its month of readings."""
    uid, month, kwh, cost, access, light, hvac = record
    return as_id(uid), MonthMetrics(as_date(month), as_decimal(kwh), as_decimal(cost), access,
                                    as_decimal(light), as_decimal(hvac))


def decode_energy_meter(record: Sequence[Any]
                        ) -> tuple[Meter, dict[str, Any], Decimal | None]:
    """An ``energy_meters`` row: the meter as the rules read it (ids as text, with its
    service dates and the meter it replaces, as ``services.meters.load_tree`` gives it to
    billing), its basis document and its unit's billable area."""
    from domain.billing.meters import TOTAL, Meter, Utility

    (mid, code, parent, unit, multiplier, rollover, registers, basis, area, installed,
     removed, replaces) = record
    meter = Meter(str(as_id(mid)), code, Utility.ELECTRICITY,
                  None if parent is None else str(as_id(parent)),
                  None if unit is None else str(as_id(unit)), Decimal(multiplier),
                  as_decimal(rollover), as_strings(registers) or (TOTAL,),
                  as_optional_date(installed), as_optional_date(removed),
                  None if replaces is None else str(as_id(replaces)))
    return meter, _basis(basis) if isinstance(basis, str) else dict(basis or {}), \
        as_decimal(area)


@functools.lru_cache(maxsize=1024)
def _basis(text: str) -> dict[str, Any]:
    """Most meters share a basis text ({"kind": "area"}): each is parsed once; callers only
    read the dictionary."""
    return dict(json.loads(text) or {})


def decode_energy_reading(record: Sequence[Any]) -> Reading:
    """An ``energy_readings`` row."""
    from domain.billing.meters import Reading, ReadingKind

    mid, day, register, value, kind = record
    return Reading(str(as_id(mid)), as_date(day), register, Decimal(value), ReadingKind(kind))


def decode_floor_drawing(record: Sequence[Any]) -> FloorDrawing:
    """A ``floor_drawings`` row."""
    fid, bid, level, name, background = record
    return FloorDrawing(as_id(fid), as_id(bid), level, name, as_wkb(background))


def decode_building_site(record: Sequence[Any]) -> BuildingSite:
    """A ``building_sites`` row."""
    bid, code, name, footprint, order = record
    return BuildingSite(as_id(bid), code, name, as_wkb(footprint), order)


# -- reading -----------------------------------------------------------------------------


def map_units(reader: ReadModel, scope: Scope | None, day: date,
              for_rent_only: bool = False, arrears: bool = False) -> list[MapUnit]:
    """The live units in ``scope`` with their facts on ``day``; ``for_rent_only`` leaves the
    common units out before they are decoded (the park map and the space search never need
    them, and a big park has thousands). ``arrears``: read what each unit's holder owes
    overdue (the outline and the hover card of the maps that draw units); a read that
    shows none skips it: a whole park's ledger takes seconds to sum (a year of a
    20,000-unit park's bills: about 4 s)."""
    holds = reader.holdings(scope)
    metrics = _metrics(reader, scope, day)
    owed = unit_arrears(reader, scope, day) if arrears else NOTHING_OWED
    records = reader.fetch("map_units", scope)
    if for_rent_only:
        records = [r for r in records if r[_USE_COLUMN] == SpaceUse.LEASABLE.value]
    return [decode_map_unit(record, holds, metrics, day, owed) for record in records]


def unit_arrears(reader: ReadModel, scope: Scope | None, day: date,
                 ) -> dict[uuid.UUID, dict[str, Owed]]:
    """What each unit's contracts owe overdue on ``day``: unit → contract code → (amount,
    oldest due date); units and contracts owing nothing are absent."""
    out: dict[uuid.UUID, dict[str, Owed]] = {}
    for record in reader.fetch("unit_arrears", scope, day):
        unit_id, code, owed = decode_unit_arrears(record)
        out.setdefault(unit_id, {})[code] = owed
    return out


def floor_drawings(reader: ReadModel, scope: Scope | None) -> list[FloorDrawing]:
    """The floors in ``scope`` (top floor first; a unit's scope: its floor), with linework."""
    return [decode_floor_drawing(record) for record in reader.fetch("floor_drawings", scope)]


def building_sites(reader: ReadModel, park_id: uuid.UUID) -> list[BuildingSite]:
    """A park's buildings with their footprints on the site plan."""
    return [decode_building_site(record)
            for record in reader.fetch("building_sites", Scope("park", park_id))]


def _metrics(reader: ReadModel, scope: Scope | None, day: date) -> dict[
    uuid.UUID, list[MonthMetrics]
]:
    """The readings of the ENERGY_MONTHS complete months before ``day``'s month, per unit.

    The month ``day`` falls in is still running (and, when travelling back in
    time, its readings were not yet taken on ``day``), so it is left out.
    """
    last = date(day.year, day.month, 1)  # the first month not counted
    year, month = last.year, last.month - ENERGY_MONTHS
    while month < 1:
        year, month = year - 1, month + 12
    after = date(year, month, 1)  # the first month counted
    out: dict[uuid.UUID, list[MonthMetrics]] = {}
    for record in reader.fetch("unit_metrics", scope, after, last):
        unit_id, readings = decode_month_metrics(record)
        out.setdefault(unit_id, []).append(readings)
    for unit_id, months in metered_energy(reader, scope, after, last).items():
        stored = {m.month: m for m in out.get(unit_id, ())}
        for month, kwh in months.items():
            kept = stored.get(month)
            stored[month] = (MonthMetrics(month, kwh) if kept is None
                             else replace(kept, energy_kwh=kwh))
        out[unit_id] = [stored[m] for m in sorted(stored)]
    return out


_ENERGY_CACHE: weakref.WeakKeyDictionary[
    ReadModel, dict[tuple[Any, ...], dict[uuid.UUID, dict[date, Decimal]]]
] = weakref.WeakKeyDictionary()


def metered_energy(reader: ReadModel, scope: Scope | None, after: date, last: date,
                   ) -> dict[uuid.UUID, dict[date, Decimal]]:
    """Each metered unit's kWh per month from ``after`` up to ``last`` (a month's first
    days), for the months its meters measure: its own meters plus its share of the shared
    consumption, over its park's whole tree. Nothing to read without meters.

    On a workspace file the months are kept until SQLite's ``data_version`` says another
    connection wrote (as ``ReadModel.holdings`` are): a mode switch or a day in the same
    month redraws without working them out again. Callers only read the result.
    """
    version = reader.source.version()
    if version is None:
        return _metered_energy(reader, scope, after, last)
    cache = _ENERGY_CACHE.setdefault(reader, {})
    key = (version, scope, after, last)
    if key not in cache:
        if len(cache) >= 8:
            cache.clear()
        cache[key] = _metered_energy(reader, scope, after, last)
    return cache[key]


def _metered_energy(reader: ReadModel, scope: Scope | None, after: date, last: date,
                    ) -> dict[uuid.UUID, dict[date, Decimal]]:
    meters: list[Meter] = []
    documents: dict[str, dict[str, Any]] = {}
    areas: dict[str, Decimal] = {}
    for record in reader.fetch("energy_meters", scope):
        meter, basis, area = decode_energy_meter(record)
        meters.append(meter)
        documents[meter.id] = basis
        if meter.unit_id is not None and area is not None:
            areas[meter.unit_id] = area
    if not any(m.unit_id is not None for m in meters):
        return {}
    from domain.billing.meters import Period
    from domain.billing.unit_consumption import unit_consumption

    readings = [decode_energy_reading(r)
                for r in reader.fetch("energy_readings", scope, after, last)]
    out: dict[uuid.UUID, dict[date, Decimal]] = {}
    month = after
    while month < last:
        period = Period.month(month.year, month.month)
        for unit_id, use in unit_consumption(meters, readings, period, documents, areas,
                                             explain=False).items():
            if use.measured:
                out.setdefault(as_id(unit_id), {})[month] = use.total
        month = period.end
    return out


def site_plan(reader: ReadModel, park_id: uuid.UUID) -> bytes | None:
    """The park's site linework (WKB, site metres), if a site drawing was imported."""
    for (lines,) in reader.fetch("site_plan", Scope("park", park_id)):
        return as_wkb(lines)
    return None
