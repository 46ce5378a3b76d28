"""``leasemap bank-import FILE --workspace W``: a bank statement's receipts as payments.

The file (the account's CSV, XLS or XLSX export) goes through
``services.payments.import_bank_statement``: the payments not imported before
are written in one transaction and matched, those the rules allow allocated
automatically, the rest left for Payments to match in the window;
``--dry-run`` says all that and writes nothing. Each new payment is listed
with what matching does with it, the rows that are not receipts with their
reason, then the counts. ``--account`` names the account (else the one the
file's preamble names); the columns an account's files were mapped to in the
window are remembered and used, and ``--column FIELD=HEADER`` maps one here
(remembered for the account once imported). ``--json`` prints the report as
data (amounts as text, reasons as codes and figures).

Exit 0 when the file was read: payments imported (or, in a dry run, to
import), or none new (a file imported before: said so); 2 when the file
cannot be read or lacks a column (nothing is written; the message names the
problem), or the workspace or its park cannot be opened.

Light at import (argparse only): ``leasemap --help`` must not load the store.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from views.message_text import translate


def add_parser(sub: Any) -> None:
    bank = sub.add_parser(
        "bank-import", help="import a bank statement (CSV, XLS or XLSX): its receipts become "
        "payments, matched to the tenants' open bills; importing it again adds nothing")
    bank.add_argument("file", type=Path, help="the bank's export: .csv, .xls or .xlsx")
    bank.add_argument("--workspace", type=Path, required=True, help="the workspace")
    bank.add_argument("--account", default=None,
                      help="the account the statement is of (default: the one the file names)")
    bank.add_argument("--column", action="append", default=[], type=_column,
                      metavar="FIELD=HEADER",
                      help="the file's column for a field (booked_on, amount, credit, debit, "
                           "direction, payer, payer_account, remarks, reference, balance, "
                           "currency), e.g. --column payer=户名; remembered for the account")
    bank.add_argument("--dry-run", action="store_true",
                      help="list what the import would do and write nothing")
    bank.add_argument("--json", action="store_true", help="print the report as JSON")


def _column(text: str) -> tuple[str, str]:
    name, sep, header = text.partition("=")
    if not sep or not name.strip() or not header.strip():
        raise argparse.ArgumentTypeError(
            translate("BankCli", "--column wants FIELD=HEADER, such as payer=户名, not “{text}”")
            .format(text=text))
    return name.strip(), header.strip()


def run(args: argparse.Namespace) -> int:
    """Import or rehearse, print the report; the exit code as the module says."""
    from app.cli import on_workspace, park_in
    from importers.bank_statement import BankStatementError, ColumnMapping
    from services.payments import import_bank_statement

    def work(workspace: Any) -> tuple[Any, dict[Any, str], dict[Any, str]]:
        mapping = ColumnMapping.of(dict(args.column)) if args.column else None
        report = import_bank_statement(workspace, park_in(workspace), args.file,
                                       account=args.account, mapping=mapping,
                                       dry_run=args.dry_run)
        return (report, *_names(workspace, report))

    done, code = on_workspace(args.workspace, work, refused=BankStatementError,
                              refused_text=file_error_text, refused_code=2)
    if code:
        return code
    report, names, numbers = done
    if args.json:
        print(json.dumps(report_json(report, names, numbers), ensure_ascii=False, indent=1))
    else:
        _print(report, names, numbers)
    return 0


def file_error_text(error: Any) -> str:
    """A statement that cannot be read, in the run's language (English: as written); a
    column missing says how to name it here."""
    from app.cli import _language

    said = str(error)
    if _language[0] != "en":
        from views.payment_text import bank_error_text

        said = bank_error_text(error)
    if getattr(error, "code", "") == "bank-statement-columns-missing":
        fields = [f.strip() for f in str(error.params.get("fields", "")).split(",")
                  if f.strip()]
        if fields:
            said += translate("BankCli", "; name it with --column {field}=HEADER").format(
                field=fields[0])
    return said


def _names(workspace: Any, report: Any) -> tuple[dict[Any, str], dict[Any, str]]:
    """Tenant id → name, and bill id → number, for the matches' candidates."""
    from sqlalchemy import select

    from store.schema import Bill, Tenant

    tenants = {c.tenant_id for m in report.matches for c in m.candidates}
    bills = [p.bill_id for m in report.matches for c in m.candidates[:1] for p in c.parts]
    with workspace.reading() as session:
        names = {t: n for t, n in session.execute(select(Tenant.id, Tenant.name).where(
            Tenant.id.in_(tenants)))} if tenants else {}
        numbers: dict[Any, str] = {}
        for start in range(0, len(bills), 500):
            numbers.update((b, n) for b, n in session.execute(
                select(Bill.id, Bill.number).where(Bill.id.in_(bills[start:start + 500]))))
    return names, numbers


