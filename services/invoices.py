"""Invoices (发票) in the store: issue, void (作废), red-letter reversal (红冲) and reissue.

The rules are ``domain.billing.invoices``; here the ``invoices`` ledger's rows
become its events and each new event is judged by them before one row is
written. The table holds one bill per row and its numbers are unique per
(park, number, kind), so an invoice covers one bill (the issue's "issue per
bill"): one row per event. A row's amounts are signed so that the rows of a
bill add up to what is invoiced on it:

- ``blue``: an invoice issued, its amounts positive; ``of_id`` is the voided or
  reversed blue row it replaces (a reissue), if one was named;
- ``void``: the blue invoice's number again, ``of_id`` the blue row, its
  amounts negated (the void takes them off);
- ``red``: the red invoice's own number, ``of_id`` the blue row it reverses,
  its amounts negated.

A void and a red row keep in ``note`` the reason a person gave, which is
required (a tax audit asks why; ``reason-missing``). The VAT rate of a line is
the park's table (:func:`tax_table`: the default with the park's overrides).

A bill's total is what receivables say it asks for: its amount and the
credits (negative adjustments) posted against it; a credit is not invoiced
on its own, a positive adjustment is a bill of its own. Every write is one
transaction with one command in the outbox (``issue_invoice``,
``void_invoice``, ``reverse_invoice``), and a refusal (:class:`InvoiceRefused`)
carries the domain's problems and writes nothing. The invoice numbers are the
tax platform's: typed, or imported from its export with
:func:`import_invoice_numbers` after a rehearsal
(:func:`rehearse_invoice_import`) that says what would be issued, what is
already recorded and what is refused, and why.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.billing.bills import ADJUSTMENT_KIND
from domain.billing.invoices import (
    DEFAULT_TAX_TABLE,
    BillFacts,
    BillInvoicing,
    EventKind,
    InvoiceBook,
    InvoiceEvent,
    InvoiceLine,
    Pricing,
    Problem,
    TaxAmounts,
    TaxTable,
    VoidRule,
    invoice_book,
    invoice_line,
    invoice_problems,
    is_exempt,
    issue,
    normalise_number,
    park_tax_table,
    reason_problems,
    reverse,
    tax_rate,
    void,
)
from domain.billing.invoices import Invoice as BookInvoice
from domain.money import ZERO
from importers.rent_roll import (
    HEADER_SCAN,
    Unreadable,
    cell_text,
    read_csv_rows,
    read_date,
    read_decimal,
    read_excel_rows,
    squash,
)
from runtime.messages import Message, UserError
from store.changes import record_command, record_commands, under_command
from store.id_text import parse_id
from store.ids import uuid7
from store.schema import Bill, Contract, Invoice, Park, Tenant
from store.workspace import Workspace

BLUE, VOID, RED = "blue", "void", "red"  # Invoice.kind
CHUNK = 500  # ids per IN (...)
# The park's void rule until parks set their own: paper and 税控 invoices, voided in their
# month of issue (a 数电票 park would not allow voiding at all).
PARK_VOID_RULE = VoidRule()

# A bill's invoicing state, as the invoice list shows it.
UNINVOICED = "uninvoiced"
PART_INVOICED = "part-invoiced"  # a live invoice, and some of the bill left to invoice
INVOICED = "invoiced"
VOIDED = "voided"  # invoiced once; the (last) invoice was voided, none live
REVERSED = "reversed"  # invoiced once; the (last) invoice was reversed, none live
OVER_INVOICED = "over-invoiced"  # a credit lowered the bill below its invoices: reverse
NOT_INVOICED = "not-invoiced"  # exempt (a deposit), or the park has no rate for the charge


class InvoiceRefused(UserError):
    """An invoice event the rules refuse; nothing written.

    ``problems`` are the domain's (``domain.billing.invoices.Problem``, codes as it
    names them); ``parts`` say each as a message coded ``invoice-<code>``, its bill
    named by number.
    """

    def __init__(self, message: str, code: str = "invoice-refused", /, *,
                 problems: Sequence[Problem] = (), bills: Mapping[str, str] | None = None,
                 **params: object) -> None:
        said = [problem_message(p, bills or {}) for p in problems]
        super().__init__(message, code, parts=said, **params)
        self.problems = list(problems)


class InvoiceImportRefused(UserError):
    """A file of invoice numbers that cannot be read as one; nothing read."""


def problem_message(problem: Problem, bills: Mapping[str, str]) -> Message:
    """A domain problem as a message a person reads: ``invoice-<code>``, the bill by its
    number (``bills``: bill id as text → bill number), its id kept as ``bill_id``."""
    params = dict(problem.params)
    if "bill" in params:
        params["bill_id"] = params["bill"]
        params["bill"] = bills.get(params["bill"], params["bill"])
    english = f"{problem.code}: " + ", ".join(f"{k}={v}" for k, v in sorted(params.items()))
    return Message(f"invoice-{problem.code}", english, params)


def _refuse(problems: Sequence[Problem], bills: Mapping[str, str]) -> NoReturn:
    said = "; ".join(problem_message(p, bills).message for p in problems)
    raise InvoiceRefused(f"invoice refused: {said}", "invoice-refused", problems=problems,
                         bills=bills)


# -- reading the ledger ------------------------------------------------------------------


def tax_table(session: Session, park_id: uuid.UUID) -> TaxTable:
    """The park's VAT rates: the default table (a general taxpayer's rates, prices
    tax-inclusive) with the park's own overrides (``parks.tax_rates``, set in
    ``services.finance_settings``) on top."""
    overrides = session.scalar(select(Park.tax_rates).where(Park.id == park_id))
    return park_tax_table(overrides if isinstance(overrides, dict) else None,
                          DEFAULT_TAX_TABLE)


@dataclass(frozen=True)
class _Row:
    """An invoices row with its bill's charge (a line's charge is its bill's)."""

    id: uuid.UUID
    kind: str
    number: str
    of_id: uuid.UUID | None
    bill_id: uuid.UUID
    tenant_id: uuid.UUID
    on: date
    rate: Decimal
    inclusive: Decimal
    exclusive: Decimal
    tax: Decimal
    charge: str
    note: str = ""

    @property
    def line(self) -> InvoiceLine:
        return InvoiceLine(self.bill_id, self.charge, self.rate, self.inclusive,
                           self.exclusive, self.tax)


