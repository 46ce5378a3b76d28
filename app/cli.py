"""The command line: the GUI by default, and the same services for scripts.

``leasemap [WORKSPACE]`` opens the window; ``leasemap demo PATH`` builds the
demo park; ``leasemap info PATH`` prints what a workspace holds. Qt is only
imported for the GUI, so scripting commands start fast and run headless.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

COMMANDS = ("gui", "demo", "info", "import", "print")


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
    imp = sub.add_parser("import", help="import a DXF, DWG or IFC floor plan into a building, or a "
                         "site plan into the park (--site)")
    imp.add_argument("file", type=Path, help="the .dxf, .dwg (2000-2018) or .ifc file")
    imp.add_argument("--building", help="building code (created if missing)")
    imp.add_argument("--site", action="store_true",
                     help="the drawing is the park's site plan: outlines labelled with "
                          "building codes become their footprints")
    imp.add_argument("--floor", type=int, default=None,
                     help="the level of a one-floor drawing (1 is the ground floor, -1 the "
                          "first basement); without it the level comes from the file name "
                          "or the drawing's title (floor3.dxf, 3F, 三层平面图, B1), and with "
                          "nothing to go on the import stops and asks for it")
    imp.add_argument("--levels", default=None, metavar="LEVELS",
                     help="one level per floor of the drawing, comma-separated, in the order "
                          "the report lists the floors, e.g. --levels 1,2,3 or "
                          "--levels=-1,1,2 (B1 also means -1); overrides file names, titles "
                          "and IFC storeys")
    imp.add_argument("--workspace", type=Path, help="the workspace to import into")
    imp.add_argument("--park", default=None, help="park code, when the workspace has several")
    imp.add_argument(
        "--layers",
        default="",
        help="layer roles, e.g. 'rooms=使用面积线,walls=墙线,labels=文字' (DXF)",
    )
    imp.add_argument(
        "--units",
        choices=("mm", "cm", "dm", "m", "in", "ft"),
        help="DXF: the drawing's unit, when its header is missing or wrong",
    )
    imp.add_argument(
        "--by-zone", action="store_true", help="IFC: one unit per IfcZone instead of per space"
    )
    imp.add_argument("--dry-run", action="store_true", help="read and report; write nothing")
    imp.add_argument("--force", action="store_true",
                     help="import a drawing that may be another floor's (its rooms miss the "
                          "floor's units, or their numbers name another level)")
    imp.add_argument("--replace-site-plan", action="store_true",
                     help="--site: remove the previous site plan when the drawing has no "
                          "site linework (it is kept otherwise)")
    imp.add_argument("--json", action="store_true", help="print the report as JSON")
    prn = sub.add_parser("print", help="print a building's maps (stacking plan and every floor) "
                         "to one PDF")
    prn.add_argument("--building", required=True, help="building code")
    prn.add_argument("--mode", default="rent-control",
                     choices=("rent-control", "expiry", "vacancy", "revenue", "net-revenue",
                              "energy", "heat"), help="map mode")
    prn.add_argument("-o", "--output", type=Path, required=True, help="the PDF to write")
    prn.add_argument("--workspace", type=Path,
                     help="the workspace (default: the one opened last in the app)")
    prn.add_argument("--on", type=date.fromisoformat, default=None, help="as of (YYYY-MM-DD)")
    prn.add_argument("--paper", choices=("A4", "A3"), default="A4")
    prn.add_argument("--portrait", action="store_true", help="portrait pages (default landscape)")
    prn.add_argument("--method", choices=("natural-breaks", "quantile", "equal-interval"),
                     default="natural-breaks", help="classification of numeric modes")
    prn.add_argument("--classes", type=int, default=5, help="number of classes (2-9)")
    prn.add_argument("--lang", choices=("zh_CN", "en"), help="language of the printed text")
    info = sub.add_parser("info", help="summarize a workspace")
    info.add_argument("path", type=Path, nargs="?", help="the workspace (or --workspace)")
    info.add_argument("--workspace", type=Path, help="the workspace, as the other commands take it")
    info.add_argument("--on", type=date.fromisoformat, default=None, help="as of (YYYY-MM-DD)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args_in = list(sys.argv[1:] if argv is None else argv)
    if not args_in or (args_in[0] not in COMMANDS and not args_in[0].startswith("-")):
        args_in.insert(0, "gui")
    args = _parser().parse_args(args_in)
    headless = {"demo": _demo, "info": _info, "import": _import, "print": _print}.get(
        args.command)
    if headless is not None:
        try:
            return headless(args)
        except BrokenPipeError:
            # The reader went away (`leasemap import … | head`): stop quietly, as Unix tools do.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
    from app import gui

    return gui.run(args.workspace, args.lang)


def _demo(args: argparse.Namespace) -> int:
    from demo import build_demo
    from demo.profiles import MIN_UNITS
    from store.workspace import side_files

    if args.units < MIN_UNITS:
        print(f"error: a demo park has at least {MIN_UNITS} units; --units {args.units} is "
              "too few", file=sys.stderr)
        return 2
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
    from domain.money import round_to
    from services.info import workspace_info
    from store.errors import WorkspaceError

    if args.path and args.workspace and args.path != args.workspace:
        print(f"error: two workspaces named: {args.path} and {args.workspace}", file=sys.stderr)
        return 2
    path = args.workspace or args.path
    if path is None:
        print("error: name the workspace with --workspace", file=sys.stderr)
        return 2
    try:
        parks = workspace_info(path, args.on or date.today())
    except WorkspaceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for park in parks:
        summary, rate = park.occupancy, park.occupancy.occupancy_rate
        print(f"{park.code} {park.name} ({park.currency}) as of {park.day}")
        print(
            f"  {_count(len(park.buildings), 'building')}, {_count(summary.units, 'unit')}, "
            "leasable "
            f"{summary.leasable_area:.2f} m², leased {summary.leased_area:.2f} m², vacant "
            f"{summary.vacant_area:.2f} m², occupancy "
            f"{'—' if rate is None else f'{round_to(rate * 100, 1)}%'}"
        )
        for b in park.buildings:
            print(f"  {b.code} {b.name}: {_count(b.floors, 'floor')}, {_count(b.units, 'unit')}")
    return 0


def _count(n: int, word: str) -> str:
    """``1 unit``, ``2 units``: a count as a person writes it."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _print(args: argparse.Namespace) -> int:
    """Render a building to PDF offscreen: no window, no display needed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.gui import make_app
    from app.i18n import Languages
    from app.settings import Settings

    app = make_app()  # names the app, so the settings are the app's own
    settings = Settings(Path(os.environ["LEASEMAP_SETTINGS"])
                        if os.environ.get("LEASEMAP_SETTINGS") else None)
    path = args.workspace or (Path(settings.last_workspace) if settings.last_workspace else None)
    if path is None:
        print("error: name the workspace with --workspace", file=sys.stderr)
        return 2
    if not 2 <= args.classes <= 9:
        print("error: --classes takes 2 to 9", file=sys.stderr)
        return 2
    from store.errors import WorkspaceError
    from store.files import SCHEMA_HEAD, inspect_file

    try:
        if inspect_file(path) != SCHEMA_HEAD:
            from store.workspace import Workspace

            Workspace.open(path).close()  # upgrade an older file first, after a backup
    except WorkspaceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    Languages(app).install(args.lang or settings.language)  # type: ignore[arg-type]
    from app.map_export import ExportError, building_pages, release, write_pdf
    from domain.map_modes import MapMode
    from store.read_model import ReadModel

    reader = ReadModel(path)
    try:
        pages = building_pages(reader, args.building, MapMode(args.mode), args.on or date.today(),
                               args.method, args.classes)
        try:
            count = write_pdf(args.output, pages, args.paper, not args.portrait, app.font())
        finally:
            release(pages)
    except (ExportError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        reader.close()
    print(f"wrote {args.output}: {count} pages")
    return 0


def _layer_roles(text: str) -> dict[str, str] | None:
    """``rooms=A,walls=B;C`` → ``{"A": "rooms", "B": "walls", "C": "walls"}``."""
    roles: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        role, _, names = part.partition("=")
        if not names:
            raise SystemExit(f"error: --layers wants role=layer pairs, got {part!r}")
        for name in names.split(";"):
            roles[name.strip()] = role.strip()
    return roles or None


def _import(args: argparse.Namespace) -> int:
    """Read, then rehearse (--dry-run) or apply through ``services.importing``; report."""
    import json

    from services.importing import apply_plan, read, rehearse_plan

    plan = read(args.file, layers=_layer_roles(args.layers), units=args.units,
                by_zone=args.by_zone)
    if (args.building is None) == (not args.site):
        print("error: give --building CODE for a floor plan, or --site for a site plan",
              file=sys.stderr)
        return 2
    refusal = None
    if not args.site and not plan.errors:
        plan, refusal = _settled_levels(args, plan)
        if plan is None:
            return 2
    report = plan.to_json()
    if refusal is not None:
        report["level_refusal"] = {"code": refusal.code, "message": refusal.message,
                                   "params": dict(refusal.params)}
    if plan.errors:
        _print_plan(report, args.json)
        return 2
    if refusal is not None:  # the floor is never guessed, dry run or not: say what to pass
        _print_plan(report, args.json)
        print(f"error: {refusal.message}; nothing was written", file=sys.stderr)
        return 2
    if args.dry_run and args.workspace is None:
        _print_plan(report, args.json)
        return 0
    if args.workspace is None:
        _print_plan(report, args.json)
        print("error: name the workspace to import into with --workspace", file=sys.stderr)
        return 2
    from store.errors import WorkspaceError
    from store.workspace import Workspace

    try:
        workspace = Workspace.open(args.workspace)
    except WorkspaceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.site:
        return _import_site(args, workspace, plan, report)
    step = rehearse_plan if args.dry_run else partial(apply_plan, confirmed=args.force)
    changes = _written(args, workspace, report,
                       lambda: step(workspace, plan, args.building, args.floor, args.park))
    if changes is None:
        return 2
    if args.json:
        report["dry_run"] = args.dry_run
        report["changes"] = changes.to_json()
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        _print_plan(report, False)
        if args.dry_run:
            print("dry run: nothing was written; the import would change:")
        print(changes.summary())
    return 0


def _import_site(args: argparse.Namespace, workspace: Any, plan: Any,
                 report: dict[str, Any]) -> int:
    """Footprints and site linework from a site drawing, in one transaction (or a rehearsal)."""
    import json

    from services.importing import apply_site, rehearse_site

    step = rehearse_site if args.dry_run else apply_site
    changes = _written(args, workspace, report,
                       lambda: step(workspace, plan, args.park, args.replace_site_plan))
    if changes is None:
        return 2
    if args.json:
        report["dry_run"] = args.dry_run
        report["site"] = {
            "placed": [{"building": c, "footprint_area": str(a)} for c, a in changes.placed],
            "unmatched": changes.unmatched,
            "not_drawn": changes.not_drawn,
            "site_plan": changes.site_plan,
            "site_plan_kept": changes.site_plan_kept,
            "site_plan_removed": changes.site_plan_removed,
        }
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        if args.dry_run:
            print("dry run: nothing was written; the import would change:")
        print(changes.summary())
    return 0


def _written(args: argparse.Namespace, workspace: Any, report: dict[str, Any],
             step: Callable[[], Any]) -> Any:
    """Run the service's ``step``; None once it said why not (nothing was written then)."""
    from services.importing import ConfirmationNeeded, PlanImportError
    from store.plan_import import UnitsOverlap

    try:
        with workspace:
            return step()
    except PlanImportError as exc:
        hint = "; pass --force to import it anyway" if isinstance(exc, ConfirmationNeeded) else ""
        overlapping = exc if isinstance(exc, UnitsOverlap) else None
        report["refused"] = {
            "reason": str(exc),
            "warnings": [{"case": w.case, "message": w.message, "params": w.params}
                         for w in getattr(exc, "warnings", [])],
            # rooms on units kept for a contract
            "overlaps": [{"room": p.room, "unit": p.unit, "contracts": list(p.contracts),
                          "history": [{"contract": code, "ended": None if ended is None
                                       else ended.isoformat()} for code, ended in p.history],
                          "area": str(p.area)}
                         for p in (overlapping.kept if overlapping else [])],
            # rooms on each other (new, or matched to units)
            "room_overlaps": [{"first": o.first, "second": o.second, "area": str(o.area)}
                              for o in (overlapping.overlaps if overlapping else [])],
        }
        _print_plan(report, args.json)
        print(f"error: {exc}; nothing was written{hint}", file=sys.stderr)
        return None


