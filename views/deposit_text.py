"""A renewal's deposit carry in the reader's language (押金转入续租合同).

``domain.billing.deposits.plan_carry`` says what a renewal carries of the deposit the
renewed contract holds, as reasons with their figures; here each reason has a line
(context ``DepositText``), so the renewal dialog says before signing what the service
will write: the deposit carried to the new contract, the top-up still due on it, what
stays on the old contract for its settlement. Qt-free until Qt is loaded
(``views.message_text.translate``); a reason without words is said as its code and
figures, never hidden.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from domain.billing.deposits import Carry
from views.contract_text import amount_text, fill, raw_text
from views.labels import currency_name
from views.message_text import translate

Template = Callable[[], str]

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
    unit = currency_name(currency) if currency else ""

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
