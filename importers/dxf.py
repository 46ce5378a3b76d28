"""DXF floor plans in, proposed leasable units out (SPEC §2).

Rooms come from closed outlines on a room layer, from one layer per room,
or from the faces of wall linework with door gaps bridged; blocks are
exploded first. Labels inside a room give its code, name and stated area.
Units are checked against the drawing's size because headers lie. Nothing
here raises on a bad file: problems are returned with the plan.
"""

from __future__ import annotations

import dataclasses
import math
from decimal import Decimal
from pathlib import Path

import numpy as np
import shapely

from importers.dxf_floors import FRAME_LAYER, regions, split
from importers.dxf_labels import Label, is_title_text, parse_label
from importers.dxf_read import Records, Text, Unreadable, load, outline_points
from importers.dxf_rooms import (
    ROLES,
    TITLE_WORDS,
    Face,
    compactness,
    guess_roles,
    is_shell,
    linework,
    outline_rooms,
    wall_faces,
)
from importers.internal import PROGRAMMING_ERRORS
from importers.plan import (
    ImportedPlan,
    PlanUnit,
    Problem,
    RoomEvidence,
    Severity,
    failed,
    use_fields,
    use_review,
)
from importers.units import CHOICES, TYPICAL_ROOM_M, insunits, judge_scale
from runtime.jobs import gc_paused

FORMAT = "dxf"
MAX_BACKGROUND_VERTICES = 400_000
AREA_TOLERANCE = Decimal("0.01")
_TOLERANCE = float(AREA_TOLERANCE)
_ROUND_CONFIDENCES = frozenset({0.95, 0.85, 0.8, 0.7})
# A unit's reason_code (PlanUnit.reason as a code) and its " (very small)" form.
_SMALL = {code: f"{code}-small" for code in (
    "walls", "walls-labelled", "layer", "outline", "outline-labelled")}


def read_dxf(
    path: Path | str,
    layers: dict[str, str] | None = None,
    door_gap: float = 1.2,
    min_room_area: float = 2.0,
    units: str | None = None,
) -> ImportedPlan:
    """Read one DXF file as a plan of one floor, never raising on a bad file.

    ``layers`` maps layer names to roles (rooms, walls, labels, outline,
    background, ignore) and overrides the guess; ``units`` (a key of
    ``importers.units.CHOICES``) is the person's answer when the header's unit
    is missing or wrong, and overrides it; ``door_gap`` (m) is the widest
    opening bridged when closing rooms drawn as walls; unlabelled faces smaller
    than ``min_room_area`` (m²) are not rooms.
    """
    path = Path(path)
    with gc_paused():
        try:
            records = load(path)
        except Unreadable as exc:
            return failed(str(path), FORMAT, "unreadable", str(exc), exc.params)
        try:
            return _plan(path, records, layers, door_gap, min_room_area, units)
        except PROGRAMMING_ERRORS:
            raise  # our bug, not the drawing's: read_plan reports it as an internal error
        except Exception as exc:  # the contract is a plan with a reason, never a traceback
            detail = f"{type(exc).__name__}: {exc}"
            return failed(str(path), FORMAT, "internal",
                          f"{path.name}: could not be interpreted ({detail})",
                          {"file": path.name, "detail": detail})


