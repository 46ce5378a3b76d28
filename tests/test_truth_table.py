"""Issue 8: one truth table of what a unit is on a date, and every consumer agrees with it.

Each of the fifteen cells of ``domain.occupancy``'s table (five stored
statuses × no contract / signed, not started / running) gets a workspace of
its own: a reference building R with one leased 100 m² unit, and a building C
whose only unit, 100 m², sits in the cell. Building C's figures are then the
cell's alone, the park's are the cell's plus R's. One test per cell reads it
through every consumer: the unit table's row and filters and the status bar
(a real main window), the stacking plan and park map (the window's map tab and
``services.maps``), the map's rent class and vacancy loss, ``leasemap info``
(the real CLI) and printing (``building_pages``, and the text layer, read with
``pdftotext``, of the PDF ``leasemap print`` writes).

What each consumer must show is derived from ``TABLE`` below, written out by
hand rather than asked of ``unit_state``, so a wrong domain table fails here.
The not-leasable row's contracts stand for old records: signing them is
refused, and the unit stays not leasable and out of every area sum.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from domain.assets import BuildingKind, UnitStatus, UnitType
from domain.contracts import ContractStatus, Occupancy
from domain.map_modes import (
    MapMode,
    RentClass,
    days_vacant,
    map_kpis,
    mode_value,
    rent_class,
    vacancy_loss,
)
from domain.occupancy import UnitState, may_sign
from store.read_model import ReadModel, Scope, summarize
from store.schema import Building, Contract, ContractUnit, Floor, Park, Tenant, Unit
from store.workspace import Workspace
from tests.small_park import TODAY

ROOT = Path(__file__).resolve().parents[1]
DAY = TODAY
AREA = Decimal("100.00")
ZERO = Decimal(0)
FREE, SIGNED, ACTIVE = Occupancy.NONE, Occupancy.SIGNED_NOT_STARTED, Occupancy.ACTIVE
TABLE = {
    UnitStatus.LEASABLE: (UnitState.VACANT, UnitState.SIGNED, UnitState.LEASED),
    UnitStatus.RESERVED: (UnitState.RESERVED, UnitState.SIGNED, UnitState.LEASED),
    UnitStatus.UNDER_RENOVATION: (UnitState.UNAVAILABLE, UnitState.SIGNED, UnitState.LEASED),
    UnitStatus.FROZEN: (UnitState.UNAVAILABLE, UnitState.SIGNED, UnitState.LEASED),
    UnitStatus.NOT_LEASABLE: (UnitState.NOT_LEASABLE,) * 3,
}
CELLS = [(status, occupancy, TABLE[status][i])
         for status in UnitStatus for i, occupancy in enumerate((FREE, SIGNED, ACTIVE))]
RENT_CLASS = {
    UnitState.VACANT: RentClass.VACANT,
    UnitState.SIGNED: RentClass.SIGNED_NOT_STARTED,
    UnitState.LEASED: RentClass.LEASED,  # the leases run past 90 days: not expiring
    UnitState.RESERVED: RentClass.RESERVED,
    UnitState.UNAVAILABLE: RentClass.UNAVAILABLE,
    UnitState.NOT_LEASABLE: RentClass.NOT_LEASABLE,
}
FILTER_OF = {
    UnitState.VACANT: "vacant",
    UnitState.LEASED: "occupied",
    UnitState.SIGNED: "signed",
    UnitState.RESERVED: "reserved",
    UnitState.UNAVAILABLE: "unavailable",
    UnitState.NOT_LEASABLE: "not_leasable",
}
# The occupancy column's text, and the printed legend's name of each rent class (English).
STATE_TEXT = {
    UnitState.VACANT: "Vacant", UnitState.SIGNED: "Signed, not started",
    UnitState.LEASED: "Occupied", UnitState.RESERVED: "Reserved",
    UnitState.UNAVAILABLE: "Under renovation or frozen", UnitState.NOT_LEASABLE: "Not leasable",
}
CLASS_TEXT = {**STATE_TEXT, UnitState.LEASED: "Leased"}
# 30 days empty at an asking rent of 90 per m² a month over 100 m².
LOSS = Decimal("8876.71")
TERMS = {
    FREE: (date(2025, 1, 1), date(2026, 10, 22)),  # ended a month before DAY: 30 days empty
    SIGNED: (date(2027, 1, 1), date(2029, 12, 31)),
    ACTIVE: (date(2026, 1, 1), date(2028, 12, 31)),
}


@dataclass(frozen=True)
class Figures:
    """Units, leasable, leased and vacant m² of a set of units, and the rate they give."""

    units: int
    leasable: Decimal
    leased: Decimal
    vacant: Decimal

    @property
    def rate(self) -> Decimal | None:
        return None if not self.leasable else self.leased / self.leasable

    def __add__(self, other: Figures) -> Figures:
        return Figures(self.units + other.units, self.leasable + other.leasable,
                       self.leased + other.leased, self.vacant + other.vacant)


def figures_of(summary) -> Figures:
    """An ``OccupancySummary`` (or map KPIs) as figures, for comparing."""
    summary = getattr(summary, "occupancy", summary)
    return Figures(summary.units, summary.leasable_area, summary.leased_area,
                   summary.vacant_area)


REFERENCE = Figures(1, AREA, AREA, ZERO)  # building R: one leased 100 m² unit


def cell_figures(state: UnitState) -> Figures:
    """What one 100 m² unit in ``state`` adds: not leasable adds no area at all."""
    return Figures(1, ZERO if state is UnitState.NOT_LEASABLE else AREA,
                   AREA if state is UnitState.LEASED else ZERO,
                   AREA if state is UnitState.VACANT else ZERO)


def m2(value: Decimal) -> str:
    return f"{value:,.2f}"


def pct(rate: Decimal | None, places: int = 1) -> str:
    return "—" if rate is None else f"{rate * 100:.{places}f}%"


def code(status: UnitStatus, occupancy: Occupancy) -> str:
    return f"TT-{status.value}-{occupancy.value}"


def write_park(path: Path, buildings: dict[str, list[tuple[UnitStatus, Occupancy]]],
               template: Path | None = None) -> Path:
    """A workspace on DAY: per building code, one floor "1F" of 100 m² units in those cells.

    A unit empty on DAY was let until a month before, so it has days vacant.
    ``template`` is an empty workspace to copy rather than create (creating one
    runs the schema's migrations).
    """
    if template is None:
        workspace = Workspace.create(path)
    else:
        shutil.copyfile(template, path)
        workspace = Workspace.open(path)
    with workspace.transaction() as s:
        park = Park(code="TT", name="真值表园", currency="CNY")
        s.add(park)
        s.flush()
        tenant = Tenant(park_id=park.id, code="T001", name="真值科技有限公司", short_name="真值")
        s.add(tenant)
        s.flush()
        n = 0
        for building_code, cells in buildings.items():
            building = Building(park_id=park.id, code=building_code, name=f"{building_code}栋",
                                kind=BuildingKind.OFFICE)
            s.add(building)
            s.flush()
            floor = Floor(building_id=building.id, level=1, name="1F")
            s.add(floor)
            s.flush()
            for status, occupancy in cells:
                unit_code = "TT-REF" if building_code == "R" else code(status, occupancy)
                unit = Unit(park_id=park.id, floor_id=floor.id, code=unit_code, name="",
                            unit_type=UnitType.OFFICE, status=status, gross_area=AREA,
                            internal_area=AREA, common_share=ZERO, leasable_area=AREA,
                            billable_area=AREA, asking_rent=Decimal("90.0000"))
                s.add(unit)
                s.flush()
                n += 1
                starts, ends = TERMS[occupancy]
                contract = Contract(park_id=park.id, tenant_id=tenant.id, code=f"HT-{n:03d}",
                                    status=ContractStatus.SIGNED, signed_on=date(2024, 12, 1),
                                    starts_on=starts, ends_on=ends,
                                    rent_per_sqm_month=Decimal("95.0000"))
                s.add(contract)
                s.flush()
                s.add(ContractUnit(contract_id=contract.id, unit_id=unit.id, billable_area=AREA))
    workspace.close()
    return path


@pytest.fixture(scope="module")
def cell_parks(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple, Path]:
    """Per cell, a workspace of building R (the reference) and building C (the cell)."""
    folder = tmp_path_factory.mktemp("truth")
    template = folder / "empty.leasemap"
    Workspace.create(template).close()
    return {(s, o): write_park(folder / f"{s.value}-{o.value}.leasemap",
                               {"R": [(UnitStatus.LEASABLE, ACTIVE)], "C": [(s, o)]}, template)
            for s, o, _ in CELLS}


def run_cli(*args: str, env: dict[str, str] | None = None) -> str:
    done = subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True,
                          text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def info_figures(out: str) -> tuple[int, Figures, str]:
    """Buildings, figures and occupancy text from ``leasemap info``'s park line (its units:
    every one, then in brackets those for rent and the common rooms)."""
    found = re.search(r"([\d,]+) buildings?, ([\d,]+) units? \([^)]*\), leasable ([\d.,]+) m², "
                      r"leased ([\d.,]+) m², vacant ([\d.,]+) m², occupancy (\S+)", out)
    assert found, out
    b, u, leasable, leased, vacant, rate = (x.replace(",", "") for x in found.groups())
    return int(b), Figures(int(u), *(Decimal(x) for x in (leasable, leased, vacant))), rate


def print_pdf(path: Path, out: Path, tmp_path: Path) -> None:
    """Building C to PDF in English by ``leasemap print``."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "LEASEMAP_SETTINGS": str(tmp_path / "print.ini")}
    stdout = run_cli("print", "--building", "C", "--mode", "rent-control", "-o", str(out),
                     "--workspace", str(path), "--on", DAY.isoformat(), "--lang", "en",
                     "--no-area-statement", env=env)
    assert "1 page" in stdout


