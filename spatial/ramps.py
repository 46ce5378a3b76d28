"""Colours for thematic maps, as plain "#rrggbb" strings.

The sequential ramps read in greyscale print and for colour-blind readers:
their lightness changes monotonically from one end to the other. Each ramp
is its published anchor colours (matplotlib's viridis sampled at 0, 0.1, …,
1; ColorBrewer's 9-class YlOrRd, YlGnBu and Blues; 11-class RdYlBu), and
``k`` colours are interpolated between them in CIE L*a*b*, where a straight
line keeps lightness monotonic between anchors. When ``k`` spaces evenly
onto the anchors (9 colours of a 9-anchor ramp, 5 of 9, 6 of 11) the
published colours come back exactly. Views turn these strings into QColor.

Examples
--------
>>> ramp("ylorrd", 3)
['#ffffcc', '#fd8d3c', '#800026']
>>> ramp("viridis_r", 2)
['#fde725', '#440154']
>>> text_colour_on("#800026"), text_colour_on("#ffffcc")
('#ffffff', '#000000')
>>> round(luminance("#ffffff"), 6), round(contrast_ratio("#000000", "#ffffff"), 6)
(1.0, 21.0)
"""

from __future__ import annotations

import re

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]

_ANCHORS: dict[str, tuple[str, ...]] = {
    # matplotlib viridis at 0, 0.1, …, 1: dark purple (low) to yellow (high)
    "viridis": (
        "#440154", "#482475", "#414487", "#355f8d", "#2a788e", "#21918c",
        "#22a884", "#44bf70", "#7ad151", "#bddf26", "#fde725",
    ),
    # ColorBrewer 9-class sequential schemes: light (low) to dark (high)
    "ylorrd": (
        "#ffffcc", "#ffeda0", "#fed976", "#feb24c", "#fd8d3c",
        "#fc4e2a", "#e31a1c", "#bd0026", "#800026",
    ),
    "ylgnbu": (
        "#ffffd9", "#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4",
        "#1d91c0", "#225ea8", "#253494", "#081d58",
    ),
    "blues": (
        "#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6",
        "#4292c6", "#2171b5", "#08519c", "#08306b",
    ),
    # ColorBrewer 11-class diverging: red (negative) through pale yellow to blue
    "rdylbu": (
        "#a50026", "#d73027", "#f46d43", "#fdae61", "#fee090", "#ffffbf",
        "#e0f3f8", "#abd9e9", "#74add1", "#4575b4", "#313695",
    ),
}  # fmt: skip

SEQUENTIAL: tuple[str, ...] = ("viridis", "ylorrd", "ylgnbu", "blues")
DIVERGING: tuple[str, ...] = ("rdylbu",)
RAMPS: tuple[str, ...] = SEQUENTIAL + DIVERGING
REVERSED_SUFFIX = "_r"  # matplotlib's spelling: "viridis_r" runs yellow to purple

# Units without data: a neutral grey, so no ramp (all hued) can be mistaken for it.
NO_DATA = "#d4d4d4"

# Okabe & Ito (2008), "Color Universal Design": told apart under every common
# colour-vision deficiency. For categories (use, tenant type), not for values.
CATEGORICAL: tuple[str, ...] = (
    "#000000",  # black
    "#e69f00",  # orange
    "#56b4e9",  # sky blue
    "#009e73",  # bluish green
    "#f0e442",  # yellow
    "#0072b2",  # blue
    "#d55e00",  # vermillion
    "#cc79a7",  # reddish purple
)

BLACK = "#000000"
WHITE = "#ffffff"

_HEX = re.compile(r"#[0-9a-fA-F]{6}")
# sRGB (D65) to CIE XYZ, IEC 61966-2-1; the reference white is its row sums.
_RGB_TO_XYZ = np.array(
    [
        [0.4124564, 0.3575761, 0.1804375],
        [0.2126729, 0.7151522, 0.0721750],
        [0.0193339, 0.1191920, 0.9503041],
    ]
)
_XYZ_TO_RGB = np.linalg.inv(_RGB_TO_XYZ)
_WHITE = _RGB_TO_XYZ.sum(axis=1)
_DELTA = 6 / 29  # CIE L*a*b*'s switch from cube root to linear


