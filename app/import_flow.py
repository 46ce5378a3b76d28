"""Importing a floor plan from the window: wizard, background read, one-transaction write.

The wizard asks and shows; this module reads the drawing in the thread pool
(the GUI never blocks on a 50,000-entity DXF), turns the plan into the plain
preview the wizard draws, remembers corrected layer roles per drawing family,
and rehearses and writes the accepted plan through ``services.importing``; a
drawing that may be another floor's is written only after an explicit Yes. A
drawing whose rooms would overlap (each other, or a unit kept for its contract)
is refused: the report page says why, in the user's language, and Import then
writes nothing and says it again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from views.import_wizard import ImportWizard
from views.message_text import change_notes, fit_warning_text, overlap_refusal_text

if TYPE_CHECKING:
    from app.main_window import MainWindow
    from importers.plan import ImportedPlan
    from runtime.jobs import Job
    from store.plan_import import FitWarning, ImportChanges, UnitsOverlap

PREVIEW_LINE_LIMIT = 20000  # background segments drawn in the preview


def drawing_family(layer_names: list[str]) -> str:
    """Drawings from one office share their layer names: that is their family."""
    return hashlib.sha1("\n".join(sorted(layer_names)).encode("utf-8")).hexdigest()[:16]


def plan_preview(plan: ImportedPlan) -> dict[str, Any]:
    """The plan as plain data the wizard can draw: rings and lines as coordinate lists.

    Areas are the Decimals themselves (the JSON report has their strings), so the
    wizard formats them as numbers.
    """
    data = plan.to_json()
    for floor_data, floor in zip(data["floors"], plan.floors, strict=True):
        for unit_data, unit in zip(floor_data["units"], floor.units, strict=True):
            unit_data["area"], unit_data["stated_area"] = unit.area, unit.stated_area
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
    from services.importing import read

    return read(path, layers=layers, units=units, by_zone=by_zone)


class ImportFlow(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.wizard: ImportWizard | None = None
        self.plan: ImportedPlan | None = None
        self.last_changes: ImportChanges | None = None
        # the last rehearsal: building, level and what it would change
        self.rehearsed: tuple[str, int | None, ImportChanges] | None = None
        # the last rehearsal's refusal (overlapping units): building, level and why
        self.refused: tuple[str, int | None, UnitsOverlap] | None = None
        self.confirm_box: QMessageBox | None = None
        self._remembered_tried = False
        self._options: dict[str, Any] = {}
        self.writing: Any = None  # the write's app.workers.Task while it runs
        window.controller.closed.connect(self._workspace_closed)

    def _workspace_closed(self) -> None:
        """A wizard of the closed workspace must not write into the next one."""
        if self.wizard is not None:
            self.wizard.reject()
        if self.confirm_box is not None:
            self.confirm_box.reject()
        self.plan = self._read_plan = None
        self.rehearsed = self.refused = None

    def start(self) -> ImportWizard:
        buildings = [b.code for park in self.window.controller.tree for b in park.buildings]
        self.wizard = ImportWizard(buildings, self.window)
        self.wizard.readRequested.connect(self.read)
        self.wizard.acceptRequested.connect(self.accept)
        self.wizard.changesRequested.connect(self.rehearse)
        self.wizard.levelsChanged.connect(self._levels_changed)
        self.plan = None
        self._read_plan: ImportedPlan | None = None
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
        self.plan = self._read_plan = plan
        if self.wizard is not None:
            self.wizard.show_plan({**plan_preview(plan), "levels": self._levels_of(plan)})

    def _levels_of(self, plan: ImportedPlan) -> dict[str, Any]:
        """Each floor's level from the drawing's name, titles or storeys, for the person."""
        from importers.levels import plan_levels

        building = self.wizard.target()[1] if self.wizard is not None else None
        return plan_levels(plan, Path(plan.source).name, building_code=building or None).to_json()

    def _levels_changed(self, rows: list[dict[str, Any]]) -> None:
        """The levels the wizard shows go onto the plan that is rehearsed and written."""
        from importers.levels import LevelEvidence, with_levels

        plan = self._read_plan
        if plan is None or len(rows) != len(plan.floors):
            return
        self.plan = with_levels(plan, [
            None if r["level"] is None
            else LevelEvidence(int(r["level"]), r["source"] or "user", r["text"], r["matched"])
            for r in rows])

    def _remembered_roles(self, plan: ImportedPlan) -> dict[str, str]:
        if not plan.layer_roles:
            return {}
        text = self.window.settings.layer_roles(drawing_family(list(plan.layer_roles)))
        return json.loads(text) if text else {}

    def _with_uses(self, plan: ImportedPlan) -> ImportedPlan:
        """The plan with the uses the planner chose in the wizard (rehearsed and written)."""
        from importers.plan import with_uses

        chosen = self.wizard.use_changes() if self.wizard is not None else {}
        return with_uses(plan, chosen) if chosen else plan

    def rehearse(self) -> None:
        """Run the import in a transaction that is rolled back, to show what it would do."""
        plan, wizard = self.plan, self.wizard
        if plan is None or wizard is None:
            return
        plan = self._with_uses(plan)
        _path, building, level = wizard.target()
        workspace = self.window.controller.workspace
        self.rehearsed = self.refused = None

        def work(job: Job) -> ImportChanges | UnitsOverlap:
            from services.importing import UnitsOverlap, rehearse_plan

            try:
                return rehearse_plan(workspace, plan, building, level, job=job)
            except UnitsOverlap as refusal:  # said in the user's language, not as an error
                return refusal

        def done(result: ImportChanges | UnitsOverlap) -> None:
            from store.plan_import import UnitsOverlap

            if isinstance(result, UnitsOverlap):
                self.refused = (building, level, result)
                wizard.show_changes(None, self.refusal_text(result))
                return
            changes = result
            self.rehearsed = (building, level, changes)
            # a floor of the drawing without rooms has no changes: keep the floors aligned
            rehearsed = iter(changes.floors)
            codes = [next(rehearsed).room_codes if f.units else [] for f in plan.floors]
            wizard.show_changes([asdict(f) for f in changes.floors], self.notes(changes),
                                codes=codes)

        self.window.tasks.start(
            work,
            on_success=done,
            on_failure=lambda message, _trace: wizard.show_changes(None, message),
        )

    def notes(self, changes: ImportChanges) -> str:
        """What the wizard's change list adds to the counts: warnings, areas, amendments."""
        return change_notes(changes)

    def refusal_text(self, refusal: UnitsOverlap) -> str:
        """Why the drawing cannot be imported: each pair of overlapping units and what to do."""
        return overlap_refusal_text(refusal)

    def confirm_box_for(self, warnings: list[FitWarning]) -> QMessageBox:
        """Asks whether to import a drawing that may be another floor's (Cancel is the default)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Import floor plan"),
            self.tr("This drawing may not belong on this floor:\n%1\n\nImport it anyway?")
            .replace("%1", "\n".join(f"• {fit_warning_text(w)}" for w in warnings)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box

    def accept(self, path: str, building: str, level: int | None, layers: dict[str, str]) -> None:
        plan = self.plan
        if plan is None:
            return
        plan = self._with_uses(plan)
        if plan.layer_roles:
            family = drawing_family(list(plan.layer_roles))
            self.window.settings.set_layer_roles(family, json.dumps(plan.layer_roles))
        refused = self.refused
        if refused is not None and refused[:2] == (building, level):
            self._refused(refused[2])  # the report said so; Import writes nothing
            return
        rehearsed = self.rehearsed
        warnings = (
            rehearsed[2].warnings
            if rehearsed is not None and rehearsed[:2] == (building, level)
            else []
        )
        if not warnings:
            self._write(plan, building, level, confirmed=False)
            return
        # The drawing may be another floor's: import only on an explicit Yes.
        box = self.confirm_box = self.confirm_box_for(warnings)
        box.finished.connect(
            lambda answer: self._write(plan, building, level, confirmed=True)
            if answer == QMessageBox.StandardButton.Yes
            else None
        )
        box.open()  # not exec(): the window keeps running while it asks

    def _write(
        self, plan: ImportedPlan, building: str, level: int | None, confirmed: bool
    ) -> None:
        """Write in the pool behind a progress dialog; Cancel (or closing) rolls it all back."""
        from app.workers import progress_dialog

        if not self.window.controller.is_open:
            return
        workspace = self.window.controller.workspace

        def write(job: Job) -> ImportChanges | UnitsOverlap:
            from services.importing import UnitsOverlap, apply_plan

            try:
                return apply_plan(workspace, plan, building, level, confirmed=confirmed, job=job)
            except UnitsOverlap as refusal:  # rolled back: said like the rehearsal said it
                return refusal

        dialog = progress_dialog(
            self.window,
            self.tr("Import floor plan"),
            self.tr("Importing %1 into %2…").replace("%1", Path(plan.source).name)
            .replace("%2", building),
        )
        self.writing = self.window.tasks.start(
            write,
            on_success=self._written,
            on_failure=self._not_written,
            on_cancel=self._write_cancelled,
            progress=dialog,
        )

    def _not_written(self, message: str, _trace: str) -> None:
        self.writing = None
        self.window.warn(
            self.tr("Floor plan not imported"),
            self.tr("%1; nothing was written.").replace("%1", message),
        )

    def _write_cancelled(self) -> None:
        self.writing = None
        self.window.statusBar().showMessage(
            self.tr("Import cancelled; nothing was written."), 10000
        )

    def _refused(self, refusal: UnitsOverlap) -> QMessageBox:
        return self.window.warn(
            self.tr("Floor plan not imported"),
            self.tr("%1\nNothing was written.").replace("%1", self.refusal_text(refusal)),
        )

    def _written(self, changes: ImportChanges | UnitsOverlap) -> None:
        from store.plan_import import UnitsOverlap

        self.writing = None
        if isinstance(changes, UnitsOverlap):
            self._refused(changes)
            return
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
