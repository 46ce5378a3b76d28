"""Old Excel (.xls) workbooks read through xlrd give the rows an .xlsx of the same cells gives.

The .xls files are real BIFF8 workbooks written by xlwt (``tests/fixtures/make_xls.py``, run
by hand: no writer of the old format is a dependency); each test writes the same cells as an
.xlsx with openpyxl and compares what the two readers return, cell for cell.
"""

from __future__ import annotations

import shutil
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import xlrd
from openpyxl import Workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from importers.rent_roll import (
    RentRollError,
    cell_text,
    read_csv_rows,
    read_date,
    read_excel_rows,
    read_rent_roll,
)
from tests.corpus import CORPUS, corpus, needs_corpus  # noqa: F401  (the fixture)
from tests.fixtures.make_xls import (
    ERRORS,
    FORMATS,
    ROLL_1904_FILE,
    ROLL_CELLS,
    ROLL_FILE,
    ROLL_HEADER,
    ROLL_MERGED,
    ROLL_SHEET,
    SALES_FILE,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _roll_xlsx(path: Path, dates_1904: bool = False) -> Path:
    """The cells of :data:`ROLL_CELLS` as an .xlsx, merged and formatted alike."""
    book = Workbook()
    if dates_1904:
        book.epoch = CALENDAR_MAC_1904
    sheet = book.active
    sheet.title = ROLL_SHEET
    for first, last, left, right, text in ROLL_MERGED:
        sheet.cell(first + 1, left + 1, text)
        sheet.merge_cells(start_row=first + 1, end_row=last + 1, start_column=left + 1,
                          end_column=right + 1)
    for (row, column), text in ROLL_HEADER.items():
        if text:
            sheet.cell(row + 1, column + 1, text)
    for (row, column), value in ROLL_CELLS.items():
        cell = sheet.cell(row + 1, column + 1, value)
        if isinstance(value, str) and value in ERRORS:
            assert cell.data_type == "e"
        kind = next((k for k in FORMATS if isinstance(value, k)), None)
        if kind is not None:
            cell.number_format = FORMATS[kind]
    book.create_sheet("说明").cell(1, 1, "本表由财务部维护")
    book.save(path)
    return path


def _trimmed(tables: list[tuple[str, list[list[Any]]]]) -> list[tuple[str, list[list[Any]]]]:
    """Each row without its empty cells on the right (how far a row reaches is the writer's)."""
    out = []
    for name, rows in tables:
        kept = []
        for row in rows:
            cells = list(row)
            while cells and cells[-1] is None:
                cells.pop()
            kept.append(cells)
        out.append((name, kept))
    return out


@pytest.mark.parametrize(("name", "dates_1904"), [(ROLL_FILE, False), (ROLL_1904_FILE, True)])
def test_an_xls_reads_as_the_same_cells_saved_as_xlsx_do(tmp_path, name, dates_1904):
    xls = FIXTURES / name
    book = xlrd.open_workbook(str(xls))
    assert book.datemode == int(dates_1904)  # the fixture really is in that date system
    serial = book.sheet_by_index(0).cell_value(4, 2)
    assert serial == (46082 if not dates_1904 else 46082 - 1462)  # 2026-03-01 either way

    got = read_excel_rows(xls)
    want = read_excel_rows(_roll_xlsx(tmp_path / "roll.xlsx", dates_1904))
    assert _trimmed(got) == _trimmed(want)

    sheet, rows = got[0]
    assert sheet == ROLL_SHEET and [n for n, _r in got] == [ROLL_SHEET, "说明"]
    assert len(rows) == 9  # the blank lines stay: row numbers are the spreadsheet's
    assert rows[0][0] == "2026年 租金台账（园区A）" and rows[0][1:] == [None] * 7  # merged
    assert rows[1] == [None] * 8
    assert rows[2][:4] == ["合同编号", "承租方", "租期", None]
    assert rows[3][:4] == [None, None, "起租日", "到期日"]
    first, second, third = rows[4], rows[5], rows[7]
    assert first[:6] == ["HT-2026-001", "NA", datetime(2026, 3, 1), datetime(2029, 2, 28),
                         98, 125.4]
    assert first[6] == "N/A" and first[7] == timedelta(hours=36)  # words pandas calls NaN
    assert type(first[4]) is int and type(second[0]) is int  # whole numbers, as openpyxl
    assert second[2] == datetime(2026, 4, 15, 8, 30) and second[7] == time(8, 30)
    assert second[6] is None  # a cell of spaces is empty
    assert third[1] == "null" and third[2] == datetime(1904, 1, 2)
    assert third[5] is True and third[6] == "#DIV/0!"
    assert rows[8][0] == "合计"


def test_cells_become_the_same_text_and_dates_as_from_an_xlsx(tmp_path):
    xls = read_excel_rows(FIXTURES / ROLL_FILE)[0][1]
    xlsx = read_excel_rows(_roll_xlsx(tmp_path / "roll.xlsx"))[0][1]
    assert [cell_text(v) for v in xls[5]] == [cell_text(v) for v in xlsx[5]]
    assert [cell_text(v) for v in xls[5]][:6] == [
        "1001", "上海某某餐饮管理有限公司", "2026-04-15 08:30:00", "2029-04-14", "105.5", "88"]
    assert read_date(xls[4][2]) == date(2026, 3, 1) == read_date(xlsx[4][2])
    assert read_date(xls[5][3]) == date(2029, 4, 14)


def test_a_rent_roll_in_xls_is_read_under_its_merged_header(tmp_path):
    sheet = read_rent_roll(FIXTURES / ROLL_FILE, require=False)
    assert (sheet.sheet, sheet.header_row) == (ROLL_SHEET, 3)
    assert sheet.mapping.columns["code"] == "合同编号"
    assert sheet.mapping.columns["tenant"] == "承租方"
    assert [r.row_number for r in sheet.rows] == [4, 5, 6, 8]
    assert sheet.skipped == (7, 9)  # the blank line and the total
    as_xlsx = read_rent_roll(_roll_xlsx(tmp_path / "roll.xlsx"), require=False)
    assert (as_xlsx.header_row, as_xlsx.headers, as_xlsx.mapping) == (
        sheet.header_row, sheet.headers, sheet.mapping)
    assert [r.values for r in as_xlsx.rows] == [r.values for r in sheet.rows]


def test_a_sales_sheet_in_xls(tmp_path):
    from services.sales_import import read_sales

    sales = read_sales(FIXTURES / SALES_FILE)
    assert sales.header_row == 3 and dict(sales.columns) == {
        "contract": "合同编号", "month": "月份", "amount": "营业额(元)"}
    assert [(r.row_number, r.code, r.month, r.amount) for r in sales.rows] == [
        (4, "HT-T1", date(2026, 9, 1), Decimal("200000.00")),
        (5, "HT-T1", date(2026, 10, 1), Decimal("150000.50")),
        (6, "HT-NONE", date(2026, 10, 1), Decimal("1.00"))]


@pytest.mark.parametrize(("content", "said"), [
    (OLE2 + b"\x00" * 504, "cannot read the workbook"),  # an OLE2 header and nothing else
    (b"", "cannot read the workbook"),
    (b"\x01\x02\x03\x04garbage\x00\xff" * 20, "cannot read the workbook"),
    (b"<html><body><table><tr><td>1</td></tr></table></body></html>", "HTML page"),
])
def test_a_broken_xls_is_refused_naming_the_file_and_the_problem(tmp_path, content, said):
    path = tmp_path / "月报.xls"
    path.write_bytes(content)
    with pytest.raises(RentRollError) as refused:
        read_excel_rows(path)
    error = refused.value
    assert error.code == "rent-roll-unreadable" and error.params["file"] == "月报.xls"
    assert str(error).startswith("月报.xls: ") and said in str(error)
    assert error.params["detail"]


def test_a_truncated_xls_is_refused(tmp_path):
    whole = (FIXTURES / ROLL_FILE).read_bytes()
    path = tmp_path / "cut.xls"
    path.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(RentRollError) as refused:
        read_excel_rows(path)
    assert refused.value.code == "rent-roll-unreadable"
    assert refused.value.params["file"] == "cut.xls"


def test_a_workbook_is_read_by_what_it_holds_not_by_its_name(tmp_path):
    xlsx = _roll_xlsx(tmp_path / "roll.xlsx")
    named_xls = tmp_path / "really-xlsx.xls"
    shutil.copy(xlsx, named_xls)
    assert read_excel_rows(named_xls) == read_excel_rows(xlsx)
    named_xlsx = tmp_path / "really-xls.xlsx"
    shutil.copy(FIXTURES / ROLL_FILE, named_xlsx)
    assert read_excel_rows(named_xlsx) == read_excel_rows(FIXTURES / ROLL_FILE)


@needs_corpus
def test_a_bank_export_saved_as_xls_that_is_really_text_is_read_as_csv(tmp_path):
    """招商银行's export as some banks hand it out: comma-separated text named .xls."""
    source = CORPUS / "bank" / "cmb-records.csv"
    named = tmp_path / "cmb-records.xls"
    shutil.copy(source, named)
    tables = read_excel_rows(named)
    assert tables == [("", read_csv_rows(source))]
    rows = tables[0][1]
    assert rows[0][:3] == ["记账日期", "货币", "交易金额"] and len(rows) == 6
    assert rows[2][2] == "-1,000.00"
