"""Wires the map tab to the open workspace: what to draw for the scope, mode and date.

A floor scope shows the floor plan, a building its stacking plan, a park its
site map. Changing the date (time travel) or an edit re-reads the facts and
recolours; changing the mode or classification only recolours.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QObject, QTimer, Signal

from app.controller import WorkspaceController
from domain.assets import unit_code_local_part
from domain.map_modes import CATEGORICAL_MODES, MapMode
from domain.money import round_to
from domain.occupancy import unit_state
from services.maps import (
    DEFAULT_CLASSES,
    METHODS,
    ModeValue,
    OutlinedFloor,
    ParkSite,
    ParkTheme,
    StackFloor,
    ThematicMap,
    layout_key,
    mode_values,
    needs_readings_begin,
    park_theme,
    read_floor,
    read_stack,
    readings_begin,
    scope_units,
    stacked_units,
    thematic_map,
)
from services.register import park_of
from spatial.thematic import Breaks
from store.map_query import MapUnit
from store.read_model import Scope
from views.floor_plan import MapShape
from views.labels import building_title
from views.map_canvas import MapStyle
from views.map_panel import MapPanel
from views.map_text import (
    building_card,
    legend_note,
    legend_rows,
    legend_title,
    totals_text,
    unit_card,
    unit_label,
    value_text,
)
from views.park_map import ParkMapView, SiteBuilding
from views.stacking_plan import StackBlock, StackingPlanView, StackRow


class MapController(QObject):
    """Keeps the map tab in step with the workspace controller's scope and date.

    Qt wiring and caching only: what is drawn and how it is coloured comes
    from :mod:`services.maps`, which the printed pages and the CLI call too.
    """

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
        self.shown: tuple[str, uuid.UUID | None, tuple[object, ...]] = ("", None, ())
        self.thematic: ThematicMap | None = None
        # Per read of the facts: each mode's values and each classification, so going back
        # to a mode is a recolour only.
        self._values: dict[MapMode, list[ModeValue]] = {}
        self._themes: dict[tuple[MapMode, str, int], ThematicMap] = {}
        self._readings_begin: dict[Scope, date | None] = {}  # per read, asked when needed
        # "Keep class breaks": the day it was switched on, and the classes of that day per
        # scope, mode and classification, so later dates are coloured alike.
        self.breaks_day: date | None = None
        self._breaks: dict[tuple[object, ...], Breaks | None] = {}
        # What the map showed on ``breaks_day`` (its units, or the park's site): classes of
        # another mode or classification are made from it, not from a read in this thread.
        self._breaks_facts: tuple[Scope, list[MapUnit] | ParkSite] | None = None
        self._drawn: list[uuid.UUID] = []  # the units drawn, in drawing order
        self._stack_floors: list[uuid.UUID] = []  # the stacking plan's floors, by row
        self.site: ParkSite | None = None
        self._park_themes_of: ParkSite | None = None  # the site the park themes are of
        self._park_themes: dict[tuple[object, ...], ParkTheme] = {}
        self.park: ParkTheme | None = None
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
        workspace.siteRead.connect(self._site_read)
        panel.modeChanged.connect(self.set_mode)
        panel.classificationChanged.connect(self.set_classification)
        panel.keepBreaksChanged.connect(self.set_keep_breaks)
        panel.languageChanged.connect(self.restyle)
        panel.floor_plan.unitClicked.connect(self.unitSelected)
        self.stacking_plan.unitClicked.connect(self.unitSelected)
        self.stacking_plan.floorActivated.connect(self._open_floor)
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

    def set_keep_breaks(self, keep: bool) -> None:
        """Keep (or stop keeping) the class breaks of today's date while the date changes."""
        self.breaks_day = self.day if keep else None
        self._breaks = {}
        self._breaks_facts = None
        scope = self.workspace.scope
        if keep and scope is not None and self.shown[0] in ("floor", "building"):
            self._breaks_facts = (scope, list(self.units))
            for (mode, method, classes), found in self._themes.items():  # classified already
                if mode not in CATEGORICAL_MODES:
                    self._breaks[(scope, self.shown[0], mode, method, classes)] = (
                        found.theme.breaks)
        elif keep and scope is not None and self.shown[0] == "park" and self.site is not None:
            self._breaks_facts = (scope, self.site)
        self._themes = {}
        self.restyle()

    def select_unit(self, unit_id: uuid.UUID | None) -> None:
        """Follow the table's selection."""
        self.panel.floor_plan.select_unit(unit_id)
        self.stacking_plan.select_unit(unit_id, centre=True)  # a tall tower scrolls to it

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
        self._readings_begin = {}
        if scope.kind == "park":
            self._show_park(scope)
            return
        units = scope_units(reader, scope, self.day)
        self._values, self._themes = {}, {}
        drawn = layout_key(scope, units, self.day)
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
        fresh = scope_units(reader, Scope("unit", unit_id), self.day)
        if not fresh:
            self.refresh()
            return
        self.units = [fresh[0] if u.id == unit_id else u for u in self.units]
        if self.site is not None:
            self.site = self.site.with_unit(fresh[0])
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
            self.panel.legend.set_note("")
            return
        self.thematic = self.theme(self.mode)
        style = map_style(self.units, self.thematic, self.mode, self.currency(),
                          self._local_part())
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
                values = self._values[mode] = mode_values(self.units, mode, self.day)
            found = self._themes[key] = thematic_map(
                self.units, mode, self.day, self.method, self.classes, values,
                self._kept_breaks(mode), self._readings_from(mode, self.units, values))
        return found

    def _readings_from(self, mode: MapMode, units: Sequence[MapUnit],
                       values: Sequence[ModeValue] | None = None) -> date | None:
        """When the scope's meter readings begin, asked only of a mode that has let units
        without readings (once per read of the facts)."""
        reader, scope = self.workspace.reader, self.workspace.scope
        if reader is None or scope is None or not needs_readings_begin(units, mode, self.day,
                                                                        values):
            return None
        if scope not in self._readings_begin:
            self._readings_begin[scope] = readings_begin(reader, scope)
        return self._readings_begin[scope]

    def _kept_breaks(self, mode: MapMode) -> Breaks | None:
        """The class breaks of ``breaks_day`` for the shown scope, when they are kept."""
        kind, scope = self.shown[0], self.workspace.scope
        park = kind == "park"
        if self.breaks_day is None or scope is None or (mode in CATEGORICAL_MODES and not park):
            return None
        key = (scope, kind, mode, self.method, self.classes)
        if key not in self._breaks:
            ready, found = self._breaks_on(self.breaks_day, mode)
            if not ready:  # the park of that day is read in the pool; siteRead redraws
                return None
            self._breaks[key] = found
        return self._breaks[key]

    def _breaks_on(self, day: date, mode: MapMode) -> tuple[bool, Breaks | None]:
        """The classes the shown map had (or would have had) on ``day``, from what it showed
        then, else from the workspace's park cache; (False, None) while a park is read."""
        reader, scope = self.workspace.reader, self.workspace.scope
        if reader is None or scope is None:
            return True, None
        held = self._breaks_facts
        if self.shown[0] == "park":
            if day == self.day:
                site = self.site
            elif held is not None and held[0] == scope and isinstance(held[1], ParkSite):
                site = held[1]
            else:  # cached, read at once when small, or read in the pool
                site = self.workspace.park_site(scope.id, day)
                if site is None:
                    return False, None
            if site is None:
                return True, None
            return True, park_theme(site, mode, day, self.method, self.classes).theme.breaks
        units = self.units
        if day != self.day:  # the drawn units, as they stood on that day
            if held is not None and held[0] == scope and isinstance(held[1], list):
                then = held[1]
            else:  # another floor or building than the one shown then: a scope's read
                then = scope_units(reader, scope, day)
            by_id = {u.id: u for u in then}
            units = [by_id[i] for i in self._drawn if i in by_id]
        return True, thematic_map(units, mode, day, self.method, self.classes).theme.breaks

    def _legend_note(self, before_readings: date | None) -> str:
        """What the legend adds in words (printed pages say the same)."""
        return legend_note(before_readings, self.breaks_from())

    def breaks_from(self) -> date | None:
        """The other date whose class breaks colour the shown map; None when not kept."""
        kept = self.mode not in CATEGORICAL_MODES or self.shown[0] == "park"
        if kept and self.breaks_day is not None and self.breaks_day != self.day:
            return self.breaks_day
        return None

    def _theme_key(self, mode: MapMode) -> tuple[MapMode, str, int]:
        if mode in CATEGORICAL_MODES:
            return mode, "categories", 0
        return mode, self.method, self.classes

    def place_names(self) -> tuple[str, str]:
        """The park's name and the shown building (and floor) as a title says them."""
        scope = self.workspace.scope
        park = park_of(self.workspace.tree, scope)
        if park is None:
            return "", ""
        if scope is None or scope.kind == "park":
            return park.name, ""
        for b in park.buildings:
            head = building_title(b.code, b.name)
            if scope.kind == "building" and b.id == scope.id:
                return park.name, head
            for f in b.floors:
                if scope.kind == "floor" and f.id == scope.id:
                    return park.name, f"{head} · {f.name}"
        return park.name, ""

    def building_code(self) -> str | None:
        """The building shown, or whose floor is shown; None for the park."""
        scope = self.workspace.scope
        park = park_of(self.workspace.tree, scope)
        if scope is None or park is None:
            return None
        for b in park.buildings:
            if (scope.kind == "building" and b.id == scope.id) or (
                    scope.kind == "floor" and any(f.id == scope.id for f in b.floors)):
                return b.code
        return None

    def currency(self) -> str:
        """The currency of the park shown (each park keeps its own)."""
        park = park_of(self.workspace.tree, self.workspace.scope)
        return park.currency if park is not None else ""

    def _show_legend(self, thematic: ThematicMap) -> None:
        self.panel.legend.set_legend(legend_title(self.mode, self.currency()),
                                     legend_rows(self.mode, thematic.theme.legend))
        overdue = sum(1 for u in self.units if u.facts.overdue)
        self.panel.legend.set_note(legend_note(thematic.readings_begin, self.breaks_from(),
                                               overdue))

    def _draw_floor(self, scope: Scope) -> None:
        reader = self.workspace.reader
        assert reader is not None
        floor = read_floor(reader, scope, self.units)
        if floor is None:
            self.units = []
            self.panel.show_message(self.tr(
                "This floor has no plan yet: import a DXF or IFC drawing (File → Import floor "
                "plan), or open the building to see its stacking plan."))
            return
        self.units = list(floor.units)
        self.panel.floor_plan.show_floor(floor_shapes(floor), floor.background)
        self.panel.show_page(self.panel.floor_plan)

    def _draw_building(self, scope: Scope) -> None:
        reader = self.workspace.reader
        assert reader is not None
        floors = read_stack(reader, scope, self.units, self.day)
        self.units = stacked_units(floors)
        self._stack_floors = [f.floor_id for f in floors]  # by row, for a double click
        self.stacking_plan.show_building(stack_rows(floors))
        self.panel.show_page(self.stacking_plan)

    def _show_park(self, scope: Scope) -> None:
        # From the workspace's cache; a big park is read in the pool and comes with siteRead
        # (the park shown meanwhile stays as it was).
        site = self.workspace.park_site(scope.id, self.day)
        if site is None:
            if self.shown[:2] != ("park", scope.id):
                self.panel.show_message(self.tr("Reading the park map…"))
            return
        self.site = site
        self.units = self.site.units
        if self.shown[:2] != ("park", scope.id) or self.shown[2] != self.site.layout:
            self.park_map.show_site(site_buildings(self.site), self.site.lines)
            self.shown = ("park", scope.id, self.site.layout)
        self.panel.show_page(self.park_map)
        self._style_park()

    def _style_park(self) -> None:
        """Buildings coloured by occupancy (rent control) or their area-weighted level."""
        if self.site is None:
            return
        self.park = park = self._park_theme(
            self._kept_breaks(self.mode), self._readings_from(self.mode, self.site.units))
        currency = self.currency()
        occupancy = self.mode in CATEGORICAL_MODES
        labels = [b.code if v is None else f"{b.code}\n{_level_text(self.mode, v)}"
                  for b, v in zip(self.site.buildings, park.levels, strict=True)]
        self.park_map.apply_colours(park.colours, labels,
                                    lambda i: self._building_card(i, currency))
        title = self.tr("Occupancy %") if occupancy else legend_title(self.mode, currency)
        self.park_legend, self.park_legend_title = park.theme.legend, title
        self.panel.legend.set_legend(title, legend_rows(self.mode, park.theme.legend,
                                                        numeric=True), self.tr("buildings"))
        self.panel.legend.set_note(self._legend_note(park.readings_begin))

    def _park_theme(self, breaks: Breaks | None, readings: date | None) -> ParkTheme:
        """The shown park in the current mode, classified once per site read and choice:
        20,000 units take a quarter of a second to class, and coming back to the park
        map, or to a mode, is then only colouring."""
        assert self.site is not None
        if self._park_themes_of is not self.site:
            self._park_themes_of = self.site
            self._park_themes = dict(self.workspace.site_themes(self.site))
        key = (self.mode, self.day, self.method, self.classes, breaks, readings)
        found = self._park_themes.get(key)
        if found is None:
            found = self._park_themes[key] = park_theme(
                self.site, self.mode, self.day, self.method, self.classes, breaks, readings)
        return found

    def _site_read(self) -> None:
        """The park map's data, read in the pool, has come: show it if the park is shown."""
        scope = self.workspace.scope
        if scope is not None and scope.kind == "park":
            self.refresh()

    def _building_card(self, i: int, currency: str) -> str:
        assert self.site is not None and self.park is not None
        b, totals = self.site.buildings[i], self.park.totals[i]
        return building_card(b.code, b.name, totals, self.mode, self.park.shown_level(i),
                             currency)

    def _open_building(self, building_id: uuid.UUID) -> None:
        self.scopeRequested.emit("building", building_id)

    def _open_floor(self, row: int) -> None:
        """A floor's pinned name double-clicked on the stacking plan: open that floor."""
        floors = self._stack_floors
        if self.shown[0] == "building" and 0 <= row < len(floors):
            self.scopeRequested.emit("floor", floors[row])

    def _local_part(self) -> Callable[[str], str] | None:
        """A unit code's local part (``0601``) in the shown building, for narrow blocks."""
        park = park_of(self.workspace.tree, self.workspace.scope)
        building = self.building_code()
        if park is None or building is None:
            return None
        return lambda code: unit_code_local_part(code, park.code, building)

    def _closed(self) -> None:
        self.units, self.thematic, self.shown = [], None, ("", None, ())
        self.site, self.park = None, None
        self.panel.floor_plan.show_floor([])
        self.panel.legend.set_legend("", [])
        self.panel.legend.set_note("")


