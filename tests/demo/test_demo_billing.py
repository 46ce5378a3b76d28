"""The demo park's year of bills, payments, meters and readings (issue 12).

One 300-unit park is built for the module; each test reads it as the
services do (the ledger, the ageing report, the payment queue, the billing
run, the bank import, the 公摊 statement, the deposits and the three-ledger
check), so the demo is data the finance screens can stand on: it adds up to
the cent and fills every bucket, tier and queue outcome.
"""

from __future__ import annotations

import csv
import shutil
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from demo import DemoSummary, build_demo
from demo.billing import (
    ACCOUNT,
    BILL_MONTHS,
    BILL_MONTHS_BENCHMARK,
    CARRIED,
    FULL,
    ISSUE_DAYS,
    LATE,
    LATE_DAYS,
    OUTSTANDING,
    RECEIVED_DAYS,
    SHORT,
    TYPO_DAYS,
    TYPO_NOTE,
    TYPOS,
    DepositPlan,
    bill_months,
    dropped_zero,
    months_for,
    plan_deposits,
)
from demo.leasing import DETAIL_UNITS, plan_leasing
from demo.plan import ParkPlan, plan_park
from domain.billing.ageing import BUCKETS, BillDue, Receipt
from domain.billing.balances import (
    AllocationEntry,
    BillEntry,
    OpenItem,
    PaymentEntry,
    ledger_problems,
    ledger_totals,
    open_balance,
    open_items,
)
from domain.billing.credit import (
    CreditFacts,
    Tier,
    credit_score,
    late_payments,
    signals_from_json,
)
from domain.billing.deposits import (
    APPLIED,
    CARRIED_IN,
    CARRIED_OUT,
    RECEIVED,
    REFUNDED,
    REVERSED,
    settle,
)
from domain.billing.late_fees import late_fee_bill
from domain.billing.matching import Outcome, normalise_name
from domain.billing.meters import Period, ReadingKind, tree_flags
from domain.billing.utility_bills import UTILITIES
from domain.contracts import ContractStatus
from domain.leasing.codec import terms_from_json
from domain.leasing.schedule import add_months
from domain.money import ZERO
from runtime.jobs import Job
from services import contracts as contracts_service
from services import deposits as deposits_service
from services import three_ledgers
from services.billing_run import post_run
from services.deposits import FINAL, deposit_held
from services.meters import _payload, load_tree, shared_statement
from services.payments import import_bank_statement, payment_queue
from services.receivables import ageing_report, read_ledger
from store.schema import (
    Allocation,
    Bill,
    BillingRun,
    BillLine,
    Contract,
    DepositMovement,
    Meter,
    MeterReading,
    Outbox,
    Park,
    PayerAlias,
    Payment,
    Tenant,
    Unit,
)
from store.workspace import Workspace

TODAY = date(2025, 6, 15)
UNITS = 300
SEED = 7


@dataclass
class Books:
    summary: DemoSummary
    park_id: Any
    bills: list[Bill]
    payments: list[Payment]
    allocations: list[Allocation]
    tenants: list[Tenant]
    contracts: list[Contract]
    aliases: list[PayerAlias]
    runs: list[BillingRun]
    meters: list[Meter]
    readings: list[MeterReading]
    deposits: list[DepositMovement]
    outbox: Counter  # (kind, entity) → ops
    ops_per_row: Counter  # (kind, entity, entity id) → ops


def load(summary: DemoSummary) -> Books:
    with Workspace.open(summary.path) as workspace, workspace.reading() as session:
        def rows(model: Any) -> list[Any]:
            return list(session.scalars(select(model)))

        ops = list(session.execute(select(Outbox.kind, Outbox.entity, Outbox.entity_id)))
        return Books(summary, session.scalar(select(Park.id)), rows(Bill), rows(Payment),
                     rows(Allocation), rows(Tenant), rows(Contract), rows(PayerAlias),
                     rows(BillingRun), rows(Meter), rows(MeterReading), rows(DepositMovement),
                     Counter((k, e) for k, e, _ in ops), Counter(ops))


@pytest.fixture(scope="module")
def books(tmp_path_factory) -> Books:
    path = tmp_path_factory.mktemp("demo-billing") / "demo.leasemap"
    return load(build_demo(path, units=UNITS, seed=SEED, today=TODAY))


def test_the_months_billed():
    assert bill_months(TODAY, 3) == [date(2025, 4, 1), date(2025, 5, 1), date(2025, 6, 1)]
    assert bill_months(date(2025, 6, 30), 1) == [date(2025, 6, 1)]  # July's is left to run
    assert bill_months(date(2025, 1, 1), 2) == [date(2024, 12, 1), date(2025, 1, 1)]
    assert months_for(plan_park(UNITS, SEED, TODAY, Job())) == BILL_MONTHS == 12


def test_a_benchmark_park_gets_three_months():
    park = plan_park(DETAIL_UNITS + 200, SEED, TODAY, Job())
    assert months_for(park) == BILL_MONTHS_BENCHMARK == 1


def test_summary_counts_what_was_written(books):
    summary = books.summary
    assert (summary.bills, summary.payments, summary.meters, summary.meter_readings) == (
        len(books.bills), len(books.payments), len(books.meters), len(books.readings))
    assert summary.bills > 0 and summary.payments > 0


