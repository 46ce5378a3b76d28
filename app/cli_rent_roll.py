"""``leasemap rent-roll FILE --workspace W``: import a rent roll, or rehearse it (--dry-run).

Prints the per-row report (the counts, the reasons by kind, the first problems
row by row; ``--json``: every row with its reasons as codes, params and English)
and where the rejected rows were written. Exit 0 when rows were imported (or,
in a dry run, would be), or when every row was imported before; 2 when nothing
could be imported, or the workspace cannot be opened; 1 when the file cannot be
read or lacks a column a contract needs (nothing is written then).

The words for a row's reasons are here too (:func:`reason_text`), Qt-free until
Qt is loaded, so the command and the GUI dialog say them alike: the dialog is
given them by ``app.rent_roll_flow`` (views may not import app).

Light at import (argparse only): ``leasemap --help`` must not load pandas.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from datetime import date
from typing import Any

from app.cli_file_import import FIRST, add_import_parser, add_problems, print_report

# Qt's translate once QtCore is loaded, the English source before (an English run loads no Qt)
from views.message_text import translate


def add_parser(sub: Any) -> None:
    roll = add_import_parser(
        sub, "rent-roll", "import a rent roll (Excel or CSV): every row checked as a contract, "
        "the valid ones signed in one transaction, the rejected ones written to "
        "<file>.rejected.xlsx with their reasons", "the .xlsx, .xls or .csv rent roll", "row")
    roll.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                      help="read FIELD from the column headed COLUMN (repeat for several; "
                           "FIELD= for none); fields: code, tenant, units, area, signed_on, "
                           "delivered_on, rent_starts_on, ends_on, rate, cycle, rent_free, "
                           "escalation, deposit, property_fee")
    add_problems(roll, "rejected rows")
    roll.add_argument("--on", type=date.fromisoformat, default=None,
                      help="tell each lease's state on this day (YYYY-MM-DD; default today)")


def run(args: argparse.Namespace) -> int:
    """Rehearse or import, print the report; the exit code as the module says."""
    from app.cli import _error, on_workspace

    mapping = _mapping(args.map)
    if mapping is None:
        return 2
    from importers.rent_roll import RentRollError
    from services.rent_roll import import_rent_roll, rehearse_rent_roll

    def work(workspace: Any) -> Any:
        if args.dry_run:
            return rehearse_rent_roll(workspace, args.file, mapping or None, args.on)
        return import_rent_roll(workspace, args.file, mapping or None, args.on,
                                describe=row_reasons_text)

    report, code = on_workspace(args.workspace, work, refused=RentRollError,
                                refused_text=file_error_text)
    if code:
        return code
    print_report(args, report, report_lines)
    if report.rejected_file_error:
        _error(report.rejected_file_error)
    nothing = report.imported == 0 and (report.rejected > 0 or not report.rows)
    return 2 if nothing else 0


def _mapping(pairs: list[str]) -> dict[str, str | None] | None:
    """``--map rate=单价`` → {"rate": "单价"}; None (said) when a pair is not FIELD=COLUMN."""
    from app.cli import _error
    from importers.rent_roll import FIELDS

    mapping: dict[str, str | None] = {}
    for pair in pairs:
        name, equals, column = pair.partition("=")
        name = name.strip()
        if not equals or name not in FIELDS:
            _error(text("map").format(text=pair, fields=", ".join(FIELDS)))
            return None
        mapping[name] = column.strip() or None
    return mapping


# -- words --------------------------------------------------------------------------------


def text(key: str) -> str:
    """The command's own lines, in the run's language (one literal each, for lupdate)."""
    return {
        "head": translate("RentRoll", "{file}: {rows} rows under the header on row {header}"),
        "head-sheet": translate(
            "RentRoll", "{file}, sheet {sheet}: {rows} rows under the header on row {header}"),
        "counts": translate(
            "RentRoll", "{imported} imported, {rejected} rejected, {already} already imported"),
        "counts-dry": translate(
            "RentRoll", "{imported} would be imported, {rejected} rejected, {already} already "
            "imported"),
        "tenants": translate("RentRoll", "{count} new tenants: {names}"),
        "reasons": translate("RentRoll", "Rejected rows by reason: {reasons}"),
        "first": translate("RentRoll", "The first {shown} of {count} rejected rows:"),
        "line": translate("RentRoll", "row {row}  {code}  {reasons}"),
        "rejected-file": translate(
            "RentRoll", "The rejected rows, with their reasons, are in {file}"),
        "dry-run": translate("RentRoll", "Dry run: nothing was written."),
        "map": translate(
            "RentRoll", "--map takes FIELD=COLUMN, not “{text}”; fields: {fields}"),
        "no-code": translate("RentRoll", "(no code)"),
        "more": translate("RentRoll", "… and {count} more"),
    }[key]


def field_label(name: str) -> str:
    """A rent-roll field's name, as the dialog's mapping table and the reasons say it."""
    labels = {
        "code": translate("RentRoll", "Contract code"),
        "tenant": translate("RentRoll", "Tenant"),
        "units": translate("RentRoll", "Units"),
        "area": translate("RentRoll", "Area (m²)"),
        "signed_on": translate("RentRoll", "Signed on"),
        "delivered_on": translate("RentRoll", "Delivered on"),
        "rent_starts_on": translate("RentRoll", "Rent starts on"),
        "ends_on": translate("RentRoll", "Ends on"),
        "rate": translate("RentRoll", "Rent per m²"),
        "cycle": translate("RentRoll", "Payment cycle"),
        "rent_free": translate("RentRoll", "Rent-free"),
        "escalation": translate("RentRoll", "Escalation"),
        "deposit": translate("RentRoll", "Deposit"),
        "property_fee": translate("RentRoll", "Property fee per m²"),
    }
    return labels.get(name, name)


def _templates() -> dict[str, str]:
    """The reasons only a rent roll has; validation's codes are views.contract_text's."""
    return {
        "missing-value": translate("RentRoll", "{field}: empty"),
        "unparseable": translate("RentRoll", "{field}: cannot read “{value}”"),
        "rent-free-conflict": translate(
            "RentRoll", "the rent-free period ends on {ends_on}, but rent starts on "
            "{rent_starts_on}"),
        "duplicate-code": translate("RentRoll", "contract {code} is also on row {row}"),
        "overlap-in-file": translate(
            "RentRoll", "unit {unit} is also leased on row {row} ({contract}, {starts_on} to "
            "{ends_on}) for days this lease covers"),
        "already-imported": translate(
            "RentRoll", "contract {code} is already in the workspace"),
        "tenant-created": translate("RentRoll", "new tenant {tenant}"),
    }


def reason_text(reason: Mapping[str, Any]) -> str:
    """One reason (``RowReason.to_json()``) in the user's language: a rent roll's own codes
    here, validation's through ``views.contract_text``; an unknown code as its English."""
    code = str(reason.get("code", ""))
    params = {k: str(v) for k, v in dict(reason.get("params") or {}).items()}
    template = _templates().get(code)
    if template is not None:
        if "field" in params:
            params["field"] = field_label(params["field"])
        try:
            return template.format_map(params)
        except (KeyError, ValueError):
            return str(reason.get("message", code))
    from domain.leasing.validation import FieldProblem
    from views.contract_text import problem_text

    said = problem_text(FieldProblem(str(reason.get("field", "")), code, params))
    return said if said and not said.startswith(code) else str(reason.get("message", said))


