"""Migration 0011: a deposit carry's other contract in a column of its own. A 0010 workspace
(carries naming the other contract in their note only, as the 0010 code wrote them, and
one whose note names nothing of ours) upgrades with every row kept: each carry's
``counterpart_id`` comes from its note, the ledger guards the new column, and what
reads carries (the deposit held, a carry's reversal on both sides, the contract's
statement, the three-ledger check) reads them as before, from the column.

On SQLite (a real file, opened as the app opens it) and on the PostgreSQL the suite
starts. The 0010 state is made by migrating a head workspace down.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import IntegrityError

from domain.billing.deposits import CARRIED_IN, CARRIED_OUT
from services import contracts, deposits, three_ledgers
from store.files import SCHEMA_HEAD, inspect_file
from store.ids import uuid7
from store.schema import DepositMovement
from store.types import ExactDecimal, UtcDateTime, utc_now
from store.workspace import Workspace, run_migrations
from tests.small_leases import lease_spec, open_small, park_id

D = Decimal

# deposit_movements as the 0010 code wrote them (no counterpart_id)
movements_0010 = sa.table(
    "deposit_movements",
    sa.column("id", sa.Uuid()), sa.column("park_id", sa.Uuid()),
    sa.column("contract_id", sa.Uuid()), sa.column("kind", sa.String(16)),
    sa.column("amount", ExactDecimal(18, 2)), sa.column("on", sa.Date()),
    sa.column("note", sa.Text()), sa.column("hlc", sa.String(64)),
    sa.column("field_hlc", sa.JSON()), sa.column("row_version", sa.Integer()),
    sa.column("archived", sa.Boolean()), sa.column("updated_at", UtcDateTime()),
)


@dataclass
class Made:
    old: uuid.UUID
    new: uuid.UUID
    stray: uuid.UUID  # a carried_in whose note names nothing of ours


def _fill(ws: Workspace) -> Made:
    """A renewal's carry (at head; the downgrade takes its column away, the note stays)."""
    old = contracts.create_signed(ws, park_id(ws), lease_spec(
        ws, "ZD-A-0103", "HT-D-1", date(2026, 3, 1), date(2026, 8, 31),
        signed_on=date(2026, 2, 15), deposit=D("30000.00")))
    deposits.receive_deposit(ws, old, D("30000.00"), date(2026, 2, 20))
    new = contracts.renew(ws, old, lease_spec(
        ws, "ZD-A-0103", "HT-D-2", date(2026, 9, 1), date(2027, 8, 31),
        signed_on=date(2026, 8, 1), deposit=D("25080.00")))
    other = contracts.create_signed(ws, park_id(ws), lease_spec(
        ws, "ZD-A-0201", "HT-D-9", date(2026, 3, 1), date(2027, 2, 28),
        signed_on=date(2026, 2, 15), deposit=D("1000.00")))
    return Made(old, new, other)


def _at_0010(ws: Workspace, made: Made) -> None:
    run_migrations(ws.engine, "0010", downgrade=True)
    columns = {c["name"] for c in inspect(ws.engine).get_columns("deposit_movements")}
    assert "counterpart_id" not in columns and "note" in columns
    with ws.engine.begin() as connection:  # a carry the 0010 code could not pair
        connection.execute(sa.insert(movements_0010), [{
            "id": uuid7(), "park_id": park_id(ws), "contract_id": made.stray,
            "kind": CARRIED_IN, "amount": D("1000.00"), "on": date(2026, 3, 1),
            "note": "not-an-id", "hlc": "0" * 20, "field_hlc": {}, "row_version": 0,
            "archived": False, "updated_at": utc_now()}])


def _carries(ws: Workspace) -> dict:
    with ws.reading() as s:
        return {(m.contract_id, m.kind): (m.amount, m.on, m.note, m.counterpart_id)
                for m in s.scalars(select(DepositMovement).where(
                    DepositMovement.kind.in_((CARRIED_OUT, CARRIED_IN))))}


def test_a_0010_workspace_upgrades_its_carries_to_the_column(store):
    ws = store.open()
    try:
        made = _fill(ws)
        before = _carries(ws)
        _at_0010(ws, made)
    finally:
        ws.close()

    upgraded = store.open()
    try:
        if store.path is not None:
            assert inspect_file(store.path) == SCHEMA_HEAD
        after = _carries(upgraded)
        # every carry kept as it was, its other contract taken from its note
        assert after == {**before, (made.stray, CARRIED_IN): (
            D("1000.00"), date(2026, 3, 1), "not-an-id", None)}
        assert after[(made.old, CARRIED_OUT)][3] == made.new
        assert after[(made.new, CARRIED_IN)][3] == made.old

        # the ledger guards the new column too
        key = {"sqlite": lambda u: u.hex, "postgresql": str}[store.kind]
        with upgraded.reading() as s:
            out = s.scalar(select(DepositMovement.id).where(
                DepositMovement.kind == CARRIED_OUT))
        with pytest.raises(IntegrityError, match="ledger rows are never"), \
                upgraded.engine.begin() as connection:
            connection.execute(text("UPDATE deposit_movements SET counterpart_id = NULL "
                                    "WHERE id = :id"), {"id": key(out)})

        # what reads carries reads them from the column, as before the upgrade
        with upgraded.reading() as s:
            statement = deposits.deposit_statement(s, made.old)
            check = three_ledgers.check(s, park_id(upgraded), date(2026, 8, 15))
        assert statement.moved[-1] == (CARRIED_OUT, "HT-D-2", D("25080.00"))
        assert not [d for d in check.differences  # carried in full: no false difference
                    if d.params.get("contract_code") == "HT-D-2"
                    and d.params["cause"].startswith("deposit")]
        # a carry whose note named nothing of ours is still refused naming what it said
        with upgraded.reading() as s:
            stray = s.scalar(select(DepositMovement.id).where(
                DepositMovement.contract_id == made.stray))
        with pytest.raises(deposits.DepositRefused) as unpaired:
            deposits.reverse_movement(upgraded, stray, date(2026, 8, 20))
        assert (unpaired.value.code, unpaired.value.params) == (
            "deposit-carry-unpaired", {"note": "not-an-id"})
        with upgraded.reading() as s:  # read before the reversal: as a second clerk would
            stale = deposits.rehearse_reversal(s, out, date(2026, 8, 21))
        made_now = deposits.reverse_movement(upgraded, out, date(2026, 8, 20))
        assert len(made_now) == 2
        # a movement is reversed once: the database refuses a second reversal written
        # from what was read before the first (another transaction, another device)
        with pytest.raises(IntegrityError), upgraded.transaction() as s:
            deposits.write_moves(s, stale.rows)
        with upgraded.reading() as s:
            assert deposits.deposit_held(s, made.old) == D("30000.00")
            assert deposits.deposit_held(s, made.new) == D("0.00")
    finally:
        upgraded.close()


def test_down_and_up_again_gives_the_same_rows(tmp_path):
    """0011 → 0010 → 0011: the carries' counterparts come back from their notes."""
    path = tmp_path / "a.leasemap"
    ws = open_small(path)
    try:
        made = _fill(ws)
    finally:
        ws.close()

    def state() -> dict:
        with Workspace.open(path) as opened:
            return _carries(opened)

    first = state()
    ws = Workspace.open(path)
    try:
        _at_0010(ws, made)
    finally:
        ws.close()
    again = state()
    assert {k: v for k, v in again.items() if k[0] != made.stray} == first
