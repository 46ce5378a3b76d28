"""The three-ledger check: every cause of difference, and vouchers that balance (issue 12)."""

from __future__ import annotations

import doctest
import uuid
from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.billing.three_ledgers import (
    Allocation,
    Chart,
    ContractFacts,
    DueLine,
    EntryKind,
    FinanceEntry,
    LetUnit,
    OpsAdjustment,
    OpsBill,
    Receipt,
    Reconciliation,
    VoucherLine,
    contract_vs_operations,
    operations_vs_finance,
    reconcile,
    reference,
    references_in,
    vouchers,
)
from domain.leasing.clauses import Charge, ChargeKind, RentTerms
from domain.leasing.schedule import rent_schedule
from tests.three_ledger_books import books, rows

D = Decimal
NS = uuid.UUID("0b6a2f4e-1c3d-4e5f-8a9b-0c1d2e3f4a5b")
T1, T2, T3 = uuid.UUID(int=1), uuid.UUID(int=2), uuid.UUID(int=3)
C1, C2 = uuid.UUID(int=11), uuid.UUID(int=12)
U1, U2, U3 = uuid.UUID(int=21), uuid.UUID(int=22), uuid.UUID(int=23)
ON = date(2026, 4, 15)

CONTRACT = ContractFacts(C1, "HT-2026-0001", T1, date(2026, 1, 1), date(2026, 12, 31),
                         (LetUnit(U1, D("100.00"), "A-101"), LetUnit(U2, D("50.00"), "A-102")))
# Signed for the year, terminated at the end of February.
ENDED = ContractFacts(C2, "HT-2026-0002", T2, date(2026, 1, 1), date(2026, 12, 31),
                      (LetUnit(U3, D("80.00"), "B-201"),), terminated_on=date(2026, 2, 28))
PLAN = {U1: D("100.00"), U2: D("50.00"), U3: D("75.00")}


def bill_id(contract: uuid.UUID | None, start: date, charge: str) -> uuid.UUID:
    return uuid.uuid5(NS, f"{contract}:{start.isoformat()}:{charge}")


def due_lines(contract: ContractFacts) -> list[DueLine]:
    """The contract ledger as the schedule engine makes it: 80/m²/month on 150 m² and a
    property fee of 5/m²/month."""
    area = sum((u.area for u in contract.units), D(0))
    terms = RentTerms(area, D(80), contract.starts_on, contract.ends_on,
                      charges=(Charge(ChargeKind.PROPERTY_FEE, D(5)),))
    lines, problems = rent_schedule(terms)
    assert problems == []
    return [DueLine(contract.contract_id, ln.starts_on, ln.ends_on, ln.due_on, ln.charge,
                    ln.amount) for ln in lines]


def bill_for(line: DueLine, tenant: uuid.UUID = T1, amount: Decimal | None = None,
             billed_on: date | None = None) -> OpsBill:
    return OpsBill(bill_id(line.contract_id, line.period_start, line.charge),
                   line.contract_id, tenant, line.charge, line.period_start, line.period_end,
                   line.due_on, billed_on or line.due_on - timedelta(days=10),
                   line.amount if amount is None else amount)


DUE = due_lines(CONTRACT)
DUE_BY_TODAY = [ln for ln in DUE if ln.due_on <= ON]
BILLS = [bill_for(ln) for ln in DUE_BY_TODAY]


def line_of(start: date, charge: str = "rent") -> DueLine:
    return next(ln for ln in DUE if ln.period_start == start and ln.charge == charge)


def codes(differences: list | tuple) -> list[str]:
    return [d.code for d in differences]



def test_the_module_examples_hold() -> None:
    import domain.billing.three_ledgers

    result = doctest.testmod(domain.billing.three_ledgers)
    assert result.failed == 0 and result.attempted > 3

# --- contract ↔ operations ----------------------------------------------------------------

