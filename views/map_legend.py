"""The map legend: a swatch per class with its name, unit count and area, and a note.

One painter function draws it on screen and on paper, so the printed legend is
the one people saw. The note says what the classes cannot (no meter readings
before a date, class breaks kept from another date).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPaintDevice,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from views.labels import area_text
from views.map_text import LegendRow

translate = QCoreApplication.translate


def legend_size(font: QFont, title: str, rows: Sequence[LegendRow],
                device: QPaintDevice | None = None, note: str = "") -> QSize:
    """The space :func:`paint_legend` needs with ``font`` (on ``device``: screen by default)."""
    metrics = QFontMetricsF(font, device) if device is not None else QFontMetricsF(font)
    line = metrics.height() * 1.35
    widths = [metrics.horizontalAdvance(title)]
    for row in rows:
        widths.append(line * 1.6 + metrics.horizontalAdvance(row.text) + _columns(metrics))
    width = max(widths) + 12
    height = line * (len(rows) + 2) + 8
    if note:
        height += _note_rect(metrics, note, width - 8).height() + line * 0.3
    return QSize(int(width), int(height))


def _note_rect(metrics: QFontMetricsF, note: str, width: float) -> QRectF:
    """The note wrapped to ``width``: never wider than the legend's rows."""
    flags = int(Qt.TextFlag.TextWordWrap)
    return metrics.boundingRect(QRectF(0, 0, max(width, 1.0), 10_000), flags, note)


def _columns(metrics: QFontMetricsF) -> float:
    return metrics.horizontalAdvance("  99,999  999,999.99 m²")


def paint_legend(painter: QPainter, rect: QRectF, font: QFont, title: str,
                 rows: Sequence[LegendRow], counted: str = "", note: str = "") -> None:
    """Draw the legend in ``rect``: title, then one row per class with count and area,
    then ``note`` wrapped below.

    ``counted`` heads the count column (units by default; buildings on the park map).
    """
    painter.save()
    painter.setFont(font)
    metrics = QFontMetricsF(font, painter.device())
    line = metrics.height() * 1.35
    x, y = rect.left() + 4, rect.top() + 4
    bold = QFont(font)
    bold.setBold(True)
    painter.setFont(bold)
    painter.setPen(QColor("#000000"))
    painter.drawText(QRectF(x, y, rect.width() - 8, line), Qt.AlignmentFlag.AlignVCenter, title)
    painter.setFont(font)
    y += line
    count_right = rect.right() - 4 - metrics.horizontalAdvance("  999,999.99 m²")
    head = QRectF(x, y, rect.width() - 8, line)
    painter.setPen(QColor("#555555"))
    painter.drawText(QRectF(x, y, count_right - x, line),
                     Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                     counted or translate("Map", "units"))
    painter.drawText(head, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                     translate("Map", "area m²"))
    y += line
    swatch = line * 0.7
    for row in rows:
        painter.setPen(QPen(QColor("#404040"), 0))
        painter.setBrush(QColor(row.colour))
        painter.drawRect(QRectF(x, y + (line - swatch) / 2, swatch * 1.4, swatch))
        painter.setPen(QColor("#000000"))
        text_rect = QRectF(x + swatch * 1.4 + 6, y, count_right - x - swatch * 1.4 - 6, line)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, row.text)
        painter.drawText(QRectF(x, y, count_right - x, line),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         f"{row.count:,}")
        painter.drawText(QRectF(x, y, rect.width() - 8, line),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         area_text(row.area))
        y += line
    if note:
        painter.setPen(QColor("#7a3b00"))  # dark amber: a remark, not a class
        box = QRectF(x, y + line * 0.3, rect.width() - 8, rect.bottom() - y)
        painter.drawText(box, int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft), note)
    painter.restore()


class MapLegend(QWidget):
    """The legend beside the map."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = ""
        self._counted = ""
        self._note = ""
        self._rows: list[LegendRow] = []
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def set_legend(self, title: str, rows: Sequence[LegendRow], counted: str = "") -> None:
        self._title, self._rows, self._counted = title, list(rows), counted
        self.updateGeometry()
        self.update()

    def set_note(self, note: str) -> None:
        """A remark under the rows (empty: none), kept until the next one."""
        if note != self._note:
            self._note = note
            self.updateGeometry()
            self.update()

    def note(self) -> str:
        return self._note

    def rows(self) -> list[LegendRow]:
        return list(self._rows)

    def title(self) -> str:
        return self._title

    def sizeHint(self) -> QSize:
        return legend_size(self.font(), self._title, self._rows, note=self._note)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        paint_legend(painter, QRectF(self.rect()), self.font(), self._title, self._rows,
                     self._counted, self._note)
        painter.end()
