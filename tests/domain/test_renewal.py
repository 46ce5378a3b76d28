"""Renewal advice: each rule of the table, its boundaries, and the reasons it gives."""

from __future__ import annotations

import doctest
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import domain.leasing.renewal
from domain.assets import UnitType
from domain.leasing.pipeline import LeadNeeds, Stage
from domain.leasing.renewal import (
    AdviceKind,
    RenewalFacts,
    demand,
    renewal_advice,
)

D = Decimal
ENDS = date(2027, 3, 31)
ON = date(2027, 1, 15)  # 75 days before the end
MARKET = ((date(2026, 6, 1), D(90)), (date(2026, 11, 1), D(100)), (date(2027, 1, 10), D(94)))
GOOD = RenewalFacts(ENDS, D(85), late_payments=1, max_days_late=6, comparables=MARKET, demand=3)


def codes(advice) -> list[str]:
    return [r.code for r in advice.reasons]


def params(advice, code: str) -> dict[str, str]:
    [found] = [r.params for r in advice.reasons if r.code == code]
    return found


def test_the_module_example():
    assert doctest.testmod(domain.leasing.renewal).failed == 0


def test_only_inside_ninety_days_of_the_end():
    early = renewal_advice(GOOD, ENDS - timedelta(days=91))
    assert early.kind is None and early.suggested_rate is None
    assert codes(early) == ["too-early"]
    assert params(early, "too-early") == {"ends_on": "2027-03-31", "opens_on": "2026-12-31",
                                          "days_left": "91"}
    assert renewal_advice(GOOD, ENDS - timedelta(days=90)).kind is AdviceKind.RENEW_INCREASE
    assert renewal_advice(GOOD, ENDS).kind is AdviceKind.RENEW_INCREASE  # its last day
    ended = renewal_advice(GOOD, ENDS + timedelta(days=1))
    assert ended.kind is None and codes(ended) == ["ended"]


def test_below_market_with_demand_renews_at_the_market():
    advice = renewal_advice(GOOD, ON)
    assert advice.kind is AdviceKind.RENEW_INCREASE
    assert advice.suggested_rate == D("93.5000")  # market 94 is 10.6 % up: held to +10 %
    assert codes(advice) == ["payments-good", "below-market", "demand", "capped"]
    assert params(advice, "below-market") == {"current": "85", "market": "94.0000",
                                              "gap": "10.6", "deals": "3"}
    assert params(advice, "payments-good") == {"count": "1", "max_days": "6"}
    assert params(advice, "demand") == {"leads": "3"}
    assert params(advice, "capped") == {"cap": "10.0", "market": "94.0000"}
    # nearer the market: the market's own rate, no cap
    near = renewal_advice(replace(GOOD, current_rate=D(88)), ON)
    assert near.kind is AdviceKind.RENEW_INCREASE and near.suggested_rate == D("94.0000")
    assert "capped" not in codes(near)


def test_below_market_without_demand_renews_flat():
    advice = renewal_advice(replace(GOOD, demand=0), ON)
    assert advice.kind is AdviceKind.RENEW_FLAT and advice.suggested_rate == D(85)
    assert codes(advice) == ["payments-good", "below-market", "no-demand"]


def test_at_or_above_the_market_renews_flat():
    # 5 % below exactly is still "at the market"
    at = renewal_advice(replace(GOOD, current_rate=D(100),
                                comparables=((date(2026, 11, 1), D(105)),)), ON)
    assert at.kind is AdviceKind.RENEW_FLAT and "at-market" in codes(at)
    just_below = renewal_advice(replace(GOOD, current_rate=D("89.5")), ON)  # 5.03 % below
    assert just_below.kind is AdviceKind.RENEW_INCREASE
    above = renewal_advice(replace(GOOD, current_rate=D(110)), ON)
    assert above.kind is AdviceKind.RENEW_FLAT and above.suggested_rate == D(110)
    assert params(above, "at-market")["gap"] == "-14.5"  # never advised down


def test_the_market_is_the_last_twelve_months_median():
    old = ((date(2025, 12, 1), D(200)), (date(2026, 1, 15), D(200)))  # 12 months before: out
    advice = renewal_advice(replace(GOOD, comparables=(*MARKET, *old)), ON)
    assert params(advice, "below-market")["market"] == "94.0000"
    even = (*MARKET[1:], (date(2026, 7, 1), D(91)))  # 100, 94, 91: still 94; add 80 → 92.5
    assert params(renewal_advice(replace(GOOD, comparables=even), ON),
                  "below-market")["market"] == "94.0000"
    four = (*even, (date(2026, 8, 1), D(80)))
    assert params(renewal_advice(replace(GOOD, comparables=four), ON),
                  "below-market")["market"] == "92.5000"
    future = ((date(2027, 2, 1), D(200)),)  # signed after the day asked: not known yet
    none = renewal_advice(replace(GOOD, comparables=(*old, *future)), ON)
    assert none.kind is AdviceKind.RENEW_FLAT and none.suggested_rate == D(85)
    assert codes(none) == ["payments-good", "no-comparables"]
    assert params(none, "no-comparables") == {"since": "2026-01-15"}


def test_arrears_or_repeated_lateness_let_go():
    arrears = renewal_advice(replace(GOOD, open_arrears=D("1234.5")), ON)
    assert arrears.kind is AdviceKind.LET_GO and arrears.suggested_rate is None
    assert codes(arrears) == ["arrears"] and params(arrears, "arrears") == {"amount": "1234.50"}
    often = renewal_advice(replace(GOOD, late_payments=3), ON)
    assert often.kind is AdviceKind.LET_GO and codes(often) == ["late-payments"]
    assert params(often, "late-payments") == {"count": "3", "max_days": "6"}
    long = renewal_advice(replace(GOOD, late_payments=1, max_days_late=30), ON)
    assert long.kind is AdviceKind.LET_GO
    both = renewal_advice(replace(GOOD, open_arrears=D(10), max_days_late=45), ON)
    assert codes(both) == ["arrears", "late-payments"]
    # twice late, at most 29 days: not enough to let go
    assert renewal_advice(replace(GOOD, late_payments=2, max_days_late=29), ON).kind is \
        AdviceKind.RENEW_INCREASE


def test_demand_counts_open_leads_the_space_fits():
    office = LeadNeeds(D(100), D(200), unit_type=UnitType.OFFICE)
    anything = LeadNeeds(D(150), D(400))
    small = LeadNeeds(D(10), D(50))
    leads = [(Stage.LEAD, office), (Stage.QUOTED, anything), (Stage.NEGOTIATING, small),
             (Stage.SIGNED, office), (Stage.LOST, anything)]
    assert demand(leads, D(180), UnitType.OFFICE) == 2
    assert demand(leads, D(180), UnitType.RETAIL) == 1
    assert demand(leads, D(300), UnitType.OFFICE) == 1
    assert demand(leads, D(500), UnitType.OFFICE) == 0