def test_the_schedule_engine_gives_the_contract_ledger_and_billed_months_agree() -> None:
    assert [(ln.period_start.isoformat(), ln.charge, str(ln.amount)) for ln in DUE[:2]] == [
        ("2026-01-01", "rent", "12000.00"), ("2026-01-01", "property_fee", "750.00")]
    assert len(BILLS) == 8  # January to April, rent and fee
    assert contract_vs_operations(ON, [CONTRACT], DUE, BILLS, plan_areas=PLAN) == []


def test_a_line_due_and_not_billed_is_a_leased_unit_with_no_bill() -> None:
    march = line_of(date(2026, 3, 1))
    bills = [b for b in BILLS if b.bill_id != bill_for(march).bill_id]
    (difference,) = contract_vs_operations(ON, [CONTRACT], DUE, bills)
    assert difference.code == "leased-unit-no-bill"
    assert {k: difference.params[k] for k in ("contract_code", "units", "period_start",
                                              "period_end", "charge", "amount", "due_on")} == {
        "contract_code": "HT-2026-0001", "units": "A-101,A-102", "period_start": "2026-03-01",
        "period_end": "2026-03-31", "charge": "rent", "amount": "12000.00",
        "due_on": "2026-03-01"}
    # May is not due on 15 April: not missed; billed early, it still finds its line.
    may = line_of(date(2026, 5, 1))
    assert contract_vs_operations(ON, [CONTRACT], DUE, [*bills, bill_for(march),
                                                        bill_for(may)]) == []


def test_a_bill_of_another_amount_differs_until_an_adjustment_corrects_it() -> None:
    march = line_of(date(2026, 3, 1))
    short = bill_for(march, amount=D("11999.99"))
    bills = [short if b.bill_id == short.bill_id else b for b in BILLS]
    (difference,) = contract_vs_operations(ON, [CONTRACT], DUE, bills)
    assert difference.code == "amount-differs"
    assert (difference.params["due_amount"], difference.params["billed_amount"],
            difference.params["difference"], difference.params["bill"]) == (
        "12000.00", "11999.99", "-0.01", str(short.bill_id))
    # The cent is billed on April's bill, pointing at March's: both periods agree again.
    april = bill_for(line_of(date(2026, 4, 1)))
    fix = OpsAdjustment(uuid.UUID(int=901), april.bill_id, date(2026, 4, 1), D("0.01"),
                        corrects=short.bill_id)
    assert contract_vs_operations(ON, [CONTRACT], DUE, bills, adjustments=[fix]) == []
    # A credit on a bill's own period (no ``corrects``) counts against that period.
    credit = OpsAdjustment(uuid.UUID(int=902), april.bill_id, date(2026, 4, 2), D("-100.00"))
    (difference,) = contract_vs_operations(ON, [CONTRACT], DUE, BILLS, adjustments=[credit])
    assert (difference.code, difference.params["billed_amount"]) == ("amount-differs",
                                                                     "11900.00")


def test_a_bill_of_no_contract_or_an_unknown_one() -> None:
    loose = OpsBill(uuid.UUID(int=801), None, T3, "other:广告位", date(2026, 3, 1),
                    date(2026, 3, 31), date(2026, 3, 1), date(2026, 2, 20), D("500.00"))
    stray = replace(loose, bill_id=uuid.UUID(int=802), contract_id=uuid.UUID(int=99))
    found = contract_vs_operations(ON, [CONTRACT], DUE, [*BILLS, loose, stray])
    assert codes(found) == ["bill-no-contract", "bill-no-contract"]
    assert {d.params["bill"] for d in found} == {str(loose.bill_id), str(stray.bill_id)}
    assert found[0].params["reference"] == reference(EntryKind.BILL,
                                                     uuid.UUID(found[0].params["bill"]))


