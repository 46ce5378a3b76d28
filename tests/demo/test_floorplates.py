"""Generated floor plates tile their outline with valid, simple, non-overlapping units."""

from __future__ import annotations

import itertools
from random import Random

import pytest
import shapely
from shapely.geometry import MultiLineString, Polygon, box

from demo.floorplates import (
    FloorPlate,
    adjacent_pairs,
    office_floor,
    plant_floor,
    retail_floor,
    warehouse_floor,
)
from domain.allocation import allocate_common_area
from spatial.geometry import area_m2

TOLERANCE = 1e-6


def assert_tiles(plate: FloorPlate, count: int, walled_core: bool = True) -> None:
    """Units and common areas tile the outline; every wall is in the background.

    The first common area is the core (lifts, stairs), walled all round,
    except on a retail floor where it is the lobby, open to the mall.
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
    walls = plate.background.buffer(TOLERANCE)
    walled = [outline, *plate.units, *plate.common[:1]] if walled_core else [outline, *plate.units]
    for piece in walled:
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
        assert_areas_between(plate, 1000, 8000)


@pytest.mark.parametrize("shops", [2, 3, 10, 24, 35])
def test_retail_floor_tiles(shops):
    for seed in range(4):
        plate = retail_floor(Random(seed), shops)
        assert_tiles(plate, shops + 1, walled_core=False)
        *small, anchor = plate.units
        assert all(30 <= shop.area <= 300 for shop in small)
        assert 800 <= anchor.area <= 2000
    shared = retail_floor(Random(0), 30, length=160, depth=40)
    assert_tiles(shared, 31, walled_core=False)


def test_common_shares_add_up_to_the_common_area_exactly():
    for plate in (office_floor(Random(3), 11), plant_floor(Random(3), 4),
                  warehouse_floor(Random(3), 3), retail_floor(Random(3), 28)):
        internals = [area_m2(unit) for unit in plate.units]
        common = area_m2(plate.outline) - sum(internals)
        shares = allocate_common_area(internals, common)
        assert sum(shares) == common
        assert abs(float(common) - plate.common_area) <= 0.01 * len(plate.units)


def test_same_seed_same_plate():
    def wkb(plate: FloorPlate) -> list[bytes]:
        return [shapely.to_wkb(g) for g in (plate.outline, *plate.units, plate.background)]

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
