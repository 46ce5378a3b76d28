"""Import a bank statement: pick the file, rehearse it, read what it holds, import it.

A finance clerk's weekly chore: the account's export from the bank's web site
(CSV, XLS or XLSX) is chosen; a rehearsal reads it and matches it without
writing anything: the payments new to the account (date, amount, payer,
remarks) with what matching would do with each (allocated automatically, put
in the queue to confirm, or unmatched, with the tenant and the bills it
points at), how many rows were imported before, and the rows that are not
receipts with the reason. Import then writes them in one transaction. Both
run in the app's worker pool behind this dialog's own progress bar and
Cancel; a cancelled import writes nothing. Import is offered only for the
file, account and columns just rehearsed, so what is written is what was
read.

When the file's headers do not say which column holds the date, the amount
or the payer, the refusal names the field and the dialog shows a column
mapping (each field → one of the file's headers, the guess preselected);
the fields a person changes are sent as the mapping, which the app
remembers for the account once imported.

The dialog shows and emits: it is handed the service's ``ImportReport``
(duck-typed: ``new`` of ``PaymentEntry``, ``matches`` of ``Match``,
``existing``, ``skipped``, ``written``) with the tenants' names and the
bills' numbers, and says codes in ``views.payment_text``'s words, so the
dialog and ``leasemap bank-import`` agree.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from domain.leasing.schedule import Reason
from views.cancellable_work import CancellableWorkDialog
from views.contract_text import amount_text
from views.labels import date_text
from views.map_text import money_text
from views.payment_text import field_text, outcome_text, reason_line, skipped_text
from views.row_table_model import Column, RowFilterProxy, RowTableModel
from views.row_table_view import list_view, row_of, visible_rows

translate = QCoreApplication.translate
FAILED_COLOUR = "#b3261e"
UNMATCHED_COLOUR = "#b3261e"
PROPOSED_COLOUR = "#8a5a00"
AUTO, PROPOSED, UNMATCHED = "auto", "proposed", "unmatched"
OUTCOMES = (AUTO, PROPOSED, UNMATCHED)


@dataclass(frozen=True)
class NewPayment:
    """One payment new to the account, and what matching does (or would do) with it."""

    received_on: date
    amount: Decimal
    payer: str
    remarks: str
    reference: str
    outcome: str  # auto | proposed | unmatched
    tenant: str  # the best candidate's name ("" when unmatched)
    confidence: int
    bills: tuple[str, ...]  # the bills the (proposed) allocation pays, by number
    allocated: Decimal  # what that allocation takes
    reasons: tuple[Reason, ...]  # the best candidate's, then why it waits


def new_payments(report: Any, names: Mapping[uuid.UUID, str],
                 numbers: Mapping[uuid.UUID, str]) -> list[NewPayment]:
    """The report's new payments as rows; ``names``: tenant id → name, ``numbers``: bill id
    → number."""
    matches = {m.payment_id: m for m in report.matches}
    rows = []
    for payment in report.new:
        found = matches.get(payment.id)
        outcome = str(found.outcome.value) if found is not None else UNMATCHED
        best = found.candidates[0] if found is not None and found.candidates else None
        parts = tuple(best.parts) if best is not None else ()
        rows.append(NewPayment(
            payment.received_on, payment.amount, payment.payer, payment.remarks,
            payment.reference, outcome,
            names.get(best.tenant_id, "") if best is not None else "",
            found.confidence if found is not None else 0,
            tuple(numbers.get(p.bill_id, str(p.bill_id)) for p in parts),
            sum((p.amount for p in parts), Decimal("0.00")),
            (*(best.reasons if best is not None else ()),
             *(found.reasons if found is not None else ()))))
    return rows


def outcome_colour(row: NewPayment) -> str | None:
    return {UNMATCHED: UNMATCHED_COLOUR, PROPOSED: PROPOSED_COLOUR}.get(row.outcome)


def payment_columns() -> list[Column[NewPayment]]:
    """Date, amount, payer, remarks, matching, tenant, confidence, bills."""
    return [
        Column("date", lambda: translate("BankImport", "Date"), lambda r: r.received_on,
               text=date_text, width=10),
        Column("amount", lambda: translate("BankImport", "Amount"), lambda r: r.amount,
               text=amount_text, align_right=True, width=12),
        Column("payer", lambda: translate("BankImport", "Payer"), lambda r: r.payer, width=22),
        Column("remarks", lambda: translate("BankImport", "Remarks"), lambda r: r.remarks,
               width=22),
        Column("outcome", lambda: translate("BankImport", "Matching"), lambda r: r.outcome,
               text=outcome_text, sort_key=OUTCOMES.index, color=outcome_colour, width=14),
        Column("tenant", lambda: translate("BankImport", "Tenant"), lambda r: r.tenant,
               width=20),
        Column("confidence", lambda: translate("BankImport", "Confidence"),
               lambda r: r.confidence, text=lambda v: str(v) if v else "", align_right=True,
               width=6),
        Column("bills", lambda: translate("BankImport", "Bills"), lambda r: r.bills,
               text=lambda v: ", ".join(v), width=30),
    ]


def totals(rows: Sequence[NewPayment]) -> dict[str, tuple[int, Decimal]]:
    """Each outcome's count and amount received."""
    out = {o: (0, Decimal("0.00")) for o in OUTCOMES}
    for row in rows:
        count, amount = out.get(row.outcome, (0, Decimal("0.00")))
        out[row.outcome] = (count + 1, amount + row.amount)
    return out


