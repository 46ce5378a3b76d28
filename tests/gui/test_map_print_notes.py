"""Printed maps say what the legend on screen says: no meter readings before a date (and
no "No data" for let units then), and class breaks kept from another date."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from app.map_export import current_pages, write_pdf
from domain.map_modes import MapMode
from tests import modes_park as mp
from tests.gui import test_map_modes_say
from tests.gui.helpers import leasemap
from tests.gui.test_map_modes_say import set_day

modes_window = test_map_modes_say.modes_window  # the fixture, shared

SEPTEMBER = date(2026, 9, 15)
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils is installed by make test")


def no_data_units(text: str) -> int:
    """The units the printed legends count as "No data" (the row stays, at 0, when none)."""
    return sum(int(n) for n in re.findall(r"No data (\d+)", text))


def pdf_text(path: Path) -> str:
    """The PDF's text with its lines joined: the legend's note wraps in its column."""
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True)
    return " ".join(done.stdout.split())


@needs_poppler
def test_cli_print_before_the_readings_says_so(tmp_path) -> None:
    park = mp.build_modes_workspace(tmp_path / "modes.leasemap")
    out = tmp_path / "energy.pdf"
    done = leasemap(tmp_path, "print", "--building", "A", "--mode", "energy", "-o", str(out),
                    "--workspace", str(park.path), "--on", SEPTEMBER.isoformat(), "--lang", "en")
    assert done.returncode == 0, done.stderr
    text = pdf_text(out)
    assert "No meter readings before 2026-10-01: choose a date from 2026-11-01 on." in text
    assert "Before the meter readings" in text  # A-0101 and A-0202, let, in the legend
    assert "No data" in text and no_data_units(text) == 0  # its row, empty
    # on a date with readings the same print has no note
    later = tmp_path / "later.pdf"
    again = leasemap(tmp_path, "print", "--building", "A", "--mode", "energy", "-o", str(later),
                     "--workspace", str(park.path), "--on", mp.TODAY.isoformat(), "--lang", "en")
    assert again.returncode == 0, again.stderr
    assert "No meter readings" not in pdf_text(later)


@needs_poppler
def test_exported_stacking_plan_says_its_note(modes_window, qtbot, tmp_path) -> None:
    win, maps = modes_window
    win.map_panel.set_mode(MapMode.ENERGY)
    set_day(qtbot, win, maps, SEPTEMBER)
    out = tmp_path / "stack.pdf"
    write_pdf(out, current_pages(maps))
    text = pdf_text(out)
    assert "No meter readings before 2026-10-01" in text and no_data_units(text) == 0
    # breaks kept from today, printed on another date: the page says where they come from
    win.map_panel.set_mode(MapMode.REVENUE)
    set_day(qtbot, win, maps, mp.TODAY)
    win.map_panel.keep_breaks.setChecked(True)
    spring = date(2027, 4, 15)
    set_day(qtbot, win, maps, spring)
    pages = current_pages(maps)
    assert pages[0].note == win.map_panel.legend.note()
    assert "Class breaks kept from 2026-11-22" in pages[0].note
    write_pdf(out, pages)
    assert "Class breaks kept from 2026-11-22" in pdf_text(out)


def test_exported_park_map_says_its_note(modes_window, qtbot) -> None:
    win, maps = modes_window
    win.controller.set_scope("park", win.controller.tree[0].id)
    win.map_panel.set_mode(MapMode.ENERGY)
    set_day(qtbot, win, maps, SEPTEMBER)
    [page] = current_pages(maps)
    assert "No meter readings before 2026-10-01" in page.note
    assert page.note == win.map_panel.legend.note()
