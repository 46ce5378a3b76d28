"""IFC building models to floors and units (storeys and spaces).

Every ``IfcSpace`` placed in a storey becomes a proposed unit whose polygon
is its plan footprint in metres; the stated area from quantity or vendor
property sets is kept beside the computed one and a disagreement is a
warning, because vendors disagree on what a room's area is (Revit's is up to
23 % larger than its geometry). Whatever the file gets wrong — schema,
header, missing storeys or geometry, duplicate GlobalIds — becomes a
:class:`~importers.plan.Problem`, never an exception.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import ifcopenshell
from shapely.geometry.base import BaseGeometry

from importers import ifc_geometry as geom
from importers.ifc_props import (
    ELEVATION_QUANTUM,
    Units,
    classification_texts,
    fix_text,
    stated_area,
    to_decimal,
)
from importers.internal import PROGRAMMING_ERRORS, Damaged
from importers.plan import (
    ImportedPlan,
    PlanFloor,
    PlanUnit,
    Problem,
    RoomEvidence,
    Severity,
    failed,
    use_fields,
    use_review,
)

FORMAT = "ifc"
SUPPORTED_SCHEMAS = ("IFC2X3", "IFC4", "IFC4X3")
AREA_TOLERANCE = Decimal("0.02")
KERNEL_WALL_LIMIT = 200
_CONFIDENCE = {geom.PATH_PROFILE: 1.0, geom.PATH_FOOTPRINT: 0.9, geom.PATH_KERNEL: 0.8}
# PlanUnit.reason_code for each footprint path (the path is the unit's reason).
_REASON_CODE = {
    geom.PATH_PROFILE: "ifc-space-profile",
    geom.PATH_FOOTPRINT: "ifc-space-footprint",
    geom.PATH_KERNEL: "ifc-space-kernel",
}

Entity = ifcopenshell.entity_instance
# Attributes read by position (see geom.ATTRIBUTE_INDEX). The relations come from the
# inverses Decomposes and ContainedInStructure, whose types the schemas fix.
_GLOBAL_ID = geom.ATTRIBUTE_INDEX["IfcRoot", "GlobalId"]
_NAME = geom.ATTRIBUTE_INDEX["IfcRoot", "Name"]
_LONG_NAME = geom.ATTRIBUTE_INDEX["IfcSpace", "LongName"]
_OBJECT_PLACEMENT = geom.ATTRIBUTE_INDEX["IfcProduct", "ObjectPlacement"]
_REPRESENTATION = geom.ATTRIBUTE_INDEX["IfcProduct", "Representation"]
_RELATING_OBJECT = geom.ATTRIBUTE_INDEX["IfcRelAggregates", "RelatingObject"]
_RELATING_STRUCTURE = geom.ATTRIBUTE_INDEX["IfcRelContainedInSpatialStructure",
                                           "RelatingStructure"]


def read_ifc(path: Path | str) -> ImportedPlan:
    """Read an IFC file into an :class:`ImportedPlan`; never raises on a bad file."""
    path = Path(path)
    source = str(path)
    refusal = _check_file(path)
    if refusal is not None:
        return failed(source, FORMAT, *refusal)
    try:
        model = ifcopenshell.open(str(path))
    except ifcopenshell.SchemaError as exc:
        schema = str(exc).rsplit(":", 1)[-1].strip() or "unknown"
        return _unsupported(source, path, schema)
    except Exception as exc:  # the parser raises bare Error/RuntimeError/OSError
        return failed(
            source, FORMAT, "ifc-unreadable", f"{path.name}: cannot be read as IFC ({exc})",
            {"case": "parse", "file": path.name, "detail": str(exc)},
        )
    schema = str(getattr(model, "schema_identifier", model.schema))
    if model.schema not in SUPPORTED_SCHEMAS:
        return _unsupported(source, path, schema)
    try:
        return _Reader(model, path).read()
    except PROGRAMMING_ERRORS:
        raise  # our bug, not the model's: read_plan reports it as an internal error
    except Exception as exc:  # a damaged entity the parser let through
        detail = f"{type(exc).__name__}: {exc}"
        return failed(
            source, FORMAT, "ifc-damaged",
            f"{path.name}: the file is damaged and could not be read ({detail})",
            {"file": path.name, "detail": detail},
        )


def _check_file(path: Path) -> tuple[str, str, dict[str, str]] | None:
    """Refuse what is plainly not an IFC STEP file before the parser sees it."""
    name = path.name
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        detail = str(exc.strerror or exc)
        return ("ifc-unreadable", f"{name}: cannot be opened ({detail})",
                {"case": "open", "file": name, "detail": detail})
    if not head.strip():
        return "ifc-empty", f"{name}: the file is empty", {"file": name}
    if head.startswith(b"PK"):
        return ("ifc-not-step", f"{name}: is a zip (ifcZIP); unzip it and import the .ifc",
                {"case": "zip", "file": name})
    if not head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"ISO-10303-21"):
        xml = head.lstrip().startswith(b"<")
        kind = "XML (ifcXML)" if xml else "not a STEP file"
        return ("ifc-not-step", f"{name}: not an IFC STEP file ({kind}); export as .ifc",
                {"case": "xml" if xml else "other", "file": name})
    return None


def _unsupported(source: str, path: Path, schema: str) -> ImportedPlan:
    return failed(
        source, FORMAT, "ifc-unsupported-schema",
        f"{path.name}: schema {schema} is not supported; export as IFC2X3, IFC4 or IFC4X3",
        {"file": path.name, "schema": schema},
    )


@dataclass
class _Storey:
    entity: Entity
    key: str
    name: str
    elevation: Decimal | None
    title: str = ""  # the storey's own Name and LongName; empty when it has none
    units: list[PlanUnit] = field(default_factory=list)
    walls: list[BaseGeometry] = field(default_factory=list)


class _Reader:
    """One pass over an opened model; collects floors, units and problems."""

    def __init__(self, model: ifcopenshell.file, path: Path) -> None:
        self.model = model
        self.path = path
        self.units = Units(model)
        self.placements = geom.Placements()
        self.problems: list[Problem] = []
        self._settings: object | None = None
        self._text_notes: Counter[str] = Counter()

    def read(self) -> ImportedPlan:
        self._check_duplicates()
        storeys = self._storeys()
        by_id = {s.entity.id(): s for s in storeys}
        zones = self._zones()
        spaces = self.model.by_type("IfcSpace")
        if not spaces:
            self._problem(
                Severity.WARNING, "ifc-no-spaces",
                f"{self.path.name}: no rooms (IfcSpace) found; floors are imported without units",
                file=self.path.name,
            )
        seen_keys: Counter[str] = Counter()
        for space in spaces:
            self._read_space(space, by_id, zones, seen_keys)
        self._read_walls(by_id)
        self._report_text()
        if not self.units.area_declared and spaces:
            self._problem(
                Severity.INFO, "ifc-no-area-unit",
                "the project declares no area unit; stated areas taken in "
                f"({self.units.length_name})²",
                unit=self.units.length_name,
            )
        floors = tuple(
            PlanFloor(
                name=s.name,
                elevation=s.elevation,
                units=tuple(s.units),
                background=geom.boundary_lines(s.walls),
                key=s.key,
                title=s.title,
            )
            for s in storeys
        )
        return ImportedPlan(
            source=str(self.path),
            format=FORMAT,
            floors=floors,
            problems=(*self.problems, *use_review(floors)),
            units_of_drawing=self.units.length_name,
            scale_to_metres=self.units.length,
        )

    def _problem(
        self, severity: Severity, code: str, message: str, ref: str = "", **params: str
    ) -> None:
        self.problems.append(Problem(severity, code, message, ref, params))

    def _text(self, value: object) -> str:
        if value is not None and not isinstance(value, str):
            raise Damaged(f"a name that is not text: {value!r:.60}")
        text, note = fix_text(value)
        if note:
            self._text_notes[note] += 1
        return text

    def _report_text(self) -> None:
        for note, count in sorted(self._text_notes.items()):
            if note == "undecodable":
                message = f"{count} names hold raw 8-bit text that could not be decoded; kept"
                params = {"case": "undecodable", "count": str(count)}
            else:
                message = f"{count} names held raw {note} bytes instead of STEP escapes; decoded"
                params = {"case": "decoded", "count": str(count), "encoding": note}
            self._problem(Severity.INFO, "ifc-text-encoding", message, **params)

    def _check_duplicates(self) -> None:
        counts = Counter(e[_GLOBAL_ID] for e in self.model.by_type("IfcRoot"))
        duplicated = sorted(g for g, n in counts.items() if n > 1)
        if duplicated:
            shown = ", ".join(duplicated[:5]) + (" …" if len(duplicated) > 5 else "")
            self._problem(
                Severity.WARNING, "ifc-duplicate-globalid",
                f"{len(duplicated)} GlobalIds are used more than once ({shown}); the first "
                "space or storey keeps its GlobalId as key, later ones get '#2', '#3' …",
                duplicated[0],
                case="file", count=str(len(duplicated)), ids=shown,
            )

    # storeys --------------------------------------------------------------

    def _storeys(self) -> list[_Storey]:
        storeys: list[_Storey] = []
        keys: Counter[str] = Counter()
        for index, entity in enumerate(self.model.by_type("IfcBuildingStorey"), start=1):
            key = _unique(entity.GlobalId, keys)
            name = self._text(entity.Name) or self._text(entity.LongName)
            # Its own words, so its level may come from them ("Level 5", "五层"), never
            # from the "Storey 3" made up below.
            title = " ".join(dict.fromkeys(
                t for t in (self._text(entity.Name), self._text(entity.LongName)) if t))
            if not name:
                name = f"Storey {index}"
                self._problem(
                    Severity.WARNING, "ifc-storey-unnamed",
                    f"storey {entity.GlobalId} has no name; called '{name}'", key,
                    id=str(entity.GlobalId), name=name,
                )
            elevation = None
            if entity.Elevation is not None:
                elevation = to_decimal(geom.real(entity.Elevation) * self.units.length,
                                       ELEVATION_QUANTUM)
            else:
                self._problem(
                    Severity.WARNING, "ifc-storey-no-elevation",
                    f"storey '{name}' ({entity.GlobalId}) states no elevation; it is listed "
                    "after the others",
                    key,
                    name=name, id=str(entity.GlobalId),
                )
            storeys.append(_Storey(entity, key, name, elevation, title))
        if not storeys:
            self._problem(
                Severity.WARNING, "ifc-no-storeys",
                f"{self.path.name}: no storeys (IfcBuildingStorey) found",
                file=self.path.name,
            )
        storeys.sort(key=lambda s: (s.elevation is None, s.elevation or Decimal(0)))
        return storeys

    def _zones(self) -> dict[int, list[str]]:
        zones: dict[int, list[str]] = {}
        for rel in self.model.by_type("IfcRelAssignsToGroup"):
            group = geom.opt_ref(rel.RelatingGroup, "IfcGroup")
            if group is None or not group.is_a("IfcZone"):
                continue
            name = self._text(group.Name) or self._text(getattr(group, "LongName", None))
            for member in geom.refs(rel.RelatedObjects, "IfcObjectDefinition"):
                if member.is_a("IfcSpace"):
                    zones.setdefault(member.id(), []).append(name or group.GlobalId)
        return zones

    # spaces ---------------------------------------------------------------

    def _read_space(
        self,
        space: Entity,
        storeys: dict[int, _Storey],
        zones: dict[int, list[str]],
        seen_keys: Counter[str],
    ) -> None:
        gid = space[_GLOBAL_ID]
        key = _unique(gid, seen_keys)
        name_attr = self._text(space[_NAME])
        long_name = self._text(space[_LONG_NAME])
        code = name_attr or long_name  # unnamed: numbered on its floor, never its GlobalId
        label = f"space '{long_name or name_attr or gid}' (GlobalId {gid})"
        storey, container = _storey_of(space, storeys)
        if storey is None:
            where = f"under {container}" if container else "in no spatial structure"
            self._problem(
                Severity.WARNING, "ifc-space-no-storey",
                f"{label} is not in any storey ({where}); not imported", key,
                space=str(long_name or name_attr or gid), id=str(gid),
            )
            return
        polygon, path = self._footprint(space)
        if polygon is None:
            self._problem(
                Severity.WARNING, "ifc-space-no-geometry",
                f"{label} has no usable geometry; not imported", key,
                space=str(long_name or name_attr or gid), id=str(gid),
            )
            return
        stated, stated_from = stated_area(space, self.units)
        object_type = getattr(space, "ObjectType", None)
        use = use_fields(RoomEvidence(
            name=name_attr, long_name=long_name,
            object_type=fix_text(object_type)[0] if isinstance(object_type, str) else "",
            classification=classification_texts(space)))
        unit = PlanUnit(
            key=key,
            code=code,
            name=long_name or name_attr or code,
            polygon=polygon,
            stated_area=stated,
            confidence=_CONFIDENCE[path],
            reason=path,
            reason_code=_REASON_CODE.get(path, ""),
            source={
                "entity": space.is_a(),
                "global_id": gid,
                "step_id": space.id(),
                "storey": storey.key,
                "zones": zones.get(space.id(), []),
                "stated_area_from": stated_from,
            },
            **use,
        )
        if key != gid:
            self._problem(
                Severity.WARNING, "ifc-duplicate-globalid",
                f"{label} repeats a GlobalId already used; imported with key {key}", key,
                case="space", space=str(long_name or name_attr or gid), id=str(gid), key=key,
            )
        self._check_area(unit, label)
        storey.units.append(unit)

    def _check_area(self, unit: PlanUnit, label: str) -> None:
        if unit.stated_area is None or unit.stated_area <= 0:
            return
        computed = unit.area
        difference = abs(computed - unit.stated_area) / unit.stated_area
        if difference > AREA_TOLERANCE:
            self._problem(
                Severity.WARNING, "ifc-area-mismatch",
                f"{label}: computed {computed} m² differs from stated {unit.stated_area} m² "
                f"by {difference * 100:.0f} %",
                unit.key,
                space=unit.name or unit.code,
                computed=str(computed),
                stated=str(unit.stated_area),
                percent=f"{difference * 100:.0f}",
            )

    def _footprint(self, product: Entity) -> tuple[BaseGeometry | None, str]:
        """Plan polygon in metres and which path produced it.

        A damaged placement or shape (geom.DAMAGE) only sends the product to the next
        path; a bug in the helpers (PROGRAMMING_ERRORS) is ours and is not caught. A
        shape known to be damaged (Damaged) is not given to the kernel: OpenCASCADE
        never returned on a polyline whose points were a unit assignment.
        """
        damaged = False
        for path, build in (
            (geom.PATH_PROFILE, geom.profile_footprint),
            (geom.PATH_FOOTPRINT, geom.curve_footprint),
        ):
            try:
                world = self.placements.world(product[_OBJECT_PLACEMENT])
                polygon = geom.polygonal(
                    build(product, world, self.placements, self.units.length)
                )
            except PROGRAMMING_ERRORS:
                raise
            except geom.DAMAGE as exc:
                damaged = damaged or isinstance(exc, Damaged)
                polygon = None
            if polygon is not None:
                return polygon, path
        if product[_REPRESENTATION] is None or damaged:
            return None, ""
        return self._kernel_outline(product), geom.PATH_KERNEL

    def _kernel_outline(self, product: Entity) -> BaseGeometry | None:
        """The kernel's footprint; a degenerate mesh shapely cannot merge gives None."""
        try:
            return geom.polygonal(geom.kernel_footprint(product, self._kernel()))
        except PROGRAMMING_ERRORS:
            raise
        except geom.DAMAGE:
            return None

    def _kernel(self) -> object:
        if self._settings is None:
            self._settings = geom.kernel_settings()
        return self._settings

    # walls ----------------------------------------------------------------

    def _read_walls(self, storeys: dict[int, _Storey]) -> None:
        pending: list[tuple[Entity, _Storey]] = []
        for wall in self.model.by_type("IfcWall"):
            storey, _ = _storey_of(wall, storeys)
            if storey is None:
                continue
            try:
                world = self.placements.world(wall[_OBJECT_PLACEMENT])
                outline = geom.polygonal(
                    geom.profile_footprint(wall, world, self.placements, self.units.length)
                )
            except PROGRAMMING_ERRORS:
                raise  # our bug: read_plan reports it as an internal error
            except Damaged:
                continue  # not for the kernel either (see _footprint)
            except geom.DAMAGE:
                outline = None
            if outline is not None:
                storey.walls.append(outline)
            elif wall[_REPRESENTATION] is not None:
                pending.append((wall, storey))
        if len(pending) > KERNEL_WALL_LIMIT:
            self._problem(
                Severity.INFO, "ifc-walls-skipped",
                f"{len(pending)} walls need the geometry kernel; skipped to keep the import "
                f"fast (limit {KERNEL_WALL_LIMIT}), so they are missing from the background",
                count=str(len(pending)), limit=str(KERNEL_WALL_LIMIT),
            )
            return
        for wall, storey in pending:
            outline = self._kernel_outline(wall)
            if outline is not None:
                storey.walls.append(outline)


def _unique(gid: str, seen: Counter[str]) -> str:
    seen[gid] += 1
    return gid if seen[gid] == 1 else f"{gid}#{seen[gid]}"


def _storey_of(product: Entity, storeys: dict[int, _Storey]) -> tuple[_Storey | None, str]:
    """The storey a product sits in (through spaces, aggregates); if none, its top container."""
    current = product
    visited: set[int] = set()
    top = None
    while current is not None:
        step_id = current.id()
        if step_id in visited:
            break
        visited.add(step_id)
        if step_id in storeys:
            return storeys[step_id], ""
        parent = None
        for rel in getattr(current, "Decomposes", None) or ():
            parent = geom.opt_ref(rel[_RELATING_OBJECT], "IfcObjectDefinition")
        if parent is None:
            for rel in getattr(current, "ContainedInStructure", None) or ():
                parent = geom.opt_ref(rel[_RELATING_STRUCTURE], "IfcObjectDefinition")
        if parent is not None:
            top = parent
        current = parent
    if top is None:
        return None, ""
    return None, f"{top.is_a()} '{top.Name or top.GlobalId}'"


__all__ = ["SUPPORTED_SCHEMAS", "read_ifc"]
