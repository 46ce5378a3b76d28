"""Display names of the register's vocabulary, translated at display time.

Stored values stay English words (``domain.assets``); people read these.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from enum import Enum

from PySide6.QtCore import QCoreApplication

from domain.assets import BuildingKind, ChainPosition, FitOut, Orientation, UnitStatus, UnitType
from domain.contracts import Occupancy
from domain.map_modes import MapMode, RentClass
from domain.money import money, round_to
from domain.occupancy import UnitState
from domain.space_use import SpaceUse

translate = QCoreApplication.translate


# A list, not a dict literal: StrEnum members of different enums compare equal
# by value (UnitType.OFFICE == BuildingKind.OFFICE) and would collapse.
_ENTRIES: list[tuple[Enum, Callable[[], str]]] = [
    (UnitType.OFFICE, lambda: translate("Labels", "Office")),
    (UnitType.INDUSTRIAL, lambda: translate("Labels", "Industrial / plant")),
    (UnitType.RETAIL, lambda: translate("Labels", "Retail")),
    (UnitType.WAREHOUSE, lambda: translate("Labels", "Warehouse")),
    (UnitType.APARTMENT, lambda: translate("Labels", "Apartment")),
    (UnitType.PARKING, lambda: translate("Labels", "Parking")),
    (UnitType.AD_SPOT, lambda: translate("Labels", "Advertising spot")),
    (UnitType.OTHER, lambda: translate("Labels", "Other")),
    (UnitStatus.LEASABLE, lambda: translate("Labels", "Leasable")),
    (UnitStatus.RESERVED, lambda: translate("Labels", "Reserved")),
    (UnitStatus.UNDER_RENOVATION, lambda: translate("Labels", "Under renovation")),
    (UnitStatus.FROZEN, lambda: translate("Labels", "Frozen")),
    (UnitStatus.NOT_LEASABLE, lambda: translate("Labels", "Not leasable")),
    (BuildingKind.OFFICE, lambda: translate("Labels", "Office building")),
    (BuildingKind.INDUSTRIAL, lambda: translate("Labels", "Plant")),
    (BuildingKind.WAREHOUSE, lambda: translate("Labels", "Warehouse")),
    (BuildingKind.RETAIL, lambda: translate("Labels", "Retail podium")),
    (BuildingKind.APARTMENT, lambda: translate("Labels", "Apartments")),
    (BuildingKind.MIXED, lambda: translate("Labels", "Mixed use")),
    (Orientation.NORTH, lambda: translate("Labels", "North")),
    (Orientation.NORTH_EAST, lambda: translate("Labels", "North-east")),
    (Orientation.EAST, lambda: translate("Labels", "East")),
    (Orientation.SOUTH_EAST, lambda: translate("Labels", "South-east")),
    (Orientation.SOUTH, lambda: translate("Labels", "South")),
    (Orientation.SOUTH_WEST, lambda: translate("Labels", "South-west")),
    (Orientation.WEST, lambda: translate("Labels", "West")),
    (Orientation.NORTH_WEST, lambda: translate("Labels", "North-west")),
    (FitOut.SHELL, lambda: translate("Labels", "Shell")),
    (FitOut.BASIC, lambda: translate("Labels", "Basic fit-out")),
    (FitOut.FITTED, lambda: translate("Labels", "Fitted")),
    (FitOut.PREMIUM, lambda: translate("Labels", "Premium fit-out")),
    (ChainPosition.UPSTREAM, lambda: translate("Labels", "Upstream")),
    (ChainPosition.MIDSTREAM, lambda: translate("Labels", "Midstream")),
    (ChainPosition.DOWNSTREAM, lambda: translate("Labels", "Downstream")),
    (ChainPosition.SERVICES, lambda: translate("Labels", "Services")),
    (Occupancy.NONE, lambda: translate("Labels", "Vacant")),
    (Occupancy.SIGNED_NOT_STARTED, lambda: translate("Labels", "Signed, not started")),
    (Occupancy.ACTIVE, lambda: translate("Labels", "Occupied")),
    (Occupancy.ENDED, lambda: translate("Labels", "Ended")),
    (MapMode.RENT_CONTROL, lambda: translate("Labels", "Rent control")),
    (MapMode.EXPIRY, lambda: translate("Labels", "Lease expiry")),
    (MapMode.VACANCY, lambda: translate("Labels", "Vacancy")),
    (MapMode.REVENUE, lambda: translate("Labels", "Revenue")),
    (MapMode.NET_REVENUE, lambda: translate("Labels", "Net revenue")),
    (MapMode.ENERGY, lambda: translate("Labels", "Energy intensity")),
    (MapMode.HEAT, lambda: translate("Labels", "Space heat")),
    (RentClass.VACANT, lambda: translate("Labels", "Vacant")),
    (RentClass.LEASED, lambda: translate("Labels", "Leased")),
    (RentClass.SIGNED_NOT_STARTED, lambda: translate("Labels", "Signed, not started")),
    (RentClass.EXPIRING_30, lambda: translate("Labels", "Expiring in 30 days")),
    (RentClass.EXPIRING_60, lambda: translate("Labels", "Expiring in 60 days")),
    (RentClass.EXPIRING_90, lambda: translate("Labels", "Expiring in 90 days")),
    (RentClass.RESERVED, lambda: translate("Labels", "Reserved")),
    (RentClass.UNAVAILABLE, lambda: translate("Labels", "Under renovation or frozen")),
    (RentClass.NOT_LEASABLE, lambda: translate("Labels", "Not leasable")),
    (RentClass.COMMON, lambda: translate("Labels", "Common area")),
    (UnitState.VACANT, lambda: translate("Labels", "Vacant")),
    (UnitState.SIGNED, lambda: translate("Labels", "Signed, not started")),
    (UnitState.LEASED, lambda: translate("Labels", "Occupied")),
    (UnitState.RESERVED, lambda: translate("Labels", "Reserved")),
    (UnitState.UNAVAILABLE, lambda: translate("Labels", "Under renovation or frozen")),
    (UnitState.NOT_LEASABLE, lambda: translate("Labels", "Not leasable")),
    (UnitState.COMMON, lambda: translate("Labels", "Common area")),
    (SpaceUse.LEASABLE, lambda: translate("Labels", "For rent")),
    (SpaceUse.COMMON, lambda: translate("Labels", "Common (floor)")),
    (SpaceUse.BUILDING_COMMON, lambda: translate("Labels", "Common (building)")),
]
_LABELS = {(type(member), member.value): maker for member, maker in _ENTRIES}


def label(value: Enum | None) -> str:
    """The translated name of an enum value; empty for None."""
    if value is None:
        return ""
    maker = _LABELS.get((type(value), value.value))
    return maker() if maker else str(value.value)


def area_text(value: Decimal | None) -> str:
    """m² to two places, rounded half up (Decimal formatting alone rounds half even)."""
    return "" if value is None else f"{round_to(value, 2):,}"


def rent_text(value: Decimal | None) -> str:
    """An amount or a rent per m² to the cent, half up, as bills round."""
    return "" if value is None else f"{money(value):,}"


def date_text(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def percent_text(value: Decimal | None) -> str:
    """A rate (0–1) as a percent to one place, half up."""
    return "—" if value is None else f"{round_to(value * 100, 1)}%"


def building_title(code: str, name: str) -> str:
    """``A栋 研发办公楼`` rather than ``A A栋 研发办公楼``: the code once."""
    return name if name.startswith(code) else f"{code}  {name}"


_CURRENCIES: dict[str, Callable[[], str]] = {
    "CNY": lambda: translate("Labels", "CNY"),
    "HKD": lambda: translate("Labels", "HKD"),
    "USD": lambda: translate("Labels", "USD"),
    "EUR": lambda: translate("Labels", "EUR"),
}


def currency_name(code: str) -> str:
    """A currency as people write it beside an amount: 元 for CNY in Chinese, the ISO code
    in English; a code not listed stays as it is."""
    maker = _CURRENCIES.get(code.upper())
    return maker() if maker else code