def _rows(session: Session, park_id: uuid.UUID) -> list[_Row]:
    return [_Row(*r) for r in session.execute(
        select(Invoice.id, Invoice.kind, Invoice.number, Invoice.of_id, Invoice.bill_id,
               Invoice.tenant_id, Invoice.issued_on, Invoice.tax_rate, Invoice.amount_incl,
               Invoice.amount_excl, Invoice.tax, Bill.charge, Invoice.note)
        .join(Bill, Bill.id == Invoice.bill_id)
        .where(Invoice.park_id == park_id))]


def _events(rows: Iterable[_Row]) -> list[InvoiceEvent]:
    """The rows as the domain's events, blue ones first, each kind in the order written.

    A void or a red row can only point at a blue one, so replaying blues first makes
    the book independent of the clocks of the devices that wrote them (ids are UUIDv7:
    in the order a device made them).
    """
    rows = list(rows)
    numbers = {r.id: r.number for r in rows}
    events = []
    for r in sorted(rows, key=lambda r: (r.kind != BLUE, r.id)):
        target = numbers.get(r.of_id, "") if r.of_id is not None else ""
        if r.kind == BLUE:
            events.append(issue(r.id, r.number, r.on, r.tenant_id, [r.line], target))
        elif r.kind == VOID:
            events.append(void(r.id, r.number, r.on, r.note))
        else:
            events.append(InvoiceEvent(r.id, EventKind.REVERSE, r.on, r.number, target,
                                       r.tenant_id, (r.line,), r.note))
    return events


def invoice_state(session: Session, park_id: uuid.UUID) -> InvoiceBook:
    """The park's invoices as their rows leave them (voided and reversed ones included)."""
    return invoice_book(_events(_rows(session, park_id)))


@dataclass(frozen=True)
class _Bill:
    """A bill as invoicing reads it: its total is its amount and its credits."""

    id: uuid.UUID
    park_id: uuid.UUID
    tenant_id: uuid.UUID
    contract_id: uuid.UUID
    number: str
    kind: str
    charge: str
    period_start: date
    period_end: date
    amount: Decimal
    corrects_id: uuid.UUID | None
    credits: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        return self.amount + self.credits

    @property
    def is_credit(self) -> bool:
        """A credit: a line of the bill it corrects, not a bill to invoice."""
        return self.kind == ADJUSTMENT_KIND and self.amount < 0 and self.corrects_id is not None

    @property
    def facts(self) -> BillFacts:
        return BillFacts(self.id, self.tenant_id, self.charge, self.total)


_BILL_COLUMNS = (Bill.id, Bill.park_id, Bill.tenant_id, Bill.contract_id, Bill.number,
                 Bill.kind, Bill.charge, Bill.period_start, Bill.period_end, Bill.amount,
                 Bill.corrects_id)


