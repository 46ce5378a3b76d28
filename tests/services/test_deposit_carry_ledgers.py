"""A renewal's deposit carried to the contract renewing it, and deposit movements reversed,
on a real workspace: ``services.contracts.renew`` carries in its own transaction, the
settlement of the contract renewed refunds only what stayed, the three-ledger check
lists no false difference for a carried deposit and its vouchers and the books agree;
a carry, a receipt typed wrong and a deposit applied in error are reversed with what
they did to payments and bills.

The small park's tenant leases ZD-A-0103 (HT-D-1, 1 March to 31 August 2026, 12,540.00 a
month, a deposit of 30,000.00 received on 20 February). HT-D-2 renews it from 1 September,
signed on 1 August, asking 25,080.00 (4,920.00 stays on HT-D-1) or 36,000.00 (a top-up of
6,000.00 due).
"""

from __future__ import annotations

import csv
import dataclasses
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from domain.billing.deposits import CARRIED_IN, CARRIED_OUT, RECEIVED, REVERSED
from domain.billing.three_ledgers import EntryKind, reference
from domain.leasing.clauses import LateFee
from services import billing_run, contracts, deposits, payments, receivables, three_ledgers
from services.contracts import ContractRefused
from services.deposits import DepositRefused, move_payload
from services.payments import PaymentInput
from store.schema import Allocation, Contract, DepositMovement, Outbox, Tenant
from store.workspace import Workspace
from tests.small_leases import lease_spec, open_small, park_id
from views.deposit_text import carry_text
from views.ledgers_text import difference_text
from views.message_text import message_text

D = Decimal
SIGNED, START, END = date(2026, 2, 15), date(2026, 3, 1), date(2026, 8, 31)
RENEWAL_SIGNED, RENEWAL_START = date(2026, 8, 1), date(2026, 9, 1)
TENANT = "上海云帆智能科技有限公司"


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "park.leasemap")
    yield workspace
    workspace.close()


def _lease(ws: Workspace, *, from_payment: bool = False, late_fee: bool = False):
    spec = lease_spec(ws, "ZD-A-0103", "HT-D-1", START, END, signed_on=SIGNED,
                      deposit=D("30000.00"),
                      **({"late_fee": LateFee(D("0.0005"))} if late_fee else {}))
    cid = contracts.create_signed(ws, park_id(ws), spec)
    paid = None
    if from_payment:
        paid = payments.enter_payment(ws, park_id(ws), PaymentInput(
            date(2026, 2, 20), D("30000.00"), TENANT))
    deposits.receive_deposit(ws, cid, D("30000.00"), date(2026, 2, 20), payment_id=paid)
    return cid, paid


def _renew(ws: Workspace, old, deposit: str, *, tenant=None, code: str = "HT-D-2"):
    spec = lease_spec(ws, "ZD-A-0103", code, RENEWAL_START, date(2027, 8, 31),
                      signed_on=RENEWAL_SIGNED, deposit=D(deposit))
    if tenant is not None:
        spec = dataclasses.replace(spec, tenant_id=str(tenant))
    return contracts.renew(ws, old, spec)


def _moves(ws: Workspace, contract_id) -> list[DepositMovement]:
    with ws.reading() as s:
        return list(s.scalars(select(DepositMovement).where(
            DepositMovement.contract_id == contract_id).order_by(DepositMovement.on,
                                                                 DepositMovement.id)))


def _row(move: DepositMovement) -> dict:
    return {name: getattr(move, name) for name in (
        "id", "contract_id", "kind", "amount", "on", "payment_id", "bill_id", "reverses_id",
        "note", "counterpart_id")}


def _held(ws: Workspace, contract_id) -> Decimal:
    with ws.reading() as s:
        return deposits.deposit_held(s, contract_id)


def _deposit_differences(ws: Workspace, on: date) -> list[tuple[str, str, str]]:
    """The contract ledger's deposit against ours (the books have nothing imported here)."""
    with ws.reading() as s:
        found = three_ledgers.check(s, park_id(ws), on).differences
    return [(d.params["contract_code"], d.code, d.params["received_amount"])
            for d in found if d.params["cause"].startswith("deposit")
            and d.params["ledgers"] == "contract/operations"]


# -- the carry -------------------------------------------------------------------------------


