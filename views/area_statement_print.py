"""The area statement on paper: as many pages as its rows need, each one complete.

Every page carries the title, the building and date, page x / y, the totals
check ("Totals add up" or how many findings there are) and the table's header;
the rows follow in the statement's order (a floor's totals never end a page
without its first unit), and the findings, each saying where, close the last
page. The type is as large as the widest column lets it be on the paper (8 pt
down to 6 pt, as the stacking plan's labels), the name column taking what is
left.

Pages are laid out here, in millimetres, and painted by :meth:`StatementPage.paint`
on whatever device the caller has (a PDF writer, a printer, an image):
``app.map_export`` writes them after a building's stacking plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPaintDevice, QPainter, QPen

from domain.area_statement import BuildingStatement
from views.area_statement_text import (
    StatementColumn,
    cells,
    check_text,
    finding_text,
    page_text,
    printed_columns,
    printed_text,
    row_of,
    statement_rows,
    subtitle_text,
    title_text,
)
from views.message_text import translate

MM_PER_INCH = 25.4
MEASURE_DPI = 300  # fonts are measured at the PDF's resolution, as map_export lays out
MARGIN = 10.0  # mm
LARGEST, READABLE, SMALLEST = 8.0, 6.0, 4.5  # the table's type, in points
PAD = 1.2  # mm either side of a cell's text
NAME_MAX = 40.0  # mm: a longer name is cut short (…)
NAME_LEAST = 12.0  # mm: a name column narrower than this is left off
SHADES = {"floor": "#eef2f7", "building": "#dce4ef"}
FOUND, GOOD = "#b3261e", "#1e6b35"


@dataclass(frozen=True)
class PrintLine:
    """One line of a page: a table row (``cells``), the findings' heading, or a finding."""

    kind: str  # "floor" | "unit" | "building" | "findings" | "finding"
    cells: tuple[str, ...] = ()
    text: str = ""
    flagged: bool = False  # a finding points at this row
    height: float = 0.0  # mm


@dataclass(frozen=True)
class StatementPage:
    """One printed page of the statement; :meth:`paint` draws it on any device."""

    title: str
    subtitle: str
    check: str
    adds_up: bool
    corner: str  # page x / y
    footer: str
    headers: tuple[str, ...]
    numeric: tuple[bool, ...]
    widths: tuple[float, ...]  # mm
    header_height: float  # mm; 0 on a page of findings alone
    points: float  # the table's type size
    lines: tuple[PrintLine, ...]

    def paint(self, painter: QPainter, page: QRectF, base_font: QFont, dpi: float) -> None:
        """Paint the page into ``page`` (device units at ``dpi``)."""
        k = dpi / MM_PER_INCH
        painter.save()
        painter.fillRect(page, QColor("#ffffff"))
        area = page.adjusted(MARGIN * k, MARGIN * k, -MARGIN * k, -MARGIN * k)
        y = area.top()
        title = _font(base_font, 15, bold=True)
        _line(painter, _font(base_font, 11, bold=True), QRectF(area.left(), y, area.width(),
              _height(title, painter.device())), self.corner, Qt.AlignmentFlag.AlignRight)
        y = _line(painter, title, QRectF(area.left(), y, area.width(), 0), self.title)
        y = _line(painter, _font(base_font, 9), QRectF(area.left(), y + 1 * k, area.width(), 0),
                  self.subtitle, colour="#444444")
        y = _line(painter, _font(base_font, 9, bold=True),
                  QRectF(area.left(), y + 1 * k, area.width(), 0), self.check,
                  colour=GOOD if self.adds_up else FOUND)
        y += 2 * k
        table = _font(base_font, self.points)
        bold = _font(base_font, self.points, bold=True)
        if self.header_height:
            y = self._header(painter, bold, area.left(), y, k)
        for line in self.lines:
            height = line.height * k
            if line.kind in ("finding", "findings"):
                font = bold if line.kind == "findings" else table
                painter.setFont(font)
                painter.setPen(QColor("#000000" if line.kind == "findings" else FOUND))
                painter.drawText(QRectF(area.left(), y, area.width(), height),
                                 Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
                                 | (Qt.AlignmentFlag.AlignBottom if line.kind == "findings"
                                    else Qt.AlignmentFlag.AlignTop), line.text)
            else:
                self._row(painter, line, bold if line.kind != "unit" else table,
                          area.left(), y, height, k)
            y += height
        footer = _font(base_font, 7.5)
        bottom = area.bottom() - _height(footer, painter.device())
        painter.setPen(QPen(QColor("#666666"), 0.2 * k))
        rule = bottom - 1 * k
        painter.drawLine(QPointF(area.left(), rule), QPointF(area.right(), rule))
        _line(painter, footer, QRectF(area.left(), bottom, area.width(), 0), self.footer,
              colour="#666666")
        painter.restore()

    def _header(self, painter: QPainter, font: QFont, left: float, top: float,
                k: float) -> float:
        height = self.header_height * k
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#f2f4f7"))
        painter.drawRect(QRectF(left, top, sum(self.widths) * k, height))
        painter.setFont(font)
        painter.setPen(QColor("#000000"))
        x = left
        for text, width in zip(self.headers, self.widths, strict=True):
            painter.drawText(QRectF(x + PAD * k, top, (width - 2 * PAD) * k, height),
                             Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignCenter, text)
            x += width * k
        painter.setPen(QPen(QColor("#888888"), 0.25 * k))
        painter.drawLine(QPointF(left, top + height), QPointF(x, top + height))
        return top + height

    def _row(self, painter: QPainter, line: PrintLine, font: QFont, left: float, top: float,
             height: float, k: float) -> None:
        shade = SHADES.get(line.kind)
        width = sum(self.widths) * k
        if shade:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(shade))
            painter.drawRect(QRectF(left, top, width, height))
        else:
            painter.setPen(QPen(QColor("#e3e6ea"), 0.15 * k))
            painter.drawLine(QPointF(left, top + height), QPointF(left + width, top + height))
        painter.setFont(font)
        painter.setPen(QColor(FOUND if line.flagged else "#000000"))
        metrics = QFontMetricsF(font, painter.device())
        x = left
        for text, w, numeric in zip(line.cells, self.widths, self.numeric, strict=True):
            inner = QRectF(x + PAD * k, top, (w - 2 * PAD) * k, height)
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, inner.width())
            align = Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft
            painter.drawText(inner, align | Qt.AlignmentFlag.AlignVCenter, shown)
            x += w * k


