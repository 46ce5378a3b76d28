"""Whether a room found in a drawing is space for rent or common area, from its own words.

A drawing's corridors, stairs, lift lobbies, toilets and shafts are rooms like
any other to an importer; only their words tell them apart: the label's lines
(DXF), the space's Name, LongName and ObjectType and its classification (IFC),
the layer it is drawn on. :func:`classify_room` reads that evidence and says
which :class:`~domain.space_use.SpaceUse` the room has, which word decided and
where it was written, so a person can check the decision and overrule it.

The rules, in the order they are applied:

1. **Where.** The room's own texts first — its label, Name and LongName
   (``name``, ``long_name``, ``label``, in that order) — then its IFC
   ObjectType, then its classification references, then its layer (a layer
   named ``楼梯``, ``A-CORR`` or ``Verkehr`` says common). The first text that
   holds a known word decides; a later one is not read.
2. **Which word.** Inside one text, lines and list separators (``，、,;/``)
   split it into parts, and the first part holding a known word decides. In
   that part the *last* word wins: Chinese, English noun phrases and German
   compounds put the head noun last, so ``办公室走廊`` (an office corridor) is
   common, ``设备展示厅`` (an equipment showroom) leasable, ``Lift lobby`` and
   ``电梯厅`` (one longer word) common. A part holding words of both kinds is
   decided by its head word but not ``confident``.
3. **Matching.** Chinese words match anywhere in the text. English and German
   words match case-insensitively on word boundaries (Latin letters): ``WC``
   never inside another word, ``lift`` not inside ``uplift``; plurals (``-s``,
   ``-e``, ``-en``) match too. German words also match as the head (the end) of
   a compound: ``Haupttreppe``, ``Damentoilette``, ``Großraumbüro``.
4. **Room numbers.** When no word decides anywhere and the room's own texts
   are nothing but room numbers (``302``, ``B102``, ``302,304``, perhaps with a
   stated area, or a bare word for "room": ``Room 12``, IFC Name ``6`` with
   LongName ``Room``), the room is a numbered room for rent: leasable.
5. Otherwise the room is **undecided**: leasable (as before this rule
   existed) but not ``confident``, so the importer lists it for review.

Decisions on words that could go either way (each can be overruled in the
import wizard):

- An entrance hall, lobby, foyer, ``大堂`` or ``门厅`` serves the whole
  building: ``BUILDING_COMMON``, whatever floor it is on (an upper-floor
  ``门厅`` is rare; the planner changes it). So do the rooms that serve every
  floor: main switch and transformer rooms (``配电室``, ``变电``), pump and
  boiler rooms, the fire control room, the duty/guard room (``值班室``,
  ``门卫``) — GB/T 17986.1 counts "公共门厅、值班警卫室、为整幢服务的公共用房"
  in the building's shared area. A lift lobby (``电梯厅``) is the floor's.
- Plant, technical and equipment rooms in general (``机房``, ``设备间``,
  ``Technik``, ``plant room``) and a floor's electrical closets and shafts are
  the floor's common area (``COMMON``).
- ``Bad`` (German: bathroom) and ``bathroom`` are common: in an office park a
  separate sanitary room is shared. In a house model it is a private
  bathroom, but a house is not what a park leases room by room.
- Storage (``库房``, ``储藏室``, ``Abstellraum``, ``store``), meeting rooms,
  kitchens and garages may be let or shared: they are not in either list and
  stay undecided, for review.
- Company words (``公司``, ``有限公司``, ``事务所``) are leasable, so a tenant's
  name such as ``XX设备有限公司`` is not taken for an equipment room.
- DIN 277: ``VF`` (Verkehrsfläche) and ``TF`` (Technikfläche; ``FF`` in the
  2005 edition) are common, ``NUF`` (``NF``) leasable. Uniclass 2015 SL:
  ``SL_90_10`` circulation, ``SL_90_60`` voids, ``SL_90_90`` plant and
  control, ``SL_35_80`` sanitary and ``SL_20_90`` fire escape spaces are
  common (``SL_90_10_27`` entrance halls and ``SL_90_10_51`` lobbies the
  building's), ``SL_20_15`` offices and ``SL_20_50`` commercial spaces
  leasable. OmniClass 13: ``13-85`` circulation and ``13-81`` facility
  service spaces and toilets/restrooms (``13-41 11 14 17``/``21``) common,
  ``13-85 31 11``/``14`` entry vestibule and lobby the building's,
  ``13-15 11 34`` administrative and ``13-25`` commercial spaces leasable.

Examples
--------
>>> def said(**texts):
...     d = classify_room(RoomEvidence(**texts))
...     return d.use.value, d.code, d.word, d.source, d.confident
>>> said(label="名称：走廊\\n使用面积：1246.74㎡")
('common', 'common-word', '走廊', 'label', True)
>>> said(name="办公室走廊")
('common', 'common-word', '走廊', 'name', False)
>>> said(name="设备展示厅")
('leasable', 'leasable-word', '展示', 'name', False)
>>> said(name="电梯厅"), said(name="Lift lobby")[:3]
(('common', 'common-word', '电梯厅', 'name', True), ('common', 'common-word', 'Lift lobby'))
>>> said(name="Entrance Lobby")[:3]
('building_common', 'common-word', 'Lobby')
>>> said(name="Uplift studio")[:3], said(name="SWC")[:2]
(('leasable', 'leasable-word', 'studio'), ('leasable', 'undecided'))
>>> said(name="Damen-WCs")[:3], said(name="Damentoiletten")[:3]
(('common', 'common-word', 'WCs'), ('common', 'common-word', 'toiletten'))
>>> said(name="3", long_name="Haupttreppe")[:4]
('common', 'common-word', 'treppe', 'long_name')
>>> said(label="302,304"), said(label="B102 45.00m²")[:2]
(('leasable', 'room-number', '302,304', 'label', True), ('leasable', 'room-number'))
>>> said(name="7", long_name="Galerie")
('leasable', 'undecided', '', '', False)
>>> said(name="00.000", long_name="Room 0-0")[:4], said(long_name="Room")[:2]
(('leasable', 'room-number', '00.000', 'name'), ('leasable', 'undecided'))
>>> said(name="1", classification=("VF", "Verkehrsfläche"))[:4]
('common', 'common-word', 'VF', 'classification')
>>> said(label="101", layer="A-CORR")[:4]
('common', 'common-word', 'CORR', 'layer')
>>> said(name="XX设备有限公司")[:3]
('leasable', 'leasable-word', '有限公司')
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from domain.space_use import SpaceUse

COMMON_WORD = "common-word"
LEASABLE_WORD = "leasable-word"
ROOM_NUMBER = "room-number"
UNDECIDED = "undecided"
CODES = (COMMON_WORD, LEASABLE_WORD, ROOM_NUMBER, UNDECIDED)
# Where the deciding text was, in the order the evidence is read (the layer last).
SOURCES = ("name", "long_name", "label", "object_type", "classification", "layer")

_C = SpaceUse.COMMON
_B = SpaceUse.BUILDING_COMMON
_L = SpaceUse.LEASABLE

# Chinese: matched anywhere in the text; at one place the longest word wins.
CHINESE: dict[str, SpaceUse] = {
    # circulation
    **dict.fromkeys(("走廊", "走道", "过道", "通道", "连廊", "回廊", "廊道", "楼梯", "楼梯间",
                     "梯间", "电梯", "电梯厅", "电梯间", "电梯井", "候梯厅", "前室", "合用前室",
                     "扶梯", "坡道", "天井", "中庭", "采光井", "避难", "核心筒", "交通核",
                     "装卸平台", "卸货平台", "装卸区", "卸货区"), _C),
    # sanitary
    **dict.fromkeys(("卫生间", "厕所", "洗手间", "盥洗", "男卫", "女卫", "男卫生间", "女卫生间",
                     "男厕", "女厕", "无障碍卫生间", "公厕",
                     "清洁间", "保洁", "垃圾", "开水间"), _C),
    # shafts, plant and equipment on the floor
    **dict.fromkeys(("管井", "管道井", "水井", "风井", "电井", "排烟井", "强电", "弱电", "强电间",
                     "弱电间", "设备", "设备间", "设备用房", "机房", "配电", "配电间",
                     "空调机房", "新风机房", "消防"), _C),
    # serving the whole building (GB/T 17986.1: 公共门厅、值班警卫室、整幢服务的公共用房)
    **dict.fromkeys(("大堂", "门厅", "入口大厅", "门斗", "值班室", "警卫", "门卫", "配电室",
                     "变电", "变配电", "水泵房", "泵房", "锅炉房", "消防控制室", "发电机房"), _B),
    # for rent
    **dict.fromkeys(("办公", "实验", "研发", "研究", "商铺", "店铺", "铺位", "商业", "展厅",
                     "展示", "工作室", "厂房", "车间", "仓库", "业务用房", "教室", "培训",
                     "公司", "有限公司", "集团", "事务所", "宿舍", "公寓", "客厅", "卧室",
                     "出租", "可租"), _L),
}
# English: whole words only.
ENGLISH: dict[str, SpaceUse] = {
    **dict.fromkeys(("corridor", "hallway", "passage", "passageway", "walkway", "circulation",
                     "stair", "stairwell", "staircase", "stairway", "landing", "lift",
                     "elevator", "lift lobby", "elevator lobby", "lift shaft", "elevator shaft",
                     "escalator", "ramp", "vestibule", "atrium", "light well", "lightwell",
                     "void", "wc", "toilet", "restroom", "lavatory", "washroom", "bathroom",
                     "sanitary", "shaft", "riser", "duct", "plant", "plant room", "mechanical",
                     "electrical", "electrical room", "switch room", "switchroom", "ahu",
                     "janitor", "cleaner", "cleaners", "cleaning", "refuse", "bin store",
                     "waste", "utility"), _C),
    **dict.fromkeys(("lobby", "lobbies", "foyer", "entrance", "entrance hall", "main switch room",
                     "substation", "transformer", "switchgear", "boiler", "pump room",
                     "fire control", "fire command", "generator", "sprinkler", "security",
                     "guard"), _B),
    **dict.fromkeys(("office", "lab", "laboratory", "laboratories", "shop", "retail", "suite",
                     "studio", "showroom", "workshop", "warehouse", "tenant", "tenancy",
                     "lettable", "leasable", "classroom", "living room", "living", "bedroom",
                     "apartment", "dormitory", "factory", "workspace", "coworking",
                     "co-working"), _L),
}
# German: whole words, or the head (the end) of a compound.
GERMAN: dict[str, SpaceUse] = {
    **dict.fromkeys(("flur", "gang", "gänge", "korridor", "diele", "treppe", "treppenhaus",
                     "treppenhäuser", "treppenraum", "aufzug", "aufzüge", "fahrstuhl",
                     "toilette", "sanitär", "bad", "schacht", "schächte", "technik",
                     "technikraum", "technikzentrale", "haustechnik", "elektro", "elektroraum",
                     "verkehr", "verkehrsfläche", "technikfläche", "funktionsfläche",
                     "putzraum", "müllraum", "lüftung", "lüftungszentrale"), _C),
    **dict.fromkeys(("eingang", "eingangshalle", "windfang", "heizung", "heizungsraum",
                     "heizraum", "hausanschluss", "hausanschlussraum", "pförtner"), _B),
    **dict.fromkeys(("büro", "buero", "labor", "laden", "praxis", "werkstatt", "mietfläche",
                     "mieteinheit", "nutzfläche", "nutzungsfläche", "gewerbe",
                     "gewerbefläche", "wohnen", "wohnzimmer", "schlafzimmer", "kinderzimmer",
                     "arbeitszimmer"), _L),
}
# Abbreviations that only a layer name uses (AIA-style A-CORR, A-AREA-CIRC …).
LAYER_ONLY: dict[str, SpaceUse] = dict.fromkeys(
    ("corr", "circ", "toil", "elev", "stairs"), _C)

# Classification codes, normalised (upper case, no separators): the longest prefix decides.
CODE_PREFIXES: dict[str, SpaceUse] = {
    # Uniclass 2015 SL (Spaces/locations)
    "SL9010": _C, "SL901027": _B, "SL901051": _B, "SL9060": _C, "SL9090": _C, "SL3580": _C,
    "SL2090": _C, "SL2015": _L, "SL2050": _L,
    # OmniClass Table 13 (Spaces by Function)
    "1385": _C, "13853111": _B, "13853114": _B, "1381": _C, "1341111417": _C,
    "1341111421": _C, "13151134": _L, "1325": _L,
}
# DIN 277 area kinds, as a whole code with an optional group number (``VF 9``, ``NUF2``).
_DIN = re.compile(r"(VF|TF|FF|NUF|NF)\d*")
_DIN_USE = {"VF": _C, "TF": _C, "FF": _C, "NUF": _L, "NF": _L}

_LATIN = "a-zà-öø-ÿß"
_SPLIT = re.compile(r"[\n\r;；,，、/|]+|\\[Pp]")  # \P: an MTEXT paragraph
_AREA = re.compile(r"\d+(?:[.,]\d+)?\s*(?:m2|m\^2|平方米|平米|sq\.?\s*m|sqm)", re.IGNORECASE)
# Words that only say "room" (or "unit", "number"), before or beside its number.
_ROOM_WORDS = frozenset(("room", "rm", "raum", "unit", "no", "no.", "nr", "nr.", "#", "房间",
                         "房号", "室"))
_ROOM_PREFIX = re.compile(r"(?:room|rm\.?|raum|unit|no\.|nr\.|#|房间|房号)")
# A number written as a Chinese room's name: 101室, 3号, 12号房.
_ROOM_SUFFIX = re.compile(r"(?:室|号房|号|房)$")
_NUMBER = re.compile(
    r"[A-Za-z]{0,3}[-_.]?\d{1,5}(?:[-_.]\d{1,5})?[A-Za-z]?"
    r"(?:\s*[,，/&+~～]\s*[A-Za-z]{0,3}[-_.]?\d{1,5}[A-Za-z]?)*"
)


# A word's entry in the trie: (kind, use) with kind "zh", "en" or "de" (how it must be bounded).
_Entry = tuple[str, SpaceUse]
_Trie = dict[str, Any]  # letter -> the next node; _END -> list[_Entry]
_END = ""  # the key under which a trie node lists the words that end there


def _trie(tables: dict[str, dict[str, SpaceUse]]) -> _Trie:
    tree: _Trie = {}
    for kind, table in tables.items():
        for word, use in table.items():
            node = tree
            for letter in word:
                node = node.setdefault(letter, {})
            node.setdefault(_END, []).append((kind, use))
    return tree


def _alternation(node: _Trie) -> str:
    """The trie as one pattern of literals, so a place in a text that starts no word is
    rejected on its first letter (the regex engine skips ahead on the first letters)."""
    branches = [re.escape(k) + _alternation(v) for k, v in sorted(node.items()) if k != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if _END in node else body


_TABLES = {"zh": CHINESE, "en": ENGLISH, "de": GERMAN}
_TRIE = _trie(_TABLES)
_LAYER_TRIE = _trie({**_TABLES, "en": {**ENGLISH, **LAYER_ONLY}})
_START = re.compile(_alternation(_TRIE))
_LAYER_START = re.compile(_alternation(_LAYER_TRIE))
_LETTER = re.compile(f"[{_LATIN}]")
_SUFFIXES = {"zh": ("",), "en": ("es", "s", ""), "de": ("en", "e", "n", "s", "")}


def _words(lower: str, layer: bool) -> list[tuple[int, int, SpaceUse]]:
    """Each known word in a lower-case text: start, end (a plural included) and use.

    At one place the longest word that is properly bounded wins: ``lift lobby`` over
    ``lift``; English words need a non-letter on both sides, German ones after them
    (they may end a compound), Chinese ones nothing.
    """
    start, trie = (_LAYER_START, _LAYER_TRIE) if layer else (_START, _TRIE)
    found: list[tuple[int, int, SpaceUse]] = []
    pos = 0
    while (match := start.search(lower, pos)) is not None:
        at = match.start()
        best = _longest(lower, at, trie)
        if best is None:
            pos = at + 1
            continue
        found.append((at, best[0], best[1]))
        pos = best[0]
    return found


def _longest(lower: str, at: int, trie: _Trie) -> tuple[int, SpaceUse] | None:
    """The end and use of the longest bounded word starting at ``at``, if any."""
    node: _Trie | None = trie
    best: tuple[int, SpaceUse] | None = None
    latin_before = at > 0 and _LETTER.fullmatch(lower[at - 1]) is not None
    i = at
    while node is not None:
        entries: list[_Entry] = node.get(_END, [])
        for kind, use in entries:
            if kind == "en" and latin_before:
                continue
            for suffix in _SUFFIXES[kind]:
                end = i + len(suffix)
                if lower.startswith(suffix, i) and (
                        kind == "zh" or end == len(lower)
                        or _LETTER.fullmatch(lower[end]) is None):
                    if best is None or end > best[0]:
                        best = (end, use)
                    break
        if i == len(lower):
            break
        node = node.get(lower[i])
        i += 1
    return best


@dataclass(frozen=True)
class RoomEvidence:
    """A room's texts, by where they were written; empty where the file says nothing."""

    label: str = ""  # the DXF label: every text inside the room, one per line
    layer: str = ""  # the DXF layer of the room's outline
    name: str = ""  # the room's name (a DXF label's name part; IFC Name)
    long_name: str = ""  # IFC LongName
    object_type: str = ""  # IFC ObjectType
    classification: tuple[str, ...] = ()  # identifications and names of its references


