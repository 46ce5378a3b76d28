"""A main window on the small hand-made workspace, offscreen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.small_park import TODAY, SmallPark, build_small_workspace


@pytest.fixture
def small_park(tmp_path: Path) -> SmallPark:
    return build_small_workspace(tmp_path / "small.leasemap")


@pytest.fixture
def settings(tmp_path: Path):
    from app.settings import Settings

    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def window(qtbot, settings, small_park):
    from app.gui import create_window

    win = create_window(settings, language="en")
    qtbot.addWidget(win)
    assert win.open_workspace(small_park.path)
    win.date_edit.setDate(TODAY)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
