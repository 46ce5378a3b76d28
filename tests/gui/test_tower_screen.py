"""A 60-floor tower in the map tab at 1600×1000, offscreen: readable labels at the UI
font's size, floor names pinned at the left while zooming and scrolling, narrow blocks
with the code's local part, and room for the map (details collapse, legend floats)."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QFontInfo, QFontMetricsF, QWheelEvent
from PySide6.QtWidgets import QApplication

from domain.assets import BuildingKind, UnitStatus, UnitType, unit_code
from domain.contracts import ContractStatus
from store.schema import Building, Contract, ContractUnit, Floor, Park, Tenant, Unit
from store.workspace import Workspace
from tests.gui.helpers import open_window
from views.stacking_plan import (
    LABEL_PAD,
    MIN_ROW_PX,
    NAME_FILL,
    NAME_SELECTED,
    ROW_HEIGHT,
    ROW_STEP,
)

FLOORS = 60
SIZE = (1600, 1000)
# m² of each floor's units, left to right: big suites, middling offices and slivers, so
# at 1600×1000 some blocks hold the whole label, some the local part, some nothing.
AREAS = (300, 160, 90, 45, 30, 30, 60, 120, 200, 12, 80, 150)
TENANT = "云帆智能"


def build_tower(path: Path) -> Path:
    """Park ZD with one 60-floor office tower T; each floor's first unit is let."""
    workspace = Workspace.create(path)
    with workspace.transaction() as s:
        park = Park(code="ZD", name="张江测试园")
        s.add(park)
        s.flush()
        tower = Building(park_id=park.id, code="T", name="T栋 塔楼", kind=BuildingKind.OFFICE,
                         floors_above=FLOORS)
        s.add(tower)
        s.flush()
        floors = [Floor(building_id=tower.id, level=level, name=f"{level}F")
                  for level in range(1, FLOORS + 1)]
        s.add_all(floors)
        s.flush()
        units = []
        for floor in floors:
            for n, area in enumerate(AREAS, start=1):
                m2 = Decimal(area)
                units.append(Unit(
                    park_id=park.id, floor_id=floor.id,
                    code=unit_code("ZD", "T", floor.level, n), name="",
                    unit_type=UnitType.OFFICE, status=UnitStatus.LEASABLE,
                    gross_area=m2, internal_area=m2, common_share=Decimal(0),
                    leasable_area=m2, billable_area=m2, asking_rent=Decimal("98.5000")))
        s.add_all(units)
        s.flush()
        tenant = Tenant(park_id=park.id, code="T001", name="上海云帆智能科技有限公司",
                        short_name=TENANT)
        s.add(tenant)
        s.flush()
        lease = Contract(park_id=park.id, tenant_id=tenant.id, code="HT-2026-0001",
                         status=ContractStatus.SIGNED, signed_on=date(2025, 12, 1),
                         starts_on=date(2026, 1, 1), ends_on=date(2028, 12, 31),
                         rent_per_sqm_month=Decimal("95.0000"))
        s.add(lease)
        s.flush()
        s.add_all([ContractUnit(contract_id=lease.id, unit_id=u.id,
                                billable_area=u.billable_area)
                   for u in units if u.code.endswith("01")])
    workspace.close()
    return path


@pytest.fixture(scope="module")
def built_tower(tmp_path_factory) -> Path:
    return build_tower(tmp_path_factory.mktemp("tower") / "tower.leasemap")


@pytest.fixture
def tower(built_tower: Path, tmp_path: Path) -> Path:
    """A fresh copy for each test: a window may write to its workspace."""
    return Path(shutil.copy(built_tower, tmp_path / "tower.leasemap"))


def open_tower(qtbot, settings, path: Path):
    """The window at 1600×1000 with the tower's stacking plan in the map tab."""
    win = open_window(qtbot, settings, path, SIZE)
    maps = win.show_map()
    building = win.controller.tree[0].buildings[0]
    win.tree.select("building", building.id)
    win.controller.set_scope("building", building.id)
    view = maps.stacking_plan
    qtbot.waitUntil(lambda: win.map_panel.current_view() is view and view.isVisible())
    qtbot.waitUntil(lambda: view.visible_label_count() > 0)
    return win, maps, view


@pytest.fixture
def tower_window(qtbot, settings, tower):
    win, maps, view = open_tower(qtbot, settings, tower)
    yield win, maps, view
    win.close()


def ui_font_height() -> float:
    return QFontMetricsF(QApplication.font()).height()