class BankImportDialog(CancellableWorkDialog):
    """Choose a bank export, rehearse it, read it, import it; with progress and Cancel."""

    rehearseRequested = Signal(str, str, object)  # file, account ("" = the file's), mapping
    importRequested = Signal(str, str, object)  # the file, account and mapping rehearsed
    columnsRequested = Signal(str, object)  # the file's headers, to change the columns
    queueRequested = Signal()  # Payments to match

    def __init__(self, fields: Sequence[str], required: Sequence[str], currency: str = "CNY",
                 parent: QWidget | None = None, folder: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("bank-import-dialog")
        self.fields = list(fields)
        self.required = set(required)
        self.currency = currency
        self.folder = folder
        self.path = ""
        self.report: Any | None = None  # the last rehearsal or import (ImportReport-like)
        self.rows: list[NewPayment] = []
        self.headers: list[str] = []
        self.guessed: dict[str, str] = {}  # field → the column the reader guessed
        self._done_for: tuple[str, str, Any] | None = None  # (file, account, mapping) read
        # busy: rehearse | import | columns while the app works

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.file_edit = QLineEdit(self)
        self.file_edit.setReadOnly(True)
        self.choose_button = QPushButton(self)
        self.choose_button.setObjectName("choose-button")
        self.choose_button.clicked.connect(self._ask_file)
        self.account_box = QComboBox(self)
        self.account_box.setEditable(True)
        self.account_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.account_box.setMinimumContentsLength(24)
        self.account_box.editTextChanged.connect(lambda _t: self._update())
        self.rehearse_button = QPushButton(self)
        self.rehearse_button.setObjectName("rehearse-button")
        self.rehearse_button.setDefault(True)
        self.rehearse_button.clicked.connect(self.request_rehearsal)
        self.columns_button = QPushButton(self)
        self.columns_button.setObjectName("columns-button")
        self.columns_button.clicked.connect(self.request_columns)

        self._work_widgets()
        self.matching = QLabel(self)
        self.matching.setObjectName("matching")
        self.matching.setWordWrap(True)

        self.columns_box = QGroupBox(self)
        self.columns_label = QLabel(self.columns_box)
        self.columns_label.setWordWrap(True)
        self.mapping_table = QTableWidget(len(self.fields), 2, self.columns_box)
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.mapping_table.horizontalHeader().setStretchLastSection(True)
        self.combos: dict[str, QComboBox] = {}
        for position, name in enumerate(self.fields):
            item = QTableWidgetItem()
            if name in self.required:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.mapping_table.setItem(position, 0, item)
            combo = QComboBox(self.mapping_table)
            combo.addItem("", "")
            combo.currentIndexChanged.connect(lambda _i: self._column_chosen())
            self.combos[name] = combo
            self.mapping_table.setCellWidget(position, 1, combo)
        columns_layout = QVBoxLayout(self.columns_box)
        columns_layout.addWidget(self.columns_label)
        columns_layout.addWidget(self.mapping_table, 1)
        self.columns_box.hide()

        self.payment_model: RowTableModel[NewPayment] = RowTableModel(payment_columns(), self)
        self.payment_proxy = RowFilterProxy(self)
        self.payment_proxy.setSourceModel(self.payment_model)
        self.payment_table = list_view(self.payment_proxy, self)
        self.payment_model.size_columns(self.payment_table)
        self.payment_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_reasons(current))
        self.reasons = QLabel(self)
        self.reasons.setObjectName("reasons")
        self.reasons.setWordWrap(True)
        self.reasons.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.reasons.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.skip_list = QListWidget(self)
        self.skip_list.setAlternatingRowColors(True)

        self.buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("import-button")
        self.import_button.clicked.connect(self.request_import)
        self.queue_button = QPushButton(self)
        self.queue_button.setObjectName("queue-button")
        self.queue_button.clicked.connect(self.queueRequested)
        self.buttons.addButton(self.queue_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        account_row = QHBoxLayout()
        account_row.addWidget(self.account_box, 1)
        account_row.addStretch(1)
        account_row.addWidget(self.columns_button)
        account_row.addWidget(self.rehearse_button)
        self.file_label, self.account_label = QLabel(self), QLabel(self)
        form = QFormLayout()
        form.addRow(self.file_label, file_row)
        form.addRow(self.account_label, account_row)
        payments = QSplitter(Qt.Orientation.Vertical, self)
        payments.addWidget(self.payment_table)
        payments.addWidget(self.reasons)
        payments.setStretchFactor(0, 4)
        payments.setStretchFactor(1, 1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(payments, "")
        self.tabs.addTab(self.skip_list, "")
        body = QSplitter(Qt.Orientation.Horizontal, self)
        body.addWidget(self.columns_box)
        body.addWidget(self.tabs)
        body.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.progress_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.matching)
        layout.addWidget(body, 1)
        layout.addWidget(self.buttons)
        self.resize(1180, 700)
        self._retranslate()

    # -- in ------------------------------------------------------------------------------

    def set_accounts(self, accounts: Sequence[str]) -> None:
        """The accounts imported before (and those with a remembered mapping), to pick."""
        text = self.account()
        self.account_box.blockSignals(True)
        self.account_box.clear()
        self.account_box.addItems([a for a in accounts if a])
        self.account_box.setEditText(text)
        self.account_box.blockSignals(False)

    def choose_file(self, path: str | Path, *, rehearse: bool = True) -> None:
        """Take ``path`` as the statement (as the file dialog does) and rehearse it."""
        self.path = str(path)
        self.folder = str(Path(path).parent)
        self.file_edit.setText(self.path)
        self._clear_columns()
        self._forget_report()
        self._said, self._failed = "", False
        self._update()
        if rehearse:
            self.request_rehearsal()

    def set_account(self, account: str) -> None:
        self.account_box.setEditText(account)

    def set_report(self, report: Any, names: Mapping[uuid.UUID, str],
                   numbers: Mapping[uuid.UUID, str], mapping: Any = None) -> None:
        """Show a rehearsal (nothing written) or an import (``report.written``) of the file
        with the account and ``mapping`` it was asked for."""
        self.report = report
        self._done_for = (self.path, self.account(), mapping)
        self._busy, self._cancelling, self._said, self._failed = "", False, "", False
        self.rows = new_payments(report, names, numbers)
        self.payment_model.set_rows(self.rows)
        self.skip_list.clear()
        self.skip_list.addItems([skipped_text(s) for s in report.skipped])
        self.reasons.clear()
        if self.payment_proxy.rowCount():
            self.payment_table.setCurrentIndex(self.payment_proxy.index(0, 0))
        if report.written and report.account and not self.account():
            self.set_account(report.account)
            self._done_for = (self.path, self.account(), mapping)
        self._update()

    def set_columns(self, headers: Sequence[str], guessed: Mapping[str, Sequence[str]],
                    chosen: Mapping[str, str] | None = None) -> None:
        """The file's headers and the reader's guess: the column mapping is shown, each
        field on its guessed column (or the one a person chose before)."""
        self.headers = list(headers)
        self.guessed = {k: (v[0] if v else "") for k, v in guessed.items()}
        picked = {**self.guessed, **(chosen or {})}
        for name, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(none)"), "")
            for header in self.headers:
                combo.addItem(header, header)
            combo.setCurrentIndex(max(0, combo.findData(picked.get(name, ""))))
            combo.blockSignals(False)
        self.columns_box.show()
        if self._busy == "columns":
            self._busy = ""
        self._update()

    def cancelled_text(self, kind: str) -> str:
        return (self.tr("Import cancelled: nothing was written.") if kind == "import"
                else self.tr("Rehearsal cancelled."))

    # -- out -----------------------------------------------------------------------------

    def account(self) -> str:
        return self.account_box.currentText().strip()

    def mapping(self) -> dict[str, str] | None:
        """The columns a person chose where they differ from the guess (None while the
        mapping is not shown: the reader's guess, or the account's remembered mapping)."""
        if self.columns_box.isHidden():
            return None
        return {name: column for name, combo in self.combos.items()
                if (column := str(combo.currentData() or "")) and column
                != self.guessed.get(name, "")}

    def choose_column(self, name: str, column: str) -> None:
        """Choose a field's column as a person would ("" for none)."""
        combo = self.combos[name]
        combo.setCurrentIndex(max(0, combo.findData(column)))

    def missing(self) -> list[str]:
        """Required fields with no column in the mapping shown (a received/credit column
        does for the amount)."""
        if self.columns_box.isHidden():
            return []
        chosen = {name: str(combo.currentData() or "") for name, combo in self.combos.items()}
        gone = [f for f in self.fields if f in self.required and not chosen.get(f)]
        if "amount" in gone and chosen.get("credit"):
            gone.remove("amount")
        return gone

    def can_import(self) -> bool:
        """Import is for the file, account and columns just rehearsed, with payments new."""
        report = self.report
        return (not self._busy and report is not None and not report.written
                and bool(report.new) and self._done_for == self._inputs())

    def request_rehearsal(self) -> None:
        if self.path and not self._busy and not self.missing():
            self.rehearseRequested.emit(self.path, self.account(), self.mapping())

    def request_import(self) -> None:
        if self.can_import():
            self.importRequested.emit(self.path, self.account(), self.mapping())

    def request_columns(self) -> None:
        """Show the file's columns to change them (read in the background)."""
        if self.path and not self._busy:
            self.columnsRequested.emit(self.path, self.mapping())

    def payments(self) -> list[NewPayment]:
        """The new payments shown, in the table's order."""
        return visible_rows(self.payment_model, self.payment_proxy)

    def skips(self) -> list[str]:
        return [self.skip_list.item(i).text() for i in range(self.skip_list.count())]

    # -- showing -------------------------------------------------------------------------

    def _inputs(self) -> tuple[str, str, Any]:
        return self.path, self.account(), self.mapping()

    def _forget_report(self) -> None:
        self.report, self._done_for, self.rows = None, None, []
        self.payment_model.set_rows([])
        self.skip_list.clear()
        self.reasons.clear()

    def _clear_columns(self) -> None:
        self.headers, self.guessed = [], {}
        self.columns_box.hide()

    def _column_chosen(self) -> None:
        """A column chosen: the refusal that asked for it has been read."""
        if self._failed:
            self._said, self._failed = "", False
        self._update()

    def _ask_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a bank statement"), self.folder,
            self.tr("Bank statements (*.csv *.xls *.xlsx);;All files (*)"))
        if path:
            self.choose_file(path)

    def _show_reasons(self, current: QModelIndex) -> None:
        if not current.isValid():
            self.reasons.clear()
            return
        row = row_of(self.payment_model, self.payment_proxy, current)
        lines = [self.tr("%1 from %2: %3").replace("%1", date_text(row.received_on))
                 .replace("%2", row.payer or self.tr("(no payer)"))
                 .replace("%3", outcome_text(row.outcome))]
        if row.tenant:
            lines.append(self.tr("%1, confidence %2: %3 to %4").replace("%1", row.tenant)
                         .replace("%2", str(row.confidence))
                         .replace("%3", amount_text(row.allocated))
                         .replace("%4", ", ".join(row.bills) or self.tr("no bill")))
        lines.extend(f"· {reason_line(r)}" for r in row.reasons)
        self.reasons.setText("\n".join(lines))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import a bank statement"))
        self.intro.setText(self.tr(
            "A bank statement is the account's export from the bank (CSV, XLS or XLSX). "
            "Its receipts become payments: those whose payer, reference and amount agree "
            "with a tenant's open bills are allocated automatically, the others wait in "
            "Payments to match. Rehearse it to see every payment; nothing is written until "
            "you import, and importing the same file again adds nothing."))
        self.file_label.setText(self.tr("Statement:"))
        self.account_label.setText(self.tr("Account:"))
        self.file_edit.setPlaceholderText(self.tr("No file chosen"))
        self.account_box.lineEdit().setPlaceholderText(
            self.tr("The account the file names, when it names one"))
        self.choose_button.setText(self.tr("Choose file…"))
        self.columns_button.setText(self.tr("Columns…"))
        self.rehearse_button.setText(self.tr("Rehearse"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.import_button.setText(self.tr("Import"))
        self.queue_button.setText(self.tr("Payments to match…"))
        self.close_button.setText(self.tr("Close"))
        self.columns_box.setTitle(self.tr("Columns"))
        self.columns_label.setText(self.tr(
            "Which column holds each field (bold: needed; a Received column does for the "
            "amount). The columns you choose are remembered for the account when you "
            "import."))
        self.mapping_table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Column")])
        for position, name in enumerate(self.fields):
            item = self.mapping_table.item(position, 0)
            if item is not None:
                item.setText(field_text(name))
        for combo in self.combos.values():
            combo.setItemText(0, self.tr("(none)"))
        self.payment_model.retitle()
        self._update()

    def _update(self) -> None:
        busy = bool(self._busy)
        for widget in (self.choose_button, self.account_box, self.rehearse_button,
                       self.columns_button, self.mapping_table):
            widget.setEnabled(not busy)
        self.rehearse_button.setEnabled(not busy and bool(self.path) and not self.missing())
        self.columns_button.setEnabled(not busy and bool(self.path))
        self._show_work(
            self.tr("Cancelling…") if self._cancelling
            else self.tr("Importing the payments…") if self._busy == "import"
            else self.tr("Reading the file's columns…") if self._busy == "columns"
            else self.tr("Reading and matching the statement…") if busy else "",
            cancellable=self._busy != "columns")
        self.import_button.setEnabled(self.can_import())
        report = self.report
        skipped = 0 if report is None else len(report.skipped)
        self.tabs.setTabText(0, self.tr("New payments (%1)").replace("%1", f"{len(self.rows):,}"))
        self.tabs.setTabText(1, self.tr("Skipped rows (%1)").replace("%1", f"{skipped:,}"))
        self.summary.setText(self._summary_text())
        self.summary.setStyleSheet(f"color: {FAILED_COLOUR}" if self._failed else "")
        self.matching.setText(self._matching_text())

    def _money(self, amount: Decimal) -> str:
        return money_text(amount, self.currency)

    def _summary_text(self) -> str:
        if self._said:
            return self._said
        if self._busy:
            return ""
        if not self.path:
            return self.tr("Choose a bank statement to begin.")
        missing = self.missing()
        if missing:
            return self.tr("Choose a column for: %1").replace(
                "%1", ", ".join(field_text(f) for f in missing))
        report = self.report
        if report is None:
            return self.tr("Rehearse the statement to see the payments it holds.")
        new = len(report.new)
        figures = {"%1": f"{new:,}", "%2": self._money(report.received),
                   "%3": f"{report.existing:,}", "%4": f"{len(report.skipped):,}"}

        def filled(template: str) -> str:
            for key, value in figures.items():
                template = template.replace(key, value)
            return template

        if not new and report.existing:
            text = filled(self.tr("Every receipt of this file is imported already (%3): "
                                  "nothing new. Rows skipped: %4."))
        elif not new:
            text = filled(self.tr("No receipts in this file. Rows skipped: %4."))
        elif report.written:
            text = filled(self.tr("Payments imported: %1, %2 in all. Already imported before: "
                                  "%3. Rows skipped: %4. Importing the file again adds "
                                  "nothing."))
        else:
            text = filled(self.tr("New payments: %1, %2 in all. Already imported: %3. Rows "
                                  "skipped: %4. Nothing is written until you import."))
        if report.account:
            text += " " + self.tr("Account: %1.").replace("%1", report.account)
        if report is not None and not report.written and self._done_for != self._inputs():
            text += " " + self.tr("The account or the columns changed: rehearse again to "
                                  "import.")
        return text

    def _matching_text(self) -> str:
        report = self.report
        if report is None or not self.rows or self._busy:
            return ""
        sums = totals(self.rows)
        parts = []
        for outcome, template in (
                (AUTO, self.tr("allocated automatically: %1 (%2)")),
                (PROPOSED, self.tr("to confirm in Payments to match: %1 (%2)")),
                (UNMATCHED, self.tr("unmatched: %1 (%2)"))):
            count, amount = sums[outcome]
            parts.append(template.replace("%1", f"{count:,}").replace("%2", self._money(amount)))
        # one template each, so Chinese puts no space after its full-width colon
        head = self.tr("Matching: %1") if report.written else self.tr(
            "Matching would leave: %1")
        return head.replace("%1", self.tr("; ").join(parts))
