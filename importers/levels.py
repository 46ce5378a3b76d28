"""Which register level each floor of a drawing is, and the evidence for it (issue 8).

A floor is never guessed silently (SPEC §2). Its level comes, in this order, from
the person (``--floor``/``--levels``, the wizard), the drawing's file name or title
text (DXF), the storey's name (IFC), or the storeys' elevation order (IFC: the
lowest storey at or above zero is level 1, those below count down -1, -2 …).
Anything else is refused with a message that names what to pass.

Only text with a floor word or letter counts, so unit codes and dates are never
read as floors: ``3F``, ``F3``, ``L3``, ``B1``, ``-1F``, ``B2F``, ``floor 3``,
``Level 3``, ``3rd floor``, ``三层``, ``第三层``, ``十二层``, ``首层``, ``地下一层``,
``负一层``, ``3楼``, ``1階``, ``Уровень 1``, ``Этаж 2``. A building code such as
``B1栋`` is not a floor. The roof (``屋顶``, ``屋面``, ``roof``) is not a level.

German and French storey names count floors above the ground floor, so the
ground floor is level 1 and the first upper floor level 2: ``EG``/``Erdgeschoss``/
``rez-de-chaussée`` = 1, ``OG 1``/``1. OG``/``1. Obergeschoss``/``Etage 1`` = 2,
``KG``/``UG``/``Kellergeschoss`` = -1, ``UG 2`` = -2. Level 1 is the ground floor
(首层) everywhere in Leasemap, and a level 0 is never taken from text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import PurePath
from typing import Any

from importers.plan import ImportedPlan, Problem, Severity

USER, FILE_NAME, TITLE, STOREY_NAME, ELEVATION = (
    "user", "file name", "title", "storey name", "elevation order")

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_CN = "[〇零一二两三四五六七八九十]{1,4}"
_NUM = rf"(\d{{1,3}}|{_CN})"
_BEFORE = r"(?<![A-Za-z0-9])"  # a floor letter or number starts no longer word or number
_AFTER = r"(?![A-Za-z0-9])"
_STOREY = "[层層楼樓階]"
_BUILDING_WORD = "栋棟座幢号號#"
ROOF = re.compile(r"屋顶|屋頂|屋面|顶层机房|(?<![a-z])roof(?![a-z])|(?<![A-Za-z])RF(?![A-Za-z])",
                  re.IGNORECASE)


def chinese_number(text: str) -> int:
    """Digits or Chinese numerals up to 99 as an int.

    >>> [chinese_number(t) for t in ("3", "三", "十", "十二", "二十", "二十三", "两")]
    [3, 3, 10, 12, 20, 23, 2]
    """
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0))
    value = 0
    for ch in text:
        value = value * 10 + _CN_DIGITS[ch]
    return value


@dataclass(frozen=True)
class LevelCandidate:
    """A level some text names, and the words that name it."""

    level: int
    matched: str


_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], list[int]]]


def _n(m: re.Match[str], group: int = 1) -> int:
    return chinese_number(m.group(group))


# In priority order: an earlier rule's match hides later ones that overlap it.
_RULES: list[_Rule] = [
    # ranges name two floors ("2-3F", "1~3层"): both are candidates, so a range is refused
    (re.compile(rf"{_BEFORE}{_NUM}\s*[-~～至到]\s*{_NUM}\s*(?:F{_AFTER}|{_STOREY})",
                re.IGNORECASE), lambda m: [_n(m, 1), _n(m, 2)]),
    (re.compile(rf"(?:地下|负|負)\s*第?\s*{_NUM}\s*{_STOREY}"), lambda m: [-_n(m)]),
    (re.compile(r"首层|首層|底层|底層|地面层|地面層"), lambda _m: [1]),
    (re.compile(rf"第\s*{_NUM}\s*{_STOREY}"), lambda m: [_n(m)]),
    # "1号楼" and "3#楼" are buildings, "共6层" a count of floors
    (re.compile(rf"(?<![号號#\d共]){_NUM}\s*{_STOREY}(?![{_BUILDING_WORD}])"),
     lambda m: [_n(m)]),
    (re.compile(rf"{_BEFORE}B(\d{{1,2}})\s*(?:F|{_STOREY})?(?![A-Za-z0-9{_BUILDING_WORD}])",
                re.IGNORECASE), lambda m: [-int(m.group(1))]),
    # a minus sign only at the start or after a space or bracket: "B1栋-3F" is 3
    (re.compile(r"(?:^|(?<=[\s_(（\[]))-(\d{1,2})\s*F(?![A-Za-z0-9])", re.IGNORECASE),
     lambda m: [-int(m.group(1))]),
    (re.compile(rf"{_BEFORE}(\d{{1,3}})\s*F{_AFTER}", re.IGNORECASE),
     lambda m: [int(m.group(1))]),
    (re.compile(rf"{_BEFORE}[FL](\d{{1,3}}){_AFTER}", re.IGNORECASE),
     lambda m: [int(m.group(1))]),
    (re.compile(r"(?<![a-z])(?:level|lvl|storey|story|floor|flr)\s+(-\d{1,2})(?!\d)",
                re.IGNORECASE), lambda m: [int(m.group(1))]),
    (re.compile(r"(?<![a-z])(?:level|lvl|storey|story|floor|flr)\s*[-_.]?\s*(\d{1,3})(?!\d)",
                re.IGNORECASE), lambda m: [int(m.group(1))]),
    (re.compile(r"(?<!\d)(\d{1,3})\s*(?:st|nd|rd|th)\s*[-_ ]?\s*(?:floor|storey|story|level)",
                re.IGNORECASE), lambda m: [int(m.group(1))]),
    (re.compile(r"(?<![a-z])(?:ground\s*floor|erdgeschoss|rez[- ]de[- ]chauss[ée]e)",
                re.IGNORECASE), lambda _m: [1]),
    (re.compile(r"(?<![A-Za-z0-9])EG(?![A-Za-z])"), lambda _m: [1]),
    # German and French count upper floors from the ground floor: "1. OG" is level 2
    (re.compile(r"(?<!\d)(\d{1,2})\s*\.?\s*(?:(?-i:OG)(?![A-Za-z])|obergeschoss|etage|étage"
                r"|er\s+étage|e\s+étage)", re.IGNORECASE), lambda m: [int(m.group(1)) + 1]),
    (re.compile(r"(?:(?<![A-Za-z0-9])(?-i:OG)|obergeschoss|etage|étage)\s*[-_.]?\s*(\d{1,2})"
                r"(?!\d)", re.IGNORECASE), lambda m: [int(m.group(1)) + 1]),
    (re.compile(r"(?<!\d)(\d{1,2})\s*\.?\s*(?:(?-i:UG)(?![A-Za-z])|untergeschoss)",
                re.IGNORECASE), lambda m: [-int(m.group(1))]),
    (re.compile(r"(?:(?<![A-Za-z0-9])(?-i:UG)|untergeschoss)\s*[-_.]?\s*(\d{1,2})(?!\d)",
                re.IGNORECASE), lambda m: [-int(m.group(1))]),
    (re.compile(r"(?<![A-Za-z0-9])(?:KG|UG)(?![A-Za-z0-9])"), lambda _m: [-1]),
    (re.compile(r"kellergeschoss|untergeschoss", re.IGNORECASE), lambda _m: [-1]),
    (re.compile(r"(?:уровень|этаж)\s*[-_.]?\s*(-?\d{1,3})(?!\d)", re.IGNORECASE),
     lambda m: [int(m.group(1))]),
    (re.compile(r"(\d{1,3})\s*[-_ ]?\s*(?:й\s+)?этаж", re.IGNORECASE),
     lambda m: [int(m.group(1))]),
]


def level_candidates(text: str, reserved: Sequence[str] = ()) -> list[LevelCandidate]:
    """Every level ``text`` names, left to right; ``reserved`` words (a building code) hide.

    >>> [(c.level, c.matched) for c in level_candidates("B1栋-3F")]
    [(3, '3F')]
    >>> [c.level for c in level_candidates("地下一层平面图")], level_candidates("ZD-A-0301")
    ([-1], [])
    >>> [c.level for c in level_candidates("2F-3F")]
    [2, 3]
    >>> [c.level for c in level_candidates("B1-5F", reserved=["B1"])]
    [5]
    """
    taken = [False] * len(text)
    for word in filter(None, reserved):
        pattern = rf"(?<![A-Za-z0-9]){re.escape(word)}(?![A-Za-z0-9])"
        for m in re.finditer(pattern, text, re.IGNORECASE):
            taken[m.start():m.end()] = [True] * (m.end() - m.start())
    found: list[tuple[int, LevelCandidate]] = []
    for pattern, levels in _RULES:
        for m in pattern.finditer(text):
            if any(taken[m.start():m.end()]):
                continue
            values = [v for v in levels(m) if v != 0]
            if not values:
                continue
            taken[m.start():m.end()] = [True] * (m.end() - m.start())
            found.extend((m.start(), LevelCandidate(v, m.group(0).strip())) for v in values)
    return [c for _, c in sorted(found, key=lambda sc: sc[0])]


class LevelConflict(ValueError):
    """Text that names two different levels: which one is meant is the person's call."""

    def __init__(self, text: str, first: LevelCandidate, second: LevelCandidate) -> None:
        super().__init__(
            f'"{text}" names two floors, "{first.matched}" (level {first.level}) and '
            f'"{second.matched}" (level {second.level})')
        self.text, self.first, self.second = text, first, second


