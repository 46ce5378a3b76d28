"""The 公摊 statement: main less its sub meters, shared by a basis, adding up exactly —
in kWh at the quantity's precision and in cents — with faults flagged, not shared."""

from __future__ import annotations

import doctest
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import domain.billing.shared_consumption
from domain.billing.meters import (
    FLAT,
    PEAK,
    TOTAL,
    VALLEY,
    Meter,
    Period,
    Reading,
    ReadingKind,
    Utility,
    chains,
    consumption,
    in_service,
)
from domain.billing.shared_consumption import Basis, BasisKind, Role, statement, statements
from domain.billing.tariffs import Band, FlatTariff, TieredTariff, TouTariff, places_of, price
from domain.money import money

D = Decimal
E = Utility.ELECTRICITY
MARCH = Period.month(2026, 3)
JAN = date(2026, 1, 1)
FLAT_085 = FlatTariff(JAN, D("0.85"))
EQUAL = Basis("area", {"101": D(1), "102": D(1), "103": D(1)})


def reads(used: dict[str, str | dict[str, str]]) -> list[Reading]:
    """Readings on 1 March (0, or 1000 on a time-of-use register) and 1 April (0 + use)."""
    out = []
    for meter, value in used.items():
        by_register = value if isinstance(value, dict) else {TOTAL: value}
        for register, q in by_register.items():
            out += [Reading(meter, date(2026, 3, 1), register, D(0)),
                    Reading(meter, date(2026, 4, 1), register, D(q))]
    return out


def park() -> list[Meter]:
    return [Meter("M", "MAIN", E), Meter("a", "E-101", E, "M", "101"),
            Meter("b", "E-102", E, "M", "102"), Meter("c", "E-103", E, "M", "103"),
            Meter("L", "LIFT", E, "M")]


def test_the_module_examples():
    assert doctest.testmod(domain.billing.shared_consumption).failed == 0


def test_a_worked_statement_shows_every_figure_and_adds_up():
    readings = reads({"M": "10000.0", "a": "3000.0", "b": "2500.0", "c": "1800.0",
                      "L": "400.0"})
    basis = Basis(BasisKind.AREA, {"101": D("100.50"), "102": D("80.25"),
                                   "103": D("119.25")})
    s = statement("M", park(), readings, MARCH, basis, FLAT_085)
    assert [(x.meter.code, x.role, x.amount) for x in s.subs] == [
        ("E-101", Role.UNIT, D("3000.0")), ("E-102", Role.UNIT, D("2500.0")),
        ("E-103", Role.UNIT, D("1800.0")), ("LIFT", Role.COMMON, D("400.0"))]
    assert (s.main.amount, s.unmetered, s.common, s.shared) == (
        D("10000.0"), D("2300.0"), D("400.0"), D("2700.0"))
    assert (s.denominator, s.rate, s.unit) == (D("300.00"), D("9.000000"), "kWh")
    # 2700.0 × 100.50/300 = 904.5, × 80.25/300 = 722.25, × 119.25/300 = 1073.25: 102's and
    # 103's remainders tie, and the first of them by unit id takes the odd tenth.
    assert [(u.unit_id, u.basis, u.fraction, u.direct, u.quantity) for u in s.shares] == [
        ("101", D("100.50"), D("0.335000"), D("3000.0"), D("904.5")),
        ("102", D("80.25"), D("0.267500"), D("2500.0"), D("722.3")),
        ("103", D("119.25"), D("0.397500"), D("1800.0"), D("1073.2"))]
    # 2700.0 kWh × 0.85 = 2295.00, shared by the same weights to the cent.
    assert s.charge is not None and s.amount == D("2295.00")
    assert [u.amount for u in s.shares] == [D("768.83"), D("613.91"), D("912.26")]
    assert sum(u.amount for u in s.shares) == s.amount
    assert sum(u.total for u in s.shares) == s.main.amount  # every kWh the main measured
    assert s.ready and s.flags == () and s.unallocated == 0


def test_shares_can_be_asked_finer_but_never_coarser_than_the_shared_figure():
    readings = reads({"M": "100", "a": "0", "b": "0", "c": "0", "L": "0"})
    basis = Basis("weights", {"101": D(1), "102": D(1), "103": D(1)})
    coarse = statement("M", park(), readings, MARCH, basis, FLAT_085)
    assert [u.quantity for u in coarse.shares] == [D(34), D(33), D(33)]
    fine = statement("M", park(), readings, MARCH, basis, FLAT_085, places=1)
    assert [u.quantity for u in fine.shares] == [D("33.4"), D("33.3"), D("33.3")]
    assert [u.amount for u in fine.shares] == [D("28.34"), D("28.33"), D("28.33")]
    tenths = statement("M", park(), reads({"M": "100.5", "a": "0", "b": "0", "c": "0",
                                           "L": "0"}), MARCH, basis, FLAT_085, places=0)
    assert sum(u.quantity for u in tenths.shares) == D("100.5")


