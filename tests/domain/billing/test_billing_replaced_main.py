"""A main (or distribution) meter replaced by a new record (issue 12): the records of a
replacement chain are one position in the tree. Its 公摊 statement of a month is over the
records in service that month, each its own line from its own readings (the old up to its
final, the new from its initial), the main = Σ sub meters + unmetered identity holds
exactly, and sub meters of any record are the position's: moving them from the old record
to the new one rewrites no month. Forks and loops of replacements are tree faults.

The park: E-MAIN-1 (m1) → E-101 (a, unit 101), E-102 (b, unit 102), LIFT (L). E-MAIN-1 is
swapped on 15 April 2026 for E-MAIN-2 (m2, a CT ratio of 10): its final reading then, the
new one's initial. March is wholly before the swap, April its month, May after it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from domain.billing.meters import (
    Meter,
    Period,
    Reading,
    ReadingKind,
    Utility,
    chains,
    position,
    serving,
    tree_flags,
)
from domain.billing.shared_consumption import (
    Basis,
    BasisKind,
    Role,
    Statement,
    not_connected,
    statement,
    statements,
)
from domain.billing.tariffs import FlatTariff
from domain.billing.unit_consumption import unit_consumption, units_below
from domain.billing.utility_bills import (
    Hold,
    NamedTariff,
    Payer,
    UtilityTree,
    plan_utility_bills,
    priced_use,
)

D = Decimal
E = Utility.ELECTRICITY
FINAL, INITIAL = ReadingKind.FINAL, ReadingKind.INITIAL
MARCH, APRIL, MAY = (Period.month(2026, m) for m in (3, 4, 5))
SWAP = date(2026, 4, 15)
PRICE = FlatTariff(date(2026, 1, 1), D("1.00"))
AREAS = {"101": D(120), "102": D(80)}
BASIS = Basis(BasisKind.AREA, AREAS)


def _r(meter: str, day: date, value: int | str, kind: ReadingKind = ReadingKind.READING,
       ) -> Reading:
    return Reading(meter, day, "total", D(value), kind)


def _days(*months: int) -> list[date]:
    return [date(2026, m, 1) for m in months]


def _readings() -> list[Reading]:
    """E-MAIN-1: 1000 in March, 500 in April up to its final; E-MAIN-2 (×10): 600 in April
    from its initial, 1000 in May. The sub meters read on the 1st of each month."""
    out = [_r("m1", date(2026, 3, 1), 0), _r("m1", date(2026, 4, 1), 1000),
           _r("m1", SWAP, 1500, FINAL), _r("m2", SWAP, 0, INITIAL),
           _r("m2", date(2026, 5, 1), 60), _r("m2", date(2026, 6, 1), 160)]
    for meter, values in (("a", (0, 300, 700, 1000)), ("b", (0, 500, 1000, 1600)),
                          ("L", (0, 50, 100, 150))):
        out += [_r(meter, day, v) for day, v in zip(_days(3, 4, 5, 6), values, strict=True)]
    return out


def _park(subs_under: str = "m1", swapped: bool = True) -> list[Meter]:
    """The tree; ``subs_under``: the record the sub meters hang under (the move)."""
    meters = [Meter("m1", "E-MAIN-1", E, removed_on=SWAP if swapped else None),
              Meter("a", "E-101", E, subs_under, "101"),
              Meter("b", "E-102", E, subs_under, "102"),
              Meter("L", "LIFT", E, subs_under)]
    if swapped:
        meters.append(Meter("m2", "E-MAIN-2", E, multiplier=D(10), installed_on=SWAP,
                            replaces="m1"))
    return meters


def _said(s: Statement) -> tuple[Any, ...]:
    """A statement's figures and lines, as a tenant reads them (codes, roles, amounts,
    reasons), so two trees that differ by the sub meters' parent compare."""
    def line(x: Any) -> tuple[Any, ...]:
        return (x.meter.code, x.role, x.amount, x.consumption.reasons)
    return (line(s.main), tuple(line(x) for x in s.mains), tuple(line(x) for x in s.subs),
            s.unmetered, s.common, s.shared, s.denominator, s.rate, s.shares, s.notes,
            s.flags, s.left_out, s.amount)


def _adds_up(s: Statement) -> None:
    assert s.main.amount == sum((x.amount for x in s.mains), D(0))
    assert s.main.amount == sum((x.amount for x in s.subs), D(0)) + s.unmetered
    assert s.shared == s.unmetered + s.common == s.allocated
    assert sum((u.amount for u in s.shares), D(0)) == s.amount


