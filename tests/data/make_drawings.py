"""Build the small DXF drawings in tests/data: one per way a drawing shows its rooms.

A fresh clone has no shared corpus (``../shared/corpus``); these files still
take every importer path: rooms as closed polylines on a room layer, as
hatches, or as faces of wall linework with door gaps; labels as TEXT, MTEXT
and block ATTRIBs; several floors side by side in title frames. Run
``python tests/data/make_drawings.py`` to write them again (the tests also
build them when missing); each is a few kilobytes and is committed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import ezdxf
from ezdxf.document import Drawing
from ezdxf.layouts import Modelspace

HERE = Path(__file__).resolve().parent
ROOMS = [("101", "办公室", 0, 0, 10, 8), ("102", "会议室", 10, 0, 22, 8),
         ("103", "储藏室", 22, 0, 30, 8)]


def _new() -> tuple[Drawing, Modelspace]:
    doc = ezdxf.new("R2010", units=6)  # metres
    for layer in ("房间", "文字", "墙线", "门线", "图框"):
        doc.layers.add(layer)
    return doc, doc.modelspace()


def _rectangle(x0: float, y0: float, x1: float, y1: float) -> list[tuple[float, float]]:
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def polylines_text(msp: Modelspace, dx: float = 0, number: Callable[[str], str] = str) -> None:
    """Closed polylines on 房间, labelled by TEXT on 文字."""
    for code, name, x0, y0, x1, y1 in ROOMS:
        msp.add_lwpolyline(_rectangle(x0 + dx, y0, x1 + dx, y1), close=True,
                           dxfattribs={"layer": "房间"})
        msp.add_text(f"{number(code)} {name}", height=0.4,
                     dxfattribs={"layer": "文字"}).set_placement(
            ((x0 + x1) / 2 + dx, (y0 + y1) / 2))


def write_polylines_text(path: Path) -> None:
    doc, msp = _new()
    polylines_text(msp)
    doc.saveas(path)


def write_hatches_mtext(path: Path) -> None:
    """Rooms as solid hatches on 房间, labelled by two-line MTEXT."""
    doc, msp = _new()
    for code, name, x0, y0, x1, y1 in ROOMS:
        hatch = msp.add_hatch(color=3, dxfattribs={"layer": "房间"})
        hatch.paths.add_polyline_path(_rectangle(x0, y0, x1, y1), is_closed=True)
        msp.add_mtext(f"{code}\\P{name}", dxfattribs={
            "layer": "文字", "char_height": 0.4, "insert": ((x0 + x1) / 2, (y0 + y1) / 2)})
    doc.saveas(path)


def write_walls_attrib(path: Path) -> None:
    """Rooms only as wall lines with 0.9 m door gaps; labels as a block's ATTRIBs."""
    doc, msp = _new()
    tag = doc.blocks.new("ROOMTAG")
    tag.add_attdef("NO", (0, 0.3), dxfattribs={"height": 0.4, "layer": "文字"})
    tag.add_attdef("NAME", (0, -0.3), dxfattribs={"height": 0.4, "layer": "文字"})
    gap = 0.9
    for x0, x1 in ((0, 10), (10, 22), (22, 30)):
        middle = (x0 + x1) / 2
        for start, end in (((x0, 0), (middle - gap / 2, 0)), ((middle + gap / 2, 0), (x1, 0))):
            msp.add_line(start, end, dxfattribs={"layer": "墙线"})
    msp.add_line((0, 8), (30, 8), dxfattribs={"layer": "墙线"})
    for x in (0, 10, 22, 30):
        msp.add_line((x, 0), (x, 8), dxfattribs={"layer": "墙线"})
    for code, name, x0, y0, x1, y1 in ROOMS:
        ref = msp.add_blockref("ROOMTAG", ((x0 + x1) / 2, (y0 + y1) / 2),
                               dxfattribs={"layer": "文字"})
        ref.add_auto_attribs({"NO": code, "NAME": name})
    doc.saveas(path)


def write_floors_in_frames(path: Path) -> None:
    """Two floors side by side, each in a title frame with its name (一层平面图, 二层平面图)."""
    doc, msp = _new()
    for n, (title, dx) in enumerate((("一层平面图", 0.0), ("二层平面图", 60.0)), start=1):
        polylines_text(msp, dx, lambda code, n=n: f"{n}{code[1:]}")
        msp.add_lwpolyline(_rectangle(dx - 5, -10, dx + 40, 15), close=True,
                           dxfattribs={"layer": "图框"})
        msp.add_text(title, height=1.5, dxfattribs={"layer": "文字"}).set_placement(
            (dx + 10, -8))
    doc.saveas(path)


DRAWINGS: dict[str, Callable[[Path], None]] = {
    "rooms_polylines_text.dxf": write_polylines_text,
    "rooms_hatches_mtext.dxf": write_hatches_mtext,
    "rooms_walls_attrib.dxf": write_walls_attrib,
    "floors_in_frames.dxf": write_floors_in_frames,
}


def ensure(folder: Path = HERE, again: bool = False) -> dict[str, Path]:
    """Every drawing's path, written first when missing (or when ``again``)."""
    paths = {}
    for name, write in DRAWINGS.items():
        path = folder / name
        if again or not path.is_file():
            write(path)
        paths[name] = path
    return paths


if __name__ == "__main__":
    for path in ensure(again="--keep" not in sys.argv).values():
        print(f"wrote {path} ({path.stat().st_size} bytes)")
