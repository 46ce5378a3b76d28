"""The park map (资产地图): the park's buildings on the site plan, one colour each.

Footprints are drawn in site metres, y flipped as the floor plan does. A
building without a known footprint still belongs on the map, so it is given a
square of a typical building's size in a tidy grid beside the known ones,
outlined dashed to say its place is not surveyed. Labels keep their size on
screen (the code first, the name under it when there is room), centred on the
footprint's pole of inaccessibility (:mod:`spatial.label_anchor`) with their
whole rectangle inside it. Every building is labelled, at any zoom and on
paper: one too small for its label gets a smaller one, then its code alone,
and when even that does not fit, its label beside it, joined by a short
leader line, in the first place around it that overlaps no other label, no
other building and stays on the sheet (the least crowded place if none is
clear). The colour per building is decided by the caller; the view shows and
emits.
"""

from __future__ import annotations

import math
import statistics
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from PySide6.QtCore import QLineF, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPen, QTransform
from PySide6.QtWidgets import (
    QAbstractGraphicsShapeItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsSimpleTextItem,
    QWidget,
)
from shapely.geometry import MultiPolygon, Point, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from spatial.label_anchor import LabelAnchors
from views.floor_plan import lines_path, shape_item
from views.map_canvas import MapCanvas

DEFAULT_SIDE = 40.0  # m: a placed building's side when no footprint is known at all
MIN_SIDE, MAX_SIDE = 10.0, 150.0
ASPECT = 4 / 3  # placed buildings go where the whole site comes out closest to this
LABEL_PAD = 3.0  # px kept clear between a label and its building's walls, each side
LABEL_SCALES = (1.0, 0.8, 0.65)  # a label inside its building shrinks this far
BESIDE_SCALE = 0.8  # the size of a label set beside its building
LABEL_ASPECT = 1.5  # a building's label (code over level) is about this much wider than high
LEADER_PX = 10.0  # how far a label beside its building stands off it, px
LEADER = "#4d4d4d"
BESIDE_TEXT = "#1a1a1a"  # a label beside its building is on the site, not on its colour
PLACED_OUTLINE = "#6b6b6b"


@dataclass(frozen=True)
class SiteBuilding:
    """A building on the site plan: footprint in site metres (y up), or None if unknown."""

    id: uuid.UUID
    code: str
    name: str
    footprint: BaseGeometry | None
    card: str = ""  # hover card rich text