# -- the position -----------------------------------------------------------------------------


def test_a_record_resolves_to_the_newest_of_its_chain_and_sub_meters_hang_under_it():
    meters = _park()
    assert position("m1", meters) == position("m2", meters) == "m2"
    assert position("a", meters) == "a"
    tree = chains(meters)
    assert [m.code for m in tree.records("m1")] == ["E-MAIN-1", "E-MAIN-2"]
    assert {m.id: m.parent_id for m in tree.tree if m.parent_id} == {
        "a": "m2", "b": "m2", "L": "m2"}
    assert serving(tree.records("m2"), MARCH).id == "m1"
    assert serving(tree.records("m2"), APRIL).id == "m2"  # the newest in service
    assert units_below("m1", meters) == units_below("m2", meters) == {"101", "102"}
    assert tree_flags(meters) == []
    # One statement a month for the position, never one per record.
    for month in (MARCH, APRIL, MAY):
        assert len(statements(meters, _readings(), month, BASIS, PRICE)) == 1


# -- before, during and after the swap ----------------------------------------------------------


def test_a_month_wholly_before_the_swap_is_the_old_meter_s_statement():
    before = statement("m1", _park(swapped=False), _readings(), MARCH, BASIS, PRICE)
    for subs in ("m1", "m2"):
        after = statement("m2", _park(subs), _readings(), MARCH, BASIS, PRICE)
        assert _said(after) == _said(before)
        assert [x.meter.code for x in after.mains] == ["E-MAIN-1"]
        assert after.main.meter.code == after.main_code == "E-MAIN-1"
    assert (before.main.amount, before.unmetered, before.shared) == (D(1000), D(150), D(200))
    _adds_up(before)


def test_the_month_of_the_swap_is_both_records_each_its_own_readings():
    s = statement("m2", _park(), _readings(), APRIL, BASIS, PRICE)
    assert [(x.meter.code, x.amount) for x in s.mains] == [("E-MAIN-1", D(500)),
                                                           ("E-MAIN-2", D(600))]
    assert s.main_code == "E-MAIN-1 + E-MAIN-2"
    assert s.main.meter.id == "m2" and s.main.role is Role.DISTRIBUTION
    old, new = ({r.code for r in x.consumption.reasons} for x in s.mains)
    assert {"reading"} <= old and "removed" not in old  # closed by its final, in April
    assert {"installed", "reading", "multiplier"} <= new
    assert {r.params["meter"] for r in s.main.consumption.reasons} == {"E-MAIN-1", "E-MAIN-2"}
    # 1100 = Σ sub meters 400 + 500 + 50 + unmetered 150, to the kWh
    assert (s.main.amount, sum((x.amount for x in s.subs), D(0)), s.unmetered) == (
        D(1100), D(950), D(150))
    _adds_up(s)
    assert s.ready and [(n.code, n.params["old"], n.params["new"], n.params["on"],
                         n.params["old_use"], n.params["new_use"]) for n in s.notes] == [
        ("main-replaced", "E-MAIN-1", "E-MAIN-2", "2026-04-15", "500", "600")]
    assert [(u.unit_id, u.quantity) for u in s.shares] == [("101", D(120)), ("102", D(80))]


def test_a_month_after_the_swap_is_the_new_meter_s_alone():
    s = statement("m1", _park(), _readings(), MAY, BASIS, PRICE)  # any record names it
    assert [x.meter.code for x in s.mains] == ["E-MAIN-2"] and not s.notes
    assert (s.main.amount, s.unmetered) == (D(1000), D(50))
    _adds_up(s)


def test_moving_the_sub_meters_to_the_new_record_rewrites_no_month():
    for month in (MARCH, APRIL, MAY):
        before, after = (_said(statement("m2", _park(subs), _readings(), month, BASIS, PRICE))
                         for subs in ("m1", "m2"))
        assert before == after
        # Half moved (a sync that brought one move and not yet the other): the same.
        half = [replace(m, parent_id="m2") if m.id == "a" else m for m in _park()]
        assert _said(statement("m2", half, _readings(), month, BASIS, PRICE)) == before
        uses = [unit_consumption(_park(subs), _readings(), month, {}, AREAS)
                for subs in ("m1", "m2")]
        assert uses[0] == uses[1]


