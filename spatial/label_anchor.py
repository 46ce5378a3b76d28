"""Where a unit's label goes, and whether a label of a given size fits there.

A label centred on a room's centroid (or its bounding box) lands outside an
L-shaped corridor and over its neighbours. The anchor here is the room's pole
of inaccessibility, the inner point farthest from every wall
(``shapely.ops.polylabel``, which is GEOS's maximum inscribed circle; the
vectorised ``shapely.maximum_inscribed_circle`` gives the same point, and its
clearance, for many rooms in one call). Two refinements make it a place for a
line of text rather than for a round stamp:

* Distance is measured in the label's shape: the room is squeezed across by
  ``aspect`` (labels are about :data:`LABEL_ASPECT` times wider than high)
  before the pole is sought, so an L-shaped corridor's label goes in the
  middle of its long arm, where a line of text has room, not in the elbow,
  which is farthest from the walls but holds a label a tenth as wide.
  ``aspect=1`` is plain polylabel.
* Many rooms have no single pole: in a long room every point of the middle
  line is as far from the walls, and GEOS returns one near an end. The anchor
  is slid along that ridge (the points within :data:`RIDGE_SHARE` of the best
  clearance) to the ridge point nearest the ridge's centre.

The fit test answers "does a w × h rectangle centred on the anchor lie in the
room" cheaply enough to run for every visible label on every zoom: a
rectangle whose half-diagonal is within the anchor's clearance fits at once;
one wider or taller than the room's box does not; what is left is an exact
``covers`` test on the prepared polygon, and each room remembers a few
rectangles known to fit and known not to (a label keeps its shape while the
zoom changes its size), so zooming back and forth repeats no geometry.
Anchors are made on first need, in one vectorised batch per call, so a
20,000-room sheet computes none until labels are wanted.

Examples
--------
>>> from shapely.geometry import Polygon, box
>>> anchors = LabelAnchors([box(0, 0, 20, 4)])
>>> anchors.anchor(0)
(10.0, 2.0)
>>> anchors.fits(0, 19.0, 3.0), anchors.fits(0, 21.0, 3.0)
(True, False)
>>> corridor = Polygon([(0, 0), (30, 0), (30, 3), (3, 3), (3, 20), (0, 20)])
>>> [round(v, 6) for v in LabelAnchors([corridor]).anchor(0)]  # the long arm's middle
[15.0, 1.5]
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

LABEL_ASPECT = 2.5  # a unit label (code over tenant) is about this many times wider than high
POLE_TOLERANCE = 0.05  # the pole is found to this share of the room's thickness (2·area/perimeter)
REMEMBERED = 4  # sizes each room remembers as fitting, and as not fitting
RIDGE_SHARE = 0.05  # points this close (share of the best clearance) to the pole's are as good
_POLYGON = 3  # shapely's type id of a Polygon


def label_polygon(geometry: BaseGeometry | None) -> Polygon | None:
    """The one polygon a label goes in: repaired if invalid, the largest part; None if empty."""
    if geometry is None or geometry.is_empty:
        return None
    if not geometry.is_valid:
        geometry = shapely.make_valid(geometry)
        if not isinstance(geometry, Polygon | MultiPolygon):  # a collection of leftovers
            geometry = shapely.buffer(geometry, 0)
    parts = [p for p in shapely.get_parts(geometry) if isinstance(p, Polygon) and p.area > 0]
    if not parts:
        return None
    return max(parts, key=lambda p: p.area)


def poles(geometries: Sequence[BaseGeometry | None], aspect: float = LABEL_ASPECT,
          ) -> np.ndarray:
    """Each geometry's label anchor and clearance as rows ``x, y, clearance`` (NaN if empty).

    ``aspect`` is the labels' width over height (see the module). One
    vectorised pass; rectangles (most rooms) take their centre at once.
    The clearance is the anchor's true distance to the nearest wall.
    """
    out = np.full((len(geometries), 3), np.nan)
    if not len(geometries):
        return out
    polys = np.empty(len(geometries), dtype=object)
    polys[:] = list(geometries)
    missing = shapely.is_missing(polys)
    simple = ~missing
    simple[simple] = (shapely.get_type_id(polys[simple]) == _POLYGON) & shapely.is_valid(
        polys[simple]) & ~shapely.is_empty(polys[simple])
    for i in np.flatnonzero(~simple & ~missing):  # invalid, multi-part or empty: few
        polys[i] = label_polygon(polys[i])
    usable = ~shapely.is_missing(polys)
    if not usable.any():
        return out
    index = np.flatnonzero(usable)
    geoms = polys[index]
    bounds = shapely.bounds(geoms)
    width, height = bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1]
    box_area = width * height
    rect = (shapely.get_num_coordinates(geoms) == 5) & (
        np.abs(shapely.area(geoms) - box_area) <= box_area * 1e-9)
    out[index[rect], 0] = (bounds[rect, 0] + bounds[rect, 2]) / 2
    out[index[rect], 1] = (bounds[rect, 1] + bounds[rect, 3]) / 2
    out[index[rect], 2] = np.minimum(width[rect], height[rect]) / 2
    other = ~rect
    if other.any():
        out[index[other]] = _poles_of(geoms[other], aspect)
    return out


def _poles_of(geoms: np.ndarray, aspect: float) -> np.ndarray:
    """Poles of valid polygons in label-shaped distance, slid to their ridges' middles.

    The search stops at a share of each room's thickness (2·area/perimeter,
    about the width of a corridor), not of its box, which says nothing of
    how narrow an L-shaped room is.
    """
    squeeze = np.array([1 / aspect, 1.0])
    squeezed = shapely.transform(geoms, lambda xy: xy * squeeze) if aspect != 1 else geoms
    thickness = 2 * shapely.area(squeezed) / shapely.length(squeezed)
    tolerance = np.maximum(thickness * POLE_TOLERANCE, 1e-9)
    circle = shapely.maximum_inscribed_circle(squeezed, tolerance)
    centre = shapely.get_point(circle, 0)
    best = shapely.length(circle)
    ridge = shapely.buffer(squeezed, -best * (1 - RIDGE_SHARE), quad_segs=2)
    found = ~shapely.is_empty(ridge)
    anchor = centre.copy()
    if found.any():
        middle = shapely.centroid(ridge[found])
        anchor[found] = shapely.get_point(shapely.shortest_line(ridge[found], middle), 0)
    if aspect != 1:
        anchor = shapely.transform(anchor, lambda xy: xy / squeeze)
    # A squeezed pole is inside the room; the unsqueezed one is checked all the same.
    if aspect != 1:
        centre = shapely.transform(centre, lambda xy: xy / squeeze)
    anchor = np.where(shapely.contains(geoms, anchor), anchor, centre)
    clearance = shapely.distance(shapely.boundary(geoms), anchor)
    return np.column_stack([shapely.get_x(anchor), shapely.get_y(anchor), clearance])


class LabelAnchors:
    """Label anchors and fit tests for many rooms, made on first need and remembered.

    Sizes and anchors are in the polygons' units (metres on a plan). A fit
    test is called for every label shown on every zoom, so what it reads is
    kept in plain Python tuples, not looked up in arrays.
    """

    def __init__(self, geometries: Sequence[BaseGeometry | None],
                 aspect: float = LABEL_ASPECT) -> None:
        self._aspect = aspect
        self._geoms = np.empty(len(geometries), dtype=object)
        self._geoms[:] = list(geometries)
        n = len(geometries)
        # Per room once known: x, y, clearance, box x0, y0, x1, y1, whether it is its box.
        self._rows: list[tuple[float, ...] | None] = [None] * n
        self._shapes: dict[int, Polygon | None] = {}  # prepared polygons of exact tests
        # Per room, sizes w, h known to fit and known not to (a few, none dominating another).
        self._fit: list[list[tuple[float, float]]] = [[] for _ in range(n)]
        self._miss: list[list[tuple[float, float]]] = [[] for _ in range(n)]
        self.exact_tests = 0  # how many tests needed shapely (for measuring)

    def __len__(self) -> int:
        return len(self._geoms)

    def prepare(self, indices: Iterable[int] | None = None) -> None:
        """Compute the anchors of these rooms (all if None) not yet known, in one batch."""
        rows = self._rows
        todo = [i for i in (range(len(rows)) if indices is None else indices)
                if rows[i] is None]
        if not todo:
            return
        geoms = self._geoms[todo]
        found = poles(geoms, self._aspect)
        bounds = shapely.bounds(geoms)
        boxed = (shapely.get_num_coordinates(geoms) == 5) & (np.abs(
            shapely.area(geoms) - (bounds[:, 2] - bounds[:, 0]) * (bounds[:, 3] - bounds[:, 1]))
            <= 1e-9 * shapely.area(geoms))
        for i, pole, box, rect in zip(todo, found.tolist(), bounds.tolist(), boxed.tolist(),
                                      strict=True):
            rows[i] = (*pole, *box, float(rect))

    def anchor(self, i: int) -> tuple[float, float] | None:
        """Where room ``i``'s label is centred; None for an empty outline."""
        x, y = self._row(i)[:2]
        return None if math.isnan(x) else (x, y)

    def clearance(self, i: int) -> float:
        """Distance from room ``i``'s anchor to its nearest wall (0 for an empty outline)."""
        value = self._row(i)[2]
        return 0.0 if math.isnan(value) else value

    def fits(self, i: int, width: float, height: float) -> bool:
        """Whether a ``width`` × ``height`` rectangle centred on the anchor lies in room ``i``."""
        row = self._rows[i] or self._row(i)
        x, y, clear, x0, y0, x1, y1, rect = row
        if width <= 0 or height <= 0:
            return not math.isnan(x)
        if width * width + height * height <= 4 * clear * clear:
            return True  # inside the inscribed circle (False for NaN: an empty outline)
        if math.isnan(x) or width > x1 - x0 or height > y1 - y0:
            return False
        if rect:
            return True  # a rectangle room, anchored at its centre: its box is the test
        fit, miss = self._fit[i], self._miss[i]
        # A rectangle inside one that fits (same centre) fits; one around a misfit does not.
        if any(width <= w and height <= h for w, h in fit):
            return True
        if any(width >= w and height >= h for w, h in miss):
            return False
        shape = self._shape(i)
        self.exact_tests += 1
        inside = shape is not None and bool(shapely.covers(
            shape, shapely.box(x - width / 2, y - height / 2, x + width / 2, y + height / 2)))
        if inside:
            fit[:] = [(w, h) for w, h in fit if w > width or h > height][-REMEMBERED + 1:]
            fit.append((width, height))
        else:
            miss[:] = [(w, h) for w, h in miss if w < width or h < height][-REMEMBERED + 1:]
            miss.append((width, height))
        return inside

    def _row(self, i: int) -> tuple[float, ...]:
        row = self._rows[i]
        if row is None:
            self.prepare([i])
            row = self._rows[i]
            assert row is not None
        return row

    def _shape(self, i: int) -> Polygon | None:
        """Room ``i``'s polygon as the anchor was found in, prepared for exact tests."""
        if i not in self._shapes:
            shape = label_polygon(self._geoms[i])
            if shape is not None:
                shapely.prepare(shape)
            self._shapes[i] = shape
        return self._shapes[i]
