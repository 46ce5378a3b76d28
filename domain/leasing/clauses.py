"""A contract's rent terms as frozen records: what the schedule is computed from.

Money is ``Decimal`` in the park's currency; rates are per m² (per month or
per day) over the billable area signed. Every clause is data, so the
schedule can say which clauses made each amount.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum


class Basis(StrEnum):
    PER_SQM_MONTH = "per_sqm_month"  # whole months billed, a partial one by its days
    PER_SQM_DAY = "per_sqm_day"  # actual days billed


class Cycle(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"

    @property
    def months(self) -> int:
        return {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}[self.value]


class RentFreeRule(StrEnum):
    """How overlapping rent-free periods combine."""

    STACK = "stack"  # lengths add up: a later one starts where the earlier one ends
    LONGER_WINS = "longer_wins"  # only the longest applies


class RentFreeKind(StrEnum):
    FIT_OUT = "fit_out"
    AFTER_OPENING = "after_opening"
    OTHER = "other"


@dataclass(frozen=True)
class RentFree:
    starts_on: date
    ends_on: date  # inclusive
    kind: RentFreeKind = RentFreeKind.OTHER

    @property
    def days(self) -> int:
        return (self.ends_on - self.starts_on).days + 1


class EscalationKind(StrEnum):
    FIXED_PERCENT = "fixed_percent"  # +p % on each anniversary of the term's start
    FIXED_AMOUNT = "fixed_amount"  # +a per m² per month (or day) on each anniversary
    STEPPED = "stepped"  # a table of (from day, price): steps may start mid-month
    CPI_CHANGE = "cpi_change"  # by the previous year's index change, floor and cap
    CPI_RATIO = "cpi_ratio"  # the base price × the index ratio to the base year, same bounds


@dataclass(frozen=True)
class Escalation:
    kind: EscalationKind
    percent: Decimal = Decimal(0)  # FIXED_PERCENT: e.g. 5 for +5 % a year
    amount: Decimal = Decimal(0)  # FIXED_AMOUNT: added to the price each anniversary
    steps: tuple[tuple[date, Decimal], ...] = ()  # STEPPED: the price from each day on
    # CPI_CHANGE and CPI_RATIO: the index per year, the adjustment's month and day
    # (1 January by default), and the floor and cap of the yearly change, in %. By ratio
    # the price is the base price × the last year's index ÷ the index of the year before
    # the term began.
    index: Mapping[int, Decimal] = field(default_factory=dict)
    on_month: int = 1
    on_day: int = 1
    floor: Decimal | None = None
    cap: Decimal | None = None


@dataclass(frozen=True)
class Turnover:
    """Percentage rent (扣率): the higher of the base rent or ``rate`` of a month's sales above
    the breakpoint; natural (base ÷ rate) unless an artificial one is given.

    With ``tiers`` the sales above the breakpoint are priced by bands, e.g.
    ((1000000, 0.08), (None, 0.10)): the first 1,000,000 above it at 8 %, the rest at 10 %;
    the natural breakpoint is then base ÷ the first band's rate, and ``rate`` is not read
    (keep it equal to the first band's). ``minimum`` and ``maximum`` hold the turnover part
    (what is added to the base) of a month with its sales reported.
    """

    rate: Decimal  # e.g. Decimal("0.08")
    breakpoint: Decimal | None = None  # artificial breakpoint per month; None: natural
    sales: Mapping[date, Decimal] = field(default_factory=dict)  # month's first day → sales
    # (upper bound of the sales above the breakpoint, rate), the last band's bound None
    tiers: tuple[tuple[Decimal | None, Decimal], ...] = ()
    minimum: Decimal | None = None  # the turnover part per month at least this
    maximum: Decimal | None = None  # and at most this


class ChargeKind(StrEnum):
    PROPERTY_FEE = "property_fee"  # 物业费
    SERVICE = "service"  # other fixed service charges (空调, 能耗 base …)
    PARKING = "parking"
    OTHER = "other"


@dataclass(frozen=True)
class Charge:
    """A fixed charge billed with the rent each period: per m² per month over the billable
    area, or a fixed amount per month. Prorated like rent; rent-free does not apply to it."""

    kind: ChargeKind
    amount: Decimal
    per_sqm: bool = True
    name: str = ""  # what the bill calls it, when ``kind`` is SERVICE or OTHER


class DueKind(StrEnum):
    DAYS_BEFORE = "days_before"  # due ``days`` before the period starts (0: on its first day)
    DAY_OF_MONTH = "day_of_month"  # due on day ``days`` of the month before the period starts


@dataclass(frozen=True)
class DueRule:
    kind: DueKind = DueKind.DAYS_BEFORE
    days: int = 0


@dataclass(frozen=True)
class LateFee:
    """Late fee per day on an overdue amount (e.g. 0.0005 = 0.05 % a day); billing reads it."""

    rate_per_day: Decimal
    capped: bool = True  # never more than the overdue amount itself
    grace_days: int = 0  # paid within these days after the due date: no fee
    # Paid later than the grace: the fee counts every day from the due date (True), or only
    # the days after the grace (False, the default).
    from_due_date: bool = False


@dataclass(frozen=True)
class RentTerms:
    """What a contract's rent schedule depends on."""

    area: Decimal  # billable area signed, m²
    rate: Decimal  # per m² per month or per day (``basis``); the first band's with tiers
    starts_on: date  # the term's start (delivery, or rent start without fit-out)
    ends_on: date  # inclusive
    basis: Basis = Basis.PER_SQM_MONTH
    cycle: Cycle = Cycle.MONTHLY
    calendar_periods: bool = False  # periods follow the calendar; first and last prorated
    thirty_day_months: bool = False  # a partial month is prorated over 30 days
    rent_free: tuple[RentFree, ...] = ()
    rent_free_rule: RentFreeRule = RentFreeRule.STACK
    escalation: Escalation | None = None
    turnover: Turnover | None = None
    # Tiered pricing: (band's upper bound in m², its price), the last band's bound None;
    # e.g. ((500, 100), (None, 90)): the first 500 m² at 100, the rest at 90.
    tiers: tuple[tuple[Decimal | None, Decimal], ...] = ()
    area_coefficient: Decimal = Decimal(1)  # area billed = billable area × this (e.g. 1.1)
    charges: tuple[Charge, ...] = ()  # property fee and other fixed charges
    due: DueRule = field(default_factory=lambda: DueRule())
    late_fee: LateFee | None = None
