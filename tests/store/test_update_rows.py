"""Bulk updates stamp rows as a flush would: with ops outside a command, merged stamps inside."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from domain.assets import BuildingKind, UnitStatus, UnitType
from store.changes import record_command, under_command, update_rows
from store.schema import Building, Floor, Outbox, Park, Unit
from store.workspace import Workspace


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def ws(request, tmp_path):
    if request.param == "sqlite":
        workspace = Workspace.create(tmp_path / "u.leasemap", actor="tester")
    else:
        workspace = Workspace.connect(request.getfixturevalue("pg_db_url"), actor="tester")
    yield workspace
    workspace.close()


def _units(ws: Workspace, count: int) -> list:
    with ws.transaction() as s:
        park = Park(code="ZD", name="园")
        s.add(park)
        s.flush()
        building = Building(park_id=park.id, code="A", name="A", kind=BuildingKind.OFFICE)
        s.add(building)
        s.flush()
        floor = Floor(building_id=building.id, level=1, name="1F")
        s.add(floor)
        s.flush()
        units = [Unit(park_id=park.id, floor_id=floor.id, code=f"U{i}", unit_type=UnitType.OFFICE,
                      status=UnitStatus.LEASABLE, gross_area=Decimal(10), internal_area=Decimal(10),
                      common_share=Decimal(0), leasable_area=Decimal(10),
                      billable_area=Decimal(10)) for i in range(count)]
        s.add_all(units)
        s.flush()
        return [u.id for u in units]


def _state(ws: Workspace) -> dict:
    with ws.reading() as s:
        return {u.id: (u.common_share, u.hlc, dict(u.field_hlc)) for u in s.scalars(select(Unit))}


def _ops(ws: Workspace) -> list:
    with ws.reading() as s:
        return [(o.kind, o.entity_id, o.field, o.payload, o.base_version)
                for o in s.scalars(select(Outbox).order_by(Outbox.seq))]


def test_outside_a_command_each_field_gets_its_op_and_stamp(ws):
    ids = _units(ws, 3)
    before, ops_before = _state(ws), len(_ops(ws))
    with ws.transaction() as s:
        loaded = s.get(Unit, ids[0])
        assert loaded.common_share == 0
        update_rows(s, Unit, [(ids[0], {"common_share": Decimal("1.50")}),
                              (ids[1], {"common_share": Decimal("2.25"),
                                        "leasable_area": Decimal("12.25")})])
        assert loaded.common_share == Decimal("1.50"), "objects in the session read anew"
    after, ops = _state(ws), _ops(ws)[ops_before:]
    assert [(k, e, f) for k, e, f, _p, _b in ops] == [
        ("field_set", ids[0], "common_share"), ("field_set", ids[1], "common_share"),
        ("field_set", ids[1], "leasable_area")]
    assert ops[0][3] == {"value": "1.50"}
    share, stamp, stamps = after[ids[1]]
    assert share == Decimal("2.25") and stamp > before[ids[1]][1]
    assert stamps["leasable_area"] == stamp
    assert stamps["unit_type"] == before[ids[1]][2]["unit_type"]
    assert after[ids[2]] == before[ids[2]]


def test_under_a_command_the_rows_are_stamped_and_only_the_command_travels(ws):
    ids = _units(ws, 3)
    before, ops_before = _state(ws), len(_ops(ws))
    with ws.transaction() as s, under_command(s):
        update_rows(s, Unit, [(i, {"common_share": Decimal("3.00")}) for i in ids[:2]])
        record_command(s, "split_unit", Unit, ids[0], {"areas": "…"})
    after, ops = _state(ws), _ops(ws)[ops_before:]
    assert [(k, f) for k, _e, f, _p, _b in ops] == [("split_unit", None)]
    for unit_id in ids[:2]:
        share, stamp, stamps = after[unit_id]
        assert share == Decimal("3.00") and stamp > before[unit_id][1]
        assert stamps["common_share"] == stamp
        assert {k: v for k, v in stamps.items() if k != "common_share"} == {
            k: v for k, v in before[unit_id][2].items() if k != "common_share"}
    assert after[ids[2]] == before[ids[2]]
