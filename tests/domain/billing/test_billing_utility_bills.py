"""Utility bills, pure: in arrears, split by days held, priced by flat, tiered and time-of-use
tariffs (a change mid-month splits), shares that add up to the 公摊 statement, skips with
their reasons, and corrections as adjustments."""

from __future__ import annotations

import doctest
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

import domain.billing.utility_bills
from domain.billing.bills import BilledKey, bill_id
from domain.billing.meters import Meter, Period, Reading, ReadingKind, Utility, in_service
from domain.billing.shared_consumption import Basis, BasisKind, statement
from domain.billing.tariffs import (
    Band,
    FlatTariff,
    TieredTariff,
    TouTariff,
    price,
)
from domain.billing.unit_consumption import PLACES, current_readings
from domain.billing.utility_bills import (
    DUE_DAYS,
    LEFT_OUT_NOTE,
    NAMED_METERS,
    SPIKE_NOTE,
    Hold,
    NamedTariff,
    Payer,
    UtilityTree,
    changed_months,
    changed_since_billed,
    consumption_months,
    due_on,
    lookback_months,
    plan_utility_bills,
    prepare,
    priced_use,
    reading_key,
)
from domain.leasing.clauses import DueKind, DueRule, RentTerms
from domain.leasing.schedule import add_months, rent_schedule

D = Decimal
E = Utility.ELECTRICITY
FEB, MAR, APR = date(2026, 2, 1), date(2026, 3, 1), date(2026, 4, 1)
MARCH = Period.month(2026, 3)
ISSUED = date(2026, 3, 26)
FLAT = NamedTariff("一般工商业", (FlatTariff(date(2026, 1, 1), D("1.00")),))
PAYERS = {c: Payer(c, c.upper(), DueRule()) for c in ("c1", "c2", "c3")}


def _r(meter: str, day: date, value: int | str, register: str = "total") -> Reading:
    return Reading(meter, day, register, D(value))


def _tree(readings: list[Reading], tariffs: dict[str, NamedTariff] | None = None,
          meters: list[Meter] | None = None, utility: Utility = E) -> UtilityTree:
    """MAIN → E-101 (unit 101), E-102 (unit 102), LIFT (common); 101 and 102 of 100 m²."""
    meters = meters or [Meter("M", "MAIN", utility), Meter("a", "E-101", utility, "M", "101"),
                        Meter("b", "E-102", utility, "M", "102"), Meter("L", "LIFT", utility, "M")]
    return UtilityTree(utility, tuple(meters), tuple(readings), {},
                       {"101": D(100), "102": D(100)},
                       {"M": FLAT} if tariffs is None else tariffs,
                       {"101": "A-101", "102": "A-102"})


def _march(main: int = 1000, a: int = 300, b: int = 500, lift: int = 50) -> list[Reading]:
    ends = {"M": main, "a": a, "b": b, "L": lift}
    return [_r(m, day, v) for m, end in ends.items() for day, v in ((MAR, 0), (APR, end))]


def _held(*holds: tuple[str, str, date, date]) -> list[Hold]:
    return [Hold(c, u, first, last) for c, u, first, last in holds]


WHOLE = _held(("c1", "101", date(2025, 1, 1), date(2027, 12, 31)),
              ("c2", "102", date(2025, 1, 1), date(2027, 12, 31)))


def test_the_doctests_hold():
    assert doctest.testmod(domain.billing.utility_bills).failed == 0


def test_a_run_over_a_month_bills_the_month_before():
    assert consumption_months(APR, date(2026, 4, 30)) == [MAR]
    assert consumption_months(date(2027, 1, 1), date(2027, 1, 31)) == [date(2026, 12, 1)]
    assert consumption_months(date(2026, 3, 15), date(2026, 5, 10)) == [MAR, APR]
    assert consumption_months(date(2026, 4, 2), date(2026, 4, 30)) == []
    assert lookback_months([MAR, APR]) == [FEB]
    assert lookback_months([MAR], 3) == [date(2025, 12, 1), date(2026, 1, 1), FEB]
    plan = plan_utility_bills([_tree(_march())], consumption_months(APR, date(2026, 4, 30)),
                              WHOLE, PAYERS, {}, ISSUED)
    assert [(b.number, b.charge, b.period_start, b.period_end) for b in plan.bills] == [
        ("C1/2026-03-01/electricity", "electricity", MAR, date(2026, 3, 31)),
        ("C2/2026-03-01/electricity", "electricity", MAR, date(2026, 3, 31))]
    assert plan.bills[0].id == bill_id("c1", MAR, "electricity")
    # 1000 − 800 − 50 + 50 = 200 shared by area, 100 each
    assert [b.amount for b in plan.bills] == [D("400.00"), D("600.00")]
    assert plan_utility_bills([_tree(_march())], [FEB], WHOLE, PAYERS, {}, ISSUED).bills == ()


