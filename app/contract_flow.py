"""Contracts in the window: the contract list, a contract's detail, the due dock, and the
actions on a contract (mark a checkpoint done, documents, amend, renew, terminate,
settle, receive, refund or reverse a deposit).

Everything is read in the worker pool on a reading session of the workspace,
the latest request of each kind winning (an earlier answer is dropped); the
views are handed what was read. They follow the viewed day (the window's As-of
date) and the data: a new day, another process's write, or one of these
actions reads them again. Alerts for late checkpoints are raised when a
workspace opens and when the day changes (in the pool, on the viewed day but
never a day after today: an alert is a record, not a what-if); the due list is
read right after, so the dock shows what was just raised.

One :class:`ContractFlow` per window (a child of it, found again by
:func:`flow_of`); the module functions are what menus and other flows call.
"""

from __future__ import annotations

import dataclasses
import sys
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QWidget

from domain.contracts import ContractStatus
from domain.leasing.lifecycle import termination_problems
from domain.leasing.schedule import rent_schedule
from domain.leasing.versions import version_changes
from views.contract_detail import (
    AmendDialog,
    AmendmentInput,
    ContractDetail,
    ContractView,
    DocumentView,
    RenewalInput,
    RenewDialog,
    TerminateDialog,
    VersionView,
)
from views.contract_list import ContractList
from views.deposit_move_dialog import RECEIVED, REFUNDED, DepositMoveDialog, DepositMoveInput
from views.deposit_panel import ReverseDialog
from views.due_list import DueList

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.main_window import MainWindow
    from runtime.jobs import Job
    from store.read_model import ParkNode
    from views.settlement_dialog import SettlementDialog

translate = QCoreApplication.translate


def today() -> date:
    """The real day (alerts are never raised for a day that has not come)."""
    return date.today()


@dataclasses.dataclass(frozen=True)
class _Refused:
    """A use case refused: its problems said one per line."""

    texts: tuple[str, ...]


def _refused(exc: Exception) -> _Refused:
    from views.contract_text import problem_line
    from views.message_text import message_text

    problems = getattr(exc, "problems", None) or []
    return _Refused(tuple(problem_line(p) for p in problems) or (message_text(exc),))


# -- reading -----------------------------------------------------------------------------


def read_contract_view(session: Session, contract_id: uuid.UUID, on: date, currency: str
                       ) -> ContractView:
    """Everything the detail shows of one contract on ``on`` (one reading session)."""
    from sqlalchemy import func, select

    from services import contracts
    from services.checkpoints import contract_checkpoints
    from services.deposits import deposit_statement
    from services.renewal_facts import renewal_inputs
    from services.sales_import import sales_of
    from store.schema import Contract, ContractDocument

    contract = session.get(Contract, contract_id)
    if contract is None or contract.archived:
        raise contracts.ContractRefused(f"no contract with id {contract_id}", "no-contract",
                                        contract=str(contract_id))
    spec = contracts.spec_of(session, contract)
    schedule = contracts.schedule_of(session, contract.id)
    versions: list[VersionView] = []
    previous = None
    for version in contracts.versions_of(session, contract.id):
        lines, problems = rent_schedule(contracts.with_inputs(session, contract,
                                                              version.spec.terms))
        changes = tuple(version_changes(previous.spec, version.spec)) if previous else ()
        versions.append(VersionView(version.number, version.effective_on, version.reason,
                                    version.spec, changes, tuple(lines), tuple(problems)))
        previous = version
    documents = tuple(DocumentView(*row) for row in session.execute(
        select(ContractDocument.id, ContractDocument.name, ContractDocument.kind,
               ContractDocument.media_type, ContractDocument.version, ContractDocument.added_on,
               func.length(ContractDocument.content))
        .where(ContractDocument.contract_id == contract.id, ~ContractDocument.archived)
        .order_by(ContractDocument.added_on, ContractDocument.name)))
    advice, record = None, False
    if contract.status is not ContractStatus.DRAFT:
        inputs = renewal_inputs(session, contract.id, on)
        advice, record = inputs.advice, inputs.payment_record
    return ContractView(
        id=contract.id, code=contract.code, tenant=spec.tenant_name, status=contract.status,
        state=contracts.state_on(session, contract, on), version=contract.version, spec=spec,
        terminated_on=contract.terminated_on, on=on, currency=currency,
        lines=schedule.lines, problems=schedule.problems, versions=tuple(versions),
        checkpoints=tuple(contract_checkpoints(session, contract.id, on)),
        documents=documents, advice=advice, payment_record=record,
        sales=tuple(sales_of(session, contract.id)) if spec.terms.turnover is not None or any(
            v.spec.terms.turnover is not None for v in versions) else (),
        deposit=deposit_statement(session, contract.id))


