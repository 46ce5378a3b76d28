"""Colour ramps: distinct colours, monotonic lightness, published anchors, legible labels."""

from __future__ import annotations

import doctest
import itertools
import re

import pytest

import spatial.ramps
from spatial.ramps import (
    CATEGORICAL,
    DIVERGING,
    NO_DATA,
    RAMPS,
    SEQUENTIAL,
    contrast_ratio,
    luminance,
    ramp,
    text_colour_on,
)

HEX = re.compile(r"#[0-9a-f]{6}")
SIZES = range(1, 21)

# The published colours, copied from ColorBrewer 2.0 and matplotlib, not from the module.
YLORRD_9 = [
    "#ffffcc", "#ffeda0", "#fed976", "#feb24c", "#fd8d3c",
    "#fc4e2a", "#e31a1c", "#bd0026", "#800026",
]  # fmt: skip
BLUES_9 = [
    "#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6",
    "#4292c6", "#2171b5", "#08519c", "#08306b",
]  # fmt: skip
VIRIDIS_11 = [
    "#440154", "#482475", "#414487", "#355f8d", "#2a788e", "#21918c",
    "#22a884", "#44bf70", "#7ad151", "#bddf26", "#fde725",
]  # fmt: skip


def strictly_monotonic(numbers):
    steps = [b - a for a, b in itertools.pairwise(numbers)]
    return all(s > 0 for s in steps) or all(s < 0 for s in steps)


def test_the_module_examples_hold():
    assert doctest.testmod(spatial.ramps).failed == 0


@pytest.mark.parametrize("name", RAMPS)
def test_k_distinct_hex_colours(name):
    for k in SIZES:
        colours = ramp(name, k)
        assert len(colours) == k
        assert len(set(colours)) == k
        assert all(HEX.fullmatch(c) for c in colours)


@pytest.mark.parametrize("name", SEQUENTIAL)
def test_sequential_ramps_get_monotonically_lighter_or_darker(name):
    for k in range(2, 21):
        assert strictly_monotonic([luminance(c) for c in ramp(name, k)]), k


@pytest.mark.parametrize("name", SEQUENTIAL)
def test_sequential_classes_tell_apart_in_greyscale(name):
    # neighbouring classes of a 7-class map differ visibly in lightness alone
    shades = [luminance(c) for c in ramp(name, 7)]
    assert min(abs(b - a) for a, b in itertools.pairwise(shades)) > 0.03


def test_colorbrewer_sequentials_run_light_to_dark_and_viridis_dark_to_light():
    for name in ("ylorrd", "ylgnbu", "blues"):
        first, *_, last = ramp(name, 5)
        assert luminance(first) > luminance(last)
    first, *_, last = ramp("viridis", 5)
    assert luminance(first) < luminance(last)


def test_published_anchors_come_back_exactly():
    assert ramp("ylorrd", 9) == YLORRD_9
    assert ramp("blues", 9) == BLUES_9
    assert ramp("viridis", 11) == VIRIDIS_11
    assert ramp("viridis", 6) == VIRIDIS_11[::2]
    assert ramp("ylorrd", 5) == YLORRD_9[::2]


def test_the_ends_are_the_ramp_ends_and_one_colour_is_the_middle():
    assert ramp("blues", 2) == [BLUES_9[0], BLUES_9[-1]]
    assert ramp("blues", 1) == [BLUES_9[4]]
    assert ramp("viridis", 0) == []


def test_diverging_ramp_is_pale_in_the_middle():
    colours = ramp("rdylbu", 7)
    shades = [luminance(c) for c in colours]
    middle = shades.index(max(shades))
    assert middle == 3
    assert colours[3] == "#ffffbf"
    assert strictly_monotonic(shades[: middle + 1])
    assert strictly_monotonic(shades[middle:])
    assert set(DIVERGING) == {"rdylbu"}


@pytest.mark.parametrize("name", RAMPS)
def test_reversed_names_and_option(name):
    forward = ramp(name, 6)
    assert ramp(f"{name}_r", 6) == forward[::-1]
    assert ramp(name, 6, reverse=True) == forward[::-1]
    assert ramp(f"{name}_r", 6, reverse=True) == forward
    assert ramp(name.upper(), 6) == forward


def test_unknown_ramp_names_the_choices():
    with pytest.raises(ValueError, match="viridis, ylorrd, ylgnbu, blues, rdylbu"):
        ramp("jet", 5)
    with pytest.raises(ValueError, match="colours"):
        ramp("viridis", -1)


def test_no_data_is_a_neutral_grey_no_ramp_uses():
    red, green, blue = (int(NO_DATA[i : i + 2], 16) for i in (1, 3, 5))
    assert red == green == blue
    assert 0.4 < luminance(NO_DATA) < 0.85  # light, yet not the page's white
    for name in RAMPS:
        for k in SIZES:
            assert NO_DATA not in ramp(name, k)
            assert NO_DATA not in ramp(name, k, reverse=True)
    assert NO_DATA not in CATEGORICAL


def test_categorical_is_okabe_ito():
    assert len(CATEGORICAL) == len(set(CATEGORICAL)) == 8
    assert all(HEX.fullmatch(c) for c in CATEGORICAL)
    assert {"#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7"} < set(
        CATEGORICAL
    )


def test_luminance_follows_wcag():
    assert luminance("#000000") == 0.0
    assert luminance("#ffffff") == pytest.approx(1.0)
    assert luminance("#ff0000") == pytest.approx(0.2126)
    assert luminance("#00FF00") == pytest.approx(0.7152)
    assert luminance("#808080") == pytest.approx(0.2158605, abs=1e-6)
    with pytest.raises(ValueError, match="rrggbb"):
        luminance("red")


def test_contrast_ratio_is_symmetric():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)


def test_text_colour_on_picks_the_higher_contrast():
    assert text_colour_on("#000000") == "#ffffff"
    assert text_colour_on("#ffffff") == "#000000"
    assert text_colour_on("#fde725") == "#000000"  # viridis yellow
    assert text_colour_on("#440154") == "#ffffff"  # viridis purple
    for colour in [*CATEGORICAL, NO_DATA, *(c for n in RAMPS for c in ramp(n, 9))]:
        text = text_colour_on(colour)
        other = "#ffffff" if text == "#000000" else "#000000"
        assert contrast_ratio(colour, text) >= contrast_ratio(colour, other)
        assert contrast_ratio(colour, text) >= 4.5  # WCAG AA for normal text
