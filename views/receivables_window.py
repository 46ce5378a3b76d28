"""Billing ▸ Receivables: the park's ageing on the As of date, the month's collection rate,
the arrears list and each tenant's credit, with an Excel export.

What finance reads at a glance: who owes what, for how long (0–30, 31–60, 61–90, 90+
days; not yet due apart), by tenant, by building or for the whole park; the collection
rate of the As of month so far; the arrears list, longest overdue first; and each
tenant's credit score and risk tier, its reasons on hover. The window shows and emits:
it is handed the report as ``services.receivables_report`` makes it (duck-typed, never
imported: ``tenants``, ``buildings``, ``park``, ``arrears``, ``collection``, ``credit``),
and says its figures in ``views.receivables_text``'s words, as ``leasemap ageing`` does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from domain.billing.ageing import BUCKETS, Bucket
from domain.billing.credit import Tier
from views import receivables_text as say
from views.map_text import money_text
from views.row_table_model import Column, RowFilterProxy, RowTableModel
from views.row_table_view import list_view, visible_rows

translate = QCoreApplication.translate
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
DATE_FORMAT = "yyyy-MM-dd"
TENANTS, BUILDINGS, PARK = "tenant", "building", "park"
TIER_COLOURS = {Tier.MEDIUM: "#8a5a00", Tier.HIGH: "#c05000", Tier.CRITICAL: "#b3261e"}
OVERDUE_COLOUR = "#b3261e"


@dataclass(frozen=True)
class AgeingRow:
    """One line of the ageing table: a tenant, a building or the park, and its totals."""

    key: object  # the tenant's or building's id; the park's id for the park's line
    name: str
    contracts: str  # a tenant's contracts' codes
    totals: Any  # BucketTotals-like: amount(bucket), overdue, total, bills
    credit: Any | None = None  # CreditScore-like (a tenant's)


@dataclass(frozen=True)
class CreditRow:
    tenant_id: object
    name: str
    score: Any  # CreditScore-like


def ageing_rows(report: Any, kind: str) -> list[AgeingRow]:
    """The report's lines for ``kind`` (tenant, building or park)."""
    if kind == TENANTS:
        return [AgeingRow(t.tenant_id, t.name, ", ".join(t.contracts), t.totals,
                          _score(report, t.tenant_id)) for t in report.tenants]
    if kind == BUILDINGS:
        return [AgeingRow(b.building_id, _building(b), "", b.totals)
                for b in report.buildings]
    return [AgeingRow(report.park_id, report.park_name, "", report.park)]


def _score(report: Any, tenant_id: object) -> Any | None:
    found = report.credit_of(tenant_id)
    return None if found is None else found.score


def _building(b: Any) -> str:
    if b.building_id is None:
        return say.several_buildings_word()
    return b.name if b.name.startswith(b.code) else f"{b.code} {b.name}".strip()


def _tier_colour(score: Any | None) -> str | None:
    return None if score is None else TIER_COLOURS.get(score.tier)


def _bucket_column(bucket: Bucket) -> Column[AgeingRow]:
    return Column(bucket.value, lambda: say.bucket_text(bucket),
                  lambda r: r.totals.amount(bucket), text=say.amount_figure,
                  align_right=True, width=11)


def ageing_columns(name_title: Any) -> list[Column[AgeingRow]]:
    """Name, contracts, the five columns, overdue, total, bills, credit."""
    return [
        Column("name", name_title, lambda r: r.name, width=24),
        Column("contracts", say.contracts_word, lambda r: r.contracts, width=12),
        *(_bucket_column(b) for b in BUCKETS),
        Column("overdue", say.overdue_word, lambda r: r.totals.overdue,
               text=say.amount_figure, align_right=True, width=12,
               color=lambda r: OVERDUE_COLOUR if r.totals.overdue > 0 else None),
        Column("total", say.total_word, lambda r: r.totals.total, text=say.amount_figure,
               align_right=True, width=12),
        Column("bills", say.bills_word, lambda r: r.totals.bills, align_right=True, width=5),
        Column("credit", say.credit_word, lambda r: r.credit,
               text=lambda s: "" if s is None else say.credit_text(s),
               sort_key=lambda s: None if s is None else s.score,
               color=lambda r: _tier_colour(r.credit), width=12),
    ]


