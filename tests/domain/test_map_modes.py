"""Map modes: one value per unit per mode, None for no data, never zero by accident."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.assets import UnitStatus
from domain.contracts import (
    ContractStatus,
    ContractTerm,
    Holding,
    Occupancy,
    holding_on,
    vacant_since,
)
from domain.map_modes import (
    MapMode,
    MonthMetrics,
    RentClass,
    UnitFacts,
    area_weighted,
    days_vacant,
    heat_index,
    map_kpis,
    mode_value,
    months_to_end,
    rent_class,
    usage,
    vacancy_loss,
)

DAY = date(2026, 11, 22)
AREA = Decimal("100.00")


def facts(occupancy: Occupancy = Occupancy.NONE, status: UnitStatus = UnitStatus.LEASABLE,
          **kw: object) -> UnitFacts:
    return UnitFacts(area=AREA, status=status, occupancy=occupancy, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(("ends", "expected"), [
    (date(2026, 12, 1), RentClass.EXPIRING_30),
    (date(2026, 12, 22), RentClass.EXPIRING_30),
    (date(2026, 12, 23), RentClass.EXPIRING_60),
    (date(2027, 2, 20), RentClass.EXPIRING_90),
    (date(2027, 2, 21), RentClass.LEASED),
])
def test_rent_class_of_a_lease_by_days_to_its_end(ends: date, expected: RentClass) -> None:
    assert rent_class(facts(Occupancy.ACTIVE, ends_on=ends), DAY) is expected


def test_rent_class_status_and_lease() -> None:
    assert rent_class(facts(), DAY) is RentClass.VACANT
    assert rent_class(facts(status=UnitStatus.RESERVED), DAY) is RentClass.RESERVED
    assert rent_class(facts(status=UnitStatus.NOT_LEASABLE), DAY) is RentClass.NOT_LEASABLE
    assert rent_class(facts(status=UnitStatus.UNDER_RENOVATION), DAY) is RentClass.UNAVAILABLE
    assert rent_class(facts(status=UnitStatus.FROZEN), DAY) is RentClass.UNAVAILABLE
    # a frozen unit under a running lease is let, and its lease can be expiring
    assert rent_class(facts(Occupancy.ACTIVE, status=UnitStatus.FROZEN,
                            ends_on=date(2026, 12, 1)), DAY) is RentClass.EXPIRING_30
    assert rent_class(facts(Occupancy.SIGNED_NOT_STARTED), DAY) is RentClass.SIGNED_NOT_STARTED


def test_time_travel_a_unit_let_from_march() -> None:
    """Vacant in February, leased in April (SPEC §3 time travel)."""
    term = ContractTerm(date(2027, 3, 1), date(2027, 3, 1), date(2029, 2, 28))
    holds = [Holding(term, "云帆智能", "HT-1", Decimal("95"))]
    for day, expected in ((date(2027, 2, 15), RentClass.VACANT),
                          (date(2027, 4, 15), RentClass.LEASED)):
        occupancy, hold = holding_on(holds, day)
        unit = facts(occupancy, ends_on=hold.term.ends_on if hold else None)
        assert rent_class(unit, day) is expected


def test_months_to_end_only_for_a_running_lease() -> None:
    assert months_to_end(facts(Occupancy.ACTIVE, ends_on=date(2027, 11, 22)), DAY) == Decimal(
        "12.0")
    assert months_to_end(facts(), DAY) is None
    assert months_to_end(facts(Occupancy.SIGNED_NOT_STARTED, ends_on=date(2028, 1, 1)),
                         DAY) is None


def test_days_vacant_and_loss_from_the_last_lease_end() -> None:
    ended = ContractTerm(date(2024, 1, 1), date(2024, 1, 1), date(2026, 10, 31))
    holds = [Holding(ended, "x", "HT-0", Decimal("90"))]
    since = vacant_since(holds, DAY)
    assert since == date(2026, 11, 1)
    unit = facts(vacant_since=since, asking_rent=Decimal("100.0000"))
    assert days_vacant(unit, DAY) == 21
    # 100 ¥/m²/month × 100 m² × 21 days / (365/12 days)
    assert vacancy_loss(unit, DAY) == Decimal("6904.11")
    assert days_vacant(facts(), DAY) is None  # never known let: no data, not zero
    assert vacancy_loss(facts(vacant_since=since), DAY) is None  # no asking rent


def test_terminated_lease_frees_the_unit_on_termination() -> None:
    term = ContractTerm(date(2025, 1, 1), date(2025, 1, 1), date(2027, 12, 31),
                        ContractStatus.TERMINATED, date(2026, 6, 30))
    assert vacant_since([Holding(term, "x", "c", Decimal(1))], DAY) == date(2026, 7, 1)


def test_revenue_is_zero_when_vacant_and_none_when_not_lettable() -> None:
    assert mode_value(MapMode.REVENUE, facts(Occupancy.ACTIVE, rent=Decimal("95")), DAY) == 95
    assert mode_value(MapMode.REVENUE, facts(), DAY) == 0
    assert mode_value(MapMode.REVENUE, facts(status=UnitStatus.NOT_LEASABLE), DAY) is None


def test_net_revenue_energy_and_heat_need_readings() -> None:
    bare = facts(Occupancy.ACTIVE, rent=Decimal("95"))
    for mode in (MapMode.NET_REVENUE, MapMode.ENERGY, MapMode.HEAT):
        assert mode_value(mode, bare, DAY) is None
    months = [MonthMetrics(date(2026, 10, 1), Decimal("1200"), Decimal("1500.00"), 155,
                           Decimal("372"), Decimal("186")),
              MonthMetrics(date(2026, 11, 1), Decimal("1000"), Decimal("1700.00"), None,
                           None, None)]
    unit = facts(Occupancy.ACTIVE, rent=Decimal("95"), usage=usage(months, AREA))
    assert mode_value(MapMode.ENERGY, unit, DAY) == Decimal("11.00")  # 1100 kWh / 100 m²
    assert mode_value(MapMode.NET_REVENUE, unit, DAY) == Decimal("79.00")  # 95 - 1600/100
    # access 155 / (100 m² × 31 d × 0.05) = 1.0; lighting 372 / (31 × 12) = 1.0; HVAC 0.5
    assert mode_value(MapMode.HEAT, unit, DAY) == Decimal("87.5")


def test_heat_index_is_capped_and_none_without_readings() -> None:
    busy = [MonthMetrics(date(2026, 11, 1), access_count=10**6, lighting_hours=Decimal(9999),
                         hvac_hours=Decimal(9999))]
    assert heat_index(busy, AREA) == Decimal("100.0")
    assert heat_index([MonthMetrics(date(2026, 11, 1))], AREA) is None


def test_kpis_occupancy_loss_and_average_rent() -> None:
    units = [
        facts(Occupancy.ACTIVE, rent=Decimal("100")),
        UnitFacts(Decimal("300.00"), UnitStatus.LEASABLE, Occupancy.ACTIVE, rent=Decimal("80")),
        facts(vacant_since=date(2026, 11, 12), asking_rent=Decimal("91.2500")),
    ]
    kpis = map_kpis(units, DAY)
    assert kpis.leasable_area == Decimal("500.00")
    assert kpis.leased_area == Decimal("400.00")
    assert kpis.occupancy_rate == Decimal("0.8000")
    assert kpis.rent_per_m2 == Decimal("85.00")  # (100×100 + 80×300) / 400
    assert kpis.vacancy_loss == Decimal("3000.00")  # 91.25 × 100 × 10 / (365/12)
    assert map_kpis([], DAY).occupancy_rate is None


def test_kpis_leave_not_leasable_units_out_of_the_leasable_area() -> None:
    """Issue 8's example: one leased 100 m² unit beside a not-leasable one is 100 %."""
    units = [facts(Occupancy.ACTIVE, rent=Decimal("90")),
             facts(status=UnitStatus.NOT_LEASABLE)]
    kpis = map_kpis(units, DAY)
    assert (kpis.leasable_area, kpis.leased_area) == (AREA, AREA)
    assert kpis.occupancy_rate == Decimal("1.0000")


