"""The contract wizard on a real workspace: units picked on the plan, the schedule previewed
as it is typed, problems on their fields, Sign writing a signed contract (or nothing).

The small park's units have no drawing, so the three units of building A's 2F are
given outlines first (three 10 × 8 m rooms in a row) and picked by real clicks on
the floor plan, as a person picks them.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel
from shapely.geometry import box
from sqlalchemy import func, select

from domain.assets import UnitType
from domain.contracts import ContractStatus
from domain.leasing.clauses import (
    Basis,
    Charge,
    ChargeKind,
    Cycle,
    DueKind,
    DueRule,
    Escalation,
    EscalationKind,
    LateFee,
    RentFree,
    RentFreeKind,
    RentFreeRule,
    RentTerms,
    Turnover,
)
from domain.leasing.contract import ContractSpec, LetUnit
from services import contracts
from spatial.geometry import polygon_to_wkb
from store.schema import Contract, ContractUnit, ContractVersion, Outbox, Tenant, Unit
from store.workspace import Workspace
from tests.gui.helpers import open_window
from tests.small_park import build_small_workspace
from views.clause_editors import choose, set_day
from views.contract_wizard import ContractWizard, TenantChoice, UnitChoice

D = Decimal
SHOTS = Path("/tmp/h7a")
ROOMS = {"ZD-A-0201": box(0, 0, 10, 8), "ZD-A-0202": box(10, 0, 20, 8),
         "ZD-A-0203": box(20, 0, 30, 8)}


def plant_outlines(path: Path) -> None:
    workspace = Workspace.open(path)
    try:
        with workspace.transaction() as s:
            for code, polygon in ROOMS.items():
                unit = s.scalar(select(Unit).where(Unit.code == code))
                unit.geometry = polygon_to_wkb(polygon)
    finally:
        workspace.close()


@pytest.fixture
def plan_window(qtbot, settings, tmp_path):
    """The main window on building A's 2F plan (three outlined vacant units)."""
    path = tmp_path / "park.leasemap"
    build_small_workspace(path)
    plant_outlines(path)
    win = open_window(qtbot, settings, path, size=(800, 600))
    win.tree_dock.hide()
    win.details_dock.hide()
    park = win.controller.tree[0]
    floor = next(f.id for b in park.buildings if b.code == "A" for f in b.floors
                 if f.level == 2)
    win.show_map()
    win.controller.set_scope("floor", floor)
    view = win.map_panel.floor_plan
    qtbot.waitUntil(lambda: len(view.unit_ids()) == 3)
    ids = {row.code: row.id for row in win.controller.rows}
    yield win, view, ids
    win.close()


def click(qtbot, view, x: float, y: float,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier,
                     view.mapFromScene(QPointF(x, -y)))


def previewed(qtbot, wizard: ContractWizard, change) -> None:
    """Make a change and wait for the debounced preview that follows it."""
    with qtbot.waitSignal(wizard.previewed):
        change()


def count(path: Path, table) -> int:
    workspace = Workspace.open(path)
    try:
        with workspace.reading() as s:
            return s.scalar(select(func.count()).select_from(table))
    finally:
        workspace.close()


def fill_example(qtbot, wizard: ContractWizard) -> None:
    """100.00 per m² a month, quarterly, three months rent-free for fit-out, +5 % a year."""
    def change() -> None:
        wizard.rate_box.setValue(100)
        choose(wizard.cycle_combo, Cycle.QUARTERLY)
        wizard.free_editor.add_button.click()  # defaults: from rent start, 3 months, fit-out
        choose(wizard.escalation_combo, EscalationKind.FIXED_PERCENT)
        wizard.percent_box.setValue(5)

    previewed(qtbot, wizard, change)


# -- the acceptance: from the plan to a signed contract ------------------------------------


