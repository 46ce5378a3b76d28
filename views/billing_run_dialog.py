"""A billing run in the window: choose the period, rehearse it, read every bill, post it.

A finance clerk's month end: the period (a month, or a range of days) and the
bills' issue date; a rehearsal that computes every bill the run would post
and writes nothing; the bills in a table (adjustments of periods billed
before say what was billed and what is due now; a provisional bill is marked
and says that a correction follows; a utility bill billed as read over a
spike is marked apart and asks for the reading to be checked, since nothing
follows it), what the run skips and why (a skip naming many meters names the
first few, every one in its tooltip), and what each bill is made of when it
is chosen; then Post, which writes them all in
one transaction. Post is offered only for the period and date just
rehearsed, so what is posted is what was read. The work runs in the app's
worker pool behind this dialog's own progress bar and Cancel; a cancelled
post writes nothing.

The dialog shows and emits: it is handed the run as the billing service
makes it (``RunPlan``-like: ``bills`` of ``PlannedBill``, ``skipped`` of
``Skip``, ``existing``, ``currency``; duck-typed, never imported) with the
contracts' codes and tenants' names, and says skips in
``views.billing_text``'s words, so the dialog and ``leasemap bill`` agree.
"""

from __future__ import annotations

import html
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from domain.leasing.schedule import Problem, Reason
from views.billing_text import (
    bill_charge_text,
    is_check_note,
    is_info_note,
    is_provisional_note,
    line_reason_text,
    note_words,
    skip_meters,
    skip_text,
)
from views.cancellable_work import CancellableWorkDialog
from views.contract_text import amount_text, reason_text, schedule_problem_text
from views.labels import date_text
from views.late_fee_text import LATE_FEE, late_fee_text
from views.map_text import money_text
from views.row_table_model import Column, RowFilterProxy, RowTableModel
from views.row_table_view import list_view, row_of, selected_row, visible_rows

translate = QCoreApplication.translate
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
PROVISIONAL_COLOUR = "#8a5a00"
CHECK_COLOUR = "#1f5fa8"
PROVISIONAL, CHECK = "provisional", "check"  # the note column's marks
CAUGHT_UP, INFO = "caught-up", "info"  # a month before the run's billed now; a note to read
CREDIT_COLOUR = "#b3261e"
FAILED_COLOUR = "#b3261e"
ADJUSTMENT = "adjustment"
MONTH = "month"
RANGE = "range"
DATE_FORMAT = "yyyy-MM-dd"


@dataclass(frozen=True)
class BillRow:
    """One bill of a run as the table shows it (made from a ``PlannedBill``)."""

    number: str
    contract: str  # the contract's code
    tenant: str
    charge: str  # the charge's code (said through bill_charge_text)
    period_start: date
    period_end: date
    due_on: date
    amount: Decimal
    kind: str  # charge | adjustment
    lines: tuple[Any, ...]  # PlannedLine-like: starts_on, ends_on, amount, explanation
    notes: tuple[Problem, ...] = ()  # provisional (a correction follows), or to check
    billed: Decimal | None = None  # an adjustment: what was billed before …
    now: Decimal | None = None  # … and what is due now

    @property
    def provisional(self) -> bool:
        """Rent billed at a figure a later run corrects (a CPI year, a sales month)."""
        return any(is_provisional_note(n) for n in self.notes)

    @property
    def checks(self) -> tuple[Problem, ...]:
        """Notes of a bill billed as read for a person to check (a utility's spike)."""
        return tuple(n for n in self.notes if is_check_note(n))

    @property
    def infos(self) -> tuple[Problem, ...]:
        """Notes that only inform (a utility month caught up, a unit left out of a 公摊)."""
        return tuple(n for n in self.notes if is_info_note(n))

    @property
    def mark(self) -> str:
        """The note column's mark: provisional first (it changes the amount later)."""
        if self.provisional:
            return PROVISIONAL
        if self.checks:
            return CHECK
        if any(n.code == "utility-caught-up" for n in self.infos):
            return CAUGHT_UP
        return INFO if self.infos else ""


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value)) if value not in (None, "") else None
    except InvalidOperation:
        return None


