"""The area statement: totals that add up, and findings that say where they do not."""

from __future__ import annotations

import doctest
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import domain.area_statement
from domain.allocation import allocate_common_area
from domain.area_statement import (
    BuildingStatement,
    FloorFigures,
    UnitFigures,
    building_statement,
    floor_statement,
)
from domain.assets import UnitStatus
from domain.contracts import Occupancy
from domain.floor_areas import BillableRule
from domain.occupancy import UnitState, is_leasable, unit_state
from domain.space_use import SpaceUse

D = Decimal
ZERO = D("0.00")
S = UnitStatus
U = SpaceUse


def test_the_module_examples_hold():
    assert doctest.testmod(domain.area_statement).failed == 0


# -- a building made by the rule, written here with allocate_common_area alone ---------------


def by_rule(floors: list[tuple[int, D | None, list[tuple[str, D, SpaceUse, UnitState]]]],
            rule: BillableRule = BillableRule.LEASABLE,
            status: dict[str, UnitStatus] | None = None) -> list[FloorFigures]:
    """Floors ``(level, gross, [(code, internal, use, state)])`` with every stored figure made
    by the rule: each floor's pool (common rooms + walls) over its units for rent, the
    building's shared rooms over all of them, by largest remainder."""
    status = status or {}
    shares: dict[str, D] = {}
    # the writers' order: floors by level, units by code (a tied odd cent goes to the first)
    floors = sorted(((level, gross, sorted(units)) for level, gross, units in floors),
                    key=lambda f: f[0])

    def share_out(units: list[tuple[str, D]], pool: D) -> None:
        if pool > 0 and sum(a for _, a in units) > 0:
            for (code, _), s in zip(units, allocate_common_area([a for _, a in units], pool),
                                    strict=True):
                shares[code] = shares.get(code, ZERO) + s

    for _, gross, units in floors:
        walls = ZERO
        if gross is not None:
            walls = max(gross - sum(a for _, a, _, _ in units), ZERO)
        rooms = sum((a for _, a, use, _ in units if use is U.COMMON), ZERO)
        share_out([(c, a) for c, a, use, _ in units if use is U.LEASABLE], rooms + walls)
    building_rooms = sum((a for _, _, units in floors for _, a, use, _ in units
                          if use is U.BUILDING_COMMON), ZERO)
    share_out([(c, a) for _, _, units in floors for c, a, use, _ in units if use is U.LEASABLE],
              building_rooms)
    made = []
    for level, gross, units in floors:
        figures = []
        for code, internal, use, state in units:
            if use is U.LEASABLE:
                share = shares.get(code, ZERO)
                leasable = internal + share
                billable = leasable if rule is BillableRule.LEASABLE else internal
                figures.append(UnitFigures(code, f"{code} 室", use, status.get(code, S.LEASABLE),
                                           state, internal, share, leasable, billable, leasable))
            else:
                figures.append(UnitFigures(code, code, use, status.get(code, S.LEASABLE), state,
                                           internal, ZERO, ZERO, ZERO, internal))
        made.append(FloorFigures(level, f"{level}F", gross, tuple(figures)))
    return made


def two_floors() -> list[FloorFigures]:
    """1F: two offices, a corridor and the building's lobby; 2F: one office and a toilet."""
    return by_rule([
        (1, D("1000.00"), [("A-101", D("400.00"), U.LEASABLE, UnitState.LEASED),
                           ("A-102", D("300.00"), U.LEASABLE, UnitState.VACANT),
                           ("A-1C1", D("100.00"), U.COMMON, UnitState.COMMON),
                           ("A-1L", D("50.00"), U.BUILDING_COMMON, UnitState.COMMON)]),
        (2, D("800.00"), [("A-201", D("700.00"), U.LEASABLE, UnitState.SIGNED),
                          ("A-2C1", D("50.00"), U.COMMON, UnitState.COMMON)]),
    ])