def arrears_columns() -> list[Column[Any]]:
    """Tenant, contract, building, oldest due, days overdue, amount, bills."""
    return [
        Column("tenant", say.tenant_word, lambda a: a.tenant, width=28),
        Column("contract", say.contract_word, lambda a: a.contract, width=14),
        Column("building", say.building_word,
               lambda a: a.building or say.several_buildings_word(), width=8),
        Column("oldest", say.oldest_due_word, lambda a: a.oldest_due_on,
               text=lambda d: d.isoformat(), width=10),
        Column("days", say.days_overdue_word, lambda a: a.days_overdue, align_right=True,
               width=8),
        Column("amount", say.amount_word, lambda a: a.amount, text=say.amount_figure,
               align_right=True, width=13, color=lambda _a: OVERDUE_COLOUR),
        Column("bills", say.bill_numbers_word, lambda a: a.bills, text=", ".join,
               sort_key=len, width=40),
    ]


def credit_columns() -> list[Column[CreditRow]]:
    return [
        Column("tenant", say.tenant_word, lambda c: c.name, width=28),
        Column("score", say.credit_word, lambda c: c.score, text=say.credit_text,
               sort_key=lambda s: s.score, color=lambda c: _tier_colour(c.score), width=14),
        Column("why", lambda: translate("ReceivablesWindow", "Why"), lambda c: c.score,
               text=lambda s: "; ".join(say.credit_reason_text(r) for r in s.reasons),
               sort_key=lambda s: len(s.reasons), width=60),
    ]


class AgeingModel(RowTableModel[AgeingRow]):
    """The ageing table; the credit cell's tooltip is every reason behind the score."""

    def data(self, index: Any, role: int = int(Qt.ItemDataRole.DisplayRole)) -> Any:
        if role == TOOLTIP:
            if not index.isValid():
                return None
            credit = self.row_at(index.row()).credit
            return say.credit_tip(credit) if credit is not None else None
        return super().data(index, role)


class CreditModel(RowTableModel[CreditRow]):
    def data(self, index: Any, role: int = int(Qt.ItemDataRole.DisplayRole)) -> Any:
        if role == TOOLTIP:
            return say.credit_tip(self.row_at(index.row()).score) if index.isValid() else None
        return super().data(index, role)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def file_name(park: str, on: date) -> str:
    """``张江测试园-账龄-2026-04-01.xlsx``: a name any system accepts."""
    word = translate("ReceivablesWindow", "ageing")
    named = f"{park}-{word}-{on.isoformat()}"
    stem = re.sub(r'[\\/:*?"<>|\s]+', "-", named)
    return f"{stem.strip('-.') or 'ageing'}.xlsx"


