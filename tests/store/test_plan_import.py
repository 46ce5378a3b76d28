"""Accepted plans go into the register in one transaction; re-imports update in place."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import ezdxf
import pytest
from shapely.geometry import box
from sqlalchemy import select

from domain.assets import compose_unit_code
from domain.contracts import ContractStatus
from importers.dxf import read_dxf
from importers.plan import ImportedPlan, PlanFloor, PlanUnit, Problem, Severity
from spatial.geometry import polygon_from_wkb
from store.plan_import import (
    Amendment,
    AreaChange,
    FloorChanges,
    ImportChanges,
    KeptOverlap,
    KeptUnitOverlap,
    Overlap,
    PlanImportError,
    Relabel,
    UnitsOverlap,
    floor_levels,
    import_plan,
)
from store.schema import Building, Contract, ContractUnit, Floor, Outbox, Unit
from store.workspace import Workspace
from tests.small_park import TODAY, build_small_workspace


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
        room("new-handle", "303", 22, 30),  # new key, same label: matched by code
        room("h9", "399", 30.2, 40),  # new key and label, same place: matched by overlap
        room("h5", "305", 40, 50),  # new room
    )
    with workspace.transaction() as s:
        changes = import_plan(s, revised, "C", level=3)
    floor = changes.floors[0]
    assert floor.matched_by == {
        "ZD-C-301": "key", "ZD-C-302": "key", "ZD-C-303": "code", "ZD-C-304": "overlap"
    }
    assert floor.unchanged == ["ZD-C-301"]
    assert [c for c, _, _ in floor.updated] == ["ZD-C-302", "ZD-C-303", "ZD-C-304"]
    assert floor.added == ["ZD-C-305"]
    assert floor.archived == []
    after = units_on(workspace)
    assert after["ZD-C-302"].id == before["ZD-C-302"].id
    assert after["ZD-C-302"].internal_area == Decimal("120.00")
    assert after["ZD-C-303"].source_key == "new-handle"
    assert after["ZD-C-304"].id == before["ZD-C-304"].id  # overlap kept its identity


def test_a_moved_room_is_matched_by_its_code_and_keeps_what_the_register_knows(workspace):
    """The register says ZD-C-0303 (production codes pad the number), the drawing says 303."""
    with workspace.transaction() as s:
        import_plan(s, plan_of(room("h1", "0301", 0, 10), room("h3", "0303", 20, 30)), "C", 3)
    with workspace.transaction() as s:
        unit = s.scalars(select(Unit).where(Unit.code == "ZD-C-0303")).one()
        unit.asking_rent, unit.tags, unit.notes = Decimal("88.0000"), ["货梯"], "south light"
        moved_id = unit.id
    # Redrawn 500 m away with new handles: no key and no overlap can match it, only the code.
    revised = plan_of(room("x1", "301", 0, 10), room("x3", "303", 500, 510))
    with workspace.transaction() as s:
        changes = import_plan(s, revised, "C", level=3)
    floor = changes.floors[0]
    assert floor.matched_by == {"ZD-C-0301": "code", "ZD-C-0303": "code"}
    assert floor.added == [] and floor.archived == []
    after = units_on(workspace)
    moved = after["ZD-C-0303"]
    assert moved.id == moved_id and not moved.archived
    assert (moved.asking_rent, moved.tags, moved.notes) == (Decimal("88.0000"), ["货梯"],
                                                            "south light")
    assert polygon_from_wkb(moved.geometry).bounds == (500.0, 0.0, 510.0, 10.0)
    assert len(after) == 2  # nothing archived, nothing added


def test_unit_codes_are_made_by_the_domain_rule(workspace):
    with workspace.transaction() as s:
        changes = import_plan(s, plan_of(room("a", "3 01室", 0, 10), room("b", "", 10, 20)), "C",
                              level=3)
    # The unlabelled room takes the floor's next number after the label's 301.
    assert changes.floors[0].added == [compose_unit_code("ZD", "C", "301室"),
                                       compose_unit_code("ZD", "C", "0302")]


def contract_on(ws, code: str, contract: str = "HT-2026-0001") -> ContractUnit:
    """Put ``code`` under the small park's contract, at the unit's billable area (signed now)."""
    with ws.transaction() as s:
        unit = s.scalars(select(Unit).where(Unit.code == code)).one()
        held = s.scalars(select(Contract).where(Contract.code == contract)).one()
        link = ContractUnit(contract_id=held.id, unit_id=unit.id,
                            billable_area=unit.billable_area)
        s.add(link)
    return link


def test_reimport_keeps_the_signed_area_and_lists_the_amendment(workspace):
    outline = box(0, -2, 30, 10)  # 360 m²: 60 m² of corridor shared over the rooms
    with workspace.transaction() as s:
        import_plan(s, plan_of(room("h1", "301", 0, 10), room("h2", "302", 10, 20),
                               room("h3", "303", 20, 30), outline=outline), "C", 3, today=TODAY)
    signed = contract_on(workspace, "ZD-C-302").billable_area
    assert signed == Decimal("120.00")
    # 301 shrinks: the corridor grows and 302's share with it, though 302 is not redrawn.
    revised = plan_of(room("h1", "301", 0, 8), room("h2", "302", 10, 20),
                      room("h3", "303", 20, 30), outline=outline)
    with workspace.transaction() as s:
        changes = import_plan(s, revised, "C", level=3, today=TODAY)
    floor = changes.floors[0]
    assert "ZD-C-302" in floor.unchanged
    after = units_on(workspace)
    new_area = after["ZD-C-302"].billable_area
    assert new_area != signed
    assert AreaChange("ZD-C-302", signed, new_area, signed, new_area) in floor.area_changes
    assert floor.amendments == [Amendment("HT-2026-0001", "ZD-C-302", signed, new_area)]
    assert sum(u.gross_area for u in after.values()) == Decimal("360.00")  # areas add up
    with workspace.reading() as s:
        link = s.scalars(select(ContractUnit).where(
            ContractUnit.unit_id == after["ZD-C-302"].id)).one()
        assert link.billable_area == signed  # the contract's area is the contract's
    text = changes.summary()
    assert f"area ZD-C-302: leasable {signed} → {new_area} m²" in text
    assert f"amendment needed: contract HT-2026-0001, unit ZD-C-302: signed on {signed}" in text
    # An ended contract needs no amendment.
    with workspace.transaction() as s:
        changes = import_plan(s, plan_of(room("h1", "301", 0, 9), room("h2", "302", 10, 20),
                                         room("h3", "303", 20, 30), outline=outline),
                              "C", 3, today=date(2030, 1, 1))
    assert changes.floors[0].amendments == []


def test_a_drawing_that_misses_the_floor_is_flagged(workspace):
    with workspace.transaction() as s:
        import_plan(s, plan_of(*(room(f"h{i}", f"30{i}", i * 10, i * 10 + 10) for i in range(5))),
                    "C", 3)
    far = plan_of(room("x1", "301", 1000, 1010), room("x2", "302", 1010, 1020))
    with workspace.rehearsal() as s:
        changes = import_plan(s, far, "C", level=3)
    [warning] = changes.warnings
    assert warning.case == "overlap" and warning.params["meeting"] == "0"
    assert "another floor" in warning.message and "another origin" in warning.message
    fourth = plan_of(room("y1", "401", 0, 10), room("y2", "402", 10, 20), room("y3", "403", 20, 30))
    with workspace.rehearsal() as s:
        changes = import_plan(s, fourth, "C", level=3)
    assert [w.case for w in changes.warnings] == ["labels"]
    assert "name level 4, not level 3" in changes.warnings[0].message
    with workspace.rehearsal() as s:  # the floor's own drawing: no warning
        changes = import_plan(s, plan_of(room("h0", "301", 0, 10)), "C", level=3)
    assert changes.warnings == []


def rows(ws) -> dict[str, list]:
    """Every row of the tables an import writes, to compare before and after."""
    with ws.reading() as s:
        return {
            "units": sorted((u.code, u.archived, u.geometry, u.billable_area)
                            for u in s.scalars(select(Unit))),
            "floors": sorted((f.level, f.name, f.gross_area) for f in s.scalars(select(Floor))),
            "outbox": [o.seq for o in s.scalars(select(Outbox))],
        }


def test_a_room_on_a_unit_kept_for_its_contract_stops_the_import(workspace):
    with workspace.transaction() as s:
        import_plan(s, plan_of(room("h1", "301", 0, 10), room("h2", "302", 10, 20),
                               room("h3", "303", 20, 30)), "C", 3)
    contract_on(workspace, "ZD-C-302")
    before = rows(workspace)
    # 302 is gone from the drawing (kept: under contract) and a new 309 covers 40% of it.
    revised = plan_of(room("h1", "301", 0, 10), room("h9", "309", 14, 30))
    with pytest.raises(KeptUnitOverlap) as refused, workspace.transaction() as s:
        import_plan(s, revised, "C", level=3)
    assert refused.value.pairs == [KeptOverlap("309", "ZD-C-302", ("HT-2026-0001",),
                                               Decimal("60.00"))]
    assert "309 overlaps ZD-C-302 (HT-2026-0001)" in str(refused.value)
    assert rows(workspace) == before
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


# -- real drawings: DXF handles repeat from one drawing to the next -----------------------

Drawn = tuple[str, float, float]  # label ("" for none), x0, x1 of a 10 m deep room


def write_dxf(path: Path, rooms: list[Drawn]) -> Path:
    """A metric DXF of one row of rooms: outlines on 房间, labels on 文字.

    Each room takes two entities (outline, then its label or a point), so two
    drawings of as many rooms number their outlines with the same handles.
    """
    doc = ezdxf.new("R2010", units=6)
    for layer in ("房间", "文字"):
        doc.layers.add(layer)
    msp = doc.modelspace()
    for label, x0, x1 in rooms:
        msp.add_lwpolyline([(x0, 0), (x1, 0), (x1, 10), (x0, 10)], close=True,
                           dxfattribs={"layer": "房间"})
        if label:
            msp.add_text(label, dxfattribs={"layer": "文字", "height": 0.4}).set_placement(
                ((x0 + x1) / 2, 5))
        else:
            msp.add_point((x0 - 1000, -1000), dxfattribs={"layer": "文字"})
    doc.saveas(path)
    return path


def read_rooms(path: Path) -> ImportedPlan:
    plan = read_dxf(path)
    assert plan.ok and len(plan.floors) == 1, plan.problems
    return plan


def handles(plan: ImportedPlan) -> list[str]:
    return [u.source["handle"] for u in plan.floors[0].units]


def outline_of(ws, code: str) -> tuple[float, ...]:
    return polygon_from_wkb(units_on(ws)[code].geometry).bounds


def test_another_drawing_with_the_same_handles_is_not_matched_by_them(workspace, tmp_path):
    first = read_rooms(write_dxf(tmp_path / "a.dxf",
                                 [("301", 0, 10), ("302", 10, 20), ("303", 20, 30)]))
    with workspace.transaction() as s:
        import_plan(s, first, "C", level=3)
    contract_on(workspace, "ZD-C-301")
    leased = outline_of(workspace, "ZD-C-301")
    # Another drawing: its first outline (301's handle) is a new room far off, and 302
    # and 303 come in the other order, so each has the other's handle.
    other = read_rooms(write_dxf(tmp_path / "b.dxf",
                                 [("305", 100, 110), ("303", 21, 30), ("302", 10, 21)]))
    assert handles(other) == handles(first)
    with workspace.transaction() as s:
        changes = import_plan(s, other, "C", level=3)
    floor = changes.floors[0]
    assert floor.matched_by == {"ZD-C-302": "code", "ZD-C-303": "code"}
    assert floor.added == ["ZD-C-305"] and floor.kept_with_contracts == ["ZD-C-301"]
    assert outline_of(workspace, "ZD-C-301") == leased  # not moved onto 305
    assert outline_of(workspace, "ZD-C-302") == (10.0, 0.0, 21.0, 10.0)
    assert outline_of(workspace, "ZD-C-303") == (21.0, 0.0, 30.0, 10.0)
    scoped = {u.code: u.key for u in other.floors[0].units}
    assert units_on(workspace)["ZD-C-303"].source_key == scoped["303"]


def test_unlabelled_rooms_of_another_drawing_are_not_matched_by_handle(workspace, tmp_path):
    """An unlabelled room's code is its handle: the next drawing's must not take its unit."""
    first = read_rooms(write_dxf(tmp_path / "a.dxf", [("", 0, 10), ("302", 10, 20)]))
    with workspace.transaction() as s:
        changes = import_plan(s, first, "C", level=3)
    [unlabelled] = [c for c in changes.floors[0].added if c != "ZD-C-302"]
    contract_on(workspace, unlabelled)
    other = read_rooms(write_dxf(tmp_path / "b.dxf", [("", 100, 110), ("302", 10, 20)]))
    assert handles(other) == handles(first)
    with workspace.transaction() as s:
        floor = import_plan(s, other, "C", level=3).floors[0]
    assert floor.matched_by == {"ZD-C-302": "code"}
    assert floor.kept_with_contracts == [unlabelled] and len(floor.added) == 1
    assert outline_of(workspace, unlabelled) == (0.0, 0.0, 10.0, 10.0)


def test_a_revision_of_the_drawing_matches_by_key(workspace, tmp_path):
    """Same drawing (its $FINGERPRINTGUID kept on save): a moved, relabelled room is the same."""
    path = write_dxf(tmp_path / "a.dxf", [("301", 0, 10), ("302", 10, 20)])
    first = read_rooms(path)
    with workspace.transaction() as s:
        import_plan(s, first, "C", level=3)
    unit_id = units_on(workspace)["ZD-C-302"].id
    doc = ezdxf.readfile(path)  # the architect opens it, moves 302 far off and renames it
    room = doc.entitydb[first.floors[0].units[1].source["handle"]]
    room.set_points([(500, 0), (512, 0), (512, 10), (500, 10)])
    [label] = [t for t in doc.modelspace().query("TEXT") if t.dxf.text == "302"]
    label.dxf.text = "399"
    label.set_placement((506, 5))
    doc.saveas(tmp_path / "a2.dxf")
    revised = read_rooms(tmp_path / "a2.dxf")
    assert [u.key for u in revised.floors[0].units] == [u.key for u in first.floors[0].units]
    with workspace.transaction() as s:
        floor = import_plan(s, revised, "C", level=3).floors[0]
    assert floor.matched_by == {"ZD-C-301": "key", "ZD-C-302": "key"}
    assert floor.added == [] and floor.archived == []
    assert units_on(workspace)["ZD-C-302"].id == unit_id
    assert outline_of(workspace, "ZD-C-302") == (500.0, 0.0, 512.0, 10.0)


def test_a_drawing_without_a_fingerprint_is_never_matched_by_key(workspace, tmp_path):
    def unfingerprinted(name: str, rooms: list[Drawn]) -> ImportedPlan:
        path = write_dxf(tmp_path / name, rooms)
        raw = path.read_bytes()
        at = raw.index(b"$FINGERPRINTGUID\n  2\n{") + len(b"$FINGERPRINTGUID\n  2\n{")
        path.write_bytes(raw[:at] + b"00000000-0000-0000-0000-000000000000" + raw[at + 36:])
        return read_rooms(path)

    first = unfingerprinted("a.dxf", [("301", 0, 10), ("302", 10, 20)])
    assert [u.key for u in first.floors[0].units] == ["", ""]
    with workspace.transaction() as s:
        import_plan(s, first, "C", level=3)
    assert {u.source_key for u in units_on(workspace).values()} == {""}
    # The same handles, each on the other room: only labels may pair them.
    again = unfingerprinted("b.dxf", [("302", 10, 20), ("301", 0, 10)])
    assert handles(again) == handles(first)
    with workspace.transaction() as s:
        floor = import_plan(s, again, "C", level=3).floors[0]
    assert floor.matched_by == {"ZD-C-301": "code", "ZD-C-302": "code"}
    assert sorted(floor.unchanged) == ["ZD-C-301", "ZD-C-302"]


def test_bare_handles_stored_by_an_older_import_match_by_label_then_take_the_scoped_key(
        workspace, tmp_path):
    path = write_dxf(tmp_path / "a.dxf", [("301", 0, 10), ("302", 10, 20)])
    drawing = read_rooms(path)
    bare = [room(h, u.code, x0, x0 + 10) for h, u, x0 in
            zip(handles(drawing), drawing.floors[0].units, (20, 0), strict=True)]
    with workspace.transaction() as s:  # as the importer keyed them before: handle alone
        import_plan(s, plan_of(*bare), "C", level=3)
    assert units_on(workspace)["ZD-C-301"].source_key == handles(drawing)[0]
    with workspace.transaction() as s:
        floor = import_plan(s, drawing, "C", level=3).floors[0]
    assert floor.matched_by == {"ZD-C-301": "code", "ZD-C-302": "code"}
    keys = {u.code: u.key for u in drawing.floors[0].units}
    assert {c: u.source_key for c, u in units_on(workspace).items()} == {
        "ZD-C-301": keys["301"], "ZD-C-302": keys["302"]}
    with workspace.transaction() as s:  # from now on the key pairs them
        floor = import_plan(s, drawing, "C", level=3).floors[0]
    assert set(floor.matched_by.values()) == {"key"}


# -- no two live units on a floor overlap (R1) ---------------------------------------------


def test_two_new_rooms_that_overlap_each_other_are_refused(workspace):
    """501 and 502 share 10 m²: written, they would be two tenants on one floor area."""
    before = rows(workspace)
    plan = plan_of(room("h1", "501", 0, 11), room("h2", "502", 10, 20), room("h3", "503", 20, 30))
    with pytest.raises(UnitsOverlap) as refused, workspace.transaction() as s:
        import_plan(s, plan, "C", level=5)
    assert not isinstance(refused.value, KeptUnitOverlap)
    assert refused.value.overlaps == [Overlap("501", "502", Decimal("10.00"))]
    assert "room 501 and room 502 share 10.00 m²" in str(refused.value)
    assert "floor 5F" in str(refused.value) and "correct the drawing" in str(refused.value)
    assert rows(workspace) == before  # not even the building
    with workspace.transaction() as s:  # rooms that only touch are fine
        changes = import_plan(s, plan_of(room("h1", "501", 0, 10), room("h2", "502", 10, 20)),
                              "C", level=5)
    assert changes.floors[0].added == ["ZD-C-501", "ZD-C-502"]


def test_a_new_room_over_a_matched_one_is_refused(workspace):
    with workspace.transaction() as s:
        import_plan(s, plan_of(room("h1", "301", 0, 10), room("h2", "302", 10, 20)), "C", 3)
    before = rows(workspace)
    # 302 is still drawn where it was; a new 305 is drawn half over it.
    revised = plan_of(room("h1", "301", 0, 10), room("h2", "302", 10, 20),
                      room("h5", "305", 15, 25))
    for step in (workspace.rehearsal, workspace.transaction):
        with pytest.raises(UnitsOverlap) as refused, step() as s:
            import_plan(s, revised, "C", level=3)
        assert refused.value.overlaps == [Overlap("302", "305", Decimal("50.00"), "ZD-C-302")]
        assert "room 302 (ZD-C-302) and room 305 share 50.00 m²" in str(refused.value)
    assert rows(workspace) == before


def test_the_overlap_check_scales_to_a_5000_room_floor(workspace):
    """An STRtree finds the one overlapping pair among 5,000 rooms (a grid of 5 × 4 m)."""
    rooms = [PlanUnit(f"k{i}", f"R{i}", "", box(x := (i % 100) * 5.0, y := (i // 100) * 4.0,
                                                    x + 5, y + 4)) for i in range(5000)]
    rooms.append(PlanUnit("k-extra", "R-extra", "", box(2, 2, 7, 6)))  # over R0, R1, R100, R101
    with pytest.raises(UnitsOverlap) as refused, workspace.rehearsal() as s:
        import_plan(s, plan_of(*rooms), "C", level=3)
    assert [(o.first, o.second, o.area) for o in refused.value.overlaps] == [
        (f"R{n}", "R-extra", area) for n, area in
        ((0, Decimal("6.00")), (1, Decimal("4.00")), (100, Decimal("6.00")),
         (101, Decimal("4.00")))]
    with workspace.rehearsal() as s:
        changes = import_plan(s, plan_of(*rooms[:-1]), "C", level=3)
    assert len(changes.floors[0].added) == 5000


# -- a room labelled otherwise, matched by overlap (R2) -----------------------------------


def test_a_relabelled_room_matched_by_overlap_is_reported(workspace):
    with workspace.transaction() as s:
        import_plan(s, plan_of(room("h1", "0301", 0, 10), room("h2", "0302", 10, 20),
                               room("h3", "0303", 20, 30)), "C", 3)
    contract_on(workspace, "ZD-C-0301")
    unit_id = units_on(workspace)["ZD-C-0301"].id
    # New handles; 308 lies over most of 0301 (IoU 0.9), 0302 and 0303 keep their labels.
    revised = plan_of(room("x8", "308", 0, 9), room("x2", "302", 10, 20),
                      room("x3", "303", 20, 30))
    with workspace.transaction() as s:
        changes = import_plan(s, revised, "C", level=3, today=TODAY)
    floor = changes.floors[0]
    assert floor.matched_by["ZD-C-0301"] == "overlap" and floor.added == []
    assert units_on(workspace)["ZD-C-0301"].id == unit_id  # kept with its contract
    [relabel] = floor.relabelled
    assert relabel == Relabel("ZD-C-0301", "0301", "308", Decimal("100.00"), Decimal("90.00"),
                              ("HT-2026-0001",))
    assert relabel.needs_attention
    text = changes.summary()
    assert ("relabelled: ZD-C-0301 matched by overlap, label 308 differs from unit 0301: "
            "100.00 → 90.00 m²") in text
    assert ("needs attention: contract HT-2026-0001, unit ZD-C-0301: matched by overlap to "
            "room 308") in text
    [data] = changes.to_json()[0]["relabelled"]
    assert data["room_label"] == "308" and data["unit_label"] == "0301"
    assert (data["area_before"], data["area_after"]) == ("100.00", "90.00")
    assert data["contracts"] == ["HT-2026-0001"] and data["needs_attention"] is True
    # Under an ended contract (on 2030-01-01) it is reported, but needs no attention.
    with workspace.rehearsal() as s:
        again = plan_of(room("y8", "309", 0, 9.5), room("x2", "302", 10, 20),
                        room("x3", "303", 20, 30))
        [later] = import_plan(s, again, "C", 3, today=date(2030, 1, 1)).floors[0].relabelled
    assert later.room_label == "309" and not later.needs_attention
    assert "needs attention" not in ImportChanges("C", False, [
        FloorChanges(3, "3F", False, relabelled=[later])]).summary()


# -- new floors are named from their level (R5) -------------------------------------------


def test_a_new_floor_is_named_from_its_level_not_the_file(workspace, tmp_path):
    drawing = read_rooms(write_dxf(tmp_path / "B1栋-3F.dxf", [("301", 0, 10), ("302", 10, 20)]))
    assert drawing.floors[0].name == "B1栋-3F"
    with workspace.transaction() as s:
        changes = import_plan(s, drawing, "C", level=3)
    assert changes.floors[0].name == "3F"
    other = read_rooms(write_dxf(tmp_path / "plan.dxf", [("B101", 0, 10)]))
    with workspace.transaction() as s:
        changes = import_plan(s, other, "C", level=-1)
    assert changes.floors[0].name == "B1"
    with workspace.reading() as s:
        floors = {f.level: f for f in s.scalars(select(Floor).join(Building).where(
            Building.code == "C"))}
    assert (floors[3].name, floors[-1].name) == ("3F", "B1")
    assert floors[3].background_source.endswith("B1栋-3F.dxf")  # the drawing, as its source
    assert floors[-1].background_source.endswith("plan.dxf")
    with workspace.transaction() as s:  # an existing floor keeps the name it has
        s.scalars(select(Floor).where(Floor.id == floors[3].id)).one().name = "三层"
    with workspace.transaction() as s:
        assert import_plan(s, drawing, "C", level=3).floors[0].name == "三层"


# -- a unit kept only for an ended contract (R13) ------------------------------------------


def ended_contract_on(ws, code: str, contract: str = "HT-2020-0001",
                      ends: date = date(2021, 5, 31)) -> None:
    """An ended contract of the small park's tenant on ``code``."""
    with ws.transaction() as s:
        unit = s.scalars(select(Unit).where(Unit.code == code)).one()
        other = s.scalars(select(Contract).where(Contract.code == "HT-2026-0001")).one()
        old = Contract(park_id=other.park_id, tenant_id=other.tenant_id, code=contract,
                       status=ContractStatus.SIGNED, signed_on=date(2019, 12, 1),
                       starts_on=date(2020, 1, 1), ends_on=ends,
                       rent_per_sqm_month=Decimal("80.0000"))
        s.add(old)
        s.flush()
        s.add(ContractUnit(contract_id=old.id, unit_id=unit.id, billable_area=unit.billable_area))