def settlement_preview(contract: ContractView, on: date) -> tuple[date, Decimal, list[Any],
                                                                  list[Any]]:
    """What terminating on ``on`` would leave, as ``services.contracts.terminate`` reckons it
    (vacant from the day after, the deposit held — not the agreed one: a renewal may have
    carried it, a settlement applied it —, the lines starting after ``on``), and why the
    lifecycle would refuse it."""
    spec = contract.spec
    lines = [x for x in contract.lines if x.starts_on > on]
    problems = termination_problems(spec.starts_on, spec.ends_on, on, contract.on)
    return on + timedelta(days=1), contract.deposit_held, lines, problems


def renewal_spec(contract: ContractView, values: RenewalInput) -> Any:
    """The follow-on contract: the same tenant, units and clauses, from the day after the end
    to the new end at the new rate; no rent-free (a fit-out is not given twice) and a stepped
    table (dated) dropped."""
    from domain.leasing.clauses import EscalationKind

    spec = contract.spec
    start = spec.ends_on + timedelta(days=1)
    escalation = spec.terms.escalation
    if escalation is not None and escalation.kind is EscalationKind.STEPPED:
        escalation = None
    turnover = spec.terms.turnover
    if turnover is not None:
        turnover = dataclasses.replace(turnover, sales={})
    terms = dataclasses.replace(spec.terms, starts_on=start, ends_on=values.ends_on,
                                rate=values.rate, rent_free=(), escalation=escalation,
                                turnover=turnover)
    return dataclasses.replace(spec, code=values.code, signed_on=values.signed_on,
                               delivered_on=start, rent_starts_on=None, terms=terms)


def amended_spec(contract: ContractView, values: AmendmentInput) -> Any:
    """The contract's terms with the dialog's figures; the rent's area follows the units."""
    spec = contract.spec
    area = sum((u.billable_area for u in values.units), Decimal(0))
    terms = dataclasses.replace(spec.terms, rate=values.rate, ends_on=values.ends_on,
                                area=area)
    return dataclasses.replace(spec, terms=terms, deposit=values.deposit, units=values.units)


# -- the flow ----------------------------------------------------------------------------


