"""Every dialog the main window can open, by name, so a test can open each one.

tests/gui/test_zh_cn_everywhere.py opens them all in zh_CN and fails on any
English word a Chinese user would see. A NEW DIALOG, MESSAGE BOX OR FILE
DIALOG THE WINDOW CAN OPEN IS REGISTERED HERE: a factory that takes the main
window (with a workspace open) and returns the dialog shown, built by the
same code the window runs (not a copy of its strings), without blocking.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

if TYPE_CHECKING:
    from app.main_window import MainWindow
    from domain.area_statement import BuildingStatement
    from importers.plan import ImportedPlan

Factory = Callable[["MainWindow"], QWidget]
DIALOGS: dict[str, Factory] = {}


def register(name: str) -> Callable[[Factory], Factory]:
    """Add a dialog to :data:`DIALOGS` under ``name``."""

    def add(factory: Factory) -> Factory:
        if name in DIALOGS:
            raise ValueError(f"dialog {name!r} is registered twice")
        DIALOGS[name] = factory
        return factory

    return add


def _shown(dialog: QDialog) -> QDialog:
    dialog.open()  # window-modal, never blocking: the test looks at it and closes it
    return dialog


def _last_box(window: MainWindow) -> QMessageBox:
    """The message box the window opened last (``warn`` boxes delete themselves on close)."""
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    if not boxes:
        raise LookupError("the window opened no message box")
    return boxes[-1]


# -- File menu -------------------------------------------------------------------------------


@register("open-workspace")
def _open_workspace(window: MainWindow) -> QWidget:
    return _shown(window.file_dialog("open"))


@register("new-workspace")
def _new_workspace(window: MainWindow) -> QWidget:
    return _shown(window.file_dialog("new"))


@register("new-park")
def _new_park(window: MainWindow) -> QWidget:
    return _shown(window.park_dialog())


@register("demo-workspace")
def _demo_workspace(window: MainWindow) -> QWidget:
    return _shown(window.file_dialog("demo"))


@register("demo-progress")
def _demo_progress(window: MainWindow) -> QWidget:
    from app.workers import progress_dialog

    translate = QCoreApplication.translate
    dialog = progress_dialog(window, translate("MainWindow", "Build demo workspace"),
                             translate("MainWindow", "Building the demo park…"))
    dialog.show()
    return dialog


@register("import-wizard")
def _import_wizard(window: MainWindow) -> QWidget:
    return window.import_floor_plan()


@register("import-confirm")
def _import_confirm(window: MainWindow) -> QWidget:
    """A drawing that may be another floor's: both kinds of warning."""
    from app.import_flow import ImportFlow
    from store.plan_import import FitWarning

    warnings = [
        FitWarning("overlap", "", {"floor": "3F", "level": "3", "meeting": "1", "units": "12"}),
        FitWarning("labels", "", {"floor": "3F", "level": "3", "named": "5",
                                  "labels": "501, 502"}),
    ]
    return _shown(ImportFlow(window).confirm_box_for(warnings))


@register("import-refused")
def _import_refused(window: MainWindow) -> QWidget:
    """Rooms on each other and on units kept for a contract, ended or binding."""
    from app.import_flow import ImportFlow
    from store.plan_import import KeptOverlap, KeptUnitOverlap, Overlap

    refusal = KeptUnitOverlap("3F", [
        KeptOverlap("301", "ZD-C-301", ("HT-2026-0001",), Decimal("12.50")),
        KeptOverlap("309", "ZD-C-302", (), Decimal("60.00"),
                    (("HT-2020-0001", date(2021, 5, 31)), ("HT-2026-0009", None))),
    ], [Overlap("501", "502", Decimal("10.00"), "ZD-C-501")])
    return ImportFlow(window)._refused(refusal)


@register("site-plan-file")
def _site_plan_file(window: MainWindow) -> QWidget:
    from app.site_flow import site_file_dialog

    return _shown(site_file_dialog(window))


