"""Billing ▸ Collections: tenants by credit tier, why each lost its points, what collections
does about it, the reminder letter, and the signals entered by hand.

The list has every scored tenant, the worst tier first (then the lowest
score): its tier, score, what it owes overdue and since when, and how many of
its actions are open. Choosing one shows its card: the score and tier, each
point off in words with its points (they add up to 100 − the score), the
signals that cost nothing and why, its actions (the tier's flags and tasks,
each with its owner, due date and state; a task is marked done here, a flag
holds while the tier does), "Generate reminder letter" in the language
chosen (Chinese or English, whatever the window's), and its credit signals:
court cases, tax notices and other news, each with its day, a note and the
last day it counts (blank: the kind's default), edited in place and saved
together.

The window shows and emits; ``app.collections_flow`` reads, raises the
actions, writes and makes the letter. Rows are
``services.collections.TenantCollections`` (duck-typed).
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from views.collections_text import (
    SIGNAL_KINDS,
    TIER_COLOURS,
    action_state_text,
    action_text,
    form_text,
    no_action_text,
    note_text,
    points_text,
    reason_text,
    score_line,
    tier_text,
)
from views.contract_text import amount_text, owner_text
from views.document_languages import LANGUAGE_NAMES
from views.labels import date_text
from views.row_table_model import Column, RowFilterProxy, RowTableModel
from views.row_table_view import list_view, row_of, selected_row, visible_rows

translate = QCoreApplication.translate
ERROR_COLOUR = "#b3261e"
DONE_COLOUR = "#8a8a8a"
TIER_RANK = {"critical": 0, "high": 1, "medium": 2, "low": 3}
LETTER_LANGUAGES = ("zh_CN", "en")  # services.reminder_letter.LANGUAGES
SIGNAL_COLUMNS = 4  # day, kind, note, until


def _tier(row: Any) -> str:
    return str(getattr(row.credit.tier, "value", row.credit.tier))


def _open_count(row: Any) -> int:
    return sum(1 for a in row.actions if a.open)


def tenant_columns() -> list[Column[Any]]:
    """Tier, score, tenant, overdue, oldest due, open actions."""
    return [
        Column("tier", lambda: translate("Collections", "Tier"), _tier, text=tier_text,
               sort_key=lambda t: TIER_RANK.get(t, 9),
               color=lambda r: TIER_COLOURS.get(_tier(r)), width=9),
        Column("score", lambda: translate("Collections", "Score"),
               lambda r: r.credit.score.score, align_right=True, width=5),
        Column("tenant", lambda: translate("Collections", "Tenant"), lambda r: r.credit.name,
               width=22),
        Column("overdue", lambda: translate("Collections", "Overdue"),
               lambda r: r.credit.overdue, text=amount_text, align_right=True, width=11),
        Column("oldest", lambda: translate("Collections", "Oldest due"),
               lambda r: r.credit.oldest_due_on, text=date_text, width=10),
        Column("open", lambda: translate("Collections", "Open actions"), _open_count,
               align_right=True, width=8),
    ]


def action_columns(on: Any) -> list[Column[Any]]:
    """Action, flag or task, owner, raised, due, state, contract."""
    def dim(row: Any) -> str | None:
        return None if row.open else DONE_COLOUR

    return [
        Column("action", lambda: translate("Collections", "Action"), lambda r: r.action.kind,
               text=action_text, width=20, color=dim),
        Column("form", lambda: translate("Collections", "Kind"), lambda r: r.action.form,
               text=form_text, width=5, color=dim),
        Column("owner", lambda: translate("Collections", "Owner"),
               lambda r: r.action.owner_role, text=owner_text, width=7, color=dim),
        Column("raised", lambda: translate("Collections", "Raised"),
               lambda r: r.action.raised_on, text=date_text, width=10, color=dim),
        Column("due", lambda: translate("Collections", "Due"), lambda r: r.action.due_on,
               text=date_text, width=10, color=dim),
        Column("state", lambda: translate("Collections", "State"), lambda r: r.action,
               text=lambda a: action_state_text(a, on()), width=20, color=dim),
        Column("contract", lambda: translate("Collections", "Contract"),
               lambda r: r.contract_code, width=14, color=dim),
    ]


class CollectionsWindow(QDialog):
    """The park's tenants by tier, one tenant's card, its actions and its signals."""

    refreshRequested = Signal()
    markDoneRequested = Signal(object)  # the action's id
    reminderRequested = Signal(object, str)  # the tenant's id, the letter's language
    signalsSaved = Signal(object, list)  # the tenant's id, [{"on", "kind", "note", "until"}]

    def __init__(self, parent: QWidget | None = None, language: str = "zh_CN") -> None:
        super().__init__(parent)
        self.setObjectName("collections-window")
        self.on = date.today()
        self.rows: list[Any] = []
        self.head = QLabel(self)
        self.head.setWordWrap(True)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("refresh-button")
        self.refresh_button.clicked.connect(self.refreshRequested.emit)

        self.tenant_model: RowTableModel[Any] = RowTableModel(tenant_columns(), self)
        self.tenant_proxy = RowFilterProxy(self)
        self.tenant_proxy.setSourceModel(self.tenant_model)
        self.tenant_table = list_view(self.tenant_proxy, self)
        self.tenant_table.setObjectName("tenants")
        self.tenant_model.size_columns(self.tenant_table)
        self.tenant_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._tenant_chosen(current))

        self.card_title = QLabel(self)
        self.card_title.setObjectName("card-title")
        self.card_title.setWordWrap(True)
        self.score_label = QLabel(self)
        self.score_label.setObjectName("score")
        self.reasons = QTableWidget(0, 2, self)
        self.reasons.setObjectName("reasons")
        _read_only(self.reasons)
        self.notes = QLabel(self)
        self.notes.setObjectName("notes")
        self.notes.setWordWrap(True)

        self.action_model: RowTableModel[Any] = _Listed(action_columns(lambda: self.on), self)
        self.action_proxy = RowFilterProxy(self)
        self.action_proxy.setSourceModel(self.action_model)
        self.action_table = list_view(self.action_proxy, self)
        self.action_table.setObjectName("actions")
        self.action_table.setSortingEnabled(False)
        self.action_model.size_columns(self.action_table)
        self.action_table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._update())
        # An empty actions list says why (a low-risk tenant needs none), as the points do.
        self.no_actions = QLabel(self)
        self.no_actions.setObjectName("no-actions")
        self.no_actions.setWordWrap(True)
        self.no_actions.setStyleSheet(f"color: {DONE_COLOUR}")
        self.done_button = QPushButton(self)
        self.done_button.setObjectName("done-button")
        self.done_button.clicked.connect(self._mark_done)
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("letter-language")
        for code in LETTER_LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES[code], code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
        self.letter_button = QPushButton(self)
        self.letter_button.setObjectName("letter-button")
        self.letter_button.clicked.connect(self._letter)

        self.signals = QTableWidget(0, SIGNAL_COLUMNS, self)
        self.signals.setObjectName("signals")
        self.signals.horizontalHeader().setStretchLastSection(False)
        self.signals.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch)
        self.signals.verticalHeader().setVisible(False)
        self.signals.itemSelectionChanged.connect(self._update)
        self.add_signal_button = QPushButton(self)
        self.add_signal_button.setObjectName("add-signal")
        self.add_signal_button.clicked.connect(lambda: self.add_signal_row())
        self.remove_signal_button = QPushButton(self)
        self.remove_signal_button.setObjectName("remove-signal")
        self.remove_signal_button.clicked.connect(self._remove_signal)
        self.save_signals_button = QPushButton(self)
        self.save_signals_button.setObjectName("save-signals")
        self.save_signals_button.clicked.connect(self._save_signals)

        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        self.resize(1340, 820)
        self._retranslate()
        self._show_card(None)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.head, 1)
        top.addWidget(self.refresh_button)

        self.points_box = QGroupBox(self)
        points = QVBoxLayout(self.points_box)
        points.addWidget(self.score_label)
        points.addWidget(self.reasons, 1)
        points.addWidget(self.notes)

        self.actions_box = QGroupBox(self)
        acts = QVBoxLayout(self.actions_box)
        acts.addWidget(self.action_table, 1)
        acts.addWidget(self.no_actions)
        row = QHBoxLayout()
        row.addWidget(self.done_button)
        row.addStretch(1)
        self.language_label = QLabel(self)
        row.addWidget(self.language_label)
        row.addWidget(self.language_combo)
        row.addWidget(self.letter_button)
        acts.addLayout(row)

        self.signals_box = QGroupBox(self)
        sig = QVBoxLayout(self.signals_box)
        sig.addWidget(self.signals, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_signal_button)
        row.addWidget(self.remove_signal_button)
        row.addStretch(1)
        row.addWidget(self.save_signals_button)
        sig.addLayout(row)

        card = QWidget(self)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(0, 0, 0, 0)
        card_layout.addWidget(self.card_title)
        card_layout.addWidget(self.points_box, 2)
        card_layout.addWidget(self.actions_box, 3)
        card_layout.addWidget(self.signals_box, 2)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.tenant_table)
        split.addWidget(card)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([540, 780])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    # -- in ------------------------------------------------------------------------------

    def set_overview(self, rows: list[Any], on: date) -> None:
        """Show the tenants on ``on``; the tenant chosen stays chosen (its signals as
        saved: an edit not saved is dropped by a new reading)."""
        chosen = self.selected_tenant()
        self.on = on
        self.rows = list(rows)
        self.tenant_model.set_rows(self.rows)
        self._fill_head()
        if chosen is not None and self.select_tenant(chosen.credit.tenant_id):
            return
        if self.tenant_proxy.rowCount():
            self.tenant_table.setCurrentIndex(self.tenant_proxy.index(0, 0))
        else:
            self._show_card(None)

    def set_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {ERROR_COLOUR}" if error else "")

    # -- what is shown and chosen --------------------------------------------------------

    def tenants(self) -> list[Any]:
        return visible_rows(self.tenant_model, self.tenant_proxy)

    def selected_tenant(self) -> Any | None:
        return selected_row(self.tenant_model, self.tenant_proxy, self.tenant_table)

    def select_tenant(self, tenant_id: uuid.UUID) -> bool:
        for position in range(self.tenant_proxy.rowCount()):
            index = self.tenant_proxy.index(position, 0)
            if row_of(self.tenant_model, self.tenant_proxy, index).credit.tenant_id == tenant_id:
                self.tenant_table.setCurrentIndex(index)
                self._tenant_chosen(index)
                return True
        return False

    def actions(self) -> list[Any]:
        return visible_rows(self.action_model, self.action_proxy)

    def selected_action(self) -> Any | None:
        return selected_row(self.action_model, self.action_proxy, self.action_table)

    def select_action(self, kind: str) -> bool:
        """Choose the chosen tenant's first action of ``kind`` (its code), open ones first."""
        for position in range(self.action_proxy.rowCount()):
            index = self.action_proxy.index(position, 0)
            if str(row_of(self.action_model, self.action_proxy, index).action.kind) == kind:
                self.action_table.setCurrentIndex(index)
                return True
        return False

    def reason_lines(self) -> list[tuple[str, str]]:
        """The card's points off as shown: (points, why)."""
        return [(self.reasons.item(r, 0).text(), self.reasons.item(r, 1).text())
                for r in range(self.reasons.rowCount())]

    # -- the signals editor --------------------------------------------------------------

    def add_signal_row(self, on: str = "", kind: str = "court", note: str = "",
                       until: str = "") -> int:
        """A signal's row (a blank one to fill in, by default); its number."""
        row = self.signals.rowCount()
        self.signals.insertRow(row)
        self.signals.setItem(row, 0, QTableWidgetItem(on or self.on.isoformat()))
        combo = QComboBox(self.signals)
        combo.setEditable(True)  # a kind the list does not offer is typed and kept as typed
        for code, name in SIGNAL_KINDS.items():
            combo.addItem(name(), code)
        found = combo.findData(kind.strip().lower())
        if found >= 0:
            combo.setCurrentIndex(found)
        else:
            combo.setEditText(kind)
        self.signals.setCellWidget(row, 1, combo)
        self.signals.setItem(row, 2, QTableWidgetItem(note))
        self.signals.setItem(row, 3, QTableWidgetItem(until))
        self._update()
        return row

    def signal_entries(self) -> list[dict[str, str]]:
        """The signals as edited, one entry a row, as the store keeps them."""
        entries = []
        for row in range(self.signals.rowCount()):
            combo = self.signals.cellWidget(row, 1)
            kind = ""
            if isinstance(combo, QComboBox):
                index = combo.findText(combo.currentText())
                kind = (str(combo.itemData(index)) if index >= 0
                        else combo.currentText().strip())
            entry = {"on": _cell(self.signals, row, 0), "kind": kind,
                     "note": _cell(self.signals, row, 2)}
            until = _cell(self.signals, row, 3)
            if until:
                entry["until"] = until
            entries.append(entry)
        return entries

    def _fill_signals(self, row: Any | None) -> None:
        self.signals.setRowCount(0)
        if row is None:
            return
        for signal in row.credit.signals:
            self.add_signal_row(signal.on.isoformat(), signal.kind, signal.note,
                                signal.until.isoformat() if signal.until else "")

    def _remove_signal(self) -> None:
        rows = sorted({i.row() for i in self.signals.selectedIndexes()}, reverse=True)
        if not rows and self.signals.currentRow() >= 0:
            rows = [self.signals.currentRow()]
        for row in rows:
            self.signals.removeRow(row)
        self._update()

    def _save_signals(self) -> None:
        row = self.selected_tenant()
        if row is not None:
            self.signalsSaved.emit(row.credit.tenant_id, self.signal_entries())

    # -- out -----------------------------------------------------------------------------

    def _mark_done(self) -> None:
        chosen = self.selected_action()
        if chosen is not None and chosen.open and str(chosen.action.form) == "task":
            self.markDoneRequested.emit(chosen.action.id)

    def _letter(self) -> None:
        row = self.selected_tenant()
        if row is not None and row.credit.overdue > 0:
            self.reminderRequested.emit(row.credit.tenant_id,
                                        str(self.language_combo.currentData()))

    # -- showing -------------------------------------------------------------------------

    def _tenant_chosen(self, index: QModelIndex) -> None:
        self._show_card(row_of(self.tenant_model, self.tenant_proxy, index)
                        if index.isValid() else None)

    def _show_card(self, row: Any | None) -> None:
        self.reasons.setRowCount(0)
        if row is None:
            self.card_title.setText("")
            self.score_label.setText("")
            self.notes.setText("")
            self.action_model.set_rows([])
            self._say_no_actions(None)
            self._fill_signals(None)
            self._update()
            return
        self._fill_credit(row)
        self.action_model.set_rows(list(row.actions))
        self._say_no_actions(row)
        self._fill_signals(row)
        self._update()

    def _say_no_actions(self, row: Any | None) -> None:
        """Under an empty actions list, why it is empty (nothing when no tenant is chosen)."""
        empty = row is not None and not row.actions
        self.no_actions.setText(no_action_text(row.credit.tier) if empty else "")
        self.no_actions.setVisible(empty)

    def _fill_credit(self, row: Any) -> None:
        """The card's head, its points off and its notes, in the window's language."""
        credit = row.credit
        self.card_title.setText(f"<b>{_escape(credit.name)}</b> · {_escape(credit.code)} · "
                                + _escape(self._contracts(credit)))
        colour = TIER_COLOURS.get(_tier(row), "")
        self.score_label.setText(f'<span style="color:{colour}">'
                                 f"{_escape(score_line(credit))}</span>")
        reasons = list(credit.score.reasons)
        self.reasons.setRowCount(len(reasons))
        for r, reason in enumerate(reasons):
            points = QTableWidgetItem(points_text(reason.points))
            points.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.reasons.setItem(r, 0, points)
            self.reasons.setItem(r, 1, QTableWidgetItem(reason_text(reason)))
        if not reasons:
            self.reasons.setRowCount(1)
            self.reasons.setItem(0, 0, QTableWidgetItem("0"))
            self.reasons.setItem(0, 1, QTableWidgetItem(
                translate("Collections", "No point off: nothing overdue, no late payment, "
                                         "no court or tax signal")))
        self.reasons.resizeRowsToContents()
        notes = [note_text(n) for n in credit.score.notes]
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))

    def _contracts(self, credit: Any) -> str:
        codes = [c.code for c in credit.contracts]
        return ", ".join(codes) if codes else translate("Collections", "no contract")

    def _fill_head(self) -> None:
        counts = {tier: 0 for tier in TIER_RANK}
        for row in self.rows:
            counts[_tier(row)] = counts.get(_tier(row), 0) + 1
        said = translate("Collections", "Credit on {day}: {count} tenants").format(
            day=self.on.isoformat(), count=f"{len(self.rows):,}")
        tiers = translate("Collections", ", ").join(
            f"{tier_text(t)} {counts[t]:,}" for t in TIER_RANK)
        said = translate("Collections", "{tenants} — {tiers}").format(tenants=said, tiers=tiers)
        self.head.setText(said)

    def _update(self) -> None:
        tenant = self.selected_tenant()
        action = self.selected_action()
        self.done_button.setEnabled(action is not None and action.open
                                    and str(action.action.form) == "task")
        can_write = tenant is not None and tenant.credit.overdue > 0
        self.letter_button.setEnabled(can_write)
        self.letter_button.setToolTip("" if can_write or tenant is None else translate(
            "Collections", "Nothing is overdue: there is no reminder to send"))
        self.add_signal_button.setEnabled(tenant is not None)
        self.remove_signal_button.setEnabled(tenant is not None and self.signals.rowCount() > 0)
        self.save_signals_button.setEnabled(tenant is not None)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(translate("Collections", "Collections"))
        self.refresh_button.setText(translate("Collections", "Refresh"))
        self.points_box.setTitle(translate("Collections", "Points off"))
        self.actions_box.setTitle(translate("Collections", "Actions"))
        self.signals_box.setTitle(translate("Collections", "Credit signals (entered by hand)"))
        self.reasons.setHorizontalHeaderLabels([translate("Collections", "Points"),
                                                translate("Collections", "Why")])
        self.signals.setHorizontalHeaderLabels([
            translate("Collections", "Day"), translate("Collections", "Kind"),
            translate("Collections", "Note"), translate("Collections", "Counts until")])
        self.signals.setToolTip(translate(
            "Collections", "Days as 2026-03-01. Leave “Counts until” blank for the kind's "
            "default: 24 months for a court case, 12 for a tax notice."))
        self.done_button.setText(translate("Collections", "Mark done"))
        self.language_label.setText(translate("Collections", "Letter in"))
        self.letter_button.setText(translate("Collections", "Generate reminder letter…"))
        self.add_signal_button.setText(translate("Collections", "Add signal"))
        self.remove_signal_button.setText(translate("Collections", "Remove signal"))
        self.save_signals_button.setText(translate("Collections", "Save signals"))
        self.tenant_model.retitle()
        self.action_model.retitle()
        if self.rows:
            self._fill_head()
        for row in range(self.signals.rowCount()):
            combo = self.signals.cellWidget(row, 1)
            if isinstance(combo, QComboBox):
                for i in range(combo.count()):
                    code = str(combo.itemData(i))
                    if code in SIGNAL_KINDS:
                        combo.setItemText(i, SIGNAL_KINDS[code]())
        self.tenant_table.viewport().update()
        self.action_table.viewport().update()
        chosen = self.selected_tenant()
        if chosen is not None:
            self._fill_credit(chosen)  # the signals being edited are kept
            self._say_no_actions(chosen)


class _Listed(RowTableModel[Any]):
    """Rows in the order given (a tenant's actions: open first, by due date), never
    sorted by a column."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        return


def _read_only(table: QTableWidget) -> None:
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(True)


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text().strip() if item is not None else ""


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
