"""The floor is never guessed silently: levels from names, titles and storeys, with evidence."""

from __future__ import annotations

import doctest
from pathlib import Path

import ezdxf
import ifcopenshell
import ifcopenshell.api
import ifcopenshell.api.project
import pytest

import importers.levels
from importers.dxf import read_dxf
from importers.ifc import read_ifc
from importers.levels import (
    ELEVATION,
    FILE_NAME,
    STOREY_NAME,
    TITLE,
    USER,
    LevelConflict,
    level_candidates,
    level_from_name,
    plan_levels,
)
from importers.plan import ImportedPlan


def test_docstring_examples() -> None:
    result = doctest.testmod(importers.levels)
    assert result.attempted > 10 and result.failed == 0


def write_rooms(path: Path, titles: list[str | None], gap: float = 60.0) -> Path:
    """A metric DXF with one storey of three labelled 5 × 6 m rooms per title, side by side.

    Each storey sits in its own title frame on layer 图框, its title text under the rooms.
    """
    doc = ezdxf.new("R2013", units=6)
    msp = doc.modelspace()
    for n, title in enumerate(titles):
        x0 = n * gap
        for i in range(3):
            x = x0 + 5 * i
            msp.add_lwpolyline([(x, 0), (x + 5, 0), (x + 5, 6), (x, 6)], close=True,
                               dxfattribs={"layer": "rooms"})
            msp.add_text(f"{n + 1}0{i + 1} Office",
                         dxfattribs={"layer": "text", "insert": (x + 1, 3)})
        if title:
            msp.add_text(title, dxfattribs={"layer": "text", "insert": (x0 + 3, -3)})
        if len(titles) > 1:
            msp.add_lwpolyline([(x0 - 3, -6), (x0 + 18, -6), (x0 + 18, 9), (x0 - 3, 9)],
                               close=True, dxfattribs={"layer": "图框"})
    doc.saveas(path)
    return path


NAMES = [
    ("floor3.dxf", 3, "floor3"), ("3F.dxf", 3, "3F"), ("L3.dxf", 3, "L3"),
    ("三层平面图.dxf", 3, "三层"), ("B1.dxf", -1, "B1"), ("地下一层.dxf", -1, "地下一层"),
    ("B1栋-3F.dxf", 3, "3F"), ("F3.dxf", 3, "F3"), ("3层.dxf", 3, "3层"),
    ("第三层.dxf", 3, "第三层"), ("十二层.dxf", 12, "十二层"), ("Level 3.dxf", 3, "Level 3"),
    ("3rd floor.dxf", 3, "3rd floor"), ("-1F.dxf", -1, "-1F"), ("B2F.dxf", -2, "B2F"),
    ("地下二层.dxf", -2, "地下二层"), ("负一层.dxf", -1, "负一层"), ("一层.dxf", 1, "一层"),
    ("首层.dxf", 1, "首层"), ("1号楼3层平面.dxf", 3, "3层"), ("A座-12F.dxf", 12, "12F"),
]


@pytest.mark.parametrize(("name", "level", "matched"), NAMES)
def test_a_file_name_gives_its_level_with_the_evidence(
    tmp_path: Path, name: str, level: int, matched: str
) -> None:
    plan = read_dxf(write_rooms(tmp_path / name, [None]))
    mapping = plan_levels(plan, name)
    assert mapping.refusal is None, mapping.refusal
    [evidence] = mapping.floors
    assert evidence is not None
    assert (evidence.level, evidence.source, evidence.matched) == (level, FILE_NAME, matched)
    assert name in evidence.describe()
    leveled = mapping.apply(plan).to_json()["floors"][0]
    assert leveled["level"] == level and name in leveled["level_evidence"]


@pytest.mark.parametrize(("name", "first", "second"), [
    ("2F-3F.dxf", "2F", "3F"), ("floor2_L3.dxf", "floor2", "L3"), ("B1-3F.dxf", "B1", "3F"),
])
def test_two_floors_in_a_name_are_refused_naming_both(
    tmp_path: Path, name: str, first: str, second: str
) -> None:
    with pytest.raises(LevelConflict) as raised:
        level_from_name(name)
    assert first in str(raised.value) and second in str(raised.value)
    plan = read_dxf(write_rooms(tmp_path / name, [None]))
    mapping = plan_levels(plan, name)
    assert mapping.refusal is not None and mapping.refusal.code == "level-conflict"
    assert first in mapping.refusal.message and second in mapping.refusal.message
    assert "--floor" in mapping.refusal.message and not mapping.ok


