"""``leasemap bill --period``: a month's billing run rehearsed or posted from the command
line, run as a person runs it (a real ``python -m app`` process on a real workspace)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from store.schema import Bill, Outbox
from store.workspace import Workspace
from tests.small_leases import open_small, sign_lease
from tests.test_cli import run


@pytest.fixture
def park(tmp_path: Path) -> Path:
    """The small park with HT-C1 on ZD-A-0103 (12,540.00 a month from 2026-03-01)."""
    path = tmp_path / "bill.leasemap"
    workspace = open_small(path)
    try:
        sign_lease(workspace, "ZD-A-0103", "HT-C1")
    finally:
        workspace.close()
    return path


def _counts(path: Path) -> tuple[int, int]:
    workspace = Workspace.open(path)
    try:
        with workspace.reading() as s:
            return (s.scalar(select(func.count()).select_from(Bill)),
                    s.scalar(select(func.count()).select_from(Outbox)))
    finally:
        workspace.close()


def test_a_dry_run_lists_the_bills_and_writes_nothing(park):
    before = _counts(park)
    done = run("bill", "--period", "2026-04", "--workspace", str(park), "--on", "2026-03-25",
               "--dry-run", "--json")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert found["dry_run"] and found["run"] is None
    mine = [b for b in found["bills"] if b["number"].startswith("HT-C1/")]
    assert [(b["number"], b["amount"], b["due_on"]) for b in mine] == [
        ("HT-C1/2026-04-01/rent", "12540.00", "2026-04-01")]
    assert mine[0]["lines"][0]["explanation"]["reasons"]
    assert _counts(park) == before


def test_posting_then_posting_again_says_the_month_is_billed(park):
    done = run("bill", "--period", "2026-04", "--workspace", str(park), "--on", "2026-03-25")
    assert done.returncode == 0, done.stderr
    assert "HT-C1/2026-04-01/rent" in done.stdout and "12,540.00" in done.stdout
    assert "posted 2 bills" in done.stderr
    bills, ops = _counts(park)
    assert bills == 2
    again = run("bill", "--period", "2026-04", "--workspace", str(park))
    assert again.returncode == 0
    assert "2026-04-01 – 2026-04-30 is already billed: 2 bills posted before" in again.stderr
    assert _counts(park) == (bills, ops)


def test_a_period_that_is_not_a_month_is_refused(park):
    done = run("bill", "--period", "2026-13", "--workspace", str(park))
    assert done.returncode == 2
    assert "not a month (YYYY-MM) or a range of days: 2026-13" in done.stderr
    backwards = run("bill", "--period", "2026-04-30..2026-04-01", "--workspace", str(park))
    assert backwards.returncode == 2
    assert "ends before it starts" in backwards.stderr
