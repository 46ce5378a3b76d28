"""What collections does about a tenant in each risk tier (SPEC §5's table), as records.

===========  =======================================  =====================================
tier         automatic (flags and documents)          people (tasks)
===========  =======================================  =====================================
low          none                                     none
medium       bill 7 days earlier (flag), reminder     call within 1 working day
             letter (task: generate the PDF)
high         renewal frozen (flag), formal notice,    legal review
             deposit warning (tasks: the documents)
critical     termination started (task)               site check within 48 h
===========  =======================================  =====================================

The flags other parts read come from the tier, not from the stored
actions, and a worse tier keeps a better one's flags: :func:`bill_early_days`
is 7 from medium on (a tenant getting worse is not billed later again),
:func:`renewal_frozen` holds from high on. The actions are each tier's own
row of the table.

A letter about money owed (reminder, formal notice, deposit warning) is
raised only while something is overdue: a tenant in a tier for its late
payments or signals alone gets the call or the review, not a letter for
nothing; if arrears appear later in the episode the letter is raised then.

Tier episodes: a tenant's stay in a tier is an *episode*, numbered per tier
(the first time in medium is medium episode 1). An action's id is ``uuid5``
of the tenant, its kind, the tier and the episode number, so raising it
twice, or on two devices that saw the same history, is one row. An episode
goes on while the tenant has an action of that tier not ended; when the
tier changes, the other tiers' open actions are returned ended on the day,
and coming back to a tier later starts its next episode (a second formal
notice, not the first one again).

Due dates: letters and the termination are due on the day they are raised;
the call the next working day (weekends skipped, public holidays given,
and make-up working days (调休) counted); the legal review within
:data:`LEGAL_REVIEW_WORKING_DAYS` working days (our choice; the table sets
no delay); the site check 2 days (48 h) after the day raised.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum

from domain.billing.ageing import ArrearsLine
from domain.billing.credit import Tier
from domain.leasing.lifecycle import OwnerRole
from domain.money import ZERO, money

Id = uuid.UUID

BILL_EARLY_DAYS = 7  # medium and worse: the next bills fall due this many days earlier
CALL_WORKING_DAYS = 1
LEGAL_REVIEW_WORKING_DAYS = 5
SITE_CHECK_DAYS = 2  # 48 h
# The namespace of action ids (uuid5 of "tenant:kind:tier:episode"): fixed forever, as
# every device must derive the same id.
ACTION_NAMESPACE = uuid.UUID("2289e9ee-f89e-4e7d-b642-a3addf966980")


class ActionKind(StrEnum):
    BILL_EARLY = "bill_early"
    REMINDER_LETTER = "reminder_letter"
    CALL = "call"
    RENEWAL_FROZEN = "renewal_frozen"
    FORMAL_NOTICE = "formal_notice"
    DEPOSIT_WARNING = "deposit_warning"
    LEGAL_REVIEW = "legal_review"
    TERMINATION = "termination"
    SITE_CHECK = "site_check"


class ActionForm(StrEnum):
    FLAG = "flag"  # a state other parts read; no one has to do anything
    TASK = "task"  # someone (or the document generator) must do it by its due date


@dataclass(frozen=True)
class _Row:
    kind: ActionKind
    form: ActionForm
    owner: OwnerRole
    needs_arrears: bool = False


TABLE: dict[Tier, tuple[_Row, ...]] = {
    Tier.LOW: (),
    Tier.MEDIUM: (
        _Row(ActionKind.BILL_EARLY, ActionForm.FLAG, OwnerRole.FINANCE),
        _Row(ActionKind.REMINDER_LETTER, ActionForm.TASK, OwnerRole.FINANCE, True),
        _Row(ActionKind.CALL, ActionForm.TASK, OwnerRole.FINANCE),
    ),
    Tier.HIGH: (
        _Row(ActionKind.RENEWAL_FROZEN, ActionForm.FLAG, OwnerRole.LEASING),
        _Row(ActionKind.FORMAL_NOTICE, ActionForm.TASK, OwnerRole.FINANCE, True),
        _Row(ActionKind.DEPOSIT_WARNING, ActionForm.TASK, OwnerRole.FINANCE, True),
        _Row(ActionKind.LEGAL_REVIEW, ActionForm.TASK, OwnerRole.MANAGER),
    ),
    Tier.CRITICAL: (
        _Row(ActionKind.TERMINATION, ActionForm.TASK, OwnerRole.MANAGER),
        _Row(ActionKind.SITE_CHECK, ActionForm.TASK, OwnerRole.OPERATIONS),
    ),
}


@dataclass(frozen=True)
class TenantArrears:
    """Who the actions are about and what they owe overdue (``AgeingReport.arrears_of``)."""

    tenant_id: Id
    arrears: tuple[ArrearsLine, ...] = ()


@dataclass(frozen=True)
class Action:
    """One collections action: a flag, or a task with its due date and its content.

    ``content`` is what a letter or a call needs, as text: score, tier, amount
    overdue, bills, days overdue of the oldest, its due date, contracts. It is
    taken when the action is raised and kept (a letter says what was owed then).
    ``ended_on``: the day the tenant left the tier (the episode ended);
    ``done_on``: the day a person marked the task done (the store keeps it; kept
    here as given).
    """

    id: Id
    tenant_id: Id
    kind: ActionKind
    form: ActionForm
    tier: Tier
    episode: int
    owner_role: OwnerRole
    raised_on: date
    due_on: date | None  # None for a flag
    content: dict[str, str] = field(default_factory=dict)
    ended_on: date | None = None
    done_on: date | None = None


def action_id(tenant_id: Id, kind: ActionKind, tier: Tier, episode: int) -> Id:
    """The one id of an action, the same on every device."""
    return uuid.uuid5(ACTION_NAMESPACE, f"{tenant_id}:{kind.value}:{tier.value}:{episode}")


def bill_early_days(tier: Tier) -> int:
    """How many days earlier the billing run makes this tenant's next bills fall due."""
    return 0 if tier is Tier.LOW else BILL_EARLY_DAYS


