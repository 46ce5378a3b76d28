"""A contract's deposit in the reader's language: a renewal's carry (押金转入续租合同), what
is held of what was agreed, each movement, and a reversal rehearsed.

``domain.billing.deposits.plan_carry`` says what a renewal carries of the deposit the
renewed contract holds, as reasons with their figures; here each reason has a line
(context ``DepositText``), so the renewal dialog says before signing what the service
will write: the deposit carried to the new contract, the top-up still due on it, what
stays on the old contract for its settlement. ``services.deposits.rehearse_reversal``
says a reversal the same way (each side undone, the payment given its money back, the
bill opened again): the window's Reverse dialog and ``leasemap deposit-reverse`` say it
alike. :func:`held_text` is what the deposit holds of what was agreed and where the rest
went, for the terminate dialog and the contract's Deposit tab. Qt-free until Qt is
loaded (``views.message_text.translate``); a reason without words is said as its code
and figures, never hidden.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from domain.billing.deposits import Carry, DepositMove, signed_amount
from views.billing_text import bill_charge_text
from views.contract_text import amount_text, fill, raw_text
from views.message_text import translate

Template = Callable[[], str]
ZERO = Decimal("0.00")

LINES: dict[str, Template] = {
    "carried": lambda: translate("DepositText", "Deposit {amount} carried to {new}"),
    "top-up-due": lambda: translate("DepositText", "top-up {amount} due"),
    "stays": lambda: translate("DepositText", "{amount} stays on {old} for its settlement"),
    "nothing-held": lambda: translate(
        "DepositText", "{old} holds no deposit to carry: {new}'s deposit of {asked} is due "
        "in full"),
    "nothing-asked": lambda: translate("DepositText", "{new} asks no deposit"),
    "other-tenant": lambda: translate(
        "DepositText", "{new} is another tenant's: nothing of {old}'s deposit is carried"),
    "deposit-due": lambda: translate("DepositText", "{new}'s deposit of {amount} is due in full"),
}


def carry_text(carry: Carry, old: str, new: str, currency: str = "") -> str:
    """One line for the rehearsal: "Deposit 30,000.00 CNY carried to HT-2; top-up
    6,000.00 CNY due", or what stays on the old contract; "" when there is no deposit."""
    unit = _currency_name(currency)

    def money(text: str) -> str:
        return f"{amount_text(text)} {unit}".strip()

    parts = []
    for reason in carry.reasons:
        params: Mapping[str, str] = {
            **{k: money(v) for k, v in reason.params.items()}, "old": old,
            "new": new or "…"}
        template = LINES.get(reason.code)
        said = fill(template(), params) if template is not None else None
        parts.append(said if said is not None else raw_text(reason.code, reason.params))
    return translate("DepositText", "; ").join(parts)


# -- the deposit held, its movements -----------------------------------------------------

KINDS: dict[str, Template] = {
    "received": lambda: translate("DepositText", "Received"),
    "applied": lambda: translate("DepositText", "Applied to a bill"),
    "refunded": lambda: translate("DepositText", "Refunded"),
    "carried_out": lambda: translate("DepositText", "Carried to the renewal"),
    "carried_in": lambda: translate("DepositText", "Carried from the contract renewed"),
    "reversed": lambda: translate("DepositText", "Reversal"),
}

# What a kind moved, net of its reversals, as the held line lists it (received first).
MOVED: dict[str, Template] = {
    "received": lambda: translate("DepositText", "{amount} received"),
    "carried_in": lambda: translate("DepositText", "{amount} carried from {other}"),
    "applied": lambda: translate("DepositText", "{amount} applied to bills"),
    "refunded": lambda: translate("DepositText", "{amount} refunded"),
    "carried_out": lambda: translate("DepositText", "{amount} carried to {other}"),
}


def kind_text(kind: str) -> str:
    maker = KINDS.get(kind)
    return maker() if maker is not None else kind


def money_text(amount: Decimal | str, currency: str = "") -> str:
    """``25,080.00 CNY`` (元 in Chinese); the amount alone without a currency."""
    return f"{amount_text(amount)} {_currency_name(currency)}".strip()


def _currency_name(currency: str) -> str:
    """The currency as people write it; none asked (the CLI's figures), no Qt loaded."""
    if not currency:
        return ""
    from views.labels import currency_name  # QtCore: the window's words

    return currency_name(currency)


