"""A window no taller than the screen it opens on.

The finance windows are made for a wide screen (1240 × 780 and the like); on a 1366 × 768
laptop, the commonest screen in a park's office, such a window ran past the screen's foot
with its buttons (Post, Close) out of reach, as no dialog can be maximized. Before it is
first shown a window is made to fit the screen's free height, its title bar allowed for;
its width, which fits 1366, is left as made. The main window (1400 × 860 as made) gets a
first size within the screen's free area both ways, and is put inside it.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME_ALLOWANCE = 40  # px: a title bar and the frame, not known before the window shows


def fit_to_screen(window: QWidget, frame: int = FRAME_ALLOWANCE) -> None:
    """Make ``window`` no taller than its screen's free height less ``frame``, or its
    layout's minimum if that is taller."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    room = screen.availableGeometry().height() - frame
    if window.height() > room:
        window.resize(window.width(), max(room, window.minimumSizeHint().height()))


def fit_first_size(window: QWidget, width: int, height: int,
                   frame: int = FRAME_ALLOWANCE) -> None:
    """Give ``window`` its first size, ``width`` × ``height``, or less where its screen's
    free area (less ``frame`` for a title bar, and a border's worth of width) is smaller,
    and put it inside that area: the main window's 1400 × 860 on a 1366 × 768 laptop."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        return
    room = screen.availableGeometry()
    side = frame // 2  # the frame's left and right borders, a few px each
    window.resize(min(width, room.width() - side), min(height, room.height() - frame))
    window.move(room.x() + max(0, (room.width() - window.width() - side) // 2),
                room.y() + max(0, (room.height() - window.height() - frame) // 2))
