"""What the maps read: units with their outlines and the facts every map mode needs.

Plain SQL through :class:`store.read_model.ReadModel`; the modes themselves
are computed in :mod:`domain.map_modes`, so this module only gathers facts as
they stand on the map's date (who holds each unit, since when it is empty,
the recent months' readings).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from domain.assets import UnitStatus
from domain.contracts import holding_on, last_day, vacant_since
from domain.map_modes import ENERGY_MONTHS, MonthMetrics, UnitFacts, usage
from store.read_model import ReadModel, Scope, _dec, _id


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


_MAP_UNIT_SQL = """
SELECT u.id, u.code, u.name, u.floor_id, f.level, u.geometry, u.status, u.leasable_area,
       u.asking_rent
FROM units u
JOIN floors f ON f.id = u.floor_id
JOIN buildings b ON b.id = f.building_id
WHERE u.archived = 0 {where}
ORDER BY b.sort_order, b.code, f.level DESC, u.code
"""

_METRIC_SQL = """
SELECT m.unit_id, m.month, m.energy_kwh, m.cost, m.access_count, m.lighting_hours, m.hvac_hours
FROM unit_metrics m
JOIN units u ON u.id = m.unit_id
JOIN floors f ON f.id = u.floor_id
WHERE m.archived = 0 AND m.month >= ? AND m.month < ? {where}
ORDER BY m.month
"""


def map_units(reader: ReadModel, scope: Scope | None, day: date) -> list[MapUnit]:
    """The live units in ``scope`` with their facts on ``day``."""
    where, params = reader.where(scope)
    holds = reader.holdings(scope)
    metrics = _metrics(reader, where, params, day)
    out = []
    for uid, code, name, floor_id, level, geometry, status, area, asking in reader.query(
        _MAP_UNIT_SQL.format(where=where), params
    ):
        unit_id = _id(uid)
        mine = holds.get(unit_id, ())
        occupancy, hold = holding_on(mine, day)
        leasable = Decimal(area)
        facts = UnitFacts(
            area=leasable,
            status=UnitStatus(status),
            occupancy=occupancy,
            ends_on=last_day(hold.term) if hold else None,  # a termination ends it early
            rent=hold.rent if hold else None,
            asking_rent=_dec(asking),
            vacant_since=vacant_since(mine, day),
            usage=usage(metrics.get(unit_id, ()), leasable),
        )
        out.append(MapUnit(unit_id, code, name, _id(floor_id), level, geometry,
                           hold.tenant if hold else "", facts))
    return out


def floor_drawings(reader: ReadModel, scope: Scope | None) -> list[FloorDrawing]:
    """The floors in ``scope`` (top floor first), with their linework."""
    where = {"park": "AND b.park_id = ?", "building": "AND f.building_id = ?",
             "floor": "AND f.id = ?"}.get(scope.kind, "") if scope else ""
    params = (scope.id.hex,) if scope and where else ()
    rows = reader.query(
        "SELECT f.id, f.building_id, f.level, f.name, f.background "
        "FROM floors f JOIN buildings b ON b.id = f.building_id "
        f"WHERE f.archived = 0 {where} ORDER BY b.sort_order, b.code, f.level DESC", params)
    return [FloorDrawing(_id(fid), _id(bid), level, name, background)
            for fid, bid, level, name, background in rows]


def building_sites(reader: ReadModel, park_id: uuid.UUID) -> list[BuildingSite]:
    """A park's buildings with their footprints on the site plan."""
    return [BuildingSite(_id(bid), code, name, footprint, order)
            for bid, code, name, footprint, order in reader.query(
                "SELECT id, code, name, footprint, sort_order FROM buildings "
                "WHERE archived = 0 AND park_id = ? ORDER BY sort_order, code", (park_id.hex,))]


def _metrics(reader: ReadModel, where: str, params: tuple[str, ...], day: date) -> dict[
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
    for uid, month_text, kwh, cost, access, light, hvac in reader.query(
        _METRIC_SQL.format(where=where), (after.isoformat(), last.isoformat(), *params)
    ):
        out.setdefault(_id(uid), []).append(MonthMetrics(
            date.fromisoformat(month_text), _dec(kwh), _dec(cost), access, _dec(light),
            _dec(hvac)))
    return out


def site_plan(reader: ReadModel, park_id: uuid.UUID) -> bytes | None:
    """The park's site linework (WKB, site metres), if a site drawing was imported."""
    row = reader.query("SELECT site_plan FROM parks WHERE id = ?", (park_id.hex,)).fetchone()
    return row[0] if row else None
