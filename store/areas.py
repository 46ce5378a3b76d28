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
from typing import Any, NamedTuple

from sqlalchemy import Uuid, bindparam, select, text
from sqlalchemy.orm import Session

from domain.floor_areas import BillableRule, FloorInput, UnitAreas, UnitInput, allocate_building
from domain.space_use import SpaceUse
from store.changes import update_rows
from store.decode import as_id
from store.schema import Building, Floor, Park, Unit

AREA_FIELDS = ("gross_area", "common_share", "leasable_area", "billable_area")


class StoredAreas(NamedTuple):
    """A unit's areas as the store holds them (a tuple: a building's thousands are read per
    edit)."""

    id: str  # hex (raw_key): a unit's UUID is made only when its areas move
    code: str
    floor_id: str
    internal: Decimal
    use: SpaceUse
    gross: Decimal
    share: Decimal
    leasable: Decimal
    billable: Decimal

    def stored(self) -> tuple[Decimal, Decimal, Decimal, Decimal]:
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


# Raw rows, without SQLAlchemy's per-value conversions (a 2,000-unit floor's areas are
# read in a few milliseconds instead of ~100): ids and decimals are decoded below.
_STORED = text("""
    SELECT u.id, u.code, u.floor_id, u.internal_area, u.space_use, u.gross_area,
           u.common_share, u.leasable_area, u.billable_area
    FROM units u JOIN floors f ON f.id = u.floor_id
    WHERE f.building_id = :building AND u.archived = false AND f.archived = false
    ORDER BY f.level, u.code
""").bindparams(bindparam("building", type_=Uuid()))
_USES = {use.value: use for use in SpaceUse}


def stored_areas(session: Session, building_id: uuid.UUID) -> list[StoredAreas]:
    """The building's live units' areas, as plain records."""
    rows = session.connection().execute(_STORED, {"building": building_id})
    return [StoredAreas(raw_key(uid), code, raw_key(fid), _dec(internal), _USES[use],
                        _dec(gross), _dec(share), _dec(leasable), _dec(billable))
            for uid, code, fid, internal, use, gross, share, leasable, billable in rows]


def _dec(value: Any) -> Decimal:
    """A stored area: text on SQLite, NUMERIC on PostgreSQL; two places either way."""
    return Decimal(value)


def planned_areas(
    session: Session,
    building_id: uuid.UUID,
    units: list[StoredAreas],
    overrides: Mapping[uuid.UUID, tuple[Decimal, SpaceUse]] | None = None,
    rule: BillableRule | None = None,
) -> dict[str, UnitAreas]:
    """What the rule makes of ``units``, with some units' (internal area, use) overridden
    (a rehearsal asks what a change of use would do before writing it)."""
    changed = {k.hex: v for k, v in (overrides or {}).items()}
    gross = {raw_key(fid): area for fid, area in session.execute(
        select(Floor.id, Floor.gross_area).where(Floor.building_id == building_id)).all()}
    by_floor: dict[uuid.UUID, list[UnitInput]] = {}
    for u in units:
        internal, use = changed.get(u.id, (u.internal, u.use))
        by_floor.setdefault(raw_key(u.floor_id), []).append(UnitInput(u.id, internal, use))
    floors = [FloorInput(fid, gross.get(fid), tuple(members))
              for fid, members in by_floor.items()]
    rule = rule or building_rule(session, building_id)
    return allocate_building(floors, rule)  # type: ignore[return-value]


def raw_key(value: object) -> str:
    """An id as 32 hex digits, whichever form the engine gave it: a key to group and match
    thousands of rows on without making a ``uuid.UUID`` of each."""
    return value.hex if isinstance(value, uuid.UUID) else str(value)


def area_moves(units: list[StoredAreas], planned: Mapping[str, UnitAreas]
               ) -> list[AreaMove]:
    moves = []
    for u in units:
        new = planned[u.id]
        after = (new.gross, new.share, new.leasable, new.billable)
        if after != u.stored():
            moves.append(AreaMove(as_id(u.id), u.code, u.stored(), after))
    return moves


def reallocate(session: Session, building_id: uuid.UUID) -> list[AreaMove]:
    """Recompute every live unit's areas in the building; write the ones that moved."""
    session.flush()
    units = stored_areas(session, building_id)
    moves = area_moves(units, planned_areas(session, building_id, units))
    update_rows(session, Unit, [(m.unit_id, m.changed_fields()) for m in moves])
    return moves
