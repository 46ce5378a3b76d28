"""A deposit movement's ``post_deposit`` command replayed on another replica (SYNC.md: the
command carries the whole row), on real workspace files: a carry's other contract
travels as ``counterpart`` and comes back as the row's ``counterpart_id``; a command
written before 0011, with no ``counterpart``, still applies (its note named the other
contract then); replaying twice writes nothing, and nothing replayed is queued again.

Device A signs HT-D-1 (ZD-A-0103, March to August 2026, a deposit of 30,000.00 received
on 20 February) and HT-D-2 (September 2026 to August 2027, asking 25,080.00); device B is
a copy of A's file from then, with a device id of its own. A then carries the deposit.
"""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select, update

from domain.billing.deposits import CARRIED_IN, CARRIED_OUT, REVERSED
from services import contracts, deposits
from store.ids import uuid7
from store.schema import Contract, DepositMovement, Outbox, WorkspaceMeta
from store.workspace import Workspace
from tests.small_leases import lease_spec, open_small, park_id

D = Decimal
FIELDS = ("id", "park_id", "contract_id", "kind", "amount", "on", "payment_id", "bill_id",
          "reverses_id", "note", "counterpart_id")


def _replica(source: Path, target: Path) -> Workspace:
    """A copy of ``source`` as another device holds it (its own device id)."""
    shutil.copyfile(source, target)
    ws = Workspace.open(target)
    with ws.engine.begin() as connection:
        connection.execute(update(WorkspaceMeta).where(WorkspaceMeta.key == "device_id")
                           .values(value=uuid7().hex))
    ws.close()
    return Workspace.open(target)


@pytest.fixture
def devices(tmp_path):
    path = tmp_path / "a.leasemap"
    a = open_small(path)
    old = contracts.create_signed(a, park_id(a), lease_spec(
        a, "ZD-A-0103", "HT-D-1", date(2026, 3, 1), date(2026, 8, 31),
        signed_on=date(2026, 2, 15), deposit=D("30000.00")))
    new = contracts.create_signed(a, park_id(a), lease_spec(
        a, "ZD-A-0103", "HT-D-2", date(2026, 9, 1), date(2027, 8, 31),
        signed_on=date(2026, 8, 1), deposit=D("25080.00")))
    deposits.receive_deposit(a, old, D("30000.00"), date(2026, 2, 20))
    a.close()
    b = _replica(path, tmp_path / "b.leasemap")
    a = Workspace.open(path)
    with a.transaction() as s:
        deposits.carry_deposit(s, s.get(Contract, old), s.get(Contract, new), date(2026, 9, 1))
    yield a, b, old, new
    a.close()
    b.close()


def _rows(ws: Workspace, kinds=(CARRIED_OUT, CARRIED_IN, REVERSED)) -> dict:
    with ws.reading() as s:
        return {m.id: tuple(getattr(m, f) for f in FIELDS) for m in s.scalars(
            select(DepositMovement).where(DepositMovement.kind.in_(kinds)))}


def _commands(ws: Workspace) -> list[dict]:
    with ws.reading() as s:
        return [op.payload for op in s.scalars(
            select(Outbox).where(Outbox.kind == "post_deposit").order_by(Outbox.seq))]


def test_a_carry_s_commands_rebuild_its_rows_on_another_replica(devices):
    a, b, old, new = devices
    sent = [p for p in _commands(a) if p["kind"] in (CARRIED_OUT, CARRIED_IN)]
    assert {(p["kind"], p["counterpart"]) for p in sent} == {
        (CARRIED_OUT, str(new)), (CARRIED_IN, str(old))}
    queued = len(_commands(b))
    with b.transaction() as s:
        written = deposits.replay_moves(s, sent)
    assert len(written) == 2
    assert _rows(b) == _rows(a)  # field for field, the counterpart included
    with b.reading() as s:
        assert deposits.deposit_held(s, old) == D("4920.00")
        assert deposits.deposit_held(s, new) == D("25080.00")
    assert len(_commands(b)) == queued  # what came from a command is not queued again
    with b.transaction() as s:
        assert deposits.replay_moves(s, sent) == []  # the id is the idempotency key
    assert _rows(b) == _rows(a)
    # The replica reverses the carry as the device that made it would: from the column.
    out = next(k for k, v in _rows(b).items() if v[3] == CARRIED_OUT)
    assert len(deposits.reverse_movement(b, out, date(2026, 8, 20))) == 2
    with b.reading() as s:
        assert deposits.deposit_held(s, old) == D("30000.00")


def test_a_command_written_before_0011_still_applies(devices):
    """No ``counterpart`` in the payload: a carry's note names the other contract."""
    a, b, old, new = devices
    sent = []
    for payload in _commands(a):
        if payload["kind"] in (CARRIED_OUT, CARRIED_IN):
            payload = dict(payload)
            del payload["counterpart"]
            sent.append(payload)
    with b.transaction() as s:
        deposits.replay_moves(s, sent)
    assert _rows(b) == _rows(a)
    assert {v[10] for v in _rows(b).values()} == {old, new}


def test_a_payload_says_the_row_whole():
    row = {"id": uuid7(), "contract_id": uuid7(), "kind": CARRIED_OUT,
           "amount": D("25080.00"), "on": date(2026, 9, 1), "payment_id": None,
           "bill_id": None, "reverses_id": None, "note": "", "counterpart_id": uuid7()}
    assert deposits.move_fields(deposits.move_payload(row)) == row
    received = {**row, "kind": "received", "note": str(uuid7()), "counterpart_id": None}
    legacy = deposits.move_payload(received)
    del legacy["counterpart"]
    # only a carry's note was ever the other contract's id
    assert deposits.move_fields(legacy)["counterpart_id"] is None
