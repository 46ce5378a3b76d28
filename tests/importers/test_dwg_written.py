"""DWG files the tests write with ezdwg: GBK labels, rooms as the DXF says, TArch objects named.

No corpus needed: :mod:`tests.data.make_drawings` writes an R2000 DXF in GBK,
copies it into an R2000 DWG in code page ANSI_936, and writes DWGs holding
TArch (``TCH_WALL``) and proxy entities.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import ezdwg
import pytest

from importers.plan import ImportedPlan
from importers.read import read_plan
from tests.data.make_drawings import GBK, write_dwg_from_dxf, write_gbk_rooms, write_tarch_dwg
from tests.importers.test_dwg import _with_raw_entities
from tests.small_park import build_small_workspace

ROOT = Path(__file__).resolve().parents[2]
NAMES = {"会议室", "开放办公区", "经理室"}


@pytest.fixture(scope="module")
def drawings(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The GBK DXF and the DWG made from it."""
    folder = tmp_path_factory.mktemp("gbk")
    dxf, dwg = folder / "rooms_gbk.dxf", folder / "rooms_gbk.dwg"
    write_gbk_rooms(dxf)
    write_dwg_from_dxf(dxf, dwg)
    return dxf, dwg


def rooms(plan: ImportedPlan) -> list[list[tuple[object, ...]]]:
    """Each floor's rooms as a person sees them: code, name, areas, outline, how found."""
    return [sorted((u.code, u.name, u.area, u.stated_area, u.polygon.normalize().wkt,
                    u.reason_code, u.source.get("label")) for u in f.units)
            for f in plan.floors]


def bits(data: bytes) -> str:
    """The bits of ``data``: a DWG stores its strings at any bit, not on byte bounds."""
    return "".join(f"{b:08b}" for b in data)


def test_the_written_dwg_is_r2000_with_its_labels_in_gbk(drawings):
    dxf, dwg = drawings
    raw = dwg.read_bytes()
    assert raw[:6] == b"AC1015"
    assert int.from_bytes(raw[0x13:0x15], "little") == GBK == 39  # $DWGCODEPAGE ANSI_936
    stream = bits(raw)
    for text in (*NAMES, "房间", "文字"):
        assert bits(text.encode("gbk")) in stream, text
        assert bits(text.encode("utf-8")) not in stream, text
        assert bits(text.encode("utf-16-le")) not in stream, text
    assert "会议室".encode("gbk") in dxf.read_bytes()  # the DXF it came from is GBK as well
    texts = [e.dxf["text"] for e in ezdwg.read(str(dwg)).modelspace().query("TEXT MTEXT")]
    assert sorted(texts) == ["301 会议室", "302,304 开放办公区", "305\n经理室"]


def test_the_dwg_imports_to_the_units_and_areas_of_its_dxf(drawings):
    dxf, dwg = drawings
    from_dxf, from_dwg = read_plan(dxf), read_plan(dwg)
    assert from_dwg.format == "dwg" and from_dwg.source == str(dwg)
    assert not from_dwg.errors and not from_dwg.warnings, from_dwg.problems
    assert rooms(from_dwg) == rooms(from_dxf)
    [floor] = from_dwg.floors
    assert sorted((u.code, u.name, str(u.area)) for u in floor.units) == [
        ("", "", "108.00"),  # no label: numbered on its floor when imported
        ("301", "会议室", "80.00"), ("302,304", "开放办公区", "160.00"), ("305", "经理室", "48.00")]
    assert from_dwg.layer_roles == from_dxf.layer_roles == {"房间": "rooms", "文字": "labels"}
    assert (from_dwg.units_of_drawing, from_dwg.scale_to_metres) == (
        from_dxf.units_of_drawing, from_dxf.scale_to_metres) == ("m", 1.0)
    [note] = [p for p in from_dwg.problems if p.code == "dwg-converted"]
    assert note.params == {"file": "rooms_gbk.dwg", "version": "AC1015", "release": "2000"}


