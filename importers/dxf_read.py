"""Reading a DXF into plain records: closed outlines, open linework and texts.

The room finders work on these records rather than on ezdxf entities so the
same code serves ezdxf's full reader, its recover mode and the fast text scan
for very large files (SPEC §2). Coordinates stay in drawing units here.
"""

from __future__ import annotations

import itertools
import re
import struct
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import ezdxf
import numpy as np
import shapely
from ezdxf import recover
from ezdxf.document import Drawing as EzDrawing
from ezdxf.entities import DXFGraphic
from ezdxf.lldxf.const import DXFError
from ezdxf.tools.codepage import toencoding
from ezdxf.tools.text import fast_plain_mtext, plain_text
from shapely.geometry import Polygon

from importers.internal import Damaged, LibraryDamage
from importers.plan import Problem, Severity
from runtime.jobs import gc_paused

Coords = list[tuple[float, float]]
FAST_PATH_BYTES = 5_000_000
MAX_BLOCK_DEPTH = 8
BINARY_SENTINEL = b"AutoCAD Binary DXF"
HEADER_BYTES = 400_000  # header variables are looked for this near the top of the file
# Type prefixes of vertical products' custom objects: TArch (天正) and AutoCAD Architecture.
CUSTOM_PREFIXES = ("TCH_", "AEC_")
# A GUID as $FINGERPRINTGUID holds it, braces optional; all zeros is the unset default.
_GUID = re.compile(rb"\{?([0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12})\}?")
_BINARY_FINGERPRINT = re.compile(rb"\$FINGERPRINTGUID\x00\x02\x00?([^\x00]*)\x00")
# What ezdxf raises reading a damaged entity: its own errors, and plain ones where its
# geometry code meets a missing group code or a degenerate shape. Only ever around
# ezdxf's calls (see LibraryDamage): the same types from our code are our bugs.
_EZDXF = LibraryDamage(DXFError, ValueError, TypeError, AttributeError, ZeroDivisionError,
                       IndexError)


class Unreadable(Exception):
    """The file cannot be read as DXF at all; the message says why.

    ``params`` are the message's variable parts (``case`` names which message),
    for the finding a reader makes of it.
    """

    def __init__(self, message: str, **params: str) -> None:
        super().__init__(message)
        self.params = params


@dataclass(eq=False)
class Outline:
    """A closed ring (polyline or hatch boundary) in drawing units.

    The fast scan keeps its points as rows ``xy_at`` to ``xy_at + xy_len`` of one
    (n, 2) float array all its outlines share: polygons and extents of 50,000
    rooms are then gathered in one index, and the list of tuples ``coords`` is
    only made for the outlines something asks it of.
    """

    layer: str
    handle: str
    kind: str  # LWPOLYLINE, POLYLINE, HATCH
    points: Coords | None  # the ring's (x, y) tuples; None until asked, for scanned ones
    xy_base: np.ndarray | None = field(default=None, repr=False, compare=False)
    xy_at: int = field(default=-1, repr=False, compare=False)
    xy_len: int = field(default=0, repr=False, compare=False)

    @property
    def coords(self) -> Coords:
        """The ring's (x, y) tuples (made from the shared array on first use)."""
        if self.points is None:
            assert self.xy_base is not None
            rows = self.xy_base[self.xy_at : self.xy_at + self.xy_len]
            self.points = list(zip(rows[:, 0].tolist(), rows[:, 1].tolist(), strict=True))
        return self.points

    def __eq__(self, other: object) -> bool:  # equal rings, however they were read
        if not isinstance(other, Outline):
            return NotImplemented
        return (self.layer, self.handle, self.kind, self.coords) == (
            other.layer, other.handle, other.kind, other.coords)

    __hash__ = None  # type: ignore[assignment]  # mutable, as the dataclass was

    @property
    def size(self) -> int:
        """How many points, without making the list."""
        return self.xy_len if self.points is None else len(self.points)

    @property
    def xy(self) -> np.ndarray | None:
        """The coords as an (n, 2) array view, when the fast scan read them."""
        if self.xy_base is None:
            return None
        return self.xy_base[self.xy_at : self.xy_at + self.size]


@dataclass
class Text:
    layer: str
    handle: str
    x: float
    y: float
    text: str


@dataclass
class Records:
    """What one drawing holds, reduced to what the importer uses."""

    outlines: list[Outline] = field(default_factory=list)
    lines: dict[str, list[Coords]] = field(default_factory=dict)  # layer -> open paths
    texts: list[Text] = field(default_factory=list)
    insunits: int | None = None
    codepage: str = ""
    encoding: str = ""
    # $FINGERPRINTGUID as the file has it ("" when missing or unset): handles are
    # numbered afresh in every drawing, so only this makes them identify a room.
    fingerprint: str = ""
    problems: list[Problem] = field(default_factory=list)
    entity_count: int = 0
    exploded_inserts: int = 0
    reader: str = "ezdxf"
    # Each paper-space layout's viewport windows onto model space (drawing units):
    # a layout per floor is one way drawings hold several floors.
    windows: list[tuple[str, Polygon]] = field(default_factory=list)
    # Model-space objects of a vertical product (TArch TCH_*, proxies) by type: their
    # walls and rooms are invisible to any plain DXF reader, so the finding names them.
    custom_objects: dict[str, int] = field(default_factory=dict)

    def add_line(self, layer: str, coords: Coords) -> None:
        if len(coords) >= 2:
            self.lines.setdefault(layer, []).append(coords)


