"""Split, merge, reshape: pieces that tile, merges that absorb walls, refusals with codes."""

from __future__ import annotations

import itertools
import math
from decimal import Decimal

import pytest
import shapely
from hypothesis import assume, event, given, settings
from hypothesis import strategies as st
from shapely.geometry import MultiPolygon, Polygon, box

from importers.read import read_plan
from runtime.messages import UserError
from services.space_edits import piece_areas as child_areas
from spatial.adjacency import adjacent_pairs
from spatial.editing import (
    MIN_AREA,
    MIN_WIDTH,
    EditRefused,
    check_shape,
    delete_vertex,
    insert_vertex,
    merge_polygons,
    move_vertex,
    nearest_edge,
    nearest_vertex,
    polygon_width,
    split_polygon,
)
from spatial.geometry import area_m2
from tests.corpus import CORPUS, corpus, needs_corpus, require  # noqa: F401  (the fixture)

SPLIT_CODES = {"split-misses", "split-one-piece", "split-sliver", "split-tiny"}


class _Refused:
    """``with _Refused("split-tiny") as caught:`` — an EditRefused with that code."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.error: EditRefused | None = None

    def __enter__(self) -> _Refused:
        return self

    def __exit__(self, kind, error, tb) -> bool:
        assert isinstance(error, EditRefused), f"expected a refusal {self.code}, got {error!r}"
        assert error.code == self.code, (error.code, str(error))
        self.error = error
        return True


def assert_tiles(parent, children):
    """Pieces cover the parent exactly, without overlapping one another."""
    union = shapely.union_all(children)
    assert union.symmetric_difference(parent).area < 1e-6
    for a, b in itertools.combinations(children, 2):
        assert a.intersection(b).area < 1e-6
    assert math.isclose(sum(c.area for c in children), parent.area, rel_tol=1e-9, abs_tol=1e-6)
    for child in children:
        assert isinstance(child, Polygon) and child.is_valid


# --- split -------------------------------------------------------------------------------


def test_split_a_room_in_two_left_to_right():
    room = box(0, 0, 10, 4)
    left, right = split_polygon(room, [(4, 0), (4, 4)])  # drawn exactly wall to wall
    assert left.equals(box(0, 0, 4, 4)) and right.equals(box(4, 0, 10, 4))
    # A line snapped a hair short of the walls (or drawn 3 cm short) still cuts.
    pieces = split_polygon(room, [(4, 0.03), (4, 4 - 1e-12)])
    assert [p.area for p in pieces] == pytest.approx([16.0, 24.0])


def test_split_orders_pieces_left_to_right_then_bottom_to_top():
    pieces = split_polygon(box(0, 0, 4, 10), [(-1, 6), (5, 6)])
    assert [p.bounds[1] for p in pieces] == [0.0, 6.0]


def test_a_line_crossing_twice_gives_three_pieces():
    zigzag = [(3, -1), (3, 5), (6, 5), (6, -1)]  # down, across above the room, down again
    pieces = split_polygon(box(0, 0, 10, 4), zigzag)
    assert [round(p.area, 6) for p in pieces] == [12.0, 12.0, 16.0]
    ell = Polygon([(0, 0), (10, 0), (10, 3), (3, 3), (3, 10), (0, 10)])
    pieces = split_polygon(ell, [(-1, 8), (8, -1)])
    assert len(pieces) == 3
    assert_tiles(ell, pieces)


def test_split_through_a_hole():
    room = box(0, 0, 10, 10).difference(box(4, 4, 6, 6))
    pieces = split_polygon(room, [(5, -1), (5, 11)])
    assert len(pieces) == 2
    assert_tiles(room, pieces)
    assert all(not p.interiors for p in pieces)


def test_split_refusals_say_why():
    room = box(0, 0, 10, 4)
    with _Refused("split-misses"):
        split_polygon(room, [(20, 0), (20, 4)])
    with _Refused("split-misses"):
        split_polygon(room, [(2, 2), (2, 2)])
    with _Refused("split-one-piece"):
        split_polygon(room, [(2, 1), (2, 3)])  # stops inside the room
    with _Refused("split-sliver") as caught:
        split_polygon(room, [(9.7, -1), (9.7, 5)])  # 3 m wide room, 0.3 m strip: 1.2 m²
    assert caught.error.params == {"width": "0.30", "min": "0.60"}
    with _Refused("split-tiny") as caught:
        split_polygon(room, [(9, 4.5), (10.5, 3)])  # a corner cut off: 0.125 m²
    assert caught.error.params["min"] == "1"
    assert isinstance(caught.error, UserError)
    # The caller may ask for a narrower minimum.
    assert len(split_polygon(room, [(9.7, -1), (9.7, 5)], min_width=0.2)) == 2


def test_split_refuses_a_unit_in_several_parts():
    with _Refused("shape-multipart"):
        split_polygon(MultiPolygon([box(0, 0, 2, 2), box(5, 5, 7, 7)]), [(1, -1), (1, 3)])


def test_split_of_a_2000_vertex_room():
    angles = [2 * math.pi * k / 2000 for k in range(2000)]
    circle = Polygon([(20 * math.cos(a), 20 * math.sin(a)) for a in angles])
    pieces = split_polygon(circle, [(-30, 1), (30, -1)])
    assert len(pieces) == 2
    assert_tiles(circle, pieces)


# Random rooms and random cuts: every split tiles its room or is refused with a code.


@st.composite
def rooms(draw):
    kind = draw(st.sampled_from(["rectangle", "ell", "convex", "holed"]))
    x0 = draw(st.floats(-50, 50))
    y0 = draw(st.floats(-50, 50))
    w = draw(st.floats(2, 30))
    h = draw(st.floats(2, 30))
    if kind == "rectangle":
        return box(x0, y0, x0 + w, y0 + h)
    if kind == "ell":
        a = draw(st.floats(1, w - 0.5))
        b = draw(st.floats(1, h - 0.5))
        return Polygon([(x0, y0), (x0 + w, y0), (x0 + w, y0 + b), (x0 + a, y0 + b),
                        (x0 + a, y0 + h), (x0, y0 + h)])
    if kind == "convex":
        angles = sorted(draw(st.lists(st.floats(0, 2 * math.pi), min_size=3, max_size=12)))
        radius = draw(st.floats(2, 15))
        hull = shapely.convex_hull(shapely.multipoints(
            [(x0 + radius * math.cos(a), y0 + radius * math.sin(a)) for a in angles]))
        assume(isinstance(hull, Polygon) and hull.area > 1)
        return hull
    hx = draw(st.floats(0.5, w - 1.5))
    hy = draw(st.floats(0.5, h - 1.5))
    hw = draw(st.floats(1, w - hx - 0.5))
    hh = draw(st.floats(1, h - hy - 0.5))
    return box(x0, y0, x0 + w, y0 + h).difference(
        box(x0 + hx, y0 + hy, x0 + hx + hw, y0 + hy + hh))


@st.composite
def cuts(draw, room):
    """A straight or bent line through the room's box, from one side of it to the other."""
    xmin, ymin, xmax, ymax = room.bounds
    fractions = st.floats(0, 1)
    start = (xmin - 1, ymin + draw(fractions) * (ymax - ymin))
    end = (xmax + 1, ymin + draw(fractions) * (ymax - ymin))
    if draw(st.booleans()):
        start = (xmin + draw(fractions) * (xmax - xmin), ymin - 1)
        end = (xmin + draw(fractions) * (xmax - xmin), ymax + 1)
    if draw(st.booleans()):
        bend = (xmin + draw(fractions) * (xmax - xmin), ymin + draw(fractions) * (ymax - ymin))
        return [start, bend, end]
    return [start, end]


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_any_split_tiles_or_is_refused(data):
    room = data.draw(rooms())
    line = data.draw(cuts(room))
    try:
        pieces = split_polygon(room, line)
    except EditRefused as refusal:
        assert refusal.code in SPLIT_CODES
        event(refusal.code)
        return
    event(f"{len(pieces)} pieces")
    assert len(pieces) >= 2
    assert_tiles(room, pieces)
    for piece in pieces:
        assert piece.area >= MIN_AREA
        assert polygon_width(piece) >= MIN_WIDTH - 0.01
    parent_area = area_m2(room)
    shares = child_areas(parent_area, pieces)
    assert sum(shares) == parent_area
    for share, piece in zip(shares, pieces, strict=True):
        assert abs(share - area_m2(piece)) <= Decimal("0.02")
    # Merging the pieces gives the room back.
    merged = merge_polygons(pieces)
    assert merged.is_valid
    assert area_m2(merged) == parent_area
    assert merged.symmetric_difference(room).area < 1e-6


