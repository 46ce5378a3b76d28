"""Find space over the whole 20,000-unit demo park (issue 10).

For each area asked (300, 800 and 2,000 m² by default), ``find_space`` over
the park is timed three ways, each the median of ``--runs``:

- cold: nothing cached: the park's units are read, every floor's adjacency
  (among its vacant units) is built, then the search runs;
- read again: adjacency cached, the units read again (a fresh reader: what a
  new date or a write elsewhere costs);
- warm: a second search on the same reader and day with another area: what
  the dialog does as someone tries 300, then 500, then 800 m².

Baseline, in the same process: ``store.map_query.map_units`` over the park
alone (what every map of the park reads). Goal: warm ≤ 200 ms; cold and read
again are reported beside it, with their ratio to the baseline. The pure
search is also timed on a 60-unit floor where every unit touches up to eight
others (a worst case for the enumeration).

Run: .venv/bin/python bench/find_space.py [--units N] [--runs R] [--rebuild]
The demo is built once and kept (``bench/startup.py``'s cache, by schema).
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from startup import demo_file  # noqa: E402

from domain.occupancy import is_vacant  # noqa: E402
from services.find_space import find_space, forget_cached  # noqa: E402
from spatial.contiguous import FloorUnits, find_sets  # noqa: E402
from store.map_query import map_units  # noqa: E402
from store.read_model import ReadModel, Scope  # noqa: E402

TARGETS = (Decimal(300), Decimal(800), Decimal(2000))
GOAL_MS = 200.0


def _median_ms(runs: int, setup: Callable[[], object], work: Callable[[object], object]) -> float:
    times = []
    for _ in range(runs):
        state = setup()
        start = time.perf_counter()
        work(state)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def rich_floor(seed: int = 3, width: int = 10, depth: int = 6) -> FloorUnits:
    """60 units on a grid, each touching up to eight neighbours; most vacant."""
    rng = random.Random(seed)
    neighbours: list[list[int]] = [[] for _ in range(width * depth)]
    for y, x in itertools.product(range(depth), range(width)):
        for dy, dx in itertools.product((-1, 0, 1), repeat=2):
            if (dy or dx) and 0 <= x + dx < width and 0 <= y + dy < depth:
                neighbours[y * width + x].append((y + dy) * width + x + dx)
    count = width * depth
    return FloorUnits([Decimal(rng.randint(4_000, 20_000)).scaleb(-2) for _ in range(count)],
                      [Decimal(rng.randint(500, 1_500)).scaleb(-1) for _ in range(count)],
                      neighbours, [rng.random() < 0.85 for _ in range(count)])


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
    vacant = sum(1 for u in units if is_vacant(u.facts.status, u.facts.occupancy, u.facts.use))
    floors = len({u.floor_id for u in units})
    print(f"demo: {len(units):,} units on {floors:,} floors, {vacant:,} vacant on {day}")
    baseline = _median_ms(args.runs, fresh, lambda r: map_units(r, scope, day))  # type: ignore[arg-type]
    print(f"baseline: map_units over the park          median {baseline:8.1f} ms")
    worst_warm = 0.0
    for target in TARGETS:
        def cold_setup() -> ReadModel:
            forget_cached()
            return fresh()

        cold = _median_ms(args.runs, cold_setup,
                          lambda r, t=target: find_space(r, scope, t, day))  # type: ignore[misc]
        find_space(fresh(), scope, target, day)  # adjacency cached from here on
        again = _median_ms(args.runs, fresh,
                           lambda r, t=target: find_space(r, scope, t, day))  # type: ignore[misc]
        reader = fresh()
        find_space(reader, scope, target * 2, day)  # another area first: the read is cached
        warm = _median_ms(args.runs, lambda reader=reader: reader,
                          lambda r, t=target: find_space(r, scope, t, day))  # type: ignore[misc]
        worst_warm = max(worst_warm, warm)
        found = find_space(reader, scope, target, day)
        best = found[0] if found else None
        print(f"{target:>6} m²: cold {cold:8.1f} ms ({cold / baseline:4.2f}× baseline)  "
              f"read again {again:8.1f} ms ({again / baseline:4.2f}×)  "
              f"warm {warm:7.1f} ms ({warm / baseline:4.2f}×)  "
              + (f"best: {best.building_code} {best.floor_name} "
                 f"{'+'.join(best.unit_codes)} {best.area} m²" if best else "none"))
    floor = rich_floor()
    for target in (Decimal(150), Decimal(500), Decimal(800), Decimal(1200)):
        ms = _median_ms(args.runs, lambda: None,
                        lambda _s, t=target: find_sets([floor], t))  # type: ignore[misc]
        print(f"60-unit rich floor, {target:>5} m²: find_sets median {ms:7.1f} ms")
    verdict = "met" if worst_warm <= GOAL_MS else "NOT met"
    print(f"goal: warm ≤ {GOAL_MS:.0f} ms: slowest warm {worst_warm:.1f} ms ({verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
