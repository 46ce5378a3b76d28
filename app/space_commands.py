"""Undoable space edits: a split, merge, reshape, new unit or change of use is one command.

The edit is written by the service before the command is pushed (a refusal
then leaves the stack alone), so the stack's first redo is skipped. Undo and
redo ask the service to undo or redo the stored edit by its id, which puts
geometry and areas back exactly. An undo the store refuses (say the units
were leased since) tells the person why and drops the command from the stack.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from domain.space_use import SpaceUse
from views.labels import label


class EditRunner(Protocol):
    """What undoes and redoes a stored edit: True when done, False when refused (said)."""

    def undo_edit(self, edit_id: uuid.UUID) -> bool: ...

    def redo_edit(self, edit_id: uuid.UUID) -> bool: ...


def edit_text(kind: str, codes: Sequence[str], use: SpaceUse | None = None) -> str:
    """The command's name in the Edit menu: "Split 0301", "Merge 0301, 0302", …"""
    names = ", ".join(codes)
    translate = QCoreApplication.translate
    if kind == "split":
        template = translate("SpaceCommands", "Split %1")
    elif kind == "merge":
        template = translate("SpaceCommands", "Merge %1")
    elif kind == "reshape":
        template = translate("SpaceCommands", "Reshape %1")
    elif kind == "draw":
        template = translate("SpaceCommands", "Draw unit %1") if names else translate(
            "SpaceCommands", "Draw a unit")
    elif kind == "use":
        template = translate("SpaceCommands", "Set %1 to %2").replace(
            "%2", label(use) if use is not None else "")
    else:
        template = translate("SpaceCommands", "Edit %1")
    return template.replace("%1", names)


class SpaceEditCommand(QUndoCommand):
    """One stored space edit (``services.space_edits.SpaceEdit``) on the undo stack."""

    def __init__(self, runner: EditRunner, edit: Any, text: str, applied: bool = True) -> None:
        super().__init__(text)
        self._runner = runner
        self.edit = edit
        # Pushed after the service wrote the edit: the stack's first redo skips it.
        self._applied = applied

    @property
    def edit_id(self) -> uuid.UUID:
        return self.edit.id

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        if not self._runner.redo_edit(self.edit.id):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self._runner.undo_edit(self.edit.id):
            self.setObsolete(True)
