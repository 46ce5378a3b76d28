"""Receivables read from the ledgers: each bill's balance, the open items, ageing.

The rules are ``domain.billing`` (balances, ageing); here the rows become
its records. One reading is the ledger's: a credit (an adjustment bill with
a negative amount) is a line of the bill it corrects, so that bill's balance
falls; a positive adjustment is a bill of its own, due when it says.
Allocations from every source (a payment, a deposit, a credit) lower the
balance of the bill they name; only those from a payment count against the
payment's unallocated amount.
"""

from __future__ import annotations

import uuid
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session

from domain.billing.ageing import AgeingReport, ageing
from domain.billing.balances import (
    AllocationEntry,
    BillEntry,
    OpenItem,
    PaymentEntry,
    open_items,
)
from domain.billing.bills import ADJUSTMENT_KIND
from domain.billing.matching import TenantNames
from domain.money import ZERO
from store.schema import (
    Allocation,
    Bill,
    BillLine,
    Contract,
    ContractUnit,
    Floor,
    PayerAlias,
    Payment,
    Tenant,
    Unit,
)

PAYMENT = "payment"


@dataclass(frozen=True)
class Ledger:
    """A park's receivables ledger as the domain reads it."""

    bills: tuple[BillEntry, ...]
    payments: tuple[PaymentEntry, ...]
    allocations: tuple[AllocationEntry, ...]  # from payments
    other_allocations: tuple[AllocationEntry, ...]  # from deposits and credits

    def open_items(self, on: date | None = None) -> list[OpenItem]:
        return open_items(self.bills, (*self.allocations, *self.other_allocations), on)


def read_ledger(session: Session, park_id: uuid.UUID, *,
                tenant_id: uuid.UUID | None = None, issued_by: date | None = None,
                payments: bool = True) -> Ledger:
    """Every bill, payment and allocation of the park (or of one tenant).

    ``issued_by``: only the bills issued by that day, the ledger as it stood (a credit
    score's; allocations made later are left out by ``open_items(on)``). Without
    ``payments`` the payments themselves are not read: a score or a late fee needs only
    what reached each bill, and a park's payments with their bank remarks are most of
    its ledger's weight."""
    codes = dict(session.execute(select(Contract.id, Contract.code)
                                 .where(Contract.park_id == park_id)).all())
    query = select(Bill.id, Bill.contract_id, Bill.tenant_id, Bill.charge, Bill.period_start,
                   Bill.due_on, Bill.amount, Bill.kind, Bill.corrects_id, Bill.number,
                   Bill.issued_on).where(Bill.park_id == park_id)
    if tenant_id is not None:
        query = query.where(Bill.tenant_id == tenant_id)
    if issued_by is not None:
        query = query.where(Bill.issued_on <= issued_by)
    # Unpacked, not named: a named column of a row costs a lookup, times a park's year.
    rows = session.execute(query.order_by(Bill.issued_on, Bill.number)).all()
    credits: dict[uuid.UUID, list[Decimal]] = defaultdict(list)
    for _id, _contract, _tenant, _charge, _start, _due, amount, kind, corrects, _n, _on in rows:
        if kind == ADJUSTMENT_KIND and amount < 0 and corrects is not None:
            credits[corrects].append(amount)
    # A bill is owed from its due date, or from the day it was issued when that is later
    # (a contract paid in advance billed late): nobody is late on a bill not yet sent.
    bills = tuple(
        BillEntry(ident, contract_id, tenant_id, charge, start, max(due_on, issued_on),
                  (amount, *credits.get(ident, ())), codes.get(contract_id, ""), number)
        for (ident, contract_id, tenant_id, charge, start, due_on, amount, kind, corrects,
             number, issued_on) in rows
        if not (kind == ADJUSTMENT_KIND and amount < 0 and corrects is not None))
    # Columns, not ORM rows: a park's year is tens of thousands of each.
    received = tuple(PaymentEntry(*row) for row in session.execute(
        select(Payment.id, Payment.amount, Payment.received_on, Payment.payer,
               Payment.remarks, Payment.reference)
        .where(Payment.park_id == park_id).order_by(Payment.received_on, Payment.key))
    ) if payments else ()
    allocations_query = select(Allocation.id, Allocation.source_id, Allocation.bill_id,
                               Allocation.amount, Allocation.reverses_id, Allocation.on,
                               Allocation.source_kind).where(Allocation.park_id == park_id)
    if tenant_id is not None:
        allocations_query = allocations_query.where(
            Allocation.bill_id.in_([b.id for b in bills]))
    mine, other = [], []
    for *fields, source_kind in session.execute(
            allocations_query.order_by(Allocation.on, Allocation.id)):
        (mine if source_kind == PAYMENT else other).append(AllocationEntry(*fields))
    return Ledger(bills, received, tuple(mine), tuple(other))


