"""A posted bill and what it is made of: each line with its period, amount and reasons.

The billing run explains every bill before it is posted; once posted, a clerk answering a
tenant ("why is March 12,540.00?", "which bill is this late fee on?") reads the same words
here, for any bill of the invoice list (Bill lines…, or a double click). The dialog is
handed the bill as ``views.billing_run_dialog.BillRow`` (the app reads it) and says it in
the billing run's words (:func:`views.billing_run_dialog.explanation_html`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from views.billing_run_dialog import BillRow, explanation_html


class BillLinesDialog(QDialog):
    """One posted bill explained; read-only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bill-lines-dialog")
        self.row: BillRow | None = None
        self.currency = ""
        self.text = QTextBrowser(self)
        self.text.setObjectName("explanation")
        self.text.setOpenLinks(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 480)
        self._retranslate()

    def set_bill(self, row: BillRow, currency: str) -> None:
        self.row, self.currency = row, currency
        self._retranslate()

    def set_failed(self, text: str) -> None:
        self.row = None
        self.text.setPlainText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        if self.row is None:
            self.setWindowTitle(self.tr("Bill"))
            if not self.text.toPlainText():
                self.text.setPlainText(self.tr("Reading the bill…"))
            return
        self.setWindowTitle(self.tr("Bill %1").replace("%1", self.row.number))
        self.text.setHtml(explanation_html(self.row, self.currency))
