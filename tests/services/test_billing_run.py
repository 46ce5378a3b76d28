"""Billing runs on a real workspace: bills from schedules, once; adjustments; nothing half-written.

The small park has a legacy lease (HT-2026-0001, 125.40 m² at 95.00 a month from
2026-01-01); each test signs its own lease of ZD-A-0103 (125.40 m² at 100.00:
12,540.00 a month) and bills months of it.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from domain.billing.bills import bill_id
from domain.leasing.clauses import Turnover
from runtime.jobs import Cancelled, Job
from services import billing_run, contracts
from services.billing_run import BillingRefused
from store.schema import Bill, BillingRun, BillLine, Outbox
from store.workspace import Workspace
from tests.small_leases import lease_spec, open_small, park_id

D = Decimal
MARCH = (date(2026, 3, 1), date(2026, 3, 31))


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "park.leasemap")
    yield workspace
    workspace.close()


def _sign(ws: Workspace, **terms) -> tuple:
    spec = lease_spec(ws, "ZD-A-0103", "HT-B-1", date(2026, 3, 1), date(2027, 2, 28), **terms)
    return contracts.create_signed(ws, park_id(ws), spec), spec


def _post(ws: Workspace, start: date, end: date, on: date | None = None):
    return billing_run.post_run(ws, park_id(ws), start, end, on or start)


def _bills(ws: Workspace, code: str = "HT-B-1") -> list[tuple]:
    with ws.reading() as s:
        return [tuple(r) for r in s.execute(
            select(Bill.number, Bill.kind, Bill.period_start, Bill.period_end, Bill.due_on,
                   Bill.amount).where(Bill.number.like(f"{code}/%"))
            .order_by(Bill.period_start, Bill.number))]


def _count(ws: Workspace, model, *where) -> int:
    with ws.reading() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def test_a_run_bills_each_period_starting_in_the_range_once(ws):
    cid, _spec = _sign(ws)
    report = _post(ws, *MARCH, on=date(2026, 2, 25))
    numbers = sorted(b.number for b in report.plan.bills)
    assert numbers == ["HT-2026-0001/2026-03-01/rent", "HT-B-1/2026-03-01/rent"]
    assert _bills(ws) == [("HT-B-1/2026-03-01/rent", "charge", date(2026, 3, 1),
                           date(2026, 3, 31), date(2026, 3, 1), D("12540.00"))]
    with ws.reading() as s:
        bill = s.get(Bill, bill_id(str(cid), date(2026, 3, 1), "rent"))
        assert bill is not None and bill.run_id == report.run_id
        [line] = s.scalars(select(BillLine).where(BillLine.bill_id == bill.id)).all()
        assert line.amount == D("12540.00")
        assert [r["code"] for r in line.explanation["reasons"]]  # it says why
        run = s.get(BillingRun, report.run_id)
        assert (run.created, run.existing) == (2, 0)
    # One post_bill command per bill, and no row-level ops beside them.
    assert _count(ws, Outbox, Outbox.kind == "post_bill") == 2
    assert _count(ws, Outbox, Outbox.entity.in_(["bills", "bill_lines"]),
                  Outbox.kind != "post_bill") == 0

    again = _post(ws, *MARCH, on=date(2026, 2, 26))
    assert again.run_id is None and again.created == 0 and again.plan.existing == 2
    assert _count(ws, Bill) == 2 and _count(ws, BillingRun) == 1


def test_rehearsal_writes_nothing_and_a_cancelled_run_leaves_nothing(ws):
    _sign(ws)
    with ws.reading() as s:
        outbox = s.scalar(select(func.count()).select_from(Outbox))
    plan = billing_run.rehearse_run(ws, park_id(ws), *MARCH, date(2026, 2, 25))
    assert len(plan.bills) == 2 and plan.total == D("24453.00")  # 12,540.00 + 11,913.00
    assert _count(ws, Bill) == 0

    calls = []

    def cancel_while_writing(done: int, total: int, message: str) -> None:
        calls.append(done)
        if len(calls) == 2:  # the plan is made, the bills are being written
            job.cancel()

    job = Job(report=cancel_while_writing)
    with pytest.raises(Cancelled):
        billing_run.post_run(ws, park_id(ws), *MARCH, date(2026, 2, 25), job=job)
    assert _count(ws, Bill) == 0 and _count(ws, BillLine) == 0
    assert _count(ws, BillingRun) == 0
    with ws.reading() as s:
        assert s.scalar(select(func.count()).select_from(Outbox)) == outbox


def test_a_rent_free_period_is_skipped_with_its_reason(ws):
    from tests.small_leases import example_a

    _sign(ws, **example_a())
    report = _post(ws, *MARCH)
    skips = [(s.contract_code, s.code) for s in report.plan.skipped]
    assert ("HT-B-1", "rent-free") in skips
    assert _bills(ws) == []
    june = _post(ws, date(2026, 6, 1), date(2026, 6, 30))
    assert [b.amount for b in june.plan.bills if b.number.startswith("HT-B-1")] == [
        D("37620.00")]  # a quarter at 12,540.00


def test_an_amendment_adjusts_a_billed_period_and_bills_its_new_part(ws):
    cid, spec = _sign(ws)
    _post(ws, date(2026, 3, 1), date(2026, 4, 30))
    raised = dataclasses.replace(spec, terms=dataclasses.replace(spec.terms, rate=D(110)))
    contracts.amend(ws, cid, raised, date(2026, 4, 15))
    may = _post(ws, date(2026, 5, 1), date(2026, 5, 31), on=date(2026, 4, 25))
    mine = sorted((b.number, b.kind, b.amount) for b in may.plan.bills
                  if b.contract_id == str(cid))
    assert mine == [
        ("HT-B-1/2026-04-01/rent/A1", "adjustment", D("-6688.00")),  # 14 of 30 days kept
        ("HT-B-1/2026-04-15/rent", "charge", D("7356.80")),  # 16/30 of 13,794.00
        ("HT-B-1/2026-05-01/rent", "charge", D("13794.00")),
    ]
    adjustment = next(b for b in may.plan.bills if b.kind == "adjustment")
    assert adjustment.corrects == bill_id(str(cid), date(2026, 4, 1), "rent")
    explanation = adjustment.lines[0].explanation
    assert (explanation["billed"], explanation["now"]) == ("12540.00", "5852.00")
    # April now bills what the schedule says, to the cent.
    april = [b for b in _bills(ws) if b[2].month == 4]
    assert sum(b[5] for b in april) == D("5852.00") + D("7356.80")
    # Nothing more to adjust.
    assert _post(ws, date(2026, 5, 1), date(2026, 5, 31)).created == 0


def test_a_month_no_run_went_over_is_not_billed_by_a_later_run_for_anybody(ws):
    """April skipped: May's run bills May alone, for an amended contract as for any other
    (periods are caught up only where a run went before); April's run then bills April,
    and the amendment's new part of a month a run went over is billed by the next run."""
    cid, spec = _sign(ws)
    _post(ws, *MARCH)
    raised = dataclasses.replace(spec, terms=dataclasses.replace(spec.terms, rate=D(110)))
    contracts.amend(ws, cid, raised, date(2026, 3, 20))  # its periods may change now
    may = _post(ws, date(2026, 5, 1), date(2026, 5, 31), on=date(2026, 4, 25))
    starts = sorted({(b.number.split("/")[0], b.period_start) for b in may.plan.bills})
    assert starts == [("HT-2026-0001", date(2026, 5, 1)), ("HT-B-1", date(2026, 3, 1)),
                      ("HT-B-1", date(2026, 3, 20)), ("HT-B-1", date(2026, 5, 1))]
    assert not [b for b in _bills(ws) if b[2].month == 4]  # April: nobody's
    april = _post(ws, date(2026, 4, 1), date(2026, 4, 30), on=date(2026, 4, 26))
    assert sorted(b.number for b in april.plan.bills) == [
        "HT-2026-0001/2026-04-01/rent", "HT-B-1/2026-04-01/rent"]


