"""Payments in a real window on the small park: Billing → Import bank statement… (rehearse,
import, cancel, a missing column mapped and remembered), Payments to match (a proposal with
its reasons confirmed, the payer learnt; a refused allocation said; a refund), and Enter
payment….

The small park's tenant (上海云帆智能科技有限公司) leases ZD-A-0101 (HT-2026-0001, 11,913.00
a month) and, here, ZD-A-0103 (HT-P-1, 12,540.00 a month from March 2026); March and April
are billed before each test (issued 2026-02-25).
"""

from __future__ import annotations

import threading
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from services import billing_run, payments, receivables
from store.schema import Allocation, BankMapping, Outbox, PayerAlias, Payment, Tenant
from tests.small_leases import park_id, sign_lease

D = Decimal
TENANT = "上海云帆智能科技有限公司"
MARCH_0001 = "HT-2026-0001/2026-03-01/rent"
APRIL_0001 = "HT-2026-0001/2026-04-01/rent"
MARCH_P1 = "HT-P-1/2026-03-01/rent"
HEADER = "记账日期,货币,交易金额,联机余额,交易摘要,对手信息,客户摘要"
ROWS = [
    # payer, contract and amount agree: allocated automatically
    ("2026-03-03", "12,540.00", "12,540.00", f"{TENANT} 6222000011112222", "HT-P-1 三月租金"),
    # a payer name like the tenant's, its contract named: proposed
    ("2026-03-04", "11,913.00", "24,453.00", "云帆智能科技（上海）", "HT-2026-0001 租金"),
    # nobody's
    ("2026-03-05", "888.00", "25,341.00", "张三", "押金"),
    # paid out: skipped
    ("2026-03-06", "-100.00", "25,241.00", "某电力公司", "电费"),
]


@pytest.fixture
def billed(window):
    ws = window.controller.workspace
    sign_lease(ws, "ZD-A-0103", "HT-P-1")
    billing_run.post_run(ws, park_id(ws), date(2026, 3, 1), date(2026, 4, 30),
                         date(2026, 2, 25))
    return window


def statement(folder: Path, rows=ROWS, name: str = "cmb.csv", header: str = HEADER) -> Path:
    """A 招商银行-style export (UTF-8) of ``rows``: date, amount, balance, payer, remark."""
    lines = [header] + [f"{day},CNY,\"{amount}\",\"{balance}\",转账汇款,{payer},{remark}"
                        for day, amount, balance, payer, remark in rows]
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _count(ws, model, *where) -> int:
    with ws.reading() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def _written(ws) -> tuple[int, int, int]:
    """Payments, allocations, and the outbox ops about them."""
    return (_count(ws, Payment), _count(ws, Allocation),
            _count(ws, Outbox, Outbox.kind.in_(["post_payment", "allocate_payment"])))


def _open_items(ws) -> dict[str, Decimal]:
    with ws.reading() as s:
        return {i.number: i.amount for i in
                receivables.read_ledger(s, park_id(ws)).open_items()}


def _settled(qtbot, window) -> None:
    """The window's own background work is done, so a write meets no other writer."""
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)


def _import_dialog(qtbot, window):
    from views.bank_import_dialog import BankImportDialog

    window.billing_menu.bank_import_action.trigger()
    dialog = window.findChild(BankImportDialog, "bank-import-dialog")
    assert dialog is not None and dialog.isVisible()
    qtbot.waitExposed(dialog)
    return dialog


def _idle(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: not dialog._busy, timeout=30000)


def _queue(qtbot, window):
    window.billing_menu.queue_action.trigger()
    from app.payments_flow import payments_flow_of

    flow = payments_flow_of(window)
    panel = flow.panel
    assert panel is not None and flow.dock is not None and flow.dock.isVisible()
    qtbot.waitUntil(lambda: panel.snapshot is not None and not panel._loading, timeout=30000)
    return panel


def _waiting(qtbot, panel, count: int) -> None:
    qtbot.waitUntil(lambda: not panel._busy and not panel._loading
                    and len(panel.rows()) == count, timeout=30000)


