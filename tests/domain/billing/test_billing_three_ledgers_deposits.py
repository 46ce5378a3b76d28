"""Deposits in the three-ledger check (三账对齐): their vouchers, the contract's deposit
against what was received, and the books' 其他应付款-押金 against our movements.

HT-2026-0001 (tenant T1) says a deposit of 30,000.00, due on signing (20 December 2025).
It is received into the bank on 22 December; 12,540.00 of it pays March's rent on 5 April
when the lease ends, the rest (17,460.00) is refunded on 10 April.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.billing.three_ledgers import (
    Chart,
    ContractFacts,
    DepositEntry,
    DueLine,
    EntryKind,
    FinanceEntry,
    LetUnit,
    OpsBill,
    Receipt,
    VoucherLine,
    contract_vs_operations,
    deposits_received,
    operations_vs_finance,
    reconcile,
    reference,
    references_in,
    vouchers,
)
from tests.three_ledger_books import books, rows

D = Decimal
T1, T2 = uuid.UUID(int=1), uuid.UUID(int=2)
C1, C2 = uuid.UUID(int=11), uuid.UUID(int=12)
ON = date(2026, 4, 15)
SIGNED = date(2025, 12, 20)
CONTRACT = ContractFacts(C1, "HT-2026-0001", T1, date(2026, 1, 1), date(2026, 12, 31),
                         (LetUnit(uuid.UUID(int=21), D("100.00"), "A-101"),),
                         deposit=D("30000.00"), signed_on=SIGNED)
RENT = OpsBill(uuid.UUID(int=501), C1, T1, "rent", date(2026, 3, 1), date(2026, 3, 31),
               date(2026, 3, 1), date(2026, 2, 20), D("12540.00"))
RECEIVED = DepositEntry(uuid.UUID(int=801), C1, T1, "received", date(2025, 12, 22),
                        D("30000.00"))
APPLIED = DepositEntry(uuid.UUID(int=802), C1, T1, "applied", date(2026, 4, 5),
                       D("12540.00"), bill_id=RENT.bill_id)
REFUNDED = DepositEntry(uuid.UUID(int=803), C1, T1, "refunded", date(2026, 4, 10),
                        D("17460.00"))
MOVES = [RECEIVED, APPLIED, REFUNDED]
CHART = Chart()
MARCH = DueLine(C1, RENT.period_start, RENT.period_end, RENT.due_on, "rent", RENT.amount)


def codes(differences: list | tuple) -> list[str]:
    return [d.code for d in differences]


def exported(moves: list[DepositEntry] = MOVES) -> list[VoucherLine]:
    return vouchers([RENT], [], [], Chart(), deposits=moves)


def check(entries: list[FinanceEntry], moves: list[DepositEntry] = MOVES,
          chart: Chart = CHART):
    return operations_vs_finance([RENT], [], [], entries, chart, deposits=moves)


# --- vouchers -------------------------------------------------------------------------------


def test_received_applied_and_refunded_book_the_deposit_account_and_balance() -> None:
    # By date: December's deposit, February's rent bill, April's application and refund.
    assert rows(exported()) == [
        ("LM-D", "1002", "30000.00", "0.00"), ("LM-D", "2241", "0.00", "30000.00"),
        ("LM-B", "1122", "12540.00", "0.00"), ("LM-B", "6001", "0.00", "11504.59"),
        ("LM-B", "2221", "0.00", "1035.41"),
        ("LM-D", "2241", "12540.00", "0.00"), ("LM-D", "1122", "0.00", "12540.00"),
        ("LM-D", "2241", "17460.00", "0.00"), ("LM-D", "1002", "0.00", "17460.00")]
    applied = next(ln for ln in exported() if ln.reference == reference(EntryKind.DEPOSIT,
                                                                        APPLIED.movement_id))
    assert applied.related == reference(EntryKind.BILL, RENT.bill_id)
    assert references_in(applied.reference) == [(EntryKind.DEPOSIT, APPLIED.movement_id)]


def test_a_deposit_out_of_a_payment_moves_it_from_the_clearing_account() -> None:
    paid = Receipt(uuid.UUID(int=601), T1, date(2025, 12, 22), D("42540.00"))
    held = replace(RECEIVED, payment_id=paid.payment_id)
    lines = vouchers([], [paid], [], Chart(), deposits=[held])
    assert rows(lines) == [
        ("LM-P", "1002", "42540.00", "0.00"), ("LM-P", "2203", "0.00", "42540.00"),
        ("LM-D", "2203", "30000.00", "0.00"), ("LM-D", "2241", "0.00", "30000.00")]
    assert lines[-1].related == reference(EntryKind.RECEIPT, paid.payment_id)


def test_a_reversal_is_booked_in_red_and_another_kind_is_refused() -> None:
    undone = DepositEntry(uuid.UUID(int=804), C1, T1, "refunded", date(2026, 4, 11),
                          D("-17460.00"))
    assert rows(vouchers([], [], [], Chart(), deposits=[undone])) == [
        ("LM-D", "2241", "-17460.00", "0.00"), ("LM-D", "1002", "0.00", "-17460.00")]
    with pytest.raises(ValueError, match="forfeited"):
        vouchers([], [], [], Chart(), deposits=[replace(RECEIVED, kind="forfeited")])
    assert vouchers([], [], [], Chart(), deposits=[replace(RECEIVED, amount=D("0.00"))]) == []


# --- contract ↔ operations ------------------------------------------------------------------


def deposit_differences(moves: list[DepositEntry], contract: ContractFacts = CONTRACT,
                        on: date = ON, since: date | None = None):
    return contract_vs_operations(on, [contract], [], [], deposits=moves,
                                  deposits_since=since)


def test_the_deposit_received_is_the_contracts() -> None:
    assert deposit_differences(MOVES) == []
    # Applied and refunded, it was still received; a received reversed is not.
    assert deposits_received(MOVES, ON) == {C1: D("30000.00")}


def test_a_deposit_not_received() -> None:
    (found,) = deposit_differences([])
    assert found.code == "deposit-not-received"
    assert {k: found.params[k] for k in ("ledgers", "contract_code", "units", "due_on",
                                         "due_amount", "received_amount", "difference",
                                         "tenant")} == {
        "ledgers": "contract/operations", "contract_code": "HT-2026-0001", "units": "A-101",
        "due_on": "2025-12-20", "due_amount": "30000.00", "received_amount": "0.00",
        "difference": "-30000.00", "tenant": str(T1)}
    # Received after the day: not yet received on it.
    (later,) = deposit_differences([replace(RECEIVED, on=ON + timedelta(days=1))])
    assert later.code == "deposit-not-received"
    # Received, then the receipt reversed: none of it is held as received.
    reversal = DepositEntry(uuid.UUID(int=805), C1, T1, "received", date(2026, 1, 2),
                            D("-30000.00"))
    assert codes(deposit_differences([RECEIVED, reversal])) == ["deposit-not-received"]


def test_a_deposit_not_yet_due_or_due_before_the_ledger_starts_is_not_missed() -> None:
    assert deposit_differences([], on=date(2025, 12, 19)) == []
    assert deposit_differences([], since=date(2026, 1, 1)) == []
    # One signed without a date falls due on its first day.
    unsigned = replace(CONTRACT, signed_on=None)
    assert deposit_differences([], unsigned, on=date(2025, 12, 31)) == []
    assert codes(deposit_differences([], unsigned, on=date(2026, 1, 1))) == [
        "deposit-not-received"]
    # A contract with no deposit misses none.
    assert deposit_differences([], replace(CONTRACT, deposit=D("0.00"))) == []


def test_a_deposit_amount_other_than_the_contracts() -> None:
    part = replace(RECEIVED, amount=D("20000.00"))
    (found,) = deposit_differences([part])
    assert (found.code, found.params["due_amount"], found.params["received_amount"],
            found.params["difference"]) == ("deposit-amount-differs", "30000.00",
                                            "20000.00", "-10000.00")
    # The rest received later: it agrees.
    rest = DepositEntry(uuid.UUID(int=806), C1, T1, "received", date(2026, 1, 5),
                        D("10000.00"))
    assert deposit_differences([part, rest]) == []
    # More than the contract says, or a deposit of a contract that says none; before
    # the ledger starts, a deposit received is still compared.
    assert codes(deposit_differences([part, rest, replace(rest, movement_id=uuid.UUID(
        int=807))], since=date(2026, 1, 1))) == ["deposit-amount-differs"]
    (none,) = deposit_differences(MOVES, replace(CONTRACT, deposit=D("0.00")))
    assert (none.code, none.params["difference"]) == ("deposit-amount-differs", "30000.00")
    # A deposit of a contract not in the contract ledger is not compared here.
    assert deposit_differences([replace(RECEIVED, contract_id=C2)], replace(
        CONTRACT, deposit=D("0.00"))) == []


# --- operations ↔ finance -------------------------------------------------------------------


def test_books_holding_our_deposit_vouchers_agree_with_or_without_our_text() -> None:
    for with_references in (True, False):
        result = check(books(exported(), with_references, text="押金"))
        assert result.differences == ()
        assert sorted(m.kind.label for m in result.matches) == [
            "bill", "deposit", "deposit", "deposit"]
        # Both anchor lines of a deposit voucher are found.
        assert all(len(m.entries) == 2 for m in result.matches if m.kind is EntryKind.DEPOSIT)


@pytest.mark.parametrize(("move", "code", "accounts"), [
    (RECEIVED, "deposit-received-not-in-books", "deposit,bank"),
    (APPLIED, "deposit-applied-not-in-books", "deposit,receivable"),
    (REFUNDED, "deposit-refunded-not-in-books", "deposit,bank")])
def test_a_movement_the_books_do_not_have(move: DepositEntry, code: str, accounts: str
                                          ) -> None:
    ours = reference(EntryKind.DEPOSIT, move.movement_id)
    (found,) = check([e for e in books(exported()) if not e.reference.startswith(ours)]
                     ).differences
    assert found.code == code
    assert {k: found.params[k] for k in ("kind", "deposit_kind", "id", "reference", "on",
                                         "account", "deposit_amount", "contract",
                                         "tenant")} == {
        "kind": "deposit", "deposit_kind": move.kind, "id": str(move.movement_id),
        "reference": ours, "on": move.on.isoformat(), "account": accounts,
        "deposit_amount": str(move.amount), "contract": str(C1), "tenant": str(T1)}
    # The deposit account's line is what the amount says: credited when received.
    assert found.params["amount"] == str(-move.amount if move.kind == "received"
                                         else move.amount)
    if move is APPLIED:
        assert found.params["bill"] == str(RENT.bill_id)


def test_one_line_of_a_deposit_voucher_missing_names_its_account() -> None:
    entries = [e for e in books(exported()) if not (e.account == "1002" and e.amount < 0)]
    (found,) = check(entries).differences
    assert (found.code, found.params["account"], found.params["amount"]) == (
        "deposit-refunded-not-in-books", "bank", "-17460.00")
    (match,) = [m for m in check(entries).matches if m.entry_id == REFUNDED.movement_id]
    assert len(match.entries) == 1  # its deposit line was found


def test_a_deposit_in_the_books_we_do_not_have() -> None:
    entries = books(exported())
    foreign = FinanceEntry("X1", date(2026, 3, 5), "224101 其他应付款-押金", D("-5000.00"),
                           T2, "某物流公司", "收押金", "记-0099")
    ghost = FinanceEntry("X2", date(2026, 3, 6), "2241", D("-800.00"), None, "",
                         reference(EntryKind.DEPOSIT, uuid.UUID(int=4242)), "记-0100")
    found = check([*entries, foreign, ghost]).differences
    assert [(d.code, d.params["why"], d.params["entries"], d.params["books_amount"])
            for d in found] == [
        ("deposit-not-ours", "reference-unknown", "X2", "-800.00"),
        ("deposit-not-ours", "no-match", "X1", "-5000.00")]
    # An account of the chart's own: 224101 is the deposit account, 2241 others' payables.
    chart = Chart(deposit="224101")
    lines = vouchers([RENT], [], [], chart, deposits=MOVES)
    other = FinanceEntry("X3", date(2026, 3, 5), "2241", D("-99.00"), None, "", "代收水费")
    assert check([*books(lines), other], chart=chart).differences == ()


def test_a_deposit_the_books_hold_at_another_amount() -> None:
    entries = [replace(e, amount=D("-3000.00")) if e.amount == D("-30000.00") else e
               for e in books(exported())]
    (found,) = check(entries).differences
    assert (found.code, found.params["ledgers"], found.params["account"],
            found.params["amount"], found.params["books_amount"],
            found.params["difference"]) == ("amount-differs", "operations/finance",
                                             "deposit", "-30000.00", "-3000.00", "27000.00")


def test_reconcile_compares_deposits_with_both_ledgers() -> None:
    lines = exported()
    entries = [e for e in books(lines) if not e.reference.startswith(
        reference(EntryKind.DEPOSIT, RECEIVED.movement_id))]
    part = replace(CONTRACT, deposit=D("40000.00"))
    result = reconcile(ON, [part], [MARCH], [RENT], [], [], entries, deposits=MOVES)
    assert codes(result.differences) == ["deposit-amount-differs",
                                         "deposit-received-not-in-books"]


# --- any deposits ---------------------------------------------------------------------------

AMOUNTS = st.decimals(min_value=D("-50000.00"), max_value=D("50000.00"), places=2)


@st.composite
def deposit_ledgers(draw: st.DrawFn) -> tuple[list[OpsBill], list[Receipt],
                                               list[DepositEntry]]:
    day = st.integers(0, 365).map(lambda n: date(2026, 1, 1) + timedelta(days=n))
    tenant = st.sampled_from([T1, T2])
    bills = [OpsBill(uuid.UUID(int=10_000 + n), C1, draw(tenant),
                     draw(st.sampled_from(["rent", "deposit", "late_fee"])),
                     date(2026, 1, 1), date(2026, 1, 31), date(2026, 1, 1), draw(day),
                     draw(AMOUNTS)) for n in range(draw(st.integers(0, 4)))]
    receipts = [Receipt(uuid.UUID(int=30_000 + n), draw(tenant), draw(day), draw(AMOUNTS))
                for n in range(draw(st.integers(0, 4)))]
    moves = [DepositEntry(uuid.UUID(int=60_000 + n), draw(st.sampled_from([C1, C2])),
                          draw(tenant), draw(st.sampled_from(["received", "applied",
                                                              "refunded"])),
                          draw(day), draw(AMOUNTS),
                          draw(st.sampled_from([None, *[b.bill_id for b in bills]])),
                          draw(st.sampled_from([None, *[r.payment_id for r in receipts]])))
             for n in range(draw(st.integers(0, 10)))]
    return bills, receipts, moves


@settings(max_examples=200)
@given(deposit_ledgers())
def test_every_deposit_voucher_balances_and_the_books_of_them_match(
        case: tuple[list[OpsBill], list[Receipt], list[DepositEntry]]) -> None:
    bills, receipts, moves = case
    lines = vouchers(bills, receipts, [], Chart(), deposits=moves)
    debit: dict[str, Decimal] = defaultdict(Decimal)
    credit: dict[str, Decimal] = defaultdict(Decimal)
    net: dict[str, Decimal] = defaultdict(Decimal)
    for ln in lines:
        assert ln.debit == 0 or ln.credit == 0
        debit[ln.reference] += ln.debit
        credit[ln.reference] += ln.credit
        if ln.kind is EntryKind.DEPOSIT:
            net[ln.account] += ln.debit - ln.credit
    assert debit == credit  # 借贷平衡, voucher by voucher
    # The deposit account holds what was received less what was applied and refunded.
    held = sum((m.amount if m.kind == "received" else -m.amount for m in moves), D(0))
    assert net["2241"] == -held
    for with_references in (True, False):
        posted = books(lines, with_references, text="押金")
        result = operations_vs_finance(bills, receipts, [], posted,
                                       Chart(), deposits=moves)
        assert result.differences == ()
        assert len(result.matches) == len({ln.reference for ln in lines})
