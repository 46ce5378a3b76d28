"""The account a bank export names, found before its columns are: the file's cells read
once (``open_statement``), its preamble peeked at (``statement_account``) so the mapping
remembered for that account can be looked up, then its rows read from the same cells.

The 招商银行 export of the shared corpus, under a preamble naming its account, with its
headers as the bank writes them and renamed to words no bank uses; and files written
here as other banks write them (a label and its value in two cells, an .xlsx).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from importers.bank_statement import (
    BankStatementError,
    ColumnMapping,
    StatementFile,
    guess_mapping,
    open_statement,
    read_bank_statement,
    statement_account,
)
from tests.corpus import CORPUS, corpus, needs_corpus  # noqa: F401  (the fixture)

CMB = CORPUS / "bank" / "cmb-records.csv"
ACCOUNT = "6214830123456789"
# The corpus file's columns under words no bank uses, in the same order.
ODD = ["日子", "币", "钱数", "结余", "说明", "来往", "备忘"]
ODD_MAPPING = ColumnMapping.of({"booked_on": "日子", "currency": "币", "amount": "钱数",
                                "balance": "结余", "remarks": ["说明", "备忘"],
                                "payer": "来往"})


def cmb_under(tmp_path: Path, preamble: list[str], headers: list[str] | None = None,
              name: str = "cmb.csv") -> Path:
    """The corpus export under ``preamble`` lines, its header row replaced by ``headers``."""
    header, *rows = CMB.read_text(encoding="utf-8").splitlines()
    top = ",".join(headers) if headers is not None else header
    path = tmp_path / name
    path.write_text("\n".join([*preamble, top, *rows]) + "\n", encoding="utf-8")
    return path


def test_the_odd_headers_say_nothing_to_the_reader():
    assert guess_mapping(ODD).columns == {}


@needs_corpus
def test_a_preamble_above_recognised_headers_names_the_account(tmp_path):
    path = cmb_under(tmp_path, ["招商银行交易记录", f"账号：{ACCOUNT}", "币种：人民币"])
    assert statement_account(path) == ACCOUNT
    assert read_bank_statement(path).account == ACCOUNT
    # No preamble, no account: a remark naming one under the header is not the file's.
    plain = tmp_path / "plain.csv"
    plain.write_text("交易日期,交易金额,对方户名,摘要\n2026-01-02,1.00,甲,账号：6222000011112222\n",
                     encoding="utf-8")
    assert statement_account(plain) is None


@needs_corpus
def test_a_preamble_above_headers_nobody_recognises_names_the_account(tmp_path):
    path = cmb_under(tmp_path, ["招商银行交易记录", f"账号：{ACCOUNT}", "", "户名：上海某某"],
                     ODD)
    source = open_statement(path)
    assert isinstance(source, StatementFile) and statement_account(source) == ACCOUNT
    # Unread without a mapping: the refusal lists the table's own headers (not the
    # preamble's lines), the columns a mapping is chosen from.
    with pytest.raises(BankStatementError) as refused:
        read_bank_statement(source)
    assert refused.value.code == "bank-statement-columns-missing"
    assert refused.value.params["fields"] == "booked_on, amount, payer"
    assert refused.value.params["columns"] == ", ".join(ODD)
    # With the mapping, the same cells give the corpus file's rows, keys and all.
    odd = read_bank_statement(source, ODD_MAPPING)
    plain = read_bank_statement(CMB)
    assert odd.account == ACCOUNT and odd.account_name == "上海某某" and odd.header_line == 5
    assert len(odd.rows) == len(plain.rows) == 1
    assert [(r.booked_on, r.amount, r.currency, r.payer, r.payer_account, r.remarks,
             r.balance, r.key, r.line - 4) for r in odd.rows] == [
        (r.booked_on, r.amount, r.currency, r.payer, r.payer_account, r.remarks, r.balance,
         r.key, r.line) for r in plain.rows]
    assert [(s.line - 4, s.code) for s in odd.skipped] == [
        (s.line, s.code) for s in plain.skipped]


def test_a_label_and_its_value_in_two_cells_of_an_xlsx(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["账号", "'" + ACCOUNT])
    sheet.append(["户名", "上海某某园区管理有限公司"])
    sheet.append([])
    sheet.append(["日子", "钱", "谁", "附注"])
    sheet.append(["2026-01-02", 5, "甲", "一"])
    sheet.append(["2026-01-03", 7, "乙", None])
    path = tmp_path / "odd.xlsx"
    book.save(path)
    assert statement_account(path) == ACCOUNT
    with pytest.raises(BankStatementError) as refused:
        read_bank_statement(path)
    assert refused.value.params["columns"] == "日子, 钱, 谁, 附注"


def test_a_file_it_cannot_read_is_refused_before_any_peek(tmp_path):
    with pytest.raises(BankStatementError) as refused:
        open_statement(tmp_path / "none.csv")
    assert refused.value.code == "bank-statement-no-file"
    empty = tmp_path / "empty.csv"
    empty.write_text("\n\n", encoding="utf-8")
    assert statement_account(empty) is None
    with pytest.raises(BankStatementError) as nothing:
        read_bank_statement(open_statement(empty))
    assert nothing.value.code == "bank-statement-empty"
