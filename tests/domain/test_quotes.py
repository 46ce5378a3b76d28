"""A quote's figures come from the contract engine, and a quote becomes exactly its terms."""

from __future__ import annotations

import doctest
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import domain.leasing.quotes
from domain.leasing.clauses import (
    Basis,
    Cycle,
    Escalation,
    EscalationKind,
    RentFree,
    RentFreeKind,
    RentTerms,
)
from domain.leasing.quotes import QuoteTerms, quote_figures, quote_to_terms
from domain.leasing.schedule import add_months, rent_schedule
from domain.money import money

D = Decimal
FIVE_A_YEAR = Escalation(EscalationKind.FIXED_PERCENT, percent=D(5))
EXAMPLE_A = QuoteTerms(D(200), D(100), date(2026, 3, 1), date(2029, 2, 28), rent_free_months=3,
                       escalation=FIVE_A_YEAR, cycle=Cycle.QUARTERLY)


def test_the_module_example():
    assert doctest.testmod(domain.leasing.quotes).failed == 0


def test_example_a_as_a_quote():
    figures = quote_figures(EXAMPLE_A)
    assert [str(line.amount) for line in figures.lines] == (
        ["0.00"] + ["60000.00"] * 3 + ["63000.00"] * 4 + ["66150.00"] * 4)
    assert figures.total_rent == D("696600.00")
    assert figures.net_effective_rent == D("96.75")  # 696,600 / 36 / 200
    assert figures.first_year_rent == D("180000.00")  # three months free, then nine at 20,000
    assert figures.months == D(36) and figures.problems == () and figures.discounted_ner is None


def test_a_quote_becomes_its_draft_contracts_terms_exactly():
    terms = quote_to_terms(EXAMPLE_A)
    assert terms == RentTerms(
        D(200), D(100), date(2026, 3, 1), date(2029, 2, 28), cycle=Cycle.QUARTERLY,
        rent_free=(RentFree(date(2026, 3, 1), date(2026, 5, 31), RentFreeKind.FIT_OUT),),
        escalation=FIVE_A_YEAR)
    assert tuple(rent_schedule(terms)[0]) == quote_figures(EXAMPLE_A).lines
    # rent-free of another kind, from a start late in a month: months count from its day
    other = QuoteTerms(D(80), D(120), date(2026, 1, 31), date(2027, 1, 30), rent_free_months=1,
                       rent_free_kind=RentFreeKind.OTHER)
    assert quote_to_terms(other).rent_free == (
        RentFree(date(2026, 1, 31), date(2026, 2, 27), RentFreeKind.OTHER),)
    assert quote_to_terms(QuoteTerms(D(80), D(120), date(2026, 1, 1),
                                     date(2026, 12, 31))).rent_free == ()


def test_a_term_with_a_partial_month():
    # example B's dates from the term's start: twelve whole months
    b = quote_figures(QuoteTerms(D(150), D(80), date(2026, 4, 10), date(2027, 4, 9)))
    assert b.total_rent == D("144000.00") and b.months == D(12)
    assert b.net_effective_rent == D("80.00") and b.first_year_rent == D("144000.00")
    # ten days more: 12 months and 10 of May 2027's 30 (10 April to 9 May) days
    longer = quote_figures(QuoteTerms(D(150), D(80), date(2026, 4, 10), date(2027, 4, 19)))
    assert longer.months == 12 + D(10) / 30
    assert longer.total_rent == D("148000.00")  # 144,000 + 12,000 × 10 / 30
    assert longer.first_year_rent == D("144000.00")


def test_rent_free_beyond_the_term_is_a_problem_not_an_error():
    figures = quote_figures(QuoteTerms(D(100), D(50), date(2026, 1, 1), date(2026, 6, 30),
                                       rent_free_months=9))
    assert [p.code for p in figures.problems] == ["rent-free-outside-term"]
    assert figures.total_rent == D("0.00")
    with pytest.raises(ValueError):
        QuoteTerms(D(100), D(50), date(2026, 1, 1), date(2026, 6, 30), rent_free_months=-1)


def test_discounted_net_effective_rent():
    level = QuoteTerms(D(100), D(100), date(2026, 1, 1), date(2027, 12, 31))
    # level rent paid monthly in advance: its discounted NER is the rent itself, at any rate
    for rate_ in ("0", "0.05", "0.12"):
        assert quote_figures(level, D(rate_)).discounted_ner == D("100.00")
    # the same paid quarterly in advance is paid earlier: worth a little more
    quarterly = QuoteTerms(D(100), D(100), date(2026, 1, 1), date(2027, 12, 31),
                           cycle=Cycle.QUARTERLY)
    assert D("100.00") < quote_figures(quarterly, D("0.08")).discounted_ner < D("101.00")
    # at 0 % the discounted NER is the plain one; rent-free first and raises later weigh
    # less than the plain average once money has a price
    assert quote_figures(EXAMPLE_A, D(0)).discounted_ner == D("96.75")
    at_8 = quote_figures(EXAMPLE_A, D("0.08")).discounted_ner
    assert at_8 is not None and at_8 < D("96.75")
    assert at_8 == _discounted_by_hand(EXAMPLE_A, 0.08)


def _discounted_by_hand(q: QuoteTerms, yearly: float) -> Decimal:
    """The discounted NER in floats, payment by payment: the test's own reckoning."""
    lines, _ = rent_schedule(quote_to_terms(q))
    v = lambda day: (1 + yearly) ** (-(day - q.starts_on).days / 365)  # noqa: E731
    value = sum(float(line.amount) * v(line.due_on) for line in lines)
    months = [q.starts_on]
    while (nxt := add_months(q.starts_on, len(months), q.starts_on.day)) <= q.ends_on:
        months.append(nxt)
    annuity = sum(v(day) for day in months)
    return money(str(round(value / annuity / float(q.area), 6)))


@given(area=st.decimals(min_value=D(10), max_value=D(5000), places=2),
       price=st.decimals(min_value=D(1), max_value=D(400), places=2),
       start=st.dates(date(2025, 1, 1), date(2030, 12, 31)),
       months=st.integers(1, 72), data=st.data())
def test_free_months_cost_exactly_their_months(area, price, start, months, data):
    free = data.draw(st.integers(0, months))
    q = QuoteTerms(area, price, start, add_months(start, months, start.day) - timedelta(days=1),
                   rent_free_months=free)
    figures = quote_figures(q)
    monthly = money(area * price)
    assert figures.problems == ()
    assert figures.months == months
    assert figures.total_rent == monthly * (months - free)
    assert figures.first_year_rent == monthly * (min(months, 12) - min(free, 12))
    assert figures.net_effective_rent == money(monthly * (months - free) / months / area)
    assert len(figures.lines) == months and all(
        line.amount == (0 if k < free else monthly) for k, line in enumerate(figures.lines))


def test_a_daily_price_quote():
    q = QuoteTerms(D(300), D(4), date(2027, 1, 1), date(2027, 12, 31), basis=Basis.PER_SQM_DAY,
                   rent_free_months=1)
    figures = quote_figures(q)
    assert figures.total_rent == D(300) * 4 * (365 - 31)  # January free, the rest by day
    assert figures.lines[1].amount == D("33600.00")  # February: 28 days