def test_a_building_worked_by_hand():
    statement = building_statement(two_floors())
    first, second = statement.floors
    line = {ln.code: ln for f in statement.floors for ln in f.lines}
    # 1F: walls 1000 - 850 = 150, pool 100 + 150 = 250 over 400 : 300; the lobby's 50 over
    # 400 : 300 : 700 gives 14.29, 10.71 and 25.00 (the odd cent to the largest remainder)
    assert line["A-101"].figures.common_share == D("142.86") + D("14.29")
    assert line["A-102"].figures.common_share == D("107.14") + D("10.71")
    assert line["A-201"].figures.common_share == D("100.00") + D("25.00")
    assert (line["A-101"].expected.floor_share, line["A-101"].expected.building_share) == (
        D("142.86"), D("14.29"))
    t = first.totals
    assert (t.gross_area, t.common_rooms, t.walls, t.building_rooms, t.building_part) == (
        D("1000.00"), D("100.00"), D("150.00"), D("50.00"), D("25.00"))
    assert (t.common_pool, t.internal_leasable, t.shares) == (D("275.00"), D("700.00"),
                                                              D("275.00"))
    assert (t.ratio, t.load_factor) == (D("0.392857"), D("1.392857"))
    assert (t.leasable, t.leased, t.vacant, t.other) == (D("975.00"), D("557.15"), D("417.85"),
                                                         ZERO)
    t = second.totals
    assert (t.common_rooms, t.walls, t.building_part, t.common_pool) == (
        D("50.00"), D("50.00"), D("25.00"), D("125.00"))
    assert (t.ratio, t.leasable, t.other, t.leased) == (D("0.178571"), D("825.00"), D("825.00"),
                                                        ZERO)
    b = statement.totals
    assert (b.gross_area, b.walls, b.common_pool, b.internal_leasable) == (
        D("1800.00"), D("200.00"), D("400.00"), D("1400.00"))
    assert (b.ratio, b.load_factor, b.leasable, b.billable) == (
        D("0.285714"), D("1.285714"), D("1800.00"), D("1800.00"))
    assert statement.building_pool == D("50.00") and b.building_part == D("50.00")
    assert statement.adds_up and statement.findings == ()
    assert line["A-101"].ratio == D("0.392875")  # 157.15 / 400
    assert line["A-1C1"].ratio is None and line["A-1C1"].load_factor is None


def test_billing_on_internal_area_is_the_parks_rule():
    floors = by_rule([(1, D("120.00"), [("X", D("100.00"), U.LEASABLE, UnitState.VACANT)])],
                     BillableRule.INTERNAL)
    statement = building_statement(floors, "internal")
    assert statement.findings == ()
    assert statement.totals.billable == D("100.00") and statement.totals.leasable == D("120.00")
    # the same figures read as billed on leasable area: the unit is named, by how much
    wrong = building_statement(floors, BillableRule.LEASABLE)
    assert [(f.code, f.unit, f.params["difference"]) for f in wrong.findings] == [
        ("unit-billable", "X", "-20.00")]


def test_a_floor_without_an_outline_has_no_walls():
    floors = by_rule([(1, None, [("X", D("100.00"), U.LEASABLE, UnitState.VACANT),
                                 ("C", D("20.00"), U.COMMON, UnitState.COMMON)])])
    statement = building_statement(floors)
    t = statement.totals
    assert (t.gross_area, t.walls, t.common_pool, t.ratio) == (None, None, D("20.00"),
                                                               D("0.200000"))
    assert statement.findings == ()


def test_units_larger_than_the_floor_are_a_finding_and_add_no_walls():
    floors = by_rule([(3, D("150.00"), [("X", D("100.00"), U.LEASABLE, UnitState.VACANT),
                                        ("C", D("60.00"), U.COMMON, UnitState.COMMON)])])
    statement = building_statement(floors)
    assert statement.floors[0].totals.walls == ZERO
    assert statement.floors[0].totals.common_pool == D("60.00")
    [finding] = statement.findings
    assert (finding.code, finding.level, finding.unit) == ("units-exceed-floor", 3, None)
    assert finding.params == {"floor": "3F", "level": "3", "internal": "160.00",
                              "gross": "150.00", "excess": "10.00"}


def test_stale_shares_name_their_units():
    """Figures from before a corridor was drawn: every share is the rule's no longer."""
    floors = two_floors()
    first = floors[0]
    stale = [replace(u, common_share=ZERO, leasable_area=u.internal_area,
                     billable_area=u.internal_area, gross_area=u.internal_area)
             if u.use is U.LEASABLE else u for u in first.units]
    statement = building_statement([replace(first, units=tuple(stale)), floors[1]])
    codes = [(f.code, f.unit) for f in statement.findings]
    assert codes == [("share-sum", None), ("unit-share", "A-101"), ("unit-share", "A-102")]
    assert statement.findings[1].params["expected"] == "157.15"
    assert statement.findings[1].params["difference"] == "-157.15"
    assert statement.findings[0].message == (
        "1F: the common shares add up to 0.00 m², not 275.00 m² (off by -275.00 m²)")


def test_a_common_unit_with_a_share_is_found():
    floors = two_floors()
    units = list(floors[1].units)
    units[1] = replace(units[1], common_share=D("5.00"), leasable_area=D("55.00"))
    statement = building_statement([floors[0], replace(floors[1], units=tuple(units))])
    [finding] = statement.findings
    assert (finding.code, finding.unit, finding.level) == ("common-has-share", "A-2C1", 2)
    assert "A-2C1 (2F) is common area" in finding.message


