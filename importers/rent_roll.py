"""Rent rolls (租金台账) from Excel or CSV: columns recognised by their headers, cells read.

A park moving to Leasemap brings its leases as a spreadsheet: one row per
contract, headers in Chinese or English, often under a title line or two,
dates and amounts typed every way a person types them. This module finds the
header row, maps the columns to the fields a contract needs
(:func:`guess_mapping`, overridden by a person's choice), and reads each row
into typed values (:func:`parse_row`), naming every cell it cannot read. It
knows nothing of the workspace: ``services.rent_roll`` looks the units and
tenants up, validates each row as a contract and writes the good ones.

Reading: ``.xlsx`` through openpyxl in read-only mode (the engine pandas uses;
the frame pandas builds around it adds nothing here), ``.xls`` through xlrd
with each cell made what openpyxl gives for it (:func:`read_excel_rows`),
``.csv`` in UTF-8 (with or without BOM) or GBK/GB18030 through the ``csv``
module, since a preamble line has fewer fields than the table under it. A file that cannot be
read, or that lacks a required column, raises :class:`RentRollError` (a
``UserError``) naming the problem.

>>> guess_mapping(["合同编号", "承租方", "房号", "计租面积(㎡)", "起租日", "到期日",
...                "租金单价(元/㎡/月)", "付款方式"]).columns["rate"]
'租金单价(元/㎡/月)'
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from domain.leasing.clauses import (
    Basis,
    Charge,
    ChargeKind,
    Cycle,
    Escalation,
    EscalationKind,
    RentFree,
    RentFreeKind,
    RentTerms,
)
from domain.leasing.schedule import add_months
from domain.money import money, rate
from runtime.messages import UserError

# The fields a row is read into, in the order a mapping table lists them.
FIELDS: tuple[str, ...] = (
    "code", "tenant", "units", "area", "signed_on", "delivered_on", "rent_starts_on",
    "ends_on", "rate", "cycle", "rent_free", "escalation", "deposit", "property_fee",
)
# Without these a row is no contract. The term's start is delivery or rent start: one of the
# two columns must be there (a missing one is reported as ``rent_starts_on``).
REQUIRED: tuple[str, ...] = ("code", "tenant", "units", "rent_starts_on", "ends_on", "rate")
START_FIELDS = ("delivered_on", "rent_starts_on")

# Header words per field, compared without spaces and case; a header containing several
# fields' words goes to the longest word it contains ("物业费单价" is the property fee, not
# the rent's 单价; "rent start" is the rent start, not the rent).
ALIASES: dict[str, tuple[str, ...]] = {
    "code": ("合同编号", "合同号", "合同编码", "合同代码", "contract", "contractno",
             "contractcode", "leaseno", "leasecode", "leaseid"),
    "tenant": ("租户", "承租方", "承租人", "租户名称", "客户名称", "客户", "乙方", "tenant",
               "lessee", "tenantname", "customer"),
    "units": ("单元", "房号", "房间号", "房间", "单元号", "单元编号", "铺位号", "铺位", "unit",
              "units", "unitcode", "room", "suite"),
    "area": ("面积", "计租面积", "租赁面积", "建筑面积", "area", "billablearea", "leasedarea",
             "sqm"),
    "signed_on": ("签约日期", "签约日", "签订日期", "签署日期", "签约时间", "signed",
                  "signedon", "signingdate", "signdate"),
    "delivered_on": ("交付日期", "交付日", "交房日期", "交房日", "delivered", "deliveredon",
                     "delivery", "handover"),
    "rent_starts_on": ("起租日", "起租日期", "计租开始", "计租日", "计租日期", "计租开始日",
                       "租期开始", "开始日期", "起始日", "rentstart", "rentstartson",
                       "rentstartdate", "commencement", "start", "startdate", "from"),
    "ends_on": ("到期日", "到期日期", "结束日期", "租期结束", "终止日期", "截止日期", "end",
                "enddate", "ends", "endson", "expiry", "expires", "to"),
    "rate": ("租金单价", "单价", "租金标准", "rent", "rate", "rentrate", "unitprice",
             "rentpersqm", "baserent"),
    "cycle": ("付款方式", "付款周期", "支付方式", "缴费周期", "付款", "cycle", "payment",
              "paymentcycle", "billing", "frequency"),
    "rent_free": ("免租期", "免租", "免租期限", "rentfree", "freeperiod", "rentfreeperiod"),
    "escalation": ("递增", "递增率", "租金递增", "涨幅", "escalation", "increase",
                   "escalations", "stepup"),
    "deposit": ("押金", "保证金", "租赁保证金", "履约保证金", "deposit", "securitydeposit"),
    "property_fee": ("物业费", "物业管理费", "物业费单价", "propertyfee", "managementfee",
                     "servicecharge"),
}
# Short English words must be the whole header or its first word ("Rent per m²", not
# "Deposit in months of rent"); the rest may be part of one ("计租面积(㎡)").
_WHOLE_ONLY = frozenset({"to", "from", "end", "start", "unit", "area", "rent", "rate", "room",
                         "sqm", "ends"})
_FIRST_WORD = frozenset({"rent", "rate", "area", "unit", "room", "start", "end"})
_DAILY = ("/天", "/日", "每天", "每日", "perday", "/day", "aday", "daily")
HEADER_SCAN = 30  # rows searched for the header under a title or notes
SKIP_CODES = frozenset({"合计", "总计", "小计", "total", "subtotal", "sum"})
EMPTY_WORDS = frozenset({"", "-", "—", "–", "/", "无", "没有", "none", "n/a", "na", "nil"})


class RentRollError(UserError):
    """A rent roll that cannot be read, or lacks a column a contract needs; nothing read."""


@dataclass(frozen=True)
class ColumnMapping:
    """Which column of the file holds each field (field → header as written in the file)."""

    columns: Mapping[str, str] = field(default_factory=dict)

    def column(self, name: str) -> str | None:
        return self.columns.get(name)

    def overridden(self, explicit: Mapping[str, str | None]) -> ColumnMapping:
        """This mapping with a person's choices on top: a field set to a column takes it (from
        any field that had it); a field set to None or "" has no column."""
        columns = dict(self.columns)
        for name, column in explicit.items():
            if name not in FIELDS:
                raise RentRollError(f"no field {name} in a rent roll (fields: "
                                    f"{', '.join(FIELDS)})", "rent-roll-no-field", field=name,
                                    fields=", ".join(FIELDS))
            if column:
                for other, taken in list(columns.items()):
                    if taken == column and other != name and other not in explicit:
                        del columns[other]
                columns[name] = column
            else:
                columns.pop(name, None)
        return ColumnMapping({k: columns[k] for k in FIELDS if k in columns})

    def missing(self) -> tuple[str, ...]:
        """The required fields without a column (a start date counts when either is there)."""
        gone = [f for f in REQUIRED if f not in self.columns]
        if "rent_starts_on" in gone and "delivered_on" in self.columns:
            gone.remove("rent_starts_on")
        return tuple(gone)

    def daily(self) -> bool:
        """Whether the rent column says its price is per m² per day (元/㎡/天)."""
        header = squash(self.columns.get("rate", ""))
        return any(word in header for word in _DAILY)


@dataclass(frozen=True)
class RawRow:
    """One row of the sheet as written: its row number (as the spreadsheet shows it) and
    each column's cell (``None`` when empty), so a rejected row is written back unchanged."""

    row_number: int
    values: dict[str, Any]


