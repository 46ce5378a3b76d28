"""Amendments that add or release units: each unit is held from and to its own days.

The maps, the table, the status bar's totals and validation all read a unit's
hold the same way (``domain.contracts.unit_term``): an added unit is the
contract's from the amendment's date, a released one is vacant from it, and
the earlier version still lists what it was signed with.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from domain.contracts import Occupancy
from domain.leasing.contract import ContractSpec
from services import contracts
from services.contracts import ContractRefused
from store.read_model import ReadModel
from store.schema import ContractUnit, ContractVersion, Outbox, Unit
from store.workspace import Workspace
from tests.small_leases import lease_spec, open_small, park_id

AMENDED = date(2027, 3, 1)


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "park.leasemap")
    yield workspace
    workspace.close()


def _with_units(spec: ContractSpec, *others: ContractSpec) -> ContractSpec:
    """``spec`` letting its own units and those of ``others``; the rent's area follows."""
    units = tuple(u for s in (spec, *others) for u in s.units)
    area = sum((u.billable_area for u in units), Decimal(0))
    return dataclasses.replace(spec, units=units,
                               terms=dataclasses.replace(spec.terms, area=area))


def _without(spec: ContractSpec, code: str) -> ContractSpec:
    units = tuple(u for u in spec.units if u.unit_code != code)
    area = sum((u.billable_area for u in units), Decimal(0))
    return dataclasses.replace(spec, units=units,
                               terms=dataclasses.replace(spec.terms, area=area))


def _occupancy(ws: Workspace, code: str, day: date) -> tuple[Occupancy, str | None]:
    row = next(r for r in ReadModel(ws.path).unit_rows(None, day) if r.code == code)
    return row.occupancy, row.contract_code or None


def _leased_area(ws: Workspace, day: date) -> Decimal:
    """The status bar's figure (the grouped query) and the table's agree."""
    reader = ReadModel(ws.path)
    rows = reader.unit_rows(None, day)
    by_rows = sum((r.leasable_area for r in rows if r.occupancy is Occupancy.ACTIVE),
                  Decimal(0))
    summary = reader.summary(None, day).leased_area
    assert summary == by_rows
    return summary


def test_a_unit_added_by_amendment_is_held_from_the_amendment_date(ws):
    one = lease_spec(ws, "ZD-A-0103", "HT-1")
    cid = contracts.create_signed(ws, park_id(ws), one)
    both = _with_units(one, lease_spec(ws, "ZD-B-0101", "x"))
    plan = contracts.amend(ws, cid, both, AMENDED)
    added = [c for c in plan.changes if c.field == "units[ZD-B-0101]"]
    assert [(c.before, c.after.held_from) for c in added] == [(None, AMENDED)]
    assert ("terms.area", Decimal("125.40"), Decimal("250.80")) in {
        (c.field, c.before, c.after) for c in plan.changes}

    assert _occupancy(ws, "ZD-B-0101", date(2026, 6, 1)) == (Occupancy.NONE, None)
    assert _occupancy(ws, "ZD-B-0101", date(2027, 2, 28)) == (Occupancy.NONE, None)
    assert _occupancy(ws, "ZD-B-0101", AMENDED) == (Occupancy.ACTIVE, "HT-1")
    assert _occupancy(ws, "ZD-A-0103", date(2026, 6, 1)) == (Occupancy.ACTIVE, "HT-1")
    for day in (date(2026, 6, 1), date(2027, 2, 28), AMENDED, date(2029, 3, 1)):
        _leased_area(ws, day)

    with ws.reading() as s:
        link = s.scalar(select(ContractUnit).join(Unit, Unit.id == ContractUnit.unit_id)
                        .where(Unit.code == "ZD-B-0101"))
        assert link.held_from == AMENDED and link.held_to is None
        v1, v2 = contracts.versions_of(s, cid)
        assert [u.unit_code for u in v1.spec.units] == ["ZD-A-0103"]
        assert {u.unit_code: u.held_from for u in v2.spec.units} == {
            "ZD-A-0103": None, "ZD-B-0101": AMENDED}
        lines = contracts.schedule_of(s, cid).lines
        rent = {x.starts_on: x.amount for x in lines if x.charge == "rent"}
    assert rent[date(2027, 2, 1)] == Decimal("12540.00")  # 125.40 m² × 100
    assert rent[AMENDED] == Decimal("25080.00")  # both units from the amendment


