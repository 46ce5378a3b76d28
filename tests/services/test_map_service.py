"""The maps use case without Qt: outlines, layout keys, stacking floors, the park map."""

from __future__ import annotations

import subprocess
import sys
import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path

from shapely import wkb
from shapely.geometry import Polygon, box

from domain.assets import UnitStatus
from domain.contracts import Occupancy
from domain.map_modes import MapMode, RentClass, UnitFacts
from services.maps import (
    RENT_COLOURS,
    BuildingOnSite,
    ParkSite,
    decode_outline,
    layout_key,
    outlined_floors,
    park_theme,
    read_building,
    stack_floors,
    stacked_units,
    thematic_map,
    with_outlines,
)
from services.register import park_of
from spatial.geometry import polygon_to_wkb
from store.map_query import FloorDrawing, MapUnit
from store.read_model import BuildingNode, FloorNode, ParkNode, ReadModel, Scope

ROOT = Path(__file__).resolve().parents[2]
DAY = date(2026, 11, 22)
TOP, LOW = uuid.uuid4(), uuid.uuid4()
BUILDING = uuid.uuid4()


def unit(code: str, floor: uuid.UUID, status: UnitStatus = UnitStatus.LEASABLE,
         occupancy: Occupancy = Occupancy.NONE, outline: bytes | None = None,
         area: str = "100.00", rent: str | None = None) -> MapUnit:
    facts = UnitFacts(Decimal(area), status, occupancy,
                      rent=None if rent is None else Decimal(rent))
    return MapUnit(uuid.uuid4(), code, "", floor, 1, outline, "", facts)


def test_outlines_damaged_or_empty_are_left_undrawn() -> None:
    square = polygon_to_wkb(box(0, 0, 10, 10))
    assert decode_outline(square).area == 100
    for bad in (None, b"", b"\x01\x03\x00garbage", wkb.dumps(Polygon())):
        assert decode_outline(bad) is None
    drawn = [unit("A", LOW, outline=square), unit("B", LOW, outline=b"junk"), unit("C", LOW)]
    outlines, units = with_outlines(drawn)
    assert [u.code for u in units] == ["A"] and len(outlines) == 1


def test_stacking_floors_top_first_with_their_totals() -> None:
    floors = [FloorDrawing(TOP, BUILDING, 2, "2F", None),
              FloorDrawing(uuid.uuid4(), BUILDING, 1, "1F-empty", None),
              FloorDrawing(LOW, BUILDING, 0, "G", None)]
    units = [unit("G1", LOW, occupancy=Occupancy.ACTIVE, rent="90"),
             unit("T1", TOP), unit("T2", TOP, UnitStatus.NOT_LEASABLE)]
    stack = stack_floors(floors, units, DAY)
    assert [f.name for f in stack] == ["2F", "G"]  # a floor without units is left out
    assert [u.code for u in stacked_units(stack)] == ["T1", "T2", "G1"]
    top, ground = stack[0].totals, stack[1].totals
    assert (top.leasable_area, top.leased_area, top.occupancy_rate) == (
        Decimal("100.00"), 0, Decimal("0.0000"))
    assert (ground.leased_area, ground.occupancy_rate, ground.rent_per_m2) == (
        Decimal("100.00"), Decimal("1.0000"), Decimal("90.00"))


def test_outlined_floors_keep_only_floors_with_a_drawn_unit() -> None:
    floors = [FloorDrawing(TOP, BUILDING, 2, "2F", None), FloorDrawing(LOW, BUILDING, 1, "1F",
                                                                       None)]
    units = [unit("T1", TOP), unit("L1", LOW, outline=polygon_to_wkb(box(0, 0, 5, 5)))]
    found = outlined_floors(floors, units)
    assert [(f.name, [u.code for u in f.units]) for f in found] == [("1F", ["L1"])]