def test_billing_after_the_last_day_of_a_terminated_contract() -> None:
    due = due_lines(ENDED)  # the signed term runs to December
    kept = [bill_for(ln, T2) for ln in due if ln.period_start < date(2026, 3, 1)]
    march_rent = bill_for(next(ln for ln in due if ln.period_start == date(2026, 3, 1)), T2)
    late_fee = OpsBill(uuid.UUID(int=803), C2, T2, "late_fee", date(2026, 3, 10),
                       date(2026, 3, 31), date(2026, 4, 1), date(2026, 4, 1), D("36.00"))
    found = contract_vs_operations(ON, [ENDED], due, [*kept, march_rent, late_fee])
    (difference,) = found  # March to December are no longer due: not missed
    assert difference.code == "billed-after-end"
    assert (difference.params["bill"], difference.params["contract_ends_on"],
            difference.params["period_start"]) == (str(march_rent.bill_id), "2026-02-28",
                                                   "2026-03-01")


def test_a_scheduled_charge_billed_for_a_period_the_schedule_does_not_have() -> None:
    odd = OpsBill(uuid.UUID(int=804), C1, T1, "rent", date(2026, 3, 15), date(2026, 4, 14),
                  date(2026, 3, 15), date(2026, 3, 5), D("12000.00"))
    power = OpsBill(uuid.UUID(int=805), C1, T1, "electricity", date(2026, 3, 1),
                    date(2026, 3, 31), date(2026, 4, 10), date(2026, 4, 5), D("2315.40"))
    found = contract_vs_operations(ON, [CONTRACT], DUE, [*BILLS, odd, power])
    assert codes(found) == ["bill-not-in-schedule"]
    assert found[0].params["bill"] == str(odd.bill_id)


def test_areas_let_are_checked_against_the_plan() -> None:
    plan = {U1: D("100.50"), U3: D("75.00")}
    found = contract_vs_operations(ON, [CONTRACT, ENDED], DUE, BILLS, plan_areas=plan)
    assert [(d.code, d.params["unit_code"]) for d in found] == [
        ("area-mismatch", "A-101"), ("unit-not-in-plan", "A-102")]  # B-201's lease ended
    assert (found[0].params["contract_area"], found[0].params["plan_area"],
            found[0].params["difference"]) == ("100.00", "100.50", "0.50")
    assert codes(contract_vs_operations(ON, [CONTRACT], DUE, BILLS, plan_areas=plan,
                                        area_tolerance=D("0.50"))) == ["unit-not-in-plan"]


# --- vouchers --------------------------------------------------------------------------------

RENT_BILL = OpsBill(uuid.UUID(int=501), C1, T1, "rent", date(2026, 3, 1), date(2026, 3, 31),
                    date(2026, 3, 1), date(2026, 2, 20), D("10900.00"))
FEE_BILL = OpsBill(uuid.UUID(int=502), C1, T1, "property_fee", date(2026, 3, 1),
                   date(2026, 3, 31), date(2026, 3, 1), date(2026, 2, 20), D("100.00"))
DEPOSIT = OpsBill(uuid.UUID(int=503), C1, T1, "deposit", date(2026, 1, 1), date(2026, 1, 1),
                  date(2026, 1, 1), date(2025, 12, 20), D("30000.00"))
PAID = Receipt(uuid.UUID(int=601), T1, date(2026, 3, 3), D("11500.00"), "CMB20260303001")
TO_RENT = Allocation(uuid.UUID(int=701), PAID.payment_id, RENT_BILL.bill_id, date(2026, 3, 3),
                     D("10900.00"))
TO_FEE = Allocation(uuid.UUID(int=702), PAID.payment_id, FEE_BILL.bill_id, date(2026, 3, 3),
                    D("100.00"))
REFUND = Allocation(uuid.UUID(int=703), PAID.payment_id, None, date(2026, 3, 10),
                    D("500.00"))
CREDIT = OpsAdjustment(uuid.UUID(int=504), RENT_BILL.bill_id, date(2026, 3, 20), D("-1090.00"))