def test_a_run_a_month_for_twelve_months(books):
    months = bill_months(TODAY, 12)
    runs = sorted(books.runs, key=lambda r: r.period_from)
    # Besides the months' runs, a settlement posts its final bill (the late fees accrued to
    # the day) in a run of its own, of that one day, as ``services.deposits`` does.
    monthly = [r for r in runs if r.period_from != r.period_to]
    assert [(r.period_from, r.period_to, r.run_on) for r in monthly] == [
        (m, add_months(m, 1) - timedelta(days=1), m - timedelta(days=ISSUE_DAYS))
        for m in months]
    for run in runs:
        if run.period_from == run.period_to:
            finals = [b for b in books.bills if b.run_id == run.id]
            assert run.run_on == run.period_from and len(finals) == 1
            assert (finals[0].kind, finals[0].charge) == (FINAL, "late_fee")
    billed: dict[date, Counter] = defaultdict(Counter)
    for bill in books.bills:
        month = bill.period_start.replace(day=1)
        assert months[0] <= month <= months[-1]
        billed[month][bill.charge.partition(":")[0]] += 1
        run = next(r for r in runs if r.id == bill.run_id)
        if bill.charge in UTILITIES:  # billed in arrears: the month before the run's
            assert bill.period_start == add_months(run.period_from, -1)
        else:
            assert run.period_from <= bill.period_start <= run.period_to
        assert bill.issued_on == run.run_on
    assert sorted(billed) == months
    for month in months:
        assert billed[month]["rent"] > 0 and billed[month]["property_fee"] > 0
    assert all(billed[m]["late_fee"] > 0 for m in months[1:])  # late payers pay for it
    # Every month read at both ends is billed the month after; the current one is not yet.
    assert all(billed[m]["electricity"] > 0 and billed[m]["water"] > 0 for m in months[:-1])
    assert billed[months[-1]]["electricity"] == billed[months[-1]]["water"] == 0


def test_utility_bills_are_priced_by_their_tariffs_and_paid(books):
    """Flat electricity, one building's time-of-use, tiered water; each unit's own use and
    its 公摊 share; paid like the rent."""
    utility = {b.id: b for b in books.bills if b.charge in UTILITIES}
    with Workspace.open(books.summary.path) as workspace, workspace.reading() as session:
        lines = list(session.scalars(select(BillLine).where(BillLine.bill_id.in_(
            [b for b, bill in utility.items() if bill.kind == "charge"]))))
    kinds = Counter((x.explanation["utility"], x.explanation["tariff"]["kind"])
                    for x in lines)
    assert {k for k, n in kinds.items() if n} == {
        ("electricity", "flat"), ("electricity", "time_of_use"), ("water", "tiered")}
    assert {x.explanation["source"] for x in lines} == {"meter", "share"}
    paid = {a.bill_id for a in books.allocations if a.bill_id in utility}
    assert len(paid) > 0.6 * len(utility)


def rerun(books: Books, folder: Path, months: list[date]) -> list[tuple[date, list[str]]]:
    """Post each month's run again on a copy of the park: the bills each would post."""
    copy = folder / "again.leasemap"
    shutil.copyfile(books.summary.path, copy)
    posted = []
    with Workspace.open(copy) as workspace:
        for month in months:
            report = post_run(workspace, books.park_id, month,
                              add_months(month, 1) - timedelta(days=1),
                              month - timedelta(days=ISSUE_DAYS))
            assert report.plan.existing > 0
            assert (report.run_id is None) == (not report.plan.bills)
            posted.append((month, [b.number for b in report.plan.bills]))
        with workspace.reading() as session:
            count = session.scalar(select(func.count()).select_from(Bill))
    assert count == len(books.bills) + sum(len(numbers) for _, numbers in posted)
    return posted


def test_running_the_latest_month_again_posts_nothing(books, tmp_path):
    latest = bill_months(TODAY, 1)
    assert rerun(books, tmp_path, latest) == [(latest[0], [])]


def test_running_any_month_again_posts_nothing(books, tmp_path):
    months = bill_months(TODAY, 12)
    assert rerun(books, tmp_path, months) == [(month, []) for month in months]


def test_the_ledger_adds_up_to_the_cent(books):
    with Workspace.open(books.summary.path) as workspace, workspace.reading() as session:
        ledger = read_ledger(session, books.park_id)
        queue = payment_queue(session, books.park_id)
    entries = (*ledger.allocations, *ledger.other_allocations)
    # A deposit applied to a bill is that bill's money as a payment's is: each applied
    # movement is the source of its allocation, which must not exceed it.
    applied_moves = tuple(PaymentEntry(m.id, m.amount, m.on) for m in books.deposits
                          if m.kind == APPLIED)
    assert len(applied_moves) == len(ledger.other_allocations) > 0
    assert ledger_problems((*ledger.payments, *applied_moves), ledger.bills, entries) == []
    assert all(open_balance(bill, entries) >= 0 for bill in ledger.bills)
    totals = ledger_totals(ledger.payments, ledger.bills, entries)
    assert totals.billed - totals.open == totals.allocated
    # The rows as stored, summed apart from the ledger's reading: what the bank brought in is
    # what went to bills, what went back, what deposits hold and what the queue still
    # holds; the bills were paid by that money and by deposits applied at settlements.
    paid = [a for a in books.allocations if a.source_kind == "payment"]
    from_deposits = [a for a in books.allocations if a.source_kind == "deposit"]
    assert len(paid) + len(from_deposits) == len(books.allocations)
    received = sum((p.amount for p in books.payments), ZERO)
    to_bills = sum((a.amount for a in paid if a.bill_id is not None), ZERO)
    refunded = sum((a.amount for a in paid if a.kind == "refund"), ZERO)
    # Held as deposits: less the typos reversed (the payment holds that money again).
    holds = {a.id: a for a in paid if a.kind == "deposit"}
    undone = [a for a in paid if a.kind == "reverse"]
    assert undone and all(a.reverses_id in holds and a.amount == -holds[a.reverses_id].amount
                          for a in undone)
    held = sum((a.amount for a in (*holds.values(), *undone)), ZERO)
    applied = sum((a.amount for a in from_deposits), ZERO)
    assert refunded > 0 and held > 0 and applied > 0
    assert {a.kind for a in paid} == {"allocate", "refund", "deposit", "reverse"}
    assert {(a.kind, a.bill_id is None) for a in from_deposits} == {("allocate", False)}
    assert all(a.bill_id is None for a in paid if a.kind != "allocate")
    assert received == to_bills + refunded + held + sum((i.unallocated for i in queue), ZERO)
    assert received == totals.paid and to_bills + applied == totals.allocated
    assert totals.refunded == refunded + held  # the domain's sum: money out of the queue
    assert totals.paid + applied == totals.allocated + totals.refunded + totals.unallocated
    assert sum((b.amount for b in books.bills), ZERO) == totals.billed
    # What the payments hold as deposits is what the deposits' ledger says it received
    # out of them; what it applied is what the bills were given.
    assert held == sum((m.amount for m in books.deposits
                        if m.kind == RECEIVED and m.payment_id is not None), ZERO) - sum(
        (m.amount for m in books.deposits if m.kind == REVERSED and m.payment_id is not None),
        ZERO)
    assert applied == sum((m.amount for m in books.deposits if m.kind == APPLIED), ZERO)


