"""Write an accepted floor plan into the register, in the caller's transaction.

New rooms become units; rooms a re-import recognises (by key, label or
overlap: ``importers.reimport``) keep their unit, so contracts, asking rent,
tags and notes stay attached, and get the new outline and areas; units gone
from the drawing are archived — unless a contract points at them, in which
case they are kept and reported. Common areas are re-allocated over the floor
after the change, so every unit's leasable and billable area is recomputed
and they add up; each area that moves is reported, and the area a contract
was signed on (``ContractUnit.billable_area``) is never changed here: a
difference for a binding contract is listed for an amendment.

Before anything is changed the drawing is checked against the floor: a
drawing that hardly meets the floor's units, or whose room numbers name
another level, is reported (``FloorChanges.warnings``) so the caller can ask
for a confirmation. No two live units on a floor may overlap: when the
floor's units after the import (matched, added and kept) would share more
than ``OVERLAP_TOLERANCE``, the import stops before writing
(:class:`UnitsOverlap`; :class:`KeptUnitOverlap` when a room lies on a unit
kept for its contract). A room matched to a unit only by where it lies,
although its label names another room, is reported
(``FloorChanges.relabelled``), and needs attention when a binding contract is
on that unit. New floors are named from their level (``3F``, ``B1``); the
drawing they came from stays in ``Floor.background_source``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain.assets import (
    BuildingKind,
    UnitStatus,
    UnitType,
    clean_unit_label,
    compose_unit_code,
    floor_name,
    free_unit_codes,
    label_level,
    unit_code_local_part,
)
from domain.contracts import ContractStatus
from domain.space_use import SpaceUse
from importers.plan import ImportedPlan, PlanFloor, PlanUnit
from importers.reimport import ExistingUnit, FloorDiff, diff_floor
from runtime.jobs import Job
from runtime.messages import UserError
from spatial.geometry import area_m2, lines_to_wkb, polygon_from_wkb, polygon_to_wkb, round_area
from spatial.overlaps import meeting_pairs, shared_area, shared_areas
from store.areas import AreaMove, reallocate
from store.holds import binds, contracts_of
from store.schema import Building, Contract, ContractUnit, Floor, Park, Unit

UNIT_TYPE_FOR = {
    BuildingKind.OFFICE: UnitType.OFFICE,
    BuildingKind.INDUSTRIAL: UnitType.INDUSTRIAL,
    BuildingKind.WAREHOUSE: UnitType.WAREHOUSE,
    BuildingKind.RETAIL: UnitType.RETAIL,
    BuildingKind.APARTMENT: UnitType.APARTMENT,
    BuildingKind.MIXED: UnitType.OTHER,
}
OVERLAP_TOLERANCE = 0.01  # m²: two live units on a floor may share no more than this
MIN_FIT = Decimal("0.2")  # a drawing meeting fewer of the floor's units may be another floor
STEP_UNITS = 200  # rooms written between two progress reports (and chances to cancel)


class PlanImportError(UserError, ValueError):
    """The plan cannot go into this workspace as asked; nothing was written.

    Its ``code`` and ``params`` say it in the user's language (views.message_text).
    """


@dataclass(frozen=True)
class KeptOverlap:
    """A drawing's room on top of a unit kept because a contract points at it.

    ``contracts`` are the contracts active or to come on the import's day: the
    reason the unit must stay as it is. A unit only an ended (or draft)
    contract points at is kept for its history; ``history`` names those
    contracts then, each with its last day (None: a draft), so the advice fits.
    """

    room: str  # the drawing's label (or key) of the room
    unit: str  # the kept unit's code
    contracts: tuple[str, ...]  # the codes of the binding contracts that keep it
    area: Decimal  # m² they share
    history: tuple[tuple[str, date | None], ...] = ()  # other contracts on it: code, ended

    def describe(self) -> str:
        """The pair as the refusal lists it."""
        if self.contracts:
            return f"room {self.room} overlaps {self.unit} ({', '.join(self.contracts)}) " \
                f"by {self.area} m²"
        said = ", and ".join(
            f"{code}, a draft," if ended is None else f"{code}, ended {ended.isoformat()},"
            for code, ended in self.history)
        verb = "contracts" if len(self.history) > 1 else "contract"
        point = "point" if len(self.history) > 1 else "points"
        return (f"room {self.room} overlaps {self.unit} by {self.area} m², kept because "
                f"{verb} {said} {point} at it")


@dataclass(frozen=True)
class Overlap:
    """Two of the floor's units, as the import would leave them, sharing floor area.

    Each side is a room of the drawing (its label, else its key) and the unit
    it was matched to, empty for a new room.
    """

    first: str
    second: str
    area: Decimal  # m² they share
    first_unit: str = ""
    second_unit: str = ""

    def describe(self) -> str:
        """``room 302 (ZD-C-302) and room 305 share 50.00 m²``."""
        def side(room: str, unit: str) -> str:
            return f"room {room} ({unit})" if unit else f"room {room}"

        return (f"{side(self.first, self.first_unit)} and "
                f"{side(self.second, self.second_unit)} share {self.area} m²")


class UnitsOverlap(PlanImportError):
    """After the import two live units of a floor would overlap: refused, nothing written.

    ``overlaps`` are pairs of the drawing's rooms; ``kept`` are rooms on units
    kept for a contract (:class:`KeptUnitOverlap` is raised when there are any).
    """

    def __init__(self, floor: str, overlaps: list[Overlap],
                 kept: list[KeptOverlap] | None = None) -> None:
        self.floor = floor
        self.overlaps = overlaps
        self.kept = list(kept or [])
        parts: list[str] = []
        if self.kept:
            parts.append("the drawing's rooms overlap units kept for their contracts: "
                         + "; ".join(p.describe() for p in self.kept))
        if overlaps:
            parts.append(
                f"the drawing's rooms overlap each other (more than {OVERLAP_TOLERANCE} m² "
                "shared): "
                + "; ".join(o.describe() for o in overlaps))
        advice = []
        if any(p.contracts for p in self.kept):
            advice.append("end or amend those contracts")
        if any(not p.contracts for p in self.kept):
            advice.append("archive the units kept only for ended or draft contracts first (the "
                          "import cannot overwrite a unit with history)")
        advice.append("correct the drawing")
        super().__init__(f"floor {floor}: {'; '.join(parts)}; {', or '.join(advice)}",
                         "units-overlap", floor=floor)


class KeptUnitOverlap(UnitsOverlap):
    """Rooms would overlap units kept for their contracts: two tenants on one floor area."""

    def __init__(self, floor: str, pairs: list[KeptOverlap],
                 overlaps: list[Overlap] | None = None) -> None:
        super().__init__(floor, list(overlaps or []), pairs)

    @property
    def pairs(self) -> list[KeptOverlap]:
        """The rooms on kept units (the other overlaps are in ``overlaps``)."""
        return self.kept


@dataclass(frozen=True)
class FitWarning:
    """Why the drawing may not belong on this floor; the import then needs a confirmation.

    ``case`` is ``"overlap"`` (it hardly meets the floor's units: another floor,
    or another origin) or ``"labels"`` (its room numbers name another level).
    """

    case: str
    message: str
    params: dict[str, str] = field(default_factory=dict)

    @property
    def code(self) -> str:
        """The message's code, as views.message_text words it."""
        return f"fit-{self.case}"


