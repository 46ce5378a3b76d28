"""Damaged drawings never crash an import and never half-write the workspace.

A damaged file is refused with a reason; a bug in a reader (an
``internal-error`` problem) fails the test instead of passing as a refusal.
"""

from __future__ import annotations

import random

import ezdxf
import pytest
from sqlalchemy import func, select

from importers.internal import INTERNAL_ERROR
from importers.read import read_plan
from store.plan_import import PlanImportError, import_plan
from store.schema import Outbox
from store.workspace import Workspace
from tests.small_park import build_small_workspace


@pytest.fixture(scope="module")
def good_dxf(tmp_path_factory):
    path = tmp_path_factory.mktemp("dxf") / "floor.dxf"
    doc = ezdxf.new("R2013", units=6)
    msp = doc.modelspace()
    for i in range(4):
        x = i * 8.0
        msp.add_lwpolyline(
            [(x, 0), (x + 8, 0), (x + 8, 6), (x, 6)], close=True, dxfattribs={"layer": "房间"}
        )
        msp.add_text(f"{101 + i} 办公室", dxfattribs={"layer": "文字"}).set_placement((x + 4, 3))
    doc.saveas(path)
    return path.read_bytes()


def damaged(data: bytes, rng: random.Random) -> bytes:
    kind = rng.choice(("truncate", "flip", "random", "shuffle-lines"))
    if kind == "truncate":
        return data[: rng.randrange(0, len(data))]
    if kind == "flip":
        raw = bytearray(data)
        for _ in range(rng.randint(1, 40)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        return bytes(raw)
    if kind == "random":
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 4000)))
    lines = data.split(b"\n")
    start = rng.randrange(len(lines))
    lines[start : start + 40] = reversed(lines[start : start + 40])
    return b"\n".join(lines)


def outbox_count(ws: Workspace) -> int:
    with ws.reading() as s:
        return s.scalar(select(func.count()).select_from(Outbox))


@pytest.mark.parametrize("seed", range(40))
def test_damaged_drawing_imports_whole_or_not_at_all(tmp_path, good_dxf, seed):
    rng = random.Random(seed)
    path = tmp_path / "damaged.dxf"
    path.write_bytes(damaged(good_dxf, rng))
    plan = read_plan(path)  # never raises
    assert INTERNAL_ERROR not in {p.code for p in plan.problems}, plan.problems
    park = build_small_workspace(tmp_path / "w.leasemap")
    with Workspace.open(park.path) as ws:
        before = outbox_count(ws)
        try:
            with ws.transaction() as s:
                changes = import_plan(s, plan, "C", level=1)
        except PlanImportError:
            assert outbox_count(ws) == before  # nothing written
        else:
            added = sum(len(f.added) for f in changes.floors)
            assert added == plan.unit_count() > 0
            assert outbox_count(ws) > before
