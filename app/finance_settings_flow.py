"""Billing ▸ Tax rates… and Billing ▸ Holidays…: the park's VAT table and working calendar.

Tax rates. :func:`open_tax_rates` shows the dialog (one per window) and reads the
park's rates in the worker pool (``services.finance_settings.tax_settings``). OK
saves them in one transaction (``save_tax_rates``); then the dialog closes and an
open invoice list is read again, so its VAT column and what Issue… offers follow.
A refusal is said in the dialog, each charge by its name
(``views.tax_rates_dialog.tax_refusal_text``), and the dialog stays open with what
was typed.

Holidays. :func:`open_holidays` shows a year of the park's calendar (the window's
year), read in the pool; each add or remove is written in the pool and the year is
read again, saying what was done (or why not) under the list. Import… rehearses the
file in the pool, shows what it would do (``views.holidays_dialog.HolidayImportDialog``),
and writes it only when the person records it. Collections reads the calendar when it
raises the day's actions, so new due dates follow it.

Closing the workspace closes both dialogs; an answer that comes back after that (or
after another park was chosen) is dropped.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

if TYPE_CHECKING:
    from app.main_window import MainWindow
    from views.holidays_dialog import HolidayImportDialog, HolidaysDialog
    from views.tax_rates_dialog import TaxRatesDialog

translate = QCoreApplication.translate


@dataclass(frozen=True)
class _Refused:
    """A refusal already in the reader's words."""

    text: str


