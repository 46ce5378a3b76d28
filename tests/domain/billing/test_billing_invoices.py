"""Invoices: tax splits, issue → void / 红冲 → reissue, and every refusal (issue 12)."""

from __future__ import annotations

import doctest
import uuid
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.billing.invoices import (
    DEFAULT_TAX_TABLE,
    SIMPLIFIED_TAX_TABLE,
    TAX_TOLERANCE,
    BillFacts,
    EventKind,
    InvoiceEvent,
    InvoiceLine,
    InvoiceStatus,
    Pricing,
    VoidRule,
    from_exclusive,
    from_inclusive,
    invoice_book,
    invoice_line,
    invoice_problems,
    issue,
    missing_rates,
    reverse,
    tax_rate,
    void,
)

D = Decimal
T1, T2 = uuid.UUID(int=1), uuid.UUID(int=2)
RENT = BillFacts(uuid.UUID(int=101), T1, "rent", D("10900.00"))
FEE = BillFacts(uuid.UUID(int=102), T1, "property_fee", D("1060.00"))
OTHER = BillFacts(uuid.UUID(int=103), T2, "rent", D("5450.00"))
BILLS = (RENT, FEE, OTHER)
NINE, SIX = D("0.09"), D("0.06")


def eid(n: int) -> uuid.UUID:
    return uuid.UUID(int=1000 + n)


def codes(problems: list) -> list[str]:
    return [p.code for p in problems]


def accept(new: list[InvoiceEvent], existing: list[InvoiceEvent], **kw) -> list[InvoiceEvent]:
    """Check the events as the service will and keep them: fails the test on a refusal."""
    problems = invoice_problems(new, existing, BILLS, **kw)
    assert problems == []
    return existing + new



def test_the_module_examples_hold() -> None:
    import domain.billing.invoices

    result = doctest.testmod(domain.billing.invoices)
    assert result.failed == 0 and result.attempted > 3

# --- amounts -------------------------------------------------------------------------

def test_a_tax_inclusive_amount_splits_to_the_cent_and_adds_up() -> None:
    rent = from_inclusive(D("10900.00"), NINE)
    assert (rent.exclusive, rent.tax) == (D("10000.00"), D("900.00"))
    fee = from_inclusive(D("100.00"), SIX)  # 94.339… rounds down; the tax takes the rest
    assert (fee.exclusive, fee.tax) == (D("94.34"), D("5.66"))
    odd = from_inclusive(D("0.05"), D("0.13"))  # 0.0442… → 0.04, tax 0.01
    assert (odd.exclusive, odd.tax) == (D("0.04"), D("0.01"))


def test_a_park_pricing_ex_tax_adds_the_tax_to_the_cent() -> None:
    rent = from_exclusive(D("10000.00"), NINE)
    assert (rent.inclusive, rent.tax) == (D("10900.00"), D("900.00"))
    fee = from_exclusive(D("94.34"), SIX)  # 5.6604 → 5.66
    assert (fee.inclusive, fee.tax) == (D("100.00"), D("5.66"))
    # Ex-tax first and inclusive first need not meet: 0.06 × 94.35 = 5.661 → 100.01.
    assert from_exclusive(D("94.35"), SIX).inclusive == D("100.01")


def test_money_in_the_split_is_never_a_float() -> None:
    with pytest.raises(TypeError):
        from_inclusive(1090.0, NINE)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="VAT rate"):
        from_inclusive(D("100"), D("9"))  # 900 %: a percentage typed as a whole number


@given(st.decimals(min_value=D("-9999999.99"), max_value=D("9999999.99"), places=2),
       st.sampled_from([D("0"), D("0.03"), D("0.05"), D("0.06"), D("0.09"), D("0.13")]))
