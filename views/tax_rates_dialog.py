"""Billing ▸ Tax rates…: the park's VAT rate per charge, where it differs from the default.

A row per charge kind (rent, property fee, utilities, late fees, deposits …), then one
per charge code the park bills or set a rate for ("service:空调费": a contract's charge
under a name of its own): the rate it has without one of its own, greyed, and the
park's own — typed as a percentage (9 or 9%), or "exempt" ticked. A kind's row not set
shows its default greyed in the empty box; a code's shows its kind's, as typed in the
dialog. Default takes a kind back to it; Remove takes a code's own rate away (a code no
contract bills leaves the list); Reset all does both for every row. A row that differs
from the default is bold. A charge the park bills that has no rate at all (of a kind the
rules do not know, "装修押金" billed by another program) is marked "no rate" and named
below the list: invoices for it are refused until its row is given a rate or ticked
exempt, as any code's. One whose code no rate can be set for (malformed) is listed
without a box, and said so.

Add charge… asks for a code and its rate (or exempt): the service's rules read the code
and check both (``TaxSettings.new_charge``, refusals in words), and the row joins the
list to be saved with the rest.

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
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from domain.billing.invoices import CHARGE_CODE_LIMIT, CHARGE_KINDS, EXEMPT, parse_rate, rate_text
from runtime.messages import UserError
from views.message_text import message_text
from views.settings_dialog import WARNING_COLOUR, SettingsDialog
from views.settings_figures import MUTED_COLOUR, RIGHT, percent_text, typed_percent

translate = QCoreApplication.translate
CHARGE_COL, DEFAULT_COL, RATE_COL, EXEMPT_COL, RESET_COL = range(5)
KIND_CODES = CHARGE_KINDS  # the rows of kinds; any other row is a charge code's
VISIBLE_ROWS = 18  # rows shown before the list scrolls


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


def rate_of(text: str) -> str | None:
    """A rate typed as a percentage (``9``, ``9%``, full-width ``９％``) as the fraction's
    text the service takes ("0.09"); None for nothing typed; the text as typed when it is
    no number (the service refuses it, naming it)."""
    bare = unicodedata.normalize("NFKC", text).strip()
    if not bare:
        return None
    try:
        percent = typed_percent(bare)
    except ValueError:
        return bare
    return bare if percent is None else rate_text(percent / 100)  # "%" alone: as typed


# What the service says of a charge code typed (services.finance_settings._code_problems);
# the refusal that carries them, "tax-charge-refused", is said part by part, as here.
CODE_TEXTS = {
    "tax-charge-empty": lambda: translate(
        "TaxRates", "Type the charge's code: its kind, a colon and its name (service:空调费)"),
    "tax-charge-name": lambda: translate(
        "TaxRates", "%1: name the charge after the colon, as its contracts do "
        "(service:空调费)"),
    "tax-charge-long": lambda: translate(
        "TaxRates", "%1: a charge's code is at most %2 characters"),
    "tax-charge-malformed": lambda: translate(
        "TaxRates", "“%1”: a charge's code has no spaces around its kind, nor characters "
        "that are not text"),
}

# A code refused for what it is, not its rate, is said as typed: its words would hide what
# is wrong with it ("service:" is no "Services").
AS_TYPED = frozenset({*CODE_TEXTS, "tax-rate-charge"})


def tax_refusal_text(error: Any) -> str:
    """A refused save in the reader's words, each charge by its name, one a line."""
    parts = list(getattr(error, "parts", None) or ())
    if not parts:
        return message_text(error)
    lines = []
    for part in parts:
        params = dict(getattr(part, "params", {}) or {})
        if "charge" in params and part.code not in AS_TYPED:
            params["charge"] = tax_charge_text(params["charge"])
        said = CODE_TEXTS.get(part.code)
        lines.append(said().replace("%1", params.get("charge", "")).replace(
            "%2", params.get("limit", "")) if said is not None
            else message_text({"code": part.code, "params": params,
                               "message": getattr(part, "message", "")}))
    return "\n".join(lines)


