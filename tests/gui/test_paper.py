"""Maps on paper and in images: a 60-floor tower over several readable pages (or one A3
page), titles that follow the mode, and PNG/SVG exports of the page as printed.

The PDFs are read back the way a user's tools read them: ``pdftotext -bbox`` for
the words and their boxes, ``pdfinfo`` for the page count.
"""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from html import unescape
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QMarginsF, QPointF, QRectF, QTimer
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from domain.assets import BuildingKind, UnitStatus, UnitType, unit_code, unit_code_local_part
from domain.contracts import ContractStatus
from domain.map_modes import MapMode
from store.schema import Building, Contract, ContractUnit, Floor, Park, Tenant, Unit
from store.workspace import Workspace
from tests.gui import test_maps
from tests.gui.helpers import leasemap, open_window
from tests.small_park import TODAY

FLOORS = 60
# a floor's units (m²): big offices beside storerooms too narrow for their own code
AREAS = (820, 45, 300, 12, 150, 150, 600, 30, 95, 210, 18, 400)
TENANTS = ("云帆智能", "星河数据", "远景医药", "蓝海物流", "青松设计")
# the map tab on the small park with A 1F drawn, as the map tests open it
drawn_park, map_window = test_maps.drawn_park, test_maps.map_window
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils is installed by make test")


@dataclass
class Tower:
    path: Path
    codes: list[str]  # every unit's code, top floor first


def build_tower(path: Path, floors: int = FLOORS) -> Tower:
    """Park ZD with building T1 of ``floors`` floors of twelve units; every third unit
    leased to one of five tenants at a rent that climbs with the floor."""
    workspace = Workspace.create(path)
    codes: list[str] = []
    with workspace.transaction() as s:
        park = Park(code="ZD", name="张江测试园")
        s.add(park)
        s.flush()
        tower = Building(park_id=park.id, code="T1", name="T1 云端大厦", kind=BuildingKind.OFFICE)
        s.add(tower)
        s.flush()
        tenants = [Tenant(park_id=park.id, code=f"T{i:03d}", name=f"上海{n}有限公司",
                          short_name=n) for i, n in enumerate(TENANTS, 1)]
        s.add_all(tenants)
        s.flush()
        for level in range(1, floors + 1):
            floor = Floor(building_id=tower.id, level=level, name=f"{level}F")
            s.add(floor)
            s.flush()
            for number, area in enumerate(AREAS, 1):
                code = unit_code("ZD", "T1", level, number)
                codes.append(code)
                size = Decimal(area)
                unit = Unit(park_id=park.id, floor_id=floor.id, code=code, name=f"{code} 室",
                            unit_type=UnitType.OFFICE, status=UnitStatus.LEASABLE,
                            gross_area=size, internal_area=size * Decimal("0.8"),
                            common_share=size * Decimal("0.2"), leasable_area=size,
                            billable_area=size, asking_rent=Decimal("98.5000"))
                s.add(unit)
                s.flush()
                if number % 3 == 1:
                    contract = Contract(
                        park_id=park.id, tenant_id=tenants[(level + number) % 5].id,
                        code=f"HT-{level:02d}{number:02d}", status=ContractStatus.SIGNED,
                        signed_on=date(2025, 12, 1), starts_on=date(2026, 1, 1),
                        ends_on=date(2027, 6, 30) if level % 2 else date(2028, 12, 31),
                        rent_per_sqm_month=Decimal(60 + level))
                    s.add(contract)
                    s.flush()
                    s.add(ContractUnit(contract_id=contract.id, unit_id=unit.id,
                                       billable_area=size))
    workspace.close()
    top_first = sorted(codes, key=lambda c: -int(c.rsplit("-", 1)[1][:-2]))
    return Tower(path, top_first)


@pytest.fixture(scope="module")
def tower(tmp_path_factory) -> Tower:
    return build_tower(tmp_path_factory.mktemp("tower") / "tower.leasemap")


