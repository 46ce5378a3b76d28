"""The window with no workspace offers what to do, and each offer does it.

Real file dialogs (Qt's own, offscreen) are answered as a person would: a
file chosen, or Cancel.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.small_park import SmallPark


@pytest.fixture
def bare(qtbot, settings):
    """The main window as it starts with no workspace, in English."""
    from app.gui import create_window

    win = create_window(settings, language="en")
    qtbot.addWidget(win)
    win.resize(1400, 860)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def answer_file_dialog(qtbot, click: Callable[[], object], path: Path | None) -> str:
    """Click, answer the file dialog that opens (``path``, or Cancel), return its title."""
    seen: dict[str, str] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(10, answer)
            return
        seen["title"] = dialog.windowTitle()
        if path is None:
            dialog.reject()
        else:
            dialog.selectFile(str(path))
            dialog.accept()

    QTimer.singleShot(0, answer)
    click()
    return seen["title"]


def click(qtbot, button) -> Callable[[], None]:
    return lambda: qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_start_page_fills_the_centre_until_a_workspace_opens(bare, small_park):
    page = bare.start_page
    assert bare.centre.currentWidget() is page
    assert [b.text() for b in (page.open_button, page.new_button, page.demo_button,
                               page.import_button)] == [
        "Open workspace…", "New workspace…", "Open the demo park", "Import a floor plan…"]
    assert page.no_recent.isVisible() and not page.recent_buttons
    assert bare.open_workspace(small_park.path)
    assert bare.centre.currentWidget() is bare.tabs


def test_open_asks_for_a_workspace_and_opens_it(bare, small_park, qtbot):
    title = answer_file_dialog(qtbot, click(qtbot, bare.start_page.open_button), small_park.path)
    assert title == "Open workspace"
    assert bare.controller.path == small_park.path
    assert bare.centre.currentWidget() is bare.tabs


def test_cancelling_open_stays_on_the_start_page(bare, qtbot):
    answer_file_dialog(qtbot, click(qtbot, bare.start_page.open_button), None)
    assert not bare.controller.is_open
    assert bare.centre.currentWidget() is bare.start_page


def test_new_creates_a_workspace_and_opens_it(bare, tmp_path, qtbot):
    target = tmp_path / "fresh.leasemap"
    title = answer_file_dialog(qtbot, click(qtbot, bare.start_page.new_button), target)
    assert title == "New workspace"
    from views.new_park_dialog import NewParkDialog

    dialog = bare.findChild(NewParkDialog)  # then the park the workspace is for
    dialog.name_edit.setText("湖畔园区")
    dialog.code_edit.setText("hp")
    dialog.accept()
    assert target.exists() and bare.controller.path == target
    assert bare.centre.currentWidget() is bare.tabs


def test_import_asks_for_the_workspace_then_opens_the_wizard(bare, small_park, qtbot):
    title = answer_file_dialog(
        qtbot, click(qtbot, bare.start_page.import_button), small_park.path)
    assert title == "Open workspace"
    assert bare.controller.path == small_park.path
    wizard = bare.import_flow.wizard
    assert wizard is not None and wizard.isVisible()
    wizard.reject()


def test_the_demo_park_opens_when_it_is_there(bare, small_park, tmp_path, qtbot):
    bare.demo_path = tmp_path / "demo.leasemap"
    shutil.copy(small_park.path, bare.demo_path)
    qtbot.mouseClick(bare.start_page.demo_button, Qt.MouseButton.LeftButton)
    assert bare.controller.path == bare.demo_path
    assert bare.centre.currentWidget() is bare.tabs


def test_the_demo_park_is_built_when_it_is_not_there(bare, tmp_path, qtbot):
    bare.demo_path = tmp_path / "data" / "demo.leasemap"
    qtbot.mouseClick(bare.start_page.demo_button, Qt.MouseButton.LeftButton)
    assert bare.tasks.busy()  # building it in the background, behind a progress dialog
    bare.tasks.cancel_all()
    assert bare.tasks.wait(-1)  # as long as the build takes to notice
    qtbot.waitUntil(lambda: not bare.tasks.busy())
    assert not bare.demo_path.exists()  # cancelled: nothing left behind
    assert bare.centre.currentWidget() is bare.start_page


def test_recent_workspaces_are_listed_and_open(qtbot, settings, small_park: SmallPark,
                                               tmp_path):
    from app.gui import create_window

    gone = tmp_path / "gone.leasemap"
    settings.add_recent(gone)
    settings.add_recent(small_park.path)
    win = create_window(settings, language="en")
    qtbot.addWidget(win)
    win.show()
    page = win.start_page
    assert [b.text() for b in page.recent_buttons] == ["small.leasemap", "gone.leasemap"]
    assert not page.no_recent.isVisible()
    qtbot.mouseClick(page.recent_buttons[1], Qt.MouseButton.LeftButton)
    assert "gone.leasemap" in win.last_warning
    assert [b.text() for b in page.recent_buttons] == ["small.leasemap"]  # forgotten
    qtbot.mouseClick(page.recent_buttons[0], Qt.MouseButton.LeftButton)
    assert win.controller.path == small_park.path
    assert win.centre.currentWidget() is win.tabs
    win.close()


def test_the_start_page_speaks_chinese(bare):
    bare.set_language("zh_CN")
    try:
        page = bare.start_page
        assert page.open_button.text() == "打开工作区…"
        assert page.demo_button.text() == "打开演示园区"
        assert page.import_button.text() == "导入平面图…"
        assert page.recent_heading.text() == "最近打开的工作区"
    finally:
        bare.set_language("en")
