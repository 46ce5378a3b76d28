"""A contract's deposit in its window, as a clerk uses it: the Deposit tab lists every
movement with what it did to the deposit held and what it concerns; "Reverse…" on one
says what reversing it will do (both sides of a carry, the payment given its money
back) or why it is refused, in words, and writes it once confirmed; the terminate
dialog says the deposit held, not the one agreed.

The small park's tenant leases ZD-A-0103 (HT-DT-1, February 2026 to January 2027, a
deposit of 25,080.00, received out of a payment on 20 January); HT-RN-2 renews it from
1 February 2027 asking 20,000.00, carried from HT-DT-1 (5,080.00 stays there).
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, Qt
from sqlalchemy import select

from domain.billing.deposits import CARRIED_OUT, RECEIVED, REVERSED
from services import contracts, deposits, payments, receivables
from services.payments import PaymentInput
from store.schema import Contract, DepositMovement
from tests.small_leases import lease_spec, park_id

D = Decimal
TENANT = "上海云帆智能科技有限公司"
ON = date(2026, 11, 22)


def _lease(ws):
    spec = lease_spec(ws, "ZD-A-0103", "HT-DT-1", date(2026, 2, 1), date(2027, 1, 31),
                      rate=D(80), signed_on=date(2026, 1, 15), deposit=D("25080.00"))
    cid = contracts.create_signed(ws, park_id(ws), spec)
    paid = payments.enter_payment(ws, park_id(ws), PaymentInput(
        date(2026, 1, 20), D("25080.00"), TENANT))
    deposits.receive_deposit(ws, cid, D("25080.00"), date(2026, 1, 20), payment_id=paid)
    renewal = lease_spec(ws, "ZD-A-0103", "HT-RN-2", date(2027, 2, 1), date(2028, 1, 31),
                         rate=D(88), signed_on=date(2026, 11, 1), deposit=D("20000.00"))
    new = contracts.renew(ws, cid, renewal)
    return cid, new, paid


def _detail(qtbot, window, cid):
    from app.contract_flow import flow_of
    from views.contract_detail import DEPOSIT_TAB

    window.controller.check_outside_changes()
    detail = flow_of(window).open_contract(cid)
    qtbot.waitUntil(lambda: detail.contract is not None, timeout=20000)
    detail.tabs.setCurrentIndex(DEPOSIT_TAB)
    return detail


def _rows(panel) -> list[list[str]]:
    table = panel.table
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def _reverse(qtbot, window, detail, kind: str):
    """Select the movement of ``kind``, press Reverse…, date it ON; the dialog once said."""
    from app.contract_flow import flow_of
    from views.deposit_panel import ReverseDialog

    panel = detail.deposit_panel
    line = next(x for x in panel.statement.lines if x.kind == kind)
    assert panel.select_movement(line.id)
    assert panel.reverse_button.isEnabled()
    qtbot.mouseClick(panel.reverse_button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in reversed(flow_of(window).dialogs)
                  if isinstance(d, ReverseDialog) and d.line.id == line.id)
    dialog.day.setDate(QDate(ON.year, ON.month, ON.day))
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled() or "color" in dialog.plan.styleSheet(),
                    timeout=20000)
    return dialog


def test_the_deposit_tab_lists_the_movements_and_a_carry_is_reversed_on_both(
        qtbot, window, tmp_path):
    ws = window.controller.workspace
    cid, new, paid = _lease(ws)
    detail = _detail(qtbot, window, cid)
    panel = detail.deposit_panel
    assert panel.held.text() == (
        "Deposit: held 5,080.00 CNY of 25,080.00 CNY agreed; 25,080.00 CNY received; "
        "20,000.00 CNY carried to HT-RN-2")
    assert _rows(panel) == [
        ["2026-01-20", "Received", "+25,080.00 CNY", f"out of {TENANT}'s payment", "", ""],
        ["2027-02-01", "Carried to the renewal", "−20,000.00 CNY", "to HT-RN-2", "", ""]]
    assert not panel.reverse_button.isEnabled()  # nothing selected
    panel.grab().save(str(tmp_path / "deposit-tab.png"))

    # The receipt cannot be reversed while 20,000.00 of it is carried on: said, not written.
    refused = _reverse(qtbot, window, detail, RECEIVED)
    assert not refused.ok_button.isEnabled()
    assert refused.plan.text() == (
        "HT-DT-1's deposit holds 5,080.00: reversing 25,080.00 would leave less than nothing")
    refused.reject()

    dialog = _reverse(qtbot, window, detail, CARRIED_OUT)
    assert dialog.movement.text() == (
        "Carried to the renewal of 20,000.00 CNY on 2027-02-01 · to HT-RN-2")
    assert dialog.plan.text().splitlines() == [
        "Reversing it on 2026-11-22:",
        "• The carry of 20,000.00 CNY from HT-DT-1 to HT-RN-2 on 2027-02-01 is reversed on "
        "both contracts: HT-DT-1 holds 25,080.00 CNY (now 5,080.00 CNY), HT-RN-2 holds "
        "0.00 CNY (now 20,000.00 CNY)",
        "Nothing is written until you press Reverse."]
    dialog.grab().save(str(tmp_path / "reverse-dialog.png"))
    with ws.reading() as s:
        assert len(list(s.scalars(select(DepositMovement)))) == 3  # the rehearsal wrote none
    dialog.note.setText("续签取消")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.written, timeout=20000)
    assert dialog.plan.text().startswith("Reversed on 2026-11-22.\n• The carry of 20,000.00")
    with ws.reading() as s:
        undone = list(s.scalars(select(DepositMovement).where(
            DepositMovement.kind == REVERSED)))
        assert {(m.contract_id, m.amount, m.on, m.note) for m in undone} == {
            (cid, D("20000.00"), ON, "续签取消"), (new, D("20000.00"), ON, "续签取消")}
        assert deposits.deposit_held(s, cid) == D("25080.00")
        assert deposits.deposit_held(s, new) == D("0.00")

    # The tab follows: the carry said reversed, greyed, and no longer reversible.
    qtbot.waitUntil(lambda: panel.table.rowCount() == 3, timeout=20000)
    rows = _rows(panel)
    assert rows[1] == ["2026-11-22", "Reversal", "+20,000.00 CNY",
                       "reverses: Carried to the renewal of 2027-02-01", "", "续签取消"]
    assert rows[2][4] == "reversed"
    carry = next(x for x in panel.statement.lines if x.kind == CARRIED_OUT)
    panel.select_movement(carry.id)
    assert not panel.reverse_button.isEnabled()
    assert panel.held.text() == "Deposit: 25,080.00 CNY"

    # Now the receipt can be: the payment gets its money back, to allocate again.
    dialog = _reverse(qtbot, window, detail, RECEIVED)
    assert dialog.plan.text().splitlines()[1:3] == [
        "• The deposit of 25,080.00 CNY received on 2026-01-20 is reversed: HT-DT-1 holds "
        "0.00 CNY (now 25,080.00 CNY)",
        f"• {TENANT}'s payment of 25,080.00 CNY on 2026-01-20 gets 25,080.00 CNY back, to "
        "allocate again"]
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.written, timeout=20000)
    with ws.reading() as s:
        held_back = receivables.unallocated_by_payment(receivables.read_ledger(
            s, park_id(ws)))[paid]
    assert held_back == D("25080.00")


def test_a_reversal_is_not_reversed_and_a_draft_has_nothing_to_reverse(qtbot, window):
    ws = window.controller.workspace
    cid, _new, _paid = _lease(ws)
    carry = next(m for m in _moves(ws, cid) if m.kind == CARRIED_OUT)
    deposits.reverse_movement(ws, carry.id, ON)
    detail = _detail(qtbot, window, cid)
    panel = detail.deposit_panel
    undo = next(x for x in panel.statement.lines if x.kind == REVERSED)
    panel.select_movement(undo.id)
    assert not panel.reverse_button.isEnabled()
    assert "A reversal is not reversed" in panel.reverse_button.toolTip()


def _moves(ws, contract_id):
    with ws.reading() as s:
        return list(s.scalars(select(DepositMovement).where(
            DepositMovement.contract_id == contract_id)))


def test_the_terminate_dialog_says_the_deposit_held_and_where_the_rest_went(qtbot, window):
    from app.contract_flow import flow_of
    from views.contract_detail import TerminateDialog

    ws = window.controller.workspace
    cid, _new, _paid = _lease(ws)
    detail = _detail(qtbot, window, cid)
    qtbot.mouseClick(detail.terminate_button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in flow_of(window).dialogs if isinstance(d, TerminateDialog))
    dialog.day.setDate(QDate(2026, 12, 31))
    assert ("Deposit to settle: held 5,080.00 CNY of 25,080.00 CNY agreed; 25,080.00 CNY "
            "received; 20,000.00 CNY carried to HT-RN-2") in dialog.summary.text().splitlines()
    with ws.reading() as s:
        assert s.get(Contract, cid).deposit == D("25080.00")  # the agreed one, unchanged


def test_a_deposit_held_as_agreed_is_said_alone(qtbot, window):
    from app.contract_flow import flow_of
    from views.contract_detail import TerminateDialog

    ws = window.controller.workspace
    spec = lease_spec(ws, "ZD-A-0103", "HT-DT-9", date(2026, 2, 1), date(2027, 1, 31),
                      rate=D(80), signed_on=date(2026, 1, 15), deposit=D("25080.00"))
    cid = contracts.create_signed(ws, park_id(ws), spec)
    deposits.receive_deposit(ws, cid, D("25080.00"), date(2026, 1, 20))
    detail = _detail(qtbot, window, cid)
    assert detail.deposit_panel.held.text() == "Deposit: 25,080.00 CNY"
    qtbot.mouseClick(detail.terminate_button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in flow_of(window).dialogs if isinstance(d, TerminateDialog))
    dialog.day.setDate(QDate(2026, 12, 31))
    assert "Deposit to settle: 25,080.00 CNY" in dialog.summary.text().splitlines()


def test_a_late_rehearsal_neither_offers_reverse_again_nor_hides_what_was_written(qtbot):
    """"Reverse" pressed, a rehearsal of the same day asked earlier answers late: the button
    stays off while the reversal is written (a second press would write it twice, or be
    refused over what was written), and once written its words stay; the reversal's own
    refusal gives the day back."""
    from domain.leasing.schedule import Reason
    from services.deposits import MovementLine
    from views.deposit_panel import ReverseDialog

    line = MovementLine(uuid.uuid4(), RECEIVED, D("25080.00"), date(2026, 1, 20))
    dialog = ReverseDialog(line, [line], "HT-DT-1", "CNY", ON)
    qtbot.addWidget(dialog)
    reasons = [Reason("undo-received", {"amount": "25080.00", "on": "2026-01-20",
                                        "contract": "HT-DT-1", "holds": "25080.00",
                                        "after": "0.00"})]
    dialog.set_plan(ON, reasons)
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.reverseRequested) as pressed:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert pressed.args == [ON, ""]
    dialog.set_plan(ON, reasons)  # the late answer
    assert not dialog.ok_button.isEnabled() and not dialog.day.isEnabled()
    dialog.set_refused("the deposit holds 0.00", ON)  # a late rehearsal's refusal
    assert dialog.plan.styleSheet() == ""

    dialog.set_refused("The movement of 25,080.00 on 2026-01-20 is reversed already")
    assert dialog.day.isEnabled() and not dialog.ok_button.isEnabled()
    dialog.set_plan(ON, reasons)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    dialog.set_done(ON)
    dialog.set_refused("the deposit holds 0.00", ON)
    assert dialog.plan.text().startswith("Reversed on 2026-11-22.\n• The deposit of 25,080.00")
