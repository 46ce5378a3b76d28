"""Small things a clerk tripped over on the command line, each run as a person runs it (a
real ``python -m app`` process on a real workspace):

- ``demo`` counted the units for rent (1,504) and ``info`` every unit (2,138), both as
  "units": each now says which it counts, and the figures agree;
- ``bill`` printed its rows with no head: it has one, in the billing run window's words,
  over the rows' columns in either language (a Chinese character takes two);
- ``bank-import`` said "账户 （无）" with a space before the full-width parenthesis: the
  account is a phrase of its own, "账户（无）", "账户 6222-01".
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from tests.small_leases import billed_small_park, open_small, sign_lease
from tests.test_cli import run
from views.terminal_text import width

DEMO_DAY = date(2025, 6, 15)  # the day the other tests build the default demo park on
FIGURE = r"(\d[\d,]*)"


def _figure(text: str) -> int:
    return int(text.replace(",", ""))


def _info_counts(out: str) -> tuple[int, int, int, list[int]]:
    """All units, units for rent and common rooms on the totals line, and each building's."""
    total = re.search(rf"buildings, {FIGURE} units \({FIGURE} units for rent, {FIGURE} "
                      r"common rooms\)", out)
    assert total, out
    buildings = [_figure(n) for n in re.findall(rf"floors?, {FIGURE} units?$", out, re.M)]
    return (*(_figure(g) for g in total.groups()), buildings)  # type: ignore[return-value]


def test_demo_and_info_say_which_units_they_count_and_agree(tmp_path):
    path = tmp_path / "demo.leasemap"
    built = run("demo", str(path), "--units", "100")
    assert built.returncode == 0, built.stderr
    said = re.search(rf"floors, {FIGURE} units for rent, {FIGURE} common rooms, ", built.stdout)
    assert said, built.stdout
    for_rent, common = (_figure(g) for g in said.groups())
    assert for_rent >= 100 and common > 0
    info = run("info", str(path))
    assert info.returncode == 0, info.stderr
    total, info_for_rent, info_common, buildings = _info_counts(info.stdout)
    assert (info_for_rent, info_common) == (for_rent, common)
    assert total == for_rent + common == sum(buildings)


def test_info_groups_a_big_park_by_thousands(tmp_path, shared_demo):
    summary = shared_demo(tmp_path / "demo.leasemap", today=DEMO_DAY)
    info = run("info", str(summary.path))
    assert info.returncode == 0, info.stderr
    units, common = summary.units, summary.common_units
    assert units + common >= 1000
    assert (f"{units + common:,} units ({units:,} units for rent, {common:,} common rooms)"
            in info.stdout), info.stdout


@pytest.fixture
def leased(tmp_path: Path) -> Path:
    """The small park with HT-C1 on ZD-A-0103 (12,540.00 a month from 2026-03-01)."""
    path = tmp_path / "bill.leasemap"
    workspace = open_small(path)
    try:
        sign_lease(workspace, "ZD-A-0103", "HT-C1")
    finally:
        workspace.close()
    return path


def _ends(line: str, text: str) -> int:
    """The terminal column just after ``text`` in ``line``."""
    at = line.index(text)
    return width(line[:at]) + width(text)


@pytest.mark.parametrize(("lang", "heads"), [
    ("en", ("Bill number", "Charge", "Due", "Amount", "Note")),
    ("zh_CN", ("账单编号", "费项", "付款日", "金额", "备注"))])
def test_the_bill_table_has_a_head_over_its_columns(leased, lang, heads):
    done = run("--lang", lang, "bill", "--period", "2026-04", "--workspace", str(leased),
               "--on", "2026-03-25", "--dry-run")
    assert done.returncode == 0, done.stderr
    head, *rows = done.stdout.splitlines()
    assert re.split(r"\s{2,}", head.strip()) == list(heads)
    rent = next(r for r in rows if r.startswith("HT-C1/2026-04-01/rent"))
    charge = rent.split()[1]
    assert width(head[:head.index(heads[1])]) == width(rent[:rent.index(charge)])
    assert width(head[:head.index(heads[2])]) == width(rent[:rent.index("2026-04-01 ")])
    assert _ends(head, heads[3]) == _ends(rent, "12,540.00")  # figures under their head


@pytest.fixture
def billed(tmp_path: Path) -> Path:
    """The small park with HT-P-1 on ZD-A-0103, March billed."""
    return billed_small_park(tmp_path / "bank.leasemap")


def test_the_account_is_said_with_no_stray_space(billed, tmp_path):
    statement = tmp_path / "march.csv"
    statement.write_text("记账日期,货币,交易金额,联机余额,交易摘要,对手信息,客户摘要\n"
                         "2026-03-05,CNY,\"888.00\",\"888.00\",转账汇款,张三,押金\n",
                         encoding="utf-8")
    none = run("--lang", "zh_CN", "bank-import", str(statement), "--workspace", str(billed),
               "--dry-run")
    assert none.returncode == 0, none.stderr
    assert "），账户（无）；" in none.stderr and "账户 （" not in none.stderr, none.stderr
    named = run("--lang", "zh_CN", "bank-import", str(statement), "--workspace", str(billed),
                "--account", "6222-01", "--dry-run")
    assert "），账户 6222-01；" in named.stderr, named.stderr
    english = run("bank-import", str(statement), "--workspace", str(billed), "--dry-run")
    assert "(888.00), account (none); imported before" in english.stderr, english.stderr
