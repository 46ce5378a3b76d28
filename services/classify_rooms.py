"""Classify a building's rooms again: corridors imported as offices become common area.

Floors imported before rooms had a use came in with every corridor, stair
and toilet as an office for rent. This runs ``domain.room_classification``
on each live unit's name and code (what the drawing's label said) and, as
every rewrite of what users entered does, first rehearses: every unit whose
use would change and every unit whose areas would move, before → after.
A unit under an active or future contract is listed, not changed (its
signed area needs an amendment); a use a person chose by hand is kept.
Applying writes one undoable ``set_room_use`` edit per floor, in one
transaction, and re-shares the common area.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.assets import unit_code_local_part
from domain.room_classification import UNDECIDED, RoomEvidence, classify_room
from domain.space_use import SpaceUse
from runtime.messages import UserError
from services.space_edits import set_uses
from store.areas import AreaMove, area_moves, planned_areas, stored_areas
from store.holds import binds, contracts_of
from store.schema import Building, Floor, Park, Unit
from store.workspace import Workspace

MANUAL = "manual"


class ClassifyError(UserError):
    """The building or floor asked for is not there; nothing was written."""


@dataclass(frozen=True)
class UseChange:
    """One unit whose use the classification would change (or would, but may not)."""

    unit_id: uuid.UUID
    code: str
    name: str
    level: int
    before: SpaceUse
    after: SpaceUse
    reason: str  # the decision's code
    word: str  # the word it matched, as written
    contracts: tuple[str, ...] = ()  # binding contracts: listed, not changed

    @property
    def applied(self) -> bool:
        return not self.contracts


@dataclass
class ClassifyPlan:
    """What classifying would do (or did): use changes, area moves, what was left alone."""

    building: str
    levels: tuple[int, ...]
    changes: list[UseChange] = field(default_factory=list)
    area_moves: list[AreaMove] = field(default_factory=list)
    undecided: list[tuple[str, str]] = field(default_factory=list)  # code, name: to review
    kept_manual: list[str] = field(default_factory=list)  # codes whose use a person chose
    applied: bool = False
    edits: list[uuid.UUID] = field(default_factory=list)  # one set_room_use edit per floor

    @property
    def blocked(self) -> list[UseChange]:
        return [c for c in self.changes if not c.applied]

    def to_json(self) -> dict[str, object]:
        return {
            "building": self.building,
            "levels": list(self.levels),
            "applied": self.applied,
            "changes": [{"code": c.code, "name": c.name, "level": c.level,
                         "use_before": c.before.value, "use_after": c.after.value,
                         "reason": c.reason, "word": c.word, "contracts": list(c.contracts),
                         "changed": self.applied and c.applied} for c in self.changes],
            "area_changes": [{"code": m.code,
                              "leasable_before": str(m.before[2]),
                              "leasable_after": str(m.after[2]),
                              "billable_before": str(m.before[3]),
                              "billable_after": str(m.after[3]),
                              "share_before": str(m.before[1]),
                              "share_after": str(m.after[1])} for m in self.area_moves],
            "undecided": [{"code": c, "name": n} for c, n in self.undecided],
            "kept_manual": self.kept_manual,
        }


def rehearse_classification(workspace: Workspace, building: str, level: int | None = None,
                            day: date | None = None, park: str | None = None
                            ) -> ClassifyPlan:
    """Everything classifying would change; nothing is written."""
    with workspace.rehearsal() as session:
        return _classify(session, building, level, day or date.today(), park, write=False)


def apply_classification(workspace: Workspace, building: str, level: int | None = None,
                         day: date | None = None, park: str | None = None) -> ClassifyPlan:
    """Classify and write, in one transaction (units under contract left as they are)."""
    with workspace.transaction() as session:
        plan = _classify(session, building, level, day or date.today(), park, write=True)
        plan.applied = True
        return plan


def evidence_of(unit_name: str, local_code: str) -> RoomEvidence:
    """What a unit still says of its room: the name its label gave it, and its number."""
    return RoomEvidence(label="\n".join(t for t in (local_code, unit_name) if t),
                        name=unit_name)


def _classify(session: Session, building_code: str, level: int | None, day: date,
              park_code: str | None, write: bool) -> ClassifyPlan:
    park, building = _building(session, building_code, park_code)
    floors = {f.id: f for f in session.scalars(select(Floor).where(
        Floor.building_id == building.id, ~Floor.archived))}
    if level is not None and not any(f.level == level for f in floors.values()):
        raise ClassifyError(f"building {building.code} has no floor at level {level}",
                            "no-floor-level", building=building.code, level=str(level))
    wanted = [f for f in floors.values() if level is None or f.level == level]
    plan = ClassifyPlan(building.code, tuple(sorted(f.level for f in wanted)))
    units = list(session.scalars(select(Unit).where(
        Unit.floor_id.in_([f.id for f in wanted]), ~Unit.archived).order_by(Unit.code)))
    holds = contracts_of(session, [u.id for u in units])
    decided: dict[Unit, tuple[SpaceUse, str]] = {}
    for unit in units:
        local = unit_code_local_part(unit.code, park.code, building.code)
        decision = classify_room(evidence_of(unit.name, local))
        if decision.code == UNDECIDED:
            plan.undecided.append((unit.code, unit.name))
        if decision.use is unit.space_use:
            continue
        if unit.use_reason == MANUAL:
            plan.kept_manual.append(unit.code)
            continue
        contracts = tuple(c.code for c, link in holds.get(unit.id, []) if binds(c, day, link))
        plan.changes.append(UseChange(unit.id, unit.code, unit.name, floors[unit.floor_id].level,
                                      unit.space_use, decision.use, decision.code,
                                      decision.word, contracts))
        if not contracts:
            reason = f"{decision.code}:{decision.word}" if decision.word else decision.code
            decided[unit] = (decision.use, reason)
    before = stored_areas(session, building.id)
    overrides = {u.id: (u.internal_area, use) for u, (use, _reason) in decided.items()}
    plan.area_moves = area_moves(before, planned_areas(session, building.id, before, overrides))
    if write:
        by_floor: dict[uuid.UUID, dict[Unit, tuple[SpaceUse, str]]] = {}
        for unit, use in decided.items():
            by_floor.setdefault(unit.floor_id, {})[unit] = use
        for uses in by_floor.values():
            plan.edits.append(set_uses(session, uses, day).id)
    return plan


def _building(session: Session, code: str, park_code: str | None) -> tuple[Park, Building]:
    query = select(Park, Building).join(Building, Building.park_id == Park.id).where(
        Building.code == code, ~Building.archived)
    if park_code is not None:
        query = query.where(Park.code == park_code)
    found = session.execute(query).all()
    if not found:
        raise ClassifyError(f"no building {code}", "no-building", building=code)
    if len(found) > 1:
        raise ClassifyError(f"building {code} is in {len(found)} parks; name one with --park",
                            "building-ambiguous", building=code, count=str(len(found)))
    park, building = found[0]
    return park, building