def test_units_picked_on_the_plan_become_a_signed_contract_with_its_schedule(
        qtbot, plan_window):
    from app.contract_wizard_flow import new_contract

    win, view, ids = plan_window
    click(qtbot, view, 5, 4)
    click(qtbot, view, 15, 4, Qt.KeyboardModifier.ControlModifier)
    assert view.selected_units() == [ids["ZD-A-0201"], ids["ZD-A-0202"]]

    wizard = new_contract(win)
    assert [u.unit_code for u in wizard.units()] == ["ZD-A-0201", "ZD-A-0202"]
    assert [u.billable_area for u in wizard.units()] == [D("125.40"), D("125.40")]
    assert wizard.code_edit.text() == "HT-2026-0003"  # after HT-2026-0001, HT-2027-0002
    assert wizard.rate_box.value() == 98.5  # the units' asking rent
    assert wizard.kind_combo.member() is UnitType.OFFICE
    assert wizard.spec().starts_on == date(2026, 12, 1)  # the month after the As-of day
    assert wizard.spec().ends_on == date(2029, 11, 30)
    assert wizard.problems() == []

    fill_example(qtbot, wizard)
    lines = wizard.schedule_lines()
    # 250.80 m² × 100.00 = 25,080.00 a month, 75,240.00 a quarter; +5 % on 2027-12-01
    # (26,334.00 a month) and 2028-12-01 (27,650.70).
    assert [str(x.amount) for x in lines] == (
        ["0.00"] + ["75240.00"] * 3 + ["79002.00"] * 4 + ["82952.10"] * 4)
    assert lines[0].starts_on == date(2026, 12, 1) and lines[0].ends_on == date(2027, 2, 28)
    shown = wizard.schedule.texts()
    assert shown[1][:4] == ("2027-03-01 – 2027-05-31", "2027-03-01", "Rent", "75,240.00")
    assert "rent-free (fit-out) 2026-12-01 to 2027-02-28" in shown[0][4]
    assert "escalated +5% a year, the step of 2027-12-01" in shown[4][4]
    assert shown[12][0] == "Total rent" and shown[12][3] == "873,536.40"
    summary = wizard.summary_label.text()
    assert "873,536.40" in summary
    assert "96.75" in summary  # 873,536.40 ÷ 36 months ÷ 250.80 m²
    assert wizard.problems() == []

    contracts_before = count(win.controller.path, Contract)
    with qtbot.waitSignal(wizard.finished):
        qtbot.mouseClick(wizard.sign_button, Qt.MouseButton.LeftButton)

    workspace = Workspace.open(win.controller.path)
    try:
        with workspace.reading() as s:
            assert s.scalar(select(func.count()).select_from(Contract)) == contracts_before + 1
            contract = s.scalar(select(Contract).where(Contract.code == "HT-2026-0003"))
            assert contract.status is ContractStatus.SIGNED and contract.version == 1
            links = s.execute(select(Unit.code, ContractUnit.billable_area)
                              .join(ContractUnit, ContractUnit.unit_id == Unit.id)
                              .where(ContractUnit.contract_id == contract.id)).all()
            assert sorted(links) == [("ZD-A-0201", D("125.40")), ("ZD-A-0202", D("125.40"))]
            [version] = s.scalars(select(ContractVersion).where(
                ContractVersion.contract_id == contract.id))
            assert version.number == 1
            stored = contracts.schedule_of(s, contract.id)
            assert [x.amount for x in stored.lines] == [x.amount for x in lines]
            assert contracts.spec_of(s, contract).signed_on == date(2026, 11, 22)
            assert s.scalar(select(func.count()).select_from(Outbox)
                            .where(Outbox.kind == "sign_contract")) == 1
    finally:
        workspace.close()
    # The window read its data again: the units show the contract (signed, not started).
    qtbot.waitUntil(lambda: win.controller.row(ids["ZD-A-0201"]).contract_code
                    == "HT-2026-0003")
    assert win.controller.row(ids["ZD-A-0202"]).contract_code == "HT-2026-0003"
    assert "HT-2026-0003" in win.statusBar().currentMessage()