def test_due_with_the_rent_of_the_month_after_never_before_the_issue():
    rule = Payer("c", "C", DueRule(DueKind.DAY_OF_MONTH, 25))
    assert due_on(rule, MAR, date(2026, 3, 20)) == date(2026, 3, 25)
    assert due_on(rule, MAR, date(2026, 3, 28)) == date(2026, 3, 28)  # never before issue
    assert due_on(Payer("c", "C", DueRule(DueKind.DAYS_BEFORE, 5)), MAR,
                  date(2026, 3, 20)) == date(2026, 3, 27)
    assert due_on(Payer("c", "C"), MAR, ISSUED) == ISSUED + timedelta(days=DUE_DAYS)


def test_due_with_the_rent_of_the_contracts_month_that_begins_in_the_run_month():
    """February's use, issued on 1 March: a contract whose months begin on the 15th pays it
    with the rent of 15 March, not on 1 March; paying in advance, by its rule, never before
    the bill exists."""
    feb, on = FEB, MAR
    on_time = DueRule(DueKind.DAYS_BEFORE, 0)
    assert due_on(Payer("c", "C", on_time), feb, on) == MAR
    assert due_on(Payer("c", "C", on_time, anchor=15), feb, on) == date(2026, 3, 15)
    advance = DueRule(DueKind.DAYS_BEFORE, 10)
    assert due_on(Payer("c", "C", advance, anchor=15), feb, on) == date(2026, 3, 5)
    assert due_on(Payer("c", "C", advance, anchor=15), feb, date(2026, 3, 7)) == \
        date(2026, 3, 7)  # issued after that day: due on the issue day
    assert due_on(Payer("c", "C", advance), feb, on) == MAR  # 19 Feb: before the issue
    before = DueRule(DueKind.DAY_OF_MONTH, 25)  # 25 February for March: the issue day
    assert due_on(Payer("c", "C", before, anchor=15), feb, on) == MAR
    assert due_on(Payer("c", "C", on_time, anchor=31), date(2026, 1, 1), date(2026, 2, 1)) \
        == date(2026, 2, 28)  # months from the 31st: February's is on its last day
    plan = plan_utility_bills([_tree(_march())], [MAR], WHOLE,
                              {"c1": Payer("c1", "C1", on_time, anchor=15),
                               "c2": Payer("c2", "C2", advance, anchor=15)}, {}, APR)
    assert [(b.contract_id, b.due_on) for b in plan.bills] == [
        ("c1", date(2026, 4, 15)), ("c2", date(2026, 4, 5))]


@settings(max_examples=40, deadline=None)
@given(start=st.dates(date(2024, 1, 1), date(2026, 12, 31)),
       kind=st.sampled_from(list(DueKind)), days=st.integers(0, 40),
       later=st.integers(1, 13), calendar=st.booleans())
def test_a_utility_bill_falls_due_as_the_rent_the_same_run_bills(start, kind, days, later,
                                                                 calendar):
    """The run over month M bills M's rent period (a monthly contract's, from its anchor
    day) and M−1's utilities: both fall due on one day (before the issue day: on it)."""
    rule = DueRule(kind, days)
    terms = RentTerms(D(100), D(80), start, add_months(start, 36) - timedelta(days=1),
                      calendar_periods=calendar, due=rule)
    month = add_months(start.replace(day=1), later)
    last = add_months(month, 1) - timedelta(days=1)
    lines, _problems = rent_schedule(terms, (month, last), starting=True)
    [rent] = [x for x in lines if x.charge == "rent"]
    payer = Payer("c", "C", rule, anchor=1 if calendar else start.day)
    assert due_on(payer, add_months(month, -1), date(2000, 1, 1)) == rent.due_on
    assert due_on(payer, add_months(month, -1), month) == max(rent.due_on, month)


