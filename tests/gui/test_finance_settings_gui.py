"""Billing ▸ Tax rates… and Billing ▸ Holidays… in a real window on the small park, offscreen.

Tax rates: the defaults shown greyed in empty boxes, the park's own typed as
percentages and saved (an open invoice list follows), a refusal said in the dialog
with the charge's name while nothing is written; the charges the park's contracts bill
listed at their kind's rate (following the kind's row as typed), a code added (refused
in words first), saved and removed, and a charge with no rate at all marked.
Holidays: a year listed, a day added and removed, a make-up working day on a weekday
refused in words, a calendar file rehearsed, then recorded, then recorded again adding
nothing.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from shiboken6 import isValid
from sqlalchemy import func, select

from domain.billing.bills import bill_id
from domain.leasing.clauses import Charge, ChargeKind
from services import contracts
from services.finance_settings import holidays
from store.schema import Bill, Contract, Holiday, Outbox, Park
from tests.small_leases import lease_spec, park_id


def _settled(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)


def _action(window, name: str) -> QAction:
    action = window.billing_menu.findChild(QAction, name)
    assert action is not None, name
    return action


def _click(qtbot, button) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _stored(window) -> dict[str, str]:
    workspace = window.controller.workspace
    with workspace.reading() as s:
        return dict(s.get(Park, park_id(workspace)).tax_rates)


def _open_tax(qtbot, window):
    from app.finance_settings_flow import finance_settings_flow_of
    from views.tax_rates_dialog import TaxRatesDialog

    action = _action(window, "tax-rates-action")
    assert action.isEnabled() and action.text() == "Ta&x rates…"
    action.trigger()
    # the one the flow opened: a closed one may still be a child until it is deleted
    dialog = finance_settings_flow_of(window).tax_dialog
    assert isinstance(dialog, TaxRatesDialog) and dialog.isVisible()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: bool(dialog.settings), timeout=30000)
    _settled(qtbot, window)
    return dialog


def test_the_park_s_rates_are_typed_as_percentages_and_saved(qtbot, window):
    dialog = _open_tax(qtbot, window)
    assert dialog.windowTitle() == "Tax rates"
    rent = dialog.edits["rent"]
    # the default, greyed: an empty box showing it as its placeholder, and the column
    assert (rent.text(), rent.placeholderText()) == ("", "9%")
    assert dialog.default_labels["rent"].text() == "9%"
    assert "#6b6b6b" in dialog.default_labels["rent"].styleSheet()
    assert dialog.exempt_boxes["deposit"].isChecked()
    assert dialog.default_labels["deposit"].text() == "exempt"
    assert not dialog.reset_buttons["rent"].isEnabled()

    qtbot.keyClicks(rent, "5")
    assert dialog.reset_buttons["rent"].isEnabled() and dialog.charge_labels["rent"].font().bold()
    dialog.set_exempt("electricity")
    assert not dialog.edits["electricity"].isEnabled()
    dialog.set_rate("water", "9%")  # its default: no override
    assert dialog.overrides() == {"rent": "0.05", "electricity": "exempt", "water": "0.09"}
    _click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=30000)
    _settled(qtbot, window)
    assert _stored(window) == {"rent": "0.05", "electricity": "exempt"}
    assert window.statusBar().currentMessage() == "Tax rates saved."

    # Opened again: the park's own shown, reset to the default one row at a time.
    dialog = _open_tax(qtbot, window)
    assert dialog.edits["rent"].text() == "5" and dialog.exempt_boxes["electricity"].isChecked()
    _click(qtbot, dialog.reset_buttons["electricity"])
    assert not dialog.exempt_boxes["electricity"].isChecked()
    assert dialog.overrides() == {"rent": "0.05"}


def test_a_refused_rate_is_said_with_its_charge_and_nothing_is_written(qtbot, window):
    dialog = _open_tax(qtbot, window)
    with window.controller.workspace.reading() as s:
        ops = s.scalar(select(func.count()).select_from(Outbox))
    dialog.set_rate("rent", "5")
    dialog.set_rate("property_fee", "25")
    dialog.set_rate("gas", "abc")
    _click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    qtbot.waitUntil(lambda: dialog.status.text() != "Saving…", timeout=30000)
    _settled(qtbot, window)
    assert dialog.isVisible()
    assert dialog.status.text() == (
        "Property fee: 25% is not a VAT rate from 0% to 17%\n"
        "Gas: “abc” is not a VAT rate")
    assert _stored(window) == {}  # the good rent rate is not saved either
    with window.controller.workspace.reading() as s:
        assert s.scalar(select(func.count()).select_from(Outbox)) == ops
    dialog.set_rate("property_fee", "6")
    dialog.set_rate("gas", "")
    _click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=30000)
    assert _stored(window) == {"rent": "0.05"}


def _open_holidays(qtbot, window):
    from views.holidays_dialog import HolidaysDialog

    _action(window, "holidays-action").trigger()
    dialog = window.findChild(HolidaysDialog, "holidays-dialog")
    assert dialog is not None and dialog.isVisible()
    qtbot.waitExposed(dialog)
    _settled(qtbot, window)
    return dialog


def _listed(dialog) -> list[list[str]]:
    table = dialog.table
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def test_days_are_added_and_removed_in_the_year_shown(qtbot, window):
    dialog = _open_holidays(qtbot, window)
    assert dialog.year() == 2026 and _listed(dialog) == []  # the window's year (TODAY)
    dialog.choose(date(2026, 10, 1), "holiday", "国庆节")
    _click(qtbot, dialog.add_button)
    _settled(qtbot, window)
    dialog.choose(date(2026, 10, 10), "workday", "国庆节调休")
    _click(qtbot, dialog.add_button)
    _settled(qtbot, window)
    assert _listed(dialog) == [["2026-10-01", "Thursday", "Holiday (day off)", "国庆节"],
                               ["2026-10-10", "Saturday", "Make-up working day", "国庆节调休"]]
    assert dialog.summary.text() == "1 holidays, 1 make-up working days"
    assert dialog.status.text() == "2026-10-10 saved in the calendar."

    dialog.choose(date(2026, 10, 9), "workday")  # a Friday
    _click(qtbot, dialog.add_button)
    _settled(qtbot, window)
    assert dialog.status.text() == (
        "The calendar was not changed: 2026-10-09 is a weekday: a make-up working day "
        "(调休) is a Saturday or a Sunday")
    assert len(_listed(dialog)) == 2

    dialog.select_day(date(2026, 10, 1))
    _click(qtbot, dialog.remove_button)
    _settled(qtbot, window)
    assert [r[0] for r in _listed(dialog)] == ["2026-10-10"]
    dialog.year_spin.setValue(2027)
    _settled(qtbot, window)
    assert _listed(dialog) == []
    workspace = window.controller.workspace
    with workspace.reading() as s:
        assert [(d.day, d.kind) for d in holidays(s, park_id(workspace))] == [
            (date(2026, 10, 10), "workday")]


def test_a_calendar_file_is_rehearsed_then_recorded_once(qtbot, window, tmp_path):
    from app.finance_settings_flow import finance_settings_flow_of
    from views.holidays_dialog import HolidayImportDialog

    dialog = _open_holidays(qtbot, window)
    path = tmp_path / "2026.csv"
    path.write_text("日期,类型,名称\n2026-10-01,休,国庆节\n2026-10-02,休,国庆节\n"
                    "2026-09-27,班,国庆节调休\n2026-10-09,班,错误\n", encoding="utf-8")
    flow = finance_settings_flow_of(window)
    workspace = window.controller.workspace

    def imported() -> HolidayImportDialog:
        flow.rehearse(dialog, park_id(workspace), str(path))
        qtbot.waitUntil(lambda: flow.importing is not None and flow.importing.isVisible(),
                        timeout=30000)
        return flow.importing

    review = imported()
    assert review.texts() == [
        "Row 2: add 2026-10-01, Holiday (day off) 国庆节",
        "Row 3: add 2026-10-02, Holiday (day off) 国庆节",
        "Row 4: add 2026-09-27, Make-up working day 国庆节调休",
        "Row 5: refused: Row 5: 2026-10-09 is a weekday: a make-up working day (班) is a "
        "Saturday or a Sunday"]
    assert review.record_button.text() == "Record 3 days"
    with workspace.reading() as s:
        assert s.scalar(select(func.count()).select_from(Holiday)) == 0  # rehearsed only
    _click(qtbot, review.record_button)
    qtbot.waitUntil(lambda: len(_listed(dialog)) == 3, timeout=30000)
    _settled(qtbot, window)
    assert dialog.status.text() == "Calendar imported from 2026.csv: 3 days added, 0 changed."

    review = imported()  # the same file again: nothing to record
    assert review.record_button.text() == "Record 0 days"
    assert not review.record_button.isEnabled()
    assert review.summary.text().startswith("0 days to add, 0 to change, 3 there already, "
                                            "1 refused.")
    review.reject()


def test_the_dialogs_close_with_the_workspace(qtbot, window):
    tax = _open_tax(qtbot, window)
    days = _open_holidays(qtbot, window)
    window.controller.close()
    qtbot.waitUntil(lambda: (not isValid(tax) or not tax.isVisible())
                    and (not isValid(days) or not days.isVisible()), timeout=10000)
    assert not _action(window, "tax-rates-action").isEnabled()
    assert not _action(window, "holidays-action").isEnabled()


# -- the charges the park bills (issue 12) ----------------------------------------------------

CHARGES = (Charge(ChargeKind.SERVICE, Decimal("3.50"), name="空调费"),
           Charge(ChargeKind.PARKING, Decimal("1600"), per_sqm=False, name="固定车位×2"))


def _lease_with_charges(window):
    """HT-B-1 on ZD-A-0103 with an air-conditioning service and two parking spaces."""
    workspace = window.controller.workspace
    return contracts.create_signed(workspace, park_id(workspace), lease_spec(
        workspace, "ZD-A-0103", "HT-B-1", date(2026, 3, 1), date(2027, 2, 28),
        charges=CHARGES))


def _adding(qtbot, dialog, code: str, rate: str = "", exempt: bool = False):
    """Add charge… with ``code`` and ``rate`` typed, Add clicked."""
    _click(qtbot, dialog.add_button)
    adding = dialog.adding
    assert adding is not None and adding.isVisible()
    adding.code.setText(code)
    adding.rate.setText(rate)
    adding.exempt.setChecked(exempt)
    _click(qtbot, adding.buttons.button(adding.buttons.StandardButton.Ok))
    return adding


def test_the_park_s_charges_are_listed_given_a_rate_added_and_removed(qtbot, window):
    _lease_with_charges(window)
    dialog = _open_tax(qtbot, window)
    codes = [s.charge for s in dialog.settings][11:]
    assert codes == ["parking:固定车位×2", "service:空调费"]
    aircon = "service:空调费"
    assert dialog.charge_labels[aircon].text() == "空调费 (Services)"
    # at its kind's rate, greyed, until it has its own; Remove, not Default
    assert (dialog.default_labels[aircon].text(), dialog.edits[aircon].placeholderText()) == (
        "6%", "6%")
    assert dialog.reset_buttons[aircon].text() == "Remove"
    assert not dialog.reset_buttons[aircon].isEnabled()
    qtbot.keyClicks(dialog.edits["service"], "5")  # its kind's row, as typed, follows
    assert dialog.default_labels[aircon].text() == "5%"
    assert dialog.edits[aircon].placeholderText() == "5%"
    dialog.set_exempt("service")
    assert dialog.default_labels[aircon].text() == "exempt"
    dialog.set_rate("service", "5")

    adding = _adding(qtbot, dialog, "")
    assert adding.isVisible() and adding.status.text() == "Type its rate, or tick exempt."
    adding = _adding(qtbot, dialog, "", "13")
    assert adding.status.text() == (
        "Type the charge's code: its kind, a colon and its name (service:空调费)")
    adding = _adding(qtbot, dialog, "gym:器械", "13")
    assert adding.status.text().startswith("gym:器械: no such charge: neither a kind (rent,")
    assert adding.status.text().endswith("nor a charge the park's contracts or bills carry")
    adding = _adding(qtbot, dialog, "service：能耗", "25")  # typed with a full-width colon
    assert adding.status.text() == "能耗 (Services): 25% is not a VAT rate from 0% to 17%"
    assert "service:能耗" not in dialog.edits
    adding = _adding(qtbot, dialog, "service：能耗", "13")
    qtbot.waitUntil(lambda: not isValid(adding) or not adding.isVisible(), timeout=10000)
    energy = "service:能耗"
    assert [s.charge for s in dialog.settings][11:] == [
        "parking:固定车位×2", "service:空调费", energy]
    assert dialog.edits[energy].text() == "13" and dialog.charge_labels[energy].font().bold()
    assert dialog.edits["service"].text() == "5"  # what was typed survives the new row
    _click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=30000)
    _settled(qtbot, window)
    assert _stored(window) == {"service": "0.05", energy: "0.13"}

    # Opened again: the code added listed (no contract bills it); Remove takes it out.
    dialog = _open_tax(qtbot, window)
    assert dialog.edits[energy].text() == "13" and dialog.reset_buttons[energy].isEnabled()
    _click(qtbot, dialog.reset_buttons[energy])
    assert energy not in dialog.edits and energy not in [s.charge for s in dialog.settings]
    dialog.set_rate(aircon, "13")
    assert dialog.charge_labels[aircon].font().bold()
    _click(qtbot, dialog.reset_buttons[aircon])  # billed: it stays, at its kind's again
    assert dialog.edits[aircon].text() == "" and dialog.default_labels[aircon].text() == "5%"
    assert dialog.overrides() == {"service": "0.05"}
    _click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=30000)
    _settled(qtbot, window)
    assert _stored(window) == {"service": "0.05"}


def test_a_charge_the_park_bills_without_any_rate_is_marked_and_given_one(qtbot, window,
                                                                         tmp_path):
    """装修押金 and telecom, billed by another program (kinds these rates do not know): marked
    "no rate" and named below the list; 装修押金 given 6 % in its row and telecom ticked
    exempt, saved, the mark gone, and 装修押金's invoice issued at 6 %."""
    contract = _lease_with_charges(window)
    workspace = window.controller.workspace
    march = date(2026, 3, 1)
    bills = {}
    with workspace.transaction() as s:  # what another program posted: kinds not known here
        row = s.get(Contract, contract)
        for charge, amount in (("telecom", "200.00"), ("装修押金", "1060.00")):
            bills[charge] = bill_id(str(contract), march, charge)
            s.add(Bill(id=bills[charge], park_id=row.park_id, contract_id=contract,
                       tenant_id=row.tenant_id, number=f"HT-B-1/{charge}", kind="charge",
                       charge=charge, period_start=march, period_end=date(2026, 3, 31),
                       due_on=march, issued_on=march, amount=Decimal(amount)))
    dialog = _open_tax(qtbot, window)
    fitting = "装修押金"
    assert [s.charge for s in dialog.settings][-2:] == ["telecom", fitting]
    for charge in ("telecom", fitting):
        assert dialog.default_labels[charge].text() == "no rate"
        assert "#b3261e" in dialog.default_labels[charge].styleSheet()  # the warning's
        assert dialog.edits[charge].isVisibleTo(dialog)
        assert dialog.exempt_boxes[charge].isVisibleTo(dialog)
        assert dialog.charge_labels[charge].toolTip() == \
            "No VAT rate: invoices for it are refused"
    assert dialog.unrated_note.isVisibleTo(dialog)
    assert dialog.unrated_note.text() == (
        "No VAT rate for telecom, 装修押金: invoices for it are refused. Its kind is not one "
        "these rates know (another program billed it): type its rate, or tick exempt.")
    assert dialog.overrides() == {}

    qtbot.keyClicks(dialog.edits[fitting], "6")
    assert dialog.unrated_note.text().startswith("No VAT rate for telecom: ")
    assert dialog.charge_labels[fitting].font().bold()
    assert dialog.charge_labels[fitting].toolTip() == ""
    assert "#6b6b6b" in dialog.default_labels[fitting].styleSheet()  # greyed, as any default
    _click(qtbot, dialog.exempt_boxes["telecom"])
    assert not dialog.unrated_note.isVisibleTo(dialog)
    assert dialog.overrides() == {fitting: "0.06", "telecom": "exempt"}
    dialog.grab().save(str(tmp_path / "tax-rates-unknown-kinds.png"))  # to look at
    _click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=30000)
    _settled(qtbot, window)
    assert _stored(window) == {fitting: "0.06", "telecom": "exempt"}

    dialog = _open_tax(qtbot, window)  # opened again: as saved, nothing marked
    assert dialog.edits[fitting].text() == "6" and dialog.exempt_boxes["telecom"].isChecked()
    assert not dialog.unrated_note.isVisibleTo(dialog)
    dialog.reject()
    from services import invoices
    from store.schema import Invoice

    issued = invoices.issue_invoice(workspace, bills[fitting], "24312000000000000009", march)
    with workspace.reading() as s:
        row = s.get(Invoice, issued)
        assert (row.tax_rate, row.amount_excl, row.tax) == (
            Decimal("0.06"), Decimal("1000.00"), Decimal("60.00"))
