"""Amendments: the schedule of a contract's versions joined at their dates, by hand-computed
figures; earlier versions stay readable; what an amendment changes."""

from __future__ import annotations

import doctest
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

import domain.leasing.versions
from domain.assets import UnitType
from domain.leasing.clauses import (
    Basis,
    Charge,
    ChargeKind,
    Cycle,
    Escalation,
    EscalationKind,
    RentFree,
    RentFreeKind,
    RentFreeRule,
    RentTerms,
    Turnover,
)
from domain.leasing.contract import ContractSpec, LetUnit
from domain.leasing.schedule import RENT, Problem, Reason, rent_schedule, total
from domain.leasing.versions import Change, Version, amended_schedule, version_changes

D = Decimal
DAY = timedelta(days=1)


def spec(terms: RentTerms, units: tuple[LetUnit, ...] | None = None) -> ContractSpec:
    units = units or (LetUnit("u1", "ZD-A-0301", terms.area),)
    return ContractSpec("C-1", "T-1", "Acme", UnitType.OFFICE, terms.starts_on - 20 * DAY,
                        units, terms, delivered_on=terms.starts_on)


def versions(*terms: RentTerms, dates: tuple[date, ...]) -> list[Version]:
    first = Version(1, terms[0].starts_on, spec(terms[0]), "signed")
    return [first] + [Version(n + 2, when, spec(t), "amendment")
                      for n, (t, when) in enumerate(zip(terms[1:], dates, strict=True))]


def figures(lines) -> list[tuple[str, str, str]]:
    return [(x.starts_on.isoformat(), x.ends_on.isoformat(), str(x.amount)) for x in lines]


def test_the_module_example():
    assert doctest.testmod(domain.leasing.versions).failed == 0


# Example A of issue 11: 200 m² at 100.00, quarterly from 2026-03-01, fit-out free to May, +5 %.
EXAMPLE_A = RentTerms(D(200), D(100), date(2026, 3, 1), date(2029, 2, 28), cycle=Cycle.QUARTERLY,
                      rent_free=(RentFree(date(2026, 3, 1), date(2026, 5, 31),
                                          RentFreeKind.FIT_OUT),),
                      escalation=Escalation(EscalationKind.FIXED_PERCENT, percent=D(5)))


def test_one_version_is_its_own_schedule():
    lines, problems = amended_schedule(versions(EXAMPLE_A, dates=()))
    assert (lines, problems) == rent_schedule(EXAMPLE_A)
    assert total(lines) == D("696600.00")


def test_a_rent_amendment_in_the_middle_of_a_quarter():
    """From 16 October 2026 the rate is 120.00: the Sep–Nov quarter is split there.

    Before: September 20,000.00 + 1–15 October 15/31 × 20,000.00 = 29,677.42.
    From: the quarter at 120.00 is 72,000.00, less 1 September–15 October at 120.00
    (24,000.00 + 15/31 × 24,000.00 = 35,612.90): 36,387.10, which is 16–31 October
    16/31 × 24,000.00 = 12,387.10 plus November 24,000.00. The +5 % anniversaries still
    fall on 1 March, compounding the new rate: 25,200.00 then 26,460.00 a month.
    """
    amended = replace(EXAMPLE_A, rate=D(120))
    lines, problems = amended_schedule(versions(EXAMPLE_A, amended, dates=(date(2026, 10, 16),)))
    assert problems == []
    assert figures(lines[:5]) == [
        ("2026-03-01", "2026-05-31", "0.00"),
        ("2026-06-01", "2026-08-31", "60000.00"),
        ("2026-09-01", "2026-10-15", "29677.42"),
        ("2026-10-16", "2026-11-30", "36387.10"),
        ("2026-12-01", "2027-02-28", "72000.00"),
    ]
    assert [str(x.amount) for x in lines[5:]] == ["75600.00"] * 4 + ["79380.00"] * 4
    assert total(lines) == D("817984.52")
    assert lines[2].due_on == date(2026, 9, 1) and lines[3].due_on == date(2026, 10, 16)
    amendment = Reason("amendment", {"version": "2", "from": "2026-10-16"})
    assert amendment not in lines[2].reasons and amendment in lines[3].reasons
    assert all(amendment in x.reasons for x in lines[3:])
    [split] = [r for r in lines[3].reasons if r.code == "split"]
    assert split.params == {"period_starts_on": "2026-09-01", "period_ends_on": "2026-11-30",
                            "starts_on": "2026-10-16", "ends_on": "2026-11-30",
                            "amount_to_end": "72000.00", "amount_before": "35612.90"}


