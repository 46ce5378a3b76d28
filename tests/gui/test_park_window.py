"""Each flow's one window for the park in scope: opened again it is brought forward, the
scope moved to another park replaces it with that park's, and nothing opens without a
workspace (app.park_window, for Meters, Invoices, Collections, Billing run, the three
ledgers and Receivables)."""

from __future__ import annotations

import pytest
from shiboken6 import isValid

from store.schema import Park
from store.workspace import Workspace
from tests.small_park import build_small_workspace

FLOWS = {
    "meters": ("app.meters_flow", "meters_flow_of", "view"),
    "invoices": ("app.invoice_flow", "invoice_flow_of", "list"),
    "collections": ("app.collections_flow", "collections_flow_of", "view"),
    "billing-run": ("app.billing_flow", "billing_flow_of", "dialog"),
    "three-ledgers": ("app.ledgers_flow", "ledgers_flow_of", "view"),
    "receivables": ("app.receivables_flow", "receivables_flow_of", "view"),
}


@pytest.fixture
def two_parks(qtbot, settings, tmp_path):
    """The small park, and a second park beside it in the same workspace."""
    from tests.gui.helpers import open_window

    small = build_small_workspace(tmp_path / "two.leasemap")
    workspace = Workspace.open(small.path)
    try:
        with workspace.transaction() as s:
            s.add(Park(code="XH", name="徐汇第二园"))
    finally:
        workspace.close()
    win = open_window(qtbot, settings, small.path)
    yield win
    win.close()


def _flow(window, name: str):
    import importlib

    module, of, _attribute = FLOWS[name]
    return getattr(importlib.import_module(module), of)(window)


def _settled(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)


@pytest.mark.parametrize("name", sorted(FLOWS))
def test_one_window_per_park_in_scope(qtbot, two_parks, name):
    window = two_parks
    flow = _flow(window, name)
    attribute = FLOWS[name][2]
    parks = {p.code: p for p in window.controller.tree}
    window.controller.set_scope("park", parks["ZD"].id)
    first = flow.open()
    assert first is not None and first.isVisible()
    assert getattr(flow, attribute) is first
    assert flow.park_id == parks["ZD"].id
    assert flow.open() is first  # brought forward, not made again
    _settled(qtbot, window)

    window.controller.set_scope("park", parks["XH"].id)
    second = flow.open()
    assert second is not None and second is not first and second.isVisible()
    assert getattr(flow, attribute) is second and flow.park_id == parks["XH"].id
    qtbot.waitUntil(lambda: not isValid(first), timeout=10000)  # closed and deleted
    assert getattr(flow, attribute) is second  # its going forgets nothing of the new one
    _settled(qtbot, window)

    window.controller.close()
    qtbot.waitUntil(lambda: not isValid(second) or not second.isVisible(), timeout=10000)
    assert flow.open() is None