def held_text(held: Decimal, agreed: Decimal, moved: Iterable[tuple[str, str, Decimal]],
              currency: str = "") -> str:
    """What the deposit holds: the amount alone when it is what the contract agreed and only
    receipts moved it; else "held 4,920.00 CNY of 25,080.00 CNY agreed; 30,000.00 CNY
    received; 25,080.00 CNY carried to HT-2" (``moved``: kind, the other contract of a
    carry, net amount, as ``services.deposits.DepositStatement.moved``)."""
    moved = list(moved)
    if held == agreed and all(kind == "received" for kind, _other, _amount in moved):
        return money_text(held, currency)
    order = list(MOVED)
    parts = [translate("DepositText", "held {held} of {agreed} agreed").format(
        held=money_text(held, currency), agreed=money_text(agreed, currency))]
    for kind, other, amount in sorted(moved, key=lambda m: order.index(m[0])
                                      if m[0] in order else len(order)):
        template = MOVED.get(kind)
        params = {"amount": money_text(amount, currency), "other": other or "…"}
        said = fill(template(), params) if template is not None else None
        parts.append(said if said is not None else raw_text(kind, {"amount": str(amount)}))
    return translate("DepositText", "; ").join(parts)


def movement_effect(line: Any) -> Decimal:
    """What a movement did to the deposit held: + in, − out (a reversal, the opposite of
    what it reverses)."""
    return signed_amount(DepositMove(line.kind, line.amount, line.on, line.reverses_kind))


def movement_about(line: Any, lines: Sequence[Any] = ()) -> str:
    """What a movement (``services.deposits.MovementLine``) concerns: the other contract of
    a carry, the bill applied to, the payment received out of, the movement a reversal
    undoes (found among ``lines``)."""
    if line.kind == "reversed":
        source = next((x for x in lines if x.id == line.reverses_id), None)
        if source is None:
            return translate("DepositText", "reverses a movement not listed")
        return translate("DepositText", "reverses: {kind} of {on}").format(
            kind=kind_text(source.kind), on=source.on.isoformat())
    if line.kind == "carried_out" and line.counterpart:
        return translate("DepositText", "to {other}").format(other=line.counterpart)
    if line.kind == "carried_in" and line.counterpart:
        return translate("DepositText", "from {other}").format(other=line.counterpart)
    if line.bill:
        return translate("DepositText", "bill {bill}").format(bill=line.bill)
    if line.payer:
        return translate("DepositText", "out of {payer}'s payment").format(payer=line.payer)
    return ""


def undone_text(line: Any, currency: str = "") -> str:
    """Whether reversals undid the movement: "reversed", or how much of it; "" when not."""
    if not line.undone:
        return ""
    if line.undone >= line.amount:
        return translate("DepositText", "reversed")
    return translate("DepositText", "{amount} reversed").format(
        amount=money_text(line.undone, currency))


# -- a reversal rehearsed ----------------------------------------------------------------

REVERSAL: dict[str, Template] = {
    "undo-received": lambda: translate(
        "DepositText", "The deposit of {amount} received on {on} is reversed: {contract} "
        "holds {after} (now {holds})"),
    "undo-applied": lambda: translate(
        "DepositText", "{amount} of {contract}'s deposit applied on {on} is reversed: it "
        "holds {after} (now {holds})"),
    "undo-refunded": lambda: translate(
        "DepositText", "The refund of {amount} on {on} is reversed: {contract}'s deposit "
        "holds {after} (now {holds})"),
    "undo-carry": lambda: translate(
        "DepositText", "The carry of {amount} from {old} to {new} on {on} is reversed on "
        "both contracts: {old} holds {old_after} (now {old_holds}), {new} holds "
        "{new_after} (now {new_holds})"),
    "payment-back": lambda: translate(
        "DepositText", "{payer}'s payment of {paid} on {paid_on} gets {amount} back, to "
        "allocate again"),
    "bill-reopens": lambda: translate("DepositText", "Bill {bill} is open again for {amount}"),
}

_AMOUNTS = ("amount", "holds", "after", "old_holds", "old_after", "new_holds", "new_after",
            "paid")


def reversal_lines(reasons: Iterable[Any], currency: str = "") -> list[str]:
    """A reversal rehearsed (``services.deposits.ReversalPlan.reasons``), one line each."""
    out = []
    for reason in reasons:
        params = {k: money_text(v, currency) if k in _AMOUNTS else v
                  for k, v in reason.params.items()}
        if "payer" in params and not params["payer"]:
            params["payer"] = translate("DepositText", "(no name)")
        template = REVERSAL.get(reason.code)
        said = fill(template(), params) if template is not None else None
        out.append(said if said is not None else raw_text(reason.code, reason.params))
    return out


# -- a receipt or a refund rehearsed -----------------------------------------------------


