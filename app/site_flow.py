"""File → Import site plan: a drawing's labelled outlines become building footprints.

The drawing is read in the background; what it would change is rehearsed
(footprints placed, labels naming no building, buildings left to automatic
layout) and shown; only an explicit Apply writes it, in one transaction.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from store.site_import import SiteChanges

translate = QCoreApplication.translate


def choose_site_plan(window: Any) -> None:
    """Ask for a DXF or IFC site drawing and import it."""
    path, _ = QFileDialog.getOpenFileName(
        window, translate("SiteFlow", "Import site plan"), "",
        translate("SiteFlow", "Drawings (*.dxf *.ifc)"))
    if path:
        read_site_plan(window, Path(path))


def read_site_plan(window: Any, path: Path, apply: bool | None = None) -> None:
    """Read ``path`` in the background, then rehearse and (if confirmed) apply it.

    ``apply`` answers the confirmation without asking (tests and scripts).
    """
    from importers.read import read_plan

    window.tasks.start(
        lambda _job: read_plan(path),
        on_success=lambda plan: _rehearse(window, plan, apply),
        on_failure=lambda message, _trace: window.warn(
            translate("SiteFlow", "Site plan not imported"), message),
    )


def _rehearse(window: Any, plan: Any, apply: bool | None) -> None:
    from store.plan_import import PlanImportError
    from store.site_import import import_site

    workspace = window.controller.workspace
    park = _park_code(window.controller)
    try:
        with workspace.rehearsal() as session:
            changes = import_site(session, plan, park)
    except PlanImportError as exc:
        window.warn(translate("SiteFlow", "Site plan not imported"), str(exc))
        return
    if apply is None:
        box = QMessageBox(QMessageBox.Icon.Question, translate("SiteFlow", "Import site plan"),
                          describe(changes), QMessageBox.StandardButton.Apply
                          | QMessageBox.StandardButton.Cancel, window)
        apply = box.exec() == QMessageBox.StandardButton.Apply
    if not apply:
        return
    with workspace.transaction() as session:
        import_site(session, plan, park)
    window.controller.reload()
    window.statusBar().showMessage(
        translate("SiteFlow", "Buildings placed on the site plan: %1").replace(
            "%1", str(len(changes.placed))), 5000)


def _park_code(controller: Any) -> str | None:
    """The park being looked at, when the workspace holds several (else the only one)."""
    parks = controller.tree
    if len(parks) <= 1 or controller.scope is None:
        return None
    scope = controller.scope
    for park in parks:
        if park.id == scope.id or any(
                b.id == scope.id or any(f.id == scope.id for f in b.floors)
                for b in park.buildings):
            return str(park.code)
    return None


def describe(changes: SiteChanges) -> str:
    """What the import would change, in the user's language."""
    lines = [translate("SiteFlow", "Buildings that get their footprint from the drawing: %1")
             .replace("%1", str(len(changes.placed)))]
    lines += [f"  {code}: {area} m²" for code, area in changes.placed]
    if changes.unmatched:
        lines.append(translate("SiteFlow", "Outlines naming no building of the park: %1")
                     .replace("%1", ", ".join(changes.unmatched)))
    if changes.not_drawn:
        lines.append(translate("SiteFlow", "Not in the drawing (laid out automatically): %1")
                     .replace("%1", ", ".join(changes.not_drawn)))
    if changes.site_plan:
        lines.append(translate("SiteFlow", "The drawing's other linework becomes the site plan."))
    return "\n".join(lines)
