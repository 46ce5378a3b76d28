"""The three-ledger check (三账对齐) on a real workspace: bills posted by the billing run,
payments entered and imported, vouchers exported and the books imported back; each cause
of a difference made to happen through the store.

The small park's one tenant (上海云帆智能科技有限公司) leases ZD-A-0101 (HT-2026-0001,
11,913.00 a month from January 2026) and, here, ZD-A-0103 (HT-P-1, 12,540.00 a month
from March 2026). January to April are billed on 2025-12-25; the tenant pays 30,000.00
on 5 March (oldest bills first); 张三 pays 888.00 nobody owes, refunded on 20 March; and
2,000.00 of the allocation to February's rent is reversed on 25 March.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from domain.billing.invoices import TaxTable
from domain.billing.three_ledgers import EntryKind, reference
from domain.space_use import SpaceUse
from runtime.jobs import Cancelled, Job
from services import billing_run, contracts, payments, space_edits, three_ledgers
from services.payments import PaymentInput
from services.three_ledgers import LedgersRefused
from store.schema import Allocation, Bill, Contract, FinanceEntry, Outbox, Payment, Tenant, Unit
from store.workspace import Workspace
from tests.small_leases import open_small, park_id, sign_lease
from tests.three_ledger_books import books_file, csv_rows, one_line_of_books, write_csv
from views.message_text import message_text

D = Decimal
ON = date(2026, 4, 10)
TENANT = "上海云帆智能科技有限公司"
FIRST = date(2025, 12, 1)


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "park.leasemap")
    sign_lease(workspace, "ZD-A-0103", "HT-P-1")
    park = park_id(workspace)
    billing_run.post_run(workspace, park, date(2026, 1, 1), date(2026, 4, 30),
                         date(2025, 12, 25))
    with workspace.reading() as s:
        tenant = s.scalar(select(Tenant.id))
    payments.enter_payment(workspace, park, PaymentInput(
        date(2026, 3, 5), D("30000.00"), TENANT, tenant_id=tenant))
    stranger = payments.enter_payment(workspace, park, PaymentInput(
        date(2026, 3, 6), D("888.00"), "张三", remarks="押金"))
    payments.refund(workspace, stranger, D("888.00"), date(2026, 3, 20))
    with workspace.reading() as s:
        february = s.scalar(select(Allocation.id).join(Bill, Bill.id == Allocation.bill_id)
                            .where(Bill.number == "HT-2026-0001/2026-02-01/rent"))
    payments.reverse_allocation(workspace, february, date(2026, 3, 25), D("2000.00"))
    yield workspace
    workspace.close()


def _check(ws: Workspace, on: date = ON):
    with ws.reading() as s:
        return three_ledgers.check(s, park_id(ws), on)


def _export(ws: Workspace, path: Path, **kwargs):
    with ws.reading() as s:
        return three_ledgers.export_vouchers(s, park_id(ws), FIRST, ON, path, **kwargs)


def _import(ws: Workspace, path: Path, mapping=None, dry_run: bool = False):
    return three_ledgers.import_finance_entries(ws, park_id(ws), path, mapping,
                                                dry_run=dry_run)


def _count(ws: Workspace, model, *where) -> int:
    with ws.reading() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def _books(ws: Workspace, tmp_path: Path, keep=lambda row: True, change=lambda row: row,
           extra: list[list[str]] = ()) -> Path:
    """Our vouchers as the books would hold them: exported, rows left out or changed,
    rows of the books' own added."""
    return books_file(_export(ws, tmp_path / "ours.csv").path, tmp_path / "books.csv", keep,
                      change, extra)


def _ours(ws: Workspace) -> int:
    """How many of our entries book a voucher: bills, receipts, allocations, refunds."""
    with ws.reading() as s:
        ops = three_ledgers.read_operations(s, park_id(ws), ON)
    return len(ops.bills) + len(ops.adjustments) + len(ops.receipts) + len(ops.allocations)


# -- vouchers out and the books back in --------------------------------------------------------

NOT_IN_BOOKS = {"receipt-not-in-books": 2, "bill-not-in-books": 6,
                "allocation-not-in-books": 4, "refund-not-in-books": 1}


def test_without_books_the_books_are_not_compared(ws):
    report = _check(ws)
    assert not report.books_compared and report.agrees and report.awaiting == 13
    assert report.matches == () and report.sizes["entries"] == 0
    said = three_ledgers.check_json(report)
    assert said["books_compared"] is False and said["counts"] == {}
    assert said["awaiting_books"] == {"bill": 6, "receipt": 2, "allocation": 4, "refund": 1}


