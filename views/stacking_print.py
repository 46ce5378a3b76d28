"""The stacking plan on paper: floors as rows over as many pages as their labels need.

On screen a 60-floor tower can be zoomed; on paper it cannot, so this lays the
rows out for the page instead of shrinking the screen's picture. Every unit's
code is drawn as real text at 6 pt or more, so the PDF's text layer holds every
unit: the full code when its block is wide enough, else its local part
(``0601``), smaller if need be but never under 6 pt. To make that always
possible a block is never narrower than its local part at 6 pt (a storeroom is
drawn a little wider than its area), and a floor of more units than one row
holds (a car park) continues on a second row under the same floor name. Only a
code wider at 6 pt than the whole row is numbered in its block and listed under
the rows (a callout).

Layout is computed in points (1/72 inch) from the size of the page's map
area, measured with the same fonts the page is painted with; painting maps
those points onto whatever rectangle the page gives, so a PDF, a printer and an
image show the same sheet.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from spatial.ramps import text_colour_on
from views.stacking_plan import block_widths

translate = QCoreApplication.translate

LABEL_PT = 8.0  # unit labels on a page of readable rows
MIN_PT = 6.0  # no unit code is ever printed smaller
STEP_PT = 0.5  # how a label, or a whole one-page sheet, shrinks toward MIN_PT
PAD_PT = 1.5  # a label keeps this far inside its block
ROW_GAP_PT = 1.2
COLUMN_GAP_PT = 4.0  # between the names, the blocks and the totals
MAX_ROW_PT = 40.0  # rows of a short building grow to this, no more
CALLOUT_PT = 6.5  # the list of numbered units under the rows
OUTLINE = "#8c8c8c"
OVERDUE = "#c00000"
TRACK_FILL = "#f5f6f8"
NAME_FILL = "#e9ecf0"
NAME_TEXT = "#1f2933"
TOTALS_TEXT = "#3e4c59"
MEASURE_DPI = 288  # fonts are measured on an image this fine, then read in points


@dataclass(frozen=True)
class PaperBlock:
    """A unit as the paper plan draws it: both spellings of its code, a second line,
    its colour and its area (m², for the block's width)."""

    code: str  # ZD-A3-0601
    short: str  # 0601: the code without its park-building prefix
    note: str  # tenant or the mode's value; may be left out or elided
    colour: str
    area: float
    outlined: bool = False  # overdue tenant


@dataclass(frozen=True)
class PaperFloor:
    """A floor's row: its name, its blocks in order and its totals, already formatted."""

    name: str
    blocks: tuple[PaperBlock, ...]
    totals: str = ""


@dataclass(frozen=True)
class Label:
    """What one block shows: ``text`` at ``points``; ``callout`` is its number when the
    code is listed under the rows instead (``text`` is then the number, or empty when
    even that does not fit)."""

    text: str
    points: float
    note: str = ""
    callout: int = 0


@dataclass(frozen=True)
class Sheet:
    """One page of a stacking plan, laid out in points inside a ``width`` × ``height``
    map area: which floors, the rows each takes, its blocks' widths and labels, and
    the callouts."""

    floors: tuple[PaperFloor, ...]
    first: int  # the index of the first floor in the building's order (top first)
    total: int  # the building's floor count
    width: float
    height: float
    label_pt: float
    row_height: float
    name_width: float
    totals_width: float
    rows: tuple[tuple[int, ...], ...]  # per floor: where each of its rows starts
    widths: tuple[tuple[float, ...], ...]  # per floor, per block
    labels: tuple[tuple[Label, ...], ...]  # per floor, per block
    callouts: tuple[str, ...]  # codes listed under the rows, numbered from 1

    @property
    def row_count(self) -> int:
        return sum(len(r) for r in self.rows)


def floor_range(sheet: Sheet) -> str:
    """``Floors 60F–31F of 60``: which part of the tower a page shows."""
    return (translate("Map", "Floors %1–%2 of %3")
            .replace("%1", sheet.floors[0].name).replace("%2", sheet.floors[-1].name)
            .replace("%3", str(sheet.total)))


def paginate(floors: Sequence[PaperFloor], width: float, height: float, font: QFont,
             one_page: bool = False) -> list[Sheet]:
    """Cut ``floors`` (top first) into sheets for a map area of ``width`` × ``height`` pt.

    Readable rows (8 pt labels) over as many sheets as they need, balanced; with
    ``one_page`` the whole tower on one sheet when its labels can shrink to it
    and stay at 6 pt or more, else readable rows after all.
    """
    if not floors:
        return []
    metrics = _Metrics(font)
    if one_page:
        size = LABEL_PT
        while size >= MIN_PT - 1e-9:
            for lines in _line_options(floors):
                sheet = _sheet(floors, 0, len(floors), width, height, size, lines, metrics)
                if _needed_height(sheet, metrics) <= height + 1e-6:
                    return [sheet]
            size -= STEP_PT
    lines = _line_options(floors)[0]
    whole = _sheet(floors, 0, len(floors), width, height, LABEL_PT, lines, metrics)
    pitch = _base_row(LABEL_PT, lines, metrics) + ROW_GAP_PT
    # a floor's rows and callouts do not depend on the page it lands on: read them once
    needs = [(len(rows), [b.code for b, label in zip(f.blocks, labels, strict=True)
                          if label.callout])
             for f, rows, labels in zip(floors, whole.rows, whole.labels, strict=True)]
    counts = _greedy(needs, pitch, width, height, metrics)
    balanced = _greedy(needs, pitch, width, height, metrics,
                       cap=math.ceil(len(floors) / len(counts)))
    if len(balanced) == len(counts):
        counts = balanced
    sheets, first = [], 0
    for count in counts:
        sheets.append(_sheet(floors, first, count, width, height, LABEL_PT, lines, metrics))
        first += count
    return sheets


def tall_sheet(floors: Sequence[PaperFloor], width: float, height: float,
               font: QFont) -> Sheet:
    """The whole tower on one sheet of readable rows however tall that is (an image,
    which has no paper to run out of); at least ``height`` pt."""
    metrics = _Metrics(font)
    lines = _line_options(floors)[0]
    sheet = _sheet(floors, 0, len(floors), width, height, LABEL_PT, lines, metrics)
    return _sheet(floors, 0, len(floors), width, max(height, _needed_height(sheet, metrics)),
                  LABEL_PT, lines, metrics)


def _needed_height(sheet: Sheet, metrics: _Metrics) -> float:
    """The points a sheet's rows and callout list need."""
    rows = sheet.row_count * (sheet.row_height + ROW_GAP_PT)
    return rows + _callout_height(sheet.callouts, sheet.width, metrics)


def sheet_painter(sheet: Sheet, font: QFont) -> Callable[[QPainter, QRectF], float]:
    """A ``paint_map`` for :class:`views.print_layout.MapPage`: the sheet into a rect."""

    def paint(painter: QPainter, target: QRectF) -> float:
        paint_sheet(painter, target, sheet, font)
        return 0.0  # a stacking plan has no scale

    return paint


def paint_sheet(painter: QPainter, target: QRectF, sheet: Sheet, font: QFont) -> None:
    """Draw ``sheet`` into ``target``: its points are stretched onto the rectangle, its
    text keeps its size in points."""
    kx = target.width() / sheet.width if sheet.width else 1.0
    ky = target.height() / sheet.height if sheet.height else 1.0

    def rect(x: float, y: float, w: float, h: float) -> QRectF:
        return QRectF(target.left() + x * kx, target.top() + y * ky, w * kx, h * ky)

    painter.save()
    pt = min(kx, ky)
    no_pen = QPen(Qt.PenStyle.NoPen)
    block_pen = QPen(QColor(OUTLINE), 0.3 * pt)
    overdue_pen = QPen(QColor(OVERDUE), 1.2 * pt)
    name_font = _font(font, sheet.label_pt, bold=True)
    totals_font = _font(font, _totals_pt(sheet.label_pt))
    left = sheet.name_width + COLUMN_GAP_PT
    right = sheet.width - sheet.totals_width - (COLUMN_GAP_PT if sheet.totals_width else 0)
    pitch = sheet.row_height + ROW_GAP_PT
    top = 0.0
    for floor, starts, widths, labels in zip(sheet.floors, sheet.rows, sheet.widths,
                                             sheet.labels, strict=True):
        span = rect(0, top, sheet.name_width, len(starts) * pitch - ROW_GAP_PT)
        painter.setPen(no_pen)
        painter.setBrush(QColor(NAME_FILL))
        painter.drawRect(span)  # a floor of several rows has one name cell
        painter.setFont(name_font)
        painter.setPen(QColor(NAME_TEXT))
        painter.drawText(span, Qt.AlignmentFlag.AlignCenter, floor.name)
        if floor.totals:
            painter.setFont(totals_font)
            painter.setPen(QColor(TOTALS_TEXT))
            painter.drawText(rect(right, top, sheet.width - right,
                                  len(starts) * pitch - ROW_GAP_PT),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             floor.totals)
        for r, start in enumerate(starts):
            stop = starts[r + 1] if r + 1 < len(starts) else len(floor.blocks)
            painter.setPen(no_pen)
            painter.setBrush(QColor(TRACK_FILL))
            painter.drawRect(rect(left, top, right - left, sheet.row_height))
            x = left
            for i in range(start, stop):
                block = floor.blocks[i]
                box = rect(x, top, widths[i], sheet.row_height)
                painter.setPen(block_pen)
                painter.setBrush(QColor(block.colour))
                painter.drawRect(box)
                if block.outlined:
                    painter.setPen(overdue_pen)
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    half = overdue_pen.widthF() / 2
                    painter.drawRect(box.adjusted(half, half, -half, -half))
                _paint_label(painter, box, labels[i], block.colour, font)
                x += widths[i]
            top += pitch
    if sheet.callouts:
        _paint_callouts(painter, sheet, font, rect)
    painter.restore()


# -- layout ----------------------------------------------------------------------------


def _line_options(floors: Sequence[PaperFloor]) -> list[int]:
    """Two label lines (code, then tenant or value) when any block has a second line."""
    return [2, 1] if any(b.note for f in floors for b in f.blocks) else [1]


def _sheet(floors: Sequence[PaperFloor], first: int, count: int, width: float, height: float,
           size: float, lines: int, metrics: _Metrics) -> Sheet:
    """Floors ``first`` … ``first + count - 1`` laid out with labels of ``size`` pt."""
    mine = tuple(floors[first:first + count])
    totals_pt = _totals_pt(size)
    name_width = max(metrics.width(f.name, size, bold=True) for f in floors) + 4 * PAD_PT
    totals_width = max((metrics.width(f.totals, totals_pt) for f in floors if f.totals),
                       default=0.0)
    gaps = COLUMN_GAP_PT * (2 if totals_width else 1)
    plan = max(width - name_width - totals_width - gaps, 1.0)
    # one scale for every floor of the building, so rows compare across pages
    scaled = block_widths([[b.area for b in f.blocks] for f in floors], plan, PAD_PT)
    rows, widths = [], []
    for floor, row in zip(mine, scaled[first:first + count], strict=True):
        least = [metrics.width(b.short or b.code, MIN_PT) + 2 * PAD_PT for b in floor.blocks]
        starts, fitted = _wrap(row, least, plan)
        rows.append(starts)
        widths.append(fitted)
    labels: list[tuple[Label, ...]] = []
    callouts: list[str] = []
    for floor, row in zip(mine, widths, strict=True):
        chosen = []
        for block, w in zip(floor.blocks, row, strict=True):
            label = _label(block, w - 2 * PAD_PT, size, lines, metrics, len(callouts) + 1)
            if label.callout:
                callouts.append(block.code)
            chosen.append(label)
        labels.append(tuple(chosen))
    row_height = _base_row(size, lines, metrics)
    row_count = sum(len(r) for r in rows)
    if row_count:  # a short building's rows grow into the room they have
        room = height - _callout_height(callouts, width, metrics)
        row_height = max(row_height, min(room / row_count - ROW_GAP_PT, MAX_ROW_PT))
    return Sheet(mine, first, len(floors), width, height, size, row_height, name_width,
                 totals_width, tuple(rows), tuple(tuple(w) for w in widths), tuple(labels),
                 tuple(callouts))


def _base_row(size: float, lines: int, metrics: _Metrics) -> float:
    """A row's height before it grows: its label lines and their padding."""
    return lines * metrics.height(size) + 2 * PAD_PT


def _greedy(needs: Sequence[tuple[int, Sequence[str]]], pitch: float, width: float,
            height: float, metrics: _Metrics, cap: int | None = None) -> list[int]:
    """Floors per sheet, filling each while its rows and callout list fit (and ``cap``);
    ``needs`` is each floor's row count and callout codes."""
    counts: list[int] = []
    n, rows, codes = 0, 0, []
    for count, mine in needs:
        need = (rows + count) * pitch + _callout_height([*codes, *mine], width, metrics)
        if n and (need > height + 1e-6 or (cap is not None and n >= cap)):
            counts.append(n)
            n, rows, codes = 0, 0, []
        n += 1
        rows += count
        codes += mine
    if n:
        counts.append(n)
    return counts


def _wrap(widths: list[float], least: list[float], plan: float,
          ) -> tuple[tuple[int, ...], list[float]]:
    """A floor's rows (where each starts) and its blocks' widths.

    Blocks are as wide as their area says, but never narrower than their local
    part at 6 pt (``least``); a floor whose least widths do not fit in one row of
    ``plan`` continues on the next row rather than squeezing its codes away.
    """
    starts, fitted, row, used = [0], [], [], 0.0
    for i, m in enumerate(least):
        if row and used + m > plan:
            fitted += _fit_row([widths[j] for j in row], [least[j] for j in row], plan)
            starts.append(i)
            row, used = [], 0.0
        row.append(i)
        used += m
    fitted += _fit_row([widths[j] for j in row], [least[j] for j in row], plan)
    return tuple(starts), fitted


def _fit_row(widths: list[float], least: list[float], plan: float) -> list[float]:
    """Widths by area, each raised to its ``least``, the wider ones giving the room back
    so the row stays inside ``plan``; a block wider at 6 pt than the whole plan is
    scaled into it (and becomes a numbered callout)."""
    if sum(least) >= plan:
        total = sum(least)
        return [w * plan / total for w in least]
    fitted = [max(w, m) for w, m in zip(widths, least, strict=True)]
    over = sum(fitted) - plan
    if over > 0:  # the blocks above their least width give back the overflow in proportion
        room = sum(w - m for w, m in zip(fitted, least, strict=True))
        fitted = [w - (w - m) * over / room for w, m in zip(fitted, least, strict=True)]
    return fitted


def _label(block: PaperBlock, room: float, size: float, lines: int, metrics: _Metrics,
           number: int) -> Label:
    """The fullest label that fits ``room`` pt: code, local part, smaller local part,
    else a callout number."""
    note = ""
    for text in (block.code, block.short):
        if text and metrics.width(text, size) <= room:
            if lines > 1 and block.note:
                note = metrics.elide(block.note, size, room)
            return Label(text, size, note if note not in ("", "…") else "")
    short = block.short or block.code
    smaller = size - STEP_PT
    while smaller >= MIN_PT - 1e-9:
        if metrics.width(short, smaller) <= room:
            return Label(short, smaller)
        smaller -= STEP_PT
    digits = str(number)
    for points in (size, MIN_PT):
        if metrics.width(digits, points) <= room:
            return Label(digits, points, callout=number)
    return Label("", MIN_PT, callout=number)


def _totals_pt(size: float) -> float:
    return max(MIN_PT, size - 1.5)


def _callout_height(callouts: Sequence[str], width: float, metrics: _Metrics) -> float:
    if not callouts:
        return 0.0
    columns = _callout_columns(callouts, width, metrics)
    rows = math.ceil(len(callouts) / columns)
    return (rows + 1) * metrics.height(CALLOUT_PT) * 1.15 + 2 * ROW_GAP_PT


def _callout_columns(callouts: Sequence[str], width: float, metrics: _Metrics) -> int:
    entry = _callout_entry_width(callouts, metrics)
    return max(1, int(width // entry))


def _callout_entry_width(callouts: Sequence[str], metrics: _Metrics) -> float:
    number = metrics.width(str(len(callouts)), CALLOUT_PT, bold=True)
    return number + metrics.width("  ", CALLOUT_PT) + max(
        metrics.width(c, CALLOUT_PT) for c in callouts) + 3 * COLUMN_GAP_PT


# -- painting --------------------------------------------------------------------------


def _paint_label(painter: QPainter, box: QRectF, label: Label, fill: str,
                 font: QFont) -> None:
    if not label.text:
        return
    painter.setPen(QColor(text_colour_on(fill)))
    main = _font(font, label.points, bold=bool(label.callout))
    if not label.note:
        painter.setFont(main)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label.text)
        return
    line = QFontMetricsF(main, painter.device()).height()
    top = box.center().y() - line
    painter.setFont(main)
    painter.drawText(QRectF(box.left(), top, box.width(), line),
                     Qt.AlignmentFlag.AlignCenter, label.text)
    painter.drawText(QRectF(box.left(), top + line, box.width(), line),
                     Qt.AlignmentFlag.AlignCenter, label.note)


def _paint_callouts(painter: QPainter, sheet: Sheet, font: QFont,
                    rect: Callable[[float, float, float, float], QRectF]) -> None:
    """The numbered units under the rows: ``3  ZD-A3-0612``, in columns."""
    metrics = _Metrics(font)
    line = metrics.height(CALLOUT_PT) * 1.15
    top = sheet.row_count * (sheet.row_height + ROW_GAP_PT) + ROW_GAP_PT
    plain, bold = _font(font, CALLOUT_PT), _font(font, CALLOUT_PT, bold=True)
    painter.setPen(QColor("#000000"))
    painter.setFont(plain)
    painter.drawText(rect(0, top, sheet.width, line), Qt.AlignmentFlag.AlignVCenter,
                     translate("Map", "Units numbered in the plan:"))
    columns = _callout_columns(sheet.callouts, sheet.width, metrics)
    entry = sheet.width / columns
    number_w = metrics.width(str(len(sheet.callouts)), CALLOUT_PT, bold=True)
    for i, code in enumerate(sheet.callouts):
        row, column = divmod(i, columns)
        x, y = column * entry, top + (row + 1) * line
        painter.setFont(bold)
        painter.drawText(rect(x, y, number_w, line),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         str(i + 1))
        painter.setFont(plain)
        gap = metrics.width("  ", CALLOUT_PT)
        painter.drawText(rect(x + number_w + gap, y, entry - number_w - gap, line),
                         Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextDontClip, code)


def _font(base: QFont, points: float, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


class _Metrics:
    """Text widths and heights in points, measured on a fine image so they do not
    round to whole pixels."""

    def __init__(self, font: QFont) -> None:
        self._font = QFont(font)
        self._device = QImage(1, 1, QImage.Format.Format_RGB32)
        per_metre = round(MEASURE_DPI / 0.0254)
        self._device.setDotsPerMeterX(per_metre)
        self._device.setDotsPerMeterY(per_metre)
        self._scale = 72.0 / MEASURE_DPI
        self._fonts: dict[tuple[float, bool], QFontMetricsF] = {}
        self._widths: dict[tuple[str, float, bool], float] = {}

    def _metrics(self, points: float, bold: bool = False) -> QFontMetricsF:
        found = self._fonts.get((points, bold))
        if found is None:
            found = self._fonts[(points, bold)] = QFontMetricsF(
                _font(self._font, points, bold), self._device)
        return found

    def width(self, text: str, points: float, bold: bool = False) -> float:
        key = (text, points, bold)
        found = self._widths.get(key)
        if found is None:
            found = self._widths[key] = (
                self._metrics(points, bold).horizontalAdvance(text) * self._scale)
        return found

    def height(self, points: float) -> float:
        return self._metrics(points).height() * self._scale

    def elide(self, text: str, points: float, room: float) -> str:
        return self._metrics(points).elidedText(text, Qt.TextElideMode.ElideRight,
                                                room / self._scale)