def report_json(report: Any, names: dict[Any, str], numbers: dict[Any, str]
                ) -> dict[str, Any]:
    """The import as data: amounts as text (exact), reasons as codes and figures."""
    matches = {m.payment_id: m for m in report.matches}

    def payment(p: Any) -> dict[str, Any]:
        found = matches.get(p.id)
        best = found.candidates[0] if found is not None and found.candidates else None
        return {
            "id": str(p.id), "received_on": p.received_on.isoformat(), "amount": str(p.amount),
            "payer": p.payer, "remarks": p.remarks, "reference": p.reference,
            "outcome": found.outcome.value if found is not None else "unmatched",
            "confidence": found.confidence if found is not None else 0,
            "tenant": names.get(best.tenant_id, "") if best is not None else "",
            "tenant_id": str(best.tenant_id) if best is not None else None,
            "parts": [{"bill": str(x.bill_id), "number": numbers.get(x.bill_id, ""),
                       "amount": str(x.amount)} for x in (best.parts if best else ())],
            "remainder": str(best.remainder) if best is not None else str(p.amount),
            "reasons": [{"code": r.code, "params": dict(r.params)}
                        for r in (best.reasons if best is not None else ())],
            "why": [{"code": r.code, "params": dict(r.params)}
                    for r in (found.reasons if found is not None else ())],
        }

    totals = _totals(report)
    return {
        "file": report.file, "account": report.account, "dry_run": not report.written,
        "written": report.written, "new": len(report.new), "existing": report.existing,
        "received": str(report.received),
        "outcomes": {k: {"count": n, "amount": str(a)} for k, (n, a) in totals.items()},
        "payments": [payment(p) for p in report.new],
        "skipped": [{"line": s.line, "code": s.code, "params": dict(s.params),
                     "message": s.message} for s in report.skipped],
    }


def _totals(report: Any) -> dict[str, tuple[int, Any]]:
    from decimal import Decimal

    amounts = {p.id: p.amount for p in report.new}
    out: dict[str, tuple[int, Any]] = {k: (0, Decimal("0.00"))
                                       for k in ("auto", "proposed", "unmatched")}
    for match in report.matches:
        count, amount = out[match.outcome.value]
        out[match.outcome.value] = (count + 1, amount + amounts.get(match.payment_id, 0))
    return out


def text(key: str) -> str:
    """The command's own lines, in the run's language (one literal each, for lupdate)."""
    return {
        "line": translate("BankCli", "{date}  {amount}  {payer}  {outcome}{tenant}"),
        "tenant": translate("BankCli", ": {tenant} ({confidence}) → {bills}"),
        "no-bill": translate("BankCli", "no bill"),
        "nothing-new": translate(
            "BankCli", "{file}: every receipt is imported already ({existing}): nothing new; "
            "rows skipped: {skipped}"),
        "no-receipts": translate("BankCli", "{file}: no receipts; rows skipped: {skipped}"),
        "imported": translate(
            "BankCli", "{file}: payments imported: {new} ({received}), {account}; imported "
            "before: {existing}; rows skipped: {skipped}"),
        "dry-run": translate(
            "BankCli", "{file}: payments to import: {new} ({received}), {account}; imported "
            "before: {existing}; rows skipped: {skipped}; nothing written"),
        "outcomes": translate(
            "BankCli", "allocated automatically: {auto} ({auto_amount}); to confirm in "
            "Payments to match: {proposed} ({proposed_amount}); unmatched: {unmatched} "
            "({unmatched_amount})"),
        # the account as a phrase of its own: Chinese writes "账户（无）" with no space, but
        # "账户 6222-01" with one
        "account": translate("BankCli", "account {account}"),
        "no-account": translate("BankCli", "account (none)"),
    }[key]


def _print(report: Any, names: dict[Any, str], numbers: dict[Any, str]) -> None:
    from views.contract_text import amount_text
    from views.payment_text import outcome_text, reasons_text, skipped_text

    matches = {m.payment_id: m for m in report.matches}
    for p in report.new:
        found = matches.get(p.id)
        best = found.candidates[0] if found is not None and found.candidates else None
        tenant = ""
        if best is not None:
            tenant = text("tenant").format(
                tenant=names.get(best.tenant_id, ""), confidence=found.confidence if found
                else 0, bills=", ".join(numbers.get(x.bill_id, str(x.bill_id))
                                        for x in best.parts) or text("no-bill"))
        print(text("line").format(date=p.received_on.isoformat(),
                                  amount=f"{amount_text(p.amount):>14}", payer=p.payer,
                                  outcome=outcome_text(found.outcome if found else "unmatched"),
                                  tenant=tenant))
        why = [*(best.reasons if best is not None else ()),
               *(found.reasons if found is not None else ())]
        if why and (found is None or found.outcome.value != "auto"):
            print(f"    {reasons_text(why)}")
    for row in report.skipped:
        print(skipped_text(row), file=sys.stderr)
    totals = _totals(report)
    figures = {"file": report.file, "new": f"{len(report.new):,}",
               "received": amount_text(report.received),
               "account": text("account").format(account=report.account) if report.account
               else text("no-account"),
               "existing": f"{report.existing:,}", "skipped": f"{len(report.skipped):,}"}
    if not report.new:
        key = "nothing-new" if report.existing else "no-receipts"
        print(text(key).format(**figures), file=sys.stderr)
        return
    print(text("imported" if report.written else "dry-run").format(**figures), file=sys.stderr)
    print(text("outcomes").format(**{
        k: f"{n:,}" for k, (n, _a) in totals.items()}, **{
        f"{k}_amount": amount_text(a) for k, (_n, a) in totals.items()}), file=sys.stderr)
