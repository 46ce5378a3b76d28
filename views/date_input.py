"""The As-of date: a day picked applies at once, a day being typed when it is complete.

A 20,000-unit park is read again for each new day, so the edit does not say
"the date changed" on every keystroke: ``2025`` typed over the year is already
a valid date while the person goes on to the month. A change made by typing
(or by the arrow keys or the wheel) is reported once the field has been quiet
for ``TYPING_MS`` and holds a whole date; Enter or leaving the field reports it
at once. A day picked in the calendar popup, or set by the program, is
reported at once.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import QDateEdit, QWidget

TYPING_MS = 300


class AsOfDateEdit(QDateEdit):
    dayChosen = Signal(object)  # datetime.date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._typing = 0  # inside a key press or wheel turn on the field
        self._chosen: date | None = None
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(TYPING_MS)
        self._quiet.timeout.connect(self._settle)
        self.dateChanged.connect(self._changed)
        self.editingFinished.connect(self._settle)

    def chosen(self) -> date | None:
        """The last day reported."""
        return self._chosen

    def waiting(self) -> bool:
        """Whether a typed change waits for the typing to end."""
        return self._quiet.isActive()

    def complete(self) -> bool:
        """Whether the text is a whole date, the one the field holds (not half typed)."""
        parsed = QDate.fromString(self.lineEdit().text(), self.displayFormat())
        return parsed.isValid() and parsed == self.date()

    def keyPressEvent(self, event: Any) -> None:
        self._typing += 1
        try:
            super().keyPressEvent(event)
        finally:
            self._typing -= 1

    def wheelEvent(self, event: Any) -> None:
        self._typing += 1
        try:
            super().wheelEvent(event)
        finally:
            self._typing -= 1

    def _changed(self, day: QDate) -> None:
        if self._typing:
            self._quiet.start()  # again from the start with each keystroke
            return
        self._quiet.stop()
        self._report(day.toPython())

    def _settle(self) -> None:
        self._quiet.stop()
        if self.complete():
            self._report(self.date().toPython())
        # else: half typed; the keystroke that completes it, or leaving the field, reports

    def _report(self, day: date) -> None:
        if day != self._chosen:
            self._chosen = day
            self.dayChosen.emit(day)
