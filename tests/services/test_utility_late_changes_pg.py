"""The late-change look-up of a billing run (``services.utility_billing._late``: one UNION
of tariff rows, contract versions and terminations by their JSON field stamps) on the
PostgreSQL the suite starts, as on SQLite: the same park, a tariff version and a
termination entered after April was billed, copied to PostgreSQL, rehearses June's run
to the same adjustments, each naming the same changes.

The park is ``test_utility_late_changes``'s (see there).
"""

from __future__ import annotations

from datetime import date

import pytest

from domain.billing.late_changes import LATE_TARIFF, LATE_TERMINATION
from services import billing_run, contracts, tariffs
from store.workspace import Workspace
from tests.read_engines import copy_file_to
from tests.services.test_utility_late_changes import JUNE, MAY, _contract, _park
from tests.small_leases import open_small, park_id
from tests.small_meters import E

pytestmark = pytest.mark.postgres


def _adjustments(ws: Workspace) -> list[tuple[str, str, object]]:
    plan = billing_run.rehearse_run(ws, park_id(ws), JUNE, date(2026, 6, 30), MAY)
    return sorted((b.number, str(b.amount), b.lines[0].explanation.get("changed"))
                  for b in plan.adjustments if b.charge == E)


def test_late_changes_are_found_on_postgresql_as_on_sqlite(tmp_path, pg_db_url):
    path = tmp_path / "late.leasemap"
    ws = open_small(path)
    try:
        _park(ws)
        tariffs.save_tariff(ws, park_id(ws), E, "一般工商业", {"kind": "flat", "price": "1.20"},
                            date(2026, 2, 15))
        contracts.terminate(ws, _contract(ws, "HT-B-1"), date(2026, 3, 10))
        on_sqlite = _adjustments(ws)
    finally:
        ws.close()
    assert {n.split("/")[0] for n, _a, _c in on_sqlite} == {"HT-2026-0001", "HT-B-1"}
    assert all(changed for _n, _a, changed in on_sqlite)
    assert {c["code"] for _n, _a, changed in on_sqlite for c in changed} == {
        LATE_TARIFF, LATE_TERMINATION}
    pg = copy_file_to(path, pg_db_url)
    try:
        assert _adjustments(pg) == on_sqlite
    finally:
        pg.close()
