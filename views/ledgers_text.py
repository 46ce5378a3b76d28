"""The three-ledger check in the reader's language: each difference's cause, and the line
that says it with the figures that find both sides.

``domain.billing.three_ledgers`` says why two ledgers disagree as a code with its figures
(ids, amounts, dates); the service adds the numbers and names a person finds things by
(contract code, bill number, tenant, payer, voucher) and the cause each is counted
under (``params["cause"]``: the domain's code, ``amount-differs-in-books`` for an amount
the books hold differently). Each cause has a title (:data:`CAUSES`) and a line
(:data:`LINES`), context ``LedgersText``, so the window and ``leasemap three-ledgers``
say them alike. Qt-free until Qt is loaded (``views.message_text.translate``). A cause
without words is said as its code and figures, never hidden.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from views.billing_text import bill_charge_text
from views.contract_text import amount_text, fill, raw_text
from views.message_text import translate

Template = Callable[[], str]

# What each cause is called, as the counts list them.
CAUSES: dict[str, Template] = {
    "leased-unit-no-bill": lambda: translate("LedgersText", "Leased, not billed"),
    "bill-no-contract": lambda: translate("LedgersText", "Bill with no contract"),
    "billed-after-end": lambda: translate("LedgersText", "Billed after the end date"),
    "bill-not-in-schedule": lambda: translate("LedgersText", "Bill not in the schedule"),
    "amount-differs": lambda: translate("LedgersText", "Billed ≠ schedule"),
    "deposit-not-received": lambda: translate("LedgersText", "Deposit not received"),
    "deposit-amount-differs": lambda: translate(
        "LedgersText", "Deposit amount differs from the contract"),
    "area-mismatch": lambda: translate("LedgersText", "Plan area ≠ contract area"),
    "unit-not-in-plan": lambda: translate("LedgersText", "Unit no longer in the plan"),
    "receipt-not-in-books": lambda: translate("LedgersText", "Receipt not in the books"),
    "bill-not-in-books": lambda: translate("LedgersText", "Bill not in the books"),
    "adjustment-not-in-books": lambda: translate("LedgersText", "Adjustment not in the books"),
    "allocation-not-in-books": lambda: translate("LedgersText", "Allocation not in the books"),
    "refund-not-in-books": lambda: translate("LedgersText", "Refund not in the books"),
    "deposit-received-not-in-books": lambda: translate(
        "LedgersText", "Deposit received, not in the books"),
    "deposit-applied-not-in-books": lambda: translate(
        "LedgersText", "Deposit applied, not in the books"),
    "deposit-refunded-not-in-books": lambda: translate(
        "LedgersText", "Deposit refunded, not in the books"),
    "amount-differs-in-books": lambda: translate("LedgersText", "Books hold another amount"),
    "entry-not-ours": lambda: translate("LedgersText", "In the books, not ours"),
    "deposit-not-ours": lambda: translate("LedgersText", "Deposit in the books, not ours"),
}

# Our anchor accounts (a difference's ``account`` of one of ours), as the books name them.
ACCOUNTS: dict[str, Template] = {
    "receivable": lambda: translate("LedgersText", "receivables"),
    "bank": lambda: translate("LedgersText", "bank"),
    "deposit": lambda: translate("LedgersText", "deposits held"),
}


def account_text(account: str) -> str:
    """A difference's account: one of ours ("receivable", "bank,deposit") in words, an
    account of the books (its own code and name) as the books give it."""
    names = account.split(",")
    if account and all(name in ACCOUNTS for name in names):
        return " / ".join(ACCOUNTS[name]() for name in names)
    return account


# Which two ledgers a difference is between (params["ledgers"]).
PAIRS: dict[str, Template] = {
    "contract/operations": lambda: translate("LedgersText", "contract ↔ operations"),
    "operations/finance": lambda: translate("LedgersText", "operations ↔ finance"),
}

# One line per difference. A key ``cause:case`` words one case of a cause (see _key).
LINES: dict[str, Template] = {
    "leased-unit-no-bill": lambda: translate(
        "LedgersText", "{contract_code} ({units}): {charge} {period_start} – {period_end}, "
        "{amount} due on {due_on}, has no bill"),
    "bill-no-contract": lambda: translate(
        "LedgersText", "bill {bill_number} ({charge} {period_start} – {period_end}, "
        "{billed_amount}) names no signed contract of the park"),
    "billed-after-end": lambda: translate(
        "LedgersText", "bill {bill_number} bills {period_start} – {period_end}, after "
        "{contract_code} ended on {contract_ends_on}"),
    "bill-not-in-schedule": lambda: translate(
        "LedgersText", "bill {bill_number}: {contract_code}'s schedule has no {charge} period "
        "from {period_start}"),
    "amount-differs": lambda: translate(
        "LedgersText", "bill {bill_number} bills {billed_amount} for {period_start} – "
        "{period_end}; the schedule says {due_amount} (difference {difference})"),
    "area-mismatch": lambda: translate(
        "LedgersText", "{contract_code} lets {unit_code} at {contract_area} m²; the plan says "
        "{plan_area} m² (difference {difference} m²)"),
    "unit-not-in-plan": lambda: translate(
        "LedgersText", "{contract_code} lets {unit_code} ({contract_area} m²), a unit the "
        "plan no longer has"),
    "receipt-not-in-books": lambda: translate(
        "LedgersText", "receipt of {amount} on {on} from {payer}: no entry in the books "
        "({reference})"),
    "bill-not-in-books": lambda: translate(
        "LedgersText", "bill {number} of {amount} posted on {on}: no entry in the books "
        "({reference})"),
    "adjustment-not-in-books": lambda: translate(
        "LedgersText", "adjustment {number} of {amount} posted on {on}: no entry in the books "
        "({reference})"),
    "allocation-not-in-books": lambda: translate(
        "LedgersText", "{payer}'s payment allocated to {number} on {on} ({amount} on "
        "receivables): no entry in the books ({reference})"),
    "allocation-not-in-books:reversal": lambda: translate(
        "LedgersText", "allocation to {number} reversed on {on} ({amount} on receivables): "
        "no entry in the books ({reference})"),
    "refund-not-in-books": lambda: translate(
        "LedgersText", "refund to {payer} on {on} ({amount} from the bank): no entry in the "
        "books ({reference})"),
    "amount-differs-in-books": lambda: translate(
        "LedgersText", "{reference} on {on}: {amount} here, {books_amount} in the books "
        "(voucher {vouchers}; difference {difference})"),
    "entry-not-ours": lambda: translate(
        "LedgersText", "voucher {vouchers} of {books_on}, account {account}: {books_amount} "
        "{customer}, no entry of ours has it"),
    "entry-not-ours:reference-unknown": lambda: translate(
        "LedgersText", "voucher {vouchers} of {books_on}, account {account}: {books_amount} "
        "names {reference}, which is not ours on that account"),
    "deposit-not-received": lambda: translate(
        "LedgersText", "{contract_code} ({units}): the deposit of {due_amount} due on "
        "{due_on} was not received"),
    "deposit-amount-differs": lambda: translate(
        "LedgersText", "{contract_code}: {received_amount} received as its deposit; the "
        "contract says {due_amount} (difference {difference})"),
    "deposit-amount-differs:carried": lambda: translate(
        "LedgersText", "{contract_code}: {received_amount} received as its deposit, "
        "{carried_amount} of it carried from {carried_from_code}; the contract says "
        "{due_amount} (difference {difference})"),
    "deposit-received-not-in-books": lambda: translate(
        "LedgersText", "deposit of {deposit_amount} received for {contract_code} on {on}: "
        "no entry on {accounts} in the books ({reference})"),
    "deposit-applied-not-in-books": lambda: translate(
        "LedgersText", "{deposit_amount} of {contract_code}'s deposit applied to "
        "{bill_number} on {on}: no entry on {accounts} in the books ({reference})"),
    "deposit-refunded-not-in-books": lambda: translate(
        "LedgersText", "{deposit_amount} of {contract_code}'s deposit refunded on {on}: no "
        "entry on {accounts} in the books ({reference})"),
    "deposit-not-ours": lambda: translate(
        "LedgersText", "voucher {vouchers} of {books_on}, account {account}: a deposit of "
        "{books_amount} {customer} that none of ours has"),
    "deposit-not-ours:reference-unknown": lambda: translate(
        "LedgersText", "voucher {vouchers} of {books_on}, account {account}: a deposit of "
        "{books_amount} naming {reference}, which is not ours on that account"),
}

# The figures a table shows for a difference: ours, and the other side's.
AMOUNTS = ("amount", "billed_amount", "due_amount", "books_amount", "difference",
           "deposit_amount", "received_amount", "carried_amount")


def cause_of(params: Mapping[str, str], code: str = "") -> str:
    return params.get("cause") or code


def cause_text(cause: str) -> str:
    """A cause's title (its code when it has none)."""
    maker = CAUSES.get(cause)
    return maker() if maker is not None else cause