def test_a_layout_key_changes_with_what_is_drawn_not_with_facts() -> None:
    a = unit("A", LOW)
    let = MapUnit(a.id, a.code, a.name, a.floor_id, a.level, a.geometry, "云帆",
                  UnitFacts(a.facts.area, a.facts.status, Occupancy.ACTIVE))
    floor, building = Scope("floor", LOW), Scope("building", BUILDING)
    assert layout_key(floor, [a], DAY) == layout_key(floor, [let], DAY)
    assert layout_key(building, [a], DAY) != layout_key(building, [a], date(2027, 1, 1))


def test_the_rent_control_legend_lists_unavailable_units() -> None:
    units = [unit("R", LOW, UnitStatus.UNDER_RENOVATION), unit("F", LOW, UnitStatus.FROZEN),
             unit("N", LOW, UnitStatus.NOT_LEASABLE)]
    theme = thematic_map(units, MapMode.RENT_CONTROL, DAY)
    assert theme.values == (RentClass.UNAVAILABLE, RentClass.UNAVAILABLE,
                            RentClass.NOT_LEASABLE)
    legend = {e.key: (e.count, e.area) for e in theme.theme.legend}
    assert legend[RentClass.UNAVAILABLE] == (2, Decimal("200.00"))
    assert set(RENT_COLOURS) == set(RentClass)
    assert len(set(RENT_COLOURS.values())) == len(RentClass)  # every class its own colour


def test_park_levels_are_decimal_occupancy_or_area_weighted_level() -> None:
    let = unit("L", LOW, occupancy=Occupancy.ACTIVE, rent="95.125")
    site = ParkSite((BuildingOnSite(BUILDING, "A", "A栋", None,
                                    (let, unit("V", LOW, area="300.00"),
                                     unit("N", LOW, UnitStatus.NOT_LEASABLE))),
                     BuildingOnSite(uuid.uuid4(), "B", "B栋", None, ())), None, ())
    occupancy = park_theme(site, MapMode.RENT_CONTROL, DAY)
    assert occupancy.levels == (Decimal("25.0"), None)  # 100 of 400 m²; B has no units
    assert all(isinstance(t.leasable_area, Decimal) for t in occupancy.totals)
    revenue = park_theme(site, MapMode.REVENUE, DAY)
    # (95.125 × 100 + 0 × 300) / 400 = 23.78125: half up to the cent; N is no data
    assert revenue.levels == (Decimal("23.78"), None)
    assert len(revenue.colours) == 2


def test_the_park_of_a_scope_gives_its_currency() -> None:
    floor = FloorNode(uuid.uuid4(), 1, "1F", 0)
    b = BuildingNode(uuid.uuid4(), "A", "A", "office", (floor,))  # type: ignore[arg-type]
    parks = [ParkNode(uuid.uuid4(), "ZD", "张江", "CNY", ()),
             ParkNode(uuid.uuid4(), "HK", "香港", "HKD", (b,))]
    assert park_of(parks, Scope("floor", floor.id)).currency == "HKD"  # type: ignore[union-attr]
    assert park_of(parks, Scope("building", b.id)) is parks[1]
    assert park_of(parks, None) is parks[0]
    assert park_of(parks, Scope("floor", uuid.uuid4())) is None


def test_a_building_reads_its_stack_and_floor_plans(tmp_path: Path) -> None:
    from tests.small_park import build_small_workspace

    park = build_small_workspace(tmp_path / "s.leasemap")
    reader = ReadModel(park.path)
    try:
        tower = next(b for b in reader.park_tree()[0].buildings if b.code == "A")
        maps = read_building(reader, tower.id, DAY)
        assert [f.name for f in maps.stack] == ["2F", "1F"]
        assert len(maps.units) == 6 and maps.floors == []  # no outlines in the small park
        assert sum(f.totals.leased_area for f in maps.stack) == Decimal("125.40")
    finally:
        reader.close()


def test_services_import_no_qt() -> None:
    code = ("import sys, services.maps, services.info\n"
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "[]"
