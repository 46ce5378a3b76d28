"""Reading bank statements: real exports' headers recognised, padding undone, receipts kept.

The 招商银行 export is the real one of the shared corpus; the others are written here as
banks write them (GBK under a preamble, padded cells, debit/credit columns, English), and
``tests/fixtures/bank_statement.xls`` is a real BIFF8 workbook (``make_xls.py``) whose cells
are also written as an .xlsx to show both readers give the same statement.
"""

from __future__ import annotations

import csv
import doctest
import io
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

import importers.bank_statement
from importers.bank_statement import (
    BankRow,
    BankStatement,
    BankStatementError,
    ColumnMapping,
    guess_mapping,
    read_amount,
    read_bank_statement,
    read_booked_on,
    split_payer,
)
from importers.rent_roll import Unreadable
from tests.corpus import CORPUS, corpus, needs_corpus  # noqa: F401  (the fixture)
from tests.fixtures.make_xls import BANK_FILE, BANK_ROWS, BANK_SHEET

D = Decimal
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def write(path: Path, text: str, encoding: str = "utf-8-sig") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def skips(statement: BankStatement) -> list[tuple[int, str]]:
    return [(s.line, s.code) for s in statement.skipped]


def test_the_module_examples_hold():
    result = doctest.testmod(importers.bank_statement)
    assert result.attempted >= 5 and result.failed == 0


# -- the real 招商银行 export ------------------------------------------------------------------


CMB = CORPUS / "bank" / "cmb-records.csv"


@needs_corpus
def test_the_cmb_export_keeps_its_one_receipt_and_says_why_each_other_row_is_skipped():
    path = CMB
    statement = read_bank_statement(path)
    assert statement.header_line == 1 and statement.account is None and statement.sheet == ""
    assert statement.mapping.columns == {
        "booked_on": ("记账日期",), "amount": ("交易金额",), "payer": ("对手信息",),
        "remarks": ("交易摘要", "客户摘要"), "balance": ("联机余额",), "currency": ("货币",)}
    [row] = statement.rows
    assert row == BankRow(
        line=2, booked_on=date(2024, 1, 1), amount=D("1234.00"), currency="CNY",
        payer="北京住房公积金管理中心", remarks="代发住房公积金 / 01月01日约定提取",
        reference="", balance=D("1271.66"), key=row.key, payer_account="1111111111")
    assert row.key.startswith("h:")
    # the other four are money paid out (negative 交易金额): skipped, each with its amount
    assert [(s.line, s.code, s.params["amount"]) for s in statement.skipped] == [
        (3, "bank-row-debit", "1000.00"), (4, "bank-row-debit", "3.00"),
        (5, "bank-row-debit", "1000.00"), (6, "bank-row-debit", "10.14")]
    assert statement.ignored == ()


@needs_corpus
def test_every_cmb_row_and_amount_agrees_with_the_file_read_plainly():
    """An oracle: the signed amounts as the csv module and Decimal read them."""
    path = CMB
    lines = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    signed = {number: D(line["交易金额"].replace(",", ""))
              for number, line in enumerate(lines, start=2)}
    statement = read_bank_statement(path)
    assert {r.line: r.amount for r in statement.rows} == {
        n: a for n, a in signed.items() if a > 0}
    assert {s.line: D(s.params["amount"]) for s in statement.skipped} == {
        n: -a for n, a in signed.items() if a < 0}
    balances = {n: D(line["联机余额"].replace(",", "")) for n, line in enumerate(lines, 2)}
    assert all(r.balance == balances[r.line] for r in statement.rows)


# -- CSV as banks write it ---------------------------------------------------------------------


