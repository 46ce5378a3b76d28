"""Import a floor plan from the window: wizard, preview, report, one write, re-import."""

from __future__ import annotations

import sqlite3
import time
from decimal import Decimal
from pathlib import Path

import ezdxf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWizard

from app.import_flow import drawing_family


def write_floor(path: Path, rooms: list[tuple[str, float, float, float, float]]) -> Path:
    """A metric DXF with closed room outlines on 房间 and their labels on 文字."""
    doc = ezdxf.new("R2013", units=6)
    doc.layers.add("房间")
    doc.layers.add("文字")
    doc.layers.add("墙线")
    msp = doc.modelspace()
    for label, x0, y0, x1, y1 in rooms:
        msp.add_lwpolyline(
            [(x0, y0), (x1, y0), (x1, y1), (x0, y1)], close=True, dxfattribs={"layer": "房间"}
        )
        msp.add_text(label, dxfattribs={"layer": "文字", "height": 0.4}).set_placement(
            ((x0 + x1) / 2, (y0 + y1) / 2)
        )
    msp.add_line((-1, -1), (60, -1), dxfattribs={"layer": "墙线"})
    doc.saveas(path)
    return path


def run_wizard(window, qtbot, path: Path, building: str, finish: bool = True):
    """Read, confirm the level and rehearse; then press Import unless ``finish`` is False."""
    wizard = window.import_floor_plan()
    wizard.path_edit.setText(str(path))
    wizard.building_combo.setEditText(building)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.plan is not None and not wizard._reading, timeout=30000)
    assert wizard.rooms_page.isComplete(), wizard.status_label.text()
    wizard.next()
    assert wizard.currentPage() is wizard.levels_page
    if not wizard.levels_page.isComplete():  # "c3.dxf" names no floor: the person says 3
        wizard.levels_table.item(0, 1).setText("3")
    assert wizard.levels_page.isComplete(), wizard.levels_note.text()
    wizard.next()
    assert wizard.currentPage() is wizard.report_page
    qtbot.waitUntil(lambda: "Changes to the register" in wizard.report.toPlainText(),
                    timeout=30000)
    window.last_report = wizard.report.toPlainText()
    if finish:
        wizard.button(QWizard.WizardButton.FinishButton).click()
    return wizard


def test_import_then_reimport_from_the_window(window, qtbot, tmp_path):
    plan_file = write_floor(
        tmp_path / "c3.dxf",
        [
            ("301 会议室", 0, 0, 10, 8),
            ("302 办公室", 10, 0, 22, 8),
            ("303 办公室", 22, 0, 30, 8),
        ],
    )
    before = window.table.model.rowCount()
    run_wizard(window, qtbot, plan_file, "C")
    qtbot.waitUntil(lambda: window.import_flow.last_changes is not None, timeout=30000)
    changes = window.import_flow.last_changes
    assert changes.building == "C" and changes.building_created
    assert len(changes.floors[0].added) == 3
    qtbot.waitUntil(lambda: window.table.model.rowCount() == before + 3)
    assert any(item.text(0) == "C" for item in window.tree._walk())
    assert "3 added" in window.statusBar().currentMessage()

    wizard = window.import_flow.wizard
    assert len(wizard.preview.room_items) == 3
    assert "301" in wizard.report.toPlainText()

    # The architect moves a wall: 302 grows, 303 shrinks, 304 appears.
    write_floor(
        plan_file,
        [
            ("301 会议室", 0, 0, 10, 8),
            ("302 办公室", 10, 0, 24, 8),
            ("303 办公室", 24, 0, 30, 8),
            ("304 储藏室", 30, 0, 34, 8),
        ],
    )
    window.import_flow.last_changes = None
    run_wizard(window, qtbot, plan_file, "C")
    qtbot.waitUntil(lambda: window.import_flow.last_changes is not None, timeout=30000)
    floor = window.import_flow.last_changes.floors[0]
    assert len(floor.added) == 1 and len(floor.updated) == 2 and len(floor.unchanged) == 1
    assert "1 added, 2 changed, 1 unchanged, 0 removed" in window.last_report
    assert "ZD-C-302: 96.00 → 112.00 m²" in window.last_report
    qtbot.waitUntil(lambda: window.table.model.rowCount() == before + 4)


