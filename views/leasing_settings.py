"""The park's leasing settings: each pipeline stage's probability of closing, and the yearly
rate a discounted net effective rent uses.

The dialog only shows and asks. The app hands it the park's figures
(:meth:`LeasingSettingsDialog.set_settings`: probabilities 0–1, which of them
are the park's own, the rate or None) and, when it has read them, the leads'
expected value per stage (:meth:`~LeasingSettingsDialog.set_values`), so the
dialog shows what the probabilities typed make of the pipeline: each stage's
weighted value, and the open stages' sum now and with the figures typed. OK
emits :attr:`~LeasingSettingsDialog.save_requested` with the figures chosen;
the app writes them and closes the dialog (:meth:`~LeasingSettingsDialog.saved`),
or says why not (:meth:`~LeasingSettingsDialog.set_status`) and it stays open.

Probabilities are typed as percentages to one place; a park's own figure with
more places than that stays exactly as stored unless its box is changed. The
rate is typed as a percentage a year (6 or 6.5; up to four places, the
column's six as a fraction); empty means none.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from domain.leasing.pipeline import DEFAULT_PROBABILITIES, OPEN_STAGES, Stage, weighted_pipeline
from domain.money import round_to
from views.labels import currency_name
from views.pipeline_text import problem_text, refusal_text, stage_text
from views.settings_dialog import SettingsDialog
from views.settings_figures import MUTED_COLOUR, RIGHT, percent_text, typed_percent

translate = QCoreApplication.translate
# The stages whose odds a person sets (issue 11's 10/30/60/80/100 %); lost is always 0.
STAGES: tuple[Stage, ...] = (*OPEN_STAGES, Stage.SIGNED)
RATE_PLACES = 4  # of the percentage typed: the stored fraction's six
RATE_RANGE = "discount-rate-range"  # services.pipeline's code for a rate out of range
STAGE_COL, SPIN_COL, DEFAULT_COL, RESET_COL, VALUE_COL, WEIGHTED_COL = range(6)


def parse_rate(text: str) -> Decimal | None:
    """A yearly rate typed as a percentage (``6``, ``6.5 %``, full-width ``６％``) as a
    fraction to six places; None for nothing typed. Raises ``ValueError`` for text that is
    no number, or a rate outside 0 ≤ rate < 100 %."""
    percent = typed_percent(text)
    if percent is None:
        return None
    # Checked before rounding too: 1e999999 cannot be rounded, 99.99995 rounds to 100.
    if not Decimal(0) <= percent < Decimal(100) or not round_to(percent, RATE_PLACES) < 100:
        raise ValueError(f"a discount rate lies in 0 ≤ rate < 100 %, not {percent}")
    percent = round_to(percent, RATE_PLACES)
    return round_to(percent / 100, RATE_PLACES + 2)


def settings_refusal_text(error: Any) -> str:
    """A refused save in the reader's words: the discount rate's range here, the stage
    probabilities' and the rest as the pipeline says them (``views.pipeline_text``)."""
    problems = list(getattr(error, "problems", None) or ())
    if problems and any(p.code == RATE_RANGE for p in problems):
        return "\n".join(_rate_range_text(p.params.get("value", "")) if p.code == RATE_RANGE
                         else problem_text(p) for p in problems)
    if getattr(error, "code", "") == RATE_RANGE:
        return _rate_range_text(str((getattr(error, "params", None) or {}).get("value", "")))
    return refusal_text(error)


def _rate_range_text(value: str) -> str:
    try:
        shown = percent_text(Decimal(value))
    except ArithmeticError:  # no number, or one too big to say as a percentage
        shown = value
    return translate("LeasingSettingsDialog",
                     "The discount rate must be at least 0% and below 100% a year, not %1%.") \
        .replace("%1", shown)


