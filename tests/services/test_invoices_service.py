"""Invoices on a real workspace: issue, void, 红冲 and reissue, refusals that write nothing,
the ledger's guard, and the tax platform's numbers imported after a rehearsal.

Each test signs ZD-A-0103 to the small park's tenant as HT-B-1 (125.40 m² at 100.00:
12,540.00 a month from 2026-03-01) and posts March; the park's legacy lease
(HT-2026-0001, 11,913.00 a month) is billed beside it. Rent is invoiced at 9 %:
12,540.00 tax included is 11,504.59 + 1,035.41.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from domain.billing.bills import bill_id
from domain.billing.invoices import InvoiceStatus, Pricing
from services import billing_run, contracts, invoices
from services.invoices import InvoiceImportRefused, InvoiceRefused
from store.changes import LedgerRefused
from store.schema import Bill, Invoice, Outbox
from store.workspace import Workspace
from tests.small_leases import lease_spec, open_small, park_id
from views.message_text import message_text

D = Decimal
MARCH = date(2026, 3, 1)
N1, N2, N3, N4 = (f"2431200000000000{n:04d}" for n in (1, 2, 3, 4))
LEGACY_MARCH = "HT-2026-0001/2026-03-01/rent"
MARCH_BILL = "HT-B-1/2026-03-01/rent"


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "park.leasemap")
    yield workspace
    workspace.close()


def _sign(ws: Workspace, end: date = date(2027, 2, 28)):
    spec = lease_spec(ws, "ZD-A-0103", "HT-B-1", MARCH, end)
    return contracts.create_signed(ws, park_id(ws), spec)


def _billed(ws: Workspace, first: date = MARCH, last: date = date(2026, 3, 31)):
    """HT-B-1 signed and billed from ``first`` to ``last``; its March bill's id."""
    cid = _sign(ws)
    billing_run.post_run(ws, park_id(ws), first, last, first)
    return cid, bill_id(str(cid), MARCH, "rent")


def _rows(ws: Workspace) -> list[tuple]:
    with ws.reading() as s:
        return [tuple(r) for r in s.execute(
            select(Invoice.kind, Invoice.number, Invoice.issued_on, Invoice.tax_rate,
                   Invoice.amount_incl, Invoice.amount_excl, Invoice.tax)
            .order_by(Invoice.id))]


def _count(ws: Workspace, model, *where) -> int:
    with ws.reading() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def _ops(ws: Workspace) -> list[tuple[str, str]]:
    with ws.reading() as s:
        return [(o.kind, o.payload.get("number", "")) for o in s.scalars(
            select(Outbox).where(Outbox.entity == "invoices").order_by(Outbox.seq))]


def _invoicing(ws: Workspace, bill) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    with ws.reading() as s:
        b = invoices.bill_invoicing(s, bill)
    return b.total, b.inclusive, b.exclusive, b.tax


def _listed(ws: Workspace, number: str):
    with ws.reading() as s:
        found = invoices.invoice_list(s, park_id(ws))
    return next(b for b in found.bills if b.number == number)


def _codes(caught) -> list[str]:
    """The refusal's problem codes, each said with its own words (not the English fallback)."""
    for part in caught.value.parts:
        assert message_text(part) != part.message, part.code
    assert message_text(caught.value).startswith("The invoice was not recorded: ")
    return [p.code for p in caught.value.problems]


def test_every_problem_the_rules_or_the_service_name_has_words():
    from domain.billing.invoices import Problem
    from views.message_text import MESSAGES

    named = Problem.__doc__.split("Codes:", 1)[1].replace("\n", " ").rstrip(". ")
    codes = {c.strip() for c in named.split("|")}
    assert {"duplicate-number", "beyond-bill", "red-not-whole"} <= codes
    codes |= {"no-rate", "fully-invoiced", "credit-bill", "import-no-bill", "import-no-number",
              "import-no-date", "import-date", "import-amount", "import-columns", "refused",
              "number-ambiguous"}
    assert sorted(c for c in codes if f"invoice-{c}" not in MESSAGES) == []


