"""``leasemap deposit-receive``, ``deposit-refund`` and ``settle``, run as a person runs them
(a real ``python -m app`` process on a real workspace): each says what it writes first
(the deposit held before → after and the payment's money it takes; the settlement's
sentences and bills, as the Settle dialog says them), a dry run writes nothing (the
database dumped before and after is the same), ``--json`` gives the same as data, and a
refusal is said in words with exit 2, nothing written.

The small park's tenant leases ZD-A-0103 (HT-D-1, March to August 2026, 12,540.00 a
month due on the 1st, a late fee of 0.05 % a day, a deposit of 30,000.00) and paid
30,000.00 on 20 February; March and April are billed on 25 February.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from domain.leasing.clauses import LateFee
from services import billing_run, contracts, deposits, payments, receivables
from services.payments import PaymentInput
from store.workspace import Workspace
from tests.small_leases import lease_spec, open_small, park_id
from tests.test_cli import run

D = Decimal
TENANT = "上海云帆智能科技有限公司"


@pytest.fixture
def park(tmp_path: Path) -> tuple[Path, str]:
    """The workspace and the id of the tenant's payment of the deposit."""
    path = tmp_path / "moves.leasemap"
    ws = open_small(path)
    try:
        contracts.create_signed(ws, park_id(ws), lease_spec(
            ws, "ZD-A-0103", "HT-D-1", date(2026, 3, 1), date(2026, 8, 31),
            signed_on=date(2026, 2, 15), deposit=D("30000.00"),
            late_fee=LateFee(D("0.0005"))))
        paid = payments.enter_payment(ws, park_id(ws), PaymentInput(
            date(2026, 2, 20), D("30000.00"), TENANT))
        billing_run.post_run(ws, park_id(ws), date(2026, 3, 1), date(2026, 4, 30),
                             date(2026, 2, 25))
    finally:
        ws.close()
    return path, str(paid)


def _dump(path: Path) -> list[str]:
    """Every row of the workspace, as SQL."""
    with sqlite3.connect(path) as db:
        return list(db.iterdump())


def _holds(path: Path, payment: str) -> Decimal:
    with Workspace.open(path) as ws, ws.reading() as s:
        held = receivables.unallocated_by_payment(receivables.read_ledger(s, park_id(ws)))
    return next(amount for pid, amount in held.items() if str(pid) == payment)


def _held(path: Path) -> Decimal:
    with Workspace.open(path) as ws, ws.reading() as s:
        return deposits.deposit_held(s, contracts.find_contract(s, "HT-D-1").id)


def test_a_deposit_received_out_of_a_payment(park):
    path, paid = park
    before = _dump(path)
    dry = run("deposit-receive", "HT-D-1", "30,000", "--workspace", str(path),
              "--on", "2026-02-20", "--payment", paid, "--dry-run", "--lang", "en")
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.splitlines() == [
        "Receiving 30,000.00 into HT-D-1's deposit on 2026-02-20:",
        "  held 0.00 → 30,000.00 (30,000.00 agreed)",
        f"  from {TENANT}'s payment of 30,000.00 on 2026-02-20, which then holds 0.00 for "
        "the payments queue",
        "Dry run: nothing was written."]
    assert _dump(path) == before

    refused = run("deposit-receive", "HT-D-1", "30000.01", "--workspace", str(path),
                  "--payment", paid, "--lang", "en")
    assert (refused.returncode, refused.stdout) == (2, "")
    assert refused.stderr == "error: the payment holds 30,000.00, not 30,000.01\n"
    cents = run("deposit-receive", "HT-D-1", "100.005", "--workspace", str(path),
                "--lang", "en")
    assert cents.returncode == 2
    assert cents.stderr == "error: a deposit is an amount above 0.00 in cents, not 100.005\n"
    word = run("deposit-receive", "HT-D-1", "三万", "--workspace", str(path), "--lang", "en")
    assert word.returncode == 2 and "not an amount: 三万" in word.stderr
    unknown = run("deposit-receive", "HT-X", "100", "--workspace", str(path), "--lang", "en")
    assert unknown.returncode == 2 and "HT-X" in unknown.stderr
    assert _dump(path) == before

    done = run("deposit-receive", "HT-D-1", "30000", "--workspace", str(path),
               "--on", "2026-02-20", "--payment", paid, "--json", "--lang", "en")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    written = data.pop("written")
    assert data == {
        "contract": "HT-D-1", "kind": "received", "amount": "30000.00", "on": "2026-02-20",
        "agreed": "30000.00", "held": "0.00", "held_after": "30000.00", "dry_run": False,
        "payment": {"id": paid, "received_on": "2026-02-20", "amount": "30000.00",
                    "payer": TENANT, "holds": "30000.00", "holds_after": "0.00"}}
    listed = json.loads(run("deposits", "HT-D-1", "--workspace", str(path), "--json",
                            "--lang", "en").stdout)
    assert [(m["id"], m["kind"], m["amount"]) for m in listed["movements"]] == [
        (written, "received", "30000.00")]
    assert _holds(path, paid) == D("0.00")