@dataclass(frozen=True)
class AreaChange:
    """A unit whose leasable or billable area the import changes (None: it had none)."""

    code: str
    leasable_before: Decimal | None
    leasable_after: Decimal
    billable_before: Decimal | None
    billable_after: Decimal


@dataclass(frozen=True)
class Amendment:
    """A binding contract whose signed area no longer is its unit's billable area."""

    contract: str
    unit: str
    signed_area: Decimal
    new_area: Decimal


@dataclass(frozen=True)
class Relabel:
    """A unit matched by overlap to a room the drawing labels as another one.

    It is still matched (the same place keeps its unit, contract and history),
    but a person should see it: ``contracts`` are the binding contracts on the
    unit, and when there are any the change needs attention like an amendment.

    Or (``new_code`` set: :attr:`renumbered`) a unit whose code an older import
    made of the drawing's handle or key (``ZD-C-2B13``), which the import
    replaces by a readable one (``ZD-C-0307``, or the room's label): never
    silently, since people and papers may know the old code. ``code`` is then
    the code before, ``unit_label`` its local part, ``room_label`` the new one's.
    """

    code: str
    unit_label: str  # the unit code's local part, e.g. 0301
    room_label: str  # what the drawing calls the room, e.g. 308
    area_before: Decimal | None
    area_after: Decimal
    contracts: tuple[str, ...] = ()
    new_code: str = ""  # the code the unit takes instead of a handle ("": it keeps its code)

    @property
    def renumbered(self) -> bool:
        return bool(self.new_code)

    @property
    def needs_attention(self) -> bool:
        return bool(self.contracts)

    def describe(self) -> str:
        if self.renumbered:
            return (f"{self.code} → {self.new_code}: its code {self.unit_label} was made of the "
                    "drawing's internal handle, not a number a person can say")
        return (f"{self.code} matched by overlap, label {self.room_label} differs from unit "
                f"{self.unit_label}: {self.area_before} → {self.area_after} m²")

    def attention(self) -> str:
        """Why a binding contract on the unit needs a look (see :attr:`needs_attention`)."""
        if self.renumbered:
            return (f"contract {', '.join(self.contracts)}, unit {self.code} is now "
                    f"{self.new_code}: the contract names the old code")
        return (f"contract {', '.join(self.contracts)}, unit {self.code}: matched by overlap "
                f"to room {self.room_label}, whose label differs from unit {self.unit_label}")


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
    # every existing unit whose leasable or billable area moves, "unchanged" ones included
    # (and units of other floors, when the building's shared common area changes)
    area_changes: list[AreaChange] = field(default_factory=list)
    amendments: list[Amendment] = field(default_factory=list)
    warnings: list[FitWarning] = field(default_factory=list)
    matched_by: dict[str, str] = field(default_factory=dict)  # code → "key" | "code" | "overlap"
    relabelled: list[Relabel] = field(default_factory=list)
    # the code each room of the drawing's floor gets, in the drawing's order: a label
    # such as 302,304, or none, is not the code people will see (ZD-C-302-304, ZD-C-0306);
    # by position, since a room may have no key (a DWG or a DXF without a fingerprint)
    room_codes: list[str] = field(default_factory=list)


