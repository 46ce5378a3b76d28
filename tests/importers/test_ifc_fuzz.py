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
