"""Invoices (发票): issue, void (作废) and red-letter reversal (红冲), as a ledger of events.

The invoice number is the tax platform's (entered by hand or imported from it), never
ours: we record what was issued there and check it against our bills. The rules:

- **Tax rates** are per charge (:class:`TaxTable`): the charge's own code first
  ("service:空调"), then its kind ("service"). :data:`DEFAULT_TAX_TABLE` is a starting
  point a park edits to its own tax position, not the law. Deposits are not invoiced.
  A park may rate any well-formed code it carries, of a kind these rules do not know
  too ("装修押金" from another program): :func:`charge_code_problems`.
- **Amounts**: a bill is what the tenant owes, tax included. From a tax-inclusive amount
  the exclusive amount is inclusive ÷ (1 + rate) rounded to the cent, and the tax is
  what is left (inclusive − exclusive), so the three always add up exactly — the way
  the tax platform splits a tax-inclusive line. A park that prices ex-tax starts from
  the exclusive amount instead: tax = exclusive × rate to the cent, inclusive = their
  sum (:func:`from_exclusive`). Either way a line's tax may differ from exclusive × rate
  by rounding; the platform refuses more than :data:`TAX_TOLERANCE` (0.06) a line.
- **What an invoice covers**: one or more bills of one tenant, one line per bill (the
  usual case, "issue per bill", is one line; a tenant asking for the month's rent and
  property fee on one invoice gets two lines, each at its charge's rate). A line may
  invoice part of a bill; the live invoices of a bill never add up to more than it.
- **States by events** (:class:`InvoiceEvent`, insert-only like every ledger): an
  issued (blue) invoice may be *voided* — only when the park's :class:`VoidRule`
  allows it (paper and 税控 invoices: in the month of issue, before that month is
  reported; fully digital 数电票 cannot be voided at all, set ``allowed=False``) — or
  *reversed* by a red invoice (its own number from the platform) of exactly the
  negative amounts, pointing at the blue one. A red invoice is final: it is neither
  voided nor reversed here (a wrong red invoice is corrected by issuing a new blue
  one). After a void or a reversal the bill may be invoiced again (a reissue, which
  may name the invoice it ``replaces``). A voided or reversed invoice keeps its number
  and stays listed; numbers are unique per park across blue and red invoices.
  A partial reversal (部分红冲, for a discount agreed later) is not modelled: reverse
  the invoice whole and issue one for the right amount.
- **Invoiced amount of a bill** = Σ the lines of its invoices that are not voided, the
  red ones negative: a reversed blue invoice and its red one cancel out.

Events fold in the order given (the store's order). :func:`invoice_book` replays what is
stored and only sets aside what would make the state ambiguous (a number used twice, a
void or reversal of an invoice that is not live) — rules that depend on the day or on
bills that may since have changed are judged once, by :func:`invoice_problems`, when an
event is proposed.

>>> from decimal import Decimal as D
>>> from_inclusive(D("10900.00"), D("0.09"))
TaxAmounts(inclusive=Decimal('10900.00'), exclusive=Decimal('10000.00'), tax=Decimal('900.00'), rate=Decimal('0.09'))
>>> from_inclusive(D("100.00"), D("0.06"))  # 100 ÷ 1.06 = 94.339…: the tax takes the rest
TaxAmounts(inclusive=Decimal('100.00'), exclusive=Decimal('94.34'), tax=Decimal('5.66'), rate=Decimal('0.06'))
"""  # noqa: E501

from __future__ import annotations

import unicodedata
import uuid
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

from domain.money import ZERO, money, to_decimal

Id = uuid.UUID

# The tax platform refuses a line whose tax is further than this from exclusive × rate.
TAX_TOLERANCE = Decimal("0.06")


class Pricing(StrEnum):
    """Which amount a park's prices state: rents in China are quoted tax included."""

    INCLUSIVE = "inclusive"  # 含税价
    EXCLUSIVE = "exclusive"  # 不含税价


