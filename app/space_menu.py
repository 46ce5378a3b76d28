"""The Space menu: find space, the area statement, classify rooms again, the plan check.

Wires issue 10's use cases to the window. Reads run in the worker pool, never
in this thread (a park's search takes a second): a search and an area
statement on the controller's own pool connection, the latest request
winning; the classification's rehearsal and its write on the workspace, as
the import does. The unit details' change of use goes to the floor plan's
edit flow (one undoable space edit), and the details' history is read in the
pool whenever a unit is shown.
"""

from __future__ import annotations

import sys
import traceback
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu

from services.register import park_of
from store.read_model import BuildingNode, ParkNode, Scope

if TYPE_CHECKING:
    from app.main_window import MainWindow
    from domain.area_statement import BuildingStatement
    from domain.space_use import SpaceUse
    from runtime.jobs import Job
    from services.space_edits import SpaceEditResult
    from store.read_model import ReadModel
    from store.workspace import Workspace
    from views.area_statement import AreaStatementDialog
    from views.classify_dialog import ClassifyDialog
    from views.find_space_dialog import FindSpaceDialog, SpaceQuery

PAPER = ("A4", True)  # the area statement's paper: A4 landscape, as the building's PDF prints it


@dataclass(frozen=True)
class _Failed:
    """A read in the pool that raised: what to say, in the user's language."""

    message: str


def _said(work: Callable[[], Any]) -> Any:
    """``work()``, or what went wrong as :class:`_Failed` (the controller's pool reads report
    no failure of their own; the trace still reaches stderr)."""
    from views.message_text import message_text

    try:
        return work()
    except Exception as exc:  # every failure is said to the user, none is lost
        print(traceback.format_exc(), file=sys.stderr)
        return _Failed(message_text(exc) or type(exc).__name__)


