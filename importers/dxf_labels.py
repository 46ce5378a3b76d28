"""Room labels: what a text inside a room says about its code, name and area.

Drawings label rooms in free form ('101 办公室 45.00m²') or as forms
('房间编号：101 / 房间名称：… / 使用面积：315.69㎡'); the stated area is the
drawing's own claim and is cross-checked against the polygon (SPEC §2).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

_NUM = r"(\d+(?:[.,]\d+)?)"
_AREA_UNIT = re.compile(_NUM + r"\s*(?:m²|㎡|m2|M2|m\^2|sq\.?\s*m|平方米|平米)")
_AREA_FIELD = re.compile(
    r"(?:使用面积|套内面积|净面积|usable(?:\s+area)?|net(?:\s+area)?|area|fläche|areal|面积)"
    r"\s*[:：=]?\s*" + _NUM, re.IGNORECASE,
)
_GROSS_FIELD = re.compile(r"建筑面积|占地面积|gross|brutto", re.IGNORECASE)
_CODE_FIELD = re.compile(r"(?:房间编号|房号|编号|room\s*(?:no\.?|number|nr\.?)|raum\s*nr\.?)"
                         r"\s*[:：]?\s*(\S+)", re.IGNORECASE)
_NAME_FIELD = re.compile(r"(?:房间名称|名称|room\s*name|name)\s*[:：]\s*(.+)", re.IGNORECASE)
# Any word a field pattern needs (lower case): a line without one takes the quick parse.
_FIELD_WORDS = (
    "面积", "编号", "房号", "名称", "usable", "net", "area", "fläche", "areal", "gross",
    "brutto", "room", "raum", "name",
)
# A sign that _AREA_UNIT may match: without one, the pattern cannot.
_UNIT_SIGNS = ("m²", "㎡", "m2", "M2", "m^2", "sq", "平方米", "平米")
# The same two tests as one alternation each: one C-level search beats a generator of `in`s.
_FIELD_WORD = re.compile("|".join(map(re.escape, _FIELD_WORDS)))
_UNIT_SIGN = re.compile("|".join(map(re.escape, _UNIT_SIGNS)))
_FIELD_LINE = re.compile(r"^\s*[^\s:：]{1,12}\s*[:：]")
_CODE_TOKEN = re.compile(
    r"^[A-Za-z]{0,3}(?:\d{1,3}[-.])?[-.]?\d{1,5}[A-Za-z]?(?:[,，/][A-Za-z]{0,3}\d{1,5})*$"
)


# Title-block and legend words, as a whole text or a field name ('设计室' is a room).
_TITLE_TEXT = re.compile(
    r"^\s*(?:比例|设计|审核|审定|校对|制图|绘图|图号|图名|日期|工程名称|项目名称|建设单位|专业"
    r"|负责人|图例|说明|scale|drawn(?:\s+by)?|checked(?:\s+by)?|approved(?:\s+by)?"
    r"|drawing\s+no\.?|sheet|legend|maßstab|massstab|gezeichnet|geprüft|blatt|plan\s*nr\.?)"
    r"(?:\s*[:：]|\s|$)"
    r"|(?<![\d.])1\s*[:：]\s*\d{2,4}(?![\d.])",
    re.IGNORECASE,
)


# First characters of the Chinese title words: a line opening with another ideograph
# or a digit, and no colon anywhere, cannot match _TITLE_TEXT.
_TITLE_FIRST = frozenset("比设审校制绘图日工项建专负说")


def is_title_text(text: str) -> bool:
    """Text of a title block, legend or scale bar: never a room's label."""
    colon = ":" in text or "：" in text
    if not colon and text.isprintable() and "\\P" not in text:
        # One line (every line break is unprintable): the usual room label, decided at once.
        return not _cannot_open_title(text) and _TITLE_TEXT.search(text) is not None
    for ln in text.replace("\\P", "\n").splitlines():
        if not colon and _cannot_open_title(ln):
            continue  # the same answer as the pattern, without running it on every room label
        if _TITLE_TEXT.search(ln):
            return True
    return False


def _cannot_open_title(line: str) -> bool:
    """Whether the line's first visible character rules out every title word."""
    head = line.lstrip()[:1]
    if not head:
        return True
    return head in "0123456789" or ("\u4e00" <= head <= "\u9fff" and head not in _TITLE_FIRST)


