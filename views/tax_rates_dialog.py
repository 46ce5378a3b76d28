"""Billing ▸ Tax rates…: the park's VAT rate per charge, where it differs from the default.

A row per charge kind (rent, property fee, utilities, late fees, deposits …, and any
charge code the park set a rate of its own for): the default table's rate, greyed,
and the park's own — typed as a percentage (9 or 9%), or "exempt" ticked. A row the
park has not set shows its default greyed in the empty box; Default takes a row back
to it, Reset all takes every row back. A row that differs from the default is bold.

The dialog shows and asks. The app hands it the park's settings
(:meth:`TaxRatesDialog.set_settings`, ``services.finance_settings.TaxSettings``
duck-typed); OK emits :attr:`TaxRatesDialog.save_requested` with the overrides as
the service takes them (charge → rate as a fraction's text, or "exempt"; a row at its
default left out); the app saves them and closes the dialog (:meth:`saved`), or says
why not (:meth:`refused`, :func:`tax_refusal_text`) and it stays open. A box holding
text that is no percentage is sent as typed: the service refuses it, naming it.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from domain.billing.invoices import EXEMPT, rate_text
from views.message_text import message_text
from views.settings_dialog import SettingsDialog

translate = QCoreApplication.translate
MUTED_COLOUR = "#6b6b6b"
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CHARGE_COL, DEFAULT_COL, RATE_COL, EXEMPT_COL, RESET_COL = range(5)


def tax_charge_text(charge: str) -> str:
    """A charge kind in words; a charge code ("service:空调") by its own name and kind."""
    kind, _, name = charge.partition(":")
    words = {
        "rent": lambda: translate("TaxRates", "Rent"),
        "parking": lambda: translate("TaxRates", "Parking"),
        "property_fee": lambda: translate("TaxRates", "Property fee"),
        "service": lambda: translate("TaxRates", "Services"),
        "other": lambda: translate("TaxRates", "Other charges"),
        "electricity": lambda: translate("TaxRates", "Electricity"),
        "water": lambda: translate("TaxRates", "Water"),
        "gas": lambda: translate("TaxRates", "Gas"),
        "heat": lambda: translate("TaxRates", "Heating"),
        "late_fee": lambda: translate("TaxRates", "Late fees"),
        "deposit": lambda: translate("TaxRates", "Deposits"),
    }
    said = words[kind]() if kind in words else kind
    return translate("TaxRates", "%1 (%2)").replace("%1", name).replace("%2", said) if name \
        else said


def percent_text(rate: Decimal) -> str:
    """0.09 → ``9``, 0.055 → ``5.5``: a fraction as a percentage without trailing zeros."""
    return rate_text(rate * 100)


def rate_of(text: str) -> str | None:
    """A rate typed as a percentage (``9``, ``9%``, full-width ``９％``) as the fraction's
    text the service takes ("0.09"); None for nothing typed; the text as typed when it is
    no number (the service refuses it, naming it)."""
    bare = unicodedata.normalize("NFKC", text).strip()
    if not bare:
        return None
    number = bare.removesuffix("%").strip().replace(" ", "")
    try:
        percent = Decimal(number)
    except InvalidOperation:
        return bare
    return bare if not percent.is_finite() else rate_text(percent / 100)


def tax_refusal_text(error: Any) -> str:
    """A refused save in the reader's words, each charge by its name, one a line."""
    parts = list(getattr(error, "parts", None) or ())
    if not parts:
        return message_text(error)
    lines = []
    for part in parts:
        params = dict(getattr(part, "params", {}) or {})
        if "charge" in params:
            params["charge"] = tax_charge_text(params["charge"])
        lines.append(message_text({"code": part.code, "params": params,
                                   "message": getattr(part, "message", "")}))
    return "\n".join(lines)


