"""The find-space dialog: it asks, shows what the service found, and says which to show."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from services.find_space import find_space
from store.read_model import ReadModel, Scope
from tests.small_park import TODAY
from views.find_space_dialog import FindSpaceDialog, SpaceQuery

TOWER = uuid.UUID(int=1)
PLANT = uuid.UUID(int=2)


@pytest.fixture
def dialog(qtbot):
    found = FindSpaceDialog(None, [(TOWER, "A栋 办公楼"), (PLANT, "B栋 厂房")], TODAY)
    qtbot.addWidget(found)
    found.show()
    qtbot.waitExposed(found)
    return found


@pytest.fixture
def candidates(small_park):
    """Building A's vacant units, each offered alone (they have no outlines): real records."""
    reader = ReadModel(small_park.path)
    try:
        [park] = reader.park_tree()
        tower = next(b for b in park.buildings if b.code == "A")
        return find_space(reader, Scope("building", tower.id), Decimal("125.40"), TODAY)
    finally:
        reader.close()


def test_it_stays_open_beside_the_plan(dialog):
    assert not dialog.isModal()
    assert dialog.windowTitle() == "Find space"
    assert [dialog.building_combo.itemText(i) for i in range(3)] == [
        "Whole park", "A栋 办公楼", "B栋 厂房"]


def test_search_asks_for_what_the_fields_say(dialog, qtbot):
    with qtbot.waitSignal(dialog.searchRequested) as asked:
        qtbot.mouseClick(dialog.search_button, Qt.MouseButton.LeftButton)
    assert asked.args == [SpaceQuery(Decimal("500.00"), None, None, TODAY)]
    dialog.area_box.setValue(812.5)
    dialog.building_combo.setCurrentIndex(2)
    dialog.floors_box.setChecked(True)
    dialog.low_box.setValue(-2)
    dialog.high_box.setValue(6)
    dialog.date_edit.setDate(date(2027, 3, 1))
    with qtbot.waitSignal(dialog.searchRequested) as asked:
        qtbot.mouseClick(dialog.search_button, Qt.MouseButton.LeftButton)
    assert asked.args == [SpaceQuery(Decimal("812.50"), PLANT, (-2, 6), date(2027, 3, 1))]


def test_levels_read_as_the_park_names_them_and_skip_zero(dialog):
    dialog.floors_box.setChecked(True)
    assert dialog.low_box.isEnabled() and dialog.low_box.text() == "1F"
    dialog.low_box.stepBy(-1)
    assert dialog.low_box.value() == -1 and dialog.low_box.text() == "B1"
    dialog.low_box.stepBy(1)
    assert dialog.low_box.value() == 1
    assert dialog.low_box.valueFromText("B2") == -2 and dialog.low_box.valueFromText("7F") == 7
    dialog.high_box.setValue(3)
    dialog.low_box.setValue(5)  # the range never turns upside down
    assert dialog.high_box.value() == 5
    dialog.floors_box.setChecked(False)
    assert not dialog.low_box.isEnabled() and dialog.query().levels is None


def test_candidates_are_listed_and_a_chosen_row_is_shown(dialog, qtbot, candidates):
    # equal in every way but their floor: the park tree's order (top floor first)
    assert [c.unit_codes for c in candidates] == [
        ("ZD-A-0201",), ("ZD-A-0202",), ("ZD-A-0203",), ("ZD-A-0103",)]
    dialog.set_searching()
    assert not dialog.search_button.isEnabled() and dialog.status.text() == "Searching…"
    dialog.set_candidates(candidates)
    assert dialog.search_button.isEnabled()
    assert "4 candidates" in dialog.status.text()
    model = dialog.model
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(5)]
    assert headers == ["Floor", "Units", "Total m²", "Asking rent per month", "Fit"]
    cells = [model.data(model.index(3, i)) for i in range(5)]
    assert cells == ["A 1F", "ZD-A-0103", "125.40", "12,351.90 CNY", "100.0%"]
    with qtbot.waitSignal(dialog.showCandidate) as shown:
        dialog.choose(2)
    assert shown.args == [candidates[2].floor_id, candidates[2].unit_ids]
    assert isinstance(shown.args[1], list) and isinstance(shown.args[1][0], uuid.UUID)
    with qtbot.waitSignal(dialog.showCandidate) as shown:  # a click does the same
        rect = dialog.table.visualRect(model.index(0, 1))
        qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown.args == [candidates[0].floor_id, candidates[0].unit_ids]


def test_it_says_when_nothing_fits(dialog, candidates):
    dialog.set_candidates(candidates[:1])
    assert dialog.status.text().startswith("1 candidate:")
    dialog.set_candidates([])
    assert dialog.model.rowCount() == 0
    assert dialog.status.text().startswith("No neighbouring vacant units")
    dialog.set_failed("the workspace is gone")
    assert dialog.status.text() == "the workspace is gone"


def test_buildings_can_change_keeping_the_choice(dialog):
    dialog.building_combo.setCurrentIndex(1)
    dialog.set_buildings([(PLANT, "B栋 厂房"), (TOWER, "A栋 研发楼")])
    assert dialog.building_combo.currentData() == TOWER
    assert dialog.building_combo.currentText() == "A栋 研发楼"
    dialog.set_buildings([(PLANT, "B栋 厂房")])
    assert dialog.building_combo.currentData() is None  # gone: the whole park again
