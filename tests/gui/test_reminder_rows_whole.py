"""A payment reminder never cuts a bill's row at a page's end: the row (its number and its
period on two lines) starts the next page, under the table's header repeated.

The small park's tenant leases ZD-A-0103 (HT-L-1, 12,540.00 a month from 2026-03-01, a late
fee of 0.05 % a day) beside its legacy lease; March to October 2026 are billed and none is
paid, so the letter of 2026-11-15 lists 16 overdue bills. A note or two above the table
(here, up to eight short paragraphs) moves where the first page ends among the rows.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextTable
from sqlalchemy import select

from domain.leasing.clauses import LateFee
from services import billing_run
from services.contract_document import TemplatePart
from services.reminder_letter import reminder_data
from store.schema import Tenant
from tests.small_leases import open_small, park_id, sign_lease
from views.contract_pdf import MM_PER_INCH, PAGE_SIZES, PDF_DPI, PageSetup
from views.reminder_pdf import reminder_document

TENANT = "上海云帆智能科技有限公司"


def _letter(tmp_path):
    workspace = open_small(tmp_path / "park.leasemap")
    try:
        sign_lease(workspace, "ZD-A-0103", "HT-L-1", late_fee=LateFee(Decimal("0.0005")))
        billing_run.post_run(workspace, park_id(workspace), date(2026, 3, 1),
                             date(2026, 10, 31), date(2026, 2, 25))
        with workspace.reading() as s:
            tenant = s.scalar(select(Tenant.id).where(Tenant.name == TENANT))
            return reminder_data(s, tenant, date(2026, 11, 15), "zh_CN")
    finally:
        workspace.close()


def _laid_out(data):
    """The letter laid out on A4 as ``write_reminder_pdf`` lays it; and a page's height."""
    device = QPdfWriter(QBuffer())
    device.setResolution(PDF_DPI)
    device.setPageLayout(QPageLayout(QPageSize(PAGE_SIZES["A4"]),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    sheet = QRectF(device.pageLayout().paintRectPixels(PDF_DPI))
    margin = PageSetup().margin_mm * PDF_DPI / MM_PER_INCH
    body = QSizeF(sheet.width() - 2 * margin, sheet.height() - 2 * margin)
    return reminder_document(data, body, QFont(), device), body.height()


def _bill_rows(document) -> list[tuple[list[str], float, float]]:
    """Every row of the bills table's parts: its cells' text, its top and bottom."""
    layout = document.documentLayout()
    rows = []
    for table in document.rootFrame().childFrames():
        if not isinstance(table, QTextTable) or table.columns() != 7:
            continue
        for row in range(1, table.rows()):
            cells = [table.cellAt(row, column) for column in range(table.columns())]
            texts = [document.toPlainText()[c.firstPosition():c.lastPosition()]
                     for c in cells]
            rows.append((texts, min(
                layout.blockBoundingRect(c.firstCursorPosition().block()).top()
                for c in cells), max(
                layout.blockBoundingRect(c.lastCursorPosition().block()).bottom()
                for c in cells)))
    return rows


def test_no_bill_row_is_cut_by_a_page_end(tmp_path, qapp):
    data = _letter(tmp_path)
    assert len(data.lines) == 16
    parts_made = 0
    for notes in range(9):
        parts = list(data.parts)
        parts[1:1] = [TemplatePart("paragraph", f"备注 {n + 1}") for n in range(notes)]
        letter = dataclasses.replace(data, parts=tuple(parts))
        document, page = _laid_out(letter)
        rows = _bill_rows(document)
        # every bill once, in its order, then the total
        assert [texts[0] for texts, _top, _bottom in rows] == [
            *(x.number for x in data.lines), data.words["total"]]
        cut = [texts[0] for texts, top, bottom in rows
               if int(top // page) != int((bottom - 1) // page)]
        assert cut == [], notes
        tables = [f for f in document.rootFrame().childFrames()
                  if isinstance(f, QTextTable) and f.columns() == 7]
        parts_made = max(parts_made, len(tables))
        for table in tables:  # each part under the header
            head = table.cellAt(0, 0)
            assert document.toPlainText()[head.firstPosition():head.lastPosition()] == \
                data.words["col-bill"]
    # some page end fell inside a row, and the table was cut there
    assert parts_made >= 2


def test_the_written_pdf_has_the_same_pages(tmp_path, qapp):
    from views.reminder_pdf import write_reminder_pdf

    data = _letter(tmp_path)
    parts = list(data.parts)
    parts[1:1] = [TemplatePart("paragraph", "备注")] * 4
    letter = dataclasses.replace(data, parts=tuple(parts))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pages = write_reminder_pdf(letter, buffer, PageSetup())
    document, _page = _laid_out(letter)
    assert pages == document.pageCount() == 2