@dataclass(frozen=True)
class RentRollSheet:
    """What was read: the rows under the header, the mapping used, what it lacks."""

    path: Path
    sheet: str  # the sheet's name; "" for a CSV
    header_row: int  # the header's row number (1-based)
    headers: tuple[str, ...]
    rows: tuple[RawRow, ...]
    mapping: ColumnMapping
    unmapped_required: tuple[str, ...]
    skipped: tuple[int, ...] = ()  # empty lines and total lines (合计) under the header


@dataclass(frozen=True)
class Finding:
    """A cell that does not read, or a required one left empty: ``field`` names it."""

    code: str  # missing-value | unparseable | rent-free-conflict | escalation-unsupported
    field: str
    params: dict[str, str]
    message: str


@dataclass(frozen=True)
class RentRollRow:
    """A row's values, typed; ``findings`` says which cells did not read.

    ``rent_free`` holds the periods already placed in time: months or days counted from the
    term's start, date ranges as given, and the fit-out from delivery to the day before
    rent start that the two dates imply.
    """

    row_number: int
    code: str
    tenant: str
    unit_codes: tuple[str, ...]
    area: Decimal | None
    signed_on: date | None
    delivered_on: date | None
    rent_starts_on: date | None
    ends_on: date | None
    rate: Decimal | None
    basis: Basis
    cycle: Cycle
    rent_free: tuple[RentFree, ...]
    escalation: Escalation | None
    deposit: Decimal | None
    deposit_months: Decimal | None
    property_fee: Decimal | None
    findings: tuple[Finding, ...]

    @property
    def starts_on(self) -> date | None:
        """The term's start: delivery, or rent start when there is no fit-out."""
        return self.delivered_on or self.rent_starts_on

    @property
    def first_rent_day(self) -> date | None:
        return self.rent_starts_on or self.delivered_on


# -- mapping -----------------------------------------------------------------------------


def squash(text: str) -> str:
    """A header as compared: lower case, without spaces, underscores, dashes and dots."""
    return re.sub(r"[\s_\-.·:：]+", "", str(text)).lower()


