"""Tenants' monthly sales (营业额) and the park's CPI: read, rehearsed, written.

Turnover rent (``domain.leasing.clauses.Turnover``) is reckoned on each
month's reported sales, and CPI clauses on the park's index by year; both
arrive after signing, so they live in their own tables (``SalesReport``,
``PriceIndex``) and ``services.contracts.with_inputs`` lays them over the
terms. A park collects sales as a spreadsheet: one row per contract and
month. :func:`read_sales` finds its header (合同编号 / 月份 / 营业额, or
contract / month / sales) and types each row; :func:`rehearse_sales` judges
every row against the workspace and writes nothing; :func:`import_sales`
writes the good rows in ONE transaction. A row whose month already has a
figure replaces it, and the report says the figure before and after; the
same figure again changes nothing, so importing a file twice writes nothing
the second time.

A row is rejected, with a reason the window says in the user's language
(a code, its figures as text, English), when its cells do not read, its
contract is not in the park, the contract has no turnover clause in force
that month, the month is outside the term (the term ends at termination),
the amount is below zero, or the file gives the same contract and month on
another row too (which one is right is the person's call).

The file is read by the rent roll's readers (``importers.rent_roll``): CSV
in UTF-8 or GBK, Excel (.xlsx through openpyxl, .xls through xlrd, cell for
cell alike), dates and amounts as people type them. A file that cannot be
read raises :class:`SalesImportError` naming the problem, and nothing is
written.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.contracts import ContractStatus
from domain.leasing.clauses import EscalationKind
from domain.money import money
from importers.rent_roll import (
    EMPTY_WORDS,
    HEADER_SCAN,
    SKIP_CODES,
    RentRollError,
    Unreadable,
    cell_text,
    display_width,
    read_csv_rows,
    read_date,
    read_decimal,
    read_excel_rows,
    squash,
    unique_headers,
)
from runtime.messages import Message, UserError
from services import contracts
from store.schema import Contract, ContractVersion, PriceIndex, SalesReport
from store.workspace import Workspace

FIELDS: tuple[str, ...] = ("contract", "month", "amount")
# Header words per field, compared without spaces, case and a bracketed unit ("营业额(元)");
# the longest word found in a header decides its field ("月营业额" is the amount).
ALIASES: dict[str, tuple[str, ...]] = {
    "contract": ("合同编号", "合同号", "合同编码", "合同代码", "合同", "contract", "contractno",
                 "contractcode", "leaseno", "leasecode", "lease"),
    "month": ("月份", "销售月份", "营业月份", "年月", "所属月份", "期间", "month", "period",
              "salesmonth", "yearmonth"),
    "amount": ("营业额", "销售额", "月营业额", "月销售额", "营业收入", "销售收入", "销售金额",
               "sales", "amount", "turnover", "revenue", "grosssales"),
}
_WHOLE_ONLY = frozenset({"lease", "month", "period", "sales", "amount", "turnover", "revenue",
                         "contract"})
SOURCE_ENTERED = "entered"  # a figure typed into the sales panel
_CHUNK = 500  # codes or ids per IN (…)


class SalesImportError(UserError):
    """A sales file that cannot be read, or lacks a column; nothing read, nothing written."""


class SalesRowStatus(StrEnum):
    NEW = "new"  # the month had no figure: added
    CORRECTION = "correction"  # the month had another figure: replaced (before → after)
    UNCHANGED = "unchanged"  # the same figure is there already
    REJECTED = "rejected"


@dataclass(frozen=True)
class SalesLine:
    """A row of the file, typed; ``reasons`` name the cells that did not read."""

    row_number: int  # as the spreadsheet shows it
    code: str
    month: date | None  # the month's first day
    amount: Decimal | None
    reasons: tuple[Message, ...] = ()


@dataclass(frozen=True)
class SalesSheet:
    """What was read: the header found, each field's column, the rows under it."""

    path: Path
    sheet: str  # "" for a CSV
    header_row: int  # 1-based
    headers: tuple[str, ...]
    columns: Mapping[str, str]  # field → header as written
    rows: tuple[SalesLine, ...]
    skipped: tuple[int, ...] = ()  # empty lines and totals (合计)