def outline_polygons(outlines: Sequence[Outline], scale: float = 1.0) -> list[Polygon | None]:
    """Each outline as a polygon scaled by ``scale``, built in one shapely call.

    Same result as building them one by one (a ring needs three points; an
    invalid one becomes its largest valid piece; zero area gives None), but
    tens of thousands of rooms cost one vectorised call instead of one
    Polygon() each.
    """
    if not outlines:
        return []
    sizes = np.fromiter((o.size for o in outlines), dtype=np.int64, count=len(outlines))
    xy = _outline_xy(outlines, sizes) * scale
    ends = np.cumsum(sizes)
    firsts, lasts = ends - sizes, ends - 1
    ring = sizes >= 3
    ring[ring] &= sizes[ring] + np.any(xy[firsts[ring]] != xy[lasts[ring]], axis=1) >= 4
    out: list[Polygon | None] = [None] * len(outlines)
    if not ring.any():
        return out
    keep = np.repeat(ring, sizes)
    try:
        polys = shapely.polygons(shapely.linearrings(
            xy[keep], indices=np.repeat(np.arange(int(ring.sum())), sizes[ring])))
    except (ValueError, shapely.errors.GEOSException):
        if len(outlines) == 1:
            return out
        return [p for o in outlines for p in outline_polygons([o], scale)]
    valid = shapely.is_valid(polys)
    area = shapely.area(polys)
    for i, poly, ok, a in zip(np.flatnonzero(ring).tolist(), polys.tolist(), valid.tolist(),
                              area.tolist(), strict=True):
        if ok:
            out[i] = poly if a > 0 else None
        else:
            parts = [g for g in shapely.get_parts(shapely.make_valid(poly))
                     if g.geom_type == "Polygon"]
            best = max(parts, key=lambda g: g.area) if parts else None
            out[i] = best if best is not None and best.area > 0 else None
    return out


def _outline_xy(outlines: Sequence[Outline], sizes: np.ndarray) -> np.ndarray:
    """All outlines' points as one (n, 2) array: the scan's arrays joined, else the lists read."""
    base = outlines[0].xy_base if outlines else None
    if base is not None and all(o.xy_base is base for o in outlines):
        starts = np.fromiter((o.xy_at for o in outlines), dtype=np.int64, count=len(outlines))
        offsets = np.cumsum(sizes) - sizes  # where each outline's rows go in the result
        return base[np.repeat(starts - offsets, sizes) + np.arange(int(sizes.sum()))]
    flat = np.fromiter(itertools.chain.from_iterable(itertools.chain.from_iterable(
        o.coords for o in outlines)), dtype=float, count=2 * int(sizes.sum()))
    return flat.reshape(-1, 2)


def outline_points(outlines: Sequence[Outline], paths: Sequence[Coords]) -> np.ndarray:
    """Every point of the outlines, then of the paths, as one (n, 2) float array."""
    sizes = np.fromiter((o.size for o in outlines), dtype=np.int64, count=len(outlines))
    parts = [_outline_xy(outlines, sizes)]
    flat = [c for p in paths for c in p]
    if flat:
        parts.append(np.asarray(flat, dtype=float))
    return np.concatenate(parts) if len(parts) > 1 else parts[0]


def is_custom_object(kind: str) -> bool:
    """Whether ``kind`` is an object only its own product draws (TArch, ACA, proxies)."""
    return kind == "ACAD_PROXY_ENTITY" or kind.startswith(CUSTOM_PREFIXES)


def custom_objects_problem(name: str, found: dict[str, int]) -> Problem:
    """The finding that names the custom objects read past (a warning; see importers.read)."""
    most = sorted(found.items(), key=lambda item: (-item[1], item[0]))
    kinds = ", ".join(f"{kind} ×{n}" for kind, n in most)
    count = str(sum(found.values()))
    return Problem(
        Severity.WARNING, "custom-objects",
        f"{name} holds {count} objects of a vertical product that a plain DXF reader cannot "
        f"see ({kinds}): its walls and rooms may be among them. Export a plain drawing "
        "(TArch: “Save as T3” / 导出T3) and import that.",
        params={"file": name, "kinds": kinds, "count": count},
    )


def load(path: Path, fast_min_bytes: int | None = None) -> Records:
    """Read ``path`` by the fastest reader that can, falling back to recover mode.

    Files over ``fast_min_bytes`` (default :data:`FAST_PATH_BYTES`) try the text
    scan first. Raises :class:`Unreadable` with a message for people when
    nothing works. Custom objects seen are reported (:func:`custom_objects_problem`).
    """
    records = _load(path, fast_min_bytes)
    if records.custom_objects:
        records.problems.append(custom_objects_problem(path.name, records.custom_objects))
    return records