def _header_field(header: str) -> tuple[str, int] | None:
    """The field a header names and how long the word that says so is (longer is surer)."""
    text = squash(header)
    bare = re.sub(r"[(（\[【].*?[)）\]】]", "", text)  # "面积(㎡)" → "面积"
    first = next(iter(re.findall(r"[a-z]+", str(header).lower())), "")
    best: tuple[str, int] | None = None
    for name, words in ALIASES.items():
        for word in words:
            if word in (text, bare):
                score = 1000 + len(word)
            elif (word not in _WHOLE_ONLY and word in bare) or (
                    word == first and word in _FIRST_WORD):  # "Rent per m² per month"
                score = len(word)
            else:
                continue
            if best is None or score > best[1]:
                best = (name, score)
    return best


def guess_mapping(headers: Iterable[str]) -> ColumnMapping:
    """Each field's column, from the header words; each column serves one field at most, the
    surest match first (a whole-header match beats a word inside a header)."""
    candidates = []
    for position, header in enumerate(headers):
        if header is None or not str(header).strip():
            continue
        found = _header_field(str(header))
        if found is not None:
            candidates.append((found[1], -position, found[0], str(header)))
    columns: dict[str, str] = {}
    for _score, _position, name, header in sorted(candidates, reverse=True):
        if name not in columns and header not in columns.values():
            columns[name] = header
    return ColumnMapping({k: columns[k] for k in FIELDS if k in columns})


# -- reading -----------------------------------------------------------------------------


def read_rent_roll(path: Path | str, mapping: ColumnMapping | Mapping[str, str | None] | None
                   = None, *, require: bool = True) -> RentRollSheet:
    """The sheet's rows under its header, and the columns mapped to fields.

    ``mapping`` overrides the guess field by field (a person's choice in the dialog or
    ``--map``). With ``require`` (the default) a required field without a column raises;
    without it the sheet comes back with ``unmapped_required`` for a person to fix.

    Raises
    ------
    RentRollError
        The file is missing, of another kind, unreadable, or empty; a mapped column is not
        in the file; or (``require``) a required field has no column.
    """
    path = Path(path)
    if not path.is_file():
        raise RentRollError(f"{path}: no such file", "rent-roll-no-file", file=path.name)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        tables = [("", read_csv_rows(path))]
    elif suffix in (".xlsx", ".xlsm", ".xls"):
        tables = read_excel_rows(path)
    else:
        raise RentRollError(f"{path.name} is not an Excel (.xlsx, .xls) or CSV file",
                            "rent-roll-format", file=path.name)
    explicit = (mapping.columns if isinstance(mapping, ColumnMapping) else mapping) or {}
    chosen = None
    for sheet, cells in tables:
        found = _header(cells, explicit)
        if found is not None and (chosen is None or found[1] > chosen[2]):
            chosen = (sheet, cells, found[1], found[0])
    if chosen is None:
        raise RentRollError(f"{path.name}: the file is empty", "rent-roll-empty",
                            file=path.name)
    sheet, cells, _count, at = chosen
    width = max((display_width(line) for line in cells[at:]), default=0)  # no empty right columns
    headers = unique_headers(list(cells[at][:width]) + [None] * (width - len(cells[at])))
    guessed = guess_mapping(headers)
    final = guessed.overridden(explicit) if explicit else guessed
    absent = [c for c in final.columns.values() if c not in headers]
    if absent:
        raise RentRollError(f"{path.name}: no column {', '.join(absent)} (columns: "
                            f"{', '.join(headers)})", "rent-roll-no-column", file=path.name,
                            column=", ".join(absent), columns=", ".join(headers))
    missing = final.missing()
    if missing and require:
        raise RentRollError(
            f"{path.name}: no column for {', '.join(missing)} (columns: {', '.join(headers)})",
            "rent-roll-columns-missing", file=path.name, fields=", ".join(missing),
            columns=", ".join(headers))
    rows, skipped = [], []
    code_column = final.column("code")
    for index in range(at + 1, len(cells)):
        line = cells[index]
        values = dict(zip(headers, line, strict=False))
        if len(line) < len(headers):
            values.update(dict.fromkeys(headers[len(line):]))
        code = cell_text(values.get(code_column)) if code_column else ""
        if display_width(line) == 0 or code.lower() in SKIP_CODES:
            skipped.append(index + 1)
            continue
        rows.append(RawRow(index + 1, values))
    return RentRollSheet(path, sheet, at + 1, tuple(headers), tuple(rows), final, missing,
                         tuple(skipped))


def display_width(line: Sequence[Any]) -> int:
    """How many cells of a line reach its last one holding anything (cells are None when
    empty: :func:`_cell`, :func:`read_csv_rows`)."""
    for position in range(len(line) - 1, -1, -1):
        if line[position] is not None:
            return position + 1
    return 0


def read_csv_rows(path: Path) -> list[list[Any]]:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string of pairs; kept for safety
        raise RentRollError(f"{path.name}: neither UTF-8 nor GBK text", "rent-roll-encoding",
                            file=path.name)
    if "\x00" in text:
        raise RentRollError(f"{path.name}: not a text file", "rent-roll-unreadable",
                            file=path.name, detail="binary data")
    sample = text[:20000]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
        # The sniffer often misses a doubled quote ("=""8,888.88""", as Excel and banks
        # write a number kept as text); without an escape character doubling is the only
        # way a quote gets into a cell, so it is always on.
        dialect.doublequote = True
    except csv.Error:  # lines of another shape above the table (a bank's preamble)
        dialect = _by_table(sample)
    return [[cell if cell.strip() else None for cell in line]
            for line in csv.reader(io.StringIO(text), dialect)]


