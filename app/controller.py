"""The open workspace as the GUI sees it: scope, date, rows, edits.

The controller is the only GUI-side object that talks to the store. Reads go
through ``store.read_model`` (plain sqlite3: fast, and usable before
SQLAlchemy has loaded); writes go through ``store.workspace``, opened on the
first edit, so every change gets its outbox row.

The window never waits for a big read. A workspace opens on its first screen
(the tree with counts, the first rows by code, the totals) and the rest of the
rows follow from the pool; a date or scope change on more than
``inline_units`` units, and every refresh after another process wrote to the
file, is read in the pool on a connection of its own, the latest request
winning (an earlier one's result is dropped). Smaller reads take a few
milliseconds and are done at once, so what a caller set is shown when the
call returns.
"""

from __future__ import annotations

import sqlite3
import sys
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.loading import Loaded, load_workspace, scope_size
from domain.occupancy import OccupancySummary
from domain.unit_edits import check_unit_edit
from runtime.jobs import Job, gc_paused
from store.files import release
from store.read_model import ParkNode, ReadModel, Scope, UnitRow, summarize

if TYPE_CHECKING:  # SQLAlchemy and the maps load off the start-up path
    from app.workers import TaskRunner
    from services.maps import ParkSite
    from store.workspace import Workspace

INLINE_UNITS = 500  # scopes up to this many units are read at once (a few ms), not in the pool
POLL_MS = 1000  # how often the file is asked whether another process wrote to it


@dataclass(frozen=True)
class _Rows:
    """What a background read of the rows brought back."""

    scope: Scope | None
    day: date
    rows: list[UnitRow]
    summary: OccupancySummary
    tree: list[ParkNode] | None  # read again after another process wrote
    epoch: int  # the controller's count of data changes when the read was asked for