def test_a_bill_books_receivable_against_revenue_and_output_vat() -> None:
    assert rows(vouchers([RENT_BILL, FEE_BILL], [], [], Chart())) == [
        ("LM-B", "1122", "10900.00", "0.00"), ("LM-B", "6001", "0.00", "10000.00"),
        ("LM-B", "2221", "0.00", "900.00"),
        ("LM-B", "1122", "100.00", "0.00"), ("LM-B", "6001", "0.00", "94.34"),
        ("LM-B", "2221", "0.00", "5.66")]
    # Deposits are owed back, carry no VAT and are not revenue.
    assert rows(vouchers([DEPOSIT], [], [], Chart())) == [
        ("LM-B", "1122", "30000.00", "0.00"), ("LM-B", "2241", "0.00", "30000.00")]


def test_receipts_go_through_the_clearing_account_and_credits_are_red() -> None:
    lines = vouchers([RENT_BILL, FEE_BILL], [PAID], [TO_RENT, TO_FEE, REFUND], Chart(),
                     adjustments=[CREDIT])
    assert rows(lines)[6:] == [
        ("LM-P", "1002", "11500.00", "0.00"), ("LM-P", "2203", "0.00", "11500.00"),
        ("LM-A", "2203", "10900.00", "0.00"), ("LM-A", "1122", "0.00", "10900.00"),
        ("LM-A", "2203", "100.00", "0.00"), ("LM-A", "1122", "0.00", "100.00"),
        ("LM-R", "2203", "500.00", "0.00"), ("LM-R", "1002", "0.00", "500.00"),
        ("LM-L", "1122", "-1090.00", "0.00"), ("LM-L", "6001", "0.00", "-1000.00"),
        ("LM-L", "2221", "0.00", "-90.00")]
    allocation = next(ln for ln in lines if ln.kind is EntryKind.ALLOCATION)
    assert allocation.reference == reference(EntryKind.ALLOCATION, TO_RENT.allocation_id)
    assert allocation.related == reference(EntryKind.BILL, RENT_BILL.bill_id)
    assert references_in(f"核销 {allocation.reference.lower()} / {allocation.related}") == [
        (EntryKind.ALLOCATION, TO_RENT.allocation_id), (EntryKind.BILL, RENT_BILL.bill_id)]


def test_a_charge_without_a_rate_or_an_entry_without_its_bill_is_refused() -> None:
    odd = replace(RENT_BILL, charge="telecom")
    with pytest.raises(ValueError, match="telecom"):
        vouchers([odd], [], [], Chart())
    with pytest.raises(ValueError, match="receipt not given"):
        vouchers([RENT_BILL], [], [TO_RENT], Chart())
    assert vouchers([replace(RENT_BILL, amount=D("0.00"))], [], [], Chart()) == []


# --- operations ↔ finance -----------------------------------------------------------------

OPS = dict(bills=[RENT_BILL, FEE_BILL, DEPOSIT], receipts=[PAID],
           allocations=[TO_RENT, TO_FEE, REFUND], adjustments=[CREDIT])


def check(entries: list[FinanceEntry], window_days: int = 7) -> Reconciliation:
    return operations_vs_finance(OPS["bills"], OPS["receipts"], OPS["allocations"], entries,
                                 Chart(), adjustments=OPS["adjustments"],
                                 window_days=window_days)


def exported() -> list[VoucherLine]:
    return vouchers(OPS["bills"], OPS["receipts"], OPS["allocations"], Chart(),
                    adjustments=OPS["adjustments"])


def test_books_holding_our_vouchers_match_line_by_line() -> None:
    result = check(books(exported()))
    assert result.differences == ()
    assert sorted((m.kind.label, m.by) for m in result.matches) == [
        ("adjustment", "reference"), ("allocation", "reference"), ("allocation", "reference"),
        ("bill", "reference"), ("bill", "reference"), ("bill", "reference"),
        ("receipt", "reference"), ("refund", "reference")]


@pytest.mark.parametrize(("kind", "code"), [
    (EntryKind.RECEIPT, "receipt-not-in-books"), (EntryKind.BILL, "bill-not-in-books"),
    (EntryKind.ALLOCATION, "allocation-not-in-books"), (EntryKind.REFUND, "refund-not-in-books"),
    (EntryKind.ADJUSTMENT, "adjustment-not-in-books")])
