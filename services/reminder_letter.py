"""A tenant's payment reminder (催款通知书): what it owes overdue on a day, bill by bill, in the
letter's language, ready for ``views.reminder_pdf`` to print and to keep with its contracts.

What the letter says, on a day ``on``:

- the tenant, and the contracts its overdue bills are under;
- each bill overdue on ``on`` (the ledger as it stood that day: bills issued by
  then, allocations made by then): its number, charge, period, due date, the
  amount still open, the days overdue, and the late fee accrued on it to the
  day and not yet billed (``domain.billing.late_fees.accrued``, by its
  contract's clause; a contract without one accrues none, and a late-fee bill
  bears no fee), oldest first;
- the totals: overdue, late fees, and everything due, the last in words
  (大写 in Chinese, a cheque's words in English);
- whom to pay: the park's name; its bank and account are not stored, so the
  letter prints a line for each that the park fills in by hand (:data:`FILL_IN`);
- the park's signature and seal, dated.

Like the contract document, every word comes with the data in the letter's
language (a letter may go out in English from a Chinese desktop), so nothing
here needs Qt's catalogue. The letter is refused when nothing is overdue.

:func:`keep_reminder` keeps the PDF with each contract the letter names
(``ContractDocument``, kind "generated") and marks the tenant's open
reminder-letter task done, in one transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.billing.collections import ActionKind
from domain.billing.late_fees import LATE_FEE, accrued
from domain.leasing.clauses import LateFee
from domain.leasing.codec import terms_from_json
from domain.money import ZERO, money
from runtime.messages import UserError
from services.collections import ALERT_KIND, ledger_on, stored_actions
from services.contract_document import (
    BLANK,
    GENERATED,
    TemplatePart,
    chinese_amount,
    english_amount,
    number_text,
)
from services.receivables import posted_late_fees
from store.schema import Alert, Bill, Contract, ContractDocument, Park, Tenant
from store.workspace import Workspace

LANGUAGES = ("zh_CN", "en")
PAY_WITHIN_DAYS = 7  # the letter asks for payment within this many days of receipt
MEDIA_TYPE = "application/pdf"
FILL_IN = BLANK * 3  # a pay-to detail not stored: a line long enough to write an account on

# Every word the letter prints, by language; str.format fields are filled with text already
# formatted for the language.
PHRASES: dict[str, dict[str, str]] = {
    "zh_CN": {
        "title": "催款通知书",
        "reference": "编号：{reference}",
        "to": "致：{tenant}",
        "intro": "截至{date}，贵司在{park}的租赁合同（{contracts}）项下，下列款项已逾期未付：",
        "col-bill": "账单编号", "col-charge": "费用", "col-period": "账期", "col-due": "到期日",
        "col-amount": "欠款金额", "col-days": "逾期天数", "col-fee": "滞纳金",
        "total": "合计",
        "sum-overdue": "逾期欠款合计：{amount}",
        "sum-fees": "滞纳金合计（计至{date}）：{amount}",
        "sum-total": "应付合计：{amount}",
        "words": "合计人民币（大写）：{words}",
        "words-other": "合计（{currency}）：{amount}",
        "fee-note": "滞纳金按合同约定计至{date}，此后按日继续计收至付清之日；已开具账单的滞纳金"
                    "列于上表。",
        "ask": "请贵司于收到本通知之日起{days}日内将上述款项付至下列账户，并在付款附言中注明账单"
               "编号。如已付款，请将付款凭证发送我方核对，并请忽略本通知。",
        "payee-head": "收款账户",
        "payee-name": "收款单位", "payee-bank": "开户银行", "payee-account": "账号",
        "sign": "{park}（盖章）",
        "sign-date": "日期：{date}",
        "money": "{amount}元", "money-other": "{amount} {currency}",
        "date": "{year}年{month}月{day}日",
        "period": "{start}至{end}",
        "days": "{days}天",
        "no-fee": "—",
        "list-sep": "、",
        "page": "第 {page} 页，共 {pages} 页",
        "footer": "催款通知书 {code}",
        "file": "催款通知书-{tenant}-{date}.pdf",
        "charge-rent": "租金", "charge-property_fee": "物业管理费", "charge-service": "服务费",
        "charge-parking": "停车费", "charge-other": "其他费用", "charge-electricity": "电费",
        "charge-water": "水费", "charge-gas": "燃气费", "charge-heat": "供暖费",
        "charge-late_fee": "滞纳金", "charge-deposit": "押金",
    },
    "en": {
        "title": "Payment reminder",
        "reference": "Ref. {reference}",
        "to": "To: {tenant}",
        "intro": "As of {date}, the following amounts under your lease(s) {contracts} at "
                 "{park} are overdue:",
        "col-bill": "Bill", "col-charge": "Charge", "col-period": "Period", "col-due": "Due",
        "col-amount": "Overdue", "col-days": "Days", "col-fee": "Late fee",
        "total": "Total",
        "sum-overdue": "Overdue: {amount}",
        "sum-fees": "Late fees to {date}: {amount}",
        "sum-total": "Total due: {amount}",
        "words": "Total in words: {words}",
        "words-other": "Total ({currency}): {amount}",
        "fee-note": "Late fees are counted to {date} as the lease provides and go on accruing "
                    "each day until paid; late fees already billed are listed above.",
        "ask": "Please pay the amounts above to the account below within {days} days of "
               "receiving this letter, quoting the bill numbers. If you have paid already, "
               "please send us the payment slip and disregard this letter.",
        "payee-head": "Pay to",
        "payee-name": "Payee", "payee-bank": "Bank", "payee-account": "Account",
        "sign": "{park} (seal)",
        "sign-date": "Date: {date}",
        "money": "CNY {amount}", "money-other": "{amount} {currency}",
        "date": "{day} {month_name} {year}",
        "period": "{start} to {end}",
        "days": "{days}",
        "no-fee": "—",
        "list-sep": ", ",
        "page": "Page {page} of {pages}",
        "footer": "Payment reminder {code}",
        "file": "payment-reminder-{tenant}-{date}.pdf",
        "charge-rent": "Rent", "charge-property_fee": "Property management fee",
        "charge-service": "Service charge", "charge-parking": "Parking",
        "charge-other": "Other charge", "charge-electricity": "Electricity",
        "charge-water": "Water", "charge-gas": "Gas", "charge-heat": "Heating",
        "charge-late_fee": "Late fee", "charge-deposit": "Deposit",
    },
}
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


class ReminderRefused(UserError):
    """A letter that cannot be made as asked (nothing overdue, a language it has no words
    for, no such tenant)."""


@dataclass(frozen=True)
class ReminderLine:
    """One overdue bill as the letter prints it (the texts) and as the totals add it up."""

    bill_id: uuid.UUID
    contract_id: uuid.UUID
    number: str
    charge: str  # the code
    due_on: date
    amount: Decimal  # still open on the day
    days_overdue: int
    late_fee: Decimal | None  # accrued to the day and not billed; None: no clause, or a fee
    charge_text: str
    period: str
    due: str
    amount_text: str
    days_text: str
    fee_text: str


@dataclass(frozen=True)
class ReminderContract:
    id: uuid.UUID
    code: str


@dataclass(frozen=True)
class ReminderData:
    """Everything the letter says, in ``language``, ready to print."""

    tenant_id: uuid.UUID
    tenant_code: str
    tenant_name: str
    language: str
    currency: str
    on: date
    code: str  # the letter's reference, printed at its head and in each page's footer
    title: str
    park_name: str
    contracts: tuple[ReminderContract, ...]
    lines: tuple[ReminderLine, ...]
    overdue: Decimal
    late_fees: Decimal
    total: Decimal
    totals: tuple[tuple[str, str], ...]  # (what, amount text): overdue, fees, total
    total_words: str
    payee: tuple[tuple[str, str], ...]  # (label, value; BLANK where the park fills it in)
    signer: str
    date_text: str
    words: Mapping[str, str]
    parts: tuple[TemplatePart, ...]

    @property
    def file_name(self) -> str:
        return self.words["file"].format(tenant=self.tenant_code, date=self.on.isoformat())


class _Words:
    """One language's phrases, filled."""

    def __init__(self, language: str, currency: str) -> None:
        if language not in PHRASES:
            raise ReminderRefused(f"no payment reminder in language {language}",
                                  "reminder-language", language=language)
        self.table = PHRASES[language]
        self.currency = currency

    def __call__(self, key: str, **params: str) -> str:
        return self.table[key].format(**params)

    def money(self, amount: Decimal) -> str:
        key = "money" if self.currency == "CNY" else "money-other"
        return self(key, amount=number_text(money(amount)), currency=self.currency)

    def day(self, day: date) -> str:
        return self("date", year=str(day.year), month=str(day.month), day=str(day.day),
                    month_name=MONTHS_EN[day.month - 1])

    def charge(self, code: str) -> str:
        kind, _, name = code.partition(":")
        if name:
            return name
        key = f"charge-{kind}"
        return self(key) if key in self.table else code


