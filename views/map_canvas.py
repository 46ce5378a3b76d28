"""What every map view shares: one item per unit, shared brushes, zoom, pan, hover, print.

The floor plan, the stacking plan and the park map are each a
:class:`MapCanvas`: one plain shape item per block carrying its id in
``data(UNIT_ID)`` (a repaint is then what Qt's own scene does, and a recolour
swaps shared brushes), the same pens for selection and outlines, the same click,
double-click and hover-card rules, wheel zoom under the cursor, and one
``render_to`` for paper. Views show and emit; colours and texts come in as a
:class:`MapStyle`.
"""

from __future__ import annotations

import uuid
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QMouseEvent,
    QPainter,
    QPen,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractGraphicsShapeItem,
    QFrame,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
    QWidget,
)

from spatial.ramps import text_colour_on

UNIT_ID = 0  # QGraphicsItem.data key holding the unit's (or building's) uuid
ZOOM_STEP = 1.25
OUTLINE = "#8c8c8c"  # thin neutral block outlines
EMPTY_FILL = "#e6e6e6"  # before the first style arrives
_IGNORES_ZOOM = QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations


@dataclass(frozen=True)
class MapStyle:
    """How to draw every shape, in the order of the shapes: colour, label, outline, card.

    Labels and cards may be given as a function of the shape's position: a view
    asks only for those it shows, so a 20,000-unit mode switch formats none.
    """

    colours: Sequence[str]
    labels: Sequence[str] | Callable[[int], str] = ()
    outlined: frozenset[uuid.UUID] = field(default_factory=frozenset)  # e.g. overdue tenants
    card: Callable[[int], str] | None = None  # hover card rich text; else the shape's own
    # What may stand for a label's first line (the unit code) where the code does not
    # fit: its local part (``0601`` for ``ZD-A-0601``); empty: no shorter form.
    short_labels: Sequence[str] | Callable[[int], str] = ()

    def label(self, i: int) -> str:
        if callable(self.labels):
            return self.labels(i)
        return self.labels[i] if i < len(self.labels) else ""

    def short_label(self, i: int) -> str:
        if callable(self.short_labels):
            return self.short_labels(i)
        return self.short_labels[i] if i < len(self.short_labels) else ""


class BrushCache:
    """One QBrush per colour: shared brushes make a recolour a pointer swap per item."""

    def __init__(self) -> None:
        self._brushes: dict[str, QBrush] = {}

    @property
    def table(self) -> dict[str, QBrush]:
        """The brushes made so far, by colour (for lookups in bulk)."""
        return self._brushes

    def __call__(self, colour: str) -> QBrush:
        brush = self._brushes.get(colour)
        if brush is None:
            brush = self._brushes[colour] = QBrush(QColor(colour))
        return brush


