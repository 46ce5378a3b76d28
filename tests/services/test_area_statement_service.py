"""A building's area statement read from a real workspace: a drawn floor, and stale figures."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from domain.allocation import allocate_common_area
from domain.space_use import SpaceUse
from services.area_statement import read_area_statement
from services.register import building_codes, find_building
from store.read_model import ReadModel
from store.schema import Building, Floor, Unit
from store.workspace import Workspace
from tests.corpus import corpus  # noqa: F401  (the fixture: fails or skips without the corpus)
from tests.small_park import TODAY, build_small_workspace

D = Decimal
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def park(tmp_path: Path, corpus: Path) -> Path:  # noqa: F811
    """The small park, with daoshi's teaching building floor 1 imported as building G."""
    from services.importing import apply_plan, read

    path = build_small_workspace(tmp_path / "small.leasemap").path
    workspace = Workspace.open(path)
    try:
        apply_plan(workspace, read(corpus / "daoshi" / "floor1.dxf"), "G", 1, confirmed=True)
    finally:
        workspace.close()
    return path


def statement(path: Path, code: str):
    reader = ReadModel(path)
    try:
        found = find_building(reader, code)
        assert found is not None
        return read_area_statement(reader, found[1].id, TODAY)
    finally:
        reader.close()


def test_an_imported_floor_adds_up(park):
    """The import writes every figure by the rule: corridors and stairs common, shared over
    the rooms for rent with the walls; the plant rooms shared by the whole building."""
    s = statement(park, "G")
    assert s.findings == () and s.adds_up
    [floor] = s.floors
    t = floor.totals
    lines = floor.lines
    internal = sum((ln.figures.internal_area for ln in lines), D(0))
    common = [ln for ln in lines if ln.figures.use is SpaceUse.COMMON]
    assert t.units == len(lines) > 30 and common
    assert all(ln.figures.common_share == ln.figures.leasable_area == 0 for ln in common)
    assert t.gross_area is not None and t.walls is not None and t.walls > 0
    assert t.gross_area == internal + t.walls  # the outline: rooms, then walls and the rest
    assert t.common_rooms == sum((ln.figures.internal_area for ln in common), D(0))
    assert t.building_part == t.building_rooms == s.building_pool  # one floor carries it all
    assert t.shares == t.common_pool == t.walls + t.common_rooms + t.building_part
    assert t.leasable == t.internal_leasable + t.common_pool == t.gross_area  # every m² let
    assert t.vacant == t.leasable and t.leased == 0  # nobody rents the teaching building
    assert t.ratio == (t.common_pool / t.internal_leasable).quantize(D("0.000001"), ROUND_HALF_UP)
    assert s.header.building_code == "G" and s.header.day == TODAY


def live_units(session, floor):
    return sorted(session.scalars(select(Unit).where(
        Unit.floor_id == floor.id, Unit.archived.is_(False))), key=lambda u: u.code)


def test_rooms_made_common_leave_the_old_shares_stale_until_the_rule_runs(park):
    with Workspace.open(park) as workspace, workspace.transaction() as session:
        floor = session.scalars(select(Floor).join(Building).where(Building.code == "G")).one()
        made = [u for u in live_units(session, floor) if u.space_use is SpaceUse.LEASABLE][:2]
        for unit in made:
            unit.space_use = SpaceUse.COMMON
        made_codes = {u.code for u in made}
    stale = statement(park, "G")
    codes = Counter(f.code for f in stale.findings)
    assert {f.unit for f in stale.findings if f.code == "common-has-share"} == made_codes
    assert codes["share-sum"] == 1  # the shares no longer add up to the pool
    named = {f.unit for f in stale.findings if f.code == "unit-share"}
    assert named and not named & made_codes  # every other room's share grew with theirs
    # the figures written by the rule (here by hand): the statement has nothing to say
    with Workspace.open(park) as workspace, workspace.transaction() as session:
        floor = session.scalars(select(Floor).join(Building).where(Building.code == "G")).one()
        units = live_units(session, floor)
        rent = [u for u in units if u.space_use is SpaceUse.LEASABLE]
        weights = [u.internal_area for u in rent]
        pool = floor.gross_area - sum((u.internal_area for u in units), D(0)) + sum(
            (u.internal_area for u in units if u.space_use is SpaceUse.COMMON), D(0))
        lobby = sum((u.internal_area for u in units
                     if u.space_use is SpaceUse.BUILDING_COMMON), D(0))
        for unit, own, shared in zip(rent, allocate_common_area(weights, pool),
                                     allocate_common_area(weights, lobby), strict=True):
            unit.common_share = own + shared
            unit.gross_area = unit.leasable_area = unit.billable_area = (
                unit.internal_area + unit.common_share)
        for unit in units:
            if unit.space_use is not SpaceUse.LEASABLE:
                unit.common_share = unit.leasable_area = unit.billable_area = D("0.00")
                unit.gross_area = unit.internal_area
    fixed = statement(park, "G")
    assert fixed.findings == ()
    t = fixed.floors[0].totals
    assert t.common_pool == pool + lobby == t.shares
    assert t.leasable == t.internal_leasable + t.common_pool == t.gross_area