GBK_STATEMENT = (
    "中国工商银行 账户历史明细\r\n"
    "账号：6222 0212 3456 7890 123    户名：上海某某园区管理有限公司\r\n"
    "起始日期:2026-01-01 终止日期:2026-01-31,,,,,,,\r\n"
    "\r\n"
    " 交易日期 ,\t摘要 ,收入金额,支出金额,余额,对方户名,对方账号,交易流水号\r\n"
    '"\t2026-01-05","\t房租","\t12,000.00","\t","\t112,000.00"," 上海某某餐饮管理有限公司 ",'
    '"\t6228480012345678","\t0012345"\r\n'
    '2026/1/6,电费, ,"3,000.50","109,999.50",国网上海市电力公司,="31001500000050000001",'
    '="0012346"\r\n'
    '="20260107",转账,"=""8,888.88""",,"=""118,888.38""",张三,,="0012347"\r\n'
    '2026年1月8日,货款," ￥ 1,000,000.00 ",,"1,118,888.38",某某（上海）有限公司,,0012348\r\n'
    "20260109 10:20:30,合计两个月租金,\"１,０００.００元\",,\"1,119,888.38\","
    "\u3000某某（上海）有限公司\u3000,,'0012349\r\n"
    '合计,,"1,021,888.88","3,000.50",,,,\r\n'
    "收入笔数:4,支出笔数:1,,,,,,\r\n"
)


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-8"])
def test_a_csv_under_a_preamble_with_padded_cells_reads_in_gbk_and_utf8(tmp_path, encoding):
    statement = read_bank_statement(write(tmp_path / "明细.csv", GBK_STATEMENT, encoding))
    assert statement.header_line == 5
    assert statement.account == "6222021234567890123"
    assert statement.account_name == "上海某某园区管理有限公司"
    assert statement.headers[:2] == ("交易日期", "摘要")
    assert statement.mapping.columns == {
        "booked_on": ("交易日期",), "credit": ("收入金额",), "debit": ("支出金额",),
        "payer": ("对方户名",), "payer_account": ("对方账号",), "remarks": ("摘要",),
        "reference": ("交易流水号",), "balance": ("余额",)}
    got = [(r.line, r.booked_on, r.amount, r.payer, r.payer_account, r.reference, r.balance,
            r.remarks) for r in statement.rows]
    assert got == [
        (6, date(2026, 1, 5), D("12000.00"), "上海某某餐饮管理有限公司", "6228480012345678",
         "0012345", D("112000.00"), "房租"),
        (8, date(2026, 1, 7), D("8888.88"), "张三", "", "0012347", D("118888.38"), "转账"),
        (9, date(2026, 1, 8), D("1000000.00"), "某某（上海）有限公司", "", "0012348",
         D("1118888.38"), "货款"),
        # a date with its time, full-width digits with 元, 合计 in the remarks of a real
        # receipt (its date reads: not a total), full-width spaces, a leading apostrophe
        (10, date(2026, 1, 9), D("1000.00"), "某某（上海）有限公司", "", "0012349",
         D("1119888.38"), "合计两个月租金"),
    ]
    assert all(r.currency == "CNY" for r in statement.rows)
    assert skips(statement) == [(7, "bank-row-debit")]
    assert statement.skipped[0].params["amount"] == "3000.50"
    assert statement.ignored == (11, 12)  # 合计 and 收入笔数 under the table


def test_the_same_statement_in_gbk_and_utf8_gives_the_same_rows_and_keys(tmp_path):
    gbk = read_bank_statement(write(tmp_path / "a.csv", GBK_STATEMENT, "gbk"))
    utf8 = read_bank_statement(write(tmp_path / "b.csv", GBK_STATEMENT, "utf-8-sig"))
    assert gbk.rows == utf8.rows and gbk.skipped == utf8.skipped


def test_a_tab_separated_export_under_a_preamble_is_read_by_its_table(tmp_path):
    """The sniffer gives up on a preamble above a tab-separated table; the reader then takes
    the delimiter that splits the table's lines alike (a fix in rent_roll.read_csv_rows)."""
    lines = ["账号：6222021234567890123", "户名：上海某某", "",
             "交易日期\t交易金额\t对方户名\t摘要"]
    lines += [f"2026-02-{d:02d}\t{d * 100}.00\t某某公司{d}\t房租" for d in range(1, 11)]
    statement = read_bank_statement(write(tmp_path / "tab.csv", "\n".join(lines), "gbk"))
    assert [r.amount for r in statement.rows] == [D(d * 100) for d in range(1, 11)]
    assert statement.rows[0].payer == "某某公司1" and statement.account == "6222021234567890123"


def test_a_semicolon_separated_export_reads_too(tmp_path):
    text = "Account: 12345678\n\nDate;Payer;Amount;Ref\n2026-02-01;ACME Ltd;1 500.00;R1\n"
    statement = read_bank_statement(write(tmp_path / "s.csv", text))
    assert [(r.payer, r.amount, r.reference) for r in statement.rows] == [
        ("ACME Ltd", D("1500.00"), "R1")]
    assert statement.account == "12345678"


