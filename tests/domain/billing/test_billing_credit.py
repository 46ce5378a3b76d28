"""The credit score: each rule's points and reasons, the tier boundaries (84/85, 59/60,
39/40), the stored signals' shape, the payment record, and a score always in 0–100 whose
reasons add up to what it lost."""

from __future__ import annotations

import doctest
import uuid
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import domain.billing.credit
from domain.billing.ageing import BillDue, Receipt
from domain.billing.credit import (
    DEFAULT,
    CreditFacts,
    CreditParams,
    CreditSignal,
    LatePayment,
    Tier,
    credit_score,
    late_payments,
    signals_from_json,
    tier_of,
)

D = Decimal
ON = date(2026, 6, 30)
T = uuid.UUID(int=7)


def uid(n: int) -> uuid.UUID:
    return uuid.UUID(int=n)


def overdue(days: int) -> CreditFacts:
    return CreditFacts(T, oldest_due_on=ON - timedelta(days=days))


def late(n: int, paid_on: date = ON, days_late: int = 10) -> tuple[LatePayment, ...]:
    return tuple(LatePayment(uid(100 + i), paid_on - timedelta(days=days_late), paid_on,
                             days_late) for i in range(n))


def court(on: date = ON, until: date | None = None, note: str = "") -> CreditSignal:
    return CreditSignal(on, "court", note, until)


def tax(on: date = ON, until: date | None = None) -> CreditSignal:
    return CreditSignal(on, "tax", "", until)


def codes(score) -> list[tuple[str, int]]:
    return [(r.code, r.points) for r in score.reasons]


def test_the_module_examples():
    assert doctest.testmod(domain.billing.credit).failed == 0


def test_a_clean_tenant_scores_the_base():
    score = credit_score(CreditFacts(T), ON)
    assert (score.score, score.tier, score.reasons, score.notes) == (100, Tier.LOW, (), ())


def test_a_worked_score_with_every_reason():
    facts = CreditFacts(
        T, oldest_due_on=date(2026, 5, 1),  # 60 days: 60 // 3 = 20 points
        late_payments=late(2, date(2026, 3, 1), 15),  # 6 points
        signals=(court(date(2026, 1, 10), note="(2026)沪0115民初123号"),
                 tax(date(2026, 2, 1)), CreditSignal(date(2026, 2, 3), "rating", "降级")))
    score = credit_score(facts, ON)
    assert codes(score) == [("overdue", 20), ("late-payments", 6), ("court", 15), ("tax", 10)]
    assert (score.score, score.tier) == (49, Tier.HIGH)  # 100 − 20 − 6 − 15 − 10
    overdue_reason, late_reason, court_reason, _ = score.reasons
    assert overdue_reason.params == {"days": "60", "due_on": "2026-05-01",
                                     "days_per_point": "3", "cap": "60"}
    assert late_reason.params["count"] == "2"
    assert late_reason.params["since"] == "2025-06-30"
    assert late_reason.params["max_days_late"] == "15"
    assert late_reason.params["bills"] == f"{uid(100)},{uid(101)}"
    assert court_reason.params == {"on": "2026-01-10", "kind": "court",
                                   "note": "(2026)沪0115民初123号", "until": "2028-01-10"}
    assert [(n.code, n.params["note"]) for n in score.notes] == [("signal-other-kind", "降级")]


@pytest.mark.parametrize(("days", "points"), [
    (-3, 0), (0, 0), (2, 0), (3, 1), (5, 1), (6, 2), (179, 59), (180, 60), (900, 60)])
def test_one_point_per_whole_three_days_of_the_oldest_overdue_bill_at_most_sixty(days, points):
    score = credit_score(overdue(days), ON)
    assert score.score == 100 - points
    assert codes(score) == ([("overdue", points)] if points else [])


@pytest.mark.parametrize(("days", "points"), [
    (4, 0), (5, 1), (9, 1), (10, 2), (149, 29), (150, 30), (900, 30)])
def test_the_overdue_rule_reads_its_days_per_point_and_cap_from_the_params(days, points):
    params = CreditParams(overdue_days_per_point=5, overdue_cap=30)
    score = credit_score(overdue(days), ON, params)
    assert score.score == 100 - points
    assert codes(score) == ([("overdue", points)] if points else [])
    if points:
        assert score.reasons[0].params["days_per_point"] == "5"
        assert score.reasons[0].params["cap"] == "30"


