"""The demo park: believable, consistent, deterministic, and all-or-nothing."""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest
import shapely
from sqlalchemy import select

from demo import DemoSummary, build_demo
from demo.floorplates import adjacent_pairs
from domain.assets import BuildingKind, UnitStatus, UnitType, unit_code
from domain.contracts import ContractStatus, ContractTerm, Occupancy
from domain.occupancy import UnitState, unit_state
from runtime.jobs import Cancelled, Job
from spatial.geometry import area_m2, polygon_from_wkb
from store.errors import WorkspaceError
from store.schema import (
    SYNCED_MODELS,
    Building,
    Contract,
    ContractUnit,
    Floor,
    Outbox,
    Park,
    Tenant,
    Unit,
    UnitMetric,
)
from store.workspace import Workspace

TODAY = date(2025, 6, 15)
KIND_TYPE = {
    BuildingKind.OFFICE: UnitType.OFFICE,
    BuildingKind.INDUSTRIAL: UnitType.INDUSTRIAL,
    BuildingKind.WAREHOUSE: UnitType.WAREHOUSE,
    BuildingKind.RETAIL: UnitType.RETAIL,
}
RENT_RANGE = {
    UnitType.OFFICE: (80, 180),
    UnitType.INDUSTRIAL: (35, 60),
    UnitType.WAREHOUSE: (25, 45),
    UnitType.RETAIL: (150, 400),
}


@dataclass
class Demo:
    summary: DemoSummary
    parks: list[Park]
    buildings: list[Building]
    floors: list[Floor]
    units: list[Unit]
    tenants: list[Tenant]
    contracts: list[Contract]
    links: list[ContractUnit]
    metrics: list[UnitMetric]
    outbox: list[Outbox]


def load(summary: DemoSummary) -> Demo:
    workspace = Workspace.open(summary.path)
    with workspace, workspace.reading() as session:
        rows = [list(session.scalars(select(model))) for model in SYNCED_MODELS]
        outbox = list(session.scalars(select(Outbox)))
    return Demo(summary, *rows, outbox)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Demo:
    """The default park, built once for the module."""
    path = tmp_path_factory.mktemp("demo") / "demo.leasemap"
    return load(build_demo(path, today=TODAY))


def term(contract: Contract) -> ContractTerm:
    return ContractTerm(contract.signed_on, contract.starts_on, contract.ends_on,
                        contract.status, contract.terminated_on)


def test_summary_counts_what_was_written(demo):
    summary = demo.summary
    assert summary.path.exists()
    assert (summary.parks, summary.buildings, summary.floors, summary.units, summary.tenants,
            summary.contracts) == (len(demo.parks), len(demo.buildings), len(demo.floors),
                                   len(demo.units), len(demo.tenants), len(demo.contracts))
    assert summary.seconds > 0


def test_the_default_park(demo):
    (park,) = demo.parks
    assert (park.code, park.name) == ("ZD", "张江智造产业园")
    assert (park.currency, park.city) == ("CNY", "上海")
    assert 1350 <= len(demo.units) <= 1650
    assert 3 <= len(demo.buildings) <= 5
    kinds = Counter(b.kind for b in demo.buildings)
    assert set(kinds) == {BuildingKind.OFFICE, BuildingKind.INDUSTRIAL, BuildingKind.WAREHOUSE,
                          BuildingKind.RETAIL}
    tower = next(b for b in demo.buildings if b.code == "A")
    assert tower.kind is BuildingKind.OFFICE
    assert tower.floors_above >= 20
    assert tower.name.startswith("A栋 ")
    floors = Counter(f.building_id for f in demo.floors)
    for building in demo.buildings:
        assert floors[building.id] == building.floors_above + building.floors_below
        assert polygon_from_wkb(building.footprint).is_valid
    names = {f.name for f in demo.floors}
    assert {"1F", "20F", "B1"} <= names


def test_floors_carry_plan_and_area(demo):
    by_building = {b.id: b for b in demo.buildings}
    for floor in demo.floors:
        outline = polygon_from_wkb(floor.outline)
        assert outline.is_valid and outline.bounds[:2] == (0.0, 0.0)
        assert floor.gross_area == area_m2(outline)
        assert shapely.from_wkb(floor.background).geom_type == "MultiLineString"
        expected = f"B{-floor.level}" if floor.level < 0 else f"{floor.level}F"
        assert floor.name == expected
        assert (floor.elevation < 0) == (floor.level < 0)
        assert by_building[floor.building_id]


