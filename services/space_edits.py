"""Space edits (空间原子化): split, merge, reshape, draw a unit, change a room's use; undo, redo.

Each edit is one transaction: it checks the geometry (``spatial.editing``)
and the contracts (``store.holds``: a unit under an active or future contract
needs an amendment first, so the edit is refused naming it), retires parents
(archived, never deleted) and makes children, records the lineage (a
:class:`store.schema.SpaceEdit` row; children carry ``derived_from``),
re-shares the building's common area (``store.areas``: the one rule), and
queues one command op in the outbox carrying the whole change and the base
versions (SYNC.md) — not the row ops it implies. Undo and redo put the very
rows back (the parents' outlines were never touched), so areas return exactly.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

import shapely
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry
from sqlalchemy import Uuid, bindparam, select, text
from sqlalchemy.orm import Session

from domain.allocation import allocate_common_area
from domain.assets import (
    UnitStatus,
    UnitType,
    compose_unit_code,
    free_unit_codes,
    unit_code_local_part,
)
from domain.money import rate
from domain.space_use import SpaceUse
from runtime.messages import UserError
from spatial.editing import check_shape, merge_polygons, split_polygon
from spatial.geometry import area_m2, polygon_from_wkb, polygon_to_wkb
from store.areas import AreaMove, raw_key, reallocate
from store.changes import record_command, under_command
from store.decode import as_decimal, as_id, as_wkb
from store.holds import binds, contracts_of
from store.plan_import import UNIT_TYPE_FOR
from store.read_model import ReadModel, Scope
from store.schema import Building, Floor, Park, SpaceEdit, Unit
from store.workspace import Workspace

CODE_LIMIT = 32  # units.code is String(32)
# Fields a child takes from its parent (a merge: from the first unit picked).
INHERITED = ("name", "unit_type", "status", "orientation", "ceiling_height", "floor_load",
             "power_capacity", "fit_out", "tags", "notes", "space_use", "use_reason")


class SpaceEditRefused(UserError):
    """An edit the register refuses as asked; nothing was written."""


@dataclass(frozen=True)
class SpaceEditResult:
    """What an edit did: the units it retired, made and changed, and the areas that moved."""

    id: uuid.UUID
    kind: str
    floor_id: uuid.UUID
    retired: tuple[uuid.UUID, ...] = ()
    created: tuple[uuid.UUID, ...] = ()
    changed: tuple[uuid.UUID, ...] = ()
    codes: tuple[str, ...] = ()  # the codes of the units made (or changed), in order
    area_moves: tuple[AreaMove, ...] = field(default=(), compare=False)


def split_unit(workspace: Workspace, unit_id: uuid.UUID, line: Sequence[tuple[float, float]],
               day: date) -> SpaceEditResult:
    """Split a unit along a drawn polyline into children that tile it exactly."""
    def work(session: Session) -> SpaceEditResult:
        [parent] = _live_units(session, [unit_id])
        _refuse_bound(session, [parent], day)
        shape = _polygon(parent)
        pieces = split_polygon(shape, [(float(x), float(y)) for x, y in line])
        areas = piece_areas(parent.internal_area, pieces)
        codes = _child_codes(session, parent, len(pieces))
        children = [_child(parent, piece, area, code)
                    for piece, area, code in zip(pieces, areas, codes, strict=True)]
        return _replace(session, "split_unit", [parent], children, day)

    return _run(workspace, work)


def merge_units(workspace: Workspace, unit_ids: Sequence[uuid.UUID], day: date
                ) -> SpaceEditResult:
    """Merge adjacent units of one floor into one, absorbing the walls between them."""
    def work(session: Session) -> SpaceEditResult:
        parents = _live_units(session, unit_ids)
        if len({p.floor_id for p in parents}) > 1:
            raise SpaceEditRefused("units on different floors cannot be merged",
                                   "merge-other-floor", units=_codes(parents))
        if len({p.space_use for p in parents}) > 1:
            raise SpaceEditRefused(
                f"{_codes(parents)} are not all of one use: change their use first",
                "merge-mixed-use", units=_codes(parents))
        _refuse_bound(session, parents, day)
        shapes = [_polygon(p) for p in parents]
        merged = merge_polygons(shapes, labels=[p.code for p in parents])
        floor = session.get(Floor, parents[0].floor_id)
        _check(session, floor, merged, exclude={p.id for p in parents})
        total = sum((p.internal_area for p in parents), Decimal(0))
        area = max(area_m2(merged), total)  # never less than the parts: rounding only
        first = parents[0]
        child = _child(first, merged, area, _merged_code(session, parents))
        child.asking_rent = _weighted_rent(parents)
        return _replace(session, "merge_units", parents, [child], day)

    return _run(workspace, work)


def reshape_unit(workspace: Workspace, unit_id: uuid.UUID, polygon: BaseGeometry, day: date
                 ) -> SpaceEditResult:
    """Give a unit a new outline (vertices moved, added or deleted)."""
    def work(session: Session) -> SpaceEditResult:
        [unit] = _live_units(session, [unit_id])
        _refuse_bound(session, [unit], day)
        floor = session.get(Floor, unit.floor_id)
        _check(session, floor, polygon, exclude={unit.id})
        before = {str(unit.id): _shape_state(unit)}
        base = {str(unit.id): unit.row_version}
        with under_command(session):
            unit.geometry = polygon_to_wkb(polygon)
            unit.internal_area = area_m2(polygon)
        after = {str(unit.id): _shape_state(unit)}
        return _record(session, "reshape_unit", floor, day, changed=[unit], before=before,
                       after=after, base=base)

    return _run(workspace, work)


def draw_unit(workspace: Workspace, floor_id: uuid.UUID, polygon: BaseGeometry, day: date,
              use: SpaceUse = SpaceUse.LEASABLE) -> SpaceEditResult:
    """Draw a new unit on a floor, where no other unit is."""
    def work(session: Session) -> SpaceEditResult:
        floor = session.get(Floor, floor_id)
        if floor is None or floor.archived:
            raise SpaceEditRefused(f"no floor with id {floor_id}", "no-floor", id=floor_id)
        _check(session, floor, polygon, exclude=set())
        building = session.get(Building, floor.building_id)
        park = session.get(Park, building.park_id)
        taken = session.scalars(select(Unit.code).where(Unit.park_id == park.id))
        [code] = free_unit_codes(park.code, building.code, floor.level, taken, 1)
        area = area_m2(polygon)
        unit = Unit(park_id=park.id, floor_id=floor.id, code=code, name="",
                    unit_type=UNIT_TYPE_FOR.get(building.kind, UnitType.OTHER),
                    status=UnitStatus.LEASABLE, gross_area=area, internal_area=area,
                    common_share=Decimal("0.00"), leasable_area=area, billable_area=area,
                    geometry=polygon_to_wkb(polygon), space_use=use, use_reason="manual")
        return _replace(session, "draw_unit", [], [unit], day)

    return _run(workspace, work)


def set_room_use(workspace: Workspace, unit_ids: Sequence[uuid.UUID], use: SpaceUse,
                 day: date) -> SpaceEditResult:
    """Change units' use (for rent, common, building common); the common area re-shares."""
    def work(session: Session) -> SpaceEditResult:
        units = [u for u in _live_units(session, unit_ids) if u.space_use is not use]
        if not units:
            raise SpaceEditRefused("the units already have that use", "use-unchanged")
        if len({u.floor_id for u in units}) > 1:
            raise SpaceEditRefused("change the use of one floor's units at a time",
                                   "use-other-floor", units=_codes(units))
        _refuse_bound(session, units, day)
        return set_uses(session, {u: (use, "manual") for u in units}, day)

    return _run(workspace, work)