def _by_table(sample: str) -> type[csv.Dialect]:
    """The dialect whose delimiter splits the most lines of the sample into one same number
    (more than one) of fields: the table's, whatever the lines above it hold. Comma first on
    a tie (and when nothing splits)."""
    lines = sample.splitlines()[:-1] or sample.splitlines()  # the last may be cut
    best, best_count = csv.excel, 0
    for dialect in (csv.excel, csv.excel_tab, _Semicolon):
        widths: dict[int, int] = {}
        for line in csv.reader(lines, dialect):
            if len(line) > 1:
                widths[len(line)] = widths.get(len(line), 0) + 1
        count = max(widths.values(), default=0)
        if count > best_count:
            best, best_count = dialect, count
    return best


class _Semicolon(csv.excel):
    delimiter = ";"


def read_excel_rows(path: Path) -> list[tuple[str, list[list[Any]]]]:
    """Every sheet's cells, row by row from the sheet's first row (row numbers stay as the
    spreadsheet shows them), each cell as :func:`_cell` makes it.

    .xlsx through openpyxl in read-only mode (what pandas would call, without a frame around
    it); .xls through xlrd, each cell turned into what openpyxl gives for the same cell in an
    .xlsx (:func:`_read_xls`). A file is read by what it holds, not by its name: an .xlsx
    renamed .xls is read as one (and an .xls renamed .xlsx), and an ".xls" that is really
    tab- or comma-separated text (as some banks and ERPs export) is read as a CSV. Bank
    statements go through here too.

    Raises
    ------
    RentRollError
        ``rent-roll-unreadable``, naming the file and the problem: a damaged or encrypted
        workbook, an HTML page saved as .xls, anything that is not a workbook.
    """
    head = _head(path)
    if head.startswith(_OLE2):  # an .xls, whatever its name says
        return _read_xls(path)
    if head.startswith(_ZIP) or path.suffix.lower() != ".xls":
        return _read_xlsx(path)
    if head[:2] in _BIFF_OLD:
        return _read_xls(path)
    kind = _text_kind(head)
    if kind == "html":
        raise RentRollError(
            f"{path.name}: cannot read the workbook (an HTML page saved with an .xls name; "
            "open it in Excel and save it as .xlsx)", "rent-roll-unreadable", file=path.name,
            detail="an HTML page saved with an .xls name; open it in Excel and save it as "
                   ".xlsx")
    if kind == "text":
        return [("", read_csv_rows(path))]
    return _read_xls(path)  # xlrd says what is wrong with it


_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # every .xls since Excel 97 (and most before)
_BIFF_OLD = frozenset({b"\x09\x00", b"\x09\x02", b"\x09\x04"})  # bare BIFF2-4 worksheets


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as file:
            return file.read(4096)
    except OSError as exc:
        raise RentRollError(f"{path.name}: cannot read the workbook ({exc.strerror})",
                            "rent-roll-unreadable", file=path.name,
                            detail=str(exc.strerror)) from exc


def _text_kind(head: bytes) -> str:
    """"html", "text" (comma- or tab-separated lines) or "" (binary) for a file's start."""
    if not head or b"\x00" in head:
        return ""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = head.decode(encoding)
            break
        except UnicodeDecodeError as exc:
            if exc.start >= len(head) - 4:  # a character cut at the end of the sample
                text = head[:exc.start].decode(encoding)
                break
    else:
        return ""
    lowered = text.lstrip().lower()
    if lowered.startswith(("<!doctype html", "<html", "<table", "<?xml", "<meta")) or (
            "<table" in lowered and "<td" in lowered):
        return "html"
    printable = sum(1 for c in text if c.isprintable() or c in "\r\n\t")
    return "text" if printable >= 0.95 * len(text) else ""


def _read_xlsx(path: Path) -> list[tuple[str, list[list[Any]]]]:
    from openpyxl import load_workbook

    try:  # opened by us: openpyxl refuses a path by its suffix (an .xlsx named .xls)
        with path.open("rb") as file:
            book = load_workbook(file, read_only=True, data_only=True, keep_links=False)
            try:
                tables = []
                for sheet in book.worksheets:
                    sheet.reset_dimensions()  # some writers state a wrong used range
                    tables.append((sheet.title, [[_cell(v) for v in row]
                                                 for row in sheet.iter_rows(values_only=True)]))
            finally:
                book.close()
    except Exception as exc:  # every reader's own error: the file is not what it says
        raise RentRollError(f"{path.name}: cannot read the workbook ({exc})",
                            "rent-roll-unreadable", file=path.name, detail=str(exc)) from exc
    return tables


