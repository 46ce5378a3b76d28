"""The demo park: believable, consistent, deterministic, and all-or-nothing.

Its areas follow the one rule (``domain.floor_areas``): every building's area
statement adds up, and its common rooms are units of common use.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
import shapely
from sqlalchemy import select

from demo import DemoSummary, build_demo
from demo.floorplates import adjacent_pairs
from domain.assets import (
    BuildingKind,
    UnitStatus,
    UnitType,
    free_unit_codes,
    numbers_on_level,
    unit_code,
    unit_code_local_part,
)
from domain.contracts import ContractStatus, ContractTerm, Occupancy
from domain.floor_areas import BillableRule, FloorInput, UnitInput, allocate_building
from domain.occupancy import UnitState, is_leasable, may_sign, unit_state
from domain.room_classification import classify_room
from domain.space_use import SpaceUse, is_common
from runtime.jobs import Cancelled, Job
from services.area_statement import read_area_statement
from services.classify_rooms import evidence_of
from spatial.geometry import area_m2, polygon_from_wkb
from store.errors import WorkspaceError
from store.read_model import ReadModel
from store.schema import (
    SYNCED_MODELS,
    Allocation,
    Bill,
    BillLine,
    Building,
    CheckpointMark,
    Contract,
    ContractUnit,
    ContractVersion,
    Floor,
    Lead,
    Meter,
    MeterReading,
    Outbox,
    Park,
    PayerAlias,
    Payment,
    PriceIndex,
    Quote,
    SalesReport,
    SpaceEdit,
    Synced,
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
# The common rooms of each kind of building's floors, by name, in code order (C01 …).
COMMON_NAMES = {
    BuildingKind.OFFICE: ["核心筒", "南走廊", "北走廊", "西走廊", "东走廊"],
    BuildingKind.INDUSTRIAL: ["走廊", "货梯间", "楼梯间", "卫生间"],
    BuildingKind.WAREHOUSE: ["装卸平台"],
    BuildingKind.RETAIL: ["扶梯厅", "走廊"],  # the ground floor's lobby is its 入口大堂
}


@dataclass
class Demo:
    """Every synced table's rows (``rows``, by model) and the outbox, as the demo wrote them."""

    summary: DemoSummary
    rows: dict[type[Synced], list[Any]]
    outbox: list[Outbox]

    @property
    def parks(self) -> list[Park]:
        return self.rows[Park]

    @property
    def buildings(self) -> list[Building]:
        return self.rows[Building]

    @property
    def floors(self) -> list[Floor]:
        return self.rows[Floor]

    @property
    def units(self) -> list[Unit]:
        return self.rows[Unit]

    @property
    def tenants(self) -> list[Tenant]:
        return self.rows[Tenant]

    @property
    def contracts(self) -> list[Contract]:
        return self.rows[Contract]

    @property
    def links(self) -> list[ContractUnit]:
        return self.rows[ContractUnit]

    @property
    def metrics(self) -> list[UnitMetric]:
        return self.rows[UnitMetric]

    @property
    def space_edits(self) -> list[SpaceEdit]:  # none: the demo is built, not edited
        return self.rows[SpaceEdit]

    @property
    def for_rent(self) -> list[Unit]:
        return [u for u in self.units if not is_common(u.space_use)]

    @property
    def common(self) -> list[Unit]:
        return [u for u in self.units if is_common(u.space_use)]


def load(summary: DemoSummary) -> Demo:
    workspace = Workspace.open(summary.path)
    with workspace, workspace.reading() as session:
        rows = {model: list(session.scalars(select(model))) for model in SYNCED_MODELS}
        outbox = list(session.scalars(select(Outbox)))
    return Demo(summary, rows, outbox)


@pytest.fixture(scope="module")
def demo(tmp_path_factory, shared_demo) -> Demo:
    """The default park, built once for the run (``tests/demo_parks.py``); a copy of it."""
    return load(shared_demo(tmp_path_factory.mktemp("demo") / "demo.leasemap", today=TODAY))


def term(contract: Contract) -> ContractTerm:
    return ContractTerm(contract.signed_on, contract.starts_on, contract.ends_on,
                        contract.status, contract.terminated_on)


def test_summary_counts_what_was_written(demo):
    summary = demo.summary
    assert summary.path.exists()
    assert (summary.parks, summary.buildings, summary.floors, summary.units,
            summary.common_units, summary.tenants, summary.contracts) == (
        len(demo.parks), len(demo.buildings), len(demo.floors), len(demo.for_rent),
        len(demo.common), len(demo.tenants), len(demo.contracts))
    assert (summary.leads, summary.quotes) == (len(demo.rows[Lead]), len(demo.rows[Quote]))
    assert summary.seconds > 0