def test_sub_meters_exceeding_the_main_are_flagged_not_shared():
    readings = reads({"M": "1000", "a": "600", "b": "500", "c": "0", "L": "0"})
    s = statement("M", park(), readings, MARCH, EQUAL, FLAT_085)
    assert s.shared == D(-100)
    assert [f.code for f in s.flags] == ["negative-shared"]
    assert "1100 kWh against its own 1000 kWh" in s.flags[0].message
    assert s.charge is None and s.amount == 0
    assert all(u.quantity == 0 and u.amount == 0 for u in s.shares)
    assert s.unallocated == D(-100) and not s.ready


def test_a_common_meter_cannot_hide_sub_meters_exceeding_the_main():
    # Units 1,050 + lift 100 against a main's 1,100: shared would be +50, but the meters
    # measured 50 kWh more than the main did. A fault, flagged.
    readings = reads({"M": "1100", "a": "1050", "b": "0", "c": "0", "L": "100"})
    s = statement("M", park(), readings, MARCH, EQUAL, FLAT_085)
    assert (s.unmetered, s.shared) == (D(-50), D(50))
    assert [f.code for f in s.flags] == ["negative-shared"]
    assert s.allocated == 0


def test_a_unit_metered_but_not_in_the_basis_is_listed_at_weight_zero_and_flagged():
    readings = reads({"M": "1000", "a": "100", "b": "200", "c": "300", "L": "0"})
    s = statement("M", park(), readings, MARCH, Basis("area", {"101": D(50), "102": D(50)}),
                  FLAT_085)
    assert [(u.unit_id, u.basis, u.direct, u.quantity) for u in s.shares] == [
        ("101", D(50), D(100), D(200)), ("102", D(50), D(200), D(200)),
        ("103", D(0), D(300), D(0))]
    assert [(f.code, f.unit_id) for f in s.flags] == [("unit-without-basis", "103")]


def test_a_basis_of_nothing_shares_nothing_and_says_so():
    readings = reads({"M": "1000", "a": "100", "b": "200", "c": "300", "L": "0"})
    zero = Basis("headcount", {"101": D(0), "102": D(0), "103": D(0)})
    s = statement("M", park(), readings, MARCH, zero, FLAT_085)
    assert [f.code for f in s.flags] == ["no-basis"]
    assert s.rate is None and s.allocated == 0 and s.unallocated == D(400)


def test_a_missing_reading_is_a_flag_on_a_statement_still_worked_out():
    readings = [x for x in reads({"M": "1000", "a": "100", "b": "200", "c": "300", "L": "0"})
                if not (x.meter_id == "c" and x.read_on == date(2026, 4, 1))]
    s = statement("M", park(), readings, MARCH, EQUAL, FLAT_085)
    assert [(f.code, f.meter_id) for f in s.flags] == [("no-reading-in-period", "c")]
    assert s.shared == D(700) and s.allocated == D(700) and not s.ready


def test_time_of_use_meters_share_register_by_register():
    tou = (PEAK, FLAT, VALLEY)
    meters = [Meter("M", "MAIN", E, registers=tou), Meter("a", "A", E, "M", "1", registers=tou),
              Meter("b", "B", E, "M", "2", registers=tou)]
    readings = reads({"M": {PEAK: "300", FLAT: "200", VALLEY: "100"},
                      "a": {PEAK: "100", FLAT: "100", VALLEY: "50"},
                      "b": {PEAK: "100", FLAT: "50", VALLEY: "20"}})
    tariff = TouTariff(JAN, {PEAK: D("1.2"), FLAT: D("0.8"), VALLEY: D("0.4")})
    s = statement("M", meters, readings, MARCH, Basis("area", {"1": D(3), "2": D(1)}), tariff)
    assert s.shared_by_register == {PEAK: D(100), FLAT: D(50), VALLEY: D(30)}
    assert s.amount == D("172.00")  # 120 + 40 + 12
    assert [(u.quantity, u.amount) for u in s.shares] == [(D(135), D("129.00")),
                                                         (D(45), D("43.00"))]