def test_a_skip_names_the_first_meters_by_code_and_how_many_more():
    """MAIN feeds 40 unit meters, and no meter is read to close March: each contract's skip
    names three meters, says 38 more, and carries all 41 for a machine."""
    subs = [Meter(f"s{n}", f"E-{n:02}", E, "M", f"u{n}") for n in range(40, 0, -1)]
    meters = [Meter("M", "MAIN", E), *subs]
    readings = [_r(m.id, MAR, 0) for m in meters]
    tree = UtilityTree(E, tuple(meters), tuple(readings), {}, {f"u{n}": D(10)
                                                                for n in range(1, 41)},
                       {"M": FLAT}, {f"u{n}": f"U-{n:02}" for n in range(1, 41)})
    holds = [Hold(f"c{n}", f"u{n}", date(2025, 1, 1), date(2027, 12, 31)) for n in range(1, 41)]
    payers = {h.contract_id: Payer(h.contract_id, h.contract_id.upper()) for h in holds}
    plan = plan_utility_bills([tree], [MAR], holds, payers, {}, ISSUED)
    assert plan.bills == () and len(plan.skipped) == 40  # one a contract, not one a meter
    skip = next(s for s in plan.skipped if s.contract_code == "C7")
    assert skip.code == "reading-missing" and NAMED_METERS == 3
    assert (skip.params["unit"], skip.params["meter"], skip.params["more"],
            skip.params["count"]) == ("U-07", "E-01, E-02, E-03", "38", "41")
    every = skip.params["meters"].split("\n")
    assert every == sorted(every) and len(every) == 41 and {"E-07", "MAIN"} <= set(every)
    one = plan_utility_bills([_tree([r for r in _march() if r.meter_id != "b"
                                     or r.read_on == MAR])], [MAR], WHOLE, PAYERS, {},
                             ISSUED)
    assert {(s.params["meter"], s.params["more"], s.params["meters"]) for s in one.skipped} \
        == {("E-102", "0", "E-102")}


def test_a_month_is_changed_by_a_correction_or_a_back_dated_reading_only():
    """Read on the 1st of each month, in that order: nothing past changed. Then the 1 Feb
    reading of E-101 corrected (it opens February and closes January), and a reading of a
    new meter dated 1 January entered after the tree was read to 1 April."""
    def changed(readings: list[Reading], before: date = APR) -> dict:
        meters = [Meter(m, m.upper(), E) for m in ("M", "a", "b", "n")]
        return changed_months(prepare(UtilityTree(E, tuple(meters), tuple(readings))), before)

    monthly = [_r(m, date(2026, k, 1), 10 * k) for k in (1, 2, 3, 4) for m in ("M", "a", "b")]
    assert changed(monthly) == {}
    shuffled = [_r(m, date(2026, k, 1), 10 * k) for k in (1, 2, 3, 4) for m in ("b", "M", "a")]
    assert changed(shuffled) == {}  # one day's readings in any meter order
    fix = _r("a", FEB, 15)
    assert changed([*monthly, fix]) == {date(2026, 1, 1): [fix], FEB: [fix]}
    assert changed([*monthly, fix], FEB) == {date(2026, 1, 1): [fix]}  # only before FEB
    history = [_r("n", date(2026, 1, 1), 0), _r("n", FEB, 5)]  # entered after 1 April's
    found = changed([*monthly, *history])
    assert sorted(found) == [date(2025, 12, 1), date(2026, 1, 1), FEB, MAR]
    assert found[MAR] == [history[1]]  # its last reading: every month after it, to APR
    swap = [*monthly, Reading("a", MAR, "total", D(20), ReadingKind.FINAL),
            Reading("a", MAR, "total", D(0), ReadingKind.INITIAL)]  # replaced on 1 March
    assert changed(swap) == {FEB: swap[-2:], MAR: swap[-2:]}  # entered after 1 April's
    # the same as the ledger read for pricing: corrections in their originals' places
    ready = prepare(UtilityTree(E, (Meter("a", "A", E),), tuple([*monthly, fix])))
    assert list(ready.current) == current_readings([*monthly, fix])
    stamps = {reading_key(fix): "000000000000300-0000-d"}
    billed = {date(2026, 1, 1): "000000000000200-0000-d",  # billed before the correction
              FEB: "000000000000400-0000-d"}  # and February since (its adjustment)
    assert changed_since_billed({date(2026, 1, 1): [fix], FEB: [fix], MAR: [fix]}, stamps,
                                billed) == [date(2026, 1, 1)]  # March: never billed


@settings(max_examples=40, deadline=None)
@given(entries=st.lists(st.tuples(st.sampled_from(["a", "b"]), st.integers(0, 6),
                                  st.sampled_from(list(ReadingKind)), st.integers(0, 9)),
                        max_size=25))
