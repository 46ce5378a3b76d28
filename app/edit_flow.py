"""Wires the floor plan's editing tools to the space-edit services, the undo stack and the
validation panel.

Each request the tools emit (split, merge, reshape, draw, change of use) is
one service call, in this thread (an edit takes tens of milliseconds): on
success the stored edit is pushed as one undo command and the workspace is
read again, which redraws the plan; a refusal is said in a message box that
names the reason, and nothing changes. The validation panel checks the floor
shown after every drawing of it and every edit.
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QWidget
from shapely.geometry import Polygon

from app.space_commands import SpaceEditCommand, edit_text
from domain.assets import unit_code_local_part
from domain.space_use import SpaceUse
from runtime.messages import UserError
from services.register import park_of
from views.message_text import message_text
from views.validation_panel import ValidationPanel

if TYPE_CHECKING:
    from app.main_window import MainWindow
    from store.read_model import ReadModel

# What a service may refuse an edit with; the plan then stays as it was.
REFUSALS = (UserError, LookupError, ValueError)
INLINE_UNITS = 500  # floors up to this many units are checked at once, bigger ones in the pool


def check_floor(reader: ReadModel, floor_id: uuid.UUID) -> tuple[Any, list[Any]]:
    """A floor's geometry and what the plan check finds on it (no Qt: runs in the pool)."""
    from services.space_edits import floor_geometry
    from spatial.validation import validate_floor

    geometry = floor_geometry(reader, floor_id)
    units = geometry.units
    return geometry, validate_floor([u[2] for u in units], geometry.outline,
                                    [u[4] for u in units])


