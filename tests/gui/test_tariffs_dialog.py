"""Billing ▸ Meters ▸ Tariffs… in a real window on the small park: a flat tariff added, a
time-of-use one and a new version of it, the live example priced by the domain, refusals
said in words with what was typed kept and nothing written, a version archived after its
question, a version bills were priced at shown as kept; and the meter dialog listing a
tariff the moment it is saved, chosen when it asked for it.

The tree: MAIN (electricity) → E-1 (ZD-A-0101); the window's day is 2026-11-22.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from domain.billing.meters import Period
from domain.billing.tariffs import TouTariff, price
from domain.leasing.schedule import add_months
from services.meters import MeterSpec, create_meter
from store.schema import Meter, Outbox, Tariff
from tests.gui.helpers import open_window
from tests.small_leases import open_small, park_id

D = Decimal
E = "electricity"
TOU_NAME = "峰谷分时电价"


@pytest.fixture
def metered(tmp_path):
    path = tmp_path / "tariffs.leasemap"
    workspace = open_small(path)
    try:
        pid = park_id(workspace)
        create_meter(workspace, pid, MeterSpec("MAIN", E))
        create_meter(workspace, pid, MeterSpec("E-1", E, parent="MAIN", unit="ZD-A-0101"))
    finally:
        workspace.close()
    return path


@pytest.fixture
def meters(qtbot, settings, metered):
    window = open_window(qtbot, settings, metered)
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)
    from app.meters_flow import meters_flow_of

    flow = meters_flow_of(window)
    view = flow.open()
    assert view is not None
    settle(qtbot, window)
    yield window, view, flow
    window.close()


def settle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)
    qtbot.wait(10)
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def count(window, model, *where) -> int:
    with window.controller.workspace.reading() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def open_tariffs(qtbot, window, view):
    from app.tariffs_flow import tariffs_flow_of

    click(qtbot, view.tariffs_button)
    dialog = tariffs_flow_of(window).dialog
    assert dialog is not None and dialog.isVisible()
    settle(qtbot, window)
    assert dialog.snapshot is not None and dialog.utility() == E
    return dialog


def set_day(dialog, day: date) -> None:
    dialog.valid_from_edit.setDate(QDate(day.year, day.month, day.day))


def save(qtbot, window, dialog) -> None:
    click(qtbot, dialog.save_button)
    settle(qtbot, window)


# -- tariffs added ---------------------------------------------------------------------------


def test_a_flat_tariff_is_added_with_its_example_and_listed(qtbot, meters):
    window, view, _flow = meters
    assert view.tariffs_button.text() == "Tariffs…"
    dialog = open_tariffs(qtbot, window, view)
    assert dialog.shown() == []
    assert dialog.editor.title() == "New tariff" and dialog.mode == "new"
    assert dialog.valid_from() == date(2026, 11, 1)  # the first of the app's month
    dialog.name_edit.setText("一般工商业电价")
    assert dialog.kind_box.currentData() == "flat"
    assert dialog.example.text() == "Enter every price to see what a month's use would cost."
    dialog.price_edit.setText("0.8675")
    # The example is the domain's price of 100 kWh for a month from the first day.
    assert dialog.example.text() == \
        "100 kWh in a month would cost CNY 86.75: 100 × 0.8675"
    dialog.example_edit.setText("1,000")
    assert dialog.example.text() == \
        "1,000 kWh in a month would cost CNY 867.50: 1,000 × 0.8675"
    assert dialog.price_unit.text() == "CNY/kWh"
    save(qtbot, window, dialog)
    assert dialog.shown() == [("一般工商业电价", ["from 2026-11-01"])]
    row = dialog.version_texts("一般工商业电价", date(2026, 11, 1))
    assert row == {"tariff": "from 2026-11-01", "kind": "Flat",
                   "prices": "0.8675 CNY/kWh", "state": "In force"}
    assert dialog.status.text() == "Tariff 一般工商业电价 from 2026-11-01 saved."
    assert "Tariff 一般工商业电价 from 2026-11-01 saved." in window.statusBar().currentMessage()
    # The version saved is shown, to change while no bill is priced at it.
    assert dialog.mode == "edit" and dialog.editor.title() == \
        "Change 一般工商业电价 from 2026-11-01"
    with window.controller.workspace.reading() as s:
        [tariff] = s.scalars(select(Tariff))
        assert (tariff.utility, tariff.name, tariff.valid_from, tariff.document) == (
            E, "一般工商业电价", date(2026, 11, 1),
            {"kind": "flat", "valid_from": "2026-11-01", "price": "0.8675"})
    assert count(window, Outbox, Outbox.entity == "tariffs") == 1


def test_a_time_of_use_tariff_and_a_new_version_of_it(qtbot, meters):
    window, view, _flow = meters
    dialog = open_tariffs(qtbot, window, view)
    click(qtbot, dialog.new_tariff_button)
    dialog.name_edit.setText(TOU_NAME)
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("time_of_use"))
    assert dialog.pages.currentIndex() == 2
    set_day(dialog, date(2026, 1, 1))
    for register, figure in (("peak", "1.35"), ("flat", "0.85"), ("valley", "0.45")):
        dialog.register_edits[register].setText(figure)
    assert dialog.example.text() == ("100 kWh in each of its periods would cost CNY 265.00: "
                                     "Peak 100 × 1.35 + Flat 100 × 0.85 + Valley 100 × 0.45")
    save(qtbot, window, dialog)
    assert dialog.shown() == [(TOU_NAME, ["from 2026-01-01"])]
    assert dialog.version_texts(TOU_NAME, date(2026, 1, 1))["prices"] == \
        "Peak 1.35 / Flat 0.85 / Valley 0.45"

    # A new version: the figures to start from, the first of next month as its day.
    assert dialog.select_tariff(TOU_NAME)
    click(qtbot, dialog.new_version_button)
    assert dialog.mode == "version" and dialog.name_edit.isReadOnly()
    assert dialog.editor.title() == f"New version of {TOU_NAME}"
    assert dialog.valid_from() == date(2026, 12, 1)
    assert dialog.register_edits["flat"].text() == "0.85"
    dialog.register_edits["sharp"].setText("1.60")
    dialog.register_edits["peak"].setText("1.42")
    dialog.example_edit.setText("37.5")
    new = TouTariff(date(2026, 12, 1), {"sharp": D("1.60"), "peak": D("1.42"),
                                        "flat": D("0.85"), "valley": D("0.45")})
    q = D("37.5")
    charged = price(new, dict.fromkeys(("sharp", "peak", "flat", "valley"), q),
                    Period(date(2026, 12, 1), add_months(date(2026, 12, 1), 1)))
    assert dialog.example.text().startswith(
        f"37.5 kWh in each of its periods would cost CNY {charged.amount:,.2f}: "
        "Sharp 37.5 × 1.60 + Peak 37.5 × 1.42")
    save(qtbot, window, dialog)
    assert dialog.shown() == [(TOU_NAME, ["from 2026-12-01", "from 2026-01-01"])]
    assert dialog.version_texts(TOU_NAME, date(2026, 12, 1)) == {
        "tariff": "from 2026-12-01", "kind": "Time of use",
        "prices": "Sharp 1.60 / Peak 1.42 / Flat 0.85 / Valley 0.45", "state": "Coming"}
    assert dialog.version_texts(TOU_NAME, date(2026, 1, 1))["state"] == "In force"
    assert count(window, Tariff) == 2


def test_a_refusal_is_said_in_words_and_what_was_typed_stays(qtbot, meters):
    window, view, _flow = meters
    dialog = open_tariffs(qtbot, window, view)
    dialog.name_edit.setText(TOU_NAME)
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("time_of_use"))
    dialog.register_edits["peak"].setText("1.35")
    dialog.register_edits["valley"].setText("abc")
    ops = count(window, Outbox)
    save(qtbot, window, dialog)
    assert dialog.refusal.text().splitlines() == [
        "Flat: enter its price; a time-of-use tariff prices peak, flat and valley",
        "Valley: the price “abc” is not a number"]
    assert dialog.register_edits["valley"].text() == "abc"  # kept as typed
    assert dialog.name_edit.text() == TOU_NAME and dialog.mode == "new"
    assert dialog.example.text() == "Enter every price to see what a month's use would cost."
    assert (count(window, Tariff), count(window, Outbox)) == (0, ops)

    # Bands that overlap, on water: said with their figures.
    dialog.utility_box.setCurrentIndex(dialog.utility_box.findData("water"))
    settle(qtbot, window)
    dialog.name_edit.setText("非居民用水")
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("tiered"))
    dialog.set_band(0, "300", "5.60")
    dialog.set_band(1, "200", "8.40")
    dialog.add_band()
    dialog.set_band(2, "", "9.00")
    assert [dialog.bands.item(r, 0).text() for r in range(3)] == ["0", "300", "200"]
    save(qtbot, window, dialog)
    assert dialog.refusal.text() == ("Band 2 ends at 200, not above where the band before it "
                                     "ends (300): bands rise and do not overlap")
    assert dialog.bands.item(1, 1).text() == "200"
    dialog.set_band(1, "500", "8.40")
    assert dialog.example.text() == "100 m³ in a month would cost CNY 560.00: 100 × 5.60"
    save(qtbot, window, dialog)
    assert dialog.refusal.text() == ""
    assert dialog.version_texts("非居民用水", date(2026, 11, 1))["prices"] == \
        "0–300 m³ 5.60; 300–500 m³ 8.40; 500+ 9.00"

    # One version of a name a day.
    click(qtbot, dialog.new_version_button)
    set_day(dialog, date(2026, 11, 1))
    save(qtbot, window, dialog)
    assert dialog.refusal.text() == ("非居民用水 has a version from 2026-11-01 already: "
                                     "change that one, or give this one another day")
    assert count(window, Tariff) == 1


def test_a_version_is_archived_after_its_question(qtbot, meters):
    window, view, _flow = meters
    from app.tariffs_flow import tariffs_flow_of
    from services.tariffs import save_tariff

    workspace, pid = window.controller.workspace, park_id(window.controller.workspace)
    save_tariff(workspace, pid, E, "一般工商业电价", {"kind": "flat", "price": "0.98"},
                date(2026, 1, 1))
    late = save_tariff(workspace, pid, E, "一般工商业电价", {"kind": "flat", "price": "1.02"},
                       date(2027, 1, 1))
    dialog = open_tariffs(qtbot, window, view)
    assert dialog.select_version(late)
    assert dialog.mode == "edit" and dialog.price_edit.text() == "1.02"
    click(qtbot, dialog.archive_button)
    box = tariffs_flow_of(window).box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text().startswith("Archive 一般工商业电价 from 2027-01-01?")
    archive = next(b for b in box.buttons() if b.objectName() == "archive")
    click(qtbot, archive)
    settle(qtbot, window)
    assert dialog.shown() == [("一般工商业电价", ["from 2026-01-01"])]
    with workspace.reading() as s:
        assert s.get(Tariff, late).archived


def test_a_version_bills_were_priced_at_is_shown_kept(qtbot, settings, tmp_path):
    from tests.services.test_tariffs_service import NAME, _billed_february

    path = tmp_path / "billed.leasemap"
    workspace = open_small(path)
    try:
        first, later = _billed_february(workspace)
    finally:
        workspace.close()
    window = open_window(qtbot, settings, path)
    try:
        settle(qtbot, window)
        from app.meters_flow import meters_flow_of

        view = meters_flow_of(window).open()
        settle(qtbot, window)
        dialog = open_tariffs(qtbot, window, view)
        assert dialog.version_texts(NAME, date(2026, 1, 1))["state"] == "Billed"
        assert dialog.select_version(first)
        assert dialog.editor.title() == f"{NAME} from 2026-01-01"
        assert dialog.form_note.text().startswith("Bills already posted were priced at this "
                                                  "version, so it is kept as it is.")
        assert not dialog.save_button.isEnabled() and not dialog.archive_button.isEnabled()
        assert not dialog.price_edit.isEnabled()
        assert dialog.new_version_button.isEnabled()  # the correction
        assert dialog.select_version(later)
        assert dialog.save_button.isEnabled() and dialog.archive_button.isEnabled()
    finally:
        window.close()


# -- the meter dialog ------------------------------------------------------------------------


def test_the_meter_dialog_lists_a_tariff_as_soon_as_it_is_saved(qtbot, meters):
    window, view, flow = meters
    assert view.select_meter("MAIN")
    click(qtbot, view.edit_button)
    meter_dialog = flow.meter_dialog
    assert meter_dialog is not None
    items = [meter_dialog.tariff_box.itemText(i) for i in range(meter_dialog.tariff_box.count())]
    assert items == ["(none: not priced)"]
    # New tariff… opens the Tariffs dialog over the meter dialog.
    assert meter_dialog.tariffs_button.text() == "New tariff…"
    click(qtbot, meter_dialog.tariffs_button)
    from app.tariffs_flow import tariffs_flow_of

    dialog = tariffs_flow_of(window).dialog
    assert dialog is not None and dialog.parent() is meter_dialog
    settle(qtbot, window)
    dialog.name_edit.setText("一般工商业电价")
    dialog.price_edit.setText("0.98")
    save(qtbot, window, dialog)
    settle(qtbot, window)
    items = [meter_dialog.tariff_box.itemText(i) for i in range(meter_dialog.tariff_box.count())]
    assert items == ["(none: not priced)", "一般工商业电价"]
    assert meter_dialog.tariff_box.currentText() == "一般工商业电价"  # it asked: chosen
    # A new version of it is still one tariff to choose.
    assert dialog.select_tariff("一般工商业电价")
    click(qtbot, dialog.new_version_button)
    dialog.price_edit.setText("1.02")
    save(qtbot, window, dialog)
    settle(qtbot, window)
    items = [meter_dialog.tariff_box.itemText(i) for i in range(meter_dialog.tariff_box.count())]
    assert items == ["(none: not priced)", "一般工商业电价"]
    dialog.close()
    click(qtbot, meter_dialog.save_button)
    settle(qtbot, window)
    with window.controller.workspace.reading() as s:
        tariff_id = s.scalar(select(Meter.tariff_id).where(Meter.code == "MAIN"))
        assert s.get(Tariff, tariff_id).name == "一般工商业电价"
    assert view.row_texts("MAIN")["tariff"] == "一般工商业电价"

    # Saved from the Meters window: the next meter dialog lists it too, and an open one
    # keeps what it had chosen.
    assert view.select_meter("E-1")
    click(qtbot, view.edit_button)
    meter_dialog = flow.meter_dialog
    assert meter_dialog is not None and meter_dialog.tariff_box.currentIndex() == 0
    dialog = open_tariffs(qtbot, window, view)
    dialog.name_edit.setText("临时用电")
    dialog.price_edit.setText("1.20")
    save(qtbot, window, dialog)
    settle(qtbot, window)
    items = [meter_dialog.tariff_box.itemText(i) for i in range(meter_dialog.tariff_box.count())]
    assert items == ["(none: not priced)", "一般工商业电价", "临时用电"]
    assert meter_dialog.tariff_box.currentIndex() == 0  # not asked by it: not chosen


def test_the_dialogs_are_registered_for_the_chinese_sweep():
    from app.dialog_registry import DIALOGS

    assert {"tariffs", "tariff-archive"} <= set(DIALOGS)
