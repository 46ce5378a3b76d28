"""Generated floor plates tile their outline with valid, simple, non-overlapping units."""

from __future__ import annotations

import itertools
from random import Random

import pytest
import shapely
from shapely.geometry import MultiLineString, Polygon, box

from demo.floorplates import (
    CommonKind,
    FloorPlate,
    adjacent_pairs,
    office_floor,
    plant_floor,
    retail_floor,
    warehouse_floor,
)
from domain.floor_areas import BillableRule, FloorInput, UnitInput, allocate_building
from domain.space_use import SpaceUse
from spatial.geometry import area_m2

TOLERANCE = 1e-6
OPEN_KINDS = (CommonKind.CORRIDOR, CommonKind.LOBBY)  # open to each other and to the mall
KINDS = {  # the common rooms each kind of plate has, in order
    "office": [CommonKind.CORE, *[CommonKind.CORRIDOR] * 4],
    "plant": [CommonKind.CORRIDOR, CommonKind.FREIGHT_LIFT, CommonKind.STAIR, CommonKind.TOILET],
    "warehouse": [CommonKind.PLATFORM],
    "retail": [CommonKind.LOBBY, CommonKind.CORRIDOR],
}


def assert_tiles(plate: FloorPlate, count: int) -> None:
    """Units and common rooms tile the outline; every wall is in the background.

    Units and the rooms of a core, and a warehouse's platform, are walled all
    round; corridors and a mall's lobby are open to each other.
    """
    outline = plate.outline
    assert outline.is_valid
    assert outline.bounds[:2] == (0.0, 0.0)
    assert len(plate.units) == count
    for unit in plate.units:
        assert unit.is_valid
        assert is_rectangle_or_l(unit)
        assert unit.difference(outline).area < TOLERANCE
    pieces = [*plate.units, *plate.common]
    for a, b in itertools.combinations(pieces, 2):
        assert a.intersection(b).area < TOLERANCE
    covered = shapely.union_all(pieces)
    assert covered.symmetric_difference(outline).area < TOLERANCE
    assert abs(sum(u.area for u in plate.units) + plate.common_area - outline.area) < TOLERANCE
    assert isinstance(plate.background, MultiLineString)
    assert len(plate.common_kinds) == len(plate.common)
    walls = plate.background.buffer(TOLERANCE)
    rooms = [p for p, k in zip(plate.common, plate.common_kinds, strict=True)
             if k not in OPEN_KINDS]
    for piece in [outline, *plate.units, *rooms]:
        assert piece.boundary.difference(walls).length < TOLERANCE


def is_rectangle_or_l(polygon: Polygon) -> bool:
    coords = list(polygon.exterior.coords)[:-1]
    if len(polygon.interiors) or len(coords) not in (4, 6):
        return False
    edges = zip(coords, [*coords[1:], coords[0]], strict=True)
    return all(a[0] == b[0] or a[1] == b[1] for a, b in edges)


def assert_areas_between(plate: FloorPlate, low: float, high: float) -> None:
    for unit in plate.units:
        assert low <= unit.area <= high, unit.area


@pytest.mark.parametrize("units", range(2, 17))
@pytest.mark.parametrize("size", [(50, 22), (60, 26), (70, 30), None])
def test_office_floor_tiles(units, size):
    for seed in range(4):
        width, depth = size or (None, None)
        plate = office_floor(Random(seed), units, width, depth)
        assert_tiles(plate, units)
        assert plate.common_kinds == KINDS["office"]
        assert_areas_between(plate, 30, 2000)
        if size is None:
            width, depth = plate.outline.bounds[2:]
            assert 50 <= width <= 70 and 22 <= depth <= 30


def test_office_floor_sizes_follow_the_count():
    big = office_floor(Random(1), 2, 70, 30)
    assert [round(u.area) for u in big.units] == [round(big.units[0].area)] * 2
    assert all(u.area > 700 for u in big.units)
    typical = office_floor(Random(1), 12, 64, 28)
    assert_areas_between(typical, 30, 300)


def test_office_core_stacks_on_every_floor():
    floors = [office_floor(Random(seed), units, 64, 28) for seed, units in enumerate((2, 7, 16))]
    assert all(plate.common_kinds[0] is CommonKind.CORE for plate in floors)
    cores = [plate.common[0] for plate in floors]
    assert all(core.equals(cores[0]) for core in cores)
    assert cores[0].centroid.distance(floors[0].outline.centroid) < TOLERANCE


def test_office_units_follow_the_walls_around_the_floor():
    for units in (2, 3, 5, 9, 16):
        plate = office_floor(Random(units), units, 60, 26)
        walk = {(i, (i + 1) % units) if i + 1 < units else (0, units - 1) for i in range(units)}
        assert walk <= set(adjacent_pairs(plate.units))


