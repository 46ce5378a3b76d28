"""Floor validation: planted faults are found, walls and columns are not gaps."""

from __future__ import annotations

from decimal import Decimal

import pytest
import shapely
from shapely.geometry import Polygon, box

from importers.read import read_plan
from spatial.adjacency import GAP
from spatial.editing import MIN_AREA, polygon_width
from spatial.validation import Finding, validate_floor
from tests.corpus import CORPUS, corpus, needs_corpus, require  # noqa: F401  (the fixture)


def walled_floor(cols: int = 4, rows: int = 3, room: float = 5.0, wall: float = 0.2):
    """Rooms on a grid with walls between them, and the outline around the outer walls."""
    step = room + wall
    rooms = [box(c * step, r * step, c * step + room, r * step + room)
             for r in range(rows) for c in range(cols)]
    outline = box(-wall, -wall, cols * step, rows * step)
    return rooms, outline


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def test_a_clean_walled_floor_has_no_findings():
    """0.2 m walls between every room, 0.2 m outer walls: no gap, no overlap."""
    rooms, outline = walled_floor()
    assert validate_floor(rooms, outline) == []
    assert validate_floor(rooms, None) == []
    # Walls up to GAP wide are still walls.
    thick, outline = walled_floor(wall=GAP)
    assert validate_floor(thick, outline) == []


def test_a_planted_overlap():
    rooms, outline = walled_floor()
    rooms[5] = box(rooms[5].bounds[0] - 1, *rooms[5].bounds[1:])  # pushed 0.8 m into its neighbour
    [finding] = validate_floor(rooms, outline)
    assert finding.code == "overlap" and finding.units == (4, 5)
    assert finding.area == Decimal("4.00")
    assert finding.where.area == pytest.approx(4.0)


def test_a_planted_sliver_and_a_stray():
    rooms, outline = walled_floor()
    sliver = box(0, -2, 5, -1.6)  # 0.4 m wide, outside the outline too
    findings = validate_floor([*rooms, sliver], outline)
    assert codes(findings) == ["sliver", "outside"]
    assert findings[0].units == (12,) and findings[0].params == {"width": "0.40", "min": "0.60"}
    assert findings[1].units == (12,) and findings[1].area == Decimal("2.00")
    stray = box(rooms[3].bounds[0], 0, rooms[3].bounds[2] + 1, 5)  # 1 m past the east wall
    rooms[3] = stray
    [outside] = validate_floor(rooms, outline)
    assert outside.code == "outside" and outside.units == (3,)
    assert outside.area == Decimal("4.00")  # 0.8 m × 5 m beyond the outline


def test_a_missing_room_is_a_gap_and_a_column_is_not():
    rooms, outline = walled_floor(cols=3, rows=3)
    missing = rooms.pop(4)  # the middle room: 5 × 5 m of floor nobody has
    [gap] = validate_floor(rooms, outline)
    assert gap.code == "gap"
    assert gap.units == (1, 3, 4, 6)  # the four rooms around it (indexes after the pop)
    # The room's floor and the walls around it, up to the rooms facing it: 5.4 m square.
    assert gap.area == Decimal("29.16")
    assert gap.where.covers(missing)
    assert gap.where.symmetric_difference(missing.buffer(0.2, join_style="mitre")).area < 1e-6
    # A 0.6 m column at a wall junction, and a 0.8 m one: structure, not floor.
    rooms, outline = walled_floor(cols=3, rows=3)
    x, y = rooms[4].bounds[:2]
    notched = [r.difference(box(x - 0.5, y - 0.5, x + 0.3, y + 0.3)) for r in rooms]
    assert validate_floor(notched, outline) == []
    # Without the outline, a pocket open to the outside is no gap; inside the outline it is.
    rooms, outline = walled_floor(cols=3, rows=3)
    edge = rooms.pop(1)
    assert validate_floor(rooms, None) == []
    [gap] = validate_floor(rooms, outline)
    assert gap.code == "gap" and gap.where.covers(edge.buffer(-0.01))


def test_stated_areas():
    rooms, outline = walled_floor(cols=2, rows=1)
    findings = validate_floor(rooms, outline, [Decimal("24.70"), Decimal("25.20")])
    assert codes(findings) == ["areas-differ"]  # 25 is 1.2 % off 24.70; 0.8 % off 25.20
    assert findings[0].units == (0,)
    assert findings[0].params == {"stated": "24.70", "computed": "25.00"}
    assert findings[0].area == Decimal("0.30")
    assert validate_floor(rooms, outline, [Decimal("25.25"), None]) == []  # within 1 %
    assert codes(validate_floor(rooms, outline, [None, Decimal("25.26")])) == ["areas-differ"]


def test_invalid_outlines_from_drawings_are_measured_not_fatal():
    bow_tie = Polygon([(20, 0), (25, 5), (25, 0), (20, 5)])
    rooms, _ = walled_floor(cols=2, rows=1)
    findings = validate_floor([*rooms, bow_tie, box(21, 0, 24, 4)], None)
    assert "overlap" in codes(findings)


@pytest.fixture(scope="module")
def daoshi():
    require()
    return read_plan(CORPUS / "daoshi" / "floor1.dxf").floors[0]


@needs_corpus
def test_daoshi_walls_are_not_gaps(daoshi):
    """Floor 1: rooms 0.1–0.2 m apart everywhere; what is reported is a pocket, never a wall."""
    units = list(daoshi.units)
    polygons = [u.polygon for u in units]
    findings = validate_floor(polygons, daoshi.outline, [u.stated_area for u in units])
    assert not [f for f in findings if f.code in ("overlap", "sliver", "outside")]
    gaps = [f for f in findings if f.code == "gap"]
    walls = daoshi.outline.difference(shapely.union_all(polygons))
    for gap in gaps:
        assert gap.area >= Decimal(str(MIN_AREA))
        assert polygon_width(gap.where) > GAP  # wider than any wall
        assert gap.units  # sealed in by rooms
    # The walls are ~10 % of the floor; the reported pockets (shafts, an undrawn
    # corridor, the largest columns) a fraction of that.
    assert sum(float(g.area) for g in gaps) < 0.5 * walls.area
    # The one 20 m × 2 m stretch of floor no room covers, beside the lecture hall.
    assert max(g.area for g in gaps) == Decimal("38.98")
    # Every room's stated area matches its outline within 1 % (test_dxf checks the same).
    assert not [f for f in findings if f.code == "areas-differ"]


def test_the_examples_in_the_docstrings():
    import doctest

    import spatial.validation

    assert doctest.testmod(spatial.validation).failed == 0
