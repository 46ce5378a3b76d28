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
from typing import Any

from app.cli_file_import import FIRST, add_import_parser, add_problems, listed, run_import
from views.message_text import translate
from views.sales_text import file_error_text, reason_text


def add_parser(sub: Any) -> None:
    sales = add_import_parser(
        sub, "sales", "import tenants' monthly sales (Excel or CSV: contract, month, sales): "
        "every row checked, the good ones written in one transaction, a corrected month "
        "said before → after", "the .xlsx, .xls or .csv sales file", "row")
    add_problems(sales, "rejected rows")


def run(args: argparse.Namespace) -> int:
    """Rehearse or import, print the report; the exit code as the module says."""
    from services.sales_import import SalesImportError, import_sales, rehearse_sales

    def work(workspace: Any) -> Any:
        if args.dry_run:
            return rehearse_sales(workspace, args.file)
        return import_sales(workspace, args.file)

    return run_import(args, work, SalesImportError, file_error_text, report_lines,
                      lambda r: bool(r.written or (r.unchanged and not r.rejected)))


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
    lines += listed(text("first"), text("more"), [r for r in rows if r["status"] == "rejected"],
                    first, lambda r: text("line").format(
                        row=r["row"], contract=r["contract"] or text("no-code"),
                        month=r["month"] or "", reasons=translate("SalesImport", "; ").join(
                            reason_text(x) for x in r["reasons"])))
    if report.dry_run:
        lines.append(text("dry-run"))
    return lines
