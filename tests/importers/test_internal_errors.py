"""A bug in a reader's per-entity code is reported as our bug, never as a damaged drawing.

Issue 8: the per-entity and per-footprint guards once caught ``AttributeError``
and ``TypeError`` from our own helpers and called the entity damaged, so the
fuzz tests could not see the bug. A helper patched to raise ``AttributeError``
stands in for such a bug; the same error raised by the library itself on
damaged data must still be the drawing's problem.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ezdxf import path as ezpath

from bench.import_ifc import write_synthetic_ifc
from importers import dxf_read
from importers import ifc_geometry as geom
from importers.internal import INTERNAL_ERROR
from importers.plan import ImportedPlan
from importers.read import read_plan
from tests.data.make_drawings import ensure

DRAWINGS = ensure()


def _bug(*args: object, **kwargs: object) -> None:
    raise AttributeError("'NoneType' object has no attribute 'x' (a simulated bug)")


def _codes(plan: ImportedPlan) -> set[str]:
    return {p.code for p in plan.problems}


@pytest.mark.parametrize(
    ("helper", "drawing"),
    [
        ("_hatch", "rooms_hatches_mtext.dxf"),
        ("_text", "rooms_polylines_text.dxf"),
        ("_insert", "rooms_walls_attrib.dxf"),
    ],
)
def test_dxf_entity_bug_is_an_internal_error(
    monkeypatch: pytest.MonkeyPatch, helper: str, drawing: str
) -> None:
    monkeypatch.setattr(dxf_read, helper, _bug)
    plan = read_plan(DRAWINGS[drawing])
    assert INTERNAL_ERROR in _codes(plan), plan.problems
    assert "bad-entity" not in _codes(plan)
    assert "simulated bug" in plan.errors[0].message


def test_dxf_library_error_on_a_damaged_entity_stays_the_drawings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def damaged_hatch(*args: object, **kwargs: object) -> None:
        raise AttributeError("a boundary path without its edges (simulated damage)")

    monkeypatch.setattr(ezpath, "from_hatch", damaged_hatch)
    plan = read_plan(DRAWINGS["rooms_hatches_mtext.dxf"])
    assert INTERNAL_ERROR not in _codes(plan)
    assert "bad-entity" in _codes(plan)


@pytest.fixture(scope="module")
def ifc_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_synthetic_ifc(tmp_path_factory.mktemp("ifc") / "two.ifc", 1, 2)


@pytest.mark.parametrize("helper", ["profile_footprint", "profile_rings", "curve_points"])
def test_ifc_geometry_bug_is_an_internal_error(
    monkeypatch: pytest.MonkeyPatch, ifc_file: Path, helper: str
) -> None:
    monkeypatch.setattr(geom, helper, _bug)
    plan = read_plan(ifc_file)
    assert INTERNAL_ERROR in _codes(plan), plan.problems
    assert "ifc-space-no-geometry" not in _codes(plan)


def _edited(path: Path, tmp_path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="ascii")
    assert old in text
    out = tmp_path / "damaged.ifc"
    out.write_text(text.replace(old, new, 1), encoding="ascii")
    return out


def test_ifc_value_of_the_wrong_type_is_the_files_problem(ifc_file: Path, tmp_path: Path) -> None:
    # ifcopenshell hands a storey's name back as the direction it points at
    damaged = _edited(ifc_file, tmp_path, "'Level 0'", "#5")
    plan = read_plan(damaged)
    assert INTERNAL_ERROR not in _codes(plan), plan.problems
    assert "ifc-damaged" in _codes(plan)


def test_ifc_damaged_profile_loses_one_room(ifc_file: Path, tmp_path: Path) -> None:
    damaged = _edited(ifc_file, tmp_path, "#25,5000.0,4000.0)", "#25,(1.,2.),4000.0)")
    plan = read_plan(damaged)
    assert INTERNAL_ERROR not in _codes(plan), plan.problems
    assert plan.unit_count() == 1
    assert "ifc-space-no-geometry" in _codes(plan)