def _with_credits(session: Session, bills: list[_Bill]) -> list[_Bill]:
    """Each bill with the credits posted against it."""
    credits: dict[uuid.UUID, Decimal] = defaultdict(lambda: ZERO)
    ids = [b.id for b in bills]
    for start in range(0, len(ids), CHUNK):
        for corrects, amount in session.execute(
                select(Bill.corrects_id, Bill.amount)
                .where(Bill.corrects_id.in_(ids[start:start + CHUNK]),
                       Bill.kind == ADJUSTMENT_KIND, Bill.amount < 0)):
            credits[corrects] += amount
    return [replace(b, credits=credits[b.id]) if b.id in credits else b for b in bills]


def _bill(session: Session, bill_id: uuid.UUID) -> _Bill | None:
    row = session.execute(select(*_BILL_COLUMNS).where(Bill.id == bill_id)).first()
    return None if row is None else _with_credits(session, [_Bill(*row)])[0]


def bill_invoicing(session: Session, bill_id: uuid.UUID) -> BillInvoicing:
    """What ``bill_id`` is invoiced (live invoices, red ones negative) beside its total."""
    bill = _bill(session, bill_id)
    if bill is None:
        _refuse([Problem("unknown-bill", {"bill": str(bill_id)})], {})
    return invoice_state(session, bill.park_id).bills([bill.facts])[0]


def _bill_numbers(session: Session, ids: Iterable[uuid.UUID]) -> dict[str, str]:
    wanted = list(set(ids))
    out: dict[str, str] = {}
    for start in range(0, len(wanted), CHUNK):
        out.update((str(i), n) for i, n in session.execute(
            select(Bill.id, Bill.number).where(Bill.id.in_(wanted[start:start + CHUNK]))))
    return out


# -- the list of bills and their invoices ------------------------------------------------


@dataclass(frozen=True)
class BillInvoices:
    """A bill with its invoicing: what it asks, what is invoiced, every invoice of it
    (voided and reversed ones and the red ones too, by date then number)."""

    bill_id: uuid.UUID
    number: str
    contract: str
    tenant: str
    charge: str
    period_start: date
    period_end: date
    total: Decimal
    rate: Decimal | None  # the park's VAT rate for the charge; None: not invoiced
    inclusive: Decimal  # invoiced, tax included
    exclusive: Decimal
    tax: Decimal
    state: str  # UNINVOICED … NOT_INVOICED
    invoices: tuple[BookInvoice, ...]

    @property
    def uninvoiced(self) -> Decimal:
        return self.total - self.inclusive

    @property
    def can_issue(self) -> bool:
        return self.rate is not None and self.uninvoiced > 0

    @property
    def live(self) -> tuple[BookInvoice, ...]:
        return tuple(i for i in self.invoices if i.live and not i.red)

    @property
    def closed(self) -> tuple[BookInvoice, ...]:
        """The blue invoices voided or reversed: what a reissue may replace."""
        return tuple(i for i in self.invoices if not i.red and not i.live)


@dataclass(frozen=True)
class InvoiceList:
    """A park's bills and their invoices (the Billing ▸ Invoices list)."""

    park_id: uuid.UUID
    currency: str
    bills: tuple[BillInvoices, ...]
    pricing: Pricing


def bill_state(invoicing: BillInvoicing, invoices: Sequence[BookInvoice],
               rate: Decimal | None) -> str:
    """Where a bill stands: see the module's states."""
    if invoicing.over_invoiced:
        return OVER_INVOICED
    blues = [i for i in invoices if not i.red]
    if any(i.live for i in blues):
        return INVOICED if invoicing.uninvoiced <= 0 else PART_INVOICED
    if rate is None:
        return NOT_INVOICED
    if not blues:
        return UNINVOICED
    last = max(blues, key=lambda i: (i.closed_on or i.issued_on, i.issued_on, i.number))
    return VOIDED if last.voided_on is not None else REVERSED


