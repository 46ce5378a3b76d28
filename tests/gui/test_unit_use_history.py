"""The unit details' Use row and History, in the main window on a real workspace: a change
of use is one space edit the window's undo takes back; the history shows a split's chain."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from domain.space_use import SpaceUse
from services.space_edits import split_unit
from store.schema import Unit
from store.workspace import Workspace
from tests.gui.helpers import open_window
from tests.space_floor import TODAY, SpaceFloor, build_space_floor
from views.unit_details import UnitDetails, history_line, use_reason_text


@pytest.fixture
def floor(tmp_path: Path) -> SpaceFloor:
    return build_space_floor(tmp_path / "space.leasemap")


@pytest.fixture
def win(qtbot, settings, floor):
    window = open_window(qtbot, settings, floor.path)
    window.date_edit.setDate(TODAY)
    window.tree.select("floor", floor.floor_id)
    yield window
    window.close()


def stored(path: Path, unit_id) -> tuple[SpaceUse, str]:
    workspace = Workspace.open(path)
    try:
        with workspace.reading() as s:
            unit = s.get(Unit, unit_id)
            return unit.space_use, unit.use_reason
    finally:
        workspace.close()


def choose_use(qtbot, details: UnitDetails, use: SpaceUse) -> None:
    """Pick a use in the combo with the keyboard, as a person would."""
    combo = details.use_combo
    combo.setFocus()
    target = combo.findData(use)
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        before = combo.currentIndex()
        qtbot.keyClick(combo, key)
        if combo.currentIndex() == before:  # the combo snapped back: the store said no
            return


def test_the_use_row_shows_the_use_and_why(win, floor):
    details = win.details
    win.table.select_unit(floor.units["ZD-A-03C1"])
    assert details.use_label.text() == "Use"
    assert [details.use_combo.itemText(i) for i in range(3)] == [
        "For rent", "Common (floor)", "Common (building)"]
    assert details.use_combo.currentData() == SpaceUse.COMMON
    assert details.use_reason.isHidden()  # made by hand in the test floor: no reason kept
    assert use_reason_text("") == ""
    assert use_reason_text("manual") == "set by hand"
    assert use_reason_text("common-word:走廊") == "the word “走廊”"
    assert use_reason_text("room-number:0302") == "a room number only (0302)"
    assert use_reason_text("undecided") == "nothing in its name decides: for rent, please check"


def test_a_change_of_use_is_one_space_edit_undone_by_ctrl_z(win, floor, qtbot):
    office = floor.office(2)
    details = win.details
    win.table.select_unit(office)
    assert details.unit_id() == office and details.use_combo.currentData() == SpaceUse.LEASABLE
    before = win.controller.row(floor.office(3)).common_share
    with qtbot.waitSignal(details.useRequested) as asked:
        choose_use(qtbot, details, SpaceUse.COMMON)
    assert asked.args == [office, SpaceUse.COMMON]
    assert stored(floor.path, office) == (SpaceUse.COMMON, "manual")
    row = win.controller.row(office)
    assert row.use is SpaceUse.COMMON and row.leasable_area == 0
    assert win.controller.row(floor.office(3)).common_share > before  # shared over fewer
    assert details.unit_id() == office and details.use_combo.currentData() == SpaceUse.COMMON
    assert details.use_reason.text() == "set by hand" and details.use_reason.isVisibleTo(details)
    assert win.undo_stack.count() == 1
    qtbot.waitUntil(lambda: details.history_lines() == ["2026-12-07 use changed: ZD-A-0302"])

    win.activateWindow()
    qtbot.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(floor.path, office) == (SpaceUse.LEASABLE, "")
    assert win.controller.row(office).use is SpaceUse.LEASABLE
    assert win.controller.row(floor.office(3)).common_share == before
    win.table.select_unit(office)
    assert details.use_combo.currentData() == SpaceUse.LEASABLE
    qtbot.waitUntil(lambda: details.history_text.text()
                    == "No space edits: as imported or entered.")
    assert details.history_lines() == []


def test_a_let_unit_keeps_its_use_and_the_window_says_why(win, floor, qtbot):
    leased = floor.office(1)
    details = win.details
    win.table.select_unit(leased)
    choose_use(qtbot, details, SpaceUse.COMMON)
    assert stored(floor.path, leased) == (SpaceUse.LEASABLE, "")
    assert details.use_combo.currentData() == SpaceUse.LEASABLE  # back to what is stored
    assert "HT-1" in win.last_warning
    assert win.undo_stack.count() == 0
    for box in win.findChildren(QMessageBox):
        box.close()


def test_the_history_shows_a_split_chain(win, floor, qtbot):
    office = floor.office(2)
    split = split_unit(win.controller.workspace, office, [(15.2, 0.0), (15.2, 12.0)], TODAY)
    win.controller.reload()
    child = split.created[0]
    assert win.table.select_unit(child)
    details = win.details
    line = "2026-12-07 split ZD-A-0302 → ZD-A-0302A, ZD-A-0302B"
    qtbot.waitUntil(lambda: details.history_lines() == [line])
    assert details.history_text.text() == line
    assert details.history_box.title() == "History"
    # a merge of the two children adds to the chain, oldest first
    from services.space_edits import merge_units

    merged = merge_units(win.controller.workspace, list(split.created), TODAY)
    win.controller.reload()
    assert win.table.select_unit(merged.created[0])
    qtbot.waitUntil(lambda: len(details.history_lines()) == 2)
    assert details.history_lines() == [
        line, "2026-12-07 merged ZD-A-0302A, ZD-A-0302B → ZD-A-0302A-0302B"]
    # another unit: its own (empty) history, not the last one's
    win.table.select_unit(floor.office(4))
    qtbot.waitUntil(lambda: details.history_text.text()
                    == "No space edits: as imported or entered.")


def test_a_long_history_line_names_a_few_codes():
    from dataclasses import dataclass
    from datetime import date

    @dataclass
    class Step:
        kind: str
        effective_on: date
        parents: tuple[str, ...]
        children: tuple[str, ...]

    codes = tuple(f"ZD-A-03{n:02d}" for n in range(1, 8))
    assert history_line(Step("set_room_use", TODAY, (), codes)) == (
        "2026-12-07 use changed: ZD-A-0301, ZD-A-0302, ZD-A-0303, ZD-A-0304 and 3 more")
    assert history_line(Step("reshape_unit", TODAY, (), ("ZD-A-0301",))) == (
        "2026-12-07 reshaped ZD-A-0301")