def test_an_overlapping_unit_is_marked_on_the_units_and_sign_writes_nothing(
        qtbot, plan_window):
    from app.contract_wizard_flow import new_contract

    win, _view, _ids = plan_window
    path = win.controller.path
    with win.controller.workspace.reading() as s:
        leased = s.scalar(select(Unit.id).where(Unit.code == "ZD-A-0101"))  # HT-2026-0001
    wizard = new_contract(win, [leased])
    marked = wizard.marked()
    assert marked["units[ZD-A-0101]"] == [
        "ZD-A-0101 is leased by HT-2026-0001 from 2026-01-01 to 2027-12-31"]
    assert wizard.is_marked(wizard.units_editor)
    header = wizard.units_editor.table.verticalHeaderItem(0)
    assert header.text().startswith("⚠") and "HT-2026-0001" in header.toolTip()
    assert wizard.problem_list.item(0).text() == (
        "Unit ZD-A-0101: ZD-A-0101 is leased by HT-2026-0001 from 2026-01-01 to 2027-12-31")
    assert not wizard.is_marked(wizard.end_edit)

    before = (count(path, Contract), count(path, ContractVersion), count(path, Outbox))
    sent: list[tuple] = []
    wizard.submitted.connect(lambda *args: sent.append(args))
    qtbot.mouseClick(wizard.sign_button, Qt.MouseButton.LeftButton)
    assert sent == [] and wizard.isVisible()
    assert "fix the 1 marked fields" in wizard.status_label.text()

    # Past the wizard's own check, the service refuses it: the refusal's problems come back
    # onto the fields, and still nothing is written.
    from app.contract_wizard_flow import ContractFlow

    flow = wizard.findChild(ContractFlow)
    wizard.checker = None
    wizard.refresh_now()
    assert "units[ZD-A-0101]" not in wizard.marked()  # no register facts without a checker
    with qtbot.waitSignal(wizard.previewed):
        flow.save(wizard.spec(), True)
    assert [p.code for p in wizard.problems()] == ["unit-leased"]
    assert wizard.is_marked(wizard.units_editor)
    assert wizard.status_label.text() == "Not saved: the marked fields were refused."
    assert wizard.sign_button.isEnabled()
    assert (count(path, Contract), count(path, ContractVersion), count(path, Outbox)) == before


def test_a_date_contradiction_names_the_end_date(qtbot, plan_window):
    from app.contract_wizard_flow import new_contract

    win, _view, ids = plan_window
    wizard = new_contract(win, [ids["ZD-A-0203"]])
    assert wizard.problems() == []
    previewed(qtbot, wizard, lambda: set_day(wizard.end_edit, date(2026, 6, 30)))
    assert wizard.marked() == {
        "ends_on": ["ends on 2026-06-30, before it starts on 2026-12-01"],
        "rent_starts_on": ["rent starts on 2026-12-01, after the end on 2026-06-30"]}
    assert wizard.is_marked(wizard.end_edit) and not wizard.is_marked(wizard.signed_edit)
    assert wizard.end_edit.toolTip() == "ends on 2026-06-30, before it starts on 2026-12-01"
    assert wizard.problem_list.item(0).text() == (
        "Ends on: ends on 2026-06-30, before it starts on 2026-12-01")
    assert wizard.schedule_lines() == []
    assert wizard.schedule.problem_texts() == [
        "the term ends on 2026-06-30, before it starts on 2026-12-01: no schedule"]
    before = count(win.controller.path, Contract)
    qtbot.mouseClick(wizard.draft_button, Qt.MouseButton.LeftButton)
    assert count(win.controller.path, Contract) == before
    assert wizard.focusWidget() is wizard.end_edit or wizard.end_edit.hasFocus() or (
        wizard.focusWidget() is not None
        and wizard.end_edit.isAncestorOf(wizard.focusWidget()))
    # Put right, the mark goes.
    previewed(qtbot, wizard, lambda: set_day(wizard.end_edit, date(2027, 11, 30)))
    assert wizard.marked() == {} and not wizard.is_marked(wizard.end_edit)