@pytest.mark.parametrize(("days", "score", "tier"), [
    (47, 85, Tier.LOW),  # 47 // 3 = 15
    (48, 84, Tier.MEDIUM),  # 16: medium after about seven weeks
    (122, 60, Tier.MEDIUM),  # 40
    (123, 59, Tier.HIGH),  # 41: high after four months, in the 90+ column
    (180, 40, Tier.HIGH),  # the cap, 60
    (287, 40, Tier.HIGH),  # the demo park's tenant owing nine months: not medium risk
])
def test_a_tenant_who_stopped_paying_falls_by_days_alone(days, score, tier):
    # No late payments (a bill still open is not one) and no signals: only days count.
    result = credit_score(overdue(days), ON)
    assert (result.score, result.tier) == (score, tier)
    assert codes(result) == [("overdue", 100 - score)]


def test_late_payments_count_within_twelve_months_and_up_to_thirty_points():
    since = date(2025, 6, 30)
    payments = (late(1, since) + late(1, since + timedelta(days=1))
                + late(1, ON) + late(1, ON + timedelta(days=1)))
    payments = tuple(LatePayment(uid(i), p.due_on, p.paid_on, p.days_late)
                     for i, p in enumerate(payments))
    score = credit_score(CreditFacts(T, late_payments=payments), ON)
    assert codes(score) == [("late-payments", 6)]  # the day after `since`, and ON
    assert score.reasons[0].params["bills"] == f"{uid(1)},{uid(2)}"
    assert credit_score(CreditFacts(T, late_payments=late(10)), ON).score == 70
    assert codes(credit_score(CreditFacts(T, late_payments=late(14)), ON)) == [
        ("late-payments", 30)]


def test_a_grace_lets_a_slightly_late_payment_go():
    facts = CreditFacts(T, late_payments=(
        *late(1, days_late=3), LatePayment(uid(9), ON - timedelta(days=4), ON, 4)))
    assert credit_score(facts, ON).score == 94
    assert credit_score(facts, ON, CreditParams(late_grace_days=3)).score == 97


def test_signals_count_from_their_day_to_their_end_both_included():
    start = date(2025, 6, 30)
    explicit = court(start, until=ON)
    assert codes(credit_score(CreditFacts(T, signals=(explicit,)), ON)) == [("court", 15)]
    after = credit_score(CreditFacts(T, signals=(explicit,)), ON + timedelta(days=1))
    assert (after.score, [n.code for n in after.notes]) == (100, ["signal-ended"])
    # Without an end: court 24 months, tax 12 months.
    assert credit_score(CreditFacts(T, signals=(court(date(2024, 6, 30)),)), ON).score == 85
    assert credit_score(CreditFacts(T, signals=(court(date(2024, 6, 29)),)), ON).score == 100
    assert credit_score(CreditFacts(T, signals=(tax(date(2025, 6, 30)),)), ON).score == 90
    assert credit_score(CreditFacts(T, signals=(tax(date(2025, 6, 29)),)), ON).score == 100
    # Entered ahead of its day (time travel): not yet.
    coming = credit_score(CreditFacts(T, signals=(court(ON + timedelta(days=1)),)), ON)
    assert (coming.score, [n.code for n in coming.notes]) == (100, ["signal-not-yet"])
    assert credit_score(CreditFacts(T, signals=(court(ON),)), ON).score == 85


def test_each_signal_is_its_own_reason_and_kinds_are_read_as_typed():
    signals = (CreditSignal(ON, " Court ", "a"), CreditSignal(ON, "诉讼", "b"),
               CreditSignal(ON, "税务", "c"), CreditSignal(ON, "news", "d"))
    score = credit_score(CreditFacts(T, signals=signals), ON)
    assert codes(score) == [("court", 15), ("tax", 10), ("court", 15)]
    assert score.score == 60
    assert [n.code for n in score.notes] == ["signal-other-kind"]