@dataclass
class ImportChanges:
    building: str
    building_created: bool
    floors: list[FloorChanges] = field(default_factory=list)

    @property
    def warnings(self) -> list[FitWarning]:
        """What needs a person's confirmation before the import is applied."""
        return [w for f in self.floors for w in f.warnings]

    def summary(self) -> str:
        lines = [f"building {self.building}{' (new)' if self.building_created else ''}"]
        for f in self.floors:
            lines.append(
                f"  {f.name} (level {f.level}{', new' if f.created else ''}): "
                f"{len(f.added)} added, {len(f.updated)} changed, {len(f.unchanged)} unchanged, "
                f"{len(f.archived)} removed, {len(f.kept_with_contracts)} kept (under contract)"
            )
            lines.extend(f"    warning: {w.message}" for w in f.warnings)
            lines.extend(f"    relabelled: {r.describe()}" for r in f.relabelled)
            lines.extend(
                f"    changed {code}: {before} → {after} m²" for code, before, after in f.updated
            )
            lines.extend(
                f"    kept {code}: gone from the drawing but a contract points at it"
                for code in f.kept_with_contracts
            )
            lines.extend(
                f"    area {a.code}: leasable {a.leasable_before} → {a.leasable_after} m², "
                f"billable {a.billable_before} → {a.billable_after} m²"
                for a in f.area_changes
            )
            lines.extend(
                f"    amendment needed: contract {a.contract}, unit {a.unit}: signed on "
                f"{a.signed_area} m², now {a.new_area} m²"
                for a in f.amendments
            )
            lines.extend(
                f"    needs attention: {r.attention()}" for r in f.relabelled if r.needs_attention
            )
        return "\n".join(lines)

    def to_json(self) -> list[dict[str, object]]:
        """The floors' changes as the ``--json`` report gives them (areas as strings)."""

        def text(value: Decimal | None) -> str | None:
            return None if value is None else str(value)

        return [
            {
                "level": f.level,
                "name": f.name,
                "created": f.created,
                "added": f.added,
                "room_codes": f.room_codes,
                "updated": [
                    {"code": c, "area_before": str(b), "area_after": str(a)}
                    for c, b, a in f.updated
                ],
                "unchanged": f.unchanged,
                "archived": f.archived,
                "kept_with_contracts": f.kept_with_contracts,
                "area_changes": [
                    {
                        "code": a.code,
                        "leasable_before": text(a.leasable_before),
                        "leasable_after": str(a.leasable_after),
                        "billable_before": text(a.billable_before),
                        "billable_after": str(a.billable_after),
                    }
                    for a in f.area_changes
                ],
                "amendments": [
                    {
                        "contract": a.contract,
                        "unit": a.unit,
                        "signed_area": str(a.signed_area),
                        "new_area": str(a.new_area),
                    }
                    for a in f.amendments
                ],
                "warnings": [
                    {"code": w.code, "case": w.case, "message": w.message,
                     "params": dict(w.params)}
                    for w in f.warnings
                ],
                "matched_by": dict(f.matched_by),
                "relabelled": [
                    {
                        "code": r.code,
                        "new_code": r.new_code,
                        "case": "renumbered" if r.renumbered else "overlap",
                        "unit_label": r.unit_label,
                        "room_label": r.room_label,
                        "area_before": text(r.area_before),
                        "area_after": str(r.area_after),
                        "contracts": list(r.contracts),
                        "needs_attention": r.needs_attention,
                        "message": r.describe(),
                    }
                    for r in f.relabelled
                ],
            }
            for f in self.floors
        ]