def bill_rows(bills: Sequence[Any], names: Mapping[str, tuple[str, str]]) -> list[BillRow]:
    """The plan's bills as rows; ``names`` maps a contract id to its code and tenant's name
    (a contract not in it is named by the code its bill numbers start with)."""
    rows = []
    for bill in bills:
        code, tenant = names.get(str(bill.contract_id), (bill.number.split("/", 1)[0], ""))
        explanation = bill.lines[0].explanation if bill.lines else {}
        adjustment = bill.kind == ADJUSTMENT
        rows.append(BillRow(
            bill.number, code, tenant, bill.charge, bill.period_start, bill.period_end,
            bill.due_on, bill.amount, bill.kind, tuple(bill.lines), tuple(bill.notes),
            _decimal(explanation.get("billed")) if adjustment else None,
            _decimal(explanation.get("now")) if adjustment else None))
    return rows


# -- words -------------------------------------------------------------------------------


def period_text(period: tuple[date, date]) -> str:
    return translate("BillingRun", "%1 – %2").replace("%1", date_text(period[0])).replace(
        "%2", date_text(period[1]))


def bills_text(n: int) -> str:
    """``1 bill``, ``1,250 bills``."""
    if n == 1:
        return translate("BillingRun", "1 bill")
    return translate("BillingRun", "%1 bills").replace("%1", f"{n:,}")


def sentences(*texts: str) -> str:
    """Sentences one after another: a space after a Latin full stop, none after 。."""
    out = ""
    for text in texts:
        if not text:
            continue
        out += (" " if out and out[-1].isascii() else "") + text
    return out


# What a clerk must act on first: a contract not billed at all, then a period not billed;
# "no period starts in the range" (most of a park, most months) last.
SKIP_ORDER = {"schedule-problem": 0, "draft": 1, "rent-free": 2, "nothing-due": 9}


def skips_in_order(skips: Sequence[Any]) -> list[Any]:
    """The skips, those a person must look at first, each kind in the run's order."""
    return sorted(skips, key=lambda s: SKIP_ORDER.get(s.code, 5))


def kind_text(row: BillRow) -> str:
    """A bill, or an adjustment saying what was billed and what is due now."""
    if row.kind != ADJUSTMENT:
        return translate("BillingRun", "Bill")
    if row.billed is None or row.now is None:
        return translate("BillingRun", "Adjustment")
    return translate("BillingRun", "Adjustment: %1 → %2").replace(
        "%1", amount_text(row.billed)).replace("%2", amount_text(row.now))


def note_text(note: Problem) -> str:
    return note_words(note) or schedule_problem_text(note)


def note_tip(row: BillRow, said: Collection[tuple[str, str]] = ()) -> str:
    """What a bill's notes say: a spike's, to check the reading; a provisional one's, and
    that a later run corrects it. A provisional note whose key is in ``said`` (its line
    says it already: :func:`said_by_lines`) is not said again."""
    words = [note_text(n) for n in (*row.checks, *row.infos)]
    provisional = [note_text(n) for n in row.notes
                   if is_provisional_note(n) and _note_key(n) not in said]
    if any(is_provisional_note(n) for n in row.notes):
        words += provisional
        words.append(translate("BillingRun", "Provisional: a later run posts the correction "
                                             "once the figure is known."))
    return "\n".join(words)


def _note_key(note: Problem) -> tuple[str, str]:
    return note.code, str(note.params.get("month") or note.params.get("year") or "")


