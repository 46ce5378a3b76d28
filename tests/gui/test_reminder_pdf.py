"""The payment reminder (催款通知书): its data from the ledger (overdue bills, late fees accrued
to the day, totals in words), its PDF's text layer in Chinese and English, a long letter
paging with its table's header repeated, and the letter kept with its contracts.

The small park's tenant leases ZD-A-0101 (HT-2026-0001, 11,913.00 a month, no late-fee
clause) and, here, ZD-A-0103 (HT-L-1, 12,540.00 a month from 2026-03-01, a late fee of
0.05 % a day): both billed March and April 2026, due on each month's first day.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from domain.billing.collections import ActionKind
from domain.leasing.clauses import LateFee
from services import billing_run
from services.collections import raise_actions, stored_actions
from services.contract_document import documents_of
from services.reminder_letter import ReminderRefused, keep_reminder, reminder_data
from store.schema import Contract, ContractDocument, Tenant
from tests.small_leases import open_small, park_id, sign_lease

D = Decimal
ON = date(2026, 5, 1)  # March's bills 61 days overdue, April's 30
TENANT = "上海云帆智能科技有限公司"
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils is installed by make test")


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "park.leasemap")
    sign_lease(workspace, "ZD-A-0103", "HT-L-1", late_fee=LateFee(D("0.0005")))
    billing_run.post_run(workspace, park_id(workspace), date(2026, 3, 1), date(2026, 4, 30),
                         date(2026, 2, 25))
    yield workspace
    workspace.close()


def _tenant(ws):
    with ws.reading() as s:
        return s.scalar(select(Tenant.id).where(Tenant.name == TENANT))


def _data(ws, language: str = "zh_CN", on: date = ON):
    with ws.reading() as s:
        return reminder_data(s, _tenant(ws), on, language)


def _text(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def test_the_letter_lists_each_overdue_bill_with_its_late_fee_to_the_day(ws):
    data = _data(ws)
    assert [(x.number, x.days_overdue, x.amount) for x in data.lines] == [
        ("HT-2026-0001/2026-03-01/rent", 61, D("11913.00")),
        ("HT-L-1/2026-03-01/rent", 61, D("12540.00")),
        ("HT-2026-0001/2026-04-01/rent", 30, D("11913.00")),
        ("HT-L-1/2026-04-01/rent", 30, D("12540.00"))]
    # 12,540.00 × 0.05 % × 61 days = 382.47; × 30 days = 188.10; no clause on the other lease
    assert [x.late_fee for x in data.lines] == [None, D("382.47"), None, D("188.10")]
    assert [x.fee_text for x in data.lines] == ["—", "382.47", "—", "188.10"]
    assert data.overdue == D("48906.00") and data.late_fees == D("570.57")
    assert data.total == D("49476.57")
    assert data.total_words == "合计人民币（大写）：肆万玖仟肆佰柒拾陆元伍角柒分"
    assert [c.code for c in data.contracts] == ["HT-2026-0001", "HT-L-1"]
    assert data.payee[0][1] == "张江测试园" and data.payee[1][1].startswith("____")
    assert data.lines[0].period == "2026-03-01至2026-03-31"
    english = _data(ws, "en")
    assert english.total_words == ("Total in words: CNY forty-nine thousand four hundred "
                                   "seventy-six and 57/100")
    assert english.title == "Payment reminder" and english.lines[0].charge_text == "Rent"


def test_a_bill_not_yet_overdue_is_not_in_the_letter_and_nothing_owed_is_refused(ws):
    data = _data(ws, on=date(2026, 4, 1))  # April's bills fall due that day: not overdue
    assert [x.days_overdue for x in data.lines] == [31, 31]
    with pytest.raises(ReminderRefused) as refused:
        _data(ws, on=date(2026, 3, 1))
    assert refused.value.code == "reminder-nothing-overdue"
    with pytest.raises(ReminderRefused) as refused:
        _data(ws, "fr")
    assert refused.value.code == "reminder-language"


@needs_poppler
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_pdf_text_layer_holds_the_tenant_the_bills_and_the_total(ws, tmp_path, language,
                                                                     qapp):
    from app.collections_flow import reminder_pdf

    data, pdf = reminder_pdf(ws, _tenant(ws), ON, language)
    out = tmp_path / f"reminder-{language}.pdf"
    out.write_bytes(pdf)
    pages = _text(out)
    assert len(pages) == 1
    text = pages[0]
    flat = " ".join(text.split())
    assert TENANT in text
    for line in data.lines:
        assert line.number in text and line.period.split("至")[0].split(" to ")[0] in text
        assert line.amount_text in text and line.days_text in text
    assert "48,906.00" in text and "570.57" in text and "49,476.57" in text
    if language == "zh_CN":
        assert "催款通知书" in text and "肆万玖仟肆佰柒拾陆元伍角柒分" in flat.replace(" ", "")
        assert "张江测试园（盖章）" in text
    else:
        assert "Payment reminder" in text and "57/100" in text
        assert "张江测试园 (seal)" in text
    assert data.code in text  # the reference, and in the footer


@needs_poppler
def test_a_long_letter_pages_with_its_header_on_each_page(ws, tmp_path, qapp):
    from app.collections_flow import reminder_pdf

    billing_run.post_run(ws, park_id(ws), date(2026, 5, 1), date(2028, 6, 30),
                         date(2026, 2, 25))  # 26 more months of both leases
    data, pdf = reminder_pdf(ws, _tenant(ws), date(2028, 7, 1), "zh_CN")
    assert len(data.lines) == 66  # HT-2026-0001 22 months, HT-L-1 28, HT-2027-0002 16
    out = tmp_path / "long.pdf"
    out.write_bytes(pdf)
    pages = _text(out)
    assert len(pages) >= 2
    assert all("账单编号" in page for page in pages[:-1])  # the table's header repeated
    assert all(f"共 {len(pages)} 页" in page for page in pages)
    joined = "".join(pages)
    assert all(x.amount_text in joined for x in data.lines)
    assert f"{data.total:,}" in joined


def test_the_letter_is_kept_with_its_contracts_and_its_task_is_done(ws, qapp):
    from app.collections_flow import reminder_pdf

    # March's bills 47 days overdue: 47 // 3 = 15 points off, 85: low, nothing to do
    raise_actions(ws, park_id(ws), date(2026, 4, 17))
    with ws.reading() as s:
        assert stored_actions(s, park_id(ws)) == {}
    on = date(2026, 6, 1)  # 92 days: 30 points, 70, medium
    raise_actions(ws, park_id(ws), on)
    data, pdf = reminder_pdf(ws, _tenant(ws), on, "zh_CN")
    kept = keep_reminder(ws, data, pdf)
    assert len(kept) == 2
    with ws.reading() as s:
        for code in ("HT-2026-0001", "HT-L-1"):
            cid = s.scalar(select(Contract.id).where(Contract.code == code))
            docs = documents_of(s, cid)
            assert [(d.name, d.kind, d.added_on) for d in docs] == [
                ("催款通知书-T001-2026-06-01.pdf", "generated", on)]
            assert s.get(ContractDocument, docs[0].id).content == pdf
        letter = next(x for x in stored_actions(s, park_id(ws))[_tenant(ws)]
                      if x.action.kind is ActionKind.REMINDER_LETTER)
    assert letter.action.done_on == on and not letter.open