def _settled_levels(args: argparse.Namespace, plan: Any) -> tuple[Any, Any]:
    """The plan with each floor's level and evidence, and the refusal when there is none.

    ``(None, None)`` once a bad ``--floor``/``--levels`` has been reported.
    """
    from importers.levels import parse_levels, plan_levels

    levels = None
    if args.levels is not None:
        if args.floor is not None:
            print("error: give --floor for a one-floor drawing or --levels, not both",
                  file=sys.stderr)
            return None, None
        try:
            levels = parse_levels(args.levels)
        except ValueError as exc:
            print(f"error: --levels: {exc}; e.g. --levels 1,2,3", file=sys.stderr)
            return None, None
    mapping = plan_levels(plan, args.file.name, args.floor, levels, args.building)
    if mapping.refusal is not None:
        return plan, mapping.refusal
    return mapping.apply(plan), None


def _print_plan(report: dict[str, object], as_json: bool) -> None:
    import json
    from decimal import Decimal

    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return
    floors = report["floors"]
    assert isinstance(floors, list)
    print(
        f"{report['source']} ({report['format'] or 'unknown format'}), "
        f"units taken as {report['units_of_drawing'] or '?'}"
    )
    for floor in floors:
        if floor.get("level") is not None:
            print(f"  floor \"{floor['name'] or '?'}\" of the drawing → level {floor['level']} "
                  f"({floor['level_evidence']})")
    refusal = report.get("level_refusal")
    if isinstance(refusal, dict):
        print(f"  level: {refusal['message']}")
    for floor in floors:
        units = floor["units"]
        print(f"  floor {floor['name'] or '?'}: {len(units)} rooms")
        for unit in units:
            stated = ("" if unit["stated_area"] is None
                      else f" (stated {Decimal(unit['stated_area']):.2f})")
            print(
                f"    {unit['code']:<16} {unit['name'][:30]:<30} "
                f"{Decimal(unit['area']):>10.2f} m²{stated}"
                f"  [{unit['confidence']:.2f} {unit['reason']}]"
            )
    for kind in ("errors", "warnings"):
        for problem in report[kind]:  # type: ignore[union-attr]
            print(f"  {kind[:-1]}: {problem['message']}")
