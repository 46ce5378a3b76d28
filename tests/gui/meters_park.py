"""The small park's electricity tree the meters window tests open: MAIN (1.00 a kWh) →
E-1 (ZD-A-0101), E-2 (ZD-A-0102), LIFT (common), read on 1 October and 1 November 2026."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from services.meters import MeterSpec, ReadingEntry, create_meter, record_readings
from tests.gui.helpers import open_window
from tests.small_leases import open_small, park_id
from tests.small_meters import E, add_tariff

OCTOBER, NOVEMBER = date(2026, 10, 1), date(2026, 11, 1)
FIGURES = {"MAIN": (1000, 1600), "E-1": (100, 300), "E-2": (200, 350), "LIFT": (50, 80)}


def build_metered(path: Path, *more: MeterSpec) -> Path:
    """The tree at ``path``, with ``more`` meters (unread) added under it."""
    workspace = open_small(path)
    try:
        pid = park_id(workspace)
        create_meter(workspace, pid, MeterSpec("MAIN", E, tariff_id=add_tariff(workspace)))
        for code, unit in (("E-1", "ZD-A-0101"), ("E-2", "ZD-A-0102"), ("LIFT", None)):
            create_meter(workspace, pid, MeterSpec(code, E, parent="MAIN", unit=unit))
        for spec in more:
            create_meter(workspace, pid, spec)
        record_readings(workspace, pid, [
            ReadingEntry(code, day, Decimal(value)) for code, values in FIGURES.items()
            for day, value in zip((OCTOBER, NOVEMBER), values, strict=True)])
    finally:
        workspace.close()
    return path


def open_meters(qtbot: Any, settings: Any, path: Path) -> tuple[Any, Any, Any]:
    """The park's window, its meters flow and the Meters window open and read."""
    window = open_window(qtbot, settings, path)
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)
    from app.meters_flow import meters_flow_of

    flow = meters_flow_of(window)
    view = flow.open()
    assert view is not None
    settle(qtbot, window, view)
    return window, flow, view


def settle(qtbot: Any, window: Any, view: Any) -> None:
    qtbot.waitUntil(lambda: window.tasks.running() == 0 and view.snapshot is not None
                    and not view._loading, timeout=30000)
