"""One-unit leases on the small park (:mod:`tests.small_park`), as the leasing tests write them.

Every leasing test lets one of the small park's units to its one tenant, at
100 a m² a month unless told otherwise; ``example_a`` holds issue 11's Example
A clauses (quarterly, three fit-out months rent-free, +5 % a year) for the
tests that print or bill it.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from domain.assets import UnitType
from domain.leasing.clauses import (
    Charge,
    ChargeKind,
    Cycle,
    Escalation,
    EscalationKind,
    RentFree,
    RentFreeKind,
    RentTerms,
)
from domain.leasing.contract import ContractSpec, LetUnit
from domain.leasing.schedule import add_months
from services import contracts
from store.schema import Tenant, Unit
from store.workspace import Workspace
from tests.small_park import build_small_workspace

UNIT = "ZD-A-0103"  # 125.40 m², vacant
START = date(2026, 3, 1)
END = date(2029, 2, 28)
SIGNED = date(2026, 2, 1)


def open_small(path: Path) -> Workspace:
    """The small park built at ``path`` and opened (the caller closes it)."""
    build_small_workspace(path)
    return Workspace.open(path)


def park_id(workspace: Workspace) -> uuid.UUID:
    with workspace.reading() as s:
        return contracts.park_id_of(s)


def example_a(start: date = START, charges: bool = False) -> dict[str, Any]:
    """Example A's clauses from ``start``: billed quarterly, the first three months rent-free
    for fit-out, +5 % each year; with ``charges``, a property fee of 12.50 a m² a month."""
    clauses: dict[str, Any] = dict(
        cycle=Cycle.QUARTERLY,
        rent_free=(RentFree(start, add_months(start, 3) - timedelta(days=1),
                            RentFreeKind.FIT_OUT),),
        escalation=Escalation(EscalationKind.FIXED_PERCENT, percent=Decimal(5)))
    if charges:
        clauses["charges"] = (Charge(ChargeKind.PROPERTY_FEE, Decimal("12.50")),)
    return clauses


def lease_spec(workspace: Workspace, unit_code: str = UNIT, code: str = "HT-1",
               start: date = START, end: date = END, *, rate: Decimal = Decimal(100),
               signed_on: date = SIGNED, deposit: Decimal = Decimal("0.00"),
               **clauses: Any) -> ContractSpec:
    """The park's tenant leasing ``unit_code`` (at its billable area) from ``start``, the day
    it is handed over, to ``end`` at ``rate`` per m² a month, with ``clauses``."""
    with workspace.reading() as s:
        unit = s.scalar(select(Unit).where(Unit.code == unit_code))
        tenant = s.scalar(select(Tenant))
        area = unit.billable_area
        return ContractSpec(
            code=code, tenant_id=str(tenant.id), tenant_name=tenant.name, kind=UnitType.OFFICE,
            signed_on=signed_on, units=(LetUnit(str(unit.id), unit.code, area),),
            delivered_on=start, deposit=deposit,
            terms=RentTerms(area, rate, start, end, **clauses))


def sign_lease(workspace: Workspace, *args: Any, **kwargs: Any) -> uuid.UUID:
    """:func:`lease_spec`'s lease, signed; its contract's id."""
    return contracts.create_signed(workspace, park_id(workspace),
                                   lease_spec(workspace, *args, **kwargs))


def billed_small_park(path: Path) -> Path:
    """The small park at ``path`` with HT-P-1 on ZD-A-0103 (12,540.00 a month from
    2026-03-01) and March billed on 2026-02-25: a park with one open bill to pay."""
    from services import billing_run

    workspace = open_small(path)
    try:
        sign_lease(workspace, "ZD-A-0103", "HT-P-1")
        billing_run.post_run(workspace, park_id(workspace), date(2026, 3, 1),
                             date(2026, 3, 31), date(2026, 2, 25))
    finally:
        workspace.close()
    return path