def test_issue_reverse_and_reissue_with_inclusive_and_exclusive_amounts(ws):
    _cid, bill = _billed(ws)
    assert _listed(ws, MARCH_BILL).state == invoices.UNINVOICED
    first = invoices.issue_invoice(ws, bill, N1, date(2026, 3, 5))  # the whole bill
    assert _invoicing(ws, bill) == (D("12540.00"), D("12540.00"), D("11504.59"), D("1035.41"))
    assert _listed(ws, MARCH_BILL).state == invoices.INVOICED

    red = invoices.reverse_invoice(ws, N1, N2, date(2026, 4, 10), note="开票有误")
    assert _invoicing(ws, bill) == (D("12540.00"), D("0.00"), D("0.00"), D("0.00"))
    listed = _listed(ws, MARCH_BILL)
    assert listed.state == invoices.REVERSED
    assert listed.uninvoiced == D("12540.00")

    # Reissued in two parts: 10,000.00 ex-tax (900.00 VAT), then the rest tax included.
    second = invoices.issue_invoice(ws, bill, N3, date(2026, 4, 12), D("10000.00"),
                                    pricing=Pricing.EXCLUSIVE, replaces=N1)
    assert _invoicing(ws, bill) == (D("12540.00"), D("10900.00"), D("10000.00"), D("900.00"))
    assert _listed(ws, MARCH_BILL).state == invoices.PART_INVOICED
    invoices.issue_invoice(ws, bill, N4, date(2026, 4, 12))  # what is left: 1,640.00
    assert _invoicing(ws, bill) == (D("12540.00"), D("12540.00"), D("11504.59"), D("1035.41"))

    assert _rows(ws) == [
        ("blue", N1, date(2026, 3, 5), D("0.09"), D("12540.00"), D("11504.59"), D("1035.41")),
        ("red", N2, date(2026, 4, 10), D("0.09"), D("-12540.00"), D("-11504.59"),
         D("-1035.41")),
        ("blue", N3, date(2026, 4, 12), D("0.09"), D("10900.00"), D("10000.00"), D("900.00")),
        ("blue", N4, date(2026, 4, 12), D("0.09"), D("1640.00"), D("1504.59"), D("135.41")),
    ]
    with ws.reading() as s:
        assert s.get(Invoice, red).of_id == first  # the red one points at the blue one
        assert s.get(Invoice, second).of_id == first  # the reissue at what it replaces
        book = invoices.invoice_state(s, park_id(ws))
    blue, red_invoice = book.invoice(N1), book.invoice(N2)
    assert (blue.status, blue.reversed_by) == (InvoiceStatus.REVERSED, N2)
    assert red_invoice.red and red_invoice.reverses == N1
    assert book.invoice(N3).replaces == N1
    # Every number stays listed with its bill, the reversed and the red one included.
    listed = _listed(ws, MARCH_BILL)
    assert listed.state == invoices.INVOICED
    assert [(i.number, i.status.value, i.red) for i in listed.invoices] == [
        (N1, "reversed", False), (N2, "issued", True), (N3, "issued", False),
        (N4, "issued", False)]
    # One command per event; no row-level op beside them; the note travels in it.
    assert _ops(ws) == [("issue_invoice", N1), ("reverse_invoice", N2),
                        ("issue_invoice", N3), ("issue_invoice", N4)]
    with ws.reading() as s:
        op = s.scalar(select(Outbox).where(Outbox.kind == "reverse_invoice"))
        assert (op.payload["target"], op.payload["note"]) == (N1, "开票有误")