def test_any_split_adds_up_and_stays_within_a_cent_of_the_rate(inclusive: Decimal,
                                                              rate: Decimal) -> None:
    split = from_inclusive(inclusive, rate)
    assert split.exclusive + split.tax == split.inclusive == inclusive
    # Inside the platform's 0.06 by far: the split is off exclusive × rate by a cent at most.
    assert abs(split.tax - from_exclusive(split.exclusive, rate).tax) <= D("0.01")
    # A red line is the blue one negated, cent for cent.
    red = from_inclusive(-inclusive, rate)
    assert (red.exclusive, red.tax) == (-split.exclusive, -split.tax)


def test_rates_come_from_the_charge_code_then_its_kind_and_deposits_are_not_invoiced() -> None:
    assert tax_rate("rent") == NINE
    assert tax_rate("service:空调") == SIX
    assert tax_rate("electricity") == D("0.13")
    assert tax_rate("rent", SIMPLIFIED_TAX_TABLE) == D("0.05")
    assert tax_rate("deposit") is None
    assert missing_rates(["rent", "deposit", "telecom", "service:网络"]) == ["telecom"]
    own = DEFAULT_TAX_TABLE.rates | {"service:空调": D("0.13")}
    assert tax_rate("service:空调", type(DEFAULT_TAX_TABLE)(own)) == D("0.13")


# --- issue → red-letter reversal → reissue ---------------------------------------------

def test_issue_reverse_and_reissue_with_inclusive_amounts() -> None:
    blue_line = invoice_line(RENT, NINE)
    assert (blue_line.inclusive, blue_line.exclusive, blue_line.tax) == (
        D("10900.00"), D("10000.00"), D("900.00"))
    events = accept([issue(eid(1), "24312000000000000001", date(2026, 3, 2), T1, [blue_line])],
                    [])
    book = invoice_book(events)
    assert book.bills([RENT])[0].uninvoiced == D("0.00")

    blue = book.invoice("24312000000000000001")
    assert blue is not None
    red = reverse(eid(2), "24312000000000000777", date(2026, 4, 8), blue, note="开票有误")
    events = accept([red], events)
    book = invoice_book(events)
    reversed_blue = book.invoice("24312000000000000001")
    red_invoice = book.invoice("24312000000000000777")
    assert reversed_blue is not None and red_invoice is not None
    assert reversed_blue.status is InvoiceStatus.REVERSED
    assert reversed_blue.reversed_by == "24312000000000000777"
    assert reversed_blue.closed_on == date(2026, 4, 8)
    assert red_invoice.red and red_invoice.reverses == "24312000000000000001"
    assert (red_invoice.inclusive, red_invoice.exclusive, red_invoice.tax) == (
        D("-10900.00"), D("-10000.00"), D("-900.00"))
    row = book.bills([RENT])[0]
    assert (row.inclusive, row.exclusive, row.tax, row.uninvoiced) == (
        D("0.00"), D("0.00"), D("0.00"), D("10900.00"))

    again = issue(eid(3), "24312000000000000901", date(2026, 4, 8), T1,
                  [invoice_line(RENT, NINE)], replaces="24312000000000000001")
    events = accept([again], events)
    book = invoice_book(events)
    assert [(i.number, i.status.value, i.red) for i in book.invoices] == [
        ("24312000000000000001", "reversed", False),
        ("24312000000000000777", "issued", True),
        ("24312000000000000901", "issued", False)]
    assert book.invoice("24312000000000000901").replaces == "24312000000000000001"  # type: ignore[union-attr]
    row = book.bills([RENT])[0]
    assert (row.inclusive, row.exclusive, row.tax) == (D("10900.00"), D("10000.00"),
                                                       D("900.00"))