@dataclass(frozen=True)
class LevelEvidence:
    """A floor's level and why: ``source`` is one of the five sources, ``text`` its words.

    ``text`` is the file name, title or storey name (the elevation in metres for
    elevation order, the option for the user); ``matched`` the part that names the level.
    """

    level: int
    source: str
    text: str = ""
    matched: str = ""

    def describe(self) -> str:
        """The evidence in English, as the CLI prints it.

        >>> LevelEvidence(3, FILE_NAME, "floor3.dxf", "floor3").describe()
        'from the file name "floor3.dxf"'
        >>> LevelEvidence(3, FILE_NAME, "B1栋-3F.dxf", "3F").describe()
        'from "3F" in the file name "B1栋-3F.dxf"'
        """
        if self.source == USER:
            return f"given by the user{f' ({self.text})' if self.text else ''}"
        if self.source == ELEVATION:
            return f"by elevation order (storey at {self.text} m)"
        where = {FILE_NAME: "the file name", TITLE: "the drawing's title",
                 STOREY_NAME: "the storey name"}.get(self.source, self.source)
        plain = PurePath(self.text).stem if self.source == FILE_NAME else self.text
        if self.matched and self.matched != plain.strip():
            return f'from "{self.matched}" in {where} "{self.text}"'
        return f'from {where} "{self.text}"'

    def to_json(self) -> dict[str, Any]:
        return {"level": self.level, "source": self.source, "text": self.text,
                "matched": self.matched, "evidence": self.describe()}


