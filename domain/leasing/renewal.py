"""Renewal advice (SPEC §4): at 90 days before a lease ends, renew with an increase, renew
flat, or let the tenant go, and why.

Three things decide it: how the tenant pays (late payments, the most days
late, arrears still open), the rent per m² against the market (the median
rent per m² of the park's deals of the same type signed in the last twelve
months), and demand (open leads whose needs the space fits). The rules, in
the order they are tried; the first that applies gives the advice:

==  =================================================  ==============  ====================
#   when                                               advice          suggested rate
==  =================================================  ==============  ====================
0   more than ``WINDOW_DAYS`` (90) before the end, or  none            none
    after it ("too-early" / "ended")
F   renewal frozen: the tenant's credit is in the      let go          none
    high or critical tier (SPEC §5 collections)
1   open arrears above zero                            let go          none
2   ``LATE_LIMIT`` (3) or more late payments, or one   let go          none
    ``DAYS_LATE_LIMIT`` (30) days late or more
3   no comparable deal in the last twelve months       renew flat      the current rate
4   below the market by more than ``BELOW_MARKET``     renew + raise   the market's, at most
    (5 %) and at least one lead wants such space                       ``CAP`` (10 %) above
                                                                       the current rate
5   anything else (at the market, or below it with     renew flat      the current rate
    no demand)
==  =================================================  ==============  ====================

Every advice lists all the reasons that bear on it (the payment record,
the market, demand), each a code and its figures for the views to word. A
frozen renewal (``renewal-frozen``, with the tier) lists the arrears and late
payments beside it when there are any.

>>> from decimal import Decimal as D
>>> facts = RenewalFacts(date(2027, 3, 31), D(80), comparables=(
...     (date(2026, 10, 1), D(90)), (date(2026, 12, 1), D(95)), (date(2027, 1, 5), D(86))),
...     demand=2)
>>> advice = renewal_advice(facts, date(2027, 1, 15))
>>> advice.kind.value, advice.suggested_rate, [r.code for r in advice.reasons]
('renew_increase', Decimal('88.0000'), ['payments-good', 'below-market', 'demand', 'capped'])
>>> renewal_advice(RenewalFacts(date(2027, 3, 31), D(80), renewal_frozen=True,
...                             credit_tier="high"), date(2027, 1, 15)).reasons
(AdviceReason(code='renewal-frozen', params={'tier': 'high'}),)
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from domain.assets import UnitType
from domain.leasing.matching import fits
from domain.leasing.pipeline import LeadNeeds, Stage
from domain.leasing.schedule import add_months
from domain.money import money, rate, round_to

WINDOW_DAYS = 90  # advice is given from this many days before the end
LATE_LIMIT = 3  # this many late payments or more: let go
DAYS_LATE_LIMIT = 30  # one payment this many days late or more: let go
BELOW_MARKET = Decimal("0.05")  # below the market by more than this: room to raise
CAP = Decimal("0.10")  # a renewal raises the rent by at most this
COMPARABLE_MONTHS = 12  # deals signed within this many months count as the market


class AdviceKind(StrEnum):
    RENEW_INCREASE = "renew_increase"
    RENEW_FLAT = "renew_flat"
    LET_GO = "let_go"


@dataclass(frozen=True)
class RenewalFacts:
    """What renewal advice reads about one contract.

    ``current_rate`` is its rent per m² per month now; ``comparables`` the park's signed
    deals of the same unit type as (signed on, rent per m² per month) — any age, only the
    last twelve months' count; ``demand`` how many open leads the space fits
    (:func:`demand`).
    """

    ends_on: date
    current_rate: Decimal
    late_payments: int = 0
    max_days_late: int = 0
    open_arrears: Decimal = Decimal("0.00")
    comparables: tuple[tuple[date, Decimal], ...] = ()
    demand: int = 0
    # Collections froze renewing this tenant (its credit tier: high or critical), and the
    # tier, for the reason's words (``domain.billing.collections.renewal_frozen``).
    renewal_frozen: bool = False
    credit_tier: str = ""


@dataclass(frozen=True)
class AdviceReason:
    code: str
    params: dict[str, str]


@dataclass(frozen=True)
class Advice:
    kind: AdviceKind | None  # None: not yet (or no more) the time to advise
    suggested_rate: Decimal | None  # per m² per month for the follow-on contract
    reasons: tuple[AdviceReason, ...]


def renewal_advice(facts: RenewalFacts, on: date) -> Advice:
    """The advice on ``on`` and its reasons (the table above)."""
    opens = facts.ends_on - timedelta(days=WINDOW_DAYS)
    if on > facts.ends_on:
        return Advice(None, None, (AdviceReason("ended", {"ends_on": facts.ends_on.isoformat()}),))
    if on < opens:
        return Advice(None, None, (AdviceReason("too-early", {
            "ends_on": facts.ends_on.isoformat(), "opens_on": opens.isoformat(),
            "days_left": str((facts.ends_on - on).days)}),))
    reasons: list[AdviceReason] = []
    late = {"count": str(facts.late_payments), "max_days": str(facts.max_days_late)}
    if facts.open_arrears > 0:
        reasons.append(AdviceReason("arrears", {"amount": str(money(facts.open_arrears))}))
    if facts.late_payments >= LATE_LIMIT or facts.max_days_late >= DAYS_LATE_LIMIT:
        reasons.append(AdviceReason("late-payments", late))
    if facts.renewal_frozen:
        reasons.insert(0, AdviceReason("renewal-frozen", {"tier": facts.credit_tier}))
    if reasons:
        return Advice(AdviceKind.LET_GO, None, tuple(reasons))
    reasons.append(AdviceReason("payments-good", late))
    current = facts.current_rate
    since = add_months(on, -COMPARABLE_MONTHS)
    recent = [r for signed, r in facts.comparables if since < signed <= on]
    if not recent or current <= 0:
        reasons.append(AdviceReason("no-comparables", {"since": since.isoformat()}))
        return Advice(AdviceKind.RENEW_FLAT, current, tuple(reasons))
    market = statistics.median(recent)
    gap = (market - current) / current
    reasons.append(AdviceReason("below-market" if gap > BELOW_MARKET else "at-market", {
        "current": str(current), "market": str(rate(market)), "gap": _percent(gap),
        "deals": str(len(recent))}))
    reasons.append(AdviceReason("demand", {"leads": str(facts.demand)}) if facts.demand
                   else AdviceReason("no-demand", {}))
    if gap > BELOW_MARKET and facts.demand > 0:
        ceiling = current * (1 + CAP)
        if market > ceiling:
            reasons.append(AdviceReason("capped", {"cap": _percent(CAP),
                                                   "market": str(rate(market))}))
        return Advice(AdviceKind.RENEW_INCREASE, rate(min(market, ceiling)), tuple(reasons))
    return Advice(AdviceKind.RENEW_FLAT, current, tuple(reasons))


def demand(leads: Iterable[tuple[Stage, LeadNeeds]], area: Decimal,
           unit_type: UnitType | None) -> int:
    """How many open leads a space of ``area`` and ``unit_type`` fits (matching's rule)."""
    return sum(1 for stage, needs in leads if stage.is_open and fits(needs, area, unit_type))


def _percent(value: Decimal) -> str:
    return str(round_to(value * 100, 1))
