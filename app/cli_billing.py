"""Billing on the command line: ``bill`` (a month's run, rehearsed with ``--dry-run``).

Light at import (argparse only): ``leasemap --help`` must not load the store.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from views.message_text import translate
from views.terminal_text import fit, pad


def add_parser(sub: Any) -> None:
    bill = sub.add_parser(
        "bill", help="bill a period: every contract period starting in it, once "
                     "(adjustments of periods billed before included)")
    bill.add_argument("--period", required=True, type=_month,
                      help="the month, YYYY-MM (or a range YYYY-MM-DD..YYYY-MM-DD)")
    bill.add_argument("--workspace", type=Path, required=True, help="the workspace")
    bill.add_argument("--on", type=date.fromisoformat, default=None,
                      help="the bills' issue date (default today)")
    bill.add_argument("--dry-run", action="store_true",
                      help="list what the run would post and write nothing")
    bill.add_argument("--json", action="store_true", help="print the run as JSON")


def _month(text: str) -> tuple[date, date]:
    """``2026-12`` → its first and last day; ``2026-12-01..2026-12-15`` → those days."""
    try:
        if ".." in text:
            first, last = (date.fromisoformat(t.strip()) for t in text.split("..", 1))
            return first, last
        first = date.fromisoformat(text.strip() + "-01")
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("Billing", "not a month (YYYY-MM) or a range of days: {text}")
            .format(text=text)) from None
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def run(args: argparse.Namespace) -> int:
    """0 when the run posted (or would post) bills or found them all posted already; 2 when
    the workspace cannot be opened or the run is refused."""
    from app.cli import _current, _error, _opened, _said
    from runtime.messages import UserError
    from services import billing_run
    from services.contracts import park_id_of

    first, last = args.period
    on = args.on or date.today()
    if not _current(args.workspace):
        return 2
    workspace = _opened(args.workspace)
    if workspace is None:
        return 2
    try:
        with workspace.reading() as session:
            park = park_id_of(session)
        if args.dry_run:
            plan = billing_run.rehearse_run(workspace, park, first, last, on)
            run_id = None
        else:
            report = billing_run.post_run(workspace, park, first, last, on)
            plan, run_id = report.plan, report.run_id
    except UserError as exc:
        _error(_said(exc))
        return 2
    finally:
        workspace.close()
    if args.json:
        print(json.dumps(run_json(plan, run_id, args.dry_run), ensure_ascii=False, indent=1))
    else:
        _print(plan, args.dry_run)
    return 0


def run_json(plan: Any, run_id: Any, dry_run: bool) -> dict[str, Any]:
    """The run as data: amounts as text (exact), each bill with its lines' explanations and
    its notes (``provisional``: a correction follows; ``check``: billed as read, check the
    reading; ``info``: only informs, as a month caught up), each skip with its figures
    (``meters``: every meter it names, a list)."""
    from views.billing_text import is_check_note, is_info_note, is_provisional_note, skip_meters

    return {
        "period": [plan.period_from.isoformat(), plan.period_to.isoformat()],
        "issued_on": plan.issued_on.isoformat(), "dry_run": dry_run,
        "run": str(run_id) if run_id else None,
        "created": len(plan.bills), "existing": plan.existing,
        "total": str(plan.total), "currency": plan.currency,
        "bills": [{
            "id": str(b.id), "number": b.number, "kind": b.kind, "charge": b.charge,
            "period": [b.period_start.isoformat(), b.period_end.isoformat()],
            "due_on": b.due_on.isoformat(), "amount": str(b.amount),
            "corrects": str(b.corrects) if b.corrects else None,
            "lines": [{"starts_on": x.starts_on.isoformat(), "ends_on": x.ends_on.isoformat(),
                       "amount": str(x.amount), "explanation": x.explanation}
                      for x in b.lines],
            "provisional": [{"code": p.code, **p.params} for p in b.notes
                            if is_provisional_note(p)],
            "check": [{"code": p.code, **p.params} for p in b.notes if is_check_note(p)],
            "info": [{"code": p.code, **p.params} for p in b.notes if is_info_note(p)],
        } for b in plan.bills],
        "skipped": [{"contract": s.contract_code, "code": s.code, **s.params,
                     **({"meters": skip_meters(s)} if "meters" in s.params else {})}
                    for s in plan.skipped],
    }


def _print(plan: Any, dry_run: bool) -> None:
    from views.billing_text import (
        bill_charge_text,
        is_provisional_note,
        note_words,
        skip_text,
    )

    if plan.bills:  # a head over the rows' columns, in the billing run window's words
        print(f"{fit(translate('BillingRun', 'Bill number'), 44, left=True)} "
              f"{fit(translate('BillingRun', 'Charge'), 12, left=True)} "
              f"{fit(translate('BillingRun', 'Due'), 10, left=True)}  "
              f"{fit(translate('BillingRun', 'Amount'), 14)}  "
              f"{translate('BillingRun', 'Note')}")
    for bill in plan.bills:
        extra = ""
        if bill.kind == "adjustment":
            explanation = bill.lines[0].explanation
            extra = translate("Billing", "adjusts {billed} → {now}").format(
                billed=explanation.get("billed", ""), now=explanation.get("now", ""))
        elif bill.notes:  # a utility's notes' words, then (rent's) that a correction follows
            said = [words for note in bill.notes
                    if not is_provisional_note(note) and (words := note_words(note))]
            if any(is_provisional_note(note) for note in bill.notes):
                said.append(translate("Billing", "provisional: a correction follows"))
            extra = "; ".join(said)
        # columns as a terminal shows them: a Chinese charge name takes two a character
        print(f"{pad(bill.number, 44)} {pad(bill_charge_text(bill.charge), 12)} "
              f"{bill.due_on}  {bill.amount:>14,.2f}  {extra}".rstrip())
    for skip in plan.skipped:
        print(skip_text(skip), file=sys.stderr)
    counts = {"created": len(plan.bills), "existing": plan.existing,
              "skipped": len(plan.skipped), "total": f"{plan.total:,.2f}",
              "currency": plan.currency, "first": plan.period_from.isoformat(),
              "last": plan.period_to.isoformat()}
    if not plan.bills and plan.existing:
        said = translate("Billing", "{first} – {last} is already billed: {existing} bills "
                                    "posted before, nothing new to post").format(**counts)
    elif dry_run:
        said = translate("Billing", "would post {created} bills ({total} {currency}); "
                                    "{existing} already posted; {skipped} skipped; nothing "
                                    "written").format(**counts)
    else:
        said = translate("Billing", "posted {created} bills ({total} {currency}); "
                                    "{existing} already posted; {skipped} skipped"
                         ).format(**counts)
    print(said, file=sys.stderr)