def test_the_score_stops_at_zero_and_the_reasons_still_add_up():
    facts = CreditFacts(T, oldest_due_on=ON - timedelta(days=365), late_payments=late(12),
                        signals=tuple(court(ON, note=str(i)) for i in range(4)))
    score = credit_score(facts, ON)
    assert score.score == 0
    assert score.tier is Tier.CRITICAL
    # 365 days: 60 (the cap); 12 late payments: 30 (the cap); 4 courts: 60. 150 off.
    assert codes(score)[-1] == ("floor", -50)
    assert score.reasons[-1].params == {"points_off": "150", "floor": "0"}
    assert sum(r.points for r in score.reasons) == 100
    # 135 days: 45; 10 late payments: 30; a court: 15; a tax: 10. 100 off: no floor needed.
    exactly = CreditFacts(T, oldest_due_on=ON - timedelta(days=135), late_payments=late(10),
                          signals=(court(ON, note="1"), tax(ON)))
    assert codes(credit_score(exactly, ON))[-1] == ("tax", 10)
    assert credit_score(exactly, ON).score == 0


@pytest.mark.parametrize(("facts", "score", "tier"), [
    (CreditFacts(T, signals=(court(),)), 85, Tier.LOW),
    (CreditFacts(T, oldest_due_on=ON - timedelta(days=3), signals=(court(),)), 84,
     Tier.MEDIUM),  # 3 days: 1
    # court 15 + tax 10, and 47 days: 15 → 60; 48 days: 16 → 59.
    (CreditFacts(T, oldest_due_on=ON - timedelta(days=47), signals=(court(), tax())), 60,
     Tier.MEDIUM),
    (CreditFacts(T, oldest_due_on=ON - timedelta(days=48), signals=(court(), tax())), 59,
     Tier.HIGH),
    # two courts 30, and 92 days: 30 → 40; 93 days: 31 → 39.
    (CreditFacts(T, oldest_due_on=ON - timedelta(days=92),
                 signals=(court(note="1"), court(note="2"))), 40, Tier.HIGH),
    (CreditFacts(T, oldest_due_on=ON - timedelta(days=93),
                 signals=(court(note="1"), court(note="2"))), 39, Tier.CRITICAL),
    # 90 days: 30; 2 late payments: 6; court 15 + tax 10. 61 off.
    (CreditFacts(T, oldest_due_on=ON - timedelta(days=90), late_payments=late(2),
                 signals=(court(), tax())), 39, Tier.CRITICAL),
])
def test_the_tier_boundaries(facts, score, tier):
    result = credit_score(facts, ON)
    assert (result.score, result.tier) == (score, tier)


@pytest.mark.parametrize(("score", "tier"), [
    (100, Tier.LOW), (85, Tier.LOW), (84, Tier.MEDIUM), (60, Tier.MEDIUM), (59, Tier.HIGH),
    (40, Tier.HIGH), (39, Tier.CRITICAL), (0, Tier.CRITICAL)])
def test_tier_of(score, tier):
    assert tier_of(score) is tier


def test_the_parameters_are_checked():
    with pytest.raises(ValueError, match="tiers"):
        CreditParams(medium_from=85)
    with pytest.raises(ValueError, match="zero or more"):
        CreditParams(overdue_days_per_point=0)
    with pytest.raises(ValueError, match="zero or more"):
        CreditParams(court_points=-1)
    with pytest.raises(AttributeError):
        DEFAULT.base = 90  # type: ignore[misc]


# -- the stored signals ----------------------------------------------------------------------


def test_the_stored_shape_is_read_and_what_cannot_be_is_kept_as_text():
    stored = [
        {"on": "2026-03-02", "kind": "court", "note": "案号 123"},
        {"on": "2026-03-05T00:00:00", "kind": "tax", "note": None, "until": "2026-09-30"},
        {"on": date(2026, 1, 1), "kind": "news"},
        {"kind": "tax", "note": "no day"},
        {"on": "yesterday", "kind": "court"},
        {"on": "2026-03-02", "kind": "  "},
        "not a mapping",
    ]
    signals, unreadable = signals_from_json(stored)
    assert signals == (
        CreditSignal(date(2026, 3, 2), "court", "案号 123"),
        CreditSignal(date(2026, 3, 5), "tax", "", date(2026, 9, 30)),
        CreditSignal(date(2026, 1, 1), "news"))
    assert len(unreadable) == 4
    assert "no day" in unreadable[0]
    assert signals_from_json(None) == ((), ())
    assert signals_from_json([]) == ((), ())
    score = credit_score(CreditFacts(T, signals=signals, unreadable=unreadable),
                         date(2026, 4, 1))
    assert codes(score) == [("court", 15), ("tax", 10)]
    assert [n.code for n in score.notes] == ["signal-other-kind"] + ["signal-unreadable"] * 4


