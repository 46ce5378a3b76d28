"""Matching a lead on real workspaces: a row of offices with walls between them, and daoshi.

The space floor (``tests/space_floor.py``): offices ZD-A-0301 … 0305, 155.65 m²
leasable each, side by side with 0.2 m walls between; a corridor (common) below;
ZD-A-0301 let from 2026-01-01 to 2028-12-31.
"""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from domain.assets import UnitStatus, UnitType
from domain.contracts import ContractStatus
from domain.leasing.matching import area_window
from domain.leasing.pipeline import LeadNeeds
from services.find_space import find_space
from services.lead_matching import RankedMatch, forget_cached, match_lead
from store.read_model import ReadModel, Scope
from store.schema import Contract, ContractUnit, Tenant, Unit
from store.workspace import Workspace
from tests.services.test_find_space import PAIR, daoshi_park, pair_areas
from tests.small_park import TODAY as SMALL_TODAY
from tests.space_floor import TODAY, build_space_floor

D = Decimal
OFFICE = D("155.65")


@pytest.fixture(scope="module")
def floor_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("match") / "w.leasemap"
    build_space_floor(path, offices=5)
    return path


@pytest.fixture
def path(floor_file: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "w.leasemap"
    shutil.copy(floor_file, copy)
    return copy


@pytest.fixture
def reader(path: Path):
    forget_cached()
    model = ReadModel(path)
    yield model
    model.close()


def edit(path: Path, **changes: dict[str, object]) -> None:
    workspace = Workspace.open(path)
    try:
        with workspace.transaction() as s:
            for code, values in changes.items():
                unit = s.scalars(select(Unit).where(Unit.code == code)).one()
                for name, value in values.items():
                    setattr(unit, name, value)
    finally:
        workspace.close()


def sign(path: Path, code: str, contract: str, starts: date, ends: date,
         signed: date = date(2026, 11, 1)) -> None:
    workspace = Workspace.open(path)
    try:
        with workspace.transaction() as s:
            unit = s.scalars(select(Unit).where(Unit.code == code)).one()
            tenant = Tenant(park_id=unit.park_id, code=f"T-{contract}", name="后续租户有限公司")
            s.add(tenant)
            s.flush()
            row = Contract(park_id=unit.park_id, tenant_id=tenant.id, code=contract,
                           status=ContractStatus.SIGNED, signed_on=signed, starts_on=starts,
                           ends_on=ends, rent_per_sqm_month=D("90.0000"))
            s.add(row)
            s.flush()
            s.add(ContractUnit(contract_id=row.id, unit_id=unit.id,
                               billable_area=unit.billable_area))
    finally:
        workspace.close()


def codes(found: list[RankedMatch]) -> list[tuple[str, ...]]:
    return [m.unit_codes for m in found]


def office(n: int) -> str:
    return f"ZD-A-03{n:02d}"


def test_two_neighbouring_offices_match_a_lead_for_twice_the_area(reader):
    found = match_lead(reader, LeadNeeds(D(300), D(330)), TODAY)
    assert codes(found)[:3] == [(office(2), office(3)), (office(3), office(4)),
                                (office(4), office(5))]
    best = found[0]
    assert best.rank == 1 and best.score == 97 and best.currency == "CNY"
    assert best.candidate.area == 2 * OFFICE and best.candidate.unit_areas == (OFFICE, OFFICE)
    assert best.candidate.asking_rent == D("90.0000")
    assert [(r.code, r.points) for r in best.match.reasons] == [
        ("area-fit", 40), ("budget-open", 20), ("type-any", 15), ("tags-any", 15),
        ("available", 10), ("extra-units", -3)]
    # what "show on plan" highlights: the units, on their floor
    [park] = reader.park_tree()
    [building] = park.buildings
    assert best.candidate.floor_id == building.floors[0].id
    assert (best.candidate.building_code, best.candidate.level) == ("A", 3)
    assert len(best.unit_ids) == 2
    # never the let office, the corridor, or two offices that are not neighbours
    everything = match_lead(reader, LeadNeeds(D(100), D(800)), TODAY, limit=200)
    every_code = {c for m in everything for c in m.unit_codes}
    assert office(1) not in every_code and "ZD-A-03C1" not in every_code
    assert (office(2), office(4)) not in codes(everything)
    assert all(m.rank == i for i, m in enumerate(everything, 1))
    assert [m.score for m in everything] == sorted((m.score for m in everything), reverse=True)
    # singles and sets of 2 to 4 of the 4 vacant neighbours in a row: 4 + 3 + 2 + 1
    assert len(everything) == 10


def test_type_tags_and_budget_order_the_singles(path, reader):
    edit(path, **{office(4): {"tags": ["货梯", "可注册"]},
                  office(3): {"unit_type": UnitType.RETAIL},
                  office(2): {"asking_rent": D("112.5000")}})
    needs = LeadNeeds(D(140), D(170), budget=D(100), unit_type=UnitType.OFFICE,
                      tags=frozenset({"货梯"}))
    found = match_lead(reader, needs, TODAY)
    assert codes(found) == [(office(4),), (office(5),), (office(2),), (office(3),)]
    # 0305: the tag missing; 0302 also 12.5 % over budget (10 of 20); 0303 retail (0 of 15)
    assert [m.score for m in found] == [100, 85, 75, 70]
    by_code = {m.unit_codes[0]: m for m in found}
    tags = next(r for r in by_code[office(5)].match.reasons if r.code == "tags")
    assert tags.params == {"wanted": "货梯", "present": "", "missing": "货梯"}
    # a set carries its units' tags and types: 0303 + 0304 is half retail, has the lift
    wide = LeadNeeds(D(300), D(330), unit_type=UnitType.OFFICE, tags=frozenset({"货梯"}))
    pair = next(m for m in match_lead(reader, wide, TODAY) if m.unit_codes == (office(3),
                                                                                  office(4)))
    assert [(r.code, r.points) for r in pair.match.reasons][2:4] == [("type-other", 8),
                                                                     ("tags", 15)]


def test_a_let_office_is_offered_when_free_by_the_move_in_date(path, reader):
    late = LeadNeeds(D(140), D(170), move_in_on=date(2029, 2, 1))
    found = match_lead(reader, late, TODAY)
    first = next(m for m in found if m.unit_codes == (office(1),))
    assert first.candidate.available_from == date(2029, 1, 1)  # the day after the lease
    assert first.score == 100
    assert all(m.candidate.available_from == TODAY for m in found if m is not first)
    # moving in before the lease ends: not offered
    early = LeadNeeds(D(140), D(170), move_in_on=date(2028, 12, 31))
    assert (office(1),) not in codes(match_lead(reader, early, TODAY))
    # a follow-on lease signed: not free after all (the same reader sees the write)
    sign(path, office(1), "HT-2", date(2029, 1, 1), date(2031, 12, 31))
    assert (office(1),) not in codes(match_lead(reader, late, TODAY))


def test_reserved_signed_and_common_units_are_never_offered(path, reader):
    edit(path, **{office(5): {"status": UnitStatus.RESERVED}})
    sign(path, office(3), "HT-3", date(2027, 1, 1), date(2027, 12, 31))  # signed, not started
    found = match_lead(reader, LeadNeeds(D(100), D(800)), TODAY, limit=200)
    assert codes(found) == [(office(2),), (office(4),)]  # 0303 between them is taken
    # once 0303's lease is over it joins them again
    after = match_lead(reader, LeadNeeds(D(400), D(500)), date(2028, 1, 1))
    assert after[0].unit_codes == (office(2), office(3), office(4))


def test_where_to_look_and_how_many(path, reader):
    [park] = reader.park_tree()
    needs = LeadNeeds(D(100), D(800))
    assert codes(match_lead(reader, needs, TODAY, "ZD")) == codes(
        match_lead(reader, needs, TODAY, park.id))
    assert match_lead(reader, LeadNeeds(D(100), D(800), building_codes=("B",)), TODAY) == []
    assert len(match_lead(reader, LeadNeeds(D(100), D(800), building_codes=("A",)),
                          TODAY)) == 10
    assert len(match_lead(reader, needs, TODAY, limit=3)) == 3
    singles = match_lead(reader, needs, TODAY, max_units=1)
    assert codes(singles) == [(office(n),) for n in (2, 3, 4, 5)]
    with pytest.raises(LookupError):
        match_lead(reader, needs, TODAY, "XX")
    with pytest.raises(ValueError):
        match_lead(reader, needs, TODAY, limit=0)


def test_the_caches_give_what_a_fresh_read_gives(path, reader):
    needs = LeadNeeds(D(300), D(330), budget=D(95))
    first = match_lead(reader, needs, TODAY)
    assert match_lead(reader, needs, TODAY) == first
    other = match_lead(reader, LeadNeeds(D(140), D(170)), TODAY)  # another lead, same day
    forget_cached()
    fresh = ReadModel(path)
    try:
        assert match_lead(fresh, needs, TODAY) == first
        assert match_lead(fresh, LeadNeeds(D(140), D(170)), TODAY) == other
    finally:
        fresh.close()


@pytest.fixture(scope="module")
def daoshi(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return daoshi_park(tmp_path_factory.mktemp("match-daoshi") / "w.leasemap")


def test_daoshi_offices_across_a_real_wall(daoshi):
    forget_cached()
    reader = ReadModel(daoshi)
    try:
        [park] = reader.park_tree()
        building = next(b for b in park.buildings if b.code == "G")
        scope = Scope("building", building.id)
        asked = sum(pair_areas(reader), D(0))
        [pair] = find_space(reader, scope, asked, SMALL_TODAY, limit=1)
        assert pair.unit_codes == PAIR
        needs = LeadNeeds(asked - 2, asked + 2, building_codes=("G",))
        found = match_lead(reader, needs, SMALL_TODAY, limit=50)
        match = found[codes(found).index(PAIR)]
        assert match.score == 97 and match.candidate.area == asked
        assert match.candidate.floor_id == pair.floor_id
        # the best set: nothing with more units ranks above it
        assert all(len(m.unit_codes) == 1 for m in found[:codes(found).index(PAIR)])
        assert match.candidate.asking_rent is None  # the drawing gave no asking rents
        assert ("budget-open", 20) in [(r.code, r.points) for r in match.match.reasons]
        # every set offered is one the space search finds: neighbours across walls
        lo, hi = area_window(needs)
        middle = (needs.area_min + needs.area_max) / 2
        sets = {c.unit_codes for c in find_space(reader, scope, middle, SMALL_TODAY, limit=500,
                                                 at_least=lo / middle, at_most=hi / middle)}
        assert all(m.unit_codes in sets for m in found if len(m.unit_codes) > 1)
        assert {m.candidate.building_code for m in found} == {"G"}
        # the small park's signed-ahead unit A-0102 is never offered (signed, not started)
        whole = match_lead(reader, LeadNeeds(D(100), D(150)), SMALL_TODAY, limit=500)
        assert ("ZD-A-0102",) not in codes(whole) and ("ZD-A-0101",) not in codes(whole)
        assert ("ZD-A-0103",) in codes(whole)
    finally:
        reader.close()
