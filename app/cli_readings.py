"""``leasemap readings FILE --workspace W``: import meter readings (or units' monthly use).

The file (.xlsx, .xls or .csv) goes through ``services.meters.import_readings``: a meter
code, the day read and the reading on each row (a register column, or one column per
register: 峰 平 谷 尖; a kind column for a replaced meter's final and its successor's
initial reading). ``--dry-run`` judges every reading and writes nothing; otherwise the new
readings and corrections are written in one transaction. The report says how many are
added, corrected (before → after), already there and rejected; the readings the rules
flag (a fall that is no rollover, a spike, a day before one entered earlier) and the
rollovers and replacements they worked out; and the rejected rows with their reasons.

``--metrics`` reads the file as units' monthly access counts, lighting and HVAC hours
(and energy) instead (``services.unit_metrics_import``): the heat map's figures.

``--json`` prints the report as data (codes, params, English). Exit 0 when readings were
written (or, in a dry run, would be) or every good one is there already; 2 when none
could be written (every row rejected, or none), or the workspace or its park cannot be
opened; 1 when the file cannot be read or lacks a column (nothing is written then).

Reasons and flags are said by ``views.message_text`` (one template per code, the window's
and the CLI's alike); the command's own lines are here. Light at import (argparse only).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Mapping
from typing import Any

from app.cli_file_import import FIRST, add_import_parser, add_problems, listed, run_import
from views.message_text import joined, message_text, translate


def add_parser(sub: Any) -> None:
    readings = add_import_parser(
        sub, "readings", "import meter readings (Excel or CSV: meter code, day, reading; "
        "峰/平/谷 columns for time of use): every reading checked, rollovers and "
        "replacements worked out, abnormal ones flagged, the good ones written in one "
        "transaction", "the .xlsx, .xls or .csv readings file", "reading")
    readings.add_argument("--metrics", action="store_true",
                          help="the file holds units' monthly access counts, lighting and "
                               "HVAC hours (and energy), for the heat map")
    add_problems(readings, "rejected and flagged rows")


def run(args: argparse.Namespace) -> int:
    """Rehearse or import, print the report; the exit code as the module says."""
    from services.meters import ReadingsImportError, import_readings
    from services.unit_metrics_import import UnitMetricsImportError, import_unit_metrics

    def work(workspace: Any) -> Any:
        if args.metrics:
            return import_unit_metrics(workspace, args.file, dry_run=args.dry_run)
        from services.contracts import park_id_of

        with workspace.reading() as session:
            park = park_id_of(session)
        return import_readings(workspace, park, args.file, dry_run=args.dry_run)

    return run_import(args, work, (ReadingsImportError, UnitMetricsImportError), message_text,
                      metrics_lines if args.metrics else report_lines,
                      lambda r: bool(r.written or (r.unchanged and not r.rejected)))


# -- words --------------------------------------------------------------------------------


def text(key: str) -> str:
    """The command's own lines, in the run's language (one literal each, for lupdate)."""
    return {
        "head": translate("ReadingsCli", "{file}: {rows} readings under the header on row "
                                         "{header}"),
        "head-sheet": translate(
            "ReadingsCli", "{file}, sheet {sheet}: {rows} readings under the header on row "
                           "{header}"),
        "counts": translate(
            "ReadingsCli", "{added} readings added, {corrected} corrected, {unchanged} already "
                           "there, {rejected} rejected"),
        "counts-dry": translate(
            "ReadingsCli", "{added} readings to add, {corrected} to correct, {unchanged} "
                           "already there, {rejected} rejected"),
        "corrections": translate("ReadingsCli", "Corrections:"),
        "correction": translate("ReadingsCli", "row {row}  {meter}  {day}  {register}  "
                                               "{before} → {after}"),
        "worked-out": translate("ReadingsCli", "Rollovers and replacements:"),
        "flagged": translate("ReadingsCli", "The first {shown} of {count} flagged readings "
                                            "(written, to be checked before billing):"),
        "flagged-dry": translate("ReadingsCli", "The first {shown} of {count} flagged "
                                                "readings (to be checked before billing):"),
        "first": translate("ReadingsCli", "The first {shown} of {count} rejected readings:"),
        "line": translate("ReadingsCli", "row {row}  {meter}  {day}  {said}"),
        "used": translate("ReadingsCli", "{used} used since {previous_on}"),
        "more": translate("ReadingsCli", "… and {count} more"),
        "dry-run": translate("ReadingsCli", "Dry run: nothing was written."),
        "no-code": translate("ReadingsCli", "(no code)"),
        "metrics-head": translate("ReadingsCli", "{file}: {rows} rows under the header on row "
                                                 "{header}"),
        "metrics-head-sheet": translate(
            "ReadingsCli", "{file}, sheet {sheet}: {rows} rows under the header on row "
                           "{header}"),
        "metrics-counts": translate(
            "ReadingsCli", "{added} months added, {changed} changed, {unchanged} unchanged, "
                           "{rejected} rejected"),
        "metrics-counts-dry": translate(
            "ReadingsCli", "{added} months to add, {changed} to change, {unchanged} "
                           "unchanged, {rejected} rejected"),
        "changes": translate("ReadingsCli", "Changes:"),
        "change": translate("ReadingsCli", "{column} {before} → {after}"),
        "metrics-first": translate("ReadingsCli", "The first {shown} of {count} rejected "
                                                  "rows:"),
        "notes": translate("ReadingsCli", "Notes:"),
        "empty": translate("ReadingsCli", "(empty)"),
    }[key]


def _plain(text: str | None) -> str:
    """A reading as the dial shows it: 500.000 → 500."""
    from services.meters import plain

    return "" if text is None else plain(text)


def said(messages: Iterable[Mapping[str, Any]]) -> str:
    """Reasons, notes or flags of a report's JSON, in words, one after another."""
    return joined(message_text(m) for m in messages)


