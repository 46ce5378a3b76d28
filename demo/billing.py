"""The demo park's year of bills and payments: what a finance team has after a year.

:func:`plan_payers` (pure, before anything is written) gives every tenant a
habit: most pay on time, some are often 20–120 days late, a few are late
nearly always, a few stopped paying some months ago (half of those, and a few
of the nearly-always-late, have a court case or a tax notice on their card).
Some pay part of a bill, some round a bill up, some tenants' bills are paid by
a parent company; so the ageing report fills every bucket and the credit score
every tier.

:func:`write_billing` then lives through the months in the build's
transaction: each month's billing run is planned and posted by the billing
service (``services.billing_run.plan_run`` / ``write_run``, issued
:data:`ISSUE_DAYS` days before the month; the runs keep what they read,
``KeptReads``, so each reads only what the months before wrote), and the money
that came in before the next run is written first (``services.payments``' writers: a
``post_payment`` command per payment, an ``allocate_payment`` per
allocation), so the run's late fees accrue only on what was really overdue on
its day. Each receipt is a bank line: a 流水号 and the importer's key for it
(``ref:<流水号>|<date>|<amount>``), so importing an exported statement again
finds every one. Its payer is the tenant's legal name, or now and then its
short name, a parent company or a person; its remarks name the contract
("HT-2024-0012 6月租金"), a bill, or nothing. Allocations are the ones the
matcher or a person would have made (the bill named, whole or in part); a
parent company a person confirmed becomes an alias. What a person has not got
to yet stays unallocated, in the payment queue: receipts from unknown payers,
the last days' receipts that need a person, and overpayments not yet refunded
(a few per cent of receipts).

:func:`plan_deposits` (pure) says when each live contract's deposit came in:
most in full within days of signing, a few short (never topped up) or weeks
late, and a few signed lately still waiting for it; the three-ledger check
names those, and only those. A renewal carries the deposit the contract it
renews holds, as ``services.contracts.renew`` does (押金转入续租合同: a
``carried_out`` and a ``carried_in`` movement on the renewal's first day, no
bank line), up to what the renewal asks; the rest of what the renewal asks is
a top-up that comes in as a deposit does (or short, or not yet), and what the
old contract holds beyond it stays there for its settlement. A handful of
deposits received were first typed wrong (a digit dropped) and reversed some
days later, then entered right, as ``services.deposits.reverse_movement``
reverses them (the payment's money held as the deposit reversed with it).
:func:`write_billing` records them in the deposit's ledger as
``services.deposits`` does (a ``post_deposit`` command per movement): before
the year billed as movements of their own, within it as bank lines whose
whole amount the deposit holds. A contract that ended (expired or terminated)
and still holds a deposit is settled some days after its last day as
``services.deposits.settle_termination`` settles it: the late fees accrued to
the day on a final bill, the deposit applied to the open bills oldest first,
the rest refunded.

:func:`write_meters` adds an electricity and a water meter tree per building
(a main meter, a sub meter per let unit of one or two floors) read on the
first of each month billed, one main meter's dial turning past 99999.9 on
the way, and the park's tariffs on the main meters (flat electricity, one
building's time-of-use, tiered water). It runs before the first billing run,
so each month's run bills the month before's use (``services.utility_billing``)
and those bills are paid like the rest.

The same ``(units, seed, today)`` gives the same bills, payments and
readings; only the UUIDv7 ids differ (and the bill ids, derived from the
contracts' ids).
"""

from __future__ import annotations

import heapq
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from random import Random
from typing import Any

from sqlalchemy.orm import Session

from demo.leasing import DETAIL_UNITS
from demo.phases import phase
from demo.plan import ParkPlan
from demo.profiles import GIVEN, SURNAMES
from domain.assets import UnitType
from domain.billing.balances import LATE_FEE, OpenItem
from domain.billing.bills import ADJUSTMENT_KIND, PlannedBill
from domain.billing.deposits import (
    APPLIED,
    CARRIED_IN,
    CARRIED_OUT,
    RECEIVED,
    REFUNDED,
    REVERSED,
    DepositMove,
    settle,
    signed_amount,
)
from domain.billing.late_fees import late_fee_bill
from domain.billing.matching import bill_reference
from domain.billing.tariffs import Band, FlatTariff, TieredTariff, TouTariff, to_document
from domain.contracts import ContractStatus
from domain.leasing.codec import terms_from_json
from domain.leasing.schedule import add_months
from domain.money import ZERO, money
from domain.space_use import SpaceUse
from services.billing_run import KeptReads, RunPlan, plan_run, write_run
from services.deposits import FINAL, HELD_FROM_PAYMENT, write_moves
from services.payments import insert_allocations, write_payments
from services.receivables import PAYMENT
from store.changes import insert_rows, record_commands, under_command
from store.ids import uuid7
from store.schema import Meter, MeterReading, Park, PayerAlias
from store.schema import Tariff as TariffRow

ISSUE_DAYS = 6  # a month's billing run is issued this many days before the month starts
BILL_MONTHS = 12  # months of bills in a park of usual size
# A benchmark park (above DETAIL_UNITS units for rent) gets the last month's: every bill,
# payment and allocation is a ledger row with its command, and the build has a budget.
BILL_MONTHS_BENCHMARK = 1
YEAR_UNITS = 2000  # units for rent up to which a park gets its year of bills
BILL_MONTHS_LARGE = 3  # above that, up to DETAIL_UNITS
ACCOUNT = "121909876510688"  # the park's collection account at 招商银行, as its exports name it
BACKLOG_DAYS = 14  # receipts this recent that need a person may still be in the queue
BACKLOG_SHARE = 0.7  # … and this many of them are
UNKNOWN_SHARE = 0.02  # receipts from payers nobody knows, per bill posted
UNKNOWN_RESOLVED_DAYS = 90  # older unknown receipts were sent back (refunded) by now
COMBINED_SHARE = 0.35  # a contract's charges of one period paid in one transfer
# A tenant's habit: (kind, share of tenants, chance a bill is paid 20–120 days late,
# chance a payment is part of the bill, chance a payment rounds the bill up, chance a
# late fee is paid at all).
HABITS = (
    ("prompt", 0.72, 0.02, 0.02, 0.02, 1.0),
    ("slow", 0.17, 0.20, 0.08, 0.02, 0.8),
    ("chronic", 0.07, 0.85, 0.20, 0.0, 0.3),
    ("stopped", 0.04, 0.60, 0.15, 0.0, 0.0),
)
PARENT_SHARE = 0.12  # tenants with a parent company that pays some of their bills
PARENT_FORMS = ("控股集团有限公司", "实业集团有限公司", "投资控股有限公司", "集团有限公司")
PLATFORMS = ("支付宝（中国）网络技术有限公司", "财付通支付科技有限公司",
             "上海银联电子支付服务有限公司")
UNKNOWN_REMARKS = ("转账", "货款", "往来款", "", "汇款", "押金", "服务费")
LABELS = {"rent": "租金", "property_fee": "物业费", "parking": "停车费", LATE_FEE: "滞纳金",
          "electricity": "电费", "water": "水费", "gas": "燃气费", "heat": "热费"}
