"""A lead's form: who and what they need, their stage and its history, the units that match,
and the quotes made to them.

The form only shows and asks (``app/pipeline_flow`` wires it). It checks what
it can see itself (a company named, areas above zero, the least not above the
most) before :attr:`LeadForm.save_requested`; as the needs are typed it emits
:attr:`LeadForm.needs_changed` (once typing pauses) and shows the matches it
is given, best first, each with its score's reasons in words. "Show on plan"
emits the chosen match's floor and units. "Quote…" opens a small quote editor
on the chosen match whose figures (total rent, net effective rent, discounted
at the park's rate, first-year rent) are computed as the fields change by the
contract's own engine (``domain.leasing.quotes.quote_figures``); Save asks
for the quote. A quote not yet accepted can be made a draft contract.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from domain.assets import UnitType
from domain.leasing.clauses import Cycle, Escalation, EscalationKind, RentTerms
from domain.leasing.pipeline import LeadNeeds, Stage, lead_field_problems
from domain.leasing.quotes import QuoteFigures, QuoteTerms, quote_figures
from domain.leasing.schedule import add_months
from domain.leasing.validation import FieldProblem
from domain.money import rate
from views.contract_text import cycle_text, schedule_problem_text
from views.labels import area_text, currency_name, label, rent_text
from views.pipeline_text import problem_text, quote_status_text, reason_line, stage_text
from views.row_table_model import Column, RowTableModel

DATE_FORMAT = "yyyy-MM-dd"  # as the window's As-of date (app.i18n.DATE_FORMAT)
TYPING_MS = 300  # the needs are matched once typing pauses this long
TERM_MONTHS = 36  # a quote's term to start from: three years
TAG_SPLIT = re.compile(r"[,，、;；\s]+")
ERROR_STYLE = "color: #b3261e;"

translate = QCoreApplication.translate


class LeadLike(Protocol):
    """What the form shows of a lead: ``services.pipeline.LeadRow``."""

    id: uuid.UUID
    code: str
    company: str
    contact_name: str
    contact_phone: str
    industry: str
    stage: Stage
    stage_on: date
    lost_reason: str
    area_min: Decimal
    area_max: Decimal
    budget: Decimal | None
    move_in_on: date | None
    unit_type: UnitType | None
    tags: tuple[str, ...]
    owner: str
    source: str
    notes: str
    tenant_id: uuid.UUID | None
    days_in_stage: int


class CandidateLike(Protocol):
    unit_codes: tuple[str, ...]
    unit_areas: tuple[Decimal, ...]
    unit_ids: tuple[uuid.UUID, ...]
    area: Decimal
    asking_rent: Decimal | None
    available_from: date
    floor_id: uuid.UUID | None
    building_code: str
    floor_name: str


class MatchLike(Protocol):
    """One match: ``services.lead_matching.RankedMatch``."""

    rank: int
    candidate: CandidateLike
    match: Any  # domain.leasing.matching.Match: score and reasons
    currency: str

    @property
    def score(self) -> int: ...


class QuoteLike(Protocol):
    """One quote: ``services.pipeline.QuoteRow``."""

    id: uuid.UUID
    code: str
    quoted_on: date
    valid_until: date | None
    terms: RentTerms
    total_rent: Decimal
    net_effective_rent: Decimal
    first_year_rent: Decimal
    status: str
    contract_code: str

    @property
    def unit_codes(self) -> tuple[str, ...]: ...


def _match_columns() -> list[Column[Any]]:
    return [
        Column("score", lambda: translate("LeadForm", "Score"), lambda m: m.score,
               align_right=True, width=5),
        Column("units", lambda: translate("LeadForm", "Units"),
               lambda m: "+".join(m.candidate.unit_codes), width=22),
        Column("floor", lambda: translate("LeadForm", "Floor"),
               lambda m: f"{m.candidate.building_code} {m.candidate.floor_name}".strip(),
               width=8),
        Column("area", lambda: translate("LeadForm", "Area m²"), lambda m: m.candidate.area,
               area_text, align_right=True, width=9),
        Column("rent", lambda: translate("LeadForm", "Asking per m²"),
               lambda m: m.candidate.asking_rent,
               lambda v: "—" if v is None else rent_text(v), align_right=True, width=9),
        Column("free", lambda: translate("LeadForm", "Free from"),
               lambda m: m.candidate.available_from, lambda v: v.isoformat(), width=10),
    ]


def _quote_columns() -> list[Column[Any]]:
    return [
        Column("code", lambda: translate("LeadForm", "Quote"), lambda q: q.code, width=8),
        Column("units", lambda: translate("LeadForm", "Units"),
               lambda q: "+".join(q.unit_codes), width=12),
        Column("term", lambda: translate("LeadForm", "Term"),
               lambda q: f"{q.terms.starts_on.isoformat()} – {q.terms.ends_on.isoformat()}",
               width=19),
        Column("rate", lambda: translate("LeadForm", "Rate per m²"), lambda q: q.terms.rate,
               rent_text, align_right=True, width=8),
        Column("total", lambda: translate("LeadForm", "Total rent"), lambda q: q.total_rent,
               rent_text, align_right=True, width=11),
        Column("ner", lambda: translate("LeadForm", "Net effective"),
               lambda q: q.net_effective_rent, rent_text, align_right=True, width=8),
        Column("status", lambda: translate("LeadForm", "Status"),
               lambda q: (q.status, q.contract_code),
               lambda v: quote_status_text(v[0]) + (f" → {v[1]}" if v[1] else ""), width=16),
    ]


def _table(model: RowTableModel[Any], parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(False)  # the service's order is the order
    table.verticalHeader().hide()
    model.size_columns(table)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _decimal(box: QDoubleSpinBox) -> Decimal:
    return Decimal(f"{box.value():.{box.decimals()}f}")


def _spin(parent: QWidget, decimals: int, maximum: float, suffix: str = "") -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setDecimals(decimals)
    box.setRange(0, maximum)
    box.setGroupSeparatorShown(True)
    box.setKeyboardTracking(True)
    if suffix:
        box.setSuffix(suffix)
    return box


def _date_edit(parent: QWidget, day: date) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setDate(QDate(day))
    return edit


class QuoteEditor(QDialog):
    """A quote on one match: term, rate, rent-free months, escalation and cycle, with its
    figures recomputed as they change; Save emits :attr:`saved` with the terms."""

    saved = Signal(object)  # QuoteTerms

    def __init__(self, parent: QWidget | None, unit_ids: Sequence[uuid.UUID],
                 unit_codes: Sequence[str], area: Decimal, asking: Decimal | None,
                 starts_on: date, discount_rate: Decimal | None = None,
                 currency: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("quote-editor")
        self.unit_ids = list(unit_ids)
        self.unit_codes = list(unit_codes)
        self.area = area
        self.discount_rate = discount_rate
        self.currency = currency
        self.figures: QuoteFigures | None = None
        self.units_label = QLabel(self)
        self.start_edit = _date_edit(self, starts_on)
        self.end_edit = _date_edit(self, add_months(starts_on, TERM_MONTHS) - timedelta(days=1))
        self.rate_box = _spin(self, 2, 100_000)
        self.rate_box.setValue(float(asking) if asking is not None else 0.0)
        self.free_box = QSpinBox(self)
        self.free_box.setRange(0, 60)
        self.escalation_box = _spin(self, 2, 100, " %")
        self.cycle_combo = QComboBox(self)
        for cycle in Cycle:
            self.cycle_combo.addItem("", cycle.value)
        self.cycle_combo.setCurrentIndex(self.cycle_combo.findData(Cycle.QUARTERLY.value))
        self.figure_labels = [QLabel(self) for _ in range(4)]
        for figure in self.figure_labels:
            figure.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.request_save)
        self.buttons.rejected.connect(self.reject)

        self.labels = [QLabel(self) for _ in range(11)]
        form = QFormLayout()
        for text, field in zip(self.labels, (
                self.units_label, self.start_edit, self.end_edit, self.rate_box, self.free_box,
                self.escalation_box, self.cycle_combo, *self.figure_labels), strict=True):
            form.addRow(text, field)
        if discount_rate is None:  # the park sets no rate: no discounted figure
            form.setRowVisible(9, False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        for edit in (self.start_edit, self.end_edit):
            edit.dateChanged.connect(self.recompute)
        for box in (self.rate_box, self.escalation_box):
            box.valueChanged.connect(self.recompute)
        self.free_box.valueChanged.connect(self.recompute)
        self.cycle_combo.currentIndexChanged.connect(self.recompute)
        self._retranslate()

    def terms(self) -> QuoteTerms | None:
        """The fields as a quote's terms; None while they cannot be one."""
        percent = _decimal(self.escalation_box)
        try:
            return QuoteTerms(
                area=self.area, rate=rate(_decimal(self.rate_box)),
                starts_on=self.start_edit.date().toPython(),
                ends_on=self.end_edit.date().toPython(),
                rent_free_months=self.free_box.value(),
                escalation=(Escalation(EscalationKind.FIXED_PERCENT, percent=percent)
                            if percent else None),
                cycle=Cycle(self.cycle_combo.currentData()))
        except ValueError:
            return None

    def recompute(self, *_args: object) -> QuoteFigures | None:
        """The figures of the terms as they stand, shown beside them."""
        terms = self.terms()
        problems: list[str] = []
        self.figures = None
        if terms is not None and terms.ends_on >= terms.starts_on:
            self.figures = quote_figures(terms, self.discount_rate)
            problems = [schedule_problem_text(p) for p in self.figures.problems]
        else:
            problems = [self.tr("The term ends before it starts.")]
        if terms is not None and terms.rate <= 0:
            problems.append(self.tr("Give a rate above zero."))
        figures = self.figures
        money = [figures.total_rent, figures.net_effective_rent, figures.discounted_ner,
                 figures.first_year_rent] if figures is not None else [None] * 4
        per_month = self.tr("%1 per m² a month")
        for i, (label_, value) in enumerate(zip(self.figure_labels, money, strict=True)):
            if value is None:
                label_.setText("—")
            elif i in (1, 2):
                label_.setText(per_month.replace("%1", self._money(value)))
            else:
                label_.setText(self._money(value))
        self.problem_label.setText("\n".join(problems))
        self.problem_label.setVisible(bool(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(
            figures is not None and not problems)
        return figures

    def _money(self, value: Decimal) -> str:
        name = currency_name(self.currency) if self.currency else ""
        return f"{rent_text(value)} {name}".strip()

    def request_save(self) -> None:
        terms = self.terms()
        if terms is not None and self.recompute() is not None \
                and not self.problem_label.isVisible():
            self.saved.emit(terms)

    def show_refusal(self, text: str) -> None:
        """Why the quote was not saved; the editor stays open with what was entered."""
        self.problem_label.setText(text)
        self.problem_label.setVisible(bool(text))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Quote"))
        self.units_label.setText(self.tr("%1 (%2 m²)").replace(
            "%1", " + ".join(self.unit_codes)).replace("%2", area_text(self.area)))
        texts = (self.tr("Units"), self.tr("Term starts"), self.tr("Term ends"),
                 self.tr("Rate per m² a month"), self.tr("Rent-free months"),
                 self.tr("Escalation a year"), self.tr("Billed"), self.tr("Total rent"),
                 self.tr("Net effective rent"), self.tr("Discounted"),
                 self.tr("First-year rent"))
        for label_, text in zip(self.labels, texts, strict=True):
            label_.setText(text)
        if self.discount_rate is not None:
            self.labels[9].setText(self.tr("Discounted at %1% a year").replace(
                "%1", f"{(self.discount_rate * 100).normalize():f}"))
        for i, cycle in enumerate(Cycle):
            self.cycle_combo.setItemText(i, cycle_text(cycle))
        self.recompute()


class LeadForm(QDialog):
    """One lead: its fields, stage and history; the units that match it; its quotes."""

    save_requested = Signal(dict)  # services.pipeline.LeadInput's fields
    needs_changed = Signal(object)  # LeadNeeds, once typing pauses and the needs are valid
    show_on_plan = Signal(object, list)  # floor id (uuid.UUID), its units' ids
    quote_requested = Signal(list, object)  # unit ids, QuoteTerms
    draft_requested = Signal(object)  # quote id

    def __init__(self, parent: QWidget | None = None, today: date | None = None,
                 currency: str = "", discount_rate: Decimal | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lead-form")
        self.setModal(False)
        self.today = today or date.today()
        self.currency = currency
        self.discount_rate = discount_rate
        self.lead_id: uuid.UUID | None = None
        self.tenant_id: uuid.UUID | None = None
        self.stage: Stage | None = None
        self._row: LeadLike | None = None
        self._history: list[Any] = []
        self._loading = False
        self._matches_state: tuple[str, str] = ("idle", "")
        self.quote_editor: QuoteEditor | None = None
        # The units' billable areas for a quote (the flow reads them); without it, the
        # match's own (leasable) areas.
        self.billable_areas: Callable[[Sequence[uuid.UUID]], list[Decimal]] | None = None

        self.company_edit = QLineEdit(self)
        self.contact_edit = QLineEdit(self)
        self.phone_edit = QLineEdit(self)
        self.industry_edit = QLineEdit(self)
        self.area_min_box = _spin(self, 2, 1_000_000, " m²")
        self.area_max_box = _spin(self, 2, 1_000_000, " m²")
        self.budget_box = _spin(self, 2, 100_000)
        self.budget_box.setSpecialValueText("—")  # 0: no budget given
        self.move_in_box = QCheckBox(self)
        self.move_in_edit = _date_edit(self, self.today)
        self.move_in_edit.setEnabled(False)
        self.move_in_box.toggled.connect(self.move_in_edit.setEnabled)
        self.type_combo = QComboBox(self)
        self.type_combo.addItem("", None)
        for kind in UnitType:
            self.type_combo.addItem("", kind.value)
        self.tags_edit = QLineEdit(self)
        self.owner_edit = QLineEdit(self)
        self.source_edit = QLineEdit(self)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setMaximumHeight(64)
        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(ERROR_STYLE)
        self.problem_label.hide()

        self.stage_label = QLabel(self)
        self.stage_label.setWordWrap(True)
        self.history_list = QListWidget(self)
        self.history_list.setObjectName("stage-history")

        self.match_status = QLabel(self)
        self.match_status.setWordWrap(True)
        self.match_model: RowTableModel[Any] = RowTableModel(_match_columns(), self)
        self.match_table = _table(self.match_model, self)
        self.match_table.selectionModel().currentRowChanged.connect(self._match_chosen)
        self.match_table.doubleClicked.connect(lambda _i: self.request_show_on_plan())
        self.reasons_list = QListWidget(self)
        self.reasons_list.setObjectName("match-reasons")
        self.reasons_list.setMaximumHeight(130)
        self.plan_button = QPushButton(self)
        self.plan_button.clicked.connect(self.request_show_on_plan)
        self.quote_button = QPushButton(self)
        self.quote_button.clicked.connect(lambda: self.open_quote_editor())
        self.quote_model: RowTableModel[Any] = RowTableModel(_quote_columns(), self)
        self.quote_table = _table(self.quote_model, self)
        self.quote_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_buttons())
        self.draft_button = QPushButton(self)
        self.draft_button.clicked.connect(self.request_draft)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self)
        self.buttons.accepted.connect(self.request_save)
        self.buttons.rejected.connect(self.reject)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_MS)
        self._typing.timeout.connect(self._needs_settled)
        for box in (self.area_min_box, self.area_max_box, self.budget_box):
            box.valueChanged.connect(self._needs_edited)
        self.move_in_box.toggled.connect(self._needs_edited)
        self.move_in_edit.dateChanged.connect(self._needs_edited)
        self.type_combo.currentIndexChanged.connect(self._needs_edited)
        self.tags_edit.textChanged.connect(self._needs_edited)

        self._build_layout()
        self.resize(1180, 760)
        self._retranslate()
        self._update_buttons()

    def _build_layout(self) -> None:
        self.field_labels: dict[str, QLabel] = {}
        form = QFormLayout()
        area = QHBoxLayout()
        area.addWidget(self.area_min_box)
        self.area_to = QLabel(self)
        area.addWidget(self.area_to)
        area.addWidget(self.area_max_box)
        move_in = QHBoxLayout()
        move_in.addWidget(self.move_in_box)
        move_in.addWidget(self.move_in_edit, 1)
        for name, field in (("company", self.company_edit), ("contact", self.contact_edit),
                            ("phone", self.phone_edit), ("industry", self.industry_edit),
                            ("area", area), ("budget", self.budget_box), ("move_in", move_in),
                            ("type", self.type_combo), ("tags", self.tags_edit),
                            ("owner", self.owner_edit), ("source", self.source_edit),
                            ("notes", self.notes_edit)):
            label_ = self.field_labels[name] = QLabel(self)
            form.addRow(label_, field)
        self.details_group = QGroupBox(self)
        details = QVBoxLayout(self.details_group)
        details.addLayout(form)
        details.addWidget(self.problem_label)
        self.stage_group = QGroupBox(self)
        stage = QVBoxLayout(self.stage_group)
        stage.addWidget(self.stage_label)
        stage.addWidget(self.history_list, 1)
        left = QWidget(self)
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.details_group)
        left_box.addWidget(self.stage_group, 1)
        self.history_list.setMinimumHeight(60)

        self.matches_group = QGroupBox(self)
        matches = QVBoxLayout(self.matches_group)
        matches.addWidget(self.match_status)
        matches.addWidget(self.match_table, 1)
        self.reasons_title = QLabel(self)
        matches.addWidget(self.reasons_title)
        matches.addWidget(self.reasons_list)
        match_buttons = QHBoxLayout()
        match_buttons.addStretch(1)
        match_buttons.addWidget(self.plan_button)
        match_buttons.addWidget(self.quote_button)
        matches.addLayout(match_buttons)
        self.quotes_group = QGroupBox(self)
        quotes = QVBoxLayout(self.quotes_group)
        quotes.addWidget(self.quote_table, 1)
        quote_buttons = QHBoxLayout()
        quote_buttons.addStretch(1)
        quote_buttons.addWidget(self.draft_button)
        quotes.addLayout(quote_buttons)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.matches_group)
        right.addWidget(self.quotes_group)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        right.setSizes([470, 230])

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

    # -- the lead ----------------------------------------------------------------------

    def set_lead(self, row: LeadLike | None, history: Sequence[Any] = ()) -> None:
        """Show a stored lead (None: a new one) and its stages; its needs are matched."""
        self._loading = True
        try:
            self._row = row
            self._history = list(history)
            self.lead_id = row.id if row is not None else None
            self.tenant_id = row.tenant_id if row is not None else None
            self.stage = row.stage if row is not None else None
            if row is not None:
                self.company_edit.setText(row.company)
                self.contact_edit.setText(row.contact_name)
                self.phone_edit.setText(row.contact_phone)
                self.industry_edit.setText(row.industry)
                self.area_min_box.setValue(float(row.area_min))
                self.area_max_box.setValue(float(row.area_max))
                self.budget_box.setValue(float(row.budget) if row.budget is not None else 0.0)
                self.move_in_box.setChecked(row.move_in_on is not None)
                if row.move_in_on is not None:
                    self.move_in_edit.setDate(QDate(row.move_in_on))
                self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(
                    row.unit_type.value if row.unit_type is not None else None)))
                self.tags_edit.setText(", ".join(row.tags))
                self.owner_edit.setText(row.owner)
                self.source_edit.setText(row.source)
                self.notes_edit.setPlainText(row.notes)
        finally:
            self._loading = False
        self._say_stage()
        self._update_buttons()
        self._retitle()
        self._needs_settled()

    def values(self) -> dict[str, Any]:
        """The fields as ``services.pipeline.LeadInput`` takes them."""
        budget = _decimal(self.budget_box)
        type_value = self.type_combo.currentData()
        return {
            "company": self.company_edit.text().strip(),
            "contact_name": self.contact_edit.text().strip(),
            "contact_phone": self.phone_edit.text().strip(),
            "industry": self.industry_edit.text().strip(),
            "area_min": _decimal(self.area_min_box),
            "area_max": _decimal(self.area_max_box),
            "budget": budget if budget > 0 else None,
            "move_in_on": (self.move_in_edit.date().toPython()
                           if self.move_in_box.isChecked() else None),
            "unit_type": UnitType(type_value) if type_value else None,
            "tags": self.tags(),
            "owner": self.owner_edit.text().strip(),
            "source": self.source_edit.text().strip(),
            "notes": self.notes_edit.toPlainText(),
            "tenant_id": self.tenant_id,
        }

    def tags(self) -> tuple[str, ...]:
        """The wanted features as typed, split at commas (either width), 、 or spaces."""
        seen: list[str] = []
        for tag in TAG_SPLIT.split(self.tags_edit.text()):
            if tag and tag not in seen:
                seen.append(tag)
        return tuple(seen)

    def problems(self) -> list[FieldProblem]:
        """What the form can tell is wrong before asking the service (which checks again)."""
        values = self.values()
        return lead_field_problems(values["company"], values["area_min"], values["area_max"],
                                   values["budget"])

    def needs(self) -> LeadNeeds | None:
        """What matching looks for, from the fields as they stand; None while invalid."""
        values = self.values()
        try:
            return LeadNeeds(values["area_min"], values["area_max"], budget=values["budget"],
                             move_in_on=values["move_in_on"], unit_type=values["unit_type"],
                             tags=frozenset(values["tags"]))
        except ValueError:
            return None

    def request_save(self) -> None:
        problems = self.problems()
        self.show_refusal(problems)
        if not problems:
            self.say(self.tr("Saving…"))
            self.save_requested.emit(self.values())

    def show_refusal(self, problems: Sequence[FieldProblem], text: str = "") -> None:
        """The problems beside the form (each field's label marked), or ``text`` alone."""
        marked = {"area_min": "area", "area_max": "area", "contact_name": "contact",
                  "contact_phone": "phone", "move_in_on": "move_in", "unit_type": "type"}
        fields = {marked.get(p.field, p.field) for p in problems}
        for name, label_ in self.field_labels.items():
            label_.setStyleSheet(ERROR_STYLE if name in fields else "")
        lines = [problem_text(p) for p in problems]
        if text and not lines:
            lines = [text]
        self.problem_label.setText("\n".join(lines))
        self.problem_label.setVisible(bool(lines))
        if lines:
            self.say("")

    def say(self, text: str) -> None:
        self.status.setText(text)

    # -- matches ---------------------------------------------------------------------------

    def _needs_edited(self, *_args: object) -> None:
        if not self._loading:
            self._typing.start()

    def _needs_settled(self) -> None:
        self._typing.stop()
        needs = self.needs()
        if needs is None:
            self._matches_state = ("invalid", "")
            self._say_matches()
            return
        self.needs_changed.emit(needs)

    def set_matching(self) -> None:
        """Say the matches are being looked for (the flow calls this when it starts)."""
        self._matches_state = ("matching", "")
        self._say_matches()

    def set_matches(self, matches: Sequence[MatchLike]) -> None:
        """Show the matches best first; the first is chosen."""
        chosen = self.current_match()
        key = chosen.candidate.unit_codes if chosen is not None else None
        self.match_model.set_rows(list(matches))
        self._matches_state = ("done", str(len(matches)))
        self._say_matches()
        rows = [m.candidate.unit_codes for m in matches]
        if matches:
            self.choose_match(rows.index(key) if key in rows else 0)
        else:
            self.reasons_list.clear()
        self._update_buttons()

    def set_match_failed(self, message: str) -> None:
        self._matches_state = ("failed", message)
        self._say_matches()

    def matches(self) -> list[Any]:
        return self.match_model.rows()

    def choose_match(self, row: int) -> None:
        self.match_table.selectionModel().setCurrentIndex(
            self.match_model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    def current_match(self) -> Any | None:
        index = self.match_table.selectionModel().currentIndex()
        if not index.isValid() or index.row() >= self.match_model.rowCount():
            return None
        return self.match_model.row_at(index.row())

    def reasons(self) -> list[str]:
        """The chosen match's reasons as listed."""
        return [self.reasons_list.item(i).text() for i in range(self.reasons_list.count())]

    def _match_chosen(self, index: QModelIndex, _previous: QModelIndex | None = None) -> None:
        self.reasons_list.clear()
        if index.isValid():
            match = self.match_model.row_at(index.row())
            for reason in match.match.reasons:
                self.reasons_list.addItem(reason_line(reason))
        self._update_buttons()

    def request_show_on_plan(self) -> None:
        match = self.current_match()
        if match is not None and match.candidate.floor_id is not None:
            self.show_on_plan.emit(match.candidate.floor_id, list(match.candidate.unit_ids))

    # -- quotes ----------------------------------------------------------------------------

    def open_quote_editor(self) -> QuoteEditor | None:
        """The quote editor on the chosen match, prefilled: its units' billable area, the
        asking rent, from the move-in date (or the day the units are free, if later)."""
        match = self.current_match()
        if match is None or self.lead_id is None:
            return None
        candidate = match.candidate
        ids = list(candidate.unit_ids)
        areas = (self.billable_areas(ids) if self.billable_areas is not None
                 else list(candidate.unit_areas))
        values = self.values()
        start = max(d for d in (values["move_in_on"], candidate.available_from, self.today)
                    if d is not None)
        if self.quote_editor is not None:
            self.quote_editor.close()
        editor = self.quote_editor = QuoteEditor(
            self, ids, candidate.unit_codes, sum(areas, Decimal(0)), candidate.asking_rent,
            start, self.discount_rate, self.currency)
        editor.saved.connect(lambda terms: self.quote_requested.emit(ids, terms))
        editor.finished.connect(lambda _r: self._forget_editor(editor))
        editor.show()
        return editor

    def _forget_editor(self, editor: QuoteEditor) -> None:
        if self.quote_editor is editor:
            self.quote_editor = None
        editor.deleteLater()

    def quote_saved(self, code: str) -> None:
        """The quote was written: the editor closes and the form says so."""
        if self.quote_editor is not None:
            self.quote_editor.accept()
        self.say(self.tr("Quote %1 saved.").replace("%1", code))

    def set_quotes(self, quotes: Sequence[QuoteLike]) -> None:
        self.quote_model.set_rows(list(quotes))
        self._update_buttons()

    def quotes(self) -> list[Any]:
        return self.quote_model.rows()

    def choose_quote(self, row: int) -> None:
        self.quote_table.selectionModel().setCurrentIndex(
            self.quote_model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    def current_quote(self) -> Any | None:
        index = self.quote_table.selectionModel().currentIndex()
        if not index.isValid() or index.row() >= self.quote_model.rowCount():
            return None
        return self.quote_model.row_at(index.row())

    def request_draft(self) -> None:
        quote = self.current_quote()
        if quote is not None and quote.status == "open":
            self.say(self.tr("Making the draft contract…"))
            self.draft_requested.emit(quote.id)

    # -- showing ---------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        match = self.current_match()
        self.plan_button.setEnabled(match is not None and match.candidate.floor_id is not None)
        quotable = self.lead_id is not None and (self.stage is None or self.stage.is_open)
        self.quote_button.setEnabled(match is not None and quotable)
        if self.lead_id is None:
            self.quote_button.setToolTip(self.tr("Save the lead first"))
        elif not quotable:
            self.quote_button.setToolTip(self.tr("Only an open lead is quoted"))
        else:
            self.quote_button.setToolTip("")
        quote = self.current_quote()
        self.draft_button.setEnabled(quote is not None and quote.status == "open")

    def _say_stage(self) -> None:
        row = self._row
        if row is None:
            self.stage_label.setText(self.tr("A new lead starts in the first stage, %1.")
                                     .replace("%1", stage_text(Stage.LEAD)))
        else:
            days = (self.tr("1 day") if row.days_in_stage == 1 else
                    self.tr("%1 days").replace("%1", str(row.days_in_stage)))
            self.stage_label.setText(self.tr("%1 since %2 (%3)").replace(
                "%1", stage_text(row.stage)).replace("%2", row.stage_on.isoformat())
                .replace("%3", days))
        self.history_list.clear()
        for step in self._history:
            text = f"{step.on.isoformat()}  {stage_text(step.stage)}"
            if step.stage is Stage.LOST and step.lost_reason:
                text = self.tr("%1: %2").replace("%1", text).replace("%2", step.lost_reason)
            if step.actor:
                text += f"  ({step.actor})"
            self.history_list.addItem(text)

    def _say_matches(self) -> None:
        state, detail = self._matches_state
        if state == "invalid":
            text = self.tr("Give an area range (the least above zero, not above the most) to "
                           "see the units that match.")
        elif state == "matching":
            text = self.tr("Looking for matching units…")
        elif state == "failed":
            text = detail
        elif state == "done" and detail == "0":
            text = self.tr("No vacant unit or set of neighbouring units comes near these "
                           "needs.")
        elif state == "done":
            text = self.tr("%1 matches, best first: choose one to see why, show it on the "
                           "plan or quote it.").replace("%1", detail)
        else:
            text = ""
        self.match_status.setText(text)

    def _retitle(self) -> None:
        row = self._row
        if row is None:
            self.setWindowTitle(self.tr("New lead"))
        else:
            self.setWindowTitle(self.tr("Lead %1 — %2").replace("%1", row.code)
                                .replace("%2", row.company))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        texts = {"company": self.tr("Company"), "contact": self.tr("Contact"),
                 "phone": self.tr("Phone"), "industry": self.tr("Industry"),
                 "area": self.tr("Area wanted"), "budget": self.tr("Budget per m² a month"),
                 "move_in": self.tr("Move in"), "type": self.tr("Type"),
                 "tags": self.tr("Features wanted"), "owner": self.tr("Owner"),
                 "source": self.tr("Source"), "notes": self.tr("Notes")}
        for name, text in texts.items():
            self.field_labels[name].setText(text)
        self.area_to.setText(self.tr("to"))
        self.move_in_box.setText(self.tr("by"))
        self.type_combo.setItemText(0, self.tr("Any type"))
        for i, kind in enumerate(UnitType, start=1):
            self.type_combo.setItemText(i, label(kind))
        self.tags_edit.setPlaceholderText(self.tr("e.g. 货梯, 高层"))
        self.details_group.setTitle(self.tr("Lead"))
        self.stage_group.setTitle(self.tr("Stage and history"))
        self.matches_group.setTitle(self.tr("Matching units"))
        self.reasons_title.setText(self.tr("Why this score:"))
        self.quotes_group.setTitle(self.tr("Quotes"))
        self.plan_button.setText(self.tr("Show on &plan"))
        self.quote_button.setText(self.tr("&Quote…"))
        self.draft_button.setText(self.tr("Make &draft contract"))
        self.budget_box.setSuffix(f" {currency_name(self.currency)}" if self.currency else "")
        self.match_model.retitle()
        self.quote_model.retitle()
        self._say_stage()
        self._say_matches()
        self._retitle()
        self._update_buttons()
