"""Never frozen: dates typed are read once complete, reads run in the pool and the latest
wins, a big park opens on its first screen, maps come from the cache, and another
process's writes show up without losing what is being typed."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDateTimeEdit, QDockWidget, QTableView
from sqlalchemy import select

from app.loading import load_workspace
from domain.contracts import Occupancy
from store.read_model import summarize
from store.schema import Unit
from store.workspace import Workspace
from tests.small_park import TODAY
from views.date_input import TYPING_MS

ROOT = Path(__file__).resolve().parents[2]


def _unit_id(path: Path, code: str):
    with Workspace.open(path) as ws, ws.reading() as s:
        return s.scalars(select(Unit.id).where(Unit.code == code)).one()


def _typing_into(qtbot, window, section: QDateTimeEdit.Section) -> QDateTimeEdit:
    """The As-of field with the keyboard's focus and ``section`` selected, as after a click."""
    edit = window.date_edit
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.setSelectedSection(section)
    return edit


def settled(qtbot, window) -> None:
    """Nothing left running, and every change of the file seen."""
    def quiet() -> bool:
        return window.tasks.running() == 0 and not window.controller.check_outside_changes()

    qtbot.waitUntil(quiet, timeout=20000)


@pytest.fixture(autouse=True)
def _window_settled(request, qtbot) -> None:
    """Each test starts on a window that has finished opening (the alerts it raises on
    opening are a write of the file, seen as a change once)."""
    for name in ("window", "big_window"):
        if name in request.fixturenames:
            settled(qtbot, request.getfixturevalue(name))


def _reads(window) -> list[date]:
    """The day of every set of rows the controller shows from now on."""
    shown: list[date] = []
    window.controller.rowsChanged.connect(lambda _rows: shown.append(window.controller.day))
    return shown


def test_a_date_being_typed_is_read_once_when_complete(window, qtbot):
    shown = _reads(window)
    edit = _typing_into(qtbot, window, QDateTimeEdit.Section.YearSection)
    QTest.keyClicks(edit, "2027")  # 2027-11-22 is a valid date already...
    assert edit.date() == QDate(2027, 11, 22)
    assert edit.waiting() and window.controller.day == TODAY and shown == []
    edit.setSelectedSection(QDateTimeEdit.Section.MonthSection)
    QTest.keyClicks(edit, "04")  # ...but the person goes on to the month
    edit.setSelectedSection(QDateTimeEdit.Section.DaySection)
    QTest.keyClicks(edit, "01")
    assert shown == []
    qtbot.waitUntil(lambda: shown != [])
    assert shown == [date(2027, 4, 1)]  # one read, of the whole date
    rows = {r.code: r for r in window.table.visible_rows()}
    assert rows["ZD-A-0102"].occupancy is Occupancy.ACTIVE


def test_an_incomplete_date_is_not_read(window, qtbot):
    shown = _reads(window)
    edit = _typing_into(qtbot, window, QDateTimeEdit.Section.DaySection)
    QTest.keyClick(edit, Qt.Key.Key_Backspace)
    QTest.keyClicks(edit, "0")  # "2026-11-0": half a day
    assert not edit.complete()
    qtbot.wait(3 * TYPING_MS)
    assert shown == [] and window.controller.day == TODAY
    QTest.keyClicks(edit, "3")
    qtbot.waitUntil(lambda: shown != [])
    assert shown == [date(2026, 11, 3)]


def test_enter_applies_a_typed_date_at_once(window, qtbot):
    shown = _reads(window)
    edit = _typing_into(qtbot, window, QDateTimeEdit.Section.YearSection)
    QTest.keyClicks(edit, "2025")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert shown == [date(2025, 11, 22)]  # no wait for the typing to end


