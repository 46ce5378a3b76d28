"""``leasemap holidays FILE --workspace W``: a year's holiday calendar imported from the command
line as a person runs it (a real ``python -m app`` process on a real workspace): a dry run
that writes nothing, the import, a second import that adds nothing, refused lines listed
with their reasons, a file without its columns refused whole, a report as JSON."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from services.finance_settings import holidays
from store.schema import Holiday, Outbox
from store.workspace import Workspace
from tests.small_leases import open_small, park_id
from tests.test_cli import run


@pytest.fixture
def park(tmp_path: Path) -> Path:
    path = tmp_path / "park.leasemap"
    open_small(path).close()
    return path


def _calendar(folder: Path, lines: str) -> Path:
    path = folder / "2026年节假日.csv"
    path.write_text(lines, encoding="utf-8")
    return path


def _counts(path: Path) -> tuple[int, int]:
    with Workspace.open(path) as ws, ws.reading() as s:
        return (s.scalar(select(func.count()).select_from(Holiday)),
                s.scalar(select(func.count()).select_from(Outbox)))


CALENDAR = ("日期,类型,名称\n2026-10-01,休,国庆节\n2026-10-02,休,国庆节\n"
            "2026-09-27,班,国庆节调休\n2026-10-09,班,错误的补班\n")


def test_a_dry_run_then_the_import_then_again_adds_nothing(park, tmp_path):
    path = _calendar(tmp_path, CALENDAR)
    before = _counts(park)
    dry = run("holidays", str(path), "--workspace", str(park), "--dry-run", "--lang", "en")
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.splitlines() == [
        "2026年节假日.csv: 4 days (2026)",
        "  3 days to add, 0 to change, 0 already there, 1 refused",
        "The first 1 of 1 refused lines:",
        "  Row 5: 2026-10-09 is a weekday: a make-up working day (班) is a Saturday or a "
        "Sunday",
        "Dry run: nothing was written."]
    assert _counts(park) == before

    done = run("holidays", str(path), "--workspace", str(park), "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1] == "  3 days added, 0 changed, 0 already there, 1 refused"
    with Workspace.open(park) as ws, ws.reading() as s:
        assert [(d.day, d.kind, d.name) for d in holidays(s, park_id(ws))] == [
            (date(2026, 9, 27), "workday", "国庆节调休"),
            (date(2026, 10, 1), "holiday", "国庆节"), (date(2026, 10, 2), "holiday", "国庆节")]
    written = _counts(park)
    assert written == (3, before[1] + 3)  # one set_holiday command a day

    again = run("holidays", str(path), "--workspace", str(park), "--json")
    assert again.returncode == 2, again.stderr  # nothing to write, and a line still refused
    report = json.loads(again.stdout)
    assert (report["added"], report["changed"], report["same"], report["refused"]) == (
        0, 0, 3, 1)
    assert report["lines"][3]["problems"][0]["code"] == "holiday-row-workday-weekday"
    assert _counts(park) == written
    good = _calendar(tmp_path, "\n".join(CALENDAR.splitlines()[:4]) + "\n")
    clean = run("holidays", str(good), "--workspace", str(park), "--lang", "en")
    assert clean.returncode == 0, clean.stderr  # every day there already
    assert clean.stdout.splitlines()[1] == "  0 days added, 0 changed, 3 already there, 0 refused"
    assert _counts(park) == written


def test_a_file_that_refuses_every_line_or_lacks_a_column(park, tmp_path):
    bad = _calendar(tmp_path, "日期,类型\n2026-10-09,班\n")
    refused = run("holidays", str(bad), "--workspace", str(park), "--lang", "en")
    assert refused.returncode == 2  # nothing could be written
    columns = _calendar(tmp_path, "日期,名称\n2026-10-01,国庆节\n")
    missing = run("holidays", str(columns), "--workspace", str(park), "--lang", "en")
    assert missing.returncode == 1
    assert "no column for 类型 (type)" in missing.stderr
    chinese = run("holidays", str(columns), "--workspace", str(park), "--lang", "zh_CN")
    assert chinese.returncode == 1 and chinese.stderr.startswith("错误：")
    assert _counts(park)[0] == 0
