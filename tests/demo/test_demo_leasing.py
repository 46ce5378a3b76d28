"""The demo park's leasing: real contracts with clauses, versions, CPI, sales, leads, quotes.

Every screen of issue 11 reads this data, so the demo's contracts must be
contracts the services accept: each one is checked as the wizard checks a
new one (``services.contracts.check``), each signed one's schedule computes
through ``services.contracts.schedule_of``, and each quote's figures are the
rent engine's.
"""

from __future__ import annotations

import itertools
import json
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from demo.leasing import lead_count, terms_document
from domain.assets import BuildingKind, UnitStatus, UnitType
from domain.contracts import ContractStatus, ContractTerm, last_day
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
from domain.leasing.codec import terms_from_json, terms_to_json
from domain.leasing.lifecycle import ContractState, checkpoints, late_checkpoints
from domain.leasing.pipeline import LeadNeeds, Stage
from domain.leasing.schedule import RENT, add_months, net_effective_rent, rent_schedule, total
from domain.money import money
from domain.space_use import SpaceUse
from services import checkpoints as checkpoint_service
from services import contracts
from store.schema import (
    Building,
    CheckpointMark,
    Contract,
    ContractUnit,
    ContractVersion,
    Floor,
    Lead,
    PriceIndex,
    Quote,
    SalesReport,
    Tenant,
    Unit,
)
from store.workspace import Workspace

TODAY = date(2025, 6, 15)  # the existing demo tests' day
INFORMATIONAL = {"cpi-unknown", "sales-missing"}
KIND_TYPE = {
    BuildingKind.OFFICE: UnitType.OFFICE,
    BuildingKind.INDUSTRIAL: UnitType.INDUSTRIAL,
    BuildingKind.WAREHOUSE: UnitType.WAREHOUSE,
    BuildingKind.RETAIL: UnitType.RETAIL,
}


@dataclass
class Park:
    workspace: Workspace
    park_id: Any
    contracts: list[Contract]
    units: dict[Any, Unit]
    links: dict[Any, list[ContractUnit]]
    versions: dict[Any, list[ContractVersion]]
    leads: list[Lead]
    quotes: list[Quote]
    sales: list[SalesReport]
    indices: list[PriceIndex]
    marks: list[CheckpointMark]
    tenants: dict[Any, Tenant]
    unit_types: dict[Any, UnitType]

    def terms(self, contract: Contract) -> RentTerms:
        return terms_from_json(contract.terms)

    def signed(self) -> list[Contract]:
        return [c for c in self.contracts if c.status is not ContractStatus.DRAFT]


@pytest.fixture(scope="module")
def park(tmp_path_factory, shared_demo) -> Park:
    """The default park (1,500 units), as the existing demo tests build it: the same build,
    shared by the run (``tests/demo_parks.py``), in a copy of this module's own."""
    path = tmp_path_factory.mktemp("demo-leasing") / "demo.leasemap"
    shared_demo(path, today=TODAY)
    workspace = Workspace.open(path)
    with workspace.reading() as session:
        buildings = {b.id: b for b in session.scalars(select(Building))}
        floors = {f.id: buildings[f.building_id] for f in session.scalars(select(Floor))}
        units = {u.id: u for u in session.scalars(select(Unit))}
        links: dict[Any, list[ContractUnit]] = defaultdict(list)
        for link in session.scalars(select(ContractUnit)):
            links[link.contract_id].append(link)
        versions: dict[Any, list[ContractVersion]] = defaultdict(list)
        for version in session.scalars(select(ContractVersion).order_by(ContractVersion.number)):
            versions[version.contract_id].append(version)
        found = Park(
            workspace, contracts.park_id_of(session), list(session.scalars(select(Contract))),
            units, links, versions, list(session.scalars(select(Lead))),
            list(session.scalars(select(Quote))), list(session.scalars(select(SalesReport))),
            list(session.scalars(select(PriceIndex))),
            list(session.scalars(select(CheckpointMark))),
            {t.id: t for t in session.scalars(select(Tenant))},
            {u.id: KIND_TYPE[floors[u.floor_id].kind] for u in units.values()})
    yield found
    workspace.close()