def test_the_ledger_read_for_pricing_is_the_corrected_one_and_its_changes_are_past(entries):
    """Any order of entries: the readings as corrected are ``current_readings``'; each
    change is a correction or dated before a day already read; the rest are in order."""
    readings = [Reading(m, MAR + timedelta(days=7 * d), "total", D(v), kind)
                for m, d, kind, v in entries]
    ready = prepare(UtilityTree(E, (Meter("a", "A", E), Meter("b", "B", E)), tuple(readings)))
    assert list(ready.current) == current_readings(readings)
    seen: set = set()
    latest = None
    for r in readings:
        past = reading_key(r) in seen or (latest is not None and r.read_on < latest)
        assert (r in ready.changes) if past else True
        seen.add(reading_key(r))
        latest = r.read_on if latest is None else max(latest, r.read_on)
    assert len(ready.changes) == sum(
        1 for n, r in enumerate(readings)
        if reading_key(r) in {reading_key(x) for x in readings[:n]}
        or any(x.read_on > r.read_on for x in readings[:n]))


def test_a_unit_let_twice_in_a_month_is_split_by_days():
    """101: c1 to 10 March, nobody 11–15, c3 from the 16th (10, 5 and 16 of 31 days)."""
    holds = _held(("c1", "101", date(2025, 1, 1), date(2026, 3, 10)),
                  ("c3", "101", date(2026, 3, 16), date(2027, 3, 15)),
                  ("c2", "102", date(2025, 1, 1), date(2027, 12, 31)))
    plan = plan_utility_bills([_tree(_march(a=310))], [MAR], holds, PAYERS, {}, ISSUED)
    bills = {b.contract_id: b for b in plan.bills}
    one, three = bills["c1"], bills["c3"]
    [meter1, share1], [meter3, share3] = one.lines, three.lines
    assert (meter1.starts_on, meter1.ends_on) == (MAR, date(2026, 3, 10))
    assert (meter3.starts_on, meter3.ends_on) == (date(2026, 3, 16), date(2026, 3, 31))
    assert (D(meter1.explanation["quantity"]), D(meter3.explanation["quantity"])) == (
        D(100), D(160))  # 310 kWh over 31 days
    assert meter1.explanation["held"] == {"days": "10", "of_days": "31",
                                          "from": "2026-03-01", "to": "2026-03-10"}
    assert meter1.explanation["whole"] == {"quantity": "310.000", "amount": "310.00"}
    assert meter1.explanation["reasons"][-1]["code"] == "utility-held"
    [vacant] = [s for s in plan.skipped if s.code == "vacant-use"]
    assert (vacant.params["unit"], vacant.params["days"], vacant.params["of_days"]) == (
        "A-101", "5", "31")
    # Nothing lost: the unit's own 310.00 and its share of 190 kWh (95 each), to the cent
    assert one.amount + three.amount + D(vacant.params["amount"]) == D("310.00") + D("95.00")
    assert D(share1.explanation["quantity"]) + D(share3.explanation["quantity"]) + \
        D(vacant.params["quantity"]) - D(50) == D(95)


def test_a_tariff_change_mid_month_splits_the_lines_and_then_the_holds():
    """0.50 to 10 March, 0.62 from the 11th (10 and 21 days); c1 leaves on the 20th."""
    change = NamedTariff("一般工商业", (FlatTariff(date(2026, 1, 1), D("0.50")),
                                       FlatTariff(date(2026, 3, 11), D("0.62"))))
    tree = _tree(_march(main=360, a=310, b=0, lift=0), {"M": change})
    holds = _held(("c1", "101", date(2025, 1, 1), date(2026, 3, 20)),
                  ("c2", "101", date(2026, 3, 21), date(2027, 3, 20)))
    plan = plan_utility_bills([tree], [MAR], holds, PAYERS, {}, ISSUED)
    bills = {b.contract_id: b for b in plan.bills}
    meters1 = [x for x in bills["c1"].lines if x.explanation["source"] == "meter"]
    meters2 = [x for x in bills["c2"].lines if x.explanation["source"] == "meter"]
    # 100 kWh at 0.50 (1–10 March, all c1's); 210 at 0.62 (11–31): 10 days c1's, 11 c2's
    assert [(x.starts_on, x.explanation["quantity"], x.explanation["price"], x.amount)
            for x in meters1] == [(MAR, "100.000", "0.50", D("50.00")),
                                  (date(2026, 3, 11), "100.000", "0.62", D("62.00"))]
    assert [(x.starts_on, x.explanation["quantity"], x.amount) for x in meters2] == [
        (date(2026, 3, 21), "110.000", D("68.20"))]
    assert meters2[0].explanation["days"] == {"from": "2026-03-11", "to": "2026-03-31",
                                              "days": "21", "of_days": "31"}
    codes = [r["code"] for r in meters2[0].explanation["reasons"]]
    assert codes == ["utility-reading", "utility-flat", "utility-tariff-days", "utility-held"]
    whole = price(list(change.versions), {"total": D(310)}, MARCH).amount  # 180.20
    assert sum((x.amount for x in meters1 + meters2), D(0)) == whole