def test_the_default_park(demo):
    (park,) = demo.parks
    assert (park.code, park.name) == ("ZD", "张江智造产业园")
    assert (park.currency, park.city) == ("CNY", "上海")
    assert park.billable_rule is BillableRule.LEASABLE
    assert 1350 <= len(demo.for_rent) <= 1650  # common rooms come on top
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
    for unit in demo.for_rent:
        floor = floors[unit.floor_id]
        upper = floor.level + 1 if floor.level != -1 else 1
        next_elevation = above.get((floor.building_id, upper))
        if next_elevation is not None:
            assert unit.ceiling_height <= next_elevation - floor.elevation - 1


def test_units_and_common_rooms_tile_every_floor(demo):
    floors = {f.id: f for f in demo.floors}
    per_floor: dict[object, list[Unit]] = defaultdict(list)
    for unit in demo.units:
        per_floor[unit.floor_id].append(unit)
        assert unit.internal_area == area_m2(polygon_from_wkb(unit.geometry))
    for floor_id, units in per_floor.items():
        floor = floors[floor_id]
        assert sum(u.internal_area for u in units) == floor.gross_area  # no wall left over
        outline = polygon_from_wkb(floor.outline)
        shapes = [polygon_from_wkb(u.geometry) for u in units]
        assert all(s.difference(outline).area < 1e-6 for s in shapes)
        assert shapely.union_all(shapes).area == pytest.approx(sum(s.area for s in shapes))
        assert shapely.union_all(shapes).area == pytest.approx(outline.area)


def test_every_area_is_the_rule_s(demo):
    """Each unit's five areas are what allocate_building makes of its building, in the
    order the area statement shares in (floors by level, units by code)."""
    floors = {f.id: f for f in demo.floors}
    for building in demo.buildings:
        own = sorted((f for f in demo.floors if f.building_id == building.id),
                     key=lambda f: f.level)
        units: dict[object, list[Unit]] = {f.id: [] for f in own}
        for unit in demo.units:
            if unit.floor_id in units:
                units[unit.floor_id].append(unit)
        inputs = [FloorInput(f.id, f.gross_area, tuple(
            UnitInput(u.id, u.internal_area, u.space_use)
            for u in sorted(units[f.id], key=lambda u: u.code))) for f in own]
        rule = allocate_building(inputs, BillableRule.LEASABLE)
        for unit in (u for f in own for u in units[f.id]):
            made = rule[unit.id]
            assert (unit.gross_area, unit.internal_area, unit.common_share, unit.leasable_area,
                    unit.billable_area) == made[:5], (unit.code, floors[unit.floor_id].name)


def test_every_building_s_area_statement_adds_up(demo):
    reader = ReadModel(demo.summary.path)
    try:
        [park] = reader.park_tree()
        assert {b.code for b in park.buildings} == {b.code for b in demo.buildings}
        for building in park.buildings:
            statement = read_area_statement(reader, building.id, TODAY)
            assert statement.adds_up, (building.code, statement.findings[:3])
            totals = statement.totals
            assert totals.common_pool > 0 and totals.shares == totals.common_pool
            assert totals.walls == 0  # the plates tile their outlines exactly
    finally:
        reader.close()


def test_units_kept_off_the_market_keep_their_share(demo):
    """A unit for rent keeps its share whatever its status; the truth table keeps a
    not-leasable one out of the leasable sums."""
    held = [u for u in demo.for_rent if u.status is UnitStatus.NOT_LEASABLE]
    assert held
    for unit in held:
        assert unit.name == "业主自用" and unit.asking_rent is None
        assert unit.common_share > 0
        assert unit.leasable_area == unit.billable_area == unit.gross_area
        assert not is_leasable(unit.status, unit.space_use)
    for unit in demo.for_rent:
        assert unit.common_share > 0
        assert unit.leasable_area == unit.billable_area == unit.gross_area
        assert unit.gross_area == unit.internal_area + unit.common_share