def _plan(
    path: Path, rec: Records, overrides: dict[str, str] | None, door_gap: float,
    min_room_area: float, chosen_units: str | None = None,
) -> ImportedPlan:
    problems: list[Problem] = list(rec.problems)
    roles, account = guess_roles(rec, overrides)
    problems.append(Problem(Severity.INFO, "layer-roles", account, params=_roles_params(roles)))
    if rec.exploded_inserts:
        problems.append(Problem(Severity.INFO, "blocks-exploded",
                                f"{rec.exploded_inserts} block references exploded",
                                params={"count": str(rec.exploded_inserts)}))
    header = insunits(rec.insunits)
    extent = _extent(rec, roles)
    guess = judge_scale(header, extent)
    keep = guess.plausible or extent <= 0 or (header is not None and guess.proposed == header[0])
    unit, scale = (guess.name, guess.to_metres) if keep else _proposed(guess.proposed)
    if chosen_units is not None:
        if chosen_units not in CHOICES:
            return failed(str(path), FORMAT, "units",
                          f"unknown drawing unit {chosen_units!r}; choose one of "
                          f"{', '.join(CHOICES)}",
                          {"case": "unknown", "unit": str(chosen_units),
                           "choices": ", ".join(CHOICES)})
        unit, scale = chosen_units, CHOICES[chosen_units]
        problems.append(Problem(Severity.INFO, "units", f"drawing units set to {unit} by hand",
                                "$INSUNITS", {"unit": unit}))
    shown = [t for t in rec.texts if roles.get(t.layer) != "ignore"]
    by_layer: dict[str, bool] = {}  # whether a layer may label rooms, once per layer
    texts = [t for t in shown
             if (by_layer[t.layer] if t.layer in by_layer
                 else by_layer.setdefault(t.layer, _layer_may_label(t.layer, roles)))
             and not is_title_text(t.text)]
    units, notes = _rooms(rec, roles, texts, scale, door_gap, min_room_area)
    retry = None if chosen_units else _room_size_unit(units, scale, extent, header)
    if retry is not None and keep:
        unit, scale = retry
        units, notes = _rooms(rec, roles, texts, scale, door_gap, min_room_area)
        problems.append(Problem(Severity.WARNING, "units",
                                f"$INSUNITS says {guess.name} but its rooms would be "
                                f"{_median_side(units, 1.0) / scale * guess.to_metres:.2f} m "
                                f"across: taken as {unit}", "$INSUNITS",
                                {"said": guess.name, "unit": unit}))
    elif not keep and not chosen_units:
        said = "nothing" if header is None else header[0]
        problems.append(Problem(
            Severity.WARNING if header is not None else Severity.INFO, "units",
            f"$INSUNITS says {said} but the drawing is {extent:.0f} units across: "
            f"taken as {unit}", "$INSUNITS", {"said": said, "unit": unit}))
    problems.extend(notes)
    background, capped = linework(
        (p for ly, ps in rec.lines.items() if roles.get(ly) != "ignore" for p in ps),
        scale, MAX_BACKGROUND_VERTICES)
    if capped:
        problems.append(Problem(Severity.INFO, "background-simplified",
                                "background linework simplified to keep the drawing fast"))
    found, how = regions(units, rec, shown, scale, rec.windows)
    floors, split_notes = split(path.stem, units, background, _outline(rec, roles, scale),
                                found, how)
    problems.extend(split_notes)
    problems.extend(use_review(floors))
    return ImportedPlan(
        str(path), FORMAT, floors, tuple(problems), unit, scale,
        layer_roles=dict(sorted(roles.items())),
    )


def _roles_params(roles: dict[str, str]) -> dict[str, str]:
    """The layer-roles finding's parts: how many layers, and each role's layers by name."""
    by_role: dict[str, list[str]] = {role: [] for role in ROLES}
    for layer in sorted(roles):
        by_role.setdefault(roles[layer], []).append(layer)
    return {"count": str(len(roles)), **{role: ", ".join(by_role[role]) for role in ROLES}}


def _layer_may_label(layer: str, roles: dict[str, str]) -> bool:
    """Whether texts on ``layer`` may label rooms: not background, title blocks or frames."""
    if roles.get(layer) in ("background", "ignore"):
        return False
    low = layer.lower()
    return not (any(w in low for w in TITLE_WORDS) or FRAME_LAYER.search(layer))


def _proposed(name: str) -> tuple[str, float]:
    return {"mm": ("mm", 0.001), "cm": ("cm", 0.01), "dm": ("dm", 0.1)}.get(name, ("m", 1.0))


def _extent(rec: Records, roles: dict[str, str]) -> float:
    """Longest side of the geometry used, in drawing units, ignoring stray outliers."""
    outlines = [o for o in rec.outlines if roles.get(o.layer) == "rooms"]
    paths = [p for ly, ps in rec.lines.items() if roles.get(ly) in ("walls", "rooms") for p in ps]
    if not outlines and not paths:
        outlines, paths = rec.outlines, [p for ps in rec.lines.values() for p in ps]
    if not outlines and not paths:
        return float(max((abs(t.x) for t in rec.texts), default=0.0))
    if not outlines:
        xy = np.asarray([c for p in paths for c in p], dtype=float)
    else:
        xy = outline_points(outlines, paths)
    lo = np.percentile(xy, 0.5, axis=0)
    hi = np.percentile(xy, 99.5, axis=0)
    return float(np.max(hi - lo))


def _median_side(units: list[PlanUnit], scale: float) -> float:
    polygons = np.array([u.polygon for u in units], dtype=object)
    sides = [a**0.5 for a in shapely.area(polygons).tolist()] if units else []  # one GEOS call
    return float(np.median(sides)) / scale if sides else 0.0


