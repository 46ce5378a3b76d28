"""The 公摊 statement of a month in which a unit was not connected: E-3 (ZD-A-0103) is installed
on 10 November, so in October ZD-A-0103 takes no share of MAIN's; the statement lists it
under the units sharing, with no figures, and says why, on screen, in the PDF's page and in
the workbook, while the shares still add up to the shared figure.

The tree (``tests.gui.meters_park``): MAIN 600 kWh in October; E-1 (ZD-A-0101) 200, E-2
(ZD-A-0102) 150, LIFT 30; shared = 600 − 380 + 30 = 250, by equal areas over the two units
connected: 125 each, 125.00 at 1.00 a kWh.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtGui import QImage
from sqlalchemy import select

from app.meters_flow import export_statement, read_statement
from services.meters import MeterSpec
from store.schema import Meter
from store.workspace import Workspace
from tests.gui.meters_park import OCTOBER, E, build_metered

D = Decimal
WHY = ("ZD-A-0103 takes no share: not connected in this period (its meter E-3 installed "
       "only on 2026-11-10)")


@pytest.fixture
def metered(tmp_path) -> Path:
    return build_metered(tmp_path / "not-connected.leasemap", MeterSpec(
        "E-3", E, parent="MAIN", unit="ZD-A-0103", installed_on=date(2026, 11, 10)))


def _sheet(path: Path, month: date):
    with Workspace.open(path) as ws:
        with ws.reading() as s:
            main = s.scalar(select(Meter.id).where(Meter.code == "MAIN"))
        return read_statement(ws, main, month, "CNY")


def test_a_unit_not_connected_is_listed_with_no_share_and_why(qtbot, metered, tmp_path):
    from views.meter_statement_dialog import MeterStatementDialog, statement_html, table_texts

    sheet = _sheet(metered, OCTOBER)
    dialog = MeterStatementDialog("MAIN", OCTOBER)
    qtbot.addWidget(dialog)
    dialog.set_sheet(sheet)
    dialog.show()
    qtbot.waitExposed(dialog)
    rows = table_texts(dialog.shares)
    assert rows == [
        ["ZD-A-0101", "125.4", "50.0000%", "200", "125", "325", "125.00"],
        ["ZD-A-0102", "125.4", "50.0000%", "150", "125", "275", "125.00"],
        ["ZD-A-0103", "—", "—", "—", "no share: not connected", "—", "—"],
        ["All units sharing", "250.8", "100.0000%", "350", "250", "600", "250.00"],
    ]
    assert dialog.left_out.isVisible() and dialog.left_out.text() == f"○ {WHY}"
    assert dialog.sheet.adds_up and dialog.check.text().startswith("Adds up: main 600 ")
    assert not dialog.flags.isVisible()  # no unit missing: a statement ready to bill
    assert WHY in statement_html(sheet)
    out = export_statement(sheet, tmp_path / "公摊.xlsx")
    cells = [c.value for row in load_workbook(out).active.iter_rows() for c in row]
    assert WHY in cells
    picture = tmp_path / "statement-not-connected.png"
    assert dialog.grab().save(str(picture))
    assert not QImage(str(picture)).isNull()
    # November: E-3 is installed on the 10th, connected part of the month: it shares, and the
    # line of why is gone (not read yet, it is flagged instead).
    november = _sheet(metered, date(2026, 11, 1))
    dialog.set_sheet(november)
    assert november.left_out == () and not dialog.left_out.isVisible()
    assert "ZD-A-0103" in [r[0] for r in table_texts(dialog.shares)]
