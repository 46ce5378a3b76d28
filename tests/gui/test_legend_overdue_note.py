"""An exported map says what its red outlines mean, as the legend on screen does: "Red
outline: N units whose tenant has bills overdue" under the legend of every page that
outlines a unit for bills overdue (a floor plan, the stacking plan), and nothing on a page
that outlines none.

The small park gets a plan of A 3F (rooms 0301 and 0302, units ZD-A-0301 and ZD-A-0302);
its tenant leases ZD-A-0301 (HT-P-1) beside ZD-A-0101 (HT-2026-0001, A 1F, no plan).
March 2026 is billed (issued 2026-02-25) and unpaid, so on TODAY (2026-11-22) both units
are outlined: two on the stacking plan, one on the 3F plan; on 2026-02-28 nothing is due.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from shapely.geometry import box

from app.map_export import building_pages, current_pages, release, write_pdf
from domain.map_modes import MapMode
from importers.plan import ImportedPlan, PlanFloor, PlanUnit
from services import billing_run
from store.plan_import import import_plan
from store.read_model import ReadModel
from tests.small_leases import open_small, park_id, sign_lease
from tests.small_park import TODAY

NOTE = "Red outline: 1 unit whose tenant has bills overdue"
NOTE_2 = "Red outline: 2 units whose tenant has bills overdue"
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils is installed by make test")


@pytest.fixture
def billed(tmp_path) -> Path:
    path = tmp_path / "billed.leasemap"
    workspace = open_small(path)
    try:
        rooms = (PlanUnit("0301", "0301", "0301 室", box(0, 0, 10, 8)),
                 PlanUnit("0302", "0302", "0302 室", box(10.2, 0, 20, 8)))
        floor = PlanFloor("3F", Decimal("9.0"), rooms, outline=box(-0.2, -0.2, 20.2, 8.2),
                          key="a3")
        with workspace.transaction() as s:
            import_plan(s, ImportedPlan("a3.dxf", "dxf", (floor,), units_of_drawing="m"), "A",
                        level=3, today=TODAY)
        sign_lease(workspace, "ZD-A-0301", "HT-P-1")
        billing_run.post_run(workspace, park_id(workspace), date(2026, 3, 1),
                             date(2026, 3, 31), date(2026, 2, 25))
    finally:
        workspace.close()
    return path


def pdf_text(path: Path) -> str:
    """The PDF's text with its lines joined: the legend's note wraps in its column."""
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True)
    return " ".join(done.stdout.split())


def _notes(pages) -> dict[str, str]:
    return {page.title: page.note for page in pages if hasattr(page, "note")}


@needs_poppler
def test_the_exported_building_says_what_the_red_outline_means(qapp, billed, tmp_path):
    reader = ReadModel(billed)
    pages = building_pages(reader, "A", MapMode.RENT_CONTROL, TODAY, area_statement=False)
    try:
        notes = _notes(pages)
        stack = [n for title, n in notes.items() if "Stacking plan" in title]
        floors = {title: n for title, n in notes.items() if "Stacking plan" not in title}
        assert stack and all(n == NOTE_2 for n in stack)  # ZD-A-0101 and ZD-A-0301
        assert list(floors.values()) == [NOTE]  # the 3F plan: ZD-A-0301 alone
        assert "3F" in next(iter(floors))
        out = tmp_path / "A.pdf"
        write_pdf(out, pages)
    finally:
        release(pages)
    text = pdf_text(out)
    assert NOTE_2 in text and NOTE in text


def test_nothing_overdue_no_note(qapp, billed):
    reader = ReadModel(billed)
    pages = building_pages(reader, "A", MapMode.RENT_CONTROL, date(2026, 2, 28),
                           area_statement=False)
    try:
        notes = _notes(pages)
        assert len(notes) == 2  # the stacking plan and the 3F plan
        assert all("Red outline" not in note for note in notes.values())
    finally:
        release(pages)


def test_the_printed_floor_says_what_the_screen_legend_says(qtbot, settings, billed):
    from tests.gui.helpers import open_window

    win = open_window(qtbot, settings, billed, (1300, 800))
    try:
        maps = win.show_map()
        building = next(b for b in win.controller.tree[0].buildings if b.code == "A")
        floor = next(f for f in building.floors if f.name == "3F")
        win.controller.set_scope("floor", floor.id)
        qtbot.waitUntil(lambda: maps.thematic is not None and maps.thematic.day == TODAY
                        and maps.shown[0] == "floor", timeout=30000)
        assert win.map_panel.legend.note() == NOTE
        [page] = current_pages(maps)
        assert page.note == win.map_panel.legend.note() == NOTE
        win.controller.set_scope("building", building.id)
        qtbot.waitUntil(lambda: maps.shown[0] == "building", timeout=30000)
        assert win.map_panel.legend.note() == NOTE_2
        assert all(p.note == NOTE_2 for p in current_pages(maps))
    finally:
        win.close()
