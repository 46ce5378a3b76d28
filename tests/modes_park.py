"""The small park with one unit in each state a map mode names, and meter readings.

On TODAY (2026-11-22), from tests/small_park.py's eight units:

=========  ==============================  ========================================
unit       state                           readings (October 2026 only)
=========  ==============================  ========================================
A-0101     leased (95.00, to 2027-12-31)   yes
A-0102     signed, starts 2027-03-01       —
A-0103     vacant since 2026-07-01         —
A-0201     not leasable                    —
A-0202     leased (120.00, to 2027-06-30)  none: its energy and heat are "no data"
A-0203     vacant, never let               —
B-0101     reserved                        —
B-0102     leased (60.00, to 2027-01-15)   yes
=========  ==============================  ========================================

The readings begin in October 2026, so a map before November 2026 has none.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from domain.assets import UnitStatus
from domain.contracts import ContractStatus
from store.schema import Contract, ContractUnit, Tenant, Unit, UnitMetric
from store.workspace import Workspace
from tests.small_park import TODAY, SmallPark, build_small_workspace

READINGS_BEGIN = date(2026, 10, 1)
LEASED, NO_READINGS, VACANT, NEVER_LET = "ZD-A-0101", "ZD-A-0202", "ZD-A-0103", "ZD-A-0203"
SIGNED, NOT_LEASABLE, RESERVED, LEASED_B = "ZD-A-0102", "ZD-A-0201", "ZD-B-0101", "ZD-B-0102"

__all__ = ["READINGS_BEGIN", "TODAY", "build_modes_workspace"]


def build_modes_workspace(path: Path) -> SmallPark:
    """The small park at ``path`` with the states and readings above."""
    park = build_small_workspace(path)
    workspace = Workspace.open(park.path)
    with workspace.transaction() as s:
        units = {u.code: u for u in s.scalars(select(Unit))}
        tenant = s.scalars(select(Tenant)).one()
        units[NOT_LEASABLE].status = UnitStatus.NOT_LEASABLE
        units[RESERVED].status = UnitStatus.RESERVED
        leases = [
            (VACANT, "HT-2025-0009", date(2025, 7, 1), date(2026, 6, 30), "88.0000"),
            (NO_READINGS, "HT-2026-0010", date(2026, 7, 1), date(2027, 6, 30), "120.0000"),
            (LEASED_B, "HT-2026-0011", date(2026, 1, 16), date(2027, 1, 15), "60.0000"),
        ]
        for code, number, starts, ends, rent in leases:
            contract = Contract(park_id=tenant.park_id, tenant_id=tenant.id, code=number,
                                status=ContractStatus.SIGNED, signed_on=starts,
                                starts_on=starts, ends_on=ends,
                                rent_per_sqm_month=Decimal(rent))
            s.add(contract)
            s.flush()
            s.add(ContractUnit(contract_id=contract.id, unit_id=units[code].id,
                               billable_area=units[code].billable_area))
        for code, kwh, cost in ((LEASED, "1500.00", "2000.00"), (LEASED_B, "4000.00", "900.00")):
            s.add(UnitMetric(park_id=tenant.park_id, unit_id=units[code].id,
                             month=READINGS_BEGIN, energy_kwh=Decimal(kwh), cost=Decimal(cost),
                             access_count=100, lighting_hours=Decimal("200.0"),
                             hvac_hours=Decimal("150.0")))
    workspace.close()
    return park