def test_a_renewal_carries_the_deposit_in_its_own_transaction(ws):
    old, _ = _lease(ws)
    new = _renew(ws, old, "25080.00")
    (received, out) = _moves(ws, old)
    (into,) = _moves(ws, new)
    assert received.kind == RECEIVED
    assert (out.kind, out.amount, out.on, out.counterpart_id) == (
        CARRIED_OUT, D("25080.00"), RENEWAL_START, new)
    assert (into.kind, into.amount, into.on, into.counterpart_id) == (
        CARRIED_IN, D("25080.00"), RENEWAL_START, old)
    # the note names the other contract too, for a replica still on 0010
    assert (out.note, into.note) == (str(new), str(old))
    assert received.counterpart_id is None
    assert out.payment_id is None and into.payment_id is None  # no bank movement
    assert (_held(ws, old), _held(ws, new)) == (D("4920.00"), D("25080.00"))
    with ws.reading() as s:
        ops = {op.entity_id: (op.kind, op.payload) for op in s.scalars(
            select(Outbox).where(Outbox.kind.in_(("post_deposit", "renew_contract"))))}
    assert ops[out.id] == ("post_deposit", move_payload(_row(out)))
    assert ops[into.id] == ("post_deposit", move_payload(_row(into)))
    assert ops[old][0] == "renew_contract"
    assert ops[out.id][1]["reverses"] is None and ops[out.id][1]["counterpart"] == str(new)
    assert ops[into.id][1]["counterpart"] == str(old)


def test_a_renewal_refused_carries_nothing(ws):
    old, _ = _lease(ws)
    spec = lease_spec(ws, "ZD-A-0103", "HT-D-2", RENEWAL_START + timedelta(days=1),
                      date(2027, 8, 31), signed_on=RENEWAL_SIGNED, deposit=D("25080.00"))
    with pytest.raises(ContractRefused):
        contracts.renew(ws, old, spec)
    assert [m.kind for m in _moves(ws, old)] == [RECEIVED] and _held(ws, old) == D("30000.00")


def test_a_renewal_by_another_tenant_carries_nothing_and_says_so(ws):
    old, _ = _lease(ws)
    with ws.transaction() as s:
        other = Tenant(park_id=park_id(ws), code="T-9", name="苏州河运物流有限公司")
        s.add(other)
        s.flush()
        other_id = other.id
    with ws.reading() as s:
        plan = deposits.rehearse_carry(s, old, D("25080.00"), RENEWAL_START, "HT-D-2",
                                       tenant_id=other_id)
    assert [r.code for r in plan.carry.reasons] == ["other-tenant", "deposit-due", "stays"]
    new = _renew(ws, old, "25080.00", tenant=other_id)
    assert _moves(ws, new) == [] and _held(ws, old) == D("30000.00")


def test_the_rehearsal_says_what_renewing_will_carry(ws):
    old, _ = _lease(ws)
    with ws.reading() as s:
        more = deposits.rehearse_carry(s, old, D("36000.00"), RENEWAL_START, "HT-D-2")
        less = deposits.rehearse_carry(s, old, D("25080.00"), RENEWAL_START, "HT-D-2")
    assert (more.old_code, more.carry.carried, more.carry.top_up) == (
        "HT-D-1", D("30000.00"), D("6000.00"))
    assert carry_text(more.carry, "HT-D-1", "HT-D-2", "CNY") == (
        "Deposit 30,000.00 CNY carried to HT-D-2; top-up 6,000.00 CNY due")
    assert carry_text(less.carry, "HT-D-1", "HT-D-2", "CNY") == (
        "Deposit 25,080.00 CNY carried to HT-D-2; 4,920.00 CNY stays on HT-D-1 for its "
        "settlement")
    assert _moves(ws, old)[-1].kind == RECEIVED  # rehearsing wrote nothing
    new = _renew(ws, old, "25080.00")
    with ws.reading() as s:
        after = deposits.rehearse_carry(s, old, D("25080.00"), RENEWAL_START)
    assert after.carry.held == D("4920.00") == _held(ws, old) and new