class FinanceSettingsFlow(QObject):
    """The window's tax rates and holidays dialogs, and the reads and writes they ask for."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("finance-settings-flow")
        self.window = window
        self.tax_dialog: TaxRatesDialog | None = None
        self.holidays_dialog: HolidaysDialog | None = None
        self.importing: HolidayImportDialog | None = None
        self.tax_park: uuid.UUID | None = None  # the park each dialog shows
        self.holidays_park: uuid.UUID | None = None
        self._serial = 0  # bumped when the workspace closes: answers after it are dropped
        window.controller.closed.connect(self._closed)

    def _park(self) -> Any | None:
        from services.register import park_of

        controller = self.window.controller
        return park_of(controller.tree, controller.scope) if controller.is_open else None

    def _start(self, work: Callable[[], Any], done: Callable[[Any], None],
               failed: Callable[[str], None]) -> None:
        serial = self._serial

        def answered(result: Any) -> None:
            if serial == self._serial:
                done(result)

        def not_done(message: str, _trace: str) -> None:
            if serial == self._serial:
                failed(message)

        self.window.tasks.start(lambda _job: work(), on_success=answered,
                                on_failure=not_done)

    # -- tax rates ---------------------------------------------------------------------------

    def open_tax_rates(self) -> TaxRatesDialog | None:
        """The park's tax rates dialog, brought forward when it is open already."""
        from views.tax_rates_dialog import TaxRatesDialog

        park = self._park()
        if park is None:
            return None
        dialog = self.tax_dialog
        if dialog is not None and self.tax_park != park.id:
            dialog.close()
            dialog = None
        if dialog is None:
            self.tax_park = park.id
            dialog = self.tax_dialog = TaxRatesDialog(self.window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            # forgotten when it closes, not when it is deleted later: opening it again in
            # between must make a new one, not show the closing one with its old typing
            dialog.finished.connect(lambda *_: self._forget_tax(dialog))
            dialog.destroyed.connect(lambda *_: self._forget_tax(dialog))
            dialog.save_requested.connect(lambda rates: self.save_tax_rates(dialog, park.id,
                                                                            rates))
            dialog.set_reading(True)
            dialog.set_status(translate("FinanceSettingsFlow", "Reading the park's tax rates…"))
            self._read_tax(dialog, park.id)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _read_tax(self, dialog: TaxRatesDialog, park_id: uuid.UUID) -> None:
        workspace = self.window.controller.workspace

        def work() -> Any:
            from services.finance_settings import tax_settings

            with workspace.reading() as session:
                return tax_settings(session, park_id)

        def done(settings: Any) -> None:
            if self.tax_dialog is dialog:
                dialog.set_settings(settings)
                dialog.set_reading(False)
                dialog.set_status("")

        def failed(message: str) -> None:
            if self.tax_dialog is dialog:
                dialog.set_status(message, error=True)

        self._start(work, done, failed)

    def save_tax_rates(self, dialog: TaxRatesDialog, park_id: uuid.UUID,
                       rates: dict[str, str]) -> None:
        """Save the rates typed; an open invoice list follows them."""
        workspace = self.window.controller.workspace

        def work() -> Any:
            from services.finance_settings import TaxRatesRefused, save_tax_rates
            from views.tax_rates_dialog import tax_refusal_text

            try:
                return save_tax_rates(workspace, park_id, rates)
            except TaxRatesRefused as exc:
                return _Refused(tax_refusal_text(exc))

        def done(result: Any) -> None:
            if isinstance(result, _Refused):
                if self.tax_dialog is dialog:
                    dialog.refused(result.text)
                return
            said = translate("FinanceSettingsFlow", "Tax rates saved.")
            self.window.statusBar().showMessage(said, 10000)
            self._invoices_follow(said)
            if self.tax_dialog is dialog:
                dialog.saved()

        def failed(message: str) -> None:
            if self.tax_dialog is dialog:
                dialog.refused(message)

        self._start(work, done, failed)

    def _invoices_follow(self, said: str) -> None:
        from app.invoice_flow import InvoiceFlow

        flow = self.window.findChild(InvoiceFlow, "invoice-flow")
        if isinstance(flow, InvoiceFlow) and flow.list is not None:
            flow.refresh(said)

    def _forget_tax(self, dialog: TaxRatesDialog) -> None:
        if self.tax_dialog is dialog:
            self.tax_dialog = None

    # -- holidays ----------------------------------------------------------------------------

    def open_holidays(self) -> HolidaysDialog | None:
        """The park's calendar for the window's year, brought forward when open already."""
        from views.holidays_dialog import HolidaysDialog

        park = self._park()
        if park is None:
            return None
        dialog = self.holidays_dialog
        if dialog is not None and self.holidays_park != park.id:
            dialog.close()
            dialog = None
        if dialog is None:
            self.holidays_park = park.id
            dialog = self.holidays_dialog = HolidaysDialog(self.window.controller.day.year,
                                                           self.window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.finished.connect(lambda *_: self._forget_holidays(dialog))
            dialog.destroyed.connect(lambda *_: self._forget_holidays(dialog))
            dialog.yearChanged.connect(lambda _year: self.read_year(dialog, park.id))
            dialog.addRequested.connect(
                lambda day, kind, name: self.add(dialog, park.id, day, kind, name))
            dialog.removeRequested.connect(lambda day: self.remove(dialog, park.id, day))
            dialog.importRequested.connect(lambda path: self.rehearse(dialog, park.id, path))
            self.read_year(dialog, park.id)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def read_year(self, dialog: HolidaysDialog, park_id: uuid.UUID, said: str = "") -> None:
        """Read the dialog's year again, then say ``said`` under it."""
        workspace, year = self.window.controller.workspace, dialog.year()

        def work() -> Any:
            from services.finance_settings import holidays

            with workspace.reading() as session:
                return holidays(session, park_id, year)

        def done(days: Any) -> None:
            if self.holidays_dialog is dialog:
                dialog.set_days(year, days)
                dialog.set_status(said)

        def failed(message: str) -> None:
            if self.holidays_dialog is dialog:
                dialog.set_status(message, error=True)

        self._start(work, done, failed)

    def _write(self, dialog: HolidaysDialog, park_id: uuid.UUID, work: Callable[[], str]
               ) -> None:
        def done(said: str) -> None:
            self.window.statusBar().showMessage(said, 10000)
            if self.holidays_dialog is dialog:
                self.read_year(dialog, park_id, said)

        def failed(message: str) -> None:
            if self.holidays_dialog is dialog:
                dialog.set_status(message, error=True)

        self._start(work, done, failed)

    def add(self, dialog: HolidaysDialog, park_id: uuid.UUID, day: date, kind: str,
            name: str) -> None:
        workspace = self.window.controller.workspace

        def work() -> str:
            from services.finance_settings import add_holiday

            add_holiday(workspace, park_id, day, kind, name)
            return translate("FinanceSettingsFlow", "%1 saved in the calendar.").replace(
                "%1", day.isoformat())

        self._write(dialog, park_id, work)

    def remove(self, dialog: HolidaysDialog, park_id: uuid.UUID, day: date) -> None:
        workspace = self.window.controller.workspace

        def work() -> str:
            from services.finance_settings import remove_holiday

            remove_holiday(workspace, park_id, day)
            return translate("FinanceSettingsFlow", "%1 removed from the calendar.").replace(
                "%1", day.isoformat())

        self._write(dialog, park_id, work)

    def rehearse(self, dialog: HolidaysDialog, park_id: uuid.UUID, path: str) -> None:
        """Read ``path`` (in the pool) and show what importing it would do."""
        workspace = self.window.controller.workspace
        dialog.set_status(translate("FinanceSettingsFlow", "Reading %1…").replace("%1", path))

        def work() -> Any:
            from services.finance_settings import rehearse_holiday_import

            return rehearse_holiday_import(workspace, park_id, path)

        def failed(message: str) -> None:
            if self.holidays_dialog is dialog:
                dialog.set_status(message, error=True)

        self._start(work, lambda plan: self.review(dialog, park_id, path, plan), failed)

    def review(self, dialog: HolidaysDialog, park_id: uuid.UUID, path: str, plan: Any
               ) -> HolidayImportDialog | None:
        """The rehearsal shown; Record imports the file (rehearsed again as it is written)."""
        from views.holidays_dialog import HolidayImportDialog

        if self.holidays_dialog is not dialog:
            return None
        dialog.set_status("")
        if self.importing is not None:
            self.importing.close()
        review = self.importing = HolidayImportDialog(plan, dialog)
        review.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        review.destroyed.connect(lambda *_: self._forget_review(review))
        workspace = self.window.controller.workspace

        def record() -> None:
            def work() -> Any:
                from services.finance_settings import import_holidays

                return import_holidays(workspace, park_id, path)

            def done(result: Any) -> None:
                said = translate("FinanceSettingsFlow",
                                 "Calendar imported from %1: %2 days added, %3 changed.") \
                    .replace("%1", result.file).replace("%2", str(len(result.to_add))) \
                    .replace("%3", str(len(result.to_change)))
                if self.importing is review:
                    review.accept()
                self.window.statusBar().showMessage(said, 10000)
                if self.holidays_dialog is dialog:
                    self.read_year(dialog, park_id, said)

            def failed(message: str) -> None:
                if self.importing is review:
                    review.refused(message)

            self._start(work, done, failed)

        review.recordRequested.connect(record)
        review.show()
        return review

    def _forget_holidays(self, dialog: HolidaysDialog) -> None:
        if self.holidays_dialog is dialog:
            self.holidays_dialog = None
            self.importing = None

    def _forget_review(self, review: HolidayImportDialog) -> None:
        if self.importing is review:
            self.importing = None

    # -- endings -----------------------------------------------------------------------------

    def _closed(self) -> None:
        """The workspace closed: nothing of it stays open, nothing read is shown."""
        self._serial += 1
        for widget in (self.importing, self.holidays_dialog, self.tax_dialog):
            if widget is not None:
                widget.close()


def finance_settings_flow_of(window: MainWindow) -> FinanceSettingsFlow:
    """The window's finance settings flow, made on first use."""
    found = window.findChild(FinanceSettingsFlow, "finance-settings-flow")
    return found if isinstance(found, FinanceSettingsFlow) else FinanceSettingsFlow(window)


def open_tax_rates(window: MainWindow) -> TaxRatesDialog | None:
    """Billing ▸ Tax rates… for the park in scope; None with no workspace open."""
    return finance_settings_flow_of(window).open_tax_rates()


def open_holidays(window: MainWindow) -> HolidaysDialog | None:
    """Billing ▸ Holidays… for the park in scope; None with no workspace open."""
    return finance_settings_flow_of(window).open_holidays()
