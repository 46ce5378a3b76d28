"""Billing ▸ Meters in a real window on the small park: a generated meter tree shown with its
month's use and flags; a meter added, and a loop refused in words with nothing written;
month-end readings typed (use and flags worked out as typed, a fall flagged, a reading below
zero refused and kept as typed) and saved in one go; a readings file rehearsed (its refused
rows said, nothing written), imported, and an import cancelled (nothing written); the 公摊
statement whose unit shares add up to the shared figure, exported to Excel and PDF.

The tree is drawn from a seeded random generator (as the service's property test draws
trees): a main meter MAIN, distribution meters under it or under each other, a meter per
unit of the small park (ZD-A-0101…ZD-B-0102) under any feeding meter, common meters, and
each feeding meter measuring its children plus some loss; read on 1 October and
1 November 2026. The window's day is 2026-11-22, so its month is October.
"""

from __future__ import annotations

import csv
import threading
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from random import Random
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from domain.billing.tariffs import FlatTariff, to_document
from domain.money import money
from services.meters import MeterSpec, create_meter, import_readings, shared_statement
from store.schema import Meter, MeterReading, Outbox, Tariff
from tests.gui.helpers import open_window
from tests.small_leases import open_small, park_id

D = Decimal
E = "electricity"
OCTOBER, NOVEMBER = date(2026, 10, 1), date(2026, 11, 1)
UNITS = ("ZD-A-0101", "ZD-A-0102", "ZD-A-0103", "ZD-A-0201", "ZD-A-0202", "ZD-A-0203",
         "ZD-B-0101", "ZD-B-0102")
DAY = date(2026, 11, 22)  # the window's day (tests.small_park.TODAY)
TARIFF, PRICE = "一般工商业", D("0.8675")  # MAIN's, a flat price per kWh


def generated_tree(seed: int) -> list[dict[str, Any]]:
    """Meters, parents before children: code, parent, unit, multiplier, and each leaf's
    dial travel in October, each feeding meter's loss; every dial's opening figure."""
    rng = Random(seed)
    meters: list[dict[str, Any]] = [{"code": "MAIN", "parent": None, "unit": None}]
    feeding = ["MAIN"]
    for n in range(rng.randint(1, 3)):
        parent = rng.choice(feeding)
        meters.append({"code": f"D{n}", "parent": parent, "unit": None})
        feeding.append(f"D{n}")
    for unit in rng.sample(UNITS, rng.randint(3, len(UNITS))):
        meters.append({"code": f"E-{unit[3:]}", "parent": rng.choice(feeding), "unit": unit,
                       "multiplier": rng.choice((1, 1, 10))})
    for c in range(rng.randint(1, 2)):
        meters.append({"code": f"C{c}", "parent": rng.choice(feeding), "unit": None})
    for m in meters:
        if m["code"] not in feeding:
            m["travel"] = D(rng.randint(10, 5000)) / 10
        m.setdefault("multiplier", 1)
        m["start"] = D(rng.randint(0, 50_000)) / 10
        m["loss"] = D(rng.randint(0, 3000)) / 10
    return meters


def used(m: dict[str, Any], meters: list[dict[str, Any]]) -> Decimal:
    """What a meter measures: its dial travel × multiplier, or its children's plus loss."""
    if "travel" in m:
        return m["travel"] * m["multiplier"]
    return sum((used(c, meters) for c in meters if c["parent"] == m["code"]), D(0)) + m["loss"]


def depth_first(meters: list[dict[str, Any]]) -> list[str]:
    out: list[str] = []

    def walk(code: str) -> None:
        out.append(code)
        for child in sorted(m["code"] for m in meters if m["parent"] == code):
            walk(child)

    walk("MAIN")
    return out


