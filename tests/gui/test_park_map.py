"""The park map draws every building, placing those without a footprint, and opens one."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsSimpleTextItem
from shapely.geometry import Polygon, box

from tests.gui.helpers import double_click, render_scene, shown
from views.map_canvas import HoverCard
from views.park_map import ParkMapView, SiteBuilding, site_layout

COLOURS = ["#c7e9b4", "#41b6c4", "#253494"]


def three_buildings() -> list[SiteBuilding]:
    return [
        SiteBuilding(uuid.uuid4(), "A", "研发中心", box(0, 0, 80, 40), "<b>A</b> 研发中心"),
        SiteBuilding(uuid.uuid4(), "B", "总部大楼", box(100, 0, 140, 70), "<b>B</b> 总部大楼"),
        SiteBuilding(uuid.uuid4(), "C", "仓库", None, "<b>C</b> 仓库"),
    ]


@pytest.fixture
def site(qtbot):
    view = shown(qtbot, ParkMapView(), 800, 500)
    buildings = three_buildings()
    view.show_site(buildings)
    view.apply_colours(COLOURS)
    return view, buildings


def inside(view: ParkMapView, building_id: uuid.UUID) -> QPoint:
    """A viewport point inside the building, clear of its centred label."""
    rect = view.item_for(building_id).sceneBoundingRect()
    return view.mapFromScene(QPointF(rect.left() + rect.width() * 0.15,
                                     rect.top() + rect.height() * 0.15))


def test_every_building_is_drawn_in_its_colour_without_overlap(site):
    view, buildings = site
    assert view.building_ids() == [b.id for b in buildings]
    rects = [view.item_for(b.id).sceneBoundingRect() for b in buildings]
    for i, first in enumerate(rects):
        for second in rects[i + 1:]:
            assert not first.intersects(second)
    image = view.viewport().grab().toImage()
    for building, colour in zip(buildings, COLOURS, strict=True):
        assert image.pixelColor(inside(view, building.id)) == QColor(colour), building.code
    assert view.is_placed(buildings[2].id) and not view.is_placed(buildings[0].id)


def test_footprints_keep_their_place_with_y_up(site):
    view, buildings = site
    a = view.item_for(buildings[0].id).sceneBoundingRect()
    b = view.item_for(buildings[1].id).sceneBoundingRect()
    assert a == QRectF(0, -40, 80, 40)  # y flipped: the scene's y runs down
    assert b.left() > a.right() and b.top() < a.top()  # B reaches further north


def test_double_click_opens_and_click_selects_a_building(site, qtbot):
    view, buildings = site
    placed = buildings[2]
    with qtbot.waitSignal(view.buildingActivated) as activated:
        double_click(qtbot, view.viewport(), inside(view, placed.id))
    assert activated.args == [placed.id]
    with qtbot.waitSignal(view.buildingClicked) as clicked:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=inside(view, buildings[0].id))
    assert clicked.args == [buildings[0].id]
    assert view.selected_building() == buildings[0].id
    assert view.building_at(QPoint(2, 2)) is None


def test_hover_shows_the_buildings_card(site, qtbot):
    view, buildings = site
    card = view.viewport().findChild(HoverCard)
    qtbot.mouseMove(view.viewport(), inside(view, buildings[1].id))
    qtbot.waitUntil(lambda: card.isVisible())
    assert "总部大楼" in card.text()


def test_labels_give_the_code_and_the_name_when_there_is_room(site):
    view, _buildings = site

    def shown() -> set[str]:
        return {item.text() for item in view.scene().items()
                if isinstance(item, QGraphicsSimpleTextItem) and item.isVisible()}

    assert {"A", "研发中心", "B", "总部大楼", "C", "仓库"} <= shown()
    view.apply_colours(COLOURS, ["A\n82%", "", "C\n40%"])  # the caller's labels replace codes
    assert {"A", "82%", "B", "C", "40%"} <= shown()
    view.zoom(0.05)  # far out: no label fits inside; each stands beside its building
    assert view.visible_label_count() == 3
    assert all(view.label_beside(b.id) for b in _buildings)
    view.fit()
    assert view.visible_label_count() == 3


def test_render_to_paints_the_site_into_a_rectangle(site):
    view, buildings = site
    image, scale, origin = render_scene(view, 900)
    for building, colour in zip(buildings, COLOURS, strict=True):
        rect = view.item_for(building.id).sceneBoundingRect()
        point = QPointF(rect.left() + rect.width() * 0.15, rect.top() + rect.height() * 0.15)
        assert image.pixelColor(((point - origin) * scale).toPoint()) == QColor(colour)


def test_site_layout_places_missing_footprints_beside_the_known_ones():
    known = [box(0, 0, 40, 40), Polygon([(60, 0), (120, 0), (120, 30), (60, 30)])]
    outlines = site_layout([known[0], None, known[1], None, None])
    assert outlines[0] is known[0] and outlines[2] is known[1]
    placed = [outlines[1], outlines[3], outlines[4]]
    side = (40 * 40) ** 0.5 / 2 + (60 * 30) ** 0.5 / 2  # the median of two
    for square in placed:
        assert square.area == pytest.approx(side * side)
        assert all(not square.intersects(k) for k in known)
    assert all(not a.intersects(b) for i, a in enumerate(placed) for b in placed[i + 1:])
    # None known: a grid of default squares from the origin.
    grid = site_layout([None] * 5)
    assert len(grid) == 5 and grid[0].bounds[0] == 0
    assert all(not a.intersects(b) for i, a in enumerate(grid) for b in grid[i + 1:])
    assert site_layout([]) == []
