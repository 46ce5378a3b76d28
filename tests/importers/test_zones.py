"""Spaces grouped by IfcZone become one unit each."""

from __future__ import annotations

from decimal import Decimal

from shapely.geometry import box

from importers.plan import ImportedPlan, PlanFloor, PlanUnit
from importers.zones import units_by_zone


def space(key: str, x0: float, x1: float, zones: list[str], stated: str | None = "50") -> PlanUnit:
    return PlanUnit(
        key,
        key,
        key,
        box(x0, 0, x1, 10),
        stated_area=None if stated is None else Decimal(stated),
        source={"zones": zones},
    )


def test_zoned_spaces_merge_and_loose_ones_stay():
    floor = PlanFloor(
        "EG",
        Decimal(0),
        (
            space("a", 0, 5, ["Suite 1"]),
            space("b", 5, 10, ["Suite 1"]),
            space("c", 10, 15, []),
            space("d", 20, 25, ["Suite 2"]),
            space("e", 30, 35, ["Suite 2"]),
        ),
    )
    plan = units_by_zone(ImportedPlan("h.ifc", "ifc", (floor,)))
    units = {u.code: u for u in plan.floors[0].units}
    assert set(units) == {"c", "Suite 1", "Suite 2"}
    suite = units["Suite 1"]
    assert suite.key == "zone:Suite 1" and suite.area == Decimal("100.00")
    assert suite.stated_area == Decimal("100") and suite.source["spaces"] == ["a", "b"]
    assert suite.polygon.geom_type == "Polygon"
    assert [p.code for p in plan.warnings] == ["zone-not-contiguous"]
    assert "Suite 2" in plan.warnings[0].message


def test_no_zones_is_said():
    floor = PlanFloor("EG", Decimal(0), (space("a", 0, 5, []),))
    plan = units_by_zone(ImportedPlan("h.ifc", "ifc", (floor,)))
    assert [p.code for p in plan.problems] == ["no-zones"]
    assert [u.code for u in plan.floors[0].units] == ["a"]


def test_unknown_stated_area_stays_unknown():
    floor = PlanFloor("EG", Decimal(0), (space("a", 0, 5, ["Z"]), space("b", 5, 9, ["Z"], None)))
    [unit] = units_by_zone(ImportedPlan("h.ifc", "ifc", (floor,))).floors[0].units
    assert unit.stated_area is None
