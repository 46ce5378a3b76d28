"""A main meter replaced by a new record on a real workspace (issue 12): creating the meter
that replaces it moves its sub meters to the new record in the same transaction (a field_set
op each), archiving the old one is then allowed, no month already measured changes, the
swap month's statement is the two records', and a real billing run bills it.

The small park and its tree, as ``tests.small_meters`` sets them up: HT-2026-0001 holds
ZD-A-0101 from 2026-01-01; ZD-A-0102 is vacant until 2027; HT-B-1 is signed on ZD-A-0103
from 1 February. The tree: MAIN (priced at 1.00 a kWh) → E-0101, E-0102, E-0103 and LIFT,
read on 1 March and 1 April. MAIN is swapped on 15 April for MAIN-2 (a CT ratio of 10, no
tariff of its own).
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select

from domain.billing.bills import ADJUSTMENT_KIND
from domain.billing.meters import ReadingKind
from domain.billing.shared_consumption import Statement
from services.meter_archive import archive_meter
from services.meters import (
    MeterRefused,
    MeterSpec,
    consumption_by_unit,
    create_meter,
    record_reading,
    shared_statement,
)
from store.map_query import metered_energy
from store.read_model import ReadModel
from store.schema import Meter, Outbox, Unit
from store.workspace import Workspace
from tests.small_leases import open_small, park_id
from tests.small_meters import (
    SUBS,
    E,
    add_tariff,
    build_tree,
    line_explanations,
    read,
    run_month,
    sign_b1,
)

D = Decimal
FEB, MAR, APR, MAY, JUN = (date(2026, m, 1) for m in (2, 3, 4, 5, 6))
SWAP = date(2026, 4, 15)


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "swap.leasemap")
    yield workspace
    workspace.close()


def _count(ws: Workspace, model: Any) -> int:
    with ws.reading() as s:
        return s.scalar(select(func.count()).select_from(model))


def _park(ws: Workspace) -> dict[str, uuid.UUID]:
    ids = build_tree(ws, add_tariff(ws))
    sign_b1(ws)
    read(ws, ids, MAR, MAIN=0, E_0101=0, E_0102=0, E_0103=0, LIFT=0)
    read(ws, ids, APR, MAIN=1000, E_0101=300, E_0102=40, E_0103=500, LIFT=50)
    return ids


def _statement(ws: Workspace, meter: uuid.UUID, month: date) -> Statement:
    with ws.reading() as s:
        return shared_statement(s, meter, month)


def _said(s: Statement) -> tuple[Any, ...]:
    """What a tenant reads: every line (code, role, consumption, reasons) and figure."""
    def line(x: Any) -> tuple[Any, ...]:
        return (x.meter.code, x.role, x.amount, x.consumption.reasons)
    return (line(s.main), tuple(line(x) for x in s.mains), tuple(line(x) for x in s.subs),
            s.unmetered, s.common, s.shared, s.basis, s.denominator, s.rate, s.shares,
            s.notes, s.flags, s.left_out, s.amount)


def _swap(ws: Workspace, ids: dict[str, uuid.UUID]) -> uuid.UUID:
    ids["MAIN-2"] = create_meter(ws, park_id(ws), MeterSpec(
        "MAIN-2", E, multiplier=D(10), installed_on=SWAP, replaces="MAIN"))
    return ids["MAIN-2"]


def test_replacing_a_main_moves_its_sub_meters_and_the_old_one_can_be_archived(ws):
    ids = _park(ws)
    ops = _count(ws, Outbox)
    new = _swap(ws, ids)
    with ws.reading() as s:
        rows = {m.code: m for m in s.scalars(select(Meter))}
        written = [(o.kind, o.entity, o.entity_id, o.field) for o in s.scalars(
            select(Outbox).order_by(Outbox.hlc).offset(ops))]
    assert {code: rows[code].parent_id for code in SUBS} == dict.fromkeys(SUBS, new)
    assert rows["MAIN"].removed_on == SWAP and rows["MAIN-2"].replaces_id == ids["MAIN"]
    # One transaction: the new meter, a field_set of each sub meter's parent, the old one's
    # removal day; nothing else.
    assert written[0] == ("create", "meters", new, None)
    assert sorted(written[1:5], key=lambda o: str(o[2])) == sorted(
        (("field_set", "meters", ids[code], "parent_id") for code in SUBS),
        key=lambda o: str(o[2]))
    assert written[5:] == [("field_set", "meters", ids["MAIN"], "removed_on")]
    # Archived now: it feeds nothing; its final reading closes its dial on the day.
    report = archive_meter(ws, ids["MAIN"], SWAP, {"total": D(1500)})
    assert [(r.kind, r.value) for r in report.finals] == [(ReadingKind.FINAL, D(1500))]


def test_a_refused_replacement_moves_nothing(ws):
    ids = _park(ws)
    record_reading(ws, ids["MAIN"], date(2026, 4, 20), D(1600))  # read after the swap day
    ops = _count(ws, Outbox)
    with pytest.raises(MeterRefused) as caught:
        _swap(ws, ids)
    assert caught.value.code == "meter-read-after-removal"
    assert _count(ws, Outbox) == ops
    with ws.reading() as s:
        assert {m.code: m.parent_id for m in s.scalars(select(Meter).where(
            Meter.code.in_(SUBS)))} == dict.fromkeys(SUBS, ids["MAIN"])


def test_the_move_rewrites_no_month_and_the_swap_month_bills_both_records(ws, tmp_path):
    ids = _park(ws)
    march = run_month(ws, APR)  # bills March, before the swap
    assert not [s for s in march.plan.skipped if s.code != "vacant-use"]
    before = _statement(ws, ids["MAIN"], MAR)
    with ws.reading() as s:
        unit = s.scalar(select(Unit.id).where(Unit.code == "ZD-A-0103"))
        use_before = consumption_by_unit(s, park_id(ws), MAR)

    new = _swap(ws, ids)
    archive_meter(ws, ids["MAIN"], SWAP, {"total": D(1500)})  # MAIN: 500 in April
    record_reading(ws, new, SWAP, D(0), kind=ReadingKind.INITIAL)
    read(ws, ids, MAY, MAIN_2=60, E_0101=700, E_0102=80, E_0103=1000, LIFT=100)

    # March is what it was, asked of either record: same figures, same lines.
    for meter in (ids["MAIN"], new):
        assert _said(_statement(ws, meter, MAR)) == _said(before)
    with ws.reading() as s:
        assert consumption_by_unit(s, park_id(ws), MAR) == use_before

    april = _statement(ws, new, APR)
    assert [(x.meter.code, x.amount) for x in april.mains] == [("MAIN", D(500)),
                                                               ("MAIN-2", D(600))]
    assert (april.main.amount, sum((x.amount for x in april.subs), D(0)), april.unmetered,
            april.shared) == (D(1100), D(990), D(110), D(160))
    assert april.ready and april.amount == D("160.00")  # MAIN's tariff: MAIN-2 has none
    assert [n.code for n in april.notes] == ["main-replaced"]

    may = run_month(ws, MAY)  # bills April; looks at March again, which did not change
    assert not [s for s in may.plan.skipped if s.code != "vacant-use"]
    assert not [b for b in may.plan.bills if b.kind == ADJUSTMENT_KIND]
    own, share = line_explanations(ws, "HT-B-1/2026-04-01/electricity")
    assert (own["meter"], own["quantity"]) == ("E-0103", "500.000")
    assert (share["main"], share["main_use"], share["subs"], share["shared"]) == (
        "MAIN-2", "1100.000", "990.000", "160.000")
    assert share["mains"] == [{"meter": "MAIN", "use": "500.000"},
                              {"meter": "MAIN-2", "use": "600.000"}]
    [mine] = [x for x in april.shares if x.unit_id == str(unit)]
    assert D(share["amount"]) == mine.amount  # the statement's split, to the cent
    assert D(share["quantity"]) == mine.quantity.quantize(D("0.001"))
    with ws.reading() as s:
        april_use = consumption_by_unit(s, park_id(ws), APR)
    assert sum((u.total for u in april_use.values()), D(0)) == D(1100)

    # The energy map reads the chain as the services do, on both engines.
    path = ws.path
    engine = create_engine(f"sqlite+pysqlite:///{path}")
    for reader in (ReadModel(path), ReadModel.on_engine(engine)):
        try:
            months = metered_energy(reader, None, MAR, MAY)
        finally:
            reader.close()
        assert len(months) == 3  # the three metered units
        assert {(u, m): v for u, by_month in months.items() for m, v in by_month.items()} == {
            (u, m): x.total for m, use in ((MAR, use_before), (APR, april_use))
            for u, x in use.items() if x.measured}
    engine.dispose()
