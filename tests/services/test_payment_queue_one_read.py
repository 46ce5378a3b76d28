"""The Payments to match panel's refresh reads the ledger once, and shows what the queue,
the open bills and the tenants' names say when each is read on its own.

The small park's tenant leases ZD-A-0101 and ZD-A-0103 (HT-P-1), March and April billed;
two transfers the rules cannot place wait in the queue.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import event

from app.payments_flow import read_queue
from services import billing_run, payments, receivables
from services.payments import PaymentInput
from tests.small_leases import open_small, park_id, sign_lease
from views.payment_queue import TenantLabel

D = Decimal


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "park.leasemap")
    sign_lease(workspace, "ZD-A-0103", "HT-P-1")
    park = park_id(workspace)
    billing_run.post_run(workspace, park, date(2026, 3, 1), date(2026, 4, 30),
                         date(2026, 2, 25))
    payments.enter_payment(workspace, park, PaymentInput(date(2026, 3, 4), D("11913.00"),
                                                         "云帆智能科技（上海）", remarks="租金"))
    payments.enter_payment(workspace, park, PaymentInput(date(2026, 3, 5), D("888.00"),
                                                         "张三", remarks="押金"))
    yield workspace
    workspace.close()


def test_the_panel_reads_the_ledger_once_and_shows_the_same(ws):
    park = park_id(ws)
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(ws.engine, "before_cursor_execute", seen)
    try:
        snapshot = read_queue(ws, park, "CNY")
    finally:
        event.remove(ws.engine, "before_cursor_execute", seen)
    bills_read = [s for s in statements if "FROM bills" in s]
    assert len(bills_read) == 1, bills_read  # it was read twice: the queue, then the bills

    with ws.reading() as s:
        queue = payments.payment_queue(s, park)
        open_items = receivables.read_ledger(s, park).open_items()
        names = receivables.tenant_names(s, park)
    assert snapshot.items == queue and len(queue) == 2
    by_tenant = defaultdict(list)
    for item in open_items:
        by_tenant[item.tenant_id].append(item)
    assert snapshot.open_items == dict(by_tenant)
    assert sum(len(v) for v in snapshot.open_items.values()) == 4
    assert snapshot.tenants == {t.id: TenantLabel(t.name, t.short_name or "") for t in names}


def test_an_empty_queue_still_lists_the_open_bills(ws):
    park = park_id(ws)
    with ws.reading() as s:
        held = receivables.unallocated_by_payment(receivables.read_ledger(s, park))
    for payment_id, amount in held.items():
        payments.refund(ws, payment_id, amount, date(2026, 3, 10))
    with ws.reading() as s:
        assert payments.payment_queue(s, park) == []
        found = payments.read_payment_queue(s, park)
    assert found.items == () and len(found.open_items) == 4 and len(found.tenants) == 1
