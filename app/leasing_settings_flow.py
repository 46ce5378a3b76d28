"""Leasing → Leasing settings…: the park's stage probabilities and discount rate, in the window.

:func:`open_leasing_settings` shows the dialog (one per window) and reads, in
the worker pool, the park's figures (``services.pipeline.leasing_settings``)
and the leads' expected value per stage (the board's own reading), so the
dialog can show what the probabilities typed make of the pipeline. OK writes
both in one transaction (``save_leasing_settings``); then the dialog closes,
the pipeline board (when it is open) is read again so its weighted values
follow, and open lead forms quote at the new rate. A refusal is said in the
dialog, which stays open with what was typed.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from domain.leasing.pipeline import Stage
from runtime.messages import UserError
from views.leasing_settings import LeasingSettingsDialog, settings_refusal_text

if TYPE_CHECKING:
    from app.main_window import MainWindow
    from app.pipeline_flow import PipelineFlow

translate = QCoreApplication.translate


@dataclass(frozen=True)
class _Read:
    settings: Any  # services.pipeline.LeasingSettings
    values: Mapping[Stage, Decimal]


@dataclass(frozen=True)
class _Said:
    """A refusal or a failure, already in the reader's words."""

    text: str


def _said(work: Callable[[], Any]) -> Any:
    from views.message_text import message_text

    try:
        return work()
    except UserError as exc:
        return _Said(settings_refusal_text(exc))
    except Exception as exc:  # every failure is said to the user, none is lost
        print(traceback.format_exc(), file=sys.stderr)
        return _Said(message_text(exc) or type(exc).__name__)


class LeasingSettingsFlow(QObject):
    """The window's leasing settings dialog and the reads and the write it asks for."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("leasing-settings-flow")
        self.window = window
        self.dialog: LeasingSettingsDialog | None = None
        self._serial = 0  # the latest request wins; a closed workspace answers nothing
        window.controller.closed.connect(self._closed)

    def _pipeline(self) -> PipelineFlow | None:
        from app.pipeline_flow import PipelineFlow

        found = self.window.findChild(PipelineFlow, "pipeline-flow")
        return found if isinstance(found, PipelineFlow) else None

    def _park(self) -> Any | None:
        from services.register import park_of

        controller = self.window.controller
        return park_of(controller.tree, controller.scope) if controller.is_open else None

    def _start(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self._serial += 1
        serial = self._serial

        def answered(result: Any) -> None:
            if serial == self._serial:
                done(result)

        def failed(message: str, _trace: str) -> None:
            if serial == self._serial:
                done(_Said(message))

        self.window.tasks.start(lambda _job: _said(work), on_success=answered,
                                on_failure=failed)

    def open(self) -> LeasingSettingsDialog | None:
        """The dialog for the park in scope, brought forward when open already."""
        park = self._park()
        if park is None:
            return None
        dialog = self.dialog
        if dialog is None:
            dialog = self.dialog = LeasingSettingsDialog(self.window, park.currency)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(lambda *_: self._forget(dialog))
            dialog.save_requested.connect(
                lambda odds, rate: self.save(dialog, park.id, odds, rate))
            dialog.set_reading(True)  # until the park's figures are read
            dialog.set_status(translate("LeasingSettingsFlow", "Reading the park's settings…"))
            self._read(dialog, park.id)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _forget(self, dialog: LeasingSettingsDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _read(self, dialog: LeasingSettingsDialog, park_id: Any) -> None:
        workspace, day = self.window.controller.workspace, self.window.controller.day

        def work() -> _Read:
            from services import pipeline

            with workspace.reading() as session:
                settings = pipeline.leasing_settings(session, park_id)
                board = pipeline.leads_by_stage(session, park_id, day)
            return _Read(settings, pipeline.summarize(board).values)

        def done(result: Any) -> None:
            if self.dialog is not dialog:
                return
            if isinstance(result, _Read):
                dialog.set_settings(result.settings.probabilities, result.settings.own,
                                    result.settings.discount_rate)
                dialog.set_values(result.values)
                dialog.set_reading(False)
                dialog.set_status("")
            else:
                dialog.set_status(result.text, error=True)

        self._start(work, done)

    def save(self, dialog: LeasingSettingsDialog, park_id: Any,
             probabilities: Mapping[Stage, Decimal], rate: Decimal | None) -> None:
        """Write the figures chosen; the board and open lead forms follow them."""
        if not self.window.controller.is_open:
            dialog.refused(translate("LeasingSettingsFlow", "No workspace is open."))
            return
        workspace = self.window.controller.workspace

        def work() -> bool:
            from services import pipeline

            pipeline.save_leasing_settings(workspace, park_id, probabilities, rate)
            return True

        def done(result: Any) -> None:
            if result is True:
                self._follow(rate)
                self.window.statusBar().showMessage(
                    translate("LeasingSettingsFlow", "Leasing settings saved."), 10000)
                if self.dialog is dialog:
                    dialog.saved()
            elif self.dialog is dialog:
                dialog.refused(result.text)

        self._start(work, done)

    def _follow(self, rate: Decimal | None) -> None:
        """What shows the settings reads them again: the board's weighted values, the rate
        an open lead form's next quote is discounted at."""
        flow = self._pipeline()
        if flow is None:
            return
        for form in flow.forms:
            form.discount_rate = rate
        if flow.board is not None:
            flow.refresh()

    def _closed(self) -> None:
        self._serial += 1  # whatever still runs is not shown
        if self.dialog is not None:
            self.dialog.close()


def settings_flow_of(window: MainWindow) -> LeasingSettingsFlow:
    """The window's leasing settings flow, made on first use."""
    found = window.findChild(LeasingSettingsFlow, "leasing-settings-flow")
    return found if isinstance(found, LeasingSettingsFlow) else LeasingSettingsFlow(window)


def open_leasing_settings(window: MainWindow) -> LeasingSettingsDialog | None:
    """The park's leasing settings dialog; None with no workspace (or park) open."""
    return settings_flow_of(window).open()