@dataclass(frozen=True)
class UseDecision:
    """Which use a room has, and why: the word as written and where it was found."""

    use: SpaceUse
    code: str  # one of CODES
    word: str = ""
    source: str = ""  # one of SOURCES; empty when undecided
    confident: bool = True


UNDECIDED_DECISION = UseDecision(SpaceUse.LEASABLE, UNDECIDED, confident=False)


def classify_room(evidence: RoomEvidence) -> UseDecision:
    """The room's use by the rules of the module docstring; never raises on any text."""
    for source in ("name", "long_name", "label", "object_type"):
        found = _read_text(getattr(evidence, source), False)
        if found is not None:
            return _decision(found, source)
    for item in evidence.classification:
        found = _read_code(item) or _read_text(item, False)
        if found is not None:
            return _decision(found, "classification")
    found = _read_text(evidence.layer, True)
    if found is not None:
        return _decision(found, "layer")
    texts = {s: getattr(evidence, s).strip() for s in ("label", "name", "long_name")}
    said = {s: _numbering(t) for s, t in texts.items() if t}
    if said and all(n is not False for n in said.values()) and any(said.values()):
        source = next(s for s, n in said.items() if n)  # the label first: the whole number
        number = " ".join(_AREA.sub(" ", _nfkc(texts[source])).split())
        return UseDecision(SpaceUse.LEASABLE, ROOM_NUMBER, number, source)
    return UNDECIDED_DECISION