def test_a_register_whose_sub_meters_exceed_the_main_is_a_fault_even_if_the_total_is_not():
    tou = (PEAK, VALLEY)
    meters = [Meter("M", "MAIN", E, registers=tou), Meter("a", "A", E, "M", "1", registers=tou)]
    readings = reads({"M": {PEAK: "100", VALLEY: "100"}, "a": {PEAK: "120", VALLEY: "20"}})
    s = statement("M", meters, readings, MARCH, Basis("area", {"1": D(1)}),
                  TouTariff(JAN, {PEAK: D(1), VALLEY: D(1)}))
    assert s.shared == D(60)
    assert [(f.code, f.params["registers"]) for f in s.flags] == [("negative-shared", "peak")]
    assert s.allocated == 0


def test_simple_sub_meters_under_a_time_of_use_main_share_by_the_main_s_hours():
    meters = [Meter("M", "MAIN", E, registers=(PEAK, VALLEY)), Meter("a", "A", E, "M", "1"),
              Meter("b", "B", E, "M", "2")]
    readings = reads({"M": {PEAK: "600", VALLEY: "400"}, "a": "500", "b": "300"})
    tariff = TouTariff(JAN, {PEAK: D("1.0"), VALLEY: D("0.5")})
    s = statement("M", meters, readings, MARCH, Basis("area", {"1": D(1), "2": D(1)}), tariff)
    assert s.shared_by_register == {TOTAL: D(200)}
    assert [x.code for x in s.notes] == ["registers-differ", "shared-by-main-registers"]
    assert s.charge is not None
    assert [(x.register, x.quantity) for x in s.charge.lines] == [(PEAK, D(120)),
                                                                 (VALLEY, D(80))]
    assert s.amount == D("160.00") and s.ready


def test_a_time_of_use_tariff_on_a_main_with_no_such_registers_cannot_price():
    meters = [Meter("M", "MAIN", E), Meter("a", "A", E, "M", "1")]
    readings = reads({"M": "100", "a": "60"})
    s = statement("M", meters, readings, MARCH, Basis("area", {"1": D(1)}),
                  TouTariff(JAN, {PEAK: D(1)}))
    assert [f.code for f in s.flags] == ["cannot-price"]
    assert "total register" in s.flags[0].message
    assert s.allocated == D(40) and s.amount == 0


def test_a_deeper_tree_shares_each_level_over_the_units_beneath_it():
    meters = [Meter("M", "MAIN", E), Meter("F1", "F1", E, "M"), Meter("F2", "F2", E, "M"),
              Meter("a", "A", E, "F1", "101"), Meter("b", "B", E, "F1", "102"),
              Meter("c", "C", E, "F2", "201"), Meter("L", "LIFT", E, "M")]
    readings = reads({"M": "2000", "F1": "900", "F2": "800", "L": "100", "a": "400",
                      "b": "400", "c": "700"})
    area = Basis("area", {"101": D(100), "102": D(100), "201": D(200), "301": D(50)})
    out = statements(meters, readings, MARCH, area, FLAT_085)
    assert [s.main.meter.code for s in out] == ["MAIN", "F1", "F2"]
    top, f1, f2 = out
    assert top.subs[0].role is Role.DISTRIBUTION
    assert (top.unmetered, top.shared) == (D(200), D(300))  # 2000 − 900 − 800 − 100; + lift
    assert [(u.unit_id, u.quantity) for u in top.shares] == [
        ("101", D(75)), ("102", D(75)), ("201", D(150))]  # 301 is metered nowhere beneath
    assert [(u.unit_id, u.direct, u.quantity) for u in f1.shares] == [
        ("101", D(400), D(50)), ("102", D(400), D(50))]
    assert [(u.unit_id, u.direct, u.quantity) for u in f2.shares] == [("201", D(700), D(100))]
    total = sum(u.direct + u.quantity for s in out for u in s.shares)
    assert total == top.main.amount
    with pytest.raises(ValueError, match="no basis for meter F2"):
        statements(meters, readings, MARCH, {"M": area, "F1": area}, FLAT_085)


def test_a_basis_is_weights_of_zero_or_more_never_floats():
    with pytest.raises(ValueError, match="negative"):
        Basis("area", {"1": D(-1)})
    with pytest.raises(TypeError, match="Decimal or int"):
        Basis("area", {"1": 1.5})  # type: ignore[dict-item]
    assert Basis("floor", {"1": 2}).weights == {"1": D(2)}
    assert Basis("area", {"1": D(1), "2": D(2)}).within(["2", "3"]).weights == {"2": D(2)}
    with pytest.raises(ValueError, match="no meter"):
        statement("nope", park(), [], MARCH, Basis("area", {}), FLAT_085)


# -- properties: a generated tree adds up --------------------------------------------------------

