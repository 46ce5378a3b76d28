"""Maps on paper and in files: PDF pages, a whole building in one PDF, PNG and SVG.

Pages are composed here from what the map controller draws (titles, KPIs,
legend) and painted by :mod:`views.print_layout`; the CLI's ``print`` command
and the GUI's export menu share :func:`building_pages` and :func:`write_pdf`.
A stacking plan is laid out for the paper by :mod:`views.stacking_print` (as
many pages as readable labels need), and PNG and SVG are the same page painted
on an image or an SVG generator, so every export shows what is printed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from app.map_controller import floor_shapes, map_style
from domain.assets import unit_code_local_part
from domain.map_modes import MapKpis, MapMode, map_kpis
from runtime.files import written_whole
from services.area_statement import read_area_statement
from services.maps import (
    DEFAULT_CLASSES,
    METHODS,
    StackFloor,
    ThematicMap,
    needs_readings_begin,
    read_building,
    readings_begin,
    stacked_units,
    thematic_map,
)
from services.register import park_of
from store.map_query import MapUnit
from store.read_model import ReadModel, Scope
from views.area_statement_print import StatementPage, statement_pages
from views.floor_plan import FloorPlanView
from views.labels import area_text, building_title, label, percent_text, rent_text
from views.map_text import legend_note, legend_rows, legend_title, totals_text
from views.print_layout import MM_PER_INCH, MapPage, map_title, page_frame, paint_page
from views.stacking_print import (
    PaperBlock,
    PaperFloor,
    floor_range,
    paginate,
    sheet_painter,
    tall_sheet,
)

translate = QCoreApplication.translate
Page = MapPage | StatementPage  # a statement page lays itself out (``StatementPage.paint``)
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3}
PDF_DPI = 300
PNG_DPI = 200
SVG_DPI = 96


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


def paper_mm(size: str, landscape: bool) -> QSizeF:
    """The paper's size in millimetres, turned as asked."""
    if size not in PAGE_SIZES:
        raise ExportError(translate("Map", "unknown paper size %1 (A4 or A3)").replace(
            "%1", size))
    paper = QPageSize(PAGE_SIZES[size]).size(QPageSize.Unit.Millimeter)
    return paper.transposed() if landscape == (paper.width() < paper.height()) else paper


def one_page_for(size: str, one_page: bool | None) -> bool:
    """Whether a stacking plan goes on one page: as asked, else on A3 (A4 takes pages)."""
    return size == "A3" if one_page is None else one_page


def _page(title: str, subtitle: str, units: Sequence[MapUnit], mode: MapMode, day: date,
          currency: str, legend: Any, paint: Callable[[QPainter, QRectF], float],
          north: bool, note: str = "") -> MapPage:
    return MapPage(title, subtitle, kpi_texts(map_kpis([u.facts for u in units], day), currency),
                   legend_title(mode, currency), legend_rows(mode, legend), footer(day), paint,
                   north, note=note)


def building_pages(
    reader: ReadModel, building_code: str, mode: MapMode, day: date,
    method: str = METHODS[0], classes: int = DEFAULT_CLASSES, size: str = "A4",
    landscape: bool = True, one_page: bool | None = None, font: QFont | None = None,
    area_statement: bool = True,
) -> list[Page]:
    """The stacking plan (over as many pages as its labels need), the area statement, then
    every floor with a plan, of one building, as pages for ``size`` paper (the statement
    left out when ``area_statement`` is false).

    The offscreen views that paint the floors live as long as the pages; call
    :func:`release` when the pages are written.
    """
    park, building = _find_building(reader, building_code)
    maps = read_building(reader, building.id, day)
    ordered = maps.units
    if not ordered:
        raise ExportError(translate("Map", "building %1 has no units to print").replace(
            "%1", building_code))
    currency = park.currency
    head = building_title(building.code, building.name)
    mode_name = label(mode)
    subtitle = f"{park.name} · {head} · {mode_name} · {day.isoformat()}"
    # asked only when let units have no readings: a date before them says so, not "no data"
    begin = (readings_begin(reader, Scope("building", building.id))
             if needs_readings_begin(ordered, mode, day) else None)
    pages: list[Page] = [*stacking_pages(
        StackedBuilding(park.code, building.code, head, subtitle, maps.stack), mode, day,
        currency, thematic_map(ordered, mode, day, method, classes, readings_begin=begin),
        paper_mm(size, landscape), one_page_for(size, one_page), font or QFont())]
    if area_statement:
        pages += statement_pages(read_area_statement(reader, building.id, day),
                                 paper_mm(size, landscape), font or QFont())
    for floor in maps.floors:
        drawn = list(floor.units)
        floor_map = thematic_map(drawn, mode, day, method, classes, readings_begin=begin)
        view = FloorPlanView()
        view.resize(1600, 1000)
        view.show_floor(floor_shapes(floor), floor.background)
        view.apply_style(map_style(
            drawn, floor_map, mode, currency,
            lambda code: unit_code_local_part(code, park.code, building.code)))
        pages.append(_page(f"{head} · {floor.name} — {map_title(mode)}",
                           f"{park.name} · {head} · {floor.name} · {mode_name} · "
                           f"{day.isoformat()}", drawn, mode, day, currency,
                           floor_map.theme.legend, _painter(view), north=True,
                           note=legend_note(floor_map.readings_begin,
                                            overdue=overdue_count(drawn))))
    return pages