class TaxRatesDialog(SettingsDialog):
    """The park's VAT rate per charge: each row its default (greyed) and the park's own."""

    save_requested = Signal(object)  # {charge: "0.05" | "exempt"}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tax-rates-dialog")
        self.settings: list[Any] = []  # services.finance_settings.TaxRateSetting
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.box = QGroupBox(self)
        self.grid = QGridLayout(self.box)
        self.column_labels = [QLabel(self.box) for _ in range(4)]
        for column, label in enumerate(self.column_labels):
            self.grid.addWidget(label, 0, column,
                                _RIGHT if column in (DEFAULT_COL, RATE_COL)
                                else Qt.AlignmentFlag.AlignLeft)
        self.grid.setColumnStretch(CHARGE_COL, 1)
        self.grid.setHorizontalSpacing(14)
        self.charge_labels: dict[str, QLabel] = {}
        self.default_labels: dict[str, QLabel] = {}
        self.edits: dict[str, QLineEdit] = {}
        self.exempt_boxes: dict[str, QCheckBox] = {}
        self.reset_buttons: dict[str, QPushButton] = {}
        self.reset_all_button = QPushButton(self)
        self.reset_all_button.setObjectName("reset-all")
        self.reset_all_button.clicked.connect(self.reset_all)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.reset_all_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.box)
        layout.addLayout(bottom)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._hint = ""  # what the status line says of an unticked exempt row, if it does
        self._retranslate()

    # -- in ------------------------------------------------------------------------------

    def set_settings(self, settings: Any) -> None:
        """The park's rates as stored (``TaxSettings``-like: ``settings`` rows with
        ``charge``, ``default_rate``, ``default_exempt`` and ``own``)."""
        for widgets in (self.charge_labels, self.default_labels, self.edits,
                        self.exempt_boxes, self.reset_buttons):
            for widget in widgets.values():
                self.grid.removeWidget(widget)
                widget.deleteLater()
            widgets.clear()
        self.settings = list(settings.settings)
        for row, setting in enumerate(self.settings, start=1):
            charge = setting.charge
            label = self.charge_labels[charge] = QLabel(self.box)
            default = self.default_labels[charge] = QLabel(self.box)
            default.setStyleSheet(f"color: {MUTED_COLOUR}")
            edit = self.edits[charge] = QLineEdit(self.box)
            edit.setObjectName(f"rate-{charge}")
            edit.setAlignment(_RIGHT)
            edit.setMaximumWidth(self.fontMetrics().averageCharWidth() * 12)
            own = setting.own
            edit.setText(percent_text(own) if isinstance(own, Decimal) else "")
            edit.textChanged.connect(self._changed)
            label.setBuddy(edit)
            exempt = self.exempt_boxes[charge] = QCheckBox(self.box)
            exempt.setObjectName(f"exempt-{charge}")
            exempt.setChecked(setting.exempt)
            exempt.toggled.connect(self._changed)
            reset = self.reset_buttons[charge] = QPushButton(self.box)
            reset.setObjectName(f"reset-{charge}")
            reset.clicked.connect(lambda _checked=False, c=charge: self.reset(c))
            self.grid.addWidget(label, row, CHARGE_COL)
            self.grid.addWidget(default, row, DEFAULT_COL, _RIGHT)
            self.grid.addWidget(edit, row, RATE_COL, _RIGHT)
            self.grid.addWidget(exempt, row, EXEMPT_COL)
            self.grid.addWidget(reset, row, RESET_COL)
        self._retranslate()

    def inputs(self) -> list[QWidget]:
        return [self.box]

    # -- what is chosen ------------------------------------------------------------------

    def value(self, charge: str) -> str | None:
        """The row's override as the service takes it: "exempt", a fraction's text, the text
        typed when it is no percentage, or None when the row keeps its default."""
        setting = next(s for s in self.settings if s.charge == charge)
        if self.exempt_boxes[charge].isChecked():
            return None if setting.default_exempt else EXEMPT
        typed = rate_of(self.edits[charge].text())
        if typed is None:
            # Unticked with nothing typed: a charge exempt by default stays so (there is
            # no rate to tax it at); any other keeps its default rate.
            return None
        return typed

    def overrides(self) -> dict[str, str]:
        """Every row's own value; the rows at their default left out. A rate typed equal to
        the default is sent too (the service stores it as no override)."""
        found = {}
        for setting in self.settings:
            value = self.value(setting.charge)
            if value is not None:
                found[setting.charge] = value
        return found

    def is_own(self, charge: str) -> bool:
        """Whether the row differs from its default, as typed."""
        setting = next(s for s in self.settings if s.charge == charge)
        value = self.value(charge)
        if value is None:
            return False
        if value == EXEMPT:
            return not setting.default_exempt
        return setting.default_rate is None or value != rate_text(setting.default_rate)

    # -- actions -------------------------------------------------------------------------

    def set_rate(self, charge: str, percent: str) -> None:
        """Type ``percent`` (9 for 9 %) into the row's box (its exempt tick cleared)."""
        self.exempt_boxes[charge].setChecked(False)
        self.edits[charge].setText(percent)

    def set_exempt(self, charge: str, exempt: bool = True) -> None:
        self.exempt_boxes[charge].setChecked(exempt)

    def reset(self, charge: str) -> None:
        """The row back to its default."""
        setting = next(s for s in self.settings if s.charge == charge)
        self.edits[charge].setText("")
        self.exempt_boxes[charge].setChecked(setting.default_exempt)

    def reset_all(self) -> None:
        for setting in self.settings:
            self.reset(setting.charge)

    def accept(self) -> None:
        """Ask the app to save the rates as typed."""
        if self._saving or self._reading:
            return
        self._saving = True
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.set_status(self.tr("Saving…"))
        self.save_requested.emit(self.overrides())

    # -- showing -------------------------------------------------------------------------

    def _changed(self, *_args: object) -> None:
        for setting in self.settings:
            charge = setting.charge
            own = self.is_own(charge)
            exempt = self.exempt_boxes[charge].isChecked()
            self.edits[charge].setEnabled(not exempt)
            self.reset_buttons[charge].setEnabled(own)
            font = self.charge_labels[charge].font()
            font.setBold(own)
            self.charge_labels[charge].setFont(font)
        self.reset_all_button.setEnabled(any(self.is_own(s.charge) for s in self.settings)
                                         and not self._reading)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            not self._saving and not self._reading and bool(self.settings))
        untaxed = [s.charge for s in self.settings if s.default_exempt
                   and not self.exempt_boxes[s.charge].isChecked()
                   and not self.edits[s.charge].text().strip()]
        if untaxed and not self._saving:
            self._hint = self.tr("Type a rate for %1, or tick exempt: it stays exempt "
                                 "without one.").replace("%1", tax_charge_text(untaxed[0]))
            self.set_status(self._hint)
        elif self._hint and self.status.text() == self._hint:
            self._hint = ""
            self.set_status("")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Tax rates"))
        self.intro.setText(self.tr(
            "The VAT rate of each charge, as invoices are issued at it. A rate left empty is "
            "the default, shown greyed; type the park's own as a percentage (9 for 9%), or "
            "tick exempt for a charge not invoiced. Invoices already issued keep their rate."))
        self.box.setTitle(self.tr("VAT rates"))
        for label, text in zip(self.column_labels, (
                self.tr("Charge"), self.tr("Default"), self.tr("Park's rate"),
                self.tr("Exempt")), strict=True):
            label.setText(text)
        for setting in self.settings:
            charge = setting.charge
            self.charge_labels[charge].setText(tax_charge_text(charge))
            default = (self.tr("exempt") if setting.default_exempt or setting.default_rate
                       is None else f"{percent_text(setting.default_rate)}%")
            self.default_labels[charge].setText(default)
            self.edits[charge].setPlaceholderText(
                "" if setting.default_rate is None else f"{percent_text(setting.default_rate)}%")
            self.exempt_boxes[charge].setText(self.tr("exempt"))
            self.reset_buttons[charge].setText(self.tr("Default"))
        self.reset_all_button.setText(self.tr("Reset all to default"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._changed()
