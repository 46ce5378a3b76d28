"""A termination settled from the contract's window: once the termination is written,
Settle… says, before anything is written, the open bills, the late fees accrued to the
day on a final bill, the deposit applied oldest first and what is left owed (or
refunded); Settle posts just that; a contract still running is refused in words.

HT-ST-1 lets ZD-A-0103 to the small park's tenant (12,540.00 a month from 2026-03-01,
due on the 1st, a late fee of 0.05 % a day), with a deposit of 25,080.00 received on
2026-02-20. March and April are billed on 2026-02-25 and nothing is paid. Terminated on
2026-04-30 and settled that day: March's rent 60 days late (376.20) and April's 29
(181.83) make a final bill of 558.03; the deposit pays March and April, 558.03 is owed.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, Qt
from sqlalchemy import select

from domain.leasing.clauses import LateFee
from services import billing_run, contracts, deposits, receivables
from store.schema import Bill, DepositMovement
from tests.small_leases import lease_spec, park_id

D = Decimal
OWED = "HT-ST-1/2026-04-30/final"


def _lease(ws):
    spec = lease_spec(ws, "ZD-A-0103", "HT-ST-1", date(2026, 3, 1), date(2027, 2, 28),
                      deposit=D("25080.00"), late_fee=LateFee(D("0.0005")))
    cid = contracts.create_signed(ws, park_id(ws), spec)
    deposits.receive_deposit(ws, cid, D("25080.00"), date(2026, 2, 20))
    billing_run.post_run(ws, park_id(ws), date(2026, 3, 1), date(2026, 4, 30),
                         date(2026, 2, 25))
    return cid


def _flow_dialog(window, kind):
    from app.contract_flow import flow_of

    return next(d for d in flow_of(window).dialogs if isinstance(d, kind))


def _detail(qtbot, window, cid):
    from app.contract_flow import flow_of

    window.controller.check_outside_changes()
    detail = flow_of(window).open_contract(cid)
    qtbot.waitUntil(lambda: detail.contract is not None, timeout=20000)
    return detail


def test_terminate_then_settle_the_deposit_against_the_arrears(qtbot, window):
    from views.contract_detail import TerminateDialog
    from views.settlement_dialog import SettlementDialog

    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)
    ws = window.controller.workspace
    cid = _lease(ws)
    detail = _detail(qtbot, window, cid)
    assert not detail.settle_button.isEnabled()  # it runs on the viewed day
    qtbot.mouseClick(detail.terminate_button, Qt.MouseButton.LeftButton)
    terminate = _flow_dialog(window, TerminateDialog)
    assert not terminate.settle_button.isVisible()
    terminate.day.setDate(QDate(2026, 4, 30))
    qtbot.mouseClick(terminate.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: terminate.written, timeout=20000)
    assert terminate.settle_button.isVisible()

    qtbot.mouseClick(terminate.settle_button, Qt.MouseButton.LeftButton)
    settle = _flow_dialog(window, SettlementDialog)
    qtbot.waitUntil(lambda: settle.plan is not None, timeout=20000)
    assert settle.chosen() == date(2026, 4, 30)
    said = settle.summary.text()
    assert "Settling on 2026-04-30:" in said
    assert "Open bills: 2, CNY 25,080.00 still owed." in said
    assert (f"Late fees accrued to 2026-04-30: CNY 558.03, billed on a final bill ({OWED})."
            in said)
    assert "Deposit held: CNY 25,080.00; applied to the bills: CNY 25,080.00." in said
    assert "Still owed once the deposit is applied: CNY 558.03." in said
    table = settle.table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]
    assert rows == [
        ["HT-ST-1/2026-03-01/rent", "Rent", "2026-03-01", "12,540.00", "12,540.00"],
        ["HT-ST-1/2026-04-01/rent", "Rent", "2026-04-01", "12,540.00", "12,540.00"],
        [OWED, "Late fees to the day", "2026-04-30", "558.03", "0.00"],
    ]
    with ws.reading() as s:  # a rehearsal: nothing written
        assert s.scalar(select(Bill).where(Bill.number == OWED)) is None

    qtbot.mouseClick(settle.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: settle.written, timeout=20000)
    assert settle.summary.text().startswith("Settled on 2026-04-30:")
    assert not settle.ok_button.isEnabled() and not settle.day.isEnabled()
    with ws.reading() as s:
        assert s.scalar(select(Bill.amount).where(Bill.number == OWED)) == D("558.03")
        kinds = sorted(m.kind for m in s.scalars(select(DepositMovement)
                                                 .where(DepositMovement.contract_id == cid)))
        assert kinds == ["applied", "applied", "received"]
        assert deposits.deposit_held(s, cid) == D("0.00")
        left = {i.number: i.amount for i in receivables.read_ledger(s, park_id(ws))
                .open_items() if i.contract_id == cid}
    assert left == {OWED: D("558.03")}
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)


def test_a_contract_still_running_is_not_settled(qtbot, window):
    from app.contract_flow import flow_of

    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)
    cid = _lease(window.controller.workspace)
    _detail(qtbot, window, cid)
    settle = flow_of(window).settle(cid, date(2026, 5, 1))
    qtbot.waitUntil(lambda: "color" in settle.summary.styleSheet(), timeout=20000)
    assert "HT-ST-1" in settle.summary.text() and "2027-02-28" in settle.summary.text()
    assert not settle.ok_button.isEnabled()
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)