def test_time_of_use_bills_each_register_at_its_price():
    tou = NamedTariff("峰谷分时电价", (TouTariff(date(2026, 1, 1), {
        "peak": D("1.35"), "flat": D("0.85"), "valley": D("0.45")}),))
    registers = ("peak", "flat", "valley")
    meters = [Meter("M", "MAIN", E, registers=registers),
              Meter("a", "E-101", E, "M", "101", multiplier=D(40), registers=registers),
              Meter("b", "E-102", E, "M", "102", registers=registers)]
    ends = {"M": (5000, 3000, 2000), "a": (100, 50, 25), "b": (400, 300, 200)}
    readings = [_r(m, day, v if day == APR else 0, r) for m, values in ends.items()
                for r, v in zip(registers, values, strict=True) for day in (MAR, APR)]
    plan = plan_utility_bills([_tree(readings, {"M": tou}, meters)], [MAR], WHOLE, PAYERS,
                              {}, ISSUED)
    c1 = next(b for b in plan.bills if b.contract_id == "c1")
    own = [x for x in c1.lines if x.explanation["source"] == "meter"]
    assert [(x.explanation["register"], x.explanation["quantity"], x.explanation["price"],
             x.amount) for x in own] == [
        ("peak", "4000.000", "1.35", D("5400.00")), ("flat", "2000.000", "0.85", D("1700.00")),
        ("valley", "1000.000", "0.45", D("450.00"))]
    peak = own[0].explanation
    assert peak["multiplier"] == "40" and peak["tariff"]["kind"] == "time_of_use"
    assert peak["readings"] == [{"register": "peak", "from_on": "2026-03-01", "from": "0",
                                 "to_on": "2026-04-01", "to": "100", "dial": "100"}]
    assert [r["code"] for r in peak["reasons"]] == ["utility-reading", "utility-multiplier",
                                                    "utility-tou"]
    # The shares: peak 600, flat 700, valley 800 unmetered, priced register by register:
    # 810.00 + 595.00 + 360.00
    s = statement("M", meters, readings, MARCH, Basis(BasisKind.AREA, {
        "101": D(100), "102": D(100)}), list(tou.versions), PLACES)
    shares = [x for b in plan.bills for x in b.lines if x.explanation["source"] == "share"]
    assert sum((x.amount for x in shares), D(0)) == s.amount == D("1765.00")


def test_a_tiered_tariff_bills_by_band_per_meter():
    water = NamedTariff("非居民用水", (TieredTariff(date(2026, 1, 1), (
        Band(D(300), D("5.60")), Band(None, D("8.40")))),))
    meters = [Meter("w", "W-101", Utility.WATER, None, "101")]
    tree = _tree([_r("w", MAR, 1000), _r("w", APR, 1350)], {"w": water}, meters,
                 Utility.WATER)
    [bill] = plan_utility_bills([tree], [MAR], WHOLE, PAYERS, {}, ISSUED).bills
    assert bill.charge == "water" and bill.amount == D("2100.00")
    assert [(x.explanation["band"], x.explanation["quantity"], x.explanation["measure"],
             x.amount) for x in bill.lines] == [
        ({"band": "1", "from": "0", "up_to": "300"}, "300.000", "m³", D("1680.00")),
        ({"band": "2", "from": "300", "up_to": ""}, "50.000", "m³", D("420.00"))]


def test_a_share_line_explains_itself_and_the_shares_add_up_to_the_statement():
    tree = _tree(_march(main=1003, a=300, b=500, lift=50), {"M": NamedTariff(
        "一般工商业", (FlatTariff(date(2026, 1, 1), D("0.9871")),))})
    plan = plan_utility_bills([tree], [MAR], WHOLE, PAYERS, {}, ISSUED)
    shares = [x.explanation for b in plan.bills for x in b.lines
              if x.explanation["source"] == "share"]
    s = statement("M", list(tree.meters), list(tree.readings), MARCH,
                  Basis(BasisKind.AREA, {"101": D(100), "102": D(100)}),
                  list(tree.tariffs["M"].versions), PLACES)
    for said in shares:
        assert (said["main"], D(said["main_use"]), D(said["subs"]), D(said["common"])) == (
            "MAIN", D(1003), D(850), D(50))
        assert D(said["main_use"]) - D(said["subs"]) + D(said["common"]) == \
            D(said["shared"]) == D(203)
        assert (said["basis"], said["weight"], said["denominator"]) == ("area", "100", "200")
        assert D(said["charge"]) == s.amount == D("200.38")  # 203 × 0.9871
    assert sum((D(x["quantity"]) for x in shares), D(0)) == s.shared
    assert sum((D(x["amount"]) for x in shares), D(0)) == s.amount  # to the cent