def test_debit_and_credit_columns_keep_the_credits_and_skip_the_rest(tmp_path):
    text = (
        "记账日期,借方发生额,贷方发生额,余额,对方户名,摘要,用途,凭证号\n"
        "2026-03-01,,\"5,000.00\",\"15,000.00\",甲公司,转账,3月租金,V1\n"  # 2: receipt
        "2026-03-02,\"1,200.00\",,\"13,800.00\",乙公司,转账,电费,V2\n"  # 3: paid out
        "2026-03-03,0.00,500.00,\"14,300.00\",丙公司,转账,,V3\n"  # 4: receipt (debit 0)
        "2026-03-04,100.00,200.00,\"14,400.00\",丁公司,转账,,V4\n"  # 5: both filled
        "2026-03-05,,-300.00,\"14,100.00\",甲公司,冲正,,V5\n"  # 6: a negative credit
        "2026-03-06,0.00,0.00,\"14,100.00\",戊公司,,,V6\n"  # 7: nothing moved
        "2026-03-07,,,\"14,100.00\",戊公司,,,V7\n"  # 8: no amount at all
        "2026-03-08,,12.345,\"14,112.35\",己公司,结息,,V8\n"  # 9: a fraction of a cent
        "2026-03-09,,abc,\"14,112.35\",己公司,,,V9\n"  # 10: unreadable
        "2026-03-10,xyz,,\"14,112.35\",己公司,,,V10\n"  # 11: unreadable debit
        "2026-02-30,,100.00,,己公司,,,V11\n"  # 12: no such day
        ",,100.00,,己公司,,,V12\n"  # 13: no date
    )
    statement = read_bank_statement(write(tmp_path / "dc.csv", text))
    assert statement.mapping.column("credit") == "贷方发生额"
    assert statement.mapping.column("debit") == "借方发生额"
    assert [(r.line, r.amount, r.remarks, r.reference) for r in statement.rows] == [
        (2, D("5000.00"), "转账 / 3月租金", "V1"), (4, D("500.00"), "转账", "V3")]
    assert skips(statement) == [
        (3, "bank-row-debit"), (5, "bank-row-two-amounts"), (6, "bank-row-debit"),
        (7, "bank-row-zero"), (8, "bank-row-amount"), (9, "bank-row-cents"),
        (10, "bank-row-amount"), (11, "bank-row-amount"), (12, "bank-row-date"),
        (13, "bank-row-date")]
    by_line = {s.line: s for s in statement.skipped}
    assert by_line[3].params["amount"] == "1200.00"
    assert by_line[5].params == {"line": "5", "debit": "100.00", "credit": "200.00"}
    assert by_line[10].params == {"line": "10", "column": "贷方发生额", "value": "abc"}
    assert by_line[11].params["column"] == "借方发生额"
    assert by_line[12].params["value"] == "2026-02-30"
    assert by_line[13].message == "row 13: no date"
    assert all(s.message.startswith(f"row {s.line}: ") for s in statement.skipped)


def test_english_headers_with_a_signed_amount(tmp_path):
    text = (
        "Date,Description,Payer,Reference,Amount,Balance,Currency\n"
        "2026-04-01,April rent,ACME Trading Ltd,FT2604010001,\"12,500.00\",\"20,000.00\",CNY\n"
        "2026-04-02,Card fee,Bank,FT2604020002,(25.00),\"19,975.00\",CNY\n"
        "2026-04-03,Deposit,Globex LLC,FT2604030003,+800.00,\"20,775.00\",USD\n"
        "2026-04-04,Refund,Initech,FT2604040004,100.00-,\"20,675.00\",RMB\n"
    )
    statement = read_bank_statement(write(tmp_path / "en.csv", text))
    assert [(r.payer, r.amount, r.currency, r.reference, r.remarks) for r in statement.rows] == [
        ("ACME Trading Ltd", D("12500.00"), "CNY", "FT2604010001", "April rent"),
        ("Globex LLC", D("800.00"), "USD", "FT2604030003", "Deposit")]
    assert [(s.line, s.params["amount"]) for s in statement.skipped] == [
        (3, "25.00"), (5, "100.00")]


def test_english_credit_and_debit_columns(tmp_path):
    text = ("Transaction Date,Value Date,Narrative,Money In,Money Out,Balance,Counterparty\n"
            "01/04/2026,01/04/2026,Rent,,50.00,950.00,Landlord\n"
            "2026-04-02,2026-04-02,Rent,300.00,,1250.00,Tenant Co\n")
    statement = read_bank_statement(write(tmp_path / "en2.csv", text))
    assert statement.mapping.column("booked_on") == "Transaction Date"
    assert [(r.payer, r.amount) for r in statement.rows] == [("Tenant Co", D("300.00"))]
    # a day-month date is refused (ambiguous), not guessed: the row says so
    assert skips(statement) == [(2, "bank-row-date")]


