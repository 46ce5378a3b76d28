"""Damaged copies of real and generated DXF files always give a plan, never an exception.

A programming error in the reader is not a damaged file: ``read_dxf`` lets it
through (so the test fails with its traceback), and a plan must never carry
the ``internal-error`` problem that ``read_plan`` would make of it.
"""

from __future__ import annotations

import io
import logging
import random
from pathlib import Path

import ezdxf
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


def _small_drawing() -> ezdxf.document.Drawing:
    doc = ezdxf.new("R2010", units=6)
    for i in range(4):
        doc.modelspace().add_lwpolyline(
            [(i * 8, 0), (i * 8 + 8, 0), (i * 8 + 8, 6), (i * 8, 6)], close=True,
            dxfattribs={"layer": "rooms"})
    return doc


def test_cut_binary_dxf_is_unreadable_not_a_crash(tmp_path):
    # ezdxf's binary tag loader raises struct.error on a cut file: read_dxf once let it out
    whole = tmp_path / "whole.dxf"
    _small_drawing().saveas(whole, fmt="bin")
    path = tmp_path / "cut.dxf"
    path.write_bytes(whole.read_bytes()[:-334])
    _check(path)
    assert "unreadable" in {p.code for p in read_dxf(path).errors}


def test_entity_of_unknown_type_is_skipped_not_a_bug(tmp_path):
    # A damaged type name ("LINE" -> "FRC") gives an entity without a layer attribute:
    # ezdxf's DXFAttributeError is the drawing's damage, once reported as a bug of ours.
    doc = _small_drawing()
    doc.modelspace().add_line((0, 0), (32, 0), dxfattribs={"layer": "walls"})
    text = io.StringIO()
    doc.write(text)
    path = tmp_path / "frc.dxf"
    path.write_text(text.getvalue().replace("\nLINE\n", "\nFRC\n", 1), encoding="utf-8")
    _check(path)
    plan = read_dxf(path)
    assert "bad-entity" in {p.code for p in plan.problems}
    assert plan.unit_count() == 4
