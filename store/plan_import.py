"""Write an accepted floor plan into the register, in the caller's transaction.

New rooms become units; rooms a re-import recognises (by key, code or
overlap: ``importers.reimport``) keep their unit, so contracts and history
stay attached, and get the new outline and areas; units gone from the drawing
are archived — unless a contract points at them, in which case they are kept
and reported. Common areas are re-allocated over the floor after the change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from shapely.geometry.base import BaseGeometry
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain.assets import BuildingKind, UnitStatus, UnitType
from importers.plan import ImportedPlan, PlanFloor, PlanUnit
from importers.reimport import ExistingUnit, diff_floor
from spatial.allocation import allocate_common_area
from spatial.geometry import area_m2, lines_to_wkb, polygon_from_wkb, polygon_to_wkb
from store.schema import Building, ContractUnit, Floor, Park, Unit

UNIT_TYPE_FOR = {
    BuildingKind.OFFICE: UnitType.OFFICE,
    BuildingKind.INDUSTRIAL: UnitType.INDUSTRIAL,
    BuildingKind.WAREHOUSE: UnitType.WAREHOUSE,
    BuildingKind.RETAIL: UnitType.RETAIL,
    BuildingKind.APARTMENT: UnitType.APARTMENT,
    BuildingKind.MIXED: UnitType.OTHER,
}


class PlanImportError(ValueError):
    """The plan cannot go into this workspace as asked; nothing was written."""


@dataclass
class FloorChanges:
    level: int
    name: str
    created: bool
    added: list[str] = field(default_factory=list)
    updated: list[tuple[str, Decimal, Decimal]] = field(default_factory=list)  # code, before, after
    unchanged: list[str] = field(default_factory=list)
    archived: list[str] = field(default_factory=list)
    kept_with_contracts: list[str] = field(default_factory=list)


@dataclass
class ImportChanges:
    building: str
    building_created: bool
    floors: list[FloorChanges] = field(default_factory=list)

    def summary(self) -> str:
        lines = [f"building {self.building}{' (new)' if self.building_created else ''}"]
        for f in self.floors:
            lines.append(
                f"  {f.name} (level {f.level}{', new' if f.created else ''}): "
                f"{len(f.added)} added, {len(f.updated)} changed, {len(f.unchanged)} unchanged, "
                f"{len(f.archived)} removed, {len(f.kept_with_contracts)} kept (under contract)"
            )
            lines.extend(
                f"    changed {code}: {before} → {after} m²" for code, before, after in f.updated
            )
            lines.extend(
                f"    kept {code}: gone from the drawing but a contract points at it"
                for code in f.kept_with_contracts
            )
        return "\n".join(lines)


def floor_levels(plan: ImportedPlan, level: int | None) -> list[int]:
    """The register level of each plan floor: ``level`` for a one-floor plan, else by elevation.

    Floors below zero elevation count down from -1; the others count up from 1.
    """
    if level is not None:
        if len(plan.floors) != 1:
            raise PlanImportError(
                f"--floor applies to a one-floor plan; {plan.source} has {len(plan.floors)} floors"
            )
        return [level]
    order = sorted(
        range(len(plan.floors)),
        key=lambda i: (plan.floors[i].elevation or Decimal(0), i),
    )
    levels = [0] * len(plan.floors)
    below = [i for i in order if (plan.floors[i].elevation or 0) < 0]
    above = [i for i in order if (plan.floors[i].elevation or 0) >= 0]
    for n, i in enumerate(reversed(below), start=1):
        levels[i] = -n
    for n, i in enumerate(above, start=1):
        levels[i] = n
    return levels


def import_plan(
    session: Session,
    plan: ImportedPlan,
    building_code: str,
    level: int | None = None,
    park_code: str | None = None,
) -> ImportChanges:
    """Apply ``plan`` to the building; raises PlanImportError before writing anything."""
    if plan.errors:
        raise PlanImportError("; ".join(p.message for p in plan.errors))
    if not any(f.units for f in plan.floors):
        raise PlanImportError(f"{plan.source}: no rooms were found to import")
    park = park_for_import(session, park_code)
    levels = floor_levels(plan, level)
    building = session.scalars(
        select(Building).where(Building.park_id == park.id, Building.code == building_code)
    ).one_or_none()
    changes = ImportChanges(building_code, building is None)
    if building is None:
        last = session.scalar(
            select(func.max(Building.sort_order)).where(Building.park_id == park.id)
        )
        building = Building(
            sort_order=(last or 0) + 1,  # new buildings list after the existing ones
            park_id=park.id,
            code=building_code,
            name=building_code,
            kind=BuildingKind.OFFICE,
            floors_above=max([lv for lv in levels if lv > 0], default=0),
            floors_below=-min([lv for lv in levels if lv < 0], default=0),
        )
        session.add(building)
        session.flush()
    for plan_floor, lv in zip(plan.floors, levels, strict=True):
        if plan_floor.units:
            changes.floors.append(_import_floor(session, park, building, plan, plan_floor, lv))
    session.flush()
    return changes


def park_for_import(session: Session, park_code: str | None) -> Park:
    """The park a drawing goes into: the only one, or the one named."""
    parks = list(session.scalars(select(Park).where(~Park.archived)))
    if park_code is not None:
        parks = [p for p in parks if p.code == park_code]
    if len(parks) != 1:
        raise PlanImportError(
            "the workspace has no park"
            if not parks
            else f"the workspace has {len(parks)} parks; name one with --park"
        )
    return parks[0]


def _import_floor(
    session: Session,
    park: Park,
    building: Building,
    plan: ImportedPlan,
    plan_floor: PlanFloor,
    level: int,
) -> FloorChanges:
    floor = session.scalars(
        select(Floor).where(Floor.building_id == building.id, Floor.level == level)
    ).one_or_none()
    created = floor is None
    if floor is None:
        floor = Floor(building_id=building.id, level=level, name=plan_floor.name or f"{level}F")
        session.add(floor)
    if plan_floor.elevation is not None:
        floor.elevation = plan_floor.elevation
    floor.source_key = plan_floor.key
    floor.background_source = plan.source[-500:]
    if plan_floor.background is not None and not plan_floor.background.is_empty:
        floor.background = lines_to_wkb(plan_floor.background)
    if plan_floor.outline is not None and not plan_floor.outline.is_empty:
        floor.outline = polygon_to_wkb(plan_floor.outline)
        floor.gross_area = area_m2(plan_floor.outline)
    session.flush()
    changes = FloorChanges(level, floor.name, created)

    live = list(session.scalars(select(Unit).where(Unit.floor_id == floor.id, ~Unit.archived)))
    existing = [
        ExistingUnit(
            u.id, u.source_key, u.code, polygon_from_wkb(u.geometry) if u.geometry else None
        )
        for u in live
    ]
    by_id = {u.id: u for u in live}
    diff = diff_floor(existing, plan_floor.units)
    for match in diff.matched:
        unit = by_id[match.existing.id]  # type: ignore[index]
        unit.source_key = match.incoming.key
        if match.changed:
            before = unit.internal_area
            _set_shape(unit, match.incoming.polygon)
            changes.updated.append((unit.code, before, unit.internal_area))
        else:
            changes.unchanged.append(unit.code)
    taken = set(session.scalars(select(Unit.code).where(Unit.park_id == park.id)))
    for room in diff.added:
        unit = _new_unit(park, building, floor, room, taken)
        session.add(unit)
        live.append(unit)
        changes.added.append(unit.code)
    leased = set(
        session.scalars(
            select(ContractUnit.unit_id).where(
                ContractUnit.unit_id.in_([u.id for u in diff.removed]), ~ContractUnit.archived
            )
        )
    )
    for gone in diff.removed:
        unit = by_id[gone.id]  # type: ignore[index]
        if unit.id in leased:
            changes.kept_with_contracts.append(unit.code)
        else:
            unit.archived = True
            live.remove(unit)
            changes.archived.append(unit.code)
    _allocate(floor, live)
    return changes


def _code(park: Park, building: Building, level: int, room: PlanUnit, taken: set[str]) -> str:
    label = re.sub(r"[^0-9A-Za-z\u4e00-\u9fff_.-]+", "", room.code)[:16]
    floor_part = f"B{-level}" if level < 0 else f"{level:02d}"
    base = (
        f"{park.code}-{building.code}-{label}"
        if label
        else f"{park.code}-{building.code}-{floor_part}"
    )
    code, n = base, 1
    while code in taken:
        n += 1
        code = f"{base}-{n}"
    taken.add(code)
    return code


def _new_unit(
    park: Park, building: Building, floor: Floor, room: PlanUnit, taken: set[str]
) -> Unit:
    unit = Unit(
        park_id=park.id,
        floor_id=floor.id,
        code=_code(park, building, floor.level, room, taken),
        name=room.name or room.code,
        unit_type=UNIT_TYPE_FOR.get(building.kind, UnitType.OTHER),
        status=UnitStatus.LEASABLE,
        source_key=room.key,
        notes=""
        if room.confidence >= 0.8
        else f"imported with confidence {room.confidence:.2f}: {room.reason}",
    )
    _set_shape(unit, room.polygon)
    # Whole until the floor's common area is allocated over it (_allocate).
    unit.common_share = Decimal("0.00")
    unit.gross_area = unit.leasable_area = unit.billable_area = unit.internal_area
    return unit


def _set_shape(unit: Unit, polygon: BaseGeometry) -> None:
    unit.geometry = polygon_to_wkb(polygon)
    unit.internal_area = area_m2(polygon)


def _allocate(floor: Floor, units: list[Unit]) -> None:
    """Spread the floor's common area (outline minus rooms) over its units by internal area."""
    if not units:
        return
    internal = [u.internal_area for u in units]
    common = Decimal(0)
    if floor.gross_area is not None:
        common = max(floor.gross_area - sum(internal, Decimal(0)), Decimal(0))
    shares = (
        allocate_common_area(internal, common)
        if common > 0 and sum(internal, Decimal(0)) > 0
        else [Decimal("0.00")] * len(units)
    )
    for unit, share in zip(units, shares, strict=True):
        gross = unit.internal_area + share
        for name, value in (
            ("common_share", share),
            ("gross_area", gross),
            ("leasable_area", gross),
            ("billable_area", gross),
        ):
            if getattr(unit, name) != value:
                setattr(unit, name, value)
