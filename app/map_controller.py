"""Wires the map tab to the open workspace: what to draw for the scope, mode and date.

A floor scope shows the floor plan, a building its stacking plan, a park its
site map. Changing the date (time travel) or an edit re-reads the facts and
recolours; changing the mode or classification only recolours.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QObject, QTimer, Signal
from shapely import wkb
from shapely.geometry.base import BaseGeometry

from app.controller import WorkspaceController
from app.map_theme import DEFAULT_CLASSES, METHODS, RAMPS, ThematicMap, thematic_map
from domain.map_modes import (
    CATEGORICAL_MODES,
    MapKpis,
    MapMode,
    RentClass,
    area_weighted,
    map_kpis,
    mode_value,
    occupancy_rate,
)
from spatial.thematic import numeric
from store.map_query import (
    FloorDrawing,
    MapUnit,
    building_sites,
    floor_drawings,
    map_units,
    site_plan,
)
from store.read_model import Scope
from views.floor_plan import MapShape
from views.labels import building_title
from views.map_canvas import MapStyle
from views.map_panel import MapPanel
from views.map_text import (
    building_card,
    legend_rows,
    legend_title,
    unit_card,
    unit_label,
    value_text,
)
from views.park_map import ParkMapView, SiteBuilding
from views.stacking_plan import StackBlock, StackingPlanView, StackRow


class MapController(QObject):
    """Keeps the map tab in step with the workspace controller's scope and date."""

    unitSelected = Signal(object)  # uuid.UUID | None, clicked on a map
    scopeRequested = Signal(str, object)  # kind, id: a park-map building double-clicked

    def __init__(self, workspace: WorkspaceController, panel: MapPanel) -> None:
        super().__init__(panel)
        self.workspace = workspace
        self.panel = panel
        self.stacking_plan = StackingPlanView(panel)
        self.park_map = ParkMapView(panel)
        for view in (self.stacking_plan, self.park_map):
            panel.stack.addWidget(view)
        self.mode = panel.mode()
        self.method = METHODS[0]
        self.classes = DEFAULT_CLASSES
        self.units: list[MapUnit] = []
        self.shown: tuple[str, uuid.UUID | None, tuple[uuid.UUID, ...]] = ("", None, ())
        self.thematic: ThematicMap | None = None
        # Per read of the facts: each mode's values and each classification, so going back
        # to a mode is a recolour only.
        self._values: dict[MapMode, list[RentClass | Decimal | int | None]] = {}
        self._themes: dict[tuple[MapMode, str, int], ThematicMap] = {}
        self._drawn: list[uuid.UUID] = []  # the units drawn, in drawing order
        self.sites: list[SiteBuilding] = []
        self.site_units: dict[uuid.UUID, list[MapUnit]] = {}
        self.park_legend: tuple = ()
        self.park_legend_title = ""
        self.visible = True
        self._stale = True
        # After a read, the other modes are classified in idle moments, one per turn of
        # the event loop, so switching to any of them is a recolour only.
        self._warm = QTimer(self)
        self._warm.setSingleShot(True)
        self._warm.setInterval(0)
        self._warm.timeout.connect(self._warm_next_mode)
        workspace.rowsChanged.connect(self.refresh)
        workspace.rowChanged.connect(self.refresh_unit)
        workspace.closed.connect(self._closed)
        panel.modeChanged.connect(self.set_mode)
        panel.classificationChanged.connect(self.set_classification)
        panel.languageChanged.connect(self.restyle)
        panel.floor_plan.unitClicked.connect(self.unitSelected)
        self.stacking_plan.unitClicked.connect(self.unitSelected)
        self.park_map.buildingActivated.connect(self._open_building)

    # -- what the person chose -------------------------------------------------------

    @property
    def day(self) -> date:
        return self.workspace.day

    def set_mode(self, mode: MapMode) -> None:
        self.mode = MapMode(mode)
        self.restyle()

    def set_classification(self, method: str, classes: int) -> None:
        self.method, self.classes = method, classes
        if self.mode not in CATEGORICAL_MODES:
            self.restyle()

    def select_unit(self, unit_id: uuid.UUID | None) -> None:
        """Follow the table's selection."""
        self.panel.floor_plan.select_unit(unit_id)
        self.stacking_plan.select_unit(unit_id)

    # -- reading and drawing ---------------------------------------------------------

    def set_visible(self, visible: bool) -> None:
        """Maps off screen are not redrawn; they catch up when shown."""
        self.visible = visible
        if visible and self._stale:
            self.refresh()

    def refresh(self, *_args: object) -> None:
        """Re-read the scope's facts on the current date, redraw what changed, recolour."""
        if not self.visible:
            self._stale = True
            return
        self._stale = False
        reader, scope = self.workspace.reader, self.workspace.scope
        if reader is None or scope is None:
            self._closed()
            return
        if scope.kind == "park":
            self._show_park(scope)
            return
        units = map_units(reader, scope, self.day)
        self._values, self._themes = {}, {}
        drawn = _layout_key(scope, units, self.day)
        if self.shown != (scope.kind, scope.id, drawn):
            self.units = units
            if scope.kind == "floor":
                self._draw_floor(scope)
            else:
                self._draw_building(scope)
            self.shown = (scope.kind, scope.id, drawn)
            self._drawn = [u.id for u in self.units]
        else:  # the same drawing: new facts, in the order they are drawn
            by_id = {u.id: u for u in units}
            self.units = [by_id[i] for i in self._drawn]
        self.restyle()

    def refresh_unit(self, row: object) -> None:
        """One unit was edited: re-read its facts alone and recolour (no full re-read)."""
        unit_id = getattr(row, "id", None)
        reader = self.workspace.reader
        if not self.visible or reader is None or unit_id is None:
            self._stale = True
            return
        if self.shown[0] == "building" or not any(u.id == unit_id for u in self.units):
            self.refresh()  # stacking rows show areas and totals: redraw them
            return
        fresh = map_units(reader, Scope("unit", unit_id), self.day)
        if not fresh:
            self.refresh()
            return
        self.units = [fresh[0] if u.id == unit_id else u for u in self.units]
        for members in self.site_units.values():
            members[:] = [fresh[0] if u.id == unit_id else u for u in members]
        self._values, self._themes = {}, {}
        self.restyle()

    def restyle(self) -> None:
        """Colour the shown map in the current mode (no re-reading)."""
        kind = self.shown[0]
        if kind == "park":
            self._style_park()
            return
        if not self.units:  # nothing drawn: no legend of what was shown before
            self.thematic = None
            self.panel.legend.set_legend("", [])
            return
        self.thematic = self.theme(self.mode)
        style = map_style(self.units, self.thematic, self.mode)
        if kind == "floor":
            self.panel.floor_plan.apply_style(style)
        else:
            self.stacking_plan.apply_style(style)
        self._show_legend(self.thematic)
        self._warm.start()

    def _warm_next_mode(self) -> None:
        """Classify one more mode ahead of need; the timer comes back for the next."""
        if not self.units or self.shown[0] not in ("floor", "building"):
            return
        for mode in MapMode:
            if self._theme_key(mode) not in self._themes:
                self.theme(mode)
                self._warm.start()
                return

    def theme(self, mode: MapMode) -> ThematicMap:
        """The shown units in ``mode`` with the current classification (cached per read)."""
        key = self._theme_key(mode)
        found = self._themes.get(key)
        if found is None:
            values = self._values.get(mode)
            if values is None:
                values = self._values[mode] = [mode_value(mode, u.facts, self.day)
                                               for u in self.units]
            found = self._themes[key] = thematic_map(self.units, mode, self.day, self.method,
                                                     self.classes, values)
        return found

    def _theme_key(self, mode: MapMode) -> tuple[MapMode, str, int]:
        if mode in CATEGORICAL_MODES:
            return mode, "categories", 0
        return mode, self.method, self.classes

    def place_names(self) -> tuple[str, str]:
        """The park's name and the shown building (and floor) as a title says them."""
        scope = self.workspace.scope
        for park in self.workspace.tree:
            if scope is None or scope.kind == "park":
                return park.name, ""
            for b in park.buildings:
                head = building_title(b.code, b.name)
                if scope.kind == "building" and b.id == scope.id:
                    return park.name, head
                for f in b.floors:
                    if scope.kind == "floor" and f.id == scope.id:
                        return park.name, f"{head} · {f.name}"
        return "", ""

    def building_code(self) -> str | None:
        """The building shown, or whose floor is shown; None for the park."""
        scope = self.workspace.scope
        if scope is None:
            return None
        for park in self.workspace.tree:
            for b in park.buildings:
                if (scope.kind == "building" and b.id == scope.id) or (
                        scope.kind == "floor" and any(f.id == scope.id for f in b.floors)):
                    return b.code
        return None

    def currency(self) -> str:
        return self.workspace.tree[0].currency if self.workspace.tree else ""

    def _show_legend(self, thematic: ThematicMap) -> None:
        self.panel.legend.set_legend(legend_title(self.mode),
                                     legend_rows(self.mode, thematic.theme.legend))

    def _draw_floor(self, scope: Scope) -> None:
        reader = self.workspace.reader
        assert reader is not None
        drawings = floor_drawings(reader, scope)
        background = _geometry(drawings[0].background) if drawings else None
        shapes, self.units = floor_shapes(self.units)
        if not shapes:
            self.panel.show_message(self.tr(
                "This floor has no plan yet: import a DXF or IFC drawing (File → Import floor "
                "plan), or open the building to see its stacking plan."))
            return
        self.panel.floor_plan.show_floor(shapes, background)
        self.panel.show_page(self.panel.floor_plan)

    def _draw_building(self, scope: Scope) -> None:
        reader = self.workspace.reader
        assert reader is not None
        rows, self.units = stack_rows(floor_drawings(reader, scope), self.units, self.day)
        self.stacking_plan.show_building(rows)
        self.panel.show_page(self.stacking_plan)

    def _show_park(self, scope: Scope) -> None:
        reader = self.workspace.reader
        assert reader is not None
        units = map_units(reader, scope, self.day)
        sites = building_sites(reader, scope.id)
        floors = {f.id: f.building_id for f in floor_drawings(reader, scope)}
        self.site_units = {}
        for u in units:
            self.site_units.setdefault(floors[u.floor_id], []).append(u)
        self.units = units
        self.sites = [SiteBuilding(b.id, b.code, b.name, _geometry(b.footprint)) for b in sites]
        lines = site_plan(reader, scope.id)
        # redrawn when a building, a footprint or the site drawing changed
        drawn = (*((b.id, b.footprint) for b in sites), lines)
        if self.shown[:2] != ("park", scope.id) or self.shown[2] != drawn:
            self.park_map.show_site(self.sites, _geometry(lines))
            self.shown = ("park", scope.id, drawn)  # type: ignore[assignment]
        self.panel.show_page(self.park_map)
        self._style_park()

    def _style_park(self) -> None:
        """Buildings coloured by occupancy (rent control) or their area-weighted level."""
        values: list[float | None] = []
        areas: list[Decimal] = []
        for site in self.sites:
            mine = self.site_units.get(site.id, [])
            facts = [u.facts for u in mine]
            areas.append(sum((f.area for f in facts), Decimal(0)))
            if self.mode is MapMode.RENT_CONTROL:
                value = occupancy_rate(facts)
                values.append(None if value is None else float(value * 100))
            else:
                level = area_weighted(
                    [_number(mode_value(self.mode, f, self.day)) for f in facts],
                    [f.area for f in facts])
                values.append(None if level is None else float(level))
        ramp = ("ylgnbu", False) if self.mode is MapMode.RENT_CONTROL else None
        name, reverse = ramp or RAMPS[self.mode]
        theme = numeric(values, areas, self.method, min(self.classes, max(1, len(values))),
                        name, reverse)
        legend = theme.legend
        colours = [legend[c].colour for c in theme.classes]
        suffix = "%" if ramp else ""
        labels = [s.code if v is None else f"{s.code}\n{v:.0f}{suffix}"
                  for s, v in zip(self.sites, values, strict=True)]
        self.park_map.apply_colours(colours, labels, lambda i: self._building_card(i, values[i]))
        title = self.tr("Occupancy %") if ramp else legend_title(self.mode)
        self.park_legend, self.park_legend_title = legend, title
        self.panel.legend.set_legend(title, legend_rows(self.mode, legend, numeric=True),
                                     self.tr("buildings"))

    def _building_card(self, i: int, value: float | None) -> str:
        site = self.sites[i]
        facts = [u.facts for u in self.site_units.get(site.id, [])]
        kpis = map_kpis(facts, self.day)
        level = "" if value is None else value_text(self.mode, Decimal(f"{value:.2f}"))
        return building_card(site.code, site.name, len(facts), kpis.leased_area,
                             kpis.leasable_area, kpis.occupancy_rate, self.mode, level)

    def _open_building(self, building_id: uuid.UUID) -> None:
        self.scopeRequested.emit("building", building_id)

    def _closed(self) -> None:
        self.units, self.thematic, self.shown = [], None, ("", None, ())
        self.panel.floor_plan.show_floor([])
        self.panel.legend.set_legend("", [])