def test_the_payment_queue_has_work(books):
    with Workspace.open(books.summary.path) as workspace, workspace.reading() as session:
        queue = payment_queue(session, books.park_id)
    outcomes = Counter(item.match.outcome for item in queue)
    assert outcomes[Outcome.PROPOSED] > 0 and outcomes[Outcome.UNMATCHED] > 0
    assert 0.01 <= len(queue) / len(books.payments) <= 0.06  # "about 2–5 %" of receipts
    names = {normalise_name(t.name) for t in books.tenants}
    unmatched = [i for i in queue if i.match.outcome is Outcome.UNMATCHED]
    assert all(normalise_name(i.payment.payer) not in names for i in unmatched)
    assert all(i.payment.received_on <= TODAY for i in queue)


def test_ageing_fills_every_bucket(books):
    with Workspace.open(books.summary.path) as workspace, workspace.reading() as session:
        report = ageing_report(session, books.park_id, TODAY)
    assert all(report.park.amount(bucket) > 0 for bucket in BUCKETS), report.park
    assert report.arrears


def test_every_credit_tier_shows_up(books):
    """Most tenants pay on time, some late, a few nearly always, a few stopped (two with a
    court case or tax notice on their card): low, medium, high and critical risk."""
    with Workspace.open(books.summary.path) as workspace, workspace.reading() as session:
        report = ageing_report(session, books.park_id, TODAY)
        ledger = read_ledger(session, books.park_id)
    bills: dict[Any, list[BillDue]] = defaultdict(list)
    receipts: dict[Any, list[Receipt]] = defaultdict(list)
    owner = {}
    for bill in ledger.bills:
        bills[bill.tenant_id].append(BillDue(bill.id, bill.due_on, bill.total))
        owner[bill.id] = bill.tenant_id
    for entry in ledger.allocations:
        if entry.bill_id is not None and entry.made_on is not None:
            receipts[owner[entry.bill_id]].append(Receipt(entry.bill_id, entry.made_on,
                                                          entry.amount))
    tiers = Counter()
    for tenant in books.tenants:
        signals, unreadable = signals_from_json(tenant.credit_signals)
        assert unreadable == ()
        facts = CreditFacts(tenant.id, report.oldest_overdue(tenant.id),
                            late_payments(bills[tenant.id], receipts[tenant.id], TODAY),
                            signals)
        tiers[credit_score(facts, TODAY).tier] += 1
    assert set(tiers) == set(Tier), tiers
    assert tiers[Tier.LOW] > len(books.tenants) / 2  # most tenants pay on time


def test_payments_are_bank_lines_a_reimport_finds(books, tmp_path):
    """Every receipt has a 流水号 and the bank importer's key for it: the park's statement
    for a month, exported and imported again, is found whole."""
    references = [p.reference for p in books.payments]
    assert len(set(references)) == len(references) and all(r.isdigit() for r in references)
    for p in books.payments:
        assert (p.account, p.source) == (ACCOUNT, "bank")
        assert p.key == f"ref:{p.reference}|{p.received_on.isoformat()}|{p.amount:f}"
        assert p.amount > 0 and p.received_on <= TODAY
    month = bill_months(TODAY, 2)[0]
    lines = sorted((p for p in books.payments if p.received_on.replace(day=1) == month),
                   key=lambda p: (p.received_on, p.reference))
    statement = tmp_path / "statement.csv"
    with statement.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["交易日期", "贷方金额", "对方户名", "摘要", "流水号"])
        for p in lines:
            writer.writerow([p.received_on.isoformat(), f"{p.amount:f}", p.payer, p.remarks,
                             p.reference])
    with Workspace.open(books.summary.path) as workspace:
        report = import_bank_statement(workspace, books.park_id, statement, account=ACCOUNT,
                                       dry_run=True)
    assert len(lines) > 50
    assert (report.new, report.existing, report.skipped) == ((), len(lines), ())