def _level_text(mode: MapMode, level: Decimal) -> str:
    """A building's label on the park map: whole percent, or its level in the mode."""
    if mode in CATEGORICAL_MODES:
        return f"{round_to(level, 0)}%"
    return value_text(mode, level)


def floor_shapes(floor: OutlinedFloor) -> list[MapShape]:
    """A floor's outlined units as the floor plan view's shapes."""
    return [MapShape(u.id, outline) for u, outline in zip(floor.units, floor.outlines,
                                                           strict=True)]


def stack_rows(floors: Sequence[StackFloor]) -> list[StackRow]:
    """The stacking plan view's rows; widths by area are drawing, so floats are fine here."""
    return [StackRow(f.name, tuple(StackBlock(u.id, float(u.facts.area)) for u in f.units),
                     totals_text(f.totals)) for f in floors]


def site_buildings(site: ParkSite) -> list[SiteBuilding]:
    """The park map view's buildings."""
    return [SiteBuilding(b.id, b.code, b.name, b.footprint) for b in site.buildings]


def map_style(units: Sequence[MapUnit], thematic: ThematicMap, mode: MapMode,
              currency: str = "", local_part: Callable[[str], str] | None = None) -> MapStyle:
    """Colours, labels, overdue outlines and hover cards of ``units`` in ``thematic``;
    ``local_part`` shortens a code for a block too narrow for all of it."""
    values = thematic.values

    def card(i: int) -> str:
        u, f = units[i], units[i].facts
        return unit_card(u.code, u.name, u.tenant, f.area, f.rent, f.ends_on, mode,
                         thematic.shown_value(i), u.arrears, currency=currency,
                         state=unit_state(f.status, f.occupancy),
                         overdue_since=u.overdue_since)

    return MapStyle(
        colours=thematic.colours,
        labels=lambda i: unit_label(mode, units[i].code, units[i].tenant, values[i]),
        outlined=frozenset(u.id for u in units if u.facts.overdue),
        card=card,
        short_labels=(lambda i: local_part(units[i].code)) if local_part is not None else (),
    )
