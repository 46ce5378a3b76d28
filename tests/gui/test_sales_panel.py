"""A turnover contract's Sales tab on a real window: a month's sales typed in its cell are
written, and that month's schedule line bills the turnover rent; a spreadsheet is rehearsed
and imported through the report dialog."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit

from domain.leasing.clauses import Turnover
from services.sales_import import sales_of
from tests.small_leases import sign_lease

D = Decimal
SEPTEMBER = date(2026, 9, 1)


def _detail(qtbot, window, cid):
    from app.contract_flow import flow_of

    window.controller.check_outside_changes()
    detail = flow_of(window).open_contract(cid)
    qtbot.waitUntil(lambda: detail.contract is not None, timeout=20000)
    return detail


def _turnover(window, rate: str = "0.08", breakpoint: Decimal | None = None):
    """ZD-A-0103 (125.40 m²) at 100 a m² a month from 2026-03-01, billed monthly: a base of
    12,540.00 a month, the natural breakpoint 12,540.00 ÷ 8 % = 156,750.00."""
    return sign_lease(window.controller.workspace, "ZD-A-0103", "HT-T1",
                      turnover=Turnover(D(rate), breakpoint))


def _line(detail, month: date) -> Decimal:
    return next(x.amount for x in detail.schedule.lines() if x.starts_on == month)


def _row(panel, month: date) -> list[str]:
    at = panel.model.row_of(month)
    return [panel.model.index(at, c).data() for c in range(panel.model.columnCount())]


def test_typing_a_months_sales_bills_its_turnover_rent(qtbot, window, tmp_path):
    from views.contract_detail import SALES_TAB

    cid = _turnover(window)
    detail = _detail(qtbot, window, cid)
    assert detail.tabs.isTabVisible(SALES_TAB)
    assert detail.tabs.tabText(SALES_TAB) == "Sales"
    detail.tabs.setCurrentIndex(SALES_TAB)
    panel = detail.sales_panel
    months = [m.month for m in panel.months()]
    assert months[0] == date(2026, 3, 1) and months[-1] == date(2026, 11, 1)  # to TODAY
    assert len(months) == 9
    assert _row(panel, SEPTEMBER) == ["2026-09", "not reported", "12,540.00", "—", "12,540.00",
                                      ""]
    assert panel.summary.text() == "0 of 9 months reported, 9 not reported"
    assert "8% of sales above the natural breakpoint" in panel.caption.text()
    assert _line(detail, SEPTEMBER) == D("12540.00")

    # A person's edit: the cell opened, the figure typed, Enter.
    view = panel.table
    view.setFocus()
    index = panel.model.index(panel.model.row_of(SEPTEMBER), 1)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.viewport().findChild(QLineEdit)
    assert editor is not None and editor.text() == ""  # not "not reported"
    with qtbot.waitSignal(panel.sales_entered, timeout=5000) as entered:
        qtbot.keyClicks(editor, "200,000")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert entered.args == [SEPTEMBER, D("200000.00")]
    assert _row(panel, SEPTEMBER)[5] == "saving…"

    # Written in the pool, the contract read again: 8 % of 200,000 beats the base.
    qtbot.waitUntil(lambda: _line(detail, SEPTEMBER) == D("16000.00"), timeout=20000)
    assert _row(panel, SEPTEMBER) == ["2026-09", "200,000.00", "12,540.00", "3,460.00",
                                      "16,000.00", "entered"]
    alignment = panel.model.index(panel.model.row_of(SEPTEMBER), 1).data(
        Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight
    assert panel.summary.text() == "1 of 9 months reported, 8 not reported"
    assert _line(detail, date(2026, 10, 1)) == D("12540.00")  # the others bill the base
    with window.controller.workspace.reading() as s:
        assert sales_of(s, cid) == [(SEPTEMBER, D("200000.00"), "entered")]

    # A correction replaces the month's figure; under the breakpoint it bills the base.
    assert panel.enter(SEPTEMBER, "150000")
    qtbot.waitUntil(lambda: _line(detail, SEPTEMBER) == D("12540.00"), timeout=20000)
    qtbot.waitUntil(lambda: _row(panel, SEPTEMBER)[1] == "150,000.00", timeout=20000)
    assert _row(panel, SEPTEMBER)[3] == "0.00"

    detail.resize(1000, 560)
    image = detail.grab()
    assert not image.isNull()
    image.save(str(tmp_path / "sales-panel.png"))


def test_a_figure_that_is_not_an_amount_is_refused_in_place(qtbot, window):
    from views.contract_detail import SALES_TAB

    detail = _detail(qtbot, window, _turnover(window))
    detail.tabs.setCurrentIndex(SALES_TAB)
    panel = detail.sales_panel
    with qtbot.assertNotEmitted(panel.sales_entered):
        assert not panel.enter(SEPTEMBER, "lots")
        assert not panel.enter(SEPTEMBER, "-5")
        assert not panel.enter(SEPTEMBER, "")
    assert panel.status.text() == "2026-09: “-5” is not an amount of 0 or more."
    assert _row(panel, SEPTEMBER)[1] == "not reported"


def test_a_contract_without_turnover_has_no_sales_tab(qtbot, window):
    from views.contract_detail import SALES_TAB

    cid = sign_lease(window.controller.workspace, "ZD-A-0103", "HT-P1")
    detail = _detail(qtbot, window, cid)
    assert not detail.tabs.isTabVisible(SALES_TAB)


def test_importing_a_file_from_the_panel_rehearses_then_writes(qtbot, window, tmp_path):
    from app.inputs_flow import import_sales_file, inputs_of
    from views.contract_detail import SALES_TAB

    cid = _turnover(window)
    detail = _detail(qtbot, window, cid)
    detail.tabs.setCurrentIndex(SALES_TAB)
    path = tmp_path / "营业额.csv"
    path.write_bytes(("合同编号,月份,营业额\n"
                      "HT-T1,2026年9月,520000\n"
                      "HT-T1,2026-10,100000\n"
                      "HT-NONE,2026-10,1\n"
                      "HT-T1,2026-01,1\n").encode("gbk"))
    detail.sales_panel.import_button.click()  # the file dialog, over the contract
    asked = next(d for d in detail.findChildren(QFileDialog) if d.isVisible())
    asked.selectFile(str(path))
    asked.accept()
    flow = inputs_of(window)
    qtbot.waitUntil(lambda: len(flow.import_dialogs) == 1, timeout=5000)
    dialog = flow.import_dialogs[0]
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20000)
    assert dialog.summary.text() == ("营业额.csv: 4 rows; 2 to add, 0 to correct, 0 unchanged, "
                                     "2 rejected. Nothing is written until you import.")
    table = dialog.table
    cells = [[table.item(r, c).text() for c in range(6)] for r in range(table.rowCount())]
    assert cells[0] == ["2", "HT-T1", "2026-09", "520,000.00", "will be added", ""]
    assert cells[2][4:] == ["rejected", "no contract HT-NONE in the park"]
    assert cells[3][4:] == ["rejected", "2026-01 is outside the term 2026-03-01 – 2029-02-28"]
    assert dialog.import_button.isEnabled()
    assert _line(detail, SEPTEMBER) == D("12540.00")  # nothing written yet

    dialog.resize(900, 360)
    image = dialog.grab()
    assert not image.isNull()
    image.save(str(tmp_path / "sales-import.png"))

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.report["dry_run"], timeout=20000)
    assert dialog.summary.text() == "营业额.csv: 4 rows; 2 added, 0 corrected, 0 unchanged, " \
                                    "2 rejected."
    assert not dialog.import_button.isEnabled()
    # Every open contract is read again: September bills 8 % of 520,000.
    qtbot.waitUntil(lambda: _line(detail, SEPTEMBER) == D("41600.00"), timeout=20000)
    assert _row(detail.sales_panel, SEPTEMBER)[3:5] == ["29,060.00", "41,600.00"]
    assert _row(detail.sales_panel, SEPTEMBER)[5] == "营业额.csv, row 2"

    # The same file corrected: the report says the figure before and after.
    path.write_bytes("合同编号,月份,营业额\nHT-T1,2026-09,480000\n".encode("gbk"))
    again = import_sales_file(window, path, cid)
    qtbot.waitUntil(lambda: again.report is not None, timeout=20000)
    assert again.table.item(0, 4).text() == "will replace 520,000.00 → 480,000.00"


def test_an_unreadable_file_is_said_in_the_dialog(qtbot, window, tmp_path):
    from app.inputs_flow import import_sales_file

    cid = _turnover(window)
    path = tmp_path / "sales.csv"
    path.write_text("合同编号,备注\nHT-T1,x\n", encoding="utf-8")
    dialog = import_sales_file(window, path)
    qtbot.waitUntil(lambda: "no column" in dialog.summary.text(), timeout=20000)
    assert dialog.summary.text().startswith(
        "sales.csv: no column for month, sales (columns: 合同编号, 备注)")
    assert not dialog.import_button.isEnabled()
    with window.controller.workspace.reading() as s:
        assert sales_of(s, cid) == []


def test_the_clause_is_said_with_its_breakpoint_bands_and_limits(qapp):
    from views.sales_panel import clause_text

    assert clause_text(Turnover(D("0.08"))) == (
        "8% of sales above the natural breakpoint (the base rent ÷ 8%)")
    banded = Turnover(D("0.08"), D(400000), tiers=((D(1000000), D("0.08")), (None, D("0.10"))),
                      minimum=D(1000), maximum=D(50000))
    assert clause_text(banded) == (
        "8% of sales above 400,000.00 a month; by bands: 8% up to 1,000,000.00, 10% beyond; "
        "at least 1,000.00 a month; at most 50,000.00 a month")


def test_a_quarterly_line_shows_each_month_with_its_own_turnover(qapp):
    from domain.leasing.clauses import Cycle, RentTerms
    from domain.leasing.schedule import rent_schedule
    from views.sales_panel import sales_months

    sales = {date(2027, 1, 1): Decimal(500_000), date(2027, 2, 1): Decimal(100_000)}
    terms = RentTerms(Decimal(100), Decimal(150), date(2027, 1, 1), date(2027, 12, 31),
                      cycle=Cycle.QUARTERLY,
                      turnover=Turnover(Decimal("0.08"), sales=sales))  # base 15,000.00
    lines, _ = rent_schedule(terms)
    reported = [(m, a, "manual") for m, a in sales.items()]
    rows = sales_months(date(2027, 1, 1), date(2027, 12, 31), date(2027, 3, 31), lines,
                        reported)
    assert [(r.month.month, r.base, r.turnover, r.rent, r.reckoned) for r in rows] == [
        (1, Decimal("15000.00"), Decimal("25000.00"), Decimal("40000.00"), True),
        (2, Decimal("15000.00"), Decimal("0.00"), Decimal("15000.00"), True),
        (3, Decimal("15000.00"), None, Decimal("15000.00"), True),  # not reported yet
    ]