def test_a_void_in_the_month_keeps_the_number_and_frees_the_bill(ws):
    _cid, bill = _billed(ws)
    invoices.issue_invoice(ws, bill, N1, date(2026, 3, 5))
    invoices.void_invoice(ws, N1, date(2026, 3, 20), note="抬头有误")
    assert _invoicing(ws, bill)[1] == D("0.00")
    assert _rows(ws)[-1] == ("void", N1, date(2026, 3, 20), D("0.09"), D("-12540.00"),
                             D("-11504.59"), D("-1035.41"))
    listed = _listed(ws, MARCH_BILL)
    assert listed.state == invoices.VOIDED
    assert [(i.number, i.status.value) for i in listed.invoices] == [(N1, "voided")]

    with pytest.raises(InvoiceRefused) as caught:  # a voided number is still taken
        invoices.issue_invoice(ws, bill, N1, date(2026, 3, 21))
    assert _codes(caught) == ["duplicate-number"]
    with pytest.raises(InvoiceRefused) as caught:
        invoices.void_invoice(ws, N1, date(2026, 3, 22), note="重复作废")
    assert _codes(caught) == ["already-voided"]

    invoices.issue_invoice(ws, bill, N2, date(2026, 3, 21), replaces=N1)
    with pytest.raises(InvoiceRefused) as caught:  # next month: 红冲 only
        invoices.void_invoice(ws, N2, date(2026, 4, 2), note="金额有误")
    assert _codes(caught) == ["void-after-month"]
    assert "2026-03-21" in message_text(caught.value)
    assert _ops(ws) == [("issue_invoice", N1), ("void_invoice", N1), ("issue_invoice", N2)]


def test_a_number_used_twice_is_refused_and_nothing_is_written(ws):
    _cid, bill = _billed(ws)
    with ws.reading() as s:
        legacy = s.scalar(select(Bill.id).where(
            Bill.number == LEGACY_MARCH))
    invoices.issue_invoice(ws, bill, N1, date(2026, 3, 5))
    before = (_rows(ws), _count(ws, Outbox))
    spaced = " ".join((N1[:4], N1[4:12], N1[12:]))  # typed with spaces: the same number
    with pytest.raises(InvoiceRefused) as caught:
        invoices.issue_invoice(ws, legacy, spaced, date(2026, 3, 6))
    assert _codes(caught) == ["duplicate-number"]
    assert caught.value.code == "invoice-refused"
    assert N1 in message_text(caught.value)
    with pytest.raises(InvoiceRefused) as caught:  # a red invoice's number is one too
        invoices.reverse_invoice(ws, N1, N1, date(2026, 3, 7), note="开票有误")
    assert _codes(caught) == ["duplicate-number"]
    with pytest.raises(InvoiceRefused) as caught:
        invoices.issue_invoice(ws, legacy, "", date(2026, 3, 6))
    assert _codes(caught) == ["number-missing"]
    with pytest.raises(InvoiceRefused) as caught:
        invoices.reverse_invoice(ws, N1, N2, date(2026, 3, 4), note="开票有误")  # too early
    assert _codes(caught) == ["dated-before-issue"]
    with pytest.raises(InvoiceRefused) as caught:
        invoices.void_invoice(ws, N4, date(2026, 3, 6), note="开票有误")
    assert _codes(caught) == ["unknown-invoice"]
    assert (_rows(ws), _count(ws, Outbox)) == before


def test_an_invoice_beyond_its_bill_is_refused(ws):
    _cid, bill = _billed(ws)
    before = _count(ws, Outbox)
    with pytest.raises(InvoiceRefused) as caught:
        invoices.issue_invoice(ws, bill, N1, date(2026, 3, 5), D("12540.01"))
    assert _codes(caught) == ["beyond-bill"]
    said = message_text(caught.value)
    assert "HT-B-1/2026-03-01/rent" in said and "12,540.00" in said  # the bill by its number
    assert (_rows(ws), _count(ws, Outbox)) == ([], before)
    invoices.issue_invoice(ws, bill, N1, date(2026, 3, 5), D("12000.00"))
    with pytest.raises(InvoiceRefused) as caught:
        invoices.issue_invoice(ws, bill, N2, date(2026, 3, 5), D("540.01"))
    assert _codes(caught) == ["beyond-bill"]
    with pytest.raises(InvoiceRefused) as caught:
        invoices.issue_invoice(ws, bill, N2, date(2026, 3, 5), D("-1.00"))
    assert _codes(caught) == ["amount-not-positive"]
    invoices.issue_invoice(ws, bill, N2, date(2026, 3, 5))  # the 540.00 left
    with pytest.raises(InvoiceRefused) as caught:
        invoices.issue_invoice(ws, bill, N3, date(2026, 3, 5))
    assert _codes(caught) == ["fully-invoiced"]
    with pytest.raises(InvoiceRefused) as caught:
        invoices.issue_invoice(ws, bill, N3, date(2026, 3, 5), D("1.00"), replaces=N1)
    assert _codes(caught) == ["replaces-live", "beyond-bill"]  # N1 is still live
    assert [r[4] for r in _rows(ws)] == [D("12000.00"), D("540.00")]


