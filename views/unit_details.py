"""The details panel: a unit's facts, and editors that emit edit requests.

The panel never writes anything: it emits ``editRequested(unit_id, field,
value)`` and the app turns that into an undoable command. A change of use
(for rent or common area) is a space edit that re-shares the floor's common
area, so it has a signal of its own, ``useRequested(unit_id, use)``; the
panel says why the unit has its use and lists the space edits that made it
(:meth:`UnitDetails.set_history`, filled by the app).

Nothing typed is thrown away. Each editor checks as it is typed, by the one
rule in ``domain.unit_edits``: a value that rule (or the store, through
:meth:`UnitDetails.refuse`) refuses stays in its field, framed, with the
reason beneath, until the person fixes it or presses Escape. Showing the same
unit again (after an undo, a refresh, another process's write) keeps every
field the person has changed and not saved; leaving the unit keeps them as a
draft that comes back with it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QInputMethodEvent, QKeyEvent, QPalette, QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from domain.assets import FitOut, Orientation, UnitStatus, UnitType
from domain.space_use import SpaceUse
from domain.unit_edits import UnitEditError, check_unit_edit, edit_problem
from views import classify_text
from views.labels import area_text, building_title, currency_name, date_text, label, rent_text

translate = QCoreApplication.translate

PROBLEM_COLOUR = "#c62828"
# A marked editor's frame. Set on that editor alone while it is marked: a style sheet
# on the whole panel would triple what building it costs on the start-up path. The
# editor's ``problem`` property is there for an application style sheet too.
PROBLEM_FRAME = (
    "{kind} {{ border: 1px solid " + PROBLEM_COLOUR + "; border-radius: 2px; "
    "background: #fff5f5; }}"
)

# How a price names its currency in the user's language (元 for CNY in Chinese).
FACTS: list[tuple[str, Callable[[], str], Callable[[Any], str]]] = [
    ("code", lambda: translate("UnitDetails", "Code"), lambda r: r.code),
    (
        "location",
        lambda: translate("UnitDetails", "Building / floor"),
        lambda r: f"{building_title(r.building_code, r.building_name)} · {r.floor_name}",
    ),
    (
        "gross_area",
        lambda: translate("UnitDetails", "Gross area (m²)"),
        lambda r: area_text(r.gross_area),
    ),
    (
        "internal_area",
        lambda: translate("UnitDetails", "Internal area (m²)"),
        lambda r: area_text(r.internal_area),
    ),
    (
        "common_share",
        lambda: translate("UnitDetails", "Common-area share (m²)"),
        lambda r: area_text(r.common_share),
    ),
    (
        "leasable_area",
        lambda: translate("UnitDetails", "Leasable area (m²)"),
        lambda r: area_text(r.leasable_area),
    ),
    (
        "billable_area",
        lambda: translate("UnitDetails", "Billable area (m²)"),
        lambda r: area_text(r.billable_area),
    ),
    ("occupancy", lambda: translate("UnitDetails", "Occupancy"), lambda r: label(r.state)),
    ("tenant", lambda: translate("UnitDetails", "Tenant"), lambda r: r.tenant or "—"),
    ("contract", lambda: translate("UnitDetails", "Contract"), lambda r: r.contract_code or "—"),
    (
        "rent",
        lambda: translate("UnitDetails", "Rent (per m² per month)"),
        lambda r: rent_text(r.rent) or "—",
    ),
    (
        "ends",
        lambda: translate("UnitDetails", "Lease ends"),
        lambda r: date_text(r.contract_ends_on) or "—",
    ),
]

CHOICES: dict[str, tuple[type[Enum], bool]] = {
    "unit_type": (UnitType, False),
    "status": (UnitStatus, False),
    "orientation": (Orientation, True),
    "fit_out": (FitOut, True),
}

EDIT_TITLES: dict[str, Callable[[], str]] = {
    "name": lambda: translate("UnitDetails", "Name"),
    "unit_type": lambda: translate("UnitDetails", "Type"),
    "status": lambda: translate("UnitDetails", "Status"),
    "asking_rent": lambda: translate("UnitDetails", "Asking rent (per m² per month)"),
    "orientation": lambda: translate("UnitDetails", "Orientation"),
    "ceiling_height": lambda: translate("UnitDetails", "Ceiling height (m)"),
    "floor_load": lambda: translate("UnitDetails", "Floor load (kN/m²)"),
    "power_capacity": lambda: translate("UnitDetails", "Power capacity (kW)"),
    "fit_out": lambda: translate("UnitDetails", "Fit-out"),
    "tags": lambda: translate("UnitDetails", "Tags (comma separated)"),
    "notes": lambda: translate("UnitDetails", "Notes"),
}


def field_title(field: str, currency: str = "") -> str:
    """An editable unit field named as the details form names it (rents in ``currency``)."""
    if field == "asking_rent" and currency:
        return translate("UnitDetails", "Asking rent (%1/m²/month)").replace(
            "%1", currency_name(currency))
    title = EDIT_TITLES.get(field)
    return title() if title else field


def _number_wanted(places: int) -> str:
    if places == 0:
        return translate("UnitDetails", "a whole number")
    if places == 1:
        return translate("UnitDetails", "a number, up to 1 decimal")
    return translate("UnitDetails", "a number, up to %1 decimals").replace("%1", str(places))


def _decimals_allowed(places: int) -> str:
    if places == 0:
        return translate("UnitDetails", "no decimals")
    if places == 1:
        return translate("UnitDetails", "at most 1 decimal")
    return translate("UnitDetails", "at most %1 decimals").replace("%1", str(places))


# One template per refusal code of domain.unit_edits (a test checks none is missing).
REASONS: dict[str, Callable[[dict[str, Any]], str]] = {
    "too-long": lambda p: translate("UnitDetails", "at most %1 characters (now %2)")
    .replace("%1", str(p["limit"]))
    .replace("%2", str(p["length"])),
    "not-a-number": lambda p: _number_wanted(p["places"]),
    "too-many-decimals": lambda p: _decimals_allowed(p["places"]),
    "negative": lambda p: translate("UnitDetails", "cannot be negative"),
    "too-large": lambda p: translate("UnitDetails", "at most %1").replace(
        "%1", _plain(p["limit"])),
    "not-a-choice": lambda p: translate("UnitDetails", "not one of the choices"),
    "not-editable": lambda p: translate("UnitDetails", "cannot be edited by hand"),
}


def reason_text(problem: UnitEditError | str) -> str:
    """Why a value is refused, in the user's language.

    ``problem`` is the domain's refusal, or the store's reason already in words
    (the app renders those) for a value that passed the checks but was not saved.
    """
    if isinstance(problem, str):
        return translate("UnitDetails", "not saved: %1").replace("%1", problem)
    template = REASONS.get(problem.code)
    return template(problem.params) if template else str(problem)


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, tuple | list):
        return ", ".join(value)
    return str(value)


def _same_value(field: str, typed: Any, stored: Any) -> bool:
    """Whether ``typed`` would store what is stored (``１２０．５`` is 120.5000)."""
    try:
        return bool(check_unit_edit(field, typed) == check_unit_edit(field, stored))
    except UnitEditError:
        return _plain(typed) == _plain(stored)


USES = (SpaceUse.LEASABLE, SpaceUse.COMMON, SpaceUse.BUILDING_COMMON)
REASON_COLOUR = "#5f6368"
HISTORY_CODES = 4  # codes a history line names before "and N more"
WORD_REASONS = ("common-word", "leasable-word", "room-number", "undecided")


class HistoryStep(Protocol):
    """One edit of a unit's lineage: ``services.space_edits.LineageStep`` (views do not
    import services)."""

    @property
    def kind(self) -> str: ...

    @property
    def effective_on(self) -> date: ...

    @property
    def parents(self) -> tuple[str, ...]: ...

    @property
    def children(self) -> tuple[str, ...]: ...


def use_reason_text(reason: str) -> str:
    """Why a unit has its use, in words, from its stored ``use_reason``.

    ``manual`` is a person's choice; a classification keeps ``code:word``
    (``common-word:走廊``) or its code alone; a unit from before rooms had a use
    has none, and then nothing is said.
    """
    if not reason:
        return ""
    if reason == "manual":
        return translate("UnitDetails", "set by hand")
    code, _, word = reason.partition(":")
    if code not in WORD_REASONS:
        return reason
    return classify_text.reason_text(code, word)


def _codes_text(codes: Sequence[str]) -> str:
    """Codes for a history line; a classification of a whole floor is not listed in full."""
    if len(codes) <= HISTORY_CODES:
        return ", ".join(codes)
    return translate("UnitDetails", "%1 and %2 more").replace(
        "%1", ", ".join(codes[:HISTORY_CODES])).replace("%2", str(len(codes) - HISTORY_CODES))


HISTORY_TEMPLATES: dict[str, Callable[[], str]] = {
    "split_unit": lambda: translate("UnitDetails", "%1 split %2 → %3"),
    "merge_units": lambda: translate("UnitDetails", "%1 merged %2 → %3"),
    "reshape_unit": lambda: translate("UnitDetails", "%1 reshaped %3"),
    "draw_unit": lambda: translate("UnitDetails", "%1 drawn as %3"),
    "set_room_use": lambda: translate("UnitDetails", "%1 use changed: %3"),
}


def history_line(step: HistoryStep) -> str:
    """One edit of a unit's history: ``2026-12-07 split ZD-A-0302 → ZD-A-0302A, ZD-A-0302B``."""
    maker = HISTORY_TEMPLATES.get(step.kind)
    template = maker() if maker else translate("UnitDetails", "%1 %2 → %3")
    return (template.replace("%2", _codes_text(step.parents))
            .replace("%3", _codes_text(step.children))
            .replace("%1", date_text(step.effective_on)))


