"""A deposit received and refunded from the contract's Deposit tab, as a clerk does it:
"Receive…" offers the agreed deposit less what is held and the tenant's payments that
still hold money, says what it will write (held before → after, the payment's money it
takes and what the payment then holds for the queue) and writes it on Save; the tab and
the payment follow. "Refund…" offers all that is held; an amount beyond it, or not a
number, is refused in words and nothing is written. Nothing can be asked for where the
panel is not writable.

The small park's tenant leases ZD-A-0103 (HT-DT-1, February 2026 to January 2027, a
deposit of 25,080.00) and paid 25,080.00 on 20 January 2026; another payer's 500.00 of
3 January waits in the queue too, and is not the tenant's.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, Qt
from sqlalchemy import func, select

from domain.billing.deposits import RECEIVED, REFUNDED
from services import contracts, deposits, payments, receivables
from services.payments import PaymentInput
from store.schema import Allocation, DepositMovement, Outbox
from tests.small_leases import lease_spec, park_id

D = Decimal
TENANT = "上海云帆智能科技有限公司"
PAID_ON = date(2026, 1, 20)


def _lease(ws, *, received: bool = False):
    spec = lease_spec(ws, "ZD-A-0103", "HT-DT-1", date(2026, 2, 1), date(2027, 1, 31),
                      rate=D(80), signed_on=date(2026, 1, 15), deposit=D("25080.00"))
    cid = contracts.create_signed(ws, park_id(ws), spec)
    paid = payments.enter_payment(ws, park_id(ws), PaymentInput(PAID_ON, D("25080.00"),
                                                                TENANT))
    payments.enter_payment(ws, park_id(ws), PaymentInput(date(2026, 1, 3), D("500.00"),
                                                         "某某物流有限公司"))
    if received:
        deposits.receive_deposit(ws, cid, D("25080.00"), PAID_ON, payment_id=paid)
    return cid, paid


def _detail(qtbot, window, cid):
    from app.contract_flow import flow_of
    from views.contract_detail import DEPOSIT_TAB

    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)
    window.controller.check_outside_changes()
    detail = flow_of(window).open_contract(cid)
    qtbot.waitUntil(lambda: detail.contract is not None, timeout=20000)
    detail.tabs.setCurrentIndex(DEPOSIT_TAB)
    return detail


def _open(qtbot, window, button):
    from app.contract_flow import flow_of
    from views.deposit_move_dialog import DepositMoveDialog

    before = [d for d in flow_of(window).dialogs if isinstance(d, DepositMoveDialog)]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return next(d for d in flow_of(window).dialogs
                if isinstance(d, DepositMoveDialog) and d not in before)


def _said(qtbot, dialog) -> list[str]:
    """The dialog's answer once it came: the plan's lines, or the refusal."""
    qtbot.waitUntil(lambda: not dialog.wait.isActive() and (
        dialog.ok_button.isEnabled() or "color" in dialog.plan.styleSheet()), timeout=20000)
    return dialog.plan.text().splitlines()


def _counts(ws) -> tuple[int, int, int]:
    with ws.reading() as s:
        return tuple(s.scalar(select(func.count()).select_from(t))
                     for t in (DepositMovement, Allocation, Outbox))


def _rows(panel) -> list[list[str]]:
    table = panel.table
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def test_a_deposit_received_out_of_the_tenant_s_payment(qtbot, window, tmp_path):
    ws = window.controller.workspace
    cid, paid = _lease(ws)
    detail = _detail(qtbot, window, cid)
    panel = detail.deposit_panel
    assert panel.receive_button.isEnabled()
    assert not panel.refund_button.isEnabled()  # nothing held
    assert panel.refund_button.toolTip() == "The deposit holds nothing to refund."

    dialog = _open(qtbot, window, panel.receive_button)
    assert dialog.amount.text() == "25,080.00"  # the agreed deposit, nothing held
    assert dialog.day.date().toPython() == window.controller.day  # the viewed day
    qtbot.waitUntil(lambda: dialog.payments is not None, timeout=20000)
    offered = [dialog.payment.itemText(i) for i in range(dialog.payment.count())]
    assert offered == ["None: not out of a payment entered here",
                       f"2026-01-20 · 25,080.00 CNY · {TENANT} · holds 25,080.00 CNY"]
    assert dialog.payment_note.text().startswith("1 of the tenant's payments hold money")
    dialog.day.setDate(QDate(2026, 1, 20))
    assert _said(qtbot, dialog)[1:3] == [
        "• held 0.00 CNY → 25,080.00 CNY (25,080.00 CNY agreed)",
        "• not out of a payment entered here: no payment's money changes"]

    assert dialog.choose_payment(paid)
    assert _said(qtbot, dialog) == [
        "Receiving 25,080.00 CNY into HT-DT-1's deposit on 2026-01-20:",
        "• held 0.00 CNY → 25,080.00 CNY (25,080.00 CNY agreed)",
        f"• from {TENANT}'s payment of 25,080.00 CNY on 2026-01-20, which then holds "
        "0.00 CNY for the payments queue",
        "Nothing is written until you press Save."]
    dialog.grab().save(str(tmp_path / "receive.png"))
    before = _counts(ws)
    assert before[0] == 0  # the rehearsals wrote nothing

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.written, timeout=20000)
    assert dialog.plan.text().splitlines()[0] == (
        "Received 25,080.00 CNY into HT-DT-1's deposit on 2026-01-20.")
    assert not dialog.amount.isEnabled() and not dialog.ok_button.isEnabled()
    # one movement, one allocation (the payment's money held), a command each
    assert _counts(ws) == (1, 1, before[2] + 2)
    with ws.reading() as s:
        (move,) = s.scalars(select(DepositMovement))
        assert (move.kind, move.amount, move.on, move.payment_id) == (
            RECEIVED, D("25080.00"), PAID_ON, paid)
        holds = receivables.unallocated_by_payment(receivables.read_ledger(s, park_id(ws)))
    assert holds[paid] == D("0.00")

    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=20000)
    assert panel.held.text() == "Deposit: 25,080.00 CNY"
    assert _rows(panel) == [["2026-01-20", "Received", "+25,080.00 CNY",
                             f"out of {TENANT}'s payment", "", ""]]
    assert panel.refund_button.isEnabled()
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)


def test_a_refund_beyond_what_is_held_is_refused_and_writes_nothing(qtbot, window, tmp_path):
    ws = window.controller.workspace
    cid, _paid = _lease(ws, received=True)
    detail = _detail(qtbot, window, cid)
    panel = detail.deposit_panel
    dialog = _open(qtbot, window, panel.refund_button)
    assert dialog.amount.text() == "25,080.00"  # all that is held
    assert not dialog.payment.isVisibleTo(dialog)  # a refund comes out of no payment
    dialog.day.setDate(QDate(2027, 2, 5))
    before = _counts(ws)

    dialog.amount.setText("30,000")
    assert _said(qtbot, dialog) == ["The deposit holds 25,080.00: 30,000.00 cannot be refunded"]
    assert not dialog.ok_button.isEnabled()
    dialog.grab().save(str(tmp_path / "refund-refused.png"))
    dialog.amount.setText("12.345")
    assert _said(qtbot, dialog) == [
        "A deposit is an amount above 0.00, in cents, not 12.345"]
    dialog.amount.setText("三千")
    assert _said(qtbot, dialog) == ["Type the amount as a number, such as 25,080.00."]
    assert _counts(ws) == before

    dialog.amount.setText("5,000")
    assert _said(qtbot, dialog) == [
        "Refunding 5,000.00 CNY of HT-DT-1's deposit on 2027-02-05:",
        "• held 25,080.00 CNY → 20,080.00 CNY (25,080.00 CNY agreed)",
        "• 5,000.00 CNY paid back to the tenant",
        "Nothing is written until you press Save."]
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.written, timeout=20000)
    with ws.reading() as s:
        refunded = list(s.scalars(select(DepositMovement).where(
            DepositMovement.kind == REFUNDED)))
        assert [(m.amount, m.on) for m in refunded] == [(D("5000.00"), date(2027, 2, 5))]
        assert deposits.deposit_held(s, cid) == D("20080.00")
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=20000)
    assert _rows(panel)[1][:3] == ["2027-02-05", "Refunded", "−5,000.00 CNY"]
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)


def test_nothing_is_asked_for_where_the_panel_is_not_writable(qtbot):
    from services.deposits import DepositStatement
    from views.deposit_panel import DepositPanel

    panel = DepositPanel()
    qtbot.addWidget(panel)
    assert not panel.receive_button.isEnabled()  # nothing read yet
    statement = DepositStatement(None, "HT-DT-1", D("25080.00"), D("25080.00"),
                                 (("received", "", D("25080.00")),), ())
    panel.set_statement(statement, "CNY", writable=False)
    assert not panel.receive_button.isEnabled() and not panel.refund_button.isEnabled()
    with qtbot.assertNotEmitted(panel.receiveRequested), \
            qtbot.assertNotEmitted(panel.refundRequested):
        qtbot.mouseClick(panel.receive_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(panel.refund_button, Qt.MouseButton.LeftButton)
    panel.set_statement(statement, "CNY", writable=True)
    assert panel.receive_button.isEnabled() and panel.refund_button.isEnabled()
    with qtbot.waitSignal(panel.refundRequested):
        qtbot.mouseClick(panel.refund_button, Qt.MouseButton.LeftButton)


def test_a_draft_s_deposit_cannot_be_received(qtbot, window):
    ws = window.controller.workspace
    spec = lease_spec(ws, "ZD-A-0103", "HT-DR-1", date(2026, 2, 1), date(2027, 1, 31),
                      deposit=D("25080.00"))
    cid = contracts.save_draft(ws, park_id(ws), spec)
    detail = _detail(qtbot, window, cid)
    panel = detail.deposit_panel
    assert panel.statement is not None
    assert not panel.receive_button.isEnabled() and not panel.refund_button.isEnabled()
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)
