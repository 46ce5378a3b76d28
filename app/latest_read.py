"""A flow's reads into its window, the latest one's answer only.

A flow reads its park's figures in the worker pool whenever its window asks (opening,
after a write, Refresh). A read started later supersedes one still running, and a
window or workspace closed drops what is still to come: an answer that arrives then
would show figures of another moment, or of nothing. :class:`LatestRead` is the
count each flow kept for this and its check, in one place (the invoice list and the
collections list use it; the other flows still keep a ``_serial`` of their own).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.workers import Job, TaskRunner


class LatestRead:
    """The reads of one window: only the latest one's answer is shown."""

    def __init__(self) -> None:
        self._serial = 0

    def drop(self) -> None:
        """Whatever a read still to answer says is dropped (the window or the workspace
        closed)."""
        self._serial += 1

    def start(self, tasks: TaskRunner, work: Callable[[Job], Any],
              shown: Callable[[Any], None], failed: Callable[[str], None],
              alive: Callable[[], bool] = lambda: True) -> None:
        """Read with ``work`` in the pool, superseding any read before: ``shown(answer)``,
        or ``failed(message)`` said in the reader's words, unless by then another read
        started, :meth:`drop` was called, or ``alive()`` is False (its window went)."""
        self._serial += 1
        serial = self._serial

        def current() -> bool:
            return serial == self._serial and alive()

        def answered(answer: Any) -> None:
            if current():
                shown(answer)

        def not_read(message: str, _trace: str) -> None:
            if current():
                failed(message)

        tasks.start(work, on_success=answered, on_failure=not_read)