class AddChargeDialog(QDialog):
    """Add charge…: a code and its rate (or exempt), checked by ``check`` (the service's
    ``TaxSettings.new_charge``) before it joins the list; a refusal said here, in words."""

    def __init__(self, check: Callable[[str, str | None], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("add-charge-dialog")
        self.check = check
        self.added: Any = None  # the row the service made of what was typed
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.code = QLineEdit(self)
        self.code.setObjectName("new-charge-code")
        self.code.setPlaceholderText("service:空调费")
        self.rate = QLineEdit(self)
        self.rate.setObjectName("new-charge-rate")
        self.rate.setMaximumWidth(self.fontMetrics().averageCharWidth() * 12)
        self.exempt = QCheckBox(self)
        self.exempt.setObjectName("new-charge-exempt")
        self.exempt.toggled.connect(lambda on: self.rate.setEnabled(not on))
        self.code_label, self.rate_label = QLabel(self), QLabel(self)
        self.code_label.setBuddy(self.code)
        self.rate_label.setBuddy(self.rate)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setStyleSheet(f"color: {WARNING_COLOUR}")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        rate_row = QHBoxLayout()
        rate_row.addWidget(self.rate)
        rate_row.addWidget(self.exempt)
        rate_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.code_label, self.code)
        form.addRow(self.rate_label, rate_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._retranslate()

    def value(self) -> str | None:
        """The rate typed as the service takes it, "exempt", or None for nothing typed."""
        return EXEMPT if self.exempt.isChecked() else rate_of(self.rate.text())

    def accept(self) -> None:
        """The service reads the code and checks it with its rate; refused, it says why."""
        value = self.value()
        if value is None:
            self.status.setText(self.tr("Type its rate, or tick exempt."))
            return
        try:
            self.added = self.check(self.code.text(), value)
        except UserError as refused:
            self.status.setText(tax_refusal_text(refused))
            return
        super().accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add charge"))
        self.hint.setText(self.tr(
            "A charge's code as its bills carry it: its kind, a colon, and the name its "
            "contracts give it (service:空调费). Its rate here replaces its kind's.")
            + "\n" + self.tr("Kinds: %1").replace("%1", ", ".join(KIND_CODES)))
        self.code_label.setText(self.tr("&Code"))
        self.rate_label.setText(self.tr("&Rate"))
        self.exempt.setText(self.tr("exempt"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))


class TaxRatesDialog(SettingsDialog):
    """The park's VAT rate per charge: each row its default (greyed) and the park's own."""

    save_requested = Signal(object)  # {charge: "0.05" | "exempt"}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tax-rates-dialog")
        self.source: Any = None  # services.finance_settings.TaxSettings, as read
        self.settings: list[Any] = []  # its TaxRateSetting rows, and the charges added
        self.adding: AddChargeDialog | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.box = QGroupBox(self)
        self.grid = QGridLayout(self.box)
        self.column_labels = [QLabel(self.box) for _ in range(4)]
        for column, label in enumerate(self.column_labels):
            self.grid.addWidget(label, 0, column,
                                RIGHT if column in (DEFAULT_COL, RATE_COL)
                                else Qt.AlignmentFlag.AlignLeft)
        self.grid.setColumnStretch(CHARGE_COL, 1)
        self.grid.setHorizontalSpacing(14)
        # a park billing many charges under names of their own scrolls, the buttons stay
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.box)
        self.charge_labels: dict[str, QLabel] = {}
        self.default_labels: dict[str, QLabel] = {}
        self.edits: dict[str, QLineEdit] = {}
        self.exempt_boxes: dict[str, QCheckBox] = {}
        self.reset_buttons: dict[str, QPushButton] = {}
        self.unrated_note = QLabel(self)
        self.unrated_note.setWordWrap(True)
        self.unrated_note.setStyleSheet(f"color: {WARNING_COLOUR}")
        self.unrated_note.hide()
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("add-charge")
        self.add_button.clicked.connect(self.add_charge)
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
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        bottom.addWidget(self.reset_all_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.unrated_note)
        layout.addLayout(bottom)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._hint = ""  # what the status line says of an unticked exempt row, if it does
        self._retranslate()

    # -- in ------------------------------------------------------------------------------

    def set_settings(self, settings: Any) -> None:
        """The park's rates as stored (``TaxSettings``-like: ``settings`` rows with
        ``charge``, ``default_rate``, ``default_exempt``, ``own``, ``charged``,
        ``inherits``, ``settable`` and ``unrated``; ``new_charge`` checks a code typed)."""
        self.source = settings
        self.settings = list(settings.settings)
        self._build({})

    def _build(self, typed: dict[str, tuple[str, bool]]) -> None:
        """A row per setting, each showing what ``typed`` holds for it (else as stored)."""
        for widgets in (self.charge_labels, self.default_labels, self.edits,
                        self.exempt_boxes, self.reset_buttons):
            for widget in widgets.values():
                self.grid.removeWidget(widget)
                widget.hide()  # gone now, not when the event loop deletes it
                widget.deleteLater()
            widgets.clear()
        for row, setting in enumerate(self.settings, start=1):
            charge = setting.charge
            label = self.charge_labels[charge] = QLabel(self.box)
            default = self.default_labels[charge] = QLabel(self.box)
            edit = self.edits[charge] = QLineEdit(self.box)
            edit.setObjectName(f"rate-{charge}")
            edit.setAlignment(RIGHT)
            edit.setMaximumWidth(self.fontMetrics().averageCharWidth() * 12)
            own = setting.own
            text, ticked = typed.get(charge, (
                percent_text(own) if isinstance(own, Decimal) else "",
                own == EXEMPT if _is_code(setting) else setting.exempt))
            edit.setText(text)
            edit.textChanged.connect(self._changed)
            label.setBuddy(edit)
            exempt = self.exempt_boxes[charge] = QCheckBox(self.box)
            exempt.setObjectName(f"exempt-{charge}")
            exempt.setChecked(ticked)
            exempt.toggled.connect(self._changed)
            reset = self.reset_buttons[charge] = QPushButton(self.box)
            reset.setObjectName(f"reset-{charge}")
            reset.clicked.connect(lambda _checked=False, c=charge: self.reset(c))
            for widget in (edit, exempt):
                widget.setVisible(setting.settable)
            reset.setVisible(setting.settable)
            self.grid.addWidget(label, row, CHARGE_COL)
            self.grid.addWidget(default, row, DEFAULT_COL, RIGHT)
            self.grid.addWidget(edit, row, RATE_COL, RIGHT)
            self.grid.addWidget(exempt, row, EXEMPT_COL)
            self.grid.addWidget(reset, row, RESET_COL)
        self._retranslate()
        # as tall as the rows, up to VISIBLE_ROWS of them; more scroll
        height = self.box.sizeHint().height()
        rows = len(self.settings) + 1
        self.scroll.setMinimumHeight(height if rows <= VISIBLE_ROWS
                                     else height * VISIBLE_ROWS // rows)

    def inputs(self) -> list[QWidget]:
        return [self.box, self.add_button]

    # -- what is chosen ------------------------------------------------------------------

    def _setting(self, charge: str) -> Any:
        return next(s for s in self.settings if s.charge == charge)

    def fallback(self, charge: str) -> tuple[Decimal | None, bool]:
        """What the row has without a value of its own (rate, exempt): a kind its default; a
        code its kind's row as typed (its default when what is typed is no rate)."""
        setting = self._setting(charge)
        kind = setting.inherits if _is_code(setting) else None
        if kind is None or kind not in self.edits:
            return setting.default_rate, setting.default_exempt
        value = self.value(kind)
        if value == EXEMPT:
            return None, True
        if value is not None:
            rate = parse_rate(value)
            if isinstance(rate, Decimal):
                return rate, False
        kind_setting = self._setting(kind)
        if self.exempt_boxes[kind].isChecked():  # exempt by default, ticked
            return None, True
        return kind_setting.default_rate, False

    def value(self, charge: str) -> str | None:
        """The row's override as the service takes it: "exempt", a fraction's text, the text
        typed when it is no percentage, or None when the row keeps its default."""
        setting = self._setting(charge)
        if not setting.settable:
            return None
        if self.exempt_boxes[charge].isChecked():
            # a code's tick is its own (it pins it exempt); a kind's shows its state
            return EXEMPT if _is_code(setting) or not setting.default_exempt else None
        # Unticked with nothing typed: a kind exempt by default stays so (there is no rate
        # to tax it at), any other keeps its default rate; a code keeps its kind's.
        return rate_of(self.edits[charge].text())

    def overrides(self) -> dict[str, str]:
        """Every row's own value; the rows at their default left out. A rate typed equal to
        the default is sent too (the service stores it as no override of a kind)."""
        found = {}
        for setting in self.settings:
            value = self.value(setting.charge)
            if value is not None:
                found[setting.charge] = value
        return found

    def is_own(self, charge: str) -> bool:
        """Whether the row differs from its default, as typed (a code: has a value of its
        own, kept even at its kind's rate, as the service keeps it)."""
        setting = self._setting(charge)
        value = self.value(charge)
        if value is None:
            return False
        if _is_code(setting):
            return True
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
        """A kind back to its default; a code's own rate removed (Remove): back to its kind's,
        and out of the list when no contract bills it."""
        setting = self._setting(charge)
        if _is_code(setting) and not setting.charged:
            typed = self._typed()
            self.settings.remove(setting)
            self._build(typed)
            return
        self.edits[charge].setText("")
        self.exempt_boxes[charge].setChecked(setting.default_exempt and not _is_code(setting))

    def reset_all(self) -> None:
        for setting in list(self.settings):
            self.reset(setting.charge)

    def add_charge(self) -> AddChargeDialog | None:
        """Add charge…: a code and its rate, checked by the service, then listed."""
        if self.source is None:
            return None
        if self.adding is not None:
            self.adding.close()
        adding = self.adding = AddChargeDialog(self.source.new_charge, self)
        adding.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        adding.accepted.connect(lambda: self.added(adding.added))
        adding.destroyed.connect(lambda *_: self._forget_adding(adding))
        adding.open()
        return adding

    def _forget_adding(self, adding: AddChargeDialog) -> None:
        if self.adding is adding:
            self.adding = None

    def added(self, setting: Any) -> None:
        """A charge the service accepted: its row (a new one, or the one there) takes the
        value typed."""
        charge = setting.charge
        if charge not in self.edits:
            typed = self._typed()
            codes = sorted([*(s for s in self.settings if _is_code(s)), setting],
                           key=_code_order)
            self.settings = [*(s for s in self.settings if not _is_code(s)), *codes]
            self._build(typed)
        own = setting.own
        if own == EXEMPT:
            self.set_exempt(charge)
        else:
            self.set_rate(charge, percent_text(own) if isinstance(own, Decimal) else "")
        self.edits[charge].setFocus()
        self.scroll.ensureWidgetVisible(self.edits[charge])

    def _typed(self) -> dict[str, tuple[str, bool]]:
        return {c: (self.edits[c].text(), self.exempt_boxes[c].isChecked()) for c in self.edits}

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
            self.charge_labels[charge].setToolTip(
                self.tr("No VAT rate: invoices for it are refused") if self.unrated(charge)
                else "")
            exempt = self.exempt_boxes[charge].isChecked()
            self.edits[charge].setEnabled(not exempt)
            self.reset_buttons[charge].setEnabled(own or (_is_code(setting)
                                                          and not setting.charged))
            font = self.charge_labels[charge].font()
            font.setBold(own)
            self.charge_labels[charge].setFont(font)
            self._show_default(setting)
        self.reset_all_button.setEnabled(
            any(self.is_own(s.charge) or (_is_code(s) and not s.charged)
                for s in self.settings) and not self._reading)
        self.add_button.setEnabled(self.source is not None and not self._reading)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            not self._saving and not self._reading and bool(self.settings))
        untaxed = [s.charge for s in self.settings if not _is_code(s) and s.default_exempt
                   and not self.exempt_boxes[s.charge].isChecked()
                   and not self.edits[s.charge].text().strip()]
        if untaxed and not self._saving:
            self._hint = self.tr("Type a rate for %1, or tick exempt: it stays exempt "
                                 "without one.").replace("%1", tax_charge_text(untaxed[0]))
            self.set_status(self._hint)
        elif self._hint and self.status.text() == self._hint:
            self._hint = ""
            self.set_status("")
        self._show_unrated()

    def unrated(self, charge: str) -> bool:
        """Whether the row has no rate as typed: neither its own nor one without it."""
        rate, exempt = self.fallback(charge)
        return rate is None and not exempt and self.value(charge) is None

    def _show_unrated(self) -> None:
        """Below the list, the charges with no rate as typed: a code of a kind not known
        takes one typed in its row; a malformed one cannot be given one here."""
        open_ = [s.charge for s in self.settings if s.settable and self.unrated(s.charge)]
        fixed = [s.charge for s in self.settings if not s.settable and s.unrated]
        said = []
        if open_:
            said.append(self.tr(
                "No VAT rate for %1: invoices for it are refused. Its kind is not one these "
                "rates know (another program billed it): type its rate, or tick exempt.")
                .replace("%1", ", ".join(tax_charge_text(c) for c in open_)))
        if fixed:
            said.append(self.tr(
                "No VAT rate for %1: invoices for it are refused, and no rate can be set for "
                "a code written so (a kind, a colon and a name, at most %2 characters).")
                .replace("%1", ", ".join(f"“{c}”" for c in fixed))
                .replace("%2", str(CHARGE_CODE_LIMIT)))
        self.unrated_note.setText("\n".join(said))
        self.unrated_note.setVisible(bool(said))

    def _show_default(self, setting: Any) -> None:
        """The greyed rate the row has without its own: a code's follows its kind's row; a
        code of a kind not known has none ("no rate", in the warning's colour until one is
        typed)."""
        charge = setting.charge
        label = self.default_labels[charge]
        label.setStyleSheet(f"color: {WARNING_COLOUR if self.unrated(charge) else MUTED_COLOUR}")
        rate, exempt = self.fallback(charge)
        if rate is None and not exempt:
            label.setText(self.tr("no rate"))
            self.edits[charge].setPlaceholderText("")
            return
        shown = "" if exempt or rate is None else f"{percent_text(rate)}%"
        label.setText(shown or self.tr("exempt"))
        self.edits[charge].setPlaceholderText(shown)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Tax rates"))
        self.intro.setText(self.tr(
            "The VAT rate of each charge, as invoices are issued at it. A rate left empty is "
            "the default, shown greyed; type the park's own as a percentage (9 for 9%), or "
            "tick exempt for a charge not invoiced. Invoices already issued keep their rate.")
            + ("\n" + self.tr(
                "Below the kinds, the charges the park's contracts bill under a name of their "
                "own: each is taxed at its kind's rate until it is given its own.")
               if any(_is_code(s) for s in self.settings) else ""))
        self.box.setTitle(self.tr("VAT rates"))
        for label, text in zip(self.column_labels, (
                self.tr("Charge"), self.tr("Default"), self.tr("Park's rate"),
                self.tr("Exempt")), strict=True):
            label.setText(text)
        for setting in self.settings:
            charge = setting.charge
            self.charge_labels[charge].setText(tax_charge_text(charge))
            self.exempt_boxes[charge].setText(self.tr("exempt"))
            self.reset_buttons[charge].setText(
                self.tr("Remove") if _is_code(setting) else self.tr("Default"))
        self.add_button.setText(self.tr("Add charge…"))
        self.reset_all_button.setText(self.tr("Reset all to default"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._changed()


def _is_code(setting: Any) -> bool:
    """A charge code's row ("service:空调费", or one of a kind not known), not a kind's."""
    return setting.charge not in KIND_CODES


def _code_order(setting: Any) -> tuple[int, str]:
    """Codes by their kind's place in the table, then by code (as the service lists them)."""
    kind = setting.charge.partition(":")[0]
    return (KIND_CODES.index(kind) if kind in KIND_CODES else len(KIND_CODES), setting.charge)
