"""The contiguous-space search: every connected set once, the bounds kept, the ranking total.

The search is checked against brute force (every subset of the vacant units,
kept when connected and in bounds, sorted by the documented key) on small
random graphs, and on a 60-unit floor with rich adjacency, where pruning has
the most to cut.
"""

from __future__ import annotations

import itertools
import random
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spatial.contiguous import AT_LEAST, AT_MOST, FloorUnits, SpaceSet, connected_sets, find_sets

D = Decimal


def is_connected(units: tuple[int, ...], neighbours: list[list[int]]) -> bool:
    inside = set(units)
    seen = {units[0]}
    todo = [units[0]]
    while todo:
        here = todo.pop()
        for there in neighbours[here]:
            if there in inside and there not in seen:
                seen.add(there)
                todo.append(there)
    return seen == inside


def brute_sets(neighbours: list[list[int]], members: list[bool],
               max_units: int) -> list[tuple[int, ...]]:
    pool = [i for i, m in enumerate(members) if m]
    return [units for size in range(1, max_units + 1)
            for units in itertools.combinations(pool, size) if is_connected(units, neighbours)]


def brute_best(floors: list[FloorUnits], target: Decimal, at_least: Decimal = AT_LEAST,
               at_most: Decimal = AT_MOST, max_units: int = 6,
               limit: int = 20) -> list[tuple[int, tuple[int, ...], Decimal, Decimal | None]]:
    """What the module's docstring promises, written the slow way."""
    kept = []
    for index, floor in enumerate(floors):
        members = [v and a > 0 for v, a in zip(floor.vacant, floor.areas, strict=True)]
        for units in brute_sets([list(n) for n in floor.neighbours], members, max_units):
            area = sum((floor.areas[u] for u in units), D(0))
            if not target * at_least <= area <= target * at_most:
                continue
            rents = [floor.rents[u] for u in units]
            rent = None if None in rents else sum(
                (floor.areas[u] * r for u, r in zip(units, rents, strict=True)), D(0))
            key = (abs(area - target), rent is None, rent or D(0), len(units), index, units)
            kept.append((key, (index, units, area, rent)))
    kept.sort(key=lambda pair: pair[0])
    return [found for _, found in kept[:limit]]


def as_tuples(found: list[SpaceSet]) -> list[tuple[int, tuple[int, ...], Decimal, Decimal | None]]:
    return [(s.floor, s.units, s.area, s.rent) for s in found]


# -- random small floors -------------------------------------------------------------------


@st.composite
def floors(draw: st.DrawFn, most: int = 9) -> FloorUnits:
    count = draw(st.integers(1, most))
    pairs = [p for p in itertools.combinations(range(count), 2) if draw(st.booleans())]
    neighbours: list[list[int]] = [[] for _ in range(count)]
    for i, j in pairs:
        neighbours[i].append(j)
        neighbours[j].append(i)
    areas = [D(draw(st.integers(0, 40_000))).scaleb(-2) for _ in range(count)]  # 0–400 m²
    rents = [draw(st.none() | st.integers(1, 2_000_000).map(lambda r: D(r).scaleb(-4)))
             for _ in range(count)]
    vacant = [draw(st.booleans()) or draw(st.booleans()) for _ in range(count)]  # mostly
    return FloorUnits(areas, rents, neighbours, vacant)


@settings(max_examples=300, deadline=None)
@given(floor=floors(), max_units=st.integers(1, 6))
def test_every_connected_set_once_as_brute_force_finds_them(floor, max_units):
    members = list(floor.vacant)
    found = connected_sets(floor.neighbours, members, max_units)
    assert len(found) == len(set(found))  # no duplicates
    assert sorted(found) == sorted(brute_sets([list(n) for n in floor.neighbours], members,
                                              max_units))
    for units in found:
        assert 1 <= len(units) <= max_units and all(members[u] for u in units)
        assert is_connected(units, [list(n) for n in floor.neighbours])


