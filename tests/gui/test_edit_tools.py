"""The floor plan's editing tools, driven with real mouse and key events.

First the tools alone on a plan view (what each emits, snapping, the
overlays), then in the main window on a real workspace: each edit reaches the
store through the services, is one undo step, and undo and redo put the store
back; a leased unit's split is refused with the reason and changes nothing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu
from shapely.geometry import MultiLineString, Polygon, box
from sqlalchemy import select

from domain.space_use import SpaceUse
from importers.plan import ImportedPlan, PlanFloor, PlanUnit
from spatial.geometry import polygon_from_wkb
from store.plan_import import import_plan
from store.schema import Building, Contract, ContractUnit, Floor, Unit
from store.workspace import Workspace
from tests.gui.helpers import double_click, open_window, shown
from tests.small_park import TODAY, build_small_workspace
from views.edit_tools import EditToolBar, EditTools, Tool
from views.floor_plan import FloorPlanView, MapShape

# Floor 3 of building C: three offices along the bottom with 0.2 m walls between them, a
# corridor (8 m to 10 m), a fourth office above it; 303 is leased.
ROOMS = {
    "301": box(0, 0, 10, 8),
    "302": box(10.2, 0, 20, 8),
    "303": box(20.2, 0, 30, 8),
    "304": box(0, 10, 10, 12),
}
OUTLINE = box(-0.2, -0.2, 30.2, 12.2)
WALLS = MultiLineString([
    list(OUTLINE.exterior.coords),
    [(10.2, 10), (30, 10)],  # the corridor's wall beside 304
    [(5, 2), (5, 6)],  # a partition line drawn inside 301, not a unit's edge
])
LEASED = "303"


def uid(code: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_DNS, code)


def plan_view(qtbot, width: int = 780, height: int = 420) -> tuple[FloorPlanView, EditTools]:
    """The floor in a plan view with the tools on it; within the offscreen screen (800 × 600),
    where QTest's mouse moves go through the cursor."""
    view = shown(qtbot, FloorPlanView(), width, height)
    tools = EditTools(view)
    view.show_floor([MapShape(uid(code), polygon) for code, polygon in ROOMS.items()], WALLS)
    return view, tools


def at(view: FloorPlanView, x: float, y: float) -> QPoint:
    """The viewport pixel of a point in metres (y up)."""
    return view.mapFromScene(QPointF(x, -y))


def click(qtbot, view, x: float, y: float,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, at(view, x, y))


def move(qtbot, view, x: float, y: float) -> None:
    qtbot.mouseMove(view.viewport(), at(view, x, y))


def recorded(signal) -> list[tuple]:
    calls: list[tuple] = []
    signal.connect(lambda *args: calls.append(args))
    return calls


# -- the tools alone -------------------------------------------------------------------


def test_split_clicks_snap_to_edges_and_vertices_and_emit_one_request(qtbot):
    view, tools = plan_view(qtbot)
    asked = recorded(tools.splitRequested)
    tools.set_tool(Tool.SPLIT)
    click(qtbot, view, 5.03, -0.05)  # 0.05 m below 301's bottom edge: onto it
    assert tools.points() == [(5.03, 0.0)] or tools.points()[0][1] == 0.0
    move(qtbot, view, 9.96, 7.95)  # near 301's top right corner
    assert tools.marker_kind() == "vertex"
    assert tools.snap_shown().point == (10.0, 8.0)
    move(qtbot, view, 4.0, 8.04)  # near its top edge
    assert tools.marker_kind() == "edge"
    assert tools.snap_shown().point[1] == 8.0
    move(qtbot, view, 5.04, 4.0)  # near the partition drawn inside 301
    assert tools.marker_kind() == "wall"
    assert tools.snap_shown().point[0] == pytest.approx(5.0)
    assert not tools._band.path().isEmpty()  # the rubber band follows the pointer
    click(qtbot, view, 9.95, 7.96)  # 0.05 m off the corner: the corner
    assert asked == []  # nothing asked until the line is finished
    double_click(qtbot, view.viewport(), at(view, 9.95, 7.96))
    assert len(asked) == 1
    unit, points = asked[0]
    assert unit == uid("301")
    assert points[-1] == (10.0, 8.0) and points[0][1] == 0.0 and len(points) == 2
    assert tools.points() == [] and tools._band.path().isEmpty()


