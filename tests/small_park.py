"""A small hand-made workspace with known content, for GUI and read-model tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from domain.assets import BuildingKind, UnitStatus, UnitType
from domain.contracts import ContractStatus
from store.schema import Building, Contract, ContractUnit, Floor, Park, Tenant, Unit
from store.workspace import Workspace

TODAY = date(2026, 11, 22)


@dataclass
class SmallPark:
    path: Path
    park_code: str
    unit_codes: list[str]
    floor_units: dict[str, int]


def build_small_workspace(path: Path) -> SmallPark:
    """Two buildings, three floors, eight units; one unit leased now, one from March."""
    workspace = Workspace.create(path)
    codes: list[str] = []
    floor_units: dict[str, int] = {}
    with workspace.transaction() as s:
        park = Park(code="ZD", name="张江测试园")
        s.add(park)
        s.flush()
        tower = Building(park_id=park.id, code="A", name="A栋 办公楼", kind=BuildingKind.OFFICE)
        plant = Building(park_id=park.id, code="B", name="B栋 厂房", kind=BuildingKind.INDUSTRIAL)
        s.add_all([tower, plant])
        s.flush()
        floors = [
            Floor(building_id=tower.id, level=1, name="1F"),
            Floor(building_id=tower.id, level=2, name="2F"),
            Floor(building_id=plant.id, level=1, name="1F"),
        ]
        s.add_all(floors)
        s.flush()
        units = []
        for floor, count, prefix, kind in (
            (floors[0], 3, "A-01", UnitType.OFFICE),
            (floors[1], 3, "A-02", UnitType.OFFICE),
            (floors[2], 2, "B-01", UnitType.INDUSTRIAL),
        ):
            floor_units[f"{prefix}"] = count
            for i in range(count):
                code = f"ZD-{prefix}{i + 1:02d}"
                codes.append(code)
                unit = Unit(
                    park_id=park.id,
                    floor_id=floor.id,
                    code=code,
                    name=f"{code} 室",
                    unit_type=kind,
                    status=UnitStatus.LEASABLE,
                    gross_area=Decimal("125.40"),
                    internal_area=Decimal("100.00"),
                    common_share=Decimal("25.40"),
                    leasable_area=Decimal("125.40"),
                    billable_area=Decimal("125.40"),
                    asking_rent=Decimal("98.5000"),
                    tags=["货梯"] if kind is UnitType.INDUSTRIAL else [],
                )
                units.append(unit)
        s.add_all(units)
        s.flush()
        tenant = Tenant(park_id=park.id, code="T001", name="上海云帆智能科技有限公司",
                        short_name="云帆智能")
        s.add(tenant)
        s.flush()
        current = Contract(
            park_id=park.id, tenant_id=tenant.id, code="HT-2026-0001",
            status=ContractStatus.SIGNED, signed_on=date(2025, 12, 1),
            starts_on=date(2026, 1, 1), ends_on=date(2027, 12, 31),
            rent_per_sqm_month=Decimal("95.0000"),
        )
        future = Contract(
            park_id=park.id, tenant_id=tenant.id, code="HT-2027-0002",
            status=ContractStatus.SIGNED, signed_on=date(2026, 11, 1),
            starts_on=date(2027, 3, 1), ends_on=date(2029, 2, 28),
            rent_per_sqm_month=Decimal("102.0000"),
        )
        s.add_all([current, future])
        s.flush()
        s.add_all([
            ContractUnit(contract_id=current.id, unit_id=units[0].id,
                         billable_area=units[0].billable_area),
            ContractUnit(contract_id=future.id, unit_id=units[1].id,
                         billable_area=units[1].billable_area),
        ])
    workspace.close()
    return SmallPark(path, "ZD", codes, floor_units)
