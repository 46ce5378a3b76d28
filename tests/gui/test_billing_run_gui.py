"""The billing run in a real window on the small park: Billing → Billing run…, rehearse a
month, read its bills, post them; cancel a rehearsal and a post; adjustments and
provisional bills say what they are.

The small park has a legacy lease (HT-2026-0001: 125.40 m² at 95.00, 11,913.00 a month
from 2026-01-01); the tests sign ZD-A-0103 to the park's tenant as HT-B-1 (125.40 m² at
100.00: 12,540.00 a month from 2026-03-01) unless they say otherwise.
"""

from __future__ import annotations

import dataclasses
import time
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from sqlalchemy import func, or_, select

from domain.billing.bills import bill_id
from services import contracts
from store.schema import Bill, BillingRun, BillLine, Outbox
from tests.small_leases import lease_spec, park_id

D = Decimal
MARCH = date(2026, 3, 1)
ISSUED = date(2026, 2, 25)
TENANT = "上海云帆智能科技有限公司"


def _sign(workspace, **terms):
    spec = lease_spec(workspace, "ZD-A-0103", "HT-B-1", date(2026, 3, 1), date(2027, 2, 28),
                      **terms)
    return contracts.create_signed(workspace, park_id(workspace), spec), spec


def _open(qtbot, window):
    """The dialog, opened as a person opens it: Billing → Billing run…."""
    from views.billing_run_dialog import BillingRunDialog

    window.billing_menu.run_action.trigger()
    dialog = window.findChild(BillingRunDialog, "billing-run-dialog")
    assert dialog is not None and dialog.isVisible()
    qtbot.waitExposed(dialog)
    return dialog


def _rehearse(qtbot, dialog, first: date = MARCH, issued: date = ISSUED,
              last: date | None = None):
    if last is None:
        dialog.set_month(first)
    else:
        dialog.set_range(first, last)
    dialog.set_issued_on(issued)
    qtbot.mouseClick(dialog.rehearse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog._busy, timeout=30000)


def _settled(qtbot, window) -> None:
    """The window's own background work (due alerts raised on opening) is done: a post the
    tests hold inside its transaction would keep that writer waiting on the file's lock."""
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)


def _post(qtbot, dialog):
    _settled(qtbot, dialog.parent())
    assert dialog.post_button.isEnabled()
    qtbot.mouseClick(dialog.post_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog._busy, timeout=30000)


def _count(workspace, model, *where) -> int:
    with workspace.reading() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def _written(workspace) -> tuple[int, int, int, int]:
    """Bills, lines, runs and outbox ops about any of them (post_bill commands) in the file."""
    return (_count(workspace, Bill), _count(workspace, BillLine),
            _count(workspace, BillingRun),
            _count(workspace, Outbox, or_(Outbox.kind == "post_bill", Outbox.entity.in_(
                ["bills", "bill_lines", "billing_runs"]))))


def _by_number(dialog):
    return {b.number: b for b in dialog.bills()}


def _cells(dialog, number: str) -> list[str]:
    """The texts of a bill's row, as the table shows them."""
    proxy = dialog.bill_proxy
    for position in range(proxy.rowCount()):
        cells = [proxy.index(position, c).data() for c in range(proxy.columnCount())]
        if cells[0] == number:
            return cells
    raise LookupError(number)


def hold_at_report(window, number: int, act) -> list[tuple[int, int]]:
    """At the billing flow's next task's ``number``-th progress report, hold the worker there
    (inside ``job.step``) until it is cancelled, and call ``act(task)`` in the GUI thread
    meanwhile; ``act`` must cancel. Returns the reports seen, in the worker's order. (The
    flow's own ``taskStarted``: the window's other tasks, such as a read after an outside
    change, are not the run.)"""
    from app.billing_flow import billing_flow_of

    flow = billing_flow_of(window)
    seen: list[tuple[int, int]] = []

    def watch(task) -> None:
        flow.taskStarted.disconnect(watch)
        heard: list[bool] = []

        def in_gui(*_report) -> None:  # counts its own: the worker may not have appended yet
            heard.append(True)
            if len(heard) == number:
                act(task)

        def hold(done: int, total: int, _message: str) -> None:  # in the worker thread
            seen.append((done, total))
            if len(seen) == number:
                while not task.job.cancelled:
                    time.sleep(0.005)

        task.signals.progress.connect(in_gui, Qt.ConnectionType.QueuedConnection)
        task.signals.progress.connect(hold, Qt.ConnectionType.DirectConnection)

    flow.taskStarted.connect(watch)
    return seen