class FieldValidator(QValidator):
    """Checks a field as it is typed, by the domain's rule for it.

    Never ``Invalid``: a keystroke (or an input method's commit) is never
    dropped. What the rule refuses is ``Intermediate``: it stays in the field,
    the panel says why, and the line edit does not finish editing with it.
    """

    def __init__(self, field: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.field = field

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        refused = edit_problem(self.field, text) is not None
        state = QValidator.State.Intermediate if refused else QValidator.State.Acceptable
        return state, text, pos


class UnitDetails(QWidget):
    editRequested = Signal(object, str, object)  # unit id, field, new value
    useRequested = Signal(object, object)  # unit id (uuid.UUID), SpaceUse: a space edit
    unitShown = Signal(object)  # the unit shown (uuid.UUID), or None: its history is asked for

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row: Any = None
        self.currency = ""
        self._fact_labels: dict[str, QLabel] = {}
        self._fact_values: dict[str, QLabel] = {}
        self._edit_labels: dict[str, QLabel] = {}
        self._editors: dict[str, QWidget] = {}
        self._hints: dict[str, QLabel] = {}
        self._shown: dict[str, str] = {}  # the text this panel last put in each editor
        self._refused: dict[str, tuple[str, UnitEditError | str]] = {}  # text, why not saved
        self._drafts: dict[uuid.UUID, dict[str, tuple[str, Any]]] = {}  # by unit left
        self._composing: set[str] = set()  # fields an input method is composing a word in

        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.facts_box = QGroupBox(self)
        facts = QFormLayout(self.facts_box)
        for key, _, _ in FACTS:
            self._fact_labels[key] = QLabel(self.facts_box)
            self._fact_values[key] = QLabel(self.facts_box)
            self._fact_values[key].setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
            )
            facts.addRow(self._fact_labels[key], self._fact_values[key])

        self.edit_box = QGroupBox(self)
        edits = self._edit_form = QFormLayout(self.edit_box)
        # The use first: a space edit, not a field of the unit's own (see useRequested).
        self.use_label = QLabel(self.edit_box)
        self.use_combo = QComboBox(self.edit_box)
        self.use_combo.setObjectName("edit-use")
        self.use_combo.activated.connect(self._use_chosen)
        self.use_reason = QLabel(self.edit_box)
        self.use_reason.setObjectName("use-reason")
        self.use_reason.setWordWrap(True)
        grey = self.use_reason.palette()
        grey.setColor(QPalette.ColorRole.WindowText, QColor(REASON_COLOUR))
        self.use_reason.setPalette(grey)
        use_field = QWidget(self.edit_box)
        use_column = QVBoxLayout(use_field)
        use_column.setContentsMargins(0, 0, 0, 0)
        use_column.setSpacing(2)
        use_column.addWidget(self.use_combo)
        use_column.addWidget(self.use_reason)
        edits.addRow(self.use_label, use_field)
        for key in EDIT_TITLES:
            self._edit_labels[key] = QLabel(self.edit_box)
            edits.addRow(self._edit_labels[key], self._make_field(key))

        self.history_box = QGroupBox(self)
        self.history_text = QLabel(self.history_box)
        self.history_text.setObjectName("history")
        self.history_text.setWordWrap(True)
        self.history_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self.history_box).addWidget(self.history_text)
        self._history: list[HistoryStep] | None = None  # None until the app has read it

        inner = QWidget(self)
        column = QVBoxLayout(inner)
        column.addWidget(self.heading)
        column.addWidget(self.facts_box)
        column.addWidget(self.history_box)  # short: in view above the long form
        column.addWidget(self.edit_box)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._retranslate()
        self.show_unit(None)

    # -- data in -----------------------------------------------------------------

    def show_unit(self, row: Any) -> None:
        """Show a unit record, or an empty panel for None.

        The same unit again (fresh data) keeps what the person changed and has
        not saved; another unit gets its own fields, and any draft left on it.
        """
        previous = self._row
        same = previous is not None and row is not None and previous.id == row.id
        if previous is not None and not same:
            self._keep_draft(previous)
        self._row = row
        self.edit_box.setEnabled(row is not None)
        self._show_use()
        if not same:
            self._history = None  # the app reads the new unit's (unitShown)
            self._show_history()
        if row is None:
            self.heading.setText(self.tr("No unit selected"))
            for value in self._fact_values.values():
                value.setText("")
            for key in self._editors:
                self._set_editor(key, None)
                self._show_problem(key)
            self.unitShown.emit(None)
            return
        self.heading.setText(f"{row.code}  {row.name}")
        for key, _, text in FACTS:
            self._fact_values[key].setText(text(row))
        draft = {} if same else self._drafts.pop(row.id, {})
        for key in self._editors:
            stored = getattr(row, key)
            if same and (self.edited(key) or key in self._composing):
                if _same_value(key, self._editor_value(key), stored):
                    self._shown[key] = self._text(key)  # saved meanwhile, as typed
            else:
                self._set_editor(key, stored)
                if key in draft:
                    text, refusal = draft[key]
                    self._put_text(key, text)
                    if refusal is not None:
                        self._refused[key] = (text, refusal)
            self._show_problem(key)
        self.unitShown.emit(row.id)

    def unit_id(self) -> Any:
        return None if self._row is None else self._row.id

    def editor(self, field: str) -> QWidget:
        return self._editors[field]

    def hint(self, field: str) -> QLabel:
        """The line under a field that says what is wrong with its value."""
        return self._hint_row(field)

    def refuse(self, unit_id: uuid.UUID, field: str, problem: UnitEditError | str) -> None:
        """The value in ``field`` was not saved: keep it there, marked, with the reason.

        ``problem`` is the domain's refusal, or the store's reason in words.
        """
        if self._row is None or self._row.id != unit_id:
            return
        self._refused[field] = (self._text(field), problem)
        self._show_problem(field)

    def edited(self, field: str) -> bool:
        """Whether the person changed ``field`` since the panel last filled it."""
        return self._text(field) != self._shown.get(field, "")

    def problem(self, field: str) -> UnitEditError | str | None:
        """Why the value now in ``field`` cannot be (or was not) saved; None if it can."""
        text = self._text(field)
        refused = self._refused.get(field)
        if refused is not None and refused[0] == text:
            return refused[1]
        if not self.edited(field):
            return None
        return edit_problem(field, self._editor_value(field))

    def message(self, field: str) -> str:
        """The problem of ``field`` named as the form names the field, or ""."""
        return self._message(field, self.problem(field))

    def _message(self, field: str, problem: UnitEditError | str | None) -> str:
        if problem is None:
            return ""
        return (
            self.tr("%1: %2")
            .replace("%1", self._edit_labels[field].text())
            .replace("%2", reason_text(problem))
        )

    def pending_edits(self) -> list[tuple[uuid.UUID, str, Any]]:
        """What was typed and not sent yet, on the shown unit and in the drafts, that can be
        saved: the window sends it before the workspace closes, so closing loses nothing.

        A value the rule or the store refused is not in it (it cannot be saved as it is).
        """
        pending: list[tuple[uuid.UUID, str, Any]] = []
        if self._row is not None:
            for key in self._editors:
                if key in CHOICES or not self.edited(key) or self.problem(key) is not None:
                    continue
                value = self._editor_value(key)
                if not _same_value(key, value, getattr(self._row, key)):
                    pending.append((self._row.id, key, value))
        for unit_id, draft in self._drafts.items():
            for key, (text, refusal) in draft.items():
                if key not in CHOICES and refusal is None and edit_problem(key, text) is None:
                    pending.append((unit_id, key, text))
        return pending

    def clear(self) -> None:
        """The workspace closed: no unit, no drafts (they were its units')."""
        self._row = None
        self._drafts.clear()
        self.show_unit(None)

    def set_history(self, steps: Sequence[HistoryStep]) -> None:
        """The space edits that made the shown unit, oldest first (the app reads them)."""
        self._history = list(steps)
        self._show_history()

    def history_lines(self) -> list[str]:
        """The history as shown, one line per edit (none while it is being read)."""
        return [history_line(step) for step in self._history or ()]

    def revert(self, field: str) -> None:
        """Back to the stored value (Escape): what was typed there is given up."""
        self._set_editor(field, None if self._row is None else getattr(self._row, field))
        self._show_problem(field)

    # -- the use and the history ---------------------------------------------------

    def _show_use(self) -> None:
        """The stored use in the combo, and why the unit has it."""
        row = self._row
        use = None if row is None else getattr(row, "use", SpaceUse.LEASABLE)
        self.use_combo.setCurrentIndex(max(self.use_combo.findData(use), 0))
        why = "" if row is None else use_reason_text(getattr(row, "use_reason", ""))
        self.use_reason.setText(why)
        self.use_reason.setVisible(bool(why))
        self.use_combo.setToolTip(
            self.tr("Why: %1").replace("%1", why) if why else "")

    def _use_chosen(self, _index: int) -> None:
        """Ask for the change of use; the combo shows the stored use until the store has it
        (a refusal then leaves it as it was, and the window says why)."""
        row = self._row
        use = self.use_combo.currentData()
        if row is not None and use is not None and use != getattr(row, "use", None):
            self.useRequested.emit(row.id, SpaceUse(use))
        self._show_use()

    def _show_history(self) -> None:
        lines = self.history_lines()
        if self._row is None or self._history is None:
            self.history_text.setText("")  # not "no edits" before it is known
        elif lines:
            self.history_text.setText("\n".join(lines))
        else:
            self.history_text.setText(self.tr("No space edits: as imported or entered."))

    # -- editors -----------------------------------------------------------------

    def _make_field(self, key: str) -> QWidget:
        editor = self._make_editor(key, self.edit_box)
        editor.setObjectName(f"edit-{key}")
        editor.installEventFilter(self)
        self._editors[key] = editor
        return editor

    def _hint_row(self, key: str) -> QLabel:
        """The problem line under ``key``'s editor, made the first time one is needed
        (the panel is built on the start-up path)."""
        hint = self._hints.get(key)
        if hint is None:
            hint = QLabel(self.edit_box)
            hint.setObjectName(f"hint-{key}")
            hint.setProperty("role", "problem")
            hint.setWordWrap(True)
            colours = hint.palette()
            colours.setColor(QPalette.ColorRole.WindowText, QColor(PROBLEM_COLOUR))
            hint.setPalette(colours)
            row, _role = self._edit_form.getWidgetPosition(self._editors[key])
            self._edit_form.insertRow(row + 1, QWidget(self.edit_box), hint)
            self._edit_form.setRowVisible(hint, False)
            self._hints[key] = hint
        return hint

    def _make_editor(self, key: str, parent: QWidget) -> QWidget:
        if key in CHOICES:
            combo = QComboBox(parent)
            combo.activated.connect(lambda _i, k=key: self._commit(k))
            return combo
        if key == "notes":
            notes = _NotesEdit(parent)
            notes.setFixedHeight(80)
            notes.focusLost.connect(lambda k=key: self._commit(k))
            notes.textChanged.connect(lambda k=key: self._show_problem(k))
            return notes
        line = QLineEdit(parent)
        line.setValidator(FieldValidator(key, line))
        line.editingFinished.connect(lambda k=key: self._commit(k))
        line.textChanged.connect(lambda _t, k=key: self._show_problem(k))
        return line

    def _fill_choices(self) -> None:
        for key, (enum, optional) in CHOICES.items():
            combo = self._editors[key]
            assert isinstance(combo, QComboBox)
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            if optional:
                combo.addItem("—", None)
            for member in enum:
                combo.addItem(label(member), member)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)
            self._shown[key] = self._text(key)

    def _set_editor(self, key: str, value: Any) -> None:
        """Fill an editor from the store: a clean field again, nothing refused."""
        editor = self._editors[key]
        editor.blockSignals(True)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(_plain(value))
        elif isinstance(editor, QLineEdit):
            editor.setText(_plain(value))
            editor.setCursorPosition(0)
        editor.blockSignals(False)
        self._shown[key] = self._text(key)
        self._refused.pop(key, None)
        self._composing.discard(key)

    def _put_text(self, key: str, text: str) -> None:
        """Put a kept draft back as the person left it."""
        editor = self._editors[key]
        editor.blockSignals(True)
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(text)
        elif isinstance(editor, QLineEdit):
            editor.setText(text)
        editor.blockSignals(False)

    def _text(self, key: str) -> str:
        editor = self._editors[key]
        if isinstance(editor, QComboBox):
            return _plain(editor.currentData())
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        assert isinstance(editor, QLineEdit)
        return editor.text()

    def _editor_value(self, key: str) -> Any:
        editor = self._editors[key]
        if isinstance(editor, QComboBox):
            return editor.currentData()
        return self._text(key)

    def _keep_draft(self, row: Any) -> None:
        """Leaving a unit: what was typed and not saved waits for it to be shown again."""
        draft = {}
        for key in self._editors:
            if self.edited(key) and not _same_value(key, self._editor_value(key),
                                                    getattr(row, key)):
                refused = self._refused.get(key)
                refusal = refused[1] if refused and refused[0] == self._text(key) else None
                draft[key] = (self._text(key), refusal)
        if draft:
            self._drafts[row.id] = draft

    def _commit(self, key: str) -> None:
        if self._row is None or (key not in CHOICES and not self.edited(key)):
            return
        value = self._editor_value(key)
        if edit_problem(key, value) is not None:
            self._show_problem(key)  # the reason is beside it already; nothing is sent
            return
        if _same_value(key, value, getattr(self._row, key)):
            return
        self.editRequested.emit(self._row.id, key, value)

    def _show_problem(self, key: str) -> None:
        """Frame the field and say why, or clear both."""
        problem = self.problem(key)
        editor = self._editors[key]
        if problem is not None or key in self._hints:
            hint = self._hint_row(key)
            hint.setText("" if problem is None else reason_text(problem))
            self._edit_form.setRowVisible(hint, problem is not None)
        editor.setToolTip(self._message(key, problem))
        if editor.property("problem") != (problem is not None):
            editor.setProperty("problem", problem is not None)
            if isinstance(editor, QLineEdit | QPlainTextEdit):
                kind = "QLineEdit" if isinstance(editor, QLineEdit) else "QPlainTextEdit"
                editor.setStyleSheet("" if problem is None else PROBLEM_FRAME.format(kind=kind))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.InputMethod and isinstance(event, QInputMethodEvent):
            key = next((k for k, e in self._editors.items() if e is watched), None)
            if key is not None and event.preeditString():
                self._composing.add(key)  # a reload must not cut the word being chosen
            elif key is not None:
                self._composing.discard(key)
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            key = next((k for k, e in self._editors.items() if e is watched), None)
            if key is not None and (self.edited(key) or key in self._refused):
                self.revert(key)
                return True
        return super().eventFilter(watched, event)

    # -- language ----------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.show_unit(self._row)
        super().changeEvent(event)

    def set_currency(self, currency: str) -> None:
        """The shown park's currency, named with the rents (each park bills in its own)."""
        if currency != self.currency:
            self.currency = currency
            self._retranslate()

    def _retranslate(self) -> None:
        self.facts_box.setTitle(self.tr("Facts"))
        self.edit_box.setTitle(self.tr("Edit"))
        for key, title, _ in FACTS:
            self._fact_labels[key].setText(title())
        for key in EDIT_TITLES:
            self._edit_labels[key].setText(field_title(key, self.currency))
        if self.currency:
            self._fact_labels["rent"].setText(
                self.tr("Rent (%1/m²/month)").replace("%1", currency_name(self.currency)))
        self._fill_choices()
        self.use_label.setText(self.tr("Use"))
        self.history_box.setTitle(self.tr("History"))
        self.use_combo.clear()
        for use in USES:
            self.use_combo.addItem(label(use), use)
        self._show_use()
        self._show_history()
        for key in self._editors:
            self._show_problem(key)


class _NotesEdit(QPlainTextEdit):
    """A notes box that commits when it loses focus."""

    focusLost = Signal()

    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        self.focusLost.emit()
