"""The three-ledger check in a real window on the small park: Billing → Three-ledger
check…, the differences by cause, vouchers exported, the books rehearsed and imported,
and the check agreeing afterwards; a file whose headers miss a column gets a mapping.

The small park's legacy lease (HT-2026-0001: 11,913.00 a month) and, here, HT-L-1 on
ZD-A-0103 (12,540.00 a month from March 2026) are billed January to April on 2025-12-25;
the tenant pays 30,000.00 on 5 March.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from services import billing_run, payments
from services.payments import PaymentInput
from store.schema import FinanceEntry, Tenant
from tests.small_leases import park_id, sign_lease
from tests.three_ledger_books import one_line_of_books

ON = date(2026, 4, 10)


def _park(qtbot, window) -> None:
    ws = window.controller.workspace
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)
    sign_lease(ws, "ZD-A-0103", "HT-L-1")
    billing_run.post_run(ws, park_id(ws), date(2026, 1, 1), date(2026, 4, 30),
                         date(2025, 12, 25))
    with ws.reading() as s:
        tenant = s.scalar(select(Tenant.id))
    payments.enter_payment(ws, park_id(ws), PaymentInput(
        date(2026, 3, 5), Decimal("30000.00"), "上海云帆智能科技有限公司", tenant_id=tenant))


def _open(qtbot, window, monkeypatch):
    import app.ledgers_flow as flow
    from views.three_ledgers_window import ThreeLedgersWindow

    monkeypatch.setattr(flow, "today", lambda: ON)
    action = window.billing_menu.ledgers_action
    assert action.isEnabled() and action.text() == "&Three-ledger check…"
    action.trigger()
    view = window.findChild(ThreeLedgersWindow, "three-ledgers-window")
    assert view is not None and view.isVisible()
    qtbot.waitExposed(view)
    _idle(qtbot, view)
    return view


def _idle(qtbot, view) -> None:
    qtbot.waitUntil(lambda: not view._busy, timeout=30000)


def _entries(window) -> int:
    with window.controller.workspace.reading() as s:
        return s.scalar(select(func.count()).select_from(FinanceEntry))


NO_BOOKS = ("The books are not imported yet: the contract and operations ledgers are "
            "compared; import the accounting system's posted entries to compare the books.\n"
            "10 entries of ours await the books: bills 6, receipts 1, allocations 3.")


def test_check_export_rehearse_import_and_agree(qtbot, window, monkeypatch, tmp_path):
    _park(qtbot, window)
    view = _open(qtbot, window, monkeypatch)
    assert view.on() == ON
    # No books imported: they are not compared, and the window says so above the table.
    assert view.causes() == {} and view.differences() == []
    assert not view.report.books_compared and view.report.awaiting == 10
    assert view.books_note.isVisible() and view.books_note.text() == NO_BOOKS
    assert view.books_note.geometry().bottom() < view.table.mapTo(
        view.books_note.parentWidget(), view.table.rect().topLeft()).y()
    assert ("the contract and operations ledgers agree; the books were not compared"
            in view.summary.text())
    assert "three ledgers agree" not in view.summary.text()

    # Vouchers out.
    view.tabs.setCurrentIndex(1)
    view.set_export_range(date(2025, 12, 1), ON)
    path = tmp_path / "vouchers.xlsx"
    view.request_export(str(path))
    _idle(qtbot, view)
    assert path.exists()
    assert view.export_said.text().startswith(f"Wrote {path}: 10 vouchers, 26 lines")

    # The books back in: rehearsed first, nothing written; then imported.
    view.set_books_file(str(path))
    assert not view.import_button.isEnabled()
    qtbot.mouseClick(view.rehearse_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, view)
    assert view.tabs.currentIndex() == 2
    assert view.books_model.rowCount() == 26 and view.refused_list.count() == 0
    assert "26 lines new to the park" in view.books_said.text()
    assert view.import_button.isEnabled() and _entries(window) == 0
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.report is not None and view.report.books_compared
                    and not view._busy, timeout=30000)  # the import checks again by itself
    assert _entries(window) == 26 and view.report.agrees
    assert "imported 26 lines of the books" in view.books_said.text()
    assert view.causes() == {} and view.differences() == []
    assert "the three ledgers agree: 10 of our entries found" in view.summary.text()
    assert not view.books_note.isVisible()
    assert not view.import_button.isEnabled()  # imported: rehearse again first


def test_with_books_ours_missing_from_them_are_listed(qtbot, window, monkeypatch, tmp_path):
    _park(qtbot, window)
    ws = window.controller.workspace
    one_line_of_books(ws, park_id(ws), tmp_path, date(2026, 12, 31))  # after the day
    view = _open(qtbot, window, monkeypatch)
    # The books hold nothing of ours: every bill, receipt and allocation is missing there.
    assert view.report.books_compared and not view.books_note.isVisible()
    assert view.causes() == {"bill-not-in-books": 6, "receipt-not-in-books": 1,
                             "allocation-not-in-books": 3}
    assert [view.cause_list.item(i).text() for i in range(view.cause_list.count())] == [
        "All differences (10)", "Receipt not in the books (1)", "Bill not in the books (6)",
        "Allocation not in the books (3)"]
    assert len(view.differences()) == 10
    assert "10 differences of 3 causes" in view.summary.text()

    view.select_cause("receipt-not-in-books")
    (receipt,) = view.differences()
    assert (receipt.ledgers, receipt.what, receipt.on, receipt.ours) == (
        "operations/finance", "上海云帆智能科技有限公司", "2026-03-05", "30,000.00")
    assert receipt.reference.startswith("LM-P-")
    cells = [view.proxy.index(0, c).data() for c in range(view.proxy.columnCount())]
    assert cells[:3] == ["Receipt not in the books", "operations ↔ finance",
                         "上海云帆智能科技有限公司"]
    detail = view.detail.toPlainText()
    assert "receipt of 30,000.00 on 2026-03-05 from 上海云帆智能科技有限公司" in detail
    assert receipt.reference in detail  # the id a person searches the books for

    view.select_cause("bill-not-in-books")
    assert sorted(r.what for r in view.differences())[0] == "HT-2026-0001/2026-01-01/rent"


def test_a_file_missing_a_column_offers_a_mapping(qtbot, window, monkeypatch, tmp_path):
    _park(qtbot, window)
    view = _open(qtbot, window, monkeypatch)
    books = tmp_path / "books.csv"
    books.write_text("日期,凭证号,科目,摘要,金额\n2026-03-05,记-1,1002,收款,30000.00\n",
                     encoding="utf-8")
    view.set_books_file(str(books))
    assert view.mapping_box.isHidden()
    view.request_rehearsal()
    _idle(qtbot, view)
    assert not view.mapping_box.isHidden()
    assert "no column for 借方 (debit) / 贷方 (credit)" in view.books_said.text()
    debit = view.mapping_combos["debit"]
    assert [debit.itemText(i) for i in range(1, debit.count())] == [
        "日期", "凭证号", "科目", "摘要", "金额"]
    assert not view.import_button.isEnabled()
    debit.setCurrentIndex(debit.findData("金额"))
    view.request_rehearsal()
    _idle(qtbot, view)
    assert view.books_model.rowCount() == 1 and view.import_button.isEnabled()
    debit.setCurrentIndex(0)  # another mapping than the one rehearsed: rehearse again
    assert not view.import_button.isEnabled()