def ramp(name: str, k: int, *, reverse: bool = False) -> list[str]:
    """``k`` colours of the named ramp, in the ramp's own order.

    Parameters
    ----------
    name
        One of :data:`RAMPS`, any case; a ``"_r"`` suffix reverses it.
    k
        How many colours: one per class; 0 gives none. One colour is the
        ramp's middle, which reads better alone than either end.
    reverse
        Run the ramp the other way (high values light, or positive red).
    """
    anchors, flipped = _anchors(name)
    if k < 0:
        raise ValueError(f"cannot make {k} colours")
    if k == 0:
        return []
    lab = _to_lab(anchors)
    where = np.linspace(0.0, 1.0, len(anchors))
    at = np.linspace(0.0, 1.0, k) if k > 1 else np.array([0.5])
    picked = np.column_stack([np.interp(at, where, lab[:, axis]) for axis in range(3)])
    colours = _from_lab(picked)
    return colours[::-1] if flipped != reverse else colours


def luminance(colour: str) -> float:
    """Relative luminance of ``colour`` (WCAG 2.2), 0 for black to 1 for white."""
    red, green, blue = _linear(np.array(_rgb(colour), dtype=np.float64) / 255)
    return float(0.2126 * red + 0.7152 * green + 0.0722 * blue)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_colour_on(colour: str) -> str:
    """Black or white, whichever contrasts more with ``colour``, for unit labels."""
    if contrast_ratio(colour, BLACK) >= contrast_ratio(colour, WHITE):
        return BLACK
    return WHITE


def _anchors(name: str) -> tuple[tuple[str, ...], bool]:
    """The ramp's anchor colours and whether the name asks for them reversed."""
    key = name.lower()
    flipped = key.endswith(REVERSED_SUFFIX)
    if flipped:
        key = key.removesuffix(REVERSED_SUFFIX)
    if key not in _ANCHORS:
        raise ValueError(f"unknown colour ramp {name!r}; choose one of {', '.join(RAMPS)}")
    return _ANCHORS[key], flipped


def _rgb(colour: str) -> tuple[int, int, int]:
    """A "#rrggbb" colour as three 0-255 integers."""
    if not _HEX.fullmatch(colour):
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _linear(encoded: FloatArray) -> FloatArray:
    """sRGB's gamma-encoded 0-1 channels as linear light."""
    return np.where(encoded <= 0.04045, encoded / 12.92, ((encoded + 0.055) / 1.055) ** 2.4)


def _encoded(linear: FloatArray) -> FloatArray:
    """Linear light as sRGB's gamma-encoded 0-1 channels."""
    linear = np.clip(linear, 0.0, 1.0)
    return np.where(linear <= 0.0031308, linear * 12.92, 1.055 * linear ** (1 / 2.4) - 0.055)


def _to_lab(colours: tuple[str, ...]) -> FloatArray:
    """Colours as CIE L*a*b* rows (D65), where straight lines look even."""
    rgb = np.array([_rgb(c) for c in colours], dtype=np.float64) / 255
    xyz = _linear(rgb) @ _RGB_TO_XYZ.T / _WHITE
    f = np.where(xyz > _DELTA**3, np.cbrt(xyz), xyz / (3 * _DELTA**2) + 4 / 29)
    return np.column_stack(
        (116 * f[:, 1] - 16, 500 * (f[:, 0] - f[:, 1]), 200 * (f[:, 1] - f[:, 2]))
    )


def _from_lab(lab: FloatArray) -> list[str]:
    """CIE L*a*b* rows back to "#rrggbb", clipped into the sRGB gamut."""
    fy = (lab[:, 0] + 16) / 116
    f = np.column_stack((fy + lab[:, 1] / 500, fy, fy - lab[:, 2] / 200))
    xyz = np.where(f > _DELTA, f**3, 3 * _DELTA**2 * (f - 4 / 29)) * _WHITE
    rgb = np.rint(_encoded(xyz @ _XYZ_TO_RGB.T) * 255).astype(int)
    return [f"#{r:02x}{g:02x}{b:02x}" for r, g, b in rgb.tolist()]
