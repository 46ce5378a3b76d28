"""Importer findings in the user's language.

Importers live below Qt and write their findings in English; each carries a
stable ``code`` and its variable parts in ``params``. Here each code has a
translatable template; a finding without a template (or without the params
it needs) is shown as the importer wrote it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate

TEMPLATES: dict[str, Callable[[], str]] = {
    "no-file": lambda: translate("Problems", "{file}: no such file"),
    "unknown-format": lambda: translate(
        "Problems",
        "{file} is neither a DXF nor an IFC file; Leasemap imports floor plans in those formats",
    ),
    "ifc-unsupported-schema": lambda: translate(
        "Problems", "{file}: schema {schema} is not supported; export as IFC2X3, IFC4 or IFC4X3"
    ),
    "ifc-no-spaces": lambda: translate(
        "Problems", "{file}: no rooms (IfcSpace) found; floors are imported without units"
    ),
    "ifc-space-no-storey": lambda: translate(
        "Problems", "space '{space}' (GlobalId {id}) is not in any storey; not imported"
    ),
    "ifc-space-no-geometry": lambda: translate(
        "Problems", "space '{space}' (GlobalId {id}) has no usable geometry; not imported"
    ),
    "ifc-area-mismatch": lambda: translate(
        "Problems",
        "space '{space}': computed {computed} m² differs from stated {stated} m² by {percent} %",
    ),
    "area-mismatch": lambda: translate(
        "Problems", "label '{label}' states {stated} m² but its outline measures {computed} m²"
    ),
    "units": lambda: translate(
        "Problems", "the drawing's header says {said}; its size says {unit}: taken as {unit}"
    ),
}


def _unit_set_by_hand() -> str:
    """The "units" finding when a person chose the unit (other params than the guess)."""
    return translate("Problems", "drawing units set to {unit} by hand")


def problem_text(problem: Mapping[str, Any]) -> str:
    """A finding (as in ``ImportedPlan.to_json()``) in the current language."""
    params = problem.get("params") or {}
    code = problem.get("code", "")
    template = TEMPLATES.get(code)
    if code == "units" and "said" not in params:
        template = _unit_set_by_hand
    if template is None or not params:
        return str(problem.get("message", ""))
    try:
        return template().format_map(params)
    except (KeyError, IndexError, ValueError):
        return str(problem.get("message", ""))
