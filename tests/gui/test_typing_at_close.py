"""What is typed in the unit details and not yet committed is saved when the workspace
closes (the window closes, or another workspace opens), and the field's late
``editingFinished`` finds nothing to do.

The main window on the small workspace, offscreen; a person types into the name
field and does not press Enter. pytest-qt fails a test on any exception that
reaches the event loop.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLineEdit
from sqlalchemy import select

from store.schema import Unit
from store.workspace import Workspace
from tests.gui.helpers import open_window
from tests.small_park import build_small_workspace

CODE = "ZD-A-0102"


def stored_name(path: Path, code: str) -> str:
    with Workspace.open(path) as ws, ws.reading() as session:
        return session.scalars(select(Unit.name).where(Unit.code == code)).one()


def type_name(window, qtbot, text: str) -> QLineEdit:
    """Select the unit, focus its name field and type ``text`` over it, no Enter."""
    row = next(r for r in window.controller.rows if r.code == CODE)
    assert window.table.select_unit(row.id)
    name = window.details.editor("name")
    assert isinstance(name, QLineEdit)
    window.activateWindow()
    name.setFocus()
    qtbot.waitUntil(name.hasFocus)
    name.selectAll()
    qtbot.keyClicks(name, text)
    assert name.text() == text and window.details.edited("name")
    return name


def test_closing_the_window_saves_the_typed_name(qtbot, settings, small_park):
    window = open_window(qtbot, settings, small_park.path)
    type_name(window, qtbot, "New name closing")
    assert window.close()
    assert not window.controller.is_open
    assert stored_name(small_park.path, CODE) == "New name closing"


def test_opening_another_workspace_saves_the_typed_name(qtbot, settings, small_park, tmp_path):
    other = build_small_workspace(tmp_path / "other.leasemap")
    window = open_window(qtbot, settings, small_park.path)
    name = type_name(window, qtbot, "New name switching")
    assert window.open_workspace(other.path)
    assert window.controller.path == other.path
    assert stored_name(small_park.path, CODE) == "New name switching"
    assert stored_name(other.path, CODE) != "New name switching"
    # The field loses its focus on the new workspace: nothing typed is left to send.
    name.clearFocus()
    qtbot.wait(10)
    assert stored_name(other.path, CODE) != "New name switching"
    assert window.close()


def test_a_draft_left_on_another_unit_is_saved_too(qtbot, settings, small_park):
    """Leaving a unit without committing (a map click keeps the focus) keeps a draft;
    closing saves it as well."""
    window = open_window(qtbot, settings, small_park.path)
    type_name(window, qtbot, "Draft name")
    other = next(r for r in window.controller.rows if r.code == "ZD-A-0103")
    window.details.show_unit(other)  # what a click on the map does
    assert window.close()
    assert stored_name(small_park.path, CODE) == "Draft name"
