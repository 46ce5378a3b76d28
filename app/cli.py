"""The command line: the GUI by default, and the same services for scripts.

``leasemap [WORKSPACE]`` opens the window; ``leasemap demo PATH`` builds the
demo park; ``leasemap info PATH`` prints what a workspace holds. Qt is only
imported for the GUI, so scripting commands start fast and run headless.

Every command speaks the language of ``--lang`` (default: the system's, from
LC_ALL, LC_MESSAGES or LANG). Its lines and the messages of the layers below
go through the catalogue (``views.message_text``); in English, which needs no
catalogue, Qt is not loaded at all, and another language loads QtCore only.
Errors and findings from below are printed, in English, as those layers wrote
them; ``--json`` keys stay English (an API) and carry each message's code and params.
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
LANGUAGES = ("zh_CN", "en")
_language = ["en"]  # the language this run speaks, set once by main()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="leasemap",
        description="Leasemap: floor plans, rent-control maps, leasing and billing for parks.",
    )
    sub = parser.add_subparsers(dest="command")
    gui = sub.add_parser("gui", help="open the desktop application (the default)")
    gui.add_argument("workspace", nargs="?", type=Path, help="a .leasemap workspace file")
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
    prn.add_argument("--paper", choices=("A4", "A3"), default="A4",
                     help="paper size; on A3 the stacking plan fits one page while its labels "
                          "stay 6 pt or larger")
    prn.add_argument("--one-page", action=argparse.BooleanOptionalAction, default=None,
                     help="the whole stacking plan on one page, if its labels stay 6 pt or "
                          "larger (default: on A3 only; A4 takes as many pages as readable "
                          "rows need)")
    prn.add_argument("--portrait", action="store_true", help="portrait pages (default landscape)")
    prn.add_argument("--method", choices=("natural-breaks", "quantile", "equal-interval"),
                     default="natural-breaks", help="classification of numeric modes")
    prn.add_argument("--classes", type=int, default=5, help="number of classes (2-9)")
    info = sub.add_parser("info", help="summarize a workspace")
    info.add_argument("path", type=Path, nargs="?", help="the workspace (or --workspace)")
    info.add_argument("--workspace", type=Path, help="the workspace, as the other commands take it")
    info.add_argument("--on", type=date.fromisoformat, default=None, help="as of (YYYY-MM-DD)")
    # --lang before or after the command; a command's own default must not undo the global one
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help=LANG_HELP)
    for command in sub.choices.values():
        command.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                             help=LANG_HELP)
    return parser


LANG_HELP = ("language of messages, reports and printed pages: zh_CN or en (default: the "
             "system's; print: the app's)")


def system_language() -> str:
    """zh_CN when the system speaks Chinese: LC_ALL, LC_MESSAGES, LANG; on Windows its UI.

    Read from the environment, not through Qt: an English command never loads Qt.
    """
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    if sys.platform == "win32":
        import ctypes

        primary = ctypes.windll.kernel32.GetUserDefaultUILanguage() & 0x3FF
        return "zh_CN" if primary == 0x04 else "en"  # LANG_CHINESE
    return "en"


def _speak(language: str) -> None:
    """Install the catalogue this run prints in (QtCore only; English needs none)."""
    _language[0] = language
    if language != "en":
        from app.i18n import install_console

        install_console(language)


def _error(message: str) -> None:
    from views.message_text import say

    print(say("error", message=message), file=sys.stderr)


def _said(message: Any) -> str:
    """An error or finding of the layers below: as they wrote it in English, else translated."""
    if _language[0] == "en":
        text = getattr(message, "message", None)
        if isinstance(message, dict):
            text = message.get("message")
        return text if isinstance(text, str) else str(message)
    from views.message_text import cli_message_text

    return cli_message_text(message)


def main(argv: list[str] | None = None) -> int:
    args_in = list(sys.argv[1:] if argv is None else argv)
    first = 2 if args_in[:1] == ["--lang"] else 1 if args_in[:1] and args_in[0].startswith(
        "--lang=") else 0  # a global --lang before the command or the workspace
    rest = args_in[first:]
    if not rest or (rest[0] not in COMMANDS and not rest[0].startswith("-")):
        args_in.insert(first, "gui")
    args = _parser().parse_args(args_in)
    headless = {"demo": _demo, "info": _info, "import": _import, "print": _print}.get(
        args.command)
    if headless is not None:
        if args.command != "print":  # print starts the whole app, and its language with it
            _speak(args.lang or system_language())
        try:
            return headless(args)
        except BrokenPipeError:
            # The reader went away (`leasemap import … | head`): stop quietly, as Unix tools do.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
    workspace = getattr(args, "workspace", None)
    if workspace is not None and Path(workspace).is_file():
        # Read the first screen while the window's modules load (a third of a second).
        from app.loading import preload

        preload(workspace)
    from app import gui

    return gui.run(workspace, args.lang)


def _demo(args: argparse.Namespace) -> int:
    from demo import build_demo
    from demo.profiles import MIN_UNITS
    from store.workspace import side_files
    from views.message_text import count_text, say

    if args.units < MIN_UNITS:
        _error(say("demo-too-few", least=MIN_UNITS, units=args.units))
        return 2
    if args.path.exists():
        if not args.force:
            _error(say("demo-exists", file=args.path))
            return 2
        for old in (args.path, *side_files(args.path)):
            old.unlink(missing_ok=True)
    summary = build_demo(args.path, units=args.units, seed=args.seed)
    print(say("demo-built", file=summary.path, buildings=count_text(summary.buildings, "building"),
              floors=count_text(summary.floors, "floor"), units=count_text(summary.units, "unit"),
              tenants=count_text(summary.tenants, "tenant"),
              contracts=count_text(summary.contracts, "contract"),
              seconds=f"{summary.seconds:.1f}"))
    return 0


def _info(args: argparse.Namespace) -> int:
    from domain.money import round_to
    from services.info import workspace_info
    from store.errors import WorkspaceError
    from views.message_text import count_text, say

    if args.path and args.workspace and args.path != args.workspace:
        _error(say("two-workspaces", first=args.path, second=args.workspace))
        return 2
    path = args.workspace or args.path
    if path is None:
        _error(say("name-workspace"))
        return 2
    try:
        parks = workspace_info(path, args.on or date.today())
    except WorkspaceError as exc:
        _error(_said(exc))
        return 2
    for park in parks:
        summary, rate = park.occupancy, park.occupancy.occupancy_rate
        print(say("info-park", code=park.code, name=park.name, currency=park.currency,
                  day=park.day.isoformat()))  # as views.labels.date_text writes a date
        print("  " + say(
            "info-totals", buildings=count_text(len(park.buildings), "building"),
            units=count_text(summary.units, "unit"), leasable=f"{summary.leasable_area:.2f}",
            leased=f"{summary.leased_area:.2f}", vacant=f"{summary.vacant_area:.2f}",
            occupancy="—" if rate is None else f"{round_to(rate * 100, 1)}%"))
        for b in park.buildings:
            print("  " + say("info-building", code=b.code, name=b.name,
                             floors=count_text(b.floors, "floor"),
                             units=count_text(b.units, "unit")))
    return 0


def _print(args: argparse.Namespace) -> int:
    """Render a building to PDF offscreen: no window, no display needed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.gui import make_app
    from app.i18n import Languages
    from app.settings import Settings

    app = make_app()  # names the app, so the settings are the app's own
    settings = Settings(Path(os.environ["LEASEMAP_SETTINGS"])
                        if os.environ.get("LEASEMAP_SETTINGS") else None)
    # The pages and the messages in one language: --lang, else the app's.
    _language[0] = Languages(app).install(args.lang or settings.language)
    from views.message_text import count_text, say

    path = args.workspace or (Path(settings.last_workspace) if settings.last_workspace else None)
    if path is None:
        _error(say("name-workspace"))
        return 2
    if not 2 <= args.classes <= 9:
        _error(say("print-classes"))
        return 2
    from store.errors import WorkspaceError
    from store.files import SCHEMA_HEAD, inspect_file

    try:
        if inspect_file(path) != SCHEMA_HEAD:
            from store.workspace import Workspace

            Workspace.open(path).close()  # upgrade an older file first, after a backup
    except WorkspaceError as exc:
        _error(_said(exc))
        return 2
    from app.map_export import ExportError, building_pages, release, write_pdf
    from domain.map_modes import MapMode
    from store.read_model import ReadModel

    reader = ReadModel(path)
    try:
        pages = building_pages(reader, args.building, MapMode(args.mode), args.on or date.today(),
                               args.method, args.classes, args.paper, not args.portrait,
                               args.one_page, app.font())
        try:
            count = write_pdf(args.output, pages, args.paper, not args.portrait, app.font())
        finally:
            release(pages)
    except (ExportError, OSError) as exc:
        _error(_said(exc))  # an ExportError is said in the pages' language already
        return 2
    finally:
        reader.close()
    print(say("print-wrote", file=args.output, pages=count_text(count, "page")))
    return 0