def test_a_missing_reading_a_fault_or_no_tariff_holds_the_bill_with_its_reason():
    no_close = [r for r in _march() if not (r.meter_id == "b" and r.read_on == APR)]
    plan = plan_utility_bills([_tree(no_close)], [MAR], WHOLE, PAYERS, {}, ISSUED)
    assert plan.bills == ()
    assert sorted((s.contract_code, s.code, s.params["meter"]) for s in plan.skipped) == [
        ("C1", "reading-missing", "E-102"), ("C2", "reading-missing", "E-102")]
    assert plan.skipped[0].params["month"] == "2026-03"
    fall = [*_march(), _r("a", APR, 200), _r("a", MAR, 250)]  # both corrected: a fall
    plan = plan_utility_bills([_tree(fall)], [MAR], WHOLE, PAYERS, {}, ISSUED)
    assert ("C1", "reading-flag", "E-101", "negative") in {
        (s.contract_code, s.code, s.params["meter"], s.params.get("flag")) for s in plan.skipped}
    plan = plan_utility_bills([_tree(_march(), {})], [MAR], WHOLE, PAYERS, {}, ISSUED)
    assert {(s.contract_code, s.code, s.params["meter"]) for s in plan.skipped} == {
        ("C1", "no-tariff", "E-101, MAIN"), ("C2", "no-tariff", "E-102, MAIN")}
    late = NamedTariff("一般工商业", (FlatTariff(date(2026, 3, 2), D(1)),))
    plan = plan_utility_bills([_tree(_march(), {"M": late})], [MAR], WHOLE, PAYERS, {},
                              ISSUED)
    assert {s.params.get("from") for s in plan.skipped} == {"2026-03-02"}
    tou = NamedTariff("峰谷", (TouTariff(date(2026, 1, 1), {"peak": D(1)}),))
    plan = plan_utility_bills([_tree(_march(), {"a": tou, "M": FLAT})], [MAR], WHOLE,
                              PAYERS, {}, ISSUED)
    assert [(s.code, s.params["register"]) for s in plan.skipped] == [
        ("tariff-register", "total")]
    assert [b.contract_id for b in plan.bills] == ["c2"]  # the other unit bills


def test_a_spike_bills_with_a_note():
    history = [_r("a", date(2025, m, 1), 100 * (m - 8)) for m in range(9, 13)]
    readings = [*history, _r("a", date(2026, 1, 1), 500), _r("a", FEB, 600),
                _r("a", MAR, 700), _r("a", APR, 2700)]  # 100 a month, then 2,000
    meters = [Meter("a", "E-101", E, None, "101")]
    [bill] = plan_utility_bills([_tree(readings, {"a": FLAT}, meters)], [MAR], WHOLE,
                                PAYERS, {}, ISSUED).bills
    assert bill.amount == D("2000.00")
    [note] = bill.notes
    assert (note.code, note.params["meter"], note.params["on"]) == (
        SPIKE_NOTE, "E-101", "2026-04-01")
    assert note.code == "utility-spike"  # its own note, not rent's provisional ones
    # 2,000 kWh over 31 days against 100 a month before (the median day 3.28 kWh)
    assert (note.params["per_day"], note.params["median"], note.params["times"]) == (
        "64.516", "3.28", "19.7")


def test_a_units_bill_says_it_took_no_share_of_a_supply_it_was_not_connected_to():
    """Unit 102's meter under MAIN is installed only in April, so in March it takes no share
    of MAIN's 公摊 (101 takes it all, as the statement says); its other meter, E-102X on a
    supply of its own, bills it, and the bill carries a note saying so. Unit 101's bill,
    connected, has no note."""
    meters = [Meter("M", "MAIN", E), Meter("a", "E-101", E, "M", "101"),
              Meter("b", "E-102", E, "M", "102", installed_on=APR),
              Meter("L", "LIFT", E, "M"), Meter("x", "E-102X", E, None, "102")]
    readings = [_r(m, day, v) for m, ends in (("M", 1000), ("a", 300), ("L", 50), ("x", 70))
                for day, v in ((MAR, 0), (APR, ends))]
    tree = _tree(readings, {"M": FLAT, "x": FLAT}, meters)
    bills = {b.contract_id: b for b in plan_utility_bills(
        [tree], [MAR], WHOLE, PAYERS, {}, ISSUED).bills}
    assert bills["c1"].amount == D("1000.00") and bills["c1"].notes == ()  # 300 + all 700
    assert bills["c2"].amount == D("70.00")
    [note] = bills["c2"].notes
    assert (note.code, note.params) == (LEFT_OUT_NOTE, {
        "unit": "A-102", "meter": "MAIN", "utility": "electricity", "month": "2026-03",
        "reasons": "not-installed 2026-04-01 E-102"})