def test_issue_reverse_and_reissue_with_exclusive_amounts() -> None:
    # A park pricing ex-tax: 10,000.00 ex-tax is 10,900.00 to the tenant.
    line = invoice_line(RENT, NINE, D("10000.00"), Pricing.EXCLUSIVE)
    assert (line.inclusive, line.exclusive, line.tax) == (D("10900.00"), D("10000.00"),
                                                          D("900.00"))
    events = accept([issue(eid(1), "A1", date(2026, 3, 2), T1, [line])], [])
    blue = invoice_book(events).invoice("A1")
    events = accept([reverse(eid(2), "R1", date(2026, 3, 20), blue)], events)  # type: ignore[arg-type]
    # Reissued in two parts, ex-tax 6,000 and 4,000: 6,540 + 4,360 = the bill.
    parts = [invoice_line(RENT, NINE, D("6000.00"), Pricing.EXCLUSIVE),
             invoice_line(RENT, NINE, D("4000.00"), Pricing.EXCLUSIVE)]
    events = accept([issue(eid(3), "A2", date(2026, 3, 20), T1, parts[:1], replaces="A1"),
                     issue(eid(4), "A3", date(2026, 3, 21), T1, parts[1:])], events)
    row = invoice_book(events).bills([RENT])[0]
    assert (row.inclusive, row.exclusive, row.tax, row.uninvoiced) == (
        D("10900.00"), D("10000.00"), D("900.00"), D("0.00"))


def test_one_invoice_may_cover_several_bills_of_one_tenant_each_at_its_rate() -> None:
    lines = [invoice_line(RENT, NINE), invoice_line(FEE, SIX)]
    events = accept([issue(eid(1), "M1", date(2026, 3, 2), T1, lines)], [],
                    table=DEFAULT_TAX_TABLE)
    invoice = invoice_book(events).invoice("M1")
    assert invoice is not None
    assert (invoice.inclusive, invoice.exclusive, invoice.tax) == (
        D("11960.00"), D("11000.00"), D("960.00"))
    mixed = issue(eid(2), "M2", date(2026, 3, 2), T1, [invoice_line(OTHER, NINE)])
    assert codes(invoice_problems([mixed], [], BILLS)) == ["other-tenant"]


# --- void ---------------------------------------------------------------------------------

def test_a_void_in_the_month_of_issue_frees_the_bill_and_keeps_the_number() -> None:
    events = accept([issue(eid(1), "V1", date(2026, 3, 2), T1, [invoice_line(RENT, NINE)])],
                    [])
    events = accept([void(eid(2), "V1", date(2026, 3, 31), note="抬头错误")], events)
    book = invoice_book(events)
    voided = book.invoice("V1")
    assert voided is not None and voided.status is InvoiceStatus.VOIDED
    assert voided.voided_on == date(2026, 3, 31) and not voided.live
    assert [i.number for i in book.invoices] == ["V1"]  # still listed
    assert book.bills([RENT])[0].uninvoiced == D("10900.00")
    # Reissued under a new number; the voided one's number stays taken.
    events = accept([issue(eid(3), "V2", date(2026, 3, 31), T1, [invoice_line(RENT, NINE)],
                           replaces="V1")], events)
    reuse = issue(eid(4), "V1", date(2026, 4, 1), T1, [invoice_line(FEE, SIX)])
    assert codes(invoice_problems([reuse], events, BILLS)) == ["duplicate-number"]


def test_a_void_is_refused_after_the_month_after_reporting_and_where_not_allowed() -> None:
    events = accept([issue(eid(1), "V1", date(2026, 3, 2), T1, [invoice_line(RENT, NINE)])],
                    [])
    late = void(eid(2), "V1", date(2026, 4, 1))
    (problem,) = invoice_problems([late], events, BILLS)
    assert problem.code == "void-after-month"
    assert problem.params["issued_on"] == "2026-03-02" and problem.params["on"] == "2026-04-01"
    # A park that allows voids across months still cannot void a reported month.
    assert invoice_problems([late], events, BILLS, rule=VoidRule(same_month=False)) == []
    assert codes(invoice_problems([late], events, BILLS, rule=VoidRule(same_month=False),
                                  reported_through=date(2026, 3, 31))) == ["void-after-report"]
    in_month = void(eid(3), "V1", date(2026, 3, 15))
    assert codes(invoice_problems([in_month], events, BILLS,
                                  reported_through=date(2026, 2, 28))) == []
    assert codes(invoice_problems([in_month], events, BILLS,
                                  rule=VoidRule(allowed=False))) == ["void-not-allowed"]
    early = void(eid(4), "V1", date(2026, 3, 1))
    assert codes(invoice_problems([early], events, BILLS)) == ["dated-before-issue"]


