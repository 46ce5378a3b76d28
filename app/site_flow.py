"""File → Import site plan: a drawing's labelled outlines become building footprints.

The drawing is read in the background; what it would change is rehearsed
(footprints placed, labels naming no building, buildings left to automatic
layout) and shown; only an explicit Apply writes it, in one transaction, through
``services.importing``. A drawing without site linework keeps the previous site
plan unless the person says to remove it.
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


def read_site_plan(window: Any, path: Path, apply: bool | None = None,
                   replace_site_plan: bool | None = None) -> None:
    """Read ``path`` in the background, then rehearse and (if confirmed) apply it.

    ``apply`` answers the confirmation without asking (tests and scripts);
    ``replace_site_plan`` answers whether a drawing without site linework
    removes the previous site plan (asked only when ``apply`` is asked too;
    otherwise the previous plan is kept).
    """
    from services.importing import read

    window.tasks.start(
        lambda _job: read(path),
        on_success=lambda plan: _rehearse(window, plan, apply, replace_site_plan),
        on_failure=lambda message, _trace: window.warn(
            translate("SiteFlow", "Site plan not imported"), message),
    )


def _rehearse(window: Any, plan: Any, apply: bool | None,
              replace_site_plan: bool | None = None) -> None:
    from services.importing import PlanImportError, apply_site, rehearse_site

    workspace = window.controller.workspace
    park = _park_code(window.controller)
    try:
        changes = rehearse_site(workspace, plan, park)
    except PlanImportError as exc:
        window.warn(translate("SiteFlow", "Site plan not imported"), str(exc))
        return
    replace = bool(replace_site_plan)
    if changes.site_plan_kept and replace_site_plan is None and apply is None:
        ask = QMessageBox(
            QMessageBox.Icon.Question, translate("SiteFlow", "Import site plan"),
            translate("SiteFlow", "The drawing has no site linework (roads, boundaries). "
                                  "Remove the previous site plan?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
        ask.setDefaultButton(QMessageBox.StandardButton.No)
        replace = ask.exec() == QMessageBox.StandardButton.Yes
    if replace and changes.site_plan_kept:
        changes = rehearse_site(workspace, plan, park, replace_site_plan=True)
    if apply is None:
        box = QMessageBox(QMessageBox.Icon.Question, translate("SiteFlow", "Import site plan"),
                          describe(changes), QMessageBox.StandardButton.Apply
                          | QMessageBox.StandardButton.Cancel, window)
        apply = box.exec() == QMessageBox.StandardButton.Apply
    if not apply:
        return
    try:
        apply_site(workspace, plan, park, replace_site_plan=replace)
    except PlanImportError as exc:
        window.warn(translate("SiteFlow", "Site plan not imported"), str(exc))
        return
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
    if changes.site_plan_kept:
        lines.append(translate("SiteFlow", "The drawing has no site linework: the previous "
                                           "site plan is kept."))
    if changes.site_plan_removed:
        lines.append(translate("SiteFlow", "The drawing has no site linework: the previous "
                                           "site plan is removed."))
    return "\n".join(lines)