@settings(max_examples=400, deadline=None)
@given(data=st.data(), plan=st.lists(floors(), min_size=1, max_size=3),
       target=st.integers(1, 150_000).map(lambda c: D(c).scaleb(-2)),
       max_units=st.integers(1, 6), limit=st.integers(1, 30))
def test_the_best_sets_are_what_brute_force_ranks_first(data, plan, target, max_units, limit):
    at_least = data.draw(st.sampled_from([D(0), D("0.5"), AT_LEAST, D(1)]))
    at_most = data.draw(st.sampled_from([D(1), D("1.1"), AT_MOST, D(3)]))
    found = find_sets(plan, target, at_least, at_most, max_units, limit)
    assert as_tuples(found) == brute_best(plan, target, at_least, at_most, max_units, limit)
    for s in found:
        floor = plan[s.floor]
        assert all(floor.vacant[u] for u in s.units)
        assert target * at_least <= s.area <= target * at_most
        assert s.fit == abs(s.area - target) / target
        assert s.why == f"{(s.area * 100 / target).quantize(D('0.1'), 'ROUND_HALF_UP')}%"


# -- a big, richly connected floor: pruning must not lose a set ----------------------------


def king_floor(seed: int, width: int = 10, depth: int = 6) -> FloorUnits:
    """60 units on a grid, each touching up to eight others; a few let, a few without rent."""
    rng = random.Random(seed)
    neighbours: list[list[int]] = [[] for _ in range(width * depth)]
    for y, x in itertools.product(range(depth), range(width)):
        for dy, dx in itertools.product((-1, 0, 1), repeat=2):
            if (dy or dx) and 0 <= x + dx < width and 0 <= y + dy < depth:
                neighbours[y * width + x].append((y + dy) * width + x + dx)
    count = width * depth
    areas = [D(rng.randint(4_000, 20_000)).scaleb(-2) for _ in range(count)]
    rents = [None if rng.random() < 0.1 else D(rng.randint(500, 1_500)).scaleb(-1)
             for _ in range(count)]
    vacant = [rng.random() < 0.85 for _ in range(count)]
    return FloorUnits(areas, rents, neighbours, vacant)


@pytest.mark.parametrize("target", ["150", "480.5", "800", "1200"])
def test_a_rich_floor_gives_what_the_whole_enumeration_ranks_first(target):
    floor = king_floor(3)
    every = connected_sets(floor.neighbours, floor.vacant)
    assert len(every) > 10_000  # a floor where pruning has much to cut
    goal = D(target)
    ranked = []
    for units in every:
        area = sum((floor.areas[u] for u in units), D(0))
        if goal * AT_LEAST <= area <= goal * AT_MOST:
            rents = [floor.rents[u] for u in units]
            rent = None if None in rents else sum(
                (floor.areas[u] * r for u, r in zip(units, rents, strict=True)), D(0))
            ranked.append(((abs(area - goal), rent is None, rent or D(0), len(units), units),
                           (0, units, area, rent)))
    ranked.sort(key=lambda pair: pair[0])
    assert as_tuples(find_sets([floor], goal)) == [found for _, found in ranked[:20]]


# -- the rules, on hand-made floors -------------------------------------------------------


def row(areas: list[str], rents: list[str | None], vacant: list[bool] | None = None) -> FloorUnits:
    """Units in a row, each touching the next."""
    count = len(areas)
    neighbours = [[j for j in (i - 1, i + 1) if 0 <= j < count] for i in range(count)]
    return FloorUnits([D(a) for a in areas], [None if r is None else D(r) for r in rents],
                      neighbours, vacant or [True] * count)


def test_a_let_unit_parts_its_vacant_neighbours():
    floor = row(["100", "100", "100"], ["50", "50", "50"], [True, False, True])
    found = find_sets([floor], D(200))
    assert found == []  # 0 and 2 are not neighbours: only through the let unit 1
    alone = find_sets([floor], D(100))
    assert [s.units for s in alone] == [(0,), (2,)]