@dataclass(frozen=True)
class TaxTable:
    """A park's VAT rates per charge (code or kind → rate, 0.09 for 9 %).

    ``exempt`` charges are not invoiced and carry no VAT (a deposit is a liability, not
    a sale, until it is forfeited). ``pricing`` says whether the park's prices include
    the tax.
    """

    rates: Mapping[str, Decimal]
    exempt: frozenset[str] = frozenset({"deposit"})
    pricing: Pricing = Pricing.INCLUSIVE


# A starting point, not the law: each park sets its own rates in its settings (its
# taxpayer status decides them). These are a general VAT taxpayer's usual rates:
DEFAULT_TAX_TABLE = TaxTable({
    "rent": Decimal("0.09"),  # 不动产租赁, general method (5 % under the simplified method)
    "parking": Decimal("0.09"),  # 车位租赁 is also a lease of real estate
    "property_fee": Decimal("0.06"),  # 物业管理服务 (modern services)
    "service": Decimal("0.06"),  # other services billed with the rent (空调, 能耗 …)
    "other": Decimal("0.06"),
    "electricity": Decimal("0.13"),  # 转售电 (goods)
    "water": Decimal("0.09"),  # 自来水 (9 %; 3 % under the simplified method)
    "gas": Decimal("0.09"),
    "heat": Decimal("0.09"),
    # 违约金 is a 价外费用: taxed at the rate of what it was late for; the rent's by
    # default, as most late fees are on rent.
    "late_fee": Decimal("0.09"),
})

# The same park on the simplified method (小规模纳税人 / 简易计税): rent 5 %, the rest 3 %.
SIMPLIFIED_TAX_TABLE = TaxTable({
    "rent": Decimal("0.05"), "parking": Decimal("0.05"), "late_fee": Decimal("0.05"),
    "property_fee": Decimal("0.03"), "service": Decimal("0.03"), "other": Decimal("0.03"),
    "electricity": Decimal("0.03"), "water": Decimal("0.03"), "gas": Decimal("0.03"),
    "heat": Decimal("0.03"),
})


def tax_rate(charge: str, table: TaxTable = DEFAULT_TAX_TABLE) -> Decimal | None:
    """The rate of ``charge`` (its code, else its kind before ":"), or None when the
    table has none or the charge is exempt. What the table says of the code itself wins
    over what it says of the kind (a park may tax "service:空调" and exempt "service").

    >>> tax_rate("service:空调"), tax_rate("deposit"), tax_rate("unknown")
    (Decimal('0.06'), None, None)
    """
    if charge in table.exempt:
        return None
    found = table.rates.get(charge)
    if found is not None:
        return found
    kind = charge.split(":", 1)[0]
    return None if kind in table.exempt else table.rates.get(kind)


def is_exempt(charge: str, table: TaxTable = DEFAULT_TAX_TABLE) -> bool:
    """Not invoiced and no VAT: its code is in ``table.exempt``, or its kind is and the
    code has no rate of its own."""
    if charge in table.exempt:
        return True
    return charge not in table.rates and charge.split(":", 1)[0] in table.exempt


# -- a park's own table ------------------------------------------------------------------

# The charge kinds the rules know, taxed or exempt (a code "service:空调" falls back to its
# kind's rate). A park may also rate a code of a kind not among them that it carries
# ("装修押金", "advertising:灯箱" from another program): see charge_code_problems.
CHARGE_KINDS: tuple[str, ...] = (*DEFAULT_TAX_TABLE.rates, *sorted(DEFAULT_TAX_TABLE.exempt))
EXEMPT = "exempt"  # an override's value for a charge not invoiced, without VAT
MAX_TAX_RATE = Decimal("0.17")  # the highest VAT rate China has had (goods, before 2018)
RATE_PLACES = 4  # invoices.tax_rate keeps 0.0900: a rate of more places would be changed
CHARGE_CODE_LIMIT = 64  # bills.charge holds 64 characters: a longer code is never billed


def charge_kind(charge: str) -> str:
    """The kind of a charge code: "service:空调" → "service"."""
    return charge.split(":", 1)[0]


