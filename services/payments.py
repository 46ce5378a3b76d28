"""Payments as use cases: enter one, import a bank statement, allocate, reverse, refund.

The rules are ``domain.billing`` (allocation oldest first, matching,
balances); the bank file is read by ``importers.bank_statement``. Every use
case is one transaction: payments are written with one ``post_payment``
command each, allocations with one ``allocate_payment`` each (SYNC.md); a
refusal or a cancelled import writes nothing. Importing a statement again
creates nothing: a payment's key (the bank's reference, or a hash of its
date, amount, counterparty and balance) is unique per account.

A statement's payments are matched as they are imported: those the rules
allow are allocated automatically (payer, reference and amount agree);
the rest wait in the queue (:func:`payment_queue`) with their proposals and
reasons until a person confirms or corrects them (:func:`allocate_payment`);
a payer name confirmed for a tenant becomes one of its aliases.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.billing.allocation import Part, allocate
from domain.billing.balances import AllocationEntry, OpenItem, PaymentEntry, ledger_problems
from domain.billing.matching import (
    Match,
    MatchIndex,
    Outcome,
    TenantNames,
    match_all,
    match_payment,
)
from domain.money import ZERO, money
from importers.bank_statement import (
    BankStatement,
    ColumnMapping,
    open_statement,
    read_bank_statement,
    statement_account,
)
from runtime.jobs import Job
from runtime.messages import UserError
from services.receivables import (
    PAYMENT,
    Ledger,
    read_ledger,
    tenant_names,
    unallocated_by_payment,
)
from store.changes import insert_rows, record_commands, under_command
from store.ids import uuid7
from store.schema import Allocation, BankMapping, Park, PayerAlias, Payment, Tenant
from store.workspace import Workspace


class PaymentRefused(UserError):
    """A payment or an allocation the rules refuse; nothing written."""


@dataclass(frozen=True)
class PaymentInput:
    """A payment entered by hand."""

    received_on: date
    amount: Decimal
    payer: str = ""
    remarks: str = ""
    reference: str = ""
    tenant_id: uuid.UUID | None = None  # received from this tenant: allocate oldest first
    account: str = ""


@dataclass(frozen=True)
class ImportReport:
    """A bank statement imported (or rehearsed): what was new, what was there already,
    what was skipped, and how the new payments matched."""

    file: str
    account: str
    new: tuple[PaymentEntry, ...]
    existing: int
    skipped: tuple[Any, ...]  # importers.bank_statement.SkippedRow
    matches: tuple[Match, ...]
    written: bool

    @property
    def auto(self) -> tuple[Match, ...]:
        return tuple(m for m in self.matches if m.outcome is Outcome.AUTO)

    @property
    def received(self) -> Decimal:
        return sum((p.amount for p in self.new), ZERO)


@dataclass(frozen=True)
class QueueItem:
    """A payment with money not yet allocated, and what the rules propose for it."""

    payment: PaymentEntry
    unallocated: Decimal
    match: Match
    tenants: dict[uuid.UUID, str] = field(default_factory=dict)  # the candidates' names


# -- entering ------------------------------------------------------------------------------


def enter_payment(workspace: Workspace, park_id: uuid.UUID, data: PaymentInput
                  ) -> uuid.UUID:
    """A payment entered by hand; received from a tenant, it pays their oldest bills first
    (what is left stays unallocated, in the queue)."""
    if data.amount <= 0 or money(data.amount) != data.amount:
        raise PaymentRefused(f"a payment is an amount above 0.00 in cents, not {data.amount:,}",
                             "payment-amount", amount=str(data.amount))
    with workspace.transaction() as session:
        _park(session, park_id)
        if data.tenant_id is not None and session.get(Tenant, data.tenant_id) is None:
            raise PaymentRefused(f"no tenant {data.tenant_id}", "no-tenant")
        payment_id = uuid7()
        row = {"id": payment_id, "park_id": park_id, "account": data.account,
               "key": f"manual:{payment_id}", "received_on": data.received_on,
               "amount": data.amount, "payer": data.payer.strip(),
               "remarks": data.remarks.strip(), "reference": data.reference.strip(),
               "balance": None, "source": "manual", "source_file": "",
               "tenant_id": data.tenant_id}
        write_payments(session, [row])
        if data.tenant_id is not None:
            items = [i for i in read_ledger(session, park_id).open_items()
                     if i.tenant_id == data.tenant_id]
            parts = allocate(data.amount, items).parts
            _write_allocations(session, park_id, payment_id, parts, data.received_on, "person",
                               [{"code": "entered-for-tenant", "params": {}}])
        return payment_id


# -- importing a statement ------------------------------------------------------------------


def import_bank_statement(workspace: Workspace, park_id: uuid.UUID, path: Path, *,
                          account: str | None = None, mapping: ColumnMapping | None = None,
                          dry_run: bool = False, job: Job | None = None) -> ImportReport:
    """Read ``path``, add the payments not imported before, allocate those the rules match
    automatically; with ``dry_run`` say all that and write nothing. A mapping given is
    remembered for the account; without one, the account's remembered mapping is used:
    ``account``'s, or, when none is given, the one the file's preamble names (the file is
    read once: its preamble peeked at, then its rows read with that mapping)."""
    source = open_statement(path)
    remembered = None
    if mapping is None:
        named = account or statement_account(source)
        with workspace.reading() as session:
            remembered = _mapping(session, park_id, named)
    statement = read_bank_statement(source, mapping or remembered)
    if job is not None:
        job.step(1, 4, "")
    chosen = account if account is not None else (statement.account or "")
    if dry_run:
        with workspace.reading() as session:
            return _import(session, park_id, statement, chosen, path, mapping, job, False)
    with workspace.transaction() as session:
        return _import(session, park_id, statement, chosen, path, mapping, job, True)


def _import(session: Session, park_id: uuid.UUID, statement: BankStatement, account: str,
            path: Path, mapping: ColumnMapping | None, job: Job | None,
            write: bool) -> ImportReport:
    _park(session, park_id)
    keys = [row.key for row in statement.rows]
    known: set[str] = set()
    for start in range(0, len(keys), 500):
        known |= set(session.scalars(select(Payment.key).where(
            Payment.park_id == park_id, Payment.account == account,
            Payment.key.in_(keys[start:start + 500]))))
    rows = [r for r in statement.rows if r.key not in known]
    new = [PaymentEntry(uuid7(), r.amount, r.booked_on, r.payer, r.remarks, r.reference)
           for r in rows]
    ledger = read_ledger(session, park_id)
    matches = match_all(new, tenant_names(session, park_id), ledger.open_items())
    if job is not None:
        job.step(2, 4, "")
    if write:
        write_payments(session, [{
            "id": p.id, "park_id": park_id, "account": account, "key": r.key,
            "received_on": r.booked_on, "amount": r.amount, "payer": r.payer,
            "remarks": r.remarks, "reference": r.reference, "balance": r.balance,
            "source": "bank", "source_file": path.name, "tenant_id": None}
            for p, r in zip(new, rows, strict=True)])
        allocations = []
        for found in matches:
            if found.outcome is Outcome.AUTO:
                allocations += _allocation_rows(park_id, found.payment_id, found.parts,
                                                new_by_id(new)[found.payment_id].received_on,
                                                "auto", _reasons(found))
        insert_allocations(session, allocations)
        if mapping is not None and account:
            _remember(session, park_id, account, mapping)
        if job is not None:
            job.step(3, 4, "")  # a cancel here still rolls everything back
    return ImportReport(path.name, account, tuple(new), len(statement.rows) - len(rows),
                        tuple(statement.skipped), tuple(matches), write)


def new_by_id(payments: Sequence[PaymentEntry]) -> dict[uuid.UUID, PaymentEntry]:
    return {p.id: p for p in payments}


# -- the queue and a person's decisions ----------------------------------------------------------


@dataclass(frozen=True)
class PaymentQueue:
    """The queue as its panel shows it, from one read of the ledger: the payments waiting
    with their proposals, every bill open now (oldest first) and every live tenant's
    names, so any tenant's bills can be chosen."""

    items: tuple[QueueItem, ...]
    open_items: tuple[OpenItem, ...]
    tenants: tuple[TenantNames, ...]


