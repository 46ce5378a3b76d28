"""Closing the window, or opening another workspace, while a write runs never closes the
workspace under its transaction.

The write is cancelled and rolls back, or, if it takes no steps, the window
waits for it; either way the file holds the whole write or none of it.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import QProgressDialog

from domain.assets import UnitStatus, UnitType
from store.changes import insert_rows
from store.schema import Unit
from tests.gui.test_import_wizard import at_first_step_of_next_task, run_wizard, write_floor
from tests.small_park import build_small_workspace

ROOMS = 3000  # a floor whose write takes a while: thousands of units and outbox rows


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


def _rooms(count: int) -> list[tuple[str, float, float, float, float]]:
    """``count`` 4 × 4 m rooms on a 5 m grid, 60 to a row, labelled 30000, 30001, …"""
    return [
        (f"{300 + i // 60}{i % 60:02d} 办公室", (i % 60) * 5.0, (i // 60) * 5.0,
         (i % 60) * 5.0 + 4, (i // 60) * 5.0 + 4)
        for i in range(count)
    ]


def _imported(path: Path) -> tuple[int, int, int]:
    """Building C's count, its level-3 units, and the outbox rows that create them."""
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        buildings = connection.execute(
            "SELECT count(*) FROM buildings WHERE code = 'C'").fetchone()[0]
        units = connection.execute(
            "SELECT count(*) FROM units u JOIN floors f ON f.id = u.floor_id "
            "JOIN buildings b ON b.id = f.building_id WHERE b.code = 'C' AND f.level = 3"
        ).fetchone()[0]
        ops = connection.execute(
            "SELECT count(*) FROM outbox WHERE kind = 'create' AND entity = 'units' "
            "AND payload LIKE '%\"ZD-C-%'"
        ).fetchone()[0]
    finally:
        connection.close()
    return buildings, units, ops


def test_closing_during_an_import_rolls_the_whole_import_back(qtbot, window, small_park,
                                                             tmp_path):
    plan_file = write_floor(tmp_path / "c3.dxf", _rooms(ROOMS))
    wizard = run_wizard(window, qtbot, plan_file, "C", finish=False)
    _building, _level, rehearsed = window.import_flow.rehearsed
    planned = sum(len(f.added) for f in rehearsed.floors)
    assert planned == ROOMS  # the dry run: every room a new unit
    closed_at: list[int] = []

    def close_window(task) -> None:
        dialog = next(d for d in window.findChildren(QProgressDialog) if d.isVisible())
        closed_at.append(dialog.value())
        window.close()  # cancels the import; the window waits for its rollback

    at_first_step_of_next_task(window, close_window)
    wizard.button(wizard.WizardButton.FinishButton).click()
    task = window.import_flow.writing
    assert task is not None
    qtbot.waitUntil(lambda: not window.isVisible())  # the GUI thread runs: it hears the step
    assert closed_at == [0] and task.job.cancelled
    assert not window.controller.is_open and window.import_flow.last_changes is None
    assert _imported(small_park.path) in ((0, 0, 0), (1, planned, planned))  # all or nothing
    assert _imported(small_park.path) == (0, 0, 0)  # and here: nothing, it was cancelled


def _shown(window, path: Path) -> bool:
    return window.controller.path == path and path.name in window.windowTitle()


def test_opening_another_workspace_cancels_a_write_and_it_rolls_back(qtbot, window,
                                                                    small_park, tmp_path):
    other = build_small_workspace(tmp_path / "other.leasemap")
    started, observed = threading.Event(), []
    results: list[object] = []
    task = window.tasks.start(_slow_write(window, 200, started, observed, take_steps=True),
                              results.append, lambda m, t: results.append(m))
    assert started.wait()
    window.open_workspace(other.path)  # cancels the write, waits a moment for its rollback
    task.done.wait()
    qtbot.waitUntil(lambda: _shown(window, other.path))
    assert observed == [] and results == []  # stopped by Cancelled; its end dropped
    assert window.table.model.rowCount() == len(other.unit_codes)
    assert window.file_label.text() == str(other.path)
    window.close()
    assert _written(small_park.path) == (0, 0)


def test_opening_another_workspace_waits_for_a_write_that_takes_no_steps(qtbot, window,
                                                                        small_park, tmp_path):
    other = build_small_workspace(tmp_path / "other.leasemap")
    started, observed = threading.Event(), []
    task = window.tasks.start(_slow_write(window, 40, started, observed, take_steps=False),
                              lambda _r: None, lambda m, t: None)
    assert started.wait()
    assert not window.open_workspace(other.path)  # cannot cancel it: opens when it has ended
    assert window.controller.path == small_park.path
    assert "Finishing background work before opening other.leasemap" in \
        window.statusBar().currentMessage()
    task.done.wait()
    qtbot.waitUntil(lambda: _shown(window, other.path))
    assert observed == [True]  # the workspace was still its own at the write's end
    assert window.table.model.rowCount() == len(other.unit_codes)
    window.close()
    assert _written(small_park.path) == (40, 40)


def test_a_workspace_read_in_the_background_waits_for_the_write_too(qtbot, window,
                                                                   small_park, tmp_path):
    other = build_small_workspace(tmp_path / "other.leasemap")
    started, observed = threading.Event(), []
    task = window.tasks.start(_slow_write(window, 200, started, observed, take_steps=True),
                              lambda _r: None, lambda m, t: None)
    assert started.wait()
    window.open_workspace_in_background(other.path)
    qtbot.waitUntil(lambda: _shown(window, other.path))
    assert task.done.is_set() and observed == []
    window.close()
    assert _written(small_park.path) == (0, 0)
