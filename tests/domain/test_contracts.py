"""A contract's meaning for its units on a day, and its date checks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.contracts import (
    ContractDateError,
    ContractStatus,
    ContractTerm,
    Occupancy,
    check_dates,
)

SIGNED = date(2024, 1, 10)
STARTS = date(2024, 2, 1)
ENDS = date(2025, 1, 31)


def term(**changes) -> ContractTerm:
    values = {"signed_on": SIGNED, "starts_on": STARTS, "ends_on": ENDS}
    values.update(changes)
    return ContractTerm(**values)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2023, 12, 31), Occupancy.NONE),
        (SIGNED - timedelta(days=1), Occupancy.NONE),
        (SIGNED, Occupancy.SIGNED_NOT_STARTED),
        (STARTS - timedelta(days=1), Occupancy.SIGNED_NOT_STARTED),
        (STARTS, Occupancy.ACTIVE),
        (date(2024, 7, 15), Occupancy.ACTIVE),
        (ENDS, Occupancy.ACTIVE),  # the end date is the last day held
        (ENDS + timedelta(days=1), Occupancy.ENDED),
        (date(2030, 1, 1), Occupancy.ENDED),
    ],
)
def test_a_signed_contract_through_its_life(day, expected):
    assert term().occupancy_on(day) is expected


@pytest.mark.parametrize(
    "day", [SIGNED - timedelta(days=1), SIGNED, STARTS, ENDS, date(2030, 1, 1)]
)
def test_a_draft_occupies_nothing(day):
    assert term(status=ContractStatus.DRAFT).occupancy_on(day) is Occupancy.NONE


def test_a_terminated_contract_ends_on_its_termination_date():
    t = term(status=ContractStatus.TERMINATED, terminated_on=date(2024, 6, 30))
    assert t.occupancy_on(STARTS) is Occupancy.ACTIVE
    assert t.occupancy_on(date(2024, 6, 30)) is Occupancy.ACTIVE
    assert t.occupancy_on(date(2024, 7, 1)) is Occupancy.ENDED
    assert t.occupancy_on(ENDS) is Occupancy.ENDED


def test_a_termination_after_the_end_date_does_not_extend_it():
    t = term(status=ContractStatus.TERMINATED, terminated_on=date(2026, 6, 30))
    assert t.occupancy_on(ENDS) is Occupancy.ACTIVE
    assert t.occupancy_on(ENDS + timedelta(days=1)) is Occupancy.ENDED


def test_a_contract_terminated_before_it_started():
    t = term(status=ContractStatus.TERMINATED, terminated_on=date(2024, 1, 20))
    assert t.occupancy_on(date(2024, 1, 15)) is Occupancy.SIGNED_NOT_STARTED
    assert t.occupancy_on(date(2024, 1, 21)) is Occupancy.ENDED
    assert t.occupancy_on(STARTS) is Occupancy.ENDED


def test_a_terminated_contract_without_a_date_runs_to_its_end():
    t = term(status=ContractStatus.TERMINATED)
    assert t.occupancy_on(ENDS) is Occupancy.ACTIVE
    assert t.occupancy_on(ENDS + timedelta(days=1)) is Occupancy.ENDED


def test_a_one_day_contract_signed_the_same_day():
    day = date(2024, 2, 29)
    t = ContractTerm(day, day, day)
    assert t.occupancy_on(day) is Occupancy.ACTIVE
    assert t.occupancy_on(day - timedelta(days=1)) is Occupancy.NONE
    assert t.occupancy_on(day + timedelta(days=1)) is Occupancy.ENDED


def test_days_to_end():
    assert term().days_to_end(ENDS) == 0
    assert term().days_to_end(date(2025, 1, 1)) == 30
    assert term().days_to_end(date(2025, 2, 10)) == -10


def test_check_dates_accepts_consistent_dates():
    assert check_dates(SIGNED, STARTS, ENDS) == []
    assert check_dates(SIGNED, SIGNED, SIGNED) == []


def test_check_dates_names_a_start_before_signing():
    assert check_dates(date(2024, 3, 1), date(2024, 2, 1), ENDS) == [
        "rent start 2024-02-01 is before signing 2024-03-01"
    ]


def test_check_dates_names_an_end_before_the_start():
    assert check_dates(SIGNED, STARTS, date(2024, 1, 31)) == [
        "end 2024-01-31 is before rent start 2024-02-01"
    ]


def test_check_dates_names_every_problem():
    problems = check_dates(date(2024, 5, 1), date(2024, 4, 1), date(2024, 3, 1))
    assert problems == [
        "rent start 2024-04-01 is before signing 2024-05-01",
        "end 2024-03-01 is before rent start 2024-04-01",
    ]


def test_a_contract_with_contradicting_dates_cannot_be_made():
    with pytest.raises(ContractDateError) as caught:
        ContractTerm(date(2024, 5, 1), date(2024, 4, 1), date(2024, 3, 1))
    assert str(caught.value) == (
        "rent start 2024-04-01 is before signing 2024-05-01; "
        "end 2024-03-01 is before rent start 2024-04-01"
    )
    assert isinstance(caught.value, ValueError)


ORDER = [Occupancy.NONE, Occupancy.SIGNED_NOT_STARTED, Occupancy.ACTIVE, Occupancy.ENDED]


@given(
    signed=st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 1, 1)),
    lead=st.integers(min_value=0, max_value=400),
    length=st.integers(min_value=0, max_value=4000),
    terminated_after=st.one_of(st.none(), st.integers(min_value=0, max_value=5000)),
)
def test_occupancy_only_moves_forward(signed, lead, length, terminated_after):
    starts = signed + timedelta(days=lead)
    ends = starts + timedelta(days=length)
    status = ContractStatus.SIGNED if terminated_after is None else ContractStatus.TERMINATED
    terminated_on = None if terminated_after is None else signed + timedelta(terminated_after)
    t = ContractTerm(signed, starts, ends, status, terminated_on)
    days = [signed - timedelta(days=2) + timedelta(days=i) for i in range(0, lead + length + 6)]
    states = [t.occupancy_on(d) for d in days]
    ranks = [ORDER.index(s) for s in states]
    assert ranks == sorted(ranks)
    last = ends if terminated_on is None else min(ends, terminated_on)
    for day, state in zip(days, states, strict=True):
        assert (state is Occupancy.ACTIVE) == (starts <= day <= last)
