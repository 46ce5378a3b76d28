"""read_ifc on every IFC file of the shared corpus, plus small known-answer files.

The corpus holds real exports (``dev``) whose counts and areas OBSERVED.json
records, and broken or odd files (``edge``) that must give a clear message
and never a traceback.
"""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import ifcopenshell
import pytest

from bench.import_ifc import write_synthetic_ifc
from importers import ifc_geometry as geom
from importers.ifc import read_ifc
from importers.ifc_props import fix_text
from importers.plan import ImportedPlan, Severity

# A missing corpus fails these tests unless LEASEMAP_CORPUS_OPTIONAL=1 (tests/corpus.py).
from tests.corpus import CORPUS, corpus, listed, needs_corpus  # noqa: F401


def _rows() -> list[dict[str, str]]:
    if not (CORPUS / "MANIFEST.tsv").is_file():
        return []
    with (CORPUS / "MANIFEST.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [r for r in rows if r["format"].startswith("IFC")]


def _observed() -> dict:
    return json.loads((CORPUS / "OBSERVED.json").read_text(encoding="utf-8"))


ROWS = _rows()
DEV = [r["file"] for r in ROWS if r["split"] == "dev"]
EDGE = [r["file"] for r in ROWS if r["split"] == "edge"]
_PLANS: dict[str, ImportedPlan] = {}


def plan_of(name: str) -> ImportedPlan:
    if name not in _PLANS:
        _PLANS[name] = read_ifc(CORPUS / name)
    return _PLANS[name]


def codes(plan: ImportedPlan) -> set[str]:
    return {p.code for p in plan.problems}


def _check_geometry(plan: ImportedPlan) -> None:
    for floor in plan.floors:
        for unit in floor.units:
            assert unit.polygon.geom_type in ("Polygon", "MultiPolygon"), unit.key
            assert unit.polygon.is_valid and not unit.polygon.is_empty, unit.key
            assert not unit.polygon.has_z
            assert Decimal("1") <= unit.area <= Decimal("500"), (unit.code, unit.area)
            assert unit.reason in (geom.PATH_PROFILE, geom.PATH_FOOTPRINT, geom.PATH_KERNEL)
        if floor.background is not None:
            assert floor.background.geom_type == "MultiLineString"


@needs_corpus
@pytest.mark.parametrize("name", listed(r["file"] for r in ROWS))
def test_every_file_gives_a_plan(name: str) -> None:
    plan = read_ifc(CORPUS / name)
    assert isinstance(plan, ImportedPlan) and plan.format == "ifc"
    if plan.errors:
        assert not plan.floors and Path(name).name in plan.errors[0].message
    _check_geometry(plan)


@needs_corpus
@pytest.mark.parametrize("name", listed(DEV))
def test_dev_files_match_observed(name: str) -> None:
    seen = _observed()[name]
    plan = plan_of(name)
    assert plan.ok and not plan.errors
    assert len(plan.floors) == len(seen["storeys"])
    assert plan.unit_count() == seen["n_spaces"]
    elevations = [f.elevation for f in plan.floors]
    assert elevations == sorted(elevations)
    total = sum(float(u.area) for f in plan.floors for u in f.units)
    assert total == pytest.approx(seen["sum_space_footprint_m2"], rel=0.01)
    assert plan.scale_to_metres == pytest.approx(seen["length_unit_to_m"])
    keys = [u.key for f in plan.floors for u in f.units]
    assert len(keys) == len(set(keys))


# Spaces whose stated net area is legitimately not the footprint: ArchiCAD applies the
# German WoFlV (3 % plaster deduction, half area under low roofs) to NetFloorArea.
WOFLV = {
    "web-ifc/AC20-FZK-Haus.ifc": {"Flur", "Wohnen", "Buero", "Bad", "Schlafzimmer", "Galerie"},
    "derived/AC20-FZK-Haus_IFC4X3_ADD2_migrated.ifc": {
        "Flur", "Wohnen", "Buero", "Bad", "Schlafzimmer", "Galerie"
    },
    "opensourcebim-testfiles/AC90R1-niedriha-V2-2x3.ifc": {"Dachboden"},
}
AREA_CHECKED = [
    "opensourcebim-testfiles/AC11-FZK-Haus-IFC.ifc",
    "opensourcebim-testfiles/AC90R1-niedriha-V2-2x3.ifc",
    "opensourcebim-testfiles/revit_quantities.ifc",
    "web-ifc/AC20-FZK-Haus.ifc",
    "derived/AC20-FZK-Haus_IFC4X3_ADD2_migrated.ifc",
    "xbim/SampleHouse4.ifc",
]


@needs_corpus
@pytest.mark.parametrize("name", AREA_CHECKED)
def test_computed_area_matches_stated(name: str) -> None:
    plan = plan_of(name)
    warned = {p.ref for p in plan.warnings if p.code == "ifc-area-mismatch"}
    for unit in (u for f in plan.floors for u in f.units):
        assert unit.stated_area is not None, unit.code
        close = abs(unit.area - unit.stated_area) <= unit.stated_area * Decimal("0.02")
        assert close is (unit.name not in WOFLV.get(name, set())), (unit.name, unit.area)
        assert (unit.key in warned) is not close


@needs_corpus
def test_ac20_footprint_equals_gross_floor_area() -> None:
    model = ifcopenshell.open(str(CORPUS / "web-ifc/AC20-FZK-Haus.ifc"))
    gross = {}
    for space in model.by_type("IfcSpace"):
        for rel in space.IsDefinedBy:
            definition = rel.RelatingPropertyDefinition
            if definition.is_a("IfcElementQuantity"):
                for quantity in definition.Quantities:
                    if quantity.Name == "GrossFloorArea":
                        gross[space.GlobalId] = quantity.AreaValue
    for unit in (u for f in plan_of("web-ifc/AC20-FZK-Haus.ifc").floors for u in f.units):
        assert float(unit.area) == pytest.approx(gross[unit.key], rel=0.005)
        assert unit.reason == geom.PATH_FOOTPRINT


@needs_corpus
def test_duplex_warns_on_revit_areas() -> None:
    plan = plan_of("web-ifc/duplex.ifc")
    mismatches = [p for p in plan.warnings if p.code == "ifc-area-mismatch"]
    assert len(mismatches) == 21
    bathroom = next(p for p in mismatches if "'Bathroom 1'" in p.message)
    assert "3.16 m²" in bathroom.message and "4.00 m²" in bathroom.message
    assert "21 %" in bathroom.message
    assert [f.name for f in plan.floors] == ["T/FDN", "Level 1", "Level 2", "Roof"]
    assert {u.reason for f in plan.floors for u in f.units} == {
        geom.PATH_PROFILE, geom.PATH_KERNEL
    }


@needs_corpus
def test_fzk_haus_agrees_across_schemas() -> None:
    names = [
        "web-ifc/AC20-FZK-Haus.ifc",
        "opensourcebim-testfiles/AC11-FZK-Haus-IFC.ifc",
        "derived/AC20-FZK-Haus_IFC4X3_ADD2_migrated.ifc",
    ]
    for name in names:
        plan = plan_of(name)
        assert plan.unit_count() == 7
        total = sum(float(u.area) for f in plan.floors for u in f.units)
        assert total == pytest.approx(208.5, rel=0.01)
        assert [f.name for f in plan.floors] == ["Erdgeschoss", "Dachgeschoss"]
        assert "Küche" in {u.name for f in plan.floors for u in f.units}


@needs_corpus
def test_spaces_of_one_storey_line_up() -> None:
    floor = plan_of("opensourcebim-testfiles/revit_quantities.ifc").floors[0]
    union = floor.units[0].polygon
    for unit in floor.units[1:]:
        assert union.intersection(unit.polygon).area < 0.05
        union = union.union(unit.polygon)
    assert union.bounds[2] - union.bounds[0] < 60


@needs_corpus
@pytest.mark.parametrize(
    ("name", "schema"),
    [
        ("web-ifc/KIT-Simple-Road-Test-Web-IFC4x3_RC2.ifc", "IFC4X3_RC2"),
        ("opensourcebim-testfiles/ifc4.ifc", "IFC4RC4"),
    ],
)
def test_unsupported_schema_is_refused(name: str, schema: str) -> None:
    plan = plan_of(name)
    assert [p.code for p in plan.errors] == ["ifc-unsupported-schema"]
    assert f"schema {schema} is not supported" in plan.errors[0].message


EDGE_EXPECT = {
    "web-ifc/IfcOpenHouse_IFC4.ifc": (1, 0, {"ifc-no-spaces", "ifc-storey-unnamed",
                                             "ifc-storey-no-elevation"}),
    "web-ifc/example.ifc": (2, 0, {"ifc-space-no-storey"}),
    "web-ifc/tested_sample_project.ifc": (2, 0, {"ifc-no-spaces"}),
    "barcelona-pavilion/Pabellon_de_Barcelona.ifc": (0, 0, {"ifc-no-spaces", "ifc-no-storeys"}),
    "opensourcebim-testfiles/Paolo.ifc": (0, 0, {"ifc-space-no-storey", "ifc-no-storeys",
                                                 "ifc-duplicate-globalid"}),
    "opensourcebim-testfiles/ac16_sjis.ifc": (3, 0, {"ifc-no-spaces", "ifc-text-encoding"}),
    "opensourcebim-testfiles/doubleguids.ifc": (3, 2, {"ifc-duplicate-globalid"}),
    "bsi-gherkin/gem002_space_only_footprint.ifc": (1, 0, {"ifc-space-no-storey"}),
    "bsi-gherkin/gem002_space_body_csg.ifc": (1, 0, {"ifc-space-no-storey"}),
}


@needs_corpus
@pytest.mark.parametrize("name", listed(n for n in EDGE if n in EDGE_EXPECT))
def test_edge_files_explain_themselves(name: str) -> None:
    floors, units, expected_codes = EDGE_EXPECT[name]
    plan = plan_of(name)
    assert not plan.errors
    assert len(plan.floors) == floors and plan.unit_count() == units
    assert expected_codes <= codes(plan)


@needs_corpus
def test_every_edge_file_is_covered() -> None:
    refused = {"web-ifc/KIT-Simple-Road-Test-Web-IFC4x3_RC2.ifc",
               "opensourcebim-testfiles/ifc4.ifc"}
    assert set(EDGE) <= set(EDGE_EXPECT) | refused


@needs_corpus
def test_shift_jis_names_are_decoded() -> None:
    plan = plan_of("opensourcebim-testfiles/ac16_sjis.ifc")
    assert [f.name for f in plan.floors] == ["1階", "2階", "屋根"]
    assert all(f.elevation is not None for f in plan.floors)
    assert plan.floors[1].elevation == Decimal("3.000")


@needs_corpus
def test_walls_are_background_lines() -> None:
    plan = plan_of("opensourcebim-testfiles/AC11-FZK-Haus-IFC.ifc")
    ground = plan.floors[0]
    assert ground.background is not None and ground.background.length > 30
    rooms = ground.units[0].polygon
    assert ground.background.distance(rooms) < 0.5


@needs_corpus
def test_open_axis_line_is_not_a_footprint() -> None:
    # The space's only representation is a 2-point 'Axis' polyline: no area to take.
    model = ifcopenshell.open(str(CORPUS / "bsi-gherkin/gem002_space_only_footprint.ifc"))
    space = model.by_type("IfcSpace")[0]
    placements = geom.Placements()
    world = placements.world(space.ObjectPlacement)
    assert geom.profile_footprint(space, world, placements, 1.0) is None
    assert geom.polygonal(geom.curve_footprint(space, world, placements, 1.0)) is None


@needs_corpus
def test_kernel_path_projects_a_csg_body() -> None:
    model = ifcopenshell.open(str(CORPUS / "bsi-gherkin/gem002_space_body_csg.ifc"))
    space = model.by_type("IfcSpace")[0]
    outline = geom.polygonal(geom.kernel_footprint(space, geom.kernel_settings()))
    assert outline is not None
    assert outline.area == pytest.approx(1.5, rel=0.01)


def test_synthetic_file_in_mm_with_mm2_areas(tmp_path: Path) -> None:
    path = write_synthetic_ifc(tmp_path / "small.ifc", 2, 6, area_unit_mm2=True)
    plan = read_ifc(path)
    assert not plan.problems, plan.problems
    assert [f.name for f in plan.floors] == ["Level 0", "Level 1"]
    assert [f.elevation for f in plan.floors] == [Decimal("0.000"), Decimal("3.000")]
    for unit in (u for f in plan.floors for u in f.units):
        assert unit.area == Decimal("20.00")
        assert unit.stated_area == Decimal("20.00")
        assert unit.reason == geom.PATH_PROFILE
        assert unit.code.count(".") == 1 and unit.name.startswith("Room ")
    first = plan.floors[0].units
    assert all(u.source["zones"] == ["Zone A"] for u in first)
    assert all(u.source["zones"] == [] for u in plan.floors[1].units)
    assert first[1].polygon.bounds == pytest.approx((5.0, 0.0, 10.0, 4.0))


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "ifc-empty"),
        (b"hello world", "ifc-not-step"),
        (b"<?xml version='1.0'?><ifcXML/>", "ifc-not-step"),
        (b"ISO-10303-21;\nHEADER;\n", "ifc-unreadable"),
    ],
)
def test_non_ifc_files_are_refused(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "bad.ifc"
    path.write_bytes(content)
    plan = read_ifc(path)
    assert [p.code for p in plan.errors] == [code]
    assert "bad.ifc" in plan.errors[0].message


def test_missing_file_is_refused(tmp_path: Path) -> None:
    plan = read_ifc(tmp_path / "nowhere.ifc")
    assert plan.errors and plan.errors[0].severity is Severity.ERROR


def test_fix_text() -> None:
    assert fix_text("1\x8aK") == ("1階", "shift_jis")
    assert fix_text("KÃ¼che") == ("Küche", "utf-8")
    assert fix_text("Küche") == ("Küche", "")
    assert fix_text(None) == ("", "")