def said_by_lines(row: BillRow) -> set[tuple[str, str]]:
    """The provisional notes (as :func:`_note_key`) a line's reasons say already: a month's
    sales not reported (``sales-missing``, the same code on both), a CPI year not known
    (the line's ``cpi`` reason, ``known: no``). The schedule gives a line both, the reason
    and the note; the explanation says each once, on its line."""
    found: set[tuple[str, str]] = set()
    for line in row.lines:
        for reason in line.explanation.get("reasons") or ():
            if not isinstance(reason, Mapping):
                continue
            code, params = str(reason.get("code", "")), reason.get("params") or {}
            if code == "sales-missing":
                found.add((code, str(params.get("month", ""))))
            elif code == "cpi" and params.get("known") == "no":
                found.add(("cpi-unknown", str(params.get("year", ""))))
    return found


def mark_text(mark: str) -> str:
    if mark == PROVISIONAL:
        return translate("BillingRun", "provisional")
    if mark == CAUGHT_UP:
        return translate("BillingRun", "caught up")
    if mark == INFO:
        return translate("BillingRun", "see note")
    return translate("BillingRun", "check reading") if mark == CHECK else ""


def skip_tip(skip: Any) -> str:
    """A skip naming more meters than its words do: every one of them."""
    more = skip.params.get("more", "0")
    if not (more.isdigit() and int(more) > 0):
        return ""
    meters = skip_meters(skip)
    return translate("BillingRun", "Every meter (%1): %2").replace(
        "%1", f"{len(meters):,}").replace("%2", ", ".join(meters))


def _reasons(explanation: Mapping[str, Any]) -> list[str]:
    out = []
    for reason in explanation.get("reasons") or ():
        if isinstance(reason, Mapping):
            params = {str(k): str(v) for k, v in (reason.get("params") or {}).items()}
            code = str(reason.get("code", ""))
            if code == LATE_FEE and (said := late_fee_text(params, explanation)):
                out.append(said)
                continue
            out.append(line_reason_text(code, params) or reason_text(Reason(code, params)))
    return out


def explanation_html(row: BillRow, currency: str) -> str:
    """What a bill is made of: its lines and their reasons, or for an adjustment what was
    billed, what is due now and why; a provisional bill says a correction follows, a spike
    to check the reading."""
    e = html.escape
    parts = [f"<p><b>{e(row.number)}</b></p>"]
    facts = [
        (translate("BillingRun", "Tenant"), row.tenant or row.contract),
        (translate("BillingRun", "Contract"), row.contract),
        (translate("BillingRun", "Charge"), bill_charge_text(row.charge)),
        (translate("BillingRun", "Period"), period_text((row.period_start, row.period_end))),
        (translate("BillingRun", "Due"), date_text(row.due_on)),
        (translate("BillingRun", "Amount"), money_text(row.amount, currency)),
    ]
    cells = [f"<td>{e(k)}</td><td>&nbsp;&nbsp;{e(v)}&nbsp;&nbsp;&nbsp;&nbsp;</td>"
             for k, v in facts]
    parts.append("<table cellspacing='0' cellpadding='1'>" + "".join(
        "<tr>" + "".join(cells[i:i + 3]) + "</tr>" for i in range(0, len(cells), 3))
        + "</table>")
    if row.kind == ADJUSTMENT:
        explanation = row.lines[0].explanation if row.lines else {}
        said = translate(
            "BillingRun", "Adjusts %1: billed %2 before, %3 due now, a difference of %4.")
        said = (said.replace("%1", row.number.rsplit("/A", 1)[0])
                .replace("%2", amount_text(row.billed if row.billed is not None else ""))
                .replace("%3", amount_text(row.now if row.now is not None else ""))
                .replace("%4", amount_text(row.amount)))
        parts.append(f"<p>{e(said)}</p>")
        if explanation.get("why") == "period-no-longer-due":
            parts.append("<p>{}</p>".format(e(translate(
                "BillingRun", "The period is no longer due (a termination or an amendment "
                              "took it): what was billed for it is credited."))))
        changed = _reasons({"reasons": explanation.get("changed") or ()})
        if changed:  # a utility month looked at again for what was entered after its bill
            parts.append("<p>{}</p><ul>{}</ul>".format(
                e(translate("BillingRun", "Changed since it was billed:")),
                "".join(f"<li>{e(r)}</li>" for r in changed)))
        reasons = _reasons(explanation)
        if reasons:
            parts.append("<p>{}</p><ul>{}</ul>".format(
                e(translate("BillingRun", "Due now:")),
                "".join(f"<li>{e(r)}</li>" for r in reasons)))
    else:
        for line in row.lines:
            head = translate("BillingRun", "%1: %2").replace(
                "%1", period_text((line.starts_on, line.ends_on))).replace(
                "%2", amount_text(line.amount))
            if line.explanation.get("unit"):  # a utility's line: the unit it is for
                head = translate("BillingRun", "Unit %1, %2").replace(
                    "%1", str(line.explanation["unit"])).replace("%2", head)
            reasons = _reasons(line.explanation)
            items = "".join(f"<li>{e(r)}</li>" for r in reasons)
            parts.append(f"<p>{e(head)}</p>" + (f"<ul>{items}</ul>" if items else ""))
    if row.notes:
        parts.append("<p style='color:{}'>{}</p>".format(
            PROVISIONAL_COLOUR if row.provisional else CHECK_COLOUR,
            "<br>".join(e(t) for t in note_tip(row, said_by_lines(row)).split("\n"))))
    return "".join(parts)


