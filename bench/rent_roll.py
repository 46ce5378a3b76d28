"""Time a 5,000-row rent roll: the read, the rehearsal and the import, beside a bare read.

The workbook and the park come from ``tests/data/make_rent_roll.py``: 5,000
contracts (50 broken on purpose) over a park of 5,400 vacant units. Measured
in one run, each beside a plain ``openpyxl`` read of the same file (read-only
mode, every cell's value: the least any reader of it costs):

- the read alone (``importers.rent_roll.read_rent_roll``: header found, columns
  mapped, rows kept);
- the rehearsal (read, every row parsed and validated as a contract against
  facts read once for the whole file; nothing written);
- the import (the same, then 4,950 contracts signed in one transaction, each
  with its links, version 1 and ``sign_contract`` command, and the rejected
  rows written to a workbook).

The goal is seconds, not minutes; the ratio to the bare read says how much of
it is ours on a noisy machine. Medians of ``--runs`` for the read and the
rehearsal; the import runs once (it writes).

Run: ``.venv/bin/python bench/rent_roll.py [--rows 5000] [--bad 50] [--runs 3]``
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from openpyxl import load_workbook  # noqa: E402

from importers.rent_roll import read_rent_roll  # noqa: E402
from services.rent_roll import import_rent_roll, rehearse_rent_roll  # noqa: E402
from store.workspace import Workspace  # noqa: E402
from tests.data.make_rent_roll import build_park, make_rent_roll  # noqa: E402


def bare_read(path: Path) -> int:
    """Every cell's value with openpyxl in read-only mode; the number of cells."""
    book = load_workbook(path, read_only=True, data_only=True)
    cells = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells += len(row)
    book.close()
    return cells


def timed(work, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--bad", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        park = Path(folder) / "park.leasemap"
        started = time.perf_counter()
        units = build_park(park, args.rows + args.rows // 25 + args.bad + 400)
        roll = make_rent_roll(Path(folder) / "roll.xlsx", units, rows=args.rows, bad=args.bad)
        print(f"set-up: a park of {len(units):,} units and a roll of {roll.rows:,} rows "
              f"({len(roll.bad)} bad) in {time.perf_counter() - started:.1f} s")
        bare_read(roll.path)  # warm the file cache and the imports alike
        read_rent_roll(roll.path)
        bare, cells = timed(lambda: bare_read(roll.path), args.runs)
        print(f"baseline  openpyxl read-only, {cells:,} cells: {bare:8.2f} s")
        read, _ = timed(lambda: read_rent_roll(roll.path), args.runs)
        print(f"read      read_rent_roll:               {read:8.2f} s  "
              f"({read / bare:.1f}× the baseline)")
        workspace = Workspace.open(park)
        try:
            rehearsal, report = timed(lambda: rehearse_rent_roll(workspace, roll.path),
                                      args.runs)
            print(f"rehearse  {report.imported:,} valid, {report.rejected} rejected: "
                  f"{rehearsal:8.2f} s  ({rehearsal / bare:.1f}× the baseline)")
            started = time.perf_counter()
            done = import_rent_roll(workspace, roll.path)
            imported = time.perf_counter() - started
            print(f"import    {done.imported:,} signed, {done.rejected} rejected: "
                  f"{imported:8.2f} s  ({imported / bare:.1f}× the baseline; "
                  f"{imported / max(done.imported, 1) * 1000:.2f} ms a contract)")
            started = time.perf_counter()
            again = import_rent_roll(workspace, roll.path)
            print(f"again     {again.already_imported:,} already imported: "
                  f"{time.perf_counter() - started:8.2f} s")
        finally:
            workspace.close()


if __name__ == "__main__":
    main()
