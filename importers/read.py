"""Pick the importer for a file by its content, not only its name."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from importers.dwg import dwg_version
from importers.internal import PROGRAMMING_ERRORS, internal_error
from importers.plan import ImportedPlan, Problem, Severity, failed

# Fewer rooms than this beside a vertical product's custom objects is an empty or
# half floor: the rooms are most likely among the objects no DXF reader sees.
FEW_ROOMS = 3


def sniff(path: Path) -> str:
    """``"dxf"``, ``"dwg"``, ``"ifc"`` or ``""``, from the first bytes of the file."""
    try:
        with path.open("rb") as handle:
            head = handle.read(2048)
    except OSError:
        return ""
    if head.startswith(b"ISO-10303-21"):
        return "ifc"
    if dwg_version(head):
        return "dwg"
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
    """Read a DXF, DWG or IFC floor plan; a file that is none gets a plan with an error.

    A programming error inside a reader is not the file's fault: it comes back
    as an ``internal-error`` problem, its traceback logged (``importers.internal``).

    ``layers`` and ``units`` are a person's corrections for a DXF (IFC files
    name their layers' meaning and their units themselves).
    """
    path = Path(path)
    if not path.is_file():
        return failed(str(path), "", "no-file", f"{path}: no such file", {"file": str(path)})
    sniffed = sniff(path)
    kind = sniffed or path.suffix.lower().lstrip(".")
    if kind == "dwg" and not sniffed:  # named .dwg, but no DWG version string at its start
        return unknown_format(path)
    if kind in ("dxf", "dwg", "ifc"):
        try:
            if kind == "dxf":
                from importers.dxf import read_dxf

                return judge_custom_objects(read_dxf(path, layers=layers, units=units))
            if kind == "dwg":
                from importers.dwg import read_dwg

                return judge_custom_objects(read_dwg(path, layers=layers, units=units))
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
    return unknown_format(path)


def unknown_format(path: Path) -> ImportedPlan:
    """The plan of a file that is no drawing Leasemap reads, naming the formats it does."""
    return failed(
        str(path),
        "",
        "unknown-format",
        f"{path} is not a DXF, DWG or IFC file; Leasemap imports floor plans in those "
        "three formats",
        {"file": path.name},
    )


def judge_custom_objects(plan: ImportedPlan) -> ImportedPlan:
    """Make the custom-objects warning an error when few or no rooms were found.

    A TArch drawing read as plain DXF would otherwise import as an empty or half
    floor; with rooms found the warning stays, so a person can judge the rest.
    """
    rooms = plan.unit_count()
    if rooms >= FEW_ROOMS:
        return plan
    problems = tuple(_as_error(p, rooms) if p.code == "custom-objects" else p
                     for p in plan.problems)
    return dataclasses.replace(plan, problems=problems)


def _as_error(problem: Problem, rooms: int) -> Problem:
    params = {**problem.params, "case": "few-rooms", "rooms": str(rooms)}
    message = (
        f"{params.get('file', '')}: only {rooms} rooms were found beside "
        f"{params.get('count', '?')} objects of a vertical product that a plain DXF reader "
        f"cannot see ({params.get('kinds', '')}). Export a plain drawing (TArch: “Save as "
        "T3” / 导出T3) and import that."
    )
    return dataclasses.replace(problem, severity=Severity.ERROR, message=message, params=params)