def write_csv(path: Path, rows: list[list[Any]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    return path


@pytest.fixture
def metered(tmp_path) -> tuple[Path, list[dict[str, Any]]]:
    path = tmp_path / "meters.leasemap"
    workspace = open_small(path)
    meters = generated_tree(7)
    try:
        pid = park_id(workspace)
        with workspace.transaction() as s:
            tariff = Tariff(park_id=pid, utility=E, name=TARIFF, valid_from=date(2026, 1, 1),
                            document=to_document(FlatTariff(date(2026, 1, 1), PRICE)))
            s.add(tariff)
            s.flush()
            tariff_id = tariff.id
        for m in meters:
            create_meter(workspace, pid, MeterSpec(
                m["code"], E, parent=m["parent"], unit=m["unit"], multiplier=D(m["multiplier"]),
                rollover_at=D(100000), tariff_id=tariff_id if m["parent"] is None else None))
        rows: list[list[Any]] = [["表号", "抄表日期", "读数"]]
        for m in meters:
            travel = used(m, meters) / m["multiplier"]
            rows += [[m["code"], OCTOBER.isoformat(), str(m["start"])],
                     [m["code"], NOVEMBER.isoformat(), str(m["start"] + travel)]]
        report = import_readings(workspace, pid, write_csv(tmp_path / "read.csv", rows))
        assert report.added == 2 * len(meters) and report.rejected == 0
    finally:
        workspace.close()
    return path, meters


@pytest.fixture
def meters_window(qtbot, settings, metered):
    path, meters = metered
    window = open_window(qtbot, settings, path)
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)
    action = next(a for a in window.billing_menu.actions() if a.objectName() == "meters-action")
    assert action.text() == "&Meters…" and action.isEnabled()
    action.trigger()
    from views.meters_window import MetersWindow

    view = window.findChild(MetersWindow, "meters-window")
    assert view is not None and view.isVisible()
    settle(qtbot, window, view)
    yield window, view, meters
    window.close()


def settle(qtbot, window, view) -> None:
    qtbot.waitUntil(lambda: window.tasks.running() == 0 and view.snapshot is not None
                    and not view._loading, timeout=30000)


def count(window, model, *where) -> int:
    with window.controller.workspace.reading() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def figure(text: str) -> Decimal:
    return D(text.replace(",", "").rstrip("%"))


# -- the tree ----------------------------------------------------------------------------


def test_the_tree_shows_the_generated_meters_with_their_month(qtbot, meters_window):
    window, view, meters = meters_window
    assert view.month() == OCTOBER and view.utility() == E
    assert view.shown_codes() == depth_first(meters)
    for m in meters:  # each under its parent, with its unit, multiplier and October's use
        item = view.meter_item(m["code"])
        assert item is not None
        parent = item.parent()
        assert (parent.text(0) if parent is not None else None) == m["parent"]
        row = view.row_texts(m["code"])
        assert row["unit"] == (m["unit"] or "")
        assert row["tariff"] == (TARIFF if m["code"] == "MAIN" else "")
        assert row["multiplier"] == str(m["multiplier"])
        assert figure(row["used"]) == used(m, meters)
        assert row["last-on"] == NOVEMBER.isoformat()
        assert row["flags"] == ""
    assert view.head.text().startswith(f"Electricity, 2026-10: {len(meters)} meters, 0 flagged.")
    # Another utility has no meters yet: said, not an empty grid alone.
    view.set_utility("water")
    settle(qtbot, window, view)
    assert view.shown_codes() == []
    assert view.head.text().startswith("No water meters yet")
    assert not view.entry_button.isEnabled() and view.add_button.isEnabled()


def test_a_meter_is_added_and_a_loop_is_refused_in_words(qtbot, meters_window):
    window, view, meters = meters_window
    flow = _flow(window)
    assert view.select_meter("MAIN")
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    dialog = flow.meter_dialog
    assert dialog is not None and dialog.parent_box.currentData() == "MAIN"
    dialog.code_edit.setText("E-NEW")
    dialog.unit_edit.setText("ZD-B-0102X")  # no such unit: refused, nothing written
    dialog.multiplier_edit.setText("abc")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.refusal.text() == "Multiplier: “abc” is not a number"  # not even sent
    dialog.multiplier_edit.setText("2")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.refusal.text() != "", timeout=30000)
    assert dialog.refusal.text() == "E-NEW: no unit ZD-B-0102X in the park"
    assert dialog.isVisible() and dialog.code_edit.text() == "E-NEW"  # what was typed stays
    assert count(window, Meter) == len(meters)
    dialog.unit_edit.setText("")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.meter_item("E-NEW") is not None, timeout=30000)
    assert view.meter_item("E-NEW").parent().text(0) == "MAIN"
    assert view.row_texts("E-NEW")["multiplier"] == "2"
    assert "Meter E-NEW saved." in window.statusBar().currentMessage()

    # MAIN under one of its own sub meters: a loop, refused in words, nothing written.
    settle(qtbot, window, view)
    child = next(m["code"] for m in meters if m["parent"] == "MAIN")
    assert view.select_meter("MAIN")
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    dialog = flow.meter_dialog
    assert dialog is not None and dialog.code_edit.text() == "MAIN"
    assert dialog.rollover_edit.text() == "100000"
    assert [dialog.tariff_box.itemText(i) for i in range(dialog.tariff_box.count())] == [
        "(none: not priced)", TARIFF]
    assert dialog.tariff_box.currentText() == TARIFF  # kept as it is when saved
    ops = count(window, Outbox)
    dialog.parent_box.setCurrentIndex(dialog.parent_box.findData(child))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.refusal.text() != "", timeout=30000)
    assert dialog.refusal.text() == "MAIN cannot go there: MAIN: its parents loop back to MAIN"
    assert dialog.parent_box.currentData() == child
    with window.controller.workspace.reading() as s:
        assert s.scalar(select(Meter.parent_id).where(Meter.code == "MAIN")) is None
    assert count(window, Outbox) == ops


