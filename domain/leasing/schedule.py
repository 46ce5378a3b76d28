"""The rent schedule a contract's clauses make, line by line, each line saying why.

``rent_schedule(terms)`` returns the billing lines and the problems found;
it never raises on terms a person entered. The rules (SPEC §4):

- Periods follow the payment cycle from the term's start (a quarter of a
  term starting 2026-03-01 is March–May) or, as an option, the calendar,
  the first and last prorated. Lines are billed in advance: due on the
  period's first day, ``n`` days before it, or on day ``d`` of the month
  before it (clamped to that month's last day), as the due rule says.
- A price per m² per month bills whole months; a partial month is prorated
  by its days over the month's days (or over 30, as an option). Months are
  counted from the term's start day (10 April to 9 May is a month), or by
  the calendar when the periods are. A price per m² per day bills days.
- Rent-free days bill nothing; overlapping rent-free periods stack (the
  later starts where the earlier ends) or the longer wins.
- Escalations change the price per m²: a fixed % (compounding) or a fixed
  amount on each anniversary of the term's start; a stepped table (a step
  may start mid-month: that month is prorated at both prices; the last
  step on or before the term's start sets the opening price); CPI on its
  day each year, by the previous year's index change or by the index ratio
  to the year before the term, the yearly change held between floor and
  cap. A year whose index is not known bills at the floor, and the problem
  says a correction will follow.
- Tiered pricing prices area bands (the first 500 m² at one price, the rest
  at another; an escalation moves every band alike), per month or per day;
  an area coefficient bills the area × it (1.1).
- Turnover rent (保底 + 扣率), on every cycle, month by month: each rent
  month of a line is reckoned on its own and the line adds their top-ups
  to its base rent. A month's base is what the line bills for its days
  (prorated, rent-free, at each price), to the cent; its natural
  breakpoint is that base ÷ the first rate (so with one rate the month
  bills the higher of base or rate × sales), an artificial one the
  clause's monthly figure; the sales above it are priced by the rates of
  their bands, and the top-up is held between the minimum and maximum,
  per month. A month whose sales are not reported yet bills its base and
  says so; a correction follows once they are entered.
- Which sales: a rent month takes the sales of the calendar month it
  begins in (10 April–9 May: April's). So every month's report counts
  once, whatever the cycle: a quarter from 10 January bills January's,
  February's and March's, and a line of any cycle bills exactly the
  top-ups the monthly lines of its months would. (Not the calendar month
  holding most of the rent month: from the 16th, 16 February–15 March and
  16 March–15 April would both take March's, and February's none.)
- A part month (the term's first or last, cut short and prorated): its
  base is prorated, and with it the natural breakpoint; an artificial
  breakpoint is prorated by the same days (÷ the month's days, or 30), so
  a short month is held to a short month's breakpoint either way. Its
  sales are the month's report, whole (a tenant reports months, not
  days); the minimum and maximum are the clause's figures, per month.
- Charges (property fee and the like) bill one line each per period beside
  the rent: a month's charge (per m² of the billable area signed, without
  the coefficient, or a fixed sum), prorated like rent; rent-free and
  escalation do not touch them.
- Amounts are rounded to the cent once per line (and a new monthly rent
  once per step), half up; a turnover month's base and top-up once each.

The engine works on runs (days of one month piece with one price and one
rent-free state), never day by day, and ``within`` computes only the
periods that overlap a window (escalations still compound from the start),
or with ``starting`` only those that start in it (a billing run's).

>>> from decimal import Decimal as D
>>> terms = RentTerms(D(150), D(80), date(2026, 4, 10), date(2027, 4, 9), calendar_periods=True)
>>> lines, problems = rent_schedule(terms)
>>> [str(line.amount) for line in (lines[0], lines[1], lines[-1])], str(total(lines))
(['8400.00', '12000.00', '3600.00'], '144000.00')
>>> window = rent_schedule(terms, within=(date(2026, 12, 15), date(2027, 1, 15)))[0]
>>> [(line.starts_on.isoformat(), str(line.amount)) for line in window]
[('2026-12-01', '12000.00'), ('2027-01-01', '12000.00')]
>>> starting = rent_schedule(terms, within=(date(2026, 12, 15), date(2027, 1, 15)),
...                          starting=True)[0]
>>> [(line.starts_on.isoformat(), str(line.amount)) for line in starting]
[('2027-01-01', '12000.00')]
"""

from __future__ import annotations

import calendar
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

from domain.days import ISO_DAYS
from domain.leasing.clauses import (
    Basis,
    Charge,
    ChargeKind,
    Cycle,
    DueKind,
    Escalation,
    EscalationKind,
    RentFree,
    RentFreeRule,
    RentTerms,
    Turnover,
)
from domain.money import ZERO, money, round_to

ONE_DAY = timedelta(days=1)
RENT = "rent"  # ScheduleLine.charge of a rent line
_CYCLE_MONTHS = {cycle: cycle.months for cycle in Cycle}  # the property builds a dict a call
_VALUES: dict[StrEnum, str] = {  # an enum's ``.value`` is a property, read per contract
    member: member.value for kind in (Basis, ChargeKind) for member in kind}
# The members read for every contract, bound once: a member read off its enum class costs
# a function call's worth (the metaclass's ``__getattr__`` hook keeps the read generic).
_PER_DAY, _DAYS_BEFORE, _STACK = Basis.PER_SQM_DAY, DueKind.DAYS_BEFORE, RentFreeRule.STACK
_STEPPED, _FIXED_PERCENT, _FIXED_AMOUNT, _CPI_CHANGE, _CPI_RATIO = (
    EscalationKind.STEPPED, EscalationKind.FIXED_PERCENT, EscalationKind.FIXED_AMOUNT,
    EscalationKind.CPI_CHANGE, EscalationKind.CPI_RATIO)


