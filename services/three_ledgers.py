"""The three-ledger check (三账对齐) on a park's store, the voucher export that makes it
checkable and the accounting system's entries imported back.

The rules are ``domain.billing.three_ledgers``; here the store becomes its records:

- the **contract ledger** is each signed contract's schedule, read in bulk as the billing
  run reads it (``services.billing_run``'s reader: versions, CPI, sales, a termination's
  cut), one line per period and charge as a bill is made (a rent-free 0.00 is no line);
  the plan's areas are the live units' billable areas, the let areas the contract's;
- the **operations ledger** is what was posted on or before the day: bills, payments and
  the allocations of payments (reversals and refunds among them), and the deposits'
  own ledger (``deposit_movements``: received, applied to arrears, refunded, carried to
  or from a renewal; a reversal is the kind it reverses in red). A carry is read
  whatever its date (one arranged at a renewal's signing for its first day holds the
  renewal's deposit from the signing); it books no voucher (see the domain). An
  adjustment bill is a line correcting the bill it names (``corrects_id``), and money
  allocated to it is booked against that bill's receivable: the same tenant, the same
  account. A payment's tenant is its own, else the one tenant whose bills it paid. The
  allocations that mirror a deposit movement (a payment's money held as the deposit, a
  deposit applied to a bill) are its movement's, booked once, through the deposit
  account (其他应付款-押金);
- the **finance ledger** is ``finance_entries``: the accounting system's posted lines,
  imported back by :func:`import_finance_entries` (CSV or Excel, columns known by their
  headers or a mapping) under a key per line (the voucher's month, number and line, or a
  hash of the line), so importing the same lines again adds nothing; a customer named
  as a tenant (its name, short name or a confirmed payer alias) is that tenant's.

The contract ledger's deposit is the contract's (``contracts.deposit``, due on signing):
RentTerms carry no deposit clause, the contract and each of its versions do. A reversal
of a deposit movement the ledger does not have cannot be booked; such movements are
counted in :attr:`LedgerCheck.left_out`, so the report says what it did not look at.
"""

from __future__ import annotations

import csv
import hashlib
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain.billing.bills import ADJUSTMENT_KIND
from domain.billing.deposits import CARRY_KINDS
from domain.billing.invoices import TaxTable, missing_rates
from domain.billing.three_ledgers import (
    DEPOSIT_KINDS,
    Allocation,
    Chart,
    ContractFacts,
    DepositEntry,
    Difference,
    DueLine,
    EntryKind,
    FinanceEntry,
    LetUnit,
    Match,
    OpsAdjustment,
    OpsBill,
    Receipt,
    VoucherLine,
    billed_for_periods,
    reconcile,
    references_in,
    vouchers,
)
from domain.contracts import ContractStatus
from domain.money import ZERO, money
from importers.rent_roll import (
    HEADER_SCAN,
    SKIP_CODES,
    RentRollError,
    Unreadable,
    cell_text,
    read_csv_rows,
    read_date,
    read_decimal,
    read_excel_rows,
    squash,
)
from runtime.jobs import Job, gc_paused
from runtime.messages import Message, UserError
from store.changes import insert_rows
from store.id_text import parse_id
from store.ids import uuid7
from store.schema import Allocation as AllocationRow
from store.schema import (
    Bill,
    Contract,
    ContractUnit,
    DepositMovement,
    Park,
    Payment,
    Tenant,
    Unit,
)
from store.schema import FinanceEntry as EntryRow
from store.workspace import Workspace

CHUNK = 500  # keys per IN (...)
WINDOW_DAYS = 7  # the books post a few days late: entries this far past the day count
PAYMENT = "payment"  # Allocation.source_kind of a payment's money
DEPOSIT_KIND = "deposit"  # Allocation.kind: a payment's money held as a deposit
REFUND_KIND = "refund"
TEXT_LIMIT = 100  # finance_entries.reference holds this many characters
_NO_ID = uuid.UUID(int=0)

# The causes a difference is counted under, in the order a report lists them. The domain
# says "amount-differs" for both pairs of ledgers; against the books it is its own cause.
AMOUNT_IN_BOOKS = "amount-differs-in-books"
CAUSES = ("leased-unit-no-bill", "bill-no-contract", "billed-after-end",
          "bill-not-in-schedule", "amount-differs", "deposit-not-received",
          "deposit-amount-differs", "area-mismatch", "unit-not-in-plan",
          "receipt-not-in-books", "bill-not-in-books", "adjustment-not-in-books",
          "allocation-not-in-books", "refund-not-in-books", "deposit-received-not-in-books",
          "deposit-applied-not-in-books", "deposit-refunded-not-in-books", AMOUNT_IN_BOOKS,
          "entry-not-ours", "deposit-not-ours")
REVERSED = "reversed"  # deposit_movements.kind of a reversal
KNOWN_DEPOSIT_KINDS = (*DEPOSIT_KINDS, *CARRY_KINDS)


class LedgersRefused(UserError):
    """An export or an import that cannot be made as asked; nothing written."""


def cause_of(difference: Difference) -> str:
    """The cause a difference is counted and worded under (see :data:`CAUSES`)."""
    if (difference.code == "amount-differs"
            and difference.params.get("ledgers") == "operations/finance"):
        return AMOUNT_IN_BOOKS
    return difference.code


# -- the ledgers, read ---------------------------------------------------------------------


@dataclass(frozen=True)
class Operations:
    """The operations ledger as the domain reads it, with what finds each entry again."""

    bills: tuple[OpsBill, ...]
    adjustments: tuple[OpsAdjustment, ...]
    receipts: tuple[Receipt, ...]
    allocations: tuple[Allocation, ...]
    numbers: Mapping[uuid.UUID, str]  # bill id (adjustments too) → its number
    allocated_bill: Mapping[uuid.UUID, uuid.UUID]  # allocation → the bill it names
    payers: Mapping[uuid.UUID, str]  # payment → payer as the bank wrote it
    bank_refs: Mapping[uuid.UUID, str]  # payment → the bank's reference
    left_out: Mapping[str, int]  # entries not in the check, by why
    deposits: tuple[DepositEntry, ...] = ()
    contract_codes: Mapping[uuid.UUID, str] = field(default_factory=dict)  # of deposits


@dataclass(frozen=True)
class Ledgers:
    """All three ledgers of a park on a day, and the names that make their ids findable."""

    on: date
    since: date | None  # the contract ledger's first period (None: from each start)
    contracts: tuple[ContractFacts, ...]
    due: tuple[DueLine, ...]
    operations: Operations
    entries: tuple[FinanceEntry, ...]
    plan_areas: Mapping[uuid.UUID, Decimal]
    tenants: Mapping[uuid.UUID, str]  # tenant → name


