"""Billing ▸ Meters on the small park, meters taken out of service by hand: archived from the
day they were removed with their final reading (the window hides them, Show archived brings
them back greyed), a refusal said in words with nothing written, a meter never read removed
after a question, an archived one restored; a replacement chosen in the meter dialog with
what it does said before Save; and the 公摊 statement said again when the language switches.

The tree: MAIN → E-1 (ZD-A-0101), E-2 (ZD-A-0102), LIFT (common), read on 1 October and
1 November 2026; MAIN priced at 1.00 a kWh. The window's day is 2026-11-22, its month
October.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from services.meters import MeterSpec, create_meter
from store.schema import Meter, MeterReading, Outbox
from tests.gui.meters_park import NOVEMBER, OCTOBER, E, build_metered, open_meters, settle

D = Decimal
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def metered(tmp_path) -> Path:
    return build_metered(tmp_path / "archive.leasemap")


@pytest.fixture
def meters_window(qtbot, settings, metered):
    window, flow, view = open_meters(qtbot, settings, metered)
    yield window, flow, view
    window.close()


def count(window, model, *where) -> int:
    with window.controller.workspace.reading() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def meter_row(window, code: str) -> Meter:
    with window.controller.workspace.reading() as s:
        return s.scalar(select(Meter).where(Meter.code == code))


def archive_e2(qtbot, window, flow, view) -> None:
    """E-2 archived through the window: removed on 1 November, its reading of that day
    taken as its final."""
    assert view.select_meter("E-2")
    qtbot.mouseClick(view.archive_button, Qt.MouseButton.LeftButton)
    dialog = flow.archiver
    assert dialog is not None
    dialog.set_day(NOVEMBER)
    assert dialog.finals["total"].text() == "350"  # that day's reading, offered
    qtbot.mouseClick(dialog.archive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: flow.archiver is None, timeout=30000)
    settle(qtbot, window, view)


# -- archived ----------------------------------------------------------------------------


def test_a_meter_archived_leaves_the_tree_and_comes_back_greyed(qtbot, meters_window,
                                                                tmp_path):
    window, flow, view = meters_window
    assert view.shown_codes() == ["MAIN", "E-1", "E-2", "LIFT"]
    assert view.select_meter("E-2")
    assert view.archive_button.isEnabled() and not view.restore_button.isEnabled()
    assert not view.remove_button.isEnabled()  # read: archived, never removed
    assert view.remove_button.toolTip().startswith("A meter that was read is archived")
    qtbot.mouseClick(view.archive_button, Qt.MouseButton.LeftButton)
    dialog = flow.archiver
    assert dialog is not None and dialog.windowTitle() == "Archive meter E-2"
    assert dialog.day() == flow.day()
    final = dialog.finals["total"]
    assert final.text() == "" and final.placeholderText() == \
        "The dial's figure when taken out (last: 350 on 2026-11-01)"
    ops = count(window, Outbox)
    qtbot.mouseClick(dialog.archive_button, Qt.MouseButton.LeftButton)
    assert dialog.refusal.text() == "Final reading (total): give the dial's figure on " \
        f"{flow.day().isoformat()}"  # not even sent
    final.setText("abc")
    qtbot.mouseClick(dialog.archive_button, Qt.MouseButton.LeftButton)
    assert dialog.refusal.text() == "Final reading (total): “abc” is not a number"
    # The service's refusal, in words: E-2 cannot be removed before its last reading.
    dialog.set_day(date(2026, 10, 20))
    final.setText("300")
    qtbot.mouseClick(dialog.archive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.refusal.text() != "", timeout=30000)
    assert dialog.refusal.text() == ("E-2 was read on 2026-11-01, after 2026-10-20: it was in "
                                     "service then")
    assert dialog.isVisible() and final.text() == "300"  # what was typed stays
    assert count(window, Outbox) == ops
    dialog.close()
    qtbot.waitUntil(lambda: flow.archiver is None, timeout=30000)

    archive_e2(qtbot, window, flow, view)
    assert view.shown_codes() == ["MAIN", "E-1", "LIFT"]
    assert "Meter E-2 archived: removed on 2026-11-01." in window.statusBar().currentMessage()
    assert view.head.text().endswith(
        "1 archived meters are not shown (Show archived lists them).")
    row = meter_row(window, "E-2")
    assert row.removed_on == NOVEMBER and not row.archived
    with window.controller.workspace.reading() as s:
        kinds = [k for k, in s.execute(select(MeterReading.kind).where(
            MeterReading.meter_id == row.id).order_by(MeterReading.hlc))]
    assert kinds == ["reading", "reading", "final"]
    assert count(window, Outbox) == ops + 2  # the final's post_reading, the day's field_set

    view.set_show_archived(True)
    assert view.shown_codes() == ["MAIN", "E-1", "E-2", "LIFT"]
    item = view.meter_item("E-2")
    from views.meters_window import ARCHIVED_COLOUR, COLUMNS

    assert item.foreground(0).color().name() == ARCHIVED_COLOUR
    assert item.font(0).italic()
    assert view.row_texts("E-2")["flags"] == "Archived: removed on 2026-11-01"
    assert figure(view.row_texts("E-2")["used"]) == D(150)  # October: read as it was
    assert view.select_meter("E-2")
    assert "archived: removed on 2026-11-01" in view.details.text()
    assert view.restore_button.isEnabled() and not view.archive_button.isEnabled()
    assert not view.head.text().endswith("(Show archived lists them).")
    # Not offered for the month-end readings.
    qtbot.mouseClick(view.entry_button, Qt.MouseButton.LeftButton)
    assert flow.entry is not None
    assert "E-2" not in [r.meter.code for r in flow.entry.rows]

    # As a user sees it: E-2's row drawn grey beside E-1's, the same day in both.
    flow.entry.close()
    assert view.select_meter("LIFT")
    picture = tmp_path / "meters-archived.png"
    assert view.tree.viewport().grab().save(str(picture))
    image = QImage(str(picture))
    column = COLUMNS.index("last-on")
    assert view.row_texts("E-1")["last-on"] == view.row_texts("E-2")["last-on"]

    def darkest(code: str) -> int:
        rect = view.tree.visualItemRect(view.meter_item(code))
        left = view.tree.header().sectionPosition(column)
        right = left + view.tree.header().sectionSize(column)
        return min(image.pixelColor(x, y).lightness()
                   for x in range(left, right) for y in range(rect.top(), rect.bottom()))

    assert darkest("E-1") < 80 < 110 < darkest("E-2")  # black text; grey text


def figure(text: str) -> Decimal:
    return D(text.replace(",", ""))


def test_the_context_menu_archives_and_a_feeding_meter_is_refused_in_words(qtbot,
                                                                           meters_window):
    window, flow, view = meters_window
    assert view.select_meter("MAIN")
    menu = view.context_menu(view.selected_meter())
    actions = {a.objectName(): a for a in menu.actions() if a.objectName()}
    assert [a.text() for a in menu.actions() if a.text()] == [
        "Edit meter…", "Shared statement (公摊)…", "Archive…", "Restore", "Remove…"]
    assert actions["archive"].isEnabled() and not actions["restore"].isEnabled()
    assert not actions["remove"].isEnabled()
    actions["archive"].trigger()
    dialog = flow.archiver
    assert dialog is not None and dialog.windowTitle() == "Archive meter MAIN"
    dialog.set_day(NOVEMBER)
    ops = count(window, Outbox)
    qtbot.mouseClick(dialog.archive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.refusal.text() != "", timeout=30000)
    assert dialog.refusal.text() == ("MAIN still feeds 3 meters (E-1, E-2, LIFT): move them "
                                     "under another meter or archive them first")
    assert count(window, Outbox) == ops and meter_row(window, "MAIN").removed_on is None


def test_a_meter_never_read_is_removed_after_a_question(qtbot, meters_window):
    window, flow, view = meters_window
    create_meter(window.controller.workspace, flow.park_id,
                 MeterSpec("SPARE", E, parent="MAIN"))
    flow.refresh()
    settle(qtbot, window, view)
    assert view.select_meter("SPARE")
    assert view.remove_button.isEnabled() and view.remove_button.toolTip() == ""
    qtbot.mouseClick(view.remove_button, Qt.MouseButton.LeftButton)
    box = flow.box
    assert isinstance(box, QMessageBox) and box.text() == (
        "Remove meter SPARE? It was never read and no bill names it, so it is deleted; its "
        "code is not used again.")
    cancel = next(b for b in box.buttons() if b.text() == "Cancel")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not meter_row(window, "SPARE").archived
    qtbot.mouseClick(view.remove_button, Qt.MouseButton.LeftButton)
    box = flow.box
    remove = next(b for b in box.buttons() if b.objectName() == "remove")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "SPARE" not in view.shown_codes(), timeout=30000)
    settle(qtbot, window, view)
    assert meter_row(window, "SPARE").archived
    assert "Meter SPARE removed." in window.statusBar().currentMessage()
    view.set_show_archived(True)
    assert "SPARE" not in view.shown_codes()  # deleted, not archived


def test_an_archived_meter_is_restored(qtbot, meters_window):
    window, flow, view = meters_window
    archive_e2(qtbot, window, flow, view)
    view.set_show_archived(True)
    assert view.select_meter("E-2")
    menu = view.context_menu(view.selected_meter())
    restore = next(a for a in menu.actions() if a.objectName() == "restore")
    assert restore.isEnabled()
    restore.trigger()
    qtbot.waitUntil(lambda: "Meter E-2 restored." in window.statusBar().currentMessage(),
                    timeout=30000)
    settle(qtbot, window, view)
    view.set_show_archived(False)
    assert view.shown_codes() == ["MAIN", "E-1", "E-2", "LIFT"]
    assert meter_row(window, "E-2").removed_on is None
    # Its dial runs on from its final figure: the ledger's final and the initial of the same
    # figure the restore wrote read as a replacement that changes nothing, noted in grey.
    assert view.row_texts("E-2")["flags"] == "Replaced"
    assert view.meter_item("E-2").toolTip(0) == (
        "E-2: replaced: the old dial's final 350, the new one's initial 350")
    assert figure(view.row_texts("E-2")["used"]) == D(150)
    # Restoring a meter in service is refused under the tree, in words.
    assert view.select_meter("E-1")
    flow.restore(view.selected_meter().id)
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)
    assert view.status.text() == "E-1 is in service: there is nothing to restore"
    assert view.status.styleSheet() == "color: #b3261e"


# -- replaces ----------------------------------------------------------------------------


def test_a_replacement_is_chosen_and_said_before_save(qtbot, meters_window):
    window, flow, view = meters_window
    archive_e2(qtbot, window, flow, view)
    # MAIN may replace none of the meters beneath it, nor itself.
    assert view.select_meter("MAIN")
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    dialog = flow.meter_dialog
    assert dialog is not None
    assert [dialog.replaces_box.itemText(i) for i in range(dialog.replaces_box.count())] == [
        "(none)"]
    dialog.close()
    qtbot.waitUntil(lambda: flow.meter_dialog is None, timeout=30000)

    assert view.select_meter("MAIN")
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    dialog = flow.meter_dialog
    assert [dialog.replaces_box.itemData(i) for i in range(dialog.replaces_box.count())] == [
        "", "E-1", "E-2", "LIFT", "MAIN"]
    dialog.code_edit.setText("E-2N")
    dialog.unit_edit.setText("ZD-A-0102")
    assert dialog.choose_replaced("E-2")
    assert dialog.installed_edit.text() == "2026-11-01"  # the day E-2 was removed
    assert dialog.replaces_note.text() == ("E-2 was removed on 2026-11-01; this meter takes "
                                           "its place from then.")
    dialog.installed_edit.setText("2026-10-15")
    assert dialog.replaces_note.text() == ("E-2 was removed on 2026-11-01: this meter cannot "
                                           "be installed before it.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.refusal.text() == "Installed on: 2026-10-15 is before E-2 was removed on " \
        "2026-11-01"  # not even sent
    dialog.installed_edit.setText("2026-11-01")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.meter_item("E-2N") is not None, timeout=30000)
    settle(qtbot, window, view)
    new = meter_row(window, "E-2N")
    assert new.replaces_id == meter_row(window, "E-2").id
    assert view.select_meter("E-2N")
    assert "replaces E-2" in view.details.text()

    # A meter in service replaced: marked removed on the new one's day, said before Save.
    assert view.select_meter("MAIN")
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    dialog = flow.meter_dialog
    codes = [dialog.replaces_box.itemData(i) for i in range(dialog.replaces_box.count())]
    assert "E-2" not in codes and "E-1" in codes  # E-2 is replaced already
    dialog.code_edit.setText("E-1N")
    dialog.unit_edit.setText("ZD-A-0101")
    assert dialog.choose_replaced("E-1")
    assert dialog.replaces_note.text().startswith(
        "Give the day this meter was installed: E-1 is marked removed on it.")
    dialog.installed_edit.setText("2026-11-01")
    assert dialog.replaces_note.text() == (
        "Saving marks E-1 removed on 2026-11-01, the day this meter is installed. Its final "
        "reading is not entered yet: Archive… E-1 asks for it; until then its months after its "
        "last reading are held as not read.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.meter_item("E-1N") is not None, timeout=30000)
    settle(qtbot, window, view)
    assert meter_row(window, "E-1").removed_on == NOVEMBER
    assert "E-1" not in view.shown_codes()  # archived by its replacement
    view.set_show_archived(True)
    assert view.select_meter("E-1")  # archived without its final: Archive… gives it
    assert view.archive_button.isEnabled() and view.restore_button.isEnabled()


# -- the statement's language ------------------------------------------------------------


def test_the_statement_is_said_again_when_the_language_switches(qtbot, meters_window):
    window, flow, view = meters_window
    assert view.select_meter("MAIN")
    qtbot.mouseClick(view.statement_button, Qt.MouseButton.LeftButton)
    dialog = flow.statement
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.sheet is not None and window.tasks.running() == 0,
                    timeout=30000)
    english = dialog.title.text()
    assert english == "Shared consumption statement (公摊) of MAIN"
    header = dialog.shares.horizontalHeaderItem(0).text()
    assert header == "Unit"
    figures = [row[1] for row in _texts(dialog.figures)]
    try:
        window.set_language("zh_CN")
        assert dialog.title.text() == "MAIN 公摊明细"
        assert dialog.sheet.title == "MAIN 公摊明细"  # an export now is in Chinese too
        assert dialog.shares.horizontalHeaderItem(0).text() != header
        assert CJK.search(dialog.shares.horizontalHeaderItem(0).text())
        assert CJK.search(dialog.period.text()) and CJK.search(dialog.check.text())
        assert CJK.search(dialog.month_label.text())
        # The figures are the same figures, said again.
        assert [row[1] for row in _texts(dialog.figures)][:5] == figures[:5]
    finally:
        window.set_language("en")
    assert dialog.title.text() == english
    assert dialog.shares.horizontalHeaderItem(0).text() == "Unit"


def _texts(table: Any) -> list[list[str]]:
    from views.meter_statement_dialog import table_texts

    return table_texts(table)


def test_a_failure_is_said_again_in_the_new_language(qtbot, meters_window):
    """A statement that cannot be read (a unit's meter feeds nothing) keeps its refusal in
    whatever language is chosen after it."""
    window, _flow, view = meters_window
    from views.meter_statement_dialog import MeterStatementDialog

    dialog = MeterStatementDialog("E-1", OCTOBER, view)
    qtbot.addWidget(dialog)
    from services.meters import MeterRefused
    from views.message_text import message_text

    error = MeterRefused("E-1 feeds no sub meter: it has no shared consumption",
                         "meter-no-subs", meter="E-1")
    dialog.set_failed(lambda: message_text(error))
    assert dialog.status.text() == "E-1 feeds no sub meter: it has no shared consumption"
    try:
        window.set_language("zh_CN")
        assert CJK.search(dialog.status.text()) and "E-1" in dialog.status.text()
    finally:
        window.set_language("en")
    assert dialog.status.text() == "E-1 feeds no sub meter: it has no shared consumption"


# -- in Chinese ---------------------------------------------------------------------------


def test_the_archive_dialog_the_removal_question_and_the_replacement_speak_chinese(
        qtbot, settings, metered):
    """What the dialog registry's sweep does not open: the archive dialog (a figure refused
    in words, a read register, the day's reading offered), the question before a removal,
    and a replacement said under its choice. (Needs the words of /tmp/tr/m.tsv in the
    catalogue.)"""
    from app.gui import create_window
    from app.meters_flow import meters_flow_of
    from tests.gui.test_zh_cn_everywhere import english, widget_texts
    from tests.small_park import TODAY

    window = create_window(settings, language="zh_CN")
    qtbot.addWidget(window)
    try:
        from PySide6.QtCore import QCoreApplication

        assert QCoreApplication.translate("ArchiveMeterDialog", "Archive") != "Archive", \
            "the catalogue lacks the words of /tmp/tr/m.tsv: compile them in (make i18n)"
        assert window.open_workspace(metered)
        window.date_edit.setDate(TODAY)
        window.show()
        qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)
        flow = meters_flow_of(window)
        view = flow.open()
        settle(qtbot, window, view)
        codes = ("MAIN", "E-1", "E-2", "E-2N", "LIFT", "SPARE", "2026-11-01", "2026-11-22",
                 "350", "300", "abc")

        def chinese(widget) -> None:
            found = [(where, text) for where, text in widget_texts(widget)
                     if english(text, codes)]
            assert found == [], found

        assert view.select_meter("E-2")
        dialog = flow.open_archive(view.selected_meter().id)
        dialog.finals["total"].setText("abc")
        dialog.request_archive()
        assert dialog.refusal.text()
        chinese(dialog)
        dialog.set_day(NOVEMBER)
        dialog.finals["total"].setText("")
        dialog._typed.clear()
        dialog._offer()
        qtbot.mouseClick(dialog.archive_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: flow.archiver is None, timeout=30000)
        settle(qtbot, window, view)
        view.set_show_archived(True)
        chinese(view)

        create_meter(window.controller.workspace, flow.park_id,
                     MeterSpec("SPARE", E, parent="MAIN"))
        flow.refresh()
        settle(qtbot, window, view)
        assert view.select_meter("SPARE")
        box = flow.ask_remove(view.selected_meter().id)
        chinese(box)
        box.close()

        assert view.select_meter("MAIN")
        meter_dialog = flow.open_meter(None, view.selected_meter().id)
        meter_dialog.code_edit.setText("E-2N")
        assert meter_dialog.choose_replaced("E-2")
        assert meter_dialog.replaces_note.text()
        chinese(meter_dialog)
        meter_dialog.choose_replaced("E-1")
        meter_dialog.installed_edit.setText("2026-11-01")
        chinese(meter_dialog)
        meter_dialog.close()
    finally:
        window.close()
        window.languages.install("en")
