"""Deposits in the three-ledger check on a real workspace: received, applied to the
arrears and refunded through ``services.deposits``; their vouchers exported, balanced;
the books imported back agree; an entry the books lack, or a deposit the contract does
not say, is named with its cause.

The small park's tenant leases ZD-A-0103 (HT-D-1, 12,540.00 a month from March 2026, a
deposit of 40,000.00, 0.05 % a day late). 30,000.00 of the deposit is paid into the bank
on 20 February; 10,000.00 of a 22,540.00 transfer on 21 February is held as the rest.
March and April are billed on 25 February; the lease ends on 30 April and is settled on
10 May: the deposit pays March, April and the late fees (25,763.43), 14,236.57 is
refunded. May is billed for the park's other lease (HT-2026-0001).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from domain.billing.three_ledgers import EntryKind, reference
from domain.leasing.clauses import LateFee
from services import billing_run, contracts, deposits, payments, three_ledgers
from services.payments import PaymentInput
from store.schema import DepositMovement
from store.workspace import Workspace
from tests.small_leases import lease_spec, open_small, park_id, sign_lease
from tests.three_ledger_books import books_file, csv_rows
from views.ledgers_text import difference_text

D = Decimal
ON = date(2026, 5, 15)
FIRST = date(2026, 1, 1)
TENANT = "上海云帆智能科技有限公司"


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "park.leasemap")
    park = park_id(workspace)
    spec = lease_spec(workspace, "ZD-A-0103", "HT-D-1", date(2026, 3, 1), date(2027, 2, 28),
                      deposit=D("40000.00"), late_fee=LateFee(D("0.0005")))
    contract = contracts.create_signed(workspace, park, spec)
    deposits.receive_deposit(workspace, contract, D("30000.00"), date(2026, 2, 20))
    paid = payments.enter_payment(workspace, park, PaymentInput(
        date(2026, 2, 21), D("22540.00"), TENANT))
    deposits.receive_deposit(workspace, contract, D("10000.00"), date(2026, 2, 21),
                             payment_id=paid)
    billing_run.post_run(workspace, park, date(2026, 3, 1), date(2026, 4, 30),
                         date(2026, 2, 25))
    contracts.terminate(workspace, contract, date(2026, 4, 30))
    deposits.settle_termination(workspace, contract, date(2026, 5, 10))
    billing_run.post_run(workspace, park, date(2026, 5, 1), date(2026, 5, 31),
                         date(2026, 4, 25))  # the small park's other lease runs on
    yield workspace
    workspace.close()


def _check(ws: Workspace):
    with ws.reading() as s:
        return three_ledgers.check(s, park_id(ws), ON)


def _export(ws: Workspace, path: Path):
    with ws.reading() as s:
        return three_ledgers.export_vouchers(s, park_id(ws), FIRST, ON, path)


def _books(ws: Workspace, tmp_path: Path, keep=lambda row: True,
           extra: list[list[str]] = ()) -> Path:
    return books_file(_export(ws, tmp_path / "ours.csv").path, tmp_path / "books.csv", keep,
                      extra=extra)


def _import(ws: Workspace, path: Path):
    return three_ledgers.import_finance_entries(ws, park_id(ws), path)


def _movements(ws: Workspace) -> dict[str, list[DepositMovement]]:
    with ws.reading() as s:
        found: dict[str, list[DepositMovement]] = defaultdict(list)
        for move in s.scalars(select(DepositMovement).order_by(DepositMovement.on,
                                                               DepositMovement.amount)):
            found[move.kind].append(move)
        return found


def test_deposit_vouchers_balance_and_the_books_back_agree(ws, tmp_path):
    moves = _movements(ws)
    assert {k: len(v) for k, v in moves.items()} == {"received": 2, "applied": 3,
                                                      "refunded": 1}
    assert moves["refunded"][0].amount == D("14236.57")
    before = _check(ws)
    assert before.left_out == {} and before.sizes["deposits"] == 6
    counts = before.counts()  # no books yet: ours wait for them, not compared
    assert not before.books_compared and not any(k.startswith("deposit") for k in counts)
    awaiting = before.awaiting_books
    assert {k: awaiting[k] for k in awaiting if k.startswith("deposit")} == {
        "deposit-received": 2, "deposit-applied": 3,
        "deposit-refunded": 1}  # received as the contract says: no other

    done = _export(ws, tmp_path / "vouchers.csv")
    _header, *rows = csv_rows(done.path)
    assert done.debit == done.credit
    by_voucher: dict[str, Decimal] = defaultdict(Decimal)
    for number, _on, _account, summary, debit, credit, _party, ref in rows:
        assert summary.startswith(ref)
        by_voucher[number] += D(debit or 0) - D(credit or 0)
    assert set(by_voucher.values()) == {D(0)}  # 借贷平衡, voucher by voucher
    deposit_lines = sorted((r[1], r[2], r[4], r[5]) for r in rows if r[7].startswith("LM-D"))
    assert deposit_lines == sorted([
        ("2026-02-20", "1002", "30000.00", ""), ("2026-02-20", "2241", "", "30000.00"),
        ("2026-02-21", "2203", "10000.00", ""), ("2026-02-21", "2241", "", "10000.00"),
        *[("2026-05-10", "2241", f"{m.amount:.2f}", "") for m in moves["applied"]],
        *[("2026-05-10", "1122", "", f"{m.amount:.2f}") for m in moves["applied"]],
        ("2026-05-10", "2241", "14236.57", ""), ("2026-05-10", "1002", "", "14236.57")])
    # The deposit account is back to nothing: received, applied and refunded in full.
    assert sum((D(r[4] or 0) - D(r[5] or 0) for r in rows if r[2] == "2241"), D(0)) == 0
    # What a person reads on a deposit's line: the contract, the bill it paid.
    applied = reference(EntryKind.DEPOSIT, moves["applied"][0].id)
    assert next(r[3] for r in rows if r[7] == applied).startswith(f"{applied} HT-D-1 HT-D-1/")

    report = _import(ws, done.path)
    assert report.written and not report.refused
    after = _check(ws)
    assert after.agrees, after.differences
    assert sum(m.kind is EntryKind.DEPOSIT for m in after.matches) == 6


def test_one_deposit_entry_the_books_lack_is_named(ws, tmp_path):
    moves = _movements(ws)
    refund = reference(EntryKind.DEPOSIT, moves["refunded"][0].id)
    _import(ws, _books(ws, tmp_path, keep=lambda row: row[7] != refund))
    (found,) = _check(ws).differences
    assert (found.code, found.params["cause"], found.params["account"],
            found.params["deposit_amount"], found.params["contract_code"],
            found.params["tenant_name"], found.params["reference"]) == (
        "deposit-refunded-not-in-books", "deposit-refunded-not-in-books", "deposit,bank",
        "14236.57", "HT-D-1", TENANT, refund)
    assert difference_text(found) == (
        f"14,236.57 of HT-D-1's deposit refunded on 2026-05-10: no entry on deposits held / "
        f"bank in the books ({refund})")


def test_a_deposit_line_the_books_lack_or_hold_of_their_own(ws, tmp_path):
    moves = _movements(ws)
    held = reference(EntryKind.DEPOSIT, moves["received"][1].id)  # out of the payment
    # The books dropped the deposit line of the money held out of the payment, and hold
    # a deposit of a tenant we do not know, written by the account's name.
    stranger = [["202603-0099", "2026-03-02", "其他应付款-押金", "收押金 某物流公司", "",
                 "5000.00", "某物流公司", ""]]
    _import(ws, _books(ws, tmp_path, keep=lambda row: not (row[7] == held
                                                           and row[2] == "2241"),
                       extra=stranger))
    found = _check(ws).differences
    assert [(d.code, d.params["account"]) for d in found] == [
        ("deposit-received-not-in-books", "deposit"),
        ("deposit-not-ours", "2241 其他应付款-押金")]
    assert found[0].params["payer"] == TENANT  # the payment it was held out of
    assert difference_text(found[0]).startswith(
        "deposit of 10,000.00 received for HT-D-1 on 2026-02-21: no entry on deposits held "
        "in the books")
    assert difference_text(found[1]) == (
        "voucher 202603-0099 of 2026-03-02, account 2241 其他应付款-押金: a deposit of "
        "-5,000.00 某物流公司 that none of ours has")


def test_a_deposit_not_received_or_of_another_amount_than_the_contracts(ws, tmp_path):
    _import(ws, _export(ws, tmp_path / "v.csv").path)
    contract = sign_lease(ws, "ZD-A-0201", "HT-D-2", date(2026, 4, 1),
                          signed_on=date(2026, 3, 15), deposit=D("8000.00"))
    found = [d for d in _check(ws).differences if d.params["contract_code"] == "HT-D-2"]
    assert [(d.code, d.params["due_on"], d.params["due_amount"],
             d.params["received_amount"]) for d in found if d.code.startswith("deposit")] == [
        ("deposit-not-received", "2026-03-15", "8000.00", "0.00")]
    assert difference_text(next(d for d in found if d.code == "deposit-not-received")) == (
        "HT-D-2 (ZD-A-0201): the deposit of 8,000.00 due on 2026-03-15 was not received")
    deposits.receive_deposit(ws, contract, D("5000.00"), date(2026, 4, 2))
    (short,) = [d for d in _check(ws).differences if d.code == "deposit-amount-differs"]
    assert (short.params["contract_code"], short.params["difference"],
            short.params["tenant_name"]) == ("HT-D-2", "-3000.00", TENANT)
    assert difference_text(short) == (
        "HT-D-2: 5,000.00 received as its deposit; the contract says 8,000.00 "
        "(difference -3,000.00)")
    deposits.receive_deposit(ws, contract, D("3000.00"), date(2026, 4, 3))
    assert not [d for d in _check(ws).differences if d.params["cause"].startswith(
        "deposit") and d.params.get("ledgers") == "contract/operations"]


def test_every_cause_has_a_title_and_a_line():
    from views.ledgers_text import CAUSES, LINES

    assert set(three_ledgers.CAUSES) == set(CAUSES)
    assert set(three_ledgers.CAUSES) <= set(LINES)
