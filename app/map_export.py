"""Maps on paper and in files: PDF pages, a whole building in one PDF, PNG and SVG.

Pages are composed here from what the map controller draws (titles, KPIs,
legend) and painted by :mod:`views.print_layout`; the CLI's ``print`` command
and the GUI's export menu share :func:`building_pages` and :func:`write_pdf`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from app.map_controller import floor_shapes, map_style, stack_rows
from domain.map_modes import MapKpis, MapMode, map_kpis
from services.maps import DEFAULT_CLASSES, METHODS, read_building, thematic_map
from store.map_query import MapUnit
from store.read_model import ReadModel
from views.floor_plan import FloorPlanView
from views.labels import area_text, building_title, label, percent_text, rent_text
from views.map_canvas import MapCanvas
from views.map_text import legend_rows, legend_title
from views.print_layout import MapPage, paint_page
from views.stacking_plan import StackingPlanView

translate = QCoreApplication.translate
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3}
PDF_DPI = 300


class ExportError(Exception):
    """A map that cannot be exported (nothing to draw, unknown building, bad path)."""


def kpi_texts(kpis: MapKpis, currency: str) -> list[tuple[str, str]]:
    """The KPI strip: occupancy, leased / leasable area, vacancy loss, rent per m².

    ``kpis`` is :func:`domain.map_modes.map_kpis` of the units printed, the sums the
    status bar and ``leasemap info`` make; money is in the park's ``currency``.
    """
    return [
        (translate("Map", "Occupancy"), percent_text(kpis.occupancy_rate)),
        (translate("Map", "Leased / leasable m²"),
         f"{area_text(kpis.leased_area)} / {area_text(kpis.leasable_area)}"),
        (translate("Map", "Vacancy loss so far"), f"{currency} {rent_text(kpis.vacancy_loss)}"),
        (translate("Map", "Rent per m² per month"),
         "—" if kpis.rent_per_m2 is None else f"{currency} {rent_text(kpis.rent_per_m2)}"),
    ]


def footer(day: date) -> str:
    return translate("Map", "Leasemap · as of %1 · printed %2").replace(
        "%1", day.isoformat()).replace("%2", datetime.now().strftime("%Y-%m-%d %H:%M"))


def _page(title: str, subtitle: str, units: Sequence[MapUnit], mode: MapMode, day: date,
          currency: str, legend: Any, paint: Callable[[QPainter, QRectF], float],
          north: bool) -> MapPage:
    return MapPage(title, subtitle, kpi_texts(map_kpis([u.facts for u in units], day), currency),
                   legend_title(mode, currency), legend_rows(mode, legend), footer(day), paint,
                   north)


def building_pages(
    reader: ReadModel, building_code: str, mode: MapMode, day: date,
    method: str = METHODS[0], classes: int = DEFAULT_CLASSES,
) -> list[MapPage]:
    """The stacking plan, then every floor with a plan, of one building, as pages.

    The offscreen views that paint them live as long as the pages; call
    :func:`release` when the pages are written.
    """
    park, building = _find_building(reader, building_code)
    maps = read_building(reader, building.id, day)
    ordered = maps.units
    if not ordered:
        raise ExportError(translate("Map", "building %1 has no units to print").replace(
            "%1", building_code))
    currency = park.currency
    thematic = thematic_map(ordered, mode, day, method, classes)
    stack = StackingPlanView()  # offscreen, owned by its page: see release()
    stack.resize(1600, 1000)
    stack.show_building(stack_rows(maps.stack))
    stack.apply_style(map_style(ordered, thematic, mode, currency))
    head = building_title(building.code, building.name)
    mode_name = label(mode)
    subtitle = f"{park.name} · {head} · {mode_name} · {day.isoformat()}"
    stacking = translate("Map", "Stacking plan")
    pages = [_page(f"{head} — {stacking}", subtitle, ordered, mode, day,
                   currency, thematic.theme.legend, _painter(stack), north=False)]
    for floor in maps.floors:
        drawn = list(floor.units)
        floor_map = thematic_map(drawn, mode, day, method, classes)
        view = FloorPlanView()
        view.resize(1600, 1000)
        view.show_floor(floor_shapes(floor), floor.background)
        view.apply_style(map_style(drawn, floor_map, mode, currency))
        pages.append(_page(f"{head} · {floor.name} — {mode_name}",
                           f"{park.name} · {head} · {floor.name} · {mode_name} · "
                           f"{day.isoformat()}", drawn, mode, day, currency,
                           floor_map.theme.legend, _painter(view), north=True))
    return pages


def current_page(maps: Any) -> MapPage:
    """The map on screen (floor plan, stacking plan or park map) as a page."""
    thematic = maps.thematic
    kind = maps.shown[0]
    if kind == "park":
        legend = maps.park_legend
        view: Any = maps.park_map
    elif thematic is None or not maps.units:
        raise ExportError(translate("Map", "there is no map to print here"))
    else:
        legend = thematic.theme.legend
        view = maps.panel.floor_plan if kind == "floor" else maps.stacking_plan
    park, place = maps.place_names()
    mode_name = label(maps.mode)
    day = maps.day
    title = f"{place} — {mode_name}" if place else f"{park} — {mode_name}"
    subtitle = " · ".join(x for x in (park, place, mode_name, day.isoformat()) if x)
    if kind == "park":  # buildings coloured by occupancy or level: a numeric legend
        return MapPage(title, subtitle, kpi_texts(map_kpis([u.facts for u in maps.units], day),
                                                  maps.currency()),
                       maps.park_legend_title, legend_rows(maps.mode, legend, numeric=True),
                       footer(day), _painter(view), True, translate("Map", "buildings"))
    return _page(title, subtitle, maps.units, maps.mode, day, maps.currency(), legend,
                 _painter(view), north=kind != "building")


def release(pages: Sequence[MapPage]) -> None:
    """Free the offscreen views behind pages made by :func:`building_pages`."""
    for page in pages:
        view = getattr(page.paint_map, "view", None)
        if view is not None and view.parent() is None:
            view.deleteLater()


def _painter(view: Any) -> Callable[[QPainter, QRectF], float]:
    def paint(painter: QPainter, target: QRectF) -> float:
        return float(view.render_to(painter, target) or 0.0)

    paint.view = view  # type: ignore[attr-defined]  # keeps the view alive with the page
    return paint


def _find_building(reader: ReadModel, code: str) -> tuple[Any, Any]:
    for park in reader.park_tree():
        for building in park.buildings:
            if building.code == code:
                return park, building
    known = ", ".join(b.code for p in reader.park_tree() for b in p.buildings)
    raise ExportError(translate("Map", "no building %1 in this workspace (buildings: %2)")
                      .replace("%1", code).replace("%2", known or "—"))


def write_pdf(path: Path, pages: Sequence[MapPage], size: str = "A4",
              landscape: bool = True, font: QFont | None = None) -> int:
    """Write ``pages`` to one PDF (fonts embedded by Qt); returns the page count.

    Written to a temporary name and moved into place, so a failure leaves no
    half-written file behind.
    """
    if not pages:
        raise ExportError(translate("Map", "nothing to print"))
    if size not in PAGE_SIZES:
        raise ExportError(translate("Map", "unknown paper size %1 (A4 or A3)").replace(
            "%1", size))
    path = Path(path)
    if path.is_dir():
        raise ExportError(translate("Map", "%1 is a folder; name the PDF file to write")
                          .replace("%1", str(path)))
    if not path.parent.is_dir():
        raise ExportError(translate("Map", "cannot write %1: no folder %2")
                          .replace("%1", str(path)).replace("%2", str(path.parent)))
    partial = path.with_name(f".{path.name}.part")
    try:
        _paint_pdf(partial, pages, size, landscape, font)
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)  # nothing half-written is left behind
        raise
    return len(pages)


def _paint_pdf(partial: Path, pages: Sequence[MapPage], size: str, landscape: bool,
               font: QFont | None) -> None:
    writer = QPdfWriter(str(partial))
    writer.setResolution(PDF_DPI)
    writer.setTitle(pages[0].title)
    writer.setCreator("Leasemap")
    orientation = (QPageLayout.Orientation.Landscape if landscape
                   else QPageLayout.Orientation.Portrait)
    writer.setPageLayout(QPageLayout(QPageSize(PAGE_SIZES[size]), orientation,
                                     QMarginsF(0, 0, 0, 0)))
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError(translate("Map", "cannot write %1").replace("%1", str(partial)))
    try:
        base = font or QFont()
        for i, page in enumerate(pages):
            if i:
                writer.newPage()
            rect = QRectF(writer.pageLayout().paintRectPixels(PDF_DPI))
            paint_page(painter, QRectF(0, 0, rect.width(), rect.height()), page, base, PDF_DPI)
    finally:
        painter.end()


def _map_view(view: Any) -> Any:
    if not isinstance(view, MapCanvas):
        raise ExportError(translate("Map", "there is no map to export here"))
    return view


def write_svg(path: Path, view: Any, title: str) -> None:
    """The current view as SVG: the scene drawn as vectors."""
    from PySide6.QtSvg import QSvgGenerator

    view = _map_view(view)
    rect = view.viewport().rect()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(rect.size())
    generator.setViewBox(rect)
    generator.setTitle(title)
    generator.setDescription("Leasemap")
    painter = QPainter(generator)
    try:
        view.render(painter)
    finally:
        painter.end()


def write_png(path: Path, view: Any, scale: float = 2.0) -> None:
    """The current view as PNG at ``scale`` × the screen's pixels."""
    view = _map_view(view)
    size = view.viewport().size() * scale
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    try:
        view.render(painter)
    finally:
        painter.end()
    if not image.save(str(path)):
        raise ExportError(translate("Map", "cannot write %1").replace("%1", str(path)))


def export_from_window(window: Any, kind: str) -> None:
    """The export menu of the map tab."""
    from app.map_dialogs import run_export

    run_export(window, kind)
