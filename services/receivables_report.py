"""Receivables reports for a park on a day (SPEC §5): ageing with the names a person reads,
the collection rate, the arrears list, each tenant's credit score, and the Excel workbook.

The figures are the domain's (``domain.billing.ageing`` and ``credit``) on the ledger as
:mod:`services.receivables` reads it, read once per report; here they get names: tenants,
buildings, contract codes and bill numbers. No Qt: the CLI (``leasemap ageing``) and the
receivables window both call these, and hand the workbook its words in the reader's
language (:class:`SheetWords`; English by default).

- **Ageing** on ``on``: every bill's open balance by days overdue (0–30, 31–60, 61–90,
  90+; not yet due apart), by tenant, by building and for the park; allocations made
  after ``on`` do not count, so a past day reads as it stood.
- **Collection rate** of a range of days (:func:`collection_of`): *billed* is every bill
  due in it, *collected* the allocations to those bills made by ``as_of`` (the range's
  last day unless told). The report's own rate is the month of ``on`` up to ``on``
  (:func:`month_to_date`): what fell due this month so far and how much of it is in.
- **Arrears**: one line per tenant and contract, its overdue bills by number, longest
  overdue first.
- **Credit**: each tenant's score and tier with every point off explained: its oldest
  overdue bill, its bills settled late in the last 12 months (``credit.late_payments``
  over the allocations' days against the due dates) and the signals entered by hand on
  the tenant (``tenants.credit_signals``).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.billing.ageing import (
    OVERDUE_BUCKETS,
    AgeingReport,
    BillDue,
    Bucket,
    BucketTotals,
    CollectionRate,
    Receipt,
    ageing,
    collection_rate,
)
from domain.billing.credit import (
    CreditFacts,
    CreditScore,
    Tier,
    credit_score,
    late_payments,
    signals_from_json,
)
from domain.contracts import ContractStatus
from domain.money import ZERO, ratio
from runtime.files import written_whole
from runtime.jobs import gc_paused
from services.receivables import Ledger, buildings_of, read_ledger
from store.schema import Building, Contract, Park, Tenant
from store.workspace import Workspace

Id = uuid.UUID


@dataclass(frozen=True)
class TenantAgeing:
    """One tenant's row of the ageing: its open bills' totals by column."""

    tenant_id: Id
    name: str
    short_name: str
    contracts: tuple[str, ...]  # the codes of the contracts its open bills are under
    totals: BucketTotals


@dataclass(frozen=True)
class BuildingAgeing:
    """One building's row; ``building_id`` None is the contracts spanning buildings."""

    building_id: Id | None
    code: str
    name: str
    totals: BucketTotals


@dataclass(frozen=True)
class ArrearsRow:
    """What one tenant owes, overdue, under one contract: the arrears list's line."""

    tenant_id: Id
    tenant: str
    contract_id: Id
    contract: str  # its code
    building: str  # the building's code; "" when the contract spans buildings
    oldest_due_on: date
    days_overdue: int  # of the oldest bill
    amount: Decimal
    bills: tuple[str, ...]  # the overdue bills' numbers, oldest first


@dataclass(frozen=True)
class TenantCredit:
    """A tenant's credit score on the report's day, with its name."""

    tenant_id: Id
    name: str
    score: CreditScore

    @property
    def tier(self) -> Tier:
        return self.score.tier


@dataclass(frozen=True)
class ReceivablesReport:
    park_id: Id
    park_code: str
    park_name: str
    currency: str
    on: date
    tenants: tuple[TenantAgeing, ...]  # most overdue first
    buildings: tuple[BuildingAgeing, ...]  # in the register's order; spanning last
    park: BucketTotals
    arrears: tuple[ArrearsRow, ...]  # longest overdue first, then the largest
    collection: CollectionRate  # the month of ``on``, up to ``on``
    credit: tuple[TenantCredit, ...]  # worst score first
    ageing: AgeingReport  # the domain's report: every total opens to its bills

    def credit_of(self, tenant_id: Id) -> TenantCredit | None:
        return self._credit_by_tenant.get(tenant_id)

    @cached_property
    def _credit_by_tenant(self) -> dict[Id, TenantCredit]:
        # The window and the workbook ask for each of a park's thousands of tenants.
        return {c.tenant_id: c for c in self.credit}