# --- child areas ---------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 10**7), st.lists(st.floats(0.01, 5000), min_size=1, max_size=12))
def test_child_areas_always_add_up(cents, areas):
    parent = Decimal(cents) / 100
    pieces = [box(0, 0, a, 1) for a in areas]
    shares = child_areas(parent, pieces)
    assert sum(shares) == parent
    assert all(s == s.quantize(Decimal("0.01")) for s in shares)
    total = sum(areas)
    for share, a in zip(shares, areas, strict=True):
        assert abs(float(share) - float(parent) * a / total) <= 0.01 + 1e-9


def test_child_areas_of_a_recorded_area_that_differs_from_the_polygons():
    """The register's area wins: 100.00 m² recorded, pieces measuring 60 and 39.9 m²."""
    shares = child_areas(Decimal("100.00"), [box(0, 0, 60, 1), box(0, 0, 39.9, 1)])
    assert shares == [Decimal("60.06"), Decimal("39.94")]


# --- merge ---------------------------------------------------------------------------------


def test_merge_absorbs_the_wall():
    merged = merge_polygons([box(0, 0, 5, 4), box(5.2, 0, 9, 4)])
    assert merged.equals(box(0, 0, 9, 4))


def test_merge_three_rooms_fills_the_wall_junction():
    rooms_ = [box(0, 0, 5, 5), box(5.2, 0, 10, 5), box(0, -5, 10, -0.2)]
    merged = merge_polygons(rooms_)
    assert merged.equals(box(0, -5, 10, 5))
    assert not merged.interiors