def test_the_contract_renewed_settles_only_what_stayed(ws):
    """HT-D-1 owes August (12,540.00) when it expires: what stayed (4,920.00) pays part of
    it; the 25,080.00 carried to HT-D-2 is neither applied nor refunded."""
    old, _ = _lease(ws)
    billing_run.post_run(ws, park_id(ws), date(2026, 8, 1), date(2026, 8, 31),
                         date(2026, 7, 25))
    new = _renew(ws, old, "25080.00")
    with ws.reading() as s:
        plan = deposits.rehearse_settlement(s, old, date(2026, 9, 10))
    assert plan.carried == D("25080.00")
    assert (plan.settlement.deposit, plan.settlement.refund) == (D("4920.00"), D("0.00"))
    assert plan.settlement.still_owed == D("12540.00") - D("4920.00")
    deposits.settle_termination(ws, old, date(2026, 9, 10))
    assert (_held(ws, old), _held(ws, new)) == (D("0.00"), D("25080.00"))
    kinds = [m.kind for m in _moves(ws, old)]
    assert kinds == [RECEIVED, CARRIED_OUT, "applied"]  # nothing refunded


def test_with_nothing_owed_what_stayed_is_refunded_and_the_carry_is_not(ws):
    old, _ = _lease(ws)
    new = _renew(ws, old, "25080.00")
    plan = deposits.settle_termination(ws, old, date(2026, 9, 10))
    assert (plan.settlement.refund, plan.carried) == (D("4920.00"), D("25080.00"))
    assert [(m.kind, m.amount) for m in _moves(ws, old)][-1] == ("refunded", D("4920.00"))
    assert _held(ws, new) == D("25080.00")


# -- the three-ledger check ------------------------------------------------------------------


def test_a_carried_deposit_is_no_false_difference_only_the_top_up_is(ws):
    """Between the renewal's signing and its first day the carry is arranged: HT-D-2's
    deposit is not "not received"; only the top-up is missing until it comes."""
    old, _ = _lease(ws)
    new = _renew(ws, old, "36000.00")
    between = date(2026, 8, 15)
    assert _deposit_differences(ws, between) == [
        ("HT-D-2", "deposit-amount-differs", "30000.00")]
    with ws.reading() as s:
        (short,) = [d for d in three_ledgers.check(s, park_id(ws), between).differences
                    if d.code == "deposit-amount-differs"]
    assert (short.params["carried_amount"], short.params["difference"]) == (
        "30000.00", "-6000.00")
    assert (short.params["carried_from"], short.params["carried_from_code"]) == (
        str(old), "HT-D-1")
    assert difference_text(short) == (
        "HT-D-2: 30,000.00 received as its deposit, 30,000.00 of it carried from HT-D-1; the "
        "contract says 36,000.00 (difference -6,000.00)")
    deposits.receive_deposit(ws, new, D("6000.00"), date(2026, 8, 10))
    assert _deposit_differences(ws, between) == []
    assert _deposit_differences(ws, date(2026, 9, 15)) == []  # the carry dated: the same


def test_a_carry_books_no_voucher_and_the_books_back_agree(ws, tmp_path):
    """The books keep 其他应付款-押金 by customer (往来单位 is the tenant): a carry between
    two of one tenant's contracts moves no balance and books nothing. What the tenant's
    deposit account holds in the books is what its contracts hold."""
    old, _ = _lease(ws)
    new = _renew(ws, old, "25080.00")
    deposits.settle_termination(ws, old, date(2026, 9, 10))
    with ws.reading() as s:
        done = three_ledgers.export_vouchers(s, park_id(ws), date(2026, 1, 1),
                                             date(2026, 9, 30), tmp_path / "v.csv")
    with done.path.open(encoding="utf-8-sig", newline="") as file:
        _header, *rows = list(csv.reader(file))
    carries = {reference(EntryKind.DEPOSIT, m.id) for m in
               (*_moves(ws, old), *_moves(ws, new)) if m.kind in (CARRIED_IN, CARRIED_OUT)}
    assert len(carries) == 2 and not carries & {r[7] for r in rows}
    by_voucher: dict[str, Decimal] = defaultdict(Decimal)
    for number, _on, _account, _summary, debit, credit, _party, _ref in rows:
        by_voucher[number] += D(debit or 0) - D(credit or 0)
    assert set(by_voucher.values()) == {D(0)}
    deposit_lines = [r for r in rows if r[2] == "2241"]
    assert {r[6] for r in deposit_lines} == {TENANT}  # by customer, never by contract
    books_held = -sum((D(r[4] or 0) - D(r[5] or 0) for r in deposit_lines), D(0))
    assert books_held == _held(ws, old) + _held(ws, new) == D("25080.00")
    three_ledgers.import_finance_entries(ws, park_id(ws), done.path)
    with ws.reading() as s:
        check = three_ledgers.check(s, park_id(ws), date(2026, 9, 30))
    assert check.left_out == {}
    assert not [d for d in check.differences if d.params["cause"].startswith("deposit")]


