"""How long the demo park takes to build, against how long a bare Qt window takes to open.

Run by hand or by ``make bench``::

    .venv/bin/python bench/demo_build.py [--units 20000] [--runs 1] [--qt-runs 3] [--phases]

The window start (a fresh ``python -c`` that imports PySide6, shows an
empty QWidget and prints the time once events are processed) is the
machine's yardstick: the ratio says how the build compares with something
every user waits for anyway, and stays meaningful on faster or slower
machines. The goal is the build of the 20,000-unit park (units for rent; each
floor's common rooms come on top) in 20 s or less. Each build's processor time is
printed beside its wall time (on a machine others share, the wall time waits for
them); ``--phases`` prints each build's processor time by phase (``demo.phases``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the project is not installed into the venv
    sys.path.insert(0, str(ROOT))

GOAL_SECONDS = 20.0
GOAL_UNITS = 20_000
WINDOW = (
    "import time\n"
    "from PySide6.QtWidgets import QApplication, QWidget\n"
    "app = QApplication([])\n"
    "window = QWidget()\n"
    "window.resize(800, 600)\n"
    "window.show()\n"
    "app.processEvents()\n"
    "print(time.time(), flush=True)\n"
)


def window_start() -> float:
    """Seconds from spawning a Python process to its first shown, painted QWidget."""
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-c", WINDOW], env=env, capture_output=True, text=True, check=True
    )
    shown = float(result.stdout.strip().splitlines()[-1])
    return shown - started


def demo_build(units: int) -> tuple[float, str]:
    """Seconds to build the demo park of ``units`` units into a temporary folder."""
    from demo import build_demo

    with tempfile.TemporaryDirectory(prefix="leasemap-bench-") as folder:
        path = Path(folder) / "demo.leasemap"
        started, cpu = time.perf_counter(), time.process_time()
        summary = build_demo(path, units=units, today=date(2025, 6, 15))
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        size = path.stat().st_size / 1e6
    detail = (
        f"{summary.buildings} buildings, {summary.floors} floors, {summary.units} units "
        f"for rent and {summary.common_units} common rooms, "
        f"{summary.tenants} tenants, {summary.contracts} contracts, {size:.0f} MB; "
        f"{cpu:.2f} s of processor time"
    )
    return seconds, detail


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=GOAL_UNITS, help="units in the demo park")
    parser.add_argument("--qt-runs", type=int, default=3, help="window starts, median taken")
    parser.add_argument("--runs", type=int, default=1, help="demo builds, median taken")
    parser.add_argument("--phases", action="store_true",
                        help="print each build's processor time by phase (on stderr)")
    args = parser.parse_args(argv)
    if args.phases:
        from demo.phases import ENV

        os.environ[ENV] = "1"

    platform = "DISPLAY" if os.environ.get("DISPLAY") else "offscreen"
    starts = [window_start() for _ in range(max(1, args.qt_runs))]
    window = statistics.median(starts)
    print(f"bare PySide6 window ({platform}): {window:.2f} s "
          f"(median of {len(starts)}: {', '.join(f'{s:.2f}' for s in starts)})")

    builds = []
    for _ in range(max(1, args.runs)):
        seconds, detail = demo_build(args.units)
        builds.append(seconds)
    build = statistics.median(builds)
    print(f"demo park, {args.units} units: {build:.2f} s "
          f"(median of {len(builds)}: {', '.join(f'{s:.2f}' for s in builds)}; {detail})")
    print(f"ratio build / window start: {build / window:.1f}")
    if args.units == GOAL_UNITS:
        verdict = "met" if build <= GOAL_SECONDS else "NOT met"
        print(f"goal: {GOAL_UNITS} units in <= {GOAL_SECONDS:.0f} s: {verdict}")
    else:
        print(f"goal applies to --units {GOAL_UNITS}; not judged for {args.units}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
