"""Issue 8: one truth table of what a unit is on a date, and every consumer agrees with it.

A real workspace holds one 100 m² unit per cell of ``domain.occupancy``'s
table (five statuses × no contract / signed, not started / running), the
not-leasable row's contracts standing for old records written before signing
was refused. Each cell is then read through every consumer: the read model's
rows and summary, the map's rent class, vacancy and KPIs, the unit table's
filters, the stacking rows and park map, the status bar and ``leasemap info``.
"""

from __future__ import annotations

import os
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from domain.assets import BuildingKind, UnitStatus, UnitType
from domain.contracts import ContractStatus, Occupancy
from domain.map_modes import (
    MapMode,
    RentClass,
    days_vacant,
    map_kpis,
    mode_value,
    rent_class,
    vacancy_loss,
)
from domain.occupancy import OccupancySummary, UnitState, may_sign
from store.read_model import ReadModel, Scope, UnitRow, summarize
from store.schema import Building, Contract, ContractUnit, Floor, Park, Tenant, Unit
from store.workspace import Workspace
from tests.small_park import TODAY

DAY = TODAY
AREA = Decimal("100.00")
FREE, SIGNED, ACTIVE = Occupancy.NONE, Occupancy.SIGNED_NOT_STARTED, Occupancy.ACTIVE
TABLE = {
    UnitStatus.LEASABLE: (UnitState.VACANT, UnitState.SIGNED, UnitState.LEASED),
    UnitStatus.RESERVED: (UnitState.RESERVED, UnitState.SIGNED, UnitState.LEASED),
    UnitStatus.UNDER_RENOVATION: (UnitState.UNAVAILABLE, UnitState.SIGNED, UnitState.LEASED),
    UnitStatus.FROZEN: (UnitState.UNAVAILABLE, UnitState.SIGNED, UnitState.LEASED),
    UnitStatus.NOT_LEASABLE: (UnitState.NOT_LEASABLE,) * 3,
}
CELLS = [(status, occupancy, TABLE[status][i])
         for status in UnitStatus for i, occupancy in enumerate((FREE, SIGNED, ACTIVE))]
RENT_CLASS = {
    UnitState.VACANT: RentClass.VACANT,
    UnitState.SIGNED: RentClass.SIGNED_NOT_STARTED,
    UnitState.LEASED: RentClass.LEASED,  # the leases run past 90 days: not expiring
    UnitState.RESERVED: RentClass.RESERVED,
    UnitState.UNAVAILABLE: RentClass.UNAVAILABLE,
    UnitState.NOT_LEASABLE: RentClass.NOT_LEASABLE,
}
FILTER_OF = {
    UnitState.VACANT: "vacant",
    UnitState.LEASED: "occupied",
    UnitState.SIGNED: "signed",
    UnitState.RESERVED: "reserved",
    UnitState.UNAVAILABLE: "unavailable",
    UnitState.NOT_LEASABLE: "not_leasable",
}
# Twelve leasable units (every status but not leasable), four of them let on DAY.
WHOLE = OccupancySummary(15, Decimal("1200.00"), Decimal("400.00"), Decimal("100.00"))


def code(status: UnitStatus, occupancy: Occupancy) -> str:
    return f"TT-{status.value}-{occupancy.value}"


