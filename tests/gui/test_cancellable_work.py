"""The dialogs whose work runs in the app's pool share one progress row and Cancel: the
row shows only while the app works, Cancel asks once, closing while busy cancels, and a
cancel or a failure is said in the dialog's own words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt

from views.bank_import_dialog import BankImportDialog
from views.billing_run_dialog import BillingRunDialog
from views.cancellable_work import CancellableWorkDialog
from views.meter_import_dialog import MeterImportDialog
from views.three_ledgers_window import ThreeLedgersWindow

DIALOGS: dict[str, Callable[[], CancellableWorkDialog]] = {
    "meter-import": MeterImportDialog,
    "bank-import": lambda: BankImportDialog(["date", "amount", "payer"], ["date", "amount"]),
    "billing-run": lambda: BillingRunDialog(date(2026, 3, 15)),
    "three-ledgers": lambda: ThreeLedgersWindow(date(2026, 3, 15), [("date", "Date")]),
}
# (the work that writes, what a cancelled write says, what a cancelled read says)
CANCELLED = {
    "meter-import": ("import", "Import cancelled: nothing was written.", "Rehearsal cancelled."),
    "bank-import": ("import", "Import cancelled: nothing was written.", "Rehearsal cancelled."),
    "billing-run": ("post", "Posting cancelled: nothing was written.", "Rehearsal cancelled."),
    "three-ledgers": ("import", "Cancelled: nothing was written.",
                      "Cancelled: nothing was written."),
}


@pytest.fixture(params=sorted(DIALOGS))
def named(request, qtbot) -> tuple[str, CancellableWorkDialog]:
    dialog = DIALOGS[request.param]()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return request.param, dialog


def _asked(dialog: CancellableWorkDialog) -> list[bool]:
    asked: list[bool] = []
    dialog.cancelRequested.connect(lambda: asked.append(True))
    return asked


def test_the_row_shows_while_the_app_works_and_cancel_asks_once(named, qtbot):
    name, dialog = named
    assert not dialog.progress_box.isVisible()
    writing, _said, _ = CANCELLED[name]
    dialog.set_working(writing)
    assert dialog.progress_box.isVisible() and dialog.cancel_button.isEnabled()
    assert dialog.working.text()
    assert (dialog.progress.minimum(), dialog.progress.maximum()) == (0, 0)  # until told
    dialog.set_progress(3, 10)
    assert (dialog.progress.maximum(), dialog.progress.value()) == (10, 3)
    asked = _asked(dialog)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    dialog.request_cancel()
    assert asked == [True]
    assert not dialog.cancel_button.isEnabled()
    dialog.reject()  # closing while the cancel is on its way asks nothing more
    assert asked == [True]


def test_a_cancel_is_said_and_the_row_goes(named):
    name, dialog = named
    writing, write_said, read_said = CANCELLED[name]
    dialog.set_working(writing)
    dialog.request_cancel()
    dialog.set_cancelled()
    assert not dialog.progress_box.isVisible()
    assert write_said in dialog.summary.text()
    dialog.set_working("rehearse")
    dialog.set_cancelled()
    assert read_said in dialog.summary.text()
    dialog.set_progress(5, 10)  # a late report of work that stopped moves nothing
    assert (dialog.progress.maximum(), dialog.progress.value()) == (0, -1)


def test_a_failure_is_said_in_red_and_closing_while_busy_cancels(named):
    _name, dialog = named
    dialog.set_working("rehearse")
    dialog.set_failed("The file is not a spreadsheet.")
    assert not dialog.progress_box.isVisible()
    assert "The file is not a spreadsheet." in dialog.summary.text()
    assert "#b3261e" in dialog.summary.text() + dialog.summary.styleSheet()
    asked = _asked(dialog)
    dialog.reject()  # idle: nothing to cancel
    assert asked == []
    dialog.show()
    dialog.set_working("rehearse")
    dialog.reject()
    assert asked == [True] and not dialog.isVisible()


def test_reading_a_bank_files_columns_offers_no_cancel(qtbot):
    dialog = DIALOGS["bank-import"]()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_working("columns")
    assert dialog.progress_box.isVisible() and not dialog.cancel_button.isEnabled()
    assert dialog.working.text() == "Reading the file's columns…"
