"""The command line: headless commands give clear messages and exit codes."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import ezdxf
import pytest
from sqlalchemy import select

from store.schema import Contract, ContractUnit, Unit
from store.workspace import Workspace
from tests import corpus
from tests.small_park import build_small_workspace

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, **kw) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True, text=True, **kw
    )


def test_info_on_a_file_that_is_not_a_workspace(tmp_path):
    bad = tmp_path / "plan.dxf"
    bad.write_text("0\nSECTION\n", encoding="utf-8")
    result = run("info", str(bad))
    assert result.returncode == 2
    assert "not a Leasemap workspace" in result.stderr
    assert bad.read_text(encoding="utf-8") == "0\nSECTION\n"


def test_info_on_a_missing_file(tmp_path):
    result = run("info", str(tmp_path / "nowhere.leasemap"))
    assert result.returncode == 2
    assert "no such file" in result.stderr


def test_demo_then_info(tmp_path):
    path = tmp_path / "demo.leasemap"
    built = run("demo", str(path), "--units", "200")
    assert built.returncode == 0, built.stderr
    assert "built" in built.stdout and path.exists()
    again = run("demo", str(path), "--units", "200")
    assert again.returncode == 2 and "exists" in again.stderr
    info = run("info", str(path), "--on", "2026-11-22")
    assert info.returncode == 0, info.stderr
    assert "ZD" in info.stdout and "occupancy" in info.stdout
    same = run("info", "--workspace", str(path), "--on", "2026-11-22")  # as the others take it
    assert same.returncode == 0 and same.stdout == info.stdout
    assert run("info").returncode == 2 and "--workspace" in run("info").stderr


def test_info_counts_read_as_a_person_writes_them(tmp_path):
    from tests.small_park import build_small_workspace

    path = build_small_workspace(tmp_path / "small.leasemap").path
    out = run("info", "--workspace", str(path)).stdout
    assert "2 buildings, 8 units" in out, out
    assert ": 1 floor, " in out and ": 2 floors, " in out, out


def test_a_demo_too_small_is_refused_with_a_message(tmp_path):
    path = tmp_path / "tiny.leasemap"
    result = run("demo", str(path), "--units", "20")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "at least 100 units" in result.stderr and not path.exists()


def test_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0
    for command in ("gui", "demo", "info"):
        assert command in result.stdout


CORPUS = corpus.CORPUS


def test_import_dry_run_json_reports_rooms_and_writes_nothing(tmp_path):
    drawing = CORPUS / "daoshi" / "floor1.dxf"
    corpus.require()
    result = run("import", str(drawing), "--building", "T", "--dry-run", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    [floor] = report["floors"]
    names = {u["name"] for u in floor["units"]}
    assert "计算机基础实验室2" in names
    assert report["units_of_drawing"] == "mm"
    assert all(u["wkt"].startswith("POLYGON") for u in floor["units"])


def test_import_into_a_workspace_then_again(tmp_path, demo_workspace):
    drawing = CORPUS / "opensourcebim-testfiles" / "revit_quantities.ifc"
    corpus.require()
    workspace = demo_workspace
    first = run("import", str(drawing), "--building", "R", "--workspace", str(workspace))
    assert first.returncode == 0, first.stderr
    assert "building R (new)" in first.stdout and "7 added" in first.stdout
    again = run("import", str(drawing), "--building", "R", "--workspace", str(workspace))
    assert again.returncode == 0, again.stderr
    assert "0 added, 0 changed, 7 unchanged, 0 removed" in again.stdout
    info = run("info", str(workspace))
    assert "R R:" in info.stdout and "7 units" in info.stdout


def test_import_of_an_unsupported_schema_fails_cleanly(tmp_path):
    drawing = CORPUS / "opensourcebim-testfiles" / "ifc4.ifc"
    corpus.require()
    result = run("import", str(drawing), "--building", "R", "--workspace", str(tmp_path / "x"))
    assert result.returncode == 2
    assert "IFC4RC4" in result.stdout and "Traceback" not in result.stderr


def test_dry_run_against_a_workspace_shows_changes_and_writes_nothing(tmp_path,
                                                                      demo_workspace):
    drawing = CORPUS / "opensourcebim-testfiles" / "revit_quantities.ifc"
    corpus.require()
    workspace = demo_workspace
    before = _dump(workspace)
    dry = run("import", str(drawing), "--building", "R", "--workspace", str(workspace),
              "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    report = json.loads(dry.stdout)
    assert report["dry_run"] is True and len(report["changes"][0]["added"]) == 7
    after = _dump(workspace)
    assert after == before  # every row of every table, the outbox included
    assert not any("'R'" in line and "INSERT INTO \"buildings\"" in line for line in after)


def _dump(path):
    """Every row of a workspace as SQL text, to compare before and after a command."""
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def test_output_cut_short_by_the_reader_is_no_traceback(tmp_path):
    drawing = tmp_path / "many.dxf"
    doc = ezdxf.new("R2013", units=6)
    msp = doc.modelspace()
    for i in range(3000):  # far more report than a pipe buffers
        x, y = (i % 60) * 5.0, (i // 60) * 4.0
        msp.add_lwpolyline([(x, y), (x + 5, y), (x + 5, y + 4), (x, y + 4)], close=True,
                           dxfattribs={"layer": "rooms"})
    doc.saveas(drawing)
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "import", str(drawing), "--building", "T", "--floor", "1",
         "--dry-run"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    _, err = proc.communicate()
    assert b"Traceback" not in err
    assert proc.returncode == 0


def write_one_floor(path: Path, title: str | None = None) -> Path:
    """A metric DXF of three labelled rooms on one floor, optionally with a title under them."""
    doc = ezdxf.new("R2013", units=6)
    msp = doc.modelspace()
    for i in range(3):
        x = 5.0 * i
        msp.add_lwpolyline([(x, 0), (x + 5, 0), (x + 5, 6), (x, 6)], close=True,
                           dxfattribs={"layer": "rooms"})
        msp.add_text(f"Office {'ABC'[i]}", dxfattribs={"layer": "text", "insert": (x + 1, 3)})
    if title:
        msp.add_text(title, dxfattribs={"layer": "text", "insert": (3, -3)})
    doc.saveas(path)
    return path


@pytest.fixture
def demo_workspace(tmp_path, shared_demo):
    """What ``leasemap demo w.leasemap --units 120`` writes (``build_demo`` with the default
    seed, today), built once for the run and copied (tests/demo_parks.py); the command
    itself is ``test_demo_then_info``'s."""
    return shared_demo(tmp_path / "w.leasemap", units=120).path