def invoice_list(session: Session, park_id: uuid.UUID) -> InvoiceList:
    """Every bill of the park (credits are lines of the bill they correct) with its
    invoicing state and invoices, by bill number."""
    park = session.get(Park, park_id)
    if park is None:
        raise InvoiceRefused(f"no park {park_id}", "no-park")
    table = tax_table(session, park_id)
    bills = [_Bill(*r) for r in session.execute(
        select(*_BILL_COLUMNS).where(Bill.park_id == park_id))]
    credits: dict[uuid.UUID, Decimal] = defaultdict(lambda: ZERO)
    for bill in bills:  # a credit is the park's too: read with the rest
        if bill.is_credit:
            assert bill.corrects_id is not None
            credits[bill.corrects_id] += bill.amount
    bills = [replace(b, credits=credits[b.id]) if b.id in credits else b
             for b in bills if not b.is_credit]
    names = {i: n for i, n in session.execute(
        select(Tenant.id, Tenant.name).where(Tenant.park_id == park_id))}
    codes = {i: c for i, c in session.execute(
        select(Contract.id, Contract.code).where(Contract.park_id == park_id))}
    book = invoice_state(session, park_id)
    by_bill: dict[uuid.UUID, list[BookInvoice]] = defaultdict(list)
    for invoice in book.invoices:
        for bill_id in {ln.bill_id for ln in invoice.lines}:
            by_bill[bill_id].append(invoice)
    out = []
    for bill in sorted(bills, key=lambda b: b.number):
        invoicing = book.bills([bill.facts])[0]
        invoices = tuple(by_bill.get(bill.id, ()))
        rate = tax_rate(bill.charge, table)
        out.append(BillInvoices(
            bill.id, bill.number, codes.get(bill.contract_id, ""),
            names.get(bill.tenant_id, ""), bill.charge, bill.period_start, bill.period_end,
            bill.total, rate, invoicing.inclusive, invoicing.exclusive, invoicing.tax,
            bill_state(invoicing, invoices, rate), invoices))
    return InvoiceList(park_id, park.currency, tuple(out), table.pricing)


# -- writing one event -------------------------------------------------------------------


def _line(bill: _Bill, book: InvoiceBook, table: TaxTable, amount: Decimal | None,
          pricing: Pricing | None, pending: Decimal = ZERO) -> InvoiceLine | Problem:
    """The bill's line at the park's rate: ``amount`` (tax-inclusive, or ex-tax when
    ``pricing`` is EXCLUSIVE), or what is left to invoice when it is None (``pending``:
    what earlier lines of the same file invoice on it)."""
    named = {"bill": str(bill.id), "charge": bill.charge}
    rate = tax_rate(bill.charge, table)
    if rate is None:
        return Problem("not-invoiceable" if is_exempt(bill.charge, table) else "no-rate",
                       named)
    if amount is None:
        invoiced = book.invoiced(bill.id)[0] + pending
        left = bill.total - invoiced
        if left <= 0:
            return Problem("fully-invoiced", named | {"total": str(bill.total),
                                                      "invoiced": str(invoiced)})
        return invoice_line(bill.facts, rate, left, Pricing.INCLUSIVE)
    return invoice_line(bill.facts, rate, amount, pricing or table.pricing)


def _invoiceable(session: Session, bill_id: uuid.UUID) -> _Bill:
    """The bill to invoice; refused when there is none, or it is a credit."""
    bill = _bill(session, bill_id)
    if bill is None:
        _refuse([Problem("unknown-bill", {"bill": str(bill_id)})], {})
    if bill.is_credit:
        assert bill.corrects_id is not None
        corrects = _bill_numbers(session, [bill.corrects_id]).get(str(bill.corrects_id), "")
        _refuse([Problem("credit-bill", {"bill": str(bill.id), "corrects": corrects})],
                {str(bill.id): bill.number})
    return bill


def _payload(row: Invoice, bill_number: str, replaces: str = "", target: str = "",
             note: str = "") -> dict[str, Any]:
    """A command's whole change: the row and the numbers it relates to."""
    return {
        "invoice": str(row.id), "park": str(row.park_id), "bill": str(row.bill_id),
        "bill_number": bill_number, "tenant": str(row.tenant_id), "kind": row.kind,
        "number": row.number, "of": str(row.of_id) if row.of_id else None,
        "replaces": replaces or None, "target": target or None,
        "on": row.issued_on.isoformat(), "rate": str(row.tax_rate),
        "inclusive": str(row.amount_incl), "exclusive": str(row.amount_excl),
        "tax": str(row.tax), "note": note,
    }


def _invoice_row(event_id: uuid.UUID, park_id: uuid.UUID, kind: str, number: str,
                 line: InvoiceLine, tenant_id: uuid.UUID, on: date,
                 of_id: uuid.UUID | None, note: str = "") -> Invoice:
    return Invoice(id=event_id, park_id=park_id, bill_id=line.bill_id, tenant_id=tenant_id,
                   number=number, kind=kind, of_id=of_id, issued_on=on, tax_rate=line.rate,
                   amount_incl=line.inclusive, amount_excl=line.exclusive, tax=line.tax,
                   note=note)