def hold_at_report(window, number: int) -> tuple[list[tuple[int, int]], threading.Event]:
    """Hold the payments flow's next task at its ``number``-th progress report (inside
    ``job.step``, in the worker thread) until it is cancelled. Returns the reports seen, in
    the worker's order, and an event set once the worker is held there: the test waits for
    it, then acts (and cancels) in the GUI thread."""
    from app.payments_flow import payments_flow_of

    flow = payments_flow_of(window)
    seen: list[tuple[int, int]] = []
    reached = threading.Event()

    def watch(task) -> None:
        flow.taskStarted.disconnect(watch)

        def hold(done: int, total: int, _message: str) -> None:  # in the worker thread
            seen.append((done, total))
            if len(seen) == number:
                reached.set()
                while not task.job.cancelled:
                    time.sleep(0.005)

        task.signals.progress.connect(hold, Qt.ConnectionType.DirectConnection)

    flow.taskStarted.connect(watch)
    return seen, reached


# -- the menu -----------------------------------------------------------------------------


def test_the_billing_menu_has_the_payments_actions_greyed_without_a_workspace(qtbot, settings):
    from app.gui import create_window
    from app.payments_flow import open_bank_import, open_payment_entry, open_payment_queue

    window = create_window(settings, language="en")
    qtbot.addWidget(window)
    menu = window.billing_menu
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    for text in ("Import &bank statement…", "&Payments to match", "&Enter payment…"):
        assert text in texts
    for action in (menu.bank_import_action, menu.queue_action, menu.entry_action):
        assert not action.isEnabled()
        assert action.toolTip() == "Open a workspace first"
    assert open_bank_import(window) is None
    assert open_payment_queue(window) is None
    assert open_payment_entry(window) is None
    window.close()


# -- importing a statement ------------------------------------------------------------------


def test_a_statement_is_rehearsed_then_imported_and_importing_again_adds_nothing(
        qtbot, billed, tmp_path):
    window = billed
    ws = window.controller.workspace
    dialog = _import_dialog(qtbot, window)
    assert not dialog.import_button.isEnabled()
    assert dialog.summary.text() == "Choose a bank statement to begin."
    dialog.choose_file(statement(tmp_path))  # a file chosen is rehearsed at once
    _idle(qtbot, dialog)
    rows = dialog.payments()
    assert [(r.received_on, r.amount, r.payer, r.remarks) for r in rows] == [
        (date(2026, 3, 3), D("12540.00"), TENANT, "转账汇款 / HT-P-1 三月租金"),
        (date(2026, 3, 4), D("11913.00"), "云帆智能科技（上海）", "转账汇款 / HT-2026-0001 租金"),
        (date(2026, 3, 5), D("888.00"), "张三", "转账汇款 / 押金")]
    assert [(r.outcome, r.tenant, r.bills) for r in rows] == [
        ("auto", TENANT, (MARCH_P1,)), ("proposed", TENANT, (MARCH_0001,)),
        ("unmatched", "", ())]
    cells = [dialog.payment_proxy.index(0, c).data() for c in range(8)]
    assert cells == ["2026-03-03", "12,540.00", TENANT, "转账汇款 / HT-P-1 三月租金",
                     "allocated automatically", TENANT, "100", MARCH_P1]
    assert dialog.skips() == ["row 5: paid out 100.00, not a receipt"]
    assert dialog.tabs.tabText(0) == "New payments (3)"
    assert dialog.tabs.tabText(1) == "Skipped rows (1)"
    assert dialog.summary.text() == (
        "New payments: 3, CNY 25,341.00 in all. Already imported: 0. Rows skipped: 1. "
        "Nothing is written until you import.")
    assert dialog.matching.text() == (
        "Matching would leave: allocated automatically: 1 (CNY 12,540.00); to confirm in "
        "Payments to match: 1 (CNY 11,913.00); unmatched: 1 (CNY 888.00)")
    # the chosen payment says why, in words
    dialog.payment_table.setCurrentIndex(dialog.payment_proxy.index(1, 0))
    said = dialog.reasons.text()
    assert "the payer 云帆智能科技（上海） is like 上海云帆智能科技有限公司" in said
    assert "the remarks name contract HT-2026-0001" in said
    assert "+30  the remarks name contract HT-2026-0001" in said
    assert _written(ws) == (0, 0, 0)  # a rehearsal writes nothing
    assert dialog.import_button.isEnabled()
    dialog.set_account("6222-9")  # Import is for what was rehearsed
    assert not dialog.import_button.isEnabled()
    assert dialog.summary.text().endswith(
        "The account or the columns changed: rehearse again to import.")
    dialog.set_account("")
    assert dialog.import_button.isEnabled()

    _settled(qtbot, window)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, dialog)
    assert dialog.report.written
    assert dialog.summary.text().startswith("Payments imported: 3, CNY 25,341.00 in all.")
    assert dialog.matching.text().startswith("Matching: allocated automatically: 1")
    assert not dialog.import_button.isEnabled()
    assert _written(ws) == (3, 1, 4)  # three post_payment, one allocate_payment
    assert MARCH_P1 not in _open_items(ws)
    assert "Bank statement imported. New payments: 3; allocated automatically: 1." in (
        window.statusBar().currentMessage())

    dialog.request_rehearsal()  # the same file again: nothing new
    _idle(qtbot, dialog)
    assert dialog.payments() == [] and dialog.report.existing == 3
    assert dialog.summary.text() == (
        "Every receipt of this file is imported already (3): nothing new. Rows skipped: 1.")
    assert not dialog.import_button.isEnabled()
    assert _written(ws) == (3, 1, 4)


