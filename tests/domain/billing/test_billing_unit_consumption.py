"""A unit's consumption: its own meters plus its shares; corrections as the rules see them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.billing.meters import Meter, Period, Reading, ReadingKind, Utility
from domain.billing.shared_consumption import BasisKind
from domain.billing.unit_consumption import (
    basis_document,
    basis_of,
    current_readings,
    unit_consumption,
    units_below,
)

D = Decimal
E = Utility.ELECTRICITY
MARCH = Period.month(2026, 3)
M1, A1 = date(2026, 3, 1), date(2026, 4, 1)


def _r(meter: str, day: date, value: int | str, kind: ReadingKind = ReadingKind.READING,
       register: str = "total") -> Reading:
    return Reading(meter, day, register, D(value), kind)


TREE = [Meter("M", "MAIN", E), Meter("F1", "FLOOR-1", E, "M"),
        Meter("a", "E-101", E, "F1", "101"), Meter("b", "E-102", E, "F1", "102"),
        Meter("c", "E-201", E, "M", "201"), Meter("L", "LIFT", E, "M")]


def test_a_correction_takes_the_place_of_the_reading_it_corrects():
    day = date(2026, 3, 10)
    ledger = [_r("m", M1, 500), _r("m", day, 520, ReadingKind.FINAL),
              _r("m", day, 3, ReadingKind.INITIAL), _r("m", A1, 33),
              _r("m", day, 530, ReadingKind.FINAL),  # the final, corrected later
              _r("m", A1, 43)]  # and April's
    assert [(r.read_on, r.kind, r.value) for r in current_readings(ledger)] == [
        (M1, ReadingKind.READING, D(500)), (day, ReadingKind.FINAL, D(530)),
        (day, ReadingKind.INITIAL, D(3)), (A1, ReadingKind.READING, D(43))]
    other = [_r("m", M1, 1, register="peak"), _r("m", M1, 2, register="flat")]
    assert current_readings(other) == other  # registers are readings of their own


def test_units_get_their_own_use_and_shares_down_the_tree():
    readings = [_r(m, day, v) for m, pair in {
        "M": (0, 1000), "F1": (0, 600), "a": (0, 200), "b": (0, 300), "c": (0, 250),
        "L": (0, 50)}.items() for day, v in zip((M1, A1), pair, strict=True)]
    areas = {"101": D(100), "102": D(100), "201": D(200)}
    use = unit_consumption(TREE, readings, MARCH, {}, areas)
    # MAIN: 1000 − (600 + 250 + 50) = 100 unmetered + 50 lift = 150 over 101, 102, 201 by
    # area (100:100:200); FLOOR-1: 600 − 500 = 100 over 101 and 102.
    assert {u: (x.direct, x.shared) for u, x in use.items()} == {
        "101": (D(200), D("87.5")), "102": (D(300), D("87.5")), "201": (D(250), D(75))}
    assert str(use["101"].shared) == "87.500"  # split to 0.001, as the store keeps figures
    assert sum((x.total for x in use.values()), D(0)) == D(1000)
    assert all(x.measured for x in use.values())
    assert [r.code for r in use["101"].reasons] == ["reading", "share", "share"]
    assert use["101"].reasons[0].params["meter"] == "E-101"
    # By weights on FLOOR-1: its 100 goes 3:1; a unit named without a meter gets a share.
    weights = {"F1": {"kind": "headcount", "weights": {"101": "3", "102": "1", "999": "0"}},
               "M": {"kind": "weights", "weights": {"201": "1", "777": "1"}}}
    use = unit_consumption(TREE, readings, MARCH, weights, areas)
    assert (use["101"].shared, use["102"].shared) == (D(75), D(25))
    assert (use["201"].shared, use["777"].shared, use["777"].measured) == (D(75), D(75), False)


def test_a_unit_is_measured_only_when_its_meters_close_the_period():
    readings = [_r("a", M1, 0), _r("a", A1, 10), _r("b", M1, 0)]
    use = unit_consumption(TREE, readings, MARCH, {}, {"101": D(1), "102": D(1)})
    assert use["101"].measured and not use["102"].measured
    assert "no-reading-in-period" in {r.code for r in use["102"].reasons}
    # A meter replaced by a new record: the old one removed, the new one installed.
    swap = [Meter("b", "E-102", E, "F1", "102"), Meter("b2", "E-102N", E, "F1", "102")]
    day = date(2026, 3, 15)
    readings = [_r("b", M1, 100), _r("b", day, 150, ReadingKind.FINAL),
                _r("b2", day, 0, ReadingKind.INITIAL), _r("b2", A1, 40)]
    [(unit, use_)] = unit_consumption(swap, readings, MARCH, {}, {}).items()
    assert (unit, use_.direct, use_.measured, use_.meters) == ("102", D(90), True, ("b", "b2"))
    april = unit_consumption(swap, readings, Period.month(2026, 4), {}, {})["102"]
    assert not april.measured  # the new meter has no reading closing April


def test_a_basis_as_the_store_keeps_it():
    areas = {"101": D("125.40"), "102": D("80")}
    assert basis_of({}, {"101", "102", "999"}, areas).weights == areas
    assert basis_of({"kind": "area"}, {"101"}, areas).weights == {"101": D("125.40")}
    floor = basis_of({"kind": "floor", "weights": {"101": "1.5", "102": 2}}, (), areas)
    assert (floor.kind, floor.weights) == (BasisKind.FLOOR, {"101": D("1.5"), "102": D(2)})
    assert basis_document(floor) == {"kind": "floor", "weights": {"101": "1.5", "102": "2"}}
    assert basis_document(None) == {"kind": "area"}
    with pytest.raises(ValueError):
        basis_of({"kind": "headcount"}, (), areas)
    with pytest.raises(ValueError):
        basis_of({"kind": "weights", "weights": {"101": 1.5}}, (), areas)  # never a float
    assert units_below("M", TREE) == {"101", "102", "201"}
    assert units_below("F1", TREE) == {"101", "102"}
