"""The three-ledger check (三账对齐) and the voucher export that makes it checkable.

Three ledgers say what a park is owed and has received:

- the **contract ledger**: what the schedules say is due (:class:`DueLine`, one per
  contract, period and charge, from ``domain.leasing.schedule``);
- the **operations ledger**: our bills (:class:`OpsBill`, with later adjustment and
  credit lines as :class:`OpsAdjustment`), receipts (:class:`Receipt`) and their
  allocations and refunds (:class:`Allocation`);
- the **finance ledger**: the entries the accounting system posted
  (:class:`FinanceEntry`), imported back after our vouchers were exported to it.

They are compared line by line and every difference is a :class:`Difference` with a
cause code and the figures (ids, amounts, dates) that find both sides.

Contract ↔ operations, keyed by (contract, period start, charge) — what a bill's id is
derived from:

- ``leased-unit-no-bill``: a schedule line due on or before the day, and no bill;
- ``amount-differs``: the bill bills another amount for that period than the schedule
  says (the bill's own lines plus the adjustment lines, on any bill, that correct it);
- ``bill-no-contract``: a bill naming no contract, or one we do not have;
- ``billed-after-end``: a bill for a period starting after the contract's last day
  (its end, or its termination): late fees and deposits are exempt, they follow the end;
- ``bill-not-in-schedule``: a bill of a charge the schedules make (rent, property fee,
  services, parking, other) for a period the schedule does not have; utility bills,
  late fees and deposits come from meters and clauses, not schedules, and are not
  compared with them;
- ``area-mismatch`` / ``unit-not-in-plan``: a unit of a contract still running whose
  area let differs from the plan's billable area by more than the tolerance, or that
  the plan no longer has;
- ``deposit-not-received``: the contract's deposit (:attr:`ContractFacts.deposit`, due on
  signing) is due by the day and none of it was received (:class:`DepositEntry`);
  ``deposit-amount-differs``: what was received is not what the contract says (a
  deposit of a contract that says none among them). A deposit due before ``since``
  (where the operations ledger starts) is not missed, but one received is compared.
  A deposit carried in from the contract a renewal renews (``carried_in``) counts as
  received, and one arranged for a later day (the renewal's first) counts from the
  renewal's signing: the park holds that money already, under the contract renewed.
  Such a difference says how much of it was carried (``carried_amount``) and from which
  contract (``carried_from``).

Operations ↔ finance: every entry of ours with an amount books one voucher
(:func:`vouchers`), and its lines on the *anchor* accounts carry its meaning: a bill or
adjustment debits receivables, an allocation credits them (a reversal debits), a receipt
debits the bank, a refund credits it; a deposit (其他应付款-押金, :attr:`Chart.deposit`)
received credits the deposit account and debits the bank (or, received out of a
payment, the clearing account, not an anchor), one applied to arrears debits it and
credits receivables, one refunded debits it and credits the bank. A deposit carried to
a renewal books nothing: the books keep 其他应付款-押金 by customer (the voucher's
往来单位 is the tenant, never the contract: see ``services.three_ledgers``' export) and a
carry moves a deposit between two contracts of one tenant (``domain.billing.deposits``
carries none to another tenant), so no account or customer balance moves; nothing of
ours waits for the books, and the books' 押金 lines still pair with the movements that
moved money (received, applied, refunded). The finance entries
on those three accounts (the chart's codes and their sub-accounts) are matched to ours,
line by line (a voucher may have two anchor lines):

1. by reference: each voucher line carries ours (``LM-B-<bill id hex>``; see
   :func:`reference`). An entry is ours when the first of our references in its text
   names one of our entries that belongs on that account; several entries naming one
   of ours (the books split it) are added up. An entry naming something we do not have,
   or naming it on the wrong account, is ``entry-not-ours``.
2. otherwise by date, amount and tenant, for books that dropped our text: an entry with
   no reference of ours, on the right account, with the same signed amount, the same
   tenant (or none), dated within ``window_days`` of ours; the same tenant first, then
   the nearest date, then the entry's id; each entry matched once, ours taken oldest
   first. (Matching by amount alone would pair a 5,000.00 receipt with any tenant's.)

What is left: ``receipt-not-in-books``, ``bill-not-in-books`` (and ``adjustment-``,
``allocation-``, ``refund-``, ``deposit-received-``, ``deposit-applied-``,
``deposit-refunded-not-in-books``) for ours, once per entry of ours with the anchors
missing in ``account``; ``entry-not-ours`` for theirs (``deposit-not-ours`` on the
deposit account); ``amount-differs`` when a reference matched but the amounts do not.
Entries on other accounts (revenue, VAT, the clearing account) are the other sides of
the same vouchers; the accounting system keeps those balanced and they are not compared.

A park with no books at all (none imported yet: the caller says, ``books=False``) is not
compared with them: every entry of ours would be "not in the books", tens of thousands
of lines telling the clerk only that nothing was imported. Its check compares the
contract and operations ledgers and counts ours that await the books
(:func:`awaiting_books`).

Receipts are booked through a clearing account (预收账款 by default): a receipt debits
the bank and credits it; each allocation moves its amount from it to receivables; a
refund pays it back out. Each ledger entry is thus one voucher of its own, exported
once, and an allocation made or reversed months after the receipt never rewrites an
exported voucher. A reversal or a credit is booked in red (negative amounts on the same
sides), as Chinese vouchers correct entries.

>>> import uuid
>>> bill = OpsBill(uuid.UUID(int=1), uuid.UUID(int=2), uuid.UUID(int=3), "rent",
...                date(2026, 3, 1), date(2026, 3, 31), date(2026, 3, 1), date(2026, 2, 20),
...                Decimal("10900.00"))
>>> [(v.account, str(v.debit), str(v.credit)) for v in vouchers([bill], [], [], Chart())]
[('1122', '10900.00', '0.00'), ('6001', '0.00', '10000.00'), ('2221', '0.00', '900.00')]
"""