def test_receipts_as_a_park_gets_them(books):
    """On time, early and late, whole, in part and rounded up, one transfer for a month's
    rent and property fee, under the tenant's name, its short name, a parent company (an
    alias once a person confirmed it) or a person's, naming the contract or not."""
    bills = {b.id: b for b in books.bills}
    tenants = {t.id: t for t in books.tenants}
    by_payment: dict[Any, list[Allocation]] = defaultdict(list)
    by_bill: dict[Any, list[Allocation]] = defaultdict(list)
    for a in books.allocations:
        by_payment[a.source_id].append(a)
        if a.bill_id is not None:
            by_bill[a.bill_id].append(a)
    days_late = Counter()
    kinds = Counter()
    for p in books.payments:
        parts = [a for a in by_payment[p.id] if a.bill_id is not None]
        if not parts:
            continue
        owner = tenants[bills[parts[0].bill_id].tenant_id]
        kinds["legal" if p.payer == owner.name else "short" if p.payer == owner.short_name
              else "contact" if p.payer == owner.contact_name else "other"] += 1
        if len({(bills[a.bill_id].charge, bills[a.bill_id].period_start) for a in parts}) > 1:
            kinds["several bills"] += 1
        if any(c.code in p.remarks for c in books.contracts):
            kinds["names contract"] += 1
        else:
            kinds["no contract"] += 1
        allocated = sum((a.amount for a in parts), ZERO)
        if allocated < p.amount:
            kinds["overpaid"] += 1
        for a in parts:
            days_late[(a.on - bills[a.bill_id].due_on).days] += 1
            assert a.on == p.received_on and a.by in ("auto", "person")
    partly = [b for b, parts in by_bill.items() if len({a.source_id for a in parts}) > 1]
    assert all(kinds[k] > 0 for k in ("legal", "short", "contact", "other", "several bills",
                                      "names contract", "no contract", "overpaid")), kinds
    assert kinds["legal"] > sum(kinds[k] for k in ("short", "contact", "other"))
    assert partly
    assert any(d < 0 for d in days_late) and any(d > 20 for d in days_late)
    on_time = sum(n for d, n in days_late.items() if d <= 4)
    assert on_time > 0.7 * sum(days_late.values())
    assert "12月租金" in {p.remarks.split(" ")[-1] for p in books.payments}
    # A parent company a person confirmed is an alias; its later transfers match on it.
    assert books.aliases
    for alias in books.aliases:
        assert alias.name not in (tenants[alias.tenant_id].name,
                                  tenants[alias.tenant_id].short_name)
    auto_by_alias = [a for a in books.allocations if a.by == "auto"
                     and any(r["code"] == "payer-alias" for r in a.reasons)]
    assert auto_by_alias


def test_every_ledger_row_comes_with_its_command(books):
    """Ledger rows are written as the services write them: one command each, no ``create``
    op; the aliases, meters and runs are ordinary rows with their ``create``."""
    for rows, kind, entity in ((books.bills, "post_bill", "bills"),
                               (books.payments, "post_payment", "payments"),
                               (books.allocations, "allocate_payment", "allocations"),
                               (books.readings, "post_reading", "meter_readings"),
                               (books.deposits, "post_deposit", "deposit_movements")):
        assert books.outbox[(kind, entity)] == len(rows) > 0
        assert books.outbox[("create", entity)] == 0
        assert all(books.ops_per_row[(kind, entity, row.id)] == 1 for row in rows)
    for rows, entity in ((books.aliases, "payer_aliases"), (books.meters, "meters"),
                         (books.runs, "billing_runs")):
        assert books.outbox[("create", entity)] == len(rows) > 0


def test_a_reading_s_command_is_the_meter_service_s(books):
    """Readings are written in bulk here, not through ``services.meters``: each command
    must still say what that service's ``post_reading`` says."""
    with Workspace.open(books.summary.path) as workspace, workspace.reading() as session:
        payloads = {op.entity_id: op.payload for op in session.scalars(
            select(Outbox).where(Outbox.kind == "post_reading"))}
    for reading in books.readings[:50]:
        said = payloads[reading.id]
        expected = _payload(reading.id, reading.meter_id, reading.read_on, reading.register,
                            reading.value, ReadingKind(reading.kind), reading.source)
        assert said.keys() == expected.keys()
        assert Decimal(said.pop("value")) == Decimal(expected.pop("value"))
        assert said == expected


def test_each_building_has_a_meter_tree_with_a_year_of_readings(books):
    with Workspace.open(books.summary.path) as workspace, workspace.reading() as session:
        tree = load_tree(session, books.park_id, "electricity")
        units = {u.id: u for u in session.scalars(select(Unit))}
        floors_of = {u.id: u.floor_id for u in units.values()}
        mains = [m for m in books.meters if m.parent_id is None]
        days = bill_months(TODAY, 12)
        assert tree_flags(tree.meters) == []
        rollovers = 0
        for main in mains:
            subs = [m for m in books.meters if m.parent_id == main.id]
            assert subs and all(m.unit_id is not None for m in subs)
            assert 1 <= len({floors_of[m.unit_id] for m in subs}) <= 2
            for month in days[:-1]:  # the current month's closing reading is still to come
                statement = shared_statement(session, main.id, month)
                used = statement.main.consumption.amount
                assert used > 0
                assert used == sum(s.consumption.amount for s in statement.subs) + (
                    statement.shared)
                assert statement.allocated == statement.shared > 0
                rollovers += any(r.code == "rollover"
                                 for r in statement.main.consumption.reasons)
        assert rollovers == 1
    by_meter: dict[Any, list[date]] = defaultdict(list)
    for reading in books.readings:
        by_meter[(reading.meter_id, reading.register)].append(reading.read_on)
    assert {m.id for m in books.meters} == {m for m, _register in by_meter}
    assert all(sorted(d) == days for d in by_meter.values())
    assert all(Period.month(d.year, d.month).start == d for d in days)


