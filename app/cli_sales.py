"""``leasemap sales FILE --workspace W``: import tenants' monthly sales, or rehearse them.

The file (.xlsx, .xls or .csv: a contract, a month and the sales on each row) goes
through ``services.sales_import``: ``--dry-run`` judges every row and writes nothing,
otherwise the good rows are written in one transaction. The report says how many months
are added, corrected (each correction before → after), unchanged and rejected, and the
rejected rows with their reasons; ``--json`` prints the report as data (codes, params,
English). Exit 0 when months were written (or, in a dry run, would be) or every good row
is there already; 2 when no row could be written (every row rejected, or none), or the
workspace or its park cannot be opened; 1 when the file cannot be read or lacks a column
(nothing is written then).

The words are here, Qt-free until Qt is loaded (an English run loads no Qt, and the
window's dialog in ``views.sales_panel`` loads QtWidgets): a reason's template is the
dialog's own text in the same context ("SalesImport"), so both say it alike from one
catalogue entry.

Light at import (argparse only): ``leasemap --help`` must not load the store.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from views.message_text import translate
from views.sales_text import file_error_text, reason_text

FIRST = 20  # rejected rows listed; --problems changes it


def add_parser(sub: Any) -> None:
    sales = sub.add_parser(
        "sales", help="import tenants' monthly sales (Excel or CSV: contract, month, sales): "
        "every row checked, the good ones written in one transaction, a corrected month "
        "said before → after")
    sales.add_argument("file", type=Path, help="the .xlsx, .xls or .csv sales file")
    sales.add_argument("--workspace", type=Path, required=True, help="the workspace")
    sales.add_argument("--dry-run", action="store_true",
                       help="check every row and report; write nothing")
    sales.add_argument("--json", action="store_true", help="print the report as JSON")
    sales.add_argument("--problems", type=int, default=FIRST, metavar="N",
                       help=f"list the first N rejected rows (default {FIRST})")


def run(args: argparse.Namespace) -> int:
    """Rehearse or import, print the report; the exit code as the module says."""
    from app.cli import _current, _error, _opened, _said

    if not _current(args.workspace):
        return 2
    from runtime.messages import UserError
    from services.sales_import import SalesImportError, import_sales, rehearse_sales

    workspace = _opened(args.workspace)
    if workspace is None:
        return 2
    try:
        if args.dry_run:
            report = rehearse_sales(workspace, args.file)
        else:
            report = import_sales(workspace, args.file)
    except SalesImportError as exc:
        _error(file_error_text(exc))
        return 1
    except UserError as exc:  # the workspace has no park, say
        _error(_said(exc))
        return 2
    finally:
        workspace.close()
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
    else:
        print("\n".join(report_lines(report, max(0, args.problems))))
    return 0 if report.written or (report.unchanged and not report.rejected) else 2


# -- words --------------------------------------------------------------------------------


def text(key: str) -> str:
    """The command's own lines, in the run's language (one literal each, for lupdate)."""
    return {
        "head": translate("SalesCli", "{file}: {rows} rows under the header on row {header}"),
        "head-sheet": translate(
            "SalesCli", "{file}, sheet {sheet}: {rows} rows under the header on row {header}"),
        "counts": translate(
            "SalesCli", "{added} months added, {corrected} corrected, {unchanged} unchanged, "
            "{rejected} rejected"),
        "counts-dry": translate(
            "SalesCli", "{added} months to add, {corrected} to correct, {unchanged} unchanged, "
            "{rejected} rejected"),
        "corrections": translate("SalesCli", "Corrections:"),
        "correction": translate("SalesCli", "row {row}  {contract}  {month}  {before} → {after}"),
        "first": translate("SalesCli", "The first {shown} of {count} rejected rows:"),
        "line": translate("SalesCli", "row {row}  {contract}  {month}  {reasons}"),
        "more": translate("SalesCli", "… and {count} more"),
        "dry-run": translate("SalesCli", "Dry run: nothing was written."),
        "no-code": translate("SalesCli", "(no contract)"),
    }[key]


def report_lines(report: Any, first: int = FIRST) -> list[str]:
    """The report as the command prints it: head, counts, corrections, the rejected rows."""
    from views.contract_text import amount_text

    head = text("head-sheet" if report.sheet else "head").format(
        file=report.path.name, sheet=report.sheet, rows=f"{len(report.rows):,}",
        header=report.header_row)
    counts = text("counts-dry" if report.dry_run else "counts").format(
        added=f"{report.added:,}", corrected=f"{report.corrected:,}",
        unchanged=f"{report.unchanged:,}", rejected=f"{report.rejected:,}")
    lines = [head, "  " + counts]
    rows = report.to_json()["rows"]
    corrected = [r for r in rows if r["status"] == "correction"]
    if corrected:
        lines.append(text("corrections"))
        lines.extend("  " + text("correction").format(
            row=r["row"], contract=r["contract"], month=r["month"],
            before=amount_text(r["before"]), after=amount_text(r["amount"]))
            for r in corrected)
    rejected = [r for r in rows if r["status"] == "rejected"]
    shown = rejected[:first]
    if shown:
        lines.append(text("first").format(shown=len(shown), count=len(rejected)))
        lines.extend("  " + text("line").format(
            row=r["row"], contract=r["contract"] or text("no-code"), month=r["month"] or "",
            reasons=translate("SalesImport", "; ").join(reason_text(x) for x in r["reasons"]))
            for r in shown)
        if len(rejected) > len(shown):
            lines.append("  " + text("more").format(count=f"{len(rejected) - len(shown):,}"))
    if report.dry_run:
        lines.append(text("dry-run"))
    return lines