def test_a_credit_after_the_invoice_asks_for_a_reversal(ws):
    cid, _bill = _billed(ws, MARCH, date(2026, 5, 31))
    may = bill_id(str(cid), date(2026, 5, 1), "rent")
    invoices.issue_invoice(ws, may, N1, date(2026, 5, 3))
    contracts.terminate(ws, cid, date(2026, 5, 20))
    billing_run.post_run(ws, park_id(ws), date(2026, 6, 1), date(2026, 6, 30), date(2026, 6, 1))
    listed = _listed(ws, "HT-B-1/2026-05-01/rent")
    assert (listed.total, listed.state) == (D("8090.32"), invoices.OVER_INVOICED)
    with ws.reading() as s:
        numbers = [b.number for b in invoices.invoice_list(s, park_id(ws)).bills]
        credit = s.scalar(select(Bill.id).where(
            Bill.number == "HT-B-1/2026-05-01/rent/A1"))
    assert "HT-B-1/2026-05-01/rent/A1" not in numbers  # a line of the bill it corrects
    with pytest.raises(InvoiceRefused) as caught:
        invoices.issue_invoice(ws, credit, N2, date(2026, 6, 2))
    assert _codes(caught) == ["credit-bill"]
    assert message_text(caught.value) == (
        "The invoice was not recorded: HT-B-1/2026-05-01/rent/A1 is a credit on bill "
        "HT-B-1/2026-05-01/rent: invoice that bill, whose total includes it")
    invoices.reverse_invoice(ws, N1, N2, date(2026, 6, 2), note="退租，金额减少")
    invoices.issue_invoice(ws, may, N3, date(2026, 6, 2), replaces=N1)
    assert _invoicing(ws, may)[:2] == (D("8090.32"), D("8090.32"))
    assert _listed(ws, "HT-B-1/2026-05-01/rent").state == invoices.INVOICED


def test_the_ledger_refuses_editing_or_deleting_an_invoice(ws):
    _cid, bill = _billed(ws)
    row = invoices.issue_invoice(ws, bill, N1, date(2026, 3, 5))
    with ws.reading() as s:  # the key as the database stores it
        key = s.execute(text("SELECT id FROM invoices")).scalar()
    for sql in ("UPDATE invoices SET amount_incl = 1 WHERE id = :id",
                "UPDATE invoices SET number = 'X' WHERE id = :id",
                "DELETE FROM invoices WHERE id = :id"):
        with pytest.raises(IntegrityError, match="ledger rows are never"), \
                ws.engine.begin() as connection:
            connection.execute(text(sql), {"id": key})
    with pytest.raises(LedgerRefused), ws.transaction() as s:
        s.get(Invoice, row).amount_incl = D("1.00")
    with pytest.raises(LedgerRefused), ws.transaction() as s:
        s.delete(s.get(Invoice, row))
    assert [r[4] for r in _rows(ws)] == [D("12540.00")]


def _csv(path, lines: list[str]) -> str:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return str(path)