def test_a_day_picked_in_the_calendar_applies_at_once(window, qtbot):
    shown = _reads(window)
    edit = _typing_into(qtbot, window, QDateTimeEdit.Section.DaySection)
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton,
                     pos=QPoint(edit.width() - 6, edit.height() // 2))  # the popup's arrow
    calendar = edit.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    days = calendar.findChild(QTableView)
    QTest.keyClick(days, Qt.Key.Key_Right)  # the next day, in the popup
    assert shown == [date(2026, 11, 23)]  # read at once, no wait for typing to end
    QTest.keyClick(days, Qt.Key.Key_Return)
    assert not calendar.isVisible() and shown == [date(2026, 11, 23)]


def test_a_stale_read_is_dropped_and_the_latest_date_wins(window, qtbot):
    controller = window.controller
    controller.inline_units = 0  # every read in the pool, as for a big park
    window.findChild(QDockWidget, "dock-due").hide()  # its list is read only while shown
    started = []
    window.tasks.started.connect(started.append)
    shown = []
    controller.rowsChanged.connect(
        lambda rows: shown.append({r.code: r.occupancy for r in rows}["ZD-A-0101"]))
    window.date_edit.setDate(QDate(2025, 6, 1))  # before the lease: a read starts
    window.date_edit.setDate(QDate(2027, 1, 15))  # leased: asked before the first returned
    assert controller.day == date(2027, 1, 15) and shown == []
    qtbot.waitUntil(lambda: not controller.loading)
    qtbot.waitUntil(lambda: window.tasks.running() == 0)
    assert len(started) == 2  # both were read...
    assert shown == [Occupancy.ACTIVE]  # ...only the latest was shown
    rows = {r.code: r for r in window.table.visible_rows()}
    assert rows["ZD-A-0101"].occupancy is Occupancy.ACTIVE


def test_a_big_park_opens_on_its_first_screen_then_pages_in(window, qtbot, small_park):
    from app.loading import FIRST_PAGE

    assert FIRST_PAGE >= 50  # more than a screen of rows
    loaded = load_workspace(small_park.path, TODAY, page=3)  # as a park too big to read at once
    assert not loaded.complete and [r.code for r in loaded.rows] == sorted(
        small_park.unit_codes)[:3]
    full = summarize(loaded.reader.unit_rows(loaded.scope, TODAY))
    assert loaded.summary == full  # the totals are the whole park's already
    counts = []
    window.controller.rowsChanged.connect(lambda rows: counts.append(len(rows)))
    assert window.adopt(loaded)
    assert counts[0] == 3 and "8 units" in window.summary_label.text()
    assert "reading the rest" in window.table.count.text()
    qtbot.waitUntil(lambda: window.table.model.rowCount() == 8)
    assert "reading the rest" not in window.table.count.text()
    assert window.controller.complete


def test_the_park_map_comes_from_the_cache_the_second_time(window, qtbot):
    controller = window.controller
    statements: list[str] = []
    assert controller.reader is not None
    controller.reader.source.db.set_trace_callback(statements.append)  # type: ignore[attr-defined]

    def site_reads() -> int:
        return sum("FROM buildings WHERE archived = 0 AND park_id" in s for s in statements)

    park = controller.scope
    assert park is not None and park.kind == "park"
    maps = window.show_map()
    assert maps.shown[0] == "park" and site_reads() == 1
    window.tabs.setCurrentIndex(0)
    window.show_map()
    building = controller.tree[0].buildings[0]
    controller.set_scope("building", building.id)
    controller.set_scope("park", park.id)
    assert maps.shown[0] == "park" and maps.site is not None
    assert site_reads() == 1  # drawn again from the cache, not read again
    window.date_edit.setDate(QDate(2027, 4, 1))
    assert site_reads() == 2  # another day: read
    window.date_edit.setDate(QDate(TODAY))
    assert site_reads() == 2  # back: from the cache


_WRITER = textwrap.dedent("""
    import sys, uuid
    from decimal import Decimal
    from store.edits import update_unit
    from store.workspace import Workspace

    with Workspace.open(sys.argv[1]) as ws, ws.transaction() as s:
        update_unit(s, uuid.UUID(sys.argv[2]), {"asking_rent": Decimal(sys.argv[3])})
""")


def _write_elsewhere(path: Path, unit_id, rent: str) -> None:
    """Another process changes a unit's asking rent through the store, as the CLI would."""
    done = subprocess.run([sys.executable, "-c", _WRITER, str(path), str(unit_id), rent],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.fixture
def big_window(qtbot, settings, tmp_path, shared_demo):
    """The window on a demo park with more rows than the table shows, a unit far down."""
    from tests.gui.helpers import open_window

    path = tmp_path / "demo.leasemap"
    shared_demo(path, units=300, today=TODAY)  # built once for the run, this copy our own
    win = open_window(qtbot, settings, path, size=(1200, 700))
    yield win
    win.close()


def test_another_process_s_write_shows_and_the_typing_survives(big_window, qtbot):
    window = big_window
    path = window.controller.path
    rows = window.table.visible_rows()
    target = rows[len(rows) // 2]
    assert window.table.select_unit(target.id)
    scrolled = window.table.view.verticalScrollBar().value()
    assert scrolled > 0
    name = window.details.editor("name")
    name.setFocus()
    name.selectAll()
    QTest.keyClicks(name, "Hall B")  # being typed: no Enter, focus stays
    rent = Decimal("123.45")
    assert target.asking_rent != rent

    _write_elsewhere(path, target.id, str(rent))

    def shown_rent() -> Decimal | None:
        row = next(r for r in window.table.model.rows() if r.id == target.id)
        return row.asking_rent

    qtbot.waitUntil(lambda: shown_rent() == rent)  # polled about once a second
    assert name.text() == "Hall B"  # the name being typed is still there
    assert window.table.current_unit_id() == target.id  # selection kept
    assert window.table.view.verticalScrollBar().value() == scrolled  # and the scroll
    assert window.details.editor("asking_rent").text() == "123.45"
    name.clearFocus()  # the name is saved (not typed into a closed window)
    qtbot.waitUntil(lambda: window.table.current_unit_id() == target.id
                    and window.controller.row(target.id).name == "Hall B")


def test_another_process_s_write_keeps_the_open_map(window, qtbot, small_park):
    maps = window.show_map()
    floor = window.controller.tree[0].buildings[0].floors[0]
    window.tree.select("floor", floor.id)
    assert maps.shown[:2] == ("floor", floor.id)
    unit_id = _unit_id(small_park.path, "ZD-A-0201")
    _write_elsewhere(small_park.path, unit_id, "88.8")
    qtbot.waitUntil(lambda: any(r.id == unit_id and r.asking_rent == Decimal("88.80")
                                for r in window.controller.rows))
    assert window.tabs.currentWidget() is window.map_page
    assert maps.shown[:2] == ("floor", floor.id)
    assert window.tree.selected_scope() == ("floor", floor.id)


def test_this_window_s_own_edits_are_not_taken_for_another_process_s(window, small_park):
    controller = window.controller
    unit_id = _unit_id(small_park.path, "ZD-A-0103")
    controller.edit_unit(unit_id, "asking_rent", Decimal("91.5"))
    assert not controller.check_outside_changes()
    _write_elsewhere(small_park.path, unit_id, "92.5")
    assert controller.check_outside_changes()
