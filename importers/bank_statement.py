"""Bank statements (银行流水) from CSV or Excel: the receipts of an account, read into rows.

A park's bank account is exported from the bank's web site as a CSV (GBK or UTF-8, often
under preamble lines: account number, 户名, the date range), an old .xls or an .xlsx. Each
bank names its columns its own way, so the columns are recognised by their header words
(:data:`ALIASES`: 交易日期/记账日期, 贷方金额/收入金额 or a signed 交易金额, 对方户名/对手信息,
摘要/用途/附言, 流水号 …); a file whose headers say too little is read through a
:class:`ColumnMapping` a person chose (the service remembers it per account, in its JSON
form). Only receipts become rows: money paid out, and any row whose date or amount cannot
be read, is a :class:`SkippedRow` with its reason; blank lines and the totals under the
table (合计, 总计, 笔数 …) are ignored. A file that cannot be read, or that lacks a date,
amount or payer column, raises :class:`BankStatementError` naming the file and the
columns, and nothing is returned.

**The account first.** A mapping is remembered per account, and an export often names
its account in the preamble (招商银行's does). :func:`open_statement` reads the file's
cells once; :func:`statement_account` peeks at its preamble before any mapping is known
(above the header when its words are recognised, else above the first line about as
wide as the table); :func:`read_bank_statement` then reads the same cells with the
mapping remembered for that account.

Cells arrive padded in every way banks pad them to keep Excel from reformatting numbers (a
tab in front, ``="0012"``, a leading apostrophe, spaces, full-width digits, thousands
separators); :func:`clean` and :func:`read_amount` undo it. The readers are the rent
roll's (:func:`importers.rent_roll.read_csv_rows`, :func:`~importers.rent_roll.read_excel_rows`):
the encoding is sniffed, an .xls is read by its content through xlrd.

**Idempotency keys.** Each row's :attr:`BankRow.key` is what makes a second import of the
same file create nothing new. With a bank reference it is ``ref:<reference>|<date>|<amount>``:
the date and amount are in it because some banks number their serials per day, or give one
voucher number to a whole batch, and a reference alone would then swallow a later, other
receipt. Without one it is ``h:`` and a hash of (date, amount, counterparty, balance). Two
rows of one file with the same key (two identical transfers the same day, no balance
column) are both receipts: the second gets ``#2``, the third ``#3``, in the order they
occur in the file, so re-reading the file gives the same keys and both are imported. (A
later file holding only one of the two gives it the first key: it is taken as already
imported, which is right when it is the same transfer.) The service keys per account.

>>> mapping = guess_mapping(["记账日期", "货币", "交易金额", "联机余额", "交易摘要", "对手信息",
...                          "客户摘要"])
>>> mapping.columns["amount"], mapping.columns["payer"], mapping.columns["remarks"]
(('交易金额',), ('对手信息',), ('交易摘要', '客户摘要'))
>>> read_amount('="¥1,234.50" ')
Decimal('1234.50')
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from domain.money import money
from importers.rent_roll import (
    RentRollError,
    Unreadable,
    cell_text,
    read_csv_rows,
    read_date,
    read_excel_rows,
    squash,
    unique_headers,
)
from runtime.messages import UserError

# The fields a statement's columns are read into. ``amount`` is a signed amount (positive =
# received) and ``direction`` an optional 借/贷 flag beside it; ``credit`` and ``debit`` are
# the two-column layout. Only ``remarks`` may take several columns (joined).
FIELDS: tuple[str, ...] = (
    "booked_on", "amount", "credit", "debit", "direction", "payer", "payer_account",
    "remarks", "reference", "balance", "currency",
)
MULTI_COLUMN = frozenset({"remarks"})
AMOUNT_FIELDS = ("credit", "amount")  # either says what came in
REQUIRED: tuple[str, ...] = ("booked_on", "amount", "payer")  # amount: credit or amount

# Header words per field, compared squashed (:func:`_forms`). A column goes to the field
# whose word says the most (a whole header, then the longest word); among the columns of one
# field the word listed first wins (记账日期 before 交易时间, which some banks fill with the time
# of day alone; 交易流水号 before 凭证号, which some banks give a whole batch).
ALIASES: dict[str, tuple[str, ...]] = {
    "booked_on": ("记账日期", "入账日期", "交易日期", "发生日期", "记账日", "交易日", "日期",
                  "记账时间", "入账时间", "交易时间", "date", "bookingdate", "bookeddate",
                  "postingdate", "transactiondate", "txndate", "valuedate", "tradedate"),
    "credit": ("贷方金额", "收入金额", "贷方发生额", "存入金额", "收款金额", "入账金额",
               "转入金额", "记账金额收入", "交易金额收入", "金额收入", "贷方", "收入", "存入",
               "credit", "credits", "creditamount", "deposit", "deposits", "moneyin",
               "paidin", "incoming"),
    "debit": ("借方金额", "支出金额", "借方发生额", "取出金额", "付款金额", "转出金额",
              "出账金额", "记账金额支出", "交易金额支出", "金额支出", "借方", "支出", "debit",
              "debits", "debitamount", "withdrawal", "withdrawals", "moneyout", "paidout",
              "outgoing"),
    "amount": ("记账金额", "交易金额", "发生额", "交易额", "收支金额", "金额", "amount",
               "transactionamount", "txnamount"),
    "direction": ("借贷标志", "借贷方向", "借贷标记", "借贷", "收支标志", "收支方向", "收支",
                  "交易方向", "drcr", "crdr", "debitcredit", "creditdebit", "direction"),
    "payer": ("对方户名", "对手信息", "对方账户名称", "付款人名称", "对方账户名", "对方名称",
              "对方户名称", "对手户名", "对方单位名称", "对方单位", "对方账户户名", "付款方名称",
              "收付方名称", "对手方名称", "交易对方", "对方姓名", "付款人", "付款方", "付款单位",
              "payer", "payee", "payername", "payeename", "payerpayee", "payeepayer",
              "counterparty", "counterpartyname", "beneficiary", "remitter", "name"),
    "payer_account": ("对方账号", "对方帐号", "对方账户", "对方卡号", "对手账号", "付款人账号",
                      "付款方账号", "付款账号", "收付方账号", "收付方帐号", "对方账户账号",
                      "payeraccount", "payeeaccount", "counterpartyaccount"),
    "remarks": ("摘要", "用途", "附言", "交易摘要", "客户摘要", "备注", "交易附言", "交易用途",
                "汇款附言", "交易备注", "附言用途", "用途附言", "摘要说明", "description",
                "narrative", "memo", "remarks", "remark", "details", "particulars", "purpose",
                "note", "notes"),
    "reference": ("交易流水号", "账户明细编号交易流水号", "银行流水号", "业务流水号", "流水号",
                  "交易参考号", "参考号", "交易编号", "交易单号", "交易订单号", "凭证号码",
                  "凭证号", "reference", "ref", "referenceno", "refno", "transactionid",
                  "transactionno", "serialno", "journalno"),
    "balance": ("余额", "联机余额", "账户余额", "交易后余额", "本次余额", "当前余额", "可用余额",
                "balance", "runningbalance", "availablebalance"),
    "currency": ("币种", "货币", "币别", "记账币种", "交易币种", "货币种类", "currency", "ccy",
                 "cur"),
}
# Words that name a field only as the whole header ("金额", not "手续费金额"); every English
# word is whole-only too ("credit", not "credit card no").
_WHOLE_ONLY = frozenset({"日期", "金额", "贷方", "借方", "收入", "支出", "存入", "借贷", "收支",
                         "付款人", "付款方", "交易日", "记账日"})
HEADER_SCAN = 60  # rows searched for the header under the preamble
# A row whose date does not read and which holds one of these is a total, not a transaction.
SUMMARY_WORDS = ("合计", "总计", "小计", "笔数", "共计", "本页", "累计", "以下空白", "以下无",
                 "total", "subtotal", "count")
_EMPTY = frozenset({"", "-", "—", "–", "/", "--", "无", "null", "none", "n/a", "nan"})

_LABELS = {
    "booked_on": "date", "amount": "amount", "credit": "credit amount",
    "debit": "debit amount", "direction": "debit/credit flag", "payer": "payer",
    "payer_account": "payer's account", "remarks": "remarks", "reference": "reference",
    "balance": "balance", "currency": "currency",
}


def field_label(name: str) -> str:
    """A field's English name, as messages say it."""
    return _LABELS.get(name, name)