class LeasingSettingsDialog(SettingsDialog):
    """The park's stage probabilities (a row per stage, each back to its default by a
    button) and its discount rate, with what the probabilities make of the pipeline."""

    save_requested = Signal(object, object)  # {Stage: Decimal 0–1}, Decimal | None

    def __init__(self, parent: QWidget | None = None, currency: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("leasing-settings-dialog")
        self.currency = currency
        self.stored: dict[Stage, Decimal] = dict(DEFAULT_PROBABILITIES)
        self.stored_rate: Decimal | None = None
        self.values: dict[Stage, Decimal] | None = None  # the leads' expected value per stage
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)

        self.odds_box = QGroupBox(self)
        grid = QGridLayout(self.odds_box)
        self.column_labels = [QLabel(self.odds_box) for _ in range(6)]
        for column, label in enumerate(self.column_labels):
            if column != RESET_COL:
                grid.addWidget(label, 0, column,
                               RIGHT if column >= SPIN_COL else Qt.AlignmentFlag.AlignLeft)
        self.stage_labels: dict[Stage, QLabel] = {}
        self.spins: dict[Stage, QDoubleSpinBox] = {}
        self.default_labels: dict[Stage, QLabel] = {}
        self.reset_buttons: dict[Stage, QPushButton] = {}
        self.value_labels: dict[Stage, QLabel] = {}
        self.weighted_labels: dict[Stage, QLabel] = {}
        for row, stage in enumerate(STAGES, start=1):
            label = self.stage_labels[stage] = QLabel(self.odds_box)
            spin = self.spins[stage] = QDoubleSpinBox(self.odds_box)
            spin.setObjectName(f"probability-{stage.value}")
            spin.setRange(0, 100)
            spin.setDecimals(1)
            spin.setSingleStep(5)
            spin.setSuffix("%")
            spin.setAlignment(RIGHT)
            spin.setValue(float(DEFAULT_PROBABILITIES[stage] * 100))
            spin.valueChanged.connect(self._changed)
            label.setBuddy(spin)
            default = self.default_labels[stage] = QLabel(self.odds_box)
            default.setStyleSheet(f"color: {MUTED_COLOUR}")
            reset = self.reset_buttons[stage] = QPushButton(self.odds_box)
            reset.setObjectName(f"reset-{stage.value}")
            reset.clicked.connect(lambda _checked=False, s=stage: self.reset(s))
            value = self.value_labels[stage] = QLabel(self.odds_box)
            weighted = self.weighted_labels[stage] = QLabel(self.odds_box)
            for column, widget in ((STAGE_COL, label), (SPIN_COL, spin), (RESET_COL, reset)):
                grid.addWidget(widget, row, column)
            for column, widget in ((DEFAULT_COL, default), (VALUE_COL, value),
                                   (WEIGHTED_COL, weighted)):
                grid.addWidget(widget, row, column, RIGHT)
        grid.setColumnStretch(STAGE_COL, 1)
        grid.setHorizontalSpacing(14)  # the two money columns apart
        self.reset_all_button = QPushButton(self.odds_box)
        self.reset_all_button.setObjectName("reset-all")
        self.reset_all_button.clicked.connect(self.reset_all)
        self.preview = QLabel(self.odds_box)
        self.preview.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.preview, 1)
        bottom.addWidget(self.reset_all_button, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(bottom, len(STAGES) + 1, 0, 1, 6)

        self.rate_box = QGroupBox(self)
        self.rate_label = QLabel(self.rate_box)
        self.rate_edit = QLineEdit(self.rate_box)
        self.rate_edit.setObjectName("discount-rate")
        self.rate_edit.setAlignment(RIGHT)
        self.rate_edit.setMaximumWidth(self.fontMetrics().averageCharWidth() * 14)
        self.rate_edit.textChanged.connect(self._changed)
        self.rate_label.setBuddy(self.rate_edit)
        self.rate_unit = QLabel(self.rate_box)
        self.rate_note = QLabel(self.rate_box)
        self.rate_note.setWordWrap(True)
        self.rate_note.setStyleSheet(f"color: {MUTED_COLOUR}")
        rate_row = QHBoxLayout()
        rate_row.addWidget(self.rate_label)
        rate_row.addWidget(self.rate_edit)
        rate_row.addWidget(self.rate_unit)
        rate_row.addStretch(1)
        rate_layout = QVBoxLayout(self.rate_box)
        rate_layout.addLayout(rate_row)
        rate_layout.addWidget(self.rate_note)

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.odds_box)
        layout.addWidget(self.rate_box)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._retranslate()

    # -- in ------------------------------------------------------------------------------

    def set_settings(self, probabilities: Mapping[Stage, Decimal], own: Collection[Stage],
                     discount_rate: Decimal | None) -> None:
        """The park's figures as stored: each stage's probability (0–1; a stage not given
        has its default), the stages whose figure is the park's own, and the rate."""
        self.stored = {stage: (probabilities.get(stage, DEFAULT_PROBABILITIES[stage])
                               if stage in own else DEFAULT_PROBABILITIES[stage])
                       for stage in Stage}
        self.stored_rate = discount_rate
        for stage, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setValue(float(self.stored[stage] * 100))
            spin.blockSignals(False)
        self.rate_edit.blockSignals(True)
        self.rate_edit.setText("" if discount_rate is None else percent_text(discount_rate))
        self.rate_edit.blockSignals(False)
        self._changed()

    def set_values(self, values: Mapping[Stage, Decimal] | None) -> None:
        """The leads' expected value in a year per stage (None: not known; the value
        columns and the pipeline's sum stay hidden)."""
        self.values = None if values is None else dict(values)
        self._say_figures()

    def inputs(self) -> list[QWidget]:
        return [self.odds_box, self.rate_box]

    # -- what is chosen ------------------------------------------------------------------

    def probability(self, stage: Stage) -> Decimal:
        """The stage's figure (0–1) as its box says it; the stored one exactly when the box
        still shows it (a park's 0.6255 shown as 62.6 % stays 0.6255)."""
        shown = round_to(Decimal(repr(self.spins[stage].value())), 1)
        stored = self.stored[stage]
        if shown == round_to(stored * 100, 1):
            return stored
        return (shown / 100).normalize()

    def probabilities(self) -> dict[Stage, Decimal]:
        """Every stage the dialog sets, each with its figure (0–1)."""
        return {stage: self.probability(stage) for stage in STAGES}

    def discount_rate(self) -> Decimal | None:
        """The rate typed (a fraction; None: none). Raises ``ValueError`` for one that is
        not a rate (see :func:`parse_rate`)."""
        text = self.rate_edit.text()
        if (self.stored_rate is not None and text.strip()
                == percent_text(self.stored_rate)):
            return self.stored_rate
        return parse_rate(text)

    def is_own(self, stage: Stage) -> bool:
        """Whether the stage's figure differs from the default (is the park's own)."""
        return self.probability(stage) != DEFAULT_PROBABILITIES[stage]

    # -- actions -------------------------------------------------------------------------

    def set_probability(self, stage: Stage, percent: Decimal | int | str) -> None:
        """Type ``percent`` (10 for 10 %) into the stage's box."""
        self.spins[stage].setValue(float(Decimal(percent)))

    def reset(self, stage: Stage) -> None:
        """The stage back to its default (stored as no override once saved)."""
        self.spins[stage].setValue(float(DEFAULT_PROBABILITIES[stage] * 100))

    def reset_all(self) -> None:
        for stage in STAGES:
            self.reset(stage)

    def accept(self) -> None:
        """Ask the app to write the figures chosen; a rate that is not one is said here."""
        if self._saving or self._reading:
            return
        try:
            rate = self.discount_rate()
        except ValueError:
            self._changed()
            self.rate_edit.setFocus()
            return
        self._saving = True
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.set_status(translate("LeasingSettingsDialog", "Saving…"))
        self.save_requested.emit(self.probabilities(), rate)

    # -- showing -------------------------------------------------------------------------

    def _changed(self, *_args: object) -> None:
        for stage in STAGES:
            own = self.is_own(stage)
            self.reset_buttons[stage].setEnabled(own)
            font = self.stage_labels[stage].font()
            font.setBold(own)
            self.stage_labels[stage].setFont(font)
        self.reset_all_button.setEnabled(any(self.is_own(s) for s in STAGES))
        rate_ok = True
        try:
            self.discount_rate()
        except ValueError:
            rate_ok = False
        if not rate_ok:
            self.set_status(translate(
                "LeasingSettingsDialog", "Type the discount rate as a percentage a year, at "
                                         "least 0 and below 100 (6.5 for 6.5%), or leave it "
                                         "empty for none."), error=True)
        elif not self._saving and self.status.styleSheet():
            self.set_status("")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(rate_ok and not self._saving and not self._reading)
        self._say_figures()

    def _money(self, value: Decimal) -> str:
        name = currency_name(self.currency) if self.currency else ""
        return f"{round_to(value, 0):,} {name}".strip()

    def _say_figures(self) -> None:
        values = self.values
        shown = values is not None
        for column in (VALUE_COL, WEIGHTED_COL):
            self.column_labels[column].setVisible(shown)
        for stage in STAGES:
            self.value_labels[stage].setVisible(shown)
            self.weighted_labels[stage].setVisible(shown)
            if values is not None:
                value = values.get(stage, Decimal(0))
                self.value_labels[stage].setText(self._money(value))
                self.weighted_labels[stage].setText(self._money(
                    weighted_pipeline([(stage, value)], self._overrides())))
        self.preview.setVisible(shown)
        if values is None:
            return
        now = weighted_pipeline(((s, values.get(s, Decimal(0))) for s in OPEN_STAGES),
                                {s.value: p for s, p in self.stored.items()})
        then = weighted_pipeline(((s, values.get(s, Decimal(0))) for s in OPEN_STAGES),
                                 self._overrides())
        if now == then:
            text = translate("LeasingSettingsDialog", "Weighted pipeline of the open leads: "
                                                      "%1.").replace("%1", self._money(now))
        else:
            text = translate("LeasingSettingsDialog", "Weighted pipeline of the open leads: "
                                                      "%1 now, %2 with these probabilities.") \
                .replace("%1", self._money(now)).replace("%2", self._money(then))
        self.preview.setText(text)

    def _overrides(self) -> dict[str, Decimal]:
        return {stage.value: self.probability(stage) for stage in STAGES}

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(translate("LeasingSettingsDialog", "Leasing settings"))
        self.intro.setText(translate(
            "LeasingSettingsDialog", "The park's figures for the pipeline and for quotes. A "
                                     "stage's probability of closing weighs its leads' "
                                     "expected value on the pipeline board; a stage at its "
                                     "default follows the default."))
        self.odds_box.setTitle(translate("LeasingSettingsDialog", "Probability of closing"))
        headers = (translate("LeasingSettingsDialog", "Stage"),
                   translate("LeasingSettingsDialog", "Probability"),
                   translate("LeasingSettingsDialog", "Default"), "",
                   translate("LeasingSettingsDialog", "Leads' value a year"),
                   translate("LeasingSettingsDialog", "Weighted"))
        for label, text in zip(self.column_labels, headers, strict=True):
            label.setText(text)
        for stage in STAGES:
            self.stage_labels[stage].setText(stage_text(stage))
            self.default_labels[stage].setText(percent_text(DEFAULT_PROBABILITIES[stage]) + "%")
            self.reset_buttons[stage].setText(translate("LeasingSettingsDialog", "Reset"))
            self.reset_buttons[stage].setToolTip(
                translate("LeasingSettingsDialog", "Back to the default, %1%")
                .replace("%1", percent_text(DEFAULT_PROBABILITIES[stage])))
        self.reset_all_button.setText(translate("LeasingSettingsDialog", "All to &defaults"))
        self.rate_box.setTitle(translate("LeasingSettingsDialog", "Discount rate"))
        self.rate_label.setText(translate("LeasingSettingsDialog", "&Rate"))
        self.rate_edit.setPlaceholderText(translate("LeasingSettingsDialog", "none"))
        self.rate_unit.setText(translate("LeasingSettingsDialog", "% a year"))
        self.rate_note.setText(translate(
            "LeasingSettingsDialog", "Quotes and the contract wizard discount each month's "
                                     "rent at this rate for the discounted net effective "
                                     "rent; empty: they show none."))
        self._changed()