def pair_text(ledgers: str) -> str:
    maker = PAIRS.get(ledgers)
    return maker() if maker is not None else ledgers


def _key(cause: str, params: Mapping[str, str]) -> str:
    if cause in ("entry-not-ours", "deposit-not-ours") and (
            params.get("why") == "reference-unknown"):
        return f"{cause}:reference-unknown"
    if cause == "allocation-not-in-books" and not params.get("amount", "").startswith("-"):
        return f"{cause}:reversal"  # a reversal puts money back on receivables
    if cause == "deposit-amount-differs" and params.get("carried_amount"):
        return f"{cause}:carried"  # part of it came from the contract renewed
    return cause


def shown(params: Mapping[str, str]) -> dict[str, str]:
    """The figures as a person reads them: amounts with separators, charges in words,
    a tenant, payer or customer that is not known said as such."""
    out = dict(params)
    for name in AMOUNTS:
        if out.get(name):
            out[name] = amount_text(out[name])
    if out.get("charge"):
        out["charge"] = bill_charge_text(out["charge"])
    for name in ("payer", "customer"):
        if name in out and not out[name]:
            out[name] = translate("LedgersText", "(no name)")
    if out.get("carried_amount") and not out.get("carried_from_code"):
        out["carried_from_code"] = translate("LedgersText", "the contract renewed")
    if out.get("kind") and out.get("account"):  # one of ours: its anchor accounts, named
        names = out["account"].split(",")
        if all(name in ACCOUNTS for name in names):
            out["accounts"] = " / ".join(ACCOUNTS[name]() for name in names)
    return out