def payment_queue(session: Session, park_id: uuid.UUID) -> list[QueueItem]:
    """Every payment with money not allocated, oldest first, each with the rules' proposal
    against the bills open now."""
    ledger = read_ledger(session, park_id)
    held = unallocated_by_payment(ledger)
    if not any(amount > 0 for amount in held.values()):
        return []
    return _proposals(ledger, held, ledger.open_items(), tenant_names(session, park_id))


def read_payment_queue(session: Session, park_id: uuid.UUID) -> PaymentQueue:
    """:func:`payment_queue` with the open bills it was proposed against and the tenants'
    names, the ledger read once (the panel used to read it a second time for the bills)."""
    ledger = read_ledger(session, park_id)
    open_now = ledger.open_items()
    names = tenant_names(session, park_id)
    items = _proposals(ledger, unallocated_by_payment(ledger), open_now, names)
    return PaymentQueue(tuple(items), tuple(open_now), tuple(names))


def _proposals(ledger: Ledger, held: Mapping[uuid.UUID, Decimal],
               open_now: Sequence[OpenItem], names: Sequence[TenantNames]
               ) -> list[QueueItem]:
    waiting = [p for p in ledger.payments if held.get(p.id, ZERO) > 0]
    if not waiting:
        return []
    index = MatchIndex(names, open_now)
    by_id = {t.id: t.name for t in names}
    out = []
    for payment in waiting:
        rest = held[payment.id]
        found = match_payment(PaymentEntry(payment.id, rest, payment.received_on,
                                           payment.payer, payment.remarks, payment.reference),
                              index)
        out.append(QueueItem(payment, rest, found,
                             {c.tenant_id: by_id.get(c.tenant_id, "")
                              for c in found.candidates}))
    return out