SIGNALS = (("court", "买卖合同纠纷一审立案"), ("tax", "欠税公告"), ("court", "被列为被执行人"))
# Deposits (押金), due on signing: most come within RECEIVED_DAYS; DEPOSIT_SHORT of them
# short of what the contract says (never topped up), DEPOSIT_LATE weeks late (in by
# now); of the contracts signed in the last OUTSTANDING_DAYS, OUTSTANDING_SHARE still
# wait for theirs. An ended contract is settled SETTLE_DAYS after its last day.
RECEIVED_DAYS = 10
DEPOSIT_SHORT = 0.02
DEPOSIT_LATE = 0.02
LATE_DAYS = (25, 90)
OUTSTANDING_DAYS = 60
OUTSTANDING_SHARE = 0.15
SETTLE_DAYS = (3, 20)
DEPOSIT_REMARKS = ("{code} 押金", "{code}押金", "押金", "{code} 租赁保证金")
# Deposits received in full that were first typed with a digit dropped, and reversed
# (then entered right) this many days later.
TYPOS = 4
TYPO_DAYS = (1, 5)
TYPO_NOTE = "录入错误"


# -- the tenants' habits (pure) ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Habit:
    """How one tenant pays; ``stops_on``: bills due from this day on are not paid at all."""

    kind: str
    late: float
    partial: float
    over: float
    pays_fees: float
    parent: str = ""  # a parent company that pays some of the bills ("": none)
    stops_on: date | None = None


@dataclass
class PayerPlan:
    """Every tenant's habit (by tenant index) and the credit signals entered on a few."""

    habits: list[Habit] = field(default_factory=list)
    signals: dict[int, list[dict[str, str]]] = field(default_factory=dict)


def plan_payers(park: ParkPlan, seed: int, today: date) -> PayerPlan:
    """Each tenant's habit, from its own random stream (``"{seed}:payers"``): the park's
    other rows are what they were without it. A stopped tenant stopped 3–9 months ago;
    court cases and tax notices go on a few late tenants' cards (entered by hand in a
    real park), which is what takes a score below 40."""
    rng = Random(f"{seed}:payers")
    plan = PayerPlan()
    weights = [(h, h[1]) for h in HABITS]
    for index, tenant in enumerate(park.tenants):
        kind, _, late, partial, over, fees = _weighted(rng, weights)
        parent = ""
        if rng.random() < PARENT_SHARE:
            parent = tenant.short_name[:2] + rng.choice(PARENT_FORMS)
        stops = None
        if kind == "stopped":
            stops = add_months(today.replace(day=1), -rng.randint(3, 9))
        plan.habits.append(Habit(kind, late, partial, over, fees, parent, stops))
        if kind in ("stopped", "chronic") and rng.random() < (0.5 if kind == "stopped" else 0.15):
            what, note = rng.choice(SIGNALS)
            on = today - timedelta(days=rng.randint(20, 300))
            plan.signals[index] = [{"on": on.isoformat(), "kind": what, "note": note}]
    return plan


def bill_months(today: date, count: int) -> list[date]:
    """The first days of the ``count`` months up to ``today``'s, oldest first.

    Next month's run is left to the user even when its day (:data:`ISSUE_DAYS` before the
    month) has passed: running it is what a demo is for (and ``bench/billing.py`` bills
    the month after its demo's day on a fresh ledger)."""
    latest = today.replace(day=1)
    return [add_months(latest, -k) for k in range(count - 1, -1, -1)]


def months_for(park: ParkPlan) -> int:
    """Twelve months of bills in a park of the usual size (the app's demo), three in a
    larger one, the last month only in a benchmark park: every month is a ledger row per
    bill, payment and allocation, with its command."""
    for_rent = sum(1 for u in park.units if u.use is SpaceUse.LEASABLE)
    if for_rent <= YEAR_UNITS:
        return BILL_MONTHS
    return BILL_MONTHS_LARGE if for_rent <= DETAIL_UNITS else BILL_MONTHS_BENCHMARK


# -- the deposits (pure) ---------------------------------------------------------------------

FULL, SHORT, LATE, OUTSTANDING, CARRIED = "full", "short", "late", "outstanding", "carried"


@dataclass(frozen=True, slots=True)
class DepositPlan:
    """When one contract's deposit came in, and when the contract is settled.

    ``kind``: full (within days of signing), late (weeks after, whole), short (part of
    it, the rest never came) or outstanding (not in by today: ``received`` 0, ``on``
    None); carried when a renewal's whole deposit was carried from the contract it
    renews (``received`` 0, ``on`` None). Short and outstanding are what the
    three-ledger check must name. A renewal's ``carried`` came from ``renews`` on its
    first day; the kind and ``received`` are then the top-up's, the rest of what it
    asks. ``carried_out``: what the renewal of this one carried away. ``settle_on``:
    some days after the contract's last day (its end or termination), when that is by
    today and the contract still holds some of its deposit then; None otherwise.
    ``typo``: the amount first entered on ``on`` (a digit dropped), reversed on
    ``corrected_on`` and ``received`` entered right that day (out of a payment, the
    payment held the right amount only once the wrong one was reversed).
    """

    contract: int  # index into park.contracts
    due: Decimal  # the deposit the contract says
    received: Decimal  # what came in at the bank (a renewal's top-up)
    on: date | None
    kind: str
    payer: str
    remarks: str
    settle_on: date | None
    carried: Decimal = ZERO
    renews: int | None = None  # the contract the deposit was carried from
    carried_out: Decimal = ZERO
    typo: Decimal = ZERO
    corrected_on: date | None = None

    @property
    def held(self) -> Decimal:
        """What the contract holds once everything planned has happened, before settling."""
        return self.received + self.carried - self.carried_out


def plan_deposits(park: ParkPlan, seed: int, today: date) -> list[DepositPlan]:
    """Each signed (or terminated) contract's deposit, from its own random stream
    (``"{seed}:deposits"``), so the other rows are what they were without it; contracts
    with no deposit and drafts have none. A renewal carries what the contract it renews
    holds on the renewal's signing, up to its own deposit; the renewal's draws decide its
    top-up. The typos come from a stream of their own (``"{seed}:deposit-typos"``), a
    fully carried renewal's settlement day from ``"{seed}:deposit-carries"``."""
    rng = Random(f"{seed}:deposits")
    carries = Random(f"{seed}:deposit-carries")
    plans: dict[int, DepositPlan] = {}
    for index, contract in enumerate(park.contracts):
        if contract.status is ContractStatus.DRAFT or contract.deposit <= 0:
            continue
        tenant = park.tenants[park.tenancy_tenant[contract.tenancy]]
        signed = contract.signed_on
        old = plans.get(contract.renews) if contract.renews is not None else None
        carried = ZERO
        if old is not None and park.contracts[old.contract].terminated_on is None:
            # What the renewed contract holds when the renewal is signed (renew carries it).
            came = old.received if old.on is not None and old.on <= signed else ZERO
            carried = min(came + old.carried - old.carried_out, contract.deposit)
        asked = contract.deposit - carried
        roll = rng.random()
        kind, received = FULL, asked
        on: date | None = signed + timedelta(days=rng.randint(0, RECEIVED_DAYS))
        if (today - signed).days <= OUTSTANDING_DAYS and rng.random() < OUTSTANDING_SHARE:
            kind, received, on = OUTSTANDING, ZERO, None
        elif roll < DEPOSIT_SHORT:
            kind = SHORT
            share = Decimal(rng.choice((50, 60, 70, 80, 90))) / 100
            received = money((asked * share / 100).to_integral_value(ROUND_FLOOR)
                             * 100) or asked
        elif roll < DEPOSIT_SHORT + DEPOSIT_LATE and (today - signed).days > LATE_DAYS[1]:
            kind = LATE  # only where it is in by now: a late one still out is outstanding
            on = signed + timedelta(days=rng.randint(*LATE_DAYS))
        if asked == 0:
            kind, received, on = CARRIED, ZERO, None  # all of it carried: no top-up
        if on is not None:
            on = min(on, today)
        payer = tenant.name if rng.random() < 0.9 else tenant.short_name
        remarks = rng.choice(DEPOSIT_REMARKS).format(code=contract.code)
        last = contract.ends_on
        if contract.terminated_on is not None:
            last = min(last, contract.terminated_on)
        settle_on = None
        if on is not None and last < today:
            day = max(last + timedelta(days=rng.randint(*SETTLE_DAYS)), on + timedelta(days=1))
            settle_on = _settle_day(day, today)
        elif carried > 0 and last < today:
            settle_on = _settle_day(last + timedelta(days=carries.randint(*SETTLE_DAYS)),
                                    today)
        if carried > 0 and old is not None:
            plans[old.contract] = replace(old, carried_out=old.carried_out + carried)
        plans[index] = DepositPlan(index, contract.deposit, received, on, kind, payer,
                                   remarks, settle_on, carried,
                                   old.contract if carried > 0 and old is not None else None)
    # A contract whose renewal carried all it held has nothing left to settle.
    out = [p if p.held > 0 else replace(p, settle_on=None) for p in plans.values()]
    return _typos(out, Random(f"{seed}:deposit-typos"), today)


