"""Themes: each unit's class, and a legend whose counts and areas are the data's."""

from __future__ import annotations

from decimal import Decimal

from spatial.ramps import NO_DATA
from spatial.thematic import NO_DATA_KEY, categorical, numeric


def test_categorical_counts_areas_and_no_data() -> None:
    areas = [Decimal("10.50"), Decimal("20.25"), Decimal("5.00"), Decimal("1.00")]
    theme = categorical(["a", "b", "a", None], areas, {"a": "#111111", "b": "#222222",
                                                        "c": "#333333"})
    assert [e.key for e in theme.legend] == ["a", "b", "c", NO_DATA_KEY]
    assert [e.count for e in theme.legend] == [2, 1, 0, 1]
    assert [e.area for e in theme.legend] == [Decimal("15.50"), Decimal("20.25"), 0,
                                              Decimal("1.00")]
    assert [theme.colour(i) for i in range(4)] == ["#111111", "#222222", "#111111", NO_DATA]


def test_numeric_no_data_is_never_a_class_and_totals_match() -> None:
    values = [1.0, 2.0, 3.0, 10.0, 11.0, 12.0, 20.0, 21.0, 22.0, None, float("nan")]
    areas = [Decimal(i + 1) for i in range(len(values))]
    theme = numeric(values, areas, "natural-breaks", 3, "ylorrd")
    bounds = [e.upper for e in theme.legend[:-1]]
    assert bounds == [3.0, 12.0, 22.0]
    assert theme.legend[-1].key == NO_DATA_KEY
    assert theme.legend[-1].count == 2 and theme.legend[-1].area == Decimal(21)
    assert sum(e.count for e in theme.legend) == len(values)
    assert sum((e.area for e in theme.legend), Decimal(0)) == sum(areas, Decimal(0))
    assert theme.classes[:3] == (0, 0, 0) and theme.classes[3:6] == (1, 1, 1)
    assert len({e.colour for e in theme.legend}) == len(theme.legend)


def test_numeric_without_any_data() -> None:
    theme = numeric([None, None], [Decimal(1), Decimal(2)])
    assert [e.key for e in theme.legend] == [NO_DATA_KEY]
    assert theme.classes == (0, 0)
