"""What each map mode says about a unit on a date (SPEC §3): one place, every view.

The floor plan, the stacking plan, the park map, the legend and the printed
page all colour units by the value computed here, so they can never disagree.
A unit without the data a mode needs gets ``None`` ("no data"), never zero.

Examples
--------
>>> from datetime import date
>>> from decimal import Decimal
>>> facts = UnitFacts(area=Decimal("100"), status=UnitStatus.LEASABLE,
...                   occupancy=Occupancy.ACTIVE, ends_on=date(2026, 12, 15))
>>> rent_class(facts, date(2026, 11, 22))
<RentClass.EXPIRING_30: 'expiring_30'>
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from domain.assets import UnitStatus
from domain.contracts import Occupancy
from domain.money import CENT

DAYS_PER_MONTH = Decimal(365) / Decimal(12)
HOURS_PER_DAY_IN_USE = Decimal(12)  # lighting and HVAC of a fully used unit
ACCESS_PER_M2_DAY_FULL = Decimal("0.05")  # one entry per 20 m² a day is a busy office
ENERGY_MONTHS = 3  # energy, cost and heat average the complete months before the date's


class MapMode(StrEnum):
    RENT_CONTROL = "rent-control"
    EXPIRY = "expiry"
    VACANCY = "vacancy"
    REVENUE = "revenue"
    NET_REVENUE = "net-revenue"
    ENERGY = "energy"
    HEAT = "heat"


class RentClass(StrEnum):
    """The rent-control map's categories, in legend order."""

    VACANT = "vacant"
    LEASED = "leased"
    SIGNED_NOT_STARTED = "signed_not_started"
    EXPIRING_30 = "expiring_30"
    EXPIRING_60 = "expiring_60"
    EXPIRING_90 = "expiring_90"
    RESERVED = "reserved"
    NOT_LEASABLE = "not_leasable"


# Modes whose value is a category; the rest are numbers classified by spatial.classify.
CATEGORICAL_MODES = frozenset({MapMode.RENT_CONTROL})


@dataclass(frozen=True)
class MonthMetrics:
    """One unit's readings for one month (any may be missing)."""

    month: date  # the first day of the month
    energy_kwh: Decimal | None = None
    cost: Decimal | None = None  # operating cost in the park's currency
    access_count: int | None = None  # door entries (access control)
    lighting_hours: Decimal | None = None
    hvac_hours: Decimal | None = None


@dataclass(frozen=True)
class Usage:
    """A unit's recent months of readings, summarised once when its facts are read."""

    energy_kwh: Decimal | None = None  # average per month
    cost: Decimal | None = None  # average operating cost per month
    heat: Decimal | None = None  # 0–100, see :func:`heat_index`


NO_USAGE = Usage()


@dataclass(frozen=True)
class UnitFacts:
    """What the modes need to know about one unit on the map's date."""

    area: Decimal  # leasable area, m²
    status: UnitStatus
    occupancy: Occupancy
    ends_on: date | None = None  # end of the holding contract (active or upcoming)
    rent: Decimal | None = None  # per m² per month, of the active contract
    asking_rent: Decimal | None = None
    vacant_since: date | None = None  # the day after the last lease before the date ended
    overdue: bool = False  # the tenant is behind on payments (billing fills this)
    usage: Usage = NO_USAGE  # from the complete months of readings before the date


def rent_class(facts: UnitFacts, day: date) -> RentClass:
    """The rent-control category: unit status first, then the lease on ``day``."""
    if facts.status in (UnitStatus.NOT_LEASABLE, UnitStatus.UNDER_RENOVATION,
                        UnitStatus.FROZEN):
        return RentClass.NOT_LEASABLE
    if facts.occupancy is Occupancy.SIGNED_NOT_STARTED:
        return RentClass.SIGNED_NOT_STARTED
    if facts.occupancy is Occupancy.ACTIVE:
        left = (facts.ends_on - day).days if facts.ends_on is not None else None
        if left is not None:
            for limit, cls in ((30, RentClass.EXPIRING_30), (60, RentClass.EXPIRING_60),
                               (90, RentClass.EXPIRING_90)):
                if left <= limit:
                    return cls
        return RentClass.LEASED
    if facts.status is UnitStatus.RESERVED:
        return RentClass.RESERVED
    return RentClass.VACANT


def months_to_end(facts: UnitFacts, day: date) -> Decimal | None:
    """Months (to a tenth) until the active lease ends; None when there is none."""
    if facts.occupancy is not Occupancy.ACTIVE or facts.ends_on is None:
        return None
    return (Decimal((facts.ends_on - day).days) / DAYS_PER_MONTH).quantize(Decimal("0.1"))


def days_vacant(facts: UnitFacts, day: date) -> int | None:
    """Days a leasable unit has stood empty on ``day``; None if let or never known let."""
    if _not_lettable(facts) or facts.occupancy is Occupancy.ACTIVE:
        return None
    if facts.vacant_since is None or facts.vacant_since > day:
        return None
    return (day - facts.vacant_since).days


def vacancy_loss(facts: UnitFacts, day: date) -> Decimal | None:
    """Rent lost so far: days vacant at the asking rent over the leasable area."""
    days = days_vacant(facts, day)
    if days is None or facts.asking_rent is None:
        return None
    return (facts.asking_rent * facts.area * days / DAYS_PER_MONTH).quantize(CENT)


def rent_per_m2(facts: UnitFacts) -> Decimal | None:
    """Rent per m² per month earned on the date: zero when vacant, None if not lettable."""
    if _not_lettable(facts):
        return None
    if facts.occupancy is Occupancy.ACTIVE:
        return facts.rent
    return Decimal(0)