def set_uses(session: Session, uses: dict[Unit, tuple[SpaceUse, str]], day: date
             ) -> SpaceEditResult:
    """Give one floor's units their uses (and reasons), in the caller's transaction: one
    ``set_room_use`` edit, undoable; the caller has checked the units' contracts."""
    units = list(uses)
    floor = session.get(Floor, units[0].floor_id)
    before = {str(u.id): [u.space_use.value, u.use_reason] for u in units}
    base = {str(u.id): u.row_version for u in units}
    with under_command(session):
        for unit, (use, reason) in uses.items():
            unit.space_use = use
            unit.use_reason = reason[:200]
    after = {str(u.id): [use.value, reason[:200]] for u, (use, reason) in uses.items()}
    return _record(session, "set_room_use", floor, day, changed=units, before=before,
                   after=after, base=base)


def undo_edit(workspace: Workspace, edit_id: uuid.UUID, day: date | None = None
              ) -> SpaceEditResult:
    """Put back what an edit changed, exactly; refused when later work builds on it."""
    return _run(workspace, lambda session: _turn(session, edit_id, undo=True,
                                                 day=day or date.today()))


def redo_edit(workspace: Workspace, edit_id: uuid.UUID, day: date | None = None
              ) -> SpaceEditResult:
    """Apply an undone edit again, with the very units it made the first time."""
    return _run(workspace, lambda session: _turn(session, edit_id, undo=False,
                                                 day=day or date.today()))