def report_lines(report: Any, first: int = FIRST) -> list[str]:
    """A readings report as the command prints it (``services.meters.ReadingsImportReport``)."""
    head = text("head-sheet" if report.sheet else "head").format(
        file=report.path.name, sheet=report.sheet, rows=f"{len(report.rows):,}",
        header=report.header_row)
    counts = text("counts-dry" if report.dry_run else "counts").format(
        added=f"{report.added:,}", corrected=f"{report.corrected:,}",
        unchanged=f"{report.unchanged:,}", rejected=f"{report.rejected:,}")
    lines = [head, "  " + counts]
    rows = report.to_json()["rows"]

    def line(r: dict[str, Any], what: str) -> str:
        return text("line").format(row=r["row"], meter=r["meter"] or text("no-code"),
                                   day=r["read_on"] or "", said=what)

    corrected = [r for r in rows if r["status"] == "correction"]
    if corrected:
        lines.append(text("corrections"))
        lines.extend("  " + text("correction").format(
            row=r["row"], meter=r["meter"], day=r["read_on"], register=r["register"],
            before=_plain(r["before"]), after=_plain(r["value"])) for r in corrected)
    noted = [r for r in rows if r["notes"] and r["status"] in ("new", "correction")]
    if noted:
        lines.append(text("worked-out"))
        lines.extend("  " + line(r, joined([said(r["notes"]), text("used").format(
            used=r["used"], previous_on=r["previous_on"])] if r["used"] is not None
            else [said(r["notes"])])) for r in noted)
    lines += listed(text("flagged-dry" if report.dry_run else "flagged"), text("more"),
                    [r for r in rows if r["flags"]], first, lambda r: line(r, said(r["flags"])))
    lines += listed(text("first"), text("more"), [r for r in rows if r["status"] == "rejected"],
                    first, lambda r: line(r, said(r["reasons"])))
    if report.dry_run:
        lines.append(text("dry-run"))
    return lines


def metrics_lines(report: Any, first: int = FIRST) -> list[str]:
    """A unit metrics report as the command prints it
    (``services.unit_metrics_import.UnitMetricsReport``)."""
    head = text("metrics-head-sheet" if report.sheet else "metrics-head").format(
        file=report.path.name, sheet=report.sheet, rows=f"{len(report.rows):,}",
        header=report.header_row)
    counts = text("metrics-counts-dry" if report.dry_run else "metrics-counts").format(
        added=f"{report.added:,}", changed=f"{report.changed:,}",
        unchanged=f"{report.unchanged:,}", rejected=f"{report.rejected:,}")
    lines = [head, "  " + counts]
    rows = report.to_json()["rows"]
    columns = dict(report.columns)

    def line(r: dict[str, Any], what: str) -> str:
        return text("line").format(row=r["row"], meter=r["unit"] or text("no-code"),
                                   day=r["month"] or "", said=what)

    def change(r: dict[str, Any]) -> str:
        return ", ".join(text("change").format(
            column=columns.get(k, k), before=r["before"].get(k) or text("empty"),
            after=v or text("empty")) for k, v in r["after"].items()
            if r["before"].get(k) != v)

    changed = [r for r in rows if r["status"] == "changed"]
    if changed:
        lines.append(text("changes"))
        lines.extend("  " + line(r, change(r)) for r in changed)
    noted = [r for r in rows if r["notes"]]
    if noted:
        lines.append(text("notes"))
        lines.extend("  " + line(r, said(r["notes"])) for r in noted)
    lines += listed(text("metrics-first"), text("more"),
                    [r for r in rows if r["status"] == "rejected"], first,
                    lambda r: line(r, said(r["reasons"])))
    if report.dry_run:
        lines.append(text("dry-run"))
    return lines