def test_shift_and_the_orthogonal_toggle_keep_a_segment_plumb(qtbot):
    view, tools = plan_view(qtbot)
    asked = recorded(tools.splitRequested)
    tools.set_tool(Tool.SPLIT)
    click(qtbot, view, 4.0, 0.03)  # on 301's bottom edge at x = 4
    start = tools.points()[0]
    click(qtbot, view, 4.6, 8.03, Qt.KeyboardModifier.ShiftModifier)  # drifted: kept plumb
    assert tools.points()[1] == (start[0], 8.0)
    qtbot.keyClick(view, Qt.Key.Key_Backspace)  # takes back the last point
    assert tools.points() == [start]
    tools.orthogonal = True  # the toolbar's toggle does what Shift does
    click(qtbot, view, 4.6, 8.03)
    assert tools.points()[1] == (start[0], 8.0)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert asked == [(uid("301"), [start, (start[0], 8.0)])]


def test_escape_cancels_a_line_then_leaves_the_tool(qtbot):
    view, tools = plan_view(qtbot)
    asked = recorded(tools.splitRequested)
    tools.set_tool(Tool.SPLIT)
    click(qtbot, view, 15.0, 0.0)
    click(qtbot, view, 15.0, 8.0)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert tools.points() == [] and tools.tool() is Tool.SPLIT
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert tools.tool() is Tool.SELECT
    assert asked == []


def test_a_line_across_no_unit_is_refused_with_its_code(qtbot):
    view, tools = plan_view(qtbot)
    refused = recorded(tools.refused)
    asked = recorded(tools.splitRequested)
    tools.set_tool(Tool.SPLIT)
    click(qtbot, view, 2.0, 9.0)  # in the corridor, from wall to wall
    click(qtbot, view, 8.0, 9.0)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert asked == [] and refused[0][0].code == "split-misses"


def test_ctrl_click_selects_several_and_m_asks_to_merge_them(qtbot):
    view, tools = plan_view(qtbot)
    asked = recorded(tools.mergeRequested)
    click(qtbot, view, 5, 4)
    assert view.selected_units() == [uid("301")]
    click(qtbot, view, 15, 4, Qt.KeyboardModifier.ControlModifier)
    assert view.selected_units() == [uid("301"), uid("302")]
    # Both drawn as outlines: the selected pen on each.
    pens = {view.item_for(uid(c)).pen().widthF() for c in ("301", "302")}
    assert pens == {view._selected_pen.widthF()}
    assert view.item_for(uid("303")).pen().widthF() != view._selected_pen.widthF()
    click(qtbot, view, 25, 4, Qt.KeyboardModifier.ControlModifier)
    click(qtbot, view, 25, 4, Qt.KeyboardModifier.ControlModifier)  # and out again
    assert view.selected_units() == [uid("301"), uid("302")]
    qtbot.keyClick(view, Qt.Key.Key_M)
    assert asked == [([uid("301"), uid("302")],)]
    click(qtbot, view, 5, 4)  # a plain click selects one again
    assert view.selected_units() == [uid("301")]


def test_the_merge_button_merges_a_selection_or_lets_units_be_picked(qtbot):
    view, tools = plan_view(qtbot)
    bar = EditToolBar(tools)
    qtbot.addWidget(bar)
    asked = recorded(tools.mergeRequested)
    click(qtbot, view, 5, 4)
    bar.tool_actions[Tool.MERGE].trigger()  # one unit selected: pick the others
    assert tools.tool() is Tool.MERGE and bar.tool_actions[Tool.MERGE].isChecked()
    click(qtbot, view, 15, 4)  # in the merge tool a click adds
    assert view.selected_units() == [uid("301"), uid("302")]
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert asked == [([uid("301"), uid("302")],)]
    tools.set_tool(Tool.SELECT)
    bar.tool_actions[Tool.MERGE].trigger()  # two selected: merged at once
    assert len(asked) == 2 and tools.tool() is Tool.SELECT
    assert bar.tool_actions[Tool.SELECT].isChecked()


