"""A quote's figures (SPEC §4): what a proposal earns, computed by the contract's own engine.

A quote is the few terms a person proposes to a lead (area, price, term,
rent-free months from the start, escalation, payment cycle). Its figures
come from :func:`domain.leasing.schedule.rent_schedule` on the very
``RentTerms`` the quote turns into (:func:`quote_to_terms`), so the draft
contract a signed quote becomes bills exactly what was quoted.

- Net effective rent: total rent ÷ the term's months ÷ the area (undiscounted,
  the schedule's own :func:`~domain.leasing.schedule.net_effective_rent`).
- Discounted: at a yearly rate the park sets, the level rent per m² per month
  whose present value over the term equals that of the schedule's lines (each
  discounted from its due day, a month's rent from its month's first day; a
  partial last month counts its share). At a rate of 0 it is the undiscounted one.
- First-year rent: the rent of the term's first twelve months (the schedule of
  the same terms cut at the first anniversary).

>>> from decimal import Decimal as D
>>> from domain.leasing.clauses import Escalation, EscalationKind
>>> q = QuoteTerms(D(200), D(100), date(2026, 3, 1), date(2029, 2, 28), rent_free_months=3,
...                escalation=Escalation(EscalationKind.FIXED_PERCENT, percent=D(5)),
...                cycle=Cycle.QUARTERLY)
>>> f = quote_figures(q)
>>> str(f.total_rent), str(f.net_effective_rent), str(f.first_year_rent), str(f.months)
('696600.00', '96.75', '180000.00', '36')
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from domain.leasing.clauses import (
    Basis,
    Cycle,
    Escalation,
    RentFree,
    RentFreeKind,
    RentTerms,
)
from domain.leasing.schedule import (
    Problem,
    ScheduleLine,
    _months_between,
    add_months,
    net_effective_rent,
    rent_schedule,
    total,
)
from domain.money import money

_YEAR_DAYS = Decimal(365)


@dataclass(frozen=True)
class QuoteTerms:
    """What a quote proposes: the units' billable area (m²), the price per m² per month (or
    per day, by ``basis``), the term (both days included), rent-free months counted from the
    term's start, an escalation and the payment cycle."""

    area: Decimal
    rate: Decimal
    starts_on: date
    ends_on: date
    rent_free_months: int = 0
    rent_free_kind: RentFreeKind = RentFreeKind.FIT_OUT
    escalation: Escalation | None = None
    cycle: Cycle = Cycle.MONTHLY
    basis: Basis = Basis.PER_SQM_MONTH

    def __post_init__(self) -> None:
        if self.rent_free_months < 0:
            raise ValueError(f"rent-free months cannot be negative: {self.rent_free_months}")


@dataclass(frozen=True)
class QuoteFigures:
    total_rent: Decimal  # over the whole term
    net_effective_rent: Decimal  # per m² per month, undiscounted
    discounted_ner: Decimal | None  # the same at the park's rate; None without one
    first_year_rent: Decimal
    months: Decimal  # the term in months (a partial month as its share)
    lines: tuple[ScheduleLine, ...]  # the schedule the figures come from, to show
    problems: tuple[Problem, ...]  # what the engine found wrong (rent-free beyond the term …)


def quote_to_terms(q: QuoteTerms) -> RentTerms:
    """The rent terms the quote stands for: what its draft contract starts from, exactly."""
    free: tuple[RentFree, ...] = ()
    if q.rent_free_months:
        last = add_months(q.starts_on, q.rent_free_months, q.starts_on.day) - timedelta(days=1)
        free = (RentFree(q.starts_on, last, q.rent_free_kind),)
    return RentTerms(area=q.area, rate=q.rate, starts_on=q.starts_on, ends_on=q.ends_on,
                     basis=q.basis, cycle=q.cycle, rent_free=free, escalation=q.escalation)


def quote_figures(q: QuoteTerms, discount_rate: Decimal | None = None) -> QuoteFigures:
    """The quote's figures; ``discount_rate`` a yearly rate (0.06 for 6 %) for the
    discounted net effective rent."""
    terms = quote_to_terms(q)
    lines, problems = rent_schedule(terms)
    year_end = min(q.ends_on, add_months(q.starts_on, 12, q.starts_on.day) - timedelta(days=1))
    first_year, _ = rent_schedule(replace(terms, ends_on=year_end))
    months = _months_between(q.starts_on, q.ends_on) if q.ends_on >= q.starts_on else Decimal(0)
    discounted = None
    if discount_rate is not None:
        discounted = _discounted_ner(terms, lines, months, discount_rate)
    return QuoteFigures(total(lines), net_effective_rent(terms, lines), discounted,
                        total(first_year), months, tuple(lines), tuple(problems))


def _discounted_ner(terms: RentTerms, lines: list[ScheduleLine], months: Decimal,
                    yearly: Decimal) -> Decimal:
    """The level monthly rent per m² with the lines' present value (see the module's note)."""
    if yearly <= -1:
        raise ValueError(f"a discount rate must be above -100 %, not {yearly}")
    if not months or not terms.area:
        return Decimal("0.00")
    base = 1 + yearly
    start = terms.starts_on

    def factor(day: date) -> Decimal:
        return base ** (-Decimal((day - start).days) / _YEAR_DAYS)

    value = sum((line.amount * factor(line.due_on) for line in lines), Decimal(0))
    annuity = Decimal(0)
    whole = int(months)
    for k in range(whole):
        annuity += factor(add_months(start, k, start.day))
    if months > whole:
        annuity += (months - whole) * factor(add_months(start, whole, start.day))
    return money(value / annuity / terms.area)
