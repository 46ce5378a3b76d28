"""A long list's table over a :class:`~views.row_table_model.RowTableModel` behind a
:class:`~views.row_table_model.RowFilterProxy`, and its rows as the person sees them.

The contract list and the due list (and the unit table's shape) are the same
kind of table: read only, one row chosen at a time, sorted by a click on a
header (by the first column to start), striped, compact rows whose columns a
person resizes, the last one stretched. Which record a row of the view shows
goes through the proxy, so it is said once here.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from views.row_table_model import RowTableModel

Row = TypeVar("Row")
ROW_HEIGHT = 22  # pixels: a long list shows many rows


def list_view(proxy: QSortFilterProxyModel, parent: QWidget) -> QTableView:
    """The table of a long, filtered list (see the module's note)."""
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def row_of(model: RowTableModel[Row], proxy: QSortFilterProxyModel,
           index: QModelIndex | QPersistentModelIndex) -> Row:
    """The record a row of the view (an index of the proxy) shows."""
    return model.row_at(proxy.mapToSource(index).row())


def visible_rows(model: RowTableModel[Row], proxy: QSortFilterProxyModel) -> list[Row]:
    """The records the filter keeps, in the view's order."""
    return [row_of(model, proxy, proxy.index(i, 0)) for i in range(proxy.rowCount())]


def selected_row(model: RowTableModel[Row], proxy: QSortFilterProxyModel,
                 view: QTableView) -> Row | None:
    """The record of the row chosen in ``view``, if one is."""
    rows = view.selectionModel().selectedRows()
    return row_of(model, proxy, rows[0]) if rows else None