def print_cli(tower: Tower, out: Path, *args: str, lang: str = "en") -> str:
    """``leasemap print`` of T1, in its own process as a user runs it (the maps alone: the
    area statement's pages are tested in test_area_statement_gui)."""
    done = leasemap(out.parent, "print", "--building", "T1", "-o", str(out),
                    "--no-area-statement",
                    "--workspace", str(tower.path), "--on", TODAY.isoformat(), "--lang", lang,
                    *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


@dataclass(frozen=True)
class Word:
    text: str
    height: float  # points


def pdf_words(pdf: Path) -> list[list[Word]]:
    """Each page's words with their box heights, as ``pdftotext -bbox`` reads them."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = []
    for page in re.findall(r"<page .*?</page>", html, re.S):
        pages.append([Word(unescape(text), float(y1) - float(y0)) for y0, y1, text in
                      re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" '
                                 r'yMax="([\d.]+)">(.*?)</word>', page)])
    return pages


def page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [" ".join(page.split()) for page in text.split("\f") if page.strip()]


def six_points(words: list[Word]) -> float:
    """The box height ``pdftotext`` gives a 6 pt word on this page: scaled from the
    footer's first word, printed at 7.5 pt in the same font."""
    footer = next(w for w in words if w.text == "Leasemap")
    return footer.height * 6 / 7.5


def assert_every_code_readable(tower: Tower, pages: list[list[Word]]) -> None:
    """Every unit is in the text layer by its code or local part, never under 6 pt."""
    found: set[str] = set()
    for words in pages:
        least = six_points(words) - 0.01
        for word in words:
            if word.text.startswith("ZD-T1-") or re.fullmatch(r"\d{4}", word.text):
                assert word.height >= least, (word, least)
                found.add(word.text)
    missing = [c for c in tower.codes
               if c not in found and unit_code_local_part(c, "ZD", "T1") not in found]
    assert missing == []


@needs_poppler
def test_a_tower_on_a4_runs_over_several_pages_with_every_code_at_6pt_or_more(tower, tmp_path):
    pdf = tmp_path / "t1.pdf"
    stdout = print_cli(tower, pdf)
    pages = pdf_words(pdf)
    assert len(pages) >= 3  # 60 floors of readable rows do not fit one A4 page
    assert f"{len(pages)} page" in stdout
    assert_every_code_readable(tower, pages)
    ranges = []
    for text in page_texts(pdf):
        assert "T1 云端大厦 — Stacking plan" in text
        assert "Rent control" in text and "Vacant" in text and "Leased" in text  # the legend
        ranges.append(re.search(r"Floors (\d+)F–(\d+)F of 60", text).groups())
    # the pages follow each other down the tower, with no floor left out
    assert ranges[0][0] == "60" and ranges[-1][1] == "1"
    for (_, last), (first, _) in itertools.pairwise(ranges):
        assert int(first) == int(last) - 1


@needs_poppler
def test_on_a3_the_tower_fits_one_page_and_stays_readable(tower, tmp_path):
    pdf = tmp_path / "t1.pdf"
    assert "1 page" in print_cli(tower, pdf, "--paper", "A3")
    pages = pdf_words(pdf)
    assert len(pages) == 1
    assert_every_code_readable(tower, pages)
    assert "Floors 60F–1F of 60" in page_texts(pdf)[0]
    # asked for pages, A3 takes them; asked for one A4 page, the labels win over it
    several = tmp_path / "pages.pdf"
    print_cli(tower, several, "--paper", "A3", "--no-one-page")
    assert len(pdf_words(several)) > 1
    squeezed = tmp_path / "a4.pdf"
    print_cli(tower, squeezed, "--one-page")
    pages = pdf_words(squeezed)
    assert len(pages) > 1
    assert_every_code_readable(tower, pages)


@needs_poppler
def test_a_revenue_print_is_titled_a_revenue_map(tower, tmp_path):
    pdf = tmp_path / "revenue.pdf"
    print_cli(tower, pdf, "--mode", "revenue", "--paper", "A3")
    [text] = page_texts(pdf)
    assert "T1 云端大厦 — Revenue map" in text
    assert "Stacking plan" not in text


@needs_poppler
def test_in_chinese_a_revenue_print_is_a_收益地图_not_a_楼栋租控图(tower, tmp_path):
    revenue, rent = tmp_path / "revenue.pdf", tmp_path / "rent.pdf"
    print_cli(tower, revenue, "--mode", "revenue", "--paper", "A3", lang="zh_CN")
    print_cli(tower, rent, "--paper", "A3", lang="zh_CN")
    [text] = page_texts(revenue)
    assert "收益地图" in text and "楼栋租控图" not in text
    [text] = page_texts(rent)
    assert "楼栋租控图" in text


def test_every_mode_has_its_own_title():
    from views.print_layout import map_title

    for kind in ("floor", "building", "park"):
        titles = [map_title(mode, kind) for mode in MapMode]
        assert len(set(titles)) == len(titles)
    assert map_title(MapMode.RENT_CONTROL, "building") == "Stacking plan"
    assert map_title(MapMode.REVENUE, "building") == map_title(MapMode.REVENUE) == "Revenue map"


def paint_to_pdf(pdf: Path, sheet, font: QFont) -> list[Word]:
    """A sheet painted on an A4 PDF beside a 7.5 pt reference word; its words."""
    from views.stacking_print import paint_sheet

    writer = QPdfWriter(str(pdf))
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Landscape, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    reference = QFont(font)
    reference.setPointSizeF(7.5)
    painter.setFont(reference)
    painter.drawText(QPointF(40, 200), "Leasemap")  # as a page's footer
    k = 300 / 72
    paint_sheet(painter, QRectF(100, 300, sheet.width * k, sheet.height * k), sheet, font)
    painter.end()
    [words] = pdf_words(pdf)
    return words


@needs_poppler
def test_a_floor_of_many_small_units_continues_on_a_second_row(qapp, tmp_path):
    """A car park of 80 spaces does not fit one row at 6 pt: it takes more rows under
    one floor name, and every space keeps its code in its block."""
    from views.stacking_print import MIN_PT, PaperBlock, PaperFloor, paginate

    crowd = tuple(PaperBlock(f"ZD-P-B1{i:02d}", f"B1{i:02d}", "", "#1b9e77", 12.5)
                  for i in range(1, 81))
    office = tuple(PaperBlock(f"ZD-P-02{i:02d}", f"02{i:02d}", "某公司", "#7570b3", 300.0)
                   for i in range(1, 4))
    floors = [PaperFloor("2F", office, "900 m²"), PaperFloor("B1", crowd, "1,000 m²")]
    font = QFont()
    [sheet] = paginate(floors, 500, 300, font)
    assert len(sheet.rows[0]) == 1 and len(sheet.rows[1]) > 1
    assert sheet.callouts == ()
    for floor, labels in zip(floors, sheet.labels, strict=True):
        for block, label in zip(floor.blocks, labels, strict=True):
            assert label.text in (block.code, block.short) and label.points >= MIN_PT
    assert [lab.text for lab in sheet.labels[0]] == [b.code for b in office]  # room for all
    words = paint_to_pdf(tmp_path / "crowd.pdf", sheet, font)
    six = six_points(words) - 0.01
    texts = {w.text for w in words}
    assert all(b.code in texts or b.short in texts for f in floors for b in f.blocks)
    assert all(w.height >= six for w in words if w.text != "Leasemap")


@needs_poppler
def test_a_code_too_long_for_any_block_is_numbered_and_listed(qapp, tmp_path):
    from views.stacking_print import PaperBlock, PaperFloor, paginate

    long = PaperBlock("ZD-P-仓储区东侧第三排货架", "仓储区东侧第三排货架", "", "#d95f02", 20.0)
    plain = PaperBlock("ZD-P-0101", "0101", "", "#1b9e77", 20.0)
    font = QFont()
    [sheet] = paginate([PaperFloor("1F", (plain, long))], 60, 120, font)
    assert sheet.callouts == ("ZD-P-仓储区东侧第三排货架",)
    assert [lab.callout for lab in sheet.labels[0]] == [0, 1]
    words = paint_to_pdf(tmp_path / "callout.pdf", sheet, font)
    texts = [w.text for w in words]
    assert "1" in texts and "ZD-P-仓储区东侧第三排货架" in texts and "0101" in texts
    six = six_points(words) - 0.01
    assert all(w.height >= six for w in words if w.text != "Leasemap")


def svg_texts(path: Path) -> list[str]:
    """The text runs of an SVG in the order they are drawn."""
    return [t.text or "" for t in ElementTree.parse(path).iter()
            if t.tag.endswith("}text") or t.tag == "text"]


def test_an_svg_export_is_the_page_as_printed(map_window, tmp_path):
    from app.map_dialogs import run_export

    win, _ = map_window
    svg = tmp_path / "floor.svg"
    assert run_export(win, "svg", svg) == svg
    texts = svg_texts(svg)
    joined = "".join(texts)
    assert "A栋 办公楼 · 1F — Rent-control map" in joined  # the title
    assert "张江测试园" in joined and TODAY.isoformat() in joined  # the subtitle
    assert {"Occupancy", "Rent per m² per month"} <= set(texts)  # the KPI strip
    assert {"Rent control", "Vacant", "Leased", "units", "area m²"} <= set(texts)  # legend
    assert any(re.fullmatch(r"\d+ m", t) for t in texts)  # the scale bar
    assert "ZD-A-0101" in texts  # and the map itself, as text
    assert "N" in texts  # north arrow


def test_a_png_export_has_the_shape_of_the_paper_not_of_the_window(map_window, tmp_path):
    from app.map_dialogs import run_export

    win, _ = map_window
    viewport = win.map_panel.current_view().viewport().size()
    png = tmp_path / "floor.png"
    assert run_export(win, "png", png) == png  # A4 landscape unless told
    image = QImage(str(png))
    assert abs(image.width() / image.height() - 297 / 210) < 0.002
    assert abs(image.width() / image.height() - viewport.width() / viewport.height()) > 0.02
    assert image.width() == round(297 / 25.4 * 200)  # 200 dpi
    portrait = tmp_path / "portrait.png"
    assert run_export(win, "png", portrait, "A3", False) == portrait
    image = QImage(str(portrait))
    assert abs(image.width() / image.height() - 297 / 420) < 0.002
    # the title is drawn at the top left, not the map: dark text pixels in the margin band
    band = [image.pixelColor(x, y).lightness() for x in range(80, 900, 3)
            for y in range(80, 200, 3)]
    assert min(band) < 100


def test_the_export_folder_is_remembered(map_window, qtbot, tmp_path):
    from app.map_dialogs import run_export
    from app.settings import Settings

    win, _ = map_window
    first = tmp_path / "exports"
    first.mkdir()
    assert run_export(win, "pdf", first / "m.pdf", "A4", True) is not None
    assert win.settings.export_folder == str(first)
    win.settings.sync()
    assert Settings(tmp_path / "settings.ini").export_folder == str(first)
    # the next export's save dialog opens there, named after the map
    second = tmp_path / "later"
    second.mkdir()
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog.directory().absolutePath())
        seen.append(Path(dialog.selectedFiles()[0]).name)
        # typed into the name box, as a person would: selectFile leaves the box as it is
        # once the shown dialog has given it the focus (a race the test lost at times)
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(second / "chosen.png"))
        dialog.accept()

    QTimer.singleShot(20, answer)
    assert run_export(win, "png", None, "A4", True) == second / "chosen.png"
    assert seen == [str(first), "A栋-办公楼-1F-Rent-control-map.png"]
    assert (second / "chosen.png").exists()
    assert win.settings.export_folder == str(second)


