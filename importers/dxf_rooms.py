"""Layer roles and the room finders: outlines on a room layer, or faces of wall linework.

Drawings name layers in many languages and often put everything on layer 0,
so roles are guessed from names first and from content second, and the guess
is reported so a person can correct it (SPEC §2).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from typing import NamedTuple

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from importers.dxf_read import Coords, Records, outline_polygons

ROLES = ("rooms", "walls", "labels", "outline", "background", "ignore")
# Checked in this order: the first role whose pattern occurs in the lower-cased name wins.
_NAME_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("background", ("标注尺寸", "dim", "legend", "title", "图框", "图签", "图例", "axis", "轴线",
                    "轴号")),
    ("labels", ("room_text", "文字", "text", "label", "标注", "beschriftung", "tekst")),
    ("outline", ("建筑面积线", "gross", "outline", "占地面积")),
    ("rooms", ("使用面积线", "房间", "room", "raum", "räume", "space", "lokale", "rum")),
    ("background", ("门", "窗", "door", "window", "tür", "fenster", "furniture", "家具", "möbel",
                    "柱", "column", "填充", "hatch", "shelves", "table", "couch", "defpoints")),
    ("walls", ("墙", "wall", "wand", "mur", "væg", "structure")),
)
TITLE_WORDS = ("legend", "title", "图框", "图签", "titel", "图例")
# Background layers whose long straight lines may be walls: partitions drawn with the doors.
PARTITION_WORDS = ("门", "door", "tür", "partition", "隔断", "隔墙", "trennwand")
PARTITION_MIN_M = 1.5  # shorter straight lines on those layers are leaves, jambs and sills
JOIN_M = 0.1  # how near an end must come to a wall to count as joining it
SNAP_M = 0.05  # loose ends this near a wall are drafting slop, not openings
OVERSHOOT_M = 0.001


class Face(NamedTuple):
    """A closed region that may be a room (a tuple: a big drawing makes 50,000)."""

    polygon: Polygon
    layer: str
    handle: str
    method: str  # "outline", "layer", "walls"


def guess_roles(rec: Records, overrides: dict[str, str] | None) -> tuple[dict[str, str], str]:
    """Each layer's role and a one-line account of how it was decided."""
    layers = set(rec.lines) | {o.layer for o in rec.outlines} | {t.layer for t in rec.texts}
    roles: dict[str, str] = {}
    how: dict[str, str] = {}
    for layer in layers:
        low = layer.lower()
        for role, words in _NAME_RULES:
            if any(w in low for w in words):
                roles[layer] = role
                how[layer] = "name"
                break
    if not any(r == "rooms" for r in roles.values()):
        for layer in _content_room_layers(rec, roles):
            roles[layer], how[layer] = "rooms", "content"
    zero = sum(len(c) - 1 for c in rec.lines.get("0", []))
    if "0" not in roles and zero >= 10:
        roles["0"], how["0"] = "walls", "holds lines"
    if not any(r == "walls" for r in roles.values()):
        counts = {ly: sum(len(c) - 1 for c in paths) for ly, paths in rec.lines.items()
                  if roles.get(ly) in (None, "walls")}
        if counts:
            best = max(counts, key=lambda ly: counts[ly])
            if counts[best] >= 4:
                roles[best], how[best] = "walls", "most lines"
    for layer in layers:
        if layer not in roles:
            roles[layer] = "labels" if _only_texts(rec, layer) else "background"
            how[layer] = "default"
    for layer, role in (overrides or {}).items():
        if role in ROLES:
            roles[layer], how[layer] = role, "given"
    text = "; ".join(f"{ly} → {roles[ly]} ({how[ly]})" for ly in sorted(roles))
    return roles, text


def _only_texts(rec: Records, layer: str) -> bool:
    return layer not in rec.lines and not any(o.layer == layer for o in rec.outlines)