def on_screen(view, item):
    """A text item's rectangle on the viewport, as painted (it ignores the view's zoom)."""
    return item.deviceTransform(view.viewportTransform()).mapRect(item.boundingRect())


def shown_pixels(win, view):
    """The viewport as it is on screen (the window's backing store, not a fresh render: a
    scroll moves painted pixels, and pinned names moved along would show here)."""
    shot = QApplication.primaryScreen().grabWindow(win.winId()).toImage()
    origin = view.viewport().mapTo(win, QPoint(0, 0))
    return shot.copy(origin.x(), origin.y(), view.viewport().width(),
                     view.viewport().height())


def label_items(view):
    """The visible unit label lines of the stacking plan, with the unit they belong to."""
    found = []
    for unit_id in view.unit_ids():
        block = view.item_for(unit_id).sceneBoundingRect()
        for item in view.scene().items(block, Qt.ItemSelectionMode.IntersectsItemBoundingRect):
            if hasattr(item, "text") and item.isVisible() and item.text() in (
                    view.shown_label(unit_id).split("\n")):
                found.append((unit_id, item))
    return found


def test_rows_and_labels_are_readable_on_a_60_floor_tower(tower_window, qtbot):
    _win, _maps, view = tower_window
    # The width fits, the tower scrolls: rows are as tall as two lines of the UI font.
    assert view.horizontalScrollBar().maximum() == 0
    assert view.verticalScrollBar().maximum() > 0
    row = view.row_height_px()
    assert row >= MIN_ROW_PX and row >= 2 * ui_font_height() + 2 * LABEL_PAD
    # Zooming out stops before rows get unreadable.
    view.zoom(0.5)
    assert view.row_height_px() >= row - 0.01
    # Every label drawn is at least the UI font's size on screen, and inside its block.
    font = view.label_font()
    assert QFontInfo(font).pixelSize() >= QFontInfo(QApplication.font()).pixelSize()
    labels = label_items(view)
    assert len(labels) > 200
    for unit_id, item in labels:
        rect = on_screen(view, item)
        assert rect.height() >= ui_font_height() - 0.5, item.text()
        block = view.mapFromScene(view.item_for(unit_id).sceneBoundingRect()).boundingRect()
        assert block.adjusted(-1, -1, 1, 1).contains(rect.toAlignedRect()), item.text()
    # The top floor is in view, its name pinned at the left.
    cells = view.pinned_floors()
    assert cells[0][1] == "60F" and cells[0][0].left() == 0


def test_narrow_blocks_show_the_local_part_and_slivers_nothing(tower_window):
    _win, maps, view = tower_window
    codes = {u.id: u.code for u in maps.units}
    sx = view.transform().m11()
    metrics = QFontMetricsF(view.label_font())
    whole = local = hidden = 0
    for unit_id in view.unit_ids():
        code = codes[unit_id]
        short = code.removeprefix("ZD-T-")
        width = view.item_for(unit_id).sceneBoundingRect().width() * sx - 2 * LABEL_PAD
        shown = view.shown_label(unit_id)
        first = shown.split("\n")[0]
        if width >= metrics.horizontalAdvance(code) + 1:
            assert first == code, (code, shown)
            whole += 1
        elif width >= metrics.horizontalAdvance(short) + 1:
            assert first == short, (code, shown)
            local += 1
        elif width < metrics.horizontalAdvance(short) - 1:
            assert shown == "", (code, shown)
            hidden += 1
    assert whole and local and hidden
    # A let unit wide enough says who rents it under its code.
    let = [u.id for u in maps.units if u.code.endswith("01")]
    assert all(view.shown_label(i).split("\n")[1:] == [TENANT] for i in let)