def level_in(text: str, source: str, reserved: Sequence[str] = ()) -> LevelEvidence | None:
    """The one level ``text`` names, as evidence from ``source``; raises LevelConflict.

    >>> level_in("三层平面图", TITLE).level
    3
    >>> level_in("Roof", STOREY_NAME) is None
    True
    """
    found = level_candidates(text, reserved)
    for c in found[1:]:
        if c.level != found[0].level:
            raise LevelConflict(text, found[0], c)
    return LevelEvidence(found[0].level, source, text, found[0].matched) if found else None


def level_from_name(file_name: str, building_code: str | None = None) -> LevelEvidence | None:
    """The level a drawing's file name names (extension and folders aside), or None.

    Raises :class:`LevelConflict` when the name names two different levels.

    >>> [level_from_name(n).level for n in ("floor3.dxf", "3F.dxf", "L3.dxf", "三层平面图.dxf")]
    [3, 3, 3, 3]
    >>> [level_from_name(n).level for n in ("B1.dxf", "地下一层.dxf", "B1栋-3F.dxf")]
    [-1, -1, 3]
    >>> level_from_name("ZD-A-0301.dxf") is None
    True
    >>> try:
    ...     level_from_name("2F-3F.dxf")
    ... except LevelConflict as exc:
    ...     print(exc)
    "2F-3F.dxf" names two floors, "2F" (level 2) and "3F" (level 3)
    """
    name = PurePath(file_name).name
    try:
        found = level_in(PurePath(name).stem, FILE_NAME, [building_code] if building_code else [])
    except LevelConflict as exc:
        raise LevelConflict(name, exc.first, exc.second) from None
    return None if found is None else replace(found, text=name)


