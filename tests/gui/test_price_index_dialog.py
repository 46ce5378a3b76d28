"""Leasing → Price index (CPI)…: the park's series by year; a year typed in moves a CPI
contract's adjustment from its floor to the index's change, in the contract's schedule."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from domain.leasing.clauses import Escalation, EscalationKind
from services import contracts
from tests.small_leases import park_id, sign_lease

D = Decimal
JANUARY_2027 = date(2027, 1, 1)


def _cpi_contract(window):
    """Example D's clause on ZD-B-0101 (125.40 m² at 100: 12,540.00 a month) from 2026-01-01:
    each 1 January the previous year's CPI change, floor 2 %, cap 5 %."""
    ws = window.controller.workspace
    cid = sign_lease(ws, "ZD-B-0101", "HT-CPI", date(2026, 1, 1), date(2028, 12, 31),
                     signed_on=date(2025, 12, 1),
                     escalation=Escalation(EscalationKind.CPI_CHANGE, floor=D(2), cap=D(5)))
    contracts.set_index(ws, park_id(ws), 2025, D("100.0"))
    return cid


def _detail(qtbot, window, cid):
    from app.contract_flow import flow_of

    window.controller.check_outside_changes()
    detail = flow_of(window).open_contract(cid)
    qtbot.waitUntil(lambda: detail.contract is not None, timeout=20000)
    return detail


def _line(detail, month: date) -> Decimal:
    return next(x.amount for x in detail.schedule.lines() if x.starts_on == month)


def _rows(dialog) -> list[list[str]]:
    model = dialog.model
    return [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]


def _open(qtbot, window):
    action = window.leasing_menu.price_index_action
    assert action.isEnabled() and action.text() == "Price &index (CPI)…"
    action.trigger()
    from app.inputs_flow import inputs_of

    dialog = inputs_of(window).index_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=20000)
    return dialog


def test_entering_a_missing_year_moves_a_cpi_contract_off_its_floor(qtbot, window, tmp_path):
    cid = _cpi_contract(window)
    detail = _detail(qtbot, window, cid)
    assert _line(detail, JANUARY_2027) == D("12790.80")  # 2026 not known: the floor, +2 %

    dialog = _open(qtbot, window)
    assert _rows(dialog) == [["2025", "100.0000", "—"]]
    qtbot.waitUntil(lambda: "2026 not entered" in dialog.note.text(), timeout=20000)
    assert dialog.note.text() == ("2026 not entered: 1 CPI contract bills its floor until it "
                                  "is.\n2027 not entered: 1 CPI contract bills its floor until "
                                  "it is.")
    assert dialog.year.value() == 2026  # the first year a contract waits for

    # A person adds the year and types its value in the cell.
    dialog.add_button.click()
    assert _rows(dialog)[1] == ["2026", "not entered", "—"]
    view = dialog.table
    index = dialog.model.index(1, 1)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.viewport().findChild(QLineEdit)
    assert editor is not None
    with qtbot.waitSignal(dialog.index_entered, timeout=5000) as entered:
        qtbot.keyClicks(editor, "104")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert entered.args == [2026, D("104.0000")]

    # Written, then the contract read again: 2027 rises by 2026's change, 4 %.
    qtbot.waitUntil(lambda: _line(detail, JANUARY_2027) == D("13041.60"), timeout=20000)
    qtbot.waitUntil(lambda: "2026" not in dialog.note.text(), timeout=20000)
    assert _rows(dialog) == [["2025", "100.0000", "—"], ["2026", "104.0000", "+4.00%"]]
    assert dialog.note.text() == ("2027 not entered: 1 CPI contract bills its floor until it "
                                  "is.")
    with window.controller.workspace.reading() as s:
        from services.sales_import import indices_of

        assert indices_of(s, park_id(window.controller.workspace)) == [
            (2025, D("100.0000")), (2026, D("104.0000"))]

    dialog.resize(560, 420)
    image = dialog.grab()
    assert not image.isNull()
    image.save(str(tmp_path / "price-index.png"))

    # A correction above the cap: 7 % held to 5 %.
    assert dialog.enter(2026, "107")
    qtbot.waitUntil(lambda: _line(detail, JANUARY_2027) == D("13167.00"), timeout=20000)
    qtbot.waitUntil(lambda: _rows(dialog)[1][2] == "+7.00%", timeout=20000)


def test_a_value_that_is_not_an_index_is_refused(qtbot, window):
    _cpi_contract(window)
    dialog = _open(qtbot, window)
    with qtbot.assertNotEmitted(dialog.index_entered):
        assert not dialog.enter(2026, "zero")
        assert not dialog.enter(2026, "0")
    assert dialog.status.text() == "2026: “0” is not an index above 0."
    assert _rows(dialog)[1] == ["2026", "not entered", "—"]


def test_the_action_waits_for_a_workspace(qtbot, window):
    window.controller.close()
    qtbot.waitUntil(lambda: not window.controller.is_open, timeout=5000)
    assert not window.leasing_menu.price_index_action.isEnabled()
