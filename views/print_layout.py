"""A printed map page: title, subtitle, KPI strip, the map, legend, scale bar, north arrow.

The same painter code draws on a PDF writer, a printer or an image, so what is
printed is what was previewed. Everything on the page comes in as text and
colours already computed; the map itself is painted by the view's
``render_to``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPaintDevice, QPainter, QPen, QPolygonF

from domain.map_modes import MapMode
from views.map_legend import legend_size, paint_legend
from views.map_text import LegendRow

translate = QCoreApplication.translate
MM_PER_INCH = 25.4


@dataclass(frozen=True)
class MapPage:
    """What one page shows; ``paint_map`` draws the map into the rectangle it is given
    and returns the page units per metre it drew at (0 when the map has no scale)."""

    title: str
    subtitle: str
    kpis: Sequence[tuple[str, str]]  # (name, value) pairs for the strip
    legend_title: str
    legend: Sequence[LegendRow]
    footer: str
    paint_map: Callable[[QPainter, QRectF], float]
    north_arrow: bool = True
    counted: str = ""  # what the legend counts, when not units
    corner: str = ""  # right of the title: which part of a longer map the page shows
    sheet_height: float = 0.0  # mm; an image of a tall tower grows past the paper's height
    note: str = ""  # under the legend: no readings before a date, class breaks kept


@dataclass(frozen=True)
class PageFrame:
    """Where each part of a page goes, in device units: computed once for painting and
    for paginating, so a stacking plan is cut into pages that exactly fill the map."""

    area: QRectF  # inside the margins
    title_bottom: float
    map_rect: QRectF  # the framed map
    inner: QRectF  # what ``paint_map`` is given
    legend_rect: QRectF
    footer_top: float


def map_title(mode: MapMode, kind: str = "floor") -> str:
    """A printed or exported map's title: what it shows in ``mode``.

    ``kind`` is ``floor``, ``building`` (the stacking plan, 楼栋租控图 in
    rent-control mode) or ``park``; a revenue print is a revenue map, not a
    rent-control map.
    """
    if mode is MapMode.RENT_CONTROL:
        if kind == "building":
            return translate("Map", "Stacking plan")
        if kind == "park":
            return translate("Map", "Park map")
        return translate("Map", "Rent-control map")
    return {
        MapMode.EXPIRY: lambda: translate("Map", "Lease expiry map"),
        MapMode.VACANCY: lambda: translate("Map", "Vacancy map"),
        MapMode.REVENUE: lambda: translate("Map", "Revenue map"),
        MapMode.NET_REVENUE: lambda: translate("Map", "Net revenue map"),
        MapMode.ENERGY: lambda: translate("Map", "Energy intensity map"),
        MapMode.HEAT: lambda: translate("Map", "Space heat map"),
    }[mode]()


def page_frame(page: QRectF, content: MapPage, base_font: QFont, dpi: float,
               device: QPaintDevice) -> PageFrame:
    """The layout of ``content`` on ``page`` (device units at ``dpi``; fonts measured on
    ``device``). The map's rectangle does not depend on the map, only on the texts."""
    mm = dpi / MM_PER_INCH
    margin = 10 * mm
    area = page.adjusted(margin, margin, -margin, -margin)
    y = area.top() + _height(_font(base_font, 15, bold=True), device)
    title_bottom = y
    y += 1 * mm + _height(_font(base_font, 9), device)
    y += 2 * mm
    y += _kpi_height(content.kpis, _font(base_font, 9), device, mm)
    y += 3 * mm
    footer_h = _height(_font(base_font, 7.5), device) + 2 * mm
    legend_need = legend_size(_font(base_font, 8), content.legend_title, content.legend, device,
                              content.note)
    legend_w = min(area.width() * 0.32, max(50 * mm, legend_need.width()))
    map_rect = QRectF(area.left(), y, area.width() - legend_w - 4 * mm,
                      area.bottom() - footer_h - y)
    inner = map_rect.adjusted(3 * mm, 3 * mm, -3 * mm, -3 * mm)
    legend_rect = QRectF(map_rect.right() + 4 * mm, y, legend_w, map_rect.height())
    return PageFrame(area, title_bottom, map_rect, inner, legend_rect,
                     area.bottom() - footer_h)


