"""A payment reminder (催款通知书) as a PDF: real text, the overdue bills in a table that pages.

Laid out like the contract's document (``views.contract_pdf``, whose writer it
extends): a ``QTextDocument`` on the PDF writer, paged at the paper's height,
a table's header repeated on every page it runs onto, each page's footer
naming the letter and "page x of y". Its blocks are the bills table (with its
total row), the pay-to lines and the park's signature. Every word comes in
with the data, in the letter's language, so nothing here goes through the
interface's catalogue; ``services.reminder_letter.ReminderData`` fills it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

from runtime.files import written_whole
from views.contract_pdf import (
    BODY_PT,
    MM_PER_INCH,
    PAGE_SIZES,
    PDF_DPI,
    PageSetup,
    PartFacts,
    _chars,
    _font,
    _footer,
    _lines,
    _table_format,
    _Writer,
)


class LineFacts(Protocol):
    @property
    def number(self) -> str: ...
    @property
    def charge_text(self) -> str: ...
    @property
    def period(self) -> str: ...
    @property
    def due(self) -> str: ...
    @property
    def amount_text(self) -> str: ...
    @property
    def days_text(self) -> str: ...
    @property
    def fee_text(self) -> str: ...


class ReminderFacts(Protocol):
    """What the letter prints (``services.reminder_letter.ReminderData``)."""

    @property
    def code(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def lines(self) -> Sequence[LineFacts]: ...
    @property
    def totals(self) -> Sequence[tuple[str, str]]: ...  # overdue, fees, total
    @property
    def payee(self) -> Sequence[tuple[str, str]]: ...
    @property
    def signer(self) -> str: ...
    @property
    def date_text(self) -> str: ...
    @property
    def words(self) -> Mapping[str, str]: ...
    @property
    def parts(self) -> Sequence[PartFacts]: ...


def write_reminder_pdf(data: ReminderFacts, target: Path | str | QIODevice,
                       page: PageSetup | None = None) -> int:
    """Write the letter to ``target`` (a file, written whole or not at all, or an open
    device); returns the number of pages."""
    page = page or PageSetup()
    if page.size not in PAGE_SIZES:
        raise ValueError(f"unknown paper size {page.size} (A4 or A3)")
    if isinstance(target, QIODevice):
        return _write(data, target, page)
    with written_whole(target) as partial:
        return _write(data, str(partial), page)


def _write(data: ReminderFacts, target: str | QIODevice, page: PageSetup) -> int:
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
    base = page.font or QFont()
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {target}")
    try:
        document = reminder_document(data, body, base, writer)
        pages = document.pageCount()
        for i in range(pages):
            if i:
                writer.newPage()
            painter.save()
            painter.translate(margin, margin - i * body.height())
            document.drawContents(painter, QRectF(0, i * body.height(), body.width(),
                                                  body.height()))
            painter.restore()
            _footer(painter, data, i + 1, pages, QRectF(  # type: ignore[arg-type]
                margin, sheet.height() - margin + 5 * k, body.width(), margin - 5 * k),
                base, k)
    finally:
        painter.end()
    return pages


def reminder_document(data: ReminderFacts, body: QSizeF, base: QFont,
                      device: QPdfWriter) -> QTextDocument:
    """The letter laid out on ``device`` in pages of ``body`` (device pixels).

    A bill whose row a page's end would cut (its number or its period on two lines) starts
    the next page instead, under the table's header: the letter is laid out again with the
    bills table cut before that row, until no row is cut."""
    cuts: list[int] = []
    while True:
        document = QTextDocument()
        document.documentLayout().setPaintDevice(device)
        document.setDefaultFont(_font(base, BODY_PT))
        document.setDocumentMargin(0)
        document.setPageSize(body)
        writer = _ReminderWriter(document, data, None, body.width(),  # type: ignore[arg-type]
                                 device.logicalDpiY())
        writer.cuts = tuple(cuts)
        writer.run()
        cut = writer.cut_row(body.height())
        if cut is None or (cuts and cut <= cuts[-1]):
            break
        cuts.append(cut)
    writer.keep_together(body.height())
    return document


class _ReminderWriter(_Writer):
    """The contract writer's text, tables and paging, with the letter's own blocks."""

    data: ReminderFacts  # type: ignore[assignment]
    cuts: tuple[int, ...] = ()  # the bills (by index) that start a page, under the header
    tables: list[tuple[int, QTextTable]]  # the bills table's parts, by their first bill

    def _bills_table(self) -> None:
        w = self.data.words
        rows = [(x.number, x.charge_text, x.period, x.due, x.amount_text, x.days_text,
                 x.fee_text) for x in self.data.lines]
        overdue, fees = self.data.totals[0][1], self.data.totals[1][1]
        headers = [w["col-bill"], w["col-charge"], w["col-period"], w["col-due"],
                   w["col-amount"], w["col-days"], w["col-fee"]]
        bounds = [0, *self.cuts, len(rows)]
        self.tables = []
        for n, (first, last) in enumerate(pairwise(bounds)):
            final = n == len(bounds) - 2
            table = self._table(
                headers, rows[first:last], [27, 11, 17, 12, 12, 9, 12], numeric={4, 5, 6},
                totals=[(w["total"], "", "", "", overdue, "", fees)] if final else (),
                span_totals=4)
            if n:  # a part after a cut starts a page
                fmt = table.format()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                fmt.setTopMargin(0)
                table.setFormat(fmt)
            if not final:
                fmt = table.format()
                fmt.setBottomMargin(0)
                table.setFormat(fmt)
            self.tables.append((first, table))

    def cut_row(self, page: float) -> int | None:
        """The first bill (its index) whose row a page's end cuts, after the last cut; None
        when none is (a row taller than a page is cut whatever is done)."""
        layout = self.document.documentLayout()
        self.document.pageCount()  # lays the document out
        for first, table in getattr(self, "tables", ()):
            for row in range(1, table.rows()):
                index = first + row - 1
                if index >= len(self.data.lines) or (self.cuts and index <= self.cuts[-1]):
                    continue
                cells = [table.cellAt(row, column) for column in range(table.columns())]
                top = min(layout.blockBoundingRect(c.firstCursorPosition().block()).top()
                          for c in cells)
                bottom = max(layout.blockBoundingRect(c.lastCursorPosition().block()).bottom()
                             for c in cells)
                if bottom - top < page and int(top // page) != int((bottom - 1) // page):
                    return index
        return None

    def _payee(self) -> None:
        """Label and value on a line each; a value not stored is a line to fill in."""
        fmt = _table_format([22, 78], border=0.0, padding=1.2 * self.frame_mm)
        table = self.cursor.insertTable(len(self.data.payee), 2, fmt)
        self.whole.append(table)
        for row, (label, value) in enumerate(self.data.payee):
            for column, text in enumerate((label, value)):
                cell = table.cellAt(row, column).firstCursorPosition()
                cell.insertText(_lines(text), _chars(BODY_PT, bold=column == 0))
        self.cursor.movePosition(QTextCursor.MoveOperation.End)

    def _signature(self) -> None:
        """The park's name, for its seal, and the day: right-aligned under the text, kept
        together on one page."""
        fmt = _table_format([45, 55], border=0.0, padding=1.2 * self.frame_mm)
        fmt.setTopMargin(8 * self.frame_mm)
        table = self.cursor.insertTable(1, 2, fmt)
        self.whole.append(table)
        cell = table.cellAt(0, 1).firstCursorPosition()
        for n, text in enumerate((self.data.signer, self.data.date_text)):
            block = QTextBlockFormat()
            block.setAlignment(Qt.AlignmentFlag.AlignRight)
            block.setTopMargin((4.0 if n else 0.0) * self.mm)
            if n:
                cell.insertBlock(block)
            else:
                cell.setBlockFormat(block)
            cell.insertText(_lines(text), _chars(BODY_PT))
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
