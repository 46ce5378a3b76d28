"""Reading a DXF into plain records: closed outlines, open linework and texts.

The room finders work on these records rather than on ezdxf entities so the
same code serves ezdxf's full reader, its recover mode and the fast text scan
for very large files (SPEC §2). Coordinates stay in drawing units here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import ezdxf
from ezdxf import recover
from ezdxf.document import Drawing as EzDrawing
from ezdxf.entities import DXFGraphic
from ezdxf.lldxf.const import DXFError
from ezdxf.tools.codepage import toencoding
from ezdxf.tools.text import plain_mtext

from importers.plan import Problem, Severity

Coords = list[tuple[float, float]]
FAST_PATH_BYTES = 5_000_000
MAX_BLOCK_DEPTH = 8
BINARY_SENTINEL = b"AutoCAD Binary DXF"


class Unreadable(Exception):
    """The file cannot be read as DXF at all; the message says why."""


@dataclass
class Outline:
    layer: str
    handle: str
    kind: str  # LWPOLYLINE, POLYLINE, HATCH
    coords: Coords


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
    problems: list[Problem] = field(default_factory=list)
    entity_count: int = 0
    exploded_inserts: int = 0
    reader: str = "ezdxf"

    def add_line(self, layer: str, coords: Coords) -> None:
        if len(coords) >= 2:
            self.lines.setdefault(layer, []).append(coords)


def load(path: Path) -> Records:
    """Read ``path`` by the fastest reader that can, falling back to recover mode.

    Raises :class:`Unreadable` with a message for people when nothing works.
    """
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise Unreadable(f"{path.name}: cannot open the file ({exc.strerror})") from exc
    if size == 0:
        raise Unreadable(f"{path.name}: the file is empty")
    with path.open("rb") as fh:
        head = fh.read(4096)
    binary = head.startswith(BINARY_SENTINEL)
    if not binary and not _looks_like_dxf(head):
        raise Unreadable(f"{path.name}: not a DXF file (no SECTION/group-code structure)")
    if size > FAST_PATH_BYTES and not binary:
        fast = scan_text(path)
        if fast is not None:
            return fast
    problems: list[Problem] = []
    try:
        doc = ezdxf.readfile(path)
    except (DXFError, ValueError, UnicodeDecodeError, IndexError, KeyError, TypeError) as exc:
        doc = _recover(path, exc, problems)
    except OSError as exc:
        raise Unreadable(f"{path.name}: cannot read the file ({exc})") from exc
    records = from_document(doc)
    records.problems[:0] = problems
    if not binary and not _ends_with_eof(path):
        records.problems.append(
            Problem(Severity.WARNING, "truncated", f"{path.name} has no EOF marker: it may be "
                    "truncated, so the drawing may be incomplete")
        )
    if records.entity_count == 0 and problems:
        raise Unreadable(f"{path.name}: damaged or truncated DXF, nothing could be recovered")
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
        raise Unreadable(f"{path.name}: not a readable DXF ({cause}; recover: {exc})") from exc
    problems.append(
        Problem(Severity.WARNING, "recovered", f"{path.name} is damaged ({cause}); read it in "
                "recover mode")
    )
    findings = [*auditor.fixes, *auditor.errors]
    for entry in findings[:20]:
        problems.append(Problem(Severity.WARNING, "audit", str(entry.message)))
    if len(findings) > 20:
        problems.append(
            Problem(Severity.WARNING, "audit", f"… and {len(findings) - 20} more audit findings")
        )
    return doc


def from_document(doc: EzDrawing) -> Records:
    """Records from an ezdxf document's model space, blocks exploded."""
    records = Records(
        insunits=_int_or_none(doc.header.get("$INSUNITS")),
        codepage=str(doc.header.get("$DWGCODEPAGE", "") or ""),
        encoding=doc.encoding,
    )
    for entity in doc.modelspace():
        _collect(entity, records, 0, "")
    return records


def _int_or_none(value: object) -> int | None:
    try:
        return None if value is None else int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


