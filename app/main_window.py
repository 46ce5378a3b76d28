"""The main window: park tree, unit table, details, menus, status bar.

Views show and emit; this window wires them to the controller, turns edit
requests into undo commands, and runs long work in the background.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, QStandardPaths, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.billing_menu import BillingMenu
from app.commands import EditUnitField
from app.controller import Loaded, WorkspaceController
from app.i18n import DATE_FORMAT, Languages
from app.leasing_menu import LeasingMenu
from app.settings import Settings
from app.space_menu import SpaceMenu
from app.workers import TaskRunner, progress_dialog
from domain.unit_edits import UnitEditError
from runtime.messages import UserError
from services.register import park_of
from store.errors import WorkspaceError
from views.date_input import AsOfDateEdit
from views.labels import area_text, percent_text
from views.message_text import message_text
from views.park_tree import ParkTree
from views.screen_fit import fit_first_size
from views.start_page import StartPage
from views.unit_details import UnitDetails
from views.unit_table import UnitTable

LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}
FIRST_SIZE = (1400, 860)  # px: the window's size on first start, on a screen it fits
CLOSE_WAIT_MS = 1000  # how long closing blocks for cancelled work before it waits unblocked
# What the store may refuse an edit with; the value then stays in its field with the reason.
EDIT_REFUSALS = (UnitEditError, UserError, LookupError, OSError)


def demo_workspace_path() -> Path:
    """Where "Open the demo park" keeps the demo: the app's own data folder."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(folder) / "demo.leasemap"


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings, languages: Languages) -> None:
        super().__init__()
        self.settings = settings
        self.languages = languages
        self.controller = WorkspaceController(self)
        self.undo_stack = QUndoStack(self)
        self.tasks = TaskRunner(self)
        self.controller.busy = self.tasks.busy
        self.controller.runner = self.tasks  # big reads run in the pool, never in this thread
        # Queued: a finished task's own result is handled before the window closes.
        self.tasks.idle.connect(self._run_settled, Qt.ConnectionType.QueuedConnection)
        self._closing = False
        self._closed = False
        self._after_settled: Callable[[], object] | None = None  # what waits for the tasks
        self._summary: Any = None
        self.last_warning = ""
        self.import_flow: Any = None
        self.edit_flow: Any = None  # the plan's editing tools, wired when the map is built

        self.table = UnitTable(self)
        self.controller.arrange = self.table.model.arrange  # in the pool, for big reads
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.table, "")
        # The map tab is built when first opened: shapely and the map views stay off
        # the start-up path.
        self.map_page = QWidget(self)
        QVBoxLayout(self.map_page).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.map_page, "")
        self.map_panel: Any = None
        self.maps: Any = None
        # With no workspace open the centre offers what to do; the tabs replace it on open.
        self.start_page = StartPage(self)
        self.centre = QStackedWidget(self)
        self.centre.addWidget(self.start_page)
        self.centre.addWidget(self.tabs)
        self.setCentralWidget(self.centre)
        self.demo_path = demo_workspace_path()
        self.tree = ParkTree(self)
        self.details = UnitDetails(self)
        self.tree_dock = self._dock("tree", self.tree, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.details_dock = self._dock(
            "details", self.details, Qt.DockWidgetArea.RightDockWidgetArea
        )

        self.date_edit = AsOfDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.date_edit.setDate(QDate.currentDate())
        self.date_label = QLabel(self)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.addWidget(self.date_label)
        self.toolbar.addWidget(self.date_edit)
        self.addToolBar(self.toolbar)

        self.file_label = QLabel(self)
        self.summary_label = QLabel(self)
        self.sync_label = QLabel(self)
        self.statusBar().addWidget(self.file_label, 1)
        self.statusBar().addPermanentWidget(self.summary_label)
        self.statusBar().addPermanentWidget(self.sync_label)

        self._build_actions()
        self._connect()
        self._retranslate()
        saved = self.settings.window_geometry
        if saved.isEmpty() or not self.restoreGeometry(saved):
            # First start: 1400 × 860, or within the screen's free area on a smaller screen.
            fit_first_size(self, *FIRST_SIZE)
        if not self.settings.window_state.isEmpty():
            self.restoreState(self.settings.window_state)
        # The details dock collapses (View menu, or the map's Details button) and stays so.
        self.details_dock.setVisible(not self.settings.details_collapsed)
        self.details_dock.toggleViewAction().toggled.connect(self._details_toggled)

    # -- construction ------------------------------------------------------------

    def _dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_actions(self) -> None:
        self.new_action = QAction(self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_workspace)
        self.open_action = QAction(self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.choose_workspace)
        self.demo_action = QAction(self)
        self.demo_action.triggered.connect(self.choose_demo_path)
        self.import_action = QAction(self)
        self.import_action.setEnabled(False)
        self.import_action.triggered.connect(self.import_floor_plan)
        self.site_action = QAction(self)
        self.site_action.setEnabled(False)
        self.site_action.triggered.connect(self.import_site_plan)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.undo_action = QAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo_stack.undo)
        self.redo_action = QAction(self)
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        if QKeySequence("Ctrl+Y") not in redo_keys:  # Ctrl+Y redoes on every platform
            redo_keys.append(QKeySequence("Ctrl+Y"))
        self.redo_action.setShortcuts(redo_keys)
        self.redo_action.triggered.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_stack.undoTextChanged.connect(self._retitle_undo)
        self.undo_stack.redoTextChanged.connect(self._retitle_undo)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        # the map shown (or the scope's map) as printed: title, legend, KPI strip
        self.export_actions: dict[str, QAction] = {}
        for kind in ("pdf", "png", "svg"):
            action = self.export_actions[kind] = QAction(self)
            action.setEnabled(False)
            action.triggered.connect(
                lambda _=False, k=kind: (self.show_map(), self._export_map(k)))
            self.controller.opened.connect(lambda *_, a=action: a.setEnabled(True))

        self.file_menu = QMenu(self)
        self.recent_menu = QMenu(self)
        self.file_menu.addAction(self.new_action)
        self.file_menu.addAction(self.open_action)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.import_action)
        self.file_menu.addAction(self.site_action)
        self.file_menu.addSeparator()
        for action in self.export_actions.values():
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.demo_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = QMenu(self)
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.view_menu = QMenu(self)
        self.view_menu.addAction(self.tree_dock.toggleViewAction())
        self.view_menu.addAction(self.details_dock.toggleViewAction())
        self.language_menu = QMenu(self)
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGE_NAMES.items():
            action = QAction(name, self)
            action.setCheckable(True)
            action.setData(code)
            action.triggered.connect(self._language_chosen)
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.view_menu.addSeparator()
        self.view_menu.addMenu(self.language_menu)
        self.help_menu = QMenu(self)
        self.help_menu.addAction(self.about_action)
        self.space_menu = SpaceMenu(self)  # issue 10's tools; its slots live in app.space_menu
        self.leasing_menu = LeasingMenu(self)  # issue 11's: pipeline, contracts, rent roll
        self.billing_menu = BillingMenu(self)  # issue 12's: the billing run
        for menu in (self.file_menu, self.edit_menu, self.space_menu, self.leasing_menu,
                     self.billing_menu, self.view_menu, self.help_menu):
            self.menuBar().addMenu(menu)
        self.toolbar.insertAction(self.toolbar.actions()[0], self.redo_action)
        self.toolbar.insertAction(self.redo_action, self.undo_action)
        self.toolbar.insertSeparator(self.toolbar.actions()[2])
        self.recent_menu.aboutToShow.connect(self._fill_recent)

    def _connect(self) -> None:
        c = self.controller
        c.opened.connect(self._on_opened)
        c.closed.connect(self._show_start)
        c.closed.connect(self.details.clear)  # a late editingFinished then sends nothing
        c.treeChanged.connect(self.tree.set_parks)
        c.rowsChanged.connect(self._show_currency)
        c.rowsChanged.connect(self.table.set_rows)
        c.rowsChanged.connect(self._show_selected)
        c.rowChanged.connect(self.table.update_row)
        c.rowChanged.connect(self._show_selected)
        c.summaryChanged.connect(self._show_summary)
        c.loadingChanged.connect(self.table.set_loading)
        self.tree.scopeSelected.connect(c.set_scope)
        self.table.unitSelected.connect(self._show_selected)
        self.details.editRequested.connect(self.request_edit)
        self.date_edit.dayChosen.connect(self._date_changed)  # typed: once complete
        self.undo_stack.cleanChanged.connect(self._update_title)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.start_page.openRequested.connect(self.choose_workspace)
        self.start_page.newRequested.connect(self.new_workspace)
        self.start_page.demoRequested.connect(self.open_demo)
        self.start_page.importRequested.connect(self.import_into_workspace)
        self.start_page.recentRequested.connect(lambda p: self.open_workspace(Path(p)))
        self._show_start()

    # -- workspace ---------------------------------------------------------------

    def open_workspace(self, path: Path) -> bool:
        """Open ``path`` in place of the open workspace; True once it is shown.

        On failure it tells the user why and keeps what was open (and what runs
        on it). Work running on the open workspace is cancelled or waited for
        first (:meth:`settle`); while that waits this returns False, and ``path``
        opens when the work has returned.
        """
        from app.controller import load_workspace

        if self._closing:
            return False
        try:
            loaded = load_workspace(path, self.controller.day)
        except WorkspaceError as exc:
            self._open_failed(path, message_text(exc))
            return False
        return self.adopt(loaded)

    def adopt(self, loaded: Loaded) -> bool:
        """Show a workspace read (maybe in the background) once nothing runs on the open one."""
        waiting = self.tr("Finishing background work before opening %1…").replace(
            "%1", loaded.path.name)
        def again() -> bool:
            return self.open_workspace(loaded.path)

        if self._closing or not self.settle(again, waiting):
            loaded.close()  # read again when the work has returned; held by nobody meanwhile
            return False
        self.save_typing()
        if not self.settle(again, waiting):  # the saved edit's own re-read
            loaded.close()
            return False
        self.controller.adopt(loaded)
        return True

    def open_workspace_in_background(self, path: Path) -> None:
        """Open ``path`` without blocking: the window shows at once, the data follows."""
        from app.controller import load_workspace

        self.file_label.setText(self.tr("Opening %1…").replace("%1", str(path)))
        self.start_page.set_status(self.file_label.text())
        self.tasks.start(
            lambda _job: load_workspace(path, self.controller.day),
            on_success=self.adopt,
            on_failure=lambda message, _trace: self._open_failed(path, message),
            on_discard=lambda loaded: loaded.close(),
        )

    def _open_failed(self, path: Path, message: str) -> None:
        if not Path(path).exists():
            self.settings.forget_recent(str(Path(path).resolve()))
        self.warn(self.tr("Cannot open workspace"), message)
        if not self.controller.is_open:
            self.file_label.setText(self.tr("No workspace open"))
            self._show_start()

    def choose_workspace(self) -> None:
        path = self._asked(self.file_dialog("open"))
        if path:
            self.open_workspace(Path(path))

    def new_workspace(self) -> None:
        """Ask where, then for its park (an import needs one), then create and open it."""
        path = self._ask_new_path("new")
        if path is None:
            return
        dialog = self.park_dialog()
        dialog.accepted.connect(lambda: self._create_workspace(path, *dialog.park()))
        dialog.open()  # not exec(): the window keeps running while it asks

    def park_dialog(self) -> Any:
        """The dialog New workspace asks for the park with (app.dialog_registry opens it)."""
        from views.new_park_dialog import NewParkDialog

        dialog = NewParkDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return dialog

    def _create_workspace(self, path: Path, name: str, code: str, currency: str) -> None:
        from store.workspace import create_with_park

        try:
            create_with_park(path, code, name, currency).close()
        except (WorkspaceError, OSError) as exc:
            self.warn(self.tr("Cannot create workspace"), message_text(exc))
            return
        self.open_workspace(path)

    def choose_demo_path(self) -> None:
        path = self._ask_new_path("demo")
        if path is not None:
            self.build_demo(path)

    def open_demo(self) -> None:
        """The demo park at ``demo_path``: built there the first time, opened after."""
        if self.demo_path.exists():
            self.open_workspace(self.demo_path)
        else:
            self.build_demo(self.demo_path)

    def build_demo(self, path: Path, units: int = 1500) -> None:
        """Build a demo park in the background, then open it."""
        from demo import build_demo

        dialog = progress_dialog(
            self, self.tr("Build demo workspace"), self.tr("Building the demo park…")
        )
        self.tasks.start(
            lambda job: build_demo(path, units=units, job=job),
            on_success=lambda _summary: self.open_workspace(path),
            on_failure=lambda message, _trace: self.warn(self.tr("Demo not built"), message),
            on_cancel=lambda: self.statusBar().showMessage(
                self.tr("Demo cancelled; nothing was written."), 5000
            ),
            progress=dialog,
        )

    def file_dialog(self, kind: str) -> QFileDialog:
        """The dialog that asks for a workspace: ``open``, ``new`` or ``demo`` (to save).

        Native where the platform has one; app.dialog_registry opens it for the zh_CN test.
        """
        title = {"open": self.tr("Open workspace"), "new": self.tr("New workspace"),
                 "demo": self.tr("Build demo workspace")}[kind]
        dialog = QFileDialog(self, title, "", self._file_filter())
        if kind != "open":
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        return dialog

    @staticmethod
    def _asked(dialog: QFileDialog) -> str:
        """The file chosen in ``dialog``, empty when cancelled."""
        try:
            chosen = dialog.selectedFiles() if dialog.exec() else []
        finally:
            dialog.deleteLater()
        return chosen[0] if chosen else ""

    def _ask_new_path(self, kind: str) -> Path | None:
        path = self._asked(self.file_dialog(kind))
        if not path:
            return None
        chosen = Path(path)
        return chosen if chosen.suffix else chosen.with_suffix(".leasemap")

    def _file_filter(self) -> str:
        return self.tr("Leasemap workspaces (*.leasemap);;All files (*)")

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_workspaces
        if not recent:
            empty = self.recent_menu.addAction(self.tr("(none)"))
            empty.setEnabled(False)
        for text in recent:
            action = self.recent_menu.addAction(text)
            action.triggered.connect(lambda _c=False, p=text: self.open_workspace(Path(p)))

    def import_floor_plan(self) -> Any:
        """Open the import wizard on the current workspace."""
        from app.import_flow import ImportFlow

        if self.import_flow is None:
            self.import_flow = ImportFlow(self)
        return self.import_flow.start()

    def import_into_workspace(self) -> Any:
        """Import a floor plan, first asking which workspace when none is open."""
        if not self.controller.is_open:
            self.choose_workspace()
        return self.import_floor_plan() if self.controller.is_open else None

    def import_site_plan(self) -> None:
        from app.site_flow import choose_site_plan

        choose_site_plan(self)

    def _show_start(self) -> None:
        """The start page in the centre while no workspace is open, with the recent ones."""
        if not self.controller.is_open:
            self.start_page.set_status("")
            self.start_page.set_recent(self.settings.recent_workspaces)
            self.centre.setCurrentWidget(self.start_page)

    def _on_opened(self, path: Path) -> None:
        self.centre.setCurrentWidget(self.tabs)
        self.import_action.setEnabled(True)
        self.site_action.setEnabled(True)
        self.undo_stack.clear()
        self.settings.add_recent(path)
        self._update_title()
        self.file_label.setText(str(path))
        self.tree.blockSignals(True)
        if self.controller.scope is not None:
            self.tree.select(self.controller.scope.kind, self.controller.scope.id)
        self.tree.blockSignals(False)
        self._install_due_dock()

    def _install_due_dock(self) -> None:
        """The contracts' due checkpoints, docked below (made once; it follows later opens)."""
        from app.contract_flow import install_due_dock

        dock = install_due_dock(self)
        if dock.toggleViewAction() not in self.view_menu.actions():
            self.view_menu.addAction(dock.toggleViewAction())

    # -- selection and edits -----------------------------------------------------

    def _show_selected(self, *_signal_args: object) -> None:
        unit_id = self.table.current_unit_id()
        self.details.show_unit(None if unit_id is None else self.controller.row(unit_id))
        if self.maps is not None:
            self.maps.select_unit(unit_id)

    # -- maps --------------------------------------------------------------------

    def show_map(self) -> Any:
        """Open the map tab (building it the first time) and return its controller."""
        self.tabs.setCurrentWidget(self.map_page)
        return self.ensure_map()

    def ensure_map(self) -> Any:
        if self.maps is None:
            from app.map_controller import MapController
            from views.map_panel import MapPanel

            self.map_panel = MapPanel(self.map_page)
            self.map_page.layout().addWidget(self.map_panel)
            self.maps = MapController(self.controller, self.map_panel)
            self.maps.unitSelected.connect(self._map_unit_clicked)
            self.maps.scopeRequested.connect(self._map_scope_requested)
            self.map_panel.exportRequested.connect(self._export_map)
            details = self.details_dock.toggleViewAction()
            self.map_panel.set_details_shown(details.isChecked())
            self.map_panel.detailsToggled.connect(self.details_dock.setVisible)
            details.toggled.connect(self.map_panel.set_details_shown)
            self.map_panel.set_legend_floating(self.settings.legend_floating)
            self.map_panel.legendFloatingChanged.connect(self._legend_floating_changed)
            from app.edit_flow import EditFlow

            self.edit_flow = EditFlow(self)
            self.maps.refresh()
        return self.maps

    def _details_toggled(self, shown: bool) -> None:
        self.settings.details_collapsed = not shown

    def _legend_floating_changed(self, floating: bool) -> None:
        self.settings.legend_floating = floating

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.map_page:
            self.ensure_map().set_visible(True)
        elif self.maps is not None:
            self.maps.set_visible(False)

    def _map_unit_clicked(self, unit_id: uuid.UUID | None) -> None:
        if unit_id is None:
            self.details.show_unit(None)
            return
        self.table.select_unit(unit_id, emit=False)
        self.details.show_unit(self.controller.row(unit_id))

    def _map_scope_requested(self, kind: str, node_id: uuid.UUID) -> None:
        self.tree.select(kind, node_id)
        self.controller.set_scope(kind, node_id)

    def _export_map(self, kind: str) -> None:
        from app.map_export import export_from_window

        export_from_window(self, kind)

    def request_edit(self, unit_id: uuid.UUID, field: str, value: Any) -> None:
        """Check and write an edit, then push it as an undoable command.

        The first write happens here, not in the command's first redo (the
        command is pushed as already applied): an exception from a redo surfaces
        in whichever slot runs next, not here. A value refused by
        the checks or the store stays in its field in the details, marked, with
        the reason: nothing typed is thrown away. With no workspace open (a field's
        editingFinished after the close, which saved it already) there is nothing to do.
        """
        if not self.controller.is_open:
            return
        try:
            new = self.controller.check_edit(field, value)
            old = self.controller.current_value(unit_id, field)
            if old == new:
                return
            self.controller.edit_unit(unit_id, field, new)
        except EDIT_REFUSALS as exc:
            self._edit_refused(unit_id, field, exc)
            return
        row = self.controller.row(unit_id)
        code = row.code if row is not None else str(unit_id)
        self.undo_stack.push(
            EditUnitField(self.controller, unit_id, code, field, old, new, applied=True))

    def save_typing(self) -> None:
        """Send what is typed in the details and not yet committed (no Enter, no focus
        change) before the workspace closes: closing or opening another loses nothing."""
        if self.controller.is_open:
            for unit_id, field, value in self.details.pending_edits():
                self.request_edit(unit_id, field, value)

    def _edit_refused(self, unit_id: uuid.UUID, field: str, exc: Exception) -> None:
        from views.message_text import message_text

        refusal = exc if isinstance(exc, UnitEditError) else message_text(exc)
        self.details.refuse(unit_id, field, refusal)

    def _show_currency(self, *_rows: object) -> None:
        """Rents in the table and the details are in the shown park's own currency."""
        park = park_of(self.controller.tree, self.controller.scope)
        currency = park.currency if park is not None else ""
        self.table.set_currency(currency)
        self.details.set_currency(currency)

    def _show_summary(self, summary: Any) -> None:
        self._summary = summary
        self.summary_label.setText(
            self.tr("%1 units · leased %2 of %3 m² · occupancy %4")
            .replace("%1", f"{summary.units:,}")
            .replace("%2", area_text(summary.leased_area))
            .replace("%3", area_text(summary.leasable_area))
            .replace("%4", percent_text(summary.occupancy_rate))
        )

    def warn(self, title: str, text: str) -> QMessageBox:
        """Tell the user what went wrong without blocking the event loop."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_warning = text
        return box

    # -- language ----------------------------------------------------------------

    def _language_chosen(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.set_language(str(action.data()))

    def _date_changed(self, day: date) -> None:
        self.controller.set_day(day)

    def set_language(self, language: str) -> None:
        self.settings.language = language
        self.languages.install(language)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.new_action.setText(self.tr("&New workspace…"))
        self.open_action.setText(self.tr("&Open workspace…"))
        self.demo_action.setText(self.tr("Build &demo workspace…"))
        self.import_action.setText(self.tr("&Import floor plan (DXF, IFC)…"))
        self.site_action.setText(self.tr("Import &site plan (DXF, IFC)…"))
        self.export_actions["pdf"].setText(self.tr("&Export map as PDF…"))
        self.export_actions["png"].setText(self.tr("Export map as P&NG…"))
        self.export_actions["svg"].setText(self.tr("Export map as S&VG…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("&About Leasemap"))
        self._retitle_undo()
        self.tree_dock.setWindowTitle(self.tr("Park"))
        self.tabs.setTabText(0, self.tr("Units"))
        self.tabs.setTabText(1, self.tr("Map"))
        self.details_dock.setWindowTitle(self.tr("Unit details"))
        self.date_label.setText(self.tr("As of "))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.sync_label.setText(self.tr("Local only · not synced"))
        self.sync_label.setToolTip(
            self.tr("Changes are kept in this workspace and queued for the team server.")
        )
        current = self.languages.current
        if current in self.language_actions:
            self.language_actions[current].setChecked(True)
        if not self.controller.is_open:
            self.file_label.setText(self.tr("No workspace open"))
        self._update_title()
        if self._summary is not None:
            self._show_summary(self._summary)

    def _retitle_undo(self, *_signal_args: object) -> None:
        undo, redo = self.undo_stack.undoText(), self.undo_stack.redoText()
        self.undo_action.setText(self.tr("&Undo %1").replace("%1", undo).strip())
        self.redo_action.setText(self.tr("&Redo %1").replace("%1", redo).strip())

    def _update_title(self, *_signal_args: object) -> None:
        path = self.controller.path
        name = path.name if path is not None else self.tr("no workspace")
        self.setWindowTitle(self.tr("Leasemap — %1").replace("%1", name))

    def show_about(self) -> QMessageBox:
        """About Leasemap, without blocking the event loop (work in the background goes on)."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("About Leasemap"),
            self.tr(
                "Leasemap turns floor plans into leasable units and runs a park's "
                "leasing, billing and forecasting, offline first."
            ),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    # -- closing -----------------------------------------------------------------

    def settle(self, then: Callable[[], object], waiting: str) -> bool:
        """Cancel the running work and wait a moment for it: the one way to close or
        replace the workspace, so no transaction ever loses its connection.

        Returns True when nothing runs any more: the caller goes on now. A write
        rolls back at its next step; work that takes no steps runs on, and then
        this returns False, shows ``waiting``, keeps the window responsive and
        calls ``then`` when the last task has returned (the latest request wins).
        """
        self.tasks.cancel_all()
        if self.tasks.wait(CLOSE_WAIT_MS):
            self._after_settled = None
            return True
        self._after_settled = then
        self.statusBar().showMessage(waiting)
        return False

    def _run_settled(self) -> None:
        then, self._after_settled = self._after_settled, None
        if then is not None and not self._closed:
            then()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close only when no background work runs, so no transaction loses its workspace.

        Running tasks are cancelled and their results dropped; if one still
        runs after a moment (work that takes no steps) the window stays open,
        responsive, and closes itself when the last task has returned.
        """
        if self._closed:
            super().closeEvent(event)
            return
        if not self._closing:
            self._closing = True
            self.tasks.stop()
        waiting = self.tr("Finishing background work before closing…")
        if not self.settle(self.close, waiting):
            event.ignore()
            return
        self.save_typing()  # typed and not committed: saved, not lost with the window
        if not self.settle(self.close, waiting):  # the saved edit's own re-read
            event.ignore()
            return
        self._closed = True
        self.settings.window_geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.sync()
        self.controller.close()
        super().closeEvent(event)

    def today(self) -> date:
        return self.date_edit.date().toPython()