def read_operations(session: Session, park_id: uuid.UUID, until: date) -> Operations:
    """Bills posted, payments received, their allocations and the deposits' movements
    dated ``until`` or before.

    Rows are read as tuples and unpacked (a named column of a row costs a lookup, and a
    park's year is tens of thousands of rows of a dozen columns)."""
    rows = session.execute(
        select(Bill.id, Bill.contract_id, Bill.tenant_id, Bill.kind, Bill.corrects_id,
               Bill.charge, Bill.period_start, Bill.period_end, Bill.due_on, Bill.issued_on,
               Bill.amount, Bill.number)
        .where(Bill.park_id == park_id, Bill.issued_on <= until)
        .order_by(Bill.issued_on, Bill.number)).all()
    by_id = {r[0]: r for r in rows}
    bills: list[OpsBill] = []
    adjustments: list[OpsAdjustment] = []
    sits_on: dict[uuid.UUID, uuid.UUID] = {}
    numbers: dict[uuid.UUID, str] = {}
    tenant_of: dict[uuid.UUID, uuid.UUID] = {}
    for (ident, contract_id, tenant_id, kind, _corrects, charge, start, end, due_on, issued_on,
         amount, number) in rows:
        root = _root(ident, by_id) if kind == ADJUSTMENT_KIND else ident
        if root != ident:
            adjustments.append(OpsAdjustment(ident, root, issued_on, amount, root))
        else:
            bills.append(OpsBill(ident, contract_id, tenant_id, charge, start, end, due_on,
                                 issued_on, amount))
        sits_on[ident] = root
        numbers[ident] = number
        tenant_of[ident] = tenant_id
    payments = session.execute(
        select(Payment.id, Payment.tenant_id, Payment.received_on, Payment.amount,
               Payment.reference, Payment.payer)
        .where(Payment.park_id == park_id, Payment.received_on <= until)
        .order_by(Payment.received_on, Payment.key)).all()
    paid = {p[0] for p in payments}
    allocations: list[Allocation] = []
    allocated_bill: dict[uuid.UUID, uuid.UUID] = {}
    paid_tenants: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    left_out: Counter[str] = Counter()
    for ident, payment_id, bill_id, kind, amount, on in session.execute(
            select(AllocationRow.id, AllocationRow.source_id, AllocationRow.bill_id,
                   AllocationRow.kind, AllocationRow.amount, AllocationRow.on)
            .where(AllocationRow.park_id == park_id, AllocationRow.source_kind == PAYMENT,
                   AllocationRow.on <= until)
            .order_by(AllocationRow.on, AllocationRow.id)):
        if payment_id not in paid or kind == DEPOSIT_KIND:
            # Money of a payment received after the day (its date is the bank's), or held
            # as a deposit: its deposit movement books it.
            continue
        if bill_id is None:
            if kind == REFUND_KIND:
                allocations.append(Allocation(ident, payment_id, None, on, amount))
        elif bill_id in sits_on:
            allocations.append(Allocation(ident, payment_id, sits_on[bill_id], on, amount))
            allocated_bill[ident] = bill_id
            paid_tenants[payment_id].add(tenant_of[bill_id])
    deposits, codes = _deposits(session, park_id, until, left_out)
    receipts = []
    for payment_id, tenant, received_on, amount, reference, _payer in payments:
        if tenant is None and len(paid_tenants.get(payment_id, ())) == 1:
            tenant = next(iter(paid_tenants[payment_id]))
        receipts.append(Receipt(payment_id, tenant, received_on, amount, reference))
    return Operations(tuple(bills), tuple(adjustments), tuple(receipts), tuple(allocations),
                      numbers, allocated_bill, {p[0]: p[5] for p in payments},
                      {p[0]: p[4] for p in payments},
                      {k: v for k, v in left_out.items() if v}, tuple(deposits), codes)


def _deposits(session: Session, park_id: uuid.UUID, until: date, left_out: Counter[str]
              ) -> tuple[list[DepositEntry], dict[uuid.UUID, str]]:
    """The deposit movements dated ``until`` or before, and the carries whatever their
    date; a reversal as the kind it reverses in red, and the codes of their contracts
    (archived ones too: their money still moved). A reversal of a movement not there, or
    a kind not known, is counted in ``left_out``."""
    rows = session.execute(
        select(DepositMovement.id, DepositMovement.contract_id, DepositMovement.kind,
               DepositMovement.amount, DepositMovement.on, DepositMovement.bill_id,
               DepositMovement.payment_id, DepositMovement.reverses_id,
               DepositMovement.counterpart_id, Contract.tenant_id, Contract.code)
        .join(Contract, Contract.id == DepositMovement.contract_id)
        .where(DepositMovement.park_id == park_id)
        .order_by(DepositMovement.on, DepositMovement.id)).all()
    by_id = {r.id: r for r in rows}
    out = []
    for r in rows:
        kind, amount, source = r.kind, r.amount, r
        if kind == REVERSED:
            source = by_id.get(r.reverses_id) if r.reverses_id is not None else None
            if source is None or source.kind not in KNOWN_DEPOSIT_KINDS:
                if r.on <= until:
                    left_out["deposit-reversal-unknown"] += 1
                continue
            kind, amount = source.kind, -r.amount
        elif kind not in KNOWN_DEPOSIT_KINDS:
            if r.on <= until:
                left_out["deposit-kind-unknown"] += 1
            continue
        if r.on > until and kind not in CARRY_KINDS:
            continue
        counterpart = source.counterpart_id if kind in CARRY_KINDS else None
        out.append(DepositEntry(r.id, r.contract_id, r.tenant_id, kind, r.on, amount,
                                source.bill_id, source.payment_id, counterpart))
    return out, {r.contract_id: r.code for r in rows}


def _root(bill_id: uuid.UUID, by_id: Mapping[uuid.UUID, Any]) -> uuid.UUID:
    """The bill whose period an adjustment corrects (itself for a bill of its own: a charge,
    or an adjustment whose original is not in the ledger read). ``by_id``: the bills' rows
    by id, as :func:`read_operations` reads them (id, contract, tenant, kind, corrects…)."""
    seen = {bill_id}
    current = by_id[bill_id]
    while current[3] == ADJUSTMENT_KIND and current[4] in by_id:
        if current[4] in seen:
            break  # a loop cannot be posted; stop rather than spin
        seen.add(current[4])
        current = by_id[current[4]]
    return current[0]


def first_billed(session: Session, park_id: uuid.UUID) -> date | None:
    """The first period the park billed: where its operations ledger starts."""
    return session.scalar(select(func.min(Bill.period_start)).where(Bill.park_id == park_id))