class Label(NamedTuple):
    """A label's reading (a tuple: tens of thousands are made per drawing)."""

    code: str
    name: str
    stated_area: Decimal | None
    score: int  # how much it looks like a room label: higher wins inside one room


# The common label '123 办公室 30.00m²': ASCII code, ideographs, ASCII area, m² or ㎡.
# 平 (U+5E73) is left out of the name so 平米 / 平方米 can never be read as a unit in it.
_COMMON_LABEL = re.compile(
    r"([0-9]{1,5}) ([\u4e00-\u5e72\u5e74-\u9fff]+) ([0-9]+(?:[.,][0-9]+)?)(?:m²|㎡)"
)


def parse_label(text: str) -> Label:
    """Split a label into room number, name and stated area (m²).

    A label of the common shape takes one match: for it the general parse below
    comes to the same code, name, area and score 7 (no unit sign or field word can
    sit in the name, so the area match is the last number and the code the first
    word), and a 50,000-room drawing's labels parse in about half the time.
    """
    common = _COMMON_LABEL.fullmatch(text)
    if common is not None and _FIELD_WORD.search(common[2]) is None:
        code, name, area = common.groups()
        return Label(code, name, Decimal(area.replace(",", ".")), 7)
    return _parse_label(text)


def _parse_label(text: str) -> Label:
    """The general parse: forms, several lines, units anywhere, no unit at all."""
    if "\n" not in text and "\\P" not in text and not _has_field_word(text):
        return _parse_free_line(text.strip())
    lines = [ln.strip() for ln in text.replace("\\P", "\n").splitlines() if ln.strip()]
    stated = _stated_area(lines)
    code = ""
    name = ""
    for ln in lines:
        m = _CODE_FIELD.search(ln)
        if m and not code:
            code = m.group(1).strip(" ：:")
        m = _NAME_FIELD.search(ln)
        if m and not name:
            name = m.group(1).strip()
    if not code and not name:
        code, name = _free_form(lines)
    score = (4 if stated is not None else 0) + (2 if code else 0) + (1 if name else 0)
    return Label(code, name, stated, score)


def _parse_free_line(line: str) -> Label:
    """One line with no field words ('101 办公室 45.00m²'): what the full parse gives, cheaper.

    Without a field word no field pattern can match, so only the area-with-unit
    and the free-form split apply, and the area pattern only runs when a unit
    sign is there: a 50,000-room drawing's labels parse in a fraction of the time.
    """
    if not line:
        return Label("", "", None, 0)
    stated = None
    if _UNIT_SIGN.search(line):
        m = _AREA_UNIT.search(line)
        if m is not None:
            stated = _decimal(m.group(1))
            rest = line[m.end():]
            if _UNIT_SIGN.search(rest):
                rest = _AREA_UNIT.sub(" ", rest)
            line = f"{line[:m.start()]} {rest}"
    words = line.split()
    code = ""
    if words and _CODE_TOKEN.match(words[0]):
        code = words.pop(0)
    elif words and _CODE_TOKEN.match(words[-1]) and len(words) > 1:
        code = words.pop()
    name = " ".join(words).strip(" ,;:：")
    score = (4 if stated is not None else 0) + (2 if code else 0) + (1 if name else 0)
    return Label(code, name, stated, score)


def _has_field_word(text: str) -> bool:
    return _FIELD_WORD.search(text.lower()) is not None


def _stated_area(lines: list[str]) -> Decimal | None:
    """The usable area a label states; a gross-area line only when nothing else is there."""
    gross: Decimal | None = None
    for ln in lines:
        m = _AREA_FIELD.search(ln) or _AREA_UNIT.search(ln)
        if not m:
            continue
        value = _decimal(m.group(1))
        if value is None:
            continue
        if _GROSS_FIELD.search(ln):
            gross = gross if gross is not None else value
            continue
        return value
    return None if gross is None or len(lines) > 1 else gross


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None


def _free_form(lines: list[str]) -> tuple[str, str]:
    """'101 办公室 45.00m²' -> ('101', '办公室')."""
    words: list[str] = []
    for ln in lines:
        if _FIELD_LINE.match(ln) and _AREA_FIELD.search(ln):
            continue
        words.extend(_AREA_UNIT.sub(" ", ln).split())
    code = ""
    if words and _CODE_TOKEN.match(words[0]):
        code = words.pop(0)
    elif words and _CODE_TOKEN.match(words[-1]) and len(words) > 1:
        code = words.pop()
    return code, " ".join(words).strip(" ,;:：")
