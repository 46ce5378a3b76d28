"""A contract's document for signing as a PDF: real text, tables that page, the plan excerpt.

The document is laid out as a ``QTextDocument`` on the PDF writer itself (so
fonts are measured at the PDF's resolution), paged at the paper's height:
long clauses wrap and flow, a table's header row is repeated on every page it
runs onto, and a row is never cut in two. Each page then gets the contract's
code and "page x of y" under a rule. Every word comes in with the data, in
the document's language (a contract may be printed in English from a Chinese
desktop), so nothing here goes through the interface's catalogue.

A bilingual document (its parts, clauses and words carrying the English
beneath the Chinese) is stacked, not set in two columns: each heading and
paragraph in Chinese with its English right under it, a size smaller, the
tables' headers and item names in both on two lines of a cell. Stacked, a
long clause flows and pages as a single-language one does (a two-column
table row could not be split at a page's end, and an English clause is half
again as long as its Chinese, leaving the Chinese column half empty), a
heading is still one block kept with what follows, and the text layer reads
in order: Chinese, then its English.

The plan excerpt is the floor plan's own drawing (:class:`FloorPlanView`,
``render_to``) of each floor the contract lets units on, those units filled
and outlined, the others pale, cropped to the part of the floor the data's
``window`` says (the let units and a margin around them).

Views never reach the services: the data is read through the small protocols
below, which ``services.contract_document.ContractDocumentData`` fills.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextTable,
    QTextTableFormat,
)
from shapely.geometry.base import BaseGeometry

from runtime.files import written_whole
from views.floor_plan import FloorPlanView, MapShape
from views.map_canvas import MapStyle

PDF_DPI = 300
# A QTextDocument laid out on a device measures block margins in the device's pixels, but
# a table's padding and borders (and an image's size) in pixels at 96 dpi, scaled to it.
SCREEN_DPI = 96.0
MM_PER_INCH = 25.4
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3}
BODY_PT, TABLE_PT, HEADING_PT, TITLE_PT, FOOTER_PT = 10.5, 8.5, 12.0, 18.0, 8.0
# A bilingual document's second language, beneath the first: a size smaller
SECOND_PT, SECOND_HEADING_PT, SECOND_TITLE_PT = 9.5, 10.5, 13.0
LET_FILL, OTHER_FILL = "#f6b26b", "#eeeeee"  # the plan: the units let, the rest
HEAD_FILL, TOTAL_FILL, RULE = "#eef1f5", "#f6f7f9", "#8a939c"
RULE_PX = 0.6  # a table's rules, 96-dpi pixels (0.16 mm)
_BEFORE = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
PLAN_MM, PLAN_DPI = 174.0, 250  # the plan excerpt as wide as A4's text, and its resolution
PLAN_LABEL_PT = 12.0  # the plan's font: a unit's code is drawn at 85 % of it (as on screen)
WINDOW_PAD = 0.01  # around a cropped excerpt's window, of its larger side


# -- what the PDF reads (services.contract_document fills it) -------------------------------


class PartyFacts(Protocol):
    @property
    def role(self) -> str: ...
    @property
    def name(self) -> str: ...


class UnitFacts(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def building(self) -> str: ...
    @property
    def floor(self) -> str: ...
    @property
    def area_text(self) -> str: ...


class ClauseFacts(Protocol):
    @property
    def title(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def second_title(self) -> str: ...  # a bilingual document's English, else ""
    @property
    def second_text(self) -> str: ...


class RowFacts(Protocol):
    @property
    def period(self) -> str: ...
    @property
    def due(self) -> str: ...
    @property
    def charge(self) -> str: ...
    @property
    def amount_text(self) -> str: ...
    @property
    def why(self) -> str: ...


class PartFacts(Protocol):
    @property
    def kind(self) -> str: ...  # title | heading | paragraph | block
    @property
    def text(self) -> str: ...
    @property
    def second(self) -> str: ...  # a bilingual document's English, printed beneath; or ""


class PlanUnitFacts(Protocol):
    @property
    def id(self) -> uuid.UUID: ...
    @property
    def code(self) -> str: ...
    @property
    def outline(self) -> BaseGeometry: ...
    @property
    def let(self) -> bool: ...


class PlanFloorFacts(Protocol):
    @property
    def title(self) -> str: ...
    @property
    def background(self) -> BaseGeometry | None: ...
    @property
    def units(self) -> Sequence[PlanUnitFacts]: ...
    @property
    def window(self) -> tuple[float, float, float, float] | None: ...  # metres, y up; None


class ContractFacts(Protocol):
    """What the contract's PDF prints (``ContractDocumentData``)."""

    @property
    def code(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def landlord(self) -> PartyFacts: ...
    @property
    def tenant(self) -> PartyFacts: ...
    @property
    def units(self) -> Sequence[UnitFacts]: ...
    @property
    def total_area(self) -> Decimal: ...
    @property
    def clauses(self) -> Sequence[ClauseFacts]: ...
    @property
    def schedule(self) -> Sequence[RowFacts]: ...
    @property
    def totals(self) -> Sequence[tuple[str, str]]: ...
    @property
    def notes(self) -> Sequence[str]: ...
    @property
    def words(self) -> Mapping[str, str]: ...
    @property
    def parts(self) -> Sequence[PartFacts]: ...
    @property
    def plan_caption(self) -> str: ...
    @property
    def language(self) -> str: ...


@dataclass(frozen=True)
class PageSetup:
    """The paper (portrait), its margins and the document's font (its families matter:
    a Chinese contract asks for a Simplified Chinese family first)."""

    size: str = "A4"
    margin_mm: float = 18.0  # the footer sits in the bottom one, 5 mm under the text
    font: QFont | None = None


# -- the PDF ---------------------------------------------------------------------------------


def write_contract_pdf(data: ContractFacts, plan_excerpt: QImage | None,
                       target: Path | str | QIODevice, page: PageSetup | None = None) -> int:
    """Write the contract's document to ``target`` (a file, written whole or not at all, or
    an open device); returns the number of pages."""
    page = page or PageSetup()
    if page.size not in PAGE_SIZES:
        raise ValueError(f"unknown paper size {page.size} (A4 or A3)")
    if isinstance(target, QIODevice):
        return _write(data, plan_excerpt, target, page)
    with written_whole(target) as partial:
        return _write(data, plan_excerpt, str(partial), page)


def _write(data: ContractFacts, plan: QImage | None, target: str | QIODevice,
           page: PageSetup) -> int:
    writer = QPdfWriter(target)
    writer.setResolution(PDF_DPI)
    writer.setTitle(f"{data.title} {data.code}")
    writer.setCreator("Leasemap")
    writer.setPageLayout(QPageLayout(QPageSize(PAGE_SIZES[page.size]),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    sheet = QRectF(writer.pageLayout().paintRectPixels(PDF_DPI))
    k = PDF_DPI / MM_PER_INCH
    margin = page.margin_mm * k
    body = QSizeF(sheet.width() - 2 * margin, sheet.height() - 2 * margin)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {target}")
    try:
        document = contract_document(data, plan, body, page.font or QFont(), writer)
        pages = document.pageCount()
        for i in range(pages):
            if i:
                writer.newPage()
            painter.save()
            painter.translate(margin, margin - i * body.height())
            document.drawContents(painter, QRectF(0, i * body.height(), body.width(),
                                                  body.height()))
            painter.restore()
            _footer(painter, data, i + 1, pages, QRectF(
                margin, sheet.height() - margin + 5 * k, body.width(), margin - 5 * k),
                page.font or QFont(), k)
    finally:
        painter.end()
    return pages


def _footer(painter: QPainter, data: ContractFacts, number: int, pages: int, rect: QRectF,
            base: QFont, k: float) -> None:
    font = _font(base, FOOTER_PT)
    painter.save()
    painter.setPen(QPen(QColor("#888888"), 0.2 * k))
    painter.drawLine(QPointF(rect.left(), rect.top()), QPointF(rect.right(), rect.top()))
    painter.setFont(font)
    painter.setPen(QColor("#555555"))
    height = QFontMetricsF(font, painter.device()).height()
    line = QRectF(rect.left(), rect.top() + 1 * k, rect.width(), height)
    painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     data.words["footer"].format(code=data.code))
    painter.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                     data.words["page"].format(page=number, pages=pages))
    painter.restore()


def contract_document(data: ContractFacts, plan: QImage | None, body: QSizeF, base: QFont,
                      device: QPdfWriter | QImage) -> QTextDocument:
    """The contract laid out on ``device`` in pages of ``body`` (device pixels)."""
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDefaultFont(_font(base, BODY_PT))
    document.setDocumentMargin(0)
    document.setPageSize(body)
    writer = _Writer(document, data, plan, body.width(), device.logicalDpiY())
    writer.run()
    writer.keep_together(body.height())
    return document


class _Writer:
    """Writes the template's parts into the document, one block after another."""

    def __init__(self, document: QTextDocument, data: ContractFacts, plan: QImage | None,
                 width: float, dpi: float) -> None:
        self.document = document
        self.data = data
        self.plan = plan
        self.mm = dpi / MM_PER_INCH  # device pixels: block margins
        self.frame_mm = SCREEN_DPI / MM_PER_INCH  # 96-dpi pixels: tables and images
        self.width = width / self.mm * self.frame_mm  # the text's width in 96-dpi pixels
        self.cursor = QTextCursor(document)
        self.first = True
        # What must not be cut by a page's end: (heading block, the block after it) and
        # tables that fit on a page (the signatures)
        self.headings: list[int] = []  # block numbers
        self.whole: list[QTextFrame] = []
        # A bilingual paragraph's Chinese block, kept on the page of its English's first line
        self.pairs: list[int] = []  # block numbers

    def run(self) -> None:
        self.cursor.beginEditBlock()  # laid out once at the end, not after every cell
        try:
            self._parts()
        finally:
            self.cursor.endEditBlock()

    def _parts(self) -> None:
        for part in self.data.parts:
            if part.kind == "title":
                self._block(part.text, TITLE_PT, bold=True, centre=True, after=4,
                            second=(part.second, SECOND_TITLE_PT))
            elif part.kind == "heading":
                self._block(part.text, HEADING_PT, bold=True, before=3, after=1,
                            second=(part.second, SECOND_HEADING_PT))
                self.headings.append(self.cursor.block().blockNumber())
            elif part.kind == "paragraph":
                if part.text:
                    self._block(part.text, BODY_PT, after=0.8 if part.second else 1.5)
                    if part.second:
                        self.pairs.append(self.cursor.block().blockNumber())
                if part.second:
                    self._block(part.second, SECOND_PT, after=1.5)
            else:
                getattr(self, f"_{part.text}")()

    # -- text ---------------------------------------------------------------------------

    def _block(self, text: str, points: float, bold: bool = False, centre: bool = False,
               before: float = 0.0, after: float = 0.0, indent: float = 0.0,
               hanging: float = 0.0, second: tuple[str, float] = ("", 0.0)) -> None:
        """A paragraph (its lines kept as line breaks); ``second`` (text, size) on the next
        line of the same block: a title's or a heading's English stays with it."""
        fmt = QTextBlockFormat()
        fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter if centre
                         else Qt.AlignmentFlag.AlignLeft)
        fmt.setTopMargin(before * self.mm)
        fmt.setBottomMargin(after * self.mm)
        fmt.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        if indent or hanging:
            fmt.setLeftMargin((indent + hanging) * self.mm)
            fmt.setTextIndent(-hanging * self.mm)
        self._new_block(fmt)
        if text:
            self.cursor.insertText(_lines(text), _chars(points, bold))
        if second[0]:
            self.cursor.insertText(("\u2028" if text else "") + _lines(second[0]),
                                   _chars(second[1], bold))

    def _new_block(self, fmt: QTextBlockFormat) -> None:
        if self.first:
            self.cursor.setBlockFormat(fmt)
            self.first = False
        else:
            self.cursor.insertBlock(fmt)

    # -- blocks ---------------------------------------------------------------------------

    def _units_table(self) -> None:
        w = self.data.words
        rows = [(u.code, u.building, u.floor, u.area_text) for u in self.data.units]
        self._table([w["col-code"], w["col-building"], w["col-floor"], w["col-area"]], rows,
                    [30, 32, 14, 24], numeric={3},
                    totals=[(w["total"], "", "", f"{self.data.total_area:,.2f}")])

    def _plan_excerpt(self) -> None:
        fmt = QTextBlockFormat()
        fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        fmt.setTopMargin(1 * self.mm)
        fmt.setBottomMargin(1 * self.mm)
        self._new_block(fmt)
        if self.plan is None or self.plan.isNull():
            self.cursor.insertText(_lines(self.data.words["plan-none"]), _chars(BODY_PT))
            return
        url = QUrl("leasemap://contract/plan")
        self.document.addResource(QTextDocument.ResourceType.ImageResource, url, self.plan)
        width = self.width
        height = width * self.plan.height() / max(1, self.plan.width())
        most = 110 * self.frame_mm  # a tall plan is narrowed, not let run over a page
        if height > most:
            width, height = width * most / height, most
        image = QTextImageFormat()
        image.setName(url.toString())
        image.setWidth(width)
        image.setHeight(height)
        self.cursor.insertImage(image)
        if self.data.plan_caption:
            self._block(self.data.plan_caption, TABLE_PT, centre=True, after=2)

    def _clauses(self) -> None:
        """Numbered, the number hanging; a bilingual clause's English beneath, under the
        Chinese text (not the number)."""
        for i, clause in enumerate(self.data.clauses, 1):
            title = self.data.words["clause-head"].format(n=i, title=clause.title)
            fmt = QTextBlockFormat()
            fmt.setBottomMargin((0.8 if clause.second_text else 1.5) * self.mm)
            fmt.setLeftMargin(6 * self.mm)
            fmt.setTextIndent(-6 * self.mm)
            fmt.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            self._new_block(fmt)
            self.cursor.insertText(title, _chars(BODY_PT, bold=True))
            self.cursor.insertText(clause.text, _chars(BODY_PT))
            if clause.second_text:
                self.pairs.append(self.cursor.block().blockNumber())
                fmt.setTextIndent(0)
                fmt.setBottomMargin(1.5 * self.mm)
                self._new_block(fmt)
                head = self.data.words["clause-head-plain"].format(title=clause.second_title)
                self.cursor.insertText(head, _chars(SECOND_PT, bold=True))
                self.cursor.insertText(clause.second_text, _chars(SECOND_PT))

    def _schedule_table(self) -> None:
        w = self.data.words
        rows = [(r.period, r.due, r.charge, r.amount_text, r.why) for r in self.data.schedule]
        self._table([w["col-period"], w["col-due"], w["col-charge"], w["col-amount"],
                     w["col-why"]], rows, [25, 12, 22, 14, 27], numeric={3},
                    totals=[(what, "", "", amount, "") for what, amount in self.data.totals],
                    span_totals=3)
        for note in self.data.notes:
            self._block(note, TABLE_PT, after=1)

    def _signatures(self) -> None:
        w = self.data.words
        fmt = _table_format([50, 50], border=0.0, padding=2 * self.frame_mm)
        fmt.setTopMargin(8 * self.frame_mm)
        table = self.cursor.insertTable(1, 2, fmt)
        self.whole.append(table)
        for column, party in enumerate((self.data.landlord, self.data.tenant)):
            cell = table.cellAt(0, column).firstCursorPosition()
            cell.insertText(_lines(party.role), _chars(BODY_PT, bold=True))
            gap = QTextBlockFormat()
            gap.setTopMargin(3 * self.mm)
            for text in (w["sign-name"].format(name=party.name), w["sign-by"], "",
                         w["sign-seal"], w["sign-date"]):
                cell.insertBlock(gap)
                cell.insertText(_lines(text), _chars(BODY_PT))
        self.cursor.movePosition(QTextCursor.MoveOperation.End)

    # -- tables ---------------------------------------------------------------------------

    def _table(self, headers: Sequence[str], rows: Sequence[Sequence[str]],
               widths: Sequence[float], numeric: set[int],
               totals: Sequence[Sequence[str]] = (), span_totals: int = 1) -> QTextTable:
        """A ruled table; its header row is repeated on each page it continues on."""
        fmt = _table_format(widths, border=RULE_PX, padding=1.2 * self.frame_mm)
        fmt.setTopMargin(1 * self.frame_mm)
        fmt.setBottomMargin(2 * self.frame_mm)
        fmt.setHeaderRowCount(1)
        table = self.cursor.insertTable(1 + len(rows) + len(totals), len(headers), fmt)
        head = _chars(TABLE_PT, bold=True)
        body = _chars(TABLE_PT)
        for c, text in enumerate(headers):
            self._cell(table, 0, c, text, head, HEAD_FILL, centre=True)
        for r, row in enumerate(rows, 1):
            for c, text in enumerate(row):
                self._cell(table, r, c, text, body, right=c in numeric)
        for t, row in enumerate(totals, 1 + len(rows)):
            if span_totals > 1:
                table.mergeCells(t, 0, 1, span_totals)
            for c, text in enumerate(row):
                if c == 0 or c >= span_totals:
                    self._cell(table, t, c, text, head, TOTAL_FILL, right=c in numeric)
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        return table

    @staticmethod
    def _cell(table: QTextTable, row: int, column: int, text: str, chars: QTextCharFormat,
              fill: str = "", right: bool = False, centre: bool = False) -> None:
        cell = table.cellAt(row, column)
        fmt = cell.format().toTableCellFormat()
        # Rules between rows only (collapsed borders are the cells' own): a row that ends
        # a page is drawn down to the page's foot, which a frame of columns would show.
        fmt.setTopBorder(RULE_PX)
        fmt.setBottomBorder(RULE_PX)
        fmt.setLeftBorder(0)
        fmt.setRightBorder(0)
        fmt.setBorderBrush(QBrush(QColor(RULE)))
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        if fill:
            fmt.setBackground(QBrush(QColor(fill)))
        cell.setFormat(fmt)
        cursor = cell.firstCursorPosition()
        block = QTextBlockFormat()
        block.setAlignment(Qt.AlignmentFlag.AlignRight if right else
                           Qt.AlignmentFlag.AlignHCenter if centre else
                           Qt.AlignmentFlag.AlignLeft)
        cursor.setBlockFormat(block)
        # An empty cell as high as a full one. A cell's format is its first block's char
        # format: merged into, not replaced (that would drop the fill and the borders).
        cursor.mergeBlockCharFormat(chars)
        cursor.insertText(_lines(text), chars)

    # -- pages ----------------------------------------------------------------------------

    def keep_together(self, page: float) -> None:
        """Move a heading left alone at a page's foot, the signatures cut by one, or a
        bilingual paragraph's Chinese parted from its English, to the next page. In document
        order, laid out again after each move, so each decision sees the moves above it; a
        heading right before the signatures goes with them."""
        items: list[tuple[int, str, int | QTextFrame]] = [
            (self.document.findBlockByNumber(n).position(), "heading", n)
            for n in self.headings]
        items += [(self.document.findBlockByNumber(n).position(), "pair", n)
                  for n in self.pairs]
        items += [(frame.firstPosition(), "frame", frame) for frame in self.whole]
        for _position, kind, item in sorted(items, key=lambda triple: triple[0]):
            self.document.pageCount()  # lays the document out
            if isinstance(item, QTextFrame):
                self._keep_frame(item, page)
            elif kind == "heading":
                self._keep_heading(self.document.findBlockByNumber(item), page)
            else:
                self._keep_pair(self.document.findBlockByNumber(item), page)

    def _keep_heading(self, heading: QTextBlock, page: float) -> None:
        following = heading.next()
        if not following.isValid():
            return
        layout = self.document.documentLayout()
        top = layout.blockBoundingRect(heading).top()
        kept = self._whole_frame(following)
        if kept is not None:  # the signatures: the heading goes with all of them
            rect = layout.frameBoundingRect(kept)
            end = rect.bottom() if rect.height() + (rect.top() - top) < page else rect.top()
        else:
            end = self._top_of(following)
        if int(top // page) != int(end // page):
            fmt = heading.blockFormat()
            fmt.setPageBreakPolicy(_BEFORE)
            QTextCursor(heading).setBlockFormat(fmt)

    def _keep_pair(self, first: QTextBlock, page: float) -> None:
        """A Chinese paragraph wholly on one page whose English starts on the next goes
        with it (its heading too, when the heading was right above it)."""
        layout = self.document.documentLayout()
        rect = layout.blockBoundingRect(first)
        lines = first.layout()
        last = rect.top() + (lines.lineAt(lines.lineCount() - 1).rect().bottom()
                             if lines.lineCount() else 0.0)
        top_page = int(rect.top() // page)
        if top_page != int(last // page) or top_page == int(self._top_of(first.next()) // page):
            return
        moved = first.previous() if first.blockNumber() - 1 in self.headings else first
        fmt = moved.blockFormat()
        fmt.setPageBreakPolicy(_BEFORE)
        QTextCursor(moved).setBlockFormat(fmt)

    def _keep_frame(self, frame: QTextFrame, page: float) -> None:
        rect = self.document.documentLayout().frameBoundingRect(frame)
        if rect.height() < page and int(rect.top() // page) != int(rect.bottom() // page):
            fmt = frame.frameFormat()
            fmt.setPageBreakPolicy(_BEFORE)
            frame.setFrameFormat(fmt)

    def _whole_frame(self, block: QTextBlock) -> QTextFrame | None:
        """The table kept whole that ``block`` starts, if any."""
        table = QTextCursor(block).currentTable()
        if table is None:
            return None
        return next((f for f in self.whole if f.firstPosition() == table.firstPosition()),
                    None)

    def _top_of(self, block: QTextBlock) -> float:
        """Where a block's first line is drawn (a table's first row, when it starts one)."""
        table = QTextCursor(block).currentTable()
        layout = self.document.documentLayout()
        if table is not None:
            return layout.frameBoundingRect(table).top() + 10 * self.mm  # its head, a row
        line = block.layout().lineAt(0) if block.layout().lineCount() else None
        rect = layout.blockBoundingRect(block)
        return rect.top() + (line.rect().bottom() if line is not None else 0.0)


def _table_format(widths: Sequence[float], border: float, padding: float) -> QTextTableFormat:
    fmt = QTextTableFormat()
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, w)
                                   for w in widths])
    fmt.setCellSpacing(0)
    fmt.setCellPadding(padding)
    fmt.setBorder(border)
    if border:
        fmt.setBorderCollapse(True)
        fmt.setBorderBrush(QBrush(QColor(RULE)))
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    else:
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
    return fmt


def _lines(text: str) -> str:
    """Text whose lines (a bilingual cell's two languages) stay lines of one paragraph."""
    return text.replace("\n", "\u2028")


def _chars(points: float, bold: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontPointSize(points)
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    return fmt


def _font(base: QFont, points: float) -> QFont:
    font = QFont(base)
    font.setPointSizeF(points)
    return font


# -- the plan excerpt ------------------------------------------------------------------------


def plan_excerpt(floors: Sequence[PlanFloorFacts], width_mm: float = PLAN_MM,
                 dpi: int = PLAN_DPI, font: QFont | None = None) -> QImage | None:
    """Each floor the contract lets units on, drawn by the floor plan with those units
    filled, outlined and labelled, the others pale; floors one under the other, each under
    its title when there are several. None without a floor to draw.

    Drawn at its printed size (``width_mm`` at ``dpi``), so the codes print at the size the
    floor plan's labels have (85 % of ``font``'s, 12 pt by default).
    """
    width = round(width_mm / MM_PER_INCH * dpi)
    base = QFont(font) if font is not None else QFont()
    base.setPointSizeF(PLAN_LABEL_PT)
    drawn = [image for image in (_floor_image(f, width, dpi, base, len(floors) > 1)
                                 for f in floors) if image is not None]
    if not drawn:
        return None
    if len(drawn) == 1:
        return drawn[0]
    gap = round(dpi / MM_PER_INCH * 4)
    image = _image(width, sum(i.height() for i in drawn) + gap * (len(drawn) - 1), dpi)
    painter = QPainter(image)
    y = 0
    for part in drawn:
        painter.drawImage(0, y, part)
        y += part.height() + gap
    painter.end()
    return image


def _floor_image(floor: PlanFloorFacts, width: int, dpi: int, font: QFont, titled: bool
                 ) -> QImage | None:
    if not floor.units:
        return None
    view = FloorPlanView()
    try:
        view.setFont(font)  # read by show_floor for the labels
        view.resize(1200, 800)
        units = list(floor.units)
        view.show_floor([MapShape(u.id, u.outline) for u in units], floor.background)
        view.apply_style(MapStyle(
            colours=[LET_FILL if u.let else OTHER_FILL for u in units],
            labels=[u.code if u.let else "" for u in units],
            outlined=frozenset(u.id for u in units if u.let)))
        if floor.window is not None:  # the let units' part of the floor (y is down on screen)
            x0, y0, x1, y1 = floor.window
            pad = max(x1 - x0, y1 - y0) * WINDOW_PAD  # an outline on its edge drawn whole
            view.scene().setSceneRect(QRectF(x0 - pad, -y1 - pad, x1 - x0 + 2 * pad,
                                             y1 - y0 + 2 * pad))
        source = view.scene().sceneRect()
        if source.isEmpty():
            return None
        height = round(min(width * source.height() / source.width(), width * 0.9))
        title = round(QFontMetricsF(font, _image(1, 1, dpi)).height() * 1.6) if titled else 0
        image = _image(width, height + title, dpi)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        try:
            if titled:
                painter.setFont(font)
                painter.setPen(QColor("#000000"))
                painter.drawText(QRectF(0, 0, width, title), Qt.AlignmentFlag.AlignLeft
                                 | Qt.AlignmentFlag.AlignVCenter, floor.title)
            view.render_to(painter, QRectF(0, title, width, height))
        finally:
            painter.end()
        return image
    finally:
        view.deleteLater()


def _image(width: int, height: int, dpi: float) -> QImage:
    image = QImage(max(1, width), max(1, height), QImage.Format.Format_RGB32)
    per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(per_metre)
    image.setDotsPerMeterY(per_metre)
    image.fill(QColor("#ffffff"))
    return image
