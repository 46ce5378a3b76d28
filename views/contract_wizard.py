"""The contract wizard: tenant, units, dates, rent and clauses on the left, the rent
schedule they make on the right, recomputed as the person types.

One form in sections, not pages: the schedule beside it answers "what does this
clause do to the money" at once, which pages would hide. Every change restarts a
short timer (:data:`PREVIEW_MS`); when it fires the form becomes a
:class:`~domain.leasing.contract.ContractSpec`, the schedule is computed
in-process (``domain.leasing.schedule`` is pure and takes milliseconds) and the
spec is checked by the ``checker`` the caller passes (``app/`` reads the
register's facts; the view never touches the store). Each problem is put on the
field it names (``FieldProblem.field``): a red outline with the reason as its
tooltip, or a row marked in a list, and the reasons are listed under the
schedule, a click on one going to its field.

Save draft and Sign check once more; with a problem left the wizard says so
and emits nothing. Otherwise it emits :attr:`ContractWizard.submitted` with the
spec and whether to sign, and the caller saves it, handing any refusal back
with :meth:`ContractWizard.show_refusal`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from domain.assets import UnitType
from domain.leasing.clauses import (
    Basis,
    Charge,
    ChargeKind,
    Cycle,
    DueKind,
    DueRule,
    Escalation,
    EscalationKind,
    LateFee,
    RentFree,
    RentFreeKind,
    RentFreeRule,
    RentTerms,
    Turnover,
)
from domain.leasing.contract import ContractSpec, LetUnit
from domain.leasing.schedule import (
    RENT,
    Problem,
    ScheduleLine,
    add_months,
    net_effective_rent,
    rent_schedule,
    total,
)
from domain.leasing.validation import FieldProblem, validate_contract
from domain.money import ZERO, round_to
from views.clause_editors import (
    PROBLEM_COLOUR,
    EnumCombo,
    RowsEditor,
    check_col,
    choose,
    date_box,
    date_col,
    day_of,
    decimal_of,
    enum_col,
    enum_combo,
    int_box,
    money_col,
    number_box,
    rename_combo,
    set_day,
    set_decimal,
    text_col,
    watch,
    year_col,
)
from views.contract_text import (
    amount_text,
    area_figure,
    basis_text,
    charge_kind_text,
    charge_text,
    cycle_text,
    due_kind_text,
    escalation_kind_text,
    field_title,
    price_text,
    problem_text,
    rent_free_kind_text,
    rent_free_rule_text,
)
from views.labels import currency_name, label
from views.message_text import translate
from views.schedule_table import ScheduleTable

PREVIEW_MS = 150  # quiet time after a keystroke before the schedule is computed again
ONE_DAY = timedelta(days=1)
NEW_TENANT = "__new__"
# Facts only the register knows: without a checker they are not judged here.
REGISTER_CODES = frozenset({"unknown-unit", "unit-archived", "unit-common",
                            "unit-not-leasable", "unit-leased", "area-mismatch"})


@dataclass(frozen=True)
class UnitChoice:
    """A unit the contract may let, as the register has it now."""

    unit_id: str
    code: str
    billable_area: Decimal
    asking_rent: Decimal | None = None  # per m² a month
    kind: UnitType | None = None


@dataclass(frozen=True)
class TenantChoice:
    tenant_id: str
    name: str


@dataclass(frozen=True)
class NewTenant:
    """A tenant typed in the wizard; the caller creates it before saving the contract."""

    name: str
    contact_name: str = ""
    contact_phone: str = ""


Checker = Callable[[ContractSpec], list[FieldProblem]]


def term_text(starts_on: date, ends_on: date) -> str:
    """``36 months`` or ``12 months 9 days``: how long a term is, counted from its start."""
    if ends_on < starts_on:
        return "—"
    months = 0
    while add_months(starts_on, months + 1, starts_on.day) - ONE_DAY <= ends_on:
        months += 1
    days = (ends_on - (add_months(starts_on, months, starts_on.day) - ONE_DAY)).days
    said = ""
    if months:
        said = translate("ContractWizard", "{n} months").replace("{n}", str(months))
    if days:
        said += (" " if said else "") + translate("ContractWizard", "{n} days").replace(
            "{n}", str(days))
    return said


class ContractWizard(QDialog):
    """A new contract (or a draft's) entered with its schedule beside it."""

    submitted = Signal(object, bool)  # ContractSpec, sign
    # The schedule and problems on screen are the form's now (or a refusal's, shown).
    previewed = Signal()

    def __init__(self, parent: QWidget | None = None, *,
                 tenants: Sequence[TenantChoice] = (),
                 checker: Checker | None = None,
                 plan_selection: Callable[[], list[UnitChoice]] | None = None,
                 find_unit: Callable[[str], UnitChoice | None] | None = None,
                 today: date | None = None, currency: str = "", code: str = "",
                 discount_rate: Decimal | None = None) -> None:
        super().__init__(parent)
        self.checker = checker
        self.plan_selection = plan_selection
        self.find_unit = find_unit
        self.currency = currency
        self.discount_rate = discount_rate
        self.today = today or date.today()
        self.contract_id: Any = None  # the draft edited, when the caller sets it
        self._units: list[UnitChoice] = []
        self._lines: list[ScheduleLine] = []
        self._schedule_problems: list[Problem] = []
        self._problems: list[FieldProblem] = []
        self._marked: dict[str, list[str]] = {}
        self._frames: dict[QWidget, QFrame] = {}
        self._refused: list[FieldProblem] = []  # the last refusal, kept until the form changes
        self._building = False  # set_spec fills many fields: one preview after
        self._units_said: Callable[[], str] | None = None
        self._turnover_tiers: tuple[tuple[Decimal | None, Decimal], ...] = ()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_MS)
        self._timer.timeout.connect(self.refresh_now)

        self._build(tenants, code)
        self._retranslate()
        self.resize(1480, 900)
        self.refresh_now()

    # -- construction ---------------------------------------------------------------------

    def _framed(self, widget: QWidget) -> QFrame:
        """The widget in a frame that turns red when its field has a problem."""
        frame = QFrame(self)
        frame.setObjectName("fieldFrame")
        layout = QHBoxLayout(frame)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(widget)
        self._frames[widget] = frame
        self._paint_frame(frame, False)
        return frame

    @staticmethod
    def _paint_frame(frame: QFrame, bad: bool) -> None:
        """Red or not; a style sheet is set only when that changes (setting one re-polishes
        the field, a few milliseconds each)."""
        if frame.property("bad") == bad:
            return
        frame.setProperty("bad", bad)
        colour = PROBLEM_COLOUR if bad else "transparent"
        frame.setStyleSheet(f"QFrame#fieldFrame {{ border: 1px solid {colour}; "
                            "border-radius: 3px; }")

    def _build(self, tenants: Sequence[TenantChoice], code: str) -> None:
        self.labels: dict[str, QLabel] = {}

        def form_row(form: QFormLayout, key: str, field: QWidget | QHBoxLayout) -> None:
            caption = self.labels[key] = QLabel(self)
            if isinstance(field, QWidget) and field in self._frames:
                field = self._frames[field]
            form.addRow(caption, field)

        def new_form(box: QGroupBox) -> QFormLayout:
            form = QFormLayout(box)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
            return form

        # contract and tenant
        self.contract_box = QGroupBox(self)
        form = new_form(self.contract_box)
        self.code_edit = QLineEdit(code, self)
        self._framed(self.code_edit)
        self.kind_combo = enum_combo(self, list(UnitType), label)
        self.tenant_combo = QComboBox(self)
        self.tenant_combo.setMinimumContentsLength(24)
        for tenant in tenants:
            self.tenant_combo.addItem(tenant.name, tenant.tenant_id)
        self.tenant_combo.addItem("", NEW_TENANT)
        self._framed(self.tenant_combo)
        self.tenant_name_edit = QLineEdit(self)
        self._framed(self.tenant_name_edit)
        self.contact_name_edit = QLineEdit(self)
        self.contact_phone_edit = QLineEdit(self)
        form_row(form, "code", self.code_edit)
        form_row(form, "kind", self.kind_combo)
        form_row(form, "tenant", self.tenant_combo)
        form_row(form, "tenant_name", self.tenant_name_edit)
        contact = QHBoxLayout()
        contact.addWidget(self.contact_name_edit, 1)
        contact.addWidget(self.contact_phone_edit, 1)
        form_row(form, "contact", contact)
        self._tenant_form = form
        self.tenant_combo.currentIndexChanged.connect(self._tenant_chosen)

        # units
        self.units_box = QGroupBox(self)
        self.units_editor = RowsEditor([
            text_col(lambda: self.tr("Unit"), 14),
            money_col(lambda: self.tr("Billable m²"), 2, 12),
            money_col(lambda: self.tr("Asking rent"), 2, 12),
        ], self, visible_rows=3)
        self.units_editor.add_button.hide()  # units come from the plan or a code
        self._framed(self.units_editor)
        self.plan_button = QPushButton(self)
        self.plan_button.clicked.connect(self.add_plan_selection)
        self.plan_button.setEnabled(self.plan_selection is not None)
        self.unit_code_edit = QLineEdit(self)
        self.unit_code_edit.returnPressed.connect(self.add_unit_code)
        self.unit_code_button = QPushButton(self)
        self.unit_code_button.clicked.connect(self.add_unit_code)
        self.unit_code_button.setEnabled(self.find_unit is not None)
        self.unit_status = QLabel(self)
        self.area_label = QLabel(self)
        self.area_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._framed(self.area_label)
        adding = QHBoxLayout()
        adding.addWidget(self.plan_button)
        adding.addSpacing(12)
        adding.addWidget(self.unit_code_edit, 1)
        adding.addWidget(self.unit_code_button)
        units_layout = QVBoxLayout(self.units_box)
        units_layout.addWidget(self._frames[self.units_editor])
        units_layout.addLayout(adding)
        below = QHBoxLayout()
        below.addWidget(self.unit_status, 1)
        below.addWidget(self._frames[self.area_label])
        units_layout.addLayout(below)

        # dates
        self.dates_box = QGroupBox(self)
        form = new_form(self.dates_box)
        start = add_months(date(self.today.year, self.today.month, 1), 1)
        self.signed_edit = date_box(self, self.today)
        self.delivered_check = QCheckBox(self)
        self.delivered_edit = date_box(self, start)
        self.delivered_edit.setEnabled(False)
        self.delivered_check.toggled.connect(self.delivered_edit.setEnabled)
        self.rent_start_edit = date_box(self, start)
        self.end_edit = date_box(self, add_months(start, 36) - ONE_DAY)
        for widget in (self.signed_edit, self.delivered_edit, self.rent_start_edit,
                       self.end_edit):
            self._framed(widget)
        self.term_label = QLabel(self)
        form_row(form, "signed_on", self.signed_edit)
        delivered = QHBoxLayout()
        delivered.addWidget(self.delivered_check)
        delivered.addWidget(self._frames[self.delivered_edit], 1)
        form_row(form, "delivered_on", delivered)
        form_row(form, "rent_starts_on", self.rent_start_edit)
        form_row(form, "ends_on", self.end_edit)
        form_row(form, "term", self.term_label)

        # rent
        self.rent_box = QGroupBox(self)
        form = new_form(self.rent_box)
        self.rate_box = number_box(self, 2, 1e7)
        self._framed(self.rate_box)
        self.basis_combo = enum_combo(self, list(Basis), basis_text)
        rate = QHBoxLayout()
        rate.addWidget(self._frames[self.rate_box], 1)
        rate.addWidget(self.basis_combo, 1)
        self.cycle_combo = enum_combo(self, list(Cycle), cycle_text)
        self.calendar_check = QCheckBox(self)
        self.thirty_check = QCheckBox(self)
        self.deposit_box = number_box(self, 2)
        self._framed(self.deposit_box)
        self.due_days_box = int_box(self, -31, 366)
        self.due_kind_combo = enum_combo(self, list(DueKind), due_kind_text)
        self._due = QWidget(self)
        due = QHBoxLayout(self._due)
        due.setContentsMargins(0, 0, 0, 0)
        due.addWidget(self.due_days_box)
        due.addWidget(self.due_kind_combo, 1)
        self._framed(self._due)
        self.coefficient_box = number_box(self, 4, 100)
        self.coefficient_box.setValue(1.0)
        self._framed(self.coefficient_box)
        form_row(form, "rate", rate)
        form_row(form, "cycle", self.cycle_combo)
        form_row(form, "calendar", self.calendar_check)
        form_row(form, "thirty", self.thirty_check)
        form_row(form, "coefficient", self.coefficient_box)
        form_row(form, "deposit", self.deposit_box)
        form_row(form, "due", self._due)

        # rent-free
        self.free_box = QGroupBox(self)
        self.free_editor = RowsEditor([
            date_col(lambda: self.tr("From")), date_col(lambda: self.tr("To")),
            enum_col(lambda: self.tr("Kind"), list(RentFreeKind), rent_free_kind_text),
        ], self, defaults=self._free_defaults, visible_rows=2)
        self._framed(self.free_editor)
        self.free_rule_combo = enum_combo(self, list(RentFreeRule), rent_free_rule_text)
        free_layout = QVBoxLayout(self.free_box)
        free_layout.addWidget(self._frames[self.free_editor])
        rule = QFormLayout()
        self.labels["free_rule"] = QLabel(self)
        rule.addRow(self.labels["free_rule"], self.free_rule_combo)
        free_layout.addLayout(rule)

        # escalation
        self.escalation_box = QGroupBox(self)
        self.escalation_combo = EnumCombo(self, [None, *EscalationKind], escalation_kind_text,
                                          lambda: self.tr("None"))
        self._framed(self.escalation_combo)
        self.escalation_pages = QStackedWidget(self)
        self.escalation_pages.addWidget(QWidget(self))
        self.percent_box = number_box(self, 2, 1000, " %", minimum=-100)
        self.amount_box = number_box(self, 2, 1e7, minimum=-1e7)
        self.steps_editor = RowsEditor([
            date_col(lambda: self.tr("From")), money_col(lambda: self.tr("Price per m²")),
        ], self, defaults=self._step_defaults, visible_rows=3)
        cpi = QWidget(self)
        cpi_grid = QGridLayout(cpi)
        cpi_grid.setContentsMargins(0, 0, 0, 0)
        self.floor_check = QCheckBox(self)
        self.floor_box = number_box(self, 2, 100, " %", minimum=-100)
        self.cap_check = QCheckBox(self)
        self.cap_box = number_box(self, 2, 100, " %", minimum=-100)
        self.cpi_month_box = int_box(self, 1, 12)
        self.cpi_day_box = int_box(self, 1, 31)
        self.cpi_month_box.setValue(1)
        self.cpi_day_box.setValue(1)
        self.index_editor = RowsEditor([
            year_col(lambda: self.tr("Year")), money_col(lambda: self.tr("Index"), 2),
        ], self, defaults=self._index_defaults, visible_rows=3)
        self.cpi_on_label = QLabel(self)
        cpi_grid.addWidget(self.floor_check, 0, 0)
        cpi_grid.addWidget(self.floor_box, 0, 1)
        cpi_grid.addWidget(self.cap_check, 0, 2)
        cpi_grid.addWidget(self.cap_box, 0, 3)
        cpi_grid.addWidget(self.cpi_on_label, 1, 0)
        on = QHBoxLayout()
        on.addWidget(self.cpi_month_box)
        on.addWidget(self.cpi_day_box)
        on.addStretch(1)
        cpi_grid.addLayout(on, 1, 1, 1, 3)
        cpi_grid.addWidget(self.index_editor, 2, 0, 1, 4)
        for page in (self.percent_box, self.amount_box, self.steps_editor, cpi):
            holder = QWidget(self)
            holder_layout = QFormLayout(holder)
            holder_layout.setContentsMargins(0, 0, 0, 0)
            if page in (self.percent_box, self.amount_box):
                caption = QLabel(self)
                self.labels["percent" if page is self.percent_box else "amount"] = caption
                holder_layout.addRow(caption, page)
            else:
                holder_layout.addRow(page)
            self.escalation_pages.addWidget(holder)
        self._escalation_page = {None: 0, EscalationKind.FIXED_PERCENT: 1,
                                 EscalationKind.FIXED_AMOUNT: 2, EscalationKind.STEPPED: 3,
                                 EscalationKind.CPI_CHANGE: 4, EscalationKind.CPI_RATIO: 4}
        self.escalation_combo.currentIndexChanged.connect(self._escalation_chosen)
        esc_layout = QVBoxLayout(self.escalation_box)
        esc_layout.addWidget(self._frames[self.escalation_combo])
        esc_layout.addWidget(self.escalation_pages)

        # tiers
        self.tiers_box = QGroupBox(self)
        self.tiers_editor = RowsEditor([
            money_col(lambda: self.tr("Band up to m² (0: the rest)")),
            money_col(lambda: self.tr("Price per m²")),
        ], self, visible_rows=2)
        self._framed(self.tiers_editor)
        QVBoxLayout(self.tiers_box).addWidget(self._frames[self.tiers_editor])

        # turnover
        self.turnover_box = QGroupBox(self)
        self.turnover_box.setCheckable(True)
        self.turnover_box.setChecked(False)
        form = new_form(self.turnover_box)
        self.turnover_rate_box = number_box(self, 2, 100, " %")
        self._framed(self.turnover_rate_box)
        self.breakpoint_check = QCheckBox(self)
        self.breakpoint_box = number_box(self, 2)
        self.minimum_check = QCheckBox(self)
        self.minimum_box = number_box(self, 2)
        self.maximum_check = QCheckBox(self)
        self.maximum_box = number_box(self, 2)
        form_row(form, "turnover_rate", self.turnover_rate_box)
        for key, check, box in (("breakpoint", self.breakpoint_check, self.breakpoint_box),
                                ("minimum", self.minimum_check, self.minimum_box),
                                ("maximum", self.maximum_check, self.maximum_box)):
            row = QHBoxLayout()
            row.addWidget(check)
            row.addWidget(box, 1)
            box.setEnabled(False)
            check.toggled.connect(box.setEnabled)
            form_row(form, key, row)

        # charges
        self.charges_box = QGroupBox(self)
        self.charges_editor = RowsEditor([
            enum_col(lambda: self.tr("Charge"), list(ChargeKind), charge_kind_text, 14),
            text_col(lambda: self.tr("Name on the bill"), 12),
            money_col(lambda: self.tr("Amount"), 2, 11),
            check_col(lambda: self.tr("Per m²"), 7),
        ], self, visible_rows=2)
        self._framed(self.charges_editor)
        QVBoxLayout(self.charges_box).addWidget(self._frames[self.charges_editor])

        # late fee
        self.late_box = QGroupBox(self)
        self.late_box.setCheckable(True)
        self.late_box.setChecked(False)
        form = new_form(self.late_box)
        self.late_rate_box = number_box(self, 3, 100, " %")
        self.late_rate_box.setValue(0.05)
        self._framed(self.late_rate_box)
        self.late_capped_check = QCheckBox(self)
        self.late_capped_check.setChecked(True)
        self.grace_box = int_box(self, 0, 365)
        self.from_due_check = QCheckBox(self)
        form_row(form, "late_rate", self.late_rate_box)
        form_row(form, "grace", self.grace_box)
        form_row(form, "late_capped", self.late_capped_check)
        form_row(form, "from_due", self.from_due_check)

        self.notes_box = QGroupBox(self)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        QVBoxLayout(self.notes_box).addWidget(self.notes_edit)

        sections = QWidget(self)
        left = QVBoxLayout(sections)
        for box in (self.contract_box, self.units_box, self.dates_box, self.rent_box,
                    self.free_box, self.escalation_box, self.tiers_box, self.turnover_box,
                    self.charges_box, self.late_box, self.notes_box):
            left.addWidget(box)
        left.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(sections)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        # the preview
        preview = QWidget(self)
        right = QVBoxLayout(preview)
        right.setContentsMargins(0, 0, 0, 0)
        self.preview_title = QLabel(self)
        font = self.preview_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.preview_title.setFont(font)
        self.schedule = ScheduleTable(self)
        self.schedule.set_currency(self.currency)
        self._framed(self.schedule)
        self.summary_label = QLabel(self)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setWordWrap(True)
        self.problems_title = QLabel(self)
        self.problem_list = QListWidget(self)
        self.problem_list.setMaximumHeight(self.fontMetrics().height() * 6 + 12)
        self.problem_list.itemActivated.connect(self._problem_chosen)
        self.problem_list.itemClicked.connect(self._problem_chosen)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        right.addWidget(self.preview_title)
        right.addWidget(self._frames[self.schedule], 1)
        right.addWidget(self.summary_label)
        right.addWidget(self.problems_title)
        right.addWidget(self.problem_list)
        right.addWidget(self.status_label)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.scroll)
        splitter.addWidget(preview)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        self.draft_button = QPushButton(self)
        self.sign_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        self.draft_button.clicked.connect(lambda: self.submit(False))
        self.sign_button.clicked.connect(lambda: self.submit(True))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.draft_button)
        buttons.addWidget(self.sign_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        for widget in (self.code_edit, self.kind_combo, self.tenant_combo,
                       self.tenant_name_edit, self.units_editor, self.signed_edit,
                       self.delivered_check, self.delivered_edit, self.rent_start_edit,
                       self.end_edit, self.rate_box, self.basis_combo, self.cycle_combo,
                       self.calendar_check, self.thirty_check, self.deposit_box,
                       self.due_days_box, self.due_kind_combo, self.coefficient_box,
                       self.free_editor, self.free_rule_combo, self.escalation_combo,
                       self.percent_box, self.amount_box, self.steps_editor,
                       self.floor_check, self.floor_box, self.cap_check, self.cap_box,
                       self.cpi_month_box, self.cpi_day_box, self.index_editor,
                       self.tiers_editor, self.turnover_rate_box, self.breakpoint_check,
                       self.breakpoint_box, self.minimum_check, self.minimum_box,
                       self.maximum_check, self.maximum_box, self.charges_editor,
                       self.late_rate_box, self.late_capped_check, self.grace_box,
                       self.from_due_check):
            watch(widget, self.changed)
        self.turnover_box.toggled.connect(self.changed)
        self.late_box.toggled.connect(self.changed)
        self._tenant_chosen()
        self._escalation_chosen()

    def keyPressEvent(self, event: Any) -> None:
        """Enter never signs or saves: it ends a field (a unit code's Enter adds the unit);
        only a click on Sign or Save draft submits a contract."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def showEvent(self, event: Any) -> None:
        self._fit_form()
        super().showEvent(event)

    def _fit_form(self) -> None:
        """The form as wide as its widest section needs (no label or field clipped), the
        schedule taking the rest."""
        sections = self.scroll.widget()
        need = (max(sections.minimumSizeHint().width(), sections.sizeHint().width())
                + self.scroll.verticalScrollBar().sizeHint().width() + 6)
        if self.scroll.minimumWidth() != need:
            self.scroll.setMinimumWidth(need)
            self.splitter.setSizes([need, max(1, self.splitter.width() - need)])

    # -- translation ----------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if self._units_said is not None:
                self.unit_status.setText(self._units_said())
            if hasattr(self, "schedule"):
                self.refresh_now()
            if self.isVisible():  # once the sections have laid out their new words
                QTimer.singleShot(0, self._fit_form)
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("New contract") if self.contract_id is None
                            else self.tr("Edit draft contract"))
        self.contract_box.setTitle(self.tr("Contract and tenant"))
        self.units_box.setTitle(self.tr("Units"))
        self.dates_box.setTitle(self.tr("Dates"))
        self.rent_box.setTitle(self.tr("Rent"))
        self.free_box.setTitle(self.tr("Rent-free periods"))
        self.escalation_box.setTitle(self.tr("Escalation"))
        self.tiers_box.setTitle(self.tr("Tiered pricing by area band"))
        self.turnover_box.setTitle(self.tr("Turnover rent"))
        self.charges_box.setTitle(self.tr("Charges billed with the rent"))
        self.late_box.setTitle(self.tr("Late fee"))
        self.notes_box.setTitle(self.tr("Notes"))
        captions = {
            "code": self.tr("Contract code"), "kind": self.tr("Type"), "tenant": self.tr("Tenant"),
            "tenant_name": self.tr("New tenant's name"), "contact": self.tr("Contact, phone"),
            "signed_on": self.tr("Signed on"), "delivered_on": self.tr("Delivered on"),
            "rent_starts_on": self.tr("Rent starts on"), "ends_on": self.tr("Ends on"),
            "term": self.tr("Term"), "rate": self.tr("Rent per m²"), "cycle": self.tr("Billed"),
            "calendar": self.tr("Periods"), "thirty": self.tr("Partial months"),
            "coefficient": self.tr("Area coefficient"), "deposit": self.tr("Deposit"),
            "due": self.tr("Due"), "free_rule": self.tr("Overlapping periods"),
            "percent": self.tr("Increase a year"), "amount": self.tr("Added per m² a year"),
            "turnover_rate": self.tr("Rate of sales"), "breakpoint": self.tr("Breakpoint"),
            "minimum": self.tr("Minimum a month"), "maximum": self.tr("Maximum a month"),
            "late_rate": self.tr("Per day overdue"), "grace": self.tr("Days of grace"),
            "late_capped": self.tr("Cap"), "from_due": self.tr("Once late"),
        }
        for key, text in captions.items():
            self.labels[key].setText(text)
        self.tenant_combo.setItemText(self.tenant_combo.count() - 1, self.tr("New tenant…"))
        self.tenant_name_edit.setPlaceholderText(self.tr("Company name as on the contract"))
        self.contact_name_edit.setPlaceholderText(self.tr("Contact person"))
        self.contact_phone_edit.setPlaceholderText(self.tr("Phone"))
        self.plan_button.setText(self.tr("Add the units selected on the plan"))
        self.unit_code_edit.setPlaceholderText(self.tr("Unit code, e.g. ZD-A-0301"))
        self.unit_code_button.setText(self.tr("Add by code"))
        self.units_editor.remove_button.setText(self.tr("Remove"))
        self.delivered_check.setText(self.tr("Handed over before rent starts (fit-out)"))
        self.calendar_check.setText(self.tr("Follow the calendar (first and last prorated)"))
        self.thirty_check.setText(self.tr("Prorate over 30 days"))
        self.deposit_box.setSuffix(f" {currency_name(self.currency)}" if self.currency else "")
        for combo in (self.kind_combo, self.basis_combo, self.cycle_combo,
                      self.due_kind_combo, self.free_rule_combo, self.escalation_combo):
            rename_combo(combo)
        self.floor_check.setText(self.tr("Floor"))
        self.cap_check.setText(self.tr("Cap"))
        self.cpi_on_label.setText(self.tr("Adjusted each year on month, day"))
        self.breakpoint_check.setText(self.tr("Artificial (else natural: base ÷ rate)"))
        self.minimum_check.setText(self.tr("At least"))
        self.maximum_check.setText(self.tr("At most"))
        self.late_capped_check.setText(self.tr("Never more than the overdue amount"))
        self.from_due_check.setText(self.tr("Count from the due date, not after the grace"))
        self.preview_title.setText(self.tr("Rent schedule"))
        self.problems_title.setText(self.tr("To fix before saving"))
        self.draft_button.setText(self.tr("Save draft"))
        self.sign_button.setText(self.tr("Sign"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._show_units_total()

    # -- units ----------------------------------------------------------------------------

    def add_units(self, units: Sequence[UnitChoice]) -> list[str]:
        """Add units not listed yet (the first sets the type and, with no rent typed, the
        rate: the area-weighted asking rent); returns the codes added."""
        added = []
        known = {u.unit_id for u in self._units}
        first = not self._units
        for unit in units:
            if unit.unit_id in known:
                continue
            known.add(unit.unit_id)
            self._units.append(unit)
            row = self.units_editor.add_row((unit.code, unit.billable_area,
                                             unit.asking_rent or ZERO))
            self.units_editor.widget(row, 0).setReadOnly(True)
            self.units_editor.widget(row, 2).setReadOnly(True)
            added.append(unit.code)
        if added and self.isVisible():
            self._fit_form()
        if first and self._units:
            kind = next((u.kind for u in self._units if u.kind is not None), None)
            if kind is not None:
                choose(self.kind_combo, kind)
            if not self.rate_box.value():
                self.rate_box.setValue(float(self._asking_rate()))
        self._show_units_total()
        return added

    def _asking_rate(self) -> Decimal:
        priced = [u for u in self._units if u.asking_rent is not None]
        area = sum((u.billable_area for u in priced), ZERO)
        if not area:
            return ZERO
        return round_to(sum((u.billable_area * (u.asking_rent or ZERO) for u in priced), ZERO)
                        / area, 2)

    def add_plan_selection(self) -> list[str]:
        if self.plan_selection is None:
            return []
        chosen = self.plan_selection()
        added = self.add_units(chosen)
        if not chosen:
            self._say_units(lambda: self.tr("Select units on the plan first (Ctrl+click adds)."))
        elif not added:
            self._say_units(lambda: self.tr("The units selected are listed already."))
        else:
            self._say_units(lambda: self.tr("Added %1.").replace("%1", ", ".join(added)))
        return added

    def add_unit_code(self) -> list[str]:
        code = self.unit_code_edit.text().strip()
        if not code or self.find_unit is None:
            return []
        found = self.find_unit(code)
        if found is None:
            self._say_units(lambda: self.tr("No unit %1 in this park.").replace("%1", code))
            return []
        added = self.add_units([found])
        self.unit_code_edit.clear()
        self._say_units(lambda: self.tr("Added %1.").replace("%1", found.code) if added
                        else self.tr("%1 is listed already.").replace("%1", found.code))
        return added

    def _say_units(self, text: Callable[[], str]) -> None:
        """Say what adding units did (again after a language switch)."""
        self._units_said = text
        self.unit_status.setText(text())

    def _units_removed(self) -> None:
        """Keep the units list in step with the rows left after Remove."""
        codes = [values[0] for values in self.units_editor.values()]
        self._units = [u for u in self._units if u.code in codes]

    def units(self) -> tuple[LetUnit, ...]:
        self._units_removed()
        areas = {values[0]: values[1] for values in self.units_editor.values()}
        return tuple(LetUnit(u.unit_id, u.code, areas.get(u.code, u.billable_area))
                     for u in self._units)

    def _show_units_total(self) -> None:
        if not hasattr(self, "area_label"):
            return
        area = sum((u.billable_area for u in self.units()), ZERO)
        self.area_label.setText(self.tr("Total %1 m²").replace("%1", area_figure(area)))

    # -- reading the form -----------------------------------------------------------------

    def new_tenant(self) -> NewTenant | None:
        """The tenant typed in, when "New tenant…" is chosen."""
        if self.tenant_combo.currentData() != NEW_TENANT:
            return None
        return NewTenant(self.tenant_name_edit.text().strip(),
                         self.contact_name_edit.text().strip(),
                         self.contact_phone_edit.text().strip())

    def spec(self) -> ContractSpec:
        """The form as a contract version (whatever it holds: the checks judge it)."""
        units = self.units()
        delivered = day_of(self.delivered_edit) if self.delivered_check.isChecked() else None
        rent_start = day_of(self.rent_start_edit)
        starts_on = delivered or rent_start
        tenant = self.tenant_combo.currentData()
        new = self.new_tenant()
        return ContractSpec(
            code=self.code_edit.text().strip(),
            tenant_id="" if tenant == NEW_TENANT else str(tenant or ""),
            tenant_name=new.name if new is not None else self.tenant_combo.currentText(),
            kind=self.kind_combo.member(),
            signed_on=day_of(self.signed_edit),
            units=units,
            terms=self.terms(sum((u.billable_area for u in units), ZERO), starts_on),
            delivered_on=delivered,
            rent_starts_on=rent_start,
            deposit=decimal_of(self.deposit_box),
            notes=self.notes_edit.toPlainText().strip(),
        )

    def terms(self, area: Decimal, starts_on: date) -> RentTerms:
        tiers = tuple((None if upper == 0 else upper, price)
                      for upper, price in self.tiers_editor.values())
        charges = tuple(Charge(kind, amount, per_sqm, name)
                        for kind, name, amount, per_sqm in self.charges_editor.values())
        return RentTerms(
            area=area, rate=decimal_of(self.rate_box), starts_on=starts_on,
            ends_on=day_of(self.end_edit), basis=self.basis_combo.member(),
            cycle=self.cycle_combo.member(),
            calendar_periods=self.calendar_check.isChecked(),
            thirty_day_months=self.thirty_check.isChecked(),
            rent_free=tuple(RentFree(a, b, kind) for a, b, kind in self.free_editor.values()),
            rent_free_rule=self.free_rule_combo.member(),
            escalation=self.escalation(), turnover=self.turnover(), tiers=tiers,
            area_coefficient=decimal_of(self.coefficient_box), charges=charges,
            due=DueRule(self.due_kind_combo.member(), self.due_days_box.value()),
            late_fee=self.late_fee())

    def escalation(self) -> Escalation | None:
        kind = self.escalation_combo.member()
        if kind is None:
            return None
        if kind is EscalationKind.FIXED_PERCENT:
            return Escalation(kind, percent=decimal_of(self.percent_box))
        if kind is EscalationKind.FIXED_AMOUNT:
            return Escalation(kind, amount=decimal_of(self.amount_box))
        if kind is EscalationKind.STEPPED:
            return Escalation(kind, steps=tuple(sorted(self.steps_editor.values())))
        return Escalation(
            kind, index={year: value for year, value in self.index_editor.values()},
            on_month=self.cpi_month_box.value(), on_day=self.cpi_day_box.value(),
            floor=decimal_of(self.floor_box) if self.floor_check.isChecked() else None,
            cap=decimal_of(self.cap_box) if self.cap_check.isChecked() else None)

    def turnover(self) -> Turnover | None:
        if not self.turnover_box.isChecked():
            return None

        def optional(check: QCheckBox, box: Any) -> Decimal | None:
            return decimal_of(box) if check.isChecked() else None

        return Turnover(
            rate=decimal_of(self.turnover_rate_box) / 100, tiers=self._turnover_tiers,
            breakpoint=optional(self.breakpoint_check, self.breakpoint_box),
            minimum=optional(self.minimum_check, self.minimum_box),
            maximum=optional(self.maximum_check, self.maximum_box))

    def late_fee(self) -> LateFee | None:
        if not self.late_box.isChecked():
            return None
        return LateFee(decimal_of(self.late_rate_box) / 100,
                       capped=self.late_capped_check.isChecked(),
                       grace_days=self.grace_box.value(),
                       from_due_date=self.from_due_check.isChecked())

    # -- filling the form -----------------------------------------------------------------

    def set_spec(self, spec: ContractSpec, units: Sequence[UnitChoice] = ()) -> None:
        """Show a saved version (a draft to edit); ``units`` add what the register knows of
        its units (asking rent, type), else the version's own figures are shown."""
        self._building = True
        try:
            self.code_edit.setText(spec.code)
            choose(self.kind_combo, spec.kind)
            index = self.tenant_combo.findData(spec.tenant_id)
            if index < 0 and spec.tenant_id:
                index = self.tenant_combo.count() - 1
                self.tenant_combo.insertItem(index, spec.tenant_name, spec.tenant_id)
            self.tenant_combo.setCurrentIndex(index if index >= 0
                                              else self.tenant_combo.count() - 1)
            if index < 0:
                self.tenant_name_edit.setText(spec.tenant_name)
            known = {u.unit_id: u for u in units}
            self._units = []
            self.units_editor.set_values([])
            self.add_units([dataclasses.replace(known[u.unit_id], billable_area=u.billable_area)
                            if u.unit_id in known else
                            UnitChoice(u.unit_id, u.unit_code, u.billable_area)
                            for u in spec.units])
            set_day(self.signed_edit, spec.signed_on)
            self.delivered_check.setChecked(spec.delivered_on is not None)
            if spec.delivered_on is not None:
                set_day(self.delivered_edit, spec.delivered_on)
            set_day(self.rent_start_edit, spec.first_rent_day)
            set_day(self.end_edit, spec.ends_on)
            set_decimal(self.deposit_box, spec.deposit)
            self.notes_edit.setPlainText(spec.notes)
            self._set_terms(spec.terms)
        finally:
            self._building = False
        self._retranslate()
        self.refresh_now()

    def _set_terms(self, terms: RentTerms) -> None:
        set_decimal(self.rate_box, terms.rate)
        choose(self.basis_combo, terms.basis)
        choose(self.cycle_combo, terms.cycle)
        self.calendar_check.setChecked(terms.calendar_periods)
        self.thirty_check.setChecked(terms.thirty_day_months)
        self.free_editor.set_values([(f.starts_on, f.ends_on, f.kind) for f in terms.rent_free])
        choose(self.free_rule_combo, terms.rent_free_rule)
        clause = terms.escalation
        choose(self.escalation_combo, None if clause is None else clause.kind)
        if clause is not None:
            set_decimal(self.percent_box, clause.percent)
            set_decimal(self.amount_box, clause.amount)
            self.steps_editor.set_values(list(clause.steps))
            self.index_editor.set_values(sorted(clause.index.items()))
            self.cpi_month_box.setValue(clause.on_month)
            self.cpi_day_box.setValue(clause.on_day)
            self.floor_check.setChecked(clause.floor is not None)
            set_decimal(self.floor_box, clause.floor)
            self.cap_check.setChecked(clause.cap is not None)
            set_decimal(self.cap_box, clause.cap)
        self.tiers_editor.set_values([(upper or ZERO, price) for upper, price in terms.tiers])
        set_decimal(self.coefficient_box, terms.area_coefficient)
        turnover = terms.turnover
        # Sales bands have no fields here yet: a draft's are kept as they are, not dropped.
        self._turnover_tiers = turnover.tiers if turnover is not None else ()
        self.turnover_box.setChecked(turnover is not None)
        if turnover is not None:
            set_decimal(self.turnover_rate_box, turnover.rate * 100)
            for check, box, value in ((self.breakpoint_check, self.breakpoint_box,
                                       turnover.breakpoint),
                                      (self.minimum_check, self.minimum_box, turnover.minimum),
                                      (self.maximum_check, self.maximum_box, turnover.maximum)):
                check.setChecked(value is not None)
                set_decimal(box, value)
        self.charges_editor.set_values([(c.kind, c.name, c.amount, c.per_sqm)
                                        for c in terms.charges])
        choose(self.due_kind_combo, terms.due.kind)
        self.due_days_box.setValue(terms.due.days)
        fee = terms.late_fee
        self.late_box.setChecked(fee is not None)
        if fee is not None:
            set_decimal(self.late_rate_box, fee.rate_per_day * 100)
            self.late_capped_check.setChecked(fee.capped)
            self.grace_box.setValue(fee.grace_days)
            self.from_due_check.setChecked(fee.from_due_date)

    # -- defaults of new rows ---------------------------------------------------------------

    def _free_defaults(self, rows: list[tuple[Any, ...]]) -> tuple[Any, ...]:
        """A new rent-free period: the month after the last one, or the term's first."""
        if rows:
            start = rows[-1][1] + ONE_DAY
            return (start, add_months(start, 1) - ONE_DAY, RentFreeKind.OTHER)
        start = (day_of(self.delivered_edit) if self.delivered_check.isChecked()
                 else day_of(self.rent_start_edit))
        return (start, add_months(start, 3) - ONE_DAY, RentFreeKind.FIT_OUT)

    def _step_defaults(self, rows: list[tuple[Any, ...]]) -> tuple[Any, ...]:
        start = day_of(self.rent_start_edit)
        if rows:
            return (add_months(rows[-1][0], 12), rows[-1][1])
        return (add_months(start, 12), decimal_of(self.rate_box))

    def _index_defaults(self, rows: list[tuple[Any, ...]]) -> tuple[Any, ...]:
        if rows:
            return (rows[-1][0] + 1, rows[-1][1])
        return (day_of(self.rent_start_edit).year - 1, Decimal(100))

    # -- reacting -------------------------------------------------------------------------

    def _tenant_chosen(self, *_args: object) -> None:
        new = self.tenant_combo.currentData() == NEW_TENANT
        for key in ("tenant_name", "contact"):
            self.labels[key].setVisible(new)
        self._frames[self.tenant_name_edit].setVisible(new)
        self.contact_name_edit.setVisible(new)
        self.contact_phone_edit.setVisible(new)

    def _escalation_chosen(self, *_args: object) -> None:
        """Show the chosen kind's fields; the others take no room (a stack is as tall as
        its tallest page otherwise)."""
        from PySide6.QtWidgets import QSizePolicy

        current = self._escalation_page[self.escalation_combo.member()]
        for i in range(self.escalation_pages.count()):
            policy = (QSizePolicy.Policy.Preferred if i == current
                      else QSizePolicy.Policy.Ignored)
            self.escalation_pages.widget(i).setSizePolicy(policy, policy)
        self.escalation_pages.setCurrentIndex(current)
        self.escalation_pages.adjustSize()

    def changed(self, *_args: object) -> None:
        """A field changed: recompute once the typing pauses."""
        if self._building:
            return
        self._refused = []  # the form moved on from what was refused
        self._timer.start()

    def refresh_now(self) -> None:
        """Compute the schedule and check the form now (the timer's work, without waiting)."""
        self._timer.stop()
        self._show_units_total()
        spec = self.spec()
        self._lines, self._schedule_problems = rent_schedule(spec.terms)
        found = self.check(spec)
        self._problems = found + [p for p in self._refused if p not in found]
        self.term_label.setText(f"{spec.starts_on.isoformat()} – {spec.ends_on.isoformat()}"
                                f"   ({term_text(spec.starts_on, spec.ends_on)})")
        self._show_preview()
        self.previewed.emit()

    def check(self, spec: ContractSpec) -> list[FieldProblem]:
        """The checker's problems; without one, the rules that need no register facts."""
        if self.checker is not None:
            return list(self.checker(spec))
        return [p for p in validate_contract(spec, {}, []) if p.code not in REGISTER_CODES]

    def _show_preview(self) -> None:
        if not hasattr(self, "schedule"):
            return
        self.schedule.set_schedule(self._lines, self._schedule_problems)
        self._show_summary()
        self._mark(self._problems)

    def _show_summary(self) -> None:
        spec_area = sum((u.billable_area for u in self.units()), ZERO)
        rent = total(self._lines)
        parts = [self.tr("Total rent <b>%1</b>").replace("%1", amount_text(rent))]
        charges: dict[str, Decimal] = {}
        for line in self._lines:
            if line.charge != RENT:
                charges[line.charge] = charges.get(line.charge, ZERO) + line.amount
        for code, amount in charges.items():
            parts.append(self.tr("%1 %2").replace("%1", charge_text(code))
                         .replace("%2", amount_text(amount)))
        if charges:
            parts.append(self.tr("everything <b>%1</b>").replace(
                "%1", amount_text(total(self._lines, None))))
        first = " · ".join(parts)
        terms = self.terms(spec_area, self.spec().starts_on) if self._lines else None
        second = ""
        if terms is not None and spec_area:
            ner = net_effective_rent(terms, self._lines)
            second = (self.tr("Net effective rent <b>%1</b> per m² a month over %2 m²")
                      .replace("%1", price_text(ner)).replace("%2", area_figure(spec_area)))
            if self.discount_rate is not None:
                discounted = net_effective_rent(terms, self._lines, self.discount_rate)
                second += " · " + self.tr("discounted at %1%: %2").replace(
                    "%1", f"{self.discount_rate * 100:g}").replace("%2", price_text(discounted))
        lines = self.tr("%1 bill lines").replace("%1", str(len(self._lines)))
        currency = f" ({currency_name(self.currency)})" if self.currency else ""
        self.summary_label.setText(f"{first}{currency}<br>{second}"
                                   f"{' · ' if second else ''}{lines}")

    # -- problems on their fields ---------------------------------------------------------

    def _widgets_for(self, field: str) -> tuple[QWidget | None, int | None]:
        """The input a field names, and the row of a list it names (or None)."""
        name, bracket, rest = field.partition("[")
        key = rest[:-1] if bracket and rest.endswith("]") else None
        direct: dict[str, QWidget] = {
            "code": self.code_edit, "tenant": (self.tenant_name_edit
                                               if self.new_tenant() is not None
                                               else self.tenant_combo),
            "units": self.units_editor, "signed_on": self.signed_edit,
            "delivered_on": self.delivered_edit, "rent_starts_on": self.rent_start_edit,
            "starts_on": (self.delivered_edit if self.delivered_check.isChecked()
                          else self.rent_start_edit),
            "ends_on": self.end_edit, "deposit": self.deposit_box,
            "terms": self.schedule, "terms.area": self.area_label,
            "terms.rate": self.rate_box, "terms.due": self._due,
            "terms.escalation": self.escalation_combo, "terms.tiers": self.tiers_editor,
            "terms.area_coefficient": self.coefficient_box,
            "terms.turnover": self.turnover_rate_box, "terms.late_fee": self.late_rate_box,
            "terms.charges": self.charges_editor, "rent_free": self.free_editor,
            "billable_area": self.units_editor, "terms.ends_on": self.end_edit,
        }
        direct["terms.starts_on"] = direct["starts_on"]
        widget = direct.get(name)
        if key is None:
            return widget, None
        if name in ("units", "billable_area"):
            codes = [values[0] for values in self.units_editor.values()]
            return widget, codes.index(key) if key in codes else None
        return widget, int(key) if key.isdigit() else None

    def _mark(self, problems: Sequence[FieldProblem]) -> None:
        self._marked = {}
        rows: dict[QWidget, dict[int, str]] = {}
        tips: dict[QWidget, list[str]] = {}
        for problem in problems:
            text = problem_text(problem)
            self._marked.setdefault(problem.field, []).append(text)
            widget, row = self._widgets_for(problem.field)
            if widget is None:
                continue
            tips.setdefault(widget, []).append(
                text if row is None else f"{field_title(problem.field)}: {text}")
            if row is not None:
                marks = rows.setdefault(widget, {})
                marks[row] = "\n".join(filter(None, (marks.get(row), text)))
        for widget, frame in self._frames.items():
            said = tips.get(widget)
            self._paint_frame(frame, bool(said))
            tip = "\n".join(said) if said else ""
            if frame.toolTip() != tip:
                frame.setToolTip(tip)
                widget.setToolTip(tip)
        for editor in (self.units_editor, self.free_editor, self.charges_editor):
            editor.mark_rows(rows.get(editor, {}))
        self.problem_list.clear()
        for problem in problems:
            item = QListWidgetItem(f"{field_title(problem.field)}: {problem_text(problem)}")
            item.setData(Qt.ItemDataRole.UserRole, problem.field)
            self.problem_list.addItem(item)
        self.problem_list.setVisible(bool(problems))
        self.problems_title.setVisible(bool(problems))

    def _problem_chosen(self, item: QListWidgetItem) -> None:
        self.focus_field(str(item.data(Qt.ItemDataRole.UserRole)))

    def focus_field(self, field: str) -> QWidget | None:
        """Scroll to a field and put the cursor in it (a list's row selected)."""
        widget, row = self._widgets_for(field)
        if widget is None:
            return None
        target = self._frames.get(widget, widget)
        if target.isVisibleTo(self.scroll.widget()):
            self.scroll.ensureWidgetVisible(target)
        if isinstance(widget, RowsEditor) and row is not None and row < widget.row_count():
            widget.table.selectRow(row)
            cell = widget.widget(row, 1) or widget.widget(row, 0)
            cell.setFocus()
        else:
            widget.setFocus()
        return widget

    def problems(self) -> list[FieldProblem]:
        return list(self._problems)

    def marked(self) -> dict[str, list[str]]:
        """Each field with a problem and what is said about it (as shown)."""
        return {k: list(v) for k, v in self._marked.items()}

    def is_marked(self, widget: QWidget) -> bool:
        frame = self._frames.get(widget)
        return frame is not None and PROBLEM_COLOUR in frame.styleSheet()

    def schedule_lines(self) -> list[ScheduleLine]:
        return list(self._lines)

    # -- out ------------------------------------------------------------------------------

    def submit(self, sign: bool) -> bool:
        """Check once more; emit :attr:`submitted` when nothing blocks, else say what does."""
        self.refresh_now()
        if self._problems:
            self.status_label.setText(
                self.tr("Not saved: fix the %1 marked fields first.").replace(
                    "%1", str(len({p.field for p in self._problems}))))
            self.status_label.setStyleSheet(f"color: {PROBLEM_COLOUR};")
            self.focus_field(self._problems[0].field)
            return False
        self.status_label.setStyleSheet("")
        self.status_label.setText(self.tr("Signing…") if sign else self.tr("Saving the draft…"))
        self.set_busy(True)
        self.submitted.emit(self.spec(), sign)
        return True

    def set_busy(self, busy: bool) -> None:
        for button in (self.draft_button, self.sign_button):
            button.setEnabled(not busy)

    def show_refusal(self, problems: Sequence[FieldProblem], message: str = "") -> None:
        """What the service refused, back on the fields; the form stays as typed."""
        self.set_busy(False)
        self._refused = list(problems)
        self._problems = list(problems)
        self._show_preview()
        self.status_label.setStyleSheet(f"color: {PROBLEM_COLOUR};")
        self.status_label.setText(message or self.tr("Not saved."))
        if problems:
            self.focus_field(problems[0].field)
        self.previewed.emit()

    def show_failure(self, message: str) -> None:
        self.set_busy(False)
        self.status_label.setStyleSheet(f"color: {PROBLEM_COLOUR};")
        self.status_label.setText(message)
