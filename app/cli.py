"""The command line: the GUI by default, and the same services for scripts.

``leasemap [WORKSPACE]`` opens the window; ``leasemap demo PATH`` builds the
demo park; ``leasemap info PATH`` prints what a workspace holds. Qt is only
imported for the GUI, so scripting commands start fast and run headless.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

COMMANDS = ("gui", "demo", "info")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="leasemap",
        description="Leasemap: floor plans, rent-control maps, leasing and billing for parks.",
    )
    sub = parser.add_subparsers(dest="command")
    gui = sub.add_parser("gui", help="open the desktop application (the default)")
    gui.add_argument("workspace", nargs="?", type=Path, help="a .leasemap workspace file")
    gui.add_argument("--lang", choices=("zh_CN", "en"), help="interface language")
    demo = sub.add_parser("demo", help="build the demo park workspace")
    demo.add_argument("path", type=Path, help="the new workspace file")
    demo.add_argument("--units", type=int, default=1500, help="about how many units")
    demo.add_argument("--seed", type=int, default=7, help="the park's random seed")
    demo.add_argument("--force", action="store_true", help="replace an existing file")
    info = sub.add_parser("info", help="summarize a workspace")
    info.add_argument("path", type=Path)
    info.add_argument("--on", type=date.fromisoformat, default=None, help="as of (YYYY-MM-DD)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args_in = list(sys.argv[1:] if argv is None else argv)
    if not args_in or (args_in[0] not in COMMANDS and not args_in[0].startswith("-")):
        args_in.insert(0, "gui")
    args = _parser().parse_args(args_in)
    if args.command == "demo":
        return _demo(args)
    if args.command == "info":
        return _info(args)
    from app import gui

    return gui.run(args.workspace, args.lang)


def _demo(args: argparse.Namespace) -> int:
    from app.demo import build_demo
    from store.workspace import side_files

    if args.path.exists():
        if not args.force:
            print(f"error: {args.path} exists; pass --force to replace it", file=sys.stderr)
            return 2
        for old in (args.path, *side_files(args.path)):
            old.unlink(missing_ok=True)
    summary = build_demo(args.path, units=args.units, seed=args.seed)
    print(
        f"built {summary.path}: {summary.buildings} buildings, {summary.floors} floors, "
        f"{summary.units} units, {summary.tenants} tenants, {summary.contracts} contracts "
        f"in {summary.seconds:.1f} s"
    )
    return 0


def _info(args: argparse.Namespace) -> int:
    from store.errors import WorkspaceError
    from store.files import inspect_file
    from store.read_model import ReadModel, Scope, summarize

    try:
        inspect_file(args.path)
    except WorkspaceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    day = args.on or date.today()
    reader = ReadModel(args.path)
    try:
        for park in reader.park_tree():
            rows = reader.unit_rows(Scope("park", park.id), day)
            summary = summarize(rows)
            rate = summary.occupancy_rate
            print(f"{park.code} {park.name} ({park.currency}) as of {day}")
            print(
                f"  {len(park.buildings)} buildings, {summary.units} units, leasable "
                f"{summary.leasable_area} m², leased {summary.leased_area} m², occupancy "
                f"{'—' if rate is None else f'{rate * 100:.1f}%'}"
            )
            for building in park.buildings:
                units = sum(f.unit_count for f in building.floors)
                print(
                    f"  {building.code} {building.name}: {len(building.floors)} floors, "
                    f"{units} units"
                )
    finally:
        reader.close()
    return 0
