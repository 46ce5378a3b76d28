"""The open workspace as the GUI sees it: scope, date, rows, edits.

The controller is the only GUI-side object that talks to the store. Reads go
through ``store.read_model`` (plain sqlite3: fast, and usable before
SQLAlchemy has loaded); writes go through ``store.workspace``, opened on the
first edit, so every change gets its outbox row.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from domain.unit_edits import check_unit_edit
from store.files import SCHEMA_HEAD, hold, inspect_file, release
from store.read_model import ParkNode, ReadModel, Scope, UnitRow, summarize

if TYPE_CHECKING:  # SQLAlchemy loads off the start-up path
    from store.workspace import Workspace


@dataclass
class Loaded:
    """A workspace checked and read, ready to be shown (made in any thread)."""

    path: Path
    reader: ReadModel
    tree: list[ParkNode]
    scope: Scope | None
    rows: list[UnitRow]

    def close(self) -> None:
        """Let go of a workspace read but not shown (another was chosen meanwhile)."""
        self.reader.close()
        release(self.path)


def load_workspace(path: Path, day: date) -> Loaded:
    """Check ``path`` and read what the window first shows; safe in a worker thread.

    Raises ``WorkspaceError`` for a file that is not a workspace, or is newer;
    an older schema is upgraded first (after a backup).
    """
    path = Path(path)
    if inspect_file(path) != SCHEMA_HEAD:
        from store.workspace import Workspace

        Workspace.open(path).close()
    hold(path)  # the reader keeps a connection: nothing here may read the file raw now
    try:
        reader = ReadModel(path)
    except BaseException:
        release(path)
        raise
    try:
        tree = reader.park_tree()
        scope = Scope("park", tree[0].id) if tree else None
        rows = reader.unit_rows(scope, day)
    except BaseException:
        reader.close()
        release(path)
        raise
    return Loaded(path, reader, tree, scope, rows)


class WorkspaceController(QObject):
    opened = Signal(object)  # Path
    closed = Signal()
    treeChanged = Signal(list)  # [ParkNode]
    rowsChanged = Signal(list)  # [UnitRow]
    rowChanged = Signal(object)  # UnitRow
    summaryChanged = Signal(object)  # domain.occupancy.OccupancySummary

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.reader: ReadModel | None = None
        self._workspace: Workspace | None = None
        self.scope: Scope | None = None
        self.day = date.today()
        self.tree: list[ParkNode] = []
        self.rows: list[UnitRow] = []
        # Whether background work may still hold a transaction on the workspace; the
        # window sets it to its task runner's. Closing then refuses rather than pull the
        # connection from under a write.
        self.busy: Callable[[], bool] = lambda: False

    # -- workspace ---------------------------------------------------------------

    def open(self, path: Path) -> None:
        """Open a workspace; raises WorkspaceError, leaving the current one open."""
        self.adopt(load_workspace(path, self.day))

    def adopt(self, loaded: Loaded) -> None:
        """Show a workspace loaded (maybe in the background); closes the previous one."""
        try:
            self.close()
        except RuntimeError:
            loaded.close()
            raise
        self.path, self.reader = loaded.path, loaded.reader
        self.tree, self.scope, self.rows = loaded.tree, loaded.scope, loaded.rows
        self.treeChanged.emit(self.tree)
        self.opened.emit(loaded.path)
        self.rowsChanged.emit(self.rows)
        self.summaryChanged.emit(summarize(self.rows))

    def close(self) -> None:
        """Close the writer, then the reader; callers first let running writes finish.

        The main window cancels or waits for its tasks before calling this
        (``MainWindow.settle``), so no transaction runs on the connections closed
        here; if one still might, this raises and closes nothing.
        """
        if self.reader is None:
            return
        if self.busy():
            raise RuntimeError("background work still runs on the workspace; settle it first")
        if self._workspace is not None:
            self._workspace.close()
        self.reader.close()
        if self.path is not None:
            release(self.path)
        self.reader, self._workspace, self.path = None, None, None
        self.tree, self.rows, self.scope = [], [], None
        self.closed.emit()

    @property
    def is_open(self) -> bool:
        return self.reader is not None

    @property
    def workspace(self) -> Workspace:
        """The writable workspace, opened on first use."""
        if self.path is None:
            raise RuntimeError("no workspace is open")
        if self._workspace is None:
            from store.workspace import Workspace

            self._workspace = Workspace.open(self.path)
        return self._workspace

    def reload(self) -> None:
        """Read the tree and rows again (after an import changed the register)."""
        if self.reader is None:
            return
        self.tree = self.reader.park_tree()
        self.treeChanged.emit(self.tree)
        if self.scope is None and self.tree:
            self.scope = Scope("park", self.tree[0].id)
        self.refresh_rows()

    # -- what is shown -----------------------------------------------------------

    def set_scope(self, kind: str, node_id: uuid.UUID) -> None:
        self.scope = Scope(kind, node_id)
        self.refresh_rows()

    def set_day(self, day: date) -> None:
        if day != self.day:
            self.day = day
            self.refresh_rows()

    def refresh_rows(self) -> None:
        self.rows = [] if self.reader is None else self.reader.unit_rows(self.scope, self.day)
        self.rowsChanged.emit(self.rows)
        self.summaryChanged.emit(summarize(self.rows))

    def row(self, unit_id: uuid.UUID) -> UnitRow | None:
        return next((r for r in self.rows if r.id == unit_id), None)

    # -- edits -------------------------------------------------------------------

    def check_edit(self, field: str, value: Any) -> Any:
        """The value that would be stored, or UnitEditError naming the problem."""
        return check_unit_edit(field, value)

    def current_value(self, unit_id: uuid.UUID, field: str) -> Any:
        from store.edits import unit_values

        with self.workspace.reading() as session:
            return unit_values(session, unit_id, [field])[field]

    def edit_unit(self, unit_id: uuid.UUID, field: str, value: Any) -> UnitRow:
        """Write one field in one transaction (with its outbox row) and re-read the row."""
        from store.edits import update_unit

        with self.workspace.transaction() as session:
            update_unit(session, unit_id, {field: value})
        assert self.reader is not None
        row = self.reader.unit_row(unit_id, self.day)
        self.rows = [row if r.id == unit_id else r for r in self.rows]
        self.rowChanged.emit(row)
        self.summaryChanged.emit(summarize(self.rows))
        return row
