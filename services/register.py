"""Where a scope lies in the register tree: light enough for the window's start-up path.

No numpy, shapely or SQLAlchemy here: the window asks it before the map tab
(and what the maps import) is ever built.
"""

from __future__ import annotations

from collections.abc import Sequence

from store.read_model import ParkNode, Scope


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