@register("site-plan-replace")
def _site_plan_replace(window: MainWindow) -> QWidget:
    from app.site_flow import replace_box

    return _shown(replace_box(window))


@register("site-plan-apply")
def _site_plan_apply(window: MainWindow) -> QWidget:
    from app.site_flow import apply_box
    from store.site_import import SiteChanges

    changes = SiteChanges([("A", Decimal("1200.50"))], ["仓库"], ["B"], site_plan_kept=True)
    return _shown(apply_box(window, changes))


@register("site-plan-refused")
def _site_plan_refused(window: MainWindow) -> QWidget:
    """A site drawing whose one outline names no building of the park, refused by the service."""
    from services.importing import PlanImportError, rehearse_site
    from views.message_text import message_text

    try:
        rehearse_site(window.controller.workspace, _one_room_plan("site.dxf", "仓库"))
    except PlanImportError as exc:
        translate = QCoreApplication.translate
        return window.warn(translate("SiteFlow", "Site plan not imported"), message_text(exc))
    raise AssertionError("the site drawing was accepted")


@register("import-not-written")
def _import_not_written(window: MainWindow) -> QWidget:
    """A plan the service refuses to write (no rooms), as the import flow reports a failed write."""
    from app.import_flow import ImportFlow
    from services.importing import PlanImportError, apply_plan
    from views.message_text import message_text

    try:
        apply_plan(window.controller.workspace, _one_room_plan("plan.dxf", None), "A", 1)
    except PlanImportError as exc:
        flow = ImportFlow(window)
        flow._not_written(message_text(exc), "")
        return _last_box(window)
    raise AssertionError("a plan without rooms was written")


def _one_room_plan(source: str, label: str | None) -> ImportedPlan:
    """A drawing's plan with one 10 m square room labelled ``label`` (None: no room at all)."""
    from shapely.geometry import box

    from importers.plan import ImportedPlan, PlanFloor, PlanUnit

    rooms = () if label is None else (PlanUnit(label, label, label, box(0, 0, 10, 10)),)
    return ImportedPlan(source, "dxf", (PlanFloor("1F", None, rooms),))


# -- errors the window shows -----------------------------------------------------------------


@register("open-missing-workspace")
def _open_missing(window: MainWindow) -> QWidget:
    """Opening a workspace that is not there (a recent file deleted since)."""
    window.open_workspace(Path(tempfile.gettempdir()) / "不存在的工作区.leasemap")
    return _last_box(window)


@register("open-foreign-file")
def _open_foreign(window: MainWindow) -> QWidget:
    """Opening a file that is not a workspace: a drawing renamed, say."""
    folder = Path(tempfile.mkdtemp(prefix="leasemap-"))
    stray = folder / "图纸.leasemap"
    stray.write_bytes(b"0\nSECTION\n")
    window.open_workspace(stray)
    return _last_box(window)


# -- Help menu -------------------------------------------------------------------------------


@register("about")
def _about(window: MainWindow) -> QWidget:
    return window.show_about()


# -- the map tab -----------------------------------------------------------------------------


@register("page-options")
def _page_options(window: MainWindow) -> QWidget:
    from views.page_options import PageOptionsDialog

    return _shown(PageOptionsDialog(window))


@register("find-space")
def _find_space(window: MainWindow) -> QWidget:
    """Find space as the Space menu opens it, with a real search's answer shown (the window
    searches in the pool; here at once, so the answer is there to look at)."""
    from services.find_space import find_space
    from store.read_model import Scope

    controller = window.controller
    dialog = window.space_menu.find_space()
    park = window.space_menu.park()
    assert dialog is not None and park is not None
    query = dialog.query()
    dialog.set_candidates(find_space(controller.reader, Scope("park", park.id), query.area,
                                     query.day))
    return dialog


