"""The finance windows read faster and show the same (issue 12): each shortcut their reads
take gives what the long way gives, on the 300-unit demo park other tests share (a year
of bills, payments, deposits; contracts ended, terminated, amended; no books yet), and on
it with books: its own vouchers exported and imported back, some lines changed.

- the three-ledger check's contract ledger reads the schedules without the bills
  (``services.billing_reader.ScheduleReader``): the lines the billing run's full reader
  gives, from where the ledger starts and from a later day;
- its counts, counted once, are the differences' counts; a row's words, made when asked,
  are the difference's;
- the collections list on the scores its actions were raised on is the list scored anew;
- the receivables report, read without the payments themselves, is the one read from the
  whole ledger.
"""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from domain.billing.three_ledgers import DueLine
from services import collections, three_ledgers
from services.billing_reader import BillingReader
from services.receivables import read_ledger
from services.receivables_report import read_report, receivables_report
from store.schema import Park
from store.workspace import Workspace
from views.ledgers_text import difference_text
from views.three_ledgers_window import difference_row

TODAY = date(2026, 11, 22)  # the 300-unit park other tests share: billed to November 2026


@pytest.fixture
def park(shared_demo, tmp_path):
    summary = shared_demo(tmp_path / "demo.leasemap", units=300, today=TODAY)
    with Workspace.open(summary.path) as workspace:
        with workspace.reading() as session:
            park_id = session.scalars(select(Park.id)).one()
        yield workspace, park_id


def _books(workspace: Workspace, park_id: Any, folder) -> int:
    """The park's vouchers imported back as its books: by voucher, some missing, some
    without our reference, some at another amount."""
    exported = folder / "vouchers.csv"
    with workspace.reading() as session:
        three_ledgers.export_vouchers(session, park_id, date(2000, 1, 1), TODAY, exported)
    with exported.open(encoding="utf-8-sig", newline="") as file:
        header, *rows = list(csv.reader(file))
    kept = []
    for n, row in enumerate(rows):
        if n % 13 == 0:
            continue
        if n % 7 == 0:
            row[3], row[7] = "租赁收入", ""  # the books lost our reference
        elif n % 17 == 0 and row[4]:
            row[4] = str(Decimal(row[4]) + 1)  # a yuan more
        kept.append(row)
    books = folder / "books.csv"
    with books.open("w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file).writerows([header, *kept])
    return len(three_ledgers.import_finance_entries(workspace, park_id, books).new)


def _due_the_long_way(session: Any, park_id: Any, starts: list[date], last: date
                      ) -> list[DueLine]:
    """The contract ledger as the check read it before: the billing run's full reader,
    the park's bills read with the schedules."""
    return three_ledgers.due_lines_of(
        BillingReader(session, park_id, min(starts), max(last, min(starts))))


@pytest.mark.parametrize("since_days", [None, 200])
def test_the_contract_ledger_is_the_billing_run_s(park, since_days):
    workspace, park_id = park
    with workspace.reading() as session:
        since = three_ledgers.first_billed(session, park_id)
        if since_days is not None:
            since = TODAY - timedelta(days=since_days)
        facts = three_ledgers._contracts(session, park_id, TODAY)
        ops = three_ledgers.read_operations(session, park_id, TODAY)
        last = max([TODAY, *(b.period_start for b in ops.bills)])
        starts = [max(c.starts_on, since) for c in facts]
        quick = three_ledgers._due_lines(session, park_id, starts, last)
        assert quick == _due_the_long_way(session, park_id, starts, last)
        assert len(quick) > 1000


def test_the_check_s_counts_and_rows_are_its_differences(park, tmp_path):
    workspace, park_id = park
    empty = three_ledgers.check_on(workspace, park_id, TODAY)
    assert _books(workspace, park_id, tmp_path) > 1000
    with_books = three_ledgers.check_on(workspace, park_id, TODAY)
    # Without books they are not compared: ours await them, none is "not in the books".
    assert not empty.books_compared and empty.awaiting > 1000 and not empty.matches
    assert not any(cause.endswith("in-books") or cause.endswith("not-ours")
                   for cause in empty.counts())
    assert with_books.books_compared and len(with_books.matches) > 1000
    for report in (empty, with_books):
        counted = Counter(d.params["cause"] for d in report.differences)
        assert report.counts() == {cause: counted[cause] for cause in report.counts()}
        assert sum(report.counts().values()) == len(report.differences)
        report.counts()["bill-not-in-books"] = -1  # a caller's copy: the report keeps its own
        assert report.counts().get("bill-not-in-books") != -1
        for difference in report.differences[::97]:
            assert difference_row(difference).text == difference_text(difference)
    assert {"amount-differs-in-books", "receipt-not-in-books"} <= set(with_books.counts())


def test_collections_on_the_scores_raised_on_are_scored_anew(park):
    workspace, park_id = park
    for day in (TODAY - timedelta(days=120), TODAY):
        run = collections.raise_actions(workspace, park_id, day)
        assert set(run.credits) and run == collections.ActionRun(run.raised, run.ended,
                                                                 run.tiers)
        with workspace.reading() as session:
            assert (collections.collections_overview(session, park_id, day,
                                                     credits=run.credits)
                    == collections.collections_overview(session, park_id, day))


def test_receivables_read_without_the_payments_are_the_whole_ledger_s(park):
    workspace, park_id = park
    for day in (TODAY - timedelta(days=200), TODAY):
        with workspace.reading() as session:
            whole = receivables_report(session, park_id, day, read_ledger(session, park_id))
        assert read_report(workspace, park_id, day) == whole
        assert whole.arrears and whole.credit
