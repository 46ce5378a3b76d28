"""The late-change look-up (``services.utility_billing._late``: one UNION, an amended
contract's last day a CASE) on the PostgreSQL the suite starts, as on SQLite: the park of
``test_utility_late_moves`` with HT-B-1's extension and E-0101's move to 大工业 entered
after November was billed, copied to PostgreSQL, rehearses December's run again to the
same bills: July to October caught up, February to November adjusted for E-0101.
"""

from __future__ import annotations

from datetime import date

import pytest

from domain.billing.late_changes import LATE_METER_TARIFF
from domain.billing.utility_bills import CAUGHT_UP_NOTE
from services import billing_run, contracts
from store.workspace import Workspace
from tests.read_engines import copy_file_to
from tests.services.test_utility_late_moves import DEC, NOV, _contract, _move, _park
from tests.small_leases import lease_spec, open_small, park_id
from tests.small_meters import E

pytestmark = pytest.mark.postgres


def _rehearsed(ws: Workspace) -> list[tuple[str, str, object, list[str]]]:
    plan = billing_run.rehearse_run(ws, park_id(ws), DEC, date(2026, 12, 31), NOV)
    return sorted((b.number, str(b.amount), b.lines[0].explanation.get("changed"),
                   [n.code for n in b.notes]) for b in plan.bills if b.charge == E)


def test_an_extension_and_a_move_are_found_on_postgresql_as_on_sqlite(tmp_path, pg_db_url):
    path = tmp_path / "moves.leasemap"
    ws = open_small(path)
    try:
        ids, big = _park(ws, b1_ends=date(2026, 6, 30))
        contracts.amend(ws, _contract(ws, "HT-B-1"), lease_spec(
            ws, "ZD-A-0103", "HT-B-1", date(2026, 2, 1), date(2027, 6, 30),
            signed_on=date(2026, 2, 1)), date(2026, 7, 1))
        _move(ws, ids, "E-0101", big)
        on_sqlite = _rehearsed(ws)
    finally:
        ws.close()
    caught = {n for n, _a, _c, notes in on_sqlite if CAUGHT_UP_NOTE in notes}
    assert caught == {f"HT-B-1/2026-{m:02}-01/electricity" for m in range(7, 11)}
    moved = {n for n, _a, changed, _notes in on_sqlite
             if changed and changed[0]["code"] == LATE_METER_TARIFF}
    assert moved == {f"HT-2026-0001/2026-{m:02}-01/electricity/A1" for m in range(2, 12)}
    pg = copy_file_to(path, pg_db_url)
    try:
        assert _rehearsed(pg) == on_sqlite
    finally:
        pg.close()
