"""Deposits in the three-ledger window: a contract's deposit not received, and a deposit
received the books do not have, listed by cause with the contract they are about.

The small park's tenant signs HT-G-1 on ZD-A-0103 (from March 2026, a deposit of
25,080.00) on 1 February; March and April are billed; 20,000.00 of the deposit is
received on 3 February.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from services import billing_run, deposits
from tests.small_leases import park_id, sign_lease
from tests.three_ledger_books import one_line_of_books

ON = date(2026, 4, 10)


def test_deposit_causes_are_listed_with_their_contract(qtbot, window, monkeypatch, tmp_path):
    import app.ledgers_flow as flow
    from views.three_ledgers_window import ThreeLedgersWindow

    ws = window.controller.workspace
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)
    contract = sign_lease(ws, "ZD-A-0103", "HT-G-1", deposit=Decimal("25080.00"))
    deposits.receive_deposit(ws, contract, Decimal("20000.00"), date(2026, 2, 3))
    billing_run.post_run(ws, park_id(ws), date(2026, 1, 1), date(2026, 4, 30),
                         date(2025, 12, 25))
    one_line_of_books(ws, park_id(ws), tmp_path, date(2026, 12, 31))  # books to compare
    monkeypatch.setattr(flow, "today", lambda: ON)
    window.billing_menu.ledgers_action.trigger()
    view = window.findChild(ThreeLedgersWindow, "three-ledgers-window")
    assert view is not None
    qtbot.waitUntil(lambda: view.report is not None and not view._busy, timeout=30000)

    causes = view.causes()
    assert (causes["deposit-amount-differs"], causes["deposit-received-not-in-books"]) == (1, 1)
    labels = [view.cause_list.item(i).text() for i in range(view.cause_list.count())]
    assert "Deposit amount differs from the contract (1)" in labels
    assert "Deposit received, not in the books (1)" in labels

    view.select_cause("deposit-amount-differs")
    (row,) = view.differences()
    assert (row.what, row.on, row.ours, row.theirs, row.difference) == (
        "HT-G-1 ZD-A-0103", "2026-02-01", "20,000.00", "25,080.00", "-5,080.00")
    assert "HT-G-1: 20,000.00 received as its deposit" in view.detail.toPlainText()

    view.select_cause("deposit-received-not-in-books")
    (row,) = view.differences()
    assert (row.what, row.on, row.ours, row.tenant) == (
        "HT-G-1", "2026-02-03", "-20,000.00", "上海云帆智能科技有限公司")
    assert row.reference.startswith("LM-D-")
    assert ("deposit of 20,000.00 received for HT-G-1 on 2026-02-03: no entry on deposits "
            "held / bank in the books") in view.detail.toPlainText()
