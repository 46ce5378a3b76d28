"""What collections says to a person: tiers, each point off a credit score, the notes on
signals that cost nothing, and each action, in the reader's language.

Every code of ``domain.billing.credit`` (:class:`CreditReason`, :class:`CreditNote`) and
``domain.billing.collections`` (:class:`ActionKind`, the tiers, the forms) has one
template here; the collections window and its tests say them through these functions,
and an unknown code is said as itself with its figures, never dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from views.contract_text import amount_text
from views.message_text import translate

Template = Callable[[], str]

TIERS: dict[str, Template] = {
    "low": lambda: translate("Collections", "Low risk"),
    "medium": lambda: translate("Collections", "Medium risk"),
    "high": lambda: translate("Collections", "High risk"),
    "critical": lambda: translate("Collections", "Critical"),
}
TIER_COLOURS = {"low": "#2e7d32", "medium": "#b26a00", "high": "#c62828", "critical": "#7b1fa2"}

REASONS: dict[str, Template] = {
    "overdue": lambda: translate(
        "Collections", "The oldest bill still open, due {due_on}, is {days} days overdue: "
        "1 point per {days_per_point} days, at most {cap}"),
    "late-payments": lambda: translate(
        "Collections", "{count} bills paid after their due date since {since} (the latest "
        "{max_days_late} days late): {each} points each, at most {cap}"),
    "court": lambda: translate(
        "Collections", "Court case from {on}: {note} (counts until {until})"),
    "tax": lambda: translate(
        "Collections", "Tax notice from {on}: {note} (counts until {until})"),
    "floor": lambda: translate(
        "Collections", "The score stops at 0 ({points_off} points off in all)"),
}

NOTES: dict[str, Template] = {
    "signal-ended": lambda: translate(
        "Collections", "{kind} from {on} ({note}) ended on {until}: it no longer counts"),
    "signal-not-yet": lambda: translate(
        "Collections", "{kind} from {on} ({note}) counts from that day"),
    "signal-other-kind": lambda: translate(
        "Collections", "{kind} from {on} ({note}): noted; only court and tax signals cost "
        "points"),
    "signal-unreadable": lambda: translate(
        "Collections", "A stored signal cannot be read: {entry}"),
}

ACTIONS: dict[str, Template] = {
    "bill_early": lambda: translate("Collections", "Bill 7 days earlier"),
    "reminder_letter": lambda: translate("Collections", "Reminder letter (PDF)"),
    "call": lambda: translate("Collections", "Call within 1 working day"),
    "renewal_frozen": lambda: translate("Collections", "Renewal frozen"),
    "formal_notice": lambda: translate("Collections", "Formal notice"),
    "deposit_warning": lambda: translate("Collections", "Deposit warning"),
    "legal_review": lambda: translate("Collections", "Legal review"),
    "termination": lambda: translate("Collections", "Start termination"),
    "site_check": lambda: translate("Collections", "Site check within 48 h"),
}

FORMS: dict[str, Template] = {
    "flag": lambda: translate("Collections", "Flag"),
    "task": lambda: translate("Collections", "Task"),
}

# The kinds a person picks for a signal (others may be typed and are kept as typed).
SIGNAL_KINDS: dict[str, Template] = {
    "court": lambda: translate("Collections", "Court case"),
    "tax": lambda: translate("Collections", "Tax notice"),
    "news": lambda: translate("Collections", "Other news"),
}


def _said(table: Mapping[str, Template], code: str, params: Mapping[str, str]) -> str:
    template = table.get(code)
    figures = dict(params)
    for key in ("kind",):
        if key in figures:
            figures[key] = signal_kind_text(figures[key])
    if "note" in figures and not figures["note"]:
        figures["note"] = "—"
    if template is not None:
        try:
            return template().format_map(figures)
        except (KeyError, IndexError, ValueError):
            pass
    shown = ", ".join(f"{k}={v}" for k, v in params.items())
    return f"{code} ({shown})" if shown else code


def tier_text(tier: Any) -> str:
    code = getattr(tier, "value", tier)
    template = TIERS.get(str(code))
    return template() if template is not None else str(code)


def reason_text(reason: Any) -> str:
    """A point off (``CreditReason``) in words, without its points."""
    return _said(REASONS, reason.code, reason.params)


def points_text(points: int) -> str:
    """Points off as the card shows them: −18; points given back: +5."""
    return f"−{points}" if points > 0 else f"+{-points}" if points < 0 else "0"


def note_text(note: Any) -> str:
    """A signal that cost nothing (``CreditNote``) in words."""
    return _said(NOTES, note.code, note.params)


def action_text(kind: Any) -> str:
    code = str(getattr(kind, "value", kind))
    template = ACTIONS.get(code)
    return template() if template is not None else code


def form_text(form: Any) -> str:
    code = str(getattr(form, "value", form))
    template = FORMS.get(code)
    return template() if template is not None else code


def signal_kind_text(kind: str) -> str:
    """A signal's kind as typed, in words when it is one the editor offers."""
    template = SIGNAL_KINDS.get(kind.strip().lower())
    return template() if template is not None else kind


def action_state_text(action: Any, on: date) -> str:
    """Open (due, or late by some days), done on a day, or ended with its tier."""
    if action.ended_on is not None:
        return translate("Collections", "Ended {day}: the tier was left").format(
            day=action.ended_on.isoformat())
    if action.done_on is not None:
        return translate("Collections", "Done {day}").format(day=action.done_on.isoformat())
    if action.due_on is None:
        return translate("Collections", "Holds while the tier does")
    late = (on - action.due_on).days
    if late > 0:
        return translate("Collections", "Open, {days} days late").format(days=late)
    return translate("Collections", "Open, due {day}").format(day=action.due_on.isoformat())


def no_action_text(tier: Any) -> str:
    """Why a tenant's actions list is empty: a low-risk tenant needs none (SPEC §5: a normal
    bill, no one to act); for a worse tier (whose actions opening the window raises) the
    list is said to be empty, with the tier."""
    code = str(getattr(tier, "value", tier))
    if code == "low":
        return translate("Collections", "Low risk: no action. Bills go out as usual and no "
                                        "one needs to call.")
    return translate("Collections", "{tier}: no action is listed for this tenant.").format(
        tier=tier_text(tier))


def score_line(credit: Any) -> str:
    """The card's head: the score, its tier, what is overdue."""
    said = translate("Collections", "Score {score} of 100 · {tier}").format(
        score=credit.score.score, tier=tier_text(credit.tier))
    if credit.overdue > 0:
        said += " · " + translate("Collections", "{amount} overdue since {day}").format(
            amount=amount_text(credit.overdue), day=credit.oldest_due_on.isoformat())
    return said


def renewal_frozen_text(params: Mapping[str, str]) -> str:
    """The renewal advice's ``renewal-frozen`` reason (``domain.leasing.renewal``)."""
    return translate("Collections", "Renewal is frozen: the tenant's credit is {tier}.").format(
        tier=tier_text(params.get("tier", "")).lower())
