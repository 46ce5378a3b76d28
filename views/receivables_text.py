"""What the receivables reports say to a person, in the reader's language.

The receivables window, ``leasemap ageing`` and the Excel workbook's words all
come from here, so the three say the same things: the ageing columns, the risk
tiers, every credit reason and note with its figures, and the collection rate's
line. No Qt at import (``views.message_text.translate``): an English command
never loads it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from domain.billing.ageing import Bucket
from domain.billing.credit import Tier
from domain.money import money, round_to
from views.message_text import translate

CONTEXT = "Receivables"  # every string below is written out as translate("Receivables", …):
# lupdate finds only literal contexts and texts


BUCKETS: dict[Bucket, Callable[[], str]] = {
    Bucket.NOT_DUE: lambda: translate("Receivables", "Not yet due"),
    Bucket.DAYS_0_30: lambda: translate("Receivables", "0–30 days"),
    Bucket.DAYS_31_60: lambda: translate("Receivables", "31–60 days"),
    Bucket.DAYS_61_90: lambda: translate("Receivables", "61–90 days"),
    Bucket.OVER_90: lambda: translate("Receivables", "Over 90 days"),
}
TIERS: dict[Tier, Callable[[], str]] = {
    Tier.LOW: lambda: translate("Receivables", "Low risk"),
    Tier.MEDIUM: lambda: translate("Receivables", "Medium risk"),
    Tier.HIGH: lambda: translate("Receivables", "High risk"),
    Tier.CRITICAL: lambda: translate("Receivables", "Critical"),
}
# Points off, by the reason's code (domain.billing.credit.CreditReason); {points} is the
# points off, the rest the reason's own figures.
REASONS: dict[str, Callable[[], str]] = {
    "overdue": lambda: translate(
        "Receivables", "−{points}: the oldest overdue bill is {days} days past its due date "
        "({due_on}); 1 point per {days_per_point} days, at most {cap}"),
    "late-payments": lambda: translate(
        "Receivables", "−{points}: {count} bills paid after their due date since {since} "
        "(at most {max_days_late} days late); {each} points each, at most {cap}"),
    "court": lambda: translate(
        "Receivables", "−{points}: court case of {on}, counted to {until}: {note}"),
    "tax": lambda: translate(
        "Receivables", "−{points}: tax notice of {on}, counted to {until}: {note}"),
    "floor": lambda: translate("Receivables", "+{points}: a score stops at {floor}"),
}
NOTES: dict[str, Callable[[], str]] = {
    "signal-ended": lambda: translate(
        "Receivables", "{kind} of {on} ({note}) ended on {until}: no points"),
    "signal-not-yet": lambda: translate(
        "Receivables", "{kind} of {on} ({note}) counts from that day: no points yet"),
    "signal-other-kind": lambda: translate(
        "Receivables", "{kind} of {on} ({note}) is noted: no points for its kind"),
    "signal-unreadable": lambda: translate(
        "Receivables", "A credit signal could not be read: {entry}"),
}


def bucket_text(bucket: Bucket) -> str:
    return BUCKETS[bucket]()


def tier_text(tier: Tier | str) -> str:
    try:
        return TIERS[Tier(tier)]()
    except ValueError:
        return str(tier)


def amount_figure(value: Decimal | None) -> str:
    """``12,540.00``: an amount to the cent, half up; empty for none."""
    return "" if value is None else f"{money(value):,}"


def rate_text(value: Decimal | None) -> str:
    """A rate (0–1) as a percent to one place; "—" for no rate (nothing billed)."""
    return "—" if value is None else f"{round_to(value * 100, 1)}%"


def _say(table: Mapping[str, Callable[[], str]], code: str, params: Mapping[str, Any]) -> str:
    template = table.get(code)
    if template is None:
        return f"{code} {dict(params)}"
    try:
        return template().format_map(dict(params))
    except (KeyError, IndexError, ValueError):
        return f"{code} {dict(params)}"


def credit_reason_text(reason: Any) -> str:
    """A point off (or given back) and why, with its figures."""
    params = {**reason.params, "points": str(abs(reason.points))}
    if "floor" not in params:
        params["floor"] = "0"
    return _say(REASONS, reason.code, params)


def credit_note_text(note: Any) -> str:
    """A signal that cost nothing, and why."""
    params = {"on": "", "kind": "", "note": "", "until": "", "entry": "", **note.params}
    return _say(NOTES, note.code, params)


def credit_text(score: Any) -> str:
    """``85 · Low risk``: a score and its tier."""
    return translate("Receivables", "%1 · %2").replace("%1", str(score.score)).replace(
        "%2", tier_text(score.tier))


def credit_tip(score: Any) -> str:
    """Every reason behind a score, one a line, then the notes; "no points off" when none."""
    head = translate("Receivables", "Credit score %1 of 100 on %2: %3").replace(
        "%1", str(score.score)).replace("%2", score.on.isoformat()).replace(
        "%3", tier_text(score.tier))
    lines = [head]
    lines += [credit_reason_text(r) for r in score.reasons]
    if not score.reasons:
        lines.append(translate("Receivables", "No points off"))
    lines += [credit_note_text(n) for n in score.notes]
    return "\n".join(lines)


def collection_text(rate: Any, currency: str = "",
                    money: Callable[[Decimal], str] | None = None) -> str:
    """The collection rate's line: the bills counted, by when, and how much came in;
    ``money`` says an amount (default: the figure and the currency's code)."""
    said = translate("Receivables",
                     "Collection rate %1: %2 of %3 collected by %4 (bills due %5 – %6)")
    if rate.rate is None:
        said = translate("Receivables", "Collection rate: no bills due %5 – %6")
    unit = f" {currency}" if currency else ""
    say = money or (lambda amount: amount_figure(amount) + unit)
    return (said.replace("%1", rate_text(rate.rate))
            .replace("%2", say(rate.collected))
            .replace("%3", say(rate.billed))
            .replace("%4", rate.as_of.isoformat())
            .replace("%5", rate.start.isoformat())
            .replace("%6", rate.end.isoformat()))


# The headings the window and the command line share (the workbook's are in app.cli_ageing).
def tenant_word() -> str:
    return translate("Receivables", "Tenant")


def contracts_word() -> str:
    return translate("Receivables", "Contracts")


def contract_word() -> str:
    return translate("Receivables", "Contract")


def building_word() -> str:
    return translate("Receivables", "Building")


def several_buildings_word() -> str:
    return translate("Receivables", "Several buildings")


def overdue_word() -> str:
    return translate("Receivables", "Overdue")


def total_word() -> str:
    return translate("Receivables", "Total open")


def bills_word() -> str:
    return translate("Receivables", "Bills")


def bill_numbers_word() -> str:
    return translate("Receivables", "Bill numbers")


def credit_word() -> str:
    return translate("Receivables", "Credit")


def oldest_due_word() -> str:
    return translate("Receivables", "Oldest due")


def days_overdue_word() -> str:
    return translate("Receivables", "Days overdue")


def amount_word() -> str:
    return translate("Receivables", "Amount")


def park_word() -> str:
    return translate("Receivables", "Park")


def title_text(park: str, on: str, currency: str) -> str:
    """The report's title: the park, the day, the currency."""
    return translate("Receivables", "%1: receivables ageing as of %2 (%3)").replace(
        "%1", park).replace("%2", on).replace("%3", currency)
