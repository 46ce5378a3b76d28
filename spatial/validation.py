"""What is wrong with a floor's units as drawn: overlaps, gaps, slivers, strays, wrong areas.

One pass over a whole floor (thousands of units: STRtrees and vectorised
shapely), returning findings a person can zoom to (``where``) rather than
refusing anything; the edit rules in :mod:`spatial.editing` refuse, this
reports.

A gap is empty floor enclosed by units (and by the floor's outline, when
there is one), wider than ``gap`` and of at least ``MIN_AREA``. Walls are
empty floor too, but never wider than ``gap``: closing the units' union by
``gap / 2`` seals every wall, and what stays open inside is a pocket nobody's
unit covers. Real drawings also leave the structural columns out of the
rooms (0.6 × 0.6 m at daoshi's wall junctions, 0.36–0.72 m² with the wall
around them): pockets under ``MIN_AREA`` are structure, not lost floor, and
are not reported. Lift shafts, ducts and undrawn corridors are.

Examples
--------
>>> from shapely.geometry import box
>>> [f.code for f in validate_floor([box(0, 0, 5, 5), box(4, 0, 9, 5)], None)]
['overlap']
>>> validate_floor([box(0, 0, 5, 5), box(5.2, 0, 9, 5)], box(-0.2, -0.2, 9.2, 5.2))
[]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np
import shapely
from shapely.errors import GEOSException
from shapely.geometry import box
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

from spatial.adjacency import GAP, facing_lengths
from spatial.editing import MIN_AREA, MIN_WIDTH, is_sliver, polygon_width
from spatial.geometry import area_m2, round_area
from spatial.overlaps import meeting_pairs, shared_areas

TOLERANCE_M2 = 0.01  # overlaps and strays smaller than this are drawing noise
STATED_TOLERANCE = Decimal("0.01")  # a stated area may differ from the outline's by 1 %


@dataclass(frozen=True)
class Finding:
    """One thing wrong on a floor.

    ``units`` are indexes into the polygons validated; ``where`` is what to
    zoom to; ``area`` is the m² at issue (the overlap, the pocket, the part
    outside, the sliver's area, or how far a stated area is off). A gap's
    pocket includes the walls around it, up to the units facing it: where
    the missing room's own outline ran inside them the drawing does not say.
    """

    code: str  # "overlap" | "gap" | "sliver" | "outside" | "areas-differ"
    units: tuple[int, ...]
    where: BaseGeometry
    area: Decimal
    params: dict[str, str] = field(default_factory=dict)


def _array(geoms: Sequence[BaseGeometry]) -> np.ndarray:
    array = np.empty(len(geoms), dtype=object)
    array[:] = list(geoms)
    return array


def _overlaps(polygons: Sequence[BaseGeometry]) -> list[Finding]:
    geoms = list(polygons)
    pairs = [(i, j) for i, j in meeting_pairs(geoms) if i < j]
    if not pairs:
        return []
    found = []
    for (i, j), area in zip(pairs, shared_areas(geoms, pairs), strict=True):
        if area > TOLERANCE_M2:
            try:
                where = geoms[i].intersection(geoms[j])
            except GEOSException:
                where = shapely.make_valid(geoms[i]).intersection(shapely.make_valid(geoms[j]))
            found.append(Finding("overlap", (i, j), where, round_area(area)))
    return found


def _gaps(polygons: Sequence[BaseGeometry], outline: BaseGeometry | None,
          gap: float, min_area: float) -> list[Finding]:
    """Pockets of empty floor wider than ``gap`` and sealed in by units (and the outline).

    Each unit is grown by a hair over ``gap / 2`` (mitred, so corners stay
    square) before the one union: grown units meet across every wall, and
    the union's holes are the pockets, shrunk by that much, which growing
    them back (less the units) restores. Growing each unit is cheap; growing
    and shrinking the floor's whole union would cost ten times more.
    """
    geoms = shapely.make_valid(_array(polygons))
    radius = gap / 2 + 1e-6  # a wall exactly gap wide seals too
    grown = list(shapely.buffer(geoms, radius, join_style="mitre"))
    if outline is not None and not outline.is_empty:
        floor = shapely.make_valid(outline)
        xmin, ymin, xmax, ymax = shapely.total_bounds(np.append(geoms, floor))
        margin = 2 * gap + 1.0
        frame = box(xmin - margin, ymin - margin, xmax + margin, ymax + margin).difference(floor)
        grown.append(frame.buffer(radius, join_style="mitre"))
    sealed = shapely.union_all(grown)
    holes = shapely.polygons(shapely.get_interior_ring(
        *_ring_indexes(shapely.get_parts(sealed))))
    if len(holes) == 0:
        return []
    # Each pocket: its hole grown back, less the units it meets. One union per
    # pocket: a floor whose corridors are not units has one pocket meeting them all.
    pockets = shapely.buffer(holes, radius, join_style="mitre")
    hole_of, unit = STRtree(geoms).query(pockets, predicate="intersects")
    order = np.argsort(hole_of, kind="stable")
    hole_of, unit = hole_of[order], unit[order]
    starts = np.searchsorted(hole_of, np.arange(len(pockets)))
    ends = np.searchsorted(hole_of, np.arange(len(pockets)), side="right")
    for k in np.flatnonzero(ends > starts):
        pockets[k] = pockets[k].difference(shapely.union_all(geoms[unit[starts[k]:ends[k]]]))
    wide = ~shapely.is_empty(shapely.buffer(pockets, -gap / 2))
    kept = np.flatnonzero((shapely.area(pockets) >= min_area) & wide)
    if len(kept) == 0:
        return []
    # The units around each pocket: those facing it, not those meeting it at a corner.
    count = len(geoms)
    first, second, _ = facing_lengths([*geoms, *pockets[kept]], gap)
    around: dict[int, list[int]] = {}
    for i, j in zip(first.tolist(), second.tolist(), strict=True):
        if i < count <= j:
            around.setdefault(j - count, []).append(i)
    return [Finding("gap", tuple(sorted(around.get(n, []))), pockets[k],
                    round_area(float(shapely.area(pockets[k]))))
            for n, k in enumerate(kept)]


def _ring_indexes(parts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(part, interior ring index) for every interior ring of the parts."""
    counts = shapely.get_num_interior_rings(parts)
    owner = np.repeat(np.arange(len(parts)), counts)
    index = np.arange(len(owner)) - np.repeat(np.cumsum(counts) - counts, counts)
    return parts[owner], index


def _slivers(polygons: Sequence[BaseGeometry], min_width: float) -> list[Finding]:
    geoms = _array(polygons)
    # Eroding by half the width empties exactly the units narrower than it everywhere.
    eroded = shapely.buffer(shapely.make_valid(geoms), -min_width / 2)
    found = []
    for k in np.flatnonzero(shapely.is_empty(eroded)):
        unit = geoms[k]
        width = polygon_width(unit)
        if is_sliver(width, min_width):
            found.append(Finding("sliver", (int(k),), unit, area_m2(unit),
                                 {"width": f"{width:.2f}", "min": f"{min_width:.2f}"}))
    return found


def _outside(polygons: Sequence[BaseGeometry], outline: BaseGeometry | None) -> list[Finding]:
    if outline is None or outline.is_empty:
        return []
    floor = shapely.make_valid(outline)
    shapely.prepare(floor)
    geoms = _array(polygons)
    found = []
    for k in np.flatnonzero(~shapely.covers(floor, geoms)):
        stray = shapely.make_valid(geoms[k]).difference(floor)
        if stray.area > TOLERANCE_M2:
            found.append(Finding("outside", (int(k),), stray, round_area(stray.area)))
    return found


def _stated(polygons: Sequence[BaseGeometry], stated: Sequence[Decimal | None]) -> list[Finding]:
    found = []
    for k, (unit, said) in enumerate(zip(polygons, stated, strict=False)):
        if said is None:
            continue
        computed = area_m2(unit)
        if abs(computed - said) > abs(said) * STATED_TOLERANCE:
            found.append(Finding("areas-differ", (k,), unit, abs(computed - said),
                                 {"stated": str(said), "computed": str(computed)}))
    return found


def validate_floor(
    polygons: Sequence[BaseGeometry],
    outline: BaseGeometry | None,
    stated: Sequence[Decimal | None] = (),
    min_width: float = MIN_WIDTH,
    gap: float = GAP,
    min_gap_area: float = MIN_AREA,
) -> list[Finding]:
    """Everything wrong with a floor's units, in the order overlap, gap, sliver, outside, areas.

    Overlaps between units (> 0.01 m²); gaps (see the module; pockets
    under ``min_gap_area`` are left out); slivers
    (units narrower than ``min_width`` everywhere, ``params`` width, min);
    units outside the outline (> 0.01 m²); stated areas (one per unit, None
    for none) more than 1 % off the outline's (``params`` stated, computed).
    """
    if not polygons:
        return []
    return [*_overlaps(polygons), *_gaps(polygons, outline, gap, min_gap_area),
            *_slivers(polygons, min_width), *_outside(polygons, outline),
            *_stated(polygons, stated)]
