"""The first month of readings is one named query, the same on both engines.

The maps ask it of a whole park for every date before the readings; it used to
read and sort every reading. Compared here with what reading them all gives: the
units' monthly figures and their electricity meters' readings (the energy mode
reads both), the first day's month.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from sqlalchemy import select

from store.read_model import ReadModel, Scope
from store.schema import Floor, Meter, MeterReading, Unit, UnitMetric
from store.workspace import Workspace
from tests.store.test_read_parity import _scopes, workspace_file  # noqa: F401  (fixture)


class _AllReadings:
    """Every unit's place and every first day of its readings, read once through the ORM."""

    def __init__(self, path: Path) -> None:
        with Workspace.open(path) as ws, ws.reading() as s:
            self.place = {u: (p, b, f) for u, p, b, f in s.execute(
                select(Unit.id, Unit.park_id, Floor.building_id, Unit.floor_id)
                .join(Floor, Floor.id == Unit.floor_id))}
            self.days: list[tuple[uuid.UUID, date]] = list(s.execute(
                select(UnitMetric.unit_id, UnitMetric.month).where(~UnitMetric.archived)))
            self.meter_days = list(s.execute(
                select(Meter.unit_id, MeterReading.read_on)
                .join(Meter, Meter.id == MeterReading.meter_id)
                .where(~MeterReading.archived, ~Meter.archived, Meter.utility == "electricity",
                       Meter.unit_id.is_not(None))))

    def first(self, scope: Scope | None, meters: bool = True) -> date | None:
        def inside(unit: uuid.UUID) -> bool:
            if unit not in self.place:
                return False
            if scope is None:
                return True
            park, building, floor = self.place[unit]
            return {"park": park, "building": building, "floor": floor,
                    "unit": unit}[scope.kind] == scope.id

        days = [d for u, d in (*self.days, *(self.meter_days if meters else ())) if inside(u)]
        first = min(days, default=None)
        return None if first is None else first.replace(day=1)


def test_first_reading_month_agrees_on_every_scope(raw_reader: ReadModel, core_reader):
    every = _AllReadings(raw_reader.path)
    seen = set()
    earlier = 0
    for scope in _scopes(raw_reader):
        want = every.first(scope)
        got = raw_reader.first_reading_month(scope)
        assert got == want, f"sqlite3 path, {scope}"
        assert core_reader.first_reading_month(scope) == want, f"core path, {scope}"
        assert want is None or type(got) is date
        seen.add(want is None)
        earlier += want != every.first(scope, meters=False)
    assert seen == {True, False}  # scopes with readings and the second park without any
    assert earlier > 0  # the demo's meters were read before its monthly figures begin
