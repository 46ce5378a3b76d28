"""Findings carry their variable parts and units a reason code, so the UI can translate them."""

from __future__ import annotations

import logging

import pytest
from shapely.geometry import box

from importers.dxf import read_dxf
from importers.plan import ImportedPlan, PlanFloor, PlanUnit
from importers.read import read_plan
from importers.zones import units_by_zone

# A missing corpus fails these tests unless LEASEMAP_CORPUS_OPTIONAL=1 (tests/corpus.py).
from tests.corpus import CORPUS, corpus, needs_corpus  # noqa: F401

logging.getLogger("ezdxf").setLevel(logging.ERROR)
NO_VARIABLE_PARTS = {"background-simplified", "deep-blocks", "no-zones"}
SMALL_FILES = (
    "ezdxf-tests/recover01.dxf",
    "hal9kspace/floorplan.dxf",
    "jupedsim/ISO-Office.dxf",
    "querysimulation/jiao_floorplan.dxf",
    "opensourcebim-testfiles/Paolo.ifc",
    "opensourcebim-testfiles/ac16_sjis.ifc",
    "web-ifc/IfcOpenHouse_IFC4.ifc",
    "web-ifc/duplex.ifc",
)


@needs_corpus
@pytest.mark.parametrize("name", SMALL_FILES)
def test_corpus_findings_have_params_and_units_a_reason_code(name):
    plan = read_plan(CORPUS / name)
    if plan.format == "ifc":
        plan = units_by_zone(plan)
    for problem in plan.problems:
        assert problem.params or problem.code in NO_VARIABLE_PARTS, problem
        assert all(isinstance(v, str) for v in problem.params.values()), problem
    units = [u for f in plan.to_json()["floors"] for u in f["units"]]
    for unit in units:
        assert unit["reason_code"], unit["reason"]
        layer = unit["reason_params"].get("layer")
        if unit["reason_code"].startswith(("outline", "layer")):
            assert layer and layer in unit["reason"]
        assert unit["reason_code"].endswith("-small") == unit["reason"].endswith("(very small)")


def test_refusals_name_their_form(tmp_path):
    (tmp_path / "empty.dxf").write_bytes(b"")
    (tmp_path / "text.dxf").write_bytes(b"just text\nmore\n")
    (tmp_path / "empty.ifc").write_bytes(b"")
    (tmp_path / "other.ifc").write_bytes(b"HELLO")
    got = {name: read_plan(tmp_path / name).errors[0] for name in (
        "empty.dxf", "text.dxf", "empty.ifc", "other.ifc")}
    assert got["empty.dxf"].params == {"case": "empty", "file": "empty.dxf"}
    assert got["text.dxf"].params == {"case": "not-dxf", "file": "text.dxf"}
    assert got["empty.ifc"].params == {"file": "empty.ifc"}
    assert got["other.ifc"].params == {"case": "other", "file": "other.ifc"}
    assert got["empty.dxf"].message == "empty.dxf: the file is empty"


def test_unknown_unit_lists_the_choices(tmp_path):
    path = tmp_path / "x.dxf"
    import ezdxf

    doc = ezdxf.new("R2010")
    doc.modelspace().add_lwpolyline([(0, 0), (5, 0), (5, 5), (0, 5)], close=True)
    doc.saveas(path)
    problem = read_dxf(path, units="yd").errors[0]
    assert problem.params["case"] == "unknown" and problem.params["unit"] == "yd"
    assert problem.params["choices"] in problem.message


def test_zone_unit_reason_code_and_count():
    floor = PlanFloor("EG", None, tuple(
        PlanUnit(k, k, k, box(x0, 0, x0 + 5, 10), source={"zones": ["Suite 1"]})
        for k, x0 in (("a", 0), ("b", 20), ("c", 5))))
    plan = units_by_zone(ImportedPlan("z.ifc", "ifc", (floor,)))
    unit = plan.to_json()["floors"][0]["units"][0]
    assert unit["reason_code"] == "ifc-zone" and unit["reason"] == "IfcZone of 3 spaces"
    assert unit["reason_params"] == {"count": "3"}
    assert [p.params for p in plan.problems] == [{"zone": "Suite 1", "floor": "EG"}]