# -- the menu -----------------------------------------------------------------------------


def test_the_billing_menu_follows_leasing_and_is_greyed_without_a_workspace(qtbot, settings):
    from app.billing_flow import open_billing_run
    from app.gui import create_window

    window = create_window(settings, language="en")
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Billing") == titles.index("&Leasing") + 1
    assert window.billing_menu.actions()[0] is window.billing_menu.run_action
    assert window.billing_menu.run_action.text() == "Billing &run…"
    assert not window.billing_menu.run_action.isEnabled()
    assert window.billing_menu.run_action.toolTip() == "Open a workspace first"
    assert open_billing_run(window) is None
    window.close()


def test_the_dialog_opens_on_next_month_issued_today(qtbot, window, monkeypatch):
    import app.billing_flow as flow

    assert window.billing_menu.run_action.isEnabled()
    monkeypatch.setattr(flow, "today", lambda: date(2026, 12, 7))
    dialog = _open(qtbot, window)
    assert dialog.period() == (date(2027, 1, 1), date(2027, 1, 31))
    assert dialog.issued_on() == date(2026, 12, 7)
    assert not dialog.post_button.isEnabled()  # nothing rehearsed yet
    assert not dialog.progress_box.isVisible()
    assert dialog.summary.text() == "Rehearse the run to see the bills it would post."
    window.billing_menu.run_action.trigger()  # again: the same dialog, brought forward
    assert len([d for d in window.findChildren(type(dialog)) if d.isVisible()]) == 1


# -- rehearse, post, again ----------------------------------------------------------------


def test_rehearse_a_month_post_it_and_posting_again_posts_nothing(qtbot, window):
    ws = window.controller.workspace
    cid, _spec = _sign(ws)
    dialog = _open(qtbot, window)
    _rehearse(qtbot, dialog)
    bills = _by_number(dialog)
    assert sorted(bills) == ["HT-2026-0001/2026-03-01/rent", "HT-B-1/2026-03-01/rent"]
    assert _cells(dialog, "HT-B-1/2026-03-01/rent") == [
        "HT-B-1/2026-03-01/rent", TENANT, "Rent", "2026-03-01 – 2026-03-31", "2026-03-01",
        "12,540.00", "", "Bill"]
    amount_column = 5
    index = dialog.bill_proxy.index(0, amount_column)
    assert index.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert dialog.summary.text() == (
        "2 bills to post for 2026-03-01 – 2026-03-31, issued 2026-02-25: CNY 24,453.00 in "
        "all. Already posted: 0. Skipped: 0. Nothing is written until you post.")
    assert dialog.post_button.isEnabled()
    assert _written(ws) == (0, 0, 0, 0)  # a rehearsal writes nothing

    # Post is for the period and date rehearsed: another date needs another rehearsal.
    dialog.set_issued_on(date(2026, 2, 26))
    assert not dialog.post_button.isEnabled()
    assert "rehearse again to post" in dialog.summary.text()
    dialog.set_issued_on(ISSUED)
    assert dialog.post_button.isEnabled()

    _post(qtbot, dialog)
    assert dialog.posted and dialog.run_id is not None
    assert dialog.summary.text() == (
        "Posted 2 bills for 2026-03-01 – 2026-03-31, issued 2026-02-25: CNY 24,453.00 in all. "
        "Already posted before: 0. Skipped: 0. Posting 2026-03-01 – 2026-03-31 again posts "
        "nothing new.")
    assert not dialog.post_button.isEnabled()
    assert _written(ws) == (2, 2, 1, 3)  # a post_bill per bill, the run's row
    with ws.reading() as s:
        bill = s.get(Bill, bill_id(str(cid), MARCH, "rent"))
        assert (bill.amount, bill.issued_on, bill.number) == (
            D("12540.00"), ISSUED, "HT-B-1/2026-03-01/rent")
    assert "Billing run posted: 2 bills, CNY 24,453.00" in window.statusBar().currentMessage()

    # Again: both are found posted, nothing new is offered, and a post writes nothing.
    _rehearse(qtbot, dialog)
    assert dialog.bills() == [] and dialog.plan.existing == 2
    assert dialog.summary.text() == (
        "2026-03-01 – 2026-03-31 is already billed: 2 bills posted before, nothing new to "
        "post. Skipped: 0.")
    assert not dialog.post_button.isEnabled()
    _settled(qtbot, window)
    dialog.postRequested.emit(MARCH, date(2026, 3, 31), ISSUED)  # as another Post would
    qtbot.waitUntil(lambda: not dialog._busy and dialog.posted, timeout=30000)
    assert dialog.run_id is None and dialog.plan.existing == 2
    assert "already billed" in dialog.summary.text()
    assert _written(ws) == (2, 2, 1, 3)  # a post_bill per bill, the run's row


