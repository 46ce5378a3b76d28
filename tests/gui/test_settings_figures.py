"""A fraction said and typed as a percentage (views.settings_figures), as the Tax rates
and Leasing settings dialogs both show and read their figures."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from views.settings_figures import percent_text, typed_percent
from views.tax_rates_dialog import rate_of

D = Decimal


def test_a_fraction_is_said_as_a_percentage_without_trailing_zeros():
    assert [percent_text(D(x)) for x in ("0.09", "0.0900", "0.055", "0.625", "1", "0")] == [
        "9", "9", "5.5", "62.5", "100", "0"]


def test_a_percentage_is_read_as_typed():
    assert typed_percent(" 9 %") == D(9) and typed_percent("９％") == D(9)
    assert typed_percent("1 000") == D(1000)  # a space inside a number is dropped
    assert typed_percent("") is None and typed_percent(" % ") is None
    for text in ("abc", "inf", "NaN", "9%%"):
        with pytest.raises(ValueError):
            typed_percent(text)
    # the Tax rates box: a rate as the service takes it, else the text as typed
    assert (rate_of("9"), rate_of("5.5%"), rate_of(""), rate_of("%"), rate_of("abc")) == (
        "0.09", "0.055", None, "%", "abc")


@given(st.decimals(min_value=0, max_value=1, places=6))
def test_what_is_said_reads_back(fraction):
    assert typed_percent(percent_text(fraction)) / 100 == fraction