def _read_xls(path: Path) -> list[tuple[str, list[list[Any]]]]:
    """An .xls (BIFF) workbook through xlrd, each cell as openpyxl gives it from an .xlsx.

    Not through ``pandas.read_excel(engine="xlrd")``: pandas 3 deprecates that engine, and
    its frame turns the texts "NA", "N/A", "null" … into NaN (a tenant called NA would
    vanish). So, as the .xlsx path does: whole numbers as ``int`` (xlrd keeps every number a
    float), booleans as ``bool``, error cells as their text ("#DIV/0!"), empty cells as
    None, and date cells through openpyxl's own ``from_excel`` with the workbook's epoch
    (1900 or 1904): a datetime, a time for a time of day alone, a timedelta under a
    duration format ("[h]:mm"). Merged cells hold their value in the first cell only, as
    openpyxl's read-only sheets do.
    """
    import xlrd
    from openpyxl.styles.numbers import is_timedelta_format
    from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_excel

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    except Exception as exc:  # xlrd's own errors, and struct/OLE errors of a damaged file
        raise RentRollError(f"{path.name}: cannot read the workbook ({exc})",
                            "rent-roll-unreadable", file=path.name, detail=str(exc)) from exc
    epoch = MAC_EPOCH if book.datemode == 1 else WINDOWS_EPOCH
    durations: dict[int, bool] = {}  # xf index → its format is a duration ("[h]:mm")

    def duration(xf_index: int) -> bool:
        if xf_index not in durations:
            xf = book.xf_list[xf_index] if xf_index < len(book.xf_list) else None
            shown = book.format_map.get(xf.format_key) if xf is not None else None
            durations[xf_index] = bool(shown and is_timedelta_format(shown.format_str))
        return durations[xf_index]

    def value(sheet: Any, row: int, column: int, kind: int, raw: Any) -> Any:
        if kind == xlrd.XL_CELL_NUMBER:
            return int(raw) if raw.is_integer() else raw
        if kind == xlrd.XL_CELL_DATE:
            try:
                return from_excel(raw, epoch, timedelta=duration(
                    sheet.cell_xf_index(row, column)))
            except (OverflowError, ValueError):
                return "#VALUE!"  # openpyxl's word for a date serial out of range
        if kind == xlrd.XL_CELL_BOOLEAN:
            return bool(raw)
        if kind == xlrd.XL_CELL_ERROR:
            return xlrd.error_text_from_code.get(raw, "#N/A")
        if kind == xlrd.XL_CELL_TEXT:
            return raw
        return None  # empty, blank

    try:
        tables = []
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            tables.append((sheet.name, [
                [_cell(value(sheet, r, c, kind, raw)) for c, (kind, raw) in enumerate(
                    zip(sheet.row_types(r), sheet.row_values(r), strict=True))]
                for r in range(sheet.nrows)]))
            book.unload_sheet(index)
    except Exception as exc:  # a sheet damaged past its header records
        raise RentRollError(f"{path.name}: cannot read the workbook ({exc})",
                            "rent-roll-unreadable", file=path.name, detail=str(exc)) from exc
    finally:
        book.release_resources()
    return tables


def _cell(value: Any) -> Any:
    """A cell as plain Python: None for empty (NaN, NaT, blank), dates as dates."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, datetime):  # pandas' Timestamp is one
        try:
            return value.to_pydatetime() if hasattr(value, "to_pydatetime") else value
        except ValueError:
            return None
    if type(value).__name__ == "NaTType":
        return None
    return value


def _header(cells: Sequence[Sequence[Any]], explicit: Mapping[str, str | None]
            ) -> tuple[int, int] | None:
    """The header row's index and how many fields it names: the first row naming the most
    within :data:`HEADER_SCAN` rows (a row holding every column a person chose wins)."""
    wanted = {c for c in explicit.values() if c}
    best: tuple[int, int] | None = None
    first = None
    for index, line in enumerate(cells[:HEADER_SCAN]):
        texts = [cell_text(v) for v in line]
        if not any(texts):
            continue
        if first is None:
            first = index
        if wanted and wanted <= set(texts):
            return index, len(FIELDS) + 1
        count = len(guess_mapping(texts).columns)
        if count >= 2 and (best is None or count > best[1]):
            best = (index, count)
    if best is None and first is not None:
        return first, 0
    return best


def unique_headers(line: Sequence[Any]) -> list[str]:
    """Header texts, each once: an empty one is "column N", a repeated one gets " (2)"."""
    names: list[str] = []
    for position, value in enumerate(line):
        name = cell_text(value) or f"column {position + 1}"
        base, n = name, 2
        while name in names:
            name, n = f"{base} ({n})", n + 1
        names.append(name)
    return names


# -- cells -------------------------------------------------------------------------------


def cell_text(value: Any) -> str:
    """A cell as text: a whole float without its ".0" (a code typed as a number)."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer():
            return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() \
            else value.isoformat(sep=" ")
    return str(value).strip()


