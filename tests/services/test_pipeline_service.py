"""The pipeline's use cases on a real workspace: leads, moves, quotes, a quote's draft contract.

The small park (``tests/small_park.py``): eight units of 125.40 m² billable asking 98.50;
ZD-A-0101 let 2026-01-01 … 2027-12-31, ZD-A-0102 let from 2027-03-01 (signed 2026-11-01).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from domain.assets import UnitStatus, UnitType
from domain.contracts import ContractStatus
from domain.leasing.clauses import Cycle, Escalation, EscalationKind
from domain.leasing.codec import terms_from_json, terms_to_json
from domain.leasing.pipeline import LeadNeeds, Stage, weighted_pipeline
from domain.leasing.quotes import QuoteTerms, quote_figures, quote_to_terms
from services import contracts
from services import pipeline as p
from services.contracts import ContractRefused
from services.pipeline import LeadInput, PipelineRefused
from store.schema import Contract, ContractUnit, Lead, Outbox, Park, Quote, Tenant, Unit
from tests.small_leases import open_small
from tests.small_park import TODAY

D = Decimal
AREA = D("125.40")


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "park.leasemap")
    yield workspace
    workspace.close()


@pytest.fixture
def park_id(ws):
    with ws.reading() as s:
        return contracts.park_id_of(s)


def _input(company="上海星河生物科技有限公司", **changes) -> LeadInput:
    values = dict(company=company, contact_name="王磊", contact_phone="13800000000",
                  industry="生物医药", area_min=D(100), area_max=D(200), budget=D(95),
                  move_in_on=date(2027, 1, 1), unit_type=UnitType.OFFICE, tags=("货梯",),
                  owner="李娜", source="中介")
    values.update(changes)
    return LeadInput(**values)


def _unit(ws, code):
    with ws.reading() as s:
        return s.scalar(select(Unit).where(Unit.code == code))


def _lead(ws, lead_id) -> Lead:
    with ws.reading() as s:
        return s.get(Lead, lead_id)


def _count(ws, model, *where):
    with ws.reading() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def _ops(ws, **where):
    with ws.reading() as s:
        query = select(Outbox)
        for name, value in where.items():
            query = query.where(getattr(Outbox, name) == value)
        return list(s.scalars(query.order_by(Outbox.seq)))


def _quote_terms(start=date(2027, 1, 1), end=date(2029, 12, 31), area=AREA, **changes):
    values = dict(rent_free_months=3, cycle=Cycle.QUARTERLY,
                  escalation=Escalation(EscalationKind.FIXED_PERCENT, percent=D(5)))
    values.update(changes)
    return QuoteTerms(area, D("96.00"), start, end, **values)


# -- leads ----------------------------------------------------------------------------------


def test_create_lead_numbers_codes_and_writes_plain_rows(ws, park_id):
    first = p.create_lead(ws, park_id, _input(), TODAY)
    second = p.create_lead(ws, park_id, _input("苏州远景新能源有限公司"), TODAY)
    a, b = _lead(ws, first), _lead(ws, second)
    assert (a.code, b.code) == ("XS-0001", "XS-0002")
    assert a.stage == "lead" and a.stage_on == TODAY and a.tags == ["货梯"]
    assert a.area_min == D(100) and a.budget == D(95) and a.unit_type is UnitType.OFFICE
    creates = _ops(ws, entity="leads", kind="create")
    assert [op.entity_id for op in creates] == [first, second]


def test_update_lead_sets_only_changed_fields(ws, park_id):
    lead_id = p.create_lead(ws, park_id, _input(), TODAY)
    p.update_lead(ws, lead_id, _input(area_max=D(260), owner="陈静"))
    changed = {op.field for op in _ops(ws, entity="leads", kind="field_set")}
    assert changed == {"area_max", "owner"}
    assert _lead(ws, lead_id).area_max == D(260)


@pytest.mark.parametrize(("changes", "field", "code"), [
    ({"company": "  "}, "company", "lead-company-missing"),
    ({"area_min": D(0)}, "area_min", "lead-area-not-positive"),
    ({"area_min": D(300), "area_max": D(200)}, "area_max", "lead-area-range"),
    ({"budget": D(0)}, "budget", "lead-budget-not-positive"),
])
def test_a_bad_lead_is_refused_by_field_and_nothing_written(ws, park_id, changes, field, code):
    with pytest.raises(PipelineRefused) as refused:
        p.create_lead(ws, park_id, _input(**changes), TODAY)
    assert [(x.field, x.code) for x in refused.value.problems] == [(field, code)]
    assert refused.value.code == "lead-refused"
    assert _count(ws, Lead) == 0 and _ops(ws, entity="leads") == []


def test_moves_the_board_allows_and_those_it_refuses(ws, park_id):
    lead_id = p.create_lead(ws, park_id, _input(), date(2026, 11, 1))
    p.move_lead(ws, lead_id, Stage.NEGOTIATING, TODAY)  # a step skipped: allowed
    lead = _lead(ws, lead_id)
    assert (lead.stage, lead.stage_on) == ("negotiating", TODAY)
    p.move_lead(ws, lead_id, Stage.IN_CONTACT, TODAY)  # and back
    p.move_lead(ws, lead_id, Stage.SIGNED, TODAY)
    with pytest.raises(PipelineRefused) as refused:
        p.move_lead(ws, lead_id, Stage.LOST, TODAY, "价格")
    assert refused.value.code == "lead-move-refused"
    assert refused.value.params == {"lead": "XS-0001", "from_stage": "signed",
                                    "to_stage": "lost"}
    assert _lead(ws, lead_id).stage == "signed"
    with pytest.raises(PipelineRefused, match="cannot move"):
        p.move_lead(ws, lead_id, Stage.SIGNED, TODAY)  # to where it is


def test_lost_needs_a_reason_and_reopening_clears_it(ws, park_id):
    lead_id = p.create_lead(ws, park_id, _input(), TODAY)
    before = len(_ops(ws))
    with pytest.raises(PipelineRefused) as refused:
        p.move_lead(ws, lead_id, Stage.LOST, TODAY, "   ")
    assert refused.value.code == "lead-lost-reason"
    assert _lead(ws, lead_id).stage == "lead" and len(_ops(ws)) == before
    p.move_lead(ws, lead_id, Stage.LOST, TODAY, " 选择了竞品园区 ")
    lead = _lead(ws, lead_id)
    assert (lead.stage, lead.lost_reason) == ("lost", "选择了竞品园区")
    with pytest.raises(PipelineRefused):
        p.move_lead(ws, lead_id, Stage.QUOTED, TODAY)  # lost goes back to lead only
    p.move_lead(ws, lead_id, Stage.LEAD, TODAY)
    lead = _lead(ws, lead_id)
    assert (lead.stage, lead.lost_reason) == ("lead", "")


def test_a_move_dated_before_the_current_stage_is_refused(ws, park_id):
    lead_id = p.create_lead(ws, park_id, _input(), TODAY)
    with pytest.raises(PipelineRefused) as refused:
        p.move_lead(ws, lead_id, Stage.IN_CONTACT, date(2026, 11, 1))
    assert refused.value.code == "lead-move-before"
    assert refused.value.params["stage_on"] == TODAY.isoformat()


def test_history_reads_each_stage_from_its_steps(ws, park_id):
    lead_id = p.create_lead(ws, park_id, _input(), date(2026, 10, 1))
    p.move_lead(ws, lead_id, Stage.IN_CONTACT, date(2026, 10, 20))
    p.move_lead(ws, lead_id, Stage.LOST, date(2026, 11, 2), "预算不足")
    with ws.reading() as s:
        steps = p.lead_history(s, lead_id)
    assert [(x.stage, x.on, x.lost_reason) for x in steps] == [
        (Stage.LEAD, date(2026, 10, 1), ""), (Stage.IN_CONTACT, date(2026, 10, 20), ""),
        (Stage.LOST, date(2026, 11, 2), "预算不足")]
    assert all(x.actor == ws.actor for x in steps)


def test_board_rows_values_and_the_weighted_summary(ws, park_id):
    a = p.create_lead(ws, park_id, _input(), date(2026, 11, 2))
    b = p.create_lead(ws, park_id, _input("无预算有限公司", budget=None), date(2026, 11, 20))
    c = p.create_lead(ws, park_id, _input("南京谈判中有限公司", area_max=D(150)),
                      date(2026, 11, 1))
    p.move_lead(ws, c, Stage.NEGOTIATING, date(2026, 11, 10))
    with ws.reading() as s:
        board = p.leads_by_stage(s, park_id, TODAY)
        summary = p.pipeline_summary(s, park_id, TODAY)
    assert list(board) == list(Stage)  # every column, in the board's order
    assert [r.id for r in board[Stage.LEAD]] == [b, a]  # the latest moved first
    row_a = board[Stage.LEAD][1]
    assert row_a.days_in_stage == 20 and not row_a.quoted
    assert row_a.expected_value == D("228000.00")  # 95 × 200 m² × 12
    assert board[Stage.LEAD][0].expected_value == D("0.00")  # no budget said
    assert board[Stage.NEGOTIATING][0].expected_value == D("171000.00")
    assert p.needs_of(row_a) == LeadNeeds(D(100), D(200), budget=D(95),
                                          move_in_on=date(2027, 1, 1),
                                          unit_type=UnitType.OFFICE, tags=frozenset({"货梯"}))
    assert summary.counts[Stage.LEAD] == 2 and summary.counts[Stage.NEGOTIATING] == 1
    assert summary.weighted == weighted_pipeline(
        [(Stage.LEAD, D("228000.00")), (Stage.LEAD, D(0)), (Stage.NEGOTIATING, D("171000.00"))])
    assert summary.weighted == D("125400.00")  # 22,800 + 102,600

    p.set_stage_probabilities(ws, park_id, {Stage.NEGOTIATING: D("0.5"),
                                            Stage.LEAD: D("0.10")})
    with ws.reading() as s:
        assert s.get(Park, park_id).stage_probabilities == {"negotiating": "0.5"}
        summary = p.pipeline_summary(s, park_id, TODAY)
    assert summary.weighted_by_stage[Stage.NEGOTIATING] == D("85500.00")
    assert summary.weighted == D("108300.00")
    with pytest.raises(PipelineRefused) as refused:
        p.set_stage_probabilities(ws, park_id, {Stage.QUOTED: D(80)})  # 80 meant as %
    assert refused.value.code == "probability-range"
    with ws.reading() as s:
        assert s.get(Park, park_id).stage_probabilities == {"negotiating": "0.5"}


# -- quotes ---------------------------------------------------------------------------------


def test_a_quote_stores_its_figures_terms_and_units_as_one_command(ws, park_id):
    with ws.transaction() as s:
        s.get(Park, park_id).discount_rate = D("0.06")
    lead_id = p.create_lead(ws, park_id, _input(), date(2026, 11, 1))
    p.move_lead(ws, lead_id, Stage.IN_CONTACT, date(2026, 11, 10))
    unit = _unit(ws, "ZD-A-0103")
    q = _quote_terms()
    quote_id = p.make_quote(ws, lead_id, [unit.id], q, TODAY)
    figures = quote_figures(q, D("0.06"))
    with ws.reading() as s:
        quote = s.get(Quote, quote_id)
        assert quote.code == "BJ-0001" and quote.status == "open"
        assert quote.total_rent == figures.total_rent
        assert quote.net_effective_rent == figures.net_effective_rent
        assert quote.terms == terms_to_json(quote_to_terms(q))
        assert quote.units == [{"unit_id": str(unit.id), "unit_code": "ZD-A-0103",
                                "billable_area": "125.40"}]
        assert (quote.quoted_on, quote.valid_until) == (TODAY, date(2026, 12, 22))
        row = p.quotes_of(s, lead_id)[0]
        lead = p.lead_row(s, lead_id, TODAY)
    assert row.first_year_rent == figures.first_year_rent
    assert (lead.stage, lead.stage_on, lead.quoted) == (Stage.QUOTED, TODAY, True)
    assert lead.expected_value == figures.first_year_rent  # the quote's, not the budget's
    commands = _ops(ws, entity="quotes")
    assert [op.kind for op in commands] == ["quote"]  # no create op beside the command
    payload = commands[0].payload
    assert payload["total_rent"] == str(figures.total_rent)
    assert payload["discounted_ner"] == str(figures.discounted_ner)
    assert payload["lead"] == str(lead_id)
    stage_ops = [op for op in _ops(ws, entity="leads", kind="field_set") if op.field == "stage"]
    assert stage_ops[-1].payload == {"value": "quoted"}


def test_a_second_quote_keeps_the_stage_and_numbers_on(ws, park_id):
    lead_id = p.create_lead(ws, park_id, _input(), TODAY)
    units = [_unit(ws, "ZD-A-0201"), _unit(ws, "ZD-A-0202")]
    p.make_quote(ws, lead_id, [units[0].id], _quote_terms(), TODAY)
    second = p.make_quote(ws, lead_id, [u.id for u in units], _quote_terms(area=AREA * 2),
                          date(2026, 11, 25))
    with ws.reading() as s:
        rows = p.quotes_of(s, lead_id)
    assert [r.code for r in rows] == ["BJ-0002", "BJ-0001"]
    assert rows[0].id == second and rows[0].unit_codes == ("ZD-A-0201", "ZD-A-0202")
    assert _lead(ws, lead_id).stage_on == TODAY  # quoted since the first


@pytest.mark.parametrize(("code", "start", "end", "problem"), [
    ("ZD-A-0101", date(2027, 1, 1), date(2028, 12, 31), "unit-leased"),  # let until 2027
    ("ZD-A-0101", date(2028, 1, 1), date(2029, 12, 31), None),  # free from 2028
    ("ZD-A-0102", date(2026, 12, 1), date(2029, 11, 30), "unit-leased"),  # let from 2027-03
    ("ZD-A-0102", date(2026, 12, 1), date(2027, 2, 28), "unit-leased"),  # signed: not vacant
])
def test_quoting_a_leased_unit_is_refused(ws, park_id, code, start, end, problem):
    lead_id = p.create_lead(ws, park_id, _input(), date(2026, 11, 1))
    unit = _unit(ws, code)
    q = _quote_terms(start, end)
    if problem is None:
        p.make_quote(ws, lead_id, [unit.id], q, TODAY)
        return
    with pytest.raises(PipelineRefused) as refused:
        p.make_quote(ws, lead_id, [unit.id], q, TODAY)
    assert [(x.field, x.code) for x in refused.value.problems] == [(f"units[{code}]", problem)]
    assert _count(ws, Quote) == 0 and _ops(ws, kind="quote") == []
    assert _lead(ws, lead_id).stage == "lead"


def test_quote_refusals_name_their_fields(ws, park_id):
    lead_id = p.create_lead(ws, park_id, _input(), date(2026, 11, 1))
    unit = _unit(ws, "ZD-A-0103")
    with ws.transaction() as s:
        s.get(Unit, _unit(ws, "ZD-A-0201").id).status = UnitStatus.RESERVED

    def refused(unit_ids, q):
        with pytest.raises(PipelineRefused) as caught:
            p.make_quote(ws, lead_id, unit_ids, q, TODAY)
        return [(x.field, x.code) for x in caught.value.problems]

    assert refused([unit.id], _quote_terms(area=D(100))) == [
        ("terms.area", "area-total-mismatch")]
    assert refused([_unit(ws, "ZD-A-0201").id], _quote_terms()) == [
        ("units[ZD-A-0201]", "unit-not-vacant")]
    assert refused([], _quote_terms()) == [("units", "no-units")]
    assert refused([unit.id], _quote_terms(rent_free_months=40)) == [
        ("terms", "rent-free-outside-term")]
    p.move_lead(ws, lead_id, Stage.LOST, TODAY, "搬去苏州")
    with pytest.raises(PipelineRefused) as closed:
        p.make_quote(ws, lead_id, [unit.id], _quote_terms(), TODAY)
    assert closed.value.code == "quote-lead-closed"
    assert _count(ws, Quote) == 0


def test_quote_to_draft_gives_exactly_the_quoted_terms(ws, park_id):
    lead_id = p.create_lead(ws, park_id, _input(), date(2026, 11, 1))
    unit = _unit(ws, "ZD-A-0103")
    q = _quote_terms()
    quote_id = p.make_quote(ws, lead_id, [unit.id], q, TODAY)
    tenants = _count(ws, Tenant)
    contract_id = p.quote_to_draft(ws, quote_id, "HT-2026-0003", TODAY)
    with ws.reading() as s:
        contract = s.get(Contract, contract_id)
        assert contract.status is ContractStatus.DRAFT and contract.code == "HT-2026-0003"
        assert terms_from_json(contract.terms) == quote_to_terms(q)
        assert contract.lead_id == lead_id and contract.kind is UnitType.OFFICE
        assert (contract.delivered_on, contract.rent_starts_on) == (date(2027, 1, 1),
                                                                     date(2027, 4, 1))
        links = list(s.scalars(select(ContractUnit).where(
            ContractUnit.contract_id == contract_id)))
        assert [(x.unit_id, x.billable_area) for x in links] == [(unit.id, AREA)]
        tenant = s.get(Tenant, contract.tenant_id)
        assert (tenant.name, tenant.code, tenant.contact_name) == (
            "上海星河生物科技有限公司", "KH-00001", "王磊")
        assert s.get(Lead, lead_id).tenant_id == tenant.id
        quote = s.get(Quote, quote_id)
        assert (quote.status, quote.contract_id) == ("accepted", contract_id)
        schedule = contracts.schedule_of(s, contract_id)
        assert quote_figures(q).lines == schedule.lines
        assert p.quotes_of(s, lead_id)[0].contract_code == "HT-2026-0003"
    assert _count(ws, Tenant) == tenants + 1
    with pytest.raises(PipelineRefused) as again:
        p.quote_to_draft(ws, quote_id, "HT-2026-0004", TODAY)
    assert again.value.code == "quote-not-open"


def test_quote_to_draft_uses_the_leads_tenant_and_refuses_whole(ws, park_id):
    with ws.reading() as s:
        tenant = s.scalar(select(Tenant).where(Tenant.code == "T001"))
    lead_id = p.create_lead(ws, park_id, _input(tenant_id=tenant.id), date(2026, 11, 1))
    quote_id = p.make_quote(ws, lead_id, [_unit(ws, "ZD-B-0101").id],
                            _quote_terms(date(2026, 12, 1), date(2028, 11, 30)), TODAY)
    tenants = _count(ws, Tenant)
    with pytest.raises(ContractRefused) as refused:  # signed after the term starts
        p.quote_to_draft(ws, quote_id, "HT-2026-0003", date(2026, 12, 15))
    assert "start-before-signing" in {x.code for x in refused.value.problems}
    with ws.reading() as s:
        assert s.get(Quote, quote_id).status == "open"
        assert s.scalar(select(func.count()).select_from(Contract)) == 2
    contract_id = p.quote_to_draft(ws, quote_id, "HT-2026-0003", TODAY)
    with ws.reading() as s:
        contract = s.get(Contract, contract_id)
        assert contract.tenant_id == tenant.id and contract.kind is UnitType.INDUSTRIAL
    assert _count(ws, Tenant) == tenants


def test_signing_the_draft_signs_the_lead_and_the_unit_cannot_be_quoted_again(ws, park_id):
    lead_id = p.create_lead(ws, park_id, _input(), date(2026, 11, 1))
    unit = _unit(ws, "ZD-A-0103")
    quote_id = p.make_quote(ws, lead_id, [unit.id], _quote_terms(), TODAY)
    contract_id = p.quote_to_draft(ws, quote_id, "HT-2026-0003", TODAY)
    contracts.sign(ws, contract_id, TODAY)  # signing the contract signs its lead
    lead = _lead(ws, lead_id)
    assert (lead.stage, lead.stage_on) == ("signed", TODAY)
    other = p.create_lead(ws, park_id, _input("杭州后来者有限公司"), TODAY)
    with pytest.raises(PipelineRefused) as refused:
        p.make_quote(ws, other, [unit.id], _quote_terms(date(2028, 1, 1)), TODAY)
    problem = refused.value.problems[0]
    assert (problem.code, problem.params["contract"]) == ("unit-leased", "HT-2026-0003")
    with ws.transaction() as s:  # a contract without a lead changes no lead
        assert not p.on_contract_signed(s, s.scalar(select(Contract).where(
            Contract.code == "HT-2026-0001")))