def test_version_one_stays_readable_after_version_two():
    amended = replace(EXAMPLE_A, rate=D(120))
    history = versions(EXAMPLE_A, amended, dates=(date(2026, 10, 16),))
    amended_schedule(history)
    assert amended_schedule(history[:1]) == rent_schedule(EXAMPLE_A)
    assert total(amended_schedule(history[:1])[0]) == D("696600.00")
    assert history[0].spec.terms == EXAMPLE_A


def test_an_amendment_extending_the_term():
    """A year from March 2026 at 10,000.00 a month; from January 2027 the term runs to
    February 2028 and steps to 110.00 from March 2027: 12 × 10,000.00 + 12 × 11,000.00."""
    first = RentTerms(D(100), D(100), date(2026, 3, 1), date(2027, 2, 28))
    longer = replace(first, ends_on=date(2028, 2, 29), escalation=Escalation(
        EscalationKind.STEPPED, steps=((date(2027, 3, 1), D(110)),)))
    lines, problems = amended_schedule(versions(first, longer, dates=(date(2027, 1, 1),)))
    assert problems == []
    assert [str(x.amount) for x in lines] == ["10000.00"] * 12 + ["11000.00"] * 12
    assert (lines[-1].starts_on, lines[-1].ends_on) == (date(2028, 2, 1), date(2028, 2, 29))
    assert total(lines) == D("252000.00")
    assert [r.code for r in lines[9].reasons] == ["base"]  # December 2026: still version 1
    assert "amendment" in [r.code for r in lines[10].reasons]
    assert version_changes(spec(first), spec(longer)) == [
        Change("ends_on", date(2027, 2, 28), date(2028, 2, 29)),
        Change("terms.escalation", None, longer.escalation)]


def test_an_amendment_shortening_the_term_bills_nothing_after_the_new_end():
    first = RentTerms(D(100), D(100), date(2026, 3, 1), date(2027, 2, 28))
    shorter = replace(first, ends_on=date(2026, 9, 15))
    lines, _ = amended_schedule(versions(first, shorter, dates=(date(2026, 9, 1),)))
    assert figures(lines[-2:]) == [("2026-08-01", "2026-08-31", "10000.00"),
                                   ("2026-09-01", "2026-09-15", "5000.00")]


def test_rent_months_stay_anchored_on_the_original_start_day():
    """A term from 10 January bills 10 January–9 February (31 days) as its month; from 5
    February the rent is 120.00. Before: 26 days of 31 at 10,000.00 = 8,387.10; from: 5 of
    31 at 12,000.00 = 1,935.48 (moving the start would have made it 5 of 28: 2,142.86)."""
    first = RentTerms(D(100), D(100), date(2026, 1, 10), date(2026, 12, 9))
    lines, _ = amended_schedule(versions(first, replace(first, rate=D(120)),
                                         dates=(date(2026, 2, 5),)))
    assert figures(lines[:3]) == [("2026-01-10", "2026-02-04", "8387.10"),
                                  ("2026-02-05", "2026-02-09", "1935.48"),
                                  ("2026-02-10", "2026-03-09", "12000.00")]


