"""One generic Qt table model over a list of plain rows.

Every table in Leasemap is a list of frozen records plus a list of
:class:`Column` s saying what to show; no hand-made model per table. Sorting
uses each column's ``sort_key`` on the raw value, so numbers and dates sort
as numbers and dates, not as the text they are shown as, with empty cells
last. The model sorts its own list with Python's ``sorted`` (20,000 rows in a
few milliseconds); the proxy only filters, since a Python ``lessThan`` called
n log n times would take seconds.
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


class RowTableModel(QAbstractTableModel, Generic[Row]):
    def __init__(self, columns: Sequence[Column[Row]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Row] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- data in -----------------------------------------------------------------

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort is not None:
            self._rows = [self._rows[i] for i in self._sorted_positions(*self._sort)]
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        positions = self._sorted_positions(column, order)
        self._rows = [self._rows[i] for i in positions]
        new_place = {old: new for new, old in enumerate(positions)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent,
            [self.index(new_place[i.row()], i.column()) for i in persistent],
        )
        self.layoutChanged.emit()

    def _sorted_positions(self, column: int, order: Qt.SortOrder) -> list[int]:
        spec = self._columns[column]
        keys = [spec.sort_key(spec.value(row)) for row in self._rows]
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

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(column.value(row))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column.color is not None:
            color = column.color(row)
            return QBrush(QColor(color)) if color else None
        return None


class RowFilterProxy(QSortFilterProxyModel):
    """Filters rows by a text and a predicate; sorting is passed to the source model."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._predicate: Callable[[Any], bool] | None = None
        self._haystack: Callable[[Any], str] | None = None
        self.setDynamicSortFilter(False)

    def set_text(self, needle: str, haystack: Callable[[Any], str]) -> None:
        self.beginFilterChange()
        self._needle = needle.strip().casefold()
        self._haystack = haystack
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        self.beginFilterChange()
        self._predicate = predicate
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, RowTableModel):
            model.sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, RowTableModel):
            return True
        row = model.row_at(source_row)
        if self._predicate is not None and not self._predicate(row):
            return False
        if self._needle and self._haystack is not None:
            return self._needle in self._haystack(row).casefold()
        return True
