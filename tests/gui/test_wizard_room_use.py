"""The import wizard's rooms table: each room's use and why, changed by the planner.

The wizard is shown a real read plan (a DXF written here, and the daoshi floor);
the planner changes one room's use in its Use cell and several at once from the
context menu; what the wizard hands on, applied to the plan, is what gets
written (``importers.plan.with_uses``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QComboBox

from app.import_flow import plan_preview
from domain.space_use import SpaceUse
from importers.plan import MANUAL, USE_UNDECIDED, ImportedPlan, with_uses
from importers.read import read_plan
from tests.corpus import CORPUS, corpus, needs_corpus  # noqa: F401
from tests.gui.test_import_wizard import write_floor
from views.import_wizard import USE_COLUMN, ImportWizard


@pytest.fixture
def drawing(tmp_path: Path) -> ImportedPlan:
    plan = read_plan(write_floor(tmp_path / "c3.dxf", [
        ("走廊", 0, 0, 10, 8),
        ("302 办公室", 10, 0, 22, 8),
        ("303 会议室", 22, 0, 30, 8),
        ("304 会议室", 30, 0, 38, 8),
    ]))
    assert not plan.errors
    return plan


@pytest.fixture
def wizard(qtbot, drawing) -> ImportWizard:
    shown = ImportWizard(["C"])
    qtbot.addWidget(shown)
    shown.show_plan(plan_preview(drawing))
    return shown


def rows(wizard: ImportWizard) -> dict[str, int]:
    table = wizard.rooms_table
    return {f"{table.item(r, 0).text()} {table.item(r, 1).text()}".strip(): r
            for r in range(table.rowCount())}


def use_cell(wizard: ImportWizard, row: int):
    return wizard.rooms_table.item(row, USE_COLUMN)


def test_the_rooms_table_shows_each_room_s_use_and_why(wizard):
    found = rows(wizard)
    assert set(found) == {"— 走廊", "302 办公室", "303 会议室", "304 会议室"}
    table = wizard.rooms_table
    assert table.horizontalHeaderItem(USE_COLUMN).text() == "Use"
    corridor = use_cell(wizard, found["— 走廊"])
    assert corridor.text() == "Common" and corridor.data(Qt.ItemDataRole.UserRole) == "common"
    assert corridor.toolTip() == "common (the name says “走廊”)"
    office = use_cell(wizard, found["302 办公室"])
    assert office.text() == "Leasable" and "the name says “办公”" in office.toolTip()
    meeting = use_cell(wizard, found["303 会议室"])
    assert meeting.text() == "Leasable" and meeting.font().italic()  # a guess, to check
    assert "nothing in the drawing says; check it" in meeting.toolTip()
    assert not corridor.font().italic()
    assert "2 rooms to check" in wizard.status_label.text()
    report = wizard.report.toPlainText()
    assert "To check" in report and report.count("check: room 30") == 2


def test_one_room_s_use_changed_in_its_cell(qtbot, wizard, drawing):
    found = rows(wizard)
    row = found["303 会议室"]
    table = wizard.rooms_table
    table.edit(table.model().index(row, USE_COLUMN))
    editor = table.findChild(QComboBox)
    assert editor is not None
    assert [editor.itemText(i) for i in range(editor.count())] == [
        "Leasable", "Common", "Building common"]
    editor.setCurrentIndex(editor.findData("common"))
    with qtbot.waitSignal(wizard.usesChanged) as changed:
        table.commitData(editor)
    assert changed.args == [{(0, row): "common"}]
    assert wizard.use_changes() == {(0, row): "common"}
    cell = use_cell(wizard, row)
    assert cell.text() == "Common" and not cell.font().italic()
    assert cell.toolTip().startswith("Set by you; the drawing said: leasable")
    assert "1 rooms to check" in wizard.status_label.text()
    assert wizard.report.toPlainText().count("check: room 30") == 1  # 304 is still a guess
    written = with_uses(drawing, wizard.use_changes())
    unit = written.floors[0].units[row]
    assert (unit.use, unit.use_reason) == (SpaceUse.COMMON, MANUAL)
    assert len([p for p in written.problems if p.code == USE_UNDECIDED]) == 1


def test_several_rooms_changed_at_once_from_the_context_menu(qtbot, wizard, drawing):
    found = rows(wizard)
    chosen = [found["— 走廊"], found["303 会议室"], found["304 会议室"]]
    table = wizard.rooms_table
    selection = table.selectionModel()
    for row in chosen:
        selection.select(table.model().index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    menu = wizard.use_menu()
    actions = {a.data(): a for a in menu.actions()}
    assert [a.text() for a in menu.actions()] == [
        "Mark as leasable", "Mark as the floor's common area",
        "Mark as the building's common area"]
    assert all(a.isEnabled() for a in actions.values())
    with qtbot.waitSignal(wizard.usesChanged):
        actions["building_common"].trigger()
    assert wizard.use_changes() == {(0, r): "building_common" for r in chosen}
    assert {use_cell(wizard, r).text() for r in chosen} == {"Building common"}
    assert use_cell(wizard, found["302 办公室"]).text() == "Leasable"
    assert "To check" not in wizard.report.toPlainText()
    assert "rooms to check" not in wizard.status_label.text()
    assert "Building common" not in wizard.report.toPlainText()  # the report's own words:
    assert wizard.report.toPlainText().count("building common") == 3
    written = with_uses(drawing, wizard.use_changes())
    uses = {u.code or u.name: (u.use, u.use_reason) for u in written.floors[0].units}
    assert uses["走廊"] == uses["303"] == uses["304"] == (SpaceUse.BUILDING_COMMON, MANUAL)
    assert uses["302"] == (SpaceUse.LEASABLE, "leasable-word")
    assert not [p for p in written.problems if p.code == USE_UNDECIDED]


def test_nothing_selected_changes_nothing(wizard):
    menu = wizard.use_menu()
    assert not any(a.isEnabled() for a in menu.actions())
    wizard.set_use([], "common")
    assert wizard.use_changes() == {}


def test_a_new_reading_forgets_the_choices(qtbot, wizard, drawing):
    wizard.set_use([0], "common")
    assert wizard.use_changes()
    with qtbot.waitSignal(wizard.usesChanged) as changed:
        wizard.show_plan(plan_preview(drawing))
    assert changed.args == [{}] and wizard.use_changes() == {}


@needs_corpus
def test_daoshi_floor_in_the_wizard(qtbot):
    plan = read_plan(CORPUS / "daoshi" / "floor2.dxf")
    wizard = ImportWizard(["T"])
    qtbot.addWidget(wizard)
    wizard.show_plan(plan_preview(plan))
    table = wizard.rooms_table
    assert table.rowCount() == len(plan.floors[0].units)
    by_name = {}
    for row in range(table.rowCount()):
        by_name.setdefault(table.item(row, 1).text(), set()).add(use_cell(wizard, row).text())
    for name in ("走廊", "楼梯间", "电梯厅", "卫生间", "男卫生间", "女卫生间"):
        assert by_name[name] == {"Common"}, name
    assert by_name["教学管理办公室"] == {"Leasable"}
    undecided = [u for u in plan.floors[0].units if u.use_reason == "undecided"]
    assert f"{len(undecided)} rooms to check" in wizard.status_label.text()
