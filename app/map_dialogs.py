"""The map tab's export menu: PNG, SVG, PDF of the map, a building to one PDF, print."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QGuiApplication, QPainter, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from app.map_export import (
    ExportError,
    building_pages,
    current_page,
    release,
    write_pdf,
    write_png,
    write_svg,
)
from views.page_options import PageOptionsDialog
from views.print_layout import paint_page

translate = QCoreApplication.translate
FILTERS = {
    "png": "PNG (*.png)",
    "svg": "SVG (*.svg)",
    "pdf": "PDF (*.pdf)",
    "building-pdf": "PDF (*.pdf)",
}


def run_export(window: Any, kind: str, path: Path | None = None, size: str | None = None,
               landscape: bool | None = None) -> Path | None:
    """Export the map as ``kind``; asks for what is not given. Returns the file written."""
    maps = window.ensure_map()
    if kind == "print":
        print_map(window, maps)
        return None
    if kind in ("pdf", "building-pdf") and (size is None or landscape is None):
        dialog = PageOptionsDialog(window, size or "A4", True if landscape is None else landscape)
        if dialog.exec() != PageOptionsDialog.DialogCode.Accepted:
            return None
        size, landscape = dialog.paper(), dialog.landscape()
    if path is None:
        chosen, _ = QFileDialog.getSaveFileName(
            window, translate("Map", "Export map"), str(Path.home() / f"map.{kind[-3:]}"),
            FILTERS[kind])
        if not chosen:
            return None
        path = Path(chosen)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        view = window.map_panel.current_view()
        if kind == "png":
            write_png(path, view)
        elif kind == "svg":
            write_svg(path, view, window.windowTitle())
        elif kind == "pdf":
            write_pdf(path, [current_page(maps)], size or "A4", bool(landscape),
                      QApplication.font())
        elif kind == "building-pdf":
            code = maps.building_code()
            if code is None:
                raise ExportError(translate("Map", "choose a building or one of its floors first"))
            pages = building_pages(maps.workspace.reader, code, maps.mode, maps.day,
                                   maps.method, maps.classes)
            try:
                write_pdf(path, pages, size or "A4", bool(landscape), QApplication.font())
            finally:
                release(pages)
        else:
            raise ExportError(f"unknown export {kind!r}")
    except (ExportError, OSError) as exc:
        window.warn(translate("Map", "Export failed"), str(exc))
        return None
    finally:
        QGuiApplication.restoreOverrideCursor()
    window.statusBar().showMessage(translate("Map", "Saved %1").replace("%1", str(path)), 5000)
    return path


def print_map(window: Any, maps: Any) -> None:
    """The system print dialog (paper, orientation, printer or PDF), then the map page."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, window)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return
    try:
        page = current_page(maps)
    except ExportError as exc:
        window.warn(translate("Map", "Print failed"), str(exc))
        return
    painter = QPainter(printer)
    try:
        rect = printer.pageLayout().paintRectPixels(printer.resolution())
        paint_page(painter, QRectF(0, 0, rect.width(), rect.height()), page,
                   QApplication.font(), printer.resolution())
    finally:
        painter.end()
