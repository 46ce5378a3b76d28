"""Importing a floor plan from the window: wizard, background read, one-transaction write.

The wizard asks and shows; this module reads the drawing in the thread pool
(the GUI never blocks on a 50,000-entity DXF), turns the plan into the plain
preview the wizard draws, remembers corrected layer roles per drawing family,
and writes the accepted plan through the store in one transaction.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from views.import_wizard import ImportWizard

if TYPE_CHECKING:
    from app.main_window import MainWindow
    from importers.plan import ImportedPlan
    from store.plan_import import ImportChanges

PREVIEW_LINE_LIMIT = 20000  # background segments drawn in the preview


def drawing_family(layer_names: list[str]) -> str:
    """Drawings from one office share their layer names: that is their family."""
    return hashlib.sha1("\n".join(sorted(layer_names)).encode("utf-8")).hexdigest()[:16]


def plan_preview(plan: ImportedPlan) -> dict[str, Any]:
    """The plan as plain data the wizard can draw: rings and lines as coordinate lists."""
    data = plan.to_json()
    for floor_data, floor in zip(data["floors"], plan.floors, strict=True):
        for unit_data, unit in zip(floor_data["units"], floor.units, strict=True):
            polygon = unit.polygon
            if polygon.geom_type == "MultiPolygon":
                polygon = max(polygon.geoms, key=lambda g: g.area)
            unit_data["rings"] = [list(polygon.exterior.coords)]
        lines: list[list[tuple[float, float]]] = []
        background = floor.background
        if background is not None and not background.is_empty:
            parts = getattr(background, "geoms", [background])
            for part in list(parts)[:PREVIEW_LINE_LIMIT]:
                if part.geom_type in ("LineString", "LinearRing"):
                    lines.append([(x, y) for x, y, *_ in part.coords])
        floor_data["lines"] = lines
    return data


def _read(
    path: Path, layers: dict[str, str] | None, by_zone: bool, units: str | None
) -> ImportedPlan:
    from importers.read import read_plan

    plan = read_plan(path, layers=layers, units=units)
    if by_zone:
        from importers.zones import units_by_zone

        plan = units_by_zone(plan)
    return plan


class ImportFlow(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.wizard: ImportWizard | None = None
        self.plan: ImportedPlan | None = None
        self.last_changes: ImportChanges | None = None
        self._remembered_tried = False
        self._options: dict[str, Any] = {}

    def start(self) -> ImportWizard:
        buildings = [b.code for park in self.window.controller.tree for b in park.buildings]
        self.wizard = ImportWizard(buildings, self.window)
        self.wizard.readRequested.connect(self.read)
        self.wizard.acceptRequested.connect(self.accept)
        self.wizard.changesRequested.connect(self.rehearse)
        self.plan = None
        self._remembered_tried = False
        self._options = {}
        self.wizard.open()
        return self.wizard

    def read(self, path: str, options: dict[str, Any]) -> None:
        """Read in the pool behind a progress dialog; Cancel drops the result.

        ``options``: the person's ``layers`` roles, ``by_zone`` and ``units``.
        """
        from app.workers import progress_dialog

        self._options = dict(options)
        layers = options.get("layers") or None
        by_zone = bool(options.get("by_zone"))
        units = options.get("units")
        dialog = progress_dialog(
            self.wizard or self.window,
            self.tr("Import floor plan"),
            self.tr("Reading %1…").replace("%1", Path(path).name),
        )
        running: list[Any] = []

        def done(plan: ImportedPlan) -> None:
            if running and running[0].job.cancelled:
                self._cancelled()
            else:
                self._read_done(plan)

        running.append(
            self.window.tasks.start(
                lambda _job: _read(Path(path), layers, by_zone, units),
                on_success=done,
                on_failure=lambda message, _trace: self.window.warn(
                    self.tr("Cannot read the drawing"), message
                ),
                on_cancel=self._cancelled,
                progress=dialog,
            )
        )

    def _cancelled(self) -> None:
        if self.wizard is not None:
            self.wizard.show_cancelled()

    def _read_done(self, plan: ImportedPlan) -> None:
        remembered = self._remembered_roles(plan)
        if remembered and not self._remembered_tried and remembered != plan.layer_roles:
            # The same office's drawings: use the roles the user set last time.
            self._remembered_tried = True
            self.read(plan.source, {**self._options, "layers": remembered})
            return
        self.plan = plan
        if self.wizard is not None:
            self.wizard.show_plan(plan_preview(plan))

    def _remembered_roles(self, plan: ImportedPlan) -> dict[str, str]:
        if not plan.layer_roles:
            return {}
        text = self.window.settings.layer_roles(drawing_family(list(plan.layer_roles)))
        return json.loads(text) if text else {}

    def rehearse(self) -> None:
        """Run the import in a transaction that is rolled back, to show what it would do."""
        plan, wizard = self.plan, self.wizard
        if plan is None or wizard is None:
            return
        _path, building, level = wizard.target()
        controller = self.window.controller

        def work(_job: object) -> list[dict[str, Any]]:
            from dataclasses import asdict

            from store.plan_import import import_plan

            with controller.workspace.rehearsal() as session:
                return [asdict(f) for f in import_plan(session, plan, building, level).floors]

        self.window.tasks.start(
            work,
            on_success=lambda floors: wizard.show_changes(floors),
            on_failure=lambda message, _trace: wizard.show_changes(None, message),
        )

    def accept(self, path: str, building: str, level: int | None, layers: dict[str, str]) -> None:
        plan = self.plan
        if plan is None:
            return
        if plan.layer_roles:
            family = drawing_family(list(plan.layer_roles))
            self.window.settings.set_layer_roles(family, json.dumps(plan.layer_roles))
        controller = self.window.controller

        def write(_job: object) -> ImportChanges:
            from store.plan_import import import_plan

            with controller.workspace.transaction() as session:
                return import_plan(session, plan, building, level)

        self.window.tasks.start(
            write,
            on_success=self._written,
            on_failure=lambda message, _trace: self.window.warn(
                self.tr("Floor plan not imported"),
                self.tr("%1; nothing was written.").replace("%1", message),
            ),
        )

    def _written(self, changes: ImportChanges) -> None:
        self.last_changes = changes
        self.window.controller.reload()
        added = sum(len(f.added) for f in changes.floors)
        updated = sum(len(f.updated) for f in changes.floors)
        removed = sum(len(f.archived) for f in changes.floors)
        self.window.statusBar().showMessage(
            self.tr("Imported into %1: %2 added, %3 changed, %4 removed.")
            .replace("%1", changes.building)
            .replace("%2", str(added))
            .replace("%3", str(updated))
            .replace("%4", str(removed)),
            10000,
        )
