"""``leasemap find-space``: candidates one per line or as JSON, and clear refusals."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from app.cli import _level_range
from store.read_model import ReadModel
from tests.services.test_find_space import PAIR, daoshi_park, pair_areas
from tests.small_park import TODAY
from tests.test_cli import run


@pytest.fixture(scope="module")
def park(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Read only by these tests: built once."""
    return daoshi_park(tmp_path_factory.mktemp("cli") / "w.leasemap")


@pytest.fixture(scope="module")
def pair(park: Path) -> list[Decimal]:
    """The leasable areas of the two neighbouring offices."""
    reader = ReadModel(park)
    try:
        return pair_areas(reader)
    finally:
        reader.close()


def find(park: Path, *options: str):
    return run("find-space", str(park), "--date", TODAY.isoformat(), *options)


def test_one_line_per_candidate_best_first(park, pair):
    asked = sum(pair, Decimal(0))
    done = find(park, "--area", str(asked), "--building", "G", "--limit", "3", "--lang", "en")
    assert done.returncode == 0, done.stderr
    head, *lines = done.stdout.splitlines()
    assert head == f"Vacant on 2026-11-22, about {asked:,} m² in one piece, best fit first:"
    assert len(lines) == 3
    assert lines[0] == (f"  G 1F (level 1): ZD-G-104+ZD-G-106  {asked:,.2f} m²  no asking rent"
                        "  100.0%")


def test_json_names_floor_units_areas_and_rent(park, pair):
    done = find(park, "--area", "125.4", "--json", "--floors", "B1-2", "--lang", "en")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["levels"] == [-1, 2] and answer["day"] == "2026-11-22"
    first = answer["candidates"][0]
    assert first["units"][0]["area"] == "125.40" and first["units"][0]["asking_rent"] == "98.5000"
    assert first["rent_per_month"] == "12351.90" and first["currency"] == "CNY"
    assert first["building"] == "A" and first["fit"] == "0.0000"
    asked = sum(pair, Decimal(0))
    offices = find(park, "--area", str(asked), "--building", "G", "--json", "--limit", "1")
    [best] = json.loads(offices.stdout)["candidates"]
    assert tuple(u["code"] for u in best["units"]) == PAIR
    assert [u["area"] for u in best["units"]] == [str(a) for a in pair]
    assert best["area"] == str(asked)
    assert best["rent_per_month"] is None and best["floor"] == "1F" and best["level"] == 1


def test_nothing_fits_is_said_not_an_error(park):
    done = find(park, "--area", "133", "--floors", "7-9", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ("No neighbouring vacant units on one floor make "
                                   "119.70–199.50 m² on 2026-11-22.")
    empty = find(park, "--area", "133", "--floors", "7-9", "--json")
    assert json.loads(empty.stdout)["candidates"] == []


@pytest.mark.parametrize(("options", "said"), [
    (("--area", "133", "--building", "Q"), "no building Q in park ZD (buildings: A, B, G)"),
    (("--area", "133", "--floors", "5-2"), "--floors 5-2: give the lowest and highest level"),
    (("--area", "133", "--floors", "0"), "--floors 0: give the lowest and highest level"),
    (("--area", "133", "--floors", "three"), "--floors three: give the lowest"),
    (("--area", "lots"), "--area takes an area in m² above zero, such as 500, not “lots”"),
    (("--area", "-5"), "--area takes an area in m² above zero"),
    (("--area", "133", "--limit", "0"), "--limit takes a whole number from 1 up, not 0"),
    (("--area", "133", "--park", "XY"), "no park XY in the workspace (parks: ZD)"),
])
def test_refusals_say_what_to_give(park, options, said):
    done = find(park, *options, "--lang", "en")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("error: ") and said in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_a_file_that_is_not_a_workspace(tmp_path):
    stray = tmp_path / "plan.dxf"
    stray.write_text("0\nSECTION\n", encoding="utf-8")
    done = run("find-space", str(stray), "--area", "100", "--lang", "en")
    assert done.returncode == 2 and "not a Leasemap workspace" in done.stderr


def test_chinese_lines(park, pair):
    """In zh_CN the lines come from the catalogue (the lead compiles /tmp/tr/h3.tsv into it)."""
    asked = sum(pair, Decimal(0))
    done = find(park, "--area", str(asked), "--building", "G", "--limit", "1", "--lang", "zh_CN")
    assert done.returncode == 0, done.stderr
    head, line = done.stdout.splitlines()
    assert head == f"2026-11-22 空置、连片约 {asked:,} m² 的空间（面积最接近的在前）："
    assert line == f"  G 1F（第 1 层）：ZD-G-104+ZD-G-106  {asked:,.2f} m²  无报价  100.0%"


@pytest.mark.parametrize(("text", "levels"), [
    ("3-8", (3, 8)), ("5", (5, 5)), ("B2-1", (-2, 1)), ("-2-3", (-2, 3)), ("b1..2", (-1, 2)),
    (" 2 ~ 4 ", (2, 4)), ("B3-B1", (-3, -1)),
    ("0", None), ("1-0", None), ("8-3", None), ("3-", None), ("x", None), ("1,2", None),
])
def test_floor_ranges(text, levels):
    assert _level_range(text) == levels