# -- readings typed ------------------------------------------------------------------------


def test_readings_typed_show_their_use_and_flags_and_are_saved_in_one_go(qtbot, meters_window):
    window, view, meters = meters_window
    flow = _flow(window)
    leaves = [m for m in meters if "travel" in m and m["multiplier"] == 1]
    tens = [m for m in meters if "travel" in m and m["multiplier"] == 10]
    rising, falling, below = leaves[0], leaves[1], leaves[2]
    qtbot.mouseClick(view.entry_button, Qt.MouseButton.LeftButton)
    dialog = flow.entry
    assert dialog is not None and dialog.day() == DAY
    assert [r.meter.code for r in dialog.rows] == depth_first(meters)  # the whole tree
    last = {m["code"]: m["start"] + used(m, meters) / m["multiplier"] for m in meters}
    assert figure(dialog.cell(rising["code"], "previous")) == last[rising["code"]]
    assert dialog.cell(rising["code"], "previous-on") == NOVEMBER.isoformat()

    dialog.type_value(rising["code"], str(last[rising["code"]] + D("12.5")))
    assert dialog.cell(rising["code"], "used") == "12.5"
    assert dialog.cell(rising["code"], "flags") == ""
    if tens:  # the multiplier is applied as typed
        dialog.type_value(tens[0]["code"], str(last[tens[0]["code"]] + 3))
        assert dialog.cell(tens[0]["code"], "used") == "30"
    dialog.type_value(falling["code"], str(last[falling["code"]] - 5))
    assert dialog.cell(falling["code"], "used") == "-50" if falling["multiplier"] == 10 \
        else dialog.cell(falling["code"], "used") == "-5"
    assert dialog.cell(falling["code"], "flags") == "Fall"
    row = dialog.row_of(falling["code"])
    tip = dialog.grid.item(row, 7).toolTip()
    assert "is below" in tip and "is not a rollover" in tip
    dialog.type_value(below["code"], "-5")
    assert dialog.cell(below["code"], "flags") == "Below zero"
    dialog.type_value("MAIN", "abc")
    assert dialog.cell("MAIN", "flags") == "“abc” is not a number"
    typed = 4 if tens else 3
    assert dialog.summary.text() == (f"{len(dialog.rows)} meters; {typed + 1} readings typed, "
                                     "2 flagged, 1 not numbers.")

    before, commands = count(window, MeterReading), count(window, Outbox,
                                                          Outbox.kind == "post_reading")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog._busy and window.tasks.running() == 0, timeout=30000)
    assert dialog.summary.text() == (
        f"Saved in one go: {typed - 1} new, 0 corrected, 0 already there, 1 refused. "
        "A refused row keeps what you typed: correct it and save again.")
    assert dialog.cell(rising["code"], "saved") == "Saved"
    assert dialog.cell(falling["code"], "saved") == "Saved"  # flagged, written all the same
    assert dialog.cell(below["code"], "saved").startswith("Refused: ")
    assert "below zero" in dialog.cell(below["code"], "saved")
    assert dialog.grid.item(dialog.row_of(below["code"]), 5).text() == "-5"  # kept as typed
    assert dialog.grid.item(dialog.row_of("MAIN"), 5).text() == "abc"  # not sent, kept
    assert count(window, MeterReading) == before + typed - 1
    assert count(window, Outbox, Outbox.kind == "post_reading") == commands + typed - 1
    with window.controller.workspace.reading() as s:
        stored = {code: value for code, value in s.execute(
            select(Meter.code, MeterReading.value).select_from(MeterReading).join(
                Meter, Meter.id == MeterReading.meter_id).where(MeterReading.read_on == DAY))}
    assert stored[rising["code"]] == last[rising["code"]] + D("12.5")
    assert below["code"] not in stored

    # The window reads the tree again: November's use and the fall's flag are shown.
    settle(qtbot, window, view)
    view.set_month(NOVEMBER)
    settle(qtbot, window, view)
    assert view.row_texts(rising["code"])["used"] == "12.5"
    assert view.row_texts(rising["code"])["last-on"] == DAY.isoformat()
    assert view.row_texts(falling["code"])["flags"] == "Fall"
    assert "is not a rollover" in view.meter_item(falling["code"]).toolTip(7)
    # November is not over: a meter with no reading in it yet is flagged "not read".
    assert view.row_texts(below["code"])["flags"] == "Not read"
    assert view.row_texts(below["code"])["used"] == ""  # not measured, not 0
    unread = len(meters) - (typed - 1)
    assert view.head.text().startswith(f"Electricity, 2026-11: {len(meters)} meters, "
                                       f"{unread + 1} flagged.")


