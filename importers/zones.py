"""IfcZone as the unit: spaces grouped by their zone become one leasable unit.

BIM models often draw every room, while a tenant leases a suite; the zone
that groups those rooms is the unit. Spaces in no zone stay units of their
own; a space in several zones goes with the first.

A zone's use is what its own name says (``Circulation``, ``Verkehrsfläche``).
A name that says nothing leaves it to the spaces: all common make a common
zone (a core of stairs and lifts), one named for rent (an office) makes a
tenant's suite; else the zone is leasable and listed for review.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from shapely import union_all

from domain.room_classification import (
    LEASABLE_WORD,
    UNDECIDED,
    RoomEvidence,
    UseDecision,
    classify_room,
)
from domain.space_use import is_common
from importers.plan import (
    USE_UNDECIDED,
    ImportedPlan,
    PlanUnit,
    Problem,
    Severity,
    decision_fields,
    use_review,
)


def units_by_zone(plan: ImportedPlan) -> ImportedPlan:
    """The plan with each floor's zoned spaces merged per zone."""
    floors = []
    problems = list(plan.problems)
    merged_total = 0
    for floor in plan.floors:
        groups: dict[str, list[PlanUnit]] = {}
        loose: list[PlanUnit] = []
        for unit in floor.units:
            zones = unit.source.get("zones") or []
            if zones:
                groups.setdefault(str(zones[0]), []).append(unit)
            else:
                loose.append(unit)
        units = list(loose)
        for zone, members in groups.items():
            units.append(_merge(zone, members))
            merged_total += len(members)
            if union_all([m.polygon for m in members]).geom_type == "MultiPolygon":
                problems.append(Problem(
                    Severity.WARNING, "zone-not-contiguous",
                    f"zone {zone!r} on {floor.name or 'a floor'}: its spaces do not touch; "
                    "the unit is in several pieces", zone,
                    {"zone": zone, "floor": floor.name} if floor.name
                    else {"case": "no-floor", "zone": zone},
                ))
        floors.append(replace(floor, units=tuple(units)))
    if merged_total == 0:
        problems.append(Problem(Severity.INFO, "no-zones", "no spaces belong to an IfcZone"))
    # the merged spaces are no longer rooms of their own: list the units as they are now
    problems = [p for p in problems if p.code != USE_UNDECIDED] + use_review(floors)
    return replace(plan, floors=tuple(floors), problems=tuple(problems))


def _zone_use(zone: str, members: list[PlanUnit]) -> UseDecision:
    """The zone's name decides; else all-common spaces make a common zone, else leasable."""
    decision = classify_room(RoomEvidence(name=zone))
    if decision.code != UNDECIDED:
        return decision
    if all(is_common(m.use) for m in members):
        first = members[0]
        return UseDecision(first.use, first.use_reason, first.use_word, first.use_from)
    leasing = next((m for m in members if m.use_reason == LEASABLE_WORD), None)
    if leasing is not None:
        return UseDecision(leasing.use, leasing.use_reason, leasing.use_word, leasing.use_from)
    return decision


def _merge(zone: str, members: list[PlanUnit]) -> PlanUnit:
    stated = [m.stated_area for m in members]
    return PlanUnit(
        key=f"zone:{zone}",
        code=zone,
        name=zone,
        polygon=union_all([m.polygon for m in members]),
        stated_area=None if any(s is None for s in stated) else sum(stated, Decimal(0)),
        confidence=min(m.confidence for m in members),
        reason=f"IfcZone of {len(members)} spaces",
        reason_code="ifc-zone",  # the count: len(source["spaces"])
        source={"spaces": [m.key for m in members]},
        **decision_fields(_zone_use(zone, members)),
    )


__all__ = ["units_by_zone"]
