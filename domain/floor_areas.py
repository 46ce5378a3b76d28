"""How a floor's areas are worked out (面积口径, SPEC §1): one rule, every writer calls it.

Each unit's internal area (套内面积) comes from its polygon. A floor's common
pool is the internal area of its common units (corridors, stairs, toilets …)
plus its walls and unassigned floor (the outline's gross area less every
unit's internal area, when the floor has an outline). The pool is shared over
the floor's units for rent in proportion to internal area; a building's shared
common rooms (``SpaceUse.BUILDING_COMMON``) are pooled over the units for
rent on all its floors the same way. Both shares are rounded to 0.01 m² by
largest remainder (``domain.allocation``), so they add up to their pools
exactly. Then, for a unit for rent: share = floor share + building share,
leasable = gross = internal + share, billable = leasable or internal by the
park's rule; for a common unit: no share, nothing leasable or billable, gross
= internal. The status a person set does not change areas: a frozen unit
keeps its share (the truth table keeps it out of leasable sums).

>>> from decimal import Decimal as D
>>> floor = FloorInput("F1", D("250"), (
...     UnitInput("a", D("100"), SpaceUse.LEASABLE), UnitInput("b", D("50"), SpaceUse.LEASABLE),
...     UnitInput("c", D("40"), SpaceUse.COMMON)))
>>> areas = allocate_building([floor], BillableRule.LEASABLE)
>>> areas["a"].share, areas["b"].share, areas["c"].leasable
(Decimal('66.67'), Decimal('33.33'), Decimal('0.00'))
>>> areas["a"].leasable, areas["a"].billable
(Decimal('166.67'), Decimal('166.67'))
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

from domain.allocation import allocate_common_area
from domain.space_use import SpaceUse, is_common

ZERO = Decimal("0.00")


class BillableRule(StrEnum):
    """Which area a park bills on (计租面积口径)."""

    LEASABLE = "leasable"  # internal area plus the common share (the usual Chinese practice)
    INTERNAL = "internal"  # internal area alone (套内计租)


@dataclass(frozen=True)
class UnitInput:
    key: Hashable
    internal: Decimal
    use: SpaceUse


@dataclass(frozen=True)
class FloorInput:
    key: Hashable
    gross: Decimal | None  # the floor outline's area; None when the drawing had none
    units: tuple[UnitInput, ...]


class UnitAreas(NamedTuple):
    """A unit's stored areas, as the rule makes them (a tuple: thousands are made per edit)."""

    gross: Decimal
    internal: Decimal
    share: Decimal
    leasable: Decimal
    billable: Decimal
    floor_share: Decimal = ZERO
    building_share: Decimal = ZERO


@dataclass(frozen=True)
class FloorPool:
    """What a floor's common pool is made of."""

    common_rooms: Decimal  # internal area of the floor's common units
    walls: Decimal  # gross less every unit's internal area (0 without an outline)
    excess: Decimal  # units' internal area beyond the outline (a finding), else 0

    @property
    def total(self) -> Decimal:
        return self.common_rooms + self.walls


def floor_pool(floor: FloorInput) -> FloorPool:
    """The floor's own common pool: its common rooms, walls and unassigned floor."""
    rooms = sum((u.internal for u in floor.units if u.use is SpaceUse.COMMON), ZERO)
    walls = excess = ZERO
    if floor.gross is not None:
        rest = floor.gross - sum((u.internal for u in floor.units), ZERO)
        walls, excess = (rest, ZERO) if rest >= 0 else (ZERO, -rest)
    return FloorPool(rooms, walls, excess)


def allocate_building(
    floors: Sequence[FloorInput], rule: BillableRule
) -> dict[Hashable, UnitAreas]:
    """Every unit's areas on a building's floors (see the module's rule)."""
    floor_shares: dict[Hashable, Decimal] = {}
    for floor in floors:
        floor_shares.update(_shares(_for_rent(floor.units), floor_pool(floor).total))
    building_pool = sum((u.internal for f in floors for u in f.units
                         if u.use is SpaceUse.BUILDING_COMMON), ZERO)
    building_shares = _shares([u for f in floors for u in _for_rent(f.units)], building_pool)
    result: dict[Hashable, UnitAreas] = {}
    for floor in floors:
        for unit in floor.units:
            if is_common(unit.use):
                result[unit.key] = UnitAreas(unit.internal, unit.internal, ZERO, ZERO, ZERO)
                continue
            own = floor_shares.get(unit.key, ZERO)
            shared = building_shares.get(unit.key, ZERO)
            share = own + shared
            leasable = unit.internal + share
            billable = leasable if rule is BillableRule.LEASABLE else unit.internal
            result[unit.key] = UnitAreas(leasable, unit.internal, share, leasable, billable,
                                         own, shared)
    return result


def _for_rent(units: Sequence[UnitInput]) -> list[UnitInput]:
    return [u for u in units if not is_common(u.use)]


def _shares(units: Sequence[UnitInput], pool: Decimal) -> dict[Hashable, Decimal]:
    """The pool shared by internal area; nothing to share over (or nothing to share): zero."""
    internal = [u.internal for u in units]
    if pool <= 0 or sum(internal, ZERO) <= 0:
        return {u.key: ZERO for u in units}
    return {u.key: s for u, s in zip(units, allocate_common_area(internal, pool), strict=True)}