def _first_statement(window: MainWindow) -> BuildingStatement:
    from services.area_statement import read_area_statement

    controller = window.controller
    building = controller.tree[0].buildings[0]
    return read_area_statement(controller.reader, building.id, controller.day)


@register("area-statement")
def _area_statement(window: MainWindow) -> QWidget:
    """The first building's area statement on the window's date, as the Space menu shows it
    once read, its findings listed (the small park's typed-in shares are stale)."""
    return window.space_menu.show_statement(_first_statement(window))


@register("area-statement-pdf")
def _area_statement_pdf(window: MainWindow) -> QWidget:
    """Where to save the area statement's PDF (its Print / PDF button asks)."""
    return _shown(window.space_menu.statement_file_dialog(_first_statement(window)))


# -- the Space menu --------------------------------------------------------------------------


@register("classify-rooms")
def _classify_rooms(window: MainWindow) -> QWidget:
    """Classify rooms again on the first building, its rehearsal shown (the window rehearses
    in the pool; here at once, so the tables are filled)."""
    from services.classify_rooms import rehearse_classification

    controller = window.controller
    park = controller.tree[0]
    building = park.buildings[0]
    dialog = window.space_menu.classify(building.id)
    assert dialog is not None
    dialog.set_plan(rehearse_classification(controller.workspace, building.code, None,
                                            controller.day, park.code).to_json())
    return dialog


# -- the Leasing and Billing menus ------------------------------------------------------------


@register("leasing-settings")
def _leasing_settings(window: MainWindow) -> QWidget:
    """The park's stage probabilities and discount rate (Leasing ▸ Leasing settings…)."""
    from app.leasing_settings_flow import open_leasing_settings

    dialog = open_leasing_settings(window)
    assert dialog is not None
    return dialog


@register("billing-run")
def _billing_run(window: MainWindow) -> QWidget:
    """Billing ▸ Billing run…, before a rehearsal."""
    from app.billing_flow import open_billing_run

    dialog = open_billing_run(window)
    assert dialog is not None
    return dialog


@register("invoices")
def _invoices(window: MainWindow) -> QWidget:
    """Billing ▸ Invoices…: the park's bills and their invoices."""
    from app.invoice_flow import open_invoices

    shown = open_invoices(window)
    assert shown is not None
    return shown


@register("bank-import")
def _bank_import(window: MainWindow) -> QWidget:
    """Billing ▸ Import bank statement…, before a file is chosen."""
    from app.payments_flow import open_bank_import

    dialog = open_bank_import(window)
    assert dialog is not None
    return dialog


@register("payment-entry")
def _payment_entry(window: MainWindow) -> QWidget:
    """Billing ▸ Enter payment…"""
    from app.payments_flow import open_payment_entry

    dialog = open_payment_entry(window)
    assert dialog is not None
    return dialog


@register("collections")
def _collections(window: MainWindow) -> QWidget:
    """Billing ▸ Collections…: tenants by credit tier, their actions."""
    from app.collections_flow import open_collections

    shown = open_collections(window)
    assert shown is not None
    return shown


@register("tax-rates")
def _tax_rates(window: MainWindow) -> QWidget:
    """Billing ▸ Tax rates…, with the park's rates read (here at once, not in the pool)."""
    from app.finance_settings_flow import open_tax_rates
    from services.finance_settings import tax_settings

    dialog = open_tax_rates(window)
    assert dialog is not None
    with window.controller.workspace.reading() as session:
        dialog.set_settings(tax_settings(session, window.controller.tree[0].id))
    dialog.set_reading(False)
    return dialog


@register("holidays")
def _holidays(window: MainWindow) -> QWidget:
    """Billing ▸ Holidays…, a year with a holiday and a make-up working day listed."""
    from app.finance_settings_flow import open_holidays
    from services.finance_settings import HolidayDay

    dialog = open_holidays(window)
    assert dialog is not None
    year = dialog.year()
    dialog.set_days(year, [HolidayDay(date(year, 10, 1), "holiday", "国庆节"),
                           HolidayDay(date(year, 9, 27), "workday", "国庆节调休")])
    return dialog


