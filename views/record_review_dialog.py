"""A file's rehearsal shown line by line, and Record to write what it would write.

An import that is rehearsed first (a calendar of holidays, the tax platform's
invoice numbers) shows what each line of the file would do and why a line is
refused; nothing is written until the person records. The dialog emits
:attr:`RecordReviewDialog.recordRequested` (once, until the app answers) and the
app writes; :meth:`RecordReviewDialog.refused` says why the app did not.

A subclass says its words: how a line reads (:meth:`line_text`), how many lines
Record writes (:meth:`writes`), what is said while writing (:meth:`working_text`)
and the title, summary and buttons' words (in its own ``_retranslate``, which calls
this one's), so each keeps its own translation context.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from views.subclass_hooks import require_hooks

ERROR_COLOUR = "#b3261e"


class RecordReviewDialog(QDialog):
    """A rehearsal's lines (``plan.lines``) and Record; the app writes, the dialog asks."""

    recordRequested = Signal()
    object_name = "record-review-dialog"
    size_hint = (720, 480)
    HOOKS = ("writes", "line_text", "working_text")

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        require_hooks(cls, RecordReviewDialog, RecordReviewDialog.HOOKS)

    def __init__(self, plan: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(self.object_name)
        self.plan = plan
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.lines = QLabel(self)
        self.lines.setObjectName("lines")
        self.lines.setWordWrap(True)
        self.lines.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lines.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.lines)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.record_button = QPushButton(self)
        self.record_button.setObjectName("record-button")
        self.buttons.addButton(self.record_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._record)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(*self.size_hint)
        self._working = False
        self._retranslate()

    # -- what a subclass says ------------------------------------------------------------

    def writes(self) -> int:
        """How many lines Record writes (none: Record is off)."""
        return 0

    def line_text(self, line: Any) -> str:
        """What a line of the file does, or why it is refused."""
        return ""

    def working_text(self) -> str:
        """What the status says while the app writes."""
        return ""

    # -- in and out ----------------------------------------------------------------------

    def texts(self) -> list[str]:
        return [self.line_text(line) for line in self.plan.lines]

    def refused(self, text: str) -> None:
        """The app did not write: why, and Record is offered again."""
        self._working = False
        self.record_button.setEnabled(bool(self.writes()))
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {ERROR_COLOUR}")

    def _record(self) -> None:
        if self.writes() and not self._working:
            self._working = True
            self.record_button.setEnabled(False)
            self.status.setText(self.working_text())
            self.recordRequested.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.lines.setText("\n".join(self.texts()))
        self.record_button.setEnabled(bool(self.writes()) and not self._working)
