"""Deposits on the command line: ``deposits`` (a contract's deposit: what it holds of what
was agreed, and every movement with its id) and ``deposit-reverse`` (a movement entered
wrong undone, rehearsed with ``--dry-run``).

``leasemap deposit-reverse MOVEMENT --workspace W [--on DATE] [--note TEXT] [--dry-run]
[--json]`` goes through ``services.deposits``: it says what the reversal does (each side
undone — a carry's two together —, the payment given its money back, the bill open
again), in ``views.deposit_text``'s words, as the contract window's Reverse dialog
does, then writes it in one transaction (or, with ``--dry-run``, nothing). Exit 0 when
it was written (or, in a dry run, would be); 2 when it is refused (said in words: a
reversal, reversed already, dated before the movement, the deposit left below zero),
the movement id is not one, or the workspace cannot be opened.

Light at import (argparse only): ``leasemap --help`` must not load the store.
"""

from __future__ import annotations

import argparse
import json
import uuid
from datetime import date
from pathlib import Path
from typing import Any

from views.message_text import translate

COMMANDS = ("deposits", "deposit-reverse")


def add_parsers(sub: Any) -> None:
    listed = sub.add_parser(
        "deposits", help="a contract's deposit: what it holds of what was agreed, and every "
        "movement (received, applied, refunded, carried, reversed) with its id")
    listed.add_argument("contract", help="contract code (or id)")
    listed.add_argument("--workspace", type=Path, required=True, help="the workspace")
    listed.add_argument("--json", action="store_true", help="print the deposit as JSON")
    reverse = sub.add_parser(
        "deposit-reverse", help="reverse a deposit movement entered wrong (a carry on both "
        "contracts): what it did to a payment or a bill is undone with it; says what it "
        "does first")
    reverse.add_argument("movement", help="the movement's id (see: leasemap deposits)")
    reverse.add_argument("--workspace", type=Path, required=True, help="the workspace")
    reverse.add_argument("--on", type=_day, default=None,
                         help="the reversal's day (YYYY-MM-DD; default today)")
    reverse.add_argument("--note", default="", help="why it is reversed")
    reverse.add_argument("--dry-run", action="store_true",
                         help="say what the reversal would do and write nothing")
    reverse.add_argument("--json", action="store_true", help="print the reversal as JSON")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("DepositsCli", "not a date (YYYY-MM-DD): {text}").format(text=text)
        ) from None


def run(args: argparse.Namespace) -> int:
    return {"deposits": _deposits, "deposit-reverse": _reverse}[args.command](args)


# -- a contract's deposit --------------------------------------------------------------------


def _deposits(args: argparse.Namespace) -> int:
    """0 when the contract is found, 2 when it or the workspace is not."""
    from app.cli import on_workspace

    found, code = on_workspace(args.workspace, lambda ws: _statement(ws, args.contract))
    if code:  # no such contract: said, 2
        return code
    if args.json:
        print(json.dumps(statement_json(found), ensure_ascii=False, indent=1))
        return 0
    for line in statement_lines(found):
        print(line)
    return 0


def _statement(workspace: Any, contract: str) -> Any:
    from services.contracts import find_contract
    from services.deposits import deposit_statement

    with workspace.reading() as session:
        return deposit_statement(session, find_contract(session, contract).id)


def statement_lines(statement: Any, currency: str = "") -> list[str]:
    """The held line, then one line per movement: id, day, kind, what it did to the deposit
    held, what it concerns, the note, whether it was reversed. Figures are bare (no
    currency), as the other commands' tables print them: naming the currency would load
    Qt in an English run."""
    from views.deposit_text import (
        held_text,
        kind_text,
        movement_about,
        movement_effect,
        undone_text,
    )
    from views.terminal_text import pad

    lines = [translate("DepositsCli", "{contract}: deposit {held}").format(
        contract=statement.code,
        held=held_text(statement.held, statement.agreed, statement.moved, currency))]
    if not statement.lines:
        lines.append(translate("DepositsCli", "no deposit movement yet"))
    for x in statement.lines:
        effect = movement_effect(x)
        parts = [str(x.id), x.on.isoformat(), pad(kind_text(x.kind), 34),
                 f"{effect:>+14,.2f}", movement_about(x, statement.lines), x.note,
                 undone_text(x, currency)]
        lines.append("  ".join(p for p in parts if p).rstrip())
    return lines