class HoverCard(QLabel):
    """The small card that follows the pointer over a unit."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setMargin(6)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def show_at(self, text: str, pos: QPoint) -> None:
        self.setText(text)
        self.adjustSize()
        area = self.parentWidget().rect()
        x = min(pos.x() + 16, area.width() - self.width() - 2)
        y = min(pos.y() + 16, area.height() - self.height() - 2)
        self.move(max(0, x), max(0, y))
        self.show()
        self.raise_()


class MapCanvas(QGraphicsView):
    """Clickable coloured blocks, one item each: zoom, pan, select, hover card, print.

    What the stacking plan and the park map share, working as the floor plan
    does (same pens, click and double-click rules, card, wheel zoom), so the
    three maps feel the same. Subclasses lay out the items and name the signals.
    """

    scene_in_metres = False  # scene units are metres (plans and site maps): a scale bar fits

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.setBackgroundBrush(QColor("#ffffff"))
        self._brushes = BrushCache()
        self._text_brushes: dict[str, QBrush] = {}  # text colour by fill colour
        self._items: list[QAbstractGraphicsShapeItem] = []
        self._index: dict[uuid.UUID, int] = {}
        self._ids: list[uuid.UUID] = []
        self._cards: list[str] = []
        self._card_of: Callable[[int], str] | None = None
        self._base_pens: list[QPen] = []
        self._selected: uuid.UUID | None = None
        self._outlined: frozenset[uuid.UUID] = frozenset()
        self._block_pen = QPen(QColor(OUTLINE), 0)
        self._outline_pen = QPen(QColor("#c00000"), 3)
        self._outline_pen.setCosmetic(True)
        self._selected_pen = QPen(QColor("#000000"), 3)
        self._selected_pen.setCosmetic(True)
        self._press: QPoint | None = None
        self._fitted = True  # refit on resize until the person zooms
        self._fitting = False
        self._card = HoverCard(self.viewport())

    # -- building the scene (for subclasses) -----------------------------------------

    def _clear(self) -> None:
        self.scene().clear()
        self._card.hide()
        self._items, self._ids, self._cards, self._base_pens = [], [], [], []
        self._index = {}
        self._card_of = None
        self._selected = None
        self._outlined = frozenset()

    def _add_block(self, item: QAbstractGraphicsShapeItem, block_id: uuid.UUID, card: str,
                   pen: QPen | None = None) -> None:
        pen = pen or self._block_pen
        item.setPen(pen)
        item.setBrush(self._brushes(EMPTY_FILL))
        item.setData(UNIT_ID, block_id)
        self.scene().addItem(item)
        self._index[block_id] = len(self._items)
        self._items.append(item)
        self._ids.append(block_id)
        self._cards.append(card)
        self._base_pens.append(pen)

    def _paint_blocks(self, colours: Sequence[str],
                      outlined: frozenset[uuid.UUID] = frozenset()) -> None:
        """Fill every block (in order) with its colour; outline the ones asked for.

        A mode switch on a 20,000-unit sheet recolours every item: the brushes are
        looked up and set in C loops (``map``), and the pens are set again only when
        the outlined units changed.
        """
        if len(colours) != len(self._items):
            raise ValueError(f"{len(colours)} colours for {len(self._items)} blocks")
        brush = self._brushes
        for colour in set(colours):
            brush(colour)  # made once; the lookup below is then a plain dict's
        # The whole scene is to be redrawn: said once, each item's own update (and its
        # dirty rectangle, processed later in the event loop) is skipped.
        self.scene().update()
        deque(map(QAbstractGraphicsShapeItem.setBrush, self._items,
                  map(brush.table.__getitem__, colours)), maxlen=0)
        if outlined != self._outlined:
            self._outlined = outlined
            for i, item in enumerate(self._items):
                item.setPen(self._pen_for(i))

    def _text_brush(self, fill: str) -> QBrush:
        brush = self._text_brushes.get(fill)
        if brush is None:
            brush = self._text_brushes[fill] = self._brushes(text_colour_on(fill))
        return brush

    # -- what is shown ---------------------------------------------------------------

    def block_ids(self) -> list[uuid.UUID]:
        return list(self._ids)

    def item_for(self, block_id: uuid.UUID) -> QAbstractGraphicsShapeItem | None:
        i = self._index.get(block_id)
        return None if i is None else self._items[i]

    def block_at(self, pos: QPoint) -> uuid.UUID | None:
        """The block under a viewport position (the topmost), or None."""
        scene_pos = self.mapToScene(pos)
        for item in self.scene().items(scene_pos, Qt.ItemSelectionMode.IntersectsItemShape,
                                       Qt.SortOrder.DescendingOrder, self.transform()):
            block = item.data(UNIT_ID)
            if block is not None:
                return block
        return None

    def _select(self, block_id: uuid.UUID | None, centre: bool = False) -> None:
        previous, self._selected = self._selected, block_id
        for uid in (previous, block_id):
            i = None if uid is None else self._index.get(uid)
            if i is not None:
                self._items[i].setPen(self._pen_for(i))
                self._items[i].setZValue(0.5 if uid == block_id else 0)
        item = None if block_id is None else self.item_for(block_id)
        if centre and item is not None:
            self.ensureVisible(item, 40, 40)

    # -- navigation and output -------------------------------------------------------

    def fit(self) -> None:
        """Show the whole map."""
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        self._fitting = True
        try:
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        finally:
            self._fitting = False
        self._fitted = True
        self._fit_labels(self._scale())

    def zoom_to_selection(self) -> None:
        """Zoom onto the selected block with some of its surroundings."""
        item = None if self._selected is None else self.item_for(self._selected)
        if item is None:
            return
        rect = item.sceneBoundingRect()
        pad = max(rect.width(), rect.height()) * 1.5
        self.fitInView(rect.adjusted(-pad, -pad, pad, pad), Qt.AspectRatioMode.KeepAspectRatio)
        self._fitted = False
        self._fit_labels(self._scale())

    def zoom(self, factor: float) -> None:
        self.scale(factor, factor)
        self._fitted = False
        self._fit_labels(self._scale())

    def render_to(self, painter: QPainter, target: QRectF) -> float:
        """Paint the whole map into ``target`` (printing and export), aspect kept.

        ``target`` is in the painter's logical units. Labels that ignore the
        view's zoom would draw at screen size in device units; on paper they
        are grown back to their point size, and the ones that no longer fit
        their block at this scale are left out. Returns the painter units per
        metre drawn at (for a scale bar), 0 when the scene is not in metres.
        """
        source = self.scene().sceneRect()
        if source.isEmpty():
            return 0.0
        scale = min(target.width() / source.width(), target.height() / source.height())
        device = painter.device()
        grow = device.logicalDpiX() / self.logicalDpiX() if device else 1.0
        self._fit_labels(scale / grow)
        fixed = [(item, item.transform(), item.scale()) for item in self.scene().items()
                 if item.isVisible() and item.flags() & _IGNORES_ZOOM]
        for item, offset, size in fixed:
            item.setTransform(QTransform.fromTranslate(offset.dx() * grow, offset.dy() * grow))
            item.setScale(size * grow)
        try:
            self.scene().render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
        finally:
            for item, offset, size in fixed:
                item.setTransform(offset)
                item.setScale(size)
            self._fit_labels(self._scale())
        return scale if self.scene_in_metres else 0.0

    # -- hooks -----------------------------------------------------------------------

    def _fit_labels(self, scale: float) -> None:
        """Show the labels that fit at ``scale`` px per scene unit (scaled text: nothing)."""

    def _clicked(self, block_id: uuid.UUID | None) -> None:
        """Emit the subclass's click signal."""

    def _activated(self, block_id: uuid.UUID) -> None:
        """Emit the subclass's double-click signal."""

    # -- events ----------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(ZOOM_STEP**steps)  # anchored under the mouse
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        if self._press is not None and (pos - self._press).manhattanLength() < 4 and (
                event.button() == Qt.MouseButton.LeftButton):
            block = self.block_at(pos)
            self._select(block)
            self._clicked(block)
        self._press = None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        block = self.block_at(event.position().toPoint())
        if block is not None:
            self._activated(block)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() != Qt.MouseButton.NoButton:
            self._card.hide()
            self._fitted = False  # panned: keep the person's view on resize
            return
        pos = event.position().toPoint()
        block = self.block_at(pos)
        card = "" if block is None else self._card_text(self._index[block])
        if card:
            self._card.show_at(card, pos)
        else:
            self._card.hide()

    def leaveEvent(self, event: object) -> None:
        self._card.hide()
        super().leaveEvent(event)  # type: ignore[arg-type]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted and not self._fitting:
            self.fit()

    # -- internals -------------------------------------------------------------------

    def _card_text(self, i: int) -> str:
        return self._card_of(i) if self._card_of is not None else self._cards[i]

    def _pen_for(self, i: int) -> QPen:
        block_id = self._ids[i]
        if block_id == self._selected:
            return self._selected_pen
        if block_id in self._outlined:
            return self._outline_pen
        return self._base_pens[i]

    def _scale(self) -> float:
        return abs(self.transform().m11()) or 1.0
