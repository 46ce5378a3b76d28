"""A contract's deposit: what it holds of what was agreed, every movement, and a reversal.

The contract window's Deposit tab (:class:`DepositPanel`) lists the deposit's own
ledger (``services.deposits.deposit_statement``, read by ``app.contract_flow``):
received, applied to a bill, refunded, carried to the renewal or from the contract
renewed, and reversals, oldest first, each with what it did to the deposit held and
what it concerns (the bill, the payment, the other contract). "Receive…" and
"Refund…" emit :attr:`DepositPanel.receiveRequested` / ``refundRequested`` (the app
opens ``views.deposit_move_dialog.DepositMoveDialog``). A movement entered
wrong is not edited: "Reverse…" on the selected one emits
:attr:`DepositPanel.reverseRequested`, and the app opens :class:`ReverseDialog`, which
says what reversing it on the chosen day will do before anything is written (each side
undone — a carry's two together —, the payment given its money back, the bill open
again, as ``services.deposits.rehearse_reversal`` says it), or why it is refused, in
words; "Reverse" writes it. The words are ``views.deposit_text``'s, so
``leasemap deposit-reverse`` says it alike.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from views.deposit_text import (
    held_text,
    kind_text,
    money_text,
    movement_about,
    movement_effect,
    reversal_lines,
    undone_text,
)
from views.plain_table import plain_item, plain_table

DATE_FORMAT = "yyyy-MM-dd"
ERROR_COLOUR = "#b3261e"
MUTED_COLOUR = "#8a8a8a"
DAY, KIND, AMOUNT, ABOUT, REVERSED, NOTE = range(6)
NOTE_LIMIT = 300


def _signed(line: Any, currency: str) -> str:
    effect = movement_effect(line)
    said = money_text(abs(effect), currency)
    return f"+{said}" if effect > 0 else f"−{said}" if effect < 0 else said


class DepositPanel(QWidget):
    """The Deposit tab: the held line, the movements, "Receive…" and "Refund…", and
    "Reverse…" for the selected one."""

    reverseRequested = Signal(object)  # the movement's id (uuid.UUID)
    receiveRequested = Signal()  # the deposit (or part of it) received
    refundRequested = Signal()  # part or all of what it holds paid back

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.statement: Any = None  # services.deposits.DepositStatement, duck-typed
        self.currency = ""
        self.writable = False
        self.held = QLabel(self)
        self.held.setWordWrap(True)
        self.held.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = plain_table(self, 6)
        self.table.itemSelectionChanged.connect(self._update_button)
        self.table.itemDoubleClicked.connect(lambda _item: self._reverse_clicked())
        self.empty = QLabel(self)
        self.empty.setStyleSheet(f"color: {MUTED_COLOUR}")
        self.reverse_button = QPushButton(self)
        self.reverse_button.clicked.connect(self._reverse_clicked)
        self.receive_button = QPushButton(self)
        self.receive_button.setObjectName("receive-deposit")
        self.receive_button.clicked.connect(self._receive_clicked)
        self.refund_button = QPushButton(self)
        self.refund_button.setObjectName("refund-deposit")
        self.refund_button.clicked.connect(self._refund_clicked)
        row = QHBoxLayout()
        row.addWidget(self.receive_button)
        row.addWidget(self.refund_button)
        row.addWidget(self.reverse_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.held)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(row)
        self._retranslate()

    # -- in ------------------------------------------------------------------------------

    def set_statement(self, statement: Any, currency: str = "", writable: bool = True) -> None:
        """Show ``statement`` (None: not read); ``writable``: a receipt, a refund or a
        reversal may be asked for."""
        chosen = self.selected_movement()
        self.statement, self.currency, self.writable = statement, currency, writable
        lines = tuple(statement.lines) if statement is not None else ()
        self.table.setRowCount(len(lines))
        for i, line in enumerate(lines):
            done = undone_text(line, currency)
            colour = MUTED_COLOUR if done and not line.reversible else None
            cells = ((DAY, line.on.isoformat(), False), (KIND, kind_text(line.kind), False),
                     (AMOUNT, _signed(line, currency), True),
                     (ABOUT, movement_about(line, lines), False), (NOTE, line.note, False),
                     (REVERSED, done, False))
            for column, text, right in cells:
                self.table.setItem(i, column, plain_item(text, colour, right))
            self.table.item(i, DAY).setData(Qt.ItemDataRole.UserRole, str(line.id))
        self.empty.setVisible(not lines)
        self._say_held()
        if chosen is None or not self.select_movement(chosen):
            self.table.clearSelection()
        self._update_button()

    def _say_held(self) -> None:
        s = self.statement
        if s is None:
            self.held.setText("")
            return
        self.held.setText(self.tr("Deposit: %1").replace(
            "%1", held_text(s.held, s.agreed, s.moved, self.currency)))

    # -- out -----------------------------------------------------------------------------

    def selected_movement(self) -> uuid.UUID | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), DAY)
        return None if item is None else uuid.UUID(str(item.data(Qt.ItemDataRole.UserRole)))

    def selected_line(self) -> Any:
        chosen = self.selected_movement()
        if chosen is None or self.statement is None:
            return None
        return next((x for x in self.statement.lines if x.id == chosen), None)

    def select_movement(self, movement_id: uuid.UUID) -> bool:
        for i in range(self.table.rowCount()):
            item = self.table.item(i, DAY)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == str(movement_id):
                self.table.selectRow(i)
                return True
        return False

    def _reverse_clicked(self) -> None:
        line = self.selected_line()
        if line is not None and line.reversible and self.writable:
            self.reverseRequested.emit(line.id)

    def _receive_clicked(self) -> None:
        if self.receive_button.isEnabled():
            self.receiveRequested.emit()

    def _refund_clicked(self) -> None:
        if self.refund_button.isEnabled():
            self.refundRequested.emit()

    def _update_button(self) -> None:
        read = self.statement is not None
        self.receive_button.setEnabled(read and self.writable)
        self.refund_button.setEnabled(read and self.writable and self.statement.held > 0)
        if read and self.writable and self.statement.held <= 0:
            self.refund_button.setToolTip(self.tr("The deposit holds nothing to refund."))
        else:
            self.refund_button.setToolTip(self.tr(
                "Pay back part or all of what the deposit holds; says held before → after "
                "first."))
        self.receive_button.setToolTip(self.tr(
            "Record the deposit received, in whole or in part, and the payment it came in; "
            "says what it writes first."))
        line = self.selected_line()
        self.reverse_button.setEnabled(line is not None and line.reversible and self.writable)
        if line is not None and line.kind == "reversed":
            tip = self.tr("A reversal is not reversed: enter the movement again.")
        elif line is not None and not line.reversible:
            tip = self.tr("This movement is reversed already.")
        else:
            tip = self.tr("Undo the selected movement with a reversing one; what it did to "
                          "a payment or a bill is undone with it.")
        self.reverse_button.setToolTip(tip)

    # -- language ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([
            self.tr("Date"), self.tr("Movement"), self.tr("Held ±"), self.tr("Concerns"),
            self.tr("Reversed"), self.tr("Note")])
        self.empty.setText(self.tr("No deposit movement yet."))
        self.reverse_button.setText(self.tr("Reverse…"))
        self.receive_button.setText(self.tr("Receive…"))
        self.refund_button.setText(self.tr("Refund…"))
        if self.statement is not None:
            self.set_statement(self.statement, self.currency, self.writable)
        else:
            self._update_button()


class ReverseDialog(QDialog):
    """One movement's reversal: the day and why, what it will do (or why it is refused),
    then "Reverse". ``line``: a ``services.deposits.MovementLine``; ``lines``: the
    contract's, to name what a line concerns."""

    rehearseRequested = Signal(object)  # date
    reverseRequested = Signal(object, str)  # date, note

    def __init__(self, line: Any, lines: Sequence[Any], code: str, currency: str, day: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line, self.lines, self.code, self.currency = line, tuple(lines), code, currency
        self.written = False
        self.writing = False  # "Reverse" pressed, its answer not back yet
        self.said: list[str] = []  # the rehearsal's lines, as last said
        self.movement = QLabel(self)
        self.movement.setWordWrap(True)
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(DATE_FORMAT)
        self.day.setDate(QDate(day.year, day.month, day.day))
        self.day.dateChanged.connect(lambda _d: self.rehearse())
        self.note = QLineEdit(self)
        self.note.setMaxLength(NOTE_LIMIT)
        self.labels = [QLabel(self), QLabel(self)]
        form = QFormLayout()
        form.addRow(self.labels[0], self.day)
        form.addRow(self.labels[1], self.note)
        self.plan = QLabel(self)
        self.plan.setWordWrap(True)
        self.plan.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.plan.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)  # until the rehearsal says what it will do
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.movement)
        layout.addLayout(form)
        layout.addWidget(self.plan, 1)
        layout.addWidget(self.buttons)
        self.resize(620, 300)
        self._retranslate()

    def chosen(self) -> date:
        return self.day.date().toPython()

    def rehearse(self) -> None:
        """Ask what reversing on the chosen day would do (the answer comes to set_plan)."""
        if self.written:
            return
        self.ok_button.setEnabled(False)
        self.plan.setStyleSheet("")
        self.plan.setText(self.tr("Working out what the reversal does…"))
        self.rehearseRequested.emit(self.chosen())

    def set_plan(self, on: date, reasons: Sequence[Any]) -> None:
        """What reversing on ``on`` will write (``ReversalPlan.reasons``); an answer for
        another day than the one now chosen is dropped, and so is one arriving once
        "Reverse" was pressed (it would offer "Reverse" again while the first is written)."""
        if on != self.chosen() or self.written or self.writing:
            return
        said = self.said = reversal_lines(reasons, self.currency)
        self.plan.setStyleSheet("")
        self.plan.setText("\n".join(
            [self.tr("Reversing it on %1:").replace("%1", on.isoformat())]
            + [f"• {line}" for line in said]
            + [self.tr("Nothing is written until you press Reverse.")]))
        self.ok_button.setEnabled(True)

    def set_refused(self, text: str, on: date | None = None) -> None:
        """Why it is refused: a rehearsal's (for ``on``: dropped if another day is chosen,
        or once "Reverse" was pressed), or the reversal's own (no ``on``: the day and the
        note can be changed again)."""
        if on is not None and (on != self.chosen() or self.writing or self.written):
            return
        if on is None:
            self.writing = False
            self.day.setEnabled(not self.written)
            self.note.setEnabled(not self.written)
        self.plan.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.plan.setText(text)
        self.ok_button.setEnabled(False)

    def set_done(self, on: date) -> None:
        """Written: what it did stays said under it."""
        self.written, self.writing = True, False
        self.plan.setStyleSheet("")
        self.plan.setText("\n".join(
            [self.tr("Reversed on %1.").replace("%1", on.isoformat())]
            + [f"• {line}" for line in self.said]))
        self.day.setEnabled(False)
        self.note.setEnabled(False)
        self.ok_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

    def _ok(self) -> None:
        if self.writing or self.written:
            return
        self.writing = True
        self.ok_button.setEnabled(False)
        self.day.setEnabled(False)  # what is written is what was said, for this day
        self.note.setEnabled(False)
        self.reverseRequested.emit(self.chosen(), self.note.text().strip())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        line = self.line
        self.setWindowTitle(self.tr("Reverse a deposit movement of %1").replace("%1", self.code))
        about = movement_about(line, self.lines)
        said = (self.tr("%1 of %2 on %3").replace("%1", kind_text(line.kind))
                .replace("%2", money_text(line.amount - line.undone, self.currency))
                .replace("%3", line.on.isoformat()))
        self.movement.setText(f"{said} · {about}" if about else said)
        self.labels[0].setText(self.tr("Reversal dated"))
        self.labels[1].setText(self.tr("Why"))
        self.note.setPlaceholderText(self.tr("e.g. typed wrong, the renewal called off"))
        self.ok_button.setText(self.tr("Reverse"))
