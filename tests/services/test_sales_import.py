"""Monthly sales from a spreadsheet, and the park's CPI: every row judged, the good ones
written in one transaction, a correction said before → after, the schedule following."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from domain.leasing.clauses import Escalation, EscalationKind, Turnover
from services import contracts
from services.sales_import import (
    SalesImportError,
    SalesRowStatus,
    at_floor,
    import_sales,
    indices_of,
    read_month,
    read_sales,
    rehearse_sales,
    sales_of,
)
from store.workspace import Workspace
from tests.small_leases import open_small, park_id, sign_lease

D = Decimal


@pytest.fixture
def ws(tmp_path: Path):
    workspace = open_small(tmp_path / "sales.leasemap")
    yield workspace
    workspace.close()


def _turnover(ws: Workspace) -> object:
    """HT-T1: ZD-A-0103 (125.40 m²) at 100 a m² a month, monthly, 8 % above the natural
    breakpoint (12,540.00 ÷ 8 % = 156,750.00), 2026-03-01 to 2029-02-28."""
    return sign_lease(ws, "ZD-A-0103", "HT-T1", turnover=Turnover(D("0.08")))


def _line(ws: Workspace, cid: object, month: date) -> Decimal:
    with ws.reading() as s:
        lines = contracts.schedule_of(s, cid).lines
    return next(x.amount for x in lines if x.starts_on == month)


def _by_row(report: object) -> dict[int, object]:
    return {r.row_number: r for r in report.rows}


def _codes(row: object) -> set[str]:
    return {r.code for r in row.reasons}


def test_a_gbk_csv_is_rehearsed_then_imported_with_its_bad_rows_rejected(ws, tmp_path):
    cid = _turnover(ws)
    sign_lease(ws, "ZD-A-0201", "HT-P1")  # signed, with versions, no turnover clause
    text = ("2027年商户营业额月报,,\n"
            "合同编号,月份,营业额(元)\n"
            "HT-T1,2027年1月,\"200,000.00\"\n"  # row 3
            "HT-T1,2027/2,150000\n"
            "HT-NOPE,2027-01,1000\n"  # row 5: no such contract
            "HT-T1,2025-12,5000\n"  # before the term
            "HT-P1,2027-01,9000\n"  # no turnover clause
            "HT-2026-0001,2026-06,9000\n"  # signed before clauses: no turnover either
            "HT-T1,2027-03,-5\n"  # row 9: below zero
            "HT-T1,2027-04,abc\n"
            "HT-T1,2029-03,1000\n"  # after the end
            ",,\n"
            "合计,,355000\n")
    path = tmp_path / "营业额.csv"
    path.write_bytes(text.encode("gbk"))

    sheet = read_sales(path)
    assert sheet.header_row == 2 and dict(sheet.columns) == {
        "contract": "合同编号", "month": "月份", "amount": "营业额(元)"}
    assert sheet.skipped == (12, 13)

    rehearsal = rehearse_sales(ws, path)
    rows = _by_row(rehearsal)
    assert rehearsal.dry_run and len(rehearsal.rows) == 9
    assert rows[3].status is SalesRowStatus.NEW and rows[3].month == date(2027, 1, 1)
    assert rows[3].amount == D("200000.00")
    assert rows[4].status is SalesRowStatus.NEW and rows[4].month == date(2027, 2, 1)
    assert _codes(rows[5]) == {"no-contract"}
    assert _codes(rows[6]) == {"month-outside-term"}
    assert rows[6].reasons[0].params == {"month": "2025-12", "starts_on": "2026-03-01",
                                         "ends_on": "2029-02-28"}
    assert _codes(rows[7]) == {"not-turnover"} and _codes(rows[8]) == {"not-turnover"}
    assert _codes(rows[9]) == {"negative-sales"}
    assert _codes(rows[10]) == {"unparseable"}
    assert rows[10].reasons[0].params == {"field": "amount", "value": "abc"}
    assert _codes(rows[11]) == {"month-outside-term"}
    assert (rehearsal.added, rehearsal.corrected, rehearsal.rejected) == (2, 0, 7)
    with ws.reading() as s:
        assert sales_of(s, cid) == []  # a rehearsal writes nothing
    assert _line(ws, cid, date(2027, 1, 1)) == D("12540.00")

    report = import_sales(ws, path)
    assert not report.dry_run and (report.added, report.rejected) == (2, 7)
    assert report.contracts == (cid,)
    with ws.reading() as s:
        assert sales_of(s, cid) == [(date(2027, 1, 1), D("200000.00"), "import:营业额.csv#3"),
                                    (date(2027, 2, 1), D("150000.00"), "import:营业额.csv#4")]
    # 8 % of 200,000 beats the base: 12,540.00 + (200,000 − 156,750) × 8 % = 16,000.00;
    # 8 % of 150,000 (12,000) does not: the base alone.
    assert _line(ws, cid, date(2027, 1, 1)) == D("16000.00")
    assert _line(ws, cid, date(2027, 2, 1)) == D("12540.00")


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Sales"
    sheet.append(["Monthly sales"])
    sheet.append([])
    sheet.append(["Contract", "Month", "Sales (CNY)", "Note"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_an_xlsx_reimported_replaces_a_month_and_says_before_and_after(ws, tmp_path):
    cid = _turnover(ws)
    first = _xlsx(tmp_path / "sales.xlsx", [
        ["HT-T1", datetime(2027, 1, 1), 520000, ""],  # row 4: a date cell
        ["HT-T1", "2027-02", 380000.5, ""],
        ["HT-T1", 202703, "¥300,000", ""],
        ["HT-X", "2027-01", 1, "unknown"],  # row 7
        ["HT-T1", "2030-01", 1, "after the end"],
        ["HT-2026-0001", "2026-05", 1, "no turnover"],
    ])
    report = import_sales(ws, first)
    rows = _by_row(report)
    assert [rows[n].status for n in (4, 5, 6)] == [SalesRowStatus.NEW] * 3
    assert rows[5].amount == D("380000.50")
    assert rows[6].month == date(2027, 3, 1) and rows[6].amount == D("300000.00")
    assert _codes(rows[7]) == {"no-contract"} and _codes(rows[8]) == {"month-outside-term"}
    assert _codes(rows[9]) == {"not-turnover"}
    assert _line(ws, cid, date(2027, 1, 1)) == D("41600.00")  # 8 % of 520,000

    again = import_sales(ws, first)  # the same file: nothing changes
    assert (again.added, again.corrected, again.unchanged, again.rejected) == (0, 0, 3, 3)
    assert again.contracts == ()

    corrected = _xlsx(tmp_path / "sales-corrected.xlsx", [
        ["HT-T1", "2027年1月", 480000, "corrected"],  # row 4
        ["HT-T1", "2027-02", 380000.5, ""],
        ["HT-T1", "2027-04", 100000, ""],  # row 6
        ["HT-T1", "2027-04", 110000, "twice"],  # row 7: the file disagrees with itself
    ])
    rehearsal = rehearse_sales(ws, corrected)
    rows = _by_row(rehearsal)
    assert rows[4].status is SalesRowStatus.CORRECTION
    assert (rows[4].before, rows[4].amount) == (D("520000.00"), D("480000.00"))
    assert rows[5].status is SalesRowStatus.UNCHANGED and rows[5].before == D("380000.50")
    assert _codes(rows[6]) == _codes(rows[7]) == {"month-twice"}
    assert rows[6].reasons[0].params["rows"] == "7"
    assert _line(ws, cid, date(2027, 1, 1)) == D("41600.00")  # rehearsed only

    report = import_sales(ws, corrected)
    assert (report.added, report.corrected, report.unchanged, report.rejected) == (0, 1, 1, 2)
    assert report.to_json()["rows"][0] == {
        "row": 4, "contract": "HT-T1", "month": "2027-01", "amount": "480000.00",
        "status": "correction", "before": "520000.00", "reasons": []}
    assert _line(ws, cid, date(2027, 1, 1)) == D("38400.00")  # 8 % of 480,000
    with ws.reading() as s:
        months = {m: (a, src) for m, a, src in sales_of(s, cid)}
    assert months[date(2027, 1, 1)] == (D("480000.00"), "import:sales-corrected.xlsx#4")
    assert date(2027, 4, 1) not in months


def test_a_file_that_cannot_be_read_is_refused_and_writes_nothing(ws, tmp_path):
    cid = _turnover(ws)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(SalesImportError) as caught:
        import_sales(ws, broken)
    assert caught.value.code == "sales-unreadable" and caught.value.params["file"] == "broken.xlsx"

    no_sales = tmp_path / "no-sales.csv"
    no_sales.write_text("合同编号,月份,备注\nHT-T1,2027-01,x\n", encoding="utf-8")
    with pytest.raises(SalesImportError) as caught:
        import_sales(ws, no_sales)
    assert caught.value.code == "sales-columns-missing"
    assert caught.value.params["fields"] == "amount"

    with pytest.raises(SalesImportError) as caught:
        rehearse_sales(ws, tmp_path / "sales.txt")
    assert caught.value.code == "sales-no-file"
    other = tmp_path / "sales.txt"
    other.write_text("HT-T1 2027-01 1", encoding="utf-8")
    with pytest.raises(SalesImportError) as caught:
        rehearse_sales(ws, other)
    assert caught.value.code == "sales-format"
    with ws.reading() as s:
        assert sales_of(s, cid) == []


@pytest.mark.parametrize(("cell", "month"), [
    ("2027-01", date(2027, 1, 1)), ("2027/1", date(2027, 1, 1)), ("2027.11", date(2027, 11, 1)),
    ("2027年1月", date(2027, 1, 1)), ("2027年01月份", date(2027, 1, 1)),
    ("202701", date(2027, 1, 1)), (202701, date(2027, 1, 1)),
    ("2027-01-15", date(2027, 1, 1)), (datetime(2027, 3, 31, 0, 0), date(2027, 3, 1)),
    (46419, date(2027, 2, 1)),  # an Excel day number: 2027-02-01
    ("", None),
])
def test_months_read_as_people_type_them(cell, month):
    assert read_month(cell) == month


@pytest.mark.parametrize("cell", ["2027-13", "Jan 2027", "202713", "1/2027"])
def test_a_month_that_does_not_read_is_refused(cell):
    from importers.rent_roll import Unreadable

    with pytest.raises(Unreadable):
        read_month(cell)


def test_cpi_years_not_entered_are_counted_and_leave_once_entered(ws):
    cpi = Escalation(EscalationKind.CPI_CHANGE, floor=D(2), cap=D(5))
    cid = sign_lease(ws, "ZD-B-0101", "HT-CPI", date(2026, 1, 1), date(2028, 12, 31),
                     signed_on=date(2025, 12, 1), escalation=cpi)
    sign_lease(ws, "ZD-B-0102", "HT-FIX", date(2026, 1, 1), date(2028, 12, 31),
               signed_on=date(2025, 12, 1),
               escalation=Escalation(EscalationKind.FIXED_PERCENT, percent=D(3)))
    park = park_id(ws)
    contracts.set_index(ws, park, 2025, D("100.0"))
    with ws.reading() as s:
        assert indices_of(s, park) == [(2025, D("100.0000"))]
        assert at_floor(s, park) == {2026: 1, 2027: 1}  # HT-FIX never waits
    # 2027 at the floor: 12,540.00 × 1.02
    assert _line(ws, cid, date(2027, 1, 1)) == D("12790.80")
    contracts.set_index(ws, park, 2026, D("104"))
    with ws.reading() as s:
        assert indices_of(s, park) == [(2025, D("100.0000")), (2026, D("104.0000"))]
        assert at_floor(s, park) == {2027: 1}
    assert _line(ws, cid, date(2027, 1, 1)) == D("13041.60")  # +4 %


def test_a_terminated_contract_takes_no_sales_after_its_last_day(ws, tmp_path):
    cid = _turnover(ws)
    contracts.terminate(ws, cid, date(2027, 1, 15))
    path = tmp_path / "s.csv"
    path.write_text("contract,month,sales\nHT-T1,2027-01,1000\nHT-T1,2027-02,1000\n",
                    encoding="utf-8-sig")
    rows = _by_row(rehearse_sales(ws, path))
    assert rows[2].status is SalesRowStatus.NEW
    assert _codes(rows[3]) == {"month-outside-term"}
    assert rows[3].reasons[0].params["ends_on"] == "2027-01-15"
