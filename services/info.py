"""What a workspace holds, park by park: the use case behind ``leasemap info``.

Occupancy is ``store.read_model.summarize`` over the park's unit rows, which
is ``domain.occupancy``'s table: the same figures the status bar shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from domain.occupancy import OccupancySummary
from store.files import inspect_file
from store.read_model import ReadModel, Scope, summarize


@dataclass(frozen=True)
class BuildingInfo:
    code: str
    name: str
    floors: int
    units: int


@dataclass(frozen=True)
class ParkInfo:
    """One park on a date: its currency, buildings and occupancy summary."""

    code: str
    name: str
    currency: str
    day: date
    buildings: tuple[BuildingInfo, ...]
    occupancy: OccupancySummary


def workspace_info(path: Path, day: date) -> list[ParkInfo]:
    """Every park of the workspace at ``path`` as it stands on ``day``.

    Raises ``store.errors.WorkspaceError`` for a file that is not a workspace
    (checked before anything is opened, so a stray file is never touched).
    """
    inspect_file(path)
    reader = ReadModel(path)
    try:
        return [
            ParkInfo(
                park.code, park.name, park.currency, day,
                tuple(BuildingInfo(b.code, b.name, len(b.floors),
                                   sum(f.unit_count for f in b.floors)) for b in park.buildings),
                summarize(reader.unit_rows(Scope("park", park.id), day)),
            )
            for park in reader.park_tree()
        ]
    finally:
        reader.close()
