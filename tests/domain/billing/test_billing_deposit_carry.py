"""A renewal's deposit carried to the contract renewing it (押金转入续租合同), reversals of
deposit movements, and the three-ledger check of a carry.

HT-2026-0001 (tenant T1) holds a deposit of 30,000.00 received on 20 February 2026; it
ends on 28 February 2027 and HT-2027-0001 renews it from 1 March 2027, signed on
15 January 2027.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.billing.balances import OpenItem
from domain.billing.deposits import (
    APPLIED,
    CARRIED_IN,
    CARRIED_OUT,
    RECEIVED,
    REFUNDED,
    REVERSED,
    DepositMove,
    carried_out,
    carry_moves,
    held,
    moved,
    plan_carry,
    reversal,
    reversal_problem,
    reverse_carry,
    settle,
    signed_amount,
)
from domain.billing.three_ledgers import (
    Chart,
    ContractFacts,
    DepositEntry,
    FinanceEntry,
    contract_vs_operations,
    deposits_carried_in,
    deposits_received,
    operations_vs_finance,
    vouchers,
)

D = Decimal
OLD, NEW = "11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222"
START = date(2027, 3, 1)  # the renewal's first day: the carry's
RECEIVED_MOVE = DepositMove(RECEIVED, D("30000.00"), date(2026, 2, 20))
cents = st.integers(min_value=0, max_value=10_000_000).map(lambda n: D(n) / 100)


# -- what a renewal carries ----------------------------------------------------------------


def test_a_renewal_asking_more_carries_all_held_and_leaves_a_top_up():
    carry = plan_carry(D("30000.00"), D("36000.00"), START)
    assert (carry.held, carry.asked, carry.carried, carry.top_up, carry.stays) == (
        D("30000.00"), D("36000.00"), D("30000.00"), D("6000.00"), D("0.00"))
    assert [(r.code, r.params) for r in carry.reasons] == [
        ("carried", {"amount": "30000.00", "held": "30000.00", "asked": "36000.00"}),
        ("top-up-due", {"amount": "6000.00"})]


def test_a_renewal_asking_less_carries_what_it_asks_and_the_rest_stays():
    carry = plan_carry(D("30000.00"), D("25080.00"), START)
    assert (carry.carried, carry.top_up, carry.stays) == (D("25080.00"), D("0.00"),
                                                          D("4920.00"))
    assert [r.code for r in carry.reasons] == ["carried", "stays"]
    assert carry.reasons[-1].params == {"amount": "4920.00"}


def test_a_renewal_asking_the_same_carries_it_all_and_nothing_else():
    carry = plan_carry(D("30000.00"), D("30000.00"), START)
    assert (carry.carried, carry.top_up, carry.stays) == (D("30000.00"), D(0), D(0))
    assert [r.code for r in carry.reasons] == ["carried"]


@pytest.mark.parametrize(("have", "asked", "same", "codes", "carried", "top_up", "stays"), [
    ("0.00", "30000.00", True, ["nothing-held"], "0.00", "30000.00", "0.00"),
    ("30000.00", "0.00", True, ["nothing-asked", "stays"], "0.00", "0.00", "30000.00"),
    ("0.00", "0.00", True, [], "0.00", "0.00", "0.00"),
    ("30000.00", "25000.00", False, ["other-tenant", "deposit-due", "stays"], "0.00",
     "25000.00", "30000.00"),
    ("-500.00", "1000.00", True, ["nothing-held"], "0.00", "1000.00", "0.00"),
])
def test_what_is_not_carried_says_why(have, asked, same, codes, carried, top_up, stays):
    carry = plan_carry(D(have), D(asked), START, same_tenant=same)
    assert [r.code for r in carry.reasons] == codes
    assert (carry.carried, carry.top_up, carry.stays) == (D(carried), D(top_up), D(stays))


def test_a_carry_is_two_movements_naming_each_other_s_contract():
    carry = plan_carry(D("30000.00"), D("25080.00"), START)
    out, into = carry_moves(carry, OLD, NEW)
    assert out == DepositMove(CARRIED_OUT, D("25080.00"), START, counterpart=NEW)
    assert into == DepositMove(CARRIED_IN, D("25080.00"), START, counterpart=OLD)
    assert held([RECEIVED_MOVE, out]) == D("4920.00")  # what stays on the old contract
    assert held([into]) == D("25080.00")
    assert carried_out([RECEIVED_MOVE, out]) == D("25080.00")
    with pytest.raises(ValueError, match="carries nothing"):
        carry_moves(plan_carry(D(0), D("100.00"), START), OLD, NEW)


def test_a_settlement_after_a_carry_applies_and_refunds_only_what_stayed():
    """The old contract ends with 3,000.00 owed: what stays (4,920.00) pays it, 1,920.00 is
    refunded; the 25,080.00 carried is neither applied nor refunded."""
    out, _into = carry_moves(plan_carry(D("30000.00"), D("25080.00"), START), OLD, NEW)
    owed = OpenItem(uuid.UUID(int=5), uuid.UUID(int=1), uuid.UUID(OLD), "HT-2026-0001",
                    "rent", date(2027, 2, 1), date(2027, 2, 1), D("3000.00"), D("3000.00"))
    done = settle([owed], D(0), held([RECEIVED_MOVE, out]), None, date(2027, 3, 10))
    assert (done.deposit, done.refund, done.still_owed) == (D("4920.00"), D("1920.00"),
                                                            D("0.00"))
    assert [p.amount for p in done.applied] == [D("3000.00")]


# -- reversals -------------------------------------------------------------------------------


def test_a_receipt_typed_wrong_is_reversed_and_entered_again():
    typo = DepositMove(RECEIVED, D("3000.00"), date(2026, 2, 20))
    undo = reversal(typo, date(2026, 2, 23))
    right = DepositMove(RECEIVED, D("30000.00"), date(2026, 2, 23))
    assert (undo.kind, undo.reverses_kind, undo.amount) == (REVERSED, RECEIVED, D("3000.00"))
    assert held([typo, undo]) == D(0) and held([typo, undo, right]) == D("30000.00")
    assert reversal(typo, date(2026, 2, 23), undone=D("1000.00")).amount == D("2000.00")
    with pytest.raises(ValueError, match="reversed already"):
        reversal(typo, date(2026, 2, 23), undone=D("3000.00"))
    with pytest.raises(ValueError, match="not reversed"):
        reversal(undo, date(2026, 2, 24))


def test_each_kind_reversed_counts_against_what_it_did():
    on = date(2026, 5, 1)
    for kind, sign in ((RECEIVED, -1), (CARRIED_IN, -1), (APPLIED, 1), (REFUNDED, 1),
                       (CARRIED_OUT, 1)):
        move = DepositMove(kind, D("10.00"), on)
        assert signed_amount(reversal(move, on)) == sign * D("10.00") == -signed_amount(move)
    assert signed_amount(DepositMove("forfeited", D("10.00"), on)) == 0  # not known: nothing


def test_a_carry_is_reversed_on_both_sides_together():
    carry = plan_carry(D("30000.00"), D("36000.00"), START)
    out, into = carry_moves(carry, OLD, NEW)
    back_out, back_in = reverse_carry(out, into, date(2027, 3, 5))
    assert (back_out.reverses_kind, back_in.reverses_kind) == (CARRIED_OUT, CARRIED_IN)
    assert (back_out.counterpart, back_in.counterpart) == (NEW, OLD)
    assert held([RECEIVED_MOVE, out, back_out]) == D("30000.00")  # the old holds it again
    assert held([into, back_in]) == D(0)
    assert carried_out([RECEIVED_MOVE, out, back_out]) == D(0)
    with pytest.raises(ValueError, match="not the two sides"):
        reverse_carry(out, replace(into, amount=D("1.00")), date(2027, 3, 5))
    with pytest.raises(ValueError, match="not the two sides"):
        reverse_carry(into, out, date(2027, 3, 5))


def test_a_reversal_that_would_hold_less_than_nothing_is_refused():
    """The deposit was applied to arrears since: its receipt cannot be reversed first."""
    applied = DepositMove(APPLIED, D("12000.00"), date(2026, 6, 1))
    moves = [RECEIVED_MOVE, applied]
    assert reversal_problem(moves, [reversal(RECEIVED_MOVE, date(2026, 6, 2))]) == (
        "deposit-reverse-beyond-held", {"holds": "18000.00", "amount": "30000.00"})
    # Reversing the application first gives the money back; then the receipt can go.
    first = reversal(applied, date(2026, 6, 2))
    assert reversal_problem(moves, [first]) is None
    assert reversal_problem([*moves, first], [reversal(RECEIVED_MOVE, date(2026, 6, 2))]) \
        is None


@settings(max_examples=300, deadline=None)
@given(have=cents, asked=cents, same=st.booleans())
def test_a_carry_moves_money_between_the_contracts_never_makes_or_loses_it(have, asked, same):
    carry = plan_carry(have, asked, START, same_tenant=same)
    assert carry.carried == (min(have, asked) if same else D(0))
    assert carry.carried + carry.top_up == asked and carry.carried + carry.stays == have
    assert min(carry.carried, carry.top_up, carry.stays) >= 0
    if carry.carried == 0:
        return
    old = [DepositMove(RECEIVED, have, date(2026, 2, 20))] if have else []
    out, into = carry_moves(carry, OLD, NEW)
    assert held([*old, out]) == carry.stays and held([into]) == carry.carried
    assert held([*old, out]) + held([into]) == have  # one tenant's money, moved
    back_out, back_in = reverse_carry(out, into, START + timedelta(days=3))
    assert held([*old, out, back_out]) == have and held([into, back_in]) == 0


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([RECEIVED, APPLIED, REFUNDED, CARRIED_IN,
                                           CARRIED_OUT]), cents, st.booleans()),
                max_size=12))
def test_held_is_what_came_in_less_what_went_out_reversals_undoing_their_kind(rows):
    moves, expected = [], D(0)
    for kind, amount, undo in rows:
        move = DepositMove(kind, amount, START)
        moves.append(move)
        inward = kind in (RECEIVED, CARRIED_IN)
        expected += amount if inward else -amount
        if undo and amount:
            moves.append(reversal(move, START))
            expected -= amount if inward else -amount
    assert held(moves) == expected


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([RECEIVED, APPLIED, REFUNDED, CARRIED_IN,
                                           CARRIED_OUT]), cents, st.sampled_from([OLD, NEW]),
                          st.booleans()), max_size=12))
def test_what_each_kind_moved_adds_up_to_what_is_held(rows):
    """The deposit's held line lists ``moved``: its parts, in minus out, are what is held,
    a reversal taken off the kind it undoes (and the carry's other contract it names)."""
    moves = []
    for kind, amount, other, undo in rows:
        move = DepositMove(kind, amount, START, counterpart=other)
        moves.append(move)
        if undo and amount:
            moves.append(reversal(move, START))
    parts = moved(moves)
    assert all(amount > 0 for amount in parts.values())
    assert sum((amount if kind in (RECEIVED, CARRIED_IN) else -amount
                for (kind, _other), amount in parts.items()), D(0)) == held(moves)
    assert all(other == "" for kind, other in parts if kind not in (CARRIED_IN, CARRIED_OUT))


# -- the three-ledger check of a carry -------------------------------------------------------

T1, T2 = uuid.UUID(int=1), uuid.UUID(int=2)
C_OLD, C_NEW = uuid.UUID(OLD), uuid.UUID(NEW)
OLD_FACTS = ContractFacts(C_OLD, "HT-2026-0001", T1, date(2026, 3, 1), date(2027, 2, 28),
                          deposit=D("30000.00"), signed_on=date(2026, 2, 15))
NEW_FACTS = ContractFacts(C_NEW, "HT-2027-0001", T1, START, date(2029, 2, 28),
                          deposit=D("36000.00"), signed_on=date(2027, 1, 15))
RECEIPT = DepositEntry(uuid.UUID(int=801), C_OLD, T1, RECEIVED, date(2026, 2, 20),
                       D("30000.00"))
OUT = DepositEntry(uuid.UUID(int=802), C_OLD, T1, CARRIED_OUT, START, D("30000.00"),
                   counterpart=C_NEW)
IN = DepositEntry(uuid.UUID(int=803), C_NEW, T1, CARRIED_IN, START, D("30000.00"),
                  counterpart=C_OLD)
TOP_UP = DepositEntry(uuid.UUID(int=804), C_NEW, T1, RECEIVED, date(2027, 1, 20),
                      D("6000.00"))


def _deposit_codes(on: date, moves) -> list[tuple[str, str, str]]:
    return [(d.params["contract_code"], d.code, d.params["received_amount"])
            for d in contract_vs_operations(on, [OLD_FACTS, NEW_FACTS], [], [],
                                            deposits=moves)]


def test_a_carry_counts_as_the_renewal_s_deposit_received():
    assert deposits_received([RECEIPT, OUT, IN, TOP_UP], date(2027, 3, 31)) == {
        C_OLD: D("30000.00"), C_NEW: D("36000.00")}  # carrying on is not less received
    assert _deposit_codes(date(2027, 3, 31), [RECEIPT, OUT, IN, TOP_UP]) == []


def test_a_carry_arranged_for_the_renewal_s_first_day_holds_its_deposit_from_signing():
    """Between the renewal's signing (its deposit due) and its first day, the carry is
    arranged, not yet dated: the deposit is not missing, only the top-up is."""
    between = date(2027, 2, 1)
    assert deposits_carried_in([RECEIPT, OUT, IN], after=between) == {C_NEW: D("30000.00")}
    (short,) = contract_vs_operations(between, [OLD_FACTS, NEW_FACTS], [], [],
                                      deposits=[RECEIPT, OUT, IN])
    assert (short.code, short.params["contract_code"], short.params["received_amount"],
            short.params["carried_amount"], short.params["difference"]) == (
        "deposit-amount-differs", "HT-2027-0001", "30000.00", "30000.00", "-6000.00")
    assert _deposit_codes(between, [RECEIPT, OUT, IN, TOP_UP]) == []
    # Before the renewal is signed nothing of it is due, carry or not.
    assert _deposit_codes(date(2027, 1, 10), [RECEIPT, OUT, IN]) == []


def test_a_reversed_carry_leaves_the_renewal_s_deposit_not_received():
    undo_in = replace(IN, movement_id=uuid.UUID(int=805), amount=D("-30000.00"),
                      on=date(2027, 3, 5))
    undo_out = replace(OUT, movement_id=uuid.UUID(int=806), amount=D("-30000.00"),
                       on=date(2027, 3, 5))
    assert _deposit_codes(date(2027, 3, 31), [RECEIPT, OUT, IN, undo_in, undo_out]) == [
        ("HT-2027-0001", "deposit-not-received", "0.00")]


def test_a_carry_books_no_voucher_and_the_books_lack_nothing_of_it():
    """The books keep 其他应付款-押金 by customer: one tenant's deposit moved between two of
    its contracts moves no balance, so there is no voucher, and nothing of ours waits for
    the books; the receipt's voucher is still there and paired."""
    moves = [RECEIPT, OUT, IN]
    lines = vouchers([], [], [], Chart(), deposits=moves)
    assert {line.reference for line in lines} == {f"LM-D-{RECEIPT.movement_id.hex}"}
    books = [FinanceEntry(f"e{n}", line.on, line.account, line.debit - line.credit, T1,
                          reference=line.reference) for n, line in enumerate(lines)]
    assert operations_vs_finance([], [], [], books, deposits=moves).differences == ()
    # A books' entry moving the deposit between the contracts is not ours: named.
    stray = FinanceEntry("x", START, "2241", D("-30000.00"), T1, reference="押金转入续租")
    (found,) = operations_vs_finance([], [], [], [*books, stray],
                                     deposits=moves).differences
    assert found.code == "deposit-not-ours"
