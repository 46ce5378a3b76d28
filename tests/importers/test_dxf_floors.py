"""Several floors in one DXF (layouts, frames, clusters) and title-block text that is no label."""

from __future__ import annotations

import logging

import ezdxf
import pytest

from importers.dxf import read_dxf
from importers.dxf_labels import is_title_text

# A missing corpus fails these tests unless LEASEMAP_CORPUS_OPTIONAL=1 (tests/corpus.py).
from tests.corpus import CORPUS, corpus, needs_corpus  # noqa: F401

logging.getLogger("ezdxf").setLevel(logging.ERROR)


def _new() -> ezdxf.document.Drawing:
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 6
    return doc


def _storey(msp, x0: float, tag: str, title: str | None, frame: bool = False) -> None:
    """Three labelled 5 × 6 m rooms in a row from ``x0``, a title text under them."""
    for i in range(3):
        x = x0 + 5 * i
        msp.add_lwpolyline([(x, 0), (x + 5, 0), (x + 5, 6), (x, 6)], close=True,
                           dxfattribs={"layer": "rooms"})
        msp.add_text(f"{tag}0{i + 1} Office", dxfattribs={"layer": "text",
                                                         "insert": (x + 1, 3)})
    if title:
        msp.add_text(title, dxfattribs={"layer": "text", "insert": (x0 + 3, -3)})
    if frame:
        msp.add_lwpolyline([(x0 - 3, -6), (x0 + 18, -6), (x0 + 18, 9), (x0 - 3, 9)],
                           close=True, dxfattribs={"layer": "TK"})


def test_two_floors_side_by_side_named_from_titles(tmp_path):
    doc = _new()
    msp = doc.modelspace()
    _storey(msp, 0, "1", "一层平面图")
    _storey(msp, 65, "2", "二层平面图")
    msp.add_line((-2, -1), (85, -1), dxfattribs={"layer": "wall"})
    path = tmp_path / "two.dxf"
    doc.saveas(path)
    result = read_dxf(path)
    assert [f.name for f in result.floors] == ["一层平面图", "二层平面图"]
    assert [len(f.units) for f in result.floors] == [3, 3]
    assert {u.code for u in result.floors[1].units} == {"201", "202", "203"}
    scope = doc.header["$FINGERPRINTGUID"]
    assert all(u.key == f"{scope}:{u.source['handle']}" for f in result.floors for u in f.units)
    note = [p for p in result.problems if p.code == "floors-split"]
    assert note and "clusters" in note[0].message
    first = result.floors[0].background
    assert first is not None and first.bounds[2] < 65


def test_untitled_clusters_numbered_left_to_right(tmp_path):
    doc = _new()
    msp = doc.modelspace()
    _storey(msp, 70, "2", None)
    _storey(msp, 0, "1", None)
    path = tmp_path / "untitled.dxf"
    doc.saveas(path)
    floors = read_dxf(path).floors
    assert [f.name for f in floors] == ["floor 1", "floor 2"]
    assert floors[0].units[0].code.startswith("1")


def test_title_frames_split_floors(tmp_path):
    doc = _new()
    msp = doc.modelspace()
    _storey(msp, 0, "1", "Erdgeschoss", frame=True)
    _storey(msp, 25, "2", "1. Obergeschoss", frame=True)
    path = tmp_path / "frames.dxf"
    doc.saveas(path)
    result = read_dxf(path)
    assert [f.name for f in result.floors] == ["Erdgeschoss", "1. Obergeschoss"]
    assert all(f.key.startswith("frame:") for f in result.floors)
    assert "title frames" in next(p.message for p in result.problems if p.code == "floors-split")


def test_compact_floor_stays_one(tmp_path):
    doc = _new()
    msp = doc.modelspace()
    _storey(msp, 0, "1", "一层平面图")
    _storey(msp, 16, "2", None)
    path = tmp_path / "one.dxf"
    doc.saveas(path)
    result = read_dxf(path)
    assert len(result.floors) == 1 and len(result.floors[0].units) == 6
    assert not any(p.code == "floors-split" for p in result.problems)


def test_paper_space_layouts_split_floors(tmp_path):
    doc = _new()
    msp = doc.modelspace()
    _storey(msp, 0, "1", None)
    _storey(msp, 20, "2", None)  # too close to split as clusters: only the layouts say so
    for name, cx in (("EG", 7.5), ("OG", 27.5)):
        layout = doc.layouts.new(name)
        layout.add_viewport(center=(150, 100), size=(250, 150), view_center_point=(cx, 3),
                            view_height=12)
    path = tmp_path / "layouts.dxf"
    doc.saveas(path)
    result = read_dxf(path)
    assert [f.name for f in result.floors] == ["EG", "OG"]
    assert [len(f.units) for f in result.floors] == [3, 3]
    assert [f.key for f in result.floors] == ["layout:EG", "layout:OG"]


def test_title_block_text_is_no_label(tmp_path):
    doc = _new()
    msp = doc.modelspace()
    for s, e in [((0, 0), (10, 0)), ((10, 0), (10, 8)), ((10, 8), (0, 8)), ((0, 8), (0, 0)),
                 # a title block next to the plan, drawn on the wall layer with its table
                 ((14, 0), (24, 0)), ((24, 0), (24, 4)), ((24, 4), (14, 4)), ((14, 4), (14, 0)),
                 ((14, 2), (24, 2))]:
        msp.add_line(s, e, dxfattribs={"layer": "wall"})
    msp.add_text("101 Office", dxfattribs={"layer": "text", "insert": (4, 4)})
    msp.add_text("比例 1:100", dxfattribs={"layer": "text", "insert": (15, 3)})
    msp.add_text("设计", dxfattribs={"layer": "text", "insert": (15, 1)})
    msp.add_text("Legend", dxfattribs={"layer": "图例", "insert": (30, 1)})
    path = tmp_path / "titleblock.dxf"
    doc.saveas(path)
    units = read_dxf(path).floors[0].units
    office = [u for u in units if u.code == "101"]
    assert len(office) == 1 and office[0].name == "Office"
    others = [u for u in units if u is not office[0]]
    assert all(not u.name and "label" not in u.source for u in others)
    assert not any("比例" in u.name or "设计" in u.name or u.code == "1:100" for u in units)


@pytest.mark.parametrize(("text", "title"), [("比例 1:100", True), ("设计", True),
                                             ("Scale 1:50", True), ("设计室", False),
                                             ("101 办公室 45.00m²", False), ("Fællesrum", False)])
def test_title_text_words(text, title):
    assert is_title_text(text) is title


@needs_corpus
def test_daoshi_floor1_stays_one_floor():
    result = read_dxf(CORPUS / "daoshi/floor1.dxf")
    assert len(result.floors) == 1
    assert len(result.floors[0].units) >= 39
    assert not any(p.code == "floors-split" for p in result.problems)
