"""The rent schedule a contract's clauses make, line by line, each line saying why.

``rent_schedule(terms)`` returns the billing lines and the problems found;
it never raises on terms a person entered. The rules (SPEC §4):

- Periods follow the payment cycle from the term's start (a quarter of a
  term starting 2026-03-01 is March–May) or, as an option, the calendar,
  the first and last prorated. Lines are billed in advance: due on the
  period's first day.
- A price per m² per month bills whole months; a partial month is prorated
  by its days over the month's days (or over 30, as an option). Months are
  counted from the term's start day (10 April to 9 May is a month), or by
  the calendar when the periods are. A price per m² per day bills days.
- Rent-free days bill nothing; overlapping rent-free periods stack (the
  later starts where the earlier ends) or the longer wins.
- Escalations change the price per m²: a fixed % (compounding) or a fixed
  amount on each anniversary of the term's start; a stepped table (a step
  may start mid-month: that month is prorated at both prices); CPI on its
  day each year, by the previous year's index change or by the index ratio
  to the year before the term, the yearly change held between floor and
  cap. A year whose index is not known bills at the floor, and the problem
  says a correction will follow.
- Tiered pricing prices area bands (the first 500 m² at one price, the rest
  at another; an escalation moves every band alike); an area coefficient
  bills the area × it (1.1).
- Turnover rent: for a calendar month with its sales reported, the base
  rent plus the rate of the sales above the breakpoint (natural: base ÷
  rate, so the month bills the higher of base or rate × sales).
- Amounts are rounded to the cent once per line (and a new monthly rent
  once per step), half up.

>>> from decimal import Decimal as D
>>> terms = RentTerms(D(150), D(80), date(2026, 4, 10), date(2027, 4, 9), calendar_periods=True)
>>> lines, problems = rent_schedule(terms)
>>> [str(line.amount) for line in (lines[0], lines[1], lines[-1])], str(total(lines))
(['8400.00', '12000.00', '3600.00'], '144000.00')
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from domain.leasing.clauses import (
    Basis,
    Escalation,
    EscalationKind,
    RentFree,
    RentFreeRule,
    RentTerms,
)
from domain.money import money, round_to

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Reason:
    """Why a line is what it is: a clause's code and its figures (as text)."""

    code: str  # base | prorated | rent-free | escalation | cpi | turnover | sales-missing
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ScheduleLine:
    starts_on: date
    ends_on: date  # inclusive
    due_on: date
    amount: Decimal
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Problem:
    code: str  # rent-free-outside-term | cpi-unknown | sales-missing | dates
    params: dict[str, str] = field(default_factory=dict)


