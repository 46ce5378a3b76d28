"""Money: Decimal only, rounded half up to the cent, floats refused."""

from __future__ import annotations

import doctest
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import domain.money
from domain.money import CENT, ZERO, money, rate, round_to, to_decimal


def test_the_module_examples_hold():
    assert doctest.testmod(domain.money).failed == 0


@pytest.mark.parametrize(
    ("given_value", "expected"),
    [
        ("12.345", "12.35"),
        ("12.344", "12.34"),
        ("0.005", "0.01"),
        ("0.015", "0.02"),
        ("0.025", "0.03"),  # half up, not half even (which gives 0.02)
        ("2.675", "2.68"),  # the classic float trap (2.675 is 2.67499… as a float)
        ("-12.345", "-12.35"),  # half away from zero
        ("-0.005", "-0.01"),
        ("0.0049999", "0.00"),
        ("1e3", "1000.00"),
        (" 7.5 ", "7.50"),
        (3, "3.00"),
        (-4, "-4.00"),
        (Decimal("1.005"), "1.01"),
        (Decimal("123456789012.125"), "123456789012.13"),
    ],
)
def test_money_rounds_half_up_to_the_cent(given_value, expected):
    result = money(given_value)
    assert isinstance(result, Decimal)
    assert str(result) == expected
    assert result.as_tuple().exponent == -2


def test_sums_of_cents_are_exact():
    assert money("0.10") + money("0.20") == money("0.30")
    assert sum([money("0.10")] * 10, ZERO) == money("1.00")
    assert money(3) + ZERO == Decimal("3.00")


@pytest.mark.parametrize("value", [0.1, 12.345, 1.0, float("nan"), float("inf")])
def test_floats_are_refused(value):
    with pytest.raises(TypeError, match="float"):
        money(value)
    with pytest.raises(TypeError):
        rate(value)


def test_bools_are_refused():
    with pytest.raises(TypeError, match="bool"):
        money(True)


@pytest.mark.parametrize(
    "value", ["NaN", "nan", "sNaN", "Infinity", "-inf", Decimal("NaN"), Decimal("Infinity")]
)
def test_nan_and_infinity_are_refused(value):
    with pytest.raises(ValueError, match="finite"):
        money(value)


@pytest.mark.parametrize("value", ["", "abc", "12,50", "1.2.3", "¥12"])
def test_text_that_is_not_a_number_is_refused(value):
    with pytest.raises(ValueError, match="not an amount"):
        money(value)


def test_rates_keep_four_places_half_up():
    assert str(rate("85.12345")) == "85.1235"
    assert str(rate("85.12344")) == "85.1234"
    assert str(rate(2)) == "2.0000"
    assert to_decimal("1.23456789") == Decimal("1.23456789")  # no rounding here


amounts = st.decimals(
    min_value=Decimal("-1e12"), max_value=Decimal("1e12"), allow_nan=False, places=6
)


@given(amounts)
def test_money_is_the_nearest_cent_and_idempotent(value):
    result = money(value)
    assert abs(result - value) <= CENT / 2
    assert money(result) == result
    assert money(str(value)) == result
    if abs(result - value) == CENT / 2:  # an exact half goes away from zero
        assert abs(result) > abs(value)


@pytest.mark.parametrize("places", [0, 1, 2, 4, 8, 9, 12])
def test_round_to_rounds_half_up_at_any_places(places):
    """Decimals take a shorter road than text and ints (and the first places' quanta are
    made once): the same figure either way."""
    for value in ("2.25", "-2.25", "1234.56789012345", "0.000000000005", "7"):
        expected = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding="ROUND_HALF_UP")
        assert round_to(Decimal(value), places) == round_to(value, places) == expected
        assert str(round_to(Decimal(value), places)) == str(expected)
    assert round_to(3, places) == Decimal(3)
    with pytest.raises(ValueError, match="finite"):
        round_to(Decimal("NaN"), places)
    with pytest.raises(TypeError, match="float"):
        round_to(2.25, places)
