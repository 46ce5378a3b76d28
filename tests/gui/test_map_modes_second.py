"""What the first round of map modes left out: the hover card names a unit's state, and
keeping class breaks does not read a park in the GUI thread."""

from __future__ import annotations

from datetime import date

from domain.map_modes import MapMode
from tests import modes_park as mp
from tests.gui import test_map_modes_say
from tests.gui.test_map_modes_say import card, set_day

modes_window = test_map_modes_say.modes_window  # the fixture, shared


def test_the_card_names_the_state_of_a_unit_nobody_holds(modes_window) -> None:
    win, maps = modes_window
    assert "Tenant: Not leasable" in card(maps, mp.NOT_LEASABLE)
    assert "Tenant: vacant" in card(maps, mp.VACANT)
    assert "Tenant: vacant" in card(maps, mp.NEVER_LET)
    assert "Tenant: vacant" not in card(maps, mp.LEASED)  # its tenant's name instead
    other = next(b for b in win.controller.tree[0].buildings if b.code == "B")
    win.controller.set_scope("building", other.id)
    assert "Tenant: Reserved" in card(maps, mp.RESERVED)


def _traced(reader) -> list[str]:
    """The statements run from now on on ``reader``'s connection: the GUI thread's own (the
    pool reads on a connection of its own)."""
    seen: list[str] = []
    reader.source.db.set_trace_callback(seen.append)
    return seen


def test_kept_breaks_on_a_big_park_are_not_read_in_the_gui_thread(modes_window,
                                                                   qtbot) -> None:
    win, maps = modes_window
    controller = win.controller
    assert controller.runner is not None
    controller.inline_units = 0  # every scope counts as big: its reads go to the pool
    controller.set_scope("park", controller.tree[0].id)
    win.map_panel.set_mode(MapMode.EXPIRY)
    qtbot.waitUntil(lambda: maps.shown[0] == "park" and maps.park is not None
                    and maps.park.mode is MapMode.EXPIRY and maps.park.day == mp.TODAY)
    today = maps.park.theme.breaks
    win.map_panel.keep_breaks.setChecked(True)
    seen = _traced(controller.reader)
    try:
        set_day(qtbot, win, maps, date(2027, 2, 1))
        qtbot.waitUntil(lambda: maps.park.theme.breaks == today)
        # another classification on that date: classed again from the kept day's site
        win.map_panel.set_mode(MapMode.VACANCY)
        assert "kept from 2026-11-22" in win.map_panel.legend.note()
    finally:
        controller.reader.source.db.set_trace_callback(None)
    assert seen == []


def test_kept_breaks_of_a_building_come_from_the_units_shown_then(modes_window,
                                                                   qtbot) -> None:
    win, maps = modes_window
    win.map_panel.set_mode(MapMode.REVENUE)
    win.map_panel.keep_breaks.setChecked(True)
    today = maps.thematic.theme.breaks
    set_day(qtbot, win, maps, date(2027, 4, 15))
    assert maps.thematic.theme.breaks == today
    seen = _traced(win.controller.reader)
    try:  # a classification never made on the kept day
        maps.set_classification("quantile", 3)
    finally:
        win.controller.reader.source.db.set_trace_callback(None)
    assert maps.thematic.theme.breaks is not None and seen == []
