"""The park map (资产地图): the park's buildings on the site plan, one colour each.

Footprints are drawn in site metres, y flipped as the floor plan does. A
building without a known footprint still belongs on the map, so it is given a
square of a typical building's size in a tidy grid beside the known ones,
outlined dashed to say its place is not surveyed. Labels keep their size on
screen (the code first, the name under it when there is room) and hide where
a building is too small to hold them. The colour per building is decided by
the caller; the view shows and emits.
"""

from __future__ import annotations

import math
import statistics
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPen, QTransform
from PySide6.QtWidgets import (
    QAbstractGraphicsShapeItem,
    QGraphicsItem,
    QGraphicsSimpleTextItem,
    QWidget,
)
from shapely.geometry import MultiPolygon, Polygon, box
from shapely.geometry.base import BaseGeometry

from views.floor_plan import lines_path, shape_item
from views.map_canvas import MapCanvas

DEFAULT_SIDE = 40.0  # m: a placed building's side when no footprint is known at all
MIN_SIDE, MAX_SIDE = 10.0, 150.0
ASPECT = 4 / 3  # placed buildings go where the whole site comes out closest to this
LABEL_MARGIN = 0.85  # a label may fill this share of its building's on-screen size
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
        self._anchors: list[QPointF] = []  # label centres, scene units
        self._rooms: list[tuple[float, float]] = []  # building width, height (m)
        self._heads: list[list[QGraphicsSimpleTextItem]] = []  # code or caller's label, by line
        self._names: list[QGraphicsSimpleTextItem] = []
        self._head_texts: list[str] = []
        self._head_font = QFont()
        self._sizes: dict[str, tuple[float, float]] = {}
        self._colours: list[str] = []
        self._placed_pen = QPen(QColor(PLACED_OUTLINE), 0, Qt.PenStyle.DashLine)
        self._footprint_pen = QPen(QColor("#404040"), 0)
        self._site_pen = QPen(QColor("#9aa5b1"), 0)

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
        self._anchors, self._rooms, self._heads, self._names = [], [], [], []
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
            point = outline.representative_point()
            self._anchors.append(QPointF(point.x, -point.y))
            x0, y0, x1, y1 = outline.bounds
            self._rooms.append((x1 - x0, y1 - y0))
            self._heads.append([])
            self._names.append(self._label(name_font, building.name))
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

    # -- hooks -----------------------------------------------------------------------

    def _clicked(self, block_id: uuid.UUID | None) -> None:
        self.buildingClicked.emit(block_id)

    def _activated(self, block_id: uuid.UUID) -> None:
        self.buildingActivated.emit(block_id)

    def _fit_labels(self, scale: float) -> None:
        """Code where it fits the building at ``scale`` (px per metre), name too if room.

        A multi-line label falls back to its first line before it is left out.
        Each line is its own item, so each is centred.
        """
        for i, (room_w, room_h) in enumerate(self._rooms):
            space_w = room_w * scale * LABEL_MARGIN
            space_h = room_h * scale * LABEL_MARGIN
            heads, name = self._heads[i], self._names[i]
            text = self._head_texts[i].strip() if i < len(self._head_texts) else ""
            chosen: list[tuple[str, float, float]] = []
            for option in dict.fromkeys((text, text.split("\n", 1)[0].strip())):
                sizes = [(line, *self._measure(line)) for line in option.split("\n")]
                if option and max(w for _, w, _ in sizes) <= space_w and (
                        sum(h for _, _, h in sizes) <= space_h):
                    chosen = sizes
                    break
            named = name.boundingRect()
            height = sum(h for _, _, h in chosen)
            with_name = bool(chosen) and bool(name.text()) and named.width() <= space_w and (
                height + named.height() <= space_h)
            if with_name:
                chosen.append((name.text(), named.width(), named.height()))
                height += named.height()
            while len(heads) < len(chosen):
                heads.append(self._label(self._head_font))
            items = [*heads[:len(chosen) - with_name], *([name] if with_name else [])]
            brush = self._text_brush(self._colours[i]) if i < len(self._colours) else None
            anchor = self._anchors[i]
            y = -height / 2
            for item, (line, width, line_height) in zip(items, chosen, strict=True):
                if item is not name:
                    item.setText(line)
                    if brush is not None:
                        item.setBrush(brush)
                # ItemIgnoresTransformations: offsets are in pixels around the anchor.
                item.setPos(anchor)
                item.setTransform(QTransform.fromTranslate(-width / 2, y))
                item.setVisible(True)
                y += line_height
            for item in heads[len(chosen) - with_name:]:
                item.setVisible(False)
            name.setVisible(with_name)

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