def test_the_same_seed_gives_the_same_books(books, tmp_path):
    again = load(build_demo(tmp_path / "again.leasemap", units=UNITS, seed=SEED, today=TODAY))
    assert fingerprint(again) == fingerprint(books)


def fingerprint(books: Books) -> dict[str, Any]:
    """The books without their ids (UUIDv7, and bill ids derived from them)."""
    bills = {b.id: b.number for b in books.bills}
    payments = {p.id: p.reference for p in books.payments}
    meters = {m.id: m.code for m in books.meters}
    tenants = {t.id: t.code for t in books.tenants}
    contracts = {c.id: c.code for c in books.contracts}
    # An allocation's source: a payment, or a deposit's movement (applied at a settlement).
    sources = payments | {m.id: (contracts[m.contract_id], m.kind, m.on, m.amount)
                          for m in books.deposits}
    return {
        "bills": sorted((b.number, b.kind, b.charge, b.period_start, b.period_end, b.due_on,
                         b.issued_on, b.amount) for b in books.bills),
        "payments": sorted((p.reference, p.key, p.received_on, p.amount, p.payer, p.remarks)
                           for p in books.payments),
        "allocations": sorted((str(sources[a.source_id]), bills.get(a.bill_id, ""), a.kind,
                               a.amount, a.on, a.by) for a in books.allocations),
        "aliases": sorted((tenants[a.tenant_id], a.name) for a in books.aliases),
        "signals": sorted((t.code, str(t.credit_signals)) for t in books.tenants),
        "readings": sorted((meters[r.meter_id], r.read_on, r.value) for r in books.readings),
        # A carry names the other contract; a reversal names the movement.
        "deposits": sorted((contracts[m.contract_id], m.kind, m.amount, m.on,
                            payments.get(m.payment_id, ""), bills.get(m.bill_id, ""),
                            contracts.get(m.counterpart_id, m.note),
                            str(sources.get(m.reverses_id, ""))) for m in books.deposits),
        "totals": (sum((p.amount for p in books.payments), Decimal(0)), len(books.runs)),
    }


def test_the_queue_s_payers_are_not_all_strangers(books):
    """Besides unknown payers, the queue holds a tenant's own recent transfers a person has
    not looked at and the money overpaid: proposals name a tenant."""
    with Workspace.open(books.summary.path) as workspace, workspace.reading() as session:
        queue = payment_queue(session, books.park_id)
    proposed = [i for i in queue if i.match.outcome is Outcome.PROPOSED]
    assert all(i.match.candidates for i in proposed)
    tenant_ids = {t.id for t in books.tenants}
    assert all(i.match.candidates[0].tenant_id in tenant_ids for i in proposed)



# -- deposits ---------------------------------------------------------------------------------


def planned_deposits() -> tuple[ParkPlan, dict[str, DepositPlan]]:
    """The park planned again, apart from the build, and its deposits by contract code."""
    park = plan_park(UNITS, SEED, TODAY, Job())
    plan_leasing(park, SEED, TODAY)
    return park, {park.contracts[p.contract].code: p
                  for p in plan_deposits(park, SEED, TODAY)}


def test_every_live_contract_s_deposit_is_in_its_ledger(books):
    """Each signed or terminated contract with a deposit has received what the plan says,
    on its day: within days of signing (a few weeks late, short, or still outstanding);
    before the year billed as a movement of its own, within it out of a bank line the
    deposit holds whole, as ``services.deposits.receive_deposit`` records it. A renewal's
    deposit is carried from the contract it renews (see the next test); what it asks
    beyond that is the top-up received. A few receipts were typed wrong, reversed and
    entered again (the test after)."""
    _park, plans = planned_deposits()
    live = {c.code for c in books.contracts
            if c.status is not ContractStatus.DRAFT and c.deposit > 0}
    assert set(plans) == live
    code_of = {c.id: c.code for c in books.contracts}
    due = {c.code: c.deposit for c in books.contracts}
    signed = {c.code: c.signed_on for c in books.contracts}
    received: dict[str, list[DepositMovement]] = defaultdict(list)
    for move in books.deposits:
        if move.kind == RECEIVED:
            received[code_of[move.contract_id]].append(move)
    payments = {p.id: p for p in books.payments}
    holds = {(a.source_id, a.amount) for a in books.allocations if a.kind == "deposit"}
    bank_from = bill_months(TODAY, BILL_MONTHS)[0] - timedelta(days=ISSUE_DAYS)
    kinds = Counter()
    for code, plan in plans.items():
        kinds[plan.kind] += 1
        assert plan.due == due[code]
        moves = received.get(code, [])
        if plan.typo:  # the wrong one first, then the right one once it was reversed
            assert [(m.amount, m.on) for m in moves] == [(plan.typo, plan.on),
                                                         (plan.received, plan.corrected_on)]
            moves = moves[1:]
        assert sum((m.amount for m in moves), ZERO) == plan.received, code
        if plan.on is None:
            assert moves == [] and plan.kind in (OUTSTANDING, CARRIED)
            assert (plan.carried == plan.due) == (plan.kind == CARRIED)
            continue
        assert [m.on for m in moves] == [plan.corrected_on or plan.on]
        assert signed[code] <= plan.on <= TODAY
        move = moves[0]
        if plan.on < bank_from:
            assert move.payment_id is None
        else:
            payment = payments[move.payment_id]
            assert (payment.amount, payment.received_on) == (move.amount, plan.on)
            assert (payment.id, move.amount) in holds  # the payment holds it, not the queue
        asked = plan.due - plan.carried  # a renewal's top-up
        if plan.kind == SHORT:
            assert ZERO < plan.received < asked
        else:
            assert plan.received == asked
            days = (plan.on - signed[code]).days
            if plan.kind == LATE:
                assert LATE_DAYS[0] <= days <= LATE_DAYS[1]
            else:
                assert days <= RECEIVED_DAYS
    assert {FULL, LATE, SHORT, OUTSTANDING, CARRIED} == set(kinds), kinds
    deliberate = kinds[SHORT] + kinds[OUTSTANDING]
    assert 0.01 <= deliberate / len(plans) <= 0.06  # "a few", about 3 %
    assert {received[code][0].payment_id is None for code in received} == {True, False}