def write_park(path: Path, cells: list[tuple[UnitStatus, Occupancy]], park_code: str = "TT",
               ) -> Path:
    """A workspace of one building, one floor, a 100 m² unit per cell, on DAY.

    A unit empty on DAY was let until a month before, so it has days vacant.
    """
    workspace = Workspace.create(path)
    with workspace.transaction() as s:
        park = Park(code=park_code, name="真值表园", currency="CNY")
        s.add(park)
        s.flush()
        building = Building(park_id=park.id, code="T", name="T栋", kind=BuildingKind.OFFICE)
        s.add(building)
        s.flush()
        floor = Floor(building_id=building.id, level=1, name="1F")
        s.add(floor)
        s.flush()
        tenant = Tenant(park_id=park.id, code="T001", name="真值科技有限公司", short_name="真值")
        s.add(tenant)
        s.flush()
        for n, (status, occupancy) in enumerate(cells):
            unit = Unit(park_id=park.id, floor_id=floor.id, code=code(status, occupancy),
                        name="", unit_type=UnitType.OFFICE, status=status, gross_area=AREA,
                        internal_area=AREA, common_share=Decimal(0), leasable_area=AREA,
                        billable_area=AREA, asking_rent=Decimal("90.0000"))
            s.add(unit)
            s.flush()
            starts, ends = {
                FREE: (date(2025, 1, 1), date(2026, 10, 22)),  # ended a month before DAY
                SIGNED: (date(2027, 1, 1), date(2029, 12, 31)),
                ACTIVE: (date(2026, 1, 1), date(2028, 12, 31)),
            }[occupancy]
            contract = Contract(park_id=park.id, tenant_id=tenant.id, code=f"HT-{n:03d}",
                                status=ContractStatus.SIGNED, signed_on=date(2024, 12, 1),
                                starts_on=starts, ends_on=ends,
                                rent_per_sqm_month=Decimal("95.0000"))
            s.add(contract)
            s.flush()
            s.add(ContractUnit(contract_id=contract.id, unit_id=unit.id, billable_area=AREA))
    workspace.close()
    return path


@pytest.fixture(scope="module")
def cells_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_park(tmp_path_factory.mktemp("truth") / "cells.leasemap",
                      [(s, o) for s, o, _ in CELLS])


@pytest.fixture(scope="module")
def reader(cells_path: Path):
    reader = ReadModel(cells_path)
    yield reader
    reader.close()


@pytest.fixture(scope="module")
def park_scope(reader: ReadModel) -> Scope:
    return Scope("park", reader.park_tree()[0].id)


@pytest.fixture(scope="module")
def rows(reader: ReadModel, park_scope: Scope) -> dict[str, UnitRow]:
    return {r.code: r for r in reader.unit_rows(park_scope, DAY)}


@pytest.fixture(scope="module")
def map_units(reader: ReadModel, park_scope: Scope) -> dict[str, object]:
    from services.maps import scope_units

    return {u.code: u for u in scope_units(reader, park_scope, DAY)}


@pytest.mark.parametrize(("status", "occupancy", "state"), CELLS)
def test_each_cell_through_every_consumer(status, occupancy, state, rows, map_units) -> None:
    from views.unit_table import FILTERS

    row, unit = rows[code(status, occupancy)], map_units[code(status, occupancy)]
    # the read model: the row's occupancy is what its contracts mean; its state is the cell
    assert row.occupancy is occupancy
    assert row.state is state
    # the read model's summary and the map's KPIs of this one unit
    one = summarize([row])
    assert one == map_kpis([unit.facts], DAY).occupancy
    assert one.leasable_area == (0 if state is UnitState.NOT_LEASABLE else AREA)
    assert one.leased_area == (AREA if state is UnitState.LEASED else 0)
    assert one.vacant_area == (AREA if state is UnitState.VACANT else 0)
    # the rent-control map, vacancy and revenue
    assert rent_class(unit.facts, DAY) is RENT_CLASS[state]
    vacant = state is UnitState.VACANT
    assert (days_vacant(unit.facts, DAY) == 30) is vacant
    assert (days_vacant(unit.facts, DAY) is None) is not vacant
    assert (vacancy_loss(unit.facts, DAY) is None) is not vacant
    revenue = mode_value(MapMode.REVENUE, unit.facts, DAY)
    assert revenue == {UnitState.NOT_LEASABLE: None,
                       UnitState.LEASED: Decimal("95.0000")}.get(state, 0)
    # the unit table: the row is in its state's filter and no other
    shown_in = [key for key, _, keep in FILTERS if keep is not None and keep(row)]
    assert shown_in == [FILTER_OF[state]]
    if status is UnitStatus.NOT_LEASABLE and occupancy is not FREE:
        assert not may_sign(status)  # the contract is an old record: signing is refused