def statement_pages(statement: BuildingStatement, paper: QSizeF, font: QFont,
                    now: datetime | None = None) -> list[StatementPage]:
    """The statement laid out on ``paper`` (mm, turned as it is to be printed)."""
    device = _device()
    rows = statement_rows(statement)
    columns = printed_columns(rows)
    texts = [cells(r, columns) for r in rows]
    headers = tuple(c.title() for c in columns)
    width = paper.width() - 2 * MARGIN
    points, widths = _fit(columns, headers, [r.kind for r in rows], texts, width, font,
                          device)
    kept = [i for i, w in enumerate(widths) if w > 0]
    columns, widths = [columns[i] for i in kept], [widths[i] for i in kept]
    headers = tuple(headers[i] for i in kept)
    texts = [[row[i] for i in kept] for row in texts]
    table, bold = _font(font, points), _font(font, points, bold=True)
    header_height = max(_wrapped(bold, h, w - 2 * PAD, device) for h, w in zip(
        headers, widths, strict=True)) + 1.0
    row_height = _mm(_height(table, device)) * 1.45
    flagged = {row_of(rows, f) for f in statement.findings}
    lines = [PrintLine(r.kind, tuple(t), flagged=i in flagged, height=row_height)
             for i, (r, t) in enumerate(zip(rows, texts, strict=True))]
    if statement.findings:
        lines.append(PrintLine("findings", text=translate("AreaStatement", "Findings"),
                               height=row_height * 1.8))
        lines += [PrintLine("finding", text=f"• {finding_text(f)}",
                            height=_wrapped(table, f"• {finding_text(f)}", width, device) + 0.8)
                  for f in statement.findings]
    top = (MARGIN + _mm(_height(_font(font, 15, bold=True), device))
           + 1 + _mm(_height(_font(font, 9), device))
           + 1 + _mm(_height(_font(font, 9, bold=True), device)) + 2)
    bottom = paper.height() - MARGIN - _mm(_height(_font(font, 7.5), device)) - 2
    sheets = _paginate(lines, bottom - top, header_height)
    every = StatementPage(title_text(), subtitle_text(statement), check_text(statement),
                          statement.adds_up, "", printed_text(statement.header.day, now),
                          headers, tuple(c.numeric for c in columns), tuple(widths),
                          header_height, points, ())
    return [replace(every, corner=page_text(i + 1, len(sheets)), lines=tuple(sheet),
                    header_height=header_height if any(
                        line.kind not in ("finding", "findings") for line in sheet) else 0.0)
            for i, sheet in enumerate(sheets)]


