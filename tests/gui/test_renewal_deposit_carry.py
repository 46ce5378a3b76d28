"""The renewal dialog says what renewing does with the deposit before it is signed (the
deposit carried to the new contract, the top-up due, what stays), and renewing carries it
as said: a real window on the small park, the dialog driven as a person drives it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from services import contracts, deposits
from store.schema import Contract
from tests.small_leases import lease_spec, park_id

D = Decimal


def _sign(workspace, deposit: str = "25080.00"):
    spec = lease_spec(workspace, "ZD-A-0103", "HT-DT-1", date(2026, 2, 1), date(2027, 1, 31),
                      rate=D(80), signed_on=date(2026, 1, 15), deposit=D(deposit))
    return contracts.create_signed(workspace, park_id(workspace), spec)


def _renew_dialog(qtbot, window, cid):
    from app.contract_flow import flow_of
    from views.contract_detail import RenewDialog

    window.controller.check_outside_changes()
    detail = flow_of(window).open_contract(cid)
    qtbot.waitUntil(lambda: detail.contract is not None, timeout=20000)
    qtbot.mouseClick(detail.renew_button, Qt.MouseButton.LeftButton)
    return next(d for d in flow_of(window).dialogs if isinstance(d, RenewDialog))


def test_the_dialog_says_the_carry_and_the_top_up_and_renewing_carries_it(qtbot, window):
    ws = window.controller.workspace
    cid = _sign(ws)
    deposits.receive_deposit(ws, cid, D("20000.00"), date(2026, 1, 20))  # short of 25,080
    dialog = _renew_dialog(qtbot, window, cid)
    currency = dialog.contract.currency
    code = dialog.code.text()
    assert dialog.deposit.isVisibleTo(dialog)
    assert dialog.deposit.text() == (
        f"Deposit 20,000.00 {currency} carried to {code}; top-up 5,080.00 {currency} due")
    dialog.code.setText("HT-RN-9")  # the line follows the code typed
    assert "carried to HT-RN-9;" in dialog.deposit.text()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    with ws.reading() as s:
        qtbot.waitUntil(lambda: s.scalar(select(Contract.id).where(
            Contract.code == "HT-RN-9")) is not None, timeout=20000)
    with ws.reading() as s:
        new = s.scalar(select(Contract.id).where(Contract.code == "HT-RN-9"))
        assert deposits.deposit_held(s, new) == D("20000.00")
        assert deposits.deposit_held(s, cid) == D("0.00")


def test_nothing_held_says_the_whole_deposit_is_due(qtbot, window):
    cid = _sign(window.controller.workspace)
    dialog = _renew_dialog(qtbot, window, cid)
    currency = dialog.contract.currency
    assert dialog.deposit.text() == (
        f"HT-DT-1 holds no deposit to carry: {dialog.code.text()}'s deposit of 25,080.00 "
        f"{currency} is due in full")


def test_a_contract_with_no_deposit_says_nothing_of_it(qtbot, window):
    cid = _sign(window.controller.workspace, deposit="0.00")
    dialog = _renew_dialog(qtbot, window, cid)
    assert dialog.deposit.text() == "" and not dialog.deposit.isVisibleTo(dialog)