def test_units_added_from_the_plan_selection_and_by_code(qtbot, plan_window):
    from app.contract_wizard_flow import new_contract

    win, view, ids = plan_window
    wizard = new_contract(win, [ids["ZD-A-0203"]])
    click(qtbot, view, 5, 4)  # the wizard stays open beside the plan: pick another unit
    qtbot.mouseClick(wizard.plan_button, Qt.MouseButton.LeftButton)
    assert wizard.unit_status.text() == "Added ZD-A-0201."
    qtbot.mouseClick(wizard.plan_button, Qt.MouseButton.LeftButton)
    assert wizard.unit_status.text() == "The units selected are listed already."
    wizard.unit_code_edit.setText(" zd-a-0202 ")
    contracts_before = count(win.controller.path, Contract)
    qtbot.keyClick(wizard.unit_code_edit, Qt.Key.Key_Return)
    assert wizard.unit_status.text() == "Added ZD-A-0202."
    assert wizard.isVisible() and wizard.sign_button.isEnabled()  # Enter added, not signed
    assert count(win.controller.path, Contract) == contracts_before
    wizard.unit_code_edit.setText("ZD-X-9999")
    qtbot.mouseClick(wizard.unit_code_button, Qt.MouseButton.LeftButton)
    assert wizard.unit_status.text() == "No unit ZD-X-9999 in this park."
    assert [u.unit_code for u in wizard.units()] == ["ZD-A-0203", "ZD-A-0201", "ZD-A-0202"]
    assert wizard.area_label.text() == "Total 376.20 m²"
    # A billable area typed differently from the register's is named on its row.
    previewed(qtbot, wizard, lambda: wizard.units_editor.widget(1, 1).setValue(120))
    assert wizard.marked() == {"billable_area[ZD-A-0201]": [
        "120.00 m² signed, but ZD-A-0201 measures 125.40 m² billable (-5.40 m²)"]}
    assert wizard.units_editor.table.verticalHeaderItem(1).text() == "⚠ 2"
    assert wizard.units_editor.table.verticalHeaderItem(0).text() == "1"
    wizard.units_editor.table.selectRow(1)
    previewed(qtbot, wizard, wizard.units_editor.remove_button.click)
    assert [u.unit_code for u in wizard.units()] == ["ZD-A-0203", "ZD-A-0202"]
    assert wizard.marked() == {}


def test_a_new_tenant_and_a_draft_then_the_draft_opened_again_and_signed(qtbot, plan_window):
    from app.contract_wizard_flow import edit_draft, new_contract

    win, _view, ids = plan_window
    path = win.controller.path
    wizard = new_contract(win, [ids["ZD-A-0203"]])
    wizard.tenant_combo.setCurrentIndex(wizard.tenant_combo.count() - 1)  # New tenant…
    assert wizard.tenant_name_edit.isVisibleTo(wizard)
    previewed(qtbot, wizard, lambda: None)
    assert wizard.marked() == {"tenant": ["choose a tenant or type a new one's name"]}
    assert wizard.is_marked(wizard.tenant_name_edit)

    def fill() -> None:
        wizard.tenant_name_edit.setText("苏州星河生物医药有限公司")
        wizard.contact_name_edit.setText("王经理")
        wizard.contact_phone_edit.setText("0512-6666 8888")
        wizard.charges_editor.add_button.click()
        wizard.charges_editor.widget(0, 2).setValue(12.5)  # property fee 12.50 per m²

    previewed(qtbot, wizard, fill)
    assert wizard.problems() == []
    assert wizard.schedule.totals()["property_fee"] == D("56430.00")  # 125.40 × 12.50 × 36
    with qtbot.waitSignal(wizard.finished):
        qtbot.mouseClick(wizard.draft_button, Qt.MouseButton.LeftButton)

    workspace = Workspace.open(path)
    try:
        with workspace.reading() as s:
            tenant = s.scalar(select(Tenant).where(Tenant.name == "苏州星河生物医药有限公司"))
            assert (tenant.code, tenant.contact_name, tenant.contact_phone) == (
                "KH-00001", "王经理", "0512-6666 8888")
            draft = s.scalar(select(Contract).where(Contract.code == "HT-2026-0003"))
            assert draft.status is ContractStatus.DRAFT and draft.tenant_id == tenant.id
            saved = contracts.spec_of(s, draft)
            draft_id = draft.id
    finally:
        workspace.close()
    assert saved.terms.charges == (Charge(ChargeKind.PROPERTY_FEE, D("12.50")),)

    again = edit_draft(win, draft_id)
    assert again.windowTitle() == "Edit draft contract"
    assert again.spec() == saved
    assert again.tenant_combo.currentText() == "苏州星河生物医药有限公司"
    with qtbot.waitSignal(again.finished):
        qtbot.mouseClick(again.sign_button, Qt.MouseButton.LeftButton)
    workspace = Workspace.open(path)
    try:
        with workspace.reading() as s:
            signed = s.get(Contract, draft_id)
            assert signed.status is ContractStatus.SIGNED and signed.version == 1
            assert s.scalar(select(func.count()).select_from(Tenant)) == 2
    finally:
        workspace.close()