def _settle_day(day: date, today: date) -> date | None:
    if day.day == 1:
        day += timedelta(days=1)  # a run's late-fee bill of the month has that id
    return day if day <= today else None


def _typos(plans: list[DepositPlan], rng: Random, today: date) -> list[DepositPlan]:
    """:data:`TYPOS` deposits received whole, first typed with a digit dropped: contracts
    neither renewing nor renewed nor settled, so the correction is all that happens to
    their deposit, and entered early enough to be corrected by today."""
    latest = today - timedelta(days=TYPO_DAYS[1])
    fit = [i for i, p in enumerate(plans)
           if p.kind == FULL and p.on is not None and p.on <= latest and p.renews is None
           and p.carried_out == 0 and p.settle_on is None and p.received >= 100]
    for i in sorted(rng.sample(fit, min(TYPOS, len(fit)))):
        plan = plans[i]
        assert plan.on is not None
        plans[i] = replace(plan, typo=dropped_zero(plan.received), corrected_on=plan.on
                           + timedelta(days=rng.randint(*TYPO_DAYS)))
    return plans


def dropped_zero(amount: Decimal) -> Decimal:
    """``amount`` as typed with a digit of its yuan dropped: its first 0 after the leading
    digit, else its last (51,570.09 → 5,157.09; 28,000.00 → 2,800.00; 123.45 → 12.45).

    >>> dropped_zero(Decimal("51570.09")), dropped_zero(Decimal("123.45"))
    (Decimal('5157.09'), Decimal('12.45'))
    """
    whole, _, cents = f"{amount:.2f}".partition(".")
    at = whole.find("0", 1)
    digits = whole[:at] + whole[at + 1:] if at > 0 else whole[:-1]
    return money(f"{digits or 0}.{cents}")


# -- living through the months ---------------------------------------------------------------


@dataclass(frozen=True)
class BillingSummary:
    """What :func:`write_billing` wrote."""

    runs: int
    bills: int
    payments: int
    allocations: int
    unallocated: int  # payments with money left over for the queue
    aliases: int
    deposit_movements: int = 0
    settlements: int = 0  # ended contracts whose deposit was applied and refunded
    carries: int = 0  # renewals whose deposit was carried from the contract renewed
    reversals: int = 0  # deposit movements typed wrong and reversed


@dataclass(slots=True)
class _Transfer:
    """Money that will come in: for some bills of one contract, or from nobody known."""

    contract: int | None  # index into park.contracts; None: an unknown payer
    bills: tuple[uuid.UUID, ...]
    payer: str
    remarks: str
    mode: str = "full"  # full | part | over | unknown | refund | deposit
    amount: Decimal = ZERO  # an unknown payer's amount
    payment: uuid.UUID | None = None  # a refund's payment
    known_payer: bool = True  # the legal name or an alias a person confirmed
    named: bool = True  # the remarks name the contract or a bill
    alias: str = ""  # the parent company this transfer comes from
    typo: Decimal = ZERO  # a deposit first entered as this, reversed on ``corrected_on``
    corrected_on: date | None = None


def write_billing(session: Session, park: ParkPlan, payers: PayerPlan, seed: int,
                  today: date, months: int,
                  progress: Callable[[int, int], None] | None = None) -> BillingSummary:
    """Post ``months`` monthly billing runs up to ``today`` and the money received on the
    bills, month by month, in ``session`` (the build's transaction)."""
    with phase("meters and readings"):
        write_meters(session, park, seed, today, months)  # the runs bill their readings
    books = _Books(session, park, payers, Random(f"{seed}:billing"), today)
    starts = bill_months(today, months)
    # The runs read the park's contracts once and then only what was written since: the
    # bills, payments and settlements of each month are this transaction's own.
    kept = KeptReads.start(session, park.park_id)
    with phase("deposits planned"):
        books.take_deposits(plan_deposits(park, seed, today),
                            bank_from=starts[0] - timedelta(days=ISSUE_DAYS))
    for n, start in enumerate(starts):
        issued = start - timedelta(days=ISSUE_DAYS)
        with phase("money received, settlements"):
            books.settle_until(issued)  # the ended contracts settled by the run's day
            books.receive(until=issued)  # what came in before the run: its late fees see it
        with phase("payments written"):
            books.write()
        with phase("billing run planned"):
            plan = plan_run(session, park.park_id, start,
                            add_months(start, 1) - timedelta(days=1), issued, kept=kept)
        with phase("billing run written"):
            if plan.bills:
                write_run(session, plan)
                books.runs += 1
        with phase("bills taken into the books"):
            books.post(plan.bills, issued)
        if progress is not None:
            progress(n + 1, len(starts) + 1)
    with phase("money received, settlements"):
        books.settle_until(today)
        books.receive(until=today)
    with phase("payments written"):
        books.write()
    if progress is not None:
        progress(len(starts) + 1, len(starts) + 1)
    return BillingSummary(books.runs, books.bill_count, books.payment_count,
                          books.allocation_count, books.unallocated_count(),
                          books.alias_count, books.movement_count, books.settlement_count,
                          books.carry_count, books.reversal_count)


