"""A quick look at a drawing's rooms before they are imported.

Rooms are filled by the importer's confidence (sure: green, unsure: amber),
labelled with their code, over the drawing's linework in grey. Each room item
carries its key, so a click can be traced back to the report.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from views.problem_text import reason_text

KEY_ROLE = 0  # QGraphicsItem.data slot holding the room's key
SURE = QColor(46, 125, 50, 110)
UNSURE = QColor(230, 145, 0, 120)


class PlanPreview(QGraphicsView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.scale(1, -1)  # drawings have y up
        self.room_items: list[QGraphicsPolygonItem] = []
        self._drawn = QRectF()

    def show_floor(self, rooms: Sequence[dict[str, Any]], lines: Sequence[Sequence[tuple]]) -> None:
        """Draw ``rooms`` (dicts with key, code, confidence, rings) over ``lines``."""
        scene = self.scene()
        scene.clear()
        self.room_items = []
        if lines:
            path = QPainterPath()
            for line in lines:
                if len(line) < 2:
                    continue
                path.moveTo(*line[0])
                for x, y in line[1:]:
                    path.lineTo(x, y)
            background = QGraphicsPathItem(path)
            pen = QPen(QColor(120, 120, 120))
            pen.setCosmetic(True)
            background.setPen(pen)
            scene.addItem(background)
        outline = QPen(QColor(30, 30, 30))
        outline.setCosmetic(True)
        for room in rooms:
            ring = room["rings"][0] if room["rings"] else []
            if len(ring) < 3:
                continue
            item = QGraphicsPolygonItem(QPolygonF([QPointF(x, y) for x, y in ring]))
            item.setBrush(QBrush(SURE if room["confidence"] >= 0.8 else UNSURE))
            item.setPen(outline)
            item.setData(KEY_ROLE, room["key"])
            item.setToolTip(
                f"{room['code']}  {room['name']}\n{room['area']:.2f} m²\n{reason_text(room)}"
            )
            scene.addItem(item)
            self.room_items.append(item)
            label = QGraphicsSimpleTextItem(room["code"])
            label.setFlag(QGraphicsSimpleTextItem.GraphicsItemFlag.ItemIgnoresTransformations)
            label.setPos(item.boundingRect().center())
            box = label.boundingRect()  # pixels: the label ignores the zoom
            label.setTransform(QTransform.fromTranslate(-box.width() / 2, -box.height() / 2))
            scene.addItem(label)
        # Labels ignore the zoom, so their pixel-sized boxes must not count here.
        drawn = QRectF()
        for item in scene.items():
            if not isinstance(item, QGraphicsSimpleTextItem):
                drawn = drawn.united(item.sceneBoundingRect())
        self._drawn = drawn
        self.setSceneRect(drawn)
        self.fit()
        # Fit again once layouts have settled (the first call may see a stale size).
        QTimer.singleShot(0, self.fit)

    def fit(self) -> None:
        rect = self._drawn
        if rect.isValid() and not rect.isEmpty():
            self.fitInView(rect.adjusted(-1, -1, 1, 1), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.fit()