def allocate_payment(workspace: Workspace, payment_id: uuid.UUID,
                     parts: Sequence[tuple[uuid.UUID, Decimal]], on: date, *,
                     payer_is: uuid.UUID | None = None) -> None:
    """A person's allocation of a payment to bills (confirming or correcting a proposal).
    Refused, with nothing written, when a part exceeds a bill's balance or the parts exceed
    what the payment holds. ``payer_is``: the tenant the payer name belongs to, kept as an
    alias so the next payment under that name matches."""
    with workspace.transaction() as session:
        payment = session.get(Payment, payment_id)
        if payment is None:
            raise PaymentRefused(f"no payment {payment_id}", "no-payment")
        ledger = read_ledger(session, payment.park_id)
        wanted = [Part(bill, money(amount)) for bill, amount in parts if amount != 0]
        proposed = [AllocationEntry(uuid7(), payment.id, part.bill_id, part.amount, None, on)
                    for part in wanted]
        problems = ledger_problems(ledger.payments, ledger.bills,
                                   (*ledger.allocations, *proposed))
        if any(part.amount < 0 for part in wanted):
            problems.append(_problem("allocation-negative"))
        if problems:
            first = problems[0]
            raise PaymentRefused(f"the allocation of {payment.amount} is refused: "
                                 f"{first.code}", "allocation-refused",
                                 problem=first.code, **first.params)
        _write_allocations(session, payment.park_id, payment.id, wanted, on, "person",
                           [{"code": "confirmed", "params": {}}])
        if payer_is is not None and payment.payer:
            _alias(session, payment.park_id, payer_is, payment.payer)


def reverse_allocation(workspace: Workspace, allocation_id: uuid.UUID, on: date,
                       amount: Decimal | None = None) -> uuid.UUID:
    """Undo an allocation (whole, or ``amount`` of it): a negative entry naming it; the
    money is the payment's again, the bill open again."""
    with workspace.transaction() as session:
        original = session.get(Allocation, allocation_id)
        if original is None or original.kind != "allocate":
            raise PaymentRefused(f"no allocation {allocation_id} to reverse", "no-allocation")
        undone = sum((a.amount for a in session.scalars(select(Allocation).where(
            Allocation.reverses_id == original.id))), ZERO)
        holds = original.amount + undone
        take = holds if amount is None else money(amount)
        if take <= 0 or take > holds:
            raise PaymentRefused(f"the allocation holds {holds:,}, not {take:,}",
                                 "reverse-beyond", holds=str(holds), amount=str(take))
        row = {"id": uuid7(), "park_id": original.park_id,
               "source_kind": original.source_kind, "source_id": original.source_id,
               "bill_id": original.bill_id, "kind": "reverse", "reverses_id": original.id,
               "amount": -take, "on": on, "by": "person", "reasons": []}
        insert_allocations(session, [row])
        return row["id"]


def refund(workspace: Workspace, payment_id: uuid.UUID, amount: Decimal, on: date) -> uuid.UUID:
    """Pay back what a payment still holds (an overpayment): an allocation to no bill."""
    with workspace.transaction() as session:
        payment = session.get(Payment, payment_id)
        if payment is None:
            raise PaymentRefused(f"no payment {payment_id}", "no-payment")
        held = unallocated_by_payment(read_ledger(session, payment.park_id)).get(
            payment.id, ZERO)
        take = money(amount)
        if take <= 0 or take > held:
            raise PaymentRefused(f"the payment holds {held:,}, not {take:,}", "refund-beyond",
                                 holds=str(held), amount=str(take))
        row = {"id": uuid7(), "park_id": payment.park_id, "source_kind": PAYMENT,
               "source_id": payment.id, "bill_id": None, "kind": "refund",
               "reverses_id": None, "amount": take, "on": on, "by": "person", "reasons": []}
        insert_allocations(session, [row])
        return row["id"]


