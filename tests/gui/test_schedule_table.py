"""The schedule table: SPEC's worked examples shown line by line, totals per charge, the
engine's problems under the lines, TSV for a spreadsheet, and a ten-year schedule shown
without delay."""

from __future__ import annotations

import time
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from domain.leasing.clauses import (
    Basis,
    Charge,
    ChargeKind,
    Cycle,
    Escalation,
    EscalationKind,
    RentFree,
    RentFreeKind,
    RentTerms,
    Turnover,
)
from domain.leasing.schedule import rent_schedule
from views.schedule_table import AMOUNT, PERIOD, WHY, RowKind, ScheduleTable

D = Decimal


def example_a(**more) -> RentTerms:
    """SPEC example A: 200 m² at 100.00, three months fit-out free, +5 % a year, quarterly."""
    return RentTerms(D(200), D(100), date(2026, 3, 1), date(2029, 2, 28), cycle=Cycle.QUARTERLY,
                     rent_free=(RentFree(date(2026, 3, 1), date(2026, 5, 31),
                                         RentFreeKind.FIT_OUT),),
                     escalation=Escalation(EscalationKind.FIXED_PERCENT, percent=D(5)), **more)


def table(qtbot) -> ScheduleTable:
    view = ScheduleTable()
    qtbot.addWidget(view)
    view.resize(1100, 600)
    return view


def test_example_a_line_by_line_with_its_reasons_and_total(qtbot):
    view = table(qtbot)
    view.set_currency("CNY")
    view.set_schedule(*rent_schedule(example_a()))
    lines = view.texts(RowKind.LINE)
    assert [row[AMOUNT] for row in lines] == (
        ["0.00"] + ["60,000.00"] * 3 + ["63,000.00"] * 4 + ["66,150.00"] * 4)
    assert lines[0] == (
        "2026-03-01 – 2026-05-31", "2026-03-01", "Rent", "0.00",
        "200.00 m² at base 100.00 per m² a month; rent-free (fit-out) 2026-03-01 to 2026-05-31")
    assert lines[4][WHY] == ("200.00 m² at base 100.00 per m² a month; escalated +5% a year, "
                             "the step of 2027-03-01")
    assert view.texts(RowKind.TOTAL) == [("Total rent", "", "", "696,600.00", "")]
    assert view.texts(RowKind.GRAND) == []  # one charge: its total is the total
    assert view.totals() == {"rent": D("696600.00")}
    model = view.model()
    assert model.headerData(AMOUNT, Qt.Orientation.Horizontal) == "Amount (CNY)"
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.data(model.index(1, AMOUNT), Qt.ItemDataRole.TextAlignmentRole) == right
    assert model.data(model.index(12, PERIOD), Qt.ItemDataRole.FontRole).bold()
    # Each line's reasons one per line in its tooltip.
    assert model.data(model.index(0, WHY), Qt.ItemDataRole.ToolTipRole).split("\n")[1] == (
        "rent-free (fit-out) 2026-03-01 to 2026-05-31")


def test_charges_have_their_own_lines_and_totals_and_the_grand_total(qtbot):
    view = table(qtbot)
    view.set_schedule(*rent_schedule(example_a(charges=(
        Charge(ChargeKind.PROPERTY_FEE, D("12.50")),
        Charge(ChargeKind.SERVICE, D("800"), per_sqm=False, name="空调")))))
    lines = view.texts(RowKind.LINE)
    assert [row[2] for row in lines[:3]] == ["Rent", "Property fee", "空调"]
    assert lines[1][AMOUNT] == "7,500.00"  # 200 m² × 12.50 × 3, rent-free or not
    assert lines[1][WHY] == (
        "Property fee: 12.50 per m² a month × 200.00 m² = 2,500.00 a month; rent-free "
        "2026-03-01 to 2026-05-31 does not apply to this charge")
    assert lines[2][WHY].startswith("空调: 800.00 a month")
    assert view.texts(RowKind.TOTAL) == [
        ("Total rent", "", "", "696,600.00", ""),
        ("Total property fee", "", "", "90,000.00", ""),
        ("Total 空调", "", "", "28,800.00", "")]
    assert view.texts(RowKind.GRAND) == [("Total, every charge", "", "", "815,400.00", "")]


def test_problems_are_listed_under_the_lines_across_the_row(qtbot):
    view = table(qtbot)
    terms = RentTerms(D(100), D(100), date(2026, 1, 1), date(2028, 12, 31),
                      escalation=Escalation(EscalationKind.CPI_CHANGE, index={
                          2025: D(100), 2026: D("101.2")}, floor=D(2), cap=D(5)))
    lines, problems = rent_schedule(terms)
    view.set_schedule(lines, problems)
    assert view.problem_texts() == [
        "the CPI of 2027 is not known yet: from 2028-01-01 the floor is billed, and a "
        "correction follows once the index is entered"]
    row = view.model().rowCount() - 1
    assert view.rowSpan(row, 0) == 1 and view.columnSpan(row, 0) == 5
    colour = view.model().data(view.model().index(row, 0), Qt.ItemDataRole.ForegroundRole)
    assert colour.color().name() == "#b3261e"
    # Shown again with fewer rows, the old spans go.
    view.set_schedule(lines[:2], [])
    assert view.columnSpan(row, 0) == 1 and view.problem_texts() == []


def test_copy_gives_tab_separated_rows_with_plain_amounts(qtbot):
    view = table(qtbot)
    view.set_schedule(*rent_schedule(example_a()))
    everything = view.copy()
    assert QGuiApplication.clipboard().text() == everything
    rows = [line.split("\t") for line in everything.splitlines()]
    assert rows[0] == ["Period", "Due", "Charge", "Amount", "Why"]
    assert rows[2][:4] == ["2026-06-01 – 2026-08-31", "2026-06-01", "Rent", "60000.00"]
    assert rows[-1][:4] == ["Total rent", "", "", "696600.00"]
    assert all(len(r) == 5 for r in rows)
    view.selectRow(1)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)  # Ctrl+C
    assert QGuiApplication.clipboard().text().splitlines()[1:] == [
        "\t".join(rows[2])]


def test_a_ten_year_monthly_schedule_with_charges_is_shown_at_once(qtbot):
    terms = RentTerms(D("1250.00"), D("4.10"), date(2026, 1, 10), date(2036, 1, 9),
                      basis=Basis.PER_SQM_DAY, calendar_periods=True,
                      turnover=Turnover(D("0.08"), sales={date(2026, m, 1): D(900000)
                                                          for m in range(2, 13)}),
                      escalation=Escalation(EscalationKind.FIXED_PERCENT, percent=D(3)),
                      charges=(Charge(ChargeKind.PROPERTY_FEE, D("15")),))
    lines, problems = rent_schedule(terms)
    assert len(lines) == 242
    view = table(qtbot)
    view.show()
    qtbot.waitExposed(view)
    started = time.perf_counter()
    view.set_schedule(lines, problems)
    view.repaint()
    elapsed = time.perf_counter() - started
    print(f"\n{len(lines)} lines and {len(problems)} problems shown in {elapsed * 1000:.1f} ms")
    assert len(view.texts(RowKind.LINE)) == 242
    assert len(problems) == 110  # no sales after 2026 …
    assert view.problem_texts() == [  # … said once, not 110 times
        "sales of 110 months between 2026-01 and 2036-01 are not reported yet: the base "
        "rent is billed"]
