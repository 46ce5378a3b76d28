"""Adjacency across walls: the facing rule, its vectorised form, and the wall strip."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, Polygon, box

from importers.read import read_plan
from spatial.adjacency import (
    GAP,
    MIN_FACING,
    adjacent_pairs,
    boundary_segments,
    facing_length,
    facing_lengths,
    neighbours,
    touch_length,
    wall_strip,
)
from tests.corpus import CORPUS, corpus, needs_corpus, require  # noqa: F401  (the fixture)


def test_rooms_across_a_wall_face_along_the_wall():
    assert facing_length(box(0, 0, 5, 4), box(5.2, 0, 9, 4)) == pytest.approx(4.0)
    # Offset along the wall: only the stretch opposite each other counts.
    assert facing_length(box(0, 0, 5, 4), box(5.2, 1, 9, 6)) == pytest.approx(3.0)
    # The smaller of the two directions: a short room beside a long one.
    assert facing_length(box(0, 0, 5, 20), box(5.2, 8, 9, 10)) == pytest.approx(2.0)


def test_corners_do_not_face():
    """Corner to corner, touching or across a wall junction, is no neighbour."""
    assert facing_length(box(0, 0, 5, 5), box(5, 5, 10, 10)) == 0.0
    assert facing_length(box(0, 0, 5, 5), box(5.1, 5.1, 10, 10)) == 0.0
    assert adjacent_pairs([box(0, 0, 5, 5), box(5.2, 5.2, 10, 10)]) == []


def test_too_far_or_too_short_is_not_adjacent():
    assert facing_length(box(0, 0, 5, 4), box(5.6, 0, 9, 4)) == 0.0
    assert adjacent_pairs([box(0, 0, 5, 4), box(5.6, 0, 9, 4)]) == []
    # 0.8 m of facing wall: under MIN_FACING.
    short = [box(0, 0, 5, 4), box(5.2, 3.2, 9, 8)]
    assert facing_length(*short) == pytest.approx(0.8)
    assert adjacent_pairs(short) == []
    assert adjacent_pairs(short, min_facing=0.5) == [(0, 1)]


def test_touching_units_face_along_their_shared_edge():
    assert facing_length(box(0, 0, 5, 4), box(5, 0, 9, 4)) == pytest.approx(4.0)
    assert touch_length(box(0, 0, 5, 4), box(5, 0, 9, 4)) == pytest.approx(4.0)
    assert touch_length(box(0, 0, 5, 4), box(5, 4, 9, 8)) == 0.0


def test_slanted_and_thin_neighbours():
    """A slanted wall faces along its length; a thin unit's two sides count once."""
    a = Polygon([(0, 0), (4, 4), (0, 4)])
    b = Polygon([(0.2, -0.2), (4.2, 3.8), (6, 0)])
    assert facing_length(a, b) == pytest.approx(4 * 2**0.5, abs=1e-6)
    thin = box(5.1, 0, 5.3, 4)  # 0.2 m wide: both its long sides lie within 0.5 m
    assert facing_length(box(0, 0, 5, 4), thin) == pytest.approx(4.0)


def test_neighbours_lists():
    assert neighbours([(0, 2), (1, 2)], 4) == [[2], [2], [0, 1], []]