def statement_json(statement: Any) -> dict[str, Any]:
    """The deposit as data: amounts as text (exact), ids as text."""
    return {"contract": statement.code, "agreed": str(statement.agreed),
            "held": str(statement.held),
            "moved": [{"kind": kind, "counterpart": other, "amount": str(amount)}
                      for kind, other, amount in statement.moved],
            "movements": [{"id": str(x.id), "kind": x.kind, "amount": str(x.amount),
                           "on": x.on.isoformat(), "note": x.note,
                           "counterpart": x.counterpart, "bill": x.bill, "payer": x.payer,
                           "reverses": str(x.reverses_id) if x.reverses_id else None,
                           "reversed": str(x.undone), "reversible": x.reversible}
                          for x in statement.lines]}


# -- a reversal ------------------------------------------------------------------------------


def _reverse(args: argparse.Namespace) -> int:
    """0 when written (or, dry run, it would be); 2 when refused or not found (said)."""
    from app.cli import _error, on_workspace

    try:
        movement = uuid.UUID(args.movement.strip())
    except ValueError:
        _error(translate("DepositsCli", "not a deposit movement id: {text} (see: leasemap "
                                        "deposits CONTRACT)").format(text=args.movement))
        return 2
    on = args.on or date.today()

    def work(workspace: Any) -> Any:
        from services.deposits import post_reversal, rehearse_reversal

        if args.dry_run:
            with workspace.reading() as session:
                return rehearse_reversal(session, movement, on, args.note)
        return post_reversal(workspace, movement, on, args.note)

    plan, code = on_workspace(args.workspace, work)  # refused: said in words, 2
    if code:
        return code
    if args.json:
        print(json.dumps(reversal_json(plan, args.dry_run), ensure_ascii=False, indent=1))
        return 0
    for line in reversal_report(plan, dry_run=args.dry_run):
        print(line)
    return 0


def reversal_report(plan: Any, currency: str = "", dry_run: bool = False) -> list[str]:
    """What the reversal does (``services.deposits.ReversalPlan``), then what was written."""
    from views.deposit_text import reversal_lines

    lines = [translate("DepositsCli", "Reversing it on {on}:").format(on=plan.on.isoformat())]
    lines += [f"  {line}" for line in reversal_lines(plan.reasons, currency)]
    if dry_run:
        lines.append(translate("DepositsCli", "Dry run: nothing was written."))
    else:
        lines.append(translate("DepositsCli", "Written, the reversing movements: {ids}")
                     .format(ids=", ".join(str(r["id"]) for r in plan.rows)))
    return lines


def reversal_json(plan: Any, dry_run: bool = False) -> dict[str, Any]:
    """The reversal as data: each side, the payment and bill it gives back, its reasons
    (codes and figures, English keys), and the movements written (none in a dry run)."""
    return {"movement": str(plan.movement_id), "on": plan.on.isoformat(),
            "dry_run": dry_run,
            "sides": [{"contract": s.code, "movement": str(s.movement_id), "kind": s.kind,
                       "amount": str(s.amount), "on": s.on.isoformat(),
                       "holds": str(s.holds), "holds_after": str(s.holds_after)}
                      for s in plan.sides],
            "payment": str(plan.payment_id) if plan.payment_id else None,
            "bill": str(plan.bill_id) if plan.bill_id else None,
            "reasons": [{"code": r.code, **r.params} for r in plan.reasons],
            "written": [] if dry_run else [str(r["id"]) for r in plan.rows]}
