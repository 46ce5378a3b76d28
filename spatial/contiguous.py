"""Sets of neighbouring vacant units that together come close to an area a tenant asks for.

A lead wants "about N m² in one piece": no single vacant unit may be that big,
but two to six neighbours on one floor, let together, are. This module finds
such sets on plain data (areas, asking rents, who neighbours whom — the
neighbours come from :mod:`spatial.adjacency`), so the service, the CLI and
tests share one search.

A set is kept when its total leasable area lies in ``[at_least·N, at_most·N]``
(by default 90 % to 150 % of N: a little less may still do, much more is
another deal). Sets are ranked by how far their total is from N, then by
their monthly rent (the sum of each unit's area × asking rent; a set with a
unit without an asking rent comes after those with one), then by the number
of units (fewer leases to merge), and finally by their units' positions, so
the order is total.

Each connected set of up to ``max_units`` members is met once: the
enumeration of connected induced subgraphs of Wernicke's ESU algorithm grows
a set only from its smallest member ("root") and only through its exclusive
neighbourhood. Branches that cannot give a kept set are cut: a set already
above the upper bound only grows bigger (areas are not negative), and one that
cannot reach the lower bound with its remaining slots filled by the floor's
largest vacant unit never will. Once ``limit`` sets are held, the window
narrows to the worst of them, so a 60-unit floor with rich adjacency is
searched in milliseconds.

Examples
--------
Four 100 m² offices in a row (0–1–2–3), all vacant; about 200 m² asked:

>>> from decimal import Decimal as D
>>> row = FloorUnits(areas=[D(100), D(100), D(100), D(100)],
...                  rents=[D(90), D(80), D(80), None],
...                  neighbours=[[1], [0, 2], [1, 3], [2]],
...                  vacant=[True, True, True, True])
>>> for found in find_sets([row], D(200), limit=3):
...     print(found.units, found.area, found.rent, found.why)
(1, 2) 200 16000 100.0%
(0, 1) 200 17000 100.0%
(2, 3) 200 None 100.0%
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

MAX_UNITS = 6  # a lease over more than six units is a floor, not a "space"
AT_LEAST = Decimal("0.9")  # the least share of N a kept set totals
AT_MOST = Decimal("1.5")  # the most
LIMIT = 20

_AREA_SCALE = 2  # areas are ranked in whole hundredths of a m² (the register keeps 0.01)
_RENT_SCALE = 6  # rents in millionths: 0.01 m² × a rate to four places is exact
_PERCENT = Decimal("0.1")
_UNBOUNDED = 1 << 62


@dataclass(frozen=True)
class FloorUnits:
    """One floor's units as the search sees them; index ``i`` is the same unit everywhere.

    ``areas`` are leasable areas in m²; ``rents`` asking rents per m² per month (None:
    none asked); ``neighbours[i]`` the indexes of the units adjacent to ``i``
    (:func:`spatial.adjacency.neighbours`); ``vacant[i]`` whether ``i`` may be offered.
    Only vacant units with an area above zero are members of a set, and a set is
    connected through its own members (a let unit between two vacant ones parts them).
    """

    areas: Sequence[Decimal]
    rents: Sequence[Decimal | None]
    neighbours: Sequence[Sequence[int]]
    vacant: Sequence[bool]


@dataclass(frozen=True)
class SpaceSet:
    """A connected set of vacant units on one floor, and what it offers.

    ``floor`` is the position of its floor in the sequence searched; ``units`` its
    members' indexes, ascending; ``area`` their total (m², exact); ``rent`` their
    total asking rent per month (exact; None when one member has no asking rent);
    ``fit`` ``|area − N| / N``; ``why`` the total as a percent of N, to one place.
    """

    floor: int
    units: tuple[int, ...]
    area: Decimal
    rent: Decimal | None
    fit: Decimal
    why: str


class _Window:
    """The bounds a set's total must lie in, narrowed as better sets are found."""

    __slots__ = ("hi", "lo")

    def __init__(self, lo: int, hi: int) -> None:
        self.lo = lo
        self.hi = hi


