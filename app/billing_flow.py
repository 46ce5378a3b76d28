"""Billing → Billing run…: the run's dialog, its rehearsals and its post, in the worker pool.

The dialog asks; this flow runs ``services.billing_run.rehearse_run`` or
``post_run`` in the window's task runner with a Job whose progress goes to the
dialog's own bar and whose cancel is the dialog's Cancel. A rehearsal writes
nothing; a post is one transaction, so a cancel, a refusal or a failure
leaves nothing written (the service's guarantee). A rehearsal answered after
its cancel is dropped (the person asked not to see it); a post that finished
before its cancel was heard is shown as posted, since it was. A refusal
(``UserError``) reaches the dialog said through ``views.message_text`` (the
task runner says every failure so). Closing the dialog cancels its work;
closing the workspace closes the dialog. After a post that wrote bills the
window reads its data again, as the other writing flows do.

The run plan has contract ids and tenant ids only; the contracts' codes and
tenants' names are read in the same task, so the table names each tenant.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.park_window import park_window
from views.billing_run_dialog import BillingRunDialog, bills_text

if TYPE_CHECKING:
    from app.main_window import MainWindow
    from app.workers import Task
    from runtime.jobs import Job
    from store.read_model import ParkNode
    from store.workspace import Workspace

translate = QCoreApplication.translate
Names = dict[str, tuple[str, str]]


def today() -> date:
    """The real day: bills are issued on it unless the clerk says otherwise."""
    return date.today()


@dataclass(frozen=True)
class _Answer:
    plan: Any  # services.billing_run.RunPlan
    names: Names
    run_id: uuid.UUID | None = None


def contract_names(workspace: Workspace, park_id: uuid.UUID) -> Names:
    """Every contract of the park: its id as text → (its code, its tenant's name)."""
    from sqlalchemy import select

    from store.schema import Contract, Tenant

    with workspace.reading() as session:
        return {str(cid): (code, name) for cid, code, name in session.execute(
            select(Contract.id, Contract.code, Tenant.name)
            .join(Tenant, Tenant.id == Contract.tenant_id)
            .where(Contract.park_id == park_id))}


class BillingFlow(QObject):
    """The window's billing run dialog and the one piece of work it has asked for."""

    taskStarted = Signal(object)  # the rehearsal's or post's Task, before it runs

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("billing-flow")
        self.window = window
        self.dialog: BillingRunDialog | None = None
        self.park_id: uuid.UUID | None = None
        self.task: Task | None = None  # the rehearsal or post running, if one is
        self._serial = 0  # the latest request; an earlier one's answer is dropped
        self._cancelled = False
        window.controller.closed.connect(self._closed)

    def open(self) -> BillingRunDialog | None:
        """The dialog for the park in scope, brought forward when it is open already."""
        def make(park: ParkNode) -> BillingRunDialog:
            if self.dialog is not None:  # another park's, closed: its work's answers end
                self._serial += 1
                self.task = None
            self.park_id = park.id
            dialog = self.dialog = BillingRunDialog(today(), park.currency, self.window)
            dialog.rehearseRequested.connect(self.rehearse)
            dialog.postRequested.connect(self.post)
            dialog.cancelRequested.connect(self.cancel)
            dialog.destroyed.connect(lambda *_: self._forget(dialog))
            return dialog

        return park_window(self.window, self.dialog, self.park_id, make)

    # -- the dialog's requests ---------------------------------------------------------------

    def rehearse(self, first: date, last: date, issued_on: date) -> None:
        """Compute the run's bills; nothing is written."""
        workspace, park_id = self.window.controller.workspace, self.park_id
        if park_id is None or self.dialog is None:
            return

        def work(job: Job) -> _Answer:
            from services.billing_run import rehearse_run

            plan = rehearse_run(workspace, park_id, first, last, issued_on, job=job)
            return _Answer(plan, contract_names(workspace, park_id))

        self.dialog.set_working("rehearse")
        self._start(work, self._rehearsed, writes=False)

    def post(self, first: date, last: date, issued_on: date) -> None:
        """Post the run in one transaction (the service plans it again inside it)."""
        workspace, park_id = self.window.controller.workspace, self.park_id
        if park_id is None or self.dialog is None:
            return

        def work(job: Job) -> _Answer:
            from services.billing_run import post_run

            report = post_run(workspace, park_id, first, last, issued_on, job=job)
            return _Answer(report.plan, contract_names(workspace, park_id), report.run_id)

        self.dialog.set_working("post")
        self._start(work, self._posted, writes=True)

    def cancel(self) -> None:
        """Stop the work at its next step: a post rolls back, a rehearsal is dropped."""
        self._cancelled = True
        if self.task is not None:
            self.task.cancel()

    # -- answers ----------------------------------------------------------------------------

    def _rehearsed(self, answer: _Answer) -> None:
        if self.dialog is None:
            return
        if self._cancelled:  # it ran to its end before it heard the cancel: not wanted
            self.dialog.set_cancelled()
            return
        self.dialog.set_plan(answer.plan, answer.names)

    def _posted(self, answer: _Answer) -> None:
        plan = answer.plan
        if answer.run_id is not None:
            self.window.controller.reload()  # what shows bills reads them again
            self.window.statusBar().showMessage(
                translate("BillingFlow", "Billing run posted: %1, %2")
                .replace("%1", bills_text(len(plan.bills)))
                .replace("%2", _money(plan.total, plan.currency)), 10000)
        if self.dialog is not None:
            self.dialog.set_posted(plan, answer.names, answer.run_id)

    def _start(self, work: Callable[[Job], Any], done: Callable[[Any], None], *,
               writes: bool) -> None:
        """Run ``work`` in the pool, its progress on the dialog's bar; only the latest
        request's answer reaches the dialog (a post's is always heard)."""
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
            elif writes:  # the dialog is gone, but the bills were posted: say so
                self._posted(result)

        def failed(message: str, _trace: str) -> None:
            if wanted():
                self.task = None
                if self.dialog is not None:
                    self.dialog.set_failed(message)
            elif writes:  # the dialog is gone; the post wrote nothing, and says why
                self.window.statusBar().showMessage(
                    translate("BillingFlow", "Billing run not posted: %1").replace(
                        "%1", message), 10000)

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

    def _closed(self) -> None:
        """The workspace closed: its dialog must not post into the next one."""
        if self.dialog is not None:
            self.dialog.close()

    def _forget(self, dialog: BillingRunDialog) -> None:
        """The dialog closed (its Close cancelled what ran): later answers reach no one."""
        if self.dialog is dialog:
            self.dialog = None
            self._serial += 1
            self.task = None


def _money(amount: Any, currency: str) -> str:
    from views.map_text import money_text

    return money_text(amount, currency)


def billing_flow_of(window: MainWindow) -> BillingFlow:
    """The window's billing flow, made on first use."""
    found = window.findChild(BillingFlow, "billing-flow")
    return found if isinstance(found, BillingFlow) else BillingFlow(window)


def open_billing_run(window: MainWindow) -> BillingRunDialog | None:
    """The billing run dialog for the park in scope; None with no workspace open."""
    return billing_flow_of(window).open()
