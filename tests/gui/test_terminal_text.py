"""Terminal columns: a Chinese character takes two, so tables line up in either language."""

from __future__ import annotations

from views.terminal_text import cut, fit, pad, width


def test_a_chinese_character_takes_two_columns() -> None:
    assert width("service:空调费") == 8 + 6
    assert pad("空调费", 8) == "空调费  " and pad("rent", 8) == "rent    "
    assert width(pad("空调费", 12)) == width(pad("Property fee", 12)) == 12


def test_a_cell_too_long_is_cut_with_an_ellipsis_and_keeps_its_width() -> None:
    assert cut("上海张江高科技园区", 9) == "上海张江…"
    assert width(fit("上海张江高科技园区", 9, left=True)) == 9
    assert fit("1,234.00", 10) == "  1,234.00"  # right-aligned, a space before it
    assert fit("123456789012", 10) == " 12345678…"
