"""Taking a month's sales back in a turnover contract's Sales tab, on a real window: Delete or
the row's context menu asks (naming the month and the amount), Yes removes the figure, and
the month bills the base rent again, "not reported"."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from domain.leasing.clauses import Turnover
from services.contracts import record_sales, remove_sales
from services.sales_import import sales_of
from tests.small_leases import sign_lease

D = Decimal
SEPTEMBER, OCTOBER = date(2026, 9, 1), date(2026, 10, 1)


def _opened(qtbot, window):
    """HT-T1 (a base of 12,540.00, 8 % above 156,750.00) with September's sales at 200,000
    and October's at 300,000, its Sales tab shown."""
    from app.contract_flow import flow_of
    from views.contract_detail import SALES_TAB

    workspace = window.controller.workspace
    cid = sign_lease(workspace, "ZD-A-0103", "HT-T1", turnover=Turnover(D("0.08")))
    record_sales(workspace, cid, SEPTEMBER, D("200000"), "entered")
    record_sales(workspace, cid, OCTOBER, D("300000"), "entered")
    window.controller.check_outside_changes()
    detail = flow_of(window).open_contract(cid)
    qtbot.waitUntil(lambda: detail.contract is not None, timeout=20000)
    detail.tabs.setCurrentIndex(SALES_TAB)
    return cid, detail, detail.sales_panel


def _line(detail, month: date) -> Decimal:
    return next(x.amount for x in detail.schedule.lines() if x.starts_on == month)


def _row(panel, month: date) -> list[str]:
    at = panel.model.row_of(month)
    return [panel.model.index(at, c).data() for c in range(panel.model.columnCount())]


def _select(panel, month: date) -> None:
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.model.index(panel.model.row_of(month), 1))


def test_delete_asks_then_takes_the_month_back(qtbot, window):
    cid, detail, panel = _opened(qtbot, window)
    assert _line(detail, SEPTEMBER) == D("16000.00")
    assert _row(panel, SEPTEMBER)[1] == "200,000.00"

    _select(panel, SEPTEMBER)
    with qtbot.assertNotEmitted(panel.sales_cleared):
        qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
        box = panel.confirm
        assert box is not None and box.isVisible()
        assert "2026-09" in box.text() and "200,000.00" in box.text()
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
        assert panel.table.viewport().findChild(QLineEdit) is None  # Delete opened no editor
        box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: panel.confirm is None, timeout=5000)
    assert _row(panel, SEPTEMBER)[1] == "200,000.00"

    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    with qtbot.waitSignal(panel.sales_cleared, timeout=5000) as cleared:
        panel.confirm.button(QMessageBox.StandardButton.Yes).click()
    assert cleared.args == [SEPTEMBER]
    qtbot.waitUntil(lambda: _line(detail, SEPTEMBER) == D("12540.00"), timeout=20000)
    qtbot.waitUntil(lambda: _row(panel, SEPTEMBER)[1] == "not reported", timeout=20000)
    assert _row(panel, SEPTEMBER)[3:5] == ["—", "12,540.00"]
    assert panel.status.text() == ("Sales of 2026-09 taken back: the month bills the base rent "
                                   "until they are reported.")
    assert _line(detail, OCTOBER) == D("24000.00")  # October keeps its figure
    with window.controller.workspace.reading() as s:
        assert sales_of(s, cid) == [(OCTOBER, D("300000.00"), "entered")]

    # A month without a figure has nothing to take back: no question is asked.
    _select(panel, SEPTEMBER)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert panel.confirm is None


def test_the_context_menu_takes_a_month_back(qtbot, window):
    cid, detail, panel = _opened(qtbot, window)
    view = panel.table
    october = view.visualRect(panel.model.index(panel.model.row_of(OCTOBER), 1)).center()
    menu = panel._context_menu(october)
    assert menu is not None and panel.menu is menu
    assert panel.clear_action in menu.actions()
    assert panel.clear_action.text() == "Take back the sales of 2026-10…"
    assert panel.clear_action.isEnabled()
    menu.close()

    panel.clear_action.trigger()  # as the menu's item does
    box = panel.confirm
    assert box is not None and "2026-10" in box.text() and "300,000.00" in box.text()
    with qtbot.waitSignal(panel.sales_cleared, timeout=5000) as cleared:
        box.button(QMessageBox.StandardButton.Yes).click()
    assert cleared.args == [OCTOBER]
    qtbot.waitUntil(lambda: _line(detail, OCTOBER) == D("12540.00"), timeout=20000)
    with window.controller.workspace.reading() as s:
        assert sales_of(s, cid) == [(SEPTEMBER, D("200000.00"), "entered")]

    # Read again, October has nothing to take back: the item is there, greyed.
    qtbot.waitUntil(lambda: _row(panel, OCTOBER)[1] == "not reported", timeout=20000)
    panel._context_menu(october)
    assert not panel.clear_action.isEnabled()
    panel.menu.close()


def test_a_month_taken_back_elsewhere_meanwhile_is_refused_by_name(qtbot, window):
    cid, _detail, panel = _opened(qtbot, window)
    _select(panel, SEPTEMBER)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    box = panel.confirm
    remove_sales(window.controller.workspace, cid, SEPTEMBER)  # another hand, meanwhile
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: "nothing to take back" in panel.status.text(), timeout=20000)
    assert panel.status.text() == "HT-T1 has no sales reported for 2026-09: nothing to take back."
    assert "b3261e" in panel.status.styleSheet()  # said as an error
    qtbot.waitUntil(lambda: _row(panel, SEPTEMBER)[1] == "not reported", timeout=20000)