def _layer_roles(text: str) -> dict[str, str] | None:
    """``rooms=A,walls=B;C`` → ``{"A": "rooms", "B": "walls", "C": "walls"}``."""
    from views.message_text import say

    roles: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        role, _, names = part.partition("=")
        if not names:
            raise SystemExit(say("error", message=say("layers-pairs", text=part)))
        for name in names.split(";"):
            roles[name.strip()] = role.strip()
    return roles or None


def _import(args: argparse.Namespace) -> int:
    """Read, then rehearse (--dry-run) or apply through ``services.importing``; report."""
    import json

    from services.importing import apply_plan, read, rehearse_plan
    from views.message_text import say

    plan = read(args.file, layers=_layer_roles(args.layers), units=args.units,
                by_zone=args.by_zone)
    if (args.building is None) == (not args.site):
        _error(say("building-or-site"))
        return 2
    refusal = None
    evidence: list[Any] = []
    if not args.site and not plan.errors:
        plan, refusal, evidence = _settled_levels(args, plan)
        if plan is None:
            return 2
    report = plan.to_json()
    for floor, found in zip(report["floors"], evidence, strict=False):
        if found is not None:  # the evidence's code is level_source; these are its params
            floor["level_evidence_params"] = {"text": found.text, "matched": found.matched}
    if refusal is not None:
        report["level_refusal"] = {"code": refusal.code, "message": refusal.message,
                                   "params": dict(refusal.params)}
    if plan.errors:
        _print_plan(report, args.json)
        return 2
    if refusal is not None:  # the floor is never guessed, dry run or not: say what to pass
        _print_plan(report, args.json)
        _error(say("not-written", message=_said(refusal)))
        return 2
    if args.dry_run and args.workspace is None:
        _print_plan(report, args.json)
        return 0
    if args.workspace is None:
        _print_plan(report, args.json)
        _error(say("name-import-workspace"))
        return 2
    from store.errors import WorkspaceError
    from store.workspace import Workspace

    try:
        workspace = Workspace.open(args.workspace)
    except WorkspaceError as exc:
        _error(_said(exc))
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
        # each room listed with the code its unit gets (a floor without rooms has no changes)
        rehearsed = iter(changes.floors)
        for floor in report["floors"]:
            if floor["units"]:
                for unit, code in zip(floor["units"], next(rehearsed).room_codes, strict=True):
                    unit["final_code"] = code
        _print_plan(report, False)
        if args.dry_run:
            print(say("dry-run"))
        if _language[0] == "en":
            print(changes.summary())
        else:
            from views.message_text import changes_text

            print(changes_text(changes))
    return 0