def test_a_unit_kept_for_an_ended_contract_is_named_as_such(workspace):
    with workspace.transaction() as s:
        import_plan(s, plan_of(room("h1", "301", 0, 10), room("h2", "302", 10, 20),
                               room("h3", "303", 20, 30)), "C", 3)
    ended_contract_on(workspace, "ZD-C-302")
    before = rows(workspace)
    revised = plan_of(room("h1", "301", 0, 10), room("h9", "309", 14, 30))
    with pytest.raises(KeptUnitOverlap) as refused, workspace.transaction() as s:
        import_plan(s, revised, "C", level=3, today=TODAY)
    assert refused.value.pairs == [KeptOverlap("309", "ZD-C-302", (), Decimal("60.00"),
                                               (("HT-2020-0001", date(2021, 5, 31)),))]
    message = str(refused.value)
    assert ("room 309 overlaps ZD-C-302 by 60.00 m², kept because contract HT-2020-0001, "
            "ended 2021-05-31, points at it") in message
    assert "end or amend" not in message
    assert "archive the units kept only for ended or draft contracts first" in message
    assert "cannot overwrite a unit with history" in message
    assert rows(workspace) == before
    # With a binding contract too, only that one is the reason given.
    contract_on(workspace, "ZD-C-302")
    with pytest.raises(KeptUnitOverlap) as refused, workspace.transaction() as s:
        import_plan(s, revised, "C", level=3, today=TODAY)
    assert refused.value.pairs == [KeptOverlap("309", "ZD-C-302", ("HT-2026-0001",),
                                               Decimal("60.00"))]
    assert "HT-2020-0001" not in str(refused.value)
    assert "end or amend those contracts" in str(refused.value)
    assert "archive" not in str(refused.value)