def test_clear_heights_fit_under_the_next_floor(demo):
    floors = {f.id: f for f in demo.floors}
    above: dict[tuple[object, int], Decimal] = {}
    for floor in demo.floors:
        above[(floor.building_id, floor.level)] = floor.elevation
    for unit in demo.units:
        floor = floors[unit.floor_id]
        upper = floor.level + 1 if floor.level != -1 else 1
        next_elevation = above.get((floor.building_id, upper))
        if next_elevation is not None:
            assert unit.ceiling_height <= next_elevation - floor.elevation - 1


def test_units_store_all_five_areas(demo):
    floors = {f.id: f for f in demo.floors}
    per_floor: dict[object, list[Unit]] = defaultdict(list)
    for unit in demo.units:
        per_floor[unit.floor_id].append(unit)
        polygon = polygon_from_wkb(unit.geometry)
        assert unit.internal_area == area_m2(polygon)
        assert unit.gross_area == unit.internal_area + unit.common_share
        assert unit.common_share >= 0
        if unit.status is UnitStatus.NOT_LEASABLE:
            assert unit.leasable_area == unit.billable_area == 0
            assert unit.asking_rent is None
        else:
            assert unit.leasable_area == unit.billable_area == unit.gross_area
    for floor_id, units in per_floor.items():
        floor = floors[floor_id]
        internal = sum(u.internal_area for u in units)
        assert sum(u.common_share for u in units) == floor.gross_area - internal
        assert sum(u.gross_area for u in units) == floor.gross_area
        outline = polygon_from_wkb(floor.outline)
        shapes = [polygon_from_wkb(u.geometry) for u in units]
        assert all(s.difference(outline).area < 1e-6 for s in shapes)
        assert shapely.union_all(shapes).area == pytest.approx(sum(s.area for s in shapes))


def test_unit_codes_types_and_attributes(demo):
    buildings = {b.id: b for b in demo.buildings}
    floors = {f.id: f for f in demo.floors}
    codes = [u.code for u in demo.units]
    assert len(set(codes)) == len(codes)
    for unit in demo.units:
        floor = floors[unit.floor_id]
        building = buildings[floor.building_id]
        number = int(unit.code[-2:])
        assert unit.code == unit_code("ZD", building.code, floor.level, number)
        assert unit.unit_type is KIND_TYPE[building.kind]
        assert unit.orientation is not None and unit.fit_out is not None
        assert unit.ceiling_height > 2 and unit.floor_load > 0 and unit.power_capacity > 0
        if unit.unit_type in (UnitType.OFFICE, UnitType.RETAIL):
            assert 30 <= unit.internal_area <= 2000
        if unit.asking_rent is not None:
            low, high = RENT_RANGE[unit.unit_type]
            assert low <= unit.asking_rent <= high
            assert unit.asking_rent == unit.asking_rent.quantize(Decimal("0.1"))
        if unit.unit_type is UnitType.INDUSTRIAL:
            assert "货梯" in unit.tags
            assert unit.floor_load >= 8
        if unit.unit_type is UnitType.OFFICE:
            assert unit.floor_load <= 4
    assert len({u.orientation for u in demo.units}) == 8


def test_tenants(demo):
    assert 270 <= len(demo.tenants) <= 330
    names = [t.name for t in demo.tenants]
    assert len(set(names)) == len(names)
    assert all(n.endswith("有限公司") for n in names)
    assert all(re.fullmatch(r"1\d{10}", t.contact_phone) for t in demo.tenants)
    assert all(t.contact_name and t.industry and t.chain_position for t in demo.tenants)
    holders = {c.tenant_id for c in demo.contracts}
    assert holders == {t.id for t in demo.tenants}


