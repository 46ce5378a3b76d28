"""The maps use case without Qt: what to draw for a scope, mode and date, and its colours.

The map controller (GUI), the printed pages and the CLI's ``print`` all call
these functions, so a floor's totals, a building's occupancy and a unit's
colour are computed once, in one way: :mod:`domain.map_modes` says what each
unit is in a mode on a date, :mod:`spatial.thematic` classifies and colours,
and the views draw the resulting records. Figures stay ``Decimal``; floats
appear only where numbers are handed to the classifier.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from shapely import wkb
from shapely.geometry.base import BaseGeometry

from domain.map_modes import (
    CATEGORICAL_MODES,
    READING_MODES,
    Blank,
    MapKpis,
    MapMode,
    RentClass,
    area_weighted,
    blank,
    main_blank,
    map_kpis,
    mode_value,
    shown_figure,
    why_no_value,
)
from domain.money import round_to
from domain.space_use import is_common
from spatial.thematic import Breaks, Theme, categorical, numeric
from store.map_query import (
    FloorDrawing,
    MapUnit,
    building_sites,
    floor_drawings,
    map_units,
)
from store.map_query import site_plan as read_site_plan
from store.read_model import ReadModel, Scope

# Rent-control colours: Okabe–Ito hues (safe for colour-blind readers) in the
# conventions of Chinese rent-control maps: green vacant, blue let, warm colours
# for leases running out, purple reserved, light grey off the market for now,
# grey not leasable.
RENT_COLOURS: dict[str, str] = {
    RentClass.VACANT: "#009e73",
    RentClass.LEASED: "#0072b2",
    RentClass.SIGNED_NOT_STARTED: "#56b4e9",
    RentClass.EXPIRING_30: "#d55e00",
    RentClass.EXPIRING_60: "#e69f00",
    RentClass.EXPIRING_90: "#f0e442",
    RentClass.RESERVED: "#cc79a7",
    RentClass.UNAVAILABLE: "#cfcfcf",
    RentClass.NOT_LEASABLE: "#8c8c8c",
    RentClass.COMMON: "#e6e1d3",  # corridors, stairs, toilets: the pale stone of a core
}

# Numeric modes: ramp and whether small values are the dark (urgent) end.
RAMPS: dict[MapMode, tuple[str, bool]] = {
    MapMode.EXPIRY: ("ylorrd", True),  # few months left: dark red
    MapMode.VACANCY: ("ylorrd", False),  # long empty: dark red
    MapMode.REVENUE: ("viridis", False),
    MapMode.NET_REVENUE: ("viridis", False),
    MapMode.ENERGY: ("ylorrd", False),
    MapMode.HEAT: ("ylorrd", False),
}
OCCUPANCY_RAMP = ("ylgnbu", False)  # the park map in rent-control mode: occupancy %

# Units without a number in a numeric mode, by why: fixed neutral greys (a touch of blue
# for let, of mauve for held back), lighter the emptier, so no ramp colour and no
# rent-control colour can be mistaken for them. "No data" stays spatial.ramps.NO_DATA.
BLANK_COLOURS: dict[str, str] = {
    Blank.VACANT: "#f4f4f4",
    Blank.NEVER_LET: "#e8e8e8",
    Blank.SIGNED: "#c9d3dc",
    Blank.LEASED: "#a9b6c2",
    Blank.RESERVED: "#cfc5cd",
    Blank.UNAVAILABLE: "#b9b9b9",
    Blank.NOT_LEASABLE: "#8c8c8c",
    Blank.COMMON: "#e6e1d3",
    Blank.BEFORE_READINGS: "#dcdcd0",
}

ModeValue = RentClass | Decimal | int | None
METHODS = ("natural-breaks", "quantile", "equal-interval")
DEFAULT_CLASSES = 5


@dataclass(frozen=True)
class ThematicMap:
    """Units in one mode on one day: their values, classes and the legend."""

    mode: MapMode
    day: date
    unit_ids: tuple[uuid.UUID, ...]
    values: tuple[ModeValue, ...]
    theme: Theme
    blanks: tuple[Blank | None, ...] = ()  # why a unit has no value (numeric modes)
    readings_begin: date | None = None  # set when the date is before the meter readings

    @property
    def colours(self) -> list[str]:
        legend = self.theme.legend
        return [legend[c].colour for c in self.theme.classes]

    def colour_of(self, unit_id: uuid.UUID) -> str:
        return self.theme.colour(self.unit_ids.index(unit_id))

    def shown_value(self, unit: int) -> ModeValue | Blank:
        """The unit's value, or why it has none (its state): what its card says."""
        value = self.values[unit]
        if value is None and self.blanks:
            return self.blanks[unit]
        return value


