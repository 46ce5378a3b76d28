"""A person can overrule the drawing's unit when its header is missing or wrong."""

from __future__ import annotations

from decimal import Decimal

import ezdxf

from importers.dxf import read_dxf


def drawing(path, insunits: int):
    doc = ezdxf.new("R2013", units=insunits)
    msp = doc.modelspace()
    msp.add_lwpolyline(
        [(0, 0), (10, 0), (10, 8), (0, 8)], close=True, dxfattribs={"layer": "rooms"}
    )
    msp.add_lwpolyline(
        [(10, 0), (25, 0), (25, 8), (10, 8)], close=True, dxfattribs={"layer": "rooms"}
    )
    msp.add_text("101 Office", dxfattribs={"layer": "labels"}).set_placement((5, 4))
    doc.saveas(path)
    return path


def test_header_says_inches_but_the_person_says_metres(tmp_path):
    path = drawing(tmp_path / "a.dxf", insunits=1)  # inches: a 25-inch floor is implausible
    guessed = read_dxf(path)
    assert any(p.code == "units" for p in guessed.warnings)
    chosen = read_dxf(path, units="m")
    assert chosen.units_of_drawing == "m" and chosen.scale_to_metres == 1.0
    assert not [p for p in chosen.warnings if p.code == "units"]
    assert [p.message for p in chosen.problems if p.code == "units"] == [
        "drawing units set to m by hand"
    ]
    areas = sorted(u.area for u in chosen.floors[0].units)
    assert areas == [Decimal("80.00"), Decimal("120.00")]


def test_unknown_unit_is_refused_with_the_choices(tmp_path):
    plan = read_dxf(drawing(tmp_path / "b.dxf", insunits=6), units="furlong")
    assert not plan.ok and "furlong" in plan.errors[0].message and "mm" in plan.errors[0].message