def test_a_debit_credit_flag_beside_the_amount_says_which_way_money_went(tmp_path):
    text = ("交易时间,交易对方,对方账号,收/支,金额,交易订单号,备注\n"
            "2026-05-01 09:00:00,甲公司,6222000011112222,收入,1000.00,T1,租金\n"
            "2026-05-02 10:00:00,乙公司,,支出,200.00,T2,\n"
            "2026-05-03 11:00:00,丙公司,,贷,300.00,T3,\n"
            "2026-05-04 12:00:00,丁公司,,不计收支,5.00,T4,\n")
    statement = read_bank_statement(write(tmp_path / "flag.csv", text))
    assert statement.mapping.column("direction") == "收/支"
    assert [(r.payer, r.amount, r.payer_account) for r in statement.rows] == [
        ("甲公司", D("1000.00"), "6222000011112222"), ("丙公司", D("300.00"), "")]
    assert skips(statement) == [(3, "bank-row-debit"), (5, "bank-row-direction")]
    assert statement.skipped[1].params["value"] == "不计收支"


# -- Excel -------------------------------------------------------------------------------------


def bank_xlsx(path: Path) -> Path:
    """:data:`BANK_ROWS` as an .xlsx, the cells the .xls fixture holds."""
    book = Workbook()
    sheet = book.active
    sheet.title = BANK_SHEET
    for row, values in enumerate(BANK_ROWS, start=1):
        for column, value in enumerate(values, start=1):
            if value is not None:
                sheet.cell(row, column, value)
    book.save(path)
    return path


def expected_bank_rows(statement: BankStatement) -> None:
    assert statement.sheet == BANK_SHEET and statement.header_line == 5
    assert statement.account == "31050161360000001234"
    assert statement.account_name == "上海某某科技园管理有限公司"
    assert statement.mapping.columns == {
        "booked_on": ("交易时间",), "credit": ("贷方发生额（收入）",),
        "debit": ("借方发生额（支取）",), "payer": ("对方户名",), "payer_account": ("对方账号",),
        "remarks": ("摘要", "备注"), "reference": ("账户明细编号-交易流水号",),
        "balance": ("余额",), "currency": ("币种",)}
    got = [(r.line, r.booked_on, r.amount, r.payer, r.payer_account, r.remarks, r.reference,
            r.balance, r.currency) for r in statement.rows]
    assert got == [
        (6, date(2026, 3, 2), D("30000.00"), "上海某某餐饮管理有限公司", "6228480012345678",
         "转账 / HT-2026-001 3月租金", "1001234500000001", D("130000.50"), "CNY"),
        (8, date(2026, 3, 5), D("15000.00"), "上海某某贸易有限公司", "6222021001000000001",
         "网银转账 / 物业费", "1001234500000003", D("143800.25"), "CNY"),
        (11, date(2026, 3, 10), D("2500.00"), "张三", "", "转账 / 停车费", "", None, "CNY"),
        (12, date(2026, 3, 10), D("2500.00"), "张三", "", "转账 / 停车费", "", None, "CNY"),
    ]
    assert skips(statement) == [(7, "bank-row-debit"), (9, "bank-row-amount"),
                                (10, "bank-row-amount")]
    assert statement.skipped[0].params["amount"] == "1200.25"
    assert statement.skipped[1].params["value"] == "待定"
    assert statement.ignored == (13,)
    first, second = statement.rows[2].key, statement.rows[3].key
    assert second == first + "#2"


def test_an_xls_statement_reads_through_xlrd():
    expected_bank_rows(read_bank_statement(FIXTURES / BANK_FILE))


def test_an_xlsx_of_the_same_cells_gives_the_same_statement(tmp_path):
    xlsx = read_bank_statement(bank_xlsx(tmp_path / "明细.xlsx"))
    expected_bank_rows(xlsx)
    xls = read_bank_statement(FIXTURES / BANK_FILE)
    assert (xlsx.rows, xlsx.skipped, xlsx.ignored) == (xls.rows, xls.skipped, xls.ignored)


def test_keys_do_not_depend_on_the_file_format(tmp_path):
    """The same receipts exported as CSV and as .xlsx (numbers as numbers, dates as dates)
    get the same keys, so importing both creates each payment once."""
    text = ("记账日期,交易金额,对方户名,余额\n"
            "2026-06-01,\"1,000.50\",甲公司,\"2,000.10\"\n2026-06-02,300,乙公司,2300.1\n")
    book = Workbook()
    sheet = book.active
    for row in (("记账日期", "交易金额", "对方户名", "余额"),
                (datetime(2026, 6, 1), 1000.5, "甲公司", 2000.1),
                (datetime(2026, 6, 2), 300, "乙公司", 2300.1)):
        sheet.append(row)
    book.save(tmp_path / "same.xlsx")
    from_csv = read_bank_statement(write(tmp_path / "same.csv", text))
    from_xlsx = read_bank_statement(tmp_path / "same.xlsx")
    assert [r.key for r in from_csv.rows] == [r.key for r in from_xlsx.rows]
    assert [r.balance for r in from_xlsx.rows] == [D("2000.10"), D("2300.10")]


