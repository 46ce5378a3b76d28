"""A day's text as records, reasons and bill numbers carry it: ISO 8601 (``2026-12-01``).

``ISO_DAYS[day]`` is ``day.isoformat()``, made once per day: ``isoformat`` formats through
C's printf, five times the cost of the look-up, and a billing run writes the same few
hundred days (period starts, due days, escalation days) tens of thousands of times.

>>> from datetime import date
>>> ISO_DAYS[date(2026, 12, 1)]
'2026-12-01'
"""

from __future__ import annotations

from datetime import date

_KEPT = 100_000  # days remembered at most (a century of days is 36,525): then forgotten


class _DayTexts(dict[date, str]):
    def __missing__(self, day: date) -> str:
        if len(self) >= _KEPT:
            self.clear()
        text = self[day] = day.isoformat()
        return text


ISO_DAYS = _DayTexts()