def test_figures_round_half_up() -> None:
    # each figure lands on a half cent: half-even would give 12.12, half up gives 12.13
    unit = facts(Occupancy.ACTIVE, rent=Decimal("12.13"),
                 usage=usage([MonthMetrics(date(2026, 10, 1), Decimal("1212.5"),
                                           Decimal("0.5"))], AREA))
    assert mode_value(MapMode.ENERGY, unit, DAY) == Decimal("12.13")  # 12.125 kWh/m²
    assert mode_value(MapMode.NET_REVENUE, unit, DAY) == Decimal("12.13")  # 12.13 - 0.005
    assert area_weighted([Decimal("0.125")], [Decimal(1)]) == Decimal("0.13")


def test_area_weighted_skips_no_data() -> None:
    assert area_weighted([Decimal(10), None, Decimal(40)],
                         [Decimal(100), Decimal(100), Decimal(300)]) == Decimal("32.50")
    assert area_weighted([None], [Decimal(1)]) is None


def test_docstring_examples_run() -> None:
    import doctest

    import domain.assets
    import domain.map_modes
    import spatial.thematic

    for module in (domain.map_modes, domain.assets, spatial.thematic):
        assert doctest.testmod(module).failed == 0, module.__name__


def test_a_contract_ended_before_it_began_never_let_the_unit() -> None:
    let = ContractTerm(date(2024, 1, 1), date(2024, 1, 1), date(2025, 6, 30))
    void = ContractTerm(date(2025, 9, 1), date(2026, 1, 1), date(2028, 12, 31),
                        ContractStatus.TERMINATED, date(2025, 10, 1))
    holds = [Holding(let, "x", "HT-1", Decimal(1)), Holding(void, "y", "HT-2", Decimal(1))]
    assert vacant_since(holds, DAY) == date(2025, 7, 1)
