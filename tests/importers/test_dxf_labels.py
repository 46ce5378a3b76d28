"""Room labels: code, name and stated area, in free form and as forms."""

from __future__ import annotations

from decimal import Decimal

import pytest

from importers.dxf_labels import is_title_text, parse_label


@pytest.mark.parametrize(
    ("text", "code", "name", "stated"),
    [
        ("101 办公室 45.00m²", "101", "办公室", "45.00"),
        ("A-203 会议室", "A-203", "会议室", None),
        ("B1-02 车位 12.50平方米", "B1-02", "车位", "12.50"),
        ("ZD-3 储藏", "ZD-3", "储藏", None),
        ("办公室 12㎡", "", "办公室", "12"),
        ("Küche 12,5 m²", "", "Küche", "12.5"),
        (
            "房间编号：101\\P房间名称：计算机基础实验室\\P使用面积：315.69㎡",
            "101",
            "计算机基础实验室",
            "315.69",
        ),
        ("Room No. 7\nName: Lab\nArea: 20.5", "7", "Lab", "20.5"),
    ],
)
def test_labels(text, code, name, stated):
    label = parse_label(text)
    assert (label.code, label.name) == (code, name)
    assert label.stated_area == (None if stated is None else Decimal(stated))


def test_title_block_words_but_not_rooms_named_like_them():
    assert is_title_text("比例 1:100") and is_title_text("设计：张三") and is_title_text("1:50")
    assert not is_title_text("设计室") and not is_title_text("101 会议室")
