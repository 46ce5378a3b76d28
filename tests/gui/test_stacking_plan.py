"""The stacking plan draws floors as rows of blocks by area, and answers clicks and hovers."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from tests.gui.helpers import double_click, render_scene, shown
from views.map_canvas import HoverCard, MapStyle
from views.stacking_plan import (
    PLAN_WIDTH,
    SLIVER,
    StackBlock,
    StackingPlanView,
    StackRow,
    block_widths,
    label_options,
)

AREAS = [(120.0, 80.0, 200.0), (150.0, 250.0), (100.0, 0.0, 60.0, 140.0)]
COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22"]


def three_floors() -> list[StackRow]:
    """3F, 2F, 1F (top first), with a unit of unknown (0) area on 1F."""
    rows = []
    for n, areas in enumerate(AREAS):
        units = tuple(StackBlock(uuid.uuid4(), a, f"<b>U{n}{i}</b> {a:.0f} m²")
                      for i, a in enumerate(areas))
        rows.append(StackRow(f"{3 - n}F", units, f"{sum(areas):,.0f} m²"))
    return rows


@pytest.fixture
def plan(qtbot):
    view = shown(qtbot, StackingPlanView(), 900, 400)
    rows = three_floors()
    view.show_building(rows)
    view.apply_style(MapStyle(COLOURS))  # no labels: block centres show their fill
    return view, rows


def block_box(view: StackingPlanView, unit_id: uuid.UUID) -> QRectF:
    """Where a unit's block is on the viewport, from its item's scene rectangle."""
    item = view.item_for(unit_id)
    rect = item.mapRectToScene(item.rect())
    top_left = view.mapFromScene(rect.topLeft())
    bottom_right = view.mapFromScene(rect.bottomRight())
    return QRectF(QPointF(top_left), QPointF(bottom_right))


def centre(box: QRectF) -> QPoint:
    return box.center().toPoint()


def ids_of(rows: list[StackRow]) -> list[uuid.UUID]:
    return [u.id for row in rows for u in row.units]


def test_each_block_shows_its_units_colour(plan):
    view, rows = plan
    image = view.viewport().grab().toImage()
    for unit_id, colour in zip(ids_of(rows), COLOURS, strict=True):
        pos = centre(block_box(view, unit_id))
        assert image.pixelColor(pos) == QColor(colour), unit_id


def test_block_widths_follow_area_on_one_scale_for_all_floors(plan):
    view, rows = plan
    widest = max(sum(areas) for areas in AREAS)
    # The widest floor's units together span the plan width: that fixes pixels per m².
    px_per_m2 = view.transform().m11() * PLAN_WIDTH / widest
    for row in rows:
        for unit in row.units:
            width = block_box(view, unit.id).width()
            expected = max(unit.area * px_per_m2, SLIVER * view.transform().m11())
            assert abs(width - expected) <= 1.0, (unit.area, width, expected)


def test_rows_run_top_floor_first_and_blocks_in_the_given_order(plan):
    view, rows = plan
    tops = [block_box(view, row.units[0].id).top() for row in rows]
    assert tops == sorted(tops) and len(set(tops)) == 3
    for row in rows:
        lefts = [block_box(view, u.id).left() for u in row.units]
        assert lefts == sorted(lefts)
    # Floor names and totals are drawn as given.
    texts = {item.text() for item in view.scene().items()
             if isinstance(item, QGraphicsSimpleTextItem)}
    assert {"3F", "2F", "1F", "400 m²", "300 m²"} <= texts


def test_clicking_a_block_selects_and_emits_its_unit(plan, qtbot):
    view, rows = plan
    target = rows[1].units[1]
    with qtbot.waitSignal(view.unitClicked) as clicked:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=centre(block_box(view, target.id)))
    assert clicked.args == [target.id]
    assert view.selected_unit() == target.id
    with qtbot.waitSignal(view.unitClicked) as clicked:  # the name column is not a unit
        box = block_box(view, rows[1].units[0].id)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(int(box.left()) - 30, int(box.center().y())))
    assert clicked.args == [None]


def test_double_click_activates_the_unit(plan, qtbot):
    view, rows = plan
    target = rows[0].units[2]
    with qtbot.waitSignal(view.unitActivated) as activated:
        double_click(qtbot, view.viewport(), centre(block_box(view, target.id)))
    assert activated.args == [target.id]


def test_hover_shows_the_units_card(plan, qtbot):
    view, rows = plan
    card = view.viewport().findChild(HoverCard)
    target = rows[2].units[3]
    qtbot.mouseMove(view.viewport(), centre(block_box(view, target.id)))
    qtbot.waitUntil(lambda: card.isVisible())
    assert "U23" in card.text()
    # A style's card function wins over the block's own text.
    view.apply_style(MapStyle(COLOURS, card=lambda i: f"card {i}"))
    qtbot.mouseMove(view.viewport(), centre(block_box(view, rows[0].units[0].id)))
    qtbot.waitUntil(lambda: card.text() == "card 0")


def test_a_unit_of_no_area_is_still_drawn_and_clickable(plan, qtbot):
    view, rows = plan
    sliver = rows[2].units[1]
    assert sliver.area == 0
    box = block_box(view, sliver.id)
    assert box.width() >= 2
    image = view.viewport().grab().toImage()
    assert image.pixelColor(centre(box)) == QColor(COLOURS[6])
    assert view.unit_at(centre(box)) == sliver.id


def test_labels_show_where_they_fit_and_stack_when_narrow(plan):
    view, _rows = plan
    labels = ["A-301 华为", "A-302", "A-303", "B", "C", "D", "E",
              "A-1203 华为技术有限公司", "G"]
    view.apply_style(MapStyle(COLOURS, labels))
    shown = {item.text() for item in view.scene().items()
             if isinstance(item, QGraphicsSimpleTextItem) and item.isVisible()}
    assert {"A-301 华为", "A-302", "A-303", "B", "D", "G"} <= shown
    # broken at its space to fit 60 m² (on screen at the UI font's size, never smaller)
    assert {"A-1203", "华为技术有限公司"} <= shown
    assert "E" not in shown  # the sliver has no room for text
    assert view.visible_label_count() == 8
    # A label that is too long is dropped, not spilled over its neighbours.
    view.apply_style(MapStyle(COLOURS, lambda i: "没有哪个单元放得下的很长很长的标签" * 10))
    assert view.visible_label_count() == 0


def test_render_to_paints_the_whole_plan_into_a_rectangle(plan):
    view, rows = plan
    image, scale, origin = render_scene(view, 1000)
    for unit_id, colour in zip(ids_of(rows), COLOURS, strict=True):
        item = view.item_for(unit_id)
        middle = item.mapRectToScene(item.rect()).center() - origin
        assert image.pixelColor((middle * scale).toPoint()) == QColor(colour)


def test_selection_follows_the_table(plan):
    view, rows = plan
    target = rows[0].units[0]
    view.select_unit(target.id)
    assert view.item_for(target.id).pen().widthF() == 3
    view.select_unit(None)
    assert view.item_for(target.id).pen().widthF() == 0


def test_a_tall_building_fits_its_width_and_starts_at_the_top(qtbot):
    view = shown(qtbot, StackingPlanView(), 1000, 600)
    rows = [StackRow(f"{f}F", tuple(StackBlock(uuid.uuid4(), 50.0 + (i * f) % 90)
                                    for i in range(20)), "—") for f in range(60, 0, -1)]
    view.show_building(rows)
    ids = ids_of(rows)
    view.apply_style(MapStyle(["#4e79a7"] * len(ids), [f"{i}" for i in range(len(ids))]))
    assert len(view.unit_ids()) == 1200 and view.unit_ids() == ids
    top = block_box(view, rows[0].units[0].id)
    assert 0 <= top.top() < 40  # the top floor is in view
    assert top.height() >= 20  # rows stay readable
    assert view.verticalScrollBar().maximum() > 0  # the rest is a scroll away


def test_block_widths_and_label_options():
    assert block_widths([[100.0, 300.0], [200.0, 0.0]], plan_width=400, sliver=5) == [
        [100.0, 300.0], [200.0, 5.0]]
    assert block_widths([[0.0, 0.0], [0.0]], plan_width=300) == [[150.0, 150.0], [150.0]]
    assert block_widths([]) == []
    assert label_options("A-1201 华为") == ["A-1201 华为", "A-1201\n华为", "A-1201"]
    assert label_options("A-1201\n华为") == ["A-1201\n华为", "A-1201"]
    assert label_options("  ") == []
