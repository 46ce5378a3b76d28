"""The stacking plan (楼栋租控图): a building as rows of floors, units as blocks by area.

It needs no drawing at all, which is the point: every building with a unit
register gets a map. Rows come top floor first, each unit a rectangle whose
width is its share of the widest floor's area, so floors compare at a glance.
Like the floor plan, each unit is one plain item carrying its id in
``data(UNIT_ID)``, with shared brushes, and the view only shows and emits:
colours, labels and the totals text come in as data.

On screen a 60-floor tower must stay readable, so the screen and the paper
differ. On screen the view fits the plan's width and stretches rows to a
readable height (the two axes scale apart: a block's height means nothing),
the tower scrolls, every text is drawn at the UI font's size whatever the
zoom (a label that does not fit its block at that size is shortened to the
code's local part, then hidden, never shrunk), and the floor names are painted
in viewport coordinates, pinned at the left edge while the rows slide under
them. As on any page that scrolls, the wheel scrolls and Ctrl+wheel zooms.
On paper (:meth:`StackingPlanView.render_to`) the scene is drawn as one
picture: the name column and the totals are scene text, and labels scale
with the blocks.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPen,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QStyle,
    QWidget,
)

from views.map_canvas import MapCanvas, MapStyle

# Scene layout, in scene units (the paper's picture; the screen stretches it).
PLAN_WIDTH = 1000.0  # the widest floor's units fill this
ROW_HEIGHT = 40.0
ROW_GAP = 6.0
ROW_STEP = ROW_HEIGHT + ROW_GAP
COLUMN_GAP = 10.0  # between the name column, the blocks and the totals
CELL_PAD = 10.0  # inside the name column
MIN_NAME_WIDTH = 56.0
SLIVER = 6.0  # the narrowest a block gets, so a unit of no area stays clickable
LABEL_PX = 12  # unit labels on paper
NAME_PX = 13  # floor names on paper (bold)
TOTALS_PX = 12
LABEL_PAD = 3.0  # a label keeps this far inside its block (scene units on paper, px on screen)
LABEL_SCALES = (1.0, 0.85, 0.7)  # on paper a label may shrink this far before it is left out

# On screen, in pixels.
MIN_ROW_PX = 36.0  # no row is drawn shorter; more when two lines of the UI font need it
PIN_PAD = 8.0  # around a pinned floor name
PIN_MIN = 40.0  # the narrowest the pinned name column gets
GAP_PX = 8.0  # between the pinned names, the blocks and the totals
EDGE_PX = 4.0  # around the plan
MAX_SCALE = 40.0  # px per scene unit across: zooming in stops there
ZOOM_BLOCK_SHARE = 1 / 3  # zoom to selection: the block fills this share of the width

TRACK_FILL = "#f5f6f8"  # the floor's band behind its blocks
NAME_FILL = "#e9ecf0"  # the floor's name cell (pinned on screen, a column on paper)
NAME_SELECTED = "#c6d4e6"  # a selected floor's pinned cell
NAME_TEXT = "#1f2933"
NAME_RULE = "#c3cad3"  # the edge of the pinned column
TOTALS_TEXT = "#3e4c59"

_IGNORES_ZOOM = QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations


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
    floorClicked = Signal(int)  # the row (0 = top floor) whose pinned name was clicked
    floorActivated = Signal(int)  # ... double-clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self._rows: list[StackRow] = []
        self._plan_width = PLAN_WIDTH
        self._style: MapStyle | None = None
        self._rooms: list[QRectF] = []  # each block's rectangle, in block order
        self._left = self._right = 0.0  # where the blocks run, in scene units
        self._paper = False  # drawing for render_to: scene text, labels scale with blocks
        self._paper_items: list[QGraphicsItem] = []  # name column and totals at scene size
        self._screen_totals: list[QGraphicsSimpleTextItem] = []  # totals at the UI size
        # A block's label, one item per line: on screen (UI size) and on paper (scaled).
        self._labels: list[list[QGraphicsSimpleTextItem]] = []
        self._paper_labels: list[list[QGraphicsSimpleTextItem]] = []
        self._shown: list[tuple[str, ...]] = []  # the lines each block shows on screen
        self._forms: list[list[tuple[str, ...]] | None] = []  # a block's label forms (lazy)
        self._label_font = QFont()  # on paper, in scene units
        self._screen_font = QFont()  # on screen: the UI font
        self._pin_font = QFont()
        self._sizes: dict[tuple[bool, str], tuple[float, float]] = {}  # (screen, text) -> size
        self._measure = {False: QGraphicsSimpleTextItem(), True: QGraphicsSimpleTextItem()}
        self._pin_width = PIN_MIN
        self._totals_px = 0.0
        self._row_px = MIN_ROW_PX
        self._min_text = (0.0, 0.0)  # the smallest label there can be, on screen
        self._floor: int | None = None  # the selected floor's row

    # -- content ---------------------------------------------------------------------

    def show_building(self, rows: Sequence[StackRow], plan_width: float = PLAN_WIDTH) -> None:
        """Replace the plan: ``rows`` in display order (top floor first).

        ``plan_width`` is what the widest floor's blocks span, in scene units.
        """
        names_before = [row.name for row in self._rows]
        self._clear()
        self._plan_width = plan_width
        self._style = None
        scene = self.scene()
        self._rows = list(rows)
        self._rooms = []
        if [row.name for row in self._rows] != names_before:
            self._floor = None
        self._label_font = self._sized_font(LABEL_PX)
        self._screen_font = QFont(self.font())
        self._pin_font = QFont(self._screen_font)
        self._pin_font.setBold(True)
        self._measure[False].setFont(self._label_font)
        self._measure[True].setFont(self._screen_font)
        self._sizes = {}
        self._paper_items, self._screen_totals = [], []
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
        self._left, self._right = left, right
        totals_right = right + COLUMN_GAP + totals_width
        no_pen = QPen(Qt.PenStyle.NoPen)
        name_brush, track_brush = self._brushes(NAME_FILL), self._brushes(TRACK_FILL)
        for r, row in enumerate(self._rows):
            top = r * ROW_STEP
            middle = top + ROW_HEIGHT / 2
            cell = scene.addRect(QRectF(0, top, name_width, ROW_HEIGHT), no_pen, name_brush)
            track = scene.addRect(QRectF(left, top, right - left, ROW_HEIGHT), no_pen,
                                  track_brush)
            track.setZValue(-1)
            size = names[r].boundingRect()
            names[r].setPos((name_width - size.width()) / 2, middle - size.height() / 2)
            size = totals[r].boundingRect()
            totals[r].setPos(totals_right - size.width(), middle - size.height() / 2)
            self._paper_items += [cell, names[r], totals[r]]
            self._screen_totals.append(self._screen_total(row.totals, right, middle))
            x = left
            for unit, width in zip(row.units, widths[r], strict=True):
                room = QRectF(x, top, width, ROW_HEIGHT)
                self._add_block(QGraphicsRectItem(room), unit.id, unit.card)
                self._rooms.append(room)
                x += width
        for item in self._paper_items:
            item.setVisible(False)
        # Lines are made when first shown.
        self._labels = [[] for _ in self._rooms]
        self._paper_labels = [[] for _ in self._rooms]
        self._shown = [()] * len(self._rooms)
        self._forms = [None] * len(self._rooms)
        pin = QFontMetricsF(self._pin_font)
        self._pin_width = math.ceil(max([PIN_MIN, *(pin.horizontalAdvance(row.name)
                                                    + 2 * PIN_PAD for row in self._rows)]))
        self._totals_px = max([0.0, *(t.boundingRect().width() for t in self._screen_totals)])
        self._min_text = self._size("0", True)
        self._row_px = max(MIN_ROW_PX, 2 * self._min_text[1] + 2 * LABEL_PAD + 2)
        rows_height = max(len(self._rows) * ROW_STEP - ROW_GAP, 0.0)
        scene.setSceneRect(QRectF(0, 0, totals_right, rows_height).adjusted(-8, -8, 8, 8))
        self._paper = False
        self._fitted = True
        self.fit()

    def apply_style(self, style: MapStyle) -> None:
        """Colour, label and outline every unit as ``style`` says (row 0's units first)."""
        self._style = style
        self._paint_blocks(style.colours, style.outlined)
        self._card_of = style.card
        self._forms = [None] * len(self._rooms)
        for lines in self._labels:
            for line in lines:
                line.setVisible(False)
        self._shown = [()] * len(self._rooms)
        if self._paper:
            self._place_paper_labels()
        else:
            self._place_screen_labels()

    def render_to(self, painter: QPainter, target: QRectF) -> float:
        """Paint the plan into ``target`` as paper shows it, rows widened to its shape first.

        A 60-floor tower is tall and narrow; on a landscape page the blocks are
        laid out wider so they fill the page and their labels fit. The screen's
        layout, selection and view come back as they were.
        """
        rect = self.scene().sceneRect()
        if rect.isEmpty() or target.isEmpty():
            return 0.0
        wanted = rect.height() * target.width() / target.height()
        extra = wanted - rect.width()
        widen = extra >= 0.05 * rect.width()
        rows, width, style = self._rows, self._plan_width, self._style
        selected, outlined, fitted = self._selected, self._outlined, self._fitted
        transform = self.transform()
        scroll = (self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        if widen:
            self._relayout(rows, width + extra, style, selected)
        self._set_paper(True)
        try:
            source = self.scene().sceneRect()
            self.scene().render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
        finally:
            self._set_paper(False)
            if widen:
                self._relayout(rows, width, style, selected)
            self._outlined = outlined
            self._set_scales(transform.m11(), transform.m22())
            self.horizontalScrollBar().setValue(scroll[0])
            self.verticalScrollBar().setValue(scroll[1])
            self._fitted = fitted
            self._place_screen_labels()  # for the screen's zoom, not the refitted one
        return 0.0

    def unit_ids(self) -> list[uuid.UUID]:
        """The units in block order (row 0's first), as styles are aligned."""
        return self.block_ids()

    def unit_at(self, pos: QPoint) -> uuid.UUID | None:
        """The unit under a viewport position, or None."""
        return self.block_at(pos)

    def select_unit(self, unit_id: uuid.UUID | None, centre: bool = False) -> None:
        """Highlight one unit; ``centre`` scrolls it into view (a tall building)."""
        self._select(unit_id)
        if unit_id is not None:
            self.select_floor(None)
        item = None if unit_id is None else self.item_for(unit_id)
        if centre and item is not None:  # clear of the pinned names
            self.ensureVisible(item.sceneBoundingRect(), self._pin_width + 40, 40)

    def selected_unit(self) -> uuid.UUID | None:
        return self._selected

    def visible_label_count(self) -> int:
        labels = self._paper_labels if self._paper else self._labels
        return sum(1 for lines in labels if lines and lines[0].isVisible())

    def shown_label(self, unit_id: uuid.UUID) -> str:
        """The label a unit shows on screen, its lines joined by newlines ("" if none)."""
        i = self._index.get(unit_id)
        return "" if i is None else "\n".join(self._shown[i])

    def label_font(self) -> QFont:
        """The font of unit labels on screen (the UI font: they never shrink below it)."""
        return QFont(self._screen_font)

    def row_height_px(self) -> float:
        """How tall a floor's row is on screen now."""
        return ROW_HEIGHT * abs(self.transform().m22())

    # -- floors ----------------------------------------------------------------------

    def floor_names(self) -> list[str]:
        return [row.name for row in self._rows]

    def select_floor(self, row: int | None) -> None:
        """Highlight a floor's pinned name (None: no floor)."""
        if row is not None and not 0 <= row < len(self._rows):
            row = None
        if row != self._floor:
            self._floor = row
            self._update_pins()

    def selected_floor(self) -> int | None:
        return self._floor

    def pinned_width(self) -> int:
        """The width of the pinned floor names at the viewport's left edge, in pixels."""
        return int(self._pin_width) if self._rows and not self._paper else 0

    def pinned_floors(self) -> list[tuple[QRectF, str]]:
        """The pinned name cells in view, top first: viewport rectangle and floor name."""
        if not self._rows or self._paper:
            return []
        height = self.viewport().height()
        cells = []
        for r in self._rows_in_view():
            cell = self._pin_cell(r)
            if cell.bottom() > 0 and cell.top() < height:
                cells.append((cell, self._rows[r].name))
        return cells

    def floor_at(self, pos: QPoint) -> int | None:
        """The floor whose pinned name is under a viewport position, or None."""
        if not self._rows or self._paper or not 0 <= pos.x() < self._pin_width:
            return None
        y = self.mapToScene(pos).y()
        r = math.floor(y / ROW_STEP)
        if 0 <= r < len(self._rows) and y - r * ROW_STEP <= ROW_HEIGHT:
            return r
        return None

    # -- navigation ------------------------------------------------------------------

    def fit(self) -> None:
        """Fit the plan's width, its rows stretched to a readable height: a tall building
        starts at its top floor with the rest a scroll away."""
        if not self._rows:
            self.setSceneRect(self.scene().sceneRect())  # not the last building's
            super().fit()
            return
        view = self.viewport().size()
        if self.verticalScrollBar().isVisible():  # measure as if there were none
            view = QSize(view.width() + self.verticalScrollBar().width(), view.height())
        sx, sy = self._fitting_scales(view.width())
        if self._rows_height() * sy + 2 * EDGE_PX > view.height():  # a scroll bar will show
            bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            sx, sy = self._fitting_scales(view.width() - bar)
        self._fitting = True
        try:
            self._set_scales(sx, sy)
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
            self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())
        finally:
            self._fitting = False
        self._fitted = True
        self._fit_labels(sx)

    def zoom(self, factor: float) -> None:
        """Zoom under the mouse; not out past readable rows, nor in without end."""
        if not self._rows:
            super().zoom(factor)
            return
        sx, sy = self._scales()
        factor = min(max(factor, self._row_px / (ROW_HEIGHT * sy)), MAX_SCALE / sx)
        if abs(factor - 1) < 1e-6:
            return
        self._update_scene_rect(sx * factor, sy * factor)
        self.scale(factor, factor)
        self._fitted = False
        self._fit_labels(sx * factor)

    def zoom_to_selection(self) -> None:
        """Zoom in until the selected block fills a third of the width, and centre it."""
        item = None if self._selected is None else self.item_for(self._selected)
        if item is None:
            return
        rect = item.sceneBoundingRect()
        wanted = self.viewport().width() * ZOOM_BLOCK_SHARE
        shown = max(rect.width() * self._scales()[0], 1.0)
        if shown < wanted:
            self.zoom(wanted / shown)
        self.centerOn(rect.center())
        self._fitted = False

    # -- hooks -----------------------------------------------------------------------

    def _clicked(self, block_id: uuid.UUID | None) -> None:
        self.unitClicked.emit(block_id)

    def _activated(self, block_id: uuid.UUID) -> None:
        self.unitActivated.emit(block_id)

    def _fit_labels(self, scale: float) -> None:
        if not self._paper:
            self._place_screen_labels()

    def block_at(self, pos: QPoint) -> uuid.UUID | None:
        """The block under a viewport position; the pinned names hide what is under them."""
        if self._rows and not self._paper and 0 <= pos.x() < self._pin_width:
            return None
        return super().block_at(pos)

    # -- events ----------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        """The wheel scrolls the tower; with Ctrl held it zooms under the mouse."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
        else:
            QGraphicsView.wheelEvent(self, event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        click = (self._press is not None and (pos - self._press).manhattanLength() < 4
                 and event.button() == Qt.MouseButton.LeftButton)
        row = self.floor_at(pos) if click else None
        super().mouseReleaseEvent(event)  # a unit, or None on a pinned name
        if click:
            self.select_floor(row)
            if row is not None:
                self.floorClicked.emit(row)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        row = self.floor_at(event.position().toPoint())
        if row is not None:
            self.floorActivated.emit(row)
            return
        super().mouseDoubleClickEvent(event)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        if dx:  # the scroll moved the pinned names' pixels along with the rows
            self.viewport().update(QRect(0, 0, int(self._pin_width) + abs(dx) + 2,
                                         self.viewport().height()))

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        """The floor names, in viewport coordinates at the left edge, over the rows."""
        super().drawForeground(painter, rect)
        if not self._rows or self._paper:
            return
        painter.save()
        # From viewport coordinates to the device, whether painting the widget or
        # rendering it into an image.
        inverse, _ok = self.viewportTransform().inverted()
        painter.setWorldTransform(inverse * painter.worldTransform())
        width, height = float(self._pin_width), float(self.viewport().height())
        painter.fillRect(QRectF(0, 0, width, height), self.backgroundBrush())
        painter.setFont(self._pin_font)
        for r in self._rows_in_view():
            cell = self._pin_cell(r)
            fill = NAME_SELECTED if r == self._floor else NAME_FILL
            painter.fillRect(cell, QColor(fill))
            painter.setPen(QColor(NAME_TEXT))
            painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, self._rows[r].name)
        painter.setPen(QPen(QColor(NAME_RULE), 1))
        painter.drawLine(QPointF(width - 0.5, 0), QPointF(width - 0.5, height))
        painter.restore()

    # -- internals: screen -----------------------------------------------------------

    def _scales(self) -> tuple[float, float]:
        t = self.transform()
        return abs(t.m11()) or 1.0, abs(t.m22()) or 1.0

    def _fitting_scales(self, width: float) -> tuple[float, float]:
        """Across: the blocks fill ``width`` px beside the pinned names and the totals;
        down: as much, or more so a row is readable."""
        fixed = self._pin_width + 2 * GAP_PX + self._totals_px + EDGE_PX + 2
        sx = max((width - fixed) / max(self._right - self._left, 1.0), 1e-3)
        return sx, max(sx, self._row_px / ROW_HEIGHT)

    def _set_scales(self, sx: float, sy: float) -> None:
        self._update_scene_rect(sx, sy)
        self.setTransform(QTransform.fromScale(sx, sy))

    def _update_scene_rect(self, sx: float, sy: float) -> None:
        """What the view scrolls over at these scales: the blocks, with pixels to spare at
        the left for the pinned names and at the right for the totals."""
        top, bottom = -EDGE_PX / sy, self._rows_height() + EDGE_PX / sy
        left = self._left - (self._pin_width + GAP_PX) / sx
        right = self._right + (GAP_PX + self._totals_px + EDGE_PX) / sx
        self.setSceneRect(QRectF(left, top, right - left, bottom - top))

    def _rows_height(self) -> float:
        return max(len(self._rows) * ROW_STEP - ROW_GAP, 0.0)

    def _rows_in_view(self) -> range:
        top = self.mapToScene(QPoint(0, 0)).y()
        bottom = self.mapToScene(QPoint(0, self.viewport().height())).y()
        first = max(0, math.floor(top / ROW_STEP))
        return range(first, min(len(self._rows), math.floor(bottom / ROW_STEP) + 1))

    def _pin_cell(self, r: int) -> QRectF:
        transform = self.viewportTransform()
        top = transform.map(QPointF(self._left, r * ROW_STEP)).y()
        bottom = transform.map(QPointF(self._left, r * ROW_STEP + ROW_HEIGHT)).y()
        return QRectF(0, top, self._pin_width, bottom - top)

    def _update_pins(self) -> None:
        self.viewport().update(QRect(0, 0, int(self._pin_width) + 1, self.viewport().height()))

    def _screen_total(self, text: str, x: float, middle: float) -> QGraphicsSimpleTextItem:
        item = QGraphicsSimpleTextItem(text)
        item.setFont(self._screen_font)
        item.setBrush(self._brushes(TOTALS_TEXT))
        item.setFlag(_IGNORES_ZOOM)
        item.setZValue(1)
        item.setPos(x, middle)
        # Ignoring the zoom, the offset is in pixels: just right of the blocks, centred.
        item.setTransform(QTransform.fromTranslate(GAP_PX, -item.boundingRect().height() / 2))
        self.scene().addItem(item)
        return item

    def _place_screen_labels(self) -> None:
        """Give each block the fullest label form that fits it at the UI font's size.

        Forms run from the whole label down to the code's local part; a block
        too small for every one shows nothing. Only changed labels are touched.
        """
        style = self._style
        if style is None or self._paper:
            return
        sx, sy = self._scales()
        min_w, min_h = self._min_text
        for i, room in enumerate(self._rooms):
            space_w = room.width() * sx - 2 * LABEL_PAD
            space_h = room.height() * sy - 2 * LABEL_PAD
            shown: tuple[str, ...] = ()
            if space_w >= min_w and space_h >= min_h:
                for form in self._label_forms(i):
                    sizes = [self._size(line, True) for line in form]
                    if (max(w for w, _ in sizes) <= space_w
                            and sum(h for _, h in sizes) <= space_h):
                        shown = form
                        break
            if shown != self._shown[i]:
                self._show_lines(i, shown)

    def _show_lines(self, i: int, shown: tuple[str, ...]) -> None:
        lines = self._labels[i]
        self._shown[i] = shown
        while len(lines) < len(shown):
            lines.append(self._new_line(screen=True))
        if shown:
            assert self._style is not None
            brush = self._text_brush(self._style.colours[i])
            sizes = [self._size(line, True) for line in shown]
            centre = self._rooms[i].center()
            y = -sum(h for _, h in sizes) / 2
            for line, text, (width, height) in zip(lines, shown, sizes, strict=False):
                line.setText(text)
                line.setBrush(brush)
                line.setPos(centre)
                line.setTransform(QTransform.fromTranslate(-width / 2, y))  # pixels
                line.setVisible(True)
                y += height
        for line in lines[len(shown):]:
            line.setVisible(False)

    def _label_forms(self, i: int) -> list[tuple[str, ...]]:
        forms = self._forms[i]
        if forms is None:
            assert self._style is not None
            forms = self._forms[i] = label_forms(self._style.label(i),
                                                 self._style.short_label(i))
        return forms

    # -- internals: paper ------------------------------------------------------------

    def _relayout(self, rows: Sequence[StackRow], width: float, style: MapStyle | None,
                  selected: uuid.UUID | None) -> None:
        floor = self._floor
        self.show_building(rows, width)
        if style is not None:
            self.apply_style(style)
        self._select(selected)
        self._floor = floor

    def _set_paper(self, paper: bool) -> None:
        """Switch between the screen's texts and the paper's (see the module docstring)."""
        self._paper = paper
        for item in self._paper_items:
            item.setVisible(paper)
        for item in self._screen_totals:
            item.setVisible(not paper)
        if paper:
            for lines in self._labels:
                for line in lines:
                    line.setVisible(False)
            self._place_paper_labels()
        else:
            for lines in self._paper_labels:
                for line in lines:
                    line.setVisible(False)
            for lines, shown in zip(self._labels, self._shown, strict=True):
                for k, line in enumerate(lines):
                    line.setVisible(k < len(shown))

    def _place_paper_labels(self) -> None:
        """Labels as scene text, scaled with the blocks and shrunk a little where need be."""
        style = self._style
        if style is None:
            return
        for i, room in enumerate(self._rooms):
            lines = self._paper_labels[i]
            fitted = (self._fit_text(self._label_forms(i), room)
                      if room.width() > 2 * LABEL_PAD + LABEL_PX else None)
            if fitted is None:
                for line in lines:
                    line.setVisible(False)
                continue
            shown, scale, sizes = fitted
            while len(lines) < len(shown):
                lines.append(self._new_line(screen=False))
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

    def _fit_text(self, forms: Sequence[tuple[str, ...]], room: QRectF,
                  ) -> tuple[tuple[str, ...], float, list[tuple[float, float]]] | None:
        """The fullest way to write a label in ``room`` on paper: its lines, scale and sizes.

        Lines are separate items so each can be centred in the block.
        """
        space_w = room.width() - 2 * LABEL_PAD
        space_h = room.height() - 2 * LABEL_PAD
        for scale in LABEL_SCALES:
            for lines in forms:
                sizes = [self._size(line, False) for line in lines]
                if (max(w for w, _ in sizes) * scale <= space_w
                        and sum(h for _, h in sizes) * scale <= space_h):
                    return lines, scale, sizes
        return None

    # -- internals: both -------------------------------------------------------------

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

    def _size(self, text: str, screen: bool) -> tuple[float, float]:
        key = (screen, text)
        size = self._sizes.get(key)
        if size is None:
            measure = self._measure[screen]
            measure.setText(text)
            rect = measure.boundingRect()
            size = self._sizes[key] = (rect.width(), rect.height())
        return size

    def _new_line(self, screen: bool) -> QGraphicsSimpleTextItem:
        line = QGraphicsSimpleTextItem()
        line.setFont(self._screen_font if screen else self._label_font)
        line.setZValue(1)
        if screen:
            line.setFlag(_IGNORES_ZOOM)
        self.scene().addItem(line)
        return line


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


def label_forms(text: str, short: str = "") -> list[tuple[str, ...]]:
    """A label's forms as lines, fullest first, with the code's local part ``short`` standing
    in for the code where the whole code does not fit.

    The code is the label's first word (map labels start with it). The order
    keeps what tells units apart longest: ``ZD-A-0601 / 华为``, then ``0601 / 华为``,
    then the code alone, then ``0601`` alone. ``short`` is used only when the code
    ends with it, so a stray short form never puts a wrong name on a block.
    """
    forms = [tuple(option.split("\n")) for option in label_options(text)]
    if not forms:
        return []
    code = forms[-1][0]
    fuller = [form for form in forms if form != (code,)]
    result = [*fuller]
    short = short.strip()
    shorter = bool(short) and short != code and code.endswith(short)
    if shorter:
        result += [(form[0].replace(code, short, 1), *form[1:]) for form in fuller]
    result.append((code,))
    if shorter:
        result.append((short,))
    return list(dict.fromkeys(result))
