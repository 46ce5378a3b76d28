"""The geometry of space edits: split, merge, reshape, draw — and when to refuse them.

Pure functions on shapely polygons in metres; the services write the
results, the edit tools draw them. A refusal is an :class:`EditRefused` with
a stable ``code`` the GUI says in the user's language.

Two limits keep the register free of unusable scraps:

``MIN_WIDTH`` (0.6 m)
    The narrowest clear passage a person can walk through (a door leaf is
    0.7–0.9 m; building codes put escape widths at 0.9 m and more). A piece
    narrower than that everywhere is a wall-thickness sliver left by a cut
    drawn beside a wall, not a space anyone can lease.
``MIN_AREA`` (1 m²)
    Less than a cupboard: no unit is let that small, and a drawing slip (a
    line through a corner) produces pieces of that size.

Examples
--------
>>> from shapely.geometry import box
>>> left, right = split_polygon(box(0, 0, 10, 4), [(4, 0), (4, 4)])
>>> left.area, right.area
(16.0, 24.0)
>>> merge_polygons([left, right]).area
40.0
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np
import shapely
from shapely.errors import GEOSException
from shapely.geometry import LineString, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import split as shapely_split

from runtime.messages import UserError
from spatial.adjacency import GAP, MIN_FACING, facing_lengths, touch_length, wall_strip
from spatial.geometry import round_area

MIN_WIDTH = 0.6  # m: narrower than a person can pass (see the module)
MIN_AREA = 1.0  # m²: smaller than any space that is let (see the module)
# A cut line is drawn on to this far past both its ends, so a line snapped to
# a wall (its end a float's width inside or outside the unit) still cuts through.
EXTEND = 0.05  # m
# Float noise: overlaps and pockets smaller than this are not there.
NOISE_M2 = 1e-6
# maximum_inscribed_circle finds the radius to within this, in metres.
WIDTH_TOLERANCE = 0.001


class EditRefused(UserError):
    """An edit the geometry forbids; ``code`` and ``params`` say why, for the GUI to translate.

    >>> error = EditRefused("split-tiny", "a piece would be 0.40 m²", area="0.40", min="1")
    >>> error.code, error.params["area"], str(error)
    ('split-tiny', '0.40', 'a piece would be 0.40 m²')
    """

    def __init__(self, code: str, message: str, **params: object) -> None:
        super().__init__(message, code, **params)


def _metres(value: float) -> str:
    return f"{value:.2f}"


def _require_polygon(polygon: BaseGeometry) -> Polygon:
    if isinstance(polygon, Polygon) and not polygon.is_empty:
        return polygon
    if isinstance(polygon, MultiPolygon):
        raise EditRefused("shape-multipart",
                          f"the unit has {len(polygon.geoms)} separate parts; "
                          "only a one-part unit can be edited this way",
                          count=len(polygon.geoms))
    raise EditRefused("shape-invalid", "the unit has no outline to edit", where="")


def _extended(line: Sequence[tuple[float, float]]) -> LineString:
    """The polyline, drawn on by ``EXTEND`` past its first and last points."""
    points = [(float(x), float(y)) for x, y in line]
    distinct = [p for k, p in enumerate(points) if k == 0 or p != points[k - 1]]
    if len(distinct) < 2:
        raise EditRefused("split-misses", "a cut needs a line of two different points")

    def beyond(end: tuple[float, float], towards: tuple[float, float]) -> tuple[float, float]:
        dx, dy = end[0] - towards[0], end[1] - towards[1]
        length = math.hypot(dx, dy)
        return end[0] + dx / length * EXTEND, end[1] + dy / length * EXTEND

    return LineString([beyond(distinct[0], distinct[1]), *distinct,
                       beyond(distinct[-1], distinct[-2])])


def polygon_width(polygon: BaseGeometry) -> float:
    """The width of the widest place of the polygon: twice its largest inscribed circle's radius.

    A polygon narrower than a limit here is narrower than it everywhere.
    """
    if polygon.is_empty:
        return 0.0
    # A cut through a corner can leave an edge 1e-247 m long, which the circle search divides by.
    parts = shapely.get_parts(shapely.remove_repeated_points(polygon, 1e-9))
    radius = max(shapely.maximum_inscribed_circle(p, WIDTH_TOLERANCE).length for p in parts)
    return 2.0 * float(radius)


def is_sliver(width: float, limit: float) -> bool:
    """Narrower than ``limit`` for certain: the circle's radius is found to within a tolerance."""
    return width + 2 * WIDTH_TOLERANCE < limit