def test_a_chosen_bill_explains_itself(qtbot, window):
    _sign(window.controller.workspace)
    dialog = _open(qtbot, window)
    _rehearse(qtbot, dialog)
    dialog.select_bill("HT-B-1/2026-03-01/rent")
    assert dialog.selected_bill().number == "HT-B-1/2026-03-01/rent"
    text = dialog.explanation.toPlainText()
    assert "HT-B-1/2026-03-01/rent" in text and TENANT in text
    assert "2026-03-01 – 2026-03-31: 12,540.00" in text
    assert "125.40 m² at base 100.00 per m² a month" in text  # the schedule's reason
    assert "correction" not in text


def test_a_range_of_days_and_its_skips(qtbot, window):
    from tests.small_leases import example_a

    _sign(window.controller.workspace, **example_a())  # March to May rent-free (fit-out)
    dialog = _open(qtbot, window)
    _rehearse(qtbot, dialog, MARCH, ISSUED, last=date(2026, 3, 15))
    assert dialog.period() == (MARCH, date(2026, 3, 15))
    assert [b.number for b in dialog.bills()] == ["HT-2026-0001/2026-03-01/rent"]
    assert dialog.skips() == ["HT-B-1: Rent from 2026-03-01 is rent-free (0.00), not billed"]
    assert dialog.tabs.tabText(1) == "Skipped (1)"
    assert dialog.summary.text().startswith("1 bill to post for 2026-03-01 – 2026-03-15")
    assert "Skipped: 1." in dialog.summary.text()


def test_a_provisional_bill_is_marked_and_says_a_correction_follows(qtbot, window):
    from domain.leasing.clauses import Turnover

    _sign(window.controller.workspace, turnover=Turnover(rate=D("0.08")))
    dialog = _open(qtbot, window)
    _rehearse(qtbot, dialog)
    cells = _cells(dialog, "HT-B-1/2026-03-01/rent")
    assert cells[6] == "provisional"
    proxy = dialog.bill_proxy
    row = next(r for r in range(proxy.rowCount())
               if proxy.index(r, 0).data() == "HT-B-1/2026-03-01/rent")
    tip = proxy.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "sales of 2026-03 are not reported yet: the base rent is billed" in tip
    assert "a later run posts the correction" in tip
    assert _cells(dialog, "HT-2026-0001/2026-03-01/rent")[6] == ""
    dialog.select_bill("HT-B-1/2026-03-01/rent")
    assert "a later run posts the correction" in dialog.explanation.toPlainText()


def test_an_adjustment_after_an_amendment_says_before_and_after(qtbot, window):
    ws = window.controller.workspace
    cid, spec = _sign(ws)
    dialog = _open(qtbot, window)
    _rehearse(qtbot, dialog, MARCH, ISSUED, last=date(2026, 4, 30))
    _post(qtbot, dialog)
    raised = dataclasses.replace(spec, terms=dataclasses.replace(spec.terms, rate=D(110)))
    contracts.amend(ws, cid, raised, date(2026, 4, 15))

    _rehearse(qtbot, dialog, date(2026, 5, 1), date(2026, 4, 25))
    number = "HT-B-1/2026-04-01/rent/A1"
    cells = _cells(dialog, number)
    assert cells[5] == "-6,688.00"  # 14 of 30 days of April kept at 12,540.00
    assert cells[7] == "Adjustment: 12,540.00 → 5,852.00"
    assert _by_number(dialog)[number].kind == "adjustment"
    assert _cells(dialog, "HT-B-1/2026-04-15/rent")[5] == "7,356.80"  # its new part
    assert "Adjustments among them: 1." in dialog.summary.text()
    dialog.select_bill(number)
    text = dialog.explanation.toPlainText()
    assert ("Adjusts HT-B-1/2026-04-01/rent: billed 12,540.00 before, 5,852.00 due now, a "
            "difference of -6,688.00.") in text
    _post(qtbot, dialog)
    with ws.reading() as s:
        adjustment = s.scalar(select(Bill).where(Bill.number == number))
        assert adjustment.amount == D("-6688.00")
        assert adjustment.corrects_id == bill_id(str(cid), date(2026, 4, 1), "rent")


