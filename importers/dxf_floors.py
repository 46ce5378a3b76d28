"""Several floors in one drawing: split by paper-space layouts, title frames or clusters.

Offices often draw every storey of a building side by side in model space, each in
its own title frame, or show each storey through its own paper-space layout. One
floor per storey keeps units, background and names where a person expects them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import Polygon, box
from shapely.geometry.base import BaseGeometry

from importers.dxf_read import Records, Text
from importers.plan import PlanFloor, PlanUnit, Problem, Severity

# Layers of drawing frames and title blocks (matched as words: 'tk' must not hit 'stk').
FRAME_LAYER = re.compile(r"图框|图签|(?<![a-z])tk(?![a-z])|frame|border|rahmen|title|titel",
                         re.IGNORECASE)
FLOOR_TITLE = re.compile(
    r"^\s*(?:第?[一二三四五六七八九十\d]+\s*层.{0,6}平面图?|首层.{0,6}平面图?"
    r"|(?:地下|负)[一二三\d]层.*|-\d{1,2}\s*F|[BL]?\d{1,3}\s*F|floor\s*\d{1,3}|level\s*\d{1,3}"
    r"|\d{1,3}(?:st|nd|rd|th)\s+floor"
    r"|ground\s+floor|basement|erdgeschoss|\d?\.?\s*obergeschoss|untergeschoss|dachgeschoss"
    r"|keller(?:geschoss)?)\s*(?:平面图)?\s*(?:1\s*[:：]\s*\d+)?\s*$",
    re.IGNORECASE,
)
CLUSTER_GAP_M = 20.0  # storeys side by side sit further apart than rooms of one storey
# How regions() found the floors, as the floors-split finding's ``case``.
_SPLIT_CASES = {"paper-space layouts": "layouts", "title frames": "frames",
                "separate clusters of rooms": "clusters"}


@dataclass(frozen=True)
class Region:
    """Where one floor lies in model space (metres) and what to call it."""

    shape: Polygon
    name: str
    key: str
    titled: bool = False


def frame_rects(rec: Records) -> list[tuple[str, Polygon]]:
    """Closed rectangles on frame/title layers, largest first, in drawing units."""
    out: list[tuple[str, Polygon]] = []
    framing = {ly for ly in {o.layer for o in rec.outlines} if FRAME_LAYER.search(ly)}
    for o in rec.outlines:
        if o.kind == "HATCH" or o.layer not in framing or o.size < 4:
            continue
        poly = Polygon(o.coords)
        if poly.is_valid and poly.area > 0 and poly.area >= 0.9 * poly.envelope.area:
            out.append((o.handle, poly))
    return sorted(out, key=lambda hp: -hp[1].area)


def regions(
    units: list[PlanUnit], rec: Records, texts: list[Text], scale: float,
    windows: list[tuple[str, Polygon]],
) -> tuple[list[Region], str]:
    """Floor regions in metres and how they were found; fewer than two means one floor.

    One floor comes back as one shapeless region only to carry its title text.
    """
    frames = [(h, affinity.scale(p, scale, scale, origin=(0, 0)))
              for h, p in frame_rects(rec)]
    # Each room's representative point, made in one call and only when a window or frame
    # may hold rooms.
    points = shapely.point_on_surface(np.array([u.polygon for u in units], dtype=object)
                                      ) if units and (windows or frames) else np.array([])
    views = [(n, affinity.scale(p, scale, scale, origin=(0, 0))) for n, p in windows]
    views = [(n, p) for n, p in views if shapely.contains(p, points).any()]
    if len(views) >= 2:
        return [Region(p, n, f"layout:{n}", True) for n, p in views], "paper-space layouts"
    holding = [(h, p) for h, p in frames if shapely.contains(p, points).any()]
    outer = [(h, p) for h, p in holding
             if not any(o is not p and o.contains(p) for _, o in holding)]
    if len(outer) >= 2:
        found = [Region(p, "", f"frame:{h}") for h, p in outer]
        return _named(found, texts, scale), "title frames"
    clusters = _clusters(units)
    if len(clusters) >= 2:
        return _named(clusters, texts, scale), "separate clusters of rooms"
    return _one_title(texts), ""


def _one_title(texts: list[Text]) -> list[Region]:
    """A one-floor drawing's floor title (``三层平面图``), when it has exactly one.

    Returned as the one region, for :func:`split` to keep as the floor's title; two
    different titles say nothing, so the level is asked for instead of guessed.
    """
    words = (" ".join(t.text.split()) for t in texts)
    titles = {w for w in words if FLOOR_TITLE.match(w)}
    if len(titles) != 1:
        return []
    [title] = titles
    return [Region(Polygon(), title, "model", True)]


def _clusters(units: list[PlanUnit]) -> list[Region]:
    """Groups of rooms separated by clear gaps, as floors drawn side by side or stacked.

    A recursive XY cut on the rooms' bounding boxes: sort along one axis, cut
    wherever the next box starts more than CLUSTER_GAP_M after every box
    before it has ended, then cut each part along the other axis. It is
    O(n log n) in numpy, where pairwise distances would be quadratic for a
    50,000-room drawing. Split only where the gaps beat the clusters' size.
    """
    if len(units) < 4:
        return []
    bounds = shapely.bounds(np.array([u.polygon for u in units], dtype=object))
    parts = [p for p in _xy_cut(bounds, np.arange(len(units)), CLUSTER_GAP_M) if len(p) >= 2]
    if len(parts) < 2:
        return []
    hulls = [
        box(bounds[p, 0].min(), bounds[p, 1].min(), bounds[p, 2].max(), bounds[p, 3].max())
        for p in parts
    ]
    widths = [h.bounds[2] - h.bounds[0] for h in hulls]
    gap = min(hulls[i].distance(hulls[j]) for i in range(len(hulls))
              for j in range(i + 1, len(hulls)))
    if gap < max(CLUSTER_GAP_M, 0.5 * float(np.median(widths))):
        return []
    margin = min(0.45 * gap, 5.0)
    return [Region(h.buffer(margin, join_style="mitre"), "", f"cluster:{i + 1}")
            for i, h in enumerate(hulls)]


def _xy_cut(bounds: np.ndarray, members: np.ndarray, gap: float) -> list[np.ndarray]:
    """Split ``members`` (rows of ``bounds``: x0, y0, x1, y1) at gaps wider than ``gap``."""
    for axis in (0, 1):
        starts = bounds[members, axis]
        order = np.argsort(starts, kind="stable")
        ends_so_far = np.maximum.accumulate(bounds[members[order], axis + 2])
        cuts = np.nonzero(starts[order][1:] - ends_so_far[:-1] > gap)[0]
        if len(cuts):
            pieces = np.split(members[order], cuts + 1)
            return [part for piece in pieces for part in _xy_cut(bounds, piece, gap)]
    return [members]


def _named(found: list[Region], texts: list[Text], scale: float) -> list[Region]:
    """Regions in left-to-right order, named from a floor title in or just below them."""
    found = sorted(found, key=lambda r: (r.shape.bounds[0], -r.shape.bounds[3]))
    titles = [(t, shapely.Point(t.x * scale, t.y * scale)) for t in texts
              if FLOOR_TITLE.match(" ".join(t.text.split()))]
    out: list[Region] = []
    for i, r in enumerate(found):
        x0, y0, x1, y1 = r.shape.bounds
        reach = box(x0, y0 - 0.35 * (y1 - y0), x1, y1)
        inside = [(t, p) for t, p in titles if reach.contains(p)]
        own = [(t, p) for t, p in inside if not any(
            o is not r and o.shape.contains(p) for o in found)]
        pick = min(own or inside, key=lambda tp: tp[1].distance(r.shape), default=None)
        name = " ".join(pick[0].text.split()) if pick else f"floor {i + 1}"
        out.append(Region(r.shape, name, r.key, pick is not None))
    return out


def split(
    stem: str, units: list[PlanUnit], background: BaseGeometry | None,
    outline: BaseGeometry | None, found: list[Region], how: str,
) -> tuple[tuple[PlanFloor, ...], list[Problem]]:
    """One floor per region: its units, its clipped linework and outline."""
    if len(found) < 2:
        title = found[0].name if found and found[0].titled else ""
        return (PlanFloor(stem, None, tuple(units), background, outline, key="model",
                          title=title),), []
    owned: list[list[PlanUnit]] = [[] for _ in found]
    for u in units:
        p = u.polygon.representative_point()
        best = min(range(len(found)), key=lambda i: (not found[i].shape.contains(p),
                                                     found[i].shape.distance(p)))
        owned[best].append(u)
    floors = []
    for r, mine in zip(found, owned, strict=True):
        lines = None
        if background is not None:
            lines = shapely.clip_by_rect(background, *r.shape.bounds)
            lines = None if lines.is_empty else lines
        out = outline if outline is not None and r.shape.contains(
            outline.representative_point()) else None
        floors.append(PlanFloor(r.name, None, tuple(mine), lines, out, key=r.key,
                                title=r.name if r.titled else ""))
    named = sum(1 for r in found if r.titled)
    note = Problem(Severity.INFO, "floors-split",
                   f"split into {len(found)} floors by {how}; {named} named from the drawing: "
                   + ", ".join(f"{f.name} ({len(f.units)} rooms)" for f in floors),
                   params={"case": _SPLIT_CASES.get(how, how), "count": str(len(found)),
                           "named": str(named),
                           "floors": ", ".join(f"{f.name} ({len(f.units)})" for f in floors)})
    return tuple(floors), [note]