def read_ledgers(session: Session, park_id: uuid.UUID, on: date, *,
                 window_days: int = WINDOW_DAYS, since: date | None = None) -> Ledgers:
    """The three ledgers of ``park_id`` on ``on`` (the books' entries up to ``window_days``
    later, as they post late). The contract ledger holds the periods starting on or after
    ``since``; by default where the operations ledger starts (the first period billed), so
    a park that began billing here years into its leases is not told that every month
    before is unbilled."""
    if session.get(Park, park_id) is None:
        raise LedgersRefused(f"no park {park_id}", "no-park")
    if since is None:
        since = first_billed(session, park_id)
    operations = read_operations(session, park_id, on)
    contracts = _contracts(session, park_id, on)
    last = max([on, *(b.period_start for b in operations.bills)])
    starts = [c.starts_on for c in contracts]
    if since is not None:
        starts = [max(start, since) for start in starts]
    due = _due_lines(session, park_id, starts, last)
    if since is not None:
        due = [line for line in due if line.period_start >= since]
    plan = dict(session.execute(select(Unit.id, Unit.billable_area)
                                .where(Unit.park_id == park_id, ~Unit.archived)).all())
    tenants = dict(session.execute(select(Tenant.id, Tenant.name)
                                   .where(Tenant.park_id == park_id)).all())
    entries = read_entries(session, park_id, on + timedelta(days=window_days))
    return Ledgers(on, since, tuple(contracts), tuple(due), operations, tuple(entries), plan,
                   tenants)


def _contracts(session: Session, park_id: uuid.UUID, on: date) -> list[ContractFacts]:
    """Every signed (or terminated) live contract, with the units it lets on ``on``."""
    units: dict[uuid.UUID, list[LetUnit]] = defaultdict(list)
    for contract_id, unit_id, area, held_from, held_to, code in session.execute(
            select(ContractUnit.contract_id, ContractUnit.unit_id, ContractUnit.billable_area,
                   ContractUnit.held_from, ContractUnit.held_to, Unit.code)
            .join(Contract, Contract.id == ContractUnit.contract_id)
            .join(Unit, Unit.id == ContractUnit.unit_id)
            .where(Contract.park_id == park_id, ~ContractUnit.archived)
            .order_by(Unit.code)):
        if (held_from is None or held_from <= on) and (held_to is None or held_to >= on):
            units[contract_id].append(LetUnit(unit_id, area, code))
    out = []
    for r in session.execute(
            select(Contract.id, Contract.code, Contract.tenant_id, Contract.status,
                   Contract.starts_on, Contract.ends_on, Contract.terminated_on,
                   Contract.deposit, Contract.signed_on)
            .where(Contract.park_id == park_id, ~Contract.archived,
                   Contract.status != ContractStatus.DRAFT)
            .order_by(Contract.code)):
        ended = None
        if r.status is ContractStatus.TERMINATED and r.terminated_on is not None:
            ended = min(r.ends_on, r.terminated_on)
        out.append(ContractFacts(r.id, r.code, r.tenant_id, r.starts_on, r.ends_on,
                                 tuple(units.get(r.id, ())), ended, r.deposit, r.signed_on))
    return out


def _due_lines(session: Session, park_id: uuid.UUID, starts: Sequence[date],
               last: date) -> list[DueLine]:
    """The schedules' lines from the first contract's start to ``last`` (the day, or the
    latest period billed ahead of it), per period and charge as the run bills them."""
    if not starts:
        return []
    # The billing run's bulk reader: the same versions, CPI, sales and termination cut, so
    # the check compares the bills with the schedule the run billed from (the bills
    # themselves are the operations ledger's, read once there).
    from services.billing_reader import ScheduleReader

    return due_lines_of(ScheduleReader(session, park_id, min(starts), max(last, min(starts))))


def due_lines_of(reader: Any) -> list[DueLine]:
    """Each contract's schedule lines as ``reader`` (a ``services.billing_reader``
    reader) gives them, per period and charge as the
    run bills them, without the rent-free ones (nothing billed, nothing missed)."""
    out = []
    for row in reader.contracts():
        contract = reader.to_bill(row)
        if contract.draft:
            continue
        keyed: dict[tuple[date, str], list[Any]] = defaultdict(list)
        for line in contract.lines:
            keyed[(line.starts_on, line.charge)].append(line)
        for (start, charge), lines in sorted(keyed.items()):
            amount = sum((x.amount for x in lines), ZERO)
            if amount == ZERO:
                continue  # rent-free: nothing is billed, nothing is missed
            out.append(DueLine(row.id, start, max(x.ends_on for x in lines),
                               min(x.due_on for x in lines), charge, amount))
    return out


def read_entries(session: Session, park_id: uuid.UUID, until: date) -> list[FinanceEntry]:
    """The books' entries dated ``until`` or before, each customer named as a tenant found
    (the tenants' names are read at the first entry: a park without books reads none)."""
    names: dict[str, uuid.UUID] | None = None
    whose: dict[str, uuid.UUID | None] = {"": None}  # a customer's name, found once
    found = []
    for key, on, account, amount, customer, text, voucher in session.execute(
            select(EntryRow.key, EntryRow.entry_on, EntryRow.account, EntryRow.amount,
                   EntryRow.counterparty, EntryRow.reference, EntryRow.voucher)
            .where(EntryRow.park_id == park_id, EntryRow.entry_on <= until)
            .order_by(EntryRow.entry_on, EntryRow.key)).all():
        if customer not in whose:
            if names is None:
                names = tenant_lookup(session, park_id)
            whose[customer] = names.get(squash(customer))
        found.append(FinanceEntry(key, on, account, amount, whose[customer], customer, text,
                                  voucher))
    return found


def tenant_lookup(session: Session, park_id: uuid.UUID) -> dict[str, uuid.UUID]:
    """Each name a tenant is known by (legal name, short name, confirmed payer aliases),
    compared squashed → the tenant; a name two tenants share names neither."""
    from services.receivables import tenant_names

    found: dict[str, set[uuid.UUID]] = defaultdict(set)
    for t in tenant_names(session, park_id):
        for name in (t.name, t.short_name, *t.aliases):
            if name and name.strip():
                found[squash(name)].add(t.id)
    return {name: next(iter(ids)) for name, ids in found.items() if len(ids) == 1}


# -- the check --------------------------------------------------------------------------------


