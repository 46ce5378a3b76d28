"""The first screen of a big park: its totals and first rows, read without reading every row.

``ReadModel.summary`` counts and sums in the database and decides occupancy on
one contract per class of terms; ``ReadModel.unit_page`` reads the first rows
by code. Both must say exactly what the full read says, on every scope and
date, on the ``sqlite3`` path and through SQLAlchemy Core (SQLite and
PostgreSQL), down to the ``repr`` of every Decimal.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from domain.contracts import ContractStatus
from store.read_model import ReadModel, Scope, summarize
from store.schema import Contract
from store.workspace import Workspace
from tests.store.test_read_parity import DAYS, TODAY, _add_awkward_rows, _same, _scopes

# Days on the edges of the demo's contracts: a signing, a start, an end, a termination.
EDGES = 6


@pytest.fixture(scope="module")
def workspace_file(tmp_path_factory: pytest.TempPathFactory, shared_demo) -> Path:
    path = tmp_path_factory.mktemp("first-screen") / "demo.leasemap"
    shared_demo(path, units=300, today=TODAY)  # built once for the run, this copy our own
    _add_awkward_rows(path)
    with Workspace.open(path) as ws, ws.transaction() as s:  # a termination before the end
        contract = s.scalars(select(Contract).where(Contract.status == ContractStatus.SIGNED,
                                                    Contract.ends_on > TODAY)
                             .order_by(Contract.code)).first()
        assert contract is not None
        contract.status = ContractStatus.TERMINATED
        contract.terminated_on = TODAY + timedelta(days=10)
    return path


@pytest.fixture(params=["sqlite3", "core-sqlite",
                        pytest.param("core-postgresql", marks=pytest.mark.postgres)])
def reader(request: pytest.FixtureRequest, raw_reader: ReadModel) -> ReadModel:
    if request.param == "sqlite3":
        return raw_reader
    if request.param == "core-sqlite":
        return ReadModel.on_engine(request.getfixturevalue("sqlite_engine"))
    return ReadModel.on_engine(request.getfixturevalue("pg_workspace").engine)


def _edge_days(reader: ReadModel) -> list[date]:
    """Days on which contracts are signed, start, end or are terminated, and the day after."""
    days: set[date] = set()
    for holds in reader.holdings().values():
        for h in holds[:1]:
            term = h.term
            for day in (term.signed_on, term.starts_on, term.ends_on, term.terminated_on):
                if day is not None:
                    days.update((day, day + timedelta(days=1)))
    picked = sorted(days)
    step = max(1, len(picked) // EDGES)
    return [*picked[::step][:EDGES], TODAY + timedelta(days=10), TODAY + timedelta(days=11)]


def test_totals_without_rows_are_the_totals_of_the_rows(reader, raw_reader):
    days = [*DAYS, *_edge_days(raw_reader)]
    for scope in _scopes(raw_reader):
        for day in days:
            want = summarize(raw_reader.unit_rows(scope, day))
            got = reader.summary(scope, day)
            assert got == want, f"summary {scope} {day}"
            assert repr(got) == repr(want), f"summary {scope} {day}: types or places"


def test_a_terminated_lease_ends_the_totals_on_its_termination(raw_reader):
    """The guard: the park's totals move on the day the terminated lease stops holding."""
    [demo] = [p for p in raw_reader.park_tree() if p.code != "A1"]
    park = Scope("park", demo.id)
    before = raw_reader.summary(park, TODAY + timedelta(days=10))
    after = raw_reader.summary(park, TODAY + timedelta(days=11))
    assert after.leased_area < before.leased_area


def test_the_first_page_is_the_first_rows_by_code(reader, raw_reader):
    for scope in _scopes(raw_reader):
        for day in (TODAY, date(2027, 4, 1)):
            rows = sorted(raw_reader.unit_rows(scope, day), key=lambda r: r.code)
            for size in (1, 25, 1000):
                _same(rows[:size], reader.unit_page(scope, day, size),
                      f"unit_page {scope} {day} {size}")


def test_totals_count_areas_to_the_hundredth(raw_reader):
    [demo] = [p for p in raw_reader.park_tree() if p.code != "A1"]
    park = Scope("park", demo.id)
    summary = raw_reader.summary(park, TODAY)
    assert summary.leasable_area == sum((r.leasable_area
                                         for r in raw_reader.unit_rows(park, TODAY)
                                         if r.status != "not_leasable"), Decimal(0))
    assert summary.leasable_area.as_tuple().exponent == -2