def test_a_released_unit_is_vacant_from_the_amendment_and_version_one_keeps_it(ws):
    both = _with_units(lease_spec(ws, "ZD-A-0103", "HT-1"), lease_spec(ws, "ZD-B-0101", "x"))
    cid = contracts.create_signed(ws, park_id(ws), both)
    contracts.amend(ws, cid, _without(both, "ZD-B-0101"), AMENDED)

    assert _occupancy(ws, "ZD-B-0101", date(2027, 2, 28)) == (Occupancy.ACTIVE, "HT-1")
    assert _occupancy(ws, "ZD-B-0101", AMENDED) == (Occupancy.NONE, None)
    assert _occupancy(ws, "ZD-A-0103", AMENDED) == (Occupancy.ACTIVE, "HT-1")
    for day in (date(2026, 6, 1), date(2027, 2, 28), AMENDED, date(2029, 3, 1)):
        _leased_area(ws, day)
    with ws.reading() as s:
        v1, v2 = contracts.versions_of(s, cid)
        assert [u.unit_code for u in v1.spec.units] == ["ZD-A-0103", "ZD-B-0101"]
        assert [u.unit_code for u in v2.spec.units] == ["ZD-A-0103"]
        assert [u.unit_code for u in contracts.spec_of(
            s, contracts.find_contract(s, "HT-1")).units] == ["ZD-A-0103"]

    # The released unit may be let again from the amendment's date, not a day before.
    early = lease_spec(ws, "ZD-B-0101", "HT-2", start=date(2027, 2, 1), end=date(2028, 1, 31))
    with pytest.raises(ContractRefused) as refused:
        contracts.create_signed(ws, park_id(ws), early)
    [problem] = [p for p in refused.value.problems if p.code == "unit-leased"]
    assert problem.params["contract"] == "HT-1"
    assert problem.params["last_day"] == "2027-02-28"
    contracts.create_signed(ws, park_id(ws), dataclasses.replace(
        early, terms=dataclasses.replace(early.terms, starts_on=AMENDED),
        delivered_on=AMENDED))
    assert _occupancy(ws, "ZD-B-0101", AMENDED) == (Occupancy.ACTIVE, "HT-2")


def test_a_released_unit_cannot_come_back_by_amendment(ws):
    both = _with_units(lease_spec(ws, "ZD-A-0103", "HT-1"), lease_spec(ws, "ZD-B-0101", "x"))
    cid = contracts.create_signed(ws, park_id(ws), both)
    contracts.amend(ws, cid, _without(both, "ZD-B-0101"), AMENDED)
    with ws.reading() as s:
        outbox = s.scalar(select(func.count()).select_from(Outbox))
    with pytest.raises(ContractRefused) as refused:
        contracts.amend(ws, cid, both, date(2027, 9, 1))
    assert refused.value.code == "amendment-unit-released"
    with ws.reading() as s:
        assert s.scalar(select(func.count()).select_from(Outbox)) == outbox
        assert s.scalar(select(func.count()).select_from(ContractVersion)) == 2


def test_adding_a_unit_someone_else_holds_then_is_refused_and_nothing_is_written(ws):
    one = lease_spec(ws, "ZD-A-0103", "HT-1")
    cid = contracts.create_signed(ws, park_id(ws), one)
    other = lease_spec(ws, "ZD-B-0101", "HT-2", start=date(2026, 3, 1), end=date(2027, 5, 31))
    contracts.create_signed(ws, park_id(ws), other)
    both = _with_units(one, lease_spec(ws, "ZD-B-0101", "x"))
    with ws.reading() as s:
        outbox = s.scalar(select(func.count()).select_from(Outbox))
    with pytest.raises(ContractRefused) as refused:
        contracts.amend(ws, cid, both, AMENDED)  # HT-2 holds it to 31 May 2027
    assert [p.params["contract"] for p in refused.value.problems
            if p.code == "unit-leased"] == ["HT-2"]
    with ws.reading() as s:
        assert s.scalar(select(func.count()).select_from(Outbox)) == outbox
    # From the day after HT-2's end the unit is free: only the added days are checked.
    contracts.amend(ws, cid, both, date(2027, 6, 1))
    assert _occupancy(ws, "ZD-B-0101", date(2027, 5, 31)) == (Occupancy.ACTIVE, "HT-2")
    assert _occupancy(ws, "ZD-B-0101", date(2027, 6, 1)) == (Occupancy.ACTIVE, "HT-1")


def test_a_unit_released_from_the_start_was_never_held(ws):
    both = _with_units(lease_spec(ws, "ZD-A-0103", "HT-1"), lease_spec(ws, "ZD-B-0101", "x"))
    cid = contracts.create_signed(ws, park_id(ws), both)
    contracts.amend(ws, cid, _without(both, "ZD-B-0101"), both.starts_on)
    assert _occupancy(ws, "ZD-B-0101", date(2026, 6, 1)) == (Occupancy.NONE, None)
    with ws.reading() as s:
        link = s.scalar(select(ContractUnit).join(Unit, Unit.id == ContractUnit.unit_id)
                        .where(Unit.code == "ZD-B-0101"))
        assert link.archived


def test_a_unit_added_after_the_end_is_refused_naming_the_unit(ws):
    one = lease_spec(ws, "ZD-A-0103", "HT-1", end=date(2027, 2, 28))
    cid = contracts.create_signed(ws, park_id(ws), one)
    longer = dataclasses.replace(one, terms=dataclasses.replace(one.terms,
                                                                ends_on=date(2027, 12, 31)))
    both = _with_units(longer, lease_spec(ws, "ZD-B-0101", "x"))
    shorter = dataclasses.replace(both, terms=dataclasses.replace(both.terms,
                                                                  ends_on=date(2027, 1, 31)))
    with pytest.raises(ContractRefused) as refused:
        contracts.amend(ws, cid, shorter, date(2027, 2, 1))
    assert ("units[ZD-B-0101]", "unit-held-outside-term") in {
        (p.field, p.code) for p in refused.value.problems}
    contracts.amend(ws, cid, both, AMENDED)  # extended to the year's end, with the unit
    assert _occupancy(ws, "ZD-B-0101", date(2027, 12, 31)) == (Occupancy.ACTIVE, "HT-1")