def printed(pdf: Path) -> tuple[dict[str, str], list[str], dict[str, int]]:
    """The printed page's KPI strip, its text lines and its legend's unit count per class."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    raw = [line.strip() for line in text.splitlines() if line.strip()]
    at = next(i for i, line in enumerate(raw) if line.startswith("Occupancy"))
    names, values = (re.split(r"\s{2,}", raw[i]) for i in (at, at - 1))
    lines = [" ".join(line.split()) for line in raw]
    legend = {}
    for line in lines:
        found = re.search(r"([A-Z][a-z ,0-9]+?) (\d+) [\d,]+\.\d\d$", line)
        if found:
            legend[found.group(1)] = int(found.group(2))
    return dict(zip(names, values, strict=True)), lines, legend


def has(lines: list[str], text: str) -> bool:
    """Whether ``text`` (its spaces collapsed, as pdftotext gives them) stands on a line."""
    pattern = r"(?<![\d,])" + re.escape(" ".join(text.split())) + r"(?![\d%])"
    return any(re.search(pattern, line) for line in lines)


def stack_texts(view) -> list[str]:
    """The texts drawn on a stacking plan's scene (floor names, totals, labels)."""
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    return [i.text() for i in view.scene().items() if isinstance(i, QGraphicsSimpleTextItem)]