def net_per_m2(facts: UnitFacts) -> Decimal | None:
    """Rent less the average monthly operating cost, per m²; None without costs."""
    rent = rent_per_m2(facts)
    cost = facts.usage.cost
    if rent is None or cost is None or facts.area <= 0:
        return None
    return (rent - cost / facts.area).quantize(Decimal("0.01"))


def energy_intensity(facts: UnitFacts) -> Decimal | None:
    """Average monthly kWh per m² over the months known up to the date."""
    kwh = facts.usage.energy_kwh
    if kwh is None or facts.area <= 0:
        return None
    return (kwh / facts.area).quantize(Decimal("0.01"))


def heat_index(metrics: Sequence[MonthMetrics], area: Decimal) -> Decimal | None:
    """How much a unit is used, 0–100 (空间热度): access half, lighting and HVAC a quarter each.

    Each part is use against a fully used unit (entries per m² a day, hours a
    day of lighting or HVAC), capped at one; a missing part leaves the others
    to weigh in proportion, and no readings at all is no data. An index, not
    money: computed in floats and given to a tenth.
    """
    weight = score = 0.0
    full_access = float(ACCESS_PER_M2_DAY_FULL) * float(area)
    full_hours = float(HOURS_PER_DAY_IN_USE)
    for month in metrics:
        days = calendar.monthrange(month.month.year, month.month.month)[1]
        if month.access_count is not None and full_access > 0:
            weight += 0.5
            score += 0.5 * min(1.0, month.access_count / (full_access * days))
        for hours in (month.lighting_hours, month.hvac_hours):
            if hours is not None:
                weight += 0.25
                score += 0.25 * min(1.0, float(hours) / (full_hours * days))
    if not weight:
        return None
    return Decimal(f"{100 * score / weight:.1f}")


def usage(metrics: Sequence[MonthMetrics], area: Decimal) -> Usage:
    """Average energy and cost per month, and the heat index, of the months given."""
    if not metrics:
        return NO_USAGE
    return Usage(_average(m.energy_kwh for m in metrics), _average(m.cost for m in metrics),
                 heat_index(metrics, area))


def mode_value(mode: MapMode, facts: UnitFacts, day: date) -> RentClass | Decimal | int | None:
    """The one value a mode colours a unit by on ``day``."""
    if mode is MapMode.RENT_CONTROL:
        return rent_class(facts, day)
    if mode is MapMode.EXPIRY:
        return months_to_end(facts, day)
    if mode is MapMode.VACANCY:
        return days_vacant(facts, day)
    if mode is MapMode.REVENUE:
        return rent_per_m2(facts)
    if mode is MapMode.NET_REVENUE:
        return net_per_m2(facts)
    if mode is MapMode.ENERGY:
        return energy_intensity(facts)
    if mode is MapMode.HEAT:
        return facts.usage.heat
    raise ValueError(f"unknown map mode {mode!r}")


def mode_values(mode: MapMode, facts: Sequence[UnitFacts], day: date) -> list[
    RentClass | Decimal | int | None
]:
    return [mode_value(mode, f, day) for f in facts]


@dataclass(frozen=True)
class MapKpis:
    """The KPI strip of a printed map (SPEC §3): occupancy, areas, loss, rent level."""

    leasable_area: Decimal
    leased_area: Decimal
    vacancy_loss: Decimal
    rent_per_m2: Decimal | None  # area-weighted average of the active leases

    @property
    def occupancy_rate(self) -> Decimal | None:
        if not self.leasable_area:
            return None
        return (self.leased_area / self.leasable_area).quantize(Decimal("0.0001"))


def map_kpis(facts: Sequence[UnitFacts], day: date) -> MapKpis:
    """Occupancy by area, vacancy loss so far and average rent on ``day``."""
    leasable = leased = loss = rent_area = Decimal(0)
    for f in facts:
        leasable += f.area
        if f.occupancy is Occupancy.ACTIVE:
            leased += f.area
            if f.rent is not None:
                rent_area += f.rent * f.area
        lost = vacancy_loss(f, day)
        if lost is not None:
            loss += lost
    average = (rent_area / leased).quantize(Decimal("0.01")) if leased else None
    return MapKpis(leasable, leased, loss, average)


def _not_lettable(facts: UnitFacts) -> bool:
    return facts.status in (UnitStatus.NOT_LEASABLE, UnitStatus.UNDER_RENOVATION,
                            UnitStatus.FROZEN)


def _average(values: object) -> Decimal | None:
    known = [v for v in values if v is not None]  # type: ignore[attr-defined]
    if not known:
        return None
    return sum(known, Decimal(0)) / len(known)


def occupancy_rate(facts: Sequence[UnitFacts]) -> Decimal | None:
    """Leased share of the leasable area (0–1); None when nothing is leasable."""
    leasable = sum((f.area for f in facts), Decimal(0))
    leased = sum((f.area for f in facts if f.occupancy is Occupancy.ACTIVE), Decimal(0))
    return (leased / leasable).quantize(Decimal("0.0001")) if leasable else None


def area_weighted(values: Sequence[Decimal | int | None], areas: Sequence[Decimal]) -> (
    Decimal | None
):
    """The area-weighted mean of the known values: a building's level in a numeric mode."""
    total = weight = Decimal(0)
    for value, area in zip(values, areas, strict=True):
        if value is not None and area > 0:
            total += Decimal(value) * area
            weight += area
    return (total / weight).quantize(Decimal("0.01")) if weight else None