@dataclass(frozen=True)
class LedgerCheck:
    """The three ledgers compared on ``on``: every difference, its cause in ``params["cause"]``
    and the numbers and names that find both sides (contract code, bill number, tenant,
    payer, voucher) beside the domain's ids."""

    park_id: uuid.UUID
    on: date
    differences: tuple[Difference, ...]
    matches: tuple[Match, ...]
    sizes: Mapping[str, int]  # what each ledger held
    left_out: Mapping[str, int] = field(default_factory=dict)
    since: date | None = None  # the contract ledger's first period
    # False: the park has no books (:func:`books_imported`) and they were not compared;
    # ``awaiting_books`` then counts our entries that wait for them, by what each is.
    books_compared: bool = True
    awaiting_books: Mapping[str, int] = field(default_factory=dict)

    @property
    def agrees(self) -> bool:
        """No differences among the ledgers compared (without books: the contract and
        operations ledgers; ``books_compared`` says which)."""
        return not self.differences

    @property
    def awaiting(self) -> int:
        """How many entries of ours wait for the books (0 once they are compared)."""
        return sum(self.awaiting_books.values())

    def counts(self) -> dict[str, int]:
        """Each cause with differences, and how many, in :data:`CAUSES`' order."""
        return dict(self._counts)

    @cached_property
    def _counts(self) -> dict[str, int]:
        """Counted once: a window asks for the counts several times, of tens of thousands
        of differences."""
        counted = Counter(d.params.get("cause", d.code) for d in self.differences)
        order = {cause: n for n, cause in enumerate(CAUSES)}
        return dict(sorted(counted.items(), key=lambda kv: (order.get(kv[0], len(order)),
                                                            kv[0])))


def books_imported(session: Session, park_id: uuid.UUID) -> bool:
    """Whether the park ever imported a line of its books, whatever its date.

    Ever, not up to the day checked: a park that imports its books is compared against
    them on any day, and on a day before its first line a bill missing from the books is
    a finding (a month not imported, books posted late) the clerk must see; only a park
    with no books at all has nothing to compare with, and every entry of ours "not in
    the books" would be tens of thousands of rows saying so. Nor does a park's check
    change its nature from one day to the next."""
    return session.scalar(select(EntryRow.key).where(EntryRow.park_id == park_id)
                          .limit(1)) is not None


def check(session: Session, park_id: uuid.UUID, on: date, *, since: date | None = None,
          chart: Chart | None = None, window_days: int = WINDOW_DAYS,
          area_tolerance: Decimal = ZERO) -> LedgerCheck:
    """The park's three ledgers compared on ``on`` (``domain.billing.three_ledgers``);
    ``since``: see :func:`read_ledgers`."""
    from services.invoices import tax_table

    ledgers = read_ledgers(session, park_id, on, window_days=window_days, since=since)
    ops = ledgers.operations
    books = bool(ledgers.entries) or books_imported(session, park_id)
    result = reconcile(on, ledgers.contracts, ledgers.due, ops.bills, ops.receipts,
                       ops.allocations, ledgers.entries, adjustments=ops.adjustments,
                       deposits=ops.deposits, deposits_since=ledgers.since,
                       plan_areas=ledgers.plan_areas, chart=chart or Chart(),
                       table=tax_table(session, park_id), window_days=window_days,
                       area_tolerance=area_tolerance, books=books)
    billed = billed_for_periods(ops.bills, ops.adjustments)
    # A bill after the end that a later run credited in full bills nothing any more: the
    # run corrected it, and the ledgers agree (the domain lists it still).
    found = [d for d in result.differences
             if not (d.code == "billed-after-end"
                     and billed.get(parse_id(d.params.get("bill", "")) or _NO_ID) == ZERO)]
    said = _Namer(ledgers)
    sizes = {"contracts": len(ledgers.contracts), "due": len(ledgers.due),
             "bills": len(ops.bills), "adjustments": len(ops.adjustments),
             "receipts": len(ops.receipts), "allocations": len(ops.allocations),
             "deposits": len(ops.deposits), "entries": len(ledgers.entries)}
    return LedgerCheck(park_id, on, tuple(said.named(d) for d in found),
                       result.matches, sizes, dict(ops.left_out), ledgers.since,
                       books_compared=books, awaiting_books=dict(result.awaiting))


class _Namer:
    """Adds the names and numbers a person finds things by to a difference's ids."""

    def __init__(self, ledgers: Ledgers) -> None:
        self.ops = ledgers.operations
        self.tenants = ledgers.tenants
        self.contracts = {str(c.contract_id): c for c in ledgers.contracts}
        self.payment_of = {str(a.allocation_id): a.payment_id for a in self.ops.allocations}
        self._ids: dict[str, uuid.UUID | None] = {}  # each id's text, parsed once

    def _id(self, text: str | None) -> uuid.UUID | None:
        """``parse_id``, remembered: a check's thousands of differences name the same
        tenants, contracts and payments over and over."""
        if not text:
            return None
        if text not in self._ids:
            self._ids[text] = parse_id(text)
        return self._ids[text]

    def named(self, difference: Difference) -> Difference:
        p = dict(difference.params)
        extra: dict[str, str] = {"cause": cause_of(difference)}
        if "ledgers" not in p:  # the domain names the pair on some codes only
            p["ledgers"] = ("operations/finance" if "kind" in p or "entries" in p
                            else "contract/operations")
        contract = self.contracts.get(p.get("contract", ""))
        if contract is not None:
            extra["contract_code"] = contract.code
            if "units" not in p:
                extra["units"] = ",".join(u.code for u in contract.units)
        elif p.get("contract"):  # a deposit's contract the contract ledger does not hold
            found = self._id(p["contract"])
            if found is not None and found in self.ops.contract_codes:
                extra["contract_code"] = self.ops.contract_codes[found]
        if p.get("bill"):
            extra["bill_number"] = self._number(p["bill"])
        if p.get("carried_from"):  # the contract a renewal's deposit was carried from
            extra["carried_from_code"] = self._code(p["carried_from"])
        kind, ident = p.get("kind", ""), p.get("id", "")
        if kind in _BILL_LABELS:
            extra["number"] = self._number(ident)
        elif kind == _RECEIPT_LABEL:
            extra |= self._payment(ident, self._id(ident))
        elif kind in _ALLOCATION_LABELS:
            allocation = self._id(ident)
            bill = self.ops.allocated_bill.get(allocation) if allocation else None
            if bill is not None:
                extra["number"] = self.ops.numbers.get(bill, str(bill))
            payment = self.payment_of.get(ident)
            if payment is not None:
                extra |= self._payment(str(payment), payment)
        elif kind == _DEPOSIT_LABEL and p.get("payment"):  # received out of this payment
            extra |= self._payment(p["payment"], self._id(p["payment"]))
        tenant = self._id(p.get("tenant", ""))
        if tenant is None and contract is not None:
            tenant = contract.tenant_id
        if tenant is not None and tenant in self.tenants:
            extra["tenant_name"] = self.tenants[tenant]
        for key, value in extra.items():  # after the domain's figures; the cause always
            if key == "cause" or key not in p:
                p[key] = value
        return Difference(difference.code, p)

    def _code(self, text: str) -> str:
        found = self.contracts.get(text)
        if found is not None:
            return found.code
        ident = self._id(text)
        return self.ops.contract_codes.get(ident, text) if ident is not None else text

    def _number(self, text: str) -> str:
        found = self._id(text)
        return self.ops.numbers.get(found, text) if found is not None else text

    def _payment(self, text: str, found: uuid.UUID | None) -> dict[str, str]:
        """The payment ``text`` names (``found``, its id) with its payer and bank reference."""
        if found is None:
            return {}
        return {"payment": text, "payer": self.ops.payers.get(found, ""),
                "bank_reference": self.ops.bank_refs.get(found, "")}


