"""Each imported room's use on real drawings: corridors, stairs and toilets are common area.

The daoshi floors label every room in a form (房间名称 / 房间属性 …); the IFC
houses name their spaces in German (FZK-Haus: Flur, Bad, Buero …) and English
(duplex: Hallway, Stair, Bathroom …). Rooms whose use nothing decides are
imported as leasable and listed for review (``use-undecided``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import ezdxf
import ifcopenshell
import ifcopenshell.guid
import pytest
from shapely.geometry import box

from domain.room_classification import COMMON_WORD, LEASABLE_WORD, ROOM_NUMBER, UNDECIDED
from domain.space_use import SpaceUse
from importers.dxf import read_dxf
from importers.ifc import read_ifc
from importers.plan import (
    MANUAL,
    USE_UNDECIDED,
    ImportedPlan,
    PlanFloor,
    PlanUnit,
    RoomEvidence,
    Severity,
    use_fields,
    use_review,
    with_uses,
)
from importers.read import read_plan
from importers.zones import units_by_zone
from tests.corpus import CORPUS, corpus, needs_corpus  # noqa: F401
from tests.data.make_drawings import write_dwg_from_dxf

ROOT = Path(__file__).resolve().parents[2]
C, B, L = SpaceUse.COMMON, SpaceUse.BUILDING_COMMON, SpaceUse.LEASABLE
COMMON_NAMES = ("走廊", "楼梯间", "电梯厅", "卫生间")
LEASABLE_NAMES = ("办公", "实验")


def units(plan: ImportedPlan) -> list[PlanUnit]:
    return [u for f in plan.floors for u in f.units]


def reviewed(plan: ImportedPlan) -> list[str]:
    return [p.ref for p in plan.problems if p.code == USE_UNDECIDED]


@needs_corpus
@pytest.mark.parametrize("name", ["floor1.dxf", "floor2.dxf"])
def test_daoshi_corridors_stairs_lobbies_and_toilets_are_common(name):
    plan = read_dxf(CORPUS / "daoshi" / name)
    rooms = units(plan)
    for room in rooms:
        print(f"{room.code:>10} {room.name:<20} {room.use.value:<16} {room.use_reason} "
              f"{room.use_word} ({room.use_from})")
    common = [u for u in rooms if any(w in u.name for w in COMMON_NAMES)]
    leasable = [u for u in rooms if any(w in u.name for w in LEASABLE_NAMES)]
    assert {w for u in common for w in COMMON_NAMES if w in u.name} == set(COMMON_NAMES)
    assert len(common) >= 10 and len(leasable) >= 6
    for room in common:
        assert room.use is C and room.use_reason == COMMON_WORD, room
        assert room.use_word in room.name and room.use_from == "name"
    for room in leasable:
        assert room.use is L and room.use_reason == LEASABLE_WORD, room
    corridor = next(u for u in rooms if u.name == "走廊")
    assert corridor.area > 700  # the floor's biggest room is no longer let
    # the room's words beyond its name count: its 房间属性 line ("设备用房")
    servers = [u for u in rooms if u.name == "服务器室"]
    assert servers and all(u.use_from == "label" for u in servers)
    # every room nothing decided is listed once for review, and only those
    undecided = [u for u in rooms if u.use_reason == UNDECIDED]
    assert undecided and all(u.use is L for u in undecided)
    assert len(reviewed(plan)) == len(undecided)
    assert all(p.severity is Severity.INFO for p in plan.problems if p.code == USE_UNDECIDED)


@needs_corpus
@pytest.mark.parametrize("path", [
    "web-ifc/AC20-FZK-Haus.ifc", "opensourcebim-testfiles/AC11-FZK-Haus-IFC.ifc",
    "derived/AC20-FZK-Haus_IFC4X3_ADD2_migrated.ifc",
])
def test_fzk_haus_german_names(path):
    plan = read_ifc(CORPUS / path)
    by_name = {u.name: u for u in units(plan)}
    assert set(by_name) == {"Flur", "Bad", "Buero", "Wohnen", "Schlafzimmer", "Küche", "Galerie"}
    expected = {"Flur": (C, "Flur"), "Bad": (C, "Bad"), "Buero": (L, "Buero"),
                "Wohnen": (L, "Wohnen"), "Schlafzimmer": (L, "Schlafzimmer")}
    for name, (use, word) in expected.items():
        room = by_name[name]
        assert (room.use, room.use_word, room.use_from) == (use, word, "long_name"), room
    for name in ("Küche", "Galerie"):  # a kitchen may be shared or let: a person says
        assert by_name[name].use_reason == UNDECIDED
    assert sorted(reviewed(plan)) == sorted(by_name[n].key for n in ("Küche", "Galerie"))


@needs_corpus
def test_duplex_english_names():
    plan = read_ifc(CORPUS / "web-ifc" / "duplex.ifc")
    by_code = {u.code: u for u in units(plan)}
    for code in ("A201", "B201", "A105"):  # Hallway, Stair
        assert by_code[code].use is C, by_code[code]
    for code in ("A104", "A204", "B104", "B204"):  # Bathroom 1, 2
        assert (by_code[code].use, by_code[code].use_reason) == (C, COMMON_WORD)
    assert by_code["A101"].use is B and by_code["A101"].use_word == "Foyer"
    for code in ("A102", "A202", "B203"):  # Living Room, Bedroom 1, 2
        assert by_code[code].use is L and by_code[code].use_reason == LEASABLE_WORD
    assert by_code["A205"].use is C and by_code["A205"].use_word == "Utility"
    assert by_code["B105"].use_reason == ROOM_NUMBER  # named "Room": a numbered room
    assert by_code["A103"].use_reason == UNDECIDED  # Kitchen
    assert by_code["R301"].use_reason == UNDECIDED  # Roof: leasable? a person says


@needs_corpus
def test_niedriha_technical_rooms_and_wc():
    plan = read_ifc(CORPUS / "opensourcebim-testfiles" / "AC90R1-niedriha-V2-2x3.ifc")
    named = [u for u in units(plan) if u.name in ("Technik", "WC")]
    assert len(named) >= 10 and all(u.use is C for u in named)


@needs_corpus
@pytest.mark.parametrize(("path", "attribute"), [
    ("web-ifc/AC20-FZK-Haus.ifc", "Identification"),  # IFC4
    ("opensourcebim-testfiles/AC11-FZK-Haus-IFC.ifc", "ItemReference"),  # IFC2X3
])
def test_object_type_and_classification_reference_decide_when_the_name_does_not(
        tmp_path, path, attribute):
    model = ifcopenshell.open(str(CORPUS / path))
    spaces = {s.LongName: s for s in model.by_type("IfcSpace")}
    kitchen, gallery = spaces["Küche"], spaces["Galerie"]
    kitchen.LongName = None  # Name "6": a number, nothing else
    gallery.ObjectType = "Circulation"
    reference = model.create_entity("IfcClassificationReference", Name="Verkehrsfläche",
                                    **{attribute: "VF"})
    model.create_entity("IfcRelAssociatesClassification", GlobalId=ifcopenshell.guid.new(),
                        RelatedObjects=[kitchen], RelatingClassification=reference)
    edited = tmp_path / "edited.ifc"
    model.write(str(edited))
    by_key = {u.key: u for u in units(read_ifc(edited))}
    room = by_key[kitchen.GlobalId]
    assert (room.use, room.use_word, room.use_from) == (C, "VF", "classification")
    room = by_key[gallery.GlobalId]
    assert (room.use, room.use_word, room.use_from) == (C, "Circulation", "object_type")


def test_classification_texts_of_each_kind_of_association():
    from importers.ifc_props import classification_texts

    ifc4 = ifcopenshell.file(schema="IFC4")
    room = ifc4.create_entity("IfcSpace", GlobalId=ifcopenshell.guid.new(), Name="1")
    for target in (ifc4.create_entity("IfcClassification", Name="DIN 277"),
                   ifc4.create_entity("IfcClassificationReference", Identification="VF",
                                      Name="Verkehrsfläche")):
        ifc4.create_entity("IfcRelAssociatesClassification", GlobalId=ifcopenshell.guid.new(),
                           RelatedObjects=[room], RelatingClassification=target)
    assert classification_texts(room) == ("DIN 277", "VF", "Verkehrsfläche")
    ifc2x3 = ifcopenshell.file(schema="IFC2X3")
    old = ifc2x3.create_entity("IfcSpace", GlobalId=ifcopenshell.guid.new(), Name="1")
    notation = ifc2x3.create_entity("IfcClassificationNotation", NotationFacets=[
        ifc2x3.create_entity("IfcClassificationNotationFacet", NotationValue="13-85 11 11")])
    ifc2x3.create_entity("IfcRelAssociatesClassification", GlobalId=ifcopenshell.guid.new(),
                         RelatedObjects=[old], RelatingClassification=notation)
    assert classification_texts(old) == ("13-85 11 11",)
    assert classification_texts(ifc2x3.create_entity("IfcSpace")) == ()


def write_rooms(path: Path, rooms: list[tuple[str, str, float, float]], version: str = "R2010",
                encoding: str = "") -> Path:
    """Closed 8 m deep rooms on their layers, each labelled by one or more texts on 文字."""
    doc = ezdxf.new(version, units=6)
    if encoding:
        doc.encoding = encoding
    doc.layers.add("文字")
    msp = doc.modelspace()
    for label, layer, x0, x1 in rooms:
        if layer not in doc.layers:
            doc.layers.add(layer)
        msp.add_lwpolyline([(x0, 0), (x1, 0), (x1, 8), (x0, 8)], close=True,
                           dxfattribs={"layer": layer})
        for n, text in enumerate(label.split("|") if label else []):
            msp.add_text(text, height=0.4, dxfattribs={"layer": "文字"}).set_placement(
                ((x0 + x1) / 2, 2 + 2 * n))
    doc.saveas(path)
    return path


ROOMS = [("走廊", "房间", 0, 10), ("302 办公室", "房间", 10, 20), ("303", "房间", 20, 30),
         ("304 会议室", "房间", 30, 40)]


def test_a_room_layer_and_every_text_in_a_room_are_evidence(tmp_path):
    drawing = write_rooms(tmp_path / "c3.dxf", [
        ("S1", "楼梯", 0, 10),  # says nothing but its layer does
        ("C01", "A-CORR", 10, 20),
        ("305 会议室 45.00m²|电梯厅", "房间", 20, 30),  # a second text names it
        ("306 办公室", "房间", 30, 40),
    ])
    plan = read_dxf(drawing, layers={"楼梯": "rooms", "A-CORR": "rooms", "房间": "rooms",
                                     "文字": "labels"})
    by_code = {u.code: u for u in units(plan)}
    assert (by_code["S1"].use, by_code["S1"].use_word, by_code["S1"].use_from) == (
        C, "楼梯", "layer")
    assert (by_code["C01"].use, by_code["C01"].use_word) == (C, "CORR")
    assert (by_code["305"].use, by_code["305"].use_word, by_code["305"].use_from) == (
        C, "电梯厅", "label")
    assert by_code["306"].use is L
    assert not reviewed(plan)


def test_a_dwg_gets_the_uses_of_its_dxf(tmp_path):
    dxf = write_rooms(tmp_path / "rooms.dxf", [(label, layer, x0, x1)
                                                for label, layer, x0, x1 in ROOMS],
                      version="R2000", encoding="gbk")
    dwg = tmp_path / "rooms.dwg"
    write_dwg_from_dxf(dxf, dwg)
    from_dxf, from_dwg = read_plan(dxf), read_plan(dwg)
    assert from_dwg.format == "dwg" and not from_dwg.errors

    def uses(plan: ImportedPlan) -> list[tuple[str, str, str, str]]:
        return sorted((u.code, u.use.value, u.use_reason, u.use_word) for u in units(plan))

    assert uses(from_dwg) == uses(from_dxf) == [
        ("", "common", COMMON_WORD, "走廊"), ("302", "leasable", LEASABLE_WORD, "办公"),
        ("303", "leasable", ROOM_NUMBER, "303"), ("304", "leasable", UNDECIDED, "")]
    assert len(reviewed(from_dwg)) == 1


def space(key: str, name: str, x0: float, zones: list[str]) -> PlanUnit:
    """A space as read_ifc makes it: named, with its use from its name."""
    return PlanUnit(key, key, name, box(x0, 0, x0 + 5, 10), source={"zones": zones},
                    **use_fields(RoomEvidence(name=key, long_name=name)))


def test_a_zone_is_what_its_name_says_else_a_suite_unless_all_its_spaces_are_common():
    floor = PlanFloor("EG", None, (
        space("1", "Corridor", 0, ["Circulation"]), space("2", "Kitchen", 5, ["Circulation"]),
        space("3", "Office", 10, ["Zone A"]), space("4", "WC", 15, ["Zone A"]),
        space("5", "Stair", 20, ["Core"]), space("6", "Lift", 25, ["Core"]),
        space("7", "Store", 30, ["Zone 7"]), space("8", "Kitchen", 40, []),
    ))
    read = ImportedPlan("h.ifc", "ifc", (floor,), tuple(use_review([floor])))
    assert len(reviewed(read)) == 3  # the two kitchens and the store, as spaces
    plan = units_by_zone(read)
    by_code = {u.code: u for u in units(plan)}
    assert (by_code["Circulation"].use, by_code["Circulation"].use_from) == (C, "name")
    assert (by_code["Zone A"].use, by_code["Zone A"].use_word) == (L, "Office")  # a suite
    assert (by_code["Core"].use, by_code["Core"].use_reason) == (C, COMMON_WORD)
    assert by_code["Zone 7"].use_reason == UNDECIDED
    # the merged spaces are gone from the review list; the zone and the loose space are in it
    assert sorted(reviewed(plan)) == sorted([by_code["Zone 7"].key, by_code["8"].key])


@needs_corpus
def test_paolo_zones_are_listed_for_review():
    plan = units_by_zone(read_ifc(CORPUS / "opensourcebim-testfiles" / "Paolo.ifc"))
    undecided = [u for u in units(plan) if u.use_reason == UNDECIDED]
    assert sorted(reviewed(plan)) == sorted(u.key for u in undecided)


def test_a_person_s_choice_replaces_the_use_and_clears_the_review(tmp_path):
    plan = read_dxf(write_rooms(tmp_path / "c3.dxf", ROOMS))
    rooms = list(plan.floors[0].units)
    meeting = next(i for i, u in enumerate(rooms) if u.code == "304")
    office = next(i for i, u in enumerate(rooms) if u.code == "302")
    assert reviewed(plan) == [rooms[meeting].key]
    chosen = with_uses(plan, {(0, meeting): "common", (0, office): SpaceUse.BUILDING_COMMON})
    after = list(chosen.floors[0].units)
    assert (after[meeting].use, after[meeting].use_reason) == (C, MANUAL)
    assert (after[office].use, after[office].use_reason) == (B, MANUAL)
    assert after[office].use_word == "办公"  # what the drawing said is kept beside it
    for i, (before, now) in enumerate(zip(rooms, after, strict=True)):
        assert (now.key, now.code, now.polygon, now.stated_area) == (
            before.key, before.code, before.polygon, before.stated_area)
        if i not in (meeting, office):
            assert now == before
    assert not reviewed(chosen) and with_uses(plan, {}) is plan


@needs_corpus
def test_the_review_finding_s_template_says_what_the_importer_wrote(tmp_path):
    from views.problem_text import problem_text  # no catalogue installed: the English

    unlabelled = write_rooms(tmp_path / "u.dxf", [("", "房间", 0, 10), ("301", "房间", 10, 20)])
    for plan in (read_dxf(CORPUS / "daoshi" / "floor1.dxf"), read_dxf(unlabelled)):
        found = [p for p in plan.to_json()["info"] if p["code"] == USE_UNDECIDED]
        assert found
        for problem in found:
            assert problem_text(problem) == problem["message"]
    assert [p["params"].get("case") for p in found] == ["unlabelled"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True,
                          text=True)


@needs_corpus
def test_the_import_report_gives_each_room_its_use():
    drawing = CORPUS / "daoshi" / "floor1.dxf"
    result = run("import", str(drawing), "--building", "T", "--dry-run", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    [floor] = report["floors"]
    for unit in floor["units"]:
        assert {"use", "use_reason", "use_word", "use_from"} <= set(unit)
        assert unit["use"] in ("leasable", "common", "building_common")
    corridor = next(u for u in floor["units"] if u["name"] == "走廊")
    assert (corridor["use"], corridor["use_reason"], corridor["use_word"],
            corridor["use_from"]) == ("common", "common-word", "走廊", "name")
    review = [p for p in report["info"] if p["code"] == USE_UNDECIDED]
    undecided = [u for u in floor["units"] if u["use_reason"] == "undecided"]
    assert len(review) == len(undecided) > 0
    assert {p["params"]["floor"] for p in review} == {"floor1"}
    assert any(p["params"].get("room") == "112 库房1" for p in review)
    text = run("import", str(drawing), "--building", "T", "--dry-run")
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert any(line.lstrip().startswith("走廊") and line.endswith(
        "common (the name says “走廊”)") for line in lines), text.stdout
    checks = [line for line in lines if line.startswith("  check: ")]
    assert len(checks) == len(undecided)
    assert "  check: room 112 库房1 on floor1 (30.99 m²): nothing in the drawing says whether " \
           "it is common area; imported as leasable" in lines
