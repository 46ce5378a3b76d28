"""Billing ▸ Meters with a meter installed mid-way: no "No readings" flag for the months before
its installation (a grey "Not installed yet" note, no use), its installation day said; and
the readings grid's Kind column, where its first figure is typed as its initial (装表)
reading, and an initial where none can stand is flagged as typed and refused on save.

The tree: MAIN → E-1 (ZD-A-0101), E-2 (ZD-A-0102), LIFT (common), read on 1 October and
1 November 2026; E-3 (ZD-A-0103) installed on 10 November, not read yet. The window's day
is 2026-11-22, its month October.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QComboBox
from sqlalchemy import select

from services.meters import MeterSpec, create_meter
from store.schema import Meter, MeterReading
from tests.gui.meters_park import NOVEMBER, OCTOBER, E, build_metered, open_meters, settle
from tests.small_leases import park_id

D = Decimal
INSTALLED = date(2026, 11, 10)


@pytest.fixture
def metered(tmp_path) -> Path:
    return build_metered(tmp_path / "dates.leasemap", MeterSpec(
        "E-3", E, parent="MAIN", unit="ZD-A-0103", installed_on=INSTALLED))


@pytest.fixture
def meters_window(qtbot, settings, metered):
    window, flow, view = open_meters(qtbot, settings, metered)
    yield window, flow, view
    window.close()


def test_a_month_before_the_installation_is_no_gap_in_the_window(qtbot, meters_window,
                                                                  tmp_path):
    window, _flow, view = meters_window
    from views.meter_text import NOTE_COLOUR
    from views.meters_window import COLUMNS

    assert view.month() == OCTOBER
    assert view.shown_codes() == ["MAIN", "E-1", "E-2", "E-3", "LIFT"]
    row = view.row_texts("E-3")
    assert (row["flags"], row["used"], row["last-on"]) == ("Not installed yet", "", "")
    flags = COLUMNS.index("flags")
    item = view.meter_item("E-3")
    assert item.foreground(flags).color().name() == NOTE_COLOUR  # a note, not a flag
    assert item.toolTip(flags) == "E-3: installed on 2026-11-10; it measured nothing before"
    assert view.head.text().startswith("Electricity, 2026-10: 5 meters, 0 flagged.")
    assert view.select_meter("E-3")
    assert "installed on 2026-11-10" in view.details.text()
    assert "⚠" not in view.details.text()
    # As a user sees it: E-3's row drawn, its note grey beside the others' figures.
    picture = tmp_path / "meters-installed-later.png"
    assert view.grab().save(str(picture))
    image = QImage(str(picture))
    assert not image.isNull() and image.width() >= 1000
    # September too; November is the month it is installed in: not read yet, it is a gap.
    view.set_month(date(2026, 9, 1))
    settle(qtbot, window, view)
    assert view.row_texts("E-3")["flags"] == "Not installed yet"
    view.set_month(NOVEMBER)
    settle(qtbot, window, view)
    assert view.row_texts("E-3")["flags"] == "No readings"


def _choose_kind(qtbot, dialog, code: str, position: int) -> None:
    """Open the Kind cell of meter ``code``'s row and choose the list's ``position``."""
    from views.meter_readings_dialog import KIND

    row = dialog.row_of(code)

    def editors() -> list[QComboBox]:
        return [e for e in dialog.grid.findChildren(QComboBox, "kind-editor") if e.isVisible()]

    dialog.grid.setCurrentCell(row, KIND)  # the grid edits the cell it moves to
    [editor] = editors()
    assert [editor.itemText(i) for i in range(editor.count())] == [
        "Reading", "Initial (装表)", "Final (拆表)"]
    editor.setCurrentIndex(position)
    editor.activated.emit(position)  # what choosing it with the mouse or keys sends
    qtbot.waitUntil(lambda: not editors(), timeout=5000)  # closed, its choice kept
    dialog.grid.setCurrentCell(row, 0)


def test_a_new_meters_first_figure_is_typed_as_its_initial_reading(qtbot, meters_window,
                                                                   tmp_path):
    window, flow, view = meters_window
    qtbot.mouseClick(view.entry_button, Qt.MouseButton.LeftButton)
    dialog = flow.entry
    assert dialog is not None
    assert [r.meter.code for r in dialog.rows] == ["MAIN", "E-1", "E-2", "E-3", "LIFT"]
    assert dialog.cell("E-3", "kind") == "Reading"  # every row ordinary unless chosen
    dialog.day_edit.setDate(QDate(2026, 11, 10))

    dialog.type_value("E-3", "12")
    _choose_kind(qtbot, dialog, "E-3", 1)
    assert dialog.cell("E-3", "kind") == "Initial (装表)"
    assert dialog.cell("E-3", "flags") == "" and dialog.cell("E-3", "used") == ""
    # E-1 was read on 1 November: an initial cannot follow an ordinary reading.
    dialog.type_value("E-1", "320")
    _choose_kind(qtbot, dialog, "E-1", 1)
    assert dialog.cell("E-1", "flags") == "Initial refused"
    assert dialog.cell("E-1", "used") == ""  # refused when saved: it uses nothing
    from views.meter_readings_dialog import COLUMNS

    tip = dialog.grid.item(dialog.row_of("E-1"), COLUMNS.index("flags")).toolTip()
    assert tip == ("E-1: an initial (装表) total reading on 2026-11-10 opens a new dial, and it "
                   "would follow the reading 300 of 2026-11-01, which is no final (拆表) one")
    # As the clerk sees the grid: the Kind column beside the flags.
    assert dialog.grab().save(str(tmp_path / "readings-kind.png"))

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog._busy and window.tasks.running() == 0, timeout=30000)
    assert dialog.cell("E-3", "saved") == "Saved"
    assert dialog.cell("E-1", "saved") == "Refused: " + tip
    assert dialog.cell("E-1", "value") == "320"  # kept as typed, kind and all
    assert dialog.cell("E-1", "kind") == "Initial (装表)"
    with window.controller.workspace.reading() as s:
        stored = [(code, day, value, kind) for code, day, value, kind in s.execute(
            select(Meter.code, MeterReading.read_on, MeterReading.value, MeterReading.kind)
            .join(Meter, Meter.id == MeterReading.meter_id)
            .where(MeterReading.read_on == INSTALLED))]
    assert stored == [("E-3", INSTALLED, D(12), "initial")]

    # The window: November opens on E-3's initial (a note); not read since, as the month
    # is not over, it is "Not read" like the others, no longer "No readings".
    settle(qtbot, window, view)
    view.set_month(NOVEMBER)
    settle(qtbot, window, view)
    assert view.row_texts("E-3")["flags"] == view.row_texts("E-1")["flags"] == "Not read"
    assert view.meter_item("E-3").toolTip(0).splitlines() == [
        "E-3: no total reading from 2026-11-01 to 2026-12-01; the next reading catches up",
        "E-3: installed on 2026-11-10, its dial at 12"]


def test_a_meter_removed_without_its_final_stays_shown_flagged_in_that_month(qtbot,
                                                                            meters_window,
                                                                            tmp_path):
    """E-4 (common), read on 1 October, removed on 20 October by its day alone: October is
    held for want of its final, so the tree shows it there though archived; September and
    November are out of its way."""
    window, flow, view = meters_window
    from services.meters import edit_meter, record_reading

    workspace, pid = window.controller.workspace, park_id(window.controller.workspace)
    meter = create_meter(workspace, pid, MeterSpec("E-4", E, parent="MAIN"))
    record_reading(workspace, meter, OCTOBER, D(40))
    edit_meter(workspace, meter, MeterSpec("E-4", E, parent="MAIN",
                                           removed_on=date(2026, 10, 20)))
    flow.refresh()
    settle(qtbot, window, view)
    assert not view.shows_archived()
    assert "E-4" in view.shown_codes()
    assert view.row_texts("E-4")["flags"] == "No final reading"
    assert view.meter_item("E-4").toolTip(0).splitlines() == [
        "Archived: removed on 2026-10-20",
        "E-4: removed on 2026-10-20 with no final (拆表) total reading; its use since "
        "2026-10-01 is unknown: give the dial's figure on that day"]
    assert view.head.text().startswith("Electricity, 2026-10: 6 meters, 1 flagged.")
    assert view.select_meter("E-4") and view.archive_button.isEnabled()  # to give its final
    from views.meter_text import FLAG_COLOUR
    from views.meters_window import ARCHIVED_COLOUR, COLUMNS

    item = view.meter_item("E-4")
    assert item.foreground(0).color().name() == ARCHIVED_COLOUR  # greyed: archived
    assert item.foreground(COLUMNS.index("flags")).color().name() == FLAG_COLOUR
    assert view.grab().save(str(tmp_path / "meters-removed-unclosed.png"))
    view.set_month(NOVEMBER)
    settle(qtbot, window, view)
    assert "E-4" not in view.shown_codes()  # after its removal: archived, hidden
    assert view.head.text().endswith("1 archived meters are not shown (Show archived lists "
                                     "them).")
    view.set_show_archived(True)
    assert view.row_texts("E-4")["flags"] == "Archived: removed on 2026-10-20"
    assert view.row_texts("E-4")["used"] == ""
