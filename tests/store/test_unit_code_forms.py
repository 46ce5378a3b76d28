"""Unit codes a person can say (issue 9): floors of 100+ units, and handle codes of old imports."""

from __future__ import annotations

from pathlib import Path

import pytest
from shapely.geometry import box
from sqlalchemy import select

from domain.assets import compose_unit_code
from importers.plan import ImportedPlan, PlanFloor, PlanUnit
from services.importing import apply_plan, rehearse_plan
from store.plan_import import import_plan
from store.schema import ContractUnit, Unit
from store.workspace import Workspace
from tests.small_park import build_small_workspace
from tests.store.test_plan_import import contract_on, read_rooms, units_on, write_placed


@pytest.fixture
def workspace(tmp_path):
    park = build_small_workspace(tmp_path / "w.leasemap")
    ws = Workspace.open(park.path)
    yield ws
    ws.close()


def row_of(count: int, start: float = 0.0, label: str = "") -> ImportedPlan:
    """``count`` unlabelled 5 m rooms in a row (reading order: left to right)."""
    units = tuple(PlanUnit(f"k{start + i}", label, "", box(start + 5 * i, 0, start + 5 * i + 5, 5))
                  for i in range(count))
    return ImportedPlan("plan.dxf", "dxf", (PlanFloor("3F", None, units),), units_of_drawing="m")


# -- a floor of a hundred units or more --------------------------------------------------


def test_a_floor_of_120_new_units_numbers_them_all_with_three_digits(workspace):
    with workspace.transaction() as s:
        added = import_plan(s, row_of(120), "C", level=3).floors[0].added
    assert added == [f"ZD-C-03{n:03d}" for n in range(1, 121)]
    assert sorted(added) == added  # the codes sort as their numbers do


def test_a_basement_of_100_units_too(workspace):
    with workspace.transaction() as s:
        added = import_plan(s, row_of(100), "C", level=-1).floors[0].added
    assert (added[0], added[9], added[-1]) == ("ZD-C-B1001", "ZD-C-B1010", "ZD-C-B1100")


def test_a_floor_that_grows_past_99_keeps_its_codes_and_widens_the_new_ones(workspace):
    with workspace.transaction() as s:
        first = import_plan(s, row_of(98), "C", level=3).floors[0].added
    assert (first[0], first[-1]) == ("ZD-C-0301", "ZD-C-0398")
    with workspace.transaction() as s:  # the same rooms, and one more: still two digits
        assert import_plan(s, row_of(99), "C", level=3).floors[0].added == ["ZD-C-0399"]
    with workspace.transaction() as s:
        floor = import_plan(s, row_of(102), "C", level=3).floors[0]
    assert floor.added == ["ZD-C-03100", "ZD-C-03101", "ZD-C-03102"]
    assert sorted(floor.unchanged) == [f"ZD-C-03{n:02d}" for n in range(1, 100)]
    with workspace.transaction() as s:  # the next goes on from 102, not from 99
        assert import_plan(s, row_of(103), "C", level=3).floors[0].added == ["ZD-C-03103"]


# -- units coded by a DXF handle before issue 9 get a readable code, and it is listed ----


def as_before_issue_9(ws: Workspace, drawing: ImportedPlan) -> dict[str, str]:
    """Code and name the unlabelled rooms' units by their outline's handle, as imports did.

    Returns each old code with the code a first import gives that room today.
    """
    handles = {u.key: u.source["handle"] for u in drawing.floors[0].units if not u.code}
    old: dict[str, str] = {}
    with ws.transaction() as s:
        for unit in s.scalars(select(Unit).where(Unit.source_key.in_(list(handles)))):
            handle = handles[unit.source_key]
            old[compose_unit_code("ZD", "C", handle)] = unit.code
            unit.code, unit.name = compose_unit_code("ZD", "C", handle), handle
    return old


