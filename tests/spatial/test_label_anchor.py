"""Label anchors at the pole of inaccessibility, and the fit test of a label's rectangle."""

from __future__ import annotations

import math

import pytest
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon, box
from shapely.ops import polylabel

from spatial.label_anchor import LabelAnchors, label_polygon, poles

# An L-shaped corridor 3 m wide: a 30 m arm along the bottom, a 20 m arm up the left side.
CORRIDOR = Polygon([(0, 0), (30, 0), (30, 3), (3, 3), (3, 20), (0, 20)])


def fits_exactly(polygon: Polygon, x: float, y: float, w: float, h: float) -> bool:
    return polygon.covers(box(x - w / 2, y - h / 2, x + w / 2, y + h / 2))


def test_an_l_shaped_corridors_anchor_is_inside_in_the_middle_of_its_long_arm():
    anchors = LabelAnchors([CORRIDOR])
    x, y = anchors.anchor(0)
    assert CORRIDOR.contains(Point(x, y))
    # Centred across the arm, and along it: a line of text has its length there.
    assert (x, y) == pytest.approx((15.0, 1.5), abs=0.1)
    assert anchors.clearance(0) == pytest.approx(1.5, abs=0.05)
    # The centroid, where labels went before, is outside the corridor altogether.
    assert not CORRIDOR.contains(CORRIDOR.centroid)


def test_plain_polylabel_is_the_pole_of_inaccessibility():
    """aspect=1 is shapely's polylabel, up to the ridge the anchor may slide along."""
    [(x, y, clearance)] = poles([CORRIDOR], aspect=1)
    pole = polylabel(CORRIDOR, tolerance=0.01)
    best = CORRIDOR.exterior.distance(pole)
    assert CORRIDOR.contains(Point(x, y))
    assert clearance == pytest.approx(CORRIDOR.exterior.distance(Point(x, y)))
    assert clearance >= best * 0.9  # as far from the walls, within the ridge's share
    # In the elbow, the farthest point from every wall, a label is a tenth as wide
    # as in the long arm: why labels are anchored in their own shape (the default).
    anchors = LabelAnchors([CORRIDOR])
    elbow = LabelAnchors([CORRIDOR], aspect=1)
    assert anchors.fits(0, 20.0, 2.5) and not elbow.fits(0, 20.0, 2.5)


def test_a_long_room_is_anchored_at_its_middle_not_at_an_end():
    """GEOS puts the pole of a 20 × 4 room anywhere on its middle line (near an end)."""
    room = Polygon([(0, 0), (20, 0), (20, 4), (0, 4), (0, 2)])  # not a plain 4-corner box
    x, y = LabelAnchors([room]).anchor(0)
    assert (x, y) == pytest.approx((10.0, 2.0), abs=0.2)


@pytest.mark.parametrize("aspect", [1.0, 2.5])
def test_fit_is_right_on_both_sides_of_the_limit(aspect):
    anchors = LabelAnchors([CORRIDOR], aspect)
    x, y = anchors.anchor(0)
    clear = anchors.clearance(0)
    # Height: the corridor is 3 m wide; the label is centred 1.5 m from both walls.
    h_room = 2 * min(y, 3 - y) if aspect != 1 else None
    if h_room is not None:
        assert anchors.fits(0, 4.0, h_room - 1e-6)
        assert not anchors.fits(0, 4.0, h_room + 1e-3)
    # Width along the arm, found by bisection against shapely itself.
    low, high = 0.0, 40.0
    for _ in range(40):
        mid = (low + high) / 2
        low, high = (mid, high) if fits_exactly(CORRIDOR, x, y, mid, 1.0) else (low, mid)
    assert anchors.fits(0, low - 1e-3, 1.0)
    assert not anchors.fits(0, high + 1e-3, 1.0)
    # Inside the inscribed circle: accepted without shapely; just outside its square too.
    side = clear * math.sqrt(2) * 0.999
    before = anchors.exact_tests
    assert anchors.fits(0, side, side)
    assert anchors.exact_tests == before


def test_fit_answers_agree_with_shapely_and_are_remembered():
    anchors = LabelAnchors([CORRIDOR])
    x, y = anchors.anchor(0)
    sizes = [(w, h) for w in (2, 5, 10, 14, 20, 26, 29, 31) for h in (0.5, 1, 2, 2.9, 3.1)]
    for w, h in sizes:
        assert anchors.fits(0, w, h) == fits_exactly(CORRIDOR, x, y, w, h), (w, h)
    # Zooming in and out: one label's rectangle at many sizes, twice over. The second
    # time every answer comes from the sizes remembered, none from shapely.
    zoom = [(8.0 * k / 10, 1.2 * k / 10) for k in range(5, 40)]
    first = [anchors.fits(0, w, h) for w, h in zoom]
    assert first == [fits_exactly(CORRIDOR, x, y, w, h) for w, h in zoom]
    assert True in first and False in first
    known = anchors.exact_tests
    assert [anchors.fits(0, w, h) for w, h in reversed(zoom)] == first[::-1]
    assert anchors.exact_tests == known


def test_a_multipolygon_is_labelled_in_its_largest_part():
    small, large = box(0, 0, 2, 2), box(10, 0, 30, 6)
    anchors = LabelAnchors([MultiPolygon([small, large])])
    x, y = anchors.anchor(0)
    assert large.contains(Point(x, y))
    assert (x, y) == pytest.approx((20.0, 3.0), abs=0.2)
    assert anchors.fits(0, 19.0, 5.0)
    assert not anchors.fits(0, 21.0, 5.0)  # would reach into the gap between the parts


def test_an_invalid_polygon_is_repaired_first():
    bowtie = Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])  # self-crossing
    assert not bowtie.is_valid
    repaired = label_polygon(bowtie)
    assert repaired is not None and repaired.is_valid and repaired.area > 0
    anchors = LabelAnchors([bowtie])
    x, y = anchors.anchor(0)
    assert shapely.make_valid(bowtie).contains(Point(x, y))
    assert anchors.fits(0, 1.0, 1.0)
    assert not anchors.fits(0, 6.0, 6.0)


def test_empty_and_missing_outlines_have_no_anchor_and_hold_nothing():
    anchors = LabelAnchors([Polygon(), None, box(0, 0, 4, 4)])
    assert anchors.anchor(0) is None and anchors.anchor(1) is None
    assert not anchors.fits(0, 0.1, 0.1) and not anchors.fits(1, 0.1, 0.1)
    assert anchors.anchor(2) == (2.0, 2.0)
    assert label_polygon(Polygon()) is None


def test_anchors_are_computed_only_when_asked_and_once():
    rooms = [box(i * 10, 0, i * 10 + 8, 5) for i in range(1000)]
    anchors = LabelAnchors(rooms)
    assert all(row is None for row in anchors._rows)  # nothing at construction
    anchors.prepare([3, 5])
    assert [i for i, row in enumerate(anchors._rows) if row is not None] == [3, 5]
    assert anchors.anchor(7) == (74.0, 2.5)
    assert sum(row is not None for row in anchors._rows) == 3
