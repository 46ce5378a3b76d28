"""The asset register's vocabulary (SPEC §1): unit types, statuses, attributes.

Values are the stable English words stored in the database and sent over
sync; the UI translates them for display.
"""

from __future__ import annotations

import re
from enum import StrEnum


class UnitType(StrEnum):
    OFFICE = "office"
    INDUSTRIAL = "industrial"
    RETAIL = "retail"
    WAREHOUSE = "warehouse"
    APARTMENT = "apartment"
    PARKING = "parking"
    AD_SPOT = "ad_spot"
    OTHER = "other"


class UnitStatus(StrEnum):
    """What the operator set; leased, signed or vacant on a date comes from contracts."""

    LEASABLE = "leasable"
    RESERVED = "reserved"
    UNDER_RENOVATION = "under_renovation"
    FROZEN = "frozen"
    NOT_LEASABLE = "not_leasable"


class BuildingKind(StrEnum):
    OFFICE = "office"
    INDUSTRIAL = "industrial"
    WAREHOUSE = "warehouse"
    RETAIL = "retail"
    APARTMENT = "apartment"
    MIXED = "mixed"


class Orientation(StrEnum):
    NORTH = "N"
    NORTH_EAST = "NE"
    EAST = "E"
    SOUTH_EAST = "SE"
    SOUTH = "S"
    SOUTH_WEST = "SW"
    WEST = "W"
    NORTH_WEST = "NW"


class FitOut(StrEnum):
    SHELL = "shell"
    BASIC = "basic"
    FITTED = "fitted"
    PREMIUM = "premium"


class ChainPosition(StrEnum):
    """A tenant's place in its industry chain (产业链)."""

    UPSTREAM = "upstream"
    MIDSTREAM = "midstream"
    DOWNSTREAM = "downstream"
    SERVICES = "services"


def unit_code(park_code: str, building_code: str, level: int, number: int) -> str:
    """The stable code of a unit, e.g. ``ZD-A3-0701``: park-building+floor-unit.

    Basement levels are written with a ``B`` (``ZD-A3-B102``).

    >>> unit_code("ZD", "A3", 7, 1)
    'ZD-A3-0701'
    >>> unit_code("ZD", "A3", -1, 2)
    'ZD-A3-B102'
    """
    floor = f"B{-level}" if level < 0 else f"{level:02d}"
    return f"{park_code}-{building_code}-{floor}{number:02d}"


_BUILDING_WORDS = re.compile(
    r"^(?:building|bldg\.?|block|haus|gebäude)\s*|\s*(?:号楼|栋|幢|座|楼|building|bldg\.?)$",
    re.IGNORECASE,
)


def building_key(text: str) -> str:
    """A building's code or label reduced to what identifies it, for matching drawings.

    >>> building_key(" A栋 ") == building_key("a") == building_key("Building A")
    True
    >>> building_key("3号楼")
    '3'
    """
    key = " ".join(text.split())
    previous = None
    while previous != key:
        previous, key = key, _BUILDING_WORDS.sub("", key).strip()
    return key.casefold()