def test_a_charge_is_split_like_the_rent():
    """A property fee of 5.00 per m² (500.00 a month) stays; the rent changes on 16 October:
    the fee bills 15/31 × 500.00 = 241.94, then the rest of October's 500.00, 258.06."""
    fee = (Charge(ChargeKind.PROPERTY_FEE, D(5)),)
    first = RentTerms(D(100), D(90), date(2026, 3, 1), date(2027, 2, 28), charges=fee)
    lines, _ = amended_schedule(versions(first, replace(first, rate=D(120)),
                                         dates=(date(2026, 10, 16),)))
    october = [(x.charge, x.starts_on.day, str(x.amount)) for x in lines
               if x.starts_on.month == 10 and x.starts_on.year == 2026]
    assert october == [("rent", 1, "4354.84"), ("property_fee", 1, "241.94"),
                       ("rent", 16, "6193.55"), ("property_fee", 16, "258.06")]


def test_thirty_day_months_keep_a_month_worth_one_months_rent():
    """October (31 days) with 30-day months, the rate raised from 90.00 to 120.00 on the 16th:
    15/30 × 9,000.00 = 4,500.00, then 12,000.00 − 15/30 × 12,000.00 = 6,000.00."""
    first = RentTerms(D(100), D(90), date(2026, 3, 1), date(2027, 2, 28), thirty_day_months=True)
    lines, _ = amended_schedule(versions(first, replace(first, rate=D(120)),
                                         dates=(date(2026, 10, 16),)))
    assert figures(lines[7:9]) == [("2026-10-01", "2026-10-15", "4500.00"),
                                   ("2026-10-16", "2026-10-31", "6000.00")]
    same, _ = amended_schedule(versions(first, first, dates=(date(2026, 10, 16),)))
    assert total(same) == total(rent_schedule(first)[0]) == D("108000.00")


def test_a_version_shorter_than_a_period_takes_its_middle():
    first = RentTerms(D(100), D(100), date(2026, 3, 1), date(2027, 2, 28), cycle=Cycle.QUARTERLY)
    lines, problems = amended_schedule(versions(
        first, replace(first, rate=D(110)), replace(first, rate=D(120)),
        dates=(date(2026, 4, 1), date(2026, 5, 1))))
    assert problems == []
    assert figures(lines[:4]) == [("2026-03-01", "2026-03-31", "10000.00"),
                                  ("2026-04-01", "2026-04-30", "11000.00"),
                                  ("2026-05-01", "2026-05-31", "12000.00"),
                                  ("2026-06-01", "2026-08-31", "36000.00")]
    assert Reason("amendment", {"version": "3", "from": "2026-05-01"}) in lines[3].reasons


def test_turnover_of_a_split_month_is_reckoned_once_on_the_part_from_the_amendment():
    """300 m² at 4.00 a day, 8 % above the natural breakpoint; from 16 January 5.00 a day.
    1–15 January: 15 × 1,200.00 = 18,000.00. From 16 January: 16 × 1,500.00 = 24,000.00, and
    the month's turnover at the new terms: (700,000 − 46,500 ÷ 0.08) × 8 % = 9,500.00."""
    sales = {date(2027, 1, 1): D(700000)}
    first = RentTerms(D(300), D(4), date(2027, 1, 1), date(2027, 3, 31), basis=Basis.PER_SQM_DAY,
                      calendar_periods=True, turnover=Turnover(D("0.08"), sales=sales))
    lines, _ = amended_schedule(versions(first, replace(first, rate=D(5)),
                                         dates=(date(2027, 1, 16),)))
    assert figures(lines[:2]) == [("2027-01-01", "2027-01-15", "18000.00"),
                                  ("2027-01-16", "2027-01-31", "33500.00")]
    assert "turnover" not in [r.code for r in lines[0].reasons]
    assert "turnover" in [r.code for r in lines[1].reasons]
    same, _ = amended_schedule(versions(first, first, dates=(date(2027, 1, 16),)))
    assert figures(same[:2]) == [("2027-01-01", "2027-01-15", "18000.00"),
                                 ("2027-01-16", "2027-01-31", "38000.00")]
    assert total(same) == total(rent_schedule(first)[0])