def bill_columns() -> list[Column[BillRow]]:
    """Number, tenant, charge, period, due, amount, the note's mark (provisional, or check
    the reading), and the kind last (an adjustment's before → after takes the room left)."""
    def amount_colour(row: BillRow) -> str | None:
        return CREDIT_COLOUR if row.amount < 0 else None

    return [
        Column("number", lambda: translate("BillingRun", "Bill number"), lambda r: r.number,
               width=29),
        Column("tenant", lambda: translate("BillingRun", "Tenant"),
               lambda r: r.tenant or r.contract, width=20),
        Column("charge", lambda: translate("BillingRun", "Charge"), lambda r: r.charge,
               text=bill_charge_text, sort_key=bill_charge_text, width=9),
        Column("period", lambda: translate("BillingRun", "Period"),
               lambda r: (r.period_start, r.period_end), text=period_text, width=24),
        Column("due", lambda: translate("BillingRun", "Due"), lambda r: r.due_on,
               text=date_text, width=11),
        Column("amount", lambda: translate("BillingRun", "Amount"), lambda r: r.amount,
               text=amount_text, align_right=True, color=amount_colour, width=12),
        Column("provisional", lambda: translate("BillingRun", "Note"), lambda r: r.mark,
               text=mark_text, sort_key=mark_text,
               color=lambda r: (PROVISIONAL_COLOUR if r.provisional
                                else CHECK_COLOUR if r.checks else None), width=13),
        Column("kind", lambda: translate("BillingRun", "Kind"), lambda r: r,
               text=kind_text, sort_key=lambda r: (r.kind, r.number), width=18),
    ]


