"""``rent_schedule(…, starting=True)``: a billing run's lines, the periods starting in its range.

A run bills a period in the run whose range holds its first day, so it asks
only for those (issue 12's speed goal: half a park's contracts have none in a
month). The lines must be exactly the window's lines that start in it, and
the problems exactly the window's, in their order: the period running into
the window is not computed, yet turnover's missing sales of its months are
still said, where its line would have said them.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.leasing.clauses import (
    Cycle,
    DueKind,
    DueRule,
    Escalation,
    EscalationKind,
    RentFree,
    RentTerms,
    Turnover,
)
from domain.leasing.schedule import rent_schedule
from tests.domain.test_schedule_oracle import contracts

D = Decimal


def _windowed(terms: RentTerms, first: date, last: date):  # type: ignore[no-untyped-def]
    lines, problems = rent_schedule(terms, within=(first, last))
    return [x for x in lines if x.starts_on >= first], problems


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(contracts(), st.integers(-60, 1200), st.one_of(st.integers(0, 31), st.integers(0, 400)))
def test_the_periods_starting_in_the_window_and_every_problem(
        terms: RentTerms, offset: int, length: int) -> None:
    first = terms.starts_on + timedelta(days=offset)
    last = first + timedelta(days=length)
    lines, problems = rent_schedule(terms, within=(first, last), starting=True)
    expected_lines, expected_problems = _windowed(terms, first, last)
    assert lines == expected_lines
    assert problems == expected_problems  # clause problems whole, in the same order


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(contracts(turnover=True), st.integers(-60, 1200),
       st.one_of(st.integers(0, 31), st.integers(0, 400)))
def test_turnover_says_the_missing_sales_of_the_period_running_into_the_window_too(
        terms: RentTerms, offset: int, length: int) -> None:
    first = terms.starts_on + timedelta(days=offset)
    last = first + timedelta(days=length)
    lines, problems = rent_schedule(terms, within=(first, last), starting=True)
    expected_lines, expected_problems = _windowed(terms, first, last)
    assert lines == expected_lines
    assert problems == expected_problems


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(contracts(), contracts(turnover=True)), st.integers(-60, 1200),
       st.integers(0, 1500), st.integers(-60, 1500), st.booleans())
def test_lines_from_a_day_leave_out_the_periods_ending_before_it_and_no_problem(
        terms: RentTerms, offset: int, length: int, skip: int, starting: bool) -> None:
    """``lines_from`` does not compute the periods ending before it (with ``starting`` or
    not): the other lines and every problem, missing sales included, are the window's."""
    first = terms.starts_on + timedelta(days=offset)
    within = (first, first + timedelta(days=length))
    day = terms.starts_on + timedelta(days=skip)
    lines, problems = rent_schedule(terms, within=within, starting=starting)
    assert rent_schedule(terms, within=within, starting=starting, lines_from=day) == (
        [x for x in lines if x.ends_on >= day], problems)


def test_a_quarter_running_into_the_month_is_not_computed_and_its_problems_still_said() -> None:
    """A quarter from 1 November: December's run computes nothing, yet says what is wrong
    with the clauses (a CPI year not known, a rent-free period outside the term, a due day
    that does not exist), as the whole schedule does."""
    terms = RentTerms(D(100), D(90), date(2025, 11, 1), date(2028, 10, 31),
                      cycle=Cycle.QUARTERLY,
                      rent_free=(RentFree(date(2025, 10, 1), date(2025, 11, 30)),),
                      escalation=Escalation(EscalationKind.CPI_CHANGE,
                                            index={2024: D(100), 2025: D(102)}),
                      due=DueRule(DueKind.DAY_OF_MONTH, 40))
    december = (date(2026, 12, 1), date(2026, 12, 31))
    lines, problems = rent_schedule(terms, within=december, starting=True)
    assert lines == []
    assert problems == rent_schedule(terms, within=december)[1]
    assert [p.code for p in problems] == ["rent-free-outside-term", "cpi-unknown",
                                          "cpi-unknown", "due-day-invalid"]
    assert [p.params["year"] for p in problems if p.code == "cpi-unknown"] == ["2026", "2027"]
    # February's run bills the quarter starting in it, at 2026's CPI price (2027 unknown:
    # no floor, so no change)
    february = rent_schedule(terms, within=(date(2027, 2, 1), date(2027, 2, 28)),
                             starting=True)[0]
    assert [(x.starts_on, x.ends_on, x.amount) for x in february] == [
        (date(2027, 2, 1), date(2027, 4, 30), D("27540.00"))]


def test_a_window_before_the_term_starts_its_first_period() -> None:
    terms = RentTerms(D(50), D(80), date(2026, 12, 10), date(2027, 12, 9))
    lines, problems = rent_schedule(terms, within=(date(2026, 12, 1), date(2026, 12, 31)),
                                    starting=True)
    assert [(x.starts_on, x.ends_on, x.amount) for x in lines] == [
        (date(2026, 12, 10), date(2027, 1, 9), D("4000.00"))]
    assert problems == []


def test_a_turnover_quarter_running_into_the_month_says_its_months_without_sales() -> None:
    """A quarter from 1 November, sales reported for November only: December's run
    computes no line, and says December's and January's sales are missing (the whole
    window would: the quarter's line reckons each of its months)."""
    terms = RentTerms(D(100), D(90), date(2026, 11, 1), date(2027, 10, 31),
                      cycle=Cycle.QUARTERLY,
                      turnover=Turnover(D("0.08"), sales={date(2026, 11, 1): D(500000)}))
    december = (date(2026, 12, 1), date(2026, 12, 31))
    lines, problems = rent_schedule(terms, within=december, starting=True)
    assert lines == []
    assert [(p.code, p.params["month"]) for p in problems] == [
        ("sales-missing", "2026-12-01"), ("sales-missing", "2027-01-01")]
    assert problems == rent_schedule(terms, within=december)[1]


def test_without_a_window_starting_changes_nothing() -> None:
    terms = RentTerms(D(50), D(80), date(2026, 1, 15), date(2026, 6, 30),
                      turnover=Turnover(D("0.08"), sales={date(2026, 2, 1): D(100000)}))
    assert rent_schedule(terms, starting=True) == rent_schedule(terms)