def _blue_row(rows: Iterable[_Row], number: str) -> _Row | None:
    return next((r for r in rows if r.kind == BLUE and r.number == number), None)


def issue_invoice(workspace: Workspace, bill_id: uuid.UUID, number: str, on: date,
                  amount: Decimal | None = None, *, pricing: Pricing | None = None,
                  replaces: str = "") -> uuid.UUID:
    """Record the blue invoice ``number`` the tax platform issued for the bill on ``on``.

    ``amount``: tax-inclusive (ex-tax when ``pricing`` is EXCLUSIVE; the park's pricing
    when None); None invoices what is left of the bill. ``replaces``: the voided or
    reversed invoice this one reissues. Returns the event's (the row's) id.
    """
    with workspace.transaction() as session:
        bill = _invoiceable(session, bill_id)
        bills = {str(bill.id): bill.number}
        table = tax_table(session, bill.park_id)
        rows = _rows(session, bill.park_id)
        events = _events(rows)
        book = invoice_book(events)
        line = _line(bill, book, table, amount, pricing)
        if isinstance(line, Problem):
            _refuse([line], bills)
        event = issue(uuid7(), number, on, bill.tenant_id, [line], replaces)
        problems = invoice_problems([event], events, [bill.facts], table=table)
        if problems:
            _refuse(problems, bills)
        replaced = _blue_row(rows, event.target) if event.target else None
        row = _invoice_row(event.id, bill.park_id, BLUE, event.number, line, bill.tenant_id,
                           on, replaced.id if replaced else None)
        with under_command(session):
            session.add(row)
        record_command(session, "issue_invoice", Invoice, row.id,
                       _payload(row, bill.number, replaces=event.target))
        return row.id


def _park_of(session: Session, number: str, park_id: uuid.UUID | None) -> uuid.UUID:
    """The park whose invoice ``number`` is (numbers are unique per park only)."""
    if park_id is not None:
        return park_id
    parks = set(session.scalars(select(Invoice.park_id).where(
        Invoice.number == normalise_number(number), Invoice.kind.in_((BLUE, RED)))))
    if len(parks) == 1:
        return parks.pop()
    if not parks:
        _refuse([Problem("unknown-invoice", {"target": normalise_number(number)})], {})
    raise InvoiceRefused(f"invoice {number} is recorded in {len(parks)} parks",
                         "invoice-number-ambiguous", number=normalise_number(number),
                         count=len(parks))


def void_invoice(workspace: Workspace, number: str, on: date, note: str = "", *,
                 park_id: uuid.UUID | None = None, rule: VoidRule = PARK_VOID_RULE) -> uuid.UUID:
    """Record that invoice ``number`` was voided (作废) on ``on`` for the reason ``note``
    (required: a tax audit asks why; kept in the row's ``note``): it keeps its number and
    stays listed, and its bill may be invoiced again. Returns the event's id."""
    note = note.strip()
    with workspace.transaction() as session:
        park = _park_of(session, number, park_id)
        rows = _rows(session, park)
        events = _events(rows)
        event = void(uuid7(), number, on, note)
        blue = _blue_row(rows, event.target)
        bills = _bill_numbers(session, [blue.bill_id]) if blue else {}
        problems = [*invoice_problems([event], events, [], rule=rule), *reason_problems(event)]
        if problems:
            _refuse(problems, bills)
        assert blue is not None  # the domain knows it as a live blue invoice
        line = blue.line.negated()
        row = _invoice_row(event.id, park, VOID, blue.number, line, blue.tenant_id, on,
                           blue.id, note)
        with under_command(session):
            session.add(row)
        record_command(session, "void_invoice", Invoice, row.id,
                       _payload(row, bills.get(str(blue.bill_id), ""), target=blue.number,
                                note=note))
        return row.id