def test_the_building_code_is_not_a_floor() -> None:
    evidence = level_from_name("B1-3F.dxf", building_code="B1")
    assert evidence is not None and evidence.level == 3


@pytest.mark.parametrize("name", [
    "ZD-A-0301.dxf", "2024-03-01.dxf", "plan.dxf", "c3.dxf", "3#楼.dxf", "共6层.dxf",
    "5kg.dxf", "Level 0.dxf", "屋顶.dxf", "roof.dxf",
])
def test_digits_without_a_floor_word_are_no_floor(name: str) -> None:
    assert level_from_name(name) is None


def test_the_roof_is_refused_as_no_level(tmp_path: Path) -> None:
    plan = read_dxf(write_rooms(tmp_path / "屋顶.dxf", [None]))
    mapping = plan_levels(plan, "屋顶.dxf")
    assert mapping.refusal is not None and mapping.refusal.params["case"] == "roof"
    assert "not a level" in mapping.refusal.message


def test_nothing_to_go_on_is_refused_naming_floor(tmp_path: Path) -> None:
    plan = read_dxf(write_rooms(tmp_path / "plan.dxf", [None]))
    mapping = plan_levels(plan, "plan.dxf")
    assert mapping.floors == (None,)
    assert mapping.refusal is not None and mapping.refusal.code == "level-unknown"
    assert "--floor" in mapping.refusal.message
    with pytest.raises(ValueError, match="--floor"):
        mapping.levels()


def test_the_person_wins_over_the_name(tmp_path: Path) -> None:
    plan = read_dxf(write_rooms(tmp_path / "floor3.dxf", [None]))
    [evidence] = plan_levels(plan, "floor3.dxf", floor=4).floors
    assert evidence is not None and (evidence.level, evidence.source) == (4, USER)
    [given] = plan_levels(plan, "floor3.dxf", levels=[-2]).floors
    assert given is not None and (given.level, given.source) == (-2, USER)


def test_a_one_floor_title_gives_the_level(tmp_path: Path) -> None:
    plan = read_dxf(write_rooms(tmp_path / "plan.dxf", ["三层平面图"]))
    assert plan.floors[0].title == "三层平面图"
    [evidence] = plan_levels(plan, "plan.dxf").floors
    assert evidence is not None and (evidence.level, evidence.source) == (3, TITLE)
    assert "三层平面图" in evidence.describe()


def test_a_title_that_disagrees_with_the_name_is_refused(tmp_path: Path) -> None:
    plan = read_dxf(write_rooms(tmp_path / "floor3.dxf", ["二层平面图"]))
    mapping = plan_levels(plan, "floor3.dxf")
    assert mapping.refusal is not None and mapping.refusal.params["case"] == "title"
    assert "floor3.dxf" in mapping.refusal.message and "二层平面图" in mapping.refusal.message


def test_each_framed_floor_takes_its_title_level(tmp_path: Path) -> None:
    plan = read_dxf(write_rooms(tmp_path / "tower.dxf", ["2F", "三层平面图"]))
    assert [f.title for f in plan.floors] == ["2F", "三层平面图"]
    mapping = plan_levels(plan, "tower.dxf")
    assert mapping.refusal is None, mapping.refusal
    assert mapping.levels() == [2, 3]
    assert [e.source for e in mapping.floors if e] == [TITLE, TITLE]
    assert {u.code for u in plan.floors[1].units} == {"201", "202", "203"}


def test_untitled_floors_of_one_drawing_ask_for_levels(tmp_path: Path) -> None:
    plan = read_dxf(write_rooms(tmp_path / "floor3.dxf", ["2F", None]))
    assert len(plan.floors) == 2 and plan.floors[1].title == ""
    mapping = plan_levels(plan, "floor3.dxf")
    assert mapping.refusal is not None and mapping.refusal.code == "levels-unknown"
    assert "--levels" in mapping.refusal.message and plan.floors[1].name in mapping.refusal.message
    assert plan_levels(plan, "floor3.dxf", levels=[2, 4]).levels() == [2, 4]
    short = plan_levels(plan, "floor3.dxf", levels=[2])
    assert short.refusal is not None and short.refusal.code == "levels-count"
    assert plan_levels(plan, "floor3.dxf", floor=3).refusal.code == "floor-multi"  # type: ignore[union-attr]


