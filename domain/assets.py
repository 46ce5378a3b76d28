"""The asset register's vocabulary (SPEC §1): unit types, statuses, attributes.

Values are the stable English words stored in the database and sent over
sync; the UI translates them for display.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum


class UnitType(StrEnum):
    OFFICE = "office"
    INDUSTRIAL = "industrial"
    RETAIL = "retail"
    WAREHOUSE = "warehouse"
    APARTMENT = "apartment"
    PARKING = "parking"
    AD_SPOT = "ad_spot"
    OTHER = "other"


class UnitStatus(StrEnum):
    """What the operator set; leased, signed or vacant on a date comes from contracts."""

    LEASABLE = "leasable"
    RESERVED = "reserved"
    UNDER_RENOVATION = "under_renovation"
    FROZEN = "frozen"
    NOT_LEASABLE = "not_leasable"


class BuildingKind(StrEnum):
    OFFICE = "office"
    INDUSTRIAL = "industrial"
    WAREHOUSE = "warehouse"
    RETAIL = "retail"
    APARTMENT = "apartment"
    MIXED = "mixed"


class Orientation(StrEnum):
    NORTH = "N"
    NORTH_EAST = "NE"
    EAST = "E"
    SOUTH_EAST = "SE"
    SOUTH = "S"
    SOUTH_WEST = "SW"
    WEST = "W"
    NORTH_WEST = "NW"


class FitOut(StrEnum):
    SHELL = "shell"
    BASIC = "basic"
    FITTED = "fitted"
    PREMIUM = "premium"


class ChainPosition(StrEnum):
    """A tenant's place in its industry chain (产业链)."""

    UPSTREAM = "upstream"
    MIDSTREAM = "midstream"
    DOWNSTREAM = "downstream"
    SERVICES = "services"


def unit_code(
    park_code: str, building_code: str, level: int, number: int, width: int = 2
) -> str:
    """The stable code of a unit, e.g. ``ZD-A3-0701``: park-building+floor-unit.

    Basement levels are written with a ``B`` (``ZD-A3-B102``). ``width`` is how
    many digits the floor's sequence has: 2, or 3 on a floor of a hundred units
    or more (:func:`sequence_width`).

    >>> unit_code("ZD", "A3", 7, 1)
    'ZD-A3-0701'
    >>> unit_code("ZD", "A3", -1, 2)
    'ZD-A3-B102'
    >>> unit_code("ZD", "A3", 3, 1, width=3), unit_code("ZD", "A3", -1, 120, width=3)
    ('ZD-A3-03001', 'ZD-A3-B1120')
    """
    return compose_unit_code(park_code, building_code, f"{floor_part(level)}{number:0{width}d}")


def sequence_width(highest: int) -> int:
    """Digits of a floor's unit sequence when its highest number is ``highest``.

    The park's codes are floor then a two-digit number (``0701``). A floor of a
    hundred units or more takes three digits for all the numbers it is given at
    once (``03001`` … ``03120``), not two and then three (``0399``, ``03100``):
    so its codes still sort as their numbers do, and the floor part stays the
    first two characters, which is how a person reads them (三楼 001). A
    separator (``03-100``) is not used: ``-`` already joins the numbers of a
    room that spans several (``302-304``). Codes already given are never
    changed; a floor that grows past 99 later keeps its two-digit codes, and
    its new ones have three digits.

    >>> [sequence_width(n) for n in (1, 99, 100, 999, 1000)]
    [2, 2, 3, 3, 4]
    """
    return max(2, len(str(highest)))


def floor_part(level: int) -> str:
    """How a level is written in a unit code: ``07`` above ground, ``B1`` below."""
    return f"B{-level}" if level < 0 else f"{level:02d}"


def floor_name(level: int) -> str:
    """A floor's name in the register, from its level: ``3F`` above ground, ``B1`` below.

    New floors are named by this rule, not after the drawing they came from, so
    the register reads the same whatever the file was called.

    >>> [floor_name(lv) for lv in (1, 12, -1, -2)]
    ['1F', '12F', 'B1', 'B2']
    """
    return f"B{-level}" if level < 0 else f"{level}F"


