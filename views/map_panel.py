"""The map tab: mode and classification controls, the map, and its legend.

It shows whichever map fits the scope (a floor's plan, a building's stacking
plan, the park's site) and emits what the person asks for; the app decides
what to draw.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from domain.map_modes import CATEGORICAL_MODES, MapMode
from views.floor_plan import FloorPlanView
from views.labels import label
from views.map_legend import MapLegend

METHOD_NAMES = ("natural-breaks", "quantile", "equal-interval")


class MapPanel(QWidget):
    """Controls over the map views, with the legend at the side."""

    modeChanged = Signal(object)  # MapMode
    classificationChanged = Signal(str, int)  # method, classes
    exportRequested = Signal(str)  # "png" | "svg" | "pdf" | "print" | "building-pdf"
    languageChanged = Signal()  # legends and labels are words: the app redraws them

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode_label = QLabel(self)
        self.mode_combo = QComboBox(self)
        for mode in MapMode:
            self.mode_combo.addItem("", mode)
        self.method_label = QLabel(self)
        self.method_combo = QComboBox(self)
        for name in METHOD_NAMES:
            self.method_combo.addItem("", name)
        self.classes_spin = QSpinBox(self)
        self.classes_spin.setRange(2, 9)
        self.classes_spin.setValue(5)
        self.fit_button = QToolButton(self)
        self.zoom_button = QToolButton(self)
        self.export_button = QToolButton(self)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self)
        self.export_actions = {kind: self.export_menu.addAction("") for kind in
                               ("png", "svg", "pdf", "building-pdf", "print")}
        for kind, action in self.export_actions.items():
            action.triggered.connect(lambda _=False, k=kind: self.exportRequested.emit(k))
        self.export_button.setMenu(self.export_menu)

        self.floor_plan = FloorPlanView(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.floor_plan)
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack.addWidget(self.empty)
        self.legend = MapLegend(self)

        bar = QHBoxLayout()
        for widget in (self.mode_label, self.mode_combo, self.method_label, self.method_combo,
                       self.classes_spin):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.fit_button, self.zoom_button, self.export_button):
            bar.addWidget(widget)
        side = QVBoxLayout()
        side.addWidget(self.legend)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.stack, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addLayout(body, 1)

        self.mode_combo.currentIndexChanged.connect(self._mode_chosen)
        self.method_combo.currentIndexChanged.connect(self._classification_chosen)
        self.classes_spin.valueChanged.connect(self._classification_chosen)
        self.fit_button.clicked.connect(self._fit)
        self.zoom_button.clicked.connect(self._zoom_to_selection)
        self._retranslate()
        self._mode_chosen()

    # -- what the app sets ---------------------------------------------------------

    def mode(self) -> MapMode:
        return MapMode(self.mode_combo.currentData())

    def set_mode(self, mode: MapMode) -> None:
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(mode))

    def method(self) -> str:
        return str(self.method_combo.currentData())

    def classes(self) -> int:
        return self.classes_spin.value()

    def show_page(self, widget: QWidget) -> None:
        if self.stack.indexOf(widget) < 0:
            self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)

    def show_message(self, text: str) -> None:
        """Say why there is no map (no floor plan, nothing selected)."""
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    def current_view(self) -> QWidget:
        return self.stack.currentWidget()

    # -- internals -------------------------------------------------------------------

    def _mode_chosen(self, *_args: object) -> None:
        numeric = self.mode() not in CATEGORICAL_MODES
        for widget in (self.method_label, self.method_combo, self.classes_spin):
            widget.setEnabled(numeric)
        self.modeChanged.emit(self.mode())

    def _classification_chosen(self, *_args: object) -> None:
        self.classificationChanged.emit(self.method(), self.classes())

    def _zoom_to_selection(self) -> None:
        zoom = getattr(self.current_view(), "zoom_to_selection", None)
        if callable(zoom):
            zoom()

    def _fit(self) -> None:
        view = self.current_view()
        fit = getattr(view, "fit", None)
        if callable(fit):
            fit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.languageChanged.emit()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.mode_label.setText(self.tr("Map"))
        for i in range(self.mode_combo.count()):
            self.mode_combo.setItemText(i, label(MapMode(self.mode_combo.itemData(i))))
        self.method_label.setText(self.tr("Classes"))
        names = {
            "natural-breaks": self.tr("Natural breaks (Jenks)"),
            "quantile": self.tr("Quantile"),
            "equal-interval": self.tr("Equal interval"),
        }
        for i in range(self.method_combo.count()):
            self.method_combo.setItemText(i, names[str(self.method_combo.itemData(i))])
        self.fit_button.setText(self.tr("Fit"))
        self.zoom_button.setText(self.tr("Zoom to selection"))
        self.export_button.setText(self.tr("Export"))
        texts = {
            "png": self.tr("Export view as PNG…"),
            "svg": self.tr("Export view as SVG…"),
            "pdf": self.tr("Export map as PDF…"),
            "building-pdf": self.tr("Building to one PDF…"),
            "print": self.tr("Print…"),
        }
        for kind, action in self.export_actions.items():
            action.setText(texts[kind])