def test_an_entry_of_ours_the_books_do_not_have(kind: EntryKind, code: str) -> None:
    lines = exported()
    first = next(ln for ln in lines if ln.kind is kind)
    entries = [e for e in books(lines) if not e.reference.startswith(first.reference)]
    found = check(entries).differences
    assert codes(found) == [code]
    assert found[0].params["reference"] == first.reference
    assert found[0].params["on"] == first.on.isoformat()


def test_the_receipt_the_books_miss_is_named_with_its_figures() -> None:
    entries = [e for e in books(exported()) if not (e.account == "1002" and e.amount > 0)]
    (difference,) = check(entries).differences
    assert difference.code == "receipt-not-in-books"
    assert {k: difference.params[k] for k in ("kind", "id", "on", "account", "amount",
                                              "tenant")} == {
        "kind": "receipt", "id": str(PAID.payment_id), "on": "2026-03-03", "account": "bank",
        "amount": "11500.00", "tenant": str(T1)}


def test_entries_the_books_have_and_we_do_not() -> None:
    entries = books(exported())
    foreign = FinanceEntry("X1", date(2026, 3, 5), "1122", D("800.00"), T2, "某物流公司",
                           "代收水费", "记-0099")
    ghost = FinanceEntry("X2", date(2026, 3, 5), "1002", D("50.00"), None, "",
                         reference(EntryKind.RECEIPT, uuid.UUID(int=4242)), "记-0100")
    # Our receipt's reference, booked on receivables: not where a receipt belongs.
    misplaced = FinanceEntry("X3", date(2026, 3, 5), "112201", D("-1.00"), T1, "",
                             reference(EntryKind.RECEIPT, PAID.payment_id), "记-0101")
    elsewhere = FinanceEntry("X4", date(2026, 3, 5), "6602", D("99.00"), None, "", "办公费")
    found = check([*entries, foreign, ghost, misplaced, elsewhere]).differences
    assert [(d.code, d.params["why"], d.params["entries"]) for d in found] == [
        ("entry-not-ours", "reference-unknown", "X2"),
        ("entry-not-ours", "reference-unknown", "X3"),
        ("entry-not-ours", "no-match", "X1")]
    assert (found[2].params["customer"], found[2].params["vouchers"],
            found[2].params["books_amount"]) == ("某物流公司", "记-0099", "800.00")


def test_the_same_entry_with_another_amount_differs() -> None:
    entries = [replace(e, amount=D("11000.00")) if e.account == "1002" and e.amount > 0
               else e for e in books(exported())]
    (difference,) = check(entries).differences
    assert difference.code == "amount-differs"
    assert (difference.params["ledgers"], difference.params["amount"],
            difference.params["books_amount"], difference.params["difference"],
            difference.params["vouchers"]) == ("operations/finance", "11500.00", "11000.00",
                                               "-500.00", "记-0004")  # after deposit, rent, fee


def test_an_entry_the_books_split_is_added_up() -> None:
    entries = []
    for e in books(exported()):
        if e.account == "1122" and e.amount == D("10900.00"):
            entries += [replace(e, entry_id=e.entry_id + "a", amount=D("9000.00")),
                        replace(e, entry_id=e.entry_id + "b", amount=D("1900.00"))]
        else:
            entries.append(e)
    result = check(entries)
    assert result.differences == ()
    bill = next(m for m in result.matches if m.entry_id == RENT_BILL.bill_id)
    assert len(bill.entries) == 2


def test_without_our_references_the_books_match_by_date_amount_and_tenant() -> None:
    entries = books(exported(), with_references=False)
    result = check(entries)
    assert result.differences == ()
    assert {m.by for m in result.matches} == {"date-amount-tenant"}
    # A bank line without a customer still matches; one of another tenant does not.
    bank = [replace(e, tenant_id=None) if e.account == "1002" else e for e in entries]
    assert check(bank).differences == ()
    other = [replace(e, tenant_id=T2) if e.account == "1002" and e.amount > 0 else e
             for e in entries]
    assert sorted(codes(check(other).differences)) == ["entry-not-ours",
                                                       "receipt-not-in-books"]
    # Posted 8 days later: outside the week's window, inside a fortnight's.
    late = [replace(e, on=e.on + timedelta(days=8)) if e.account == "1002" and e.amount > 0
            else e for e in entries]
    assert sorted(codes(check(late).differences)) == ["entry-not-ours", "receipt-not-in-books"]
    assert check(late, window_days=14).differences == ()