def _order(pieces: Sequence[Polygon]) -> list[Polygon]:
    """Left to right, then bottom to top, by a point inside each piece."""

    def key(piece: Polygon) -> tuple[float, float]:
        point = piece.representative_point()
        return round(point.x, 6), round(point.y, 6)

    return sorted(pieces, key=key)


def split_polygon(
    polygon: Polygon, line: Sequence[tuple[float, float]], min_width: float = MIN_WIDTH
) -> list[Polygon]:
    """Split along a polyline (2+ points) into pieces that tile the unit exactly.

    The line is drawn on a little (``EXTEND``) at both ends, so one drawn to
    a wall cuts through; one crossing the unit several times gives several
    pieces. Refused when the line does not cut (``split-misses``,
    ``split-one-piece``), or a piece is under ``MIN_AREA`` (``split-tiny``)
    or narrower than ``min_width`` everywhere (``split-sliver``). Pieces come
    left to right, then bottom to top.
    """
    polygon = _require_polygon(polygon)
    cut = _extended(line)
    if not cut.intersects(polygon):
        raise EditRefused("split-misses", "the line does not cross the unit")
    pieces = [p for p in shapely.get_parts(shapely_split(polygon, cut))
              if isinstance(p, Polygon) and p.area > NOISE_M2]
    if len(pieces) < 2:
        raise EditRefused("split-one-piece",
                          "the line does not cut the unit in two: draw it from wall to wall")
    for piece in pieces:
        if piece.area < MIN_AREA:
            raise EditRefused("split-tiny",
                              f"a piece would be {round_area(piece.area)} m², "
                              f"under {MIN_AREA:g} m²",
                              area=round_area(piece.area), min=f"{MIN_AREA:g}")
    for piece in pieces:
        width = polygon_width(piece)
        if is_sliver(width, min_width):
            raise EditRefused("split-sliver",
                              f"a piece would be only {_metres(width)} m wide, "
                              f"under {_metres(min_width)} m",
                              width=_metres(width), min=_metres(min_width))
    return _order(pieces)


def _components(count: int, links: Sequence[tuple[int, int]]) -> list[int]:
    """Connected-component label of each index (union–find)."""
    parent = list(range(count))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in links:
        parent[root(i)] = root(j)
    return [root(i) for i in range(count)]


def _invalid_where(polygon: BaseGeometry) -> str:
    """Where shapely finds the polygon invalid, as "x, y" (empty when it does not say)."""
    found = re.search(r"\[([-+0-9.eE]+) ([-+0-9.eE]+)", shapely.is_valid_reason(polygon) or "")
    return f"{float(found[1]):.2f}, {float(found[2]):.2f}" if found else ""


def _fill_wall_pockets(merged: Polygon, strips: BaseGeometry, gap: float) -> Polygon:
    """Close the holes a merge leaves where walls meet; keep every other hole.

    Where three merged units meet, the three pairwise strips leave the square
    of wall at the junction uncovered: a hole bordered by strips and
    narrower than ``gap``. Holes no strip borders (a unit's own shaft or
    courtyard, or one a split cut open) stay as they are.
    """
    if strips.is_empty:
        return merged
    holes = []
    for ring in merged.interiors:
        hole = Polygon(ring)
        pocket = hole.distance(strips) < 1e-6 and (
            hole.area <= NOISE_M2 or hole.buffer(-gap / 2).is_empty)
        if not pocket:
            holes.append(ring)
    return Polygon(merged.exterior, holes)


