"""A floor to edit: a row of offices with 0.2 m walls between them and a corridor, for space edits.

Offices ``ZD-A-0301`` … are 10 m wide and 8 m deep, 0.2 m apart (a wall, as
real drawings have); below them runs a 2 m corridor (common), and the floor
outline wraps them all with the walls. ``ZD-A-0301`` is let from 2026-01-01
to 2028-12-31 (contract ``HT-1``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from uuid import UUID

from shapely.geometry import box

from domain.assets import BuildingKind, UnitStatus, UnitType
from domain.contracts import ContractStatus
from domain.space_use import SpaceUse
from spatial.geometry import area_m2, polygon_to_wkb
from store.areas import reallocate
from store.schema import Building, Contract, ContractUnit, Floor, Park, Tenant, Unit
from store.workspace import Workspace

WALL = 0.2
WIDTH, DEPTH = 10.0, 8.0
TODAY = date(2026, 12, 7)


@dataclass
class SpaceFloor:
    path: Path
    floor_id: UUID
    building_id: UUID
    units: dict[str, UUID] = field(default_factory=dict)  # code → id

    def office(self, n: int) -> UUID:
        return self.units[f"ZD-A-03{n:02d}"]


def office_box(n: int) -> tuple[float, float, float, float]:
    """The n-th office's bounds (1-based): x from (n-1)·(10 + 0.2), y from 2.2 to 10.2."""
    x = (n - 1) * (WIDTH + WALL)
    return x, 2.0 + WALL, x + WIDTH, 2.0 + WALL + DEPTH


def build_space_floor(path: Path, offices: int = 4, let: bool = True) -> SpaceFloor:
    workspace = Workspace.create(path)
    try:
        with workspace.transaction() as s:
            park = Park(code="ZD", name="张江测试园")
            s.add(park)
            s.flush()
            building = Building(park_id=park.id, code="A", name="A栋", kind=BuildingKind.OFFICE)
            s.add(building)
            s.flush()
            right = offices * (WIDTH + WALL) - WALL
            # Free floor above the offices (y 10.4 to 15): room to draw a new unit.
            outline = box(-WALL, -WALL, right + WALL, 15.0)
            floor = Floor(building_id=building.id, level=3, name="3F",
                          outline=polygon_to_wkb(outline), gross_area=area_m2(outline))
            s.add(floor)
            s.flush()
            made = SpaceFloor(path, floor.id, building.id)
            shapes = [(f"ZD-A-03{n:02d}", box(*office_box(n)), SpaceUse.LEASABLE)
                      for n in range(1, offices + 1)]
            shapes.append(("ZD-A-03C1", box(0, 0, right, 2.0), SpaceUse.COMMON))
            for code, shape, use in shapes:
                area = area_m2(shape)
                unit = Unit(park_id=park.id, floor_id=floor.id, code=code, name=code,
                            unit_type=UnitType.OFFICE, status=UnitStatus.LEASABLE,
                            gross_area=area, internal_area=area, common_share=Decimal("0.00"),
                            leasable_area=area, billable_area=area,
                            asking_rent=Decimal("90.0000"), geometry=polygon_to_wkb(shape),
                            space_use=use)
                s.add(unit)
                s.flush()
                made.units[code] = unit.id
            reallocate(s, building.id)
            if let:
                tenant = Tenant(park_id=park.id, code="T1", name="星河科技")
                s.add(tenant)
                s.flush()
                contract = Contract(park_id=park.id, tenant_id=tenant.id, code="HT-1",
                                    status=ContractStatus.SIGNED, signed_on=date(2025, 12, 1),
                                    starts_on=date(2026, 1, 1), ends_on=date(2028, 12, 31),
                                    rent_per_sqm_month=Decimal("88.0000"))
                s.add(contract)
                s.flush()
                first = s.get(Unit, made.office(1))
                s.add(ContractUnit(contract_id=contract.id, unit_id=first.id,
                                   billable_area=first.billable_area))
    finally:
        workspace.close()
    return made
