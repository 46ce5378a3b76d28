"""Floor-plan labels stay inside their unit: anchored at its pole, shrunk, shortened or hidden.

The rectangle checked is the one Qt paints (the label's bounding box through
its device transform), compared with the unit's outline by shapely.
"""

from __future__ import annotations

import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPageSize, QPainter, QPdfWriter, QPolygonF
from shapely.geometry import Point, Polygon, box
from shapely.geometry.base import BaseGeometry

from tests.corpus import CORPUS, corpus, needs_corpus  # noqa: F401  (the fixture)
from tests.gui.helpers import open_window, shown
from views.floor_plan import FloorPlanView, MapShape
from views.map_canvas import MapStyle

# A floor 40 m × 20 m: an L-shaped corridor, offices along it, narrow closets, a tiny shaft.
CORRIDOR = Polygon([(0, 0), (40, 0), (40, 3), (3, 3), (3, 20), (0, 20)])
ROOMS: dict[str, BaseGeometry] = {
    "ZD-F-CORRIDOR": CORRIDOR,
    "ZD-F-101": box(3, 3, 15, 20),
    "ZD-F-102": box(15, 3, 27, 20),
    "ZD-F-103": box(27, 3, 34, 20),
    "ZD-F-104": box(34, 3, 35.2, 20),  # a closet 1.2 m wide
    "ZD-F-105": box(35.2, 3, 36.4, 20),
    "ZD-F-106": box(36.4, 3, 40, 19.2),
    "ZD-F-SHAFT": box(36.4, 19.2, 37.2, 20),  # 0.8 m square
}
TENANTS = {"ZD-F-101": "上海云帆智能科技", "ZD-F-102": "华为", "ZD-F-CORRIDOR": "公共走廊"}


def floor_view(qtbot, width: int = 900, height: int = 600) -> FloorPlanView:
    view = shown(qtbot, FloorPlanView(), width, height)
    view.show_floor([MapShape(uuid.uuid5(uuid.NAMESPACE_DNS, code), polygon)
                     for code, polygon in ROOMS.items()])
    codes = list(ROOMS)
    view.apply_style(MapStyle(
        ["#c7e9b4"] * len(codes),
        labels=lambda i: "\n".join(filter(None, (codes[i], TENANTS.get(codes[i], "")))),
        short_labels=lambda i: codes[i].rsplit("-", 1)[-1]))
    return view


def painted_rect(view: FloorPlanView, i: int) -> BaseGeometry:
    """Label ``i``'s painted rectangle in metres (y up), as Qt maps it to the viewport."""
    label = view._labels[i]
    assert label is not None
    on_screen = label.deviceTransform(view.viewportTransform()).map(
        QPolygonF(label.boundingRect()))
    scene = view.viewportTransform().inverted()[0].map(on_screen)
    xs = [p.x() for p in scene]
    ys = [-p.y() for p in scene]
    return box(min(xs), min(ys), max(xs), max(ys))


def visible(view: FloorPlanView) -> list[int]:
    return [i for i, label in enumerate(view._labels) if label is not None and label.isVisible()]


def assert_labels_inside(view: FloorPlanView, outlines: list[BaseGeometry]) -> None:
    for i in visible(view):
        rect = painted_rect(view, i)
        assert outlines[i].buffer(1e-6).covers(rect), (i, view._labels[i].text(), rect.bounds)


def test_every_label_lies_inside_its_unit_at_every_zoom(qtbot):
    view = floor_view(qtbot)
    outlines = list(ROOMS.values())
    codes = list(ROOMS)
    corridor, shaft = codes.index("ZD-F-CORRIDOR"), codes.index("ZD-F-SHAFT")
    assert_labels_inside(view, outlines)
    assert corridor in visible(view)  # the corridor is labelled, inside it
    assert view._labels[corridor].text() == "ZD-F-CORRIDOR\n公共走廊"
    assert shaft not in visible(view)  # too small for any label: hidden
    assert not CORRIDOR.contains(CORRIDOR.centroid)  # where a centroid label would have gone
    for factor in [0.85] * 8 + [1.25] * 14:
        view.zoom(factor)
        assert_labels_inside(view, outlines)
        assert shaft not in visible(view) or view._scale() > 60


