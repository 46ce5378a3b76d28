"""One contract on the viewed day: its schedule, versions, checkpoints, documents, renewal.

The window reads everything (``app.contract_flow``) and hands it over as one
:class:`ContractView`; this shows it and emits what the person asks for (mark
a checkpoint done, attach or generate a document, amend, renew, terminate).
Every earlier version stays readable: choosing one shows its own terms and
the schedule they make alone, read-only, with what it changed from the one
before. The renewal tab says the advice and every reason for it; while
billing keeps no payments, it says so rather than calling the record good.

The three actions open small dialogs here (:class:`AmendDialog`,
:class:`RenewDialog`, :class:`TerminateDialog`) that show what would happen
— the changes and both schedules, the follow-on's terms, the settlement —
before anything is written; the flow computes what they show.
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from domain.billing.deposits import Carry
from domain.contracts import ContractStatus
from domain.leasing.clauses import Escalation, EscalationKind, RentFree, Turnover
from domain.leasing.contract import ContractSpec, LetUnit
from domain.leasing.lifecycle import ContractState
from domain.leasing.renewal import Advice, AdviceKind, AdviceReason
from domain.leasing.schedule import Problem, ScheduleLine, total
from domain.leasing.validation import FieldProblem
from domain.leasing.versions import Change
from views.amendment_units import AmendmentUnits
from views.contract_text import (
    amount_text,
    area_figure,
    basis_text,
    checkpoint_text,
    cycle_text,
    escalation_kind_text,
    field_title,
    owner_text,
    percent_figure,
    price_text,
    problem_line,
    rent_free_kind_text,
    state_text,
    word,
)
from views.deposit_panel import DepositPanel
from views.deposit_text import carry_text, held_text
from views.document_languages import offer_languages
from views.labels import currency_name, label
from views.plain_table import plain_item, plain_table
from views.sales_panel import SalesPanel, sales_months
from views.schedule_table import ScheduleTable

translate = QCoreApplication.translate  # literal contexts and texts, for lupdate

DATE_FORMAT = "yyyy-MM-dd"  # as the window's As-of date (app.i18n.DATE_FORMAT)
LATE_COLOUR = "#b3261e"
DONE_COLOUR = "#1e6b35"
SALES_TAB = 5  # shown only for a contract with a turnover clause
DEPOSIT_TAB = 6


# -- what the window hands over ---------------------------------------------------------


@dataclass(frozen=True)
class VersionView:
    """One version as signed: its spec, what it changed from the one before (nothing for
    version 1), and the schedule its own terms make alone."""

    number: int
    effective_on: date
    reason: str
    spec: ContractSpec
    changes: tuple[Change, ...]
    lines: tuple[ScheduleLine, ...]
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class DocumentView:
    id: uuid.UUID
    name: str
    kind: str  # generated | attached
    media_type: str
    version: int
    added_on: date
    size: int  # bytes


@dataclass(frozen=True)
class ContractView:
    """Everything the detail shows of one contract on ``on``.

    ``checkpoints`` are duck-typed checkpoint rows (code, due_on, owner_role, done_on,
    done_by, note, late, days_late); ``advice`` is None for a draft;
    ``payment_record`` says whether a payment record exists to judge (billing keeps it);
    ``sales`` are the months' reported sales (month, amount, source), oldest first;
    ``deposit`` is the deposit's statement (``services.deposits.DepositStatement``:
    agreed, held, what moved, every movement), None when not read.
    """

    id: uuid.UUID
    code: str
    tenant: str
    status: ContractStatus
    state: ContractState
    version: int
    spec: ContractSpec
    terminated_on: date | None
    on: date
    currency: str
    lines: tuple[ScheduleLine, ...]
    problems: tuple[Problem, ...]
    versions: tuple[VersionView, ...] = ()
    checkpoints: tuple[Any, ...] = ()
    documents: tuple[DocumentView, ...] = ()
    advice: Advice | None = None
    payment_record: bool = False
    sales: tuple[tuple[date, Decimal, str], ...] = ()
    deposit: Any = None

    @property
    def deposit_held(self) -> Decimal:
        """What the deposit holds (the agreed deposit when the statement was not read)."""
        return self.spec.deposit if self.deposit is None else self.deposit.held

    def turnover(self) -> Turnover | None:
        """The turnover clause of the working terms, or of the latest version having one."""
        if self.spec.terms.turnover is not None:
            return self.spec.terms.turnover
        return next(
            (
                v.spec.terms.turnover
                for v in reversed(self.versions)
                if v.spec.terms.turnover is not None
            ),
            None,
        )


# -- words -------------------------------------------------------------------------------


def _d(value: date | None) -> str:
    return "—" if value is None else value.isoformat()


def value_text(value: object) -> str:
    """A value an amendment changed, in words (None: absent)."""
    if value is None:
        return "—"
    if isinstance(value, LetUnit):
        return (
            translate("ContractDetail", "%1 (%2 m²)")
            .replace("%1", value.unit_code)
            .replace("%2", area_figure(value.billable_area))
        )
    if isinstance(value, Enum):
        said = word(value)
        return said if said != str(value.value) else label(value)
    if isinstance(value, bool):
        return translate("ContractDetail", "yes") if value else translate("ContractDetail", "no")
    if isinstance(value, Decimal):
        return price_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, RentFree):
        return rent_free_text(value)
    if isinstance(value, Escalation):
        return escalation_text(value)
    if isinstance(value, Turnover):
        return turnover_text(value)
    if isinstance(value, tuple | list):
        return "; ".join(value_text(v) for v in value) if value else "—"
    return str(value)


def rent_free_text(period: RentFree) -> str:
    return (
        translate("ContractDetail", "%1 to %2 (%3)")
        .replace("%1", period.starts_on.isoformat())
        .replace("%2", period.ends_on.isoformat())
        .replace("%3", rent_free_kind_text(period.kind))
    )


def escalation_text(clause: Escalation) -> str:
    kind = escalation_kind_text(clause.kind)
    if clause.kind is EscalationKind.FIXED_PERCENT:
        return f"{kind}: +{percent_figure(clause.percent)}%"
    if clause.kind is EscalationKind.FIXED_AMOUNT:
        return f"{kind}: +{price_text(clause.amount)}"
    if clause.kind is EscalationKind.STEPPED:
        steps = ", ".join(f"{day.isoformat()} {price_text(price)}" for day, price in clause.steps)
        return f"{kind}: {steps}"
    bounds = []
    if clause.floor is not None:
        bounds.append(
            translate("ContractDetail", "floor %1%").replace("%1", percent_figure(clause.floor))
        )
    if clause.cap is not None:
        bounds.append(
            translate("ContractDetail", "cap %1%").replace("%1", percent_figure(clause.cap))
        )
    return f"{kind} ({', '.join(bounds)})" if bounds else kind


def turnover_text(clause: Turnover) -> str:
    rate = percent_figure(clause.rate * 100)
    if clause.breakpoint is None:
        return translate("ContractDetail", "%1% of sales above the natural breakpoint").replace(
            "%1", rate
        )
    return (
        translate("ContractDetail", "%1% of sales above %2 a month")
        .replace("%1", rate)
        .replace("%2", amount_text(clause.breakpoint))
    )


def change_text(change: Change) -> str:
    """``Rate: 100.00 → 110.00``."""
    return (
        translate("ContractDetail", "%1: %2 → %3")
        .replace("%1", field_title(change.field))
        .replace("%2", value_text(change.before))
        .replace("%3", value_text(change.after))
    )


def terms_rows(spec: ContractSpec, currency: str = "") -> list[tuple[str, str]]:
    """A version's terms as (label, value) lines, for reading."""
    terms = spec.terms
    money = currency_name(currency) if currency else ""
    rows = [
        (translate("ContractDetail", "Tenant"), spec.tenant_name),
        (translate("ContractDetail", "Units"), ", ".join(value_text(u) for u in spec.units) or "—"),
        (
            translate("ContractDetail", "Area"),
            translate("ContractDetail", "%1 m²").replace("%1", area_figure(terms.area)),
        ),
        (
            translate("ContractDetail", "Rent"),
            f"{price_text(terms.rate)} {money} {basis_text(terms.basis)}".replace("  ", " "),
        ),
        (translate("ContractDetail", "Term"), f"{_d(terms.starts_on)} – {_d(terms.ends_on)}"),
        (translate("ContractDetail", "Signed"), _d(spec.signed_on)),
        (translate("ContractDetail", "Delivered"), _d(spec.delivered_on)),
        (translate("ContractDetail", "Rent starts"), _d(spec.rent_starts_on or terms.starts_on)),
        (translate("ContractDetail", "Billed"), cycle_text(terms.cycle)),
        (translate("ContractDetail", "Rent-free"), value_text(terms.rent_free)),
        (translate("ContractDetail", "Escalation"), value_text(terms.escalation)),
    ]
    if terms.turnover is not None:
        rows.append((translate("ContractDetail", "Turnover rent"), turnover_text(terms.turnover)))
    if terms.area_coefficient != 1:
        rows.append(
            (
                translate("ContractDetail", "Area coefficient"),
                percent_figure(terms.area_coefficient),
            )
        )
    if terms.charges:
        rows.append(
            (
                translate("ContractDetail", "Charges"),
                ", ".join(
                    f"{word(c.kind) if not c.name else c.name} {price_text(c.amount)}"
                    for c in terms.charges
                ),
            )
        )
    rows.append(
        (translate("ContractDetail", "Deposit"), f"{amount_text(spec.deposit)} {money}".strip())
    )
    if spec.notes:
        rows.append((translate("ContractDetail", "Notes"), spec.notes))
    return rows