def charge_code_problems(charge: str, carried: Collection[str] | None = ()) -> list[Problem]:
    """Why a park cannot give ``charge`` a rate of its own (nothing: it can), the first
    problem found, naming the code.

    A code is a kind ("rent") or a kind and a name ("service:空调费"), as bills carry it.
    Refused: ``tax-charge-empty`` (nothing); ``tax-charge-malformed`` (spaces around its
    kind, a control character: a slip no bill carries); ``tax-rate-charge`` (a kind
    the rules do not know, in a code the park does not carry: ``carried``, its contracts'
    and bills' codes and those its table has, or None to take any, as a table stored is
    read); ``tax-charge-name`` (a colon with no name after it); ``tax-charge-long`` (more
    than a bill's charge holds).

    >>> carried = {"装修押金", "advertising:灯箱"}
    >>> [charge_code_problems(c, carried) for c in ("rent", "service:空调费", "装修押金")]
    [[], [], []]
    >>> [p.code for c in ("gym", " rent", "service:", "") for p in charge_code_problems(c)]
    ['tax-rate-charge', 'tax-charge-malformed', 'tax-charge-name', 'tax-charge-empty']
    """
    named = {"charge": charge}
    kind, colon, name = charge.partition(":")
    if not charge.strip():
        return [Problem("tax-charge-empty", named)]
    if kind != kind.strip() or any(unicodedata.category(c) in ("Cc", "Cf") for c in charge):
        return [Problem("tax-charge-malformed", named)]
    if kind not in CHARGE_KINDS and (carried is not None and charge not in carried):
        return [Problem("tax-rate-charge", named | {"kinds": ", ".join(CHARGE_KINDS)})]
    if not kind or (colon and not name):
        return [Problem("tax-charge-name", named)]
    if len(charge) > CHARGE_CODE_LIMIT:
        return [Problem("tax-charge-long", named | {"limit": str(CHARGE_CODE_LIMIT)})]
    return []


def parse_rate(value: object) -> Decimal | str | None:
    """An override as given or stored: a Decimal rate, ``EXEMPT``, or None when it is
    neither (text that is no number, a float, an infinity)."""
    if isinstance(value, str) and value.strip().lower() == EXEMPT:
        return EXEMPT
    if isinstance(value, bool | float):
        return None  # a float is never a rate here: it would not be exact
    try:
        rate = to_decimal(value.strip() if isinstance(value, str) else value)  # type: ignore[arg-type]
    except (ArithmeticError, ValueError, TypeError):
        return None
    return rate if rate.is_finite() else None


def rate_text(rate: Decimal) -> str:
    """A rate as an override stores it: 0.0900 → "0.09", 0 → "0"."""
    text = format(rate.normalize(), "f")
    return text if "." not in text else text.rstrip("0").rstrip(".") or "0"


def tax_rate_problems(overrides: Mapping[str, object],
                      carried: Collection[str] | None = ()) -> list[Problem]:
    """What is wrong with a park's overrides, each problem naming the charge and the value
    as given: the code's (:func:`charge_code_problems`: a code of a kind the rules do not
    know is refused unless the park carries it, in ``carried``), else ``tax-rate-value``
    (neither a number nor "exempt"), ``tax-rate-range`` (outside 0–0.17),
    ``tax-rate-places`` (more than four places).

    >>> [p.code for p in tax_rate_problems({"rent": "0.05", "water": "9", "gym": "0.06"})]
    ['tax-rate-range', 'tax-rate-charge']
    >>> tax_rate_problems({"gym": "0.06"}, carried={"gym"})
    []
    """
    found = []
    for charge, value in overrides.items():
        named = {"charge": str(charge), "value": str(value)}
        coded = charge_code_problems(str(charge), carried)
        if coded:
            found += [Problem(p.code, p.params | named) for p in coded]
            continue
        rate = parse_rate(value)
        if rate is None:
            found.append(Problem("tax-rate-value", named))
        elif rate == EXEMPT:
            continue
        elif not ZERO <= rate <= MAX_TAX_RATE:  # type: ignore[operator]
            found.append(Problem("tax-rate-range", named | {"most": str(MAX_TAX_RATE)}))
        elif -rate.as_tuple().exponent > RATE_PLACES:  # type: ignore[union-attr, operator]
            found.append(Problem("tax-rate-places", named | {"places": str(RATE_PLACES)}))
    return found