# -- the terms documents ----------------------------------------------------------------------


def test_a_terms_document_leaves_out_only_defaults():
    """What the demo stores reads back to the very terms, with or without every clause."""
    day = date(2026, 3, 1)
    plain = RentTerms(Decimal("200.00"), Decimal(100), day, date(2029, 2, 28))
    assert terms_document(plain) == {"area": "200.00", "rate": "100", "starts_on": "2026-03-01",
                                     "ends_on": "2029-02-28"}
    full = RentTerms(
        Decimal("1200.00"), Decimal("4.5"), day, date(2031, 2, 28), basis=Basis.PER_SQM_DAY,
        cycle=Cycle.YEARLY, calendar_periods=True, thirty_day_months=True,
        rent_free=(RentFree(day, date(2026, 5, 31), RentFreeKind.FIT_OUT),
                   RentFree(date(2026, 6, 1), date(2026, 6, 30))),
        rent_free_rule=RentFreeRule.LONGER_WINS,
        escalation=Escalation(EscalationKind.CPI_RATIO, percent=Decimal(1), amount=Decimal(2),
                              steps=((date(2027, 3, 16), Decimal(5)),),
                              index={2025: Decimal("101.2")}, on_month=3, on_day=16,
                              floor=Decimal(0), cap=Decimal(5)),
        turnover=Turnover(Decimal("0.08"), Decimal(400000), {day: Decimal(520000)},
                          ((Decimal(1000000), Decimal("0.08")), (None, Decimal("0.1"))),
                          Decimal(100), Decimal(9000)),
        tiers=((Decimal(1000), Decimal("4.5")), (None, Decimal(4))),
        area_coefficient=Decimal("1.1"),
        charges=(Charge(ChargeKind.PROPERTY_FEE, Decimal(12)),
                 Charge(ChargeKind.PARKING, Decimal(800), per_sqm=False, name="车位")),
        due=DueRule(DueKind.DAY_OF_MONTH, 25),
        late_fee=LateFee(Decimal("0.0005"), capped=False, grace_days=5, from_due_date=True))
    for terms in (plain, full, replace(full, due=DueRule(days=15))):
        doc = terms_document(terms)
        assert terms_from_json(doc) == terms
        assert part_of(doc, terms_to_json(terms))
        assert len(json.dumps(doc)) <= len(json.dumps(terms_to_json(terms)))
    assert terms_document(full) == terms_to_json(full) | {
        "rent_free": [{"starts_on": "2026-03-01", "ends_on": "2026-05-31", "kind": "fit_out"},
                      {"starts_on": "2026-06-01", "ends_on": "2026-06-30"}],
        "charges": [{"kind": "property_fee", "amount": "12"},
                    {"kind": "parking", "amount": "800", "per_sqm": False, "name": "车位"}]}


def part_of(doc: Any, full: Any) -> bool:
    """Whether ``doc`` is ``full`` with some keys of its objects left out, nothing else."""
    if isinstance(doc, dict):
        return isinstance(full, dict) and all(k in full and part_of(v, full[k])
                                              for k, v in doc.items())
    if isinstance(doc, list):
        return isinstance(full, list) and len(doc) == len(full) and all(
            part_of(a, b) for a, b in zip(doc, full, strict=True))
    return type(doc) is type(full) and doc == full


# -- every contract is one the services accept ----------------------------------------------


def test_every_contract_passes_the_contract_check(park):
    """Each contract, as ``services.contracts.check`` judges a new one against the register.

    A lease terminated early and re-let after its termination date is no overlap: the
    check holds a terminated contract to the days it held its units.
    """
    problems: list[tuple[str, str, dict[str, str]]] = []
    with park.workspace.reading() as session:
        for contract in park.contracts:
            spec = contracts.spec_of(session, contract)
            problems += [(contract.code, p.code, p.params) for p in contracts.check(
                session, park.park_id, spec, exclude=contract.id)]
    assert problems == []  # not even area-mismatch: every area is the unit's, as signed


