"""A deposit movement's reversal rehearsed before it is written, and a contract's deposit as
a clerk reads it, on a real workspace: the rehearsal names the payment given its money
back, the bill opened again and both sides of a carry, writes nothing, and is what the
reversal then writes; the statement lists every movement with the names a person finds
it by (the other contract, the bill, the payer) and what reversals undid of it.

The small park's tenant leases ZD-A-0103 (HT-D-1, 1 March to 31 August 2026, 12,540.00 a
month, a deposit of 30,000.00 received out of a payment on 20 February); HT-D-2 renews
it from 1 September asking 25,080.00.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select

from domain.billing.deposits import APPLIED, CARRIED_IN, CARRIED_OUT, RECEIVED, REVERSED
from domain.leasing.clauses import LateFee
from services import billing_run, contracts, deposits, payments
from services.deposits import DepositRefused
from services.payments import PaymentInput
from store.schema import Bill, DepositMovement, Outbox
from tests.small_leases import lease_spec, open_small, park_id
from views.deposit_text import held_text, reversal_lines
from views.ledgers_text import difference_text

D = Decimal
TENANT = "上海云帆智能科技有限公司"
START, END = date(2026, 3, 1), date(2026, 8, 31)


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "park.leasemap")
    yield workspace
    workspace.close()


def _lease(ws, late_fee: bool = False):
    spec = lease_spec(ws, "ZD-A-0103", "HT-D-1", START, END, signed_on=date(2026, 2, 15),
                      deposit=D("30000.00"),
                      **({"late_fee": LateFee(D("0.0005"))} if late_fee else {}))
    cid = contracts.create_signed(ws, park_id(ws), spec)
    paid = payments.enter_payment(ws, park_id(ws), PaymentInput(
        date(2026, 2, 20), D("30000.00"), TENANT))
    deposits.receive_deposit(ws, cid, D("30000.00"), date(2026, 2, 20), payment_id=paid)
    return cid, paid


def _renew(ws, old):
    spec = lease_spec(ws, "ZD-A-0103", "HT-D-2", date(2026, 9, 1), date(2027, 8, 31),
                      signed_on=date(2026, 8, 1), deposit=D("25080.00"))
    return contracts.renew(ws, old, spec)


def _counts(ws) -> tuple[int, int]:
    with ws.reading() as s:
        return (s.scalar(select(func.count()).select_from(DepositMovement)),
                s.scalar(select(func.count()).select_from(Outbox)))


def _statement(ws, cid):
    with ws.reading() as s:
        return deposits.deposit_statement(s, cid)


def test_a_receipt_s_rehearsal_names_the_payment_given_its_money_back(ws):
    cid, paid = _lease(ws)
    received = _statement(ws, cid).lines[0]
    before = _counts(ws)
    with ws.reading() as s:
        plan = deposits.rehearse_reversal(s, received.id, date(2026, 2, 23))
    assert _counts(ws) == before  # a rehearsal writes nothing
    assert plan.payment_id == paid and plan.bill_id is None
    (side,) = plan.sides
    assert (side.code, side.kind, side.amount, side.holds, side.holds_after) == (
        "HT-D-1", RECEIVED, D("30000.00"), D("30000.00"), D("0.00"))
    assert reversal_lines(plan.reasons, "CNY") == [
        "The deposit of 30,000.00 CNY received on 2026-02-20 is reversed: HT-D-1 holds "
        "0.00 CNY (now 30,000.00 CNY)",
        f"{TENANT}'s payment of 30,000.00 CNY on 2026-02-20 gets 30,000.00 CNY back, to "
        "allocate again"]
    written = deposits.post_reversal(ws, received.id, date(2026, 2, 23), note="录入错误")
    assert written.reasons == plan.reasons and written.sides == plan.sides
    with ws.reading() as s:
        (undo,) = s.scalars(select(DepositMovement).where(DepositMovement.kind == REVERSED))
    assert (undo.id, undo.reverses_id, undo.note) == (written.rows[0]["id"], received.id,
                                                      "录入错误")


def test_an_applied_deposit_s_rehearsal_names_the_bill_opened_again(ws):
    cid, _paid = _lease(ws, late_fee=True)
    billing_run.post_run(ws, park_id(ws), date(2026, 3, 1), date(2026, 3, 31),
                         date(2026, 2, 25))
    contracts.terminate(ws, cid, date(2026, 3, 31))
    deposits.settle_termination(ws, cid, date(2026, 4, 1))
    statement = _statement(ws, cid)
    applied = next(x for x in statement.lines if x.kind == APPLIED
                   and x.amount == D("12540.00"))
    with ws.reading() as s:
        number = s.scalar(select(Bill.number).where(Bill.amount == D("12540.00")))
        plan = deposits.rehearse_reversal(s, applied.id, date(2026, 4, 2))
    assert applied.bill == number and applied.reversible
    assert plan.bill_id is not None and plan.payment_id is None
    assert reversal_lines(plan.reasons, "CNY") == [
        "12,540.00 CNY of HT-D-1's deposit applied on 2026-04-01 is reversed: it holds "
        "12,540.00 CNY (now 0.00 CNY)",
        f"Bill {number} is open again for 12,540.00 CNY"]
    used = sum(x.amount for x in statement.lines if x.kind == APPLIED)
    assert used > D("12540.00")  # March's rent and the final bill's late fees
    assert held_text(statement.held, statement.agreed, statement.moved, "CNY") == (
        f"held 0.00 CNY of 30,000.00 CNY agreed; 30,000.00 CNY received; {used:,} CNY "
        f"applied to bills; {D('30000.00') - used:,} CNY refunded")


@pytest.mark.parametrize("side", [CARRIED_OUT, CARRIED_IN])
def test_a_carry_s_rehearsal_says_both_sides_from_either(ws, side):
    old, _paid = _lease(ws)
    new = _renew(ws, old)
    lines = (*_statement(ws, old).lines, *_statement(ws, new).lines)
    target = next(x for x in lines if x.kind == side)
    with ws.reading() as s:
        plan = deposits.rehearse_reversal(s, target.id, date(2026, 8, 20))
    assert [(x.code, x.kind) for x in plan.sides] == [("HT-D-1", CARRIED_OUT),
                                                      ("HT-D-2", CARRIED_IN)]
    assert reversal_lines(plan.reasons) == [
        "The carry of 25,080.00 from HT-D-1 to HT-D-2 on 2026-09-01 is reversed on both "
        "contracts: HT-D-1 holds 30,000.00 (now 4,920.00), HT-D-2 holds 0.00 (now "
        "25,080.00)"]
    assert plan.payment_id is None and plan.bill_id is None


def test_the_rehearsal_refuses_as_the_reversal_would(ws):
    old, _paid = _lease(ws)
    new = _renew(ws, old)
    received = _statement(ws, old).lines[0]
    with ws.reading() as s, pytest.raises(DepositRefused) as refused:
        deposits.rehearse_reversal(s, received.id, date(2026, 9, 2))
    assert refused.value.code == "deposit-reverse-beyond-held"
    carry = next(x for x in _statement(ws, new).lines if x.kind == CARRIED_IN)
    deposits.reverse_movement(ws, carry.id, date(2026, 8, 20))
    with ws.reading() as s, pytest.raises(DepositRefused) as again:
        deposits.rehearse_reversal(s, carry.id, date(2026, 8, 21))
    assert again.value.code == "deposit-already-reversed"


def test_the_statement_names_what_each_movement_concerns(ws):
    old, _paid = _lease(ws)
    new = _renew(ws, old)
    out = _statement(ws, old)
    assert (out.code, out.agreed, out.held) == ("HT-D-1", D("30000.00"), D("4920.00"))
    assert out.moved == ((RECEIVED, "", D("30000.00")), (CARRIED_OUT, "HT-D-2", D("25080.00")))
    assert [(x.kind, x.counterpart, x.payer, x.note, x.reversible) for x in out.lines] == [
        (RECEIVED, "", TENANT, "", True), (CARRIED_OUT, "HT-D-2", "", "", True)]
    carry = out.lines[1]
    deposits.reverse_movement(ws, carry.id, date(2026, 8, 20), note="续签取消")
    after = _statement(ws, old)
    undo = next(x for x in after.lines if x.kind == REVERSED)
    assert (undo.reverses_id, undo.reverses_kind, undo.counterpart, undo.note) == (
        carry.id, CARRIED_OUT, "HT-D-2", "续签取消")
    again = next(x for x in after.lines if x.id == carry.id)
    assert (again.undone, again.reversible) == (D("25080.00"), False)
    assert after.moved == ((RECEIVED, "", D("30000.00")),) and after.held == D("30000.00")
    into = _statement(ws, new)
    assert into.held == D("0.00") and into.moved == ()


def test_the_held_line_says_the_amount_alone_when_it_is_what_was_agreed():
    assert held_text(D("30000.00"), D("30000.00"), [(RECEIVED, "", D("30000.00"))],
                     "CNY") == "30,000.00 CNY"
    assert held_text(D("0.00"), D("0.00"), []) == "0.00"
    assert held_text(D("20000.00"), D("25080.00"), [(RECEIVED, "", D("20000.00"))]) == (
        "held 20,000.00 of 25,080.00 agreed; 20,000.00 received")


def test_a_carried_amount_is_worded_even_without_the_contract_s_code():
    said = difference_text(SimpleNamespace(code="deposit-amount-differs", params={
        "cause": "deposit-amount-differs", "contract_code": "HT-D-2",
        "received_amount": "30000.00", "carried_amount": "30000.00", "due_amount": "36000.00",
        "difference": "-6000.00"}))
    assert said == ("HT-D-2: 30,000.00 received as its deposit, 30,000.00 of it carried from "
                    "the contract renewed; the contract says 36,000.00 (difference -6,000.00)")


def test_a_reversal_that_loses_the_race_is_refused_in_words(ws):
    """Two clerks rehearse the same reversal; the first writes it. The second's write, made
    from what it read before, is refused by the database and said as reversed already:
    nothing of it is written."""
    cid, _paid = _lease(ws)
    received = _statement(ws, cid).lines[0]
    with ws.reading() as s:
        stale = deposits.rehearse_reversal(s, received.id, date(2026, 2, 23))
    deposits.reverse_movement(ws, received.id, date(2026, 2, 23))
    before = _counts(ws)
    with pytest.raises(DepositRefused) as lost, deposits.reversed_once(ws, received.id), \
            ws.transaction() as s:
        deposits.write_moves(s, stale.rows)
        deposits.insert_allocations(s, list(stale.allocations))
    assert lost.value.code == "deposit-already-reversed"
    assert _counts(ws) == before