def strip_of(figures: Figures, loss: Decimal, rent: str) -> dict[str, str]:
    return {"Occupancy": pct(figures.rate),
            "Leased / leasable m²": f"{m2(figures.leased)} / {m2(figures.leasable)}",
            "Vacancy loss so far": f"CNY {m2(loss)}", "Rent per m² per month": rent}


def row_totals(figures: Figures) -> str:
    return f"{figures.leased:,.0f} / {figures.leasable:,.0f} m²  {pct(figures.rate, 0)}"


def status_text(figures: Figures) -> str:
    return (f"{figures.units} units · leased {m2(figures.leased)} of {m2(figures.leasable)} m² "
            f"· occupancy {pct(figures.rate)}")


@pytest.mark.parametrize(("status", "occupancy", "state"), CELLS,
                         ids=[f"{s.value}-{o.value}" for s, o, _ in CELLS])
def test_each_cell_through_every_consumer(status, occupancy, state, cell_parks, qtbot,
                                          tmp_path) -> None:
    from app.map_export import building_pages, current_page, kpi_texts, release
    from app.settings import Settings
    from services.maps import park_theme, read_building, read_park_site, scope_units
    from tests.gui.helpers import open_window

    path, unit_code = cell_parks[(status, occupancy)], code(status, occupancy)
    # a not-leasable unit cannot be signed: its contracts here are old records
    assert may_sign(status) is (status is not UnitStatus.NOT_LEASABLE)
    cell = cell_figures(state)
    park = REFERENCE + cell
    loss = LOSS if state is UnitState.VACANT else ZERO
    rent = "CNY 95.00" if state is UnitState.LEASED else "—"

    # the read model and the map's facts: the cell's state, rent class and vacancy
    reader = ReadModel(path)
    try:
        tree = reader.park_tree()[0]
        c = next(b for b in tree.buildings if b.code == "C")
        rows = reader.unit_rows(Scope("building", c.id), DAY)
        assert [(r.code, r.occupancy, r.state) for r in rows] == [(unit_code, occupancy, state)]
        [unit] = scope_units(reader, Scope("building", c.id), DAY)
        assert rent_class(unit.facts, DAY) is RENT_CLASS[state]
        assert days_vacant(unit.facts, DAY) == (30 if state is UnitState.VACANT else None)
        assert vacancy_loss(unit.facts, DAY) == (LOSS if state is UnitState.VACANT else None)
        revenue = mode_value(MapMode.REVENUE, unit.facts, DAY)
        assert revenue == {UnitState.NOT_LEASABLE: None,
                           UnitState.LEASED: Decimal("95.0000")}.get(state, 0)
        kpis = map_kpis([unit.facts], DAY)
        assert figures_of(kpis) == cell
        assert kpis.vacancy_loss == loss
        assert figures_of(summarize(rows)) == cell
        assert figures_of(summarize(reader.unit_rows(Scope("park", tree.id), DAY))) == park
        # the stacking plan's row for C's one floor, and C on the park map
        [floor] = read_building(reader, c.id, DAY).stack
        assert figures_of(floor.totals) == cell
        site = read_park_site(reader, tree.id, DAY)
        at = [b.code for b in site.buildings].index("C")
        level = park_theme(site, MapMode.RENT_CONTROL, DAY).levels[at]
        assert level == (None if cell.rate is None else cell.rate * 100)
        # printing: the pages `leasemap print --building C` composes
        pages = building_pages(reader, "C", MapMode.RENT_CONTROL, DAY, area_statement=False)
        try:
            assert [dict(p.kpis) for p in pages] == [strip_of(cell, loss, rent)]
        finally:
            release(pages)
    finally:
        reader.close()

    # `leasemap info`, the real CLI: the park is R and the cell
    buildings, figures, rate = info_figures(run_cli("info", str(path), "--on", DAY.isoformat()))
    assert (buildings, figures, rate) == (2, park, pct(park.rate))

    # the printed PDF's text layer: C's KPI strip, its stacking row and the legend
    pdf = tmp_path / "c.pdf"
    print_pdf(path, pdf, tmp_path)
    strip, lines, legend = printed(pdf)
    assert strip == strip_of(cell, loss, rent)
    assert has(lines, row_totals(cell))
    assert {name: n for name, n in legend.items() if n} == {CLASS_TEXT[state]: 1}
    assert len(legend) == len(RentClass) + 1  # every class, and "No data"

    # the main window: the table's row and filters, the status bar, the map tab
    window = open_window(qtbot, Settings(tmp_path / "s.ini"), path)
    try:
        assert window.summary_label.text() == status_text(park)
        table = window.table
        column = [c.key for c in table.model.columns()].index("occupancy")
        shown_in = []
        for i in range(table.filter.count()):
            table.filter.setCurrentIndex(i)
            if unit_code in {r.code for r in table.visible_rows()}:
                shown_in.append(table.filter.itemData(i))
        assert shown_in == ["all", FILTER_OF[state]]
        table.filter.setCurrentIndex(0)
        position = next(i for i, r in enumerate(table.model.rows()) if r.code == unit_code)
        assert table.model.index(position, column).data() == STATE_TEXT[state]
        maps = window.show_map()
        assert maps.park.levels[at] == level
        assert dict(current_page(maps).kpis) == strip_of(park, loss, "CNY 95.00")
        window.controller.set_scope("building", c.id)
        assert window.summary_label.text() == status_text(cell)
        assert row_totals(cell) in stack_texts(maps.stacking_plan)
        assert dict(current_page(maps).kpis) == strip_of(cell, loss, rent)
        assert dict(kpi_texts(map_kpis([u.facts for u in maps.units], DAY), "CNY")) == (
            strip_of(cell, loss, rent))
    finally:
        window.close()


