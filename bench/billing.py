"""Time a month's billing run (issue 12) on a demo park of about 10,000 live contracts.

Figures, each the median of ``--runs``:

- planning the month: reading the park's contracts, versions, sales, CPI and
  posted bills, then each contract's schedule for the month and its bills
  (``services.billing_run.plan_run``, nothing written), split into the reading
  and the computing. Goal: computing ≤ 1 s. Printed beside a plain loop in the
  same run that sums each contract's month of base rent (rate × area, Decimal).
- posting it: the bills and their lines with one ``post_bill`` command each,
  in one transaction (``write_run``), against a raw ``sqlite3`` ``executemany``
  of the same bill and line rows into a copy of the same file, committed.
  Goal: ≤ 3× the raw insert.

Matching bank lines has its own bench (bench/matching_payments.py).

Run: .venv/bin/python bench/billing.py [--units N] [--runs R] [--month YYYY-MM]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from demo.build import build_demo  # noqa: E402
from domain.billing.bills import plan_contract  # noqa: E402
from domain.leasing.schedule import add_months  # noqa: E402
from services import billing_run  # noqa: E402
from services.billing_reader import BillingReader  # noqa: E402
from services.contracts import park_id_of  # noqa: E402
from store.workspace import Workspace  # noqa: E402

COMPUTE_S, WRITE_RATIO = 1.0, 3.0  # the goals


def _median(runs: int, work: Callable[[], Any]) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, default=17_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--month", default="2026-12")
    args = parser.parse_args()
    first = date.fromisoformat(args.month + "-01")
    last = add_months(first, 1) - timedelta(days=1)
    issued = first - timedelta(days=6)

    folder = Path(tempfile.mkdtemp(prefix="leasemap-bench-billing-"))
    try:
        path = folder / "park.leasemap"
        started = time.perf_counter()
        summary = build_demo(path, units=args.units, today=first - timedelta(days=1))
        print(f"demo park: {summary.units:,} units, {summary.contracts:,} contracts "
              f"(built in {time.perf_counter() - started:.1f} s)")
        workspace = Workspace.open(path)
        with workspace.reading() as session:
            park = park_id_of(session)

            def read() -> tuple[Any, list[Any]]:
                reader = BillingReader(session, park, first, last)
                return reader, reader.contracts()

            read_s, (reader, rows) = _median(args.runs, read)

            def compute() -> list[Any]:
                return [plan_contract(reader.to_bill(row), first, last,
                                      reader.billed.get(row.id, {}), issued,
                                      catch_up_from=reader.catch_up_from(row))
                        for row in rows]

            compute_s, plans = _median(args.runs, compute)

            def base_rent() -> Decimal:
                summed = Decimal(0)
                for row in rows:
                    summed += row.rent_per_sqm_month * Decimal("100.00")
                return summed

            baseline_s, _ = _median(args.runs, base_rent)
            plan = billing_run.plan_run(session, park, first, last, issued)
        live = sum(1 for p in plans if p.bills)
        print(f"{args.month}: {len(rows):,} contracts looked at, {live:,} with bills, "
              f"{len(plan.bills):,} bills, {sum(len(b.lines) for b in plan.bills):,} lines, "
              f"{len(plan.skipped):,} skipped, total {plan.total:,}")
        print(f"baseline: a month's base rent of {len(rows):,} contracts, plain Decimal "
              f"loop: {baseline_s * 1000:8.1f} ms")
        print(f"planning: reading {read_s * 1000:8.1f} ms, computing {compute_s * 1000:8.1f} ms "
              f"({compute_s / baseline_s:6.1f}× baseline)")

        copies = []
        for n in range(args.runs):
            for kind in ("run", "raw"):
                copy = folder / f"{kind}-{n}.leasemap"
                shutil.copyfile(path, copy)
                copies.append(copy)
        workspace.close()
        write_times, raw_times, write_cpu, raw_cpu = [], [], [], []
        for n in range(args.runs):
            target = Workspace.open(folder / f"run-{n}.leasemap")
            start, cpu = time.perf_counter(), time.process_time()
            with target.transaction() as session:
                billing_run.write_run(session, plan)
            write_times.append(time.perf_counter() - start)
            write_cpu.append(time.process_time() - cpu)
            target.close()
            cpu = time.process_time()
            raw_times.append(_raw_insert(folder / f"raw-{n}.leasemap", plan))
            raw_cpu.append(time.process_time() - cpu)
        write_s, raw_s = statistics.median(write_times), statistics.median(raw_times)
        print(f"posting: write_run {write_s * 1000:8.1f} ms (CPU "
              f"{statistics.median(write_cpu) * 1000:.0f} ms), raw executemany of the same "
              f"rows {raw_s * 1000:8.1f} ms (CPU {statistics.median(raw_cpu) * 1000:.0f} ms) "
              f"({write_s / raw_s:4.1f}× raw)")
        computing = "met" if compute_s <= COMPUTE_S else "NOT met"
        writing = "met" if write_s <= WRITE_RATIO * raw_s else "NOT met"
        print(f"goal: computing a month of {len(rows):,} contracts ≤ {COMPUTE_S:.0f} s: "
              f"{compute_s:.2f} s ({computing}); posting ≤ {WRITE_RATIO:.0f}× raw: "
              f"{write_s / raw_s:.1f}× ({writing})")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


_BILL_KEYS = ("park_id", "contract_id", "tenant_id", "run_id", "corrects_id", "number", "kind",
              "charge", "period_start", "period_end", "due_on", "issued_on", "amount",
              "currency", "archived")
_LINE_KEYS = ("bill_id", "seq", "starts_on", "ends_on", "amount", "explanation", "archived")


def _raw_insert(path: Path, plan: billing_run.RunPlan) -> float:
    """The same bills and lines (their values made, JSON included), inserted by
    ``executemany`` and committed: the floor."""
    connection = sqlite3.connect(path)
    try:
        start = time.perf_counter()
        # The same values as posted: explanations and field stamps as JSON text.
        bills, lines = [], []
        run = uuid.uuid4().hex
        bill_stamps = json.dumps(dict.fromkeys(_BILL_KEYS, run))
        line_stamps = json.dumps(dict.fromkeys(_LINE_KEYS, run))
        for bill in plan.bills:
            bills.append((bill.id.hex, str(plan.park_id).replace("-", ""),
                          bill.contract_id.replace("-", ""),
                          plan.tenants[bill.contract_id].hex, None, None, bill.number,
                          bill.kind, bill.charge, bill.period_start.isoformat(),
                          bill.period_end.isoformat(), bill.due_on.isoformat(),
                          plan.issued_on.isoformat(), str(bill.amount), plan.currency, run,
                          bill_stamps, 0, 0, "2026-12-01 00:00:00"))
            for seq, line in enumerate(bill.lines, 1):
                lines.append((bill.id.hex, seq, line.starts_on.isoformat(),
                              line.ends_on.isoformat(), str(line.amount),
                              json.dumps(line.explanation), uuid.uuid4().hex, run,
                              line_stamps, 0, 0, "2026-12-01 00:00:00"))
        connection.executemany(
            "INSERT INTO bills (id, park_id, contract_id, tenant_id, run_id, corrects_id, "
            "number, kind, charge, period_start, period_end, due_on, issued_on, amount, "
            "currency, hlc, field_hlc, row_version, archived, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", bills)
        connection.executemany(
            "INSERT INTO bill_lines (bill_id, seq, starts_on, ends_on, amount, explanation, "
            "id, hlc, field_hlc, row_version, archived, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", lines)
        connection.commit()
        return time.perf_counter() - start
    finally:
        connection.close()


if __name__ == "__main__":
    sys.exit(main())