def test_contracts_in_every_time_class(demo):
    classes = Counter()
    for contract in demo.contracts:
        meaning = term(contract).occupancy_on(TODAY)
        if contract.status is ContractStatus.TERMINATED:
            assert contract.terminated_on is not None
            assert contract.starts_on <= contract.terminated_on < contract.ends_on
            classes["terminated"] += 1
        elif meaning is Occupancy.ENDED:
            classes["past"] += 1
        elif meaning is Occupancy.SIGNED_NOT_STARTED:
            classes["future"] += 1
        elif meaning is Occupancy.ACTIVE:
            left = (contract.ends_on - TODAY).days
            classes["30" if left <= 30 else "60" if left <= 60 else "90" if left <= 90
                    else "current"] += 1
    for kind in ("past", "current", "30", "60", "90", "future", "terminated"):
        assert classes[kind] >= 5, classes
    codes = [c.code for c in demo.contracts]
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"HT-\d{4}-\d{4}", code) for code in codes)
    assert all(c.code[3:7] == str(c.signed_on.year) for c in demo.contracts)


def test_unit_status_follows_the_contracts(demo):
    active: dict[object, int] = Counter()
    for link, contract in links_with_contracts(demo):
        if term(contract).occupancy_on(TODAY) is Occupancy.ACTIVE:
            active[link.unit_id] += 1
    statuses = Counter(u.status for u in demo.units)
    states = Counter()
    for unit in demo.units:
        assert active[unit.id] <= 1
        if active[unit.id]:  # "leased" is not stored: the contract makes it so
            assert unit.status is UnitStatus.LEASABLE
        states[unit_state(unit.status, Occupancy.ACTIVE if active[unit.id]
                          else Occupancy.NONE)] += 1
    vacant = states[UnitState.VACANT] / len(demo.units)
    assert 0.10 <= vacant <= 0.15
    for status in (UnitStatus.RESERVED, UnitStatus.UNDER_RENOVATION, UnitStatus.FROZEN,
                   UnitStatus.NOT_LEASABLE):
        assert statuses[status] > 0


def test_no_unit_is_let_twice_at_once(demo):
    periods: dict[object, list[tuple[date, date]]] = defaultdict(list)
    for link, contract in links_with_contracts(demo):
        if contract.status is ContractStatus.SIGNED:
            periods[link.unit_id].append((contract.starts_on, contract.ends_on))
        elif contract.status is ContractStatus.TERMINATED:
            periods[link.unit_id].append((contract.starts_on, contract.terminated_on))
    for spans in periods.values():
        spans.sort()
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert end < start


def test_contracts_cover_adjacent_units_on_one_floor(demo):
    units = {u.id: u for u in demo.units}
    by_contract: dict[object, list[ContractUnit]] = defaultdict(list)
    for link in demo.links:
        by_contract[link.contract_id].append(link)
        assert link.billable_area == units[link.unit_id].billable_area > 0
    sizes = Counter(len(links) for links in by_contract.values())
    assert set(sizes) == {1, 2, 3}
    assert len(by_contract) == len(demo.contracts)
    for links in by_contract.values():
        members = [units[link.unit_id] for link in links]
        assert len({u.floor_id for u in members}) == 1
        shapes = [polygon_from_wkb(u.geometry) for u in members]
        assert connected(len(shapes), adjacent_pairs(shapes))


def test_every_row_has_exactly_one_create(demo):
    creates = Counter((op.entity, op.entity_id) for op in demo.outbox if op.kind == "create")
    assert {op.kind for op in demo.outbox} == {"create"}
    rows = [(model.__tablename__, row.id) for model, table in zip(
        SYNCED_MODELS, (demo.parks, demo.buildings, demo.floors, demo.units, demo.tenants,
                        demo.contracts, demo.links, demo.metrics), strict=True) for row in table]
    assert Counter(rows) == creates
    assert set(creates.values()) == {1}


def test_same_seed_same_park(tmp_path):
    first = load(build_demo(tmp_path / "a.leasemap", units=300, seed=11, today=TODAY))
    second = load(build_demo(tmp_path / "b.leasemap", units=300, seed=11, today=TODAY))
    other = load(build_demo(tmp_path / "c.leasemap", units=300, seed=12, today=TODAY))
    assert fingerprint(first) == fingerprint(second)
    assert fingerprint(first) != fingerprint(other)
    assert {u.id for u in first.units}.isdisjoint(u.id for u in second.units)
    assert 270 <= len(first.units) <= 330
    assert 54 <= len(first.tenants) <= 66