@dataclass(frozen=True)
class LineageStep:
    """One edit in a unit's history: what it was, when, from which units into which."""

    edit_id: uuid.UUID
    kind: str
    effective_on: date
    parents: tuple[str, ...]  # codes
    children: tuple[str, ...]


def unit_history(workspace: Workspace, unit_id: uuid.UUID) -> list[LineageStep]:
    """The chain of edits that made the unit and what it came from, oldest first."""
    with workspace.reading() as session:
        unit = session.get(Unit, unit_id)
        if unit is None:
            return []
        edits = list(session.scalars(select(SpaceEdit).where(
            SpaceEdit.floor_id == unit.floor_id, ~SpaceEdit.undone, ~SpaceEdit.archived)))
        ids = {str(i) for e in edits for i in (*e.parents, *e.children, *e.changed)}
        codes = dict(session.execute(select(Unit.id, Unit.code).where(
            Unit.id.in_([uuid.UUID(i) for i in ids]))).all()) if ids else {}
        wanted, steps, seen = {str(unit_id)}, [], set()
        changed = True
        while changed:  # walk back through parents: each edit that made a unit we want
            changed = False
            for edit in edits:
                if edit.id in seen:
                    continue
                if wanted & set(edit.children) or wanted & set(edit.changed):
                    seen.add(edit.id)
                    wanted |= set(edit.parents)
                    changed = True
                    steps.append(edit)
        steps.sort(key=lambda e: e.id)  # UUIDv7: in the order they were made
        return [LineageStep(e.id, e.kind, e.effective_on,
                            tuple(codes.get(uuid.UUID(i), i) for i in e.parents),
                            tuple(codes.get(uuid.UUID(i), i)
                                  for i in (*e.children, *e.changed)))
                for e in steps]


@dataclass(frozen=True)
class FloorGeometry:
    """A floor as the space tools see it: its live units, outline and linework.

    ``units`` are ``(id, code, polygon, use, stored internal area)``, by code; the
    stored area is what the plan check compares each outline with (an outline
    changed without its area, or the reverse, is a finding).
    """

    floor_id: uuid.UUID
    units: tuple[tuple[uuid.UUID, str, BaseGeometry, SpaceUse, Decimal | None], ...]
    outline: BaseGeometry | None
    walls: BaseGeometry | None


def floor_geometry(reader: ReadModel, floor_id: uuid.UUID) -> FloorGeometry:
    """Read a floor's outlines for snapping and checking (the read side: no ORM)."""
    scope = Scope("floor", floor_id)
    rows = [r for r in reader.fetch("map_units", scope) if r[5] is not None]
    shapes = shapely.from_wkb([as_wkb(r[5]) for r in rows]) if rows else []
    units = tuple(sorted(
        ((as_id(r[0]), r[1], shape, SpaceUse(r[9]), as_decimal(r[10]))
         for r, shape in zip(rows, shapes, strict=True)), key=lambda u: u[1]))
    outline = walls = None
    for wkb_outline, wkb_walls in reader.fetch("floor_outline", scope):
        outline = polygon_from_wkb(as_wkb(wkb_outline)) if wkb_outline else None
        walls = shapely.from_wkb(as_wkb(wkb_walls)) if wkb_walls else None
    return FloorGeometry(floor_id, units, outline, walls)