def _import_site(args: argparse.Namespace, workspace: Any, plan: Any,
                 report: dict[str, Any]) -> int:
    """Footprints and site linework from a site drawing, in one transaction (or a rehearsal)."""
    import json

    from services.importing import apply_site, rehearse_site
    from views.message_text import say, site_changes_text

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
            print(say("dry-run"))
        if _language[0] == "en":
            print(changes.summary())
        else:
            print(site_changes_text(changes))
            if changes.site_plan_kept:
                print("  " + say("site-kept-hint"))
    return 0


def _written(args: argparse.Namespace, workspace: Any, report: dict[str, Any],
             step: Callable[[], Any]) -> Any:
    """Run the service's ``step``; None once it said why not (nothing was written then)."""
    from runtime.messages import message_json
    from services.importing import ConfirmationNeeded, PlanImportError
    from store.plan_import import UnitsOverlap
    from views.message_text import say

    try:
        with workspace:
            return step()
    except PlanImportError as exc:
        overlapping = exc if isinstance(exc, UnitsOverlap) else None
        said = message_json(exc)
        report["refused"] = {
            "reason": str(exc),
            "code": said["code"],
            "params": said["params"],
            "warnings": [{"code": f"fit-{w.case}", "case": w.case, "message": w.message,
                          "params": w.params}
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
        message = _said(exc)
        if "\n" in message:  # the overlapping rooms, one per line
            _error(say("not-written-block", message=message))
        elif isinstance(exc, ConfirmationNeeded):
            _error(say("not-written-force", message=message))
        else:
            _error(say("not-written", message=message))
        return None


def _settled_levels(args: argparse.Namespace, plan: Any) -> tuple[Any, Any, list[Any]]:
    """The plan with each floor's level, the refusal when there is none, and the evidence.

    ``(None, None, [])`` once a bad ``--floor``/``--levels`` has been reported.
    """
    from importers.levels import parse_levels, plan_levels
    from views.message_text import say

    levels = None
    if args.levels is not None:
        if args.floor is not None:
            _error(say("floor-or-levels"))
            return None, None, []
        try:
            levels = parse_levels(args.levels)
        except ValueError:
            _error(say("levels-bad", text=args.levels))
            return None, None, []
    mapping = plan_levels(plan, args.file.name, args.floor, levels, args.building)
    if mapping.refusal is not None:
        return plan, mapping.refusal, list(mapping.floors)
    return mapping.apply(plan), None, list(mapping.floors)


def _print_plan(report: dict[str, Any], as_json: bool) -> None:
    import json
    from decimal import Decimal

    from views.message_text import count_text, say

    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return
    floors = report["floors"]
    assert isinstance(floors, list)
    fmt = report["format"] or say("unknown-format")
    if report["units_of_drawing"]:
        print(say("plan-head", file=report["source"], format=fmt,
                  unit=report["units_of_drawing"]))
    else:  # nothing was read, or an IFC without a length unit: no "taken as ?"
        print(say("plan-head-no-unit", file=report["source"], format=fmt))
    for floor in floors:
        if floor.get("level") is not None:
            print("  " + say("plan-floor-level", name=floor["name"] or "?", level=floor["level"],
                             evidence=_evidence(floor)))
    refusal = report.get("level_refusal")
    if isinstance(refusal, dict):
        print("  " + say("plan-level-refusal", message=_said(refusal)))
    for floor in floors:
        units = floor["units"]
        print("  " + say("plan-floor", name=floor["name"] or "?",
                         rooms=count_text(len(units), "room")))
        for unit in units:
            stated = ("" if unit["stated_area"] is None
                      else " " + say("plan-stated", area=f"{Decimal(unit['stated_area']):.2f}"))
            final = unit.get("final_code")
            code = f"{unit['code'] or '—'} → {final}" if final else unit["code"]
            print(
                f"    {code:<22} {unit['name'][:30]:<30} "
                f"{Decimal(unit['area']):>10.2f} m²{stated}"
                f"  [{unit['confidence']:.2f} {_reason(unit)}]"
            )
    for kind, key in (("errors", "plan-error"), ("warnings", "plan-warning")):
        for problem in report[kind]:
            print("  " + say(key, message=_said(problem)))


def _evidence(floor: dict[str, Any]) -> str:
    """Why a floor of the report has its level: as importers.levels wrote it, or translated."""
    if _language[0] == "en" or "level_evidence_params" not in floor:
        return str(floor["level_evidence"])
    from views.message_text import evidence_text, say

    params = floor["level_evidence_params"]
    if floor["level_source"] == "user" and params["text"]:
        return say("evidence-option", option=params["text"])  # --floor, --levels
    return evidence_text({"level": floor["level"], "source": floor["level_source"], **params})


def _reason(unit: dict[str, Any]) -> str:
    if _language[0] == "en":
        return str(unit["reason"])
    from views.problem_text import reason_text

    return reason_text(unit)