def _load(path: Path, fast_min_bytes: int | None) -> Records:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise Unreadable(f"{path.name}: cannot open the file ({exc.strerror})", case="open",
                         file=path.name, detail=str(exc.strerror)) from exc
    if size == 0:
        raise Unreadable(f"{path.name}: the file is empty", case="empty", file=path.name)
    with path.open("rb") as fh:
        top = fh.read(HEADER_BYTES)
    head = top[:4096]
    binary = head.startswith(BINARY_SENTINEL)
    if not binary and not _looks_like_dxf(head):
        raise Unreadable(f"{path.name}: not a DXF file (no SECTION/group-code structure)",
                         case="not-dxf", file=path.name)
    threshold = FAST_PATH_BYTES if fast_min_bytes is None else fast_min_bytes
    if size > threshold and not binary:
        fast = scan_text(path)
        if fast is not None:
            return fast
    problems: list[Problem] = []
    try:
        doc = ezdxf.readfile(path)
    except (DXFError, ValueError, UnicodeDecodeError, IndexError, KeyError, TypeError,
            StopIteration, EOFError, struct.error) as exc:  # StopIteration: a cut file's header;
        # struct.error: a cut binary DXF
        doc = _recover(path, exc, problems)
    except OSError as exc:
        raise Unreadable(f"{path.name}: cannot read the file ({exc})", case="read",
                         file=path.name, detail=str(exc)) from exc
    records = from_document(doc)
    # From the bytes, not doc.header: ezdxf invents a fresh GUID for a file that has none.
    records.fingerprint = fingerprint(top)
    records.problems[:0] = problems
    if not binary and not _ends_with_eof(path):
        records.problems.append(
            Problem(Severity.WARNING, "truncated", f"{path.name} has no EOF marker: it may be "
                    "truncated, so the drawing may be incomplete", params={"file": path.name})
        )
    if records.entity_count == 0 and problems:
        raise Unreadable(f"{path.name}: damaged or truncated DXF, nothing could be recovered",
                         case="nothing-recovered", file=path.name)
    return records


def _looks_like_dxf(head: bytes) -> bool:
    lines = [ln.strip() for ln in head.splitlines()[:8]]
    lines = [ln for ln in lines if ln]
    if len(lines) < 2:
        return False
    return lines[0] in (b"0", b"999") and (b"SECTION" in lines[:6] or lines[0] == b"999")


def _ends_with_eof(path: Path) -> bool:
    with path.open("rb") as fh:
        fh.seek(0, 2)
        fh.seek(max(0, fh.tell() - 64))
        tail = fh.read()
    return b"EOF" in tail


def _recover(path: Path, cause: Exception, problems: list[Problem]) -> EzDrawing:
    """Recover mode, with the auditor's findings kept as warnings."""
    try:
        doc, auditor = recover.readfile(path)
    except Exception as exc:  # recover is the last resort: any failure means unreadable
        raise Unreadable(f"{path.name}: not a readable DXF ({cause}; recover: {exc})",
                         case="recover-failed", file=path.name, cause=str(cause),
                         detail=str(exc)) from exc
    problems.append(
        Problem(Severity.WARNING, "recovered", f"{path.name} is damaged ({cause}); read it in "
                "recover mode", params={"file": path.name, "detail": str(cause)})
    )
    findings = [*auditor.fixes, *auditor.errors]
    for entry in findings[:20]:
        # ezdxf's own words: passed through untranslated inside a translated frame
        message = str(entry.message)
        problems.append(Problem(Severity.WARNING, "audit", message, params={"detail": message}))
    if len(findings) > 20:
        more = str(len(findings) - 20)
        problems.append(
            Problem(Severity.WARNING, "audit", f"… and {more} more audit findings",
                    params={"case": "more", "count": more})
        )
    return doc


def from_document(doc: EzDrawing) -> Records:
    """Records from an ezdxf document's model space, blocks exploded.

    The fingerprint is left empty: :func:`load` reads it from the file's bytes.
    """
    records = Records(
        insunits=_int_or_none(doc.header.get("$INSUNITS")),
        codepage=str(doc.header.get("$DWGCODEPAGE", "") or ""),
        encoding=doc.encoding,
    )
    for entity in doc.modelspace():
        _collect(entity, records, 0, "")
    records.windows = layout_windows(doc)
    return records


def layout_windows(doc: EzDrawing) -> list[tuple[str, Polygon]]:
    """Each paper-space layout's viewport windows onto model space, in drawing units.

    The overall paper-space viewport (id 1) and switched-off ones are not views.
    """
    out: list[tuple[str, Polygon]] = []
    for layout in doc.layouts:
        if layout.is_modelspace:
            continue
        windows = []
        for vp in layout.query("VIEWPORT"):
            try:
                with _EZDXF:
                    w, h, vh = (float(vp.dxf.get(name, 0.0))
                                for name in ("width", "height", "view_height"))
                    shown = vp.dxf.get("id", 1) != 1 and vp.dxf.get("status", 1) != 0
                    cx, cy = float(vp.dxf.view_center_point.x), float(vp.dxf.view_center_point.y)
            except Damaged:
                continue  # a damaged viewport only loses a hint of where a floor is
            if not shown or min(w, h, vh) <= 0:
                continue
            vw = vh * w / h
            windows.append(shapely.box(cx - vw / 2, cy - vh / 2, cx + vw / 2, cy + vh / 2))
        if windows:
            out.append((layout.name, shapely.union_all(windows).envelope))
    return out


