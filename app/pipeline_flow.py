"""The pipeline wired to the window: the board as a tab beside Units and Map, lead forms
beside it, every read, write and match in the worker pool.

:func:`open_pipeline` shows the board in the window's centre tabs (the big
views live there; the board needs the width of six columns), built on first
use; :func:`open_lead` opens a lead's form (None: a new lead). One
:class:`PipelineFlow` per window holds both and runs ``services.pipeline``:
the board and forms are read on a reading session in the pool (the latest
request wins), writes run there in one transaction each, matching runs on
the controller's own pool connection as find-space does (the latest needs
win). A refusal comes back in words: on the board (the card returns to its
column), on the form's fields, or on the quote editor. After each write the
board and the lead's open form are read again.

"Show on plan" is find-space's: the floor in the tree, its plan on the map
tab, the units selected and framed (``app.space_menu.SpaceMenu.show_candidate``).
A quote made a draft contract opens in the contract wizard to be checked and
signed.
"""

from __future__ import annotations

import sys
import traceback
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu

from domain.leasing.pipeline import LeadNeeds, Stage, may_move
from runtime.messages import UserError
from services.register import park_of
from views.lead_form import LeadForm
from views.pipeline_board import PipelineBoard
from views.pipeline_text import refusal_text, stage_text

if TYPE_CHECKING:
    from app.main_window import MainWindow
    from domain.leasing.quotes import QuoteTerms
    from runtime.jobs import Job
    from store.read_model import ReadModel
    from store.workspace import Workspace

translate = QCoreApplication.translate
MATCHES = 20  # the matches a form shows


@dataclass(frozen=True)
class _Refused:
    """A write the rules refused: the error, to be said where it was asked."""

    error: UserError


@dataclass(frozen=True)
class _Failed:
    message: str


@dataclass(frozen=True)
class _Board:
    board: dict[Stage, list[Any]]
    summary: Any
    currency: str


@dataclass(frozen=True)
class _Lead:
    row: Any
    history: list[Any]
    quotes: list[Any]


def _refusals() -> tuple[type[UserError], ...]:
    from services.contracts import ContractRefused
    from services.pipeline import PipelineRefused

    return PipelineRefused, ContractRefused


def _said(work: Callable[[], Any]) -> Any:
    """``work()``, or a refusal as :class:`_Refused`, or any other failure as words."""
    from views.message_text import message_text

    try:
        return work()
    except _refusals() as exc:
        return _Refused(exc)
    except Exception as exc:  # every failure is said to the user, none is lost
        print(traceback.format_exc(), file=sys.stderr)
        return _Failed(message_text(exc) or type(exc).__name__)


