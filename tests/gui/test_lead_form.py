"""The lead form in the main window on the small park: its matches with their reasons in
words, "Show on plan", a quote from the editor with live figures, the quote made a draft
contract, and the form's own checks.

The small park's vacant offices are ZD-A-0103 and ZD-A-0201 … 0203 (125.40 m² each, asking
98.50); ZD-A-0101 is let until the end of 2027 and ZD-A-0102 from March 2027; the plant's
ZD-B-0101 and 0102 are industrial, with a goods lift (货梯).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid
from sqlalchemy import select

from domain.assets import UnitStatus, UnitType
from domain.contracts import ContractStatus
from domain.leasing.clauses import Cycle
from domain.leasing.codec import terms_from_json
from domain.leasing.pipeline import LeadNeeds, Stage, lead_field_problems
from domain.leasing.quotes import quote_figures, quote_to_terms
from services import pipeline
from services.lead_matching import forget_cached, match_lead
from services.pipeline import LeadInput, PipelineRefused
from store.read_model import ReadModel, Scope
from store.schema import Contract, Lead, Quote, Unit
from tests.small_park import TODAY
from views.labels import rent_text
from views.pipeline_text import reason_line, refusal_text

D = Decimal
NEEDS = LeadNeeds(D(100), D(200), budget=D(95), move_in_on=date(2027, 1, 1),
                  unit_type=UnitType.OFFICE)


@pytest.fixture
def lead_id(window):
    workspace = window.controller.workspace
    with workspace.reading() as s:
        from services.contracts import park_id_of

        park_id = park_id_of(s)
    return pipeline.create_lead(workspace, park_id, LeadInput(
        company="上海星河生物科技有限公司", contact_name="王磊", area_min=D(100),
        area_max=D(200), budget=D(95), move_in_on=date(2027, 1, 1),
        unit_type=UnitType.OFFICE, owner="李娜"), date(2026, 11, 2))


@pytest.fixture
def form(qtbot, window, lead_id):
    from app.pipeline_flow import open_lead

    forget_cached()
    opened = open_lead(window, lead_id)
    qtbot.waitUntil(lambda: opened.company_edit.text() != "" and bool(opened.matches()))
    yield opened
    if isValid(opened):  # (closing the window closes its forms)
        opened.close()


def _stored(window, model, **where):
    with window.controller.workspace.reading() as s:
        query = select(model)
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return list(s.scalars(query))


def test_the_form_lists_the_matches_with_their_reasons_in_words(form, small_park):
    reader = ReadModel(small_park.path)
    try:
        expected = match_lead(reader, NEEDS, TODAY, limit=20)
    finally:
        reader.close()
    shown = form.matches()
    assert [m.unit_codes for m in shown] == [m.unit_codes for m in expected]
    assert shown[0].unit_codes in {("ZD-A-0103",), ("ZD-A-0201",), ("ZD-A-0202",),
                                   ("ZD-A-0203",)}
    assert {m.unit_codes[0] for m in shown} >= {"ZD-A-0103", "ZD-A-0201"}
    assert "ZD-A-0101" not in {c for m in shown for c in m.unit_codes}  # let until 2027
    form.choose_match(0)
    reasons = form.reasons()
    assert reasons == [reason_line(r) for r in shown[0].match.reasons]
    assert reasons == [
        "+40  125.40 m², inside the 100.00–200.00 m² asked",
        "+17  asking 98.50 per m² a month, 3.7% over the budget 95.00",
        "+15  Office, as asked",
        "+15  no features asked for",
        f"+10  free from {TODAY.isoformat()}, in time for 2027-01-01",
    ]
    plant = next(i for i, m in enumerate(shown) if m.unit_codes[0].startswith("ZD-B"))
    form.choose_match(plant)
    assert "+0  Industrial / plant, not the Office asked (0.0% of the area is)" in form.reasons()
    assert form.match_status.text().startswith(f"{len(shown)} matches, best first")


def test_typing_new_needs_matches_again(qtbot, form):
    form.area_min_box.setValue(150)
    form.area_max_box.setValue(140)  # upside down: no matching, said
    qtbot.waitUntil(lambda: form.match_status.text().startswith("Give an area range"))
    form.area_max_box.setValue(300)
    qtbot.waitUntil(lambda: form.match_status.text().endswith("quote it."))
    assert {m.match.reasons[0].code for m in form.matches()} == {"area-small"}
    form.choose_match(0)
    assert form.reasons()[0] == "+27  125.40 m², 16.4% under the least 150.00 m² asked"


def test_show_on_plan_emits_the_units_and_the_plan_shows_their_floor(qtbot, form, window):
    form.choose_match(0)
    match = form.current_match()
    with qtbot.waitSignal(form.show_on_plan) as shown:
        qtbot.mouseClick(form.plan_button, Qt.MouseButton.LeftButton)
    assert shown.args == [match.candidate.floor_id, list(match.candidate.unit_ids)]
    qtbot.waitUntil(lambda: window.controller.scope == Scope("floor", match.candidate.floor_id))
    assert window.tabs.currentWidget() is window.map_page


def test_a_quote_from_the_editor_then_its_draft_contract(qtbot, form, window, lead_id):
    codes = [m.unit_codes for m in form.matches()]
    form.choose_match(codes.index(("ZD-A-0103",)))
    qtbot.mouseClick(form.quote_button, Qt.MouseButton.LeftButton)
    editor = form.quote_editor
    assert editor is not None and editor.isVisible()
    assert editor.area == D("125.40")  # the unit's billable area
    assert editor.start_edit.date().toPython() == date(2027, 1, 1)  # the move-in
    assert editor.rate_box.value() == 98.5  # the asking rent
    editor.free_box.setValue(3)
    editor.escalation_box.setValue(5)
    editor.cycle_combo.setCurrentIndex(editor.cycle_combo.findData(Cycle.QUARTERLY.value))
    terms = editor.terms()
    figures = quote_figures(terms)
    assert editor.figure_labels[0].text() == f"{rent_text(figures.total_rent)} CNY"
    assert editor.figure_labels[1].text() == \
        f"{rent_text(figures.net_effective_rent)} CNY per m² a month"
    assert editor.figure_labels[3].text() == f"{rent_text(figures.first_year_rent)} CNY"
    editor.rate_box.setValue(90)  # figures follow the fields
    assert editor.figure_labels[0].text() == \
        f"{rent_text(quote_figures(editor.terms()).total_rent)} CNY"
    terms = editor.terms()
    qtbot.mouseClick(editor.buttons.button(editor.buttons.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(form.quotes()) == 1)
    assert form.quote_editor is None
    stored = _stored(window, Quote)
    assert len(stored) == 1 and stored[0].total_rent == quote_figures(terms).total_rent
    assert terms_from_json(stored[0].terms) == quote_to_terms(terms)
    qtbot.waitUntil(lambda: form.stage is Stage.QUOTED)
    assert form.stage_label.text().startswith("Quoted since 2026-11-22")
    assert form.status.text() == "Quote BJ-0001 saved."

    form.choose_quote(0)
    assert form.draft_button.isEnabled()
    qtbot.mouseClick(form.draft_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(form.quotes()) and form.quotes()[0].status == "accepted")
    contract = _stored(window, Contract, lead_id=lead_id)[0]
    assert contract.status is ContractStatus.DRAFT and contract.code == "HT-2026-0003"
    assert terms_from_json(contract.terms) == quote_to_terms(terms)
    assert form.status.text() == ("Draft contract HT-2026-0003 made for the new tenant "
                                  "KH-00001 上海星河生物科技有限公司, made from the lead.")
    assert form.quotes()[0].contract_code == "HT-2026-0003"
    assert not form.draft_button.isEnabled()
    from views.contract_wizard import ContractWizard

    wizards = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, ContractWizard) and w.isVisible()]
    assert len(wizards) == 1  # the draft opened to be checked and signed
    wizards[0].reject()


def test_a_quote_the_rules_refuse_is_said_on_the_editor(qtbot, form, window):
    form.choose_match(0)
    qtbot.mouseClick(form.quote_button, Qt.MouseButton.LeftButton)
    editor = form.quote_editor
    unit = form.current_match().unit_codes[0]
    with window.controller.workspace.transaction() as s:  # reserved meanwhile, elsewhere
        s.scalar(select(Unit).where(Unit.code == unit)).status = UnitStatus.RESERVED
    editor.request_save()
    qtbot.waitUntil(lambda: editor.problem_label.isVisible()
                    and "not vacant" in editor.problem_label.text())
    assert editor.problem_label.text() == f"{unit} is not vacant on 2027-01-01 (Reserved)."
    assert _stored(window, Quote) == [] and editor.isVisible()
    editor.reject()


def test_the_form_checks_its_fields_before_saving(qtbot, window):
    from app.pipeline_flow import open_lead

    form = open_lead(window, None)
    assert form.windowTitle() == "New lead"
    assert not form.quote_button.isEnabled()
    form.area_min_box.setValue(300)
    form.area_max_box.setValue(200)
    form.request_save()
    assert form.problem_label.text() == (
        "Name the company.\nThe most area (200.00 m²) is below the least (300.00 m²).")
    assert form.field_labels["company"].styleSheet() and form.field_labels["area"].styleSheet()
    refused = PipelineRefused("lead refused", "lead-refused", problems=lead_field_problems(
        "", D(300), D(200)))  # as the service refuses them: the figures as stored, unformatted
    assert refusal_text(refused) == form.problem_label.text()
    qtbot.wait(50)
    assert _stored(window, Lead) == []
    form.company_edit.setText("苏州远景新能源有限公司")
    form.area_max_box.setValue(400)
    form.budget_box.setValue(80)
    form.tags_edit.setText("货梯，高层、 货梯")
    form.request_save()
    qtbot.waitUntil(lambda: form.lead_id is not None and form.windowTitle().startswith("Lead"))
    lead = _stored(window, Lead)[0]
    assert (lead.code, lead.company, lead.area_min, lead.area_max, lead.budget, lead.tags) == (
        "XS-0001", "苏州远景新能源有限公司", D(300), D(400), D(80), ["货梯", "高层"])
    assert form.windowTitle() == "Lead XS-0001 — 苏州远景新能源有限公司"
    assert not form.problem_label.isVisible()
    form.close()
