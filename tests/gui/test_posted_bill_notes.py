"""A posted bill's notes, read back from its lines, said in the bill's lines dialog as the
billing run window says them: a turnover rent billed before its sales are reported is
provisional ("a later run posts the correction…"); a meter's spike is billed as read, to
check the reading.

The small park's tenant leases ZD-A-0103 as HT-B-1: 12,540.00 a month from 2026-03-01 at
8 % of sales (none reported), or from 2025-07-01 with meter E-0103 reading 100 kWh a month
for half a year, then 2,000 in February 2026.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt

from domain.billing.utility_bills import SPIKE_NOTE, stored_notes
from domain.leasing.clauses import Turnover
from services import billing_run, contracts
from services.meters import MeterSpec, create_meter, record_reading
from tests.small_leases import lease_spec, park_id
from tests.small_meters import E, add_tariff, flat, line_explanations, run_month, sign_b1

D = Decimal
RENT = "HT-B-1/2026-03-01/rent"
CORRECTION = "Provisional: a later run posts the correction once the figure is known."


def _lines_text(qtbot, window, number: str) -> str:
    """The bill ``number`` opened from the invoice list (Bill lines…): what its dialog says."""
    from app.invoice_flow import invoice_flow_of
    from views.invoice_list import InvoiceListDialog

    window.billing_menu.invoices_action.trigger()
    listing = window.findChild(InvoiceListDialog, "invoice-list-dialog")
    qtbot.waitUntil(lambda: listing.listing is not None, timeout=30000)
    listing.select_bill(number)
    qtbot.mouseClick(listing.lines_button, Qt.MouseButton.LeftButton)
    lines = invoice_flow_of(window).lines
    qtbot.waitUntil(lambda: lines.row is not None, timeout=30000)
    assert lines.windowTitle() == f"Bill {number}"
    text = lines.text.toPlainText()
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)
    lines.close()
    listing.close()
    return text


def test_a_posted_turnover_rent_without_sales_says_a_correction_follows(qtbot, window):
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)
    ws = window.controller.workspace
    contracts.create_signed(ws, park_id(ws), lease_spec(
        ws, "ZD-A-0103", "HT-B-1", date(2026, 3, 1), date(2027, 2, 28),
        turnover=Turnover(rate=D("0.08"))))
    billing_run.post_run(ws, park_id(ws), date(2026, 3, 1), date(2026, 3, 31),
                         date(2026, 2, 25))
    [line] = line_explanations(ws, RENT)
    assert [n.code for n in stored_notes([line])] == ["sales-missing"]
    text = _lines_text(qtbot, window, RENT)
    assert "2026-03-01 – 2026-03-31: 12,540.00" in text
    assert CORRECTION in text  # as the billing run window says a provisional bill
    assert "sales-missing" not in text and "provisional" not in text.split(CORRECTION)[0]


def test_a_posted_spike_says_check_the_reading(qtbot, window):
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)
    ws = window.controller.workspace
    tariff = add_tariff(ws, flat("1.00", date(2025, 1, 1)))
    meter = create_meter(ws, park_id(ws), MeterSpec("E-0103", E, unit="ZD-A-0103",
                                                     tariff_id=tariff))
    sign_b1(ws, date(2025, 7, 1), date(2027, 6, 30))
    days = [date(2025, m, 1) for m in range(8, 13)] + [date(2026, 1, 1), date(2026, 2, 1)]
    for k, day in enumerate(days):
        record_reading(ws, meter, day, D(100 * k))
    record_reading(ws, meter, date(2026, 3, 1), D(600 + 2000))
    plan = run_month(ws, date(2026, 3, 1), on=date(2026, 3, 2)).plan
    [bill] = [b for b in plan.bills if b.charge == E]
    assert [n.code for n in bill.notes] == [SPIKE_NOTE]
    text = _lines_text(qtbot, window, bill.number)
    assert ("Meter E-0103 of ZD-A-0103 used 22.1× its usual: 71.429 a day from 2026-02-01 "
            "to 2026-03-01, usually 3.226; billed as read — check the reading") in text
    assert CORRECTION not in text  # billed as read: no correction follows


def test_stored_notes_are_each_said_once_whatever_their_key():
    """Every line of a bill keeps every note of it: read back, each once, in order."""
    spike = {"code": SPIKE_NOTE, "params": {"meter": "E-1", "times": "3"}}
    left = {"code": "utility-left-out", "params": {"unit": "U-1"}}
    lines = [{"reasons": [], "check": [spike], "info": [left], "provisional": []},
             {"reasons": [], "check": [spike], "info": [left]}, {}]
    notes = stored_notes(lines)
    assert [(n.code, n.params) for n in notes] == [
        (SPIKE_NOTE, {"meter": "E-1", "times": "3"}), ("utility-left-out", {"unit": "U-1"})]