def dry_run(drawing: Path, workspace: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "app", "import", str(drawing), "--building", "C", "--floor", "3",
         "--workspace", str(workspace), "--dry-run", "--json"],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_cli_dry_run_gives_the_dwg_the_codes_and_areas_of_its_dxf(drawings, tmp_path):
    dxf, dwg = drawings
    park = build_small_workspace(tmp_path / "w.leasemap")
    before = park.path.read_bytes()
    of_dxf, of_dwg = dry_run(dxf, park.path), dry_run(dwg, park.path)
    assert of_dwg["format"] == "dwg" and of_dwg["dry_run"] is True

    def seen(report: dict) -> list[list[tuple[str, str, str, str]]]:
        return [sorted((u["code"], u["name"], u["area"], u["wkt"]) for u in f["units"])
                for f in report["floors"]]

    assert seen(of_dwg) == seen(of_dxf)
    assert {u["name"] for f in of_dwg["floors"] for u in f["units"]} >= NAMES
    [change] = of_dwg["changes"]
    assert change["added"] == of_dxf["changes"][0]["added"] == [
        "ZD-C-301", "ZD-C-302-304", "ZD-C-305", "ZD-C-0306"]
    # each room of the report says the code its unit gets, the unlabelled one too
    [floor] = of_dwg["floors"]
    assert sorted(zip((u["code"] for u in floor["units"]), change["room_codes"],
                      strict=True)) == [
        ("", "ZD-C-0306"), ("301", "ZD-C-301"), ("302,304", "ZD-C-302-304"),
        ("305", "ZD-C-305")]
    assert park.path.read_bytes() == before  # a rehearsal writes nothing


def test_a_site_drawing_as_dwg_places_the_buildings_its_dxf_places(tmp_path):
    """File → Import site plan offers DWG: it gives the footprints and roads of its DXF."""
    from services.importing import rehearse_site
    from store.workspace import Workspace
    from tests.store.test_site_import import write_site

    dxf, dwg = write_site(tmp_path / "site.dxf"), tmp_path / "site.dwg"
    write_dwg_from_dxf(dxf, dwg)
    park = build_small_workspace(tmp_path / "w.leasemap")
    with Workspace.open(park.path) as workspace:
        of_dxf, of_dwg = (rehearse_site(workspace, read_plan(p)) for p in (dxf, dwg))
    assert of_dwg.placed == of_dxf.placed and [code for code, _ in of_dwg.placed] == ["A", "B"]
    assert of_dwg.unmatched == of_dxf.unmatched == ["Z栋"]
    assert of_dwg.site_plan and of_dxf.site_plan


# -- TArch (天正) and proxy entities inside a DWG ------------------------------------------


def test_tarch_objects_in_a_dwg_without_rooms_get_the_dxf_s_error(tmp_path):
    dwg, dxf = tmp_path / "tarch.dwg", tmp_path / "tarch.dxf"
    write_tarch_dwg(dwg, rooms=0)
    _with_raw_entities(dxf, rooms=0, kinds=["TCH_WALL"] * 3 + ["ACAD_PROXY_ENTITY"])
    [of_dwg], [of_dxf] = read_plan(dwg).errors, read_plan(dxf).errors
    assert of_dwg.code == "custom-objects" and of_dwg.params["case"] == "few-rooms"
    assert of_dwg.params["kinds"] == "TCH_WALL ×3, ACAD_PROXY_ENTITY ×1"
    assert "导出T3" in of_dwg.message
    assert of_dwg.message.replace("tarch.dwg", "tarch.dxf") == of_dxf.message
    assert of_dwg.params == {**of_dxf.params, "file": "tarch.dwg"}


def test_tarch_objects_in_a_dwg_beside_rooms_are_a_warning(tmp_path):
    dwg = tmp_path / "tarch.dwg"
    write_tarch_dwg(dwg, rooms=4, walls=2, proxies=2)
    plan = read_plan(dwg)
    assert plan.unit_count() == 4 and not plan.errors
    [warning] = [p for p in plan.warnings if p.code == "custom-objects"]
    assert warning.params == {"file": "tarch.dwg", "count": "4",
                              "kinds": "ACAD_PROXY_ENTITY ×2, TCH_WALL ×2"}
    assert "Save as T3" in warning.message


def test_a_file_named_dwg_that_is_none_names_the_formats(tmp_path):
    path = tmp_path / "plan.dwg"
    path.write_bytes(b"%PDF-1.7\n")
    [error] = read_plan(path).errors
    assert error.code == "unknown-format" and error.params == {"file": "plan.dwg"}
    assert all(kind in error.message for kind in ("DXF", "DWG", "IFC"))