def test_the_same_tenant_is_preferred_then_the_nearest_date() -> None:
    receipt = Receipt(uuid.UUID(int=610), T1, date(2026, 5, 10), D("700.00"))
    anonymous = FinanceEntry("N1", date(2026, 5, 10), "1002", D("700.00"), None)
    near = FinanceEntry("N2", date(2026, 5, 12), "1002", D("700.00"), T1)
    nearest = FinanceEntry("N3", date(2026, 5, 11), "1002", D("700.00"), T1)
    result = operations_vs_finance([], [receipt], [], [anonymous, near, nearest])
    assert [m.entries for m in result.matches] == [("N3",)]
    assert [d.params["entries"] for d in result.differences] == ["N1", "N2"]


def test_reconcile_lists_both_comparisons() -> None:
    march = line_of(date(2026, 3, 1))
    bills = [b for b in BILLS if b.bill_id != bill_for(march).bill_id]
    receipt = Receipt(uuid.UUID(int=611), T1, date(2026, 4, 2), D("12750.00"))
    lines = vouchers(bills, [receipt], [], Chart())
    entries = [e for e in books(lines) if e.account != "1002"]  # the receipt not booked
    result = reconcile(ON, [CONTRACT], DUE, bills, [receipt], [], entries, plan_areas=PLAN)
    assert codes(result.differences) == ["leased-unit-no-bill", "receipt-not-in-books"]
    assert len(result.matches) == len(bills)


# --- any ledger ---------------------------------------------------------------------------------

AMOUNTS = st.decimals(min_value=D("-20000.00"), max_value=D("20000.00"), places=2)
CHARGES = ["rent", "property_fee", "service:空调", "electricity", "water", "late_fee",
           "deposit", "parking"]


@st.composite
def ledgers(draw: st.DrawFn) -> dict:
    tenants = [T1, T2, T3]
    day = st.integers(0, 365).map(lambda n: date(2026, 1, 1) + timedelta(days=n))
    bills = [OpsBill(uuid.UUID(int=10_000 + n), C1, draw(st.sampled_from(tenants)),
                     draw(st.sampled_from(CHARGES)), date(2026, 1, 1), date(2026, 1, 31),
                     date(2026, 1, 1), draw(day),
                     draw(st.decimals(min_value=D("0.00"), max_value=D("99999.99"), places=2)))
             for n in range(draw(st.integers(1, 12)))]
    adjustments = [OpsAdjustment(uuid.UUID(int=20_000 + n), draw(st.sampled_from(bills)).bill_id,
                                 draw(day), draw(AMOUNTS),
                                 draw(st.sampled_from([None, *[b.bill_id for b in bills]])))
                   for n in range(draw(st.integers(0, 5)))]
    receipts = [Receipt(uuid.UUID(int=30_000 + n), draw(st.sampled_from([*tenants, None])),
                        draw(day), draw(st.decimals(min_value=D("0.01"),
                                                    max_value=D("99999.99"), places=2)))
                for n in range(draw(st.integers(0, 8)))]
    allocations = [Allocation(uuid.UUID(int=40_000 + n),
                              draw(st.sampled_from(receipts)).payment_id,
                              draw(st.sampled_from([None, *[b.bill_id for b in bills]])),
                              draw(day), draw(AMOUNTS))
                   for n in range(draw(st.integers(0, 10) if receipts else st.just(0)))]
    return dict(bills=bills, receipts=receipts, allocations=allocations,
                adjustments=adjustments)


