"""Receivables ageing, the arrears list and the collection rate: worked examples, the
30/31, 60/61 and 90/91 boundaries, and totals that always add up."""

from __future__ import annotations

import doctest
import uuid
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import domain.billing.ageing
from domain.billing.ageing import (
    BUCKETS,
    AgeingItem,
    BillDue,
    Bucket,
    Receipt,
    ageing,
    bucket_of,
    collection_rate,
)
from domain.billing.balances import OpenItem

D = Decimal
ON = date(2026, 6, 30)


def uid(n: int) -> uuid.UUID:
    return uuid.UUID(int=n)


T1, T2, T3 = uid(1), uid(2), uid(3)
B1, B2 = uid(101), uid(102)
C1, C2, C3, C4 = uid(201), uid(202), uid(203), uid(204)


def item(bill: int, tenant: uuid.UUID, building: uuid.UUID | None, contract: uuid.UUID,
         days: int, amount: str) -> AgeingItem:
    """An open item ``days`` overdue on ON (negative: due that many days later)."""
    return AgeingItem(uid(1000 + bill), tenant, building, contract, ON - timedelta(days=days),
                    D(amount))


def test_the_module_examples():
    assert doctest.testmod(domain.billing.ageing).failed == 0


@pytest.mark.parametrize(("days", "bucket"), [
    (-5, Bucket.NOT_DUE), (0, Bucket.NOT_DUE), (1, Bucket.DAYS_0_30),
    (30, Bucket.DAYS_0_30), (31, Bucket.DAYS_31_60),
    (60, Bucket.DAYS_31_60), (61, Bucket.DAYS_61_90),
    (90, Bucket.DAYS_61_90), (91, Bucket.OVER_90), (400, Bucket.OVER_90)])
def test_each_boundary_falls_in_its_bucket(days, bucket):
    report = ageing([item(1, T1, B1, C1, days, "10.00")], ON)
    [aged] = report.items
    assert (aged.days_overdue, aged.bucket) == (days, bucket)
    assert report.park.amount(bucket) == D("10.00")
    assert sum(report.park.amount(b) for b in BUCKETS) == D("10.00")
    assert bucket_of(days) is bucket


def test_a_worked_park():
    items = [
        item(1, T1, B1, C1, 95, "3000.00"),   # 90+
        item(2, T1, B1, C1, 65, "3000.00"),   # 61-90
        item(3, T1, B1, C1, 35, "3000.00"),   # 31-60
        item(4, T1, B1, C1, 5, "3000.00"),    # 0-30
        item(5, T1, B1, C1, -1, "3000.00"),   # due tomorrow
        item(6, T1, B2, C2, 0, "450.50"),     # due today: not yet due
        item(7, T2, B2, C3, 31, "1200.25"),   # 31-60
        item(8, T2, B2, C3, 91, "99.99"),     # 90+
        item(9, T3, None, C4, 60, "700.00"),  # 31-60, a contract over two buildings
        item(10, T3, None, C4, 10, "0.00"),   # paid: not open
    ]
    report = ageing(items, ON)
    park = report.park
    assert (park.not_due, park.days_0_30, park.days_31_60, park.days_61_90, park.over_90) == (
        D("3450.50"), D("3000.00"), D("4900.25"), D("3000.00"), D("3099.99"))
    assert park.overdue == D("14000.24")
    assert park.total == D("17450.74")
    assert park.bills == 9
    t1 = report.by_tenant[T1]
    assert (t1.not_due, t1.overdue, t1.bills) == (D("3450.50"), D("12000.00"), 6)
    assert report.by_tenant[T2].amount(Bucket.OVER_90) == D("99.99")
    assert report.by_tenant[T3].amount(Bucket.DAYS_31_60) == D("700.00")
    assert report.by_building[B1].total == D("15000.00")
    assert report.by_building[B2].total == D("1750.74")
    assert report.by_building[None].total == D("700.00")
    assert set(report.by_building) == {B1, B2, None}

    # The arrears list: overdue bills only, per tenant and contract, longest overdue first.
    assert [(a.tenant_id, a.contract_id, a.days_overdue, a.amount, len(a.bills))
            for a in report.arrears] == [
        (T1, C1, 95, D("12000.00"), 4),
        (T2, C3, 91, D("1300.24"), 2),
        (T3, C4, 60, D("700.00"), 1),
    ]
    first = report.arrears[0]
    assert first.oldest_due_on == ON - timedelta(days=95)
    assert first.bills == (uid(1001), uid(1002), uid(1003), uid(1004))  # oldest first
    assert report.arrears_of(T2) == (report.arrears[1],)
    assert report.oldest_overdue(T1) == ON - timedelta(days=95)
    assert report.oldest_overdue(uid(99)) is None

    # Each figure opens on its bills.
    assert [x.item.bill_id for x in report.items_in(Bucket.DAYS_31_60)] == [
        uid(1009), uid(1003), uid(1007)]
    assert [x.item.bill_id for x in report.items_in(Bucket.NOT_DUE, tenant_id=T1)] == [
        uid(1006), uid(1005)]
    assert [x.item.bill_id for x in report.items_in(building_id=B2)] == [
        uid(1008), uid(1007), uid(1006)]


