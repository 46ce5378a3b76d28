"""Map facts read on a date: early terminations, and readings of complete months only."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from domain.contracts import ContractStatus
from domain.map_modes import MapMode, RentClass, mode_value
from store.map_query import map_units
from store.read_model import ReadModel
from store.schema import Contract, Unit, UnitMetric
from store.workspace import Workspace
from tests.small_park import TODAY, build_small_workspace


def test_terminated_lease_expires_on_its_termination_and_only_past_months_count(tmp_path):
    park = build_small_workspace(tmp_path / "q.leasemap")
    workspace = Workspace.open(park.path)
    with workspace.transaction() as s:
        current = s.scalars(select(Contract).where(Contract.code == "HT-2026-0001")).one()
        current.status = ContractStatus.TERMINATED
        current.terminated_on = date(2026, 12, 5)  # 13 days after TODAY (2026-11-22)
        unit = s.scalars(select(Unit).where(Unit.code == "ZD-A-0101")).one()
        for month, kwh in ((date(2026, 8, 1), "9999"), (date(2026, 9, 1), "1000"),
                           (date(2026, 10, 1), "2000"), (date(2026, 11, 1), "9999")):
            s.add(UnitMetric(park_id=unit.park_id, unit_id=unit.id, month=month,
                             energy_kwh=Decimal(kwh)))
    workspace.close()
    reader = ReadModel(park.path)
    try:
        facts = {u.code: u.facts for u in map_units(reader, None, TODAY)}
        leased = facts["ZD-A-0101"]
        assert leased.ends_on == date(2026, 12, 5)
        assert mode_value(MapMode.RENT_CONTROL, leased, TODAY) is RentClass.EXPIRING_30
        # August, September and October: the three complete months before November
        assert leased.usage.energy_kwh == Decimal(9999 + 1000 + 2000) / 3
        back = {u.code: u.facts for u in map_units(reader, None, date(2026, 9, 3))}
        assert back["ZD-A-0101"].usage.energy_kwh == Decimal("9999")  # only August was done
    finally:
        reader.close()
