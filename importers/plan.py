"""What an importer hands back: floors, units and problems, as plain records.

An importer never writes anything and never raises on a bad file: it returns
an :class:`ImportedPlan` whose ``problems`` say what was repaired, guessed or
refused, so the user decides before anything reaches the workspace (SPEC §2,
the ezdxf ``recover`` idea of a result plus a report).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from typing import Any

from shapely.geometry.base import BaseGeometry

from domain.room_classification import UNDECIDED, RoomEvidence, UseDecision, classify_room
from domain.space_use import SpaceUse
from spatial.geometry import area_m2

# PlanUnit.use_reason when a person set the use (the import wizard), not the drawing.
MANUAL = "manual"
USE_UNDECIDED = "use-undecided"  # the finding that lists a room whose use nothing decided


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Problem:
    """One finding, with a stable ``code`` for tests and a message for people.

    ``ref`` names what it is about: a layer, a handle, a GlobalId, a label.
    """

    severity: Severity
    code: str
    message: str
    ref: str = ""
    # The message's variable parts, so the UI can say it in the user's language
    # from a translated template per ``code`` (``message`` is the English form);
    # ``case`` names which form when one code has several messages.
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PlanUnit:
    """A room found in a drawing, proposed as a unit: leasable, or common area.

    ``key`` is its stable identity across revisions of the drawing (IFC
    GlobalId; DXF handle of its outline, else its label) and is what a
    re-import matches on first. ``use`` is what its own words make of it
    (``domain.room_classification``): ``use_reason`` the decision's code (or
    ``"manual"`` once a person set it), ``use_word`` the word as written and
    ``use_from`` where (label, layer, name, long_name, object_type,
    classification).
    """

    key: str
    code: str
    name: str
    polygon: BaseGeometry  # metres, in the floor's own coordinates
    stated_area: Decimal | None = None  # m², as the drawing's label or quantity says
    confidence: float = 1.0  # 0..1: how sure the importer is that this is a room
    reason: str = ""  # how it was found, in a few words
    source: dict[str, Any] = field(default_factory=dict)  # layer, handle, entity type …
    # ``reason`` as a stable code, so the UI can say it in the user's language; its
    # variable parts come from ``source`` (see :func:`reason_params`).
    reason_code: str = ""
    use: SpaceUse = SpaceUse.LEASABLE
    use_reason: str = ""
    use_word: str = ""
    use_from: str = ""

    @property
    def area(self) -> Decimal:
        """Computed from the polygon, m² to the hundredth."""
        return area_m2(self.polygon)

    @property
    def use_undecided(self) -> bool:
        """Nothing in the drawing said what the room is: leasable, to be checked."""
        return self.use_reason == UNDECIDED


@dataclass(frozen=True)
class PlanFloor:
    """A storey (IFC) or a drawing's floor (DXF), with its rooms and linework."""

    name: str
    elevation: Decimal | None
    units: tuple[PlanUnit, ...]
    background: BaseGeometry | None = None  # walls and the rest, as lines in metres
    outline: BaseGeometry | None = None  # gross-area outline when the drawing has one
    key: str = ""  # IFC storey GlobalId, DXF layout or frame name
    # What the drawing itself calls this floor: a DXF frame or viewport title ("三层平面图"),
    # an IFC storey's own name; empty when it says nothing (the name may then be made up).
    title: str = ""
    # The register level and why (importers.levels): set once the level is settled.
    level: int | None = None
    level_source: str = ""  # user, file name, title, storey name, elevation order
    level_evidence: str = ""  # in English, e.g. 'from the file name "floor3.dxf"'


@dataclass(frozen=True)
class ImportedPlan:
    source: str
    format: str  # "dxf" | "ifc"
    floors: tuple[PlanFloor, ...]
    problems: tuple[Problem, ...] = ()
    units_of_drawing: str = ""  # what the file's length unit was taken to be
    scale_to_metres: float = 1.0
    # DXF: every layer's role as used for this read (rooms, walls, labels, outline,
    # background, ignore), so a person can see the guess and correct it.
    layer_roles: dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    @property
    def ok(self) -> bool:
        """Something to import and nothing that forbids it."""
        return not self.errors and any(f.units for f in self.floors)

    def unit_count(self) -> int:
        return sum(len(f.units) for f in self.floors)

    def to_json(self) -> dict[str, Any]:
        """The report ``leasemap import --json`` prints (issue 3's format; areas as strings)."""
        return {
            "source": self.source,
            "format": self.format,
            "units_of_drawing": self.units_of_drawing,
            "scale_to_metres": self.scale_to_metres,
            "layer_roles": dict(self.layer_roles),
            "floors": [
                {
                    "name": f.name,
                    "key": f.key,
                    "title": f.title,
                    "level": f.level,
                    "level_source": f.level_source,
                    "level_evidence": f.level_evidence,
                    "elevation": None if f.elevation is None else float(f.elevation),
                    "units": [
                        {
                            "key": u.key,
                            "code": u.code,
                            "name": u.name,
                            # Strings of the Decimal, as in the change report: exact.
                            "area": str(u.area),
                            "stated_area": None if u.stated_area is None else str(
                                u.stated_area
                            ),
                            "wkt": u.polygon.wkt,
                            "confidence": round(u.confidence, 3),
                            "reason": u.reason,
                            "reason_code": u.reason_code,
                            "reason_params": reason_params(u),
                            "use": SpaceUse(u.use).value,
                            "use_reason": u.use_reason,
                            "use_word": u.use_word,
                            "use_from": u.use_from,
                        }
                        for u in f.units
                    ],
                }
                for f in self.floors
            ],
            "warnings": [_problem_json(p) for p in self.warnings],
            "errors": [_problem_json(p) for p in self.errors],
            "info": [_problem_json(p) for p in self.problems if p.severity is Severity.INFO],
        }


