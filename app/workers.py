"""Background work: run a job in the thread pool, show progress, allow cancel.

The function runs in a worker thread with a :class:`runtime.jobs.Job`; its
progress reaches the GUI thread through queued signals. The GUI never blocks.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
import traceback
import warnings
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from runtime.jobs import Cancelled, Job


class _Signals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str, str)  # message, traceback
    cancelled = Signal()


class Task(QRunnable):
    """A function of a Job, run once in the pool."""

    def __init__(self, work: Callable[[Job], Any]) -> None:
        super().__init__()
        self.signals = _Signals()
        self.job = Job(report=self.signals.progress.emit)
        self.done = threading.Event()  # set when the work has returned, whatever its end
        self.dropped = False  # its result no longer wanted: the workspace closes or changes
        self._work: Callable[[Job], Any] | None = work
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self.job.cancel()

    def release(self) -> None:
        """Let go of the work and the callbacks, in the GUI thread, once the task has reported.

        The pool keeps a reference to every runnable it ran, so a finished task
        lives on; what it holds — the work's closure (a whole drawing, a
        workspace) and the callbacks, which close over the task and over the
        window's flows — must not. Dropped here, they are freed by reference
        counting in the GUI thread, never by the collector on a worker's.
        """
        self._work = None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # a signal with no receiver
            for signal in (self.signals.progress, self.signals.succeeded,
                           self.signals.failed, self.signals.cancelled):
                with contextlib.suppress(RuntimeError, TypeError):
                    signal.disconnect()

    @Slot()
    def run(self) -> None:
        work = self._work
        if work is None:  # released before it ran: nothing to do
            return
        try:
            result = work(self.job)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # report every failure to the user, never lose it
            from views.message_text import message_text  # only on failure: not on start-up

            said = message_text(exc)  # in the user's language; Qt's translate is thread-safe
            self.signals.failed.emit(said or type(exc).__name__, traceback.format_exc())
        else:
            self.signals.succeeded.emit(result)
        finally:
            # The work's own `with workspace.transaction()` has committed or rolled back.
            self.done.set()


class TaskRunner(QObject):
    """Starts tasks and keeps them alive until they finish.

    ``idle`` is emitted in the GUI thread when the last running task has
    finished and reported, so a window can close once nothing of it runs;
    ``started`` carries each task as it is started, before it runs.
    """

    idle = Signal()
    started = Signal(object)  # Task

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool.globalInstance()
        self._running: set[Task] = set()
        self._stopping = False

    def start(
        self,
        work: Callable[[Job], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[str, str], None],
        on_cancel: Callable[[], None] | None = None,
        progress: QProgressDialog | None = None,
        on_discard: Callable[[Any], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        before_start: Callable[[Task], None] | None = None,
    ) -> Task:
        """Run ``work`` in the pool; its end reaches one of the callbacks in this thread.

        A task dropped by :meth:`cancel_all` or :meth:`stop` reports to none of
        them; a result it still returns goes to ``on_discard``, to free what it holds.
        ``on_progress`` hears the job's reports in this thread (a window's own bar);
        ``before_start`` sees the task before it runs (a test that holds it, say).
        """
        task = Task(work)
        self._running.add(task)
        connection = Qt.ConnectionType.QueuedConnection

        def finish() -> None:
            self._running.discard(task)
            if progress is not None:
                progress.reset()
                progress.hide()
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", RuntimeWarning)
                    with contextlib.suppress(RuntimeError, TypeError):
                        progress.canceled.disconnect(task.cancel)
            # Not from inside the task's own signal: once this slot has returned.
            QTimer.singleShot(0, task.release)
            if not self._running:
                self.idle.emit()

        def wanted() -> bool:
            return not (self._stopping or task.dropped)

        def succeeded(result: Any) -> None:
            finish()
            if wanted():
                on_success(result)
            elif on_discard is not None:
                on_discard(result)

        def failed(message: str, trace: str) -> None:
            finish()
            if wanted():
                on_failure(message, trace)
            else:
                print(f"after its cancel: {message}\n{trace}", file=sys.stderr)  # never lost

        def cancelled() -> None:
            finish()
            if on_cancel is not None and wanted():
                on_cancel()

        task.signals.succeeded.connect(succeeded, connection)
        task.signals.failed.connect(failed, connection)
        task.signals.cancelled.connect(cancelled, connection)
        if progress is not None:
            task.signals.progress.connect(
                lambda done, total, message: _show_progress(progress, done, total, message),
                connection,
            )
            progress.canceled.connect(task.cancel)
            progress.show()
        if on_progress is not None:
            task.signals.progress.connect(on_progress, connection)
        if before_start is not None:
            before_start(task)
        self.started.emit(task)
        self.pool.start(task)
        return task

    def running(self) -> int:
        return len(self._running)

    def busy(self) -> bool:
        """Whether any task's work has not returned yet (its transaction may be open)."""
        return any(not task.done.is_set() for task in self._running)

    def cancel_all(self) -> None:
        """Cancel every running task and drop its result (the workspace is replaced).

        Each Job raises Cancelled at its next step, so a write leaves its
        ``with workspace.transaction()`` by that exception and rolls back; work
        that takes no steps runs to its end. Tasks started later run as usual.
        """
        for task in list(self._running):
            task.dropped = True
            task.cancel()

    def stop(self) -> None:
        """:meth:`cancel_all`, and no result ever reaches the window again (it closes).

        Failures still reach stderr.
        """
        self._stopping = True
        self.cancel_all()

    def wait(self, msecs: int = 30000) -> bool:
        """Block until this runner's tasks have returned (not the whole pool's); True if so."""
        deadline = None if msecs < 0 else time.monotonic() + msecs / 1000
        for task in list(self._running):
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not task.done.wait(left):
                return False
        return True


def _show_progress(dialog: QProgressDialog, done: int, total: int, message: str) -> None:
    dialog.setMaximum(max(total, 1))
    dialog.setValue(min(done, max(total, 1)))
    if message:
        dialog.setLabelText(message)


def progress_dialog(parent: QWidget, title: str, label: str) -> QProgressDialog:
    cancel = QCoreApplication.translate("Workers", "Cancel")
    dialog = QProgressDialog(label, cancel, 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    return dialog