# -- the parts -----------------------------------------------------------------------


def _run(workspace: Workspace, work: Callable[[Session], SpaceEditResult]) -> SpaceEditResult:
    with workspace.transaction() as session:
        return work(session)


def piece_areas(parent_area: Decimal, pieces: Sequence[BaseGeometry]) -> list[Decimal]:
    """The pieces' areas to 0.01 m², adding up to the parent's recorded area exactly: the
    parent's area shared by the pieces' drawn areas, largest remainder first (a split
    neither makes nor loses a hundredth of a square metre)."""
    return allocate_common_area([Decimal(repr(float(p.area))) for p in pieces], parent_area)


def _live_units(session: Session, ids: Sequence[uuid.UUID]) -> list[Unit]:
    units = []
    for unit_id in dict.fromkeys(ids):
        unit = session.get(Unit, unit_id)
        if unit is None or unit.archived:
            raise SpaceEditRefused(f"no live unit with id {unit_id}", "no-live-unit",
                                   id=unit_id)
        units.append(unit)
    return units


def _codes(units: Sequence[Unit]) -> str:
    return ", ".join(u.code for u in units)


def _refuse_bound(session: Session, units: Sequence[Unit], day: date) -> None:
    """A unit under an active or future contract keeps its shape until an amendment."""
    holds = contracts_of(session, [u.id for u in units])
    bound = [(u, [c.code for c, link in holds.get(u.id, []) if binds(c, day, link)]) for u in units]
    bound = [(u, codes) for u, codes in bound if codes]
    if bound:
        units_text = ", ".join(u.code for u, _ in bound)
        contracts = ", ".join(sorted({c for _, codes in bound for c in codes}))
        raise SpaceEditRefused(
            f"{units_text} is under contract {contracts}: it needs an amendment first",
            "unit-under-contract", units=units_text, contracts=contracts)


def _polygon(unit: Unit) -> Polygon:
    if not unit.geometry:
        raise SpaceEditRefused(f"{unit.code} has no outline on the plan", "no-outline",
                               unit=unit.code)
    shape = polygon_from_wkb(unit.geometry)
    if not isinstance(shape, Polygon):
        raise SpaceEditRefused(f"{unit.code} is drawn in several parts: split each by hand",
                               "multi-part", unit=unit.code)
    return shape


def _check(session: Session, floor: Floor | None, polygon: BaseGeometry,
           exclude: set[uuid.UUID]) -> None:
    """The new outline may overlap no other live unit of the floor nor leave its outline."""
    if floor is None:
        raise SpaceEditRefused("the unit has no floor", "no-floor", id="")
    skip = {u.hex for u in exclude}
    rows = session.connection().execute(_OUTLINES, {"floor": floor.id}).all()
    others = [(code, wkb) for uid, code, wkb in rows if raw_key(uid) not in skip]
    shapes = shapely.from_wkb([wkb for _, wkb in others]) if others else []
    touching = shapely.intersects(shapes, polygon) if others else []
    near = [(code, shape) for (code, _), shape, meets in zip(others, shapes, touching,
                                                             strict=True) if meets]
    outline = polygon_from_wkb(floor.outline) if floor.outline else None
    check_shape(polygon, near, outline)


# The floor's outlines as raw rows: no uuid.UUID made per unit on a 2,000-unit floor.
_OUTLINES = text(
    "SELECT id, code, geometry FROM units "
    "WHERE floor_id = :floor AND archived = false AND geometry IS NOT NULL"
).bindparams(bindparam("floor", type_=Uuid()))


def _code_taken(session: Session, park_id: uuid.UUID, code: str) -> bool:
    return session.scalar(select(Unit.id).where(Unit.park_id == park_id, Unit.code == code)
                          .limit(1)) is not None