def park_tax_table(overrides: Mapping[str, object] | None,
                   base: TaxTable = DEFAULT_TAX_TABLE) -> TaxTable:
    """``base`` with a park's overrides: a rate replaces the charge's, ``EXEMPT`` exempts
    it, a rate for a charge ``base`` exempts taxes it. A code of a kind the rules do not
    know takes its own (it was carried when it was set). An override the rules refuse
    (stored by an older or a foreign client) is left out: the charge keeps ``base``'s.

    >>> table = park_tax_table({"rent": "0.05", "electricity": "exempt", "装修押金": "0.06"})
    >>> tax_rate("rent", table), tax_rate("electricity", table), tax_rate("water", table)
    (Decimal('0.05'), None, Decimal('0.09'))
    >>> tax_rate("装修押金", table)
    Decimal('0.06')
    """
    rates = dict(base.rates)
    exempt = set(base.exempt)
    for charge, value in (overrides or {}).items():
        if tax_rate_problems({charge: value}, carried=None):
            continue
        rate = parse_rate(value)
        if rate == EXEMPT:
            rates.pop(charge, None)
            exempt.add(charge)
        elif isinstance(rate, Decimal):
            rates[charge] = rate
            exempt.discard(charge)
    return TaxTable(rates, frozenset(exempt), base.pricing)


def missing_rates(charges: Iterable[str], table: TaxTable = DEFAULT_TAX_TABLE) -> list[str]:
    """The charges that are neither exempt nor given a rate: set them before invoicing or
    exporting vouchers, which refuse them rather than book them without VAT."""
    return sorted({c for c in charges if tax_rate(c, table) is None and not is_exempt(c, table)})


@dataclass(frozen=True)
class TaxAmounts:
    inclusive: Decimal  # 价税合计
    exclusive: Decimal  # 金额 (不含税)
    tax: Decimal  # 税额
    rate: Decimal


def from_inclusive(inclusive: Decimal | int | str, rate: Decimal) -> TaxAmounts:
    """Split a tax-inclusive amount: exclusive rounded to the cent, the tax the rest.

    A negative amount (a red line, a credit) splits to the exact negative of the
    positive one: half up rounds away from zero both ways.
    """
    _check_rate(rate)
    gross = money(inclusive)
    net = money(gross / (1 + rate))
    return TaxAmounts(gross, net, gross - net, rate)


def from_exclusive(exclusive: Decimal | int | str, rate: Decimal) -> TaxAmounts:
    """Add the tax to an ex-tax amount (a park pricing ex-tax): tax to the cent, then the sum."""
    _check_rate(rate)
    net = money(exclusive)
    tax = money(net * rate)
    return TaxAmounts(net + tax, net, tax, rate)


def _check_rate(rate: Decimal) -> None:
    if not ZERO <= to_decimal(rate) < 1:
        raise ValueError(f"a VAT rate is a fraction from 0 to below 1, not {rate}")


@dataclass(frozen=True)
class BillFacts:
    """What invoicing needs of a bill: whose it is, what it charges and its total
    (its lines, credits and adjustments included)."""

    bill_id: Id
    tenant_id: Id
    charge: str
    total: Decimal


@dataclass(frozen=True)
class InvoiceLine:
    """One bill (or part of it) on an invoice; a red invoice's lines are negative."""

    bill_id: Id
    charge: str
    rate: Decimal
    inclusive: Decimal
    exclusive: Decimal
    tax: Decimal

    def negated(self) -> InvoiceLine:
        return replace(self, inclusive=-self.inclusive, exclusive=-self.exclusive,
                       tax=-self.tax)