def _layout_key(scope: Scope, units: Sequence[MapUnit], day: date) -> tuple[object, ...]:
    """What a drawing is made of: when it changes, the map is drawn again, not recoloured.

    A floor plan is its units' outlines; a stacking plan its units' floors and
    areas and the date (its row totals are occupancy on that day).
    """
    if scope.kind == "floor":
        return tuple((u.id, u.geometry) for u in units)
    return (day, *((u.id, u.floor_id, u.facts.area) for u in units))


def floor_shapes(units: Sequence[MapUnit]) -> tuple[list[MapShape], list[MapUnit]]:
    """The units that have an outline, as shapes, and those units (same order)."""
    shapes, drawn = [], []
    for u in units:
        geometry = _geometry(u.geometry)
        if geometry is not None:
            shapes.append(MapShape(u.id, geometry))
            drawn.append(u)
    return shapes, drawn


def map_style(units: Sequence[MapUnit], thematic: ThematicMap, mode: MapMode) -> MapStyle:
    """Colours, labels, overdue outlines and hover cards of ``units`` in ``thematic``."""
    values = thematic.values

    def card(i: int) -> str:
        u, f = units[i], units[i].facts
        return unit_card(u.code, u.name, u.tenant, f.area, f.rent, f.ends_on, mode, values[i])

    return MapStyle(
        colours=thematic.colours,
        labels=lambda i: unit_label(mode, units[i].code, units[i].tenant, values[i]),
        outlined=frozenset(u.id for u in units if u.facts.overdue),
        card=card,
    )


