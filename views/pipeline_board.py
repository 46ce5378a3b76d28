"""The pipeline board: one column per stage, a card per lead, moved by dragging or a menu.

The board only shows and asks. It takes the leads per stage and the headers'
figures in :meth:`PipelineBoard.set_pipeline` (``services.pipeline``'s rows,
read by ``app/``) and emits :attr:`~PipelineBoard.move_requested` when a card
is dropped on another column or moved with its context menu ("Move to ▸",
also on the keyboard's menu key or Shift+F10). A move the stages allow
(``domain.leasing.pipeline.may_move``) shows at once; the service decides,
and the board is given the leads again either way, so a refused card goes
back where it was. Double-click or Enter on a card opens the lead.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Protocol

from PySide6.QtCore import (
    QEvent,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from domain.leasing.pipeline import OPEN_STAGES, Stage, may_move
from domain.money import round_to
from views.labels import currency_name, rent_text
from views.pipeline_text import stage_text

MIME = "application/x-leasemap-lead"  # a card being dragged: "<lead id> <stage>"
ID_ROLE = int(Qt.ItemDataRole.UserRole)
LINES_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the card's four lines of text
KIND_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # "", "quoted" or "lost": the card's accent
COLUMN_WIDTH = 176
STAGE_COLOURS = {  # each column's accent, from cool (early) to warm (late), grey when lost
    Stage.LEAD: "#8aa4c8",
    Stage.IN_CONTACT: "#5b8fd6",
    Stage.NEGOTIATING: "#3f7fbf",
    Stage.QUOTED: "#d08a2e",
    Stage.SIGNED: "#3d9a5b",
    Stage.LOST: "#9a9a9a",
}


def _area(value: Decimal) -> str:
    """An area range's bound as a lead says it: 100, or 125.4 (no trailing zeros)."""
    text = f"{round_to(value, 2):,}"
    return text.rstrip("0").rstrip(".") if "." in text else text


class Card(Protocol):
    """What a card shows: ``services.pipeline.LeadRow`` (views do not import it)."""

    @property
    def id(self) -> uuid.UUID: ...

    @property
    def code(self) -> str: ...

    @property
    def company(self) -> str: ...

    @property
    def stage(self) -> Stage: ...

    @property
    def area_min(self) -> Decimal: ...

    @property
    def area_max(self) -> Decimal: ...

    @property
    def budget(self) -> Decimal | None: ...

    @property
    def owner(self) -> str: ...

    @property
    def days_in_stage(self) -> int: ...

    @property
    def expected_value(self) -> Decimal: ...

    @property
    def quoted(self) -> bool: ...

    @property
    def lost_reason(self) -> str: ...

    @property
    def contact_name(self) -> str: ...

    @property
    def industry(self) -> str: ...

    @property
    def move_in_on(self) -> date | None: ...


class Summary(Protocol):
    """The headers' figures: ``services.pipeline.PipelineSummary``."""

    @property
    def counts(self) -> Mapping[Stage, int]: ...

    @property
    def weighted_by_stage(self) -> Mapping[Stage, Decimal]: ...

    @property
    def values(self) -> Mapping[Stage, Decimal]: ...

    @property
    def probabilities(self) -> Mapping[Stage, Decimal]: ...

    @property
    def weighted(self) -> Decimal: ...


class CardDelegate(QStyledItemDelegate):
    """A lead as a card: the company in bold, then its need, its money, its owner and age."""

    PAD = 8

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
                 ) -> QSize:
        lines = QFontMetrics(option.font).lineSpacing()
        view = option.widget
        width = COLUMN_WIDTH - 28
        if isinstance(view, QListWidget):  # as wide as the column shows
            width = max(width, view.viewport().width() - 2 * view.spacing())
        return QSize(width, 4 * lines + 2 * self.PAD + 8)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        lines = index.data(LINES_ROLE) or ("", "", "", "")
        kind = index.data(KIND_ROLE) or ""
        palette = option.palette
        rect = QRect(option.rect).adjusted(3, 3, -3, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight) if selected
                            else palette.color(QPalette.ColorRole.Mid), 2 if selected else 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(rect, 6, 6)
        accent = QColor({"quoted": STAGE_COLOURS[Stage.QUOTED],
                         "lost": STAGE_COLOURS[Stage.LOST]}.get(kind, "#00000000"))
        if kind:
            painter.fillRect(QRect(rect.left() + 1, rect.top() + 6, 3, rect.height() - 12),
                             accent)
        text = rect.adjusted(self.PAD + 2, self.PAD - 2, -self.PAD, -self.PAD)
        bold = QFont(option.font)
        bold.setBold(True)
        spacing = QFontMetrics(option.font).lineSpacing()
        dim = palette.color(QPalette.ColorRole.PlaceholderText)
        for i, line in enumerate(lines):
            font = bold if i == 0 else option.font
            painter.setFont(font)
            painter.setPen(dim if i == 3 else palette.color(QPalette.ColorRole.Text))
            row = QRect(text.left(), text.top() + i * spacing, text.width(), spacing)
            painter.drawText(row, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             QFontMetrics(font).elidedText(line, Qt.TextElideMode.ElideRight,
                                                           row.width()))
        painter.restore()


