"""Time a split, a merge and an undo on a floor of 2,000 units, each a whole edit.

Each edit is what the GUI runs when a planner finishes a tool: the geometry
checks, the contract check, the children written, the lineage row, the
building's common area re-shared over every unit (a merge absorbs a wall, so
all 2,000 shares move) and the command op, in one transaction on a real
workspace file. Beside it, the bare shapely split of the same polygon, the
least any split costs. Goal: each edit ≤ 50 ms (medians of several runs).

Run: ``.venv/bin/python bench/edit.py [--units 2000]``
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from shapely.geometry import LineString, box  # noqa: E402
from shapely.ops import split as shapely_split  # noqa: E402

from domain.assets import BuildingKind, UnitStatus, UnitType  # noqa: E402
from domain.space_use import SpaceUse  # noqa: E402
from services.space_edits import merge_units, split_unit, undo_edit  # noqa: E402
from spatial.geometry import area_m2, polygon_to_wkb  # noqa: E402
from store.areas import reallocate  # noqa: E402
from store.changes import insert_rows  # noqa: E402
from store.schema import Building, Floor, Park, Unit  # noqa: E402
from store.workspace import Workspace  # noqa: E402

GOAL_MS = 50.0
ROOM_W, ROOM_D, WALL = 5.0, 4.0, 0.2
DAY = date(2026, 12, 7)


def build(path: Path, units: int) -> tuple[list, int]:
    """A floor of ``units`` rooms in rows of 50, walls 0.2 m apart; every tenth a corridor."""
    per_row = 50
    rows = -(-units // per_row)
    ws = Workspace.create(path)
    ids = []
    with ws.transaction() as s:
        park = Park(code="BM", name="bench")
        s.add(park)
        s.flush()
        building = Building(park_id=park.id, code="A", name="A", kind=BuildingKind.OFFICE)
        s.add(building)
        s.flush()
        outline = box(-WALL, -WALL, per_row * (ROOM_W + WALL), rows * (ROOM_D + WALL))
        floor = Floor(building_id=building.id, level=3, name="3F",
                      outline=polygon_to_wkb(outline), gross_area=area_m2(outline))
        s.add(floor)
        s.flush()
        records = []
        for n in range(units):
            r, c = divmod(n, per_row)
            shape = box(c * (ROOM_W + WALL), r * (ROOM_D + WALL),
                        c * (ROOM_W + WALL) + ROOM_W, r * (ROOM_D + WALL) + ROOM_D)
            area = area_m2(shape)
            records.append(dict(
                park_id=park.id, floor_id=floor.id, code=f"BM-A-03{n + 1:04d}", name="",
                unit_type=UnitType.OFFICE, status=UnitStatus.LEASABLE, gross_area=area,
                internal_area=area, common_share=Decimal("0.00"), leasable_area=area,
                billable_area=area, geometry=polygon_to_wkb(shape),
                space_use=SpaceUse.COMMON if n % 10 == 9 else SpaceUse.LEASABLE))
        ids = insert_rows(s, Unit, records)
        reallocate(s, building.id)
    ws.close()
    return ids, per_row


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "edit.leasemap"
        ids, _per_row = build(path, args.units)
        ws = Workspace.open(path)
        bare, splits, merges, undos = [], [], [], []
        for run in range(args.runs):
            n = 10 * run  # offices 0/1, 10/11 … (never a corridor: every tenth)
            x0 = (n % 50) * (ROOM_W + WALL)
            y0 = (n // 50) * (ROOM_D + WALL)
            cut = [(x0 + 2.5, y0 - 0.1), (x0 + 2.5, y0 + ROOM_D + 0.1)]
            started = time.perf_counter()
            shapely_split(box(x0, y0, x0 + ROOM_W, y0 + ROOM_D), LineString(cut))
            bare.append(time.perf_counter() - started)
            started = time.perf_counter()
            split = split_unit(ws, ids[n], cut, DAY)
            splits.append(time.perf_counter() - started)
            started = time.perf_counter()
            undo_edit(ws, split.id, DAY)
            undos.append(time.perf_counter() - started)
            started = time.perf_counter()
            merge_units(ws, [ids[n], ids[n + 1]], DAY)
            merges.append(time.perf_counter() - started)
        ws.close()
    base = statistics.median(bare) * 1000
    print(f"floor of {args.units} units, medians of {args.runs} runs")
    print(f"  bare shapely split      {base:8.3f} ms")
    worst = 0.0
    for name, times in (("split (whole edit)", splits), ("merge (whole edit)", merges),
                        ("undo of a split", undos)):
        ms = statistics.median(times) * 1000
        worst = max(worst, ms)
        print(f"  {name:22s}  {ms:8.1f} ms  ({ms / base:,.0f}× the bare split)")
    verdict = "met" if worst <= GOAL_MS else "NOT met"
    print(f"goal: each edit ≤ {GOAL_MS:.0f} ms — {verdict} (slowest median {worst:.1f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
