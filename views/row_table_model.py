"""One generic Qt table model over a list of plain rows.

Every table in Leasemap is a list of frozen records plus a list of
:class:`Column` s saying what to show; no hand-made model per table. Sorting
uses each column's ``sort_key`` on the raw value, so numbers and dates sort
as numbers and dates, not as the text they are shown as, with empty cells
last. The model sorts its own list with Python's ``sorted`` (20,000 rows in a
few milliseconds); the proxy only filters, since a Python ``lessThan`` called
n log n times would take seconds. Nor does the proxy override
``filterAcceptsRow``: Qt would call it for each of 20,000 rows on every reset
of the rows (a date change), filter or not. The proxy marks the rows it keeps
in one pass of Python and Qt filters on the mark, and with no filter Qt keeps
every row without calling back into Python at all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableView

Row = TypeVar("Row")
AnyIndex = QModelIndex | QPersistentModelIndex

# Roles as plain ints: ``data`` runs for every cell and role of every repaint.
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
KEPT = int(Qt.ItemDataRole.UserRole) + 0x4B  # "1" for a row the filter keeps (see module doc)
_ROLES = frozenset((DISPLAY, ALIGNMENT, FOREGROUND, KEPT))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _default_sort_key(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class Column(Generic[Row]):
    """What one column shows of a row.

    ``title`` is called at display time so a language switch retitles it.
    """

    key: str
    title: Callable[[], str]
    value: Callable[[Row], Any]
    text: Callable[[Any], str] = lambda v: "" if v is None else str(v)
    align_right: bool = False
    sort_key: Callable[[Any], Any] = _default_sort_key
    color: Callable[[Row], str | None] | None = None
    width: int = 10  # starting width in average characters; people resize from there


class Arranged(list[Row]):
    """Rows in a table's order, with the marks of its filter, and the order and filter
    they were arranged for (``RowTableModel.arrange``)."""

    def __init__(self, rows: Sequence[Row], spec: tuple[Any, Any], kept: list[bool]) -> None:
        super().__init__(rows)
        self.spec = spec
        self.kept = kept


class RowTableModel(QAbstractTableModel, Generic[Row]):
    def __init__(self, columns: Sequence[Column[Row]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Row] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._brushes: dict[str, QBrush] = {}
        # Set by a RowFilterProxy: which rows its filter keeps (None: no filter).
        self.keeps: Callable[[Row], bool] | None = None
        self.filter_serial = 0  # counts the filter's changes (the same ``keeps`` may change)
        self._kept: list[bool] = []

    # -- data in -----------------------------------------------------------------

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show ``rows``; rows :meth:`arrange` d for this table's order are taken as they are."""
        if not (isinstance(rows, Arranged) and rows.spec == self._spec()):
            rows = self.arrange(rows)
        self.beginResetModel()
        self._rows = list(rows)
        self._kept = rows.kept
        self.endResetModel()

    def arrange(self, rows: Sequence[Row]) -> Arranged[Row]:
        """``rows`` in this table's order, marked for its filter: the Python part of
        :meth:`set_rows`, which touches no Qt object, so a worker can do it beforehand
        (20,000 rows take a tenth of a second the GUI thread then does not spend)."""
        spec = self._spec()
        sort, keeps, _ = spec
        ordered = list(rows)
        if sort is not None:
            ordered = [ordered[i] for i in self._sorted_positions(ordered, *sort)]
        return Arranged(ordered, spec, [] if keeps is None else [keeps(r) for r in ordered])

    def _spec(self) -> tuple[Any, ...]:
        return self._sort, self.keeps, self.filter_serial

    def mark_kept(self) -> None:
        """Mark the rows the filter keeps, in one pass (before a proxy filters again)."""
        keeps = self.keeps
        self._kept = [] if keeps is None else [keeps(row) for row in self._rows]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        positions = self._sorted_positions(self._rows, column, order)
        self._rows = [self._rows[i] for i in positions]
        if self._kept:
            self._kept = [self._kept[i] for i in positions]
        new_place = {old: new for new, old in enumerate(positions)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent,
            [self.index(new_place[i.row()], i.column()) for i in persistent],
        )
        self.layoutChanged.emit()

    def _sorted_positions(self, rows: Sequence[Row], column: int, order: Qt.SortOrder,
                          ) -> list[int]:
        spec = self._columns[column]
        value, sort_key = spec.value, spec.sort_key
        if sort_key is _default_sort_key:
            keys = [value(row) for row in rows]
        else:
            keys = [sort_key(value(row)) for row in rows]
        present = [i for i, k in enumerate(keys) if k is not None]
        missing = [i for i, k in enumerate(keys) if k is None]
        descending = order == Qt.SortOrder.DescendingOrder
        try:
            present.sort(key=keys.__getitem__, reverse=descending)
        except TypeError:
            present.sort(key=lambda i: str(keys[i]), reverse=descending)
        return present + missing

    def replace_row(self, position: int, row: Row) -> None:
        self._rows[position] = row
        if self._kept and self.keeps is not None:
            self._kept[position] = self.keeps(row)
        self.dataChanged.emit(self.index(position, 0), self.index(position, len(self._columns) - 1))

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_at(self, position: int) -> Row:
        return self._rows[position]

    def columns(self) -> list[Column[Row]]:
        return list(self._columns)

    def size_columns(self, view: QTableView) -> None:
        """Give each column its starting width without measuring every cell."""
        char = view.fontMetrics().averageCharWidth()
        header = view.horizontalHeader()
        for position, column in enumerate(self._columns):
            header.resizeSection(position, column.width * char + 16)

    def retitle(self) -> None:
        """Ask views to re-read the headers (after a language switch)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1)
            )

    # -- Qt model interface ------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section].title()
        return None

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        position = index.row()
        if role == KEPT:
            return "1" if not self._kept or self._kept[position] else "0"
        column = self._columns[index.column()]
        if role == DISPLAY:
            return column.text(column.value(self._rows[position]))
        if role == ALIGNMENT:
            return _RIGHT if column.align_right else None
        if column.color is None:
            return None
        color = column.color(self._rows[position])
        if not color:
            return None
        brush = self._brushes.get(color)
        if brush is None:
            brush = self._brushes[color] = QBrush(QColor(color))
        return brush


class RowFilterProxy(QSortFilterProxyModel):
    """Filters rows by a text and a predicate; sorting is passed to the source model.

    The rows kept are marked by the source model in one pass of Python, and Qt
    filters on the mark (``KEPT``); with no filter, Qt keeps every row itself.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._predicate: Callable[[Any], bool] | None = None
        self._haystack: Callable[[Any], str] | None = None
        self.setDynamicSortFilter(False)
        self.setFilterRole(KEPT)

    def set_text(self, needle: str, haystack: Callable[[Any], str]) -> None:
        self._needle = needle.strip().casefold()
        self._haystack = haystack
        self._refilter()

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        self._predicate = predicate
        self._refilter()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, RowTableModel):
            model.sort(column, order)

    def accepts(self, row: Any) -> bool:
        """Whether the filter keeps ``row``: the predicate, then the text."""
        if self._predicate is not None and not self._predicate(row):
            return False
        if self._needle and self._haystack is not None:
            return self._needle in self._haystack(row).casefold()
        return True

    def _refilter(self) -> None:
        model = self.sourceModel()
        active = self._predicate is not None or bool(self._needle and self._haystack)
        self.beginFilterChange()
        if isinstance(model, RowTableModel):
            model.keeps = self.accepts if active else None
            model.filter_serial += 1
            model.mark_kept()
        self.setFilterFixedString("1" if active else "")
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