# -- unlabelled rooms take the floor's next numbers (issue 9) ------------------------------

Placed = tuple[str, float, float]  # label ("" for none), x0, y0 of a 10 m square room


def write_placed(path: Path, rooms: list[Placed]) -> Path:
    """A metric DXF of 10 m square rooms anywhere: outlines on 房间, labels on 文字."""
    doc = ezdxf.new("R2010", units=6)
    for layer in ("房间", "文字"):
        doc.layers.add(layer)
    msp = doc.modelspace()
    for label, x0, y0 in rooms:
        msp.add_lwpolyline([(x0, y0), (x0 + 10, y0), (x0 + 10, y0 + 10), (x0, y0 + 10)],
                           close=True, dxfattribs={"layer": "房间"})
        if label:
            msp.add_text(label, dxfattribs={"layer": "文字", "height": 0.4}).set_placement(
                (x0 + 5, y0 + 5))
    doc.saveas(path)
    return path


LABELLED = [(f"30{n}", 10.0 * n, 0.0) for n in range(1, 6)]  # 301 … 305 in a row
# Two unlabelled rooms, drawn bottom-left first: reading order puts the upper one first.
UNLABELLED = [("", 0.0, -20.0), ("", 40.0, 20.0)]


def archive_unit(ws, code: str) -> None:
    """Leave ``code`` in the register as an archived unit of C 3F."""
    with ws.transaction() as s:
        import_plan(s, plan_of(room("gone", code.removeprefix("ZD-C-"), 500, 510)), "C",
                    level=3)
    with ws.transaction() as s:
        s.scalars(select(Unit).where(Unit.code == code)).one().archived = True


