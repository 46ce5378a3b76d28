"""Closing the window while a write runs never closes the workspace under its transaction.

The write is cancelled and rolls back, or, if it takes no steps, the window
waits for it; either way the file holds the whole write or none of it.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from decimal import Decimal
from pathlib import Path

from domain.assets import UnitStatus, UnitType
from store.changes import insert_rows
from store.schema import Unit


def _slow_write(window, steps: int, started: threading.Event, observed: list[bool],
                take_steps: bool):
    """A write that inserts one unit per step, slowly, in one transaction."""
    controller = window.controller
    park = controller.tree[0]
    floor = park.buildings[0].floors[0]
    workspace = controller.workspace  # opened here, in the GUI thread
    area = Decimal("20.00")

    def work(job):
        with workspace.transaction() as session:
            for i in range(steps):
                insert_rows(session, Unit, [{
                    "park_id": park.id, "floor_id": floor.id, "code": f"W-{i:03d}",
                    "unit_type": UnitType.OFFICE, "status": UnitStatus.LEASABLE,
                    "gross_area": area, "internal_area": area, "common_share": Decimal(0),
                    "leasable_area": area, "billable_area": area,
                }])
                if take_steps:
                    job.step(i + 1, steps, f"unit {i}")
                if i == 2:
                    started.set()
                time.sleep(0.05)
            observed.append(controller.is_open)  # the workspace is still ours at the end
        return steps

    return work


def _written(path: Path) -> tuple[int, int]:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        units = connection.execute("SELECT count(*) FROM units WHERE code LIKE 'W-%'").fetchone()
        ops = connection.execute(
            "SELECT count(*) FROM outbox WHERE kind = 'create' AND payload LIKE '%\"W-%'"
        ).fetchone()
    finally:
        connection.close()
    return units[0], ops[0]


def test_closing_cancels_a_write_and_it_rolls_back(qtbot, window, small_park):
    started, observed = threading.Event(), []
    results: list[object] = []
    task = window.tasks.start(_slow_write(window, 200, started, observed, take_steps=True),
                              results.append, lambda m, t: results.append(m))
    assert started.wait()
    window.close()
    task.done.wait()  # cancelled at its next step (the window waits a moment for that)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert not window.controller.is_open
    assert observed == []  # it stopped before its end, by Cancelled
    assert _written(small_park.path) == (0, 0)


def test_closing_waits_for_a_write_that_takes_no_steps(qtbot, window, small_park):
    started, observed = threading.Event(), []
    task = window.tasks.start(_slow_write(window, 40, started, observed, take_steps=False),
                              lambda _r: None, lambda m, t: None)
    assert started.wait()
    window.close()  # cannot cancel it: the window stays open and responsive
    assert window.isVisible() and window.controller.is_open
    assert "Finishing background work" in window.statusBar().currentMessage()
    task.done.wait()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert not window.controller.is_open
    assert observed == [True]
    assert _written(small_park.path) == (40, 40)