def invoice_line(bill: BillFacts, rate: Decimal, amount: Decimal | None = None,
                 pricing: Pricing = Pricing.INCLUSIVE) -> InvoiceLine:
    """A line for ``bill`` (its whole total unless ``amount`` is given), split at ``rate``.

    ``amount`` is tax-inclusive unless ``pricing`` is EXCLUSIVE, when it is the ex-tax
    amount and the tax is added (the inclusive total must still fit the bill).
    """
    figure = bill.total if amount is None else amount
    split = (from_exclusive(figure, rate) if pricing is Pricing.EXCLUSIVE
             else from_inclusive(figure, rate))
    return InvoiceLine(bill.bill_id, bill.charge, rate, split.inclusive, split.exclusive,
                       split.tax)


class EventKind(StrEnum):
    ISSUE = "issue"  # a blue invoice 开具
    VOID = "void"  # 作废
    REVERSE = "reverse"  # a red invoice 红冲


@dataclass(frozen=True)
class InvoiceEvent:
    """One entry of the invoice ledger.

    ``number``: the invoice this event creates (ISSUE: the blue one; REVERSE: the red
    one, its own platform number), empty for a VOID. ``target``: the invoice acted on
    (VOID, REVERSE) or, for an ISSUE, the voided or reversed invoice it replaces (a
    reissue; optional). ``lines``: ISSUE's lines; a REVERSE's are the blue invoice's,
    negated (:func:`reverse` fills them).
    """

    id: Id
    kind: EventKind
    on: date
    number: str = ""
    target: str = ""
    tenant_id: Id | None = None
    lines: tuple[InvoiceLine, ...] = ()
    note: str = ""  # the reason a person gave (开票有误, 退租 …)

    def __post_init__(self) -> None:
        # Numbers are compared without spaces, however they were typed or imported.
        object.__setattr__(self, "number", normalise_number(self.number))
        object.__setattr__(self, "target", normalise_number(self.target))


def issue(event_id: Id, number: str, on: date, tenant_id: Id,
          lines: Sequence[InvoiceLine], replaces: str = "") -> InvoiceEvent:
    """The event of a blue invoice the platform issued as ``number``."""
    return InvoiceEvent(event_id, EventKind.ISSUE, on, number, replaces, tenant_id,
                        tuple(lines))


def void(event_id: Id, number: str, on: date, note: str = "") -> InvoiceEvent:
    """The event voiding invoice ``number`` (it keeps its number and stays listed)."""
    return InvoiceEvent(event_id, EventKind.VOID, on, target=number, note=note)


def reverse(event_id: Id, red_number: str, on: date, blue: Invoice,
            note: str = "") -> InvoiceEvent:
    """The red invoice ``red_number`` reversing ``blue`` whole: its lines negated."""
    return InvoiceEvent(event_id, EventKind.REVERSE, on, red_number, blue.number,
                        blue.tenant_id, tuple(ln.negated() for ln in blue.lines), note)


def normalise_number(number: str) -> str:
    """A number as compared for uniqueness: without spaces (a paper invoice's number is
    its code and number joined, e.g. "011002100111-12345678", by whoever enters it)."""
    return "".join(number.split())


class InvoiceStatus(StrEnum):
    ISSUED = "issued"  # live: counts on its bills
    VOIDED = "voided"
    REVERSED = "reversed"  # a red invoice points at it


@dataclass(frozen=True)
class Invoice:
    """An invoice as its events leave it. A red invoice is ``red`` with ``reverses`` set."""

    number: str
    tenant_id: Id | None
    issued_on: date
    lines: tuple[InvoiceLine, ...]
    status: InvoiceStatus = InvoiceStatus.ISSUED
    red: bool = False
    reverses: str = ""  # red: the blue invoice
    reversed_by: str = ""  # blue: the red invoice
    voided_on: date | None = None
    closed_on: date | None = None  # voided or reversed on
    replaces: str = ""  # a reissue: the invoice it replaces
    note: str = ""  # why it was voided or reversed (on a red invoice: why it was issued)

    @property
    def live(self) -> bool:
        return self.status is InvoiceStatus.ISSUED

    @property
    def inclusive(self) -> Decimal:
        return sum((ln.inclusive for ln in self.lines), ZERO)

    @property
    def exclusive(self) -> Decimal:
        return sum((ln.exclusive for ln in self.lines), ZERO)

    @property
    def tax(self) -> Decimal:
        return sum((ln.tax for ln in self.lines), ZERO)