def test_floor_names_stay_pinned_while_zooming_and_scrolling(tower_window, qtbot):
    win, maps, view = tower_window
    view.zoom(2.5)
    bar = view.horizontalScrollBar()
    assert bar.maximum() > 0
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    for value in range(0, bar.maximum() + 37, 37):  # scrolled right to the totals, as a
        bar.setValue(value)  # person drags: each step scrolls what is already painted
        QApplication.processEvents()
    qtbot.wait(10)
    image = shown_pixels(win, view)
    cells = view.pinned_floors()
    assert len(cells) >= 5
    names = view.floor_names()
    height = view.viewport().height()
    expected, tops = [], []
    for r, name in enumerate(names):  # the rows that are in view now, from the scene
        top = view.mapFromScene(QPointF(0, r * ROW_STEP)).y()
        bottom = view.mapFromScene(QPointF(0, r * ROW_STEP + ROW_HEIGHT)).y()
        if bottom > 0 and top < height:
            expected.append(name)
            tops.append(top)
    assert [name for _, name in cells] == expected
    # Each name moves with its row: level with the row's blocks.
    assert all(abs(cell.top() - top) <= 1 for (cell, _), top in zip(cells, tops, strict=True))
    assert expected[0] not in ("60F", "1F")  # the middle of the tower, not its ends
    first_block = view.item_for(maps.units[0].id).sceneBoundingRect()
    assert view.mapToScene(QPoint(view.pinned_width(), 0)).x() > first_block.right()
    for cell, name in cells:
        assert cell.left() == 0 and cell.width() == view.pinned_width()
        middle = cell.center().toPoint()
        if not 0 <= middle.y() < height:
            continue
        # The name on its band, at the viewport's left edge; the rows slide under it.
        assert image.pixelColor(QPoint(1, middle.y())) == QColor(NAME_FILL), name
        inked = [image.pixelColor(QPoint(x, middle.y())).lightness()
                 for x in range(int(cell.left()), int(cell.right()))]
        assert min(inked) < 100, name  # the name's text is painted there
    # Clicking a pinned name selects that floor (and no unit).
    cell, name = cells[2]
    with qtbot.waitSignal(view.floorClicked) as floor, \
            qtbot.waitSignal(view.unitClicked) as unit:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=cell.center().toPoint())
    assert names[floor.args[0]] == name and unit.args == [None]
    assert view.selected_floor() == floor.args[0]
    qtbot.wait(10)
    image = shown_pixels(win, view)
    assert image.pixelColor(QPoint(1, cell.center().toPoint().y())) == QColor(NAME_SELECTED)
    # Scrolling back left: the names are still where they were, the blocks moved.
    bar.setValue(0)
    qtbot.wait(10)
    assert [n for _, n in view.pinned_floors()] == expected


def test_double_clicking_a_pinned_floor_opens_it(tower_window, qtbot):
    from tests.gui.helpers import double_click

    win, _maps, view = tower_window
    cell, name = view.pinned_floors()[1]
    double_click(qtbot, view.viewport(), cell.center().toPoint())
    qtbot.waitUntil(lambda: win.controller.scope.kind == "floor")
    floor = next(f for f in win.controller.tree[0].buildings[0].floors
                 if f.id == win.controller.scope.id)
    assert floor.name == name == "59F"