class ContractFlow(QObject):
    """The window's contract views and what they ask for."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("contract-flow")
        self.window = window
        self.list: ContractList | None = None
        self.details: dict[uuid.UUID, ContractDetail] = {}
        self.dialogs: list[QWidget] = []  # amend, renew, terminate dialogs open
        self.due: DueList | None = None
        self.dock: QDockWidget | None = None
        self._serials: dict[str, int] = {}
        self._alerts_running = False  # one alert run at a time: two would insert the same
        self._alerts_again: date | None = None  # the day asked for while one ran
        # What to do with a detail once it has been read (amend_contract opens the dialog).
        self._then: dict[uuid.UUID, Callable[[], object]] = {}
        c = window.controller
        window.date_edit.dayChosen.connect(self._day_chosen)
        c.outsideChange.connect(self.refresh)
        c.opened.connect(self._opened)
        c.closed.connect(self._closed)
        c.treeChanged.connect(self._tree_changed)

    # -- where ---------------------------------------------------------------------------

    def park(self) -> ParkNode | None:
        from services.register import park_of

        return park_of(self.window.controller.tree, self.window.controller.scope)

    def day(self) -> date:
        return self.window.controller.day

    def _read(self, kind: str, work: Callable[[Session], Any], done: Callable[[Any], None],
              failed: Callable[[str], None] | None = None) -> bool:
        """Read in the pool on a session of the workspace; only the latest of a kind is shown."""
        if not self.window.controller.is_open:
            return False
        serial = self._serials[kind] = self._serials.get(kind, 0) + 1
        workspace = self.window.controller.workspace

        def task(_job: Job) -> Any:
            with workspace.reading() as session:
                return work(session)

        def succeeded(result: Any) -> None:
            if self._serials.get(kind) == serial:
                done(result)

        def failing(message: str, trace: str) -> None:
            print(f"{kind} not read: {message}\n{trace}", file=sys.stderr)
            if self._serials.get(kind) == serial and failed is not None:
                failed(message)

        self.window.tasks.start(task, on_success=succeeded, on_failure=failing)
        return True

    def _write(self, work: Callable[[Any], Any], done: Callable[[Any], None],
               failed: Callable[[str], None], reload: bool = False) -> None:
        """Run a use case in the pool; a refusal comes back as :class:`_Refused`."""
        from services.contracts import ContractRefused
        from services.deposits import DepositRefused

        if not self.window.controller.is_open:
            failed(translate("ContractFlow", "No workspace is open."))
            return
        workspace = self.window.controller.workspace

        def task(_job: Job) -> Any:
            try:
                return work(workspace)
            except (ContractRefused, DepositRefused) as exc:
                return _refused(exc)

        def succeeded(result: Any) -> None:
            if not isinstance(result, _Refused) and reload:
                self.window.controller.reload()  # the table and the maps follow the contract
            done(result)
            self.refresh()

        self.window.tasks.start(task, on_success=succeeded,
                                on_failure=lambda message, _trace: failed(message))

    def _rehearse(self, read: Callable[[Session], Any], shown: Callable[[Any], None],
                  refused: Callable[[str], None], alive: Callable[[], bool] = lambda: True
                  ) -> None:
        """Read a rehearsal in the pool and show it, or its refusal in words; nothing is
        shown in a dialog no longer ``alive`` (closed while it was worked out)."""
        workspace = self.window.controller.workspace

        def work(_job: Job) -> Any:
            from services.deposits import DepositRefused

            try:
                with workspace.reading() as session:
                    return read(session)
            except DepositRefused as exc:
                return _refused(exc)

        def done(plan: Any) -> None:
            if not alive():
                return
            if isinstance(plan, _Refused):
                refused("\n".join(plan.texts))
            else:
                shown(plan)

        self.window.tasks.start(work, on_success=done,
                                on_failure=lambda m, _t: refused(m) if alive() else None)

    # -- refreshing ----------------------------------------------------------------------

    def refresh(self, *_signal_args: object) -> None:
        """Read every open view again (the data changed: a contract signed or ended may have
        late checkpoints, so the alerts are raised before the due list is read)."""
        self.refresh_list()
        if self.dock is not None and not self.dock.isHidden():
            self.raise_alerts()
        for contract_id in list(self.details):
            self.refresh_detail(contract_id)

    def _day_chosen(self, day: date) -> None:
        self.refresh_list(day)
        self.refresh_due(day)
        for contract_id in list(self.details):
            self.refresh_detail(contract_id, day)

    def _opened(self, *_args: object) -> None:
        self.raise_alerts()
        self.refresh_list()

    def _closed(self) -> None:
        for kind in list(self._serials):
            self._serials[kind] += 1  # whatever still runs is not shown
        for detail in list(self.details.values()):
            detail.close()
        self.details.clear()
        for dialog in self.dialogs:
            dialog.close()
        self.dialogs.clear()
        if self.list is not None:
            self.list.set_rows([], self.day())
        if self.due is not None:
            self.due.clear()

    def _tree_changed(self, *_args: object) -> None:
        park = self.park()
        if self.list is not None and park is not None:
            from views.labels import building_title

            self.list.set_buildings([(b.code, building_title(b.code, b.name))
                                     for b in park.buildings])
            self.list.set_currency(park.currency)

    # -- the list ------------------------------------------------------------------------

    def open_list(self) -> ContractList | None:
        """The contract list as a tab of the window (made the first time), shown."""
        if not self.window.controller.is_open:
            return None
        if self.list is None:
            self.list = ContractList(self.window.tabs)
            self.list.open_contract.connect(self.open_contract)
            self.window.tabs.addTab(self.list, self.list.title())
            self.list.titleChanged.connect(
                lambda title: self.window.tabs.setTabText(
                    self.window.tabs.indexOf(self.list), title))
            self._tree_changed()
        self.window.tabs.setCurrentWidget(self.list)
        self.refresh_list()
        return self.list

    def refresh_list(self, day: date | None = None) -> None:
        listed, park = self.list, self.park()
        if listed is None or park is None:
            return
        day = day or self.day()
        park_id = park.id

        def work(session: Session) -> list[Any]:
            from services.contract_list import contract_rows

            return contract_rows(session, park_id, day)

        if self._read("list", work, lambda rows: listed.set_rows(rows, day), listed.set_failed):
            listed.set_loading(True)

    # -- the due dock --------------------------------------------------------------------

    def install_due_dock(self) -> QDockWidget:
        """The due list in a dock under the tables (made once; a wide list), read for the day."""
        if self.dock is None:
            self.due = DueList(self.window)
            self.due.open_contract.connect(self.open_contract)
            self.dock = QDockWidget(self.window)
            self.dock.setObjectName("dock-due")
            self.dock.setWidget(self.due)
            self._retitle_dock()
            self.due.installEventFilter(self)
            self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
            self.dock.visibilityChanged.connect(self._dock_shown)
            self.raise_alerts()
        return self.dock

    def eventFilter(self, watched: QObject, event: Any) -> bool:
        from PySide6.QtCore import QEvent

        if watched is self.due and event.type() == QEvent.Type.LanguageChange:
            self._retitle_dock()
        return super().eventFilter(watched, event)

    def _retitle_dock(self) -> None:
        if self.dock is not None:
            self.dock.setWindowTitle(translate("ContractFlow", "Due"))

    def _dock_shown(self, visible: bool) -> None:
        if visible:
            self.refresh_due()

    def refresh_due(self, day: date | None = None) -> None:
        """Read the due list for the day; not while its dock is closed (read when shown)."""
        due, park = self.due, self.park()
        if due is None or park is None or self.dock is None or self.dock.isHidden():
            return
        day = day or self.day()
        park_id = park.id

        def work(session: Session) -> list[Any]:
            from services.checkpoints import due_list

            return due_list(session, park_id, day)

        if self._read("due", work, lambda items: due.set_items(items, day), due.set_failed):
            due.set_loading(True)

    def raise_alerts(self, day: date | None = None) -> None:
        """Raise the late checkpoints' alerts for the day (never after today), then read the
        due list; a workspace that cannot be written still gets its list."""
        park = self.park()
        if park is None or not self.window.controller.is_open:
            return
        if self._alerts_running:
            self._alerts_again = day or self.day()
            return
        self._alerts_running = True
        day = day or self.day()
        park_id = park.id
        workspace = self.window.controller.workspace

        def work(_job: Job) -> Any:
            from services.checkpoints import raise_due_alerts

            try:
                return raise_due_alerts(workspace, park_id, min(day, today()))
            except Exception as exc:  # the list is still read; the failure is not lost
                print(f"alerts not raised: {exc!r}", file=sys.stderr)
                return None

        serial = self._serials["alerts"] = self._serials.get("alerts", 0) + 1
        self._serials["due"] = self._serials.get("due", 0) + 1  # a list read before is stale

        def done(_run: Any) -> None:
            self._alerts_running = False
            again, self._alerts_again = self._alerts_again, None
            if again is not None:
                self.raise_alerts(again)
            elif self._serials.get("alerts") == serial:
                self.refresh_due(day)

        if self.due is not None:
            self.due.set_loading(True)
        # The write is seen by the window's watch as a change of the file: the rows are read
        # once more, and the alerts raised again find nothing new (no write, no loop).
        self.window.tasks.start(work, on_success=done,
                                on_failure=lambda _m, _t: done(None))

    # -- one contract --------------------------------------------------------------------

    def open_contract(self, contract_id: uuid.UUID, then: Callable[[], object] | None = None
                      ) -> ContractDetail | None:
        """The contract's detail window (one per contract), read for the viewed day; ``then``
        runs once it has been read."""
        if not self.window.controller.is_open:
            return None
        detail = self.details.get(contract_id)
        if detail is None:
            detail = ContractDetail(self.window)
            from app.i18n import resolve

            window_language = resolve(str(getattr(self.window.languages, "current", "") or ""))
            detail.language.setCurrentIndex(max(0, detail.language.findData(window_language)))
            detail.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            detail.destroyed.connect(lambda *_: self.details.pop(contract_id, None))
            detail.markDoneRequested.connect(lambda code: self.mark_done(contract_id, code))
            detail.attachRequested.connect(lambda: self.attach(contract_id))
            detail.generateRequested.connect(lambda language: self.generate(contract_id,
                                                                            language))
            detail.amendRequested.connect(lambda: self.amend(contract_id))
            detail.renewRequested.connect(lambda: self.renew(contract_id))
            detail.terminateRequested.connect(lambda: self.terminate(contract_id))
            detail.settleRequested.connect(lambda: self.settle(contract_id))
            detail.salesEntered.connect(
                lambda month, amount: self.enter_sales(contract_id, month, amount))
            detail.salesImportRequested.connect(lambda: self.import_sales(contract_id))
            detail.reverseDepositRequested.connect(
                lambda movement: self.reverse_deposit(contract_id, movement))
            detail.deposit_panel.receiveRequested.connect(
                lambda: self.move_deposit(contract_id, RECEIVED))
            detail.deposit_panel.refundRequested.connect(
                lambda: self.move_deposit(contract_id, REFUNDED))
            from app.inputs_flow import clear_sales  # a month's sales taken back

            detail.sales_panel.sales_cleared.connect(
                lambda month: clear_sales(self.window, contract_id, month))
            self.details[contract_id] = detail
            detail.set_status(translate("ContractFlow", "Reading the contract…"))
        if then is not None:
            self._then[contract_id] = then
        self.refresh_detail(contract_id)
        detail.show()
        detail.raise_()
        detail.activateWindow()
        return detail

    def refresh_detail(self, contract_id: uuid.UUID, day: date | None = None) -> None:
        detail = self.details.get(contract_id)
        park = self.park()
        if detail is None:
            return
        day = day or self.day()
        currency = park.currency if park is not None else ""

        def shown(view: ContractView) -> None:
            if self.details.get(contract_id) is detail:
                detail.set_contract(view)
                detail.set_status("")
                then = self._then.pop(contract_id, None)
                if then is not None:
                    then()

        def failed(message: str) -> None:
            if self.details.get(contract_id) is detail:
                detail.set_status(message, error=True)

        self._read(f"detail:{contract_id}",
                   lambda session: read_contract_view(session, contract_id, day, currency),
                   shown, failed)

    def _view(self, contract_id: uuid.UUID) -> tuple[ContractDetail, ContractView] | None:
        detail = self.details.get(contract_id)
        if detail is None or detail.contract is None:
            return None
        return detail, detail.contract

    # -- actions -------------------------------------------------------------------------

    def mark_done(self, contract_id: uuid.UUID, code: str) -> None:
        """Done on the viewed day (never after today)."""
        found = self._view(contract_id)
        if found is None:
            return
        detail, _view = found
        day = min(self.day(), today())
        actor = self.window.controller.workspace.actor

        def work(workspace: Any) -> None:
            from services.checkpoints import mark_done

            mark_done(workspace, contract_id, code, day, by=actor)

        def done(result: Any) -> None:
            if isinstance(result, _Refused):
                detail.set_status("\n".join(result.texts), error=True)

        detail.set_status(translate("ContractFlow", "Marking it done…"))
        self._write(work, done, lambda m: detail.set_status(m, error=True))

    def attach(self, contract_id: uuid.UUID) -> None:
        from app.contract_document_flow import attach_document  # only this click if missing

        if attach_document(self.window, contract_id) is not None:
            self.refresh_detail(contract_id)

    def generate(self, contract_id: uuid.UUID, language: str) -> None:
        from app.contract_document_flow import make_contract_pdf  # only this click if missing

        if make_contract_pdf(self.window, contract_id, language) is not None:
            self.refresh_detail(contract_id)

    def amend(self, contract_id: uuid.UUID) -> AmendDialog | None:
        """The amendment rehearsed in a dialog, then written as the next version."""
        found = self._view(contract_id)
        if found is None:
            return None
        detail, view = found
        dialog = AmendDialog(view, detail)
        self._keep(dialog)

        def rehearse(values: AmendmentInput) -> None:
            from services.contracts import ContractRefused, rehearse_amendment

            spec = amended_spec(view, values)
            workspace = self.window.controller.workspace

            def work(_job: Job) -> Any:
                try:
                    return rehearse_amendment(workspace, contract_id, spec, values.effective_on)
                except ContractRefused as exc:
                    return _refused(exc)

            def done(plan: Any) -> None:
                if isinstance(plan, _Refused):
                    dialog.set_failed("\n".join(plan.texts))
                else:
                    dialog.set_plan(values, plan.changes, plan.before, plan.after,
                                    plan.problems)

            self.window.tasks.start(work, on_success=done,
                                    on_failure=lambda m, _t: dialog.set_failed(m))

        def apply(values: AmendmentInput) -> None:
            from services.contracts import amend

            spec = amended_spec(view, values)

            def done(result: Any) -> None:
                if isinstance(result, _Refused):
                    dialog.set_failed("\n".join(result.texts))
                else:
                    dialog.accept()

            self._write(lambda ws: amend(ws, contract_id, spec, values.effective_on), done,
                        dialog.set_failed, reload=True)

        def find_unit(code: str) -> None:
            from domain.leasing.contract import LetUnit
            from services.contract_entry import unit_by_code
            from services.contracts import park_id_of

            workspace = self.window.controller.workspace

            def work(_job: Job) -> Any:
                with workspace.reading() as session:
                    return unit_by_code(session, park_id_of(session), code)

            def done(offer: Any) -> None:
                if offer is None:
                    dialog.units.set_message(
                        self.tr("No unit %1 in this park.").replace("%1", code))
                else:
                    dialog.add_unit(LetUnit(offer.unit_id, offer.code, offer.billable_area))

            self.window.tasks.start(work, on_success=done,
                                    on_failure=lambda m, _t: dialog.units.set_message(m))

        dialog.rehearseRequested.connect(rehearse)
        dialog.applyRequested.connect(apply)
        dialog.unitRequested.connect(find_unit)
        dialog.show()
        dialog.rehearse()
        return dialog

    def renew(self, contract_id: uuid.UUID) -> RenewDialog | None:
        """The follow-on contract's terms asked (the advice's rate offered), then signed."""
        found = self._view(contract_id)
        if found is None:
            return None
        detail, view = found
        from domain.leasing.schedule import add_months

        months = max(1, (view.spec.ends_on.year - view.spec.starts_on.year) * 12
                     + view.spec.ends_on.month - view.spec.starts_on.month + 1)
        start = view.spec.ends_on + timedelta(days=1)
        suggested = (view.advice.suggested_rate if view.advice is not None
                     and view.advice.suggested_rate is not None else view.spec.terms.rate)
        code = self._next_code(view.spec.signed_on)
        dialog = RenewDialog(view, code, suggested,
                             add_months(start, months) - timedelta(days=1), detail,
                             carry=self._carry(contract_id, view.spec.deposit, start))
        self._keep(dialog)

        def renew(values: RenewalInput) -> None:
            from services.contracts import renew as renew_contract

            spec = renewal_spec(view, values)

            def done(result: Any) -> None:
                if isinstance(result, _Refused):
                    dialog.set_refused(result.texts)
                    return
                dialog.accept()
                self.window.statusBar().showMessage(
                    translate("ContractFlow", "%1 renewed by %2").replace("%1", view.code)
                    .replace("%2", values.code), 10000)
                self.open_contract(result)

            self._write(lambda ws: renew_contract(ws, contract_id, spec), done,
                        lambda m: dialog.set_refused([m]), reload=True)

        dialog.renewRequested.connect(renew)
        dialog.show()
        return dialog

    def _carry(self, contract_id: uuid.UUID, asked: Decimal, start: date) -> Any:
        """What renewing carries of the deposit held, as ``services.contracts.renew`` will
        (the follow-on asks the deposit this contract says: ``renewal_spec``)."""
        from services.deposits import rehearse_carry

        with self.window.controller.workspace.reading() as session:
            return rehearse_carry(session, contract_id, asked, start).carry

    def _next_code(self, signed_on: date) -> str:
        from services.contract_entry import next_contract_code

        park = self.park()
        if park is None:
            return ""
        with self.window.controller.workspace.reading() as session:
            return next_contract_code(session, park.id, max(signed_on, self.day()))

    def terminate(self, contract_id: uuid.UUID) -> TerminateDialog | None:
        """The last day picked, the settlement shown, then the termination written."""
        found = self._view(contract_id)
        if found is None:
            return None
        detail, view = found
        dialog = TerminateDialog(view, detail)
        self._keep(dialog)

        def preview(on: date) -> None:
            dialog.set_preview(on, *settlement_preview(view, on))

        def confirmed(on: date) -> None:
            from services.contracts import terminate as terminate_contract

            def done(result: Any) -> None:
                if isinstance(result, _Refused):
                    dialog.set_failed("\n".join(result.texts))
                else:
                    dialog.set_done(result.terminated_on, result.vacant_from, result.deposit,
                                    result.unbilled_after)

            self._write(lambda ws: terminate_contract(ws, contract_id, on), done,
                        dialog.set_failed, reload=True)

        dialog.previewRequested.connect(preview)
        dialog.terminateRequested.connect(confirmed)
        dialog.settleRequested.connect(lambda: self.settle(contract_id, dialog.chosen()))
        preview(dialog.chosen())
        dialog.show()
        return dialog

    def settle(self, contract_id: uuid.UUID, on: date | None = None
               ) -> SettlementDialog | None:
        """Its open bills, the late fees to the day and the deposit applied, the rest
        refunded: rehearsed for the day chosen (its last day, or the viewed day once past
        it), said, then posted once confirmed; a refusal in words."""
        from views.settlement_dialog import SettlementDialog

        found = self._view(contract_id)
        if found is None:
            return None
        detail, view = found
        last = view.terminated_on or view.spec.ends_on
        dialog = SettlementDialog(view.code, view.currency, on or max(last, self.day()),
                                  detail)
        self._keep(dialog)

        def rehearse(day: date) -> None:
            from services.deposits import rehearse_settlement

            self._rehearse(lambda session: rehearse_settlement(session, contract_id, day),
                           lambda plan: dialog.set_plan(day, plan),
                           lambda text: dialog.set_refused(text, day))

        def confirmed(day: date) -> None:
            def work(ws: Any) -> Any:
                from services.deposits import settle_termination

                return settle_termination(ws, contract_id, day)

            def done(result: Any) -> None:
                if isinstance(result, _Refused):
                    dialog.set_refused("\n".join(result.texts))
                else:
                    dialog.set_done(result)
                    self.window.statusBar().showMessage(
                        translate("ContractFlow", "%1 settled on %2")
                        .replace("%1", view.code).replace("%2", day.isoformat()), 10000)

            self._write(work, done, dialog.set_refused, reload=True)

        dialog.rehearseRequested.connect(rehearse)
        dialog.settleRequested.connect(confirmed)
        dialog.show()
        dialog.rehearse()
        return dialog

    def reverse_deposit(self, contract_id: uuid.UUID, movement_id: uuid.UUID
                        ) -> ReverseDialog | None:
        """A deposit movement's reversal: rehearsed for the day chosen (the viewed day, never
        after today), said, then written once confirmed; a refusal in words."""
        found = self._view(contract_id)
        if found is None or found[1].deposit is None:
            return None
        detail, view = found
        line = next((x for x in view.deposit.lines if x.id == movement_id), None)
        if line is None:
            return None
        dialog = ReverseDialog(line, view.deposit.lines, view.code, view.currency,
                               min(self.day(), today()), detail)
        self._keep(dialog)

        def rehearse(on: date) -> None:
            from services.deposits import rehearse_reversal

            self._rehearse(lambda session: rehearse_reversal(session, movement_id, on),
                           lambda plan: dialog.set_plan(on, plan.reasons),
                           lambda text: dialog.set_refused(text, on))

        def confirmed(on: date, note: str) -> None:
            def work(ws: Any) -> Any:
                from services.deposits import reverse_movement

                return reverse_movement(ws, movement_id, on, note)

            def done(result: Any) -> None:
                if isinstance(result, _Refused):
                    dialog.set_refused("\n".join(result.texts))
                else:
                    dialog.set_done(on)
                    self.window.statusBar().showMessage(
                        translate("ContractFlow", "Deposit movement of %1 reversed")
                        .replace("%1", view.code), 10000)

            self._write(work, done, dialog.set_refused)

        dialog.rehearseRequested.connect(rehearse)
        dialog.reverseRequested.connect(confirmed)
        dialog.show()
        dialog.rehearse()
        return dialog

    def move_deposit(self, contract_id: uuid.UUID, kind: str) -> DepositMoveDialog | None:
        """The deposit received (``kind`` RECEIVED, out of one of the tenant's payments that
        hold money, or none) or refunded (REFUNDED), dated the viewed day: rehearsed as it
        is typed, said, then written once confirmed; a refusal in words."""
        found = self._view(contract_id)
        if found is None or found[1].deposit is None:
            return None
        detail, view = found
        dialog = DepositMoveDialog(kind, view.code, view.currency, view.deposit.held,
                                   view.deposit.agreed, self.day(), detail)
        self._keep(dialog)
        workspace = self.window.controller.workspace

        def rehearse(asked: DepositMoveInput) -> None:
            from services.deposits import rehearse_receipt, rehearse_refund

            def read(session: Session) -> Any:
                if kind == RECEIVED:
                    return rehearse_receipt(session, contract_id, asked.amount, asked.on,
                                            asked.payment_id)
                return rehearse_refund(session, contract_id, asked.amount, asked.on)

            self._rehearse(read, lambda plan: dialog.set_plan(asked, plan),
                           lambda text: dialog.set_refused(text, asked),
                           alive=lambda: dialog in self.dialogs)

        def confirmed(asked: DepositMoveInput) -> None:
            def work(ws: Any) -> Any:
                from services.deposits import post_receipt, post_refund

                if kind == RECEIVED:
                    return post_receipt(ws, contract_id, asked.amount, asked.on,
                                        asked.payment_id)
                return post_refund(ws, contract_id, asked.amount, asked.on)

            def done(result: Any) -> None:
                if isinstance(result, _Refused):
                    if dialog in self.dialogs:
                        dialog.set_refused("\n".join(result.texts))
                    return
                if dialog in self.dialogs:
                    dialog.set_done(result)
                said = (translate("ContractFlow", "Deposit of %1 received")
                        if kind == RECEIVED else
                        translate("ContractFlow", "Deposit of %1 refunded"))
                self.window.statusBar().showMessage(said.replace("%1", view.code), 10000)
                if result.payment is not None:  # the payment's money left the queue
                    from app.payments_flow import PaymentsFlow

                    queue = self.window.findChild(PaymentsFlow, "payments-flow")
                    if isinstance(queue, PaymentsFlow):
                        queue.refresh_queue()

            self._write(work, done, lambda m: dialog.set_refused(m)
                        if dialog in self.dialogs else None)

        if kind == RECEIVED:
            def listed(_job: Job) -> Any:
                from services.deposits import payments_holding

                with workspace.reading() as session:
                    return payments_holding(session, contract_id)

            def payments(found: Any) -> None:
                if dialog in self.dialogs:
                    dialog.set_payments(found)

            self.window.tasks.start(listed, on_success=payments,
                                    on_failure=lambda _m, _t: payments(()))
        dialog.rehearseRequested.connect(rehearse)
        dialog.saveRequested.connect(confirmed)
        dialog.show()
        dialog.rehearse()
        return dialog

    def enter_sales(self, contract_id: uuid.UUID, month: date, amount: Decimal) -> None:
        from app.inputs_flow import enter_sales  # only when a figure is typed

        enter_sales(self.window, contract_id, month, amount)

    def import_sales(self, contract_id: uuid.UUID) -> None:
        from app.inputs_flow import choose_sales_file

        choose_sales_file(self.window, contract_id)

    def _keep(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialogs.append(dialog)
        dialog.destroyed.connect(lambda *_: self.dialogs.remove(dialog)
                                 if dialog in self.dialogs else None)


# -- what menus call ---------------------------------------------------------------------


def flow_of(window: MainWindow) -> ContractFlow:
    """The window's contract flow, made on first use."""
    found = window.findChild(ContractFlow, "contract-flow")
    return found if isinstance(found, ContractFlow) else ContractFlow(window)


def open_contract_list(window: MainWindow) -> ContractList | None:
    return flow_of(window).open_list()


def open_contract(window: MainWindow, contract_id: uuid.UUID) -> ContractDetail | None:
    return flow_of(window).open_contract(contract_id)


def install_due_dock(window: MainWindow) -> QDockWidget:
    return flow_of(window).install_due_dock()


def amend_contract(window: MainWindow, contract_id: uuid.UUID) -> AmendDialog | None:
    """An amendment of a signed contract: the rehearsal dialog (rate, end, deposit), until
    the wizard edits amendments. The contract's detail is opened for it; the dialog shows
    once the contract has been read (returned then if it already was)."""
    flow = flow_of(window)
    if flow._view(contract_id) is not None:
        flow.open_contract(contract_id)
        return flow.amend(contract_id)
    flow.open_contract(contract_id, then=lambda: flow.amend(contract_id))
    return None


def contracts_changed(window: MainWindow) -> None:
    """Another flow wrote contracts (the wizard signed one, a rent roll was imported): the
    open list, due list and details are read again; nothing happens if none is open."""
    found = window.findChild(ContractFlow, "contract-flow")
    if isinstance(found, ContractFlow):
        found.refresh()