@dataclass(frozen=True)
class Problem:
    """Why an event was refused (or a park's rate: :func:`tax_rate_problems` names its
    own codes): a stable code and its figures (as text).

    Codes: number-missing | duplicate-number | no-lines | unknown-invoice | not-blue
    | already-voided | already-reversed | void-not-allowed | void-after-month
    | void-after-report | dated-before-issue | replaces-unknown | replaces-live
    | unknown-bill | other-tenant | charge-differs | not-invoiceable | rate-differs
    | amount-not-positive | amounts-do-not-add-up | tax-off | beyond-bill
    | red-not-whole | reason-missing | reason-long.
    """

    code: str
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class BillInvoicing:
    """A bill's invoiced amounts (live invoices, red ones negative) beside its total."""

    bill_id: Id
    total: Decimal
    inclusive: Decimal
    exclusive: Decimal
    tax: Decimal

    @property
    def uninvoiced(self) -> Decimal:
        return self.total - self.inclusive

    @property
    def over_invoiced(self) -> bool:
        """A credit lowered the bill below what its invoices say: a red invoice is due."""
        return self.inclusive > self.total


@dataclass(frozen=True)
class VoidRule:
    """When a park may void (作废) rather than reverse (红冲).

    ``allowed`` False for fully digital invoices (数电票), which can only be reversed.
    ``same_month``: a void only in the calendar month of issue.
    """

    allowed: bool = True
    same_month: bool = True


class InvoiceBook:
    """Invoices folded from their events, and what each bill has been invoiced."""

    def __init__(self) -> None:
        self._invoices: dict[str, Invoice] = {}
        self._seen: set[Id] = set()
        # Per bill: (inclusive, exclusive, tax) of its live lines, kept as events fold.
        self._by_bill: dict[Id, tuple[Decimal, Decimal, Decimal]] = {}
        # The events set aside while folding (conflicts from two devices, say): each
        # event's id with the problem that kept it out.
        self.set_aside: list[tuple[Id, Problem]] = []

    @property
    def invoices(self) -> list[Invoice]:
        """Every invoice, voided and reversed ones included, by date then number."""
        return sorted(self._invoices.values(), key=lambda inv: (inv.issued_on, inv.number))

    def invoice(self, number: str) -> Invoice | None:
        return self._invoices.get(normalise_number(number))

    def has_seen(self, event_id: Id) -> bool:
        return event_id in self._seen

    def invoiced(self, bill_id: Id) -> tuple[Decimal, Decimal, Decimal]:
        """(inclusive, exclusive, tax) invoiced on ``bill_id``: voided invoices left out."""
        return self._by_bill.get(bill_id, (ZERO, ZERO, ZERO))

    def bills(self, bills: Iterable[BillFacts]) -> list[BillInvoicing]:
        """Each bill's invoicing, in the order given."""
        return [BillInvoicing(bill.bill_id, bill.total, *self.invoiced(bill.bill_id))
                for bill in bills]

    def _count(self, lines: Iterable[InvoiceLine], sign: int = 1) -> None:
        for ln in lines:
            inclusive, exclusive, tax = self.invoiced(ln.bill_id)
            self._by_bill[ln.bill_id] = (inclusive + sign * ln.inclusive,
                                         exclusive + sign * ln.exclusive, tax + sign * ln.tax)

    def structural_problem(self, event: InvoiceEvent) -> Problem | None:
        """What makes ``event`` impossible on the current state, whatever the day or bills."""
        if event.kind is EventKind.VOID:
            return self._acted_on_problem(event)
        if not event.number:
            return Problem("number-missing", _ids(event))
        if event.number in self._invoices:
            return Problem("duplicate-number", _ids(event))
        if event.kind is EventKind.REVERSE:
            return self._acted_on_problem(event)
        if not event.lines:
            return Problem("no-lines", _ids(event))
        return None

    def _acted_on_problem(self, event: InvoiceEvent) -> Problem | None:
        target = self._invoices.get(event.target)
        params = _ids(event)
        if target is None:
            return Problem("unknown-invoice", params)
        if target.red:
            return Problem("not-blue", params)
        if target.status is InvoiceStatus.VOIDED:
            return Problem("already-voided", params | {"voided_on": str(target.voided_on)})
        if target.status is InvoiceStatus.REVERSED:
            return Problem("already-reversed", params | {"red": target.reversed_by})
        if event.on < target.issued_on:
            return Problem("dated-before-issue",
                           params | {"issued_on": target.issued_on.isoformat()})
        return None

    def apply(self, event: InvoiceEvent) -> Problem | None:
        """Fold ``event`` in, or set it aside with the problem that keeps it out.

        An event id seen before is a re-sent copy: skipped, no problem.
        """
        if event.id in self._seen:
            return None
        problem = self.structural_problem(event)
        if problem is not None:
            self.set_aside.append((event.id, problem))
            return problem
        self._seen.add(event.id)
        if event.kind is EventKind.ISSUE:
            self._invoices[event.number] = Invoice(event.number, event.tenant_id, event.on,
                                                   event.lines, replaces=event.target)
            self._count(event.lines)
        elif event.kind is EventKind.VOID:
            blue = self._invoices[event.target]
            self._invoices[blue.number] = replace(blue, status=InvoiceStatus.VOIDED,
                                                  voided_on=event.on, closed_on=event.on,
                                                  note=event.note)
            self._count(blue.lines, -1)
        else:
            blue = self._invoices[event.target]
            self._invoices[blue.number] = replace(blue, status=InvoiceStatus.REVERSED,
                                                  reversed_by=event.number,
                                                  closed_on=event.on, note=event.note)
            # The red invoice is the blue one negated, whatever lines the event carries
            # (invoice_problems refuses a red event whose lines say otherwise).
            red = tuple(ln.negated() for ln in blue.lines)
            self._invoices[event.number] = Invoice(event.number, blue.tenant_id, event.on, red,
                                                   red=True, reverses=blue.number,
                                                   note=event.note)
            self._count(red)
        return None