@register("holiday-import")
def _holiday_import(window: MainWindow) -> QWidget:
    """A calendar file's rehearsal: a day to add, one there already, one refused."""
    from app.finance_settings_flow import finance_settings_flow_of, open_holidays
    from runtime.messages import Message
    from services.finance_settings import HolidayDay, HolidayImport, HolidayLine

    dialog = open_holidays(window)
    assert dialog is not None
    plan = HolidayImport("2027年节假日.xlsx", (
        HolidayLine(2, date(2027, 2, 8), "holiday", "春节", "add"),
        HolidayLine(3, date(2027, 2, 20), "workday", "春节调休", "same",
                    before=HolidayDay(date(2027, 2, 20), "workday", "春节调休")),
        HolidayLine(4, None, None, "", "refused", (Message(
            "holiday-row-date", "row 4: not a date", {"row": "4", "text": "二月三十日"}),)),
    ))
    review = finance_settings_flow_of(window).review(dialog, window.controller.tree[0].id,
                                                     "2027年节假日.xlsx", plan)
    assert review is not None
    return review



# -- Billing ▸ Meters ------------------------------------------------------------------------


def _meters(window: MainWindow) -> QWidget:
    """Billing ▸ Meters… on the small park, with a tree read at once (the window reads in the
    pool): ZD-A feeding ZD-A-1 (unit ZD-A-0101), ZD-A-2 (ZD-A-0102) and ZD-A-9 (a lift, no
    unit), read on 1 October and 1 November, ZD-A-2 falling on 1 December; made once."""
    from app.meters_flow import meters_flow_of, read_meters
    from services.meters import MeterSpec, ReadingEntry, create_meter, meter_tree, record_readings

    flow = meters_flow_of(window)
    view = flow.open()
    assert view is not None and flow.park_id is not None
    workspace, park = window.controller.workspace, flow.park_id
    with workspace.reading() as session:
        made = any(m.code == "ZD-A" for m in meter_tree(session, park))
    if not made:
        electricity = "electricity"
        create_meter(workspace, park, MeterSpec("ZD-A", electricity,
                                                rollover_at=Decimal(100000)))
        for code, unit in (("ZD-A-1", "ZD-A-0101"), ("ZD-A-2", "ZD-A-0102"), ("ZD-A-9", None)):
            create_meter(workspace, park, MeterSpec(code, electricity, parent="ZD-A", unit=unit))
        figures = {"ZD-A": (1000, 1500), "ZD-A-1": (100, 300), "ZD-A-2": (200, 350),
                   "ZD-A-9": (50, 80)}
        record_readings(workspace, park, [
            ReadingEntry(code, day, Decimal(value)) for code, values in figures.items()
            for day, value in zip((date(2026, 10, 1), date(2026, 11, 1)), values, strict=True)])
        record_readings(workspace, park, [ReadingEntry("ZD-A-2", date(2026, 12, 1),
                                                       Decimal(340))])
    view.set_snapshot(read_meters(workspace, park, view.utility(), view.month()))
    return view


@register("meters")
def _meters_window(window: MainWindow) -> QWidget:
    return _meters(window)


@register("meter-dialog")
def _meter_dialog(window: MainWindow) -> QWidget:
    """Edit meter ZD-A, its basis switched to agreed weights (the weights table shown)."""
    from app.meters_flow import meters_flow_of

    view = _meters(window)
    assert view.select_meter("ZD-A")
    meter = view.selected_meter()
    assert meter is not None
    dialog = meters_flow_of(window).open_meter(meter.id, None)
    assert dialog is not None
    dialog.basis_box.setCurrentIndex(dialog.basis_box.findData("weights"))
    dialog.fill_weights()
    return dialog


