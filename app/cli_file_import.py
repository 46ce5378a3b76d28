"""The file-import commands' one shape: ``leasemap <command> FILE --workspace W [--dry-run]
[--json] [--problems N]`` (holidays, sales, readings, rent-roll).

Each reads a spreadsheet into the workspace through its service: ``--dry-run`` judges
every line and writes nothing, ``--json`` prints the report as data, ``--problems`` says
how many refused lines are listed. Exit 0 when lines were written (or, in a dry run,
would be) or all of them are there already; 2 when none could be, or the workspace or
its park cannot be opened; 1 when the file cannot be read or lacks a column (nothing is
written then). The command says its own words; this says nothing of its own.

Light at import (argparse only): ``leasemap --help`` must not load the store.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

FIRST = 20  # refused lines listed; --problems changes it
Row = TypeVar("Row")


def add_import_parser(sub: Any, name: str, summary: str, file: str, each: str
                      ) -> argparse.ArgumentParser:
    """The command ``name`` (``summary``: its line in --help) with FILE (``file``: what it
    is), --workspace, --dry-run (that checks every ``each``) and --json; the command adds
    its own options after."""
    parser: argparse.ArgumentParser = sub.add_parser(name, help=summary)
    parser.add_argument("file", type=Path, help=file)
    parser.add_argument("--workspace", type=Path, required=True, help="the workspace")
    parser.add_argument("--dry-run", action="store_true",
                        help=f"check every {each} and report; write nothing")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    return parser


def add_problems(parser: argparse.ArgumentParser, listed: str) -> None:
    """--problems N: list the first N ``listed`` (refused lines, flagged readings …)."""
    parser.add_argument("--problems", type=int, default=FIRST, metavar="N",
                        help=f"list the first N {listed} (default {FIRST})")


def print_report(args: argparse.Namespace, report: Any,
                 lines: Callable[[Any, int], list[str]]) -> None:
    """The report as data (``--json``) or as ``lines(report, first)`` say it."""
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
    else:
        print("\n".join(lines(report, max(0, args.problems))))


def run_import(args: argparse.Namespace, work: Callable[[Any], Any],
               refused: type[Exception] | tuple[type[Exception], ...],
               refused_text: Callable[[Any], str], lines: Callable[[Any, int], list[str]],
               written: Callable[[Any], bool]) -> int:
    """Rehearse or import, print the report; 0 when ``written(report)`` (or would be), 2
    when not; when it could not run, the codes of ``app.cli.on_workspace`` (1 when the file
    is ``refused``, said by ``refused_text``)."""
    from app.cli import on_workspace

    report, code = on_workspace(args.workspace, work, refused=refused,
                                refused_text=refused_text)
    if code:
        return code
    print_report(args, report, lines)
    return 0 if written(report) else 2


def listed(head: str, more: str, rows: Sequence[Row], first: int,
           body: Callable[[Row], str]) -> list[str]:
    """The first ``first`` of ``rows``, each ``body`` indented, under ``head`` (``{shown}``
    of ``{count}``), and ``more`` (``{count}``) for the rest; nothing when none is shown."""
    shown = rows[:first]
    if not shown:
        return []
    lines = [head.format(shown=len(shown), count=len(rows))]
    lines.extend("  " + body(r) for r in shown)
    if len(rows) > len(shown):
        lines.append("  " + more.format(count=f"{len(rows) - len(shown):,}"))
    return lines