# -- readings imported -----------------------------------------------------------------------


def _flow(window):
    from app.meters_flow import meters_flow_of

    return meters_flow_of(window)


def _import_dialog(qtbot, window, view):
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)
    dialog = _flow(window).importer
    assert dialog is not None and dialog.isVisible()
    return dialog


def _idle(qtbot, window, dialog) -> None:
    qtbot.waitUntil(lambda: not dialog._busy and window.tasks.running() == 0, timeout=30000)


def readings_file(folder: Path, meters: list[dict[str, Any]]) -> Path:
    """Two good readings, an unknown meter and a day that does not read."""
    leaf = next(m for m in meters if "travel" in m)
    last = leaf["start"] + used(leaf, meters) / leaf["multiplier"]
    return write_csv(folder / "december.csv", [
        ["表号", "抄表日期", "读数"],
        [leaf["code"], "2026-12-01", str(last + 7)],
        ["MAIN", "2026-12-01", "99999"],
        ["NOPE", "2026-12-01", "10"],
        [leaf["code"], "十二月", "12"],
    ])


def test_an_import_is_rehearsed_with_its_refusals_then_written(qtbot, meters_window, tmp_path):
    window, view, meters = meters_window
    dialog = _import_dialog(qtbot, window, view)
    before = count(window, MeterReading)
    dialog.choose_file(readings_file(tmp_path, meters))
    _idle(qtbot, window, dialog)
    rows = dialog.rows()
    assert [(r.row_number, r.code, str(r.status.value)) for r in rows] == [
        (2, rows[0].code, "new"), (3, "MAIN", "new"), (4, "NOPE", "rejected"),
        (5, rows[0].code, "rejected")]
    assert dialog.proxy.index(2, 7).data() == "no meter NOPE in the park"
    assert dialog.proxy.index(3, 7).data() == "抄表日期: cannot read “十二月” as a day"
    assert dialog.proxy.index(0, 5).data() == "7"  # used since 1 November, as rehearsed
    assert dialog.summary.text() == (
        "4 readings under the header on row 1: 2 to add, 0 to correct, 0 already there, 2 "
        "refused; 0 flagged. Nothing is written until you import.")
    assert count(window, MeterReading) == before  # a rehearsal writes nothing
    dialog.problems_only.setChecked(True)
    assert [r.row_number for r in dialog.rows()] == [4, 5]
    dialog.problems_only.setChecked(False)

    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, window, dialog)
    assert dialog.summary.text().startswith("Imported in one go: 2 readings added, 0 corrected")
    assert count(window, MeterReading) == before + 2
    assert not dialog.import_button.isEnabled()
    assert "Readings imported: 2 added, 0 corrected." in window.statusBar().currentMessage()
    dialog.request_rehearsal()  # the same file again: nothing new
    _idle(qtbot, window, dialog)
    assert [str(r.status.value) for r in dialog.rows()][:2] == ["unchanged", "unchanged"]
    assert not dialog.import_button.isEnabled()
    assert count(window, MeterReading) == before + 2