def floor_levels(plan: ImportedPlan, level: int | None) -> list[int]:
    """The register level of each plan floor, never guessed silently (importers.levels).

    ``level`` (``--floor``) for a one-floor plan; else the levels already settled on
    the floors (the CLI and the wizard show them with their evidence first); else
    the file name, titles, storey names or IFC elevation order. Nothing to go on,
    or two answers, raises PlanImportError naming what to pass.
    """
    from importers.levels import plan_levels

    if level is None and plan.floors and all(f.level is not None for f in plan.floors):
        return [f.level for f in plan.floors if f.level is not None]
    mapping = plan_levels(plan, floor=level)
    if mapping.refusal is not None:
        refusal = mapping.refusal
        raise PlanImportError(refusal.message, refusal.code, **refusal.params)
    return mapping.levels()


def import_plan(
    session: Session,
    plan: ImportedPlan,
    building_code: str,
    level: int | None = None,
    park_code: str | None = None,
    today: date | None = None,
    job: Job | None = None,
) -> ImportChanges:
    """Apply ``plan`` to the building; raises PlanImportError before writing anything.

    ``today`` decides which contracts still bind (active or future) for the
    amendments list. Fit warnings do not stop this function: the caller
    (``services.importing``) asks for a confirmation. ``job`` hears each floor
    and every ``STEP_UNITS`` rooms, and its Cancelled (raised at a step) leaves
    the caller's transaction to roll back: a closing window need not wait.
    """
    if plan.errors:
        raise PlanImportError("; ".join(p.message for p in plan.errors), "plan-errors",
                              parts=plan.errors)
    if not any(f.units for f in plan.floors):
        raise PlanImportError(f"{plan.source}: no rooms were found to import", "no-rooms",
                              file=plan.source)
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
    day = today or date.today()
    total, done = sum(len(f.units) for f in plan.floors), 0
    for plan_floor, lv in zip(plan.floors, levels, strict=True):
        if plan_floor.units:
            if job is not None:
                job.step(done, total, f"{building_code} {plan_floor.name or lv}")
            changes.floors.append(
                _import_floor(session, park, building, plan, plan_floor, lv, day, job, done, total)
            )
            done += len(plan_floor.units)
    if job is not None:
        job.step(total, total, building_code)  # the last chance to stop before the big flush
    session.flush()
    return changes


