"""Drawing units: one table, one conversion, and a check that the scale is sane.

Headers lie (a file that says inches and is drawn in metres) or are missing,
so the importer compares the drawing's extents and room sizes with what a
floor plan looks like and proposes the likely unit (SPEC §2).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# DXF $INSUNITS codes to metres (ezdxf.units numbering).
INSUNITS_TO_METRES: dict[int, tuple[str, float]] = {
    1: ("in", 0.0254),
    2: ("ft", 0.3048),
    3: ("mi", 1609.344),
    4: ("mm", 0.001),
    5: ("cm", 0.01),
    6: ("m", 1.0),
    7: ("km", 1000.0),
    8: ("µin", 0.0254e-6),
    9: ("mil", 0.0254e-3),
    10: ("yd", 0.9144),
    11: ("Å", 1e-10),
    12: ("nm", 1e-9),
    13: ("µm", 1e-6),
    14: ("dm", 0.1),
    15: ("dam", 10.0),
    16: ("hm", 100.0),
    17: ("Gm", 1e9),
    18: ("au", 149597870700.0),
    19: ("ly", 9.4607304725808e15),
    20: ("pc", 3.0856776e16),
}
# Units a person may choose for a drawing whose header is missing or wrong.
CHOICES: dict[str, float] = {
    "mm": 0.001, "cm": 0.01, "dm": 0.1, "m": 1.0, "in": 0.0254, "ft": 0.3048,
}
CANDIDATES: tuple[tuple[str, float], ...] = (("mm", 0.001), ("cm", 0.01), ("dm", 0.1), ("m", 1.0))
# A floor plan's longest side in metres: a two-room crop to a large plant.
PLAUSIBLE_EXTENT_M = (8.0, 1500.0)
# A typical room's side in metres, for judging a scale from room sizes.
TYPICAL_ROOM_M = 6.0


@dataclass(frozen=True)
class ScaleGuess:
    name: str
    to_metres: float
    plausible: bool  # whether the header's unit gives a plausible floor size
    proposed: str  # the unit that gives the most plausible size ("" if the header's does)


def insunits(code: int | None) -> tuple[str, float] | None:
    """The unit a $INSUNITS code names, or None for 0 (unitless) and unknown codes."""
    if code is None:
        return None
    return INSUNITS_TO_METRES.get(int(code))


def judge_scale(header: tuple[str, float] | None, extent: float) -> ScaleGuess:
    """Check a header unit against the drawing's longest extent (in drawing units).

    With no header, or a header that makes the floor implausibly small or
    large, propose the candidate unit whose result is closest to a
    building-sized extent (about 50 m, geometric middle of the plausible range).
    """
    low, high = PLAUSIBLE_EXTENT_M
    if header is not None and low <= extent * header[1] <= high:
        return ScaleGuess(header[0], header[1], True, "")
    best = min(CANDIDATES, key=lambda c: abs(_log_distance(extent * c[1], 50.0)))
    if header is None:
        return ScaleGuess(best[0], best[1], False, best[0])
    return ScaleGuess(header[0], header[1], False, best[0])


def _log_distance(value: float, target: float) -> float:
    return math.log10(max(value, 1e-12)) - math.log10(target)
