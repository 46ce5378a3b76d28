"""The area statement on screen (offscreen) and on paper, read back with pdftotext."""

from __future__ import annotations

import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSizeF, Qt
from PySide6.QtGui import QFont

from domain.area_statement import FloorFigures, UnitFigures, building_statement
from domain.assets import UnitStatus
from domain.occupancy import UnitState
from domain.space_use import SpaceUse
from services.area_statement import read_area_statement
from services.register import find_building
from store.read_model import ReadModel
from tests.corpus import corpus  # noqa: F401  (the fixture: fails or skips without the corpus)
from tests.gui.helpers import leasemap
from tests.small_park import TODAY
from views.area_statement import AreaStatementDialog, AreaStatementView
from views.area_statement_print import statement_pages
from views.area_statement_text import area

D = Decimal
LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                           "\ufb04": "ffl"})  # as pdftotext gives the font's ligatures
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils is installed by make test")


def read(path: Path, code: str):
    reader = ReadModel(path)
    try:
        return read_area_statement(reader, find_building(reader, code)[1].id, TODAY)
    finally:
        reader.close()


@pytest.fixture
def drawn(small_park, corpus):  # noqa: F811
    """The small park with daoshi's teaching building floor 1 imported as building G."""
    from services.importing import apply_plan
    from services.importing import read as read_plan
    from store.workspace import Workspace

    workspace = Workspace.open(small_park.path)
    try:
        apply_plan(workspace, read_plan(corpus / "daoshi" / "floor1.dxf"), "G", 1,
                   confirmed=True)
    finally:
        workspace.close()
    return small_park.path


def big_statement():
    """One floor of large figures: a hall, a corridor and the building's lobby."""
    units = (
        UnitFigures("ZD-H-0101", "展厅", SpaceUse.LEASABLE, UnitStatus.LEASABLE,
                    UnitState.LEASED, D("12000.00"), D("2400.00"), D("14400.00"),
                    D("14400.00"), D("14400.00")),
        UnitFigures("ZD-H-01C", "走廊", SpaceUse.COMMON, UnitStatus.LEASABLE, UnitState.COMMON,
                    D("1500.00"), D("0.00"), D("0.00"), D("0.00"), D("1500.00")),
        UnitFigures("ZD-H-01L", "大堂", SpaceUse.BUILDING_COMMON, UnitStatus.LEASABLE,
                    UnitState.COMMON, D("900.00"), D("0.00"), D("0.00"), D("0.00"),
                    D("900.00")),
    )
    return building_statement([FloorFigures(1, "1F", D("13800.00"), units)])


def view_of(qtbot, statement) -> AreaStatementView:
    view = AreaStatementView()
    qtbot.addWidget(view)
    view.resize(1400, 700)
    view.set_statement(statement)
    view.show()
    qtbot.waitExposed(view)
    return view


def cell(view: AreaStatementView, row: int, key: str, role=Qt.ItemDataRole.DisplayRole):
    column = [c.key for c in view.model.columns()].index(key)
    return view.model.data(view.model.index(row, column), role)


