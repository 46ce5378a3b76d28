"""Match a revised drawing's rooms to the units already in the register.

Re-importing must update geometry in place, so contracts and history stay on
the same unit. Rooms are matched by stable identity first (IFC GlobalId, DXF
handle), then by label (unit code), then by overlap; what is left is added or
removed. This module only decides; the store applies the decision.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

from importers.plan import PlanUnit
from spatial.geometry import area_m2

MIN_OVERLAP = 0.5  # intersection over union for two outlines to be the same room
AREA_TOLERANCE = Decimal("0.01")  # m²: smaller differences are not a change


@dataclass(frozen=True)
class ExistingUnit:
    """What the register knows of a unit on the floor being re-imported."""

    id: object
    key: str
    code: str
    polygon: BaseGeometry | None


@dataclass(frozen=True)
class Match:
    existing: ExistingUnit
    incoming: PlanUnit
    by: str  # "key" | "code" | "overlap"

    @property
    def area_change(self) -> Decimal:
        before = area_m2(self.existing.polygon) if self.existing.polygon is not None else Decimal(0)
        return self.incoming.area - before

    @property
    def changed(self) -> bool:
        if self.existing.polygon is None:
            return True
        if abs(self.area_change) > AREA_TOLERANCE:
            return True
        return not self.existing.polygon.equals_exact(self.incoming.polygon, 1e-6)


@dataclass(frozen=True)
class FloorDiff:
    matched: tuple[Match, ...]
    added: tuple[PlanUnit, ...]
    removed: tuple[ExistingUnit, ...]

    @property
    def changed(self) -> tuple[Match, ...]:
        return tuple(m for m in self.matched if m.changed)

    @property
    def unchanged(self) -> tuple[Match, ...]:
        return tuple(m for m in self.matched if not m.changed)


def diff_floor(existing: Sequence[ExistingUnit], incoming: Sequence[PlanUnit]) -> FloorDiff:
    """Pair each incoming room with at most one existing unit, and the reverse."""
    matches: list[Match] = []
    free_old = list(existing)
    free_new = list(incoming)

    def take(pairs: list[tuple[ExistingUnit, PlanUnit]], by: str) -> None:
        for old, new in pairs:
            matches.append(Match(old, new, by))
            free_old.remove(old)
            free_new.remove(new)

    by_key = {u.key: u for u in free_old if u.key}
    take([(by_key[n.key], n) for n in free_new if n.key and n.key in by_key], "key")
    by_code = {u.code: u for u in free_old if u.code}
    take([(by_code[n.code], n) for n in free_new if n.code and n.code in by_code], "code")
    take(_overlap_pairs(free_old, free_new), "overlap")
    return FloorDiff(tuple(matches), tuple(free_new), tuple(free_old))


def _overlap_pairs(
    old: Sequence[ExistingUnit], new: Sequence[PlanUnit]
) -> list[tuple[ExistingUnit, PlanUnit]]:
    """Greedy best-first pairing by intersection over union above MIN_OVERLAP."""
    shaped = [u for u in old if u.polygon is not None and not u.polygon.is_empty]
    if not shaped or not new:
        return []
    tree = STRtree([u.polygon for u in shaped])
    candidates: list[tuple[float, int, int]] = []
    for j, room in enumerate(new):
        for i in tree.query(room.polygon):
            polygon = shaped[int(i)].polygon
            assert polygon is not None
            union = polygon.union(room.polygon).area
            if union <= 0:
                continue
            iou = polygon.intersection(room.polygon).area / union
            if iou >= MIN_OVERLAP:
                candidates.append((iou, int(i), j))
    pairs = []
    used_old: set[int] = set()
    used_new: set[int] = set()
    for _iou, i, j in sorted(candidates, reverse=True):
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        pairs.append((shaped[i], new[j]))
    return pairs