UNITS = [f"u{i}" for i in range(8)]


# A leaf's service dates against March: in service all of it, part of it (installed or
# removed in it, or on its first day / the day after it), or none of it (removed by 1 March,
# installed on 1 April or later): then it measured nothing and its unit, with no other meter
# beneath in service, is not connected.
SERVICE = ["always", "always", "always", "installed", "removed", "removed-before",
           "installed-after"]


def _dates(draw, service: str) -> dict[str, date]:
    march = date(2026, 3, 1)
    days = timedelta(days=draw(st.integers(0, 30)))
    return {"always": {},
            "installed": {"installed_on": march + days},
            "removed": {"removed_on": march + timedelta(days=1) + days},
            "removed-before": {"removed_on": march - days},
            "installed-after": {"installed_on": date(2026, 4, 1) + days}}[service]


@st.composite
def trees(draw):
    """A meter tree (depth up to 3) with true consumption at every meter; a distribution
    meter's is its sub meters' plus a loss, negative (a fault) only when ``faults``; one may
    be replaced in March by a new record, each measuring its part. A leaf has service dates
    (``SERVICE``): one out of service all March used nothing."""
    faults = draw(st.booleans())
    meters: list[Meter] = []
    readings: list[Reading] = []
    counter = iter(range(10 ** 6))

    def dial_readings(meter: Meter, used: Decimal) -> None:
        dial = used / meter.multiplier
        top = meter.rollover_at
        start = D(draw(st.integers(0, int(top * 10) - 1 if top else 10 ** 6))) / 10
        end = start + dial if top is None else (start + dial) % top
        readings.extend([Reading(meter.id, date(2026, 3, 1), TOTAL, start),
                         Reading(meter.id, date(2026, 4, 1), TOTAL, end)])

    def node(parent: str | None, depth: int) -> Decimal:
        me = f"m{next(counter)}"
        if parent is None or (depth < 3 and draw(st.booleans())):
            # Maybe replaced in March by a new record (a CT upgrade): its sub meters hang
            # under either record, each record measures its part.
            swap = draw(st.integers(2, 31)) if draw(st.integers(0, 2)) == 0 else None
            records = [me] if swap is None else [me, f"{me}r"]
            kids = draw(st.integers(1, 4))
            used = sum((node(draw(st.sampled_from(records)), depth + 1) for _ in range(kids)),
                       D(0))
            loss = D(draw(st.integers(-300 if faults else 0, 3000))) / 10
            used = max(used + loss, D(0))  # a meter never runs back
            if swap is not None:
                day = date(2026, 3, swap)
                old_used = D(draw(st.integers(0, int(used * 10)))) / 10
                start, new_start = (D(draw(st.integers(0, 10 ** 6))) / 10 for _ in range(2))
                meters.extend([Meter(me, f"D{me}", E, parent, removed_on=day),
                               Meter(f"{me}r", f"D{me}r", E, parent, installed_on=day,
                                     replaces=me)])
                readings.extend([
                    Reading(me, date(2026, 3, 1), TOTAL, start),
                    Reading(me, day, TOTAL, start + old_used, ReadingKind.FINAL),
                    Reading(f"{me}r", day, TOTAL, new_start, ReadingKind.INITIAL),
                    Reading(f"{me}r", date(2026, 4, 1), TOTAL, new_start + used - old_used)])
                return used
            meter = Meter(me, f"D{me}", E, parent,
                          rollover_at=draw(st.sampled_from([None, D(10 ** 8)])))
        else:
            unit = draw(st.sampled_from([*UNITS, None]))
            multiplier = D(draw(st.sampled_from([1, 10, 40])))
            dial = D(draw(st.integers(0, 5000))) / 10
            meter = Meter(me, f"L{me}", E, parent, unit, multiplier,
                          draw(st.sampled_from([None, D(10 ** 5)])),
                          **_dates(draw, draw(st.sampled_from(SERVICE))))
            used = dial * multiplier if in_service(meter, MARCH) else D(0)
        meters.append(meter)
        dial_readings(meter, used)
        return used

    root_used = node(None, 0)
    weights = {u: D(draw(st.integers(0, 50000))) / 100 for u in UNITS}
    return meters, readings, root_used, Basis(BasisKind.AREA, weights), faults