def test_importing_numbers_is_rehearsed_then_written_once(ws, tmp_path):
    _cid, bill = _billed(ws)
    invoices.issue_invoice(ws, bill, N1, date(2026, 3, 5), D("1000.00"))  # entered by hand
    path = _csv(tmp_path / "开票明细.csv", [
        "数电发票开票明细导出",  # the platform's title line above the table
        "发票号码,开票日期,账单编号,价税合计(元),备注",
        f"{N1},2026-03-05,{MARCH_BILL},1000.00,",  # recorded already
        f"{N2},2026/03/06,{LEGACY_MARCH},\"11,913.00\",",
        f"{N3},2026-03-06,{MARCH_BILL},,余额",  # no amount: what is left, 11,540.00
        f"{N4},2026-03-06,{MARCH_BILL},1.00,",  # nothing left after the line above
        "24312000000000000005,2026-03-06,HT-X/2026-03-01/rent,100.00,",
        f"24312000000000000006,3/6/2026,{LEGACY_MARCH},1.00,",
        f"{N2},2026-03-06,{LEGACY_MARCH},1.00,",  # the number once more in the file
    ])
    before = (_rows(ws), _count(ws, Outbox))
    plan = invoices.rehearse_invoice_import(ws, path)
    assert (_rows(ws), _count(ws, Outbox)) == before  # a rehearsal writes nothing
    said = [(ln.row, ln.number, ln.outcome, [p.code for p in ln.problems]) for ln in plan.lines]
    assert said == [
        (3, N1, "existing", []),
        (4, N2, "issue", []),
        (5, N3, "issue", []),
        (6, N4, "refused", ["invoice-beyond-bill"]),
        (7, "24312000000000000005", "refused", ["invoice-import-no-bill"]),
        (8, "24312000000000000006", "refused", ["invoice-import-date"]),
        (9, N2, "refused", ["invoice-duplicate-number"]),
    ]
    assert plan.to_issue[1].amounts.inclusive == D("11540.00")
    assert not plan.written
    for line in plan.refused:  # each reason has its words
        for problem in line.problems:
            assert message_text(problem) != problem.message

    done = invoices.import_invoice_numbers(ws, path)
    assert done.written and [ln.number for ln in done.to_issue] == [N2, N3]
    assert [r[1:5] for r in _rows(ws)] == [
        (N1, date(2026, 3, 5), D("0.09"), D("1000.00")),
        (N2, date(2026, 3, 6), D("0.09"), D("11913.00")),
        (N3, date(2026, 3, 6), D("0.09"), D("11540.00"))]
    assert _ops(ws) == [("issue_invoice", N1), ("issue_invoice", N2), ("issue_invoice", N3)]
    assert _invoicing(ws, bill)[1] == D("12540.00")

    again = invoices.import_invoice_numbers(ws, path)  # the same file: nothing new
    assert [ln.outcome for ln in again.lines[:3]] == ["existing"] * 3
    assert not again.to_issue and len(_rows(ws)) == 3 and len(_ops(ws)) == 3


def test_an_excel_export_with_ex_tax_amounts_imports(ws, tmp_path):
    _cid, bill = _billed(ws)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["发票开具明细"])
    sheet.append([])
    sheet.append(["序号", "数电发票号码", "开票日期", "账单号", "金额", "税额", "价税合计"])
    sheet.append([1, N1, date(2026, 3, 5), MARCH_BILL, 11504.59, None, None])
    path = tmp_path / "export.xlsx"
    book.save(path)
    plan = invoices.import_invoice_numbers(ws, path)
    [line] = plan.lines
    assert (line.row, line.outcome) == (4, "issue")
    assert (line.amounts.inclusive, line.amounts.exclusive, line.amounts.tax) == (
        D("12540.00"), D("11504.59"), D("1035.41"))
    assert _invoicing(ws, bill)[1:] == (D("12540.00"), D("11504.59"), D("1035.41"))


def test_a_file_without_a_date_column_imports_nothing_and_names_it(ws, tmp_path):
    _cid, _bill = _billed(ws)
    path = _csv(tmp_path / "numbers.csv", ["发票号码,账单编号", f"{N1},{MARCH_BILL}"])
    with pytest.raises(InvoiceImportRefused) as caught:
        invoices.import_invoice_numbers(ws, path)
    assert caught.value.code == "invoice-import-columns"
    assert caught.value.params["labels"] == "开票日期 (date)"
    assert "发票号码" in message_text(caught.value)
    assert _rows(ws) == []
