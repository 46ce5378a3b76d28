"""The fast scan's line buffer and the common-label shortcut give what the general code gives.

Both are speed-ups only (issue: read_dxf within 2× of GDAL on 50,000 rooms), so
each is checked against the slower path it skips, on awkward inputs as well.
"""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest

from importers import dxf_labels, dxf_read


def _records(rec: dxf_read.Records) -> tuple[object, ...]:
    return ([(o.layer, o.handle, o.kind, o.coords) for o in rec.outlines], rec.lines,
            [(t.layer, t.handle, t.x, t.y, t.text) for t in rec.texts], rec.entity_count)


@pytest.mark.parametrize("body", [
    "0\nTEXT\n  8\n文字\n 1\n\n 10\n1.5",
    "  0\nLINE\n5\nAB\n 10\n-0\n 20\n 3 \n11\n1e3\n21\n7",
    "0\n\n0\n",
    "x",
    "0\nMTEXT\n3\n第一段\\P\n1\n²³ 平米\u3000\n",
])
def test_lines_index_like_the_split_lines(body: str) -> None:
    lines = dxf_read._Lines.of(body.encode("utf-8"))
    split = body.split("\n")
    assert len(lines) == len(split)
    every = np.arange(len(split))
    assert lines[every].tolist() == split
    assert lines.joined(every[0::2]) == "\n".join(split[0::2])
    odd = np.array(split[1::2], dtype=object)
    pick = np.array([len(odd) - 1, 0, len(odd) - 1], dtype=np.int64)[: 3 if len(odd) else 0]
    assert lines.odd()[pick].tolist() == odd[pick].tolist()
    assert lines[np.zeros(0, dtype=np.int64)].tolist() == []


def _drawing(tmp_path: Path, rooms: int) -> Path:
    """A file of rooms, texts, lines and an open outline, in mixed number styles."""
    rnd = random.Random(7)
    out = ["  0\nSECTION\n  2\nHEADER\n  9\n$ACADVER\n  1\nAC1027\n  9\n$INSUNITS\n 70\n4\n"
           "  0\nENDSEC\n  0\nSECTION\n  2\nENTITIES\n"]
    for i in range(rooms):
        x, y = rnd.uniform(-1e6, 1e6), rnd.choice([0, 12.5, -3e-4, 1e21])
        flag = 1 if i % 3 else 0
        out.append(f"  0\nLWPOLYLINE\n  5\n{i + 256:X}\n  8\n面积线\n 90\n4\n 70\n{flag}\n"
                   f" 10\n{x}\n 20\n{y}\n 10\n{x + 6000:.3f}\n 20\n{y}\n"
                   f" 10\n{x + 6000:.0f}\n 20\n{y + 5000}\n 10\n{int(x)}\n 20\n{y + 5000}\n")
        out.append(f"  0\nTEXT\n  5\nT{i}\n  8\n文字\n 10\n{x + 1}\n 20\n{y + 2}\n"
                   f"  1\n{i} 办公室 {rnd.randint(1, 999)}.{rnd.randint(0, 99):02d}m²\n")
        out.append(f"  0\nLINE\n  5\nL{i}\n  8\n墙\n 10\n{x}\n 20\n{y}\n 11\n{-x}\n 21\n1E2\n")
    out.append("  0\nENDSEC\n  0\nEOF\n")
    path = tmp_path / "scan.dxf"
    path.write_text("".join(out), encoding="utf-8")
    return path


def test_scan_matches_the_split_column_scan(tmp_path: Path) -> None:
    path = _drawing(tmp_path, 300)
    rec = dxf_read.scan_text(path)
    assert rec is not None and len(rec.outlines) == 200 and len(rec.texts) == 300
    text = path.read_text(encoding="utf-8")
    start = dxf_read._ENTITIES_START.search(text)
    assert start is not None
    end = dxf_read._section_end(text, start.end() - 1)
    assert end is not None
    split = text[start.end() : end.start()].split("\n")
    codes = dxf_read._group_codes("\n".join(split[0::2]), len(split[0::2]))
    assert codes is not None
    old = dxf_read.Records()
    assert dxf_read._scan_entities(codes, np.array(split[1::2], dtype=object), old)
    assert _records(rec) == _records(old)


def test_scan_bails_on_a_bad_number_like_before(tmp_path: Path) -> None:
    path = _drawing(tmp_path, 3)
    path.write_text(path.read_text(encoding="utf-8").replace(" 20\n0\n", " 20\n0.0.1\n", 1),
                    encoding="utf-8")
    assert dxf_read.scan_text(path) is None


def _near_common(rnd: random.Random) -> str:
    code = rnd.choice(["1", "007", "12345", "123456", "A1", "٣", "12"])
    name = rnd.choice(["办公室", "平米", "会议平台", "使用面积", "名称", "库房", "室", "办 公",
                       "²", "㎡", "", "Office", "房号", "一二三"])
    area = rnd.choice(["30.00", "30", "30,5", "3.", ".5", "1.2.3", "٣٠", "0"])
    unit = rnd.choice(["m²", "㎡", "m2", "平米", "", " m²", "m² ", "m²m²"])
    gap = rnd.choice([" ", " ", "  ", "\u3000", ""])
    return f"{code}{gap}{name}{rnd.choice([' ', ' ', gap])}{area}{unit}"


def test_common_label_shortcut_agrees_with_the_general_parse() -> None:
    rnd = random.Random(11)
    texts = {_near_common(rnd) for _ in range(20000)}
    texts |= {"101 办公室 45.00m²", "1 库房 2㎡", "99999 会议室 0,75m²", " 101 办公室 45.00m² "}
    shortcut = 0
    for text in sorted(texts):
        assert dxf_labels.parse_label(text) == dxf_labels._parse_label(text), text
        shortcut += dxf_labels._COMMON_LABEL.fullmatch(text) is not None
    assert shortcut > 50  # the shortcut was really exercised
    assert dxf_labels.parse_label("101 办公室 45.00m²") == dxf_labels.Label(
        "101", "办公室", Decimal("45.00"), 7)


def test_group_codes_read_from_bytes_like_the_text_parse() -> None:
    rnd = random.Random(5)
    shapes = ["  0", " 10", "100", "1001", "0", "  5", "0010", " 1 0", "10 ", "    ", "-1",
              "1e1", "\t8", "12345", "  2000", "٣", " +1", "", "9999"]
    for _ in range(400):
        picked = [rnd.choice(shapes[:5]) for _ in range(rnd.randint(1, 6))]
        if rnd.random() < 0.5:
            picked.insert(rnd.randrange(len(picked) + 1), rnd.choice(shapes))
        lines = dxf_read._Lines.of("\n".join(picked).encode("utf-8"))
        fast = lines.small_ints(np.arange(len(picked)))
        slow = dxf_read._group_codes("\n".join(picked), len(picked))
        if fast is not None and fast.max() > 1071:
            assert slow is None, picked  # _scan_file turns both away
        elif fast is not None:
            assert slow is not None and fast.tolist() == slow.tolist(), picked
