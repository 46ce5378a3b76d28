"""What arrives after signing, in the window: tenants' monthly sales and the park's CPI.

A figure typed in a contract's Sales tab is written in the worker pool
(``services.contracts.record_sales``) and the contract's detail is read again,
so the month's line shows the turnover rent the engine now bills; a figure
taken back (confirmed in the panel) is removed the same way
(``services.contracts.remove_sales``) and the month bills the base again.
"Import…" asks for a spreadsheet, rehearses it in the pool and shows every row's fate
in :class:`~views.sales_panel.SalesImportDialog`; Import writes the good rows
in one transaction (``services.sales_import.import_sales``) and every open
contract view is read again. Leasing → Price index (CPI)… shows the park's
series with, for each year missing, how many CPI contracts bill their floor
until it is entered; a value typed is written (``set_index``) and the
contracts are read again (their CPI years move from the floor to the index).

Nothing here blocks the window: each read and write runs in the pool, and a
request's answer is dropped when a later one of its kind was made, or when
the workspace has closed since.
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from app.contract_flow import contracts_changed, flow_of
from views.price_index_dialog import PriceIndexDialog
from views.sales_panel import SalesImportDialog
from views.sales_text import file_error_text

if TYPE_CHECKING:
    from app.main_window import MainWindow
    from runtime.jobs import Job

translate = QCoreApplication.translate


class InputsFlow(QObject):
    """The window's sales and CPI requests (one per window, found by :func:`inputs_of`)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("inputs-flow")
        self.window = window
        self.index_dialog: PriceIndexDialog | None = None
        self.import_dialogs: list[SalesImportDialog] = []
        self._serials: dict[str, int] = {}
        window.controller.closed.connect(self._closed)

    def _start(self, kind: str, work: Any, done: Any, failed: Any) -> None:
        """``work(workspace)`` in the pool; only the latest of ``kind`` is answered."""
        if not self.window.controller.is_open:
            failed(translate("InputsFlow", "No workspace is open."))
            return
        serial = self._serials[kind] = self._serials.get(kind, 0) + 1
        workspace = self.window.controller.workspace

        def task(_job: Job) -> Any:
            from runtime.messages import UserError

            try:
                return work(workspace)
            except UserError as exc:  # said in the user's words, below
                return exc

        def succeeded(result: Any) -> None:
            if self._serials.get(kind) != serial:
                return
            if isinstance(result, Exception):
                failed(_said(result))
            else:
                done(result)

        def failing(message: str, _trace: str) -> None:
            if self._serials.get(kind) == serial:
                failed(message)

        self.window.tasks.start(task, on_success=succeeded, on_failure=failing)

    def _closed(self) -> None:
        for kind in list(self._serials):
            self._serials[kind] += 1  # whatever still runs is not shown
        for dialog in [self.index_dialog, *self.import_dialogs]:
            if dialog is not None:
                dialog.close()

    # -- sales -----------------------------------------------------------------------------

    def enter_sales(self, contract_id: uuid.UUID, month: date, amount: Decimal) -> None:
        """Write a month's sales, then read the contract again (its schedule changes)."""
        from services.contracts import record_sales
        from services.sales_import import SOURCE_ENTERED

        contracts = flow_of(self.window)
        detail = contracts.details.get(contract_id)
        panel = None if detail is None else detail.sales_panel

        def done(_result: Any) -> None:
            if panel is not None:
                panel.set_status(translate("InputsFlow", "Sales of %1 saved: %2.")
                                 .replace("%1", month.isoformat()[:7])
                                 .replace("%2", f"{amount:,}"))
            contracts.refresh_detail(contract_id)

        def failed(message: str) -> None:
            if panel is not None:
                panel.model.forget(month)  # the figure typed goes: it was not written
                panel.set_status(message, error=True)
            contracts.refresh_detail(contract_id)

        self._start(f"sales:{contract_id}:{month.isoformat()}",
                    lambda ws: record_sales(ws, contract_id, month, amount, SOURCE_ENTERED),
                    done, failed)

    def clear_sales(self, contract_id: uuid.UUID, month: date) -> None:
        """Take a month's sales back, then read the contract again (the month bills the base
        rent, its sales "not reported")."""
        from services.contracts import remove_sales

        contracts = flow_of(self.window)
        detail = contracts.details.get(contract_id)
        panel = None if detail is None else detail.sales_panel

        def done(_result: Any) -> None:
            if panel is not None:
                panel.set_status(translate("InputsFlow", "Sales of %1 taken back: the month "
                                                         "bills the base rent until they are "
                                                         "reported.")
                                 .replace("%1", month.isoformat()[:7]))
            contracts.refresh_detail(contract_id)

        def failed(message: str) -> None:
            if panel is not None:
                panel.set_status(message, error=True)
            contracts.refresh_detail(contract_id)

        self._start(f"sales:{contract_id}:{month.isoformat()}",
                    lambda ws: remove_sales(ws, contract_id, month), done, failed)

    def import_file(self, path: Path, contract_id: uuid.UUID | None = None
                    ) -> SalesImportDialog:
        """The file's rows rehearsed in a report dialog; its Import writes the good ones."""
        parent = self.window
        if contract_id is not None:
            parent = flow_of(self.window).details.get(contract_id) or self.window
        dialog = SalesImportDialog(path.name, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.import_dialogs.append(dialog)
        dialog.destroyed.connect(lambda *_: self.import_dialogs.remove(dialog)
                                 if dialog in self.import_dialogs else None)
        kind = f"import:{id(dialog)}"

        def rehearse(workspace: Any) -> Any:
            from services.sales_import import rehearse_sales

            return rehearse_sales(workspace, path)

        def write(workspace: Any) -> Any:
            from services.sales_import import import_sales

            return import_sales(workspace, path)

        def imported(report: Any) -> None:
            dialog.set_report(report.to_json())
            contracts_changed(self.window)  # every open contract is read again
            self.window.statusBar().showMessage(
                translate("InputsFlow", "Sales: %1 months added, %2 corrected, %3 rejected")
                .replace("%1", f"{report.added:,}").replace("%2", f"{report.corrected:,}")
                .replace("%3", f"{report.rejected:,}"), 10000)

        dialog.import_requested.connect(
            lambda: self._start(kind, write, imported, dialog.set_failed))
        dialog.show()
        self._start(kind, rehearse, lambda report: dialog.set_report(report.to_json()),
                    dialog.set_failed)
        return dialog

    # -- CPI -------------------------------------------------------------------------------

    def open_index(self) -> PriceIndexDialog | None:
        """The park's CPI dialog (one per window), read for the park."""
        if not self.window.controller.is_open:
            return None
        dialog = self.index_dialog
        if dialog is None:
            dialog = self.index_dialog = PriceIndexDialog(self.window,
                                                          self.window.controller.day.year)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(lambda *_: self._forget_index(dialog))
            dialog.index_entered.connect(self.enter_index)
            dialog.set_status(translate("InputsFlow", "Reading the park's CPI…"))
        self.read_index()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _forget_index(self, dialog: PriceIndexDialog) -> None:
        if self.index_dialog is dialog:
            self.index_dialog = None

    def read_index(self) -> None:
        dialog, park = self.index_dialog, flow_of(self.window).park()
        if dialog is None or park is None:
            return
        park_id = park.id

        def work(workspace: Any) -> Any:
            from services.sales_import import at_floor, indices_of

            with workspace.reading() as session:
                return indices_of(session, park_id), at_floor(session, park_id)

        def done(read: Any) -> None:
            if self.index_dialog is dialog:
                rows, waiting = read
                dialog.set_index(rows, waiting)
                if dialog.status.text() == translate("InputsFlow", "Reading the park's CPI…"):
                    dialog.set_status("")

        self._start("index-read", work, done, lambda m: dialog.set_status(m, error=True))

    def enter_index(self, year: int, value: Decimal) -> None:
        """Write a year's CPI; the series and every open contract are read again."""
        from services.contracts import set_index

        dialog, park = self.index_dialog, flow_of(self.window).park()
        if park is None:
            return
        park_id = park.id

        def done(_result: Any) -> None:
            if dialog is not None and self.index_dialog is dialog:
                dialog.set_status(translate("InputsFlow", "CPI %1 saved: %2.")
                                  .replace("%1", str(year)).replace("%2", str(value)))
            self.read_index()
            contracts_changed(self.window)  # their CPI years leave the floor

        def failed(message: str) -> None:
            if dialog is not None and self.index_dialog is dialog:
                dialog.set_status(message, error=True)
            self.read_index()

        self._start(f"index:{year}", lambda ws: set_index(ws, park_id, year, value),
                    done, failed)


def _said(error: Exception) -> str:
    """A refusal in the user's words: a sales file's by its code, the rest by theirs."""
    code = str(getattr(error, "code", ""))
    if code.startswith("sales-"):
        return file_error_text(error)
    if code == "no-sales":  # services.contracts.remove_sales
        params = dict(getattr(error, "params", {}) or {})
        return (translate("InputsFlow", "%1 has no sales reported for %2: nothing to take back.")
                .replace("%1", str(params.get("contract", "")))
                .replace("%2", str(params.get("month", ""))))
    from views.message_text import message_text

    return message_text(error)


# -- what menus and the contract flow call -----------------------------------------------


def inputs_of(window: MainWindow) -> InputsFlow:
    found = window.findChild(InputsFlow, "inputs-flow")
    return found if isinstance(found, InputsFlow) else InputsFlow(window)


def enter_sales(window: MainWindow, contract_id: uuid.UUID, month: date, amount: Decimal
                ) -> None:
    inputs_of(window).enter_sales(contract_id, month, amount)


def clear_sales(window: MainWindow, contract_id: uuid.UUID, month: date) -> None:
    inputs_of(window).clear_sales(contract_id, month)


def sales_file_dialog(window: MainWindow, parent: QWidget | None = None) -> QFileDialog:
    """The dialog asking for a sales file (Excel or CSV), in the last export folder."""
    folder = window.settings.export_folder or str(Path.home())
    dialog = QFileDialog(parent or window, translate("InputsFlow", "Import sales"), folder,
                         translate("InputsFlow", "Spreadsheets (*.xlsx *.xlsm *.xls *.csv);;"
                                                 "All files (*)"))
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return dialog


def choose_sales_file(window: MainWindow, contract_id: uuid.UUID | None = None
                      ) -> QFileDialog:
    """Ask for a sales file (window-modal, never blocking), then rehearse the one chosen
    (:func:`import_sales_file`)."""
    detail = flow_of(window).details.get(contract_id) if contract_id is not None else None
    dialog = sales_file_dialog(window, detail)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def chosen(name: str) -> None:
        window.settings.export_folder = str(Path(name).resolve().parent)
        import_sales_file(window, Path(name), contract_id)

    dialog.fileSelected.connect(chosen)
    dialog.open()
    return dialog


def import_sales_file(window: MainWindow, path: Path, contract_id: uuid.UUID | None = None
                      ) -> SalesImportDialog:
    return inputs_of(window).import_file(path, contract_id)


def open_price_index(window: MainWindow) -> PriceIndexDialog | None:
    return inputs_of(window).open_index()