from __future__ import annotations

import re
import uuid
from bisect import bisect_left
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import NamedTuple

from domain.billing.deposits import APPLIED, CARRIED_IN, CARRY_KINDS, RECEIVED, REFUNDED
from domain.billing.invoices import DEFAULT_TAX_TABLE, TaxTable, from_inclusive, tax_rate
from domain.billing.invoices import is_exempt as _is_exempt
from domain.leasing.clauses import ChargeKind
from domain.money import ZERO

Id = uuid.UUID

# Charges whose bills a schedule makes; the others come from meters and clauses.
SCHEDULE_KINDS = frozenset({"rent", *(kind.value for kind in ChargeKind)})
# Charges billed after a contract's last day for good reason.
AFTER_END_KINDS = frozenset({"late_fee", "deposit"})


@dataclass(frozen=True)
class LetUnit:
    """A unit a contract lets, at the billable area it was let at."""

    unit_id: Id
    area: Decimal
    code: str = ""


@dataclass(frozen=True)
class ContractFacts:
    contract_id: Id
    code: str
    tenant_id: Id
    starts_on: date
    ends_on: date
    units: tuple[LetUnit, ...] = ()
    terminated_on: date | None = None
    deposit: Decimal = ZERO  # the deposit the contract says, due on signing
    signed_on: date | None = None  # None: the deposit is due on the first day

    @property
    def last_day(self) -> date:
        return self.terminated_on or self.ends_on

    @property
    def deposit_due_on(self) -> date:
        return self.signed_on or self.starts_on


@dataclass(frozen=True)
class DueLine:
    """A schedule line: what the contract says is due for one period and charge."""

    contract_id: Id
    period_start: date
    period_end: date
    due_on: date
    charge: str
    amount: Decimal


@dataclass(frozen=True)
class OpsBill:
    """A bill as posted: ``amount`` is the lines it was posted with (tax included);
    lines added later are :class:`OpsAdjustment`. ``contract_id`` None: a bill of no
    contract (a one-off charge)."""

    bill_id: Id
    contract_id: Id | None
    tenant_id: Id
    charge: str
    period_start: date
    period_end: date
    due_on: date
    billed_on: date  # the day it was posted: its voucher's date
    amount: Decimal


@dataclass(frozen=True)
class OpsAdjustment:
    """A line added to bill ``bill_id`` after it was posted (a credit is negative),
    correcting the period of bill ``corrects`` (None: its own)."""

    line_id: Id
    bill_id: Id
    posted_on: date
    amount: Decimal
    corrects: Id | None = None


@dataclass(frozen=True)
class Receipt:
    payment_id: Id
    tenant_id: Id | None  # None while nobody knows whose it is
    received_on: date
    amount: Decimal
    reference: str = ""  # the bank's


@dataclass(frozen=True)
class Allocation:
    """Money of a receipt applied to a bill (negative: a reversal), or refunded
    (``bill_id`` None, the amount paid back)."""

    allocation_id: Id
    payment_id: Id
    bill_id: Id | None
    on: date
    amount: Decimal


DEPOSIT_KINDS = (RECEIVED, APPLIED, REFUNDED)  # the movements that book a voucher


@dataclass(frozen=True)
class DepositEntry:
    """A movement of a contract's deposit (``domain.billing.deposits``): received, applied
    to the bill ``bill_id``, refunded, or carried out to / in from the contract
    ``counterpart`` at a renewal (no voucher: see the module). A reversal is the kind it
    reverses with a negative amount (booked in red). ``payment_id``: received out of that
    payment's money, already in the bank (its receipt booked it there)."""

    movement_id: Id
    contract_id: Id
    tenant_id: Id
    kind: str  # received | applied | refunded | carried_out | carried_in
    on: date
    amount: Decimal
    bill_id: Id | None = None
    payment_id: Id | None = None
    counterpart: Id | None = None  # a carry's other contract


@dataclass(frozen=True)
class FinanceEntry:
    """One posted line of the accounting system: ``amount`` is debit − credit."""

    entry_id: str
    on: date
    account: str
    amount: Decimal
    tenant_id: Id | None = None  # the customer, when the import could tell whose
    customer: str = ""  # the customer as the books name it
    reference: str = ""  # the line's text (摘要) or reference column
    voucher_no: str = ""


# A starting point (小企业会计准则 / 企业会计准则 first-level codes); the park's accountant
# sets its own codes and sub-accounts in the park's settings.
DEFAULT_CREDIT_ACCOUNTS: Mapping[str, str] = {
    "rent": "6001",  # 主营业务收入: letting is the park's main business
    "parking": "6001",
    "property_fee": "6001",
    "service": "6001",
    "electricity": "6051",  # 其他业务收入: resold utilities
    "water": "6051",
    "gas": "6051",
    "heat": "6051",
    "late_fee": "6301",  # 营业外收入
    "deposit": "2241",  # 其他应付款: a deposit is owed back, not earned
}