@dataclass(frozen=True, init=False)
class Reason:
    """Why a line is what it is: a clause's code and its figures (as text)."""

    # base | prorated | rent-free | step | escalation | escalation-amount | cpi | turnover
    # | turnover-band | turnover-minimum | turnover-maximum | sales-missing | charge
    # | rent-free-not-applied
    code: str
    params: dict[str, str] = field(default_factory=dict)

    def __init__(self, code: str, params: dict[str, str] | None = None) -> None:
        # set at once, as ScheduleLine's fields (a run makes one or two a contract)
        self.__dict__.update(code=code, params={} if params is None else params)


@dataclass(frozen=True, init=False)
class ScheduleLine:
    starts_on: date
    ends_on: date  # inclusive
    due_on: date
    amount: Decimal
    reasons: tuple[Reason, ...]
    # What the line bills: RENT ("rent"), or a charge's code (``charge_code``: its kind,
    # and ":" and its name when it has one, e.g. "property_fee", "service:空调").
    charge: str = RENT

    def __init__(self, starts_on: date, ends_on: date, due_on: date, amount: Decimal,
                 reasons: tuple[Reason, ...], charge: str = RENT) -> None:
        # The frozen dataclass's own __init__ sets each field through object.__setattr__,
        # twice the cost; a park's year is 100,000 lines. Still frozen after this.
        self.__dict__.update(starts_on=starts_on, ends_on=ends_on, due_on=due_on,
                             amount=amount, reasons=reasons, charge=charge)


@dataclass(frozen=True, init=False)
class Problem:
    # dates | rent-free-outside-term | cpi-unknown | cpi-date-invalid | sales-missing
    # | due-day-invalid
    code: str
    params: dict[str, str] = field(default_factory=dict)

    def __init__(self, code: str, params: dict[str, str] | None = None) -> None:
        self.__dict__.update(code=code, params={} if params is None else params)


def add_months(day: date, months: int, anchor: int | None = None) -> date:
    """``day`` moved by whole months, on ``anchor`` (default its own day), clamped to the
    month's last day (31 January + 1 month is 28 February)."""
    on = anchor or day.day
    if 0 < on < 32:
        return _DAYS[(day.year * 12 + day.month - 1 + months) * 32 + on]
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, min(on, _month_days(year, month + 1)))


def _month_days(year: int, month: int) -> int:
    """Days in a month (``calendar.monthrange`` also works out a weekday: slower)."""
    if month == 2:
        return 29 if calendar.isleap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


class _MonthDays(dict[int, date]):
    """Day ``d`` of the month ``m`` months after January of year 0 (clamped to the month's
    last day), by ``m * 32 + d`` for a ``d`` of 1 to 31: each made once. ``date()`` parses
    its arguments as keywords, four times the cost of the look-up, and a run's contracts
    ask for the same few thousand period starts, month starts and anniversaries."""

    def __missing__(self, key: int) -> date:
        months, day = divmod(key, 32)
        year, month = divmod(months, 12)
        if len(self) >= 100_000:  # some 270 years of every day: forget, start again
            self.clear()
        made = self[key] = date(year, month + 1, min(day, _month_days(year, month + 1)))
        return made


_DAYS = _MonthDays()


class _Spans(dict[int, timedelta]):
    """``timedelta(days=n)`` by ``n``, each made once (its keyword parsing costs more than
    the subtraction it is made for: a due day ``n`` days before each period)."""

    def __missing__(self, days: int) -> timedelta:
        made = self[days] = timedelta(days=days)
        return made


_DAYS_SPAN = _Spans()


def charge_code(charge: Charge) -> str:
    """The code a charge's lines carry: its kind, with its name when it has one, so two
    charges of one kind (two services) keep apart in totals."""
    kind = _VALUES[charge.kind]
    return f"{kind}:{charge.name}" if charge.name else kind


def rent_schedule(terms: RentTerms, within: tuple[date, date] | None = None, *,
                  starting: bool = False, lines_from: date | None = None
                  ) -> tuple[list[ScheduleLine], list[Problem]]:
    """The billing lines of the term (only the periods overlapping ``within``, both days
    included, when given) and what is wrong or still unknown.

    Each period gives its rent line, then one line per charge in the terms' order. The
    clauses' problems are reported whole; sales missing only for the lines computed.

    ``starting``: only the lines of the periods that start in ``within`` (a billing run
    bills a period in the run whose range holds its first day), the problems as the whole
    window's. The period running into the window from before is not computed: its only
    problems, its months' missing sales, are read off its months.

    ``lines_from``: the periods ending before that day are not computed either, their
    problems read off their months the same way (an amended contract's run: its versions'
    periods long billed).
    """
    if terms.ends_on < terms.starts_on:
        return [], [Problem("dates", {"starts_on": ISO_DAYS[terms.starts_on],
                                      "ends_on": ISO_DAYS[terms.ends_on]})]
    periods = _periods(terms, within)
    before = None  # the days of the periods not computed: only the first ones can be
    if starting and within is not None and periods and periods[0][0] < within[0]:
        before, periods = (periods[0][0], periods[0][1]), periods[1:]
    if lines_from is not None and periods and periods[0][1] < lines_from:
        n = 1
        while n < len(periods) and periods[n][1] < lines_from:
            n += 1
        before = (periods[0][0] if before is None else before[0], periods[n - 1][1])
        periods = periods[n:]
    if not periods:
        problems = _clause_problems(terms)
        if before is not None:
            problems += _sales_missing(terms, before[0], before[1])
        return [], problems
    problems = []
    plan = _Plan(terms, (periods[0][0], periods[-1][1]), problems)
    if before is not None:  # in the order their lines would have said them: before the others'
        problems += _sales_missing(terms, before[0], before[1])
    return plan.lines(periods, problems), problems