def test_a_broken_file_cannot_be_imported(window, qtbot, tmp_path):
    broken = tmp_path / "broken.dxf"
    broken.write_bytes(b"  0\nSECTION\n  2\nENTITIES\n  0\nLWPOLY")
    wizard = window.import_floor_plan()
    wizard.path_edit.setText(str(broken))
    wizard.building_combo.setEditText("C")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.plan is not None and not wizard._reading, timeout=30000)
    assert not wizard.rooms_page.isComplete()
    assert (
        "cannot be imported" in wizard.status_label.text()
        or "0 rooms" in wizard.status_label.text()
    )


def test_drawing_family_ignores_layer_order():
    assert drawing_family(["墙线", "房间"]) == drawing_family(["房间", "墙线"])
    assert drawing_family(["a"]) != drawing_family(["b"])


def test_cancelling_the_read_keeps_nothing(window, qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    plan_file = write_floor(tmp_path / "c3.dxf", [("301 会议室", 0, 0, 10, 8)])
    wizard = window.import_floor_plan()
    wizard.path_edit.setText(str(plan_file))
    wizard.building_combo.setEditText("C")
    wizard.next()
    dialog = next(d for d in wizard.findChildren(QProgressDialog) if d.isVisible())
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)
    assert wizard.plan is None and not wizard.rooms_page.isComplete()
    assert "cancelled" in wizard.status_label.text()
    wizard.back()
    wizard.next()  # choosing again reads again
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=30000)
    assert wizard.rooms_page.isComplete()


def test_by_zone_option_reaches_the_reader(window, qtbot, tmp_path):
    plan_file = write_floor(tmp_path / "c3.dxf", [("301 会议室", 0, 0, 10, 8)])
    wizard = window.import_floor_plan()
    wizard.path_edit.setText(str(plan_file))
    wizard.by_zone.setChecked(True)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=30000)
    assert "no-zones" in [p["code"] for p in wizard.plan["info"]]


def test_choosing_the_drawing_unit_reads_again(window, qtbot, tmp_path):
    plan_file = write_floor(tmp_path / "c3.dxf", [("301 会议室", 0, 0, 10, 8)])
    wizard = window.import_floor_plan()
    wizard.path_edit.setText(str(plan_file))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.plan is not None and not wizard._reading, timeout=30000)
    assert wizard.plan["units_of_drawing"] == "m"
    assert wizard.plan["floors"][0]["units"][0]["area"] == Decimal("80.00")
    assert wizard.units_combo.isVisible() and "m" in wizard.units_combo.itemText(0)
    wizard.units_combo.setCurrentIndex(wizard.units_combo.findData("cm"))
    wizard.units_combo.activated.emit(wizard.units_combo.currentIndex())
    qtbot.waitUntil(lambda: wizard.plan is not None and wizard.plan["units_of_drawing"] == "cm",
                    timeout=30000)
    assert wizard.plan["floors"][0]["units"][0]["area"] == Decimal("0.01")


def test_the_wizard_shows_each_floors_level_and_the_person_changes_it(window, qtbot, tmp_path):
    plan_file = write_floor(tmp_path / "floor3.dxf", [("办公 A", 0, 0, 10, 8)])
    wizard = window.import_floor_plan()
    wizard.path_edit.setText(str(plan_file))
    wizard.building_combo.setEditText("D")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.plan is not None and not wizard._reading, timeout=30000)
    wizard.next()
    assert wizard.currentPage() is wizard.levels_page
    assert wizard.levels_table.item(0, 1).text() == "3"
    assert "floor3.dxf" in wizard.levels_table.item(0, 2).text()
    assert wizard.levels_page.isComplete()
    assert window.import_flow.plan.floors[0].level == 3
    wizard.levels_table.item(0, 1).setText("4")
    assert wizard.levels_table.item(0, 2).text() == "entered by you"
    assert window.import_flow.plan.floors[0].level == 4
    wizard.levels_table.item(0, 1).setText("")
    assert not wizard.levels_page.isComplete()
    wizard.levels_table.item(0, 1).setText("4")
    wizard.next()
    qtbot.waitUntil(lambda: "Changes to the register" in wizard.report.toPlainText(),
                    timeout=30000)
    assert "(level 4)" in wizard.report.toPlainText()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: window.import_flow.last_changes is not None, timeout=30000)
    assert [f.level for f in window.import_flow.last_changes.floors] == [4]


