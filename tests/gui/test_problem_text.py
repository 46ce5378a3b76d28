"""Importer findings and unit reasons are shown in the user's language, from code and params."""

from __future__ import annotations

import logging
import re
import string
import zipfile
from functools import cache
from pathlib import Path

import ezdxf
import pytest
from shapely.geometry import box

from importers.dxf import read_dxf
from importers.ifc import read_ifc
from importers.plan import ImportedPlan, PlanFloor, PlanUnit
from importers.read import read_plan
from importers.zones import units_by_zone

# A missing corpus fails these tests unless LEASEMAP_CORPUS_OPTIONAL=1 (tests/corpus.py).
from tests.corpus import CORPUS, corpus, needs_corpus  # noqa: F401
from views.problem_text import REASONS, SMALL, TEMPLATES, problem_text, reason_text

logging.getLogger("ezdxf").setLevel(logging.ERROR)
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
# Few files, every code and reason code the corpus gives (each reads in well under a second).
REPRESENTATIVE = (
    "ezdxf-tests/recover01.dxf",  # recovered, audit, audit:more, truncated, units, walls
    "daoshi/floor1.dxf",  # blocks-exploded, rooms from outlines, outline(-labelled)
    "hal9kspace/floorplan.dxf",  # area-mismatch, walls-labelled
    "querysimulation/jiao_floorplan.dxf",  # walls-labelled-small
    "opensourcebim-testfiles/Paolo.ifc",  # duplicate GlobalIds, no storeys, space in no storey
    "opensourcebim-testfiles/ac16_sjis.ifc",  # text encoding, no spaces
    "opensourcebim-testfiles/ifc4.ifc",  # unsupported schema
    "web-ifc/IfcOpenHouse_IFC4.ifc",  # storeys unnamed and without elevation
    "web-ifc/AC20-FZK-Haus.ifc",  # ifc-area-mismatch, 2D footprints
    "web-ifc/duplex.ifc",  # extrusion profiles and the geometry kernel; no zones
)


@cache
def corpus_plan(name: str) -> ImportedPlan:
    plan = read_plan(CORPUS / name)
    return units_by_zone(plan) if plan.format == "ifc" else plan


def findings(plan: ImportedPlan) -> list[dict]:
    data = plan.to_json()
    return [*data["errors"], *data["warnings"], *data["info"]]


def units_of(plan: ImportedPlan) -> list[dict]:
    return [u for f in plan.to_json()["floors"] for u in f["units"]]