class _Books:
    """The bills' balances and the money still to come, as the months go by."""

    def __init__(self, session: Session, park: ParkPlan, payers: PayerPlan, rng: Random,
                 today: date) -> None:
        self.session = session
        self.park = park
        self.payers = payers
        self.rng = rng
        self.today = today
        self.contract_of = {str(c.id): i for i, c in enumerate(park.contracts)}
        self.balance: dict[uuid.UUID, Decimal] = {}  # each bill's open balance
        self.bill: dict[uuid.UUID, PlannedBill] = {}
        self.held: dict[uuid.UUID, Decimal] = {}  # each payment's unallocated money
        self.queue: list[tuple[date, int, _Transfer]] = []  # money to come, by day
        self.learnt: set[tuple[int, str]] = set()  # (tenant, parent) aliases confirmed
        self.serial = 0  # the bank's running serial, for the 流水号
        self.runs = self.bill_count = self.payment_count = 0
        self.allocation_count = self.alias_count = 0
        # The deposits: what each contract holds, the movements still to write, the
        # settlements to come (by day), and what settling needs of the bills.
        self.deposit_held: dict[int, Decimal] = {}
        self.moves: list[dict[str, Any]] = []
        self.settlements: list[tuple[date, int]] = []
        self.bills_of: dict[str, list[uuid.UUID]] = {}  # contract id → its bills, as posted
        self.issued: dict[uuid.UUID, date] = {}
        self.billed: dict[uuid.UUID, Decimal] = {}  # each bill's lines, credits included
        self.posted_fees: dict[uuid.UUID, Decimal] = {}  # late fees charged, by bill
        self.movement_count = self.settlement_count = 0
        self.carry_count = self.reversal_count = 0
        self.move_kind: dict[uuid.UUID, str] = {}  # each movement's kind, for its reversal
        self.currency = ""
        # Payments, allocations and aliases taken in and not yet written (see write()).
        self.unwritten: tuple[list[dict[str, Any]], list[dict[str, Any]],
                              list[dict[str, Any]]] = ([], [], [])

    # -- bills posted ----------------------------------------------------------------------

    def post(self, bills: Sequence[PlannedBill], issued: date) -> None:
        """Take a run's bills into the books and plan how each gets paid."""
        groups: dict[tuple[str, date, date], list[PlannedBill]] = {}
        for bill in bills:
            if not self._take(bill, issued):
                continue
            if bill.amount > 0:
                key = (bill.contract_id, bill.period_start, bill.due_on)
                groups.setdefault(key, []).append(bill)
        for group in groups.values():
            self._plan(group, issued)
        window = max(1, sum(len(g) for g in groups.values()))
        unknown = int(window * UNKNOWN_SHARE + self.rng.random())
        for _ in range(unknown):
            self._plan_unknown(issued)

    def _take(self, bill: PlannedBill, issued: date) -> bool:
        """A bill posted, into the balances; False for a credit (a line of the bill it
        corrects, not a bill to pay)."""
        self.bill_count += 1
        if bill.charge == LATE_FEE:  # what a later accrual is reckoned against
            for line in bill.lines:
                on_bill = line.explanation.get("on_bill")
                if on_bill:
                    key = uuid.UUID(on_bill)
                    self.posted_fees[key] = self.posted_fees.get(key, ZERO) + line.amount
        if bill.kind == ADJUSTMENT_KIND and bill.corrects is not None and bill.amount < 0:
            # A credit lowers the bill it corrects; below what was paid, the run frees
            # the payments' allocations it no longer needs (never below zero).
            before = self.balance.get(bill.corrects, ZERO)
            self.balance[bill.corrects] = max(before + bill.amount, ZERO)
            self.billed[bill.corrects] = self.billed.get(bill.corrects, ZERO) + bill.amount
            return False
        self.balance[bill.id] = bill.amount
        self.billed[bill.id] = bill.amount
        self.bill[bill.id] = bill
        self.issued[bill.id] = issued
        self.bills_of.setdefault(bill.contract_id, []).append(bill.id)
        return True

    def _plan(self, group: list[PlannedBill], issued: date) -> None:
        """When and how one contract's bills of one period and due day are paid."""
        contract = self.contract_of[group[0].contract_id]
        tenant_index = self.park.tenancy_tenant[self.park.contracts[contract].tenancy]
        habit = self.payers.habits[tenant_index]
        rng = self.rng
        due = group[0].due_on
        if habit.stops_on is not None and due >= habit.stops_on:
            return  # stopped paying: these stay open
        fees = [b for b in group if b.charge == LATE_FEE]
        if fees and rng.random() >= habit.pays_fees:
            group = [b for b in group if b.charge != LATE_FEE]  # a late fee disputed
            if not group:
                return
        if rng.random() < habit.late:
            day = due + timedelta(days=rng.randint(20, 120))
        elif rng.random() < 0.08:
            day = due + timedelta(days=rng.randint(1, 4))
        else:
            day = due - timedelta(days=rng.randint(0, 7))
        if any(b.charge == LATE_FEE for b in group):
            day = max(day, issued)  # a fee is known once posted; rent by the contract's dates
        if len(group) > 1 and rng.random() < COMBINED_SHARE:
            self._schedule(day, self._transfer(contract, tenant_index, group, "full"))
            return
        for bill in group:
            roll = rng.random()
            mode = "part" if roll < habit.partial else (
                "over" if roll < habit.partial + habit.over else "full")
            when = day + timedelta(days=rng.choice((0, 0, 0, 1, 2)))
            self._schedule(when, self._transfer(contract, tenant_index, [bill], mode))

    def _transfer(self, contract: int, tenant_index: int, bills: Sequence[PlannedBill],
                  mode: str) -> _Transfer:
        """Who the bank says paid, and what they wrote."""
        rng = self.rng
        tenant = self.park.tenants[tenant_index]
        habit = self.payers.habits[tenant_index]
        roll = rng.random()
        alias = ""
        if habit.parent and roll < 0.4:
            payer, alias = habit.parent, habit.parent
        elif roll < 0.88:
            payer = tenant.name
        elif roll < 0.95:
            payer = tenant.short_name
        else:
            payer = tenant.contact_name  # the boss paid from their own account
        code = self.park.contracts[contract].code
        label = _label(bills)
        roll = rng.random()
        if roll < 0.70:
            remarks, named = f"{code} {label}", True
        elif roll < 0.80 and len(bills) == 1:
            bill = bills[0]
            remarks = f"{bill_reference(code, bill.period_start, bill.charge)} {label}"
            named = True
        elif roll < 0.95:
            remarks, named = label, False
        else:
            remarks, named = rng.choice(("转账", "付款", "")), False
        return _Transfer(contract, tuple(b.id for b in bills), payer, remarks, mode,
                         known_payer=payer == tenant.name, named=named, alias=alias)

    def _plan_unknown(self, issued: date) -> None:
        rng = self.rng
        if rng.random() < 0.3:
            payer = rng.choice(PLATFORMS)
        else:
            payer = rng.choice(SURNAMES) + rng.choice(GIVEN) + (
                rng.choice(GIVEN) if rng.random() < 0.6 else "")
        if rng.random() < 0.5:
            amount = Decimal(rng.choice((500, 1000, 2000, 3000, 5000, 8000, 10000, 20000)))
        else:
            amount = Decimal(rng.randint(30_000, 3_000_000)) / 100
        day = issued + timedelta(days=rng.randint(0, 30))
        self._schedule(day, _Transfer(None, (), payer, rng.choice(UNKNOWN_REMARKS),
                                      "unknown", money(amount), known_payer=False,
                                      named=False))

    def _schedule(self, day: date, transfer: _Transfer) -> None:
        self.serial += 1  # also orders transfers of one day as planned
        heapq.heappush(self.queue, (day, self.serial, transfer))

    # -- money received ----------------------------------------------------------------------

    def receive(self, until: date) -> None:
        """Take in the transfers received on or before ``until`` (never after today), with
        their allocations, refunds and the aliases a person confirmed; :meth:`write`
        writes them, in bulk."""
        until = min(until, self.today)
        payments, allocations, aliases = self.unwritten
        while self.queue and self.queue[0][0] <= until:
            day, _, transfer = heapq.heappop(self.queue)
            if transfer.mode == "refund":
                allocations += self._refund(day, transfer)
            elif transfer.mode == "deposit":
                self._receive_deposit(day, transfer, payments, allocations)
            else:
                self._receive(day, transfer, payments, allocations, aliases)

    def write(self) -> None:
        """What came in since the last write, before a run reads the ledger: payments, then
        their allocations (and the deposits', applied at settlements), aliases, and the
        deposits' movements."""
        payments, allocations, aliases = self.unwritten
        if payments:
            write_payments(self.session, payments)
        if allocations:
            insert_allocations(self.session, allocations)
        if aliases:
            insert_rows(self.session, PayerAlias, aliases)
        self.payment_count += len(payments)
        self.allocation_count += len(allocations)
        self.alias_count += len(aliases)
        self.unwritten = ([], [], [])
        self._write_moves()

    def _receive(self, day: date, transfer: _Transfer, payments: list[dict[str, Any]],
                 allocations: list[dict[str, Any]], aliases: list[dict[str, Any]]) -> None:
        rng = self.rng
        owed = [(b, self.balance.get(b, ZERO)) for b in transfer.bills]
        owed = [(b, amount) for b, amount in owed if amount > 0]
        if transfer.mode == "unknown":
            amount = transfer.amount
        elif not owed:
            return  # paid already (a credit or an earlier transfer cleared it)
        else:
            total = sum((a for _, a in owed), ZERO)
            amount = total
            if transfer.mode == "part":
                amount = _round_part(total, rng)
            elif transfer.mode == "over":
                amount = _round_up(total)
        payment_id = self._payment(day, amount, transfer, payments)
        self.held[payment_id] = amount
        if transfer.contract is None:
            if (self.today - day).days > UNKNOWN_RESOLVED_DAYS:
                self._schedule(day + timedelta(days=rng.randint(10, 40)),
                               _Transfer(None, (), "", "", "refund", payment=payment_id))
            return
        tenant_index = self.park.tenancy_tenant[self.park.contracts[transfer.contract].tenancy]
        if transfer.alias and (tenant_index, transfer.alias) in self.learnt:
            transfer.known_payer = True
        automatic = (transfer.known_payer and transfer.named and transfer.mode == "full")
        if not automatic and (self.today - day).days <= BACKLOG_DAYS \
                and rng.random() < BACKLOG_SHARE:
            return  # in the queue: nobody has looked at it yet
        on = day  # as the matcher and the queue date it: the day the money came
        reasons = self._reasons(transfer, tenant_index) if automatic else [
            {"code": "confirmed", "params": {}}]
        left = amount
        for bill_id, owing in owed:
            part = min(owing, left)
            if part <= 0:
                break
            allocations.append({
                "id": uuid7(), "park_id": self.park.park_id, "source_kind": PAYMENT,
                "source_id": payment_id, "bill_id": bill_id, "kind": "allocate",
                "reverses_id": None, "amount": part, "on": on,
                "by": "auto" if automatic else "person", "reasons": reasons})
            self.balance[bill_id] = owing - part
            left -= part
        self.held[payment_id] = left
        if transfer.mode == "part":  # the rest follows, or never comes
            if rng.random() < 0.75:
                self._schedule(day + timedelta(days=rng.randint(15, 60)), _Transfer(
                    transfer.contract, transfer.bills, transfer.payer, transfer.remarks,
                    known_payer=transfer.known_payer, named=transfer.named,
                    alias=transfer.alias))
        elif left > 0 and rng.random() < 0.4:  # an overpayment sent back
            self._schedule(day + timedelta(days=rng.randint(10, 40)),
                           _Transfer(None, (), "", "", "refund", payment=payment_id))
        if transfer.alias and (tenant_index, transfer.alias) not in self.learnt:
            self.learnt.add((tenant_index, transfer.alias))  # the person said who it is
            aliases.append({"park_id": self.park.park_id,
                            "tenant_id": self.park.tenants[tenant_index].id,
                            "name": transfer.alias})

    def _payment(self, day: date, amount: Decimal, transfer: _Transfer,
                 payments: list[dict[str, Any]]) -> uuid.UUID:
        """A bank line: its 流水号, and the importer's key for it."""
        payment_id = uuid7()
        self.serial += 1
        reference = f"{day:%Y%m%d}{self.serial:08d}"
        payments.append({
            "id": payment_id, "park_id": self.park.park_id, "account": ACCOUNT,
            "key": f"ref:{reference}|{day.isoformat()}|{amount:f}", "received_on": day,
            "amount": amount, "payer": transfer.payer, "remarks": transfer.remarks,
            "reference": reference, "balance": None, "source": "bank",
            "source_file": f"cmb-{day:%Y%m}.csv", "tenant_id": None})
        return payment_id

    def _reasons(self, transfer: _Transfer, tenant_index: int) -> list[dict[str, Any]]:
        """What the matcher would have said allocating it (``domain.billing.matching``)."""
        tenant = self.park.tenants[tenant_index]
        payer = ({"code": "payer-alias", "params": {"alias": transfer.alias, "points": "50"}}
                 if transfer.alias else
                 {"code": "payer-name", "params": {"name": tenant.name, "points": "50"}})
        code = self.park.contracts[transfer.contract or 0].code
        return [payer,
                {"code": "names-contract", "params": {"contracts": code, "points": "30"}},
                {"code": "amount-exact", "params": {"bills": str(len(transfer.bills)),
                                                    "points": "20"}}]

    def _refund(self, day: date, transfer: _Transfer) -> list[dict[str, Any]]:
        payment_id = transfer.payment
        left = self.held.get(payment_id, ZERO) if payment_id is not None else ZERO
        if payment_id is None or left <= 0:
            return []
        self.held[payment_id] = ZERO
        return [{"id": uuid7(), "park_id": self.park.park_id, "source_kind": PAYMENT,
                 "source_id": payment_id, "bill_id": None, "kind": "refund",
                 "reverses_id": None, "amount": left, "on": day, "by": "person",
                 "reasons": [{"code": "refunded", "params": {"amount": str(left)}}]}]

    def unallocated_count(self) -> int:
        return sum(1 for left in self.held.values() if left > 0)

    # -- deposits ------------------------------------------------------------------------------

    def take_deposits(self, plans: Sequence[DepositPlan], bank_from: date) -> None:
        """The renewals' carries and the deposits received before ``bank_from`` (before
        this park's bank lines are here) as movements of their own, now; the later ones
        as bank transfers to come; the settlements in day order."""
        for plan in plans:
            if plan.settle_on is not None:
                self.settlements.append((plan.settle_on, plan.contract))
            if plan.carried > 0 and plan.renews is not None:
                self._carry(plan.renews, plan.contract, plan.carried)
            if plan.on is None or plan.received <= 0:
                continue
            if plan.on < bank_from:
                day = plan.on
                if plan.typo and plan.corrected_on is not None:
                    wrong = self._move(plan.contract, RECEIVED, plan.typo, plan.on)
                    self._reverse(plan.contract, wrong, plan.typo, plan.corrected_on)
                    day = plan.corrected_on
                self._move(plan.contract, RECEIVED, plan.received, day)
            else:
                self._schedule(plan.on, _Transfer(plan.contract, (), plan.payer, plan.remarks,
                                                  "deposit", plan.received, typo=plan.typo,
                                                  corrected_on=plan.corrected_on))
        self.settlements.sort(reverse=True)  # popped from the end, oldest first

    def _carry(self, old: int, new: int, amount: Decimal) -> None:
        """A renewal's carry, as ``services.deposits.carry_deposit`` writes it: out of the
        renewed contract's deposit and into the renewal's on the renewal's first day, each
        side's counterpart (and note) the other contract."""
        renewed, renewal = self.park.contracts[old], self.park.contracts[new]
        self._move(old, CARRIED_OUT, amount, renewal.starts_on, note=str(renewal.id),
                   counterpart=renewal.id)
        self._move(new, CARRIED_IN, amount, renewal.starts_on, note=str(renewed.id),
                   counterpart=renewed.id)
        self.carry_count += 1

    def _reverse(self, index: int, movement: uuid.UUID, amount: Decimal, on: date, *,
                 payment_id: uuid.UUID | None = None) -> None:
        """A movement typed wrong, reversed whole, as
        ``services.deposits.reverse_movement`` does it."""
        self._move(index, REVERSED, amount, on, payment_id=payment_id, reverses=movement,
                   note=TYPO_NOTE)
        self.reversal_count += 1

    def _receive_deposit(self, day: date, transfer: _Transfer, payments: list[dict[str, Any]],
                         allocations: list[dict[str, Any]]) -> None:
        """A transfer the deposit holds whole, as ``services.deposits.receive_deposit``
        records it from a payment: the payment's money held as the deposit (an allocation
        of kind ``deposit``), and the movement naming the payment."""
        assert transfer.contract is not None
        payment_id = self._payment(day, transfer.amount, transfer, payments)
        self.held[payment_id] = ZERO
        code = self.park.contracts[transfer.contract].code

        def hold(amount: Decimal, on: date) -> uuid.UUID:
            allocations.append({
                "id": uuid7(), "park_id": self.park.park_id, "source_kind": PAYMENT,
                "source_id": payment_id, "bill_id": None, "kind": HELD_FROM_PAYMENT,
                "reverses_id": None, "amount": amount, "on": on, "by": "person",
                "reasons": [{"code": "deposit", "params": {"contract": code}}]})
            return allocations[-1]["id"]

        entered = day
        if transfer.typo and transfer.corrected_on is not None:
            held = hold(transfer.typo, day)
            wrong = self._move(transfer.contract, RECEIVED, transfer.typo, day,
                               payment_id=payment_id)
            reversed_id = uuid7()
            self._reverse(transfer.contract, wrong, transfer.typo, transfer.corrected_on,
                          payment_id=payment_id)
            allocations.append({
                "id": reversed_id, "park_id": self.park.park_id, "source_kind": PAYMENT,
                "source_id": payment_id, "bill_id": None, "kind": "reverse",
                "reverses_id": held, "amount": -transfer.typo, "on": transfer.corrected_on,
                "by": "person", "reasons": [{"code": "deposit-reversed",
                                             "params": {"movement": str(wrong)}}]})
            entered = transfer.corrected_on
        hold(transfer.amount, entered)
        self._move(transfer.contract, RECEIVED, transfer.amount, entered,
                   payment_id=payment_id)

    def settle_until(self, until: date) -> None:
        """Settle the ended contracts due by ``until``, day by day, each on what had come
        in by its day."""
        until = min(until, self.today)
        while self.settlements and self.settlements[-1][0] <= until:
            day = self.settlements[-1][0]
            self.receive(until=day)
            while self.settlements and self.settlements[-1][0] == day:
                self.unwritten[1].extend(self._settle(self.settlements.pop()[1], day))

    def _settle(self, index: int, on: date) -> list[dict[str, Any]]:
        """One contract settled as ``services.deposits.settle_termination`` does: the late
        fees accrued to the day on a final bill of their own, the deposit applied to the
        open bills (the final one among them) oldest first, the rest refunded. Returns
        the deposit's allocations to the bills."""
        held = self.deposit_held.get(index, ZERO)
        if held <= 0:
            return []
        contract = self.park.contracts[index]
        key = str(contract.id)
        tenant = self.park.tenants[self.park.tenancy_tenant[contract.tenancy]]
        items = [self._item(bill_id, tenant.id, contract.code)
                 for bill_id in self.bills_of.get(key, ())
                 if self.balance.get(bill_id, ZERO) > 0]
        clause = terms_from_json(contract.terms).late_fee if contract.terms else None
        final = None
        if clause is not None:
            fees = late_fee_bill(key, contract.code, items, clause, on, on, on,
                                 self.posted_fees)
            if fees is not None:
                final = PlannedBill(fees.id, key, f"{contract.code}/{on}/final", FINAL,
                                    fees.charge, on, on, on, fees.amount, fees.lines)
        final_item = None
        if final is not None:
            if not self.currency:
                park = self.session.get(Park, self.park.park_id)
                self.currency = park.currency if park is not None else "CNY"
            write_run(self.session, RunPlan(self.park.park_id, on, on, on, (final,),
                                            {key: tenant.id}, 0, (), self.currency))
            self.runs += 1
            self._take(final, on)
            final_item = self._item(final.id, tenant.id, contract.code)
        settlement = settle(items, ZERO if final is None else final.amount, held,
                            final_item, on)
        rows = []
        for part in settlement.applied:
            move = self._move(index, APPLIED, part.amount, on, bill_id=part.bill_id)
            rows.append({"id": uuid7(), "park_id": self.park.park_id, "source_kind": "deposit",
                         "source_id": move, "bill_id": part.bill_id, "kind": "allocate",
                         "reverses_id": None, "amount": part.amount, "on": on,
                         "by": "person", "reasons": [{"code": "deposit-applied",
                                                      "params": {"contract": contract.code}}]})
            self.balance[part.bill_id] -= part.amount
        if settlement.refund > 0:
            self._move(index, REFUNDED, settlement.refund, on, note="settlement")
        self.settlement_count += 1
        return rows

    def _item(self, bill_id: uuid.UUID, tenant_id: uuid.UUID, code: str) -> OpenItem:
        """A bill as ``services.receivables.read_ledger`` reads it: owed from its due day,
        or from its issue day when that is later."""
        bill = self.bill[bill_id]
        return OpenItem(bill.id, tenant_id, uuid.UUID(bill.contract_id), code, bill.charge,
                        bill.period_start, max(bill.due_on, self.issued[bill_id]),
                        self.balance[bill_id], self.billed[bill_id], bill.number)

    def _move(self, index: int, kind: str, amount: Decimal, on: date, *,
              payment_id: uuid.UUID | None = None, bill_id: uuid.UUID | None = None,
              reverses: uuid.UUID | None = None, note: str = "",
              counterpart: uuid.UUID | None = None) -> uuid.UUID:
        """A deposit movement to write, the contract's deposit held kept up to date."""
        contract = self.park.contracts[index]
        row_id = uuid7()
        self.moves.append({"id": row_id, "park_id": self.park.park_id,
                           "contract_id": contract.id, "kind": kind, "amount": amount,
                           "on": on, "payment_id": payment_id, "bill_id": bill_id,
                           "reverses_id": reverses, "note": note,
                           "counterpart_id": counterpart})
        self.move_kind[row_id] = kind
        change = signed_amount(DepositMove(kind, amount, on, self.move_kind.get(
            reverses, "") if reverses is not None else ""))
        self.deposit_held[index] = self.deposit_held.get(index, ZERO) + change
        return row_id

    def _write_moves(self) -> None:
        """The movements so far (their payments written), with one ``post_deposit``
        command each, as ``services.deposits`` writes them (there one at a time)."""
        if not self.moves:
            return
        rows, self.moves = self.moves, []
        write_moves(self.session, rows)
        self.movement_count += len(rows)


