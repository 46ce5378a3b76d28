"""The demo's runs keep what they read (``services.billing_run.KeptReads``): the contracts
once, then only the bills, allocations and late fees written since the last run. A run
planned from the kept state must be the run planned from a fresh read, bill for bill and
in the same order, also after the contracts change under it (a termination back to
before months already billed, a shop's sales corrected) and with credits in the ledger.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from demo.billing import ISSUE_DAYS
from domain.billing.bills import ADJUSTMENT_KIND
from domain.contracts import ContractStatus
from domain.leasing.schedule import add_months
from services.billing_run import KeptReads, RunPlan, plan_run, write_run
from services.collections import ledger_on
from services.contracts import put_sales
from services.receivables import posted_late_fees
from store.schema import Bill, Contract, Park, SalesReport
from store.workspace import Workspace

TODAY = date(2026, 11, 22)  # the 300-unit park other tests share: billed to November 2026
DECEMBER = date(2026, 12, 1)


def both_ways(session: Session, park_id: uuid.UUID, kept: KeptReads, start: date
              ) -> RunPlan:
    """The month's run planned from the kept state and from a fresh read: the same."""
    end, issued = add_months(start, 1) - timedelta(days=1), start - timedelta(days=ISSUE_DAYS)
    mine = plan_run(session, park_id, start, end, issued, kept=kept)
    fresh = plan_run(session, park_id, start, end, issued)
    assert mine.bills == fresh.bills  # each bill, its lines and explanations, in order
    assert mine == fresh
    return mine


def _billed_monthly(session: Session, park_id: uuid.UUID) -> Contract:
    """A signed contract billed monthly for October and November, running into next year."""
    billed = set(session.scalars(select(Bill.contract_id).where(
        Bill.park_id == park_id, Bill.period_start == date(2026, 10, 1),
        Bill.period_end == date(2026, 10, 31), Bill.charge == "rent")))
    return next(c for c in session.scalars(select(Contract).where(
        Contract.park_id == park_id, Contract.status == ContractStatus.SIGNED,
        Contract.starts_on < date(2026, 9, 1), Contract.ends_on > date(2027, 6, 1))
        .order_by(Contract.code)) if c.id in billed)


def test_kept_reads_plan_what_a_fresh_read_plans(shared_demo, tmp_path):
    summary = shared_demo(tmp_path / "demo.leasemap", units=300, today=TODAY)
    with Workspace.open(summary.path) as workspace, workspace.transaction() as session:
        park_id = session.scalars(select(Park.id)).one()
        kept = KeptReads.start(session, park_id)

        november = both_ways(session, park_id, kept, date(2026, 11, 1))  # the demo's last
        assert not [b for b in november.bills if b.charge != "late_fee"]
        assert november.existing > 100

        december = both_ways(session, park_id, kept, DECEMBER)
        assert len(december.bills) > 100 and december.existing == 0
        write_run(session, december)
        again = both_ways(session, park_id, kept, DECEMBER)  # the bills just written found
        assert again.existing >= len([b for b in december.bills if b.charge != "late_fee"])

        # Under the kept state: a lease terminated back to September (October to December
        # billed: each period a credit), a shop's sales for a billed month corrected.
        lease = _billed_monthly(session, park_id)
        lease.status, lease.terminated_on = ContractStatus.TERMINATED, date(2026, 9, 30)
        report = session.scalars(select(SalesReport).join(Contract).where(
            Contract.park_id == park_id, SalesReport.month == date(2026, 10, 1),
            ~SalesReport.archived).order_by(SalesReport.amount.desc()).limit(1)).one()
        put_sales(session, report.contract_id, report.month, Decimal(0), "corrected", report)
        session.flush()

        january = both_ways(session, park_id, kept, date(2027, 1, 1))
        credits = [b for b in january.bills if b.kind == ADJUSTMENT_KIND and b.amount < 0]
        assert {b.period_start for b in credits if b.contract_id == str(lease.id)} == {
            date(2026, 10, 1), date(2026, 11, 1), date(2026, 12, 1)}
        assert any(b.contract_id == str(report.contract_id) for b in credits)
        write_run(session, january)
        both_ways(session, park_id, kept, date(2027, 2, 1))  # the credits in the ledger
        for day in (date(2026, 6, 1), date(2027, 1, 26)):  # as it stood, in its order
            assert kept.ledger.on(day) == ledger_on(session, park_id, day)
        assert kept.ledger.posted_late_fees() == posted_late_fees(session, park_id)
        session.rollback()


def test_kept_reads_are_for_their_own_session(shared_demo, tmp_path):
    summary = shared_demo(tmp_path / "demo.leasemap", units=300, today=TODAY)
    with Workspace.open(summary.path) as workspace, workspace.reading() as session:
        park_id = session.scalars(select(Park.id)).one()
        kept = KeptReads.start(session, park_id)
        with workspace.reading() as other:
            try:
                plan_run(other, park_id, DECEMBER, date(2026, 12, 31), date(2026, 11, 25),
                         kept=kept)
            except ValueError as refused:
                assert "session" in str(refused)
            else:
                raise AssertionError("a kept state was used in another session")