# -- writing ---------------------------------------------------------------------------------


def write_payments(session: Session, rows: list[dict[str, Any]]) -> None:
    with under_command(session):
        insert_rows(session, Payment, rows)
    record_commands(session, "post_payment", Payment, [(r["id"], {
        "payment": str(r["id"]), "park": str(r["park_id"]), "account": r["account"],
        "key": r["key"], "received_on": r["received_on"].isoformat(),
        "amount": str(r["amount"]), "payer": r["payer"], "remarks": r["remarks"],
        "reference": r["reference"],
        "balance": None if r["balance"] is None else str(r["balance"]),
        "source": r["source"], "source_file": r["source_file"],
        "tenant": str(r["tenant_id"]) if r["tenant_id"] else None}) for r in rows],
        ready=True)


def _allocation_rows(park_id: uuid.UUID, payment_id: uuid.UUID, parts: Sequence[Part],
                     on: date, by: str, reasons: list[dict[str, Any]]
                     ) -> list[dict[str, Any]]:
    return [{"id": uuid7(), "park_id": park_id, "source_kind": PAYMENT, "source_id": payment_id,
             "bill_id": part.bill_id, "kind": "allocate", "reverses_id": None,
             "amount": part.amount, "on": on, "by": by, "reasons": reasons}
            for part in parts if part.amount > 0]


def _write_allocations(session: Session, park_id: uuid.UUID, payment_id: uuid.UUID,
                       parts: Sequence[Part], on: date, by: str,
                       reasons: list[dict[str, Any]]) -> None:
    insert_allocations(session, _allocation_rows(park_id, payment_id, parts, on, by, reasons))


def insert_allocations(session: Session, rows: list[dict[str, Any]]) -> None:
    """Allocation rows (allocations, reversals, refunds) with one ``allocate_payment``
    command each, in the caller's transaction."""
    if not rows:
        return
    with under_command(session):
        insert_rows(session, Allocation, rows)
    record_commands(session, "allocate_payment", Allocation, [(r["id"], {
        "allocation": str(r["id"]), "kind": r["kind"], "source_kind": r["source_kind"],
        "source": str(r["source_id"]), "bill": str(r["bill_id"]) if r["bill_id"] else None,
        "reverses": str(r["reverses_id"]) if r["reverses_id"] else None,
        "amount": str(r["amount"]), "on": r["on"].isoformat(), "by": r["by"],
        "reasons": r["reasons"]}) for r in rows], ready=True)


def _reasons(found: Match) -> list[dict[str, Any]]:
    return [{"code": r.code, "params": dict(r.params)} for r in found.reasons] or [
        {"code": r.code, "params": dict(r.params)}
        for c in found.candidates[:1] for r in c.reasons]


def _alias(session: Session, park_id: uuid.UUID, tenant_id: uuid.UUID, payer: str) -> None:
    tenant = session.get(Tenant, tenant_id)
    if tenant is None or payer.strip() in (tenant.name, tenant.short_name):
        return
    exists = session.scalar(select(PayerAlias).where(PayerAlias.tenant_id == tenant_id,
                                                     PayerAlias.name == payer.strip()))
    if exists is None:
        session.add(PayerAlias(park_id=park_id, tenant_id=tenant_id, name=payer.strip()))
    elif exists.archived:
        exists.archived = False


def _mapping(session: Session, park_id: uuid.UUID, account: str | None
             ) -> ColumnMapping | None:
    if not account:
        return None
    row = session.scalar(select(BankMapping).where(BankMapping.park_id == park_id,
                                                   BankMapping.account == account,
                                                   ~BankMapping.archived))
    return None if row is None else ColumnMapping.from_json(json.dumps(row.mapping))


def _remember(session: Session, park_id: uuid.UUID, account: str,
              mapping: ColumnMapping) -> None:
    row = session.scalar(select(BankMapping).where(BankMapping.park_id == park_id,
                                                   BankMapping.account == account))
    document = json.loads(mapping.to_json())
    if row is None:
        session.add(BankMapping(park_id=park_id, account=account, mapping=document))
    elif row.mapping != document:
        row.mapping = document


def _park(session: Session, park_id: uuid.UUID) -> Park:
    park = session.get(Park, park_id)
    if park is None:
        raise PaymentRefused(f"no park {park_id}", "no-park")
    return park


def _problem(code: str) -> Any:
    from domain.billing.balances import Problem

    return Problem(code, {})