def invoice_book(events: Iterable[InvoiceEvent]) -> InvoiceBook:
    """Replay the stored events of one park, in their order."""
    book = InvoiceBook()
    for event in events:
        book.apply(event)
    return book


def invoice_problems(new: Sequence[InvoiceEvent], existing: Iterable[InvoiceEvent],
                     bills: Iterable[BillFacts], *, rule: VoidRule = VoidRule(),
                     reported_through: date | None = None,
                     table: TaxTable | None = None) -> list[Problem]:
    """Every reason to refuse the ``new`` events, given the park's ``existing`` ones.

    Each new event is judged on the state the existing ones and the earlier accepted new
    ones make. ``reported_through``: the last day of the last month reported to the tax
    bureau (抄报税): an invoice issued on or before it can no longer be voided. With a
    ``table`` the lines' rates must be the park's, and exempt charges are refused. Every
    problem names the event (``event``) and the invoice numbers involved.
    """
    book = invoice_book(existing)
    facts = {bill.bill_id: bill for bill in bills}
    found: list[Problem] = []
    for event in new:
        problems = _event_problems(event, book, facts, rule, reported_through, table)
        if problems:
            found.extend(problems)
        else:
            book.apply(event)
    return found


def _event_problems(event: InvoiceEvent, book: InvoiceBook, facts: Mapping[Id, BillFacts],
                    rule: VoidRule, reported_through: date | None,
                    table: TaxTable | None) -> list[Problem]:
    if book.has_seen(event.id):  # the same entry sent again: nothing new
        return []
    structural = book.structural_problem(event)
    if structural is not None:
        return [structural]
    params = _ids(event)
    if event.kind is EventKind.VOID:
        blue = book.invoice(event.target)
        assert blue is not None  # structural_problem checked it
        issued = {"issued_on": blue.issued_on.isoformat(), "on": event.on.isoformat()}
        if not rule.allowed:
            return [Problem("void-not-allowed", params)]
        if rule.same_month and (event.on.year, event.on.month) != (blue.issued_on.year,
                                                                    blue.issued_on.month):
            return [Problem("void-after-month", params | issued)]
        if reported_through is not None and blue.issued_on <= reported_through:
            return [Problem("void-after-report",
                            params | issued | {"reported_through": reported_through.isoformat()})]
        return []
    if event.kind is EventKind.REVERSE:
        blue = book.invoice(event.target)
        assert blue is not None
        if event.lines and event.lines != tuple(ln.negated() for ln in blue.lines):
            return [Problem("red-not-whole", params | {"blue_amount": str(blue.inclusive)})]
        return []
    return _issue_problems(event, book, facts, table)


