"""Paper size and orientation for a PDF export."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QWidget


class PageOptionsDialog(QDialog):
    """A4 or A3, landscape or portrait: what a printed rent-control map needs."""

    def __init__(self, parent: QWidget | None = None, size: str = "A4",
                 landscape: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Page"))
        self.size_combo = QComboBox(self)
        for name in ("A4", "A3"):
            self.size_combo.addItem(name, name)
        self.size_combo.setCurrentIndex(self.size_combo.findData(size))
        self.orientation_combo = QComboBox(self)
        self.orientation_combo.addItem(self.tr("Landscape"), True)
        self.orientation_combo.addItem(self.tr("Portrait"), False)
        self.orientation_combo.setCurrentIndex(0 if landscape else 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Paper"), self.size_combo)
        form.addRow(self.tr("Orientation"), self.orientation_combo)
        form.addRow(buttons)

    def paper(self) -> str:
        return str(self.size_combo.currentData())

    def landscape(self) -> bool:
        return bool(self.orientation_combo.currentData())