class StageList(QListWidget):
    """One column's cards. A card dragged here from another column is asked to move."""

    dropped = Signal(object, object)  # lead id (uuid.UUID), Stage
    menu_wanted = Signal(object, QPoint)  # lead id, where (global)
    opened = Signal(object)  # lead id

    def __init__(self, stage: Stage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.setObjectName(f"stage-{stage.value}")
        self.setItemDelegate(CardDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSpacing(1)
        self.setUniformItemSizes(True)
        self.setMinimumWidth(COLUMN_WIDTH - 12)
        self.itemActivated.connect(lambda item: self.opened.emit(item.data(ID_ROLE)))
        menu_key = QAction(self)
        menu_key.setShortcut(QKeySequence("Shift+F10"))
        menu_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        menu_key.triggered.connect(self._menu_from_keyboard)
        self.addAction(menu_key)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # the cards follow the column's width

    # -- dragging out ------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        data = QMimeData()
        if items:
            data.setData(MIME, f"{items[0].data(ID_ROLE)} {self.stage.value}".encode("ascii"))
        return data

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    # -- dropping in -------------------------------------------------------------------

    def _dragged(self, data: QMimeData | None) -> tuple[uuid.UUID, Stage] | None:
        if data is None or not data.hasFormat(MIME):
            return None
        try:
            lead, stage = bytes(data.data(MIME).data()).decode("ascii").split()
            return uuid.UUID(lead), Stage(stage)
        except ValueError:
            return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._consider(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._consider(event)

    def _consider(self, event: QDragEnterEvent | QDragMoveEvent) -> None:
        dragged = self._dragged(event.mimeData())
        if dragged is None or dragged[1] is self.stage:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        """Ask for the move; the card itself is placed by the board (the source keeps it
        until then: the drop reports a copy, so the dragging list removes nothing)."""
        dragged = self._dragged(event.mimeData())
        if dragged is None or dragged[1] is self.stage:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.dropped.emit(dragged[0], self.stage)

    # -- the menu ----------------------------------------------------------------------

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            self._menu_from_keyboard()
            return
        item = self.itemAt(self.viewport().mapFrom(self, event.pos()))
        if item is None:
            return
        self.setCurrentItem(item)
        self.menu_wanted.emit(item.data(ID_ROLE), event.globalPos())

    def _menu_from_keyboard(self) -> None:
        item = self.currentItem()
        if item is not None:
            centre = self.visualItemRect(item).center()
            self.menu_wanted.emit(item.data(ID_ROLE), self.viewport().mapToGlobal(centre))

    def item_of(self, lead_id: uuid.UUID) -> QListWidgetItem | None:
        for row in range(self.count()):
            item = self.item(row)
            if item.data(ID_ROLE) == lead_id:
                return item
        return None


class PipelineBoard(QWidget):
    """The leads of a park in columns by stage, with each column's count and weighted value."""

    move_requested = Signal(object, object)  # lead id (uuid.UUID), Stage
    open_requested = Signal(object)  # lead id
    new_requested = Signal()
    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pipeline-board")
        self._rows: dict[Stage, list[Any]] = {stage: [] for stage in Stage}
        self._summary: Summary | None = None
        self._currency = ""
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.total_label = QLabel(self)
        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.new_requested)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(16)
        top.addWidget(self.total_label, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.new_button)

        self.lists: dict[Stage, StageList] = {}
        self.headers: dict[Stage, QLabel] = {}
        self.figures: dict[Stage, QLabel] = {}
        columns = QWidget()
        row = QHBoxLayout(columns)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        for stage in Stage:
            row.addWidget(self._column(stage), 1)
        scroll = QScrollArea(self)
        scroll.setWidget(columns)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        self._retranslate()

    def _column(self, stage: Stage) -> QWidget:
        frame = QFrame(self)
        frame.setObjectName(f"column-{stage.value}")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setMinimumWidth(COLUMN_WIDTH)
        frame.setStyleSheet(f"QFrame#column-{stage.value} {{ border-top: 3px solid "
                            f"{STAGE_COLOURS[stage]}; }}")
        header = self.headers[stage] = QLabel(frame)
        bold = header.font()
        bold.setBold(True)
        header.setFont(bold)
        figures = self.figures[stage] = QLabel(frame)
        figures.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        cards = self.lists[stage] = StageList(stage, frame)
        cards.dropped.connect(self.request_move)
        cards.menu_wanted.connect(self._show_menu)
        cards.opened.connect(self.open_requested)
        cards.currentItemChanged.connect(lambda current, _old, s=stage: self._chosen(s, current))
        box = QVBoxLayout(frame)
        box.setContentsMargins(6, 6, 6, 6)
        box.addWidget(header)
        box.addWidget(figures)
        box.addWidget(cards, 1)
        return frame

    # -- in ------------------------------------------------------------------------------

    def set_pipeline(self, board: Mapping[Stage, Sequence[Card]], summary: Summary | None,
                     currency: str = "") -> None:
        """Show the leads per stage (in the order given) and the headers' figures; the
        card chosen stays chosen wherever it now is."""
        chosen = self.current_lead()
        self._rows = {stage: list(board.get(stage, ())) for stage in Stage}
        self._summary = summary
        self._currency = currency
        for stage, cards in self.lists.items():
            cards.blockSignals(True)
            cards.clear()
            for row in self._rows[stage]:
                cards.addItem(self._item(row))
            cards.blockSignals(False)
        self._say_figures()
        if chosen is not None:
            self.select(chosen)

    def say(self, text: str, refused: bool = False) -> None:
        """A line above the columns: what a move did, or why it was refused."""
        self.status.setText(text)
        self.status.setStyleSheet("color: #b3261e;" if refused else "")
        self.status.setVisible(bool(text))

    # -- out -----------------------------------------------------------------------------

    def request_move(self, lead_id: uuid.UUID, stage: Stage) -> None:
        """Ask for ``lead_id`` to move to ``stage``; a move the stages allow is shown now
        (once the drag that asked has ended), one they forbid is left for the service to
        refuse in words."""
        current = self.stage_of(lead_id)
        if current is not None and may_move(current, stage):
            QTimer.singleShot(0, lambda: self.place(lead_id, stage))
        self.move_requested.emit(lead_id, stage)

    def move_menu(self, lead_id: uuid.UUID) -> QMenu:
        """The card's menu: open it, or move it to another stage (those not allowed from
        its stage are greyed)."""
        menu = QMenu(self)
        open_action = menu.addAction(self.tr("&Open…"))
        open_action.triggered.connect(lambda: self.open_requested.emit(lead_id))
        moves = menu.addMenu(self.tr("&Move to"))
        moves.setObjectName("move-to")
        current = self.stage_of(lead_id)
        for stage in Stage:
            if stage is current:
                continue
            action = moves.addAction(stage_text(stage))
            action.setData(stage.value)
            action.setEnabled(current is None or may_move(current, stage))
            action.triggered.connect(lambda _checked=False, s=stage:
                                     self.request_move(lead_id, s))
        return menu

    def _show_menu(self, lead_id: uuid.UUID, where: QPoint) -> None:
        menu = self.move_menu(lead_id)
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(where)

    # -- reading the board (the flow and tests) -----------------------------------------

    def cards(self, stage: Stage) -> list[uuid.UUID]:
        """The leads in a column, top to bottom."""
        cards = self.lists[stage]
        return [cards.item(i).data(ID_ROLE) for i in range(cards.count())]

    def stage_of(self, lead_id: uuid.UUID) -> Stage | None:
        for stage, cards in self.lists.items():
            if cards.item_of(lead_id) is not None:
                return stage
        return None

    def current_lead(self) -> uuid.UUID | None:
        for cards in self.lists.values():
            item = cards.currentItem()
            if item is not None and item.isSelected():
                return item.data(ID_ROLE)
        return None

    def select(self, lead_id: uuid.UUID) -> bool:
        """Make ``lead_id``'s card the chosen one (scrolled to); False when not shown."""
        for cards in self.lists.values():
            item = cards.item_of(lead_id)
            if item is not None:
                cards.setCurrentItem(item)
                cards.scrollToItem(item)
                cards.setFocus()
                return True
        return False

    def place(self, lead_id: uuid.UUID, stage: Stage) -> None:
        """Show the card in ``stage``'s column at the top, before the service's answer."""
        source = self.stage_of(lead_id)
        if source is None or source is stage:
            return
        cards = self.lists[source]
        item = cards.item_of(lead_id)
        if item is None:
            return
        cards.blockSignals(True)
        taken = cards.takeItem(cards.row(item))
        cards.blockSignals(False)
        target = self.lists[stage]
        target.insertItem(0, taken)
        target.setCurrentItem(taken)

    # -- showing -------------------------------------------------------------------------

    def _chosen(self, stage: Stage, current: QListWidgetItem | None) -> None:
        """One card chosen on the whole board: choosing in a column clears the others."""
        if current is None:
            return
        for other, cards in self.lists.items():
            if other is not stage and cards.currentItem() is not None:
                cards.blockSignals(True)
                cards.setCurrentItem(None)
                cards.clearSelection()
                cards.blockSignals(False)

    def _item(self, row: Card) -> QListWidgetItem:
        item = QListWidgetItem(row.company)
        item.setData(ID_ROLE, row.id)
        item.setData(LINES_ROLE, self._lines(row))
        item.setData(KIND_ROLE, "lost" if row.stage is Stage.LOST else
                     "quoted" if row.quoted else "")
        item.setToolTip(self._tip(row))
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                      | Qt.ItemFlag.ItemIsDragEnabled)
        return item

    def _money(self, value: Decimal) -> str:
        name = currency_name(self._currency) if self._currency else ""
        return f"{rent_text(value)} {name}".strip()

    def _round_money(self, value: Decimal) -> str:
        """A header's or a card's sum in whole units: 263,520 CNY."""
        name = currency_name(self._currency) if self._currency else ""
        return f"{round_to(value, 0):,} {name}".strip()

    def _lines(self, row: Card) -> tuple[str, str, str, str]:
        need = self.tr("%1 · %2–%3 m²").replace("%1", row.code).replace(
            "%2", _area(row.area_min)).replace("%3", _area(row.area_max))
        if row.stage is Stage.LOST and row.lost_reason:
            money = self.tr("Lost: %1").replace("%1", row.lost_reason)
        elif row.quoted:
            money = self.tr("Quote: %1 in year 1").replace(
                "%1", self._round_money(row.expected_value))
        elif row.budget is not None:
            money = self.tr("Budget %1 /m²·month").replace("%1", rent_text(row.budget))
        else:
            money = self.tr("No budget given")
        days = (self.tr("1 day") if row.days_in_stage == 1 else
                self.tr("%1 days").replace("%1", str(row.days_in_stage)))
        owner = row.owner or self.tr("no owner")
        return row.company, need, money, self.tr("%1 · %2").replace("%1", owner).replace(
            "%2", days)

    def _tip(self, row: Card) -> str:
        parts = [f"{row.code}  {row.company}"]
        if row.contact_name:
            parts.append(self.tr("Contact: %1").replace("%1", row.contact_name))
        if row.industry:
            parts.append(self.tr("Industry: %1").replace("%1", row.industry))
        if row.move_in_on is not None:
            parts.append(self.tr("Move in by %1").replace("%1", row.move_in_on.isoformat()))
        parts.append(self.tr("Expected a year: %1").replace("%1", self._money(row.expected_value)))
        return "\n".join(parts)

    def _say_figures(self) -> None:
        summary = self._summary
        for stage in Stage:
            count = len(self._rows[stage]) if summary is None else summary.counts.get(stage, 0)
            self.headers[stage].setText(f"{stage_text(stage)}  ({count})")
            if summary is None or stage is Stage.LOST:
                self.figures[stage].setText("")
                continue
            odds = f"{(summary.probabilities.get(stage, Decimal(0)) * 100).normalize():f}"
            weighted = self._round_money(summary.weighted_by_stage.get(stage, Decimal(0)))
            self.figures[stage].setText(self.tr("%1% · %2").replace("%1", odds)
                                        .replace("%2", weighted))
            self.figures[stage].setToolTip(self.tr(
                "The leads' expected value in a year, %1 in all, weighted by the stage's "
                "probability of closing, %2%").replace(
                "%1", self._round_money(summary.values.get(stage, Decimal(0))))
                .replace("%2", odds))
        if summary is None:
            self.total_label.setText("")
        else:
            open_count = sum(summary.counts.get(s, 0) for s in OPEN_STAGES)
            self.total_label.setText(
                self.tr("%1 open leads, %2 weighted").replace("%1", str(open_count))
                .replace("%2", self._round_money(summary.weighted)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Pipeline"))
        self.new_button.setText(self.tr("&New lead…"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.set_pipeline(self._rows, self._summary, self._currency)
