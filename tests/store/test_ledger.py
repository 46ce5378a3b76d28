"""Ledger rows are insert-only: the database refuses deletes and edits, and so does the ORM."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import JSON, MetaData, String, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from store.changes import LedgerRefused, insert_rows
from store.ledger import guarded_columns, install_all, is_ledger, ledger_tables
from store.schema import NAMING, Amount, Base, Ledger, Outbox
from store.workspace import Workspace


class _TestBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)  # kept out of the real schema


class Payment(Ledger, _TestBase):
    """A stand-in for billing's ledger tables, which arrive in a later migration."""

    __tablename__ = "test_payments"

    amount: Mapped[Decimal] = mapped_column(Amount)
    memo: Mapped[str] = mapped_column(String(100), default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def workspace(request, tmp_path):
    if request.param == "sqlite":
        ws = Workspace.create(tmp_path / "ledger.leasemap")
    else:
        ws = Workspace.connect(request.getfixturevalue("pg_db_url"))
    _TestBase.metadata.create_all(ws.engine)
    with ws.engine.begin() as connection:
        install_all(connection, _TestBase.metadata)
    yield ws
    ws.close()


def _paid(ws: Workspace, amount: str = "100.00") -> Payment:
    with ws.transaction() as session:
        payment = Payment(amount=Decimal(amount), memo="rent", details={"month": "2026-11"})
        session.add(payment)
    return payment


def _refused(ws: Workspace, sql: str, **params: Any) -> str:
    with pytest.raises(IntegrityError) as caught, ws.engine.begin() as connection:
        connection.execute(text(sql), params)
    return str(caught.value.orig)


def test_ledger_tables_are_flagged():
    assert is_ledger(Payment.__table__)
    assert ledger_tables(_TestBase.metadata) == [Payment.__table__]
    # leasing's versions and stage steps, and billing's ledgers
    assert {t.name for t in ledger_tables(Base.metadata)} == {
        "contract_versions", "lead_stage_steps", "billing_runs", "bills", "bill_lines",
        "payments", "allocations", "deposit_movements", "invoices", "meter_readings",
        "finance_entries"}
    assert set(guarded_columns(Payment.__table__)) == {"id", "archived", "amount", "memo",
                                                       "details"}


def test_insert_works_and_writes_its_create_op(workspace):
    payment = _paid(workspace)
    with workspace.reading() as session:
        stored = session.get(Payment, payment.id)
        ops = session.scalars(select(Outbox).where(Outbox.entity_id == payment.id)).all()
    assert stored is not None and stored.amount == Decimal("100.00")
    assert [(o.kind, o.payload["amount"]) for o in ops] == [("create", "100.00")]


def test_the_database_refuses_delete(workspace):
    payment = _paid(workspace)
    message = _refused(workspace, "DELETE FROM test_payments WHERE id = :id",
                       id=_key(workspace, payment))
    assert "ledger rows are never deleted: test_payments" in message
    message = _refused(workspace, "DELETE FROM test_payments")
    assert "never deleted" in message
    assert _count(workspace) == 1


def test_the_database_refuses_changing_business_columns(workspace):
    payment = _paid(workspace)
    key = _key(workspace, payment)
    for sql in (
        "UPDATE test_payments SET amount = 1 WHERE id = :id",
        "UPDATE test_payments SET memo = 'changed' WHERE id = :id",
        "UPDATE test_payments SET archived = :yes WHERE id = :id",
    ):
        params = {"id": key, "yes": True} if ":yes" in sql else {"id": key}
        assert "ledger rows are never changed: test_payments" in _refused(workspace, sql, **params)
    with workspace.reading() as session:
        stored = session.get(Payment, payment.id)
        assert (stored.amount, stored.memo, stored.archived) == (Decimal("100.00"), "rent", False)


def test_sync_bookkeeping_may_change(workspace):
    payment = _paid(workspace)
    key = _key(workspace, payment)
    with workspace.engine.begin() as connection:
        connection.execute(
            text("UPDATE test_payments SET row_version = 7, hlc = 'server-stamp' WHERE id = :id"),
            {"id": key},
        )
        # Setting a business column to the value it has is no change (sync re-applying a row).
        connection.execute(text("UPDATE test_payments SET memo = 'rent' WHERE id = :id"),
                           {"id": key})
    with workspace.reading() as session:
        stored = session.get(Payment, payment.id)
        assert (stored.row_version, stored.hlc) == (7, "server-stamp")


def test_the_orm_refuses_early_with_a_clear_error(workspace):
    payment = _paid(workspace)
    deleted = pytest.raises(LedgerRefused, match="never deleted; post a reversing entry")
    with deleted, workspace.transaction() as session:
        session.delete(session.get(Payment, payment.id))
    changed = pytest.raises(LedgerRefused, match=r"never changed \(amount\)")
    with changed, workspace.transaction() as session:
        session.get(Payment, payment.id).amount = Decimal("1.00")
    with workspace.transaction() as session:  # bookkeeping through the ORM is fine
        session.get(Payment, payment.id).row_version = 3
    assert _count(workspace) == 1


def test_bulk_inserted_ledger_rows_are_guarded_too(workspace):
    with workspace.transaction() as session:
        ids = insert_rows(session, Payment.__table__,
                          [{"amount": Decimal("5.00")}, {"amount": Decimal("6.00")}])
    assert _count(workspace) == 2
    message = _refused(workspace, "UPDATE test_payments SET amount = 0 WHERE id = :id",
                       id=_key(workspace, ids[0]))
    assert "never changed" in message


def _key(ws: Workspace, row: Payment | Any) -> str:
    """The id as the database stores it (hex on SQLite, a uuid on PostgreSQL)."""
    value = row.id if isinstance(row, Payment) else row
    return value.hex if ws.engine.dialect.name == "sqlite" else str(value)


def _count(ws: Workspace) -> int:
    with ws.engine.connect() as connection:
        return connection.execute(text("SELECT count(*) FROM test_payments")).scalar_one()