def _child(parent: Unit, shape: BaseGeometry, area: Decimal, code: str) -> Unit:
    child = Unit(park_id=parent.park_id, floor_id=parent.floor_id, code=code,
                 asking_rent=parent.asking_rent, geometry=polygon_to_wkb(shape),
                 internal_area=area, gross_area=area, common_share=Decimal("0.00"),
                 leasable_area=area, billable_area=area, derived_from=[str(parent.id)],
                 source_key="")
    for name in INHERITED:
        value = getattr(parent, name)
        setattr(child, name, list(value) if isinstance(value, list) else value)
    return child


def _child_codes(session: Session, parent: Unit, count: int) -> list[str]:
    """``0301`` splits into ``0301A``, ``0301B`` … (skipping any code the park used)."""
    base = parent.code[:CODE_LIMIT - 2]
    codes, letter = [], 0
    while len(codes) < count:
        suffix = _letters(letter)
        letter += 1
        code = f"{base}{suffix}"
        if not _code_taken(session, parent.park_id, code):
            codes.append(code)
    return codes


def _letters(n: int) -> str:
    """A, B, … Z, AA, AB …"""
    text = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        text = chr(ord("A") + rest) + text
    return text


def _merged_code(session: Session, parents: Sequence[Unit]) -> str:
    """``0301`` and ``0302`` merge into ``0301-0302`` (a room spanning numbers, as drawings
    write it); when too long or taken, the floor's next free number."""
    park = session.get(Park, parents[0].park_id)
    floor = session.get(Floor, parents[0].floor_id)
    building = session.get(Building, floor.building_id)
    ordered = sorted(parents, key=lambda u: u.code)
    local = "-".join(unit_code_local_part(u.code, park.code, building.code) for u in ordered)
    code = compose_unit_code(park.code, building.code, local)
    if len(code) <= CODE_LIMIT and not _code_taken(session, park.id, code):
        return code
    taken = session.scalars(select(Unit.code).where(Unit.park_id == park.id))
    return free_unit_codes(park.code, building.code, floor.level, taken, 1)[0]


def _weighted_rent(units: Sequence[Unit]) -> Decimal | None:
    """The merged unit's asking rent: the parts' rents weighted by area (none: none)."""
    known = [(u.asking_rent, u.internal_area) for u in units if u.asking_rent is not None]
    area = sum((a for _, a in known), Decimal(0))
    if not known or area == 0:
        return None
    return rate(sum((r * a for r, a in known), Decimal(0)) / area)


def _shape_state(unit: Unit) -> dict[str, Any]:
    return {"geometry": base64.b64encode(unit.geometry or b"").decode("ascii"),
            "internal_area": str(unit.internal_area)}


def _replace(session: Session, kind: str, parents: Sequence[Unit], children: Sequence[Unit],
             day: date) -> SpaceEditResult:
    """Retire ``parents`` and add ``children``, as one command with its lineage."""
    base = {str(p.id): p.row_version for p in parents}
    with under_command(session):
        for parent in parents:
            parent.archived = True
        session.add_all(children)
    floor = session.get(Floor, (parents or children)[0].floor_id)
    return _record(session, kind, floor, day, retired=parents, created=children, base=base)


def _record(session: Session, kind: str, floor: Floor | None, day: date, *,
            retired: Sequence[Unit] = (), created: Sequence[Unit] = (),
            changed: Sequence[Unit] = (), before: dict[str, Any] | None = None,
            after: dict[str, Any] | None = None, base: dict[str, int] | None = None,
            ) -> SpaceEditResult:
    """Re-share the common area, write the lineage row and the one command op."""
    assert floor is not None
    with under_command(session):
        moves = reallocate(session, floor.building_id)
        edit = SpaceEdit(park_id=_park_id(session, floor),
                         floor_id=floor.id, kind=kind, effective_on=day,
                         parents=[str(u.id) for u in retired],
                         children=[str(u.id) for u in created],
                         changed=[str(u.id) for u in changed],
                         before=before or {}, after=after or {}, undone=False)
        session.add(edit)
    _command(session, kind, edit, retired, created, changed, moves, base or {})
    return SpaceEditResult(edit.id, kind, floor.id, tuple(u.id for u in retired),
                           tuple(u.id for u in created), tuple(u.id for u in changed),
                           tuple(u.code for u in (*created, *changed)), tuple(moves))