def merge_polygons(
    polygons: Sequence[BaseGeometry],
    gap: float = GAP,
    min_facing: float = MIN_FACING,
    labels: Sequence[str] | None = None,
    floors: Sequence[object] | None = None,
) -> Polygon:
    """Union of 2+ units forming one connected group, with the walls between them absorbed.

    Units are connected when adjacent (facing over ``min_facing`` within
    ``gap``) or when they share a stretch of boundary (pieces of a split,
    however short their cut). Every facing pair's wall strip is added, and
    the pockets where walls meet are filled; the result is one valid
    Polygon (holes allowed) with at least the parts' area. ``labels`` name
    the units in a refusal; ``floors`` (one value per unit), when given,
    must all be equal. Merging a split's pieces gives back the unit.
    """
    if len(polygons) < 2:
        raise EditRefused("merge-one", "pick two or more units to merge")
    names = list(labels) if labels is not None else [str(i) for i in range(len(polygons))]
    if floors is not None and len(set(floors)) > 1:
        raise EditRefused("merge-other-floor", "units on different floors cannot be merged",
                          units=", ".join(names))
    for name, polygon in zip(names, polygons, strict=True):
        if polygon.is_empty or not polygon.is_valid:
            raise EditRefused("shape-invalid", f"the outline of {name} is invalid",
                              where=_invalid_where(polygon), unit=name)
    first, second, lengths = facing_lengths(polygons, gap)
    links = [(int(i), int(j)) for i, j, length in zip(first, second, lengths, strict=True)
             if length >= min_facing - 1e-9]
    for i in range(len(polygons)):
        for j in range(i + 1, len(polygons)):
            a, b = polygons[i], polygons[j]
            if touch_length(a, b) > 0.0 or a.intersection(b).area > NOISE_M2:
                links.append((i, j))
    group = _components(len(polygons), links)
    apart = [names[k] for k in range(len(polygons)) if group[k] != group[0]]
    if apart:
        raise EditRefused("merge-not-adjacent",
                          f"{', '.join(apart)} not next to the others: merge only neighbours",
                          units=", ".join(apart))
    strips = shapely.union_all([wall_strip(polygons[int(i)], polygons[int(j)], gap)
                                for i, j in zip(first, second, strict=True)])
    merged = shapely.union_all([*polygons, strips])
    pieces = [p for p in shapely.get_parts(merged) if p.area > NOISE_M2]
    if len(pieces) != 1:
        raise EditRefused("merge-not-adjacent",
                          "the units do not join into one outline: merge only neighbours",
                          units=", ".join(names))
    result = _fill_wall_pockets(pieces[0], strips, gap)
    # Points the cut left on the outline (pieces of a split), now on a straight edge.
    simpler = shapely.simplify(result, 1e-9, preserve_topology=True)
    return simpler if isinstance(simpler, Polygon) and simpler.is_valid else result


def check_shape(
    polygon: BaseGeometry,
    neighbours: Sequence[tuple[str, BaseGeometry]],
    outline: BaseGeometry | None,
    tolerance_m2: float = 0.01,
) -> None:
    """Refuse an outline the register cannot keep; used for reshape, draw and merge results.

    In turn: invalid (``shape-invalid``, ``where`` = "x, y"), smaller than
    ``MIN_AREA`` (``shape-tiny``), overlapping a neighbour by more than the
    tolerance (``shape-overlaps``, the largest overlap's label), leaving the
    floor's outline by more than it (``shape-outside``).
    """
    if polygon.is_empty or polygon.geom_type not in ("Polygon", "MultiPolygon"):
        raise EditRefused("shape-invalid", "the outline is empty", where="")
    if not polygon.is_valid:
        where = _invalid_where(polygon)
        raise EditRefused("shape-invalid",
                          f"the outline crosses itself{' at ' + where if where else ''}",
                          where=where)
    if polygon.area < MIN_AREA:
        raise EditRefused("shape-tiny",
                          f"the outline encloses {round_area(polygon.area)} m², "
                          f"under {MIN_AREA:g} m²",
                          area=round_area(polygon.area), min=f"{MIN_AREA:g}")
    overlap = _largest_overlap(polygon, neighbours)
    if overlap is not None and overlap[1] > tolerance_m2:
        label, area = overlap
        raise EditRefused("shape-overlaps",
                          f"the outline overlaps {label} by {round_area(area)} m²",
                          other=label, area=round_area(area))
    if outline is not None and not outline.is_empty:
        try:
            outside = polygon.difference(outline).area
        except GEOSException:
            outside = polygon.difference(shapely.make_valid(outline)).area
        if outside > tolerance_m2:
            raise EditRefused("shape-outside",
                              f"{round_area(outside)} m² of the outline lie outside the floor",
                              area=round_area(outside))