def test_a_renewal_carries_the_deposit_it_renews(books):
    """Every renewal's deposit is carried from the contract it renews, as
    ``services.contracts.renew`` carries it: a ``carried_out`` on the old contract and a
    ``carried_in`` on the renewal, one amount, on the renewal's first day, each naming the
    other contract; min(what the old one held at the renewal's signing, what the renewal
    asks). What the renewal asks beyond it is its top-up; what the old holds beyond it
    stays for its settlement. No bank line: the bank never saw the money move."""
    _park, plans = planned_deposits()
    by_code = {c.code: c for c in books.contracts}
    moves: dict[Any, list[DepositMovement]] = defaultdict(list)
    for move in books.deposits:
        moves[move.contract_id].append(move)
    renewals = [c for c in books.contracts if c.renews_id is not None
                and c.code in plans and c.deposit > 0]
    assert renewals
    by_id = {c.id: c for c in books.contracts}
    outcomes = Counter()
    for renewal in renewals:
        old = by_id[renewal.renews_id]
        plan, before = plans[renewal.code], plans[old.code]
        (into,) = [m for m in moves[renewal.id] if m.kind == CARRIED_IN]
        (out,) = [m for m in moves[old.id] if m.kind == CARRIED_OUT]
        assert (into.amount, into.on, into.counterpart_id) == (plan.carried,
                                                               renewal.starts_on, old.id)
        assert (out.amount, out.on, out.counterpart_id) == (plan.carried, renewal.starts_on,
                                                            renewal.id)
        assert (into.note, out.note) == (str(old.id), str(renewal.id))  # for 0010 replicas
        assert into.payment_id is None and out.payment_id is None
        held_then = sum((m.amount for m in moves[old.id]
                         if m.kind in (RECEIVED, CARRIED_IN)
                         and m.on <= renewal.signed_on), ZERO)
        assert plan.carried == min(held_then, renewal.deposit) > 0
        assert before.carried_out == plan.carried
        stays = held_then - plan.carried
        outcomes["top-up"] += plan.carried < renewal.deposit
        outcomes["stays"] += stays > 0
        outcomes["all carried"] += plan.kind == CARRIED
    assert outcomes["top-up"] and outcomes["stays"] and outcomes["all carried"], outcomes
    with Workspace.open(books.summary.path) as workspace, workspace.reading() as session:
        for renewal in renewals:
            # What the renewed contract holds (and will settle) is what stays.
            old = by_id[renewal.renews_id]
            assert deposit_held(session, old.id) == plans[old.code].held
            assert deposit_held(session, renewal.id) == plans[renewal.code].held
    assert {by_code[c.code].status for c in renewals} == {ContractStatus.SIGNED}


def test_a_few_deposits_typed_wrong_are_reversed(books):
    """:data:`TYPOS` deposits were first entered with a digit dropped; some days later a
    person reversed the entry (``services.deposits.reverse_movement``: a ``reversed``
    movement naming it, and the payment's money it held given back to the payment) and
    entered the right amount. Both as movements of their own and out of payments."""
    _park, plans = planned_deposits()
    typos = {code: p for code, p in plans.items() if p.typo}
    assert len(typos) == TYPOS
    by_id = {m.id: m for m in books.deposits}
    code_of = {c.id: c.code for c in books.contracts}
    reversals = [m for m in books.deposits if m.kind == REVERSED]
    assert len(reversals) == TYPOS
    allocations = {a.id: a for a in books.allocations}
    from_payments = 0
    for move in reversals:
        wrong = by_id[move.reverses_id]
        plan = typos[code_of[move.contract_id]]
        assert wrong.kind == RECEIVED and wrong.contract_id == move.contract_id
        assert (wrong.amount, wrong.on) == (plan.typo, plan.on) == (
            dropped_zero(plan.received), plan.on)
        assert (move.amount, move.on, move.note) == (plan.typo, plan.corrected_on, TYPO_NOTE)
        assert TYPO_DAYS[0] <= (move.on - wrong.on).days <= TYPO_DAYS[1]
        assert move.payment_id == wrong.payment_id
        if wrong.payment_id is not None:
            from_payments += 1
            (undone,) = [a for a in allocations.values() if a.kind == "reverse"
                         and a.source_id == wrong.payment_id]
            held = allocations[undone.reverses_id]
            assert (held.kind, held.amount, held.on) == ("deposit", wrong.amount, wrong.on)
            assert (undone.amount, undone.on) == (-wrong.amount, move.on)
    assert 0 < from_payments < TYPOS
    with Workspace.open(books.summary.path) as workspace, workspace.reading() as session:
        for code, plan in typos.items():
            contract = next(c for c in books.contracts if c.code == code)
            assert deposit_held(session, contract.id) == plan.received == plan.due
        queue = payment_queue(session, books.park_id)
    typo_payments = {m.payment_id for m in reversals if m.payment_id is not None}
    assert not typo_payments & {i.payment.id for i in queue}  # each holds none of it now


