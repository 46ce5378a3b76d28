"""Generated floor plates: believable floors for the demo park and for tests.

Each generator lays out one floor in metres, origin at the plate's lower-left,
as axis-aligned rectangles and L-shapes: the units tile the outline minus the
common rooms (cores, corridors, lobbies, a loading platform), each of a
known :class:`CommonKind`, and the
walls come back as background linework, as an imported CAD plan would. Coordinates sit on a
0.1 m grid so areas are exact to the square centimetre. The generators own
no randomness: the caller passes a :class:`random.Random`, so a seed fixes
the whole plate.

Examples
--------
>>> from random import Random
>>> plate = office_floor(Random(1), units=8, width=60, depth=26)
>>> len(plate.units), plate.outline.area
(8, 1560.0)
>>> round(plate.outline.area - sum(u.area for u in plate.units) - plate.common_area, 6)
0.0
>>> [kind.value for kind in plate.common_kinds][:3]
['core', 'corridor', 'corridor']
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from random import Random

import numpy as np
import shapely
from shapely.geometry import MultiLineString, Polygon

# All layout arithmetic is in whole decimetres, so cuts never drift off the grid.
DM = 10
CORRIDOR = 18  # office ring corridor, 1.8 m
DOOR = 20  # the least run of wall a unit shares with a corridor, 2 m
PLANT_CORRIDOR = 30
PLANT_CORE = (90, 100)  # freight lift, stair and toilets, 9 m x 10 m
WAREHOUSE_PLATFORM = 45  # shared loading platform (装卸平台) along the yard side
RETAIL_LOBBY = 140  # entrance, escalators and toilets at the mall's west end
MALL_CORRIDOR = 70
SHOP_MIN = 40  # a 4 m shop front


class CommonKind(StrEnum):
    """What a plate's shared room is, so the register can name it as a person would.

    An office tower's core (stairs, lifts and their lobby, toilets, shafts) is
    one room, as a register lists a tower's 核心筒: split into its rooms it
    would double the units of a 20,000-unit park. A plant's small service
    core is its three rooms.
    """

    CORE = "core"
    STAIR = "stair"
    FREIGHT_LIFT = "freight_lift"
    TOILET = "toilet"
    CORRIDOR = "corridor"
    LOBBY = "lobby"  # a retail floor's west end: entrance or escalators, and toilets
    PLATFORM = "platform"  # a warehouse's shared loading platform


@dataclass(frozen=True)
class FloorPlate:
    """One floor's geometry: outline, unit polygons and wall linework.

    ``units`` are in walking order around the floor (neighbours mostly follow
    each other), which the unit numbers on the floor follow. ``common`` holds
    the shared areas (cores, corridors, lobbies) the common-area allocation
    spreads over the units, and ``common_kinds`` says which is which (one per
    polygon); units and common together tile the outline.
    """

    outline: Polygon
    units: list[Polygon]
    background: MultiLineString
    common: list[Polygon] = field(default_factory=list)
    common_kinds: list[CommonKind] = field(default_factory=list)

    @property
    def common_area(self) -> float:
        """Area of the shared parts in m² (geometry only; store areas use area_m2)."""
        return sum(p.area for p in self.common)


def office_floor(
    rng: Random, units: int, width: float | None = None, depth: float | None = None
) -> FloorPlate:
    """An office tower floor: central core, ring corridor, units along the façade.

    The core and corridor depend only on ``width`` and ``depth``, so every
    floor of a tower built with the same plate stacks its core exactly. Two
    units make a whole-floor let of two L-shapes (pinwheel around the core);
    more units are cut along the four façades, the corner pieces reaching past
    the corridor so every unit has a door on it.

    Parameters
    ----------
    rng : Random
        Source of every random choice.
    units : int
        Units on the floor, 2 or more.
    width, depth : float, optional
        Plate size in metres; drawn from about 50–70 m × 22–30 m when omitted.
    """
    if units < 2:
        raise ValueError("an office floor has at least 2 units (a whole floor is two L-shapes)")
    w = _dm(width) if width is not None else rng.randint(500, 700)
    d = _dm(depth) if depth is not None else rng.randint(220, 300)
    if not (300 <= w <= 1000 and 180 <= d <= 400 and d <= w):
        raise ValueError(f"office plate {w / DM} m x {d / DM} m is outside 30–100 m x 18–40 m")
    core_d = min(90, max(60, round(d * 0.28)))
    lease = (d - 2 * CORRIDOR - core_d) // 2  # façade-to-corridor depth
    core_d = d - 2 * CORRIDOR - 2 * lease
    ring_x0, ring_y0, ring_x1, ring_y1 = lease, lease, w - lease, d - lease
    core = (ring_x0 + CORRIDOR, ring_y0 + CORRIDOR, ring_x1 - CORRIDOR, ring_y1 - CORRIDOR)

    ring_area = w * d - (w - 2 * lease) * (d - 2 * lease)
    end_area = lease * (d - 2 * lease)
    min_len = max(30, math.ceil(3000 / lease))  # at least 30 m² per unit
    corner_min = lease + DOOR
    ends = 0
    if units >= 4:
        ends = min(round(end_area * units / ring_area), (units - 2) // 2)
        ends = min(ends, (d - 2 * lease) // min_len)
    rest = units - 2 * ends
    south = rest // 2 + (rest % 2 if rng.random() < 0.5 else 0)
    north = rest - south

    s_cuts = _cuts(rng, w, south, min_len, corner_min, corner_min)
    n_cuts = _cuts(rng, w, north, min_len, corner_min, corner_min)
    e_cuts = [lease + c for c in _cuts(rng, d - 2 * lease, ends, min_len)] if ends else []
    w_cuts = [lease + c for c in _cuts(rng, d - 2 * lease, ends, min_len)] if ends else []

    rings: list[Ring] = []
    for i in range(south):
        x0, x1 = s_cuts[i], s_cuts[i + 1]
        if i == south - 1 and not ends:  # south-east corner wraps up the east end
            rings.append([(x0, 0), (w, 0), (w, d - lease), (w - lease, d - lease),
                           (w - lease, lease), (x0, lease)])
        else:
            rings.append(_rect(x0, 0, x1, lease))
    for i in range(ends):
        rings.append(_rect(w - lease, e_cuts[i], w, e_cuts[i + 1]))
    for i in reversed(range(north)):
        x0, x1 = n_cuts[i], n_cuts[i + 1]
        if i == 0 and not ends:  # north-west corner wraps down the west end
            rings.append([(0, lease), (lease, lease), (lease, d - lease), (x1, d - lease),
                           (x1, d), (0, d)])
        else:
            rings.append(_rect(x0, d - lease, x1, d))
    for i in reversed(range(ends)):
        rings.append(_rect(0, w_cuts[i], lease, w_cuts[i + 1]))

    cx0, cy0, cx1, cy1 = core
    stair = min(60, (cx1 - cx0) // 6)
    mid_y = (cy0 + cy1) // 2
    third = (cx1 - cx0 - 2 * stair) // 3
    partitions = [
        ((cx0 + stair, cy0), (cx0 + stair, cy1)),  # stair 1
        ((cx1 - stair, cy0), (cx1 - stair, cy1)),  # stair 2
        ((cx0 + stair, mid_y), (cx1 - stair, mid_y)),  # lift bank | shafts and toilets
        ((cx0 + stair + third, cy0), (cx0 + stair + third, mid_y)),  # toilets (M | F)
        ((cx0 + stair + 2 * third, cy0), (cx0 + stair + 2 * third, mid_y)),
    ]
    rooms = [
        (CommonKind.CORE, _rect(*core)),
        (CommonKind.CORRIDOR, _rect(ring_x0, ring_y0, ring_x1, cy0)),  # south
        (CommonKind.CORRIDOR, _rect(ring_x0, cy1, ring_x1, ring_y1)),  # north
        (CommonKind.CORRIDOR, _rect(ring_x0, cy0, cx0, cy1)),  # west
        (CommonKind.CORRIDOR, _rect(cx1, cy0, ring_x1, cy1)),  # east
    ]
    return _plate(w, d, rings, rooms, [_rect(*core)], partitions)


def plant_floor(
    rng: Random, bays: int, length: float | None = None, depth: float | None = None
) -> FloorPlate:
    """A plant (厂房) floor: large bays off a side corridor, one small service core.

    The corridor runs along the north wall; the core (freight lift, stair,
    toilets) sits at its west end, so the first bay is an L around it. Bays
    are at least 500 m²; with the plate drawn here they come out about
    700–1,500 m².

    Parameters
    ----------
    rng : Random
        Source of every random choice.
    bays : int
        Bays on the floor, 1 or more.
    length, depth : float, optional
        Plate size in metres; drawn to suit ``bays`` (depth 30–40 m) when omitted.
    """
    if bays < 1:
        raise ValueError("a plant floor has at least one bay")
    d = _dm(depth) if depth is not None else rng.randint(300, 400)
    bay_depth = d - PLANT_CORRIDOR
    core_w, core_d = PLANT_CORE
    if bay_depth < core_d + 100:
        raise ValueError(f"plant plate depth {d / DM} m leaves no room for bays beside the core")
    min_len = math.ceil(50000 / bay_depth)  # 500 m²
    first_min = math.ceil((50000 + core_w * core_d) / bay_depth)  # 500 m² once round the core
    if length is None:
        per_bay = [round(rng.uniform(700, 1500) * 100 / bay_depth) for _ in range(bays)]
        w = max(sum(per_bay), first_min + min_len * (bays - 1))
    else:
        w = _dm(length)
    cuts = _cuts(rng, w, bays, min_len, first_min, 0)
    units: list[Ring] = []
    for i in range(bays):
        x0, x1 = cuts[i], cuts[i + 1]
        if i == 0:
            units.append([(0, 0), (x1, 0), (x1, bay_depth), (core_w, bay_depth),
                          (core_w, bay_depth - core_d), (0, bay_depth - core_d)])
        else:
            units.append(_rect(x0, 0, x1, bay_depth))
    core_y0 = bay_depth - core_d
    lift_y = bay_depth - core_d // 2
    partitions = [
        ((0, lift_y), (core_w, lift_y)),  # freight lift | stair and toilets
        ((core_w // 2, core_y0), (core_w // 2, lift_y)),  # stair | toilets
    ]
    rooms = [
        (CommonKind.CORRIDOR, _rect(0, bay_depth, w, d)),
        (CommonKind.FREIGHT_LIFT, _rect(0, lift_y, core_w, bay_depth)),
        (CommonKind.STAIR, _rect(0, core_y0, core_w // 2, lift_y)),
        (CommonKind.TOILET, _rect(core_w // 2, core_y0, core_w, lift_y)),
    ]
    walled = [_rect(0, bay_depth, w, d), _rect(0, core_y0, core_w, bay_depth)]
    return _plate(w, d, units, rooms, walled, partitions)


def warehouse_floor(
    rng: Random, units: int, length: float | None = None, depth: float | None = None
) -> FloorPlate:
    """A warehouse floor: a few very large units behind a shared loading platform.

    Units run the full depth from the platform (along the south, yard side)
    to the north wall, separated by fire walls; drawn plates give units of
    about 2,500–5,000 m².

    Parameters
    ----------
    rng : Random
        Source of every random choice.
    units : int
        Units on the floor, 1 or more.
    length, depth : float, optional
        Plate size in metres; drawn to suit ``units`` (depth 50–70 m) when omitted.
    """
    if units < 1:
        raise ValueError("a warehouse floor has at least one unit")
    d = _dm(depth) if depth is not None else rng.randint(500, 700)
    unit_depth = d - WAREHOUSE_PLATFORM
    if unit_depth < 200:
        raise ValueError(f"warehouse plate depth {d / DM} m is too shallow")
    min_len = math.ceil(100000 / unit_depth)  # 1,000 m²
    if length is None:
        w = sum(round(rng.uniform(2500, 5000) * 100 / unit_depth) for _ in range(units))
        w = max(w, min_len * units)
    else:
        w = _dm(length)
    cuts = _cuts(rng, w, units, min_len)
    plates = [_rect(cuts[i], WAREHOUSE_PLATFORM, cuts[i + 1], d) for i in range(units)]
    platform = _rect(0, 0, w, WAREHOUSE_PLATFORM)
    return _plate(w, d, plates, [(CommonKind.PLATFORM, platform)], [platform], [])


def retail_floor(
    rng: Random, shops: int, length: float | None = None, depth: float | None = None
) -> FloorPlate:
    """A retail podium floor: shops on both sides of a mall corridor, and an anchor.

    The entrance lobby (escalators, toilets) is at the west end, the anchor
    unit closes the corridor at the east end; shops of about 30–300 m² line
    both sides. The anchor is the last unit.

    Parameters
    ----------
    rng : Random
        Source of every random choice.
    shops : int
        Shops on the floor, 2 or more, not counting the anchor.
    length, depth : float, optional
        Plate size in metres; drawn to suit ``shops`` (depth 36–44 m) when omitted.
    """
    if shops < 2:
        raise ValueError("a retail floor has at least two shops, one on each side of the mall")
    d = _dm(depth) if depth is not None else rng.randint(360, 440)
    shop_depth = (d - MALL_CORRIDOR) // 2
    if shop_depth < 80:
        raise ValueError(f"retail plate depth {d / DM} m leaves shops under 8 m deep")
    anchor_w = min(round(rng.uniform(1000, 1800) * 100 / d), 200000 // d)
    south = (shops + 1) // 2
    north = shops - south
    if length is None:
        run = max(round(south * rng.uniform(60, 80)), south * SHOP_MIN + 20)
        w = RETAIL_LOBBY + run + anchor_w
    else:
        w = _dm(length)
        run = w - RETAIL_LOBBY - anchor_w
    x0, x1 = RETAIL_LOBBY, RETAIL_LOBBY + run
    y_mall0, y_mall1 = shop_depth, d - shop_depth
    s_cuts = [x0 + c for c in _cuts(rng, run, south, SHOP_MIN, spread=0.5)]
    n_cuts = [x0 + c for c in _cuts(rng, run, north, SHOP_MIN, spread=0.5)]
    units = [_rect(s_cuts[i], 0, s_cuts[i + 1], y_mall0) for i in range(south)]
    units += [_rect(n_cuts[i], y_mall1, n_cuts[i + 1], d) for i in reversed(range(north))]
    units.append(_rect(x1, 0, w, d))
    rooms = [(CommonKind.LOBBY, _rect(0, 0, x0, d)),
             (CommonKind.CORRIDOR, _rect(x0, y_mall0, x1, y_mall1))]
    escalator = [((40, d // 2 - 30), (100, d // 2 - 30)), ((40, d // 2 + 30), (100, d // 2 + 30))]
    return _plate(w, d, units, rooms, [], escalator)


def adjacent_pairs(
    polygons: Sequence[Polygon],
    min_shared: float = 1.0,
    candidates: Sequence[tuple[int, int]] | None = None,
) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of polygons sharing a wall of ``min_shared`` m or more.

    Corner contacts do not count: two units are adjacent when a door could
    join them, which is what merging units and multi-unit contracts need.
    ``candidates`` limits the test to those pairs (say, neighbours in a
    plate's walking order) and skips the spatial index.

    >>> from shapely.geometry import box
    >>> adjacent_pairs([box(0, 0, 5, 5), box(5, 0, 9, 5), box(9, 5, 12, 8)])
    [(0, 1)]
    >>> adjacent_pairs([box(0, 0, 5, 5), box(5, 0, 9, 5), box(9, 0, 12, 8)], candidates=[(2, 0)])
    []
    """
    if len(polygons) < 2:
        return []
    geoms = np.asarray(polygons, dtype=object)
    if candidates is None:
        left, right = shapely.STRtree(geoms).query(geoms)  # bounding boxes meet
    else:
        pairs_in = np.array(candidates, dtype=np.intp).reshape(-1, 2)
        left, right = pairs_in.min(axis=1), pairs_in.max(axis=1)
    keep = left < right
    left, right = left[keep], right[keep]
    rings = shapely.boundary(geoms)  # shared boundary, so overlaps do not count
    shared = shapely.length(shapely.intersection(rings[left], rings[right]))
    pairs = [(int(i), int(j)) for i, j, s in zip(left, right, shared, strict=True)
             if s >= min_shared]
    return sorted(pairs)