_BILL_LABELS = frozenset({EntryKind.BILL.label, EntryKind.ADJUSTMENT.label})
_ALLOCATION_LABELS = frozenset({EntryKind.ALLOCATION.label, EntryKind.REFUND.label})
_RECEIPT_LABEL, _DEPOSIT_LABEL = EntryKind.RECEIPT.label, EntryKind.DEPOSIT.label


def check_json(report: LedgerCheck) -> dict[str, Any]:
    """The check as data: figures as text, exactly as compared."""
    return {"on": report.on.isoformat(),
            "since": report.since.isoformat() if report.since else None,
            "agrees": report.agrees, "books_compared": report.books_compared,
            "awaiting_books": dict(report.awaiting_books), "counts": report.counts(),
            "ledgers": dict(report.sizes), "left_out": dict(report.left_out),
            "matched": len(report.matches),
            "differences": [{"code": d.code, **d.params} for d in report.differences]}


def check_on(workspace: Workspace, park_id: uuid.UUID, on: date, *,
             since: date | None = None, job: Job | None = None) -> LedgerCheck:
    """:func:`check` in a reading session of ``workspace`` (what the window and CLI run).

    With the cyclic collector held (``runtime.jobs.gc_paused``): a park's year is a few
    hundred thousand acyclic rows, entries and differences, and the full collections
    they set off, walking everything the app holds, were a third of the check."""
    if job is not None:
        job.step(0, 2, "")
    with gc_paused(promote=True), workspace.reading() as session:
        found = check(session, park_id, on, since=since)
    if job is not None:
        job.step(2, 2, "")
    return found


# -- the voucher export -------------------------------------------------------------------------

EXPORT_COLUMNS = ("voucher", "on", "account", "summary", "debit", "credit", "counterparty",
                  "reference")
HEADERS_ZH = ("凭证号", "日期", "科目", "摘要", "借方", "贷方", "往来单位", "参考号")
HEADERS_EN = ("Voucher no.", "Date", "Account", "Summary", "Debit", "Credit", "Counterparty",
              "Reference")


@dataclass(frozen=True)
class VoucherExport:
    """A file of vouchers written: how many, and that they balance."""

    path: Path
    first: date
    last: date
    vouchers: int
    lines: int
    debit: Decimal
    credit: Decimal


def export_vouchers(session: Session, park_id: uuid.UUID, first: date, last: date,
                    path: Path | str, *, english: bool = False, chart: Chart | None = None,
                    table: TaxTable | None = None) -> VoucherExport:
    """The vouchers of the entries dated ``first`` – ``last``, one per entry, balanced, as
    CSV (UTF-8 with a BOM, as Excel and the accounting systems open it) or Excel (.xlsx),
    by the file's suffix. Each line's summary starts with our reference, which the import
    back finds (``domain.billing.three_ledgers.reference``); Chinese headers unless
    ``english``. Refused, with nothing written, for a range that ends before it starts, a
    format it cannot write or a charge with no VAT rate."""
    path = Path(path)
    if last < first:
        raise LedgersRefused(f"vouchers from {first} to {last}: the range ends before it "
                             "starts", "vouchers-range", first=first.isoformat(),
                             last=last.isoformat())
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise LedgersRefused(f"{path.name}: vouchers are written as .csv or .xlsx",
                             "vouchers-format", file=path.name)
    if session.get(Park, park_id) is None:
        raise LedgersRefused(f"no park {park_id}", "no-park")
    if table is None:
        from services.invoices import tax_table

        table = tax_table(session, park_id)
    ops = read_operations(session, park_id, last)
    lines = _voucher_lines(ops, first, last, chart or Chart(), table)
    tenants = dict(session.execute(select(Tenant.id, Tenant.name)
                                   .where(Tenant.park_id == park_id)).all())
    rows = _export_rows(lines, ops, tenants)
    headers = HEADERS_EN if english else HEADERS_ZH
    if suffix == ".csv":
        _write_csv(path, headers, rows)
    else:
        _write_xlsx(path, headers, rows, "Vouchers" if english else "凭证")
    return VoucherExport(path, first, last, len({line.reference for line in lines}),
                         len(lines), sum((x.debit for x in lines), ZERO),
                         sum((x.credit for x in lines), ZERO))


def _voucher_lines(ops: Operations, first: date, last: date, chart: Chart,
                   table: TaxTable) -> list[VoucherLine]:
    """The range's vouchers: its entries, with the bills and receipts they name (whose own
    vouchers fall outside the range and are dropped)."""
    def inside(day: date) -> bool:
        return first <= day <= last

    allocations = [a for a in ops.allocations if inside(a.on)]
    adjustments = [a for a in ops.adjustments if inside(a.posted_on)]
    deposits = [d for d in ops.deposits if inside(d.on)]
    wanted_bills = ({b.bill_id for b in ops.bills if inside(b.billed_on)}
                    | {a.bill_id for a in allocations if a.bill_id is not None}
                    | {a.bill_id for a in adjustments}
                    | {a.corrects for a in adjustments if a.corrects is not None})
    bills = [b for b in ops.bills if b.bill_id in wanted_bills]
    wanted_receipts = ({r.payment_id for r in ops.receipts if inside(r.received_on)}
                       | {a.payment_id for a in allocations})
    receipts = [r for r in ops.receipts if r.payment_id in wanted_receipts]
    missing = missing_rates({b.charge for b in bills}, table)
    if missing:
        raise LedgersRefused(f"no VAT rate for {', '.join(missing)}: set the park's rates "
                             "before exporting vouchers", "vouchers-no-rate",
                             charges=", ".join(missing))
    return [line for line in vouchers(bills, receipts, allocations, chart,
                                      adjustments=adjustments, deposits=deposits, table=table)
            if inside(line.on)]