def hold_at_report(window, number: int) -> threading.Event:
    """Hold the meters flow's next task at its ``number``-th progress report (inside
    ``job.step``, in the worker thread) until it is cancelled; set once it is held."""
    flow = _flow(window)
    reached = threading.Event()
    seen: list[int] = []

    def watch(task) -> None:
        flow.taskStarted.disconnect(watch)

        def hold(done: int, _total: int, _message: str) -> None:  # in the worker thread
            seen.append(done)
            if len(seen) == number:
                reached.set()
                while not task.job.cancelled:
                    time.sleep(0.005)

        task.signals.progress.connect(hold, Qt.ConnectionType.DirectConnection)

    flow.taskStarted.connect(watch)
    return reached


def test_a_cancelled_import_writes_nothing(qtbot, meters_window, tmp_path):
    window, view, meters = meters_window
    dialog = _import_dialog(qtbot, window, view)
    before = count(window, MeterReading), count(window, Outbox)
    dialog.choose_file(readings_file(tmp_path, meters))
    _idle(qtbot, window, dialog)
    # The second report is inside the transaction, the readings judged and about to be
    # written; the cancel is heard at the step after the writing, which rolls it all back.
    reached = hold_at_report(window, 2)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reached.is_set, timeout=30000)
    assert dialog.progress_box.isVisible() and dialog.cancel_button.isEnabled()
    assert dialog.working.text() == "Importing the readings…"
    assert not dialog.import_button.isEnabled() and not dialog.rehearse_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, window, dialog)
    assert dialog.summary.text() == "Import cancelled: nothing was written."
    assert (count(window, MeterReading), count(window, Outbox)) == before
    assert dialog.import_button.isEnabled()  # the rehearsal still holds: import it after all
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, window, dialog)
    assert count(window, MeterReading) == before[0] + 2


# -- the 公摊 statement ----------------------------------------------------------------------


def test_the_statement_adds_up_and_is_exported(qtbot, meters_window, tmp_path):
    window, view, meters = meters_window
    flow = _flow(window)
    leaf = next(m for m in meters if "travel" in m)
    assert view.select_meter(leaf["code"])
    assert not view.statement_button.isEnabled()  # a unit's meter shares nothing
    assert view.select_meter("MAIN")
    assert view.statement_button.isEnabled()
    qtbot.mouseClick(view.statement_button, Qt.MouseButton.LeftButton)
    dialog = flow.statement
    assert dialog is not None and dialog.month() == OCTOBER
    qtbot.waitUntil(lambda: dialog.sheet is not None, timeout=30000)
    with window.controller.workspace.reading() as s:
        main_id = s.scalar(select(Meter.id).where(Meter.code == "MAIN"))
        statement = shared_statement(s, main_id, OCTOBER)
    assert statement.main.amount == used(meters[0], meters)
    from views.meter_statement_dialog import table_texts

    shares = table_texts(dialog.shares)
    headers = [dialog.shares.horizontalHeaderItem(c).text()
               for c in range(dialog.shares.columnCount())]
    assert headers == ["Unit", "Area (m²)", "Fraction", "Own meters (kWh)", "Share (kWh)",
                       "Total use (kWh)", "Amount (CNY)"]
    *units, total = shares
    assert total[0] == "All units"
    assert sorted(u[0] for u in units) == sorted(
        m["unit"] for m in meters if m["unit"] and _under(m, "MAIN", meters))
    # The unit shares add up to the shared figure, on screen and in the service's figures.
    assert sum((figure(u[4]) for u in units), D(0)) == figure(total[4]) == statement.shared
    assert sum((figure(u[1]) for u in units), D(0)) == figure(total[1]) == \
        statement.denominator
    assert statement.shared == statement.unmetered + statement.common
    assert statement.main.amount == sum((x.amount for x in statement.subs), D(0)) + \
        statement.unmetered
    # …and their amounts to the shared charge: the shared figure priced once, to the cent.
    charge = money(statement.shared * PRICE)
    assert sum((figure(u[6]) for u in units), D(0)) == figure(total[6]) == charge
    figures = {row[0]: row[1] for row in table_texts(dialog.figures)}
    assert figure(figures["Shared (unmetered + common)"]) == statement.shared
    assert figure(figures["Unmetered (main − Σ sub meters): line loss and common use no sub "
                          "meter sees"]) == statement.unmetered
    assert figure(figures["Shared charge"]) == charge
    assert dialog.check.text().startswith("Adds up: main ")
    assert dialog.check.text().endswith(f"the shared charge {charge:,}")
    assert dialog.sheet.adds_up

    out = dialog.export_to(tmp_path / "公摊", "xlsx")
    assert out == tmp_path / "公摊.xlsx"
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Saved "), timeout=30000)
    sheet = load_workbook(out).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "Shared consumption statement (公摊) of MAIN"
    start = next(i for i, r in enumerate(values) if r[0] == "Unit" and r[1] == "Area (m²)")
    end = next(i for i in range(start, len(values)) if values[i][0] == "All units")
    parts = [D(str(r[4])) for r in values[start + 1:end]]
    assert sum(parts, D(0)) == D(str(values[end][4])) == statement.shared
    pdf = dialog.export_to(tmp_path / "公摊.pdf", "pdf")
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    assert dialog.status.text() == f"Saved {pdf}"

    # Another month, read again: November has no readings after 1 November yet.
    dialog.month_edit.setDate(dialog.month_edit.date().addMonths(1))
    qtbot.waitUntil(lambda: dialog.sheet is not None and window.tasks.running() == 0,
                    timeout=30000)
    assert dialog.sheet.flags  # every meter unread in November: flagged, not ready


