"""Each mode on a real workspace: leased and vacant units are named, never "no data"; the
park map's few buildings make few classes; breaks kept across dates; before the readings."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from domain.assets import UnitStatus
from domain.contracts import Occupancy
from domain.map_modes import CATEGORICAL_MODES, Blank, MapMode, UnitFacts
from domain.occupancy import UnitState, unit_state
from services.maps import (
    BLANK_COLOURS,
    RENT_COLOURS,
    BuildingOnSite,
    ParkSite,
    needs_readings_begin,
    park_theme,
    read_park_site,
    readings_begin,
    scope_units,
    thematic_map,
)
from spatial.ramps import NO_DATA
from spatial.thematic import NO_DATA_KEY
from store.map_query import MapUnit
from store.read_model import ReadModel, Scope
from tests import modes_park as mp

NUMERIC = [m for m in MapMode if m not in CATEGORICAL_MODES]
SEPTEMBER = date(2026, 9, 15)  # before the first month of readings (October 2026)


@pytest.fixture
def park(tmp_path: Path) -> Iterator[tuple[ReadModel, Scope]]:
    built = mp.build_modes_workspace(tmp_path / "modes.leasemap")
    reader = ReadModel(built.path)
    try:
        yield reader, Scope("park", reader.park_tree()[0].id)
    finally:
        reader.close()


def legend_of(theme) -> dict[str, tuple[int, Decimal]]:
    return {e.key: (e.count, e.area) for e in theme.theme.legend}


@pytest.mark.parametrize("mode", NUMERIC)
def test_no_leased_or_vacant_unit_is_no_data_in_any_mode(park, mode: MapMode) -> None:
    reader, scope = park
    units = scope_units(reader, scope, mp.TODAY)
    begin = readings_begin(reader, scope)
    thematic = thematic_map(units, mode, mp.TODAY, readings_begin=begin)
    legend = thematic.theme.legend
    for i, u in enumerate(units):
        state = unit_state(u.facts.status, u.facts.occupancy)
        entry = legend[thematic.theme.classes[i]]
        if u.code == mp.NO_READINGS and mode in (MapMode.NET_REVENUE, MapMode.ENERGY,
                                                 MapMode.HEAT):
            assert entry.key == NO_DATA_KEY  # let, and read for others but not for it
            continue
        if state in (UnitState.LEASED, UnitState.VACANT):
            assert entry.key != NO_DATA_KEY, (mode, u.code, state)
        if entry.upper is None and entry.key != NO_DATA_KEY:  # a named blank: its colour
            assert entry.colour == BLANK_COLOURS[entry.key]
    # every unit is counted once, in its class's area
    assert sum(e.count for e in legend) == len(units)
    assert sum((e.area for e in legend), Decimal(0)) == sum((u.facts.area for u in units),
                                                             Decimal(0))


def test_what_each_mode_calls_the_units_it_has_no_figure_for(park) -> None:
    reader, scope = park
    units = scope_units(reader, scope, mp.TODAY)
    area = Decimal("125.40")

    def legend(mode: MapMode) -> dict[str, tuple[int, Decimal]]:
        return legend_of(thematic_map(units, mode, mp.TODAY))

    vacancy = legend(MapMode.VACANCY)
    assert vacancy[Blank.LEASED] == (3, 3 * area)  # A-0101, A-0202, B-0102
    assert vacancy[Blank.NEVER_LET] == (1, area)
    assert vacancy[Blank.SIGNED] == vacancy[Blank.RESERVED] == (1, area)
    assert vacancy[Blank.NOT_LEASABLE] == (1, area)
    assert vacancy[NO_DATA_KEY] == (0, 0)
    expiry = legend(MapMode.EXPIRY)
    assert expiry[Blank.VACANT] == (2, 2 * area)  # the vacant one and the never-let one
    assert Blank.LEASED not in expiry and expiry[NO_DATA_KEY] == (0, 0)
    revenue = legend(MapMode.REVENUE)
    assert revenue[Blank.NOT_LEASABLE] == (1, area) and revenue[NO_DATA_KEY] == (0, 0)
    energy = legend(MapMode.ENERGY)
    assert energy[NO_DATA_KEY] == (1, area)  # A-0202: let, no readings
    assert energy[Blank.VACANT] == (2, 2 * area)


def test_before_the_readings_begin_the_map_says_so(park) -> None:
    reader, scope = park
    assert readings_begin(reader, scope) == mp.READINGS_BEGIN
    units = scope_units(reader, scope, SEPTEMBER)
    for mode in (MapMode.NET_REVENUE, MapMode.ENERGY, MapMode.HEAT):
        assert needs_readings_begin(units, mode, SEPTEMBER)
        thematic = thematic_map(units, mode, SEPTEMBER, readings_begin=mp.READINGS_BEGIN)
        assert thematic.readings_begin == mp.READINGS_BEGIN
        legend = legend_of(thematic)
        assert legend[Blank.BEFORE_READINGS][0] == 3  # every let unit
        assert legend[NO_DATA_KEY] == (0, 0)  # not the whole park greyed as "no data"
        assert all(v is None for v in thematic.values)
    on_time = thematic_map(scope_units(reader, scope, mp.TODAY), MapMode.ENERGY, mp.TODAY,
                           readings_begin=mp.READINGS_BEGIN)
    assert on_time.readings_begin is None  # November counts October's readings
    assert not needs_readings_begin(units, MapMode.VACANCY, SEPTEMBER)
    site = read_park_site(reader, scope.id, SEPTEMBER)
    heat = park_theme(site, MapMode.HEAT, SEPTEMBER, readings_begin=mp.READINGS_BEGIN)
    assert heat.blanks == (Blank.BEFORE_READINGS, Blank.BEFORE_READINGS)
    assert heat.readings_begin == mp.READINGS_BEGIN


def test_a_workspace_without_readings_has_no_beginning(tmp_path: Path) -> None:
    from tests.small_park import build_small_workspace

    reader = ReadModel(build_small_workspace(tmp_path / "s.leasemap").path)
    try:
        assert readings_begin(reader, Scope("park", reader.park_tree()[0].id)) is None
    finally:
        reader.close()


def test_kept_breaks_colour_two_dates_alike(park) -> None:
    reader, scope = park
    first = thematic_map(scope_units(reader, scope, mp.TODAY), MapMode.REVENUE, mp.TODAY)
    # by spring A-0102 is let at 102.00 and B-0102's lease has ended: classes of its own
    spring = date(2027, 4, 15)
    later_units = scope_units(reader, scope, spring)
    own = thematic_map(later_units, MapMode.REVENUE, spring)
    kept = thematic_map(later_units, MapMode.REVENUE, spring, breaks=first.theme.breaks)
    assert own.theme.breaks != first.theme.breaks
    assert kept.theme.breaks == first.theme.breaks
    by_code = {u.code: i for i, u in enumerate(later_units)}
    today_codes = {u.code: i for i, u in enumerate(scope_units(reader, scope, mp.TODAY))}
    # A-0101 pays 95.00 on both dates: the same colour when the breaks are kept
    assert (kept.colours[by_code[mp.LEASED]] == first.colours[today_codes[mp.LEASED]])


def facts(status: UnitStatus = UnitStatus.LEASABLE, occupancy: Occupancy = Occupancy.ACTIVE,
          rent: str | None = "90", area: str = "1000") -> UnitFacts:
    return UnitFacts(Decimal(area), status, occupancy, rent=None if rent is None else
                     Decimal(rent))


def building(code: str, *unit_facts: UnitFacts) -> BuildingOnSite:
    floor = uuid.uuid4()
    return BuildingOnSite(uuid.uuid4(), code, code, None, tuple(
        MapUnit(uuid.uuid4(), f"{code}{i}", "", floor, 1, None, "", f)
        for i, f in enumerate(unit_facts)))


def test_five_buildings_make_fewer_classes_and_named_blanks() -> None:
    rents = ["31.5", "88", "92.4", "140", "151.25"]
    site = ParkSite(tuple(building(c, facts(rent=r)) for c, r in zip("ABCDE", rents,
                                                                      strict=True)), None, ())
    theme = park_theme(site, MapMode.REVENUE, mp.TODAY)
    classes = [e for e in theme.theme.legend if e.upper is not None]
    assert len(classes) <= 3 and any(e.count > 1 for e in classes)
    # vacancy: a building all let is "leased"; one with nothing leasable "not leasable"
    site = ParkSite((building("A", facts()), building("B", facts(UnitStatus.NOT_LEASABLE,
                                                                 Occupancy.NONE)),
                     building("C")), None, ())
    vacancy = park_theme(site, MapMode.VACANCY, mp.TODAY)
    assert vacancy.blanks == (Blank.LEASED, Blank.NOT_LEASABLE, None)
    assert [vacancy.theme.legend[c].colour for c in vacancy.theme.classes] == [
        BLANK_COLOURS[Blank.LEASED], BLANK_COLOURS[Blank.NOT_LEASABLE], NO_DATA]
    occupancy = park_theme(site, MapMode.RENT_CONTROL, mp.TODAY)
    assert occupancy.blanks == (None, Blank.NOT_LEASABLE, None)


def test_blank_colours_are_neutral_and_apart_from_every_other() -> None:
    assert set(BLANK_COLOURS) == {b.value for b in Blank}
    colours = list(BLANK_COLOURS.values())
    assert len(set(colours)) == len(colours)
    assert NO_DATA not in colours
    assert not set(colours) & (set(RENT_COLOURS.values())
                               - {RENT_COLOURS["not_leasable"], RENT_COLOURS["common"]})
    for colour in colours:  # greys: no channel far from the others
        rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
        assert max(rgb) - min(rgb) <= 32, colour