# -- meters, tariffs and readings ----------------------------------------------------------

# Electricity per m² let per month (kWh), by type: (least, most).
INTENSITY = {UnitType.OFFICE: (9, 14), UnitType.INDUSTRIAL: (25, 45),
             UnitType.WAREHOUSE: (3, 6), UnitType.RETAIL: (25, 40)}
# Water per m² let per month (m³, in hundredths), by type: (least, most).
WATER_INTENSITY = {UnitType.OFFICE: (6, 10), UnitType.INDUSTRIAL: (10, 30),
                   UnitType.WAREHOUSE: (1, 3), UnitType.RETAIL: (15, 40)}
# Shanghai's year, January first: heating a little, cooling a lot in July and August.
ELECTRIC_SEASON = (1.10, 1.00, 0.90, 0.85, 0.95, 1.10, 1.30, 1.35, 1.15, 0.95, 0.90, 1.05)
MAIN_RATIO = Decimal(80)  # the main meters' CT ratio (400/5 A): the dial turns 1/80 as fast
DIAL = Decimal(100000)  # a main meter's dial reads up to 99999.9
SUB_DIAL = Decimal(1000000)
TENTH = Decimal("0.1")
# The park's tariffs (Shanghai, 一般工商业, 2024–2025): a flat price for most buildings, a
# time-of-use one (峰 / 平 / 谷) for one, and a tiered price for water (超计划 ×1.5).
FLAT_ELECTRICITY = ("一般工商业电价", Decimal("0.98"))
TOU_ELECTRICITY = ("峰谷分时电价", {"peak": Decimal("1.35"), "flat": Decimal("0.85"),
                                    "valley": Decimal("0.45")})
