"""A park's site plan from a drawing: building footprints and the site's linework.

The park map draws buildings on their footprints. A site drawing (DXF or IFC)
read like a floor plan gives closed outlines with labels; each outline whose
label names a building of the park (its code or name: ``A``, ``A栋``,
``Building A``) becomes that building's footprint, in site metres, and the
rest of the linework (roads, boundaries) is kept as the site plan drawn under
them. The drawing replaces the previous site: buildings it does not show are laid
out automatically, and its linework replaces the older site plan. A drawing
with no linework besides the outlines keeps the older site plan unless the
person confirmed removing it (``replace_site_plan``): an empty layer list is
more often a missed layer than a wish to erase the roads.
Written in the caller's transaction; nothing is written when nothing matches.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.assets import building_key
from importers.plan import ImportedPlan, PlanUnit
from spatial.geometry import area_m2, lines_to_wkb, polygon_to_wkb
from store.plan_import import PlanImportError, park_for_import
from store.schema import Building


@dataclass
class SiteChanges:
    """What a site drawing changes: footprints placed, labels and buildings left over."""

    placed: list[tuple[str, Decimal]] = field(default_factory=list)  # code, footprint m²
    unmatched: list[str] = field(default_factory=list)  # outlines whose label names no building
    not_drawn: list[str] = field(default_factory=list)  # buildings the drawing does not show
    site_plan: bool = False  # the drawing's linework was kept as the site plan
    site_plan_kept: bool = False  # no linework in the drawing: the older site plan stays
    site_plan_removed: bool = False  # no linework, and the older site plan was removed as asked

    def summary(self) -> str:
        lines = [f"{len(self.placed)} buildings placed on the site plan"
                 + ("" if self.site_plan else " (no site linework in the drawing)")]
        if self.site_plan_kept:
            lines.append("  the previous site plan is kept (the drawing has no site linework; "
                         "--replace-site-plan removes it)")
        if self.site_plan_removed:
            lines.append("  the previous site plan is removed (the drawing has no site linework)")
        lines += [f"  {code}: footprint {area} m²" for code, area in self.placed]
        if self.unmatched:
            lines.append("  outlines naming no building of the park: "
                         + ", ".join(self.unmatched))
        if self.not_drawn:
            lines.append("  not in the drawing (laid out automatically): "
                         + ", ".join(self.not_drawn))
        return "\n".join(lines)


def import_site(session: Session, plan: ImportedPlan, park_code: str | None = None,
                replace_site_plan: bool = False) -> SiteChanges:
    """Set the park's building footprints and site plan from ``plan``.

    ``replace_site_plan`` is the person's confirmation that a drawing without
    site linework should remove the older site plan.

    Raises PlanImportError (nothing written) for a plan with errors or one in
    which no outline names a building of the park.
    """
    if plan.errors:
        raise PlanImportError("; ".join(p.message for p in plan.errors), "plan-errors",
                              parts=plan.errors)
    park = park_for_import(session, park_code)
    buildings = list(session.scalars(
        select(Building).where(Building.park_id == park.id, ~Building.archived)
        .order_by(Building.sort_order, Building.code)))
    keys: dict[str, Building] = {}
    for b in buildings:
        for text in (b.code, b.name):
            keys.setdefault(building_key(text), b)
    changes = SiteChanges()
    found: dict[str, tuple[Building, PlanUnit]] = {}
    for floor in plan.floors:
        for outline in floor.units:
            building = _building_for(outline, keys)
            if building is None:
                changes.unmatched.append(_label(outline))
            elif building.code not in found or outline.polygon.area > found[
                    building.code][1].polygon.area:
                found[building.code] = (building, outline)  # the largest outline wins
    if not found:
        codes = ", ".join(b.code for b in buildings) or "—"
        labels = ", ".join(changes.unmatched[:10]) or "—"
        raise PlanImportError(
            f"{plan.source}: no outline is labelled with a building of park {park.code} "
            f"(buildings: {codes}; labels found: {labels})",
            "site-no-match", file=plan.source, park=park.code, buildings=codes, labels=labels)
    for building, outline in found.values():
        building.footprint = polygon_to_wkb(outline.polygon)
        changes.placed.append((building.code, area_m2(outline.polygon)))
    # The drawing is the site now: a building it does not show loses an older footprint
    # (and is laid out automatically), an older site plan gives way to this one's lines.
    for b in buildings:
        if b.code not in found:
            changes.not_drawn.append(b.code)
            if b.footprint is not None:
                b.footprint = None
    background = next((f.background for f in plan.floors if f.background is not None), None)
    if background is not None and not background.is_empty:
        park.site_plan = lines_to_wkb(background)
        changes.site_plan = True
    elif park.site_plan is not None:
        if replace_site_plan:
            park.site_plan = None
            changes.site_plan_removed = True
        else:
            changes.site_plan_kept = True
    session.flush()
    return changes


def _building_for(outline: PlanUnit, keys: dict[str, Building]) -> Building | None:
    """The building an outline's label names: its code, its name, or the label's first word."""
    label = str(outline.source.get("label", ""))
    words = label.split()
    for text in (outline.code, outline.name, label, words[0] if words else ""):
        if text:
            found = keys.get(building_key(text))
            if found is not None:
                return found
    return None


def _label(outline: PlanUnit) -> str:
    return " ".join(str(outline.source.get("label") or outline.code).split())[:40]