@settings(max_examples=200, deadline=None)
@given(trees())
def test_a_generated_tree_s_statements_add_up_to_its_main_meter(tree):
    meters, readings, root_used, basis, faults = tree
    out = statements(meters, readings, MARCH, basis, FLAT_085)
    root = out[0]
    assert root.main.meter.parent_id is None and root.main.amount == root_used
    for s in out:
        # The statement's own sums, exactly.
        assert s.main.amount == sum((x.amount for x in s.subs), D(0)) + s.unmetered
        assert s.shared == s.unmetered + s.common
        assert s.allocated + s.unallocated == s.shared
        negative = s.unmetered < 0
        assert ("negative-shared" in {f.code for f in s.flags}) == negative
        if negative or s.denominator == 0:
            assert s.allocated == 0 and s.amount == 0
        else:
            assert s.allocated == s.shared
            assert s.charge is not None
            assert s.amount == sum((x.amount for x in s.charge.lines), D(0))
            assert sum((u.amount for u in s.shares), D(0)) == s.amount
            assert s.amount == money(s.shared * FLAT_085.price)
            assert all(u.amount >= 0 and u.quantity >= 0 for u in s.shares)
            assert not any(u.quantity for u in s.shares if u.basis == 0)
        # Not connected: every meter of the unit beneath is out of service all March. Such
        # a unit is left out of the shares and the denominator, the others are not.
        beneath = _beneath(s.main.meter.id, meters)
        for u in s.left_out:
            mine = [m for m in beneath if m.unit_id == u.unit_id]
            assert mine and not any(in_service(m, MARCH) for m in mine)
            assert u.basis == basis.weights[u.unit_id] and u.reasons
        for u in s.shares:
            mine = [m for m in beneath if m.unit_id == u.unit_id]
            assert not mine or any(in_service(m, MARCH) for m in mine)
        assert not {u.unit_id for u in s.left_out} & {u.unit_id for u in s.shares}
        assert s.denominator == sum((u.basis for u in s.shares), D(0))
        assert s.denominator + sum((u.basis for u in s.left_out), D(0)) == sum(
            s.basis.weights.values(), D(0))
    # Over the tree: every kWh the main measured is a unit's, a unit's share, or unshared.
    direct = sum((u.direct for s in out for u in s.shares), D(0))
    shared = sum((s.allocated for s in out), D(0))
    unshared = sum((s.unallocated for s in out), D(0))
    assert direct + shared + unshared == root_used
    unit_meters = [m for m in meters if m.unit_id is not None]
    assert direct == sum((_used(m, readings) for m in unit_meters), D(0))
    if not faults:
        # What does not hold exactly: the tariff on the main against its parts, each line
        # rounded once — off by at most half a cent a line.
        parts = sum((price(FLAT_085, {TOTAL: _used(m, readings)}, MARCH).amount
                     for m in unit_meters), D(0)) + sum((s.amount for s in out), D(0))
        unshared_money = sum((money(s.unallocated * FLAT_085.price) for s in out), D(0))
        lines = len(unit_meters) + len(out) + 1  # the amounts rounded, and the whole
        whole = price(FLAT_085, {TOTAL: root_used}, MARCH).amount
        assert abs(whole - parts - unshared_money) <= D("0.005") * lines


def _used(meter: Meter, readings: list[Reading]) -> Decimal:
    return consumption(meter, readings, MARCH).amount


def _beneath(meter_id: str, meters: list[Meter]) -> list[Meter]:
    """The meters beneath ``meter_id``'s position (a replaced meter's records are one)."""
    tree = chains(meters)
    kids = [m for m in tree.tree if m.parent_id == tree.position(meter_id)]
    return kids + [x for k in kids for x in _beneath(k.id, meters)]


@given(st.lists(st.integers(0, 10 ** 6), min_size=1, max_size=12),
       st.integers(0, 10 ** 7), st.integers(0, 3))
def test_shares_add_up_at_any_precision_and_follow_the_weights(weights, tenths, places):
    meters = [Meter("M", "MAIN", E)]
    readings = reads({"M": str(D(tenths) / 10)})
    basis = Basis("weights", {f"u{i:02}": D(w) for i, w in enumerate(weights)})
    tiered = TieredTariff(JAN, (Band(D(1000), D("0.5")), Band(None, D("0.8"))))
    s = statement("M", meters, readings, MARCH, basis, tiered, places=places)
    if sum(weights) == 0:
        assert [f.code for f in s.flags] == (["no-basis"] if tenths else [])
        return
    assert sum(u.quantity for u in s.shares) == s.shared
    assert sum(u.amount for u in s.shares) == s.amount
    step = D(1).scaleb(-max(places, places_of(s.shared)))
    for u in s.shares:
        exact = s.shared * u.basis / s.denominator
        assert abs(u.quantity - exact) < step  # within one unit of the precision
        assert abs(u.amount - s.amount * u.basis / s.denominator) < D("0.01")