def test_the_file_name_gives_the_level_and_says_why(tmp_path, demo_workspace):
    drawing = write_one_floor(tmp_path / "floor3.dxf")
    result = run("import", str(drawing), "--building", "N", "--workspace", str(demo_workspace))
    assert result.returncode == 0, result.stderr
    assert '→ level 3 (from the file name "floor3.dxf")' in result.stdout
    assert "(level 3, new)" in result.stdout
    again = run("import", str(drawing), "--building", "N", "--workspace", str(demo_workspace),
                "--dry-run", "--json")
    assert again.returncode == 0, again.stderr
    [floor] = json.loads(again.stdout)["floors"]
    assert floor["level"] == 3 and floor["level_source"] == "file name"
    assert "floor3.dxf" in floor["level_evidence"]
    # Areas are strings of the exact value, as in the change report.
    assert [u["area"] for u in floor["units"]] == ["30.00", "30.00", "30.00"]


def test_no_evidence_exits_2_naming_floor_and_writes_nothing(tmp_path, demo_workspace):
    drawing = write_one_floor(tmp_path / "plan.dxf")
    before = run("info", str(demo_workspace)).stdout
    result = run("import", str(drawing), "--building", "N", "--workspace", str(demo_workspace))
    assert result.returncode == 2
    assert "--floor" in result.stderr and "nothing was written" in result.stderr
    assert "Traceback" not in result.stderr
    assert run("info", str(demo_workspace)).stdout == before
    given = run("import", str(drawing), "--building", "N", "--workspace", str(demo_workspace),
                "--floor", "2")
    assert given.returncode == 0, given.stderr
    assert "→ level 2 (given by the user (--floor))" in given.stdout
    assert "  2F (level 2, new)" in given.stdout  # named from its level, not "plan"


def test_a_dry_run_without_a_workspace_still_refuses_a_floor_it_cannot_tell(tmp_path):
    drawing = write_one_floor(tmp_path / "plan.dxf")
    for extra in ((), ("--json",)):
        result = run("import", str(drawing), "--building", "N", "--dry-run", *extra)
        assert result.returncode == 2, result.stdout
        assert "--floor" in result.stderr and "Traceback" not in result.stderr
    given = run("import", str(drawing), "--building", "N", "--dry-run", "--floor", "2")
    assert given.returncode == 0, given.stderr
    assert "30.00 m²" in given.stdout