def _export_rows(lines: Sequence[VoucherLine], ops: Operations,
                 tenants: Mapping[uuid.UUID, str]) -> list[tuple[Any, ...]]:
    """One row per voucher line: the voucher numbered within its month (记-0001 …), the
    summary our reference then what a person reads (the bill's number or the payer)."""
    numbers: dict[str, str] = {}
    per_month: Counter[tuple[int, int]] = Counter()
    payment_of = {a.allocation_id: a.payment_id for a in ops.allocations}
    payment_of |= {d.movement_id: d.payment_id for d in ops.deposits
                   if d.payment_id is not None}
    deposit_of = {d.movement_id: d for d in ops.deposits}
    rows = []
    for line in lines:
        number = numbers.get(line.reference)
        if number is None:
            per_month[(line.on.year, line.on.month)] += 1
            number = numbers[line.reference] = (
                f"{line.on:%Y%m}-{per_month[(line.on.year, line.on.month)]:04d}")
        (kind, entry_id), = references_in(line.reference)
        what, payer = _entry_words(kind, entry_id, ops, payment_of, deposit_of)
        name = tenants.get(line.tenant_id, "") if line.tenant_id else ""
        counterparty = name or payer
        summary = " ".join(t for t in (line.reference, what, counterparty) if t)
        rows.append((number, line.on, line.account, summary, line.debit, line.credit,
                     counterparty, line.reference))
    return rows


def _entry_words(kind: EntryKind, entry_id: uuid.UUID, ops: Operations,
                 payment_of: Mapping[uuid.UUID, uuid.UUID],
                 deposit_of: Mapping[uuid.UUID, DepositEntry]) -> tuple[str, str]:
    """What a voucher is about, as a person finds it (a bill's number, the bank's
    reference), and the payer when it is a payment's."""
    if kind in (EntryKind.BILL, EntryKind.ADJUSTMENT):
        return ops.numbers.get(entry_id, ""), ""
    if kind is EntryKind.RECEIPT:
        return ops.bank_refs.get(entry_id, ""), ops.payers.get(entry_id, "")
    payment = payment_of.get(entry_id)
    if kind is EntryKind.DEPOSIT:  # the contract's code, and the bill a deposit paid
        move = deposit_of.get(entry_id)
        if move is None:
            return "", ""
        what = " ".join(t for t in (ops.contract_codes.get(move.contract_id, ""),
                                    ops.numbers.get(move.bill_id, "") if move.bill_id
                                    else "") if t)
        return what, ops.payers.get(payment, "") if payment is not None else ""
    bill = ops.allocated_bill.get(entry_id)
    payer = ops.payers.get(payment, "") if payment is not None else ""
    return (ops.numbers.get(bill, "") if bill is not None else ""), payer


def _amount_cell(amount: Decimal) -> Decimal | None:
    return amount if amount else None  # a 0.00 side is left empty, as vouchers show it


def _write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(headers)
        for number, on, account, summary, debit, credit, counterparty, ref in rows:
            writer.writerow([number, on.isoformat(), account, summary,
                             "" if not debit else f"{debit:.2f}",
                             "" if not credit else f"{credit:.2f}", counterparty, ref])