# -- keys ------------------------------------------------------------------------------------


@needs_corpus
def test_reading_the_same_file_again_gives_the_same_keys(tmp_path):
    for path in (write(tmp_path / "g.csv", GBK_STATEMENT, "gbk"), FIXTURES / BANK_FILE, CMB):
        first, again = read_bank_statement(path), read_bank_statement(path)
        assert [r.key for r in first.rows] == [r.key for r in again.rows]
        assert len({r.key for r in first.rows}) == len(first.rows)


def test_two_identical_receipts_are_both_kept_with_keys_by_their_order(tmp_path):
    head = "交易日期,收入金额,对方户名,摘要\n"
    twice = "2026-07-01,800.00,张三,停车费\n"
    other = "2026-07-01,800.00,李四,停车费\n"
    statement = read_bank_statement(write(tmp_path / "two.csv", head + twice + other + twice))
    keys = [r.key for r in statement.rows]
    assert [r.payer for r in statement.rows] == ["张三", "李四", "张三"]
    assert len(set(keys)) == 3 and keys[2] == keys[0] + "#2"
    assert "#" not in keys[1]
    # the same file again: the same three keys; a file with only one of the pair: the first
    assert [r.key for r in read_bank_statement(tmp_path / "two.csv").rows] == keys
    once = read_bank_statement(write(tmp_path / "one.csv", head + twice))
    assert [r.key for r in once.rows] == [keys[0]]


def test_a_reference_is_the_key_with_its_date_and_amount(tmp_path):
    """Some banks number serials per day, or give one voucher number to a batch: the key
    carries the date and amount beside the reference so neither swallows another receipt."""
    text = ("交易日期,收入金额,对方户名,凭证号\n"
            "2026-07-01,100.00,甲,0001\n2026-07-02,100.00,乙,0001\n"
            "2026-07-02,250.00,丙,0001\n2026-07-02,250.00,丁,0001\n")
    statement = read_bank_statement(write(tmp_path / "ref.csv", text))
    assert [r.key for r in statement.rows] == [
        "ref:0001|2026-07-01|100.00", "ref:0001|2026-07-02|100.00",
        "ref:0001|2026-07-02|250.00", "ref:0001|2026-07-02|250.00#2"]


def test_without_a_reference_the_key_hashes_date_amount_counterparty_and_balance(tmp_path):
    head = "交易日期,收入金额,对方户名,余额,摘要\n"
    base = read_bank_statement(write(tmp_path / "a.csv", head + "2026-07-01,1.00,甲,10.00,x\n"))
    key = base.rows[0].key
    assert key.startswith("h:") and len(key) == 26
    for line in ("2026-07-02,1.00,甲,10.00,x", "2026-07-01,1.01,甲,10.00,x",
                 "2026-07-01,1.00,乙,10.00,x", "2026-07-01,1.00,甲,10.01,x"):
        other = read_bank_statement(write(tmp_path / "b.csv", head + line + "\n"))
        assert other.rows[0].key != key, line
    # remarks are not part of it, nor how the amount is written
    same = read_bank_statement(write(tmp_path / "c.csv",
                                     head + '2026-07-01,"=""1.0""",甲,10,另一个摘要\n'))
    assert same.rows[0].key == key


# -- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("dropped", "fields"), [
    ("记账日期", "booked_on"), ("交易金额", "amount"), ("对手信息", "payer")])
def test_a_missing_column_is_named_and_nothing_is_read(tmp_path, dropped, fields):
    headers = ["记账日期", "货币", "交易金额", "联机余额", "交易摘要", "对手信息"]
    kept = [h for h in headers if h != dropped]
    text = ",".join(kept) + "\n" + ",".join("2024-01-01" if h == "记账日期" else "1"
                                            for h in kept) + "\n"
    with pytest.raises(BankStatementError) as refused:
        read_bank_statement(write(tmp_path / "缺列.csv", text))
    error = refused.value
    assert error.code == "bank-statement-columns-missing"
    assert error.params["file"] == "缺列.csv" and error.params["fields"] == fields
    assert error.params["columns"] == ", ".join(kept)
    assert str(error).startswith("缺列.csv: no column for ")


