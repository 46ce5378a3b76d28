"""Snapping: vertex before edge before nothing, walls, the orthogonal constraint."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, MultiLineString, Point, box

from spatial.snapping import Snap, Snapper

ROOMS = [box(0, 0, 5, 4), box(5.2, 0, 9, 4)]
WALLS = MultiLineString([[(-0.2, -0.2), (9.2, -0.2)], [(20, 0), (20, 10)]])


def test_a_vertex_wins_over_a_nearer_edge():
    snapper = Snapper(ROOMS, WALLS)
    snap = snapper.snap(4.9, 3.7, 0.4)  # 0.1 from the edge x = 5, 0.32 from the corner (5, 4)
    assert snap.point == (5.0, 4.0) and snap.kind == "vertex"
    assert snap.distance == pytest.approx(math.hypot(0.1, 0.3))


def test_edges_walls_and_nothing():
    snapper = Snapper(ROOMS, WALLS)
    assert snapper.snap(2.5, 3.9, 0.2) == Snap((2.5, 4.0), "edge", pytest.approx(0.1))
    wall = snapper.snap(20.1, 5.0, 0.2)
    assert wall.kind == "wall" and wall.point == pytest.approx((20.0, 5.0))
    # Between the room's bottom edge (y = 0) and the wall (y = -0.2): the nearer one.
    assert snapper.snap(2.5, -0.15, 0.3).kind == "wall"
    assert snapper.snap(2.5, -0.05, 0.3).kind == "edge"
    assert snapper.snap(2.5, 2.0, 0.2) == Snap((2.5, 2.0), "none", 0.0)
    # Wall corners are corners too.
    corner = snapper.snap(20.05, 9.9, 0.2)
    assert corner == Snap((20.0, 10.0), "vertex", pytest.approx(0.1118, abs=1e-4))


def test_without_walls_or_units():
    assert Snapper([]).snap(1, 1, 10).kind == "none"
    assert Snapper([], LineString([(0, 0), (10, 0)])).snap(3, 0.1, 0.5).point == (3.0, 0.0)


def test_orthogonal_keeps_the_line_level_or_upright():
    snapper = Snapper(ROOMS, WALLS)
    # From (1, 2) towards (3, 2.3): nearer the horizontal, so y stays 2; nothing near.
    snap = snapper.snap(3, 2.3, 0.2, previous=(1, 2), orthogonal=True)
    assert snap.point == (3.0, 2.0) and snap.kind == "none"
    assert snap.distance == pytest.approx(0.3)
    # Upright: x stays at the previous point's.
    assert snapper.snap(1.3, 3.0, 0.1, previous=(1, 0.5), orthogonal=True).point == (1.0, 3.0)


def test_orthogonal_snaps_along_the_line_only():
    snapper = Snapper(ROOMS, WALLS)
    # Level from (1, 2), near the edge x = 5: lands where y = 2 meets it, not at its nearest point.
    snap = snapper.snap(4.9, 2.2, 0.3, previous=(1, 2), orthogonal=True)
    assert snap.point == (5.0, 2.0) and snap.kind == "edge"
    # Upright from (2, 1), near the corner (0, 4)'s height: level with the vertex, x kept.
    snap = snapper.snap(2.1, 3.9, 0.25, previous=(2, 1), orthogonal=True)
    assert snap.point == (2.0, 4.0) and snap.kind == "edge"  # the top edge crosses x = 2 there
    # Level with a vertex that no edge crosses the line at: the corner (5, 4), from (7, 4.15).
    snap = snapper.snap(5.1, 4.2, 0.3, previous=(7, 4.15), orthogonal=True)
    assert snap.point == (5.0, 4.15) and snap.kind == "vertex"
    # A wall crossed by the level line.
    snap = snapper.snap(19.8, 6.0, 0.3, previous=(15, 6), orthogonal=True)
    assert snap.point == (20.0, 6.0) and snap.kind == "wall"
    # Without a previous point orthogonal changes nothing.
    assert snapper.snap(4.9, 2.2, 0.3, orthogonal=True).point == (5.0, 2.2)


def brute_force(polygons, x, y, tolerance):
    """The rule from shapely alone: nearest vertex within reach, else nearest boundary point.

    Also says whether (x, y) is a float's width from a limit, where the two
    ways of measuring may round either way.
    """
    point = Point(x, y)
    vertices = [c for p in polygons for ring in [p.exterior, *p.interiors] for c in ring.coords]
    nearest_vertex = min(math.hypot(vx - x, vy - y) for vx, vy in vertices)
    nearest_edge = shapely.union_all([p.boundary for p in polygons]).distance(point)
    borderline = min(abs(nearest_vertex - tolerance), abs(nearest_edge - tolerance)) < 1e-9
    if nearest_vertex <= tolerance:
        return "vertex", nearest_vertex, borderline
    return ("edge", nearest_edge, borderline) if nearest_edge <= tolerance else (
        "none", 0.0, borderline)


@pytest.fixture(scope="module")
def floor():
    rng = np.random.default_rng(7)
    rooms = []
    for k in range(2000):  # a 2,000-unit floor: rooms of 3–6 m on a 45-wide grid, 0.2 m walls
        row, col = divmod(k, 45)
        w, h = rng.uniform(3, 6, 2)
        rooms.append(box(col * 6.2, row * 6.2, col * 6.2 + w, row * 6.2 + h))
    return rooms, Snapper(rooms), shapely.STRtree(rooms)


@settings(max_examples=200, deadline=None)
@given(st.floats(-2, 45 * 6.2), st.floats(-2, 45 * 6.2), st.floats(0.01, 1.5))
def test_snaps_like_brute_force_on_a_2000_unit_floor(floor, x, y, tolerance):
    rooms, snapper, tree = floor
    snap = snapper.snap(x, y, tolerance)
    near = [rooms[k] for k in tree.query(Point(x, y), predicate="dwithin", distance=tolerance + 1)]
    kind, distance, borderline = brute_force(near or rooms[:1], x, y, tolerance)
    assume(not borderline)
    assert snap.kind == kind
    assert snap.distance == pytest.approx(distance, abs=1e-9)
    if kind != "none":
        assert min(r.boundary.distance(Point(snap.point)) for r in near) < 1e-9


def test_the_examples_in_the_docstrings():
    import doctest

    import spatial.snapping

    assert doctest.testmod(spatial.snapping).failed == 0