def test_the_wizard_asks_when_the_drawing_names_no_floor(window, qtbot, tmp_path):
    plan_file = write_floor(tmp_path / "plan.dxf", [("办公 A", 0, 0, 10, 8)])
    wizard = window.import_floor_plan()
    wizard.path_edit.setText(str(plan_file))
    wizard.building_combo.setEditText("D")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.plan is not None and not wizard._reading, timeout=30000)
    wizard.next()
    assert wizard.currentPage() is wizard.levels_page
    assert wizard.levels_table.item(0, 1).text() == ""
    assert not wizard.levels_page.isComplete()
    assert "plan.dxf" in wizard.levels_note.text()
    wizard.back()
    wizard.back()
    wizard.level_edit.setText("-1")  # the level typed with the file
    wizard.next()
    qtbot.waitUntil(lambda: wizard.plan is not None and not wizard._reading, timeout=30000)
    wizard.next()
    assert wizard.levels_table.item(0, 1).text() == "-1" and wizard.levels_page.isComplete()


def at_first_step_of_next_task(window, act) -> None:
    """Call ``act(task)`` in the GUI thread at the next task's first progress report.

    The task waits at that report until it is cancelled, so ``act`` always meets
    it running, whatever the machine's speed; ``act`` must cancel it.
    """

    def watch(task) -> None:
        window.tasks.started.disconnect(watch)
        fired: list[bool] = []

        def in_gui(*_report) -> None:
            if not fired:
                fired.append(True)
                act(task)

        def hold(*_report) -> None:  # in the worker thread, inside job.step
            while not task.job.cancelled:
                time.sleep(0.005)

        # Queued first: the GUI hears of the step before the worker holds there.
        task.signals.progress.connect(in_gui, Qt.ConnectionType.QueuedConnection)
        task.signals.progress.connect(hold, Qt.ConnectionType.DirectConnection)

    window.tasks.started.connect(watch)


def test_cancelling_the_write_writes_nothing(window, qtbot, tmp_path, small_park):
    plan_file = write_floor(tmp_path / "c3.dxf", [("301 会议室", 0, 0, 10, 8)])
    wizard = run_wizard(window, qtbot, plan_file, "C", finish=False)
    pressed: list[str] = []

    def press_cancel(_task) -> None:
        dialog = next(d for d in window.findChildren(QProgressDialog) if d.isVisible())
        pressed.append(dialog.labelText())
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)

    at_first_step_of_next_task(window, press_cancel)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: "Import cancelled" in window.statusBar().currentMessage())
    assert window.tasks.running() == 0 and window.import_flow.last_changes is None
    assert pressed and pressed[0].startswith("C ")  # the step's floor, on the dialog
    assert not any(d.isVisible() for d in window.findChildren(QProgressDialog))
    window.close()
    connection = sqlite3.connect(small_park.path)
    try:
        assert connection.execute("SELECT count(*) FROM buildings WHERE code = 'C'").fetchone() \
            == (0,)
        assert connection.execute("SELECT count(*) FROM units").fetchone() \
            == (len(small_park.unit_codes),)
    finally:
        connection.close()


