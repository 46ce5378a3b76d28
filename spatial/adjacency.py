"""Which units of a floor are neighbours, across the wall between them.

Real drawings leave the wall out of both rooms: on daoshi's floor 1 no two of
the 42 rooms share an edge, neighbours are 0.1–0.2 m apart. So "adjacent"
cannot mean "touching". Two units are adjacent when their facing boundaries
run within ``GAP`` of each other over at least ``MIN_FACING``.

"Facing" is measured segment by segment: a stretch of a's boundary counts
when it runs alongside a segment of b (within ``MAX_ANGLE``), within ``gap``
of it, and opposite it (its projection falls on b's segment). Counting every
point of a's boundary within ``gap`` of b instead would also count the ends
of the perpendicular walls at each corner (up to ``gap`` each), so two rooms
touching only corner to corner would face over 2 × 0.5 m = 1 m and pass.

Everything works on the floor's segments at once (an STRtree over segment
boxes, then numpy), so a 2,000-unit floor takes a few milliseconds.

Examples
--------
>>> from shapely.geometry import box
>>> round(facing_length(box(0, 0, 5, 4), box(5.2, 0, 9, 4)), 6)
4.0
>>> adjacent_pairs([box(0, 0, 5, 4), box(5.2, 0, 9, 4), box(5.2, 4.2, 9, 8)])
[(0, 1), (1, 2)]
>>> round(wall_strip(box(0, 0, 5, 4), box(5.2, 0, 9, 4)).area, 6)
0.8
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

GAP = 0.5  # m: facing boundaries at most this far apart (a wall is 0.1–0.3 m)
MIN_FACING = 1.0  # m: over at least this length (a door's width; less is a corner)
MAX_ANGLE = 20.0  # degrees: segments more skew than this do not face each other
# Strip pieces smaller than this are float noise left where a strip meets a unit.
NOISE_M2 = 1e-9

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]


def boundary_segments(geoms: Sequence[BaseGeometry]) -> tuple[FloatArray, FloatArray, IntArray]:
    """Every straight segment of the geometries' linework: starts, ends (n × 2) and owner index.

    Polygons give their rings, lines their own segments; segments under a
    nanometre (repeated points) are dropped.
    """
    array = np.empty(len(geoms), dtype=object)
    array[:] = list(geoms)
    parts, part_owner = shapely.get_parts(array, return_index=True)
    if len(parts) == 0:
        return np.empty((0, 2)), np.empty((0, 2)), np.empty(0, dtype=np.int64)
    lines = shapely.boundary(parts)
    polygonal = shapely.get_type_id(parts) == 3
    lines[~polygonal] = parts[~polygonal]
    pieces, piece_part = shapely.get_parts(lines, return_index=True)
    coords, piece = shapely.get_coordinates(pieces, return_index=True)
    if len(coords) < 2:
        return np.empty((0, 2)), np.empty((0, 2)), np.empty(0, dtype=np.int64)
    same = piece[:-1] == piece[1:]
    starts = coords[:-1][same]
    ends = coords[1:][same]
    owner = part_owner[piece_part[piece[:-1][same]]].astype(np.int64)
    keep = np.hypot(*(ends - starts).T) > 1e-9  # a cut through a corner leaves 1e-300 m edges
    return starts[keep], ends[keep], owner[keep]


@dataclass(frozen=True)
class _Facing:
    """Stretches of one segment lying opposite another unit's segment.

    Row k: segment ``a[k]`` (owned by ``a_owner[k]``) faces segment ``b[k]``
    (owned by ``b_owner[k]``) over its parameter range ``lo[k]..hi[k]``
    (0 = start, 1 = end); ``b_lo``/``b_hi`` are where those ends fall on b's
    segment, in b's parameter.
    """

    a: IntArray
    b: IntArray
    a_owner: IntArray
    b_owner: IntArray
    lo: FloatArray
    hi: FloatArray
    b_lo: FloatArray
    b_hi: FloatArray


def _linear_range(f0: FloatArray, df: FloatArray, low: FloatArray | float,
                  high: FloatArray | float) -> tuple[FloatArray, FloatArray]:
    """Where ``low <= f0 + t·df <= high``, as a t interval (empty when lo > hi)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        t1 = (low - f0) / df
        t2 = (high - f0) / df
    flat = df == 0
    inside = (f0 >= low) & (f0 <= high)
    lo = np.where(flat, np.where(inside, -np.inf, np.inf), np.minimum(t1, t2))
    hi = np.where(flat, np.where(inside, np.inf, -np.inf), np.maximum(t1, t2))
    return lo, hi