def _room_size_unit(
    units: list[PlanUnit], scale: float, extent: float, header: tuple[str, float] | None
) -> tuple[str, float] | None:
    """The judge's proposal when rooms come out far too small or large for rooms."""
    if len(units) < 3:
        return None
    side = _median_side(units, 1.0)
    if 0.8 <= side <= 60.0:
        return None
    proposal = judge_scale(None, extent)
    if abs(proposal.to_metres - scale) < 1e-12:
        side_units = side / scale
        best = min((("mm", 0.001), ("cm", 0.01), ("dm", 0.1), ("m", 1.0)),
                   key=lambda c: abs(np.log10(max(side_units * c[1], 1e-12) / TYPICAL_ROOM_M)))
        return None if abs(best[1] - scale) < 1e-12 else best
    return proposal.name, proposal.to_metres


def _rooms(
    rec: Records, roles: dict[str, str], texts: list[Text], scale: float, door_gap: float,
    min_room_area: float,
) -> tuple[list[PlanUnit], list[Problem]]:
    notes: list[Problem] = []
    faces = outline_rooms(rec, roles, scale)
    how = "closed outlines on room layers"
    found_by: dict[str, str] = {"case": "outlines"}
    if not faces:
        faces, bridges = wall_faces(rec, roles, scale, door_gap)
        how = f"faces of wall linework ({bridges} gaps up to {door_gap} m bridged)"
        found_by = {"case": "walls", "gaps": str(bridges), "gap": str(door_gap)}
    labels = _assign(faces, texts, scale)
    units: list[PlanUnit] = []
    keys: set[str] = set()
    dropped = 0
    # Every face measured in two shapely calls rather than two property reads each.
    shapes = np.array([f.polygon for f in faces], dtype=object)
    areas = shapely.area(shapes).tolist() if faces else []
    lengths = shapely.length(shapes).tolist() if faces else []
    for i, face in enumerate(faces):
        inside = labels.get(i, [])
        best = _merge(inside)
        area, length = areas[i], lengths[i]
        shape = 4 * math.pi * area / (length**2) if length else 0.0  # as compactness() does
        unit = _unit(face, best, min_room_area, area, shape, rec.fingerprint, _all_text(inside))
        if unit is None:
            dropped += 1
            continue
        key = unit.key
        n = 2
        while key and key in keys:  # no key is no identity: "#2" would invent one
            key, n = f"{unit.key}#{n}", n + 1
        keys.add(key)
        units.append(unit if key == unit.key else _rekey(unit, key))
        if best is not None and best[1].stated_area is not None and best[1].stated_area > 0:
            stated = best[1].stated_area
            if _clearly_close(area, stated):
                continue
            computed = unit.area
            if abs(computed - stated) > AREA_TOLERANCE * stated:
                notes.append(Problem(
                    Severity.WARNING, "area-mismatch",
                    f"label '{_first_line(best[0].text)}' states {stated} m² but its outline "
                    f"measures {computed} m²", best[0].text,
                    {"label": _first_line(best[0].text), "stated": str(stated),
                     "computed": str(computed)}))
    notes.append(Problem(Severity.INFO, "rooms-found",
                         f"{len(units)} rooms from {how}; {dropped} faces dropped",
                         params={**found_by, "count": str(len(units)), "dropped": str(dropped)}))
    return units, notes


def _clearly_close(area: float, stated: Decimal) -> bool:
    """Whether the float area is so near ``stated`` that the exact Decimal check must pass.

    The unit's area is ``area`` rounded to 0.01 m² (off by at most 0.005), so a
    float margin well over that settles most labels without building Decimals;
    the rest take the exact check.
    """
    target = float(stated)
    margin = _TOLERANCE * target - abs(area - target)
    return margin > 0.006 + 1e-9 * (abs(area) + target)


def _merge(inside: list[tuple[Text, Label]]) -> tuple[Text, Label] | None:
    """One label from all texts in a room: the best one's code, everyone's name parts."""
    if len(inside) < 2:
        return inside[0] if inside else None
    ranked = sorted(inside, key=lambda tl: -tl[1].score)
    text, first = ranked[0]
    if len(ranked) == 1:
        return text, first
    code = next((lb.code for _, lb in ranked if lb.code), "")
    names = [first.name] if first.name else [lb.name for _, lb in ranked if lb.name][:3]
    stated = next((lb.stated_area for _, lb in ranked if lb.stated_area is not None), None)
    return text, Label(code, " ".join(dict.fromkeys(names)), stated, first.score)


def _all_text(inside: list[tuple[Text, Label]]) -> str:
    """Every text inside a room, the best label first: the words that say what it is for."""
    if len(inside) < 2:
        return inside[0][0].text if inside else ""
    ranked = sorted(inside, key=lambda tl: -tl[1].score)
    return "\n".join(t.text for t, _ in ranked)


def _rekey(unit: PlanUnit, key: str) -> PlanUnit:
    return dataclasses.replace(unit, key=key)


def _first_line(text: str) -> str:
    return " ".join(text.split())[:60]