def test_narrow_rooms_shrink_shorten_then_hide(qtbot):
    view = floor_view(qtbot)
    codes = list(ROOMS)
    closet, office = codes.index("ZD-F-104"), codes.index("ZD-F-103")
    assert view._labels[closet].text() == "104"  # 1.2 m wide: its code's local part only
    texts: set[str] = set()
    sizes: set[float] = set()
    hidden_at: dict[int, int] = {}
    step = 0
    while view.visible_label_count():
        view.zoom(0.9)
        step += 1
        for i in (closet, office):
            label = view._labels[i]
            if label is not None and label.isVisible():
                if i == office:
                    texts.add(label.text())
                    sizes.add(label.scale())
            else:
                hidden_at.setdefault(i, step)
        assert_labels_inside(view, list(ROOMS.values()))
    assert {"ZD-F-103", "103"} <= texts  # the code, then its local part
    assert 1.0 in sizes and min(sizes) < 1.0
    assert hidden_at[closet] < hidden_at[office]  # the narrow one goes first


def test_panning_labels_the_units_brought_into_view(qtbot):
    view = floor_view(qtbot, 400, 300)
    codes = list(ROOMS)
    left, right = codes.index("ZD-F-101"), codes.index("ZD-F-106")
    view.zoom(4)
    view.centerOn(9, -12)
    qtbot.waitUntil(lambda: view._labels[left] is not None and view._labels[left].isVisible())
    assert view._labels[right] is None or not view._labels[right].isVisible()  # out of sight
    view.centerOn(38, -12)
    qtbot.waitUntil(lambda: view._labels[right] is not None and view._labels[right].isVisible())
    assert not view._labels[left].isVisible()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is installed by "
                    "make test")
def test_paper_labels_every_unit_not_only_the_ones_on_screen(qtbot, tmp_path):
    view = floor_view(qtbot, 400, 300)
    view.zoom(4)
    view.centerOn(9, -12)  # only the west end on screen
    pdf = tmp_path / "floor.pdf"
    writer = QPdfWriter(str(pdf))
    writer.setResolution(300)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    view.render_to(painter, QRectF(0, 0, writer.width(), writer.height()))
    painter.end()
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    for code in ("ZD-F-101", "ZD-F-102", "ZD-F-CORRIDOR", "华为"):
        assert code in text
    assert "ZD-F-SHAFT" not in text and "SHAFT" not in text  # too small on paper too
    assert view._labels[codes_index("ZD-F-101")].isVisible()  # the screen's labels are back
    assert not view._labels[codes_index("ZD-F-102")].isVisible()


def codes_index(code: str) -> int:
    return list(ROOMS).index(code)


@needs_corpus
def test_an_imported_floors_labels_stay_in_their_rooms(qtbot, settings, small_park):
    """daoshi floor 1 as building G: ZD-G-108 (值班室) and the corridor keep their labels in."""
    from services.importing import apply_plan, read
    from store.workspace import Workspace

    workspace = Workspace.open(small_park.path)
    try:
        apply_plan(workspace, read(CORPUS / "daoshi" / "floor1.dxf"), "G", 1,
                   confirmed=True)
    finally:
        workspace.close()
    win = open_window(qtbot, settings, Path(small_park.path), (1400, 900))
    try:
        maps = win.show_map()
        park = win.controller.tree[0]
        building = next(b for b in park.buildings if b.code == "G")
        win.tree.select("floor", building.floors[0].id)
        win.controller.set_scope("floor", building.floors[0].id)
        view = win.map_panel.floor_plan
        assert win.map_panel.current_view() is view
        qtbot.waitUntil(lambda: view.isVisible() and view.width() > 300)
        codes = [u.code for u in maps.units]
        outlines = [s.polygon for s in view._shapes]
        room = codes.index("ZD-G-108")
        corridor = max(range(len(codes)), key=lambda i: outlines[i].area
                       if maps.units[i].name == "走廊" else -1)
        view.fit()
        assert_labels_inside(view, outlines)
        # The corridor's label used to sit over two other rooms: now it is in the corridor.
        assert corridor in visible(view)
        x0, y0, x1, y1 = painted_rect(view, corridor).bounds
        assert outlines[corridor].contains(Point((x0 + x1) / 2, (y0 + y1) / 2))
        view.select_unit(maps.units[room].id, centre=True)  # zoomed onto 值班室
        assert view._labels[room].isVisible() and view._labels[room].text() == "ZD-G-108"
        assert_labels_inside(view, outlines)
        texts = set()
        while room in visible(view):  # out again: shrinks and shortens inside, then hides
            texts.add(view._labels[room].text())
            assert_labels_inside(view, outlines)
            view.zoom(0.9)
        assert "ZD-G-108" in texts and texts <= {"ZD-G-108", "108"}
    finally:
        win.close()