@dataclass(frozen=True)
class SalesRowReport:
    """One row and what became of it (or would, in a rehearsal)."""

    row_number: int
    code: str
    month: date | None
    amount: Decimal | None
    status: SalesRowStatus
    reasons: tuple[Message, ...] = ()
    before: Decimal | None = None  # the month's figure before a correction
    contract_id: uuid.UUID | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "row": self.row_number, "contract": self.code,
            "month": self.month.isoformat()[:7] if self.month else None,
            "amount": None if self.amount is None else str(self.amount),
            "status": self.status.value,
            "before": None if self.before is None else str(self.before),
            "reasons": [{"code": r.code, "message": r.message, "params": dict(r.params)}
                        for r in self.reasons],
        }


@dataclass(frozen=True)
class SalesImportReport:
    """A sales file rehearsed or imported: each row's fate."""

    path: Path
    sheet: str
    header_row: int
    columns: Mapping[str, str]
    rows: tuple[SalesRowReport, ...]
    dry_run: bool
    skipped: tuple[int, ...] = ()
    contracts: tuple[uuid.UUID, ...] = ()  # the contracts whose sales the import changed

    def count(self, status: SalesRowStatus) -> int:
        return sum(1 for r in self.rows if r.status is status)

    @property
    def added(self) -> int:
        return self.count(SalesRowStatus.NEW)

    @property
    def corrected(self) -> int:
        return self.count(SalesRowStatus.CORRECTION)

    @property
    def unchanged(self) -> int:
        return self.count(SalesRowStatus.UNCHANGED)

    @property
    def rejected(self) -> int:
        return self.count(SalesRowStatus.REJECTED)

    @property
    def written(self) -> int:
        """Rows that change a figure (added or corrected)."""
        return self.added + self.corrected

    def to_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path), "sheet": self.sheet, "header_row": self.header_row,
            "columns": dict(self.columns), "dry_run": self.dry_run,
            "counts": {"rows": len(self.rows), "added": self.added,
                       "corrected": self.corrected, "unchanged": self.unchanged,
                       "rejected": self.rejected, "skipped": len(self.skipped)},
            "rows": [r.to_json() for r in self.rows],
        }


# -- reading -----------------------------------------------------------------------------


def _header_field(header: str) -> tuple[str, int] | None:
    """The field a header names and how sure: a whole-header word beats a word inside one."""
    text = squash(header)
    bare = re.sub(r"[(（\[【].*?[)）\]】]", "", text)
    best: tuple[str, int] | None = None
    for name, words in ALIASES.items():
        for word in words:
            if word in (text, bare):
                score = 1000 + len(word)
            elif word not in _WHOLE_ONLY and word in bare:
                score = len(word)
            else:
                continue
            if best is None or score > best[1]:
                best = (name, score)
    return best


def guess_columns(headers: Iterable[str]) -> dict[str, str]:
    """Each field's column from the header words; a column serves one field, surest first."""
    found = []
    for position, header in enumerate(headers):
        if header is None or not str(header).strip():
            continue
        named = _header_field(str(header))
        if named is not None:
            found.append((named[1], -position, named[0], str(header)))
    columns: dict[str, str] = {}
    for _score, _position, name, header in sorted(found, reverse=True):
        if name not in columns and header not in columns.values():
            columns[name] = header
    return {k: columns[k] for k in FIELDS if k in columns}