def test_a_tenant_with_nothing_overdue_has_a_row_but_no_arrears():
    report = ageing([item(1, T1, B1, C1, 0, "100.00"), item(2, T1, B1, C1, -30, "100.00")], ON)
    assert report.by_tenant[T1].not_due == D("200.00")
    assert report.by_tenant[T1].overdue == D("0.00")
    assert report.arrears == ()
    assert report.oldest_overdue(T1) is None


def test_arrears_of_equal_age_list_the_larger_first():
    report = ageing([item(1, T1, B1, C1, 40, "100.00"), item(2, T2, B1, C2, 40, "900.00")], ON)
    assert [a.tenant_id for a in report.arrears] == [T2, T1]


def test_nothing_open_is_an_empty_report():
    report = ageing([], ON)
    assert (report.park.total, report.park.bills, report.by_tenant, report.arrears) == (
        D("0.00"), 0, {}, ())


def test_a_negative_open_balance_or_a_float_is_refused():
    with pytest.raises(ValueError, match="never below zero"):
        ageing([item(1, T1, B1, C1, 3, "-0.01")], ON)
    bad = AgeingItem(uid(1), T1, B1, C1, ON, 12.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="float"):
        ageing([bad], ON)


amounts = st.decimals(min_value=D("0.00"), max_value=D("99999.99"), places=2,
                      allow_nan=False, allow_infinity=False)
open_items = st.lists(st.tuples(
    st.integers(0, 4), st.sampled_from([B1, B2, None]), st.integers(0, 3),
    st.integers(-60, 400), amounts), max_size=60)


@settings(max_examples=300, deadline=None)
@given(open_items)
def test_the_buckets_add_up_to_everything_open(rows):
    items = [AgeingItem(uid(5000 + i), uid(t), building, uid(300 + c), ON - timedelta(days=d), a)
             for i, (t, building, c, d, a) in enumerate(rows)]
    report = ageing(items, ON)
    everything = sum((x.amount for x in items), D("0.00"))
    overdue = sum((x.amount for x in items if x.due_on < ON), D("0.00"))
    assert sum(report.park.amount(b) for b in BUCKETS) == report.park.total == everything
    assert report.park.overdue == overdue
    assert sum(a.amount for a in report.arrears) == overdue
    for rows_of in (report.by_tenant, report.by_building):
        for bucket in BUCKETS:
            assert sum((r.amount(bucket) for r in rows_of.values()), D("0.00")) == (
                report.park.amount(bucket))
        assert sum(r.bills for r in rows_of.values()) == report.park.bills
    for bucket in BUCKETS:
        assert sum((x.amount for x in report.items_in(bucket)), D("0.00")) == (
            report.park.amount(bucket))
    assert report.park.bills == sum(1 for x in items if x.amount > 0)


# -- the collection rate -------------------------------------------------------------------

MARCH, MARCH_END = date(2026, 3, 1), date(2026, 3, 31)
A, B, C, E, F = uid(1), uid(2), uid(3), uid(4), uid(5)
BILLS = [
    BillDue(A, date(2026, 3, 1), D("1000.00")),    # first day of the period
    BillDue(B, date(2026, 3, 31), D("500.00")),    # last day
    BillDue(B, date(2026, 3, 31), D("-100.00")),   # its credit line: B bills 400.00
    BillDue(C, date(2026, 3, 15), D("600.00")),
    BillDue(E, date(2026, 2, 28), D("700.00")),    # due before: not counted
    BillDue(F, date(2026, 4, 1), D("800.00")),     # due after: not counted
]
RECEIPTS = [
    Receipt(A, date(2026, 2, 25), D("1000.00")),   # paid in advance: counts
    Receipt(B, date(2026, 3, 31), D("150.00")),    # on the last day: counts
    Receipt(C, date(2026, 3, 20), D("600.00")),
    Receipt(C, date(2026, 3, 25), D("-600.00")),   # reversed: wrong tenant
    Receipt(C, date(2026, 4, 10), D("600.00")),    # paid after the period
    Receipt(E, date(2026, 3, 10), D("700.00")),    # another period's bill: never counts
    Receipt(F, date(2026, 3, 30), D("800.00")),
]