@dataclass(frozen=True)
class Chart:
    """The accounts vouchers book to. ``credit_accounts``: where a charge's ex-tax amount
    goes (by code, else kind, else ``other_revenue``)."""

    bank: str = "1002"  # 银行存款
    receivable: str = "1122"  # 应收账款
    unapplied: str = "2203"  # 预收账款: receipts not yet allocated
    output_vat: str = "2221"  # 应交税费—应交增值税(销项税额)
    deposit: str = "2241"  # 其他应付款—押金 (a sub-account of its own in most charts)
    credit_accounts: Mapping[str, str] = field(
        default_factory=lambda: dict(DEFAULT_CREDIT_ACCOUNTS))
    other_revenue: str = "6051"  # 其他业务收入

    def credit_account(self, charge: str) -> str:
        found = self.credit_accounts.get(charge)
        if found is None:
            found = self.credit_accounts.get(charge.split(":", 1)[0], self.other_revenue)
        return found


class EntryKind(StrEnum):
    """Our ledger entries that book a voucher, by their reference letter."""

    BILL = "B"
    ADJUSTMENT = "L"
    RECEIPT = "P"
    ALLOCATION = "A"
    REFUND = "R"
    DEPOSIT = "D"  # a deposit movement, whatever its kind

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {EntryKind.BILL: "bill", EntryKind.ADJUSTMENT: "adjustment",
           EntryKind.RECEIPT: "receipt", EntryKind.ALLOCATION: "allocation",
           EntryKind.REFUND: "refund", EntryKind.DEPOSIT: "deposit"}
_REFERENCE = re.compile(r"LM-([BLPARD])-([0-9a-f]{32})", re.IGNORECASE)


def reference(kind: EntryKind, entry_id: Id) -> str:
    """Our reference on a voucher line: letters and hex only, so it survives any
    accounting system's text field (no dashes to lose, 37 characters).

    >>> reference(EntryKind.BILL, uuid.UUID(int=255))
    'LM-B-000000000000000000000000000000ff'
    """
    return f"LM-{kind.value}-{entry_id.hex}"


def references_in(text: str) -> list[tuple[EntryKind, Id]]:
    """Our references in a line's text, in the order they appear (any letter case)."""
    return [(EntryKind(m.group(1).upper()), uuid.UUID(hex=m.group(2)))
            for m in _REFERENCE.finditer(text)]


def _reference_texts(text: str) -> list[str]:
    """:func:`references_in` as our references' own spelling: cheaper to look up."""
    return [f"LM-{kind.upper()}-{hex_id.lower()}" for kind, hex_id in _REFERENCE.findall(text)]


@dataclass(frozen=True)
class VoucherLine:
    """One 借/贷 line of the voucher export. ``reference`` is the voucher's (every line
    of one voucher carries it, so the import back finds us); ``related`` the entry it
    concerns (an allocation's bill, a refund's receipt). Write ``reference`` first in
    the line's text: the import back takes the first reference it recognises."""

    reference: str
    on: date
    account: str
    debit: Decimal
    credit: Decimal
    tenant_id: Id | None
    kind: EntryKind
    charge: str = ""
    related: str = ""