@dataclass(frozen=True)
class StackedBuilding:
    """A building's stacking plan as printed: codes for shortening, title, floors."""

    park_code: str
    code: str
    head: str  # the building's title
    subtitle: str
    floors: Sequence[StackFloor]


def stacking_pages(building: StackedBuilding, mode: MapMode, day: date, currency: str,
                   thematic: ThematicMap, paper: QSizeF, one_page: bool, font: QFont,
                   image: bool = False, breaks_from: date | None = None) -> list[MapPage]:
    """The paper stacking plan: one page per sheet of floors, each with the title, the
    legend and its floor range; ``image`` makes one sheet as tall as the tower needs;
    ``breaks_from`` the date whose class breaks ``thematic`` kept (said under the legend)."""
    units = stacked_units(building.floors)
    style = map_style(units, thematic, mode, currency)
    colours = thematic.colours
    floors, i = [], 0
    for floor in building.floors:
        blocks = []
        for unit in floor.units:
            note = style.label(i).partition("\n")[2]
            blocks.append(PaperBlock(
                unit.code, unit_code_local_part(unit.code, building.park_code, building.code),
                note, colours[i], float(unit.facts.area), unit.id in style.outlined))
            i += 1
        floors.append(PaperFloor(floor.name, tuple(blocks), totals_text(floor.totals)))
    base = _page(f"{building.head} — {map_title(mode, 'building')}", building.subtitle, units,
                 mode, day, currency, thematic.theme.legend, _no_map, north=False,
                 note=legend_note(thematic.readings_begin, breaks_from, len(style.outlined)))
    width, height = map_area(base, paper, font)
    if image:
        sheets = paginate(floors, width, height, font, one_page=True)
        if len(sheets) > 1:
            sheets = [tall_sheet(floors, width, height, font)]
    else:
        sheets = paginate(floors, width, height, font, one_page)
    return [replace(base, paint_map=sheet_painter(sheet, font), corner=floor_range(sheet),
                    sheet_height=paper.height() + (sheet.height - height) / 72 * MM_PER_INCH
                    if sheet.height > height else 0.0)
            for sheet in sheets]


def map_area(page: MapPage, paper: QSizeF, font: QFont) -> tuple[float, float]:
    """The size in points of the rectangle ``page``'s map is painted into on ``paper``."""
    device = _device(PDF_DPI)
    k = PDF_DPI / MM_PER_INCH
    frame = page_frame(QRectF(0, 0, paper.width() * k, paper.height() * k), page, font,
                       PDF_DPI, device)
    return frame.inner.width() * 72 / PDF_DPI, frame.inner.height() * 72 / PDF_DPI


def overdue_count(units: Sequence[MapUnit]) -> int:
    """The units a page outlines for bills overdue (``map_style``'s outline), which its
    legend's note names, as the screen's legend does."""
    return sum(1 for u in units if u.facts.overdue)