def payment_choice_text(payment: Any, currency: str = "") -> str:
    """A payment a deposit may be received out of (``services.deposits.PaymentHolding``),
    as a list offers it: "2026-03-02 · 25,080.00 CNY · 上海云帆… · holds 25,080.00 CNY"."""
    payer = payment.payer or translate("DepositText", "(no name)")
    return translate("DepositText", "{on} · {amount} · {payer} · holds {holds}").format(
        on=payment.received_on.isoformat(), amount=money_text(payment.amount, currency),
        payer=payer, holds=money_text(payment.holds, currency))


def movement_plan_lines(plan: Any, currency: str = "") -> list[str]:
    """A receipt or a refund rehearsed (``services.deposits.MovementPlan``), one line each:
    what the deposit holds before → after, and the payment a receipt comes out of with
    what it then holds for the payments queue (or that no payment's money changes)."""
    lines = [translate("DepositText", "held {holds} → {after} ({agreed} agreed)").format(
        holds=money_text(plan.holds, currency), after=money_text(plan.holds_after, currency),
        agreed=money_text(plan.agreed, currency))]
    if plan.kind == "refunded":
        lines.append(translate("DepositText", "{amount} paid back to the tenant").format(
            amount=money_text(plan.amount, currency)))
    elif plan.payment is None:
        lines.append(translate("DepositText", "not out of a payment entered here: no "
                                              "payment's money changes"))
    else:
        paid = plan.payment
        lines.append(translate(
            "DepositText", "from {payer}'s payment of {paid} on {paid_on}, which then holds "
            "{left} for the payments queue").format(
            payer=paid.payer or translate("DepositText", "(no name)"),
            paid=money_text(paid.amount, currency), paid_on=paid.received_on.isoformat(),
            left=money_text(plan.payment_after, currency)))
    return lines


# -- a settlement rehearsed --------------------------------------------------------------


def settlement_lines(plan: Any, money: Callable[[Decimal], str]) -> list[str]:
    """A settlement (``services.deposits.SettlementPlan``) in sentences: debts, late fees,
    the deposit, applied, the rest; ``money`` says an amount (the window names the
    currency, the CLI prints the bare figure). The Settle dialog and ``leasemap settle``
    say it alike."""
    s = plan.settlement
    bills = sum((i.amount for i in s.open_items), ZERO)
    applied = sum((p.amount for p in s.applied), ZERO)
    lines = [_put(translate("SettlementDialog", "Open bills: %1, %2 still owed."),
                  f"{len(s.open_items):,}", money(bills))]
    if plan.final_bill is not None:
        lines.append(_put(translate(
            "SettlementDialog", "Late fees accrued to %1: %2, billed on a final bill (%3)."),
            s.on.isoformat(), money(s.late_fees), plan.final_bill.number))
    else:
        lines.append(_put(translate("SettlementDialog", "No late fee accrued to %1."),
                          s.on.isoformat()))
    lines.append(_put(translate("SettlementDialog",
                                "Deposit held: %1; applied to the bills: %2."),
                      money(s.deposit), money(applied)))
    if plan.carried > 0:
        lines.append(_put(translate("SettlementDialog",
                                    "Carried to the renewal before, not held: %1."),
                          money(plan.carried)))
    if s.refund > 0:
        lines.append(_put(translate("SettlementDialog", "To refund to the tenant: %1."),
                          money(s.refund)))
    if s.still_owed > 0:
        lines.append(_put(translate("SettlementDialog",
                                    "Still owed once the deposit is applied: %1."),
                          money(s.still_owed)))
    if s.refund <= 0 and s.still_owed <= 0:
        lines.append(translate("SettlementDialog",
                               "Nothing is refunded and nothing is left owed."))
    return lines


def _put(template: str, *values: str) -> str:
    """A Qt-style template (%1, %2 …) filled, as the windows fill theirs."""
    for n, value in enumerate(values, 1):
        template = template.replace(f"%{n}", value)
    return template


def settlement_rows(plan: Any) -> list[tuple[Any, str, str, str, Decimal, Decimal]]:
    """Each bill settled: its id, number, charge (in words), due date, open amount and the
    deposit applied to it; the final bill of the late fees last."""
    s = plan.settlement
    applied: dict[Any, Decimal] = {}
    for part in s.applied:
        applied[part.bill_id] = applied.get(part.bill_id, ZERO) + part.amount
    out = [(i.bill_id, i.number, bill_charge_text(i.charge), i.due_on.isoformat(), i.amount,
            applied.get(i.bill_id, ZERO)) for i in s.open_items]
    final = plan.final_bill
    if final is not None:
        out.append((final.id, final.number, translate("SettlementDialog", "Late fees to the day"),
                    final.due_on.isoformat(), final.amount,
                    applied.get(final.id, ZERO)))
    return out