def stack_rows(floors: Sequence[FloorDrawing], units: Sequence[MapUnit], day: date) -> tuple[
    list[StackRow], list[MapUnit]
]:
    """A building's stacking-plan rows (top floor first) and its units in row order."""
    by_floor: dict[uuid.UUID, list[MapUnit]] = {}
    for u in units:
        by_floor.setdefault(u.floor_id, []).append(u)
    rows: list[StackRow] = []
    ordered: list[MapUnit] = []
    for floor in floors:
        mine = by_floor.get(floor.id, [])
        if not mine:
            continue
        totals = map_kpis([u.facts for u in mine], day)
        rows.append(StackRow(floor.name, tuple(StackBlock(u.id, float(u.facts.area))
                                               for u in mine), _totals_text(totals)))
        ordered.extend(mine)
    return rows, ordered


def background_geometry(floor: FloorDrawing) -> BaseGeometry | None:
    return _geometry(floor.background)


def _geometry(data: bytes | None) -> BaseGeometry | None:
    if not data:
        return None
    try:
        geom = wkb.loads(data)
    except Exception:  # a damaged outline must not take the map down
        return None
    return None if geom.is_empty else geom


def _number(value: object) -> Decimal | int | None:
    if value is None or isinstance(value, RentClass):
        return None
    return value  # type: ignore[return-value]


def _totals_text(kpis: MapKpis) -> str:
    rate = kpis.occupancy_rate
    percent = "—" if rate is None else f"{rate * 100:.0f}%"
    return f"{kpis.leased_area:,.0f} / {kpis.leasable_area:,.0f} m²  {percent}"