def test_contract_rows_carry_their_clauses(park):
    for contract in park.contracts:
        terms = park.terms(contract)
        assert part_of(contract.terms, terms_to_json(terms))  # the codec's, defaults left out
        assert terms_document(terms) == contract.terms
        links = park.links[contract.id]
        assert terms.area == sum(link.billable_area for link in links)
        assert {park.unit_types[link.unit_id] for link in links} == {contract.kind}
        assert (terms.starts_on, terms.ends_on) == (contract.starts_on, contract.ends_on)
        assert terms.rate == contract.rent_per_sqm_month
        assert contract.version == len(park.versions[contract.id])
        first = terms_from_json(park.versions[contract.id][0].terms) \
            if contract.version else terms
        monthly = first.area * first.rate
        assert money(monthly * 2) <= contract.deposit <= money(monthly * 3)
        rent_start = contract.rent_starts_on
        assert rent_start is not None and contract.starts_on <= rent_start <= contract.ends_on
        if contract.delivered_on is not None:  # the term starts at delivery
            assert contract.delivered_on == contract.starts_on < rent_start
            assert 28 <= (rent_start - contract.delivered_on).days <= 92
            fit_out = [f for f in terms.rent_free if f.kind is RentFreeKind.FIT_OUT]
            assert [(f.starts_on, f.ends_on) for f in fit_out] == [
                (contract.delivered_on, rent_start - timedelta(days=1))]
        else:
            assert rent_start == contract.starts_on
            assert all(f.kind is not RentFreeKind.FIT_OUT for f in terms.rent_free)


def test_about_half_of_new_lets_have_a_fit_out_delivery(park):
    new = [c for c in park.contracts if c.renews_id is None]
    delivered = sum(1 for c in new if c.delivered_on is not None)
    assert 0.4 <= delivered / len(new) <= 0.6
    assert all(c.delivered_on is None for c in park.contracts if c.renews_id is not None)


def test_every_signed_schedule_computes(park):
    """Through the service, with the park's CPI and the reported sales: nothing wrong but an
    index not published yet and months whose sales are not in."""
    seen: Counter[str] = Counter()
    with park.workspace.reading() as session:
        for contract in park.signed():
            schedule = contracts.schedule_of(session, contract.id)
            codes = {p.code for p in schedule.problems}
            assert codes <= INFORMATIONAL, (contract.code, schedule.problems[:3])
            seen.update(codes)
            if "cpi-unknown" in codes:  # billed at the floor, and the line says so
                floor = park.terms(contract).escalation.floor
                unknown = [r for line in schedule.lines for r in line.reasons
                           if r.code == "cpi" and r.params["known"] == "no"]
                assert unknown and all(Decimal(r.params["applied"]) == floor for r in unknown)
            rent = [line for line in schedule.lines if line.charge == RENT]
            assert rent and total(schedule.lines) > 0
            assert rent[0].starts_on == contract.starts_on and rent[-1].ends_on == contract.ends_on
            assert len(schedule.versions) == contract.version
    assert seen["cpi-unknown"] >= 2  # a CPI year not known yet: billed at the floor
    assert seen["sales-missing"] >= 1