WATER = ("非居民用水", ((Decimal(300), Decimal("5.60")), (None, Decimal("8.40"))))
TOU_SHARES = {"peak": 0.42, "flat": 0.36, "valley": 0.22}  # a month's kWh by register
MEMO = "demo.meters"  # session.info: the meters written, so they are written once


@dataclass(frozen=True)
class MeterSummary:
    meters: int
    readings: int


def write_meters(session: Session, park: ParkPlan, seed: int, today: date, months: int
                 ) -> MeterSummary:
    """An electricity and a water tree per building, their tariffs, and readings on the
    first of each month; written once per session (:func:`write_billing` writes them
    before its first run, whose utility bills they are).

    A main meter per building (electricity: CT ratio 80) feeds a sub meter for each unit
    let on one or two of its floors; what the main meter measures beyond its sub meters
    (lifts, corridors, toilets, the floors without sub meters) is the shared consumption
    its 公摊 statement splits by area. The park's tariffs are set on the main meters (the
    sub meters are priced at their main meter's): electricity flat at 0.98 a kWh, but one
    building's tree reads peak, flat and valley registers at a time-of-use tariff; water
    tiered (5.60 a m³ up to 300 m³ a month a meter, 8.40 above). Readings are taken on
    the first day of each of the ``months`` months up to ``today``'s (the months billed),
    so every month but the current one has its use and the runs bill it in arrears (the
    first run finds no reading before its month: it skips); the first building's main
    electricity meter turns past 99999.9 in the second month (a rollover). Meters and
    tariffs are rows with their ``create`` ops, readings a ledger with one
    ``post_reading`` command each, as ``services.meters`` writes them.
    """
    done = session.info.get((MEMO, park.park_id))
    if done is not None:
        return done
    days = bill_months(today, months)
    let = _let_by_month(park, days)
    since = date(days[0].year - 1, 1, 1)
    flat_id, tou_id, water_id = uuid7(), uuid7(), uuid7()
    tariffs = [
        _tariff_row(park, flat_id, "electricity", FLAT_ELECTRICITY[0], since,
                    to_document(FlatTariff(since, FLAT_ELECTRICITY[1]))),
        _tariff_row(park, tou_id, "electricity", TOU_ELECTRICITY[0], since,
                    to_document(TouTariff(since, TOU_ELECTRICITY[1]))),
        _tariff_row(park, water_id, "water", WATER[0], since, to_document(TieredTariff(
            since, tuple(Band(up_to, price) for up_to, price in WATER[1]))))]
    rng = Random(f"{seed}:meters")
    water_rng = Random(f"{seed}:water")
    meters: list[dict[str, Any]] = []
    readings: list[dict[str, Any]] = []
    metered: list[tuple[int, Any, list[int]]] = []  # (order, building, units metered)
    on_floor: dict[int, list[int]] = {}  # each floor's units (indices into park.units)
    for index, unit in enumerate(park.units):
        on_floor.setdefault(unit.floor, []).append(index)
    for order, building in enumerate(park.buildings):
        floors = _metered_floors(park, building.floors, on_floor, let[-1], rng)
        units = sorted(i for f in floors for i in on_floor.get(f, ()) if i in let[-1])
        if units:
            metered.append((order, building, units))
    tou = _tou_building([(order, b) for order, b, _units in metered])
    for order, building, units in metered:
        start = days[0] - timedelta(days=rng.randint(200, 2000))  # installed years ago
        registers = list(TOU_SHARES) if order == tou else ["total"]
        tree = _Tree(park, "electricity", f"E-{building.code}",
                     tou_id if order == tou else flat_id, MAIN_RATIO, DIAL, SUB_DIAL, start,
                     registers, meters, readings)
        low, high = INTENSITY.get(building.profile.unit_type, (8, 12))
        levels = [(unit, park.units[unit].billable * Decimal(rng.randint(low, high)))
                  for unit in units]
        common = Decimal(rng.randint(115, 130)) / 100  # lifts, corridors, the other floors
        starts = {unit: Decimal(rng.randint(1000, 30000)) for unit in units}
        uses = []
        for k in range(1, len(days)):  # what the month before used, on each dial
            season = Decimal(str(ELECTRIC_SEASON[days[k - 1].month - 1]))
            month = {}
            for unit, level in levels:
                use = level * season * Decimal(f"{rng.lognormvariate(0, 0.08):.3f}")
                month[unit] = use if unit in let[k - 1] else use / 50  # vacant: standby
            uses.append(month)
        if order == 0 and len(uses) > 1:  # the first main meter turns past 99999.9
            first = sum(uses[0].values(), ZERO) * common / MAIN_RATIO
            second = sum(uses[1].values(), ZERO) * common / MAIN_RATIO
            main_start = DIAL - first - second / 2  # in the second month
        else:
            main_start = Decimal(rng.randint(1000, 60000))
        tree.write(days, starts, uses, common, ZERO, main_start)

        water = _Tree(park, "water", f"W-{building.code}", water_id, Decimal(1), DIAL, DIAL,
                      start, ["total"], meters, readings)
        low, high = WATER_INTENSITY.get(building.profile.unit_type, (5, 10))
        levels = [(unit, park.units[unit].billable * Decimal(water_rng.randint(low, high))
                   / 100) for unit in units]
        starts = {unit: Decimal(water_rng.randint(100, 5000)) for unit in units}
        uses = [{unit: (level * Decimal(f"{water_rng.lognormvariate(0, 0.12):.3f}")
                        if unit in let[k - 1] else level / 50) for unit, level in levels}
                for k in range(1, len(days))]
        water.write(days, starts, uses, Decimal(water_rng.randint(108, 118)) / 100,
                    Decimal(water_rng.randint(10, 40)), Decimal(water_rng.randint(1000, 20000)))
    insert_rows(session, TariffRow, tariffs)
    insert_rows(session, Meter, meters)
    with under_command(session):
        insert_rows(session, MeterReading, readings)
    record_commands(session, "post_reading", MeterReading, [(r["id"], {
        "reading": str(r["id"]), "meter": str(r["meter_id"]), "read_on": r["read_on"].isoformat(),
        "register": r["register"], "value": str(r["value"]), "kind": r["kind"],
        "source": r["source"]}) for r in readings], ready=True)
    summary = MeterSummary(len(meters), len(readings))
    session.info[(MEMO, park.park_id)] = summary
    return summary