def test_the_check_names_only_the_deliberate_deposits(books):
    """Contract vs operations on the demo: the short deposits differ in amount, the
    outstanding ones were not received (a renewal's top-up short or outstanding differs
    in amount: the carry is in); nothing else about deposits (nor anything else). The
    renewals' carries, arranged for their first days after today, hold their deposits
    from their signing; the typos, reversed, leave nothing."""
    _park, plans = planned_deposits()
    with Workspace.open(books.summary.path) as workspace, workspace.reading() as session:
        result = three_ledgers.check(session, books.park_id, TODAY)
    # The service names each difference's pair of ledgers.
    between = [d for d in result.differences if d.params["ledgers"] == "contract/operations"]
    named = {(d.params["contract_code"], d.code) for d in between}
    expected = {(code, "deposit-amount-differs" if p.kind == SHORT or p.carried else
                 "deposit-not-received")
                for code, p in plans.items() if p.kind in (SHORT, OUTSTANDING)}
    assert named == expected
    assert len(between) == len(expected)
    assert {code for _, code in expected} == {"deposit-amount-differs",
                                              "deposit-not-received"}
    for d in between:
        plan = plans[d.params["contract_code"]]
        assert (d.params["due_amount"], d.params["received_amount"]) == (
            str(plan.due), str(plan.received + plan.carried))
        assert d.params.get("carried_amount") == (str(plan.carried) if plan.carried else None)


def test_an_ended_contract_s_deposit_is_settled(books):
    """Each contract that ended (expired or terminated) some days before today was settled
    as ``services.deposits.settle_termination`` settles it: the late fees to the day on a
    final bill, the deposit applied to the bills open that day oldest first (one
    allocation from the deposit per movement), the rest refunded; nothing is held. (No
    renewed contract has ended yet: the demo's renewals all start after today.)"""
    _park, plans = planned_deposits()
    by_code = {c.code: c for c in books.contracts}
    moves: dict[Any, list[DepositMovement]] = defaultdict(list)
    for move in books.deposits:
        moves[move.contract_id].append(move)
    from_deposit = {a.source_id: a for a in books.allocations if a.source_kind == "deposit"}
    assert len(from_deposit) == sum(1 for m in books.deposits if m.kind == APPLIED)
    settled = [(by_code[code], plan) for code, plan in plans.items()
               if plan.settle_on is not None]
    terminated = [c for c, _ in settled if c.status is ContractStatus.TERMINATED]
    assert terminated and len(settled) > len(terminated)
    with Workspace.open(books.summary.path) as workspace, workspace.reading() as session:
        ledger = read_ledger(session, books.park_id)
        open_now = {i.bill_id for i in ledger.open_items()}
        outcomes = Counter()
        for contract, plan in settled:
            last = min(contract.ends_on, contract.terminated_on or contract.ends_on)
            assert last < plan.settle_on <= TODAY and plan.settle_on.day != 1
            assert deposit_held(session, contract.id) == ZERO
            mine = moves[contract.id]
            out = [m for m in mine if m.kind in (APPLIED, REFUNDED)]
            assert out and {m.on for m in out} == {plan.settle_on}
            assert sum((m.amount for m in out), ZERO) == plan.held
            for move in out:
                if move.kind == APPLIED:
                    allocation = from_deposit[move.id]
                    assert (allocation.bill_id, allocation.amount, allocation.on) == (
                        move.bill_id, move.amount, move.on)
                else:
                    assert move.bill_id is None and move.note == "settlement"
            bills = [b for b in books.bills if b.contract_id == contract.id]
            finals = [b for b in bills if b.kind == FINAL]
            assert len(finals) <= 1 and all(
                b.issued_on == b.period_start == plan.settle_on for b in finals)
            refunded = sum((m.amount for m in out if m.kind == REFUNDED), ZERO)
            if refunded > 0:  # it covered all: nothing owed that day is owed now
                owed_then = [b.id for b in bills if b.issued_on < plan.settle_on
                             or b.kind == FINAL]
                assert not open_now.intersection(owed_then), contract.code
            outcomes["refunded" if refunded > 0 else "used up"] += 1
            outcomes["applied"] += any(m.kind == APPLIED for m in out)
            outcomes["final bill"] += bool(finals)
            outcomes["terminated, applied"] += (contract.status is ContractStatus.TERMINATED
                                                and any(m.kind == APPLIED for m in out))
        assert all(outcomes[k] > 0 for k in ("refunded", "applied", "final bill",
                                             "terminated, applied")), outcomes
    # The others hold what they received: a deposit leaves only at a settlement (or for
    # the contract renewing it).
    for code, plan in plans.items():
        if plan.settle_on is None:
            assert {m.kind for m in moves[by_code[code].id]} <= {
                RECEIVED, REVERSED, CARRIED_IN, CARRIED_OUT}