@dataclass(frozen=True)
class LevelMapping:
    """One level per floor of a plan, with its evidence; or why there is none."""

    floors: tuple[LevelEvidence | None, ...]
    refusal: Problem | None = None

    @property
    def ok(self) -> bool:
        return self.refusal is None and all(f is not None for f in self.floors)

    def levels(self) -> list[int]:
        """Each floor's level; only for a mapping that is ``ok``."""
        if not self.ok:
            raise ValueError(self.refusal.message if self.refusal else "levels missing")
        return [f.level for f in self.floors if f is not None]

    def apply(self, plan: ImportedPlan) -> ImportedPlan:
        """``plan`` with each floor's level and evidence on it (floors without one unchanged)."""
        return with_levels(plan, self.floors)

    def to_json(self) -> dict[str, Any]:
        return {
            "floors": [None if f is None else f.to_json() for f in self.floors],
            "refusal": None if self.refusal is None else {
                "code": self.refusal.code, "message": self.refusal.message,
                "ref": self.refusal.ref, "params": dict(self.refusal.params)},
        }


def with_levels(plan: ImportedPlan, floors: Sequence[LevelEvidence | None]) -> ImportedPlan:
    """``plan`` whose floors carry the given levels and evidence."""
    if len(floors) != len(plan.floors):
        raise ValueError(f"{len(floors)} levels for {len(plan.floors)} floors")
    return replace(plan, floors=tuple(
        f if e is None else replace(f, level=e.level, level_source=e.source,
                                    level_evidence=e.describe())
        for f, e in zip(plan.floors, floors, strict=True)))


def parse_levels(text: str) -> list[int]:
    """``--levels`` text: one level per floor in drawing order; ``B1`` is -1.

    >>> parse_levels("-1, 1,2"), parse_levels("B1,1,2")
    ([-1, 1, 2], [-1, 1, 2])
    """
    out: list[int] = []
    for part in text.split(","):
        word = part.strip()
        basement = re.fullmatch(r"[Bb](\d{1,2})", word)
        try:
            value = -int(basement.group(1)) if basement else int(word)
        except ValueError:
            raise ValueError(f"not a level: {word!r}") from None
        if value == 0:
            raise ValueError("level 0 does not exist: the ground floor is 1, the first "
                             "basement -1")
        out.append(value)
    return out


def _refuse(floors: int, code: str, message: str, /, **params: str) -> LevelMapping:
    return LevelMapping((None,) * floors, Problem(Severity.ERROR, code, message, params=params))


def plan_levels(
    plan: ImportedPlan, file_name: str | None = None, floor: int | None = None,
    levels: Sequence[int] | None = None, building_code: str | None = None,
) -> LevelMapping:
    """The level of each floor of ``plan`` with its evidence, or a refusal naming what to pass.

    >>> from importers.plan import PlanFloor
    >>> plan = ImportedPlan("x/floor3.dxf", "dxf", (PlanFloor("floor3", None, ()),))
    >>> plan_levels(plan).floors[0].describe()
    'from the file name "floor3.dxf"'
    >>> plan_levels(replace(plan, source="plan.dxf")).refusal.code
    'level-unknown'
    """
    count = len(plan.floors)
    file_name = PurePath(file_name or plan.source).name
    if levels is not None:
        levels = list(levels)
        if len(levels) != count:
            names = ", ".join(f'"{f.name}"' for f in plan.floors)
            return _refuse(count, "levels-count",
                           f"--levels gives {len(levels)} levels but {file_name} has {count} "
                           f"floors ({names}); give one level per floor, in that order",
                           given=str(len(levels)), count=str(count), floors=names,
                           file=file_name)
        return _checked(plan, tuple(LevelEvidence(lv, USER, "--levels") for lv in levels))
    if floor is not None:
        if count != 1:
            return _refuse(count, "floor-multi",
                           f"--floor applies to a one-floor plan; {file_name} has {count} "
                           "floors: give each its level with --levels",
                           file=file_name, count=str(count))
        return LevelMapping((LevelEvidence(floor, USER, "--floor"),))
    if plan.format == "ifc":
        return _storey_levels(plan)
    if count == 1:
        return _one_floor(plan, file_name, building_code)
    return _titled_floors(plan, file_name, building_code)