@settings(max_examples=200)
@given(ledgers())
def test_every_voucher_balances_and_the_books_of_our_vouchers_match(ledger: dict) -> None:
    lines = vouchers(ledger["bills"], ledger["receipts"], ledger["allocations"], Chart(),
                     adjustments=ledger["adjustments"])
    debit: dict[str, Decimal] = defaultdict(Decimal)
    credit: dict[str, Decimal] = defaultdict(Decimal)
    for ln in lines:
        assert ln.debit == 0 or ln.credit == 0
        debit[ln.reference] += ln.debit
        credit[ln.reference] += ln.credit
    assert debit == credit  # 借贷平衡, voucher by voucher
    # The anchor accounts say what the ledger says.
    net: dict[str, Decimal] = defaultdict(Decimal)
    for ln in lines:
        net[ln.account] += ln.debit - ln.credit
    allocated = sum((a.amount for a in ledger["allocations"] if a.bill_id), D(0))
    refunded = sum((a.amount for a in ledger["allocations"] if a.bill_id is None), D(0))
    billed = sum((b.amount for b in ledger["bills"]), D(0)) + sum(
        (a.amount for a in ledger["adjustments"]), D(0))
    received = sum((r.amount for r in ledger["receipts"]), D(0))
    assert net["1122"] == billed - allocated
    assert net["1002"] == received - refunded
    assert net["2203"] == -(received - refunded - allocated)
    # Imported back, with or without our references, the books hold every entry of ours.
    for with_references in (True, False):
        result = operations_vs_finance(ledger["bills"], ledger["receipts"],
                                       ledger["allocations"], books(lines, with_references),
                                       Chart(), adjustments=ledger["adjustments"])
        assert result.differences == ()
        assert len(result.matches) == len({ln.reference for ln in lines})


@st.composite
def loose_books(draw: st.DrawFn) -> tuple[list[Receipt], list[FinanceEntry], int]:
    """Receipts and unreferenced bank lines crowded onto a few amounts, tenants and days."""
    day = st.integers(0, 20).map(lambda n: date(2026, 3, 1) + timedelta(days=n))
    amount = st.sampled_from([D("100.00"), D("250.00"), D("-250.00")])
    tenant = st.sampled_from([T1, T2, None])
    receipts = [Receipt(uuid.UUID(int=50_000 + n), draw(tenant), draw(day), draw(amount))
                for n in range(draw(st.integers(0, 15)))]
    entries = [FinanceEntry(f"F{n:03d}", draw(day), draw(st.sampled_from(["1002", "100201"])),
                            draw(amount), draw(tenant)) for n in range(draw(st.integers(0, 15)))]
    return receipts, entries, draw(st.integers(0, 8))


@settings(max_examples=300)
@given(loose_books())
def test_matching_without_references_is_the_nearest_of_the_right_tenant(
        case: tuple[list[Receipt], list[FinanceEntry], int]) -> None:
    receipts, entries, window = case
    # The rule, written the slow way: ours oldest first, each taking its tenant's entry
    # before one of no tenant, then the nearest day, the earlier day, the smaller id.
    free = list(entries)
    expected = {}
    for receipt in sorted(receipts, key=lambda r: (r.received_on, str(r.payment_id))):
        fits = [e for e in free if e.amount == receipt.amount
                and abs((e.on - receipt.received_on).days) <= window
                and (e.tenant_id is None or e.tenant_id == receipt.tenant_id)]
        if fits:
            best = min(fits, key=lambda e: (e.tenant_id is None,
                                            abs((e.on - receipt.received_on).days), e.on,
                                            e.entry_id))
            free.remove(best)
            expected[receipt.payment_id] = (best.entry_id,)
    result = operations_vs_finance([], receipts, [], entries, window_days=window)
    assert {m.entry_id: m.entries for m in result.matches} == expected
    assert sorted(d.params["entries"] for d in result.differences
                  if d.code == "entry-not-ours") == sorted(e.entry_id for e in free)
    assert sum(d.code == "receipt-not-in-books" for d in result.differences) == (
        len(receipts) - len(expected))
