"""What each map mode says about a unit on a date (SPEC §3): one place, every view.

The floor plan, the stacking plan, the park map, the legend and the printed
page all colour units by the value computed here, so they can never disagree.
A unit without the data a mode needs gets ``None``, never zero; :func:`blank`
then says why: mostly its state (a leased unit has no days vacant), and only
a figure nobody recorded is "no data".

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
from functools import cache

from domain.assets import UnitStatus
from domain.contracts import Occupancy
from domain.money import money, round_to
from domain.occupancy import (
    OccupancySummary,
    UnitState,
    summarize_occupancy,
    unit_state,
)
from domain.space_use import SpaceUse, is_common

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
    UNAVAILABLE = "unavailable"  # under renovation or frozen, and not let
    NOT_LEASABLE = "not_leasable"
    COMMON = "common"  # common area: corridors, stairs, toilets, shafts, plant


class Blank(StrEnum):
    """Why a unit has no number in a numeric mode, in legend order.

    Mostly its state on the date (a leased unit has no days vacant, a vacant
    one no lease end): the states' values are the rent-control classes'
    names, so both maps call them alike. Only a unit whose figure is really
    unknown has no ``Blank`` at all, and is "no data".
    """

    VACANT = "vacant"
    NEVER_LET = "never_let"  # vacant, and no lease before the date to count days from
    SIGNED = "signed_not_started"
    LEASED = "leased"
    RESERVED = "reserved"
    UNAVAILABLE = "unavailable"
    NOT_LEASABLE = "not_leasable"
    COMMON = "common"
    BEFORE_READINGS = "before_readings"  # the meter readings begin after the date


# Modes whose value is a category; the rest are numbers classified by spatial.classify.
CATEGORICAL_MODES = frozenset({MapMode.RENT_CONTROL})
# Modes whose values are money (per m² per month), shown in the park's currency.
MONEY_MODES = frozenset({MapMode.REVENUE, MapMode.NET_REVENUE})
# Modes computed from meter readings (net revenue needs their operating cost).
READING_MODES = frozenset({MapMode.NET_REVENUE, MapMode.ENERGY, MapMode.HEAT})
# Places each mode's figures are shown to, on labels and legend bounds alike; rent control's
# figure is the park map's occupancy in %.
DIGITS = {MapMode.RENT_CONTROL: 0, MapMode.EXPIRY: 1, MapMode.VACANCY: 0, MapMode.REVENUE: 1,
          MapMode.NET_REVENUE: 1, MapMode.ENERGY: 1, MapMode.HEAT: 0}


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
    use: SpaceUse = SpaceUse.LEASABLE  # common area is never let (domain.space_use)
    internal: Decimal | None = None  # internal area, m²: what a common unit covers

    @property
    def floor_area(self) -> Decimal:
        """The area a legend counts the unit for: its leasable area, or a common unit's
        internal area (its leasable area is 0: it is the floor's shared space)."""
        if is_common(self.use) and self.internal is not None:
            return self.internal
        return self.area

    @property
    def state(self) -> UnitState:
        """The unit's cell of ``domain.occupancy``'s table on the map's date."""
        return unit_state(self.status, self.occupancy, self.use)


def rent_class(facts: UnitFacts, day: date) -> RentClass:
    """The rent-control category: the unit's cell of ``domain.occupancy``'s table, with a
    running lease split by the days left to its end."""
    state = facts.state
    if state is not UnitState.LEASED:
        return _RENT_CLASS[state]
    if facts.ends_on is not None:
        left = (facts.ends_on - day).days
        for limit, cls in ((30, RentClass.EXPIRING_30), (60, RentClass.EXPIRING_60),
                           (90, RentClass.EXPIRING_90)):
            if left <= limit:
                return cls
    return RentClass.LEASED


_RENT_CLASS = {
    UnitState.VACANT: RentClass.VACANT,
    UnitState.SIGNED: RentClass.SIGNED_NOT_STARTED,
    UnitState.RESERVED: RentClass.RESERVED,
    UnitState.UNAVAILABLE: RentClass.UNAVAILABLE,
    UnitState.NOT_LEASABLE: RentClass.NOT_LEASABLE,
    UnitState.COMMON: RentClass.COMMON,
}


def months_to_end(facts: UnitFacts, day: date) -> Decimal | None:
    """Months (to a tenth) until the running lease ends; None when the unit is not leased."""
    if facts.state is not UnitState.LEASED or facts.ends_on is None:
        return None
    return round_to(Decimal((facts.ends_on - day).days) / DAYS_PER_MONTH, 1)


def days_vacant(facts: UnitFacts, day: date) -> int | None:
    """Days a vacant unit has stood empty on ``day``; None unless it is in the vacant cell
    (reserved, signed, unavailable and not-leasable units lose nothing) or was never let."""
    if facts.state is not UnitState.VACANT:
        return None
    if facts.vacant_since is None or facts.vacant_since > day:
        return None
    return (day - facts.vacant_since).days


def vacancy_loss(facts: UnitFacts, day: date) -> Decimal | None:
    """Rent lost so far: days vacant at the asking rent over the leasable area, to the cent."""
    days = days_vacant(facts, day)
    if days is None or facts.asking_rent is None:
        return None
    return money(facts.asking_rent * facts.area * days / DAYS_PER_MONTH)


def rent_per_m2(facts: UnitFacts) -> Decimal | None:
    """Rent per m² per month earned on the date: zero when leasable and not let, None when
    not leasable (it is no part of the leasable area) or let at an unknown rent."""
    state = facts.state
    if state in (UnitState.NOT_LEASABLE, UnitState.COMMON):
        return None
    if state is UnitState.LEASED:
        return facts.rent
    return Decimal(0)


def net_per_m2(facts: UnitFacts) -> Decimal | None:
    """Rent less the average monthly operating cost, per m²; None without costs."""
    rent = rent_per_m2(facts)
    cost = facts.usage.cost
    if rent is None or cost is None or facts.area <= 0:
        return None
    return round_to(rent - cost / facts.area, 2)


def energy_intensity(facts: UnitFacts) -> Decimal | None:
    """Average monthly kWh per m² over the months known up to the date."""
    kwh = facts.usage.energy_kwh
    if kwh is None or facts.area <= 0:
        return None
    return round_to(kwh / facts.area, 2)


def heat_index(metrics: Sequence[MonthMetrics], area: Decimal) -> Decimal | None:
    """How much a unit is used, 0–100 (空间热度): access half, lighting and HVAC a quarter each.

    Each part is use against a fully used unit (entries per m² a day, hours a
    day of lighting or HVAC), capped at one; a missing part leaves the others
    to weigh in proportion, and no readings at all is no data. An index, not
    money: computed in floats and given to a tenth.
    """
    weight = score = 0.0
    full_access = float(ACCESS_PER_M2_DAY_FULL) * float(area)  # not money: an index
    full_hours = float(HOURS_PER_DAY_IN_USE)  # not money: an index
    for month in metrics:
        days = calendar.monthrange(month.month.year, month.month.month)[1]
        if month.access_count is not None and full_access > 0:
            weight += 0.5
            score += 0.5 * min(1.0, month.access_count / (full_access * days))
        for hours in (month.lighting_hours, month.hvac_hours):
            if hours is not None:
                weight += 0.25
                score += 0.25 * min(1.0, float(hours) / (full_hours * days))  # not money: hours
    if not weight:
        return None
    return round_to(Decimal(repr(100 * score / weight)), 1)  # the float's shortest decimal


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


def shown_figure(mode: MapMode, value: float | Decimal | int) -> Decimal:
    """A figure as the map shows it: to the mode's places, half up, as labels round.

    The classifier's bounds are floats; going through the float's shortest
    decimal keeps a bound and the label of the unit it comes from alike.
    """
    return round_to(Decimal(repr(value)) if isinstance(value, float) else Decimal(value),
                    DIGITS[mode])


_STATE_BLANK = {
    UnitState.VACANT: Blank.VACANT,
    UnitState.SIGNED: Blank.SIGNED,
    UnitState.LEASED: Blank.LEASED,
    UnitState.RESERVED: Blank.RESERVED,
    UnitState.UNAVAILABLE: Blank.UNAVAILABLE,
    UnitState.NOT_LEASABLE: Blank.NOT_LEASABLE,
    UnitState.COMMON: Blank.COMMON,
}


def readings_counted(day: date, readings_begin: date | None) -> bool:
    """Whether any complete month of readings lies before ``day``'s month (see ``usage``):
    False when the readings begin (``readings_begin``, a month's first day) later."""
    return readings_begin is None or readings_begin < date(day.year, day.month, 1)


def blank(mode: MapMode, facts: UnitFacts, day: date, readings_begin: date | None = None,
          ) -> Blank | None:
    """Why ``facts`` has no number in ``mode`` on ``day``; None when it has one, or when
    the figure is really unknown (no data).

    Read through ``domain.occupancy``'s table: expiry counts leased units only,
    so the others are their state; vacancy counts vacant ones (a vacant unit
    never let has no day to count from); revenue is zero for any leasable unit
    not let, so only not-leasable ones are blank; the modes of meter readings
    take a unit that is not let as its state, and a let one as "before the
    readings" when ``readings_begin`` (the first month read in the map's
    scope) says no month before ``day`` was read.
    """
    if mode in CATEGORICAL_MODES or mode_value(mode, facts, day) is not None:
        return None
    return why_no_value(mode, facts, day, readings_begin)


def why_no_value(mode: MapMode, facts: UnitFacts, day: date,
                 readings_begin: date | None = None) -> Blank | None:
    """:func:`blank` of a unit already known to have no value in numeric ``mode`` (a map
    asks it of thousands of units at once: one look-up in the mode's table of states)."""
    state = facts.state
    if state is UnitState.LEASED and facts.rent is None and mode is MapMode.NET_REVENUE:
        return None  # let at a rent nobody recorded
    return _blanks_by_state(mode, readings_counted(day, readings_begin))[state]


@cache
def _blanks_by_state(mode: MapMode, counted: bool) -> dict[UnitState, Blank | None]:
    """Each state's blank in ``mode`` (see :func:`blank`); ``counted``: some readings count."""
    table: dict[UnitState, Blank | None] = dict(_STATE_BLANK)
    if mode is MapMode.VACANCY:
        table[UnitState.VACANT] = Blank.NEVER_LET
    elif mode in (MapMode.EXPIRY, MapMode.REVENUE):  # let with no end or no rent: unknown
        table[UnitState.LEASED] = None
    else:  # the modes of meter readings: a let unit without them
        table[UnitState.LEASED] = None if counted else Blank.BEFORE_READINGS
    return table


def main_blank(blanks: Sequence[Blank | None], areas: Sequence[Decimal]) -> Blank | None:
    """What a group of units none of which has a figure is (a building on the park map).

    A missing figure outweighs any state: when a unit lacks its figure for
    want of readings the group is "before the readings", else when one lacks
    it for want of data the group is "no data" (None); only when every unit is
    blank by its state is the group the state covering most of its area (the
    first in legend order on a tie).
    """
    if Blank.BEFORE_READINGS in blanks:
        return Blank.BEFORE_READINGS
    if None in blanks or not blanks:
        return None
    sums: dict[Blank, Decimal] = {}
    for reason, area in zip(blanks, areas, strict=True):
        if reason is not None:
            sums[reason] = sums.get(reason, Decimal(0)) + area
    order = list(Blank)
    return max(sums, key=lambda r: (sums[r], -order.index(r)))


@dataclass(frozen=True)
class MapKpis:
    """The KPI strip of a map (SPEC §3), and a floor's or building's totals on the maps.

    Occupancy and areas are ``domain.occupancy``'s summary, so the strip, the
    status bar and ``leasemap info`` give the same figures for the same units.
    """

    occupancy: OccupancySummary
    vacancy_loss: Decimal  # money lost so far by the vacant units, in the park's currency
    rent_per_m2: Decimal | None  # area-weighted average of the running leases' rents

    @property
    def units(self) -> int:
        return self.occupancy.units

    @property
    def leasable_area(self) -> Decimal:
        return self.occupancy.leasable_area

    @property
    def leased_area(self) -> Decimal:
        return self.occupancy.leased_area

    @property
    def occupancy_rate(self) -> Decimal | None:
        return self.occupancy.occupancy_rate


def map_kpis(facts: Sequence[UnitFacts], day: date) -> MapKpis:
    """Occupancy by area, vacancy loss so far and average rent on ``day``."""
    loss = rent_area = leased_at_rent = Decimal(0)
    for f in facts:
        if f.state is UnitState.LEASED and f.rent is not None:
            rent_area += f.rent * f.area
            leased_at_rent += f.area
        lost = vacancy_loss(f, day)
        if lost is not None:
            loss += lost
    summary = summarize_occupancy((f.status, f.occupancy, f.area, f.use) for f in facts)
    average = round_to(rent_area / leased_at_rent, 2) if leased_at_rent else None
    return MapKpis(summary, money(loss), average)


def _average(values: object) -> Decimal | None:
    known = [v for v in values if v is not None]  # type: ignore[attr-defined]
    if not known:
        return None
    return sum(known, Decimal(0)) / len(known)


def area_weighted(values: Sequence[Decimal | int | None], areas: Sequence[Decimal]) -> (
    Decimal | None
):
    """The area-weighted mean of the known values: a building's level in a numeric mode."""
    total = weight = Decimal(0)
    for value, area in zip(values, areas, strict=True):
        if value is not None and area > 0:
            total += Decimal(value) * area
            weight += area
    return round_to(total / weight, 2) if weight else None