def rows_html(rows: Sequence[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td style='padding-right:12px;color:#5f6368'>{html.escape(k)}</td>"
        f"<td>{html.escape(v)}</td></tr>"
        for k, v in rows
    )
    return f"<table>{cells}</table>"


def advice_title(advice: Advice | None, currency: str = "") -> str:
    """The advice in one line."""
    money = f" {currency_name(currency)}" if currency else ""
    rate = (
        ""
        if advice is None or advice.suggested_rate is None
        else price_text(advice.suggested_rate) + money
    )
    if advice is None:
        return translate("ContractDetail", "No renewal advice for a draft")
    if advice.kind is AdviceKind.RENEW_INCREASE:
        return translate("ContractDetail", "Renew with an increase, to %1 per m² a month").replace(
            "%1", rate
        )
    if advice.kind is AdviceKind.RENEW_FLAT:
        return translate("ContractDetail", "Renew at the current rent, %1 per m² a month").replace(
            "%1", rate
        )
    if advice.kind is AdviceKind.LET_GO:
        return translate("ContractDetail", "Let the tenant go")
    ended = any(r.code == "ended" for r in advice.reasons)
    return (
        translate("ContractDetail", "The lease has ended: no advice")
        if ended
        else translate("ContractDetail", "No advice yet")
    )


def _percent(text: str) -> str:
    try:
        return percent_figure(Decimal(text))
    except (InvalidOperation, ValueError):
        return text


def advice_reason_text(reason: AdviceReason, payment_record: bool = True) -> str:
    """One reason for the advice, with its figures."""
    p = reason.params
    code = reason.code
    if code == "renewal-frozen":  # collections froze it (domain.leasing.renewal)
        from views.collections_text import renewal_frozen_text

        return renewal_frozen_text(p)
    if code == "payments-good" and not payment_record:
        return translate(
            "ContractDetail",
            "No payment record yet: no bill has been issued to this tenant, so no late "
            "payment or arrears is counted.",
        )
    texts = {
        "too-early": translate(
            "ContractDetail",
            "Advice opens on %opens_on, 90 days before the end on %ends_on (%days_left days left).",
        ),
        "ended": translate("ContractDetail", "The lease ended on %ends_on."),
        "arrears": translate("ContractDetail", "Arrears of %amount are still open."),
        "late-payments": translate(
            "ContractDetail", "%count late payments; the latest was %max_days days late."
        ),
        "payments-good": translate(
            "ContractDetail",
            "%count late payments, at most %max_days days late: the tenant pays well.",
        ),
        "no-comparables": translate(
            "ContractDetail", "No comparable deal signed since %since: the market cannot be judged."
        ),
        "below-market": translate(
            "ContractDetail",
            "The rent %current is %gap% below the market %market (the "
            "median of %deals deals in the last twelve months).",
        ),
        "at-market": translate(
            "ContractDetail",
            "The rent %current is at the market %market (%gap% apart; %deals "
            "deals in the last twelve months).",
        ),
        "demand": translate("ContractDetail", "%leads open leads want space like this."),
        "no-demand": translate("ContractDetail", "No open lead wants space like this."),
        "capped": translate(
            "ContractDetail", "The increase is held to %cap% (the market is %market)."
        ),
    }
    template = texts.get(code)
    if template is None:
        figures = ", ".join(f"{k}={v}" for k, v in p.items())
        return f"{code} ({figures})" if figures else code
    figures = dict(p)
    for key in ("current", "market"):
        if key in figures:
            figures[key] = price_text(figures[key])
    if "amount" in figures:
        figures["amount"] = amount_text(figures["amount"])
    for key in ("gap", "cap"):
        if key in figures:
            figures[key] = _percent(figures[key])
    for key in sorted(figures, key=len, reverse=True):  # %days_left before %days
        template = template.replace(f"%{key}", figures[key])
    return template


def checkpoint_status(row: Any) -> str:
    if row.done_on is not None:
        said = translate("ContractDetail", "Done %1").replace("%1", row.done_on.isoformat())
        return said + (
            translate("ContractDetail", " by %1").replace("%1", row.done_by) if row.done_by else ""
        )
    if row.late:
        return (
            translate("ContractDetail", "1 day late")
            if row.days_late == 1
            else translate("ContractDetail", "%1 days late").replace("%1", str(row.days_late))
        )
    return translate("ContractDetail", "Open")


def size_text(size: int) -> str:
    if size < 1024:
        return translate("ContractDetail", "%1 B").replace("%1", str(size))
    if size < 1024 * 1024:
        return translate("ContractDetail", "%1 KB").replace("%1", f"{size / 1024:.0f}")
    return translate("ContractDetail", "%1 MB").replace("%1", f"{size / 1024 / 1024:.1f}")


def _date_edit(parent: QWidget, day: date) -> QDateEdit:
    box = QDateEdit(parent)
    box.setCalendarPopup(True)
    box.setDisplayFormat(DATE_FORMAT)
    box.setDate(QDate(day.year, day.month, day.day))
    return box


# -- the detail --------------------------------------------------------------------------


class ContractDetail(QDialog):
    """The contract's window: header, actions, and the five tabs."""

    markDoneRequested = Signal(str)  # a checkpoint's code
    attachRequested = Signal()
    generateRequested = Signal(str)  # the document's language (zh_CN, en, zh_CN+en)
    amendRequested = Signal()
    renewRequested = Signal()
    terminateRequested = Signal()
    settleRequested = Signal()  # its arrears, late fees and deposit, once it has ended
    salesEntered = Signal(object, object)  # month (date, its first day), amount (Decimal)
    salesImportRequested = Signal()
    reverseDepositRequested = Signal(object)  # a deposit movement's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.contract: ContractView | None = None
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.subtitle = QLabel(self)
        self.subtitle.setWordWrap(True)
        self.status = QLabel(self)  # what is being done, or what went wrong
        self.status.setWordWrap(True)
        self.amend_button = QPushButton(self)
        self.renew_button = QPushButton(self)
        self.terminate_button = QPushButton(self)
        self.settle_button = QPushButton(self)
        self.settle_button.setObjectName("settle-button")
        self.settle_button.clicked.connect(self.settleRequested)
        self.amend_button.clicked.connect(self.amendRequested)
        self.renew_button.clicked.connect(self.renewRequested)
        self.terminate_button.clicked.connect(self.terminateRequested)

        self.tabs = QTabWidget(self)
        self.schedule = ScheduleTable(self)
        self.tabs.addTab(self.schedule, "")
        self.tabs.addTab(self._versions_page(), "")
        self.tabs.addTab(self._checkpoints_page(), "")
        self.tabs.addTab(self._documents_page(), "")
        self.tabs.addTab(self._renewal_page(), "")
        self.sales_panel = SalesPanel(self)
        self.sales_panel.sales_entered.connect(self.salesEntered)
        self.sales_panel.import_requested.connect(self.salesImportRequested)
        self.tabs.addTab(self.sales_panel, "")
        self.tabs.setTabVisible(SALES_TAB, False)
        self.deposit_panel = DepositPanel(self)
        self.deposit_panel.reverseRequested.connect(self.reverseDepositRequested)
        self.tabs.addTab(self.deposit_panel, "")

        actions = QHBoxLayout()
        actions.addWidget(self.amend_button)
        actions.addWidget(self.renew_button)
        actions.addWidget(self.terminate_button)
        actions.addWidget(self.settle_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        self.resize(1100, 720)
        self._retranslate()

    # -- pages ---------------------------------------------------------------------------

    def _versions_page(self) -> QWidget:
        page = QWidget(self)
        self.version_list = QListWidget(page)
        self.version_list.currentRowChanged.connect(self._show_version)
        self.version_terms = QLabel(page)
        self.version_terms.setTextFormat(Qt.TextFormat.RichText)
        self.version_terms.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.version_terms.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.version_changes = QLabel(page)
        self.version_changes.setWordWrap(True)
        self.version_changes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.version_schedule = ScheduleTable(page)
        self.version_caption = QLabel(page)
        self.version_caption.setWordWrap(True)
        right = QWidget(page)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.version_terms, 1)
        top.addWidget(self.version_changes, 1)
        column.addLayout(top)
        column.addWidget(self.version_caption)
        column.addWidget(self.version_schedule, 1)
        splitter = QSplitter(page)
        splitter.addWidget(self.version_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 860])
        layout = QVBoxLayout(page)
        layout.addWidget(splitter)
        return page

    def _checkpoints_page(self) -> QWidget:
        page = QWidget(self)
        self.checkpoint_table = plain_table(page, 5)
        self.checkpoint_table.itemSelectionChanged.connect(self._update_buttons)
        self.mark_button = QPushButton(page)
        self.mark_button.clicked.connect(self._mark_clicked)
        row = QHBoxLayout()
        row.addWidget(self.mark_button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.checkpoint_table)
        layout.addLayout(row)
        return page

    def _documents_page(self) -> QWidget:
        page = QWidget(self)
        self.document_table = plain_table(page, 5)
        header = self.document_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.attach_button = QPushButton(page)
        self.attach_button.clicked.connect(self.attachRequested)
        self.language = QComboBox(page)
        offer_languages(self.language, "zh_CN")
        self.generate_button = QPushButton(page)
        self.generate_button.clicked.connect(
            lambda: self.generateRequested.emit(str(self.language.currentData()))
        )
        row = QHBoxLayout()
        row.addWidget(self.attach_button)
        row.addStretch(1)
        row.addWidget(self.language)
        row.addWidget(self.generate_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.document_table)
        layout.addLayout(row)
        return page

    def _renewal_page(self) -> QWidget:
        page = QWidget(self)
        self.advice_title = QLabel(page)
        font = self.advice_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.advice_title.setFont(font)
        self.advice_reasons = QLabel(page)
        self.advice_reasons.setWordWrap(True)
        self.advice_reasons.setTextFormat(Qt.TextFormat.RichText)
        self.advice_reasons.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(page)
        layout.addWidget(self.advice_title)
        layout.addWidget(self.advice_reasons)
        layout.addStretch(1)
        return page

    # -- in ------------------------------------------------------------------------------

    def set_contract(self, contract: ContractView) -> None:
        """Show ``contract`` (read again after a change or a new day; the tab stays)."""
        chosen = self.version_list.currentRow()
        self.contract = contract
        self.schedule.set_currency(contract.currency)
        self.schedule.set_schedule(contract.lines, contract.problems)
        self.version_schedule.set_currency(contract.currency)
        self.version_list.blockSignals(True)
        self.version_list.clear()
        for version in contract.versions:
            QListWidgetItem(self._version_label(version), self.version_list)
        self.version_list.blockSignals(False)
        if contract.versions:
            keep = chosen if 0 <= chosen < len(contract.versions) else len(contract.versions) - 1
            self.version_list.setCurrentRow(keep)
            self._show_version(keep)
        else:
            self._show_version(-1)
        self._fill_checkpoints()
        self._fill_documents()
        self._fill_advice()
        self._fill_sales()
        self.deposit_panel.set_statement(contract.deposit, contract.currency,
                                         contract.status is not ContractStatus.DRAFT)
        self._fill_header()
        self._update_buttons()

    def set_status(self, text: str, error: bool = False) -> None:
        """A line under the actions: what is running, what was done, what went wrong."""
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {LATE_COLOUR}" if error else "")

    # -- filling -------------------------------------------------------------------------

    def _fill_header(self) -> None:
        c = self.contract
        if c is None:
            return
        self.setWindowTitle(self.tr("Contract %1").replace("%1", c.code))
        self.title.setText(
            f"<b style='font-size:15pt'>{html.escape(c.code)}</b>&nbsp;&nbsp;"
            f"<span style='font-size:13pt'>{html.escape(c.tenant)}</span>"
        )
        state = (
            self.tr("%1 on %2").replace("%1", state_text(c.state)).replace("%2", c.on.isoformat())
        )
        parts = [state, self.tr("version %1").replace("%1", str(c.version))]
        if c.terminated_on is not None:
            parts.append(self.tr("terminated on %1").replace("%1", c.terminated_on.isoformat()))
        parts.append(f"{_d(c.spec.starts_on)} – {_d(c.spec.ends_on)}")
        parts.append(", ".join(u.unit_code for u in c.spec.units))
        parts.append(self.tr("%1 m²").replace("%1", area_figure(c.spec.area)))
        self.subtitle.setText(" · ".join(parts))

    @staticmethod
    def _version_label(version: VersionView) -> str:
        said = (
            translate("ContractDetail", "v%1 · from %2")
            .replace("%1", str(version.number))
            .replace("%2", version.effective_on.isoformat())
        )
        reason = {
            "sign": translate("ContractDetail", "signed"),
            "amend": translate("ContractDetail", "amended"),
        }.get(version.reason, version.reason)
        return f"{said} · {reason}"

    def _show_version(self, row: int) -> None:
        c = self.contract
        if c is None or not 0 <= row < len(c.versions):
            self.version_terms.setText("")
            self.version_changes.setText("")
            self.version_caption.setText("")
            self.version_schedule.clear_schedule()
            return
        version = c.versions[row]
        self.version_terms.setText(rows_html(terms_rows(version.spec, c.currency)))
        if version.changes:
            lines = [
                self.tr("Changed from version %1, from %2:")
                .replace("%1", str(version.number - 1))
                .replace("%2", version.effective_on.isoformat())
            ]
            lines += [f"• {change_text(change)}" for change in version.changes]
        else:
            lines = (
                [self.tr("As signed. It stays as it was whatever later versions change.")]
                if version.number == 1
                else []
            )
        self.version_changes.setText("\n".join(lines))
        self.version_caption.setText(
            self.tr("Version 1's schedule, as signed:")
            if version.number == 1
            else self.tr(
                "Version %1's terms alone, over the whole term; the contract bills them "
                "from %2 (see Schedule):"
            )
            .replace("%1", str(version.number))
            .replace("%2", version.effective_on.isoformat())
        )
        self.version_schedule.set_schedule(version.lines, version.problems)

    def _fill_checkpoints(self) -> None:
        c = self.contract
        table = self.checkpoint_table
        table.setRowCount(0)
        if c is None:
            return
        table.setRowCount(len(c.checkpoints))
        for i, row in enumerate(c.checkpoints):
            colour = DONE_COLOUR if row.done_on is not None else LATE_COLOUR if row.late else None
            cells = (
                checkpoint_text(row.code),
                row.due_on.isoformat(),
                owner_text(row.owner_role),
                checkpoint_status(row),
                row.note,
            )
            for column, text in enumerate(cells):
                table.setItem(i, column, plain_item(text, colour if column == 3 else None))
            table.item(i, 0).setData(Qt.ItemDataRole.UserRole, row.code)

    def _fill_documents(self) -> None:
        c = self.contract
        table = self.document_table
        table.setRowCount(0)
        if c is None:
            return
        table.setRowCount(len(c.documents))
        kinds = {"generated": self.tr("Generated"), "attached": self.tr("Attached")}
        for i, doc in enumerate(c.documents):
            cells = (
                doc.name,
                kinds.get(doc.kind, doc.kind),
                self.tr("v%1").replace("%1", str(doc.version)),
                doc.added_on.isoformat(),
                size_text(doc.size),
            )
            for column, text in enumerate(cells):
                table.setItem(i, column, plain_item(text, right=column == 4))
            table.item(i, 0).setData(Qt.ItemDataRole.UserRole, str(doc.id))

    def _fill_advice(self) -> None:
        c = self.contract
        if c is None:
            return
        self.advice_title.setText(advice_title(c.advice, c.currency))
        reasons = (
            []
            if c.advice is None
            else [advice_reason_text(r, c.payment_record) for r in c.advice.reasons]
        )
        if (
            c.advice is not None
            and not c.payment_record
            and not any(r.code == "payments-good" for r in c.advice.reasons)
        ):
            reasons.append(advice_reason_text(AdviceReason("payments-good", {}), False))
        self.advice_reasons.setText(
            "<ul>" + "".join(f"<li>{html.escape(r)}</li>" for r in reasons) + "</ul>"
            if reasons
            else ""
        )

    def _fill_sales(self) -> None:
        """The Sales tab, for a contract with a turnover clause only."""
        c = self.contract
        clause = None if c is None else c.turnover()
        self.tabs.setTabVisible(SALES_TAB, clause is not None)
        if c is None or clause is None:
            return
        last = min(c.spec.ends_on, c.terminated_on) if c.terminated_on else c.spec.ends_on
        self.sales_panel.set_months(
            sales_months(c.spec.starts_on, last, c.on, c.lines, c.sales),
            c.currency,
            clause,
            c.spec.starts_on,
        )

    # -- out -----------------------------------------------------------------------------

    def selected_checkpoint(self) -> str | None:
        rows = self.checkpoint_table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.checkpoint_table.item(rows[0].row(), 0)
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def select_checkpoint(self, code: str) -> bool:
        for i in range(self.checkpoint_table.rowCount()):
            item = self.checkpoint_table.item(i, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == code:
                self.checkpoint_table.selectRow(i)
                return True
        return False

    def _mark_clicked(self) -> None:
        code = self.selected_checkpoint()
        if code is not None:
            self.markDoneRequested.emit(code)

    def _update_buttons(self) -> None:
        c = self.contract
        signed = c is not None and c.status is ContractStatus.SIGNED
        for button in (self.amend_button, self.renew_button, self.terminate_button):
            button.setEnabled(signed)
        ended = c is not None and (c.status is ContractStatus.TERMINATED or (
            signed and c.spec.ends_on < c.on))
        self.settle_button.setEnabled(ended)
        self.settle_button.setToolTip("" if ended else self.tr(
            "A contract is settled once it is terminated or has ended."))
        code = self.selected_checkpoint()
        row = (
            None
            if c is None or code is None
            else next((r for r in c.checkpoints if r.code == code), None)
        )
        self.mark_button.setEnabled(row is not None and row.done_on is None)
        self.attach_button.setEnabled(c is not None)
        self.generate_button.setEnabled(c is not None)

    # -- language ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.amend_button.setText(self.tr("Amend…"))
        self.renew_button.setText(self.tr("Renew…"))
        self.terminate_button.setText(self.tr("Terminate…"))
        self.settle_button.setText(self.tr("Settle…"))
        for i, title in enumerate(
            (
                self.tr("Schedule"),
                self.tr("Versions"),
                self.tr("Checkpoints"),
                self.tr("Documents"),
                self.tr("Renewal"),
                self.tr("Sales"),
                self.tr("Deposit"),
            )
        ):
            self.tabs.setTabText(i, title)
        self.checkpoint_table.setHorizontalHeaderLabels(
            [
                self.tr("Checkpoint"),
                self.tr("Due"),
                self.tr("Owner"),
                self.tr("Status"),
                self.tr("Note"),
            ]
        )
        self.document_table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Kind"),
                self.tr("Version"),
                self.tr("Added"),
                self.tr("Size"),
            ]
        )
        self.mark_button.setText(self.tr("Mark done"))
        self.attach_button.setText(self.tr("Attach file…"))
        self.generate_button.setText(self.tr("Generate PDF…"))
        if self.contract is not None:
            self.set_contract(self.contract)


