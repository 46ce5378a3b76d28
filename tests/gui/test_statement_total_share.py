"""The 公摊 statement's total row says 100 % of the shared use: three units of one area
each hold a third, 33.3333 % as shown (0.333333 to six places), and the total under them
is the whole, not the 99.9999 % their rounded fractions add up to.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from domain.billing.meters import Meter, Period, Reading, Utility
from domain.billing.shared_consumption import Basis, statement
from domain.billing.tariffs import FlatTariff

D = Decimal
E = Utility.ELECTRICITY


def test_the_total_share_is_the_whole(qtbot):
    from views.meter_statement_dialog import MeterStatementDialog, table_texts
    from views.meter_text import statement_sheet

    meters = [Meter("M", "MAIN", E), Meter("a", "E-101", E, "M", "101"),
              Meter("b", "E-102", E, "M", "102"), Meter("c", "E-103", E, "M", "103")]
    ends = {"M": (0, 1000), "a": (0, 200), "b": (0, 300), "c": (0, 200)}
    readings = [Reading(m, date(2026, month, 1), "total", D(v))
                for m, (v0, v1) in ends.items() for month, v in ((3, v0), (4, v1))]
    shared = statement("M", meters, readings, Period.month(2026, 3),
                       Basis("area", {"101": D("100"), "102": D("100"), "103": D("100")}),
                       FlatTariff(date(2026, 1, 1), D("0.85")))
    assert [s.fraction for s in shared.shares] == [D("0.333333")] * 3  # rounded each
    sheet = statement_sheet(shared, {"101": "ZD-101", "102": "ZD-102", "103": "ZD-103"},
                            "CNY")
    dialog = MeterStatementDialog("MAIN", date(2026, 3, 1))
    qtbot.addWidget(dialog)
    dialog.set_sheet(sheet)
    dialog.show()
    qtbot.waitExposed(dialog)
    rows = table_texts(dialog.shares)
    assert [r[2] for r in rows] == ["33.3333%", "33.3333%", "33.3333%", "100.0000%"]
    assert rows[-1][4] == "300"  # the shared use, all of it shared
    assert dialog.sheet.adds_up
