"""Keep a building's stored unit areas as ``domain.floor_areas`` makes them.

Every writer that changes a unit's outline or use (a re-import, a split,
merge or reshape, a change of use, a new unit) ends by calling
:func:`reallocate` on the building: it reads the live units' internal
areas and uses and the floors' gross areas, applies the one rule, and
writes only the areas that moved, in bulk. The changes come back before →
after, for the rehearsal's list and for the command that carries them.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.floor_areas import BillableRule, FloorInput, UnitAreas, UnitInput, allocate_building
from domain.space_use import SpaceUse
from store.changes import update_rows
from store.schema import Building, Floor, Park, Unit

AREA_FIELDS = ("gross_area", "common_share", "leasable_area", "billable_area")


@dataclass(frozen=True)
class StoredAreas:
    """A unit's areas as the store holds them."""

    id: uuid.UUID
    code: str
    floor_id: uuid.UUID
    internal: Decimal
    use: SpaceUse
    gross: Decimal
    share: Decimal
    leasable: Decimal
    billable: Decimal

    def values(self) -> tuple[Decimal, Decimal, Decimal, Decimal]:
        return self.gross, self.share, self.leasable, self.billable


@dataclass(frozen=True)
class AreaMove:
    """One unit whose stored areas the rule changes: before → after."""

    unit_id: uuid.UUID
    code: str
    before: tuple[Decimal, Decimal, Decimal, Decimal]  # gross, share, leasable, billable
    after: tuple[Decimal, Decimal, Decimal, Decimal]

    def changed_fields(self) -> dict[str, Decimal]:
        return {name: new for name, old, new in zip(AREA_FIELDS, self.before, self.after,
                                                      strict=True) if old != new}

    @property
    def leasable(self) -> tuple[Decimal, Decimal]:
        return self.before[2], self.after[2]

    @property
    def billable(self) -> tuple[Decimal, Decimal]:
        return self.before[3], self.after[3]


def building_rule(session: Session, building_id: uuid.UUID) -> BillableRule:
    rule = session.execute(
        select(Park.billable_rule).join(Building, Building.park_id == Park.id)
        .where(Building.id == building_id)).scalar_one()
    return BillableRule(rule)


def stored_areas(session: Session, building_id: uuid.UUID) -> list[StoredAreas]:
    """The building's live units' areas, as plain records (no ORM objects: a floor of
    thousands is read in a few milliseconds)."""
    rows = session.execute(
        select(Unit.id, Unit.code, Unit.floor_id, Unit.internal_area, Unit.space_use,
               Unit.gross_area, Unit.common_share, Unit.leasable_area, Unit.billable_area)
        .join(Floor, Floor.id == Unit.floor_id)
        .where(Floor.building_id == building_id, ~Unit.archived, ~Floor.archived)
        .order_by(Unit.floor_id, Unit.code))
    return [StoredAreas(*row) for row in rows]


def planned_areas(
    session: Session,
    building_id: uuid.UUID,
    units: list[StoredAreas],
    overrides: Mapping[uuid.UUID, tuple[Decimal, SpaceUse]] | None = None,
    rule: BillableRule | None = None,
) -> dict[uuid.UUID, UnitAreas]:
    """What the rule makes of ``units``, with some units' (internal area, use) overridden
    (a rehearsal asks what a change of use would do before writing it)."""
    overrides = overrides or {}
    gross = dict(session.execute(
        select(Floor.id, Floor.gross_area).where(Floor.building_id == building_id)).all())
    by_floor: dict[uuid.UUID, list[UnitInput]] = {}
    for u in units:
        internal, use = overrides.get(u.id, (u.internal, u.use))
        by_floor.setdefault(u.floor_id, []).append(UnitInput(u.id, internal, use))
    floors = [FloorInput(fid, gross.get(fid), tuple(members))
              for fid, members in by_floor.items()]
    rule = rule or building_rule(session, building_id)
    return allocate_building(floors, rule)  # type: ignore[return-value]


def area_moves(units: list[StoredAreas], planned: Mapping[uuid.UUID, UnitAreas]
               ) -> list[AreaMove]:
    moves = []
    for u in units:
        new = planned[u.id]
        after = (new.gross, new.share, new.leasable, new.billable)
        if after != u.values():
            moves.append(AreaMove(u.id, u.code, u.values(), after))
    return moves


def reallocate(session: Session, building_id: uuid.UUID) -> list[AreaMove]:
    """Recompute every live unit's areas in the building; write the ones that moved."""
    session.flush()
    units = stored_areas(session, building_id)
    moves = area_moves(units, planned_areas(session, building_id, units))
    update_rows(session, Unit, [(m.unit_id, m.changed_fields()) for m in moves])
    return moves
