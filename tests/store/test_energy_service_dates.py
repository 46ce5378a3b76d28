"""The energy map reads its meters with their service dates, as billing does.

The small park on 2026-11-22: the energy mode averages August, September and
October. MAIN (1,000 kWh a month) feeds

- E-0203 (ZD-A-0203): read every month, 100 a month;
- E-0201 (ZD-A-0201), read to 15 September and replaced that day by E-0201B
  (installed on the 15th, first read then: an ordinary reading on the day, as a
  clerk types it): the unit is measured in every month, September by both meters;
  without the dates the new meter's first month had no opening and the old
  meter's October no reading, and the unit kept no figure for either;
- E-0202 (ZD-A-0202), installed on 10 September and first read that day: not
  connected in August (no share of MAIN's loss: the others share it), measured
  from September;
- E-0101 (ZD-A-0101), archived on 1 September (that day's reading its last): not
  connected in September and October, so it takes no share of them and has only
  August's figure.

No unit has stored monthly figures, so a month the meters do not measure is no
figure at all. Each month the map shows is the one the services bill
(``consumption_by_unit``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from domain.map_modes import MapMode, mode_value
from services.meter_archive import archive_meter
from services.meters import MeterSpec, consumption_by_unit, create_meter, record_reading
from store.map_query import map_units, metered_energy
from store.schema import Unit
from store.workspace import Workspace
from tests.small_leases import park_id
from tests.small_park import build_small_workspace

D = Decimal
TODAY = date(2026, 11, 22)
AUGUST, SEPTEMBER, OCTOBER, NOVEMBER = (date(2026, m, 1) for m in (8, 9, 10, 11))
MONTHS = [AUGUST, SEPTEMBER, OCTOBER]
E = "electricity"
SWAPPED_ON, INSTALLED_ON = date(2026, 9, 15), date(2026, 9, 10)


@pytest.fixture(scope="module")
def workspace_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("energy-dates") / "energy.leasemap"
    build_small_workspace(path)
    with Workspace.open(path) as ws:
        pid = park_id(ws)
        main = create_meter(ws, pid, MeterSpec("MAIN", E))
        steady = create_meter(ws, pid, MeterSpec("E-0203", E, parent="MAIN", unit="ZD-A-0203"))
        old = create_meter(ws, pid, MeterSpec("E-0201", E, parent="MAIN", unit="ZD-A-0201"))
        gone = create_meter(ws, pid, MeterSpec("E-0101", E, parent="MAIN", unit="ZD-A-0101"))
        for n, day in enumerate(date(2026, m, 1) for m in (7, 8, 9, 10, 11)):
            record_reading(ws, main, day, D(1000 * n))
            record_reading(ws, steady, day, D(100 * n))
            if day <= SEPTEMBER:
                record_reading(ws, old, day, D(100 * n))
                record_reading(ws, gone, day, D(100 * n))
        record_reading(ws, old, SWAPPED_ON, D(250))
        archive_meter(ws, gone, SEPTEMBER)  # that day's reading is its last
        new = create_meter(ws, pid, MeterSpec("E-0201B", E, parent="MAIN", unit="ZD-A-0201",
                                              installed_on=SWAPPED_ON, replaces="E-0201"))
        late = create_meter(ws, pid, MeterSpec("E-0202", E, parent="MAIN", unit="ZD-A-0202",
                                               installed_on=INSTALLED_ON))
        for meter, day, value in ((new, SWAPPED_ON, 0), (new, OCTOBER, 60), (new, NOVEMBER, 160),
                                  (late, INSTALLED_ON, 0), (late, OCTOBER, 80),
                                  (late, NOVEMBER, 180)):
            record_reading(ws, meter, day, D(value))
    return path


def _ids(path: Path) -> dict[str, object]:
    with Workspace.open(path) as ws, ws.reading() as s:
        return {code: uid for uid, code in s.execute(select(Unit.id, Unit.code))}


def _billed(path: Path) -> dict[date, dict[object, object]]:
    """What the services say each unit used each month (its own meters plus its share)."""
    with Workspace.open(path) as ws, ws.reading() as s:
        return {m: consumption_by_unit(s, park_id(ws), m) for m in MONTHS}


def test_a_replaced_meter_and_a_late_one_measure_their_months_as_billing_does(
        raw_reader, workspace_file):
    ids, billed = _ids(workspace_file), _billed(workspace_file)
    swapped, late, steady, gone = (ids[c] for c in ("ZD-A-0201", "ZD-A-0202", "ZD-A-0203",
                                                    "ZD-A-0101"))
    months = metered_energy(raw_reader, None, AUGUST, NOVEMBER)
    assert sorted(months[swapped]) == MONTHS  # September by both meters, October by the new
    assert sorted(months[late]) == [SEPTEMBER, OCTOBER]  # not installed in August
    assert sorted(months[gone]) == [AUGUST]  # removed on 1 September
    for unit, by_month in months.items():
        for month, kwh in by_month.items():
            assert billed[month][unit].measured and kwh == billed[month][unit].total
    # September: E-0201 50 + E-0201B 60 of its own, E-0202 80 from the 10th.
    assert billed[SEPTEMBER][swapped].direct == 110
    assert billed[SEPTEMBER][late].direct == 80
    units = {u.id: u for u in map_units(raw_reader, None, TODAY)}
    for unit in (swapped, late, steady, gone):
        expected = sum(months[unit].values(), D(0)) / len(months[unit])
        facts = units[unit].facts
        assert facts.usage.energy_kwh == expected
        assert mode_value(MapMode.ENERGY, facts, TODAY) == (expected / facts.area).quantize(
            D("0.01"))


def test_a_unit_not_connected_takes_no_share_and_the_others_share_it_all(workspace_file):
    ids, billed = _ids(workspace_file), _billed(workspace_file)
    swapped, late, steady, gone = (ids[c] for c in ("ZD-A-0201", "ZD-A-0202", "ZD-A-0203",
                                                    "ZD-A-0101"))
    # August: MAIN 1,000 − 300 metered = 700 over 0201, 0203, 0101 (same areas); 0202 is
    # not connected yet. September and October: 0101 is not, its meter archived.
    shares = {m: {u: use.shared for u, use in billed[m].items()} for m in MONTHS}
    assert shares[AUGUST][late] == 0 and not billed[AUGUST][late].measured
    assert sum((shares[AUGUST][u] for u in (swapped, steady, gone)), D(0)) == 700
    for month in (SEPTEMBER, OCTOBER):
        assert shares[month][gone] == 0 and billed[month][gone].total == 0
        assert not billed[month][gone].measured
        main = 1000
        metered = sum((billed[month][u].direct for u in (swapped, late, steady)), D(0))
        assert sum((shares[month][u] for u in (swapped, late, steady)), D(0)) == main - metered
    assert {r.code for r in billed[SEPTEMBER][gone].reasons} >= {"removed", "left-out"}


def test_both_engines_read_the_service_dates(raw_reader, core_reader):
    raw = [tuple(r) for r in raw_reader.fetch("energy_meters", None)]
    core = [tuple(r) for r in core_reader.fetch("energy_meters", None)]
    dated = {r[1]: (str(r[9]) if r[9] else None, str(r[10]) if r[10] else None) for r in raw}
    assert dated == {r[1]: (str(r[9]) if r[9] else None, str(r[10]) if r[10] else None)
                     for r in core}
    assert dated["E-0201"] == (None, "2026-09-15") and dated["E-0202"] == ("2026-09-10", None)
    assert dated["E-0201B"] == ("2026-09-15", None) and dated["E-0101"] == (None, "2026-09-01")
    assert ([repr(u.facts.usage) for u in map_units(core_reader, None, TODAY)]
            == [repr(u.facts.usage) for u in map_units(raw_reader, None, TODAY)])


def test_without_the_dates_the_months_would_be_misread(raw_reader, workspace_file):
    """What the map read before the dates: the replaced unit's September and October and the
    late unit's September were gaps (no opening reading, no reading in the month), so it
    averaged fewer months, and the archived unit still took a share: the test tells the
    two apart."""
    from dataclasses import replace

    from domain.billing.meters import Period
    from domain.billing.unit_consumption import unit_consumption
    from store.map_query import decode_energy_meter, decode_energy_reading

    ids = {str(u): c for c, u in _ids(workspace_file).items()}
    decoded = [decode_energy_meter(r) for r in raw_reader.fetch("energy_meters", None)]
    undated = [replace(m, installed_on=None, removed_on=None) for m, _b, _a in decoded]
    areas = {m.unit_id: a for m, _b, a in decoded if m.unit_id is not None and a is not None}
    readings = [decode_energy_reading(r)
                for r in raw_reader.fetch("energy_readings", None, AUGUST, NOVEMBER)]
    use = {month: unit_consumption(undated, readings, Period.month(month.year, month.month),
                                   {}, areas, explain=False) for month in MONTHS}
    measured = {m: sorted(ids[u] for u, x in use[m].items() if x.measured) for m in MONTHS}
    assert measured[SEPTEMBER] == ["ZD-A-0203"] and measured[OCTOBER] == ["ZD-A-0202",
                                                                          "ZD-A-0203"]
    gone = next(u for u, c in ids.items() if c == "ZD-A-0101")
    assert use[OCTOBER][gone].shared > 0