# -- amendment ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AmendmentInput:
    """What the amendment dialog asks: from when, the rent's new rate, end and deposit, and
    the units kept (at their areas) and added."""

    effective_on: date
    rate: Decimal
    ends_on: date
    deposit: Decimal
    units: tuple[LetUnit, ...]


def _decimal(text: str) -> Decimal | None:
    try:
        value = Decimal(text.strip().replace(",", ""))
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() else None


class AmendDialog(QDialog):
    """An amendment rehearsed before it is written: the changes, the schedule before and
    after; Apply writes it as the next version."""

    rehearseRequested = Signal(object)  # AmendmentInput
    applyRequested = Signal(object)  # AmendmentInput
    unitRequested = Signal(str)  # a unit's code to add: the flow answers with add_unit

    def __init__(self, contract: ContractView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.contract = contract
        spec = contract.spec
        self.effective = _date_edit(self, max(contract.on, spec.starts_on))
        self.rate = QLineEdit(str(spec.terms.rate), self)
        self.ends = _date_edit(self, spec.ends_on)
        self.deposit = QLineEdit(str(spec.deposit), self)
        self.units = AmendmentUnits(spec.units, self)
        self.units.changed.connect(self.rehearse)
        self.units.addRequested.connect(self.unitRequested)
        self.labels = [QLabel(self) for _ in range(5)]
        self.form = QFormLayout()
        for label_, field in zip(
            self.labels,
            (self.effective, self.rate, self.ends, self.deposit, self.units),
            strict=True,
        ):
            self.form.addRow(label_, field)
        self.changes = QLabel(self)
        self.changes.setWordWrap(True)
        self.changes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.before = ScheduleTable(self)
        self.after = ScheduleTable(self)
        for table in (self.before, self.after):
            table.set_currency(contract.currency)
        self.before_label = QLabel(self)
        self.after_label = QLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self._apply)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.effective, self.ends):
            edit.dateChanged.connect(self.rehearse)
        for line in (self.rate, self.deposit):
            line.editingFinished.connect(self.rehearse)
        self.rehearse_button = QPushButton(self)
        self.rehearse_button.clicked.connect(self.rehearse)
        schedules = QSplitter(self)
        for label_, table in ((self.before_label, self.before), (self.after_label, self.after)):
            box = QWidget(schedules)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(label_)
            column.addWidget(table)
            schedules.addWidget(box)
        top = QHBoxLayout()
        top.addLayout(self.form)
        top.addWidget(self.changes, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.rehearse_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(schedules, 1)
        layout.addWidget(self.buttons)
        self.resize(1200, 700)
        self._planned: AmendmentInput | None = None
        self._retranslate()

    def values(self) -> AmendmentInput | None:
        """What is entered, or None while a figure does not read as a number."""
        rate, deposit = _decimal(self.rate.text()), _decimal(self.deposit.text())
        units = self.units.units()
        if rate is None or deposit is None or units is None:
            return None
        return AmendmentInput(
            self.effective.date().toPython(), rate, self.ends.date().toPython(), deposit, units
        )

    def add_unit(self, unit: LetUnit) -> None:
        self.units.add_unit(unit)

    def rehearse(self) -> None:
        values = self.values()
        self.apply_button.setEnabled(False)
        if values is None:
            self.changes.setText(
                self.tr("Enter the rate, the deposit and each unit's area as numbers.")
            )
            return
        self.changes.setText(self.tr("Working out the amendment…"))
        self.rehearseRequested.emit(values)

    def set_plan(
        self,
        values: AmendmentInput,
        changes: Sequence[Change],
        before: Sequence[ScheduleLine],
        after: Sequence[ScheduleLine],
        problems: Sequence[FieldProblem],
    ) -> None:
        """Show a rehearsal; Apply is offered when it changes something and nothing blocks."""
        if values != self.values():
            return  # the fields changed since it was asked for
        said = [
            self.tr("Version %1 from %2 changes:")
            .replace("%1", str(self.contract.version + 1))
            .replace("%2", values.effective_on.isoformat())
        ]
        said += [f"• {change_text(c)}" for c in changes] or [self.tr("• nothing")]
        said += [f"⚠ {problem_line(p)}" for p in problems]
        said.append(
            self.tr("Total %1 → %2")
            .replace("%1", amount_text(total(before)))
            .replace("%2", amount_text(total(after)))
        )
        self.changes.setText("\n".join(said))
        self.before.set_schedule(before)
        self.after.set_schedule(after)
        self._planned = values
        self.apply_button.setEnabled(bool(changes) and not problems)

    def set_failed(self, text: str) -> None:
        self.changes.setText(text)
        self.apply_button.setEnabled(False)

    def _apply(self) -> None:
        values = self.values()
        if values is not None and values == self._planned:
            self.apply_button.setEnabled(False)
            self.applyRequested.emit(values)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Amend %1").replace("%1", self.contract.code))
        for label_, text in zip(
            self.labels,
            (
                self.tr("From"),
                self.tr("Rent per m² a month"),
                self.tr("Ends on"),
                self.tr("Deposit"),
                self.tr("Units"),
            ),
            strict=True,
        ):
            label_.setText(text)
        self.rehearse_button.setText(self.tr("Show the changes"))
        self.before_label.setText(self.tr("Schedule now"))
        self.after_label.setText(self.tr("Schedule with the amendment"))


# -- renewal -----------------------------------------------------------------------------


@dataclass(frozen=True)
class RenewalInput:
    code: str
    signed_on: date
    ends_on: date
    rate: Decimal


class RenewDialog(QDialog):
    """The follow-on contract's code, signing day, end and rate (the advice's, if any), and
    what renewing does with the deposit (``carry``: ``domain.billing.deposits.plan_carry``
    of what this contract holds, as the service will carry it)."""

    renewRequested = Signal(object)  # RenewalInput

    def __init__(
        self,
        contract: ContractView,
        code: str,
        rate: Decimal,
        ends_on: date,
        parent: QWidget | None = None,
        carry: Carry | None = None,
    ) -> None:
        super().__init__(parent)
        self.contract = contract
        self.carry = carry
        self.code = QLineEdit(code, self)
        self.signed = _date_edit(self, min(contract.on, contract.spec.ends_on))
        self.ends = _date_edit(self, ends_on)
        self.rate = QLineEdit(str(rate), self)
        self.advice = QLabel(advice_title(contract.advice, contract.currency), self)
        self.advice.setWordWrap(True)
        self.deposit = QLabel(self)
        self.deposit.setWordWrap(True)
        self.code.textChanged.connect(self._say_deposit)
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(f"color: {LATE_COLOUR}")
        self.labels = [QLabel(self) for _ in range(4)]
        self.form = QFormLayout()
        for label_, widget in zip(
            self.labels, (self.code, self.signed, self.ends, self.rate), strict=True
        ):
            self.form.addRow(label_, widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.advice)
        layout.addLayout(self.form)
        layout.addWidget(self.deposit)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self._retranslate()

    def _say_deposit(self) -> None:
        """The deposit's line under the new code as typed (hidden when there is none)."""
        said = "" if self.carry is None else carry_text(
            self.carry, self.contract.code, self.code.text().strip(), self.contract.currency)
        self.deposit.setText(said)
        self.deposit.setVisible(bool(said))

    def values(self) -> RenewalInput | None:
        rate = _decimal(self.rate.text())
        if rate is None or not self.code.text().strip():
            return None
        return RenewalInput(
            self.code.text().strip(),
            self.signed.date().toPython(),
            self.ends.date().toPython(),
            rate,
        )

    def _ok(self) -> None:
        values = self.values()
        if values is None:
            self.problems.setText(self.tr("Enter a code and the rate as a number."))
            return
        self.buttons.setEnabled(False)
        self.renewRequested.emit(values)

    def set_refused(self, texts: Sequence[str]) -> None:
        self.problems.setText("\n".join(texts))
        self.buttons.setEnabled(True)

    def _retranslate(self) -> None:
        start = self.contract.spec.ends_on + timedelta(days=1)
        self.setWindowTitle(self.tr("Renew %1").replace("%1", self.contract.code))
        labels = (
            self.tr("New contract code"),
            self.tr("Signed on"),
            self.tr("Ends on"),
            self.tr("Rent per m² a month"),
        )
        for label_, text in zip(self.labels, labels, strict=True):
            label_.setText(text)
        self.code.setToolTip(
            self.tr("The follow-on contract starts on %1, the day after this one ends.").replace(
                "%1", start.isoformat()
            )
        )
        self._say_deposit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


# -- termination -------------------------------------------------------------------------


class TerminateDialog(QDialog):
    """Pick the last day; see the settlement (the deposit held, lines no longer due);
    confirm."""

    previewRequested = Signal(object)  # date
    terminateRequested = Signal(object)  # date
    settleRequested = Signal()  # once terminated: its arrears, late fees and deposit

    def __init__(self, contract: ContractView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.contract = contract
        spec = contract.spec
        day = min(max(contract.on, spec.signed_on), spec.ends_on)
        self.day = _date_edit(self, day)
        self.day.setDateRange(
            QDate(spec.signed_on.year, spec.signed_on.month, spec.signed_on.day),
            QDate(spec.ends_on.year, spec.ends_on.month, spec.ends_on.day),
        )
        self.day.dateChanged.connect(lambda _d: self.previewRequested.emit(self.chosen()))
        self.day_label = QLabel(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.lines = ScheduleTable(self)
        self.lines.set_currency(contract.currency)
        self.lines_label = QLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.settle_button = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.ActionRole)
        self.settle_button.setObjectName("settle-button")
        self.settle_button.hide()  # offered once the termination is written
        self.settle_button.clicked.connect(self.settleRequested)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        self.written = False
        row = QHBoxLayout()
        row.addWidget(self.day_label)
        row.addWidget(self.day)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.lines_label)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 560)
        self._retranslate()

    def chosen(self) -> date:
        return self.day.date().toPython()

    def set_preview(
        self,
        on: date,
        vacant_from: date,
        deposit: Decimal,
        lines: Sequence[ScheduleLine],
        problems: Sequence[FieldProblem],
    ) -> None:
        """What terminating on ``on`` leaves to settle, or why it is refused."""
        if on != self.chosen():
            return
        money = currency_name(self.contract.currency) if self.contract.currency else ""
        said = [
            self.tr("The units are vacant from %1.").replace("%1", vacant_from.isoformat()),
            self.tr("Deposit to settle: %1").replace("%1", self.deposit_text(deposit)),
            self.tr("%1 schedule lines are no longer due, %2 %3 in all.")
            .replace("%1", str(len(lines)))
            .replace("%2", amount_text(total(lines, None)))
            .replace("%3", money)
            .strip(),
        ]
        said += [f"⚠ {problem_line(p)}" for p in problems]
        self.summary.setText("\n".join(said))
        self.summary.setStyleSheet(f"color: {LATE_COLOUR}" if problems else "")
        self.lines.set_schedule(lines)
        self.ok_button.setEnabled(not problems and not self.written)

    def deposit_text(self, held: Decimal) -> str:
        """What the deposit holds; where that is not the agreed deposit, both, and where the
        rest went (carried to the renewal, applied, refunded)."""
        c = self.contract
        statement = c.deposit
        agreed = c.spec.deposit if statement is None else statement.agreed
        moved = () if statement is None else statement.moved
        return held_text(held, agreed, moved, c.currency)

    def set_done(
        self, on: date, vacant_from: date, deposit: Decimal, lines: Sequence[ScheduleLine]
    ) -> None:
        """The termination is written: what billing is to settle, as the service said."""
        self.written = True
        self.set_preview(on, vacant_from, deposit, lines, ())
        self.summary.setText(
            self.tr("Terminated on %1.").replace("%1", on.isoformat()) + "\n" + self.summary.text()
        )
        self.day.setEnabled(False)
        self.ok_button.setEnabled(False)
        self.settle_button.show()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

    def set_failed(self, text: str) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet(f"color: {LATE_COLOUR}")
        self.ok_button.setEnabled(not self.written)

    def _ok(self) -> None:
        self.ok_button.setEnabled(False)
        self.terminateRequested.emit(self.chosen())

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Terminate %1").replace("%1", self.contract.code))
        self.day_label.setText(self.tr("Last day"))
        self.lines_label.setText(self.tr("No longer due"))
        self.ok_button.setText(self.tr("Terminate"))
        self.settle_button.setText(self.tr("Settle…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
