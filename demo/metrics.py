"""Plausible monthly readings for the demo park: energy, operating cost and use.

So the energy, net-revenue and heat maps show something real before meters
and readings import arrive (billing). A let unit uses far more than an empty
one; intensities follow the building kind; every value is fixed by the seed.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from random import Random

from demo.plan import ParkPlan
from domain.assets import BuildingKind
from domain.contracts import ContractTerm, Occupancy
from domain.money import money
from domain.occupancy import is_leasable

# kWh per m² per month when let (offices ~ 10-15, plants far more), and cost in
# yuan per m² per month (property operation: cleaning, security, upkeep).
ENERGY = {
    BuildingKind.OFFICE: 12.0,
    BuildingKind.INDUSTRIAL: 30.0,
    BuildingKind.WAREHOUSE: 4.0,
    BuildingKind.RETAIL: 22.0,
    BuildingKind.APARTMENT: 6.0,
    BuildingKind.MIXED: 12.0,
}
COST = {
    BuildingKind.OFFICE: 18.0,
    BuildingKind.INDUSTRIAL: 9.0,
    BuildingKind.WAREHOUSE: 5.0,
    BuildingKind.RETAIL: 24.0,
    BuildingKind.APARTMENT: 8.0,
    BuildingKind.MIXED: 15.0,
}
VACANT_SHARE = 0.12  # an empty unit still draws standby power and upkeep


@dataclass(frozen=True, slots=True)
class MetricPlan:
    unit: int  # index into the park's unit plans
    month: date
    energy_kwh: Decimal
    cost: Decimal
    access_count: int
    lighting_hours: Decimal
    hvac_hours: Decimal


def months_before(today: date, count: int) -> list[date]:
    """The first days of the ``count`` complete months before ``today``'s, oldest first."""
    year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    out = []
    for _ in range(count):
        out.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out[::-1]


def plan_metrics(park: ParkPlan, today: date, months: int, seed: int) -> Iterator[MetricPlan]:
    """One reading per lettable unit and month, for the ``months`` months before ``today``'s."""
    rng = Random(f"{seed}:metrics")
    terms: dict[int, list[ContractTerm]] = {}
    for contract in park.contracts:
        term = ContractTerm(contract.signed_on, contract.starts_on, contract.ends_on,
                            contract.status, contract.terminated_on)
        for unit in contract.units:
            terms.setdefault(unit, []).append(term)
    calendar_months = months_before(today, months)
    for index, unit in enumerate(park.units):
        if not is_leasable(unit.status, unit.use):  # common rooms and units kept off the market
            continue
        kind = park.buildings[park.floors[unit.floor].building].profile.kind
        area = float(unit.gross)
        busy = rng.uniform(0.45, 1.0)  # how intensely this tenant-to-be uses its space
        for month in calendar_months:
            days = calendar.monthrange(month.year, month.month)[1]
            middle = date(month.year, month.month, min(15, days))
            let = any(t.occupancy_on(middle) is Occupancy.ACTIVE for t in terms.get(index, ()))
            use = busy * rng.uniform(0.85, 1.15) if let else VACANT_SHARE * rng.uniform(0.5, 1.5)
            yield MetricPlan(
                unit=index,
                month=month,
                energy_kwh=Decimal(f"{ENERGY[kind] * area * use:.2f}"),
                cost=money(f"{COST[kind] * area * (0.6 + 0.4 * use):.2f}"),
                access_count=round(area * days * 0.05 * use * rng.uniform(0.8, 1.1)),
                lighting_hours=Decimal(f"{days * 12 * min(1.0, use):.1f}"),
                hvac_hours=Decimal(f"{days * 12 * min(1.0, use * rng.uniform(0.7, 1.0)):.1f}"),
            )