def add_months(day: date, months: int, anchor: int | None = None) -> date:
    """``day`` moved by whole months, on ``anchor`` (default its own day), clamped to the
    month's last day (31 January + 1 month is 28 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(anchor or day.day, last))


def rent_schedule(terms: RentTerms) -> tuple[list[ScheduleLine], list[Problem]]:
    """The billing lines of the whole term, and what is wrong or still unknown."""
    problems: list[Problem] = []
    if terms.ends_on < terms.starts_on:
        return [], [Problem("dates", {"starts_on": terms.starts_on.isoformat(),
                                      "ends_on": terms.ends_on.isoformat()})]
    free = _free_days(terms, problems)
    steps = _steps(terms, problems)
    lines = []
    for start, end in _periods(terms):
        lines.append(_line(terms, start, end, free, steps, problems))
    return lines, problems


def total(lines: Sequence[ScheduleLine]) -> Decimal:
    return sum((line.amount for line in lines), Decimal("0.00"))


def net_effective_rent(terms: RentTerms, lines: Sequence[ScheduleLine]) -> Decimal:
    """Total rent over the term ÷ its months ÷ the area, undiscounted (per m² per month)."""
    months = _months_between(terms.starts_on, terms.ends_on)
    if not months or not terms.area:
        return Decimal("0.00")
    return money(total(lines) / months / terms.area)


# -- periods ---------------------------------------------------------------------------


def _periods(terms: RentTerms) -> Iterator[tuple[date, date]]:
    step = terms.cycle.months
    if terms.calendar_periods:
        first = date(terms.starts_on.year, 1 + (terms.starts_on.month - 1) // step * step, 1)
        start = first
        while start <= terms.ends_on:
            end = add_months(start, step, 1) - ONE_DAY
            yield max(start, terms.starts_on), min(end, terms.ends_on)
            start = end + ONE_DAY
        return
    k = 0
    while True:
        start = add_months(terms.starts_on, k * step, terms.starts_on.day)
        if start > terms.ends_on:
            return
        end = add_months(terms.starts_on, (k + 1) * step, terms.starts_on.day) - ONE_DAY
        yield start, min(end, terms.ends_on)
        k += 1


def _rent_month(terms: RentTerms, day: date) -> tuple[date, date]:
    """The month ``day`` is billed in: from the term's start day, or the calendar's."""
    anchor = 1 if terms.calendar_periods else terms.starts_on.day
    start = date(day.year, day.month, min(anchor, calendar.monthrange(day.year, day.month)[1]))
    if start > day:
        start = add_months(start, -1, anchor)
    return start, add_months(start, 1, anchor) - ONE_DAY


def _months_between(start: date, end: date) -> Decimal:
    """Whole months from ``start`` to ``end`` (inclusive), the rest prorated by days."""
    months = 0
    while add_months(start, months + 1, start.day) - ONE_DAY <= end:
        months += 1
    rest_start = add_months(start, months, start.day)
    if rest_start > end:
        return Decimal(months)
    rest_end = add_months(start, months + 1, start.day) - ONE_DAY
    days = (end - rest_start).days + 1
    return Decimal(months) + Decimal(days) / ((rest_end - rest_start).days + 1)


# -- rent-free -------------------------------------------------------------------------


def _free_days(terms: RentTerms, problems: list[Problem]) -> list[tuple[date, date, RentFree]]:
    """The rent-free periods in effect, after the overlap rule."""
    periods = sorted(terms.rent_free, key=lambda f: (f.starts_on, f.ends_on))
    for f in periods:
        if f.starts_on < terms.starts_on or f.ends_on > terms.ends_on or f.ends_on < f.starts_on:
            problems.append(Problem("rent-free-outside-term",
                                    {"starts_on": f.starts_on.isoformat(),
                                     "ends_on": f.ends_on.isoformat()}))
    effective: list[tuple[date, date, RentFree]] = []
    if terms.rent_free_rule is RentFreeRule.STACK:
        for f in periods:
            start = f.starts_on
            if effective and start <= effective[-1][1]:
                start = effective[-1][1] + ONE_DAY  # stacked: it begins when the last ends
            effective.append((start, start + timedelta(days=f.days - 1), f))
    else:
        for f in periods:
            if effective and f.starts_on <= effective[-1][1]:
                if f.days > effective[-1][2].days:  # the longer of the two overlapping wins
                    effective[-1] = (f.starts_on, f.ends_on, f)
                continue
            effective.append((f.starts_on, f.ends_on, f))
    return [(max(s, terms.starts_on), min(e, terms.ends_on), f) for s, e, f in effective
            if e >= terms.starts_on and s <= terms.ends_on]


def _is_free(day: date, free: Sequence[tuple[date, date, RentFree]]) -> RentFree | None:
    for start, end, clause in free:
        if start <= day <= end:
            return clause
    return None


# -- escalation ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Step:
    """The rent from a day on: per month (a month's rent) or per day (a rate per m²)."""

    starts_on: date
    amount: Decimal
    reason: Reason | None


def _steps(terms: RentTerms, problems: list[Problem]) -> list[_Step]:
    """The price per m² in effect from each day on, and the amount it makes a month (or the
    price itself, per day)."""
    clause = terms.escalation
    prices: list[tuple[date, Decimal, Reason | None]] = [(terms.starts_on, terms.rate, None)]
    if clause is not None:
        prices += list(_escalations(terms, clause, problems))
    return [_Step(when, _amount(terms, price), reason) for when, price, reason in prices]


def _amount(terms: RentTerms, price: Decimal) -> Decimal:
    """A month's rent at ``price`` (per m² per month) over the area billed, by its tiers; or,
    per day, the day's rent per m² of the area billed."""
    area = terms.area * terms.area_coefficient
    if terms.basis is Basis.PER_SQM_DAY:
        return price * terms.area_coefficient
    if not terms.tiers:
        return money(price * area)
    shift = price - terms.rate  # an escalation moves every band's price alike
    rent, below = Decimal(0), Decimal(0)
    for upper, band_price in terms.tiers:
        top = area if upper is None else min(area, upper)
        if top > below:
            rent += (top - below) * (band_price + shift)
        below = max(below, top)
    return money(rent)


def _escalations(terms: RentTerms, clause: Escalation, problems: list[Problem]
                 ) -> Iterator[tuple[date, Decimal, Reason]]:
    """Each change of the price per m²: when, the new price, why."""
    price = terms.rate
    if clause.kind is EscalationKind.STEPPED:
        for when, step in sorted(clause.steps):
            if terms.starts_on < when <= terms.ends_on:
                yield when, step, Reason("step", {"price": str(step), "from": when.isoformat()})
        return
    if clause.kind in (EscalationKind.FIXED_PERCENT, EscalationKind.FIXED_AMOUNT):
        k = 1
        while (when := add_months(terms.starts_on, 12 * k, terms.starts_on.day)) \
                <= terms.ends_on:
            if clause.kind is EscalationKind.FIXED_PERCENT:
                price = price * (1 + clause.percent / 100)
                reason = Reason("escalation", {"percent": str(clause.percent),
                                               "from": when.isoformat()})
            else:
                price = price + clause.amount
                reason = Reason("escalation-amount", {"amount": str(clause.amount),
                                                      "from": when.isoformat()})
            yield when, price, reason
            k += 1
        return
    base_index = clause.index.get(terms.starts_on.year - 1)
    year = terms.starts_on.year
    while True:
        when = date(year, clause.on_month, clause.on_day)
        year += 1
        if when <= terms.starts_on:
            continue
        if when > terms.ends_on:
            return
        params = {"year": str(when.year - 1), "from": when.isoformat()}
        if clause.kind is EscalationKind.CPI_RATIO:
            last = clause.index.get(when.year - 1)
            target = None if last is None or not base_index else terms.rate * last / base_index
            change = None if target is None else target / price - 1
        else:
            change = _cpi_change(clause, when.year - 1)
        if change is None:
            applied = (clause.floor or Decimal(0)) / 100
            problems.append(Problem("cpi-unknown", params))
            params = {**params, "change": "", "applied": _percent(applied), "known": "no"}
        else:
            applied = change
            if clause.floor is not None:
                applied = max(applied, clause.floor / 100)
            if clause.cap is not None:
                applied = min(applied, clause.cap / 100)
            params = {**params, "change": _percent(change), "applied": _percent(applied),
                      "known": "yes"}
        price = price * (1 + applied)
        yield when, price, Reason("cpi", params)


def _cpi_change(clause: Escalation, year: int) -> Decimal | None:
    """The index change over ``year`` (its index ÷ the year before's, less one)."""
    now, before = clause.index.get(year), clause.index.get(year - 1)
    if now is None or before is None or not before:
        return None
    return now / before - 1


def _percent(value: Decimal) -> str:
    return str(round_to(value * 100, 2))


def _step_on(steps: Sequence[_Step], day: date) -> _Step:
    found = steps[0]
    for step in steps:
        if step.starts_on <= day:
            found = step
    return found


# -- lines -----------------------------------------------------------------------------


def _line(terms: RentTerms, start: date, end: date,
          free: Sequence[tuple[date, date, RentFree]], steps: Sequence[_Step],
          problems: list[Problem]) -> ScheduleLine:
    """One period's amount: day by day grouped into runs of one month, rent and freedom."""
    reasons: dict[str, Reason] = {}
    amount = Decimal(0)
    day = start
    while day <= end:
        month_start, month_end = _rent_month(terms, day)
        piece_end = min(end, month_end)
        whole = day == month_start and piece_end == month_end
        runs: dict[tuple[Decimal, bool], int] = {}
        d = day
        while d <= piece_end:
            step = _step_on(steps, d)
            if step.reason is not None:
                reasons.setdefault(step.reason.code + step.starts_on.isoformat(), step.reason)
            clause = _is_free(d, free)
            if clause is not None:
                reasons.setdefault(f"free{clause.starts_on}", Reason("rent-free", {
                    "kind": clause.kind.value, "starts_on": clause.starts_on.isoformat(),
                    "ends_on": clause.ends_on.isoformat()}))
            key = (step.amount, clause is not None)
            runs[key] = runs.get(key, 0) + 1
            d += ONE_DAY
        month_days = (month_end - month_start).days + 1
        if terms.basis is Basis.PER_SQM_DAY:
            for (daily, is_free), days in runs.items():
                if not is_free:
                    amount += daily * terms.area * days  # daily: per m² of the area billed
        elif whole and len(runs) == 1 and not next(iter(runs))[1]:
            amount += next(iter(runs))[0]
        else:
            over = 30 if terms.thirty_day_months else month_days
            for (monthly, is_free), days in runs.items():
                if not is_free:
                    amount += monthly * days / over
            chargeable = sum(n for (_m, f), n in runs.items() if not f)
            if chargeable and not whole:
                reasons.setdefault(f"pro{month_start}", Reason("prorated", {
                    "days": str(chargeable), "of": str(over),
                    "month": month_start.isoformat()}))
        day = piece_end + ONE_DAY
    amount = money(amount)
    base = Reason("base", {"rate": str(terms.rate), "basis": terms.basis.value,
                           "area": str(terms.area)})
    said = [base, *reasons.values()]
    if terms.turnover is not None:
        amount = _turnover(terms, start, end, amount, said, problems)
    return ScheduleLine(start, end, start, amount, tuple(said))


def _turnover(terms: RentTerms, start: date, end: date, base: Decimal, said: list[Reason],
              problems: list[Problem]) -> Decimal:
    """A calendar month's base, or more when its sales beat the breakpoint."""
    clause = terms.turnover
    assert clause is not None
    month = date(start.year, start.month, 1)
    if end > _rent_month(terms, start)[1] or not clause.rate:
        return base  # turnover rent is reckoned per calendar month
    sales = clause.sales.get(month)
    if sales is None:
        problems.append(Problem("sales-missing", {"month": month.isoformat()}))
        said.append(Reason("sales-missing", {"month": month.isoformat()}))
        return base
    breakpoint = clause.breakpoint if clause.breakpoint is not None else base / clause.rate
    extra = money(max(Decimal(0), (sales - breakpoint) * clause.rate))
    said.append(Reason("turnover", {"sales": str(sales), "rate": str(clause.rate),
                                    "breakpoint": str(money(breakpoint)),
                                    "natural": "yes" if clause.breakpoint is None else "no",
                                    "amount": str(extra)}))
    return base + extra