class BillModel(RowTableModel[BillRow]):
    """The bills' table; a row with notes says them as its tooltip."""

    def data(self, index: Any, role: int = int(Qt.ItemDataRole.DisplayRole)) -> Any:
        if role == TOOLTIP:
            if not index.isValid():
                return None
            tip = note_tip(self.row_at(index.row()))
            return tip or None
        return super().data(index, role)


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def next_month(today: date) -> date:
    """The first day of the month after ``today``'s: the month a run usually bills."""
    return date(today.year + today.month // 12, today.month % 12 + 1, 1)


def month_end(first: date) -> date:
    return next_month(first) - timedelta(days=1)


# -- the dialog --------------------------------------------------------------------------


class BillingRunDialog(CancellableWorkDialog):
    """Choose a period, rehearse it, read the bills, post them; with progress and Cancel."""

    rehearseRequested = Signal(object, object, object)  # first day, last day, issue date
    postRequested = Signal(object, object, object)  # the period and date rehearsed

    def __init__(self, today: date, currency: str = "CNY",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("billing-run-dialog")
        self.currency = currency
        self.plan: Any | None = None  # the last rehearsal or post (RunPlan-like)
        self.posted = False  # whether ``plan`` is a post's, not a rehearsal's
        self.run_id: str | None = None  # busy: rehearse | post while the app works

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.mode = QComboBox(self)
        self.mode.addItem("", MONTH)
        self.mode.addItem("", RANGE)
        self.mode.currentIndexChanged.connect(lambda _i: self._inputs_changed())
        first = next_month(today)
        self.month_edit = QDateEdit(_qdate(first), self)
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setCalendarPopup(True)
        self.from_edit = QDateEdit(_qdate(first), self)
        self.to_edit = QDateEdit(_qdate(month_end(first)), self)
        self.issue_edit = QDateEdit(_qdate(today), self)
        for edit in (self.from_edit, self.to_edit, self.issue_edit):
            edit.setDisplayFormat(DATE_FORMAT)
            edit.setCalendarPopup(True)
        for edit in (self.month_edit, self.from_edit, self.to_edit, self.issue_edit):
            edit.dateChanged.connect(lambda _d: self._inputs_changed())
        self.rehearse_button = QPushButton(self)
        self.rehearse_button.setObjectName("rehearse-button")
        self.rehearse_button.setDefault(True)
        self.rehearse_button.clicked.connect(self.request_rehearsal)

        self._work_widgets()

        self.bill_model = BillModel(bill_columns(), self)
        self.bill_proxy = RowFilterProxy(self)
        self.bill_proxy.setSourceModel(self.bill_model)
        self.bill_table = list_view(self.bill_proxy, self)
        self.bill_model.size_columns(self.bill_table)
        self.bill_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_explanation(current))
        self.explanation = QTextBrowser(self)
        self.explanation.setOpenLinks(False)
        self.skip_list = QListWidget(self)
        self.skip_list.setAlternatingRowColors(True)

        self.buttons = QDialogButtonBox(self)
        self.post_button = QPushButton(self)
        self.post_button.setObjectName("post-button")
        self.post_button.clicked.connect(self.request_post)
        self.buttons.addButton(self.post_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        self.form = QFormLayout()
        self.period_row = QHBoxLayout()
        self.period_row.addWidget(self.mode)
        self.period_row.addWidget(self.month_edit)
        self.period_row.addWidget(self.from_edit)
        self.dash = QLabel("–", self)
        self.period_row.addWidget(self.dash)
        self.period_row.addWidget(self.to_edit)
        self.period_row.addStretch(1)
        issue_row = QHBoxLayout()
        issue_row.addWidget(self.issue_edit)
        issue_row.addSpacing(12)
        issue_row.addWidget(self.rehearse_button)
        issue_row.addStretch(1)
        self.period_label = QLabel(self)
        self.issue_label = QLabel(self)
        self.form.addRow(self.period_label, self.period_row)
        self.form.addRow(self.issue_label, issue_row)
        bills = QSplitter(Qt.Orientation.Vertical, self)
        bills.addWidget(self.bill_table)
        bills.addWidget(self.explanation)
        bills.setStretchFactor(0, 3)
        bills.setStretchFactor(1, 2)
        bills.setSizes([420, 220])
        self.tabs = QTabWidget(self)
        self.tabs.addTab(bills, "")
        self.tabs.addTab(self.skip_list, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.progress_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(1240, 780)
        self._retranslate()

    # -- in ------------------------------------------------------------------------------

    def set_month(self, first: date) -> None:
        """Bill the month of ``first`` (as a person picks it)."""
        self.mode.setCurrentIndex(self.mode.findData(MONTH))
        self.month_edit.setDate(_qdate(first.replace(day=1)))

    def set_range(self, first: date, last: date) -> None:
        """Bill the periods starting from ``first`` to ``last``."""
        self.mode.setCurrentIndex(self.mode.findData(RANGE))
        self.from_edit.setDate(_qdate(first))
        self.to_edit.setDate(_qdate(last))

    def set_issued_on(self, day: date) -> None:
        self.issue_edit.setDate(_qdate(day))

    def period(self) -> tuple[date, date]:
        """The first and last day a period may start on, as chosen."""
        if self.mode.currentData() == MONTH:
            first = _day(self.month_edit).replace(day=1)
            return first, month_end(first)
        return _day(self.from_edit), _day(self.to_edit)

    def issued_on(self) -> date:
        return _day(self.issue_edit)

    def set_plan(self, plan: Any, names: Mapping[str, tuple[str, str]]) -> None:
        """Show a rehearsal: every bill the run would post; nothing is written yet."""
        self._show(plan, names, posted=False, run_id=None)

    def set_posted(self, plan: Any, names: Mapping[str, tuple[str, str]],
                   run_id: Any) -> None:
        """Show what a post wrote (nothing new when the period was billed before)."""
        self._show(plan, names, posted=True, run_id=None if run_id is None else str(run_id))

    def cancelled_text(self, kind: str) -> str:
        return (self.tr("Posting cancelled: nothing was written.") if kind == "post"
                else self.tr("Rehearsal cancelled."))

    # -- out -----------------------------------------------------------------------------

    def can_post(self) -> bool:
        """Post is for the period and date just rehearsed, with something new to post."""
        plan = self.plan
        return (not self._busy and plan is not None and not self.posted
                and bool(plan.bills)
                and (plan.period_from, plan.period_to, plan.issued_on)
                == (*self.period(), self.issued_on()))

    def request_rehearsal(self) -> None:
        if not self._busy:
            self.rehearseRequested.emit(*self.period(), self.issued_on())

    def request_post(self) -> None:
        if self.can_post() and self.plan is not None:
            self.postRequested.emit(self.plan.period_from, self.plan.period_to,
                                    self.plan.issued_on)

    def bills(self) -> list[BillRow]:
        """The bills shown, in the table's order."""
        return visible_rows(self.bill_model, self.bill_proxy)

    def skips(self) -> list[str]:
        return [self.skip_list.item(i).text() for i in range(self.skip_list.count())]

    def select_bill(self, number: str) -> None:
        """Choose the bill numbered ``number`` in the table (as a click does)."""
        for position in range(self.bill_proxy.rowCount()):
            index = self.bill_proxy.index(position, 0)
            if row_of(self.bill_model, self.bill_proxy, index).number == number:
                self.bill_table.setCurrentIndex(index)
                return
        raise LookupError(number)

    def selected_bill(self) -> BillRow | None:
        return selected_row(self.bill_model, self.bill_proxy, self.bill_table)

    # -- showing -------------------------------------------------------------------------

    def _show(self, plan: Any, names: Mapping[str, tuple[str, str]], posted: bool,
              run_id: str | None) -> None:
        self.plan, self.posted, self.run_id = plan, posted, run_id
        self.currency = plan.currency or self.currency
        self._busy, self._cancelling, self._said, self._failed = "", False, "", False
        self.bill_model.set_rows(bill_rows(plan.bills, names))
        self.skip_list.clear()
        skips = skips_in_order(plan.skipped)
        self.skip_list.addItems([skip_text(s) for s in skips])
        for n, skip in enumerate(skips):
            if "meters" in skip.params and (tip := skip_tip(skip)):
                self.skip_list.item(n).setToolTip(tip)
        self.explanation.clear()
        if self.bill_proxy.rowCount():
            self.bill_table.setCurrentIndex(self.bill_proxy.index(0, 0))
        self._update()

    def _show_explanation(self, current: QModelIndex) -> None:
        if not current.isValid():
            self.explanation.clear()
            return
        row = row_of(self.bill_model, self.bill_proxy, current)
        self.explanation.setHtml(explanation_html(row, self.currency))

    def _inputs_changed(self) -> None:
        ranged = self.mode.currentData() == RANGE
        self.month_edit.setVisible(not ranged)
        for widget in (self.from_edit, self.dash, self.to_edit):
            widget.setVisible(ranged)
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Billing run"))
        self.intro.setText(sentences(self.tr(
            "A run bills every contract period that starts in the period chosen: rent, fees "
            "and other charges, and adjustments of periods billed before whose amount has "
            "changed. Rehearse it to see every bill; nothing is written until you post, and "
            "posting the same period again posts nothing twice."), self.tr(
            "Metered utilities are billed a month in arrears: a month's run bills the month "
            "before's electricity, water, gas and heat.")))
        self.period_label.setText(self.tr("Periods starting in:"))
        self.issue_label.setText(self.tr("Issue date:"))
        self.mode.setItemText(0, self.tr("A month"))
        self.mode.setItemText(1, self.tr("A range of days"))
        self.rehearse_button.setText(self.tr("Rehearse"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.post_button.setText(self.tr("Post"))
        self.close_button.setText(self.tr("Close"))
        self.tabs.setTabText(0, self.tr("Bills"))
        self.bill_model.retitle()
        self._inputs_changed()

    def _update(self) -> None:
        busy = bool(self._busy)
        for widget in (self.mode, self.month_edit, self.from_edit, self.to_edit,
                       self.issue_edit, self.rehearse_button):
            widget.setEnabled(not busy)
        self._show_work(
            self.tr("Cancelling…") if self._cancelling
            else self.tr("Posting the bills…") if self._busy == "post"
            else self.tr("Rehearsing the run…") if busy else "")
        self.post_button.setEnabled(self.can_post())
        plan = self.plan
        skipped = 0 if plan is None else len(plan.skipped)
        self.tabs.setTabText(1, self.tr("Skipped (%1)").replace("%1", f"{skipped:,}"))
        self.summary.setText(self._summary_text())
        self.summary.setVisible(not busy)  # what it said was of the plan being replaced
        self.summary.setStyleSheet(f"color: {FAILED_COLOUR}" if self._failed else "")

    def _summary_text(self) -> str:
        if self._said:
            return self._said
        if self._busy:
            return ""
        plan = self.plan
        if plan is None:
            return self.tr("Rehearse the run to see the bills it would post.")
        period = period_text((plan.period_from, plan.period_to))
        figures = {"%1": bills_text(len(plan.bills)), "%2": period,
                   "%3": date_text(plan.issued_on), "%4": money_text(plan.total, plan.currency),
                   "%5": f"{plan.existing:,}", "%6": f"{len(plan.skipped):,}"}

        def filled(template: str) -> str:
            for key in ("%1", "%2", "%3", "%4", "%5", "%6"):
                template = template.replace(key, figures[key])
            return template

        adjustments = len(plan.adjustments)
        among = (self.tr("Adjustments among them: %1.").replace("%1", f"{adjustments:,}")
                 if adjustments else "")
        if not plan.bills and plan.existing:
            figures["%5"] = bills_text(plan.existing)
            text = filled(self.tr("%2 is already billed: %5 posted before, nothing new to "
                                  "post. Skipped: %6."))
        elif self.posted:
            text = sentences(
                filled(self.tr("Posted %1 for %2, issued %3: %4 in all.")), among,
                filled(self.tr("Already posted before: %5. Skipped: %6. Posting %2 again "
                               "posts nothing new.")))
        elif not plan.bills:
            text = filled(self.tr("Nothing to bill for %2. Skipped: %6."))
        else:
            text = sentences(
                filled(self.tr("%1 to post for %2, issued %3: %4 in all.")), among,
                filled(self.tr("Already posted: %5. Skipped: %6. Nothing is written until "
                               "you post.")))
        if (not self.posted and (plan.period_from, plan.period_to, plan.issued_on)
                != (*self.period(), self.issued_on())):
            text = sentences(text, self.tr(
                "The period or the date changed: rehearse again to post."))
        return text