def _write_xlsx(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]],
                title: str) -> None:
    """Streamed (openpyxl's write-only mode): a year of a large park's vouchers is tens of
    thousands of lines. Dates and amounts are cells of their kind, formatted."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    for letter, width in zip("ABCDEFGH", (14, 12, 10, 70, 14, 14, 30, 40), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)

    def header(text: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, text)
        cell.font = bold
        return cell

    def formatted(value: Any, number_format: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = number_format
        return cell

    sheet.append([header(t) for t in headers])
    for number, on, account, summary, debit, credit, counterparty, ref in rows:
        sheet.append([number, formatted(on, "yyyy-mm-dd"), account, summary,
                      formatted(_amount_cell(debit), "#,##0.00"),
                      formatted(_amount_cell(credit), "#,##0.00"), counterparty, ref])
    book.save(path)


# -- the books imported back ----------------------------------------------------------------

# Header words per field, compared squashed (``importers.rent_roll.squash``): a Chinese word
# may be part of a header ("借方金额(元)"), an English one is the whole header. The longest
# word found decides ("科目名称" is the account's name, "科目" alone the account).
BOOKS_ALIASES: dict[str, tuple[str, ...]] = {
    "on": ("日期", "记账日期", "凭证日期", "制单日期", "业务日期", "date", "entrydate",
           "postingdate", "voucherdate", "postedon"),
    "account": ("科目", "会计科目", "科目编码", "科目代码", "account", "accountcode",
                "accountno"),
    "account_name": ("科目名称", "科目全名", "accountname"),
    "summary": ("摘要", "summary", "description", "memo", "narrative"),
    "debit": ("借方", "借方金额", "借方发生额", "debit", "debitamount", "dr"),
    "credit": ("贷方", "贷方金额", "贷方发生额", "credit", "creditamount", "cr"),
    "voucher": ("凭证号", "凭证字号", "凭证编号", "凭证号码", "voucher", "voucherno",
                "vouchernumber"),
    "line": ("分录号", "分录序号", "行号", "line", "lineno"),
    "counterparty": ("往来单位", "客户", "客户名称", "往来户", "对方单位", "counterparty",
                     "customer", "partner"),
    "reference": ("参考号", "参考信息", "业务编号", "reference", "ref"),
}
BOOKS_FIELDS = tuple(BOOKS_ALIASES)
BOOKS_REQUIRED = ("on", "account")  # and one of debit / credit
_ENGLISH = {name: next(w for w in words if w.isascii()) for name, words in BOOKS_ALIASES.items()}
# Lines that are not entries: balances and totals an export puts between them.
TOTAL_WORDS = frozenset({squash(w) for w in (
    "期初余额", "期末余额", "本期合计", "本月合计", "本年累计", "本期发生额", "合计", "小计",
    "总计", "承前页", "过次页", "上年结转", "结转下年", "opening balance", "closing balance",
    *SKIP_CODES)})
# First-level accounts by their names, for books that write the name without the code.
ACCOUNT_NAMES = {"应收账款": "receivable", "银行存款": "bank", "预收账款": "unapplied",
                 "应交税费": "output_vat", "其他应付款": "deposit"}
NEW, EXISTING, REFUSED = "new", "existing", "refused"


def books_label(name: str) -> str:
    """A field as a person finds its column: its Chinese header and its English one."""
    return f"{BOOKS_ALIASES[name][0]} ({_ENGLISH[name]})"


@dataclass(frozen=True)
class BooksLine:
    """One posted line of the books as it is (or would be) stored."""

    row: int  # the row number the spreadsheet shows
    key: str
    on: date
    voucher: str
    account: str
    counterparty: str
    amount: Decimal  # debit − credit
    text: str  # summary, with the reference column's text when it has one
    debit: Decimal = ZERO  # as the file says (a red entry is negative)
    credit: Decimal = ZERO


@dataclass(frozen=True)
class BooksImport:
    """A file of the books rehearsed (``written`` False) or imported: the lines new to the
    park, how many were imported before, and the rows refused with why (``Message``: code
    ``books-row-…``, ``row`` among its params)."""

    file: str
    columns: Mapping[str, str]  # field → the header read for it
    new: tuple[BooksLine, ...]
    existing: int
    refused: tuple[Message, ...]
    written: bool

    @property
    def debit(self) -> Decimal:
        return sum((x.debit for x in self.new), ZERO)

    @property
    def credit(self) -> Decimal:
        return sum((x.credit for x in self.new), ZERO)


def _books_field(header: str) -> tuple[str, int] | None:
    text = squash(header)
    if not text:
        return None
    best: tuple[str, int] | None = None
    for name, words in BOOKS_ALIASES.items():
        for word in words:
            if (word == text or (not word.isascii() and word in text)) and (
                    best is None or len(word) > best[1]):
                best = (name, len(word))
    return best


def books_columns(headers: Sequence[Any], mapping: Mapping[str, str | None] | None = None
                  ) -> dict[str, int]:
    """Each field's column position: the surest header first, a column serving one field;
    ``mapping`` (field → header as written, None or "" for none) overrides the guesses."""
    found = []
    for position, header in enumerate(headers):
        match = _books_field(cell_text(header)) if header is not None else None
        if match is not None:
            found.append((-match[1], position, match[0]))
    columns: dict[str, int] = {}
    for _score, position, name in sorted(found):
        if name not in columns and position not in columns.values():
            columns[name] = position
    for name, header in (mapping or {}).items():
        columns.pop(name, None)
        if not header:
            continue
        wanted = squash(header)
        for position, cell in enumerate(headers):
            if cell is not None and squash(cell_text(cell)) == wanted:
                columns = {k: v for k, v in columns.items() if v != position}
                columns[name] = position
                break
    return columns


def _missing(columns: Mapping[str, int]) -> list[str]:
    gone = [books_label(f) for f in BOOKS_REQUIRED if f not in columns]
    if "debit" not in columns and "credit" not in columns:
        gone.append(f"{books_label('debit')} / {books_label('credit')}")
    return gone


def _check_mapping(mapping: Mapping[str, str | None] | None) -> None:
    for name in mapping or {}:
        if name not in BOOKS_ALIASES:
            raise LedgersRefused(f"no field {name} in the books (fields: "
                                 f"{', '.join(BOOKS_FIELDS)})", "books-mapping-field",
                                 field=name, fields=", ".join(BOOKS_FIELDS))


def _sheets(path: Path) -> list[list[list[Any]]]:
    try:
        if path.suffix.lower() in (".csv", ".txt", ".tsv"):
            return [read_csv_rows(path)]
        return [cells for _name, cells in read_excel_rows(path)]
    except OSError as exc:
        raise LedgersRefused(f"{path.name}: cannot read it ({exc.strerror})",
                             "books-unreadable", file=path.name,
                             detail=str(exc.strerror)) from exc
    except RentRollError as exc:
        detail = exc.params.get("detail") or exc.message
        raise LedgersRefused(f"{path.name}: cannot read it ({detail})",
                             "books-unreadable", file=path.name, detail=detail) from exc


def _table(path: Path, mapping: Mapping[str, str | None] | None
           ) -> tuple[list[list[Any]], int, dict[str, int]]:
    """The sheet holding the entries, its header row and its columns; refused, naming
    each column missing, when no row within the first ones names them all."""
    best: tuple[int, list[Any]] = (-1, [])
    for cells in _sheets(path):
        found: tuple[int, dict[str, int]] | None = None
        for index, line in enumerate(cells[:HEADER_SCAN]):
            columns = books_columns(line, mapping)
            if len(columns) > best[0] and any(cell_text(v) for v in line):
                best = (len(columns), list(line))
            if not _missing(columns) and (found is None or len(columns) > len(found[1])):
                found = (index, columns)
        if found is not None:
            return cells, found[0], found[1]
    missing = ", ".join(_missing(books_columns(best[1], mapping)))
    headers = ", ".join(t for t in (cell_text(v) for v in best[1]) if t)
    raise LedgersRefused(f"{path.name}: no column for {missing} (columns: {headers})",
                         "books-columns", file=path.name, missing=missing, columns=headers)


def books_headers(path: Path | str) -> list[str]:
    """The headers of the file's likeliest header row (the one naming the most fields, or
    the first row with text): what a column mapping chooses from."""
    path = Path(path)
    best: tuple[int, list[str]] = (-1, [])
    for cells in _sheets(path):
        for line in cells[:HEADER_SCAN]:
            texts = [cell_text(v) for v in line]
            if any(texts) and len(books_columns(line)) > best[0]:
                best = (len(books_columns(line)), texts)
    return [t for t in best[1] if t]


@dataclass
class _Read:
    line: BooksLine | None
    problem: Message | None = None


def _refusal(code: str, row: int, english: str, **params: str) -> Message:
    return Message(f"books-row-{code}", f"row {row}: {english}", {"row": str(row), **params})


def _cell(line: Sequence[Any], columns: Mapping[str, int], name: str) -> Any:
    position = columns.get(name)
    return line[position] if position is not None and position < len(line) else None


def _account(code: str, name: str, chart: Chart) -> str:
    """The account as stored: its code first (what the check compares), then its name."""
    code, name = code.strip(), name.strip()
    if code and not code[0].isdigit():
        first = code.replace("—", "-").replace("_", "-").replace("/", "-").split("-", 1)[0]
        known = ACCOUNT_NAMES.get(first.strip())
        if known is not None:
            return f"{getattr(chart, known)} {code}"[:TEXT_LIMIT]
    if name and name not in code:
        return f"{code} {name}".strip()[:TEXT_LIMIT]
    return code[:TEXT_LIMIT]


def _text(reference: str, summary: str) -> str:
    """Summary and reference in one text that keeps our first reference within the
    column's length (the check reads it from there)."""
    reference, summary = reference.strip(), summary.strip()
    text = summary if reference and reference in summary else " ".join(
        t for t in (reference, summary) if t)
    if len(text) <= TEXT_LIMIT:
        return text
    found = references_in(text)
    if found:
        from domain.billing.three_ledgers import reference as our_reference

        ours = our_reference(*found[0])
        rest = text.replace(ours, "", 1).strip()
        return f"{ours} {rest}"[:TEXT_LIMIT].strip()
    return text[:TEXT_LIMIT]