def reverse_invoice(workspace: Workspace, number: str, red_number: str, on: date,
                    note: str = "", *, park_id: uuid.UUID | None = None) -> uuid.UUID:
    """Record the red invoice ``red_number`` (红冲) reversing invoice ``number`` whole on
    ``on`` for the reason ``note`` (required, kept in the red row's ``note``): both keep
    their numbers and stay listed; the bill may be invoiced again. Returns the event's id."""
    note = note.strip()
    with workspace.transaction() as session:
        park = _park_of(session, number, park_id)
        rows = _rows(session, park)
        events = _events(rows)
        book = invoice_book(events)
        target = book.invoice(number)
        event = (reverse(uuid7(), red_number, on, target, note) if target is not None
                 else InvoiceEvent(uuid7(), EventKind.REVERSE, on, red_number, number,
                                   note=note))
        blue = _blue_row(rows, event.target)
        bills = _bill_numbers(session, [blue.bill_id]) if blue else {}
        problems = [*invoice_problems([event], events, []), *reason_problems(event)]
        if problems:
            _refuse(problems, bills)
        assert blue is not None
        row = _invoice_row(event.id, park, RED, event.number, blue.line.negated(),
                           blue.tenant_id, on, blue.id, note)
        with under_command(session):
            session.add(row)
        record_command(session, "reverse_invoice", Invoice, row.id,
                       _payload(row, bills.get(str(blue.bill_id), ""), target=blue.number,
                                note=note))
        return row.id


# -- importing the tax platform's numbers ------------------------------------------------

# Header words per column, compared squashed (``importers.rent_roll.squash``): a Chinese
# word may be part of a header ("价税合计(元)"), an English one is the whole header. The
# longest word found decides ("含税金额" is the amount, "金额" alone the ex-tax amount).
IMPORT_ALIASES: dict[str, tuple[str, ...]] = {
    "bill": ("账单编号", "账单号", "账单号码", "账单", "bill", "billno", "billnumber",
             "billid", "billreference"),
    "number": ("发票号码", "发票号", "数电票号码", "数电发票号码", "全电发票号码", "invoice",
               "invoiceno", "invoicenumber"),
    "on": ("开票日期", "开票时间", "日期", "date", "issuedon", "issued", "invoicedate"),
    "amount": ("价税合计", "含税金额", "开票金额", "amount", "total", "gross",
               "amountinclusive", "amountincltax"),
    "exclusive": ("金额", "不含税金额", "net", "amountexclusive", "amountexcltax"),
}
IMPORT_REQUIRED = ("bill", "number", "on")
_ENGLISH = {name: next(i for i, w in enumerate(words) if w.isascii())
            for name, words in IMPORT_ALIASES.items()}
ISSUE, EXISTING, REFUSED = "issue", "existing", "refused"  # ImportLine.outcome


def _import_field(header: str) -> tuple[str, int] | None:
    text = squash(header)
    best: tuple[str, int] | None = None
    for name, words in IMPORT_ALIASES.items():
        for word in words:
            if (word == text or (not word.isascii() and word in text)) and (
                    best is None or len(word) > best[1]):
                best = (name, len(word))
    return best


def import_columns(headers: Sequence[Any]) -> dict[str, int]:
    """Each field's column position, the surest header first; a column serves one field."""
    found = []
    for position, header in enumerate(headers):
        match = _import_field(cell_text(header)) if header is not None else None
        if match is not None:
            found.append((-match[1], position, match[0]))
    columns: dict[str, int] = {}
    for _score, position, name in sorted(found):
        if name not in columns and position not in columns.values():
            columns[name] = position
    return columns


@dataclass(frozen=True)
class ImportLine:
    """One line of the file and what importing it does: ``issue`` (a new blue invoice),
    ``existing`` (that number is recorded for that bill already) or ``refused`` with
    ``problems`` said as messages (``invoice-<code>``)."""

    row: int  # the row number the spreadsheet shows
    bill: str  # as the file writes it
    number: str
    on: date | None
    bill_id: uuid.UUID | None
    bill_number: str
    amounts: TaxAmounts | None
    outcome: str
    problems: tuple[Message, ...] = ()
    event_id: uuid.UUID | None = None


@dataclass(frozen=True)
class InvoiceImport:
    """What a file of invoice numbers does (rehearsed), or did (``written``)."""

    file: str
    lines: tuple[ImportLine, ...]
    written: bool = False

    def _count(self, outcome: str) -> list[ImportLine]:
        return [ln for ln in self.lines if ln.outcome == outcome]

    @property
    def to_issue(self) -> list[ImportLine]:
        return self._count(ISSUE)

    @property
    def existing(self) -> list[ImportLine]:
        return self._count(EXISTING)

    @property
    def refused(self) -> list[ImportLine]:
        return self._count(REFUSED)


