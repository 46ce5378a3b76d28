"""Deposits and a termination's settlement on a real workspace: received, applied to the
arrears and the late fees accrued to the day, the rest refunded, in one rehearsed step."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from domain.leasing.clauses import LateFee
from services import billing_run, contracts, deposits, payments, receivables
from services.deposits import DepositRefused
from store.schema import Bill, DepositMovement
from tests.small_leases import lease_spec, open_small, park_id

D = Decimal


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "park.leasemap")
    yield workspace
    workspace.close()


def _lease(ws, deposit: str = "25080.00"):
    spec = lease_spec(ws, "ZD-A-0103", "HT-D-1", date(2026, 3, 1), date(2027, 2, 28),
                      deposit=D(deposit), late_fee=LateFee(D("0.0005")))
    cid = contracts.create_signed(ws, park_id(ws), spec)
    pid = payments.enter_payment(ws, park_id(ws), payments.PaymentInput(
        date(2026, 2, 20), D(deposit), "上海云帆智能科技有限公司"))
    deposits.receive_deposit(ws, cid, D(deposit), date(2026, 2, 20), payment_id=pid)
    billing_run.post_run(ws, park_id(ws), date(2026, 3, 1), date(2026, 4, 30),
                         date(2026, 2, 25))
    return cid


def test_a_deposit_received_from_a_payment_leaves_nothing_of_it_to_allocate(ws):
    cid = _lease(ws)
    with ws.reading() as s:
        assert deposits.deposit_held(s, cid) == D("25080.00")
        held = receivables.unallocated_by_payment(receivables.read_ledger(s, park_id(ws)))
    assert set(held.values()) == {D("0.00")}


def test_settling_a_termination_applies_the_deposit_to_arrears_and_fees_and_refunds_the_rest(ws):
    cid = _lease(ws)
    contracts.terminate(ws, cid, date(2026, 4, 30))
    with ws.reading() as s:
        plan = deposits.rehearse_settlement(s, cid, date(2026, 5, 10))
    settlement = plan.settlement
    # March (12,540.00, 70 days late on 10 May: 438.90) and April (39 days: 244.53)
    assert [i.amount for i in settlement.open_items] == [D("12540.00"), D("12540.00")]
    assert plan.final_bill is not None and settlement.late_fees == D("683.43")
    assert settlement.debts == D("25763.43")
    assert settlement.refund == D("0.00") and settlement.still_owed == D("683.43")
    with ws.reading() as s:
        moves = s.scalar(select(func.count()).select_from(DepositMovement))
    assert moves == 1  # the rehearsal wrote nothing

    deposits.settle_termination(ws, cid, date(2026, 5, 10))
    with ws.reading() as s:
        assert deposits.deposit_held(s, cid) == D("0.00")
        open_items = [i for i in receivables.read_ledger(s, park_id(ws)).open_items()
                      if i.contract_id == cid]
        final = s.scalar(select(Bill).where(Bill.kind == "final"))
    assert [(i.number, i.amount) for i in open_items] == [(final.number, D("683.43"))]


def test_a_deposit_larger_than_the_debts_is_refunded_in_part(ws):
    cid = _lease(ws, deposit="40000.00")
    contracts.terminate(ws, cid, date(2026, 4, 30))
    plan = deposits.settle_termination(ws, cid, date(2026, 5, 10))
    assert plan.settlement.still_owed == D("0.00")
    assert plan.settlement.refund == D("40000.00") - D("25763.43")
    with ws.reading() as s:
        assert deposits.deposit_held(s, cid) == D("0.00")
        kinds = sorted(s.scalars(select(DepositMovement.kind)))
    assert kinds == ["applied", "applied", "applied", "received", "refunded"]


def test_a_contract_still_running_is_not_settled(ws):
    cid = _lease(ws)
    with ws.reading() as s, pytest.raises(DepositRefused) as refused:
        deposits.rehearse_settlement(s, cid, date(2026, 5, 10))
    assert refused.value.code == "settle-not-ended"


def test_settling_on_the_first_day_of_a_billed_month_makes_its_own_final_bill(ws):
    """May's run, issued on 25 April, posts the late fees accrued to then as the
    (contract, 1 May, late_fee) bill; a settlement on 1 May charges those of the days since
    on a final bill of its own (it once took that bill's id, and the insert failed)."""
    cid = _lease(ws)
    contracts.terminate(ws, cid, date(2026, 4, 30))
    billing_run.post_run(ws, park_id(ws), date(2026, 5, 1), date(2026, 5, 31),
                         date(2026, 4, 25))
    with ws.reading() as s:
        fees = s.scalars(select(Bill).where(Bill.contract_id == cid,
                                            Bill.charge == "late_fee")).all()
    assert [(b.kind, b.period_start) for b in fees] == [("charge", date(2026, 5, 1))]
    plan = deposits.settle_termination(ws, cid, date(2026, 5, 1))
    with ws.reading() as s:
        bills = s.scalars(select(Bill).where(Bill.contract_id == cid,
                                             Bill.charge == "late_fee")).all()
    assert sorted(b.kind for b in bills) == ["charge", "final"]
    assert len({b.id for b in bills}) == 2
    # March's and April's 12,540.00 each at 0.05 % a day: the run charged them to 25 April,
    # the final bill the six days since on each (37.62 + 37.62), nothing twice
    assert plan.final_bill is not None and plan.final_bill.amount == D("75.24")
