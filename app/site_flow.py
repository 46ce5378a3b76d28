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
from views.message_text import message_text, site_changes_text

translate = QCoreApplication.translate


def site_plan_filter() -> str:
    """The file dialog's filter: every drawing format the importers read (DWG too)."""
    return translate("SiteFlow", "Drawings (*.dxf *.dwg *.ifc);;All files (*)")


def choose_site_plan(window: Any) -> None:
    """Ask for a DXF, DWG or IFC site drawing and import it."""
    dialog = site_file_dialog(window)
    try:
        chosen = dialog.selectedFiles() if dialog.exec() else []
    finally:
        dialog.deleteLater()
    if chosen:
        read_site_plan(window, Path(chosen[0]))


def site_file_dialog(window: Any) -> QFileDialog:
    """The dialog that asks for the site drawing (app.dialog_registry opens it too)."""
    dialog = QFileDialog(window, translate("SiteFlow", "Import site plan"), "",
                         site_plan_filter())
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return dialog


def replace_box(window: Any) -> QMessageBox:
    """Asks whether a drawing without site linework removes the previous site plan."""
    ask = QMessageBox(
        QMessageBox.Icon.Question, translate("SiteFlow", "Import site plan"),
        translate("SiteFlow", "The drawing has no site linework (roads, boundaries). "
                              "Remove the previous site plan?"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
    ask.setDefaultButton(QMessageBox.StandardButton.No)
    return ask


def apply_box(window: Any, changes: SiteChanges) -> QMessageBox:
    """What the site drawing would change, to Apply or Cancel."""
    return QMessageBox(QMessageBox.Icon.Question, translate("SiteFlow", "Import site plan"),
                       describe(changes), QMessageBox.StandardButton.Apply
                       | QMessageBox.StandardButton.Cancel, window)


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
        window.warn(translate("SiteFlow", "Site plan not imported"), message_text(exc))
        return
    replace = bool(replace_site_plan)
    if changes.site_plan_kept and replace_site_plan is None and apply is None:
        replace = replace_box(window).exec() == QMessageBox.StandardButton.Yes
    if replace and changes.site_plan_kept:
        changes = rehearse_site(workspace, plan, park, replace_site_plan=True)
    if apply is None:
        apply = apply_box(window, changes).exec() == QMessageBox.StandardButton.Apply
    if not apply:
        return
    try:
        apply_site(workspace, plan, park, replace_site_plan=replace)
    except PlanImportError as exc:
        window.warn(translate("SiteFlow", "Site plan not imported"), message_text(exc))
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
    return site_changes_text(changes)