def test_merge_keeps_notches_and_own_holes():
    ell = Polygon([(0, 0), (5, 0), (5, 2), (3, 2), (3, 6), (0, 6)])
    merged = merge_polygons([ell, box(5.2, 0, 9, 6)])
    assert merged.area == pytest.approx(ell.area + 22.8 + 0.4)  # the strip is 0.2 × 2 only
    courtyard = box(0, 0, 8, 8).difference(box(3, 3, 5, 5))
    merged = merge_polygons([courtyard, box(8.2, 0, 12, 8)])
    assert len(merged.interiors) == 1 and merged.area == pytest.approx(60 + 30.4 + 1.6)


def test_merge_refusals():
    with _Refused("merge-one"):
        merge_polygons([box(0, 0, 5, 5)])
    with _Refused("merge-not-adjacent") as caught:
        merge_polygons([box(0, 0, 5, 5), box(5.2, 0, 9, 5), box(20, 0, 25, 5)],
                       labels=["A-101", "A-102", "A-110"])
    assert caught.error.params == {"units": "A-110"}
    with _Refused("merge-not-adjacent"):  # corner to corner is not next to
        merge_polygons([box(0, 0, 5, 5), box(5.2, 5.2, 9, 9)])
    with _Refused("merge-other-floor"):
        merge_polygons([box(0, 0, 5, 5), box(5.2, 0, 9, 5)], floors=[1, 2])
    with _Refused("shape-invalid"):
        merge_polygons([Polygon([(0, 0), (5, 5), (5, 0), (0, 5)]), box(5.2, 0, 9, 5)])


def test_merge_of_pieces_touching_along_a_short_cut():
    """A split across a 0.8 m neck: the pieces touch over less than MIN_FACING, still merge."""
    dumbbell = shapely.union_all([box(0, 0, 4, 4), box(4, 1.6, 6, 2.4), box(6, 0, 10, 4)])
    pieces = split_polygon(dumbbell, [(5, -1), (5, 5)])
    merged = merge_polygons(pieces)
    assert merged.symmetric_difference(dumbbell).area < 1e-9
    assert len(merged.exterior.coords) == len(dumbbell.exterior.coords)  # no cut points left


@pytest.fixture(scope="module")
def daoshi():
    require()
    plan = read_plan(CORPUS / "daoshi" / "floor1.dxf")
    return plan.floors[0]


@needs_corpus
def test_merge_two_daoshi_offices(daoshi):
    units = list(daoshi.units)
    polygons = [u.polygon for u in units]
    a = next(k for k, u in enumerate(units) if u.name == "综合考务办公室")
    b = next(k for k, u in enumerate(units) if u.name == "团委，学生工作办公室")
    assert (min(a, b), max(a, b)) in adjacent_pairs(polygons)
    assert polygons[a].distance(polygons[b]) == pytest.approx(0.2)
    merged = merge_polygons([polygons[a], polygons[b]], labels=[units[a].code, units[b].code])
    assert isinstance(merged, Polygon) and merged.is_valid
    assert merged.covers(polygons[a]) and merged.covers(polygons[b])
    between = shapely.convex_hull(shapely.union(polygons[a], polygons[b])).difference(
        shapely.union(polygons[a], polygons[b]))
    assert merged.area > polygons[a].area + polygons[b].area + 1.0  # the 8.1 m × 0.2 m wall
    assert merged.area - polygons[a].area - polygons[b].area == pytest.approx(8.1 * 0.2, abs=0.01)
    assert merged.intersection(between).area == pytest.approx(8.1 * 0.2, abs=0.01)
    others = [(units[k].name, polygons[k]) for k in range(len(units)) if k not in (a, b)]
    check_shape(merged, others, daoshi.outline)  # overlaps no third room, stays inside
    for _name, other in others:
        assert merged.intersection(other).area < 1e-6