# -- helpers -------------------------------------------------------------------------

Point = tuple[int, int]
Ring = list[Point]  # a polygon's corners in decimetres, counter-clockwise, not closed


def _dm(metres: float) -> int:
    return round(metres * DM)


def _rect(x0: int, y0: int, x1: int, y1: int) -> Ring:
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def _cuts(
    rng: Random,
    length: int,
    count: int,
    min_len: int,
    first_min: int = 0,
    last_min: int = 0,
    spread: float = 0.35,
) -> list[int]:
    """Cut ``length`` into ``count`` pieces of random but bounded size.

    Returns the ``count + 1`` cut positions from 0 to ``length``. Every piece
    is at least ``min_len``, the first at least ``first_min`` and the last at
    least ``last_min``; the slack is shared by log-normal weights of sigma
    ``spread`` with the largest-remainder method, so positions stay on the
    decimetre grid.
    """
    if count < 1:
        raise ValueError("cannot cut into fewer than one piece")
    mins = [min_len] * count
    mins[0] = max(mins[0], first_min)
    mins[-1] = max(mins[-1], last_min)
    slack = length - sum(mins)
    if slack < 0:
        raise ValueError(
            f"{count} pieces of at least {min_len / DM} m do not fit in {length / DM} m"
        )
    weights = [rng.lognormvariate(0, spread) for _ in range(count)]
    total = sum(weights)
    exact = [slack * wt / total for wt in weights]
    extra = [int(x) for x in exact]
    order = sorted(range(count), key=lambda i: (exact[i] - extra[i], -i), reverse=True)
    for i in order[: slack - sum(extra)]:
        extra[i] += 1
    cuts = [0]
    for lo, more in zip(mins, extra, strict=True):
        cuts.append(cuts[-1] + lo + more)
    return cuts


