"""Common-area allocation: shares add up exactly and stay proportional."""

from __future__ import annotations

import doctest
import itertools
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import domain.allocation
from domain.allocation import allocate_common_area, allocation_ratio, load_factor

D = Decimal
CENT = D("0.01")


def test_the_module_examples_hold():
    assert doctest.testmod(domain.allocation).failed == 0


def test_a_simple_floor():
    assert allocate_common_area([D("100"), D("50"), D("50")], D("40.00")) == [
        D("20.00"),
        D("10.00"),
        D("10.00"),
    ]


def test_the_odd_cent_goes_to_the_largest_remainder_then_the_first_unit():
    assert allocate_common_area([D("1"), D("1"), D("1")], D("1.00")) == [
        D("0.34"),
        D("0.33"),
        D("0.33"),
    ]
    assert allocate_common_area([D("1"), D("2")], D("0.01")) == [D("0.00"), D("0.01")]
    assert allocate_common_area([D("1"), D("1")], D("0.01")) == [D("0.01"), D("0.00")]


def test_agreed_weights_replace_internal_areas():
    shares = allocate_common_area([D("100"), D("100")], D("30.00"), weights=[D("2"), D("1")])
    assert shares == [D("20.00"), D("10.00")]


def test_zero_common_area_and_zero_weight_units():
    assert allocate_common_area([D("10"), D("20")], D("0")) == [D("0.00"), D("0.00")]
    assert allocate_common_area([D("10"), D("0"), D("30")], D("4.00")) == [
        D("1.00"),
        D("0.00"),
        D("3.00"),
    ]


def test_no_units_gives_no_shares():
    assert allocate_common_area([], D("0")) == []


@pytest.mark.parametrize(
    ("internal", "common", "weights", "message"),
    [
        ([D("10")], D("-1"), None, "negative"),
        ([D("10"), D("5")], D("1"), [D("1")], "one weight per unit"),
        ([D("10"), D("5")], D("1"), [D("1"), D("-1")], "negative"),
        ([D("0"), D("0")], D("1"), None, "all zero"),
    ],
)
def test_bad_input_is_refused(internal, common, weights, message):
    with pytest.raises(ValueError, match=message):
        allocate_common_area(internal, common, weights)


def test_ratio_and_load_factor():
    assert allocation_ratio([D("100"), D("100")], D("50")) == D("0.250000")
    assert load_factor([D("100"), D("100")], D("50")) == D("1.250000")
    assert allocation_ratio([D("3")], D("1")) == D("0.333333")
    assert allocation_ratio([D("3")], D("2")) == D("0.666667")  # half up at the sixth place
    with pytest.raises(ValueError, match="no internal area"):
        allocation_ratio([D("0")], D("1"))


areas = st.decimals(min_value=D("0.01"), max_value=D("20000"), places=2)
commons = st.decimals(min_value=D("0"), max_value=D("100000"), places=2)


@given(st.lists(areas, min_size=1, max_size=60), commons)
def test_shares_sum_exactly_and_are_proportional_within_a_cent(internal, common):
    shares = allocate_common_area(internal, common)
    assert len(shares) == len(internal)
    assert sum(shares, D(0)) == common
    total = sum(internal, D(0))
    for area, share in zip(internal, shares, strict=True):
        assert share >= 0
        assert share == share.quantize(CENT)
        assert abs(share - common * area / total) < CENT
    # A larger unit never gets a smaller share than a smaller unit.
    ranked = sorted(zip(internal, shares, strict=True))
    for (a1, s1), (a2, s2) in itertools.pairwise(ranked):
        if a1 < a2:
            assert s1 <= s2


@given(
    st.lists(
        st.tuples(areas, st.decimals(min_value=D("0"), max_value=D("50"), places=3)),
        min_size=1,
        max_size=30,
    ),
    commons,
)
def test_weighted_shares_sum_exactly(pairs, common):
    internal = [a for a, _ in pairs]
    weights = [w for _, w in pairs]
    if sum(weights, D(0)) == 0:
        with pytest.raises(ValueError):
            allocate_common_area(internal, common, weights)
        return
    shares = allocate_common_area(internal, common, weights)
    assert sum(shares, D(0)) == common
    total = sum(weights, D(0))
    for weight, share in zip(weights, shares, strict=True):
        assert abs(share - common * weight / total) < CENT
        if weight == 0:
            assert share == 0