# --- what is refused --------------------------------------------------------------------

def test_numbers_are_unique_across_blue_and_red_whatever_the_spaces() -> None:
    events = accept([issue(eid(1), "1234 5678", date(2026, 3, 2), T1,
                           [invoice_line(FEE, SIX)])], [])
    assert invoice_book(events).invoice("12345678") is not None
    again = issue(eid(2), "12345678", date(2026, 3, 3), T1, [invoice_line(RENT, NINE)])
    (problem,) = invoice_problems([again], events, BILLS)
    assert (problem.code, problem.params["number"]) == ("duplicate-number", "12345678")
    blue = invoice_book(events).invoice("12345678")
    red = reverse(eid(3), " 1234 5678", date(2026, 3, 4), blue)  # type: ignore[arg-type]
    assert codes(invoice_problems([red], events, BILLS)) == ["duplicate-number"]
    missing = issue(eid(4), "  ", date(2026, 3, 3), T1, [invoice_line(RENT, NINE)])
    assert codes(invoice_problems([missing], events, BILLS)) == ["number-missing"]
    # Two new events with one number: the second is refused.
    pair = [issue(eid(5), "N9", date(2026, 3, 3), T1, [invoice_line(RENT, NINE, D("100.00"))]),
            issue(eid(6), "N9", date(2026, 3, 3), T1, [invoice_line(RENT, NINE, D("100.00"))])]
    assert codes(invoice_problems(pair, events, BILLS)) == ["duplicate-number"]


def test_reversals_of_what_is_not_live_are_refused() -> None:
    events = accept([issue(eid(1), "B1", date(2026, 3, 2), T1, [invoice_line(RENT, NINE)]),
                     issue(eid(2), "B2", date(2026, 3, 2), T1, [invoice_line(FEE, SIX)])], [])
    book = invoice_book(events)
    b1, b2 = book.invoice("B1"), book.invoice("B2")
    ghost = InvoiceEvent(eid(3), EventKind.REVERSE, date(2026, 3, 5), "R0", "NOPE", T1)
    assert codes(invoice_problems([ghost], events, BILLS)) == ["unknown-invoice"]
    events = accept([reverse(eid(4), "R1", date(2026, 3, 5), b1),  # type: ignore[arg-type]
                     void(eid(5), "B2", date(2026, 3, 6))], events)
    second = reverse(eid(6), "R2", date(2026, 3, 7), b1)  # type: ignore[arg-type]
    (problem,) = invoice_problems([second], events, BILLS)
    assert (problem.code, problem.params["red"]) == ("already-reversed", "R1")
    assert codes(invoice_problems([void(eid(7), "B1", date(2026, 3, 7))], events, BILLS)) == [
        "already-reversed"]
    assert codes(invoice_problems([reverse(eid(8), "R3", date(2026, 3, 7), b2)],  # type: ignore[arg-type]
                                  events, BILLS)) == ["already-voided"]
    red = invoice_book(events).invoice("R1")
    assert codes(invoice_problems([reverse(eid(9), "R4", date(2026, 3, 7), red)],  # type: ignore[arg-type]
                                  events, BILLS)) == ["not-blue"]
    assert codes(invoice_problems([void(eid(10), "R1", date(2026, 3, 7))], events, BILLS)) == [
        "not-blue"]


def test_a_red_invoice_must_negate_the_blue_one_whole() -> None:
    events = accept([issue(eid(1), "B1", date(2026, 3, 2), T1, [invoice_line(RENT, NINE)])],
                    [])
    partial = invoice_line(RENT, NINE, D("-5450.00"))
    red = InvoiceEvent(eid(2), EventKind.REVERSE, date(2026, 3, 9), "R1", "B1", T1, (partial,))
    assert codes(invoice_problems([red], events, BILLS)) == ["red-not-whole"]


