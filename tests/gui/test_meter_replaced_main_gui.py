"""A main meter replaced by a new record, as a person does it in Billing ▸ Meters: the meter
dialog says before Save which sub meters move to the new record (and takes the old one's
tariff and place), Save moves them; the 公摊 statement of the swap month shows each record's
line, says who measured what, and adds up; the month before reads as it did.

The tree (``tests.gui.meters_park``): MAIN (1.00 a kWh) → E-1 (ZD-A-0101), E-2 (ZD-A-0102),
LIFT, read on 1 October and 1 November 2026 (MAIN 600 kWh in October). MAIN is swapped on
15 November for MAIN-2 (a CT ratio of 10): MAIN's final 1900 (300 kWh), MAIN-2 from 0 to 40
on 1 December (400 kWh); the sub meters use 200, 150 and 30 in November.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from html import escape
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from sqlalchemy import select

from app.meters_flow import read_statement
from domain.billing.meters import ReadingKind
from services.meter_archive import archive_meter
from services.meters import MeterSpec, ReadingEntry, create_meter, record_readings
from store.schema import Meter
from store.workspace import Workspace
from tests.gui.meters_park import NOVEMBER, OCTOBER, E, build_metered, open_meters, settle
from tests.small_leases import park_id

D = Decimal
SWAP = date(2026, 11, 15)
DECEMBER = date(2026, 12, 1)


@pytest.fixture
def metered(tmp_path) -> Path:
    return build_metered(tmp_path / "swap.leasemap")


def _ids(path: Path) -> dict[str, object]:
    with Workspace.open(path) as ws, ws.reading() as s:
        return {m.code: m for m in s.scalars(select(Meter))}


def test_the_meter_dialog_says_the_sub_meters_move_and_save_moves_them(qtbot, settings,
                                                                       metered):
    window, flow, view = open_meters(qtbot, settings, metered)
    try:
        assert view.select_meter("MAIN")
        qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
        dialog = flow.meter_dialog
        assert dialog is not None and dialog.parent_box.currentData() == "MAIN"
        dialog.code_edit.setText("MAIN-2")
        dialog.multiplier_edit.setText("10")
        assert dialog.choose_replaced("MAIN")
        # Added under MAIN, it replaces: it hangs where MAIN hangs, priced as MAIN is.
        assert dialog.parent_box.currentData() == ""
        assert dialog.tariff_box.currentText() == "一般工商业"
        dialog.installed_edit.setText(SWAP.isoformat())
        assert dialog.moving_subs() == ["E-1", "E-2", "LIFT"]
        assert dialog.replaces_note.text() == (
            "Saving marks MAIN removed on 2026-11-15, the day this meter is installed. Its "
            "final reading is not entered yet: Archive… MAIN asks for it; until then its "
            "months after its last reading are held as not read. 3 sub meters move from MAIN "
            "to MAIN-2: E-1, E-2, LIFT. Past months stay as they were: the two records are "
            "one place in the tree.")
        dialog.code_edit.setText("MAIN-NEW")  # the note follows the code typed
        assert "to MAIN-NEW: E-1, E-2, LIFT." in dialog.replaces_note.text()
        dialog.code_edit.setText("MAIN-2")
        dialog.resize(640, 760)
        assert dialog.grab().save(str(metered.parent / "replace-main-dialog.png"))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: view.meter_item("MAIN-2") is not None, timeout=30000)
        settle(qtbot, window, view)
    finally:
        window.close()
    rows = _ids(metered)
    new = rows["MAIN-2"]
    assert {c: rows[c].parent_id for c in ("E-1", "E-2", "LIFT")} == dict.fromkeys(
        ("E-1", "E-2", "LIFT"), new.id)
    assert (new.replaces_id, new.tariff_id, new.parent_id) == (
        rows["MAIN"].id, rows["MAIN"].tariff_id, None)
    assert rows["MAIN"].removed_on == SWAP


def _swapped(path: Path) -> Any:
    """MAIN-2 replaces MAIN on the 15th, MAIN archived with its final, December's readings."""
    with Workspace.open(path) as ws:
        pid = park_id(ws)
        before = read_statement(ws, _ids(path)["MAIN"].id, OCTOBER, "CNY")
        create_meter(ws, pid, MeterSpec("MAIN-2", E, multiplier=D(10), installed_on=SWAP,
                                        replaces="MAIN"))
        archive_meter(ws, _ids(path)["MAIN"].id, SWAP, {"total": D(1900)})
        record_readings(ws, pid, [
            ReadingEntry("MAIN-2", SWAP, D(0), kind=ReadingKind.INITIAL),
            *(ReadingEntry(code, DECEMBER, D(value)) for code, value in (
                ("MAIN-2", 40), ("E-1", 500), ("E-2", 500), ("LIFT", 110)))])
        return before


def test_the_swap_month_s_statement_shows_both_records_and_adds_up(qtbot, metered, tmp_path):
    from views.meter_statement_dialog import MeterStatementDialog, statement_html, table_texts

    before = _swapped(metered)
    with Workspace.open(metered) as ws:
        rows = _ids(metered)
        for meter in ("MAIN", "MAIN-2"):  # October, asked of either record: as it was
            again = read_statement(ws, rows[meter].id, OCTOBER, "CNY")
            assert (again.title, again.meters, again.figures, again.shares, again.check,
                    again.notes, again.flags) == (before.title, before.meters, before.figures,
                                                  before.shares, before.check, before.notes,
                                                  before.flags)
        sheet = read_statement(ws, rows["MAIN-2"].id, NOVEMBER, "CNY")
    dialog = MeterStatementDialog("MAIN-2", NOVEMBER)
    qtbot.addWidget(dialog)
    dialog.set_sheet(sheet)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.title.text() == "Shared consumption statement (公摊) of MAIN + MAIN-2"
    assert table_texts(dialog.meters) == [
        ["MAIN", "Main meter up to 2026-11-15 (replaced)", "", "300"],
        ["MAIN-2", "Main meter from 2026-11-15 (replacement)", "", "400"],
        ["E-1", "Unit meter", "ZD-A-0101", "200"],
        ["E-2", "Unit meter", "ZD-A-0102", "150"],
        ["LIFT", "Common area meter", "", "30"],
        ["Σ sub meters", "", "", "380"]]
    assert table_texts(dialog.figures)[0] == ["Main meter (MAIN + MAIN-2)", "700.0", "kWh"]
    assert dialog.sheet.adds_up and dialog.check.text().startswith(
        "Adds up: main 700 = Σ sub meters 380 + unmetered 320; Σ shares 350 = shared 350")
    said = ("MAIN was replaced by MAIN-2 on 2026-11-15: MAIN measured 300 kWh up to its final "
            "reading, MAIN-2 400 kWh from its initial reading; the main meter's consumption "
            "is the two, 700 kWh")
    assert dialog.notes.isVisible() and said in dialog.notes.text()
    assert not dialog.flags.isVisible()
    assert escape(said) in statement_html(sheet)  # on paper too
    picture = tmp_path / "statement-replaced-main.png"
    assert dialog.grab().save(str(picture))
    assert not QImage(str(picture)).isNull()
