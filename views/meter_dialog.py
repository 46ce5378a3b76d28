"""Add or edit a meter: its code, utility, place in the tree, unit, dial and basis.

The tree is said by codes, as a person knows it: the parent meter (none: a
main meter), the unit the meter bills (none: a main, sub-main or common area
meter). The dial is the multiplier (the CT ratio: a meter behind a 400/5 A
transformer counts 1/80 of the energy) and the count it rolls over at (100000
for a dial reading up to 99999.9; blank: it never wraps); the registers are
one total, or time-of-use ones. A meter feeding sub meters shares its
unmetered use by area (the 公摊 rule) or by weights agreed per unit: by floor,
by headcount or any other, entered here by unit code.

A figure or a day that does not read is said here and nothing is sent; the
app's refusal (a loop in the tree, another utility than the parent's, a unit
not in the park…) is said in words under the form, and everything typed stays
for the person to correct. New tariff… beside the tariff choice opens the Tariffs
dialog over this one; a tariff saved there is listed here at once, and chosen. The
dialog shows and emits a :class:`MeterForm`; ``app.meters_flow`` writes it.

Replaces: the meter record this one takes the place of (a new dial, a new CT ratio), one
of the park's meters of its utility that no other meter replaces and that does not hang
beneath it. What the replacement does to the old meter is said under the choice before
Save: the day it was removed, which this meter's installation may not precede, or, when
it has none, that it is marked removed on this meter's installation day; whether its
final reading is still to be given; and, for a main or distribution meter, which of its
sub meters move to this one (``meters.moved_by_replacement``: those in service after the
day), so that the old one feeds nothing and can be archived. A new meter chosen to replace
one takes its tariff, its basis and its unit where those are left blank, and its parent
when it was added under the meter it replaces.

:class:`ArchiveMeterDialog` takes a meter out of service: the day it was removed and its
final reading per register (the reading of that day, when there is one, is offered);
``services.meter_archive`` writes both.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from domain.billing.meters import TIME_OF_USE, TOTAL, Utility, moved_by_replacement
from domain.billing.shared_consumption import Basis, BasisKind
from views.labels import date_text
from views.meter_text import (
    MeterInfo,
    MetersSnapshot,
    basis_text,
    parse_quantity,
    plain,
    quantity_text,
    register_text,
    registers_text,
    utility_text,
)

translate = QCoreApplication.translate
ERROR_COLOUR = "#b3261e"
NOTE_COLOUR = "#5f6b7a"
DATE_FORMAT = "yyyy-MM-dd"
REGISTER_CHOICES: tuple[tuple[str, ...], ...] = (
    (TOTAL,), ("peak", "flat", "valley"), TIME_OF_USE)
BASIS_KINDS = tuple(k.value for k in BasisKind)
NAMED_SUBS = 3  # sub meters named in the replacement's note before "(+n)"


@dataclass(frozen=True)
class MeterForm:
    """A meter as the dialog holds it (the tree by codes; weights by unit code)."""

    code: str
    utility: str
    parent: str | None = None
    unit: str | None = None
    multiplier: Decimal = Decimal(1)
    rollover_at: Decimal | None = None
    registers: tuple[str, ...] = (TOTAL,)
    basis: Basis | None = None  # None: by area
    installed_on: date | None = None
    removed_on: date | None = None
    replaces: str | None = None
    tariff_id: uuid.UUID | None = None


def _day(text: str) -> date | None:
    cleaned = text.strip()
    if not cleaned:
        return None
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(text) from None


class MeterDialog(QDialog):
    """One meter's form; ``saveRequested`` carries the :class:`MeterForm`."""

    saveRequested = Signal(object)  # MeterForm
    tariffsRequested = Signal()  # New tariff…: the Tariffs dialog over this one

    def __init__(self, snapshot: MetersSnapshot, meter: MeterInfo | None = None,
                 parent_id: uuid.UUID | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meter-dialog")
        self.snapshot = snapshot
        self.meter = meter
        self.meter_id = None if meter is None else meter.id
        self._busy = False
        by_id = snapshot.by_id()

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.code_edit = QLineEdit(self)
        self.code_edit.setObjectName("code")
        self.utility_box = QComboBox(self)
        self.utility_box.setObjectName("utility")
        for utility in Utility:
            self.utility_box.addItem(utility_text(utility), utility.value)
        self.parent_box = QComboBox(self)
        self.parent_box.setObjectName("parent")
        self.parent_box.addItem("", "")
        for other in sorted(snapshot.meters, key=lambda m: m.code):
            if other.id != self.meter_id:
                self.parent_box.addItem(other.code, other.code)
        self.unit_edit = QLineEdit(self)
        self.unit_edit.setObjectName("unit")
        completer = QCompleter(QStringListModel(list(snapshot.unit_codes), self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.unit_edit.setCompleter(completer)
        self.multiplier_edit = QLineEdit(self)
        self.multiplier_edit.setObjectName("multiplier")
        self.rollover_edit = QLineEdit(self)
        self.rollover_edit.setObjectName("rollover")
        self.registers_box = QComboBox(self)
        self.registers_box.setObjectName("registers")
        for registers in REGISTER_CHOICES:
            self.registers_box.addItem(registers_text(registers), list(registers))
        self.tariff_box = QComboBox(self)
        self.tariff_box.setObjectName("tariff")
        self._tariff_items(snapshot.tariffs)
        self.tariffs_button = QPushButton(self)
        self.tariffs_button.setObjectName("tariffs")
        self.tariffs_button.clicked.connect(self.tariffsRequested.emit)
        tariff_row = QWidget(self)
        tariff_layout = QHBoxLayout(tariff_row)
        tariff_layout.setContentsMargins(0, 0, 0, 0)
        tariff_layout.addWidget(self.tariff_box, 1)
        tariff_layout.addWidget(self.tariffs_button)
        self.installed_edit = QLineEdit(self)
        self.installed_edit.setObjectName("installed")
        self.removed_edit = QLineEdit(self)
        self.removed_edit.setObjectName("removed")
        self.replaces_box = QComboBox(self)
        self.replaces_box.setObjectName("replaces")
        self.replaces_note = QLabel(self)
        self.replaces_note.setObjectName("replaces-note")
        self.replaces_note.setWordWrap(True)
        replaces_row = QWidget(self)
        replaces_layout = QVBoxLayout(replaces_row)
        replaces_layout.setContentsMargins(0, 0, 0, 0)
        replaces_layout.addWidget(self.replaces_box)
        replaces_layout.addWidget(self.replaces_note)
        self.basis_box = QComboBox(self)
        self.basis_box.setObjectName("basis")
        for kind in BASIS_KINDS:
            self.basis_box.addItem(basis_text(kind), kind)
        self.basis_box.currentIndexChanged.connect(lambda _i: self._update())
        self.weights = QTableWidget(0, 2, self)
        self.weights.setObjectName("weights")
        self.weights.verticalHeader().setVisible(False)
        self.weights.verticalHeader().setDefaultSectionSize(22)
        self.weights.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.weights.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        self.weights.setMinimumHeight(120)
        self.add_weight_button = QPushButton(self)
        self.add_weight_button.clicked.connect(lambda: self.add_weight())
        self.remove_weight_button = QPushButton(self)
        self.remove_weight_button.clicked.connect(self._remove_weight)
        self.fill_weights_button = QPushButton(self)
        self.fill_weights_button.clicked.connect(self.fill_weights)
        self.refusal = QLabel(self)
        self.refusal.setObjectName("refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.refusal.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save-button")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self.request_save)
        self.buttons.rejected.connect(self.reject)

        self.form_layout = QFormLayout()
        self.labels = {name: QLabel(self) for name in (
            "code", "utility", "parent", "unit", "multiplier", "rollover", "registers",
            "tariff", "installed", "removed", "replaces", "basis")}
        for name, widget in (("code", self.code_edit), ("utility", self.utility_box),
                             ("parent", self.parent_box), ("unit", self.unit_edit),
                             ("multiplier", self.multiplier_edit),
                             ("rollover", self.rollover_edit),
                             ("registers", self.registers_box), ("tariff", tariff_row),
                             ("installed", self.installed_edit),
                             ("removed", self.removed_edit), ("replaces", replaces_row),
                             ("basis", self.basis_box)):
            self.form_layout.addRow(self.labels[name], widget)
        weight_buttons = QHBoxLayout()
        weight_buttons.addWidget(self.add_weight_button)
        weight_buttons.addWidget(self.remove_weight_button)
        weight_buttons.addWidget(self.fill_weights_button)
        weight_buttons.addStretch(1)
        self.weights_box = QWidget(self)
        weights_layout = QVBoxLayout(self.weights_box)
        weights_layout.setContentsMargins(0, 0, 0, 0)
        weights_layout.addWidget(self.weights, 1)
        weights_layout.addLayout(weight_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form_layout)
        layout.addWidget(self.weights_box, 20)
        layout.addStretch(1)  # the weights' room while they are hidden
        layout.addWidget(self.refusal)
        layout.addWidget(self.buttons)
        self.resize(560, 640)

        self._fill(meter, by_id.get(parent_id) if parent_id is not None else None)
        self._replaces_items(meter.replaces if meter is not None else "")
        self.utility_box.currentIndexChanged.connect(
            lambda _i: self._replaces_items(self.replaced_code()))
        self.replaces_box.currentIndexChanged.connect(lambda _i: self._replaced_chosen())
        self.installed_edit.textChanged.connect(lambda _t: self._say_replacement())
        self.code_edit.textChanged.connect(lambda _t: self._say_replacement())
        self._retranslate()

    # -- in ------------------------------------------------------------------------------

    def _fill(self, meter: MeterInfo | None, parent: MeterInfo | None) -> None:
        utility = self.snapshot.utility
        if meter is None:
            self.multiplier_edit.setText("1")
            if parent is not None:
                self.parent_box.setCurrentIndex(max(0, self.parent_box.findData(parent.code)))
                utility = parent.meter.utility.value
                self.rollover_edit.setText(plain(parent.meter.rollover_at)
                                           if parent.meter.rollover_at is not None else "")
            self.utility_box.setCurrentIndex(max(0, self.utility_box.findData(utility)))
            self._update()
            return
        m = meter.meter
        self.code_edit.setText(m.code)
        self.utility_box.setCurrentIndex(max(0, self.utility_box.findData(m.utility.value)))
        codes = {str(x.id): x.code for x in self.snapshot.meters}
        self.parent_box.setCurrentIndex(max(0, self.parent_box.findData(
            codes.get(m.parent_id or "", ""))))
        self.unit_edit.setText(meter.unit_code)
        self.multiplier_edit.setText(plain(m.multiplier))
        self.rollover_edit.setText("" if m.rollover_at is None else plain(m.rollover_at))
        found = self.registers_box.findData(list(m.registers))
        if found < 0:
            self.registers_box.addItem(registers_text(m.registers), list(m.registers))
            found = self.registers_box.count() - 1
        self.registers_box.setCurrentIndex(found)
        if meter.tariff_id is not None:
            self._choose_tariff(meter.tariff_id, meter.tariff_name)
        self.installed_edit.setText("" if meter.installed_on is None
                                    else meter.installed_on.isoformat())
        self.removed_edit.setText("" if meter.removed_on is None
                                  else meter.removed_on.isoformat())
        self.basis_box.setCurrentIndex(max(0, self.basis_box.findData(meter.basis_kind)))
        for unit, weight in sorted(meter.weights.items()):
            self.add_weight(unit, plain(weight))
        self._update()

    def set_tariffs(self, tariffs: Sequence[tuple[uuid.UUID, str]],
                    choose: str | None = None) -> None:
        """The tariffs to choose from, read again (one saved in the Tariffs dialog is listed at
        once); ``choose`` a tariff by name, else the one chosen stays."""
        current = str(self.tariff_box.currentData() or "")
        name = self.tariff_box.currentText() if current else ""
        self._tariff_items(tariffs)
        found = self.tariff_box.findText(choose, Qt.MatchFlag.MatchExactly) if choose else -1
        if found > 0:
            self.tariff_box.setCurrentIndex(found)
        elif current:
            self._choose_tariff(uuid.UUID(current), name)
        self._retranslate_tariffs()

    def _tariff_items(self, tariffs: Sequence[tuple[uuid.UUID, str]]) -> None:
        self.tariff_box.clear()
        self.tariff_box.addItem("", "")
        for tariff_id, name in tariffs:  # by id as text: a combo finds text again
            self.tariff_box.addItem(name, str(tariff_id))

    def _choose_tariff(self, tariff_id: uuid.UUID, name: str) -> None:
        """Choose the meter's tariff: listed by its id, or by its name (it names another
        version of that tariff, whose id it keeps), or added as it is (another utility's,
        or archived since)."""
        found = self.tariff_box.findData(str(tariff_id))
        if found < 0 and name:
            found = self.tariff_box.findText(name, Qt.MatchFlag.MatchExactly)
            if found > 0:
                self.tariff_box.setItemData(found, str(tariff_id))
        if found <= 0:
            self.tariff_box.addItem(name or str(tariff_id), str(tariff_id))
            found = self.tariff_box.count() - 1
        self.tariff_box.setCurrentIndex(found)

    def add_weight(self, unit: str = "", weight: str = "1") -> int:
        row = self.weights.rowCount()
        self.weights.insertRow(row)
        self.weights.setItem(row, 0, QTableWidgetItem(unit))
        item = QTableWidgetItem(weight)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.weights.setItem(row, 1, item)
        self._update()
        return row

    def fill_weights(self) -> None:
        """A row, weight 1, for each unit metered beneath the meter that has none yet."""
        below = self.snapshot.units_below.get(self.meter_id, ()) if self.meter_id else ()
        have = {self._cell(r, 0) for r in range(self.weights.rowCount())}
        for unit in below:
            if unit not in have:
                self.add_weight(unit, "1")

    def replaced_code(self) -> str:
        return str(self.replaces_box.currentData() or "")

    def replaced(self) -> MeterInfo | None:
        """The meter chosen for this one to replace."""
        code = self.replaced_code()
        return next((m for m in self.snapshot.meters if m.code == code), None) if code else None

    def choose_replaced(self, code: str) -> bool:
        found = self.replaces_box.findData(code)
        if found < 0:
            return False
        self.replaces_box.setCurrentIndex(found)
        return True

    def _replaces_items(self, chosen: str) -> None:
        """The meters this one may replace, for the utility chosen; ``chosen`` stays chosen
        when it is one of them."""
        utility = str(self.utility_box.currentData())
        self.replaces_box.blockSignals(True)
        self.replaces_box.clear()
        self.replaces_box.addItem(translate("MeterDialog", "(none)"), "")
        for other in self.snapshot.replaceable(self.meter, utility):
            self.replaces_box.addItem(other.code, other.code)
        if (chosen and self.replaces_box.findData(chosen) < 0 and self.meter is not None
                and chosen == self.meter.replaces):  # the tree moved since: kept as saved
            self.replaces_box.addItem(chosen, chosen)
        self.replaces_box.setCurrentIndex(max(0, self.replaces_box.findData(chosen)))
        self.replaces_box.blockSignals(False)
        self._say_replacement()

    def _replaced_chosen(self) -> None:
        """A meter to replace chosen: a blank installation day becomes its removal day, and
        a new meter takes its tariff, basis and unit where they are blank."""
        old = self.replaced()
        blank = not self.installed_edit.text().strip()
        if old is not None and old.removed_on is not None and blank:
            self.installed_edit.setText(old.removed_on.isoformat())
        if old is not None and self.meter is None:
            self._take_from(old)
        self._say_replacement()

    def _take_from(self, old: MeterInfo) -> None:
        """The replaced meter's tariff, basis and unit, where this new one's are blank, and
        its parent when this one was added under it: the same point, priced and shared as
        before unless changed here."""
        if old.tariff_id is not None and not self.tariff_box.currentData():
            self._choose_tariff(old.tariff_id, old.tariff_name)
        if (old.basis_kind != BasisKind.AREA.value and self.weights.rowCount() == 0
                and self.basis_box.currentData() == BasisKind.AREA.value):
            self.basis_box.setCurrentIndex(max(0, self.basis_box.findData(old.basis_kind)))
            for unit, weight in sorted(old.weights.items()):
                self.add_weight(unit, plain(weight))
        if old.unit_code and not self.unit_edit.text().strip():
            self.unit_edit.setText(old.unit_code)
        if self.parent_box.currentData() == old.code:  # added under it: it hangs where it did
            codes = {str(m.id): m.code for m in self.snapshot.meters}
            self.parent_box.setCurrentIndex(max(0, self.parent_box.findData(
                codes.get(old.meter.parent_id or "", ""))))

    def moving_subs(self) -> list[str]:
        """The codes of the sub meters that move to this meter from the one it replaces
        (those in service after the day it takes its place), by code."""
        old = self.replaced()
        if old is None:
            return []
        try:
            installed = _day(self.installed_edit.text())
        except ValueError:
            installed = None
        others = [m.meter for m in self.snapshot.meters if m.id != self.meter_id]
        return [m.code for m in moved_by_replacement(old.meter.id, others,
                                                     old.removed_on or installed)]

    def replacement_said(self) -> tuple[str, bool]:
        """What the replacement chosen does to the old meter, said before Save, and whether
        it is a problem (this meter installed before the old one was removed)."""
        old = self.replaced()
        if old is None:
            return "", False
        try:
            installed = _day(self.installed_edit.text())
        except ValueError:
            installed = None
        wrong = False
        if old.removed_on is not None:
            removed = date_text(old.removed_on)
            if installed is not None and installed < old.removed_on:
                said = translate("MeterDialog", "{meter} was removed on {removed}: this meter "
                                 "cannot be installed before it.").format(meter=old.code,
                                                                          removed=removed)
                wrong = True
            else:
                said = translate("MeterDialog", "{meter} was removed on {removed}; this meter "
                                 "takes its place from then.").format(meter=old.code,
                                                                      removed=removed)
        elif installed is None:
            said = translate("MeterDialog", "Give the day this meter was installed: {meter} is "
                             "marked removed on it.").format(meter=old.code)
        else:
            said = translate("MeterDialog", "Saving marks {meter} removed on {day}, the day this "
                             "meter is installed.").format(meter=old.code,
                                                           day=date_text(installed))
        if old.unclosed:
            said += " " + translate(
                "MeterDialog", "Its final reading is not entered yet: Archive… {meter} asks for "
                "it; until then its months after its last reading are held as not read.").format(
                meter=old.code)
        moving = self.moving_subs()
        if moving:
            code = self.code_edit.text().strip() or translate("MeterDialog", "this meter")
            shown = ", ".join(moving[:NAMED_SUBS]) + (
                f" (+{len(moving) - NAMED_SUBS})" if len(moving) > NAMED_SUBS else "")
            words = (translate("MeterDialog", "1 sub meter moves from {meter} to {code}: "
                                              "{meters}.") if len(moving) == 1 else
                     translate("MeterDialog", "{count} sub meters move from {meter} to {code}: "
                                              "{meters}."))
            said += " " + words.format(count=len(moving), meter=old.code, code=code,
                                       meters=shown) + " " + translate(
                "MeterDialog", "Past months stay as they were: the two records are one place "
                "in the tree.")
        return said, wrong

    def _say_replacement(self) -> None:
        said, wrong = self.replacement_said()
        self.replaces_note.setText(said)
        self.replaces_note.setVisible(bool(said))
        self.replaces_note.setStyleSheet(f"color: {ERROR_COLOUR if wrong else NOTE_COLOUR}")

    def set_working(self) -> None:
        self._busy = True
        self.refusal.setText("")
        self._update()

    def set_refused(self, text: str) -> None:
        """The app refused the meter: said in words; everything typed stays."""
        self._busy = False
        self.refusal.setText(text)
        self._update()

    # -- out -----------------------------------------------------------------------------

    def form(self) -> MeterForm | None:
        """The meter as typed; None (and why, under the form) when a figure or day does not
        read."""
        problems: list[str] = []

        def number(label: str, text: str) -> Decimal | None:
            try:
                return parse_quantity(text)
            except ValueError:
                problems.append(translate(
                    "MeterDialog", "{field}: “{text}” is not a number").format(
                    field=label, text=text.strip()))
                return None

        def day(label: str, text: str) -> date | None:
            try:
                return _day(text)
            except ValueError:
                problems.append(translate("MeterDialog", "{field}: “{text}” is not a day (write "
                                                   "2026-03-01)").format(field=label,
                                                                        text=text.strip()))
                return None

        multiplier = number(self._label("multiplier"), self.multiplier_edit.text())
        rollover = number(self._label("rollover"), self.rollover_edit.text())
        installed = day(self._label("installed"), self.installed_edit.text())
        removed = day(self._label("removed"), self.removed_edit.text())
        kind = str(self.basis_box.currentData())
        basis: Basis | None = None
        if kind != BasisKind.AREA.value:  # by area: the units' own areas, no weights
            weights: dict[str, Decimal] = {}
            for row in range(self.weights.rowCount()):
                unit, text = self._cell(row, 0), self._cell(row, 1)
                if not unit and not text:
                    continue
                if not unit:
                    problems.append(translate("MeterDialog", "Weight {row}: name its unit").format(
                        row=row + 1))
                    continue
                weight = number(translate("MeterDialog", "Weight of {unit}").format(unit=unit),
                                text)
                if weight is not None and weight < 0:
                    problems.append(translate("MeterDialog", "Weight of {unit}: {weight} is below "
                                                       "zero").format(unit=unit, weight=text))
                elif weight is not None:
                    weights[unit] = weight
            if not weights and not problems:
                problems.append(translate(
                    "MeterDialog", "{basis}: give each unit its weight").format(
                    basis=basis_text(kind)))
            basis = Basis(BasisKind(kind), weights)
        old = self.replaced()
        if (old is not None and old.removed_on is not None and installed is not None
                and installed < old.removed_on):
            problems.append(translate(
                "MeterDialog", "{field}: {day} is before {meter} was removed on {removed}").format(
                field=self._label("installed"), day=installed.isoformat(), meter=old.code,
                removed=old.removed_on.isoformat()))
        if problems:
            self.refusal.setText("\n".join(problems))
            return None
        replaces = old.code if old is not None else ""
        return MeterForm(
            code=self.code_edit.text().strip(), utility=str(self.utility_box.currentData()),
            parent=str(self.parent_box.currentData() or "") or None,
            unit=self.unit_edit.text().strip() or None,
            multiplier=multiplier if multiplier is not None else Decimal(1),
            rollover_at=rollover,
            registers=tuple(self.registers_box.currentData() or (TOTAL,)),
            basis=basis, installed_on=installed, removed_on=removed,
            replaces=replaces or None, tariff_id=uuid.UUID(tariff) if (
                tariff := str(self.tariff_box.currentData() or "")) else None)

    def request_save(self) -> None:
        if self._busy:
            return
        form = self.form()
        if form is not None:
            self.saveRequested.emit(form)

    # -- showing -------------------------------------------------------------------------

    def _cell(self, row: int, column: int) -> str:
        item = self.weights.item(row, column)
        return item.text().strip() if item is not None else ""

    def _label(self, name: str) -> str:
        return self.labels[name].text().rstrip(":：")

    def _remove_weight(self) -> None:
        rows = sorted({i.row() for i in self.weights.selectedIndexes()}, reverse=True)
        if not rows and self.weights.currentRow() >= 0:
            rows = [self.weights.currentRow()]
        for row in rows:
            self.weights.removeRow(row)
        self._update()

    def _update(self) -> None:
        weighted = str(self.basis_box.currentData()) != BasisKind.AREA.value
        self.weights_box.setVisible(weighted)
        self.fill_weights_button.setEnabled(bool(
            self.meter_id and self.snapshot.units_below.get(self.meter_id)))
        self.remove_weight_button.setEnabled(self.weights.rowCount() > 0)
        self.save_button.setEnabled(not self._busy)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        new = self.meter is None
        self.setWindowTitle(translate("MeterDialog", "Add a meter") if new else
                            translate("MeterDialog", "Edit meter {code}").format(
                                code=self.meter.code if self.meter else ""))
        self.intro.setText(translate(
            "MeterDialog", "A main meter has no parent; a sub meter hangs under its parent and "
            "bills a unit, serves a common area (no unit), or feeds sub meters of its own. "
            "What a meter measures beyond its sub meters is shared over the units beneath it "
            "by its basis."))
        words = {
            "code": translate("MeterDialog", "Code:"),
            "utility": translate("MeterDialog", "Utility:"),
            "parent": translate("MeterDialog", "Parent meter:"),
            "unit": translate("MeterDialog", "Unit billed:"),
            "multiplier": translate("MeterDialog", "Multiplier:"),
            "rollover": translate("MeterDialog", "Dial rolls over at:"),
            "registers": translate("MeterDialog", "Registers:"),
            "tariff": translate("MeterDialog", "Tariff:"),
            "installed": translate("MeterDialog", "Installed on:"),
            "removed": translate("MeterDialog", "Removed on:"),
            "replaces": translate("MeterDialog", "Replaces:"),
            "basis": translate("MeterDialog", "Shared by:"),
        }
        for name, text in words.items():
            self.labels[name].setText(text)
        self.code_edit.setPlaceholderText(translate("MeterDialog",
                                                    "As on the meter's nameplate"))
        self.unit_edit.setPlaceholderText(translate(
            "MeterDialog", "The unit's code; blank for a main, sub-main or common area meter"))
        self.multiplier_edit.setPlaceholderText(translate("MeterDialog", "1, or the CT ratio (80)"))
        self.rollover_edit.setPlaceholderText(translate(
            "MeterDialog", "100000 for a dial up to 99999.9; blank: it never wraps"))
        self.installed_edit.setPlaceholderText(translate("MeterDialog", "2026-03-01, or blank"))
        self.removed_edit.setPlaceholderText(translate("MeterDialog", "blank while in service"))
        self.parent_box.setItemText(0, translate("MeterDialog", "(none: a main meter)"))
        self.replaces_box.setItemText(0, translate("MeterDialog", "(none)"))
        self.replaces_box.setToolTip(translate(
            "MeterDialog", "The meter record this one takes the place of: a new dial or CT "
            "ratio at the same point. Its final reading and this one's initial reading make "
            "the month add up."))
        self._say_replacement()
        self._retranslate_tariffs()
        for i in range(self.utility_box.count()):
            self.utility_box.setItemText(i, utility_text(str(self.utility_box.itemData(i))))
        for i in range(self.registers_box.count()):
            registers: Sequence[str] = self.registers_box.itemData(i)
            self.registers_box.setItemText(i, registers_text(registers))
        for i in range(self.basis_box.count()):
            self.basis_box.setItemText(i, basis_text(str(self.basis_box.itemData(i))))
        self.weights.setHorizontalHeaderLabels([translate("MeterDialog", "Unit"),
                                                translate("MeterDialog", "Weight")])
        self.add_weight_button.setText(translate("MeterDialog", "Add unit"))
        self.remove_weight_button.setText(translate("MeterDialog", "Remove unit"))
        self.fill_weights_button.setText(translate("MeterDialog", "Units beneath"))
        self.fill_weights_button.setToolTip(translate(
            "MeterDialog", "A row, weight 1, for every unit metered beneath this meter"))
        self.save_button.setText(translate("MeterDialog", "Save"))
        self.cancel_button.setText(translate("MeterDialog", "Cancel"))

    def _retranslate_tariffs(self) -> None:
        self.tariff_box.setItemText(0, translate("MeterDialog", "(none: not priced)"))
        self.tariffs_button.setText(translate("MeterDialog", "New tariff…"))
        self.tariffs_button.setToolTip(translate(
            "MeterDialog", "Add a tariff, or a new version of one; it is listed here once "
            "saved"))


class ArchiveMeterDialog(QDialog):
    """The day a meter was taken out and its final reading per register; ``archiveRequested``
    carries them (the day, register → figure)."""

    archiveRequested = Signal(object, object)  # date, dict[str, Decimal]

    def __init__(self, meter: MeterInfo, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("archive-meter-dialog")
        self.meter = meter
        self._busy = False
        self._typed: set[str] = set()  # registers whose figure the person typed
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.day_label = QLabel(self)
        self.day_edit = QDateEdit(self)
        self.day_edit.setObjectName("removed-on")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat(DATE_FORMAT)
        start = meter.removed_on or day
        self.day_edit.setDate(QDate(start.year, start.month, start.day))
        self.finals: dict[str, QLineEdit] = {}
        self.final_labels: dict[str, QLabel] = {}
        self.form_layout = QFormLayout()
        self.form_layout.addRow(self.day_label, self.day_edit)
        for register in meter.meter.registers:
            edit = QLineEdit(self)
            edit.setObjectName(f"final-{register}")
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.textEdited.connect(lambda _t, r=register: self._typed.add(r))
            self.finals[register] = edit
            self.final_labels[register] = QLabel(self)
            self.form_layout.addRow(self.final_labels[register], edit)
        self.refusal = QLabel(self)
        self.refusal.setObjectName("refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.refusal.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(self)
        self.archive_button = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole)
        self.archive_button.setObjectName("archive-button")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.archive_button.clicked.connect(self.request_archive)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form_layout)
        layout.addStretch(1)
        layout.addWidget(self.refusal)
        layout.addWidget(self.buttons)
        self.resize(520, 300)
        self.day_edit.dateChanged.connect(lambda _d: self._offer())
        self._offer()
        self._retranslate()

    def day(self) -> date:
        chosen = self.day_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_day(self, day: date) -> None:
        self.day_edit.setDate(QDate(day.year, day.month, day.day))

    def _offer(self) -> None:
        """Each register's figure: a final there already (nothing to give), the reading of
        the day chosen (taken as the final), or blank for the person to give; a figure
        typed stays."""
        day = self.day()
        for register, edit in self.finals.items():
            closed = self.meter.closed(register)
            edit.setEnabled(closed is None)
            if closed is not None:
                edit.setText(plain(closed.value))
                continue
            if register in self._typed:
                continue
            that_day = [r for r in self.meter.readings
                        if r.register == register and r.read_on == day]
            edit.setText(plain(that_day[-1].value) if that_day else "")
        self._placeholders()

    def _placeholders(self) -> None:
        for register, edit in self.finals.items():
            closed = self.meter.closed(register)
            last = self.meter.last(register)
            if closed is not None:
                edit.setToolTip(translate("ArchiveMeterDialog", "Closed by its final reading on "
                                          "{day}").format(day=date_text(closed.read_on)))
                edit.setPlaceholderText("")
            elif last is None:
                edit.setPlaceholderText(translate("ArchiveMeterDialog",
                                                  "Never read: none needed"))
                edit.setToolTip("")
            else:
                edit.setPlaceholderText(translate(
                    "ArchiveMeterDialog", "The dial's figure when taken out (last: {value} on "
                    "{day})").format(value=quantity_text(last.value),
                                     day=date_text(last.read_on)))
                edit.setToolTip("")

    def figures(self) -> tuple[date, dict[str, Decimal]] | None:
        """The day and the final figures as typed; None (and why, under the form) when a
        figure does not read or one read register has none."""
        day = self.day()
        finals: dict[str, Decimal] = {}
        problems: list[str] = []
        for register, edit in self.finals.items():
            if self.meter.closed(register) is not None:
                continue
            label = self.final_labels[register].text().rstrip(":：")
            try:
                value = parse_quantity(edit.text())
            except ValueError:
                problems.append(translate("ArchiveMeterDialog", "{field}: “{text}” is not a "
                                          "number").format(field=label, text=edit.text().strip()))
                continue
            if value is None:
                if self.meter.last(register) is not None:
                    problems.append(translate(
                        "ArchiveMeterDialog", "{field}: give the dial's figure on {day}").format(
                        field=label, day=date_text(day)))
                continue
            finals[register] = value
        if problems:
            self.refusal.setText("\n".join(problems))
            return None
        return day, finals

    def request_archive(self) -> None:
        if self._busy:
            return
        found = self.figures()
        if found is not None:
            self.archiveRequested.emit(*found)

    def set_working(self) -> None:
        self._busy = True
        self.refusal.setText("")
        self.archive_button.setEnabled(False)

    def set_refused(self, text: str) -> None:
        """The app refused: said in words; the day and the figures stay."""
        self._busy = False
        self.refusal.setText(text)
        self.archive_button.setEnabled(True)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(translate("ArchiveMeterDialog", "Archive meter {code}").format(
            code=self.meter.code))
        self.intro.setText(translate(
            "ArchiveMeterDialog", "A meter that was read is never deleted: it is archived from "
            "the day it was taken out. Its readings stay, and it bills up to that day and no "
            "more. Its final reading closes each register; the reading of that day, if there "
            "is one, is its final."))
        self.day_label.setText(translate("ArchiveMeterDialog", "Removed on:"))
        for register, label in self.final_labels.items():
            label.setText(translate("ArchiveMeterDialog", "Final reading ({register}):").format(
                register=register_text(register).lower()))
        self._placeholders()
        self.archive_button.setText(translate("ArchiveMeterDialog", "Archive"))
        self.cancel_button.setText(translate("ArchiveMeterDialog", "Cancel"))