def total(lines: Sequence[ScheduleLine], charge: str | None = RENT) -> Decimal:
    """The rent of ``lines`` (a charge's total with its code, or everything with None)."""
    return sum((line.amount for line in lines if charge is None or line.charge == charge),
               ZERO)


def net_effective_rent(terms: RentTerms, lines: Sequence[ScheduleLine],
                       discount_rate: Decimal | None = None) -> Decimal:
    """Total rent over the term ÷ its months ÷ the area (per m² per month).

    Undiscounted by default. With an annual ``discount_rate`` (0.08 for 8 %), each rent
    line is first brought back to the term's start from its due date, compounded to the
    month: amount ÷ (1 + rate) ^ (months from the start to the due date ÷ 12), a partial
    month counted by its days.
    """
    months = _months_between(terms.starts_on, terms.ends_on)
    if not months or not terms.area:
        return ZERO
    if discount_rate is None:
        return money(total(lines) / months / terms.area)
    growth = 1 + discount_rate
    if growth <= 0:
        raise ValueError(f"a discount rate must be above -1: {discount_rate}")
    present = sum((line.amount / growth ** (_elapsed_months(terms.starts_on, line.due_on) / 12)
                   for line in lines if line.charge == RENT), Decimal(0))
    return money(present / months / terms.area)


# -- periods and months ----------------------------------------------------------------


def _periods(terms: RentTerms, within: tuple[date, date] | None
             ) -> list[tuple[date, date, bool]]:
    """The periods of the cycle (or those overlapping ``within``), found by index so that a
    window never walks the periods before it; and whether each is whole (not cut by the
    term's start or end, so made of whole months)."""
    step = _CYCLE_MONTHS[terms.cycle]
    term_start, term_end = terms.starts_on, terms.ends_on
    if terms.calendar_periods:
        origin, anchor = term_start.year * 12 + (term_start.month - 1) // step * step, 1
    else:
        origin, anchor = term_start.year * 12 + term_start.month - 1, term_start.day
    first, last = term_start, term_end
    if within is not None:
        since, until = within
        if since > first:
            first = since
        if until < last:
            last = until
    if last < first:
        return []
    # the period holding ``first``: the one starting in its month, or the one before when
    # that starts after it (the next one starts a whole cycle later)
    k = (first.year * 12 + first.month - 1 - origin) // step
    months = origin + k * step  # the period's month, counted from year 0
    start = _DAYS[months * 32 + anchor]
    if k and start > first:
        months -= step
        start = _DAYS[months * 32 + anchor]
    found = []
    while start <= last:
        months += step  # the next period's month
        following = _DAYS[months * 32 + anchor]
        end = following - ONE_DAY
        if term_start <= start and end <= term_end:
            found.append((start, end, True))
        else:
            found.append((start if start > term_start else term_start,
                          end if end < term_end else term_end, False))
        start = following
    return found


def _rent_month(terms: RentTerms, day: date) -> tuple[date, date]:
    """The month ``day`` is billed in: from the term's start day, or the calendar's."""
    anchor = 1 if terms.calendar_periods else terms.starts_on.day
    months = day.year * 12 + day.month - 1
    start = _DAYS[months * 32 + anchor]
    if start > day:
        months -= 1
        start = _DAYS[months * 32 + anchor]
    return start, _DAYS[(months + 1) * 32 + anchor] - ONE_DAY


def _pieces(plan: _Plan, start: date, end: date) -> list[tuple[date, date, date, date]]:
    """A period cut at month ends: (month's first day, last day, piece's first, last)."""
    return _month_pieces(plan.terms, plan.anchor, start, end)


def _month_pieces(terms: RentTerms, anchor: int, start: date, end: date
                  ) -> list[tuple[date, date, date, date]]:
    month_start, month_end = _rent_month(terms, start)
    found, day = [], start
    while day <= end:
        found.append((month_start, month_end, day, end if end < month_end else month_end))
        day = month_start = month_end + ONE_DAY
        month_end = _DAYS[(month_start.year * 12 + month_start.month) * 32 + anchor] - ONE_DAY
    return found


def _sales_missing(terms: RentTerms, start: date, end: date) -> list[Problem]:
    """The months of a period's line whose sales are not reported, as ``_turnover`` says
    them computing the line (every line with turnover reckons each of its month pieces)."""
    clause = terms.turnover
    if clause is None or not _first_rate(clause):
        return []
    anchor = 1 if terms.calendar_periods else terms.starts_on.day
    found = []
    for month_start, _end, _first, _last in _month_pieces(terms, anchor, start, end):
        key = _DAYS[(month_start.year * 12 + month_start.month - 1) * 32 + 1]
        if clause.sales.get(key) is None:
            found.append(Problem("sales-missing", {"month": ISO_DAYS[key]}))
    return found


def _months_between(start: date, end: date) -> Decimal:
    """Whole months from ``start`` to ``end`` (inclusive), the rest prorated by days."""
    return _elapsed_months(start, end + ONE_DAY)