def _int_or_none(value: object) -> int | None:
    try:
        return None if value is None else int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


def _collect(entity: DXFGraphic, rec: Records, depth: int, parent: str) -> None:
    """Turn one entity into records; INSERTs are exploded with their transforms."""
    rec.entity_count += 1
    kind = entity.dxftype()
    if is_custom_object(kind):
        rec.custom_objects[kind] = rec.custom_objects.get(kind, 0) + 1
    handle = parent
    # Only ezdxf's own calls are guarded (_EZDXF): a bug in the code below is
    # reported as an internal error, not as a damaged entity (issue 8).
    try:
        with _EZDXF:  # a damaged type name may give an entity without these attributes
            layer = str(entity.dxf.get("layer", "0"))
            handle = str(entity.dxf.handle or "") or parent
        if kind == "LINE":
            with _EZDXF:
                s, e = entity.dxf.start, entity.dxf.end
                line = [(float(s.x), float(s.y)), (float(e.x), float(e.y))]
            rec.add_line(layer, line)
        elif kind in ("LWPOLYLINE", "POLYLINE"):
            _polyline(entity, rec, layer, handle)
        elif kind in ("ARC", "CIRCLE", "ELLIPSE", "SPLINE"):
            rec.add_line(layer, _flatten(entity))
        elif kind == "HATCH":
            _hatch(entity, rec, layer, handle)
        elif kind in ("TEXT", "ATTRIB") or kind == "MTEXT":
            _text(entity, rec, layer, handle)
        elif kind == "INSERT":
            _insert(entity, rec, depth, handle)
    except Damaged:
        rec.problems.append(
            Problem(Severity.WARNING, "bad-entity", f"skipped a damaged {kind}", handle,
                    {"kind": str(kind)})
        )


def _polyline(entity: DXFGraphic, rec: Records, layer: str, handle: str) -> None:
    kind = entity.dxftype()
    with _EZDXF:
        if kind == "POLYLINE" and not (
            entity.is_2d_polyline or entity.is_3d_polyline  # type: ignore[attr-defined]
        ):
            return
        closed = bool(entity.closed if kind == "LWPOLYLINE"  # type: ignore[attr-defined]
                      else entity.is_closed)  # type: ignore[attr-defined]
    coords = _flatten(entity)
    if len(coords) >= 3 and coords[0] == coords[-1]:
        closed = True
    if closed and len(coords) >= 3:
        rec.outlines.append(Outline(layer, handle, kind, coords))
    else:
        rec.add_line(layer, coords)


def _flatten(entity: DXFGraphic) -> Coords:
    """Points along any curve, arcs split finely enough for areas to 0.1 %."""
    from ezdxf import path as ezpath

    with _EZDXF:
        if entity.dxftype() == "LWPOLYLINE" and not entity.has_arc:  # type: ignore[attr-defined]
            pts = [(float(x), float(y))
                   for x, y in entity.get_points("xy")]  # type: ignore[attr-defined]
            closed = bool(entity.closed)  # type: ignore[attr-defined]
        else:
            p = ezpath.make_path(entity)
            if len(p) == 0:
                return [(float(p.start.x), float(p.start.y))]
            return _path_points(p)
    if closed and pts and pts[0] != pts[-1]:
        pts.append(pts[0])
    return pts


def _path_points(p: object) -> Coords:
    """An ezdxf path's points, arcs split finely enough for areas to 0.1 %."""
    from ezdxf import path as ezpath

    with _EZDXF:
        box = ezpath.bbox([p])  # type: ignore[list-item]
        size = max(box.size.x, box.size.y) if box.has_data else 1.0
        return [(v.x, v.y) for v in p.flattening(  # type: ignore[attr-defined]
            distance=max(size * 0.002, 1e-9), segments=8)]


def _hatch(entity: DXFGraphic, rec: Records, layer: str, handle: str) -> None:
    from ezdxf import path as ezpath

    with _EZDXF:
        boundaries = list(ezpath.from_hatch(entity))  # type: ignore[arg-type]
    for i, p in enumerate(boundaries):
        pts = _path_points(p)
        if len(pts) >= 3:
            rec.outlines.append(Outline(layer, f"{handle}" if i == 0 else f"{handle}:{i}",
                                        "HATCH", pts))


def _text(entity: DXFGraphic, rec: Records, layer: str, handle: str) -> None:
    with _EZDXF:
        text = str(entity.plain_text())  # type: ignore[attr-defined]
        pos = entity.dxf.insert
        if entity.dxftype() in ("TEXT", "ATTRIB") and (
            entity.dxf.get("halign", 0) or entity.dxf.get("valign", 0)
        ) and entity.dxf.hasattr("align_point"):
            pos = entity.dxf.align_point
        x, y = float(pos.x), float(pos.y)
    text = text.strip()
    if text:
        rec.texts.append(Text(layer, handle, x, y, text))