def _under(meter: dict[str, Any], top: str, meters: list[dict[str, Any]]) -> bool:
    parents = {m["code"]: m["parent"] for m in meters}
    up = meter["parent"]
    while up is not None:
        if up == top:
            return True
        up = parents[up]
    return False


def test_the_windows_are_registered_for_the_chinese_sweep():
    from app.dialog_registry import DIALOGS

    assert {"meters", "meter-dialog", "meter-readings", "meter-import",
            "meter-statement"} <= set(DIALOGS)


def test_shown_shares_add_up_to_the_shown_shared_figure_to_the_last_place(qtbot):
    """A main meter behind an 80:1 transformer read to 0.001: the shared figure has six
    places and so do the shares split from it; the table shows them all, so the parts a
    tenant adds up make the whole shown (here, rounded to three places, the shares would
    add up to a thousandth less than the shared 933.64)."""
    from PySide6.QtWidgets import QTableWidget

    from domain.billing.meters import Meter as Rules
    from domain.billing.meters import Period, Reading, Utility
    from domain.billing.shared_consumption import Basis, statement
    from domain.billing.unit_consumption import UNPRICED
    from views.meter_statement_dialog import fill_table, table_texts
    from views.meter_text import statement_sheet

    power = Utility.ELECTRICITY
    meters = [Rules("M", "MAIN", power, multiplier=D("80.000")),
              *(Rules(f"u{i}", f"E-{i}", power, "M", f"U{i}") for i in range(7))]
    ends = {"M": (D("100.000"), D("142.383")), **{f"u{i}": (D(0), D(300 + 17 * i))
                                                  for i in range(7)}}
    readings = [Reading(m, day, "total", value) for m, pair in ends.items()
                for day, value in zip((OCTOBER, NOVEMBER), pair, strict=True)]
    areas = {f"U{i}": D("100.00") + D(i * 37) / 3 for i in range(7)}
    areas = {u: D(str(round(a, 2))) for u, a in areas.items()}
    found = statement("M", meters, readings, Period.month(2026, 10), Basis("area", areas),
                      UNPRICED, 3)
    assert found.ready and -found.shared.as_tuple().exponent > 3
    sheet = statement_sheet(found, {u: u for u in areas}, "CNY", priced=False)
    table = QTableWidget()
    qtbot.addWidget(table)
    fill_table(table, sheet.shares)
    assert table.columnCount() == 6  # not priced: no amounts, rather than 0.00 each
    *units, total = table_texts(table)
    assert sum((figure(u[4]) for u in units), D(0)) == figure(total[4]) == found.shared
    assert any(len(u[4].split(".")[1]) > 3 for u in units)
