"""The import use case on a real workspace: read → rehearse (nothing written) → apply."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import ezdxf
import pytest
from sqlalchemy import func, select

import importers.dxf
from importers.internal import INTERNAL_ERROR
from services.importing import (
    ConfirmationNeeded,
    apply_plan,
    read,
    rehearse_plan,
)
from store.plan_import import KeptUnitOverlap, UnitsOverlap
from store.schema import Contract, ContractUnit, Outbox, Unit
from store.workspace import Workspace
from tests.small_park import TODAY, build_small_workspace

Room = tuple[str, float, float, float, float]
FLOOR3: list[Room] = [("301 会议室", 0, 0, 10, 8), ("302 办公室", 10, 0, 22, 8),
                      ("303 办公室", 22, 0, 30, 8)]


def write_floor(path: Path, rooms: list[Room], outline: bool = True, shift: int = 0) -> Path:
    """A metric DXF: room outlines on 房间, labels on 文字, the floor's outline on 建筑面积线.

    ``shift`` entities drawn first move the rooms' handles, as another author's file would.
    """
    doc = ezdxf.new("R2013", units=6)
    for layer in ("房间", "文字", "建筑面积线"):
        doc.layers.add(layer)
    msp = doc.modelspace()
    for _ in range(shift):
        msp.add_point((-5, -5))
    for label, x0, y0, x1, y1 in rooms:
        msp.add_lwpolyline([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], close=True,
                           dxfattribs={"layer": "房间"})
        msp.add_text(label, dxfattribs={"layer": "文字", "height": 0.4}).set_placement(
            ((x0 + x1) / 2, (y0 + y1) / 2))
    if outline:
        x1 = max(r[3] for r in rooms)
        msp.add_lwpolyline([(0, -2), (x1, -2), (x1, 8), (0, 8)], close=True,
                           dxfattribs={"layer": "建筑面积线"})
    doc.saveas(path)
    return path


@pytest.fixture
def workspace(tmp_path):
    park = build_small_workspace(tmp_path / "w.leasemap")
    ws = Workspace.open(park.path)
    yield ws
    ws.close()


def snapshot(ws: Workspace) -> dict[str, object]:
    with ws.reading() as s:
        return {
            "units": {u.code: (u.archived, u.geometry, u.leasable_area, u.billable_area)
                      for u in s.scalars(select(Unit))},
            "outbox": s.scalar(select(func.count()).select_from(Outbox)),
        }


def test_rehearse_writes_nothing_and_apply_writes_what_it_showed(workspace, tmp_path):
    plan = read(write_floor(tmp_path / "c3.dxf", FLOOR3))
    assert plan.ok
    before = snapshot(workspace)
    rehearsed = rehearse_plan(workspace, plan, "C", 3)
    assert snapshot(workspace) == before
    applied = apply_plan(workspace, plan, "C", 3)
    assert applied.summary() == rehearsed.summary()
    assert applied.floors[0].added == ["ZD-C-301", "ZD-C-302", "ZD-C-303"]


def test_every_area_change_is_in_the_rehearsal(workspace, tmp_path):
    apply_plan(workspace, read(write_floor(tmp_path / "c3.dxf", FLOOR3)), "C", 3, today=TODAY)
    with workspace.transaction() as s:  # 302 and 303 under the small park's two contracts
        for code, contract in (("ZD-C-302", "HT-2026-0001"), ("ZD-C-303", "HT-2027-0002")):
            unit = s.scalars(select(Unit).where(Unit.code == code)).one()
            held = s.scalars(select(Contract).where(Contract.code == contract)).one()
            s.add(ContractUnit(contract_id=held.id, unit_id=unit.id,
                               billable_area=unit.billable_area))
    # The architect narrows 301 only: the corridor's share moves for every unit.
    revised = read(write_floor(tmp_path / "c3b.dxf", [("301 会议室", 0, 0, 8, 8), *FLOOR3[1:]]))
    before = snapshot(workspace)["units"]
    rehearsed = rehearse_plan(workspace, revised, "C", 3, today=TODAY)
    floor = rehearsed.floors[0]
    assert floor.unchanged == ["ZD-C-302", "ZD-C-303"]  # not redrawn, yet their areas move
    apply_plan(workspace, revised, "C", 3, today=TODAY)
    after = snapshot(workspace)["units"]
    moved = {code: (b[2], a[2], b[3], a[3]) for code, b in before.items()  # type: ignore[union-attr]
             if (a := after[code])[2:] != b[2:]}  # type: ignore[index]
    assert set(moved) == {"ZD-C-301", "ZD-C-302", "ZD-C-303"}
    assert {a.code: (a.leasable_before, a.leasable_after, a.billable_before, a.billable_after)
            for a in floor.area_changes} == moved
    assert [(a.contract, a.unit) for a in floor.amendments] == [
        ("HT-2026-0001", "ZD-C-302"), ("HT-2027-0002", "ZD-C-303")]
    with workspace.reading() as s:
        signed = sorted(link.billable_area for link in s.scalars(select(ContractUnit)))
    assert sorted(a.signed_area for a in floor.amendments) == [
        x for x in signed if x in {a.signed_area for a in floor.amendments}]


def test_another_floors_drawing_needs_a_confirmation(workspace, tmp_path):
    fourth = read(write_floor(tmp_path / "c4.dxf", [("401", 0, 0, 10, 8), ("402", 10, 0, 20, 8)]))
    rehearsed = rehearse_plan(workspace, fourth, "C", 3)
    assert [w.case for w in rehearsed.warnings] == ["labels"]
    before = snapshot(workspace)
    with pytest.raises(ConfirmationNeeded, match="name level 4, not level 3"):
        apply_plan(workspace, fourth, "C", 3)
    assert snapshot(workspace) == before
    done = apply_plan(workspace, fourth, "C", 3, confirmed=True)
    assert done.floors[0].added == ["ZD-C-401", "ZD-C-402"]


def test_a_room_on_a_kept_unit_is_refused_in_rehearsal_and_apply(workspace, tmp_path):
    apply_plan(workspace, read(write_floor(tmp_path / "c3.dxf", FLOOR3)), "C", 3)
    with workspace.transaction() as s:
        unit = s.scalars(select(Unit).where(Unit.code == "ZD-C-302")).one()
        held = s.scalars(select(Contract).where(Contract.code == "HT-2026-0001")).one()
        s.add(ContractUnit(contract_id=held.id, unit_id=unit.id, billable_area=unit.billable_area))
    # 302 and 303 redrawn as one big 309: 302 is gone but kept for its contract.
    merged = read(write_floor(tmp_path / "m.dxf", [FLOOR3[0], ("309 大办公室", 16, 0, 30, 8)],
                                 shift=7))
    before = snapshot(workspace)
    for step in (rehearse_plan, apply_plan):
        with pytest.raises(KeptUnitOverlap, match=r"309 overlaps ZD-C-302 \(HT-2026-0001\)"):
            step(workspace, merged, "C", 3)
    assert snapshot(workspace) == before


def test_overlapping_new_rooms_are_refused_in_rehearsal_and_apply(workspace, tmp_path):
    """Rooms 501 and 502 of one drawing share 10 m²: neither step writes anything."""
    drawing = read(write_floor(tmp_path / "c5.dxf", [("501", 0, 0, 11.25, 8),
                                                     ("502", 10, 0, 20, 8)]))
    before = snapshot(workspace)
    for step in (rehearse_plan, apply_plan):
        with pytest.raises(UnitsOverlap, match=r"room 501 and room 502 share 10\.00 m²"):
            step(workspace, drawing, "C", 5)
    assert snapshot(workspace) == before


def test_a_relabelled_room_on_a_leased_unit_needs_attention(workspace, tmp_path):
    apply_plan(workspace, read(write_floor(tmp_path / "c3.dxf", FLOOR3)), "C", 3, today=TODAY)
    with workspace.transaction() as s:
        unit = s.scalars(select(Unit).where(Unit.code == "ZD-C-301")).one()
        held = s.scalars(select(Contract).where(Contract.code == "HT-2026-0001")).one()
        s.add(ContractUnit(contract_id=held.id, unit_id=unit.id, billable_area=unit.billable_area))
    # Another author's drawing (new handles) labels the room over most of 301 as 308.
    other = read(write_floor(tmp_path / "x.dxf", [("308 会议室", 0, 0, 9, 8), *FLOOR3[1:]],
                             shift=5))
    rehearsed = rehearse_plan(workspace, other, "C", 3, today=TODAY)
    floor = rehearsed.floors[0]
    assert floor.matched_by["ZD-C-301"] == "overlap" and floor.added == []
    [relabel] = floor.relabelled
    assert (relabel.code, relabel.unit_label, relabel.room_label) == ("ZD-C-301", "301", "308")
    assert (relabel.area_before, relabel.area_after) == (Decimal("80.00"), Decimal("72.00"))
    assert relabel.contracts == ("HT-2026-0001",)
    text = rehearsed.summary()
    assert "label 308 differs from unit 301: 80.00 → 72.00 m²" in text
    assert "needs attention: contract HT-2026-0001, unit ZD-C-301" in text


def test_a_bug_in_a_reader_is_an_internal_error_with_its_traceback_logged(
        tmp_path, monkeypatch, caplog):
    drawing = write_floor(tmp_path / "c3.dxf", FLOOR3)

    def broken(*_args: object, **_kw: object) -> None:
        raise AttributeError("'NoneType' object has no attribute 'dxf'")

    monkeypatch.setattr(importers.dxf, "_plan", broken)
    with caplog.at_level(logging.ERROR, logger="leasemap.importers"):
        plan = read(drawing)
    [error] = plan.errors
    assert error.code == INTERNAL_ERROR
    assert "internal error" in error.message and "could not be interpreted" not in error.message
    assert "AttributeError" in error.params["detail"]
    [record] = [r for r in caplog.records if r.name == "leasemap.importers"]
    assert record.exc_info is not None and record.exc_info[0] is AttributeError


ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "app", "import", *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, check=False)


def test_cli_refuses_another_floors_drawing_without_force(tmp_path):
    park = build_small_workspace(tmp_path / "w.leasemap")
    fourth = write_floor(tmp_path / "c4.dxf", [("401", 0, 0, 10, 8), ("402", 10, 0, 20, 8)])
    args = (str(fourth), "--building", "C", "--floor", "3", "--workspace", str(park.path))
    refused = cli(*args)
    assert refused.returncode == 2
    assert "name level 4, not level 3" in refused.stderr and "--force" in refused.stderr
    assert "nothing was written" in refused.stderr
    with Workspace.open(park.path) as ws:
        assert snapshot(ws)["units"].keys() == set(park.unit_codes)  # type: ignore[union-attr]
    forced = cli(*args, "--force", "--json")
    assert forced.returncode == 0, forced.stderr
    [floor] = json.loads(forced.stdout)["changes"]
    assert floor["added"] == ["ZD-C-401", "ZD-C-402"] and floor["warnings"][0]["case"] == "labels"


def test_cli_json_lists_area_changes_and_amendments(tmp_path):
    park = build_small_workspace(tmp_path / "w.leasemap")
    first = write_floor(tmp_path / "c3.dxf", FLOOR3)
    base = ("--building", "C", "--floor", "3", "--workspace", str(park.path))
    assert cli(str(first), *base).returncode == 0
    with Workspace.open(park.path) as ws, ws.transaction() as s:
        unit = s.scalars(select(Unit).where(Unit.code == "ZD-C-302")).one()
        held = s.scalars(select(Contract).where(Contract.code == "HT-2027-0002")).one()
        s.add(ContractUnit(contract_id=held.id, unit_id=unit.id, billable_area=unit.billable_area))
    revised = write_floor(tmp_path / "c3b.dxf", [("301 会议室", 0, 0, 8, 8), *FLOOR3[1:]])
    dry = cli(str(revised), *base, "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    [floor] = json.loads(dry.stdout)["changes"]
    assert {a["code"] for a in floor["area_changes"]} == {"ZD-C-301", "ZD-C-302", "ZD-C-303"}
    [amend] = floor["amendments"]
    assert (amend["contract"], amend["unit"]) == ("HT-2027-0002", "ZD-C-302")
    assert amend["signed_area"] != amend["new_area"]
    text = cli(str(revised), *base, "--dry-run")
    assert "amendment needed: contract HT-2027-0002, unit ZD-C-302" in text.stdout
    assert "area ZD-C-303: leasable" in text.stdout
