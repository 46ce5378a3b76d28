"""Payments in the reader's language: matching's reasons, a statement's skipped rows, the
fields of a column mapping, a refused allocation.

``domain.billing.matching`` says why a payment went where it went as reason codes with
their figures (``Reason``: the points each part scored, the bills it named); the bank
statement reader says why a row is not a receipt (``SkippedRow``); the payments service
refuses an allocation with the ledger's own problem code. Each code has one translatable
template here (context ``PaymentText``), so the window's import dialog, its queue and
``leasemap bank-import`` say them alike. Qt-free until Qt is loaded (an English command
loads no Qt: ``views.message_text.translate``). A code without words is said as its code
and figures, never hidden.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from domain.leasing.schedule import Reason
from views.contract_text import amount_text, fill, raw_text
from views.message_text import message_text, translate

Template = Callable[[], str]

# What matching concluded for a payment (domain.billing.matching.Outcome's values).
OUTCOMES: dict[str, Template] = {
    "auto": lambda: translate("PaymentText", "allocated automatically"),
    "proposed": lambda: translate("PaymentText", "to confirm"),
    "unmatched": lambda: translate("PaymentText", "unmatched"),
}

# Matching's reasons. A key ``code:case`` is a wording of the code for one case (see
# ``_reason_key``): one bill rather than several, a reason given without its figures (the
# reasons a proposal was not allocated automatically name the code alone).
REASONS: dict[str, Template] = {
    # who paid
    "payer-name": lambda: translate("PaymentText", "the payer is {name}, the tenant's name"),
    "payer-alias": lambda: translate(
        "PaymentText", "the payer is {alias}, a name confirmed for the tenant"),
    "payer-shared": lambda: translate(
        "PaymentText", "the payer {payer} is the name of {tenants} tenants"),
    "payer-short-name": lambda: translate(
        "PaymentText", "the payer is {name}, the tenant's short name"),
    "payer-similar": lambda: translate(
        "PaymentText", "the payer {payer} is like {name} ({similarity} of their character "
        "pairs in common)"),
    "payer-differs": lambda: translate(
        "PaymentText", "the payer {payer} is not the tenant's name"),
    "payer-unknown": lambda: translate("PaymentText", "the payer {payer} is no tenant's name"),
    "payer-not-exact": lambda: translate(
        "PaymentText", "the payer is neither the tenant's name nor a name confirmed for it"),
    # what the remarks say
    "names-bill": lambda: translate("PaymentText", "the remarks name bill {bills}"),
    "names-contract": lambda: translate("PaymentText", "the remarks name contract {contracts}"),
    "names-other-contract": lambda: translate(
        "PaymentText", "the remarks also name {contract}, another tenant's contract"),
    "names-other-contract:bare": lambda: translate(
        "PaymentText", "the remarks name another tenant's contract"),
    "names-bill-not-open": lambda: translate(
        "PaymentText", "the remarks name bill {bill}, which is not open (paid already?)"),
    "names-bill-not-open:bare": lambda: translate(
        "PaymentText", "the remarks name a bill that is not open"),
    "no-reference": lambda: translate("PaymentText", "the remarks name no bill and no contract"),
    # how much
    "amount-exact": lambda: translate("PaymentText", "the amount pays {bills} bills exactly"),
    "amount-exact:one": lambda: translate("PaymentText", "the amount pays the bill exactly"),
    "amount-under": lambda: translate(
        "PaymentText", "{short} short of the bill's {expected}"),
    "amount-partial": lambda: translate(
        "PaymentText", "pays {bills} bills whole and {bill} in part ({left} left on it)"),
    "amount-partial:one": lambda: translate(
        "PaymentText", "pays one bill whole and {bill} in part ({left} left on it)"),
    "amount-over": lambda: translate(
        "PaymentText", "pays {bills} bills whole, with {remainder} over"),
    "amount-over:one": lambda: translate(
        "PaymentText", "pays the bill whole, with {remainder} over"),
    "no-open-items": lambda: translate(
        "PaymentText", "the tenant has no open bill: {remainder} has nowhere to go"),
    "amount-only": lambda: translate(
        "PaymentText", "only the amount: {amount} is exactly what this tenant owes on a bill"),
    "amount-only:bare": lambda: translate(
        "PaymentText", "only the amount points at a tenant"),
    "amount-not-exact": lambda: translate(
        "PaymentText", "the amount does not pay whole bills exactly"),
    "amount-not-positive": lambda: translate(
        "PaymentText", "the amount {amount} is not above zero"),
    "amount-matches-many": lambda: translate(
        "PaymentText", "{tenants} tenants owe exactly this amount"),
    "amount-matches-none": lambda: translate("PaymentText", "no open bill is of {amount}"),
    "several-candidates": lambda: translate(
        "PaymentText", "{count} tenants may have paid it"),
}

# Rows of a bank statement that are not receipts (importers.bank_statement.SkippedRow).
SKIPS: dict[str, Template] = {
    "bank-row-debit": lambda: translate("PaymentText", "row {line}: paid out {amount}, not a "
                                                       "receipt"),
    "bank-row-date": lambda: translate("PaymentText", "row {line}: cannot read the date "
                                                      "“{value}”"),
    "bank-row-date:bare": lambda: translate("PaymentText", "row {line}: no date"),
    "bank-row-amount": lambda: translate(
        "PaymentText", "row {line}: cannot read the amount “{value}” ({column})"),
    "bank-row-amount:bare": lambda: translate("PaymentText", "row {line}: no amount"),
    "bank-row-zero": lambda: translate("PaymentText", "row {line}: an amount of 0"),
    "bank-row-cents": lambda: translate(
        "PaymentText", "row {line}: the amount {value} has a fraction of a cent"),
    "bank-row-two-amounts": lambda: translate(
        "PaymentText", "row {line}: both a debit ({debit}) and a credit ({credit})"),
    "bank-row-direction": lambda: translate(
        "PaymentText", "row {line}: cannot read the debit/credit flag “{value}”"),
}

# The fields a statement's columns are read into (importers.bank_statement.FIELDS).
FIELD_NAMES: dict[str, Template] = {
    "booked_on": lambda: translate("PaymentText", "Date"),
    "amount": lambda: translate("PaymentText", "Amount (signed: received > 0)"),
    "credit": lambda: translate("PaymentText", "Received (credit)"),
    "debit": lambda: translate("PaymentText", "Paid out (debit)"),
    "direction": lambda: translate("PaymentText", "Debit/credit flag"),
    "payer": lambda: translate("PaymentText", "Payer"),
    "payer_account": lambda: translate("PaymentText", "Payer's account"),
    "remarks": lambda: translate("PaymentText", "Remarks"),
    "reference": lambda: translate("PaymentText", "Bank reference"),
    "balance": lambda: translate("PaymentText", "Balance"),
    "currency": lambda: translate("PaymentText", "Currency"),
}

# Why the ledger refused a person's allocation (domain.billing.balances.Problem codes, as
# services.payments.allocate_payment raises them in ``problem``).
REFUSALS: dict[str, Template] = {
    "balance-negative": lambda: translate(
        "PaymentText", "bill {bill} asks {lines}: {allocated} allocated to it in all would pay "
        "{over} too much"),
    "beyond-payment": lambda: translate(
        "PaymentText", "the payment has {unallocated} left: a part of {amount} is more than "
        "it holds"),
    "allocation-negative": lambda: translate(
        "PaymentText", "an amount allocated to a bill cannot be below 0.00"),
    "unknown-bill": lambda: translate("PaymentText", "a bill allocated to was not found"),
    "not-cents": lambda: translate("PaymentText", "amounts are in cents, not {amount}"),
}

_MONEY = frozenset({"amount", "expected", "short", "left", "remainder", "lines", "allocated",
                    "unallocated", "over", "holds", "debit", "credit"})


def _figure(value: str) -> str:
    return amount_text(value) if value else value


def _percent(value: str) -> str:
    """``0.80`` → ``80%`` (a similarity, 0–1 to two places)."""
    try:
        number = Decimal(value) * 100
    except (InvalidOperation, ValueError):
        return value
    return f"{number.normalize():f}%"


def outcome_text(outcome: Any) -> str:
    """AUTO, PROPOSED or UNMATCHED (an ``Outcome`` or its value) in words."""
    value = str(getattr(outcome, "value", outcome))
    maker = OUTCOMES.get(value)
    return maker() if maker is not None else value


def _reason_key(reason: Reason) -> str:
    code, params = reason.code, reason.params
    if not params and f"{code}:bare" in REASONS:
        return f"{code}:bare"
    if code in ("amount-exact", "amount-over") and params.get("bills") == "1":
        return f"{code}:one"
    if code == "amount-partial" and params.get("bills") == "1":
        return f"{code}:one"
    return code


def reason_text(reason: Reason) -> str:
    """One of matching's reasons, with its figures as the reader reads them."""
    params = {k: (_figure(v) if k in _MONEY else v) for k, v in reason.params.items()}
    if "similarity" in params:
        params["similarity"] = _percent(params["similarity"])
    maker = REASONS.get(_reason_key(reason))
    filled = None if maker is None else fill(maker(), params)
    return filled if filled is not None else raw_text(reason.code, dict(reason.params))


