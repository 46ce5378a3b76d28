"""Asks for the park a new workspace holds: its name, code and currency.

A workspace without a park cannot take a drawing (an import goes into the only
park), so New workspace asks for it. The dialog only asks; the app writes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from views.labels import currency_name

CURRENCIES = ("CNY", "HKD", "USD", "EUR")
CODE_LIMIT = 16  # store.schema.Park.code
NAME_LIMIT = 200  # store.schema.Park.name


class NewParkDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new-park-dialog")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(NAME_LIMIT)
        self.code_edit = QLineEdit(self)
        self.code_edit.setMaxLength(CODE_LIMIT)
        # Unit codes start with it (ZD-A-0101): letters, digits and dashes, no spaces.
        self.code_edit.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"[A-Za-z0-9][A-Za-z0-9-]*"), self.code_edit))
        self.currency_combo = QComboBox(self)
        for code in CURRENCIES:
            self.currency_combo.addItem("", code)
        self.currency_combo.setCurrentIndex(0)  # CNY
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.name_label, self.code_label, self.currency_label = (
            QLabel(self), QLabel(self), QLabel(self))
        self.form.addRow(self.name_label, self.name_edit)
        self.form.addRow(self.code_label, self.code_edit)
        self.form.addRow(self.currency_label, self.currency_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._update_ok)
        self.code_edit.textChanged.connect(self._update_ok)
        self._retranslate()
        self._update_ok()

    def park(self) -> tuple[str, str, str]:
        """The park asked for: name, code (upper case, as unit codes carry it), currency."""
        return (self.name_edit.text().strip(), self.code_edit.text().strip().upper(),
                str(self.currency_combo.currentData()))

    def _update_ok(self) -> None:
        name, code, _currency = self.park()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(name) and bool(code) and self.code_edit.hasAcceptableInput())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("New park"))
        self.intro.setText(self.tr(
            "A workspace holds a park; floor plans are imported into it. "
            "Name the park this workspace is for."))
        self.name_label.setText(self.tr("Park name"))
        self.code_label.setText(self.tr("Park code"))
        self.code_edit.setPlaceholderText(self.tr("e.g. ZD; unit codes start with it"))
        self.currency_label.setText(self.tr("Currency"))
        for index, code in enumerate(CURRENCIES):
            self.currency_combo.setItemText(index, currency_name(code))