class Unreadable(ValueError):
    """A cell that does not read as the field's kind of value."""


_EXCEL_EPOCH = date(1899, 12, 30)
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                   r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")


def read_date(value: Any) -> date | None:
    """A date cell: a date, 2026-03-01, 2026/3/1, 2026.3.1, 2026年3月1日, 20260301, or an
    Excel day number; None when empty. Day-month orders (1/3/2026) are refused: ambiguous."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise Unreadable(str(value))
    if isinstance(value, int | float | Decimal):
        number = Decimal(str(value))
        if number == number.to_integral_value():
            whole = int(number)
            if 20000 <= whole <= 80000:
                return _EXCEL_EPOCH + timedelta(days=whole)
            if 19000101 <= whole <= 21001231:
                return _yyyymmdd(str(whole))
        raise Unreadable(cell_text(value))
    text = cell_text(value)
    if text.lower() in EMPTY_WORDS:
        return None
    if re.fullmatch(r"\d{8}", text):
        return _yyyymmdd(text)
    found = _DATE.fullmatch(text)
    if found is None:
        raise Unreadable(text)
    try:
        return date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError as exc:
        raise Unreadable(text) from exc


def _yyyymmdd(text: str) -> date:
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError as exc:
        raise Unreadable(text) from exc


_UNIT_WORDS = re.compile(
    r"(元\s*/\s*(㎡|m²|m2|平方米|平米)\s*(/\s*(月|天|日))?|/\s*(㎡|m²|m2|平方米|平米)"
    r"(\s*/\s*(月|天|日))?|㎡|m²|m2|sqm|平方米|平米|rmb|cny|元|¥|￥|\$|/\s*(月|天|日)|"
    r"每月|每天|permonth|perday|/month|/day)", re.IGNORECASE)


def read_decimal(value: Any) -> Decimal | None:
    """A number cell: 1,234.50, ¥95, 95元/㎡/月, 125.4㎡; None when empty."""
    if isinstance(value, bool):
        raise Unreadable(str(value))
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise Unreadable(str(value))
        return Decimal(repr(value))
    text = cell_text(value)
    if text.lower() in EMPTY_WORDS:
        return None
    bare = _UNIT_WORDS.sub("", text.replace(",", "").replace("，", "")).strip()
    bare = bare.replace(" ", "")
    if not re.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)", bare):
        raise Unreadable(text)
    try:
        return Decimal(bare)
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits numbers only
        raise Unreadable(text) from exc


_CYCLES: tuple[tuple[Cycle, tuple[str, ...]], ...] = (
    (Cycle.HALF_YEARLY, ("半年", "halfyear", "half-year", "semiannual", "semi-annual",
                         "biannual", "6个月", "六个月")),
    (Cycle.QUARTERLY, ("季", "quarter", "3个月", "三个月")),
    (Cycle.YEARLY, ("年", "year", "annual")),
    (Cycle.MONTHLY, ("月", "month")),
)
_PAY = re.compile(r"付\s*(\d+|[一二两三六])")  # 押二付三: pay three months at a time
_CHINESE_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "六": 6}


def read_cycle(value: Any) -> Cycle | None:
    """A payment cycle: 月付, 季付, 半年付, 年付, 押二付三, monthly, quarterly …; None when
    empty (monthly then)."""
    text = squash(cell_text(value))
    if text in EMPTY_WORDS:
        return None
    paid = _PAY.search(text)
    if paid is not None:
        months = int(paid[1]) if paid[1].isdigit() else _CHINESE_DIGITS[paid[1]]
        by_months = {1: Cycle.MONTHLY, 3: Cycle.QUARTERLY, 6: Cycle.HALF_YEARLY,
                     12: Cycle.YEARLY}
        if months in by_months:
            return by_months[months]
        raise Unreadable(cell_text(value))
    for cycle, words in _CYCLES:
        if any(word in text for word in words):
            return cycle
    raise Unreadable(cell_text(value))


_RANGE = re.compile(r"(.+?)\s*(?:~|～|至|到|—|–|\bto\b|-(?=\s*\d{4}))\s*(.+)")
_SPAN = re.compile(r"(\d+(?:\.\d+)?)\s*(个月|个月份|月|months?|mos?|天|日|days?)", re.I)


def read_rent_free(value: Any, starts_on: date | None) -> tuple[list[RentFree], bool]:
    """The rent-free periods a cell gives, and whether one is counted from the term's start.

    Months (3, 3个月, 3 months) and days (90天) run from ``starts_on``; a range
    (2026-03-01~2026-05-31, …至…) is taken as written; several are separated by ; or ,.
    """
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        parts = [cell_text(value)]
    else:
        text = cell_text(value)
        if text.lower() in EMPTY_WORDS:
            return [], False
        parts = [p.strip() for p in re.split(r"[;；,，、\n]", text) if p.strip()]
    periods, from_start = [], False
    for part in parts:
        if part.lower() in EMPTY_WORDS or part in ("0", "0个月", "0天"):
            continue
        ranged = _RANGE.fullmatch(part)
        if ranged is not None and _DATE.search(ranged[1]) and _DATE.search(ranged[2]):
            first, last = read_date(ranged[1].strip()), read_date(ranged[2].strip())
            if first is None or last is None:
                raise Unreadable(part)
            periods.append(RentFree(first, last, RentFreeKind.OTHER))
            continue
        span = _SPAN.fullmatch(part)
        number = span[1] if span else part if re.fullmatch(r"\d+(\.0+)?", part) else None
        if number is None or starts_on is None:
            raise Unreadable(part)
        count = Decimal(number)
        if count != count.to_integral_value() or count <= 0:
            raise Unreadable(part)
        days = bool(span) and span[2].lower().startswith(("天", "日", "day"))
        end = (starts_on + timedelta(days=int(count) - 1) if days
               else add_months(starts_on, int(count)) - timedelta(days=1))
        periods.append(RentFree(starts_on, end, RentFreeKind.FIT_OUT))
        from_start = True
    return periods, from_start


_PERCENT = re.compile(r"([0-9]+(?:\.[0-9]+)?)\s*[%％]")
_EVERY = re.compile(r"每\s*([2-9两二三四五]|\d{2,})\s*年|every\s*([2-9]|\d{2,})\s*years?|"
                    r"/\s*([2-9]|\d{2,})\s*(年|years?)", re.I)
_AMOUNT = re.compile(r"([0-9]+(?:\.[0-9]+)?)\s*元")


def read_escalation(value: Any) -> Escalation | None:
    """An escalation cell: 5%/年, 每年递增5%, 5% (a year, on each anniversary), +2元/㎡/年 (an
    amount a year); None when empty or nil. Other intervals (每两年) and CPI clauses are
    refused: the clause engine has them, a rent-roll cell does not say enough."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        number = read_decimal(value)
        if number is None or number == 0:
            return None
        # 0.05 typed in a cell formatted as a percentage arrives as 0.05: 5 %
        percent = number * 100 if number < 1 else number
        return Escalation(EscalationKind.FIXED_PERCENT, percent=percent.normalize())
    text = cell_text(value)
    lowered = text.lower().replace(" ", "")
    if lowered in EMPTY_WORDS or lowered in ("0", "0%", "不递增", "不涨", "固定"):
        return None
    if _EVERY.search(lowered) or "cpi" in lowered:
        raise Unreadable(text)
    percent = _PERCENT.search(lowered)
    if percent is not None and len(_PERCENT.findall(lowered)) == 1:
        figure = Decimal(percent[1])
        return None if figure == 0 else Escalation(EscalationKind.FIXED_PERCENT,
                                                   percent=figure)
    amount = _AMOUNT.search(lowered)
    if amount is not None and len(_AMOUNT.findall(lowered)) == 1:
        return Escalation(EscalationKind.FIXED_AMOUNT, amount=Decimal(amount[1]))
    raise Unreadable(text)


