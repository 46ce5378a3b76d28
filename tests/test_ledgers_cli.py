"""``leasemap three-ledgers``, ``vouchers`` and ``books-import``: the three-ledger check from
the command line, run as a person runs it (a real ``python -m app`` process on a real
workspace): check, export the vouchers, rehearse and import the books, check again."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from services import billing_run
from store.schema import FinanceEntry, Outbox
from store.workspace import Workspace
from tests.small_leases import open_small, park_id, sign_lease
from tests.test_cli import run
from tests.three_ledger_books import one_line_of_books


@pytest.fixture
def park(tmp_path: Path) -> Path:
    """The small park with HT-C1 on ZD-A-0103 (12,540.00 a month from 2026-03-01); January
    to April billed."""
    path = tmp_path / "ledgers.leasemap"
    workspace = open_small(path)
    try:
        sign_lease(workspace, "ZD-A-0103", "HT-C1")
        billing_run.post_run(workspace, park_id(workspace), date(2026, 1, 1),
                             date(2026, 4, 30), date(2025, 12, 25))
    finally:
        workspace.close()
    return path


def _counts(path: Path) -> tuple[int, int]:
    workspace = Workspace.open(path)
    try:
        with workspace.reading() as s:
            return (s.scalar(select(func.count()).select_from(FinanceEntry)),
                    s.scalar(select(func.count()).select_from(Outbox)))
    finally:
        workspace.close()


NO_BOOKS = ("The books are not imported yet: the contract and operations ledgers are "
            "compared; import the accounting system's posted entries to compare the books.\n"
            "6 entries of ours await the books: bills 6.")


def test_check_export_import_and_check_again(park, tmp_path):
    before = run("three-ledgers", "--workspace", str(park), "--on", "2026-04-10", "--json")
    assert before.returncode == 0, before.stderr  # no books: the two ledgers compared agree
    found = json.loads(before.stdout)
    assert found["agrees"] and found["counts"] == {} and found["differences"] == []
    assert found["books_compared"] is False and found["awaiting_books"] == {"bill": 6}

    said = run("three-ledgers", "--workspace", str(park), "--on", "2026-04-10")
    assert said.returncode == 0 and said.stdout == ""
    assert said.stderr.splitlines() == [
        "on 2026-04-10 the contract and operations ledgers agree; the books were not "
        "compared", *NO_BOOKS.splitlines()]

    vouchers = tmp_path / "v.xlsx"
    wrote = run("vouchers", "--workspace", str(park), "--from", "2025-12-01", "--to",
                "2026-04-10", "-o", str(vouchers))
    assert wrote.returncode == 0, wrote.stderr
    assert "6 vouchers, 18 lines, debit 72,732.00 = credit 72,732.00" in wrote.stdout
    assert vouchers.exists()

    counts = _counts(park)
    rehearsal = run("books-import", str(vouchers), "--workspace", str(park), "--dry-run",
                    "--json")
    assert rehearsal.returncode == 0, rehearsal.stderr
    planned = json.loads(rehearsal.stdout)
    assert (planned["written"], planned["new"], planned["existing"]) == (False, 18, 0)
    assert _counts(park) == counts

    done = run("books-import", str(vouchers), "--workspace", str(park))
    assert done.returncode == 0, done.stderr
    assert "imported 18 lines of the books" in done.stderr
    again = run("books-import", str(vouchers), "--workspace", str(park))
    assert "imported 0 lines of the books" in again.stderr and "18 imported before" in again.stderr
    assert _counts(park)[0] == 18

    after = run("three-ledgers", "--workspace", str(park), "--on", "2026-04-10")
    assert after.returncode == 0, after.stdout
    assert after.stdout == "" and "the three ledgers agree" in after.stderr


def test_a_file_with_a_column_missing_names_it_and_imports_nothing(park, tmp_path):
    books = tmp_path / "books.csv"
    books.write_text("日期,凭证号,科目,摘要,金额\n2026-03-05,记-1,1002,收款,100.00\n",
                     encoding="utf-8")
    done = run("books-import", str(books), "--workspace", str(park))
    assert done.returncode == 2
    assert "no column for 借方 (debit) / 贷方 (credit)" in done.stderr
    assert _counts(park)[0] == 0
    mapped = run("books-import", str(books), "--workspace", str(park), "--column",
                 "debit=金额", "--json")
    assert mapped.returncode == 0, mapped.stderr
    assert json.loads(mapped.stdout)["new"] == 1
    bad = run("books-import", str(books), "--workspace", str(park), "--column", "debit")
    assert bad.returncode == 2 and "--column wants FIELD=HEADER" in bad.stderr


def test_one_line_of_books_and_ours_missing_from_them_are_listed(park, tmp_path):
    workspace = Workspace.open(park)
    try:
        one_line_of_books(workspace, park_id(workspace), tmp_path, date(2026, 12, 31))
    finally:
        workspace.close()
    found = json.loads(run("three-ledgers", "--workspace", str(park), "--on", "2026-04-10",
                           "--json").stdout)
    assert found["books_compared"] is True and found["awaiting_books"] == {}
    assert not found["agrees"] and found["counts"] == {"bill-not-in-books": 6}
    assert {d["number"] for d in found["differences"]} >= {"HT-C1/2026-03-01/rent"}

    said = run("three-ledgers", "--workspace", str(park), "--on", "2026-04-10")
    assert said.returncode == 1
    assert said.stdout.splitlines()[0] == "Bill not in the books: 6"
    assert ("[Bill not in the books] bill HT-C1/2026-03-01/rent of 12,540.00 posted on "
            "2025-12-25: no entry in the books") in said.stdout
    assert "6 differences of 1 causes" in said.stderr and "not imported" not in said.stderr


def test_the_check_speaks_chinese(park, tmp_path):
    """(The words without books need the zh_CN catalogue with /tmp/tr/l16.tsv merged.)"""
    said = run("--lang", "zh_CN", "three-ledgers", "--workspace", str(park), "--on",
               "2026-04-10")
    assert said.returncode == 0 and said.stdout == ""
    assert "尚未导入财务账" in said.stderr and "账单 6 笔" in said.stderr
    workspace = Workspace.open(park)
    try:
        one_line_of_books(workspace, park_id(workspace), tmp_path, date(2026, 12, 31))
    finally:
        workspace.close()
    said = run("--lang", "zh_CN", "three-ledgers", "--workspace", str(park), "--on",
               "2026-04-10")
    assert said.returncode == 1
    assert "HT-C1/2026-03-01/rent" in said.stdout


def test_a_backwards_range_is_refused(park, tmp_path):
    done = run("vouchers", "--workspace", str(park), "--from", "2026-04-01", "--to",
               "2026-03-01", "-o", str(tmp_path / "v.csv"))
    assert done.returncode == 2
    assert "the range ends before it starts" in done.stderr
    assert not (tmp_path / "v.csv").exists()
