"""The maps' arrears (``unit_arrears``, summed in SQL) against receivables' own reading of
the ledger (``services.receivables.arrears_by_unit``), on every engine and scope, on days
around payments, partial allocations, a reversal, late fees and a termination's credit.

The read model gives a unit the arrears of the contract holding it on the day; receivables
gives every unit its contracts' arrears. They agree on held units; a unit whose contract
ended is not outlined on the map (its former tenant's debts stay in the receivables).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from domain.leasing.clauses import LateFee
from services import billing_run, contracts, payments, receivables
from services.payments import PaymentInput
from store.map_query import map_units, unit_arrears
from store.read_model import ReadModel, Scope
from store.schema import Allocation, Bill, Unit
from store.workspace import Workspace
from tests.read_engines import ENGINES, open_read_side
from tests.small_leases import lease_spec, open_small, park_id

D = Decimal
TENANT = "上海云帆智能科技有限公司"
DAYS = [date(2026, 3, 1), date(2026, 3, 2), date(2026, 3, 4), date(2026, 4, 2),
        date(2026, 4, 10), date(2026, 4, 11), date(2026, 4, 20), date(2026, 5, 2),
        date(2026, 5, 19), date(2026, 5, 21), date(2026, 6, 2), date(2026, 6, 10),
        date(2026, 6, 11), date(2026, 7, 1)]


def _bill(ws: Workspace, number: str):
    with ws.reading() as s:
        return s.scalar(select(Bill.id).where(Bill.number == number))


def _allocate(ws: Workspace, number: str, on: date, amount: str):
    paid = payments.enter_payment(ws, park_id(ws), PaymentInput(on, D(amount), TENANT))
    payments.allocate_payment(ws, paid, [(_bill(ws, number), D(amount))], on)
    with ws.reading() as s:
        return s.scalar(select(Allocation.id).where(Allocation.source_id == paid))


def build_ledger(path: Path) -> None:
    """HT-B-1 on ZD-A-0103 with a late fee, billed March to June; paid in part, one payment
    reversed, then terminated on 20 May (June's run credits 11 days of May); and a bill
    issued after its due date."""
    ws = open_small(path)
    try:
        pid = park_id(ws)
        spec = lease_spec(ws, "ZD-A-0103", "HT-B-1", date(2026, 3, 1), date(2027, 2, 28),
                          late_fee=LateFee(D("0.0005")))
        cid = contracts.create_signed(ws, pid, spec)
        billing_run.post_run(ws, pid, date(2026, 3, 1), date(2026, 3, 31), date(2026, 2, 25))
        _allocate(ws, "HT-2026-0001/2026-03-01/rent", date(2026, 3, 3), "11913.00")
        billing_run.post_run(ws, pid, date(2026, 4, 1), date(2026, 4, 30), date(2026, 4, 1))
        _allocate(ws, "HT-B-1/2026-03-01/rent", date(2026, 4, 10), "6270.00")
        wrong = _allocate(ws, "HT-2026-0001/2026-04-01/rent", date(2026, 4, 11), "11913.00")
        payments.reverse_allocation(ws, wrong, date(2026, 4, 20))
        billing_run.post_run(ws, pid, date(2026, 5, 1), date(2026, 5, 31), date(2026, 5, 1))
        contracts.terminate(ws, cid, date(2026, 5, 20))
        billing_run.post_run(ws, pid, date(2026, 6, 1), date(2026, 6, 30), date(2026, 6, 1))
        # A bill due before it was sent (a contract paying ahead, billed late): owed from the
        # day it was issued, 10 June, not from its due date.
        with ws.transaction() as s:
            first = s.scalars(select(Bill).where(
                Bill.number == "HT-2026-0001/2026-06-01/rent")).one()
            s.add(Bill(park_id=pid, contract_id=first.contract_id, tenant_id=first.tenant_id,
                       number="HT-2026-0001/2026-06-01/other", kind="charge", charge="other",
                       period_start=date(2026, 6, 1), period_end=date(2026, 6, 30),
                       due_on=date(2026, 6, 1), issued_on=date(2026, 6, 10),
                       amount=D("500.00")))
        with ws.reading() as s:
            kinds = set(s.scalars(select(Bill.kind)))
            charges = set(s.scalars(select(Bill.charge)))
            credits = s.scalars(select(Bill.amount).where(Bill.corrects_id.is_not(None))).all()
        assert {"charge", "adjustment"} <= kinds and "late_fee" in charges  # awkward rows
        assert any(c < 0 for c in credits)
    finally:
        ws.close()


@pytest.fixture(scope="module")
def ledger_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("arrears") / "ledger.leasemap"
    build_ledger(path)
    return path


def _scopes(reader: ReadModel) -> list[Scope | None]:
    [park] = reader.park_tree()
    scopes: list[Scope | None] = [None, Scope("park", park.id)]
    for building in park.buildings:
        scopes.append(Scope("building", building.id))
        scopes.extend(Scope("floor", f.id) for f in building.floors)
    return scopes


def _shown(reader: ReadModel, scope: Scope | None, day: date) -> dict:
    return {u.id: (u.arrears, u.overdue_since)
            for u in map_units(reader, scope, day, arrears=True) if u.arrears is not None}


def _held(reader: ReadModel, day: date) -> set:
    return {u.id for u in map_units(reader, None, day) if u.tenant}


@pytest.mark.parametrize("engine", ENGINES)
def test_the_map_owes_what_receivables_says_on_every_day_and_scope(engine, ledger_file,
                                                                   request):
    with open_read_side(engine, ledger_file, request) as side:
        readers = [side.reader]
        if engine == "sqlite3":  # Core on the same file too
            readers.append(ReadModel.on_engine(side.workspace.engine))
        with side.workspace.reading() as s:
            pid = park_id(side.workspace)
            codes = dict(s.execute(select(Unit.id, Unit.code)).all())
            expected = {day: receivables.arrears_by_unit(s, pid, day) for day in DAYS}
        seen_owed = 0
        for day in DAYS:
            held = _held(side.reader, day)
            want = {u: v for u, v in expected[day].items() if u in held}
            for reader in readers:
                for scope in _scopes(reader):
                    in_scope = {u.id for u in map_units(reader, scope, day)}
                    got = _shown(reader, scope, day)
                    assert got == {u: v for u, v in want.items() if u in in_scope}, (
                        engine, scope, day)
                    for amount, _since in got.values():  # the types, not only ==
                        assert type(amount) is Decimal and amount.as_tuple().exponent == -2
            seen_owed += bool(want)
        for reader in readers[1:]:
            reader.close()
    assert seen_owed >= 8  # the comparison means something on most days
    by_code = {codes[u]: v for u, v in expected[date(2026, 4, 11)].items()}
    # HT-B-1: March's 12,540.00 less 6,270.00 on 10 April, its late fee and April's rent
    assert by_code["ZD-A-0103"] == (D("6270.00") + D("194.37") + D("12540.00"),
                                    date(2026, 3, 1))
    # HT-2026-0001: April's rent, paid on the 11th (reversed on the 20th)
    assert "ZD-A-0101" not in by_code
    assert {codes[u]: v[0] for u, v in expected[date(2026, 4, 20)].items()}[
        "ZD-A-0101"] == D("11913.00")
    # The bill issued on 10 June after its due date is overdue from the 11th only
    june = {d: {codes[u]: v for u, v in expected[d].items()}["ZD-A-0101"]
            for d in (date(2026, 6, 10), date(2026, 6, 11))}
    assert june[date(2026, 6, 11)][0] - june[date(2026, 6, 10)][0] == D("500.00")


def test_reads_that_show_no_arrears_skip_them(ledger_file):
    """The park map and the space search draw no unit outlines: they do not sum the ledger."""
    reader = ReadModel(ledger_file)
    try:
        day = date(2026, 4, 11)
        assert any(u.arrears for u in map_units(reader, None, day, arrears=True))
        assert not any(u.arrears or u.facts.overdue for u in map_units(reader, None, day))
    finally:
        reader.close()


def test_a_unit_whose_debtor_has_left_is_not_outlined(ledger_file):
    """HT-B-1 ended on 20 May owing money: receivables still lists it against ZD-A-0103,
    the map (which shows who holds the unit) no longer outlines it."""
    day = date(2026, 6, 2)
    reader = ReadModel(ledger_file)
    ws = Workspace.open(ledger_file)
    try:
        with ws.reading() as s:
            unit = s.scalar(select(Unit.id).where(Unit.code == "ZD-A-0103"))
            owed = receivables.arrears_by_unit(s, park_id(ws), day)
        assert owed[unit][0] > 0
        assert unit in unit_arrears(reader, None, day)  # the contract's row is read …
        [shown] = [u for u in map_units(reader, None, day, arrears=True) if u.id == unit]
        assert (shown.tenant, shown.arrears, shown.facts.overdue) == ("", None, False)  # …
    finally:
        reader.close()
        ws.close()


def test_any_run_of_payments_and_reversals_reads_the_same_both_ways(tmp_path):
    path = tmp_path / "random.leasemap"
    ws = open_small(path)
    pid = park_id(ws)
    spec = lease_spec(ws, "ZD-A-0103", "HT-B-1", date(2026, 3, 1), date(2027, 2, 28))
    contracts.create_signed(ws, pid, spec)
    billing_run.post_run(ws, pid, date(2026, 3, 1), date(2026, 5, 31), date(2026, 2, 25))
    with ws.reading() as s:
        bills = s.scalars(select(Bill.id).order_by(Bill.number)).all()
    reader = ReadModel(path)
    start = date(2026, 2, 20)

    @settings(max_examples=30, deadline=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.tuples(st.sampled_from(["pay", "reverse"]), st.integers(0, 5),
                              st.integers(1, 1500000), st.integers(0, 120)),
                    min_size=1, max_size=3),
           st.integers(0, 130))
    def check(actions: list[tuple[str, int, int, int]], offset: int) -> None:
        for kind, which, cents, days in actions:
            on = start + timedelta(days=days)
            with ws.reading() as s:
                ledger = receivables.read_ledger(s, pid)
            if kind == "pay":
                bill = bills[which % len(bills)]
                left = next((i.amount for i in ledger.open_items() if i.bill_id == bill), None)
                if left is None:
                    continue
                amount = min(D(cents).scaleb(-2), left)
                paid = payments.enter_payment(ws, pid, PaymentInput(on, amount, TENANT))
                payments.allocate_payment(ws, paid, [(bill, amount)], on)
            else:
                reversible = [a for a in ledger.allocations
                              if a.amount > 0 and a.bill_id is not None
                              and not any(r.reverses == a.id for r in ledger.allocations)]
                if not reversible:
                    continue
                original = reversible[which % len(reversible)]
                payments.reverse_allocation(ws, original.id, max(on, original.made_on))
        day = start + timedelta(days=offset)
        with ws.reading() as s:
            want = receivables.arrears_by_unit(s, pid, day)
        held = _held(reader, day)
        assert _shown(reader, None, day) == {u: v for u, v in want.items() if u in held}

    try:
        check()
    finally:
        reader.close()
        ws.close()