def park_for_import(session: Session, park_code: str | None) -> Park:
    """The park a drawing goes into: the only one, or the one named."""
    parks = list(session.scalars(select(Park).where(~Park.archived)))
    if park_code is not None:
        parks = [p for p in parks if p.code == park_code]
    if not parks:
        raise PlanImportError("the workspace has no park", "no-park")
    if len(parks) != 1:
        raise PlanImportError(f"the workspace has {len(parks)} parks; name one with --park",
                              "parks-ambiguous", count=len(parks))
    return parks[0]


def _import_floor(
    session: Session,
    park: Park,
    building: Building,
    plan: ImportedPlan,
    plan_floor: PlanFloor,
    level: int,
    today: date,
    job: Job | None = None,
    done: int = 0,
    total: int = 0,
) -> FloorChanges:
    floor = session.scalars(
        select(Floor).where(Floor.building_id == building.id, Floor.level == level)
    ).one_or_none()
    live: list[Unit] = (
        []
        if floor is None
        else list(session.scalars(select(Unit).where(Unit.floor_id == floor.id, ~Unit.archived)))
    )
    # A new floor is named by the register's rule; the drawing stays its source.
    name = floor.name if floor is not None else floor_name(level)
    changes = FloorChanges(level, name, floor is None)
    shapes = {u.id: polygon_from_wkb(u.geometry) for u in live if u.geometry}
    changes.warnings = _fit_warnings(name, level, plan_floor.units, list(shapes.values()))
    existing = [ExistingUnit(u.id, u.source_key, u.code, shapes.get(u.id)) for u in live]
    by_id = {u.id: u for u in live}
    diff = diff_floor(existing, plan_floor.units, park.code, building.code, level)
    holds = contracts_of(session, list(by_id))
    kept = [by_id[g.id] for g in diff.removed if g.id in holds]  # type: ignore[index]
    # Checked before anything changes: two units on one floor area are never written.
    _refuse_overlaps(name, diff, kept, shapes, holds, today)
    before = {u.id for u in live}
    moved: dict[object, AreaMove] = {}

    if floor is None:
        floor = Floor(building_id=building.id, level=level, name=name)
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

    # New rooms and units whose code is only a handle (Match.renumber) are coded together,
    # so a renumbered unit gets the number a first import would give it.
    renumbered = [m for m in diff.matched if m.renumber]
    taken = set(session.scalars(select(Unit.code).where(Unit.park_id == park.id)))
    codes = _codes(park, building, level, plan_floor.units,
                   (*diff.added, *(m.incoming for m in renumbered)), taken)
    new_codes = {m.existing.id: c for m, c in zip(renumbered, codes[len(diff.added):],
                                                   strict=True)}
    given: dict[int, str] = {}  # id of a room of the drawing → its unit's code
    for match in diff.matched:
        unit = by_id[match.existing.id]  # type: ignore[index]
        unit.source_key = match.incoming.key
        binding = tuple(c.code for c, link in holds.get(unit.id, []) if binds(c, today, link))
        if unit.id in new_codes:
            changes.relabelled.append(_renumber(park, building, unit, match.incoming,
                                                new_codes[unit.id], binding))
        changes.matched_by[unit.code] = match.by
        if match.relabel is not None:
            changes.relabelled.append(Relabel(
                unit.code, *match.relabel, unit.internal_area, area_m2(match.incoming.polygon),
                binding))
        if match.changed:
            area_before = unit.internal_area
            _set_shape(unit, match.incoming.polygon)
            changes.updated.append((unit.code, area_before, unit.internal_area))
        else:
            changes.unchanged.append(unit.code)
        given[id(match.incoming)] = unit.code
    for index, room in enumerate(diff.added):
        if job is not None and index % STEP_UNITS == 0:
            job.step(done + len(diff.matched) + index, total, name)
        unit = _new_unit(park, building, floor, room, codes[index])
        session.add(unit)
        live.append(unit)
        changes.added.append(unit.code)
        given[id(room)] = unit.code
    changes.room_codes = [given.get(id(room), "") for room in plan_floor.units]
    for gone in diff.removed:
        unit = by_id[gone.id]  # type: ignore[index]
        if unit.id in holds:
            changes.kept_with_contracts.append(unit.code)
        else:
            unit.archived = True
            live.remove(unit)
            changes.archived.append(unit.code)
    # Units of other floors move too when the building's shared common area does.
    for move in reallocate(session, building.id):
        if move.unit_id in before or move.unit_id not in {u.id for u in live}:
            changes.area_changes.append(AreaChange(move.code, *move.leasable, *move.billable))
        moved[move.unit_id] = move
    for unit_id, move in moved.items():
        for contract, link in contracts_of(session, [unit_id]).get(unit_id, []):
            if link.billable_area != move.after[3] and binds(contract, today, link):
                changes.amendments.append(
                    Amendment(contract.code, move.code, link.billable_area, move.after[3]))
    return changes


