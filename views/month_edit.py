"""A month chosen: shown ``yyyy-MM`` with a calendar to pick from, read as its first day
(the Meters window's month, the shared statement's)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget


class MonthEdit(QDateEdit):
    """A month, as its first day."""

    def __init__(self, month: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("month")
        self.setDisplayFormat("yyyy-MM")
        self.setCalendarPopup(True)
        self.set_month(month)

    def month(self) -> date:
        chosen = self.date()
        return date(chosen.year(), chosen.month(), 1)

    def set_month(self, month: date) -> None:
        self.setDate(QDate(month.year, month.month, 1))
