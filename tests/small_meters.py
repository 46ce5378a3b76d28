"""The small park's electricity, as the utility-billing and meter service tests set it up.

The small park (:mod:`tests.small_park`): HT-2026-0001 holds ZD-A-0101 from 2026-01-01;
ZD-A-0102 is vacant until 2027; ZD-A-0103 is free for HT-B-1 (``sign_b1``). The tree
(``build_tree``): MAIN (priced at the tariff given, if any) → E-0101, E-0102, E-0103 (each
a unit's) and LIFT (common). The tariff (``add_tariff``) is 一般工商业, 1.00 a kWh from
2026-01-01 unless told otherwise. A run over a month (``run_month``) bills the month before.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import event, select

from domain.billing.tariffs import FlatTariff, to_document
from services import billing_run, contracts
from services.meters import MeterSpec, create_meter, record_reading
from store.schema import Bill, BillLine, Tariff
from store.workspace import Workspace
from tests.small_leases import lease_spec, park_id

E = "electricity"
FEB = date(2026, 2, 1)
SUB_UNITS = {"E-0101": "ZD-A-0101", "E-0102": "ZD-A-0102", "E-0103": "ZD-A-0103", "LIFT": None}
SUBS = tuple(SUB_UNITS)  # the sub meters' codes, as MAIN lists them


def flat(price: str, valid_from: date = date(2026, 1, 1)) -> dict[str, Any]:
    """A flat tariff's document: ``price`` a unit from ``valid_from``."""
    return to_document(FlatTariff(valid_from, Decimal(price)))


def add_tariff(workspace: Workspace, document: dict[str, Any] | None = None,
               name: str = "一般工商业", utility: str = E) -> uuid.UUID:
    """A tariff of the park, valid from its document's first day (default: flat 1.00)."""
    document = document if document is not None else flat("1.00")
    with workspace.transaction() as s:
        row = Tariff(park_id=park_id(workspace), utility=utility, name=name,
                     valid_from=date.fromisoformat(document["valid_from"]), document=document)
        s.add(row)
        s.flush()
        return row.id


def build_tree(workspace: Workspace, tariff: uuid.UUID | None,
               installed: date | None = None) -> dict[str, uuid.UUID]:
    """MAIN priced at ``tariff`` → the four sub meters, by code; E-0103 installed on
    ``installed`` (None: in service throughout, as the others)."""
    pid = park_id(workspace)
    ids = {"MAIN": create_meter(workspace, pid, MeterSpec("MAIN", E, tariff_id=tariff))}
    for code, unit in SUB_UNITS.items():
        ids[code] = create_meter(workspace, pid, MeterSpec(
            code, E, parent="MAIN", unit=unit,
            installed_on=installed if code == "E-0103" else None))
    return ids


def sign_b1(workspace: Workspace, start: date = FEB, end: date = date(2027, 1, 31),
            code: str = "HT-B-1", **clauses: Any) -> uuid.UUID:
    """HT-B-1 on ZD-A-0103, signed on 1 February 2026 (or on its start, if earlier)."""
    return contracts.create_signed(workspace, park_id(workspace), lease_spec(
        workspace, "ZD-A-0103", code, start, end, signed_on=min(start, FEB), **clauses))


def read(workspace: Workspace, ids: dict[str, uuid.UUID], day: date,
         **values: int | str) -> None:
    """Readings on ``day``, one at a time; ``E_0101=300`` reads 300 on E-0101."""
    for code, value in values.items():
        record_reading(workspace, ids[code.replace("_", "-")], day, Decimal(value))


def run_month(workspace: Workspace, month: date, on: date | None = None) -> billing_run.RunReport:
    """The billing run over ``month`` (posted), issued on ``on`` (default: 5 days before)."""
    last = date(month.year + month.month // 12, month.month % 12 + 1, 1) - timedelta(days=1)
    return billing_run.post_run(workspace, park_id(workspace), month, last,
                                on or month - timedelta(days=5))


def line_explanations(workspace: Workspace, number: str) -> list[dict[str, Any]]:
    """The posted bill ``number``'s lines' explanations, in order."""
    with workspace.reading() as s:
        return [line.explanation for line in s.scalars(
            select(BillLine).join(Bill, Bill.id == BillLine.bill_id)
            .where(Bill.number == number).order_by(BillLine.seq))]


@contextmanager
def sql_heard(workspace: Workspace) -> Iterator[list[str]]:
    """The SQL the workspace runs inside the block."""
    said: list[str] = []

    def heard(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        said.append(statement)

    event.listen(workspace.engine, "before_cursor_execute", heard)
    try:
        yield said
    finally:
        event.remove(workspace.engine, "before_cursor_execute", heard)