def unallocated_by_payment(ledger: Ledger) -> dict[uuid.UUID, Decimal]:
    """What each payment still holds (received less allocated and refunded)."""
    held = {p.id: p.amount for p in ledger.payments}
    for entry in ledger.allocations:
        if entry.payment_id in held:
            held[entry.payment_id] -= entry.amount
    return held


def tenant_names(session: Session, park_id: uuid.UUID) -> list[TenantNames]:
    """Each tenant's legal and short name, confirmed payer aliases and contract codes."""
    aliases: dict[uuid.UUID, list[str]] = defaultdict(list)
    for tenant_id, name in session.execute(
            select(PayerAlias.tenant_id, PayerAlias.name)
            .where(PayerAlias.park_id == park_id, ~PayerAlias.archived)):
        aliases[tenant_id].append(name)
    codes: dict[uuid.UUID, list[str]] = defaultdict(list)
    for tenant_id, code in session.execute(
            select(Contract.tenant_id, Contract.code).where(Contract.park_id == park_id,
                                                            ~Contract.archived)):
        codes[tenant_id].append(code)
    return [TenantNames(t.id, t.name, t.short_name, tuple(aliases.get(t.id, ())),
                        tuple(codes.get(t.id, ())))
            for t in session.scalars(select(Tenant).where(Tenant.park_id == park_id,
                                                          ~Tenant.archived))]


def ageing_report(session: Session, park_id: uuid.UUID, on: date) -> AgeingReport:
    """Open items aged on ``on``, by tenant, building and park (allocations made after
    ``on`` not counted: the report is as it stood that day)."""
    ledger = read_ledger(session, park_id)
    items = ledger.open_items(on)
    return ageing(items, on, buildings_of(session, {i.contract_id for i in items}))


def buildings_of(session: Session, contract_ids: Iterable[uuid.UUID]
                 ) -> dict[uuid.UUID, uuid.UUID | None]:
    """Each contract's building (None when its units are in more than one)."""
    found: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    ids = list(contract_ids)
    for start in range(0, len(ids), 500):
        for contract_id, building_id in session.execute(
                select(ContractUnit.contract_id, Floor.building_id)
                .join(Unit, Unit.id == ContractUnit.unit_id)
                .join(Floor, Floor.id == Unit.floor_id)
                .where(ContractUnit.contract_id.in_(ids[start:start + 500]))):
            found[contract_id].add(building_id)
    return {c: (next(iter(b)) if len(b) == 1 else None) for c, b in found.items()}


def arrears_by_unit(session: Session, park_id: uuid.UUID, on: date
                    ) -> dict[uuid.UUID, tuple[Decimal, date]]:
    """Each let unit's overdue amount on ``on`` and its oldest due date: the contract's
    arrears shown on each of its units (the maps' overdue outline, the hover card)."""
    items = [i for i in read_ledger(session, park_id).open_items(on) if i.due_on < on]
    by_contract: dict[uuid.UUID, tuple[Decimal, date]] = {}
    for item in items:
        amount, oldest = by_contract.get(item.contract_id, (ZERO, item.due_on))
        by_contract[item.contract_id] = (amount + item.amount, min(oldest, item.due_on))
    out: dict[uuid.UUID, tuple[Decimal, date]] = {}
    ids = list(by_contract)
    for start in range(0, len(ids), 500):
        for contract_id, unit_id in session.execute(
                select(ContractUnit.contract_id, ContractUnit.unit_id)
                .where(ContractUnit.contract_id.in_(ids[start:start + 500]),
                       ~ContractUnit.archived)):
            amount, oldest = by_contract[contract_id]
            had = out.get(unit_id)
            out[unit_id] = (amount if had is None else had[0] + amount,
                            oldest if had is None else min(had[1], oldest))
    return out


