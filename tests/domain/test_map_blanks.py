"""A unit without a number in a numeric mode is named by its state; "no data" is the unknown.

Every cell of domain.occupancy's table, in every numeric mode: a leased unit has
no days vacant ("leased"), a vacant one no lease end ("vacant"), and so on;
only a let unit whose figure nobody recorded is no data (None).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.assets import UnitStatus
from domain.contracts import Occupancy
from domain.map_modes import (
    CATEGORICAL_MODES,
    DIGITS,
    Blank,
    MapMode,
    RentClass,
    UnitFacts,
    Usage,
    blank,
    main_blank,
    mode_value,
    readings_counted,
    shown_figure,
)
from domain.occupancy import UnitState, unit_state

DAY = date(2026, 11, 22)
AREA = Decimal("100.00")
NUMERIC = [m for m in MapMode if m not in CATEGORICAL_MODES]
CELLS = [(s, o) for s in UnitStatus
         for o in (Occupancy.NONE, Occupancy.SIGNED_NOT_STARTED, Occupancy.ACTIVE)]
STATE_BLANK = {UnitState.VACANT: Blank.VACANT, UnitState.SIGNED: Blank.SIGNED,
               UnitState.LEASED: Blank.LEASED, UnitState.RESERVED: Blank.RESERVED,
               UnitState.UNAVAILABLE: Blank.UNAVAILABLE,
               UnitState.NOT_LEASABLE: Blank.NOT_LEASABLE}


def bare(status: UnitStatus, occupancy: Occupancy, **kw: object) -> UnitFacts:
    """A unit with a lease end and rent when let, and nothing else known."""
    let = occupancy is Occupancy.ACTIVE
    return UnitFacts(AREA, status, occupancy, ends_on=date(2027, 6, 30) if let else None,
                     rent=Decimal("95") if let else None, asking_rent=Decimal("90"),
                     **kw)  # type: ignore[arg-type]


def expected(mode: MapMode, state: UnitState) -> Blank | str | None:
    """The table this module's docstring describes; "value" where the unit has a number."""
    if mode is MapMode.EXPIRY:
        return "value" if state is UnitState.LEASED else STATE_BLANK[state]
    if mode is MapMode.VACANCY:
        return Blank.NEVER_LET if state is UnitState.VACANT else STATE_BLANK[state]
    if state is UnitState.NOT_LEASABLE:
        return Blank.NOT_LEASABLE
    if mode is MapMode.REVENUE:
        return "value"  # zero when not let: earning nothing is a figure
    # the modes of meter readings, no readings at all
    return None if state is UnitState.LEASED else STATE_BLANK[state]


@pytest.mark.parametrize("mode", NUMERIC)
@pytest.mark.parametrize(("status", "occupancy"), CELLS)
def test_every_cell_in_every_numeric_mode(mode: MapMode, status: UnitStatus,
                                          occupancy: Occupancy) -> None:
    facts = bare(status, occupancy)
    state = unit_state(status, occupancy)
    want = expected(mode, state)
    if want == "value":
        assert mode_value(mode, facts, DAY) is not None
        assert blank(mode, facts, DAY) is None
    else:
        assert mode_value(mode, facts, DAY) is None
        assert blank(mode, facts, DAY) is want, (mode, state)


def test_leased_and_vacant_units_are_never_no_data_when_their_facts_are_known() -> None:
    lived_in = Usage(energy_kwh=Decimal("900"), cost=Decimal("300"), heat=Decimal("40.5"))
    leased = bare(UnitStatus.LEASABLE, Occupancy.ACTIVE, usage=lived_in)
    vacant = bare(UnitStatus.LEASABLE, Occupancy.NONE, vacant_since=date(2026, 5, 1))
    for mode in NUMERIC:
        for facts in (leased, vacant):
            value = mode_value(mode, facts, DAY)
            assert value is not None or blank(mode, facts, DAY) is not None, mode


def test_a_blank_state_has_the_rent_control_name() -> None:
    for state, named in STATE_BLANK.items():
        assert named.value in {c.value for c in RentClass}, state


def test_only_the_really_unknown_is_no_data() -> None:
    unknown_rent = UnitFacts(AREA, UnitStatus.LEASABLE, Occupancy.ACTIVE,
                             ends_on=date(2027, 1, 1))
    assert mode_value(MapMode.REVENUE, unknown_rent, DAY) is None
    assert blank(MapMode.REVENUE, unknown_rent, DAY) is None
    open_ended = UnitFacts(AREA, UnitStatus.LEASABLE, Occupancy.ACTIVE, rent=Decimal(90))
    assert blank(MapMode.EXPIRY, open_ended, DAY) is None
    assert blank(MapMode.RENT_CONTROL, open_ended, DAY) is None  # categories are never blank


def test_before_the_readings_begin_a_let_unit_says_so() -> None:
    let = bare(UnitStatus.LEASABLE, Occupancy.ACTIVE)
    october = date(2026, 10, 1)
    # on 22 November, October is a complete month: readings from October count
    assert readings_counted(DAY, october)
    assert blank(MapMode.ENERGY, let, DAY, october) is None  # read, yet none for it: no data
    # on 20 October, October is still running: nothing is counted yet
    assert not readings_counted(date(2026, 10, 20), october)
    for mode in (MapMode.ENERGY, MapMode.HEAT, MapMode.NET_REVENUE):
        assert blank(mode, let, date(2026, 10, 20), october) is Blank.BEFORE_READINGS
        vacant = bare(UnitStatus.LEASABLE, Occupancy.NONE)
        assert blank(mode, vacant, date(2026, 10, 20), october) is Blank.VACANT
    assert readings_counted(DAY, None)  # no readings at all: nothing to wait for


def test_a_group_is_its_main_state_unless_a_figure_is_missing() -> None:
    areas = [Decimal(100), Decimal(300), Decimal(100)]
    assert main_blank([Blank.LEASED, Blank.VACANT, Blank.NOT_LEASABLE], areas) is Blank.VACANT
    # a tie goes to the first in legend order
    assert main_blank([Blank.RESERVED, Blank.LEASED], [Decimal(100), Decimal(100)]) is Blank.LEASED
    assert main_blank([Blank.VACANT, Blank.VACANT, None], areas) is None
    assert main_blank([Blank.VACANT, None, Blank.BEFORE_READINGS], areas) is (
        Blank.BEFORE_READINGS)
    assert main_blank([], []) is None


@pytest.mark.parametrize(("mode", "value", "shown"), [
    (MapMode.REVENUE, 117.85, "117.9"),  # the float is 117.8499…: its shortest decimal rounds up
    (MapMode.VACANCY, 144.5, "145"),
    (MapMode.HEAT, 49.49, "49"),
    (MapMode.EXPIRY, -0.04, "-0.0"),
])
def test_a_figure_is_shown_half_up_to_its_modes_places(mode: MapMode, value: float,
                                                       shown: str) -> None:
    assert str(shown_figure(mode, value)) == shown
    assert set(DIGITS) == set(MapMode)