class ParkMapView(MapCanvas):
    """Buildings on the site, coloured per building; double click opens one."""

    buildingClicked = Signal(object)  # uuid.UUID, or None for empty space
    buildingActivated = Signal(object)  # double click: open the building
    scene_in_metres = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buildings: list[SiteBuilding] = []
        self._placed: list[bool] = []
        self._anchors: list[QPointF] = []  # label centres inside, scene units
        self._inner = LabelAnchors([])
        self._outlines: list[BaseGeometry] = []  # as drawn, in scene units (y down)
        self._boxes = np.zeros((0, 4))  # their boxes: x0, y0, x1, y1 in scene units
        self._leaders: list[QGraphicsLineItem | None] = []
        self._beside: list[bool] = []  # whether a building's label is beside it (for tests)
        self._label_rects: list[QRectF | None] = []  # each label's rectangle, scene units
        self._heads: list[list[QGraphicsSimpleTextItem]] = []  # code or caller's label, by line
        self._names: list[QGraphicsSimpleTextItem] = []
        self._head_texts: list[str] = []
        self._head_font = QFont()
        self._sizes: dict[str, tuple[float, float]] = {}
        self._colours: list[str] = []
        self._placed_pen = QPen(QColor(PLACED_OUTLINE), 0, Qt.PenStyle.DashLine)
        self._footprint_pen = QPen(QColor("#404040"), 0)
        self._site_pen = QPen(QColor("#9aa5b1"), 0)
        self._leader_pen = QPen(QColor(LEADER), 1)
        self._leader_pen.setCosmetic(True)
        self._beside_brush = QBrush(QColor(BESIDE_TEXT))

    # -- content ---------------------------------------------------------------------

    def show_site(self, buildings: Sequence[SiteBuilding],
                  background: BaseGeometry | None = None) -> None:
        """Replace the map with these buildings (placing those without a footprint).

        ``background`` is the site drawing's linework (roads, boundaries), in
        site metres, drawn under the buildings.
        """
        self._clear()
        scene = self.scene()
        path = lines_path(background)
        if not path.isEmpty():
            scene.addPath(path, self._site_pen).setZValue(-1)
        self._buildings = list(buildings)
        outlines = site_layout([b.footprint for b in self._buildings])
        self._placed = [not _drawable(b.footprint) for b in self._buildings]
        self._anchors, self._heads, self._names = [], [], []
        self._head_font = QFont(self.font())
        self._head_font.setBold(True)
        self._head_font.setPointSizeF(max(7.0, self._head_font.pointSizeF() * 1.15))
        self._sizes = {}
        self._colours = []
        name_font = QFont(self.font())
        name_font.setPointSizeF(max(6.0, name_font.pointSizeF() * 0.95))
        for building, outline, placed in zip(self._buildings, outlines, self._placed,
                                             strict=True):
            item = shape_item(outline)
            assert isinstance(item, QAbstractGraphicsShapeItem)
            self._add_block(item, building.id, building.card,
                            self._placed_pen if placed else self._footprint_pen)
            self._heads.append([])
            self._names.append(self._label(name_font, building.name))
        self._inner = LabelAnchors(outlines, LABEL_ASPECT)
        self._inner.prepare()  # a park has tens of buildings: all at once
        for i, outline in enumerate(outlines):
            anchor = self._inner.anchor(i)
            if anchor is None:
                x0, y0, x1, y1 = outline.bounds
                anchor = ((x0 + x1) / 2, (y0 + y1) / 2)
            self._anchors.append(QPointF(anchor[0], -anchor[1]))
        self._outlines = [shapely.transform(o, lambda xy: xy * (1, -1)) for o in outlines]
        self._boxes = shapely.bounds(np.array(self._outlines, dtype=object)).reshape(-1, 4)
        self._leaders = [None] * len(outlines)
        self._beside = [False] * len(outlines)
        self._label_rects = [None] * len(outlines)
        self._head_texts = [b.code for b in self._buildings]
        rect = scene.itemsBoundingRect()
        pad = max(rect.width(), rect.height()) * 0.04 + 1
        scene.setSceneRect(rect.adjusted(-pad, -pad, pad, pad))
        self._fitted = True
        self.fit()

    def apply_colours(self, colours: Sequence[str], labels: Sequence[str] = (),
                      cards: Callable[[int], str] | None = None) -> None:
        """Colour the buildings (in order); ``labels`` replace the codes as their labels.

        ``cards`` gives a building's hover card by its position (else its own card).
        """
        self._paint_blocks(colours)
        self._card_of = cards
        self._head_texts = [
            (labels[i] if i < len(labels) and labels[i] else b.code)
            for i, b in enumerate(self._buildings)
        ]
        self._colours = list(colours)
        for name, colour in zip(self._names, colours, strict=True):
            name.setBrush(self._text_brush(colour))
        self._fit_labels(self._scale())

    def building_ids(self) -> list[uuid.UUID]:
        return self.block_ids()

    def building_at(self, pos: QPoint) -> uuid.UUID | None:
        """The building under a viewport position, or None."""
        return self.block_at(pos)

    def selected_building(self) -> uuid.UUID | None:
        return self._selected

    def is_placed(self, building_id: uuid.UUID) -> bool:
        """Whether the building was placed by the view (no footprint known)."""
        i = self._index.get(building_id)
        return i is not None and self._placed[i]

    def visible_label_count(self) -> int:
        return sum(1 for lines in self._heads if lines and lines[0].isVisible())

    def label_rect(self, building_id: uuid.UUID) -> QRectF | None:
        """Where the building's label is drawn (scene units), None if it has none."""
        i = self._index.get(building_id)
        return None if i is None else self._label_rects[i]

    def label_beside(self, building_id: uuid.UUID) -> bool:
        """Whether the building's label stands beside it, on a leader line."""
        i = self._index.get(building_id)
        return i is not None and self._beside[i]

    # -- hooks -----------------------------------------------------------------------

    def _clicked(self, block_id: uuid.UUID | None) -> None:
        self.buildingClicked.emit(block_id)

    def _activated(self, block_id: uuid.UUID) -> None:
        self.buildingActivated.emit(block_id)

    def _fit_labels(self, scale: float) -> None:
        """Label every building at ``scale`` (px per metre): inside when it fits, else beside.

        Inside, a label tries its lines with the name under them, its lines at
        each of :data:`LABEL_SCALES`, then its first line at each; the first
        whose rectangle (with :data:`LABEL_PAD`) lies in the footprint around
        its anchor is shown. The buildings left over are labelled beside, after all
        labels inside are placed, so a label beside avoids them. Each line is
        its own item, so each is centred.
        """
        taken: list[tuple[float, float, float, float]] = []  # labels placed: x0, y0, x1, y1
        left_over: list[int] = []
        for i in range(len(self._buildings)):
            lines = self._lines(i)
            choice = self._inside(i, lines, scale) if lines else None
            if choice is None:
                self._show(i, [], False, 1.0, self._anchors[i])
                if lines:
                    left_over.append(i)
                continue
            shown, with_name, size = choice
            taken.append(self._show(i, shown, with_name, size, self._anchors[i], scale)
                         .getCoords())
        for i in left_over:
            lines = self._lines(i)
            width = max(self._measure(line)[0] for line in lines) * BESIDE_SCALE
            height = sum(self._measure(line)[1] for line in lines) * BESIDE_SCALE
            centre = self._beside_spot(i, width / scale, height / scale, scale, taken)
            rect = self._show(i, lines, False, BESIDE_SCALE, centre, scale, beside=True)
            taken.append(rect.getCoords())

    def _lines(self, i: int) -> list[str]:
        text = self._head_texts[i].strip() if i < len(self._head_texts) else ""
        return [line.strip() for line in text.split("\n") if line.strip()]

    def _inside(self, i: int, lines: list[str], scale: float,
                ) -> tuple[list[str], bool, float] | None:
        """The lines, whether the name goes under them, and the size of the label inside.

        All the caller's lines (the code and the mode's value) come before the
        name and before full size: a smaller label still says what the mode
        shows; only then is the code left alone.
        """
        name = self._names[i]
        pad = 2 * LABEL_PAD
        for option in ([lines] if len(lines) == 1 else [lines, lines[:1]]):
            sizes = [self._measure(line) for line in option]
            width = max(w for w, _ in sizes)
            height = sum(h for _, h in sizes)
            if option is lines and name.text():
                named = name.boundingRect()
                if self._inner.fits(i, (max(width, named.width()) + pad) / scale,
                                  (height + named.height() + pad) / scale):
                    return option, True, 1.0
            for size in LABEL_SCALES:
                if self._inner.fits(i, (width * size + pad) / scale,
                                  (height * size + pad) / scale):
                    return option, False, size
        return None

    def _show(self, i: int, lines: list[str], with_name: bool, size: float, centre: QPointF,
              scale: float = 1.0, beside: bool = False) -> QRectF:
        """Show ``lines`` (and the name) at ``size`` centred on ``centre``; hide the rest.

        Returns the label's rectangle in scene units (``scale`` px per metre).
        """
        heads, name = self._heads[i], self._names[i]
        while len(heads) < len(lines):
            heads.append(self._label(self._head_font))
        if beside:
            brush = self._beside_brush
        else:
            brush = self._text_brush(self._colours[i]) if i < len(self._colours) else None
        chosen = [(line, *self._measure(line)) for line in lines]
        items: list[QGraphicsSimpleTextItem] = heads[:len(lines)]
        if with_name:
            named = name.boundingRect()
            chosen.append((name.text(), named.width(), named.height()))
            items.append(name)
            if brush is not None:
                name.setBrush(brush)
        width = max((w for _, w, _ in chosen), default=0.0) * size
        height = sum(h for _, _, h in chosen) * size
        y = -height / 2
        for item, (line, line_width, line_height) in zip(items, chosen, strict=True):
            if item is not name:
                item.setText(line)
                if brush is not None:
                    item.setBrush(brush)
            # ItemIgnoresTransformations: offsets are in pixels around the centre.
            item.setPos(centre)
            item.setScale(size)
            item.setTransform(QTransform.fromTranslate(-line_width * size / 2, y))
            item.setVisible(True)
            y += line_height * size
        for item in heads[len(lines):]:
            item.setVisible(False)
        name.setVisible(with_name)
        self._beside[i] = beside and bool(lines)
        rect = QRectF(centre.x() - width / scale / 2, centre.y() - height / scale / 2,
                      width / scale, height / scale)
        self._label_rects[i] = rect if lines else None
        self._lead(i, rect if beside and lines else None)
        return rect

    def _beside_spot(self, i: int, width: float, height: float, scale: float,
                     taken: list[tuple[float, float, float, float]]) -> QPointF:
        """Where a label ``width`` × ``height`` (scene units) goes beside building ``i``.

        Around the footprint's box, at :data:`LEADER_PX` and then farther:
        right, left, above, below, then the corners. The first spot that
        covers no label placed, no other building, and stays on the sheet
        wins; else the least crowded. All spots are weighed in one array
        sum, so a zoomed-out park of a hundred buildings, every label beside,
        still lays out in a few milliseconds.
        """
        boxes = self._boxes
        x0, y0, x1, y1 = boxes[i]
        cx, cy = self._anchors[i].x(), self._anchors[i].y()
        spots = []
        for reach in (1.0, 2.5, 4.0):
            gap = LEADER_PX * reach / scale
            right, left = x1 + gap + width / 2, x0 - gap - width / 2
            above, below = y0 - gap - height / 2, y1 + gap + height / 2
            spots += [(right, cy), (left, cy), (cx, above), (cx, below),
                      (right, above), (left, above), (right, below), (left, below)]
        centres = np.array(spots)
        clear = LABEL_PAD / scale  # kept free around the label, as inside a building
        half = np.array([width / 2 + clear, height / 2 + clear])
        rects = np.hstack([centres - half, centres + half])
        area = 4 * half[0] * half[1]
        labels = np.array(taken).reshape(-1, 4)
        sheet = self.scene().sceneRect()
        page = np.array([[sheet.left(), sheet.top(), sheet.right(), sheet.bottom()]])
        crowd = (100 * _overlaps(rects, labels).sum(axis=1)
                 + _overlaps(rects, np.delete(boxes, i, axis=0)).sum(axis=1)
                 + 1000 * (area - _overlaps(rects, page)[:, 0]))
        clear_spots = np.flatnonzero(crowd <= area * 1e-9)  # (rounding: a trace off the sheet)
        best = int(clear_spots[0]) if clear_spots.size else int(np.argmin(crowd))
        return QPointF(*centres[best])

    def _lead(self, i: int, rect: QRectF | None) -> None:
        """Join building ``i`` to its label at ``rect`` with a leader line (None: no line)."""
        leader = self._leaders[i]
        if rect is None:
            if leader is not None:
                leader.setVisible(False)
            return
        centre = rect.center()
        on_outline, _ = nearest_points(self._outlines[i].boundary, Point(centre.x(),
                                                                         centre.y()))
        end = QPointF(min(max(on_outline.x, rect.left()), rect.right()),
                      min(max(on_outline.y, rect.top()), rect.bottom()))
        if leader is None:
            leader = self._leaders[i] = QGraphicsLineItem()
            leader.setPen(self._leader_pen)
            leader.setZValue(1)
            self.scene().addItem(leader)
        leader.setLine(QLineF(QPointF(on_outline.x, on_outline.y), end))
        leader.setVisible(True)

    # -- internals -------------------------------------------------------------------

    def _measure(self, line: str) -> tuple[float, float]:
        """A head line's size in pixels (bold font)."""
        size = self._sizes.get(line)
        if size is None:
            metrics = QFontMetricsF(self._head_font)
            rect = metrics.boundingRect(QRectF(), 0, line)
            size = self._sizes[line] = (rect.width(), rect.height())
        return size

    def _label(self, font: QFont, text: str = "") -> QGraphicsSimpleTextItem:
        label = QGraphicsSimpleTextItem(text)
        label.setFont(font)
        label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        label.setZValue(1)
        label.setVisible(False)
        self.scene().addItem(label)
        return label


