"""Damaged copies of a real DXF always give a plan, never an exception."""

from __future__ import annotations

import logging
import random
from pathlib import Path

import pytest

from importers.dxf import read_dxf
from importers.plan import ImportedPlan

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
SOURCE = CORPUS / "ezdxf-tests" / "duplicate_handles.dxf"
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


@pytest.mark.skipif(not SOURCE.is_file(), reason=f"corpus file {SOURCE} not found")
@pytest.mark.parametrize("seed", range(50))
def test_damaged_copies_never_raise(tmp_path, seed):
    path = tmp_path / f"fuzz{seed}.dxf"
    path.write_bytes(_damaged(SOURCE.read_bytes(), seed))
    result = read_dxf(path)
    assert isinstance(result, ImportedPlan)
    assert result.floors or result.errors