def test_closest_area_first_then_cheaper_then_fewer_units():
    # 0+1 = 300 exactly; 2 alone 300 too but dearer; 3+4 = 300 and cheapest but unknown rent
    floor = FloorUnits(
        [D(100), D(200), D(300), D(150), D(150), D(290)],
        [D(50), D(50), D(60), None, D(10), D(10)],
        [[1], [0], [], [4], [3], []],
        [True] * 6,
    )
    found = find_sets([floor], D(300), limit=10)
    assert [s.units for s in found] == [(0, 1), (2,), (3, 4), (5,)]
    assert [s.rent for s in found] == [D(15000), D(18000), None, D(2900)]
    assert found[3].why == "96.7%" and found[3].fit == D(10) / D(300)


def test_equal_area_and_rent_fewer_units_first():
    floor = FloorUnits([D(100), D(100), D(200)], [D(10), D(10), D(10)], [[1], [0], []],
                       [True] * 3)
    assert [s.units for s in find_sets([floor], D(200))] == [(2,), (0, 1)]


def test_far_above_is_not_kept_and_bounds_are_parameters():
    floor = row(["100", "100", "100", "100"], ["10"] * 4)
    assert {s.area for s in find_sets([floor], D(200))} == {D(200), D(300)}  # 100 is 50 %
    assert {s.area for s in find_sets([floor], D(200), at_most=D("1.5"))} == {D(200), D(300)}
    assert D(300) not in {s.area for s in find_sets([floor], D(200), at_most=D("1.49"))}
    assert {s.area for s in find_sets([floor], D(250), at_least=D(0), at_most=D(1))} == {
        D(100), D(200)}
    assert find_sets([floor], D(1000)) == []  # six slots, but only 400 m² free


def test_at_most_six_units_and_the_limit():
    floor = row(["10"] * 12, ["1"] * 12)
    found = find_sets([floor], D(60), at_least=D(0), limit=100)
    assert max(len(s.units) for s in found) == 6
    assert len({s.units for s in found}) == len(found)
    assert len(find_sets([floor], D(60), at_least=D(0), limit=5)) == 5
    assert max(len(s.units) for s in find_sets([floor], D(60), max_units=3, at_least=D(0))) == 3


def test_sets_on_several_floors_are_ranked_together():
    low = row(["100", "95"], ["10", "10"])
    high = row(["100", "100"], ["10", "10"])
    found = find_sets([low, high], D(200), limit=2)
    assert [(s.floor, s.units) for s in found] == [(1, (0, 1)), (0, (0, 1))]


def test_zero_area_units_and_bad_input():
    floor = row(["0", "100"], ["1", "1"])
    assert [s.units for s in find_sets([floor], D(100))] == [(1,)]
    with pytest.raises(ValueError):
        find_sets([floor], D(0))
    with pytest.raises(ValueError):
        find_sets([floor], D(100), at_least=D("1.1"))
    with pytest.raises(ValueError):
        find_sets([FloorUnits([D(1)], [], [[]], [True])], D(1))


def test_a_set_as_far_below_as_the_worst_is_above_still_competes():
    """The window narrows to the worst kept set's distance, inclusive on both sides."""
    dear_above = FloorUnits([D(110), D(90)], [D(100), D(1)], [[], []], [True, True])
    assert [s.units for s in find_sets([dear_above], D(100), limit=1)] == [(1,)]
    dear_below = FloorUnits([D(90), D(110)], [D(100), D(1)], [[], []], [True, True])
    assert [s.units for s in find_sets([dear_below], D(100), limit=1)] == [(1,)]


def test_the_module_examples_hold():
    import doctest

    import spatial.contiguous

    failed, tried = doctest.testmod(spatial.contiguous)
    assert tried > 0 and failed == 0