def find_sets(
    floors: Sequence[FloorUnits],
    target: Decimal,
    at_least: Decimal = AT_LEAST,
    at_most: Decimal = AT_MOST,
    max_units: int = MAX_UNITS,
    limit: int = LIMIT,
) -> list[SpaceSet]:
    """The ``limit`` best connected sets of vacant units on any of ``floors``, best first.

    ``target`` is N in m²; a set's total must lie in ``[at_least·N, at_most·N]``
    (``at_least`` ≤ 1 ≤ ``at_most``); a set has 1 to ``max_units`` units.
    """
    if target <= 0:
        raise ValueError(f"the area asked must be above zero, not {target}")
    if not 0 <= at_least <= 1 <= at_most:
        raise ValueError(f"the bounds must hold the area asked: {at_least} ≤ 1 ≤ {at_most}")
    if max_units < 1 or limit < 1:
        raise ValueError("max_units and limit must be at least 1")
    goal = _scaled(target, _AREA_SCALE)
    # totals are whole hundredths: the least at or above the bound, the most at or below
    window = _Window(_scaled(target * at_least, _AREA_SCALE, ROUND_CEILING),
                     _scaled(target * at_most, _AREA_SCALE, ROUND_FLOOR))
    best: list[tuple[object, ...]] = []  # a max-heap of the kept: keys negated
    for index, floor in enumerate(floors):
        _Floor(index, floor, goal, window, max_units, limit, best).search()
    ranked = sorted(_unneg(key) for key in best)
    return [_space_set(floors[key[4]], key[4], key[5], target) for key in ranked]


def connected_sets(neighbours: Sequence[Sequence[int]], members: Sequence[bool],
                   max_units: int = MAX_UNITS) -> list[tuple[int, ...]]:
    """Every connected set of 1 to ``max_units`` members, each once (ascending indexes).

    The enumeration :func:`find_sets` prunes, without bounds: what tests count
    against brute force.
    """
    count = len(neighbours)
    floor = FloorUnits([Decimal(1)] * count, [None] * count, neighbours, members)
    search = _Every(floor, max_units)
    search.search()
    return search.found


