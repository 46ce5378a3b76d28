"""``leasemap sales FILE --workspace W``: monthly sales rehearsed or imported from the command
line, run as a person runs it (a real ``python -m app`` process on a real workspace)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from domain.leasing.clauses import Turnover
from services.contracts import record_sales
from services.sales_import import sales_of
from store.schema import Outbox
from store.workspace import Workspace
from tests.small_leases import open_small, sign_lease
from tests.test_cli import run

D = Decimal
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def park(tmp_path: Path) -> tuple[Path, object]:
    """The small park with HT-T1 (8 % above the natural breakpoint of 156,750.00 a month,
    from 2026-03-01), and 2026-08's sales already reported as 100,000."""
    path = tmp_path / "sales.leasemap"
    workspace = open_small(path)
    try:
        cid = sign_lease(workspace, "ZD-A-0103", "HT-T1", turnover=Turnover(D("0.08")))
        record_sales(workspace, cid, date(2026, 8, 1), D("100000"), "entered")
    finally:
        workspace.close()
    return path, cid


def _sales(path: Path, cid: object) -> list[tuple[date, Decimal, str]]:
    workspace = Workspace.open(path)
    try:
        with workspace.reading() as s:
            return sales_of(s, cid)
    finally:
        workspace.close()


def _ops(path: Path) -> int:
    workspace = Workspace.open(path)
    try:
        with workspace.reading() as s:
            return s.scalar(select(func.count()).select_from(Outbox))
    finally:
        workspace.close()


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "营业额.csv"
    path.write_bytes(("2026年商户营业额,,\n"
                      "合同编号,月份,营业额(元)\n"
                      "HT-T1,2026年8月,\"120,000\"\n"  # row 3: corrects 100,000
                      "HT-T1,2026-09,200000\n"
                      "HT-NONE,2026-09,1\n"  # row 5: no such contract
                      "HT-T1,2025-12,5\n").encode("gbk"))  # row 6: before the term
    return path


def test_a_dry_run_says_each_rows_fate_and_writes_nothing(park, tmp_path):
    path, cid = park
    sales, ops, before = _file(tmp_path), _ops(path), _sales(path, cid)
    done = run("sales", str(sales), "--workspace", str(path), "--dry-run", "--lang", "en")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "营业额.csv: 4 rows under the header on row 2"
    assert lines[1] == "  1 months to add, 1 to correct, 0 unchanged, 2 rejected"
    assert "Corrections:" in lines
    assert "  row 3  HT-T1  2026-08  100,000.00 → 120,000.00" in lines
    assert "The first 2 of 2 rejected rows:" in lines
    assert "  row 5  HT-NONE  2026-09  no contract HT-NONE in the park" in lines
    assert any(x.startswith("  row 6  HT-T1  2025-12  2025-12 is outside the term") for x in lines)
    assert lines[-1] == "Dry run: nothing was written."
    assert _sales(path, cid) == before and _ops(path) == ops


def test_an_import_writes_the_good_rows_and_a_second_adds_nothing(park, tmp_path):
    path, cid = park
    sales = _file(tmp_path)
    done = run("sales", str(sales), "--workspace", str(path), "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1] == (
        "  1 months added, 1 corrected, 0 unchanged, 2 rejected")
    assert "Dry run" not in done.stdout
    assert _sales(path, cid) == [(date(2026, 8, 1), D("120000.00"), "import:营业额.csv#3"),
                                 (date(2026, 9, 1), D("200000.00"), "import:营业额.csv#4")]
    ops = _ops(path)

    again = run("sales", str(sales), "--workspace", str(path), "--json", "--lang", "en")
    assert again.returncode == 2  # nothing could be written: the rest is rejected
    report = json.loads(again.stdout)
    assert report["counts"] == {"rows": 4, "added": 0, "corrected": 0, "unchanged": 2,
                                "rejected": 2, "skipped": 0}
    assert not report["dry_run"] and report["rows"][0]["status"] == "unchanged"
    assert report["rows"][2]["reasons"][0]["code"] == "no-contract"
    assert _ops(path) == ops  # the second import wrote nothing at all

    clean = tmp_path / "clean.csv"
    clean.write_text("contract,month,sales\nHT-T1,2026-09,200000\n", encoding="utf-8")
    done = run("sales", str(clean), "--workspace", str(path), "--lang", "en")
    assert done.returncode == 0  # everything is there already: nothing to do, nothing wrong
    assert "0 months added, 0 corrected, 1 unchanged, 0 rejected" in done.stdout


def test_an_xls_file_is_imported(park):
    path, cid = park
    done = run("sales", str(FIXTURES / "sales.xls"), "--workspace", str(path), "--lang", "en")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "sales.xls, sheet 营业额: 3 rows under the header on row 3"
    assert lines[1] == "  2 months added, 0 corrected, 0 unchanged, 1 rejected"
    assert _sales(path, cid)[1:] == [(date(2026, 9, 1), D("200000.00"), "import:sales.xls#4"),
                                     (date(2026, 10, 1), D("150000.50"), "import:sales.xls#5")]


def test_a_file_that_cannot_be_read_is_said_and_exits_1(park, tmp_path):
    path, _cid = park
    ops = _ops(path)
    broken = tmp_path / "月报.xls"
    broken.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    done = run("sales", str(broken), "--workspace", str(path), "--lang", "en")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith("error: 月报.xls: cannot read the file (")
    no_column = tmp_path / "notes.csv"
    no_column.write_text("合同编号,月份,备注\nHT-T1,2026-09,x\n", encoding="utf-8")
    done = run("sales", str(no_column), "--workspace", str(path), "--lang", "en")
    assert done.returncode == 1
    assert "notes.csv: no column for sales" in done.stderr
    done = run("sales", str(tmp_path / "nowhere.csv"), "--workspace", str(path), "--lang", "en")
    assert done.returncode == 1 and "nowhere.csv: no such file" in done.stderr
    assert _ops(path) == ops


def test_a_workspace_that_cannot_be_opened_exits_2(tmp_path):
    sales = _file(tmp_path)
    done = run("sales", str(sales), "--workspace", str(tmp_path / "none.leasemap"),
               "--lang", "en")
    assert done.returncode == 2 and "no such file" in done.stderr