def test_a_later_versions_problems_replace_the_earlier_ones_for_its_days():
    cpi = Escalation(EscalationKind.CPI_CHANGE, index={2025: D(100), 2026: D(102)},
                     floor=D(1), cap=D(5))
    first = RentTerms(D(100), D(100), date(2026, 1, 1), date(2028, 12, 31), escalation=cpi)
    assert [p.params["year"] for p in rent_schedule(first)[1]] == ["2027"]
    fixed = replace(first, escalation=Escalation(EscalationKind.FIXED_PERCENT, percent=D(3)))
    _, problems = amended_schedule(versions(first, fixed, dates=(date(2027, 7, 1),)))
    assert problems == []  # 2028's index is no longer needed: version 2 bills 2028
    _, problems = amended_schedule(versions(first, fixed, dates=(date(2028, 7, 1),)))
    assert [p.code for p in problems] == ["cpi-unknown"]


def test_versions_out_of_order_and_days_no_version_bills():
    first = RentTerms(D(100), D(100), date(2026, 3, 1), date(2027, 2, 28))
    late = replace(first, starts_on=date(2026, 11, 1))
    _, problems = amended_schedule(versions(first, late, dates=(date(2026, 10, 16),)))
    assert problems == [Problem("amendment-gap", {"starts_on": "2026-10-16",
                                                  "ends_on": "2026-10-31"})]
    history = versions(first, first, first, dates=(date(2026, 10, 1), date(2026, 9, 1)))
    assert amended_schedule(history) == ([], [Problem("version-dates", {
        "version": "3", "effective_on": "2026-09-01", "previous": "2026-10-01"})])
    assert amended_schedule(history[::2])[1] == [Problem("version-numbers", {"numbers": "1,3"})]
    assert amended_schedule([]) == ([], [])
    ended = replace(first, ends_on=date(2026, 9, 15))
    assert amended_schedule(versions(first, ended, dates=(date(2026, 10, 1),))) == ([], [
        Problem("amendment-after-end", {"version": "2", "effective_on": "2026-10-01",
                                        "ends_on": "2026-09-15"})])


# -- what an amendment changes ----------------------------------------------------------


def test_version_changes_lists_the_area_rate_units_and_clauses():
    old = spec(EXAMPLE_A, (LetUnit("u1", "ZD-A-0301", D(120)), LetUnit("u2", "ZD-A-0302", D(80))))
    new_terms = replace(EXAMPLE_A, area=D(250), rate=D(95), rent_free_rule=RentFreeRule.LONGER_WINS)
    new = replace(spec(new_terms, (LetUnit("u1", "ZD-A-0301", D(100)),
                                   LetUnit("u3", "ZD-A-0303", D(150)))),
                  deposit=D("60000.00"), tenant_name="Acme Ltd")
    assert version_changes(old, new) == [
        Change("terms.area", D(200), D(250)),
        Change("terms.rate", D(100), D(95)),
        Change("units[ZD-A-0302]", LetUnit("u2", "ZD-A-0302", D(80)), None),
        Change("units[ZD-A-0303]", None, LetUnit("u3", "ZD-A-0303", D(150))),
        Change("billable_area[ZD-A-0301]", D(120), D(100)),
        Change("tenant", "Acme", "Acme Ltd"),
        Change("deposit", D("0.00"), D("60000.00")),
        Change("terms.rent_free_rule", RentFreeRule.STACK, RentFreeRule.LONGER_WINS),
    ]
    assert version_changes(old, old) == []


# -- the join never creates or loses a cent ---------------------------------------------

BASE = date(2026, 1, 1)


