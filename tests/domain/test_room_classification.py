"""A room's use from its own words: vocabulary, word boundaries, head words, priority, codes."""

from __future__ import annotations

import doctest
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain import room_classification
from domain.room_classification import (
    CODES,
    COMMON_WORD,
    LEASABLE_WORD,
    ROOM_NUMBER,
    SOURCES,
    UNDECIDED,
    RoomEvidence,
    UseDecision,
    classify_room,
)
from domain.space_use import SpaceUse

C, B, L = SpaceUse.COMMON, SpaceUse.BUILDING_COMMON, SpaceUse.LEASABLE


def named(text: str) -> UseDecision:
    return classify_room(RoomEvidence(name=text))


def test_the_module_examples_hold():
    result = doctest.testmod(room_classification)
    assert result.attempted > 10 and result.failed == 0


@pytest.mark.parametrize(("text", "use", "word"), [
    # Chinese: the brief's common rooms
    ("走廊", C, "走廊"), ("过道", C, "过道"), ("通道", C, "通道"), ("连廊", C, "连廊"),
    ("1号楼梯", C, "楼梯"), ("楼梯间", C, "楼梯间"), ("电梯", C, "电梯"), ("电梯厅", C, "电梯厅"),
    ("电梯间", C, "电梯间"), ("前室", C, "前室"), ("合用前室", C, "合用前室"),
    ("卫生间", C, "卫生间"), ("男卫", C, "男卫"), ("女卫生间", C, "女卫生间"),
    ("无障碍卫生间", C, "无障碍卫生间"), ("厕所", C, "厕所"), ("洗手间", C, "洗手间"),
    ("盥洗室", C, "盥洗"), ("管井", C, "管井"), ("水井", C, "水井"), ("风井", C, "风井"),
    ("电井", C, "电井"), ("强电间", C, "强电间"), ("弱电间", C, "弱电间"), ("设备间", C, "设备间"),
    ("空调机房", C, "空调机房"), ("消防", C, "消防"), ("垃圾间", C, "垃圾"),
    ("清洁间", C, "清洁间"), ("保洁", C, "保洁"), ("天井", C, "天井"),
    # … and those serving the whole building
    ("大堂", B, "大堂"), ("门厅", B, "门厅"), ("配电室", B, "配电室"),
    ("消防控制室", B, "消防控制室"), ("值班室", B, "值班室"), ("水泵房", B, "水泵房"),
    # English
    ("Corridor", C, "Corridor"), ("Hallway", C, "Hallway"), ("Circulation", C, "Circulation"),
    ("Stairs", C, "Stairs"), ("Stairwell", C, "Stairwell"), ("Staircase", C, "Staircase"),
    ("Lift", C, "Lift"), ("Lifts", C, "Lifts"), ("ELEVATOR", C, "ELEVATOR"),
    ("Lift lobby", C, "Lift lobby"), ("WC", C, "WC"), ("Toilets", C, "Toilets"),
    ("Restroom", C, "Restroom"), ("Lavatory", C, "Lavatory"), ("Washroom", C, "Washroom"),
    ("Shaft", C, "Shaft"), ("Riser", C, "Riser"), ("Duct", C, "Duct"), ("Plant", C, "Plant"),
    ("Plant room", C, "Plant room"), ("Mechanical", C, "Mechanical"),
    ("Electrical room", C, "Electrical room"), ("Switch room", C, "Switch room"),
    ("Janitor", C, "Janitor"), ("Cleaner", C, "Cleaner"),
    ("Lobby", B, "Lobby"), ("Entrance hall", B, "Entrance hall"), ("Foyer", B, "Foyer"),
    # German, whole words and heads of compounds
    ("Flur", C, "Flur"), ("Gang", C, "Gang"), ("Korridor", C, "Korridor"), ("Diele", C, "Diele"),
    ("Treppe", C, "Treppe"), ("Treppenhaus", C, "Treppenhaus"), ("Aufzug", C, "Aufzug"),
    ("Fahrstuhl", C, "Fahrstuhl"), ("Toilette", C, "Toilette"), ("Bad", C, "Bad"),
    ("Schacht", C, "Schacht"), ("Technik", C, "Technik"), ("Technikraum", C, "Technikraum"),
    ("Haustechnik", C, "Haustechnik"), ("Elektro", C, "Elektro"), ("Nebentreppe", C, "treppe"),
    ("Installationsschacht", C, "schacht"), ("Heizungsraum", B, "Heizungsraum"),
    ("Eingangshalle", B, "Eingangshalle"),
])
def test_common_words(text, use, word):
    decision = named(text)
    assert (decision.use, decision.code, decision.word) == (use, COMMON_WORD, word)
    assert decision.source == "name" and decision.confident


