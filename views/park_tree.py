"""The park → building → floor tree; selecting a node sets the table's scope.

A building's floors become items when it is first opened (or one of them is
selected): a 20,000-unit park has some 1,900 floors, and making their items
would hold up the first window. Setting the tree again (after another
process wrote) keeps what was open, selected and scrolled to.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from views.labels import building_title, label

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


class FloorLike(Protocol):
    id: uuid.UUID
    name: str
    unit_count: int


class BuildingLike(Protocol):
    id: uuid.UUID
    code: str
    name: str
    kind: Any
    floors: Sequence[FloorLike]


class ParkLike(Protocol):
    id: uuid.UUID
    code: str
    name: str
    buildings: Sequence[BuildingLike]


class ParkTree(QTreeWidget):
    scopeSelected = Signal(str, object)  # kind ("park" | "building" | "floor"), id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        # The counts stay in view in a narrow dock; long names are elided instead.
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._parks: list[ParkLike] = []
        self.itemSelectionChanged.connect(self._emit_scope)
        self.itemExpanded.connect(self._add_floors)
        self._retranslate()

    def set_parks(self, parks: Sequence[ParkLike]) -> None:
        known = {park.id for park in self._parks}
        opened = {item.data(0, ID_ROLE) for item in self._walk(populate=False)
                  if item.isExpanded()}
        selected = self.selected_scope()
        scrolled = self.verticalScrollBar().value()
        self._parks = list(parks)
        self.blockSignals(True)
        self.clear()
        for park in parks:
            park_units = sum(f.unit_count for b in park.buildings for f in b.floors)
            park_item = self._item(park.name, f"{park_units:,}", "park", park.id)
            self.addTopLevelItem(park_item)
            for building in park.buildings:
                units = sum(f.unit_count for f in building.floors)
                title = building_title(building.code, building.name)
                building_item = self._item(title, f"{units:,}", "building", building.id)
                building_item.setToolTip(0, label(building.kind))
                if building.floors:
                    building_item.setChildIndicatorPolicy(
                        QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
                park_item.addChild(building_item)
                if building.id in opened:
                    self._add_floors(building_item)
                    building_item.setExpanded(True)
            park_item.setExpanded(park.id in opened or park.id not in known)
        if selected is not None:
            self.select(*selected)
        self.blockSignals(False)
        self.verticalScrollBar().setValue(scrolled)

    def select(self, kind: str, node_id: uuid.UUID) -> bool:
        """Select a node by kind and id; returns False when it is not in the tree."""
        if kind == "floor":
            self._add_floors_of(node_id)
        for item in self._walk(populate=False):
            if item.data(0, KIND_ROLE) == kind and item.data(0, ID_ROLE) == node_id:
                self.setCurrentItem(item)
                return True
        return False

    def selected_scope(self) -> tuple[str, uuid.UUID] | None:
        items = self.selectedItems()
        if not items:
            return None
        return items[0].data(0, KIND_ROLE), items[0].data(0, ID_ROLE)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setHeaderLabels([self.tr("Park / building / floor"), self.tr("Units")])
        for item in self._walk(populate=False):
            if item.data(0, KIND_ROLE) == "building":
                building = self._find_building(item.data(0, ID_ROLE))
                if building is not None:
                    item.setToolTip(0, label(building.kind))

    def _find_building(self, building_id: uuid.UUID) -> BuildingLike | None:
        for park in self._parks:
            for building in park.buildings:
                if building.id == building_id:
                    return building
        return None

    def _walk(self, populate: bool = True) -> list[QTreeWidgetItem]:
        """Every item, the floors of every building too unless ``populate`` is False."""
        items: list[QTreeWidgetItem] = []
        stack = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            item = stack.pop()
            if populate:
                self._add_floors(item)
            items.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return items

    def _add_floors(self, item: QTreeWidgetItem) -> None:
        """Make a building item's floor items, once."""
        if item.data(0, KIND_ROLE) != "building" or item.childCount():
            return
        building = self._find_building(item.data(0, ID_ROLE))
        if building is None:
            return
        item.addChildren([self._item(f.name, f"{f.unit_count:,}", "floor", f.id)
                          for f in building.floors])

    def _add_floors_of(self, floor_id: uuid.UUID) -> None:
        """Make the floor items of the building that has ``floor_id``."""
        for park in self._parks:
            for building in park.buildings:
                if any(f.id == floor_id for f in building.floors):
                    for item in self._walk(populate=False):
                        if item.data(0, ID_ROLE) == building.id:
                            self._add_floors(item)
                    return

    @staticmethod
    def _item(text: str, count: str, kind: str, node_id: uuid.UUID) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text, count])
        item.setData(0, KIND_ROLE, kind)
        item.setData(0, ID_ROLE, node_id)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def _emit_scope(self) -> None:
        scope = self.selected_scope()
        if scope is not None:
            self.scopeSelected.emit(*scope)