class BankStatementError(UserError):
    """A statement that cannot be read, or lacks a column a receipt needs: nothing read."""


@dataclass(frozen=True)
class ColumnMapping:
    """Which columns hold each field: field → the headers as written in the file (one each,
    several only for ``remarks``, whose texts are joined).

    The JSON form (:meth:`to_json`) is what the service stores per account: a header for a
    one-column field, a list for remarks of several columns.
    """

    columns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, columns: Mapping[str, str | Sequence[str] | None]) -> ColumnMapping:
        """A mapping from field → header (or a list of headers for remarks); a field set to
        None or "" has no column."""
        out: dict[str, tuple[str, ...]] = {}
        for name, value in columns.items():
            if name not in FIELDS:
                raise BankStatementError(
                    f"no field {name} in a bank statement (fields: {', '.join(FIELDS)})",
                    "bank-statement-no-field", field=name, fields=", ".join(FIELDS))
            headers = (value,) if isinstance(value, str) else tuple(value or ())
            headers = tuple(h for h in headers if h)
            if not headers:
                continue
            if len(headers) > 1 and name not in MULTI_COLUMN:
                raise BankStatementError(
                    f"{field_label(name)} takes one column, not {', '.join(headers)}",
                    "bank-statement-one-column", field=name, columns=", ".join(headers))
            out[name] = headers
        return cls({k: out[k] for k in FIELDS if k in out})

    def column(self, name: str) -> str | None:
        found = self.columns.get(name)
        return found[0] if found else None

    def missing(self) -> tuple[str, ...]:
        """The required fields without a column (``amount`` is there with a credit column)."""
        gone = [f for f in REQUIRED if not self.columns.get(f)]
        if "amount" in gone and self.columns.get("credit"):
            gone.remove("amount")
        return tuple(gone)

    def overridden(self, explicit: ColumnMapping) -> ColumnMapping:
        """This (guessed) mapping with a person's choices on top. A column a person gave a
        field leaves any other guessed field; choosing any of amount/credit/debit/direction
        replaces all four guessed ones (the person has said how money is written)."""
        columns = dict(self.columns)
        if any(name in explicit.columns for name in ("amount", "credit", "debit", "direction")):
            for name in ("amount", "credit", "debit", "direction"):
                columns.pop(name, None)
        chosen = {h for headers in explicit.columns.values() for h in headers}
        for name, headers in list(columns.items()):
            if name not in explicit.columns:
                kept = tuple(h for h in headers if h not in chosen)
                if kept:
                    columns[name] = kept
                else:
                    del columns[name]
        for name, headers in explicit.columns.items():
            if headers:
                columns[name] = headers
            else:
                columns.pop(name, None)
        return ColumnMapping({k: columns[k] for k in FIELDS if k in columns})

    def to_json(self) -> str:
        return json.dumps({k: (v[0] if len(v) == 1 else list(v))
                           for k, v in self.columns.items()}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> ColumnMapping:
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise BankStatementError(f"not a column mapping: {exc}", "bank-statement-mapping",
                                     detail=str(exc)) from exc
        if not isinstance(data, dict) or not all(
                isinstance(v, str) or (isinstance(v, list) and all(isinstance(h, str)
                                                                   for h in v))
                for v in data.values()):
            raise BankStatementError("not a column mapping: field → header(s) expected",
                                     "bank-statement-mapping",
                                     detail="field → header(s) expected")
        return cls.of(data)


@dataclass(frozen=True)
class BankRow:
    """One receipt as the bank wrote it.

    ``line`` is the row's number in the file (the sheet's row number for Excel, the CSV
    record's for a CSV); ``amount`` is what came in, > 0, to the cent; ``payer`` is the
    counterparty's name, with an account number the bank ran into it ("张三 6666…", as 招商银行's
    对手信息 does) moved to ``payer_account``; ``key`` is the idempotency key (see the module).
    """

    line: int
    booked_on: date
    amount: Decimal
    currency: str
    payer: str
    remarks: str
    reference: str
    balance: Decimal | None
    key: str
    payer_account: str = ""


@dataclass(frozen=True)
class SkippedRow:
    """A row that is not a receipt, or cannot be read as one: why, as a code and its params.

    Codes: ``bank-row-debit`` (money paid out), ``bank-row-date`` (no readable date),
    ``bank-row-amount`` (no readable amount), ``bank-row-zero`` (an amount of nothing),
    ``bank-row-cents`` (an amount below a cent), ``bank-row-two-amounts`` (both the debit and
    the credit filled), ``bank-row-direction`` (a 借/贷 flag that says neither).
    """

    line: int
    code: str
    params: Mapping[str, str]
    message: str


@dataclass(frozen=True)
class BankStatement:
    """What a file holds: its receipts, the rows skipped and why, the mapping used."""

    rows: tuple[BankRow, ...]
    skipped: tuple[SkippedRow, ...]
    mapping: ColumnMapping
    account: str | None  # the account number the preamble names, if it names one
    account_name: str | None = None  # the account holder (户名), if the preamble names one
    path: Path | None = None
    sheet: str = ""  # the sheet read ("" for a CSV)
    header_line: int = 0  # the header's row number (1-based)
    headers: tuple[str, ...] = ()
    ignored: tuple[int, ...] = ()  # blank lines and totals (合计) under the header


# -- cells ---------------------------------------------------------------------------------


_FORMULA_TEXT = re.compile(r'^=\s*"(.*)"$', re.S)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def clean(value: Any) -> str:
    """A cell as its text without the padding banks add: surrounding spaces and tabs (a
    tab in front keeps Excel from reading a number), ``="…"`` (Excel's text formula), zero-
    width characters. Names and remarks are kept as written (full-width brackets too)."""
    if value is None:
        return ""
    text = value.strip() if type(value) is str else cell_text(value)
    if not text.isascii():
        text = text.translate(_INVISIBLE).strip()
    if text[:1] == "=":
        found = _FORMULA_TEXT.match(text)
        if found is not None:
            text = found[1].strip()
    return text


def plain(value: Any) -> str:
    """:func:`clean`, with full-width digits, letters and signs made plain (NFKC): how a
    number, date, flag or header word is compared."""
    text = clean(value)
    return text if text.isascii() else unicodedata.normalize("NFKC", text).strip()


_CURRENCY_MARKS = re.compile(r"(?i)^(?:rmb|cny|¥|￥|元|\$|usd|hkd|eur)|"
                             r"(?:rmb|cny|元|¥|usd|hkd|eur)$")
_PLAIN_AMOUNT = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d*)?|\.\d+")