def points_of(reason: Reason) -> int | None:
    """The points a reason scored toward the confidence (None: it scores none)."""
    try:
        return int(reason.params["points"])
    except (KeyError, ValueError):
        return None


def reason_line(reason: Reason) -> str:
    """``+50  the payer is …``: the points a reason scored, then why (no points: why)."""
    points = points_of(reason)
    if points is None:
        return reason_text(reason)
    return translate("PaymentText", "{points}  {reason}").replace(
        "{points}", f"+{points}").replace("{reason}", reason_text(reason))


def reasons_text(reasons: Iterable[Reason]) -> str:
    return translate("PaymentText", "; ").join(reason_text(r) for r in reasons)


def skipped_text(row: Any) -> str:
    """A statement's row that is not a receipt (``SkippedRow``), and why."""
    params = {k: str(v) for k, v in dict(row.params).items()}
    params.setdefault("line", str(row.line))
    if row.code in ("bank-row-debit",) and "amount" in params:
        params["amount"] = _figure(params["amount"])
    key = row.code
    if row.code in ("bank-row-date", "bank-row-amount") and not params.get("value"):
        key = f"{row.code}:bare"
    maker = SKIPS.get(key)
    filled = None if maker is None else fill(maker(), params)
    return filled if filled is not None else (row.message or raw_text(row.code, params))


