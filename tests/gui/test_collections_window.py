"""Billing ▸ Collections in a real window on the small park: the tenant by tier with each
point off in words, its actions raised on opening, a task marked done, a flag that cannot
be, a reminder letter made and kept, signals saved (and refused) moving the tenant to a
worse tier.

The small park's tenant (上海云帆智能科技有限公司) leases ZD-A-0101 (HT-2026-0001,
11,913.00 a month); January to March 2026 are billed (issued 2025-12-25) and unpaid, so
on the window's day, 2026-04-22 (a Wednesday), January's bill is 111 days overdue:
111 // 3 = 37 points off, a score of 63, medium risk (from 123 days, or 41 points, it
would be high; a court case's 15 points make it high now).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from services import billing_run
from services.contract_document import documents_of
from store.schema import Contract
from store.workspace import Workspace
from tests.small_leases import park_id

DAY = date(2026, 4, 22)


@pytest.fixture
def billed(small_park):
    ws = Workspace.open(small_park.path)
    try:
        billing_run.post_run(ws, park_id(ws), date(2026, 1, 1), date(2026, 3, 31),
                             date(2025, 12, 25))
    finally:
        ws.close()
    return small_park


@pytest.fixture
def collections(qtbot, settings, billed, monkeypatch):
    import app.collections_flow as flow_module
    from tests.gui.helpers import open_window

    monkeypatch.setattr(flow_module, "today", lambda: DAY)
    window = open_window(qtbot, settings, billed.path)
    qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)
    window.billing_menu.collections_action.trigger()
    from views.collections_window import CollectionsWindow

    view = window.findChild(CollectionsWindow, "collections-window")
    assert view is not None and view.isVisible()
    qtbot.waitUntil(lambda: bool(view.rows), timeout=30000)
    yield window, view
    window.close()


def _settle(qtbot, window, view, status: str = "") -> None:
    qtbot.waitUntil(lambda: window.tasks.running() == 0 and (not status
                                                            or status in view.status.text()),
                    timeout=30000)


def _open_kinds(view) -> list[str]:
    return [str(a.action.kind) for a in view.actions() if a.open]


def test_the_window_lists_the_tenant_by_tier_with_its_reasons_and_actions(qtbot, collections):
    window, view = collections
    assert window.billing_menu.collections_action.text() == "&Collections…"
    [row] = view.tenants()
    assert row.credit.score.score == 63 and str(row.credit.tier) == "medium"
    index = view.tenant_proxy.index(0, 0)
    assert view.tenant_proxy.data(index) == "Medium risk"
    assert "Score 63 of 100 · Medium risk" in view.score_label.text()
    assert "35,739.00 overdue since 2026-01-01" in view.score_label.text()
    assert view.reason_lines() == [(
        "−37", "The oldest bill still open, due 2026-01-01, is 111 days overdue: 1 point "
               "per 3 days, at most 60")]
    assert _open_kinds(view) == ["bill_early", "reminder_letter", "call"]
    assert [a.action.due_on for a in view.actions()] == [None, DAY, date(2026, 4, 23)]
    assert "Credit on 2026-04-22: 1 tenants" in view.head.text()


def test_a_task_is_marked_done_and_a_flag_cannot_be(qtbot, collections):
    window, view = collections
    assert view.select_action("bill_early")
    assert not view.done_button.isEnabled()  # a flag holds while the tier does
    assert view.select_action("call")
    assert view.done_button.isEnabled()
    qtbot.mouseClick(view.done_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, window, view, "Marked done on 2026-04-22.")
    qtbot.waitUntil(lambda: "call" not in _open_kinds(view), timeout=30000)
    call = next(a for a in view.actions() if str(a.action.kind) == "call")
    assert call.action.done_on == DAY
    state = view.action_proxy.data(view.action_proxy.index(view.actions().index(call), 5))
    assert state == "Done 2026-04-22"


def test_the_reminder_letter_is_made_kept_and_its_task_done(qtbot, collections, tmp_path,
                                                            monkeypatch):
    import app.collections_flow as flow_module

    window, view = collections
    target = tmp_path / "letter.pdf"
    monkeypatch.setattr(flow_module.QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: (str(target), "")))
    view.language_combo.setCurrentIndex(view.language_combo.findData("en"))
    assert view.letter_button.isEnabled()
    qtbot.mouseClick(view.letter_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, window, view, "Saved as")
    assert target.read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(lambda: "reminder_letter" not in _open_kinds(view), timeout=30000)
    workspace = window.controller.workspace
    with workspace.reading() as s:
        cid = s.scalar(select(Contract.id).where(Contract.code == "HT-2026-0001"))
        assert [d.name for d in documents_of(s, cid)] == ["payment-reminder-T001-2026-04-22.pdf"]


def test_signals_saved_move_the_tenant_to_a_worse_tier_and_a_wrong_one_is_refused(
        qtbot, collections):
    window, view = collections
    row = view.add_signal_row("2026-04-01", "court", "（2026）沪0115民初1号")
    assert view.signal_entries() == [{"on": "2026-04-01", "kind": "court",
                                      "note": "（2026）沪0115民初1号"}]
    view.signals.item(row, 3).setText("2026-03-01")  # ends before its day
    qtbot.mouseClick(view.save_signals_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, window, view, "Signal 1: it ends on 2026-03-01, before its day 2026-04-01")
    assert view.status.styleSheet()  # said as an error
    view.signals.item(row, 3).setText("")
    qtbot.mouseClick(view.save_signals_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, window, view, "1 signals saved.")
    # 63 − 15 = 48: high
    qtbot.waitUntil(lambda: view.tenants()[0].credit.score.score == 48, timeout=30000)
    assert str(view.tenants()[0].credit.tier) == "high"
    assert [p for p, _why in view.reason_lines()] == ["−37", "−15"]
    assert "Court case from 2026-04-01: （2026）沪0115民初1号" in view.reason_lines()[1][1]
    assert _open_kinds(view) == ["renewal_frozen", "formal_notice", "deposit_warning",
                                 "legal_review"]
    ended = [str(a.action.kind) for a in view.actions() if a.action.ended_on is not None]
    assert sorted(ended) == ["bill_early", "call", "reminder_letter"]
    assert view.signals.rowCount() == 1  # read back as saved


def test_zh_cn_window_and_letter_render(qtbot, settings, billed, monkeypatch, tmp_path):
    """The window and the letter in Chinese, drawn, so a person can look at them (the PNGs
    are kept under the test's folder); the words are the catalogue's or the letter's."""
    import app.collections_flow as flow_module
    from app.gui import create_window
    from views.collections_window import CollectionsWindow

    monkeypatch.setattr(flow_module, "today", lambda: DAY)
    window = create_window(settings, language="zh_CN")
    qtbot.addWidget(window)
    try:
        assert window.open_workspace(billed.path)
        window.date_edit.setDate(DAY)
        window.show()
        qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)
        view = flow_module.open_collections(window)
        assert isinstance(view, CollectionsWindow)
        qtbot.waitUntil(lambda: bool(view.rows), timeout=30000)
        qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)
        assert view.language_combo.currentData() == "zh_CN"  # the window's language
        image = view.grab()
        assert image.save(str(tmp_path / "collections-zh.png"))
        assert view.letter_button.isEnabled()
        flow = flow_module.collections_flow_of(window)
        kept = flow.reminder(view.tenants()[0].credit.tenant_id, "zh_CN",
                             path=Path(tmp_path / "letter-zh.pdf"))
        assert len(kept) == 1 and (tmp_path / "letter-zh.pdf").exists()
        qtbot.waitUntil(lambda: window.tasks.running() == 0, timeout=30000)
    finally:
        window.close()
        window.languages.install("en")  # the application's catalogue, for the tests after