def write_rooms(path: Path, rooms: list[tuple[str, float, float]]) -> Path:
    """A metric DXF of labelled 10 m deep rooms on ``rooms``, labels on ``text``."""
    doc = ezdxf.new("R2013", units=6)
    msp = doc.modelspace()
    for label, x0, x1 in rooms:
        msp.add_lwpolyline([(x0, 0), (x1, 0), (x1, 10), (x0, 10)], close=True,
                           dxfattribs={"layer": "rooms"})
        msp.add_text(label, dxfattribs={"layer": "text", "insert": ((x0 + x1) / 2, 5)})
    doc.saveas(path)
    return path


def test_overlapping_rooms_exit_2_naming_the_pairs(tmp_path):
    park = build_small_workspace(tmp_path / "w.leasemap")
    drawing = write_rooms(tmp_path / "plan.dxf", [("501", 0, 11), ("502", 10, 20)])
    before = _dump(park.path)
    for extra in ((), ("--dry-run",), ("--json",)):
        result = run("import", str(drawing), "--building", "C", "--floor", "5",
                     "--workspace", str(park.path), *extra)
        assert result.returncode == 2, result.stdout
        assert "room 501 and room 502 share 10.00 m²" in result.stderr
        assert "nothing was written" in result.stderr
    report = json.loads(result.stdout)
    assert report["refused"]["room_overlaps"] == [
        {"first": "501", "second": "502", "area": "10.00"}]
    assert _dump(park.path) == before


def test_a_relabelled_match_is_in_the_text_and_the_json(tmp_path):
    park = build_small_workspace(tmp_path / "w.leasemap")
    base = ("--building", "C", "--floor", "3", "--workspace", str(park.path))
    first = run("import", str(write_rooms(tmp_path / "a.dxf", [("301", 0, 10), ("302", 10, 20)])),
                *base)
    assert first.returncode == 0, first.stderr
    assert "  3F (level 3, new)" in first.stdout
    with Workspace.open(park.path) as ws, ws.transaction() as s:  # 301 under a contract
        unit = s.scalars(select(Unit).where(Unit.code == "ZD-C-301")).one()
        held = s.scalars(select(Contract).where(Contract.code == "HT-2026-0001")).one()
        s.add(ContractUnit(contract_id=held.id, unit_id=unit.id, billable_area=unit.billable_area))
    other = write_rooms(tmp_path / "b.dxf", [("x", 100, 101), ("308", 0, 9), ("302", 10, 20)])
    text = run("import", str(other), *base, "--dry-run")
    assert text.returncode == 0, text.stderr
    assert ("relabelled: ZD-C-301 matched by overlap, label 308 differs from unit 301: "
            "100.00 → 90.00 m²") in text.stdout
    assert "needs attention: contract" in text.stdout
    # each room is listed with the code its unit gets: the matched one keeps its unit's
    assert re.search(r"^    308 → ZD-C-301 ", text.stdout, re.MULTILINE), text.stdout
    assert re.search(r"^    — → ZD-C-0309 +x ", text.stdout, re.MULTILINE), text.stdout
    data = run("import", str(other), *base, "--dry-run", "--json")
    [floor] = json.loads(data.stdout)["changes"]
    assert floor["matched_by"]["ZD-C-301"] == "overlap"
    [relabel] = floor["relabelled"]
    assert (relabel["unit_label"], relabel["room_label"]) == ("301", "308")
    assert relabel["needs_attention"] is True


def test_a_conflicting_name_is_refused_naming_both(tmp_path, demo_workspace):
    drawing = write_one_floor(tmp_path / "2F-3F.dxf")
    result = run("import", str(drawing), "--building", "N", "--workspace", str(demo_workspace))
    assert result.returncode == 2
    assert '"2F"' in result.stderr and '"3F"' in result.stderr and "--floor" in result.stderr


