"""Undoable edits: each stores the old and the new value and re-applies one."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from app.controller import WorkspaceController
from views.unit_details import field_title


class EditUnitField(QUndoCommand):
    def __init__(
        self,
        controller: WorkspaceController,
        unit_id: uuid.UUID,
        code: str,
        field: str,
        old: Any,
        new: Any,
        applied: bool = False,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("Commands", "Edit %1 of %2")
            .replace("%1", field_title(field))
            .replace("%2", code)
        )
        self._controller = controller
        self.unit_id = unit_id
        self.field = field
        self.old = old
        self.new = new
        # Pushed after the caller already wrote the value: the stack's first redo skips it.
        self._applied = applied

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._controller.edit_unit(self.unit_id, self.field, self.new)

    def undo(self) -> None:
        self._controller.edit_unit(self.unit_id, self.field, self.old)