def vouchers(bills: Sequence[OpsBill], receipts: Sequence[Receipt],
             allocations: Sequence[Allocation], chart: Chart, *,
             adjustments: Sequence[OpsAdjustment] = (),
             deposits: Sequence[DepositEntry] = (),
             table: TaxTable = DEFAULT_TAX_TABLE) -> list[VoucherLine]:
    """The vouchers of our ledger entries, one per entry, each balanced (Σ 借 = Σ 贷).

    - a bill or an adjustment: 借 receivables (tax included) / 贷 the charge's account
      (ex tax) and 贷 output VAT, split as an invoice splits a tax-inclusive amount
      (``invoices.from_inclusive``; exempt charges carry no VAT line);
    - a receipt: 借 bank / 贷 the clearing account;
    - an allocation: 借 the clearing account / 贷 receivables; a refund: 借 the clearing
      account / 贷 bank;
    - a deposit received: 借 bank (the clearing account when it came out of a payment,
      which the receipt booked to the bank) / 贷 the deposit account; applied to arrears:
      借 the deposit account / 贷 receivables; refunded: 借 the deposit account / 贷 bank.
      No VAT: a deposit is owed back, not earned. A carry to or from a renewal books
      nothing (one tenant's deposit stays on the deposit account under that tenant).

    Entries of zero book nothing. Vouchers come by date, then kind (bills first), then
    id. Raises ``ValueError`` for a charge with no tax rate in ``table`` (check with
    ``invoices.missing_rates`` first: booking it without VAT would be wrong), for an
    adjustment or allocation naming a bill or receipt not given and for a deposit
    movement of another kind.

    >>> move = DepositEntry(uuid.UUID(int=9), uuid.UUID(int=2), uuid.UUID(int=3), "applied",
    ...                     date(2027, 1, 5), Decimal("12540.00"), bill_id=uuid.UUID(int=1))
    >>> [(v.account, str(v.debit), str(v.credit)) for v in vouchers([], [], [], Chart(),
    ...                                                              deposits=[move])]
    [('2241', '12540.00', '0.00'), ('1122', '0.00', '12540.00')]
    """
    bill_of = {b.bill_id: b for b in bills}
    receipt_of = {r.payment_id: r for r in receipts}
    out: list[tuple[tuple[date, int, str], list[VoucherLine]]] = []

    def revenue(kind: EntryKind, entry_id: Id, on: date, tenant: Id, charge: str,
                amount: Decimal, related: str = "") -> None:
        ref = reference(kind, entry_id)
        rate = tax_rate(charge, table)
        if rate is None and not _is_exempt(charge, table):
            raise ValueError(f"no VAT rate for the charge {charge!r} in the tax table")
        split = from_inclusive(amount, rate if rate is not None else ZERO)
        lines = [VoucherLine(ref, on, chart.receivable, split.inclusive, ZERO, tenant, kind,
                             charge, related),
                 VoucherLine(ref, on, chart.credit_account(charge), ZERO, split.exclusive,
                             tenant, kind, charge, related)]
        if split.tax:
            lines.append(VoucherLine(ref, on, chart.output_vat, ZERO, split.tax, tenant, kind,
                                     charge, related))
        out.append(((on, _ORDER[kind], ref), lines))

    def transfer(kind: EntryKind, entry_id: Id, on: date, debit: str, credit: str,
                 amount: Decimal, tenant: Id | None, charge: str = "",
                 related: str = "") -> None:
        ref = reference(kind, entry_id)
        out.append(((on, _ORDER[kind], ref), [
            VoucherLine(ref, on, debit, amount, ZERO, tenant, kind, charge, related),
            VoucherLine(ref, on, credit, ZERO, amount, tenant, kind, charge, related)]))

    for bill in bills:
        if bill.amount:
            revenue(EntryKind.BILL, bill.bill_id, bill.billed_on, bill.tenant_id, bill.charge,
                    bill.amount)
    for adj in adjustments:
        if adj.amount:
            corrected = _bill(bill_of, adj.corrects or adj.bill_id, "adjustment", adj.line_id)
            on_bill = _bill(bill_of, adj.bill_id, "adjustment", adj.line_id)
            # The tax follows the charge corrected; the receivable is the bill's it sits on.
            revenue(EntryKind.ADJUSTMENT, adj.line_id, adj.posted_on, on_bill.tenant_id,
                    corrected.charge, adj.amount, reference(EntryKind.BILL, corrected.bill_id))
    for receipt in receipts:
        if receipt.amount:
            transfer(EntryKind.RECEIPT, receipt.payment_id, receipt.received_on, chart.bank,
                     chart.unapplied, receipt.amount, receipt.tenant_id)
    for alloc in allocations:
        if not alloc.amount:
            continue
        paid = receipt_of.get(alloc.payment_id)
        if paid is None:
            raise ValueError(f"allocation {alloc.allocation_id} names a receipt not given: "
                             f"{alloc.payment_id}")
        if alloc.bill_id is None:
            transfer(EntryKind.REFUND, alloc.allocation_id, alloc.on, chart.unapplied,
                     chart.bank, alloc.amount, paid.tenant_id,
                     related=reference(EntryKind.RECEIPT, paid.payment_id))
        else:
            bill = _bill(bill_of, alloc.bill_id, "allocation", alloc.allocation_id)
            transfer(EntryKind.ALLOCATION, alloc.allocation_id, alloc.on, chart.unapplied,
                     chart.receivable, alloc.amount, bill.tenant_id, bill.charge,
                     reference(EntryKind.BILL, bill.bill_id))
    for move in deposits:
        if not move.amount or move.kind in CARRY_KINDS:
            continue
        debit, credit = _deposit_accounts(move, chart)
        related = (reference(EntryKind.BILL, move.bill_id) if move.bill_id is not None
                   else reference(EntryKind.RECEIPT, move.payment_id)
                   if move.payment_id is not None else "")
        transfer(EntryKind.DEPOSIT, move.movement_id, move.on, debit, credit, move.amount,
                 move.tenant_id, "deposit", related)
    out.sort(key=lambda pair: pair[0])
    return [line for _, lines in out for line in lines]


_ORDER = {kind: n for n, kind in enumerate(EntryKind)}


def _deposit_accounts(move: DepositEntry, chart: Chart) -> tuple[str, str]:
    """The accounts a deposit movement debits and credits."""
    if move.kind == RECEIVED:
        return (chart.unapplied if move.payment_id is not None else chart.bank), chart.deposit
    if move.kind == APPLIED:
        return chart.deposit, chart.receivable
    if move.kind == REFUNDED:
        return chart.deposit, chart.bank
    raise ValueError(f"deposit movement {move.movement_id} is {move.kind!r}, not one of "
                     f"{', '.join(DEPOSIT_KINDS)}")


def _bill(bill_of: Mapping[Id, OpsBill], bill_id: Id, what: str, entry_id: Id) -> OpsBill:
    found = bill_of.get(bill_id)
    if found is None:
        raise ValueError(f"{what} {entry_id} names a bill not given: {bill_id}")
    return found


@dataclass(frozen=True)
class Difference:
    """One line the ledgers disagree on: the cause and the figures of both sides."""

    code: str
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Match:
    """One of our entries found in the books: how, and the entries that hold it."""

    kind: EntryKind
    entry_id: Id
    entries: tuple[str, ...]
    by: str  # "reference" | "date-amount-tenant"


@dataclass(frozen=True)
class Reconciliation:
    differences: tuple[Difference, ...]
    matches: tuple[Match, ...] = ()
    # The books not compared (:func:`reconcile`'s ``books`` False): our entries that wait
    # for them, by what a difference would call each (``bill``, ``receipt``…); else empty.
    awaiting: Mapping[str, int] = field(default_factory=dict)


def billed_for_periods(bills: Iterable[OpsBill],
                       adjustments: Iterable[OpsAdjustment] = ()) -> dict[Id, Decimal]:
    """What each bill's period has been billed: its own lines and every adjustment that
    corrects it, on whichever bill the adjustment sits."""
    billed = {b.bill_id: b.amount for b in bills}
    for adj in adjustments:
        target = adj.corrects or adj.bill_id
        billed[target] = billed.get(target, ZERO) + adj.amount
    return billed