def _paginate(lines: Sequence[PrintLine], room: float, header: float) -> list[list[PrintLine]]:
    """Lines onto pages of ``room`` mm, the table's header on each page that has rows."""
    pages: list[list[PrintLine]] = [[]]
    used = header
    for i, line in enumerate(lines):
        need = line.height
        if line.kind == "floor" and i + 1 < len(lines) and lines[i + 1].kind == "unit":
            need += lines[i + 1].height  # a floor's totals start a page with its first unit
        if line.kind == "findings" and i + 1 < len(lines):
            need += lines[i + 1].height
        if pages[-1] and used + need > room:
            pages.append([])
            used = header if line.kind not in ("finding", "findings") else 0.0
        pages[-1].append(line)
        used += line.height
    return pages


def _fit(columns: Sequence[StatementColumn], headers: Sequence[str], kinds: Sequence[str],
         texts: Sequence[Sequence[str]], width: float, font: QFont,
         device: QPaintDevice) -> tuple[float, list[float]]:
    """The type size and column widths (mm) that fit ``width``: the largest size from 8 pt
    down to 6 pt at which every figure fits whole (headers wrap at words), the name column
    taking what is left, cut short when it must be, or none at all. Only a table too wide
    even so (portrait paper) goes below 6 pt, and then every column gives way."""
    name = next((i for i, c in enumerate(columns) if c.key == "name"), None)
    points = LARGEST
    while True:
        needs = _needs(columns, headers, kinds, texts, _font(font, points),
                       _font(font, points, bold=True), device)
        rest = sum(needs) - (needs[name] if name is not None else 0.0)
        least = rest + (min(needs[name], NAME_LEAST) if name is not None else 0.0)
        if least <= width or points <= SMALLEST or (points <= READABLE and rest <= width):
            break
        smaller = round(points * max(width / least, 0.9) - 0.05, 1)
        points = max(READABLE if points > READABLE else SMALLEST, smaller)
    if name is not None:
        left = width - rest  # what is left for the names; too little, and they are left off
        needs[name] = left if left >= NAME_LEAST else 0.0
    if sum(needs) > width:
        needs = [n * width / sum(needs) for n in needs]
    return points, needs


def _needs(columns: Sequence[StatementColumn], headers: Sequence[str], kinds: Sequence[str],
           texts: Sequence[Sequence[str]], font: QFont, bold: QFont,
           device: QPaintDevice) -> list[float]:
    body = QFontMetricsF(font, device)
    head = QFontMetricsF(bold, device)
    needs = []
    for i, column in enumerate(columns):
        # totals are printed bold, wider than the units' figures
        widest = max((head.horizontalAdvance(row[i]) if kind != "unit"
                      else body.horizontalAdvance(row[i])
                      for kind, row in zip(kinds, texts, strict=True)), default=0.0)
        heading = max((head.horizontalAdvance(word) for word in headers[i].split()),
                      default=0.0)
        need = _mm(max(widest, heading)) + 2 * PAD + 0.4
        if column.key == "name":
            need = min(need, NAME_MAX)
        needs.append(need)
    return needs


def _device() -> QImage:
    image = QImage(1, 1, QImage.Format.Format_RGB32)
    per_metre = round(MEASURE_DPI / 0.0254)
    image.setDotsPerMeterX(per_metre)
    image.setDotsPerMeterY(per_metre)
    return image


def _mm(pixels: float) -> float:
    return pixels / MEASURE_DPI * MM_PER_INCH


def _wrapped(font: QFont, text: str, width_mm: float, device: QPaintDevice) -> float:
    """The height (mm) of ``text`` wrapped at words into ``width_mm``."""
    pixels = width_mm / MM_PER_INCH * MEASURE_DPI
    rect = QFontMetricsF(font, device).boundingRect(
        QRectF(0, 0, pixels, 1e6), int(Qt.TextFlag.TextWordWrap), text)
    return _mm(rect.height())


def _font(base: QFont, points: float, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _height(font: QFont, device: QPaintDevice) -> float:
    return QFontMetricsF(font, device).height()


def _line(painter: QPainter, font: QFont, rect: QRectF, text: str,
          align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft, colour: str = "#000000") -> float:
    """One line of text at the rect's top; returns the y below it."""
    painter.setFont(font)
    painter.setPen(QColor(colour))
    height = _height(font, painter.device())
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), height),
                     align | Qt.AlignmentFlag.AlignVCenter, text)
    return rect.top() + height
