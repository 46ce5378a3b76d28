"""Invoices in a real window on the small park: Billing ▸ Invoices…, issue an invoice for a
bill, reverse it with a red invoice (红冲), reissue it ex-tax; a refusal stays in the dialog
with its reason; the tax platform's numbers imported after a rehearsal.

HT-B-1 (ZD-A-0103 to the park's tenant, 12,540.00 a month from 2026-03-01) is signed and
its March billed before the list opens; the legacy lease's March bill is beside it. Rent
is invoiced at 9 %: 12,540.00 = 11,504.59 + 1,035.41 tax.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, Qt
from shiboken6 import isValid
from sqlalchemy import func, select

from services import billing_run, contracts
from store.schema import Invoice, Outbox
from tests.small_leases import lease_spec, park_id

MARCH = date(2026, 3, 1)
BILL = "HT-B-1/2026-03-01/rent"
LEGACY = "HT-2026-0001/2026-03-01/rent"
N1, N2, N3 = "24312000000000000001", "24312000000000000002", "24312000000000000003"


def _billed(workspace) -> None:
    spec = lease_spec(workspace, "ZD-A-0103", "HT-B-1", MARCH, date(2027, 2, 28))
    contracts.create_signed(workspace, park_id(workspace), spec)
    billing_run.post_run(workspace, park_id(workspace), MARCH, date(2026, 3, 31), MARCH)


def _settled(qtbot, window) -> None:
    """Nothing of the window runs in the background (a read, a record)."""
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)


def _open(qtbot, window):
    """The list, opened as a person opens it (Billing ▸ Invoices…), once it is read."""
    from views.invoice_list import InvoiceListDialog

    _billed(window.controller.workspace)
    window.billing_menu.invoices_action.trigger()
    listing = window.findChild(InvoiceListDialog, "invoice-list-dialog")
    assert listing is not None and listing.isVisible()
    qtbot.waitExposed(listing)
    qtbot.waitUntil(lambda: listing.listing is not None, timeout=30000)
    _settled(qtbot, window)
    return listing


def _dialog(listing):
    from views.invoice_dialog import InvoiceDialog

    dialog = listing.findChild(InvoiceDialog, "invoice-dialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def _click(qtbot, button) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _record(qtbot, window, listing, dialog) -> None:
    """OK, then wait for the record and the list read again."""
    _settled(qtbot, window)
    before = listing.listing
    _click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=30000)
    qtbot.waitUntil(lambda: listing.listing is not before, timeout=30000)
    _settled(qtbot, window)


def _row(listing, number: str) -> dict[str, str]:
    proxy, keys = listing.bill_proxy, [c.key for c in listing.bill_model.columns()]
    for position in range(proxy.rowCount()):
        cells = [proxy.index(position, c).data() for c in range(proxy.columnCount())]
        if cells[0] == number:
            return dict(zip(keys, cells, strict=True))
    raise LookupError(number)


def _invoice_cells(listing) -> list[list[str]]:
    proxy = listing.invoice_proxy
    return [[proxy.index(r, c).data() for c in range(proxy.columnCount())]
            for r in range(proxy.rowCount())]


def _rows(workspace) -> list[tuple]:
    with workspace.reading() as s:
        return [tuple(r) for r in s.execute(select(
            Invoice.kind, Invoice.number, Invoice.amount_incl, Invoice.amount_excl, Invoice.tax)
            .order_by(Invoice.id))]


def test_issue_reverse_and_reissue_from_the_list(qtbot, window):
    listing = _open(qtbot, window)
    workspace = window.controller.workspace
    assert {BILL, LEGACY} <= {b.number for b in listing.bills()}
    listing.select_bill(BILL)
    assert _row(listing, BILL)["state"] == "Not invoiced"
    assert not listing.void_button.isEnabled() and not listing.reissue_button.isEnabled()

    # Issue: the amount starts at what is left, the split follows what is typed.
    _click(qtbot, listing.issue_button)
    dialog = _dialog(listing)
    assert dialog.amount_edit.text() == "12540.00"
    assert dialog.split_value.text() == (
        "12,540.00 incl. tax = 11,504.59 excl. tax + 1,035.41 tax at 9%")
    assert not dialog.ok_button.isEnabled()  # no number yet
    qtbot.keyClicks(dialog.number_edit, N1)
    dialog.date_edit.setDate(QDate(2026, 3, 5))
    _record(qtbot, window, listing, dialog)
    assert _rows(workspace) == [("blue", N1, Decimal("12540.00"), Decimal("11504.59"),
                                     Decimal("1035.41"))]
    row = _row(listing, BILL)
    assert (row["state"], row["invoiced"], row["left"], row["invoices"]) == (
        "Invoiced", "12,540.00", "0.00", N1)
    assert listing.selected_bill().number == BILL  # the bill chosen stays chosen
    assert listing.selected_invoice().number == N1  # its live invoice chosen below

    # Reverse (红冲): the red invoice's own number, its amounts the blue one's negated.
    _click(qtbot, listing.reverse_button)
    dialog = _dialog(listing)
    assert dialog.split_value.text() == (
        "-12,540.00 incl. tax = -11,504.59 excl. tax + -1,035.41 tax at 9%")
    qtbot.keyClicks(dialog.number_edit, N2)
    assert not dialog.ok_button.isEnabled()  # a red invoice says why
    dialog.note_edit.setText("开票有误")  # (QTest types Latin-1 only)
    dialog.date_edit.setDate(QDate(2026, 4, 10))
    _record(qtbot, window, listing, dialog)
    row = _row(listing, BILL)
    assert (row["state"], row["invoiced"], row["left"]) == ("Reversed (红冲)", "0.00",
                                                            "12,540.00")
    assert listing.reissue_button.isEnabled()

    # Reissue, typed ex-tax: it names the reversed invoice it replaces.
    _click(qtbot, listing.reissue_button)
    dialog = _dialog(listing)
    assert dialog.windowTitle() == "Reissue an invoice"
    assert dialog.replaces_combo.currentData() == N1
    dialog.pricing_combo.setCurrentIndex(dialog.pricing_combo.findData("exclusive"))
    dialog.amount_edit.setText("11504.59")
    assert dialog.split_value.text() == (
        "12,540.00 incl. tax = 11,504.59 excl. tax + 1,035.41 tax at 9%")
    qtbot.keyClicks(dialog.number_edit, N3)
    dialog.date_edit.setDate(QDate(2026, 4, 12))
    _record(qtbot, window, listing, dialog)

    # The list shows all three numbers, the reversed and the red one kept.
    row = _row(listing, BILL)
    assert (row["state"], row["invoiced"]) == ("Invoiced", "12,540.00")
    assert row["invoices"] == f"{N1} (reversed), {N2} (red), {N3}"
    listing.select_bill(BILL)
    cells = _invoice_cells(listing)
    assert [(c[0], c[2], c[5], c[6]) for c in cells] == [
        (N1, "12,540.00", f"Reversed by {N2}", "开票有误"),
        (N2, "-12,540.00", f"Red invoice for {N1}", "开票有误"),
        (N3, "12,540.00", "Issued", "")]
    assert [r[:2] for r in _rows(workspace)] == [("blue", N1), ("red", N2), ("blue", N3)]
    tip = listing.bill_model.data(listing.bill_model.index(
        [b.number for b in listing.bill_model.rows()].index(BILL), 9), Qt.ItemDataRole.ToolTipRole)
    assert tip == (f"{N1}: Reversed by {N2} (reason: 开票有误)\n"
                   f"{N2}: Red invoice for {N1} (reason: 开票有误)\n{N3}: Issued")
    listing.set_state_filter("reversed")
    assert BILL not in {b.number for b in listing.bills()}
    listing.search.setText(N1)  # a number finds its bill, whatever became of it
    listing.set_state_filter("")
    assert [b.number for b in listing.bills()] == [BILL]


def test_a_refusal_keeps_the_dialog_open_with_its_reason(qtbot, window):
    listing = _open(qtbot, window)
    workspace = window.controller.workspace
    listing.select_bill(BILL)
    _click(qtbot, listing.issue_button)
    dialog = _dialog(listing)
    qtbot.keyClicks(dialog.number_edit, N1)
    dialog.amount_edit.setText("6000")
    _record(qtbot, window, listing, dialog)
    assert _row(listing, BILL)["state"] == "Part invoiced"

    listing.select_bill(LEGACY)
    _click(qtbot, listing.issue_button)
    dialog = _dialog(listing)
    qtbot.keyClicks(dialog.number_edit, " 2431 2000 0000 0000 0001")  # N1, with spaces
    before = _counted(workspace)
    _settled(qtbot, window)
    _click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: dialog.status.text() != "Recording…", timeout=30000)
    assert dialog.isVisible()
    assert dialog.status.text() == (
        f"The invoice was not recorded: invoice number {N1} is already recorded in this park")
    assert _counted(workspace) == before == (1, 1)  # nothing more written
    assert dialog.ok_button.isEnabled()  # corrected and sent again
    dialog.number_edit.setText(N2)
    dialog.amount_edit.setText("abc")
    assert not dialog.ok_button.isEnabled() and dialog.split_value.text() == "—"
    dialog.amount_edit.setText("11,913.00")
    dialog.date_edit.setDate(QDate(2026, 3, 6))
    _record(qtbot, window, listing, dialog)
    assert _row(listing, LEGACY)["state"] == "Invoiced"

    # Voided in its month: it keeps its number, listed as voided; the bill is free again.
    assert listing.selected_invoice().number == N2
    _click(qtbot, listing.void_button)
    dialog = _dialog(listing)
    assert dialog.windowTitle() == f"Void invoice {N2}"
    dialog.date_edit.setDate(QDate(2026, 3, 20))
    assert not dialog.ok_button.isEnabled()  # no reason yet: a tax audit asks why
    dialog.note_edit.setText("   ")
    assert not dialog.ok_button.isEnabled()
    dialog.note_edit.setText("抬头有误")
    _record(qtbot, window, listing, dialog)
    row = _row(listing, LEGACY)
    assert (row["state"], row["invoices"], row["left"]) == ("Voided", f"{N2} (voided)",
                                                            "11,913.00")
    assert not listing.void_button.isEnabled() and listing.reissue_button.isEnabled()
    assert [(c[0], c[5], c[6]) for c in _invoice_cells(listing)] == [
        (N2, "Voided on 2026-03-20", "抬头有误")]
    with workspace.reading() as s:
        assert s.scalar(select(Invoice.note).where(Invoice.kind == "void")) == "抬头有误"


def _counted(workspace) -> tuple[int, int]:
    """Invoices rows and the commands about them."""
    with workspace.reading() as s:
        return (s.scalar(select(func.count()).select_from(Invoice)),
                s.scalar(select(func.count()).select_from(Outbox)
                         .where(Outbox.entity == "invoices")))


def test_numbers_are_imported_after_their_rehearsal(qtbot, window, tmp_path):
    from app.invoice_flow import invoice_flow_of
    from views.invoice_list import InvoiceImportDialog

    listing = _open(qtbot, window)
    path = tmp_path / "export.csv"
    path.write_text("发票号码,开票日期,账单编号,价税合计\n"
                    f"{N1},2026-03-05,{BILL},12540.00\n"
                    f"{N2},2026-03-05,HT-X/2026-03-01/rent,1.00\n", encoding="utf-8")
    invoice_flow_of(window).import_file(str(path))
    qtbot.waitUntil(lambda: listing.findChild(InvoiceImportDialog) is not None, timeout=30000)
    review = listing.findChild(InvoiceImportDialog)
    assert review.texts() == [
        f"Row 2: invoice {N1} for {BILL}, 12,540.00 (11,504.59 excl. tax + 1,035.41 tax)",
        "Row 3: refused: no bill HT-X/2026-03-01/rent"]
    assert _rows(window.controller.workspace) == []  # rehearsed only
    _settled(qtbot, window)
    before = listing.listing
    _click(qtbot, review.record_button)
    qtbot.waitUntil(lambda: listing.listing is not before, timeout=30000)
    assert [r[:2] for r in _rows(window.controller.workspace)] == [("blue", N1)]
    assert _row(listing, BILL)["invoices"] == N1
    assert listing.status.text() == "Invoices recorded from export.csv: 1."


def test_the_action_is_greyed_without_a_workspace_and_closes_with_it(qtbot, window):
    listing = _open(qtbot, window)
    action = window.billing_menu.invoices_action
    assert action.isEnabled() and action.text() == "&Invoices…"
    window.controller.close()
    qtbot.waitUntil(lambda: not isValid(listing) or not listing.isVisible(), timeout=10000)
    assert not action.isEnabled()