def _insert(entity: DXFGraphic, rec: Records, depth: int, handle: str) -> None:
    if depth >= MAX_BLOCK_DEPTH:
        rec.problems.append(Problem(Severity.WARNING, "deep-blocks",
                                    "blocks nested too deeply: inner ones skipped", handle))
        return
    rec.exploded_inserts += 1
    with _EZDXF:
        insert_layer = str(entity.dxf.get("layer", "0"))
        attribs = list(getattr(entity, "attribs", []))
    for attrib in attribs:
        _collect(attrib, rec, depth + 1, handle)
    with _EZDXF:
        made = entity.virtual_entities()  # type: ignore[attr-defined]
    for i, child in enumerate(_EZDXF.each(made)):
        with _EZDXF:
            if child.dxf.get("layer", "0") == "0":
                child.dxf.layer = insert_layer  # layer 0 inside a block takes the INSERT's layer
        _collect(child, rec, depth + 1, f"{handle}/{i}")


# -- fast path ---------------------------------------------------------------
#
# The scan works on whole columns, not tag by tag: the ENTITIES section is split
# into lines once, the group codes become one integer array, and each field
# (layer, handle, vertices, text) is picked out for all entities at once with
# numpy masks. Only what the ezdxf path would turn into records is read; any
# entity the scan cannot reproduce exactly sends the whole file back to ezdxf.

_FAST_KINDS = frozenset({"LWPOLYLINE", "LINE", "TEXT", "MTEXT"})
# Entities the ezdxf path turns into records that the scan does not reproduce.
_BAIL_KINDS = frozenset({"INSERT", "POLYLINE", "ARC", "CIRCLE", "ELLIPSE", "SPLINE", "HATCH",
                         "ATTRIB"})
_TEXT_CODES = re.compile(r"[%^]")  # what makes plain_text() differ from the raw TEXT value
_ENTITIES_START = re.compile(r"\n[ \t]*2\n[ \t]*ENTITIES[ \t]*\n")
_SECTION_END = re.compile(r"\n[ \t]*0\n[ \t]*ENDSEC[ \t]*\n")


def _header_value(raw: bytes, name: bytes, code: bytes) -> str:
    """A header variable's raw value, looked for near the top of the file only."""
    pattern = re.escape(name) + rb"[ \t]*\r?\n[ \t]*" + code + rb"[ \t]*\r?\n([^\r\n]*)"
    found = re.search(pattern, raw[:HEADER_BYTES])
    return found.group(1).strip().decode("ascii", errors="replace") if found else ""


def fingerprint(raw: bytes) -> str:
    """The drawing's $FINGERPRINTGUID as ``{GUID}`` in capitals, or "" when it has none.

    Read from the file's first bytes (text or binary DXF) because ezdxf puts a
    random GUID in a loaded header that lacks one, and the all-zero default
    that some exporters write names no drawing either.
    """
    head = raw[:HEADER_BYTES]
    if head.startswith(BINARY_SENTINEL):
        found = _BINARY_FINGERPRINT.search(head)
        value = found.group(1) if found else b""
    else:
        value = _header_value(head, b"$FINGERPRINTGUID", b"2").encode("ascii", "replace")
    guid = _GUID.fullmatch(value.strip())
    if guid is None or not guid.group(1).strip(b"0-"):
        return ""
    return "{" + guid.group(1).decode("ascii").upper() + "}"


def scan_text(path: Path) -> Records | None:
    """Scan a large text DXF's ENTITIES section for outlines, lines and texts.

    Returns None when the file needs the full reader (blocks, curves, hatches,
    bulged outlines, paper-space oddities, bad bytes, no EOF) so the caller
    falls back to ezdxf, which gives the same records more slowly.
    """
    with gc_paused():
        return _scan_file(path)


def _scan_file(path: Path) -> Records | None:
    raw = path.read_bytes()
    if raw.startswith(BINARY_SENTINEL) or b"EOF" not in raw[-64:]:
        return None
    version = _header_value(raw, b"$ACADVER", b"1")
    codepage = _header_value(raw, b"$DWGCODEPAGE", b"3")
    insunits = _header_value(raw, b"$INSUNITS", b"70")
    scope = fingerprint(raw)
    encoding = "utf-8" if version >= "AC1021" else toencoding(codepage or "ANSI_1252")
    try:
        text = raw.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None
    del raw
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    start = _ENTITIES_START.search(text)
    if start is None:
        return None
    end = _section_end(text, start.end() - 1)
    if end is None:
        return None
    rec = Records(insunits=_int_or_none(insunits or None), codepage=codepage,
                  encoding=encoding, fingerprint=scope, reader="fast-scan")
    body = text[start.end() : end.start()]
    del text
    if not body:
        return rec
    lines = _Lines.of(body.encode("utf-8"))
    del body
    if len(lines) % 2:
        return None
    even = np.arange(0, len(lines), 2)
    codes = lines.small_ints(even)
    if codes is None:
        codes = _group_codes(lines.joined(even), len(even))
    elif codes.max() > 1071:
        return None  # as _group_codes: a number no DXF group code takes
    if codes is None:
        return None
    return rec if _scan_entities(codes, lines.odd(), rec) else None