# (use, word as written, confident)
_Found = tuple[SpaceUse, str, bool]


def _nfkc(text: str) -> str:
    """Full-width letters (ＷＣ), ㎡ and the like as plain ones; most texts need nothing."""
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text
    return unicodedata.normalize("NFKC", text)


def _decision(found: _Found, source: str) -> UseDecision:
    use, word, confident = found
    code = LEASABLE_WORD if use is SpaceUse.LEASABLE else COMMON_WORD
    return UseDecision(use, code, word, source, confident)


@lru_cache(maxsize=8192)
def _read_text(text: str, layer: bool) -> _Found | None:
    """The head word of the first part of ``text`` that holds a known word (cached: labels
    and layer names repeat across a drawing's rooms)."""
    if not text:
        return None
    text = _nfkc(text)
    lower = text.lower()
    if len(lower) != len(text):  # a letter whose lower case is longer: keep it as it is
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    at = 0
    for part in _SPLIT.split(lower):
        found = _words(part, layer)
        if found:
            start, end, use = found[-1]
            uses = {u for _, _, u in found}
            mixed = SpaceUse.LEASABLE in uses and len(uses) > 1
            offset = lower.index(part, at)
            return use, text[offset + start:offset + end], not mixed
        at = lower.index(part, at) + len(part)
    return None