def test_a_settlement_is_the_one_its_day_s_ledger_gives(books):
    """The demo settles from its own running balances; each settlement must be what the
    ledger as it stood that day gives (the bills issued before the day, the allocations
    made by it, the late fees posted before it), reckoned as
    ``services.deposits.rehearse_settlement`` does: the final bill's late fees, the parts
    applied and the refund, to the cent."""
    _park, plans = planned_deposits()
    by_code = {c.code: c for c in books.contracts}
    with Workspace.open(books.summary.path) as workspace, workspace.reading() as session:
        lines = list(session.execute(
            select(BillLine.bill_id, BillLine.amount, BillLine.explanation)
            .join(Bill, Bill.id == BillLine.bill_id).where(Bill.charge == "late_fee")))
    issued = {b.id: b.issued_on for b in books.bills}
    checked = Counter()
    for code, plan in plans.items():
        if plan.settle_on is None:
            continue
        contract, day = by_code[code], plan.settle_on
        moves = [m for m in books.deposits if m.contract_id == contract.id]
        theirs = {m.id for m in moves}
        before = [b for b in books.bills if b.contract_id == contract.id
                  and b.issued_on < day]
        credits: dict[Any, list[Decimal]] = defaultdict(list)
        for b in before:
            if b.kind == "adjustment" and b.amount < 0 and b.corrects_id is not None:
                credits[b.corrects_id].append(b.amount)
        entries = [BillEntry(b.id, b.contract_id, b.tenant_id, b.charge, b.period_start,
                             max(b.due_on, b.issued_on), (b.amount, *credits[b.id]), code,
                             b.number)
                   for b in before if not (b.kind == "adjustment" and b.amount < 0
                                           and b.corrects_id is not None)]
        ids = {e.id for e in entries}
        made = [AllocationEntry(a.id, a.source_id, a.bill_id, a.amount, a.reverses_id, a.on)
                for a in books.allocations
                if a.bill_id in ids and a.on <= day and a.source_id not in theirs]
        items = open_items(entries, made)
        posted: dict[Any, Decimal] = defaultdict(lambda: ZERO)
        for bill_id, amount, explanation in lines:
            if issued[bill_id] < day and (explanation or {}).get("on_bill"):
                posted[uuid.UUID(explanation["on_bill"])] += amount
        clause = terms_from_json(contract.terms).late_fee if contract.terms else None
        fees = None if clause is None else late_fee_bill(
            str(contract.id), code, items, clause, day, day, day, posted)
        finals = [b for b in books.bills if b.contract_id == contract.id and b.kind == FINAL]
        assert [(b.id, b.amount) for b in finals] == (
            [] if fees is None else [(fees.id, fees.amount)]), code
        final_item = None if fees is None else OpenItem(
            fees.id, contract.tenant_id, contract.id, code, fees.charge, day, day, fees.amount,
            fees.amount)
        held = sum((m.amount if m.kind in (RECEIVED, CARRIED_IN) else -m.amount
                    for m in moves if m.on <= day
                    and m.kind in (RECEIVED, CARRIED_IN, CARRIED_OUT)), ZERO)
        expected = settle(items, ZERO if fees is None else fees.amount, held, final_item, day)
        assert sorted((m.bill_id, m.amount) for m in moves if m.kind == APPLIED) == sorted(
            (p.bill_id, p.amount) for p in expected.applied), code
        assert sum((m.amount for m in moves if m.kind == REFUNDED), ZERO) == expected.refund
        checked["with open bills" if items else "nothing owed"] += 1
    assert checked["with open bills"] > 0 and checked["nothing owed"] > 0, checked


def deposit_payload(move: Any) -> dict[str, Any]:
    """A movement's ``post_deposit`` command, as its row says it (the service's format)."""
    return {"movement": str(move.id), "contract": str(move.contract_id), "kind": move.kind,
            "amount": str(move.amount), "on": move.on.isoformat(),
            "payment": str(move.payment_id) if move.payment_id else None,
            "bill": str(move.bill_id) if move.bill_id else None,
            "reverses": str(move.reverses_id) if move.reverses_id else None,
            "note": move.note,
            "counterpart": str(move.counterpart_id) if move.counterpart_id else None}


def test_the_service_settles_on_the_demo_s_deposits_as_the_demo_did(books, tmp_path):
    """On a copy of the park, a running contract with bills open is terminated and settled
    through ``services.deposits``: the service finds the deposit the demo recorded, and
    its movements' commands have the demo's form, field for field."""
    _park, plans = planned_deposits()
    copy = tmp_path / "settle.leasemap"
    shutil.copyfile(books.summary.path, copy)
    with Workspace.open(copy) as workspace:
        with workspace.reading() as session:
            payloads = {op.entity_id: op.payload for op in session.scalars(
                select(Outbox).where(Outbox.kind == "post_deposit"))}
            owing = Counter(i.contract_id for i in read_ledger(session, books.park_id)
                            .open_items(TODAY) if i.due_on < TODAY - timedelta(days=30))
        assert {m.id: deposit_payload(m) for m in books.deposits} == payloads
        contract = next(c for c in sorted(books.contracts, key=lambda c: c.code)
                        if c.status is ContractStatus.SIGNED and c.ends_on > TODAY
                        and owing[c.id] and plans[c.code].kind == FULL)
        contracts_service.terminate(workspace, contract.id, TODAY - timedelta(days=1))
        plan = deposits_service.settle_termination(workspace, contract.id, TODAY)
        with workspace.reading() as session:
            assert deposit_held(session, contract.id) == ZERO
            moves = list(session.scalars(select(DepositMovement).where(
                DepositMovement.contract_id == contract.id, DepositMovement.on == TODAY)))
            said = {op.entity_id: op.payload for op in session.scalars(
                select(Outbox).where(Outbox.kind == "post_deposit",
                                     Outbox.entity_id.in_([m.id for m in moves])))}
    assert plan.settlement.deposit == contract.deposit  # what the demo recorded, held
    assert plan.settlement.applied and {m.kind for m in moves} <= {APPLIED, REFUNDED}
    assert said == {m.id: deposit_payload(m) for m in moves}