class _Lines:
    """Lines of one UTF-8 buffer, kept as offsets: strings are made only for the ones asked.

    Splitting a 50,000-room section into 1.5 M Python strings cost more than the
    rest of the scan; the columns it reads need a fifth of them. Indexing with an
    array gives an object array of str, as indexing a column of the split lines
    did.
    """

    def __init__(self, buf: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> None:
        self._buf = buf  # the bytes with a newline after the last line too
        self._starts = starts
        self._ends = ends  # each line's newline

    @classmethod
    def of(cls, data: bytes) -> _Lines:
        buf = np.frombuffer(data + b"\n", dtype=np.uint8)
        ends = np.flatnonzero(buf == 10)
        starts = np.empty_like(ends)
        starts[0] = 0
        starts[1:] = ends[:-1] + 1
        return cls(buf, starts, ends)

    def __len__(self) -> int:
        return len(self._starts)

    def odd(self) -> _Lines:
        """Every second line from the second on: a section's values."""
        return _Lines(self._buf, self._starts[1::2], self._ends[1::2])

    def raw(self, at: np.ndarray) -> bytes:
        """The chosen lines' bytes joined by newlines, gathered in one numpy step."""
        begin = self._starts[at]
        size = self._ends[at] - begin + 1
        offset = np.cumsum(size) - size
        picked = np.arange(int(size.sum()), dtype=np.int64) + np.repeat(begin - offset, size)
        return self._buf[picked].tobytes()[:-1]

    def joined(self, at: np.ndarray) -> str:
        """The chosen lines as one str, newline between: one decode for a whole column."""
        return self.raw(at).decode("utf-8")

    def small_ints(self, at: np.ndarray) -> np.ndarray | None:
        """The chosen lines as integers if each is 1-4 ASCII digits after spaces, else None.

        Group codes nearly always look so ('  0', ' 10', '1001'); reading their last
        four bytes as columns costs a few array passes instead of a text parse.
        """
        end = self._ends[at]
        size = end - self._starts[at]
        if not len(at) or size.max() > 4 or size.min() < 1:
            return None
        value = np.zeros(len(at), dtype=np.int64)
        ok = np.ones(len(at), dtype=bool)
        more = np.ones(len(at), dtype=bool)  # whether every byte to the right is a digit
        for back, place in enumerate((1, 10, 100, 1000)):
            byte = self._buf[np.maximum(end - back - 1, 0)]  # outside the line: masked below
            inside = size > back
            digit = (byte - np.uint8(48) < 10) & more & inside
            if place == 1:
                ok &= digit
            ok &= digit | (byte == 32) | ~inside
            value += (byte - np.uint8(48)).astype(np.int64) * place * digit
            more = digit
        return value if ok.all() else None

    def __getitem__(self, at: np.ndarray) -> np.ndarray:
        out = np.empty(len(self._starts[at]), dtype=object)
        if len(out):
            out[:] = self.joined(at).split("\n")
        return out


# A tag-value column: the scan's lines, or any object array of str (tests build those).
_Column = np.ndarray | _Lines


def _section_end(text: str, pos: int) -> re.Match[str] | None:
    """The ENDSEC tag after ``pos``, found by str.find: a regex search tries every newline."""
    while (at := text.find("ENDSEC", pos)) >= 0:
        line = text.rfind("\n", pos, at)
        found = _SECTION_END.match(text, text.rfind("\n", pos, line)) if line > pos else None
        if found is not None and found.end() > at:
            return found
        pos = at + 6
    return None


def _group_codes(joined: str, count: int) -> np.ndarray | None:
    """The ``count`` group codes, joined by newlines, as integers in one C-level parse.

    None if any is not an integer.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # numpy warns, not raises, on a line it cannot parse
        try:
            codes = np.fromstring(joined, dtype=np.int64, sep="\n")
        except (ValueError, DeprecationWarning):
            return None
    if len(codes) != count or (len(codes) and (codes.min() < -5 or codes.max() > 1071)):
        return None  # not every line parsed, or numbers no DXF group code takes
    return codes


def _scan_entities(codes: np.ndarray, values: _Column, rec: Records) -> bool:
    """Fill ``rec`` from the section's tag columns; False when ezdxf is needed."""
    starts = np.flatnonzero(codes == 0)
    if not len(starts) or starts[0] != 0:
        return False
    kind_column = values[starts]
    kinds = set(kind_column.tolist())
    if _BAIL_KINDS.intersection(kinds):
        return False
    owner = np.cumsum(codes == 0) - 1  # entity number of every tag
    count = len(starts)
    model = np.ones(count, dtype=bool)
    for i, value in _tags(codes, values, owner, model, 67):
        if value.strip() not in ("", "0"):
            model[i] = False  # paper space: not in ezdxf's modelspace() either
    rec.entity_count = int(model.sum())
    for kind in filter(is_custom_object, kinds):  # rare: one pass per custom type found
        if found := int(np.count_nonzero(model & (kind_column == kind))):
            rec.custom_objects[kind] = found

    masks = {name: kind_column == name for name in _FAST_KINDS}  # one C loop per kind

    def of_kind(names: frozenset[str]) -> np.ndarray:
        hit = np.zeros(count, dtype=bool)
        for name in names:
            hit |= masks[name]
        return model & hit

    wanted = of_kind(_FAST_KINDS)
    if not wanted.any():
        return True
    if _tags(codes, values, owner, wanted, 101):
        return False  # an embedded object (MTEXT columns) reuses 10/11/40 for other things
    handles = _last_tags(codes, values, owner, wanted, 5, None)
    if int(np.count_nonzero(np.not_equal(handles, None))) < int(wanted.sum()):
        return False  # ezdxf would invent handles; keys must match
    layers = _last_tags(codes, values, owner, wanted, 8, "0")
    try:
        lines = _scan_lwpolylines(codes, values, owner, of_kind(frozenset({"LWPOLYLINE"})), rec,
                                  layers, handles)
        if lines is None:
            return False
        lines += _scan_lines(codes, values, owner, of_kind(frozenset({"LINE"})), layers)
        _scan_texts(codes, values, owner, of_kind(frozenset({"TEXT"})),
                    of_kind(frozenset({"MTEXT"})), rec, layers, handles)
    except (ValueError, OverflowError):  # a number no DXF field holds: let ezdxf judge
        return False
    lines.sort(key=lambda item: item[0])
    for _, layer, coords in lines:
        rec.add_line(layer, coords)
    return True


def _tags(
    codes: np.ndarray, values: _Column, owner: np.ndarray, which: np.ndarray, code: int
) -> list[tuple[int, str]]:
    """(entity, value) for every ``code`` tag of the chosen entities, in file order."""
    at = np.flatnonzero(codes == code)
    at = at[which[owner[at]]]
    return list(zip(owner[at].tolist(), values[at].tolist(), strict=True))


def _last_tags(
    codes: np.ndarray, values: _Column, owner: np.ndarray, which: np.ndarray, code: int,
    default: str | None,
) -> np.ndarray:
    """Per entity, the last ``code`` value of the chosen ones (as a dict of them would keep)."""
    at, ent, last = _last_per_entity(codes, owner, which, code)
    out = np.full(len(which), default, dtype=object)
    out[ent[last]] = values[at[last]]
    return out


def _last_per_entity(
    codes: np.ndarray, owner: np.ndarray, which: np.ndarray, code: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows holding ``code`` for the chosen entities, their entity, and which is each one's last."""
    at = np.flatnonzero(codes == code)
    at = at[which[owner[at]]]
    ent = owner[at]
    last = np.ones(len(at), dtype=bool)
    last[:-1] = ent[1:] != ent[:-1]
    return at, ent, last


def _float_column(
    codes: np.ndarray, values: _Column, owner: np.ndarray, which: np.ndarray, code: int
) -> np.ndarray:
    """Per entity, the last ``code`` value of the chosen ones as a float, 0.0 when missing."""
    at, ent, last = _last_per_entity(codes, owner, which, code)
    parsed = values[at].astype(float)  # every value, as float() would: a bad one bails
    out = np.zeros(len(which), dtype=float)
    out[ent[last]] = parsed[last]
    return out


def _floats(
    codes: np.ndarray, values: _Column, owner: np.ndarray, which: np.ndarray, code: int
) -> dict[int, float]:
    """The last ``code`` value of each chosen entity as a float (as ezdxf keeps the last)."""
    return {i: float(v) for i, v in _tags(codes, values, owner, which, code)}


def _scan_lwpolylines(
    codes: np.ndarray, values: _Column, owner: np.ndarray, which: np.ndarray, rec: Records,
    layers: np.ndarray, handles: np.ndarray,
) -> list[tuple[int, str, Coords]] | None:
    """Closed LWPOLYLINEs as outlines; open ones returned as (entity, layer, path)."""
    ids = np.flatnonzero(which)
    if not len(ids):
        return []
    if any(float(v) != 0.0 for _, v in _tags(codes, values, owner, which, 42)):
        return None  # bulges: ezdxf flattens the arcs
    at = np.flatnonzero(codes == 10)
    at = at[which[owner[at]]]
    if len(at) and (at[-1] + 1 >= len(codes) or not np.all(codes[at + 1] == 20)):
        return None
    xs = values[at].astype(float)
    ys = values[at + 1].astype(float)
    sizes = np.bincount(owner[at], minlength=len(which))[ids]
    flag = _flags(codes, values, owner, which)
    # What the ezdxf path does one by one: a closed flag adds the first point at
    # the end unless it is there already; a ring of three or more is an outline.
    firsts = np.cumsum(sizes) - sizes
    lasts = np.maximum(firsts + sizes - 1, 0)
    filled = sizes > 0
    same = filled & (xs[np.minimum(firsts, len(xs) - 1)] == xs[lasts]) & (
        ys[np.minimum(firsts, len(ys) - 1)] == ys[lasts]) if len(xs) else filled
    append = (flag[ids] & 1).astype(bool) & filled & ~same
    # Every path's points with its closing point added, laid end to end in one array.
    total = sizes + append
    ends = np.cumsum(total)
    step = np.arange(int(ends[-1])) - np.repeat(ends - total, total)
    source = np.repeat(firsts, total) + np.where(step < np.repeat(sizes, total), step, 0)
    xy = np.column_stack([xs[source], ys[source]])
    ring = (total >= 3) & (same | append)
    lines: list[tuple[int, str, Coords]] = []
    outlines = rec.outlines
    if ring.all():  # every one a room: no per-row branch, the objects made in C-level maps
        outlines.extend(map(Outline, layers[ids].tolist(), handles[ids].tolist(),
                            itertools.repeat("LWPOLYLINE"), itertools.repeat(None),
                            itertools.repeat(xy), (ends - total).tolist(), total.tolist()))
        return lines
    points = list(zip(xy[:, 0].tolist(), xy[:, 1].tolist(), strict=True))
    for i, layer, handle, end, size, closed in zip(
            ids.tolist(), layers[ids].tolist(), handles[ids].tolist(), ends.tolist(),
            total.tolist(), ring.tolist(), strict=True):
        if closed:
            outlines.append(Outline(layer, handle, "LWPOLYLINE", points[end - size : end],
                                    xy, end - size, size))
        else:
            lines.append((i, layer, points[end - size : end]))
    return lines


def _flags(codes: np.ndarray, values: _Column, owner: np.ndarray, which: np.ndarray,
           ) -> np.ndarray:
    """Per chosen entity, int() of its last 70 tag (0 without one); may raise like int().

    Flags are almost always '0' or '1': two vectorised compares then stand in for
    50,000 int() calls. Anything else takes the call per value.
    """
    flag = np.zeros(len(which), dtype=np.int64)
    at = np.flatnonzero(codes == 70)
    at = at[which[owner[at]]]
    text = values[at]
    one = text == "1"
    if len(at) and np.all(one | (text == "0")):
        ent = owner[at]
        last = np.ones(len(at), dtype=bool)
        last[:-1] = ent[1:] != ent[:-1]
        flag[ent[last]] = one[last]
        return flag
    for i, value in zip(owner[at].tolist(), text.tolist(), strict=True):
        flag[i] = int(value)
    return flag


def _scan_lines(
    codes: np.ndarray, values: _Column, owner: np.ndarray, which: np.ndarray,
    layers: np.ndarray,
) -> list[tuple[int, str, Coords]]:
    """LINEs as (entity, layer, two-point path); missing ends default to 0 like ezdxf."""
    ids = np.flatnonzero(which).tolist()
    if not ids:
        return []
    x0, y0, x1, y1 = (_floats(codes, values, owner, which, c) for c in (10, 20, 11, 21))
    return [(i, layers[i], [(x0.get(i, 0.0), y0.get(i, 0.0)),
                            (x1.get(i, 0.0), y1.get(i, 0.0))]) for i in ids]


def _scan_texts(
    codes: np.ndarray, values: _Column, owner: np.ndarray, texts: np.ndarray,
    mtexts: np.ndarray, rec: Records, layers: np.ndarray, handles: np.ndarray,
) -> None:
    """TEXT and MTEXT as ezdxf's plain_text() gives them, at the point ezdxf uses."""
    which = texts | mtexts
    ids = np.flatnonzero(which).tolist()
    if not ids:
        return
    xs, ys = (_float_column(codes, values, owner, which, c) for c in (10, 20))
    content = _last_tags(codes, values, owner, which, 1, "")
    chunks: dict[int, list[str]] = {}
    for i, value in _tags(codes, values, owner, mtexts, 3):
        chunks.setdefault(i, []).append(value)
    aligned = {i for i, v in [*_tags(codes, values, owner, texts, 72),
                              *_tags(codes, values, owner, texts, 73)] if int(v)}
    ax = _floats(codes, values, owner, texts, 11) if aligned else {}
    ay = _floats(codes, values, owner, texts, 21) if aligned else {}
    out = rec.texts
    plain = content[ids].tolist()
    if not aligned and not mtexts.any() and not _TEXT_CODES.search("\n".join(plain)):
        # Only TEXTs, none aligned or with %% / ^ codes: each is its value stripped.
        bodies = list(map(str.strip, plain))
        rows = zip(layers[ids].tolist(), handles[ids].tolist(), xs[ids].tolist(),
                   ys[ids].tolist(), bodies, strict=True)
        out.extend(itertools.starmap(Text, rows) if all(bodies)
                   else (Text(*row) for row in rows if row[4]))
        return
    for i, is_mtext, raw, layer, handle, x, y in zip(
            ids, mtexts[ids].tolist(), plain, layers[ids].tolist(),
            handles[ids].tolist(), xs[ids].tolist(), ys[ids].tolist(), strict=True):
        if is_mtext:
            body = fast_plain_mtext("".join(chunks.get(i, ())) + raw)
        else:
            body = raw
            if "%" in body or "^" in body:
                body = plain_text(body)
        body = str(body).strip()
        if not body:
            continue
        if i in aligned and (i in ax or i in ay):
            x, y = ax.get(i, 0.0), ay.get(i, 0.0)
        out.append(Text(layer, handle, x, y, body))