class ReceivablesWindow(QDialog):
    """The park's receivables on a day; the flow reads the report and writes the workbook."""

    dayChanged = Signal(object)  # date: read the report of that day
    exportRequested = Signal(object)  # Path: write the shown report there

    def __init__(self, day: date, currency: str = "CNY", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receivables-window")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.currency = currency
        self.report: Any | None = None
        self.kind = TENANTS
        self._busy = False
        self._said = ""  # the last failure or export, said
        self.folder = ""  # where the save dialog starts (the last export's folder)

        self.day_label = QLabel(self)
        self.day_edit = QDateEdit(_qdate(day), self)
        self.day_edit.setObjectName("as-of")
        self.day_edit.setDisplayFormat(DATE_FORMAT)
        self.day_edit.setCalendarPopup(True)
        self.day_edit.dateChanged.connect(lambda _d: self.dayChanged.emit(self.day()))
        self.view_label = QLabel(self)
        self.view_box = QComboBox(self)
        self.view_box.setObjectName("ageing-view")
        for kind in (TENANTS, BUILDINGS, PARK):
            self.view_box.addItem("", kind)
        self.view_box.currentIndexChanged.connect(
            lambda _i: self.set_view(self.view_box.currentData()))
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("refresh-button")
        self.refresh_button.clicked.connect(lambda: self.dayChanged.emit(self.day()))
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("export-button")
        self.export_button.clicked.connect(lambda: self.ask_export(self.folder))
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.collection = QLabel(self)
        self.collection.setObjectName("collection")
        self.collection.setWordWrap(True)
        self.collection.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.ageing_model = AgeingModel(ageing_columns(self._name_title), self)
        self.ageing_proxy = RowFilterProxy(self)
        self.ageing_proxy.setSourceModel(self.ageing_model)
        self.ageing_table = list_view(self.ageing_proxy, self)
        self.ageing_table.setObjectName("ageing-table")
        self.ageing_model.size_columns(self.ageing_table)
        self.ageing_table.sortByColumn(self._column("overdue"), Qt.SortOrder.DescendingOrder)

        self.arrears_model: RowTableModel[Any] = RowTableModel(arrears_columns(), self)
        self.arrears_proxy = RowFilterProxy(self)
        self.arrears_proxy.setSourceModel(self.arrears_model)
        self.arrears_table = list_view(self.arrears_proxy, self)
        self.arrears_table.setObjectName("arrears-table")
        self.arrears_model.size_columns(self.arrears_table)
        self.arrears_table.sortByColumn(4, Qt.SortOrder.DescendingOrder)

        self.credit_model = CreditModel(credit_columns(), self)
        self.credit_proxy = RowFilterProxy(self)
        self.credit_proxy.setSourceModel(self.credit_model)
        self.credit_table = list_view(self.credit_proxy, self)
        self.credit_table.setObjectName("credit-table")
        self.credit_model.size_columns(self.credit_table)
        self.credit_table.sortByColumn(1, Qt.SortOrder.AscendingOrder)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.arrears_table, "")
        self.tabs.addTab(self.credit_table, "")
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.ageing_table)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        for widget in (self.day_label, self.day_edit, self.view_label, self.view_box,
                       self.refresh_button):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.collection)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(1240, 760)
        self._retranslate()

    # -- in ------------------------------------------------------------------------------

    def day(self) -> date:
        return _day(self.day_edit)

    def set_day(self, day: date) -> None:
        """Show ``day`` as the As of date (asks for its report when it changed)."""
        self.day_edit.setDate(_qdate(day))

    def set_view(self, kind: str) -> None:
        """Ageing by tenant, by building or for the park."""
        self.kind = kind if kind in (TENANTS, BUILDINGS, PARK) else TENANTS
        index = self.view_box.findData(self.kind)
        if self.view_box.currentIndex() != index:
            self.view_box.setCurrentIndex(index)
        for key in ("contracts", "credit"):
            self.ageing_table.setColumnHidden(self._column(key), self.kind != TENANTS)
        self.ageing_model.retitle()
        self._fill_ageing()

    def set_working(self) -> None:
        """The report is being read."""
        self._busy, self._said = True, ""
        self._update()

    def set_report(self, report: Any) -> None:
        """Show a report (``ReceivablesReport``-like, see the module's note)."""
        self.report, self._busy = report, False
        self.currency = report.currency or self.currency
        self._fill_ageing()
        self.arrears_model.set_rows(list(report.arrears))
        self.credit_model.set_rows([CreditRow(c.tenant_id, c.name, c.score)
                                    for c in report.credit])
        self._update()

    def set_failed(self, message: str) -> None:
        self._busy, self._said = False, self.tr("The report could not be read: %1").replace(
            "%1", message)
        self._update()

    def set_exported(self, path: Path) -> None:
        self._said = self.tr("Saved %1").replace("%1", str(path))
        self._update()

    def set_export_failed(self, message: str) -> None:
        self._said = self.tr("The workbook could not be written: %1").replace("%1", message)
        self._update()

    # -- out -----------------------------------------------------------------------------

    def ask_export(self, folder: str = "") -> Path | None:
        """Ask where to save the workbook, then ask for it to be written there."""
        if self.report is None:
            return None
        start = str(Path(folder or Path.home()) / file_name(self.report.park_name,
                                                          self.report.on))
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to Excel"), start, self.tr("Excel workbooks (*.xlsx)"))
        if not chosen:
            return None
        return self.export_to(Path(chosen))

    def export_to(self, path: Path) -> Path:
        """Ask for the shown report to be written to ``path`` (``.xlsx`` added if missing)."""
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        self.exportRequested.emit(path)
        return path

    # -- what is shown (tests read these) ------------------------------------------------

    def ageing_shown(self) -> list[AgeingRow]:
        return visible_rows(self.ageing_model, self.ageing_proxy)

    def arrears_shown(self) -> list[Any]:
        return visible_rows(self.arrears_model, self.arrears_proxy)

    def credit_shown(self) -> list[CreditRow]:
        return visible_rows(self.credit_model, self.credit_proxy)

    def cells(self, table: str = "ageing") -> list[list[str]]:
        """Every row's texts as the table shows them (hidden columns left out)."""
        view = {"ageing": self.ageing_table, "arrears": self.arrears_table,
                "credit": self.credit_table}[table]
        proxy = view.model()
        return [[str(proxy.index(r, c).data() or "") for c in range(proxy.columnCount())
                 if not view.isColumnHidden(c)] for r in range(proxy.rowCount())]

    # -- inside --------------------------------------------------------------------------

    def _column(self, key: str) -> int:
        return next(i for i, c in enumerate(self.ageing_model.columns()) if c.key == key)

    def _name_title(self) -> str:
        if self.kind == BUILDINGS:
            return say.building_word()
        if self.kind == PARK:
            return say.park_word()
        return say.tenant_word()

    def _fill_ageing(self) -> None:
        self.ageing_model.set_rows([] if self.report is None
                                   else ageing_rows(self.report, self.kind))

    def _update(self) -> None:
        report = self.report
        self.export_button.setEnabled(report is not None and not self._busy)
        if self._busy:
            self.status.setText(self.tr("Reading the receivables…"))
        elif self._said:
            self.status.setText(self._said)
        elif report is not None:
            self.status.setText(self._summary(report))
        else:
            self.status.setText("")
        self.collection.setText("" if report is None else say.collection_text(
            report.collection, self.currency, self._money))
        self.setWindowTitle(self.tr("Receivables") if report is None else
                            say.title_text(report.park_name, report.on.isoformat(),
                                           report.currency))

    def _summary(self, report: Any) -> str:
        park = report.park
        return (self.tr("%1 open in %2 bills, %3 of it overdue; tenants in arrears: %4")
                .replace("%1", self._money(park.total))
                .replace("%2", f"{park.bills:,}")
                .replace("%3", self._money(park.overdue))
                .replace("%4", f"{len({a.tenant_id for a in report.arrears}):,}"))

    def _money(self, amount: Any) -> str:
        """An amount in the park's currency as the maps say it ("1,200.00 元")."""
        return money_text(amount, self.currency)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.day_label.setText(self.tr("As of"))
        self.view_label.setText(self.tr("Show"))
        for i, text in enumerate((self.tr("By tenant"), self.tr("By building"),
                                  self.tr("Park"))):
            self.view_box.setItemText(i, text)
        self.refresh_button.setText(self.tr("Refresh"))
        self.export_button.setText(self.tr("Export to Excel…"))
        self.tabs.setTabText(0, self.tr("Arrears"))
        self.tabs.setTabText(1, self.tr("Credit"))
        for model in (self.ageing_model, self.arrears_model, self.credit_model):
            model.retitle()
        self._update()