def _elapsed_months(start: date, day: date) -> Decimal:
    """Months from ``start`` to ``day`` (negative before it): whole months counted on the
    start's day, the rest by its days over that month's."""
    k = (day.year - start.year) * 12 + day.month - start.month
    since = add_months(start, k, start.day)
    if since > day:
        k -= 1
        since = add_months(start, k, start.day)
    days = (day - since).days
    if not days:
        return Decimal(k)
    length = (add_months(start, k + 1, start.day) - since).days
    return Decimal(k) + Decimal(days) / length


# -- the clauses, read once ------------------------------------------------------------


class _Step(NamedTuple):
    """The rent from a day on: a month's rent (rounded), or per day the day's rent."""

    starts_on: date
    amount: Decimal
    reason: Reason | None
    key: str


class _Free(NamedTuple):
    starts_on: date  # in effect, after the overlap rule and the term
    ends_on: date
    reason: Reason
    key: str


# A month piece of a line as turnover reads it: its rent month's first and last day, the
# piece's first and last, and what the line bills for the piece (unrounded).
_Month = tuple[date, date, date, date, Decimal]


class _Charge(NamedTuple):
    code: str
    monthly: Decimal  # a whole month's charge, rounded
    reason: Reason


class _Plan:
    """What the lines of one schedule read: the steps and rent-free periods that touch its
    ``span`` (the days its lines cover), the charges and the due rule."""

    def __init__(self, terms: RentTerms, span: tuple[date, date],
                 problems: list[Problem]) -> None:
        self.terms = terms
        self.anchor = 1 if terms.calendar_periods else terms.starts_on.day
        self.per_day = terms.basis is _PER_DAY
        self.months = _CYCLE_MONTHS[terms.cycle]
        if terms.rent_free:
            self.free = _free_days(terms, span, problems)
            self.free_ends = [f.ends_on for f in self.free]
        else:
            self.free, self.free_ends = [], []
        self.steps = steps = _steps(terms, span, problems)
        area = str(terms.area)
        self.base = base = Reason("base", {"rate": str(terms.rate),
                                           "basis": _VALUES[terms.basis], "area": area})
        if len(steps) == 1:  # one price all through the span, the most common
            step = steps[0]
            self.step_starts = [step.starts_on]
            self.said = [(base,) if step.reason is None else (base, step.reason)]
        else:
            self.step_starts = [s.starts_on for s in steps]
            self.said = [(base,) if s.reason is None else (base, s.reason)
                         for s in steps]  # a line at one step's price, nothing else: why
        self.charges = [_charge(c, terms.area, area) for c in terms.charges]
        clause = terms.turnover  # a first rate of nothing has no breakpoint: base only
        self.turnover = clause if clause is not None and _first_rate(clause) else None
        self.due_kind, self.due_days = _due_rule(terms, problems)
        self.due_before = _DAYS_SPAN[self.due_days] if self.due_kind is _DAYS_BEFORE else None

    def lines(self, periods: Sequence[tuple[date, date, bool]], problems: list[Problem]
              ) -> list[ScheduleLine]:
        """Each period's rent line, then its charges'. A period of whole months (or days)
        with no rent-free day, the most common by far, is billed here; the rest, cut into
        month pieces and runs, by ``_rent_line`` (so is a turnover lease's period with a
        change of price in it: turnover is reckoned on each month's own base)."""
        found: list[ScheduleLine] = []
        steps, starts, said, free, free_ends = (self.steps, self.step_starts, self.said,
                                                self.free, self.free_ends)
        many, turnover = len(starts) > 1, self.turnover
        whole_charges = [(c.monthly * self.months, (c.reason,), c.code) for c in self.charges]
        for start, end, whole in periods:
            due = start - self.due_before if self.due_before is not None else self.due_on(start)
            s = bisect_right(starts, start) - 1 if many else 0
            f = bisect_left(free_ends, start) if free else 0
            one_price = s + 1 == len(starts) or starts[s + 1] > end
            if not whole or (f < len(free) and free[f].starts_on <= end) \
                    or (turnover is not None and not one_price):
                rent, pieces, in_free = _rent_line(self, s, f, start, end, due, problems)
                found.append(rent)
                found += [_charge_line(self, c, start, end, due, pieces, in_free)
                          for c in self.charges]
                continue
            if one_price:
                amount = (money(steps[s].amount * ((end - start).days + 1)) if self.per_day
                          else steps[s].amount * self.months)  # whole months: rounded already
                why = said[s]
                if turnover is not None:
                    more = list(why)
                    amount += _turnover(self, turnover, self.whole_months(start, steps[s].amount),
                                        more, problems)
                    why = tuple(more)
            else:
                reasons: dict[str, Reason] = {}
                prorated: dict[int, Decimal] = {}
                amount = money(_priced_whole(self, s, start, end, reasons, prorated)
                               + sum((part / over for over, part in prorated.items()),
                                     Decimal(0)))
                why = (self.base, *reasons.values())
            found.append(ScheduleLine(start, end, due, amount, why))
            found += [ScheduleLine(start, end, due, monthly, reason, code)
                      for monthly, reason, code in whole_charges]
        return found

    def due_on(self, start: date) -> date:
        if self.due_kind is _DAYS_BEFORE:
            return start - _DAYS_SPAN[self.due_days] if self.due_days else start
        # day ``due_days`` (1 to 31: the rule checked it) of the month before, clamped
        return _DAYS[(start.year * 12 + start.month - 2) * 32 + self.due_days]

    def whole_months(self, start: date, rent: Decimal) -> list[_Month]:
        """The months of a whole period starting on ``start`` at one price, none free, each
        with its rent (a month's, or the day's × its days), as ``_turnover`` reads them."""
        found = []
        first = start
        for k in range(1, self.months + 1):
            following = add_months(start, k, self.anchor)
            last = following - ONE_DAY
            found.append((first, last, first, last,
                          rent * (following - first).days if self.per_day else rent))
            first = following
        return found

    def over(self, month_start: date, month_end: date) -> int:
        """What a partial month's days are counted over."""
        return 30 if self.terms.thirty_day_months else (month_end - month_start).days + 1