def unit_code_prefix(park_code: str, building_code: str) -> str:
    """What every unit code of a building starts with: ``ZD-A3-``."""
    return f"{park_code}-{building_code}-"


def compose_unit_code(park_code: str, building_code: str, local: str) -> str:
    """A unit code from its park, building and local part (``0701``, a drawing's ``303``).

    >>> compose_unit_code("ZD", "C", "303")
    'ZD-C-303'
    """
    return f"{unit_code_prefix(park_code, building_code)}{local}"


def unit_code_local_part(code: str, park_code: str, building_code: str) -> str:
    """The part of a unit code after park-building-: what a drawing's room label says.

    A code that does not start with the building's prefix (typed by hand, or
    from another scheme) is its own local part.

    >>> unit_code_local_part("ZD-A3-0701", "ZD", "A3")
    '0701'
    >>> unit_code_local_part("X-9", "ZD", "A3")
    'X-9'
    """
    prefix = unit_code_prefix(park_code, building_code)
    return code[len(prefix):] if code.startswith(prefix) and len(code) > len(prefix) else code


_LABEL_JUNK = re.compile(r"[^0-9A-Za-z\u4e00-\u9fff_.-]+")
# Between the numbers of a room that spans several (``302,304``, ``302/304``, ``302、304``).
_LABEL_SEPARATOR = re.compile(r"\s*[,，/、;；&+]\s*")


def clean_unit_label(label: str) -> str:
    """A drawing's room label as it may stand in a unit code (16 characters, no spaces).

    A room labelled with several numbers keeps them apart with a ``-``, so the
    code can still be read out as both rooms.

    >>> clean_unit_label("302,304"), clean_unit_label("302 / 304"), clean_unit_label("3 01室")
    ('302-304', '302-304', '301室')
    """
    joined = _LABEL_SEPARATOR.sub("-", label.strip())
    return re.sub(r"-{2,}", "-", _LABEL_JUNK.sub("", joined))[:16]


# A room number inside a local part or label: floor and number, ``b`` for a basement
# (casefolded): ``302``, ``0302``, ``03120``, ``b102``, ``b1120``.
_ROOM_NUMBER = re.compile(r"(?<![0-9a-z])b?\d{3,6}(?!\d)")


def numbers_on_level(label: str, level: int) -> set[int]:
    """The unit numbers a label or local part holds on ``level``: ``302-304`` → 2 and 4.

    The floor comes first, as :func:`floor_part` writes it (``03``, ``B1``), and
    then the number, of two digits or three (:func:`sequence_width`); a drawing
    may also write the floor ``3`` (``302``) or ``B01`` before a two-digit number.
    So on level 3 ``03120`` is 120, while ``3120`` is level 31's unit 20.

    >>> sorted(numbers_on_level("302,304", 3)), numbers_on_level("0305室", 3)
    ([2, 4], {5})
    >>> numbers_on_level("B102", -1), numbers_on_level("402", 3), numbers_on_level("会议室", 3)
    ({2}, set(), set())
    >>> numbers_on_level("03120", 3), numbers_on_level("3120", 3), numbers_on_level("3120", 31)
    ({120}, set(), {20})
    >>> numbers_on_level("B1120", -1), numbers_on_level("b0102", -1), numbers_on_level("1101", 1)
    ({120}, {2}, set())
    """
    if level == 0:
        return set()
    # (how the floor is written, how many digits its numbers may have): as in a code,
    # then as a drawing may write it: ``3`` above ground, ``B01`` below.
    other = f"b{-level:02d}" if level < 0 else str(level)
    spellings = [(floor_part(level).casefold(), (2, 3)), (other, (2,))]
    found = set()
    for token in _ROOM_NUMBER.findall(clean_unit_label(label).casefold()):
        for written, widths in spellings:
            rest = token[len(written):]
            if token.startswith(written) and rest.isdigit() and len(rest) in widths:
                if int(rest):
                    found.add(int(rest))
                break
    return found


