"""Time what a clerk waits for when opening the finance windows (issue 12) on a demo park.

Each figure is the call its window makes in the worker pool (``app/ledgers_flow.py``,
``collections_flow.py``, ``receivables_flow.py``, ``contract_flow.py``), on one workspace
of a generated demo park (1,500 units and a year of bills and payments by default):

- three-ledger check: ``services.three_ledgers.check_on`` on the day, then the window's
  rows (``views.three_ledgers_window.difference_row``, made in the pool as well); on the
  park as built, whose books are empty (not compared: ours are counted as awaiting
  them, and the contract and operations ledgers compared), and on a
  copy whose books hold the park's own vouchers, exported and imported back with a tenth
  of the lines without our reference, some at other amounts and some missing (most of
  ours then match);
- collections: ``services.collections.raise_actions`` on the day (it writes nothing after
  the first time), then ``collections_overview`` on the scores it raised them on;
- receivables: ``services.receivables_report.read_report``;
- contract detail: ``app.contract_flow.read_contract_view`` of ``--contracts`` signed
  contracts (the figure is per contract).

The figures are run in turn, ``--runs`` rounds, each run as the app's does (the previous
result dropped and collected first); medians of the wall time and of the process's CPU
time beside it (on a shared machine the two part: compare the CPU). Baseline, in the same
process: the park's bills, payments and allocations read with plain ``sqlite3``
(``fetchall``), the least any of these windows reads. Goal: each ≤ 1 s of CPU on the
1,500-unit park.

Run: .venv/bin/python bench/finance_windows.py [--units N] [--runs R] [--park FILE]
         [--no-books] [--contracts N]

``--park FILE`` keeps the demo park in FILE (built there the first time, reused after);
the copy with books is made beside it, in the temporary folder.
"""

from __future__ import annotations

import argparse
import csv
import gc
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from app.contract_flow import read_contract_view  # noqa: E402
from demo.build import build_demo  # noqa: E402
from domain.contracts import ContractStatus  # noqa: E402
from runtime.jobs import gc_paused  # noqa: E402
from services.collections import collections_overview, raise_actions  # noqa: E402
from services.contracts import park_id_of  # noqa: E402
from services.receivables_report import read_report  # noqa: E402
from services.three_ledgers import (  # noqa: E402
    check_on,
    export_vouchers,
    import_finance_entries,
)
from store.schema import Contract  # noqa: E402
from store.workspace import Workspace  # noqa: E402
from views.three_ledgers_window import difference_row  # noqa: E402

GOAL_S = 1.0


def with_books(park: Path, target: Path) -> int:
    """A copy of ``park`` whose books hold its own vouchers, as an accounting system that
    imported them and posted them back holds them: by voucher (a hash of its number), 8 %
    missing, 10 % with our reference lost, 2 % with a debit one yuan more; one line of
    the books' own. The number of lines imported."""
    shutil.copyfile(park, target)
    workspace = Workspace.open(target)
    try:
        with workspace.reading() as session:
            park_id = park_id_of(session)
            exported = target.with_suffix(".vouchers.csv")
            export_vouchers(session, park_id, date(2000, 1, 1), date(2100, 1, 1), exported)
        with exported.open(encoding="utf-8-sig", newline="") as file:
            header, *rows = list(csv.reader(file))
        kept = []
        for row in rows:
            roll = zlib.crc32(row[0].encode()) % 100
            if roll < 8:
                continue
            if roll < 18:
                row[3], row[7] = "租赁收入", ""
            elif roll < 20 and row[4]:
                row[4] = f"{int(row[4].replace('.', '')) + 100:d}"
                row[4] = f"{row[4][:-2]}.{row[4][-2:]}"
            kept.append(row)
        kept.append(["记-9999", "2026-01-15", "1122", "其他", "100.00", "", "某公司", ""])
        books = target.with_suffix(".books.csv")
        with books.open("w", encoding="utf-8-sig", newline="") as file:
            csv.writer(file).writerows([header, *kept])
        return len(import_finance_entries(workspace, park_id, books).new)
    finally:
        workspace.close()