# -- reading ------------------------------------------------------------------------------


def read_report(workspace: Workspace, park_id: Id, on: date) -> ReceivablesReport:
    """The report of the park on ``on``, read in one session, with the cyclic collector
    held (``runtime.jobs.gc_paused``: a park's year of bills and allocations is tens of
    thousands of acyclic rows; the full collections they set off were a third of it)."""
    with gc_paused(promote=True), workspace.reading() as session:
        return receivables_report(session, park_id, on)


def receivables_report(session: Session, park_id: Id, on: date,
                       ledger: Ledger | None = None) -> ReceivablesReport:
    """Ageing, arrears, the month's collection rate and credit of the park on ``on``."""
    park = session.get(Park, park_id)
    if park is None:
        raise LookupError(f"no park {park_id}")
    # The payments themselves (their bank remarks are most of the ledger's weight) are not
    # shown: what reached each bill is its allocations.
    ledger = ledger if ledger is not None else read_ledger(session, park_id, payments=False)
    items = ledger.open_items(on)
    contracts = {i.contract_id for i in items}
    report = ageing(items, on, buildings_of(session, contracts))
    tenants = _tenants(session, park_id)
    codes = dict(session.execute(select(Contract.id, Contract.code)
                                 .where(Contract.park_id == park_id)).all())
    buildings = {b.id: b for b in session.scalars(
        select(Building).where(Building.park_id == park_id)
        .order_by(Building.sort_order, Building.code))}
    numbers = {b.id: b.number for b in ledger.bills}

    under: dict[Id, set[str]] = defaultdict(set)
    for item in items:
        under[item.tenant_id].add(codes.get(item.contract_id, item.contract_code))
    tenant_rows = [TenantAgeing(t, *_names(tenants, t), tuple(sorted(under[t])), totals)
                   for t, totals in report.by_tenant.items()]
    tenant_rows.sort(key=lambda r: (-r.totals.overdue, -r.totals.total, r.name,
                                    r.tenant_id.int))
    order = {b: i for i, b in enumerate(buildings)}
    building_rows = [BuildingAgeing(b, buildings[b].code if b in buildings else "",
                                    buildings[b].name if b in buildings else "", totals)
                     for b, totals in report.by_building.items()]
    building_rows.sort(key=lambda r: (r.building_id is None,
                                      order.get(r.building_id, len(order)), r.code))
    building_of = {x.item.contract_id: x.building_id for x in report.items}
    arrears = tuple(
        ArrearsRow(line.tenant_id, _names(tenants, line.tenant_id)[0], line.contract_id,
                   codes.get(line.contract_id, ""),
                   _code(buildings, building_of.get(line.contract_id)),
                   line.oldest_due_on, line.days_overdue, line.amount,
                   tuple(numbers.get(b, str(b)) for b in line.bills))
        for line in report.arrears)
    start, end = month_to_date(on)
    receipts = _receipts(ledger)
    rate = collection_rate(_bills_due(ledger, start, end), receipts, start, end, on)
    return ReceivablesReport(
        park.id, park.code, park.name, park.currency, on, tuple(tenant_rows),
        tuple(building_rows), report.park, arrears, rate,
        tuple(_credit(session, park_id, on, ledger, report, tenants, receipts)), report)


def _tenants(session: Session, park_id: Id) -> dict[Id, Any]:
    return {row.id: row for row in session.execute(
        select(Tenant.id, Tenant.name, Tenant.short_name, Tenant.credit_signals,
               Tenant.archived).where(Tenant.park_id == park_id))}


def _names(tenants: Mapping[Id, Any], tenant_id: Id) -> tuple[str, str]:
    row = tenants.get(tenant_id)
    return (str(tenant_id), "") if row is None else (row.name, row.short_name or "")