def test_each_unit_s_use_adds_up_to_the_main_across_the_swap():
    for month, main in ((MARCH, D(1000)), (APRIL, D(1100)), (MAY, D(1000))):
        use = unit_consumption(_park("m2"), _readings(), month, {}, AREAS)
        assert sum((u.total for u in use.values()), D(0)) == main
        assert all(u.measured for u in use.values())
    april = unit_consumption(_park(), _readings(), APRIL, {}, AREAS)
    assert [r.params["meter"] for r in april["101"].reasons if r.code == "share"] == [
        "E-MAIN-1 + E-MAIN-2"]


def test_the_basis_is_the_one_of_the_record_serving_the_month():
    weights = Basis(BasisKind.WEIGHTS, {"101": D(1), "102": D(3)})
    bases = {"m1": weights, "m2": BASIS}
    march = statements(_park("m2"), _readings(), MARCH, bases, PRICE)[0]
    may = statements(_park("m2"), _readings(), MAY, bases, PRICE)[0]
    assert march.basis == weights and may.basis == BASIS
    assert statement("m2", _park("m2"), _readings(), MARCH, bases, PRICE).basis == weights
    # Only the new record's given: the old months take it too.
    assert statements(_park(), _readings(), MARCH, {"m2": BASIS}, PRICE)[0].basis == BASIS


def test_a_missing_final_of_the_old_record_holds_the_swap_month():
    readings = [r for r in _readings() if r.kind is not FINAL]
    s = statement("m2", _park(), readings, APRIL, BASIS, PRICE)
    assert [(f.code, f.meter_id) for f in s.flags] == [("final-missing", "m1"),
                                                       ("negative-shared", "m2")]
    assert not s.ready and s.allocated == 0


# -- chains of three, distribution meters, forks and loops ---------------------------------------


def test_a_chain_of_three_in_one_month_adds_up():
    ten, twenty = date(2026, 4, 10), date(2026, 4, 20)
    meters = [Meter("m1", "E-MAIN-1", E, removed_on=ten),
              Meter("m2", "E-MAIN-2", E, installed_on=ten, removed_on=twenty, replaces="m1"),
              Meter("m3", "E-MAIN-3", E, installed_on=twenty, replaces="m2"),
              Meter("a", "E-101", E, "m1", "101"), Meter("b", "E-102", E, "m2", "102"),
              Meter("L", "LIFT", E, "m3")]
    readings = [_r("m1", date(2026, 4, 1), 0), _r("m1", ten, 200, FINAL),
                _r("m2", ten, 0, INITIAL), _r("m2", twenty, 300, FINAL),
                _r("m3", twenty, 0, INITIAL), _r("m3", date(2026, 5, 1), 550)]
    for meter, end in (("a", 400), ("b", 500), ("L", 50)):
        readings += [_r(meter, date(2026, 4, 1), 0), _r(meter, date(2026, 5, 1), end)]
    assert {position(m, meters) for m in ("m1", "m2", "m3")} == {"m3"}
    s = statement("m1", meters, readings, APRIL, BASIS, PRICE)
    assert [(x.meter.code, x.amount) for x in s.mains] == [
        ("E-MAIN-1", D(200)), ("E-MAIN-2", D(300)), ("E-MAIN-3", D(550))]
    assert [x.meter.code for x in s.subs] == ["E-101", "E-102", "LIFT"]
    assert (s.main.amount, s.unmetered, s.shared) == (D(1050), D(100), D(150))
    assert [(n.params["old"], n.params["new"]) for n in s.notes] == [
        ("E-MAIN-1", "E-MAIN-2"), ("E-MAIN-2", "E-MAIN-3")]
    _adds_up(s)
    assert tree_flags(meters) == []