def field_text(name: str) -> str:
    """A statement's field, as the column mapping names it."""
    maker = FIELD_NAMES.get(name)
    return maker() if maker is not None else name


def fields_text(names: Iterable[str]) -> str:
    return translate("PaymentText", ", ").join(field_text(n) for n in names)


def bank_error_text(error: Any) -> str:
    """A statement that cannot be read (``BankStatementError``), its fields named in the
    reader's words."""
    params = {k: str(v) for k, v in dict(getattr(error, "params", {}) or {}).items()}
    if getattr(error, "code", "") == "bank-statement-columns-missing" and params.get("fields"):
        params["labels"] = fields_text(f.strip() for f in params["fields"].split(","))
        return message_text({"code": error.code, "params": params, "message": str(error)})
    return message_text(error)


def refusal_text(error: Any, bill_numbers: Mapping[str, str] | None = None) -> str:
    """A refused payment, allocation or refund (``PaymentRefused``) in words; a bill the
    ledger names by its id is named by its number when ``bill_numbers`` (id → number) has
    it."""
    code = getattr(error, "code", "")
    params = {k: str(v) for k, v in dict(getattr(error, "params", {}) or {}).items()}
    if code == "no-tenant":
        return translate("PaymentText", "The tenant was not found")
    if code != "allocation-refused":
        for key in ("amount", "holds"):
            if key in params:
                params[key] = _figure(params[key])
        return message_text({"code": code, "params": params, "message": str(error)})
    problem = params.get("problem", "")
    if problem == "balance-negative":
        params["over"] = str(-Decimal(params.get("balance", "0") or "0"))
        bill = params.get("bill", "")
        params["bill"] = (bill_numbers or {}).get(bill, bill)
    said = {k: (_figure(v) if k in _MONEY else v) for k, v in params.items()}
    maker = REFUSALS.get(problem)
    filled = None if maker is None else fill(maker(), said)
    if filled is None:
        return message_text(error)
    return translate("PaymentText", "The allocation is refused: {why}").replace(
        "{why}", filled)
