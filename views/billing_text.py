"""What billing says to a person: why a run skipped something, in the reader's language.

Each code of ``domain.billing.bills.Skip`` has one template here; the CLI and
the billing window both say a skip through :func:`skip_text`.
"""

from __future__ import annotations

from typing import Any

from views.message_text import translate

SKIPS = {
    "draft": lambda: translate("Billing", "{contract}: a draft, not billed"),
    "schedule-problem": lambda: translate(
        "Billing", "{contract}: not billed, its schedule cannot be computed ({problem})"),
    "nothing-due": lambda: translate(
        "Billing", "{contract}: no period of it starts from {from} to {to}"),
    "rent-free": lambda: translate(
        "Billing", "{contract}: {charge} from {period_start} is rent-free (0.00), not billed"),
}


def skip_text(skip: Any) -> str:
    """A skip in words: its contract, why, and its figures."""
    template = SKIPS.get(skip.code)
    params = {"contract": skip.contract_code, **skip.params}
    if "charge" in params:
        from views.contract_text import charge_text

        params["charge"] = charge_text(params["charge"])
    if template is None:
        return f"{skip.contract_code}: {skip.code}"
    try:
        return template().format_map(params)
    except (KeyError, IndexError):
        return f"{skip.contract_code}: {skip.code} {skip.params}"
