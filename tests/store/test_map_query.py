"""Map facts read on a date: early terminations, and readings of complete months only.

Run on the workspace file (``sqlite3``) and on a PostgreSQL copy (SQLAlchemy Core).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
import shapely
from sqlalchemy import select

from domain.contracts import ContractStatus
from domain.map_modes import MapMode, RentClass, mode_value
from store.map_query import building_sites, floor_drawings, map_units, site_plan
from store.read_model import Scope
from store.schema import Building, Contract, Park, Unit, UnitMetric
from tests.read_engines import ENGINES, open_read_side
from tests.small_park import TODAY, build_small_workspace


@pytest.fixture(params=ENGINES)
def side(request, tmp_path):
    park = build_small_workspace(tmp_path / "q.leasemap")
    with open_read_side(request.param, park.path, request) as opened:
        yield opened


def test_terminated_lease_expires_on_its_termination_and_only_past_months_count(side):
    with side.workspace.transaction() as s:
        current = s.scalars(select(Contract).where(Contract.code == "HT-2026-0001")).one()
        current.status = ContractStatus.TERMINATED
        current.terminated_on = date(2026, 12, 5)  # 13 days after TODAY (2026-11-22)
        unit = s.scalars(select(Unit).where(Unit.code == "ZD-A-0101")).one()
        for month, kwh in ((date(2026, 8, 1), "9999"), (date(2026, 9, 1), "1000"),
                           (date(2026, 10, 1), "2000"), (date(2026, 11, 1), "9999")):
            s.add(UnitMetric(park_id=unit.park_id, unit_id=unit.id, month=month,
                             energy_kwh=Decimal(kwh)))
    facts = {u.code: u.facts for u in map_units(side.reader, None, TODAY)}
    leased = facts["ZD-A-0101"]
    assert leased.ends_on == date(2026, 12, 5)
    assert mode_value(MapMode.RENT_CONTROL, leased, TODAY) is RentClass.EXPIRING_30
    # August, September and October: the three complete months before November
    assert leased.usage.energy_kwh == Decimal(9999 + 1000 + 2000) / 3
    back = {u.code: u.facts for u in map_units(side.reader, None, date(2026, 9, 3))}
    assert back["ZD-A-0101"].usage.energy_kwh == Decimal("9999")  # only August was done


def test_drawings_footprints_and_site_plan(side):
    square = shapely.to_wkb(shapely.box(0, 0, 20, 10))
    lines = shapely.to_wkb(shapely.LineString([(0, 0), (50, 0)]))
    with side.workspace.transaction() as s:
        s.scalars(select(Park)).one().site_plan = lines
        s.scalars(select(Building).where(Building.code == "B")).one().footprint = square
        unit = s.scalars(select(Unit).where(Unit.code == "ZD-B-0102")).one()
        unit.geometry = square
        unit_id = unit.id
    reader = side.reader
    [park] = reader.park_tree()
    tower, plant = park.buildings
    assert site_plan(reader, park.id) == lines and type(site_plan(reader, park.id)) is bytes
    sites = building_sites(reader, park.id)
    assert [(b.code, b.footprint) for b in sites] == [("A", None), ("B", square)]
    drawings = floor_drawings(reader, Scope("park", park.id))
    assert [(d.building_id, d.name) for d in drawings] == [
        (tower.id, "2F"), (tower.id, "1F"), (plant.id, "1F")]
    [own] = floor_drawings(reader, Scope("unit", unit_id))  # a unit's scope: its floor
    assert own.id == plant.floors[0].id
    [drawn] = map_units(reader, Scope("unit", unit_id), TODAY)
    assert drawn.geometry == square and type(drawn.geometry) is bytes
    assert drawn.floor_id == plant.floors[0].id