def test_common_rooms_are_units_of_common_use(demo):
    buildings = {b.id: b for b in demo.buildings}
    floors = {f.id: f for f in demo.floors}
    rooms: dict[object, list[Unit]] = defaultdict(list)
    for unit in demo.common:
        rooms[unit.floor_id].append(unit)
        floor = floors[unit.floor_id]
        building = buildings[floor.building_id]
        assert unit.use_reason == "demo"
        assert unit.status is UnitStatus.LEASABLE  # the use makes it common, not the status
        assert unit.unit_type is KIND_TYPE[building.kind]
        assert unit.common_share == unit.leasable_area == unit.billable_area == 0
        assert unit.gross_area == unit.internal_area > 0
        assert unit.asking_rent is None and unit.tags == []
        entrance = building.kind is BuildingKind.RETAIL and floor.level == 1 and \
            unit.code.endswith("C01")
        assert unit.space_use is (SpaceUse.BUILDING_COMMON if entrance else SpaceUse.COMMON)
    assert set(rooms) == {f.id for f in demo.floors}  # every floor has its common rooms
    for floor_id, found in rooms.items():
        floor = floors[floor_id]
        kind = buildings[floor.building_id].kind
        names = [u.name for u in sorted(found, key=lambda u: u.code)]
        expected = list(COMMON_NAMES[kind])
        if kind is BuildingKind.RETAIL and floor.level == 1:
            expected[0] = "入口大堂"
        assert names == expected, floor.name
    retail = next(b for b in demo.buildings if b.kind is BuildingKind.RETAIL)
    on_retail = {f.id for f in demo.floors if f.building_id == retail.id}
    entrance = [u for u in demo.common if u.space_use is SpaceUse.BUILDING_COMMON]
    assert len(entrance) == 1 and entrance[0].floor_id in on_retail


def test_the_building_s_entrance_is_shared_over_every_floor(demo):
    retail = next(b for b in demo.buildings if b.kind is BuildingKind.RETAIL)
    on_retail = {f.id for f in demo.floors if f.building_id == retail.id}
    assert len(on_retail) > 1
    [entrance] = [u for u in demo.common if u.space_use is SpaceUse.BUILDING_COMMON]
    reader = ReadModel(demo.summary.path)
    try:
        [park] = reader.park_tree()
        building = next(b for b in park.buildings if b.code == retail.code)
        statement = read_area_statement(reader, building.id, TODAY)
    finally:
        reader.close()
    assert statement.building_pool == entrance.internal_area
    assert all(f.totals.building_part > 0 for f in statement.floors)
    assert sum(f.totals.building_part for f in statement.floors) == entrance.internal_area


def test_names_read_as_their_use(demo):
    """Classifying the rooms again (``leasemap classify-rooms``) reads each name as the use
    it has, or, for a word the classifier does not know yet, as undecided."""
    buildings = {b.id: b for b in demo.buildings}
    floors = {f.id: f for f in demo.floors}
    for unit in demo.units:
        code = buildings[floors[unit.floor_id].building_id].code
        decision = classify_room(evidence_of(unit.name, unit_code_local_part(unit.code, "ZD",
                                                                             code)))
        assert decision.use is unit.space_use, (unit.code, unit.name, decision)


def test_unit_codes_types_and_attributes(demo):
    buildings = {b.id: b for b in demo.buildings}
    floors = {f.id: f for f in demo.floors}
    codes = [u.code for u in demo.units]
    assert len(set(codes)) == len(codes)
    for unit in demo.common:  # after the floor's units: ZD-A-07C01 …
        floor = floors[unit.floor_id]
        building = buildings[floor.building_id]
        local = unit_code_local_part(unit.code, "ZD", building.code)
        part = f"B{-floor.level}" if floor.level < 0 else f"{floor.level:02d}"
        assert re.fullmatch(rf"{part}C\d\d", local), unit.code
        assert numbers_on_level(local, floor.level) == set()
    for floor in demo.floors:  # a new unit's code goes on after the units for rent
        building = buildings[floor.building_id]
        numbers = [int(u.code[-2:]) for u in demo.for_rent if u.floor_id == floor.id]
        [new] = free_unit_codes("ZD", building.code, floor.level, codes, 1)
        assert new == unit_code("ZD", building.code, floor.level, max(numbers) + 1)
    for unit in demo.for_rent:
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
    assert len({u.orientation for u in demo.for_rent}) == 8
    for unit in demo.common:  # a common room is not matched or priced
        assert unit.orientation is unit.fit_out is unit.ceiling_height is None
        assert unit.floor_load is unit.power_capacity is None


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
    statuses = Counter(u.status for u in demo.for_rent)
    states = Counter()
    for unit in demo.for_rent:
        assert active[unit.id] <= 1
        if active[unit.id]:  # "leased" is not stored: the contract makes it so
            assert unit.status is UnitStatus.LEASABLE
        states[unit_state(unit.status, Occupancy.ACTIVE if active[unit.id]
                          else Occupancy.NONE, unit.space_use)] += 1
    assert {unit_state(u.status, Occupancy.NONE, u.space_use) for u in demo.common} == {
        UnitState.COMMON}
    vacant = states[UnitState.VACANT] / len(demo.for_rent)
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
        unit = units[link.unit_id]
        assert may_sign(unit.status, unit.space_use)  # only units for rent are let
        assert link.billable_area == unit.billable_area > 0
    sizes = Counter(len(links) for links in by_contract.values())
    assert set(sizes) == {1, 2, 3}
    assert len(by_contract) == len(demo.contracts)
    for links in by_contract.values():
        members = [units[link.unit_id] for link in links]
        assert len({u.floor_id for u in members}) == 1
        shapes = [polygon_from_wkb(u.geometry) for u in members]
        assert connected(len(shapes), adjacent_pairs(shapes))