def test_a_termination_credits_the_days_after_it(ws):
    cid, _spec = _sign(ws)
    _post(ws, date(2026, 3, 1), date(2026, 5, 31))
    contracts.terminate(ws, cid, date(2026, 5, 20))
    june = _post(ws, date(2026, 6, 1), date(2026, 6, 30))
    mine = [(b.number, b.amount) for b in june.plan.bills if b.contract_id == str(cid)]
    assert mine == [("HT-B-1/2026-05-01/rent/A1", D("-4449.68"))]  # 11 of 31 days of May
    assert sum(b[5] for b in _bills(ws) if b[2].month == 5) == D("8090.32")


def test_sales_reported_after_the_base_was_billed_make_a_turnover_adjustment(ws):
    cid, _spec = _sign(ws, turnover=Turnover(rate=D("0.08")))
    first = _post(ws, *MARCH)
    [bill] = [b for b in first.plan.bills if b.contract_id == str(cid)]
    assert bill.amount == D("12540.00")
    assert [n.code for n in bill.notes] == ["sales-missing"]  # a correction follows
    contracts.record_sales(ws, cid, date(2026, 3, 1), D("200000.00"), "manual")
    april = _post(ws, date(2026, 4, 1), date(2026, 4, 30))
    [adjustment] = [b for b in april.plan.bills
                    if b.contract_id == str(cid) and b.kind == "adjustment"]
    assert adjustment.amount == D("3460.00")  # 8 % of 200,000.00 = 16,000.00 over the base