def _fit_warnings(
    name: str, level: int, rooms: tuple[PlanUnit, ...], shapes: list[BaseGeometry]
) -> list[FitWarning]:
    """Why the drawing may be another floor's (or drawn from another origin)."""
    warnings: list[FitWarning] = []
    if shapes and rooms:
        tree = STRtree([r.polygon for r in rooms])
        meeting = sum(
            1
            for shape in shapes
            if any(
                shared_area(shape, rooms[int(i)].polygon) > OVERLAP_TOLERANCE
                for i in tree.query(shape)
            )
        )
        if meeting < len(shapes) * MIN_FIT:
            warnings.append(
                FitWarning(
                    "overlap",
                    f"the drawing's rooms meet only {meeting} of the {len(shapes)} units on "
                    f"floor {name} (level {level}): it may be another floor's drawing, or "
                    "drawn from another origin",
                    {"floor": name, "level": str(level), "meeting": str(meeting),
                     "units": str(len(shapes))},
                )
            )
    said = [(r, lv) for r in rooms if (lv := label_level(r.code)) is not None]
    other = Counter(lv for _r, lv in said if lv != level)
    if said and sum(other.values()) * 2 > len(said):
        named = other.most_common(1)[0][0]
        examples = ", ".join([r.code for r, lv in said if lv == named][:3])
        warnings.append(
            FitWarning(
                "labels",
                f"the rooms' numbers ({examples}) name level {named}, not level {level}: "
                "it may be another floor's drawing",
                {"floor": name, "level": str(level), "named": str(named), "labels": examples},
            )
        )
    return warnings


def _refuse_overlaps(
    name: str,
    diff: FloorDiff,
    kept: list[Unit],
    shapes: dict[object, BaseGeometry],
    holds: dict[object, list[tuple[Contract, ContractUnit]]],
    today: date,
) -> None:
    """Raise UnitsOverlap when two of the floor's units after the import would overlap.

    The floor after the import is the matched rooms, the added rooms and the
    units kept for their contracts; an STRtree finds the outlines that meet,
    so a 5,000-room floor costs a few intersections per room, not n².
    Two kept units are left as the register has them: the import writes neither.
    """
    labels: list[str] = []  # each room's label (or key), each kept unit's code
    units: list[str] = []  # the unit each room was matched to ("" for a new room)
    geoms: list[BaseGeometry] = []
    kept_units: list[Unit | None] = []
    for match in diff.matched:
        labels.append(_room_name(match.incoming))
        units.append(match.existing.code)
        geoms.append(match.incoming.polygon)
        kept_units.append(None)
    for room in diff.added:
        labels.append(_room_name(room))
        units.append("")
        geoms.append(room.polygon)
        kept_units.append(None)
    rooms = len(geoms)
    for unit in kept:
        shape = shapes.get(unit.id)
        if shape is not None and not shape.is_empty:
            labels.append(unit.code)
            units.append(unit.code)
            geoms.append(shape)
            kept_units.append(unit)
    pairs = [(int(i), int(j)) for i, j in meeting_pairs(geoms) if i < j and i < rooms]
    if not pairs:
        return
    shared = shared_areas(geoms, pairs)
    overlaps: list[Overlap] = []
    on_kept: list[KeptOverlap] = []
    for (i, j), area in zip(pairs, shared, strict=True):
        if area <= OVERLAP_TOLERANCE:
            continue
        m2 = round_area(area)
        unit = kept_units[j]
        if unit is None:
            overlaps.append(Overlap(labels[i], labels[j], m2, units[i], units[j]))
            continue
        binding = [c for c, link in holds[unit.id] if binds(c, today, link)]
        history = [] if binding else [_history(c) for c, _link in holds[unit.id]]
        on_kept.append(KeptOverlap(labels[i], unit.code, tuple(c.code for c in binding), m2,
                                   tuple(history)))
    if on_kept:
        raise KeptUnitOverlap(name, on_kept, overlaps)
    if overlaps:
        raise UnitsOverlap(name, overlaps)