# -- the form alone ----------------------------------------------------------------------


def every_clause() -> ContractSpec:
    terms = RentTerms(
        D("320.50"), D("4.20"), date(2026, 3, 1), date(2031, 2, 28), basis=Basis.PER_SQM_DAY,
        cycle=Cycle.HALF_YEARLY, calendar_periods=True, thirty_day_months=True,
        rent_free=(RentFree(date(2026, 3, 1), date(2026, 5, 31), RentFreeKind.FIT_OUT),
                   RentFree(date(2026, 5, 1), date(2026, 6, 30), RentFreeKind.AFTER_OPENING)),
        rent_free_rule=RentFreeRule.LONGER_WINS,
        escalation=Escalation(EscalationKind.CPI_CHANGE,
                              index={2025: D("100.00"), 2026: D("101.20")}, on_month=3,
                              on_day=1, floor=D("2.00"), cap=D("5.00")),
        turnover=Turnover(D("0.0800"), breakpoint=D("400000.00"), minimum=D("1000.00"),
                          maximum=D("90000.00"),
                          tiers=((D("1000000"), D("0.08")), (None, D("0.10")))),
        tiers=((D("200.00"), D("4.20")), (None, D("3.90"))), area_coefficient=D("1.1000"),
        charges=(Charge(ChargeKind.PROPERTY_FEE, D("12.50")),
                 Charge(ChargeKind.SERVICE, D("800.00"), per_sqm=False, name="空调")),
        due=DueRule(DueKind.DAY_OF_MONTH, 25),
        late_fee=LateFee(D("0.00050"), capped=False, grace_days=5, from_due_date=True))
    return ContractSpec("HT-2026-0100", "t1", "上海云帆智能科技有限公司", UnitType.RETAIL,
                        date(2026, 2, 1), (LetUnit("u1", "ZD-B-0101", D("320.50")),), terms,
                        delivered_on=date(2026, 3, 1), rent_starts_on=date(2026, 6, 1),
                        deposit=D("80000.00"), notes="首层临街")


def test_every_clause_shown_and_read_back_unchanged(qtbot):
    wizard = ContractWizard(tenants=[TenantChoice("t1", "上海云帆智能科技有限公司")],
                            today=date(2026, 1, 20), currency="CNY")
    qtbot.addWidget(wizard)
    spec = every_clause()
    wizard.set_spec(spec, [UnitChoice("u1", "ZD-B-0101", D("320.50"), D("4.50"),
                                      UnitType.RETAIL)])
    assert wizard.spec() == spec
    stepped = dataclasses.replace(spec, terms=dataclasses.replace(
        spec.terms, escalation=Escalation(EscalationKind.STEPPED, steps=(
            (date(2027, 3, 15), D("4.50")), (date(2028, 3, 1), D("4.80"))))))
    wizard.set_spec(stepped)
    assert wizard.spec() == stepped
    for escalation in (Escalation(EscalationKind.FIXED_AMOUNT, amount=D("0.20")), None):
        other = dataclasses.replace(spec, terms=dataclasses.replace(spec.terms,
                                                                    escalation=escalation))
        wizard.set_spec(other)
        assert wizard.spec() == other