def contract_vs_operations(on: date, contracts: Iterable[ContractFacts],
                           due: Iterable[DueLine], bills: Iterable[OpsBill], *,
                           adjustments: Iterable[OpsAdjustment] = (),
                           deposits: Iterable[DepositEntry] = (),
                           deposits_since: date | None = None,
                           plan_areas: Mapping[Id, Decimal] | None = None,
                           area_tolerance: Decimal = ZERO) -> list[Difference]:
    """The contract and operations ledgers compared on day ``on``.

    ``due`` may hold the schedules' lines of any date: only those due by ``on`` are
    missed when unbilled, but a bill posted early still finds its line. ``plan_areas``
    (unit → billable area in the plan) checks the units of contracts still running on
    ``on``; None skips the area check. Each contract's deposit is compared with what
    ``deposits`` received by ``on``; one due before ``deposits_since`` and never
    received is not missed (it predates the ledger).
    """
    contract_of = {c.contract_id: c for c in contracts}
    bill_list = sorted(bills, key=lambda b: (b.period_start, b.charge, b.bill_id.int))
    billed = billed_for_periods(bill_list, adjustments)
    by_key = {(b.contract_id, b.period_start, b.charge): b for b in bill_list}
    found: list[Difference] = []
    matched: set[Id] = set()
    for line in sorted(due, key=lambda ln: (ln.contract_id.int, ln.period_start, ln.charge)):
        contract = contract_of.get(line.contract_id)
        if contract is not None and line.period_start > contract.last_day:
            continue  # a term cut short by termination: no longer due
        bill = by_key.get((line.contract_id, line.period_start, line.charge))
        if bill is None:
            if line.due_on <= on:
                found.append(Difference("leased-unit-no-bill", _due_params(line, contract)))
            continue
        matched.add(bill.bill_id)
        if billed[bill.bill_id] != line.amount:
            side = _due_params(line, contract)
            found.append(Difference("amount-differs", side | _bill_params(bill) | {
                "ledgers": "contract/operations", "due_amount": str(line.amount),
                "billed_amount": str(billed[bill.bill_id]),
                "difference": str(billed[bill.bill_id] - line.amount)}))
    for bill in bill_list:
        contract = contract_of.get(bill.contract_id) if bill.contract_id else None
        if contract is None:
            found.append(Difference("bill-no-contract", _bill_params(bill)))
            continue
        if bill.period_start > contract.last_day and _kind(bill.charge) not in AFTER_END_KINDS:
            code = "billed-after-end"
        elif bill.bill_id not in matched and _kind(bill.charge) in SCHEDULE_KINDS:
            code = "bill-not-in-schedule"
        else:
            continue
        found.append(Difference(code, _bill_params(bill) | {
            "contract_code": contract.code,
            "contract_ends_on": contract.last_day.isoformat()}))
    found.extend(_deposit_differences(on, contract_of.values(), deposits, deposits_since))
    if plan_areas is not None:
        found.extend(_area_differences(on, contract_of.values(), plan_areas, area_tolerance))
    return found


def deposits_received(deposits: Iterable[DepositEntry], on: date) -> dict[Id, Decimal]:
    """Each contract's deposit received by ``on``, carried in from the contract it renews
    among it (reversals count against it; applying, refunding and carrying a deposit on
    do not make it less received)."""
    received: dict[Id, Decimal] = defaultdict(lambda: ZERO)
    for move in deposits:
        if move.kind in (RECEIVED, CARRIED_IN) and move.on <= on:
            received[move.contract_id] += move.amount
    return dict(received)


def deposits_carried_in(deposits: Iterable[DepositEntry], after: date | None = None
                        ) -> dict[Id, Decimal]:
    """Each contract's deposit carried in from the contract it renews (dated after
    ``after`` only, when given: a carry arranged at the renewal's signing for its first
    day), net of reversals."""
    carried: dict[Id, Decimal] = defaultdict(lambda: ZERO)
    for move in deposits:
        if move.kind == CARRIED_IN and (after is None or move.on > after):
            carried[move.contract_id] += move.amount
    return {k: v for k, v in carried.items() if v}


def _deposit_differences(on: date, contracts: Iterable[ContractFacts],
                         deposits: Iterable[DepositEntry], since: date | None
                         ) -> list[Difference]:
    moves = list(deposits)
    received = deposits_received(moves, on)
    arranged = deposits_carried_in(moves, after=on)
    carried = deposits_carried_in(moves)
    came_from = {m.contract_id: m.counterpart for m in moves
                 if m.kind == CARRIED_IN and m.counterpart is not None}
    found = []
    for contract in sorted(contracts, key=lambda c: (c.code, c.contract_id.int)):
        got = received.get(contract.contract_id, ZERO)
        due_on = contract.deposit_due_on
        if due_on <= on:  # due: a carry arranged for the renewal's first day holds it
            got += arranged.get(contract.contract_id, ZERO)
        if got == ZERO:
            if (contract.deposit <= ZERO or due_on > on
                    or (since is not None and due_on < since)):
                continue
            code = "deposit-not-received"
        elif got != contract.deposit:
            code = "deposit-amount-differs"
        else:
            continue
        params = {
            "ledgers": "contract/operations", "contract": str(contract.contract_id),
            "reference": str(contract.contract_id), "contract_code": contract.code,
            "tenant": str(contract.tenant_id),
            "units": ",".join(u.code or str(u.unit_id) for u in contract.units),
            "charge": "deposit", "due_on": due_on.isoformat(),
            "due_amount": str(contract.deposit), "received_amount": str(got),
            "difference": str(got - contract.deposit)}
        if contract.contract_id in carried:  # part of it came from the contract renewed
            params["carried_amount"] = str(carried[contract.contract_id])
            if contract.contract_id in came_from:
                params["carried_from"] = str(came_from[contract.contract_id])
        found.append(Difference(code, params))
    return found


