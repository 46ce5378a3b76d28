"""The rehearsal → Record dialogs share one body: Record asks once, a refusal offers it
again, nothing to write keeps it off, and each says its words in its own context."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from domain.billing.invoices import TaxAmounts
from runtime.messages import Message
from services.finance_settings import HolidayDay, HolidayImport, HolidayLine
from services.invoices import ImportLine, InvoiceImport
from views.holidays_dialog import HolidayImportDialog
from views.invoice_list import InvoiceImportDialog
from views.record_review_dialog import RecordReviewDialog

CALENDAR = HolidayImport("2027.csv", (
    HolidayLine(2, date(2027, 2, 8), "holiday", "春节", "add"),
    HolidayLine(3, date(2027, 2, 20), "workday", "春节调休", "same",
                before=HolidayDay(date(2027, 2, 20), "workday", "春节调休")),
    HolidayLine(4, None, None, "", "refused", (Message(
        "holiday-row-date", "row 4: not a date", {"row": "4", "text": "二月三十日"}),)),
))
NUMBERS = InvoiceImport("export.csv", (
    ImportLine(2, "B-1", "00012345", date(2027, 3, 1), uuid.uuid4(), "B-1",
               TaxAmounts(Decimal("109.00"), Decimal("100.00"), Decimal("9.00"),
                          Decimal("0.09")), "issue"),
    ImportLine(3, "B-2", "00012346", date(2027, 3, 1), uuid.uuid4(), "B-2", None, "existing"),
))


def _dialog(qtbot, kind: type[RecordReviewDialog], plan: object) -> RecordReviewDialog:
    dialog = kind(plan)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize(("kind", "plan", "name", "record", "working"), [
    (HolidayImportDialog, CALENDAR, "holiday-import-dialog", "Record 1 days", "Saving…"),
    (InvoiceImportDialog, NUMBERS, "invoice-import-dialog", "Record 1 invoices",
     "Recording…"),
])
def test_record_asks_once_and_a_refusal_offers_it_again(qtbot, kind, plan, name, record,
                                                         working):
    dialog = _dialog(qtbot, kind, plan)
    assert dialog.objectName() == name
    assert dialog.lines.text() == "\n".join(dialog.texts())
    assert len(dialog.texts()) == len(plan.lines)
    assert dialog.record_button.text() == record and dialog.record_button.isEnabled()
    assert dialog.close_button.text() == "Cancel"
    asked: list[bool] = []
    dialog.recordRequested.connect(lambda: asked.append(True))
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert asked == [True]
    assert dialog.status.text() == working
    assert not dialog.record_button.isEnabled()
    dialog.buttons.accepted.emit()  # Record again while the app writes: not asked twice
    assert asked == [True]
    dialog.refused("The workspace is read-only.")
    assert dialog.status.text() == "The workspace is read-only."
    assert "#b3261e" in dialog.status.styleSheet()
    assert dialog.record_button.isEnabled()
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert asked == [True, True]


def test_nothing_to_write_leaves_record_off(qtbot):
    nothing = HolidayImport("2027.csv", CALENDAR.lines[1:])
    dialog = _dialog(qtbot, HolidayImportDialog, nothing)
    assert dialog.record_button.text() == "Record 0 days"
    assert not dialog.record_button.isEnabled()
    asked: list[bool] = []
    dialog.recordRequested.connect(lambda: asked.append(True))
    dialog.buttons.accepted.emit()
    assert asked == [] and dialog.status.text() == ""
    dialog.refused("no")
    assert not dialog.record_button.isEnabled()


def test_each_speaks_chinese_in_its_own_context(qtbot, chinese):
    days = _dialog(qtbot, HolidayImportDialog, CALENDAR)
    numbers = _dialog(qtbot, InvoiceImportDialog, NUMBERS)
    for dialog in (days, numbers):
        assert dialog.close_button.text() == "取消"
        for text in (dialog.windowTitle(), dialog.summary.text(),
                     dialog.record_button.text(), dialog.lines.text()):
            left = text.replace(dialog.plan.file, "").replace("B-", "")
            assert text and not any("a" <= c.lower() <= "z" for c in left), text
    qtbot.mouseClick(days.record_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(numbers.record_button, Qt.MouseButton.LeftButton)
    assert days.status.text() != "Saving…" and numbers.status.text() != "Recording…"
    assert days.status.text() and numbers.status.text()
