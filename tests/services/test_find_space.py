"""Find space on a real workspace: daoshi's floor 1 imported as building G (issue 10).

On the drawing no two rooms touch: the wall between two offices is left out
of both, 0.1–0.2 m wide. ZD-G-104 (综合考务办公室, 66.21 m² inside) and ZD-G-106
(团委，学生工作办公室, 66.77 m² inside) are such neighbours; asked for their
leasable areas together (each with its share of the floor's common area, as
the import allocates it), the search offers them as one candidate, first.
"""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from domain.contracts import ContractStatus
from domain.money import money
from domain.space_use import SpaceUse
from services.find_space import SpaceCandidate, find_space, forget_cached
from spatial.geometry import polygon_from_wkb
from store.read_model import ReadModel, Scope
from store.schema import Contract, ContractUnit, Tenant, Unit
from store.workspace import Workspace
from tests import corpus
from tests.small_park import TODAY, build_small_workspace

PAIR = ("ZD-G-104", "ZD-G-106")


def daoshi_park(path: Path) -> Path:
    """The small park at ``path`` with daoshi's floor 1 imported as building G, level 1."""
    from services.importing import apply_plan, read

    corpus.require()
    build_small_workspace(path)
    workspace = Workspace.open(path)
    try:
        apply_plan(workspace, read(corpus.CORPUS / "daoshi" / "floor1.dxf"), "G", 1,
                   confirmed=True)
    finally:
        workspace.close()
    return path


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once, copied for each test."""
    return daoshi_park(tmp_path_factory.mktemp("find") / "w.leasemap")


@pytest.fixture
def path(imported: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "w.leasemap"
    shutil.copy(imported, copy)
    return copy


@pytest.fixture
def reader(path: Path):
    forget_cached()
    model = ReadModel(path)
    yield model
    model.close()


def scope_of(reader: ReadModel, code: str) -> Scope:
    [park] = reader.park_tree()
    return Scope("building", next(b.id for b in park.buildings if b.code == code))


def park_scope(reader: ReadModel) -> Scope:
    return Scope("park", reader.park_tree()[0].id)


def codes(found: list[SpaceCandidate]) -> list[tuple[str, ...]]:
    return [c.unit_codes for c in found]


def edit_units(path: Path, **changes: dict[str, object]) -> None:
    """Set attributes of units by code: ``edit_units(p, **{"ZD-G-104": {...}})``."""
    workspace = Workspace.open(path)
    try:
        with workspace.transaction() as s:
            for code, values in changes.items():
                unit = s.scalars(select(Unit).where(Unit.code == code)).one()
                for name, value in values.items():
                    setattr(unit, name, value)
    finally:
        workspace.close()


def sign(path: Path, code: str, starts: date, ends: date) -> None:
    """A signed contract on one unit, as tests/small_park.py makes them."""
    workspace = Workspace.open(path)
    try:
        with workspace.transaction() as s:
            unit = s.scalars(select(Unit).where(Unit.code == code)).one()
            tenant = Tenant(park_id=unit.park_id, code="T104", name="测试租户有限公司",
                            short_name="测试租户")
            s.add(tenant)
            s.flush()
            contract = Contract(park_id=unit.park_id, tenant_id=tenant.id, code="HT-2026-0104",
                                status=ContractStatus.SIGNED, signed_on=date(2025, 12, 1),
                                starts_on=starts, ends_on=ends,
                                rent_per_sqm_month=Decimal("90.0000"))
            s.add(contract)
            s.flush()
            s.add(ContractUnit(contract_id=contract.id, unit_id=unit.id,
                               billable_area=unit.billable_area))
    finally:
        workspace.close()


def pair_areas(reader: ReadModel) -> list[Decimal]:
    """The two offices' leasable areas, as the import gave them."""
    areas = {u.code: u.facts.area for u in _map_units(reader, scope_of(reader, "G"))}
    return [areas[code] for code in PAIR]


def test_two_neighbouring_offices_across_a_wall_are_one_candidate(reader):
    areas = pair_areas(reader)
    asked = sum(areas, Decimal(0))
    found = find_space(reader, scope_of(reader, "G"), asked, TODAY)
    assert found and found[0].unit_codes == PAIR
    best = found[0]
    assert [u.area for u in best.units] == areas and best.area == asked
    assert (best.building_code, best.level, best.floor_name) == ("G", 1, "1F")
    assert best.share == Decimal("100.0") and best.fit == Decimal("0.0000")
    assert best.rent is None and best.currency == "CNY"  # the drawing gave no asking rents
    # they do not touch: the wall between them (0.1–0.2 m) is in neither outline
    outlines = {u.code: polygon_from_wkb(u.geometry)
                for u in _map_units(reader, scope_of(reader, "G")) if u.code in PAIR}
    assert 0.05 < outlines[PAIR[0]].distance(outlines[PAIR[1]]) < 0.5
    # the candidates: within 90–150 % of the area, at most six units, no repeats
    assert all(asked * Decimal("0.9") <= c.area <= asked * Decimal("1.5")
               and 1 <= len(c.units) <= 6 for c in found)
    assert len(set(codes(found))) == len(found) > 1
    # asked for one office's area, the pair is too big to be offered at all
    alone = find_space(reader, scope_of(reader, "G"), areas[0], TODAY, limit=50)
    assert PAIR not in codes(alone) and (PAIR[0],) in codes(alone)