def test_a_pool_with_nothing_to_share_it_over():
    floors = by_rule([(1, D("100.00"), [("C", D("80.00"), U.COMMON, UnitState.COMMON)]),
                      (2, None, [("L", D("30.00"), U.BUILDING_COMMON, UnitState.COMMON)])])
    statement = building_statement(floors)
    assert [(f.code, f.level) for f in statement.findings] == [
        ("pool-unshared", 1), ("building-pool-unshared", None)]
    assert statement.totals.ratio is None and statement.floors[0].totals.ratio is None


def test_a_state_that_contradicts_the_status_is_found():
    floors = two_floors()
    units = list(floors[0].units)
    units[1] = replace(units[1], state=UnitState.NOT_LEASABLE)  # status says leasable
    statement = building_statement([replace(floors[0], units=tuple(units)), floors[1]])
    [finding] = statement.findings
    assert finding.code == "state-sum" and finding.params["units"] == "A-102"
    assert finding.params["difference"] == "-417.85"


def test_a_not_leasable_unit_keeps_its_share_outside_the_leasable_area():
    floors = by_rule([(1, D("300.00"), [("X", D("100.00"), U.LEASABLE, UnitState.VACANT),
                                        ("Y", D("100.00"), U.LEASABLE, UnitState.NOT_LEASABLE)])],
                     status={"Y": S.NOT_LEASABLE})
    statement = building_statement(floors)
    t = statement.totals
    assert statement.findings == ()
    assert (t.leasable, t.not_leasable, t.vacant, t.shares) == (
        D("150.00"), D("150.00"), D("150.00"), D("100.00"))


def test_a_floor_alone_is_a_building_of_one_floor():
    floors = by_rule([(5, D("500.00"), [("X", D("300.00"), U.LEASABLE, UnitState.LEASED),
                                        ("L", D("40.00"), U.BUILDING_COMMON, UnitState.COMMON)])])
    assert floor_statement(floors[0]) == building_statement(floors).floors[0]
    with pytest.raises(ValueError):
        floor_statement(floors[0], expected=[])


# -- any building made by the rule adds up; any figure changed is found, where it is ---------

USES = st.sampled_from([U.LEASABLE, U.LEASABLE, U.LEASABLE, U.COMMON, U.BUILDING_COMMON])
CENTS = st.integers(min_value=1, max_value=99_999).map(lambda c: D(c) / 100)


@st.composite
def buildings(draw: st.DrawFn) -> tuple[list[FloorFigures], BillableRule]:
    rule = draw(st.sampled_from(list(BillableRule)))
    levels = draw(st.lists(st.integers(-2, 30), min_size=1, max_size=4, unique=True))
    status: dict[str, UnitStatus] = {}
    floors = []
    for level in levels:
        units = []
        for j in range(draw(st.integers(0, 6))):
            code = f"U{level}-{j}"
            use = draw(USES)
            status[code] = draw(st.sampled_from(list(UnitStatus)))
            occupancy = draw(st.sampled_from([Occupancy.NONE, Occupancy.ACTIVE,
                                              Occupancy.SIGNED_NOT_STARTED]))
            if not is_leasable(status[code], use):
                occupancy = Occupancy.NONE  # the store refuses contracts on these
            units.append((code, draw(CENTS), use, unit_state(status[code], occupancy, use)))
        gross = None
        if draw(st.booleans()):
            gross = sum((a for _, a, _, _ in units), ZERO) + draw(CENTS) - D("0.01")
        floors.append((level, gross, units))
    return by_rule(floors, rule, status), rule


def unshared(floors: list[FloorFigures]) -> set[tuple[str, int | None]]:
    """The findings a building made by the rule has anyway: a pool with no unit to carry it."""
    found: set[tuple[str, int | None]] = set()
    for f in floors:
        rent = sum((u.internal_area for u in f.units if u.use is U.LEASABLE), ZERO)
        rooms = sum((u.internal_area for u in f.units if u.use is U.COMMON), ZERO)
        walls = ZERO if f.gross_area is None else f.gross_area - sum(
            (u.internal_area for u in f.units), ZERO)
        if rooms + walls > 0 and rent == 0:
            found.add(("pool-unshared", f.level))
    lobby = sum((u.internal_area for f in floors for u in f.units
                 if u.use is U.BUILDING_COMMON), ZERO)
    if lobby > 0 and not any(u.use is U.LEASABLE for f in floors for u in f.units):
        found.add(("building-pool-unshared", None))
    return found


def found(statement: BuildingStatement) -> set[tuple[str, int | None, str | None]]:
    return {(f.code, f.level, f.unit) for f in statement.findings}