def test_two_floors_titled_alike_are_refused(tmp_path: Path) -> None:
    plan = read_dxf(write_rooms(tmp_path / "x.dxf", ["3F", "三层平面图"]))
    mapping = plan_levels(plan, "x.dxf")
    assert mapping.refusal is not None and mapping.refusal.code == "levels-repeated"


def write_storeys(path: Path, storeys: list[tuple[str | None, float]]) -> Path:
    """An IFC4 model (metres) with the named storeys at their elevations, made by the API."""
    model = ifcopenshell.api.project.create_file(version="IFC4")
    project = ifcopenshell.api.run("root.create_entity", model, ifc_class="IfcProject",
                                   name="P")
    ifcopenshell.api.run("unit.assign_unit", model, length={"is_metric": True, "raw": "METERS"})
    site = ifcopenshell.api.run("root.create_entity", model, ifc_class="IfcSite", name="S")
    building = ifcopenshell.api.run("root.create_entity", model, ifc_class="IfcBuilding",
                                    name="B")
    ifcopenshell.api.run("aggregate.assign_object", model, relating_object=project,
                         products=[site])
    ifcopenshell.api.run("aggregate.assign_object", model, relating_object=site,
                         products=[building])
    for name, elevation in storeys:
        storey = ifcopenshell.api.run("root.create_entity", model,
                                      ifc_class="IfcBuildingStorey", name=name or "x")
        storey.Name = name
        storey.Elevation = elevation
        ifcopenshell.api.run("aggregate.assign_object", model, relating_object=building,
                             products=[storey])
    model.write(str(path))
    return path


def storey_levels(plan: ImportedPlan) -> list[tuple[str, int, str]]:
    mapping = plan_levels(plan)
    assert mapping.refusal is None, mapping.refusal
    return [(f.name, e.level, e.source) for f, e in zip(plan.floors, mapping.floors, strict=True)
            if e is not None]


@pytest.mark.parametrize("name", ["Level 5", "5F", "五层", "Уровень 5", "4. OG"])
def test_a_storey_name_gives_its_level(tmp_path: Path, name: str) -> None:
    plan = read_ifc(write_storeys(tmp_path / "m.ifc", [(None, -3.0), (None, 0.0), (name, 12.0)]))
    levels = storey_levels(plan)
    assert [lv for _, lv, _ in levels] == [-1, 1, 5]
    assert levels[2][2] == STOREY_NAME and levels[0][2] == ELEVATION
    assert name in plan_levels(plan).floors[2].describe()  # type: ignore[union-attr]


def test_unnamed_storeys_go_by_elevation(tmp_path: Path) -> None:
    plan = read_ifc(write_storeys(tmp_path / "m.ifc",
                                  [(None, 3.0), (None, -3.0), (None, 0.0), (None, -6.0)]))
    assert all(f.name.startswith("Storey ") and f.title == "" for f in plan.floors)
    levels = storey_levels(plan)
    assert [lv for _, lv, _ in levels] == [-2, -1, 1, 2]  # the reader lists them by elevation
    assert {s for _, _, s in levels} == {ELEVATION}


def test_german_ground_floor_is_level_one(tmp_path: Path) -> None:
    plan = read_ifc(write_storeys(tmp_path / "m.ifc", [("Kellergeschoss", -2.8),
                                                       ("Erdgeschoss", 0.0),
                                                       ("1. Obergeschoss", 2.8),
                                                       ("Dachgeschoss", 5.6)]))
    assert [lv for _, lv, _ in storey_levels(plan)] == [-1, 1, 2, 3]


def test_names_that_collide_fall_back_to_elevation_order(tmp_path: Path) -> None:
    plan = read_ifc(write_storeys(tmp_path / "m.ifc", [("Level 0", 0.0), ("Level 1", 3.0)]))
    assert storey_levels(plan) == [("Level 0", 1, ELEVATION), ("Level 1", 2, ELEVATION)]


@pytest.mark.parametrize(("text", "levels"), [
    ("2F-3F", [2, 3]), ("1~3层平面图", [1, 3]), ("Etage 2", [3]), ("EG", [1]), ("UG2", [-2]),
    ("1階", [1]), ("Этаж 2", [2]), ("plan -1F", [-1]), ("A-1F", [1]),
])
def test_level_candidates(text: str, levels: list[int]) -> None:
    assert [c.level for c in level_candidates(text)] == levels
