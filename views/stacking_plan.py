"""The stacking plan (楼栋租控图): a building as rows of floors, units as blocks by area.

It needs no drawing at all, which is the point: every building with a unit
register gets a map. Rows come top floor first, each unit a rectangle whose
width is its share of the widest floor's area, so floors compare at a glance.
The scene is laid out in plain units (no y flip) and its text scales with it,
so what is printed is what is seen. Like the floor plan, each unit is one plain
item carrying its id in ``data(UNIT_ID)``, with shared brushes, and the view
only shows and emits: colours, labels and the totals text come in as data.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
    QStyle,
    QWidget,
)

from views.map_canvas import MapCanvas, MapStyle

# Scene layout, in scene units (one unit is one pixel at 100 % zoom).
PLAN_WIDTH = 1000.0  # the widest floor's units fill this
ROW_HEIGHT = 40.0
ROW_GAP = 6.0
COLUMN_GAP = 10.0  # between the name column, the blocks and the totals
CELL_PAD = 10.0  # inside the name column
MIN_NAME_WIDTH = 56.0
SLIVER = 6.0  # the narrowest a block gets, so a unit of no area stays clickable
LABEL_PX = 12  # unit labels
NAME_PX = 13  # floor names (bold)
TOTALS_PX = 12
LABEL_PAD = 3.0  # a label keeps this far inside its block
LABEL_SCALES = (1.0, 0.85, 0.7)  # a label may shrink this far before it is left out
MIN_ROW_PX = 24.0  # rows shorter on screen than this: fit() fits the width and scrolls

TRACK_FILL = "#f5f6f8"  # the floor's band behind its blocks
NAME_FILL = "#e9ecf0"
NAME_TEXT = "#1f2933"
TOTALS_TEXT = "#3e4c59"


@dataclass(frozen=True)
class StackBlock:
    """A unit in a stacking plan row: its id, area (m²) and hover card."""

    id: uuid.UUID
    area: float  # m²; 0 (unknown) still gets a sliver so it can be clicked
    card: str = ""  # hover card rich text


@dataclass(frozen=True)
class StackRow:
    """A floor as the stacking plan draws it; ``totals`` is already formatted by the caller."""

    name: str  # e.g. "12F"
    units: tuple[StackBlock, ...]
    totals: str = ""  # e.g. "1,250 m² · 82%"


class StackingPlanView(MapCanvas):
    """A building's floors as rows of unit blocks, widths by area, totals at the right."""

    unitClicked = Signal(object)  # uuid.UUID, or None for empty space
    unitActivated = Signal(object)  # double click

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[StackRow] = []
        self._plan_width = PLAN_WIDTH
        self._style: MapStyle | None = None
        self._rooms: list[QRectF] = []  # each block's rectangle, in block order
        self._labels: list[list[QGraphicsSimpleTextItem]] = []  # a block's label, by line
        self._label_font = QFont()
        self._sizes: dict[str, tuple[float, float]] = {}  # label text -> its size
        self._measure_item = QGraphicsSimpleTextItem()

    # -- content ---------------------------------------------------------------------

    def show_building(self, rows: Sequence[StackRow], plan_width: float = PLAN_WIDTH) -> None:
        """Replace the plan: ``rows`` in display order (top floor first).

        ``plan_width`` is what the widest floor's blocks span, in scene units.
        """
        self._clear()
        self._plan_width = plan_width
        scene = self.scene()
        self._rows = list(rows)
        self._rooms, self._labels = [], []
        self._label_font = self._sized_font(LABEL_PX)
        self._measure_item.setFont(self._label_font)
        self._sizes = {}
        names = [self._text(row.name, self._sized_font(NAME_PX, bold=True), NAME_TEXT)
                 for row in self._rows]
        totals = [self._text(row.totals, self._sized_font(TOTALS_PX), TOTALS_TEXT)
                  for row in self._rows]
        name_width = max([MIN_NAME_WIDTH, *(n.boundingRect().width() + 2 * CELL_PAD
                                            for n in names)])
        totals_width = max([0.0, *(t.boundingRect().width() for t in totals)])
        widths = block_widths([[u.area for u in row.units] for row in self._rows], plan_width)
        left = name_width + COLUMN_GAP
        right = left + max([plan_width, *(sum(w) for w in widths)])
        totals_right = right + COLUMN_GAP + totals_width
        no_pen = QPen(Qt.PenStyle.NoPen)
        name_brush, track_brush = self._brushes(NAME_FILL), self._brushes(TRACK_FILL)
        for r, row in enumerate(self._rows):
            top = r * (ROW_HEIGHT + ROW_GAP)
            middle = top + ROW_HEIGHT / 2
            scene.addRect(QRectF(0, top, name_width, ROW_HEIGHT), no_pen, name_brush)
            track = scene.addRect(QRectF(left, top, right - left, ROW_HEIGHT), no_pen,
                                  track_brush)
            track.setZValue(-1)
            size = names[r].boundingRect()
            names[r].setPos((name_width - size.width()) / 2, middle - size.height() / 2)
            size = totals[r].boundingRect()
            totals[r].setPos(totals_right - size.width(), middle - size.height() / 2)
            x = left
            for unit, width in zip(row.units, widths[r], strict=True):
                room = QRectF(x, top, width, ROW_HEIGHT)
                self._add_block(QGraphicsRectItem(room), unit.id, unit.card)
                self._rooms.append(room)
                x += width
        self._labels = [[] for _ in self._rooms]  # lines are made when first shown
        rect = scene.itemsBoundingRect()
        scene.setSceneRect(rect.adjusted(-8, -8, 8, 8))
        self._fitted = True
        self.fit()

    def apply_style(self, style: MapStyle) -> None:
        """Colour, label and outline every unit as ``style`` says (row 0's units first)."""
        self._style = style
        self._paint_blocks(style.colours, style.outlined)
        self._card_of = style.card
        for i, room in enumerate(self._rooms):
            lines = self._labels[i]
            text = style.label(i) if room.width() > 2 * LABEL_PAD + LABEL_PX else ""
            fitted = self._fit_text(text, room) if text else None
            if fitted is None:
                for line in lines:
                    line.setVisible(False)
                continue
            shown, scale, sizes = fitted
            while len(lines) < len(shown):
                lines.append(self._new_line())
            brush = self._text_brush(style.colours[i])
            centre = room.center()
            y = centre.y() - sum(h for _, h in sizes) * scale / 2
            for line, text_line, (width, height) in zip(lines, shown, sizes, strict=False):
                line.setText(text_line)
                line.setScale(scale)
                line.setPos(centre.x() - width * scale / 2, y)
                line.setBrush(brush)
                line.setVisible(True)
                y += height * scale
            for line in lines[len(shown):]:
                line.setVisible(False)

    def render_to(self, painter: QPainter, target: QRectF) -> float:
        """Paint the plan into ``target``, its rows widened to the target's shape first.

        A 60-floor tower is tall and narrow on screen; on a landscape page the
        blocks are laid out wider so they fill the page and their labels fit.
        """
        rect = self.scene().sceneRect()
        if rect.isEmpty() or target.isEmpty():
            return 0.0
        wanted = rect.height() * target.width() / target.height()
        extra = wanted - rect.width()
        if extra < 0.05 * rect.width():
            return super().render_to(painter, target)
        rows, width, style = self._rows, self._plan_width, self._style
        selected, outlined, fitted = self._selected, self._outlined, self._fitted
        transform = self.transform()
        scroll = (self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        self.show_building(rows, width + extra)
        if style is not None:
            self.apply_style(style)
        self._select(selected)
        try:
            return super().render_to(painter, target)
        finally:  # the screen's layout, selection and view come back as they were
            self.show_building(rows, width)
            if style is not None:
                self.apply_style(style)
            self._select(selected)
            self._outlined = outlined
            self.setTransform(transform)
            self.horizontalScrollBar().setValue(scroll[0])
            self.verticalScrollBar().setValue(scroll[1])
            self._fitted = fitted

    def unit_ids(self) -> list[uuid.UUID]:
        """The units in block order (row 0's first), as styles are aligned."""
        return self.block_ids()

    def unit_at(self, pos: QPoint) -> uuid.UUID | None:
        """The unit under a viewport position, or None."""
        return self.block_at(pos)

    def select_unit(self, unit_id: uuid.UUID | None, centre: bool = False) -> None:
        """Highlight one unit; ``centre`` scrolls it into view (a tall building)."""
        self._select(unit_id, centre)

    def selected_unit(self) -> uuid.UUID | None:
        return self._selected

    def visible_label_count(self) -> int:
        return sum(1 for lines in self._labels if lines and lines[0].isVisible())

    # -- navigation ------------------------------------------------------------------

    def fit(self) -> None:
        """Show the whole building, or, when that would make rows unreadable, its full
        width from the top floor down with the rest a scroll away."""
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        view = self.viewport().size()
        if self.verticalScrollBar().isVisible():  # measure as if there were none
            view = QSize(view.width() + self.verticalScrollBar().width(), view.height())
        whole = min(view.width() / rect.width(), view.height() / rect.height())
        if whole * ROW_HEIGHT >= MIN_ROW_PX:
            super().fit()
            return
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        scale = (view.width() - bar - 4) / rect.width()
        self._fitting = True
        try:
            self.resetTransform()
            self.scale(scale, scale)
            visible = self.viewport().height() / scale
            self.centerOn(QPointF(rect.center().x(), rect.top() + visible / 2))
        finally:
            self._fitting = False
        self._fitted = True

    # -- hooks -----------------------------------------------------------------------

    def _clicked(self, block_id: uuid.UUID | None) -> None:
        self.unitClicked.emit(block_id)

    def _activated(self, block_id: uuid.UUID) -> None:
        self.unitActivated.emit(block_id)

    # -- internals -------------------------------------------------------------------

    def _sized_font(self, pixels: int, bold: bool = False) -> QFont:
        """The widget's font (and so the app's CJK families) at a size in scene units."""
        font = QFont(self.font())
        font.setPixelSize(pixels)
        font.setBold(bold)
        return font

    def _text(self, text: str, font: QFont, colour: str) -> QGraphicsSimpleTextItem:
        item = self.scene().addSimpleText(text, font)
        item.setBrush(self._brushes(colour))
        item.setZValue(1)  # above the name cell drawn after it
        return item

    def _size(self, text: str) -> tuple[float, float]:
        size = self._sizes.get(text)
        if size is None:
            self._measure_item.setText(text)
            rect = self._measure_item.boundingRect()
            size = self._sizes[text] = (rect.width(), rect.height())
        return size

    def _new_line(self) -> QGraphicsSimpleTextItem:
        line = QGraphicsSimpleTextItem()
        line.setFont(self._label_font)
        line.setZValue(1)
        self.scene().addItem(line)
        return line

    def _fit_text(self, text: str, room: QRectF,
                  ) -> tuple[list[str], float, list[tuple[float, float]]] | None:
        """The fullest way to write ``text`` in ``room``: its lines, scale and line sizes.

        Lines are separate items so each can be centred in the block.
        """
        space_w = room.width() - 2 * LABEL_PAD
        space_h = room.height() - 2 * LABEL_PAD
        options = [option.split("\n") for option in label_options(text)]
        for scale in LABEL_SCALES:
            for lines in options:
                sizes = [self._size(line) for line in lines]
                if (max(w for w, _ in sizes) * scale <= space_w
                        and sum(h for _, h in sizes) * scale <= space_h):
                    return lines, scale, sizes
        return None


def block_widths(areas: Sequence[Sequence[float]], plan_width: float = PLAN_WIDTH,
                 sliver: float = SLIVER) -> list[list[float]]:
    """Each block's width, one scale for all rows: the largest floor's area fills ``plan_width``.

    Blocks never get narrower than ``sliver`` so every unit can be seen and
    clicked; when no unit has an area, all blocks get the same width, so a
    register without areas still draws as a grid.
    """
    clean = [[a if isinstance(a, int | float) and math.isfinite(a) and a > 0 else 0.0
              for a in row] for row in areas]
    widest = max((sum(row) for row in clean), default=0.0)
    if widest <= 0:
        most = max((len(row) for row in clean), default=0)
        return [[plan_width / most] * len(row) for row in clean]
    k = plan_width / widest
    return [[max(a * k, sliver) for a in row] for row in clean]


def label_options(text: str) -> list[str]:
    """Ways to write a unit label, fullest first: as given, broken at its first space
    (so "A-1201 华为" can stack in a narrow block), then only its first line or word."""
    stripped = text.strip()
    options = [stripped] if stripped else []
    if "\n" not in stripped and " " in stripped:
        stripped = stripped.replace(" ", "\n", 1)
        options.append(stripped)
    first = stripped.split("\n", 1)[0].strip()
    if first and first != stripped:
        options.append(first)
    return options