def _due_rule(terms: RentTerms, problems: list[Problem]) -> tuple[DueKind, int]:
    """The due rule applied: the terms', or due on the period's first day if it is not
    valid (and the problem said)."""
    due = terms.due
    kind, days = due.kind, due.days
    valid = days >= 0 if kind is _DAYS_BEFORE else 1 <= days <= 31
    if valid:
        return kind, days
    problems.append(Problem("due-day-invalid", {"kind": due.kind.value,
                                                 "days": str(due.days)}))
    return DueKind.DAYS_BEFORE, 0


def _clause_problems(terms: RentTerms) -> list[Problem]:
    """What ``_Plan`` finds wrong with the clauses, in its order, when no line is computed
    (most contracts of a billing run have no period starting in its month)."""
    problems: list[Problem] = []
    if terms.rent_free:
        _rent_free_problems(terms, problems)
    clause = terms.escalation
    if clause is not None and (clause.kind is _CPI_CHANGE or clause.kind is _CPI_RATIO):
        # no line to price: each year only says whether its index is known
        _escalations(terms, clause, problems, terms.starts_on)
    _due_rule(terms, problems)
    return problems


def _charge(charge: Charge, area: Decimal, area_text: str) -> _Charge:
    """A charge's month: per m² of the billable area signed (no coefficient), or fixed.
    (``area_text``: the area as the base reason says it, made once.)"""
    per_sqm = charge.per_sqm
    monthly = money(charge.amount * area) if per_sqm else money(charge.amount)
    params = {"kind": _VALUES[charge.kind], "name": charge.name, "amount": str(charge.amount),
              "per": "sqm_month" if per_sqm else "month", "monthly": str(monthly)}
    if per_sqm:
        params["area"] = area_text
    return _Charge(charge_code(charge), monthly, Reason("charge", params))


def _free_days(terms: RentTerms, span: tuple[date, date], problems: list[Problem]
               ) -> list[_Free]:
    """The rent-free periods in effect after the overlap rule, in order and disjoint (those
    touching ``span``)."""
    if not terms.rent_free:
        return []
    periods = _rent_free_problems(terms, problems)
    periods = [f for f in periods if f.ends_on >= f.starts_on]
    effective: list[tuple[date, date, RentFree]] = []
    if terms.rent_free_rule is _STACK:
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
    found = []
    for s, e, f in effective:
        s, e = max(s, terms.starts_on), min(e, terms.ends_on)
        if s <= e and e >= span[0] and s <= span[1]:
            found.append(_Free(s, e, Reason("rent-free", {
                "kind": f.kind.value, "starts_on": ISO_DAYS[f.starts_on],
                "ends_on": ISO_DAYS[f.ends_on], "applied_from": ISO_DAYS[s],
                "applied_to": ISO_DAYS[e]}), "free" + ISO_DAYS[s]))
    return found


def _rent_free_problems(terms: RentTerms, problems: list[Problem]) -> list[RentFree]:
    """The rent-free periods in order, each outside the term (or ending before it starts)
    said."""
    periods = sorted(terms.rent_free, key=lambda f: (f.starts_on, f.ends_on))
    for f in periods:
        if f.starts_on < terms.starts_on or f.ends_on > terms.ends_on or f.ends_on < f.starts_on:
            problems.append(Problem("rent-free-outside-term",
                                    {"starts_on": ISO_DAYS[f.starts_on],
                                     "ends_on": ISO_DAYS[f.ends_on]}))
    return periods


_Why = Callable[[], Reason]  # a reason made only when a line in the span needs it


def _steps(terms: RentTerms, span: tuple[date, date], problems: list[Problem]
           ) -> list[_Step]:
    """The prices per m² in effect on the days of ``span``, as the amounts they bill (a
    month's rent, or per day the day's rent), from the one in effect on its first day.
    Every change from the term's start is reckoned (compounding), priced only when used."""
    clause = terms.escalation
    if clause is None:
        return [_Step(terms.starts_on, _amount(terms, terms.rate), None, "")]
    opening: tuple[Decimal, _Why | None] = (terms.rate, None)
    if clause.kind is _STEPPED:
        before = [(when, price) for when, price in sorted(clause.steps)
                  if when <= terms.starts_on]
        if before:
            when, price = before[-1]
            opening = (price, _step_reason(when, price))
    prices: list[tuple[date, Decimal, _Why | None]] = [(terms.starts_on, *opening)]
    prices += _escalations(terms, clause, problems, span[1])
    first = len(prices) - 1  # the price in effect on the span's first day: the last
    while first and prices[first][0] > span[0]:  # change on or before it (few come after)
        first -= 1
    steps = []
    for when, price, why in prices[first:]:
        if when > span[1]:
            break
        reason = None if why is None else why()
        steps.append(_Step(when, _amount(terms, price), reason,
                           "" if reason is None else reason.code + ISO_DAYS[when]))
    return steps


