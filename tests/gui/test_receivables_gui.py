"""Receivables in a real window on a billed small park: Billing ▸ Receivables… shows the
ageing by tenant, building and park on the As of date, the month's collection rate, the
arrears list and each tenant's credit (its reasons on hover), and exports the workbook;
the maps outline the unit whose tenant is overdue and its hover card says how much, and
both go when the bills are paid.

October and November 2026 are billed (due the 1st). HT-2026-0001 (ZD-A-0101, 11,913.00 a
month) was paid on time; HT-B-1 (ZD-A-0103, 12,540.00 a month from March) was not: on
TODAY (2026-11-22) October is 52 days overdue (31–60) and November 21 (0–30).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from sqlalchemy import select

from domain.billing.ageing import Bucket
from services import billing_run, payments
from services.payments import PaymentInput
from store.schema import Bill, Tenant
from tests.gui.helpers import open_window
from tests.small_leases import open_small, park_id, sign_lease
from tests.small_park import TODAY

D = Decimal
TENANT = "上海云帆智能科技有限公司"
OWED = D("25080.00")  # HT-B-1's October and November


def _pay(workspace, number: str, on: date, amount: str) -> None:
    with workspace.reading() as s:
        bill = s.scalar(select(Bill.id).where(Bill.number == number))
    paid = payments.enter_payment(workspace, park_id(workspace),
                                  PaymentInput(on, D(amount), TENANT))
    payments.allocate_payment(workspace, paid, [(bill, D(amount))], on)


@pytest.fixture
def billed(tmp_path):
    path = tmp_path / "billed.leasemap"
    workspace = open_small(path)
    try:
        sign_lease(workspace, "ZD-A-0103", "HT-B-1")
        billing_run.post_run(workspace, park_id(workspace), date(2026, 10, 1),
                             date(2026, 11, 30), date(2026, 9, 25))
        _pay(workspace, "HT-2026-0001/2026-10-01/rent", date(2026, 10, 1), "11913.00")
        _pay(workspace, "HT-2026-0001/2026-11-01/rent", date(2026, 11, 1), "11913.00")
    finally:
        workspace.close()
    return path


@pytest.fixture
def win(qtbot, settings, billed):
    window = open_window(qtbot, settings, billed, (1300, 800))
    yield window
    window.close()


def _open(qtbot, window):
    from views.receivables_window import ReceivablesWindow

    action = window.billing_menu.receivables_action
    assert action.isEnabled() and action.text() == "Re&ceivables…"
    action.trigger()
    view = window.findChild(ReceivablesWindow, "receivables-window")
    assert view is not None and view.isVisible()
    qtbot.waitExposed(view)
    _read(qtbot, view, TODAY)
    return view


def _read(qtbot, view, day: date) -> None:
    qtbot.waitUntil(lambda: view.report is not None and view.report.on == day
                    and not view._busy, timeout=30000)


def test_the_window_shows_ageing_arrears_collection_and_credit(qtbot, win):
    view = _open(qtbot, win)
    assert view.windowTitle() == "张江测试园: receivables ageing as of 2026-11-22 (CNY)"
    [row] = view.cells("ageing")
    assert row == [TENANT, "HT-B-1", "0.00", "12,540.00", "12,540.00", "0.00", "0.00",
                   "25,080.00", "25,080.00", "2", "83 · Medium risk"]
    # The credit cell's tooltip: every point off and why (52 days overdue: 52 // 3 = 17 points;
    # HT-2026-0001's two bills were paid on their due date, not late).
    credit = view.ageing_proxy.index(0, view._column("credit"))
    tip = credit.data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines() == [
        "Credit score 83 of 100 on 2026-11-22: Medium risk",
        "−17: the oldest overdue bill is 52 days past its due date (2026-10-01); 1 point "
        "per 3 days, at most 60"]

    view.set_view("building")
    assert view.view_box.currentText() == "By building"
    assert view.ageing_model.headerData(0, Qt.Orientation.Horizontal) == "Building"
    assert view.cells("ageing") == [["A栋 办公楼", "0.00", "12,540.00", "12,540.00", "0.00",
                                     "0.00", "25,080.00", "25,080.00", "2"]]
    view.view_box.setCurrentIndex(view.view_box.findData("park"))
    assert view.kind == "park"
    assert view.cells("ageing")[0][0] == "张江测试园"

    assert view.cells("arrears") == [[TENANT, "HT-B-1", "A", "2026-10-01", "52",
                                      "25,080.00",
                                      "HT-B-1/2026-10-01/rent, HT-B-1/2026-11-01/rent"]]
    # November's bills fell due on the 1st: 11,913.00 of 24,453.00 in by the 22nd
    assert view.collection.text() == (
        "Collection rate 48.7%: CNY 11,913.00 of CNY 24,453.00 collected by 2026-11-22 "
        "(bills due 2026-11-01 – 2026-11-22)")
    assert view.status.text() == ("CNY 25,080.00 open in 2 bills, CNY 25,080.00 of it "
                                  "overdue; tenants in arrears: 1")
    assert view.arrears_model.headerData(6, Qt.Orientation.Horizontal) == "Bill numbers"
    [scored] = view.credit_shown()
    assert scored.name == TENANT and scored.score.reasons[0].code == "overdue"
    assert view.credit_model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole).startswith(
        "Credit score")


def test_the_report_follows_the_as_of_date_and_the_payments(qtbot, win):
    view = _open(qtbot, win)
    assert view.report.park.amount(Bucket.DAYS_31_60) == D("12540.00")
    win.date_edit.setDate(QDate(2026, 10, 15))  # time travel in the main window
    _read(qtbot, view, date(2026, 10, 15))
    assert view.day() == date(2026, 10, 15)
    park = view.report.park
    # October 14 days overdue; November's bills, posted already, not yet due (and
    # HT-2026-0001's, paid on 1 November, not yet paid on that day)
    assert (park.days_0_30, park.not_due, park.days_31_60) == (
        D("12540.00"), D("24453.00"), D("0.00"))
    view.set_day(TODAY)  # the window's own date
    _read(qtbot, view, TODAY)
    qtbot.waitUntil(lambda: win.tasks.running() == 0, timeout=30000)
    _pay(win.controller.workspace, "HT-B-1/2026-10-01/rent", date(2026, 11, 20), "12540.00")
    win.controller.reload()  # as the payment flows do after a write
    qtbot.waitUntil(lambda: view.report is not None and not view._busy
                    and view.report.park.overdue == D("12540.00"), timeout=30000)
    assert [a.bills for a in view.arrears_shown()] == [("HT-B-1/2026-11-01/rent",)]


def test_export_writes_the_shown_report(qtbot, win, tmp_path):
    view = _open(qtbot, win)
    target = view.export_to(tmp_path / "receivables")
    assert target == tmp_path / "receivables.xlsx"
    qtbot.waitUntil(lambda: target.exists() and "Saved" in view.status.text(), timeout=30000)
    assert view.status.text() == f"Saved {target}"
    assert win.settings.export_folder == str(tmp_path.resolve())
    book = load_workbook(target)
    assert book.sheetnames == ["By tenant", "By building", "Park summary", "Arrears"]
    sheet = book["Arrears"]
    assert [c.value for c in sheet[4]][:3] == [TENANT, "HT-B-1", "A"]
    assert D(str(sheet["F4"].value)) == OWED
    failing = view.export_to(tmp_path / "missing" / "x.xlsx")
    qtbot.waitUntil(lambda: "could not be written" in view.status.text(), timeout=30000)
    assert not failing.exists()


def test_the_map_outlines_the_overdue_unit_and_its_card_says_how_much(qtbot, win):
    from app.map_controller import map_style
    from views.map_text import money_text

    maps = win.show_map()
    tower = next(b for b in win.controller.tree[0].buildings if b.code == "A")
    win.controller.set_scope("building", tower.id)
    qtbot.waitUntil(lambda: maps.thematic is not None and maps.thematic.day == TODAY)
    by_code = {u.code: u for u in maps.units}
    overdue, paid = by_code["ZD-A-0103"], by_code["ZD-A-0101"]
    assert (overdue.arrears, overdue.overdue_since) == (OWED, date(2026, 10, 1))
    assert paid.arrears is None and not paid.facts.overdue
    view = maps.stacking_plan
    assert view.item_for(overdue.id).pen().color().name() == "#c00000"
    assert view.item_for(paid.id).pen().color().name() != "#c00000"
    assert win.map_panel.legend.note() == "Red outline: 1 unit whose tenant has bills overdue"

    # The card, as a person hovers over the block.
    view.fit()
    qtbot.wait(50)  # the fit laid out
    rect = view.item_for(overdue.id).sceneBoundingRect()
    corner = view.mapFromScene(rect.topLeft() + (rect.bottomRight() - rect.topLeft()) * 0.3)
    assert view.block_at(corner) == overdue.id
    qtbot.mouseMove(view.viewport(), corner)
    qtbot.waitUntil(lambda: view._card.isVisible() and "ZD-A-0103" in view._card.text())
    said = f"Arrears: {money_text(OWED, 'CNY')}, overdue since 2026-10-01"
    assert said in view._card.text()
    i = maps.units.index(paid)
    assert "Arrears: —" in map_style(maps.units, maps.thematic, maps.mode, "CNY").card(i)

    # Time travel: on 1 October nothing was overdue yet.
    win.date_edit.setDate(QDate(2026, 10, 1))
    qtbot.waitUntil(lambda: maps.thematic is not None and maps.thematic.day == date(2026, 10, 1))
    assert view.item_for(overdue.id).pen().color().name() != "#c00000"
    win.date_edit.setDate(QDate(TODAY.year, TODAY.month, TODAY.day))
    qtbot.waitUntil(lambda: maps.thematic is not None and maps.thematic.day == TODAY)

    # Paid in full: no outline, no arrears on the card.
    qtbot.waitUntil(lambda: win.tasks.running() == 0, timeout=30000)
    with win.controller.workspace.reading() as s:
        tenant = s.scalar(select(Tenant.id))
    payments.enter_payment(win.controller.workspace, park_id(win.controller.workspace),
                           PaymentInput(date(2026, 11, 21), OWED, TENANT, tenant_id=tenant))
    win.controller.reload()
    qtbot.waitUntil(lambda: not any(u.facts.overdue for u in maps.units))
    cleared = next(u for u in maps.units if u.code == "ZD-A-0103")
    assert cleared.arrears is None
    assert view.item_for(cleared.id).pen().color().name() != "#c00000"
    i = maps.units.index(cleared)
    assert "Arrears: —" in map_style(maps.units, maps.thematic, maps.mode, "CNY").card(i)
    assert win.map_panel.legend.note() == ""
