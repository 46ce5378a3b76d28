"""Deposits on the command line: ``deposits`` (a contract's deposit: what it holds of what
was agreed, and every movement with its id), ``deposit-receive`` and ``deposit-refund``
(the deposit received, out of a payment or not, and paid back), ``settle`` (a contract
that has ended settled: its open bills, the late fees to the day, the deposit applied, the
rest refunded) and ``deposit-reverse`` (a movement entered wrong undone); each writing one
rehearsed with ``--dry-run``.

``leasemap deposit-receive CONTRACT AMOUNT --workspace W [--on DATE] [--payment ID]
[--dry-run] [--json]``, ``leasemap deposit-refund CONTRACT AMOUNT …`` and ``leasemap settle
CONTRACT --workspace W [--on DATE] …`` (the contract by its code or id) say what they
write first — what the deposit holds before → after and the payment's money it takes; the
settlement's sentences and bills, as the contract window's Settle dialog says them — in
``views.deposit_text``'s words, then write it in one transaction (or, with ``--dry-run``,
nothing). Exit 0 when written (or, in a dry run, it would be); 2 when refused (said in
words: an amount not in cents, beyond the payment or what is held, a contract still
running), the contract is not found, or the workspace cannot be opened.

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
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from views.message_text import translate

COMMANDS = ("deposits", "deposit-reverse", "deposit-receive", "deposit-refund", "settle")


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
    receive = sub.add_parser(
        "deposit-receive", help="record the deposit received (in whole or in part), out of "
        "a payment that holds money or not; says held before → after first")
    receive.add_argument("contract", help="contract code (or id)")
    receive.add_argument("amount", type=_amount, help="the amount received (25080.00)")
    receive.add_argument("--payment", type=_payment, default=None,
                         help="the id of the payment it came in (its money held as the "
                         "deposit no longer waits in the payments queue)")
    refund = sub.add_parser(
        "deposit-refund", help="pay back part or all of what the deposit holds; says held "
        "before → after first")
    refund.add_argument("contract", help="contract code (or id)")
    refund.add_argument("amount", type=_amount, help="the amount paid back (25080.00)")
    settle = sub.add_parser(
        "settle", help="settle a contract that is terminated or has ended: its open bills "
        "and the late fees to the day paid from the deposit, the rest refunded; says the "
        "settlement first")
    settle.add_argument("contract", help="contract code (or id)")
    for command, what in ((receive, "receipt"), (refund, "refund"), (settle, "settlement")):
        command.add_argument("--workspace", type=Path, required=True, help="the workspace")
        command.add_argument("--on", type=_day, default=None,
                             help=f"the {what}'s day (YYYY-MM-DD; default today)")
        command.add_argument("--dry-run", action="store_true",
                             help=f"say what the {what} would write and write nothing")
        command.add_argument("--json", action="store_true", help=f"print the {what} as JSON")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("DepositsCli", "not a date (YYYY-MM-DD): {text}").format(text=text)
        ) from None


def _amount(text: str) -> Decimal:
    """An amount as typed (25080, 25,080.00): every digit kept, so a fraction of a cent is
    refused in the service's words."""
    try:
        value = Decimal(text.strip().replace(",", "").replace("，", ""))
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite():
        raise argparse.ArgumentTypeError(
            translate("DepositsCli", "not an amount: {text}").format(text=text))
    return value


def _payment(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("DepositsCli", "not a payment id: {text}").format(text=text)) from None


def run(args: argparse.Namespace) -> int:
    return {"deposits": _deposits, "deposit-reverse": _reverse, "deposit-receive": _move,
            "deposit-refund": _move, "settle": _settle}[args.command](args)


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

    return _said(args, on_workspace(args.workspace, work), reversal_json, reversal_report)


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


def _said(args: argparse.Namespace, done: tuple[Any, int],
          as_json: Callable[[Any, bool], dict[str, Any]],
          as_lines: Callable[..., list[str]]) -> int:
    """A deposit command's plan printed, as JSON or as its report's lines; 0, or the code
    ``on_workspace`` gave a refusal (said in words already: 2)."""
    plan, code = done
    if code:
        return code
    if args.json:
        print(json.dumps(as_json(plan, args.dry_run), ensure_ascii=False, indent=1))
    else:
        for line in as_lines(plan, dry_run=args.dry_run):
            print(line)
    return 0


# -- a receipt, a refund ---------------------------------------------------------------------


def _move(args: argparse.Namespace) -> int:
    """0 when written (or, dry run, it would be); 2 when refused or not found (said)."""
    from app.cli import on_workspace

    on = args.on or date.today()
    receipt = args.command == "deposit-receive"

    def work(workspace: Any) -> Any:
        from services.contracts import find_contract
        from services.deposits import (
            post_receipt,
            post_refund,
            rehearse_receipt,
            rehearse_refund,
        )

        with workspace.reading() as session:
            contract_id = find_contract(session, args.contract).id
            if args.dry_run and receipt:
                return rehearse_receipt(session, contract_id, args.amount, on, args.payment)
            if args.dry_run:
                return rehearse_refund(session, contract_id, args.amount, on)
        if receipt:
            return post_receipt(workspace, contract_id, args.amount, on, args.payment)
        return post_refund(workspace, contract_id, args.amount, on)

    return _said(args, on_workspace(args.workspace, work), move_json, move_report)