def _assign(faces: list[Face], texts: list[Text], scale: float) -> dict[int, list[
    tuple[Text, Label]
]]:
    """Each text goes to the smallest face that contains it."""
    out: dict[int, list[tuple[Text, Label]]] = {}
    if not faces or not texts:
        return out
    polygons = np.array([f.polygon for f in faces], dtype=object)
    tree = shapely.STRtree(polygons)
    xy = np.array([(t.x, t.y) for t in texts], dtype=float) * scale
    hits = tree.query(shapely.points(xy), predicate="within")
    if hits.shape[1] == 0:
        return out
    # The smallest containing face wins: order hits by text, then face area.
    areas = shapely.area(polygons)[hits[1]]
    order = np.lexsort((areas, hits[0]))
    text_idx, face_idx = hits[0][order], hits[1][order]
    first = np.ones(len(text_idx), dtype=bool)
    first[1:] = text_idx[1:] != text_idx[:-1]
    best = dict(zip(text_idx[first].tolist(), face_idx[first].tolist(), strict=True))
    for t, f in best.items():
        out.setdefault(f, []).append((texts[t], parse_label(texts[t].text)))
    return out


def _unit(
    face: Face, best: tuple[Text, Label] | None, min_room_area: float,
    area: float | None = None, shape: float | None = None, fingerprint: str = "",
    words: str | None = None,
) -> PlanUnit | None:
    """The unit a face proposes; ``area`` and ``shape`` when the caller measured them already.

    ``words`` are all the texts inside the room (the best label's alone when not
    given): with its name and its outline's layer they decide its use
    (``domain.room_classification``).

    An outline's key is its handle within the drawing named by ``fingerprint``
    (``{GUID}:1A2``): every DXF numbers its handles from the same start, so a
    bare handle would pair rooms of unrelated drawings. Without a fingerprint
    the outline has no key and a re-import matches it by label or overlap.
    """
    poly, layer, handle, method = face
    area = poly.area if area is None else area
    if method == "walls" and is_shell(poly):
        return None
    shape = compactness(poly) if shape is None else shape
    if best is None and (area < min_room_area or shape < 0.08):
        return None
    text, label = best if best is not None else (None, None)
    if method == "walls":
        confidence = 0.8 if label else 0.35 + 0.3 * min(1.0, shape / 0.5)
        reason = "face of wall linework" + (" with a label" if label else ", no label")
        reason_code = "walls-labelled" if label else "walls"
    elif method == "layer":
        confidence = 0.85 if label else 0.7
        reason = f"the only closed outline on layer {layer}"
        reason_code = "layer"
    else:
        confidence = 0.95 if label else 0.7
        reason = f"closed outline on room layer {layer}" + (" with a label" if label else "")
        reason_code = "outline-labelled" if label else "outline"
    if area < min_room_area:
        confidence *= 0.5
        reason += " (very small)"
        reason_code = _SMALL[reason_code]
    if confidence not in _ROUND_CONFIDENCES:  # the constants are rounded already
        confidence = round(confidence, 3)
    # No label, no code: the register numbers the room in its floor's sequence
    # (store.plan_import); a handle is nothing a person can say, so it is only the key.
    code = label.code if label and label.code else ""
    code_from = "label" if code else "layer" if method == "layer" and layer else "none"
    if not code and method == "layer":
        code = layer
    if method != "walls" and handle:
        key = f"{fingerprint}:{handle}" if fingerprint else ""
    elif text:
        key = _first_line(text.text)
    else:
        c = poly.representative_point() if method == "walls" else poly.centroid
        key = f"xy:{c.x:.1f},{c.y:.1f}"
    # Where the code came from: "none" when the drawing gives the room no number.
    source = {"layer": layer or (text.layer if text else ""), "handle": handle,
              "method": method, "code_from": code_from}
    name = label.name if label else ""
    use = use_fields(RoomEvidence(
        label=(text.text if text else "") if words is None else words, layer=layer, name=name))
    if text is None:
        return PlanUnit(key, code, "", poly, None, confidence, reason, source, reason_code,
                        **use)
    source["label"] = text.text
    return PlanUnit(key, code, name, poly, label.stated_area,  # type: ignore[union-attr]
                    confidence, reason, source, reason_code, **use)


def _outline(rec: Records, roles: dict[str, str], scale: float) -> shapely.Geometry | None:
    from importers.dxf_rooms import _polygon

    polys = [p for o in rec.outlines if roles.get(o.layer) == "outline" and o.kind != "HATCH"
             for p in [_polygon([(x * scale, y * scale) for x, y in o.coords])] if p is not None]
    return max(polys, key=lambda p: p.area) if polys else None
