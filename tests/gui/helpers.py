"""What the GUI tests share: an open main window, a shown view, a real double click,
and a view rendered for paper."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

ROOT = Path(__file__).resolve().parents[2]


def leasemap(settings_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The ``leasemap`` command in its own process, as a user runs it, offscreen, with
    settings of its own in ``settings_dir``; not checked (the caller looks at the code)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "LEASEMAP_SETTINGS": str(settings_dir / "s.ini")}
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, check=False)


def open_window(qtbot, settings, path: Path, size: tuple[int, int] | None = None):
    """The main window in English on the workspace at ``path``, on TODAY, shown, ``size``
    big (by default 1400 × 860, the size the window was made at before its first size was
    fitted to the screen: the offscreen screen is 800 × 800)."""
    from app.gui import create_window
    from app.main_window import FIRST_SIZE
    from tests.small_park import TODAY

    win = create_window(settings, language="en")
    qtbot.addWidget(win)
    assert win.open_workspace(path)
    win.date_edit.setDate(TODAY)
    win.resize(*(size or FIRST_SIZE))
    win.show()
    qtbot.waitExposed(win)
    return win


def shown(qtbot, view, width: int, height: int):
    """A map view of that size on screen (offscreen), ready to be looked at."""
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    return view


def double_click(qtbot, widget, pos: QPoint) -> None:
    """What a person's double click delivers: press, release, double click, release.

    (QTest's double click alone leaves the button down for later moves.)
    """
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=pos)


def render_scene(view, width: int) -> tuple[QImage, float, QPointF]:
    """The whole scene through ``render_to`` into a white image ``width`` wide.

    Returns the image, pixels per scene unit and the scene point at pixel (0, 0).
    """
    source = view.scene().sceneRect()
    image = QImage(width, round(width * source.height() / source.width()),
                   QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    view.render_to(painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    return image, image.width() / source.width(), source.topLeft()
