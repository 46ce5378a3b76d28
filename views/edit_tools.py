"""The floor plan's editing tools: split, merge, move vertices, draw, change use.

Installed on a :class:`~views.floor_plan.FloorPlanView`, :class:`EditTools`
filters the view's mouse and key events while a tool other than Select is
active, snaps each point (:mod:`spatial.snapping`: unit corners, unit edges,
the drawing's walls; Shift or the Orthogonal toggle keeps segments level or
plumb) and draws its own overlays over the units: the rubber band, the snap
marker and the vertex handles. Overlays carry no unit id, so the view's
``block_at`` and its labels never see them.

Views show and emit: a finished tool emits one request with plain data (a
unit id and metre coordinates, a shapely polygon); the app runs the service,
pushes one undo command and redraws. A polyline of many clicks is one request,
so it becomes one edit and one undo step.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable, Sequence
from enum import StrEnum

import shapely
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QBrush,
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsView,
    QMenu,
    QToolBar,
    QToolButton,
    QWidget,
)
from shapely.geometry import LineString, Point, Polygon

from domain.space_use import SpaceUse
from spatial.editing import (
    EditRefused,
    delete_vertex,
    insert_vertex,
    move_vertex,
    nearest_edge,
)
from spatial.snapping import Snap, Snapper
from views.floor_plan import FloorPlanView
from views.labels import label

SNAP_PX = 8.0  # a point snaps to what lies this close on screen
HANDLE_PX = 8.0  # a vertex handle's side on screen; a press this close grabs it
CLICK_PX = 4  # a handle moved less than this was clicked (selected), not dragged
MARKER_PX = 6.0  # half the snap marker's size
OVERLAY_Z = 10.0  # above units (0, 0.5 selected) and labels (1)
BAND_COLOUR = "#1c7ed6"
MARKER_COLOUR = "#e8590c"
HANDLE_COLOUR = "#1c7ed6"

XY = tuple[float, float]  # a point in metres, y up


class Tool(StrEnum):
    SELECT = "select"
    SPLIT = "split"
    MERGE = "merge"
    VERTICES = "vertices"
    DRAW = "draw"


def _cosmetic(colour: str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(colour), width, style)
    pen.setCosmetic(True)
    return pen


def marker_path(kind: str) -> QPainterPath:
    """The snap marker in pixels around its point: a square on a corner, a diamond on a unit's
    edge, a cross on a wall; nothing when the point did not snap."""
    m = MARKER_PX
    path = QPainterPath()
    if kind == "vertex":
        path.addRect(QRectF(-m, -m, 2 * m, 2 * m))
    elif kind == "edge":
        path.moveTo(0, -m)
        path.lineTo(m, 0)
        path.lineTo(0, m)
        path.lineTo(-m, 0)
        path.closeSubpath()
    elif kind == "wall":
        path.moveTo(-m, -m)
        path.lineTo(m, m)
        path.moveTo(-m, m)
        path.lineTo(m, -m)
    return path


class EditTools(QObject):
    """The editing tools' state machines over one floor plan view."""

    splitRequested = Signal(object, list)  # unit id, [(x, y)] in metres
    mergeRequested = Signal(list)  # [unit id]
    reshapeRequested = Signal(object, object)  # unit id, shapely Polygon
    drawRequested = Signal(object)  # shapely Polygon
    useRequested = Signal(list, object)  # [unit id], SpaceUse
    refused = Signal(object)  # an EditRefused the geometry gave before any request
    toolChanged = Signal(str)  # Tool

    def __init__(self, view: FloorPlanView) -> None:
        super().__init__(view)
        self.view = view
        self._tool = Tool.SELECT
        self.orthogonal = False  # the toggle; Shift does the same while held
        self._points: list[XY] = []  # the polyline or outline clicked so far
        self._snap: Snap | None = None  # where the pointer snaps now
        self._snapper: Snapper | None = None  # made on first use for each drawing
        self._tree: shapely.STRtree | None = None
        # Vertex editing: the unit whose handles show, each handle's (ring, index, point),
        # the handle chosen (Delete removes it) and the one being dragged.
        self._handle_unit: uuid.UUID | None = None
        self._vertices: list[tuple[int, int, XY]] = []
        self.active_handle: int | None = None
        self._drag: int | None = None
        self._press: QPoint | None = None
        self._moved = False
        self._band: QGraphicsPathItem | None = None
        self._marker: QGraphicsPathItem | None = None
        self._handles: list[QGraphicsRectItem] = []
        self._viewport = view.viewport()  # kept: compared while the view is being destroyed
        self._viewport.installEventFilter(self)
        view.installEventFilter(self)
        view.floorShown.connect(self._floor_shown)
        view.selectionChanged.connect(self._selection_changed)

    # -- what the toolbar and the app call ---------------------------------------------

    def tool(self) -> Tool:
        return self._tool

    def set_tool(self, tool: Tool | str) -> None:
        """Switch tools; whatever the last one had begun is dropped."""
        tool = Tool(tool)
        self._reset()
        changed = tool != self._tool
        self._tool = tool
        view = self.view
        if tool is Tool.SELECT:
            view.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
            view.viewport().unsetCursor()
        else:
            view.setDragMode(QGraphicsView.DragMode.NoDrag)
            view.hide_card()
            shape = {Tool.MERGE: Qt.CursorShape.PointingHandCursor,
                     Tool.VERTICES: Qt.CursorShape.ArrowCursor}.get(
                tool, Qt.CursorShape.CrossCursor)
            view.viewport().setCursor(shape)
        self._show_handles()
        if changed:
            self.toolChanged.emit(tool.value)

    def points(self) -> list[XY]:
        """The points clicked so far by the split or draw tool."""
        return list(self._points)

    def snap_shown(self) -> Snap | None:
        """Where the pointer snapped last (shown by the marker)."""
        return self._snap

    def handle_points(self) -> list[XY]:
        """The selected unit's vertices shown as handles (vertex tool)."""
        return [p for _r, _i, p in self._vertices]

    def merge_or_pick(self) -> None:
        """The Merge button: merge the selected units, or with fewer than two, pick them."""
        if not self.merge_selected():
            self.set_tool(Tool.MERGE)

    def merge_selected(self) -> bool:
        """Ask for the selected units to be merged; False when fewer than two are."""
        units = self.view.selected_units()
        if len(units) < 2:
            return False
        self.mergeRequested.emit(units)
        return True

    def set_use(self, use: SpaceUse) -> None:
        """Ask for the selected units to take ``use``."""
        units = self.view.selected_units()
        if units:
            self.useRequested.emit(units, SpaceUse(use))

    def context_menu(self, pos: QPoint) -> QMenu:
        """The plan's context menu at a viewport position; a unit not selected is chosen."""
        view = self.view
        unit = view.unit_at(pos)
        if unit is not None and unit not in view.selected_units():
            view.select_unit(unit)
            view.unitClicked.emit(unit)
        selected = view.selected_units()
        menu = QMenu(view)
        merge = menu.addAction(self.tr("Merge selected units"))
        merge.setEnabled(len(selected) >= 2)
        merge.triggered.connect(self.merge_selected)
        split = menu.addAction(self.tr("Split this unit"))
        split.setEnabled(len(selected) == 1)
        split.triggered.connect(lambda: self.set_tool(Tool.SPLIT))
        vertices = menu.addAction(self.tr("Edit vertices"))
        vertices.setEnabled(len(selected) == 1)
        vertices.triggered.connect(lambda: self.set_tool(Tool.VERTICES))
        use_menu = menu.addMenu(self.tr("Use"))
        use_menu.setEnabled(bool(selected))
        for use in SpaceUse:
            action = use_menu.addAction(label(use))
            action.setData(use.value)
            action.triggered.connect(lambda _=False, u=use: self.set_use(u))
        return menu

    # -- events ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._viewport:
            if kind == QEvent.Type.ContextMenu:
                self._reset_drag()
                menu = self.context_menu(event.pos())  # type: ignore[attr-defined]
                menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                menu.popup(event.globalPos())  # type: ignore[attr-defined]
                return True
            if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                        QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove):
                return self._mouse(kind, event)  # type: ignore[arg-type]
        elif watched is self.view and kind == QEvent.Type.KeyPress:
            return self._key(event)  # type: ignore[arg-type]
        return False

    def _mouse(self, kind: QEvent.Type, event: QMouseEvent) -> bool:
        """Handle a mouse event for the tool; False lets the view have it (plain selecting)."""
        left = event.button() == Qt.MouseButton.LeftButton
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        pos = event.position().toPoint()
        if self._tool is Tool.SELECT:
            if ctrl and left and kind == QEvent.Type.MouseButtonPress:
                self._toggle_at(pos)
                return True
            return ctrl and left  # the release (or double click) of a Ctrl+click
        if kind == QEvent.Type.MouseMove:
            self._moved_to(pos, event.modifiers(), event.buttons())
            return True
        if not left:
            return False  # the right button's context menu, the middle button
        if kind == QEvent.Type.MouseButtonPress:
            self._pressed(pos, event.modifiers())
        elif kind == QEvent.Type.MouseButtonRelease:
            self._released(pos, event.modifiers())
        else:
            self._double_clicked(pos, event.modifiers())
        return True

    def _pressed(self, pos: QPoint, modifiers: Qt.KeyboardModifier) -> None:
        tool = self._tool
        if tool in (Tool.SPLIT, Tool.DRAW):
            point = self._snapped(pos, modifiers).point
            if not self._points or self._points[-1] != point:
                self._points.append(point)
            self._draw_band()
        elif tool is Tool.MERGE:
            self._toggle_at(pos)
        elif tool is Tool.VERTICES:
            self._press, self._moved = pos, False
            handle = self._handle_at(pos)
            if handle is not None:
                self._drag = handle
                self._set_active(handle)
                return
            unit = self.view.unit_at(pos)
            if unit is not None and unit != self.view.selected_unit():
                self.view.select_unit(unit)
                self.view.unitClicked.emit(unit)
            self._set_active(None)

    def _released(self, pos: QPoint, modifiers: Qt.KeyboardModifier) -> None:
        if self._tool is not Tool.VERTICES or self._drag is None:
            return
        handle, self._drag = self._drag, None
        moved = self._moved
        self._moved = False
        if not moved:
            return  # a click on a handle chooses it (Delete then removes it)
        ring, index, _point = self._vertices[handle]
        to = self._snapped(pos, modifiers, self._ring_neighbour(handle)).point
        self._hide_marker()
        polygon = self._handle_polygon()
        if polygon is None or self._handle_unit is None:
            return
        self._emit_reshape(lambda: move_vertex(polygon, ring, index, to))

    def _double_clicked(self, pos: QPoint, modifiers: Qt.KeyboardModifier) -> None:
        tool = self._tool
        if tool in (Tool.SPLIT, Tool.DRAW):
            point = self._snapped(pos, modifiers).point
            if not self._points or self._points[-1] != point:
                self._points.append(point)
            self.finish()
        elif tool is Tool.MERGE:
            self.merge_selected()
        elif tool is Tool.VERTICES:
            self._insert_at(pos)

    def _moved_to(self, pos: QPoint, modifiers: Qt.KeyboardModifier,
                  buttons: Qt.MouseButton) -> None:
        tool = self._tool
        if tool in (Tool.SPLIT, Tool.DRAW):
            self._snapped(pos, modifiers)
            self._draw_band()
        elif tool is Tool.VERTICES and self._drag is not None \
                and buttons & Qt.MouseButton.LeftButton:
            if self._press is not None and (pos - self._press).manhattanLength() >= CLICK_PX:
                self._moved = True
            if self._moved:
                snap = self._snapped(pos, modifiers, self._ring_neighbour(self._drag))
                self._drag_preview(self._drag, snap.point)

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        tool = self._tool
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                      Qt.KeyboardModifier.KeypadModifier)
        if key == Qt.Key.Key_M and plain:
            return self.merge_selected()
        if key == Qt.Key.Key_Escape and tool is not Tool.SELECT:
            if self._points or self._drag is not None:
                self._reset()
                self._show_handles()
            else:
                self.set_tool(Tool.SELECT)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if tool in (Tool.SPLIT, Tool.DRAW):
                self.finish()
                return True
            if tool is Tool.MERGE:
                self.merge_selected()
                return True
            return False
        if key == Qt.Key.Key_Backspace and tool in (Tool.SPLIT, Tool.DRAW):
            if self._points:
                self._points.pop()
                self._draw_band()
            return True
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and tool is Tool.VERTICES:
            self._delete_active()
            return True
        return False

    # -- finishing -----------------------------------------------------------------------

    def finish(self) -> None:
        """End the polyline or outline being clicked: one request, or nothing when too short."""
        points = self._points
        tool = self._tool
        if tool is Tool.SPLIT and len(points) >= 2:
            unit = self.unit_crossed(points)
            self._reset()
            if unit is None:
                self.refused.emit(EditRefused("split-misses", "the line crosses no unit"))
                return
            self.splitRequested.emit(unit, points)
        elif tool is Tool.DRAW and len(points) >= 3:
            self._reset()
            self.drawRequested.emit(Polygon(points))

    def unit_crossed(self, points: Sequence[XY]) -> uuid.UUID | None:
        """The unit a split line runs through: the selected one if it does, else the one
        holding most of the line."""
        line = LineString(points)
        shapes = self.view.shapes()
        if not shapes or line.length == 0:
            return None
        selected = set(self.view.selected_units())
        best: tuple[bool, float] = (False, 1e-6)
        found = None
        for i in self._shape_tree().query(line).tolist():
            inside = shapes[i].polygon.intersection(line).length
            if inside <= 1e-6:
                continue
            key = (shapes[i].id in selected, inside)
            if key > best:
                best, found = key, shapes[i].id
        return found

    # -- selection -----------------------------------------------------------------------

    def _toggle_at(self, pos: QPoint) -> None:
        unit = self.view.unit_at(pos)
        if unit is None:
            return
        adding = unit not in self.view.selected_units()
        self.view.toggle_selected(unit)
        if adding:
            self.view.unitClicked.emit(unit)

    def _selection_changed(self, _units: list) -> None:
        if self._drag is None:
            self._show_handles()

    def _floor_shown(self) -> None:
        """A new drawing: the old overlays went with the old scene, snapping starts afresh."""
        self._band, self._marker, self._handles = None, None, []
        self._snapper, self._tree = None, None
        self._points, self._snap, self._drag, self._moved = [], None, None, False
        self._vertices, self._handle_unit, self.active_handle = [], None, None
        self._show_handles()

    # -- snapping ------------------------------------------------------------------------

    def _snapped(self, pos: QPoint, modifiers: Qt.KeyboardModifier,
                 previous: XY | None = None) -> Snap:
        """The point under ``pos`` snapped (and shown by the marker)."""
        scene = self.view.mapToScene(pos)
        x, y = scene.x(), -scene.y()
        if previous is None and self._points:
            previous = self._points[-1]
        orthogonal = self.orthogonal or bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        scale = abs(self.view.transform().m11()) or 1.0
        snap = self._snapping().snap(x, y, SNAP_PX / scale, previous=previous,
                                     orthogonal=orthogonal and previous is not None)
        self._snap = snap
        self._show_marker(snap)
        return snap

    def _snapping(self) -> Snapper:
        if self._snapper is None:
            self._snapper = Snapper([s.polygon for s in self.view.shapes()], self.view.walls())
        return self._snapper

    def _shape_tree(self) -> shapely.STRtree:
        if self._tree is None:
            self._tree = shapely.STRtree([s.polygon for s in self.view.shapes()])
        return self._tree

    # -- vertices ------------------------------------------------------------------------

    def _handle_polygon(self) -> Polygon | None:
        if self._handle_unit is None:
            return None
        shape = self.view.shape_of(self._handle_unit)
        return shape if isinstance(shape, Polygon) else None

    def _ring_neighbour(self, handle: int) -> XY | None:
        """The vertex before ``handle`` on its ring: what Orthogonal keeps a drag level with."""
        ring, index, _point = self._vertices[handle]
        same = [p for r, _i, p in self._vertices if r == ring]
        return same[index - 1] if same else None

    def _handle_at(self, pos: QPoint) -> int | None:
        best, found = HANDLE_PX, None
        for i, (_ring, _index, (x, y)) in enumerate(self._vertices):
            at = self.view.mapFromScene(QPointF(x, -y))
            distance = math.hypot(at.x() - pos.x(), at.y() - pos.y())
            if distance <= best:
                best, found = distance, i
        return found

    def _insert_at(self, pos: QPoint) -> None:
        """A double click on an edge of the selected unit puts a vertex there."""
        polygon = self._handle_polygon()
        if polygon is None:
            return
        scene = self.view.mapToScene(pos)
        x, y = scene.x(), -scene.y()
        scale = abs(self.view.transform().m11()) or 1.0
        ring, after, distance = nearest_edge(polygon, x, y)
        if distance * scale > SNAP_PX:
            return
        corners = [p for r, _i, p in self._vertices if r == ring]
        edge = LineString([corners[after], corners[(after + 1) % len(corners)]])
        foot = edge.interpolate(edge.project(Point(x, y)))
        at = (float(foot.x), float(foot.y))
        if at in corners:
            return  # on a corner already
        self._emit_reshape(lambda: insert_vertex(polygon, ring, after, at))

    def _delete_active(self) -> None:
        polygon = self._handle_polygon()
        if polygon is None or self.active_handle is None:
            return
        ring, index, _point = self._vertices[self.active_handle]
        self._emit_reshape(lambda: delete_vertex(polygon, ring, index))

    def _emit_reshape(self, edit: Callable[[], Polygon]) -> None:
        unit = self._handle_unit
        try:
            polygon = edit()
        except EditRefused as refusal:
            self._show_handles()
            self.refused.emit(refusal)
            return
        self._show_handles()
        if unit is not None:
            self.reshapeRequested.emit(unit, polygon)

    def _set_active(self, handle: int | None) -> None:
        self.active_handle = handle
        for i, item in enumerate(self._handles):
            item.setBrush(QBrush(QColor(HANDLE_COLOUR if i == handle else "#ffffff")))

    def _show_handles(self) -> None:
        """Handles on the selected unit's vertices while the vertex tool is on."""
        scene = self.view.scene()
        for item in self._handles:
            scene.removeItem(item)
        self._handles = []
        unit = self.view.selected_unit() if self._tool is Tool.VERTICES else None
        if unit != self._handle_unit:
            self.active_handle = None
        self._handle_unit = unit
        self._vertices = []
        polygon = self._handle_polygon()
        if polygon is not None:
            for r, ring in enumerate((polygon.exterior, *polygon.interiors)):
                for i, (x, y, *_z) in enumerate(list(ring.coords)[:-1]):
                    self._vertices.append((r, i, (float(x), float(y))))
        if self.active_handle is not None and self.active_handle >= len(self._vertices):
            self.active_handle = None
        h = HANDLE_PX
        for i, (_r, _i, (x, y)) in enumerate(self._vertices):
            item = QGraphicsRectItem(QRectF(-h / 2, -h / 2, h, h))
            item.setPen(_cosmetic(HANDLE_COLOUR, 1.5))
            item.setBrush(QBrush(QColor(HANDLE_COLOUR if i == self.active_handle
                                        else "#ffffff")))
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            item.setPos(x, -y)
            self._add_overlay(item, OVERLAY_Z + 1)
            self._handles.append(item)
        if self._band is not None and self._tool is Tool.VERTICES:
            self._band.setPath(QPainterPath())

    def _drag_preview(self, handle: int, to: XY) -> None:
        """The unit's outline with the dragged vertex where the pointer is."""
        ring, index, _point = self._vertices[handle]
        self._handles[handle].setPos(to[0], -to[1])
        polygon = self._handle_polygon()
        if polygon is None:
            return
        rings = [list(polygon.exterior.coords)[:-1],
                 *(list(r.coords)[:-1] for r in polygon.interiors)]
        rings[ring][index] = to
        path = QPainterPath()
        for coords in rings:
            path.moveTo(coords[0][0], -coords[0][1])
            for x, y, *_z in coords[1:]:
                path.lineTo(x, -y)
            path.closeSubpath()
        self._band_item().setPath(path)

    # -- overlays ------------------------------------------------------------------------

    def _add_overlay(self, item: QGraphicsItem, z: float) -> None:
        item.setZValue(z)
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.view.scene().addItem(item)

    def _band_item(self) -> QGraphicsPathItem:
        if self._band is None:
            self._band = QGraphicsPathItem()
            self._band.setPen(_cosmetic(BAND_COLOUR, 2))
            self._add_overlay(self._band, OVERLAY_Z)
        return self._band

    def _draw_band(self) -> None:
        """The clicked points and the segment to the pointer (a draw also closes back)."""
        points = list(self._points)
        if self._snap is not None and points:
            points.append(self._snap.point)
        path = QPainterPath()
        if points:
            path.moveTo(points[0][0], -points[0][1])
            for x, y in points[1:]:
                path.lineTo(x, -y)
            if self._tool is Tool.DRAW and len(points) >= 3:
                path.closeSubpath()
        self._band_item().setPath(path)

    def _show_marker(self, snap: Snap) -> None:
        if self._marker is None:
            self._marker = QGraphicsPathItem()
            self._marker.setPen(_cosmetic(MARKER_COLOUR, 2))
            self._marker.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            self._add_overlay(self._marker, OVERLAY_Z + 2)
        self._marker.setPath(marker_path(snap.kind))
        self._marker.setPos(snap.point[0], -snap.point[1])
        self._marker.setVisible(snap.kind != "none")

    def marker_kind(self) -> str:
        """The snap marker shown: "vertex", "edge", "wall", or "" when none shows."""
        if self._marker is None or not self._marker.isVisible() or self._snap is None:
            return ""
        return self._snap.kind

    def _hide_marker(self) -> None:
        if self._marker is not None:
            self._marker.setVisible(False)

    def _reset_drag(self) -> None:
        self._drag, self._moved, self._press = None, False, None

    def _reset(self) -> None:
        """Drop what the current tool had begun (points, a drag) and its overlays."""
        self._points = []
        self._snap = None
        self._reset_drag()
        if self._band is not None:
            self._band.setPath(QPainterPath())
        self._hide_marker()