def row_reasons_text(row: Any) -> str:
    """A row's reasons, joined (a ``RowReport`` or its JSON)."""
    reasons = row["reasons"] if isinstance(row, Mapping) else [r.to_json() for r in row.reasons]
    return translate("Messages", "; ").join(reason_text(r) for r in reasons)


def file_error_text(error: Any) -> str:
    """Why a rent roll cannot be read (``importers.rent_roll.RentRollError``), in words."""
    params = {k: str(v) for k, v in dict(getattr(error, "params", {}) or {}).items()}
    if "fields" in params:
        params["fields"] = ", ".join(f"{field_label(f.strip())} ({f.strip()})"
                                     for f in params["fields"].split(","))
    template = {
        "rent-roll-no-file": translate("RentRoll", "{file}: no such file"),
        "rent-roll-format": translate(
            "RentRoll", "{file} is not an Excel (.xlsx, .xls) or CSV file"),
        "rent-roll-empty": translate("RentRoll", "{file}: the file is empty"),
        "rent-roll-unreadable": translate(
            "RentRoll", "{file}: cannot read the file ({detail})"),
        "rent-roll-no-column": translate(
            "RentRoll", "{file}: no column {column} (columns: {columns})"),
        "rent-roll-columns-missing": translate(
            "RentRoll", "{file}: no column for {fields} (columns: {columns}); name them with "
            "--map FIELD=COLUMN"),
        "rent-roll-no-field": translate(
            "RentRoll", "no field {field} in a rent roll (fields: {fields})"),
    }.get(getattr(error, "code", ""))
    if template is None:
        return str(error)
    try:
        return template.format_map(params)
    except (KeyError, ValueError):
        return str(error)