def test_reimporting_relabels_handle_codes_and_lists_them_before_and_after(workspace, tmp_path):
    drawing = read_rooms(write_placed(tmp_path / "a.dxf", [("301", 0, 0), ("", 10, 0),
                                                          ("", 20, 0)]))
    with workspace.transaction() as s:
        assert import_plan(s, drawing, "C", level=3).floors[0].added == [
            "ZD-C-301", "ZD-C-0302", "ZD-C-0303"]
    old = as_before_issue_9(workspace, drawing)
    [leased, other] = sorted(old, key=old.__getitem__)
    assert old == {leased: "ZD-C-0302", other: "ZD-C-0303"}
    contract_on(workspace, leased)
    before = {u.code: u.id for u in units_on(workspace).values()}
    assert set(before) == {"ZD-C-301", leased, other}

    rehearsed = rehearse_plan(workspace, drawing, "C", 3).floors[0]
    assert [(r.code, r.new_code, r.unit_label, r.room_label, r.contracts)
            for r in rehearsed.relabelled] == [
        (leased, "ZD-C-0302", leased.removeprefix("ZD-C-"), "0302", ("HT-2026-0001",)),
        (other, "ZD-C-0303", other.removeprefix("ZD-C-"), "0303", ())]
    assert rehearsed.matched_by == dict.fromkeys(["ZD-C-301", "ZD-C-0302", "ZD-C-0303"], "key")
    assert rehearsed.added == [] and rehearsed.archived == []
    assert {u.code for u in units_on(workspace).values()} == set(before)  # nothing written

    changes = apply_plan(workspace, drawing, "C", 3)
    summary = changes.summary()
    handle = leased.removeprefix("ZD-C-")
    assert (f"relabelled: {leased} → ZD-C-0302: its code {handle} was made of the drawing's "
            "internal handle, not a number a person can say") in summary
    assert (f"needs attention: contract HT-2026-0001, unit {leased} is now ZD-C-0302: the "
            "contract names the old code") in summary
    [floor] = changes.to_json()
    assert [(r["case"], r["code"], r["new_code"], r["needs_attention"])
            for r in floor["relabelled"]] == [("renumbered", leased, "ZD-C-0302", True),
                                              ("renumbered", other, "ZD-C-0303", False)]
    units = units_on(workspace)
    assert {c: u.id for c, u in units.items()} == {old.get(c, c): i for c, i in before.items()}
    assert units["ZD-C-0302"].name == units["ZD-C-0303"].name == ""  # no longer the handle
    with workspace.reading() as s:  # the contract stays on its unit, under the new code
        link = s.scalars(select(ContractUnit)).all()
        assert [x.unit_id for x in link if x.unit_id == units["ZD-C-0302"].id]
    with workspace.transaction() as s:  # once is enough
        assert import_plan(s, drawing, "C", level=3).floors[0].relabelled == []


def unfingerprinted(path: Path) -> ImportedPlan:
    """The drawing read without its $FINGERPRINTGUID: no keys, matched by label or place."""
    raw = path.read_bytes()
    at = raw.index(b"$FINGERPRINTGUID\n  2\n{") + len(b"$FINGERPRINTGUID\n  2\n{")
    path.write_bytes(raw[:at] + b"00000000-0000-0000-0000-000000000000" + raw[at + 36:])
    return read_rooms(path)


def test_a_handle_code_is_relabelled_when_matched_by_place_too(workspace, tmp_path):
    """An old import's unit, coded by its handle, is known by where it lies; the label wins."""
    drawing = unfingerprinted(write_placed(tmp_path / "a.dxf", [("", 0, 0), ("302", 10, 0)]))
    handle = drawing.floors[0].units[0].source["handle"]
    old = compose_unit_code("ZD", "C", handle)
    with workspace.transaction() as s:  # what an import before issue 9 wrote for it
        import_plan(s, drawing, "C", level=3)
        unit = s.scalars(select(Unit).where(Unit.code == "ZD-C-0303")).one()
        unit.code, unit.name = old, handle
    relabelled = read_rooms(write_placed(tmp_path / "b.dxf", [("306", 0, 0), ("302", 10, 0)]))
    with workspace.transaction() as s:
        floor = import_plan(s, relabelled, "C", level=3).floors[0]
    assert floor.matched_by == {"ZD-C-306": "overlap", "ZD-C-302": "code"}
    [renumbered] = floor.relabelled
    assert (renumbered.code, renumbered.new_code, renumbered.room_label) == (
        old, "ZD-C-306", "306")
    assert units_on(workspace)["ZD-C-306"].name == "306"
