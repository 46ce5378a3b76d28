"""The contract list on a real window: state on the viewed day, filters, opening a contract."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from domain.assets import UnitType
from domain.leasing.lifecycle import ContractState
from services import contract_list
from tests.gui.helpers import double_click
from tests.gui.test_due_list import sign_late_contract
from tests.small_park import TODAY


def _open(qtbot, window):
    from app.contract_flow import open_contract_list

    contract_list.forget_cached()
    window.controller.check_outside_changes()  # a contract signed by the test is seen now
    listed = open_contract_list(window)
    qtbot.waitUntil(lambda: listed.day == TODAY and not listed.loading, timeout=20000)
    return listed


def _codes(listed):
    return [r.code for r in listed.visible_rows()]


def _wait_day(qtbot, listed, day):
    qtbot.waitUntil(lambda: listed.day == day and not listed.loading, timeout=20000)


def test_the_list_shows_each_contract_as_on_the_viewed_day(qtbot, window):
    listed = _open(qtbot, window)
    assert window.tabs.currentWidget() is listed
    assert window.tabs.tabText(window.tabs.indexOf(listed)) == "Contracts"
    rows = {r.code: r for r in listed.visible_rows()}
    assert set(rows) == {"HT-2026-0001", "HT-2027-0002"}
    current, future = rows["HT-2026-0001"], rows["HT-2027-0002"]
    assert current.state is ContractState.ACTIVE and future.state is ContractState.SIGNED
    assert current.unit_codes == ("ZD-A-0101",) and current.building_codes == ("A",)
    assert str(current.monthly_rent) == "11913.00"  # 125.40 m² × 95.00
    assert current.days_to_end == (date(2027, 12, 31) - TODAY).days
    row = listed.view_row_of("HT-2026-0001")
    cells = [listed.proxy.data(listed.proxy.index(row, c)) for c in range(10)]
    assert cells[4] == "Active" and cells[8] == "11,913.00"
    assert cells[5] == "2026-01-01 – 2027-12-31"

    listed.set_filters(state=ContractState.ACTIVE)
    assert _codes(listed) == ["HT-2026-0001"]
    # On 1 April 2027 the second lease has started: both active.
    window.date_edit.setDate(date(2027, 4, 1))
    _wait_day(qtbot, listed, date(2027, 4, 1))
    assert sorted(_codes(listed)) == ["HT-2026-0001", "HT-2027-0002"]
    assert listed.state.currentData() == ContractState.ACTIVE  # the filter stayed
    listed.set_filters(state=ContractState.SIGNED)
    assert _codes(listed) == []


def test_filters_by_type_building_ending_and_text(qtbot, window):
    sign_late_contract(window.controller.workspace, unit_code="ZD-B-0101", code="HT-CP-B")
    listed = _open(qtbot, window)
    assert len(listed.visible_rows()) == 3
    listed.set_filters(building="B")
    assert _codes(listed) == ["HT-CP-B"]
    listed.set_filters(kind=UnitType.OFFICE)
    assert len(_codes(listed)) == 3
    listed.set_filters(kind=UnitType.RETAIL)
    assert _codes(listed) == []
    to_end = (date(2027, 12, 31) - TODAY).days  # HT-2026-0001's last day
    listed.set_filters(expiring_days=to_end)
    assert _codes(listed) == ["HT-2026-0001"]
    listed.set_filters(expiring_days=to_end - 1)
    assert _codes(listed) == []
    listed.set_filters(text="zd-b-01")
    assert _codes(listed) == ["HT-CP-B"]
    assert listed.count.text() == "1 of 3 contracts"
    combo_titles = [listed.building.itemText(i) for i in range(listed.building.count())]
    assert combo_titles[0] == "Every building" and "B栋 厂房" in combo_titles


def test_sorting_by_days_to_end_sorts_numbers(qtbot, window):
    sign_late_contract(window.controller.workspace)
    listed = _open(qtbot, window)
    listed.view.sortByColumn(9, Qt.SortOrder.AscendingOrder)
    ends = [r.days_to_end for r in listed.visible_rows()]
    assert ends == sorted(ends)


def test_a_double_click_opens_the_contract(qtbot, window):
    from app.contract_flow import flow_of

    listed = _open(qtbot, window)
    row = listed.view_row_of("HT-2027-0002")
    rect = listed.view.visualRect(listed.proxy.index(row, 1))
    with qtbot.waitSignal(listed.open_contract, timeout=5000) as opened:
        double_click(qtbot, listed.view.viewport(), rect.center())
    cid = opened.args[0]
    flow = flow_of(window)
    qtbot.waitUntil(lambda: cid in flow.details and flow.details[cid].contract is not None,
                    timeout=20000)
    assert flow.details[cid].contract.code == "HT-2027-0002"
