"""The vectorised shortcuts in the DXF importer give exactly what the plain code gave.

Each shortcut replaces a per-room Python step on 50,000-room drawings, so each is
checked here against that step on the awkward values where they could part.
"""

from __future__ import annotations

import math
import random
from decimal import Decimal
from pathlib import Path

import ezdxf
import numpy as np
import pytest

from importers import dxf_read
from importers.dxf import AREA_TOLERANCE, _clearly_close
from importers.dxf_labels import _TITLE_TEXT, is_title_text
from importers.dxf_rooms import _first_of_each, _round1
from spatial.geometry import area_m2


def test_round1_matches_python_round_on_halves_and_extremes() -> None:
    rng = np.random.default_rng(7)
    values = np.concatenate([
        rng.uniform(-1e6, 1e6, 20_000),
        np.round(rng.uniform(-1e4, 1e4, 20_000), 2),
        np.arange(-2000, 2000) / 20,  # exact binary halves: Python rounds them to even
        rng.uniform(-1, 1, 1000) * 1e15,
        [0.05, 0.15, 0.25, -0.05, -0.0, 0.0, 1e300, -1e300, math.inf, -math.inf],
    ])
    got = _round1(values.reshape(-1, 1)).ravel().tolist()
    assert got == [round(v, 1) for v in values.tolist()]
    assert not any(math.copysign(1.0, v) < 0 for v in got if v == 0.0)


def test_first_of_each_keeps_first_occurrences_in_order() -> None:
    rng = np.random.default_rng(3)
    keys = np.round(rng.integers(0, 20, (2000, 3)) / 3, 1)
    seen: set[tuple[float, ...]] = set()
    expected = []
    for i, row in enumerate(map(tuple, keys.tolist())):
        if row not in seen:
            seen.add(row)
            expected.append(i)
    assert _first_of_each(keys).tolist() == expected


def test_first_of_each_never_merges_nan_keys() -> None:
    keys = np.array([[1.0, math.nan, 2.0], [1.0, math.nan, 2.0], [3.0, 3.0, 3.0],
                     [3.0, 3.0, 3.0]])
    assert _first_of_each(keys).tolist() == [0, 1, 2]


def test_title_prefilter_agrees_with_the_pattern() -> None:
    def plain(text: str) -> bool:
        return any(_TITLE_TEXT.search(ln) for ln in text.replace("\\P", "\n").splitlines())

    pieces = ["比例", "设计室", "1:100", "1 : 50", "scale", "Scale:", "ſcale", "drawn by", "\\P",
              "\n", "\r", " ", "\u3000", "101", "办公室", "图例", "图书室", "说明", "A101",
              "12.5m²", "：", "legend", "Blatt", "plan nr.", "1", "00", "\x0b", "\u2028"]
    rnd = random.Random(5)
    for _ in range(20_000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 5)))
        assert is_title_text(text) == plain(text), repr(text)


@pytest.mark.parametrize("stated", ["30.00", "0.5", "12.34", "1000", "315.69"])
def test_clearly_close_only_when_the_exact_check_passes(stated: str) -> None:
    from shapely.geometry import box

    target = Decimal(stated)
    rng = np.random.default_rng(11)
    for area in float(target) * (1 + rng.uniform(-0.02, 0.02, 2000)):
        if _clearly_close(float(area), target):
            computed = area_m2(box(0, 0, float(area), 1.0))
            assert abs(computed - target) <= AREA_TOLERANCE * target


def _write_fast_dxf(path: Path) -> None:
    """Closed, open, pre-closed and degenerate polylines the fast scan must all read."""
    rings = [
        (1, [(0, 0), (6, 0), (6, 5), (0, 5)]),
        (0, [(0, 0), (1, 0), (1, 1), (0, 0)]),
        (1, [(2, 2), (3, 3)]),
        (0, [(5, 5), (6, 6), (7, 5)]),
        (1, [(9, 9)]),
    ]
    doc = ezdxf.new("R2010")
    for flag, pts in rings:
        doc.modelspace().add_lwpolyline(pts, close=bool(flag), dxfattribs={"layer": "房间"})
    doc.saveas(path)


def test_scan_keeps_each_outline_as_a_view_matching_its_coords(tmp_path: Path) -> None:
    path = tmp_path / "rings.dxf"
    _write_fast_dxf(path)
    rec = dxf_read.scan_text(path)
    assert rec is not None
    slow_rec = dxf_read.load(path, fast_min_bytes=10**9)  # ezdxf's reading, the reference
    assert slow_rec.reader == "ezdxf"
    assert [(o.handle, o.coords) for o in rec.outlines] == [
        (o.handle, o.coords) for o in slow_rec.outlines]
    assert rec.lines == slow_rec.lines
    for o in rec.outlines:
        assert o.xy is not None
        assert o.xy.tolist() == [list(c) for c in o.coords]
    plain = [dxf_read.Outline(o.layer, o.handle, o.kind, list(o.coords)) for o in rec.outlines]
    fast = dxf_read.outline_polygons(rec.outlines, 0.5)
    slow = dxf_read.outline_polygons(plain, 0.5)
    assert [p if p is None else p.wkt for p in fast] == [p if p is None else p.wkt for p in slow]


def test_last_tags_keeps_the_last_value_like_a_dict() -> None:
    codes = np.array([0, 8, 8, 0, 5, 0, 8])
    values = np.array(["A", "x", "y", "B", "h", "C", "z"], dtype=object)
    owner = np.cumsum(codes == 0) - 1
    which = np.array([True, True, False])
    assert dxf_read._last_tags(codes, values, owner, which, 8, "0").tolist() == ["y", "0", "0"]
