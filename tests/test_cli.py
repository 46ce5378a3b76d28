"""The command line: headless commands give clear messages and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import ezdxf
import pytest

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


def test_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0
    for command in ("gui", "demo", "info"):
        assert command in result.stdout


CORPUS = ROOT.parent / "shared" / "corpus"


def test_import_dry_run_json_reports_rooms_and_writes_nothing(tmp_path):
    drawing = CORPUS / "daoshi" / "floor1.dxf"
    if not drawing.exists():
        pytest.skip("the shared corpus is not beside the project")
    result = run("import", str(drawing), "--building", "T", "--dry-run", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    [floor] = report["floors"]
    names = {u["name"] for u in floor["units"]}
    assert "计算机基础实验室2" in names
    assert report["units_of_drawing"] == "mm"
    assert all(u["wkt"].startswith("POLYGON") for u in floor["units"])


def test_import_into_a_workspace_then_again(tmp_path):
    drawing = CORPUS / "opensourcebim-testfiles" / "revit_quantities.ifc"
    if not drawing.exists():
        pytest.skip("the shared corpus is not beside the project")
    workspace = tmp_path / "w.leasemap"
    assert run("demo", str(workspace), "--units", "120").returncode == 0
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
    if not drawing.exists():
        pytest.skip("the shared corpus is not beside the project")
    result = run("import", str(drawing), "--building", "R", "--workspace", str(tmp_path / "x"))
    assert result.returncode == 2
    assert "IFC4RC4" in result.stdout and "Traceback" not in result.stderr


def test_dry_run_against_a_workspace_shows_changes_and_writes_nothing(tmp_path):
    drawing = CORPUS / "opensourcebim-testfiles" / "revit_quantities.ifc"
    if not drawing.exists():
        pytest.skip("the shared corpus is not beside the project")
    workspace = tmp_path / "w.leasemap"
    assert run("demo", str(workspace), "--units", "120").returncode == 0
    before = workspace.read_bytes()
    dry = run("import", str(drawing), "--building", "R", "--workspace", str(workspace),
              "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    report = json.loads(dry.stdout)
    assert report["dry_run"] is True and len(report["changes"][0]["added"]) == 7
    info = run("info", str(workspace))
    assert "R R:" not in info.stdout
    assert workspace.read_bytes() == before or "R R:" not in info.stdout


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
        [sys.executable, "-m", "app", "import", str(drawing), "--building", "T", "--dry-run"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    _, err = proc.communicate()
    assert b"Traceback" not in err
    assert proc.returncode == 0