# -- reversals -------------------------------------------------------------------------------


@pytest.mark.parametrize("side", [CARRIED_OUT, CARRIED_IN])
def test_a_carry_is_reversed_on_both_sides_from_either(ws, side):
    """The renewal called off on 20 August, before its first day: the carry arranged for
    1 September is undone on both contracts."""
    old, _ = _lease(ws)
    new = _renew(ws, old, "25080.00")
    (target,) = [m for m in (*_moves(ws, old), *_moves(ws, new)) if m.kind == side]
    made = deposits.reverse_movement(ws, target.id, date(2026, 8, 20), note="续签取消")
    assert len(made) == 2
    (undo_old,) = [m for m in _moves(ws, old) if m.kind == REVERSED]
    (undo_new,) = [m for m in _moves(ws, new) if m.kind == REVERSED]
    assert {undo_old.id, undo_new.id} == set(made)
    assert (undo_old.amount, undo_old.on, undo_old.note) == (D("25080.00"),
                                                             date(2026, 8, 20), "续签取消")
    carried = {m.id for m in (*_moves(ws, old), *_moves(ws, new))
               if m.kind in (CARRIED_OUT, CARRIED_IN)}
    assert {undo_old.reverses_id, undo_new.reverses_id} == carried
    assert (_held(ws, old), _held(ws, new)) == (D("30000.00"), D("0.00"))
    assert ("HT-D-2", "deposit-not-received", "0.00") in _deposit_differences(
        ws, date(2026, 9, 15))
    with pytest.raises(DepositRefused) as again:
        deposits.reverse_movement(ws, target.id, date(2026, 9, 4))
    assert again.value.code == "deposit-already-reversed"
    assert message_text(again.value) == (
        f"The movement of 25,080.00 on {RENEWAL_START} is reversed already")
    with pytest.raises(DepositRefused) as of_a_reversal:
        deposits.reverse_movement(ws, undo_old.id, date(2026, 9, 4))
    assert of_a_reversal.value.code == "deposit-reversal-not-reversed"
    assert message_text(of_a_reversal.value) == (
        "The movement of 25,080.00 on 2026-08-20 is itself a reversal: it is not reversed; "
        "enter the movement again")


def test_a_carry_refunded_on_since_is_not_reversed(ws):
    old, _ = _lease(ws)
    new = _renew(ws, old, "25080.00")
    deposits.refund_deposit(ws, new, D("20000.00"), date(2026, 9, 2))
    out = _moves(ws, old)[1]
    with pytest.raises(DepositRefused) as refused:
        deposits.reverse_movement(ws, out.id, date(2026, 9, 3))
    assert (refused.value.code, refused.value.params["holds"],
            refused.value.params["amount"]) == ("deposit-reverse-beyond-held", "5080.00",
                                                "25080.00")
    assert message_text(refused.value) == (
        "HT-D-2's deposit holds 5,080.00: reversing 25,080.00 would leave less than nothing")
    assert len(_moves(ws, old)) == 2 and len(_moves(ws, new)) == 2  # nothing written


