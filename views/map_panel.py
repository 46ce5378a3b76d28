"""The map tab: mode and classification controls, the map, and its legend.

It shows whichever map fits the scope (a floor's plan, a building's stacking
plan, the park's site) and emits what the person asks for; the app decides
what to draw.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMenu,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from domain.map_modes import CATEGORICAL_MODES, MapMode
from views.edit_tools import EditToolBar, EditTools, Tool
from views.floor_plan import FloorPlanView
from views.labels import label
from views.map_legend import MapLegend

METHOD_NAMES = ("natural-breaks", "quantile", "equal-interval")


class LegendWindow(QWidget):
    """The legend's own small tool window over the map; closing it docks the legend back."""

    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Tool)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)  # follows the legend

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()


class MapPanel(QWidget):
    """Controls over the map views, with the legend at the side."""

    modeChanged = Signal(object)  # MapMode
    classificationChanged = Signal(str, int)  # method, classes
    keepBreaksChanged = Signal(bool)  # time travel keeps the class breaks of the date it began
    exportRequested = Signal(str)  # "png" | "svg" | "pdf" | "print" | "building-pdf"
    languageChanged = Signal()  # legends and labels are words: the app redraws them
    detailsToggled = Signal(bool)  # the details button: show (True) or collapse the details
    legendFloatingChanged = Signal(bool)  # the legend floats over the map (True) or docks

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
        self.keep_breaks = QCheckBox(self)  # off: each date is classified on its own
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
        # The map gets the room it needs: the legend can float, the details collapse.
        self.legend_button = QToolButton(self)
        self.legend_button.setCheckable(True)
        self.details_button = QToolButton(self)
        self.details_button.setCheckable(True)
        self.details_button.setChecked(True)
        self.legend_window: LegendWindow | None = None  # made when the legend first floats
        self._legend_placed = False  # moved over the map since it last floated

        self.floor_plan = FloorPlanView(self)
        # Split, merge, vertices, draw, use: over the floor plan only, shown with it.
        self.edit_tools = EditTools(self.floor_plan)
        self.edit_bar = EditToolBar(self.edit_tools, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.floor_plan)
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack.addWidget(self.empty)
        self.legend = MapLegend(self)

        bar = QHBoxLayout()
        for widget in (self.mode_label, self.mode_combo, self.method_label, self.method_combo,
                       self.classes_spin, self.keep_breaks):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.fit_button, self.zoom_button, self.export_button,
                       self.legend_button, self.details_button):
            bar.addWidget(widget)
        self.side = side = QVBoxLayout()
        side.addWidget(self.legend)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.stack, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.edit_bar)
        layout.addLayout(body, 1)

        self.mode_combo.currentIndexChanged.connect(self._mode_chosen)
        self.method_combo.currentIndexChanged.connect(self._classification_chosen)
        self.classes_spin.valueChanged.connect(self._classification_chosen)
        self.keep_breaks.toggled.connect(self.keepBreaksChanged)
        self.fit_button.clicked.connect(self._fit)
        self.zoom_button.clicked.connect(self._zoom_to_selection)
        self.legend_button.toggled.connect(self.set_legend_floating)
        self.details_button.toggled.connect(self.detailsToggled)
        self.stack.currentChanged.connect(self._page_changed)
        self._page_changed()
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

    def set_details_shown(self, shown: bool) -> None:
        """Follow the details dock (collapsed from the View menu or its own button)."""
        self.details_button.setChecked(shown)

    def legend_floating(self) -> bool:
        return self.legend_window is not None and self.legend.parent() is self.legend_window

    def set_legend_floating(self, floating: bool) -> None:
        """Float the legend in a tool window over the map's top right, or dock it back."""
        if floating != self.legend_floating():
            if floating:
                window = self._legend_window()
                self.side.removeWidget(self.legend)
                window.layout().addWidget(self.legend)
                self.legend.show()
                window.adjustSize()
                self._legend_placed = False
                if self.isVisible():  # else when the map shows (showEvent)
                    self._place_legend_window()
                    window.show()
            else:
                assert self.legend_window is not None
                self.legend_window.layout().removeWidget(self.legend)
                self.side.insertWidget(0, self.legend)
                self.legend.show()
                self.legend_window.hide()
            self.legendFloatingChanged.emit(floating)
        self.legend_button.setChecked(floating)

    def _place_legend_window(self) -> None:
        """Over the map's top right corner (where the legend was), once laid out."""
        window = self.legend_window
        if window is None or self._legend_placed:
            return
        self.layout().activate()  # the map has taken the legend's room
        window.layout().activate()
        window.adjustSize()
        right = self.width() - self.layout().contentsMargins().right()
        corner = self.mapToGlobal(QPoint(right, self.stack.geometry().top()))
        window.move(corner + QPoint(-window.sizeHint().width() - 24, 8))
        self._legend_placed = True

    def _legend_window(self) -> LegendWindow:
        if self.legend_window is None:
            self.legend_window = LegendWindow(self)
            self.legend_window.setWindowTitle(self.tr("Legend"))
            self.legend_window.closed.connect(lambda: self.set_legend_floating(False))
        return self.legend_window

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.legend_floating():  # the floating legend is seen with the map only
            self._place_legend_window()
            self._legend_window().show()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if self.legend_floating():
            self._legend_window().hide()

    # -- internals -------------------------------------------------------------------

    def _mode_chosen(self, *_args: object) -> None:
        numeric = self.mode() not in CATEGORICAL_MODES
        for widget in (self.method_label, self.method_combo, self.classes_spin):
            widget.setEnabled(numeric)
        self.modeChanged.emit(self.mode())

    def _page_changed(self, *_args: object) -> None:
        """The editing tools show with the floor plan; leaving it drops what a tool began."""
        on_plan = self.stack.currentWidget() is self.floor_plan
        self.edit_bar.setVisible(on_plan)
        if not on_plan:
            self.edit_tools.set_tool(Tool.SELECT)

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
        self.keep_breaks.setText(self.tr("Keep class breaks"))
        self.keep_breaks.setToolTip(self.tr(
            "Changing the date keeps the classes of the date this was switched on, so colours "
            "compare across dates"))
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
        self.legend_button.setText(self.tr("Float legend"))
        self.legend_button.setToolTip(self.tr(
            "Show the legend in a small window over the map, or put it back beside the map"))
        self.details_button.setText(self.tr("Details"))
        self.details_button.setToolTip(self.tr(
            "Show or collapse the unit details, so the map gets their width"))
        if self.legend_window is not None:
            self.legend_window.setWindowTitle(self.tr("Legend"))
        texts = {
            "png": self.tr("Export map as PNG…"),
            "svg": self.tr("Export map as SVG…"),
            "pdf": self.tr("Export map as PDF…"),
            "building-pdf": self.tr("Building to one PDF…"),
            "print": self.tr("Print…"),
        }
        for kind, action in self.export_actions.items():
            action.setText(texts[kind])
        self.edit_bar.retranslate()
