"""Match a revised drawing's rooms to the units already in the register.

Re-importing must update geometry in place, so contracts and history stay on
the same unit. Rooms are matched by stable identity first (IFC GlobalId, DXF
handle within the drawing's $FINGERPRINTGUID), then by label, then by overlap;
what is left is added or removed. Keys are compared whole: a bare handle stored
by an older import never equals a scoped one, since handles repeat across
drawings and the bare one cannot say whose it was.
A label is compared like with like: the drawing says ``303`` where the register
says ``ZD-C-0303``, so the unit code's local part (``domain.assets``) is set
against the label, case and leading zeros ignored. A key or label that two
rooms (or two units) share identifies neither, and is not used. An overlap
match whose room is labelled otherwise than its unit (``308`` over
``ZD-A-0301``) is still the same place, so it is kept, but it says so
(:attr:`Match.relabelled`): the unit, and any contract on it, takes the new
outline although the drawing calls the room something else. A unit whose code
an older import made of the room's DXF handle, key or GlobalId (``ZD-C-2B13``,
from before unlabelled rooms were numbered) is matched as any other, and marked
(:attr:`Match.renumber`) so the store gives it a code a person can say and
lists the change. This module only decides; the store applies the decision.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

from domain.assets import (
    clean_unit_label,
    numbers_on_level,
    unit_code_local_part,
    unit_label_key,
)
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
    # An overlap match between a unit and a room whose labels both say something and
    # differ: the unit code's local part and the room's label (``("0301", "308")``).
    relabel: tuple[str, str] | None = None
    # The unit's code is a stand-in an older import made of the room's handle or key
    # (``ZD-C-2B13``): it is to get a readable one (:func:`stand_in_code`).
    renumber: bool = False

    @property
    def relabelled(self) -> bool:
        """Matched by where it lies although the drawing labels it as another room."""
        return self.relabel is not None

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


def diff_floor(
    existing: Sequence[ExistingUnit],
    incoming: Sequence[PlanUnit],
    park_code: str = "",
    building_code: str = "",
    level: int | None = None,
) -> FloorDiff:
    """Pair each incoming room with at most one existing unit, and the reverse.

    ``park_code`` and ``building_code`` say how the register's unit codes
    begin, so their local part can be compared with the drawing's labels;
    ``level``, when given, keeps a code that reads as a number on the floor
    from being taken for a stand-in (:func:`stand_in_code`).
    """
    matches: list[Match] = []
    free_old = list(existing)
    free_new = list(incoming)

    def stand_in(old: ExistingUnit, new: PlanUnit) -> bool:
        before = unit_code_local_part(old.code, park_code, building_code)
        return stand_in_code(before, old.key, new, level)

    def take(pairs: list[tuple[ExistingUnit, PlanUnit]], by: str) -> None:
        for old, new in pairs:
            matches.append(Match(old, new, by, renumber=by == "key" and stand_in(old, new)))
            free_old.remove(old)
            free_new.remove(new)

    take(_unique_pairs(free_old, free_new, lambda u: u.key, lambda r: r.key), "key")

    def local(unit: ExistingUnit) -> str:
        return unit_label_key(unit_code_local_part(unit.code, park_code, building_code))

    def label(room: PlanUnit) -> str:
        return unit_label_key(room.code)

    take(_unique_pairs(free_old, free_new, local, label), "code")
    for old, new in _overlap_pairs(free_old, free_new):
        if stand_in(old, new):  # its label, if any, is its new code: no relabel to report
            matches.append(Match(old, new, "overlap", renumber=True))
        else:
            before = unit_code_local_part(old.code, park_code, building_code)
            differs = bool(local(old)) and bool(label(new)) and local(old) != label(new)
            matches.append(Match(old, new, "overlap", (before, new.code) if differs else None))
        free_old.remove(old)
        free_new.remove(new)
    return FloorDiff(tuple(matches), tuple(free_new), tuple(free_old))


_COPY = re.compile(r"-\d+$")  # how an import told two units of one code apart: 2B13-2


def stand_in_code(local: str, unit_key: str, room: PlanUnit, level: int | None = None) -> bool:
    """Whether a unit's code (``local``, its local part) was made of a handle or key.

    Before unlabelled rooms were numbered on their floor, an import coded such a
    room by its outline's DXF handle (``2B13``), its key, or its IFC GlobalId:
    nothing a person can say. Such a code is recognised by the unit's own key
    (``{guid}:2B13``) or the matched room's handle or key. A code the drawing's
    label gives the room, or that reads as a room number on ``level``, is kept.

    >>> room = PlanUnit("{G}:2B13", "", "", None, source={"handle": "2B13"})
    >>> stand_in_code("2B13", "{G}:2B13", room), stand_in_code("2b13-2", "", room)
    (True, True)
    >>> stand_in_code("0305", "{G}:2B13", room), stand_in_code("305", "{G}:305", room, 3)
    (False, False)
    """
    if not local:
        return False
    if room.code and unit_label_key(room.code) == unit_label_key(local):
        return False
    if level is not None and numbers_on_level(local, level):
        return False
    said = {local.casefold(), _COPY.sub("", local).casefold()}
    made: set[str] = set()
    for key in (unit_key, room.key, str(room.source.get("handle") or "")):
        for part in (key, key.rsplit(":", 1)[-1]):
            made.add(clean_unit_label(part).casefold())
    made.discard("")
    return bool(said & made)


def _unique_pairs(
    old: Sequence[ExistingUnit],
    new: Sequence[PlanUnit],
    old_key: Callable[[ExistingUnit], str],
    new_key: Callable[[PlanUnit], str],
) -> list[tuple[ExistingUnit, PlanUnit]]:
    """Pairs whose non-empty key is the same and found once on each side."""
    olds = Counter(k for k in map(old_key, old) if k)
    news = Counter(k for k in map(new_key, new) if k)
    by_key = {old_key(u): u for u in old if olds[old_key(u)] == 1}
    return [
        (by_key[new_key(r)], r)
        for r in new
        if news[new_key(r)] == 1 and new_key(r) in by_key
    ]


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
