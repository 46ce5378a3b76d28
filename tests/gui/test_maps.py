"""The map tab on a real workspace, offscreen: pixels, legend, time travel, clicks, export."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage
from shapely.geometry import LineString, box
from sqlalchemy import select

from domain.contracts import ContractStatus
from domain.map_modes import Blank, MapMode, RentClass
from services.maps import BLANK_COLOURS
from spatial.geometry import lines_to_wkb, polygon_to_wkb
from store.schema import Contract, ContractUnit, Floor, Tenant, Unit, UnitMetric
from store.workspace import Workspace
from tests.gui.helpers import leasemap, open_window
from tests.small_park import TODAY, SmallPark, build_small_workspace

BOXES = {f"ZD-A-010{i + 1}": (i * 12.0, 0.0, i * 12.0 + 10.0, 12.54) for i in range(3)}


@pytest.fixture
def drawn_park(tmp_path: Path) -> SmallPark:
    """The small park with outlines on A 1F, readings for one unit, a lease from March 2027."""
    park = build_small_workspace(tmp_path / "drawn.leasemap")
    workspace = Workspace.open(park.path)
    with workspace.transaction() as s:
        units = {u.code: u for u in s.scalars(select(Unit))}
        for code, bounds in BOXES.items():
            units[code].geometry = polygon_to_wkb(box(*bounds))
        floor = s.get(Floor, units["ZD-A-0101"].floor_id)
        floor.background = lines_to_wkb(LineString([(-2, -2), (36, -2), (36, 15)]))
        tenant = s.scalars(select(Tenant)).one()
        march = Contract(park_id=tenant.park_id, tenant_id=tenant.id, code="HT-2027-0003",
                         status=ContractStatus.SIGNED, signed_on=date(2027, 3, 1),
                         starts_on=date(2027, 3, 1), ends_on=date(2029, 2, 28),
                         rent_per_sqm_month=Decimal("110.0000"))
        s.add(march)
        s.flush()
        s.add(ContractUnit(contract_id=march.id, unit_id=units["ZD-A-0103"].id,
                           billable_area=Decimal("125.40")))
        s.add(UnitMetric(park_id=tenant.park_id, unit_id=units["ZD-A-0101"].id,
                         month=date(2026, 10, 1), energy_kwh=Decimal("1500.00"),
                         cost=Decimal("2000.00"), access_count=100,
                         lighting_hours=Decimal("200.0"), hvac_hours=Decimal("150.0")))
    workspace.close()
    return park


@pytest.fixture
def map_window(qtbot, settings, drawn_park):
    win = open_window(qtbot, settings, drawn_park.path, (1200, 800))
    maps = win.show_map()
    floor = _floor(win, "A", "1F")
    win.tree.select("floor", floor)
    win.controller.set_scope("floor", floor)
    yield win, maps
    win.close()


def _floor(win, building: str, name: str):
    park = win.controller.tree[0]
    b = next(b for b in park.buildings if b.code == building)
    return next(f.id for f in b.floors if f.name == name)


def _unit_id(maps, code: str):
    return next(u.id for u in maps.units if u.code == code)


def _pixel(win, code: str) -> QColor:
    """The colour drawn at an interior point of the unit (a corner, clear of its label)."""
    view = win.map_panel.floor_plan
    x0, y0, _, _ = BOXES[code]
    image: QImage = view.viewport().grab().toImage()
    pos = view.mapFromScene(QPointF(x0 + 0.8, -(y0 + 0.8)))
    return image.pixelColor(pos)


def _expected(maps, code: str) -> QColor:
    return QColor(maps.thematic.colour_of(_unit_id(maps, code)))


def test_floor_plan_pixels_match_each_units_class_in_every_mode(map_window, qtbot):
    win, maps = map_window
    assert win.map_panel.current_view() is win.map_panel.floor_plan
    for mode in MapMode:
        win.map_panel.set_mode(mode)
        qtbot.wait(1)
        assert maps.thematic.mode is mode
        for code in BOXES:
            assert _pixel(win, code) == _expected(maps, code), (mode, code)


def test_rent_control_classes_and_legend_equal_the_data(map_window):
    win, maps = map_window
    win.map_panel.set_mode(MapMode.RENT_CONTROL)
    values = dict(zip((u.code for u in maps.units), maps.thematic.values, strict=True))
    assert values == {"ZD-A-0101": RentClass.LEASED,
                      "ZD-A-0102": RentClass.SIGNED_NOT_STARTED,
                      "ZD-A-0103": RentClass.VACANT}
    rows = {r.text: (r.count, r.area) for r in win.map_panel.legend.rows()}
    assert rows["Vacant"] == (1, Decimal("125.40"))
    assert rows["Leased"] == (1, Decimal("125.40"))
    assert rows["Signed, not started"] == (1, Decimal("125.40"))
    assert rows["Expiring in 30 days"] == (0, 0)
    assert sum(c for c, _ in rows.values()) == 3


def test_units_without_readings_are_no_data_not_zero(map_window):
    win, maps = map_window
    win.map_panel.set_mode(MapMode.ENERGY)
    values = dict(zip((u.code for u in maps.units), maps.thematic.values, strict=True))
    assert values["ZD-A-0101"] == Decimal("11.96")  # 1500 kWh over 125.40 m²
    assert values["ZD-A-0102"] is None and values["ZD-A-0103"] is None
    # neither is let on TODAY: each is its state, in a neutral colour, and none is "no data"
    rows = {r.text: (r.count, r.area) for r in win.map_panel.legend.rows()}
    assert rows["Signed, not started"] == rows["Vacant"] == (1, Decimal("125.40"))
    assert rows["No data"] == (0, 0)
    assert _pixel(win, "ZD-A-0102") == QColor(BLANK_COLOURS[Blank.SIGNED])


def test_time_travel_shows_the_march_lease_vacant_in_february_leased_in_april(map_window, qtbot):
    win, maps = map_window
    win.map_panel.set_mode(MapMode.RENT_CONTROL)
    colours = {c: QColor(maps.thematic.theme.legend[i].colour)
               for i, c in enumerate(RentClass)}
    win.date_edit.setDate(QDate(2027, 2, 15))
    qtbot.wait(1)
    assert _pixel(win, "ZD-A-0103") == colours[RentClass.VACANT]
    win.date_edit.setDate(QDate(2027, 4, 15))
    qtbot.wait(1)
    assert _pixel(win, "ZD-A-0103") == colours[RentClass.LEASED]
    assert maps.day == date(2027, 4, 15)


def test_click_selects_in_the_table_and_the_table_selects_on_the_map(map_window, qtbot):
    win, maps = map_window
    view = win.map_panel.floor_plan
    x0, y0, _, _ = BOXES["ZD-A-0102"]
    pos = view.mapFromScene(QPointF(x0 + 1, -(y0 + 1)))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    clicked = _unit_id(maps, "ZD-A-0102")
    assert win.table.current_unit_id() == clicked
    assert view.selected_unit() == clicked
    other = _unit_id(maps, "ZD-A-0103")
    win.table.select_unit(other)
    assert view.selected_unit() == other
    assert view.unit_at(QPoint(2, 2)) is None


def test_hover_card_names_unit_tenant_and_rent(map_window, qtbot):
    win, _ = map_window
    view = win.map_panel.floor_plan
    x0, y0, _, _ = BOXES["ZD-A-0101"]
    qtbot.mouseMove(view.viewport(), view.mapFromScene(QPointF(x0 + 2, -(y0 + 2))))
    qtbot.waitUntil(lambda: view._card.isVisible())
    text = view._card.text()
    assert "ZD-A-0101" in text and "云帆智能" in text and "95.00" in text


def test_labels_hide_when_units_are_too_small_on_screen(map_window):
    win, _ = map_window
    view = win.map_panel.floor_plan
    view.fit()
    assert view.visible_label_count() == 3
    view.zoom(0.05)
    assert view.visible_label_count() == 0
    view.fit()
    assert view.visible_label_count() == 3


def test_floor_without_a_plan_says_so(map_window):
    win, _ = map_window
    win.controller.set_scope("floor", _floor(win, "A", "2F"))
    assert win.map_panel.current_view() is win.map_panel.empty
    assert "no plan" in win.map_panel.empty.text()


def test_building_shows_its_stacking_plan_and_park_its_site(map_window):
    win, maps = map_window
    building = next(b for b in win.controller.tree[0].buildings if b.code == "A")
    win.controller.set_scope("building", building.id)
    assert win.map_panel.current_view() is maps.stacking_plan
    assert len(maps.units) == 6
    win.controller.set_scope("park", win.controller.tree[0].id)
    assert win.map_panel.current_view() is maps.park_map
    assert len(maps.park_map.building_ids()) == 2


def test_exports_png_svg_and_pdf(map_window, tmp_path):
    from app.map_dialogs import run_export

    win, _ = map_window
    png, svg, pdf = tmp_path / "m.png", tmp_path / "m.svg", tmp_path / "m.pdf"
    assert run_export(win, "png", png) == png
    assert not QImage(str(png)).isNull()
    assert run_export(win, "svg", svg) == svg
    assert "<svg" in svg.read_text(encoding="utf-8")
    assert run_export(win, "pdf", pdf, "A3", False) == pdf
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "A栋 办公楼 · 1F" in text and "Rent control" in text


def _has_chinese_font() -> bool:
    if shutil.which("fc-list") is None:
        return False
    found = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False)
    return bool(found.stdout.strip())


@pytest.mark.skipif(shutil.which("pdftoppm") is None or not _has_chinese_font(),
                    reason="poppler-utils and a CJK font are installed by make test")
def test_cli_prints_a_building_to_one_pdf_with_chinese_text(drawn_park, tmp_path):
    out = tmp_path / "a.pdf"
    done = leasemap(tmp_path, "print", "--building", "A", "--mode", "rent-control",
                    "-o", str(out), "--workspace", str(drawn_park.path), "--on",
                    TODAY.isoformat(), "--lang", "zh_CN")
    assert done.returncode == 0, done.stderr
    # the stacking plan, the area statement, then each floor with a plan (only 1F is drawn)
    assert "3 页" in done.stdout
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    assert re.search(r"^Pages:\s+3$", info.stdout, re.MULTILINE)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "A栋 办公楼" in text and "张江测试园" in text
    assert "云帆智能" in text  # a tenant's name on its unit
    assert "租控" in text  # the mode's name in Chinese
    assert "面积明细" in text  # the area statement's title
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(out), str(tmp_path / "page")],
                   check=True)
    assert len(list(tmp_path.glob("page-*.png"))) == 3


def test_cli_print_names_an_unknown_building(drawn_park, tmp_path):
    done = leasemap(tmp_path, "print", "--building", "Z", "-o", str(tmp_path / "z.pdf"),
                    "--workspace", str(drawn_park.path), "--lang", "en")
    assert done.returncode == 2
    assert "no building Z" in done.stderr and "A, B" in done.stderr
    assert not (tmp_path / "z.pdf").exists()


def test_labels_shrink_then_hide_and_never_spill_out_of_their_unit(map_window):
    win, maps = map_window
    view = win.map_panel.floor_plan
    view.fit()
    scales_seen = set()
    for _ in range(40):
        view.zoom(0.9)
        scale = abs(view.transform().m11())
        for i, label in enumerate(view._labels):
            if label is not None and label.isVisible():
                scales_seen.add(label.scale())
                x0, y0, x1, y1 = BOXES[maps.units[i].code]
                assert label.data(1) * label.scale() <= (x1 - x0) * scale
                assert label.data(2) * label.scale() <= (y1 - y0) * scale
    assert 1.0 in scales_seen and min(scales_seen) < 1.0
    assert view.visible_label_count() == 0


def test_double_click_on_the_park_map_opens_the_building(map_window):
    win, maps = map_window
    win.controller.set_scope("park", win.controller.tree[0].id)
    building = next(b for b in win.controller.tree[0].buildings if b.code == "B")
    maps.park_map.buildingActivated.emit(building.id)
    assert win.controller.scope.kind == "building" and win.controller.scope.id == building.id
    assert win.map_panel.current_view() is maps.stacking_plan


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is installed by "
                    "make test")
def test_park_map_and_whole_building_export_from_the_window(map_window, tmp_path):
    from app.map_dialogs import run_export

    win, _ = map_window
    building_pdf = tmp_path / "a.pdf"
    assert run_export(win, "building-pdf", building_pdf, "A4", True) == building_pdf
    text = subprocess.run(["pdftotext", str(building_pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert text.count("\f") == 3  # stacking plan, area statement, the one floor with a plan
    assert "Stacking plan" in text and "ZD-A-0101" in text
    win.controller.set_scope("park", win.controller.tree[0].id)
    park_pdf = tmp_path / "park.pdf"
    assert run_export(win, "pdf", park_pdf, "A4", True) == park_pdf
    text = subprocess.run(["pdftotext", str(park_pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "张江测试园" in text and "buildings" in text and "Occupancy" in text


def test_site_plan_import_places_buildings_on_the_park_map(map_window, qtbot, tmp_path):
    from app.site_flow import read_site_plan
    from tests.store.test_site_import import write_site

    win, maps = map_window
    win.controller.set_scope("park", win.controller.tree[0].id)
    buildings = {b.code: b.id for b in win.controller.tree[0].buildings}
    assert maps.park_map.is_placed(buildings["A"])  # no footprint yet: laid out
    read_site_plan(win, write_site(tmp_path / "site.dxf"), apply=True)
    qtbot.waitUntil(lambda: not maps.park_map.is_placed(buildings["A"]))
    assert not maps.park_map.is_placed(buildings["B"])
    view = maps.park_map
    x0, y0, x1, y1 = (0, 0, 60, 25)  # A's outline in the drawing, site metres
    item = view.item_for(buildings["A"])
    assert item.sceneBoundingRect().adjusted(1, 1, -1, -1).contains(
        QPointF((x0 + x1) / 2, -(y0 + y1) / 2))
    roads = [i for i in view.scene().items() if i.zValue() == -1]
    assert roads  # the site drawing's roads under the buildings


def test_a_plan_imported_onto_a_shown_floor_is_drawn_and_its_legend_follows(map_window):
    win, _ = map_window
    floor = _floor(win, "A", "2F")
    win.controller.set_scope("floor", floor)
    assert win.map_panel.current_view() is win.map_panel.empty
    assert win.map_panel.legend.rows() == []  # no legend of the floor shown before
    workspace = win.controller.workspace
    with workspace.transaction() as s:
        for i, unit in enumerate(s.scalars(select(Unit).where(Unit.floor_id == floor)
                                           .order_by(Unit.code))):
            unit.geometry = polygon_to_wkb(box(i * 12.0, 0, i * 12.0 + 10, 12.54))
    win.controller.reload()
    assert win.map_panel.current_view() is win.map_panel.floor_plan
    assert len(win.map_panel.floor_plan.unit_ids()) == 3
    assert sum(r.count for r in win.map_panel.legend.rows()) == 3


def test_an_edit_recolours_its_unit(map_window):
    from domain.assets import UnitStatus

    win, maps = map_window
    win.map_panel.set_mode(MapMode.RENT_CONTROL)
    vacant = _unit_id(maps, "ZD-A-0103")
    win.controller.edit_unit(vacant, "status", UnitStatus.RESERVED)
    values = dict(zip((u.code for u in maps.units), maps.thematic.values, strict=True))
    assert values["ZD-A-0103"] is RentClass.RESERVED
    assert _pixel(win, "ZD-A-0103") == QColor(maps.thematic.colour_of(vacant))


def test_stacking_totals_follow_the_date(map_window, qtbot):
    win, maps = map_window
    building = next(b for b in win.controller.tree[0].buildings if b.code == "A")
    win.controller.set_scope("building", building.id)

    def totals() -> list[str]:
        return [r.totals for r in maps.stacking_plan._rows]

    today = totals()
    assert any("125 / 376 m²  33%" in t for t in today)
    win.date_edit.setDate(QDate(2025, 6, 1))  # before any lease
    qtbot.wait(1)
    assert all("0 / 376 m²  0%" in t for t in totals())


def test_printing_the_stacking_plan_keeps_the_screens_selection_and_view(map_window, tmp_path):
    from app.map_dialogs import run_export

    win, maps = map_window
    building = next(b for b in win.controller.tree[0].buildings if b.code == "A")
    win.controller.set_scope("building", building.id)
    view = maps.stacking_plan
    chosen = _unit_id(maps, "ZD-A-0102")
    view.select_unit(chosen)
    view.zoom(1.5)
    transform = view.transform()
    assert run_export(win, "pdf", tmp_path / "s.pdf", "A4", True) is not None
    assert view.selected_unit() == chosen
    assert view.item_for(chosen).pen().widthF() == 3
    assert view.transform() == transform


def test_exporting_an_empty_page_warns_instead_of_failing(map_window, tmp_path):
    from app.map_dialogs import run_export

    win, _ = map_window
    win.controller.set_scope("floor", _floor(win, "A", "2F"))
    assert run_export(win, "png", tmp_path / "x.png") is None
    assert "no map to export" in win.last_warning
    assert not (tmp_path / "x.png").exists()


def test_cli_print_to_a_folder_says_so_and_leaves_nothing(drawn_park, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    done = leasemap(tmp_path, "print", "--building", "A", "-o", str(folder),
                    "--workspace", str(drawn_park.path), "--lang", "en")
    assert done.returncode == 2
    assert "is a folder" in done.stderr
    assert list(tmp_path.glob(".*.part")) == [] and list(folder.iterdir()) == []


def test_other_modes_are_classified_while_idle(map_window, qtbot):
    win, maps = map_window
    qtbot.waitUntil(lambda: len(maps._themes) == len(MapMode))
    before = dict(maps._themes)
    win.map_panel.set_mode(MapMode.HEAT)  # a recolour from the cache, no new classification
    assert maps.thematic is before[(MapMode.HEAT, maps.method, maps.classes)]


def test_park_map_card_gives_a_buildings_occupancy_and_areas(map_window, qtbot):
    win, maps = map_window
    win.controller.set_scope("park", win.controller.tree[0].id)
    view = maps.park_map
    a = next(b.id for b in win.controller.tree[0].buildings if b.code == "A")
    rect = view.item_for(a).sceneBoundingRect()
    corner = QPointF(rect.left() + rect.width() * 0.1, rect.top() + rect.height() * 0.1)
    qtbot.mouseMove(view.viewport(), view.mapFromScene(corner))
    qtbot.waitUntil(lambda: view._card.isVisible())
    text = view._card.text()
    # building A: six units of 125.40 m², one let on TODAY
    assert "<b>A栋 办公楼</b>" in text and "Units: 6" in text
    assert "125.40 / 752.40" in text and "16.7%" in text


def test_money_is_shown_in_the_parks_own_currency(map_window, qtbot):
    """Cards, the legend of a money mode and the park map's cards use the park's currency."""
    from store.schema import Park

    win, maps = map_window
    with win.controller.workspace.transaction() as s:
        s.scalars(select(Park)).one().currency = "HKD"
    win.controller.reload()
    win.map_panel.set_mode(MapMode.REVENUE)
    assert maps.currency() == "HKD"
    assert "HKD" in win.map_panel.legend.title()
    view = win.map_panel.floor_plan
    x0, y0, _, _ = BOXES["ZD-A-0101"]
    qtbot.mouseMove(view.viewport(), view.mapFromScene(QPointF(x0 + 2, -(y0 + 2))))
    qtbot.waitUntil(lambda: view._card.isVisible())
    assert "Rent: HKD 95.00" in view._card.text()
    assert "Revenue: HKD 95.0" in view._card.text()
    win.controller.set_scope("park", win.controller.tree[0].id)
    a = next(i for i, b in enumerate(maps.site.buildings) if b.code == "A")
    assert "HKD" in maps._building_card(a, maps.currency())
