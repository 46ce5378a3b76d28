"""``leasemap ageing``: the park's receivables ageing on a day from the command line, as text,
as JSON and as an Excel workbook, run as a person runs it (a real ``python -m app``)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from services import billing_run, payments
from services.payments import PaymentInput
from store.schema import Bill
from tests.small_leases import open_small, park_id, sign_lease
from tests.test_cli import run

D = Decimal
TENANT = "上海云帆智能科技有限公司"


@pytest.fixture(scope="module")
def park(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small park with HT-C1 on ZD-A-0103: March billed (24,453.00 due 1 March), and
    HT-C1's March rent paid 12,000.00 on 5 March."""
    path = tmp_path_factory.mktemp("ageing") / "ageing.leasemap"
    workspace = open_small(path)
    try:
        sign_lease(workspace, "ZD-A-0103", "HT-C1")
        pid = park_id(workspace)
        billing_run.post_run(workspace, pid, date(2026, 3, 1), date(2026, 3, 31),
                             date(2026, 2, 25))
        with workspace.reading() as s:
            bill = s.scalar(select(Bill.id).where(Bill.number == "HT-C1/2026-03-01/rent"))
        paid = payments.enter_payment(workspace, pid, PaymentInput(
            date(2026, 3, 5), D("12000.00"), TENANT))
        payments.allocate_payment(workspace, paid, [(bill, D("12000.00"))], date(2026, 3, 5))
    finally:
        workspace.close()
    return path


def test_json_gives_every_figure_exactly(park):
    done = run("ageing", "--workspace", str(park), "--on", "2026-04-01", "--json")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert (found["park"], found["on"], found["currency"]) == ("ZD", "2026-04-01", "CNY")
    assert found["buckets"] == ["not_due", "0-30", "31-60", "61-90", "90+"]
    # 31 days overdue: the 31–60 column, not 0–30
    assert found["totals"] == {"not_due": "0.00", "0-30": "0.00", "31-60": "12453.00",
                               "61-90": "0.00", "90+": "0.00", "overdue": "12453.00",
                               "total": "12453.00", "bills": 2}
    [tenant] = found["tenants"]
    assert (tenant["name"], tenant["contracts"]) == (TENANT, ["HT-2026-0001", "HT-C1"])
    assert [b["code"] for b in found["buildings"]] == ["A"]
    assert [(a["contract"], a["amount"], a["days_overdue"], a["oldest_due_on"], a["bills"])
            for a in found["arrears"]] == [
        ("HT-2026-0001", "11913.00", 31, "2026-03-01", ["HT-2026-0001/2026-03-01/rent"]),
        ("HT-C1", "540.00", 31, "2026-03-01", ["HT-C1/2026-03-01/rent"])]
    assert found["collection"] == {"from": "2026-04-01", "to": "2026-04-01",
                                   "as_of": "2026-04-01", "billed": "0.00",
                                   "collected": "0.00", "rate": None}
    [credit] = found["credit"]
    # 31 days overdue: 31 // 3 = 10 points off
    assert (credit["tenant"], credit["score"], credit["tier"]) == (TENANT, 90, "low")
    assert credit["reasons"][0]["code"] == "overdue" and credit["reasons"][0]["days"] == "31"


def test_a_day_before_the_payment_reads_as_it_stood(park):
    done = run("ageing", "--workspace", str(park), "--on", "2026-03-04", "--json")
    found = json.loads(done.stdout)
    assert found["totals"]["0-30"] == "24453.00"
    assert found["collection"]["rate"] == "0.0000" and found["collection"]["billed"] == (
        "24453.00")


def test_text_lists_the_tenants_the_arrears_and_the_collection_rate(park):
    done = run("ageing", "--workspace", str(park), "--on", "2026-03-20")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("张江测试园: receivables ageing as of 2026-03-20 (CNY)")
    assert TENANT in out and "12,453.00" in out
    assert "HT-C1  540.00  overdue since 2026-03-01 (19 days), bills: 1" in out
    assert ("Collection rate 49.1%: 12,000.00 CNY of 24,453.00 CNY collected by 2026-03-20 "
            "(bills due 2026-03-01 – 2026-03-20)") in out
    assert ("−6: the oldest overdue bill is 19 days past its due date (2026-03-01); 1 point "
            "per 3 days, at most 60") in out  # 19 // 3 = 6


def test_output_writes_the_workbook(park, tmp_path):
    target = tmp_path / "out" / "ageing"
    target.parent.mkdir()
    done = run("ageing", "--workspace", str(park), "--on", "2026-04-01", "-o", str(target))
    assert done.returncode == 0, done.stderr
    written = target.with_name("ageing.xlsx")  # the extension added
    assert f"wrote {written}" in done.stderr
    book = load_workbook(written)
    assert book.sheetnames == ["By tenant", "By building", "Park summary", "Arrears"]
    assert book["By tenant"]["A1"].value == "张江测试园: receivables ageing as of 2026-04-01 (CNY)"
    assert D(str(book["By tenant"]["E4"].value)) == D("12453.00")  # 31–60 days


def test_a_workbook_that_cannot_be_written_is_said(park, tmp_path):
    done = run("ageing", "--workspace", str(park), "-o", str(tmp_path / "none" / "a.xlsx"))
    assert done.returncode == 2
    assert "cannot write" in done.stderr and "a.xlsx" in done.stderr


def test_a_missing_workspace_and_a_bad_day_are_refused(tmp_path, park):
    missing = run("ageing", "--workspace", str(tmp_path / "nowhere.leasemap"))
    assert missing.returncode == 2 and "no such file" in missing.stderr
    bad = run("ageing", "--workspace", str(park), "--on", "2026-02-30")
    assert bad.returncode == 2 and "not a day (YYYY-MM-DD): 2026-02-30" in bad.stderr