def baseline(path: Path) -> int:
    """The park's bills, payments and allocations, every column, with plain sqlite3."""
    connection = sqlite3.connect(path)
    try:
        return sum(len(connection.execute(f"SELECT * FROM {table}").fetchall())
                   for table in ("bills", "payments", "allocations"))
    finally:
        connection.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=1500)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--park", type=Path, help="the demo park's file: built if missing")
    parser.add_argument("--no-books", action="store_true", help="skip the check with books")
    parser.add_argument("--contracts", type=int, default=20,
                        help="contracts whose detail is read, per run")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="leasemap-bench-finance-"))
    workspaces: list[Workspace] = []
    try:
        path = args.park or folder / "park.leasemap"
        started = time.perf_counter()
        if path.exists():
            print(f"demo park: {path} (reused)")
        else:
            summary = build_demo(path, units=args.units)
            print(f"demo park: {summary.units:,} units, {summary.contracts:,} contracts "
                  f"(built in {time.perf_counter() - started:.1f} s)")
        workspace = Workspace.open(path)
        workspaces.append(workspace)
        with workspace.reading() as session:
            park_id = park_id_of(session)
            contract_ids = session.scalars(
                select(Contract.id).where(Contract.park_id == park_id, ~Contract.archived,
                                          Contract.status == ContractStatus.SIGNED)
                .order_by(Contract.code).limit(args.contracts)).all()
        day = date.today()
        currency = "CNY"

        def three(on: Workspace) -> Callable[[], Any]:
            def work() -> Any:  # as the window's flow: the rows made with the collector held
                report = check_on(on, park_id, day)
                with gc_paused(promote=True):
                    return report, [difference_row(d) for d in report.differences]
            return work

        def collections() -> Any:
            credits = raise_actions(workspace, park_id, day).credits
            with workspace.reading() as session:
                return collections_overview(session, park_id, day, credits=credits)

        def detail() -> Any:
            with workspace.reading() as session:
                return [read_contract_view(session, c, day, currency) for c in contract_ids]

        figures: dict[str, Callable[[], Any]] = {
            "baseline": lambda: baseline(path),
            "three-ledger check": three(workspace),
        }
        if not args.no_books:
            started = time.perf_counter()
            lines = with_books(path, folder / "books.leasemap")
            print(f"books: {lines:,} lines of the park's vouchers imported back "
                  f"({time.perf_counter() - started:.1f} s)")
            books = Workspace.open(folder / "books.leasemap")
            workspaces.append(books)
            figures["three-ledger check, books"] = three(books)
        figures |= {"collections": collections,
                    "receivables": lambda: read_report(workspace, park_id, day),
                    "contract detail": detail}
        per = {"contract detail": max(len(contract_ids), 1)}  # its figure: per contract
        raise_actions(workspace, park_id, day)  # the day's actions, raised once
        for work in figures.values():  # imports, caches, the file's pages
            work()
        walls: dict[str, list[float]] = {name: [] for name in figures}
        cpus: dict[str, list[float]] = {name: [] for name in figures}
        said: dict[str, str] = {}
        for _ in range(args.runs):
            for name, work in figures.items():
                result = None
                gc.collect()
                start, cpu = time.perf_counter(), time.process_time()
                result = work()
                walls[name].append((time.perf_counter() - start) / per.get(name, 1))
                cpus[name].append((time.process_time() - cpu) / per.get(name, 1))
                said[name] = _said(result)
        base = statistics.median(cpus["baseline"])
        print(f"on {day}, medians of {args.runs} runs:")
        for name in figures:
            wall, cpu = statistics.median(walls[name]), statistics.median(cpus[name])
            ratio = "" if name == "baseline" else f", {cpu / base:5.1f}× the baseline's CPU"
            print(f"  {name:28s} {wall * 1000:7.0f} ms, CPU {cpu * 1000:7.0f} ms{ratio}"
                  f"  ({said[name]})")
        worst = max((statistics.median(cpus[n]), n) for n in figures if n != "baseline")
        met = "met" if worst[0] <= GOAL_S else "NOT met"
        print(f"goal: each ≤ {GOAL_S:.0f} s of CPU: the longest, {worst[1]}, "
              f"{worst[0]:.2f} s ({met})")
    finally:
        for opened in workspaces:
            opened.close()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def _said(result: Any) -> str:
    """What a figure's call returned, in a few words."""
    if isinstance(result, int):
        return f"{result:,} rows"
    if isinstance(result, tuple) and hasattr(result[0], "differences"):
        report = result[0]
        return f"{len(report.differences):,} differences, {len(report.matches):,} matched"
    if hasattr(result, "tenants"):
        return f"{len(result.tenants):,} tenants, {len(result.arrears):,} arrears lines"
    if isinstance(result, list) and result and hasattr(result[0], "credit"):
        return f"{len(result):,} tenants scored"
    if isinstance(result, list):
        return f"per contract, of {len(result):,}"
    return type(result).__name__


if __name__ == "__main__":
    sys.exit(main())