def _device(dpi: float, width: int = 1, height: int = 1) -> QImage:
    """An image at ``dpi``: fonts measure and paint on it as on the page."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(per_metre)
    image.setDotsPerMeterY(per_metre)
    return image


def _no_map(_painter: QPainter, _target: QRectF) -> float:
    return 0.0


def current_pages(maps: Any, size: str = "A4", landscape: bool = True,
                  one_page: bool | None = None, font: QFont | None = None,
                  image: bool = False, paper: QSizeF | None = None) -> list[MapPage]:
    """The map on screen (floor plan, stacking plan or park map) as pages; a stacking
    plan is laid out for ``size`` paper (or ``paper`` mm, a printer's), or for an
    ``image`` on one sheet as tall as it needs."""
    thematic = maps.thematic
    kind = maps.shown[0]
    if kind == "park":
        legend = maps.park_legend
        view: Any = maps.park_map
    elif thematic is None or not maps.units:
        raise ExportError(translate("Map", "there is no map to export here") if image
                          else translate("Map", "there is no map to print here"))
    else:
        legend = thematic.theme.legend
        view = maps.panel.floor_plan if kind == "floor" else maps.stacking_plan
    park, place = maps.place_names()
    mode_name = label(maps.mode)
    day = maps.day
    title = f"{place or park} — {map_title(maps.mode, kind)}"
    subtitle = " · ".join(x for x in (park, place, mode_name, day.isoformat()) if x)
    if kind == "park":  # buildings coloured by occupancy or level: a numeric legend
        begin = maps.park.readings_begin if maps.park is not None else None
        return [MapPage(title, subtitle, kpi_texts(map_kpis([u.facts for u in maps.units], day),
                                                   maps.currency()),
                        maps.park_legend_title, legend_rows(maps.mode, legend, numeric=True),
                        footer(day), _painter(view), True, translate("Map", "buildings"),
                        note=legend_note(begin, maps.breaks_from()))]
    if kind == "building":
        return _current_stack(maps, subtitle, paper or paper_mm(size, landscape),
                              one_page_for(size, one_page), font or QFont(), image)
    return [_page(title, subtitle, maps.units, maps.mode, day, maps.currency(), legend,
                  _painter(view), north=True,
                  note=legend_note(thematic.readings_begin, maps.breaks_from(),
                                   overdue_count(maps.units)))]


def current_page(maps: Any) -> MapPage:
    """The first page of the map on screen (its KPIs and legend are every page's)."""
    return current_pages(maps)[0]


def _current_stack(maps: Any, subtitle: str, paper: QSizeF, one_page: bool, font: QFont,
                   image: bool) -> list[MapPage]:
    """The building on screen, read again for paper as ``leasemap print`` reads it, in the
    classes and with the note of the screen's (kept breaks, readings' first month)."""
    park = park_of(maps.workspace.tree, maps.workspace.scope)
    code = maps.building_code()
    building = next(b for b in park.buildings if b.code == code)
    day = maps.day
    stack = read_building(maps.workspace.reader, building.id, day).stack
    units = stacked_units(stack)
    shown: ThematicMap = maps.thematic
    kept = maps.breaks_from()
    thematic = thematic_map(units, maps.mode, day, maps.method, maps.classes,
                            breaks=shown.theme.breaks if kept is not None else None,
                            readings_begin=shown.readings_begin)
    head = building_title(building.code, building.name)
    return stacking_pages(StackedBuilding(park.code, building.code, head, subtitle, stack),
                          maps.mode, day, maps.currency(), thematic, paper, one_page, font,
                          image, kept)


def release(pages: Sequence[Page]) -> None:
    """Free the offscreen views behind pages made by :func:`building_pages`."""
    for page in pages:
        view = getattr(getattr(page, "paint_map", None), "view", None)
        if view is not None and view.parent() is None:
            view.deleteLater()


def _painter(view: Any) -> Callable[[QPainter, QRectF], float]:
    def paint(painter: QPainter, target: QRectF) -> float:
        return float(view.render_to(painter, target) or 0.0)

    paint.view = view  # type: ignore[attr-defined]  # keeps the view alive with the page
    return paint


def _find_building(reader: ReadModel, code: str) -> tuple[Any, Any]:
    from services.register import building_codes, find_building

    found = find_building(reader, code)
    if found is not None:
        return found
    known = ", ".join(building_codes(reader))
    raise ExportError(translate("Map", "no building %1 in this workspace (buildings: %2)")
                      .replace("%1", code).replace("%2", known or "—"))


def write_pdf(path: Path, pages: Sequence[Page], size: str = "A4",
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
    with written_whole(path) as partial:  # nothing half-written is left behind
        _paint_pdf(partial, pages, size, landscape, font)
    return len(pages)


def _paint_pdf(partial: Path, pages: Sequence[Page], size: str, landscape: bool,
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
            sheet = QRectF(0, 0, rect.width(), rect.height())
            if isinstance(page, StatementPage):
                page.paint(painter, sheet, base, PDF_DPI)
            else:
                paint_page(painter, sheet, page, base, PDF_DPI)
    finally:
        painter.end()


def write_svg(path: Path, page: MapPage, paper: QSizeF, font: QFont | None = None) -> None:
    """The page as printed (title, KPI strip, map, legend, scale bar) as SVG: vectors
    and real text."""
    from PySide6.QtSvg import QSvgGenerator

    rect = _sheet_rect(page, paper, SVG_DPI)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setResolution(SVG_DPI)
    generator.setSize(rect.size().toSize())
    generator.setViewBox(rect)
    generator.setTitle(page.title)
    generator.setDescription("Leasemap")
    painter = QPainter()
    if not painter.begin(generator):
        raise ExportError(translate("Map", "cannot write %1").replace("%1", str(path)))
    try:
        paint_page(painter, rect, page, font or QFont(), SVG_DPI)
    finally:
        painter.end()


def write_png(path: Path, page: MapPage, paper: QSizeF, font: QFont | None = None,
              dpi: float = PNG_DPI) -> None:
    """The page as printed as a PNG of the paper's shape at ``dpi``."""
    rect = _sheet_rect(page, paper, dpi)
    image = _device(dpi, rect.size().toSize().width(), rect.size().toSize().height())
    image.fill(0xFFFFFF)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    try:
        paint_page(painter, rect, page, font or QFont(), dpi)
    finally:
        painter.end()
    if not image.save(str(path)):
        raise ExportError(translate("Map", "cannot write %1").replace("%1", str(path)))


def _sheet_rect(page: MapPage, paper: QSizeF, dpi: float) -> QRectF:
    """The page in device pixels at ``dpi``: the paper, or taller for a tall tower."""
    k = dpi / MM_PER_INCH
    height = max(paper.height(), page.sheet_height)
    return QRectF(0, 0, round(paper.width() * k), round(height * k))


def export_from_window(window: Any, kind: str) -> None:
    """The export menu of the map tab."""
    from app.map_dialogs import run_export

    run_export(window, kind)
