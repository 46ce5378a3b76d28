"""A park's settings dialog that the app reads into and saves from (Tax rates, Leasing
settings).

While the app reads the park's figures nothing can be typed or saved (Cancel still
closes: :meth:`~SettingsDialog.set_reading`). OK asks the app to save what is typed;
the app answers :meth:`~SettingsDialog.saved` (the dialog closes as accepted) or
:meth:`~SettingsDialog.refused` (why not, in red, and what was typed stays to correct).
A subclass makes ``status`` (the line things are said on), says which widgets take
input (:meth:`~SettingsDialog.inputs`) and shows itself anew in ``_changed``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QLabel, QWidget

from views.subclass_hooks import require_hooks

WARNING_COLOUR = "#b3261e"


class SettingsDialog(QDialog):
    """The app reads the park's settings into it and saves them from it."""

    status: QLabel
    HOOKS = ("inputs", "_changed")

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        require_hooks(cls, SettingsDialog, SettingsDialog.HOOKS)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._saving = False  # OK asked, the app not yet answered
        self._reading = False

    # -- what a subclass says ------------------------------------------------------------

    def inputs(self) -> Sequence[QWidget]:
        """The widgets that take the figures (off while the app reads them)."""
        return ()

    def _changed(self, *_args: object) -> None:
        """Show the figures as typed anew: what OK would save, or why it cannot."""

    # -- in ------------------------------------------------------------------------------

    def set_reading(self, reading: bool) -> None:
        """While the park's figures are read nothing can be typed or saved (Cancel
        closes)."""
        self._reading = reading
        for widget in self.inputs():
            widget.setEnabled(not reading)
        self._changed()

    def set_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {WARNING_COLOUR}" if error else "")

    def refused(self, text: str) -> None:
        """The app could not save: why; what was typed stays to correct."""
        self._saving = False
        self._changed()
        self.set_status(text, error=True)

    def saved(self) -> None:
        """The app saved the figures: the dialog closes as accepted."""
        self._saving = False
        super().accept()