# Oracle for boxes: two boxes face over the overlap of their spans when the
# gap between them on the other axis is at most GAP.
def box_facing(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    ax0, ay0, ax1, ay1 = a
    bx0, by0, bx1, by1 = b
    x_gap = max(bx0 - ax1, ax0 - bx1)
    y_gap = max(by0 - ay1, ay0 - by1)
    x_overlap = min(ax1, bx1) - max(ax0, bx0)
    y_overlap = min(ay1, by1) - max(ay0, by0)
    if 0 <= x_gap <= GAP and y_overlap > 0:
        return y_overlap
    if 0 <= y_gap <= GAP and x_overlap > 0:
        return x_overlap
    return 0.0


@st.composite
def box_floors(draw):
    """Rooms on a grid of columns and rows, walls 0–0.6 m, some cells merged or empty."""
    cols = draw(st.integers(1, 5))
    rows = draw(st.integers(1, 5))
    widths = draw(st.lists(st.integers(10, 80), min_size=cols, max_size=cols))
    heights = draw(st.lists(st.integers(10, 80), min_size=rows, max_size=rows))
    walls = draw(st.lists(st.integers(0, 6), min_size=cols + rows, max_size=cols + rows))
    xs, x = [], 0
    for w, t in zip(widths, walls[:cols], strict=True):
        xs.append((x, x + w))
        x += w + t
    ys, y = [], 0
    for h, t in zip(heights, walls[cols:], strict=True):
        ys.append((y, y + h))
        y += h + t
    keep = draw(st.lists(st.booleans(), min_size=cols * rows, max_size=cols * rows))
    # Tenths of a metre, as integers until here so the oracle is exact.
    return [(x0 / 10, y0 / 10, x1 / 10, y1 / 10)
            for (x0, x1), (y0, y1), k in zip(
                [c for _ in ys for c in xs], [r for r in ys for _ in xs], keep, strict=True)
            if k]


@settings(max_examples=150, deadline=None)
@given(box_floors())
def test_adjacent_pairs_match_the_box_oracle(rooms):
    polygons = [box(*r) for r in rooms]
    expected = [(i, j) for i, j in itertools.combinations(range(len(rooms)), 2)
                if box_facing(rooms[i], rooms[j]) >= MIN_FACING - 1e-9]
    assert adjacent_pairs(polygons) == expected
    first, second, lengths = facing_lengths(polygons)
    for i, j, length in zip(first, second, lengths, strict=True):
        assert length == pytest.approx(box_facing(rooms[i], rooms[j]), abs=1e-9)
        assert facing_length(polygons[i], polygons[j]) == pytest.approx(length, abs=1e-9)


def test_boundary_segments_of_polygons_lines_and_holes():
    ring = box(0, 0, 4, 4).difference(box(1, 1, 2, 2))
    starts, ends, owner = boundary_segments([ring, box(10, 10, 11, 11),
                                             LineString([(0, 0), (1, 0), (1, 0), (1, 2)])])
    assert len(starts) == 14 and owner.tolist() == [0] * 8 + [1] * 4 + [2] * 2
    assert ends[-1].tolist() == [1.0, 2.0]  # the repeated point gave no empty segment
    starts, _, _ = boundary_segments([])
    assert len(starts) == 0


def test_wall_strip_is_the_wall_between():
    strip = wall_strip(box(0, 0, 5, 4), box(5.2, 0, 9, 4))
    assert strip.symmetric_difference(box(5, 0, 5.2, 4)).area < 1e-9
    offset = wall_strip(box(0, 0, 5, 4), box(5.2, 1, 9, 6))
    assert offset.symmetric_difference(box(5, 1, 5.2, 4)).area < 1e-9
    assert wall_strip(box(0, 0, 5, 4), box(5, 0, 9, 4)).is_empty  # touching: no wall
    assert wall_strip(box(0, 0, 5, 4), box(7, 0, 9, 4)).is_empty  # too far


def test_wall_strip_leaves_notches_elsewhere_alone():
    """An L beside a box: the strip fills the wall, not the L's notch."""
    ell = Polygon([(0, 0), (5, 0), (5, 2), (3, 2), (3, 6), (0, 6)])
    other = box(5.2, 0, 9, 6)
    strip = wall_strip(ell, other)
    assert strip.symmetric_difference(box(5, 0, 5.2, 2)).area < 1e-9
    assert strip.intersection(box(3, 2, 5, 6)).area == 0


def test_wall_strip_around_a_u():
    u = Polygon([(0, 0), (10, 0), (10, 10), (0, 10), (0, 6), (6, 6), (6, 4), (0, 4)])
    inside = box(0.2, 4.2, 5.8, 5.8)
    strip = wall_strip(u, inside)
    assert strip.geom_type == "MultiPolygon"
    assert strip.area == pytest.approx(2 * 5.6 * 0.2 + 1.6 * 0.2)


@pytest.fixture(scope="module")
def daoshi():
    require()
    plan = read_plan(CORPUS / "daoshi" / "floor1.dxf")
    return list(plan.floors[0].units)


@needs_corpus
def test_daoshi_rooms_are_neighbours_across_walls(daoshi):
    """Floor 1: 42 rooms, none sharing an edge; neighbours found across 0.1–0.2 m walls."""
    polygons = [u.polygon for u in daoshi]
    assert len(polygons) == 42
    pairs = adjacent_pairs(polygons)
    for i, j in itertools.combinations(range(len(polygons)), 2):
        assert touch_length(polygons[i], polygons[j]) == 0.0
    for i, j in pairs:
        assert 0.05 < polygons[i].distance(polygons[j]) <= GAP
        assert facing_length(polygons[i], polygons[j]) >= MIN_FACING
    names = {(daoshi[i].name, daoshi[j].name) for i, j in pairs}
    assert ("综合考务办公室", "团委，学生工作办公室") in names
    corridor = next(k for k, u in enumerate(daoshi) if u.name == "走廊")
    lists = neighbours(pairs, len(polygons))
    assert len(lists[corridor]) >= 30  # the corridor runs past nearly every room
    offices = [k for k, u in enumerate(daoshi) if u.name in ("综合考务办公室", "学生会")]
    assert offices[1] not in lists[offices[0]]  # opposite ends of the floor


def test_the_examples_in_the_docstrings():
    import doctest

    import spatial.adjacency

    assert doctest.testmod(spatial.adjacency).failed == 0
