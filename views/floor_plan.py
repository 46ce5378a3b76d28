"""The floor plan (租控图 on a drawing): units over the CAD linework, coloured by mode.

A :class:`~views.map_canvas.MapCanvas` whose scene is the floor in metres
(y flipped for Qt): one plain ``QGraphicsPolygonItem`` per unit, the
background linework as one path under them. Labels ignore the view's zoom and
are made, measured and shown only where the unit is wide enough on screen to
hold them, so a 20,000-unit sheet formats no label at all until zoomed in.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsSimpleTextItem,
    QWidget,
)
from shapely.geometry import LineString, MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from views.map_canvas import MapCanvas, MapStyle

LABEL_MARGIN = 0.9  # a label may fill this share of its unit's on-screen width and height
MIN_LABEL_PX = 24.0  # a unit narrower than this on screen gets no label at all
LABEL_SCALES = (1.0, 0.8, 0.65)  # a label shrinks this far before it is left out


@dataclass(frozen=True)
class MapShape:
    """A unit as the map draws it: id, outline in metres, and a default hover card."""

    id: uuid.UUID
    polygon: BaseGeometry
    card: str = ""  # rich text; a style's card function takes precedence


def to_qpolygon(ring: Sequence[tuple[float, ...]]) -> QPolygonF:
    """A ring in metres (y up) as a QPolygonF in scene units (y down)."""
    return QPolygonF([QPointF(p[0], -p[1]) for p in ring])


def shape_item(polygon: BaseGeometry) -> QGraphicsItem:
    """A polygon item for a simple polygon, a path item when there are holes or parts."""
    if isinstance(polygon, Polygon) and not polygon.interiors:
        return QGraphicsPolygonItem(to_qpolygon(polygon.exterior.coords))
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    parts = polygon.geoms if isinstance(polygon, MultiPolygon) else [polygon]
    for part in parts:
        for ring in (part.exterior, *part.interiors):
            path.addPolygon(to_qpolygon(ring.coords))
            path.closeSubpath()
    return QGraphicsPathItem(path)


def lines_path(lines: BaseGeometry | None) -> QPainterPath:
    """Background linework (lines, multilines, polygons' rings) as one path."""
    path = QPainterPath()
    if lines is None or lines.is_empty:
        return path
    stack = [lines]
    while stack:
        geom = stack.pop()
        if isinstance(geom, LineString):
            coords = list(geom.coords)
            if len(coords) >= 2:
                path.moveTo(coords[0][0], -coords[0][1])
                for x, y, *_ in coords[1:]:
                    path.lineTo(x, -y)
        elif isinstance(geom, Polygon):
            stack.extend([geom.exterior, *geom.interiors])
        elif hasattr(geom, "geoms"):
            stack.extend(geom.geoms)
    return path


class CentredLabel(QGraphicsSimpleTextItem):
    """A unit's label with each line centred (code above, tenant or value below).

    Qt's simple text item aligns lines left; labels are few (only units big
    enough on screen get one), so a Python paint per label is cheap.
    """

    def paint(self, painter: QPainter, _option: object, _widget: object = None) -> None:
        painter.setFont(self.font())
        painter.setPen(self.brush().color())
        painter.drawText(self.boundingRect(), Qt.AlignmentFlag.AlignCenter, self.text())


class FloorPlanView(MapCanvas):
    """Units of one floor over its linework; zoom to cursor, pan, fit, select, hover."""

    unitClicked = Signal(object)  # uuid.UUID, or None for empty space
    unitActivated = Signal(object)  # double click
    scene_in_metres = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shapes: list[MapShape] = []
        self._labels: list[QGraphicsSimpleTextItem | None] = []
        self._label_room = np.zeros(0)  # each unit's width in metres
        self._label_height = np.zeros(0)  # and height
        self._shown: set[int] = set()  # units whose label is visible
        self._labelled: list[bool] = []  # whether a label's text is the current style's
        self._style = MapStyle(())
        self._font = QFont(self.font())
        self._unit_pen = QPen(QColor("#404040"), 0)
        self._line_pen = QPen(QColor("#555555"), 0)
        self._background: QGraphicsPathItem | None = None

    # -- content ---------------------------------------------------------------------

    def show_floor(self, shapes: Sequence[MapShape], background: BaseGeometry | None = None,
                   ) -> None:
        """Replace the drawing: the floor's units and its background linework."""
        self._clear()
        scene = self.scene()
        self._shapes = list(shapes)
        self._style = MapStyle(())
        self._background = None
        path = lines_path(background)
        if not path.isEmpty():
            self._background = scene.addPath(path, self._line_pen)
            self._background.setZValue(-1)
        self._font = QFont(self.font())
        # In screen pixels, not points: a label is drawn at the same size on any device,
        # and render_to grows it to its point size on paper.
        points = max(6.0, self._font.pointSizeF() * 0.85)
        self._font.setPixelSize(max(6, round(points * self.logicalDpiY() / 72)))
        pen = self._unit_pen
        for shape in self._shapes:
            self._add_block(shape_item(shape.polygon), shape.id, shape.card, pen)
        self._labels = [None] * len(self._shapes)  # made when first shown
        self._labelled = [False] * len(self._shapes)
        self._label_room = self._label_height = np.zeros(0)
        self._shown = set()
        if self._shapes:
            bounds = shapely.bounds(np.array([s.polygon for s in self._shapes], dtype=object))
            self._label_room = bounds[:, 2] - bounds[:, 0]
            self._label_height = bounds[:, 3] - bounds[:, 1]
        rect = scene.itemsBoundingRect()
        pad = max(rect.width(), rect.height()) * 0.03 + 1
        scene.setSceneRect(rect.adjusted(-pad, -pad, pad, pad))
        self.fit()

    def apply_style(self, style: MapStyle) -> None:
        """Colour, label and outline every unit as ``style`` says (in shape order)."""
        self._paint_blocks(style.colours, style.outlined)
        self._card_of = style.card
        self._style = style
        self._labelled = [False] * len(self._labels)
        self._fit_labels(self._scale())

    def unit_ids(self) -> list[uuid.UUID]:
        return self.block_ids()

    def unit_at(self, pos: object) -> uuid.UUID | None:
        """The unit under a viewport position (the topmost), or None."""
        return self.block_at(pos)  # type: ignore[arg-type]

    def select_unit(self, unit_id: uuid.UUID | None, centre: bool = False) -> None:
        """Highlight one unit (the table's selection follows through unitClicked)."""
        self._select(unit_id)
        if centre and unit_id is not None:
            self.zoom_to_selection()

    def selected_unit(self) -> uuid.UUID | None:
        return self._selected

    def visible_label_count(self) -> int:
        return sum(1 for label in self._labels if label is not None and label.isVisible())

    # -- hooks -----------------------------------------------------------------------

    def _clicked(self, block_id: uuid.UUID | None) -> None:
        self.unitClicked.emit(block_id)

    def _activated(self, block_id: uuid.UUID) -> None:
        self.unitActivated.emit(block_id)

    def _fit_labels(self, scale: float) -> None:
        """Show each label where its unit holds it at ``scale`` px per metre, shrunk if need be.

        A label that does not fit its unit's box at full size tries smaller
        sizes, then hides: labels never spill over their neighbours. Text is set
        on first need; units too small for any label are picked out in one
        array test and skipped without formatting or measuring anything.
        """
        style = self._style
        labels = self._labels
        rooms = self._label_room
        wide = np.flatnonzero(rooms * (scale * LABEL_MARGIN) >= MIN_LABEL_PX).tolist()
        for i in self._shown - set(wide):  # labels of units now too small on screen
            label = labels[i]
            if label is not None:
                label.setVisible(False)
        shown = set()
        for i in wide:
            label = labels[i]
            if label is None:
                label = labels[i] = self._new_label(i)
            if not self._labelled[i]:
                self._set_label(i, label, style)
            size = self._label_size(label, float(rooms[i]) * scale * LABEL_MARGIN,
                                    float(self._label_height[i]) * scale * LABEL_MARGIN)
            label.setVisible(size > 0)
            if size > 0:
                shown.add(i)
        self._shown = shown

    @staticmethod
    def _label_size(label: QGraphicsSimpleTextItem, width: float, height: float) -> float:
        """Size the label to the largest scale that fits ``width`` × ``height`` px; 0 if none."""
        if not label.text():
            return 0.0
        w, h = label.data(1), label.data(2)
        for size in LABEL_SCALES:
            if w * size <= width and h * size <= height:
                if label.scale() != size:
                    label.setScale(size)
                    # ItemIgnoresTransformations: the offset is in pixels, around the anchor.
                    label.setTransform(QTransform.fromTranslate(-w * size / 2, -h * size / 2))
                return size
        return 0.0

    # -- internals -------------------------------------------------------------------

    def _new_label(self, i: int) -> QGraphicsSimpleTextItem:
        label = CentredLabel()
        label.setFont(self._font)
        label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        label.setZValue(1)
        point = self._shapes[i].polygon.representative_point()
        label.setPos(point.x, -point.y)
        self.scene().addItem(label)
        return label

    def _set_label(self, i: int, label: QGraphicsSimpleTextItem, style: MapStyle) -> None:
        """Give a label its text and colour, centred on its unit's inner point."""
        if i < len(style.colours):
            label.setBrush(self._text_brush(style.colours[i]))
        self._labelled[i] = True
        text = style.label(i)
        if text == label.text() and label.data(1) is not None:
            return  # same words as in the last mode: already measured and centred
        label.setText(text)
        rect = label.boundingRect()
        label.setData(1, rect.width())
        label.setData(2, rect.height())
        label.setScale(1.0)
        label.setTransform(QTransform.fromTranslate(-rect.width() / 2, -rect.height() / 2))