def test_cancelling_an_import_writes_nothing(qtbot, billed, tmp_path):
    window = billed
    ws = window.controller.workspace
    dialog = _import_dialog(qtbot, window)
    dialog.choose_file(statement(tmp_path))
    _idle(qtbot, dialog)
    _settled(qtbot, window)
    # The second report is inside the transaction, matched, the rows about to be written;
    # the cancel is heard at the step after the writing, which rolls it all back.
    seen, reached = hold_at_report(window, 2)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reached.is_set, timeout=30000)
    assert dialog.progress_box.isVisible() and dialog.cancel_button.isEnabled()
    assert not dialog.import_button.isEnabled() and not dialog.rehearse_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, dialog)
    assert seen == [(1, 4), (2, 4)]  # the step after the writing raised: no third report
    assert dialog.summary.text() == "Import cancelled: nothing was written."
    assert _written(ws) == (0, 0, 0)
    assert dialog.import_button.isEnabled()  # the rehearsal still holds: import it after all
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, dialog)
    assert _written(ws) == (3, 1, 4)


def test_cancelling_a_rehearsal_shows_nothing(qtbot, billed, tmp_path):
    window = billed
    dialog = _import_dialog(qtbot, window)
    dialog.choose_file(statement(tmp_path), rehearse=False)
    _seen, reached = hold_at_report(window, 1)
    qtbot.mouseClick(dialog.rehearse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reached.is_set, timeout=30000)
    assert dialog.working.text() == "Reading and matching the statement…"
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, dialog)
    assert dialog.summary.text() == "Rehearsal cancelled."
    assert dialog.report is None and dialog.payments() == []
    assert not dialog.import_button.isEnabled()
    assert not dialog.progress_box.isVisible()


def test_a_missing_column_is_named_mapped_and_remembered_for_the_account(
        qtbot, billed, tmp_path):
    window = billed
    ws = window.controller.workspace
    header = "交易日期,收入金额,客户,附言"
    first = tmp_path / "march.csv"
    first.write_text(f"{header}\n2026-03-04,\"11,913.00\",{TENANT},HT-2026-0001 三月\n",
                     encoding="utf-8")
    dialog = _import_dialog(qtbot, window)
    dialog.set_account("6222 0000 1111")
    dialog.choose_file(first)
    _idle(qtbot, dialog)
    assert dialog.summary.text() == (
        "march.csv: no column for Payer (columns: 交易日期, 收入金额, 客户, 附言); name them "
        "in the column mapping")
    assert dialog.report is None and not dialog.import_button.isEnabled()
    assert not dialog.columns_box.isHidden()  # the mapping is offered …
    assert dialog.missing() == ["payer"]
    assert dialog.combos["booked_on"].currentData() == "交易日期"  # … on the guessed columns
    assert dialog.combos["credit"].currentData() == "收入金额"
    assert not dialog.rehearse_button.isEnabled()
    assert _written(ws) == (0, 0, 0)

    dialog.choose_column("payer", "客户")
    assert dialog.mapping() == {"payer": "客户"}
    qtbot.mouseClick(dialog.rehearse_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, dialog)
    assert [(r.payer, r.outcome) for r in dialog.payments()] == [(TENANT, "auto")]
    _settled(qtbot, window)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, dialog)
    assert dialog.report.written and _count(ws, Payment) == 1
    with ws.reading() as s:
        stored = s.scalar(select(BankMapping).where(BankMapping.account == "6222 0000 1111"))
        assert stored is not None and stored.mapping == {"payer": "客户"}

    # The account's next file needs no mapping: the remembered one is used.
    april = tmp_path / "april.csv"
    april.write_text(f"{header}\n2026-04-02,\"11,913.00\",{TENANT},HT-2026-0001 四月\n",
                     encoding="utf-8")
    dialog.choose_file(april)
    assert dialog.columns_box.isHidden()
    _idle(qtbot, dialog)
    assert [(r.payer, r.outcome) for r in dialog.payments()] == [(TENANT, "auto")]
    assert dialog.account_box.findText("6222 0000 1111") >= 0  # offered to pick next time
    # … and Columns… shows it, the chosen column kept
    qtbot.mouseClick(dialog.columns_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, dialog)
    assert not dialog.columns_box.isHidden()
    assert dialog.combos["payer"].currentData() == "客户"
    assert dialog.mapping() == {"payer": "客户"}


