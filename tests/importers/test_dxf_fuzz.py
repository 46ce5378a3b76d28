"""Damaged copies of real and generated DXF files always give a plan, never an exception.

A programming error in the reader is not a damaged file: ``read_dxf`` lets it
through (so the test fails with its traceback), and a plan must never carry
the ``internal-error`` problem that ``read_plan`` would make of it.
"""

from __future__ import annotations

import logging
import random
from pathlib import Path

import pytest

from importers.dxf import read_dxf
from importers.internal import INTERNAL_ERROR
from importers.plan import ImportedPlan
from importers.read import read_plan
from tests.corpus import CORPUS, corpus, needs_corpus  # noqa: F401
from tests.data.make_drawings import ensure

SOURCE = CORPUS / "ezdxf-tests" / "duplicate_handles.dxf"
GENERATED = sorted(ensure())
logging.getLogger("ezdxf").setLevel(logging.CRITICAL)


def _damaged(data: bytes, seed: int) -> bytes:
    rnd = random.Random(seed)
    kind = seed % 3
    if kind == 0:
        return data[: rnd.randrange(0, len(data))]
    if kind == 1:
        out = bytearray(data)
        for _ in range(rnd.randint(1, 40)):
            out[rnd.randrange(len(out))] = rnd.randrange(256)
        return bytes(out)
    return bytes(rnd.randrange(256) for _ in range(rnd.randint(0, 3000)))


def _check(path: Path) -> None:
    result = read_dxf(path)  # a bug in the reader raises here and fails the test
    assert isinstance(result, ImportedPlan)
    assert result.floors or result.errors
    for plan in (result, read_plan(path)):
        assert not [p for p in plan.problems if p.code == INTERNAL_ERROR], plan.problems


@needs_corpus
@pytest.mark.parametrize("seed", range(50))
def test_damaged_copies_never_raise(tmp_path, seed):
    path = tmp_path / f"fuzz{seed}.dxf"
    path.write_bytes(_damaged(SOURCE.read_bytes(), seed))
    _check(path)


@pytest.mark.parametrize("name", GENERATED)
@pytest.mark.parametrize("seed", range(12))
def test_damaged_generated_drawings_never_raise(tmp_path, name, seed):
    path = tmp_path / f"{seed}-{name}"
    path.write_bytes(_damaged((Path(__file__).parents[1] / "data" / name).read_bytes(), seed))
    _check(path)
