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

COMMANDS = ("gui", "demo", "info", "import", "print", "find-space", "area-statement",
            "classify-rooms", "schedule", "rent-roll", "sales", "bill", "readings",
            "ageing", "bank-import", "three-ledgers", "vouchers", "books-import", "holidays",
            "deposits", "deposit-reverse", "deposit-receive", "deposit-refund", "settle")
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
    prn.add_argument("--no-area-statement", action="store_true",
                     help="leave out the area statement pages (after the stacking plan)")
    prn.add_argument("--method", choices=("natural-breaks", "quantile", "equal-interval"),
                     default="natural-breaks", help="classification of numeric modes")
    prn.add_argument("--classes", type=int, default=5, help="number of classes (2-9)")
    info = sub.add_parser("info", help="summarize a workspace")
    info.add_argument("path", type=Path, nargs="?", help="the workspace (or --workspace)")
    info.add_argument("--workspace", type=Path, help="the workspace, as the other commands take it")
    info.add_argument("--on", type=date.fromisoformat, default=None, help="as of (YYYY-MM-DD)")
    find = sub.add_parser("find-space", help="find up to six neighbouring vacant units on one "
                          "floor that together make about the area asked, best fit first")
    find.add_argument("workspace", type=Path, help="the workspace")
    find.add_argument("--area", required=True, help="the area asked, m² (e.g. 500)")
    find.add_argument("--building", default=None, help="building code (default: the whole park)")
    find.add_argument("--park", default=None, help="park code, when the workspace has several")
    find.add_argument("--floors", default=None, metavar="LOW-HIGH",
                      help="levels to search, both included: 3-8, 5, B2-1 (B1 or -1 is the "
                           "first basement)")
    find.add_argument("--date", type=date.fromisoformat, default=None,
                      help="vacant on this day (YYYY-MM-DD; default today)")
    find.add_argument("--limit", type=int, default=20, help="how many candidates (default 20)")
    find.add_argument("--json", action="store_true", help="print the candidates as JSON")
    area = sub.add_parser("area-statement", help="a building's floor area statement: gross, "
                          "common and leasable area per floor and unit, the allocation ratio, "
                          "and where the totals do not add up")
    area.add_argument("workspace", type=Path, help="the workspace")
    area.add_argument("--building", required=True, help="building code")
    area.add_argument("--date", type=date.fromisoformat, default=None,
                      help="leased and vacant on this day (YYYY-MM-DD; default today)")
    area.add_argument("--json", action="store_true", help="print the statement as JSON")
    classify = sub.add_parser(
        "classify-rooms", help="classify a building's rooms again from their names: corridors, "
        "stairs, toilets and plant rooms become common area; lists every unit whose use or "
        "areas change (units under contract are listed, not changed)")
    classify.add_argument("workspace", type=Path, help="the workspace")
    classify.add_argument("--building", required=True, help="building code")
    classify.add_argument("--floor", type=int, default=None, metavar="LEVEL",
                          help="only this level (default: every floor)")
    classify.add_argument("--park", default=None, help="park code, when the workspace has several")
    classify.add_argument("--dry-run", action="store_true",
                          help="list what would change and write nothing")
    classify.add_argument("--date", type=date.fromisoformat, default=None,
                          help="contracts binding on this day keep their units (default today)")
    classify.add_argument("--json", action="store_true", help="print the changes as JSON")
    from app import cli_leasing

    cli_leasing.add_parsers(sub)
    from app import cli_sales

    cli_sales.add_parser(sub)
    from app import cli_billing

    cli_billing.add_parser(sub)
    from app import cli_readings

    cli_readings.add_parser(sub)
    from app import cli_ageing

    cli_ageing.add_parser(sub)
    from app import cli_bank

    cli_bank.add_parser(sub)
    from app import cli_ledgers

    cli_ledgers.add_parsers(sub)
    from app import cli_holidays

    cli_holidays.add_parser(sub)
    from app import cli_deposits

    cli_deposits.add_parsers(sub)
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


def _current(path: Path) -> bool:
    """Whether the workspace at ``path`` can be read as this version reads it: an older file
    is upgraded first (after a backup), as opening it does; False when it cannot be (said)."""
    from store.errors import WorkspaceError
    from store.files import SCHEMA_HEAD, inspect_file

    try:
        if inspect_file(path) != SCHEMA_HEAD:
            from store.workspace import Workspace

            Workspace.open(path).close()
    except WorkspaceError as exc:
        _error(_said(exc))
        return False
    return True