def test_vertex_handles_drag_insert_and_delete_each_ask_one_reshape(qtbot):
    view, tools = plan_view(qtbot)
    asked = recorded(tools.reshapeRequested)
    tools.set_tool(Tool.VERTICES)
    click(qtbot, view, 15, 4)
    assert sorted(tools.handle_points()) == sorted(
        [(10.2, 0.0), (20.0, 0.0), (20.0, 8.0), (10.2, 8.0)])
    assert len(tools._handles) == 4
    # Drag the top right corner up to the corridor wall, Shift keeping it plumb.
    corner = at(view, 20.0, 8.0)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=corner)
    for y in (8.6, 9.3, 10.04):
        qtbot.mouseMove(view.viewport(), at(view, 20.05, y))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.ShiftModifier, at(view, 20.05, 10.04))
    assert len(asked) == 1
    unit, polygon = asked[0]
    assert unit == uid("302")
    assert (20.0, 10.0) in list(polygon.exterior.coords)
    assert polygon.area == pytest.approx(9.8 * 8 + 9.8 * 2 / 2)
    # A double click on the bottom edge adds a corner there.
    double_click(qtbot, view.viewport(), at(view, 15.0, 0.03))
    assert len(asked) == 2
    added = asked[1][1]
    assert len(added.exterior.coords) == 6 and added.area == pytest.approx(9.8 * 8)
    assert any(abs(x - 15.0) < 0.05 and y == 0.0 for x, y in added.exterior.coords)
    # A click on a handle chooses it; Delete removes that corner.
    click(qtbot, view, 20.0, 0.0)
    assert tools.handle_points()[tools.active_handle] == (20.0, 0.0)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert len(asked) == 3
    triangle = asked[2][1]
    assert (20.0, 0.0) not in list(triangle.exterior.coords)
    assert len(triangle.exterior.coords) == 4


def test_deleting_a_triangles_corner_is_refused_before_any_request(qtbot):
    view = shown(qtbot, FloorPlanView(), 600, 400)
    tools = EditTools(view)
    view.show_floor([MapShape(uid("t"), Polygon([(0, 0), (10, 0), (0, 10)]))])
    asked, refused = recorded(tools.reshapeRequested), recorded(tools.refused)
    tools.set_tool(Tool.VERTICES)
    click(qtbot, view, 2, 2)
    click(qtbot, view, 10, 0)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert asked == [] and refused[0][0].code == "shape-too-few"


def test_draw_clicks_snap_to_corners_and_close_into_one_polygon(qtbot):
    view, tools = plan_view(qtbot)
    asked = recorded(tools.drawRequested)
    tools.set_tool(Tool.DRAW)
    for x, y in ((0.05, 8.04), (9.96, 7.95), (10.04, 9.96)):  # each 0.05 m off a corner
        click(qtbot, view, x, y)
    move(qtbot, view, 3, 9)
    assert not tools._band.path().isEmpty()
    double_click(qtbot, view.viewport(), at(view, -0.04, 10.03))
    assert len(asked) == 1
    polygon = asked[0][0]
    assert list(polygon.exterior.coords)[:-1] == [(0.0, 8.0), (10.0, 8.0), (10.0, 10.0),
                                                   (0.0, 10.0)]
    assert polygon.area == pytest.approx(20.0)


def test_context_menu_offers_merge_and_use_for_the_selection(qtbot):
    view, tools = plan_view(qtbot)
    uses = recorded(tools.useRequested)
    merges = recorded(tools.mergeRequested)
    click(qtbot, view, 5, 4)
    click(qtbot, view, 15, 4, Qt.KeyboardModifier.ControlModifier)
    menu = tools.context_menu(at(view, 15, 4))  # on a selected unit: the selection stays
    actions = {a.text(): a for a in menu.actions()}
    assert actions["Merge selected units"].isEnabled()
    use_menu = actions["Use"].menu()
    common = next(a for a in use_menu.actions() if a.data() == SpaceUse.COMMON.value)
    common.trigger()
    assert uses == [([uid("301"), uid("302")], SpaceUse.COMMON)]
    actions["Merge selected units"].trigger()
    assert merges == [([uid("301"), uid("302")],)]
    menu = tools.context_menu(at(view, 25, 4))  # another unit: it alone is selected
    assert view.selected_units() == [uid("303")]
    assert not {a.text(): a for a in menu.actions()}["Merge selected units"].isEnabled()


