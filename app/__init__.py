"""The composition root: entry points, main window, wiring."""