def test_invoicing_beyond_a_bill_is_refused_and_a_reversal_makes_room() -> None:
    events = accept([issue(eid(1), "P1", date(2026, 3, 2), T1,
                           [invoice_line(RENT, NINE, D("6000.00"))])], [])
    over = issue(eid(2), "P2", date(2026, 3, 3), T1, [invoice_line(RENT, NINE, D("5000.00"))])
    (problem,) = invoice_problems([over], events, BILLS)
    assert problem.code == "beyond-bill"
    assert (problem.params["total"], problem.params["invoiced"], problem.params["adding"]) == (
        "10900.00", "6000.00", "5000.00")
    rest = issue(eid(3), "P3", date(2026, 3, 3), T1, [invoice_line(RENT, NINE, D("4900.00"))])
    events = accept([rest], events)
    events = accept([reverse(eid(4), "R1", date(2026, 3, 4),
                             invoice_book(events).invoice("P1"))], events)  # type: ignore[arg-type]
    assert invoice_problems([over], events, BILLS) == []
    # Two lines of one bill on one invoice count together.
    both = issue(eid(5), "P4", date(2026, 3, 4), T1,
                 [invoice_line(FEE, SIX, D("600.00")), invoice_line(FEE, SIX, D("500.00"))])
    assert codes(invoice_problems([both], events, BILLS)) == ["beyond-bill"]


def test_a_credit_below_the_invoiced_amount_shows_as_over_invoiced() -> None:
    events = accept([issue(eid(1), "B1", date(2026, 3, 2), T1, [invoice_line(RENT, NINE)])],
                    [])
    credited = BillFacts(RENT.bill_id, T1, "rent", D("9900.00"))  # a 1,000.00 credit line
    row = invoice_book(events).bills([credited])[0]
    assert row.over_invoiced and row.uninvoiced == D("-1000.00")


def test_each_bad_line_is_named() -> None:
    stranger = InvoiceLine(uuid.UUID(int=999), "rent", NINE, D("109.00"), D("100.00"),
                           D("9.00"))
    wrong_charge = InvoiceLine(RENT.bill_id, "property_fee", SIX, D("106.00"), D("100.00"),
                               D("6.00"))
    negative = invoice_line(FEE, SIX, D("-10.00"))
    loose = InvoiceLine(RENT.bill_id, "rent", NINE, D("109.00"), D("100.00"), D("8.00"))
    off = InvoiceLine(RENT.bill_id, "rent", NINE, D("109.00"), D("99.90"), D("9.10"))
    event = issue(eid(1), "X1", date(2026, 3, 2), T1,
                  [stranger, wrong_charge, negative, loose, off])
    assert codes(invoice_problems([event], [], BILLS)) == [
        "unknown-bill", "charge-differs", "amount-not-positive", "amounts-do-not-add-up",
        "tax-off"]
    assert D("0.06") == TAX_TOLERANCE
    # Off by exactly the platform's tolerance passes: 99.94 × 9 % = 8.99, tax 9.05.
    edge = InvoiceLine(RENT.bill_id, "rent", NINE, D("108.99"), D("99.94"), D("9.05"))
    assert invoice_problems([issue(eid(2), "X2", date(2026, 3, 2), T1, [edge])], [],
                            BILLS) == []
    assert codes(invoice_problems([issue(eid(3), "X3", date(2026, 3, 2), T1, [])], [],
                                  BILLS)) == ["no-lines"]


def test_with_the_park_table_rates_must_be_its_own_and_deposits_are_refused() -> None:
    deposit = BillFacts(uuid.UUID(int=104), T1, "deposit", D("30000.00"))
    lines = [invoice_line(RENT, D("0.05")), invoice_line(deposit, D("0"))]
    event = issue(eid(1), "T1", date(2026, 3, 2), T1, lines)
    assert codes(invoice_problems([event], [], [*BILLS, deposit],
                                  table=DEFAULT_TAX_TABLE)) == ["rate-differs",
                                                                "not-invoiceable"]
    assert codes(invoice_problems([issue(eid(2), "T2", date(2026, 3, 2), T1, lines[:1])], [],
                                  BILLS, table=SIMPLIFIED_TAX_TABLE)) == []