def test_a_changed_amount_is_adjusted_and_an_equal_one_exists():
    first = plan_utility_bills([_tree(_march())], [MAR], WHOLE, PAYERS, {}, ISSUED)
    billed = {b.contract_id: {(MAR, "electricity"): BilledKey(b.id, b.amount, 0)}
              for b in first.bills}
    again = plan_utility_bills([_tree(_march())], [MAR], WHOLE, PAYERS, billed, ISSUED)
    assert again.bills == () and set(again.existing) == {b.id for b in first.bills}
    corrected = _tree([*_march(), _r("a", APR, 320)])  # E-101's April reading corrected
    later = plan_utility_bills([corrected], [APR], WHOLE, PAYERS, billed, date(2026, 4, 26),
                               lookback=[MAR])
    assert later.existing == ()  # March is not the run's own month
    adjustments = {b.contract_id: b for b in later.bills}
    one = adjustments["c1"]
    assert (one.number, one.kind, one.corrects, one.amount) == (
        "C1/2026-03-01/electricity/A1", "adjustment", first.bills[0].id, D("10.00"))
    said = one.lines[0].explanation
    assert (said["billed"], said["now"]) == ("400.00", "410.00")
    assert [x["explanation"]["source"] for x in said["lines"]] == ["meter", "share"]
    assert adjustments["c2"].amount == D("-10.00")  # 20 kWh less shared: a credit
    billed["c1"][(MAR, "electricity")] = BilledKey(first.bills[0].id, D("410.00"), 1)
    billed["c2"][(MAR, "electricity")] = BilledKey(first.bills[1].id, D("590.00"), 1)
    assert plan_utility_bills([corrected], [APR], WHOLE, PAYERS, billed, ISSUED,
                              lookback=[MAR]).bills == ()


def test_a_unit_nobody_held_is_not_billed():
    plan = plan_utility_bills([_tree(_march())], [MAR], WHOLE[:1], PAYERS, {}, ISSUED)
    assert [b.contract_id for b in plan.bills] == ["c1"]
    [vacant] = plan.skipped
    assert (vacant.code, vacant.contract_code, vacant.params["unit"], vacant.params["quantity"],
            vacant.params["amount"]) == ("vacant-use", "", "A-102", "600.000", "600.00")


# -- the property: billed + the landlord's = the priced use of every unit ---------------------


@st.composite
def _parks(draw: st.DrawFn) -> dict:
    """A main meter, maybe a distribution meter, 1–4 units and maybe a common meter, a
    month's travel on each leaf and some loss on each feeding meter; each unit held by
    up to two contracts for any days of March, or by none. A unit's meter may have service
    dates: in service from 1 March or up to 1 April (connected), or removed by 1 March or
    installed on 1 April (not connected: it used nothing and takes no share). The main may
    be replaced in March by MAIN-2 (its tariff left on MAIN), each record measuring its
    part, its sub meters hanging under either."""
    units = draw(st.integers(1, 4))
    swap = date(2026, 3, draw(st.integers(2, 31))) if draw(st.integers(0, 2)) == 0 else None
    meters = [Meter("M", "MAIN", E, removed_on=swap)]
    tops = ["M"]
    if swap is not None:
        meters.append(Meter("M2", "MAIN-2", E, installed_on=swap, replaces="M"))
        tops.append("M2")
    feeding = list(tops)
    if draw(st.booleans()):
        meters.append(Meter("F", "FLOOR", E, draw(st.sampled_from(tops))))
        feeding.append("F")
    travel: dict[str, Decimal] = {}
    for u in range(units):
        dates = draw(st.sampled_from([{}, {}, {"installed_on": MAR}, {"removed_on": APR},
                                      {"removed_on": MAR}, {"installed_on": APR}]))
        meters.append(Meter(f"u{u}", f"E-{u}", E, draw(st.sampled_from(feeding)), f"{u}",
                            D(draw(st.sampled_from([1, 1, 40]))), **dates))
        connected = in_service(meters[-1], MARCH)
        travel[f"u{u}"] = D(draw(st.integers(0, 50_000))) / 10 if connected else D(0)
    if draw(st.booleans()):
        meters.append(Meter("L", "LIFT", E, draw(st.sampled_from(feeding))))
        travel["L"] = D(draw(st.integers(0, 5_000))) / 10
    loss = {f: D(draw(st.integers(0, 3_000))) / 10 for f in feeding}
    holds = []
    for u in range(units):
        for n in range(draw(st.integers(0, 2))):
            first = draw(st.integers(-5, 31))
            last = draw(st.integers(first, 40))
            holds.append(Hold(f"c{u}{n}", f"{u}", MAR + timedelta(days=first),
                              MAR + timedelta(days=last)))
    change = draw(st.integers(0, 31))
    versions = [FlatTariff(date(2026, 1, 1), D(draw(st.integers(1, 20_000))) / 10_000)]
    if change:
        versions.append(FlatTariff(MAR + timedelta(days=change - 1),
                                   D(draw(st.integers(1, 20_000))) / 10_000))
    areas = {f"{u}": D(draw(st.integers(1, 50_000))) / 100 for u in range(units)}
    loss.pop("M2", None)  # the main's loss is the position's, once
    return {"meters": meters, "travel": travel, "loss": loss, "holds": holds,
            "tariff": NamedTariff("t", tuple(versions)), "areas": areas, "swap": swap,
            "old_part": D(draw(st.integers(0, 100))) / 100}


