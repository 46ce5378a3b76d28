"""The floor plan (租控图 on a drawing): units over the CAD linework, coloured by mode.

A :class:`~views.map_canvas.MapCanvas` whose scene is the floor in metres
(y flipped for Qt): one plain ``QGraphicsPolygonItem`` per unit, the
background linework as one path under them. Labels ignore the view's zoom and
are made, measured and shown only for units in the viewport wide enough on
screen to hold them, so a 20,000-unit sheet formats no label at all until
zoomed in, and then only the screenful shown. Each label is centred on its
unit's pole of inaccessibility (:mod:`spatial.label_anchor`) and its whole
text rectangle stays inside the unit: it shrinks, falls back to the code
alone, and hides when even that does not fit.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
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

from spatial.label_anchor import LabelAnchors
from views.map_canvas import MapCanvas, MapStyle

LABEL_PAD = 2.0  # px kept clear between a label's text and its unit's walls, each side
MIN_LABEL_PX = 24.0  # a unit narrower than this on screen gets no label at all
MIN_LABEL_HEIGHT_PX = 10.0  # nor one lower than this
LABEL_SCALES = (1.0, 0.8, 0.65)  # a label shrinks this far before it is left out
MEASURED_TEXTS = 100_000  # label sizes remembered (a text is measured once while it is)


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
    # The units selected (Ctrl+click adds and removes), the current one last.
    selectionChanged = Signal(list)
    floorShown = Signal()  # a new drawing replaced the scene: overlays are made again
    scene_in_metres = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shapes: list[MapShape] = []
        self._labels: list[QGraphicsSimpleTextItem | None] = []
        self._label_box = np.zeros((0, 4))  # each unit's bounding box, scene units (y down)
        self._anchors = LabelAnchors([])
        self._shown: set[int] = set()  # units whose label is visible
        self._labelled: list[bool] = []  # whether a label's text is the current style's
        self._texts: list[tuple[str, ...]] = []  # each label's options, longest first
        self._measured: dict[str, tuple[float, float]] = {}  # a text's size in px
        self._probe = QGraphicsSimpleTextItem()  # measures texts (never in the scene)
        self._whole_scene = False  # the next fit is for paper: every unit, not the viewport
        # Panning shows new units: their labels are fitted once per turn of the event loop.
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(lambda: self._fit_labels(self._scale()))
        self._style = MapStyle(())
        self._font = QFont(self.font())
        self._unit_pen = QPen(QColor("#404040"), 0)
        self._line_pen = QPen(QColor("#555555"), 0)
        self._background: QGraphicsPathItem | None = None
        self._walls: BaseGeometry | None = None  # the background linework, for snapping
        self._selection: list[uuid.UUID] = []  # all selected units, ``_selected`` last
        self._highlight: QGraphicsPathItem | None = None  # a finding shown over the units

    # -- content ---------------------------------------------------------------------

    def show_floor(self, shapes: Sequence[MapShape], background: BaseGeometry | None = None,
                   ) -> None:
        """Replace the drawing: the floor's units and its background linework."""
        self._clear()
        self._selection = []
        self._highlight = None  # went with the scene
        scene = self.scene()
        self._shapes = list(shapes)
        self._walls = background
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
        self._probe.setFont(self._font)
        self._measured = {}
        pen = self._unit_pen
        for shape in self._shapes:
            self._add_block(shape_item(shape.polygon), shape.id, shape.card, pen)
        self._labels = [None] * len(self._shapes)  # made when first shown
        self._labelled = [False] * len(self._shapes)
        self._texts = [()] * len(self._shapes)
        self._shown = set()
        polygons = [s.polygon for s in self._shapes]
        self._anchors = LabelAnchors(polygons)  # computed for the units labelled, when they are
        self._label_box = np.zeros((0, 4))
        if self._shapes:
            bounds = shapely.bounds(np.array(polygons, dtype=object))
            self._label_box = np.column_stack(
                [bounds[:, 0], -bounds[:, 3], bounds[:, 2], -bounds[:, 1]])
        rect = scene.itemsBoundingRect()
        pad = max(rect.width(), rect.height()) * 0.03 + 1
        scene.setSceneRect(rect.adjusted(-pad, -pad, pad, pad))
        self.fit()
        self.floorShown.emit()

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

    def selected_units(self) -> list[uuid.UUID]:
        """Every selected unit (merging takes several), the current one last."""
        return list(self._selection)

    def set_selected_units(self, unit_ids: Sequence[uuid.UUID]) -> None:
        """Select these units, outlined alike; the last is the current one."""
        ids = list(dict.fromkeys(unit_ids))
        if ids == self._selection:
            return
        before, self._selection = self._selection, ids
        self._selected = ids[-1] if ids else None
        chosen = set(ids)
        for uid in {*before, *ids}:
            i = self._index.get(uid)
            if i is not None:
                self._items[i].setPen(self._pen_for(i))
                self._items[i].setZValue(0.5 if uid in chosen else 0)
        self.selectionChanged.emit(list(ids))

    def toggle_selected(self, unit_id: uuid.UUID) -> None:
        """Add a unit to the selection, or take it out (Ctrl+click)."""
        ids = self._selection
        self.set_selected_units([u for u in ids if u != unit_id] if unit_id in ids
                                else [*ids, unit_id])

    def shapes(self) -> list[MapShape]:
        """The units drawn, in drawing order."""
        return list(self._shapes)

    def shape_of(self, unit_id: uuid.UUID) -> BaseGeometry | None:
        """A drawn unit's outline in metres; None when it is not on this plan."""
        i = self._index.get(unit_id)
        return None if i is None else self._shapes[i].polygon

    def walls(self) -> BaseGeometry | None:
        """The background linework (walls) the plan is drawn over."""
        return self._walls

    def zoom_to_bounds(self, bounds: tuple[float, float, float, float],
                       margin: float = 0.5) -> None:
        """Show a box in metres (minx, miny, maxx, maxy) with ``margin`` of its size around it
        (at least a metre), e.g. a finding of the floor's validation."""
        minx, miny, maxx, maxy = bounds
        pad = max(maxx - minx, maxy - miny) * margin + 1.0
        self.fitInView(QRectF(minx - pad, -maxy - pad, maxx - minx + 2 * pad,
                              maxy - miny + 2 * pad), Qt.AspectRatioMode.KeepAspectRatio)
        self._fitted = False
        self._fit_labels(self._scale())

    def highlight(self, geometry: BaseGeometry | None) -> None:
        """Mark an area over the units (a finding of the plan check); None clears it."""
        if self._highlight is None:
            self._highlight = QGraphicsPathItem()
            pen = QPen(QColor("#d6336c"), 2)
            pen.setCosmetic(True)
            self._highlight.setPen(pen)
            self._highlight.setBrush(QColor(214, 51, 108, 90))
            self._highlight.setZValue(9)  # over units and labels, under the editing tools
            self._highlight.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            self.scene().addItem(self._highlight)
        path = lines_path(geometry)  # polygons' rings fill, odd-even: holes stay open
        self._highlight.setPath(path)
        self._highlight.setVisible(not path.isEmpty())

    def hide_card(self) -> None:
        """Hide the hover card (an editing tool has the mouse)."""
        self._card.hide()

    def visible_label_count(self) -> int:
        return sum(1 for label in self._labels if label is not None and label.isVisible())

    # -- hooks -----------------------------------------------------------------------

    def _select(self, block_id: uuid.UUID | None, centre: bool = False) -> None:
        """One unit selected (a plain click, the table): any others are let go."""
        self.set_selected_units([] if block_id is None else [block_id])
        self._selected = block_id
        item = None if block_id is None else self.item_for(block_id)
        if centre and item is not None:
            self.ensureVisible(item, 40, 40)

    def _pen_for(self, i: int) -> QPen:
        if len(self._selection) > 1 and self._ids[i] in self._selection:
            return self._selected_pen
        return super()._pen_for(i)

    def _clicked(self, block_id: uuid.UUID | None) -> None:
        self.unitClicked.emit(block_id)

    def _activated(self, block_id: uuid.UUID) -> None:
        self.unitActivated.emit(block_id)

    def _fit_labels(self, scale: float) -> None:
        """Show each label where its unit holds it at ``scale`` px per metre, shrunk if need be.

        Only units in the viewport (on paper, see :meth:`render_to`: all) whose
        box is wide enough for a label are looked at, picked out in one array
        test: nothing is formatted, measured or anchored for the others. A
        label tries its full text, then its first line (the code), then the
        style's short code, each at :data:`LABEL_SCALES` but the smallest,
        then each at the smallest (a short code that can be read beats a full
        one too small to), and takes the first whose whole rectangle (with
        :data:`LABEL_PAD`) lies inside its unit around the anchor; it hides
        when none does: labels never spill over their neighbours. A label's
        item is made the first time it is shown.
        """
        self._refit.stop()
        labels = self._labels
        if not labels:
            self._shown = set()
            return
        box = self._label_box
        wanted = ((box[:, 2] - box[:, 0]) * scale >= MIN_LABEL_PX) & (
            (box[:, 3] - box[:, 1]) * scale >= MIN_LABEL_HEIGHT_PX)
        if self._whole_scene:
            self._whole_scene = False
        else:
            seen = self.mapToScene(self.viewport().rect()).boundingRect()
            wanted &= (box[:, 2] >= seen.left()) & (box[:, 0] <= seen.right()) & (
                box[:, 3] >= seen.top()) & (box[:, 1] <= seen.bottom())
        candidates = np.flatnonzero(wanted).tolist()
        for i in self._shown.difference(candidates):  # now too small, or out of sight
            label = labels[i]
            if label is not None:
                label.setVisible(False)
        self._anchors.prepare(candidates)  # one vectorised batch for the new ones
        style = self._style
        shown = set()
        for i in candidates:
            if not self._labelled[i]:
                self._set_label(i, style)
            choice = self._choose(i, scale)
            label = labels[i]
            if choice is None:
                if label is not None:
                    label.setVisible(False)
                continue
            if label is None:
                label = labels[i] = self._new_label(i, style)
            self._show_label(label, *choice)
            shown.add(i)
        self._shown = shown

    def render_to(self, painter: QPainter, target: QRectF) -> float:
        """Paint the whole map for paper: every unit's label is fitted, not only the viewport's."""
        self._whole_scene = True  # read (and cleared) by the fit for the paper's scale
        try:
            return super().render_to(painter, target)
        finally:
            self._whole_scene = False

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        """Panning brings other units into view: fit their labels when the loop is free."""
        super().scrollContentsBy(dx, dy)
        if self._labels:
            self._refit.start()

    def _choose(self, i: int, scale: float) -> tuple[str, float] | None:
        """The first of unit ``i``'s label texts and sizes that fits it at ``scale``; None."""
        fits = self._anchors.fits
        pad = 2 * LABEL_PAD
        texts = self._texts[i]
        smallest = LABEL_SCALES[-1]
        for text, size in [*((t, s) for t in texts for s in LABEL_SCALES[:-1]),
                           *((t, smallest) for t in texts)]:
            w, h = self._measure(text)
            if fits(i, (w * size + pad) / scale, (h * size + pad) / scale):
                return text, size
        return None

    def _show_label(self, label: QGraphicsSimpleTextItem, text: str, size: float) -> None:
        """Show ``text`` at ``size`` centred on the label's anchor."""
        w, h = self._measure(text)
        if label.text() != text:
            label.setText(text)
            label.setData(1, w)
            label.setData(2, h)
        if label.scale() != size or label.data(3) != text:
            label.setScale(size)
            label.setData(3, text)
            # ItemIgnoresTransformations: the offset is in pixels, around the anchor.
            label.setTransform(QTransform.fromTranslate(-w * size / 2, -h * size / 2))
        label.setVisible(True)

    def _measure(self, text: str) -> tuple[float, float]:
        """A label text's size in px at full scale (measured once per text)."""
        size = self._measured.get(text)
        if size is None:
            if len(self._measured) > MEASURED_TEXTS:  # modes' values pile up: start afresh
                self._measured.clear()
            self._probe.setText(text)
            rect = self._probe.boundingRect()
            size = self._measured[text] = (rect.width(), rect.height())
        return size

    # -- internals -------------------------------------------------------------------

    def _new_label(self, i: int, style: MapStyle) -> QGraphicsSimpleTextItem:
        label = CentredLabel()
        label.setFont(self._font)
        label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        label.setZValue(1)
        anchor = self._anchors.anchor(i)
        assert anchor is not None  # a label is made only where one fits: there is an anchor
        label.setPos(anchor[0], -anchor[1])
        if i < len(style.colours):
            label.setBrush(self._text_brush(style.colours[i]))
        self.scene().addItem(label)
        return label

    def _set_label(self, i: int, style: MapStyle) -> None:
        """Unit ``i``'s label texts in this style (full, first line, short code) and colour."""
        self._labelled[i] = True
        text = style.label(i).strip()
        first = text.split("\n", 1)[0].strip()
        options = [t for t in (text, first, style.short_label(i).strip()) if t]
        self._texts[i] = tuple(dict.fromkeys(options))
        label = self._labels[i]
        if label is not None and i < len(style.colours):
            label.setBrush(self._text_brush(style.colours[i]))