# -- cancel and refusal --------------------------------------------------------------------


def test_cancelling_a_rehearsal_shows_nothing_and_writes_nothing(qtbot, window):
    ws = window.controller.workspace
    _sign(ws)
    dialog = _open(qtbot, window)
    dialog.set_month(MARCH)
    dialog.set_issued_on(ISSUED)
    looked: list[tuple[bool, bool, bool]] = []

    def press_cancel(_task) -> None:
        looked.append((dialog.progress_box.isVisible(), dialog.cancel_button.isEnabled(),
                       dialog.rehearse_button.isEnabled()))
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    hold_at_report(window, 1, press_cancel)
    qtbot.mouseClick(dialog.rehearse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog._busy, timeout=30000)
    assert looked == [(True, True, False)]  # the bar and Cancel showed while it worked
    assert dialog.summary.text() == "Rehearsal cancelled."
    assert dialog.plan is None and dialog.bills() == []
    assert not dialog.post_button.isEnabled() and not dialog.progress_box.isVisible()
    assert _written(ws) == (0, 0, 0, 0)


def test_cancelling_a_post_writes_nothing(qtbot, window):
    ws = window.controller.workspace
    _sign(ws)
    dialog = _open(qtbot, window)
    _rehearse(qtbot, dialog)
    planned = len(dialog.bills())
    _settled(qtbot, window)

    def press_cancel(_task) -> None:
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    # The second report is the write's first step: the plan is made, the run's row is in
    # the transaction and the bills go in next; the cancel is heard at the step after them.
    seen = hold_at_report(window, 2, press_cancel)
    qtbot.mouseClick(dialog.post_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog._busy, timeout=30000)
    assert seen[1] == (0, planned)  # held where the bills were about to be written
    assert len(seen) == 2  # the step after the writing raised Cancelled: no report
    assert dialog.summary.text() == "Posting cancelled: nothing was written."
    assert _written(ws) == (0, 0, 0, 0)
    assert dialog.post_button.isEnabled()  # the rehearsal still holds: post it after all
    _post(qtbot, dialog)
    assert _written(ws) == (planned, planned, 1, planned + 1)


def test_closing_the_dialog_during_a_post_cancels_it(qtbot, window):
    ws = window.controller.workspace
    _sign(ws)
    dialog = _open(qtbot, window)
    _rehearse(qtbot, dialog)
    _settled(qtbot, window)
    tasks = []

    def close(task) -> None:
        tasks.append(task)
        dialog.close()

    seen = hold_at_report(window, 2, close)
    qtbot.mouseClick(dialog.post_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(tasks) and tasks[0].done.is_set(), timeout=30000)
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)
    assert tasks[0].job.cancelled and len(seen) == 2  # stopped at the step after writing
    assert _written(ws) == (0, 0, 0, 0)
    assert "Billing run" not in window.statusBar().currentMessage()  # not posted, not failed


def test_a_refused_run_is_said_in_the_readers_words(qtbot, window):
    dialog = _open(qtbot, window)
    _rehearse(qtbot, dialog, date(2026, 3, 31), ISSUED, last=MARCH)
    assert dialog.summary.text() == (
        "A billing run from 2026-03-31 to 2026-03-01 ends before it starts")
    assert "b3261e" in dialog.summary.styleSheet()
    assert dialog.plan is None and not dialog.post_button.isEnabled()
    assert dialog.rehearse_button.isEnabled()  # the clerk corrects the range and goes on


def test_closing_the_workspace_closes_the_dialog(qtbot, window):
    dialog = _open(qtbot, window)
    window.controller.close()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not window.billing_menu.run_action.isEnabled()


def test_skips_a_clerk_must_act_on_come_first_and_sentences_join_per_script():
    from domain.billing.bills import Skip
    from views.billing_run_dialog import sentences, skips_in_order

    skips = [Skip("HT-1", "nothing-due"), Skip("HT-2", "rent-free"), Skip("HT-3", "draft"),
             Skip("HT-4", "nothing-due"), Skip("HT-5", "schedule-problem")]
    assert [s.contract_code for s in skips_in_order(skips)] == [
        "HT-5", "HT-3", "HT-2", "HT-1", "HT-4"]
    assert sentences("Posted 2 bills.", "", "Skipped: 0.") == "Posted 2 bills. Skipped: 0."
    assert sentences("已过账 2 张账单。", "跳过：0 项。") == "已过账 2 张账单。跳过：0 项。"
