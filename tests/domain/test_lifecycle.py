"""A contract's derived state on a viewed date, its checkpoints and alerts, its termination."""

from __future__ import annotations

import doctest
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import domain.leasing.lifecycle
from domain.contracts import (
    ContractStatus,
    ContractTerm,
    Holding,
    Occupancy,
    holding_on,
    vacant_since,
)
from domain.leasing.clauses import Cycle, Escalation, EscalationKind, RentFree, RentTerms
from domain.leasing.lifecycle import (
    Alert,
    Checkpoint,
    CheckpointKind,
    ContractState,
    OwnerRole,
    TerminationKind,
    checkpoints,
    contract_state,
    first_payment_due,
    late_checkpoints,
    termination_kind,
    termination_problems,
)
from domain.leasing.schedule import rent_schedule

D = Decimal
S = ContractStatus
STARTS = date(2026, 3, 1)
ENDS = date(2029, 2, 28)
DAY = timedelta(days=1)


def state(on: date, status: ContractStatus = S.SIGNED, terminated_on: date | None = None,
          **kw: object) -> ContractState:
    return contract_state(status, STARTS, ENDS, terminated_on, on, **kw)  # type: ignore[arg-type]


def test_the_module_example():
    assert doctest.testmod(domain.leasing.lifecycle).failed == 0


@pytest.mark.parametrize(("on", "expected"), [
    (STARTS - DAY, ContractState.SIGNED),
    (STARTS, ContractState.ACTIVE),
    (ENDS - timedelta(days=91), ContractState.ACTIVE),
    (ENDS - timedelta(days=90), ContractState.EXPIRING),
    (ENDS, ContractState.EXPIRING),
    (ENDS + DAY, ContractState.ENDED),
])
def test_a_signed_contract_through_its_life(on, expected):
    assert state(on) is expected


def test_a_draft_is_a_draft_on_every_day():
    assert {state(d, S.DRAFT) for d in (STARTS - DAY, STARTS, ENDS, ENDS + DAY)} == {
        ContractState.DRAFT}


def test_before_its_signing_a_contract_was_a_draft():
    assert state(date(2026, 2, 9), signed_on=date(2026, 2, 10)) is ContractState.DRAFT
    assert state(date(2026, 2, 10), signed_on=date(2026, 2, 10)) is ContractState.SIGNED


def test_the_expiring_threshold_is_a_parameter():
    assert state(ENDS - timedelta(days=60), expiring_days=30) is ContractState.ACTIVE
    assert state(ENDS - timedelta(days=30), expiring_days=30) is ContractState.EXPIRING


def test_a_follow_on_starting_the_day_after_renews():
    renewed = {"renewed_by_start": ENDS + DAY}
    assert state(ENDS - timedelta(days=91), **renewed) is ContractState.ACTIVE
    assert state(ENDS - timedelta(days=90), **renewed) is ContractState.RENEWED
    assert state(ENDS + timedelta(days=400), **renewed) is ContractState.RENEWED
    gap = {"renewed_by_start": ENDS + 2 * DAY}  # a day empty in between: a new lease
    assert state(ENDS, **gap) is ContractState.EXPIRING
    assert state(ENDS + DAY, **gap) is ContractState.ENDED


def test_an_early_termination_expires_towards_its_date_then_is_terminated():
    end = date(2027, 6, 30)
    assert state(date(2027, 3, 1), S.TERMINATED, end) is ContractState.ACTIVE
    assert state(end - timedelta(days=90), S.TERMINATED, end) is ContractState.EXPIRING
    assert state(end, S.TERMINATED, end) is ContractState.EXPIRING
    assert state(end + DAY, S.TERMINATED, end) is ContractState.TERMINATED
    # a terminated contract is not renewed, even with a follow-on the day after its end
    assert state(ENDS + DAY, S.TERMINATED, end, renewed_by_start=ENDS + DAY) is (
        ContractState.TERMINATED)


def test_a_cancellation_before_the_start():
    cancelled = date(2026, 2, 15)
    assert state(cancelled, S.TERMINATED, cancelled) is ContractState.SIGNED
    assert state(cancelled + DAY, S.TERMINATED, cancelled) is ContractState.TERMINATED
    assert state(STARTS + DAY, S.TERMINATED, cancelled) is ContractState.TERMINATED


def test_a_termination_without_a_date_takes_effect_at_the_end():
    assert state(ENDS, S.TERMINATED) is ContractState.EXPIRING
    assert state(ENDS + DAY, S.TERMINATED) is ContractState.TERMINATED


HOLDING = {ContractState.ACTIVE, ContractState.EXPIRING}