def test_floors_units_and_the_total_in_reading_order(qtbot, small_park):
    view = view_of(qtbot, read(small_park.path, "A"))
    kinds = [r.kind for r in view.rows]
    assert kinds == ["floor", "unit", "unit", "unit", "floor", "unit", "unit", "unit",
                     "building"]
    assert view.model.rowCount() == 9
    assert cell(view, 0, "code") == "1F" and cell(view, 1, "code") == "ZD-A-0101"
    assert cell(view, 8, "code") == "Total" and cell(view, 8, "name") == "A栋 办公楼"
    assert cell(view, 1, "state") == "Leased" and cell(view, 2, "state") == "Signed"
    assert cell(view, 0, "state") == "3 units"
    # a unit's leasable area stands in the column of its state; the floor's sums them
    assert (cell(view, 1, "leased"), cell(view, 1, "vacant")) == ("125.40", "")
    assert (cell(view, 0, "leased"), cell(view, 0, "vacant"), cell(view, 0, "other")) == (
        "125.40", "125.40", "125.40")
    assert cell(view, 1, "ratio") == "25.40%" and cell(view, 1, "load") == "1.2540"
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert cell(view, 1, "share", Qt.ItemDataRole.TextAlignmentRole) == right
    assert cell(view, 1, "code", Qt.ItemDataRole.TextAlignmentRole) is None
    assert cell(view, 0, "code", Qt.ItemDataRole.FontRole).bold()
    assert cell(view, 1, "code", Qt.ItemDataRole.FontRole) is None
    headers = [view.model.headerData(i, Qt.Orientation.Horizontal)
               for i in range(view.model.columnCount())]
    assert "Internal m²" in headers and "Ratio" in headers and "Billable m²" in headers
    # the typed-in shares are stale: every unit and both floors are named, in red
    assert view.check.text() == "8 findings: the totals do not add up"
    assert view.findings.count() == 8 and view.findings.isVisibleTo(view)
    assert cell(view, 1, "share", Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"
    assert cell(view, 8, "share", Qt.ItemDataRole.ForegroundRole) is None


def test_figures_have_thousands_separators_and_a_clean_statement_says_so(qtbot):
    view = view_of(qtbot, big_statement())
    # 12,000 + 1,500 + 900 m² of rooms on a 13,800 m² floor: the outline is too small
    [finding] = view.statement.findings
    assert (finding.code, finding.params["excess"]) == ("units-exceed-floor", "600.00")
    assert view.check.text() == "1 finding: the totals do not add up"
    assert cell(view, 0, "gross") == "13,800.00" and cell(view, 0, "walls") == "0.00"
    assert cell(view, 1, "internal") == "12,000.00" and cell(view, 1, "leased") == "14,400.00"
    assert cell(view, 2, "rooms") == "1,500.00" and cell(view, 2, "internal") == ""
    assert cell(view, 3, "shared") == "900.00" and cell(view, 3, "state") == "Building common"
    floor = view.statement.floors[0]
    good = building_statement([FloorFigures(1, "1F", D("14400.00"), tuple(
        ln.figures for ln in floor.lines))])
    view.set_statement(good)
    assert good.adds_up and view.check.text() == "Totals add up"
    assert not view.findings.isVisibleTo(view) and view.findings.count() == 0
    assert cell(view, 0, "pool") == "2,400.00" and cell(view, 0, "ratio") == "20.00%"
    assert cell(view, 0, "load") == "1.2000" and cell(view, 4, "building") == "900.00"
    assert cell(view, 1, "share", Qt.ItemDataRole.ForegroundRole) is None


def test_clicking_a_finding_selects_its_row(qtbot, small_park):
    view = view_of(qtbot, read(small_park.path, "A"))
    texts = [view.findings.item(i).text() for i in range(view.findings.count())]
    assert texts[0] == "1F: the common shares add up to 76.20 m², not 0.00 m² (off by +76.20 m²)"
    for i, expected in ((1, "ZD-A-0101"), (4, "2F"), (7, "ZD-A-0203")):
        item = view.findings.item(i)
        spot = view.findings.visualItemRect(item).center()
        qtbot.mouseClick(view.findings.viewport(), Qt.MouseButton.LeftButton, pos=spot)
        row = view.selected_row()
        assert row is not None
        assert (row.line.code if row.line is not None else row.floor_name) == expected


def test_the_dialogs_print_button_asks_the_window(qtbot, small_park):
    statement = read(small_park.path, "A")
    dialog = AreaStatementDialog(statement)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Area statement"
    assert dialog.print_button.text() == "Print / PDF…"
    with qtbot.waitSignal(dialog.printRequested) as asked:
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert asked.args == [statement]


def test_pages_repeat_the_header_and_keep_a_floor_with_its_first_unit(qtbot, drawn):
    statement = read(drawn, "G")
    font = QFont()
    a4 = statement_pages(statement, QSizeF(297, 210), font)
    a3 = statement_pages(statement, QSizeF(420, 297), font)
    assert len(a4) == 2 and len(a3) == 1
    assert [p.corner for p in a4] == ["Page 1 / 2", "Page 2 / 2"]
    for page in a4:
        assert page.header_height > 0 and page.check == "Totals add up"
        assert page.lines[-1].kind != "floor"
        assert sum(line.height for line in page.lines) + page.header_height < 210 - 20
        assert sum(page.widths) <= 297 - 20 + 1e-6
        assert 6 <= page.points <= 8
    assert sum(len(p.lines) for p in a4) == len(statement.floors[0].lines) + 2
    portrait = statement_pages(statement, QSizeF(210, 297), font)
    assert sum(portrait[0].widths) <= 210 - 20 + 1e-6 and portrait[0].points >= 4.5


@needs_poppler
def test_leasemap_print_puts_the_statement_after_the_stacking_plan(drawn, tmp_path):
    out = tmp_path / "g.pdf"
    done = leasemap(tmp_path, "print", "--building", "G", "-o", str(out), "--workspace",
                    str(drawn), "--on", TODAY.isoformat(), "--lang", "en")
    assert done.returncode == 0, done.stderr
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    assert "Stacking plan" in pages[0]
    statement = [p for p in pages if p.lstrip().startswith("Area statement")]
    assert len(statement) == 2 and pages.index(statement[0]) == 1  # right after the plan
    assert "Page 1 / 2" in statement[0] and "Page 2 / 2" in statement[1]
    for page in statement:
        assert "Totals add up" in page and "Floor / unit" in page
        assert "张江测试园 · G · as of 2026-11-22 · billed on leasable area" in page
    s = read(drawn, "G")
    t = s.totals
    total = next(line for line in statement[1].splitlines() if re.match(r"Total\s", line))
    figures = re.findall(r"\d\.\d{4}(?!\d)|\d[\d,]*\.\d\d%?", total)
    # the optional columns are printed when some row has a figure in them
    optional = [t.walls, t.building_rooms, t.building_part]
    assert figures == [area(t.gross_area), area(t.internal_leasable), area(t.common_rooms),
                       *(area(x) for x in optional if x), area(t.common_pool),
                       f"{t.ratio * 100:.2f}%", f"{t.load_factor:.4f}", area(t.shares),
                       area(t.leasable), area(t.leased), area(t.vacant), area(t.other),
                       *([area(t.not_leasable)] if t.not_leasable else []), area(t.billable)]
    assert area(t.gross_area) == "4,223.16" and t.leasable == t.gross_area
    # every unit is on the statement's pages, once
    codes = re.findall(r"^\s*(ZD-G-\S+)", "".join(statement), re.MULTILINE)
    assert sorted(codes) == sorted(ln.code for ln in s.floors[0].lines)
    pngs = tmp_path / "page"
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "2", "-l", "2", str(out), str(pngs)],
                   check=True)
    assert list(tmp_path.glob("page-*.png"))


@needs_poppler
def test_a_printed_statement_lists_what_does_not_add_up(qapp, small_park, tmp_path):
    from app.map_export import building_pages, release, write_pdf
    from domain.map_modes import MapMode

    reader = ReadModel(small_park.path)
    try:
        pages = building_pages(reader, "A", MapMode.RENT_CONTROL, TODAY)
        without = building_pages(reader, "A", MapMode.RENT_CONTROL, TODAY,
                                 area_statement=False)
        out = tmp_path / "a.pdf"
        try:
            assert write_pdf(out, pages) == len(pages) == len(without) + 1
        finally:
            release(pages)
            release(without)
    finally:
        reader.close()
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    page = " ".join(text.split("\f")[1].translate(LIGATURES).split())
    assert "8 findings: the totals do not add up" in page and "Findings" in page
    for finding in read(small_park.path, "A").findings:
        assert " ".join(finding.message.split()) in page, finding.message
    assert "…" not in page  # every figure whole
