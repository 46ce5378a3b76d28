"""``leasemap schedule``: a contract's lines with their reasons, as text or JSON."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from store.workspace import Workspace
from tests.small_leases import example_a, sign_lease
from tests.small_park import build_small_workspace
from tests.test_cli import run

D = Decimal


@pytest.fixture(scope="module")
def park(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Example A of issue 11 on a unit of the small park (125.40 m², so 12,540.00 a month)."""
    path = tmp_path_factory.mktemp("schedule") / "w.leasemap"
    build_small_workspace(path)
    workspace = Workspace.open(path)
    try:
        sign_lease(workspace, code="HT-A", **example_a())
    finally:
        workspace.close()
    return path


def test_json_lines_amounts_and_reasons(park):
    done = run("schedule", "HT-A", "--workspace", str(park), "--json", "--lang", "en")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    rent = [x for x in found["lines"] if x["charge"] == "rent"]
    assert [x["amount"] for x in rent[:3]] == ["0.00", "37620.00", "37620.00"]
    assert rent[4]["amount"] == "39501.00"  # +5 % from the first anniversary
    free = next(r for r in rent[0]["reasons"] if r["code"] == "rent-free")
    assert (free["kind"], free["starts_on"], free["ends_on"]) == (
        "fit_out", "2026-03-01", "2026-05-31")
    assert found["total"] == str(D("37620.00") * 3 + D("39501.00") * 4 + D("41476.05") * 4)
    assert found["versions"] == [{"number": 1, "effective_on": "2026-03-01", "reason": "sign"}]


def test_text_says_each_line_and_the_total(park):
    done = run("schedule", "HT-A", "--workspace", str(park), "--lang", "en")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("2026-03-01 – 2026-05-31")
    assert "0.00" in lines[0] and "rent-free" in lines[0].lower()
    assert lines[-1].strip() == "436,768.20"  # 37,620 × 3 + 39,501 × 4 + 41,476.05 × 4


def test_an_unknown_contract_is_named(park):
    done = run("schedule", "HT-NONE", "--workspace", str(park), "--lang", "en")
    assert done.returncode == 2
    assert "HT-NONE" in done.stderr