@settings(max_examples=300, deadline=None)
@given(buildings())
def test_a_building_made_by_the_rule_adds_up(made):
    floors, rule = made
    statement = building_statement(floors, rule)
    assert {(code, level) for code, level, _ in found(statement)} == unshared(floors)
    for floor, s in zip(sorted(floors, key=lambda f: f.level), statement.floors, strict=True):
        t = s.totals
        rent = [u for u in floor.units if u.use is U.LEASABLE]
        assert t.leased + t.vacant + t.other == t.leasable
        assert t.leasable + t.not_leasable == sum((u.leasable_area for u in rent), ZERO)
        assert sum((u.leasable_area for u in rent), ZERO) == t.internal_leasable + t.shares
        if floor.gross_area is not None:
            assert floor.gross_area == sum((u.internal_area for u in floor.units),
                                           ZERO) + t.walls
        if t.internal_leasable > 0:
            assert t.shares == t.common_pool
            assert abs(t.ratio * t.internal_leasable - t.common_pool) <= t.internal_leasable \
                * D("0.0000005")
            assert t.load_factor == 1 + t.ratio
    b = statement.totals
    for name in ("common_rooms", "building_rooms", "building_part", "common_pool",
                 "internal_leasable", "shares", "leasable", "leased", "vacant", "other",
                 "not_leasable", "billable"):
        assert getattr(b, name) == sum((getattr(s.totals, name) for s in statement.floors),
                                       ZERO), name
    assert b.units == sum(len(f.units) for f in floors)
    walls = [s.totals.walls for s in statement.floors if s.totals.walls is not None]
    assert b.walls == (sum(walls, ZERO) if walls else None)
    grosses = [f.gross_area for f in floors]
    assert b.gross_area == (None if None in grosses else sum(grosses, ZERO))
    assert b.ratio == (None if b.internal_leasable == 0 else
                       (b.common_pool / b.internal_leasable).quantize(D("0.000001"), ROUND_HALF_UP))
    if not unshared(floors):
        assert b.building_part == statement.building_pool
        assert b.shares == b.common_pool
        if b.gross_area is not None:  # every m² of the building is let or shared
            assert b.leasable + b.not_leasable == b.gross_area


FIGURES = ("common_share", "leasable_area", "billable_area", "gross_area", "state", "floor")


@settings(max_examples=300, deadline=None)
@given(buildings(), st.sampled_from(FIGURES), st.data())
def test_one_figure_changed_is_found_where_it_is(made, figure, data):
    floors, rule = made
    before = found(building_statement(floors, rule))
    candidates = [(i, j) for i, f in enumerate(floors) for j, u in enumerate(f.units)
                  if figure == "floor" or u.use is U.LEASABLE or figure == "common_share"]
    if figure == "state":
        candidates = [(i, j) for i, j in candidates
                      if is_leasable(floors[i].units[j].status, floors[i].units[j].use)]
    if figure == "floor":
        candidates = [(i, 0) for i, f in enumerate(floors) if f.gross_area is not None and any(
            u.use is U.LEASABLE for u in f.units)]
    if not candidates:
        return
    i, j = data.draw(st.sampled_from(candidates))
    delta = data.draw(st.sampled_from([D("0.01"), D("-0.01"), D("1.00"), D("37.50")]))
    floor = floors[i]
    unit = floor.units[j]
    level, code = floor.level, unit.code
    changed = list(floors)
    if figure == "floor":
        changed[i] = replace(floor, gross_area=floor.gross_area + abs(delta))
    else:
        new = (replace(unit, state=UnitState.NOT_LEASABLE) if figure == "state"
               else replace(unit, **{figure: getattr(unit, figure) + abs(delta)}))
        changed[i] = replace(floor, units=tuple(new if k == j else u
                                                for k, u in enumerate(floor.units)))
    after = found(building_statement(changed, rule)) - before
    if figure == "common_share" and unit.use is not U.LEASABLE:
        expected = {("common-has-share", level, code)}
    elif figure == "common_share":
        expected = {("share-sum", level, None), ("unit-share", level, code),
                    ("unit-sum", level, code), ("unit-gross", level, code)}
    elif figure == "leasable_area":
        expected = {("unit-sum", level, code)}
        if rule is BillableRule.LEASABLE:
            expected.add(("unit-billable", level, code))
    elif figure == "billable_area":
        expected = {("unit-billable", level, code)}
    elif figure == "gross_area":
        expected = {("unit-gross", level, code)}
    elif figure == "state":
        expected = {("state-sum", level, None)}
    else:  # more floor area: more walls, so the floor's shares are stale; which ones, the rule
        redone = {u.code: u.common_share for u in by_rule([
            (f.level, f.gross_area, [(u.code, u.internal_area, u.use, u.state) for u in f.units])
            for f in changed], rule)[i].units}
        stale = {u.code for u in floor.units if u.use is U.LEASABLE
                 and redone[u.code] != u.common_share}
        assert stale
        expected = {("share-sum", level, None)} | {("unit-share", level, c) for c in stale}
    assert after == expected