def test_unlabelled_rooms_take_the_next_free_numbers_in_reading_order(workspace, tmp_path):
    """After 301–305 (labels) and an archived 0306, the two unlabelled rooms are 0307, 0308."""
    archive_unit(workspace, "ZD-C-0306")
    drawing = read_rooms(write_placed(tmp_path / "a.dxf", LABELLED + UNLABELLED))
    assert [(u.code, u.source["code_from"]) for u in drawing.floors[0].units][-2:] == [
        ("", "none"), ("", "none")]  # the handle is only the key
    with workspace.transaction() as s:
        floor = import_plan(s, drawing, "C", level=3).floors[0]
    assert floor.added == [f"ZD-C-30{n}" for n in range(1, 6)] + ["ZD-C-0308", "ZD-C-0307"]
    units = units_on(workspace)
    assert outline_of(workspace, "ZD-C-0307") == (40.0, 20.0, 50.0, 30.0)  # the upper one
    assert outline_of(workspace, "ZD-C-0308") == (0.0, -20.0, 10.0, -10.0)
    assert units["ZD-C-0306"].archived and not units["ZD-C-0307"].archived
    keys = {u.key for u in drawing.floors[0].units}
    assert {units[c].source_key for c in ("ZD-C-0307", "ZD-C-0308")} <= keys


