"""A unit's use, apart from its type: space for rent, or common area shared by others.

The type (office, plant, retail …) says what a unit is like; the use says
whether it is let at all. A corridor, stair, lift lobby, toilet, shaft or
plant room is common: never leasable (``domain.occupancy``'s table), drawn as
common on every map, and its area is the floor's common area, shared over the
floor's leasable units (公摊). A common room serving the whole building (the
ground-floor lobby, a plant room on the roof) is ``BUILDING_COMMON``: its area
is shared over the leasable units of every floor.

Values are the stable words stored in the database and sent over sync.
"""

from __future__ import annotations

from enum import StrEnum


class SpaceUse(StrEnum):
    LEASABLE = "leasable"
    COMMON = "common"  # the floor's common area
    BUILDING_COMMON = "building_common"  # shared by the whole building, over all its floors


COMMON_USES = frozenset({SpaceUse.COMMON, SpaceUse.BUILDING_COMMON})


def is_common(use: SpaceUse) -> bool:
    """Whether a unit's area is common area rather than space for rent."""
    return use in COMMON_USES