_MONTHS = re.compile(r"(?:押\s*)?(\d+(?:\.\d+)?|[一二两三六])\s*(个月|月|months?)?", re.I)


def read_deposit(value: Any) -> tuple[Decimal | None, Decimal | None]:
    """A deposit: an amount, or months of rent (3个月, 押三, 3 months): (amount, months)."""
    text = cell_text(value)
    if isinstance(value, str) and re.search(r"个月|月|押|months?", text, re.I):
        found = _MONTHS.fullmatch(text.replace(" ", "")) or _MONTHS.search(text)
        if found is None or (found[2] is None and "押" not in text):
            raise Unreadable(text)
        word = found[1]
        months = Decimal(_CHINESE_DIGITS[word]) if word in _CHINESE_DIGITS else Decimal(word)
        return None, months
    return read_decimal(value), None


def split_units(value: Any) -> tuple[str, ...]:
    """Unit codes in one cell, separated by 、 , ; / + (full-width too)."""
    text = cell_text(value)
    return tuple(p.strip() for p in re.split(r"[、,，;；/／+＋\n]", text) if p.strip())


# -- rows --------------------------------------------------------------------------------


_LABELS = {
    "code": "contract code", "tenant": "tenant", "units": "units", "area": "area",
    "signed_on": "signing date", "delivered_on": "delivery date",
    "rent_starts_on": "rent start", "ends_on": "end date", "rate": "rent per m²",
    "cycle": "payment cycle", "rent_free": "rent-free", "escalation": "escalation",
    "deposit": "deposit", "property_fee": "property fee",
}


def field_label(name: str) -> str:
    """A field's English name, as the report's English text says it."""
    return _LABELS.get(name, name)