@settings(max_examples=200, deadline=None)
@given(
    start=st.integers(0, 400), length=st.integers(0, 800), offset=st.integers(-50, 1300),
    status=st.sampled_from(list(S)), terminated=st.one_of(st.none(), st.integers(-30, 1300)),
    renewed=st.booleans(), signed_lead=st.integers(-60, 400),
)
def test_the_state_holds_the_units_exactly_when_the_maps_say_they_are_held(
        start, length, offset, status, terminated, renewed, signed_lead):
    """Derived state and domain.contracts' occupancy are one rule seen twice."""
    base = date(2026, 1, 1)
    starts = base + timedelta(days=start)
    ends = starts + timedelta(days=length)
    stop = None if terminated is None else base + timedelta(days=terminated)
    on = base + timedelta(days=offset)
    signed = base + timedelta(days=min(start, signed_lead))
    found = contract_state(status, starts, ends, stop, on, signed_on=signed,
                           renewed_by_start=ends + DAY if renewed else None)
    occupancy = ContractTerm(signed, starts, ends, status, stop).occupancy_on(on)
    in_term = found in HOLDING or (found is ContractState.RENEWED and on <= ends)
    assert in_term == (occupancy is Occupancy.ACTIVE)
    assert (found is ContractState.SIGNED) == (occupancy is Occupancy.SIGNED_NOT_STARTED)


# -- checkpoints -----------------------------------------------------------------------

SIGNED = date(2026, 2, 10)
RENT_START = date(2026, 6, 1)


def example_a_lines():
    terms = RentTerms(D(200), D(100), STARTS, ENDS, cycle=Cycle.QUARTERLY,
                      rent_free=(RentFree(STARTS, date(2026, 5, 31)),),
                      escalation=Escalation(EscalationKind.FIXED_PERCENT, percent=D(5)))
    return rent_schedule(terms)[0]


def test_the_first_payment_is_the_first_line_with_an_amount():
    assert first_payment_due(example_a_lines()) == date(2026, 6, 1)  # the fit-out quarter is free
    assert first_payment_due([]) is None


def test_checkpoints_of_example_a_in_order_with_their_owners():
    found = checkpoints(SIGNED, STARTS, RENT_START, first_payment_due(example_a_lines()),
                        STARTS, ENDS)
    head = [(c.code, c.due_on, c.owner_role) for c in found[:4]]
    assert head == [
        ("signed", SIGNED, OwnerRole.LEASING),
        ("delivered", STARTS, OwnerRole.OPERATIONS),
        ("rent-start", RENT_START, OwnerRole.FINANCE),
        ("first-payment", RENT_START, OwnerRole.FINANCE),
    ]
    assert found[0].done_on == SIGNED and all(c.done_on is None for c in found[1:])
    reviews = [c for c in found if c.kind is CheckpointKind.REVIEW]
    assert [c.due_on for c in reviews] == [
        date(2026, 9, 1), date(2026, 12, 1), date(2027, 3, 1), date(2027, 6, 1),
        date(2027, 9, 1), date(2027, 12, 1), date(2028, 3, 1), date(2028, 6, 1),
        date(2028, 9, 1), date(2028, 12, 1)]
    assert reviews[-1].code == "review-10"
    tail = [(c.code, c.due_on, c.owner_role) for c in found[-6:]]
    assert tail == [
        ("review-9", date(2028, 9, 1), OwnerRole.LEASING),
        ("end-90", date(2028, 11, 30), OwnerRole.LEASING),
        ("review-10", date(2028, 12, 1), OwnerRole.LEASING),
        ("end-60", date(2028, 12, 30), OwnerRole.LEASING),
        ("end-30", date(2029, 1, 29), OwnerRole.MANAGER),
        ("end-7", date(2029, 2, 21), OwnerRole.OPERATIONS),
    ]
    assert len(found) == 4 + 10 + 4


def test_reviews_keep_the_rent_start_day_through_short_months():
    found = checkpoints(date(2026, 1, 2), None, None, None, date(2026, 1, 31), date(2026, 12, 31))
    assert [c.due_on for c in found if c.kind is CheckpointKind.REVIEW] == [
        date(2026, 4, 30), date(2026, 7, 31), date(2026, 10, 31)]
    assert [c.due_on for c in found[:3]] == [date(2026, 1, 2), date(2026, 1, 31),
                                             date(2026, 1, 31)]  # delivery = term start


def test_a_short_term_has_no_countdown_before_it_starts():
    found = checkpoints(date(2026, 1, 1), None, None, None, date(2026, 1, 1), date(2026, 2, 14))
    assert [c.code for c in found if c.kind is CheckpointKind.END] == ["end-30", "end-7"]


def test_a_terminated_contract_has_nothing_due_after_its_termination():
    found = checkpoints(SIGNED, STARTS, RENT_START, RENT_START, STARTS, ENDS,
                        terminated_on=date(2027, 6, 30))
    assert [c for c in found if c.kind is CheckpointKind.END] == []
    assert max(c.due_on for c in found) == date(2027, 6, 1)  # review-4
    cancelled = checkpoints(SIGNED, STARTS, RENT_START, RENT_START, STARTS, ENDS,
                            terminated_on=date(2026, 2, 20))
    assert [c.code for c in cancelled] == ["signed"]