def test_asking_rents_total_per_month_and_rank_equal_fits(path, reader):
    edit_units(path, **{"ZD-G-104": {"asking_rent": Decimal("80.5000")},
                        "ZD-G-106": {"asking_rent": Decimal("79.1234")}})
    forget_cached()
    areas = pair_areas(reader)
    [best] = find_space(reader, scope_of(reader, "G"), sum(areas, Decimal(0)), TODAY, limit=1)
    assert best.unit_codes == PAIR
    assert best.rent == money(areas[0] * Decimal("80.5") + areas[1] * Decimal("79.1234"))
    assert best.units[0].asking_rent == Decimal("80.5000")


def test_a_leased_or_signed_unit_is_never_in_a_candidate(path, reader):
    scope = scope_of(reader, "G")
    asked = sum(pair_areas(reader), Decimal(0))
    assert PAIR in codes(find_space(reader, scope, asked, TODAY))
    sign(path, "ZD-G-104", date(2026, 1, 1), date(2027, 6, 30))  # same reader: read again
    for share in ("0.25", "0.5", "1", "1.5", "2.5", "4"):
        for candidate in find_space(reader, scope, asked * Decimal(share), TODAY, limit=50):
            assert "ZD-G-104" not in candidate.unit_codes, (share, candidate)
    # free again after the lease ends: "available by" the day asked
    later = find_space(reader, scope, asked, date(2027, 7, 1))
    assert later[0].unit_codes == PAIR
    # signed, not started on the day: not vacant either
    assert PAIR not in codes(find_space(reader, scope, asked, date(2025, 12, 15)))


def test_common_area_is_never_offered(path, reader):
    scope = scope_of(reader, "G")
    asked = sum(pair_areas(reader), Decimal(0))
    edit_units(path, **{"ZD-G-106": {"space_use": SpaceUse.COMMON}})
    found = find_space(reader, scope, asked, TODAY, limit=50)
    assert found and all("ZD-G-106" not in c.unit_codes for c in found)
    # the import's own: the corridor every room opens on is common, so never offered
    corridor = next(u for u in _map_units(reader, scope) if u.name == "走廊")
    assert corridor.facts.use is SpaceUse.COMMON
    everything = find_space(reader, scope, Decimal(10_000), TODAY, at_least=Decimal(0),
                            limit=200)
    assert everything and all(corridor.code not in c.unit_codes for c in everything)


def test_levels_and_the_park(reader):
    park = park_scope(reader)
    upstairs = find_space(reader, park, Decimal(133), TODAY, levels=(2, 9))  # G is level 1
    assert sorted(codes(upstairs)) == [("ZD-A-0201",), ("ZD-A-0202",), ("ZD-A-0203",)]
    assert {(c.building_code, c.level, c.floor_name) for c in upstairs} == {("A", 2, "2F")}
    asked = sum(pair_areas(reader), Decimal(0))
    assert find_space(reader, park, asked, TODAY, levels=(-1, 1))[0].unit_codes == PAIR
    # building A's units have no outline: each is offered alone, never with another
    alone = find_space(reader, scope_of(reader, "A"), Decimal("125.40"), TODAY, limit=50)
    assert sorted(codes(alone)) == [("ZD-A-0103",), ("ZD-A-0201",), ("ZD-A-0202",),
                                    ("ZD-A-0203",)]
    assert all(c.area == Decimal("125.40") and c.rent == Decimal("12351.90") for c in alone)
    with pytest.raises(ValueError):
        find_space(reader, park, Decimal(133), TODAY, levels=(3, 1))
    with pytest.raises(ValueError):
        find_space(reader, park, Decimal(0), TODAY)


def test_a_second_search_gives_the_same_from_the_caches(reader):
    scope = scope_of(reader, "G")
    first = find_space(reader, scope, Decimal(300), TODAY)
    assert first == find_space(reader, scope, Decimal(300), TODAY)
    forget_cached()
    assert first == find_space(reader, scope, Decimal(300), TODAY)


def _map_units(reader: ReadModel, scope: Scope):
    from store.map_query import map_units

    return map_units(reader, scope, TODAY)
