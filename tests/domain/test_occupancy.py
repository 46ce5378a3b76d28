"""The truth table of what a unit is on a date: every cell, and the sums it gives."""

from __future__ import annotations

import doctest
from decimal import Decimal

import pytest

import domain.occupancy
from domain.assets import UnitStatus
from domain.contracts import Occupancy
from domain.occupancy import (
    NOT_LEASABLE_STATUSES,
    UnitState,
    is_leasable,
    is_leased,
    is_vacant,
    may_sign,
    summarize_occupancy,
    unit_state,
)
from domain.space_use import SpaceUse

FREE, SIGNED, ACTIVE = Occupancy.NONE, Occupancy.SIGNED_NOT_STARTED, Occupancy.ACTIVE
LEASE = SpaceUse.LEASABLE
# The table of domain/occupancy.py, written out again on purpose: the code must match it.
TABLE = {
    UnitStatus.LEASABLE: (UnitState.VACANT, UnitState.SIGNED, UnitState.LEASED),
    UnitStatus.RESERVED: (UnitState.RESERVED, UnitState.SIGNED, UnitState.LEASED),
    UnitStatus.UNDER_RENOVATION: (UnitState.UNAVAILABLE, UnitState.SIGNED, UnitState.LEASED),
    UnitStatus.FROZEN: (UnitState.UNAVAILABLE, UnitState.SIGNED, UnitState.LEASED),
    UnitStatus.NOT_LEASABLE: (UnitState.NOT_LEASABLE,) * 3,  # signing refused
}
CELLS = [(status, occupancy, TABLE[status][i])
         for status in UnitStatus for i, occupancy in enumerate((FREE, SIGNED, ACTIVE))]


def test_the_table_covers_every_status() -> None:
    assert set(TABLE) == set(UnitStatus)
    assert len(CELLS) == 15


@pytest.mark.parametrize(("status", "occupancy", "state"), CELLS)
def test_each_cell(status: UnitStatus, occupancy: Occupancy, state: UnitState) -> None:
    assert unit_state(status, occupancy) is state
    assert is_vacant(status, occupancy) == (state is UnitState.VACANT)
    assert is_leased(status, occupancy) == (state is UnitState.LEASED)
    assert is_leasable(status) == (state is not UnitState.NOT_LEASABLE)
    summary = summarize_occupancy([(status, occupancy, Decimal(100), LEASE)])
    assert summary.units == 1
    assert summary.leasable_area == (0 if state is UnitState.NOT_LEASABLE else 100)
    assert summary.leased_area == (100 if state is UnitState.LEASED else 0)
    assert summary.vacant_area == (100 if state is UnitState.VACANT else 0)


@pytest.mark.parametrize("occupancy", [SIGNED, ACTIVE])
def test_a_not_leasable_unit_is_refused_a_contract_and_stays_not_leasable(
        occupancy: Occupancy) -> None:
    assert not may_sign(UnitStatus.NOT_LEASABLE)
    assert unit_state(UnitStatus.NOT_LEASABLE, occupancy) is UnitState.NOT_LEASABLE
    assert frozenset({UnitStatus.NOT_LEASABLE}) == NOT_LEASABLE_STATUSES
    assert all(may_sign(s) for s in UnitStatus if s is not UnitStatus.NOT_LEASABLE)


def test_an_ended_contract_frees_the_unit() -> None:
    assert unit_state(UnitStatus.LEASABLE, Occupancy.ENDED) is UnitState.VACANT


def test_issue_8_a_leased_unit_beside_a_not_leasable_one_is_full() -> None:
    summary = summarize_occupancy([(UnitStatus.LEASABLE, ACTIVE, Decimal(100), LEASE),
                                   (UnitStatus.NOT_LEASABLE, FREE, Decimal(100), LEASE)])
    assert summary.occupancy_rate == Decimal("1.0000")
    assert summarize_occupancy([]).occupancy_rate is None


def test_rate_rounds_half_up() -> None:
    # 1 / 20 000 = 0.00005: half up gives 0.0001, half even would give 0.0000
    summary = summarize_occupancy([(UnitStatus.LEASABLE, ACTIVE, Decimal(1), LEASE),
                                   (UnitStatus.LEASABLE, FREE, Decimal(19999), LEASE)])
    assert summary.occupancy_rate == Decimal("0.0001")


def test_module_examples() -> None:
    assert doctest.testmod(domain.occupancy).failed == 0


@pytest.mark.parametrize("use", [SpaceUse.COMMON, SpaceUse.BUILDING_COMMON])
@pytest.mark.parametrize("status", list(UnitStatus))
@pytest.mark.parametrize("occupancy", list(Occupancy))
def test_a_common_unit_is_common_whatever_its_status_and_contracts(
        use: SpaceUse, status: UnitStatus, occupancy: Occupancy) -> None:
    assert unit_state(status, occupancy, use) is UnitState.COMMON
    assert not is_leasable(status, use) and not may_sign(status, use)
    assert not is_vacant(status, occupancy, use) and not is_leased(status, occupancy, use)
    summary = summarize_occupancy([(status, occupancy, Decimal(100), use),
                                   (UnitStatus.LEASABLE, ACTIVE, Decimal(50), LEASE)])
    assert summary.units == 2
    assert summary.leasable_area == summary.leased_area == 50
    assert summary.occupancy_rate == Decimal("1.0000")
