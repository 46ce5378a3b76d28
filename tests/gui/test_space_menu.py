"""The Space menu in the main window, on a real workspace: its actions, Find space from the
menu with a real search shown on the plan, and the area statement on screen and in a PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.gui.helpers import open_window
from tests.space_floor import TODAY, SpaceFloor, build_space_floor

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils is installed by make test")


@pytest.fixture
def floor(tmp_path: Path) -> SpaceFloor:
    return build_space_floor(tmp_path / "space.leasemap")


@pytest.fixture
def win(qtbot, settings, floor):
    window = open_window(qtbot, settings, floor.path)
    window.date_edit.setDate(TODAY)
    yield window
    window.close()


def test_the_menu_sits_between_edit_and_view(win):
    titles = [a.text() for a in win.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&Space", "&Leasing", "&Billing", "&View", "&Help"]
    menu = win.space_menu
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "&Find space…", "&Area statement…", "&Classify rooms again…", "&Plan check"]


def test_building_tools_need_a_building_in_scope(win, floor):
    menu = win.space_menu
    assert win.controller.scope.kind == "park"
    assert menu.find_action.isEnabled() and menu.check_action.isEnabled()
    for action in (menu.statement_action, menu.classify_action):
        assert not action.isEnabled()
        assert action.toolTip() == "Choose a building or one of its floors in the park tree first"
    win.tree.select("building", floor.building_id)
    assert win.controller.scope.kind == "building"
    for action in (menu.statement_action, menu.classify_action):
        assert action.isEnabled() and action.toolTip() == "For building A栋"
    win.tree.select("floor", floor.floor_id)
    assert menu.statement_action.isEnabled() and menu.classify_action.isEnabled()
    assert menu.building().id == floor.building_id  # the floor's building


def test_nothing_is_enabled_without_a_workspace(qtbot, settings):
    from app.gui import create_window

    window = create_window(settings, language="en")
    qtbot.addWidget(window)
    menu = window.space_menu
    assert not any(a.isEnabled() for a in menu.actions() if not a.isSeparator())
    assert menu.statement_action.toolTip() == "Open a workspace first"
    assert menu.find_space() is None and menu.classify() is None


def test_find_space_from_the_menu_marks_the_candidate_on_the_plan(win, floor, qtbot):
    menu = win.space_menu
    menu.find_action.trigger()
    dialog = menu.find_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    assert [dialog.building_combo.itemText(i) for i in range(2)] == ["Whole park", "A栋"]
    assert dialog.date_edit.date().toPython() == TODAY
    dialog.area_box.setValue(310)  # two offices of 155.80 m² (80 internal and the share)
    qtbot.mouseClick(dialog.search_button, Qt.MouseButton.LeftButton)
    assert not dialog.search_button.isEnabled()  # searching, in the pool
    qtbot.waitUntil(lambda: dialog.search_button.isEnabled() and bool(dialog.candidates()))
    found = dialog.candidates()
    best = found[0]
    leased = floor.office(1)
    assert all(leased not in c.unit_ids for c in found)  # let under HT-1: never offered
    assert best.area == Decimal("311.60") and len(best.unit_ids) == 2
    assert dialog.status.text().endswith("best fit first: choose one to see it on the plan.")

    dialog.choose(0)
    assert win.controller.scope.kind == "floor" and win.controller.scope.id == floor.floor_id
    assert win.tree.selected_scope() == ("floor", floor.floor_id)
    assert win.tabs.currentWidget() is win.map_page
    view = win.map_panel.floor_plan
    assert sorted(view.selected_units()) == sorted(best.unit_ids)
    # framed: both units in view, and less than the whole floor (41 m wide)
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    for unit_id in best.unit_ids:
        minx, miny, maxx, maxy = view.shape_of(unit_id).bounds
        assert shown.left() <= minx and shown.right() >= maxx
        assert shown.top() <= -maxy and shown.bottom() >= -miny
    two = view.transform().m11()  # pixels per metre

    # a single office: the view zooms in closer
    dialog.area_box.setValue(155.8)
    qtbot.mouseClick(dialog.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.search_button.isEnabled()
                    and len(dialog.candidates()[0].unit_ids) == 1)
    dialog.choose(0)
    one = dialog.candidates()[0].unit_ids
    assert view.selected_units() == one
    assert view.transform().m11() > 1.3 * two
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    minx, miny, maxx, maxy = view.shape_of(one[0]).bounds
    assert shown.left() <= minx and shown.right() >= maxx
    assert shown.top() <= -maxy and shown.bottom() >= -miny


def test_a_failed_search_is_said(win, qtbot):
    """Levels upside down reach the service, which refuses them: the dialog says so."""
    from views.find_space_dialog import SpaceQuery

    dialog = win.space_menu.find_space()
    win.space_menu.search(SpaceQuery(Decimal(100), None, (5, 2), TODAY))
    qtbot.waitUntil(lambda: dialog.search_button.isEnabled())
    assert dialog.candidates() == []
    assert dialog.status.text() == "levels 5–2: the lowest comes first"


def test_the_find_dialog_follows_the_tree_and_goes_with_the_workspace(win, floor, qtbot):
    from domain.assets import BuildingKind
    from store.schema import Building
    from store.workspace import Workspace

    dialog = win.space_menu.find_space()
    workspace = Workspace.open(floor.path)  # another process adds a building
    try:
        with workspace.transaction() as s:
            park_id = s.get(Building, floor.building_id).park_id
            s.add(Building(park_id=park_id, code="B", name="B栋", kind=BuildingKind.OFFICE))
    finally:
        workspace.close()
    win.controller.check_outside_changes()
    qtbot.waitUntil(lambda: dialog.building_combo.count() == 3)
    assert dialog.building_combo.itemText(2) == "B栋"
    win.controller.close()
    assert win.space_menu.find_dialog is None and not dialog.isVisible()


@needs_poppler
def test_area_statement_opens_for_the_building_and_prints(win, floor, qtbot, tmp_path):
    menu = win.space_menu
    win.tree.select("floor", floor.floor_id)
    menu.statement_action.trigger()
    qtbot.waitUntil(lambda: menu.statement_dialog is not None)
    dialog = menu.statement_dialog
    assert dialog.isVisible()
    rows = dialog.view.rows
    assert rows[-1].kind == "building" and rows[-1].building == "A栋"
    assert [r.line.code for r in rows if r.kind == "unit"] == [
        "ZD-A-0301", "ZD-A-0302", "ZD-A-0303", "ZD-A-0304", "ZD-A-03C1"]

    out = tmp_path / "面积表.pdf"

    def answer() -> None:  # the save dialog the Print button opens, filled as a person would
        asking = QApplication.activeModalWidget()
        assert isinstance(asking, QFileDialog)
        assert asking.windowTitle() == "Save the area statement as PDF"
        asking.selectFile(str(out))
        asking.accept()

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert out.is_file()
    assert win.statusBar().currentMessage() == f"Area statement saved to {out}"
    assert win.settings.export_folder == str(tmp_path.resolve())
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Area statement" in text and "ZD-A-0304" in text
    total = [line for line in text.splitlines() if re.match(r"\s*Total\s", line)]
    assert len(total) == 1 and "A栋" in total[0]
    assert f"{rows[-1].totals.leasable:,.2f}" in total[0]


def test_plan_check_opens_beside_the_map(win, floor, qtbot):
    win.tree.select("floor", floor.floor_id)
    assert win.edit_flow is None  # the map is built when first needed
    win.space_menu.check_action.trigger()
    assert win.tabs.currentWidget() is win.map_page
    dock = win.edit_flow.dock
    qtbot.waitUntil(dock.isVisible)
    assert dock.windowTitle() == "Plan check"


def test_area_statement_is_not_offered_at_the_park(win):
    menu = win.space_menu
    menu.area_statement()
    assert menu.statement_dialog is None