def _read_rows(cells: list[list[Any]], header: int, columns: Mapping[str, int],
               chart: Chart) -> list[_Read]:
    """Every row under the header read as a line of the books or refused with why.

    A voucher's later lines often leave its date and number empty (merged cells): they
    carry the line above's. The key is the voucher's month, number and line (its 分录号,
    or its place within the voucher in the file); without voucher numbers, a hash of the
    line and how many identical lines came before it in the file."""
    out: list[_Read] = []
    carried: tuple[date | None, str] = (None, "")
    lines_in: Counter[tuple[str, str]] = Counter()
    same: Counter[str] = Counter()
    for index, line in enumerate(cells):
        if index <= header or not any(cell_text(v) for v in line):
            continue
        row = index + 1
        texts = [squash(cell_text(v)) for v in line]
        if any(t in TOTAL_WORDS for t in texts if t):
            word = next(cell_text(v) for v, t in zip(line, texts, strict=True)
                        if t in TOTAL_WORDS)
            out.append(_Read(None, _refusal("total", row, f"{word}: a total or a balance, "
                                            "not an entry", text=word)))
            continue
        voucher = cell_text(_cell(line, columns, "voucher"))
        try:
            on = read_date(_cell(line, columns, "on"))
        except Unreadable:
            out.append(_Read(None, _refusal(
                "date", row, f"the date {cell_text(_cell(line, columns, 'on'))} cannot be "
                "read", text=cell_text(_cell(line, columns, "on")))))
            continue
        if on is None and not voucher and "voucher" in columns and carried[1]:
            on, voucher = carried
        if on is None:
            out.append(_Read(None, _refusal("no-date", row, "no date")))
            continue
        carried = (on, voucher)
        account = _account(cell_text(_cell(line, columns, "account")),
                           cell_text(_cell(line, columns, "account_name")), chart)
        if not account:
            out.append(_Read(None, _refusal("no-account", row, "no account")))
            continue
        sides = []
        for name in ("debit", "credit"):
            value = _cell(line, columns, name)
            try:
                amount = read_decimal(value)
            except Unreadable:
                out.append(_Read(None, _refusal("amount", row, f"the amount {cell_text(value)} "
                                                "cannot be read", text=cell_text(value))))
                break
            sides.append(money(amount) if amount is not None else None)
        else:
            debit, credit = sides
            if not debit and not credit:
                out.append(_Read(None, _refusal("no-amount", row, "no debit and no credit")))
                continue
            amount = (debit or ZERO) - (credit or ZERO)
            text = _text(cell_text(_cell(line, columns, "reference")),
                         cell_text(_cell(line, columns, "summary")))
            counterparty = cell_text(_cell(line, columns, "counterparty"))[:200]
            if voucher:
                month = f"{on:%Y-%m}"
                given = cell_text(_cell(line, columns, "line"))
                lines_in[(month, voucher)] += 1
                key = f"v:{month}:{voucher}:{given or lines_in[(month, voucher)]}"
            else:
                digest = hashlib.sha256("|".join(
                    (on.isoformat(), account, str(amount), counterparty, text)).encode()
                ).hexdigest()[:32]
                same[digest] += 1
                key = f"h:{digest}:{same[digest]}"
            out.append(_Read(BooksLine(row, key[:128], on, voucher[:64], account,
                                       counterparty, amount, text, debit or ZERO,
                                       credit or ZERO)))
    return out


def plan_books(session: Session, park_id: uuid.UUID, path: Path | str,
               mapping: Mapping[str, str | None] | None = None, *,
               chart: Chart | None = None) -> BooksImport:
    """What importing ``path`` would add on the store as it is in ``session``: the new
    lines, those imported before (same key, same date, account and amount), and the rows
    refused; nothing written."""
    path = Path(path)
    _check_mapping(mapping)
    if session.get(Park, park_id) is None:
        raise LedgersRefused(f"no park {park_id}", "no-park")
    cells, header, columns = _table(path, mapping)
    read = _read_rows(cells, header, columns, chart or Chart())
    lines = [r.line for r in read if r.line is not None]
    keys = [x.key for x in lines]
    known: dict[str, tuple[date, str, Decimal]] = {}
    for start in range(0, len(keys), CHUNK):
        for key, on, account, amount in session.execute(
                select(EntryRow.key, EntryRow.entry_on, EntryRow.account, EntryRow.amount)
                .where(EntryRow.park_id == park_id, EntryRow.key.in_(keys[start:start + CHUNK]))):
            known[key] = (on, account, amount)
    new: list[BooksLine] = []
    refused = [r.problem for r in read if r.problem is not None]
    existing = 0
    seen: set[str] = set()
    for x in lines:
        if x.key in seen:
            refused.append(_refusal("duplicate", x.row, f"voucher {x.voucher} has this line "
                                    "twice", voucher=x.voucher, key=x.key))
            continue
        seen.add(x.key)
        before = known.get(x.key)
        if before is None:
            new.append(x)
        elif before == (x.on, x.account, x.amount):
            existing += 1
        else:
            refused.append(_refusal(
                "changed", x.row, f"voucher {x.voucher} was imported as {before[1]} "
                f"{before[2]} on {before[0]}: the books changed a posted line",
                voucher=x.voucher, key=x.key, before=f"{before[1]} {before[2]}",
                now=f"{x.account} {x.amount}"))
    refused.sort(key=lambda m: int(m.params.get("row", "0")))
    by_name = {name: cell_text(cells[header][position]) for name, position in columns.items()}
    return BooksImport(path.name, by_name, tuple(new), existing, tuple(refused), False)


def import_finance_entries(workspace: Workspace, park_id: uuid.UUID, path: Path | str,
                           mapping: Mapping[str, str | None] | None = None, *,
                           dry_run: bool = False, job: Job | None = None) -> BooksImport:
    """Rehearse (``dry_run``) or import the accounting system's posted lines from a CSV or
    Excel export. The import plans again inside one transaction and writes the new lines
    with their ``create`` ops; refused rows write nothing, and a file with a column missing
    is refused whole, naming the column. Importing the same lines again adds nothing."""
    if job is not None:
        job.step(0, 3, "")
    if dry_run:
        with workspace.reading() as session:
            return plan_books(session, park_id, path, mapping)
    with workspace.transaction() as session:
        plan = plan_books(session, park_id, path, mapping)
        if job is not None:
            job.step(1, 3, "")
        insert_rows(session, EntryRow, [{
            "id": uuid7(), "park_id": park_id, "key": x.key, "entry_on": x.on,
            "account": x.account, "counterparty": x.counterparty, "amount": x.amount,
            "reference": x.text, "voucher": x.voucher, "source_file": plan.file[:300]}
            for x in plan.new])
        if job is not None:
            job.step(2, 3, "")  # a cancel here still rolls everything back
        return BooksImport(plan.file, plan.columns, plan.new, plan.existing, plan.refused,
                           True)


def books_json(report: BooksImport) -> dict[str, Any]:
    return {"file": report.file, "written": report.written, "columns": dict(report.columns),
            "new": len(report.new), "existing": report.existing,
            "refused": [{"code": m.code, "message": m.message, **m.params}
                        for m in report.refused],
            "debit": str(report.debit), "credit": str(report.credit),
            "lines": [{"row": x.row, "key": x.key, "on": x.on.isoformat(),
                       "voucher": x.voucher, "account": x.account,
                       "counterparty": x.counterparty, "amount": str(x.amount),
                       "text": x.text} for x in report.new]}