def test_a_file_whose_headers_say_nothing_names_every_missing_column(tmp_path):
    path = write(tmp_path / "x.csv", "日子,钱,谁\n2026-01-01,5,甲\n")
    with pytest.raises(BankStatementError) as refused:
        read_bank_statement(path)
    assert refused.value.params["fields"] == "booked_on, amount, payer"
    assert refused.value.params["labels"] == "date, amount, payer"
    assert str(refused.value) == "x.csv: no column for date, amount, payer (columns: 日子, 钱, 谁)"


def test_a_mapping_reads_a_file_the_headers_do_not_explain(tmp_path):
    path = write(tmp_path / "x.csv", "说明,日子,钱,谁,附注\n"
                                     "备忘,2026-01-01,5,甲,一\n无,2026-01-02,-3,乙,\n")
    mapping = ColumnMapping.of({"booked_on": "日子", "amount": "钱", "payer": "谁",
                                "remarks": ["说明", "附注"]})
    statement = read_bank_statement(path, mapping)
    assert [(r.payer, r.amount, r.remarks) for r in statement.rows] == [
        ("甲", D("5.00"), "备忘 / 一")]
    assert statement.mapping == mapping
    assert skips(statement) == [(3, "bank-row-debit")]


def test_a_mapping_overrides_the_guess_field_by_field(tmp_path):
    path = write(tmp_path / "x.csv", "交易日期,收入金额,对方户名,实际付款人\n"
                                     "2026-01-01,5.00,代付公司,甲公司\n")
    statement = read_bank_statement(path, ColumnMapping.of({"payer": "实际付款人"}))
    assert statement.rows[0].payer == "甲公司"
    assert statement.mapping.column("booked_on") == "交易日期"  # still guessed
    # a mapping naming a column the file lacks is refused, naming it
    with pytest.raises(BankStatementError) as refused:
        read_bank_statement(path, ColumnMapping.of({"payer": "付款人全称"}))
    assert refused.value.code == "bank-statement-no-column"
    assert refused.value.params["column"] == "付款人全称"


def test_choosing_how_money_is_written_replaces_the_guessed_money_columns(tmp_path):
    path = write(tmp_path / "x.csv", "交易日期,收入金额,支出金额,交易金额,对方户名\n"
                                     "2026-01-01,5.00,,5.00,甲\n2026-01-02,,7.00,-7.00,乙\n")
    assert read_bank_statement(path).mapping.column("credit") == "收入金额"
    statement = read_bank_statement(path, ColumnMapping.of({"amount": "交易金额"}),
                                    currency="HKD")
    assert {"credit", "debit"}.isdisjoint(statement.mapping.columns)
    assert [(r.amount, r.currency) for r in statement.rows] == [(D("5.00"), "HKD")]
    assert skips(statement) == [(3, "bank-row-debit")]


def test_a_mapping_round_trips_through_json():
    mapping = ColumnMapping.of({"booked_on": "日子", "amount": "钱", "payer": "谁",
                                "remarks": ["说明", "附注"], "balance": None})
    assert "balance" not in mapping.columns
    text = mapping.to_json()
    assert text == ('{"booked_on": "日子", "amount": "钱", "payer": "谁", '
                    '"remarks": ["说明", "附注"]}')
    assert ColumnMapping.from_json(text) == mapping
    with pytest.raises(BankStatementError) as refused:
        ColumnMapping.from_json('{"payee": "x"}')
    assert refused.value.code == "bank-statement-no-field"
    with pytest.raises(BankStatementError) as refused:
        ColumnMapping.of({"payer": ["甲", "乙"]})
    assert refused.value.code == "bank-statement-one-column"
    for bad in ("[1, 2]", "{", '{"payer": 3}'):
        with pytest.raises(BankStatementError) as refused:
            ColumnMapping.from_json(bad)
        assert refused.value.code == "bank-statement-mapping"


def test_files_it_cannot_read_are_refused_with_a_code_naming_the_file(tmp_path):
    def code(path: Path) -> tuple[str, str]:
        with pytest.raises(BankStatementError) as refused:
            read_bank_statement(path)
        return refused.value.code, refused.value.params["file"]

    assert code(tmp_path / "nowhere.csv") == ("bank-statement-no-file", "nowhere.csv")
    (tmp_path / "s.pdf").write_bytes(b"%PDF-1.4")
    assert code(tmp_path / "s.pdf") == ("bank-statement-format", "s.pdf")
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    assert code(tmp_path / "broken.xlsx") == ("bank-statement-unreadable", "broken.xlsx")
    (tmp_path / "page.xls").write_text("<html><table><tr><td>1</td></tr></table></html>")
    assert code(tmp_path / "page.xls") == ("bank-statement-unreadable", "page.xls")
    (tmp_path / "bin.csv").write_bytes(b"a\x00b")
    assert code(tmp_path / "bin.csv") == ("bank-statement-unreadable", "bin.csv")
    (tmp_path / "empty.csv").write_bytes(b"")
    assert code(tmp_path / "empty.csv") == ("bank-statement-empty", "empty.csv")