@register("meter-readings")
def _meter_readings(window: MainWindow) -> QWidget:
    """Enter readings… for the whole tree, one reading typed that falls (flagged)."""
    from app.meters_flow import meters_flow_of

    _meters(window)
    dialog = meters_flow_of(window).open_entry(None)
    assert dialog is not None
    dialog.type_value("ZD-A-1", "90")
    return dialog


@register("meter-import")
def _meter_import(window: MainWindow) -> QWidget:
    """Import readings…, a file rehearsed (here at once): a reading there already, one that
    falls, an unknown meter and a day that does not read."""
    from app.meters_flow import meters_flow_of
    from services.meters import import_readings

    _meters(window)
    flow = meters_flow_of(window)
    dialog = flow.open_import()
    assert dialog is not None and flow.park_id is not None
    path = Path(tempfile.mkdtemp(prefix="leasemap-")) / "抄表.csv"
    path.write_text("表号,抄表日期,读数\nZD-A-1,2026-11-01,300\nZD-A-1,2026-12-01,250\n"
                    "9999,2026-12-01,10\nZD-A-9,昨天,90\n", encoding="utf-8")
    dialog.choose_file(path, rehearse=False)
    dialog.set_report(import_readings(window.controller.workspace, flow.park_id, path,
                                      dry_run=True))
    return dialog


@register("meter-statement")
def _meter_statement(window: MainWindow) -> QWidget:
    """ZD-A's 公摊 statement for October, read at once."""
    from app.meters_flow import meters_flow_of, read_statement

    view = _meters(window)
    assert view.select_meter("ZD-A")
    meter = view.selected_meter()
    assert meter is not None
    flow = meters_flow_of(window)
    dialog = flow.open_statement(meter.id)
    assert dialog is not None
    dialog.set_sheet(read_statement(window.controller.workspace, meter.id, dialog.month(),
                                    flow.currency))
    return dialog


# -- Billing ▸ Meters ▸ Tariffs… -------------------------------------------------------------


def _tariffs(window: MainWindow) -> QWidget:
    """Tariffs… from the Meters window, its list read at once: a time-of-use tariff (peak,
    flat, valley) and a tiered water one, made once; the form a new version of the first,
    its valley price typed wrong and refused by the service, in words."""
    from app.meters_flow import meters_flow_of
    from app.tariffs_flow import read_tariffs
    from services.tariffs import TariffRefused, save_tariff, tariff_versions
    from views.tariff_text import refusal_lines

    _meters(window)
    flow = meters_flow_of(window)
    workspace, park = window.controller.workspace, flow.park_id
    assert park is not None
    with workspace.reading() as session:
        made = bool(tariff_versions(session, park))
    if not made:
        save_tariff(workspace, park, "electricity", "峰谷分时电价", {
            "kind": "time_of_use", "prices": {"peak": "1.35", "flat": "0.85", "valley": "0.45"}},
            date(2026, 1, 1))
        save_tariff(workspace, park, "water", "非居民用水", {"kind": "tiered", "bands": [
            {"up_to": "300", "price": "5.60"}, {"up_to": None, "price": "8.40"}]},
            date(2026, 1, 1))
    dialog = flow.open_tariffs(None)
    assert dialog is not None
    dialog.set_snapshot(read_tariffs(workspace, park, dialog.utility(), dialog.day,
                                     flow.currency))
    assert dialog.select_tariff("峰谷分时电价")
    dialog.start_version()
    dialog.register_edits["valley"].setText("四毛五")
    form = dialog.form()
    try:
        save_tariff(workspace, park, form.utility, form.name, form.document, form.valid_from)
    except TariffRefused as refused:
        dialog.set_refused(refusal_lines(refused))
    return dialog


@register("tariffs")
def _tariffs_dialog(window: MainWindow) -> QWidget:
    return _tariffs(window)


