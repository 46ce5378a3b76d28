"""A billing run as a use case: rehearse it (computed, nothing stored), then post it.

The rules are ``domain.billing.bills``; here a park's contracts, their
versions, reported sales, the CPI and the bills already posted are read in
bulk, each contract's plan is made, and a posting writes the bills and their
lines in one transaction with one ``post_bill`` command each (SYNC.md) and a
``billing_runs`` row saying what was created, found and skipped. A run that
is cancelled, or fails, writes nothing. A contract's schedule is computed
for the run's periods only, unless something can have changed a period
billed before (an amendment, a termination, a CPI clause, turnover rent):
then from its first billed period, so the difference becomes an adjustment.
Utilities are billed in arrears beside them (``services.utility_billing``: a
run over month M bills M−1's metered use), their new bills due-shifted with
the rest.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.billing.bills import (
    ADJUSTMENT_KIND,
    ContractPlan,
    PlannedBill,
    Skip,
    plan_contract,
)
from domain.billing.utility_bills import note_key
from domain.contracts import ContractStatus
from domain.money import ZERO
from runtime.jobs import Job, gc_paused
from runtime.messages import UserError
from services.billing_reader import BillingReader, ContractRow, KeptBillingReader
from services.utility_billing import plan_utilities
from store.changes import insert_rows, record_commands, under_command
from store.schema import (
    Bill,
    BillingRun,
    BillLine,
    Park,
)
from store.workspace import Workspace

if TYPE_CHECKING:
    from services.receivables import KeptLedger, Ledger


class BillingRefused(UserError):
    """A run that cannot be made as asked (a range that ends before it starts, no park)."""


@dataclass(frozen=True)
class RunPlan:
    """What a run would post: new bills (adjustments among them), bills already there,
    and what it skips with why. Computed, never stored."""

    park_id: uuid.UUID
    period_from: date
    period_to: date
    issued_on: date
    bills: tuple[PlannedBill, ...]
    tenants: Mapping[str, uuid.UUID]  # contract id → tenant id
    existing: int
    skipped: tuple[Skip, ...]
    currency: str

    @property
    def adjustments(self) -> tuple[PlannedBill, ...]:
        return tuple(b for b in self.bills if b.kind == ADJUSTMENT_KIND)

    @property
    def total(self) -> Decimal:
        return sum((b.amount for b in self.bills), ZERO)


@dataclass(frozen=True)
class KeptReads:
    """What a caller posting run after run in one session keeps read between them (the
    demo's year of monthly runs): the park's contracts as the billing reader reads them,
    and its ledger. Each run then reads only the bills, allocations and late fees written
    since the last, and plans what a run reading everything plans. A run on its own (a
    window's, the command line's) reads everything: it cannot know what changed since a
    state kept from before."""

    session: Session
    park_id: uuid.UUID
    reader: KeptBillingReader
    ledger: KeptLedger

    @classmethod
    def start(cls, session: Session, park_id: uuid.UUID) -> KeptReads:
        from services.receivables import KeptLedger

        return cls(session, park_id, KeptBillingReader(session, park_id),
                   KeptLedger(session, park_id))


@dataclass(frozen=True)
class RunReport:
    """A posted run: its id and what it did."""

    run_id: uuid.UUID | None  # None: nothing new to post, no run recorded
    plan: RunPlan

    @property
    def created(self) -> int:
        return len(self.plan.bills)


def rehearse_run(workspace: Workspace, park_id: uuid.UUID, period_from: date,
                 period_to: date, issued_on: date, *, job: Job | None = None) -> RunPlan:
    """Every bill the run would post, before → after for adjustments; writes nothing."""
    with workspace.reading() as session:
        return plan_run(session, park_id, period_from, period_to, issued_on, job=job)


def post_run(workspace: Workspace, park_id: uuid.UUID, period_from: date, period_to: date,
             issued_on: date, *, job: Job | None = None) -> RunReport:
    """Plan and post the run in one transaction: all of it, or (refused, cancelled, failed)
    none of it. Posting a range already billed posts nothing and records no run."""
    with workspace.transaction() as session:
        plan = plan_run(session, park_id, period_from, period_to, issued_on, job=job)
        if not plan.bills:
            return RunReport(None, plan)
        run_id = write_run(session, plan, job=job)
        return RunReport(run_id, plan)


def plan_run(session: Session, park_id: uuid.UUID, period_from: date, period_to: date,
             issued_on: date, *, job: Job | None = None, kept: KeptReads | None = None
             ) -> RunPlan:
    """The run's plan from the store as it is in ``session``.

    ``kept``: what this session's earlier runs read (:class:`KeptReads`), so that only what
    was written since is read; the plan is the same."""
    if period_to < period_from:
        raise BillingRefused(f"a billing run from {period_from} to {period_to} ends before it "
                             "starts", "billing-range", period_from=period_from.isoformat(),
                             period_to=period_to.isoformat())
    park = session.get(Park, park_id)
    if park is None:
        raise BillingRefused(f"no park {park_id}", "no-park")
    if kept is not None and (kept.session is not session or kept.park_id != park_id):
        raise ValueError("a kept state is for the session and park it was started in")
    reader = (kept.reader.over(period_from, period_to) if kept is not None
              else BillingReader(session, park_id, period_from, period_to))
    contracts = reader.contracts()
    bills: list[PlannedBill] = []
    skipped: list[Skip] = []
    existing = 0
    tenants: dict[str, uuid.UUID] = {}
    for row, plan in zip(contracts, plan_contracts(reader, contracts, issued_on, job=job),
                         strict=True):
        tenants[str(row.id)] = row.tenant_id
        bills += plan.bills
        skipped += plan.skipped
        existing += len([i for i in plan.existing
                         if reader.in_range(row.id, i)])
    utilities = plan_utilities(session, park_id, period_from, period_to, issued_on)
    bills += utilities.bills
    skipped += utilities.skipped
    existing += utilities.existing
    tenants.update(utilities.tenants)
    # The ledger as it stands on the issue day, read once for the tenants' credit and the
    # late fees (a park's year of bills and allocations: the run's costliest read).
    from services.collections import due_shift, ledger_on, shift_due_dates

    if kept is not None:
        ledger = kept.ledger.on(issued_on)  # read since the last run, then looked at
        if not kept.ledger.any_bill:
            ledger = None
    else:
        ledger = (ledger_on(session, park_id, issued_on)
                  if session.scalar(select(Bill.id).where(Bill.park_id == park_id).limit(1))
                  else None)
    if bills and ledger is not None:
        # collections: a medium-or-worse tenant's new bills fall due 7 days earlier
        bills = list(shift_due_dates(bills, tenants,
                                     due_shift(session, park_id, issued_on, ledger=ledger),
                                     issued_on))
    fees, found = _late_fees(session, park_id, reader, contracts, period_from, period_to,
                             issued_on, ledger, None if kept is None else kept.ledger)
    bills += fees
    existing += found
    return RunPlan(park_id, period_from, period_to, issued_on, tuple(bills), tenants,
                   existing, tuple(skipped), park.currency)


def plan_contracts(reader: BillingReader, contracts: Sequence[ContractRow], issued_on: date,
                   *, job: Job | None = None) -> list[ContractPlan]:
    """Each contract's plan for the reader's range, in the order given.

    The cyclic collector is held meanwhile: a month of 10,000 contracts makes a million
    schedule lines, bills and explanations with no reference cycles, and the collections
    they set off (each walking the reader's whole park) cost an eighth of the time and
    free nothing. The plans are then moved to the oldest generation at once (``promote``):
    the young generation's next collection would walk each of their objects, a sixth of
    the time, to free nothing."""
    period_from, period_to = reader.window
    plans = []
    with gc_paused(promote=True):
        for n, row in enumerate(contracts):
            if job is not None and n % 500 == 0:
                job.step(n, len(contracts), "")
            contract, billed, catch_up_from = reader.for_run(row)
            plans.append(plan_contract(contract, period_from, period_to, billed, issued_on,
                                       catch_up_from=catch_up_from, covered=reader.covered))
    return plans


def _late_fees(session: Session, park_id: uuid.UUID, reader: BillingReader,
               contracts: Sequence[ContractRow], period_from: date, period_to: date,
               issued_on: date, ledger: Ledger | None, kept: KeptLedger | None = None
               ) -> tuple[list[PlannedBill], int]:
    """The late fees accrued on overdue bills to the issue day, one bill per contract with a
    late-fee clause (``domain.billing.late_fees``), and how many such bills exist already
    (``kept``: the ledger ``ledger`` was read from, kept, which knows them)."""
    clauses = {row.id: clause for row in contracts
               if row.status is not ContractStatus.DRAFT
               and (clause := reader.late_fee_clause(row.id)) is not None}
    if not clauses or ledger is None:  # no clause, or nothing billed yet: nothing overdue
        return [], 0
    from domain.billing.late_fees import late_fee_bill
    from services.receivables import posted_late_fees

    items: dict[uuid.UUID, list[Any]] = defaultdict(list)
    for item in ledger.open_items(issued_on):
        if item.contract_id in clauses:
            items[item.contract_id].append(item)
    posted = posted_late_fees(session, park_id) if kept is None else kept.posted_late_fees()
    codes = {row.id: row.code for row in contracts}
    bills, found = [], 0
    for contract_id, clause in clauses.items():
        bill = late_fee_bill(str(contract_id), codes[contract_id], items.get(contract_id, []),
                             clause, issued_on, period_from, period_to, posted)
        if bill is None:
            continue
        if (session.get(Bill, bill.id) is not None if kept is None
                else kept.holds(bill.id)):
            found += 1  # this run period's fees were posted already
        else:
            bills.append(bill)
    return bills, found


def write_run(session: Session, plan: RunPlan, *, job: Job | None = None) -> uuid.UUID:
    """Post ``plan``'s bills, lines, commands and its run row in the caller's transaction.

    With the cyclic collector held, as when planning: the rows, payloads and outbox ops of
    a month are a few hundred thousand acyclic objects."""
    with gc_paused():
        return _write_run(session, plan, job)


def _write_run(session: Session, plan: RunPlan, job: Job | None) -> uuid.UUID:
    run = BillingRun(park_id=plan.park_id, period_from=plan.period_from,
                     period_to=plan.period_to, run_on=plan.issued_on,
                     created=len(plan.bills), existing=plan.existing,
                     skipped=len(plan.skipped), report=_report(plan))
    session.add(run)
    session.flush()
    bill_rows: list[dict[str, Any]] = []
    line_rows: list[dict[str, Any]] = []
    commands: list[tuple[uuid.UUID, dict[str, Any]]] = []
    for n, bill in enumerate(plan.bills):
        if job is not None and n % 2000 == 0:
            job.step(n, len(plan.bills), "")
        tenant = plan.tenants[bill.contract_id]
        bill_rows.append({
            "id": bill.id, "park_id": plan.park_id, "contract_id": uuid.UUID(bill.contract_id),
            "tenant_id": tenant, "run_id": run.id, "corrects_id": bill.corrects,
            "number": bill.number, "kind": bill.kind, "charge": bill.charge,
            "period_start": bill.period_start, "period_end": bill.period_end,
            "due_on": bill.due_on, "issued_on": plan.issued_on, "amount": bill.amount,
            "currency": plan.currency})
        lines = []
        for seq, line in enumerate(bill.lines, 1):
            explanation = dict(line.explanation)
            for note in bill.notes:  # provisional, check or info (``note_key``)
                explanation.setdefault(note_key(note.code), []).append(
                    {"code": note.code, "params": dict(note.params)})
            line_rows.append({"bill_id": bill.id, "seq": seq, "starts_on": line.starts_on,
                              "ends_on": line.ends_on, "amount": line.amount,
                              "explanation": explanation})
            lines.append({"seq": seq, "starts_on": line.starts_on.isoformat(),
                          "ends_on": line.ends_on.isoformat(), "amount": str(line.amount),
                          "explanation": explanation})
        commands.append((bill.id, {
            "bill": str(bill.id), "number": bill.number, "kind": bill.kind,
            "contract": bill.contract_id, "tenant": str(tenant), "run": str(run.id),
            "corrects": str(bill.corrects) if bill.corrects else None, "charge": bill.charge,
            "period_start": bill.period_start.isoformat(),
            "period_end": bill.period_end.isoformat(), "due_on": bill.due_on.isoformat(),
            "issued_on": plan.issued_on.isoformat(), "amount": str(bill.amount),
            "lines": lines}))
    with under_command(session):
        insert_rows(session, Bill, bill_rows)
        insert_rows(session, BillLine, line_rows)
    record_commands(session, "post_bill", Bill, commands, ready=True)  # text and numbers
    _free_credited(session, plan)
    if job is not None:
        job.step(len(plan.bills), len(plan.bills), "")  # a cancel here still rolls back
    return run.id


def _free_credited(session: Session, plan: RunPlan) -> None:
    """A credit on a bill already paid would take its balance below zero: the allocations
    it no longer needs are reversed (newest first), so the money is the payer's again, in
    the queue (``domain.billing.allocation.reversals_for_credit``)."""
    credits = [b for b in plan.bills if b.kind == ADJUSTMENT_KIND and b.amount < 0
               and b.corrects is not None]
    if not credits:
        return
    from domain.billing.allocation import reversals_for_credit
    from domain.billing.balances import open_balance
    from services.payments import insert_allocations
    from services.receivables import read_ledger
    from store.ids import uuid7
    from store.schema import Allocation

    ledger = read_ledger(session, plan.park_id)  # the credits just written are in it
    bills = {b.id: b for b in ledger.bills}
    entries = (*ledger.allocations, *ledger.other_allocations)
    rows = []
    for credit in credits:
        bill = bills.get(credit.corrects)  # type: ignore[arg-type]
        if bill is None:
            continue
        before = open_balance(bill, entries) - credit.amount  # its balance without this credit
        for reversal in reversals_for_credit(bill.id, -credit.amount, before, entries):
            original = session.get(Allocation, reversal.entry_id)
            if original is None:
                continue
            rows.append({"id": uuid7(), "park_id": plan.park_id,
                         "source_kind": original.source_kind, "source_id": original.source_id,
                         "bill_id": original.bill_id, "kind": "reverse",
                         "reverses_id": original.id, "amount": -reversal.amount,
                         "on": plan.issued_on, "by": "auto",
                         "reasons": [{"code": "credited", "params": {
                             "credit": credit.number, "amount": str(-credit.amount)}}]})
    insert_allocations(session, rows)


def _report(plan: RunPlan) -> dict[str, Any]:
    return {"adjustments": len(plan.adjustments), "total": str(plan.total),
            "skipped": [{"contract": s.contract_code, "code": s.code, "params": s.params}
                        for s in plan.skipped]}