def reason_params(unit: PlanUnit) -> dict[str, str]:
    """The variable parts of ``unit.reason``, taken from its ``source``."""
    source = unit.source
    if "spaces" in source:  # an IfcZone: its member spaces
        return {"count": str(len(source["spaces"]))}
    if "layer" in source:
        return {"layer": str(source["layer"])}
    return {}


def use_fields(evidence: RoomEvidence) -> dict[str, Any]:
    """A room's use and why, as :class:`PlanUnit` keyword arguments."""
    return decision_fields(classify_room(evidence))


def decision_fields(decision: UseDecision) -> dict[str, Any]:
    """A decision as :class:`PlanUnit` keyword arguments (a zone's, made from its spaces')."""
    return {"use": decision.use, "use_reason": decision.code, "use_word": decision.word,
            "use_from": decision.source}


def room_label(unit: PlanUnit) -> str:
    """What a person calls the room: its code and name, else its label's first line."""
    said = " ".join(dict.fromkeys(t for t in (unit.code, unit.name) if t))
    return said or " ".join(str(unit.source.get("label", "")).split())[:40]


def use_review(floors: Iterable[PlanFloor]) -> list[Problem]:
    """One finding per room whose use nothing in the drawing decided.

    INFO, not WARNING: the room is imported as leasable, as every room was
    before uses existed, so nothing is worse than it was; the finding only asks
    a person to look (the wizard and ``leasemap import`` list them apart from
    the warnings, which say the drawing itself is at fault).
    """
    out: list[Problem] = []
    for floor in floors:
        for unit in floor.units:
            if not unit.use_undecided:
                continue
            room = room_label(unit)
            area = str(unit.area)
            if room:
                message = (f"room {room} on {floor.name or '?'} ({area} m²): nothing in the "
                           "drawing says whether it is common area; imported as leasable")
                params = {"room": room, "floor": floor.name or "?", "area": area}
            else:
                message = (f"an unlabelled room of {area} m² on {floor.name or '?'}: nothing "
                           "in the drawing says whether it is common area; imported as leasable")
                params = {"case": "unlabelled", "floor": floor.name or "?", "area": area}
            out.append(Problem(Severity.INFO, USE_UNDECIDED, message, unit.key, params))
    return out


def with_use_review(plan: ImportedPlan) -> ImportedPlan:
    """``plan`` with its use findings made again for its floors as they are now."""
    kept = tuple(p for p in plan.problems if p.code != USE_UNDECIDED)
    return replace(plan, problems=kept + tuple(use_review(plan.floors)))


def with_uses(plan: ImportedPlan, uses: Mapping[tuple[int, int], SpaceUse | str]) -> ImportedPlan:
    """``plan`` with the uses a person chose: ``{(floor index, unit index): use}``.

    A changed unit keeps its other fields and says ``use_reason="manual"``; a
    room the person has decided is no longer listed for review.
    """
    if not uses:
        return plan
    floors = []
    for i, floor in enumerate(plan.floors):
        units = tuple(
            replace(u, use=SpaceUse(uses[i, j]), use_reason=MANUAL) if (i, j) in uses else u
            for j, u in enumerate(floor.units))
        floors.append(replace(floor, units=units))
    return with_use_review(replace(plan, floors=tuple(floors)))


def _problem_json(problem: Problem) -> dict[str, Any]:
    return {
        "code": problem.code,
        "message": problem.message,
        "ref": problem.ref,
        "params": dict(problem.params),
    }


def failed(
    source: str, fmt: str, code: str, message: str, params: dict[str, str] | None = None
) -> ImportedPlan:
    """A plan that holds nothing but the reason the file could not be read."""
    problem = Problem(Severity.ERROR, code, message, params=dict(params or {}))
    return ImportedPlan(source, fmt, (), (problem,))