def posted_late_fees(session: Session, park_id: uuid.UUID) -> dict[uuid.UUID, Decimal]:
    """Late fees posted so far, by the bill they were charged on (each fee line's
    explanation names it): what a new accrual is reckoned against."""
    from domain.billing.late_fees import LATE_FEE

    posted: dict[uuid.UUID, Decimal] = defaultdict(lambda: ZERO)
    for explanation, amount in session.execute(
            select(BillLine.explanation, BillLine.amount).join(Bill, Bill.id == BillLine.bill_id)
            .where(Bill.park_id == park_id, Bill.charge == LATE_FEE)):
        on_bill = (explanation or {}).get("on_bill")
        if on_bill:
            posted[uuid.UUID(on_bill)] += amount
    return dict(posted)


def bills_by_id(ledger: Ledger) -> Mapping[uuid.UUID, BillEntry]:
    return {b.id: b for b in ledger.bills}


def items_of(ledger: Ledger, tenant_id: uuid.UUID, on: date | None = None
             ) -> Sequence[OpenItem]:
    return [i for i in ledger.open_items(on) if i.tenant_id == tenant_id]


class KeptLedger:
    """A park's ledger kept by a caller that reads it again and again while writing to it
    in one session (the demo's year of monthly runs: each run's credit scores and late
    fees), so the year is not read again for each: each read adds only the bills,
    allocations and late-fee lines written since the last, found by their stamps (the
    ledgers are insert-only), and gives what a fresh read gives. All is read again if a
    contract changed meanwhile (a bill's entry carries its code). A read on its own (a
    window's, the command line's) reads afresh: it cannot know what changed since."""

    def __init__(self, session: Session, park_id: uuid.UUID) -> None:
        self.session = session
        self.park_id = park_id
        self._contracts_stamp = self._latest_contract_stamp()
        self._reset()

    def _reset(self) -> None:
        self._codes: dict[uuid.UUID, str] = dict(self.session.execute(
            select(Contract.id, Contract.code).where(Contract.park_id == self.park_id)).all())
        # The bills in read_ledger's order (issued, number), with their entries (None for
        # a credit: a line of the bill it corrects) and issue days, side by side.
        self._bills: list[Row[Any]] = []
        self._entries: list[BillEntry | None] = []
        self._issued: list[date] = []
        self._credits: list[Row[Any]] = []
        self._bill_ids: set[uuid.UUID] = set()
        # (on, id as a number, entry, from a payment), in read_ledger's order (on, id)
        self._allocations: list[tuple[date, int, AllocationEntry, bool]] = []
        self._allocation_ids: set[uuid.UUID] = set()
        self._fees: dict[uuid.UUID, Decimal] = {}
        self._fee_lines: set[uuid.UUID] = set()
        self._since: dict[str, str | None] = dict.fromkeys(("bills", "allocations", "fees"))

    def on(self, issued_by: date) -> Ledger:
        """``read_ledger(session, park_id, issued_by=issued_by, payments=False)``: what
        ``services.collections.ledger_on`` reads for a credit score or a late fee."""
        stamp = self._latest_contract_stamp()
        if stamp != self._contracts_stamp:
            self._contracts_stamp = stamp
            self._reset()
        self._read_bills()
        self._read_allocations()
        end = bisect_right(self._issued, issued_by)
        credits: dict[uuid.UUID, list[Decimal]] = defaultdict(list)
        for row in self._credits:
            if row.issued_on <= issued_by:
                credits[row.corrects_id].append(row.amount)
        entries = self._entries[:end]
        bills = tuple(e if e.id not in credits else replace(e, lines=(*e.lines, *credits[e.id]))
                      for e in entries if e is not None) if credits else tuple(
            e for e in entries if e is not None)
        return Ledger(bills, (), tuple(a[2] for a in self._allocations if a[3]),
                      tuple(a[2] for a in self._allocations if not a[3]))

    @property
    def any_bill(self) -> bool:
        """Whether the park had a bill at the last read (of any day)."""
        return bool(self._bill_ids)

    def holds(self, bill_id: uuid.UUID) -> bool:
        """Whether the bill was posted, as of the last read."""
        return bill_id in self._bill_ids

    def posted_late_fees(self) -> dict[uuid.UUID, Decimal]:
        """:func:`posted_late_fees`, adding the late-fee lines written since the last."""
        from domain.billing.late_fees import LATE_FEE

        query = (select(BillLine.id, BillLine.explanation, BillLine.amount, BillLine.hlc)
                 .join(Bill, Bill.id == BillLine.bill_id)
                 .where(Bill.park_id == self.park_id, Bill.charge == LATE_FEE))
        for line_id, explanation, amount, _stamp in self._since_last("fees", query,
                                                                     BillLine.hlc):
            if line_id in self._fee_lines:
                continue
            self._fee_lines.add(line_id)
            on_bill = (explanation or {}).get("on_bill")
            if on_bill:
                key = uuid.UUID(on_bill)
                self._fees[key] = self._fees.get(key, ZERO) + amount
        return dict(self._fees)

    def _latest_contract_stamp(self) -> str | None:
        """The latest stamp on contracts: it moves when one is added or changed."""
        return self.session.scalar(select(func.max(Contract.hlc)))

    def _read_bills(self) -> None:
        query = select(Bill.id, Bill.contract_id, Bill.tenant_id, Bill.charge,
                       Bill.period_start, Bill.due_on, Bill.amount, Bill.kind,
                       Bill.corrects_id, Bill.number, Bill.issued_on,
                       Bill.hlc).where(Bill.park_id == self.park_id)
        new = [row for row in self._since_last("bills", query, Bill.hlc)
               if row.id not in self._bill_ids]
        if not new:
            return
        self._bill_ids.update(row.id for row in new)
        self._credits += [row for row in new if _is_credit(row)]
        rows = self._bills + new
        rows.sort(key=lambda row: (row.issued_on, row.number))
        known = dict(zip((row.id for row in self._bills), self._entries, strict=True))
        self._entries = [known[row.id] if row.id in known else self._entry(row)
                         for row in rows]
        self._bills = rows
        self._issued = [row.issued_on for row in rows]
        self._credits.sort(key=lambda row: (row.issued_on, row.number))

    def _entry(self, row: Row[Any]) -> BillEntry | None:
        if _is_credit(row):
            return None
        return BillEntry(row.id, row.contract_id, row.tenant_id, row.charge, row.period_start,
                         max(row.due_on, row.issued_on), (row.amount,),
                         self._codes.get(row.contract_id, ""), row.number)

    def _read_allocations(self) -> None:
        query = select(Allocation.id, Allocation.source_id, Allocation.bill_id,
                       Allocation.amount, Allocation.reverses_id, Allocation.on,
                       Allocation.source_kind, Allocation.hlc).where(
            Allocation.park_id == self.park_id)
        added = False
        for ident, source, bill, amount, reverses, on, kind, _stamp in self._since_last(
                "allocations", query, Allocation.hlc):
            if ident in self._allocation_ids:
                continue
            self._allocation_ids.add(ident)
            self._allocations.append((on, ident.int, AllocationEntry(
                ident, source, bill, amount, reverses, on), kind == PAYMENT))
            added = True
        if added:
            self._allocations.sort(key=lambda a: (a[0], a[1]))

    def _since_last(self, what: str, query: Any, stamp: Any) -> list[Row[Any]]:
        """The rows of ``query`` stamped after the last read of ``what`` (all, the first
        time), in the order written; their stamp is the last column."""
        since = self._since[what]
        if since is not None:
            query = query.where(stamp > since)
        rows = self.session.execute(query.order_by(stamp)).all()
        if rows:
            last = rows[-1][-1]
            self._since[what] = last if since is None else max(since, last)
        return rows


def _is_credit(row: Row[Any]) -> bool:
    """An adjustment lowering the bill it corrects: a line of that bill, not one of its own."""
    return row.kind == ADJUSTMENT_KIND and row.amount < 0 and row.corrects_id is not None