class PipelineFlow(QObject):
    """The window's pipeline: its board, its lead forms, and the work they ask for."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("pipeline-flow")
        self.window = window
        self.controller = window.controller
        self.board: PipelineBoard | None = None
        self.forms: list[LeadForm] = []
        self.reason_dialog: QInputDialog | None = None  # asks why a lead was lost
        self._board_serial = 0
        self._stale = True  # the board shows older data than the workspace's
        c = self.controller
        c.opened.connect(lambda *_: self._data_changed())
        c.rowsChanged.connect(lambda *_: self._data_changed())  # a new day, a reload
        c.closed.connect(self._closed)
        window.tabs.currentChanged.connect(lambda *_: self._tab_shown())

    # -- where -------------------------------------------------------------------------

    def park(self) -> Any | None:
        """The park in scope (the first when nothing is chosen)."""
        return park_of(self.controller.tree, self.controller.scope)

    def day(self) -> date:
        return self.controller.day

    def _workspace(self) -> Workspace | None:
        from store.errors import WorkspaceError

        if not self.controller.is_open:
            return None
        try:
            return self.controller.workspace
        except (WorkspaceError, OSError, RuntimeError) as exc:
            from views.message_text import message_text

            self.window.warn(translate("PipelineFlow", "Pipeline not opened"),
                             message_text(exc))
            return None

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """``work`` in the pool; its result (or its refusal or failure) to ``done`` here."""
        self.window.tasks.start(lambda _job: _said(work), on_success=done,
                                on_failure=lambda message, _trace: done(_Failed(message)))

    # -- the board -----------------------------------------------------------------------

    def open_board(self) -> PipelineBoard | None:
        """The board in its tab, shown and read again."""
        if not self.controller.is_open or self.park() is None:
            return None
        board = self.board
        if board is None:
            board = self.board = PipelineBoard(self.window.tabs)
            board.move_requested.connect(self.move)
            board.open_requested.connect(lambda lead_id: self.open_lead(lead_id))
            board.new_requested.connect(lambda: self.open_lead(None))
            board.refresh_requested.connect(self.refresh)
            board.installEventFilter(self)
        tabs = self.window.tabs
        if tabs.indexOf(board) < 0:
            tabs.addTab(board, "")
            self._retitle_tab()
        tabs.setCurrentWidget(board)
        self.refresh()
        return board

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.board and event.type() == QEvent.Type.LanguageChange:
            self._retitle_tab()
        return super().eventFilter(watched, event)

    def _retitle_tab(self) -> None:
        tabs = self.window.tabs
        if self.board is not None and tabs.indexOf(self.board) >= 0:
            tabs.setTabText(tabs.indexOf(self.board), translate("PipelineFlow", "Pipeline"))

    def _shown(self) -> bool:
        return self.board is not None and self.window.tabs.currentWidget() is self.board

    def _data_changed(self) -> None:
        self._stale = True
        if self._shown():
            self.refresh()

    def _tab_shown(self) -> None:
        if self._shown() and self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Read the board's leads and headers in the pool; the latest read is shown."""
        board, park, workspace = self.board, self.park(), None
        if board is None or park is None:
            return
        workspace = self._workspace()
        if workspace is None:
            return
        self._stale = False
        self._board_serial += 1
        serial, park_id, currency, day = self._board_serial, park.id, park.currency, self.day()

        def work() -> _Board:
            from services import pipeline

            with workspace.reading() as session:
                rows = pipeline.leads_by_stage(session, park_id, day)
                summary = pipeline.summarize(rows, pipeline.stage_overrides(session, park_id))
            return _Board(rows, summary, currency)

        def done(result: Any) -> None:
            if serial != self._board_serial or self.board is not board:
                return
            if isinstance(result, _Board):
                board.set_pipeline(result.board, result.summary, result.currency)
            else:
                board.say(self._words(result), refused=True)

        self._run(work, done)

    def move(self, lead_id: uuid.UUID, stage: Stage) -> None:
        """Move a lead as the board asks: a lost one first says why (asked without
        blocking); then the service decides and the board is read again either way. A
        move the stages forbid goes straight to the service, to be refused in words."""
        current = self.board.stage_of(lead_id) if self.board is not None else None
        if stage is Stage.LOST and (current is None or may_move(current, stage)):
            self._ask_reason(lead_id)
            return
        self._move(lead_id, stage, "")

    def _ask_reason(self, lead_id: uuid.UUID) -> None:
        if self.reason_dialog is not None:
            self.reason_dialog.reject()
        dialog = self.reason_dialog = QInputDialog(self.window)
        dialog.setWindowTitle(translate("PipelineFlow", "Lead lost"))
        dialog.setLabelText(translate("PipelineFlow", "Why was the lead lost?"))
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)

        def answered(reason: str) -> None:
            self._move(lead_id, Stage.LOST, reason)

        def finished(_result: int) -> None:
            if self.reason_dialog is dialog:
                self.reason_dialog = None
            if not dialog.result():  # cancelled: the card goes back
                self.refresh()
            dialog.deleteLater()

        dialog.textValueSelected.connect(answered)
        dialog.finished.connect(finished)
        dialog.open()

    def _move(self, lead_id: uuid.UUID, stage: Stage, reason: str) -> None:
        workspace = self._workspace()
        board = self.board
        if workspace is None or board is None:
            return
        day = self.day()

        def work() -> str:
            from services import pipeline

            pipeline.move_lead(workspace, lead_id, stage, day, reason)
            with workspace.reading() as session:
                return pipeline.lead_row(session, lead_id, day).code

        def done(result: Any) -> None:
            if isinstance(result, str):
                self._say(translate("PipelineFlow", "%1 moved to %2.").replace("%1", result)
                          .replace("%2", stage_text(stage)))
                self._reread_form(lead_id)
            elif self.board is not None:
                self.board.say(self._words(result), refused=True)
            self.refresh()  # a refused card goes back to its column

        self._run(work, done)

    def _say(self, text: str) -> None:
        if self.board is not None:
            self.board.say(text)
        self.window.statusBar().showMessage(text, 10000)

    @staticmethod
    def _words(result: Any) -> str:
        if isinstance(result, _Refused):
            return refusal_text(result.error)
        if isinstance(result, _Failed):
            return result.message
        return str(result)

    # -- a lead's form -------------------------------------------------------------------

    def open_lead(self, lead_id: uuid.UUID | None) -> LeadForm | None:
        """The lead's form (brought forward when open already); None: a new lead."""
        park = self.park()
        if not self.controller.is_open or park is None:
            return None
        for form in self.forms:
            if lead_id is not None and form.lead_id == lead_id:
                form.show()
                form.raise_()
                form.activateWindow()
                return form
        form = LeadForm(self.window, today=self.day(), currency=park.currency,
                        discount_rate=self._discount_rate(park.id))
        form.billable_areas = self._billable_areas
        form.save_requested.connect(lambda values: self._save(form, values))
        form.needs_changed.connect(lambda needs: self._match(form, needs))
        form.show_on_plan.connect(self.show_on_plan)
        form.quote_requested.connect(lambda ids, terms: self._quote(form, ids, terms))
        form.draft_requested.connect(lambda quote_id: self._draft(form, quote_id))
        form.finished.connect(lambda _result: self._forget(form))
        self.forms.append(form)
        if lead_id is None:
            form.set_lead(None)
        else:
            form.lead_id = lead_id
            form.say(translate("PipelineFlow", "Reading the lead…"))
            self._reread_form(lead_id)
        form.show()
        return form

    def _forget(self, form: LeadForm) -> None:
        if form in self.forms:
            self.forms.remove(form)
        form.deleteLater()

    def _discount_rate(self, park_id: uuid.UUID) -> Decimal | None:
        from store.schema import Park

        workspace = self._workspace()
        if workspace is None:
            return None
        with workspace.reading() as session:
            park = session.get(Park, park_id)
            return park.discount_rate if park is not None else None

    def _billable_areas(self, unit_ids: Sequence[uuid.UUID]) -> list[Decimal]:
        """The units' billable areas (what a quote and its contract bill), a few rows read
        here for the quote editor to open with."""
        from sqlalchemy import select

        from store.schema import Unit

        workspace = self._workspace()
        if workspace is None:
            return []
        with workspace.reading() as session:
            found = {unit_id: area for unit_id, area in session.execute(
                select(Unit.id, Unit.billable_area).where(Unit.id.in_(list(unit_ids))))}
        return [found[i] for i in unit_ids if i in found]

    def _reread_form(self, lead_id: uuid.UUID) -> None:
        """Read the lead, its history and its quotes again for each form showing it."""
        forms = [f for f in self.forms if f.lead_id == lead_id]
        workspace = self._workspace()
        if not forms or workspace is None:
            return
        day = self.day()

        def work() -> _Lead:
            from services import pipeline

            with workspace.reading() as session:
                return _Lead(pipeline.lead_row(session, lead_id, day),
                             pipeline.lead_history(session, lead_id),
                             pipeline.quotes_of(session, lead_id))

        def done(result: Any) -> None:
            for form in forms:
                if form not in self.forms:
                    continue
                if isinstance(result, _Lead):
                    form.set_lead(result.row, result.history)
                    form.set_quotes(result.quotes)
                    if form.status.text() == translate("PipelineFlow", "Reading the lead…"):
                        form.say("")
                else:
                    form.say(self._words(result))

        self._run(work, done)

    def _save(self, form: LeadForm, values: dict[str, Any]) -> None:
        park, workspace = self.park(), self._workspace()
        if park is None or workspace is None:
            return
        lead_id, park_id, day = form.lead_id, park.id, self.day()

        def work() -> uuid.UUID:
            from services import pipeline

            data = pipeline.LeadInput(**values)
            if lead_id is None:
                return pipeline.create_lead(workspace, park_id, data, day)
            pipeline.update_lead(workspace, lead_id, data)
            return lead_id

        def done(result: Any) -> None:
            if form not in self.forms:
                return
            if isinstance(result, uuid.UUID):
                form.lead_id = result
                form.show_refusal([])
                form.say(translate("PipelineFlow", "Saved."))
                self._reread_form(result)
                self.refresh()
            elif isinstance(result, _Refused):
                problems = getattr(result.error, "problems", [])
                form.show_refusal(problems, refusal_text(result.error))
            else:
                form.show_refusal([], self._words(result))

        self._run(work, done)

    # -- matching, the plan ----------------------------------------------------------------

    def _match(self, form: LeadForm, needs: LeadNeeds) -> None:
        """The lead's matches on the day shown, on the controller's pool connection (the
        latest needs of each form win)."""
        park = self.park()
        if park is None or not self.controller.is_open:
            return
        park_id, day = park.id, self.day()
        form.set_matching()

        def work(reader: ReadModel, _job: Job) -> Any:
            from services.lead_matching import match_lead

            return _said(lambda: match_lead(reader, needs, day, park=park_id, limit=MATCHES))

        def done(result: Any) -> None:
            if form not in self.forms:
                return
            if isinstance(result, list):
                form.set_matches(result)
            else:
                form.set_match_failed(self._words(result))

        self.controller._request(f"lead-matches:{id(form)}", work, done)

    def show_on_plan(self, floor_id: uuid.UUID, unit_ids: Sequence[uuid.UUID]) -> None:
        """As find-space shows a candidate: its floor's plan, the units selected."""
        self.window.space_menu.show_candidate(floor_id, list(unit_ids))

    # -- quotes ----------------------------------------------------------------------------

    def _quote(self, form: LeadForm, unit_ids: Sequence[uuid.UUID], terms: QuoteTerms) -> None:
        workspace, lead_id = self._workspace(), form.lead_id
        if workspace is None or lead_id is None:
            return
        day, ids = self.day(), list(unit_ids)

        def work() -> str:
            from services import pipeline
            from store.schema import Quote

            quote_id = pipeline.make_quote(workspace, lead_id, ids, terms, day)
            with workspace.reading() as session:
                return session.get(Quote, quote_id).code

        def done(result: Any) -> None:
            if form not in self.forms:
                return
            if isinstance(result, str):
                form.quote_saved(result)
                self._reread_form(lead_id)
                self.refresh()
            elif form.quote_editor is not None:
                form.quote_editor.show_refusal(self._words(result))
            else:
                form.show_refusal([], self._words(result))

        self._run(work, done)

    def _draft(self, form: LeadForm, quote_id: uuid.UUID) -> None:
        """The quote as a draft contract, coded as the wizard codes contracts and dated
        today; it then opens in the contract wizard to be checked and signed."""
        park, workspace, lead_id = self.park(), self._workspace(), form.lead_id
        if park is None or workspace is None or lead_id is None:
            return
        park_id, day, new_tenant = park.id, self.day(), form.tenant_id is None

        def work() -> tuple[uuid.UUID, str, str]:
            from services import pipeline
            from services.contract_entry import next_contract_code
            from store.schema import Contract, Tenant

            with workspace.reading() as session:
                code = next_contract_code(session, park_id, day)
            contract_id = pipeline.quote_to_draft(workspace, quote_id, code, day)
            with workspace.reading() as session:
                contract = session.get(Contract, contract_id)
                tenant = session.get(Tenant, contract.tenant_id)
                return contract_id, contract.code, f"{tenant.code} {tenant.name}"

        def done(result: Any) -> None:
            if form not in self.forms:
                return
            if not isinstance(result, tuple):
                form.show_refusal(getattr(getattr(result, "error", None), "problems", []),
                                  self._words(result))
                form.say(self._words(result))
                return
            contract_id, code, tenant = result
            said = (translate("PipelineFlow", "Draft contract %1 made for the new tenant %2, "
                              "made from the lead.") if new_tenant else
                    translate("PipelineFlow", "Draft contract %1 made for %2."))
            text = said.replace("%1", code).replace("%2", tenant)
            form.say(text)
            self.window.statusBar().showMessage(text, 10000)
            self._reread_form(lead_id)
            self.refresh()
            self.open_draft(contract_id)

        self._run(work, done)

    def open_draft(self, contract_id: uuid.UUID) -> Any:
        """The draft in the contract wizard (checked there, signed from there)."""
        from app.contract_wizard_flow import edit_draft

        return edit_draft(self.window, contract_id)

    # -- the workspace closes ---------------------------------------------------------------

    def _closed(self) -> None:
        if self.reason_dialog is not None:
            self.reason_dialog.reject()
        for form in list(self.forms):
            form.close()
            self._forget(form)
        if self.board is not None:
            self.board.set_pipeline({}, None)
            self.board.say("")
        self._stale = True