# -- the payment record --------------------------------------------------------------------

A, B, C, E, F, G = (uid(n) for n in range(1, 7))
DUE = date(2026, 3, 5)


def test_the_payment_record_from_bills_and_allocations():
    bills = [BillDue(A, DUE, D("100.00")),      # paid on the due day
             BillDue(B, DUE, D("100.00")),      # part on time, the rest 4 days late
             BillDue(C, DUE, D("100.00")),      # paid, reversed, paid again later
             BillDue(E, DUE, D("100.00")),      # still part open
             BillDue(F, DUE, D("60.00")), BillDue(F, DUE, D("40.00")),  # two lines
             BillDue(G, DUE, D("0.00"))]        # billed nothing
    receipts = [Receipt(A, DUE, D("100.00")),
                Receipt(B, DUE, D("60.00")), Receipt(B, date(2026, 3, 9), D("40.00")),
                Receipt(C, date(2026, 3, 6), D("100.00")),
                Receipt(C, date(2026, 3, 8), D("-100.00")),
                Receipt(C, date(2026, 3, 20), D("100.00")),
                Receipt(E, date(2026, 3, 10), D("99.99")),
                Receipt(F, date(2026, 3, 7), D("100.00")),
                Receipt(uid(99), date(2026, 3, 7), D("5.00"))]
    record = late_payments(bills, receipts, date(2026, 4, 1))
    assert [(x.bill_id, x.paid_on, x.days_late) for x in record] == [
        (F, date(2026, 3, 7), 2), (B, date(2026, 3, 9), 4), (C, date(2026, 3, 20), 15)]
    # As of an earlier day, a later allocation is not made yet.
    record = late_payments(bills, receipts, date(2026, 3, 10))
    assert [(x.bill_id, x.paid_on) for x in record] == [
        (F, date(2026, 3, 7)), (B, date(2026, 3, 9))]


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.none(), st.integers(-30, 900)),
       st.lists(st.tuples(st.integers(-800, 30), st.integers(1, 200)), max_size=25),
       st.lists(st.tuples(st.sampled_from(["court", "tax", "诉讼", "news", "TAX"]),
                          st.integers(-900, 30), st.one_of(st.none(), st.integers(0, 900))),
                max_size=12))
def test_the_score_is_within_0_and_100_and_its_reasons_add_up(oldest, paid, signals):
    facts = CreditFacts(
        T, oldest_due_on=None if oldest is None else ON - timedelta(days=oldest),
        late_payments=tuple(
            LatePayment(uid(i), ON + timedelta(days=p - d), ON + timedelta(days=p), d)
            for i, (p, d) in enumerate(paid)),
        signals=tuple(CreditSignal(ON + timedelta(days=s), kind, str(i),
                                   None if end is None else ON + timedelta(days=s + end))
                      for i, (kind, s, end) in enumerate(signals)))
    score = credit_score(facts, ON)
    assert 0 <= score.score <= 100
    assert sum(r.points for r in score.reasons) == 100 - score.score
    assert score.tier is tier_of(score.score)
    assert all(r.points > 0 for r in score.reasons if r.code != "floor")
    assert len([r for r in score.reasons if r.code in ("court", "tax")]) + len(
        [n for n in score.notes if n.code.startswith("signal")]) == len(signals)


def test_a_reversal_and_its_correction_on_one_day_do_not_move_the_settling_day():
    day1, day2 = date(2026, 3, 7), date(2026, 3, 12)
    for order in ((D("-100.00"), D("100.00")), (D("100.00"), D("-100.00"))):
        receipts = [Receipt(A, day1, D("100.00"))] + [Receipt(A, day2, x) for x in order]
        [late] = late_payments([BillDue(A, DUE, D("100.00"))], receipts, date(2026, 4, 1))
        assert (late.paid_on, late.days_late) == (day1, 2)