def _area_differences(on: date, contracts: Iterable[ContractFacts],
                      plan_areas: Mapping[Id, Decimal], tolerance: Decimal
                      ) -> list[Difference]:
    found = []
    for contract in sorted(contracts, key=lambda c: (c.code, c.contract_id.int)):
        if contract.last_day < on:
            continue
        for unit in contract.units:
            params = {"contract": str(contract.contract_id), "contract_code": contract.code,
                      "unit": str(unit.unit_id), "unit_code": unit.code,
                      "contract_area": str(unit.area)}
            plan = plan_areas.get(unit.unit_id)
            if plan is None:
                found.append(Difference("unit-not-in-plan", params))
            elif abs(plan - unit.area) > tolerance:
                found.append(Difference("area-mismatch", params | {
                    "plan_area": str(plan), "difference": str(plan - unit.area)}))
    return found


def _kind(charge: str) -> str:
    return charge.split(":", 1)[0]


def _due_params(line: DueLine, contract: ContractFacts | None) -> dict[str, str]:
    params = {"ledgers": "contract/operations", "contract": str(line.contract_id),
              "period_start": line.period_start.isoformat(),
              "period_end": line.period_end.isoformat(), "charge": line.charge,
              "due_on": line.due_on.isoformat(), "amount": str(line.amount)}
    if contract is not None:
        params |= {"contract_code": contract.code, "tenant": str(contract.tenant_id),
                   "units": ",".join(u.code or str(u.unit_id) for u in contract.units)}
    return params


def _bill_params(bill: OpsBill) -> dict[str, str]:
    return {"bill": str(bill.bill_id), "reference": reference(EntryKind.BILL, bill.bill_id),
            "contract": str(bill.contract_id or ""), "tenant": str(bill.tenant_id),
            "period_start": bill.period_start.isoformat(),
            "period_end": bill.period_end.isoformat(), "charge": bill.charge,
            "due_on": bill.due_on.isoformat(), "billed_amount": str(bill.amount)}


class _Ours(NamedTuple):
    """One line of one of our entries as the books should hold it: its anchor account and
    amount there (a voucher with two anchor lines is two of these). A named tuple: a park
    has tens of thousands, made and dropped within one check."""

    kind: EntryKind
    entry_id: Id
    on: date
    account: str  # "receivable" | "bank" | "deposit"
    amount: Decimal  # signed: debit − credit on the anchor account
    tenant_id: Id | None
    label: str = ""  # what the entry is called in a cause (its kind's label by default)
    params: Mapping[str, str] = MappingProxyType({})  # more figures that find it

    @property
    def what(self) -> str:
        return self.label or self.kind.label


def _ours(bills: Iterable[OpsBill], adjustments: Iterable[OpsAdjustment],
          receipts: Iterable[Receipt], allocations: Iterable[Allocation],
          deposits: Iterable[DepositEntry], chart: Chart, table: TaxTable) -> list[_Ours]:
    bill_tenant = {}
    bill_charge = {}
    items = []
    anchor_of: dict[str, str | None] = {}  # each charge's credit account's anchor, found once

    def revenue(kind: EntryKind, entry_id: Id, on: date, tenant: Id | None, charge: str,
                amount: Decimal) -> None:
        items.append(_Ours(kind, entry_id, on, "receivable", amount, tenant))
        # A charge booked to an anchor (a deposit billed: 其他应付款) is a line there too.
        if charge not in anchor_of:
            anchor_of[charge] = _anchor(chart.credit_account(charge), chart)
        other = anchor_of[charge]
        if other is not None and other != "receivable":
            rate = tax_rate(charge, table)
            split = from_inclusive(amount, rate if rate is not None else ZERO)
            items.append(_Ours(kind, entry_id, on, other, -split.exclusive, tenant))

    for bill in bills:
        bill_tenant[bill.bill_id] = bill.tenant_id
        bill_charge[bill.bill_id] = bill.charge
        revenue(EntryKind.BILL, bill.bill_id, bill.billed_on, bill.tenant_id, bill.charge,
                bill.amount)
    for adj in adjustments:
        charge = bill_charge.get(adj.corrects or adj.bill_id, "")
        revenue(EntryKind.ADJUSTMENT, adj.line_id, adj.posted_on,
                bill_tenant.get(adj.bill_id), charge, adj.amount)
    payer = {}
    for receipt in receipts:
        payer[receipt.payment_id] = receipt.tenant_id
        items.append(_Ours(EntryKind.RECEIPT, receipt.payment_id, receipt.received_on, "bank",
                           receipt.amount, receipt.tenant_id))
    for alloc in allocations:
        if alloc.bill_id is None:
            items.append(_Ours(EntryKind.REFUND, alloc.allocation_id, alloc.on, "bank",
                               -alloc.amount, payer.get(alloc.payment_id)))
        else:
            items.append(_Ours(EntryKind.ALLOCATION, alloc.allocation_id, alloc.on,
                               "receivable", -alloc.amount, bill_tenant.get(alloc.bill_id)))
    for move in deposits:
        if move.kind in CARRY_KINDS:
            continue  # no voucher (see the module): nothing the books should hold
        debit, credit = _deposit_accounts(move, chart)
        params = {"deposit_kind": move.kind, "deposit_amount": str(move.amount),
                  "contract": str(move.contract_id)}
        if move.bill_id is not None:
            params["bill"] = str(move.bill_id)
        if move.payment_id is not None:
            params["payment"] = str(move.payment_id)
        # The deposit account's line first: it is what a deposit's difference is about.
        lines = sorted([(debit, move.amount), (credit, -move.amount)],
                       key=lambda line: line[0] != chart.deposit)
        for account, amount in lines:
            anchor = _anchor(account, chart)
            if anchor is not None:
                items.append(_Ours(EntryKind.DEPOSIT, move.movement_id, move.on, anchor,
                                   amount, move.tenant_id, f"deposit-{move.kind}", params))
    return [item for item in items if item.amount]