def test_stale_shares_and_the_state_on_the_date(tmp_path):
    """The small park's tower: shares typed by hand, no outline, one unit let, one signed."""
    path = build_small_workspace(tmp_path / "small.leasemap").path
    s = statement(path, "A")
    assert [f.level for f in s.floors] == [1, 2]
    first = s.floors[0].totals
    assert (first.leased, first.other, first.vacant) == (D("125.40"), D("125.40"), D("125.40"))
    assert first.leased + first.vacant + first.other == first.leasable == D("376.20")
    assert first.gross_area is None and first.walls is None and first.common_pool == 0
    codes = Counter(f.code for f in s.findings)
    assert codes == {"unit-share": 6, "share-sum": 2}
    share = next(f for f in s.findings if f.unit == "ZD-A-0101")
    assert share.params["stored"] == "25.40" and share.params["expected"] == "0.00"
    reader = ReadModel(path)
    try:
        assert find_building(reader, "Z") is None
        assert building_codes(reader) == ["A", "B"]
    finally:
        reader.close()


def leasemap(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True,
                          text=True, check=False)


def test_the_command_prints_the_statement_and_its_json(tmp_path):
    path = str(build_small_workspace(tmp_path / "small.leasemap").path)
    done = leasemap("area-statement", path, "--building", "A", "--date", TODAY.isoformat(),
                    "--lang", "en")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == ("Area statement · 张江测试园 · A栋 办公楼 · as of 2026-11-22 · billed on "
                        "leasable area")
    total = next(line for line in lines if line.startswith("Total "))
    assert total.split()[-5:] == ["752.40", "125.40", "501.60", "125.40", "752.40"]
    assert "8 findings: the totals do not add up" in lines
    assert ("  • ZD-A-0101 (1F): common share 25.40 m², by the rule 0.00 m² (off by +25.40 m²)"
            in lines)
    as_json = leasemap("area-statement", path, "--building", "A", "--date", TODAY.isoformat(),
                       "--json")
    assert as_json.returncode == 0, as_json.stderr
    report = json.loads(as_json.stdout)
    assert report["adds_up"] is False and report["day"] == "2026-11-22"
    assert [f["level"] for f in report["floors"]] == [1, 2]
    assert report["totals"]["leased"] == "125.40" and report["totals"]["gross_area"] is None
    assert Counter(f["code"] for f in report["findings"]) == {"unit-share": 6, "share-sum": 2}
    unit = report["floors"][0]["units"][0]
    assert unit["code"] == "ZD-A-0101" and unit["state"] == "leased"
    assert (unit["ratio"], unit["expected_share"]) == ("0.254000", "0.00")
    missing = leasemap("area-statement", path, "--building", "Z", "--lang", "en")
    assert missing.returncode == 2 and missing.stdout == ""
    assert "no building Z in this workspace (buildings: A, B)" in missing.stderr
    stray = tmp_path / "plan.dxf"
    stray.write_text("0\nSECTION\n", encoding="utf-8")
    refused = leasemap("area-statement", str(stray), "--building", "A", "--lang", "en")
    assert refused.returncode == 2 and "not a Leasemap workspace" in refused.stderr
    assert stray.read_text(encoding="utf-8") == "0\nSECTION\n"


def test_the_command_loads_no_qt_in_english_and_no_widgets_in_chinese(tmp_path):
    path = str(build_small_workspace(tmp_path / "small.leasemap").path)
    probe = ("import sys; from app.cli import main; main(sys.argv[1:]); "
             "print(sorted(m for m in sys.modules if m.startswith('PySide6')))")
    loaded = {}
    for language in ("en", "zh_CN"):
        done = subprocess.run([sys.executable, "-c", probe, "area-statement", path,
                               "--building", "A", "--lang", language], cwd=ROOT,
                              capture_output=True, text=True, check=False)
        assert "ZD-A-0101" in done.stdout, done.stderr
        loaded[language] = done.stdout.strip().splitlines()[-1]
    assert loaded["en"] == "[]"
    assert "QtWidgets" not in loaded["zh_CN"] and "QtGui" not in loaded["zh_CN"]