def _one_floor(plan: ImportedPlan, file_name: str, building_code: str | None) -> LevelMapping:
    """A one-floor drawing: its file name, else its title; both, when they agree."""
    reserved = [building_code] if building_code else []
    try:
        named = level_from_name(file_name, building_code)
        title = plan.floors[0].title
        titled = level_in(title, TITLE, reserved) if title else None
    except LevelConflict as exc:
        where = "file name" if exc.text == file_name else "title"
        return _refuse(1, "level-conflict",
                       f"the {where} {exc}; pass --floor N with the level",
                       file=file_name, text=exc.text,
                       first=exc.first.matched, first_level=str(exc.first.level),
                       second=exc.second.matched, second_level=str(exc.second.level))
    if named and titled and named.level != titled.level:
        return _refuse(1, "level-conflict",
                       f'the file name "{file_name}" says level {named.level} but the '
                       f'drawing\'s title "{titled.text}" says level {titled.level}; pass '
                       "--floor N with the level",
                       case="title", file=file_name, text=titled.text,
                       first=named.matched, first_level=str(named.level),
                       second=titled.matched, second_level=str(titled.level))
    if named or titled:
        return LevelMapping((named or titled,))
    roof = ROOF.search(PurePath(file_name).stem)
    if roof:
        return _refuse(1, "level-unknown",
                       f'"{file_name}" names the roof ("{roof.group(0)}"), which is not a '
                       "level; pass --floor N with the level",
                       case="roof", file=file_name, word=roof.group(0))
    return _refuse(1, "level-unknown",
                   f'no floor level for "{file_name}": neither its name nor its title names '
                   "one; pass --floor N with the level", file=file_name)


def _titled_floors(plan: ImportedPlan, file_name: str,
                   building_code: str | None) -> LevelMapping:
    """Several floors in one drawing: each its own title's level, or a refusal."""
    reserved = [building_code] if building_code else []
    found: list[LevelEvidence | None] = []
    for f in plan.floors:
        try:
            found.append(level_in(f.title, TITLE, reserved) if f.title else None)
        except LevelConflict:
            found.append(None)
    missing = [f.name or "?" for f, e in zip(plan.floors, found, strict=True) if e is None]
    if missing:
        names = ", ".join(f'"{n}"' for n in missing)
        example = ",".join(str(i + 1) for i in range(len(plan.floors)))
        return LevelMapping(tuple(found), Problem(
            Severity.ERROR, "levels-unknown",
            f"{file_name} has {len(plan.floors)} floors and no level in the title of "
            f"{names}; pass --levels with one level per floor in drawing order "
            f"(e.g. --levels {example})",
            params={"file": file_name, "count": str(len(plan.floors)), "floors": names}))
    return _checked(plan, tuple(found))


def _checked(plan: ImportedPlan, found: tuple[LevelEvidence | None, ...]) -> LevelMapping:
    """Refuse two floors on one level: the second would land on the first's units."""
    seen: dict[int, str] = {}
    for f, e in zip(plan.floors, found, strict=True):
        if e is None:
            continue
        if e.level in seen:
            return LevelMapping(found, Problem(
                Severity.ERROR, "levels-repeated",
                f'floors "{seen[e.level]}" and "{f.name}" would both be level {e.level}; '
                "pass --levels with one level per floor in drawing order",
                params={"first": seen[e.level], "second": f.name, "level": str(e.level)}))
        seen[e.level] = f.name
    return LevelMapping(found)


def _storey_levels(plan: ImportedPlan) -> LevelMapping:
    """IFC storeys: the level a name states, else elevation order (lowest ≥ 0 is level 1).

    When named and ordered levels collide, elevation order decides for every storey.
    """
    floors = plan.floors
    order = sorted(range(len(floors)), key=lambda i: (floors[i].elevation or Decimal(0), i))
    by_order = [0] * len(floors)
    below = [i for i in order if (floors[i].elevation or 0) < 0]
    above = [i for i in order if (floors[i].elevation or 0) >= 0]
    for n, i in enumerate(reversed(below), start=1):
        by_order[i] = -n
    for n, i in enumerate(above, start=1):
        by_order[i] = n
    ordered = [LevelEvidence(by_order[i], ELEVATION, f"{f.elevation or Decimal(0):.2f}")
               for i, f in enumerate(floors)]
    found: list[LevelEvidence] = []
    for f, by_elevation in zip(floors, ordered, strict=True):
        try:  # the storey's own name: an unnamed one is called "Storey 3" in file order
            named = level_in(f.title, STOREY_NAME) if f.title else None
        except LevelConflict:
            named = None
        found.append(named or by_elevation)
    if len({e.level for e in found}) != len(found):
        return LevelMapping(tuple(ordered))
    return LevelMapping(tuple(found))
