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
from typing import Any

from app.cli_file_import import FIRST, add_import_parser, add_problems, listed, run_import
from views.message_text import joined, message_text, translate


def add_parser(sub: Any) -> None:
    holidays = add_import_parser(
        sub, "holidays", "import the park's holiday calendar (Excel or CSV: 日期, 类型 休/班, "
        "名称): public holidays and 调休 make-up working days, which collections counts "
        "working days with", "the .xlsx, .xls or .csv calendar", "line")
    add_problems(holidays, "refused lines")


def run(args: argparse.Namespace) -> int:
    """Rehearse or import, print the report; the exit code as the module says."""
    from services.contracts import park_id_of
    from services.finance_settings import HolidayImportRefused, import_holidays

    def work(workspace: Any) -> Any:
        with workspace.reading() as session:
            park = park_id_of(session)
        return import_holidays(workspace, park, args.file, dry_run=args.dry_run)

    def written(report: Any) -> bool:
        return bool(report.to_add or report.to_change or (report.same and not report.refused))

    return run_import(args, work, HolidayImportRefused, message_text,
                      lambda report, first: report_lines(report, first, args.dry_run), written)


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
    lines += listed(text("first"), text("more"), report.refused, first,
                    lambda line: joined(message_text(p) for p in line.problems))
    if dry_run:
        lines.append(text("dry-run"))
    return lines
