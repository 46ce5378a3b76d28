"""Unit fields take numbers as input methods type them, and refuse the rest with a reason."""

from __future__ import annotations

import doctest
from decimal import Decimal

import pytest

import domain.unit_edits as unit_edits
from domain.unit_edits import UnitEditError, check_unit_edit


def test_doctests():
    assert doctest.testmod(unit_edits).failed == 0


@pytest.mark.parametrize(("typed", "expected"), [
    ("１２０．５", Decimal("120.5")),  # full-width digits and point
    ("1,200", Decimal("1200.0")),
    ("1，200.5", Decimal("1200.5")),  # a full-width comma groups thousands too
    ("　3.2　", Decimal("3.2")),  # ideographic spaces around it
    ("3", Decimal("3.0")),
])
def test_power_capacity_takes_what_an_input_method_types(typed, expected):
    assert check_unit_edit("power_capacity", typed) == expected


def test_full_width_rent_is_a_rate():
    assert check_unit_edit("asking_rent", "８８．８") == Decimal("88.8000")


@pytest.mark.parametrize("typed", ["1,2", "12,00", "abc", "１２ａ"])
def test_what_is_no_number_is_refused_with_the_value_named(typed):
    with pytest.raises(UnitEditError, match="is not a number"):
        check_unit_edit("ceiling_height", typed)


def test_a_negative_full_width_number_is_refused_as_negative():
    with pytest.raises(UnitEditError, match="negative"):
        check_unit_edit("floor_load", "－５")
