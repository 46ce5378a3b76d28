"""Billing ▸ Meters ▸ Tariffs…: a utility's tariffs with their versions, and a version added
or changed.

The list shows each tariff by name (the meters set on it beside it) with its
versions beneath, newest first: the day each is in force from, its kind and
its prices in a line ("0.85 元/kWh", "峰 1.35 / 平 0.85 / 谷 0.45",
"0–10 m³ 3.50; 10+ 5.60"), and which one is in force on the app's day. A
version a posted bill was priced at is marked and kept as it is: the bill says
the version it was priced at, so a correction is a new version from a later
date.

The form beside it adds a tariff, a new version of the tariff chosen (its
figures to start from, the first of next month as its day), or changes a
version no bill was priced at: the kind (flat, tiered, time of use), its price,
bands (each from where the one before ends; the last one open) or the peak,
flat and valley prices (sharp if the utility has it), and the day it is in
force from. Under it a live example prices a month's use by the domain's own
rule. A refusal is said under the form, a problem a line, and everything typed
stays. The dialog shows and emits a :class:`TariffForm`; ``app.tariffs_flow``
writes it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from domain.billing.meters import FLAT, PEAK, SHARP, TIME_OF_USE, VALLEY, Utility
from domain.billing.tariffs import TARIFF_KINDS, TariffKind
from views.meter_text import quantity_unit, register_text, utility_text
from views.tariff_text import (
    TariffsSnapshot,
    example_text,
    kind_text,
    meters_text,
    next_first_of_month,
    summary_text,
    unit_price,
)

translate = QCoreApplication.translate
ERROR_COLOUR = "#b3261e"
KEPT_COLOUR = "#5f6b7a"  # a version bills were priced at
ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
COLUMNS = ("tariff", "kind", "prices", "state")
WIDTHS = {"tariff": 20, "kind": 9, "prices": 28, "state": 12}
NEW, VERSION, EDIT = "new", "version", "edit"  # what the form does
EXAMPLE_USE = "100"


@dataclass(frozen=True)
class TariffForm:
    """A version as typed: figures as text (the service judges them), its first day."""

    mode: str  # new (a new tariff), version (a new version of ``name``), edit
    utility: str
    name: str
    document: dict[str, Any]
    valid_from: date
    version_id: uuid.UUID | None = None  # the version edited


def _page_of(kind: str) -> int:
    """The kind's page in the dialog (a page per kind, in the domain's order)."""
    return TARIFF_KINDS.index(kind) if kind in TARIFF_KINDS else 0


TIERED_PAGE = _page_of(TariffKind.TIERED)


class TariffsDialog(QDialog):
    """The tariffs of one utility and a form for a version."""

    utilityChanged = Signal(str)
    saveRequested = Signal(object)  # TariffForm
    archiveRequested = Signal(object)  # the version's id

    def __init__(self, utility: str, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tariffs-dialog")
        self.snapshot: TariffsSnapshot | None = None
        self.day = day
        self.mode = NEW
        self.version_id: uuid.UUID | None = None  # the version the form shows (edit)
        self._busy = False
        self._loading = False
        self._filling = False

        self.utility_label = QLabel(self)
        self.utility_box = QComboBox(self)
        self.utility_box.setObjectName("utility")
        for u in Utility:
            self.utility_box.addItem(utility_text(u), u.value)
        self.utility_box.setCurrentIndex(max(0, self.utility_box.findData(utility)))
        self.utility_box.currentIndexChanged.connect(self._utility_chosen)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("tariff-tree")
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(True)
        char = self.tree.fontMetrics().averageCharWidth()
        for position, key in enumerate(COLUMNS):
            header.resizeSection(position, WIDTHS[key] * char + 16)
        self.tree.currentItemChanged.connect(lambda _c, _p: self._chosen())
        self.new_tariff_button = QPushButton(self)
        self.new_tariff_button.setObjectName("new-tariff")
        self.new_tariff_button.clicked.connect(self.start_new)
        self.new_version_button = QPushButton(self)
        self.new_version_button.setObjectName("new-version")
        self.new_version_button.clicked.connect(self.start_version)
        self.archive_button = QPushButton(self)
        self.archive_button.setObjectName("archive-version")
        self.archive_button.clicked.connect(self._archive)

        self.editor = QGroupBox(self)
        self.editor.setObjectName("editor")
        self.form_note = QLabel(self)
        self.form_note.setObjectName("form-note")
        self.form_note.setWordWrap(True)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("name")
        self.kind_box = QComboBox(self)
        self.kind_box.setObjectName("kind")
        for kind in TARIFF_KINDS:
            self.kind_box.addItem(kind_text(kind), kind)
        self.kind_box.currentIndexChanged.connect(self._kind_chosen)
        self.valid_from_edit = QDateEdit(self)
        self.valid_from_edit.setObjectName("valid-from")
        self.valid_from_edit.setDisplayFormat("yyyy-MM-dd")
        self.valid_from_edit.setCalendarPopup(True)
        self.valid_from_edit.dateChanged.connect(lambda _d: self._changed())

        self.pages = QStackedWidget(self)
        flat_page = QWidget(self)
        self.price_edit = QLineEdit(flat_page)
        self.price_edit.setObjectName("price")
        self.price_unit = QLabel(flat_page)
        flat_row = QHBoxLayout()
        self.price_label = QLabel(flat_page)
        flat_row.addWidget(self.price_label)
        flat_row.addWidget(self.price_edit, 1)
        flat_row.addWidget(self.price_unit)
        flat_row.addStretch(1)
        flat = QVBoxLayout(flat_page)
        flat.setContentsMargins(0, 0, 0, 0)
        flat.addLayout(flat_row)
        flat.addStretch(1)
        self.price_edit.textChanged.connect(lambda _t: self._changed())

        tiered_page = QWidget(self)
        self.bands = QTableWidget(0, 3, tiered_page)
        self.bands.setObjectName("bands")
        self.bands.verticalHeader().setVisible(False)
        self.bands.verticalHeader().setDefaultSectionSize(24)
        for column in range(3):
            self.bands.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch)
        self.bands.setMinimumHeight(130)
        self.bands.itemChanged.connect(lambda _i: self._bands_changed())
        self.add_band_button = QPushButton(tiered_page)
        self.add_band_button.setObjectName("add-band")
        self.add_band_button.clicked.connect(lambda: self.add_band())
        self.remove_band_button = QPushButton(tiered_page)
        self.remove_band_button.setObjectName("remove-band")
        self.remove_band_button.clicked.connect(self._remove_band)
        band_buttons = QHBoxLayout()
        band_buttons.addWidget(self.add_band_button)
        band_buttons.addWidget(self.remove_band_button)
        band_buttons.addStretch(1)
        tiered = QVBoxLayout(tiered_page)
        tiered.setContentsMargins(0, 0, 0, 0)
        tiered.addWidget(self.bands, 1)
        tiered.addLayout(band_buttons)

        tou_page = QWidget(self)
        self.register_edits: dict[str, QLineEdit] = {}
        self.register_labels: dict[str, QLabel] = {}
        tou = QFormLayout()
        for register in (PEAK, FLAT, VALLEY, SHARP):
            edit = QLineEdit(tou_page)
            edit.setObjectName(f"price-{register}")
            edit.textChanged.connect(lambda _t: self._changed())
            label = QLabel(tou_page)
            self.register_edits[register] = edit
            self.register_labels[register] = label
            tou.addRow(label, edit)
        tou_layout = QVBoxLayout(tou_page)
        tou_layout.setContentsMargins(0, 0, 0, 0)
        tou_layout.addLayout(tou)
        tou_layout.addStretch(1)
        for page in (flat_page, tiered_page, tou_page):
            self.pages.addWidget(page)
        self.pages.currentChanged.connect(self._page_shown)

        self.kind_note = QLabel(self)  # how the kind chosen is filled in (a page's own
        self.kind_note.setObjectName("kind-note")  # label would wrap in a narrow guess)
        self.kind_note.setWordWrap(True)
        self.example_label = QLabel(self)
        self.example_edit = QLineEdit(EXAMPLE_USE, self)
        self.example_edit.setObjectName("example-use")
        self.example_edit.setMaximumWidth(self.fontMetrics().averageCharWidth() * 12)
        self.example_edit.textChanged.connect(lambda _t: self._changed())
        self.example_unit = QLabel(self)
        self.example = QLabel(self)
        self.example.setObjectName("example")
        self.example.setWordWrap(True)
        self.example.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refusal = QLabel(self)
        self.refusal.setObjectName("refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.refusal.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("save-button")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.request_save)

        self.labels = {name: QLabel(self) for name in ("name", "kind", "valid_from")}
        form = QFormLayout()
        form.addRow(self.labels["name"], self.name_edit)
        form.addRow(self.labels["kind"], self.kind_box)
        form.addRow(self.labels["valid_from"], self.valid_from_edit)
        example_row = QHBoxLayout()
        example_row.addWidget(self.example_label)
        example_row.addWidget(self.example_edit)
        example_row.addWidget(self.example_unit)
        example_row.addStretch(1)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        editor = QVBoxLayout(self.editor)
        editor.addWidget(self.form_note)
        editor.addLayout(form)
        editor.addWidget(self.pages, 3)
        editor.addWidget(self.kind_note)
        editor.addLayout(example_row)
        editor.addWidget(self.example)
        editor.addWidget(self.refusal)
        editor.addStretch(1)
        editor.addLayout(save_row)

        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)

        top = QHBoxLayout()
        top.addWidget(self.utility_label)
        top.addWidget(self.utility_box)
        top.addStretch(1)
        list_side = QWidget(self)
        list_layout = QVBoxLayout(list_side)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.tree, 1)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.new_tariff_button)
        list_buttons.addWidget(self.new_version_button)
        list_buttons.addWidget(self.archive_button)
        list_buttons.addStretch(1)
        list_layout.addLayout(list_buttons)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(list_side)
        split.addWidget(self.editor)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(1180, 620)
        split.setSizes([650, 500])
        self._page_shown(self.pages.currentIndex())

        self._retranslate()
        self.start_new()

    # -- in ------------------------------------------------------------------------------

    def set_loading(self) -> None:
        self._loading = True
        self.set_status(translate("TariffsDialog", "Reading the tariffs…"))
        self._update()

    def set_snapshot(self, snapshot: TariffsSnapshot, choose: uuid.UUID | None = None) -> None:
        """Show the tariffs read; ``choose`` (a version just saved) is chosen and shown, else
        the version chosen before stays chosen."""
        self._loading = False
        self.snapshot = snapshot
        self.day = snapshot.day
        keep = choose or (self.version_id if self.mode == EDIT else None)
        chosen_name = self.chosen_tariff().name if self.chosen_tariff() else None
        self._units()
        self._fill()
        self.set_status("")
        if keep is not None and self.select_version(keep):
            return
        if chosen_name is not None and self.mode != NEW:
            self.select_tariff(chosen_name)
        self._update()

    def set_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {ERROR_COLOUR}" if error else "")

    def set_failed(self, text: str) -> None:
        self._loading = False
        self._busy = False
        self.set_status(text, error=True)
        self._update()

    def set_working(self) -> None:
        self._busy = True
        self.refusal.setText("")
        self._update()

    def set_refused(self, lines: list[str]) -> None:
        """The app refused the version: each problem on its line; everything typed stays."""
        self._busy = False
        self.refusal.setText("\n".join(lines))
        self._update()

    def set_saved(self, said: str) -> None:
        self._busy = False
        self.refusal.setText("")
        self.set_status(said)
        self._update()

    # -- out -----------------------------------------------------------------------------

    def utility(self) -> str:
        return str(self.utility_box.currentData())

    def chosen(self) -> tuple[Any, Any | None] | None:
        """The tariff chosen in the list, and its version (None: the tariff's row)."""
        item = self.tree.currentItem()
        if item is None or self.snapshot is None:
            return None
        data = item.data(0, ID_ROLE)
        if isinstance(data, uuid.UUID):
            found = self.snapshot.version(data)
            return None if found is None else (found[0], found[1])
        tariff = next((t for t in self.snapshot.tariffs if t.name == data), None)
        return None if tariff is None else (tariff, None)

    def shown_version(self) -> Any | None:
        """The version the form shows (changing it), if it does."""
        if self.mode != EDIT or self.snapshot is None:
            return None
        found = self.snapshot.version(self.version_id)
        return None if found is None else found[1]

    def chosen_tariff(self) -> Any | None:
        chosen = self.chosen()
        return None if chosen is None else chosen[0]

    def select_version(self, version_id: uuid.UUID) -> bool:
        item = self._find(version_id)
        if item is None:
            return False
        self.tree.setCurrentItem(item)
        return True

    def select_tariff(self, name: str) -> bool:
        item = self._find(name)
        if item is None:
            return False
        self.tree.setCurrentItem(item)
        return True

    def version_texts(self, name: str, valid_from: date) -> dict[str, str]:
        """What the list shows of a version, by column key (tests, a reader)."""
        if self.snapshot is None:
            return {}
        tariff = next((t for t in self.snapshot.tariffs if t.name == name), None)
        version = next((v for v in tariff.versions if v.valid_from == valid_from),
                       None) if tariff else None
        item = self._find(version.id) if version else None
        if item is None:
            return {}
        return {key: item.text(position) for position, key in enumerate(COLUMNS)}

    def shown(self) -> list[tuple[str, list[str]]]:
        """Each tariff's row text and its versions' first column, as listed."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            out.append((top.text(0), [top.child(j).text(0) for j in range(top.childCount())]))
        return out

    def document(self) -> dict[str, Any]:
        """The version's figures as typed (text: the service judges them)."""
        kind = str(self.kind_box.currentData())
        if kind == "flat":
            return {"kind": kind, "price": self.price_edit.text().strip()}
        if kind == "tiered":
            bands = []
            for row in range(self.bands.rowCount()):
                up_to, price_ = self._cell(row, 1), self._cell(row, 2)
                if up_to or price_:
                    bands.append({"up_to": up_to or None, "price": price_})
            return {"kind": kind, "bands": bands}
        prices = {r: self.register_edits[r].text().strip() for r in TIME_OF_USE}
        if not prices[SHARP]:
            del prices[SHARP]  # optional: most utilities have no 尖 period
        return {"kind": kind, "prices": prices}

    def valid_from(self) -> date:
        chosen = self.valid_from_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def form(self) -> TariffForm:
        return TariffForm(self.mode, self.utility(), self.name_edit.text().strip(),
                          self.document(), self.valid_from(),
                          self.version_id if self.mode == EDIT else None)

    def request_save(self) -> None:
        if self._busy or not self.save_button.isEnabled():
            return
        self.saveRequested.emit(self.form())

    # -- the form ------------------------------------------------------------------------

    def start_new(self) -> None:
        """A new tariff: a name, a flat price from the first of this month."""
        self.mode, self.version_id = NEW, None
        self.tree.blockSignals(True)
        self.tree.setCurrentItem(None)  # type: ignore[arg-type]
        self.tree.blockSignals(False)
        self._put("", {"kind": "flat", "price": ""}, self.day.replace(day=1), editable=True)
        self.name_edit.setFocus()

    def start_version(self) -> None:
        """A new version of the tariff chosen: its figures to start from, from the first of
        the month after the app's day (and after its newest version)."""
        chosen = self.chosen()
        if chosen is None:
            return
        tariff, version = chosen
        source = version or (tariff.versions[0] if tariff.versions else None)
        newest = tariff.versions[0].valid_from if tariff.versions else self.day
        day = next_first_of_month(max(self.day, newest))
        self.mode, self.version_id = VERSION, None
        self._put(tariff.name, dict(source.document) if source else {"kind": "flat"}, day,
                  editable=True, name_fixed=True)

    def show_version(self, tariff: Any, version: Any) -> None:
        """The version chosen in the form: to change, unless bills were priced at it."""
        self.mode, self.version_id = EDIT, version.id
        self._put(tariff.name, dict(version.document), version.valid_from,
                  editable=not version.used, name_fixed=True)

    def _put(self, name: str, document: dict[str, Any], valid_from: date, *, editable: bool,
             name_fixed: bool = False) -> None:
        self._filling = True
        try:
            self.refusal.setText("")
            self.name_edit.setText(name)
            self.name_edit.setReadOnly(name_fixed)
            kind = str(document.get("kind") or "flat")
            self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(kind)))
            self.pages.setCurrentIndex(_page_of(kind))
            self.price_edit.setText(str(document["price"]) if kind == "flat"
                                    and document.get("price") else "")
            prices = document.get("prices") or {} if kind == "time_of_use" else {}
            for register, edit in self.register_edits.items():
                edit.setText(str(prices[register]) if prices.get(register) else "")
            self.bands.setRowCount(0)
            bands = document.get("bands") or [] if kind == "tiered" else []
            for band in bands:
                self.add_band(str(band["up_to"]) if band.get("up_to") else "",
                              str(band["price"]) if band.get("price") else "")
            if not bands:
                self.add_band()
                self.add_band()
            self.valid_from_edit.setDate(QDate(valid_from.year, valid_from.month,
                                               valid_from.day))
            for widget in (self.kind_box, self.valid_from_edit, self.price_edit, self.bands,
                           self.add_band_button, self.remove_band_button,
                           *self.register_edits.values()):
                widget.setEnabled(editable)
            self.name_edit.setEnabled(editable)
        finally:
            self._filling = False
        self._kind_note()
        self._froms()
        self._changed()

    def add_band(self, up_to: str = "", price_: str = "") -> int:
        """A band under the last (its start is where the one before ends)."""
        self._filling = True
        try:
            row = self.bands.rowCount()
            self.bands.insertRow(row)
            start = QTableWidgetItem("")
            start.setFlags(Qt.ItemFlag.ItemIsEnabled)
            start.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.bands.setItem(row, 0, start)
            for column, text in ((1, up_to), (2, price_)):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
                self.bands.setItem(row, column, item)
        finally:
            self._filling = False
        self._bands_changed()
        return row

    def set_band(self, row: int, up_to: str, price_: str) -> None:
        """Type a band's end and price (tests, a paste)."""
        while self.bands.rowCount() <= row:
            self.add_band()
        self.bands.item(row, 1).setText(up_to)
        self.bands.item(row, 2).setText(price_)

    def _remove_band(self) -> None:
        rows = sorted({i.row() for i in self.bands.selectedIndexes()}, reverse=True)
        if not rows and self.bands.rowCount():
            rows = [self.bands.currentRow() if self.bands.currentRow() >= 0
                    else self.bands.rowCount() - 1]
        for row in rows:
            self.bands.removeRow(row)
        self._bands_changed()

    def _bands_changed(self) -> None:
        if self._filling:
            return
        self._froms()
        self._changed()

    def _froms(self) -> None:
        """Each band's start: where the band before it ends; the last one's end reads
        "and above"."""
        self._filling = True
        try:
            below = "0"
            last = self.bands.rowCount() - 1
            for row in range(self.bands.rowCount()):
                start = self.bands.item(row, 0)
                if start is not None:
                    start.setText(below)
                end = self._cell(row, 1)
                item = self.bands.item(row, 1)
                if item is not None:
                    item.setToolTip(translate("TariffsDialog", "Blank: all use above")
                                    if row == last else "")
                below = end or "…"
        finally:
            self._filling = False

    def _cell(self, row: int, column: int) -> str:
        item = self.bands.item(row, column)
        return item.text().strip() if item is not None else ""

    def _kind_chosen(self) -> None:
        kind = str(self.kind_box.currentData())
        self.pages.setCurrentIndex(_page_of(kind))
        self._kind_note()
        self._changed()

    def _kind_note(self) -> None:
        kind = str(self.kind_box.currentData())
        if kind == "tiered":
            note = translate(
                "TariffsDialog", "Each band ends at a month's total use; leave the last band's "
                "end blank: it takes all use above. A band's end belongs to it.")
        elif kind == "time_of_use":
            note = translate(
                "TariffsDialog", "Peak, flat and valley each need a price; sharp only where "
                "the utility bills a sharp period. A meter's readings of each period are "
                "priced at its price.")
        else:
            note = ""
        self.kind_note.setText(note)
        self.kind_note.setVisible(bool(note))

    def _page_shown(self, index: int) -> None:
        """The page shown takes the room it needs, no more: the example follows the flat
        price at once, and the bands' table grows."""
        for i in range(self.pages.count()):
            policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            grow = QSizePolicy.Policy.Expanding if i == index == TIERED_PAGE else policy
            self.pages.widget(i).setSizePolicy(policy, grow)
        self.pages.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding
                                 if index == TIERED_PAGE else
                                 QSizePolicy.Policy.Maximum)
        self.pages.adjustSize()

    def _utility_chosen(self) -> None:
        self.start_new()
        self._units()
        self.utilityChanged.emit(self.utility())

    def _changed(self) -> None:
        """The live example and the form's heading, as typed."""
        if self._filling:
            return
        currency = self.snapshot.currency if self.snapshot is not None else ""
        self.example.setText(example_text(self.document(), self.valid_from(),
                                          self.example_edit.text(), currency, self.utility()))
        self._heading()
        self._update()

    def _heading(self) -> None:
        name = self.name_edit.text().strip()
        version = self.shown_version()
        if self.mode == NEW:
            title = translate("TariffsDialog", "New tariff")
            note = translate("TariffsDialog", "Name the tariff as the utility's notice does; "
                             "a change of price later is a new version of it.")
        elif self.mode == VERSION:
            title = translate("TariffsDialog", "New version of {name}").format(name=name)
            note = translate("TariffsDialog", "In force from its day until the next version's; "
                             "a month it starts in is priced by days on each side.")
        elif version is not None and version.used:
            title = translate("TariffsDialog", "{name} from {day}").format(
                name=name, day=version.valid_from.isoformat())
            note = translate("TariffsDialog", "Bills already posted were priced at this version, "
                             "so it is kept as it is. To correct it, add a new version from a "
                             "later date.")
        else:
            title = translate("TariffsDialog", "Change {name} from {day}").format(
                name=name, day=self.valid_from().isoformat())
            note = translate("TariffsDialog", "No bill has been priced at this version yet: "
                             "it can still be changed.")
        self.editor.setTitle(title)
        self.form_note.setText(note)

    # -- the list ------------------------------------------------------------------------

    def _fill(self) -> None:
        self.tree.blockSignals(True)
        try:
            self.tree.clear()
            snapshot = self.snapshot
            if snapshot is None:
                return
            bold = QFont(self.tree.font())
            bold.setBold(True)
            grey = QBrush(QColor(KEPT_COLOUR))
            for tariff in snapshot.tariffs:
                top = QTreeWidgetItem()
                top.setData(0, ID_ROLE, tariff.name)
                top.setText(0, tariff.name)
                top.setFont(0, bold)
                current = tariff.in_force(snapshot.day)
                if current is not None:
                    top.setText(1, kind_text(current.kind))
                    top.setText(2, summary_text(current.document, snapshot.currency,
                                                snapshot.utility))
                meters = tariff.meters
                top.setText(3, meters_text(len(meters)))
                if meters:
                    top.setToolTip(3, ", ".join(meters))
                self.tree.addTopLevelItem(top)
                for version in tariff.versions:
                    item = QTreeWidgetItem()
                    item.setData(0, ID_ROLE, version.id)
                    item.setText(0, translate("TariffsDialog", "from {day}").format(
                        day=version.valid_from.isoformat()))
                    item.setText(1, kind_text(version.kind))
                    item.setText(2, summary_text(version.document, snapshot.currency,
                                                 snapshot.utility))
                    item.setToolTip(2, item.text(2))
                    item.setText(3, self._state(version, current))
                    if version.used:
                        item.setForeground(3, grey)
                        item.setToolTip(3, translate(
                            "TariffsDialog", "Bills were priced at it: kept as it is"))
                    if current is not None and version.id == current.id:
                        item.setFont(0, bold)
                    top.addChild(item)
            self.tree.expandAll()
        finally:
            self.tree.blockSignals(False)

    def _state(self, version: Any, current: Any | None) -> str:
        parts = []
        if current is not None and version.id == current.id:
            parts.append(translate("TariffsDialog", "In force"))
        elif version.valid_from > self.day:
            parts.append(translate("TariffsDialog", "Coming"))
        if version.used:
            parts.append(translate("TariffsDialog", "Billed"))
        return translate("TariffsDialog", ", ").join(parts)

    def _find(self, key: object) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top.data(0, ID_ROLE) == key:
                return top
            for j in range(top.childCount()):
                if top.child(j).data(0, ID_ROLE) == key:
                    return top.child(j)
        return None

    def _chosen(self) -> None:
        chosen = self.chosen()
        if chosen is not None:
            tariff, version = chosen
            if version is None:
                version = tariff.in_force(self.day) or (tariff.versions[0]
                                                       if tariff.versions else None)
            if version is not None:
                self.show_version(tariff, version)
        self._update()

    def _archive(self) -> None:
        chosen = self.chosen()
        if chosen is not None and chosen[1] is not None and not self._busy:
            self.archiveRequested.emit(chosen[1].id)

    # -- showing -------------------------------------------------------------------------

    def _units(self) -> None:
        utility = self.utility()
        currency = self.snapshot.currency if self.snapshot is not None else ""
        self.price_unit.setText(unit_price("", currency, utility).strip())
        self.example_unit.setText(quantity_unit(utility))
        self.bands.setHorizontalHeaderLabels([
            translate("TariffsDialog", "From ({unit})").format(unit=quantity_unit(utility)),
            translate("TariffsDialog", "Up to ({unit})").format(unit=quantity_unit(utility)),
            translate("TariffsDialog", "Price ({per})").format(
                per=unit_price("", currency, utility).strip())])

    def _update(self) -> None:
        chosen = self.chosen()
        busy = self._busy or self._loading
        version = chosen[1] if chosen is not None else None
        self.new_tariff_button.setEnabled(not busy)
        self.new_version_button.setEnabled(chosen is not None and not busy)
        self.archive_button.setEnabled(version is not None and not version.used and not busy)
        self.archive_button.setToolTip("" if version is None or not version.used else translate(
            "TariffsDialog", "Bills were priced at this version: it is kept"))
        shown = self.shown_version()
        kept = shown is not None and shown.used
        self.save_button.setEnabled(not busy and not kept)
        self.remove_band_button.setEnabled(self.bands.rowCount() > 1 and not kept)
        self.utility_box.setEnabled(not self._busy)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(translate("TariffsDialog", "Tariffs"))
        self.utility_label.setText(translate("TariffsDialog", "Utility:"))
        for i in range(self.utility_box.count()):
            self.utility_box.setItemText(i, utility_text(str(self.utility_box.itemData(i))))
        self.intro.setText(translate(
            "TariffsDialog", "A tariff is priced by its versions, each in force from its day "
            "until the next one's; a meter set on a tariff is priced at all of them. A version "
            "bills were priced at is kept as it is: a price change, or a correction, is a new "
            "version."))
        self.tree.setHeaderLabels([
            translate("TariffsDialog", "Tariff"), translate("TariffsDialog", "Kind"),
            translate("TariffsDialog", "Prices"), translate("TariffsDialog", "State")])
        self.new_tariff_button.setText(translate("TariffsDialog", "New tariff"))
        self.new_version_button.setText(translate("TariffsDialog", "New version"))
        self.new_version_button.setToolTip(translate(
            "TariffsDialog", "A new version of the tariff chosen, starting from its figures"))
        self.archive_button.setText(translate("TariffsDialog", "Archive version…"))
        self.labels["name"].setText(translate("TariffsDialog", "Name:"))
        self.labels["kind"].setText(translate("TariffsDialog", "Kind:"))
        self.labels["valid_from"].setText(translate("TariffsDialog", "In force from:"))
        self.name_edit.setPlaceholderText(translate("TariffsDialog", "As the utility names it"))
        for i in range(self.kind_box.count()):
            self.kind_box.setItemText(i, kind_text(str(self.kind_box.itemData(i))))
        self.price_label.setText(translate("TariffsDialog", "Price:"))
        self.price_edit.setPlaceholderText(translate("TariffsDialog", "0.85"))
        for register, label in self.register_labels.items():
            label.setText(translate("TariffsDialog", "{register}:").format(
                register=register_text(register)))
            self.register_edits[register].setPlaceholderText(
                translate("TariffsDialog", "blank: no sharp period") if register == SHARP
                else "")
        self._kind_note()
        self.add_band_button.setText(translate("TariffsDialog", "Add band"))
        self.remove_band_button.setText(translate("TariffsDialog", "Remove band"))
        self.example_label.setText(translate("TariffsDialog", "Example, a month's use:"))
        self.save_button.setText(translate("TariffsDialog", "Save version"))
        self.close_button.setText(translate("TariffsDialog", "Close"))
        self._units()
        self._fill_keeping()
        self._changed()

    def _fill_keeping(self) -> None:
        """Fill the list again in the current language, the same row chosen."""
        if self.snapshot is None:
            return
        chosen = self.tree.currentItem()
        key = chosen.data(0, ID_ROLE) if chosen is not None else None
        self._fill()
        if key is not None:
            item = self._find(key)
            if item is not None:
                self.tree.blockSignals(True)
                self.tree.setCurrentItem(item)
                self.tree.blockSignals(False)
