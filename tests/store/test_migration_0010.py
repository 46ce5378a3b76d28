"""Migration 0010: finance settings. A 0009 workspace (invoices voided and reversed, alerts
as the old collections code ended them) upgrades with every row kept: the reasons still
queued in the outbox fill ``invoices.note`` (which the ledger then guards), ended actions
get ``ended_on`` instead of being archived, and parks and the calendar start empty.

On SQLite (a real file, opened as the app opens it) and on the PostgreSQL the suite
starts. The 0009 state is made by migrating a head workspace down, then writing alerts
the way the 0009 code wrote them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa
from sqlalchemy import delete, inspect, select, text
from sqlalchemy.exc import IntegrityError

from domain.billing.bills import bill_id
from domain.billing.collections import ActionKind, action_id
from domain.billing.credit import Tier
from services import billing_run, contracts, invoices
from services.collections import ALERT_KIND, stored_actions
from store.files import SCHEMA_HEAD, inspect_file
from store.ids import uuid7
from store.schema import Alert, Contract, Holiday, Invoice, Outbox, Park
from store.types import UtcDateTime, utc_now
from store.workspace import Workspace, run_migrations
from tests.small_leases import lease_spec, open_small, park_id

D = Decimal
MARCH = date(2026, 3, 1)
N1, N2, N3, N4, N5 = (f"2431200000000000{n:04d}" for n in range(1, 6))

# alerts as the 0009 code stored them (services/collections.py before 0010)
alerts_0009 = sa.table(
    "alerts",
    sa.column("id", sa.Uuid()), sa.column("park_id", sa.Uuid()),
    sa.column("contract_id", sa.Uuid()), sa.column("kind", sa.String(32)),
    sa.column("code", sa.String(32)), sa.column("owner_role", sa.String(32)),
    sa.column("due_on", sa.Date()), sa.column("raised_on", sa.Date()),
    sa.column("cleared_on", sa.Date()), sa.column("hlc", sa.String(64)),
    sa.column("field_hlc", sa.JSON()), sa.column("row_version", sa.Integer()),
    sa.column("archived", sa.Boolean()), sa.column("updated_at", UtcDateTime()),
)


@dataclass
class Made:
    park: uuid.UUID
    tenant: uuid.UUID
    contract: uuid.UUID
    invoices: list[tuple]  # (kind, number, amounts…) before the migration
    alerts: dict[str, uuid.UUID]


def _invoice_rows(ws: Workspace) -> list[tuple]:
    with ws.reading() as s:
        return [tuple(r) for r in s.execute(
            select(Invoice.id, Invoice.kind, Invoice.number, Invoice.of_id, Invoice.issued_on,
                   Invoice.tax_rate, Invoice.amount_incl, Invoice.amount_excl, Invoice.tax)
            .order_by(Invoice.id))]


def _fill(ws: Workspace) -> Made:
    """Invoices voided and reversed with reasons (one command then pushed), at head."""
    park = park_id(ws)
    cid = contracts.create_signed(ws, park, lease_spec(ws, "ZD-A-0103", "HT-B-1", MARCH,
                                                       date(2027, 2, 28)))
    billing_run.post_run(ws, park, MARCH, date(2026, 4, 30), MARCH)
    march, april = bill_id(str(cid), MARCH, "rent"), bill_id(str(cid), date(2026, 4, 1), "rent")
    invoices.issue_invoice(ws, march, N1, date(2026, 3, 5))
    invoices.void_invoice(ws, N1, date(2026, 3, 20), note="抬头有误")
    invoices.issue_invoice(ws, march, N2, date(2026, 3, 21), replaces=N1)
    invoices.reverse_invoice(ws, N2, N3, date(2026, 4, 10), note="开票有误，重开")
    invoices.issue_invoice(ws, april, N4, date(2026, 4, 2))
    pushed = invoices.void_invoice(ws, N4, date(2026, 4, 3), note="已推送的作废")
    with ws.engine.begin() as connection:  # that void's command reached the server
        connection.execute(delete(Outbox).where(Outbox.entity_id == pushed))
    with ws.reading() as s:
        legacy = s.scalar(select(Contract).where(Contract.code == "HT-2026-0001"))
        return Made(park, legacy.tenant_id, legacy.id, _invoice_rows(ws), {})


def _old_alerts(ws: Workspace, made: Made) -> None:
    """Alerts as the 0009 code left them: ended ones archived with the day in cleared_on."""
    tenant = made.tenant

    def row(kind: ActionKind, tier: Tier, raised: date, cleared: date | None,
            archived: bool, alert_kind: str = ALERT_KIND) -> dict:
        row_id = (action_id(tenant, kind, tier, 1) if alert_kind == ALERT_KIND else uuid7())
        made.alerts[f"{alert_kind}:{kind.value}"] = row_id
        return {"id": row_id, "park_id": made.park, "contract_id": made.contract,
                "kind": alert_kind, "code": kind.value, "owner_role": "finance",
                "due_on": raised, "raised_on": raised, "cleared_on": cleared,
                "hlc": "0" * 20, "field_hlc": {}, "row_version": 0, "archived": archived,
                "updated_at": utc_now()}

    rows = [
        # medium's episode, ended on 04-02 when the tenant went to high (never done)
        row(ActionKind.CALL, Tier.MEDIUM, date(2026, 4, 1), date(2026, 4, 2), True),
        # ended with no day written (an older row): it ended on the day it was raised
        row(ActionKind.BILL_EARLY, Tier.MEDIUM, date(2026, 4, 1), None, True),
        # high's, open; and one done on 04-05 (not ended)
        row(ActionKind.RENEWAL_FROZEN, Tier.HIGH, date(2026, 4, 2), None, False),
        row(ActionKind.LEGAL_REVIEW, Tier.HIGH, date(2026, 4, 2), date(2026, 4, 5), False),
        # a checkpoint alert someone archived: not collections, left as it is
        row(ActionKind.SITE_CHECK, Tier.CRITICAL, date(2026, 4, 2), date(2026, 4, 3), True,
            alert_kind="checkpoint"),
    ]
    with ws.engine.begin() as connection:
        connection.execute(sa.insert(alerts_0009), rows)


def _at_0009(ws: Workspace) -> None:
    run_migrations(ws.engine, "0009", downgrade=True)
    tables = inspect(ws.engine)
    assert "holidays" not in tables.get_table_names()
    assert "note" not in {c["name"] for c in tables.get_columns("invoices")}
    assert "ended_on" not in {c["name"] for c in tables.get_columns("alerts")}
    assert "tax_rates" not in {c["name"] for c in tables.get_columns("parks")}


def test_a_0009_workspace_upgrades_keeping_its_rows(store):
    ws = store.open()
    try:
        made = _fill(ws)
        _at_0009(ws)
        _old_alerts(ws, made)
        with ws.engine.connect() as connection:
            alert_count = connection.execute(text("SELECT count(*) FROM alerts")).scalar()
    finally:
        ws.close()

    upgraded = store.open()
    try:
        if store.path is not None:
            assert inspect_file(store.path) == SCHEMA_HEAD
        # every invoice row kept as it was, and the reasons still queued filled in
        assert _invoice_rows(upgraded) == made.invoices
        with upgraded.reading() as s:
            notes = {(kind, number): note for kind, number, note in s.execute(
                select(Invoice.kind, Invoice.number, Invoice.note))}
        assert notes == {("blue", N1): "", ("void", N1): "抬头有误", ("blue", N2): "",
                         ("red", N3): "开票有误，重开", ("blue", N4): "",
                         ("void", N4): ""}  # pushed before: its reason is no longer here
        with upgraded.reading() as s:
            book = invoices.invoice_state(s, made.park)
        assert (book.invoice(N1).note, book.invoice(N2).note, book.invoice(N3).note) == (
            "抬头有误", "开票有误，重开", "开票有误，重开")

        # the ledger guards the new column too
        key = {"sqlite": lambda u: u.hex, "postgresql": str}[store.kind]
        with upgraded.reading() as s:
            red = s.scalar(select(Invoice.id).where(Invoice.number == N3))
        with pytest.raises(IntegrityError, match="ledger rows are never"), \
                upgraded.engine.begin() as connection:
            connection.execute(text("UPDATE invoices SET note = 'x' WHERE id = :id"),
                               {"id": key(red)})

        # ended actions: ended_on as the 0009 reading made it, no longer archived or "done"
        with upgraded.reading() as s:
            rows = {a.id: a for a in s.scalars(select(Alert))}
            assert len(rows) == alert_count
            read = {x.action.kind: x.action for x in stored_actions(s, made.park)[made.tenant]}
        call = rows[made.alerts["collections:call"]]
        assert (call.ended_on, call.cleared_on, call.archived) == (date(2026, 4, 2), None, False)
        early = rows[made.alerts["collections:bill_early"]]
        assert (early.ended_on, early.cleared_on, early.archived) == (date(2026, 4, 1), None,
                                                                      False)
        frozen = rows[made.alerts["collections:renewal_frozen"]]
        assert (frozen.ended_on, frozen.cleared_on, frozen.archived) == (None, None, False)
        review = rows[made.alerts["collections:legal_review"]]
        assert (review.ended_on, review.cleared_on) == (None, date(2026, 4, 5))
        checkpoint = rows[made.alerts["checkpoint:site_check"]]
        assert (checkpoint.ended_on, checkpoint.cleared_on, checkpoint.archived) == (
            None, date(2026, 4, 3), True)
        # what collections reads is what it read before the upgrade
        assert {k: (a.ended_on, a.done_on) for k, a in read.items()} == {
            ActionKind.CALL: (date(2026, 4, 2), None),
            ActionKind.BILL_EARLY: (date(2026, 4, 1), None),
            ActionKind.RENEWAL_FROZEN: (None, None),
            ActionKind.LEGAL_REVIEW: (None, date(2026, 4, 5))}

        # parks keep the default rates; the calendar is empty and writable
        with upgraded.reading() as s:
            assert [p.tax_rates for p in s.scalars(select(Park))] == [{}]
            assert s.scalar(select(sa.func.count()).select_from(Holiday)) == 0
        from services.finance_settings import add_holiday, holidays

        add_holiday(upgraded, made.park, date(2026, 10, 1), "holiday", "国庆节")
        with upgraded.reading() as s:
            assert [(d.day, d.kind) for d in holidays(s, made.park)] == [
                (date(2026, 10, 1), "holiday")]
    finally:
        upgraded.close()


def test_down_and_up_again_gives_the_same_rows(tmp_path):
    """0010 → 0009 → 0010: ended actions and reasons come back as they were (the reasons
    through the commands still queued)."""
    path = tmp_path / "a.leasemap"
    ws = open_small(path)
    try:
        made = _fill(ws)
        _at_0009(ws)
        _old_alerts(ws, made)
    finally:
        ws.close()

    def state(at) -> tuple:
        with Workspace.open(at) as opened, opened.reading() as s:
            alerts = sorted((a.id, a.ended_on, a.cleared_on, a.archived)
                            for a in s.scalars(select(Alert)))
            notes = sorted((i.id, i.note) for i in s.scalars(select(Invoice)))
        return alerts, notes

    first = state(path)
    ws = Workspace.open(path)
    try:
        _at_0009(ws)
    finally:
        ws.close()
    assert state(path) == first
