"""What a finance clerk reads in the billing windows, in words, never a code: a late-fee
line says which bill was late, since when, for how many days at what rate; a late fee's
charge is named in the invoice list and the payment queue's bills; a posted bill's lines
are explained from the invoice list (Bill lines…); our anchor account is
named in a three-ledger difference's detail; the payments queue opens across the window's
width, tabbed with the due list.

The small park's tenant leases ZD-A-0103 as HT-B-1 (12,540.00 a month from 2026-03-01,
due on the 1st) with a late fee of 0.05 % a day; March is billed on 2026-02-25 and April
on 2026-04-01, nothing is paid, so April's run posts HT-B-1/2026-04-01/late_fee: March's
rent, 31 days late, 194.37.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from domain.leasing.clauses import LateFee
from services import billing_run, contracts, payments
from services.payments import PaymentInput
from store.schema import Tenant
from tests.small_leases import lease_spec, park_id
from tests.three_ledger_books import one_line_of_books

D = Decimal
FEE = "HT-B-1/2026-04-01/late_fee"


@pytest.fixture
def late(window, qtbot):
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)
    ws = window.controller.workspace
    spec = lease_spec(ws, "ZD-A-0103", "HT-B-1", date(2026, 3, 1), date(2027, 2, 28),
                      late_fee=LateFee(D("0.0005")))
    contracts.create_signed(ws, park_id(ws), spec)
    billing_run.post_run(ws, park_id(ws), date(2026, 3, 1), date(2026, 3, 31),
                         date(2026, 2, 25))
    billing_run.post_run(ws, park_id(ws), date(2026, 4, 1), date(2026, 4, 30),
                         date(2026, 4, 1))
    return window


def _settled(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)


def test_a_late_fee_line_says_the_bill_the_days_and_the_rate(qtbot, late):
    from views.billing_run_dialog import BillingRunDialog

    late.billing_menu.run_action.trigger()
    dialog = late.findChild(BillingRunDialog, "billing-run-dialog")
    assert dialog is not None and dialog.isVisible()
    dialog.set_month(date(2026, 5, 1))
    dialog.set_issued_on(date(2026, 5, 1))
    qtbot.mouseClick(dialog.rehearse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.plan is not None and not dialog._busy, timeout=30000)
    dialog.select_bill("HT-B-1/2026-05-01/late_fee")
    text = dialog.explanation.toPlainText()
    # March: 61 days to 1 May, 382.47, of which April's run billed 194.37
    assert ("Late fee on HT-B-1/2026-03-01/rent: 12,540.00 overdue since 2026-03-01, 61 days "
            "at 0.05 % a day: 382.47; 194.37 of it billed before") in text
    assert ("Late fee on HT-B-1/2026-04-01/rent: 12,540.00 overdue since 2026-04-01, 30 days "
            "at 0.05 % a day: 188.10") in text
    assert "late-fee" not in text and "rate=" not in text
    dialog.close()


def _cells(proxy, row: int) -> list[str]:
    return [proxy.index(row, c).data() for c in range(proxy.columnCount())]


def test_the_invoice_list_names_a_late_fee(qtbot, late):
    from views.invoice_list import InvoiceListDialog

    late.billing_menu.invoices_action.trigger()
    listing = late.findChild(InvoiceListDialog, "invoice-list-dialog")
    qtbot.waitUntil(lambda: listing.listing is not None, timeout=30000)
    proxy = listing.bill_proxy
    keys = [c.key for c in listing.bill_model.columns()]
    rows = {cells[keys.index("number")]: cells
            for cells in (_cells(proxy, r) for r in range(proxy.rowCount()))}
    assert rows[FEE][keys.index("charge")] == "Late fee"
    assert rows["HT-B-1/2026-03-01/rent"][keys.index("charge")] == "Rent"

    # a posted bill's lines, explained as the billing run explains them
    listing.select_bill(FEE)
    assert listing.lines_button.isEnabled()
    qtbot.mouseClick(listing.lines_button, Qt.MouseButton.LeftButton)
    from app.invoice_flow import invoice_flow_of

    lines = invoice_flow_of(late).lines
    qtbot.waitUntil(lambda: lines.row is not None, timeout=30000)
    assert lines.windowTitle() == f"Bill {FEE}"
    text = lines.text.toPlainText()
    assert ("Late fee on HT-B-1/2026-03-01/rent: 12,540.00 overdue since 2026-03-01, 31 days "
            "at 0.05 % a day: 194.37") in text
    listing.select_bill("HT-B-1/2026-03-01/rent")
    index = listing.bill_table.currentIndex()
    listing.bill_table.doubleClicked.emit(index)  # as a double click on the row does
    again = invoice_flow_of(late).lines
    assert again is not lines
    qtbot.waitUntil(lambda: again.row is not None, timeout=30000)
    assert "125.40 m² at base 100.00 per m² a month" in again.text.toPlainText()
    assert "2026-03-01 – 2026-03-31: 12,540.00" in again.text.toPlainText()
    _settled(qtbot, late)
    listing.close()


def test_the_payment_queue_names_the_bills_charges(qtbot, late):
    ws = late.controller.workspace
    with ws.reading() as s:
        tenant = s.scalar(select(Tenant.id).where(Tenant.name == "上海云帆智能科技有限公司"))
    paid = payments.enter_payment(ws, park_id(ws), PaymentInput(
        date(2026, 4, 20), D("100.00"), "某某贸易"))
    late.billing_menu.queue_action.trigger()
    from app.payments_flow import payments_flow_of

    flow = payments_flow_of(late)
    panel = flow.panel
    qtbot.waitUntil(lambda: panel.snapshot is not None and not panel._loading, timeout=30000)
    assert panel.select_payment(paid)
    panel.choose_tenant(tenant)
    if FEE not in panel.part_numbers():
        panel.add_bill(FEE)  # as a person adds it from the tenant's open bills
    table = panel.part_table
    charges = {table.item(r, 0).text(): table.item(r, 1).text()
               for r in range(table.rowCount())}
    assert charges[FEE] == "Late fee"


def test_the_payment_queue_opens_across_the_window(qtbot, late):
    from PySide6.QtWidgets import QDockWidget

    late.resize(1366, 768)
    due = late.findChild(QDockWidget, "dock-due")
    assert due is not None and due.isVisible()  # the due list, under the tables
    late.billing_menu.queue_action.trigger()
    from app.payments_flow import payments_flow_of

    dock = payments_flow_of(late).dock
    qtbot.waitUntil(lambda: dock.isVisible() and not dock.visibleRegion().isEmpty())
    # tabbed with the due list: the queue has the window's width, not half of it
    assert dock in late.tabifiedDockWidgets(due)
    assert dock.width() > late.width() * 0.9
    _settled(qtbot, late)


def test_a_difference_names_our_account(qtbot, late, monkeypatch, tmp_path):
    import app.ledgers_flow as flow
    from views.three_ledgers_window import ThreeLedgersWindow

    ws = late.controller.workspace
    one_line_of_books(ws, park_id(ws), tmp_path, date(2026, 12, 31))  # books to compare
    monkeypatch.setattr(flow, "today", lambda: date(2026, 4, 10))
    late.billing_menu.ledgers_action.trigger()
    view = late.findChild(ThreeLedgersWindow, "three-ledgers-window")
    qtbot.waitUntil(lambda: view.report is not None and not view._busy, timeout=30000)
    view.select_cause("bill-not-in-books")
    lines = view.detail.toPlainText().splitlines()
    assert lines[lines.index("Account") + 1] == "receivables"  # not the code, "receivable"
    _settled(qtbot, late)


def test_collections_counts_tiers_in_chinese_punctuation(qtbot, late, chinese):
    """(Needs the zh_CN catalogue with /tmp/tr/v16.tsv merged: "，" and "（…）".)"""
    from app.collections_flow import open_collections

    view = open_collections(late)
    qtbot.waitUntil(lambda: bool(view.rows), timeout=30000)
    head = view.head.text()
    assert "极高风险 0" in head and "低风险" in head
    assert ", " not in head and " — " not in head and "，" in head
    _settled(qtbot, late)
    view.close()


def test_info_says_areas_with_thousands_separators(tmp_path, small_park):
    from tests.gui.helpers import leasemap

    out = leasemap(tmp_path, "--lang", "en", "info", str(small_park.path)).stdout
    assert "leasable 1,003.20 m², leased 125.40 m², vacant 752.40 m²" in out, out


def test_a_utility_lines_figures_are_grouped_by_thousands_and_keep_their_digits():
    """As the windows show figures; a date, a code or a count is said as it is."""
    from views.billing_text import grouped_figure, line_reason_text

    said = line_reason_text("utility-shared", {
        "meter": "E-B", "main_use": "30688.000", "measure": "kWh", "subs": "24354.800",
        "common": "0.000", "shared": "6333.200"})
    assert said == ("Meter E-B: 30,688.000 kWh, its sub meters 24,354.800 (common areas "
                    "0.000): 6,333.200 kWh shared")
    share = line_reason_text("utility-share", {
        "basis": "area", "weight": "155.44/3319.06", "denominator": "3319.06",
        "quantity": "296.600", "measure": "kWh", "amount": "290.67", "charge": "6206.54",
        "tariff": "一般工商业", "prices": "6333.200 × 0.98"})
    assert "155.44/3,319.06 of 3,319.06" in share and "shared charge 6,206.54" in share
    assert share.endswith("(一般工商业: 6,333.200 × 0.98)")
    assert [grouped_figure(t) for t in ("2026-01-01", "E-1001", "-1234.5", "12")] == [
        "2026-01-01", "E-1001", "-1,234.5", "12"]