def test_overlapping_rooms_are_refused_on_the_report_and_nothing_is_written(
        window, qtbot, tmp_path, small_park):
    """301 and 302 share 8 m²: the report page says so, and Import writes nothing."""
    plan_file = write_floor(tmp_path / "c3.dxf", [("301 会议室", 0, 0, 11, 8),
                                                  ("302 办公室", 10, 0, 22, 8)])
    run_wizard(window, qtbot, plan_file, "C", finish=False)
    qtbot.waitUntil(lambda: window.import_flow.refused is not None, timeout=30000)
    report = window.import_flow.wizard.report.toPlainText()
    assert "cannot be imported: on floor 3F units would overlap" in report
    assert "room 301 and room 302 share 8.00 m²" in report
    window.import_flow.wizard.button(QWizard.WizardButton.FinishButton).click()
    assert "room 301 and room 302 share 8.00 m²" in window.last_warning
    assert "Nothing was written." in window.last_warning
    # other background reads (the due list's alerts after opening) may still be finishing
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)
    assert window.import_flow.last_changes is None
    window.close()
    connection = sqlite3.connect(small_park.path)
    try:
        assert connection.execute("SELECT count(*) FROM buildings WHERE code = 'C'").fetchone() \
            == (0,)
    finally:
        connection.close()


def test_the_report_lists_relabelled_matches_and_kept_units_for_ended_contracts(window):
    from datetime import date

    from app.import_flow import ImportFlow
    from store.plan_import import (
        FloorChanges,
        ImportChanges,
        KeptOverlap,
        KeptUnitOverlap,
        Relabel,
    )

    flow = ImportFlow(window)
    relabel = Relabel("ZD-A-0301", "0301", "308", Decimal("100.00"), Decimal("90.00"),
                      ("HT-2026-0001",))
    notes = flow.notes(ImportChanges("A", False, [FloorChanges(3, "3F", False,
                                                               relabelled=[relabel])]))
    assert ("ZD-A-0301 matched by overlap: the drawing labels the room 308, not 0301; "
            "100.00 → 90.00 m²") in notes
    assert "Needs attention: ZD-A-0301 is under contract HT-2026-0001" in notes
    refusal = KeptUnitOverlap("3F", [KeptOverlap("309", "ZD-A-0302", (), Decimal("60.00"),
                                                 (("HT-2020-0001", date(2021, 5, 31)),))])
    text = flow.refusal_text(refusal)
    assert ("Room 309 overlaps ZD-A-0302 by 60.00 m²; ZD-A-0302 is kept only because contract "
            "HT-2020-0001, ended 2021-05-31 points at it: archive the unit first") in text


def test_a_use_the_planner_changes_in_the_wizard_is_rehearsed_and_written(window, qtbot,
                                                                          tmp_path):
    from sqlalchemy import select

    from domain.space_use import SpaceUse
    from store.schema import Unit

    plan_file = write_floor(tmp_path / "c3.dxf", [
        ("301 办公室", 0, 0, 10, 8), ("走廊", 10, 0, 22, 3), ("303 储藏室", 22, 0, 30, 8)])
    wizard = window.import_floor_plan()
    wizard.path_edit.setText(str(plan_file))
    wizard.building_combo.setEditText("C")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.plan is not None and not wizard._reading, timeout=30000)
    names = [u["name"] or u["code"] for u in wizard.plan["floors"][0]["units"]]
    store_room = next(i for i, n in enumerate(names) if "储藏" in n)
    wizard.set_use([store_room], SpaceUse.COMMON.value)  # the planner: a shared store
    wizard.next()
    if not wizard.levels_page.isComplete():
        wizard.levels_table.item(0, 1).setText("3")
    wizard.next()
    qtbot.waitUntil(lambda: "Changes to the register" in wizard.report.toPlainText(),
                    timeout=30000)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: window.import_flow.last_changes is not None, timeout=30000)
    with window.controller.workspace.reading() as s:
        units = {u.name: u for u in s.scalars(select(Unit).where(Unit.code.like("ZD-C-%")))}
    corridor = next(u for n, u in units.items() if "走廊" in n)
    shared = next(u for n, u in units.items() if "储藏" in n)
    office = next(u for n, u in units.items() if "办公" in n)
    assert corridor.space_use is SpaceUse.COMMON and corridor.use_reason.startswith("common")
    assert shared.space_use is SpaceUse.COMMON and shared.use_reason == "manual"
    assert office.space_use is SpaceUse.LEASABLE
    assert office.common_share == corridor.internal_area + shared.internal_area
    assert corridor.leasable_area == 0 and shared.billable_area == 0