@dataclass
class _Tree:
    """One building's tree of one utility as it is written: its main meter, a sub meter
    per unit, and their readings month by month."""

    park: ParkPlan
    utility: str
    code: str
    tariff: uuid.UUID
    ratio: Decimal  # the main meter's multiplier
    dial: Decimal
    sub_dial: Decimal
    installed: date
    registers: list[str]
    meters: list[dict[str, Any]]
    readings: list[dict[str, Any]]

    def write(self, days: Sequence[date], starts: dict[int, Decimal],
              uses: Sequence[dict[int, Decimal]], common: Decimal, fixed: Decimal,
              main_start: Decimal) -> None:
        """The main meter and its sub meters with their readings: ``uses[k]`` is what each
        unit used in ``days[k]``'s month; the main meter measures ``common`` × their sum
        and ``fixed`` more (what no sub meter sees), its dial turning 1/ratio as fast."""
        park, prefix = self.park, self.code.split("-", 1)[0]
        main_id = uuid7()
        self.meters.append(self._row(main_id, self.code, None, None, self.ratio, self.dial,
                                     self.tariff))
        subs = {}
        for unit in starts:
            plan = park.units[unit]
            subs[unit] = uuid7()
            self.meters.append(self._row(subs[unit], f"{prefix}-{plan.code}", main_id,
                                         plan.id, Decimal(1), self.sub_dial, None))
        split = len(self.registers) > 1
        values = {(unit, r): starts[unit] * Decimal(str(TOU_SHARES[r])) if split
                  else starts[unit] for unit in starts for r in self.registers}
        main = {r: main_start * Decimal(str(TOU_SHARES[r])) if split else main_start
                for r in self.registers}
        for k, day in enumerate(days):
            if k:
                turned = dict.fromkeys(self.registers, ZERO)
                for unit, use in uses[k - 1].items():
                    for r in self.registers:
                        part = use * Decimal(str(TOU_SHARES[r])) if split else use
                        values[(unit, r)] += part
                        turned[r] += part
                for r in self.registers:
                    share = Decimal(str(TOU_SHARES[r])) if split else Decimal(1)
                    main[r] += (turned[r] * common + fixed * share) / self.ratio
                    if main[r] >= self.dial:
                        main[r] -= self.dial  # the dial shows 0 again
            for unit in starts:
                for r in self.registers:
                    self.readings.append(_reading_row(subs[unit], day, _tenths(values[(unit, r)]),
                                                      r))
            for r in self.registers:
                self.readings.append(_reading_row(main_id, day, _tenths(main[r]), r))

    def _row(self, meter_id: uuid.UUID, code: str, parent: uuid.UUID | None,
             unit: uuid.UUID | None, multiplier: Decimal, dial: Decimal,
             tariff: uuid.UUID | None) -> dict[str, Any]:
        return {"id": meter_id, "park_id": self.park.park_id, "code": code,
                "utility": self.utility, "parent_id": parent, "unit_id": unit,
                "tariff_id": tariff, "multiplier": multiplier, "rollover_at": dial,
                "registers": list(self.registers), "basis": {"kind": "area"},
                "installed_on": self.installed, "removed_on": None, "replaces_id": None}