def test_every_kind_of_clause_appears(park):
    found: Counter[str] = Counter()
    for contract in park.contracts:
        terms = park.terms(contract)
        clause = terms.escalation
        if clause is not None:
            found[clause.kind.value] += 1
            if clause.kind in (EscalationKind.CPI_CHANGE, EscalationKind.CPI_RATIO):
                assert clause.floor is not None and clause.cap is not None
                assert clause.floor <= clause.cap
                assert (clause.on_month, clause.on_day) == (1, 1) or clause.on_day <= 28
            if clause.kind is EscalationKind.FIXED_PERCENT:
                assert 3 <= clause.percent <= 6
            if clause.kind is EscalationKind.STEPPED:
                assert all(contract.starts_on < when <= contract.ends_on
                           for when, _ in clause.steps)
                if any(when.day != contract.starts_on.day for when, _ in clause.steps):
                    found["step mid-month"] += 1
        if terms.turnover is not None:
            assert contract.kind is UnitType.RETAIL
            assert Decimal("0.08") <= terms.turnover.rate <= Decimal("0.12")
            assert terms.cycle is Cycle.MONTHLY and terms.calendar_periods
            found["turnover natural" if terms.turnover.breakpoint is None
                  else "turnover artificial"] += 1
        if terms.tiers:
            assert terms.area > 1000
            [(bound, first), (last, rest)] = terms.tiers
            assert (bound, first, last) == (Decimal(1000), terms.rate, None) and rest < first
            found["tiers"] += 1
        if terms.area_coefficient != 1:
            found["coefficient"] += 1
        found.update(f"charge {c.kind.value}" for c in terms.charges)
        found.update(f"rent-free {f.kind.value}" for f in terms.rent_free)
        found[f"cycle {terms.cycle.value}"] += 1
        if terms.late_fee is not None:
            assert terms.late_fee.rate_per_day == Decimal("0.0005") and terms.late_fee.capped
            found["late fee"] += 1
    for kind in ("fixed_percent", "fixed_amount", "stepped", "cpi_change", "cpi_ratio",
                 "step mid-month", "turnover natural", "turnover artificial", "tiers",
                 "coefficient", "charge property_fee", "charge service", "charge parking",
                 "rent-free fit_out", "rent-free after_opening", "rent-free other",
                 "cycle monthly", "cycle quarterly", "cycle half_yearly", "cycle yearly",
                 "late fee"):
        assert found[kind] >= 1, (kind, found)
    assert found["charge property_fee"] == len(park.contracts)
    assert found["cycle quarterly"] > len(park.contracts) / 3


def test_turnover_is_on_shops_and_some_months_beat_the_breakpoint(park):
    """Two years of monthly sales; the schedule bills turnover rent in some months only."""
    months_of: dict[Any, list[date]] = defaultdict(list)
    for report in park.sales:
        months_of[report.contract_id].append(report.month)
        assert report.month.day == 1 and report.month < TODAY.replace(day=1)
        assert report.month >= add_months(TODAY.replace(day=1), -24)
        assert report.amount > 0
    turnover = {c.id: c for c in park.signed() if park.terms(c).turnover is not None}
    assert set(months_of) <= set(turnover) and months_of
    for contract_id, months in months_of.items():
        contract = turnover[contract_id]
        assert len(months) == len(set(months))
        end = min(contract.ends_on, contract.terminated_on or contract.ends_on)
        assert all(m <= end and add_months(m, 1) > contract.rent_starts_on for m in months)
    above = at_base = 0
    with park.workspace.reading() as session:
        for contract_id in list(months_of)[:25]:
            for line in contracts.schedule_of(session, contract_id).lines:
                for reason in line.reasons:
                    if reason.code == "turnover":
                        above += Decimal(reason.params["amount"]) > 0
                        at_base += Decimal(reason.params["amount"]) == 0
    assert above and at_base


def test_the_park_s_cpi_series(park):
    """2015 on, about 100 and up 0–3 % a year; the demo's own year not published yet."""
    series = sorted((p.year, p.value) for p in park.indices)
    assert [y for y, _ in series] == list(range(2015, TODAY.year))
    assert {p.series for p in park.indices} == {"CPI"}
    assert 99 <= series[0][1] <= 101
    for (_, before), (_, after) in itertools.pairwise(series):
        assert before <= after <= before * Decimal("1.031")


# -- versions and renewals -------------------------------------------------------------------


