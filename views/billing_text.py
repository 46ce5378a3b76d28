"""What billing says to a person: why a run skipped something, in the reader's language.

Each code of ``domain.billing.bills.Skip`` has one template here; the CLI and
the billing window both say a skip through :func:`skip_text`. Utility bills
(``domain.billing.utility_bills``) add their skips, their notes (a spike) and
their lines' reasons, each code with its template, in one block.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from domain.billing.utility_bills import note_key
from views.message_text import joined, translate

SKIPS = {
    "draft": lambda: translate("Billing", "{contract}: a draft, not billed"),
    "schedule-problem": lambda: translate(
        "Billing", "{contract}: not billed, its schedule cannot be computed ({problem})"),
    "nothing-due": lambda: translate(
        "Billing", "{contract}: no period of it starts from {from} to {to}"),
    "rent-free": lambda: translate(
        "Billing", "{contract}: {charge} from {period_start} is rent-free (0.00), not billed"),
}


# -- utilities (domain.billing.utility_bills): skips, notes, a line's reasons -----------------

SKIPS.update({
    "reading-missing": lambda: translate(
        "Billing", "{contract}: {utility} for {unit} in {month} not billed: no reading "
        "closing the month on {meter} (run the same period again once it is read)"),
    "no-tariff": lambda: translate(
        "Billing", "{contract}: {utility} for {unit} in {month} not billed: no tariff in "
        "force on {meter}"),
    "tariff-register": lambda: translate(
        "Billing", "{contract}: {utility} for {unit} in {month} not billed: tariff {tariff} "
        "has no price for meter {meter}'s {register} register"),
    "reading-flag": lambda: translate(
        "Billing", "{contract}: {utility} for {unit} in {month} not billed: {meter} needs "
        "checking ({flag})"),
    "vacant-use": lambda: translate(
        "Billing", "{unit}: {quantity} {measure} of {utility} in {month} ({amount}) used on "
        "{days} of {of_days} days nobody held it: the landlord's, not billed"),
})
_FIGURE = re.compile(r"-?\d+(\.\d+)?")
_LONG = re.compile(r"(?<![\d.])\d{4,}(\.\d+)?")  # a figure of thousands in a text

NOTES = {  # a utility bill's notes: billed as read, for a person to check (not provisional)
    "utility-spike": lambda: translate(
        "Billing", "Meter {meter} of {unit} used {times}× its usual: {per_day} a day from "
        "{previous_on} to {on}, usually {median}; billed as read — check the reading"),
}
INFO_NOTES = {  # a utility bill's notes that only inform: nothing to check, nothing follows
    "utility-caught-up": lambda: translate(
        "Billing", "Caught up: {contract} amended from {effective_on} (version {version}) "
        "after {month} was billed, so its {utility} for {month} is billed now"),
    "utility-left-out": lambda: translate(
        "Billing", "{unit} takes no share of meter {meter}'s shared {utility} in {month}: "
        "not connected ({why})"),
}
LINE_REASONS = {
    "utility-reading": lambda: translate(
        "Billing", "Meter {meter} ({register}): {from} on {from_on} to {to} on {to_on}, "
        "{dial} on the dial"),
    "utility-multiplier": lambda: translate(
        "Billing", "× {multiplier}, meter {meter}'s multiplier"),
    "utility-rollover": lambda: translate(
        "Billing", "The dial turned past {rollover_at} between {previous_on} and {on}"),
    "utility-replacement": lambda: translate(
        "Billing", "Meter replaced on {on}: the old one's final {previous}, the new one's "
        "initial {value}"),
    "utility-installed": lambda: translate("Billing", "Installed on {on} at {value}"),
    "utility-removed": lambda: translate("Billing", "Removed on {on}"),
    "utility-flat": lambda: translate(
        "Billing", "{quantity} {measure} at {price} ({tariff}, flat): {amount}"),
    "utility-tier": lambda: translate(
        "Billing", "Band {band} ({from}–{up_to} {measure}): {quantity} {measure} at {price} "
        "({tariff}, tiered): {amount}"),
    "utility-tier-top": lambda: translate(
        "Billing", "Band {band} (over {from} {measure}): {quantity} {measure} at {price} "
        "({tariff}, tiered): {amount}"),
    "utility-tou": lambda: translate(
        "Billing", "{register}: {quantity} {measure} at {price} ({tariff}, time of use): "
        "{amount}"),
    "utility-tariff-days": lambda: translate(
        "Billing", "That price from {from} to {to}: {days} of the {of_days} days' use"),
    "utility-shared": lambda: translate(
        "Billing", "Meter {meter}: {main_use} {measure}, its sub meters {subs} (common areas "
        "{common}): {shared} {measure} shared"),
    "utility-share": lambda: translate(
        "Billing", "This unit's share by {basis}: {weight} of {denominator} → {quantity} "
        "{measure}, {amount} of the shared charge {charge} ({tariff}: {prices})"),
    "utility-held": lambda: translate(
        "Billing", "Held {days} of {of_days} days ({from} to {to}): {quantity} of {whole} "
        "{measure}, {amount} of {whole_amount}"),
    # an adjustment's "changed": what was entered after the month was billed
    "utility-late-tariff": lambda: translate(
        "Billing", "Tariff {tariff}: a version from {valid_from} entered after this month "
        "was billed"),
    "utility-late-tariff-archived": lambda: translate(
        "Billing", "Tariff {tariff}: its version from {valid_from} archived after this month "
        "was billed"),
    "utility-late-amendment": lambda: translate(
        "Billing", "{contract} amended from {effective_on} (version {version}) after this "
        "month was billed"),
    "utility-late-termination": lambda: translate(
        "Billing", "{contract} terminated on {terminated_on} after this month was billed: "
        "the days after it are not its"),
    "utility-late-meter-tariff": lambda: translate(
        "Billing", "Meter {meter} moved from tariff {was} to {tariff} after this month was "
        "billed"),
    "utility-late-meter-tariff-set": lambda: translate(  # the bill did not price it before
        "Billing", "Meter {meter} set to tariff {tariff} after this month was billed"),
    "utility-late-meter-tariff-none": lambda: translate(
        "Billing", "Meter {meter} taken off tariff {was} after this month was billed: no "
        "tariff prices it now"),
}
UTILITY_WORDS = {  # in a sentence
    "electricity": lambda: translate("Billing", "electricity"),
    "water": lambda: translate("Billing", "water"),
    "gas": lambda: translate("Billing", "gas"),
    "heat": lambda: translate("Billing", "heat"),
}
BILL_CHARGES = {  # a bill's charge, as a column shows it
    "electricity": lambda: translate("Billing", "Electricity"),
    "water": lambda: translate("Billing", "Water"),
    "gas": lambda: translate("Billing", "Gas"),
    "heat": lambda: translate("Billing", "Heat"),
    "late_fee": lambda: translate("Billing", "Late fee"),
    "deposit": lambda: translate("Billing", "Deposit"),
}
REGISTER_WORDS = {
    "total": lambda: translate("Billing", "total"),
    "sharp": lambda: translate("Billing", "sharp"),
    "peak": lambda: translate("Billing", "peak"),
    "flat": lambda: translate("Billing", "flat"),
    "valley": lambda: translate("Billing", "valley"),
}
BASIS_WORDS = {
    "area": lambda: translate("Billing", "area"),
    "floor": lambda: translate("Billing", "floor"),
    "headcount": lambda: translate("Billing", "headcount"),
    "weights": lambda: translate("Billing", "agreed weights"),
}
FLAG_WORDS = {
    "negative": lambda: translate("Billing", "a reading below the one before"),
    "off-dial": lambda: translate("Billing", "a reading off the dial"),
    "initial-missing": lambda: translate("Billing", "no initial reading of the new meter"),
    "initial-without-final": lambda: translate("Billing", "no final reading of the old meter"),
    "negative-shared": lambda: translate("Billing", "its sub meters measured more than it"),
    "no-basis": lambda: translate("Billing", "the shares' weights add up to 0"),
    "unit-without-basis": lambda: translate("Billing", "a unit under it has no weight"),
    "cannot-price": lambda: translate("Billing", "its shared use cannot be priced"),
    "basis-unreadable": lambda: translate("Billing", "its basis cannot be read"),
}


def _word(table: dict[str, Any], code: str) -> str:
    maker = table.get(code)
    return maker() if maker is not None else code


# A utility line's figures (readings, use, amounts, weights): grouped by thousands when
# said, as the windows show figures ("30,688.000 kWh"); counts, days and versions are not.
FIGURES = frozenset({"measure", "quantity", "amount", "price", "from", "to", "value", "whole",
                     "whole_amount", "weight", "up_to", "subs", "shared", "previous", "per_day",
                     "median", "main_use", "denominator", "common", "dial", "rollover_at",
                     "charge"})  # a share's shared charge (a charge code is not a figure)


def grouped_figure(text: str) -> str:
    """``30688.000`` → ``30,688.000``, ``155.44/3319.06`` → ``155.44/3,319.06``, every digit
    kept; anything that is not a plain figure (a date, a code) as it is."""
    parts = text.split("/")
    if not all(_FIGURE.fullmatch(p) for p in parts):
        return text
    return "/".join(f"{Decimal(p):,}" for p in parts)


def _utility_params(params: dict[str, str]) -> dict[str, str]:
    """A utility skip's, note's or line's figures with their codes said in words, and its
    figures grouped by thousands."""
    out = dict(params)
    for key in FIGURES.intersection(out):
        if isinstance(out[key], str):
            out[key] = grouped_figure(out[key])
    for key, table in (("utility", UTILITY_WORDS), ("register", REGISTER_WORDS),
                       ("basis", BASIS_WORDS), ("flag", FLAG_WORDS)):
        if key in out:
            out[key] = _word(table, out[key])
    if "prices" in out:  # "peak 100 × 1.35; valley 40 × 0.45": each register said
        out["prices"] = "; ".join(
            " ".join([_word(REGISTER_WORDS, head), rest]) if rest else head
            for head, _, rest in (p.partition(" ") for p in out["prices"].split("; ")))
        out["prices"] = _LONG.sub(lambda m: f"{Decimal(m.group()):,}", out["prices"])
    more = out.get("more", "0")
    if "meter" in out and more.isdigit() and int(more) > 0:  # the first few, and how many more
        out["meter"] = translate("Billing", "{meter} and {more} more").format(
            meter=out["meter"], more=f"{int(more):,}")
    return out


def skip_meters(skip: Any) -> list[str]:
    """Every meter a utility skip names (its words name the first few), by code."""
    every = skip.params.get("meters")
    if every:
        return every.split("\n")
    return [m for m in skip.params.get("meter", "").split(", ") if m]


def is_check_note(note: Any) -> bool:
    """A utility bill's note (a spike): billed as read for a person to check, not a bill
    whose correction follows as rent's provisional notes say (``note_key``, the domain's)."""
    return note_key(note.code) == "check"


def is_info_note(note: Any) -> bool:
    """A utility bill's note that only informs (a month caught up, a unit left out of a
    公摊): neither provisional nor to check."""
    return note_key(note.code) == "info"


def is_provisional_note(note: Any) -> bool:
    """Rent's note that a correction follows (a CPI year, a sales month)."""
    return note_key(note.code) == "provisional"