def test_a_replaced_distribution_meter_is_a_sub_main_under_its_parent_both_records():
    meters = [Meter("M", "MAIN", E), Meter("f1", "F1", E, "M", removed_on=SWAP),
              Meter("f2", "F2", E, "M", installed_on=SWAP, replaces="f1"),
              Meter("a", "E-101", E, "f1", "101"), Meter("b", "E-102", E, "f2", "102")]
    readings = [_r("M", date(2026, 4, 1), 0), _r("M", date(2026, 5, 1), 1000),
                _r("f1", date(2026, 4, 1), 0), _r("f1", SWAP, 400, FINAL),
                _r("f2", SWAP, 0, INITIAL), _r("f2", date(2026, 5, 1), 500),
                _r("a", date(2026, 4, 1), 0), _r("a", date(2026, 5, 1), 300),
                _r("b", date(2026, 4, 1), 0), _r("b", date(2026, 5, 1), 500)]
    top, floor = statements(meters, readings, APRIL, BASIS, PRICE)
    assert [(x.meter.code, x.role, x.amount) for x in top.subs] == [
        ("F1", Role.DISTRIBUTION, D(400)), ("F2", Role.DISTRIBUTION, D(500))]
    assert top.unmetered == top.shared == D(100)  # the floor's use is not common
    assert floor.main_code == "F1 + F2" and floor.main.amount == D(900)
    assert floor.unmetered == D(100)
    _adds_up(top)
    _adds_up(floor)
    assert not_connected("f1", meters, MAY) == {}


def test_a_fork_or_a_loop_of_replacements_is_a_tree_fault():
    fork = [*_park(), Meter("m3", "E-MAIN-3", E, replaces="m1")]
    assert [(f.code, f.meter_id, f.params) for f in tree_flags(fork)] == [
        ("replaced-twice", "m3", {"replaces": "E-MAIN-1", "by": "E-MAIN-2"})]
    assert position("m1", fork) == "m2" and position("m3", fork) == "m3"  # the first by code
    loop = [Meter("x", "X", E, replaces="y"), Meter("y", "Y", E, replaces="x"),
            Meter("a", "E-101", E, "y", "101")]
    assert sorted((f.code, f.meter_id) for f in tree_flags(loop)) == [
        ("replacement-loop", "x"), ("replacement-loop", "y")]
    assert position("x", loop) == position("y", loop) == "x"  # its first record by code
    assert [m.code for m in chains(loop).records("y")] == ["Y", "X"]
    assert chains(loop).tree[-1].parent_id == "x"
    itself = [Meter("x", "X", E, replaces="x")]
    assert position("x", itself) == "x"
    assert [f.code for f in tree_flags(itself)] == ["replacement-loop"]


# -- bills -----------------------------------------------------------------------------------


def test_the_swap_month_bills_with_the_old_record_s_tariff_and_adds_up():
    """The tariff is set on E-MAIN-1 only: the new record keeps it. The shares' lines name
    both records and add up to the statement."""
    tariff = NamedTariff("一般工商业", (PRICE,))
    tree = UtilityTree(E, tuple(_park("m2")), tuple(_readings()), {}, AREAS, {"m1": tariff},
                       {"101": "A-101", "102": "A-102"})
    holds = [Hold("c1", "101", date(2025, 1, 1), date(2027, 12, 31)),
             Hold("c2", "102", date(2025, 1, 1), date(2027, 12, 31))]
    payers = {c: Payer(c, c.upper()) for c in ("c1", "c2")}
    plan = plan_utility_bills([tree], [date(2026, 4, 1)], holds, payers, {},
                              date(2026, 5, 26))
    assert not plan.skipped
    shares = [x.explanation for b in plan.bills for x in b.lines
              if x.explanation["source"] == "share"]
    assert [(x["unit"], x["quantity"], x["amount"]) for x in shares] == [
        ("A-101", "120.000", "120.00"), ("A-102", "80.000", "80.00")]
    assert shares[0]["main"] == "E-MAIN-2" and shares[0]["mains"] == [
        {"meter": "E-MAIN-1", "use": "500.000"}, {"meter": "E-MAIN-2", "use": "600.000"}]
    assert shares[0]["reasons"][0]["params"]["meter"] == "E-MAIN-1 + E-MAIN-2"
    # Everything the main measured is billed: 400 + 500 own, 150 + 50 shared.
    assert sum((b.amount for b in plan.bills), D(0)) == D("1100.00")
    uses = priced_use(tree, APRIL)
    assert sum((x.quantity for u in uses.values() for x in u.lines), D(0)) == D(1100)
    # Before the move the same.
    moved = UtilityTree(E, tuple(_park("m1")), tree.readings, {}, AREAS, {"m1": tariff},
                        tree.unit_codes)
    for month in (MARCH, APRIL, MAY):
        assert ({u: [x.explanation for x in v.lines] for u, v in priced_use(moved, month).items()}
                == {u: [x.explanation for x in v.lines]
                    for u, v in priced_use(tree, month).items()})