def renewal_frozen(tier: Tier) -> bool:
    """Whether renewal advice must not advise renewing this tenant."""
    return tier in (Tier.HIGH, Tier.CRITICAL)


def is_working_day(day: date, holidays: Collection[date] = frozenset(),
                   workdays: Collection[date] = frozenset()) -> bool:
    """A weekday that is not a public holiday, or a weekend day worked in its place (调休)."""
    if day in workdays:
        return True
    return day.weekday() < 5 and day not in holidays


def add_working_days(on: date, count: int, holidays: Collection[date] = frozenset(),
                     workdays: Collection[date] = frozenset()) -> date:
    """The ``count``-th working day after ``on`` (``on`` itself never counts).

    >>> add_working_days(date(2026, 4, 3), 1)  # a Friday: the Monday
    datetime.date(2026, 4, 6)
    >>> add_working_days(date(2026, 4, 3), 1, holidays={date(2026, 4, 6)})
    datetime.date(2026, 4, 7)
    """
    if count < 1:
        raise ValueError(f"count working days from one: {count}")
    day = on
    while count:
        day += timedelta(days=1)
        if is_working_day(day, holidays, workdays):
            count -= 1
    return day


def actions(tenant: TenantArrears, score: int, tier: Tier, on: date,
            previous_actions: Iterable[Action], holidays: Collection[date] = frozenset(),
            workdays: Collection[date] = frozenset()) -> list[Action]:
    """The actions to store for ``tenant`` on ``on``: its tier's, and the ones it left.

    The tier's actions come first, in the table's order: those already raised
    in this episode unchanged, the others raised on ``on``. Then the tenant's
    actions of other tiers still open, ended on ``on``. Storing the list by id
    is idempotent; a low tier returns only what it ends. Other tenants' actions in
    ``previous_actions`` are left alone (a park's run passes each tenant its own).
    """
    mine = [a for a in previous_actions if a.tenant_id == tenant.tenant_id]
    same = [a for a in mine if a.tier is tier]
    still = [a.episode for a in same if a.ended_on is None]
    episode = max(still) if still else max((a.episode for a in same), default=0) + 1
    raised = {a.kind: a for a in same if a.episode == episode}
    overdue = sum((line.amount for line in tenant.arrears), ZERO)
    content: dict[str, str] | None = None
    result: list[Action] = []
    for row in TABLE[tier]:
        if row.kind in raised:
            result.append(raised[row.kind])
        elif overdue > 0 or not row.needs_arrears:
            content = content or _content(tenant, score, tier)
            result.append(Action(
                action_id(tenant.tenant_id, row.kind, tier, episode), tenant.tenant_id,
                row.kind, row.form, tier, episode, row.owner, on,
                _due(row.kind, on, holidays, workdays), dict(content)))
    result.extend(replace(a, ended_on=on) for a in sorted(mine, key=_order)
                  if a.tier is not tier and a.ended_on is None)
    return result


def _due(kind: ActionKind, on: date, holidays: Collection[date], workdays: Collection[date]
         ) -> date | None:
    if kind in (ActionKind.BILL_EARLY, ActionKind.RENEWAL_FROZEN):
        return None
    if kind is ActionKind.CALL:
        return add_working_days(on, CALL_WORKING_DAYS, holidays, workdays)
    if kind is ActionKind.LEGAL_REVIEW:
        return add_working_days(on, LEGAL_REVIEW_WORKING_DAYS, holidays, workdays)
    if kind is ActionKind.SITE_CHECK:
        return on + timedelta(days=SITE_CHECK_DAYS)
    return on


def _content(tenant: TenantArrears, score: int, tier: Tier) -> dict[str, str]:
    lines = sorted(tenant.arrears, key=lambda x: (x.oldest_due_on, str(x.contract_id)))
    bills = [b for line in lines for b in line.bills]
    return {
        "score": str(score), "tier": tier.value,
        "amount": str(money(sum((line.amount for line in lines), ZERO))),
        "bills": ",".join(str(b) for b in bills), "bill_count": str(len(bills)),
        "days": str(max((line.days_overdue for line in lines), default=0)),
        "oldest_due_on": lines[0].oldest_due_on.isoformat() if lines else "",
        "contracts": ",".join(str(line.contract_id) for line in lines),
    }


_KIND_ORDER = {kind: i for i, kind in enumerate(ActionKind)}


def _order(action: Action) -> tuple[int, int, str]:
    return (action.episode, _KIND_ORDER[action.kind], str(action.id))
