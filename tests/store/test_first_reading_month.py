"""The first month of readings is one named query, the same on both engines.

The maps ask it of a whole park for every date before the readings; it used to
read and sort every reading. Compared here with what reading them all gives.
"""

from __future__ import annotations

from datetime import date

from store.map_query import decode_month_metrics
from store.read_model import ReadModel, Scope
from tests.store.test_read_parity import _scopes, workspace_file  # noqa: F401  (fixture)


def _by_reading_all(reader: ReadModel, scope: Scope | None) -> date | None:
    months = [decode_month_metrics(r)[1].month
              for r in reader.fetch("unit_metrics", scope, date.min, date.max)]
    return min(months, default=None)


def test_first_reading_month_agrees_on_every_scope(raw_reader, core_reader):
    seen = set()
    for scope in _scopes(raw_reader):
        want = _by_reading_all(raw_reader, scope)
        got = raw_reader.first_reading_month(scope)
        assert got == want, f"sqlite3 path, {scope}"
        assert core_reader.first_reading_month(scope) == want, f"core path, {scope}"
        assert want is None or type(got) is date
        seen.add(want is None)
    assert seen == {True, False}  # scopes with readings and the second park without any
