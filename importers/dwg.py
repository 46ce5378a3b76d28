"""DWG floor plans: converted to DXF by ezdwg, then read by the DXF importer.

Park teams receive DWG. ezdwg (a read-only DWG parser) reads R2000 to 2018 and
writes a DXF whose text is already decoded from the drawing's code page; the
DXF pipeline (:func:`importers.dxf.read_dxf`) then finds the rooms, so a DWG
and the DXF saved from it give the same plan. The DXF lives in a temporary
folder under the DWG's own name, so findings name the file the person chose.

A vertical product's custom objects (TArch ``TCH_*``, ``ACAD_PROXY_ENTITY``)
do not survive the conversion: the converter drops them without a word. They
are counted in the DWG's own object map instead, so a TArch DWG gets the same
finding as the TArch DXF (``custom-objects``, an error beside too few rooms:
:func:`importers.read.judge_custom_objects`).
"""

from __future__ import annotations

import dataclasses
import re
import tempfile
from pathlib import Path
from typing import Any

from importers.plan import ImportedPlan, Problem, Severity, failed

FORMAT = "dwg"
# The version string a DWG starts with, and the release people know it by.
RELEASES = {
    "AC1.2": "R1.2", "AC1.40": "R1.4", "AC1.50": "R2.05", "AC2.10": "R2.10",
    "AC1001": "R2.5", "AC1002": "R2.6", "AC1003": "R9", "AC1004": "R9", "AC1006": "R10",
    "AC1009": "R11/R12", "AC1012": "R13", "AC1014": "R14", "AC1015": "2000",
    "AC1018": "2004", "AC1021": "2007", "AC1024": "2010", "AC1027": "2013", "AC1032": "2018",
}
READABLE = frozenset({"AC1015", "AC1018", "AC1021", "AC1024", "AC1027", "AC1032"})
MAGIC = re.compile(rb"AC(?:\d{4}|[12]\.\d{1,2})")
# Header fields of the converted DXF that ezdxf.new() fills with its own defaults.
_INSUNITS = re.compile(rb"(\$INSUNITS[ \t]*\r?\n[ \t]*70[ \t]*\r?\n)[^\r\n]*")
_FINGERPRINT = re.compile(rb"(\$FINGERPRINTGUID[ \t]*\r?\n[ \t]*2[ \t]*\r?\n)[^\r\n]*")
_NO_GUID = b"{00000000-0000-0000-0000-000000000000}"


def dwg_version(head: bytes) -> str:
    """The version string (``AC1015``) a DWG starts with, or "" when it is no DWG."""
    found = MAGIC.match(head[:6])
    return found.group(0).decode("ascii") if found else ""


def read_dwg(
    path: Path | str, layers: dict[str, str] | None = None, units: str | None = None
) -> ImportedPlan:
    """Read a DWG as :func:`importers.dxf.read_dxf` reads the DXF ezdwg makes of it.

    Never raises on a bad file: an old or new version, a damaged file or a
    missing ezdwg come back as a plan with one error that says what to do.
    """
    path = Path(path)
    with path.open("rb") as handle:
        version = dwg_version(handle.read(6))
    release = RELEASES.get(version, "")
    if version not in READABLE:
        newer = version > "AC1032" and version.startswith("AC10")
        said = "newer than AutoCAD 2018" if newer else f"({release or '?'})"
        return failed(
            str(path), FORMAT, "dwg-version",
            f"{path.name} is a DWG {version} {said}, which Leasemap cannot read: save it as "
            "DXF, or as a DWG of AutoCAD 2000 to 2018",
            {"case": "newer" if newer else "older", "file": path.name, "version": version,
             "release": release or "?"},
        )
    try:
        import ezdwg
    except ImportError:
        return failed(
            str(path), FORMAT, "dwg-reader-missing",
            f"{path.name}: reading DWG needs the ezdwg package, which is not installed "
            "(pip install ezdwg); or save the drawing as DXF",
            {"file": path.name},
        )
    with tempfile.TemporaryDirectory(prefix="leasemap-dwg-") as folder:
        dxf = Path(folder) / path.name  # a DXF under the DWG's name: findings name the DWG
        try:
            doc = ezdwg.read(str(path))
            insunits = doc.insunits
            result = ezdwg.to_dxf(doc, str(dxf))
            custom = custom_objects(doc)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # ezdwg's Rust core panics as a BaseException
            detail = f"{type(exc).__name__}: {exc or 'damaged or truncated'}"
            return failed(
                str(path), FORMAT, "dwg-unreadable",
                f"{path.name}: the DWG file is damaged and could not be read ({detail}); "
                "open it in CAD and save it again, or save it as DXF",
                {"file": path.name, "detail": detail},
            )
        _restore_header(dxf, insunits)
        from importers.dxf import read_dxf

        plan = read_dxf(dxf, layers=layers, units=units)
    note = _converted(path.name, version, release, result.skipped_by_type)
    problems = [*plan.problems, note]
    if custom and not any(p.code == "custom-objects" for p in problems):
        from importers.dxf_read import custom_objects_problem

        problems.append(custom_objects_problem(path.name, custom))
    return dataclasses.replace(plan, source=str(path), format=FORMAT, problems=tuple(problems))


def custom_objects(doc: Any) -> dict[str, int]:
    """Entities of a vertical product in an ezdwg document, by type: ``{"TCH_WALL": 12}``.

    Read from the object map (a custom class's entities are named by its class),
    since the DXF ezdwg writes has none of them. Paper-space ones are left out,
    as the DXF count leaves them out; those inside block definitions count, since
    TArch drawings often keep their walls in blocks.
    """
    from ezdwg import raw

    from importers.dxf_read import is_custom_object

    found: dict[str, int] = {}
    for row in raw.list_object_headers_with_type(doc.decode_path):
        handle, kind, family = row[0], str(row[4]).strip().upper(), str(row[5]).upper()
        if family != "E" or not is_custom_object(kind):
            continue
        placement = doc.entity_placement(handle)
        if placement is not None and placement[0] == 1:  # paper space
            continue
        found[kind] = found.get(kind, 0) + 1
    return found


def _restore_header(dxf: Path, insunits: int | None) -> None:
    """Put the DWG's unit back and drop the GUID ezdxf made up for the converted file.

    ezdxf.new() writes metres and a fresh random $FINGERPRINTGUID; a made-up GUID
    would give every re-import of the same DWG new room keys.
    """
    raw = dxf.read_bytes()
    unit = str(insunits if insunits is not None else 0).encode("ascii")
    raw = _INSUNITS.sub(lambda m: m.group(1) + unit, raw, count=1)
    raw = _FINGERPRINT.sub(lambda m: m.group(1) + _NO_GUID, raw, count=1)
    dxf.write_bytes(raw)


def _converted(name: str, version: str, release: str, skipped: dict[str, int]) -> Problem:
    """Which DWG release was read, and what the converter could not carry over."""
    params = {"file": name, "version": version, "release": release}
    message = f"{name}: read as a DWG {release} ({version}), converted to DXF"
    if not skipped:
        return Problem(Severity.INFO, "dwg-converted", message, params=params)
    kinds = ", ".join(f"{kind} ×{n}" for kind, n in sorted(skipped.items()))
    count = str(sum(skipped.values()))
    return Problem(
        Severity.INFO, "dwg-converted",
        f"{message}; {count} objects could not be converted ({kinds})",
        params={**params, "case": "skipped", "count": count, "kinds": kinds},
    )
