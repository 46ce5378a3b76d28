"""Layer roles and the room finders: outlines on a room layer, or faces of wall linework.

Drawings name layers in many languages and often put everything on layer 0,
so roles are guessed from names first and from content second, and the guess
is reported so a person can correct it (SPEC §2).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from importers.dxf_read import Coords, Records

ROLES = ("rooms", "walls", "labels", "outline", "background", "ignore")
# Checked in this order: the first role whose pattern occurs in the lower-cased name wins.
_NAME_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("background", ("标注尺寸", "dim", "legend", "title", "图框", "图签", "axis", "轴线", "轴号")),
    ("labels", ("room_text", "文字", "text", "label", "标注", "beschriftung", "tekst")),
    ("outline", ("建筑面积线", "gross", "outline", "占地面积")),
    ("rooms", ("使用面积线", "房间", "room", "raum", "räume", "space", "lokale", "rum")),
    ("background", ("门", "窗", "door", "window", "tür", "fenster", "furniture", "家具", "möbel",
                    "柱", "column", "填充", "hatch", "shelves", "table", "couch", "defpoints")),
    ("walls", ("墙", "wall", "wand", "mur", "væg", "structure")),
)
TITLE_WORDS = ("legend", "title", "图框", "图签", "titel")


@dataclass(frozen=True)
class Face:
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
    seen: set[tuple[float, float, float]] = set()
    ordered = sorted(rec.outlines, key=lambda o: o.kind == "HATCH")
    for o in ordered:
        if roles.get(o.layer) != "rooms":
            continue
        poly = _polygon([(x * scale, y * scale) for x, y in o.coords])
        if poly is None:
            continue
        c = poly.centroid
        key = (round(poly.area, 1), round(c.x, 1), round(c.y, 1))
        if key in seen:
            continue
        seen.add(key)
        method = "layer" if per_layer and counts.get(o.layer) == 1 else "outline"
        faces.append(Face(poly, o.layer, o.handle, method))
    return faces


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


def _bridges(parts: list[BaseGeometry], door_gap: float) -> list[LineString]:
    """Segments closing door gaps: dangling end to dangling end, else to the nearest wall."""
    ends: dict[tuple[float, float], list[int]] = {}
    for i, part in enumerate(parts):
        if part.geom_type != "LineString" or part.is_closed:
            continue
        coords = part.coords
        for x, y in (coords[0][:2], coords[-1][:2]):
            ends.setdefault((round(x, 6), round(y, 6)), []).append(i)
    dangling = [(pt, owners[0]) for pt, owners in ends.items() if len(owners) == 1]
    if not dangling or door_gap <= 0:
        return []
    points = shapely.points([pt for pt, _ in dangling])
    tree = shapely.STRtree(points)
    out: list[LineString] = []
    joined: set[int] = set()
    pairs = tree.query(points, predicate="dwithin", distance=door_gap)
    for a, b in zip(pairs[0], pairs[1], strict=True):
        same = dangling[a][1] == dangling[b][1]
        if a < b and (not same or parts[dangling[a][1]].length > 3 * door_gap):
            out.append(LineString([dangling[a][0], dangling[b][0]]))
            joined.update((int(a), int(b)))
    line_tree = shapely.STRtree(parts)
    for i, (pt, owner) in enumerate(dangling):
        if i in joined:
            continue
        p = Point(pt)
        best: tuple[float, BaseGeometry] | None = None
        for j in line_tree.query(p, predicate="dwithin", distance=door_gap):
            if int(j) == owner or parts[int(j)].distance(p) < 1e-9:
                continue
            d = parts[int(j)].distance(p)
            if best is None or d < best[0]:
                best = (d, parts[int(j)])
        if best is not None:
            out.append(LineString([pt, nearest_points(best[1], p)[0].coords[0]]))
    return out


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