def test_a_file_that_is_not_a_statement_is_said(qtbot, billed, tmp_path):
    dialog = _import_dialog(qtbot, billed)
    bad = tmp_path / "plan.dxf"
    bad.write_text("0\nSECTION\n", encoding="utf-8")
    dialog.choose_file(bad)
    _idle(qtbot, dialog)
    assert dialog.summary.text() == "plan.dxf is not a CSV or Excel (.xls, .xlsx) file"
    assert "b3261e" in dialog.summary.styleSheet()
    assert dialog.columns_box.isHidden()


# -- the queue ----------------------------------------------------------------------------


def _imported(window, tmp_path, rows=ROWS) -> None:
    ws = window.controller.workspace
    payments.import_bank_statement(ws, park_id(ws), statement(tmp_path, rows))


def test_the_queue_shows_a_proposal_with_its_reasons_and_confirming_learns_the_payer(
        qtbot, billed, tmp_path):
    window = billed
    ws = window.controller.workspace
    _imported(window, tmp_path)
    panel = _queue(qtbot, window)
    rows = panel.rows()
    assert [(r.received_on, r.payer, r.amount, r.unallocated, r.outcome, r.tenant)
            for r in rows] == [
        (date(2026, 3, 4), "云帆智能科技（上海）", D("11913.00"), D("11913.00"), "proposed",
         TENANT),
        (date(2026, 3, 5), "张三", D("888.00"), D("888.00"), "unmatched", "")]
    cells = [panel.queue_proxy.index(0, c).data() for c in range(7)]
    assert cells[:6] == ["2026-03-04", "云帆智能科技（上海）", "11,913.00", "11,913.00",
                         "to confirm", TENANT]
    assert panel.summary.text() == "Payments to match: 2, CNY 12,801.00 not allocated."

    panel.select_payment(rows[0].payment_id)
    assert "2026-03-04: CNY 11,913.00 from 云帆智能科技（上海）" in panel.payment_label.text()
    assert panel.why_label.text().startswith(
        "Not allocated automatically: the payer is neither the tenant's name nor a name "
        "confirmed for it")
    assert panel.candidate_table.item(0, 0).text() == TENANT
    reasons = panel.reasons_label.text()
    assert "· +34  the payer 云帆智能科技（上海） is like 上海云帆智能科技有限公司 (86% of their " \
           "character pairs in common)" in reasons
    assert "· +30  the remarks name contract HT-2026-0001" in reasons
    assert "· +20  the amount pays the bill exactly" in reasons
    assert panel.part_numbers() == [MARCH_0001]
    assert panel.parts() == [(panel.part_items[0].bill_id, D("11913.00"))]
    assert panel.tenant_box.currentText() == TENANT
    assert not panel.alias_check.isHidden() and panel.alias_check.isChecked()
    assert panel.alias_check.text() == f"Remember “云帆智能科技（上海）” as a name of {TENANT}"
    assert panel.totals_label.text() == (
        "Allocating CNY 11,913.00 of the CNY 11,913.00 the payment holds.")

    _settled(qtbot, window)
    qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
    _waiting(qtbot, panel, 1)
    assert panel.status.text() == ("Allocated CNY 11,913.00 (bills: 1). The payer's name is "
                                   "remembered for the tenant.")
    assert MARCH_0001 not in _open_items(ws)
    with ws.reading() as s:
        assert s.scalar(select(PayerAlias.name)) == "云帆智能科技（上海）"
    assert [r.payer for r in panel.rows()] == ["张三"]

    # The same payer next month is known now: with its contract and amount, automatic.
    later = statement(tmp_path, [("2026-04-02", "11,913.00", "25,341.00",
                                  "云帆智能科技（上海）", "HT-2026-0001 四月")], "april.csv")
    report = payments.import_bank_statement(ws, park_id(ws), later)
    assert [m.outcome.value for m in report.matches] == ["auto"]