def _largest_overlap(polygon: BaseGeometry,
                     neighbours: Sequence[tuple[str, BaseGeometry]]) -> tuple[str, float] | None:
    """The neighbour sharing the most area with the polygon, and how much (None: none near)."""
    if not neighbours:
        return None
    geoms = np.empty(len(neighbours), dtype=object)
    geoms[:] = [g for _label, g in neighbours]
    near = np.flatnonzero(shapely.intersects(geoms, polygon))
    if len(near) == 0:
        return None
    try:
        areas = shapely.area(shapely.intersection(geoms[near], polygon))
    except GEOSException:  # a neighbour's outline from a drawing may be invalid
        areas = shapely.area(shapely.intersection(shapely.make_valid(geoms[near]), polygon))
    best = int(np.argmax(areas))
    return neighbours[int(near[best])][0], float(areas[best])


def _rings(polygon: Polygon) -> list[list[tuple[float, float]]]:
    """Each ring's points without the closing one: 0 the exterior, then the holes."""
    rings = [polygon.exterior, *polygon.interiors]
    return [[(float(x), float(y)) for x, y, *_ in ring.coords[:-1]] for ring in rings]


def _rebuilt(rings: list[list[tuple[float, float]]]) -> Polygon:
    return Polygon(rings[0], rings[1:])


def _ring(rings: list[list[tuple[float, float]]], ring: int) -> list[tuple[float, float]]:
    if not 0 <= ring < len(rings):
        raise IndexError(f"the outline has no ring {ring} (it has {len(rings)})")
    return rings[ring]


def move_vertex(polygon: Polygon, ring: int, index: int, to: tuple[float, float]) -> Polygon:
    """The polygon with one vertex moved; the result may be invalid (check_shape judges).

    ``ring`` 0 is the exterior, 1.. the holes; ``index`` counts the ring's
    points without the closing one.
    """
    rings = _rings(_require_polygon(polygon))
    points = _ring(rings, ring)
    if not 0 <= index < len(points):
        raise IndexError(f"ring {ring} has no vertex {index}")
    points[index] = (float(to[0]), float(to[1]))
    return _rebuilt(rings)


def insert_vertex(polygon: Polygon, ring: int, after: int, at: tuple[float, float]) -> Polygon:
    """The polygon with a vertex added after vertex ``after`` (the last: before the first)."""
    rings = _rings(_require_polygon(polygon))
    points = _ring(rings, ring)
    if not 0 <= after < len(points):
        raise IndexError(f"ring {ring} has no vertex {after}")
    points.insert(after + 1, (float(at[0]), float(at[1])))
    return _rebuilt(rings)


def delete_vertex(polygon: Polygon, ring: int, index: int) -> Polygon:
    """The polygon without one vertex; refused (``shape-too-few``) below three."""
    rings = _rings(_require_polygon(polygon))
    points = _ring(rings, ring)
    if not 0 <= index < len(points):
        raise IndexError(f"ring {ring} has no vertex {index}")
    if len(points) <= 3:
        raise EditRefused("shape-too-few", "an outline needs at least three corners",
                          vertices="3")
    del points[index]
    return _rebuilt(rings)


def nearest_vertex(polygon: Polygon, x: float, y: float) -> tuple[int, int, float]:
    """(ring, index, distance) of the vertex nearest a point: what a vertex tool picks."""
    best = (0, 0, math.inf)
    for r, points in enumerate(_rings(_require_polygon(polygon))):
        coords = np.asarray(points)
        dist = np.hypot(coords[:, 0] - x, coords[:, 1] - y)
        k = int(np.argmin(dist))
        if dist[k] < best[2]:
            best = (r, k, float(dist[k]))
    return best


def nearest_edge(polygon: Polygon, x: float, y: float) -> tuple[int, int, float]:
    """(ring, after, distance) of the edge nearest a point: where insert_vertex puts a new one."""
    best = (0, 0, math.inf)
    point = Point(x, y)
    for r, points in enumerate(_rings(_require_polygon(polygon))):
        for k, start in enumerate(points):
            end = points[(k + 1) % len(points)]
            dist = LineString([start, end]).distance(point) if start != end else math.inf
            if dist < best[2]:
                best = (r, k, float(dist))
    return best
