"""Contracts as use cases on a real workspace: sign, refuse, amend, renew, terminate."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from domain.contracts import ContractStatus
from domain.leasing.clauses import Cycle, Escalation, EscalationKind, RentFree
from domain.leasing.contract import ContractSpec
from domain.leasing.lifecycle import ContractState
from domain.leasing.schedule import total
from services import contracts
from services.contracts import ContractRefused
from store.schema import Contract, ContractVersion, Outbox
from store.workspace import Workspace
from tests.small_leases import lease_spec, open_small, park_id

D = Decimal


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "park.leasemap")
    yield workspace
    workspace.close()


def _spec(ws: Workspace, unit_code: str, code: str = "HT-NEW-1", start=date(2026, 3, 1),
          end=date(2029, 2, 28), **terms) -> ContractSpec:
    return lease_spec(ws, unit_code, code, start, end, **terms)


def _ops(ws, kind):
    with ws.reading() as s:
        return s.scalar(select(func.count()).select_from(Outbox).where(Outbox.kind == kind))


def test_sign_writes_version_one_and_one_command(ws):
    spec = _spec(ws, "ZD-A-0103", cycle=Cycle.QUARTERLY,
                 rent_free=(RentFree(date(2026, 3, 1), date(2026, 5, 31)),),
                 escalation=Escalation(EscalationKind.FIXED_PERCENT, percent=D(5)))
    cid = contracts.create_signed(ws, park_id(ws), spec)
    with ws.reading() as s:
        contract = s.get(Contract, cid)
        assert contract.status is ContractStatus.SIGNED and contract.version == 1
        [v1] = s.scalars(select(ContractVersion).where(ContractVersion.contract_id == cid))
        assert v1.number == 1 and v1.reason == "sign"
        schedule = contracts.schedule_of(s, cid)
        assert contracts.state_on(s, contract, date(2026, 6, 1)) is ContractState.ACTIVE
    assert schedule.lines[0].amount == D("0.00")
    assert schedule.lines[1].amount == D("37620.00")  # 125.40 m² × 100 × 3
    assert _ops(ws, "sign_contract") == 1


def test_an_overlapping_lease_is_refused_and_nothing_is_written(ws):
    spec = _spec(ws, "ZD-A-0101")  # held by HT-2026-0001 through 2027
    with ws.reading() as s:
        before = s.scalar(select(func.count()).select_from(Contract))
        outbox = s.scalar(select(func.count()).select_from(Outbox))
    with pytest.raises(ContractRefused) as refused:
        contracts.create_signed(ws, park_id(ws), spec)
    assert any(p.code == "unit-leased" for p in refused.value.problems)
    with ws.reading() as s:
        assert s.scalar(select(func.count()).select_from(Contract)) == before
        assert s.scalar(select(func.count()).select_from(Outbox)) == outbox


def test_dates_that_contradict_are_refused_naming_the_field(ws):
    spec = _spec(ws, "ZD-A-0103", start=date(2027, 3, 1), end=date(2026, 3, 1))
    with pytest.raises(ContractRefused) as refused:
        contracts.save_draft(ws, park_id(ws), spec)
    assert {p.field for p in refused.value.problems} >= {"ends_on"}


def test_amendment_makes_version_two_and_version_one_stays_readable(ws):
    spec = _spec(ws, "ZD-A-0103")
    cid = contracts.create_signed(ws, park_id(ws), spec)
    new = dataclasses.replace(spec, terms=dataclasses.replace(spec.terms, rate=D(110)))
    plan = contracts.rehearse_amendment(ws, cid, new, date(2027, 3, 1))
    assert plan.number == 2 and plan.changes
    with ws.reading() as s:
        assert s.scalar(select(func.count()).select_from(ContractVersion)) == 1  # rehearsal
    contracts.amend(ws, cid, new, date(2027, 3, 1))
    with ws.reading() as s:
        v1, v2 = contracts.versions_of(s, cid)
        schedule = contracts.schedule_of(s, cid)
    assert v1.spec.terms.rate == D(100) and v2.spec.terms.rate == D(110)
    by_month = {line.starts_on: line.amount for line in schedule.lines}
    assert by_month[date(2027, 2, 1)] == D("12540.00")
    assert by_month[date(2027, 3, 1)] == D("13794.00")
    assert _ops(ws, "amend_contract") == 1


def test_terminate_then_renew_and_states_follow_the_dates(ws):
    spec = _spec(ws, "ZD-A-0103", start=date(2026, 3, 1), end=date(2027, 2, 28))
    cid = contracts.create_signed(ws, park_id(ws), spec)
    follow = dataclasses.replace(
        spec, code="HT-NEW-2", signed_on=date(2027, 1, 15), delivered_on=date(2027, 3, 1),
        terms=dataclasses.replace(spec.terms, starts_on=date(2027, 3, 1),
                                  ends_on=date(2028, 2, 29)))
    new_id = contracts.renew(ws, cid, follow)
    with ws.reading() as s:
        old = s.get(Contract, cid)
        assert contracts.state_on(s, old, date(2027, 3, 2)) is ContractState.RENEWED
        assert s.get(Contract, new_id).renews_id == cid
    settlement = contracts.terminate(ws, new_id, date(2027, 8, 31))
    assert settlement.vacant_from == date(2027, 9, 1)
    assert settlement.unbilled_after[0].starts_on == date(2027, 9, 1)
    with pytest.raises(ContractRefused):
        contracts.terminate(ws, new_id, date(2027, 9, 30))  # already terminated


def test_a_contract_from_before_clauses_reads_as_a_plain_monthly_rent(ws):
    with ws.reading() as s:
        old = contracts.find_contract(s, "HT-2026-0001")
        schedule = contracts.schedule_of(s, old.id)
    assert len(schedule.lines) == 24
    assert total(schedule.lines) == D("125.40") * 95 * 24