def test_overlays_stay_out_of_the_units_and_go_with_a_new_drawing(qtbot):
    view, tools = plan_view(qtbot)
    tools.set_tool(Tool.VERTICES)
    click(qtbot, view, 15, 4)
    tools.set_tool(Tool.VERTICES)
    assert len(tools._handles) == 4
    # A handle over the unit: the unit is still what block_at finds there.
    assert view.unit_at(at(view, 20.0, 8.0)) in (uid("302"), None)
    assert view.unit_at(at(view, 19.5, 7.5)) == uid("302")
    assert view.unit_ids() == [uid(c) for c in ROOMS]
    view.show_floor([MapShape(uid("x"), box(0, 0, 5, 5))])
    assert tools._handles == [] and tools.points() == []
    tools.set_tool(Tool.SPLIT)
    click(qtbot, view, 2.5, 0.02)
    assert tools.points() == [(2.5, 0.0)] or tools.points()[0][1] == 0.0


def test_plan_with_tools_active_renders(qtbot, tmp_path):
    view, tools = plan_view(qtbot)
    tools.set_tool(Tool.VERTICES)
    click(qtbot, view, 15, 4)
    click(qtbot, view, 5, 4, Qt.KeyboardModifier.ControlModifier)
    tools.set_tool(Tool.SPLIT)
    click(qtbot, view, 25.0, 0.02)
    move(qtbot, view, 29.97, 7.97)
    image = view.viewport().grab().toImage()
    assert image.save(str(tmp_path / "tools.png"))

    def colours(x: float, y: float, reach: int) -> set[str]:
        centre = at(view, x, y)
        return {image.pixelColor(centre.x() + dx, centre.y() + dy).name()
                for dx in range(-reach, reach + 1) for dy in range(-reach, reach + 1)}

    assert "#e8590c" in colours(30.0, 8.0, 7)  # the snap marker, on the corner
    assert "#1c7ed6" in colours(27.5, 4.0, 3)  # the rubber band, half way to it
    assert "#e8590c" not in colours(15.0, 4.0, 30)


# -- in the main window, on a real workspace ----------------------------------------------


def build_edit_workspace(path: Path) -> None:
    """The small park with floor C-3 imported from a plan of ``ROOMS``; 303 under contract."""
    build_small_workspace(path)
    workspace = Workspace.open(path)
    try:
        rooms = tuple(PlanUnit(code, code, f"{code} 室", polygon)
                      for code, polygon in ROOMS.items())
        floor = PlanFloor("3F", Decimal("9.0"), rooms, background=WALLS, outline=OUTLINE,
                          key="c3")
        with workspace.transaction() as s:
            import_plan(s, ImportedPlan("c3.dxf", "dxf", (floor,), units_of_drawing="m"),
                        "C", level=3, today=TODAY)
        with workspace.transaction() as s:
            unit = s.scalars(select(Unit).where(Unit.code == f"ZD-C-{LEASED}")).one()
            contract = s.scalars(select(Contract).where(Contract.code == "HT-2026-0001")).one()
            s.add(ContractUnit(contract_id=contract.id, unit_id=unit.id,
                               billable_area=unit.billable_area))
    finally:
        workspace.close()


@pytest.fixture
def edit_window(qtbot, settings, tmp_path):
    """The main window on floor C-3's plan, map tab open; the window fits the offscreen screen
    (QTest's mouse moves go through the cursor) and the plan has the width of it."""
    path = tmp_path / "edit.leasemap"
    build_edit_workspace(path)
    win = open_window(qtbot, settings, path, size=(800, 600))
    win.tree_dock.hide()
    win.details_dock.hide()
    park = win.controller.tree[0]
    floor = next(f.id for b in park.buildings if b.code == "C" for f in b.floors if f.level == 3)
    win.show_map()
    win.controller.set_scope("floor", floor)
    view = win.map_panel.floor_plan
    qtbot.waitUntil(lambda: len(view.unit_ids()) == len(ROOMS))
    ids = {row.code.rsplit("-", 1)[1]: row.id for row in win.controller.rows}
    yield win, view, ids
    win.close()


@dataclass(frozen=True)
class Stored:
    code: str
    area: Decimal
    polygon: Polygon
    use: SpaceUse