def mode_values(units: Sequence[MapUnit], mode: MapMode, day: date) -> list[ModeValue]:
    """Each unit's value in ``mode`` on ``day`` (computed once per read, then classified)."""
    return [mode_value(mode, u.facts, day) for u in units]


def thematic_map(
    units: Sequence[MapUnit], mode: MapMode, day: date, method: str = METHODS[0],
    classes: int = DEFAULT_CLASSES, values: Sequence[ModeValue] | None = None,
    breaks: Breaks | None = None, readings_begin: date | None = None,
) -> ThematicMap:
    """Classify ``units`` in ``mode`` as they stand on ``day``.

    ``values`` are the units' mode values when the caller has them already;
    ``breaks`` another date's classes to keep (time travel); ``readings_begin``
    the first month of meter readings in the scope (:func:`readings_begin`),
    so that a date before it says so instead of "no data".
    """
    if values is None:
        values = mode_values(units, mode, day)
    areas = [u.facts.floor_area for u in units]
    ids = tuple(u.id for u in units)
    if mode in CATEGORICAL_MODES:
        theme = categorical([None if v is None else str(v) for v in values], areas, RENT_COLOURS)
        return ThematicMap(mode, day, ids, tuple(values), theme)
    blanks = tuple(None if v is not None else why_no_value(mode, u.facts, day, readings_begin)
                   for u, v in zip(units, values, strict=True))
    ramp_name, reverse = RAMPS[mode]
    theme = numeric(_for_classifier(values), areas, method, classes, ramp_name, reverse,
                    blanks=blanks, blank_colours=BLANK_COLOURS, breaks=breaks,
                    shown=lambda x: shown_figure(mode, x))
    before = Blank.BEFORE_READINGS in blanks
    return ThematicMap(mode, day, ids, tuple(values), theme, blanks,
                       readings_begin if before else None)


def needs_readings_begin(units: Sequence[MapUnit], mode: MapMode, day: date,
                         values: Sequence[ModeValue] | None = None) -> bool:
    """Whether ``mode`` on ``day`` has let units without readings: only then is it worth
    asking when the readings begin (:func:`readings_begin` reads them all)."""
    if mode not in READING_MODES:
        return False
    if values is None:
        values = mode_values(units, mode, day)
    return any(
        # date.max: as if the readings began after any date, so every let unit
        # without readings would be "before the readings"
        v is None and why_no_value(mode, u.facts, day, date.max) is Blank.BEFORE_READINGS
        for u, v in zip(units, values, strict=True))


def readings_begin(reader: ReadModel, scope: Scope) -> date | None:
    """The first month (its first day) with meter readings in ``scope``; None without any."""
    return reader.first_reading_month(scope)


def decode_outline(data: bytes | None) -> BaseGeometry | None:
    """A stored WKB outline or linework; None when absent, empty or damaged.

    A damaged outline must not take the map down: the unit is left undrawn.
    """
    if not data:
        return None
    try:
        geom = wkb.loads(data)
    except Exception:
        return None
    return None if geom.is_empty else geom


def with_outlines(units: Sequence[MapUnit]) -> tuple[list[BaseGeometry], list[MapUnit]]:
    """The outlines of the units that have one, and those units (same order)."""
    outlines, drawn = [], []
    for u in units:
        outline = decode_outline(u.geometry)
        if outline is not None:
            outlines.append(outline)
            drawn.append(u)
    return outlines, drawn


def layout_key(scope: Scope, units: Sequence[MapUnit], day: date) -> tuple[object, ...]:
    """What a drawing is made of: when it changes, the map is drawn again, not recoloured.

    A floor plan is its units' outlines; a stacking plan its units' floors and
    areas and the date (its row totals are occupancy on that day).
    """
    if scope.kind == "floor":
        return tuple((u.id, u.geometry) for u in units)
    return (day, *((u.id, u.floor_id, u.facts.area) for u in units))


@dataclass(frozen=True)
class StackFloor:
    """A floor of a stacking plan: its units in drawing order and their totals on the day."""

    floor_id: uuid.UUID
    name: str
    units: tuple[MapUnit, ...]
    totals: MapKpis