def read_amount(value: Any) -> Decimal | None:
    """An amount cell, exactly: 1,234.50, "1,234.50", =\"1234.50\", ¥1234.5, 1 234.50,
    (1,234.50) or 1,234.50- for a negative; None when empty. Thousands separators must
    group by three ("12,34" is refused: a decimal comma or a typo, not an amount).

    >>> read_amount("\\t-1,000.00"), read_amount("(12.50)"), read_amount(1234.5)
    (Decimal('-1000.00'), Decimal('-12.50'), Decimal('1234.5'))
    """
    if value is None:
        return None
    if type(value) is str:
        text = plain(value)
        if _PLAIN_AMOUNT.fullmatch(text):  # most cells: -1,234.50
            return Decimal(text.replace(",", ""))
        return _read_amount_text(text)
    if isinstance(value, bool):
        raise Unreadable(str(value))
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise Unreadable(str(value))
        return Decimal(repr(value))
    return _read_amount_text(plain(value))


def _read_amount_text(text: str) -> Decimal | None:
    if _PLAIN_AMOUNT.fullmatch(text):
        return Decimal(text.replace(",", ""))
    if text.lower() in _EMPTY:
        return None
    bare = text.lstrip("'").replace("，", ",").replace("\u00a0", "").replace(" ", "")
    bare = bare.replace("\u2009", "").replace("\u202f", "").replace("'", "")
    bare = _CURRENCY_MARKS.sub("", bare)  # ¥(12.50), RMB-12.50 …
    negative = bare.startswith("(") and bare.endswith(")")
    if negative:
        bare = _CURRENCY_MARKS.sub("", bare[1:-1])
    sign = ""
    if bare.startswith(("+", "-")):
        sign, bare = bare[0], bare[1:]
    elif bare.endswith(("+", "-")):
        sign, bare = bare[-1], bare[:-1]
    bare = _CURRENCY_MARKS.sub("", bare)
    if (negative and sign) or not _GROUPED.fullmatch(bare):
        raise Unreadable(text)
    try:
        number = Decimal(bare.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits numbers only
        raise Unreadable(text) from exc
    return -number if negative or sign == "-" else number


def _cents(number: Decimal, raw: Any) -> Decimal | None:
    """The amount to the cent; None when it has a fraction of a cent. A float cell of an
    .xlsx may carry binary noise (0.30000000000000004): that rounds to its cent."""
    cents = money(number)
    if cents == number:
        return cents
    if isinstance(raw, float) and abs(cents - number) < Decimal("0.000001"):
        return cents
    return None


_TIME_AFTER_DAY = re.compile(r"(\d{8})(?:\s+|T)?\d{1,2}:?\d{2}:?\d{2}$")


def read_booked_on(value: Any) -> date | None:
    """A date cell as :func:`importers.rent_roll.read_date` reads it, and the banks' other
    forms: 20240101 10:20:30, 20240101102030, a tab or ``="…"`` around it."""
    if isinstance(value, datetime | date) or value is None:
        return read_date(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return read_date(value)
    text = plain(value).lstrip("'")
    if len(text) == 10 and text[4] == text[7] == "-":  # most cells: 2024-01-31
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    found = _TIME_AFTER_DAY.fullmatch(text)
    if found is not None:
        text = found[1]
    return read_date(text)


def _sign(value: Any) -> int | None:
    """A 借/贷 flag: +1 for money in (贷, 收, C, CR, credit, +), −1 for money out; None if
    empty."""
    text = squash(plain(value))
    if text in _EMPTY:
        return None
    if text in ("贷", "贷方", "收", "收入", "入", "进", "存", "c", "cr", "credit", "+", "in"):
        return 1
    if text in ("借", "借方", "支", "支出", "出", "付", "取", "d", "dr", "debit", "-", "out"):
        return -1
    raise Unreadable(clean(value))


_TRAILING_ACCOUNT = re.compile(r"^(.*?\D)[\s/:：,，-]*(\d[\d*]{7,})$")


def split_payer(text: str) -> tuple[str, str]:
    """A counterparty cell as (name, account): a run of eight or more digits the bank wrote
    after the name is its account ("北京住房公积金管理中心1111111111").

    >>> split_payer("张三 66666666666666")
    ('张三', '66666666666666')
    """
    text = re.sub(r"\s+", " ", text).strip()
    found = _TRAILING_ACCOUNT.match(text)
    if found is None or not found[1].strip():
        return text, ""
    return found[1].strip(), found[2]


_CURRENCIES = {"人民币": "CNY", "rmb": "CNY", "cny": "CNY", "156": "CNY", "¥": "CNY",
               "元": "CNY", "美元": "USD", "usd": "USD", "840": "USD", "港币": "HKD",
               "港元": "HKD", "hkd": "HKD", "欧元": "EUR", "eur": "EUR", "日元": "JPY",
               "jpy": "JPY", "英镑": "GBP", "gbp": "GBP"}


def read_currency(value: Any, default: str) -> str:
    """A currency cell as its ISO code (人民币, RMB, 156 → CNY); the default when empty."""
    text = plain(value)
    if text.lower() in _EMPTY:
        return default
    return _CURRENCIES.get(text.lower(), text.upper())


# -- mapping ---------------------------------------------------------------------------------


def _forms(header: str) -> tuple[str, ...]:
    """A header as compared: squashed; without what is in brackets ("贷方金额(元)"); with the
    brackets and slashes dropped but their words kept ("收(付)方名称", "Payer/Payee")."""
    text = squash(plain(header))
    bare = re.sub(r"[(（\[【<].*?[)）\]】>]", "", text)
    flat = re.sub(r"[()（）\[\]【】<>/／\\|]", "", text)
    return tuple(dict.fromkeys((text, bare, flat)))


def _candidates(header: str) -> list[tuple[int, int, int, str]]:
    """Each field a header may name, how surely, and how preferred its word is:
    (whole header?, word length, −rank, field)."""
    forms = _forms(header)
    found: dict[str, tuple[int, int, int]] = {}
    for name, words in ALIASES.items():
        for rank, word in enumerate(words):
            if word in forms:
                score = (2, len(word), -rank)
            elif word.isascii() or word in _WHOLE_ONLY:
                continue
            elif any(word in form for form in forms):
                score = (1, len(word), -rank)
            else:
                continue
            if name not in found or score > found[name]:
                found[name] = score
    return sorted(((*score, name) for name, score in found.items()), reverse=True)


def guess_mapping(headers: Iterable[Any]) -> ColumnMapping:
    """Each field's column from the header words. Each column names the field its surest
    word says (a whole header beats a word inside one, a longer word a shorter one: "借方发生额"
    is the debit, not the 发生额); of the columns naming one field, the one whose word is
    whole and listed first in :data:`ALIASES` takes it, and remarks take them all (in the
    file's order)."""
    claims: dict[str, list[tuple[tuple[int, int, int], str]]] = {}
    for position, header in enumerate(headers):
        text = clean(header)
        if not text:
            continue
        found = _candidates(text)
        if found:
            whole, _length, rank, name = found[0]
            claims.setdefault(name, []).append(((whole, rank, -position), text))
    columns: dict[str, tuple[str, ...]] = {}
    for name, claimed in claims.items():
        if name in MULTI_COLUMN:
            columns[name] = tuple(text for _score, text in sorted(
                claimed, key=lambda c: -c[0][2]))
        else:
            columns[name] = (max(claimed)[1],)
    if "credit" in columns:
        columns.pop("amount", None)  # credit/debit columns say it; a 交易金额 beside is a sum
        columns.pop("direction", None)
    return ColumnMapping({k: columns[k] for k in FIELDS if k in columns})


# -- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatementFile:
    """A bank export's cells, read once: what :func:`statement_account` peeks at and
    :func:`read_bank_statement` reads (a service looks the account's mapping up between)."""

    path: Path
    tables: tuple[tuple[str, list[list[Any]]], ...]  # (sheet, rows of cells); "" for a CSV


def open_statement(path: Path | str) -> StatementFile:
    """The file's cells, every sheet; raises :class:`BankStatementError` as
    :func:`read_bank_statement` does for a file it cannot read."""
    path = Path(path)
    return StatementFile(path, tuple(_tables(path)))


def statement_account(source: StatementFile | Path | str) -> str | None:
    """The account number the file's preamble names, before its columns are known (the
    first sheet naming one); None when no preamble names one. The preamble is the lines
    above the header when its words are recognised, else above the first line about as
    wide as the table (:func:`_table_start`): a table of headers nobody recognises has
    only its remembered mapping to be read with, and that is found by this account.
    """
    file = source if isinstance(source, StatementFile) else open_statement(source)
    for _sheet, cells in file.tables:
        found = _header(cells, ColumnMapping())
        at = found[0] if found is not None and found[1] > (0, 0) else _table_start(cells)
        account, _holder = _preamble(cells[:at or 0])
        if account is not None:
            return account
    return None


def read_bank_statement(path: Path | str | StatementFile,
                        mapping: ColumnMapping | None = None, *,
                        currency: str = "CNY") -> BankStatement:
    """The receipts in a bank export (a path, or its cells already read by
    :func:`open_statement`), with the rows skipped and why.

    ``mapping`` overrides the guess field by field (a person's choice, remembered per
    account). ``currency`` is the account's when the file has no currency column.

    Raises
    ------
    BankStatementError
        ``bank-statement-no-file``, ``bank-statement-format`` (not CSV or Excel),
        ``bank-statement-unreadable``, ``bank-statement-empty``, ``bank-statement-no-column``
        (a mapped header is not in the file) or ``bank-statement-columns-missing`` (no date,
        amount or payer column): each naming the file, and the columns where it is about
        them. Nothing partial is returned.
    """
    source = path if isinstance(path, StatementFile) else open_statement(path)
    path, tables = source.path, source.tables
    explicit = mapping or ColumnMapping()
    chosen: tuple[tuple[int, int], str, list[list[Any]], int] | None = None
    for sheet, cells in tables:
        found = _header(cells, explicit)
        if found is not None and (chosen is None or found[1] > chosen[0]):
            chosen = (found[1], sheet, cells, found[0])
    if chosen is None:
        raise BankStatementError(f"{path.name}: the file is empty", "bank-statement-empty",
                                 file=path.name)
    _score, sheet, cells, at = chosen
    line = cells[at]
    width = max((_reach(row) for row in cells[at:]), default=0)
    headers = unique_headers([clean(v) or None for v in line[:width]]
                             + [None] * (width - len(line)))
    guessed = guess_mapping(headers)
    final = guessed.overridden(explicit) if explicit.columns else guessed
    absent = [h for hs in final.columns.values() for h in hs if h not in headers]
    if absent:
        raise BankStatementError(
            f"{path.name}: no column {', '.join(absent)} (columns: {', '.join(headers)})",
            "bank-statement-no-column", file=path.name, column=", ".join(absent),
            columns=", ".join(headers))
    missing = final.missing()
    if missing:
        labels = ", ".join(field_label(f) for f in missing)
        raise BankStatementError(
            f"{path.name}: no column for {labels} (columns: {', '.join(headers)})",
            "bank-statement-columns-missing", file=path.name, fields=", ".join(missing),
            labels=labels, columns=", ".join(headers))
    account, holder = _preamble(cells[:at])
    rows, skipped, ignored = _read_rows(cells, at, headers, final, currency)
    return BankStatement(tuple(rows), tuple(skipped), final, account, holder, path, sheet,
                         at + 1, tuple(headers), tuple(ignored))


def _tables(path: Path) -> list[tuple[str, list[list[Any]]]]:
    if not path.is_file():
        raise BankStatementError(f"{path}: no such file", "bank-statement-no-file",
                                 file=path.name)
    suffix = path.suffix.lower()
    try:
        if suffix in (".csv", ".txt"):
            return [("", read_csv_rows(path))]
        if suffix in (".xls", ".xlsx", ".xlsm"):
            return read_excel_rows(path)
    except RentRollError as exc:
        detail = exc.params.get("detail") or str(exc)
        raise BankStatementError(f"{path.name}: cannot read the statement ({detail})",
                                 "bank-statement-unreadable", file=path.name,
                                 detail=detail) from exc
    raise BankStatementError(f"{path.name} is not a CSV or Excel (.xls, .xlsx) file",
                             "bank-statement-format", file=path.name)


def _reach(line: Sequence[Any]) -> int:
    """How many cells of a line reach its last one holding anything (the readers give None
    for an empty cell, and for one of spaces or tabs only)."""
    for position in range(len(line) - 1, -1, -1):
        value = line[position]
        if value is not None and (type(value) is not str or clean(value)):
            return position + 1
    return 0


def _header(cells: Sequence[Sequence[Any]], explicit: ColumnMapping
            ) -> tuple[int, tuple[int, int]] | None:
    """The header row's index and how surely it is one: the row naming the most required
    fields, then the most fields, within :data:`HEADER_SCAN` rows, stopping at the first
    that names them all; a row holding every
    column a person chose wins. A row naming no date and no amount is no header (a
    preamble's 账号/户名/起始日期 lines are not), but the table's first line
    (:func:`_table_start`: under the preamble) stands in for one, scored (0, 0), so the
    error can list its columns and a mapping can be chosen from them."""
    wanted = {h for hs in explicit.columns.values() for h in hs}
    best: tuple[int, tuple[int, int]] | None = None
    for index, line in enumerate(cells[:HEADER_SCAN]):
        texts = [clean(v) for v in line]
        if not any(texts):
            continue
        if wanted and wanted <= set(texts):
            return index, (len(REQUIRED) + 1, len(FIELDS))
        columns = guess_mapping(texts).columns
        if "booked_on" not in columns or not any(
                f in columns for f in (*AMOUNT_FIELDS, "debit")):
            continue
        score = (len(REQUIRED) - len(ColumnMapping(columns).missing()), len(columns))
        if best is None or score > best[1]:
            best = (index, score)
        if score[0] == len(REQUIRED):  # the table starts here: what follows is its rows
            break
    if best is None:
        start = _table_start(cells)
        return None if start is None else (start, (0, 0))
    return best


def _table_start(cells: Sequence[Sequence[Any]]) -> int | None:
    """The first line within :data:`HEADER_SCAN` rows reaching three quarters of the
    widest one's cells (at least one): a table's header or first row, under the
    narrower lines of a preamble (账号, 户名, the dates: a label and its value or two).
    None for a file with no text."""
    reaches = [(index, _reach(line)) for index, line in enumerate(cells[:HEADER_SCAN])]
    widest = max((reach for _index, reach in reaches), default=0)
    if not widest:
        return None
    wanted = max(1, -(-3 * widest // 4))
    return next(index for index, reach in reaches if reach >= wanted)


_ACCOUNT_LABELS = frozenset({"账号", "帐号", "账户", "帐户", "卡号", "账户号", "账户号码",
                             "帐户号码", "银行账号", "本方账号", "查询账号", "账号卡号",
                             "account", "accountno", "accountnumber", "account#", "acno"})
_HOLDER_LABELS = frozenset({"户名", "账户名称", "账户名", "帐户名称", "帐户名", "单位名称",
                            "客户名称", "账户户名", "accountname", "accountholder", "name"})
_LABELLED = re.compile(r"([^:：,，;；]+?)\s*[:：]\s*(\S(?:.*?\S)?)(?=\s{2,}|\s+\S+\s*[:：]|$)")


def _preamble(lines: Sequence[Sequence[Any]]) -> tuple[str | None, str | None]:
    """The account number and holder the lines above the header name ("账号: 6214…", or
    the label in one cell and the number in the next)."""
    account = holder = None
    for line in lines:
        texts = [t for t in (clean(v) for v in line) if t]
        pairs: list[tuple[str, str]] = []
        for position, text in enumerate(texts):
            labelled = list(_LABELLED.finditer(text))
            pairs.extend((m[1], m[2]) for m in labelled)
            if not labelled and position + 1 < len(texts):
                pairs.append((text.rstrip(":："), texts[position + 1]))
        for label, value in pairs:
            word = squash(label).rstrip(":：")
            if account is None and word in _ACCOUNT_LABELS:
                digits = re.sub(r"[\s\-]", "", plain(value).lstrip("'"))
                if re.fullmatch(r"[\d*]{6,}", digits) and sum(c.isdigit() for c in digits) >= 4:
                    account = digits
            elif holder is None and word in _HOLDER_LABELS and value:
                holder = value
    return account, holder


def _read_rows(cells: Sequence[Sequence[Any]], at: int, headers: Sequence[str],
               mapping: ColumnMapping, currency: str
               ) -> tuple[list[BankRow], list[SkippedRow], list[int]]:
    width = len(headers)
    index_of = {h: i for i, h in enumerate(headers)}

    def position(name: str) -> int:  # a field without a column reads the padding: None
        column = mapping.column(name)
        return width if column is None else index_of[column]

    date_at, payer_at = position("booked_on"), position("payer")
    money_columns = {name: (position(name), mapping.column(name) or "")
                     for name in ("credit", "debit", "amount", "direction")}
    account_at, reference_at = position("payer_account"), position("reference")
    balance_at, currency_at = position("balance"), position("currency")
    remarks_at = [index_of[h] for h in mapping.columns.get("remarks", ())]
    has_account = mapping.column("payer_account") is not None
    date_column = mapping.column("booked_on") or ""

    rows: list[BankRow] = []
    skipped: list[SkippedRow] = []
    ignored: list[int] = []
    seen: dict[str, int] = {}
    for index in range(at + 1, len(cells)):
        number = index + 1
        line = cells[index]
        if not _reach(line):
            ignored.append(number)
            continue
        row = [*line[:width], *([None] * (width + 1 - min(len(line), width)))]
        raw_date = row[date_at]
        try:
            booked_on = read_booked_on(raw_date)
        except Unreadable:
            booked_on = None
        if booked_on is None:
            if _summary(row):
                ignored.append(number)
                continue
            value = clean(raw_date)
            skipped.append(SkippedRow(
                number, "bank-row-date", {"line": str(number), "column": date_column,
                                          "value": value},
                f"row {number}: cannot read the date “{value}”" if value
                else f"row {number}: no date"))
            continue
        amount = _received(number, row, money_columns, skipped)
        if amount is None:
            continue
        counterparty = re.sub(r"\s+", " ", clean(row[payer_at]))
        payer, payer_account = split_payer(counterparty)
        if has_account:
            payer_account = clean(row[account_at]).lstrip("'") or payer_account
        remarks = " / ".join(dict.fromkeys(t for t in (clean(row[i]) for i in remarks_at)
                                           if t))
        reference = clean(row[reference_at]).lstrip("'")
        if reference.lower() in _EMPTY:
            reference = ""
        balance_raw = row[balance_at]
        try:
            balance = read_amount(balance_raw)
        except Unreadable:
            balance = None
        if balance is not None:  # 1271.6 from a float cell and "1,271.60" are one balance
            balance = _cents(balance, balance_raw) or balance
        rows.append(BankRow(number, booked_on, amount, read_currency(row[currency_at], currency),
                            payer, remarks, reference, balance,
                            _key(seen, booked_on, amount, reference, counterparty, balance,
                                 clean(balance_raw)), payer_account))
    return rows, skipped, ignored


def _key(seen: dict[str, int], booked_on: date, amount: Decimal, reference: str,
         counterparty: str, balance: Decimal | None, balance_text: str) -> str:
    """The row's idempotency key (see the module), counted in ``seen`` among equal ones.

    Built from the cells as written (the counterparty cell whole, not the name split from
    its account), so that a mapping of an optional column added later changes no key."""
    if reference:
        base = f"ref:{reference}|{booked_on.isoformat()}|{amount:f}"
    else:
        shown = balance_text if balance is None else f"{balance:f}"
        digest = hashlib.sha256("\x1f".join(
            (booked_on.isoformat(), f"{amount:f}", counterparty, shown)).encode("utf-8"))
        base = f"h:{digest.hexdigest()[:24]}"
    seen[base] = count = seen.get(base, 0) + 1
    return base if count == 1 else f"{base}#{count}"


def _summary(line: Sequence[Any]) -> bool:
    for value in line:
        text = squash(plain(value))
        if text and any(word in text for word in SUMMARY_WORDS):
            return True
    return False


def _received(number: int, row: Sequence[Any], columns: Mapping[str, tuple[int, str]],
              skipped: list[SkippedRow]) -> Decimal | None:
    """The amount a row received, to the cent; None, with a :class:`SkippedRow` appended,
    when it received nothing or cannot be read. ``columns``: each money field's position
    and header (a field without one: the row's padding, None)."""

    def skip(code: str, message: str, **params: str) -> None:
        skipped.append(SkippedRow(number, code, {"line": str(number), **params},
                                  f"row {number}: {message}"))

    def read(name: str) -> Decimal | None:
        try:
            return read_amount(row[columns[name][0]])
        except Unreadable as exc:
            skip("bank-row-amount", f"cannot read the amount “{exc}” ({columns[name][1]})",
                 column=columns[name][1], value=str(exc))
            raise

    try:
        if columns["credit"][1]:
            name = "credit"
            credit, debit = read("credit"), read("debit")
            if credit and debit:
                skip("bank-row-two-amounts",
                     f"both a debit ({debit:f}) and a credit ({credit:f})",
                     debit=f"{debit:f}", credit=f"{credit:f}")
                return None
            if debit:
                skip("bank-row-debit", f"paid out {abs(debit):f}, not a receipt",
                     amount=f"{abs(debit):f}")
                return None
            value = credit
        else:
            name = "amount"
            value = read("amount")
            if value and columns["direction"][1]:
                flag = row[columns["direction"][0]]
                try:
                    sign = _sign(flag)
                except Unreadable:
                    text = clean(flag)
                    skip("bank-row-direction", f"cannot read the debit/credit flag “{text}”",
                         column=columns["direction"][1], value=text)
                    return None
                if sign is not None:
                    value = abs(value) * sign
    except Unreadable:
        return None
    header = columns[name][1]
    if value is None:
        skip("bank-row-amount", "no amount", column=header, value="")
        return None
    if value < 0:
        skip("bank-row-debit", f"paid out {-value:f}, not a receipt", amount=f"{-value:f}")
        return None
    if value == 0:
        skip("bank-row-zero", "an amount of 0", column=header, value=clean(row[columns[name][0]]))
        return None
    cents = _cents(value, row[columns[name][0]])
    if cents is None:
        skip("bank-row-cents", f"the amount {value:f} has a fraction of a cent",
             column=header, value=f"{value:f}")
        return None
    return cents
