"""The read model decodes what the ORM wrote, scopes rows and dates occupancy, on both engines.

Each test runs on the workspace file read with ``sqlite3`` and on a
PostgreSQL copy read through SQLAlchemy Core (``tests.read_engines``).
"""

from __future__ import annotations

import subprocess
import sys
import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from domain.assets import UnitStatus, UnitType
from domain.contracts import ContractStatus, Occupancy
from store.read_model import ReadModel, Scope, summarize
from store.schema import Contract, ContractUnit, Tenant, Unit
from store.workspace import Workspace
from tests.read_engines import ENGINES, ReadSide, open_read_side
from tests.small_park import TODAY, build_small_workspace

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(params=ENGINES)
def side(request, tmp_path):
    park = build_small_workspace(tmp_path / "small.leasemap")
    with open_read_side(request.param, park.path, request) as opened:
        yield opened


@pytest.fixture
def reader(side: ReadSide) -> ReadModel:
    return side.reader


def test_tree_in_display_order(reader):
    [park] = reader.park_tree()
    assert park.code == "ZD" and park.currency == "CNY"
    assert [b.code for b in park.buildings] == ["A", "B"]
    tower = park.buildings[0]
    assert [f.name for f in tower.floors] == ["2F", "1F"]  # top floor first
    assert [f.unit_count for f in tower.floors] == [3, 3]


def test_rows_decode_every_type(reader):
    [park] = reader.park_tree()
    rows = reader.unit_rows(Scope("park", park.id), TODAY)
    assert len(rows) == 8
    first = rows[0]
    assert first.code == "ZD-A-0201"  # building A, top floor first, then code
    assert first.unit_type is UnitType.OFFICE and first.status is UnitStatus.LEASABLE
    assert first.gross_area == Decimal("125.40") and isinstance(first.gross_area, Decimal)
    assert str(first.asking_rent) == "98.5000"
    plant = [r for r in rows if r.building_code == "B"]
    assert all(r.tags == ("货梯",) for r in plant)


def test_scopes(reader):
    [park] = reader.park_tree()
    tower, plant = park.buildings
    assert len(reader.unit_rows(Scope("building", plant.id), TODAY)) == 2
    floor_1f = tower.floors[1]
    codes = [r.code for r in reader.unit_rows(Scope("floor", floor_1f.id), TODAY)]
    assert codes == ["ZD-A-0101", "ZD-A-0102", "ZD-A-0103"]
    assert len(reader.unit_rows(None, TODAY)) == 8


def test_occupancy_on_dates(reader):
    rows = {r.code: r for r in reader.unit_rows(None, TODAY)}
    assert rows["ZD-A-0101"].occupancy is Occupancy.ACTIVE
    assert rows["ZD-A-0101"].contract_code == "HT-2026-0001"
    assert rows["ZD-A-0102"].occupancy is Occupancy.SIGNED_NOT_STARTED
    assert rows["ZD-A-0103"].occupancy is Occupancy.NONE
    feb = {r.code: r for r in reader.unit_rows(None, date(2027, 2, 15))}
    apr = {r.code: r for r in reader.unit_rows(None, date(2027, 4, 15))}
    assert feb["ZD-A-0102"].occupancy is Occupancy.SIGNED_NOT_STARTED
    assert apr["ZD-A-0102"].occupancy is Occupancy.ACTIVE
    later = {r.code: r for r in reader.unit_rows(None, date(2028, 1, 1))}
    assert later["ZD-A-0101"].occupancy is Occupancy.NONE


def test_summary_counts_leased_area(reader):
    summary = summarize(reader.unit_rows(None, TODAY))
    assert summary.units == 8
    assert summary.leasable_area == Decimal("1003.20")
    assert summary.leased_area == Decimal("125.40")
    assert summary.occupancy_rate == Decimal("0.1250")


def test_sees_archived_units_go_and_edits_arrive(side):
    with side.workspace.transaction() as s:
        unit = s.scalars(select(Unit).where(Unit.code == "ZD-A-0103")).one()
        unit.archived = True
        other = s.scalars(select(Unit).where(Unit.code == "ZD-A-0201")).one()
        other.name = "大会议室"
    rows = {r.code: r for r in side.reader.unit_rows(None, TODAY)}
    assert "ZD-A-0103" not in rows
    assert rows["ZD-A-0201"].name == "大会议室"


def _lease_plant_unit(workspace: Workspace) -> uuid.UUID:
    """A new lease on ZD-B-0101 through the ORM; returns the unit's id."""
    with workspace.transaction() as s:
        tenant = s.scalars(select(Tenant)).one()
        unit = s.scalars(select(Unit).where(Unit.code == "ZD-B-0101")).one()
        lease = Contract(park_id=tenant.park_id, tenant_id=tenant.id, code="HT-9",
                         status=ContractStatus.SIGNED, signed_on=date(2026, 1, 1),
                         starts_on=date(2026, 1, 1), ends_on=date(2027, 1, 1),
                         rent_per_sqm_month=Decimal("40.0000"))
        s.add(lease)
        s.flush()
        s.add(ContractUnit(contract_id=lease.id, unit_id=unit.id,
                           billable_area=unit.billable_area))
        return unit.id


def test_holdings_follow_writes(side):
    """On a file they are reused until another connection writes; on an engine, read anew."""
    first = side.reader.holdings()
    if side.reader.path is not None:
        assert side.reader.holdings() is first  # nothing written: the same read
    unit_id = _lease_plant_unit(side.workspace)
    fresh = side.reader.holdings()
    assert fresh is not first and unit_id in fresh and unit_id not in first
    row = side.reader.unit_row(unit_id, date(2026, 6, 1))
    assert row.occupancy is Occupancy.ACTIVE and row.contract_code == "HT-9"
    assert row.rent == Decimal("40.0000")


def test_unit_row_of_a_missing_unit(reader):
    with pytest.raises(LookupError):
        reader.unit_row(uuid.uuid4(), TODAY)


def test_read_model_never_writes(tmp_path):
    import sqlite3

    park = build_small_workspace(tmp_path / "small.leasemap")
    reader = ReadModel(park.path)
    try:
        with pytest.raises(sqlite3.OperationalError):
            reader.query("DELETE FROM units")
    finally:
        reader.close()


def test_the_file_path_reads_without_sqlalchemy(tmp_path):
    """The GUI's start-up reads with sqlite3 before SQLAlchemy loads (issue 2's budget)."""
    park = build_small_workspace(tmp_path / "small.leasemap")
    code = (
        "import sys\n"
        "from datetime import date\n"
        "from store.read_model import ReadModel, Scope\n"
        "import store.map_query\n"
        f"reader = ReadModel({str(park.path)!r})\n"
        "[park] = reader.park_tree()\n"
        "rows = reader.unit_rows(Scope('park', park.id), date(2026, 11, 22))\n"
        "assert len(rows) == 8, rows\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'sqlalchemy'], 'loaded'\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