def stack_floors(floors: Sequence[FloorDrawing], units: Sequence[MapUnit], day: date,
                 ) -> list[StackFloor]:
    """A building's stacking-plan floors (top floor first); floors without units are left out.

    A stacking plan shows the space for rent: common areas (cores, corridors) are drawn on
    the floor plans, not as blocks here, where their leasable area of 0 would be a sliver.
    """
    by_floor: dict[uuid.UUID, list[MapUnit]] = {}
    for u in units:
        if not is_common(u.facts.use):
            by_floor.setdefault(u.floor_id, []).append(u)
    return [StackFloor(f.id, f.name, tuple(mine), map_kpis([u.facts for u in mine], day))
            for f in floors if (mine := by_floor.get(f.id))]


def stacked_units(floors: Sequence[StackFloor]) -> list[MapUnit]:
    """The units of a stacking plan in the order its blocks are drawn."""
    return [u for f in floors for u in f.units]


def scope_units(reader: ReadModel, scope: Scope, day: date) -> list[MapUnit]:
    """The live units of a park, building, floor or unit with their facts on ``day``, with
    what each one's holder owes overdue (the outline and the card)."""
    return map_units(reader, scope, day, arrears=True)


@dataclass(frozen=True)
class OutlinedFloor:
    """A floor as its plan draws it: background linework and the units that have outlines."""

    id: uuid.UUID
    name: str
    background: BaseGeometry | None
    outlines: tuple[BaseGeometry, ...]
    units: tuple[MapUnit, ...]  # the units drawn, in the outlines' order


def outlined_floors(floors: Sequence[FloorDrawing], units: Sequence[MapUnit],
                    ) -> list[OutlinedFloor]:
    """The floors (top first) that have at least one unit with an outline."""
    by_floor: dict[uuid.UUID, list[MapUnit]] = {}
    for u in units:
        by_floor.setdefault(u.floor_id, []).append(u)
    out = []
    for f in floors:
        outlines, drawn = with_outlines(by_floor.get(f.id, ()))
        if outlines:
            out.append(OutlinedFloor(f.id, f.name, decode_outline(f.background),
                                     tuple(outlines), tuple(drawn)))
    return out


def read_floor(reader: ReadModel, scope: Scope, units: Sequence[MapUnit],
               ) -> OutlinedFloor | None:
    """A floor's plan from its units (read on the map's date); None when none has an outline."""
    found = outlined_floors(floor_drawings(reader, scope), units)
    return found[0] if found else None


def read_stack(reader: ReadModel, scope: Scope, units: Sequence[MapUnit], day: date,
               ) -> list[StackFloor]:
    """A building's stacking-plan floors from its units (read on ``day``)."""
    return stack_floors(floor_drawings(reader, scope), units, day)


@dataclass(frozen=True)
class BuildingMaps:
    """Everything a building's printed maps show: its stacking plan and each floor's plan."""

    stack: list[StackFloor]
    floors: list[OutlinedFloor]

    @property
    def units(self) -> list[MapUnit]:
        """The building's units in the stacking plan's order."""
        return stacked_units(self.stack)


def read_building(reader: ReadModel, building_id: uuid.UUID, day: date) -> BuildingMaps:
    """A building's stacking plan and floor plans on ``day`` (the GUI's export and the CLI's
    ``print`` both read this)."""
    scope = Scope("building", building_id)
    units = map_units(reader, scope, day, arrears=True)  # printed outlines show arrears
    floors = floor_drawings(reader, scope)
    return BuildingMaps(stack_floors(floors, units, day), outlined_floors(floors, units))


@dataclass(frozen=True)
class BuildingOnSite:
    """A building on the park's site plan, with its units on the map's date."""

    id: uuid.UUID
    code: str
    name: str
    footprint: BaseGeometry | None
    units: tuple[MapUnit, ...]

    def totals(self, day: date) -> MapKpis:
        """Its units, areas, occupancy and rent level: the same sums as a stacking row."""
        return map_kpis([u.facts for u in self.units], day)


@dataclass(frozen=True)
class ParkSite:
    """What the park map draws: buildings, the site linework, and when to draw them again."""

    buildings: tuple[BuildingOnSite, ...]
    lines: BaseGeometry | None
    layout: tuple[object, ...]  # redrawn when a building, a footprint or the site drawing changes

    @property
    def units(self) -> list[MapUnit]:
        return [u for b in self.buildings for u in b.units]

    def with_unit(self, fresh: MapUnit) -> ParkSite:
        """The same site with one unit's facts read again (after an edit)."""
        return replace(self, buildings=tuple(
            replace(b, units=tuple(fresh if u.id == fresh.id else u for u in b.units))
            for b in self.buildings))