@pytest.mark.parametrize("on", [date(2026, 3, 1), date(2027, 1, 1)],
                         ids=["in-the-check", "after-the-day-checked"])
def test_one_line_of_books_imported_compares_them_all(ws, tmp_path, on):
    """A line the books hold, even one dated after the day checked, makes the park's books
    compared: ours are then missing from them, as before."""
    one_line_of_books(ws, park_id(ws), tmp_path, on)
    report = _check(ws)
    assert report.books_compared and report.awaiting_books == {} and report.awaiting == 0
    extra = {"entry-not-ours": 1} if on <= ON else {}
    assert report.counts() == NOT_IN_BOOKS | extra
    assert three_ledgers.check_json(report)["books_compared"] is True


def test_vouchers_exported_and_imported_back_leave_no_difference(ws, tmp_path):
    before = _check(ws)  # no books yet: not compared, ours counted as awaiting them
    assert before.counts() == {} and not before.books_compared
    assert before.awaiting_books == {"bill": 6, "receipt": 2, "allocation": 4, "refund": 1}
    done = _export(ws, tmp_path / "vouchers.xlsx")
    assert done.debit == done.credit and done.vouchers == _ours(ws) == 13
    sheet = load_workbook(done.path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("凭证号", "日期", "科目", "摘要", "借方", "贷方", "往来单位", "参考号")
    by_voucher: dict[str, Decimal] = {}
    for number, _on, _account, summary, debit, credit, _party, ref in rows[1:]:
        assert summary.startswith(ref)  # the import back reads our reference first
        by_voucher[number] = (by_voucher.get(number, D(0)) + D(str(debit or 0))
                              - D(str(credit or 0)))
    assert len(by_voucher) == 13 and set(by_voucher.values()) == {D(0)}  # each balances

    rehearsal = _import(ws, done.path, dry_run=True)
    assert not rehearsal.written and len(rehearsal.new) == len(rows) - 1
    assert not rehearsal.refused and rehearsal.debit == rehearsal.credit == done.debit
    assert _count(ws, FinanceEntry) == 0
    report = _import(ws, done.path)
    assert report.written and len(report.new) == len(rows) - 1
    after = _check(ws)
    assert after.agrees, after.differences
    assert len(after.matches) == 13 and {m.by for m in after.matches} == {"reference"}


def test_english_headers_and_csv_read_back_alike(ws, tmp_path):
    done = _export(ws, tmp_path / "vouchers.csv", english=True)
    header, *rows = csv_rows(done.path)
    assert header == ["Voucher no.", "Date", "Account", "Summary", "Debit", "Credit",
                      "Counterparty", "Reference"]
    assert sorted((r[1], r[4]) for r in rows if r[2] == "1122" and r[4]) == [
        *[("2025-12-25", "11913.00")] * 4, *[("2025-12-25", "12540.00")] * 2]  # the bills
    # The reversal takes its allocation back in red, on the same side.
    assert [(r[2], r[4], r[5]) for r in rows if r[1] == "2026-03-25"] == [
        ("2203", "-2000.00", ""), ("1122", "", "-2000.00")]
    report = _import(ws, done.path)
    assert set(report.columns) == {"voucher", "on", "account", "summary", "debit", "credit",
                                   "counterparty", "reference"}
    assert _check(ws).agrees


def test_reimporting_the_books_adds_nothing(ws, tmp_path):
    done = _export(ws, tmp_path / "vouchers.xlsx")
    first = _import(ws, done.path)
    entries, ops = _count(ws, FinanceEntry), _count(ws, Outbox)
    assert entries == len(first.new) and entries > 0
    assert _count(ws, Outbox, Outbox.entity == "finance_entries") == entries  # synced
    again = _import(ws, done.path)
    assert again.new == () and again.existing == entries and not again.refused
    # The same lines as CSV: the same keys (voucher month, number and line).
    csv_again = _import(ws, _export(ws, tmp_path / "vouchers.csv").path)
    assert csv_again.new == () and csv_again.existing == entries
    assert (_count(ws, FinanceEntry), _count(ws, Outbox)) == (entries, ops)


def test_books_that_dropped_our_text_match_by_date_amount_and_tenant(ws, tmp_path):
    def strip(row: list[str]) -> list[str]:
        row[3] = row[3].split(" ", 1)[1] if " " in row[3] else ""  # the summary's words
        row[7] = ""  # and no reference column
        return row

    _import(ws, _books(ws, tmp_path, change=strip))
    after = _check(ws)
    assert after.agrees, after.differences
    assert {m.by for m in after.matches} == {"date-amount-tenant"}


# -- each cause, made to happen --------------------------------------------------------------


def test_a_contract_signed_after_the_run_is_a_leased_unit_with_no_bill(ws, tmp_path):
    _import(ws, _export(ws, tmp_path / "v.xlsx").path)
    sign_lease(ws, "ZD-A-0201", "HT-P-2", date(2026, 4, 1))
    found = _check(ws).differences
    assert [(d.code, d.params["contract_code"], d.params["period_start"], d.params["amount"],
             d.params["units"], d.params["tenant_name"]) for d in found] == [
        ("leased-unit-no-bill", "HT-P-2", "2026-04-01", "12540.00", "ZD-A-0201", TENANT)]
    # Billed, exported and in the books: the ledgers agree again.
    billing_run.post_run(ws, park_id(ws), date(2026, 4, 1), date(2026, 4, 30), ON)
    _import(ws, _export(ws, tmp_path / "v2.xlsx").path)
    assert _check(ws).agrees


def test_terminating_after_billing_is_billing_after_the_end_date(ws, tmp_path):
    _import(ws, _export(ws, tmp_path / "v.xlsx").path)
    with ws.reading() as s:
        contract = s.scalar(select(Contract.id).where(Contract.code == "HT-P-1"))
    contracts.terminate(ws, contract, date(2026, 3, 31))
    found = _check(ws).differences
    assert [(d.code, d.params["bill_number"], d.params["contract_ends_on"],
             d.params["billed_amount"]) for d in found] == [
        ("billed-after-end", "HT-P-1/2026-04-01/rent", "2026-03-31", "12540.00")]
    # The next run credits April: nothing is billed after the end any more, and the
    # credit's voucher (an adjustment, in red) reaches the books like any other.
    run = billing_run.post_run(ws, park_id(ws), date(2026, 4, 1), date(2026, 4, 30),
                               date(2026, 4, 2))
    assert [b.amount for b in run.plan.bills] == [D("-12540.00")]
    assert _check(ws).counts() == {"adjustment-not-in-books": 1}
    _import(ws, _export(ws, tmp_path / "v2.xlsx").path)
    assert _check(ws).agrees


def test_a_plan_area_other_than_the_contracts_is_listed(ws, tmp_path):
    _import(ws, _export(ws, tmp_path / "v.xlsx").path)
    # A room upstairs becomes a corridor: the building's common area is shared again, and
    # the ground floor's units lose their share (125.40 → 100.00 m² in the plan).
    with ws.reading() as s:
        room = s.scalar(select(Unit.id).where(Unit.code == "ZD-A-0201"))
    space_edits.set_room_use(ws, [room], SpaceUse.COMMON, date(2026, 4, 1))
    found = _check(ws).differences
    assert [(d.code, d.params["contract_code"], d.params["unit_code"],
             d.params["contract_area"], d.params["plan_area"], d.params["difference"])
            for d in found] == [
        ("area-mismatch", code, unit, "125.40", "100.00", "-25.40")
        for code, unit in (("HT-2026-0001", "ZD-A-0101"), ("HT-2027-0002", "ZD-A-0102"),
                           ("HT-P-1", "ZD-A-0103"))]
    # A unit the plan retired (split, merged) is named as such.
    with ws.transaction() as s:
        s.scalar(select(Unit).where(Unit.code == "ZD-A-0103")).archived = True
    assert [(d.code, d.params["unit_code"]) for d in _check(ws).differences
            if d.params["contract_code"] == "HT-P-1"] == [("unit-not-in-plan", "ZD-A-0103")]


def test_a_bill_whose_contract_is_gone_names_its_bill(ws, tmp_path):
    _import(ws, _export(ws, tmp_path / "v.xlsx").path)
    with ws.transaction() as s:
        s.scalar(select(Contract).where(Contract.code == "HT-P-1")).archived = True
    found = _check(ws).differences
    assert sorted(d.params["bill_number"] for d in found) == [
        "HT-P-1/2026-03-01/rent", "HT-P-1/2026-04-01/rent"]
    assert {d.code for d in found} == {"bill-no-contract"}


def test_a_receipt_the_books_do_not_have(ws, tmp_path):
    with ws.reading() as s:
        paid = s.scalar(select(Payment.id).where(Payment.amount == D("30000.00")))
    receipt = reference(EntryKind.RECEIPT, paid)
    _import(ws, _books(ws, tmp_path, keep=lambda row: row[7] != receipt))
    (found,) = _check(ws).differences
    assert (found.code, found.params["amount"], found.params["on"], found.params["payer"],
            found.params["tenant_name"], found.params["reference"]) == (
        "receipt-not-in-books", "30000.00", "2026-03-05", TENANT, TENANT, receipt)


def test_entries_the_books_have_and_we_do_not(ws, tmp_path):
    unknown = reference(EntryKind.BILL, three_ledgers.uuid.UUID(int=7))
    extra = [["202604-0099", "2026-04-03", "1122", "手工调账 某某公司", "500.00", "",
              "某某公司", ""],
             ["202604-0099", "2026-04-03", "6001", "手工调账 某某公司", "", "500.00",
              "某某公司", ""],
             ["202604-0100", "2026-04-04", "1122", f"{unknown} 旧账", "", "300.00", "", ""]]
    _import(ws, _books(ws, tmp_path, extra=extra))
    found = sorted(_check(ws).differences, key=lambda d: d.params["books_on"])
    assert [(d.code, d.params["why"], d.params["vouchers"], d.params["books_amount"],
             d.params["customer"]) for d in found] == [
        ("entry-not-ours", "no-match", "202604-0099", "500.00", "某某公司"),
        ("entry-not-ours", "reference-unknown", "202604-0100", "-300.00", "")]


def test_an_amount_the_books_hold_differently(ws, tmp_path):
    with ws.reading() as s:
        bill = s.scalar(select(Bill.id).where(Bill.number == "HT-P-1/2026-03-01/rent"))
    ours = reference(EntryKind.BILL, bill)

    def typo(row: list[str]) -> list[str]:
        if row[7] == ours and row[2] == "1122":
            row[4] = "12450.00"
        return row

    _import(ws, _books(ws, tmp_path, change=typo))
    (found,) = _check(ws).differences
    assert (found.code, found.params["cause"], found.params["number"],
            found.params["amount"], found.params["books_amount"],
            found.params["difference"]) == ("amount-differs", "amount-differs-in-books",
                                            "HT-P-1/2026-03-01/rent", "12540.00", "12450.00",
                                            "-90.00")


# -- the books' files ---------------------------------------------------------------------------


def test_a_missing_column_is_named_and_nothing_is_imported(ws, tmp_path):
    path = write_csv(tmp_path / "books.csv", [
        ["日期", "凭证号", "科目", "摘要", "金额"],
        ["2026-03-05", "记-1", "1002", "收款", "30000.00"]])
    with pytest.raises(LedgersRefused) as refused:
        _import(ws, path)
    assert refused.value.code == "books-columns"
    assert refused.value.params["missing"] == "借方 (debit) / 贷方 (credit)"
    assert "金额" in refused.value.params["columns"]
    assert _count(ws, FinanceEntry) == 0
    # Told which column holds the debit, it reads.
    report = _import(ws, path, {"debit": "金额"}, dry_run=True)
    assert [x.amount for x in report.new] == [D("30000.00")]
    with pytest.raises(LedgersRefused) as unknown:
        _import(ws, path, {"amount": "金额"})
    assert unknown.value.code == "books-mapping-field"


def test_a_kingdee_style_ledger_with_merged_voucher_cells(ws, tmp_path):
    """Codes and names in two columns, the date and voucher number on a voucher's first
    line only, names instead of codes, totals between the vouchers."""
    book = Workbook()
    sheet = book.active
    sheet.append(["明细账", None, None, None, None, None, None])
    sheet.append(["日期", "凭证字号", "摘要", "科目代码", "科目名称", "借方金额", "贷方金额",
                  "往来单位"])
    sheet.append([date(2026, 3, 5), "记-7", "收到房租", "1002.01", "银行存款_工行", 30000,
                  None, None])
    sheet.append([None, None, "收到房租", "1122", "应收账款", None, 30000, TENANT])
    sheet.append([None, None, "本月合计", None, None, 30000, 30000, None])
    sheet.append([date(2026, 3, 6), "记-8", "退押金", "应收账款-张三", None, None, "abc",
                  None])
    sheet.append([date(2026, 3, 6), "记-9", "空行", "1122", "应收账款", None, None, None])
    path = tmp_path / "kingdee.xlsx"
    book.save(path)
    report = _import(ws, path, dry_run=True)
    assert [(x.row, x.voucher, x.account, x.amount, x.counterparty) for x in report.new] == [
        (3, "记-7", "1002.01 银行存款_工行", D("30000.00"), ""),
        (4, "记-7", "1122 应收账款", D("-30000.00"), TENANT)]
    assert [x.key for x in report.new] == ["v:2026-03:记-7:1", "v:2026-03:记-7:2"]
    assert [(m.code, m.params["row"]) for m in report.refused] == [
        ("books-row-total", "5"), ("books-row-amount", "6"), ("books-row-no-amount", "7")]
    assert [message_text(m) for m in report.refused] == [
        "Row 5: 本月合计 is a total or a balance, not an entry",
        "Row 6: “abc” is not an amount", "Row 7: no debit and no credit"]
    # An account written by its name is read as its code.
    assert three_ledgers._account("应收账款-张三", "", three_ledgers.Chart()) == (
        "1122 应收账款-张三")


def test_a_posted_line_the_books_changed_is_refused(ws, tmp_path):
    rows = [["日期", "凭证号", "科目", "摘要", "借方", "贷方"],
            ["2026-03-05", "记-1", "1002", "收款", "30000.00", ""],
            ["2026-03-05", "记-1", "2203", "收款", "", "30000.00"]]
    _import(ws, write_csv(tmp_path / "a.csv", rows))
    rows[1][4] = "3000.00"
    rows[2][5] = "3000.00"
    report = _import(ws, write_csv(tmp_path / "b.csv", rows))
    assert report.new == () and report.existing == 0
    assert [m.code for m in report.refused] == ["books-row-changed", "books-row-changed"]
    assert report.refused[0].params["before"] == "1002 30000.00"


def test_lines_without_voucher_numbers_are_keyed_by_their_content(ws, tmp_path):
    rows = [["日期", "科目", "摘要", "借方", "贷方"],
            ["2026-03-05", "1002", "收款", "100.00", ""],
            ["2026-03-05", "1002", "收款", "100.00", ""]]  # two alike: both kept
    path = write_csv(tmp_path / "a.csv", rows)
    first = _import(ws, path)
    assert len(first.new) == 2 and first.new[0].key != first.new[1].key
    assert _import(ws, path).existing == 2


def test_vouchers_are_refused_with_reasons(ws, tmp_path):
    with ws.reading() as s, pytest.raises(LedgersRefused) as backwards:
        three_ledgers.export_vouchers(s, park_id(ws), ON, FIRST, tmp_path / "v.xlsx")
    assert backwards.value.code == "vouchers-range"
    with ws.reading() as s, pytest.raises(LedgersRefused) as kind:
        three_ledgers.export_vouchers(s, park_id(ws), FIRST, ON, tmp_path / "v.pdf")
    assert kind.value.code == "vouchers-format"
    with ws.reading() as s, pytest.raises(LedgersRefused) as rate:
        three_ledgers.export_vouchers(s, park_id(ws), FIRST, ON, tmp_path / "v.xlsx",
                                      table=TaxTable({"service": D("0.06")}))
    assert (rate.value.code, rate.value.params["charges"]) == ("vouchers-no-rate", "rent")
    assert not (tmp_path / "v.xlsx").exists()


def test_a_range_exports_its_own_entries_only(ws, tmp_path):
    with ws.reading() as s:
        march = three_ledgers.export_vouchers(s, park_id(ws), date(2026, 3, 1),
                                              date(2026, 3, 31), tmp_path / "march.csv")
    _header, *rows = csv_rows(march.path)
    # The receipts, allocations, the refund and the reversal of March; no bill (issued in
    # December).
    assert {r[1][:7] for r in rows} == {"2026-03"}
    assert {r[7][:4] for r in rows} == {"LM-P", "LM-A", "LM-R"}
    assert march.vouchers == 7 and march.debit == march.credit


def test_the_contract_ledger_starts_where_billing_started(tmp_path):
    """A park that began billing here in March is not told January and February are
    unbilled, unless it asks from January."""
    workspace = open_small(tmp_path / "late.leasemap")
    try:
        billing_run.post_run(workspace, park_id(workspace), date(2026, 3, 1),
                             date(2026, 4, 30), date(2026, 2, 25))
        with workspace.reading() as s:
            default = three_ledgers.check(s, park_id(workspace), ON)
            asked = three_ledgers.check(s, park_id(workspace), ON, since=date(2026, 1, 1))
        assert default.since == date(2026, 3, 1)
        assert "leased-unit-no-bill" not in default.counts()
        assert [d.params["period_start"] for d in asked.differences
                if d.code == "leased-unit-no-bill"] == ["2026-01-01", "2026-02-01"]
    finally:
        workspace.close()


def test_a_cancelled_import_writes_nothing(ws, tmp_path):
    path = _export(ws, tmp_path / "v.csv").path
    job = Job()
    job.report = lambda done, _total, _message: job.cancel() if done == 1 else None
    with pytest.raises(Cancelled):
        three_ledgers.import_finance_entries(ws, park_id(ws), path, job=job)
    assert _count(ws, FinanceEntry) == 0
    assert _count(ws, Outbox, Outbox.entity == "finance_entries") == 0