def _table_of(path: Path) -> tuple[list[list[Any]], int, dict[str, int]]:
    """The sheet holding the numbers: its cells, its header row's index and its columns
    (the row naming the most fields within the first rows of the first sheet that has
    them all)."""
    if path.suffix.lower() in (".csv", ".txt", ".tsv"):
        sheets = [("", read_csv_rows(path))]
    else:
        sheets = read_excel_rows(path)
    best: tuple[int, list[Any]] = (-1, [])
    for _name, cells in sheets:
        found: tuple[int, int, dict[str, int]] | None = None
        for index, line in enumerate(cells[:HEADER_SCAN]):
            columns = import_columns(line)
            if len(columns) > best[0] and any(cell_text(v) for v in line):
                best = (len(columns), list(line))
            if all(f in columns for f in IMPORT_REQUIRED) and (
                    found is None or len(columns) > len(found[2])):
                found = (index, len(columns), columns)
        if found is not None:
            return cells, found[0], found[2]
    have = import_columns(best[1])
    # Each missing column by the headers that would name it, Chinese and English.
    missing = ", ".join(f"{IMPORT_ALIASES[f][0]} ({IMPORT_ALIASES[f][_ENGLISH[f]]})"
                        for f in IMPORT_REQUIRED if f not in have)
    headers = ", ".join(t for t in (cell_text(v) for v in best[1]) if t)
    raise InvoiceImportRefused(
        f"{path.name}: no column for {missing} (columns: {headers})",
        "invoice-import-columns", file=path.name, labels=missing, columns=headers)


@dataclass
class _Draft:
    row: int
    bill_text: str
    number: str
    on: date | None
    bill: _Bill | None
    amount: Decimal | None
    pricing: Pricing
    problems: list[Message]
    event: InvoiceEvent | None = None
    line: InvoiceLine | None = None
    existing: bool = False


def _cell(line: Sequence[Any], columns: Mapping[str, int], name: str) -> Any:
    position = columns.get(name)
    return line[position] if position is not None and position < len(line) else None


def _drafts(session: Session, cells: list[list[Any]], header: int,
            columns: Mapping[str, int]) -> list[_Draft]:
    """The file's lines, their cells read and their bills found (by number or id)."""
    lines = [(index + 1, line) for index, line in enumerate(cells) if index > header
             and any(cell_text(v) for v in line)]
    refs = {cell_text(_cell(line, columns, "bill")) for _r, line in lines}
    refs.discard("")
    found: dict[str, _Bill] = {}
    ref_list = sorted(refs)
    for start in range(0, len(ref_list), CHUNK):
        chunk = ref_list[start:start + CHUNK]
        ids = [u for u in (parse_id(r) for r in chunk) if u is not None]
        where = Bill.number.in_(chunk) | Bill.id.in_(ids) if ids else Bill.number.in_(chunk)
        bills = [_Bill(*r) for r in session.execute(select(*_BILL_COLUMNS).where(where))]
        for bill in _with_credits(session, bills):
            found[bill.number] = bill
            found[str(bill.id)] = bill
    drafts = []
    for row, line in lines:
        problems: list[Message] = []
        where = {"row": str(row)}
        bill_text = cell_text(_cell(line, columns, "bill"))
        number = normalise_number(cell_text(_cell(line, columns, "number")))
        bill = found.get(bill_text) or found.get(str(parse_id(bill_text) or ""))
        if bill is None:
            problems.append(_message("import-no-bill", where | {"bill": bill_text}))
        elif bill.is_credit:
            assert bill.corrects_id is not None
            corrects = _bill_numbers(session, [bill.corrects_id]).get(str(bill.corrects_id), "")
            problems.append(_message("credit-bill", where | {"bill": bill.number,
                                                             "corrects": corrects}))
            bill = None
        if not number:
            problems.append(_message("import-no-number", where))
        on = _read(line, columns, "on", read_date, where, problems)
        if on is None and not any(p.code == "invoice-import-date" for p in problems):
            problems.append(_message("import-no-date", where))
        amount = _read(line, columns, "amount", read_decimal, where, problems)
        pricing = Pricing.INCLUSIVE
        if amount is None:
            amount = _read(line, columns, "exclusive", read_decimal, where, problems)
            if amount is not None:
                pricing = Pricing.EXCLUSIVE
        drafts.append(_Draft(row, bill_text, number, on, bill, amount, pricing, problems))
    return drafts


def _read(line: Sequence[Any], columns: Mapping[str, int], name: str, reader: Any,
          where: Mapping[str, str], problems: list[Message]) -> Any:
    value = _cell(line, columns, name)
    try:
        return reader(value)
    except Unreadable:
        code = "import-date" if name == "on" else "import-amount"
        problems.append(_message(code, {**where, "text": cell_text(value)}))
        return None


def _message(code: str, params: Mapping[str, str]) -> Message:
    english = f"{code}: " + ", ".join(f"{k}={v}" for k, v in sorted(params.items()))
    return Message(f"invoice-{code}", english, dict(params))




