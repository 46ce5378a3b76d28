"""A flow's one window for the park in scope (Meters, Invoices, Collections, Billing run,
the three-ledger check, Receivables).

Opening it again brings the open one forward; when the scope has moved to another park,
that park's window replaces it (the old one is closed, and with it the work it asked
for). Nothing opens while no workspace is, or while the scope lies in no park. The flow
makes its window and wires it (``make``); the window is deleted when it closes, and its
``destroyed`` tells the flow to forget it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from views.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from app.main_window import MainWindow
    from store.read_model import ParkNode

W = TypeVar("W", bound=QWidget)


def park_in_scope(window: MainWindow) -> ParkNode | None:
    """The park the window's scope lies in; None while no workspace is open."""
    from services.register import park_of

    controller = window.controller
    if not controller.is_open:
        return None
    return park_of(controller.tree, controller.scope)


def park_window(window: MainWindow, shown: W | None, shown_park: uuid.UUID | None,
                make: Callable[[ParkNode], W]) -> W | None:
    """The window for the park in scope, brought forward: ``shown`` while it is that park's
    (``shown_park``), else ``make(park)``'s, made after ``shown`` is closed."""
    park = park_in_scope(window)
    if park is None:
        return None
    if shown is None or shown_park != park.id:
        if shown is not None:
            shown.close()
        shown = make(park)
        shown.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        fit_to_screen(shown)
    shown.show()
    shown.raise_()
    shown.activateWindow()
    return shown
