"""Where a scope lies in the register tree: light enough for the window's start-up path.

No numpy, shapely or SQLAlchemy here: the window asks it before the map tab
(and what the maps import) is ever built.
"""

from __future__ import annotations

from collections.abc import Sequence

from store.read_model import BuildingNode, ParkNode, ReadModel, Scope


def park_of(tree: Sequence[ParkNode], scope: Scope | None) -> ParkNode | None:
    """The park a scope lies in (its currency is the one its figures are shown in)."""
    for park in tree:
        if scope is None or (scope.kind == "park" and scope.id == park.id):
            return park
        for b in park.buildings:
            if (scope.kind == "building" and b.id == scope.id) or (
                    scope.kind == "floor" and any(f.id == scope.id for f in b.floors)):
                return park
    return None


def find_building(reader: ReadModel, code: str,
                  park_code: str | None = None) -> tuple[ParkNode, BuildingNode] | None:
    """The live building with ``code`` (in the park ``park_code``, when given)."""
    for park in reader.park_tree():
        if park_code is not None and park.code != park_code:
            continue
        for building in park.buildings:
            if building.code == code:
                return park, building
    return None


def building_codes(reader: ReadModel) -> list[str]:
    """Every live building's code, for a message naming the ones there are."""
    return [b.code for p in reader.park_tree() for b in p.buildings]
