"""A main window on the small hand-made workspace, offscreen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Pixel tests map scene points to device pixels 1:1: a developer's display scaling
# (or font DPI) from the environment would move every pixel they look at.
for _scaling in ("QT_SCALE_FACTOR", "QT_FONT_DPI", "QT_SCREEN_SCALE_FACTORS",
                 "QT_ENABLE_HIGHDPI_SCALING", "QT_AUTO_SCREEN_SCALE_FACTOR"):
    os.environ.pop(_scaling, None)

from tests.small_park import SmallPark, build_small_workspace  # noqa: E402


@pytest.fixture
def small_park(tmp_path: Path) -> SmallPark:
    return build_small_workspace(tmp_path / "small.leasemap")


@pytest.fixture
def settings(tmp_path: Path):
    from app.settings import Settings

    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def window(qtbot, settings, small_park):
    from tests.gui.helpers import open_window

    win = open_window(qtbot, settings, small_park.path)
    yield win
    win.close()


@pytest.fixture
def chinese(qapp):
    """zh_CN installed as the app installs it; English again afterwards."""
    from app.i18n import Languages

    font = qapp.font()
    languages = Languages(qapp)
    languages.install("zh_CN")
    yield languages
    languages.install("en")
    qapp.setFont(font)