def _content_room_layers(rec: Records, roles: dict[str, str]) -> list[str]:
    """Layers of closed outlines most of which hold a text, or one outline per layer."""
    by_layer: dict[str, list[Coords]] = {}
    for o in rec.outlines:
        if o.kind != "HATCH" and roles.get(o.layer) in (None, "rooms"):
            by_layer.setdefault(o.layer, []).append(o.coords)
    if not by_layer or not rec.texts:
        singles = [ly for ly, cs in by_layer.items() if len(cs) == 1]
        return singles if len(singles) >= 3 else []
    points = shapely.points([(t.x, t.y) for t in rec.texts])
    tree = shapely.STRtree(points)
    found: list[str] = []
    for layer, coords in by_layer.items():
        polys = [_polygon(c) for c in coords]
        holding = sum(1 for p in polys if p is not None and len(tree.query(p, "contains")))
        if len(polys) >= 2 and holding >= max(2, len(polys) // 2):
            found.append(layer)
    singles = [ly for ly, cs in by_layer.items() if len(cs) == 1]
    if not found and len(singles) >= 3:
        found = singles
    return found


def _polygon(coords: Coords) -> Polygon | None:
    """A valid polygon from a ring, the largest piece when it self-intersects."""
    if len(coords) < 3:
        return None
    try:
        poly = Polygon(coords)
    except (ValueError, shapely.errors.GEOSException):
        return None
    if not poly.is_valid:
        fixed = shapely.make_valid(poly)
        parts = [g for g in shapely.get_parts(fixed) if g.geom_type == "Polygon"]
        if not parts:
            return None
        poly = max(parts, key=lambda g: g.area)
    return poly if poly.area > 0 else None


def outline_rooms(rec: Records, roles: dict[str, str], scale: float) -> list[Face]:
    """Method 1 and 3: closed outlines (and hatch boundaries) on room layers."""
    counts: dict[str, int] = {}
    for o in rec.outlines:
        if roles.get(o.layer) == "rooms" and o.kind != "HATCH":
            counts[o.layer] = counts.get(o.layer, 0) + 1
    per_layer = sum(1 for n in counts.values() if n == 1) >= 3
    faces: list[Face] = []
    ordered = [o for o in rec.outlines if roles.get(o.layer) == "rooms"]
    if any(o.kind == "HATCH" for o in ordered):  # outlines first, hatch boundaries after
        ordered.sort(key=lambda o: o.kind == "HATCH")
    # All outlines at once: one shapely call builds, measures and centres them.
    polys = outline_polygons(ordered, scale)
    built = np.array([i for i, poly in enumerate(polys) if poly is not None], dtype=np.int64)
    if not len(built):
        return faces
    shapes = np.array([polys[i] for i in built.tolist()], dtype=object)
    centres = shapely.get_coordinates(shapely.centroid(shapes))
    keys = np.column_stack([shapely.area(shapes), centres[:, 0], centres[:, 1]])
    for i in _first_of_each(_round1(keys)).tolist():
        o = ordered[built[i]]
        method = "layer" if per_layer and counts.get(o.layer) == 1 else "outline"
        faces.append(Face(polys[built[i]], o.layer, o.handle, method))
    return faces


def _round1(values: np.ndarray) -> np.ndarray:
    """``round(v, 1)`` of every value, exactly as Python rounds, mostly in one numpy call.

    numpy rounds ``v * 10`` in binary, so it can differ from Python's decimal
    rounding only where ``v * 10`` lies within a hair of a half; those few take
    Python's round. Adding 0.0 turns -0.0 into 0.0, as equal keys must be.
    """
    out = np.round(values, 1)
    tenths = values * 10.0
    with np.errstate(invalid="ignore"):  # inf and NaN are marked near below anyway
        near = ~np.isfinite(tenths) | (
            np.abs(tenths - np.floor(tenths) - 0.5) <= 1e-6 * (np.abs(tenths) + 1.0))
    for at in zip(*np.nonzero(near), strict=True):
        out[at] = round(float(values[at]), 1)
    return out + 0.0


def _first_of_each(keys: np.ndarray) -> np.ndarray:
    """Row numbers of the first row of each distinct key row, in their original order."""
    if not np.isfinite(keys).all():  # NaN keys never equal each other, as in a set
        seen: set[tuple[float, ...]] = set()
        first = []
        for i, row in enumerate(map(tuple, keys.tolist())):
            if row not in seen or any(v != v for v in row):
                seen.add(row)
                first.append(i)
        return np.array(first, dtype=np.int64)
    order = np.lexsort(keys.T[::-1])  # stable: equal keys keep file order
    ranked = keys[order]
    new = np.ones(len(order), dtype=bool)
    new[1:] = np.any(ranked[1:] != ranked[:-1], axis=1)
    return np.sort(order[new])


def wall_faces(
    rec: Records, roles: dict[str, str], scale: float, door_gap: float
) -> tuple[list[Face], int]:
    """Method 2: node wall linework, bridge door gaps, polygonize; faces and bridges made."""
    paths: list[Coords] = []
    for layer, items in rec.lines.items():
        if roles.get(layer) in ("walls", "rooms"):
            paths.extend(items)
    for o in rec.outlines:
        if roles.get(o.layer) == "walls" and o.kind != "HATCH":
            paths.append(o.coords)
    if not paths:
        return [], 0
    lines = [LineString([(x * scale, y * scale) for x, y in p]) for p in paths if len(p) >= 2]
    lines += partition_lines(rec, roles, scale, lines)
    lines = _snap_ends(lines, SNAP_M)
    noded = shapely.unary_union(shapely.MultiLineString(lines)) if lines else None
    if noded is None or noded.is_empty:
        return [], 0
    parts = list(shapely.get_parts(shapely.line_merge(noded)))
    bridges = _bridges(parts, door_gap)
    if bridges:
        noded = shapely.unary_union([*parts, *bridges])
    faces: list[Face] = []
    for poly in shapely.get_parts(shapely.polygonize(shapely.get_parts(noded))):
        if poly.area <= 0:
            continue
        faces.append(Face(poly, "", "", "walls"))
    return faces, len(bridges)


def partition_lines(
    rec: Records, roles: dict[str, str], scale: float, walls: list[LineString]
) -> list[LineString]:
    """Straight lines on door/partition layers that carry walls, so rooms they bound close.

    A long segment counts when an end joins a wall (or another such segment); then
    short segments with both ends on that linework are its end caps and sills.
    """
    segs: list[tuple[LineString, bool]] = []
    for layer, items in rec.lines.items():
        low = layer.lower()
        if roles.get(layer) != "background" or not any(w in low for w in PARTITION_WORDS):
            continue
        for p in items:
            for a, b in itertools.pairwise(p):
                if a != b:
                    segs.append((LineString([(a[0] * scale, a[1] * scale),
                                             (b[0] * scale, b[1] * scale)]), len(p) == 2))
    if not segs or not walls:
        return []
    long_ = [s for s, _ in segs if s.length >= PARTITION_MIN_M]
    # Caps are lines of their own; pieces of flattened door swings are not.
    short = [s for s, single in segs if single and s.length < PARTITION_MIN_M]
    net: list[BaseGeometry] = list(walls)
    taken: list[LineString] = []
    while long_:
        tree = shapely.STRtree(net)
        joined = [s for s in long_ if any(
            len(tree.query(Point(s.coords[k]), predicate="dwithin", distance=JOIN_M))
            for k in (0, -1))]
        if not joined:
            break
        taken += joined
        net += joined
        long_ = [s for s in long_ if s not in joined]
    if not taken:
        return []
    tree = shapely.STRtree(net)
    caps = [s for s in short if all(
        len(tree.query(Point(s.coords[k]), predicate="dwithin", distance=JOIN_M))
        for k in (0, -1))]
    return taken + caps


def _snap_ends(lines: list[LineString], tolerance: float) -> list[LineString]:
    """Lines with every end that stops a hair short of another line put onto it.

    Drafting slop leaves ends millimetres off the wall they meet; unsnapped they
    would pair up with other loose ends across the room instead. The end and the
    line it meets get the very same vertex, so noding cannot miss the joint.
    """
    if len(lines) < 2:
        return lines
    tree = shapely.STRtree(lines)
    coords = [[c[:2] for c in ln.coords] for ln in lines]
    inserts: dict[int, list[tuple[float, float]]] = {}
    for i in range(len(lines)):
        for k in (0, -1):
            end = Point(coords[i][k])
            near = [int(j) for j in tree.query(end, predicate="dwithin", distance=tolerance)
                    if int(j) != i]
            if not near:
                continue
            j = min(near, key=lambda n: lines[n].distance(end))
            vertex = min(coords[j], key=lambda c: end.distance(Point(c)))
            if end.distance(Point(vertex)) <= tolerance:
                coords[i][k] = vertex
                continue
            if lines[j].distance(end) == 0.0:
                continue  # crosses exactly: noding finds it
            pt = nearest_points(lines[j], end)[0].coords[0][:2]
            coords[i][k] = pt
            inserts.setdefault(j, []).append(pt)
    for j, pts in inserts.items():
        line = lines[j]
        merged = [(line.project(Point(c)), c) for c in coords[j]]
        merged += [(line.project(Point(c)), c) for c in pts]
        coords[j] = [c for _, c in sorted(merged, key=lambda mc: mc[0])]
    return [LineString(c) if len(set(c)) >= 2 else ln for c, ln in zip(coords, lines, strict=True)]


def _bridges(parts: list[BaseGeometry], door_gap: float) -> list[LineString]:
    """Segments closing door gaps: dangling end to dangling end, else to the nearest wall."""
    ends: dict[tuple[float, float], list[int]] = {}
    exact: dict[tuple[float, float], tuple[float, float]] = {}
    for i, part in enumerate(parts):
        if part.geom_type != "LineString" or part.is_closed:
            continue
        coords = part.coords
        for x, y in (coords[0][:2], coords[-1][:2]):
            key = (round(x, 6), round(y, 6))
            ends.setdefault(key, []).append(i)
            exact.setdefault(key, (x, y))  # bridges must start exactly on the line's end
    dangling = [(exact[pt], owners[0]) for pt, owners in ends.items() if len(owners) == 1]
    if not dangling or door_gap <= 0:
        return []
    line_tree = shapely.STRtree(parts)
    out: list[LineString] = []
    loose = dangling
    points = shapely.points([pt for pt, _ in loose])
    tree = shapely.STRtree(points)
    joined: set[int] = set()
    pairs = tree.query(points, predicate="dwithin", distance=door_gap)
    for a, b in zip(pairs[0], pairs[1], strict=True):
        same = loose[a][1] == loose[b][1]
        if a < b and (not same or parts[loose[a][1]].length > 3 * door_gap):
            out.append(LineString([loose[a][0], loose[b][0]]))
            joined.update((int(a), int(b)))
    for i, (pt, owner) in enumerate(loose):
        if i not in joined:
            bridge = _to_nearest(parts, line_tree, pt, owner, door_gap)
            if bridge is not None:
                out.append(bridge)
    return out


def _to_nearest(
    parts: list[BaseGeometry], tree: shapely.STRtree, pt: tuple[float, float], owner: int,
    reach: float,
) -> LineString | None:
    """A segment from ``pt`` onto the nearest other line within ``reach``, a little past it

    so noding sees a crossing rather than a touch lost to rounding.
    """
    p = Point(pt)
    best: tuple[float, BaseGeometry] | None = None
    for j in tree.query(p, predicate="dwithin", distance=reach):
        if int(j) == owner or parts[int(j)].distance(p) < 1e-9:
            continue
        d = parts[int(j)].distance(p)
        if best is None or d < best[0]:
            best = (d, parts[int(j)])
    if best is None:
        return None
    x, y = nearest_points(best[1], p)[0].coords[0][:2]
    over = OVERSHOOT_M / best[0]
    return LineString([pt, (x + (x - pt[0]) * over, y + (y - pt[1]) * over)])


def compactness(poly: Polygon) -> float:
    """4πA/P²: 1 for a circle, near 0 for a sliver or a wall's body."""
    return 4 * math.pi * poly.area / (poly.length**2) if poly.length else 0.0


def is_shell(poly: Polygon) -> bool:
    """A face whose holes fill most of it is the wall body or building shell, not a room."""
    if not poly.interiors:
        return False
    holes = sum(Polygon(r).area for r in poly.interiors)
    return holes > 0.5 * Polygon(poly.exterior).area


def linework(paths: Iterable[Coords], scale: float, max_vertices: int) -> tuple[
    BaseGeometry | None, bool
]:
    """All paths as one MultiLineString in metres; simplified when over ``max_vertices``."""
    coords: list[Coords] = [p for p in paths if len(p) >= 2]
    if not coords:
        return None, False
    sizes = np.fromiter((len(p) for p in coords), dtype=np.int64, count=len(coords))
    flat = np.asarray([xy for p in coords for xy in p], dtype=float) * scale
    idx = np.repeat(np.arange(len(coords)), sizes)
    lines = shapely.linestrings(flat, indices=idx)
    capped = False
    if int(sizes.sum()) > max_vertices:
        extent = float(np.ptp(flat, axis=0).max()) if len(flat) else 0.0
        lines = shapely.simplify(lines, max(extent / 4000.0, 0.01))
        lines = lines[shapely.length(lines) > 0]
        capped = True
    return shapely.multilinestrings(lines), capped
