"""Utility bills in the billing run window: a spike is billed with a note of its own (check
the reading), not marked provisional; a skip naming many meters names three, every one in its
tooltip.

The small park's legacy lease HT-2026-0001 holds ZD-A-0101 from 2026-01-01. Its electricity
meter E-0101 used 100 kWh a month from August 2025, then 2,000 in February 2026. Its water
is under W-MAIN with 38 common meters, 40 meters in all, none read on 1 March yet.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt

from domain.billing.tariffs import FlatTariff, to_document
from services.meters import MeterSpec, create_meter, record_reading
from store.schema import Tariff
from tests.small_leases import park_id

D = Decimal
MARCH = date(2026, 3, 1)
NUMBER = "HT-2026-0001/2026-02-01/electricity"


def _tariff(workspace, utility: str) -> object:
    with workspace.transaction() as s:
        row = Tariff(park_id=park_id(workspace), utility=utility, name=f"{utility} flat",
                     valid_from=date(2025, 1, 1),
                     document=to_document(FlatTariff(date(2025, 1, 1), D("1.00"))))
        s.add(row)
        s.flush()
        return row.id


def _meters(workspace) -> None:
    pid = park_id(workspace)
    meter = create_meter(workspace, pid, MeterSpec("E-0101", "electricity", unit="ZD-A-0101",
                                                   tariff_id=_tariff(workspace, "electricity")))
    days = [date(2025, m, 1) for m in range(8, 13)] + [date(2026, 1, 1), date(2026, 2, 1)]
    for k, day in enumerate(days):
        record_reading(workspace, meter, day, D(100 * k))
    record_reading(workspace, meter, MARCH, D(600 + 2000))
    water = [create_meter(workspace, pid, MeterSpec("W-MAIN", "water",
                                                    tariff_id=_tariff(workspace, "water"))),
             create_meter(workspace, pid, MeterSpec("W-0101", "water", parent="W-MAIN",
                                                    unit="ZD-A-0101"))]
    water += [create_meter(workspace, pid, MeterSpec(f"WC-{n:02}", "water", parent="W-MAIN"))
              for n in range(1, 39)]
    for meter in water:
        record_reading(workspace, meter, date(2026, 2, 1), D(0))


def _rehearsed(qtbot, window):
    from views.billing_run_dialog import BillingRunDialog

    _meters(window.controller.workspace)
    window.billing_menu.run_action.trigger()
    dialog = window.findChild(BillingRunDialog, "billing-run-dialog")
    qtbot.waitExposed(dialog)
    dialog.set_month(MARCH)
    dialog.set_issued_on(date(2026, 3, 2))
    qtbot.mouseClick(dialog.rehearse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog._busy, timeout=30000)
    return dialog


def test_a_spike_says_check_the_reading_and_many_meters_name_three(qtbot, window):
    dialog = _rehearsed(qtbot, window)
    proxy = dialog.bill_proxy
    [row] = [r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == NUMBER]
    cells = [proxy.index(row, c).data() for c in range(proxy.columnCount())]
    assert proxy.headerData(6, Qt.Orientation.Horizontal) == "Note"
    assert cells[5] == "2,000.00" and cells[6] == "check reading"
    tip = proxy.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    spike = ("Meter E-0101 of ZD-A-0101 used 22.1× its usual: 71.429 a day from 2026-02-01 "
             "to 2026-03-01, usually 3.226; billed as read — check the reading")
    assert tip == spike  # and nothing about a correction to follow
    dialog.select_bill(NUMBER)
    text = dialog.explanation.toPlainText()
    assert spike in text and "Provisional" not in text and "correction" not in text
    assert not dialog.selected_bill().provisional
    rent = [proxy.index(r, 6).data() for r in range(proxy.rowCount())
            if proxy.index(r, 0).data() == "HT-2026-0001/2026-03-01/rent"]
    assert rent == [""]

    [water] = [n for n in range(dialog.skip_list.count())
               if "water" in dialog.skip_list.item(n).text()]
    item = dialog.skip_list.item(water)
    assert item.text() == (
        "HT-2026-0001: water for ZD-A-0101 in 2026-02 not billed: no reading closing the "
        "month on W-0101, W-MAIN, WC-01 and 37 more (run the same period again once it is "
        "read)")
    every = ", ".join(["W-0101", "W-MAIN", *(f"WC-{n:02}" for n in range(1, 39))])
    assert item.toolTip() == f"Every meter (40): {every}"


def test_the_spike_and_the_meters_in_chinese(qtbot, window, chinese):
    dialog = _rehearsed(qtbot, window)
    proxy = dialog.bill_proxy
    [row] = [r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == NUMBER]
    assert proxy.index(row, 6).data() == "核查读数"
    assert proxy.index(row, 0).data(Qt.ItemDataRole.ToolTipRole) == (
        "ZD-A-0101 的表 E-0101 用量为平时的 22.1 倍：2026-02-01 至 2026-03-01 日均 71.429，"
        "平时 3.226；已按读数出账，请核查读数")
    skips = [dialog.skip_list.item(n).text() for n in range(dialog.skip_list.count())]
    assert any("W-0101, W-MAIN, WC-01 及另外 37 个表" in s for s in skips)