def move_report(plan: Any, currency: str = "", dry_run: bool = False) -> list[str]:
    """What the receipt or refund writes (``services.deposits.MovementPlan``), then what was
    written."""
    from views.deposit_text import money_text, movement_plan_lines

    head = (translate("DepositsCli", "Refunding {amount} of {contract}'s deposit on {on}:")
            if plan.kind == "refunded" else
            translate("DepositsCli", "Receiving {amount} into {contract}'s deposit on {on}:"))
    lines = [head.format(amount=money_text(plan.amount, currency), contract=plan.code,
                         on=plan.on.isoformat())]
    lines += [f"  {line}" for line in movement_plan_lines(plan, currency)]
    if dry_run:
        lines.append(translate("DepositsCli", "Dry run: nothing was written."))
    else:
        lines.append(translate("DepositsCli", "Written, the movement: {id}").format(
            id=plan.movement_id))
    return lines


def move_json(plan: Any, dry_run: bool = False) -> dict[str, Any]:
    """The receipt or refund as data: amounts as text (exact), ids as text."""
    paid = plan.payment
    return {"contract": plan.code, "kind": plan.kind, "amount": str(plan.amount),
            "on": plan.on.isoformat(), "agreed": str(plan.agreed), "held": str(plan.holds),
            "held_after": str(plan.holds_after), "dry_run": dry_run,
            "payment": None if paid is None else {
                "id": str(paid.id), "received_on": paid.received_on.isoformat(),
                "amount": str(paid.amount), "payer": paid.payer, "holds": str(paid.holds),
                "holds_after": str(plan.payment_after)},
            "written": None if dry_run or plan.movement_id is None else str(plan.movement_id)}


# -- a settlement ----------------------------------------------------------------------------


def _settle(args: argparse.Namespace) -> int:
    """0 when posted (or, dry run, it would be); 2 when refused or not found (said)."""
    from app.cli import on_workspace

    on = args.on or date.today()

    def work(workspace: Any) -> Any:
        from services.contracts import find_contract
        from services.deposits import rehearse_settlement, settle_termination

        with workspace.reading() as session:
            contract_id = find_contract(session, args.contract).id
            if args.dry_run:
                return rehearse_settlement(session, contract_id, on)
        return settle_termination(workspace, contract_id, on)

    return _said(args, on_workspace(args.workspace, work), settlement_json, settlement_report)


def settlement_report(plan: Any, dry_run: bool = False) -> list[str]:
    """The settlement's sentences and its bills, as the Settle dialog says them (figures
    bare), then whether it was written."""
    from views.contract_text import amount_text
    from views.deposit_text import money_text, settlement_lines, settlement_rows
    from views.terminal_text import pad, width

    on = plan.settlement.on.isoformat()
    head = (translate("DepositsCli", "Settling {contract} on {on}:") if dry_run else
            translate("DepositsCli", "Settled {contract} on {on}:"))
    lines = [head.format(contract=plan.code, on=on)]
    lines += [f"  {line}" for line in settlement_lines(plan, money_text)]
    rows = [(number, charge, due, amount_text(open_amount), amount_text(paid))
            for _id, number, charge, due, open_amount, paid in settlement_rows(plan)]
    if rows:
        titles = (translate("SettlementDialog", "Bill"), translate("SettlementDialog", "Charge"),
                  translate("SettlementDialog", "Due"), translate("SettlementDialog", "Open"),
                  translate("SettlementDialog", "Deposit applied"))
        widths = [max(width(r[i]) for r in (titles, *rows)) for i in range(5)]
        for row in (titles, *rows):
            cells = [pad(text, widths[i], right=i >= 3) for i, text in enumerate(row)]
            lines.append(("  " + "  ".join(cells)).rstrip())
    if dry_run:
        lines.append(translate("DepositsCli", "Dry run: nothing was written."))
    else:
        lines.append(translate("DepositsCli", "Posted."))
    return lines


def settlement_json(plan: Any, dry_run: bool = False) -> dict[str, Any]:
    """The settlement as data: amounts as text (exact), ids as text, charges as codes."""
    from views.deposit_text import settlement_rows

    s = plan.settlement
    final = plan.final_bill
    charges = {i.bill_id: i.charge for i in s.open_items}
    return {"contract": plan.code, "on": s.on.isoformat(), "dry_run": dry_run,
            "bills": [{"bill": str(bill), "number": number,
                       "charge": charges.get(bill, final.charge if final else ""),
                       "due_on": due, "open": str(open_amount), "applied": str(paid)}
                      for bill, number, _charge, due, open_amount, paid
                      in settlement_rows(plan)],
            "late_fees": str(s.late_fees),
            "final_bill": None if final is None else {
                "id": str(final.id), "number": final.number, "amount": str(final.amount)},
            "deposit": str(s.deposit), "applied": str(sum((p.amount for p in s.applied),
                                                          Decimal("0.00"))),
            "carried": str(plan.carried), "refund": str(s.refund),
            "still_owed": str(s.still_owed), "written": not dry_run}