def _amount(terms: RentTerms, price: Decimal) -> Decimal:
    """The area billed at ``price`` by its tiers: a month's rent rounded to the cent, or,
    per day, the day's rent as it is (rounded with the line)."""
    area = terms.area * terms.area_coefficient
    if not terms.tiers:
        rent = price * area
    else:
        shift = price - terms.rate  # an escalation moves every band's price alike
        rent, below = Decimal(0), Decimal(0)
        for upper, band_price in terms.tiers:
            top = area if upper is None else min(area, upper)
            if top > below:
                rent += (top - below) * (band_price + shift)
            below = max(below, top)
    return rent if terms.basis is _PER_DAY else money(rent)


def _step_reason(when: date, price: Decimal) -> _Why:
    return lambda: Reason("step", {"price": str(price), "from": ISO_DAYS[when]})


def _escalations(terms: RentTerms, clause: Escalation, problems: list[Problem],
                 until: date) -> list[tuple[date, Decimal, _Why]]:
    """Each change of the price per m² after the term's start up to ``until``: when, the new
    price, why. (The CPI years after it are still read for the indexes not known yet.)"""
    found: list[tuple[date, Decimal, _Why]] = []
    price = terms.rate
    kind = clause.kind
    if kind is _STEPPED:
        for when, step in sorted(clause.steps):
            if terms.starts_on < when <= terms.ends_on:
                found.append((when, step, _step_reason(when, step)))
        return found
    if kind is _FIXED_PERCENT or kind is _FIXED_AMOUNT:
        by_percent = kind is _FIXED_PERCENT
        value = str(clause.percent if by_percent else clause.amount)
        factor, plus = 1 + clause.percent / 100, clause.amount
        start = terms.starts_on
        last = terms.ends_on if terms.ends_on < until else until
        month, day = start.month - 1, start.day
        for year in range(start.year + 1, last.year + 1):
            when = _DAYS[(year * 12 + month) * 32 + day]  # the anniversary, clamped
            if when > last:
                break
            price = price * factor if by_percent else price + plus
            found.append((when, price, lambda when=when: Reason(
                "escalation", {"percent": value, "from": ISO_DAYS[when]}) if by_percent
                else Reason("escalation-amount", {"amount": value, "from": ISO_DAYS[when]})))
        return found
    if not (1 <= clause.on_month <= 12 and 1 <= clause.on_day <= 31):
        problems.append(Problem("cpi-date-invalid", {"month": str(clause.on_month),
                                                     "day": str(clause.on_day)}))
        return found
    index = clause.index.get  # read a few times a year of the term: bound once
    by_ratio = kind is _CPI_RATIO
    on_month, on_day = clause.on_month, clause.on_day
    term_start, term_end = terms.starts_on, terms.ends_on
    base_index = index(term_start.year - 1)
    floor = None if clause.floor is None else clause.floor / 100
    cap = None if clause.cap is None else clause.cap / 100
    for year in range(term_start.year, term_end.year + 1):
        when = _DAYS[(year * 12 + on_month - 1) * 32 + on_day]  # clamped to the month's end
        if not term_start < when <= term_end:
            continue
        if when > until:  # past the lines asked for: only whether its index is known
            if index(year - 1) is None or not (base_index if by_ratio else index(year - 2)):
                problems.append(Problem("cpi-unknown", {"year": str(year - 1),
                                                        "from": ISO_DAYS[when]}))
            continue
        target = None
        if by_ratio:
            last = index(year - 1)
            target = None if last is None or not base_index else terms.rate * last / base_index
            change = None if target is None else target / price - 1
        else:
            change = _cpi_change(clause, year - 1)
        if change is None:
            applied = floor or Decimal(0)
            problems.append(Problem("cpi-unknown", {"year": str(year - 1),
                                                    "from": ISO_DAYS[when]}))
        else:
            applied = change
            if floor is not None and applied < floor:
                applied = floor
            if cap is not None and applied > cap:
                applied = cap
        # by ratio within the bounds, the price is the ratio's, exactly
        price = target if target is not None and applied == change else price * (1 + applied)
        found.append((when, price, _cpi_reason(year - 1, when, change, applied)))
    return found


def _cpi_reason(year: int, when: date, change: Decimal | None, applied: Decimal) -> _Why:
    def why() -> Reason:
        return Reason("cpi", {"year": str(year), "from": ISO_DAYS[when],
                              "change": "" if change is None else _percent(change),
                              "applied": _percent(applied),
                              "known": "no" if change is None else "yes"})
    return why


def _cpi_change(clause: Escalation, year: int) -> Decimal | None:
    """The index change over ``year`` (its index ÷ the year before's, less one)."""
    now, before = clause.index.get(year), clause.index.get(year - 1)
    if now is None or before is None or not before:
        return None
    return now / before - 1


def _percent(value: Decimal) -> str:
    return str(round_to(value * 100, 2))


# -- lines -----------------------------------------------------------------------------