def test_an_allocation_edited_by_hand_and_a_refused_one_is_said(qtbot, billed, tmp_path):
    window = billed
    ws = window.controller.workspace
    _imported(window, tmp_path, [("2026-03-05", "12,000.00", "12,000.00", "张三", "房租")])
    panel = _queue(qtbot, window)
    [row] = panel.rows()
    assert row.outcome == "unmatched"
    panel.select_payment(row.payment_id)
    assert panel.candidate_table.rowCount() == 0
    assert panel.why_label.text() == (
        "Not allocated automatically: the payer 张三 is no tenant's name; the remarks name no "
        "bill and no contract; no open bill is of 12,000.00")
    assert not panel.confirm_button.isEnabled()  # no tenant chosen
    with ws.reading() as s:
        tenant = s.scalar(select(Tenant.id))
    panel.choose_tenant(tenant)
    # not proposed: the tenant's oldest bills first (both March bills are due on the 1st)
    assert panel.part_numbers()[0] in (MARCH_0001, MARCH_P1)
    assert sum((a for _b, a in panel.parts()), D(0)) == D("12000.00")
    assert panel.totals_label.text() == (
        "Allocating CNY 12,000.00 of the CNY 12,000.00 the payment holds.")
    assert not panel.alias_check.isHidden() and panel.alias_check.isChecked()
    panel.alias_check.setChecked(False)  # 张三 pays for them once: not a name of theirs

    # bills taken away and others added: each takes what is left, up to what it is owed
    for number in panel.part_numbers():
        panel.remove_bill(number)
    assert panel.parts() == [] and not panel.confirm_button.isEnabled()
    panel.add_bill(MARCH_0001)
    panel.add_bill(APRIL_0001)
    assert panel.part_numbers() == [MARCH_0001, APRIL_0001]
    assert [a for _b, a in panel.parts()] == [D("11913.00"), D("87.00")]
    # more typed than the bill is owed
    panel.set_part_amount(MARCH_0001, "11,913.01")
    panel.set_part_amount(APRIL_0001, "86.99")
    assert f"{MARCH_0001} is owed 11,913.00, not 11,913.01." in panel.totals_label.text()
    _settled(qtbot, window)
    allocations = _count(ws, Allocation)
    qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel._busy, timeout=30000)
    assert panel.status.text() == (
        f"The allocation is refused: bill {MARCH_0001} asks 11,913.00: 11,913.01 allocated "
        "to it in all would pay 0.01 too much")
    assert "b3261e" in panel.status.styleSheet()
    assert _count(ws, Allocation) == allocations

    # more than the payment holds
    panel.set_part_amount(MARCH_0001, "11,913.00")
    panel.set_part_amount(APRIL_0001, "88.00")
    assert "That is CNY 1.00 more than it holds." in panel.totals_label.text()
    qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel._busy, timeout=30000)
    assert panel.status.text() == (
        "The allocation is refused: the payment has 87.00 left: a part of 88.00 is more than "
        "it holds")
    assert _count(ws, Allocation) == allocations

    panel.set_part_amount(APRIL_0001, "87")
    qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
    _waiting(qtbot, panel, 0)
    assert panel.summary.text() == "Every payment is allocated: nothing to match."
    items = _open_items(ws)
    assert MARCH_0001 not in items and items[APRIL_0001] == D("11826.00")
    with ws.reading() as s:
        assert s.scalar(select(func.count()).select_from(PayerAlias)) == 0


