"""A mode switch recolours every unit at once: right fills, outlines kept or changed, painted.

The recolour sets the brushes in bulk and marks the scene for one whole redraw
(``MapCanvas._paint_blocks``); these check what a person sees after it: the
pixels, the outlines of overdue tenants and of the selection.
"""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor
from shapely.geometry import box

from tests.gui.helpers import shown
from views.floor_plan import FloorPlanView, MapShape
from views.map_canvas import MapStyle

UNITS = [MapShape(uuid.uuid5(uuid.NAMESPACE_DNS, f"u{i}"), box(i * 10, 0, i * 10 + 9, 9))
         for i in range(4)]
IDS = [s.id for s in UNITS]


def plan(qtbot) -> FloorPlanView:
    view = shown(qtbot, FloorPlanView(), 600, 300)
    view.show_floor(UNITS)
    return view


def pixel_at(view: FloorPlanView, i: int) -> str:
    """The colour painted near unit ``i``'s lower-left corner (clear of any label)."""
    image = view.viewport().grab().toImage()
    corner = view.mapFromScene(QPointF(i * 10 + 1.5, -1.5))
    return QColor(image.pixel(corner)).name()


def pen_widths(view: FloorPlanView) -> list[float]:
    return [view.item_for(u).pen().widthF() for u in IDS]  # type: ignore[union-attr]


def test_a_switch_paints_every_unit_in_the_new_mode(qtbot):
    view = plan(qtbot)
    view.apply_style(MapStyle(["#ff0000", "#00ff00", "#ff0000", "#0000ff"]))
    qtbot.wait(20)
    assert [pixel_at(view, i) for i in range(4)] == ["#ff0000", "#00ff00", "#ff0000", "#0000ff"]
    view.apply_style(MapStyle(["#0000ff", "#0000ff", "#00ff00", "#0000ff"]))
    qtbot.wait(20)
    assert [pixel_at(view, i) for i in range(4)] == ["#0000ff", "#0000ff", "#00ff00", "#0000ff"]
    assert [view.item_for(u).brush().color().name() for u in IDS] == [  # type: ignore[union-attr]
        "#0000ff", "#0000ff", "#00ff00", "#0000ff"]


def test_the_event_loop_repaints_after_a_switch(qtbot):
    """The viewport is painted again by the loop itself (nobody calls repaint)."""
    view = plan(qtbot)
    view.apply_style(MapStyle(["#ff0000"] * 4))
    qtbot.wait(20)
    view.apply_style(MapStyle(["#00ff00"] * 4))
    qtbot.waitUntil(lambda: view.viewport().grab().toImage().pixelColor(
        view.mapFromScene(QPointF(1.5, -1.5))).name() == "#00ff00")


def test_outlines_stay_through_a_switch_and_follow_a_changed_set(qtbot):
    view = plan(qtbot)
    overdue = frozenset({IDS[1]})
    view.apply_style(MapStyle(["#ff0000"] * 4, outlined=overdue))
    outlined = pen_widths(view)
    assert outlined[1] > outlined[0] == outlined[2] == outlined[3]
    view.apply_style(MapStyle(["#00ff00"] * 4, outlined=frozenset({IDS[1]})))  # equal, not same
    assert pen_widths(view) == outlined
    view.apply_style(MapStyle(["#00ff00"] * 4, outlined=frozenset({IDS[3]})))
    widths = pen_widths(view)
    assert widths[3] > widths[1] == widths[0]
    view.apply_style(MapStyle(["#00ff00"] * 4))
    assert len(set(pen_widths(view))) == 1


def test_the_selection_keeps_its_outline_through_a_switch(qtbot):
    view = plan(qtbot)
    view.apply_style(MapStyle(["#ff0000"] * 4, outlined=frozenset({IDS[0]})))
    view.select_unit(IDS[2])
    selected = view.item_for(IDS[2]).pen()  # type: ignore[union-attr]
    view.apply_style(MapStyle(["#00ff00"] * 4, outlined=frozenset({IDS[0]})))
    assert view.item_for(IDS[2]).pen() == selected  # type: ignore[union-attr]
    assert view.selected_unit() == IDS[2]


def test_colours_that_do_not_match_the_units_are_refused(qtbot):
    view = plan(qtbot)
    view.apply_style(MapStyle(["#ff0000"] * 4))
    with pytest.raises(ValueError):
        view.apply_style(MapStyle(["#00ff00"] * 3))
