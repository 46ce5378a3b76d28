"""Map export from the window: PDF, PNG and SVG of the page as printed, a building to one
PDF, and printing. The folder of the last export is remembered."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPainter, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from app.map_export import (
    ExportError,
    building_pages,
    current_pages,
    paper_mm,
    release,
    write_pdf,
    write_png,
    write_svg,
)
from views.message_text import message_text
from views.page_options import PageOptionsDialog
from views.print_layout import paint_page

translate = QCoreApplication.translate
FILTERS = {
    "png": "PNG (*.png)",
    "svg": "SVG (*.svg)",
    "pdf": "PDF (*.pdf)",
    "building-pdf": "PDF (*.pdf)",
}
KINDS = tuple(FILTERS)


def run_export(window: Any, kind: str, path: Path | None = None, size: str | None = None,
               landscape: bool | None = None, one_page: bool | None = None) -> Path | None:
    """Export the map as ``kind``; asks for what is not given. Returns the file written.

    Paper and orientation are asked only when the file is (an interactive export);
    a caller that names the file gets A4 landscape unless it says otherwise.
    """
    maps = window.ensure_map()
    if kind == "print":
        print_map(window, maps)
        return None
    if kind not in KINDS:
        raise ValueError(f"unknown export {kind!r}")
    if path is None and (size is None or landscape is None):
        dialog = PageOptionsDialog(window, size or "A4", True if landscape is None else landscape,
                                   one_page)
        if dialog.exec() != PageOptionsDialog.DialogCode.Accepted:
            return None
        size, landscape, one_page = dialog.paper(), dialog.landscape(), dialog.one_page()
    size = size or "A4"
    landscape = True if landscape is None else landscape
    font = QApplication.font()
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        if kind == "building-pdf":
            code = maps.building_code()
            if code is None:
                raise ExportError(translate("Map", "choose a building or one of its floors first"))
            pages = building_pages(maps.workspace.reader, code, maps.mode, maps.day,
                                   maps.method, maps.classes, size, landscape, one_page, font)
        else:
            pages = current_pages(maps, size, landscape, one_page, font, image=kind != "pdf")
    except ExportError as exc:
        window.warn(translate("Map", "Export failed"), str(exc))
        return None
    finally:
        QGuiApplication.restoreOverrideCursor()
    try:
        if path is None:
            path = _ask_path(window, kind, pages[0].title)
            if path is None:
                return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            paper = paper_mm(size, landscape)
            if kind == "png":
                write_png(path, pages[0], paper, font)
            elif kind == "svg":
                write_svg(path, pages[0], paper, font)
            else:
                write_pdf(path, pages, size, landscape, font)
        except (ExportError, OSError) as exc:
            window.warn(translate("Map", "Export failed"), message_text(exc))
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
    finally:
        release(pages)
    window.settings.export_folder = str(Path(path).resolve().parent)
    window.statusBar().showMessage(translate("Map", "Saved %1").replace("%1", str(path)), 5000)
    return path


def _ask_path(window: Any, kind: str, title: str) -> Path | None:
    """The save dialog, in the folder of the last export, with a name from the title."""
    folder = Path(window.settings.export_folder or Path.home())
    if not folder.is_dir():
        folder = Path.home()
    chosen, _ = QFileDialog.getSaveFileName(
        window, translate("Map", "Export map"), str(folder / f"{file_name(title)}.{kind[-3:]}"),
        FILTERS[kind])
    return Path(chosen) if chosen else None


def file_name(title: str) -> str:
    """A title as a file name any system accepts.

    >>> file_name("A栋 办公楼 — 收益地图")
    'A栋-办公楼-收益地图'
    """
    cleaned = re.sub(r'[\\/:*?"<>|\s—–·]+', "-", title).strip("-.")
    return cleaned or "map"


def print_map(window: Any, maps: Any) -> None:
    """The system print dialog (paper, orientation, printer or PDF), then the map's pages."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, window)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return
    layout = printer.pageLayout()
    size = "A3" if layout.pageSize().id() == layout.pageSize().PageSizeId.A3 else "A4"
    try:
        pages = current_pages(maps, size, one_page=None, font=QApplication.font(),
                              paper=layout.paintRect(QPageLayout.Unit.Millimeter).size())
    except ExportError as exc:
        window.warn(translate("Map", "Print failed"), str(exc))
        return
    painter = QPainter(printer)
    try:
        rect = layout.paintRectPixels(printer.resolution())
        for i, page in enumerate(pages):
            if i:
                printer.newPage()
            paint_page(painter, QRectF(0, 0, rect.width(), rect.height()), page,
                       QApplication.font(), printer.resolution())
    finally:
        painter.end()
        release(pages)
