"""The rent-roll dialog end to end in the window: choose, map, check, import, save."""

from __future__ import annotations

from datetime import datetime

from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from app.rent_roll_flow import import_rent_roll
from store.schema import Contract, Tenant
from store.workspace import Workspace
from views.rent_roll_dialog import RentRollDialog

HEADERS = ["Contract No", "Tenant", "Units", "Area (m²)", "Signed", "Delivered", "Rent start",
           "End", "Rent per m² per month", "Cycle", "Rent-free", "Escalation", "Deposit",
           "Remarks"]


def _roll(path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Leases"
    sheet.append(["Rent roll, Zhangjiang test park"])
    sheet.append(HEADERS)
    sheet.append(["HT-GUI-1", "上海云帆智能科技有限公司", "ZD-A-0103", 125.4,
                  datetime(2026, 2, 10), datetime(2026, 3, 1), datetime(2026, 6, 1),
                  datetime(2029, 2, 28), 100, "quarterly", None, "5%", 37620, ""])
    sheet.append(["HT-GUI-2", "Acme Robotics Ltd", "A-0201, A-0202", 250.8,
                  datetime(2026, 3, 1), datetime(2026, 4, 1), datetime(2026, 4, 1),
                  datetime(2028, 3, 31), 88.5, "monthly", "2 months", None, "3 months", ""])
    sheet.append(["HT-GUI-3", "Ghost Ltd", "ZD-X-404", 80, datetime(2026, 3, 1),
                  datetime(2026, 4, 1), datetime(2026, 4, 1), datetime(2028, 3, 31), 90,
                  "monthly", None, None, None, ""])
    book.save(path)
    return path


def _dialog(qtbot, window) -> RentRollDialog:
    import_rent_roll(window)
    dialog = window.findChild(RentRollDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_choose_check_import_and_save_the_rejected_rows(qtbot, window, tmp_path, small_park):
    dialog = _dialog(qtbot, window)
    assert not dialog.import_button.isEnabled() and not dialog.check_button.isEnabled()
    dialog.choose_file(_roll(tmp_path / "roll.xlsx"))
    # the header is found under the title, every column guessed, the rows checked at once
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=60000)
    assert dialog.mapping()["rate"] == "Rent per m² per month"
    assert dialog.mapping()["property_fee"] == ""
    assert dialog.combos["units"].currentText() == "Units"
    assert dialog.report["dry_run"] and dialog.report["header_row"] == 2
    model = dialog.report_model
    assert model.rowCount() == 3
    shown = {model.index(r, 1).data(): (model.index(r, 4).data(), model.index(r, 5).data())
             for r in range(3)}
    assert shown["HT-GUI-1"] == ("will be imported", "")
    assert shown["HT-GUI-2"] == ("will be imported", "new tenant Acme Robotics Ltd")
    assert shown["HT-GUI-3"] == ("rejected", "ZD-X-404 is not a unit of this park")
    assert "3 rows: 2 will be imported, 1 rejected" in dialog.status.text()
    dialog.only_rejected.setChecked(True)
    assert model.rowCount() == 1
    dialog.only_rejected.setChecked(False)
    with Workspace.open(small_park.path) as ws, ws.reading() as s:
        assert s.scalar(select(Contract).where(Contract.code == "HT-GUI-1")) is None

    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, qtbot_left())
    qtbot.waitUntil(lambda: dialog.report is not None and not dialog.report["dry_run"],
                    timeout=60000)
    assert dialog.report["counts"]["imported"] == 2
    assert not dialog.import_button.isEnabled()  # imported: nothing more to import
    assert {model.index(r, 4).data() for r in range(3)} == {"imported", "rejected"}
    beside = tmp_path / "roll.rejected.xlsx"
    assert beside.exists() and str(beside) in dialog.status.text()
    with Workspace.open(small_park.path) as ws, ws.reading() as s:
        codes = set(s.scalars(select(Contract.code)))
        assert {"HT-GUI-1", "HT-GUI-2"} <= codes and "HT-GUI-3" not in codes
        assert s.scalar(select(Tenant).where(Tenant.name == "Acme Robotics Ltd")) is not None
    # the window read its data again: the unit shows its new lease
    qtbot.waitUntil(lambda: any(r.contract_code == "HT-GUI-1" for r in window.controller.rows),
                    timeout=20000)

    target = tmp_path / "fix" / "to-correct.xlsx"
    assert dialog.save_button.isEnabled()
    dialog.save_rejected_to(target)
    qtbot.waitUntil(lambda: target.exists() and str(target) in dialog.status.text(),
                    timeout=20000)
    lines = list(load_workbook(target).active.iter_rows(values_only=True))
    assert lines[0][:3] == ("Contract No", "Tenant", "Units")
    assert [line[0] for line in lines[1:]] == ["HT-GUI-3"]
    assert lines[1][-1] == "ZD-X-404 is not a unit of this park"
    dialog.reject()
    qtbot.waitUntil(lambda: window.findChild(RentRollDialog) is None, timeout=5000)


def test_a_column_chosen_by_hand_and_a_file_that_cannot_be_read(qtbot, window, tmp_path):
    dialog = _dialog(qtbot, window)
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"not a workbook at all")
    dialog.choose_file(bad)
    qtbot.waitUntil(lambda: "cannot read" in dialog.status.text(), timeout=30000)
    assert not dialog.check_button.isEnabled()

    path = tmp_path / "odd.csv"
    path.write_text("编号X,公司,位置,止,价,起\n"
                    "HT-ODD,上海云帆智能科技有限公司,ZD-A-0103,2029-02-28,100,2026-03-01\n",
                    encoding="utf-8")
    dialog.choose_file(path)
    qtbot.waitUntil(lambda: bool(dialog.headers), timeout=30000)
    # nothing guessed for the code, tenant and units: the check waits for a person
    assert dialog.report is None and not dialog.check_button.isEnabled()
    assert "Contract code" in dialog.status.text()
    for name, column in (("code", "编号X"), ("tenant", "公司"), ("units", "位置"),
                         ("ends_on", "止"), ("rate", "价"), ("rent_starts_on", "起")):
        dialog.choose_column(name, column)
    assert dialog.check_button.isEnabled()
    qtbot.mouseClick(dialog.check_button, qtbot_left())
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30000)
    assert dialog.report["counts"]["imported"] == 1
    dialog.choose_column("rate", "")  # a changed mapping makes the report stale
    assert dialog.report is None and not dialog.import_button.isEnabled()
    dialog.reject()


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