class SpaceMenu(QMenu):
    """The menu and what its actions open; the window only creates it and adds it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main_window = window
        self.controller = window.controller
        self.setToolTipsVisible(True)  # a disabled action says why
        self.find_action = QAction(self)
        self.find_action.triggered.connect(self.find_space)
        self.statement_action = QAction(self)
        self.statement_action.triggered.connect(lambda: self.area_statement())
        self.classify_action = QAction(self)
        self.classify_action.triggered.connect(lambda: self.classify())
        self.check_action = QAction(self)
        self.check_action.triggered.connect(self.show_plan_check)
        self.addAction(self.find_action)
        self.addSeparator()
        self.addAction(self.statement_action)
        self.addAction(self.classify_action)
        self.addSeparator()
        self.addAction(self.check_action)

        self.find_dialog: FindSpaceDialog | None = None
        self._find_park: uuid.UUID | None = None  # the park the find dialog searches
        self.statement_dialog: AreaStatementDialog | None = None
        self.classify_dialog: ClassifyDialog | None = None
        self._classify_serial = 0  # the latest rehearsal asked for; earlier ones are dropped
        self._highlight: tuple[uuid.UUID, list[uuid.UUID]] | None = None  # floor, units
        self._history_wanted: uuid.UUID | None = None  # the unit whose history to read next
        self._history_running = False
        self._history_asked = 0  # counts the units shown, so a read returning late is redone

        c = self.controller
        for signal in (c.opened, c.closed, c.treeChanged, c.rowsChanged):
            signal.connect(self.update_actions)
        c.closed.connect(self._closed)
        c.treeChanged.connect(self._tree_changed)
        c.rowsChanged.connect(self._rows_shown)
        window.details.useRequested.connect(self.set_use)
        window.details.unitShown.connect(self.show_history)
        self._retranslate()

    # -- where -----------------------------------------------------------------------

    def park(self) -> ParkNode | None:
        """The park shown (a scope's park; the first when nothing is chosen)."""
        return park_of(self.controller.tree, self.controller.scope)

    def building(self, building_id: uuid.UUID | None = None) -> BuildingNode | None:
        """The building asked for, else the one in scope (the building or its floor's);
        None at a park's scope."""
        scope = self.controller.scope
        for park in self.controller.tree:
            for b in park.buildings:
                if building_id is not None:
                    if b.id == building_id:
                        return b
                elif scope is not None and (
                        (scope.kind == "building" and b.id == scope.id)
                        or (scope.kind == "floor" and any(f.id == scope.id for f in b.floors))):
                    return b
        return None

    def _park_of(self, building: BuildingNode) -> ParkNode:
        return next(p for p in self.controller.tree if building in p.buildings)

    def update_actions(self, *_signal_args: object) -> None:
        """Enabled with a workspace open; the building's tools with a building in scope."""
        is_open = self.controller.is_open and bool(self.controller.tree)
        building = self.building() if is_open else None
        self.find_action.setEnabled(is_open)
        self.check_action.setEnabled(is_open)
        for action in (self.statement_action, self.classify_action):
            action.setEnabled(building is not None)
            if not is_open:
                action.setToolTip(self.tr("Open a workspace first"))
            elif building is None:
                action.setToolTip(self.tr(
                    "Choose a building or one of its floors in the park tree first"))
            else:
                from views.labels import building_title

                action.setToolTip(self.tr("For building %1").replace(
                    "%1", building_title(building.code, building.name)))

    # -- find space ------------------------------------------------------------------

    def find_space(self) -> FindSpaceDialog | None:
        """Open (or bring forward) the Find space dialog, beside the plan."""
        from views.find_space_dialog import FindSpaceDialog

        park = self.park()
        if not self.controller.is_open or park is None:
            return None
        dialog = self.find_dialog
        if dialog is None:
            dialog = self.find_dialog = FindSpaceDialog(
                self.main_window, self._buildings(park), self.controller.day)
            self._find_park = park.id
            building = self.building()
            if building is not None:  # look where the person is looking first
                combo = dialog.building_combo
                combo.setCurrentIndex(max(0, combo.findData(building.id)))
            dialog.searchRequested.connect(self.search)
            dialog.showCandidate.connect(self.show_candidate)
            self._place_aside(dialog)
        elif self._find_park != park.id:
            self._find_park = park.id
            dialog.set_buildings(self._buildings(park))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _place_aside(self, dialog: FindSpaceDialog) -> None:
        """At the window's right edge, over the details, not centred over the plan that
        shows each candidate."""
        frame = self.main_window.frameGeometry()
        dialog.move(max(frame.left(), frame.right() - dialog.width() - 24), frame.top() + 96)

    @staticmethod
    def _buildings(park: ParkNode) -> list[tuple[uuid.UUID, str]]:
        from views.labels import building_title

        return [(b.id, building_title(b.code, b.name)) for b in park.buildings]

    def search(self, query: SpaceQuery) -> None:
        """Run a search in the pool; the dialog shows the answer (or why there is none)."""
        dialog = self.find_dialog
        park = next((p for p in self.controller.tree if p.id == self._find_park), None)
        if dialog is None or park is None:
            return
        where = (Scope("building", query.building_id) if query.building_id is not None
                 else Scope("park", park.id))
        dialog.set_searching()

        def work(reader: ReadModel, _job: Job) -> Any:
            from services.find_space import find_space

            return _said(lambda: find_space(reader, where, query.area, query.day, query.levels))

        def done(result: Any) -> None:
            if self.find_dialog is not dialog:  # closed with its workspace meanwhile
                return
            if isinstance(result, _Failed):
                dialog.set_failed(result.message)
            else:
                dialog.set_candidates(result)

        self.controller._request("find-space", work, done)

    def show_candidate(self, floor_id: uuid.UUID, unit_ids: Sequence[uuid.UUID]) -> None:
        """The floor in the tree, its plan on the map tab, the candidate's units selected
        and zoomed to."""
        if not self.controller.is_open:
            return
        self._highlight = (floor_id, list(unit_ids))
        if self.controller.scope != Scope("floor", floor_id):
            self.main_window.tree.select("floor", floor_id)  # the scope follows the tree
        self.main_window.show_map()
        self._mark_candidate()

    def _rows_shown(self, *_rows: object) -> None:
        """Rows read in the pool redraw the plan after the candidate was marked: mark it
        again once the map has redrawn (its slot runs after this one)."""
        if self._highlight is not None:
            QTimer.singleShot(0, self._mark_candidate)

    def _mark_candidate(self) -> bool:
        """Select and frame the candidate's units on the floor plan; True when shown."""
        if self._highlight is None or self.main_window.maps is None:
            return False
        floor_id, unit_ids = self._highlight
        if self.controller.scope != Scope("floor", floor_id):
            self._highlight = None  # the person went elsewhere
            return False
        view = self.main_window.map_panel.floor_plan
        shapes = [s for s in (view.shape_of(u) for u in unit_ids) if s is not None]
        if not shapes:
            return False  # not drawn yet: rows still being read
        view.set_selected_units(unit_ids)
        bounds = [s.bounds for s in shapes]
        view.zoom_to_bounds((min(b[0] for b in bounds), min(b[1] for b in bounds),
                             max(b[2] for b in bounds), max(b[3] for b in bounds)))
        if not self.controller.loading:
            self._highlight = None  # shown on the plan that stays
        return True

    def _tree_changed(self, tree: list[ParkNode]) -> None:
        dialog = self.find_dialog
        park = next((p for p in tree if p.id == self._find_park), None)
        if dialog is not None and park is not None:
            dialog.set_buildings(self._buildings(park))

    # -- the area statement ------------------------------------------------------------

    def area_statement(self, building_id: uuid.UUID | None = None) -> None:
        """Read the building's area statement in the pool, then show it."""
        building = self.building(building_id)
        if building is None or not self.controller.is_open:
            return
        day = self.controller.day

        def work(reader: ReadModel, _job: Job) -> Any:
            from services.area_statement import read_area_statement

            return _said(lambda: read_area_statement(reader, building.id, day))

        def done(result: Any) -> None:
            if isinstance(result, _Failed):
                self.main_window.warn(self.tr("Area statement not read"), result.message)
            else:
                self.show_statement(result)

        self.main_window.statusBar().showMessage(self.tr("Reading the area statement…"), 3000)
        self.controller._request("area-statement", work, done)

    def show_statement(self, statement: BuildingStatement) -> AreaStatementDialog:
        """The statement in a window of its own, beside the map; Print / PDF writes it."""
        from views.area_statement import AreaStatementDialog

        if self.statement_dialog is not None:
            self.statement_dialog.close()
        dialog = self.statement_dialog = AreaStatementDialog(statement, self.main_window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: self._forget_statement(dialog))
        dialog.printRequested.connect(lambda s: self.print_statement(s))
        dialog.show()
        return dialog

    def _forget_statement(self, dialog: AreaStatementDialog) -> None:
        if self.statement_dialog is dialog:
            self.statement_dialog = None

    def statement_file_dialog(self, statement: BuildingStatement) -> QFileDialog:
        """The dialog that asks where to save the statement's PDF (in the last export's folder,
        named after the building)."""
        from app.map_dialogs import file_name
        from views.area_statement_text import subtitle_text, title_text

        folder = Path(self.main_window.settings.export_folder or Path.home())
        if not folder.is_dir():
            folder = Path.home()
        name = file_name(f"{title_text()} {subtitle_text(statement)}")
        dialog = QFileDialog(self.main_window, self.tr("Save the area statement as PDF"),
                             str(folder / f"{name}.pdf"), self.tr("PDF files (*.pdf)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        return dialog

    def print_statement(self, statement: BuildingStatement, path: Path | None = None
                        ) -> Path | None:
        """Write the statement's pages to a PDF (asking where when ``path`` is None)."""
        from app.map_export import ExportError, paper_mm, write_pdf
        from views.area_statement_print import statement_pages
        from views.message_text import message_text

        if path is None:
            chosen = self.main_window._asked(self.statement_file_dialog(statement))
            if not chosen:
                return None
            path = Path(chosen)
        font = QApplication.font()
        size, landscape = PAPER
        try:
            write_pdf(path, statement_pages(statement, paper_mm(size, landscape), font), size,
                      landscape, font)
        except (ExportError, OSError) as exc:
            self.main_window.warn(self.tr("Area statement not saved"), message_text(exc))
            return None
        self.main_window.settings.export_folder = str(Path(path).resolve().parent)
        self.main_window.statusBar().showMessage(
            self.tr("Area statement saved to %1").replace("%1", str(path)), 10000)
        return path

    # -- classify rooms again ------------------------------------------------------------

    def classify(self, building_id: uuid.UUID | None = None) -> ClassifyDialog | None:
        """The rehearsal of classifying the building's rooms again, then Apply or Cancel."""
        from views.classify_dialog import ClassifyDialog
        from views.labels import building_title

        building = self.building(building_id)
        if building is None or not self.controller.is_open:
            return None
        park = self._park_of(building)
        if self.classify_dialog is not None:
            self.classify_dialog.reject()
        scope = self.controller.scope
        level = next((f.level for f in building.floors
                      if scope is not None and scope.kind == "floor" and f.id == scope.id), None)
        dialog = self.classify_dialog = ClassifyDialog(
            building_title(building.code, building.name),
            [(f.level, f.name) for f in building.floors], self.main_window, level)
        dialog.rehearseRequested.connect(
            lambda lv: self._rehearse(dialog, park.code, building.code, lv))
        dialog.applyRequested.connect(
            lambda lv: self._apply(dialog, park.code, building, lv))
        dialog.finished.connect(lambda _result: self._forget_classify(dialog))
        dialog.open()  # window-modal: what it shows is not changed under it
        dialog.request_rehearsal()
        return dialog

    def _forget_classify(self, dialog: ClassifyDialog) -> None:
        if self.classify_dialog is dialog:
            self.classify_dialog = None
            self._classify_serial += 1  # a rehearsal still running is not shown
        dialog.deleteLater()

    def _rehearse(self, dialog: ClassifyDialog, park: str, building: str,
                  level: int | None) -> None:
        self._classify_serial += 1
        serial = self._classify_serial
        workspace, day = self.controller.workspace, self.controller.day
        dialog.set_rehearsing()

        def work(_job: Job) -> dict[str, object]:
            from services.classify_rooms import rehearse_classification

            return rehearse_classification(workspace, building, level, day, park).to_json()

        def wanted() -> bool:
            return serial == self._classify_serial and self.classify_dialog is dialog

        self.main_window.tasks.start(
            work,
            on_success=lambda plan: dialog.set_plan(plan) if wanted() else None,
            on_failure=lambda message, _trace: dialog.set_failed(message) if wanted() else None,
        )

    def _apply(self, dialog: ClassifyDialog, park: str, building: BuildingNode,
               level: int | None) -> None:
        """Write the classification in the pool; then one undo step, the data read again."""
        if not self.controller.is_open:
            return
        self._classify_serial += 1  # a rehearsal still running is not shown over this
        workspace, day = self.controller.workspace, self.controller.day
        dialog.set_applying()

        def work(_job: Job) -> tuple[Any, list[SpaceEditResult]]:
            from services.classify_rooms import apply_classification

            before = _use_edits(workspace, building.id)
            plan = apply_classification(workspace, building.code, level, day, park)
            changed = {c.unit_id for c in plan.changes if c.applied}
            made = [e for e in _use_edits(workspace, building.id).values()
                    if e.id not in before and set(e.changed) <= changed]
            return plan, made

        def failed(message: str, _trace: str) -> None:
            if self.classify_dialog is dialog:
                dialog.set_failed(message)

        self.main_window.tasks.start(
            work, on_success=lambda result: self._applied(dialog, building, *result),
            on_failure=failed)

    def _applied(self, dialog: ClassifyDialog, building: BuildingNode, plan: Any,
                 made: list[SpaceEditResult]) -> None:
        from app.space_commands import SpaceEditCommand
        from views.labels import building_title

        title = building_title(building.code, building.name)
        if made:
            runner = self.edit_flow()
            names = {f.id: f.name for f in building.floors}
            stack = self.main_window.undo_stack
            stack.beginMacro(self.tr("Classify the rooms of %1").replace("%1", title))
            for edit in made:  # one stored edit per floor: undone and redone by its id
                stack.push(SpaceEditCommand(runner, edit, self.tr("Classify the rooms on %1")
                                            .replace("%1", names.get(edit.floor_id, "")),
                                            applied=True))
            stack.endMacro()
        self.controller.reload()
        count = sum(1 for c in plan.changes if c.applied)
        self.main_window.statusBar().showMessage(
            (self.tr("%1: 1 room changed use") if count == 1 else
             self.tr("%1: %2 rooms changed use").replace("%2", str(count)))
            .replace("%1", title), 10000)
        if self.classify_dialog is dialog:
            dialog.accept()

    # -- the plan's edits -----------------------------------------------------------------

    def edit_flow(self) -> Any:
        """The floor plan's edit flow (built with the map, off screen until the tab opens)."""
        self.main_window.ensure_map()
        return self.main_window.edit_flow

    def set_use(self, unit_id: uuid.UUID, use: SpaceUse) -> Any:
        """A change of use from the unit details: one undoable space edit."""
        if not self.controller.is_open:
            return None
        return self.edit_flow().set_use([unit_id], use)

    def show_plan_check(self) -> None:
        """The plan check beside the map (it checks the floor shown)."""
        self.main_window.show_map()
        dock = self.edit_flow().dock
        dock.show()
        dock.raise_()

    # -- the details' history -------------------------------------------------------------

    def show_history(self, unit_id: uuid.UUID | None) -> None:
        """Read the shown unit's lineage in the pool: one read at a time, and a unit shown
        again meanwhile (after an edit) is read again when it returns."""
        self._history_wanted = unit_id
        self._history_asked += 1
        if unit_id is None or self._history_running or not self.controller.is_open:
            return
        from store.errors import WorkspaceError

        try:
            workspace = self.controller.workspace
        except (WorkspaceError, OSError, RuntimeError):
            return  # no history to show: the file cannot be opened for writing
        self._history_running = True
        asked = self._history_asked

        def work(_job: Job) -> list[Any]:
            from services.space_edits import unit_history

            return unit_history(workspace, unit_id)

        def done(steps: list[Any] | None) -> None:
            self._history_running = False
            if asked != self._history_asked:  # shown again since: read what is wanted now
                self.show_history(self._history_wanted)
            elif self.main_window.details.unit_id() == unit_id:
                self.main_window.details.set_history(self._named(steps or []))

        def dropped(*_args: object) -> None:
            self._history_running = False

        self.main_window.tasks.start(
            work, on_success=done, on_failure=lambda _message, _trace: done(None),
            on_cancel=dropped, on_discard=dropped)

    def _named(self, steps: list[Any]) -> list[Any]:
        """Steps with each unit named by its code. ``unit_history`` names the units a change
        of use changed by their ids (it looks codes up for parents and children only): the
        shown rows have their codes."""
        from dataclasses import replace

        codes = {str(r.id): r.code for r in self.controller.rows}
        return [replace(step, parents=tuple(codes.get(c, c) for c in step.parents),
                        children=tuple(codes.get(c, c) for c in step.children))
                for step in steps]

    # -- the workspace closes ---------------------------------------------------------------

    def _closed(self) -> None:
        """The dialogs were of the workspace that closed: they go with it."""
        self._highlight = None
        self._history_wanted = None
        self._history_running = False
        for dialog in (self.find_dialog, self.statement_dialog, self.classify_dialog):
            if dialog is not None:
                dialog.close()
        if self.find_dialog is not None:
            self.find_dialog.deleteLater()
        self.find_dialog = self.statement_dialog = self.classify_dialog = None
        self._find_park = None

    # -- language ---------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setTitle(self.tr("&Space"))
        self.find_action.setText(self.tr("&Find space…"))
        self.statement_action.setText(self.tr("&Area statement…"))
        self.classify_action.setText(self.tr("&Classify rooms again…"))
        self.check_action.setText(self.tr("&Plan check"))
        self.update_actions()


def _use_edits(workspace: Workspace, building_id: uuid.UUID) -> dict[uuid.UUID,
                                                                     SpaceEditResult]:
    """The building's standing changes of use, by id: what a classification wrote is what
    is new after it (``apply_classification`` does not return its edits' ids)."""
    from sqlalchemy import select

    from services.space_edits import SpaceEditResult
    from store.schema import Floor, SpaceEdit

    with workspace.reading() as session:
        floors = select(Floor.id).where(Floor.building_id == building_id)
        edits = session.scalars(select(SpaceEdit).where(
            SpaceEdit.kind == "set_room_use", SpaceEdit.floor_id.in_(floors),
            ~SpaceEdit.undone, ~SpaceEdit.archived))
        return {e.id: SpaceEditResult(e.id, e.kind, e.floor_id,
                                      changed=tuple(uuid.UUID(i) for i in e.changed))
                for e in edits}
