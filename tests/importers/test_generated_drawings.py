"""Every DXF room style, from the small drawings in tests/data: no corpus needed.

Rooms as closed polylines, hatches or wall faces with door gaps; labels as
TEXT, MTEXT or block ATTRIBs; two floors in title frames. Each is read and
imported into a real workspace, then re-imported (matched in place).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import tests.corpus
from importers.read import read_plan
from services.importing import apply_plan
from store.workspace import Workspace
from tests.data.make_drawings import DRAWINGS, ensure
from tests.small_park import build_small_workspace

ONE_FLOOR = {
    "rooms_polylines_text.dxf": "outline-labelled",
    "rooms_hatches_mtext.dxf": "outline-labelled",
    "rooms_walls_attrib.dxf": "walls-labelled",
}
AREAS = [Decimal("80.00"), Decimal("96.00"), Decimal("64.00")]


@pytest.fixture(scope="module")
def drawings() -> dict[str, Path]:
    return ensure()


def test_the_committed_drawings_are_the_generators(drawings):
    assert set(drawings) == set(DRAWINGS) == {*ONE_FLOOR, "floors_in_frames.dxf"}


@pytest.mark.parametrize(("name", "reason"), ONE_FLOOR.items())
def test_each_room_style_reads_three_labelled_rooms(drawings, name, reason):
    plan = read_plan(drawings[name])
    assert not plan.errors, plan.errors
    [floor] = plan.floors
    rooms = sorted(floor.units, key=lambda u: u.code)
    assert [(u.code, u.name) for u in rooms] == [("101", "办公室"), ("102", "会议室"),
                                                 ("103", "储藏室")]
    assert [u.area for u in rooms] == AREAS
    assert {u.reason_code for u in rooms} == {reason}


def test_floors_in_title_frames_split_and_import_on_their_levels(drawings, tmp_path):
    plan = read_plan(drawings["floors_in_frames.dxf"])
    assert [f.name for f in plan.floors] == ["一层平面图", "二层平面图"]
    assert [sorted(u.code for u in f.units) for f in plan.floors] == [
        ["101", "102", "103"], ["201", "202", "203"]]
    assert any(p.code == "floors-split" for p in plan.problems)


@pytest.mark.parametrize("name", ONE_FLOOR)
def test_each_style_imports_and_reimports_in_place(drawings, tmp_path, name):
    park = build_small_workspace(tmp_path / "w.leasemap")
    plan = read_plan(drawings[name])
    with Workspace.open(park.path) as ws:
        first = apply_plan(ws, plan, "C", 1)
        assert first.floors[0].added == ["ZD-C-101", "ZD-C-102", "ZD-C-103"]
        again = apply_plan(ws, plan, "C", 1)
        assert again.floors[0].unchanged == ["ZD-C-101", "ZD-C-102", "ZD-C-103"]
        assert again.floors[0].added == [] and again.floors[0].area_changes == []


def test_a_missing_corpus_fails_loudly_unless_declared_optional(monkeypatch, tmp_path):
    monkeypatch.setattr(tests.corpus, "CORPUS", tmp_path / "nowhere")
    monkeypatch.delenv(tests.corpus.OPTIONAL_ENV, raising=False)
    with pytest.raises(pytest.fail.Exception, match="shared corpus is missing"):
        tests.corpus.require()
    monkeypatch.setenv(tests.corpus.OPTIONAL_ENV, "1")
    with pytest.raises(pytest.skip.Exception, match="nowhere"):
        tests.corpus.require()