@pytest.mark.parametrize(("text", "word"), [
    ("综合考务办公室", "办公"), ("云计算实验室", "实验"), ("商铺", "商铺"), ("Office", "Office"),
    ("Offices", "Offices"), ("Lab 2", "Lab"), ("Laboratory", "Laboratory"), ("Shop", "Shop"),
    ("Büro", "Büro"), ("Buero", "Buero"), ("Großraumbüro", "büro"), ("Labor", "Labor"),
    ("XX设备有限公司", "有限公司"),  # a tenant's name, not an equipment room
])
def test_leasable_words(text, word):
    decision = named(text)
    assert (decision.use, decision.code, decision.word) == (L, LEASABLE_WORD, word)


@pytest.mark.parametrize("text", [
    "SWC", "WCX", "uplift", "Liftoff", "Stairmaster", "Gangway", "Badminton", "Plantation",
    "Officer", "Labrador", "Corridorless",
])
def test_english_and_german_words_match_only_on_their_boundaries(text):
    assert named(text).code == UNDECIDED, named(text)


@pytest.mark.parametrize(("text", "word"), [("WC1", "WC"), ("Stair2", "Stair"), ("(Lift)", "Lift"),
                                            ("Damen-WC", "WC"), ("LIFT_A", "LIFT")])
def test_digits_and_marks_bound_a_word(text, word):
    assert named(text).word == word


def test_a_latin_word_beside_chinese_is_a_word():
    assert named("WC男").word == "WC"
    assert named("3F电梯lobby").word == "lobby"  # the head word, last


@pytest.mark.parametrize(("text", "use", "word", "confident"), [
    ("办公室走廊", C, "走廊", False),  # an office corridor
    ("走廊尽头办公室", L, "办公", False),  # the office at the corridor's end
    ("设备展示厅", L, "展示", False),  # an equipment showroom
    ("Office corridor", C, "corridor", False),
    ("Lift lobby", C, "Lift lobby", True),  # one longer word, not lift then lobby
    ("电梯厅", C, "电梯厅", True),
])
def test_the_head_word_decides_a_part(text, use, word, confident):
    decision = named(text)
    assert (decision.use, decision.word, decision.confident) == (use, word, confident)


def test_the_first_part_with_a_word_decides_a_text():
    label = "房间编号：214\n房间名称：服务器室\n房间属性：设备用房（自用）\n使用人员：于虹，办公室"
    decision = classify_room(RoomEvidence(label=label))
    assert (decision.use, decision.word, decision.source) == (C, "设备用房", "label")
    assert named("团委，学生工作办公室").word == "办公"
    assert classify_room(RoomEvidence(label="301\\P走廊")).word == "走廊"  # MTEXT's \P
    assert classify_room(RoomEvidence(label="Office\\PCorridor")).use is L


def test_evidence_is_read_in_order_of_priority():
    everything = RoomEvidence(label="走廊", layer="Büro", name="Office", long_name="WC",
                              object_type="Stair", classification=("NUF",))
    order = []
    evidence = everything
    for field in ("name", "long_name", "label", "object_type", "classification", "layer"):
        decision = classify_room(evidence)
        order.append(decision.source)
        evidence = RoomEvidence(**{**evidence.__dict__, field: () if field ==
                                   "classification" else ""})
    assert order == list(SOURCES)
    assert classify_room(evidence).code == UNDECIDED


def test_a_layer_decides_only_when_the_room_says_nothing():
    assert classify_room(RoomEvidence(label="101", layer="楼梯")).source == "layer"
    assert classify_room(RoomEvidence(label="101 办公室", layer="楼梯")).use is L
    for layer, word in (("A-CORR", "CORR"), ("Verkehr", "Verkehr"), ("A-AREA-CIRC", "CIRC"),
                        ("WC_ROOMS", "WC")):
        decision = classify_room(RoomEvidence(layer=layer))
        assert (decision.use, decision.word, decision.source) == (C, word, "layer")
    assert classify_room(RoomEvidence(label="CORR")).code == UNDECIDED  # a layer's word only


@pytest.mark.parametrize(("codes", "use", "word"), [
    (("VF",), C, "VF"), (("TF 8",), C, "TF 8"), (("NUF",), L, "NUF"), (("NUF 2",), L, "NUF 2"),
    (("SL_90_10_15", "Corridors"), C, "SL_90_10_15"),
    (("SL_90_10_27", "Entrance halls"), B, "SL_90_10_27"),
    (("SL_35_80_89",), C, "SL_35_80_89"), (("SL_90_90_64",), C, "SL_90_90_64"),
    (("SL_20_15_59", "Offices"), L, "SL_20_15_59"),
    (("13-85 11 11", "Corridor"), C, "13-85 11 11"), (("13-85 31 14",), B, "13-85 31 14"),
    (("13-81 21 17",), C, "13-81 21 17"), (("13-41 11 14 21",), C, "13-41 11 14 21"),
    (("13-15 11 34 11", "Office"), L, "13-15 11 34 11"),
    (("000", "Verkehrsfläche"), C, "Verkehrsfläche"),  # a name the code table does not know
    (("X1", "Circulation spaces"), C, "Circulation"),
])
def test_classification_codes(codes, use, word):
    decision = classify_room(RoomEvidence(name="12", classification=codes))
    assert (decision.use, decision.word, decision.source) == (use, word, "classification")


