"""The floor's findings: overlapping units, gaps, slivers, units outside, areas that differ.

The panel lists what :func:`spatial.validation.validate_floor` found on the
floor shown, one line each in the person's language, with a count; choosing a
line emits its position so the app zooms the plan to it and selects its units.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from views.labels import area_text

FINDING = Qt.ItemDataRole.UserRole  # an item's position in the findings shown


class ValidationPanel(QWidget):
    """Findings of the floor shown; a click on one emits ``findingChosen``."""

    findingChosen = Signal(int)  # the finding's position in the list given

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count_label = QLabel(self)
        self.count_label.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.count_label)
        layout.addWidget(self.list, 1)
        self._findings: list[Any] = []
        self._names: list[str] = []
        self._message: str | None = ""  # shown instead of findings (no floor plan shown)
        self.list.itemClicked.connect(self._chosen)
        self.list.itemActivated.connect(self._chosen)
        self._show()

    def show_findings(self, findings: Sequence[Any], names: Sequence[str]) -> None:
        """List ``findings`` (``spatial.validation.Finding``); ``names[i]`` names unit ``i``."""
        self._findings, self._names, self._message = list(findings), list(names), None
        self._show()

    def show_message(self, text: str) -> None:
        """Say why nothing is checked (no floor plan shown)."""
        self._findings, self._names, self._message = [], [], text
        self._show()

    def findings(self) -> list[Any]:
        return list(self._findings)

    def texts(self) -> list[str]:
        """The lines shown, in order."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def finding_text(self, finding: Any) -> str:
        """One finding in words: what is wrong, which units, how much."""
        units = ", ".join(self._name(i) for i in finding.units)
        params = dict(getattr(finding, "params", {}) or {})
        area = _area(finding.area)
        code = finding.code
        if code == "overlap":
            return self.tr("Overlap: %1 share %2 m²").replace("%1", units).replace("%2", area)
        if code == "gap":
            if units:
                return (self.tr("Gap of %1 m² between %2").replace("%1", area)
                        .replace("%2", units))
            return self.tr("Gap of %1 m² between units").replace("%1", area)
        if code == "sliver":
            width = params.get("width")
            if width:
                return (self.tr("Sliver: %1 is only %2 m wide (at least %3 m)")
                        .replace("%1", units).replace("%2", _number(width))
                        .replace("%3", _number(params.get("min", ""))))
            return self.tr("Sliver: %1 is too narrow").replace("%1", units)
        if code == "outside":
            return (self.tr("Outside: %1 lies %2 m² outside the floor outline")
                    .replace("%1", units).replace("%2", area))
        if code == "areas-differ":
            return (self.tr("Area: %1 is stated as %2 m² but drawn as %3 m²")
                    .replace("%1", units).replace("%2", _area(params.get("stated")))
                    .replace("%3", _area(params.get("computed", finding.area))))
        return f"{code}: {units} ({area} m²)"

    # -- internals -------------------------------------------------------------------

    def _name(self, i: int) -> str:
        return self._names[i] if 0 <= i < len(self._names) else f"#{i + 1}"

    def _show(self) -> None:
        self.list.clear()
        if self._message is not None:
            self.count_label.setText(self._message)
            return
        count = len(self._findings)
        self.count_label.setText(
            self.tr("No problems found on this floor") if count == 0
            else self.tr("Findings on this floor: %1").replace("%1", str(count)))
        for i, finding in enumerate(self._findings):
            item = QListWidgetItem(self.finding_text(finding))
            item.setData(FINDING, i)
            self.list.addItem(item)

    def _chosen(self, item: QListWidgetItem) -> None:
        self.findingChosen.emit(int(item.data(FINDING)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show()
        super().changeEvent(event)


def _area(value: object) -> str:
    """An area as the plan's other figures show it (m² to 0.01); the text as given else."""
    if value is None or value == "":
        return "—"
    try:
        return area_text(Decimal(str(value)))
    except InvalidOperation:
        return str(value)


def _number(value: object) -> str:
    try:
        return f"{Decimal(str(value)):.2f}"
    except InvalidOperation:
        return str(value)