def free_unit_codes(
    park_code: str, building_code: str, level: int, taken: Iterable[str], count: int
) -> list[str]:
    """Codes for ``count`` new unlabelled units of a floor, next in its sequence.

    They go on after the highest number the floor uses (gaps are not refilled:
    a gap is usually a number people already knew as another room), and skip any
    number that ``taken`` holds in any spelling: ``taken`` is every code of the
    park, archived ones included, and the codes the drawing's labels will get.
    When the floor's numbers go past 99 the new codes all have three digits
    (:func:`sequence_width`).

    >>> taken = ["ZD-A-0301", "ZD-A-302", "ZD-A-0304", "ZD-A-0305", "ZD-B-0306"]
    >>> free_unit_codes("ZD", "A", 3, taken + ["ZD-A-306"], 2)
    ['ZD-A-0307', 'ZD-A-0308']
    >>> free_unit_codes("ZD", "A", -1, [], 1)
    ['ZD-A-B101']
    >>> codes = free_unit_codes("ZD", "A", 3, [], 120)
    >>> codes[0], codes[-1], codes == sorted(codes)
    ('ZD-A-03001', 'ZD-A-03120', True)
    >>> free_unit_codes("ZD", "A", 3, ["ZD-A-0398"], 3)
    ['ZD-A-03099', 'ZD-A-03100', 'ZD-A-03101']
    """
    prefix = unit_code_prefix(park_code, building_code)
    taken = set(taken)
    locals_ = [unit_code_local_part(c, park_code, building_code)
               for c in taken if c.startswith(prefix)]
    said = {unit_label_key(local) for local in locals_}
    start = max((n for local in locals_ for n in numbers_on_level(local, level)), default=0)
    width = sequence_width(start + count)
    while True:  # a skipped number can carry the last one past the width: widen, again
        codes: list[str] = []
        number = start
        while len(codes) < count:
            number += 1
            code = unit_code(park_code, building_code, level, number, width)
            local = unit_code_local_part(code, park_code, building_code)
            if code not in taken and unit_label_key(local) not in said:
                codes.append(code)
        if sequence_width(number) <= width:
            return codes
        width = sequence_width(number)


def unit_label_key(text: str) -> str:
    """A local part or a room label reduced for comparing like with like.

    Case and leading zeros do not count, so ``0303`` is ``303`` and ``b0102``
    is ``B102``.

    >>> unit_label_key("0303") == unit_label_key("303")
    True
    >>> unit_label_key(" b0102 ")
    'b102'
    """
    cleaned = clean_unit_label(text).casefold()
    return re.sub(r"\d+", lambda m: str(int(m.group())), cleaned)


_LEVEL_LABEL = re.compile(r"^(b?)(\d{3,4})$")


def label_level(label: str) -> int | None:
    """The level a room label's digits name (``403`` → 4, ``1201`` → 12, ``B102`` → -1).

    Only labels that are a room number alone (three or four digits, ``B`` for
    a basement) say a level; anything else says nothing (None).

    >>> [label_level(t) for t in ("403", "0303", "1201", "B102", "会议室", "12")]
    [4, 3, 12, -1, None, None]
    """
    found = _LEVEL_LABEL.match(clean_unit_label(label).casefold())
    if found is None:
        return None
    digits = found.group(2)
    level = int(digits[:-2])
    if level == 0:
        return None
    return -level if found.group(1) else level


_BUILDING_WORDS = re.compile(
    r"^(?:building|bldg\.?|block|haus|gebäude)\s*|\s*(?:号楼|栋|幢|座|楼|building|bldg\.?)$",
    re.IGNORECASE,
)


def building_key(text: str) -> str:
    """A building's code or label reduced to what identifies it, for matching drawings.

    >>> building_key(" A栋 ") == building_key("a") == building_key("Building A")
    True
    >>> building_key("3号楼")
    '3'
    """
    key = " ".join(text.split())
    previous = None
    while previous != key:
        previous, key = key, _BUILDING_WORDS.sub("", key).strip()
    return key.casefold()