def _read_code(item: str) -> _Found | None:
    """A DIN 277, Uniclass 2015 or OmniClass code among a classification's texts."""
    text = _nfkc(item).strip()
    key = re.sub(r"[\s_.\-:]+", "", text).upper()
    if not key:
        return None
    din = _DIN.fullmatch(key)
    if din is not None:
        return _DIN_USE[din.group(1)], text, True
    if not (key.startswith("SL") or key.startswith("13")) or not key[2:].isdigit():
        return None
    for size in range(len(key), 3, -1):
        use = CODE_PREFIXES.get(key[:size])
        if use is not None:
            return use, text, True
    return None


def _numbering(text: str) -> bool | None:
    """Whether a text says nothing but which room it is: True when it holds a room number
    (``302``, ``B102``, ``302,304``, ``Room 12``, ``房间3``, ``101室``), None when only a word for
    "room" (``Room``), False when anything else; a stated area is ignored."""
    words = _AREA.sub(" ", _nfkc(text)).lower().split()
    numbered = False
    for word in words:
        if word in _ROOM_WORDS:
            continue
        prefix = _ROOM_PREFIX.match(word)
        bare = word[prefix.end():] if prefix else word
        bare = _ROOM_SUFFIX.sub("", bare) or bare
        if not _NUMBER.fullmatch(bare):
            return False
        numbered = True
    return numbered or None


__all__ = [
    "CODES", "COMMON_WORD", "LEASABLE_WORD", "ROOM_NUMBER", "SOURCES", "UNDECIDED",
    "RoomEvidence", "UseDecision", "classify_room",
]