def test_version_one_mirrors_every_signed_contract(park):
    for contract in park.contracts:
        versions = park.versions[contract.id]
        if contract.status is ContractStatus.DRAFT:
            assert versions == [] and contract.version == 0
            continue
        v1 = versions[0]
        assert (v1.number, v1.reason, v1.effective_on) == (1, "sign", contract.starts_on)
        assert (v1.signed_on, v1.delivered_on, v1.rent_starts_on, v1.starts_on, v1.ends_on,
                v1.deposit) == (contract.signed_on, contract.delivered_on,
                                contract.rent_starts_on, contract.starts_on, contract.ends_on,
                                contract.deposit)
        units = {link.unit_id: link for link in park.links[contract.id]}
        assert sorted(u["unit_id"] for u in v1.units) == sorted(str(i) for i in units)
        for let in v1.units:
            unit = units[uuid.UUID(let["unit_id"])]
            assert let["unit_code"] == park.units[unit.unit_id].code
            assert Decimal(let["billable_area"]) == unit.billable_area
        assert versions[-1].terms == contract.terms  # the row's terms are the latest's


def test_some_contracts_were_amended_and_version_one_stays(park):
    amended = [c for c in park.contracts if c.version == 2]
    assert 4 <= len(amended) <= 12
    with park.workspace.reading() as session:
        for contract in amended:
            v1, v2 = park.versions[contract.id]
            assert (v2.number, v2.reason) == (2, "amend")
            assert contract.starts_on < v2.effective_on <= TODAY < contract.ends_on
            first, latest = terms_from_json(v1.terms), terms_from_json(v2.terms)
            assert first.rate != latest.rate == contract.rent_per_sqm_month
            assert contract.notes == v2.notes and v2.effective_on.isoformat() in v2.notes
            read = contracts.versions_of(session, contract.id)
            assert [v.number for v in read] == [1, 2]
            assert read[0].spec.terms == first  # version 1 reads as signed
            schedule = contracts.schedule_of(session, contract.id)
            assert any(r.code == "amendment" for line in schedule.lines for r in line.reasons)


def test_a_renewal_points_at_the_contract_it_renews(park):
    by_id = {c.id: c for c in park.contracts}
    renewals = [c for c in park.contracts if c.renews_id is not None]
    assert len(renewals) >= 5
    with park.workspace.reading() as session:
        for renewal in renewals:
            old = by_id[renewal.renews_id]
            assert old.tenant_id == renewal.tenant_id
            assert renewal.starts_on == old.ends_on + timedelta(days=1)
            assert {link.unit_id for link in park.links[old.id]} == {
                link.unit_id for link in park.links[renewal.id]}
            assert renewal.notes == f"续签 {old.code}"
            assert contracts.state_on(session, old, TODAY) is ContractState.RENEWED


# -- the pipeline -------------------------------------------------------------------------------


def test_leads_in_every_stage(park):
    assert 45 <= len(park.leads) <= 75 and len(park.leads) == lead_count(
        sum(1 for u in park.units.values() if u.space_use is SpaceUse.LEASABLE))
    assert 380 <= lead_count(20_000) <= 420
    stages = Counter(lead.stage for lead in park.leads)
    assert set(stages) == {s.value for s in Stage}
    companies = [lead.company for lead in park.leads]
    assert len(set(companies)) == len(companies)
    tags = {t for u in park.units.values() for t in u.tags}
    contract_of = {c.lead_id: c for c in park.contracts if c.lead_id is not None}
    for lead in park.leads:
        assert lead.company.endswith("有限公司") and lead.contact_name and lead.industry
        assert lead.owner and lead.source and lead.code.startswith("XS-")
        assert set(lead.tags) <= tags
        LeadNeeds(lead.area_min, lead.area_max, lead.budget, lead.move_in_on,
                  lead.unit_type, frozenset(lead.tags))  # what matching reads: valid
        assert bool(lead.lost_reason) == (lead.stage == Stage.LOST.value)
        if lead.stage == Stage.SIGNED.value:
            contract = contract_of[lead.id]
            assert lead.tenant_id == contract.tenant_id
            assert lead.company == park.tenants[contract.tenant_id].name
            assert lead.stage_on == contract.signed_on <= TODAY
            assert contract.status is ContractStatus.SIGNED and contract.renews_id is None
        else:
            assert lead.tenant_id is None and lead.id not in contract_of
            assert lead.company not in {t.name for t in park.tenants.values()}
            assert lead.stage_on <= TODAY


