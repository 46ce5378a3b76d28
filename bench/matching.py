"""Matching a lead against the whole 20,000-unit demo park (issue 11).

For each of a few leads (an office lead with a budget, tags and a move-in
date; a plant; a shop; a large office floor), ``match_lead`` over the park is
timed, each the median of ``--runs``:

- cold: nothing cached: the park's units for rent read, what is free on the
  day worked out, every floor's adjacency among its vacant units built, the
  space search run, everything scored;
- warm: the same reader has just matched another lead on the same day (what
  the pipeline board does as someone goes from lead to lead): the reads are
  cached, the space search and the scoring run again.

Before each timed call the garbage collector is run once: reading a big park
leaves hundreds of thousands of new objects, and the full collection they
cause falls on whatever allocates next (it is the read's cost, not the
match's; with it, a warm match can take a few times longer, once). Times are
wall-clock, and the process's CPU time is printed beside them: on a busy
machine the two part.

Baseline, in the same process: ``store.map_query.map_units`` over the park
alone (what every map of the park reads). Goal: warm ≤ 200 ms.

Run: .venv/bin/python bench/matching.py [--units N] [--runs R] [--rebuild]
The demo is built once and kept (``bench/startup.py``'s cache, by schema).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from startup import demo_file  # noqa: E402

from domain.assets import UnitType  # noqa: E402
from domain.leasing.pipeline import LeadNeeds  # noqa: E402
from services.lead_matching import forget_cached, match_lead  # noqa: E402
from store.map_query import map_units  # noqa: E402
from store.read_model import ReadModel, Scope  # noqa: E402

GOAL_MS = 200.0
D = Decimal


def leads(day: date) -> list[tuple[str, LeadNeeds]]:
    return [
        ("office 400–600 m², ≤ 95, 景观+可注册", LeadNeeds(
            D(400), D(600), budget=D(95), move_in_on=day + timedelta(days=90),
            unit_type=UnitType.OFFICE, tags=frozenset({"景观", "可注册"}))),
        ("plant 1,500–2,500 m², 货梯", LeadNeeds(
            D(1500), D(2500), move_in_on=day + timedelta(days=180),
            unit_type=UnitType.INDUSTRIAL, tags=frozenset({"货梯"}))),
        ("shop 100–200 m², ≤ 250", LeadNeeds(D(100), D(200), budget=D(250),
                                           unit_type=UnitType.RETAIL)),
        ("office 2,000–3,000 m²", LeadNeeds(D(2000), D(3000), unit_type=UnitType.OFFICE)),
    ]


def _median_ms(runs: int, setup: Callable[[], object],
               work: Callable[[object], object]) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds of ``work`` over ``runs``."""
    walls, cpus = [], []
    for _ in range(runs):
        state = setup()
        gc.collect()
        start, cpu = time.perf_counter(), time.process_time()
        work(state)
        walls.append((time.perf_counter() - start) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true", help="build the demo again")
    args = parser.parse_args()
    demo = demo_file(args.units, args.rebuild)
    probe = ReadModel(demo)
    park = probe.park_tree()[0]
    probe.close()
    scope = Scope("park", park.id)
    day = date.today()  # the demo's leases are spread around the day it was built

    def fresh() -> ReadModel:
        return ReadModel(demo)

    units = map_units(fresh(), scope, day)  # warm the file cache before anything is timed
    print(f"demo: {len(units):,} units on {len({u.floor_id for u in units}):,} floors, "
          f"matched on {day}")
    baseline, _ = _median_ms(args.runs, fresh,
                             lambda r: map_units(r, scope, day))  # type: ignore[arg-type]
    print(f"baseline: map_units over the park            median {baseline:8.1f} ms")
    every = leads(day)
    shown = fresh()  # what each lead's best match is printed from
    worst_warm = 0.0
    for index, (name, needs) in enumerate(every):
        other = every[index - 1][1]  # the lead matched just before, on the same reader

        def cold_setup() -> ReadModel:
            forget_cached()
            return fresh()

        def warm_setup(other: LeadNeeds = other) -> ReadModel:
            reader = fresh()
            match_lead(reader, other, day)
            return reader

        cold, _ = _median_ms(args.runs, cold_setup,
                             lambda r, n=needs: match_lead(r, n, day))  # type: ignore[misc]
        warm, warm_cpu = _median_ms(args.runs, warm_setup,
                                    lambda r, n=needs: match_lead(r, n, day))  # type: ignore[misc]
        worst_warm = max(worst_warm, warm)
        found = match_lead(shown, needs, day)
        best = found[0] if found else None
        sets = sum(1 for m in found if len(m.unit_codes) > 1)
        print(f"{name:<36} cold {cold:8.1f} ms ({cold / baseline:4.2f}× baseline)  "
              f"warm {warm:6.1f} ms (CPU {warm_cpu:5.1f})  {len(found)} matches, {sets} sets  "
              + (f"best {best.score}: {'+'.join(best.unit_codes)} {best.candidate.area} m²"
                 if best else "none"))
    verdict = "met" if worst_warm <= GOAL_MS else "NOT met"
    print(f"goal: warm ≤ {GOAL_MS:.0f} ms: slowest warm {worst_warm:.1f} ms ({verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