# -- headers of real banks --------------------------------------------------------------------


@pytest.mark.parametrize(("headers", "expected"), [
    ("交易日期,摘要,交易场所,交易国家或地区简称,钞/汇,交易金额(收入),交易金额(支出),交易币种,"
     "记账金额(收入),记账金额(支出),记账币种,余额,对方户名",  # 工商银行
     {"booked_on": "交易日期", "credit": "记账金额(收入)", "debit": "记账金额(支出)",
      "payer": "对方户名", "currency": "记账币种", "balance": "余额"}),
    ("交易时间,借方发生额（支取）,贷方发生额（收入）,余额,币种,对方户名,对方账号,对方开户机构,"
     "记账日期,摘要,备注,账户明细编号-交易流水号,企业流水号,凭证种类,凭证号",  # 建设银行
     {"booked_on": "记账日期", "credit": "贷方发生额（收入）", "debit": "借方发生额（支取）",
      "payer": "对方户名", "payer_account": "对方账号", "reference": "账户明细编号-交易流水号"}),
    ("交易日期,交易时间,收入金额,支出金额,本次余额,对方户名,对方账号,对方开户行,交易渠道,"
     "交易用途,摘要",  # 农业银行
     {"booked_on": "交易日期", "credit": "收入金额", "debit": "支出金额", "balance": "本次余额",
      "payer": "对方户名"}),
    ("交易日期,交易时间,交易金额,交易后余额,交易类型,交易渠道,网点名称,附言,对方账户名,"
     "对方卡号/账号,对方开户行",  # 中国银行
     {"booked_on": "交易日期", "amount": "交易金额", "payer": "对方账户名",
      "payer_account": "对方卡号/账号", "balance": "交易后余额"}),
    ("交易日,交易时间,起息日,交易类型,借方金额,贷方金额,余额,摘要,流水号,流程实例号,业务名称,"
     "用途,业务参考号,业务摘要,其它摘要,收/付方分行名,收/付方名称,收/付方帐号",  # 招商银行 企业
     {"booked_on": "交易日", "credit": "贷方金额", "debit": "借方金额",
      "payer": "收/付方名称", "payer_account": "收/付方帐号", "reference": "流水号"}),
    ("Date,Payee/Payer,Amount,Ref,Memo",
     {"booked_on": "Date", "amount": "Amount", "payer": "Payee/Payer", "reference": "Ref"}),
])
def test_bank_headers_are_recognised(headers, expected):
    mapping = guess_mapping(headers.split(","))
    assert {k: mapping.column(k) for k in expected} == expected
    assert mapping.missing() == ()


def test_a_longer_word_wins_a_column_and_preamble_lines_are_no_header():
    mapping = guess_mapping(["记账日期", "借方发生额", "贷方发生额", "发生额", "对方户名"])
    assert mapping.column("debit") == "借方发生额" and mapping.column("credit") == "贷方发生额"
    assert mapping.column("amount") is None  # a credit column says what came in
    assert guess_mapping(["账号：6222021234567890123"]).columns == {}
    assert guess_mapping(["起始日期", "2026-01-01", "终止日期", "2026-01-31"]).columns == {}
    assert guess_mapping(["手续费金额", "期初余额日期"]).column("amount") is None


@pytest.mark.parametrize(("lines", "account", "holder"), [
    (["账号：6214 8301 2345 6789   户名：上海某某公司"], "6214830123456789", "上海某某公司"),
    (["账号,'6214830123456789,户名,某某"], "6214830123456789", "某某"),
    (["查询账号:6214****6789", "Account Name: ACME Ltd"], "6214****6789", "ACME Ltd"),
    (["起始日期:2026-01-01 终止日期:2026-01-31"], None, None),
])
def test_the_preamble_names_the_account(tmp_path, lines, account, holder):
    text = "\n".join([*lines, "", "交易日期,交易金额,对方户名", "2026-01-02,1.00,甲"])
    statement = read_bank_statement(write(tmp_path / "p.csv", text))
    assert (statement.account, statement.account_name) == (account, holder)