def live_units(win) -> dict[uuid.UUID, Stored]:
    """Floor C-3's units that are not archived, as the store holds them."""
    workspace = Workspace.open(win.controller.path)
    try:
        with workspace.reading() as s:
            floor = s.scalars(select(Floor).join(Building).where(
                Building.code == "C", Floor.level == 3)).one()
            units = s.scalars(select(Unit).where(Unit.floor_id == floor.id,
                                                 Unit.archived.is_(False))).all()
            return {u.id: Stored(u.code, u.internal_area, polygon_from_wkb(u.geometry),
                                 u.space_use) for u in units}
    finally:
        workspace.close()


def areas_by_code(units: dict[uuid.UUID, Stored]) -> dict[str, Decimal]:
    return {u.code: u.area for u in units.values()}


def test_split_in_the_window_is_one_undo_step_and_undo_redo_restore_the_store(
        qtbot, edit_window):
    win, view, ids = edit_window
    before = live_units(win)
    assert sorted(areas_by_code(before).values()) == sorted(
        [Decimal("80.00"), Decimal("78.40"), Decimal("78.40"), Decimal("20.00")])
    win.map_panel.edit_bar.tool_actions[Tool.SPLIT].trigger()
    click(qtbot, view, 4.0, -0.05)  # just below 301's bottom edge: onto it
    click(qtbot, view, 4.2, 8.05, Qt.KeyboardModifier.ShiftModifier)  # top edge, plumb
    assert win.undo_stack.count() == 0  # clicks are not edits
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert win.undo_stack.count() == 1
    assert win.undo_stack.text(0) == "Split 301"
    after = live_units(win)
    assert ids["301"] not in after
    children = [u for uid_, u in after.items() if uid_ not in before]
    assert len(children) == 2
    assert sum(u.area for u in children) == Decimal("80.00")
    (cut,) = {round(x, 9) for u in children for x, y in u.polygon.exterior.coords
              if 0 < x < 10}
    left = min(children, key=lambda u: u.polygon.centroid.x)
    assert left.area == Decimal(str(round(cut * 8, 2))).quantize(Decimal("0.01"))
    assert len(view.unit_ids()) == len(ROOMS) + 1  # the plan shows the children
    assert set(view.selected_units()) == {k for k in after if k not in before}

    win.undo_action.trigger()
    assert live_units(win) == before
    assert len(view.unit_ids()) == len(ROOMS)
    win.activateWindow()
    qtbot.waitActive(win)
    qtbot.keyClick(win, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    again = live_units(win)
    assert areas_by_code(again) == areas_by_code(after)
    qtbot.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert live_units(win) == before


def test_merge_of_neighbours_absorbs_the_wall_and_undoes(qtbot, edit_window):
    win, view, ids = edit_window
    before = live_units(win)
    click(qtbot, view, 5, 4)
    click(qtbot, view, 15, 4, Qt.KeyboardModifier.ControlModifier)
    assert view.selected_units() == [ids["301"], ids["302"]]
    qtbot.keyClick(view, Qt.Key.Key_M)
    assert win.undo_stack.count() == 1 and win.undo_stack.text(0) == "Merge 301, 302"
    after = live_units(win)
    assert ids["301"] not in after and ids["302"] not in after
    (merged,) = [u for k, u in after.items() if k not in before]
    assert merged.area == Decimal("160.00")  # 80 + 78.40 + the 0.2 m wall, 1.60
    win.undo_action.trigger()
    assert live_units(win) == before
    win.redo_action.trigger()
    assert areas_by_code(live_units(win)) == areas_by_code(after)


def test_vertex_edits_in_the_window_are_one_edit_each(qtbot, edit_window):
    win, view, ids = edit_window
    before = live_units(win)
    win.map_panel.edit_bar.tool_actions[Tool.VERTICES].trigger()
    click(qtbot, view, 15, 4)
    corner = at(view, 20.0, 8.0)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=corner)
    for y in (8.5, 9.2, 10.05):
        qtbot.mouseMove(view.viewport(), at(view, 20.05, y))
    assert win.undo_stack.count() == 0  # a drag is one edit, made when it ends
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.ShiftModifier, at(view, 20.05, 10.05))
    assert win.undo_stack.count() == 1 and win.undo_stack.text(0) == "Reshape 302"
    after = live_units(win)
    reshaped = after[ids["302"]]
    assert (20.0, 10.0) in list(reshaped.polygon.exterior.coords)
    assert reshaped.area == Decimal("88.20")
    win.undo_action.trigger()
    assert live_units(win) == before