def _collect(entity: DXFGraphic, rec: Records, depth: int, parent: str) -> None:
    """Turn one entity into records; INSERTs are exploded with their transforms."""
    rec.entity_count += 1
    kind = entity.dxftype()
    layer = str(entity.dxf.get("layer", "0"))
    handle = str(entity.dxf.handle or "") or parent
    try:
        if kind == "LINE":
            s, e = entity.dxf.start, entity.dxf.end
            rec.add_line(layer, [(s.x, s.y), (e.x, e.y)])
        elif kind in ("LWPOLYLINE", "POLYLINE"):
            _polyline(entity, rec, layer, handle)
        elif kind in ("ARC", "CIRCLE", "ELLIPSE", "SPLINE"):
            rec.add_line(layer, _flatten(entity))
        elif kind == "HATCH":
            _hatch(entity, rec, layer, handle)
        elif kind in ("TEXT", "ATTRIB") or kind == "MTEXT":
            _text(entity, rec, layer, handle, entity.plain_text())  # type: ignore[attr-defined]
        elif kind == "INSERT":
            _insert(entity, rec, depth, handle)
    except (DXFError, ValueError, TypeError, AttributeError, ZeroDivisionError, IndexError):
        rec.problems.append(
            Problem(Severity.WARNING, "bad-entity", f"skipped a damaged {kind}", handle)
        )


def _polyline(entity: DXFGraphic, rec: Records, layer: str, handle: str) -> None:
    if entity.dxftype() == "POLYLINE" and not (
        entity.is_2d_polyline or entity.is_3d_polyline  # type: ignore[attr-defined]
    ):
        return
    coords = _flatten(entity)
    closed = bool(entity.closed if entity.dxftype() == "LWPOLYLINE"  # type: ignore[attr-defined]
                  else entity.is_closed)  # type: ignore[attr-defined]
    if len(coords) >= 3 and coords[0] == coords[-1]:
        closed = True
    if closed and len(coords) >= 3:
        rec.outlines.append(Outline(layer, handle, entity.dxftype(), coords))
    else:
        rec.add_line(layer, coords)


def _flatten(entity: DXFGraphic) -> Coords:
    """Points along any curve, arcs split finely enough for areas to 0.1 %."""
    if entity.dxftype() == "LWPOLYLINE" and not entity.has_arc:  # type: ignore[attr-defined]
        pts = [(float(x), float(y)) for x, y in entity.get_points("xy")]  # type: ignore[attr-defined]
        if entity.closed and pts and pts[0] != pts[-1]:  # type: ignore[attr-defined]
            pts.append(pts[0])
        return pts
    from ezdxf import path as ezpath

    p = ezpath.make_path(entity)
    if len(p) == 0:
        start = p.start
        return [(start.x, start.y)]
    box = ezpath.bbox([p])
    size = max(box.size.x, box.size.y) if box.has_data else 1.0
    return [(v.x, v.y) for v in p.flattening(distance=max(size * 0.002, 1e-9), segments=8)]


def _hatch(entity: DXFGraphic, rec: Records, layer: str, handle: str) -> None:
    from ezdxf import path as ezpath

    for i, p in enumerate(ezpath.from_hatch(entity)):  # type: ignore[arg-type]
        box = ezpath.bbox([p])
        size = max(box.size.x, box.size.y) if box.has_data else 1.0
        pts = [(v.x, v.y) for v in p.flattening(distance=max(size * 0.002, 1e-9), segments=8)]
        if len(pts) >= 3:
            rec.outlines.append(Outline(layer, f"{handle}" if i == 0 else f"{handle}:{i}",
                                        "HATCH", pts))


def _text(entity: DXFGraphic, rec: Records, layer: str, handle: str, text: str) -> None:
    pos = entity.dxf.insert
    if entity.dxftype() in ("TEXT", "ATTRIB") and (
        entity.dxf.get("halign", 0) or entity.dxf.get("valign", 0)
    ) and entity.dxf.hasattr("align_point"):
        pos = entity.dxf.align_point
    text = text.strip()
    if text:
        rec.texts.append(Text(layer, handle, float(pos.x), float(pos.y), text))


def _insert(entity: DXFGraphic, rec: Records, depth: int, handle: str) -> None:
    if depth >= MAX_BLOCK_DEPTH:
        rec.problems.append(Problem(Severity.WARNING, "deep-blocks",
                                    "blocks nested too deeply: inner ones skipped", handle))
        return
    rec.exploded_inserts += 1
    insert_layer = str(entity.dxf.get("layer", "0"))
    for attrib in getattr(entity, "attribs", []):
        _collect(attrib, rec, depth + 1, handle)
    for i, child in enumerate(entity.virtual_entities()):  # type: ignore[attr-defined]
        if child.dxf.get("layer", "0") == "0":
            child.dxf.layer = insert_layer  # layer 0 inside a block takes the INSERT's layer
        _collect(child, rec, depth + 1, f"{handle}/{i}")


