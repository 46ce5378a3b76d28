"""Units of drawings, and picking an importer by what a file holds."""

from __future__ import annotations

import pytest

from importers.read import read_plan, sniff
from importers.units import insunits, judge_scale


def test_insunits_table():
    assert insunits(4) == ("mm", 0.001)
    assert insunits(6) == ("m", 1.0)
    assert insunits(0) is None and insunits(None) is None and insunits(99) is None


@pytest.mark.parametrize(
    ("header", "extent", "plausible", "proposed"),
    [
        (("mm", 0.001), 60000.0, True, ""),  # a 60 m floor drawn in mm
        (("m", 1.0), 60.0, True, ""),
        (("in", 0.0254), 116.0, False, "m"),  # Barcelona: says inches, drawn in metres
        (None, 4500.0, False, "cm"),  # no header, 45 m in cm
        (("mm", 0.001), 3508.0, False, "cm"),  # pixels-like drawing that says mm
    ],
)
def test_judge_scale(header, extent, plausible, proposed):
    guess = judge_scale(header, extent)
    assert guess.plausible is plausible
    assert guess.proposed == proposed


def test_sniff_by_content(tmp_path):
    ifc = tmp_path / "a.dat"
    ifc.write_bytes(b"ISO-10303-21;\nHEADER;\n")
    dxf = tmp_path / "b.txt"
    dxf.write_text("  0\nSECTION\n  2\nHEADER\n", encoding="ascii")
    binary = tmp_path / "c.bin"
    binary.write_bytes(b"AutoCAD Binary DXF\r\n\x1a\x00")
    other = tmp_path / "d.dxf"
    other.write_bytes(b"\x89PNG\r\n")
    assert [sniff(p) for p in (ifc, dxf, binary)] == ["ifc", "dxf", "dxf"]
    assert sniff(other) == ""


def test_neither_format_is_a_clear_error(tmp_path):
    notes = tmp_path / "notes.pdf"
    notes.write_bytes(b"%PDF-1.7\n")
    plan = read_plan(notes)
    assert not plan.ok
    assert plan.errors[0].code == "unknown-format"
    assert "is not a DXF, DWG or IFC file" in plan.errors[0].message
    missing = read_plan(tmp_path / "nowhere.dxf")
    assert missing.errors[0].code == "no-file"
