"""The plan check: the floor's findings listed in words, and a click zooms the plan to one.

The findings are real ones, found by ``spatial.validation.validate_floor`` on
small floors written inline; in the main window the floor is a real workspace
with an overlap planted in the store.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from shapely.geometry import box
from sqlalchemy import select

from spatial.geometry import polygon_to_wkb
from spatial.validation import validate_floor
from store.schema import Unit
from store.workspace import Workspace
from tests.gui import test_edit_tools
from views.validation_panel import ValidationPanel

edit_window = test_edit_tools.edit_window  # the main window on floor C-3's plan


def test_each_kind_of_finding_is_said_with_its_units_and_area(qtbot):
    panel = ValidationPanel()
    qtbot.addWidget(panel)
    polygons = [
        box(0, 0, 10, 8),
        box(9, 0, 20, 8),  # overlaps the first by 8 m²
        box(20.2, 0, 20.6, 8),  # 0.4 m wide: a sliver
        box(28, 0, 34, 8),  # 3.8 m of it beyond the outline
        box(0, 10, 10, 12),
    ]
    stated = [None, None, None, None, Decimal("25.00")]  # drawn 20 m²
    findings = validate_floor(polygons, box(-0.2, -0.2, 30.2, 12.2), stated)
    codes = {f.code for f in findings}
    assert {"overlap", "sliver", "outside", "areas-differ"} <= codes
    panel.show_findings(findings, ["0301", "0302", "0303", "0304", "0305"])
    texts = panel.texts()
    assert len(texts) == len(findings)
    assert panel.count_label.text() == f"Findings on this floor: {len(findings)}"
    said = dict(zip([f.code for f in findings], texts, strict=True))
    assert said["overlap"] == "Overlap: 0301, 0302 share 8.00 m²"
    assert said["sliver"] == "Sliver: 0303 is only 0.40 m wide (at least 0.60 m)"
    assert said["outside"] == "Outside: 0304 lies 30.40 m² outside the floor outline"
    assert said["areas-differ"] == "Area: 0305 is stated as 25.00 m² but drawn as 20.00 m²"
    chosen: list[int] = []
    panel.findingChosen.connect(chosen.append)
    item = panel.list.item(2)
    rect = panel.list.visualItemRect(item)
    panel.show()
    qtbot.waitExposed(panel)
    rect = panel.list.visualItemRect(item)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert chosen == [2]


def test_a_clean_floor_says_so_and_no_floor_says_why(qtbot):
    panel = ValidationPanel()
    qtbot.addWidget(panel)
    panel.show_findings(validate_floor([box(0, 0, 5, 5), box(5.2, 0, 10, 5)], None), ["a", "b"])
    assert panel.texts() == [] and panel.count_label.text() == "No problems found on this floor"
    panel.show_message("Open a floor's plan to check it.")
    assert panel.count_label.text() == "Open a floor's plan to check it."


def test_chinese_texts(qtbot, chinese):
    panel = ValidationPanel()
    qtbot.addWidget(panel)
    findings = validate_floor([box(0, 0, 10, 8), box(9, 0, 20, 8)], None)
    panel.show_findings(findings, ["0301", "0302"])
    assert panel.texts()[0] != "Overlap: 0301, 0302 share 8.00 m²"
    assert "0301" in panel.texts()[0] and "8.00" in panel.texts()[0]


# -- in the main window: a planted overlap, listed, and a click zooms to it ---------------


def test_a_planted_overlap_is_listed_and_a_click_zooms_the_plan_to_it(qtbot, edit_window):
    win, view, ids = edit_window
    workspace = Workspace.open(win.controller.path)
    try:
        with workspace.transaction() as s:
            unit = s.scalars(select(Unit).where(Unit.id == ids["302"])).one()
            unit.geometry = polygon_to_wkb(box(9.0, 0, 20, 8))  # 1 m into 301
    finally:
        workspace.close()
    win.controller.reload()  # as an outside write is noticed
    flow = win.edit_flow
    panel = flow.validation
    assert flow.dock.isVisible() or flow.dock.toggleViewAction() is not None
    overlaps = [i for i, f in enumerate(flow.findings) if f.code == "overlap"]
    assert len(overlaps) == 1
    text = panel.texts()[overlaps[0]]
    assert "8.00 m²" in text and "301" in text and "302" in text
    item = panel.list.item(overlaps[0])
    panel.list.scrollToItem(item)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.list.visualItemRect(item).center())
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    overlap = box(9.0, 0, 10, 8)
    minx, miny, maxx, maxy = overlap.bounds
    assert seen.left() <= minx and seen.right() >= maxx
    assert seen.top() <= -maxy and seen.bottom() >= -miny
    floor = view.scene().itemsBoundingRect()
    assert seen.width() < floor.width() and seen.height() * seen.width() < (
        floor.width() * floor.height())
    assert set(view.selected_units()) == {ids["301"], ids["302"]}
    marked = view._highlight.path().boundingRect()  # the overlap itself is marked
    assert view._highlight.isVisible()
    assert (marked.left(), marked.top(), marked.width(), marked.height()) == (9.0, -8.0, 1.0, 8.0)


def test_a_big_floor_is_checked_in_the_pool_and_the_latest_check_wins(qtbot, edit_window):
    win, _view, ids = edit_window
    flow = win.edit_flow
    flow.inline_units = 0  # every floor is "big": checked in the pool
    workspace = Workspace.open(win.controller.path)
    try:
        with workspace.transaction() as s:
            unit = s.scalars(select(Unit).where(Unit.id == ids["302"])).one()
            unit.geometry = polygon_to_wkb(box(9.0, 0, 20, 8))
    finally:
        workspace.close()
    flow.validate()
    flow.validate()  # asked again before the first returned: only the last is shown
    assert flow.findings == [] or all(f.code != "overlap" for f in flow.findings)
    qtbot.waitUntil(lambda: any(f.code == "overlap" for f in flow.findings))
    qtbot.waitUntil(lambda: not win.tasks.busy())
    assert [f.code for f in flow.findings].count("overlap") == 1
    assert any(text.startswith("Overlap: 301, 302") for text in flow.validation.texts())