def _anchor(account: str, chart: Chart) -> str | None:
    """Which anchor account (or a sub-account of it) an entry is on, if any."""
    code = account.strip()
    if code.startswith(chart.receivable):
        return "receivable"
    if code.startswith(chart.bank):
        return "bank"
    if code.startswith(chart.deposit):
        return "deposit"
    return None


def _entry_params(entries: Sequence[FinanceEntry]) -> dict[str, str]:
    return {"entries": ",".join(e.entry_id for e in entries),
            "vouchers": ",".join(dict.fromkeys(e.voucher_no for e in entries if e.voucher_no)),
            "books_on": ",".join(dict.fromkeys(e.on.isoformat() for e in entries)),
            "books_amount": str(sum((e.amount for e in entries), ZERO))}


class _Said:
    """An entry of ours in a difference's figures, each tenant's id written once (a park's
    entries missing from the books are tens of thousands, of a few hundred tenants)."""

    def __init__(self) -> None:
        self._tenants: dict[Id | None, str] = {None: ""}

    def ours(self, lines: Sequence[_Ours], ref: str) -> dict[str, str]:
        """An entry of ours by its first line given (``ref``: its :func:`reference`);
        ``account`` names every line given."""
        item = lines[0]
        tenant = self._tenants.get(item.tenant_id)
        if tenant is None:
            tenant = self._tenants[item.tenant_id] = str(item.tenant_id or "")
        return {"ledgers": "operations/finance", "kind": item.kind.label,
                "id": str(item.entry_id), "reference": ref,
                "on": item.on.isoformat(), "account": ",".join(i.account for i in lines),
                "amount": str(item.amount), "tenant": tenant, **item.params}


def _not_ours(anchor: str, why: str, entry: FinanceEntry) -> Difference:
    """An entry of the books on an anchor account that none of ours has."""
    return Difference("deposit-not-ours" if anchor == "deposit" else "entry-not-ours", {
        "ledgers": "operations/finance", "why": why, "reference": entry.reference,
        "account": entry.account, "customer": entry.customer,
        "tenant": str(entry.tenant_id or ""), **_entry_params([entry])})


def awaiting_books(bills: Iterable[OpsBill], receipts: Iterable[Receipt],
                   allocations: Iterable[Allocation], chart: Chart = Chart(), *,
                   adjustments: Iterable[OpsAdjustment] = (),
                   deposits: Iterable[DepositEntry] = (),
                   table: TaxTable = DEFAULT_TAX_TABLE) -> dict[str, int]:
    """Our entries the books should hold, counted by what each is called (``bill``,
    ``receipt``, ``deposit-received``…): each would be one ``…-not-in-books`` difference
    against books that hold nothing. Entries of zero book nothing and are not counted."""
    counted: Counter[str] = Counter()
    seen: set[tuple[EntryKind, Id]] = set()
    for item in _ours(bills, adjustments, receipts, allocations, deposits, chart, table):
        if (item.kind, item.entry_id) not in seen:
            seen.add((item.kind, item.entry_id))
            counted[item.what] += 1
    return dict(counted)


def operations_vs_finance(bills: Iterable[OpsBill], receipts: Iterable[Receipt],
                          allocations: Iterable[Allocation], entries: Iterable[FinanceEntry],
                          chart: Chart = Chart(), *,
                          adjustments: Iterable[OpsAdjustment] = (),
                          deposits: Iterable[DepositEntry] = (),
                          table: TaxTable = DEFAULT_TAX_TABLE,
                          window_days: int = 7) -> Reconciliation:
    """Our entries and the books' compared (the module's rules); entries of zero are in
    neither voucher nor books and are skipped. ``table`` splits the tax off a charge
    booked to an anchor account (a deposit billed) as :func:`vouchers` does."""
    items = sorted(_ours(bills, adjustments, receipts, allocations, deposits, chart, table),
                   key=lambda i: (i.on, _ORDER[i.kind], i.entry_id.int))
    keys = [(reference(i.kind, i.entry_id), i.account) for i in items]  # each made once
    ours = set(keys)
    by_ref: dict[tuple[str, str], list[FinanceEntry]] = defaultdict(list)
    loose = _Loose()
    found: list[Difference] = []
    anchors: dict[str, str | None] = {}  # the books use a few accounts, over and over
    for entry in sorted(entries, key=lambda e: (e.on, e.entry_id)):
        if entry.account not in anchors:
            anchors[entry.account] = _anchor(entry.account, chart)
        anchor = anchors[entry.account]
        if anchor is None:
            continue
        refs = _reference_texts(entry.reference)
        if not refs:
            loose.add(anchor, entry)
            continue
        for key in refs:
            if (key, anchor) in ours:
                by_ref[(key, anchor)].append(entry)
                break
        else:
            found.append(_not_ours(anchor, "reference-unknown", entry))
    held_by: dict[tuple[EntryKind, Id], tuple[list[str], set[str]]] = {}

    def hold(item: _Ours, held: Sequence[FinanceEntry], by: str) -> None:
        names, ways = held_by.setdefault((item.kind, item.entry_id), ([], set()))
        names.extend(e.entry_id for e in held)
        ways.add(by)

    pending: list[tuple[_Ours, str]] = []
    said = _Said()
    for item, key in zip(items, keys, strict=True):
        held = by_ref.get(key)
        if not held:
            pending.append((item, key[0]))
            continue
        hold(item, held, "reference")
        books = sum((e.amount for e in held), ZERO)
        if books != item.amount:
            found.append(Difference("amount-differs", said.ours([item], key[0])
                                    | _entry_params(held)
                                    | {"difference": str(books - item.amount)}))
    loose.ready()
    missing: dict[tuple[EntryKind, Id], tuple[list[_Ours], str]] = {}
    for item, ref in pending:
        entry = loose.take(item, window_days)
        if entry is None:
            missing.setdefault((item.kind, item.entry_id), ([], ref))[0].append(item)
        else:
            hold(item, (entry,), "date-amount-tenant")
    for lines, ref in missing.values():
        found.append(Difference(f"{lines[0].what}-not-in-books", said.ours(lines, ref)))
    for anchor, entry in loose.left():
        found.append(_not_ours(anchor, "no-match", entry))
    matches = tuple(Match(kind, entry_id, tuple(names),
                          "reference" if ways == {"reference"} else
                          "date-amount-tenant" if ways == {"date-amount-tenant"} else
                          "reference+date-amount-tenant")
                    for (kind, entry_id), (names, ways) in held_by.items())
    return Reconciliation(tuple(found), matches)