def test_levels_override_the_titles(tmp_path, demo_workspace):
    doc = ezdxf.new("R2013", units=6)
    msp = doc.modelspace()
    for n, title in enumerate(("2F", "三层平面图")):
        x0 = 60.0 * n
        for i in range(3):
            x = x0 + 5 * i
            msp.add_lwpolyline([(x, 0), (x + 5, 0), (x + 5, 6), (x, 6)], close=True,
                               dxfattribs={"layer": "rooms"})
            msp.add_text(f"Office {'ABC'[i]}{n}",
                         dxfattribs={"layer": "text", "insert": (x + 1, 3)})
        msp.add_text(title, dxfattribs={"layer": "text", "insert": (x0 + 3, -3)})
    drawing = tmp_path / "tower.dxf"
    doc.saveas(drawing)
    titled = run("import", str(drawing), "--building", "N", "--workspace", str(demo_workspace),
                 "--dry-run", "--json")
    assert titled.returncode == 0, titled.stderr
    report = json.loads(titled.stdout)
    assert [f["level"] for f in report["floors"]] == [2, 3]
    changes = report["changes"]
    floors = changes["floors"] if isinstance(changes, dict) else changes
    assert [c["level"] for c in floors] == [2, 3]
    given = run("import", str(drawing), "--building", "N", "--workspace", str(demo_workspace),
                "--levels", "5,6")
    assert given.returncode == 0, given.stderr
    assert "→ level 5 (given by the user (--levels))" in given.stdout
    assert "(level 6, new)" in given.stdout
    wrong = run("import", str(drawing), "--building", "N", "--workspace", str(demo_workspace),
                "--levels", "5")
    assert wrong.returncode == 2 and "2 floors" in wrong.stderr


def test_help_documents_levels():
    result = run("import", "--help")
    assert "--levels" in result.stdout and "1,2,3" in result.stdout


def test_a_unit_kept_for_an_ended_contract_is_named_in_the_refusal(tmp_path):
    park = build_small_workspace(tmp_path / "w.leasemap")
    base = ("--building", "C", "--floor", "3", "--workspace", str(park.path))
    first = write_rooms(tmp_path / "a.dxf", [("301", 0, 10), ("302", 10, 20), ("303", 20, 30)])
    assert run("import", str(first), *base).returncode == 0
    with Workspace.open(park.path) as ws, ws.transaction() as s:
        unit = s.scalars(select(Unit).where(Unit.code == "ZD-C-302")).one()
        other = s.scalars(select(Contract).where(Contract.code == "HT-2026-0001")).one()
        old = Contract(park_id=other.park_id, tenant_id=other.tenant_id, code="HT-2020-0001",
                       status=other.status, signed_on=date(2019, 12, 1),
                       starts_on=date(2020, 1, 1), ends_on=date(2021, 5, 31),
                       rent_per_sqm_month=Decimal("80.0000"))
        s.add(old)
        s.flush()
        s.add(ContractUnit(contract_id=old.id, unit_id=unit.id, billable_area=unit.billable_area))
    merged = write_rooms(tmp_path / "b.dxf", [("301", 0, 10), ("309", 14, 30)])
    result = run("import", str(merged), *base, "--json")
    assert result.returncode == 2, result.stdout
    assert ("kept because contract HT-2020-0001, ended 2021-05-31, points at it"
            in result.stderr)
    assert "end or amend" not in result.stderr and "archive" in result.stderr
    [pair] = json.loads(result.stdout)["refused"]["overlaps"]
    assert pair["contracts"] == [] and pair["area"] == "60.00"
    assert pair["history"] == [{"contract": "HT-2020-0001", "ended": "2021-05-31"}]


def test_the_json_report_gives_unlabelled_rooms_their_final_codes(tmp_path):
    """A rehearsal's added codes are what the import then writes: no handles, the floor's next."""
    park = build_small_workspace(tmp_path / "w.leasemap")
    doc = ezdxf.new("R2013", units=6)
    msp = doc.modelspace()
    for x0 in (0, 10):
        msp.add_lwpolyline([(x0, 0), (x0 + 10, 0), (x0 + 10, 10), (x0, 10)], close=True,
                           dxfattribs={"layer": "rooms"})
    msp.add_text("301", dxfattribs={"layer": "text", "insert": (5, 5)})
    doc.saveas(tmp_path / "plan.dxf")
    base = ("import", str(tmp_path / "plan.dxf"), "--building", "C", "--floor", "3",
            "--workspace", str(park.path), "--json")
    dry = run(*base, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    [floor] = json.loads(dry.stdout)["changes"]
    assert floor["added"] == ["ZD-C-301", "ZD-C-0302"]
    done = run(*base)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["changes"][0]["added"] == floor["added"]