@pytest.mark.parametrize("bays", range(1, 6))
def test_plant_floor_tiles(bays):
    for seed in range(4):
        plate = plant_floor(Random(seed), bays)
        assert_tiles(plate, bays)
        assert plate.common_kinds == KINDS["plant"]
        assert_areas_between(plate, 500, 2000)
        assert len(plate.units[0].exterior.coords) == 7  # the first bay wraps the core
    shared = plant_floor(Random(0), 4, length=120, depth=35)
    assert_tiles(shared, 4)
    assert shared.outline.bounds == (0.0, 0.0, 120.0, 35.0)


@pytest.mark.parametrize("units", range(1, 6))
def test_warehouse_floor_tiles(units):
    for seed in range(4):
        plate = warehouse_floor(Random(seed), units)
        assert_tiles(plate, units)
        assert plate.common_kinds == KINDS["warehouse"]
        assert_areas_between(plate, 1000, 8000)


@pytest.mark.parametrize("shops", [2, 3, 10, 24, 35])
def test_retail_floor_tiles(shops):
    for seed in range(4):
        plate = retail_floor(Random(seed), shops)
        assert_tiles(plate, shops + 1)
        assert plate.common_kinds == KINDS["retail"]
        *small, anchor = plate.units
        assert all(30 <= shop.area <= 300 for shop in small)
        assert 800 <= anchor.area <= 2000
    shared = retail_floor(Random(0), 30, length=160, depth=40)
    assert_tiles(shared, 31)


def test_common_shares_add_up_to_the_common_rooms_exactly():
    """On the 0.1 m grid every area is exact: no wall or gap is left over, so the floor's
    common pool is its common rooms and the shares add up to them."""
    for plate in (office_floor(Random(3), 11), plant_floor(Random(3), 4),
                  warehouse_floor(Random(3), 3), retail_floor(Random(3), 28)):
        units = [UnitInput(("u", i), area_m2(p), SpaceUse.LEASABLE)
                 for i, p in enumerate(plate.units)]
        rooms = [UnitInput(("c", i), area_m2(p), SpaceUse.COMMON)
                 for i, p in enumerate(plate.common)]
        gross = area_m2(plate.outline)
        assert gross == sum(u.internal for u in units + rooms)
        areas = allocate_building([FloorInput(0, gross, (*units, *rooms))], BillableRule.LEASABLE)
        common = sum(r.internal for r in rooms)
        assert sum(areas[u.key].share for u in units) == common
        assert float(common) == pytest.approx(plate.common_area)
        assert all(areas[r.key].share == 0 for r in rooms)


def test_same_seed_same_plate():
    def wkb(plate: FloorPlate) -> list[bytes]:
        return [shapely.to_wkb(g) for g in (plate.outline, *plate.units, *plate.common,
                                            plate.background)]

    for make in (lambda r: office_floor(r, 9), lambda r: plant_floor(r, 3),
                 lambda r: warehouse_floor(r, 2), lambda r: retail_floor(r, 20)):
        assert wkb(make(Random(42))) == wkb(make(Random(42)))
        assert wkb(make(Random(42))) != wkb(make(Random(43)))


def test_impossible_plates_are_refused():
    with pytest.raises(ValueError, match="at least 2 units"):
        office_floor(Random(0), 1)
    with pytest.raises(ValueError, match="do not fit"):
        office_floor(Random(0), 60, 50, 22)
    with pytest.raises(ValueError, match="at least one bay"):
        plant_floor(Random(0), 0)
    with pytest.raises(ValueError, match="do not fit"):
        retail_floor(Random(0), 40, length=80, depth=40)


def test_adjacent_pairs_needs_a_shared_wall():
    a, b = box(0, 0, 5, 5), box(5, 0, 10, 5)  # a 5 m wall
    corner = box(10, 5, 15, 10)  # touches b at a point
    sliver = box(-3, 5, 0.5, 8)  # shares 0.5 m of a's north wall
    squares = [a, b, corner, sliver]
    assert adjacent_pairs(squares) == [(0, 1)]
    assert adjacent_pairs(squares, min_shared=0.4) == [(0, 1), (0, 3)]
    assert adjacent_pairs(squares, min_shared=6) == []
    assert adjacent_pairs(squares, candidates=[(1, 0), (2, 1)]) == [(0, 1)]
    assert adjacent_pairs(squares[:1]) == []
    assert adjacent_pairs([a, box(4, 1, 6, 2)]) == []  # overlapping is not adjacent


def test_the_examples_in_the_docstrings():
    import doctest

    import demo.floorplates
    import demo.plan

    for module in (demo.floorplates, demo.plan):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0, module.__name__
