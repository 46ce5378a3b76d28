"""A tenant's credit score and risk tier (SPEC §5 collections), every point off explained.

The score starts at ``base`` (100) and loses points, each for a reason the
tenant's card shows (the figures are :class:`CreditParams`' defaults):

- **overdue**: 1 point per whole 3 days the oldest overdue bill is past its due
  date, at most 60 (2 days overdue costs nothing; 180 days or more costs 60). So
  days alone take a tenant who stops paying to medium risk after about seven weeks
  and to high risk after four months (123 days), as a 90+ ageing bucket warrants;
  a cap of 30, tried first, left a tenant owing nine months at medium risk;
- **late payments**: 3 points per bill settled after its due date in the last
  12 months (settled on a day after ``on`` minus 12 months, up to ``on``), at
  most 30. A bill still open is not a late payment: its days overdue count;
- **court** signals: 15 points each, **tax** signals 10 each, entered by hand
  on the tenant (``tenants.credit_signals``). A signal counts from its day to
  its end date, both included: the ``until`` it names, or else 24 months
  (court) or 12 months (tax) after its day. Signals of another kind (a rating
  change, news) cost nothing and are listed as notes, as are ended, future
  and unreadable ones, so the card can say why they did not count.

The score never goes below 0: when the points off add up to more than the
base, a last ``floor`` reason gives the excess back (its points are
negative), so the reasons always add up to ``base - score``.

Tiers: 85–100 low, 60–84 medium, 40–59 high, 0–39 critical.

>>> import uuid
>>> facts = CreditFacts(uuid.UUID(int=1), oldest_due_on=date(2026, 2, 20),
...                     signals=(CreditSignal(date(2026, 1, 5), "tax", "欠税公告"),))
>>> score = credit_score(facts, date(2026, 4, 1))
>>> score.score, score.tier.value, [(r.code, r.points) for r in score.reasons]
(77, 'medium', [('overdue', 13), ('tax', 10)])

Forty days overdue cost 40 // 3 = 13 points. A tenant who has paid nothing for 287 days
(no late payment, no signal) loses the cap, 60, by days alone:

>>> stopped = credit_score(CreditFacts(uuid.UUID(int=2), oldest_due_on=date(2025, 6, 18)),
...                        date(2026, 4, 1))
>>> stopped.score, stopped.tier.value
(40, 'high')
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from operator import itemgetter
from typing import Any

from domain.billing.ageing import BillDue, Receipt, days_overdue, id_key
from domain.leasing.schedule import add_months
from domain.money import ZERO, to_decimal

Id = uuid.UUID


class Tier(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


@dataclass(frozen=True)
class CreditParams:
    """Every figure of the formula, in one place (module docstring)."""

    base: int = 100
    overdue_days_per_point: int = 3
    overdue_cap: int = 60
    late_points: int = 3
    late_cap: int = 30
    late_months: int = 12
    late_grace_days: int = 0  # a bill settled this many days late or fewer is not late
    court_points: int = 15
    court_months: int = 24  # how long a court signal counts when it names no end
    tax_points: int = 10
    tax_months: int = 12
    # The signal kinds (as typed, compared lower-cased and trimmed) that cost points.
    court_kinds: frozenset[str] = frozenset({"court", "lawsuit", "诉讼", "法院"})
    tax_kinds: frozenset[str] = frozenset({"tax", "税务", "欠税"})
    low_from: int = 85  # a score this high or higher is low risk
    medium_from: int = 60
    high_from: int = 40  # below this: critical

    def __post_init__(self) -> None:
        counts = (self.base, self.overdue_days_per_point, self.overdue_cap, self.late_points,
                  self.late_cap, self.late_months, self.late_grace_days, self.court_points,
                  self.court_months, self.tax_points, self.tax_months)
        if any(x < 0 for x in counts) or self.overdue_days_per_point == 0:
            raise ValueError(f"credit parameters are zero or more (days per point above): "
                             f"{self}")
        if not 0 < self.high_from < self.medium_from < self.low_from <= self.base:
            raise ValueError(f"tiers need 0 < high < medium < low ≤ base: {self}")


DEFAULT = CreditParams()


@dataclass(frozen=True)
class CreditSignal:
    """A court case, a tax notice or other news about a tenant, entered by hand."""

    on: date
    kind: str
    note: str = ""
    until: date | None = None  # the last day it counts; None: the kind's default months


@dataclass(frozen=True)
class LatePayment:
    bill_id: Id
    due_on: date
    paid_on: date  # the day its allocations last reached what it billed
    days_late: int


@dataclass(frozen=True)
class CreditFacts:
    """What the score reads about one tenant on a day.

    ``oldest_due_on``: the due date of its oldest bill still open
    (``AgeingReport.oldest_overdue``); ``late_payments``: its payment record
    (:func:`late_payments`), any age, the score keeps the window's;
    ``unreadable``: stored signals that could not be read (:func:`signals_from_json`).
    """

    tenant_id: Id
    oldest_due_on: date | None = None
    late_payments: tuple[LatePayment, ...] = ()
    signals: tuple[CreditSignal, ...] = ()
    unreadable: tuple[str, ...] = ()


@dataclass(frozen=True)
class CreditReason:
    """Points off and why: a code (overdue | late-payments | court | tax | floor) and its
    figures as text. ``floor`` gives points back (negative) when the score would go below 0."""

    code: str
    points: int
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CreditNote:
    """Something the card shows that cost nothing: signal-ended | signal-not-yet |
    signal-other-kind | signal-unreadable."""

    code: str
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CreditScore:
    tenant_id: Id
    on: date
    score: int  # 0 to base
    tier: Tier
    reasons: tuple[CreditReason, ...]  # their points add up to base - score
    notes: tuple[CreditNote, ...] = ()


def tier_of(score: int, params: CreditParams = DEFAULT) -> Tier:
    """The risk tier of a score.

    >>> [tier_of(s).value for s in (85, 84, 60, 59, 40, 39)]
    ['low', 'medium', 'medium', 'high', 'high', 'critical']
    """
    if score >= params.low_from:
        return Tier.LOW
    if score >= params.medium_from:
        return Tier.MEDIUM
    if score >= params.high_from:
        return Tier.HIGH
    return Tier.CRITICAL


def credit_score(facts: CreditFacts, on: date, params: CreditParams = DEFAULT) -> CreditScore:
    """The tenant's score and tier on ``on``, with every point off as a reason."""
    reasons: list[CreditReason] = []
    notes: list[CreditNote] = []
    if facts.oldest_due_on is not None:
        days = days_overdue(facts.oldest_due_on, on)
        points = min(params.overdue_cap, max(days, 0) // params.overdue_days_per_point)
        if points:
            reasons.append(CreditReason("overdue", points, {
                "days": str(days), "due_on": facts.oldest_due_on.isoformat(),
                "days_per_point": str(params.overdue_days_per_point),
                "cap": str(params.overdue_cap)}))
    since = add_months(on, -params.late_months)
    late = sorted((x for x in facts.late_payments
                   if since < x.paid_on <= on and x.days_late > params.late_grace_days),
                  key=lambda x: (x.paid_on, id_key(x.bill_id)))
    points = min(params.late_cap, len(late) * params.late_points)
    if points:
        reasons.append(CreditReason("late-payments", points, {
            "count": str(len(late)), "since": since.isoformat(), "each": str(params.late_points),
            "cap": str(params.late_cap), "max_days_late": str(max(x.days_late for x in late)),
            "bills": ",".join(str(x.bill_id) for x in late)}))
    for signal in sorted(facts.signals, key=lambda s: (s.on, s.kind, s.note)):
        reason, note = _signal(signal, on, params)
        if reason is not None:
            reasons.append(reason)
        if note is not None:
            notes.append(note)
    notes.extend(CreditNote("signal-unreadable", {"entry": text}) for text in facts.unreadable)
    off = sum(r.points for r in reasons)
    if off > params.base:
        reasons.append(CreditReason("floor", params.base - off, {
            "points_off": str(off), "floor": "0"}))
    score = params.base - sum(r.points for r in reasons)
    return CreditScore(facts.tenant_id, on, score, tier_of(score, params), tuple(reasons),
                       tuple(notes))


def _signal(signal: CreditSignal, on: date, params: CreditParams
            ) -> tuple[CreditReason | None, CreditNote | None]:
    kind = signal.kind.strip().lower()
    about = {"on": signal.on.isoformat(), "kind": signal.kind, "note": signal.note}
    if kind in params.court_kinds:
        code, points, months = "court", params.court_points, params.court_months
    elif kind in params.tax_kinds:
        code, points, months = "tax", params.tax_points, params.tax_months
    else:
        return None, CreditNote("signal-other-kind", about)
    until = signal.until if signal.until is not None else add_months(signal.on, months)
    about["until"] = until.isoformat()
    if on < signal.on:
        return None, CreditNote("signal-not-yet", about)
    if on > until:
        return None, CreditNote("signal-ended", about)
    return CreditReason(code, points, about), None


# -- reading what is stored ----------------------------------------------------------------


def signals_from_json(stored: Iterable[Mapping[str, Any]] | None
                      ) -> tuple[tuple[CreditSignal, ...], tuple[str, ...]]:
    """The signals kept in ``tenants.credit_signals``, and the entries that could not be read.

    Each entry is ``{"on": ISO date, "kind": text, "note": text}`` as the schema
    says, with an optional ``"until"`` (ISO date, the last day it counts). An
    entry without a readable day or kind is returned as text, never dropped in silence.

    >>> signals_from_json([{"on": "2026-03-02", "kind": "court", "note": "案号 123"},
    ...                    {"kind": "tax"}])
    ((CreditSignal(on=datetime.date(2026, 3, 2), kind='court', note='案号 123', until=None),), \
("{'kind': 'tax'}",))
    """
    signals: list[CreditSignal] = []
    unreadable: list[str] = []
    for entry in stored or ():
        try:
            on = _day(entry["on"])
            kind = str(entry["kind"]).strip()
            until = entry.get("until")
            if not kind:
                raise ValueError("no kind")
            signals.append(CreditSignal(on, kind, str(entry.get("note") or ""),
                                        _day(until) if until else None))
        except (KeyError, TypeError, ValueError, AttributeError):
            unreadable.append(str(dict(entry)) if isinstance(entry, Mapping) else repr(entry))
    return tuple(signals), tuple(unreadable)


def _day(value: object) -> date:
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value).strip()[:10])


