"""Billing → Import bank statement…, Payments to match, Enter payment…: the payments
use cases run in the worker pool for the window.

The views ask; this flow runs ``services.payments`` in the window's task
runner. An import's rehearsal writes nothing; the import is one transaction
whose Job is the dialog's own progress bar and Cancel, so a cancel, a refusal
or a failure leaves nothing written (the service's guarantee). A rehearsal
answered after its cancel is dropped; an import that finished before its
cancel was heard is shown as imported, since it was. Refusals the person
must read in their own words come back as values, not raised (a
``BankStatementError`` names the file's problem and, when a column is
missing, brings the column mapping; a ``PaymentRefused`` names the bill),
said through ``views.payment_text``.

The queue ("Payments to match") is a dock under the map, read when shown and
after anything this flow writes. A person's allocation is dated the day the
payment was received, as the automatic ones are; a refund the day it is
made. After a write the window reads its data again (the maps' arrears).
Closing the workspace closes the dialogs and empties the queue.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QWidget

from runtime.messages import UserError

if TYPE_CHECKING:
    from app.main_window import MainWindow
    from app.workers import Task
    from runtime.jobs import Job
    from store.workspace import Workspace
    from views.bank_import_dialog import BankImportDialog
    from views.payment_entry import EnteredPayment, PaymentEntryDialog
    from views.payment_queue import PaymentQueuePanel, QueueSnapshot, TenantLabel

translate = QCoreApplication.translate
MAPPING_ERRORS = ("bank-statement-columns-missing", "bank-statement-no-column")


def today() -> date:
    """The real day: a refund is made on it, and a payment entered defaults to it."""
    return date.today()


@dataclass(frozen=True)
class _Imported:
    report: Any  # services.payments.ImportReport
    names: dict[uuid.UUID, str]  # tenant id → name
    numbers: dict[uuid.UUID, str]  # bill id → number
    mapping: Any  # as the dialog asked (None: guessed or remembered)


@dataclass(frozen=True)
class _Columns:
    headers: tuple[str, ...]
    guessed: dict[str, tuple[str, ...]]
    chosen: dict[str, str]  # field → column read with (the remembered or chosen mapping)


@dataclass(frozen=True)
class _Refused:
    """A refusal returned (not raised), with what it needs to be said, and, for a file, the
    columns to offer a mapping with."""

    error: UserError
    numbers: dict[str, str]  # bill id (text) → number
    columns: _Columns | None = None


# -- reading (in the pool) -----------------------------------------------------------------


def _mapping_of(choice: Mapping[str, str] | None) -> Any:
    """The dialog's choice as the service takes it (None: guessed or remembered)."""
    from importers.bank_statement import ColumnMapping

    return None if choice is None else ColumnMapping.of(dict(choice))


def remembered_mapping(workspace: Workspace, park_id: uuid.UUID, account: str) -> Any:
    """The account's remembered column mapping, if one is (``ColumnMapping`` or None)."""
    if not account:
        return None
    from sqlalchemy import select

    from importers.bank_statement import ColumnMapping
    from store.schema import BankMapping

    with workspace.reading() as session:
        stored = session.scalar(select(BankMapping.mapping).where(
            BankMapping.park_id == park_id, BankMapping.account == account,
            ~BankMapping.archived))
    return None if stored is None else ColumnMapping.from_json(json.dumps(stored))


def file_columns(workspace: Workspace, park_id: uuid.UUID, path: str, account: str,
                 choice: Mapping[str, str] | None) -> _Columns:
    """The statement's headers, the reader's guess and the mapping it is read with now (the
    person's choice, else the one remembered for the account: the one given, or the one
    the file's preamble names); a file whose columns are missing still gives its headers
    (the error lists them)."""
    from importers.bank_statement import (
        BankStatementError,
        guess_mapping,
        open_statement,
        read_bank_statement,
        statement_account,
    )

    source = open_statement(path)
    explicit = _mapping_of(choice) if choice is not None else remembered_mapping(
        workspace, park_id, account or statement_account(source) or "")
    try:
        statement = read_bank_statement(source, explicit)
    except BankStatementError as exc:
        if exc.code not in MAPPING_ERRORS:
            raise
        headers = tuple(h.strip() for h in str(exc.params.get("columns", "")).split(", ")
                        if h.strip())
        guessed = dict(guess_mapping(headers).columns)
        chosen = {k: v[0] for k, v in guessed.items() if v}
        if explicit is not None:
            chosen.update({k: v[0] for k, v in explicit.columns.items()
                           if v and v[0] in headers})
        return _Columns(headers, guessed, chosen)
    guessed = dict(guess_mapping(statement.headers).columns)
    return _Columns(tuple(statement.headers), guessed,
                    {k: v[0] for k, v in statement.mapping.columns.items() if v})


