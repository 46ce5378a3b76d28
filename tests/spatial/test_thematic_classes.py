"""Classes people can read: few values make few classes, no class reads like its
neighbour, blanks are named categories, and breaks can be kept for another date."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from itertools import pairwise

import pytest

from spatial.classify import METHODS
from spatial.ramps import NO_DATA
from spatial.thematic import NO_DATA_KEY, Breaks, numeric, useful_classes

COLOURS = {"leased": "#a9b6c2", "vacant": "#f4f4f4", "not_leasable": "#8c8c8c"}


def one_place(value: float) -> Decimal:
    """A bound as a legend with one decimal shows it (half up, from the shortest decimal)."""
    return Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def ranges(theme) -> list[tuple[float, float]]:
    return [(e.lower, e.upper) for e in theme.legend if e.upper is not None]


def test_useful_classes_grow_with_the_log_of_the_count() -> None:
    assert [useful_classes(n) for n in (0, 1, 2, 3, 4, 5, 8, 16, 20_000)] == [
        1, 1, 2, 2, 3, 3, 4, 5, 15]


@pytest.mark.parametrize("method", METHODS)
def test_five_buildings_are_not_five_one_building_classes(method: str) -> None:
    levels = [12.3, 45.6, 47.1, 80.2, 81.0]
    theme = numeric(levels, [Decimal(1000)] * 5, method, 5, shown=one_place)
    classes = [e for e in theme.legend if e.upper is not None]
    assert 2 <= len(classes) <= 3
    assert sum(e.count for e in classes) == 5
    assert any(e.count > 1 for e in classes)


@pytest.mark.parametrize("method", ["natural-breaks", "quantile"])
def test_no_zero_class_beside_a_class_that_starts_at_zero(method: str) -> None:
    # vacant units earn 0; let ones 60–112.7: the second class starts at its least rent
    rents = [0.0] * 6 + [60.0, 74.2, 88.5, 95.0, 101.3, 112.7]
    theme = numeric(rents, [Decimal(100)] * len(rents), method, 5, shown=one_place)
    shown = [(one_place(low), one_place(high)) for low, high in ranges(theme)]
    assert shown[0] == (Decimal("0.0"), Decimal("0.0"))
    for (_, high), (low, _) in pairwise(shown):
        assert low > high  # no range starts where a single value stood
    # and a value that rounds like zero joins zero rather than reading "0.0" twice
    theme = numeric([0.0, 0.0, 0.0, 0.04, 60.0, 112.7], [Decimal(1)] * 6, method, 5,
                    shown=one_place)
    lows = [one_place(low) for low, _ in ranges(theme)]
    assert lows.count(Decimal("0.0")) == 1


def test_classes_that_read_alike_once_rounded_are_merged() -> None:
    values = [10.0, 10.02, 50.0, 112.71, 112.74, 112.74]
    theme = numeric(values, [Decimal(1)] * len(values), "quantile", 6, shown=one_place)
    uppers = [one_place(high) for _, high in ranges(theme)]
    assert len(uppers) == len(set(uppers))
    assert sum(e.count for e in theme.legend) == len(values)
    unmerged = numeric(values, [Decimal(1)] * len(values), "quantile", 6)  # exact bounds
    assert len(ranges(unmerged)) > len(ranges(theme))


def test_equal_intervals_stay_contiguous() -> None:
    values = [0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0]
    theme = numeric(values, [Decimal(1)] * len(values), "equal-interval", 4, shown=one_place)
    spans = ranges(theme)
    assert [low for low, _ in spans[1:]] == [high for _, high in spans[:-1]]


def test_blanks_are_named_categories_in_their_order_and_only_the_rest_is_no_data() -> None:
    values = [5.0, None, None, 7.0, None, None]
    blanks = [None, "vacant", "leased", None, None, "not_leasable"]
    areas = [Decimal(i + 1) for i in range(6)]
    theme = numeric(values, areas, "natural-breaks", 5, blanks=blanks, blank_colours=COLOURS)
    keys = [e.key for e in theme.legend if e.upper is None]
    assert keys == ["leased", "vacant", "not_leasable", NO_DATA_KEY]  # the colours' order
    by_key = {e.key: (e.count, e.area, e.colour) for e in theme.legend}
    assert by_key["vacant"] == (1, Decimal(2), COLOURS["vacant"])
    assert by_key["leased"] == (1, Decimal(3), COLOURS["leased"])
    assert by_key[NO_DATA_KEY] == (1, Decimal(5), NO_DATA)
    assert theme.colour(2) == COLOURS["leased"] and theme.colour(4) == NO_DATA
    # a category no unit is in is left out; no data stays, even empty
    theme = numeric([1.0, 2.0], [Decimal(1)] * 2, blanks=[None, None], blank_colours=COLOURS)
    assert [e.key for e in theme.legend if e.upper is None] == [NO_DATA_KEY]


def test_kept_breaks_colour_another_dates_values_alike() -> None:
    today = [0.0, 0.0, 60.0, 75.0, 95.0, 100.0, 112.7, 120.0]
    areas = [Decimal(1)] * len(today)
    first = numeric(today, areas, "natural-breaks", 5, "viridis", shown=one_place)
    assert isinstance(first.breaks, Breaks)
    later = [0.0, 30.0, 60.0, 75.0, 95.0, 100.0, 130.0, 120.0]
    kept = numeric(later, areas, "quantile", 5, "viridis", breaks=first.breaks)
    assert kept.breaks == first.breaks and kept.method == first.method
    assert [e.colour for e in kept.legend] == [e.colour for e in first.legend]
    for i in (0, 2, 3, 4, 5, 7):  # the same value on both dates: the same colour
        assert kept.colour(i) == first.colour(i)
    # ranges stretch to hold the values outside them (30 joins the class after 0, 130 the top)
    assert ranges(kept)[-1][1] == 130.0
    assert any(low == 30.0 for low, _ in ranges(kept))
    fresh = numeric(later, areas, "natural-breaks", 5, "viridis", shown=one_place)
    assert fresh.breaks != first.breaks  # without keeping, the later date has classes of its own
