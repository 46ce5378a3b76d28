"""A dialog whose work runs in the app's worker pool behind its own progress row and Cancel.

Importing meter readings or a bank statement, a billing run, the three-ledger check: the
app reads and writes in its pool while the dialog shows what it does, how far it is and
a Cancel; a cancelled write writes nothing, and closing the dialog while the app works
cancels it. The app says when work starts (:meth:`~CancellableWorkDialog.set_working`),
how far it is (:meth:`~CancellableWorkDialog.set_progress`) and how it ended: the
subclass's own answer (a report), :meth:`~CancellableWorkDialog.set_failed` or
:meth:`~CancellableWorkDialog.set_cancelled`.

A subclass makes the progress row and the summary where it wants them in the tab order
(:meth:`~CancellableWorkDialog._work_widgets`), lays out ``progress_box`` and
``summary``, says its words (:meth:`~CancellableWorkDialog.cancelled_text`, the working
line it hands to :meth:`~CancellableWorkDialog._show_work`) in its own translation
context, and shows itself in ``_update``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QWidget,
)

from views.subclass_hooks import require_hooks


class CancellableWorkDialog(QDialog):
    """The app's work in the pool, shown and cancellable; the subclass says what it is."""

    cancelRequested = Signal()
    HOOKS = ("cancelled_text", "_update")

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        require_hooks(cls, CancellableWorkDialog, CancellableWorkDialog.HOOKS)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._busy = ""  # the work the app does (rehearse, import, post, check …); "": none
        self._cancelling = False  # Cancel asked, the app not yet stopped
        self._said = ""  # the last failure or cancel, said in place of the summary
        self._failed = False

    def _work_widgets(self) -> None:
        """Make ``working`` (what the app does), ``progress`` and ``cancel_button`` in one
        row, ``progress_box``, hidden while the app is idle; and ``summary``, what the work
        came to (or why it failed, or that it was cancelled)."""
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.working = QLabel(self)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancel-button")
        self.cancel_button.clicked.connect(self.request_cancel)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.working)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        self.progress_box = QWidget(self)
        self.progress_box.setLayout(row)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    # -- what a subclass says ------------------------------------------------------------

    def cancelled_text(self, kind: str) -> str:
        """What is said when the work ``kind`` stopped at Cancel."""
        return ""

    def _update(self) -> None:
        """Show the work's state anew: its words, which buttons are on."""

    # -- in ------------------------------------------------------------------------------

    def set_working(self, kind: str) -> None:
        """The app starts the work ``kind``: busy until its first report of progress."""
        self._busy, self._cancelling, self._said, self._failed = kind, False, "", False
        self.progress.setRange(0, 0)
        self._update()

    def set_progress(self, done: int, total: int) -> None:
        if not self._busy:
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def set_failed(self, message: str) -> None:
        """Say why the work did not happen (in the reader's words; nothing was written)."""
        self._busy, self._cancelling, self._said, self._failed = "", False, message, True
        self._update()

    def set_cancelled(self) -> None:
        """The work stopped at the person's Cancel: a write rolled back, a read dropped."""
        kind = self._busy
        self._busy, self._cancelling, self._failed = "", False, False
        self._said = self.cancelled_text(kind)
        self._update()

    # -- out -----------------------------------------------------------------------------

    def request_cancel(self) -> None:
        if self._busy and not self._cancelling:
            self._cancelling = True
            self._update()
            self.cancelRequested.emit()

    def reject(self) -> None:
        """Closing while the app works cancels the work (a write then writes nothing)."""
        self.request_cancel()
        super().reject()

    # -- showing -------------------------------------------------------------------------

    def _show_work(self, working: str, cancellable: bool = True) -> None:
        """The progress row as the work stands; ``working``: what the app does, in words;
        ``cancellable``: whether Cancel is offered for it."""
        busy = bool(self._busy)
        self.progress_box.setVisible(busy)
        self.cancel_button.setEnabled(busy and cancellable and not self._cancelling)
        self.working.setText(working)
