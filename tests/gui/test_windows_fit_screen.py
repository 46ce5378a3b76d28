"""The finance windows fit the screen they open on: made for a wide screen (the billing run
1240 × 780, Collections 1340 × 820), each is no taller than the screen's free height less
its title bar when it opens, so its buttons (Post, Close) stay on screen. The offscreen
screen the tests run on is 800 px tall, shorter than either, as a 1366 × 768 laptop is.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QPushButton

from views.screen_fit import FRAME_ALLOWANCE


def _fits(window) -> None:
    room = window.screen().availableGeometry()
    assert window.height() + FRAME_ALLOWANCE <= room.height()
    assert window.height() >= window.minimumSizeHint().height()


def test_the_billing_run_and_collections_fit_the_screen(qtbot, window):
    from views.billing_run_dialog import BillingRunDialog
    from views.collections_window import CollectionsWindow

    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)
    window.billing_menu.run_action.trigger()
    run = window.findChild(BillingRunDialog, "billing-run-dialog")
    qtbot.waitExposed(run)
    _fits(run)
    assert run.width() == 1240  # the width is left as made
    post = run.post_button
    assert isinstance(post, QPushButton)
    bottom = post.mapTo(run, post.rect().bottomLeft()).y()
    assert bottom <= run.height()  # the buttons under the table, inside the window
    run.close()

    window.billing_menu.collections_action.trigger()
    found = [w for w in window.findChildren(QDialog) if isinstance(w, CollectionsWindow)]
    assert found
    qtbot.waitExposed(found[0])
    _fits(found[0])
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)
    found[0].close()