def _room_name(room: PlanUnit) -> str:
    """How the refusal names a drawing's room: its label, else its key."""
    return room.code or room.key


def _history(contract: Contract) -> tuple[str, date | None]:
    """A contract that no longer binds, as the refusal names it: its last day, None for a draft."""
    if contract.status is ContractStatus.DRAFT:
        return contract.code, None
    ended = contract.ends_on
    if contract.status is ContractStatus.TERMINATED and contract.terminated_on is not None:
        ended = min(ended, contract.terminated_on)
    return contract.code, ended


def _codes(
    park: Park, building: Building, level: int, rooms: tuple[PlanUnit, ...],
    added: tuple[PlanUnit, ...], taken: set[str],
) -> list[str]:
    """Codes for the ``added`` rooms, in their order: a label's own, else the floor's next.

    Labelled rooms go first, so an unlabelled one never takes a number the
    drawing gives another room (``rooms`` is the whole floor, matched ones too).
    Unlabelled rooms are numbered in reading order, by top edge then left edge,
    so the same drawing numbers alike; a re-import matches them by key and
    keeps their codes. ``taken`` (every code of the park) grows by the new ones.
    """
    labels = {clean_unit_label(r.code) for r in rooms} - {""}
    reserved = taken | {compose_unit_code(park.code, building.code, lb) for lb in labels}
    codes: dict[int, str] = {}
    unlabelled: list[int] = []
    for index, room in enumerate(added):
        local = clean_unit_label(room.code)
        if not local:
            unlabelled.append(index)
            continue
        base = compose_unit_code(park.code, building.code, local)
        code, n = base, 1
        while code in taken:
            n += 1
            code = f"{base}-{n}"
        taken.add(code)
        reserved.add(code)
        codes[index] = code

    def reading(index: int) -> tuple[float, float, str]:
        left, _bottom, _right, top = added[index].polygon.bounds
        return -round(top, 1), round(left, 1), added[index].key

    unlabelled.sort(key=reading)
    free = free_unit_codes(park.code, building.code, level, reserved, len(unlabelled))
    codes.update(zip(unlabelled, free, strict=True))
    taken.update(free)
    return [codes[i] for i in range(len(added))]


def _renumber(park: Park, building: Building, unit: Unit, room: PlanUnit, code: str,
              contracts: tuple[str, ...]) -> Relabel:
    """Give a unit coded by a handle (``ZD-C-2B13``) its readable ``code``; the change listed.

    Its name, when it is that handle too (an older import named such a unit by
    its code), becomes what a new unit of the room is called.
    """
    before = unit.code
    local = unit_code_local_part(before, park.code, building.code)
    if unit.name.casefold() in {local.casefold(), str(room.source.get("handle", "")).casefold()}:
        unit.name = room.name or room.code
    unit.code = code
    return Relabel(before, local, unit_code_local_part(code, park.code, building.code),
                   unit.internal_area, area_m2(room.polygon), contracts, new_code=code)


def _new_unit(park: Park, building: Building, floor: Floor, room: PlanUnit, code: str) -> Unit:
    unit = Unit(
        park_id=park.id,
        floor_id=floor.id,
        code=code,
        name=room.name or room.code,
        unit_type=UNIT_TYPE_FOR.get(building.kind, UnitType.OTHER),
        status=UnitStatus.LEASABLE,
        source_key=room.key,
        space_use=getattr(room, "use", SpaceUse.LEASABLE),
        use_reason=use_reason_of(room),
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


def use_reason_of(room: PlanUnit) -> str:
    """How a room's use was decided, as the unit keeps it: ``code:word`` (``common-word:走廊``)."""
    code = getattr(room, "use_reason", "")
    word = getattr(room, "use_word", "")
    return f"{code}:{word}"[:200] if word else code[:200]