def test_a_refund_said_then_written_and_one_beyond_what_is_held_refused(park):
    path, _paid = park
    run("deposit-receive", "HT-D-1", "30000", "--workspace", str(path), "--on", "2026-02-20")
    before = _dump(path)
    refused = run("deposit-refund", "HT-D-1", "30,000.01", "--workspace", str(path),
                  "--lang", "en")
    assert (refused.returncode, refused.stdout) == (2, "")
    assert refused.stderr == "error: the deposit holds 30,000.00, not 30,000.01\n"
    dry = run("deposit-refund", "HT-D-1", "5000", "--workspace", str(path), "--on",
              "2026-09-05", "--dry-run", "--json", "--lang", "en")
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout) == {
        "contract": "HT-D-1", "kind": "refunded", "amount": "5000.00", "on": "2026-09-05",
        "agreed": "30000.00", "held": "30000.00", "held_after": "25000.00",
        "dry_run": True, "payment": None, "written": None}
    assert _dump(path) == before

    done = run("deposit-refund", "HT-D-1", "5000", "--workspace", str(path), "--on",
               "2026-09-05", "--lang", "en")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[:3] == ["Refunding 5,000.00 of HT-D-1's deposit on 2026-09-05:",
                         "  held 30,000.00 → 25,000.00 (30,000.00 agreed)",
                         "  5,000.00 paid back to the tenant"]
    assert lines[3].startswith("Written, the movement: ")
    assert _held(path) == D("25000.00")


def test_a_settlement_said_as_the_window_says_it_then_posted(park):
    path, paid = park
    run("deposit-receive", "HT-D-1", "30000", "--workspace", str(path), "--on", "2026-02-20",
        "--payment", paid)
    before = _dump(path)
    running = run("settle", "HT-D-1", "--workspace", str(path), "--on", "2026-04-30",
                  "--lang", "en")
    assert (running.returncode, running.stdout) == (2, "")
    assert running.stderr == ("error: HT-D-1 runs to 2026-08-31: settle it once it is "
                              "terminated or has ended\n")
    with Workspace.open(path) as ws:
        with ws.reading() as s:
            contract = contracts.find_contract(s, "HT-D-1").id
        contracts.terminate(ws, contract, date(2026, 4, 30))
    before = _dump(path)

    dry = run("settle", "HT-D-1", "--workspace", str(path), "--on", "2026-04-30",
              "--dry-run", "--lang", "en")
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.splitlines() == [
        "Settling HT-D-1 on 2026-04-30:",
        "  Open bills: 2, 25,080.00 still owed.",
        "  Late fees accrued to 2026-04-30: 558.03, billed on a final bill "
        "(HT-D-1/2026-04-30/final).",
        "  Deposit held: 30,000.00; applied to the bills: 25,638.03.",
        "  To refund to the tenant: 4,361.97.",
        "  Bill                     Charge                Due              Open  "
        "Deposit applied",
        "  HT-D-1/2026-03-01/rent   Rent                  2026-03-01  12,540.00        "
        "12,540.00",
        "  HT-D-1/2026-04-01/rent   Rent                  2026-04-01  12,540.00        "
        "12,540.00",
        "  HT-D-1/2026-04-30/final  Late fees to the day  2026-04-30     558.03           "
        "558.03",
        "Dry run: nothing was written."]
    assert _dump(path) == before
    chinese = run("settle", "HT-D-1", "--workspace", str(path), "--on", "2026-04-30",
                  "--dry-run", "--lang", "zh_CN")
    assert chinese.returncode == 0, chinese.stderr
    assert "  未结账单 2 张，尚欠 25,080.00。" in chinese.stdout.splitlines()
    assert "  退还租户：4,361.97。" in chinese.stdout.splitlines()
    assert _dump(path) == before

    done = run("settle", "HT-D-1", "--workspace", str(path), "--on", "2026-04-30", "--json",
               "--lang", "en")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [(b["number"], b["charge"], b["open"], b["applied"]) for b in data.pop("bills")] == [
        ("HT-D-1/2026-03-01/rent", "rent", "12540.00", "12540.00"),
        ("HT-D-1/2026-04-01/rent", "rent", "12540.00", "12540.00"),
        ("HT-D-1/2026-04-30/final", "late_fee", "558.03", "558.03")]
    final = data.pop("final_bill")
    assert (final["number"], final["amount"]) == ("HT-D-1/2026-04-30/final", "558.03")
    assert data == {"contract": "HT-D-1", "on": "2026-04-30", "dry_run": False,
                    "late_fees": "558.03", "deposit": "30000.00", "applied": "25638.03",
                    "carried": "0.00", "refund": "4361.97", "still_owed": "0.00",
                    "written": True}
    assert _held(path) == D("0.00")
    again = run("settle", "HT-D-1", "--workspace", str(path), "--on", "2026-04-30",
                "--dry-run", "--lang", "en")
    assert again.returncode == 0, again.stderr
    assert "  Deposit held: 0.00; applied to the bills: 0.00." in again.stdout.splitlines()