class WorkspaceController(QObject):
    opened = Signal(object)  # Path
    closed = Signal()
    treeChanged = Signal(list)  # [ParkNode]
    rowsChanged = Signal(object)  # [UnitRow] (as given: a table may have arranged them)
    rowChanged = Signal(object)  # UnitRow
    summaryChanged = Signal(object)  # domain.occupancy.OccupancySummary
    loadingChanged = Signal(bool)  # rows are being read in the background
    siteRead = Signal()  # a park map's data read in the background is ready
    outsideChange = Signal()  # another process wrote to the workspace; a refresh follows

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.reader: ReadModel | None = None
        self._workspace: Workspace | None = None
        self.scope: Scope | None = None
        self.day = date.today()
        self.tree: list[ParkNode] = []
        self.rows: list[UnitRow] = []
        self.complete = True  # whether ``rows`` are all the scope's rows (not its first screen)
        # Whether background work may still hold a transaction on the workspace; the
        # window sets it to its task runner's. Closing then refuses rather than pull the
        # connection from under a write.
        self.busy: Callable[[], bool] = lambda: False
        # Where big reads run; the window sets its runner. Without one every read is
        # done at once (scripts, tests of the controller alone).
        self.runner: TaskRunner | None = None
        # Puts rows read in the pool in the table's order there too (the window sets it to
        # its table's; it must touch no Qt object).
        self.arrange: Callable[[list[UnitRow]], list[UnitRow]] | None = None
        self.inline_units = INLINE_UNITS
        self._background: ReadModel | None = None  # the pool's own connection
        self._reading: Any = None  # the task running on it
        self._queue: dict[str, tuple[int, Callable[[ReadModel, Job], Any],
                                     Callable[[Any], None]]] = {}
        self._wanted: dict[str, int] = {}  # the latest request of each kind
        self._serial = 0
        # The park map's data, per park and day, for the data as of ``_epoch``, with the
        # park themes already made of it.
        self._sites: dict[tuple[uuid.UUID, date], tuple[int, ParkSite, dict[Any, Any]]] = {}
        self._epoch = 0  # counts the changes to the data known here
        # The last big scopes' rows, for the data as of ``_epoch``: back on the park from
        # one of its buildings, the park's 20,000 rows are not read again.
        self._big_rows: dict[tuple[Scope | None, date], tuple[int, _Rows]] = {}
        self._maps_used = False  # the park map was asked for: read it ahead after each read
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.check_outside_changes)
        self._watch: sqlite3.Connection | None = None
        self._seen: int | None = None  # the data version whose data is shown

    # -- workspace ---------------------------------------------------------------

    def open(self, path: Path) -> None:
        """Open a workspace; raises WorkspaceError, leaving the current one open."""
        self.adopt(load_workspace(path, self.day))

    def adopt(self, loaded: Loaded) -> None:
        """Show a workspace loaded (maybe in the background); closes the previous one.

        Its first screen is shown now; the rest of a big scope's rows follow.
        """
        try:
            self.close()
        except RuntimeError:
            loaded.close()
            raise
        self.path, self.reader = loaded.path, loaded.reader
        self.tree, self.scope, self.rows = loaded.tree, loaded.scope, loaded.rows
        self.complete = loaded.complete
        self._start_watching(loaded.path)
        self.treeChanged.emit(self.tree)
        self.opened.emit(loaded.path)
        self.summaryChanged.emit(loaded.summary)  # before the rows: both are on screen then
        self.rowsChanged.emit(self.rows)
        if not loaded.complete and self.reader is loaded.reader:  # (not closed meanwhile)
            self._read_rows(background=True, ahead=True)

    def close(self) -> None:
        """Close the writer, then the readers; callers first let running work finish.

        The main window cancels or waits for its tasks before calling this
        (``MainWindow.settle``), so no transaction or read runs on the
        connections closed here; if one still might, this raises and closes nothing.
        """
        if self.reader is None:
            return
        if self.busy():
            raise RuntimeError("background work still runs on the workspace; settle it first")
        self._poll.stop()
        if self._watch is not None:
            self._watch.close()
            self._watch = None
        if self._workspace is not None:
            self._workspace.close()
        if self._background is not None:
            self._background.close()
        self.reader.close()
        if self.path is not None:
            release(self.path)
        self.reader, self._workspace, self.path, self._background = None, None, None, None
        self.tree, self.rows, self.scope = [], [], None
        self._queue.clear()
        self._wanted.clear()
        self._reading = None
        self._sites.clear()
        self._big_rows.clear()
        self._maps_used = False
        self.complete = True
        self.closed.emit()

    @property
    def is_open(self) -> bool:
        return self.reader is not None

    @property
    def loading(self) -> bool:
        """Whether rows are being read in the background (the table shows older ones)."""
        return "rows" in self._queue or (self._reading is not None
                                         and self._reading[0] == "rows")

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
        self._changed()
        self._mark_seen()
        self._set_tree(self.reader.park_tree())
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
        """Show the scope's rows on the day: read now when small, else in the pool."""
        self._read_rows(background=False)

    def row(self, unit_id: uuid.UUID) -> UnitRow | None:
        return next((r for r in self.rows if r.id == unit_id), None)

    def _read_rows(self, background: bool, with_tree: bool = False, ahead: bool = False,
                   ) -> None:
        """Read the rows of the current scope and day (and the tree) and show them.

        In the pool when asked, or when the scope is big and there is a pool;
        otherwise at once. Either way an earlier request still running is
        dropped when it ends.
        """
        scope, day = self.scope, self.day
        if self.reader is None:
            self._wanted["rows"] = self._next()
            self.rows, self.complete = [], True
            self.rowsChanged.emit(self.rows)
            self.summaryChanged.emit(summarize(self.rows))
            return
        big = scope_size(self.tree, scope) > self.inline_units
        kept = self._big_rows.get((scope, day))
        if big and not background and not with_tree and kept is not None \
                and kept[0] == self._epoch:
            self._wanted["rows"] = self._next()  # whatever runs is stale now
            self._queue.pop("rows", None)
            self._show(kept[1])
            return
        if self.runner is None or not (background or big):
            self._wanted["rows"] = self._next()  # whatever runs is stale now
            self._queue.pop("rows", None)
            tree = self.reader.park_tree() if with_tree else None
            rows = self.reader.unit_rows(scope, day)
            self._show(_Rows(scope, day, rows, summarize(rows), tree, self._epoch))
            return

        arrange, epoch = self.arrange, self._epoch

        def work(reader: ReadModel, job: Job) -> _Rows:
            # Without the collector: a full collection among 20,000 new rows holds the GIL
            # for a tenth of a second, and the window with it.
            with gc_paused():
                tree = reader.park_tree() if with_tree else None
                rows = reader.unit_rows(scope, day,
                                        step=lambda done, total: job.step(done, total))
                summary = summarize(rows)
                arranged = rows if arrange is None else arrange(rows)
            return _Rows(scope, day, arranged, summary, tree, epoch)

        self._request("rows", work, lambda read: self._show(read, ahead))

    def _show(self, read: _Rows, ahead: bool = False) -> None:
        """Show rows read; then read the park map's data ahead, in the pool, when asked
        (``ahead``: a big park's first read) or once the map has been used."""
        if read.tree is not None:
            self._set_tree(read.tree)
        if scope_size(self.tree, read.scope) > self.inline_units:
            if len(self._big_rows) >= 2:
                self._big_rows.pop(next(iter(self._big_rows)))
            self._big_rows[(read.scope, read.day)] = (read.epoch, read)
        self.rows, self.complete = read.rows, True
        self.summaryChanged.emit(read.summary)
        self.rowsChanged.emit(self.rows)
        if not self.loading:
            self.loadingChanged.emit(False)
        scope = self.scope
        if (ahead or self._maps_used) and scope is not None and scope.kind == "park" \
                and read.scope == scope and read.day == self.day:
            self.prefetch_site(scope.id, self.day)

    def _set_tree(self, tree: list[ParkNode]) -> None:
        """Take a tree read again; tell the views only when it changed."""
        if tree == self.tree:
            return
        self.tree = tree
        self.treeChanged.emit(self.tree)
        if self.scope is not None and self.scope.kind != "unit" \
                and not any(_holds(p, self.scope) for p in tree):
            self.scope = Scope("park", tree[0].id) if tree else None  # its node went away
        elif self.scope is None and tree:
            self.scope = Scope("park", tree[0].id)

    # -- the park map's data ---------------------------------------------------------

    def park_site(self, park_id: uuid.UUID, day: date) -> ParkSite | None:
        """The park map's data on ``day``, from the cache when it was read already.

        A small park is read at once; a big one is read in the pool, and then
        this returns None and ``siteRead`` says when to ask again.
        """
        self._maps_used = True
        cached = self._sites.get((park_id, day))
        if cached is not None and cached[0] == self._epoch:
            return cached[1]
        if self.reader is None:
            return None
        if self.runner is None or scope_size(self.tree, Scope("park", park_id)) \
                <= self.inline_units:
            from services.maps import read_park_site

            site = read_park_site(self.reader, park_id, day)
            self._keep_site(park_id, day, self._epoch, site, {})
            return site
        self.prefetch_site(park_id, day)
        return None

    def prefetch_site(self, park_id: uuid.UUID, day: date) -> None:
        """Read the park map's data in the pool, unless it is cached or on its way."""
        if self.reader is None or self.runner is None \
                or scope_size(self.tree, Scope("park", park_id)) <= self.inline_units:
            return  # a small park is read when it is shown, in a few milliseconds
        cached = self._sites.get((park_id, day))
        if cached is not None and cached[0] == self._epoch:
            return
        key = f"site {park_id} {day.isoformat()}"
        if key in self._queue or (self._reading is not None and self._reading[0] == key):
            return
        epoch = self._epoch

        def work(reader: ReadModel, job: Job) -> tuple[ParkSite, dict[Any, Any]]:
            from domain.map_modes import MapMode
            from services.maps import DEFAULT_CLASSES, METHODS, park_theme, read_park_site

            with gc_paused():
                site = read_park_site(reader, park_id, day)
                # The map's first look (rent control, default classes), keyed as the map
                # controller keys its themes: opening the map is then only drawing.
                first = (MapMode.RENT_CONTROL, day, METHODS[0], DEFAULT_CLASSES, None, None)
                return site, {first: park_theme(site, MapMode.RENT_CONTROL, day)}

        def done(result: tuple[ParkSite, dict[Any, Any]]) -> None:
            self._keep_site(park_id, day, epoch, *result)
            if epoch == self._epoch:
                self.siteRead.emit()

        self._request(key, work, done)

    def _keep_site(self, park_id: uuid.UUID, day: date, epoch: int, site: ParkSite,
                   themes: dict[Any, Any]) -> None:
        if len(self._sites) >= 4:
            self._sites.pop(next(iter(self._sites)))
        self._sites[(park_id, day)] = (epoch, site, themes)

    def site_themes(self, site: ParkSite) -> dict[Any, Any]:
        """The park themes made with ``site`` in the pool (keyed as the map controller keys
        its own), so the map's first look is not classed again in this thread."""
        for _epoch, cached, themes in self._sites.values():
            if cached is site:
                return themes
        return {}

    # -- background reads ----------------------------------------------------------

    def _next(self) -> int:
        self._serial += 1
        return self._serial

    def _request(self, kind: str, work: Callable[[ReadModel, Job], Any],
                 done: Callable[[Any], None]) -> None:
        """Queue a read of ``kind`` in the pool; a newer one replaces it, and one
        already running is dropped when it returns. One read runs at a time, on
        the pool's own connection; rows go before the maps' data."""
        serial = self._wanted[kind] = self._next()
        self._queue[kind] = (serial, work, done)
        if kind == "rows":
            self.loadingChanged.emit(True)
        self._start_next()

    def _start_next(self) -> None:
        if self._reading is not None or not self._queue or self.runner is None \
                or self.path is None:
            return
        kind = "rows" if "rows" in self._queue else next(iter(self._queue))
        serial, work, done = self._queue.pop(kind)
        if self._background is None:
            self._background = ReadModel(self.path)
        reader = self._background
        self._reading = (kind, serial)

        def finished(result: Any) -> None:
            self._reading = None
            if self._wanted.get(kind) == serial:
                done(result)
            elif kind == "rows" and not self.loading:
                self.loadingChanged.emit(False)
            self._start_next()

        def failed(message: str, trace: str) -> None:
            self._reading = None
            print(f"background read failed: {message}\n{trace}", file=sys.stderr)  # never lost
            self._start_next()

        def dropped(*_args: object) -> None:
            self._reading = None  # cancelled with the workspace: nothing more runs on it

        self.runner.start(lambda job: work(reader, job), finished, failed, dropped,
                          on_discard=dropped)

    # -- another process writes -----------------------------------------------------

    def _start_watching(self, path: Path) -> None:
        """Ask the file every ``POLL_MS`` whether another connection committed.

        ``PRAGMA data_version`` on a connection of its own changes only with
        other connections' commits, and costs a few microseconds.
        """
        self._watch = sqlite3.connect(str(path), check_same_thread=False)
        self._watch.execute("PRAGMA query_only=1")
        self._seen = self._data_version()
        self._poll.start()

    def _data_version(self) -> int | None:
        if self._watch is None:
            return None
        try:
            return int(self._watch.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            return None

    def _mark_seen(self) -> None:
        """What the file holds now is what is shown (after this window's own write)."""
        self._seen = self._data_version()

    def _changed(self) -> None:
        """The data changed: the cached maps' data is out of date."""
        self._epoch += 1

    def check_outside_changes(self) -> bool:
        """Refresh what is shown if another process wrote since; True if it did.

        The tree and the rows are read again in the pool; the views keep their
        selection and scroll position, the unit details keep what is being typed.
        """
        version = self._data_version()
        if self.reader is None or version is None or version == self._seen:
            return False
        self._seen = version
        self._changed()
        self.outsideChange.emit()
        self._read_rows(background=True, with_tree=True)
        return True

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

        unseen = self._data_version() != self._seen  # another process wrote: leave it seen
        with self.workspace.transaction() as session:
            update_unit(session, unit_id, {field: value})
        self._changed()
        if not unseen:
            self._mark_seen()
        assert self.reader is not None
        row = self.reader.unit_row(unit_id, self.day)
        self.rows = [row if r.id == unit_id else r for r in self.rows]
        self.rowChanged.emit(row)
        self.summaryChanged.emit(summarize(self.rows))
        if self.loading:  # read before the edit: read again
            self._read_rows(background=True)
        return row


def _holds(park: ParkNode, scope: Scope) -> bool:
    """Whether ``scope`` is this park or one of its buildings or floors."""
    if scope.kind == "park":
        return park.id == scope.id
    for building in park.buildings:
        if scope.kind == "building" and building.id == scope.id:
            return True
        if scope.kind == "floor" and any(f.id == scope.id for f in building.floors):
            return True
    return False