# -- fast path ---------------------------------------------------------------

_FAST_KINDS = frozenset({"LWPOLYLINE", "TEXT", "MTEXT", "LINE"})
_BAIL_KINDS = frozenset({"INSERT"})


def scan_text(path: Path) -> Records | None:
    """Scan a large text DXF's group codes for outlines, lines and texts only.

    Returns None when the file needs the full reader (blocks in model space,
    bulged outlines, anything odd) so the caller falls back to ezdxf.
    """
    raw = path.read_bytes()
    if b"\r\n" in raw[:2000]:
        raw = raw.replace(b"\r\n", b"\n")
    version = _header_value(raw, b"$ACADVER", b"1")
    codepage = _header_value(raw, b"$DWGCODEPAGE", b"3")
    insunits = _header_value(raw, b"$INSUNITS", b"70")
    encoding = "utf-8" if version >= "AC1021" else toencoding(codepage or "ANSI_1252")
    try:
        text = raw.decode(encoding, errors="replace")
    except LookupError:
        return None
    start = text.find("\nENTITIES\n")
    if start < 0:
        return None
    end = text.find("\nENDSEC", start)
    lines = text[start + 10 : end if end > 0 else len(text)].split("\n")
    rec = Records(insunits=_int_or_none(insunits), codepage=codepage, encoding=encoding,
                  reader="fast-scan")
    n = len(lines) - 1
    i = 0
    kind = ""
    group: list[tuple[str, str]] = []
    while i < n:
        code = lines[i].strip()
        value = lines[i + 1]
        i += 2
        if code == "0":
            if kind and not _fast_entity(kind, group, rec):
                return None
            kind = value.strip()
            if kind in _BAIL_KINDS:
                return None
            rec.entity_count += 1
            group = []
        elif kind in _FAST_KINDS:
            group.append((code, value))
    if kind and not _fast_entity(kind, group, rec):
        return None
    rec.entity_count = max(rec.entity_count - (1 if kind == "ENDSEC" else 0), 0)
    return rec


def _header_value(raw: bytes, name: bytes, code: bytes) -> str:
    at = raw.find(name, 0, 200_000)
    if at < 0:
        return ""
    chunk = raw[at : at + 200].split(b"\n")
    for j in range(1, len(chunk) - 1, 2):
        if chunk[j].strip() == code:
            return chunk[j + 1].strip().decode("ascii", errors="replace")
    return ""


def _fast_entity(kind: str, group: list[tuple[str, str]], rec: Records) -> bool:
    """Add one scanned entity; False when it needs the full reader."""
    if kind not in _FAST_KINDS:
        return True
    layer, handle = "0", ""
    xs: list[float] = []
    ys: list[float] = []
    flags = 0
    parts: list[str] = []
    x1 = y1 = math.nan
    try:
        for code, value in group:
            if code == "8":
                layer = value.strip()
            elif code == "5":
                handle = value.strip()
            elif code == "10":
                xs.append(float(value))
            elif code == "20":
                ys.append(float(value))
            elif code == "11":
                x1 = float(value)
            elif code == "21":
                y1 = float(value)
            elif code == "70":
                flags = int(value)
            elif code in ("1", "3"):
                parts.append(value)
            elif code == "42" and float(value) != 0.0:
                return False
    except ValueError:
        return False
    if kind == "LWPOLYLINE":
        pts = list(zip(xs, ys, strict=False))
        if flags & 1 and len(pts) >= 3:
            if pts[0] != pts[-1]:
                pts.append(pts[0])
            rec.outlines.append(Outline(layer, handle, kind, pts))
        else:
            rec.add_line(layer, pts)
    elif kind == "LINE":
        if xs and ys and not math.isnan(x1 + y1):
            rec.add_line(layer, [(xs[0], ys[0]), (x1, y1)])
    elif xs and ys:
        body = "".join(parts)  # MTEXT: code-3 chunks come before the final code 1
        body = plain_mtext(body) if kind == "MTEXT" else body
        if body.strip():
            rec.texts.append(Text(layer, handle, xs[0], ys[0], body.strip()))
    return True