def _runs(plan: _Plan, first: date, last: date, reasons: dict[str, Reason]
          ) -> dict[tuple[Decimal, bool], int]:
    """Days of ``first``–``last`` (one month piece) by (amount, rent-free), cut where a step
    starts or a rent-free period starts or ends; their reasons noted in day order."""
    steps, starts, free = plan.steps, plan.step_starts, plan.free
    s = bisect_right(starts, first) - 1
    f = bisect_left(plan.free_ends, first)  # the first rent-free period not over by then
    runs: dict[tuple[Decimal, bool], int] = {}
    day, after = first, last + ONE_DAY
    while day <= last:
        step = steps[s]
        upto = starts[s + 1] if s + 1 < len(steps) and starts[s + 1] < after else after
        period = free[f] if f < len(free) else None
        is_free = period is not None and period.starts_on <= day
        if period is not None and is_free:
            upto = min(upto, period.ends_on + ONE_DAY)
        elif period is not None and period.starts_on < upto:
            upto = period.starts_on
        if step.reason is not None:
            reasons.setdefault(step.key, step.reason)
        if period is not None and is_free:
            reasons.setdefault(period.key, period.reason)
        key = (step.amount, is_free)
        runs[key] = runs.get(key, 0) + (upto - day).days
        day = upto
        while s + 1 < len(steps) and starts[s + 1] <= day:
            s += 1
        while f < len(free) and free[f].ends_on < day:
            f += 1
    return runs


def _rent_line(plan: _Plan, s: int, f: int, start: date, end: date, due: date,
               problems: list[Problem]
               ) -> tuple[ScheduleLine, list[tuple[date, date, date, date]], list[_Free]]:
    """A period cut by the term or with rent-free days in it (``s`` its first day's step,
    ``f`` the first rent-free period not over by then): month piece by month piece, runs of
    one price and freedom in each. Also its pieces and rent-free periods, for its charges."""
    starts, free = plan.step_starts, plan.free
    reasons: dict[str, Reason] = {}
    exact = Decimal(0)  # whole months at their rent, and per day the days' rent
    prorated: dict[int, Decimal] = {}  # over → Σ monthly × days: divided once, exactly
    # With turnover, each month piece's own rent: the base its month is reckoned on.
    turnover = plan.turnover
    months: list[_Month] = []
    pieces = _pieces(plan, start, end)
    for month_start, month_end, first, last in pieces:
        while s + 1 < len(starts) and starts[s + 1] <= first:
            s += 1
        while f < len(free) and free[f].ends_on < first:
            f += 1
        if (s + 1 == len(starts) or starts[s + 1] > last) \
                and (f == len(free) or free[f].starts_on > last):
            step = plan.steps[s]  # one price all through the piece, none free
            if step.reason is not None:
                reasons.setdefault(step.key, step.reason)
            runs = {(step.amount, False): (last - first).days + 1}
        else:
            runs = _runs(plan, first, last, reasons)
        if turnover is not None:
            months.append((month_start, month_end, first, last,
                           _piece_rent(plan, runs, month_start, month_end, first, last)))
        if plan.per_day:
            for (daily, is_free), days in runs.items():
                if not is_free:
                    exact += daily * days
            continue
        whole_month = first == month_start and last == month_end
        if whole_month and len(runs) == 1:
            [(monthly, is_free)] = runs
            if not is_free:
                exact += monthly
            continue
        over = plan.over(month_start, month_end)
        chargeable = 0
        for (monthly, is_free), days in runs.items():
            if not is_free:
                prorated[over] = prorated.get(over, Decimal(0)) + monthly * days
                chargeable += days
        if chargeable and not whole_month:
            reasons.setdefault("pro" + ISO_DAYS[month_start], Reason("prorated", {
                "days": str(chargeable), "of": str(over), "month": ISO_DAYS[month_start]}))
    amount = money(exact + sum((part / over for over, part in prorated.items()), Decimal(0)))
    said = [plan.base, *reasons.values()]
    if turnover is not None:
        amount += _turnover(plan, turnover, months, said, problems)
    in_free = [x for x in free if x.key in reasons]
    return ScheduleLine(start, end, due, amount, tuple(said)), pieces, in_free


def _priced_whole(plan: _Plan, s: int, start: date, end: date, reasons: dict[str, Reason],
                  prorated: dict[int, Decimal]) -> Decimal:
    """Whole months (``start`` a month's first day, ``end`` a month's last), none free,
    from step ``s`` on: the months between changes of price at their rent, the months a
    change falls inside (not on their first day) by their runs, as ``_rent_line`` would."""
    steps, starts = plan.steps, plan.step_starts
    if steps[s].reason is not None:
        reasons.setdefault(steps[s].key, steps[s].reason)
    exact = Decimal(0)
    if plan.per_day:  # days at each price
        day = start
        while s + 1 < len(starts) and starts[s + 1] <= end:
            exact += steps[s].amount * (starts[s + 1] - day).days
            day, s = starts[s + 1], s + 1
            if steps[s].reason is not None:
                reasons.setdefault(steps[s].key, steps[s].reason)
        return exact + steps[s].amount * ((end - day).days + 1)
    billed = 0  # months of the period billed so far
    while s + 1 < len(starts) and starts[s + 1] <= end:
        month_start, month_end = _rent_month(plan.terms, starts[s + 1])
        k = (month_start.year - start.year) * 12 + month_start.month - start.month
        exact += steps[s].amount * (k - billed)
        billed = k
        if starts[s + 1] == month_start and (s + 2 == len(starts) or starts[s + 2] > month_end):
            s += 1  # the month starts at the new price and keeps it: billed with the next
            if steps[s].reason is not None:
                reasons.setdefault(steps[s].key, steps[s].reason)
            continue
        runs = _runs(plan, month_start, month_end, reasons)
        if len(runs) == 1:
            exact += next(iter(runs))[0]
        else:
            over = plan.over(month_start, month_end)
            for (monthly, _free), days in runs.items():
                prorated[over] = prorated.get(over, Decimal(0)) + monthly * days
        billed = k + 1
        while s + 1 < len(starts) and starts[s + 1] <= month_end:
            s += 1
    return exact + steps[s].amount * (plan.months - billed)