def _opened(path: Path) -> Any:
    """The workspace at ``path`` (a ``store.workspace.Workspace``, the caller closes it), or
    None once why it cannot be opened is said."""
    from store.errors import WorkspaceError
    from store.workspace import Workspace

    try:
        return Workspace.open(path)
    except WorkspaceError as exc:
        _error(_said(exc))
        return None


def on_workspace(path: Path, work: Callable[[Any], Any], *,
                 refused: type[Exception] | tuple[type[Exception], ...] = (),
                 refused_text: Callable[[Any], str] | None = None,
                 refused_code: int = 1) -> tuple[Any, int]:
    """A command's ``work(workspace)`` on the workspace at ``path`` (an older file upgraded
    first), closed after: its result and 0; or (None, the exit code) once why not is said —
    2 when the workspace cannot be opened or ``work`` raises a ``UserError`` (no park, no
    such contract …), ``refused_code`` when it raises one of ``refused`` (said by
    ``refused_text``, else as any error)."""
    from runtime.messages import UserError

    if not _current(path):
        return None, 2
    workspace = _opened(path)
    if workspace is None:
        return None, 2
    try:
        return work(workspace), 0
    except refused as exc:
        _error((refused_text or _said)(exc))
        return None, refused_code
    except UserError as exc:
        _error(_said(exc))
        return None, 2
    finally:
        workspace.close()


def park_in(workspace: Any) -> Any:
    """The id of the workspace's park (a ``UserError`` when it has none, or several)."""
    from services.contracts import park_id_of

    with workspace.reading() as session:
        return park_id_of(session)


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
    headless = {"demo": _demo, "info": _info, "import": _import, "print": _print,
                "find-space": _find_space, "area-statement": _area_statement,
                "classify-rooms": _classify_rooms, "schedule": _schedule,
                "rent-roll": _rent_roll, "sales": _sales, "bill": _bill,
                "readings": _readings, "ageing": _ageing,
                "bank-import": _bank_import, "three-ledgers": _ledgers, "vouchers": _ledgers,
                "books-import": _ledgers, "holidays": _holidays, "deposits": _deposits,
                "deposit-reverse": _deposits, "deposit-receive": _deposits,
                "deposit-refund": _deposits, "settle": _deposits}.get(args.command)
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
              floors=count_text(summary.floors, "floor"),
              units=count_text(summary.units, "rent-unit"),
              common=count_text(summary.common_units, "common-room"),
              tenants=count_text(summary.tenants, "tenant"),
              contracts=count_text(summary.contracts, "contract"),
              seconds=f"{summary.seconds:.1f}"))
    return 0


def _classify_rooms(args: argparse.Namespace) -> int:
    """Rehearse (``--dry-run``) or apply a new classification of a building's rooms."""
    import json

    from services.classify_rooms import apply_classification, rehearse_classification
    from views.classify_text import classify_lines

    run = rehearse_classification if args.dry_run else apply_classification
    plan, code = on_workspace(args.workspace, lambda workspace: run(
        workspace, args.building, args.floor, args.date or date.today(), args.park))
    if code:
        return code
    report = plan.to_json()
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print("\n".join(classify_lines(report)))
    return 0


def _area_statement(args: argparse.Namespace) -> int:
    """A building's area statement on a date, as a table or JSON; 0 whether or not it adds
    up (the check line and ``adds_up`` say), 2 when it cannot be made."""
    import json

    from services.area_statement import read_area_statement, statement_json
    from services.register import building_codes, find_building
    from store.read_model import ReadModel
    from views.area_statement_text import no_building_text, statement_lines

    if not _current(args.workspace):
        return 2
    reader = ReadModel(args.workspace)
    try:
        found = find_building(reader, args.building)
        if found is None:
            _error(no_building_text(args.building, building_codes(reader)))
            return 2
        statement = read_area_statement(reader, found[1].id, args.date or date.today())
    finally:
        reader.close()
    if args.json:
        print(json.dumps(statement_json(statement), ensure_ascii=False, indent=1))
    else:
        print("\n".join(statement_lines(statement)))
    return 0