def _issue_problems(event: InvoiceEvent, book: InvoiceBook, facts: Mapping[Id, BillFacts],
                    table: TaxTable | None) -> list[Problem]:
    params = _ids(event)
    found = []
    if event.target:
        replaced = book.invoice(event.target)
        if replaced is None:
            found.append(Problem("replaces-unknown", params))
        elif replaced.live:
            found.append(Problem("replaces-live", params))
    on_bill: dict[Id, Decimal] = defaultdict(lambda: ZERO)
    for ln in event.lines:
        line = params | {"bill": str(ln.bill_id), "charge": ln.charge,
                         "amount": str(ln.inclusive)}
        bill = facts.get(ln.bill_id)
        if bill is None:
            found.append(Problem("unknown-bill", line))
            continue
        if bill.tenant_id != event.tenant_id:
            found.append(Problem("other-tenant", line | {"tenant": str(event.tenant_id),
                                                         "bill_tenant": str(bill.tenant_id)}))
        if ln.charge != bill.charge:
            found.append(Problem("charge-differs", line | {"bill_charge": bill.charge}))
        if table is not None:
            expected = tax_rate(ln.charge, table)
            if expected is None:
                found.append(Problem("not-invoiceable", line))
            elif expected != ln.rate:
                found.append(Problem("rate-differs", line | {"rate": str(ln.rate),
                                                             "table_rate": str(expected)}))
        if ln.inclusive <= 0:
            found.append(Problem("amount-not-positive", line))
        if ln.exclusive + ln.tax != ln.inclusive:
            found.append(Problem("amounts-do-not-add-up",
                                 line | {"exclusive": str(ln.exclusive), "tax": str(ln.tax)}))
        elif abs(ln.tax - money(ln.exclusive * ln.rate)) > TAX_TOLERANCE:
            found.append(Problem("tax-off", line | {
                "tax": str(ln.tax), "expected": str(money(ln.exclusive * ln.rate)),
                "tolerance": str(TAX_TOLERANCE)}))
        on_bill[ln.bill_id] += ln.inclusive
    for bill_id, adding in on_bill.items():
        bill = facts.get(bill_id)
        if bill is None:
            continue
        invoiced = book.invoiced(bill_id)[0]
        if invoiced + adding > bill.total:
            found.append(Problem("beyond-bill", params | {
                "bill": str(bill_id), "total": str(bill.total), "invoiced": str(invoiced),
                "adding": str(adding)}))
    return found


NOTE_LIMIT = 300  # characters of a reason (invoices.note)


def reason_problems(event: InvoiceEvent) -> list[Problem]:
    """A void or a red invoice says why (a tax audit asks): ``reason-missing`` when it
    does not, ``reason-long`` past :data:`NOTE_LIMIT` characters. An issue needs none.

    >>> [p.code for p in reason_problems(void(uuid.UUID(int=1), "N1", date(2026, 3, 5)))]
    ['reason-missing']
    """
    if event.kind is EventKind.ISSUE:
        return []
    note = event.note.strip()
    if not note:
        return [Problem("reason-missing", _ids(event))]
    if len(note) > NOTE_LIMIT:
        return [Problem("reason-long", _ids(event) | {"length": str(len(note)),
                                                      "limit": str(NOTE_LIMIT)})]
    return []


def _ids(event: InvoiceEvent) -> dict[str, str]:
    params = {"event": str(event.id), "kind": event.kind.value}
    if event.number:
        params["number"] = event.number
    if event.target:
        params["target"] = event.target
    return params