def _charge_line(plan: _Plan, charge: _Charge, start: date, end: date, due: date,
                 pieces: Sequence[tuple[date, date, date, date]],
                 free: Sequence[_Free]) -> ScheduleLine:
    """A charge over a period ``_rent_line`` billed: its month's figure, a partial month by
    its days, and a word that the rent-free days do not free it."""
    said = [charge.reason]
    exact = Decimal(0)
    prorated: dict[int, Decimal] = {}
    for month_start, month_end, first, last in pieces:
        if first == month_start and last == month_end:
            exact += charge.monthly
            continue
        over, days = plan.over(month_start, month_end), (last - first).days + 1
        prorated[over] = prorated.get(over, Decimal(0)) + charge.monthly * days
        said.append(Reason("prorated", {"days": str(days), "of": str(over),
                                        "month": ISO_DAYS[month_start]}))
    said += [Reason("rent-free-not-applied", {"starts_on": ISO_DAYS[f.starts_on],
                                              "ends_on": ISO_DAYS[f.ends_on]}) for f in free]
    if prorated:
        exact += sum((part / over for over, part in prorated.items()), Decimal(0))
    return ScheduleLine(start, end, due, money(exact), tuple(said), charge.code)


def _piece_rent(plan: _Plan, runs: dict[tuple[Decimal, bool], int], month_start: date,
                month_end: date, first: date, last: date) -> Decimal:
    """What a line bills for one month piece, unrounded, by ``_rent_line``'s rule."""
    if plan.per_day:
        return sum((daily * days for (daily, is_free), days in runs.items() if not is_free),
                   Decimal(0))
    if first == month_start and last == month_end and len(runs) == 1:
        [(monthly, is_free)] = runs
        return Decimal(0) if is_free else monthly
    part = sum((monthly * days for (monthly, is_free), days in runs.items() if not is_free),
               Decimal(0))
    return part / plan.over(month_start, month_end)


def _first_rate(clause: Turnover) -> Decimal:
    """The rate of the first band of sales above the breakpoint (the natural one's divisor)."""
    return clause.tiers[0][1] if clause.tiers else clause.rate


def _turnover(plan: _Plan, clause: Turnover, months: Sequence[_Month],
              said: list[Reason], problems: list[Problem]) -> Decimal:
    """The top-ups of a line's month pieces, each month reckoned on its own (module
    docstring), summed; each month's figures, or its missing sales, said in order.

    A breakpoint rarely ends (30,000 ÷ 7 % = 428,571.428…), yet a top-up of exactly half
    a cent must round up: so the sales above it are carried times ``scale`` (the first
    rate for a natural breakpoint, a part month's days-over, else 1), every step an exact
    product of decimals, and each figure said or billed is divided by it once, rounded."""
    first_rate = _first_rate(clause)
    artificial = clause.breakpoint
    said_rate, natural = str(first_rate), "yes" if artificial is None else "no"
    added = ZERO
    for month_start, month_end, first, last, rent in months:
        key = _DAYS[(month_start.year * 12 + month_start.month - 1) * 32 + 1]
        month = ISO_DAYS[key]
        sales = clause.sales.get(key)
        if sales is None:  # billed at its base; corrected once the sales are entered
            problems.append(Problem("sales-missing", {"month": month}))
            said.append(Reason("sales-missing", {"month": month, "base": str(_cents(rent))}))
            continue
        base = _cents(rent)
        scale: Decimal | int
        if artificial is None:  # base ÷ rate; ``above`` is the sales above it × scale
            scale, above = first_rate, sales * first_rate - base
            breakpoint = base / first_rate
        elif first == month_start and last == month_end:
            scale, above, breakpoint = 1, sales - artificial, artificial
        else:  # a part month: the figure prorated like its rent
            scale = plan.over(month_start, month_end)
            held = artificial * ((last - first).days + 1)
            above, breakpoint = sales * scale - held, held / scale
        if scale < 0:
            scale, above = -scale, -above
        parts = []
        if above <= 0:
            extra = ZERO
        elif not clause.tiers:
            extra = above * first_rate / scale
        else:
            extra, below = ZERO, ZERO
            for upper, rate in clause.tiers:
                top = above if upper is None else min(above, upper * scale)
                if top > below:
                    part = (top - below) * rate
                    extra += part
                    parts.append(Reason("turnover-band", {
                        "from": str(_cents(below / scale)), "to": str(_cents(top / scale)),
                        "rate": str(rate), "amount": str(_cents(part / scale))}))
                below = max(below, top)
            extra /= scale
        limits = []
        if clause.minimum is not None and extra < clause.minimum:
            limits.append(Reason("turnover-minimum", {"minimum": str(clause.minimum),
                                                      "computed": str(_cents(extra))}))
            extra = clause.minimum
        if clause.maximum is not None and extra > clause.maximum:
            limits.append(Reason("turnover-maximum", {"maximum": str(clause.maximum),
                                                      "computed": str(_cents(extra))}))
            extra = clause.maximum
        amount = _cents(extra)
        said.append(Reason("turnover", {"month": month, "sales": str(sales),
                                        "rate": said_rate, "base": str(base),
                                        "breakpoint": str(_cents(breakpoint)),
                                        "natural": natural, "amount": str(amount)}))
        said += parts
        said += limits
        added += amount
    return added


def _cents(value: Decimal) -> Decimal:
    """A turnover month's figure to the cent, as ``money`` rounds every amount."""
    return money(value)
