"""The three-ledger check on the command line: ``three-ledgers`` (the differences, by cause),
``vouchers`` (the export for the accounting system) and ``books-import`` (its posted lines
back, rehearsed with ``--dry-run``).

Light at import (argparse only): ``leasemap --help`` must not load the store.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from views.message_text import translate

COMMANDS = ("three-ledgers", "vouchers", "books-import")


def add_parsers(sub: Any) -> None:
    check = sub.add_parser(
        "three-ledgers", help="compare the contract, operations and finance ledgers (三账对齐) "
        "and list every difference with its cause; exit 0 when they agree, 1 when they "
        "differ")
    check.add_argument("--workspace", type=Path, required=True, help="the workspace")
    check.add_argument("--on", type=_day, default=None,
                       help="the day compared (YYYY-MM-DD; default today)")
    check.add_argument("--since", type=_day, default=None,
                       help="compare the schedules' periods from this day (YYYY-MM-DD; "
                            "default: the first period the park billed)")
    check.add_argument("--json", action="store_true", help="print the check as JSON")
    out = sub.add_parser(
        "vouchers", help="export the vouchers of the bills, receipts, allocations and "
        "deposit movements of a range for the accounting system (CSV or Excel, by the "
        "file's suffix)")
    out.add_argument("--workspace", type=Path, required=True, help="the workspace")
    out.add_argument("--from", dest="first", type=_day, required=True,
                     help="the first day (YYYY-MM-DD)")
    out.add_argument("--to", dest="last", type=_day, required=True,
                     help="the last day (YYYY-MM-DD)")
    out.add_argument("-o", "--output", type=Path, required=True,
                     help="the file to write: .csv or .xlsx")
    out.add_argument("--english", action="store_true",
                     help="English column headers (default: Chinese, 凭证号/日期/科目/…)")
    books = sub.add_parser(
        "books-import", help="import the accounting system's posted lines (CSV or Excel) "
        "for the three-ledger check; lines imported before are not added again")
    books.add_argument("file", type=Path, help="the accounting system's export")
    books.add_argument("--workspace", type=Path, required=True, help="the workspace")
    books.add_argument("--column", action="append", default=[], metavar="FIELD=HEADER",
                       help="the file's column for a field when its header does not say "
                            "(fields: on, account, account_name, summary, debit, credit, "
                            "voucher, line, counterparty, reference); repeat for each")
    books.add_argument("--dry-run", action="store_true",
                       help="say what the import would add and write nothing")
    books.add_argument("--json", action="store_true", help="print the import as JSON")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("Ledgers", "not a date (YYYY-MM-DD): {text}").format(text=text)
        ) from None


def run(args: argparse.Namespace) -> int:
    return {"three-ledgers": _check, "vouchers": _vouchers,
            "books-import": _books}[args.command](args)


def _check(args: argparse.Namespace) -> int:
    """0 when the ledgers agree, 1 when they differ (each difference listed), 2 when the
    check cannot be made. A park without books compares two ledgers, not three: 0 then
    says those agree, and the summary (and the JSON's ``books_compared``) says so."""
    from app.cli import on_workspace, park_in
    from services.three_ledgers import check_json, check_on

    on = args.on or date.today()
    report, code = on_workspace(args.workspace, lambda workspace: check_on(
        workspace, park_in(workspace), on, since=args.since))
    if code:
        return code
    if args.json:
        print(json.dumps(check_json(report), ensure_ascii=False, indent=1))
    else:
        for line in check_lines(report):
            print(line)
        print(summary_text(report), file=sys.stderr)
    return 0 if report.agrees else 1


def check_lines(report: Any) -> list[str]:
    """The counts by cause, then each difference under its cause's title."""
    from views.ledgers_text import cause_text, difference_text

    lines = [f"{cause_text(cause)}: {count}" for cause, count in report.counts().items()]
    for difference in report.differences:
        cause = difference.params.get("cause", difference.code)
        lines.append(f"[{cause_text(cause)}] {difference_text(difference)}")
    return lines


def summary_text(report: Any) -> str:
    figures = {"on": report.on.isoformat(), "count": len(report.differences),
               "causes": len(report.counts()), "matched": len(report.matches),
               "entries": report.sizes.get("entries", 0)}
    if not report.books_compared:
        from views.ledgers_text import no_books_text

        said = (translate("Ledgers", "on {on} the contract and operations ledgers agree; the "
                                     "books were not compared") if report.agrees else
                translate("Ledgers", "on {on}: {count} differences of {causes} causes between "
                                     "the contract and operations ledgers; the books were not "
                                     "compared")).format(**figures)
        said += "\n" + no_books_text(report.awaiting_books)
    elif report.agrees:
        said = translate("Ledgers", "on {on} the three ledgers agree; {matched} of our entries "
                                    "found among {entries} lines of the books").format(**figures)
    else:
        said = translate("Ledgers", "on {on}: {count} differences of {causes} causes; "
                                    "{matched} of our entries found among {entries} lines of "
                                    "the books").format(**figures)
    held = sum(report.left_out.values())
    if held:
        said += "\n" + translate("Ledgers", "{n} deposit movements cannot be booked and "
                                            "are not in the check (a reversal of a movement "
                                            "that is not there, or a kind not known)"
                                  ).format(n=held)
    return said


def _vouchers(args: argparse.Namespace) -> int:
    from app.cli import on_workspace, park_in
    from services.three_ledgers import export_vouchers

    def work(workspace: Any) -> Any:
        park = park_in(workspace)
        with workspace.reading() as session:
            return export_vouchers(session, park, args.first, args.last, args.output,
                                   english=args.english)

    # OSError: the file cannot be written there (said in the system's words)
    done, code = on_workspace(args.workspace, work, refused=OSError, refused_code=2)
    if code:
        return code
    print(translate("Ledgers", "wrote {file}: {vouchers} vouchers, {lines} lines, debit "
                               "{debit} = credit {credit}, {first} – {last}").format(
        file=done.path, vouchers=done.vouchers, lines=done.lines,
        debit=f"{done.debit:,.2f}", credit=f"{done.credit:,.2f}",
        first=done.first.isoformat(), last=done.last.isoformat()))
    return 0


def _mapping(pairs: list[str]) -> dict[str, str] | None:
    if not pairs:
        return None
    out = {}
    for pair in pairs:
        name, sep, header = pair.partition("=")
        if not sep:
            raise ValueError(pair)
        out[name.strip()] = header.strip()
    return out


def _books(args: argparse.Namespace) -> int:
    """0 when the file was read (its refused rows listed), 2 when it cannot be."""
    from app.cli import _error, on_workspace, park_in
    from services.three_ledgers import books_json, import_finance_entries
    from views.message_text import message_text

    try:
        mapping = _mapping(args.column)
    except ValueError as exc:
        _error(translate("Ledgers", "--column wants FIELD=HEADER, such as debit=借方本币, "
                                    "not “{text}”").format(text=exc.args[0]))
        return 2
    report, code = on_workspace(args.workspace, lambda workspace: import_finance_entries(
        workspace, park_in(workspace), args.file, mapping, dry_run=args.dry_run))
    if code:
        return code
    if args.json:
        print(json.dumps(books_json(report), ensure_ascii=False, indent=1))
        return 0
    for line in report.new:
        print(f"{line.on}  {line.voucher:<14} {line.account:<24} {line.amount:>14,.2f}  "
              f"{line.counterparty}  {line.text}".rstrip())
    for refused in report.refused:
        print(message_text(refused), file=sys.stderr)
    figures = {"file": report.file, "new": len(report.new), "existing": report.existing,
               "refused": len(report.refused), "debit": f"{report.debit:,.2f}",
               "credit": f"{report.credit:,.2f}"}
    if report.written:
        said = translate("Ledgers", "{file}: imported {new} lines of the books (debit {debit}, "
                                    "credit {credit}); {existing} imported before; {refused} "
                                    "rows refused").format(**figures)
    else:
        said = translate("Ledgers", "{file}: would import {new} lines of the books (debit "
                                    "{debit}, credit {credit}); {existing} imported before; "
                                    "{refused} rows refused; nothing written").format(**figures)
    print(said, file=sys.stderr)
    return 0
