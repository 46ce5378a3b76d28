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
:data:`ISSUE_DAYS` days before the month), and the money that came in before
the next run is written first (``services.payments``' writers: a
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

:func:`write_meters` adds an electricity meter tree per building (a main
meter, a sub meter per let unit of one or two floors) read on the first of
each month billed, one main meter's dial turning past 99999.9 on the way.

The same ``(units, seed, today)`` gives the same bills, payments and
readings; only the UUIDv7 ids differ (and the bill ids, derived from the
contracts' ids).
"""

from __future__ import annotations

import heapq
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from random import Random
from typing import Any

from sqlalchemy.orm import Session

from demo.leasing import DETAIL_UNITS
from demo.plan import ParkPlan
from demo.profiles import GIVEN, SURNAMES
from domain.assets import UnitType
from domain.billing.balances import LATE_FEE
from domain.billing.bills import ADJUSTMENT_KIND, PlannedBill
from domain.billing.matching import bill_reference
from domain.contracts import ContractStatus
from domain.leasing.schedule import add_months
from domain.money import ZERO, money
from domain.space_use import SpaceUse
from services.billing_run import plan_run, write_run
from services.payments import insert_allocations, write_payments
from services.receivables import PAYMENT
from store.changes import insert_rows, record_commands, under_command
from store.ids import uuid7
from store.schema import Meter, MeterReading, PayerAlias

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
LABELS = {"rent": "租金", "property_fee": "物业费", "parking": "停车费", LATE_FEE: "滞纳金"}
SIGNALS = (("court", "买卖合同纠纷一审立案"), ("tax", "欠税公告"), ("court", "被列为被执行人"))


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


@dataclass(slots=True)
class _Transfer:
    """Money that will come in: for some bills of one contract, or from nobody known."""

    contract: int | None  # index into park.contracts; None: an unknown payer
    bills: tuple[uuid.UUID, ...]
    payer: str
    remarks: str
    mode: str = "full"  # full | part | over | unknown | refund
    amount: Decimal = ZERO  # an unknown payer's amount
    payment: uuid.UUID | None = None  # a refund's payment
    known_payer: bool = True  # the legal name or an alias a person confirmed
    named: bool = True  # the remarks name the contract or a bill
    alias: str = ""  # the parent company this transfer comes from


def write_billing(session: Session, park: ParkPlan, payers: PayerPlan, seed: int,
                  today: date, months: int,
                  progress: Callable[[int, int], None] | None = None) -> BillingSummary:
    """Post ``months`` monthly billing runs up to ``today`` and the money received on the
    bills, month by month, in ``session`` (the build's transaction)."""
    books = _Books(session, park, payers, Random(f"{seed}:billing"), today)
    starts = bill_months(today, months)
    for n, start in enumerate(starts):
        issued = start - timedelta(days=ISSUE_DAYS)
        books.receive(until=issued)  # what came in before the run: its late fees see it
        plan = plan_run(session, park.park_id, start, add_months(start, 1) - timedelta(days=1),
                        issued)
        if plan.bills:
            write_run(session, plan)
            books.runs += 1
        books.post(plan.bills, issued)
        if progress is not None:
            progress(n + 1, len(starts) + 1)
    books.receive(until=today)
    if progress is not None:
        progress(len(starts) + 1, len(starts) + 1)
    return BillingSummary(books.runs, books.bill_count, books.payment_count,
                          books.allocation_count, books.unallocated_count(),
                          books.alias_count)


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

    # -- bills posted ----------------------------------------------------------------------

    def post(self, bills: Sequence[PlannedBill], issued: date) -> None:
        """Take a run's bills into the books and plan how each gets paid."""
        groups: dict[tuple[str, date, date], list[PlannedBill]] = {}
        for bill in bills:
            self.bill_count += 1
            if bill.kind == ADJUSTMENT_KIND and bill.corrects is not None and bill.amount < 0:
                # A credit lowers the bill it corrects; below what was paid, the run frees
                # the payments' allocations it no longer needs (never below zero).
                before = self.balance.get(bill.corrects, ZERO)
                self.balance[bill.corrects] = max(before + bill.amount, ZERO)
                continue
            self.balance[bill.id] = bill.amount
            self.bill[bill.id] = bill
            if bill.amount > 0:
                key = (bill.contract_id, bill.period_start, bill.due_on)
                groups.setdefault(key, []).append(bill)
        for group in groups.values():
            self._plan(group, issued)
        window = max(1, sum(len(g) for g in groups.values()))
        unknown = int(window * UNKNOWN_SHARE + self.rng.random())
        for _ in range(unknown):
            self._plan_unknown(issued)

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
        """Write the transfers received on or before ``until`` (never after today), with
        their allocations, refunds and the aliases a person confirmed, in bulk."""
        until = min(until, self.today)
        payments: list[dict[str, Any]] = []
        allocations: list[dict[str, Any]] = []
        aliases: list[dict[str, Any]] = []
        while self.queue and self.queue[0][0] <= until:
            day, _, transfer = heapq.heappop(self.queue)
            if transfer.mode == "refund":
                allocations += self._refund(day, transfer)
            else:
                self._receive(day, transfer, payments, allocations, aliases)
        write_payments(self.session, payments)
        insert_allocations(self.session, allocations)
        if aliases:
            insert_rows(self.session, PayerAlias, aliases)
        self.payment_count += len(payments)
        self.allocation_count += len(allocations)
        self.alias_count += len(aliases)

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
        payment_id = uuid7()
        self.serial += 1
        reference = f"{day:%Y%m%d}{self.serial:08d}"
        payments.append({
            "id": payment_id, "park_id": self.park.park_id, "account": ACCOUNT,
            "key": f"ref:{reference}|{day.isoformat()}|{amount:f}", "received_on": day,
            "amount": amount, "payer": transfer.payer, "remarks": transfer.remarks,
            "reference": reference, "balance": None, "source": "bank",
            "source_file": f"cmb-{day:%Y%m}.csv", "tenant_id": None})
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


# -- meters and readings ---------------------------------------------------------------------

# Electricity per m² let per month (kWh), by type: (least, most).
INTENSITY = {UnitType.OFFICE: (9, 14), UnitType.INDUSTRIAL: (25, 45),
             UnitType.WAREHOUSE: (3, 6), UnitType.RETAIL: (25, 40)}
# Shanghai's year, January first: heating a little, cooling a lot in July and August.
ELECTRIC_SEASON = (1.10, 1.00, 0.90, 0.85, 0.95, 1.10, 1.30, 1.35, 1.15, 0.95, 0.90, 1.05)
MAIN_RATIO = Decimal(80)  # the main meters' CT ratio (400/5 A): the dial turns 1/80 as fast
DIAL = Decimal(100000)  # a main meter's dial reads up to 99999.9
SUB_DIAL = Decimal(1000000)
TENTH = Decimal("0.1")


@dataclass(frozen=True)
class MeterSummary:
    meters: int
    readings: int


def write_meters(session: Session, park: ParkPlan, seed: int, today: date, months: int
                 ) -> MeterSummary:
    """An electricity tree per building and its readings on the first of each month.

    A main meter per building (CT ratio 80) feeds a sub meter for each unit let on one
    or two of its floors; what the main meter measures beyond its sub meters (lifts,
    corridors, the floors without sub meters) is the shared consumption its 公摊
    statement splits by area. Readings are taken on the first day of each of the
    ``months`` months up to ``today``'s (the months billed), so every month but the
    current one has its use; the first building's main meter turns past 99999.9 in the
    second month (a rollover). Meters are rows with their ``create`` ops, readings a
    ledger with one ``post_reading`` command each, as ``services.meters`` writes them.
    """
    rng = Random(f"{seed}:meters")
    days = bill_months(today, months)
    let = _let_by_month(park, days)
    meters: list[dict[str, Any]] = []
    readings: list[dict[str, Any]] = []
    for order, building in enumerate(park.buildings):
        floors = _metered_floors(park, building.floors, let[-1], rng)
        units = [i for i, u in enumerate(park.units) if u.floor in floors and i in let[-1]]
        if not units:
            continue
        main_id = uuid7()
        start = days[0] - timedelta(days=rng.randint(200, 2000))  # installed years ago
        meters.append(_meter_row(park, main_id, f"E-{building.code}", None, None,
                                 MAIN_RATIO, DIAL, start))
        subs = []
        for unit in units:
            plan = park.units[unit]
            meter_id = uuid7()
            meters.append(_meter_row(park, meter_id, f"E-{plan.code}", main_id, plan.id,
                                     Decimal(1), SUB_DIAL, start))
            low, high = INTENSITY.get(building.profile.unit_type, (8, 12))
            subs.append((meter_id, unit, plan.billable * Decimal(rng.randint(low, high))))
        common = Decimal(rng.randint(115, 130)) / 100  # lifts, corridors, the other floors
        values = {m: Decimal(rng.randint(1000, 30000)) for m, _, _ in subs}
        readings += [_reading_row(m, days[0], _tenths(v)) for m, v in values.items()]
        turns = []  # the main dial's travel month by month
        for k in range(1, len(days)):  # what the month before used, on each dial
            season = Decimal(str(ELECTRIC_SEASON[days[k - 1].month - 1]))
            total = ZERO
            for meter_id, unit, level in subs:
                use = level * season * Decimal(f"{rng.lognormvariate(0, 0.08):.3f}")
                if unit not in let[k - 1]:
                    use = use / 50  # vacant: standby only
                values[meter_id] += use
                total += use
                readings.append(_reading_row(meter_id, days[k], _tenths(values[meter_id])))
            turns.append(total * common / MAIN_RATIO)
        if order == 0 and len(turns) > 1:  # the first main meter turns past 99999.9
            dial = DIAL - turns[0] - turns[1] / 2  # in the second month
        else:
            dial = Decimal(rng.randint(1000, 60000))
        readings.append(_reading_row(main_id, days[0], _tenths(dial)))
        for k, turned in enumerate(turns, start=1):
            dial += turned
            if dial >= DIAL:
                dial -= DIAL  # the dial shows 0 again
            readings.append(_reading_row(main_id, days[k], _tenths(dial)))
    insert_rows(session, Meter, meters)
    with under_command(session):
        insert_rows(session, MeterReading, readings)
    record_commands(session, "post_reading", MeterReading, [(r["id"], {
        "reading": str(r["id"]), "meter": str(r["meter_id"]), "read_on": r["read_on"].isoformat(),
        "register": r["register"], "value": str(r["value"]), "kind": r["kind"],
        "source": r["source"]}) for r in readings], ready=True)
    return MeterSummary(len(meters), len(readings))


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


def _metered_floors(park: ParkPlan, floors: Sequence[int], let: set[int], rng: Random
                    ) -> set[int]:
    """One or two floors with let units, the lowest above ground first."""
    counts: dict[int, int] = {}
    for index, unit in enumerate(park.units):
        if unit.floor in floors and index in let:
            counts[unit.floor] = counts.get(unit.floor, 0) + 1
    above = sorted((f for f in counts if park.floors[f].level > 0),
                   key=lambda f: park.floors[f].level)
    return set(above[:rng.choice((1, 2))])


def _meter_row(park: ParkPlan, meter_id: uuid.UUID, code: str, parent: uuid.UUID | None,
               unit: uuid.UUID | None, multiplier: Decimal, dial: Decimal, installed: date
               ) -> dict[str, Any]:
    return {"id": meter_id, "park_id": park.park_id, "code": code, "utility": "electricity",
            "parent_id": parent, "unit_id": unit, "tariff_id": None, "multiplier": multiplier,
            "rollover_at": dial, "registers": ["total"], "basis": {"kind": "area"},
            "installed_on": installed, "removed_on": None, "replaces_id": None}


def _reading_row(meter_id: uuid.UUID, day: date, value: Decimal) -> dict[str, Any]:
    return {"id": uuid7(), "meter_id": meter_id, "read_on": day, "register": "total",
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
