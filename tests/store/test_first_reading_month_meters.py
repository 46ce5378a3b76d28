"""The maps' first month of readings counts the electricity meters' readings too, on both
engines: a park with meter readings and no monthly figures has readings from its first
reading's month, and the maps' "no readings before" line moves there.

The small park (no ``unit_metrics``): ZD-A-0101 is let from January 2026 (HT-2026-0001).
MAIN feeds E-0101 on ZD-A-0101, first read on 20 March 2026, then on the first of each
month; a water meter on ZD-A-0101 read in 2025, and an electricity meter taken out of
service (archived) with a reading of 2025, say nothing of the energy mode.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from domain.map_modes import Blank, MapMode
from services.maps import readings_begin, scope_units, thematic_map
from services.meters import MeterSpec, create_meter, record_reading
from store.read_model import Scope
from store.schema import Floor, Meter, Unit
from store.workspace import Workspace
from tests.read_engines import ENGINES, open_read_side
from tests.small_leases import park_id
from tests.small_park import build_small_workspace

D = Decimal
FIRST_READ = date(2026, 3, 20)
MARCH = date(2026, 3, 1)
E = "electricity"


@pytest.fixture(scope="module")
def workspace_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("first-month") / "meters.leasemap"
    build_small_workspace(path)
    with Workspace.open(path) as ws:
        pid = park_id(ws)
        main = create_meter(ws, pid, MeterSpec("MAIN", E))
        own = create_meter(ws, pid, MeterSpec("E-0101", E, parent="MAIN", unit="ZD-A-0101"))
        water = create_meter(ws, pid, MeterSpec("W-0101", "water", unit="ZD-A-0101"))
        gone = create_meter(ws, pid, MeterSpec("E-OLD", E, unit="ZD-A-0101"))
        record_reading(ws, main, date(2026, 1, 1), D(100))  # a main meter: no unit's
        record_reading(ws, water, date(2025, 6, 1), D(10))
        record_reading(ws, gone, date(2025, 9, 1), D(5))
        for n, day in enumerate([FIRST_READ, date(2026, 4, 1), date(2026, 5, 1),
                                 date(2026, 6, 1), date(2026, 7, 1)]):
            record_reading(ws, own, day, D(1000 + 300 * n))
            record_reading(ws, main, day, D(5000 + 900 * n))
        with ws.transaction() as s:
            s.get(Meter, gone).archived = True
    return path


def _scopes(path: Path) -> dict[str, Scope]:
    with Workspace.open(path) as ws, ws.reading() as s:
        unit = s.scalars(select(Unit).where(Unit.code == "ZD-A-0101")).one()
        other = s.scalars(select(Unit).where(Unit.code == "ZD-A-0103")).one()
        floor = s.get(Floor, unit.floor_id)
        upstairs = s.scalars(select(Floor).where(Floor.building_id == floor.building_id,
                                                 Floor.id != floor.id)).first()
        return {"park": Scope("park", unit.park_id), "building": Scope("building",
                                                                        floor.building_id),
                "floor": Scope("floor", floor.id), "unit": Scope("unit", unit.id),
                "unmetered unit": Scope("unit", other.id),
                "floor upstairs": Scope("floor", upstairs.id)}


@pytest.mark.parametrize("engine", ENGINES)
def test_meter_readings_alone_begin_the_readings(engine, workspace_file, request):
    scopes = _scopes(workspace_file)
    with open_read_side(engine, workspace_file, request) as side:
        reader = side.reader
        found = {name: reader.first_reading_month(scope) for name, scope in scopes.items()}
        assert found == {"park": MARCH, "building": MARCH, "floor": MARCH, "unit": MARCH,
                         "unmetered unit": None, "floor upstairs": None}
        assert type(found["park"]) is date
        assert reader.first_reading_month(None) == MARCH


@pytest.mark.parametrize("engine", ENGINES)
def test_the_maps_no_readings_line_moves_to_the_first_reading(engine, workspace_file,
                                                              request):
    park = _scopes(workspace_file)["park"]
    with open_read_side(engine, workspace_file, request) as side:
        begin = readings_begin(side.reader, park)
        assert begin == MARCH
        february = date(2026, 2, 15)
        units = scope_units(side.reader, park, february)
        let = [u for u in units if u.code == "ZD-A-0101"]
        energy = thematic_map(units, MapMode.ENERGY, february, readings_begin=begin)
        assert energy.readings_begin == MARCH  # "no readings before March 2026"
        assert [energy.blanks[units.index(u)] for u in let] == [Blank.BEFORE_READINGS]
        # In March no month before it was read yet; by July its meter has measured months.
        march = thematic_map(scope_units(side.reader, park, date(2026, 3, 25)),
                             MapMode.ENERGY, date(2026, 3, 25), readings_begin=begin)
        assert march.readings_begin == MARCH
        july = date(2026, 7, 15)
        later_units = scope_units(side.reader, park, july)
        later = thematic_map(later_units, MapMode.ENERGY, july, readings_begin=begin)
        assert later.readings_begin is None
        (metered,) = [u for u in later_units if u.code == "ZD-A-0101"]
        assert later.values[later_units.index(metered)] is not None