def parse_row(raw: RawRow, mapping: ColumnMapping) -> RentRollRow:
    """One row's typed values, and a finding for each required cell left empty or any cell
    that does not read (a row with findings is reported, never imported)."""
    findings: list[Finding] = []

    def cell(name: str) -> Any:
        column = mapping.column(name)
        return None if column is None else raw.values.get(column)

    def read(name: str, reader: Any, *args: Any) -> Any:
        value = cell(name)
        try:
            return reader(value, *args)
        except Unreadable:
            findings.append(Finding("unparseable", name, {"field": name, "value": cell_text(value)},
                                    f"{field_label(name)}: cannot read “{cell_text(value)}”"))
            return None

    def need(name: str, value: Any) -> None:
        if value is None or value == "" or value == ():
            findings.append(Finding("missing-value", name, {"field": name},
                                    f"{field_label(name)}: empty"))

    code, tenant = cell_text(cell("code")), re.sub(r"\s+", " ", cell_text(cell("tenant")))
    units = split_units(cell("units"))
    need("code", code)
    need("tenant", tenant)
    need("units", units)
    area = read("area", read_decimal)
    signed = read("signed_on", read_date)
    delivered = read("delivered_on", read_date)
    rent_start = read("rent_starts_on", read_date)
    ends = read("ends_on", read_date)
    price = read("rate", read_decimal)
    if delivered is None and rent_start is None and not _failed(findings, START_FIELDS):
        need("delivered_on" if mapping.column("rent_starts_on") is None else "rent_starts_on",
             None)
    if ends is None and not _failed(findings, ("ends_on",)):
        need("ends_on", None)
    if price is None and not _failed(findings, ("rate",)):
        need("rate", None)
    cycle = read("cycle", read_cycle) or Cycle.MONTHLY
    start = delivered or rent_start
    free = read("rent_free", read_rent_free, start)
    periods, from_start = free if free is not None else ([], False)
    periods = _with_fit_out(periods, from_start, delivered, rent_start, findings)
    escalation = read("escalation", read_escalation)
    deposit = read("deposit", read_deposit)
    deposit_amount, deposit_months = deposit if deposit is not None else (None, None)
    fee = read("property_fee", read_decimal)
    return RentRollRow(
        raw.row_number, code, tenant, units,
        None if area is None else area.quantize(Decimal("0.01")),
        signed, delivered, rent_start, ends,
        None if price is None else rate(price),
        Basis.PER_SQM_DAY if mapping.daily() else Basis.PER_SQM_MONTH, cycle,
        tuple(sorted(periods, key=lambda p: p.starts_on)), escalation,
        None if deposit_amount is None else money(deposit_amount), deposit_months,
        None if fee is None else rate(fee), tuple(findings))


def _failed(findings: Sequence[Finding], names: Iterable[str]) -> bool:
    return any(f.field in names for f in findings)


def _with_fit_out(periods: list[RentFree], from_start: bool, delivered: date | None,
                  rent_start: date | None, findings: list[Finding]) -> list[RentFree]:
    """The rent-free periods with the fit-out the dates imply (delivery to the day before
    rent start). A period counted from the term's start must be that same fit-out: when it
    ends elsewhere the row says two things, and is reported."""
    if delivered is None or rent_start is None or rent_start <= delivered:
        return periods
    fit_out = RentFree(delivered, rent_start - timedelta(days=1), RentFreeKind.FIT_OUT)
    counted = [p for p in periods if p.kind is RentFreeKind.FIT_OUT and from_start]
    others = [p for p in periods if p not in counted]
    for period in counted:
        if period.ends_on != fit_out.ends_on:
            findings.append(Finding(
                "rent-free-conflict", "rent_free",
                {"ends_on": period.ends_on.isoformat(),
                 "rent_starts_on": rent_start.isoformat()},
                f"rent-free: ends on {period.ends_on.isoformat()} but rent starts on "
                f"{rent_start.isoformat()}"))
            return periods
    others = [p for p in others if (p.starts_on, p.ends_on) != (fit_out.starts_on,
                                                                 fit_out.ends_on)]
    return [fit_out, *others]


def row_terms(row: RentRollRow, area: Decimal) -> RentTerms:
    """The rent terms a parsed row (without findings) stands for, over ``area`` m²."""
    if row.starts_on is None or row.ends_on is None or row.rate is None:
        raise ValueError(f"row {row.row_number} lacks its dates or rent")
    charges = () if not row.property_fee else (
        Charge(ChargeKind.PROPERTY_FEE, row.property_fee, per_sqm=True),)
    return RentTerms(area, row.rate, row.starts_on, row.ends_on, basis=row.basis,
                     cycle=row.cycle, rent_free=row.rent_free, escalation=row.escalation,
                     charges=charges)


def row_deposit(row: RentRollRow, area: Decimal) -> Decimal:
    """The deposit: as written, or months of the first rent (area × price; per day × 30)."""
    if row.deposit is not None:
        return row.deposit
    if row.deposit_months is not None and row.rate is not None:
        monthly = area * row.rate * (30 if row.basis is Basis.PER_SQM_DAY else 1)
        return money(monthly * row.deposit_months)
    return Decimal("0.00")
