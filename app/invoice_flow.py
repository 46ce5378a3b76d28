"""Billing ▸ Invoices…: the park's bills and invoices, and each invoice event recorded.

The list (``views.invoice_list``) is read in the worker pool
(``services.invoices.invoice_list``). Issue…, Reissue…, Void… and Reverse…
open ``views.invoice_dialog`` for the bill chosen (Void… and Reverse… ask for
the reason, which is required and kept with the entry); its request is recorded in
the pool by ``services.invoices`` in one transaction, and then the dialog
closes and the list is read again. A refusal comes back said in the reader's
words (the task runner says every failure through ``views.message_text``);
the dialog stays open with what was typed. When the window reads its data again
(after a billing run, or another device's change) an open list is read again too.
Import numbers… rehearses the file
in the pool, shows what it would do, and records it only when the person
confirms. Bill lines… (or a double click on a bill) reads the posted bill's lines
in the pool and explains them as the billing run does (``views.bill_lines_dialog``).
Closing the workspace closes the list and its dialogs.

The menu's action (:class:`InvoicesAction`) lives here so the Billing menu
adds it with one line; the views are imported when it is first used.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from app.latest_read import LatestRead
from app.park_window import park_window

if TYPE_CHECKING:
    from app.main_window import MainWindow
    from store.read_model import ParkNode
    from views.bill_lines_dialog import BillLinesDialog
    from views.invoice_dialog import InvoiceDialog
    from views.invoice_list import InvoiceImportDialog, InvoiceListDialog

translate = QCoreApplication.translate


def today() -> date:
    """The real day: an invoice is recorded on it unless the clerk says otherwise."""
    return date.today()


class InvoiceFlow(QObject):
    """The window's invoice list, the one invoice dialog open from it, and their work."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("invoice-flow")
        self.window = window
        self.list: InvoiceListDialog | None = None
        self.dialog: InvoiceDialog | None = None
        self.importing: InvoiceImportDialog | None = None
        self.lines: BillLinesDialog | None = None
        self.park_id: uuid.UUID | None = None
        self.reads = LatestRead()
        window.controller.closed.connect(self._closed)
        # The window read its data again (a billing run posted, another device wrote):
        # so does an open list.
        window.controller.treeChanged.connect(lambda *_: self.refresh())

    # -- the list ----------------------------------------------------------------------------

    def open(self) -> InvoiceListDialog | None:
        """The list for the park in scope, brought forward when it is open already."""
        from views.invoice_list import InvoiceListDialog

        def make(park: ParkNode) -> InvoiceListDialog:
            self.park_id = park.id
            listing = self.list = InvoiceListDialog(park.currency, self.window)
            listing.issueRequested.connect(self.issue)
            listing.voidRequested.connect(self.void)
            listing.reverseRequested.connect(self.reverse)
            listing.importRequested.connect(self.import_file)
            listing.linesRequested.connect(self.show_lines)
            listing.destroyed.connect(lambda *_: self._forget(listing))
            listing.set_status(translate("InvoiceFlow", "Reading the bills and invoices…"))
            self.refresh("")
            return listing

        return park_window(self.window, self.list, self.park_id, make)

    def refresh(self, said: str | None = None) -> None:
        """Read the park's bills and invoices again (in the pool) into the list, then say
        ``said`` under it (what was just recorded; None keeps what it says)."""
        workspace, park_id, listing = self.window.controller.workspace, self.park_id, self.list
        if park_id is None or listing is None:
            return

        def work(_job: Any) -> Any:
            from services.invoices import invoice_list

            with workspace.reading() as session:
                return invoice_list(session, park_id)

        def read(result: Any) -> None:
            listing.set_list(result)
            if said is not None:
                listing.set_status(said)

        self.reads.start(self.window.tasks, work, read,
                         lambda message: listing.set_status(message, error=True),
                         alive=lambda: self.list is listing)

    # -- one event for one bill --------------------------------------------------------------

    def _dialog(self, mode: str, bill: Any, invoice: Any | None = None,
                replaces: str = "") -> InvoiceDialog | None:
        from views.invoice_dialog import InvoiceDialog

        if self.list is None:
            return None
        if self.dialog is not None:
            self.dialog.close()
        pricing = getattr(self.list.listing, "pricing", None)
        extra = {"pricing": pricing} if pricing is not None else {}
        dialog = self.dialog = InvoiceDialog(mode, bill, today(), self.list.currency,
                                             invoice=invoice, replaces=replaces,
                                             parent=self.list, **extra)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: self._forget_dialog(dialog))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def issue(self, bill: Any, replaces: str = "") -> InvoiceDialog | None:
        """The dialog issuing (or reissuing, replacing ``replaces``) an invoice for ``bill``."""
        dialog = self._dialog("issue", bill, replaces=replaces)
        if dialog is None:
            return None
        workspace = self.window.controller.workspace

        def record(number: str, day: date, amount: Decimal, pricing: str,
                   replaced: str) -> None:
            from domain.billing.invoices import Pricing

            def work(_job: Any) -> str:
                from services.invoices import issue_invoice

                issue_invoice(workspace, bill.bill_id, number, day, amount,
                              pricing=Pricing(pricing), replaces=replaced)
                return translate("InvoiceFlow", "Invoice %1 recorded for %2.").replace(
                    "%1", number).replace("%2", bill.number)

            self._record(dialog, work)

        dialog.issueRequested.connect(record)
        return dialog

    def void(self, bill: Any, invoice: Any) -> InvoiceDialog | None:
        """The dialog voiding ``invoice``."""
        dialog = self._dialog("void", bill, invoice)
        if dialog is None:
            return None
        workspace, park_id = self.window.controller.workspace, self.park_id

        def record(day: date, note: str) -> None:
            def work(_job: Any) -> str:
                from services.invoices import void_invoice

                void_invoice(workspace, invoice.number, day, note, park_id=park_id)
                return translate("InvoiceFlow", "Invoice %1 voided.").replace(
                    "%1", invoice.number)

            self._record(dialog, work)

        dialog.voidRequested.connect(record)
        return dialog

    def reverse(self, bill: Any, invoice: Any) -> InvoiceDialog | None:
        """The dialog recording the red invoice that reverses ``invoice`` (红冲)."""
        dialog = self._dialog("reverse", bill, invoice)
        if dialog is None:
            return None
        workspace, park_id = self.window.controller.workspace, self.park_id

        def record(red_number: str, day: date, note: str) -> None:
            def work(_job: Any) -> str:
                from services.invoices import reverse_invoice

                reverse_invoice(workspace, invoice.number, red_number, day, note,
                                park_id=park_id)
                return translate("InvoiceFlow", "Invoice %1 reversed by red invoice %2.") \
                    .replace("%1", invoice.number).replace("%2", red_number)

            self._record(dialog, work)

        dialog.reverseRequested.connect(record)
        return dialog

    def _record(self, dialog: InvoiceDialog, work: Callable[[Any], str]) -> None:
        """Record in the pool; the dialog closes on success, or says why not."""
        def recorded(said: str) -> None:
            if self.dialog is dialog:
                dialog.recorded()
            self.window.statusBar().showMessage(said, 10000)
            self.refresh(said)

        def failed(message: str, _trace: str) -> None:
            if self.dialog is dialog:
                dialog.refused(message)

        self.window.tasks.start(work, on_success=recorded, on_failure=failed)

    # -- the tax platform's numbers ----------------------------------------------------------

    def import_file(self, path: str) -> None:
        """Rehearse ``path`` (in the pool), then show what it would record."""
        listing, workspace = self.list, self.window.controller.workspace
        if listing is None:
            return
        listing.set_status(translate("InvoiceFlow", "Reading %1…").replace("%1", path))

        def work(_job: Any) -> Any:
            from services.invoices import rehearse_invoice_import

            return rehearse_invoice_import(workspace, path)

        def failed(message: str, _trace: str) -> None:
            if self.list is listing:
                listing.set_status(message, error=True)

        self.window.tasks.start(work, on_success=lambda plan: self._review(path, plan),
                                on_failure=failed)

    def _review(self, path: str, plan: Any) -> InvoiceImportDialog | None:
        from views.invoice_list import InvoiceImportDialog

        listing, workspace = self.list, self.window.controller.workspace
        if listing is None:
            return None
        listing.set_status("")
        if self.importing is not None:
            self.importing.close()
        review = self.importing = InvoiceImportDialog(plan, listing)
        review.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        review.destroyed.connect(lambda *_: self._forget_review(review))

        def record() -> None:
            def work(_job: Any) -> Any:
                from services.invoices import import_invoice_numbers

                return import_invoice_numbers(workspace, path)

            def done(result: Any) -> None:
                said = translate("InvoiceFlow", "Invoices recorded from %1: %2.").replace(
                    "%1", result.file).replace("%2", f"{len(result.to_issue):,}")
                if self.importing is review:
                    review.accept()
                self.window.statusBar().showMessage(said, 10000)
                self.refresh(said)

            def failed(message: str, _trace: str) -> None:
                if self.importing is review:
                    review.refused(message)

            self.window.tasks.start(work, on_success=done, on_failure=failed)

        review.recordRequested.connect(record)
        review.show()
        return review

    # -- a bill's lines ---------------------------------------------------------------------

    def show_lines(self, bill: Any) -> BillLinesDialog | None:
        """The chosen bill's lines and their reasons, read in the pool (one dialog, the
        latest bill asked for)."""
        from views.bill_lines_dialog import BillLinesDialog

        listing = self.list
        if listing is None:
            return None
        if self.lines is not None:
            self.lines.close()
        dialog = self.lines = BillLinesDialog(listing)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: self._forget_lines(dialog))
        workspace, currency = self.window.controller.workspace, listing.currency

        def work(_job: Any) -> Any:
            with workspace.reading() as session:
                return posted_bill_row(session, bill.bill_id, bill.contract, bill.tenant)

        def read(row: Any) -> None:
            if self.lines is dialog:
                dialog.set_bill(row, currency)

        def failed(message: str, _trace: str) -> None:
            if self.lines is dialog:
                dialog.set_failed(message)

        self.window.tasks.start(work, on_success=read, on_failure=failed)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _forget_lines(self, dialog: BillLinesDialog) -> None:
        if self.lines is dialog:
            self.lines = None

    # -- endings -----------------------------------------------------------------------------

    def _closed(self) -> None:
        """The workspace closed: nothing of it stays open, nothing read is shown."""
        self.reads.drop()
        for widget in (self.lines, self.importing, self.dialog, self.list):
            if widget is not None:
                widget.close()

    def _forget(self, listing: InvoiceListDialog) -> None:
        if self.list is listing:
            self.list = None
            self.dialog = None
            self.importing = None
            self.reads.drop()

    def _forget_dialog(self, dialog: InvoiceDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _forget_review(self, review: InvoiceImportDialog) -> None:
        if self.importing is review:
            self.importing = None


def posted_bill_row(session: Any, bill_id: uuid.UUID, contract: str, tenant: str) -> Any:
    """A posted bill and its lines as the billing run shows a bill (``BillRow``): each
    line's period, amount and explanation, in their order, and the notes its lines keep."""
    from sqlalchemy import select

    from domain.billing.utility_bills import stored_notes
    from store.schema import Bill, BillLine
    from views.billing_run_dialog import ADJUSTMENT, BillRow

    bill = session.get(Bill, bill_id)
    if bill is None:
        raise LookupError(f"no bill {bill_id}")
    lines = tuple(session.scalars(select(BillLine).where(BillLine.bill_id == bill_id)
                                  .order_by(BillLine.seq)))
    first = lines[0].explanation if lines else {}

    def figure(name: str) -> Decimal | None:
        value = first.get(name) if bill.kind == ADJUSTMENT else None
        return None if value in (None, "") else Decimal(str(value))

    return BillRow(bill.number, contract, tenant, bill.charge, bill.period_start,
                   bill.period_end, bill.due_on, bill.amount, bill.kind, lines,
                   stored_notes(line.explanation for line in lines),
                   billed=figure("billed"), now=figure("now"))


def invoice_flow_of(window: MainWindow) -> InvoiceFlow:
    """The window's invoice flow, made on first use."""
    found = window.findChild(InvoiceFlow, "invoice-flow")
    return found if isinstance(found, InvoiceFlow) else InvoiceFlow(window)


def open_invoices(window: MainWindow) -> InvoiceListDialog | None:
    """The invoice list for the park in scope; None with no workspace open."""
    return invoice_flow_of(window).open()
