"""Reading what the window first shows of a workspace, without Qt, in any thread.

A 20,000-unit park opens on its first screen: the tree with its counts, the
first rows by code and the totals; the rest of the rows follow once the window
shows them (``app.controller``). The totals, the longest of these reads, run
inside SQLite beside the others, on a connection of their own.

No Qt here, so the command line can start the read before the window's modules
have loaded (:func:`preload`); ``load_workspace`` then takes what it read.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from domain.occupancy import OccupancySummary
from store.decode import as_id
from store.files import SCHEMA_HEAD, hold, inspect_file, release
from store.read_model import ParkNode, ReadModel, Scope, UnitRow, summarize

FIRST_PAGE = 200  # rows shown before the rest of a big scope: more than a screen


@dataclass
class Loaded:
    """A workspace checked and read, ready to be shown (made in any thread).

    ``rows`` are all the scope's rows, or only its first screen (``complete``
    False) when the scope is big; ``summary`` covers the whole scope either way.
    """

    path: Path
    reader: ReadModel
    tree: list[ParkNode]
    scope: Scope | None
    rows: list[UnitRow]
    summary: OccupancySummary = field(default_factory=lambda: summarize(()))
    complete: bool = True

    def close(self) -> None:
        """Let go of a workspace read but not shown (another was chosen meanwhile)."""
        self.reader.close()
        release(self.path)


def scope_size(tree: list[ParkNode], scope: Scope | None) -> int:
    """How many live units ``scope`` holds, by the tree's counts (a unit: 1)."""
    total = 0
    for park in tree:
        for building in park.buildings:
            for floor in building.floors:
                if (scope is None or (scope.kind == "park" and scope.id == park.id)
                        or (scope.kind == "building" and scope.id == building.id)
                        or (scope.kind == "floor" and scope.id == floor.id)):
                    total += floor.unit_count
    return 1 if scope is not None and scope.kind == "unit" else total


def load_workspace(path: Path, day: date, page: int = FIRST_PAGE) -> Loaded:
    """Check ``path`` and read what the window first shows; safe in a worker thread.

    A scope of more than ``page`` units is read as its first ``page`` rows by
    code and its totals; the rest is read after the window shows them.
    Raises ``WorkspaceError`` for a file that is not a workspace, or is newer;
    an older schema is upgraded first (after a backup). What :func:`preload`
    started for the same file, day and page is taken instead of reading again.
    """
    early = _take_preload(Path(path), day, page)
    if early is not None:
        return early.result()
    return _load(Path(path), day, page)


def _load(path: Path, day: date, page: int) -> Loaded:
    if inspect_file(path) != SCHEMA_HEAD:
        from store.workspace import Workspace

        Workspace.open(path).close()
    hold(path)  # the reader keeps a connection: nothing here may read the file raw now
    try:
        reader = ReadModel(path)
    except BaseException:
        release(path)
        raise
    totals: _Totals | None = None
    try:
        first = next(iter(reader.fetch("parks", None)), None)
        scope = Scope("park", as_id(first[0])) if first else None
        # The totals take the longest and run inside SQLite, without the GIL: on a
        # connection of their own, beside the tree and the first rows.
        totals = _Totals(path, scope, day)
        tree = reader.park_tree()
        if scope_size(tree, scope) <= page:
            rows = reader.unit_rows(scope, day)
            loaded = Loaded(path, reader, tree, scope, rows, summarize(rows))
        else:
            rows = reader.unit_page(scope, day, page)
            loaded = Loaded(path, reader, tree, scope, rows, totals.result(), complete=False)
        totals.result()  # (its connection closed before the file is let go of)
    except BaseException:
        if totals is not None:
            totals.join()
        reader.close()
        release(path)
        raise
    return loaded


class _Totals(threading.Thread):
    """A scope's totals on a day, read on a connection of their own in a thread of their own."""

    def __init__(self, path: Path, scope: Scope | None, day: date) -> None:
        super().__init__(name="leasemap-totals", daemon=True)
        self._path, self._scope, self._day = path, scope, day
        self._value: OccupancySummary | None = None
        self._error: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            reader = ReadModel(self._path)
            try:
                self._value = reader.summary(self._scope, self._day)
            finally:
                reader.close()
        except BaseException as exc:  # raised again in the caller's thread
            self._error = exc

    def result(self) -> OccupancySummary:
        self.join()
        if self._error is not None:
            raise self._error
        assert self._value is not None
        return self._value



class _Preload(threading.Thread):
    """A workspace's first screen read in a thread of its own, for ``load_workspace``."""

    def __init__(self, path: Path, day: date, page: int) -> None:
        super().__init__(name="leasemap-preload", daemon=True)
        self.path, self.day, self.page = path, day, page
        self._loaded: Loaded | None = None
        self._error: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            self._loaded = _load(self.path, self.day, self.page)
        except BaseException as exc:  # raised again where it is taken
            self._error = exc

    def result(self) -> Loaded:
        self.join()
        if self._error is not None:
            raise self._error
        assert self._loaded is not None
        return self._loaded


_preloads: dict[Path, _Preload] = {}
_preloads_lock = threading.Lock()


def preload(path: Path, day: date | None = None, page: int = FIRST_PAGE) -> None:
    """Start reading ``path``'s first screen now, in a thread, for the window to take.

    The command line calls it with the workspace it was given, before it loads
    the window's modules (a third of a second that the read then overlaps).
    A file the window never opens is closed when the process ends.
    """
    path = Path(path).resolve()
    with _preloads_lock:
        if path not in _preloads:
            _preloads[path] = _Preload(path, day or date.today(), page)


def _take_preload(path: Path, day: date, page: int) -> _Preload | None:
    with _preloads_lock:
        early = _preloads.pop(path.resolve(), None)
    if early is None:
        return None
    if early.day == day and early.page == page:
        return early
    with contextlib.suppress(Exception):  # read for another day: let go of it, read again
        early.result().close()
    return None