def test_the_preview_waits_for_typing_to_pause(qtbot):
    wizard = ContractWizard(today=date(2026, 1, 20))
    qtbot.addWidget(wizard)
    wizard.add_units([UnitChoice("u1", "ZD-A-0301", D("200.00"), D("100.00"))])
    wizard.refresh_now()
    shown: list[int] = []
    wizard.previewed.connect(lambda: shown.append(len(wizard.schedule_lines())))
    with qtbot.waitSignal(wizard.previewed):
        for value in (1, 12, 120, 100):  # four keystrokes
            wizard.rate_box.setValue(value)
        assert shown == []  # nothing computed while typing
    assert shown == [36]  # once, after the pause
    assert wizard.schedule_lines()[0].amount == D("20000.00")


def test_problems_listed_go_to_their_field_when_chosen(qtbot):
    wizard = ContractWizard(tenants=[TenantChoice("t1", "云帆智能")], today=date(2026, 1, 20))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.add_units([UnitChoice("u1", "ZD-A-0301", D("200.00"), D("100.00"))])
    previewed(qtbot, wizard, lambda: wizard.free_editor.add_row(
        (date(2025, 12, 1), date(2026, 3, 31), RentFreeKind.OTHER)))
    assert wizard.marked() == {"rent_free[0]": [
        "2025-12-01 to 2026-03-31 lies outside the term 2026-02-01 to 2029-01-31"]}
    header = wizard.free_editor.table.verticalHeaderItem(0)
    assert header.text() == "⚠ 1"
    item = wizard.problem_list.item(0)
    assert item.text().startswith("Rent-free period 1: ")
    rect = wizard.problem_list.visualItemRect(item)
    qtbot.mouseClick(wizard.problem_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())
    assert wizard.free_editor.table.currentRow() == 0


# -- how it looks -----------------------------------------------------------------------


def clipped(wizard: ContractWizard) -> list[str]:
    """Visible labels, check boxes and buttons narrower than their text needs, and the form
    when its scroll area cuts it."""
    found = []
    form = wizard.scroll.widget()
    if form.minimumSizeHint().width() > wizard.scroll.viewport().width():
        found.append("the form")
    for widget in wizard.findChildren(QLabel) + wizard.findChildren(QAbstractButton):
        if not widget.isVisibleTo(wizard) or (isinstance(widget, QLabel)
                                              and widget.wordWrap()):
            continue
        if widget.text() and widget.width() < widget.sizeHint().width():
            found.append(widget.text())
    return found


def shown_example(qtbot) -> ContractWizard:
    wizard = ContractWizard(tenants=[TenantChoice("t1", "上海云帆智能科技有限公司")],
                            today=date(2026, 11, 22), currency="CNY", code="HT-2026-0003",
                            plan_selection=lambda: [
                                UnitChoice("u1", "ZD-A-0201", D("125.40"), D("98.50"),
                                           UnitType.OFFICE),
                                UnitChoice("u2", "ZD-A-0202", D("125.40"), D("98.50"),
                                           UnitType.OFFICE)])
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.add_plan_selection()
    fill_example(qtbot, wizard)
    previewed(qtbot, wizard, lambda: (wizard.charges_editor.add_button.click(),
                                      wizard.charges_editor.widget(0, 2).setValue(12.5)))
    return wizard


def test_the_wizard_looks_whole_in_english_and_chinese(qtbot, chinese):
    SHOTS.mkdir(exist_ok=True)
    chinese.install("en")
    wizard = shown_example(qtbot)
    assert clipped(wizard) == []
    wizard.grab().save(str(SHOTS / "wizard_en.png"))
    wizard.scroll.widget().grab().save(str(SHOTS / "form_en.png"))
    english_title = wizard.windowTitle()
    chinese.install("zh_CN")
    qtbot.waitUntil(lambda: wizard.windowTitle() != english_title)
    assert wizard.windowTitle() == "新建合同"
    qtbot.waitUntil(lambda: clipped(wizard) == [])  # the form fits its new words
    assert [row[2] for row in wizard.schedule.texts()[:2]] == ["租金", "物业费"]
    assert clipped(wizard) == []
    wizard.grab().save(str(SHOTS / "wizard_zh_CN.png"))
    wizard.scroll.widget().grab().save(str(SHOTS / "form_zh_CN.png"))