def _overlaps(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The area each rectangle of ``a`` shares with each of ``b`` (rows x0, y0, x1, y1)."""
    w = np.minimum(a[:, None, 2], b[None, :, 2]) - np.maximum(a[:, None, 0], b[None, :, 0])
    h = np.minimum(a[:, None, 3], b[None, :, 3]) - np.maximum(a[:, None, 1], b[None, :, 1])
    return np.clip(w, 0, None) * np.clip(h, 0, None)


def _drawable(footprint: BaseGeometry | None) -> bool:
    return (isinstance(footprint, Polygon | MultiPolygon) and not footprint.is_empty
            and footprint.area > 0)


def site_layout(footprints: Sequence[BaseGeometry | None]) -> list[BaseGeometry]:
    """Every building's outline: its footprint, or a square placed beside the known ones.

    Placed squares are a typical known building's size (the median √area),
    in a grid to the right of or below the known footprints, whichever keeps
    the whole site closer to a 4:3 sheet; a grid from the origin if none is known.
    """
    known = [f for f in footprints if _drawable(f)]
    missing = sum(1 for f in footprints if not _drawable(f))
    if known:
        side = statistics.median(math.sqrt(f.area) for f in known)  # type: ignore[union-attr]
        side = min(max(side, MIN_SIDE), MAX_SIDE)
    else:
        side = DEFAULT_SIDE
    gap = side / 2
    pitch = side + gap
    squares: list[BaseGeometry] = []
    if missing:
        cols, origin = _grid_place(known, missing, side, gap)
        for n in range(missing):
            left = origin[0] + (n % cols) * pitch
            top = origin[1] - (n // cols) * pitch
            squares.append(box(left, top - side, left + side, top))
    placed = iter(squares)
    return [f if _drawable(f) else next(placed) for f in footprints]  # type: ignore[misc]


def _grid_place(known: Sequence[BaseGeometry], count: int, side: float, gap: float,
                ) -> tuple[int, tuple[float, float]]:
    """Columns and top-left corner of a grid of ``count`` squares beside the known buildings.

    Every column count is tried to the right of them and below them; the one
    leaving the whole site nearest 4:3 wins (ties: fewer columns, right first).
    """
    pitch = side + gap
    if not known:
        return math.ceil(math.sqrt(count * ASPECT)), (0.0, 0.0)
    x0, y0, x1, y1 = MultiPolygon(_parts(known)).bounds
    best: tuple[float, int, tuple[float, float]] | None = None
    for cols in range(1, count + 1):
        rows = math.ceil(count / cols)
        grid_w, grid_h = cols * pitch - gap, rows * pitch - gap
        for origin, width, height in (
            ((x1 + 2 * gap, y1), x1 + 2 * gap + grid_w - x0, max(y1 - y0, grid_h)),
            ((x0, y0 - 2 * gap), max(x1 - x0, grid_w), y1 - y0 + 2 * gap + grid_h),
        ):
            miss = _aspect_miss(width, height)
            if best is None or miss < best[0] - 1e-9:
                best = (miss, cols, origin)
    assert best is not None
    return best[1], best[2]


def _parts(polygons: Sequence[BaseGeometry]) -> list[Polygon]:
    parts: list[Polygon] = []
    for polygon in polygons:
        parts.extend(polygon.geoms if isinstance(polygon, MultiPolygon) else [polygon])
    return parts


def _aspect_miss(width: float, height: float) -> float:
    """How far a width × height sheet is from the 4:3 the map is usually shown in."""
    if width <= 0 or height <= 0:
        return math.inf
    return abs(math.log(width / height / ASPECT))