@register("tariff-archive")
def _tariff_archive(window: MainWindow) -> QWidget:
    """Archive version… of the time-of-use tariff's version: the question asked first."""
    from app.tariffs_flow import tariffs_flow_of

    dialog = _tariffs(window)
    chosen = dialog.chosen()
    assert chosen is not None
    tariff = chosen[0]
    box = tariffs_flow_of(window).ask_archive(dialog, tariff.versions[0].id)
    assert box is not None
    return box


@register("settlement")
def _settlement(window: MainWindow) -> QWidget:
    """A contract's Settle…: its arrears, late fees and deposit, settled the day after its
    end (rehearsed here as the flow rehearses it: nothing written)."""
    from datetime import timedelta

    from sqlalchemy import select

    from services.deposits import rehearse_settlement
    from store.schema import Contract
    from views.settlement_dialog import SettlementDialog

    workspace = window.controller.workspace
    with workspace.reading() as session:
        contract = session.scalars(select(Contract).order_by(Contract.code)).first()
        assert contract is not None
        day = contract.ends_on + timedelta(days=1)
        plan = rehearse_settlement(session, contract.id, day)
        code = contract.code
    dialog = SettlementDialog(code, "CNY", day, window)
    dialog.show()
    dialog.set_plan(day, plan)
    return dialog


def _deposit_move(window: MainWindow, kind: str) -> QWidget:
    """The Deposit tab's Receive… or Refund… on the park's first contract, dated the day
    after it was signed, rehearsed here as the flow rehearses it (nothing written): the
    tenant's payments that hold money listed; 1,000.00 asked where nothing is offered, and
    a refusal (nothing held to refund) said in words."""
    from datetime import timedelta

    from sqlalchemy import select

    from services.deposits import (
        DepositRefused,
        deposit_held,
        payments_holding,
        rehearse_receipt,
        rehearse_refund,
    )
    from store.schema import Contract
    from views.deposit_move_dialog import RECEIVED, DepositMoveDialog
    from views.message_text import message_text

    with window.controller.workspace.reading() as session:
        contract = session.scalars(select(Contract).order_by(Contract.code)).first()
        assert contract is not None
        held = deposit_held(session, contract.id)
        day = contract.signed_on + timedelta(days=1)
        dialog = DepositMoveDialog(kind, contract.code, "CNY", held, contract.deposit, day,
                                   window)
        dialog.show()
        if kind == RECEIVED:
            dialog.set_payments(payments_holding(session, contract.id))
        if dialog.asked() is None:  # no default (no deposit agreed, nothing held): typed
            dialog.amount.setText("1,000.00")
        asked = dialog.asked()
        assert asked is not None
        try:
            plan = (rehearse_receipt(session, contract.id, asked.amount, asked.on)
                    if kind == RECEIVED else
                    rehearse_refund(session, contract.id, asked.amount, asked.on))
        except DepositRefused as refused:
            dialog.set_refused(message_text(refused), asked)
        else:
            dialog.set_plan(asked, plan)
    return dialog


@register("deposit-receive")
def _deposit_receive(window: MainWindow) -> QWidget:
    from views.deposit_move_dialog import RECEIVED

    return _deposit_move(window, RECEIVED)


@register("deposit-refund")
def _deposit_refund(window: MainWindow) -> QWidget:
    from views.deposit_move_dialog import REFUNDED

    return _deposit_move(window, REFUNDED)


@register("bill-lines")
def _bill_lines(window: MainWindow) -> QWidget:
    """Invoices ▸ Bill lines…: a posted bill explained (the park's first bill, if any)."""
    from sqlalchemy import select

    from app.invoice_flow import posted_bill_row
    from store.schema import Bill
    from views.bill_lines_dialog import BillLinesDialog

    dialog = BillLinesDialog(window)
    with window.controller.workspace.reading() as session:
        bill = session.scalars(select(Bill).order_by(Bill.number)).first()
        row = None if bill is None else posted_bill_row(session, bill.id, "", "")
    dialog.show()
    if row is not None:
        dialog.set_bill(row, "CNY")
    return dialog
