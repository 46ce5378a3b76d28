"""A contract's detail on a real window: versions stay readable, renewal advice gives its
reasons, documents are listed, and amend / renew / terminate go through their dialogs."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from domain.assets import UnitType
from domain.contracts import ContractStatus
from domain.leasing.lifecycle import ContractState
from services import contract_list, contracts
from store.schema import Contract, ContractDocument, Lead
from tests.small_leases import lease_spec, park_id
from tests.small_park import TODAY

D = Decimal


def _sign(workspace, start: date, end: date, rate: Decimal, signed: date,
          unit_code: str = "ZD-A-0103", code: str = "HT-DT-1"):
    spec = lease_spec(workspace, unit_code, code, start, end, rate=rate, signed_on=signed,
                      deposit=D("25080.00"))
    return contracts.create_signed(workspace, park_id(workspace), spec), spec


def _detail(qtbot, window, cid):
    from app.contract_flow import flow_of

    window.controller.check_outside_changes()
    detail = flow_of(window).open_contract(cid)
    qtbot.waitUntil(lambda: detail.contract is not None, timeout=20000)
    return detail


def _dialog(window, kind):
    from app.contract_flow import flow_of

    return next(d for d in flow_of(window).dialogs if isinstance(d, kind))


def test_version_one_stays_readable_after_an_amendment(qtbot, window):
    ws = window.controller.workspace
    cid, spec = _sign(ws, date(2026, 3, 1), date(2029, 2, 28), D(100), date(2026, 2, 1))
    v2 = dataclasses.replace(spec, terms=dataclasses.replace(spec.terms, rate=D(110)))
    contracts.amend(ws, cid, v2, date(2027, 3, 1))
    detail = _detail(qtbot, window, cid)
    assert detail.version_list.count() == 2
    assert detail.version_list.currentRow() == 1  # the version in force first
    assert "110.00" in detail.version_terms.text()
    changes = detail.version_changes.text()
    assert "Changed from version 1, from 2027-03-01:" in changes and "100.00 → 110.00" in changes

    detail.tabs.setCurrentIndex(1)
    detail.version_list.setCurrentRow(0)
    assert detail.version_list.item(0).text() == "v1 · from 2026-03-01 · signed"
    assert "100.00" in detail.version_terms.text() and "110.00" not in detail.version_terms.text()
    own = detail.version_schedule.lines()
    assert len(own) == 36 and {line.amount for line in own} == {D("12540.00")}
    # The contract's schedule joins them: the rent changes from the amendment's date.
    by_month = {line.starts_on: line.amount for line in detail.schedule.lines()}
    assert by_month[date(2027, 2, 1)] == D("12540.00")
    assert by_month[date(2027, 3, 1)] == D("13794.00")
    assert "version 2" in detail.subtitle.text()


def test_amending_through_the_rehearsal_dialog_writes_version_two(qtbot, window):
    from views.contract_detail import AmendDialog

    cid, _spec = _sign(window.controller.workspace, date(2026, 3, 1), date(2029, 2, 28),
                       D(100), date(2026, 2, 1))
    detail = _detail(qtbot, window, cid)
    qtbot.mouseClick(detail.amend_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(window, AmendDialog)
    dialog.effective.setDate(QDate(2027, 3, 1))
    dialog.rate.setText("110")
    dialog.rehearse()
    qtbot.waitUntil(dialog.apply_button.isEnabled, timeout=20000)
    assert "100.00 → 110.00" in dialog.changes.text()
    after = {line.starts_on: line.amount for line in dialog.after.lines()}
    assert after[date(2027, 3, 1)] == D("13794.00")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.contract.version == 2, timeout=20000)
    assert detail.version_list.count() == 2


def test_an_amendment_adds_a_unit_by_its_code_and_releases_another(qtbot, window):
    from views.amendment_units import KEEP
    from views.contract_detail import AmendDialog

    ws = window.controller.workspace
    cid, _spec = _sign(ws, date(2026, 3, 1), date(2029, 2, 28), D(100), date(2026, 2, 1))
    detail = _detail(qtbot, window, cid)
    qtbot.mouseClick(detail.amend_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(window, AmendDialog)
    dialog.effective.setDate(QDate(2027, 3, 1))
    dialog.units.code.setText("zd-b-0101")  # as typed: case forgiven
    qtbot.mouseClick(dialog.units.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.units.table.rowCount() == 2, timeout=20000)
    assert dialog.units.table.item(1, 0).text() == "ZD-B-0101 (added)"
    qtbot.waitUntil(dialog.apply_button.isEnabled, timeout=20000)
    after = {line.starts_on: line.amount for line in dialog.after.lines()}
    assert after[date(2027, 2, 1)] == D("12540.00")
    assert after[date(2027, 3, 1)] == D("25080.00")  # two units from the amendment

    dialog.units.code.setText("NO-SUCH-UNIT")
    qtbot.mouseClick(dialog.units.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "NO-SUCH-UNIT" in dialog.units.message.text(), timeout=20000)

    # Releasing the contract's first unit instead: only the added one stays.
    dialog.units.table.item(0, KEEP).setCheckState(Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: dialog.apply_button.isEnabled()
                    and len(dialog.values().units) == 1, timeout=20000)
    qtbot.waitUntil(lambda: "ZD-A-0103" in dialog.changes.text(), timeout=20000)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.contract.version == 2, timeout=20000)
    assert [u.unit_code for u in detail.contract.spec.units] == ["ZD-B-0101"]
    with ws.reading() as s:
        v1, v2 = contracts.versions_of(s, cid)
    assert [u.unit_code for u in v1.spec.units] == ["ZD-A-0103"]
    assert [(u.unit_code, u.held_from) for u in v2.spec.units] == [
        ("ZD-B-0101", date(2027, 3, 1))]


def test_renewal_advice_gives_its_reasons_and_renewing_signs_the_follow_on(qtbot, window):
    ws = window.controller.workspace
    # Ends 70 days after TODAY at 80 /m²; the park signed at 95 and 102 within the year.
    cid, _spec = _sign(ws, date(2026, 2, 1), date(2027, 1, 31), D(80), date(2026, 1, 15))
    with ws.transaction() as s:
        s.add(Lead(park_id=contracts.park_id_of(s), code="L-1", company="星河", stage="negotiating",
                   stage_on=TODAY, area_min=D(100), area_max=D(150), unit_type=UnitType.OFFICE))
    detail = _detail(qtbot, window, cid)
    detail.tabs.setCurrentIndex(4)
    assert detail.advice_title.text() == "Renew with an increase, to 88.00 CNY per m² a month"
    reasons = detail.advice_reasons.text()
    assert "No payment record yet" in reasons  # billing keeps none: not called good
    assert "pays well" not in reasons
    assert "The rent 80.00 is 23.1% below the market 98.50" in reasons
    assert "1 open leads want space like this." in reasons
    assert "held to 10%" in reasons

    from views.contract_detail import RenewDialog

    qtbot.mouseClick(detail.renew_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(window, RenewDialog)
    assert D(dialog.rate.text()) == D("88")
    assert dialog.ends.date().toPython() == date(2028, 1, 31)
    assert dialog.code.text()  # the next free code
    code = dialog.code.text()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    with ws.reading() as s:
        qtbot.waitUntil(lambda: s.scalar(select(Contract).where(Contract.code == code))
                        is not None, timeout=20000)
    with ws.reading() as s:
        follow = s.scalar(select(Contract).where(Contract.code == code))
        assert follow.renews_id == cid and follow.starts_on == date(2027, 2, 1)
        assert follow.rent_per_sqm_month == D("88")


def test_documents_are_listed(qtbot, window):
    cid, _spec = _sign(window.controller.workspace, date(2026, 3, 1), date(2029, 2, 28),
                       D(100), date(2026, 2, 1))
    with window.controller.workspace.transaction() as s:
        s.add(ContractDocument(contract_id=cid, name="签约扫描件.pdf", kind="attached",
                               media_type="application/pdf", version=1,
                               added_on=date(2026, 2, 2), content=b"%PDF" + b"x" * 2044))
        s.add(ContractDocument(contract_id=cid, name="HT-DT-1-v1-zh_CN.pdf", kind="generated",
                               version=1, added_on=date(2026, 2, 1), content=b"%PDF"))
    detail = _detail(qtbot, window, cid)
    table = detail.document_table
    rows = [[table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())]
    assert rows == [["HT-DT-1-v1-zh_CN.pdf", "Generated", "v1", "2026-02-01", "4 B"],
                    ["签约扫描件.pdf", "Attached", "v1", "2026-02-02", "2 KB"]]
    assert detail.attach_button.isEnabled() and detail.generate_button.isEnabled()


def test_terminating_from_the_detail_shows_the_settlement_and_the_list_follows(qtbot, window):
    from app.contract_flow import open_contract_list
    from views.contract_detail import TerminateDialog

    ws = window.controller.workspace
    cid, _spec = _sign(ws, date(2026, 3, 1), date(2029, 2, 28), D(100), date(2026, 2, 1))
    detail = _detail(qtbot, window, cid)
    qtbot.mouseClick(detail.terminate_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(window, TerminateDialog)
    dialog.day.setDate(QDate(2027, 6, 30))
    summary = dialog.summary.text()
    assert "The units are vacant from 2027-07-01." in summary
    # what is held, not what was agreed: none of it was received
    assert "Deposit to settle: held 0.00 CNY of 25,080.00 CNY agreed" in summary
    assert "20 schedule lines are no longer due" in summary  # July 2027 to February 2029
    dialog.day.setDate(QDate(2029, 2, 28))
    assert dialog.ok_button.isEnabled()
    dialog.day.setDate(QDate(2027, 6, 30))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.written, timeout=20000)
    assert dialog.summary.text().startswith("Terminated on 2027-06-30.")
    with ws.reading() as s:
        row = s.get(Contract, cid)
        assert row.status is ContractStatus.TERMINATED and row.terminated_on == date(2027, 6, 30)
    qtbot.waitUntil(lambda: detail.contract.status is ContractStatus.TERMINATED, timeout=20000)
    assert not detail.terminate_button.isEnabled()

    contract_list.forget_cached()
    listed = open_contract_list(window)
    qtbot.waitUntil(lambda: not listed.loading and listed.view_row_of("HT-DT-1") is not None,
                    timeout=20000)
    states = {r.code: r.state for r in listed.visible_rows()}
    assert states["HT-DT-1"] is ContractState.ACTIVE  # notice given; it holds till June
    window.date_edit.setDate(date(2027, 8, 1))
    qtbot.waitUntil(lambda: listed.day == date(2027, 8, 1) and not listed.loading,
                    timeout=20000)
    states = {r.code: r.state for r in listed.visible_rows()}
    assert states["HT-DT-1"] is ContractState.TERMINATED


def test_a_cancellation_after_the_start_is_refused_in_the_preview(qtbot, window):
    from views.contract_detail import TerminateDialog

    cid, _spec = _sign(window.controller.workspace, date(2026, 3, 1), date(2029, 2, 28),
                       D(100), date(2026, 2, 1))
    detail = _detail(qtbot, window, cid)
    qtbot.mouseClick(detail.terminate_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(window, TerminateDialog)
    dialog.day.setDate(QDate(2026, 2, 15))  # before the start, which is past on TODAY
    assert not dialog.ok_button.isEnabled()
    assert "the term started on 2026-03-01" in dialog.summary.text()