def bill_numbers(workspace: Workspace, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The numbers of the bills ``ids``."""
    from sqlalchemy import select

    from store.schema import Bill

    out: dict[uuid.UUID, str] = {}
    with workspace.reading() as session:
        for start in range(0, len(ids), 500):
            out.update((bill, number) for bill, number in session.execute(
                select(Bill.id, Bill.number).where(Bill.id.in_(ids[start:start + 500]))))
    return out


def tenant_labels(workspace: Workspace, park_id: uuid.UUID) -> dict[uuid.UUID, TenantLabel]:
    """Every live tenant of the park: its name and short name."""
    from sqlalchemy import select

    from store.schema import Tenant
    from views.payment_queue import TenantLabel

    with workspace.reading() as session:
        return {t.id: TenantLabel(t.name, t.short_name or "") for t in session.execute(
            select(Tenant.id, Tenant.name, Tenant.short_name).where(
                Tenant.park_id == park_id, ~Tenant.archived))}


def accounts_of(workspace: Workspace, park_id: uuid.UUID) -> list[str]:
    """The accounts payments were imported into, and those with a remembered mapping."""
    from sqlalchemy import select

    from store.schema import BankMapping, Payment

    with workspace.reading() as session:
        found = set(session.scalars(select(Payment.account).where(
            Payment.park_id == park_id, Payment.source == "bank").distinct()))
        found |= set(session.scalars(select(BankMapping.account).where(
            BankMapping.park_id == park_id, ~BankMapping.archived)))
    return sorted(a for a in found if a)


def read_queue(workspace: Workspace, park_id: uuid.UUID, currency: str) -> QueueSnapshot:
    """The queue, every tenant's names and every tenant's open bills (oldest first): one
    read of the ledger, in one session (``services.payments.read_payment_queue``)."""
    from services.payments import read_payment_queue
    from views.payment_queue import QueueSnapshot, TenantLabel

    with workspace.reading() as session:
        queue = read_payment_queue(session, park_id)
    by_tenant: dict[uuid.UUID, list[Any]] = defaultdict(list)
    for item in queue.open_items:  # oldest first already
        by_tenant[item.tenant_id].append(item)
    tenants = {t.id: TenantLabel(t.name, t.short_name or "") for t in queue.tenants}
    return QueueSnapshot(list(queue.items), tenants, dict(by_tenant), currency)


def _refusals_returned(work: Callable[[Job], Any], workspace: Workspace,
                       columns: Callable[[], _Columns] | None = None) -> Callable[[Job], Any]:
    """``work``, with a refusal a person reads returned as a :class:`_Refused` (the bill
    numbers it names looked up, the file's columns read when a mapping is needed), so it is
    said in the flow's words; other failures go to the pool as they come."""
    def guarded(job: Job) -> Any:
        from importers.bank_statement import BankStatementError

        try:
            return work(job)
        except UserError as exc:
            numbers: dict[str, str] = {}
            bill = str(exc.params.get("bill", ""))
            if bill and exc.code == "allocation-refused":
                try:
                    found = bill_numbers(workspace, [uuid.UUID(bill)])
                    numbers = {str(k): v for k, v in found.items()}
                except ValueError:
                    numbers = {}
            wanted = (columns is not None and isinstance(exc, BankStatementError)
                      and exc.code in MAPPING_ERRORS)
            return _Refused(exc, numbers, columns() if wanted and columns else None)

    return guarded


class PaymentsDock(QDockWidget):
    """The queue's dock, titled in the person's language."""

    def __init__(self, panel: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dock-payments")
        self.setWidget(panel)
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Payments to match"))


class PaymentsFlow(QObject):
    """The window's bank import dialog, payment queue and payment entry, and their work."""

    taskStarted = Signal(object)  # an import's rehearsal's or write's Task, before it runs

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("payments-flow")
        self.window = window
        self.dialog: BankImportDialog | None = None
        self.entry: PaymentEntryDialog | None = None
        self.panel: PaymentQueuePanel | None = None
        self.dock: PaymentsDock | None = None
        self.park_id: uuid.UUID | None = None  # the import dialog's park
        self.task: Task | None = None  # the import's rehearsal or write, if one runs
        self._serial = 0  # the import dialog's latest request
        self._queue_serial = 0
        self._cancelled = False
        window.controller.closed.connect(self._closed)

    def park(self) -> Any | None:
        """The park in scope (``ParkNode``), None with no workspace open."""
        from services.register import park_of

        controller = self.window.controller
        if not controller.is_open:
            return None
        return park_of(controller.tree, controller.scope)

    # -- the import dialog -----------------------------------------------------------------

    def open_import(self) -> BankImportDialog | None:
        """The import dialog for the park in scope, brought forward when it is open."""
        from importers.bank_statement import FIELDS, REQUIRED
        from views.bank_import_dialog import BankImportDialog
        from views.screen_fit import fit_to_screen

        park = self.park()
        if park is None:
            return None
        dialog = self.dialog
        if dialog is None or self.park_id != park.id:
            if dialog is not None:
                dialog.close()
            self.park_id = park.id
            folder = self.window.settings.export_folder or str(Path.home())
            dialog = self.dialog = BankImportDialog(FIELDS, REQUIRED, park.currency,
                                                    self.window, folder)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.rehearseRequested.connect(self.rehearse)
            dialog.importRequested.connect(self.run_import)
            dialog.columnsRequested.connect(self.read_columns)
            dialog.cancelRequested.connect(self.cancel)
            dialog.queueRequested.connect(self.open_queue)
            dialog.destroyed.connect(lambda *_: self._forget(dialog))
            dialog.set_accounts(accounts_of(self.window.controller.workspace, park.id))
            fit_to_screen(dialog)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def rehearse(self, path: str, account: str, choice: dict[str, str] | None) -> None:
        """Read and match the statement; nothing is written."""
        self._run_import(path, account, choice, dry_run=True)

    def run_import(self, path: str, account: str, choice: dict[str, str] | None) -> None:
        """Write the new payments and the automatic allocations in one transaction."""
        self._run_import(path, account, choice, dry_run=False)

    def _run_import(self, path: str, account: str, choice: dict[str, str] | None, *,
                    dry_run: bool) -> None:
        workspace, park_id, dialog = self.window.controller.workspace, self.park_id, self.dialog
        if park_id is None or dialog is None:
            return

        def work(job: Job) -> _Imported:
            from services.payments import import_bank_statement

            report = import_bank_statement(workspace, park_id, Path(path),
                                           account=account or None,
                                           mapping=_mapping_of(choice), dry_run=dry_run,
                                           job=job)
            best = [m.candidates[0] for m in report.matches if m.candidates]
            numbers = bill_numbers(workspace, [p.bill_id for c in best for p in c.parts])
            names = {t: label.name for t, label in tenant_labels(workspace, park_id).items()}
            return _Imported(report, names, numbers, choice)

        def columns() -> _Columns:
            return file_columns(workspace, park_id, path, account, choice)

        dialog.set_working("rehearse" if dry_run else "import")
        self._start(_refusals_returned(work, workspace, columns),
                    self._rehearsed if dry_run else self._imported, writes=not dry_run)

    def read_columns(self, path: str, choice: dict[str, str] | None) -> None:
        """The file's headers and the mapping it is read with, to change the columns."""
        workspace, park_id, dialog = self.window.controller.workspace, self.park_id, self.dialog
        if park_id is None or dialog is None:
            return
        account = dialog.account()

        def work(_job: Job) -> _Columns:
            return file_columns(workspace, park_id, path, account, choice)

        def shown(answer: Any) -> None:
            from views.payment_text import bank_error_text

            if self.dialog is None:
                return
            if isinstance(answer, _Refused):
                self.dialog.set_failed(bank_error_text(answer.error))
            else:
                self.dialog.set_columns(answer.headers, answer.guessed, answer.chosen)

        dialog.set_working("columns")
        self._start(_refusals_returned(work, workspace), shown, writes=False)

    def cancel(self) -> None:
        """Stop the work at its next step: an import rolls back, a rehearsal is dropped."""
        self._cancelled = True
        if self.task is not None:
            self.task.cancel()

    def _rehearsed(self, answer: Any) -> None:
        if self.dialog is None:
            return
        if self._cancelled:  # it ran to its end before it heard the cancel: not wanted
            self.dialog.set_cancelled()
            return
        if isinstance(answer, _Refused):
            self._file_refused(answer)
            return
        self.dialog.set_report(answer.report, answer.names, answer.numbers, answer.mapping)

    def _imported(self, answer: Any) -> None:
        from views.payment_text import bank_error_text

        if isinstance(answer, _Refused):
            if self.dialog is not None:
                self._file_refused(answer)
            else:
                self._say(translate("PaymentsFlow", "Bank statement not imported: %1")
                          .replace("%1", bank_error_text(answer.error)))
            return
        report = answer.report
        if report.written and report.new:
            self.window.controller.reload()  # the maps' arrears read again
            self._say(translate("PaymentsFlow", "Bank statement imported. New payments: %1; "
                                "allocated automatically: %2.")
                      .replace("%1", f"{len(report.new):,}")
                      .replace("%2", f"{len(report.auto):,}"))
            self.refresh_queue()
        if self.dialog is not None:
            self.dialog.set_report(report, answer.names, answer.numbers, answer.mapping)
            if report.account:
                self.dialog.set_accounts(sorted({*self._accounts(), report.account}))

    def _accounts(self) -> list[str]:
        dialog = self.dialog
        if dialog is None:
            return []
        return [dialog.account_box.itemText(i) for i in range(dialog.account_box.count())]

    def _file_refused(self, answer: _Refused) -> None:
        from views.payment_text import bank_error_text

        dialog = self.dialog
        if dialog is None:
            return
        dialog.set_failed(bank_error_text(answer.error))
        if answer.columns is not None:
            dialog.set_columns(answer.columns.headers, answer.columns.guessed,
                               answer.columns.chosen)

    def _start(self, work: Callable[[Job], Any], done: Callable[[Any], None], *,
               writes: bool) -> None:
        """Run ``work`` for the import dialog, its progress on the dialog's bar; only the
        latest request's answer reaches the dialog (an import's is always heard)."""
        self._serial += 1
        serial = self._serial
        self._cancelled = False
        dialog = self.dialog

        def wanted() -> bool:
            return serial == self._serial

        def succeeded(result: Any) -> None:
            if wanted():
                self.task = None
                done(result)
            elif writes:  # the dialog is gone, but the payments were written: say so
                self._imported(result)

        def failed(message: str, _trace: str) -> None:
            if wanted():
                self.task = None
                if self.dialog is not None:
                    self.dialog.set_failed(message)
            elif writes:
                self._say(translate("PaymentsFlow", "Bank statement not imported: %1")
                          .replace("%1", message))

        def cancelled() -> None:
            if wanted():
                self.task = None
                if self.dialog is not None:
                    self.dialog.set_cancelled()

        def progressed(step: int, total: int, _message: str) -> None:
            if wanted() and dialog is not None:
                dialog.set_progress(step, total)

        self.task = self.window.tasks.start(
            work, on_success=succeeded, on_failure=failed, on_cancel=cancelled,
            on_progress=progressed, before_start=self.taskStarted.emit)

    def _forget(self, dialog: BankImportDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
            self._serial += 1
            self.task = None

    # -- the queue -------------------------------------------------------------------------

    def open_queue(self) -> PaymentQueuePanel | None:
        """The Payments to match dock, shown and read again."""
        from views.payment_queue import PaymentQueuePanel

        if self.park() is None:
            return None
        if self.dock is None or self.panel is None:
            panel = self.panel = PaymentQueuePanel(self.window)
            panel.refreshRequested.connect(self.refresh_queue)
            panel.confirmRequested.connect(self.confirm)
            panel.refundRequested.connect(self.refund)
            self.dock = PaymentsDock(panel, self.window)
            self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
            self._share_bottom(self.dock)
        self.dock.show()
        self.dock.raise_()
        self.refresh_queue()
        return self.panel

    def _share_bottom(self, dock: QDockWidget) -> None:
        """Tab the queue with the dock already under the tables (the due list), so it has
        the window's whole width: side by side on a 1366-wide screen the queue, its
        candidates and the bills to allocate were cut to a few letters each."""
        window = self.window
        for other in window.findChildren(QDockWidget):
            if (other is not dock and other.isVisible() and not other.isFloating()
                    and window.dockWidgetArea(other) == Qt.DockWidgetArea.BottomDockWidgetArea):
                window.tabifyDockWidget(other, dock)
                return

    def refresh_queue(self) -> None:
        """Read the queue again (not while its dock is closed: it is read when shown)."""
        panel, park = self.panel, self.park()
        if panel is None or self.dock is None or self.dock.isHidden():
            return
        if park is None:
            panel.set_queue(None)
            return
        workspace, park_id, currency = self.window.controller.workspace, park.id, park.currency
        self._queue_serial += 1
        serial = self._queue_serial

        def read(_job: Job) -> QueueSnapshot:
            return read_queue(workspace, park_id, currency)

        def shown(snapshot: QueueSnapshot) -> None:
            if serial == self._queue_serial and self.panel is not None:
                self.panel.set_queue(snapshot)

        def failed(message: str, _trace: str) -> None:
            if serial == self._queue_serial and self.panel is not None:
                self.panel.set_failed(message)

        panel.set_loading(True)
        self.window.tasks.start(read, on_success=shown, on_failure=failed)

    def confirm(self, payment_id: uuid.UUID, parts: list[tuple[uuid.UUID, Decimal]],
                payer_is: uuid.UUID | None) -> None:
        """A person's allocation, dated the day the money came (as automatic ones are)."""
        workspace = self.window.controller.workspace
        received_on = self._received_on(payment_id)

        def work(_job: Job) -> str:
            from services.payments import allocate_payment

            allocate_payment(workspace, payment_id, parts, received_on, payer_is=payer_is)
            total = sum((a for _b, a in parts), Decimal("0.00"))
            said = translate("PaymentsFlow", "Allocated %1 (bills: %2).").replace(
                "%1", self._money(total)).replace("%2", str(len(parts)))
            if payer_is is not None:
                said += " " + translate("PaymentsFlow", "The payer's name is remembered for "
                                                        "the tenant.")
            return said

        self._write_from_queue(work)

    def refund(self, payment_id: uuid.UUID, parts: list[tuple[uuid.UUID, Decimal]],
               payer_is: uuid.UUID | None, amount: Decimal) -> None:
        """Allocate what is shown (if anything), then pay the remainder back, today."""
        workspace = self.window.controller.workspace
        received_on, on = self._received_on(payment_id), today()

        def work(_job: Job) -> Any:
            from services.payments import allocate_payment, refund

            if parts:
                allocate_payment(workspace, payment_id, parts, received_on, payer_is=payer_is)
            refund(workspace, payment_id, amount, on)
            return translate("PaymentsFlow", "Refunded %1.").replace("%1", self._money(amount))

        self._write_from_queue(work)

    def _received_on(self, payment_id: uuid.UUID) -> date:
        panel = self.panel
        rows = panel.queue_model.rows() if panel is not None else []
        found = next((r for r in rows if r.payment_id == payment_id), None)
        return found.received_on if found is not None else today()

    def _write_from_queue(self, work: Callable[[Job], Any]) -> None:
        panel = self.panel
        if panel is None:
            return
        workspace = self.window.controller.workspace

        def done(answer: Any) -> None:
            from views.payment_text import refusal_text

            if self.panel is None:
                return
            if isinstance(answer, _Refused):
                self.panel.set_refused(refusal_text(answer.error, answer.numbers))
                return
            self.panel.set_done(str(answer))
            self.window.controller.reload()
            self.refresh_queue()

        def failed(message: str, _trace: str) -> None:
            if self.panel is not None:
                self.panel.set_refused(message)

        panel.set_working()
        self.window.tasks.start(_refusals_returned(work, workspace), on_success=done,
                                on_failure=failed)

    def _money(self, amount: Decimal) -> str:
        from views.map_text import money_text

        park = self.park()
        return money_text(amount, park.currency if park is not None else "")

    # -- entering a payment ------------------------------------------------------------------

    def open_entry(self) -> PaymentEntryDialog | None:
        """The Enter payment dialog for the park in scope."""
        from views.payment_entry import PaymentEntryDialog

        park = self.park()
        if park is None:
            return None
        if self.entry is not None:
            self.entry.raise_()
            self.entry.activateWindow()
            return self.entry
        tenants = tenant_labels(self.window.controller.workspace, park.id)
        dialog = self.entry = PaymentEntryDialog(
            today(), [(t, label.name) for t, label in tenants.items()], self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.enterRequested.connect(lambda entered: self.enter(park.id, entered))
        dialog.destroyed.connect(lambda *_: self._forget_entry(dialog))
        dialog.open()
        return dialog

    def enter(self, park_id: uuid.UUID, entered: EnteredPayment) -> None:
        workspace = self.window.controller.workspace

        def work(_job: Job) -> Any:
            from services.payments import PaymentInput, enter_payment

            return enter_payment(workspace, park_id, PaymentInput(
                entered.received_on, entered.amount, entered.payer, entered.remarks,
                tenant_id=entered.tenant_id))

        def done(answer: Any) -> None:
            from views.payment_text import refusal_text

            if isinstance(answer, _Refused):
                if self.entry is not None:
                    self.entry.set_refused(refusal_text(answer.error, answer.numbers))
                return
            self._say(translate("PaymentsFlow", "Payment entered: %1 from %2").replace(
                "%1", self._money(entered.amount)).replace(
                "%2", entered.payer or translate("PaymentsFlow", "(no payer)")))
            if self.entry is not None:
                self.entry.accept()
            self.window.controller.reload()
            self.refresh_queue()

        def failed(message: str, _trace: str) -> None:
            if self.entry is not None:
                self.entry.set_refused(message)

        self.window.tasks.start(_refusals_returned(work, workspace), on_success=done,
                                on_failure=failed)

    def _forget_entry(self, dialog: PaymentEntryDialog) -> None:
        if self.entry is dialog:
            self.entry = None

    # -- the workspace closes --------------------------------------------------------------

    def _closed(self) -> None:
        """The workspace closed: nothing may be written into the next one."""
        for dialog in (self.dialog, self.entry):
            if dialog is not None:
                dialog.close()
        if self.panel is not None:
            self._queue_serial += 1
            self.panel.set_queue(None)
        if self.dock is not None:
            self.dock.hide()

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 10000)


def payments_flow_of(window: MainWindow) -> PaymentsFlow:
    """The window's payments flow, made on first use."""
    found = window.findChild(PaymentsFlow, "payments-flow")
    return found if isinstance(found, PaymentsFlow) else PaymentsFlow(window)


def open_bank_import(window: MainWindow) -> BankImportDialog | None:
    """Billing → Import bank statement…; None with no workspace open."""
    return payments_flow_of(window).open_import()


def open_payment_queue(window: MainWindow) -> PaymentQueuePanel | None:
    """Billing → Payments to match; None with no workspace open."""
    return payments_flow_of(window).open_queue()


def open_payment_entry(window: MainWindow) -> PaymentEntryDialog | None:
    """Billing → Enter payment…; None with no workspace open."""
    return payments_flow_of(window).open_entry()