def late_payments(bills: Iterable[BillDue], receipts: Iterable[Receipt], on: date,
                  ) -> tuple[LatePayment, ...]:
    """The bills settled after their due date, as of ``on``: a tenant's payment record.

    A bill is settled on the day its allocations (reversals negative, those
    after ``on`` not yet made) last reached what it billed; settled after its
    due date, it is a late payment. A bill still open on ``on``, or that
    billed nothing, is not one.

    >>> one = uuid.UUID(int=1)
    >>> paid = [Receipt(one, date(2026, 3, 1), Decimal("60")),
    ...         Receipt(one, date(2026, 3, 9), Decimal("40"))]
    >>> [x.days_late for x in late_payments([BillDue(one, date(2026, 3, 5), Decimal("100"))],
    ...                                      paid, date(2026, 4, 1))]
    [4]
    """
    billed: dict[Id, tuple[date, Decimal]] = {}
    for bill in bills:
        due_on, amount = billed.get(bill.bill_id, (bill.due_on, ZERO))
        billed[bill.bill_id] = (due_on, amount + to_decimal(bill.amount))
    paid: dict[Id, list[tuple[date, Decimal]]] = defaultdict(list)
    for receipt in receipts:
        if receipt.on <= on and receipt.bill_id in billed:
            paid[receipt.bill_id].append((receipt.on, to_decimal(receipt.amount)))
    found = []
    for bill_id, entries in paid.items():
        due_on, amount = billed[bill_id]
        if amount <= 0:
            continue
        entries.sort(key=itemgetter(0))
        running, settled = ZERO, None
        for i, (day, part) in enumerate(entries):
            running += part
            last_of_day = i + 1 == len(entries) or entries[i + 1][0] != day
            if last_of_day and running >= amount and settled is None:
                settled = day
            elif last_of_day and running < amount:
                settled = None  # a reversal reopened it: settled again later, if at all
        if settled is not None and settled > due_on:
            found.append(LatePayment(bill_id, due_on, settled, (settled - due_on).days))
    found.sort(key=lambda x: (x.paid_on, id_key(x.bill_id)))
    return tuple(found)
