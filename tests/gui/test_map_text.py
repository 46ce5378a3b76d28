"""The legend's class bounds read as the units' labels do: rounded half up, one format."""

from __future__ import annotations

from decimal import Decimal

from domain.map_modes import MapMode
from spatial.thematic import LegendEntry
from views.map_text import legend_rows, value_text


def _entry(lower: float, upper: float) -> LegendEntry:
    return LegendEntry("0", "#000000", 1, Decimal("10.00"), lower, upper)


def test_a_bound_reads_as_the_label_of_the_unit_it_comes_from():
    # Natural breaks end classes on data values: 117.85 is a unit's rent, labelled 117.9.
    rent = Decimal("117.85")
    [row] = legend_rows(MapMode.REVENUE, [_entry(float(rent), float(rent))])
    assert row.text == value_text(MapMode.REVENUE, rent) == "117.9"
    [row] = legend_rows(MapMode.NET_REVENUE, [_entry(2.25, 1234.25)])
    assert row.text == "2.3 – 1,234.3"  # half up, and thousands grouped as the labels are


def test_a_bound_is_never_minus_zero():
    [row] = legend_rows(MapMode.NET_REVENUE, [_entry(-0.01, 5.0)])
    assert row.text == "0.0 – 5.0"
    [row] = legend_rows(MapMode.VACANCY, [_entry(0.0, 0.0)])
    assert row.text == "0"
