"""Every building on the park map is labelled, in every mode, on screen and on paper.

Small buildings get a smaller label, and one too small even for that gets its
label beside it on a leader line, clear of the other labels and buildings.
"""

from __future__ import annotations

import shutil
import subprocess
import uuid

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsLineItem
from shapely.geometry import Polygon, box
from sqlalchemy import select

from domain.assets import BuildingKind
from domain.map_modes import MapMode
from spatial.geometry import polygon_to_wkb
from store.schema import Building, Park
from store.workspace import Workspace
from tests.gui.helpers import open_window, shown
from views.park_map import ParkMapView, SiteBuilding

FOOTPRINTS = {
    "A": box(0, 0, 80, 40),  # the small park's tower
    "B": box(100, 0, 130, 12),  # its plant: a low, long shed
    "P9": box(86, 2, 89, 5),  # a pump house, 3 m square, between them
    "K": Polygon([(0, 60), (60, 60), (60, 66), (6, 66), (6, 90), (0, 90)]),  # an L-shaped canteen
}


def leader(view: ParkMapView, building_id: uuid.UUID) -> QGraphicsLineItem | None:
    return view._leaders[view._index[building_id]]


def check_labels(view: ParkMapView, ids: dict[str, uuid.UUID]) -> None:
    """Every building labelled; labels apart; a label beside its building is off every one."""
    assert view.visible_label_count() == len(ids)
    rects = {code: view.label_rect(i) for code, i in ids.items()}
    for code, rect in rects.items():
        assert rect is not None and not rect.isEmpty(), code
        for other, second in rects.items():
            if other != code:
                assert not rect.intersects(second), (code, other)
        if view.label_beside(ids[code]):
            line = leader(view, ids[code])
            assert line is not None and line.isVisible()
            for item_id in ids.values():
                assert not view.item_for(item_id).sceneBoundingRect().intersects(rect), code
            assert view.scene().sceneRect().contains(rect)  # on the sheet: printed too
        else:
            line = leader(view, ids[code])
            assert line is None or not line.isVisible()
            outline = view.item_for(ids[code]).shape()  # the footprint, scene units
            assert outline.contains(rect), code


@pytest.fixture
def park_window(qtbot, settings, small_park):
    workspace = Workspace.open(small_park.path)
    with workspace.transaction() as s:
        park = s.scalars(select(Park)).one()
        buildings = {b.code: b for b in s.scalars(select(Building))}
        s.add(Building(park_id=park.id, code="P9", name="泵房", kind=BuildingKind.INDUSTRIAL,
                       sort_order=3))
        s.add(Building(park_id=park.id, code="K", name="食堂", kind=BuildingKind.MIXED,
                       sort_order=4))
        s.flush()
        buildings = {b.code: b for b in s.scalars(select(Building))}
        for code, footprint in FOOTPRINTS.items():
            buildings[code].footprint = polygon_to_wkb(footprint)
    workspace.close()
    win = open_window(qtbot, settings, small_park.path, (1200, 800))
    maps = win.show_map()
    win.controller.set_scope("park", win.controller.tree[0].id)
    view = maps.park_map
    qtbot.waitUntil(lambda: view.isVisible() and view.width() > 300)
    yield win, maps
    win.close()


def test_a_tiny_building_is_labelled_in_every_mode(park_window, qtbot):
    win, maps = park_window
    view = maps.park_map
    ids = {b.code: b.id for b in win.controller.tree[0].buildings}
    assert set(ids) == set(FOOTPRINTS)
    for mode in MapMode:
        win.map_panel.set_mode(mode)
        assert maps.mode is mode
        view.fit()
        check_labels(view, ids)
        assert view.label_beside(ids["P9"]), mode  # 3 m: no label fits inside
        assert not view.label_beside(ids["A"]), mode
        heads = view._heads[view._index[ids["P9"]]]
        assert heads[0].text() == "P9" and heads[0].isVisible()
    # Zoomed in far enough, the pump house holds its own label, and the leader goes.
    view.zoom(12)
    view.centerOn(view.item_for(ids["P9"]).sceneBoundingRect().center())
    assert not view.label_beside(ids["P9"])
    assert not leader(view, ids["P9"]).isVisible()


def test_the_l_shaped_buildings_label_is_in_its_long_arm(park_window):
    win, maps = park_window
    view = maps.park_map
    ids = {b.code: b.id for b in win.controller.tree[0].buildings}
    view.fit()
    rect = view.label_rect(ids["K"])
    assert not view.label_beside(ids["K"])
    centre = rect.center()
    assert 6 < centre.x() < 60 and -66 < centre.y() < -60  # site y is up, the scene's down


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is installed by "
                    "make test")
def test_the_printed_park_map_names_every_building(park_window, tmp_path):
    from app.map_dialogs import run_export

    win, _maps = park_window
    for mode in (MapMode.RENT_CONTROL, MapMode.HEAT):
        win.map_panel.set_mode(mode)
        pdf = tmp_path / f"park-{mode.value}.pdf"
        assert run_export(win, "pdf", pdf, "A4", True) == pdf
        words = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                               check=True).stdout.split()
        for code in FOOTPRINTS:
            assert code in words, (mode, code)


def test_labels_stay_when_zoomed_far_out_and_avoid_each_other(qtbot):
    view = shown(qtbot, ParkMapView(), 800, 500)
    buildings = [SiteBuilding(uuid.uuid4(), code, code, footprint)
                 for code, footprint in FOOTPRINTS.items()]
    view.show_site(buildings)
    view.apply_colours(["#c7e9b4"] * len(buildings), [f"{b.code}\n82%" for b in buildings])
    ids = {b.code: b.id for b in buildings}
    check_labels(view, ids)
    view.zoom(0.3)  # the whole site a few dozen pixels wide: every label beside
    assert view.visible_label_count() == len(buildings)
    for code in ids:
        assert view.label_rect(ids[code]) is not None
    # Paper: the labels are laid out again for the page's scale, then back as they were.
    before = {code: QRectF(view.label_rect(i)) for code, i in ids.items()}
    from tests.gui.helpers import render_scene

    render_scene(view, 2400)
    assert {code: view.label_rect(i) for code, i in ids.items()} == before