def test_a_receipt_out_of_a_payment_typed_wrong_is_reversed_and_entered_again(ws, tmp_path):
    """3,000.00 typed for 30,000.00: the payment holds 27,000.00 for the queue. Reversed on
    23 February, the payment holds all of it again, and the right amount is entered."""
    spec = lease_spec(ws, "ZD-A-0103", "HT-D-1", START, END, signed_on=SIGNED,
                      deposit=D("30000.00"))
    cid = contracts.create_signed(ws, park_id(ws), spec)
    paid = payments.enter_payment(ws, park_id(ws), PaymentInput(
        date(2026, 2, 20), D("30000.00"), TENANT))
    typo = deposits.receive_deposit(ws, cid, D("3000.00"), date(2026, 2, 20), payment_id=paid)

    def holds() -> Decimal:
        with ws.reading() as s:
            return receivables.unallocated_by_payment(
                receivables.read_ledger(s, park_id(ws)))[paid]

    assert holds() == D("27000.00")
    with pytest.raises(DepositRefused) as early:
        deposits.reverse_movement(ws, typo, date(2026, 2, 19))
    assert early.value.code == "deposit-reverse-before"
    (undo,) = deposits.reverse_movement(ws, typo, date(2026, 2, 23), note="录入错误")
    assert holds() == D("30000.00")
    with ws.reading() as s:
        back = s.scalar(select(Allocation).where(Allocation.kind == "reverse"))
        row = s.get(DepositMovement, undo)
    assert (back.source_id, back.bill_id, back.amount, back.on) == (
        paid, None, D("-3000.00"), date(2026, 2, 23))
    assert (row.payment_id, row.reverses_id, row.amount) == (paid, typo, D("3000.00"))
    deposits.receive_deposit(ws, cid, D("30000.00"), date(2026, 2, 23), payment_id=paid)
    assert holds() == D("0.00") and _held(ws, cid) == D("30000.00")
    with ws.reading() as s:
        problems = receivables.read_ledger(s, park_id(ws))
    from domain.billing.balances import ledger_problems

    assert ledger_problems(problems.payments, problems.bills, problems.allocations) == []
    # The books take the typo, its red reversal and the right receipt, and agree.
    with ws.reading() as s:
        done = three_ledgers.export_vouchers(s, park_id(ws), date(2026, 1, 1),
                                             date(2026, 2, 28), tmp_path / "v.csv")
    with done.path.open(encoding="utf-8-sig", newline="") as file:
        _header, *rows = list(csv.reader(file))
    on_deposit = sorted((r[1], r[4], r[5]) for r in rows if r[2] == "2241")
    assert on_deposit == [("2026-02-20", "", "3000.00"), ("2026-02-23", "", "-3000.00"),
                          ("2026-02-23", "", "30000.00")]
    three_ledgers.import_finance_entries(ws, park_id(ws), done.path)
    with ws.reading() as s:
        check = three_ledgers.check(s, park_id(ws), date(2026, 2, 28))
    assert not [d for d in check.differences if d.params["cause"].startswith("deposit")
                or d.params["cause"] in ("receipt-not-in-books", "entry-not-ours")]


def test_a_deposit_applied_in_error_is_reversed_and_the_bill_is_open_again(ws):
    old, _ = _lease(ws, late_fee=True)
    billing_run.post_run(ws, park_id(ws), date(2026, 3, 1), date(2026, 3, 31),
                         date(2026, 2, 25))
    contracts.terminate(ws, old, date(2026, 3, 31))
    deposits.settle_termination(ws, old, date(2026, 4, 1))
    applied = [m for m in _moves(ws, old) if m.kind == "applied"]
    march = next(m for m in applied if m.amount == D("12540.00"))
    with ws.reading() as s:
        before = {i.bill_id: i.amount for i in receivables.read_ledger(
            s, park_id(ws)).open_items() if i.contract_id == old}
    assert march.bill_id not in before
    # The receipt cannot be reversed while what it brought in has left.
    received = _moves(ws, old)[0]
    with pytest.raises(DepositRefused) as refused:
        deposits.reverse_movement(ws, received.id, date(2026, 4, 2))
    assert refused.value.code == "deposit-reverse-beyond-held"
    deposits.reverse_movement(ws, march.id, date(2026, 4, 2))
    with ws.reading() as s:
        after = {i.bill_id: i.amount for i in receivables.read_ledger(
            s, park_id(ws)).open_items() if i.contract_id == old}
        undone = s.scalar(select(Allocation).where(Allocation.kind == "reverse"))
    assert after[march.bill_id] == D("12540.00")
    assert (undone.source_kind, undone.source_id, undone.amount) == (
        "deposit", march.id, D("-12540.00"))
    assert _held(ws, old) == D("12540.00")


def test_reversing_writes_nothing_when_refused(ws):
    old, _ = _lease(ws)
    with ws.reading() as s:
        count = s.scalar(select(func.count()).select_from(DepositMovement))
        ops = s.scalar(select(func.count()).select_from(Outbox))
    with pytest.raises(DepositRefused):
        deposits.reverse_movement(ws, _moves(ws, old)[0].id, date(2026, 2, 1))
    with ws.reading() as s:
        assert s.scalar(select(func.count()).select_from(DepositMovement)) == count
        assert s.scalar(select(func.count()).select_from(Outbox)) == ops
        assert s.scalar(select(Contract.code).where(Contract.id == old)) == "HT-D-1"


def test_each_new_refusal_has_words():
    from views.message_text import MESSAGES

    for code in ("no-deposit-movement", "deposit-reverse-before", "deposit-already-reversed",
                 "deposit-reverse-beyond-held", "deposit-carry-unpaired",
                 "deposit-allocation-missing", "deposit-reversal-not-reversed"):
        assert code in MESSAGES and MESSAGES[code]()