def paint_page(painter: QPainter, page: QRectF, content: MapPage, base_font: QFont,
               dpi: float) -> None:
    """Lay out and paint one page into ``page`` (device units at ``dpi``)."""
    mm = dpi / MM_PER_INCH
    frame = page_frame(page, content, base_font, dpi, painter.device())
    area = frame.area
    painter.save()
    painter.fillRect(page, QColor("#ffffff"))
    title_font = _font(base_font, 15, bold=True)
    text_font = _font(base_font, 9)
    small_font = _font(base_font, 7.5)
    y = area.top()
    if content.corner:  # on the title's line, at the right
        corner_font = _font(base_font, 11, bold=True)
        drop = (frame.title_bottom - y - _height(corner_font, painter.device())) / 2
        _text(painter, corner_font, QRectF(area.left(), y + drop, area.width(), 0),
              content.corner, align=Qt.AlignmentFlag.AlignRight)
    y = _text(painter, title_font, QRectF(area.left(), y, area.width(), 0), content.title)
    y = _text(painter, text_font, QRectF(area.left(), y + 1 * mm, area.width(), 0),
              content.subtitle, QColor("#444444"))
    y += 2 * mm
    _kpi_strip(painter, QRectF(area.left(), y, area.width(), 0), content.kpis, text_font, mm)
    map_rect = frame.map_rect
    painter.setPen(QPen(QColor("#bbbbbb"), 0.2 * mm))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(map_rect)
    painter.save()
    painter.setClipRect(map_rect)
    per_metre = content.paint_map(painter, frame.inner)
    painter.restore()
    if content.north_arrow:
        _north_arrow(painter, QPointF(map_rect.right() - 9 * mm, map_rect.top() + 5 * mm), mm,
                     small_font)
    if per_metre > 0:
        _scale_bar(painter, QPointF(map_rect.left() + 5 * mm, map_rect.bottom() - 5 * mm),
                   per_metre, map_rect.width() * 0.25, mm, small_font)
    paint_legend(painter, frame.legend_rect, _font(base_font, 8), content.legend_title,
                 content.legend, content.counted, content.note)
    painter.setFont(small_font)
    painter.setPen(QColor("#666666"))
    footer_top = frame.footer_top
    painter.drawLine(QPointF(area.left(), footer_top + 1 * mm),
                     QPointF(area.right(), footer_top + 1 * mm))
    painter.drawText(QRectF(area.left(), footer_top + 1.5 * mm, area.width(),
                            area.bottom() - footer_top), Qt.AlignmentFlag.AlignLeft,
                     content.footer)
    painter.restore()


def _height(font: QFont, device: QPaintDevice) -> float:
    return QFontMetricsF(font, device).height()


def _font(base: QFont, points: float, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _text(painter: QPainter, font: QFont, rect: QRectF, text: str,
          colour: QColor | None = None,
          align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> float:
    """Draw one line of text at the rect's top; returns the y below it."""
    painter.setFont(font)
    painter.setPen(colour or QColor("#000000"))
    height = QFontMetricsF(font, painter.device()).height()
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), height),
                     align | Qt.AlignmentFlag.AlignVCenter, text)
    return rect.top() + height


def _kpi_strip(painter: QPainter, rect: QRectF, kpis: Sequence[tuple[str, str]], font: QFont,
               mm: float) -> float:
    """Boxes side by side: the value large, its name small underneath."""
    if not kpis:
        return rect.top()
    value_font = _font(font, font.pointSizeF() * 1.35, bold=True)
    height = _kpi_height(kpis, font, painter.device(), mm)
    width = rect.width() / len(kpis)
    for i, (name, value) in enumerate(kpis):
        box = QRectF(rect.left() + i * width, rect.top(), width - 2 * mm, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#f2f4f7"))
        painter.drawRect(box)
        inner = box.adjusted(2 * mm, 1 * mm, -2 * mm, -1 * mm)
        y = _text(painter, value_font, inner, value)
        _text(painter, font, QRectF(inner.left(), y, inner.width(), 0), name, QColor("#555555"))
    return rect.top() + height


def _kpi_height(kpis: Sequence[tuple[str, str]], font: QFont, device: QPaintDevice,
                mm: float) -> float:
    if not kpis:
        return 0.0
    value_font = _font(font, font.pointSizeF() * 1.35, bold=True)
    return _height(value_font, device) + _height(font, device) + 3 * mm


def nice_length(limit: float) -> float:
    """The largest 1, 2 or 5 × 10ⁿ not above ``limit`` (scale bar lengths in metres)."""
    if limit <= 0:
        return 0.0
    power = 10 ** math.floor(math.log10(limit))
    return max(m * power for m in (1, 2, 5) if m * power <= limit)


def _scale_bar(painter: QPainter, origin: QPointF, per_metre: float, max_width: float,
               mm: float, font: QFont) -> None:
    """A two-segment bar of a round length, labelled in metres."""
    metres = nice_length(max_width / per_metre)
    if metres <= 0:
        return
    width = metres * per_metre
    height = 1.5 * mm
    painter.save()
    painter.setPen(QPen(QColor("#000000"), 0.2 * mm))
    for k in range(2):
        painter.setBrush(QColor("#000000") if k == 0 else QColor("#ffffff"))
        painter.drawRect(QRectF(origin.x() + k * width / 2, origin.y() - height, width / 2,
                                height))
    painter.setFont(font)
    metrics = QFontMetricsF(font, painter.device())
    for x, text in ((0.0, "0"), (width / 2, _metres(metres / 2)), (width, _metres(metres))):
        w = metrics.horizontalAdvance(text)
        painter.drawText(QPointF(origin.x() + x - w / 2, origin.y() - height - 1 * mm), text)
    painter.restore()


def _metres(value: float) -> str:
    return f"{value:g} m"


def _north_arrow(painter: QPainter, top: QPointF, mm: float, font: QFont) -> None:
    """A plain north arrow: plans are drawn with north up."""
    painter.save()
    painter.setPen(QPen(QColor("#000000"), 0.2 * mm))
    half, height = 2.5 * mm, 8 * mm
    left = QPolygonF([top, QPointF(top.x() - half, top.y() + height),
                      QPointF(top.x(), top.y() + height * 0.7)])
    right = QPolygonF([top, QPointF(top.x() + half, top.y() + height),
                       QPointF(top.x(), top.y() + height * 0.7)])
    painter.setBrush(QColor("#000000"))
    painter.drawPolygon(left)
    painter.setBrush(QColor("#ffffff"))
    painter.drawPolygon(right)
    painter.setFont(font)
    w = QFontMetricsF(font, painter.device()).horizontalAdvance("N")
    painter.drawText(QPointF(top.x() - w / 2, top.y() + height + 3.5 * mm), "N")
    painter.restore()