def test_the_whole_park_sums_the_same_everywhere(tmp_path, qtbot) -> None:
    """All fifteen cells in one building: every consumer gives the same park totals."""
    from app.map_controller import stack_rows
    from app.map_export import kpi_texts
    from app.settings import Settings
    from services.maps import park_theme, read_park_site, read_stack, scope_units
    from tests.gui.helpers import open_window

    path = write_park(tmp_path / "cells.leasemap", {"T": [(s, o) for s, o, _ in CELLS]})
    whole = Figures(0, ZERO, ZERO, ZERO)
    for _, _, state in CELLS:
        whole += cell_figures(state)
    assert whole == Figures(15, Decimal(1200), Decimal(400), AREA)
    reader = ReadModel(path)
    try:
        tree = reader.park_tree()[0]
        summary = summarize(reader.unit_rows(Scope("park", tree.id), DAY))
        assert figures_of(summary) == whole
        units = scope_units(reader, Scope("park", tree.id), DAY)
        kpis = map_kpis([u.facts for u in units], DAY)
        assert kpis.occupancy == summary and kpis.vacancy_loss == LOSS
        floors = read_stack(reader, Scope("building", tree.buildings[0].id), units, DAY)
        assert [r.totals for r in stack_rows(floors)] == [row_totals(whole)]
        assert park_theme(read_park_site(reader, tree.id, DAY), MapMode.RENT_CONTROL,
                          DAY).levels == (Decimal("33.3"),)
        assert dict(kpi_texts(kpis, "CNY")) == strip_of(whole, LOSS, "CNY 95.00")
    finally:
        reader.close()
    _, figures, rate = info_figures(run_cli("info", str(path), "--on", DAY.isoformat()))
    assert (figures, rate) == (whole, "33.3%")
    window = open_window(qtbot, Settings(tmp_path / "s.ini"), path)
    try:
        assert window.summary_label.text() == status_text(whole)
    finally:
        window.close()