def _facing(starts: FloatArray, ends: FloatArray, owner: IntArray, gap: float) -> _Facing:
    """All stretches of segments facing another owner's segment within ``gap``."""
    empty_i = np.empty(0, dtype=np.int64)
    empty_f = np.empty(0)
    nothing = _Facing(empty_i, empty_i, empty_i, empty_i, empty_f, empty_f, empty_f, empty_f)
    if len(starts) < 2:
        return nothing
    tree = STRtree(shapely.linestrings(np.stack([starts, ends], axis=1)))
    # A line between a segment's box corners, grown by gap: its box is all the query needs.
    grown = np.stack([np.minimum(starts, ends) - gap, np.maximum(starts, ends) + gap], axis=1)
    a, b = tree.query(shapely.linestrings(grown))
    delta = ends - starts
    length = np.hypot(delta[:, 0], delta[:, 1])
    unit = delta / length[:, None]
    # Cheap tests first (other owner, roughly parallel): most box neighbours fail them.
    keep = owner[a] != owner[b]
    a, b = a[keep], b[keep]
    cross = unit[a, 0] * unit[b, 1] - unit[a, 1] * unit[b, 0]
    keep = np.abs(cross) <= math.sin(math.radians(MAX_ANGLE))
    a, b = a[keep].astype(np.int64), b[keep].astype(np.int64)
    if len(a) == 0:
        return nothing
    p0, da, q0 = starts[a], delta[a], starts[b]
    v, lb = unit[b], length[b]
    # Along a's segment, P(t) = p0 + t·da: signed distance to b's line and position along it.
    w0 = p0 - q0
    dist0 = v[:, 0] * w0[:, 1] - v[:, 1] * w0[:, 0]
    ddist = v[:, 0] * da[:, 1] - v[:, 1] * da[:, 0]
    pos0 = (v[:, 0] * w0[:, 0] + v[:, 1] * w0[:, 1]) / lb
    dpos = (v[:, 0] * da[:, 0] + v[:, 1] * da[:, 1]) / lb
    lo_d, hi_d = _linear_range(dist0, ddist, -gap, gap)
    lo_p, hi_p = _linear_range(pos0, dpos, 0.0, 1.0)
    lo = np.maximum(np.maximum(lo_d, lo_p), 0.0)
    hi = np.minimum(np.minimum(hi_d, hi_p), 1.0)
    keep = hi > lo
    a, b, lo, hi = a[keep], b[keep], lo[keep], hi[keep]
    pos0, dpos = pos0[keep], dpos[keep]
    return _Facing(a, b, owner[a], owner[b], lo, hi,
                   np.clip(pos0 + lo * dpos, 0.0, 1.0), np.clip(pos0 + hi * dpos, 0.0, 1.0))


def _directed_lengths(facing: _Facing, starts: FloatArray, ends: FloatArray,
                      count: int) -> tuple[IntArray, FloatArray]:
    """How much of each unit's boundary faces each other unit, as sorted keys and lengths.

    Key ``i * count + j`` holds the metres of i's boundary facing j. A stretch
    of i's segment facing two of j's segments (a thin part of j) counts once:
    the t intervals are merged per (segment, other unit).
    """
    if len(facing.a) == 0:
        return np.empty(0, dtype=np.int64), np.empty(0)
    key = facing.a * count + facing.b_owner
    order = np.lexsort((facing.lo, key))
    key, lo, hi, seg = key[order], facing.lo[order], facing.hi[order], facing.a[order]
    _, group = np.unique(key, return_inverse=True)
    # Offsetting each group by 2 lets one running maximum restart at every group.
    lo_s = lo + 2.0 * group
    hi_s = hi + 2.0 * group
    before = np.concatenate([[-np.inf], np.maximum.accumulate(hi_s)[:-1]])
    covered = np.maximum(0.0, hi_s - np.maximum(lo_s, before))
    lengths = covered * np.hypot(*(ends[seg] - starts[seg]).T)
    pair = facing.a_owner[order] * count + facing.b_owner[order]
    pairs, inverse = np.unique(pair, return_inverse=True)
    return pairs, np.bincount(inverse, weights=lengths)


def facing_lengths(polygons: Sequence[BaseGeometry],
                   gap: float = GAP) -> tuple[IntArray, IntArray, FloatArray]:
    """Every pair i < j facing each other at all, and over how much (the smaller direction).

    Arrays ``first``, ``second``, ``length``, sorted by pair: what
    :func:`adjacent_pairs` filters by ``min_facing``, for callers that want
    the lengths themselves (a merge absorbs the wall of every facing pair).
    """
    count = len(polygons)
    starts, ends, owner = boundary_segments(polygons)
    keys, lengths = _directed_lengths(_facing(starts, ends, owner, gap), starts, ends, count)
    first, second = keys // count, keys % count
    reverse = second * count + first
    at = np.minimum(np.searchsorted(keys, reverse), max(len(keys) - 1, 0))
    both = (first < second) & (keys[at] == reverse) if len(keys) else first < second
    return first[both], second[both], np.minimum(lengths[both], lengths[at][both])