# -- the window's entry points -----------------------------------------------------------


def flow_of(window: MainWindow) -> PipelineFlow:
    """The window's pipeline flow, made on first use."""
    flow = window.findChild(PipelineFlow, "pipeline-flow")
    return flow if flow is not None else PipelineFlow(window)


def open_pipeline(window: MainWindow) -> PipelineBoard | None:
    """The pipeline board as a tab of the window's centre, shown and read; None with no
    workspace (or park) open."""
    return flow_of(window).open_board()


def open_lead(window: MainWindow, lead_id: uuid.UUID | None) -> LeadForm | None:
    """A lead's form beside the window (None: a new lead)."""
    return flow_of(window).open_lead(lead_id)


class _Retitled(QObject):
    """Retitles the pipeline actions when the language changes (the menu's event)."""

    def __init__(self, menu: QMenu, actions: list[tuple[QAction, Callable[[], str]]]) -> None:
        super().__init__(menu)
        self.actions = actions
        menu.installEventFilter(self)
        self.retitle()

    def retitle(self) -> None:
        for action, text in self.actions:
            action.setText(text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retitle()
        return super().eventFilter(watched, event)


def add_pipeline_actions(window: MainWindow, menu: QMenu) -> list[QAction]:
    """"Pipeline board" and "New lead…" in ``menu`` (the window's Leasing menu), enabled
    while a workspace is open."""
    board = QAction(menu)
    board.setObjectName("pipeline-board-action")
    board.triggered.connect(lambda: open_pipeline(window))
    new = QAction(menu)
    new.setObjectName("new-lead-action")
    new.triggered.connect(lambda: open_lead(window, None))
    for action in (board, new):
        action.setEnabled(window.controller.is_open)
        window.controller.opened.connect(lambda *_, a=action: a.setEnabled(True))
        window.controller.closed.connect(lambda a=action: a.setEnabled(False))
        menu.addAction(action)
    _Retitled(menu, [(board, lambda: translate("PipelineFlow", "&Pipeline board")),
                     (new, lambda: translate("PipelineFlow", "New &lead…"))])
    return [board, new]
