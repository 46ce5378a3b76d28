"""The days the schedule makes over and over, each made once: a day's ISO text
(``domain.days.ISO_DAYS``) and a day some months on (``add_months``), the same as made
afresh."""

from __future__ import annotations

import doctest
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import domain.days
from domain.days import ISO_DAYS
from domain.leasing.schedule import _month_days, add_months


def test_the_module_example():
    assert doctest.testmod(domain.days).failed == 0


def test_a_days_text_is_its_isoformat_the_first_time_and_after():
    first = date(1999, 12, 25)
    for n in range(800):
        day = first + timedelta(days=n * 13)
        assert ISO_DAYS[day] == day.isoformat()
        assert ISO_DAYS[date(day.year, day.month, day.day)] == day.isoformat()  # another object


def test_the_texts_kept_are_forgotten_past_their_bound(monkeypatch):
    monkeypatch.setattr(domain.days, "_KEPT", 3)
    ISO_DAYS.clear()
    days = [date(2026, 1, d) for d in range(1, 8)]
    assert [ISO_DAYS[d] for d in days] == [d.isoformat() for d in days]
    assert len(ISO_DAYS) <= 3


def _moved(day: date, months: int, anchor: int | None) -> date:
    """``add_months`` as it was written before its days were kept."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, min(anchor or day.day, _month_days(year, month + 1)))


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1901, 1, 1), max_value=date(2098, 12, 31)),
       st.integers(-60, 60), st.one_of(st.none(), st.integers(1, 40)))
def test_add_months_is_the_clamped_day_of_the_month_moved_to(day, months, anchor):
    assert add_months(day, months, anchor) == _moved(day, months, anchor)


def test_add_months_clamps_to_the_months_end():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 3, 10), -1, 31) == date(2026, 2, 28)
    assert add_months(date(2026, 3, 10), 0, 40) == date(2026, 3, 31)  # past 31: as before
    with pytest.raises(ValueError):
        add_months(date(9999, 12, 1), 1)
