"""Small things a clerk tripped over in the windows, in real windows offscreen:

- unit counts had no thousands separator ("2138 个单元"): the status bar, the park tree
  (its park row now counts the park's units too) and the table's count group them;
- a low-risk tenant's actions list in Collections was empty with no word: it says why;
- a turnover bill whose month's sales are not reported said "sales not reported" twice in
  its explanation, once on its line and again in its provisional note (a CPI year not known
  likewise): each is said once, on its line, and the note says a correction follows.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from domain.leasing.schedule import Problem
from services import contracts
from tests.small_leases import lease_spec, park_id

D = Decimal
DEMO_DAY = date(2025, 6, 15)  # the day the other tests build the default demo park on


def test_unit_counts_are_grouped_by_thousands(qtbot, settings, tmp_path, shared_demo):
    from tests.gui.helpers import open_window

    summary = shared_demo(tmp_path / "demo.leasemap", today=DEMO_DAY)
    every = summary.units + summary.common_units
    assert every >= 1000
    window = open_window(qtbot, settings, summary.path)
    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=60000)
    qtbot.waitUntil(lambda: window.table.model.rowCount() == every, timeout=60000)
    assert window.summary_label.text().startswith(f"{every:,} 个单元 · "), \
        window.summary_label.text()
    park = window.tree.topLevelItem(0)
    assert park.text(1) == f"{every:,}"
    buildings = [park.child(i) for i in range(park.childCount())]
    assert sum(int(b.text(1).replace(",", "")) for b in buildings) == every
    assert f"{every:,}" in window.table.count.text()
    window.set_language("en")
    window.close()


@pytest.fixture
def collections_on(qtbot, settings, monkeypatch):
    """Billing ▸ Collections opened on a workspace, on 2026-11-22."""
    import app.collections_flow as flow_module
    from tests.gui.helpers import open_window
    from views.collections_window import CollectionsWindow

    monkeypatch.setattr(flow_module, "today", lambda: date(2026, 11, 22))
    opened = []

    def open_on(path):
        window = open_window(qtbot, settings, path)
        qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)
        window.billing_menu.collections_action.trigger()
        view = window.findChild(CollectionsWindow, "collections-window")
        assert view is not None and view.isVisible()
        qtbot.waitUntil(lambda: bool(view.rows), timeout=30000)
        opened.append(window)
        return view

    yield open_on
    for window in opened:
        window.close()


def test_a_low_risk_tenant_with_no_action_says_why(qtbot, collections_on, small_park):
    view = collections_on(small_park.path)  # nothing billed: nothing overdue
    [row] = view.tenants()
    assert str(row.credit.tier) == "low" and not row.actions
    assert view.select_tenant(row.credit.tenant_id)
    assert view.action_model.rowCount() == 0
    assert view.no_actions.isVisible()
    assert view.no_actions.text() == ("Low risk: no action. Bills go out as usual and no one "
                                      "needs to call.")
    view.tenant_table.clearSelection()
    view.tenant_table.setCurrentIndex(view.tenant_proxy.index(-1, -1))
    assert not view.no_actions.isVisible()  # no tenant chosen: nothing to say


def test_a_tenant_with_actions_has_no_empty_note(qtbot, collections_on, small_park):
    from services import billing_run
    from store.workspace import Workspace

    ws = Workspace.open(small_park.path)
    try:  # January to March billed and unpaid: medium risk on 2026-11-22
        billing_run.post_run(ws, park_id(ws), date(2026, 1, 1), date(2026, 3, 31),
                             date(2025, 12, 25))
    finally:
        ws.close()
    view = collections_on(small_park.path)
    [row] = view.tenants()
    assert view.select_tenant(row.credit.tenant_id)
    assert row.actions and view.action_model.rowCount() == len(row.actions)
    assert not view.no_actions.isVisible()


def _rehearsed(qtbot, window, number: str):
    from views.billing_run_dialog import BillingRunDialog

    window.billing_menu.run_action.trigger()
    dialog = window.findChild(BillingRunDialog, "billing-run-dialog")
    qtbot.waitExposed(dialog)
    dialog.set_month(date(2026, 3, 1))
    dialog.set_issued_on(date(2026, 2, 25))
    qtbot.mouseClick(dialog.rehearse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog._busy, timeout=30000)
    dialog.select_bill(number)
    return dialog


def test_sales_not_reported_is_said_once(qtbot, window):
    from domain.leasing.clauses import Turnover

    workspace = window.controller.workspace
    spec = lease_spec(workspace, "ZD-A-0103", "HT-B-1", date(2026, 3, 1), date(2027, 2, 28),
                      turnover=Turnover(rate=D("0.08")))
    contracts.create_signed(workspace, park_id(workspace), spec)
    dialog = _rehearsed(qtbot, window, "HT-B-1/2026-03-01/rent")
    text = dialog.explanation.toPlainText()
    assert text.count("not reported") == 1, text
    assert "2026-03: sales not reported yet, base rent only for that month" in text  # its line
    assert "a later run posts the correction" in text  # the note: a correction follows
    proxy = dialog.bill_proxy
    row = next(r for r in range(proxy.rowCount())
               if proxy.index(r, 0).data() == "HT-B-1/2026-03-01/rent")
    tip = proxy.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)  # no line beside it: said
    assert "sales of 2026-03 are not reported yet: the base rent is billed" in tip
    dialog.close()


def test_a_cpi_year_not_known_is_said_once_and_another_note_still_is():
    from domain.billing.bills import PlannedLine
    from views.billing_run_dialog import BillRow, explanation_html

    line = PlannedLine(date(2027, 1, 1), date(2027, 1, 31), D("1000.00"), {"reasons": [
        {"code": "cpi", "params": {"year": "2026", "from": "2027-01-01", "change": "",
                                   "applied": "1", "known": "no"}}]})
    row = BillRow("HT-1/2027-01-01/rent", "HT-1", "T", "rent", date(2027, 1, 1),
                  date(2027, 1, 31), date(2027, 1, 1), D("1000.00"), "charge", (line,),
                  (Problem("cpi-unknown", {"year": "2026", "from": "2027-01-01"}),
                   Problem("cpi-unknown", {"year": "2027", "from": "2028-01-01"})))
    html = explanation_html(row, "CNY")
    assert html.count("CPI 2026 not known") + html.count("CPI of 2026") == 1, html
    assert "the CPI of 2027 is not known yet" in html  # no line says that one: the note does
    assert "a later run posts the correction" in html


def test_the_bank_import_says_its_matching_with_no_stray_space_in_chinese(qtbot, window,
                                                                          tmp_path):
    """Chinese puts no space after its full-width colon: "预计匹配结果：自动核销…"."""
    from views.bank_import_dialog import BankImportDialog

    statement = tmp_path / "march.csv"
    statement.write_text("记账日期,货币,交易金额,联机余额,交易摘要,对手信息,客户摘要\n"
                         "2026-03-05,CNY,\"888.00\",\"888.00\",转账汇款,张三,押金\n",
                         encoding="utf-8")
    window.set_language("zh_CN")
    try:
        window.billing_menu.bank_import_action.trigger()
        dialog = window.findChild(BankImportDialog, "bank-import-dialog")
        qtbot.waitExposed(dialog)
        dialog.choose_file(statement)
        qtbot.waitUntil(lambda: dialog.report is not None and not dialog._busy,
                        timeout=30000)
        said = dialog.matching.text()
        assert said.startswith("预计匹配结果：自动核销：0 笔"), said
        assert "： " not in said and "： " not in dialog.summary.text()
        dialog.close()
    finally:
        window.set_language("en")