def _park_id(session: Session, floor: Floor) -> uuid.UUID:
    return session.execute(select(Building.park_id).where(
        Building.id == floor.building_id)).scalar_one()


def _unit_payload(unit: Unit) -> dict[str, Any]:
    return {"id": str(unit.id), "code": unit.code, "floor_id": str(unit.floor_id),
            "geometry": base64.b64encode(unit.geometry or b"").decode("ascii"),
            "internal_area": str(unit.internal_area), "use": unit.space_use.value,
            "derived_from": list(unit.derived_from or [])}


def _command(session: Session, kind: str, edit: SpaceEdit, retired: Sequence[Unit],
             created: Sequence[Unit], changed: Sequence[Unit], moves: Sequence[AreaMove],
             base: dict[str, int]) -> None:
    """The one op sync carries: the whole change and the versions it was made against."""
    payload = {
        "edit": str(edit.id),
        "floor_id": str(edit.floor_id),
        "effective_on": edit.effective_on.isoformat(),
        "parents": [{"id": str(u.id), "code": u.code} for u in retired],
        "children": [_unit_payload(u) for u in created],
        "changed": [_unit_payload(u) for u in changed],
        "before": edit.before,
        "areas": {str(m.unit_id): [str(v) for v in m.after] for m in moves},
        "base_versions": base,
    }
    anchor = (retired or changed or created)[0]
    record_command(session, kind, Unit, anchor.id, payload,
                   base_version=base.get(str(anchor.id), 0))


def _turn(session: Session, edit_id: uuid.UUID, undo: bool, day: date) -> SpaceEditResult:
    """Undo (or redo) an edit: the units it made go, the ones it retired come back."""
    edit = session.get(SpaceEdit, edit_id)
    if edit is None or edit.archived:
        raise SpaceEditRefused(f"no edit with id {edit_id}", "no-edit", id=edit_id)
    if edit.undone is undo:  # already in the state asked for
        raise SpaceEditRefused("that edit is already undone" if undo else
                               "that edit is not undone", "edit-state")
    going = [uuid.UUID(i) for i in (edit.children if undo else edit.parents)]
    coming = [uuid.UUID(i) for i in (edit.parents if undo else edit.children)]
    changed = [uuid.UUID(i) for i in edit.changed]
    going_units = _live_units(session, going)  # a later edit retired one: refuse
    _refuse_bound(session, going_units + _live_units(session, changed), day)
    coming_units = [session.get(Unit, i) for i in coming]
    state = edit.before if undo else edit.after
    base = {str(u.id): u.row_version for u in (*going_units, *coming_units)}
    with under_command(session):
        for unit in going_units:
            unit.archived = True
        for unit in coming_units:
            if unit is not None:
                unit.archived = False
        changed_units = _live_units(session, changed)
        for unit in changed_units:
            _restore(unit, state[str(unit.id)], edit.kind)
        edit.undone = undo
        floor = session.get(Floor, edit.floor_id)
        moves = reallocate(session, floor.building_id)
    kind = "undo_space_edit" if undo else "redo_space_edit"
    anchor = (going_units or changed_units or [u for u in coming_units if u])[0]
    record_command(session, kind, Unit, anchor.id, {
        "edit": str(edit.id), "kind": edit.kind,
        "retired": [str(u.id) for u in going_units],
        "restored": [str(i) for i in coming],
        "changed": [_unit_payload(u) for u in changed_units],
        "areas": {str(m.unit_id): [str(v) for v in m.after] for m in moves},
        "base_versions": base,
    }, base_version=anchor.row_version)
    return SpaceEditResult(edit.id, kind, edit.floor_id, tuple(u.id for u in going_units),
                           tuple(coming), tuple(u.id for u in changed_units),
                           tuple(u.code for u in changed_units), tuple(moves))


def _restore(unit: Unit, state: Any, kind: str) -> None:
    if kind == "set_room_use":
        use, reason = state
        unit.space_use = SpaceUse(use)
        unit.use_reason = reason
        return
    unit.geometry = base64.b64decode(state["geometry"]) or None
    unit.internal_area = Decimal(state["internal_area"])