def _code(buildings: Mapping[Id, Building], building_id: Id | None) -> str:
    found = buildings.get(building_id) if building_id is not None else None
    return found.code if found is not None else ""


# -- the collection rate --------------------------------------------------------------------


def month_to_date(on: date) -> tuple[date, date]:
    """The first day of ``on``'s month and ``on``: the report's collection period."""
    return on.replace(day=1), on


def month_of(day: date) -> tuple[date, date]:
    """The first and last day of ``day``'s month."""
    first = day.replace(day=1)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def collection_of(ledger: Ledger, start: date, end: date, as_of: date | None = None
                  ) -> CollectionRate:
    """What was collected, by ``as_of`` (default ``end``), of the bills due from ``start``
    to ``end``: allocations from payments, deposits and credits alike, reversals negative."""
    return collection_rate(_bills_due(ledger, start, end), _receipts(ledger), start, end,
                           as_of)


def collection(session: Session, park_id: Id, start: date, end: date,
               as_of: date | None = None) -> CollectionRate:
    """:func:`collection_of` on the park's ledger (a month: :func:`month_of`)."""
    return collection_of(read_ledger(session, park_id), start, end, as_of)


def _bills_due(ledger: Ledger, start: date, end: date) -> list[BillDue]:
    return [BillDue(b.id, b.due_on, b.total) for b in ledger.bills if start <= b.due_on <= end]


def _receipts(ledger: Ledger) -> list[Receipt]:
    return [Receipt(a.bill_id, a.made_on or date.min, a.amount)
            for a in (*ledger.allocations, *ledger.other_allocations) if a.bill_id is not None]


# -- credit ---------------------------------------------------------------------------------


def credit_scores(session: Session, park_id: Id, on: date,
                  ledger: Ledger | None = None) -> list[TenantCredit]:
    """Every tenant's credit score on ``on`` (those with a bill, a contract that is not a
    draft, or a signal entered), worst first."""
    ledger = ledger if ledger is not None else read_ledger(session, park_id)
    report = ageing(ledger.open_items(on), on)
    return _credit(session, park_id, on, ledger, report, _tenants(session, park_id))


def _credit(session: Session, park_id: Id, on: date, ledger: Ledger, report: AgeingReport,
            tenants: Mapping[Id, Any], receipts: Sequence[Receipt] | None = None,
            ) -> list[TenantCredit]:
    bills: dict[Id, list[BillDue]] = defaultdict(list)
    tenant_of: dict[Id, Id] = {}
    for bill in ledger.bills:
        bills[bill.tenant_id].append(BillDue(bill.id, bill.due_on, bill.total))
        tenant_of[bill.id] = bill.tenant_id
    paid: dict[Id, list[Receipt]] = defaultdict(list)
    for receipt in _receipts(ledger) if receipts is None else receipts:
        tenant = tenant_of.get(receipt.bill_id)
        if tenant is not None:
            paid[tenant].append(receipt)
    letting = set(session.scalars(
        select(Contract.tenant_id).where(Contract.park_id == park_id, ~Contract.archived,
                                         Contract.status != ContractStatus.DRAFT)))
    scored = set(bills) | {t for t in letting if t in tenants and not tenants[t].archived}
    scored |= {t for t, row in tenants.items() if row.credit_signals and not row.archived}
    found = []
    for tenant in scored:
        row = tenants.get(tenant)
        signals, unreadable = signals_from_json(row.credit_signals if row is not None else ())
        facts = CreditFacts(tenant, report.oldest_overdue(tenant),
                            late_payments(bills.get(tenant, ()), paid.get(tenant, ()), on),
                            signals, unreadable)
        found.append(TenantCredit(tenant, _names(tenants, tenant)[0], credit_score(facts, on)))
    found.sort(key=lambda c: (c.score.score, c.name, c.tenant_id.int))
    return found


# -- the workbook ---------------------------------------------------------------------------