@pytest.mark.parametrize("codes", [("000", "Allgemeines"), ("1", "Residential and Recreation"),
                                   ("SL_25_10_14",), ("13-99",), ("VFX",)])
def test_classifications_that_say_nothing(codes):
    assert classify_room(RoomEvidence(long_name="Galerie", classification=codes)).code == UNDECIDED


@pytest.mark.parametrize(("evidence", "word", "source"), [
    (RoomEvidence(label="302"), "302", "label"),
    (RoomEvidence(label="B102"), "B102", "label"),
    (RoomEvidence(label="302,304"), "302,304", "label"),
    (RoomEvidence(label="302\n45.00㎡"), "302", "label"),
    (RoomEvidence(label="A-203 31.5 m²"), "A-203", "label"),
    (RoomEvidence(name="6", long_name="Room"), "6", "name"),
    (RoomEvidence(name="00.000", long_name="Room 0-0"), "00.000", "name"),
    (RoomEvidence(label="房间3"), "房间3", "label"),
])
def test_a_room_number_only_is_leasable(evidence, word, source):
    decision = classify_room(evidence)
    assert (decision.use, decision.code, decision.word, decision.source) == (
        L, ROOM_NUMBER, word, source)


@pytest.mark.parametrize("evidence", [
    RoomEvidence(), RoomEvidence(label="45.00m²"), RoomEvidence(long_name="Room"),
    RoomEvidence(name="7", long_name="Galerie"), RoomEvidence(label="301 会议室"),
    RoomEvidence(name="A103", long_name="Kitchen"), RoomEvidence(label="（计算机与信息工程学院）"),
])
def test_undecided_rooms_are_leasable_and_not_confident(evidence):
    assert classify_room(evidence) == UseDecision(L, UNDECIDED, "", "", False)


def test_full_width_letters_and_units_are_read_as_plain_ones():
    assert named("ＷＣ").use is C
    assert classify_room(RoomEvidence(label="３０２　４５㎡")).code == ROOM_NUMBER


texts = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=60) | st.sampled_from(
    ["走廊", "WC", "Lift lobby", "办公室走廊", "302,304", "Haupttreppe", "VF", "SL_90_10",
     "13-85 11 11", "ß", "İ", "ﬀ", "\\P", "\n", "Room", "㎡"])


@settings(deadline=None)  # no time limit in a unit test: a slow machine is not a failure
@given(label=texts, layer=texts, name=texts, long_name=texts, object_type=texts,
       classification=st.lists(texts, max_size=3))
def test_classification_never_raises_and_says_where_its_word_is(
        label, layer, name, long_name, object_type, classification):
    evidence = RoomEvidence(label, layer, name, long_name, object_type, tuple(classification))
    decision = classify_room(evidence)
    assert decision.code in CODES and isinstance(decision.use, SpaceUse)
    if decision.code == UNDECIDED:
        assert decision == UseDecision(L, UNDECIDED, "", "", False)
        return
    assert decision.source in SOURCES
    assert (decision.use is L) == (decision.code in (LEASABLE_WORD, ROOM_NUMBER))
    said = getattr(evidence, decision.source)
    said = " ".join(said) if isinstance(said, tuple) else said
    plain = unicodedata.normalize("NFKC", said)
    if decision.code == ROOM_NUMBER:
        assert all(part in plain for part in decision.word.split())
    else:
        assert decision.word and decision.word in plain


numbers = st.from_regex(r"[A-Z]{0,2}[0-9]{1,4}(,[0-9]{1,4}){0,2}", fullmatch=True)


@settings(deadline=None)
@given(number=numbers, area=st.one_of(st.none(), st.decimals(1, 9999, places=2)))
def test_a_room_number_only_label_is_always_leasable(number, area):
    label = number if area is None else f"{number} {area}m²"
    decision = classify_room(RoomEvidence(label=label, layer="使用面积线"))
    assert (decision.use, decision.code, decision.word) == (L, ROOM_NUMBER, number)


def test_a_chinese_room_number_name_is_a_room_number():
    for name in ("101室", "3号", "12号房"):
        decision = classify_room(RoomEvidence(name=name))
        assert (decision.use, decision.code) == (SpaceUse.LEASABLE, ROOM_NUMBER), name
    assert classify_room(RoomEvidence(name="会议室")).code == UNDECIDED
