"""The column mapping remembered for an account is found by the account the file names.

A park's 招商银行 account (6214 8301 2345 6789) exports under a preamble naming it, with
headers no bank uses (the corpus export's columns renamed): the first file is imported
with a mapping, remembered for the account the file names; the next (the corpus export's
rows) is imported with neither an account nor a mapping and reads through it. Another
account's file with those headers has no mapping: it is refused, naming what is missing,
and nothing is written.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from importers.bank_statement import BankStatementError, read_bank_statement
from services import payments
from store.schema import BankMapping, Outbox, Payment
from store.workspace import Workspace
from tests.corpus import corpus, needs_corpus  # noqa: F401  (the fixture)
from tests.importers.test_bank_statement_account import (
    ACCOUNT,
    CMB,
    ODD,
    ODD_MAPPING,
    cmb_under,
)
from tests.small_leases import open_small, park_id

D = Decimal
OTHER = "6222021234567890123"


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "park.leasemap")
    yield workspace
    workspace.close()


def _counts(ws: Workspace) -> tuple[int, int, int]:
    with ws.reading() as s:
        return tuple(s.scalar(select(func.count()).select_from(model))
                     for model in (Payment, Outbox, BankMapping))


def _first_file(tmp_path: Path) -> Path:
    """December's statement of the account, the same odd headers, one receipt."""
    path = tmp_path / "december.csv"
    path.write_text("\n".join([
        "招商银行交易记录", f"账号：{ACCOUNT}", ",".join(ODD),
        "2023-12-28,CNY,\"500.00\",\"537.66\",转账汇款,某某科技有限公司,十二月"]) + "\n",
        encoding="utf-8")
    return path


@needs_corpus
def test_the_mapping_remembered_for_the_account_the_file_names_is_used(ws, tmp_path):
    park = park_id(ws)
    december = _first_file(tmp_path)
    first = payments.import_bank_statement(ws, park, december, mapping=ODD_MAPPING)
    assert first.account == ACCOUNT and [p.amount for p in first.new] == [D("500.00")]
    with ws.reading() as s:
        (remembered,) = s.scalars(select(BankMapping)).all()
    assert remembered.account == ACCOUNT  # remembered for the account the file names

    path = cmb_under(tmp_path, ["招商银行交易记录", f"账号：{ACCOUNT}"], ODD)
    report = payments.import_bank_statement(ws, park, path)  # no account, no mapping
    plain = read_bank_statement(CMB)
    assert report.written and report.account == ACCOUNT
    assert [(p.amount, p.received_on, p.payer, p.remarks) for p in report.new] == [
        (r.amount, r.booked_on, r.payer, r.remarks) for r in plain.rows] == [
        (D("1234.00"), date(2024, 1, 1), "北京住房公积金管理中心",
         "代发住房公积金 / 01月01日约定提取")]
    assert [s.code for s in report.skipped] == ["bank-row-debit"] * 4
    with ws.reading() as s:
        written = s.scalars(select(Payment).order_by(Payment.received_on)).all()
    assert [(p.account, p.amount, p.key) for p in written] == [
        (ACCOUNT, D("500.00"), read_bank_statement(december, ODD_MAPPING).rows[0].key),
        (ACCOUNT, D("1234.00"), plain.rows[0].key)]
    # Told it is another account's file, the mapping is that account's: it has none.
    with pytest.raises(BankStatementError) as refused:
        payments.import_bank_statement(ws, park, path, account=OTHER, dry_run=True)
    assert refused.value.code == "bank-statement-columns-missing"


def test_another_accounts_file_without_a_mapping_is_refused_and_writes_nothing(ws, tmp_path):
    park = park_id(ws)
    payments.import_bank_statement(ws, park, _first_file(tmp_path), mapping=ODD_MAPPING)
    before = _counts(ws)
    path = tmp_path / "other.csv"
    path.write_text("\n".join([
        "招商银行交易记录", f"账号：{OTHER}", ",".join(ODD),
        "2024-01-02,CNY,\"800.00\",\"1,337.66\",转账汇款,某某餐饮有限公司,一月"]) + "\n",
        encoding="utf-8")
    with pytest.raises(BankStatementError) as refused:
        payments.import_bank_statement(ws, park, path)
    error = refused.value
    assert error.code == "bank-statement-columns-missing"
    assert (error.params["fields"], error.params["labels"], error.params["columns"]) == (
        "booked_on, amount, payer", "date, amount, payer", ", ".join(ODD))
    assert _counts(ws) == before
