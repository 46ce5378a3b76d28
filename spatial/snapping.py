"""Where a pointer lands when a person draws or edits an outline: on a corner, an edge or a wall.

The view calls :meth:`Snapper.snap` on every mouse move with its tolerance in
metres (pixels over scale), so the floor's vertices and segments sit in two
STRtrees built once; a call asks each tree for the few items whose boxes meet
the tolerance square and measures those with numpy.

Order: a vertex (of a unit, or a corner of the wall linework) within the
tolerance wins over any edge, however much nearer the edge; then the nearest
unit edge or wall line; else the point stays where it is (``"none"``).

Examples
--------
>>> from shapely.geometry import box
>>> snapper = Snapper([box(0, 0, 4, 3)])
>>> snap = snapper.snap(3.9, 2.95, 0.2)
>>> snap.point, snap.kind, round(snap.distance, 3)
((4.0, 3.0), 'vertex', 0.112)
>>> snapper.snap(2.0, 3.05, 0.2).point
(2.0, 3.0)
>>> snapper.snap(2.0, 1.0, 0.2).kind
'none'
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

from spatial.adjacency import boundary_segments


@dataclass(frozen=True)
class Snap:
    """Where the pointer goes, what it snapped to, and how far it moved (m)."""

    point: tuple[float, float]
    kind: str  # "vertex" | "edge" | "wall" | "none"
    distance: float


class Snapper:
    """The snapping targets of one floor: unit outlines and the drawing's wall linework."""

    def __init__(self, polygons: Sequence[BaseGeometry], walls: BaseGeometry | None = None) -> None:
        starts, ends, _ = boundary_segments(polygons)
        wall_starts, wall_ends, _ = boundary_segments([] if walls is None else [walls])
        self._starts = np.concatenate([starts, wall_starts])
        self._ends = np.concatenate([ends, wall_ends])
        self._is_wall = np.concatenate([np.zeros(len(starts), bool),
                                        np.ones(len(wall_starts), bool)])
        corners = np.concatenate([self._starts, self._ends])
        # Distinct corners: as complex numbers np.unique is a plain 1-D sort (axis=0 on rows
        # of floats is ten times slower on a 2,000-unit floor), in the same (x, y) order.
        distinct = np.unique(corners[:, 0] + 1j * corners[:, 1]) if len(corners) else []
        self._vertices = (np.column_stack([np.real(distinct), np.imag(distinct)])
                          if len(distinct) else np.empty((0, 2)))
        self._vertex_tree = STRtree(shapely.points(self._vertices))
        self._segment_tree = STRtree(
            shapely.linestrings(np.stack([self._starts, self._ends], axis=1))
            if len(self._starts) else np.empty(0, dtype=object))

    def _near(self, tree: STRtree, x: float, y: float, tolerance: float) -> np.ndarray:
        return tree.query(shapely.box(x - tolerance, y - tolerance, x + tolerance, y + tolerance))

    def _nearest_vertex(self, x: float, y: float, tolerance: float) -> tuple[float, float] | None:
        found = self._near(self._vertex_tree, x, y, tolerance)
        if len(found) == 0:
            return None
        points = self._vertices[np.sort(found)]
        dist = np.hypot(points[:, 0] - x, points[:, 1] - y)
        k = int(np.argmin(dist))
        return (float(points[k, 0]), float(points[k, 1])) if dist[k] <= tolerance else None

    def _nearest_on_segment(self, x: float, y: float,
                            tolerance: float) -> tuple[tuple[float, float], str] | None:
        found = np.sort(self._near(self._segment_tree, x, y, tolerance))
        if len(found) == 0:
            return None
        start, end = self._starts[found], self._ends[found]
        delta = end - start
        t = ((x - start[:, 0]) * delta[:, 0] + (y - start[:, 1]) * delta[:, 1]) / np.einsum(
            "ij,ij->i", delta, delta)
        points = start + np.clip(t, 0.0, 1.0)[:, None] * delta
        dist = np.hypot(points[:, 0] - x, points[:, 1] - y)
        # Nearest first; at equal distance a unit's edge before a wall line.
        k = int(np.lexsort((self._is_wall[found], dist))[0])
        if dist[k] > tolerance:
            return None
        kind = "wall" if self._is_wall[found[k]] else "edge"
        return (float(points[k, 0]), float(points[k, 1])), kind

    def snap(self, x: float, y: float, tolerance: float,
             previous: tuple[float, float] | None = None, orthogonal: bool = False) -> Snap:
        """Vertices first, then edges of units and wall lines, within ``tolerance`` metres.

        With ``orthogonal`` and a ``previous`` point, the point is first put on
        the horizontal or vertical through ``previous`` (whichever is nearer)
        and then snapped along that line only: to where it is level with a
        vertex within the tolerance, else to where the line crosses an edge
        or wall. ``distance`` is from (x, y) to the returned point.
        """
        if orthogonal and previous is not None:
            return self._snap_orthogonal(x, y, tolerance, previous)
        vertex = self._nearest_vertex(x, y, tolerance)
        if vertex is not None:
            return Snap(vertex, "vertex", math.hypot(vertex[0] - x, vertex[1] - y))
        on_segment = self._nearest_on_segment(x, y, tolerance)
        if on_segment is not None:
            point, kind = on_segment
            return Snap(point, kind, math.hypot(point[0] - x, point[1] - y))
        return Snap((float(x), float(y)), "none", 0.0)

    def _snap_orthogonal(self, x: float, y: float, tolerance: float,
                         previous: tuple[float, float]) -> Snap:
        px, py = float(previous[0]), float(previous[1])
        horizontal = abs(y - py) <= abs(x - px)
        cx, cy = (float(x), py) if horizontal else (px, float(y))
        axis = 0 if horizontal else 1  # the coordinate free to move along the line

        def result(point: tuple[float, float], kind: str) -> Snap:
            return Snap(point, kind, math.hypot(point[0] - x, point[1] - y))

        found = self._near(self._vertex_tree, cx, cy, tolerance)
        if len(found):
            points = self._vertices[np.sort(found)]
            dist = np.hypot(points[:, 0] - cx, points[:, 1] - cy)
            k = int(np.argmin(dist))
            if dist[k] <= tolerance:
                along = float(points[k, axis])
                return result((along, py) if horizontal else (px, along), "vertex")
        found = np.sort(self._near(self._segment_tree, cx, cy, tolerance))
        if len(found):
            start, end = self._starts[found], self._ends[found]
            fixed = 1 - axis  # the constrained coordinate, the same all along the line
            level = cy if horizontal else cx
            span = end[:, fixed] - start[:, fixed]
            with np.errstate(divide="ignore", invalid="ignore"):
                t = (level - start[:, fixed]) / span
            crosses = (span != 0) & (t >= 0.0) & (t <= 1.0)
            along = start[:, axis] + t * (end[:, axis] - start[:, axis])
            # A segment lying on the line itself: the pointer is on it already.
            on_line = (span == 0) & (start[:, fixed] == level)
            lo = np.minimum(start[:, axis], end[:, axis])
            hi = np.maximum(start[:, axis], end[:, axis])
            free = cx if horizontal else cy
            along = np.where(on_line, np.clip(free, lo, hi), along)
            gap = np.where(crosses | on_line, np.abs(along - free), np.inf)
            k = int(np.lexsort((self._is_wall[found], gap))[0])
            if gap[k] <= tolerance:
                value = float(along[k])
                kind = "wall" if self._is_wall[found[k]] else "edge"
                return result((value, py) if horizontal else (px, value), kind)
        return result((cx, cy), "none")
