"""The due dock on a real window: a late checkpoint shows, marking it done takes it away."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from services import checkpoints
from store.schema import Alert
from tests.gui.helpers import double_click
from tests.small_leases import sign_lease
from tests.small_park import TODAY

START = date(2026, 9, 1)  # rent started nearly three months before TODAY (2026-11-22)


def sign_late_contract(workspace, unit_code: str = "ZD-A-0103", code: str = "HT-CP-1"):
    """A contract whose hand-over, rent start and first payment fell due on START."""
    return sign_lease(workspace, unit_code, code, START, date(2028, 8, 31),
                      signed_on=date(2026, 8, 15))


def _dock(qtbot, window):
    from app.contract_flow import flow_of, install_due_dock

    window.controller.check_outside_changes()  # a contract signed by the test is seen now
    dock = install_due_dock(window)
    due = flow_of(window).due
    qtbot.waitUntil(lambda: due.day == TODAY and not due.loading, timeout=20000)
    return dock, due


def _mine(due, code="HT-CP-1"):
    return {(i.code, i.days_late) for i in due.visible_items() if i.contract_code == code}


def test_a_late_checkpoint_shows_in_the_due_list(qtbot, window):
    checkpoints.forget_cached()
    cid = sign_late_contract(window.controller.workspace)
    dock, due = _dock(qtbot, window)
    assert dock.isVisible() and dock.windowTitle() == "Due"
    # a read begun before the window saw the new contract may finish first: wait for the
    # one that has it (on a loaded machine the second read starts late)
    qtbot.waitUntil(lambda: not due.loading and bool(_mine(due)), timeout=20000)
    mine = _mine(due)
    assert {("delivered", 82), ("rent-start", 82), ("first-payment", 82)} <= mine
    assert ("review-1", -9) in mine  # coming, nine days ahead
    row = due.row_of("HT-CP-1", "delivered")
    index = due.proxy.index(row, 1)
    assert due.proxy.data(index) == "82 days late"
    assert due.proxy.data(index, Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"
    assert due.proxy.data(due.proxy.index(due.row_of("HT-CP-1", "review-1"), 1)) == \
        "due in 9 days"

    due.late_only.setChecked(True)
    assert ("review-1", -9) not in _mine(due) and ("delivered", 82) in _mine(due)

    # Alerts were raised when the dock opened: one per late checkpoint, and a new day
    # raises none twice.
    with window.controller.workspace.reading() as s:
        raised = s.scalar(select(func.count()).select_from(Alert).where(
            Alert.contract_id == cid))
    assert raised == 3

    # A double click opens the contract.
    from app.contract_flow import flow_of

    view = due.view
    rect = view.visualRect(due.proxy.index(due.row_of("HT-CP-1", "delivered"), 3))
    double_click(qtbot, view.viewport(), rect.center())
    flow = flow_of(window)
    qtbot.waitUntil(lambda: cid in flow.details and flow.details[cid].contract is not None,
                    timeout=20000)
    assert flow.details[cid].contract.code == "HT-CP-1"


def test_marking_done_in_the_detail_clears_the_due_item_and_its_alert(qtbot, window):
    from app.contract_flow import flow_of

    checkpoints.forget_cached()
    cid = sign_late_contract(window.controller.workspace)
    _dock_widget, due = _dock(qtbot, window)
    detail = flow_of(window).open_contract(cid)
    qtbot.waitUntil(lambda: detail.contract is not None, timeout=20000)
    detail.tabs.setCurrentIndex(2)
    assert detail.select_checkpoint("delivered")
    assert detail.mark_button.isEnabled()
    qtbot.mouseClick(detail.mark_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ("delivered", 82) not in _mine(due), timeout=20000)
    qtbot.waitUntil(lambda: next(r for r in detail.contract.checkpoints
                                 if r.code == "delivered").done_on == TODAY, timeout=20000)
    with window.controller.workspace.reading() as s:
        alert = s.get(Alert, checkpoints.alert_id(cid, "delivered"))
    assert alert.cleared_on == TODAY
    assert ("rent-start", 82) in _mine(due)


def test_the_due_list_follows_the_viewed_day(qtbot, window):
    checkpoints.forget_cached()
    sign_late_contract(window.controller.workspace)
    _dock_widget, due = _dock(qtbot, window)
    window.date_edit.setDate(date(2026, 8, 20))  # before the hand-over: only coming ones
    qtbot.waitUntil(lambda: due.day == date(2026, 8, 20) and not due.loading, timeout=20000)
    mine = _mine(due)
    assert mine == {("delivered", -12), ("rent-start", -12), ("first-payment", -12)}
