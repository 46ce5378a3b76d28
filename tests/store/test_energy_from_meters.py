"""The energy map reads a metered unit's months from its meters, on both engines.

The small park on 2026-11-22: the energy mode averages August, September and
October. MAIN feeds E-0101 (ZD-A-0101, ×10), E-0102 (ZD-A-0102) and the lift's
meter; every unit of A 1F has stored monthly figures (the demo's kind), so the
test sees which figure wins where:

- ZD-A-0101: read every month: its three months are its readings' (own + share);
- ZD-A-0102: its meter read on 1 January and 1 September, then not: August runs
  from January's reading (no interpolation), September and October are not
  measured and keep their stored figures;
- ZD-A-0103: no meter: its stored figures, untouched.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from domain.map_modes import MapMode, mode_value
from services.meters import MeterSpec, consumption_by_unit, create_meter, record_reading
from store.map_query import map_units, metered_energy
from store.read_model import ReadModel, Scope
from store.schema import Unit, UnitMetric
from store.workspace import Workspace
from tests.small_leases import park_id
from tests.small_park import build_small_workspace

D = Decimal
TODAY = date(2026, 11, 22)
MONTHS = [date(2026, 8, 1), date(2026, 9, 1), date(2026, 10, 1)]
E = "electricity"


@pytest.fixture(scope="module")
def workspace_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("energy") / "energy.leasemap"
    build_small_workspace(path)
    with Workspace.open(path) as ws:
        pid = park_id(ws)
        with ws.transaction() as s:
            units = {u.code: u for u in s.scalars(select(Unit))}
            for n, code in enumerate(("ZD-A-0101", "ZD-A-0102", "ZD-A-0103")):
                for month in MONTHS:
                    s.add(UnitMetric(park_id=pid, unit_id=units[code].id, month=month,
                                     energy_kwh=D(1000 + 100 * n), cost=D("500.00"),
                                     access_count=900, lighting_hours=D("200.0"),
                                     hvac_hours=D("150.0")))
        main = create_meter(ws, pid, MeterSpec("MAIN", E, rollover_at=D(1000000)))
        a = create_meter(ws, pid, MeterSpec("E-0101", E, parent="MAIN", unit="ZD-A-0101",
                                            multiplier=D(10), rollover_at=D(10000)))
        b = create_meter(ws, pid, MeterSpec("E-0102", E, parent="MAIN", unit="ZD-A-0102"))
        lift = create_meter(ws, pid, MeterSpec("LIFT", E, parent="MAIN"))
        days = [date(2026, m, 1) for m in (7, 8, 9, 10, 11)]
        for n, day in enumerate(days):
            record_reading(ws, main, day, D(5000 + 4000 * n + 7 * n * n))
            record_reading(ws, a, day, D((9900 + 150 * n) % 10000))  # wraps in August
            record_reading(ws, lift, day, D(40 * n))
        record_reading(ws, a, date(2026, 9, 1), D(210))  # September corrected: 200 → 210
        record_reading(ws, b, date(2026, 1, 1), D(100))
        record_reading(ws, b, date(2026, 9, 1), D(2900))
    return path


def _units(reader: ReadModel) -> dict[str, object]:
    return {u.code: u for u in map_units(reader, None, TODAY)}


def _by_readings(path: Path, code: str) -> list[Decimal]:
    """What the services say the unit used each month (its own meters plus its share)."""
    with Workspace.open(path) as ws, ws.reading() as s:
        unit = s.scalar(select(Unit.id).where(Unit.code == code))
        return [consumption_by_unit(s, park_id(ws), m)[unit].total for m in MONTHS]


def test_a_metered_units_energy_is_its_consumption(raw_reader, workspace_file):
    units = _units(raw_reader)
    months = _by_readings(workspace_file, "ZD-A-0101")
    # August: (150 across the wrap) × 10 plus its share; September with the correction.
    assert months[0] > 0 and len(set(months)) == 3
    average = sum(months, D(0)) / 3
    facts = units["ZD-A-0101"].facts
    assert facts.usage.energy_kwh == average
    assert mode_value(MapMode.ENERGY, facts, TODAY) == (average / facts.area).quantize(
        D("0.01"))
    assert facts.usage.cost == D("500.00")  # the stored figures still feed the rest
    assert facts.usage.heat is not None


def test_months_the_meters_do_not_measure_keep_their_stored_figure(raw_reader,
                                                                   workspace_file):
    units = _units(raw_reader)
    with Workspace.open(workspace_file) as ws, ws.reading() as s:
        unit = s.scalar(select(Unit.id).where(Unit.code == "ZD-A-0102"))
        august = consumption_by_unit(s, park_id(ws), MONTHS[0])[unit]
        october = consumption_by_unit(s, park_id(ws), MONTHS[2])[unit]
    assert august.measured and august.direct == D(2800)  # 1 January → 1 September
    assert not october.measured
    assert units["ZD-A-0102"].facts.usage.energy_kwh == (august.total + D(1100) * 2) / 3
    assert units["ZD-A-0103"].facts.usage.energy_kwh == D(1200)


def test_the_readings_are_read_from_each_months_opening_reading(raw_reader):
    months = metered_energy(raw_reader, None, MONTHS[0], date(2026, 11, 1))
    assert sorted(len(m) for m in months.values()) == [1, 3]  # ZD-A-0102: August only
    for kind, scope_of in (("floor", "floor_id"), ("unit", "id")):
        with Workspace.open(raw_reader.path) as ws, ws.reading() as s:
            unit = s.scalars(select(Unit).where(Unit.code == "ZD-A-0101")).one()
        scoped = metered_energy(raw_reader, Scope(kind, getattr(unit, scope_of)), MONTHS[0],
                                date(2026, 11, 1))
        assert scoped[unit.id] == months[unit.id]  # the park's whole tree, whatever the scope


def test_both_engines_read_the_same_meters_and_months(raw_reader, core_reader):
    for name, args in (("energy_meters", ()), ("energy_readings", (MONTHS[0], TODAY))):
        raw = [tuple(r) for r in raw_reader.fetch(name, None, *args)]
        core = [tuple(r) for r in core_reader.fetch(name, None, *args)]
        assert len(raw) == len(core) > 0
        assert [str(r[1]) for r in raw] == [str(r[1]) for r in core]  # one order
    for scope in (None, Scope("park", raw_reader.park_tree()[0].id)):
        want, got = map_units(raw_reader, scope, TODAY), map_units(core_reader, scope, TODAY)
        assert got == want
        assert [repr(u.facts.usage) for u in got] == [repr(u.facts.usage) for u in want]


def test_a_new_reading_shows_on_the_next_read_of_the_same_reader(tmp_path):
    path = tmp_path / "again.leasemap"
    build_small_workspace(path)
    reader = ReadModel(path)
    try:
        with Workspace.open(path) as ws:
            meter = create_meter(ws, park_id(ws), MeterSpec("E-0103", E, unit="ZD-A-0103"))
            for n, day in enumerate(date(2026, m, 1) for m in (8, 9, 10, 11)):
                record_reading(ws, meter, day, D(100 * n))
            before = _units(reader)["ZD-A-0103"].facts.usage.energy_kwh
            assert before == D(100)
            assert _units(reader)["ZD-A-0103"].facts.usage.energy_kwh == before  # kept
            record_reading(ws, meter, date(2026, 11, 1), D(600))  # November's, corrected
        assert _units(reader)["ZD-A-0103"].facts.usage.energy_kwh == D(200)
    finally:
        reader.close()