def test_a_worked_collection_rate():
    rate = collection_rate(BILLS, RECEIPTS, MARCH, MARCH_END)
    assert (rate.as_of, rate.billed, rate.collected, rate.outstanding) == (
        MARCH_END, D("2000.00"), D("1150.00"), D("850.00"))
    assert rate.rate == D("0.5750")
    assert set(rate.bills) == {A, B, C}


def test_as_of_a_later_day_counts_what_came_in_since():
    later = collection_rate(BILLS, RECEIPTS, MARCH, MARCH_END, as_of=date(2026, 4, 10))
    assert (later.collected, later.rate) == (D("1750.00"), D("0.8750"))
    before = collection_rate(BILLS, RECEIPTS, MARCH, MARCH_END, as_of=date(2026, 4, 9))
    assert before.collected == D("1150.00")
    midway = collection_rate(BILLS, RECEIPTS, MARCH, MARCH_END, as_of=date(2026, 3, 22))
    assert (midway.billed, midway.collected) == (D("2000.00"), D("1600.00"))


def test_an_over_allocation_is_not_collection_and_a_credit_bill_bills_nothing():
    bills = [BillDue(A, MARCH, D("100.00")), BillDue(B, MARCH, D("-40.00"))]
    paid = [Receipt(A, MARCH, D("130.00")), Receipt(B, MARCH, D("-10.00"))]
    rate = collection_rate(bills, paid, MARCH, MARCH_END)
    assert (rate.billed, rate.collected, rate.rate) == (D("100.00"), D("100.00"), D("1.0000"))


def test_nothing_billed_has_no_rate():
    rate = collection_rate([BillDue(E, date(2026, 2, 1), D("10.00"))], [], MARCH, MARCH_END)
    assert (rate.billed, rate.collected, rate.rate, rate.bills) == (
        D("0.00"), D("0.00"), None, ())


def test_a_period_must_not_end_before_it_starts():
    with pytest.raises(ValueError, match="ends on or after"):
        collection_rate([], [], MARCH_END, MARCH)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 9), st.integers(-20, 50), amounts), max_size=20),
       st.lists(st.tuples(st.integers(0, 9), st.integers(-40, 80), amounts), max_size=30),
       st.integers(0, 60))
def test_the_rate_stays_within_what_was_billed(bills, paid, later):
    bill_rows = [BillDue(uid(b), MARCH + timedelta(days=d), a) for b, d, a in bills]
    receipts = [Receipt(uid(b), MARCH + timedelta(days=d), a) for b, d, a in paid]
    now = collection_rate(bill_rows, receipts, MARCH, MARCH_END)
    then = collection_rate(bill_rows, receipts, MARCH, MARCH_END,
                           as_of=MARCH_END + timedelta(days=later))
    for rate in (now, then):
        assert D("0.00") <= rate.collected <= rate.billed
        assert rate.rate is None or D(0) <= rate.rate <= D(1)
    assert now.collected <= then.collected  # no reversals drawn: money only comes in


def test_the_ledgers_open_items_age_with_their_contracts_buildings():
    def owed(bill: int, contract: uuid.UUID, days: int, amount: str) -> OpenItem:
        return OpenItem(bill_id=uid(bill), tenant_id=T1, contract_id=contract,
                        contract_code="HT-1", charge="rent", period_start=ON,
                        due_on=ON - timedelta(days=days), amount=D(amount), billed=D(amount))

    items = [owed(1, C1, 45, "10.00"), owed(2, C2, 2, "5.00"), owed(3, C3, 0, "1.00")]
    report = ageing(items, ON, building_of={C1: B1, C2: B2})
    assert {k: v.total for k, v in report.by_building.items()} == {
        B1: D("10.00"), B2: D("5.00"), None: D("1.00")}
    assert report.by_tenant[T1].amount(Bucket.DAYS_31_60) == D("10.00")
    # The mapping, when given, decides over an item's own building.
    mine = ageing([item(4, T1, B1, C2, 3, "7.00")], ON, building_of={C2: B2})
    assert set(mine.by_building) == {B2}