def _polygons(rings: Sequence[Ring]) -> list[Polygon]:
    """Shapely polygons in metres, made in one vectorized call per corner count."""
    out: list[Polygon] = [Polygon()] * len(rings)
    by_size: dict[int, list[int]] = {}
    for i, ring in enumerate(rings):
        by_size.setdefault(len(ring), []).append(i)
    for indices in by_size.values():
        coords = np.array([rings[i] for i in indices], dtype=float) / DM
        for i, polygon in zip(indices, shapely.polygons(coords), strict=True):
            out[i] = polygon
    return out


def _walls(rings: Sequence[Ring], partitions: Sequence[tuple[Point, Point]]) -> MultiLineString:
    """Every ring edge and partition, shared runs merged so each wall is drawn once.

    All edges are axis-aligned, so collinear edges are grouped by their line
    and their intervals merged; no geometric union is needed.
    """
    lines: dict[tuple[bool, int], list[tuple[int, int]]] = {}

    def add(a: Point, b: Point) -> None:
        if a[1] == b[1]:
            lines.setdefault((True, a[1]), []).append((min(a[0], b[0]), max(a[0], b[0])))
        else:
            lines.setdefault((False, a[0]), []).append((min(a[1], b[1]), max(a[1], b[1])))

    for ring in rings:
        for a, b in zip(ring, [*ring[1:], ring[0]], strict=True):
            add(a, b)
    for a, b in partitions:
        add(a, b)
    segments: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for (horizontal, at), spans in sorted(lines.items()):
        spans.sort()
        lo, hi = spans[0]
        for start, end in [*spans[1:], (math.inf, math.inf)]:
            if start > hi:
                segments.append(((lo, at), (hi, at)) if horizontal else ((at, lo), (at, hi)))
                lo, hi = start, end
            else:
                hi = max(hi, end)
    coords = np.array(segments, dtype=float) / DM
    return shapely.multilinestrings(shapely.linestrings(coords))


def _plate(
    w: int,
    d: int,
    units: list[Ring],
    rooms: list[tuple[CommonKind, Ring]],
    wall_rings: list[Ring],
    partitions: Sequence[tuple[Point, Point]],
) -> FloorPlate:
    """Assemble a plate; the walls are the outline, unit and core rings, and partitions."""
    outline = _rect(0, 0, w, d)
    polygons = _polygons([outline, *units, *(ring for _, ring in rooms)])
    background = _walls([outline, *units, *wall_rings], partitions)
    return FloorPlate(polygons[0], polygons[1 : 1 + len(units)], background,
                      polygons[1 + len(units) :], [kind for kind, _ in rooms])