# -- cells -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "amount"), [
    ("1,234.50", D("1234.50")), ('="1234.50"', D("1234.50")), ("\t1,234.50", D("1234.50")),
    (" ￥1,234.50 ", D("1234.50")), ("RMB 1,234.50", D("1234.50")), ("1234.5元", D("1234.5")),
    ("-1,000.00", D("-1000.00")), ("(1,000.00)", D("-1000.00")), ("1,000.00-", D("-1000.00")),
    ("+12", D(12)), ("１，２３４．５０", D("1234.50")), ("1 234 567.89", D("1234567.89")),
    ("'1234.50", D("1234.50")), ("¥-5.00", D("-5.00")), ("¥(5.00)", D("-5.00")),
    ("", None), ("-", None), (" ", None),
    (1234.5, D("1234.5")), (12, D(12)),
])
def test_amounts_read_every_way_banks_write_them(text, amount):
    assert read_amount(text) == amount


@pytest.mark.parametrize("text", ["12,34", "1.2.3", "abc", "1,2345.00", "￥", "12e3", "--5",
                                  "(-5)", "+", "()"])
def test_amounts_that_are_not_amounts_are_refused(text):
    with pytest.raises(Unreadable):
        read_amount(text)


@pytest.mark.parametrize(("value", "day"), [
    ("2026-01-05", date(2026, 1, 5)), ("\t2026/1/5", date(2026, 1, 5)),
    ('="20260105"', date(2026, 1, 5)), ("20260105 10:20:30", date(2026, 1, 5)),
    ("20260105102030", date(2026, 1, 5)), ("2026-01-05 10:20:30", date(2026, 1, 5)),
    ("2026年1月5日", date(2026, 1, 5)), (datetime(2026, 1, 5, 9, 0), date(2026, 1, 5)),
    ("２０２６-０１-０５", date(2026, 1, 5)), (None, None),
])
def test_dates_read_every_way_banks_write_them(value, day):
    assert read_booked_on(value) == day


def test_an_account_number_run_into_the_payer_is_split_off():
    assert split_payer("北京住房公积金管理中心1111111111") == ("北京住房公积金管理中心",
                                                              "1111111111")
    assert split_payer("张三  6214****6789") == ("张三", "6214****6789")
    assert split_payer("上海2号仓储有限公司") == ("上海2号仓储有限公司", "")
    assert split_payer("66666666666") == ("66666666666", "")  # a number alone stays the name
    assert split_payer("某某 1234567") == ("某某 1234567", "")  # seven digits: no account


# -- property ------------------------------------------------------------------------------


AMOUNTS = st.decimals(min_value=D("0.01"), max_value=D("999999999999.99"), places=2,
                      allow_nan=False, allow_infinity=False)
PADDING = st.sampled_from(["", " ", "  ", "\t", "\u3000", "\u00a0", " \t"])


@st.composite
def written(draw: Any) -> tuple[Decimal, str]:
    """An amount, and the text a bank might write for it (or for its negative)."""
    amount = draw(AMOUNTS)
    negative = draw(st.booleans())
    grouped = draw(st.booleans())
    body = f"{amount:,.2f}" if grouped else f"{amount:.2f}"
    if draw(st.booleans()):  # trailing zeros of the cents left off
        body = body.rstrip("0").rstrip(".") if "." in body else body
    mark = draw(st.sampled_from(["", "¥", "￥", "RMB", "CNY "]))
    suffix = draw(st.sampled_from(["", "元", " CNY"])) if not mark else ""
    if negative:
        style = draw(st.sampled_from(["-{}", "({})", "{}-"]))
        text = style.format(mark + body + suffix)
    else:
        text = draw(st.sampled_from(["{}", "+{}"])).format(mark + body + suffix)
    if draw(st.booleans()):
        text = f'="{text}"'
    elif draw(st.booleans()):
        text = "'" + text
    return (-amount if negative else amount), draw(PADDING) + text + draw(PADDING)


@given(written())
def test_any_amount_written_with_separators_and_padding_reads_back_exactly(case):
    amount, text = case
    assert read_amount(text) == amount


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=40)
@given(st.lists(written(), min_size=1, max_size=20), st.sampled_from(["gbk", "utf-8-sig"]))
def test_any_amounts_written_into_a_csv_read_back_exactly(tmp_path, cases, encoding):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["交易日期", "交易金额", "对方户名"])
    for amount, text in cases:
        if encoding == "gbk":  # GBK has neither the yen sign nor the no-break space
            text = text.replace("¥", "￥").replace("\u00a0", " ")
        writer.writerow(["2026-01-01", text, "甲" if amount > 0 else "乙"])
    statement = read_bank_statement(write(tmp_path / "p.csv", out.getvalue(), encoding))
    assert [r.amount for r in statement.rows] == [a for a, _ in cases if a > 0]
    assert [D(s.params["amount"]) for s in statement.skipped] == [-a for a, _ in cases if a < 0]
    assert all(s.code == "bank-row-debit" for s in statement.skipped)
