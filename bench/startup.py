"""Start-up: process start to the first shown window with the demo park's data.

"With its data" means the park tree with its counts, the first screen of the
table and the status-bar totals; the rest of a big park's rows page in after.
Baseline: a bare PySide6 window started the same way in the same run. Each
is started several times, interleaved, and the medians compared.
Goal (issues 2 and 9): Leasemap's first window with its data ≤ 3× the bare
window, for the 1,500-unit demo and the 20,000-unit park alike.

Run: .venv/bin/python bench/startup.py [--units N] [--runs R]
The demo of N units is built once and kept in the temporary folder, keyed by N
and the schema version (``--rebuild`` builds it again). The project's modules
are byte-compiled first, as the installer and the packaged app have them: with
``PYTHONDONTWRITEBYTECODE`` set (as on the CI machines) every start would
otherwise compile them from source again, a cost no user pays.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("app", "views", "services", "sync", "store", "importers", "domain", "spatial",
            "runtime", "resources")
BARE = (
    "import time\n"
    "from PySide6.QtWidgets import QApplication, QWidget\n"
    "app = QApplication([])\n"
    "w = QWidget(); w.resize(1400, 860); w.show(); app.processEvents()\n"
    "print(f'shown {time.time():.6f}', flush=True)\n"
)


def _env(settings: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["LEASEMAP_EXIT_AFTER_SHOW"] = "1"
    env["LEASEMAP_SETTINGS"] = str(settings)
    return env


def _time(command: list[str], env: dict[str, str], mark: str = "shown") -> float:
    """Seconds from spawning ``command`` to the wall time it prints after ``mark``."""
    start = time.time()
    out = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    line = next(line for line in out.stdout.splitlines() if line.startswith(mark + " "))
    return float(line.split()[1]) - start


def demo_file(units: int, rebuild: bool = False) -> Path:
    """The demo of ``units`` units, built once per schema version and kept."""
    sys.path.insert(0, str(ROOT))
    from store.files import SCHEMA_HEAD

    folder = Path(tempfile.gettempdir()) / f"leasemap-bench-{SCHEMA_HEAD}"
    folder.mkdir(exist_ok=True)
    demo = folder / f"demo-{units}.leasemap"
    if rebuild or not demo.exists():
        print(f"building the {units}-unit demo once: {demo}", flush=True)
        subprocess.run(
            [sys.executable, "-m", "app", "demo", str(demo), "--units", str(units), "--force"],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
    return demo


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--units", type=int, default=1500)
    parser.add_argument("--rebuild", action="store_true", help="build the demo again")
    args = parser.parse_args()
    demo = demo_file(args.units, args.rebuild)
    for package in PACKAGES:  # as installed: from bytecode (see the module's docstring)
        compileall.compile_dir(ROOT / package, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        env = _env(Path(tmp) / "settings.ini")
        bare, ours, frame = [], [], []
        command = [sys.executable, "-m", "app", str(demo), "--lang", "zh_CN"]
        for _ in range(args.runs):
            bare.append(_time([sys.executable, "-c", BARE], env))
            ours.append(_time(command, env))
            frame.append(_time(command, env, "window"))
    b, o = statistics.median(bare), statistics.median(ours)
    print(
        f"Leasemap window frame   median {statistics.median(frame) * 1000:7.0f} ms  "
        "(before the data arrives)"
    )
    print(
        f"bare PySide6 window     median {b * 1000:7.0f} ms  (runs: "
        + ", ".join(f"{x * 1000:.0f}" for x in bare)
        + ")"
    )
    print(
        f"Leasemap, {args.units} units median {o * 1000:7.0f} ms  (first screen; runs: "
        + ", ".join(f"{x * 1000:.0f}" for x in ours)
        + ")"
    )
    ratio = o / b
    print(f"ratio {ratio:.2f}× (goal ≤ 3×: {'met' if ratio <= 3 else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
