"""Paper, orientation and how a stacking plan is cut, for a map's PDF or image export."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QWidget,
)


class PageOptionsDialog(QDialog):
    """A4 or A3, landscape or portrait, and whether a tower goes on one page.

    A tower is printed over as many pages as keep its labels readable; on A3
    it fits on one page instead, as long as its labels stay 6 pt or larger.
    The one-page box follows the paper until the user sets it.
    """

    def __init__(self, parent: QWidget | None = None, size: str = "A4",
                 landscape: bool = True, one_page: bool | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Page"))
        self.size_combo = QComboBox(self)
        for name in ("A4", "A3"):
            self.size_combo.addItem(name, name)
        self.size_combo.setCurrentIndex(max(0, self.size_combo.findData(size)))
        self.orientation_combo = QComboBox(self)
        self.orientation_combo.addItem(self.tr("Landscape"), True)
        self.orientation_combo.addItem(self.tr("Portrait"), False)
        self.orientation_combo.setCurrentIndex(0 if landscape else 1)
        self.one_page_box = QCheckBox(
            self.tr("Whole stacking plan on one page (labels stay 6 pt or larger)"), self)
        self._one_page_set = one_page is not None
        self.one_page_box.setChecked(self.paper() == "A3" if one_page is None else one_page)
        self.one_page_box.clicked.connect(self._one_page_chosen)
        self.size_combo.currentIndexChanged.connect(self._paper_changed)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Paper"), self.size_combo)
        form.addRow(self.tr("Orientation"), self.orientation_combo)
        form.addRow(self.one_page_box)
        form.addRow(buttons)

    def paper(self) -> str:
        return str(self.size_combo.currentData())

    def landscape(self) -> bool:
        return bool(self.orientation_combo.currentData())

    def one_page(self) -> bool:
        return self.one_page_box.isChecked()

    def _one_page_chosen(self) -> None:
        self._one_page_set = True

    def _paper_changed(self) -> None:
        if not self._one_page_set:
            self.one_page_box.setChecked(self.paper() == "A3")