def test_the_remainder_of_an_overpayment_is_refunded(qtbot, billed, tmp_path):
    window = billed
    ws = window.controller.workspace
    _imported(window, tmp_path, [("2026-03-04", "12,000.00", "12,000.00", TENANT,
                                  "HT-2026-0001 三月")])
    panel = _queue(qtbot, window)
    [row] = panel.rows()
    panel.select_payment(row.payment_id)
    # the contract named: its oldest bill whole, 87.00 on the next
    assert panel.part_numbers() == [MARCH_0001, APRIL_0001]
    assert (f"· +10  pays one bill whole and {APRIL_0001} in part (11,826.00 left on it)"
            in panel.reasons_label.text())
    assert panel.remainder() == D("0.00") and not panel.refund_button.isEnabled()
    panel.remove_bill(APRIL_0001)  # the clerk knows better: 87.00 too much, to give back
    assert panel.remainder() == D("87.00")
    assert panel.refund_button.text() == "Refund CNY 87.00…"
    _settled(qtbot, window)
    box = panel.request_refund()
    assert box is not None and box.isVisible()
    assert box.text() == (f"Allocate CNY 11,913.00 as shown (bills: 1), then refund the "
                          f"remaining CNY 87.00 to {TENANT}? A refund is a ledger entry: it "
                          f"is not undone.")
    box.button(QMessageBox.StandardButton.Yes).click()
    _waiting(qtbot, panel, 0)
    assert panel.status.text() == "Refunded CNY 87.00."
    with ws.reading() as s:
        kinds = sorted((a.kind, a.amount) for a in s.scalars(select(Allocation)))
        held = receivables.unallocated_by_payment(receivables.read_ledger(s, park_id(ws)))
    assert kinds == [("allocate", D("11913.00")), ("refund", D("87.00"))]
    assert set(held.values()) == {D("0.00")}


# -- entering a payment ---------------------------------------------------------------------


def _entered(qtbot, window) -> None:
    """The entry dialog closed (and deleted itself) once the payment was entered."""
    from app.payments_flow import payments_flow_of

    qtbot.waitUntil(lambda: payments_flow_of(window).entry is None, timeout=30000)


def test_a_payment_entered_for_the_tenant_pays_its_oldest_bills(qtbot, billed):
    from views.payment_entry import PaymentEntryDialog

    window = billed
    ws = window.controller.workspace
    panel = _queue(qtbot, window)
    assert panel.rows() == []
    window.billing_menu.entry_action.trigger()
    dialog = window.findChild(PaymentEntryDialog, "payment-entry-dialog")
    assert dialog is not None and dialog.isVisible()
    assert not dialog.enter_button.isEnabled()
    dialog.amount_edit.setText("12,3x")
    assert dialog.status.text() == "The amount cannot be read: type it as 1234.56."
    assert not dialog.enter_button.isEnabled()
    dialog.amount_edit.setText("30,000.00")
    dialog.set_date(date(2026, 3, 5))
    with ws.reading() as s:
        tenant = s.scalar(select(Tenant.id))
    dialog.choose_tenant(tenant)
    assert dialog.payer_edit.text() == TENANT  # the tenant pays, unless said otherwise
    dialog.remarks_edit.setText("现金")
    _settled(qtbot, window)
    qtbot.mouseClick(dialog.enter_button, Qt.MouseButton.LeftButton)
    _entered(qtbot, window)
    assert "Payment entered: CNY 30,000.00 from 上海云帆智能科技有限公司" in (
        window.statusBar().currentMessage())
    with ws.reading() as s:
        entered = s.scalar(select(Payment))
        assert (entered.received_on, entered.amount, entered.payer, entered.remarks,
                entered.source) == (date(2026, 3, 5), D("30000.00"), TENANT, "现金", "manual")
    items = _open_items(ws)
    assert MARCH_0001 not in items and MARCH_P1 not in items  # the oldest, whole
    assert sum(items.values(), D(0)) == D("24453.00") - D("5547.00")
    _waiting(qtbot, panel, 0)  # nothing left over: nothing waits


def test_a_payment_entered_without_a_tenant_waits_in_the_queue(qtbot, billed):
    from app.payments_flow import open_payment_entry

    window = billed
    panel = _queue(qtbot, window)
    dialog = open_payment_entry(window)
    dialog.amount_edit.setText("500")
    dialog.payer_edit.setText("李四")
    _settled(qtbot, window)
    dialog.request_enter()
    _entered(qtbot, window)
    _waiting(qtbot, panel, 1)
    assert [(r.payer, r.amount, r.outcome) for r in panel.rows()] == [
        ("李四", D("500.00"), "unmatched")]


def test_closing_the_workspace_closes_the_dialog_and_empties_the_queue(
        qtbot, billed, tmp_path):
    window = billed
    _imported(window, tmp_path)
    panel = _queue(qtbot, window)
    dialog = _import_dialog(qtbot, window)
    _settled(qtbot, window)
    window.controller.close()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert panel.rows() == [] and panel.snapshot is None
    assert not window.billing_menu.queue_action.isEnabled()
