"""Accepted plans go into the register in one transaction; re-imports update in place."""

from __future__ import annotations

from decimal import Decimal

import pytest
from shapely.geometry import box
from sqlalchemy import select

from importers.plan import ImportedPlan, PlanFloor, PlanUnit, Problem, Severity
from store.plan_import import PlanImportError, floor_levels, import_plan
from store.schema import Building, ContractUnit, Floor, Outbox, Unit
from store.workspace import Workspace
from tests.small_park import build_small_workspace


def plan_of(*units: PlanUnit, outline=None, name="3F", elevation=Decimal("9.0")) -> ImportedPlan:
    floor = PlanFloor(name, elevation, tuple(units), outline=outline, key="storey-3")
    return ImportedPlan("plan.dxf", "dxf", (floor,), units_of_drawing="m")


def room(key: str, code: str, x0: float, x1: float, y1: float = 10.0) -> PlanUnit:
    return PlanUnit(key, code, f"{code} 室", box(x0, 0, x1, y1))


@pytest.fixture
def workspace(tmp_path):
    park = build_small_workspace(tmp_path / "w.leasemap")
    ws = Workspace.open(park.path)
    yield ws
    ws.close()


def units_on(ws, building="C", level=3) -> dict[str, Unit]:
    with ws.reading() as s:
        floor = s.scalars(
            select(Floor).join(Building).where(Building.code == building, Floor.level == level)
        ).one()
        return {u.code: u for u in s.scalars(select(Unit).where(Unit.floor_id == floor.id))}


def test_first_import_creates_building_floor_and_units(workspace):
    plan = plan_of(room("h1", "301", 0, 10), room("h2", "302", 10, 25), outline=box(0, -2, 25, 10))
    with workspace.transaction() as s:
        changes = import_plan(s, plan, "C", level=3)
    assert changes.building_created and changes.floors[0].created
    with workspace.reading() as s:
        orders = {b.code: b.sort_order for b in s.scalars(select(Building))}
    assert orders["C"] > max(v for k, v in orders.items() if k != "C")
    assert changes.floors[0].added == ["ZD-C-301", "ZD-C-302"]
    units = units_on(workspace)
    a, b = units["ZD-C-301"], units["ZD-C-302"]
    assert (a.internal_area, b.internal_area) == (Decimal("100.00"), Decimal("150.00"))
    # outline 250 m² - rooms 250 m² + corridor 50 m² → shares 20 and 30
    assert (a.common_share, b.common_share) == (Decimal("20.00"), Decimal("30.00"))
    assert b.billable_area == b.gross_area == Decimal("180.00")
    assert a.source_key == "h1"
    with workspace.reading() as s:
        creates = s.scalars(
            select(Outbox).where(Outbox.entity == "units", Outbox.kind == "create")
        ).all()
        assert {op.payload["code"] for op in creates} >= {"ZD-C-301", "ZD-C-302"}


def test_reimport_updates_in_place_adds_and_archives(workspace):
    first = plan_of(
        room("h1", "301", 0, 10),
        room("h2", "302", 10, 20),
        room("h3", "303", 20, 30),
        room("h4", "304", 30, 40),
    )
    with workspace.transaction() as s:
        import_plan(s, first, "C", level=3)
    before = units_on(workspace)
    revised = plan_of(
        room("h1", "301", 0, 10),  # same key, same shape: unchanged
        room("h2", "302", 10, 22),  # same key, wider: changed in place
        room("new-handle", "303", 20, 30),  # new key, same label: matched by code
        room("h9", "399", 30.2, 40),  # new key and label, same place: matched by overlap
        room("h5", "305", 40, 50),  # new room
    )
    with workspace.transaction() as s:
        changes = import_plan(s, revised, "C", level=3)
    floor = changes.floors[0]
    assert floor.unchanged == ["ZD-C-301", "ZD-C-303"]
    assert [c for c, _, _ in floor.updated] == ["ZD-C-302", "ZD-C-304"]
    assert floor.added == ["ZD-C-305"]
    assert floor.archived == []
    after = units_on(workspace)
    assert after["ZD-C-302"].id == before["ZD-C-302"].id
    assert after["ZD-C-302"].internal_area == Decimal("120.00")
    assert after["ZD-C-303"].source_key == "new-handle"
    assert after["ZD-C-304"].id == before["ZD-C-304"].id  # overlap kept its identity


def test_room_gone_from_the_drawing(workspace):
    with workspace.transaction() as s:
        import_plan(
            s,
            plan_of(room("h1", "301", 0, 10), room("h2", "302", 10, 20), room("h3", "303", 20, 30)),
            "C",
            level=3,
        )
    units = units_on(workspace)
    with workspace.transaction() as s:  # a contract on 302 (borrowing one from the park)
        link = s.scalars(select(ContractUnit)).first()
        s.add(
            ContractUnit(
                contract_id=link.contract_id,
                unit_id=units["ZD-C-302"].id,
                billable_area=Decimal("100.00"),
            )
        )
    with workspace.transaction() as s:
        changes = import_plan(s, plan_of(room("h1", "301", 0, 10)), "C", level=3)
    assert changes.floors[0].archived == ["ZD-C-303"]
    assert changes.floors[0].kept_with_contracts == ["ZD-C-302"]
    after = units_on(workspace)
    assert after["ZD-C-303"].archived and not after["ZD-C-302"].archived


def test_a_plan_with_errors_writes_nothing(workspace):
    bad = ImportedPlan(
        "x.ifc", "ifc", (), (Problem(Severity.ERROR, "schema", "IFC4X3_RC2 is not supported"),)
    )
    with pytest.raises(PlanImportError, match="IFC4X3_RC2"), workspace.transaction() as s:
        import_plan(s, bad, "C")
    empty = plan_of()
    with pytest.raises(PlanImportError, match="no rooms"), workspace.transaction() as s:
        import_plan(s, empty, "C")
    with workspace.reading() as s:
        assert s.scalars(select(Building).where(Building.code == "C")).first() is None


def test_failure_midway_rolls_everything_back(workspace):
    plan = plan_of(room("h1", "301", 0, 10))
    with pytest.raises(RuntimeError), workspace.transaction() as s:
        import_plan(s, plan, "C", level=3)
        raise RuntimeError("power cut")
    with workspace.reading() as s:
        assert s.scalars(select(Building).where(Building.code == "C")).first() is None
        assert not s.scalars(select(Outbox).where(Outbox.entity == "buildings")).all() or all(
            op.payload["code"] != "C"
            for op in s.scalars(select(Outbox).where(Outbox.entity == "buildings"))
        )


def test_floor_levels_follow_elevation():
    floors = tuple(
        PlanFloor(n, e, (room("k", "1", 0, 1),))
        for n, e in (
            ("EG", Decimal("0")),
            ("KG", Decimal("-3")),
            ("OG", Decimal("3")),
            ("UG2", Decimal("-6")),
        )
    )
    plan = ImportedPlan("h.ifc", "ifc", floors)
    assert floor_levels(plan, None) == [1, -1, 2, -2]
    with pytest.raises(PlanImportError, match="one-floor"):
        floor_levels(plan, 5)