def test_issue_8_example_is_full_everywhere(qtbot, tmp_path) -> None:
    """One leased 100 m² unit beside one not-leasable 100 m² unit: 100 % occupancy."""
    from app.map_controller import stack_rows
    from app.settings import Settings
    from services.maps import park_theme, read_park_site, read_stack, scope_units
    from tests.gui.helpers import open_window

    path = write_park(tmp_path / "issue8.leasemap",
                      {"C": [(UnitStatus.LEASABLE, ACTIVE), (UnitStatus.NOT_LEASABLE, FREE)]})
    full = Figures(2, AREA, AREA, ZERO)
    reader = ReadModel(path)
    try:
        park = reader.park_tree()[0]
        scope = Scope("park", park.id)
        assert summarize(reader.unit_rows(scope, DAY)).occupancy_rate == Decimal("1.0000")
        units = scope_units(reader, scope, DAY)
        assert map_kpis([u.facts for u in units], DAY).occupancy_rate == Decimal("1.0000")
        floors = read_stack(reader, Scope("building", park.buildings[0].id), units, DAY)
        assert [r.totals for r in stack_rows(floors)] == ["100 / 100 m²  100%"]
        assert park_theme(read_park_site(reader, park.id, DAY), MapMode.RENT_CONTROL,
                          DAY).levels == (Decimal("100.0"),)
    finally:
        reader.close()
    _, figures, rate = info_figures(run_cli("info", str(path), "--on", DAY.isoformat()))
    assert (figures, rate) == (full, "100.0%")
    pdf = tmp_path / "issue8.pdf"
    print_pdf(path, pdf, tmp_path)
    strip, lines, _ = printed(pdf)
    assert strip == strip_of(full, ZERO, "CNY 95.00")
    assert strip["Occupancy"] == "100.0%"
    assert has(lines, "100 / 100 m²  100%")
    window = open_window(qtbot, Settings(tmp_path / "s.ini"), path)
    try:
        assert window.summary_label.text() == status_text(full)
        assert window.summary_label.text().endswith("occupancy 100.0%")
    finally:
        window.close()