def test_reimporting_the_same_drawing_keeps_the_numbers(workspace, tmp_path):
    path = write_placed(tmp_path / "a.dxf", UNLABELLED + LABELLED)
    with workspace.transaction() as s:
        import_plan(s, read_rooms(path), "C", level=3)
    before = {c: u.id for c, u in units_on(workspace).items()}
    assert {"ZD-C-0306", "ZD-C-0307"} <= set(before)
    with workspace.transaction() as s:
        floor = import_plan(s, read_rooms(path), "C", level=3).floors[0]
    assert floor.added == [] and floor.archived == []
    assert floor.matched_by == dict.fromkeys(before, "key")
    assert {c: u.id for c, u in units_on(workspace).items()} == before


def test_a_room_of_two_numbers_keeps_them_apart(workspace, tmp_path):
    drawing = read_rooms(write_placed(tmp_path / "a.dxf", [
        ("301", 0, 0), ("302,304 办公室", 10, 0), ("", 20, 0)]))
    with workspace.transaction() as s:
        floor = import_plan(s, drawing, "C", level=3).floors[0]
    # The unlabelled room goes on after 304, the highest number the labels hold.
    assert floor.added == ["ZD-C-301", "ZD-C-302-304", "ZD-C-0305"]
    with workspace.transaction() as s:  # the same drawing again: matched by key
        again = import_plan(s, drawing, "C", level=3).floors[0]
    assert again.added == [] and again.matched_by["ZD-C-302-304"] == "key"


def test_unnamed_ifc_spaces_are_numbered_not_called_by_their_globalid(workspace, tmp_path):
    """An IfcSpace with neither Name nor LongName gets the floor's next number (issue 9)."""
    import re

    from bench.import_ifc import write_synthetic_ifc
    from importers.ifc import read_ifc

    path = write_synthetic_ifc(tmp_path / "named.ifc", 1, 3)
    text = path.read_text()
    unnamed = re.sub(r"(IFCSPACE\('[^']+',\$,)'[^']*'(.*?),'Room [^']*'", r"\1$\2,$", text)
    assert unnamed.count("IFCSPACE(") == 3 and "'Room " not in unnamed
    path.write_text(unnamed)
    drawing = read_ifc(path)
    assert [u.code for u in drawing.floors[0].units] == ["", "", ""]
    with workspace.transaction() as s:
        added = import_plan(s, drawing, "C", level=1).floors[0].added
    assert sorted(added) == ["ZD-C-0101", "ZD-C-0102", "ZD-C-0103"]
    gids = {u.key for u in drawing.floors[0].units}
    assert not any(g in code for g in gids for code in added)