def _used(meter: Meter, park: dict) -> Decimal:
    """What the meter's position used: a replaced main's records together."""
    if meter.id in park["travel"]:
        return park["travel"][meter.id] * meter.multiplier
    ids = {"M", "M2"} if meter.id in ("M", "M2") else {meter.id}
    return sum((_used(m, park) for m in park["meters"] if m.parent_id in ids),
               D(0)) + park["loss"]["M" if "M" in ids else meter.id]


@settings(max_examples=40, deadline=None)
@given(park=_parks())
def test_billed_and_the_landlords_add_up_to_every_units_priced_use(park):
    meters = park["meters"]
    readings = []
    for m in meters:
        if park["swap"] is not None and m.id in ("M", "M2"):
            continue
        dial = _used(m, park) / m.multiplier
        readings += [_r(m.id, MAR, 0), _r(m.id, APR, str(dial))]
    if park["swap"] is not None:  # MAIN up to its final, MAIN-2 from its initial
        main = _used(meters[0], park)
        old = main * park["old_part"]
        readings += [_r("M", MAR, 0), Reading("M", park["swap"], "total", old, ReadingKind.FINAL),
                     Reading("M2", park["swap"], "total", D(0), ReadingKind.INITIAL),
                     _r("M2", APR, str(main - old))]
    tree = UtilityTree(E, tuple(meters), tuple(readings), {}, park["areas"],
                       {"M": park["tariff"]}, {u: f"U-{u}" for u in park["areas"]})
    payers = {h.contract_id: Payer(h.contract_id, h.contract_id.upper())
              for h in park["holds"]}
    plan = plan_utility_bills([tree], [MAR], park["holds"], payers, {}, ISSUED)
    assert not [s for s in plan.skipped if s.code != "vacant-use"]
    billed = sum((b.amount for b in plan.bills), D(0))
    vacant = sum((D(s.params["amount"]) for s in plan.skipped), D(0))
    versions = list(park["tariff"].versions)
    # Each unit's own meter priced alone, and each feeding meter's shared use priced as
    # its statement prices it: the same tariff, the same rounding at the line.
    own = sum((price(versions, {"total": _used(m, park)}, MARCH).amount
               for m in meters if m.unit_id is not None), D(0))
    shared = D(0)
    tops = {"M", "M2"}
    for f in ("M", "F"):  # the main's position (its records together), the floor
        if f == "F" and not any(m.parent_id == "F" for m in meters):
            continue
        below = {m.unit_id for m in meters if m.unit_id is not None and (
            m.parent_id == f or (f == "M" and m.parent_id in {*tops, "F"}))}
        basis = Basis(BasisKind.AREA, {u: park["areas"][u] for u in below})
        shared += statement(f, meters, readings, MARCH, basis, versions, PLACES).amount
    assert billed + vacant == own + shared
    for bill in plan.bills:
        assert bill.amount == sum((x.amount for x in bill.lines), D(0)) > 0
    uses = priced_use(tree, MARCH)
    assert sum((x.amount for u in uses.values() for x in u.lines), D(0)) == own + shared
    for m in meters:  # a unit not connected in March: no line of its own, no share
        if m.unit_id is not None and not in_service(m, MARCH):
            assert m.unit_id not in uses or not uses[m.unit_id].lines
