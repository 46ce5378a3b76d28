"""The park → building → floor tree; selecting a node sets the table's scope."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

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
        self._parks: list[ParkLike] = []
        self.itemSelectionChanged.connect(self._emit_scope)
        self._retranslate()

    def set_parks(self, parks: Sequence[ParkLike]) -> None:
        self._parks = list(parks)
        self.blockSignals(True)
        self.clear()
        for park in parks:
            park_item = self._item(park.name, "", "park", park.id)
            self.addTopLevelItem(park_item)
            for building in park.buildings:
                units = sum(f.unit_count for f in building.floors)
                title = building_title(building.code, building.name)
                building_item = self._item(title, str(units), "building", building.id)
                building_item.setToolTip(0, label(building.kind))
                park_item.addChild(building_item)
                for floor in building.floors:
                    building_item.addChild(
                        self._item(floor.name, str(floor.unit_count), "floor", floor.id)
                    )
            park_item.setExpanded(True)
        self.blockSignals(False)
        self.resizeColumnToContents(0)

    def select(self, kind: str, node_id: uuid.UUID) -> bool:
        """Select a node by kind and id; returns False when it is not in the tree."""
        for item in self._walk():
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
        for item in self._walk():
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

    def _walk(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem] = []
        stack = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            item = stack.pop()
            items.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return items

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