def test_a_posted_bill_is_never_changed(ws):
    _sign(ws)
    _post(ws, *MARCH)
    with pytest.raises(IntegrityError), ws.engine.begin() as connection:
        connection.execute(text("UPDATE bills SET amount = '1.00'"))
    with pytest.raises(IntegrityError), ws.engine.begin() as connection:
        connection.execute(text("DELETE FROM bill_lines"))


def test_a_range_that_ends_before_it_starts_is_refused(ws):
    with pytest.raises(BillingRefused) as refused:
        _post(ws, date(2026, 3, 31), date(2026, 3, 1))
    assert refused.value.code == "billing-range"


def test_late_fees_accrue_on_overdue_bills_and_post_once_per_run(ws):
    from domain.leasing.clauses import LateFee
    from services import payments

    cid, _spec = _sign(ws, late_fee=LateFee(D("0.0005")))
    _post(ws, *MARCH, on=date(2026, 2, 25))
    april = _post(ws, date(2026, 4, 1), date(2026, 4, 30), on=date(2026, 4, 1))
    [fee] = [b for b in april.plan.bills if b.charge == "late_fee"]
    assert fee.contract_id == str(cid) and fee.number == "HT-B-1/2026-04-01/late_fee"
    # March's 12,540.00, due 1 March, 31 days late at 0.05 % a day
    assert fee.amount == D("194.37")
    assert fee.lines[0].explanation["bill"] == "HT-B-1/2026-03-01/rent"
    again = _post(ws, date(2026, 4, 1), date(2026, 4, 30), on=date(2026, 4, 2))
    assert [b.number for b in again.plan.bills] == []

    # Half of March is paid on 10 April; May's run adds what accrued since, on what is left.
    with ws.reading() as s:
        march = next(i for i in __import__("services.receivables", fromlist=["x"])
                     .read_ledger(s, park_id(ws)).open_items()
                     if i.number == "HT-B-1/2026-03-01/rent")
    pid = payments.enter_payment(ws, park_id(ws), payments.PaymentInput(
        date(2026, 4, 10), D("6270.00"), "上海云帆智能科技有限公司"))
    payments.allocate_payment(ws, pid, [(march.bill_id, D("6270.00"))], date(2026, 4, 10))
    may = _post(ws, date(2026, 5, 1), date(2026, 5, 31), on=date(2026, 5, 1))
    [fee] = [b for b in may.plan.bills if b.charge == "late_fee"]
    lines = {x.explanation["bill"]: x.amount for x in fee.lines}
    # March: 6,270.00 × 0.05 % × 61 days = 191.24, less 194.37 posted: nothing more.
    assert "HT-B-1/2026-03-01/rent" not in lines
    # April's 12,540.00, 30 days late: 188.10
    assert lines["HT-B-1/2026-04-01/rent"] == D("188.10")


def test_a_credit_on_a_paid_bill_frees_the_money_it_no_longer_needs(ws):
    from services import payments, receivables

    cid, _spec = _sign(ws)
    _post(ws, date(2026, 5, 1), date(2026, 5, 31))
    with ws.reading() as s:
        may = next(i for i in receivables.read_ledger(s, park_id(ws)).open_items()
                   if i.number == "HT-B-1/2026-05-01/rent")
    pid = payments.enter_payment(ws, park_id(ws), payments.PaymentInput(
        date(2026, 5, 2), D("12540.00"), "上海云帆智能科技有限公司"))
    payments.allocate_payment(ws, pid, [(may.bill_id, D("12540.00"))], date(2026, 5, 2))
    contracts.terminate(ws, cid, date(2026, 5, 20))
    _post(ws, date(2026, 6, 1), date(2026, 6, 30))  # credits May's 11 days: 4,449.68
    with ws.reading() as s:
        ledger = receivables.read_ledger(s, park_id(ws))
        held = receivables.unallocated_by_payment(ledger)
    assert held[pid] == D("4449.68")  # the tenant's money again, in the queue
    assert not [i for i in ledger.open_items() if i.number.startswith("HT-B-1/")]
    from domain.billing.balances import ledger_problems

    assert ledger_problems(ledger.payments, ledger.bills, ledger.allocations) == []