def _left_out_why(reasons: str) -> str:
    """A left-out note's reasons ("<removed|not-installed> <day> <meter>" a line) in words,
    as the 公摊 statement says them (``views.meter_text.left_out_text``)."""
    said = []
    for line in reasons.split("\n"):
        code, _, rest = line.partition(" ")
        on, _, meter = rest.partition(" ")
        if not meter:
            continue
        if code == "not-installed":
            said.append(translate("Meters", "its meter {meter} installed only on {on}")
                        .format(meter=meter, on=on))
        else:
            said.append(translate("Meters", "its meter {meter} removed on {on}")
                        .format(meter=meter, on=on))
    return joined(said)


def bill_charge_text(code: str) -> str:
    """A bill's charge: a utility's, a late fee's or a deposit's name, else the schedule's."""
    if code in BILL_CHARGES:
        return BILL_CHARGES[code]()
    from views.contract_text import charge_text

    return charge_text(code)


def note_words(note: Any) -> str | None:
    """A utility bill's note (a spike) in words; None for a note of another kind."""
    maker = NOTES.get(note.code) or INFO_NOTES.get(note.code)
    if maker is None:
        return None
    params = _utility_params(dict(note.params))
    if "reasons" in params:
        params["why"] = _left_out_why(params["reasons"])
    try:
        return maker().format_map(params)
    except (KeyError, IndexError, ValueError):
        return None


def line_reason_text(code: str, params: dict[str, str]) -> str | None:
    """A utility bill line's reason in words; None for a code of another kind."""
    if code == "utility-tier" and not params.get("up_to"):
        code = "utility-tier-top"
    elif code == "utility-late-meter-tariff" and not params.get("was"):
        code = "utility-late-meter-tariff-set"
    elif code == "utility-late-meter-tariff" and not params.get("tariff"):
        code = "utility-late-meter-tariff-none"
    maker = LINE_REASONS.get(code)
    if maker is None:
        return None
    try:
        return maker().format_map(_utility_params(params))
    except (KeyError, IndexError, ValueError):
        return None


def skip_text(skip: Any) -> str:
    """A skip in words: its contract, why, and its figures."""
    template = SKIPS.get(skip.code)
    params = {"contract": skip.contract_code, **_utility_params(dict(skip.params))}
    if "charge" in params:
        from views.contract_text import charge_text

        params["charge"] = charge_text(params["charge"])
    if template is None:
        return f"{skip.contract_code}: {skip.code}"
    try:
        return template().format_map(params)
    except (KeyError, IndexError):
        return f"{skip.contract_code}: {skip.code} {skip.params}"
