"""``leasemap deposits`` and ``leasemap deposit-reverse``: a contract's deposit and a movement
entered wrong reversed from the command line, run as a person runs it (a real ``python
-m app`` process on a real workspace): the movements listed with their ids, a dry run
that says what the reversal does and writes nothing, the reversal written, refusals in
words with exit 2, the same as JSON.

The small park's tenant leases ZD-A-0103 (HT-D-1, March to August 2026, a deposit of
30,000.00 received out of a payment on 20 February); HT-D-2 renews it from 1 September
asking 25,080.00, carried from HT-D-1.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from domain.billing.deposits import CARRIED_OUT, RECEIVED
from services import contracts, deposits, payments
from services.payments import PaymentInput
from store.schema import DepositMovement, Outbox
from store.workspace import Workspace
from tests.small_leases import lease_spec, open_small, park_id
from tests.test_cli import ROOT, run

D = Decimal
TENANT = "上海云帆智能科技有限公司"


@pytest.fixture
def park(tmp_path: Path) -> Path:
    path = tmp_path / "deposits.leasemap"
    ws = open_small(path)
    try:
        old = contracts.create_signed(ws, park_id(ws), lease_spec(
            ws, "ZD-A-0103", "HT-D-1", date(2026, 3, 1), date(2026, 8, 31),
            signed_on=date(2026, 2, 15), deposit=D("30000.00")))
        paid = payments.enter_payment(ws, park_id(ws), PaymentInput(
            date(2026, 2, 20), D("30000.00"), TENANT))
        deposits.receive_deposit(ws, old, D("30000.00"), date(2026, 2, 20), payment_id=paid)
        contracts.renew(ws, old, lease_spec(
            ws, "ZD-A-0103", "HT-D-2", date(2026, 9, 1), date(2027, 8, 31),
            signed_on=date(2026, 8, 1), deposit=D("25080.00")))
    finally:
        ws.close()
    return path


def _moves(path: Path) -> dict[str, str]:
    """Each movement's kind by its id, and how many rows and commands there are."""
    with Workspace.open(path) as ws, ws.reading() as s:
        return {str(m.id): m.kind for m in s.scalars(select(DepositMovement))}


def _counts(path: Path) -> tuple[int, int]:
    with Workspace.open(path) as ws, ws.reading() as s:
        return (s.scalar(select(func.count()).select_from(DepositMovement)),
                s.scalar(select(func.count()).select_from(Outbox)))


def test_the_deposit_is_listed_with_each_movement_s_id(park):
    """In English, as every script command, without loading Qt."""
    moves = {kind: ident for ident, kind in _moves(park).items()}
    probe = ("import sys; from app.cli import main; main(['deposits', 'HT-D-1', "
             "'--workspace', sys.argv[1], '--lang', 'en']); "
             "print(sorted(m for m in sys.modules if m.startswith('PySide6')))")
    listed = subprocess.run([sys.executable, "-c", probe, str(park)], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert listed.returncode == 0, listed.stderr
    head, received, carried, loaded = listed.stdout.splitlines()
    assert loaded == "[]"
    assert head == ("HT-D-1: deposit held 4,920.00 of 30,000.00 agreed; 30,000.00 "
                    "received; 25,080.00 carried to HT-D-2")
    assert received.split()[:3] == [moves[RECEIVED], "2026-02-20", "Received"]
    assert received.endswith(f"+30,000.00  out of {TENANT}'s payment")
    assert carried.startswith(f"{moves[CARRIED_OUT]}  2026-09-01  Carried to the renewal")
    assert carried.endswith("-25,080.00  to HT-D-2")
    data = json.loads(run("deposits", "HT-D-2", "--workspace", str(park), "--json",
                          "--lang", "en").stdout)
    assert (data["held"], data["agreed"], data["moved"]) == ("25080.00", "25080.00", [
        {"kind": "carried_in", "counterpart": "HT-D-1", "amount": "25080.00"}])
    missing = run("deposits", "HT-X", "--workspace", str(park), "--lang", "en")
    assert missing.returncode == 2 and "HT-X" in missing.stderr


def test_a_dry_run_says_it_the_reversal_writes_it_and_a_refusal_is_said(park):
    moves = {kind: ident for ident, kind in _moves(park).items()}
    before = _counts(park)
    refused = run("deposit-reverse", moves[RECEIVED], "--workspace", str(park),
                  "--on", "2026-09-02", "--lang", "en")
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr == ("error: HT-D-1's deposit holds 4,920.00: reversing 30,000.00 "
                              "would leave less than nothing\n")
    dry = run("deposit-reverse", moves[CARRIED_OUT], "--workspace", str(park),
              "--on", "2026-08-20", "--dry-run", "--lang", "en")
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.splitlines() == [
        "Reversing it on 2026-08-20:",
        "  The carry of 25,080.00 from HT-D-1 to HT-D-2 on 2026-09-01 is reversed on "
        "both contracts: HT-D-1 holds 30,000.00 (now 4,920.00), HT-D-2 holds "
        "0.00 (now 25,080.00)",
        "Dry run: nothing was written."]
    assert _counts(park) == before

    done = run("deposit-reverse", moves[CARRIED_OUT], "--workspace", str(park),
               "--on", "2026-08-20", "--note", "续签取消", "--json", "--lang", "en")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["dry_run"], len(data["written"]), [s["contract"] for s in data["sides"]]) == (
        False, 2, ["HT-D-1", "HT-D-2"])
    assert data["reasons"][0]["code"] == "undo-carry"
    assert _counts(park) == (before[0] + 2, before[1] + 2)  # two rows, their two commands
    with Workspace.open(park) as ws, ws.reading() as s:
        assert {m.note for m in s.scalars(select(DepositMovement).where(
            DepositMovement.kind == "reversed"))} == {"续签取消"}

    # with the carry undone, the receipt can be: the payment gets its money back
    receipt = run("deposit-reverse", moves[RECEIVED], "--workspace", str(park),
                  "--on", "2026-08-21", "--lang", "en")
    assert receipt.returncode == 0, receipt.stderr
    assert (f"  {TENANT}'s payment of 30,000.00 on 2026-02-20 gets 30,000.00 back, "
            "to allocate again") in receipt.stdout.splitlines()


def test_an_id_that_is_not_one_is_said(park):
    bad = run("deposit-reverse", "HT-D-1", "--workspace", str(park), "--lang", "en")
    assert bad.returncode == 2
    assert "not a deposit movement id: HT-D-1" in bad.stderr
    unknown = run("deposit-reverse", "01a251b9-4f8c-70fc-aa42-ce6fbf09595b", "--workspace",
                  str(park), "--lang", "en")
    assert unknown.returncode == 2
    assert ("no deposit movement 01a251b9-4f8c-70fc-aa42-ce6fbf09595b to reverse"
            in unknown.stderr)
