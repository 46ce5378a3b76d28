"""One decoder, two engines: the sqlite3 path and the Core path read the same records.

A demo workspace of a few hundred units (contracts of every kind, readings,
outlines, drawings) plus a few awkward rows written through the ORM is read
by ``ReadModel(path)`` (raw ``sqlite3``, the GUI's start-up path) and by
``ReadModel.on_engine`` (SQLAlchemy Core) on the same file and on a
PostgreSQL copy of it; every record must come out the same, down to its
``repr`` (so a ``Decimal('1.50')`` against ``Decimal('1.5')``, a string id, a
memoryview or a list where a tuple belongs all fail).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import shapely
from sqlalchemy import select

from domain.assets import BuildingKind, UnitStatus, UnitType
from domain.contracts import ContractStatus
from store.decode import (
    Members,
    as_date,
    as_decimal,
    as_id,
    as_optional_date,
    as_strings,
    as_wkb,
)
from store.map_query import building_sites, floor_drawings, map_units, site_plan
from store.read_core import STATEMENTS
from store.read_model import ReadModel, Scope
from store.read_sql import QUERIES
from store.schema import (
    Building,
    Contract,
    ContractUnit,
    Floor,
    Park,
    Tenant,
    Unit,
)
from store.workspace import Workspace

TODAY = date(2026, 11, 22)
DAYS = (TODAY, date(2025, 6, 1), date(2027, 4, 1), date(2031, 1, 1))
SITE_LINES = shapely.to_wkb(shapely.LineString([(0, 0), (120, 0), (120, 80)]))


def _add_awkward_rows(path: Path) -> None:
    """Rows the demo does not make: a second park whose codes sort differently by locale,
    an archived unit, a unit without optional facts, two overlapping leases, a site plan."""
    with Workspace.open(path) as ws, ws.transaction() as s:
        park = s.scalars(select(Park)).one()
        park.site_plan = SITE_LINES
        units = s.scalars(select(Unit).order_by(Unit.code)).all()
        units[3].archived = True
        bare = units[5]
        bare.orientation = bare.fit_out = bare.asking_rent = bare.ceiling_height = None
        bare.tags = []
        leased = s.scalars(
            select(Unit).join(ContractUnit, ContractUnit.unit_id == Unit.id)
            .join(Contract, Contract.id == ContractUnit.contract_id)
            .where(Contract.status == ContractStatus.SIGNED, Contract.starts_on <= TODAY,
                   Contract.ends_on > TODAY).order_by(Unit.code)
        ).first()
        assert leased is not None
        tenant = s.scalars(select(Tenant).order_by(Tenant.code)).first()
        assert tenant is not None
        rival = Contract(park_id=park.id, tenant_id=tenant.id, code="HT-CONFLICT",
                         status=ContractStatus.SIGNED, signed_on=date(2026, 1, 1),
                         starts_on=date(2026, 2, 1), ends_on=date(2027, 1, 31),
                         rent_per_sqm_month=Decimal("77.7000"))
        # Amendments: one lease released a unit a month ago, another added one lately and
        # one adds a unit later on (store.read_sql.HOLD_*, read_core's _hold_*).
        links = s.scalars(
            select(ContractUnit).join(Contract, Contract.id == ContractUnit.contract_id)
            .where(Contract.status == ContractStatus.SIGNED, Contract.starts_on <= TODAY,
                   Contract.ends_on > date(2027, 6, 1), ContractUnit.unit_id != leased.id)
            .order_by(ContractUnit.unit_id)).all()
        assert len(links) >= 3
        links[0].held_to = date(2026, 10, 22)
        links[1].held_from = date(2026, 11, 1)
        links[2].held_from = date(2027, 3, 1)
        other = Park(code="A1", name="第二园区", currency="USD")
        s.add_all([rival, other])
        s.flush()
        s.add(ContractUnit(contract_id=rival.id, unit_id=leased.id,
                           billable_area=leased.billable_area))
        for order, code in enumerate(("a2", "A1", "A-10")):
            building = Building(park_id=other.id, code=code, name=f"{code} 楼",
                                kind=BuildingKind.OFFICE, sort_order=order % 2)
            s.add(building)
            s.flush()
            floor = Floor(building_id=building.id, level=1, name="1F")
            s.add(floor)
            s.flush()
            s.add(Unit(park_id=other.id, floor_id=floor.id, code=f"{code}-101",
                       unit_type=UnitType.OFFICE, status=UnitStatus.LEASABLE,
                       gross_area=Decimal("10.5"), internal_area=Decimal("9"),
                       common_share=Decimal("1.5"), leasable_area=Decimal("10.5"),
                       billable_area=Decimal("10.5"), tags=["临街", "a\"b"]))


@pytest.fixture(scope="module")
def workspace_file(tmp_path_factory: pytest.TempPathFactory, shared_demo) -> Path:
    path = tmp_path_factory.mktemp("parity") / "demo.leasemap"
    shared_demo(path, units=300, today=TODAY)  # built once for the run, this copy our own
    _add_awkward_rows(path)
    return path


def _same(expected: Sequence[Any], got: Sequence[Any], what: str) -> None:
    """Equal record by record, and equal in repr (types and decimal places too)."""
    assert len(got) == len(expected), f"{what}: {len(got)} records, expected {len(expected)}"
    for i, (want, have) in enumerate(zip(expected, got, strict=True)):
        assert have == want, f"{what}: record {i} differs"
        assert repr(have) == repr(want), f"{what}: record {i} differs in types or places"


def _scopes(reader: ReadModel) -> list[Scope | None]:
    """No scope, every park and building, each building's top and bottom floor, some units."""
    scopes: list[Scope | None] = [None]
    for park in reader.park_tree():
        scopes.append(Scope("park", park.id))
        for building in park.buildings:
            scopes.append(Scope("building", building.id))
            ends = {building.floors[0].id, building.floors[-1].id} if building.floors else set()
            scopes.extend(Scope("floor", f) for f in sorted(ends))
    rows = reader.unit_rows(None, TODAY)
    picks = [rows[0], rows[len(rows) // 2], rows[-1],
             next(r for r in rows if r.contract_code)]
    scopes.extend(Scope("unit", r.id) for r in picks)
    return scopes


def test_both_catalogues_name_the_same_queries():
    assert set(QUERIES) == set(STATEMENTS)


def test_the_workspace_has_what_the_comparison_needs(raw_reader):
    """A guard: the comparison below means little on an empty or uniform park."""
    rows = raw_reader.unit_rows(None, TODAY)
    assert len(rows) > 250
    assert {r.occupancy for r in rows} >= {"active", "none", "signed_not_started"}
    assert any(r.tags for r in rows) and any(not r.tags for r in rows)
    assert any(r.orientation is None for r in rows) and any(r.fit_out for r in rows)
    units = map_units(raw_reader, None, TODAY)
    assert any(u.geometry for u in units) and any(u.geometry is None for u in units)
    assert any(u.facts.usage.energy_kwh is not None for u in units)
    assert any(u.facts.vacant_since for u in units)
    first = rows[0]
    assert type(first.id) is uuid.UUID and type(first.gross_area) is Decimal
    assert type(first.unit_type) is UnitType and type(first.tags) is tuple
    assert all(type(u.geometry) is bytes for u in units if u.geometry is not None)


def test_park_tree_and_holdings_agree(raw_reader, core_reader):
    _same(raw_reader.park_tree(), core_reader.park_tree(), "park_tree")
    codes = [b.code for p in core_reader.park_tree() if p.code == "A1" for b in p.buildings]
    assert codes == ["A-10", "a2", "A1"]  # sort_order, then byte order
    want, got = raw_reader.holdings(), core_reader.holdings()
    assert set(got) == set(want)  # per unit, the order of its holds is what counts
    for unit_id, holds in want.items():
        _same(holds, got[unit_id], f"holdings of {unit_id}")
    assert any(len(h) > 1 for h in want.values())


def test_unit_rows_agree_on_every_scope_and_date(raw_reader, core_reader):
    for scope in _scopes(raw_reader):
        for day in DAYS:
            _same(raw_reader.unit_rows(scope, day), core_reader.unit_rows(scope, day),
                  f"unit_rows {scope} {day}")
    some = raw_reader.unit_rows(None, TODAY)[7]
    assert core_reader.unit_row(some.id, TODAY) == some


def test_map_reads_agree(raw_reader, core_reader):
    for scope in _scopes(raw_reader):
        _same(floor_drawings(raw_reader, scope), floor_drawings(core_reader, scope),
              f"floor_drawings {scope}")
        for day in DAYS:
            _same(map_units(raw_reader, scope, day), map_units(core_reader, scope, day),
                  f"map_units {scope} {day}")
    for park in raw_reader.park_tree():
        _same(building_sites(raw_reader, park.id), building_sites(core_reader, park.id),
              f"building_sites {park.code}")
        assert site_plan(core_reader, park.id) == site_plan(raw_reader, park.id)
    [demo] = [p for p in raw_reader.park_tree() if p.code != "A1"]
    assert type(site_plan(core_reader, demo.id)) is bytes
    assert site_plan(core_reader, demo.id) == SITE_LINES


def test_each_engine_hands_over_its_own_raw_values(raw_reader, core_reader):
    """The decoders really see both forms: text from SQLite, native values from psycopg."""
    raw = next(iter(raw_reader.fetch("unit_rows", None)))
    core = next(iter(core_reader.fetch("unit_rows", None)))
    assert isinstance(raw[0], str) and isinstance(raw[9], str) and isinstance(raw[20], str)
    native = core_reader.source.engine.dialect.name == "postgresql"  # type: ignore[attr-defined]
    assert isinstance(core[0], uuid.UUID if native else str)
    assert isinstance(core[9], Decimal if native else str)
    assert isinstance(core[7], str) and isinstance(core[20], str)  # enums; tags read as text


def test_decoders_take_either_form():
    ident = uuid.UUID("01a24d82-1983-70a7-912a-d7e94c857849")
    assert as_id(ident.hex) == ident and as_id(ident) is ident
    assert as_date("2026-11-22") == as_date(TODAY) == TODAY
    assert as_optional_date("2026-11-22") == TODAY and as_optional_date(None) is None
    assert as_decimal("98.5000") == as_decimal(Decimal("98.5000"))
    assert str(as_decimal("98.5000")) == "98.5000" and as_decimal(None) is None
    assert as_strings('["货梯", "临街"]') == as_strings(["货梯", "临街"]) == ("货梯", "临街")
    assert as_strings(None) == as_strings("[]") == as_strings([]) == ()
    assert as_wkb(memoryview(b"\x01\x02")) == as_wkb(b"\x01\x02") == b"\x01\x02"
    assert type(as_wkb(memoryview(b"\x01"))) is bytes and as_wkb(None) is None
    kinds = Members(UnitType)
    assert kinds["office"] is kinds[UnitType.OFFICE] is UnitType.OFFICE
    assert kinds.optional(None) is None
    with pytest.raises(ValueError):
        kinds["castle"]


def test_a_floor_s_geometry_for_the_space_tools_agrees(raw_reader, core_reader):
    from services.space_edits import floor_geometry

    floors = [f for p in raw_reader.park_tree() for b in p.buildings for f in b.floors]
    seen = 0
    for floor in floors[:6]:
        want, got = floor_geometry(raw_reader, floor.id), floor_geometry(core_reader, floor.id)
        assert [(u[0], u[1], u[2].wkb, u[3], u[4]) for u in got.units] == [
            (u[0], u[1], u[2].wkb, u[3], u[4]) for u in want.units]
        assert (got.outline is None) == (want.outline is None)
        if want.outline is not None:
            assert got.outline.equals(want.outline)
        seen += len(want.units)
    assert seen > 0