def test_every_quoted_lead_has_a_quote_on_vacant_units(park):
    quotes: dict[Any, list[Quote]] = defaultdict(list)
    for quote in park.quotes:
        quotes[quote.lead_id].append(quote)
    leads = {lead.id: lead for lead in park.leads}
    quoted = [lead for lead in park.leads if lead.stage == Stage.QUOTED.value]
    assert quoted and all(quotes[lead.id] for lead in quoted)
    holds: dict[str, list[tuple[date, date]]] = defaultdict(list)
    for contract in park.signed():
        term = ContractTerm(contract.signed_on, contract.starts_on, contract.ends_on,
                            contract.status, contract.terminated_on)
        for link in park.links[contract.id]:
            holds[str(link.unit_id)].append((contract.starts_on, last_day(term)))
    codes = [q.code for q in park.quotes]
    assert len(set(codes)) == len(codes)
    for quote in park.quotes:
        lead = leads[quote.lead_id]
        terms = terms_from_json(quote.terms)
        assert part_of(quote.terms, terms_to_json(terms))
        lines, problems = rent_schedule(terms)
        assert {p.code for p in problems} <= INFORMATIONAL
        if quote.status == "open":
            assert problems == []
        assert quote.total_rent == total(lines) > 0
        assert quote.net_effective_rent == net_effective_rent(terms, lines)
        assert terms.area == sum(Decimal(u["billable_area"]) for u in quote.units)
        if lead.stage == Stage.QUOTED.value:
            assert (quote.status, quote.contract_id) == ("open", None)
            assert quote.quoted_on == lead.stage_on and quote.valid_until > quote.quoted_on
            for let in quote.units:
                unit = next(u for u in park.units.values() if str(u.id) == let["unit_id"])
                assert unit.status is UnitStatus.LEASABLE
                assert unit.space_use is SpaceUse.LEASABLE
                assert Decimal(let["billable_area"]) == unit.billable_area
                assert lead.area_min <= unit.billable_area <= lead.area_max
                assert all(end < terms.starts_on for _, end in holds[let["unit_id"]])
        else:  # the quote a signed lead accepted: its contract's terms as signed
            assert lead.stage == Stage.SIGNED.value and quote.status == "accepted"
            contract = next(c for c in park.contracts if c.id == quote.contract_id)
            assert contract.lead_id == lead.id
            assert quote.terms == park.versions[contract.id][0].terms


# -- checkpoints ---------------------------------------------------------------------------------


def test_the_due_list_shows_what_is_really_late(park):
    """Every checkpoint due before today is marked on the running contracts but for one
    forgotten on a few, so the park's due list is a short list, not every contract."""
    marks: dict[Any, dict[str, date]] = defaultdict(dict)
    for mark in park.marks:
        assert mark.done_on <= TODAY and mark.by
        marks[mark.contract_id][mark.code] = mark.done_on
    running = [c for c in park.contracts if c.status is ContractStatus.SIGNED
               and c.starts_on < TODAY and c.ends_on >= TODAY - timedelta(days=30)]
    late_contracts = 0
    for contract in running:
        found = checkpoints(contract.signed_on, contract.delivered_on, contract.rent_starts_on,
                            None, contract.starts_on, contract.ends_on)
        alerts = late_checkpoints(found, marks[contract.id], TODAY)
        assert len(alerts) <= 1, (contract.code, alerts)
        late_contracts += bool(alerts)
    assert 0 < late_contracts <= 0.25 * len(running)
    codes = Counter(m.code.split("-")[0] for m in park.marks)
    assert codes["delivered"] >= 0.8 * len(running)
    assert codes["first"] >= 0.8 * len(running) and codes["review"] and codes["end"]
    with park.workspace.reading() as session:
        late = [item for item in checkpoint_service.due_list(session, park.park_id, TODAY)
                if item.late]
    assert 0 < len({item.contract_id for item in late}) <= 0.25 * len(running)