def test_done_marks_fill_the_checkpoints():
    found = checkpoints(SIGNED, STARTS, RENT_START, None, STARTS, ENDS,
                        done={"delivered": date(2026, 3, 2)})
    assert [c.done_on for c in found[:3]] == [SIGNED, date(2026, 3, 2), None]


def test_late_checkpoints_on_a_day():
    found = checkpoints(SIGNED, STARTS, RENT_START, RENT_START, STARTS, ENDS)
    on = date(2026, 6, 10)
    done = {"delivered": date(2026, 3, 3)}
    assert late_checkpoints(found, done, on) == [
        Alert("rent-start", RENT_START, 9, OwnerRole.FINANCE),
        Alert("first-payment", RENT_START, 9, OwnerRole.FINANCE)]
    assert late_checkpoints(found, done, on, grace_days=9) == []
    assert [a.days_late for a in late_checkpoints(found, done, on, grace_days=8)] == [9, 9]
    # delivered on 3 March was not done yet on 2 March: that day shows it late
    assert late_checkpoints(found, done, date(2026, 3, 2)) == [
        Alert("delivered", STARTS, 1, OwnerRole.OPERATIONS)]
    # due today is not late
    assert late_checkpoints(found, done, RENT_START) == []


def test_a_checkpoint_done_later_was_late_before_it_was_done():
    found = [Checkpoint("review-1", date(2026, 9, 1), OwnerRole.LEASING)]
    done = {"review-1": date(2026, 9, 20)}
    assert late_checkpoints(found, done, date(2026, 9, 10)) == [
        Alert("review-1", date(2026, 9, 1), 9, OwnerRole.LEASING)]
    assert late_checkpoints(found, done, date(2026, 9, 20)) == []


# -- termination -----------------------------------------------------------------------


def test_termination_after_the_end_is_refused():
    [problem] = termination_problems(STARTS, ENDS, ENDS + DAY, date(2027, 1, 1))
    assert (problem.field, problem.code) == ("terminated_on", "termination-after-end")
    assert termination_kind(STARTS, ENDS, ENDS + DAY) is None


def test_termination_before_the_start_is_a_cancellation_while_the_term_has_not_begun():
    before = date(2026, 2, 20)
    assert termination_problems(STARTS, ENDS, before, date(2026, 2, 20)) == []
    assert termination_kind(STARTS, ENDS, before) is TerminationKind.CANCELLATION
    [problem] = termination_problems(STARTS, ENDS, before, STARTS)
    assert problem.code == "cancellation-after-start"


def test_early_and_at_the_end():
    assert termination_problems(STARTS, ENDS, date(2027, 6, 30), date(2027, 6, 1)) == []
    assert termination_kind(STARTS, ENDS, date(2027, 6, 30)) is TerminationKind.EARLY
    assert termination_kind(STARTS, ENDS, STARTS) is TerminationKind.EARLY
    assert termination_kind(STARTS, ENDS, ENDS) is TerminationKind.AT_END


def test_the_units_are_vacant_from_the_day_after_the_termination():
    stop = date(2027, 6, 30)
    term = ContractTerm(SIGNED, STARTS, ENDS, ContractStatus.TERMINATED, stop)
    holds = [Holding(term, "Acme", "C-1", D("20000.00"))]
    assert holding_on(holds, stop) == (Occupancy.ACTIVE, holds[0])
    assert holding_on(holds, stop + DAY) == (Occupancy.NONE, None)
    assert vacant_since(holds, date(2027, 8, 1)) == stop + DAY
    assert contract_state(ContractStatus.TERMINATED, STARTS, ENDS, stop, stop + DAY) is (
        ContractState.TERMINATED)


def test_a_later_review_or_countdown_supersedes_an_earlier_one_not_done():
    from domain.leasing.lifecycle import checkpoints, late_checkpoints, superseded

    found = checkpoints(date(2025, 12, 1), None, None, None, date(2026, 1, 1),
                        date(2026, 12, 31))
    on = date(2026, 12, 1)  # reviews 1–3 and end-90/-60 are due; review-3 and end-30 latest
    replaced = superseded(found, on)
    # six months in, hand-over and rent start are the register's gaps, not tasks
    assert replaced == {"review-1", "review-2", "end-90", "end-60", "delivered", "rent-start"}
    late = {a.code for a in late_checkpoints(found, {}, on)}
    assert late == {"review-3"}  # end-30 is due today: not late
    early = date(2026, 5, 1)  # one review due: the hand-over is still chased
    assert {a.code for a in late_checkpoints(found, {}, early)} == {
        "delivered", "rent-start", "review-1"}