@needs_corpus
def test_merge_the_daoshi_toilet_block_and_corridor(daoshi):
    """Four units around wall junctions: one valid polygon, no third room touched."""
    units = list(daoshi.units)
    polygons = [u.polygon for u in units]
    corridor = next(k for k, u in enumerate(units) if u.name == "走廊")
    lists = {k for k in range(len(units)) if units[k].name in ("女卫生间", "男卫生间")}
    group = [corridor, *sorted(lists)]
    merged = merge_polygons([polygons[k] for k in group])
    assert merged.is_valid and merged.area > sum(polygons[k].area for k in group)
    others = [(units[k].name, polygons[k]) for k in range(len(units)) if k not in group]
    check_shape(merged, others, daoshi.outline)


# --- check_shape and vertices ------------------------------------------------------------


def test_check_shape_refusals():
    floor = box(0, 0, 20, 10)
    neighbours_ = [("A-101", box(0, 0, 5, 10)), ("A-102", box(5.2, 0, 10, 10))]
    check_shape(box(10.2, 0, 15, 10), neighbours_, floor)  # fine: returns quietly
    with _Refused("shape-invalid") as caught:
        check_shape(Polygon([(10, 0), (15, 5), (15, 0), (10, 5)]), neighbours_, floor)
    assert caught.error.params["where"] == "12.50, 2.50"
    with _Refused("shape-overlaps") as caught:
        check_shape(box(9, 0, 15, 10), neighbours_, floor)
    assert caught.error.params == {"other": "A-102", "area": "10.00"}
    with _Refused("shape-outside") as caught:
        check_shape(box(15, 5, 22, 12), neighbours_, floor)
    assert caught.error.params == {"area": "24.00"}
    with _Refused("shape-tiny"):
        check_shape(box(12, 2, 12.5, 2.5), neighbours_, floor)
    # Within the tolerance is drawing noise, not an overlap.
    check_shape(box(9.999, 0, 15, 10), neighbours_, floor)
    check_shape(box(9.9, 0, 15, 10), neighbours_, floor, tolerance_m2=2.0)
    check_shape(box(30, 30, 40, 40), [], None)


def test_vertex_edits():
    room = box(0, 0, 4, 3)  # exterior (4,0) (4,3) (0,3) (0,0)
    assert list(room.exterior.coords)[:4] == [(4, 0), (4, 3), (0, 3), (0, 0)]
    moved = move_vertex(room, 0, 1, (5, 4))
    assert list(moved.exterior.coords) == [(4, 0), (5, 4), (0, 3), (0, 0), (4, 0)]
    first = move_vertex(room, 0, 0, (4.5, -0.5))  # the closing point follows
    assert first.exterior.coords[0] == first.exterior.coords[-1] == (4.5, -0.5)
    added = insert_vertex(room, 0, 3, (2, -1))  # between the last and the first
    assert list(added.exterior.coords)[3:] == [(0, 0), (2, -1), (4, 0)]
    assert added.area == pytest.approx(14.0)
    assert delete_vertex(added, 0, 4).equals(room)
    with _Refused("shape-too-few"):
        delete_vertex(Polygon([(0, 0), (1, 0), (0, 1)]), 0, 0)
    with pytest.raises(IndexError):
        move_vertex(room, 1, 0, (0, 0))
    holed = box(0, 0, 10, 10).difference(box(4, 4, 6, 6))
    bigger = move_vertex(holed, 1, 0, (7, 7))
    assert bigger.area < holed.area and len(bigger.interiors) == 1
    crossed = move_vertex(room, 0, 1, (4, -3))  # pulled across the bottom edge: a bow tie
    with _Refused("shape-invalid"):
        check_shape(crossed, [], None)


def test_nearest_vertex_and_edge():
    room = box(0, 0, 4, 3)
    assert nearest_vertex(room, 3.9, 3.2)[:2] == (0, 1)
    ring, after, distance = nearest_edge(room, 2, -0.1)
    assert (ring, after) == (0, 3) and distance == pytest.approx(0.1)


def test_the_examples_in_the_docstrings():
    import doctest

    import spatial.editing

    assert doctest.testmod(spatial.editing).failed == 0
