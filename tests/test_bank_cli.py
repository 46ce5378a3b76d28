"""``leasemap bank-import FILE``: a bank statement imported, or rehearsed, from the command
line as a person runs it (a real ``python -m app`` process on a real workspace): the real
招商银行 export of the shared corpus read row by row, a dry run that writes nothing, a
second import that adds nothing, a column missing named (and mapped with ``--column``,
remembered for the account), a file that is no statement refused."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from store.schema import Allocation, BankMapping, Outbox, Payment
from store.workspace import Workspace
from tests.corpus import corpus  # noqa: F401  (a fixture)
from tests.small_leases import billed_small_park
from tests.test_cli import run

D = Decimal
TENANT = "上海云帆智能科技有限公司"


@pytest.fixture
def park(tmp_path: Path) -> Path:
    """The small park with HT-P-1 on ZD-A-0103 (12,540.00 a month), March billed."""
    return billed_small_park(tmp_path / "bank.leasemap")


def _counts(path: Path) -> tuple[int, int, int]:
    """Payments, allocations and outbox ops in the file."""
    workspace = Workspace.open(path)
    try:
        with workspace.reading() as s:
            return tuple(s.scalar(select(func.count()).select_from(m))  # type: ignore[return-value]
                         for m in (Payment, Allocation, Outbox))
    finally:
        workspace.close()


def _statement(folder: Path) -> Path:
    path = folder / "march.csv"
    path.write_text(
        "记账日期,货币,交易金额,联机余额,交易摘要,对手信息,客户摘要\n"
        f"2026-03-03,CNY,\"12,540.00\",\"12,540.00\",转账汇款,{TENANT} 6222000011112222,"
        "HT-P-1 三月租金\n"
        "2026-03-05,CNY,\"888.00\",\"13,428.00\",转账汇款,张三,押金\n"
        "2026-03-06,CNY,\"-100.00\",\"13,328.00\",一网通支付,某电力公司,电费\n",
        encoding="utf-8")
    return path


def test_the_real_cmb_export_imports_with_every_row_right(park, corpus):  # noqa: F811
    source = corpus / "bank" / "cmb-records.csv"
    done = run("bank-import", str(source), "--workspace", str(park), "--json")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert (found["file"], found["written"], found["new"], found["existing"],
            found["received"]) == ("cmb-records.csv", True, 1, 0, "1234.00")
    [payment] = found["payments"]
    assert (payment["received_on"], payment["amount"], payment["payer"], payment["remarks"],
            payment["reference"], payment["outcome"]) == (
        "2024-01-01", "1234.00", "北京住房公积金管理中心", "代发住房公积金 / 01月01日约定提取", "",
        "unmatched")
    assert [w["code"] for w in payment["why"]] == ["payer-unknown", "no-reference",
                                                   "amount-matches-none"]
    # the four other rows are money paid out, each with its row and amount
    assert [(s["line"], s["code"], s["params"]["amount"]) for s in found["skipped"]] == [
        (3, "bank-row-debit", "1000.00"), (4, "bank-row-debit", "3.00"),
        (5, "bank-row-debit", "1000.00"), (6, "bank-row-debit", "10.14")]
    workspace = Workspace.open(park)
    try:
        with workspace.reading() as s:
            [row] = s.scalars(select(Payment)).all()
            assert (row.received_on, row.amount, row.payer, row.balance, row.source,
                    row.source_file, row.account) == (
                date(2024, 1, 1), D("1234.00"), "北京住房公积金管理中心", D("1271.66"), "bank",
                "cmb-records.csv", "")
            assert row.key.startswith("h:")  # no bank reference: keyed by its contents
    finally:
        workspace.close()
    before = _counts(park)

    again = run("bank-import", str(source), "--workspace", str(park))
    assert again.returncode == 0, again.stderr
    assert ("cmb-records.csv: every receipt is imported already (1): nothing new; rows "
            "skipped: 4") in again.stderr
    assert "row 3: paid out 1,000.00, not a receipt" in again.stderr
    assert _counts(park) == before


def test_a_dry_run_lists_the_payments_and_writes_nothing(park, tmp_path):
    before = _counts(park)
    done = run("bank-import", str(_statement(tmp_path)), "--workspace", str(park),
               "--dry-run")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["2026-03-03", "12,540.00", TENANT, "allocated",
                                "automatically:", TENANT, "(100)", "→",
                                "HT-P-1/2026-03-01/rent"]
    assert lines[1].startswith("2026-03-05") and "张三" in lines[1] and "unmatched" in lines[1]
    assert "the payer 张三 is no tenant's name" in lines[2]
    assert ("march.csv: payments to import: 2 (13,428.00), account (none); imported before: "
            "0; rows skipped: 1; nothing written") in done.stderr
    assert ("allocated automatically: 1 (12,540.00); to confirm in Payments to match: 0 "
            "(0.00); unmatched: 1 (888.00)") in done.stderr
    assert _counts(park) == before


def test_importing_then_importing_again_adds_nothing(park, tmp_path):
    path = _statement(tmp_path)
    before = _counts(park)
    done = run("bank-import", str(path), "--workspace", str(park), "--account", "6222-01",
               "--json")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert (found["account"], found["new"], found["outcomes"]["auto"]) == (
        "6222-01", 2, {"count": 1, "amount": "12540.00"})
    assert found["payments"][0]["parts"][0]["number"] == "HT-P-1/2026-03-01/rent"
    after = _counts(park)
    assert after[:2] == (before[0] + 2, before[1] + 1)
    again = run("bank-import", str(path), "--workspace", str(park), "--account", "6222-01",
                "--json")
    assert again.returncode == 0, again.stderr
    assert (json.loads(again.stdout)["new"], json.loads(again.stdout)["existing"]) == (0, 2)
    assert _counts(park) == after


def test_a_column_missing_is_named_and_nothing_is_imported(park, tmp_path):
    path = tmp_path / "other-bank.csv"
    path.write_text("交易日期,收入金额,客户,附言\n"
                    f"2026-03-03,\"12,540.00\",{TENANT},HT-P-1 三月\n", encoding="utf-8")
    before = _counts(park)
    done = run("bank-import", str(path), "--workspace", str(park), "--account", "A-1")
    assert done.returncode == 2
    assert ("other-bank.csv: no column for payer (columns: 交易日期, 收入金额, 客户, 附言); "
            "name it with --column payer=HEADER") in done.stderr
    assert _counts(park) == before

    mapped = run("bank-import", str(path), "--workspace", str(park), "--account", "A-1",
                 "--column", "payer=客户")
    assert mapped.returncode == 0, mapped.stderr
    assert "allocated automatically: 1 (12,540.00)" in mapped.stderr
    workspace = Workspace.open(park)
    try:
        with workspace.reading() as s:
            stored = s.scalar(select(BankMapping).where(BankMapping.account == "A-1"))
            assert stored is not None and stored.mapping == {"payer": "客户"}
    finally:
        workspace.close()
    # the account's next file is read with the remembered column: nothing new here
    again = run("bank-import", str(path), "--workspace", str(park), "--account", "A-1")
    assert again.returncode == 0, again.stderr
    assert "nothing new" in again.stderr


def test_a_file_that_is_no_statement_is_refused(park, tmp_path):
    before = _counts(park)
    bad = tmp_path / "plan.dxf"
    bad.write_text("0\nSECTION\n", encoding="utf-8")
    done = run("bank-import", str(bad), "--workspace", str(park))
    assert done.returncode == 2
    assert "plan.dxf is not a CSV or Excel (.xls, .xlsx) file" in done.stderr
    gone = run("bank-import", str(tmp_path / "nowhere.csv"), "--workspace", str(park))
    assert gone.returncode == 2 and "no such file" in gone.stderr
    bad_column = run("bank-import", str(bad), "--workspace", str(park), "--column", "payer")
    assert bad_column.returncode == 2
    assert "--column wants FIELD=HEADER" in bad_column.stderr
    assert _counts(park) == before