def _schedule(args: argparse.Namespace) -> int:
    from app import cli_leasing

    return cli_leasing.schedule(args)


def _rent_roll(args: argparse.Namespace) -> int:
    from app import cli_rent_roll

    return cli_rent_roll.run(args)


def _bill(args: argparse.Namespace) -> int:
    from app import cli_billing

    return cli_billing.run(args)


def _ledgers(args: argparse.Namespace) -> int:
    from app import cli_ledgers

    return cli_ledgers.run(args)


def _deposits(args: argparse.Namespace) -> int:
    from app import cli_deposits

    return cli_deposits.run(args)


def _bank_import(args: argparse.Namespace) -> int:
    from app import cli_bank

    return cli_bank.run(args)


def _readings(args: argparse.Namespace) -> int:
    from app import cli_readings

    return cli_readings.run(args)


def _holidays(args: argparse.Namespace) -> int:
    from app import cli_holidays

    return cli_holidays.run(args)


def _ageing(args: argparse.Namespace) -> int:
    from app import cli_ageing

    return cli_ageing.run(args)


def _sales(args: argparse.Namespace) -> int:
    from app import cli_sales

    return cli_sales.run(args)


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
            units=count_text(summary.units, "unit"),
            for_rent=count_text(summary.units - summary.common, "rent-unit"),
            common=count_text(summary.common, "common-room"),
            leasable=f"{summary.leasable_area:,.2f}",
            leased=f"{summary.leased_area:,.2f}", vacant=f"{summary.vacant_area:,.2f}",
            occupancy="—" if rate is None else f"{round_to(rate * 100, 1)}%"))
        for b in park.buildings:
            print("  " + say("info-building", code=b.code, name=b.name,
                             floors=count_text(b.floors, "floor"),
                             units=count_text(b.units, "unit")))
    return 0


def _find_texts() -> dict[str, str]:
    """find-space's lines in the run's language, written out here for lupdate to find."""
    from views.message_text import translate

    return {
        "area": translate("Cli", "--area takes an area in m² above zero, such as 500, not "
                                 "“{text}”"),
        "floors": translate("Cli", "--floors {text}: give the lowest and highest level, e.g. "
                                   "--floors 3-8 (B1 or -1 is the first basement; there is no "
                                   "level 0)"),
        "limit": translate("Cli", "--limit takes a whole number from 1 up, not {text}"),
        "no-park": translate("Cli", "no park {code} in the workspace (parks: {parks})"),
        "no-building": translate("Cli", "no building {code} in park {park} (buildings: "
                                        "{buildings})"),
        "head": translate("Cli", "Vacant on {day}, about {area} m² in one piece, best fit "
                                 "first:"),
        "line": translate("Cli", "{building} {floor} (level {level}): {units}  {area} m²  "
                                 "{rent}  {share}%"),
        "rent": translate("Cli", "{amount} {currency}/month"),
        "no-rent": translate("Cli", "no asking rent"),
        "none": translate("Cli", "No neighbouring vacant units on one floor make {least}–{most} "
                                 "m² on {day}."),
    }


_FLOORS = r"\s*([Bb]\d{1,2}|-?\d{1,3})\s*(?:(?:-|~|–|\.\.)\s*([Bb]\d{1,2}|-?\d{1,3})\s*)?"


def _find_said(key: str, **params: object) -> str:
    return _find_texts()[key].format(**{k: str(v) for k, v in params.items()})


def _level_range(text: str) -> tuple[int, int] | None:
    """``3-8`` → (3, 8); ``5`` → (5, 5); ``B2-1`` → (-2, 1); None when it names no range."""
    import re

    found = re.fullmatch(_FLOORS, text)
    if found is None:
        return None
    low, high = (-int(w[1:]) if w[0] in "Bb" else int(w)
                 for w in (found.group(1), found.group(2) or found.group(1)))
    return None if 0 in (low, high) or low > high else (low, high)