def test_the_file_menu_exports_the_map(window):
    texts = {a.text().replace("&", ""): a for a in window.file_menu.actions()}
    for kind in ("PDF", "PNG", "SVG"):
        action = texts[f"Export map as {kind}…"]
        assert action.isEnabled()  # a workspace is open


@needs_poppler
def test_the_tower_on_screen_exports_all_its_floors(tower, qtbot, tmp_path):
    from app.map_dialogs import run_export
    from app.settings import Settings

    win = open_window(qtbot, Settings(tmp_path / "s.ini"), tower.path, (1200, 800))
    try:
        maps = win.show_map()
        building = win.controller.tree[0].buildings[0]
        win.controller.set_scope("building", building.id)
        qtbot.waitUntil(lambda: maps.shown[0] == "building")
        pdf = tmp_path / "t1.pdf"
        assert run_export(win, "pdf", pdf, "A4", True) == pdf
        pages = pdf_words(pdf)
        assert len(pages) > 1
        assert_every_code_readable(tower, pages)
        assert all(re.search(r"Floors \d+F–\d+F of 60", t) for t in page_texts(pdf))
        # an image has no paper to run out of: one sheet, as tall as the tower needs
        svg = tmp_path / "t1.svg"
        assert run_export(win, "svg", svg, "A4", True) == svg
        texts = set(svg_texts(svg))
        assert [c for c in tower.codes
                if c not in texts and unit_code_local_part(c, "ZD", "T1") not in texts] == []
        assert "Floors 60F–1F of 60" in texts
        png = tmp_path / "t1.png"
        assert run_export(win, "png", png, "A4", True) == png
        image = QImage(str(png))
        assert image.width() == round(297 / 25.4 * 200) and image.height() > image.width()
    finally:
        win.close()


def test_the_page_dialog_puts_a_tower_on_one_page_on_a3_unless_told_otherwise(qtbot):
    from views.page_options import PageOptionsDialog

    dialog = PageOptionsDialog()
    qtbot.addWidget(dialog)
    assert (dialog.paper(), dialog.landscape(), dialog.one_page()) == ("A4", True, False)
    dialog.size_combo.setCurrentIndex(dialog.size_combo.findData("A3"))
    assert dialog.one_page()  # A3 fits the whole tower
    dialog.one_page_box.click()  # the user wants pages after all
    dialog.size_combo.setCurrentIndex(dialog.size_combo.findData("A4"))
    dialog.size_combo.setCurrentIndex(dialog.size_combo.findData("A3"))
    assert not dialog.one_page()
