"""Damaged copies of a small IFC file always give a plan, never an exception.

A programming error in the reader is not a damaged model: ``read_ifc`` lets it
through (so the test fails with its traceback), and no plan may carry the
``internal-error`` problem ``read_plan`` would make of it.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bench.import_ifc import write_synthetic_ifc
from importers.ifc import read_ifc
from importers.internal import INTERNAL_ERROR
from importers.plan import ImportedPlan
from importers.read import read_plan

CASES = 50


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = write_synthetic_ifc(tmp_path_factory.mktemp("fuzz") / "seed.ifc", 2, 4)
    return path.read_bytes()


def _damaged(data: bytes, case: int) -> bytes:
    rng = random.Random(case)
    kind = case % 3
    if kind == 0:
        return data[: rng.randrange(len(data))]
    if kind == 1:
        buffer = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            buffer[rng.randrange(len(buffer))] = rng.randrange(256)
        return bytes(buffer)
    return rng.randbytes(rng.randint(0, 4096))


@pytest.mark.parametrize("case", range(CASES))
def test_damaged_file_gives_a_plan(tmp_path: Path, original: bytes, case: int) -> None:
    path = tmp_path / f"case{case}.ifc"
    path.write_bytes(_damaged(original, case))
    plan = read_ifc(path)  # a bug in the reader raises here and fails the test
    assert isinstance(plan, ImportedPlan)
    for problem in plan.errors:
        assert path.name in problem.message
    assert INTERNAL_ERROR not in {p.code for p in read_plan(path).problems}


def _edited(original: bytes, tmp_path: Path, old: bytes, new: bytes) -> Path:
    assert old in original
    path = tmp_path / "edited.ifc"
    path.write_bytes(original.replace(old, new, 1))
    return path


def test_property_relation_to_nothing_defines_nothing(tmp_path: Path, original: bytes) -> None:
    # Fuzz case 135: an unset RelatingPropertyDefinition once met `None.Name` in our code.
    start = original.index(b"IFCRELDEFINESBYPROPERTIES(")
    end = original.index(b");", start)
    old = original[start:end]
    path = _edited(original, tmp_path, old, old[: old.rindex(b",")] + b",$")
    plan = read_plan(path)
    assert INTERNAL_ERROR not in {p.code for p in plan.problems}, plan.problems
    assert plan.unit_count() == 8


def test_unit_without_a_name_is_a_damaged_file(tmp_path: Path, original: bytes) -> None:
    # Fuzz case 301: ifcopenshell.util.unit raises AttributeError on a unit with no name.
    path = _edited(original, tmp_path, b".AREAUNIT.,$,.SQUARE_METRE.", b".AREAUNIT.,$,$")
    plan = read_plan(path)
    assert INTERNAL_ERROR not in {p.code for p in plan.problems}, plan.problems
    assert "ifc-damaged" in {p.code for p in plan.errors}


def test_polyline_of_a_unit_assignment_is_not_sent_to_the_kernel(
    tmp_path: Path, original: bytes
) -> None:
    # Fuzz case 829: OpenCASCADE never returned on this polyline; its first point is the
    # project's IfcUnitAssignment, which the profile path now finds damaged.
    start = original.index(b"=IFCPOLYLINE((") + len(b"=IFCPOLYLINE((")
    end = original.index(b",", start)
    unit_assignment = original[: original.index(b"=IFCUNITASSIGNMENT(")].rsplit(b"\n", 1)[-1]
    # (#37,#38,…)) -> (#3),#38,…)): a one-point list, then the other points as attributes
    damaged = original[:start] + unit_assignment + b")" + original[end:]
    path = tmp_path / "polyline.ifc"
    path.write_bytes(damaged)
    plan = read_plan(path)
    assert INTERNAL_ERROR not in {p.code for p in plan.problems}, plan.problems
    assert "ifc-space-no-geometry" in {p.code for p in plan.problems}
    assert plan.unit_count() == 7
