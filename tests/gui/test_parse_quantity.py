"""A reading or a meter's figure as typed: the meter dialog and the readings grid read it
alike (separators, a full-width comma and spaces allowed), and what the views show reads
back as the same figure."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from views.meter_text import parse_quantity, quantity_text


@pytest.mark.parametrize(("typed", "read"), [
    ("12345.6", Decimal("12345.6")), ("12,345.6", Decimal("12345.6")),
    ("12，345", Decimal("12345")), (" 1 234 ", Decimal("1234")), ("0", Decimal("0")),
    ("-3.5", Decimal("-3.5")), ("", None), ("   ", None),
])
def test_a_figure_typed_reads(typed: str, read: Decimal | None):
    assert parse_quantity(typed) == read


@pytest.mark.parametrize("typed", ["abc", "1.2.3", "NaN", "Infinity", "12元"])
def test_what_is_no_number_is_refused(typed: str):
    with pytest.raises(ValueError):
        parse_quantity(typed)


@settings(deadline=None)
@given(st.decimals(allow_nan=False, allow_infinity=False, places=6,
                   min_value=Decimal("-1e12"), max_value=Decimal("1e12")))
def test_a_figure_shown_reads_back_as_itself(value: Decimal):
    assert parse_quantity(quantity_text(value)) == value