class EditToolBar(QToolBar):
    """The floor plan's editing tools, Orthogonal and the Use menu, over the plan."""

    def __init__(self, tools: EditTools, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tools = tools
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.tool_actions: dict[Tool, QAction] = {}
        for tool in Tool:
            action = QAction(self)
            action.setCheckable(True)
            action.setData(tool.value)
            self.group.addAction(action)
            self.addAction(action)
            self.tool_actions[tool] = action
            if tool is Tool.MERGE:
                action.triggered.connect(self._merge)
            else:
                action.triggered.connect(lambda _=False, t=tool: self._chosen(t))
        self.tool_actions[Tool.SELECT].setChecked(True)
        self.addSeparator()
        self.orthogonal_action = QAction(self)
        self.orthogonal_action.setCheckable(True)
        self.orthogonal_action.toggled.connect(self._orthogonal)
        self.addAction(self.orthogonal_action)
        self.use_button = QToolButton(self)
        self.use_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.use_menu = QMenu(self)
        self.use_actions: dict[SpaceUse, QAction] = {}
        for use in SpaceUse:
            action = self.use_menu.addAction("")
            action.triggered.connect(lambda _=False, u=use: tools.set_use(u))
            self.use_actions[use] = action
        self.use_button.setMenu(self.use_menu)
        self.addWidget(self.use_button)
        tools.toolChanged.connect(self._sync)
        tools.view.selectionChanged.connect(self._selection_changed)
        self._selection_changed(tools.view.selected_units())
        self.retranslate()

    def _chosen(self, tool: Tool) -> None:
        self.tools.set_tool(tool)
        self._sync()

    def _merge(self) -> None:
        self.tools.merge_or_pick()
        self._sync()

    def _sync(self, *_args: object) -> None:
        self.tool_actions[self.tools.tool()].setChecked(True)

    def _orthogonal(self, on: bool) -> None:
        self.tools.orthogonal = on

    def _selection_changed(self, units: list) -> None:
        self.use_button.setEnabled(bool(units))

    def retranslate(self) -> None:
        texts = {
            Tool.SELECT: (self.tr("Select"),
                          self.tr("Select units; Ctrl+click adds a unit or takes it out")),
            Tool.SPLIT: (self.tr("Split"), self.tr(
                "Split a unit: click the points of a line across it (it snaps to corners, "
                "edges and walls; Shift keeps a segment level or plumb); double-click or "
                "Enter splits, Backspace takes back a point, Esc cancels")),
            Tool.MERGE: (self.tr("Merge"), self.tr(
                "Merge the selected neighbouring units (M); with fewer than two selected, "
                "click the units to merge, then press Enter")),
            Tool.VERTICES: (self.tr("Vertices"), self.tr(
                "Drag a corner of the selected unit to move it; double-click an edge to add a "
                "corner; click a corner and press Delete to remove it")),
            Tool.DRAW: (self.tr("Draw"), self.tr(
                "Draw a new unit: click its corners; double-click or Enter closes it")),
        }
        for tool, (text, tip) in texts.items():
            self.tool_actions[tool].setText(text)
            self.tool_actions[tool].setToolTip(tip)
        self.orthogonal_action.setText(self.tr("Orthogonal"))
        self.orthogonal_action.setToolTip(self.tr(
            "Keep each segment level or plumb (or hold Shift while clicking)"))
        self.use_button.setText(self.tr("Use"))
        self.use_button.setToolTip(self.tr("Change the selected units' use"))
        for use, action in self.use_actions.items():
            action.setText(label(use))
        self.setWindowTitle(self.tr("Plan editing"))