@st.composite
def contracts(draw: st.DrawFn) -> RentTerms:
    start = BASE + timedelta(days=draw(st.integers(0, 800)))
    end = start + timedelta(days=draw(st.integers(20, 900)))
    frees = []
    for _ in range(draw(st.integers(0, 2))):
        a = start + timedelta(days=draw(st.integers(0, (end - start).days)))
        b = min(end, a + timedelta(days=draw(st.integers(0, 120))))
        frees.append(RentFree(a, b))
    escalation = draw(st.sampled_from([
        None, Escalation(EscalationKind.FIXED_PERCENT, percent=D(5)),
        Escalation(EscalationKind.STEPPED, steps=((start + timedelta(days=100), D("88.5")),))]))
    return RentTerms(
        D(draw(st.integers(10, 900))), D(draw(st.integers(1, 200))), start, end,
        basis=draw(st.sampled_from(list(Basis))), cycle=draw(st.sampled_from(list(Cycle))),
        calendar_periods=draw(st.booleans()), thirty_day_months=draw(st.booleans()),
        rent_free=tuple(frees), rent_free_rule=draw(st.sampled_from(list(RentFreeRule))),
        escalation=escalation,
        charges=draw(st.sampled_from([(), (Charge(ChargeKind.PROPERTY_FEE, D("5.5")),)])))