# Ledger rows carry no ``create``: their command does (a bill's lines ride in its post_bill).
LEDGER_COMMANDS = {"bills": "post_bill", "payments": "post_payment",
                   "allocations": "allocate_payment", "meter_readings": "post_reading",
                   "deposit_movements": "post_deposit"}


def test_every_row_has_exactly_one_create(demo):
    """Every row has its ``create`` op, but a ledger's: its command instead, as the billing,
    payment and meter services write them."""
    ops = Counter((op.kind, op.entity, op.entity_id) for op in demo.outbox)
    assert {op.kind for op in demo.outbox} == {"create", *LEDGER_COMMANDS.values()}
    expected = Counter(
        (LEDGER_COMMANDS.get(model.__tablename__, "create"), model.__tablename__, row.id)
        for model, table in demo.rows.items() if model is not BillLine for row in table)
    assert demo.space_edits == []
    written = {model for model, table in demo.rows.items() if table}
    assert {ContractVersion, Lead, Quote, SalesReport, PriceIndex, CheckpointMark, Bill,
            BillLine, Payment, Allocation, PayerAlias, Meter, MeterReading} <= written
    assert ops == expected
    assert set(ops.values()) == {1}


def test_same_seed_same_park(tmp_path):
    """On parks of 100 units (the smallest a demo may have, and quick to build): the seed
    decides as much of them as of 1,500, and they have rows in every table the fingerprint
    reads."""
    first = load(build_demo(tmp_path / "a.leasemap", units=100, seed=11, today=TODAY))
    second = load(build_demo(tmp_path / "b.leasemap", units=100, seed=11, today=TODAY))
    other = load(build_demo(tmp_path / "c.leasemap", units=100, seed=12, today=TODAY))
    assert all(fingerprint(first))  # buildings, units, tenants, contracts, versions, leads …
    assert fingerprint(first) == fingerprint(second)
    assert fingerprint(first) != fingerprint(other)
    assert {u.id for u in first.units}.isdisjoint(u.id for u in second.units)
    assert 90 <= len(first.for_rent) <= 110  # about as many as asked
    assert 18 <= len(first.tenants) <= 22  # a tenant per five units


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
    """Everything the seed decides, with the row ids (UUIDv7, new each build) left out."""
    floors = {f.id: f for f in demo.floors}
    tenants = {t.id: t.name for t in demo.tenants}
    codes = {c.id: c.code for c in demo.contracts}
    leads = {lead.id: lead.code for lead in demo.rows[Lead]}
    return (
        [(b.code, b.name, b.floors_above) for b in demo.buildings],
        sorted((u.code, u.name, u.space_use, u.internal_area, u.common_share, u.leasable_area,
                u.billable_area, u.status, u.asking_rent, u.geometry, floors[u.floor_id].name)
               for u in demo.units),
        sorted(t.name for t in demo.tenants),
        sorted((c.code, c.starts_on, c.ends_on, c.status, c.rent_per_sqm_month,
                tenants[c.tenant_id], c.kind, c.delivered_on, c.rent_starts_on, c.deposit,
                json.dumps(c.terms, sort_keys=True), c.version, c.notes,
                codes.get(c.renews_id), leads.get(c.lead_id)) for c in demo.contracts),
        sorted((codes[v.contract_id], v.number, v.effective_on, json.dumps(v.terms, sort_keys=True))
               for v in demo.rows[ContractVersion]),
        sorted((lead.code, lead.company, lead.stage, lead.stage_on, lead.area_min, lead.area_max,
                lead.budget, lead.move_in_on, lead.tags, lead.owner, lead.source)
               for lead in demo.rows[Lead]),
        sorted((q.code, leads[q.lead_id], q.total_rent, q.net_effective_rent,
                json.dumps(q.terms, sort_keys=True)) for q in demo.rows[Quote]),
        sorted((codes[x.contract_id], x.month, x.amount) for x in demo.rows[SalesReport]),
        sorted((x.year, x.value) for x in demo.rows[PriceIndex]),
        sorted((codes[x.contract_id], x.code, x.done_on, x.by) for x in demo.rows[CheckpointMark]),
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
    lettable = [u for u in demo.units if is_leasable(u.status, u.space_use)]
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
