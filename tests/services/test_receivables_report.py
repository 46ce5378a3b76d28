"""Receivables reports on a real workspace: ageing from stored bills at its boundaries, the
collection rate by the day, credit from the payment record and the signals entered, and
the Excel workbook read back cell by cell.

The small park's tenant (上海云帆智能科技有限公司) holds ZD-A-0101 under HT-2026-0001
(11,913.00 a month); each test signs ZD-A-0103 to it as HT-B-1 (12,540.00 a month from
2026-03-01) and posts March's bills (both due 2026-03-01: 24,453.00) unless it says.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from domain.billing.ageing import BUCKETS, Bucket
from domain.billing.credit import Tier
from services import billing_run, payments
from services.payments import PaymentInput
from services.receivables_report import (
    ENGLISH,
    SheetWords,
    collection,
    credit_scores,
    export_ageing,
    month_of,
    read_report,
    sheet_title,
)
from store.schema import Allocation, Bill, Tenant
from store.workspace import Workspace
from tests.small_leases import open_small, park_id, sign_lease

D = Decimal
DUE = date(2026, 3, 1)
MARCH_TOTAL = D("24453.00")  # 11,913.00 + 12,540.00
TENANT = "上海云帆智能科技有限公司"


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "park.leasemap")
    sign_lease(workspace, "ZD-A-0103", "HT-B-1")
    billing_run.post_run(workspace, park_id(workspace), DUE, date(2026, 3, 31),
                         date(2026, 2, 25))
    yield workspace
    workspace.close()


def _tenant(ws: Workspace):
    with ws.reading() as s:
        return s.scalar(select(Tenant.id))


def _pay(ws: Workspace, on: date, amount: str) -> None:
    payments.enter_payment(ws, park_id(ws), PaymentInput(on, D(amount), TENANT,
                                                         tenant_id=_tenant(ws)))


def _pay_bill(ws: Workspace, number: str, on: date, amount: str) -> None:
    """A payment allocated by a person to one bill (oldest first would pick between two
    bills due the same day by their ids, which differ from run to run)."""
    with ws.reading() as s:
        bill = s.scalar(select(Bill.id).where(Bill.number == number))
    paid = payments.enter_payment(ws, park_id(ws), PaymentInput(on, D(amount), TENANT))
    payments.allocate_payment(ws, paid, [(bill, D(amount))], on)


def test_the_stored_bills_age_into_their_columns_at_30_60_and_90_days(ws):
    with ws.reading() as s:
        stored = s.execute(select(Bill.number, Bill.due_on, Bill.amount)).all()
    assert sorted(stored) == [("HT-2026-0001/2026-03-01/rent", DUE, D("11913.00")),
                              ("HT-B-1/2026-03-01/rent", DUE, D("12540.00"))]
    expected = {0: Bucket.NOT_DUE, 1: Bucket.DAYS_0_30, 30: Bucket.DAYS_0_30,
                31: Bucket.DAYS_31_60, 60: Bucket.DAYS_31_60, 61: Bucket.DAYS_61_90,
                90: Bucket.DAYS_61_90, 91: Bucket.OVER_90}
    for days, bucket in expected.items():
        report = read_report(ws, park_id(ws), DUE + timedelta(days=days))
        park = report.park
        assert park.amount(bucket) == MARCH_TOTAL, (days, bucket)
        assert [park.amount(b) for b in BUCKETS if b != bucket] == [D("0.00")] * 4, days
        assert park.bills == 2
        [tenant] = report.tenants
        assert (tenant.name, tenant.contracts) == (TENANT, ("HT-2026-0001", "HT-B-1"))
        assert tenant.totals == park
        [building] = report.buildings
        assert (building.code, building.totals) == ("A", park)
        if bucket is Bucket.NOT_DUE:
            assert report.arrears == () and park.overdue == 0
            continue
        assert [(a.contract, a.days_overdue, a.amount, a.bills, a.building)
                for a in report.arrears] == [
            ("HT-B-1", days, D("12540.00"), ("HT-B-1/2026-03-01/rent",), "A"),
            ("HT-2026-0001", days, D("11913.00"), ("HT-2026-0001/2026-03-01/rent",), "A")]


def test_a_payment_counts_from_the_day_it_was_allocated(ws):
    _pay(ws, date(2026, 3, 5), "12000.00")  # oldest first: HT-B-1's 12,540.00 first
    before = read_report(ws, park_id(ws), date(2026, 3, 4))
    assert before.park.overdue == MARCH_TOTAL
    after = read_report(ws, park_id(ws), date(2026, 3, 6))
    assert after.park.overdue == MARCH_TOTAL - D("12000.00")
    by_contract = {a.contract: a.amount for a in after.arrears}
    assert sum(by_contract.values()) == D("12453.00")
    assert after.arrears[0].amount == max(by_contract.values())  # largest first, same age
    _pay(ws, date(2026, 3, 9), "12453.00")
    paid = read_report(ws, park_id(ws), date(2026, 3, 10))
    assert paid.arrears == () and paid.tenants == () and paid.park.total == 0
    # Looking back, the day before the second payment still owed it.
    assert read_report(ws, park_id(ws), date(2026, 3, 8)).park.overdue == D("12453.00")


def test_the_collection_rate_is_what_came_in_by_the_day_of_what_fell_due(ws):
    _pay(ws, date(2026, 3, 5), "12000.00")
    _pay(ws, date(2026, 4, 3), "12453.00")
    start, end = month_of(date(2026, 3, 17))
    assert (start, end) == (date(2026, 3, 1), date(2026, 3, 31))
    with ws.reading() as s:
        march = collection(s, park_id(ws), start, end)
        early = collection(s, park_id(ws), start, end, as_of=date(2026, 3, 4))
        later = collection(s, park_id(ws), start, end, as_of=date(2026, 4, 30))
        april = collection(s, park_id(ws), date(2026, 4, 1), date(2026, 4, 30))
    assert (march.billed, march.collected, march.rate) == (MARCH_TOTAL, D("12000.00"),
                                                           D("0.4907"))
    assert march.outstanding == D("12453.00")
    assert (early.collected, early.rate) == (D("0.00"), D("0.0000"))
    assert (later.collected, later.rate) == (MARCH_TOTAL, D("1.0000"))
    assert (april.billed, april.rate) == (D("0.00"), None)  # nothing due: no rate
    # The report's own rate: the As of month so far.
    report = read_report(ws, park_id(ws), date(2026, 3, 20))
    rate = report.collection
    assert (rate.start, rate.end, rate.as_of) == (date(2026, 3, 1), date(2026, 3, 20),
                                                  date(2026, 3, 20))
    assert (rate.billed, rate.collected, rate.rate) == (MARCH_TOTAL, D("12000.00"),
                                                        D("0.4907"))


def test_a_reversed_allocation_opens_the_bill_again_from_its_day(ws):
    _pay_bill(ws, "HT-B-1/2026-03-01/rent", date(2026, 3, 5), "12540.00")
    with ws.reading() as s:
        [allocation] = s.scalars(select(Allocation.id)).all()
    payments.reverse_allocation(ws, allocation, date(2026, 3, 12))
    assert read_report(ws, park_id(ws), date(2026, 3, 11)).park.overdue == D("11913.00")
    assert read_report(ws, park_id(ws), date(2026, 3, 12)).park.overdue == MARCH_TOTAL
    with ws.reading() as s:
        rate = collection(s, park_id(ws), date(2026, 3, 1), date(2026, 3, 31))
    assert rate.collected == D("0.00")


def test_credit_reads_late_payments_overdue_bills_and_the_signals_entered(ws):
    # March paid in full on the 10th: two bills settled 9 days late.
    _pay(ws, date(2026, 3, 10), "24453.00")
    with ws.reading() as s:
        [clean] = credit_scores(s, park_id(ws), date(2026, 3, 31))
    assert clean.name == TENANT
    assert (clean.score.score, clean.tier) == (94, Tier.LOW)
    [late] = clean.score.reasons
    assert (late.code, late.points, late.params["count"], late.params["max_days_late"]) == (
        "late-payments", 6, "2", "9")
    # April billed and left unpaid; a court case entered by hand on the tenant.
    billing_run.post_run(ws, park_id(ws), date(2026, 4, 1), date(2026, 4, 30),
                         date(2026, 3, 25))
    with ws.transaction() as s:
        tenant = s.scalars(select(Tenant)).one()
        tenant.credit_signals = [{"on": "2026-04-15", "kind": "court", "note": "案号 2026-88"},
                                 {"on": "2026-04-20", "kind": "news", "note": "换了法人"},
                                 {"kind": "tax"}]
    report = read_report(ws, park_id(ws), date(2026, 6, 1))  # April's bills 61 days overdue
    [scored] = report.credit
    assert [(r.code, r.points) for r in scored.score.reasons] == [
        ("overdue", 20), ("late-payments", 6), ("court", 15)]  # 61 // 3 = 20
    assert (scored.score.score, scored.tier) == (59, Tier.HIGH)
    assert [n.code for n in scored.score.notes] == ["signal-other-kind", "signal-unreadable"]
    assert report.credit_of(scored.tenant_id) is scored


def test_the_workbook_has_four_sheets_with_numbers_dates_and_a_title(ws, tmp_path):
    _pay_bill(ws, "HT-B-1/2026-03-01/rent", date(2026, 3, 5), "12000.00")
    report = read_report(ws, park_id(ws), date(2026, 4, 15))  # 45 days overdue
    path = export_ageing(report, tmp_path / "ageing.xlsx")
    assert path == tmp_path / "ageing.xlsx" and not list(tmp_path.glob(".*.part"))
    book = load_workbook(path)
    assert book.sheetnames == ["By tenant", "By building", "Park summary", "Arrears"]
    tenants = book["By tenant"]
    assert tenants["A1"].value == "张江测试园: receivables ageing as of 2026-04-15 (CNY)"
    assert [c.value for c in tenants[3]] == [
        "Tenant", "Contracts", "Not yet due", "0–30 days", "31–60 days", "61–90 days",
        "Over 90 days", "Overdue", "Total open", "Bills", "Credit score", "Risk tier"]
    row = [c.value for c in tenants[4]]
    assert row[:2] == [TENANT, "HT-2026-0001, HT-B-1"]
    assert [D(str(v)) for v in row[2:9]] == [0, 0, D("12453.00"), 0, 0, D("12453.00"),
                                             D("12453.00")]
    assert row[9:] == [2, 85, "Low"]  # 45 days overdue: 45 // 3 = 15 points off
    assert all(c.number_format == "#,##0.00" for c in tenants[4][2:9])
    assert tenants["A5"].value == "Park"
    assert tenants["A5"].font.bold

    buildings = book["By building"]
    assert [c.value for c in buildings[4]][:1] == ["A栋 办公楼"]
    assert D(str(buildings["C4"].value)) == 0 and D(str(buildings["D4"].value)) == D("12453")

    park = book["Park summary"]
    summary = {r[0]: r[1:] for r in park.iter_rows(min_row=4, values_only=True) if r[0]}
    assert D(str(summary["31–60 days"][0])) == D("12453.00")
    assert summary["31–60 days"][1] == 1  # its share of everything open
    assert summary["Collection rate"][0] == ("Bills due 2026-04-01 – 2026-04-15, collected "
                                             "by 2026-04-15")
    assert summary["Billed"][0] == 0 and summary["Rate"][0] is None  # none due in April

    arrears = book["Arrears"]
    assert [c.value for c in arrears[3]] == ["Tenant", "Contract", "Building", "Oldest due",
                                            "Days overdue", "Amount", "Bill numbers"]
    lines = [r for r in arrears.iter_rows(min_row=4, values_only=True)]
    assert lines[0][:5] == (TENANT, "HT-2026-0001", "A", datetime(2026, 3, 1), 45)
    assert D(str(lines[0][5])) == D("11913.00")
    assert lines[0][6] == "HT-2026-0001/2026-03-01/rent"
    assert lines[1][1] == "HT-B-1" and D(str(lines[1][5])) == D("540.00")
    assert arrears["D4"].number_format == "yyyy-mm-dd"
    assert arrears["F4"].number_format == "#,##0.00"
    assert lines[2][0] == "Park" and D(str(lines[2][5])) == D("12453.00")


def test_the_workbook_speaks_the_words_it_is_given(ws, tmp_path):
    words = SheetWords(
        by_tenant="按租户", by_building="按楼栋", park_sheet="园区汇总", arrears_sheet="欠费清单",
        title="{park} 应收账龄（截至 {on}，{currency}）", tenant="租户",
        buckets=("未到期", "0–30天", "31–60天", "61–90天", "90天以上"),
        tiers={Tier.LOW: "低风险", Tier.MEDIUM: "中风险", Tier.HIGH: "高风险",
               Tier.CRITICAL: "极高风险"})
    report = read_report(ws, park_id(ws), date(2026, 3, 20))
    book = load_workbook(export_ageing(report, tmp_path / "账龄.xlsx", words))
    assert book.sheetnames == ["按租户", "按楼栋", "园区汇总", "欠费清单"]
    sheet = book["按租户"]
    assert sheet["A1"].value == "张江测试园 应收账龄（截至 2026-03-20，CNY）"
    assert [c.value for c in sheet[3]][:4] == ["租户", ENGLISH.contracts, "未到期", "0–30天"]
    assert sheet["L4"].value == "低风险"


def test_a_sheet_name_is_one_excel_accepts():
    assert sheet_title("a/b:c*d?[e]") == "a-b-c-d--e-"
    assert len(sheet_title("x" * 40)) == 31


def test_a_workbook_that_cannot_be_written_raises_and_leaves_nothing(ws, tmp_path):
    report = read_report(ws, park_id(ws), date(2026, 3, 20))
    with pytest.raises(OSError):
        export_ageing(report, tmp_path / "no-such-folder" / "ageing.xlsx")
    assert not (tmp_path / "no-such-folder").exists()
