"""The main window's first size fits the screen it opens on: made 1400 × 860, it ran off a
1366 × 768 laptop on first start. With no size saved it is no wider than the screen's free
width and no taller than its free height less a title bar, and sits inside that area; a
size saved by an earlier session is restored as it was. The offscreen screen the tests
run on is 800 × 800, smaller than 1400 × 860 both ways.
"""

from __future__ import annotations

from views.screen_fit import FRAME_ALLOWANCE


def _first_start(qtbot, settings, path=None):
    from app.gui import create_window

    win = create_window(settings, language="zh_CN")
    qtbot.addWidget(win)
    if path is not None:
        assert win.open_workspace(path)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_on_first_start_the_window_fits_the_screen(qtbot, settings, small_park):
    win = _first_start(qtbot, settings, small_park.path)
    room = win.screen().availableGeometry()
    assert room.width() < 1400 and room.height() < 860  # the screen is the small one
    assert win.width() + FRAME_ALLOWANCE // 2 <= room.width()
    assert win.height() + FRAME_ALLOWANCE <= room.height()
    assert room.contains(win.pos())
    assert win.x() + win.width() <= room.right() + 1
    assert win.y() + win.height() + FRAME_ALLOWANCE <= room.bottom() + 1
    # as large as the screen allows: the window is made for a wide screen
    assert win.width() >= room.width() - FRAME_ALLOWANCE
    assert win.height() >= room.height() - 2 * FRAME_ALLOWANCE
    win.close()


def test_with_no_workspace_too(qtbot, settings):
    win = _first_start(qtbot, settings)
    room = win.screen().availableGeometry()
    assert win.width() + FRAME_ALLOWANCE // 2 <= room.width()
    assert win.height() + FRAME_ALLOWANCE <= room.height()
    win.close()


def test_a_size_saved_before_is_restored_as_saved(qtbot, settings, small_park):
    win = _first_start(qtbot, settings, small_park.path)
    win.resize(620, 480)
    win.close()  # saves the geometry
    assert not settings.window_geometry.isEmpty()
    again = _first_start(qtbot, settings, small_park.path)
    assert (again.width(), again.height()) == (620, 480)
    again.close()


def test_the_gui_tests_still_set_their_sizes(qtbot, settings, small_park):
    from tests.gui.helpers import open_window

    sized = open_window(qtbot, settings, small_park.path, (1200, 700))
    assert (sized.width(), sized.height()) == (1200, 700)
    sized.close()