def read_month(value: Any) -> date | None:
    """A month cell: 2027-01, 2027/1, 2027.1, 2027年1月, 202701, any date in the month, an
    Excel day number; None when empty. The month's first day."""
    if isinstance(value, datetime):
        return value.date().replace(day=1)
    if isinstance(value, date):
        return value.replace(day=1)
    if isinstance(value, int) and not isinstance(value, bool) and 190001 <= value <= 210012:
        return _year_month(value // 100, value % 100, str(value))
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        found = read_date(value)
        return None if found is None else found.replace(day=1)
    text = cell_text(value)
    if text.lower() in EMPTY_WORDS:
        return None
    month = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(份)?", text)
    if month is not None:
        return _year_month(int(month[1]), int(month[2]), text)
    if re.fullmatch(r"\d{6}", text):
        return _year_month(int(text[:4]), int(text[4:]), text)
    found = read_date(text)
    return None if found is None else found.replace(day=1)


def _year_month(year: int, month: int, text: str) -> date:
    if not 1 <= month <= 12:
        raise Unreadable(text)
    return date(year, month, 1)


def _reason(code: str, message: str, **params: object) -> Message:
    return Message(code, message, {k: str(v) for k, v in params.items()})


def _file_error(exc: RentRollError) -> SalesImportError:
    """The rent roll reader's refusal, said of a sales file."""
    code = exc.code.replace("rent-roll-", "sales-", 1) if exc.code else "sales-unreadable"
    return SalesImportError(str(exc), code, **exc.params)


def read_sales(path: Path | str) -> SalesSheet:
    """The sales file's rows under its header, typed.

    Raises
    ------
    SalesImportError
        The file is missing, of another kind, unreadable or empty, or lacks a column.
    """
    path = Path(path)
    if not path.is_file():
        raise SalesImportError(f"{path}: no such file", "sales-no-file", file=path.name)
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            tables = [("", read_csv_rows(path))]
        elif suffix in (".xlsx", ".xlsm", ".xls"):
            tables = read_excel_rows(path)
        else:
            raise SalesImportError(f"{path.name} is not an Excel (.xlsx, .xls) or CSV file",
                                   "sales-format", file=path.name)
    except RentRollError as exc:
        raise _file_error(exc) from exc
    chosen: tuple[str, list[list[Any]], int, dict[str, str]] | None = None
    for sheet, cells in tables:
        for index, line in enumerate(cells[:HEADER_SCAN]):
            columns = guess_columns(cell_text(v) for v in line)
            if columns and (chosen is None or len(columns) > len(chosen[3])):
                chosen = (sheet, cells, index, columns)
            if len(columns) == len(FIELDS):
                break
        if chosen is not None and len(chosen[3]) == len(FIELDS):
            break
    if chosen is None:
        if not any(display_width(line) for _sheet, cells in tables for line in cells):
            raise SalesImportError(f"{path.name}: the file is empty", "sales-empty",
                                   file=path.name)
        raise SalesImportError(
            f"{path.name}: no header naming the contract, the month and the sales",
            "sales-columns-missing", file=path.name, fields=", ".join(FIELDS), columns="")
    sheet, cells, at, _guessed = chosen
    width = max((display_width(line) for line in cells[at:]), default=0)
    headers = unique_headers(list(cells[at][:width]) + [None] * (width - len(cells[at])))
    columns = guess_columns(headers)
    missing = [f for f in FIELDS if f not in columns]
    if missing:
        raise SalesImportError(
            f"{path.name}: no column for {', '.join(missing)} (columns: {', '.join(headers)})",
            "sales-columns-missing", file=path.name, fields=", ".join(missing),
            columns=", ".join(headers))
    rows, skipped = [], []
    for index in range(at + 1, len(cells)):
        line = cells[index]
        values = dict(zip(headers, line, strict=False))
        code = cell_text(values.get(columns["contract"]))
        if display_width(line) == 0 or code.lower() in SKIP_CODES:
            skipped.append(index + 1)
            continue
        rows.append(_typed(index + 1, code, values, columns))
    return SalesSheet(path, sheet, at + 1, tuple(headers), columns, tuple(rows),
                      tuple(skipped))


def _typed(row_number: int, code: str, values: Mapping[str, Any],
           columns: Mapping[str, str]) -> SalesLine:
    reasons: list[Message] = []
    if not code:
        reasons.append(_reason("missing-value", "contract: empty", field="contract"))
    month_cell, amount_cell = values.get(columns["month"]), values.get(columns["amount"])
    month = amount = None
    try:
        month = read_month(month_cell)
    except Unreadable:
        reasons.append(_reason("unparseable", f"month: cannot read “{cell_text(month_cell)}”",
                               field="month", value=cell_text(month_cell)))
    else:
        if month is None:
            reasons.append(_reason("missing-value", "month: empty", field="month"))
    try:
        amount = read_decimal(amount_cell)
    except Unreadable:
        reasons.append(_reason("unparseable", f"sales: cannot read “{cell_text(amount_cell)}”",
                               field="amount", value=cell_text(amount_cell)))
    else:
        if amount is None:
            reasons.append(_reason("missing-value", "sales: empty", field="amount"))
        elif amount < 0:
            reasons.append(_reason("negative-sales", f"sales {amount} below zero",
                                   amount=amount))
        else:
            amount = money(amount)
    return SalesLine(row_number, code, month, amount, tuple(reasons))


# -- judging -----------------------------------------------------------------------------


@dataclass
class _Lease:
    """What a row needs to know of its contract, read once for the whole file."""

    id: uuid.UUID
    starts_on: date
    last_day: date  # the end, or the termination
    turnover_from: list[tuple[date, bool]] = field(default_factory=list)  # version → clause?

    def has_turnover(self, month: date) -> bool:
        """Whether a version in force during ``month`` has a turnover clause."""
        month_end = _month_end(month)
        spans = sorted(self.turnover_from)
        for n, (effective, turnover) in enumerate(spans):
            until = spans[n + 1][0] - timedelta(days=1) if n + 1 < len(spans) else date.max
            if turnover and effective <= month_end and until >= month:
                return True
        return False


def _month_end(month: date) -> date:
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return following - timedelta(days=1)


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


def _leases(session: Session, park_id: uuid.UUID, codes: Iterable[str]) -> dict[str, _Lease]:
    wanted = sorted({c for c in codes if c})
    found: dict[str, _Lease] = {}
    drafts: dict[uuid.UUID, dict[str, Any] | None] = {}
    for chunk in _chunks(wanted):
        for row in session.scalars(select(Contract).where(
                Contract.park_id == park_id, Contract.code.in_(chunk), ~Contract.archived)):
            last = min(row.ends_on, row.terminated_on) if row.terminated_on else row.ends_on
            found[row.code] = _Lease(row.id, row.starts_on, last)
            if row.status is ContractStatus.DRAFT:
                drafts[row.id] = row.terms
    by_id = {lease.id: lease for lease in found.values()}
    for chunk in _chunks(list(by_id)):
        for contract_id, effective, terms in session.execute(
                select(ContractVersion.contract_id, ContractVersion.effective_on,
                       ContractVersion.terms).where(ContractVersion.contract_id.in_(chunk))):
            by_id[contract_id].turnover_from.append((effective, bool((terms or {}).get(
                "turnover"))))
    for contract_id, terms in drafts.items():  # a draft's working copy is its only version
        lease = by_id[contract_id]
        lease.turnover_from.append((lease.starts_on, bool((terms or {}).get("turnover"))))
    return found


def _figures(session: Session, ids: Iterable[uuid.UUID]
             ) -> dict[tuple[uuid.UUID, date], SalesReport]:
    rows: dict[tuple[uuid.UUID, date], SalesReport] = {}
    for chunk in _chunks(sorted(set(ids))):
        for row in session.scalars(select(SalesReport).where(
                SalesReport.contract_id.in_(chunk))):
            rows[(row.contract_id, row.month)] = row
    return rows


def _judge(session: Session, sheet: SalesSheet
           ) -> tuple[list[SalesRowReport], dict[tuple[uuid.UUID, date], SalesReport]]:
    """Every row judged against the contracts and figures read once for the file."""
    park_id = contracts.park_id_of(session)
    leases = _leases(session, park_id, (r.code for r in sheet.rows))
    figures = _figures(session, (lease.id for lease in leases.values()))
    rows_of: dict[tuple[str, date], list[int]] = {}
    for line in sheet.rows:
        if line.code and line.month is not None:
            rows_of.setdefault((line.code, line.month), []).append(line.row_number)
    reports = []
    for line in sheet.rows:
        reasons = list(line.reasons)
        lease = leases.get(line.code) if line.code else None
        if line.code and lease is None:
            reasons.append(_reason("no-contract", f"no contract {line.code} in the park",
                                   contract=line.code))
        if lease is not None and line.month is not None:
            if line.month > lease.last_day or _month_end(line.month) < lease.starts_on:
                reasons.append(_reason(
                    "month-outside-term", f"{line.month.isoformat()[:7]} is outside the term "
                    f"{lease.starts_on.isoformat()} – {lease.last_day.isoformat()}",
                    month=line.month.isoformat()[:7], starts_on=lease.starts_on.isoformat(),
                    ends_on=lease.last_day.isoformat()))
            elif not lease.has_turnover(line.month):
                reasons.append(_reason("not-turnover", f"contract {line.code} has no turnover "
                                       f"rent in {line.month.isoformat()[:7]}",
                                       contract=line.code, month=line.month.isoformat()[:7]))
        if line.code and line.month is not None:
            others = [n for n in rows_of[(line.code, line.month)] if n != line.row_number]
            if others:
                said = ", ".join(str(n) for n in others)
                reasons.append(_reason("month-twice", f"{line.code} {line.month.isoformat()[:7]}"
                                       f" is also on row {said}", contract=line.code,
                                       month=line.month.isoformat()[:7], rows=said))
        contract_id = lease.id if lease is not None else None
        if reasons or lease is None or line.month is None or line.amount is None:
            reports.append(SalesRowReport(line.row_number, line.code, line.month, line.amount,
                                          SalesRowStatus.REJECTED, tuple(reasons),
                                          contract_id=contract_id))
            continue
        existing = figures.get((lease.id, line.month))
        before = None if existing is None or existing.archived else existing.amount
        status = (SalesRowStatus.NEW if before is None else SalesRowStatus.UNCHANGED
                  if before == line.amount else SalesRowStatus.CORRECTION)
        reports.append(SalesRowReport(line.row_number, line.code, line.month, line.amount,
                                      status, (), before, lease.id))
    return reports, figures


def rehearse_sales(workspace: Workspace, path: Path | str) -> SalesImportReport:
    """Every row judged as the import would judge it; nothing is written.

    Raises
    ------
    SalesImportError
        The file cannot be read or lacks a column.
    """
    sheet = read_sales(path)
    with workspace.reading() as session:
        rows, _figures_read = _judge(session, sheet)
    return SalesImportReport(sheet.path, sheet.sheet, sheet.header_row, sheet.columns,
                             tuple(rows), True, sheet.skipped)


def import_sales(workspace: Workspace, path: Path | str) -> SalesImportReport:
    """Write the good rows in one transaction: a new month is added, a corrected one replaced
    (the report says before → after), the same figure left alone.

    Raises
    ------
    SalesImportError
        The file cannot be read or lacks a column; nothing is written.
    """
    sheet = read_sales(path)
    changed: list[uuid.UUID] = []
    with workspace.transaction() as session:
        rows, figures = _judge(session, sheet)
        for row in rows:
            if (row.status not in (SalesRowStatus.NEW, SalesRowStatus.CORRECTION)
                    or row.contract_id is None or row.month is None or row.amount is None):
                continue
            source = f"import:{sheet.path.name}#{row.row_number}"[:200]
            contracts.put_sales(session, row.contract_id, row.month, row.amount, source,
                                figures.get((row.contract_id, row.month)))
            if row.contract_id not in changed:
                changed.append(row.contract_id)
    return SalesImportReport(sheet.path, sheet.sheet, sheet.header_row, sheet.columns,
                             tuple(rows), False, sheet.skipped, tuple(changed))


# -- what the panel and the dialog show --------------------------------------------------


def sales_of(session: Session, contract_id: uuid.UUID) -> list[tuple[date, Decimal, str]]:
    """The contract's reported sales by month, oldest first: (month, amount, source)."""
    return [(row.month, row.amount, row.source) for row in session.scalars(
        select(SalesReport).where(SalesReport.contract_id == contract_id, ~SalesReport.archived)
        .order_by(SalesReport.month))]


def indices_of(session: Session, park_id: uuid.UUID, series: str = contracts.CPI
               ) -> list[tuple[int, Decimal]]:
    """The park's index by year, oldest first."""
    return [(row.year, row.value) for row in session.scalars(
        select(PriceIndex).where(PriceIndex.park_id == park_id, PriceIndex.series == series,
                                 ~PriceIndex.archived).order_by(PriceIndex.year))]


def at_floor(session: Session, park_id: uuid.UUID) -> dict[int, int]:
    """For each year whose CPI is not entered, how many signed CPI contracts bill an
    adjustment at their floor until it is (a correction line follows once it is)."""
    waiting: dict[int, int] = {}
    cpi = (EscalationKind.CPI_CHANGE.value, EscalationKind.CPI_RATIO.value)
    for contract in session.scalars(select(Contract).where(
            Contract.park_id == park_id, ~Contract.archived,
            Contract.status != ContractStatus.DRAFT)):
        clause = (contract.terms or {}).get("escalation") or {}
        if clause.get("kind") not in cpi:
            continue
        schedule = contracts.schedule_of(session, contract.id)
        years = {int(p.params["year"]) for p in schedule.problems if p.code == "cpi-unknown"
                 and (contract.terminated_on is None
                      or date.fromisoformat(p.params["from"]) <= contract.terminated_on)}
        for year in years:
            waiting[year] = waiting.get(year, 0) + 1
    return dict(sorted(waiting.items()))