def plan_import(session: Session, path: Path | str) -> tuple[InvoiceImport, list[_Draft]]:
    """What the file would do on the store as it is in ``session``: every line judged in
    the file's order on the invoices recorded and the lines above it."""
    path = Path(path)
    cells, header, columns = _table_of(path)
    drafts = _drafts(session, cells, header, columns)
    by_park: dict[uuid.UUID, list[_Draft]] = defaultdict(list)
    for draft in drafts:
        if draft.bill is not None:
            by_park[draft.bill.park_id].append(draft)
    for park_id, mine in by_park.items():
        _judge(session, park_id, mine)
    lines = []
    for d in drafts:
        outcome = (EXISTING if d.existing and not d.problems
                   else ISSUE if d.event is not None and not d.problems else REFUSED)
        amounts = (TaxAmounts(d.line.inclusive, d.line.exclusive, d.line.tax, d.line.rate)
                   if d.line is not None else None)
        lines.append(ImportLine(
            d.row, d.bill_text, d.number, d.on, d.bill.id if d.bill else None,
            d.bill.number if d.bill else "", amounts, outcome, tuple(d.problems),
            d.event.id if d.event is not None and outcome == ISSUE else None))
    return InvoiceImport(path.name, tuple(lines)), drafts


def _judge(session: Session, park_id: uuid.UUID, drafts: list[_Draft]) -> None:
    """Make each good line's event and let the domain judge them all, in order."""
    table = tax_table(session, park_id)
    rows = _rows(session, park_id)
    events = _events(rows)
    book = invoice_book(events)
    pending: dict[uuid.UUID, Decimal] = defaultdict(lambda: ZERO)
    bills: dict[str, str] = {}
    new: list[InvoiceEvent] = []
    for d in drafts:
        assert d.bill is not None
        bills[str(d.bill.id)] = d.bill.number
        recorded = book.invoice(d.number) if d.number else None
        if (recorded is not None and not recorded.red
                and {ln.bill_id for ln in recorded.lines} == {d.bill.id}
                and (d.amount is None or d.amount == (
                    recorded.exclusive if d.pricing is Pricing.EXCLUSIVE
                    else recorded.inclusive))):
            d.existing = True  # imported before (or entered by hand): nothing new
            continue
        if d.problems:
            continue
        line = _line(d.bill, book, table, d.amount, d.pricing, pending[d.bill.id])
        if isinstance(line, Problem):
            d.problems.append(problem_message(line, bills))
            continue
        assert d.on is not None
        d.line = line
        d.event = issue(uuid7(), d.number, d.on, d.bill.tenant_id, [line])
        new.append(d.event)
        pending[d.bill.id] += line.inclusive
    facts = {d.bill.id: d.bill.facts for d in drafts if d.bill is not None}
    problems = invoice_problems(new, events, facts.values(), table=table)
    by_event: dict[str, list[Problem]] = defaultdict(list)
    for p in problems:
        by_event[p.params.get("event", "")].append(p)
    for d in drafts:
        if d.event is not None and str(d.event.id) in by_event:
            d.problems.extend(problem_message(p, bills) for p in by_event[str(d.event.id)])


def rehearse_invoice_import(workspace: Workspace, path: Path | str) -> InvoiceImport:
    """What importing ``path`` would issue, find recorded already and refuse; writes
    nothing."""
    with workspace.reading() as session:
        return plan_import(session, path)[0]


def import_invoice_numbers(workspace: Workspace, path: Path | str) -> InvoiceImport:
    """Rehearse ``path`` again inside one transaction and record every invoice it would
    issue, one ``issue_invoice`` command each; refused lines write nothing. Importing
    the same file again finds its numbers recorded and writes nothing."""
    with workspace.transaction() as session:
        plan, drafts = plan_import(session, path)
        chosen = {ln.event_id for ln in plan.to_issue}
        rows: list[tuple[Invoice, str]] = []
        for d in drafts:
            if d.event is None or d.event.id not in chosen:
                continue
            assert d.bill is not None and d.line is not None and d.on is not None
            rows.append((_invoice_row(d.event.id, d.bill.park_id, BLUE, d.number, d.line,
                                      d.bill.tenant_id, d.on, None), d.bill.number))
        if rows:
            with under_command(session):
                session.add_all([row for row, _ in rows])
            record_commands(session, "issue_invoice", Invoice,
                            [(row.id, _payload(row, number)) for row, number in rows])
        return InvoiceImport(plan.file, plan.lines, written=True)
