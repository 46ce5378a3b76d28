"""Building the demo from the window runs in the background, with progress and cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton

from store.read_model import ReadModel


def test_build_demo_in_background_then_open(window, qtbot, tmp_path):
    path = tmp_path / "demo.leasemap"
    window.build_demo(path, units=200)
    dialog = window.findChild(QProgressDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: window.controller.path == path, timeout=60000)
    assert not dialog.isVisible()
    reader = ReadModel(path)
    try:
        [park] = reader.park_tree()
        expected = sum(f.unit_count for b in park.buildings for f in b.floors)
    finally:
        reader.close()
    assert 3 <= len(park.buildings) <= 5
    # every unit, the floors' common rooms too (the first screen shows 200, the rest page in)
    qtbot.waitUntil(lambda: window.table.model.rowCount() == expected, timeout=30000)
    texts = [item.text(0) for item in window.tree._walk()]
    assert park.name in texts


def test_cancelled_demo_leaves_nothing(window, qtbot, tmp_path, small_park):
    path = tmp_path / "cancelled.leasemap"
    window.build_demo(path, units=5000)
    dialog = window.findChild(QProgressDialog)
    qtbot.waitUntil(lambda: dialog.value() > 0 or not dialog.isVisible(), timeout=60000)
    button = dialog.findChild(QPushButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=60000)
    assert not path.exists()
    assert not list(tmp_path.glob("cancelled.leasemap*"))
    assert window.controller.path == small_park.path
    assert "nothing was written" in window.statusBar().currentMessage()
