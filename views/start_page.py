"""The window's centre while no workspace is open: what a person can do first.

It shows and emits: each button asks the window for the action it names
(open, new, the demo park, import a floor plan, a recent workspace); the app
decides what happens and replaces this page with the workspace once one opens.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

CONTENT_WIDTH = 760  # px: the page's column; wider windows centre it


class StartPage(QWidget):
    openRequested = Signal()
    newRequested = Signal()
    demoRequested = Signal()
    importRequested = Signal()
    recentRequested = Signal(str)  # the workspace file's path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._recent: list[str] = []
        self.title = QLabel("Leasemap", self)  # the product's name, in every language
        self.title.setStyleSheet("font-size: 22px; font-weight: 600;")
        self.subtitle = QLabel(self)
        self.subtitle.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.hide()

        self.open_button = QCommandLinkButton(self)
        self.new_button = QCommandLinkButton(self)
        self.demo_button = QCommandLinkButton(self)
        self.import_button = QCommandLinkButton(self)
        for button, signal in (
            (self.open_button, self.openRequested),
            (self.new_button, self.newRequested),
            (self.demo_button, self.demoRequested),
            (self.import_button, self.importRequested),
        ):
            button.clicked.connect(signal)
        start = QVBoxLayout()
        start.setSpacing(4)
        self.start_heading = QLabel(self)
        self.start_heading.setStyleSheet("font-weight: 600;")
        start.addWidget(self.start_heading)
        for button in (self.open_button, self.new_button, self.demo_button, self.import_button):
            start.addWidget(button)
        start.addStretch(1)

        self.recent_heading = QLabel(self)
        self.recent_heading.setStyleSheet("font-weight: 600;")
        self.no_recent = QLabel(self)
        self.no_recent.setStyleSheet("color: palette(mid);")
        self.recent_buttons: list[QCommandLinkButton] = []
        self._recent_column = QVBoxLayout()
        self._recent_column.setSpacing(4)
        self._recent_column.addWidget(self.recent_heading)
        self._recent_column.addWidget(self.no_recent)
        self._recent_column.addStretch(1)

        columns = QHBoxLayout()
        columns.setSpacing(32)
        columns.addLayout(start, 1)
        columns.addLayout(self._recent_column, 1)

        content = QWidget(self)
        content.setMaximumWidth(CONTENT_WIDTH)
        body = QVBoxLayout(content)
        body.setSpacing(12)
        body.addWidget(self.title)
        body.addWidget(self.subtitle)
        body.addWidget(self.status)
        body.addSpacing(12)
        body.addLayout(columns)
        body.addStretch(1)

        inner = QWidget(self)
        centred = QHBoxLayout(inner)
        centred.setContentsMargins(32, 32, 32, 32)
        centred.addStretch(1)
        centred.addWidget(content, 100)
        centred.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._retranslate()

    def set_recent(self, paths: list[str]) -> None:
        """The recent workspaces, most recent first: one button each, named by its file."""
        self._recent = list(paths)
        for button in self.recent_buttons:
            self._recent_column.removeWidget(button)
            button.deleteLater()
        self.recent_buttons = []
        for position, path in enumerate(self._recent):
            button = QCommandLinkButton(Path(path).name, str(Path(path).parent), self)
            button.setToolTip(path)
            button.clicked.connect(lambda _c=False, p=path: self.recentRequested.emit(p))
            self._recent_column.insertWidget(2 + position, button)
            self.recent_buttons.append(button)
        self.no_recent.setVisible(not self._recent)

    def set_status(self, text: str) -> None:
        """A line under the title (a workspace being opened), or none for ""."""
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.subtitle.setText(
            self.tr("Open a workspace to begin, or try Leasemap on the demo park.")
        )
        self.start_heading.setText(self.tr("Start"))
        self.recent_heading.setText(self.tr("Recent workspaces"))
        self.no_recent.setText(self.tr("No recent workspaces yet."))
        for button, text, description in (
            (self.open_button, self.tr("Open workspace…"),
             self.tr("A .leasemap file on this computer or a shared drive")),
            (self.new_button, self.tr("New workspace…"),
             self.tr("An empty workspace file")),
            (self.demo_button, self.tr("Open the demo park"),
             self.tr("A made-up park of about 1,500 units to try Leasemap on")),
            (self.import_button, self.tr("Import a floor plan…"),
             self.tr("A DXF, DWG or IFC drawing, into a workspace you open")),
        ):
            button.setText(text)
            button.setDescription(description)
