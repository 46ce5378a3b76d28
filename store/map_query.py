"""What the maps read: units with their outlines and the facts every map mode needs.

Named queries through :class:`store.read_model.ReadModel` (``sqlite3`` on a
workspace file, SQLAlchemy Core on an engine; the rows of both go through the
decoders below). The modes themselves are computed in :mod:`domain.map_modes`,
so this module only gathers facts as they stand on the map's date (who holds
each unit, since when it is empty, the recent months' readings).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from domain.assets import UnitStatus
from domain.contracts import Holding, holding_on, last_day, vacant_since
from domain.map_modes import ENERGY_MONTHS, MonthMetrics, UnitFacts, usage
from domain.space_use import SpaceUse
from store.decode import Members, as_date, as_decimal, as_id, as_wkb
from store.read_model import ReadModel, Scope


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


def decode_map_unit(
    record: Sequence[Any], holds: Mapping[uuid.UUID, list[Holding]],
    metrics: Mapping[uuid.UUID, list[MonthMetrics]], day: date,
) -> MapUnit:
    """A ``map_units`` row with its facts on ``day``, given the holds and readings in scope."""
    uid, code, name, floor_id, level, geometry, status, area, asking, use, internal = record
    unit_id = as_id(uid)
    mine = holds.get(unit_id, ())
    occupancy, hold = holding_on(mine, day)
    leasable = Decimal(area)
    facts = UnitFacts(
        area=leasable,
        status=_UNIT_STATUSES[status],
        occupancy=occupancy,
        ends_on=last_day(hold.term) if hold else None,  # a termination ends it early
        rent=hold.rent if hold else None,
        asking_rent=as_decimal(asking),
        vacant_since=vacant_since(mine, day),
        usage=usage(metrics.get(unit_id, ()), leasable),
        use=_USES[use],
        internal=Decimal(internal),
    )
    return MapUnit(unit_id, code, name, as_id(floor_id), level, as_wkb(geometry),
                   hold.tenant if hold else "", facts)


def decode_month_metrics(record: Sequence[Any]) -> tuple[uuid.UUID, MonthMetrics]:
    """A ``unit_metrics`` row: the unit and its month of readings."""
    uid, month, kwh, cost, access, light, hvac = record
    return as_id(uid), MonthMetrics(as_date(month), as_decimal(kwh), as_decimal(cost), access,
                                    as_decimal(light), as_decimal(hvac))


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
              for_rent_only: bool = False) -> list[MapUnit]:
    """The live units in ``scope`` with their facts on ``day``; ``for_rent_only`` leaves the
    common units out before they are decoded (the park map and the space search never need
    them, and a big park has thousands)."""
    holds = reader.holdings(scope)
    metrics = _metrics(reader, scope, day)
    records = reader.fetch("map_units", scope)
    if for_rent_only:
        records = [r for r in records if r[_USE_COLUMN] == SpaceUse.LEASABLE.value]
    return [decode_map_unit(record, holds, metrics, day) for record in records]


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
    return out


def site_plan(reader: ReadModel, park_id: uuid.UUID) -> bytes | None:
    """The park's site linework (WKB, site metres), if a site drawing was imported."""
    for (lines,) in reader.fetch("site_plan", Scope("park", park_id)):
        return as_wkb(lines)
    return None