def reminder_data(session: Session, tenant_id: uuid.UUID, on: date, language: str
                  ) -> ReminderData:
    """The tenant's reminder on ``on`` in ``language`` (module docstring)."""
    tenant = session.get(Tenant, tenant_id)
    if tenant is None or tenant.archived:
        raise ReminderRefused(f"no tenant {tenant_id}", "reminder-no-tenant",
                              tenant=str(tenant_id))
    park = session.get_one(Park, tenant.park_id)
    w = _Words(language, park.currency)
    ledger = ledger_on(session, park.id, on, tenant.id)
    items = [i for i in ledger.open_items(on) if i.tenant_id == tenant.id and i.due_on < on]
    if not items:
        raise ReminderRefused(f"{tenant.name} owes nothing overdue on {on}",
                              "reminder-nothing-overdue", tenant=tenant.name,
                              on=on.isoformat())
    ids = {i.contract_id for i in items}
    contracts = {row.id: row for row in session.scalars(select(Contract).where(
        Contract.id.in_(ids)))}
    clauses = {cid: _clause(c) for cid, c in contracts.items()}
    ends = dict(session.execute(select(Bill.id, Bill.period_end).where(
        Bill.id.in_([i.bill_id for i in items]))).all())
    posted = posted_late_fees(session, park.id)
    lines = []
    for item in sorted(items, key=lambda i: (i.due_on, i.contract_code, i.number)):
        clause = clauses.get(item.contract_id)
        fee = (None if clause is None or item.charge == LATE_FEE
               else accrued(item.amount, item.due_on, on, clause,
                            posted.get(item.bill_id, ZERO)))
        end = ends.get(item.bill_id, item.period_start)
        days = (on - item.due_on).days
        lines.append(ReminderLine(
            item.bill_id, item.contract_id, item.number, item.charge, item.due_on,
            item.amount, days, fee, w.charge(item.charge),
            w("period", start=item.period_start.isoformat(), end=end.isoformat()),
            item.due_on.isoformat(), number_text(item.amount), w("days", days=str(days)),
            w("no-fee") if fee is None else number_text(fee)))
    overdue = sum((x.amount for x in lines), ZERO)
    fees = sum((x.late_fee for x in lines if x.late_fee is not None), ZERO)
    total = overdue + fees
    named = tuple(ReminderContract(c.id, c.code)
                  for c in sorted(contracts.values(), key=lambda c: c.code))
    today = w.day(on)
    totals = ((w("sum-overdue", amount=w.money(overdue)), number_text(overdue)),
              (w("sum-fees", date=today, amount=w.money(fees)), number_text(fees)),
              (w("sum-total", amount=w.money(total)), number_text(total)))
    if park.currency != "CNY":
        words = w("words-other", currency=park.currency, amount=number_text(total))
    elif language == "zh_CN":
        words = w("words", words=chinese_amount(total))
    else:
        words = w("words", words=english_amount(total, park.currency))
    payee = ((w("payee-name"), park.name or FILL_IN), (w("payee-bank"), FILL_IN),
             (w("payee-account"), FILL_IN))
    reference = f"CS-{tenant.code}-{on:%Y%m%d}"
    parts = (
        TemplatePart("title", w("title")),
        TemplatePart("paragraph", w("reference", reference=reference)),
        TemplatePart("paragraph", w("to", tenant=tenant.name)),
        TemplatePart("paragraph", w("intro", date=today, park=park.name,
                                    contracts=w("list-sep").join(c.code for c in named))),
        TemplatePart("block", "bills_table"),
        TemplatePart("paragraph", "\n".join(what for what, _amount in totals)),
        TemplatePart("paragraph", words),
        TemplatePart("paragraph", w("fee-note", date=today)),
        TemplatePart("paragraph", w("ask", days=str(PAY_WITHIN_DAYS))),
        TemplatePart("heading", w("payee-head")),
        TemplatePart("block", "payee"),
        TemplatePart("block", "signature"),
    )
    return ReminderData(
        tenant.id, tenant.code, tenant.name, language, park.currency, on, reference,
        w("title"), park.name, named, tuple(lines), overdue, fees, total, totals, words,
        payee, w("sign", park=park.name), w("sign-date", date=today), dict(w.table), parts)