def test_a_reissue_names_an_invoice_that_is_no_longer_live() -> None:
    events = accept([issue(eid(1), "B1", date(2026, 3, 2), T1,
                           [invoice_line(RENT, NINE, D("100.00"))])], [])
    live = issue(eid(2), "B2", date(2026, 3, 2), T1, [invoice_line(FEE, SIX)], replaces="B1")
    assert codes(invoice_problems([live], events, BILLS)) == ["replaces-live"]
    nowhere = issue(eid(3), "B3", date(2026, 3, 2), T1, [invoice_line(FEE, SIX)],
                    replaces="ZZ")
    assert codes(invoice_problems([nowhere], events, BILLS)) == ["replaces-unknown"]


def test_replaying_sets_aside_conflicts_and_skips_resent_entries() -> None:
    first = issue(eid(1), "D1", date(2026, 3, 2), T1, [invoice_line(RENT, NINE)])
    # Another device recorded the same platform number for another bill while offline.
    clash = issue(eid(2), "D1", date(2026, 3, 2), T1, [invoice_line(FEE, SIX)])
    book = invoice_book([first, first, clash])
    assert [i.number for i in book.invoices] == ["D1"]
    assert [(event, p.code) for event, p in book.set_aside] == [(eid(2), "duplicate-number")]
    assert book.bills([RENT, FEE])[1].inclusive == D("0.00")
    # The same entry sent twice is not a problem when proposed again either.
    assert invoice_problems([first], [first], BILLS) == []


# --- any sequence ---------------------------------------------------------------------------

@st.composite
def proposals(draw: st.DrawFn) -> list[tuple]:
    steps = []
    for _ in range(draw(st.integers(1, 40))):
        steps.append((draw(st.sampled_from(["issue", "issue", "void", "reverse"])),
                      draw(st.integers(0, 7)),  # a number, or the invoice acted on
                      draw(st.sampled_from(BILLS)),
                      draw(st.decimals(min_value=D("0.01"), max_value=D("12000.00"),
                                       places=2)),
                      draw(st.integers(0, 60))))  # days after 1 March
    return steps


@settings(max_examples=200)
@given(proposals())
def test_any_accepted_sequence_keeps_bills_within_their_totals(steps: list[tuple]) -> None:
    events: list[InvoiceEvent] = []
    for n, (kind, which, bill, amount, day) in enumerate(steps):
        on = date(2026, 3, 1) + timedelta(days=day)
        book = invoice_book(events)
        if kind == "issue":
            event = issue(eid(n), f"N{which}-{n % 3}", on, bill.tenant_id,
                          [invoice_line(bill, NINE, amount)])
        elif kind == "void":
            event = void(eid(n), f"N{which}-{n % 3}", on)
        else:
            blue = book.invoice(f"N{which}-{n % 3}")
            if blue is None:
                continue
            event = reverse(eid(n), f"R{n}", on, blue)
        if not invoice_problems([event], events, BILLS):
            events.append(event)
    book = invoice_book(events)
    assert book.set_aside == []  # what was accepted replays as it was
    numbers = [i.number for i in book.invoices]
    assert len(numbers) == len(set(numbers))
    for row in book.bills(BILLS):
        assert D("0.00") <= row.inclusive <= row.total
        assert row.exclusive + row.tax == row.inclusive
        live = sum((ln.inclusive for i in book.invoices if i.status is not InvoiceStatus.VOIDED
                    for ln in i.lines if ln.bill_id == row.bill_id), D("0.00"))
        assert live == row.inclusive
    for invoice in book.invoices:
        if invoice.status is InvoiceStatus.REVERSED:
            red = book.invoice(invoice.reversed_by)
            assert red is not None and red.reverses == invoice.number
            assert red.lines == tuple(ln.negated() for ln in invoice.lines)
        if invoice.status is InvoiceStatus.VOIDED:
            assert invoice.voided_on is not None
            assert (invoice.voided_on.year, invoice.voided_on.month) == (
                invoice.issued_on.year, invoice.issued_on.month)
