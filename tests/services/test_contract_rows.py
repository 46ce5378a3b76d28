"""The contract list's rows and renewal's facts on a real workspace."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from domain.assets import UnitType
from domain.leasing.clauses import Cycle, Escalation, EscalationKind, RentFree
from domain.leasing.contract import ContractSpec
from domain.leasing.lifecycle import ContractState
from domain.leasing.renewal import AdviceKind
from domain.leasing.schedule import ScheduleLine
from services import contract_list, contracts
from services.contract_list import contract_rows, line_months
from services.renewal_facts import renewal_inputs
from store.schema import Lead, Unit
from tests.small_leases import lease_spec, open_small, park_id

D = Decimal


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "park.leasemap")
    with workspace.transaction() as s:  # the unit measures the 200 m² the examples let
        s.scalar(select(Unit).where(Unit.code == "ZD-A-0103")).billable_area = D(200)
    contract_list.forget_cached()
    yield workspace
    workspace.close()


def _spec(ws, unit_code="ZD-A-0103", code="HT-A", start=date(2026, 3, 1),
          end=date(2029, 2, 28), **terms) -> ContractSpec:
    return lease_spec(ws, unit_code, code, start, end, **terms)


def _rows(ws, on):
    with ws.reading() as s:
        return {r.code: r for r in contract_rows(s, contracts.park_id_of(s), on)}


def _line(start, end, amount="0"):
    return ScheduleLine(start, end, start, D(amount), ())


def test_a_line_counts_its_months_whole_and_part():
    assert line_months(_line(date(2026, 3, 1), date(2026, 5, 31))) == 3
    assert line_months(_line(date(2026, 2, 1), date(2026, 2, 28))) == 1
    assert line_months(_line(date(2026, 4, 10), date(2026, 4, 30))) == D("0.7")  # 21 of 30
    assert line_months(_line(date(2026, 1, 31), date(2026, 2, 27))) == 1  # to 28 Feb


def test_the_rent_in_force_follows_rent_free_and_escalation(ws):
    # Example A, on 200 m² of one unit: three months free, +5 % a year, billed quarterly.
    spec = _spec(ws, cycle=Cycle.QUARTERLY,
                 rent_free=(RentFree(date(2026, 3, 1), date(2026, 5, 31)),),
                 escalation=Escalation(EscalationKind.FIXED_PERCENT, percent=D(5)))
    contracts.create_signed(ws, park_id(ws), spec)
    free = _rows(ws, date(2026, 4, 15))["HT-A"]
    assert free.monthly_rent == D("0.00") and free.rent_per_sqm == D(100)
    assert free.state is ContractState.ACTIVE and free.building_codes == ("A",)
    second = _rows(ws, date(2027, 4, 15))["HT-A"]
    assert second.monthly_rent == D("21000.00") and second.rent_per_sqm == D("105.0000")
    before = _rows(ws, date(2026, 1, 10))["HT-A"]
    assert before.state is ContractState.SIGNED and before.monthly_rent == D("0.00")
    after = _rows(ws, date(2029, 6, 1))["HT-A"]
    assert after.state is ContractState.ENDED and after.monthly_rent == D("22050.00")
    assert after.days_to_end == (date(2029, 2, 28) - date(2029, 6, 1)).days


def test_an_amendment_shows_without_forgetting_anything(ws):
    spec = _spec(ws)
    cid = contracts.create_signed(ws, park_id(ws), spec)
    assert _rows(ws, date(2027, 6, 1))["HT-A"].monthly_rent == D("20000.00")
    contracts.amend(ws, cid, dataclasses.replace(
        spec, terms=dataclasses.replace(spec.terms, rate=D(110))), date(2027, 3, 1))
    row = _rows(ws, date(2027, 6, 1))["HT-A"]
    assert row.monthly_rent == D("22000.00") and row.version == 2


def test_a_renewed_lease_reads_renewed_and_drafts_are_listed(ws):
    spec = _spec(ws, end=date(2027, 2, 28))
    cid = contracts.create_signed(ws, park_id(ws), spec)
    follow = dataclasses.replace(spec, code="HT-B", signed_on=date(2027, 1, 10),
                                 delivered_on=date(2027, 3, 1), terms=dataclasses.replace(
                                     spec.terms, starts_on=date(2027, 3, 1),
                                     ends_on=date(2028, 2, 29)))
    contracts.renew(ws, cid, follow)
    contracts.save_draft(ws, park_id(ws), _spec(ws, unit_code="ZD-A-0201", code="HT-C"))
    rows = _rows(ws, date(2027, 3, 5))
    assert rows["HT-A"].state is ContractState.RENEWED
    assert rows["HT-B"].state is ContractState.ACTIVE
    assert rows["HT-C"].state is ContractState.DRAFT and rows["HT-C"].days_to_end is None


def test_renewal_facts_read_the_market_and_the_demand_but_no_payments(ws):
    spec = _spec(ws, end=date(2027, 1, 31), rate=D(80))
    cid = contracts.create_signed(ws, park_id(ws), spec)
    with ws.transaction() as s:
        park = contracts.park_id_of(s)
        s.add_all([
            Lead(park_id=park, code="L-1", company="甲", stage="quoted", stage_on=date(2026, 11, 1),
                 area_min=D(150), area_max=D(250), unit_type=UnitType.OFFICE),
            Lead(park_id=park, code="L-2", company="乙", stage="lost", stage_on=date(2026, 11, 1),
                 area_min=D(150), area_max=D(250)),
            Lead(park_id=park, code="L-3", company="丙", stage="lead", stage_on=date(2026, 11, 1),
                 area_min=D(500), area_max=D(900))])
    with ws.reading() as s:
        inputs = renewal_inputs(s, cid, date(2026, 11, 22))
    facts = inputs.facts
    assert facts.current_rate == D("80.0000") and facts.demand == 1
    # The two legacy leases of the small park, signed 2025-12-01 and 2026-11-01.
    assert [r for _d, r in facts.comparables] == [D(95), D(102)]
    assert not inputs.payment_record
    assert inputs.advice.kind is AdviceKind.RENEW_INCREASE
    assert inputs.advice.suggested_rate == D("88.0000")
    with ws.reading() as s:
        early = renewal_inputs(s, cid, date(2026, 6, 1)).advice
    assert early.kind is None and early.reasons[0].code == "too-early"
