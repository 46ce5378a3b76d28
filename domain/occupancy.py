"""What a unit is on a date, and what that makes of areas and the occupancy rate: one table.

The stored status is what the operator set (leasable, reserved, under
renovation, frozen, not leasable); whether a unit is leased, signed or
vacant on a date comes from its contracts. Every consumer — the unit table
and its filters, the status bar, the maps and their KPI strip, printing,
``leasemap info`` — asks :func:`unit_state` and :func:`summarize_occupancy`,
so none of them can disagree:

=================  ======================  ===================  ===============
stored status      no contract on the day  signed, not started  active contract
=================  ======================  ===================  ===============
leasable           vacant                  signed               leased
reserved           reserved                signed               leased
under renovation   unavailable             signed               leased
frozen             unavailable             signed               leased
not leasable       not leasable            (refused)            (refused)
(any, common use)  common                  (refused)            (refused)
=================  ======================  ===================  ===============

A not-leasable unit cannot be signed; should an old record carry a contract
anyway, the unit stays "not leasable" and out of every area sum, so it can
never push the rate above what is really leasable. A unit whose use is common
(a corridor, stair, toilet: ``domain.space_use``) is common whatever its
status says: it is the floor's shared area, never space for rent.

Examples
--------
>>> from decimal import Decimal
>>> unit_state(UnitStatus.FROZEN, Occupancy.ACTIVE)
<UnitState.LEASED: 'leased'>
>>> summary = summarize_occupancy([
...     (UnitStatus.LEASABLE, Occupancy.ACTIVE, Decimal(100), SpaceUse.LEASABLE),
...     (UnitStatus.NOT_LEASABLE, Occupancy.NONE, Decimal(100), SpaceUse.LEASABLE),
...     (UnitStatus.LEASABLE, Occupancy.NONE, Decimal(50), SpaceUse.COMMON),
... ])
>>> summary.occupancy_rate
Decimal('1.0000')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from domain.assets import UnitStatus
from domain.contracts import Occupancy
from domain.money import ratio
from domain.space_use import SpaceUse, is_common


class UnitState(StrEnum):
    """What a unit is on one date: its stored status read through its contracts."""

    VACANT = "vacant"
    SIGNED = "signed"  # a contract signed, its term not started
    LEASED = "leased"  # a contract active on the date
    RESERVED = "reserved"
    UNAVAILABLE = "unavailable"  # under renovation or frozen, and not let
    NOT_LEASABLE = "not_leasable"
    COMMON = "common"  # common area (corridor, stair, toilet …): shared, never let


# The statuses that take a unit out of the leasable area, written once.
NOT_LEASABLE_STATUSES = frozenset({UnitStatus.NOT_LEASABLE})
# Statuses that keep a leasable unit off the market while no contract holds it.
UNAVAILABLE_STATUSES = frozenset({UnitStatus.UNDER_RENOVATION, UnitStatus.FROZEN})

_WHEN_FREE = {
    UnitStatus.LEASABLE: UnitState.VACANT,
    UnitStatus.RESERVED: UnitState.RESERVED,
    UnitStatus.UNDER_RENOVATION: UnitState.UNAVAILABLE,
    UnitStatus.FROZEN: UnitState.UNAVAILABLE,
    UnitStatus.NOT_LEASABLE: UnitState.NOT_LEASABLE,
}


def is_leasable(status: UnitStatus, use: SpaceUse = SpaceUse.LEASABLE) -> bool:
    """Whether a unit's area counts as leasable: its use is for rent and its status allows it."""
    return not is_common(use) and status not in NOT_LEASABLE_STATUSES


def may_sign(status: UnitStatus, use: SpaceUse = SpaceUse.LEASABLE) -> bool:
    """Whether a contract may be signed on a unit with this status and use."""
    return is_leasable(status, use)


def unit_state(
    status: UnitStatus, occupancy: Occupancy, use: SpaceUse = SpaceUse.LEASABLE
) -> UnitState:
    """The cell of the table for a stored status, the unit's use and its contracts on the date."""
    if is_common(use):
        return UnitState.COMMON
    if not is_leasable(status):
        return UnitState.NOT_LEASABLE
    if occupancy is Occupancy.ACTIVE:
        return UnitState.LEASED
    if occupancy is Occupancy.SIGNED_NOT_STARTED:
        return UnitState.SIGNED
    return _WHEN_FREE[status]


def is_vacant(
    status: UnitStatus, occupancy: Occupancy, use: SpaceUse = SpaceUse.LEASABLE
) -> bool:
    """Vacant (the filter, the map class, vacancy loss) is the "vacant" cell only."""
    return unit_state(status, occupancy, use) is UnitState.VACANT


def is_leased(
    status: UnitStatus, occupancy: Occupancy, use: SpaceUse = SpaceUse.LEASABLE
) -> bool:
    """Leased area is leasable area under a contract active on the date."""
    return unit_state(status, occupancy, use) is UnitState.LEASED


@dataclass(frozen=True)
class OccupancySummary:
    """Counts and areas of a set of units on a date, and the rate they give.

    ``units`` counts every unit, common rooms too; ``common`` those of them whose use is
    common (a corridor, a stair …): ``units − common`` are the units for rent a demo park
    is built with."""

    units: int
    leasable_area: Decimal
    leased_area: Decimal
    vacant_area: Decimal
    common: int = 0

    @property
    def occupancy_rate(self) -> Decimal | None:
        """Leased ÷ leasable area (0–1, four places); None when nothing is leasable."""
        if not self.leasable_area:
            return None
        return ratio(self.leased_area / self.leasable_area)


def summarize_occupancy(
    units: Iterable[tuple[UnitStatus, Occupancy, Decimal, SpaceUse]],
) -> OccupancySummary:
    """Sum ``(status, occupancy on the date, leasable area, use)`` of each unit by the table."""
    count = common = 0
    leasable = leased = vacant = Decimal(0)
    for status, occupancy, area, use in units:
        count += 1
        state = unit_state(status, occupancy, use)
        if state is UnitState.COMMON:
            common += 1
        if state in (UnitState.NOT_LEASABLE, UnitState.COMMON):
            continue
        leasable += area
        if state is UnitState.LEASED:
            leased += area
        elif state is UnitState.VACANT:
            vacant += area
    return OccupancySummary(count, leasable, leased, vacant, common)