class _Loose:
    """The books' entries without a reference of ours, to match by date, amount and tenant.

    Grouped by (account, amount, tenant) and by day, so finding one is a few look-ups
    around the day rather than a scan: a park's books have thousands of equal rents.
    """

    def __init__(self) -> None:
        self._days: dict[tuple[str, Decimal, Id | None], dict[date, deque[FinanceEntry]]] = (
            defaultdict(lambda: defaultdict(deque)))
        self._order: dict[tuple[str, Decimal, Id | None], list[date]] = {}

    def add(self, anchor: str, entry: FinanceEntry) -> None:
        self._days[(anchor, entry.amount, entry.tenant_id)][entry.on].append(entry)

    def ready(self) -> None:
        for key, days in self._days.items():
            self._order[key] = sorted(days)
            for day, entries in days.items():
                days[day] = deque(sorted(entries, key=lambda e: e.entry_id))

    def take(self, item: _Ours, window_days: int) -> FinanceEntry | None:
        """The entry for ``item``: its tenant's first, then one of no tenant; the nearest
        day (the earlier of two as near), then the smallest id; None beyond the window."""
        if not self._order:  # books that all kept our references (or no books yet)
            return None
        tenants = [item.tenant_id, None] if item.tenant_id is not None else [None]
        for tenant in tenants:
            key = (item.account, item.amount, tenant)
            if key in self._order:
                entry = self._nearest(key, item.on, window_days)
                if entry is not None:
                    return entry
        return None

    def _nearest(self, key: tuple[str, Decimal, Id | None], on: date,
                 window_days: int) -> FinanceEntry | None:
        days, order = self._days[key], self._order[key]
        right = bisect_left(order, on)
        left = right - 1
        # Step over days whose entries are all taken, never beyond the window.
        while left >= 0 and (on - order[left]).days <= window_days and not days[order[left]]:
            left -= 1
        while (right < len(order) and (order[right] - on).days <= window_days
               and not days[order[right]]):
            right += 1
        before = (on - order[left]).days if left >= 0 else window_days + 1
        after = (order[right] - on).days if right < len(order) else window_days + 1
        if before <= window_days and days[order[left]] and before <= after:
            return days[order[left]].popleft()
        if after <= window_days and days[order[right]]:
            return days[order[right]].popleft()
        return None

    def left(self) -> list[tuple[str, FinanceEntry]]:
        """The entries nothing of ours took, with their anchor, by date then id."""
        return sorted(((key[0], e) for key, days in self._days.items()
                       for entries in days.values() for e in entries),
                      key=lambda pair: (pair[1].on, pair[1].entry_id))


def reconcile(on: date, contracts: Iterable[ContractFacts], due: Iterable[DueLine],
              bills: Iterable[OpsBill], receipts: Iterable[Receipt],
              allocations: Iterable[Allocation], entries: Iterable[FinanceEntry], *,
              adjustments: Iterable[OpsAdjustment] = (),
              deposits: Iterable[DepositEntry] = (), deposits_since: date | None = None,
              plan_areas: Mapping[Id, Decimal] | None = None, chart: Chart = Chart(),
              table: TaxTable = DEFAULT_TAX_TABLE, window_days: int = 7,
              area_tolerance: Decimal = ZERO, books: bool = True) -> Reconciliation:
    """All three ledgers on day ``on``: contract ↔ operations, then operations ↔ finance.

    The caller chooses what each ledger holds (typically everything dated on or before
    ``on``, and the books' entries a few days past it, as they post late). ``books``
    False: the park has no books to compare (none imported): every entry of ours would
    be "not in the books", which says nothing the clerk does not know; the books are
    not compared and :attr:`Reconciliation.awaiting` counts what waits for them.
    """
    bill_list, adjustment_list = list(bills), list(adjustments)
    deposit_list = list(deposits)
    first = contract_vs_operations(on, contracts, due, bill_list, adjustments=adjustment_list,
                                   deposits=deposit_list, deposits_since=deposits_since,
                                   plan_areas=plan_areas, area_tolerance=area_tolerance)
    if not books:
        waiting = awaiting_books(bill_list, receipts, allocations, chart,
                                 adjustments=adjustment_list, deposits=deposit_list,
                                 table=table)
        return Reconciliation(tuple(first), (), MappingProxyType(waiting))
    second = operations_vs_finance(bill_list, receipts, allocations, entries, chart,
                                   adjustments=adjustment_list, deposits=deposit_list,
                                   table=table, window_days=window_days)
    return Reconciliation(tuple(first) + second.differences, second.matches)