def _tiers() -> dict[str, str]:
    return {Tier.LOW: "Low", Tier.MEDIUM: "Medium", Tier.HIGH: "High",
            Tier.CRITICAL: "Critical"}


@dataclass(frozen=True)
class SheetWords:
    """Every word the workbook writes, in one language (the caller's; English here).

    ``title`` and ``collection_period`` are ``str.format`` templates: {park}, {on},
    {currency}; {start}, {end}, {as_of}.
    """

    by_tenant: str = "By tenant"
    by_building: str = "By building"
    park_sheet: str = "Park summary"
    arrears_sheet: str = "Arrears"
    title: str = "{park}: receivables ageing as of {on} ({currency})"
    tenant: str = "Tenant"
    contracts: str = "Contracts"
    building: str = "Building"
    several_buildings: str = "Several buildings"
    buckets: tuple[str, ...] = ("Not yet due", "0–30 days", "31–60 days", "61–90 days",
                                "Over 90 days")
    overdue: str = "Overdue"
    total: str = "Total open"
    bills: str = "Bills"  # how many
    bill_numbers: str = "Bill numbers"
    score: str = "Credit score"
    tier: str = "Risk tier"
    tiers: Mapping[str, str] = field(default_factory=_tiers)
    contract: str = "Contract"
    oldest_due: str = "Oldest due"
    days_overdue: str = "Days overdue"
    amount: str = "Amount"
    ageing: str = "Ageing"
    share: str = "Share of open"
    park_total: str = "Park"
    collection: str = "Collection rate"
    collection_period: str = "Bills due {start} – {end}, collected by {as_of}"
    billed: str = "Billed"
    collected: str = "Collected"
    outstanding: str = "Outstanding"
    rate: str = "Rate"


ENGLISH = SheetWords()
MONEY_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"
RATE_FORMAT = "0.0%"
HEADER_ROW = 3  # the title on row 1, a blank row, then the headers


def export_ageing(report: ReceivablesReport, path: Path | str,
                  words: SheetWords = ENGLISH) -> Path:
    """The report as an .xlsx workbook at ``path`` (by tenant, by building, the park's
    summary, the arrears list): amounts as numbers to two places, dates as dates, a title
    row naming the park and the day. Written beside ``path`` first and moved into place, so
    a failed write leaves no half a file. Raises ``OSError`` when it cannot be written."""
    from openpyxl import Workbook

    target = Path(path)
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    _tenant_sheet(book, report, words)
    _building_sheet(book, report, words)
    _park_sheet(book, report, words)
    _arrears_sheet(book, report, words)
    with written_whole(target) as partial:
        book.save(partial)
    return target


def sheet_title(text: str) -> str:
    """A sheet's name as Excel takes it: 31 characters, none of ``[]:*?/\\``."""
    cleaned = "".join("-" if c in "[]:*?/\\" else c for c in text).strip("'")
    return cleaned[:31] or "-"


def _sheet(book: Any, name: str, report: ReceivablesReport, words: SheetWords,
           headers: Sequence[str], widths: Sequence[int]) -> Any:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(sheet_title(name))
    sheet.cell(1, 1, words.title.format(park=report.park_name, on=report.on.isoformat(),
                                        currency=report.currency)).font = Font(bold=True,
                                                                               size=13)
    for column, (header, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = sheet.cell(HEADER_ROW, column, header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 1)
    return sheet


def _put(sheet: Any, row: int, values: Iterable[Any], *, bold: bool = False) -> None:
    """One row: Decimals as numbers to two places, dates as dates."""
    from openpyxl.styles import Font

    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row, column, value)
        if isinstance(value, Decimal):
            cell.number_format = MONEY_FORMAT
        elif isinstance(value, date):
            cell.number_format = DATE_FORMAT
        if bold:
            cell.font = Font(bold=True)


def _amounts(totals: BucketTotals) -> list[Any]:
    return [*(totals.amount(b) for b in (Bucket.NOT_DUE, *OVERDUE_BUCKETS)), totals.overdue,
            totals.total, totals.bills]


