"""DWG files read through ezdwg's DXF, and TArch custom objects named instead of lost."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import tempfile
from pathlib import Path

import ezdwg
import ezdxf
import pytest

from importers.dxf_read import load
from importers.read import read_plan, sniff
from importers.units import insunits

# A missing corpus fails these tests unless LEASEMAP_CORPUS_OPTIONAL=1 (tests/corpus.py).
from tests.corpus import CORPUS, corpus, listed, needs_corpus  # noqa: F401

logging.getLogger("ezdxf").setLevel(logging.ERROR)
ROOT = Path(__file__).resolve().parents[2]
DWGS = listed(sorted((CORPUS / "libredwg").glob("*.dwg")))


def _temp_folders() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("leasemap-dwg-*")}


@needs_corpus
@pytest.mark.parametrize("dwg", DWGS, ids=lambda p: getattr(p, "name", str(p)))
def test_every_corpus_dwg_reads_or_says_why(dwg):
    before = _temp_folders()
    plan = read_plan(dwg)
    assert plan.source == str(dwg) and plan.format == "dwg"
    assert not [p for p in plan.problems if p.code in ("internal", "internal-error")], plan.errors
    assert all(p.params for p in plan.errors)
    if not plan.errors:
        [note] = [p for p in plan.problems if p.code == "dwg-converted"]
        assert note.params["file"] == dwg.name and note.params["version"].startswith("AC10")
    assert "leasemap-dwg-" not in json.dumps(plan.to_json(), ensure_ascii=False)
    assert _temp_folders() <= before  # the converted DXF is gone


@needs_corpus
def test_a_dwg_reads_as_the_dxf_ezdwg_makes_of_it(tmp_path):
    dwg = CORPUS / "libredwg" / "example_2000.dwg"
    dxf = tmp_path / "example_2000.dxf"
    ezdwg.to_dxf(str(dwg), str(dxf))
    doc = ezdxf.readfile(dxf)  # as CAD saves it: with the DWG's own unit
    doc.header["$INSUNITS"] = ezdwg.read(str(dwg)).insunits
    doc.saveas(dxf)
    from_dwg, from_dxf = read_plan(dwg), read_plan(dxf)
    assert from_dwg.unit_count() > 0 and from_dwg.ok
    assert from_dwg.units_of_drawing == from_dxf.units_of_drawing
    assert from_dwg.scale_to_metres == from_dxf.scale_to_metres
    assert ([sorted(u.area for u in f.units) for f in from_dwg.floors]
            == [sorted(u.area for u in f.units) for f in from_dxf.floors])
    [said] = [p for p in from_dwg.problems if p.code == "units" and "said" in p.params]
    assert said.params["said"] == insunits(4)[0]  # the DWG's mm, not the converter's metres


TARCH = ["TCH_WALL"] * 3 + ["TCH_OPENING", "ACAD_PROXY_ENTITY"]


def _with_raw_entities(path: Path, rooms: int, kinds: list[str] | None = None) -> None:
    """A DXF with ``rooms`` labelled rooms and TArch / proxy objects written as raw tags."""
    doc = ezdxf.new("R2010")
    msp = doc.modelspace()
    for i in range(rooms):
        x = i * 6000.0
        msp.add_lwpolyline([(x, 0), (x + 5000, 0), (x + 5000, 4000), (x, 4000)], close=True,
                           dxfattribs={"layer": "ROOMS"})
        msp.add_text(f"A{i + 1}", dxfattribs={"layer": "ROOMS", "insert": (x + 2000, 2000)})
    doc.header["$INSUNITS"] = 4
    doc.saveas(path)
    owner = doc.block_records.get("*Model_Space").dxf.handle
    raw = []
    for i, kind in enumerate(TARCH if kinds is None else kinds):
        raw += ["0", kind, "5", f"F{i:03X}", "330", owner, "100", "AcDbEntity", "8", "WALL"]
        if kind == "ACAD_PROXY_ENTITY":
            raw += ["100", "AcDbProxyEntity", "90", "498", "91", "499", "92", "0", "93", "0",
                    "94", "0", "95", "0"]
    text = path.read_text(encoding="utf-8")
    marker = "ENTITIES\n"
    at = text.index(marker) + len(marker)
    path.write_text(text[:at] + "\n".join(raw) + "\n" + text[at:], encoding="utf-8")


@pytest.mark.parametrize("fast", [False, True], ids=["ezdxf", "fast-scan"])
def test_tarch_objects_without_rooms_are_an_error_naming_them(tmp_path, fast):
    path = tmp_path / "tarch.dxf"
    _with_raw_entities(path, rooms=0)
    counted = load(path, fast_min_bytes=0 if fast else None).custom_objects
    assert counted == {"TCH_WALL": 3, "TCH_OPENING": 1, "ACAD_PROXY_ENTITY": 1}
    plan = read_plan(path)
    [error] = plan.errors
    assert error.code == "custom-objects" and error.params["case"] == "few-rooms"
    assert error.params["kinds"] == "TCH_WALL ×3, ACAD_PROXY_ENTITY ×1, TCH_OPENING ×1"
    assert "TCH_WALL ×3" in error.message and "导出T3" in error.message
    assert not plan.ok


def test_tarch_objects_beside_rooms_are_a_warning(tmp_path):
    path = tmp_path / "tarch.dxf"
    _with_raw_entities(path, rooms=4)
    plan = read_plan(path)
    assert plan.unit_count() == 4 and not plan.errors
    [warning] = [p for p in plan.warnings if p.code == "custom-objects"]
    assert warning.params["count"] == "5" and "Save as T3" in warning.message


@pytest.mark.parametrize(("magic", "case", "release"), [
    (b"AC1009", "older", "R11/R12"), (b"AC1014", "older", "R14"), (b"AC1040", "newer", "?"),
])
def test_a_dwg_of_an_unreadable_version_names_it(tmp_path, magic, case, release):
    path = tmp_path / "old.dwg"
    path.write_bytes(magic + b"\x00" * 200)
    assert sniff(path) == "dwg"
    [error] = read_plan(path).errors
    assert error.code == "dwg-version"
    assert error.params == {"case": case, "file": "old.dwg", "version": magic.decode(),
                            "release": release}
    assert magic.decode() in error.message and "DXF" in error.message and "2000" in error.message


@needs_corpus
def test_a_damaged_dwg_is_reported_not_raised(tmp_path):
    path = tmp_path / "cut.dxf"  # the name lies: the bytes say DWG
    path.write_bytes((CORPUS / "libredwg" / "example_2000.dwg").read_bytes()[:30_000])
    plan = read_plan(path)
    [error] = plan.errors
    assert plan.format == "dwg" and error.code == "dwg-unreadable"
    assert error.params["file"] == "cut.dxf" and error.params["detail"]


def test_without_ezdwg_a_dwg_asks_for_it(tmp_path, monkeypatch):
    path = tmp_path / "plan.dwg"
    path.write_bytes(b"AC1015" + b"\x00" * 200)
    monkeypatch.setitem(sys.modules, "ezdwg", None)  # what an environment without it raises
    [error] = read_plan(path).errors
    assert error.code == "dwg-reader-missing" and "ezdwg" in error.message


@needs_corpus
def test_cli_dry_run_imports_a_dwg(tmp_path, shared_demo):
    # the demo park, which has no building N: `leasemap demo`'s, built once for the run
    workspace = shared_demo(tmp_path / "w.leasemap", units=120).path
    result = subprocess.run(
        [sys.executable, "-m", "app", "import", str(CORPUS / "libredwg" / "example_2000.dwg"),
         "--building", "N", "--floor", "1", "--workspace", str(workspace), "--dry-run",
         "--json"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["format"] == "dwg" and report["dry_run"] is True
    assert report["source"].endswith("example_2000.dwg")
    assert report["changes"] and sum(len(f["units"]) for f in report["floors"]) > 0
