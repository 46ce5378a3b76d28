"""Collections as use cases: each tenant's credit score from the ledger, its tier's actions
stored as alerts, credit signals entered by hand, and how much earlier its bills fall due.

The rules are ``domain.billing.credit`` (the score, the tier, the payment record)
and ``domain.billing.collections`` (each tier's actions, their ids and due
dates); here the rows become their records.

What a score reads on a day ``on``, for every tenant with a signed (or
terminated) contract or a bill: its bills issued by ``on`` and the
allocations made by then (receivables' ledger, so a credit lowers the bill it
corrects), aged on ``on`` (the oldest overdue bill's due date), its payment
record (bills settled after their due date) and its signals
(``tenants.credit_signals``).

The actions are :class:`store.schema.Alert` rows of kind ``collections``:
``code`` the action's kind, the owner's role, its due date (a flag, which has
none, is stored as due on the day it was raised), and the contract it is about
(the one with the tenant's oldest arrears, else its current lease); the
tenant is that contract's. An alert's id is the domain's
:func:`~domain.billing.collections.action_id` (tenant, kind, tier, episode),
so raising it twice, or on two devices that saw the same history, is one
row; the tier and the episode are read back from the kind and the id.

An alert says two different endings with its two fields: a person marking a
task done sets ``cleared_on`` (the tier's episode goes on: a critical tenant
whose termination and site check are done is not given new ones); the tenant
leaving the tier *ends* its actions, which sets ``ended_on`` — the row stays,
not archived, as the episode's history (a done task keeps its day done), and
its tier's next episode raises new actions if the tenant comes back. An alert
an older client ended (archived, no ``ended_on``: migration 0010 rewrote the
rows it found) is read as that client meant it: ended on its ``cleared_on``,
else the day raised, and not done.

Working days (the call's and the legal review's due dates) skip the park's
public holidays and count its make-up working days (调休), as its calendar has
them (``services.finance_settings.working_calendar``).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.billing.ageing import ArrearsLine, BillDue, Receipt, ageing
from domain.billing.bills import ADJUSTMENT_KIND, PlannedBill
from domain.billing.collections import (
    TABLE,
    Action,
    ActionForm,
    ActionKind,
    TenantArrears,
    action_id,
    actions,
    bill_early_days,
)
from domain.billing.credit import (
    CreditFacts,
    CreditScore,
    CreditSignal,
    LatePayment,
    Tier,
    credit_score,
    late_payments,
    signals_from_json,
)
from domain.billing.late_fees import LATE_FEE
from domain.contracts import ContractStatus
from domain.leasing.lifecycle import OwnerRole
from domain.money import ZERO
from runtime.jobs import gc_paused
from runtime.messages import UserError
from services.finance_settings import working_calendar
from services.receivables import Ledger, read_ledger
from store.changes import insert_rows
from store.schema import Alert, Contract, Tenant
from store.workspace import Workspace

ALERT_KIND = "collections"
KIND_LIMIT = 50  # characters of a signal's kind
NOTE_LIMIT = 500  # characters of a signal's note
# Each action kind belongs to one tier's row of the table: the tier an alert's code says.
TIER_OF: dict[ActionKind, Tier] = {row.kind: tier for tier, rows in TABLE.items()
                                   for row in rows}
FORM_OF: dict[ActionKind, ActionForm] = {row.kind: row.form for rows in TABLE.values()
                                         for row in rows}
TIER_ORDER = (Tier.CRITICAL, Tier.HIGH, Tier.MEDIUM, Tier.LOW)  # the worst first


class CollectionsRefused(UserError):
    """A request collections cannot carry out (a signal it cannot read, a flag marked done)."""


@dataclass(frozen=True)
class ContractRef:
    id: uuid.UUID
    code: str


@dataclass(frozen=True)
class TenantCredit:
    """One tenant's standing on a day: its score with every point off, what it owes
    overdue (per contract, the arrears list's lines), its payment record and its signals
    as stored."""

    tenant_id: uuid.UUID
    code: str
    name: str
    score: CreditScore
    arrears: tuple[ArrearsLine, ...]
    late: tuple[LatePayment, ...]
    signals: tuple[CreditSignal, ...]
    contracts: tuple[ContractRef, ...]  # signed or terminated, by code

    @property
    def tier(self) -> Tier:
        return self.score.tier

    @property
    def overdue(self) -> Decimal:
        return sum((line.amount for line in self.arrears), ZERO)

    @property
    def oldest_due_on(self) -> date | None:
        return min((line.oldest_due_on for line in self.arrears), default=None)


@dataclass(frozen=True)
class StoredAction:
    """An action as its alert row holds it, with the contract it was raised on."""

    action: Action
    contract_id: uuid.UUID | None
    contract_code: str

    @property
    def open(self) -> bool:
        return self.action.ended_on is None and self.action.done_on is None


@dataclass(frozen=True)
class TenantCollections:
    """What the collections window shows of a tenant: its credit and its actions (open
    first, by due date; then done; then ended)."""

    credit: TenantCredit
    actions: tuple[StoredAction, ...]


@dataclass(frozen=True)
class ActionRun:
    """What :func:`raise_actions` wrote: actions raised, actions ended (their tier left),
    and how many tenants are in each tier; ``credits``, the scores it raised them on, for
    the list read next (:func:`collections_overview`), which need not score them again."""

    raised: int
    ended: int
    tiers: dict[Tier, int]
    credits: Mapping[uuid.UUID, TenantCredit] = field(default_factory=dict, repr=False,
                                                      compare=False)


# -- scores ------------------------------------------------------------------------------


def ledger_on(session: Session, park_id: uuid.UUID, on: date,
              tenant_id: uuid.UUID | None = None) -> Ledger:
    """What is owed and paid as it stood on ``on`` (of one tenant, when given): the bills
    issued by then and every allocation to them, read as ``services.receivables`` reads
    them (one rule for when a bill is owed), without the payments themselves."""
    return read_ledger(session, park_id, tenant_id=tenant_id, issued_by=on, payments=False)


def credit_scores(session: Session, park_id: uuid.UUID, on: date,
                  tenant_ids: Collection[uuid.UUID] | None = None, *,
                  ledger: Ledger | None = None) -> dict[uuid.UUID, TenantCredit]:
    """Every tenant's credit on ``on`` (only ``tenant_ids`` when given), by tenant id.

    A tenant is scored when it has a signed or terminated contract, or a bill.
    ``ledger``: the park's as :func:`ledger_on` reads it, when the caller has it already.
    """
    if ledger is None:
        one = next(iter(tenant_ids)) if tenant_ids is not None and len(tenant_ids) == 1 else None
        ledger = ledger_on(session, park_id, on, one)
    report = ageing(ledger.open_items(on), on)
    contracts = _contracts(session, park_id)
    billed = {b.tenant_id for b in ledger.bills}
    due_by_tenant: dict[uuid.UUID, list[BillDue]] = defaultdict(list)
    for bill in ledger.bills:
        due_by_tenant[bill.tenant_id].append(BillDue(bill.id, bill.due_on, bill.total))
    receipts = [Receipt(a.bill_id, a.made_on, a.amount)
                for a in (*ledger.allocations, *ledger.other_allocations)
                if a.bill_id is not None and a.made_on is not None]
    receipts_by_bill: dict[uuid.UUID, list[Receipt]] = defaultdict(list)
    for receipt in receipts:
        receipts_by_bill[receipt.bill_id].append(receipt)
    query = select(Tenant.id, Tenant.code, Tenant.name, Tenant.credit_signals).where(
        Tenant.park_id == park_id, ~Tenant.archived)
    found: dict[uuid.UUID, TenantCredit] = {}
    for tenant_id, code, name, stored in session.execute(query.order_by(Tenant.code)):
        if tenant_ids is not None and tenant_id not in tenant_ids:
            continue
        if tenant_id not in contracts and tenant_id not in billed:
            continue
        bills = due_by_tenant.get(tenant_id, [])
        late = late_payments(bills, [r for b in bills for r in receipts_by_bill.get(b.bill_id, ())],
                             on)
        signals, unreadable = signals_from_json(stored if isinstance(stored, list) else None)
        facts = CreditFacts(tenant_id, report.oldest_overdue(tenant_id), late, signals,
                            unreadable)
        found[tenant_id] = TenantCredit(
            tenant_id, code, name, credit_score(facts, on), report.arrears_of(tenant_id), late,
            signals, tuple(ContractRef(c.id, c.code) for c in contracts.get(tenant_id, ())))
    return found


def tenant_credit(session: Session, park_id: uuid.UUID, tenant_id: uuid.UUID, on: date
                  ) -> TenantCredit | None:
    """One tenant's credit on ``on``; None when it has neither a contract nor a bill."""
    return credit_scores(session, park_id, on, {tenant_id}).get(tenant_id)


@dataclass(frozen=True)
class _Lease:
    id: uuid.UUID
    code: str
    starts_on: date
    last_day: date


def _contracts(session: Session, park_id: uuid.UUID) -> dict[uuid.UUID, list[_Lease]]:
    """Each tenant's signed or terminated contracts, by code."""
    found: dict[uuid.UUID, list[_Lease]] = defaultdict(list)
    for cid, tenant_id, code, starts_on, ends_on, terminated_on in session.execute(
            select(Contract.id, Contract.tenant_id, Contract.code, Contract.starts_on,
                   Contract.ends_on, Contract.terminated_on)
            .where(Contract.park_id == park_id, ~Contract.archived,
                   Contract.status != ContractStatus.DRAFT)
            .order_by(Contract.code)):
        last = min(ends_on, terminated_on) if terminated_on is not None else ends_on
        found[tenant_id].append(_Lease(cid, code, starts_on, last))
    return found


def _about(credit: TenantCredit, leases: Sequence[_Lease], on: date) -> uuid.UUID | None:
    """The contract a tenant's new actions are raised on: the one with its oldest arrears,
    else the lease running on ``on`` (the latest started), else the one that ended last."""
    if credit.arrears:
        oldest = min(credit.arrears, key=lambda line: (line.oldest_due_on, str(line.contract_id)))
        return oldest.contract_id
    running = [x for x in leases if x.starts_on <= on <= x.last_day]
    if running:
        return max(running, key=lambda x: (x.starts_on, x.code)).id
    if leases:
        return max(leases, key=lambda x: (x.last_day, x.code)).id
    return None


# -- the actions -------------------------------------------------------------------------


def stored_actions(session: Session, park_id: uuid.UUID,
                   tenant_ids: Collection[uuid.UUID] | None = None
                   ) -> dict[uuid.UUID, list[StoredAction]]:
    """Every collections action of the park (of ``tenant_ids``), by tenant, as stored.

    An alert whose code is no action kind, or whose id is not one the domain derives
    for its tenant and kind (a row from elsewhere), is left out.
    """
    rows = session.execute(
        select(Alert.id, Alert.contract_id, Contract.code.label("contract_code"),
               Contract.tenant_id, Alert.code.label("action_code"), Alert.owner_role,
               Alert.due_on, Alert.raised_on, Alert.cleared_on, Alert.ended_on,
               Alert.archived)
        .join(Contract, Contract.id == Alert.contract_id)
        .where(Alert.park_id == park_id, Alert.kind == ALERT_KIND)).all()
    per_tenant: dict[uuid.UUID, int] = defaultdict(int)
    for row in rows:
        per_tenant[row.tenant_id] += 1
    found: dict[uuid.UUID, list[StoredAction]] = defaultdict(list)
    for row in rows:
        if tenant_ids is not None and row.tenant_id not in tenant_ids:
            continue
        try:
            kind = ActionKind(row.action_code)
            owner = OwnerRole(row.owner_role)
        except ValueError:
            continue
        tier = TIER_OF[kind]
        episode = next((n for n in range(1, per_tenant[row.tenant_id] + 2)
                        if action_id(row.tenant_id, kind, tier, n) == row.id), None)
        if episode is None:
            continue
        form = FORM_OF[kind]
        ended, done = ending(row.ended_on, row.cleared_on, row.raised_on, row.archived)
        action = Action(row.id, row.tenant_id, kind, form, tier, episode, owner,
                        row.raised_on, None if form is ActionForm.FLAG else row.due_on,
                        ended_on=ended, done_on=done)
        found[row.tenant_id].append(StoredAction(action, row.contract_id, row.contract_code))
    for listed in found.values():
        listed.sort(key=_shown_order)
    return dict(found)


def ending(ended_on: date | None, cleared_on: date | None, raised_on: date,
           archived: bool) -> tuple[date | None, date | None]:
    """(ended on, done on) of an alert's fields. An alert an older client ended is archived
    without ``ended_on``: ended on its ``cleared_on`` (else the day raised), not done."""
    if ended_on is None and archived:
        return cleared_on or raised_on, None
    return ended_on, cleared_on


def _shown_order(stored: StoredAction) -> tuple[int, date, int, str]:
    a = stored.action
    state = 0 if stored.open else 1 if a.ended_on is None else 2
    return (state, a.due_on or a.raised_on, list(ActionKind).index(a.kind), str(a.id))


def raise_actions(workspace: Workspace, park_id: uuid.UUID, on: date, *,
                  holidays: Collection[date] | None = None,
                  workdays: Collection[date] | None = None) -> ActionRun:
    """Raise each tenant's tier's actions on ``on`` and end those of tiers it left (their
    ``ended_on`` set), in one transaction; idempotent (a second run on the same day writes
    nothing).

    ``holidays`` and ``workdays`` (调休) move the call's and the legal review's due dates
    (``domain.billing.collections.add_working_days``); None (the default) takes the park's
    calendar as stored.

    The cyclic collector is held meanwhile (``runtime.jobs.gc_paused``): scoring reads the
    park's bills and allocations, tens of thousands of acyclic rows.
    """
    raised = ended = 0
    tiers: dict[Tier, int] = dict.fromkeys(TIER_ORDER, 0)
    with gc_paused(promote=True), workspace.transaction() as session:
        if holidays is None or workdays is None:
            stored_off, stored_on = working_calendar(session, park_id)
            holidays = stored_off if holidays is None else holidays
            workdays = stored_on if workdays is None else workdays
        credits = credit_scores(session, park_id, on)
        leases = _contracts(session, park_id)
        stored = stored_actions(session, park_id)
        # Each alert there: whether it has ended already (an older client's: archived).
        is_ended = {row_id: ended_on is not None or archived
                    for row_id, ended_on, archived in session.execute(
                        select(Alert.id, Alert.ended_on, Alert.archived).where(
                            Alert.park_id == park_id, Alert.kind == ALERT_KIND))}
        new: list[dict[str, Any]] = []
        for tenant_id in sorted({*credits, *stored}, key=str):
            credit = credits.get(tenant_id)
            before = [s.action for s in stored.get(tenant_id, ())]
            tier = credit.tier if credit is not None else Tier.LOW  # no longer scored
            if credit is not None:
                tiers[tier] += 1
            if tier is Tier.LOW and all(a.ended_on is not None for a in before):
                continue
            arrears = TenantArrears(tenant_id, credit.arrears if credit is not None else ())
            score = credit.score.score if credit is not None else 100
            about = (_about(credit, leases.get(tenant_id, ()), on)
                     if credit is not None else None)
            for action in actions(arrears, score, tier, on, before, holidays, workdays):
                if action.id not in is_ended:
                    if action.ended_on is None and about is not None:
                        new.append(_row(park_id, about, action))
                elif action.ended_on is not None and not is_ended[action.id]:
                    session.get_one(Alert, action.id).ended_on = action.ended_on
                    ended += 1
        if new:
            insert_rows(session, Alert, new)
            raised = len(new)
    return ActionRun(raised, ended, tiers, credits)


def _row(park_id: uuid.UUID, contract_id: uuid.UUID, action: Action) -> dict[str, Any]:
    return {"id": action.id, "park_id": park_id, "contract_id": contract_id,
            "kind": ALERT_KIND, "code": action.kind.value, "owner_role": action.owner_role.value,
            "due_on": action.due_on or action.raised_on, "raised_on": action.raised_on,
            "cleared_on": None, "ended_on": None, "archived": False}


def mark_action_done(workspace: Workspace, action_id_: uuid.UUID, on: date) -> None:
    """A person did the task on ``on``: its alert clears (marked done again: the first day
    stays). Refused for a flag (nobody does one: it holds while the tier does), for an
    action whose tier the tenant left, and for one that is not a collections action."""
    with workspace.transaction() as session:
        row = session.get(Alert, action_id_)
        if row is None or row.kind != ALERT_KIND:
            raise CollectionsRefused(f"no collections action {action_id_}",
                                     "collections-no-action", action=str(action_id_))
        try:
            form = FORM_OF[ActionKind(row.code)]
        except ValueError:
            form = ActionForm.TASK
        if form is ActionForm.FLAG:
            raise CollectionsRefused(f"{row.code} is a flag: it holds while the tier does",
                                     "collections-flag-not-done", action=row.code)
        ended_on, _done = ending(row.ended_on, row.cleared_on, row.raised_on, row.archived)
        if ended_on is not None:
            raise CollectionsRefused(f"{row.code} ended on {ended_on}: the tenant left "
                                     "its tier", "collections-action-ended", action=row.code,
                                     ended_on=str(ended_on))
        if row.cleared_on is None:
            row.cleared_on = on


def collections_overview(session: Session, park_id: uuid.UUID, on: date, *,
                         credits: Mapping[uuid.UUID, TenantCredit] | None = None
                         ) -> list[TenantCollections]:
    """Every scored tenant with its actions: the worst tier first, then the lowest score,
    then the most overdue, then the code.

    ``credits``: the park's :func:`credit_scores` on ``on`` when the caller has them (the
    :class:`ActionRun` of the day's :func:`raise_actions`), else read here, with the cyclic
    collector held (see :func:`raise_actions`)."""
    if credits is None:
        with gc_paused(promote=True):
            credits = credit_scores(session, park_id, on)
    stored = stored_actions(session, park_id)
    rows = [TenantCollections(c, tuple(stored.get(c.tenant_id, ()))) for c in credits.values()]
    rows.sort(key=lambda r: (TIER_ORDER.index(r.credit.tier), r.credit.score.score,
                             -r.credit.overdue, r.credit.code))
    return rows


# -- credit signals entered by hand ------------------------------------------------------


def set_credit_signals(workspace: Workspace, tenant_id: uuid.UUID,
                       signals: Iterable[CreditSignal | Mapping[str, Any]]
                       ) -> tuple[CreditSignal, ...]:
    """Replace the tenant's signals (court cases, tax notices, other news), each checked:
    a day, a kind, an end not before its day; stored by day. Refused by the first entry
    that is wrong, numbered from 1, and nothing written."""
    checked = [_signal(entry, n) for n, entry in enumerate(signals, 1)]
    checked.sort(key=lambda s: (s.on, s.kind, s.note))
    with workspace.transaction() as session:
        tenant = session.get(Tenant, tenant_id)
        if tenant is None or tenant.archived:
            raise CollectionsRefused(f"no tenant {tenant_id}", "collections-no-tenant",
                                     tenant=str(tenant_id))
        tenant.credit_signals = [_stored(s) for s in checked]
    return tuple(checked)


def _signal(entry: CreditSignal | Mapping[str, Any], n: int) -> CreditSignal:
    if isinstance(entry, CreditSignal):
        on, kind, note, until = entry.on, entry.kind, entry.note, entry.until
    else:
        on, kind = entry.get("on"), entry.get("kind")
        note, until = entry.get("note") or "", entry.get("until") or None
    day = _day(on, n, "on")
    if day is None:
        raise CollectionsRefused(f"signal {n}: no day", "credit-signal-no-day", row=n)
    kind = str(kind or "").strip()
    if not kind:
        raise CollectionsRefused(f"signal {n}: no kind (court, tax or other)",
                                 "credit-signal-no-kind", row=n)
    if len(kind) > KIND_LIMIT:
        raise CollectionsRefused(f"signal {n}: a kind of {len(kind)} characters (at most "
                                 f"{KIND_LIMIT})", "credit-signal-kind-long", row=n,
                                 limit=KIND_LIMIT)
    note = str(note).strip()
    if len(note) > NOTE_LIMIT:
        raise CollectionsRefused(f"signal {n}: a note of {len(note)} characters (at most "
                                 f"{NOTE_LIMIT})", "credit-signal-note-long", row=n,
                                 limit=NOTE_LIMIT)
    end = _day(until, n, "until") if until else None
    if end is not None and end < day:
        raise CollectionsRefused(f"signal {n}: it ends on {end}, before its day {day}",
                                 "credit-signal-until", row=n, on=day.isoformat(),
                                 until=end.isoformat())
    return CreditSignal(day, kind, note, end)


def _day(value: object, n: int, field: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise CollectionsRefused(f"signal {n}: “{value}” is not a date", "credit-signal-date",
                                 row=n, text=str(value), field=field) from None


def _stored(signal: CreditSignal) -> dict[str, str]:
    entry = {"on": signal.on.isoformat(), "kind": signal.kind, "note": signal.note}
    if signal.until is not None:
        entry["until"] = signal.until.isoformat()
    return entry


# -- billing earlier -----------------------------------------------------------------------


def due_shift(session: Session, park_id: uuid.UUID, on: date, *,
              ledger: Ledger | None = None) -> dict[uuid.UUID, int]:
    """How many days earlier each tenant's next bills fall due, by its tier on ``on``
    (``domain.billing.collections.bill_early_days``); tenants billed as usual are left
    out. ``ledger``: the park's :func:`ledger_on` ``on``, when the caller has it."""
    shifts = {}
    for tenant_id, credit in credit_scores(session, park_id, on, ledger=ledger).items():
        days = bill_early_days(credit.tier)
        if days:
            shifts[tenant_id] = days
    return shifts


def shift_due_dates(bills: Sequence[PlannedBill], tenants: Mapping[str, uuid.UUID],
                    shifts: Mapping[uuid.UUID, int], issued_on: date) -> tuple[PlannedBill, ...]:
    """A run's new bills with each shifted tenant's due dates moved earlier (never before
    the day they are issued); each line of a moved bill says so (``due_shift`` in its
    explanation: the days, the due date it had). Adjustments and late fees keep theirs:
    they fall due as their own rules say.

    ``tenants`` is the run plan's contract id → tenant id.
    """
    moved = []
    for bill in bills:
        days = shifts.get(tenants.get(bill.contract_id), 0) if bill.contract_id in tenants else 0
        if not days or bill.kind == ADJUSTMENT_KIND or bill.charge == LATE_FEE:
            moved.append(bill)
            continue
        due = max(bill.due_on - timedelta(days=days), issued_on)
        if due == bill.due_on:
            moved.append(bill)
            continue
        note = {"days": str((bill.due_on - due).days), "was": bill.due_on.isoformat(),
                "reason": "collections-bill-early"}
        lines = tuple(replace(line, explanation={**line.explanation, "due_shift": note})
                      for line in bill.lines)
        moved.append(replace(bill, due_on=due, lines=lines))
    return tuple(moved)