def report_lines(report: Any, first: int = FIRST) -> list[str]:
    """The report as the command prints it: head, counts, reasons, the first rejected rows."""
    name = report.path.name
    head = text("head-sheet" if report.sheet else "head").format(
        file=name, sheet=report.sheet, rows=f"{len(report.rows):,}", header=report.header_row)
    counts = text("counts-dry" if report.dry_run else "counts").format(
        imported=f"{report.imported:,}", rejected=f"{report.rejected:,}",
        already=f"{report.already_imported:,}")
    lines = [head, "  " + counts]
    if report.new_tenants:
        names = "、".join(report.new_tenants[:5])
        if len(report.new_tenants) > 5:
            names += " " + text("more").format(count=len(report.new_tenants) - 5)
        lines.append("  " + text("tenants").format(count=len(report.new_tenants), names=names))
    rejected = report.rejected_rows()
    if rejected:
        lines.append("  " + text("reasons").format(reasons=", ".join(
            f"{reason_kind(code)} {count}" for code, count in report.reason_counts().items())))
        shown = rejected[:first]
        if shown:
            lines.append(text("first").format(shown=len(shown), count=len(rejected)))
        for row in shown:
            lines.append("  " + text("line").format(
                row=row.row_number, code=row.code or text("no-code"),
                reasons=row_reasons_text(row)))
    if report.rejected_file is not None:
        lines.append(text("rejected-file").format(file=report.rejected_file))
    if report.dry_run:
        lines.append(text("dry-run"))
    return lines


def reason_kind(code: str) -> str:
    """A reason code as a short name for the counts line."""
    return {
        "missing-value": translate("RentRoll", "empty cell"),
        "unparseable": translate("RentRoll", "unreadable cell"),
        "rent-free-conflict": translate("RentRoll", "rent-free against the dates"),
        "duplicate-code": translate("RentRoll", "code twice in the file"),
        "overlap-in-file": translate("RentRoll", "overlapping rows"),
        "unknown-unit": translate("RentRoll", "unknown unit"),
        "unit-leased": translate("RentRoll", "unit already leased"),
        "area-mismatch": translate("RentRoll", "area mismatch"),
        "end-before-start": translate("RentRoll", "end before start"),
        "start-before-signing": translate("RentRoll", "start before signing"),
    }.get(code, code)


if __name__ == "__main__":  # until app.cli dispatches rent-roll itself
    parser = argparse.ArgumentParser(prog="leasemap")
    add_parser(parser.add_subparsers(dest="command"))
    sys.exit(run(parser.parse_args()))
