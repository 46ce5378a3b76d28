"""Pick the importer for a file by its content, not only its name."""

from __future__ import annotations

from pathlib import Path

from importers.internal import PROGRAMMING_ERRORS, internal_error
from importers.plan import ImportedPlan, failed


def sniff(path: Path) -> str:
    """``"dxf"``, ``"ifc"`` or ``""``, from the first bytes of the file."""
    try:
        with path.open("rb") as handle:
            head = handle.read(2048)
    except OSError:
        return ""
    if head.startswith(b"ISO-10303-21"):
        return "ifc"
    if head.startswith(b"AutoCAD Binary DXF"):
        return "dxf"
    text = head.lstrip().decode("latin-1")
    if text.startswith("0") and "SECTION" in text[:200]:
        return "dxf"
    if text.startswith("999"):  # a DXF comment line before the first section
        return "dxf"
    return ""


def read_plan(
    path: Path | str, layers: dict[str, str] | None = None, units: str | None = None
) -> ImportedPlan:
    """Read a DXF or IFC floor plan; a file that is neither gets a plan with an error.

    A programming error inside a reader is not the file's fault: it comes back
    as an ``internal-error`` problem, its traceback logged (``importers.internal``).

    ``layers`` and ``units`` are a person's corrections for a DXF (IFC files
    name their layers' meaning and their units themselves).
    """
    path = Path(path)
    if not path.is_file():
        return failed(str(path), "", "no-file", f"{path}: no such file", {"file": str(path)})
    kind = sniff(path) or path.suffix.lower().lstrip(".")
    if kind in ("dxf", "ifc"):
        try:
            if kind == "dxf":
                from importers.dxf import read_dxf

                return read_dxf(path, layers=layers, units=units)
            from importers.ifc import read_ifc

            return read_ifc(path)
        except PROGRAMMING_ERRORS as exc:  # our bug, not the file's: say so, log the traceback
            return internal_error(str(path), kind, exc)
        except Exception as exc:  # a reader's own guard missed it: still a message, not a crash
            detail = f"{type(exc).__name__}: {exc or 'damaged or truncated'}"
            return failed(
                str(path),
                kind,
                "unreadable",
                f"{path.name}: the {kind.upper()} file could not be read ({detail})",
                {"case": "reader", "file": path.name, "format": kind.upper(), "detail": detail},
            )
    return failed(
        str(path),
        "",
        "unknown-format",
        f"{path} is neither a DXF nor an IFC file; Leasemap imports floor plans in those formats",
        {"file": path.name},
    )