@settings(max_examples=60, deadline=None)
@given(terms=contracts(), at=st.integers(1, 999), rate=st.integers(1, 200))
def test_an_amendment_splits_periods_without_creating_or_losing_a_cent(terms, at, rate):
    when = terms.starts_on + timedelta(days=max(1, (terms.ends_on - terms.starts_on).days
                                                * at // 1000))
    original, _ = rent_schedule(terms)
    same, problems = amended_schedule(versions(terms, terms, dates=(when,)))
    assert problems == []
    assert total(same) == total(original) and total(same, None) == total(original, None)
    # each original line (rent or charge) is its parts, cut at the amendment's date only
    for line in original:
        parts = [x for x in same if line.starts_on <= x.starts_on <= line.ends_on
                 and x.charge == line.charge]
        assert sum(x.amount for x in parts) == line.amount
        assert [x.starts_on for x in parts[1:]] in ([], [when])
    days = [(x.starts_on, x.ends_on) for x in same if x.charge == RENT]
    assert days[0][0] == terms.starts_on and days[-1][1] == terms.ends_on
    assert all(b[0] == a[1] + DAY for a, b in pairwise(days))
    # with another rate, whole periods come from one version or the other, unchanged
    changed = replace(terms, rate=D(rate))
    joined, _ = amended_schedule(versions(terms, changed, dates=(when,)))
    after, _ = rent_schedule(changed)
    assert [x for x in original if x.ends_on < when] == [
        x for x in joined if x.ends_on < when and not any(r.code == "split" for r in x.reasons)]
    assert [(x.starts_on, x.amount) for x in after if x.starts_on >= when] == [
        (x.starts_on, x.amount) for x in joined if x.starts_on >= when
        and not any(r.code == "split" for r in x.reasons)]


@settings(max_examples=60, deadline=None)
@given(terms=contracts(), at=st.integers(1, 999), since=st.integers(-40, 1500),
       rate=st.integers(1, 200), ended=st.integers(0, 1200))
def test_lines_since_a_day_are_the_whole_schedules_lines_from_it(terms, at, since, rate,
                                                                   ended):
    """``since`` leaves out the lines ending before it, nothing else: the others and the
    problems are the whole schedule's (terminated or not)."""
    days = (terms.ends_on - terms.starts_on).days
    when = terms.starts_on + timedelta(days=max(1, days * at // 1000))
    history = versions(terms, replace(terms, rate=D(rate)), dates=(when,))
    day = terms.starts_on + timedelta(days=since)
    for until in (None, terms.starts_on + timedelta(days=ended)):
        lines, problems = amended_schedule(history, until=until)
        assert amended_schedule(history, until=until, since=day) == (
            [x for x in lines if x.ends_on >= day], problems)


def test_lines_since_a_day_still_say_the_days_before_no_version_bills():
    first = RentTerms(D(100), D(100), date(2026, 3, 1), date(2027, 2, 28))
    late = replace(first, starts_on=date(2026, 11, 1))
    lines, problems = amended_schedule(versions(first, late, dates=(date(2026, 10, 16),)),
                                       since=date(2027, 1, 1))
    assert [x.starts_on for x in lines] == [date(2027, 1, 1), date(2027, 2, 1)]
    assert problems == [Problem("amendment-gap", {"starts_on": "2026-10-16",
                                                  "ends_on": "2026-10-31"})]


@given(st.sampled_from([Cycle.QUARTERLY, Cycle.HALF_YEARLY, Cycle.YEARLY]),
       st.integers(min_value=1, max_value=330), st.booleans())
@settings(max_examples=60, deadline=None)
def test_an_amended_turnover_lease_bills_each_month_as_its_monthly_twin(cycle, offset,
                                                                         calendar):
    """A period split by an amendment keeps the top-ups of the months that end before the
    amendment on the old terms and bills the rest on the new: on any cycle, the contract
    bills what the same lease billed monthly does, month for month."""
    start = date(2027, 1, 10)
    sales = {date(2027, m, 1): D(400_000 + 37_000 * m) for m in range(1, 13)}
    sales.update({date(2028, 1, 1): D(500_000)})
    old = RentTerms(D(100), D(150), start, date(2028, 1, 9), cycle=cycle,
                    calendar_periods=calendar, turnover=Turnover(D("0.08"), sales=sales))
    new = replace(old, rate=D(180))
    amended_on = start + offset * DAY

    def joined(c: Cycle, turnover: bool = True) -> list:
        a, b = (old, new) if turnover else (replace(old, turnover=None),
                                            replace(new, turnover=None))
        versions = [Version(1, start - 20 * DAY, spec(replace(a, cycle=c)), "signed"),
                    Version(2, amended_on, spec(replace(b, cycle=c)), "rent")]
        lines, problems = amended_schedule(versions)
        assert not [p for p in problems if p.code != "sales-missing"]
        return lines

    def top_ups(lines: list) -> list:
        return sorted((r.params["month"], D(r.params["amount"])) for x in lines
                      for r in x.reasons if r.code == "turnover")

    lines = joined(cycle)
    # The same months' top-ups as monthly lines, each once, on the same terms …
    assert top_ups(lines) == top_ups(joined(Cycle.MONTHLY))
    # … on top of the base rent the cycle bills without turnover (whose periods round
    # as the cycle's periods do).
    assert total(lines) == total(joined(cycle, turnover=False)) + sum(
        (a for _m, a in top_ups(lines)), D(0))


def test_a_quarter_amended_in_its_third_month_keeps_two_months_on_the_old_terms():
    start = date(2027, 1, 1)
    sales = {date(2027, m, 1): D(500_000) for m in range(1, 4)}
    old = RentTerms(D(100), D(150), start, date(2027, 12, 31), cycle=Cycle.QUARTERLY,
                    turnover=Turnover(D("0.08"), sales=sales))  # base 15,000.00 a month
    new = replace(old, rate=D(180))  # base 18,000.00
    lines, _ = amended_schedule([Version(1, start, spec(old), "signed"),
                                 Version(2, date(2027, 3, 1), spec(new), "rent")])
    first, second = [x for x in lines if x.starts_on < date(2027, 4, 1)]
    # January and February: 15,000.00 base + 25,000.00 top-up (8 % of 500,000 = 40,000).
    assert (first.starts_on, first.ends_on, first.amount) == (
        start, date(2027, 2, 28), D("80000.00"))
    # March on the new terms: 18,000.00 base + 22,000.00 top-up.
    assert (second.starts_on, second.amount) == (date(2027, 3, 1), D("40000.00"))