def test_the_whole_park_sums_the_same_everywhere(reader, park_scope, rows, map_units) -> None:
    from app.map_controller import stack_rows
    from app.map_export import kpi_texts
    from services.maps import park_theme, read_park_site, read_stack

    assert summarize(rows.values()) == WHOLE
    kpis = map_kpis([u.facts for u in map_units.values()], DAY)
    assert kpis.occupancy == WHOLE
    assert kpis.occupancy_rate == Decimal("0.3333")
    # vacancy loss: the one vacant unit, 30 days at 90 per m² a month over 100 m²
    assert kpis.vacancy_loss == Decimal("8876.71")
    building = reader.park_tree()[0].buildings[0]
    floors = read_stack(reader, Scope("building", building.id),
                        list(map_units.values()), DAY)
    assert [f.totals.occupancy for f in floors] == [WHOLE]
    assert [r.totals for r in stack_rows(floors)] == ["400 / 1,200 m²  33%"]
    park = park_theme(read_park_site(reader, park_scope.id, DAY), MapMode.RENT_CONTROL, DAY)
    assert park.totals[0].occupancy == WHOLE
    assert park.levels == (Decimal("33.3"),)
    strip = dict(kpi_texts(kpis, "CNY"))
    assert strip["Occupancy"] == "33.3%"
    assert strip["Leased / leasable m²"] == "400.00 / 1,200.00"
    assert strip["Vacancy loss so far"] == "CNY 8,876.71"


def test_the_table_filters_count_each_state(qtbot, rows) -> None:
    from views.unit_table import UnitTable

    table = UnitTable()
    qtbot.addWidget(table)
    table.set_rows(list(rows.values()))
    counts = {}
    for i in range(table.filter.count()):
        table.filter.setCurrentIndex(i)
        counts[table.filter.itemData(i)] = len(table.visible_rows())
    expected = Counter(FILTER_OF[state] for _, _, state in CELLS)
    assert counts == {"all": 15, **expected}
    assert counts["vacant"] == 1  # reserved, unavailable and not-leasable units are not vacant


def test_the_status_bar_says_the_summary(qtbot, tmp_path, cells_path) -> None:
    from app.settings import Settings
    from tests.gui.helpers import open_window

    window = open_window(qtbot, Settings(tmp_path / "s.ini"), cells_path)
    try:
        assert window.summary_label.text() == (
            "15 units · leased 400.00 of 1,200.00 m² · occupancy 33.3%")
    finally:
        window.close()


def test_info_prints_the_summary(capsys, cells_path) -> None:
    from app.cli import main

    assert main(["info", str(cells_path), "--on", DAY.isoformat()]) == 0
    out = capsys.readouterr().out
    assert "TT 真值表园 (CNY)" in out
    assert ("15 units, leasable 1200.00 m², leased 400.00 m², vacant 100.00 m², "
            "occupancy 33.3%") in out


def test_issue_8_example_is_full_everywhere(qtbot, tmp_path, capsys) -> None:
    """One leased 100 m² unit beside one not-leasable 100 m² unit: 100 % occupancy."""
    from app.cli import main
    from app.map_controller import stack_rows
    from app.settings import Settings
    from services.maps import park_theme, read_park_site, read_stack, scope_units
    from tests.gui.helpers import open_window

    path = write_park(tmp_path / "issue8.leasemap",
                      [(UnitStatus.LEASABLE, ACTIVE), (UnitStatus.NOT_LEASABLE, FREE)])
    reader = ReadModel(path)
    try:
        park = reader.park_tree()[0]
        scope = Scope("park", park.id)
        assert summarize(reader.unit_rows(scope, DAY)).occupancy_rate == Decimal("1.0000")
        units = scope_units(reader, scope, DAY)
        assert map_kpis([u.facts for u in units], DAY).occupancy_rate == Decimal("1.0000")
        floors = read_stack(reader, Scope("building", park.buildings[0].id), units, DAY)
        assert [r.totals for r in stack_rows(floors)] == ["100 / 100 m²  100%"]
        assert park_theme(read_park_site(reader, park.id, DAY), MapMode.RENT_CONTROL,
                          DAY).levels == (Decimal("100.0"),)
    finally:
        reader.close()
    assert main(["info", str(path), "--on", DAY.isoformat()]) == 0
    assert "occupancy 100.0%" in capsys.readouterr().out
    window = open_window(qtbot, Settings(tmp_path / "s.ini"), path)
    try:
        assert window.summary_label.text().endswith("occupancy 100.0%")
    finally:
        window.close()
