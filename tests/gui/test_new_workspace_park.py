"""New workspace asks for its park, so a floor plan can be imported into it at once.

The real file dialog and the real park dialog are answered as a person would;
then tests/data's small DXF goes through the import wizard into the new park.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox
from sqlalchemy import select

from store.schema import Park, Unit
from store.workspace import Workspace
from tests.gui.test_import_wizard import run_wizard
from views.new_park_dialog import NewParkDialog

DRAWING = Path(__file__).resolve().parent.parent / "data" / "rooms_polylines_text.dxf"


@pytest.fixture
def bare(qtbot, settings):
    from app.gui import create_window

    win = create_window(settings, language="en")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def new_workspace(window, qtbot, path: Path) -> NewParkDialog:
    """File → New workspace, the file dialog answered with ``path``: the park dialog asks."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(10, answer)
            return
        dialog.selectFile(str(path))
        dialog.accept()

    QTimer.singleShot(0, answer)
    window.new_action.trigger()
    dialog = window.findChild(NewParkDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_new_workspace_holds_the_park_asked_for_and_takes_an_import(bare, qtbot, tmp_path):
    target = tmp_path / "fresh.leasemap"
    dialog = new_workspace(bare, qtbot, target)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.currency_combo.currentData() == "CNY" and not ok.isEnabled()
    qtbot.keyClicks(dialog.name_edit, "Harbour Park")
    qtbot.keyClicks(dialog.code_edit, "hp")
    assert ok.isEnabled()
    ok.click()
    assert bare.controller.path == target
    assert [p.code for p in bare.controller.tree] == ["HP"]

    run_wizard(bare, qtbot, DRAWING, "A")
    # The wizard's helper enters level 3 for a drawing named by no floor; its rooms say 1:
    # the person confirms.
    box = bare.import_flow.confirm_box
    assert box is not None and box.isVisible()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: bare.import_flow.last_changes is not None, timeout=30000)
    added = sum(len(f.added) for f in bare.import_flow.last_changes.floors)
    assert added > 0 and "no park" not in bare.last_warning
    bare.close()
    with Workspace.open(target) as ws, ws.reading() as session:
        park = session.scalars(select(Park)).one()
        assert (park.name, park.code, park.currency) == ("Harbour Park", "HP", "CNY")
        codes = session.scalars(select(Unit.code)).all()
    assert len(codes) == added and all(c.startswith("HP-A-") for c in codes)


def test_cancelling_the_park_creates_no_workspace(bare, qtbot, tmp_path):
    target = tmp_path / "never.leasemap"
    dialog = new_workspace(bare, qtbot, target)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not target.exists() and not bare.controller.is_open
