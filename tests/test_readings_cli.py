"""``leasemap readings FILE --workspace W``: meter readings (and units' monthly use) rehearsed
or imported from the command line, run as a person runs it (a real ``python -m app``
process on a real workspace)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from services.meters import MeterSpec, create_meter, record_reading
from store.schema import MeterReading, Outbox, UnitMetric
from store.workspace import Workspace
from tests.small_leases import open_small, park_id
from tests.test_cli import run

D = Decimal
E = "electricity"


@pytest.fixture
def park(tmp_path: Path) -> Path:
    """The small park with MAIN → E-0101 (ZD-A-0101, a dial to 99999) and E-0102 (ZD-A-0102),
    E-0102 read 100 on 1 March already."""
    path = tmp_path / "readings.leasemap"
    workspace = open_small(path)
    try:
        pid = park_id(workspace)
        create_meter(workspace, pid, MeterSpec("MAIN", E))
        create_meter(workspace, pid, MeterSpec("E-0101", E, parent="MAIN", unit="ZD-A-0101",
                                               rollover_at=D(100000)))
        b = create_meter(workspace, pid, MeterSpec("E-0102", E, parent="MAIN",
                                                   unit="ZD-A-0102"))
        record_reading(workspace, b, date(2026, 3, 1), D(100))
    finally:
        workspace.close()
    return path


def _count(path: Path, model: object) -> int:
    with Workspace.open(path) as workspace, workspace.reading() as s:
        return s.scalar(select(func.count()).select_from(model))


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "3月抄表.csv"
    path.write_bytes(("园区电表抄表记录,,,\n"
                      "表号,抄表日期,本期示数,上期示数\n"
                      "MAIN,2026-03-01,1000,\n"
                      "MAIN,2026-04-01,3000,1000\n"
                      "E-0101,2026-03-01,99990,\n"
                      "E-0101,2026-04-01,10,99990\n"  # row 6: a rollover
                      "E-0102,2026-03-01,120,\n"  # row 7: corrects 100
                      "E-0102,2026-04-01,900,120\n"
                      "E-9999,2026-04-01,5,\n"  # row 9: no such meter
                      "E-0102,2026/4/31,5,\n").encode("gbk"))  # row 10: no such day
    return path


def test_a_dry_run_says_each_readings_fate_and_writes_nothing(park, tmp_path):
    ops = _count(park, Outbox)
    done = run("readings", str(_file(tmp_path)), "--workspace", str(park), "--dry-run",
               "--lang", "en")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[:2] == ["3月抄表.csv: 8 readings under the header on row 2",
                         "  5 readings to add, 1 to correct, 0 already there, 2 rejected"]
    assert "  row 7  E-0102  2026-03-01  total  100 → 120" in lines
    assert ("  row 6  E-0101  2026-04-01  E-0101: the dial rolled over at 100000 between "
            "99990 and 10; 20 used since 2026-03-01") in lines
    assert "The first 2 of 2 rejected readings:" in lines
    assert "  row 9  E-9999  2026-04-01  no meter E-9999 in the park" in lines
    assert "  row 10  E-0102    抄表日期: cannot read “2026/4/31” as a day" in lines
    assert lines[-1] == "Dry run: nothing was written."
    assert _count(park, Outbox) == ops and _count(park, MeterReading) == 1


def test_an_import_writes_the_good_readings_and_a_second_adds_nothing(park, tmp_path):
    path = _file(tmp_path)
    done = run("readings", str(path), "--workspace", str(park), "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1] == (
        "  5 readings added, 1 corrected, 0 already there, 2 rejected")
    assert "Dry run" not in done.stdout
    assert _count(park, MeterReading) == 7
    ops = _count(park, Outbox)

    again = run("readings", str(path), "--workspace", str(park), "--json", "--lang", "en")
    assert again.returncode == 2  # nothing could be written: the rest is rejected
    report = json.loads(again.stdout)
    assert report["counts"] == {"readings": 8, "added": 0, "corrected": 0, "unchanged": 6,
                                "rejected": 2, "flagged": 0, "skipped": 0}
    row = report["rows"][3]
    assert (row["meter"], row["used"], row["notes"][0]["code"]) == (
        "E-0101", "20", "reading-rollover")
    assert report["rows"][6]["reasons"][0]["code"] == "reading-unknown-meter"
    assert _count(park, Outbox) == ops and _count(park, MeterReading) == 7


def test_a_fall_is_listed_as_flagged(park, tmp_path):
    run("readings", str(_file(tmp_path)), "--workspace", str(park), "--lang", "en")
    fall = tmp_path / "fall.csv"
    fall.write_text("meter,date,reading\nE-0102,2026-05-01,800\n", encoding="utf-8")
    done = run("readings", str(fall), "--workspace", str(park), "--lang", "en")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[-2:] == [
        "The first 1 of 1 flagged readings (written, to be checked before billing):",
        "  row 2  E-0102  2026-05-01  E-0102: reading 800 on 2026-05-01 is below 900 on "
        "2026-04-01 and is not a rollover"]


def test_a_file_that_cannot_be_read_is_said_and_exits_1(park, tmp_path):
    ops = _count(park, Outbox)
    no_column = tmp_path / "notes.csv"
    no_column.write_text("表号,读数\nMAIN,1\n", encoding="utf-8")
    done = run("readings", str(no_column), "--workspace", str(park), "--lang", "en")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith("error: notes.csv: no column for date (columns: 表号, 读数)")
    broken = tmp_path / "抄表.xls"
    broken.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    done = run("readings", str(broken), "--workspace", str(park), "--lang", "en")
    assert done.returncode == 1 and done.stderr.startswith(
        "error: 抄表.xls: cannot read the file (")
    done = run("readings", str(tmp_path / "nowhere.csv"), "--workspace", str(park))
    assert done.returncode == 1 and "nowhere.csv: no such file" in done.stderr
    assert _count(park, Outbox) == ops


def test_units_monthly_use_is_imported_with_metrics(park, tmp_path):
    heat = tmp_path / "楼宇.csv"
    heat.write_text("单元编号,月份,门禁次数,照明时长,空调时长\n"
                    "ZD-A-0101,2026-09,3000,240,200\n"
                    "ZD-A-0102,2026-09,3000,240,999\n", encoding="utf-8")
    done = run("readings", str(heat), "--workspace", str(park), "--metrics", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "楼宇.csv: 2 rows under the header on row 1",
        "  1 months added, 0 changed, 0 unchanged, 1 rejected",
        "The first 1 of 1 rejected rows:",
        "  row 3  ZD-A-0102  2026-09  空调时长: 999 hours is more than the month's 720"]
    heat.write_text("单元编号,月份,门禁次数\nZD-A-0101,2026-09,3100\n", encoding="utf-8")
    done = run("readings", str(heat), "--workspace", str(park), "--metrics", "--lang", "en")
    assert "  row 2  ZD-A-0101  2026-09  门禁次数 3000 → 3100" in done.stdout.splitlines()
    assert _count(park, UnitMetric) == 1


def test_a_workspace_that_cannot_be_opened_exits_2(tmp_path):
    done = run("readings", str(_file(tmp_path)), "--workspace",
               str(tmp_path / "none.leasemap"), "--lang", "en")
    assert done.returncode == 2 and "no such file" in done.stderr