def test_drawing_a_unit_in_the_corridor_adds_it_and_undo_removes_it(qtbot, edit_window):
    win, view, _ids = edit_window
    before = live_units(win)
    win.map_panel.edit_bar.tool_actions[Tool.DRAW].trigger()
    for x, y in ((0.05, 8.04), (9.96, 7.95), (10.04, 9.96), (-0.04, 10.03)):
        click(qtbot, view, x, y)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert win.undo_stack.count() == 1
    after = live_units(win)
    (drawn,) = [u for k, u in after.items() if k not in before]
    assert drawn.area == Decimal("20.00")
    assert win.undo_stack.text(0) == f"Draw unit {drawn.code.rsplit('-', 1)[1]}"
    win.undo_action.trigger()
    assert live_units(win) == before


def test_use_from_the_context_menu_is_stored_and_undone(qtbot, edit_window):
    win, view, ids = edit_window
    menu = win.map_panel.edit_tools.context_menu(at(view, 5, 11))
    assert view.selected_units() == [ids["304"]]
    use_menu = next(a for a in menu.actions() if a.text() == "Use").menu()
    next(a for a in use_menu.actions() if a.data() == SpaceUse.COMMON.value).trigger()
    assert live_units(win)[ids["304"]].use is SpaceUse.COMMON
    assert win.undo_stack.count() == 1
    win.undo_action.trigger()
    assert live_units(win)[ids["304"]].use is SpaceUse.LEASABLE


def test_splitting_a_leased_unit_is_refused_with_the_reason_and_nothing_changes(
        qtbot, edit_window):
    win, view, _ids = edit_window
    before = live_units(win)
    win.map_panel.edit_bar.tool_actions[Tool.SPLIT].trigger()
    click(qtbot, view, 25.0, 0.02)
    click(qtbot, view, 25.0, 7.98, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert win.undo_stack.count() == 0
    assert live_units(win) == before
    assert len(view.unit_ids()) == len(ROOMS)
    assert "HT-2026-0001" in win.last_warning
    assert "amend" in win.last_warning.lower()


def test_merging_units_that_are_not_neighbours_is_refused(qtbot, edit_window):
    win, view, _ids = edit_window
    before = live_units(win)
    click(qtbot, view, 5, 4)
    click(qtbot, view, 5, 11, Qt.KeyboardModifier.ControlModifier)  # 304, across the corridor
    qtbot.keyClick(view, Qt.Key.Key_M)
    assert win.undo_stack.count() == 0 and live_units(win) == before
    assert "304" in win.last_warning and "neighbour" in win.last_warning


def test_an_undo_the_store_refuses_is_said_and_leaves_the_stack(qtbot, edit_window):
    win, view, ids = edit_window
    win.map_panel.edit_bar.tool_actions[Tool.SPLIT].trigger()
    click(qtbot, view, 4.0, 0.02)
    click(qtbot, view, 4.0, 7.98, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    split = live_units(win)
    child = next(k for k, u in split.items() if u.code.endswith("301A"))
    workspace = Workspace.open(win.controller.path)  # the child is let meanwhile
    try:
        with workspace.transaction() as s:
            contract = s.scalars(select(Contract).where(Contract.code == "HT-2026-0001")).one()
            s.add(ContractUnit(contract_id=contract.id, unit_id=child,
                               billable_area=Decimal("32.00")))
    finally:
        workspace.close()
    win.undo_action.trigger()
    assert "HT-2026-0001" in win.last_warning
    assert live_units(win) == split  # nothing undone
    assert win.undo_stack.count() == 0 and not win.undo_action.isEnabled()
    assert ids["301"] not in live_units(win)


def test_a_right_click_pops_the_menu_up_over_the_unit(qtbot):
    view, tools = plan_view(qtbot)
    uses = recorded(tools.useRequested)
    pos = at(view, 5, 11)
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos)))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu) and view.selected_units() == [uid("304")]
    use_menu = next(a for a in menu.actions() if a.text() == "Use").menu()
    next(a for a in use_menu.actions() if a.data() == SpaceUse.BUILDING_COMMON.value).trigger()
    menu.close()
    assert uses == [([uid("304")], SpaceUse.BUILDING_COMMON)]