def facing_length(a: BaseGeometry, b: BaseGeometry, gap: float = GAP) -> float:
    """Length of a's boundary lying within `gap` of b, taking the smaller of the two directions.

    Only boundary running alongside b (see the module) counts, so a corner
    near a corner faces nothing; touching units face along their shared edge.
    """
    _, _, lengths = facing_lengths([a, b], gap)
    return float(lengths[0]) if len(lengths) else 0.0


def adjacent_pairs(
    polygons: Sequence[BaseGeometry], gap: float = GAP, min_facing: float = MIN_FACING
) -> list[tuple[int, int]]:
    """Index pairs (i < j) of adjacent polygons, sorted.

    Pass one floor at a time: units of different floors are never neighbours,
    and their coordinates (each floor's own) would meet by accident.
    """
    first, second, lengths = facing_lengths(polygons, gap)
    near = lengths >= min_facing - 1e-9
    return list(zip(first[near].tolist(), second[near].tolist(), strict=True))


def neighbours(pairs: Iterable[tuple[int, int]], count: int) -> list[list[int]]:
    """Each unit's adjacent units, ascending: the pairs as adjacency lists.

    >>> neighbours([(0, 1), (1, 2)], 4)
    [[1], [0, 2], [1], []]
    """
    found: list[set[int]] = [set() for _ in range(count)]
    for i, j in pairs:
        found[i].add(j)
        found[j].add(i)
    return [sorted(s) for s in found]


def _points_at(starts: FloatArray, ends: FloatArray, seg: IntArray, t: FloatArray) -> FloatArray:
    """Points at parameter t on segments, on a nanometre grid; exactly the end points near them.

    Float noise in t would otherwise put a strip's corner 1e-16 m off where
    the drawing's coordinates (millimetres, or metres to a few decimals) put
    it, and leave the merged outline with a needle-thin notch there.
    """
    start, end = starts[seg], ends[seg]
    length = np.hypot(*(end - start).T)
    points = np.round(start + t[:, None] * (end - start), 9)
    at_start = t * length < 1e-9
    at_end = (1.0 - t) * length < 1e-9
    points[at_start] = start[at_start]
    points[at_end] = end[at_end]
    return points


def touch_length(a: BaseGeometry, b: BaseGeometry) -> float:
    """Length of boundary a and b share (0 for units apart, or meeting at a corner only)."""
    if not a.intersects(b):
        return 0.0
    shared = shapely.intersection(a.boundary, b.boundary)
    return float(shapely.length(shared)) if shared.length > 1e-9 else 0.0


def wall_strip(a: BaseGeometry, b: BaseGeometry, gap: float = GAP) -> Polygon | MultiPolygon:
    """The strip of floor between a and b's facing boundaries (empty Polygon if they touch).

    The union of the quadrilaterals between each facing stretch and its
    opposite stretch, minus a and b: only what lies between the facing
    walls, so a merge does not swallow notches elsewhere. Units facing each
    other along two separate walls (a U around a box) give a MultiPolygon.
    Units sharing a stretch of boundary (the pieces of a split) have no
    wall between them, so nothing is added even where they also face across
    a narrow notch: merging a split's pieces gives back the unit exactly.
    """
    if touch_length(a, b) > 0.0:
        return Polygon()
    starts, ends, owner = boundary_segments([a, b])
    facing = _facing(starts, ends, owner, gap)
    if len(facing.a) == 0:
        return Polygon()
    near_lo = _points_at(starts, ends, facing.a, facing.lo)
    near_hi = _points_at(starts, ends, facing.a, facing.hi)
    far_lo = _points_at(starts, ends, facing.b, facing.b_lo)
    far_hi = _points_at(starts, ends, facing.b, facing.b_hi)
    rings = np.stack([near_lo, near_hi, far_hi, far_lo, near_lo], axis=1)
    quads = shapely.polygons(rings)
    quads = quads[shapely.area(quads) > NOISE_M2]
    if len(quads) == 0:
        return Polygon()
    strip = shapely.difference(shapely.union_all(quads), shapely.union(a, b))
    parts = [p for p in shapely.get_parts(strip) if p.geom_type == "Polygon" and p.area > 1e-6]
    if not parts:
        return Polygon()
    if len(parts) == 1:
        return parts[0]
    merged = shapely.union_all(parts)
    return merged if isinstance(merged, Polygon | MultiPolygon) else MultiPolygon(parts)