def _clause(contract: Contract) -> LateFee | None:
    """The contract's late-fee clause (its terms are its latest version's), if any."""
    if not contract.terms:
        return None
    return terms_from_json(contract.terms).late_fee


def keep_reminder(workspace: Workspace, data: ReminderData, pdf: bytes) -> tuple[uuid.UUID, ...]:
    """Keep the letter's PDF with each contract it names (as of each contract's version) and
    mark the tenant's open reminder-letter task done on the letter's day, in one
    transaction; the documents' ids, in the contracts' order."""
    kept = []
    with workspace.transaction() as session:
        for ref in data.contracts:
            contract = session.get_one(Contract, ref.id)
            row = ContractDocument(contract_id=contract.id, name=data.file_name,
                                   kind=GENERATED, media_type=MEDIA_TYPE,
                                   version=contract.version, added_on=data.on, content=pdf)
            session.add(row)
            session.flush()
            kept.append(row.id)
        park_id = session.get_one(Tenant, data.tenant_id).park_id
        for stored in stored_actions(session, park_id, {data.tenant_id}).get(data.tenant_id, ()):
            if stored.open and stored.action.kind is ActionKind.REMINDER_LETTER:
                alert = session.get_one(Alert, stored.action.id)
                if alert.kind == ALERT_KIND:
                    alert.cleared_on = data.on
    return tuple(kept)