def _tou_building(trees: Sequence[tuple[int, Any]]) -> int | None:
    """The building whose electricity is priced by time of use: a factory if the park has
    one, else the second building metered (never the first: its main meter rolls over)."""
    later = [(order, b) for order, b in trees if order > 0]
    for order, building in later:
        if building.profile.unit_type is UnitType.INDUSTRIAL:
            return order
    return later[0][0] if later else None


def _tariff_row(park: ParkPlan, tariff_id: uuid.UUID, utility: str, name: str, since: date,
                document: dict[str, Any]) -> dict[str, Any]:
    return {"id": tariff_id, "park_id": park.park_id, "utility": utility, "name": name,
            "valid_from": since, "document": document}


def _let_by_month(park: ParkPlan, days: Sequence[date]) -> list[set[int]]:
    """The units let on the 15th of each month (indices into park.units)."""
    found: list[set[int]] = [set() for _ in days]
    for contract in park.contracts:
        if contract.status is ContractStatus.DRAFT:
            continue
        last = contract.ends_on
        if contract.terminated_on is not None:
            last = min(last, contract.terminated_on)
        for k, day in enumerate(days):
            if contract.starts_on <= day.replace(day=15) <= last:
                found[k].update(contract.units)
    return found


def _metered_floors(park: ParkPlan, floors: Sequence[int], on_floor: dict[int, list[int]],
                    let: set[int], rng: Random) -> set[int]:
    """One or two floors with let units, the lowest above ground first (``on_floor``: the
    units of each floor, by index)."""
    with_let = [f for f in floors if any(i in let for i in on_floor.get(f, ()))]
    above = sorted((f for f in with_let if park.floors[f].level > 0),
                   key=lambda f: park.floors[f].level)
    return set(above[:rng.choice((1, 2))])


def _reading_row(meter_id: uuid.UUID, day: date, value: Decimal, register: str = "total"
                 ) -> dict[str, Any]:
    return {"id": uuid7(), "meter_id": meter_id, "read_on": day, "register": register,
            "value": value, "kind": "reading", "source": "import"}


def _tenths(value: Decimal) -> Decimal:
    """A dial's figure: tenths, cut (a dial shows what has turned, not what will)."""
    return (value / TENTH).to_integral_value(ROUND_FLOOR) * TENTH


# -- small helpers ---------------------------------------------------------------------------


def _label(bills: Sequence[PlannedBill]) -> str:
    """What a tenant writes for these bills: "6月租金", "7-9月租金及物业费"."""
    first = bills[0]
    start, end = first.period_start, first.period_end
    if first.charge == LATE_FEE or (end.year, end.month) == (start.year, start.month):
        months = f"{start.month}月"
    else:
        months = f"{start.month}-{end.month}月"
    names = []
    for bill in bills:
        kind, _, name = bill.charge.partition(":")
        text = LABELS.get(kind) or name or "费用"
        if kind == "service" and name:
            text = name
        if text not in names:
            names.append(text)
    return months + "及".join(names)


def _round_part(total: Decimal, rng: Random) -> Decimal:
    """A round part of ``total``: a share of it down to the hundred (the thousand above
    20,000); the whole when that leaves nothing or everything."""
    step = Decimal(1000) if total > 20_000 else Decimal(100)
    share = Decimal(rng.choice((30, 50, 50, 60, 80))) / 100
    part = (total * share / step).to_integral_value(ROUND_FLOOR) * step
    return money(part) if ZERO < part < total else total


def _round_up(total: Decimal) -> Decimal:
    """The bill rounded up to the next thousand (a thousand more when it is round)."""
    up = (total / 1000).to_integral_value(ROUND_CEILING) * 1000
    return money(up if up > total else up + 1000)


def _weighted(rng: Random, choices: Sequence[tuple[Any, float]]) -> Any:
    roll = rng.random() * sum(w for _, w in choices)
    for value, weight in choices:
        roll -= weight
        if roll < 0:
            return value
    return choices[-1][0]