def made_plans(folder: Path) -> list[ImportedPlan]:
    """Findings the corpus does not give: refused files, floors split, zones, units chosen."""
    files = {
        "empty.dxf": b"",
        "text.dxf": b"just some text\nand more\n",
        "empty.ifc": b"",
        "model.ifc": b"<?xml version='1.0'?><ifcXML/>",
        "other.ifc": b"HELLO",
        "header.ifc": b"ISO-10303-21;\nHEADER;\ngarbage\n",
        "notes.txt": b"a text file",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    with zipfile.ZipFile(folder / "zipped.ifc", "w") as archive:
        archive.writestr("model.ifc", "ISO-10303-21;")
    plans = [read_plan(folder / name) for name in [*files, "zipped.ifc", "missing.dxf"]]
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    for x0, tag in ((0, "1"), (65, "2")):  # two storeys side by side: floors-split
        for i in range(3):
            x = x0 + 5 * i
            msp.add_lwpolyline([(x, 0), (x + 5, 0), (x + 5, 6), (x, 6)], close=True,
                               dxfattribs={"layer": "rooms"})
            msp.add_text(f"{tag}0{i + 1} Office", dxfattribs={"layer": "text",
                                                             "insert": (x + 1, 3)})
    msp.add_line((-2, -1), (85, -1), dxfattribs={"layer": "wall"})
    doc.saveas(folder / "two.dxf")
    plans += [read_dxf(folder / "two.dxf", units="m"), read_dxf(folder / "two.dxf", units="yd")]
    floor = PlanFloor("EG", None, tuple(
        PlanUnit(k, k, k, box(x0, 0, x0 + 5, 10), source={"zones": ["Suite 1"]})
        for k, x0 in (("a", 0), ("b", 20))))
    plans.append(units_by_zone(ImportedPlan("z.ifc", "ifc", (floor,))))
    plans.append(units_by_zone(ImportedPlan("z.ifc", "ifc", (PlanFloor("", None, floor.units),))))
    return plans


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_english_is_the_importers_own_message(window):
    problem = {"code": "area-mismatch", "message": "label '101' states 45 m² but its outline "
               "measures 40 m²", "params": {"label": "101", "stated": "45", "computed": "40"}}
    assert problem_text(problem) == problem["message"]


def test_chinese_from_the_template(window, tmp_path):
    window.set_language("zh_CN")
    try:
        plan = read_plan(tmp_path / "nowhere.dxf")
        text = problem_text(plan.to_json()["errors"][0])
        assert "文件不存在" in text and "nowhere.dxf" in text
        unknown = {"code": "never-heard-of", "message": "as written", "params": {"x": "1"}}
        assert problem_text(unknown) == "as written"
        missing = {"code": "area-mismatch", "message": "as written", "params": {"label": "1"}}
        assert problem_text(missing) == "as written"
        no_case = {"code": "unreadable", "message": "as written", "params": {"file": "a.dxf"}}
        assert problem_text(no_case) == "as written"
        schema = CORPUS / "opensourcebim-testfiles" / "ifc4.ifc"
        if schema.exists():
            error = read_ifc(schema).to_json()["errors"][0]
            assert "不支持 IFC4RC4 版本" in problem_text(error)
    finally:
        window.set_language("en")


def test_every_template_has_a_chinese_translation_with_the_same_placeholders(chinese):
    templates = {**TEMPLATES, **{f"reason {code}": t for code, t in REASONS.items()}}
    chinese_text = {key: template() for key, template in templates.items()}
    chinese.install("en")
    for key, template in templates.items():
        english = template()
        assert chinese_text[key] != english, f"{key}: not translated"
        assert fields(chinese_text[key]) == fields(english), key


@needs_corpus
@pytest.mark.parametrize("name", REPRESENTATIVE)
def test_corpus_findings_in_chinese(chinese, name):
    plan = corpus_plan(name)
    assert plan.problems
    for problem in findings(plan):
        text = problem_text(problem)
        assert text != problem["message"], f"{problem['code']} shown in English: {text}"
        assert not PLACEHOLDER.search(text), text
        for key in ("file", "detail", "label", "space", "id", "schema", "count"):
            assert problem["params"].get(key, "") in text, (key, text)


def test_made_findings_in_chinese(chinese, tmp_path):
    codes = set()
    for plan in made_plans(tmp_path):
        for problem in findings(plan):
            codes.add(problem["code"])
            text = problem_text(problem)
            assert text != problem["message"], f"{problem['code']} shown in English: {text}"
            assert not PLACEHOLDER.search(text), text
    assert {"unreadable", "ifc-empty", "ifc-not-step", "ifc-unreadable", "no-file",
            "unknown-format", "floors-split", "units", "zone-not-contiguous"} <= codes


def test_audit_finding_keeps_ezdxfs_words_in_a_chinese_frame(chinese):
    audit = {"code": "audit", "message": "Removed invalid entity", "params": {
        "detail": "Removed invalid entity"}}
    assert problem_text(audit) == "DXF 检查：Removed invalid entity"


@needs_corpus
def test_layer_roles_name_each_roles_layers(chinese):
    roles = [p for p in findings(corpus_plan("daoshi/floor1.dxf")) if p["code"] == "layer-roles"]
    text = problem_text(roles[0])
    assert "房间：使用面积线" in text and "墙线：墙线" in text and "忽略：无" in text


REASON_CASES = {  # code: params, the English reason, what the Chinese must name
    "outline": ({"layer": "A-ROOM"}, "closed outline on room layer A-ROOM", "A-ROOM"),
    "outline-labelled": (
        {"layer": "A-ROOM"}, "closed outline on room layer A-ROOM with a label", "A-ROOM"),
    "layer": ({"layer": "R101"}, "the only closed outline on layer R101", "R101"),
    "walls": ({"layer": "0"}, "face of wall linework, no label", ""),
    "walls-labelled": ({"layer": "0"}, "face of wall linework with a label", ""),
    "ifc-space-profile": ({}, "extrusion profile", ""),
    "ifc-space-footprint": ({}, "2D footprint", ""),
    "ifc-space-kernel": ({}, "geometry kernel", ""),
    "ifc-zone": ({"count": "3"}, "IfcZone of 3 spaces", "3"),
}


@pytest.mark.parametrize("code", sorted(REASON_CASES))
@pytest.mark.parametrize("small", [False, True])
def test_reason_text_for_each_reason_code(chinese, code, small):
    params, english, named = REASON_CASES[code]
    if small:
        code, english = code + SMALL, english + " (very small)"
    unit = {"reason": english, "reason_code": code, "reason_params": params}
    text = reason_text(unit)
    assert text != english and not PLACEHOLDER.search(text)
    assert named in text
    assert text.endswith("（面积过小）") == small
    chinese.install("en")
    assert reason_text(unit) == english


def test_reason_text_falls_back_to_english(chinese):
    assert reason_text({"reason": "as found", "reason_code": "no-such"}) == "as found"
    assert reason_text({"reason": "as found"}) == "as found"
    assert reason_text({"reason": "as found", "reason_code": "layer",
                        "reason_params": {}}) == "as found"
    from_source = {"reason": "IfcZone of 2 spaces", "reason_code": "ifc-zone",
                   "source": {"spaces": ["a", "b"]}}
    assert "2" in reason_text(from_source) and reason_text(from_source) != from_source["reason"]


@needs_corpus
def test_corpus_unit_reasons_in_both_languages(chinese, tmp_path):
    units = [u for name in REPRESENTATIVE for u in units_of(corpus_plan(name))]
    units += [u for plan in made_plans(tmp_path) for u in units_of(plan)]
    codes = {u["reason_code"] for u in units}
    assert {"outline", "outline-labelled", "walls", "walls-labelled", "walls-labelled-small",
            "ifc-space-profile", "ifc-space-footprint", "ifc-space-kernel", "ifc-zone"} <= codes
    for unit in units:
        text = reason_text(unit)
        assert text != unit["reason"] and not PLACEHOLDER.search(text), unit["reason"]
    chinese.install("en")
    assert all(reason_text(u) == u["reason"] for u in units)