def read_park_site(reader: ReadModel, park_id: uuid.UUID, day: date) -> ParkSite:
    """A park's buildings with their footprints and units on ``day``, and its site linework."""
    scope = Scope("park", park_id)
    sites = building_sites(reader, park_id)
    floors = {f.id: f.building_id for f in floor_drawings(reader, scope)}
    mine: dict[uuid.UUID, list[MapUnit]] = {}
    for u in map_units(reader, scope, day, for_rent_only=True):  # common units weigh nothing
        mine.setdefault(floors[u.floor_id], []).append(u)
    lines = read_site_plan(reader, park_id)
    buildings = tuple(BuildingOnSite(b.id, b.code, b.name, decode_outline(b.footprint),
                                     tuple(mine.get(b.id, ()))) for b in sites)
    layout = (*((b.id, b.footprint) for b in sites), lines)
    return ParkSite(buildings, decode_outline(lines), layout)


@dataclass(frozen=True)
class ParkTheme:
    """Buildings coloured in one mode: each one's level (None: no data) and the legend."""

    mode: MapMode
    levels: tuple[Decimal | None, ...]  # occupancy % in rent control, else the area-weighted value
    totals: tuple[MapKpis, ...]
    theme: Theme
    blanks: tuple[Blank | None, ...] = ()  # why a building has no level (its units' states)
    readings_begin: date | None = None  # set when the date is before the meter readings
    day: date | None = None  # the date the buildings are coloured for

    @property
    def colours(self) -> list[str]:
        legend = self.theme.legend
        return [legend[c].colour for c in self.theme.classes]

    def shown_level(self, building: int) -> Decimal | Blank | None:
        """The building's level, or why it has none: what its card says."""
        level = self.levels[building]
        if level is None and self.blanks:
            return self.blanks[building]
        return level


def building_level(mode: MapMode, totals: MapKpis, units: Sequence[MapUnit], day: date,
                   ) -> Decimal | None:
    """A building's figure in ``mode``: occupancy in % (one place) for rent control, else the
    area-weighted mean of its units' values."""
    if mode in CATEGORICAL_MODES:
        rate = totals.occupancy_rate
        return None if rate is None else round_to(rate * 100, 1)
    return area_weighted([_number(mode_value(mode, u.facts, day)) for u in units],
                         [u.facts.area for u in units])


def building_blank(mode: MapMode, units: Sequence[MapUnit], day: date,
                   readings_begin: date | None = None) -> Blank | None:
    """Why a building has no level in ``mode``: nothing leasable (rent control), else what
    most of its area is (all let in vacancy mode: "leased"); None for no data."""
    if not units:
        return None
    if mode in CATEGORICAL_MODES:
        return Blank.NOT_LEASABLE
    return main_blank([blank(mode, u.facts, day, readings_begin) for u in units],
                      [u.facts.area for u in units])


def park_theme(site: ParkSite, mode: MapMode, day: date, method: str = METHODS[0],
               classes: int = DEFAULT_CLASSES, breaks: Breaks | None = None,
               readings_begin: date | None = None) -> ParkTheme:
    """The park map in ``mode``: buildings by occupancy (rent control) or level, classified;
    ``breaks`` and ``readings_begin`` as for :func:`thematic_map`."""
    totals = tuple(b.totals(day) for b in site.buildings)
    levels = tuple(building_level(mode, t, b.units, day)
                   for b, t in zip(site.buildings, totals, strict=True))
    blanks = tuple(None if level is not None else building_blank(mode, b.units, day,
                                                                 readings_begin)
                   for b, level in zip(site.buildings, levels, strict=True))
    name, reverse = OCCUPANCY_RAMP if mode in CATEGORICAL_MODES else RAMPS[mode]
    theme = numeric(_for_classifier(levels), [t.leasable_area for t in totals], method,
                    classes, name, reverse, blanks=blanks, blank_colours=BLANK_COLOURS,
                    breaks=breaks, shown=lambda x: shown_figure(mode, x))
    before = Blank.BEFORE_READINGS in blanks
    return ParkTheme(mode, levels, totals, theme, blanks, readings_begin if before else None,
                     day)


def _number(value: ModeValue) -> Decimal | int | None:
    if value is None or isinstance(value, RentClass):
        return None
    return value


def _for_classifier(values: Sequence[ModeValue]) -> list[float | None]:
    """Numbers as the classifier (numpy) takes them: the figures shown stay Decimal."""
    return [None if v is None or isinstance(v, RentClass) else float(v) for v in values]