def _find_space(args: argparse.Namespace) -> int:
    """Sets of neighbouring vacant units (``services.find_space``), one line or record each."""
    import json
    from decimal import Decimal, InvalidOperation


    try:
        area = Decimal(args.area.strip())
    except InvalidOperation:
        area = Decimal(0)
    if not area.is_finite() or area <= 0:
        _error(_find_said("area", text=args.area))
        return 2
    levels = None if args.floors is None else _level_range(args.floors)
    if args.floors is not None and levels is None:
        _error(_find_said("floors", text=args.floors))
        return 2
    if args.limit < 1:
        _error(_find_said("limit", text=args.limit))
        return 2
    if not _current(args.workspace):
        return 2
    from services.find_space import AT_LEAST, AT_MOST, find_space
    from services.register import find_building
    from store.read_model import ReadModel, Scope

    day = args.date or date.today()
    reader = ReadModel(args.workspace)
    try:
        parks = reader.park_tree()
        if args.park is not None:
            parks = [p for p in parks if p.code == args.park]
            if not parks:
                _error(_find_said("no-park", code=args.park,
                                  parks=", ".join(p.code for p in reader.park_tree())))
                return 2
        if len(parks) != 1:
            code = "parks-ambiguous" if parks else "no-park"
            english = ("the workspace has no park" if not parks else
                       f"the workspace has {len(parks)} parks; name one with --park")
            _error(_said({"code": code, "params": {"count": str(len(parks))},
                          "message": english}))
            return 2
        park = parks[0]
        scope = Scope("park", park.id)
        if args.building is not None:
            building = find_building(reader, args.building, park.code)
            if building is None:
                _error(_find_said("no-building", code=args.building, park=park.code,
                                  buildings=", ".join(b.code for b in park.buildings) or "—"))
                return 2
            scope = Scope("building", building[1].id)
        found = find_space(reader, scope, area, day, levels, args.limit)
    finally:
        reader.close()
    if args.json:
        print(json.dumps({
            "area": str(area), "day": day.isoformat(), "park": park.code,
            "building": args.building, "levels": list(levels) if levels else None,
            "candidates": [{
                "building": c.building_code, "floor": c.floor_name, "level": c.level,
                "floor_id": str(c.floor_id),
                "units": [{"id": str(u.id), "code": u.code, "area": str(u.area),
                           "asking_rent": None if u.asking_rent is None else str(u.asking_rent)}
                          for u in c.units],
                "area": str(c.area), "rent_per_month": None if c.rent is None else str(c.rent),
                "currency": c.currency, "fit": str(c.fit), "share": str(c.share),
            } for c in found],
        }, ensure_ascii=False, indent=1))
        return 0
    if not found:
        print(_find_said("none", least=f"{area * AT_LEAST:,.2f}", most=f"{area * AT_MOST:,.2f}",
                         day=day.isoformat()))
        return 0
    from views.message_text import translate

    print(_find_said("head", day=day.isoformat(), area=f"{area:,}"))
    for c in found:
        rent = (_find_said("no-rent") if c.rent is None else
                _find_said("rent", amount=f"{c.rent:,}",
                           currency=translate("Labels", c.currency)))
        print("  " + _find_said("line", building=c.building_code, floor=c.floor_name,
                                level=c.level, units="+".join(c.unit_codes),
                                area=f"{c.area:,.2f}", rent=rent, share=c.share))
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
    if not _current(path):
        return 2
    from app.map_export import ExportError, building_pages, release, write_pdf
    from domain.map_modes import MapMode
    from store.read_model import ReadModel

    reader = ReadModel(path)
    try:
        pages = building_pages(reader, args.building, MapMode(args.mode), args.on or date.today(),
                               args.method, args.classes, args.paper, not args.portrait,
                               args.one_page, app.font(),
                               area_statement=not args.no_area_statement)
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
    workspace = _opened(args.workspace)
    if workspace is None:
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
                f"  [{unit['confidence']:.2f} {_reason(unit)}]  {_use(unit)}"
            )
    for kind, key in (("errors", "plan-error"), ("warnings", "plan-warning")):
        for problem in report[kind]:
            print("  " + say(key, message=_said(problem)))
    _print_review(report)


def _use(unit: dict[str, Any]) -> str:
    """A room's use and why (``common (the name says “走廊”)``); the English needs no Qt."""
    from views.problem_text import use_text

    return use_text(unit) if "use" in unit else ""


def _print_review(report: dict[str, Any]) -> None:
    """The rooms a person should check: their use is a guess (INFO findings, after warnings)."""
    from views.problem_text import REVIEW_CODES, review_line

    for problem in report.get("info", []):
        if problem.get("code") in REVIEW_CODES:
            print("  " + review_line(_said(problem)))


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