def test_the_wheel_scrolls_the_tower_and_ctrl_wheel_zooms(tower_window, qtbot):
    _win, _maps, view = tower_window

    def wheel(modifiers: Qt.KeyboardModifier) -> None:
        pos = QPointF(view.viewport().width() / 2, view.viewport().height() / 2)
        event = QWheelEvent(pos, view.viewport().mapToGlobal(pos), QPoint(0, 0),
                            QPoint(0, -120), Qt.MouseButton.NoButton, modifiers,
                            Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(view.viewport(), event)

    transform = view.transform()
    wheel(Qt.KeyboardModifier.NoModifier)
    assert view.verticalScrollBar().value() > 0 and view.transform() == transform
    wheel(Qt.KeyboardModifier.ControlModifier)  # out: rows are at their least already
    assert view.transform() == transform
    view.zoom(2.0)
    wheel(Qt.KeyboardModifier.ControlModifier)
    assert view.transform().m11() < 2.0 * transform.m11()


def test_collapsing_the_details_widens_the_map_and_is_remembered(tower_window, qtbot,
                                                                  settings, tower):
    win, _maps, view = tower_window
    panel = win.map_panel
    action = win.details_dock.toggleViewAction()
    assert action in win.view_menu.actions() and action.isChecked()
    assert panel.details_button.isChecked()
    before, labels = view.viewport().width(), view.visible_label_count()
    qtbot.mouseClick(panel.details_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.viewport().width() > before + 200)
    assert not win.details_dock.isVisible() and not action.isChecked()
    assert settings.details_collapsed
    # The plan refits to the new width: more blocks hold their labels.
    assert view.horizontalScrollBar().maximum() == 0
    assert view.visible_label_count() > labels
    win.close()
    again, _, view = open_tower(qtbot, settings, tower)
    assert not again.details_dock.isVisible()
    assert not again.map_panel.details_button.isChecked()
    wide = view.viewport().width()
    again.details_dock.toggleViewAction().trigger()  # the View menu brings them back
    qtbot.waitUntil(lambda: view.viewport().width() < wide - 200)
    assert again.map_panel.details_button.isChecked() and not settings.details_collapsed
    again.close()


def test_the_legend_floats_over_the_map_and_docks_back(tower_window, qtbot, settings, tower):
    win, _maps, view = tower_window
    panel = win.map_panel
    legend = panel.legend
    assert legend.rows() and legend.parentWidget() is panel
    before = view.viewport().width()
    qtbot.mouseClick(panel.legend_button, Qt.MouseButton.LeftButton)
    window = panel.legend_window
    assert panel.legend_floating() and legend.window() is window
    qtbot.waitUntil(lambda: window.isVisible() and view.viewport().width() > before + 100)
    assert window.windowFlags() & Qt.WindowType.Tool
    assert window.width() >= legend.sizeHint().width() and legend.isVisible()
    # It floats over the map's top right corner.
    corner = view.mapToGlobal(QPoint(view.viewport().width(), 0))
    assert abs(window.geometry().right() - corner.x()) < 200
    assert settings.legend_floating
    # It goes with the map tab: hidden on the units tab, back on the map.
    win.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: not window.isVisible())
    win.tabs.setCurrentWidget(win.map_page)
    qtbot.waitUntil(window.isVisible)
    # Closing the little window docks the legend back beside the map.
    window.close()
    qtbot.waitUntil(lambda: legend.parentWidget() is panel and legend.isVisible())
    assert not panel.legend_button.isChecked() and not settings.legend_floating
    qtbot.waitUntil(lambda: view.viewport().width() <= before)
    # The choice is remembered for the next window.
    qtbot.mouseClick(panel.legend_button, Qt.MouseButton.LeftButton)
    assert settings.legend_floating
    win.close()
    again, _, _ = open_tower(qtbot, settings, tower)
    assert again.map_panel.legend_floating() and again.map_panel.legend_button.isChecked()
    qtbot.waitUntil(again.map_panel.legend_window.isVisible)
    qtbot.mouseClick(again.map_panel.legend_button, Qt.MouseButton.LeftButton)
    assert not again.map_panel.legend_floating() and not settings.legend_floating
    again.close()


def test_printing_and_redrawing_keep_the_screen_as_it_was(tower_window, qtbot):
    from PySide6.QtCore import QDate, QRectF
    from PySide6.QtGui import QImage, QPainter

    win, maps, view = tower_window
    view.zoom(1.6)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    view.verticalScrollBar().setValue(400)
    view.select_floor(5)
    before = (view.transform(), view.horizontalScrollBar().value(),
              view.verticalScrollBar().value(), view.pinned_floors(),
              view.visible_label_count(), {i: view.shown_label(i) for i in view.unit_ids()})
    image = QImage(1400, 1000, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    view.render_to(painter, QRectF(0, 0, 1400, 1000))  # a landscape page: rows widened
    painter.end()
    after = (view.transform(), view.horizontalScrollBar().value(),
             view.verticalScrollBar().value(), view.pinned_floors(),
             view.visible_label_count(), {i: view.shown_label(i) for i in view.unit_ids()})
    assert after == before and view.selected_floor() == 5
    assert len(view.unit_ids()) == FLOORS * len(AREAS)
    # The date changes: the same floors are drawn again, every block with its own label.
    win.date_edit.setDate(QDate(2025, 6, 1))  # before the lease: no tenant under the codes
    let = next(u.id for u in maps.units if u.code == "ZD-T-6001")
    qtbot.waitUntil(lambda: view.shown_label(let) == "ZD-T-6001")
    assert len(view.unit_ids()) == FLOORS * len(AREAS)
    assert view.visible_label_count() == sum(1 for i in view.unit_ids() if view.shown_label(i))


def test_a_unit_chosen_in_the_table_is_scrolled_into_view(tower_window, qtbot):
    win, maps, view = tower_window
    low = next(u.id for u in maps.units if u.code == "ZD-T-0209")  # 2F, far down the tower
    block = view.item_for(low).sceneBoundingRect()
    assert view.mapFromScene(block.topLeft()).y() > view.viewport().height()  # out of view
    qtbot.waitUntil(lambda: win.table.select_unit(low))
    qtbot.waitUntil(lambda: view.selected_unit() == low)
    shown = view.mapFromScene(block).boundingRect()
    assert view.viewport().rect().contains(shown)
    assert shown.left() > view.pinned_width()  # clear of the pinned names
