"""The map tab says what each mode shows: named states in the legend, cards with units
(English and Chinese), class breaks kept across dates, and no readings before a date."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QTranslator

from app.map_controller import map_style
from domain.map_modes import CATEGORICAL_MODES, Blank, MapKpis, MapMode
from domain.occupancy import summarize_occupancy
from tests import modes_park as mp
from tests.gui.helpers import open_window
from views.map_text import building_card, readings_note, unit_card

ROOT = Path(__file__).resolve().parents[2]
NUMERIC = [m for m in MapMode if m not in CATEGORICAL_MODES]
SEPTEMBER = date(2026, 9, 15)


@pytest.fixture
def modes_window(qtbot, settings, tmp_path):
    park = mp.build_modes_workspace(tmp_path / "modes.leasemap")
    win = open_window(qtbot, settings, park.path, (1300, 800))
    maps = win.show_map()
    tower = next(b for b in win.controller.tree[0].buildings if b.code == "A")
    win.controller.set_scope("building", tower.id)
    yield win, maps
    win.close()


def set_day(qtbot, win, maps, day: date) -> None:
    """Travel to ``day`` and wait for the map of that day (it may be read in a worker)."""
    win.date_edit.setDate(QDate(day.year, day.month, day.day))

    def drawn() -> bool:
        shown = maps.park if maps.shown[0] == "park" else maps.thematic
        return shown is not None and shown.day == day

    qtbot.waitUntil(drawn)
    qtbot.wait(1)


def rows(win) -> dict[str, tuple[int, Decimal]]:
    return {r.text: (r.count, r.area) for r in win.map_panel.legend.rows()}


def card(maps, code: str) -> str:
    i = next(i for i, u in enumerate(maps.units) if u.code == code)
    return map_style(maps.units, maps.thematic, maps.mode, maps.currency()).card(i)


def test_each_modes_legend_names_leased_and_vacant_units(modes_window) -> None:
    win, _maps = modes_window
    area = Decimal("125.40")
    for mode in NUMERIC:
        win.map_panel.set_mode(mode)
        legend = rows(win)
        no_data = legend["No data"][0]
        # building A: only A-0202 (let, never read) lacks a figure for want of data
        assert no_data == (1 if mode in (MapMode.NET_REVENUE, MapMode.ENERGY,
                                         MapMode.HEAT) else 0), mode
        assert sum(c for c, _ in legend.values()) == 6
    win.map_panel.set_mode(MapMode.VACANCY)
    assert rows(win)["Leased"] == (2, 2 * area)
    assert rows(win)["Vacant, never let"] == (1, area)
    win.map_panel.set_mode(MapMode.EXPIRY)
    assert rows(win)["Vacant"] == (2, 2 * area)
    assert rows(win)["Signed, not started"] == (1, area)
    assert rows(win)["Not leasable"] == (1, area)


def test_hover_cards_carry_units_in_english(modes_window) -> None:
    win, maps = modes_window
    win.map_panel.set_mode(MapMode.REVENUE)
    text = card(maps, mp.LEASED)
    assert "Area: 125.40 m²" in text
    assert "Rent: CNY 95.00/m²/month" in text
    assert "Revenue: CNY 95.0/m²/month" in text
    win.map_panel.set_mode(MapMode.EXPIRY)
    assert "Lease expiry: 13.3 months" in card(maps, mp.LEASED)
    assert "Lease expiry: Vacant" in card(maps, mp.VACANT)  # its state, not "No data"
    win.map_panel.set_mode(MapMode.VACANCY)
    assert "Vacancy: 144 days" in card(maps, mp.VACANT)
    assert "Vacancy: Leased" in card(maps, mp.LEASED)
    assert "Vacancy: Vacant, never let" in card(maps, mp.NEVER_LET)
    win.map_panel.set_mode(MapMode.ENERGY)
    assert "Energy intensity: 12.0 kWh/m²/month" in card(maps, mp.LEASED)
    assert "Energy intensity: No data" in card(maps, mp.NO_READINGS)
    assert "Energy intensity: Not leasable" in card(maps, mp.NOT_LEASABLE)
    win.map_panel.set_mode(MapMode.HEAT)
    assert "Space heat: 49 of 100" in card(maps, mp.LEASED)


def test_hover_on_the_stacking_plan_shows_the_card(modes_window, qtbot) -> None:
    win, maps = modes_window
    win.map_panel.set_mode(MapMode.VACANCY)
    view = maps.stacking_plan
    view.fit()
    unit = next(u.id for u in maps.units if u.code == mp.LEASED)
    rect = view.item_for(unit).sceneBoundingRect()
    corner = rect.topLeft() + (rect.bottomRight() - rect.topLeft()) * 0.2
    qtbot.mouseMove(view.viewport(), view.mapFromScene(corner))
    qtbot.waitUntil(lambda: view._card.isVisible())
    assert "Vacancy: Leased" in view._card.text()


def test_cards_in_chinese_say_yuan_per_m2_per_month(qapp) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import i18n

    translator = QTranslator()
    assert translator.load(str(i18n.I18N / "leasemap_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        text = unit_card("ZD-A-0101", "ZD-A-0101 室", "云帆智能", Decimal("125.40"),
                         Decimal("95"), date(2027, 12, 31), MapMode.REVENUE, Decimal("95"),
                         Decimal("1200"), "CNY")
        assert "面积: 125.40 m²" in text
        assert "租金: 95.00 元/m²/月" in text
        assert "收益: 95.0 元/m²/月" in text
        assert "欠费: 1,200.00 元" in text
        text = unit_card("ZD-A-0103", "", "", Decimal("125.40"), None, None,
                         MapMode.VACANCY, Decimal(144), currency="CNY")
        assert "空置: 144 天" in text
        text = unit_card("ZD-A-0101", "", "", Decimal("125.40"), Decimal("95"), None,
                         MapMode.VACANCY, Blank.LEASED, currency="CNY")
        assert "空置: 已租" in text
        expiry = unit_card("x", "", "", Decimal(1), None, None, MapMode.EXPIRY, Decimal("13.3"))
        assert "13.3 个月" in expiry
        energy = unit_card("x", "", "", Decimal(1), None, None, MapMode.ENERGY, Decimal("12"))
        assert "12.0 kWh/m²/月" in energy
        totals = MapKpis(summarize_occupancy([]), Decimal(0), None)
        assert "空置: 已租" in building_card("B", "B栋", totals, MapMode.VACANCY, Blank.LEASED)
        assert "抄表" in readings_note(date(2026, 10, 1))
    finally:
        QCoreApplication.removeTranslator(translator)


def test_keep_class_breaks_colours_two_dates_alike(modes_window, qtbot) -> None:
    win, maps = modes_window
    win.map_panel.set_mode(MapMode.REVENUE)
    today = maps.thematic.theme.breaks
    assert not win.map_panel.keep_breaks.isChecked()  # off by default
    spring = date(2027, 4, 15)
    set_day(qtbot, win, maps, spring)
    own = maps.thematic.theme.breaks
    assert own != today  # each date its own classes
    set_day(qtbot, win, maps, mp.TODAY)
    win.map_panel.keep_breaks.setChecked(True)
    assert maps.breaks_day == mp.TODAY
    set_day(qtbot, win, maps, spring)
    assert maps.thematic.theme.breaks == today
    assert "Class breaks kept from 2026-11-22" in win.map_panel.legend.note()
    # A-0101 pays 95.00 on both dates: kept breaks give it the same colour
    set_day(qtbot, win, maps, mp.TODAY)
    unit = next(u.id for u in maps.units if u.code == mp.LEASED)
    colour = maps.thematic.colour_of(unit)
    set_day(qtbot, win, maps, spring)
    assert maps.thematic.colour_of(unit) == colour
    # off: spring has its own classes again; on again in spring, it keeps spring's
    win.map_panel.keep_breaks.setChecked(False)
    assert maps.thematic.theme.breaks == own and win.map_panel.legend.note() == ""
    win.map_panel.keep_breaks.setChecked(True)
    assert maps.breaks_day == spring
    set_day(qtbot, win, maps, mp.TODAY)
    assert maps.thematic.theme.breaks == own
    assert "Class breaks kept from 2027-04-15" in win.map_panel.legend.note()


def test_kept_breaks_on_the_park_map(modes_window, qtbot) -> None:
    win, maps = modes_window
    win.controller.set_scope("park", win.controller.tree[0].id)
    win.map_panel.set_mode(MapMode.EXPIRY)
    win.map_panel.keep_breaks.setChecked(True)
    today = maps.park.theme.breaks
    set_day(qtbot, win, maps, date(2027, 2, 1))
    assert maps.park.theme.breaks == today
    assert "kept from 2026-11-22" in win.map_panel.legend.note()


def test_before_the_readings_the_legend_says_so(modes_window, qtbot) -> None:
    win, maps = modes_window
    win.map_panel.set_mode(MapMode.ENERGY)
    set_day(qtbot, win, maps, SEPTEMBER)
    note = win.map_panel.legend.note()
    assert "No meter readings before 2026-10-01" in note and "2026-11-01" in note
    legend = rows(win)
    assert legend["Before the meter readings"][0] == 2  # A-0101 and A-0202, let
    assert legend["No data"][0] == 0  # not the whole building greyed as "no data"
    assert "Energy intensity: Before the meter readings" in card(maps, mp.LEASED)
    win.controller.set_scope("park", win.controller.tree[0].id)
    assert "No meter readings before 2026-10-01" in win.map_panel.legend.note()
    assert rows(win)["Before the meter readings"][0] == 2  # both buildings
    set_day(qtbot, win, maps, mp.TODAY)
    assert win.map_panel.legend.note() == ""
    win.map_panel.set_mode(MapMode.VACANCY)
    b = next(i for i, s in enumerate(maps.site.buildings) if s.code == "B")
    assert "Vacancy: Leased" in maps._building_card(b, maps.currency())  # reserved + leased


def test_the_legend_paints_its_note_below_the_rows(qtbot) -> None:
    from views.map_legend import MapLegend
    from views.map_text import LegendRow

    legend = MapLegend()
    qtbot.addWidget(legend)
    legend.set_legend("Energy intensity", [LegendRow("#dcdcd0", "Before the meter readings", 2,
                                                     Decimal("250.80"))])
    bare = legend.sizeHint()
    legend.set_note(readings_note(date(2026, 10, 1)))
    noted = legend.sizeHint()
    assert noted.width() == bare.width() and noted.height() > bare.height()
    legend.resize(noted)
    image = legend.grab().toImage()
    below = [image.pixelColor(x, y) for y in range(bare.height(), noted.height())
             for x in range(noted.width())]
    assert any(c.red() > c.blue() + 40 for c in below)  # the note's amber text