def difference_text(difference: Any) -> str:
    """A difference (``code``, ``params``) in words, with its figures."""
    params = dict(difference.params)
    cause = cause_of(params, difference.code)
    maker = LINES.get(_key(cause, params)) or LINES.get(cause)
    filled = None if maker is None else fill(maker(), shown(params))
    return filled if filled is not None else raw_text(difference.code, params)


# Our entries that wait for the books, by what each is (the domain's ``awaiting_books``).
AWAITING: dict[str, Template] = {
    "bill": lambda: translate("LedgersText", "bills {n}"),
    "adjustment": lambda: translate("LedgersText", "adjustments {n}"),
    "receipt": lambda: translate("LedgersText", "receipts {n}"),
    "allocation": lambda: translate("LedgersText", "allocations {n}"),
    "refund": lambda: translate("LedgersText", "refunds {n}"),
    "deposit-received": lambda: translate("LedgersText", "deposits received {n}"),
    "deposit-applied": lambda: translate("LedgersText", "deposits applied {n}"),
    "deposit-refunded": lambda: translate("LedgersText", "deposits refunded {n}"),
}


def no_books_text(awaiting: Mapping[str, int]) -> str:
    """What a check without books says (the window above its table, the CLI after its
    summary): that the books were not compared, and how many of ours wait for them."""
    said = translate("LedgersText", "The books are not imported yet: the contract and "
                                    "operations ledgers are compared; import the accounting "
                                    "system's posted entries to compare the books.")
    total = sum(awaiting.values())
    if total:
        order = {what: n for n, what in enumerate(AWAITING)}
        parts = []
        for what, n in sorted(awaiting.items(), key=lambda kv: order.get(kv[0], len(order))):
            maker = AWAITING.get(what)
            parts.append(maker().format(n=f"{n:,}") if maker is not None
                         else f"{what} {n:,}")
        comma = translate("LedgersText", ", ")  # 、 between the parts in Chinese
        said += "\n" + translate("LedgersText", "{n} entries of ours await the books: {parts}."
                                 ).format(n=f"{total:,}", parts=comma.join(parts))
    return said
