"""``leasemap holidays FILE --workspace W [--dry-run] [--json]``: import a holiday calendar.

The file (.xlsx, .xls or .csv) lists days: 日期, 类型 (休 for a day off, 班 for a
weekend day worked in its place, 调休), and 名称. It goes through
``services.finance_settings.import_holidays``: every line is judged first (a date, a
kind, a make-up working day on a weekend, the same day twice in the file), then the
days to add or change are written in one transaction; importing the same file again
adds nothing. ``--dry-run`` judges and writes nothing. The collections rules count
working days with the calendar.

The report says how many days are added, changed, there already and refused, and the
refused lines with their reasons (``views.message_text``, one template per code). Exit
0 when days were written (or, in a dry run, would be) or all of them are there already;
2 when none could be (every line refused, or none), or the workspace or its park cannot
be opened; 1 when the file cannot be read or lacks a column (nothing is written then).
Light at import (argparse only).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from views.message_text import joined, message_text, translate

FIRST = 20  # refused lines listed; --problems changes it


def add_parser(sub: Any) -> None:
    holidays = sub.add_parser(
        "holidays", help="import the park's holiday calendar (Excel or CSV: 日期, 类型 休/班, "
        "名称): public holidays and 调休 make-up working days, which collections counts "
        "working days with")
    holidays.add_argument("file", type=Path, help="the .xlsx, .xls or .csv calendar")
    holidays.add_argument("--workspace", type=Path, required=True, help="the workspace")
    holidays.add_argument("--dry-run", action="store_true",
                          help="check every line and report; write nothing")
    holidays.add_argument("--json", action="store_true", help="print the report as JSON")
    holidays.add_argument("--problems", type=int, default=FIRST, metavar="N",
                          help=f"list the first N refused lines (default {FIRST})")


def run(args: argparse.Namespace) -> int:
    """Rehearse or import, print the report; the exit code as the module says."""
    from app.cli import _current, _error, _opened, _said

    if not _current(args.workspace):
        return 2
    from runtime.messages import UserError
    from services.contracts import park_id_of
    from services.finance_settings import HolidayImportRefused, import_holidays

    workspace = _opened(args.workspace)
    if workspace is None:
        return 2
    try:
        with workspace.reading() as session:
            park = park_id_of(session)
        report = import_holidays(workspace, park, args.file, dry_run=args.dry_run)
    except HolidayImportRefused as exc:
        _error(message_text(exc))
        return 1
    except UserError as exc:  # the workspace has no park, say
        _error(_said(exc))
        return 2
    finally:
        workspace.close()
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
    else:
        print("\n".join(report_lines(report, max(0, args.problems), args.dry_run)))
    writes = len(report.to_add) + len(report.to_change)
    return 0 if writes or (report.same and not report.refused) else 2


def text(key: str) -> str:
    """The command's own lines, in the run's language (one literal each, for lupdate)."""
    return {
        "head": translate("HolidaysCli", "{file}: {lines} days ({years})"),
        "counts": translate("HolidaysCli", "{added} days added, {changed} changed, {same} "
                                           "already there, {refused} refused"),
        "counts-dry": translate("HolidaysCli", "{added} days to add, {changed} to change, "
                                               "{same} already there, {refused} refused"),
        "first": translate("HolidaysCli", "The first {shown} of {count} refused lines:"),
        "more": translate("HolidaysCli", "… and {count} more"),
        "dry-run": translate("HolidaysCli", "Dry run: nothing was written."),
    }[key]


def report_lines(report: Any, first: int = FIRST, dry_run: bool = False) -> list[str]:
    """A calendar import's report as the command prints it
    (``services.finance_settings.HolidayImport``)."""
    lines = [text("head").format(file=report.file, lines=len(report.lines),
                                 years=", ".join(str(y) for y in report.years) or "—"),
             "  " + text("counts-dry" if dry_run else "counts").format(
                 added=len(report.to_add), changed=len(report.to_change),
                 same=len(report.same), refused=len(report.refused))]
    refused = report.refused
    shown = refused[:first]
    if shown:
        lines.append(text("first").format(shown=len(shown), count=len(refused)))
        lines.extend("  " + joined(message_text(p) for p in line.problems) for line in shown)
        if len(refused) > len(shown):
            lines.append("  " + text("more").format(count=len(refused) - len(shown)))
    if dry_run:
        lines.append(text("dry-run"))
    return lines