def _tenant_sheet(book: Any, report: ReceivablesReport, words: SheetWords) -> None:
    headers = [words.tenant, words.contracts, *words.buckets, words.overdue, words.total,
               words.bills, words.score, words.tier]
    sheet = _sheet(book, words.by_tenant, report, words, headers,
                   [36, 22, 13, 13, 13, 13, 13, 14, 14, 7, 9, 10])
    row = HEADER_ROW
    for tenant in report.tenants:
        row += 1
        credit = report.credit_of(tenant.tenant_id)
        _put(sheet, row, [tenant.name, ", ".join(tenant.contracts), *_amounts(tenant.totals),
                          credit.score.score if credit else None,
                          words.tiers.get(credit.tier, credit.tier) if credit else None])
    _put(sheet, row + 1, [words.park_total, "", *_amounts(report.park)], bold=True)


def _building_sheet(book: Any, report: ReceivablesReport, words: SheetWords) -> None:
    headers = [words.building, *words.buckets, words.overdue, words.total, words.bills]
    sheet = _sheet(book, words.by_building, report, words, headers,
                   [30, 13, 13, 13, 13, 13, 14, 14, 7])
    row = HEADER_ROW
    for building in report.buildings:
        row += 1
        name = (words.several_buildings if building.building_id is None
                else _building_name(building))
        _put(sheet, row, [name, *_amounts(building.totals)])
    _put(sheet, row + 1, [words.park_total, *_amounts(report.park)], bold=True)


def _building_name(building: BuildingAgeing) -> str:
    if building.name.startswith(building.code):
        return building.name
    return f"{building.code} {building.name}".strip()


def _park_sheet(book: Any, report: ReceivablesReport, words: SheetWords) -> None:
    sheet = _sheet(book, words.park_sheet, report, words,
                   [words.ageing, words.amount, words.share], [34, 16, 14])
    park = report.park
    rows: list[tuple[str, Decimal]] = [
        *zip(words.buckets, (park.amount(b) for b in (Bucket.NOT_DUE, *OVERDUE_BUCKETS)),
             strict=True),
        (words.overdue, park.overdue), (words.total, park.total)]
    row = HEADER_ROW
    for i, (name, amount) in enumerate(rows):
        row += 1
        share = ratio(amount / park.total) if park.total > 0 else None
        _put(sheet, row, [name, amount, share], bold=i >= len(rows) - 2)
        sheet.cell(row, 3).number_format = RATE_FORMAT
    rate = report.collection
    row += 2
    sheet.cell(row, 1, words.collection).font = _bold()
    sheet.cell(row, 2, words.collection_period.format(
        start=rate.start.isoformat(), end=rate.end.isoformat(), as_of=rate.as_of.isoformat()))
    for name, value in ((words.billed, rate.billed), (words.collected, rate.collected),
                        (words.outstanding, rate.outstanding)):
        row += 1
        _put(sheet, row, [name, value])
    row += 1
    _put(sheet, row, [words.rate, rate.rate], bold=True)
    sheet.cell(row, 2).number_format = RATE_FORMAT


def _bold() -> Any:
    from openpyxl.styles import Font

    return Font(bold=True)


def _arrears_sheet(book: Any, report: ReceivablesReport, words: SheetWords) -> None:
    headers = [words.tenant, words.contract, words.building, words.oldest_due,
               words.days_overdue, words.amount, words.bill_numbers]
    sheet = _sheet(book, words.arrears_sheet, report, words, headers,
                   [36, 18, 10, 12, 10, 15, 60])
    row = HEADER_ROW
    for line in report.arrears:
        row += 1
        _put(sheet, row, [line.tenant, line.contract, line.building or words.several_buildings,
                          line.oldest_due_on, line.days_overdue, line.amount,
                          ", ".join(line.bills)])
    total = sum((line.amount for line in report.arrears), ZERO)
    _put(sheet, row + 1, [words.park_total, "", "", None, None, total], bold=True)
