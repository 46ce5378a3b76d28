"""Classify rooms again, from the Space menu, on a real workspace: the rehearsal's tables, the
room under contract listed and not changed, Apply writing the store as one undo step."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from domain.space_use import SpaceUse
from store.schema import Unit
from store.workspace import Workspace
from tests.gui.helpers import open_window
from tests.space_floor import TODAY, SpaceFloor, build_space_floor


@pytest.fixture
def floor(tmp_path: Path) -> SpaceFloor:
    """The space floor as an old import left it: a corridor and a stair stored as offices.

    0304 is named 走廊 (a corridor) but for rent; 0301, let under HT-1, is named 楼梯间 (a
    stair); 0303 is named 卫生间 (a toilet) but a person set it for rent by hand; the
    corridor 03C1 is named 走廊 and common already.
    """
    made = build_space_floor(tmp_path / "old.leasemap")
    workspace = Workspace.open(made.path)
    try:
        with workspace.transaction() as s:
            s.get(Unit, made.office(4)).name = "走廊"
            s.get(Unit, made.office(1)).name = "楼梯间"
            toilet = s.get(Unit, made.office(3))
            toilet.name, toilet.use_reason = "卫生间", "manual"
            s.get(Unit, made.units["ZD-A-03C1"]).name = "走廊"
    finally:
        workspace.close()
    return made


@pytest.fixture
def win(qtbot, settings, floor):
    window = open_window(qtbot, settings, floor.path)
    window.date_edit.setDate(TODAY)
    yield window
    window.close()


def stored_use(path: Path, unit_id) -> SpaceUse:
    workspace = Workspace.open(path)
    try:
        with workspace.reading() as s:
            return s.get(Unit, unit_id).space_use
    finally:
        workspace.close()


def cells(model, row: int) -> list[str]:
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def rehearsed(win, floor, qtbot):
    win.tree.select("building", floor.building_id)
    win.space_menu.classify_action.trigger()
    dialog = win.space_menu.classify_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.plan is not None)
    return dialog


def test_the_rehearsal_lists_what_would_change(win, floor, qtbot):
    dialog = rehearsed(win, floor, qtbot)
    assert dialog.windowTitle() == "Classify rooms again"
    assert dialog.isModal()  # what it shows is not changed under it
    assert "Building A栋" in dialog.heading.text()
    assert [dialog.floor_combo.itemText(i) for i in range(dialog.floor_combo.count())] == [
        "All floors", "3F"]
    changes = dialog.changes_model
    assert [model_row for model_row in (cells(changes, r) for r in range(changes.rowCount()))
            ] == [
        ["ZD-A-0301", "楼梯间", "3F", "for rent", "common (floor)", "the word “楼梯间”",
         "not changed: under contract HT-1, needs an amendment"],
        ["ZD-A-0304", "走廊", "3F", "for rent", "common (floor)", "the word “走廊”", ""],
    ]
    assert dialog.tabs.tabText(0) == "Uses that change (2)"
    # 0304's 80 m² join the common pool: the three other offices carry more of it
    areas = dialog.areas_model
    moved = {cells(areas, r)[0]: cells(areas, r)[1:] for r in range(areas.rowCount())}
    assert dialog.tabs.tabText(1) == f"Areas that move ({len(moved)})"
    assert moved["ZD-A-0304"] == ["75.80 → 0.00", "155.80 → 0.00", "155.80 → 0.00"]
    assert moved["ZD-A-0302"][0] == "75.80 → 127.73"
    assert dialog.status.text() == (
        "1 room would change use. 1 room under contract is listed but not changed.")
    assert "Kept as a person set them: ZD-A-0303" in dialog.notes.text()
    assert "nothing in the name decides" in dialog.notes.text()  # 0302 is only its code
    assert dialog.apply_button.isEnabled()
    assert stored_use(floor.path, floor.office(4)) is SpaceUse.LEASABLE  # nothing written


def test_apply_changes_the_store_and_the_window_shows_it(win, floor, qtbot):
    dialog = rehearsed(win, floor, qtbot)
    corridor, stair = floor.office(4), floor.office(1)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.space_menu.classify_dialog is None)  # closed once written
    assert stored_use(floor.path, corridor) is SpaceUse.COMMON
    assert stored_use(floor.path, stair) is SpaceUse.LEASABLE  # under contract: not changed
    assert win.controller.row(corridor).use is SpaceUse.COMMON
    assert win.controller.row(corridor).leasable_area == 0
    assert str(win.controller.row(floor.office(2)).common_share) == "127.73"
    assert win.statusBar().currentMessage() == "A栋: 1 room changed use"
    # one undo step for the whole classification; undo puts the store back exactly
    assert win.undo_stack.count() == 1
    assert win.undo_action.text() == "&Undo Classify the rooms of A栋"
    win.undo_action.trigger()
    assert stored_use(floor.path, corridor) is SpaceUse.LEASABLE
    assert win.controller.row(corridor).use is SpaceUse.LEASABLE
    assert str(win.controller.row(floor.office(2)).common_share) == "75.80"
    win.redo_action.trigger()
    assert stored_use(floor.path, corridor) is SpaceUse.COMMON

    # classified: only the room under contract is left, and it cannot be applied
    again = rehearsed(win, floor, qtbot)
    assert again.changes_model.rowCount() == 1
    assert cells(again.changes_model, 0)[0] == "ZD-A-0301"
    assert again.changes_applied() == 0 and not again.apply_button.isEnabled()
    qtbot.mouseClick(again.cancel_button, Qt.MouseButton.LeftButton)
    assert win.space_menu.classify_dialog is None


def test_one_floor_can_be_chosen(win, floor, qtbot):
    win.tree.select("floor", floor.floor_id)
    dialog = win.space_menu.classify()
    assert dialog.level() == 3 and dialog.floor_combo.currentText() == "3F"
    qtbot.waitUntil(lambda: dialog.plan is not None)
    assert list(dialog.plan["levels"]) == [3]
    dialog.choose_level(None)
    assert dialog.plan is None  # asked again, for every floor
    qtbot.waitUntil(lambda: dialog.plan is not None)
    assert dialog.level() is None and dialog.changes_model.rowCount() == 2
    dialog.reject()


def test_a_failed_rehearsal_is_said(win, floor, qtbot):
    """The building deleted under the dialog (by another process): the service refuses."""
    from store.schema import Building

    dialog = rehearsed(win, floor, qtbot)
    workspace = Workspace.open(floor.path)
    try:
        with workspace.transaction() as s:
            s.get(Building, floor.building_id).code = "Z"
    finally:
        workspace.close()
    dialog.request_rehearsal()
    qtbot.waitUntil(lambda: "Reading" not in dialog.status.text())
    assert dialog.status.text() == "no building A"
    assert not dialog.apply_button.isEnabled()
