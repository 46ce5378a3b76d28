"""A late-fee bill line in words: which bill was overdue, since when, for how many days at
what rate, and what this line adds to the fees billed on it before.

A late-fee bill (``domain.billing.late_fees``) has a line per overdue bill; its
explanation holds the figures (``overdue``, ``due_on``, ``days``, ``rate_per_day``,
``capped``, ``accrued``, ``posted_before``) and one reason, ``late-fee``, naming the bill.
Without these words a clerk reads the reason's code and its raw parameters.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from views.message_text import translate

LATE_FEE = "late-fee"


def _above_zero(text: str) -> bool:
    try:
        return Decimal(text) > 0
    except InvalidOperation:
        return False


def late_fee_text(reason: Mapping[str, Any], line: Mapping[str, Any]) -> str | None:
    """The line's reason said: ``reason`` is the ``late-fee`` reason's params (bill, days,
    rate), ``line`` the line's explanation; None when a figure the words need is missing."""
    from views.contract_text import amount_text, fraction_percent

    figures = {str(k): str(v) for k, v in line.items() if isinstance(v, str | int)}
    figures.update({str(k): str(v) for k, v in reason.items()})
    for name in ("overdue", "accrued", "posted_before"):
        if figures.get(name):
            figures[name] = amount_text(figures[name])
    if figures.get("rate"):
        figures["rate"] = fraction_percent(figures["rate"])
    if figures.get("capped") == "yes":
        template = translate(
            "Billing", "Late fee on {bill}: {overdue} overdue since {due_on}, {days} days at "
            "{rate} % a day, capped at the amount overdue: {accrued}")
    else:
        template = translate(
            "Billing", "Late fee on {bill}: {overdue} overdue since {due_on}, {days} days at "
            "{rate} % a day: {accrued}")
    try:
        said = template.format_map(figures)
        if _above_zero(str(line.get("posted_before", ""))):
            said += translate("Billing", "; {posted_before} of it billed before").format_map(
                figures)
    except (KeyError, IndexError, ValueError):
        return None
    return said