class ValidationDock(QDockWidget):
    """The validation panel's dock, titled in the person's language."""

    def __init__(self, panel: ValidationPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dock-validation")
        self.setWidget(panel)
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Plan check"))


class EditFlow(QObject):
    """The editing tools of the map's floor plan, run against the open workspace."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.maps = window.maps
        self.panel = window.map_panel
        self.view = self.panel.floor_plan
        self.tools = self.panel.edit_tools
        self.undo_stack = window.undo_stack
        self.validation = ValidationPanel(window)
        self.dock = ValidationDock(self.validation, window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        # Shown when asked (Space → Plan check, or the View menu): it would take the map's room.
        self.dock.hide()
        toggle = window.details_dock.toggleViewAction()
        actions = window.view_menu.actions()
        after = actions.index(toggle) + 1 if toggle in actions else len(actions)
        if after < len(actions):
            window.view_menu.insertAction(actions[after], self.dock.toggleViewAction())
        else:
            window.view_menu.addAction(self.dock.toggleViewAction())
        self.geometry: Any = None  # the floor checked last (services.space_edits.FloorGeometry)
        self.findings: list[Any] = []
        self._checks = 0  # checks asked for (an edit's re-read may have asked for one)
        self.inline_units = INLINE_UNITS

        self.tools.splitRequested.connect(self.split)
        self.tools.mergeRequested.connect(self.merge)
        self.tools.reshapeRequested.connect(self.reshape)
        self.tools.drawRequested.connect(self.draw)
        self.tools.useRequested.connect(self.set_use)
        self.tools.refused.connect(lambda exc: self._refused("", exc))
        self.view.floorShown.connect(self.validate)
        self.panel.stack.currentChanged.connect(self.validate)
        self.validation.findingChosen.connect(self.show_finding)
        self.controller.closed.connect(self.validate)
        self.validate()

    # -- the tools' requests ---------------------------------------------------------

    def split(self, unit_id: uuid.UUID, points: Sequence[tuple[float, float]]) -> Any:
        from services.space_edits import split_unit

        line = [(float(x), float(y)) for x, y in points]
        return self._run(
            lambda ws, day: split_unit(ws, unit_id, line, day),
            edit_text("split", self._codes([unit_id])),
            self.tr("The unit cannot be split"))

    def merge(self, unit_ids: Sequence[uuid.UUID]) -> Any:
        from services.space_edits import merge_units

        ids = list(unit_ids)
        return self._run(
            lambda ws, day: merge_units(ws, ids, day),
            edit_text("merge", self._codes(ids)),
            self.tr("The units cannot be merged"))

    def reshape(self, unit_id: uuid.UUID, polygon: Polygon) -> Any:
        from services.space_edits import reshape_unit

        return self._run(
            lambda ws, day: reshape_unit(ws, unit_id, polygon, day),
            edit_text("reshape", self._codes([unit_id])),
            self.tr("The unit cannot take that shape"))

    def draw(self, polygon: Polygon) -> Any:
        from services.space_edits import draw_unit

        floor_id = self._floor_id()
        if floor_id is None:
            return None
        return self._run(
            lambda ws, day: draw_unit(ws, floor_id, polygon, day),
            None, self.tr("The unit cannot be drawn"))

    def set_use(self, unit_ids: Sequence[uuid.UUID], use: SpaceUse) -> Any:
        from services.space_edits import set_room_use

        ids = list(unit_ids)
        return self._run(
            lambda ws, day: set_room_use(ws, ids, use, day),
            edit_text("use", self._codes(ids), use),
            self.tr("The use cannot be changed"))

    # -- undo and redo (the commands call these) ---------------------------------------

    def undo_edit(self, edit_id: uuid.UUID) -> bool:
        from services.space_edits import undo_edit

        return self._again(lambda: undo_edit(self.controller.workspace, edit_id,
                                             self.controller.day),
                           self.tr("The edit cannot be undone"))

    def redo_edit(self, edit_id: uuid.UUID) -> bool:
        from services.space_edits import redo_edit

        return self._again(lambda: redo_edit(self.controller.workspace, edit_id,
                                             self.controller.day),
                           self.tr("The edit cannot be redone"))

    # -- validation --------------------------------------------------------------------

    def validate(self, *_signal_args: object) -> None:
        """Check the floor shown and list what is wrong; a message when no floor plan shows.

        A floor of up to ``inline_units`` units is checked at once (a few
        milliseconds); a bigger one (2,000 units take half a second) in the
        pool on a connection of its own, the latest request winning.
        """
        self._checks += 1
        serial = self._checks
        floor_id = self._floor_id()
        reader, path = self.controller.reader, self.controller.path
        if floor_id is None or reader is None or path is None \
                or self.panel.current_view() is not self.view:
            self.geometry, self.findings = None, []
            self.validation.show_message(self.tr("Open a floor's plan to check it."))
            return
        if len(self.view.unit_ids()) <= self.inline_units:
            self._checked(serial, check_floor(reader, floor_id))
            return

        def work(_job: Any) -> tuple[Any, list[Any]]:
            from store.read_model import ReadModel

            own = ReadModel(path)
            try:
                return check_floor(own, floor_id)
            finally:
                own.close()

        self.window.tasks.start(work, lambda result: self._checked(serial, result),
                                lambda message, trace: print(
                                    f"plan check failed: {message}\n{trace}", file=sys.stderr))

    def _checked(self, serial: int, result: tuple[Any, list[Any]]) -> None:
        """Show a check's findings, unless a later check was asked for meanwhile."""
        if serial != self._checks:
            return
        self.geometry, self.findings = result
        self.validation.show_findings(
            self.findings, self._local_codes([u[1] for u in self.geometry.units]))

    def show_finding(self, index: int) -> None:
        """Zoom the plan to a finding and select the units it names."""
        if self.geometry is None or not 0 <= index < len(self.findings):
            return
        finding = self.findings[index]
        units = list(self.geometry.units)
        where = finding.where
        if where is None or where.is_empty:
            shapes = [units[i][2] for i in finding.units if 0 <= i < len(units)]
            if not shapes:
                return
            from shapely import union_all

            where = union_all(shapes)
        self.view.zoom_to_bounds(tuple(float(v) for v in where.bounds))
        self.view.highlight(where)
        ids = [units[i][0] for i in finding.units if 0 <= i < len(units)]
        self.view.set_selected_units(ids)
        if ids:
            self.view.unitClicked.emit(ids[-1])

    # -- internals -----------------------------------------------------------------------

    def _run(self, work: Callable[[Any, date], Any], text: str | None, refusal: str) -> Any:
        """Write one edit; push it as one command and show the result; None when refused."""
        if not self.controller.is_open:
            return None
        try:
            edit = work(self.controller.workspace, self.controller.day)
        except REFUSALS as exc:
            self._refused(refusal, exc)
            return None
        self._changed()
        if text is None:  # a drawn unit is named by the code it was given
            text = edit_text("draw", self._local_codes(list(edit.codes)))
        self.undo_stack.push(SpaceEditCommand(self, edit, text, applied=True))
        chosen = [u for u in (*edit.created, *edit.changed) if self.view.item_for(u) is not None]
        if chosen:
            self.view.set_selected_units(chosen)
            self.view.unitClicked.emit(chosen[-1])
        return edit

    def _again(self, work: Callable[[], Any], refusal: str) -> bool:
        try:
            work()
        except REFUSALS as exc:
            self._refused(refusal, exc)
            return False
        self._changed()
        return True

    def _changed(self) -> None:
        """The workspace changed: read it again (the plan redraws) and check the floor."""
        checks = self._checks
        self.controller.reload()
        if self._checks == checks:  # not redrawn (a change of use): check it here
            self.validate()

    def _refused(self, title: str, exc: BaseException) -> None:
        self.window.warn(title or self.tr("The edit cannot be made"), message_text(exc))

    def _floor_id(self) -> uuid.UUID | None:
        scope = self.controller.scope
        return scope.id if scope is not None and scope.kind == "floor" else None

    def _codes(self, unit_ids: Sequence[uuid.UUID]) -> list[str]:
        """Units' codes as the plan labels them, short where the building is known."""
        codes = []
        for unit_id in unit_ids:
            row = self.controller.row(unit_id)
            codes.append(row.code if row is not None else str(unit_id)[:8])
        return self._local_codes(codes)

    def _local_codes(self, codes: Sequence[str]) -> list[str]:
        park = park_of(self.controller.tree, self.controller.scope)
        building = self.maps.building_code() if self.maps is not None else None
        if park is None or building is None:
            return list(codes)
        return [unit_code_local_part(code, park.code, building) for code in codes]