class _Floor:
    """ESU on one floor, in whole hundredths of a m², feeding the shared heap of the best."""

    def __init__(self, index: int, floor: FloorUnits, goal: int, window: _Window,
                 max_units: int, limit: int, best: list[tuple[object, ...]]) -> None:
        count = len(floor.areas)
        if not (len(floor.rents) == len(floor.neighbours) == len(floor.vacant) == count):
            raise ValueError("areas, rents, neighbours and vacant must be as long as each other")
        self.index = index
        self.goal = goal
        self.window = window
        self.max_units = max_units
        self.limit = limit
        self.best = best
        self.areas = [_scaled(a, _AREA_SCALE) for a in floor.areas]
        self.member = [bool(v) and a > 0 for v, a in zip(floor.vacant, self.areas, strict=True)]
        # each member's member neighbours, and its neighbours (and itself) as a bit mask
        self.links: list[list[int]] = [[] for _ in range(count)]
        self.masks = [0] * count
        for i in range(count):
            if self.member[i]:
                near = sorted({j for j in floor.neighbours[i] if j != i and self.member[j]})
                self.links[i] = near
                mask = 1 << i
                for j in near:
                    mask |= 1 << j
                self.masks[i] = mask
        self.rents = [None if r is None or not m else _scaled(a * r, _RENT_SCALE)
                      for a, r, m in zip(floor.areas, floor.rents, self.member, strict=True)]
        self.largest = max((a for a, m in zip(self.areas, self.member, strict=True) if m),
                           default=0)

    def search(self) -> None:
        window, areas, k, largest = self.window, self.areas, self.max_units, self.largest
        for root in range(len(areas)):
            if not self.member[root]:
                continue
            total = areas[root]
            if total > window.hi or total + (k - 1) * largest < window.lo:
                continue
            self.grow(root, [root], total, [j for j in self.links[root] if j > root],
                      self.masks[root])

    def grow(self, root: int, chosen: list[int], total: int, extension: list[int],
             closed: int) -> None:
        """Offer ``chosen``, then every set grown from it through ``extension`` (ESU).

        ``closed`` is ``chosen`` and its neighbours: a unit in it either is a member or
        can be reached through ``extension`` already, so it is never added twice.
        """
        window = self.window
        if total >= window.lo:
            self.offer(chosen, total)
        room = self.max_units - len(chosen)
        if room == 0:
            return
        areas, links, masks, largest = self.areas, self.links, self.masks, self.largest
        pending = list(extension)
        while pending:
            unit = pending.pop()
            grown = total + areas[unit]
            if grown > window.hi or grown + (room - 1) * largest < window.lo:
                continue  # every set of this branch holds chosen + unit: all out of bounds
            fresh = [j for j in links[unit] if j > root and not closed >> j & 1]
            chosen.append(unit)
            self.grow(root, chosen, grown, pending + fresh, closed | masks[unit])
            chosen.pop()

    def offer(self, chosen: list[int], total: int) -> None:
        """Keep ``chosen`` if it is among the ``limit`` best so far; narrow the window."""
        units = tuple(sorted(chosen))
        rents = [self.rents[u] for u in units]
        unknown = any(r is None for r in rents)
        rent = 0 if unknown else sum(rents)  # type: ignore[arg-type]
        key = (-abs(total - self.goal), -int(unknown), -rent, -len(units), -self.index,
               tuple(-u for u in units))
        best = self.best
        if len(best) < self.limit:
            heapq.heappush(best, key)
        elif key > best[0]:
            heapq.heapreplace(best, key)
        else:
            return
        if len(best) == self.limit:
            worst = -best[0][0]  # type: ignore[operator]
            self.window.lo = max(self.window.lo, self.goal - worst)
            self.window.hi = min(self.window.hi, self.goal + worst)


class _Every(_Floor):
    """The enumeration alone: every connected set is kept (no bounds, no ranking)."""

    def __init__(self, floor: FloorUnits, max_units: int) -> None:
        super().__init__(0, floor, 0, _Window(0, _UNBOUNDED), max_units, 1, [])
        self.found: list[tuple[int, ...]] = []

    def offer(self, chosen: list[int], total: int) -> None:
        self.found.append(tuple(sorted(chosen)))


def _unneg(key: tuple[object, ...]) -> tuple[object, ...]:
    """A heap key back in ranking order: (fit, unknown rent, rent, count, floor, units)."""
    fit, unknown, rent, count, floor, units = key
    return (-fit, -unknown, -rent, -count, -floor,  # type: ignore[operator]
            tuple(-u for u in units))  # type: ignore[attr-defined]


def _space_set(floor: FloorUnits, index: int, units: tuple[int, ...],
               target: Decimal) -> SpaceSet:
    area = sum((floor.areas[u] for u in units), Decimal(0))
    rents = [floor.rents[u] for u in units]
    rent = None if any(r is None for r in rents) else sum(
        (floor.areas[u] * r for u, r in zip(units, rents, strict=True)),  # type: ignore[operator]
        Decimal(0))
    share = (area * 100 / target).quantize(_PERCENT, rounding=ROUND_HALF_UP)
    return SpaceSet(index, units, area, rent, abs(area - target) / target, f"{share}%")


def _scaled(value: Decimal, places: int, rounding: str = ROUND_HALF_UP) -> int:
    """``value`` in whole units of 10^-places (for ranking; totals stay exact Decimals)."""
    return int(value.scaleb(places).to_integral_value(rounding=rounding))