@pytest.mark.parametrize("phase", ["layout", "writing"])
def test_cancelling_leaves_no_file(tmp_path, phase):
    path = tmp_path / "cancelled.leasemap"
    reports = []

    def report(done: int, total: int, message: str) -> None:
        reports.append((done, total, message))
        if (phase == "layout" and len(reports) == 3) or (phase == "writing" and done > total // 2):
            job.cancel()

    job = Job(report=report)
    with pytest.raises(Cancelled):
        build_demo(path, units=300, job=job, today=TODAY)
    if phase == "layout":
        assert len(reports) == 3
    assert all(done <= total for done, total, _ in reports)
    assert list(tmp_path.iterdir()) == []


def test_progress_reaches_the_end(tmp_path):
    reports = []
    build_demo(tmp_path / "p.leasemap", units=300, today=TODAY,
               job=Job(report=lambda done, total, message: reports.append((done, total))))
    dones = [done for done, _ in reports]
    assert dones == sorted(dones)
    assert reports[-1][0] == reports[-1][1]


def test_an_existing_file_is_left_alone(tmp_path):
    path = tmp_path / "taken.leasemap"
    path.write_bytes(b"precious")
    with pytest.raises(WorkspaceError):
        build_demo(path, units=300, today=TODAY)
    assert path.read_bytes() == b"precious"


def test_too_small_a_park_is_refused(tmp_path):
    with pytest.raises(ValueError, match="at least"):
        build_demo(tmp_path / "tiny.leasemap", units=10)
    assert not (tmp_path / "tiny.leasemap").exists()


# -- helpers -----------------------------------------------------------------------------


def links_with_contracts(demo: Demo) -> list[tuple[ContractUnit, Contract]]:
    contracts = {c.id: c for c in demo.contracts}
    return [(link, contracts[link.contract_id]) for link in demo.links]


def connected(count: int, pairs: list[tuple[int, int]]) -> bool:
    reached, frontier = {0}, [0]
    while frontier:
        node = frontier.pop()
        for i, j in pairs:
            for a, b in ((i, j), (j, i)):
                if a == node and b not in reached:
                    reached.add(b)
                    frontier.append(b)
    return len(reached) == count


def fingerprint(demo: Demo) -> tuple[object, ...]:
    floors = {f.id: f for f in demo.floors}
    tenants = {t.id: t.name for t in demo.tenants}
    return (
        [(b.code, b.name, b.floors_above) for b in demo.buildings],
        sorted((u.code, u.internal_area, u.common_share, u.status, u.asking_rent, u.geometry,
                floors[u.floor_id].name) for u in demo.units),
        sorted(t.name for t in demo.tenants),
        sorted((c.code, c.starts_on, c.ends_on, c.status, c.rent_per_sqm_month,
                tenants[c.tenant_id]) for c in demo.contracts),
    )


def test_contract_dates_are_consistent(demo):
    for contract in demo.contracts:
        assert contract.signed_on <= contract.starts_on <= contract.ends_on
        if contract.status is ContractStatus.DRAFT:
            assert contract.signed_on > TODAY
        if contract.status is ContractStatus.SIGNED and contract.starts_on > TODAY:
            assert contract.signed_on <= TODAY
        assert contract.ends_on - contract.starts_on >= timedelta(days=360)
        assert contract.rent_per_sqm_month > 0


def test_readings_for_every_lettable_unit_let_units_use_more(demo):
    """Six months of energy, cost and use per lettable unit, so every map mode shows data."""
    months = Counter(m.unit_id for m in demo.metrics)
    lettable = [u for u in demo.units if u.status is not UnitStatus.NOT_LEASABLE]
    assert set(months) == {u.id for u in lettable}
    assert set(months.values()) == {6}
    assert {m.month.day for m in demo.metrics} == {1}
    last = date(2025, 5, 1)  # the last complete month before TODAY (2025-06-15)
    assert max(m.month for m in demo.metrics) == last
    let = {link.unit_id for link, c in ((link, next(c for c in demo.contracts
                                                     if c.id == link.contract_id))
                                         for link in demo.links)
           if term(c).occupancy_on(date(2025, 5, 15)) is Occupancy.ACTIVE}
    area = {u.id: u.gross_area for u in demo.units}
    now = [m for m in demo.metrics if m.month == last]
    busy = [m.energy_kwh / area[m.unit_id] for m in now if m.unit_id in let]
    idle = [m.energy_kwh / area[m.unit_id] for m in now if m.unit_id not in let]
    assert busy and idle
    assert sum(busy) / len(busy) > 3 * sum(idle) / len(idle)
    assert all(m.cost > 0 and m.access_count >= 0 for m in demo.metrics)
