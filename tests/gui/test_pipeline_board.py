"""The pipeline board in the main window on the small park: a lead moved between stages by a
drop and by the card's menu, a refused move said with the card back, a lost lead's reason,
the headers' figures, double-click to the lead's form.

Qt's offscreen platform runs no drag (``QDrag.exec`` returns at once), so the drop is
delivered as the events a drag delivers to the column dropped on: enter, move and drop,
carrying what the column dragged from gives (``mimeData`` of the card).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from domain.leasing.pipeline import Stage
from services import pipeline
from services.pipeline import LeadInput
from store.schema import Lead
from tests.gui.helpers import double_click
from tests.small_park import TODAY

D = Decimal


def _lead(window, company, stage=None, on=date(2026, 11, 2), **changes):
    workspace = window.controller.workspace
    with workspace.reading() as s:
        from services.contracts import park_id_of

        park_id = park_id_of(s)
    values = dict(company=company, area_min=D(100), area_max=D(200), budget=D(95),
                  owner="李娜", contact_name="王磊")
    values.update(changes)
    lead_id = pipeline.create_lead(workspace, park_id, LeadInput(**values), on)
    if stage is not None:
        pipeline.move_lead(workspace, lead_id, stage, on, "预算不足" if stage is Stage.LOST else "")
    return lead_id


def _stored(window, lead_id) -> Lead:
    with window.controller.workspace.reading() as s:
        return s.get(Lead, lead_id)


@pytest.fixture
def board(qtbot, window):
    from app.pipeline_flow import open_pipeline

    a = _lead(window, "上海星河生物科技有限公司")
    b = _lead(window, "苏州远景新能源有限公司", Stage.NEGOTIATING, budget=D(88))
    c = _lead(window, "杭州已签约有限公司", Stage.SIGNED, area_min=D(120), area_max=D(130))
    d = _lead(window, "南京流失有限公司", Stage.LOST)
    view = open_pipeline(window)
    assert view is not None and window.tabs.currentWidget() is view
    qtbot.waitUntil(lambda: len(view.cards(Stage.LEAD)) == 1)
    view.ids = {"a": a, "b": b, "c": c, "d": d}
    return view


def drop(qtbot, board, lead_id, to: Stage) -> None:
    """What a drag of the card onto ``to``'s column delivers there."""
    source = board.lists[board.stage_of(lead_id)]
    data = source.mimeData([source.item_of(lead_id)])
    target = board.lists[to].viewport()
    where = QPointF(target.rect().center())
    actions = Qt.DropAction.MoveAction | Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where.toPoint(), actions, data, buttons, keys)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(where.toPoint(), actions, data, buttons, keys)
    QApplication.sendEvent(target, move)
    assert move.isAccepted()
    dropped = QDropEvent(where, actions, data, buttons, keys)
    QApplication.sendEvent(target, dropped)
    assert dropped.isAccepted()
    assert dropped.dropAction() == Qt.DropAction.CopyAction  # the dragged list keeps its item


def test_the_board_shows_each_stage_with_its_count_and_weighted_value(board, window):
    ids = board.ids
    assert board.cards(Stage.LEAD) == [ids["a"]]
    assert board.cards(Stage.NEGOTIATING) == [ids["b"]]
    assert board.cards(Stage.SIGNED) == [ids["c"]]
    assert board.cards(Stage.LOST) == [ids["d"]]
    assert board.headers[Stage.LEAD].text() == "Lead  (1)"
    # 95 × 200 × 12 = 228,000 at 10 %; 88 × 200 × 12 = 211,200 at 60 %
    assert board.figures[Stage.LEAD].text() == "10% · 22,800 CNY"
    assert board.figures[Stage.NEGOTIATING].text() == "60% · 126,720 CNY"
    assert board.figures[Stage.SIGNED].text() == "100% · 148,200 CNY"  # 95 × 130 × 12
    assert board.figures[Stage.LOST].text() == ""
    assert board.total_label.text() == "2 open leads, 149,520 CNY weighted"
    lines = board.lists[Stage.LEAD].item(0).data(Qt.ItemDataRole.UserRole + 1)
    assert lines == ("上海星河生物科技有限公司", "XS-0001 · 100–200 m²",
                     "Budget 95.00 /m²·month", "李娜 · 20 days")
    lost = board.lists[Stage.LOST].item(0).data(Qt.ItemDataRole.UserRole + 1)
    assert lost[2] == "Lost: 预算不足"


def test_a_drop_moves_the_lead_and_the_store_says_so(qtbot, board, window):
    a = board.ids["a"]
    drop(qtbot, board, a, Stage.NEGOTIATING)
    qtbot.waitUntil(lambda: _stored(window, a).stage == "negotiating")
    assert _stored(window, a).stage_on == TODAY
    qtbot.waitUntil(lambda: a in board.cards(Stage.NEGOTIATING)
                    and board.headers[Stage.NEGOTIATING].text() == "Negotiating  (2)")
    assert board.cards(Stage.LEAD) == []
    assert board.status.text() == "XS-0001 moved to Negotiating."


def test_the_cards_menu_moves_it_too(qtbot, board, window):
    a = board.ids["a"]
    menu = board.move_menu(a)
    moves = menu.findChild(type(menu), "move-to")
    by_stage = {action.data(): action for action in moves.actions()}
    assert set(by_stage) == {"in_contact", "negotiating", "quoted", "signed", "lost"}
    assert all(action.isEnabled() for action in by_stage.values())
    by_stage["quoted"].trigger()
    qtbot.waitUntil(lambda: _stored(window, a).stage == "quoted")
    qtbot.waitUntil(lambda: board.cards(Stage.QUOTED) == [a])
    # from lost only back to lead: the menu greys the rest
    lost = board.move_menu(board.ids["d"]).findChild(type(menu), "move-to")
    enabled = {action.data() for action in lost.actions() if action.isEnabled()}
    assert enabled == {"lead"}


def test_a_refused_move_is_said_and_the_card_returns(qtbot, board, window):
    c = board.ids["c"]
    drop(qtbot, board, c, Stage.IN_CONTACT)
    qtbot.waitUntil(lambda: board.status.isVisible()
                    and "cannot move" in board.status.text())
    assert board.status.text() == "XS-0003 cannot move from Signed to In contact."
    assert board.cards(Stage.SIGNED) == [c] and board.cards(Stage.IN_CONTACT) == []
    assert _stored(window, c).stage == "signed"


def test_losing_a_lead_asks_why(qtbot, board, window):
    from app.pipeline_flow import flow_of

    b = board.ids["b"]
    drop(qtbot, board, b, Stage.LOST)
    flow = flow_of(window)
    qtbot.waitUntil(lambda: flow.reason_dialog is not None and flow.reason_dialog.isVisible())
    qtbot.waitUntil(lambda: board.cards(Stage.LOST)[:1] == [b])  # shown there at once
    flow.reason_dialog.reject()  # not said: not moved, the card goes back
    qtbot.waitUntil(lambda: board.cards(Stage.NEGOTIATING) == [b])
    assert _stored(window, b).stage == "negotiating"
    drop(qtbot, board, b, Stage.LOST)
    qtbot.waitUntil(lambda: flow.reason_dialog is not None and flow.reason_dialog.isVisible())
    flow.reason_dialog.setTextValue("选择了竞品园区")
    flow.reason_dialog.accept()
    qtbot.waitUntil(lambda: _stored(window, b).stage == "lost")
    assert _stored(window, b).lost_reason == "选择了竞品园区"


def test_double_click_opens_the_leads_form_and_new_lead_an_empty_one(qtbot, board, window):
    from app.pipeline_flow import flow_of

    a = board.ids["a"]
    cards = board.lists[Stage.LEAD]
    where = cards.visualItemRect(cards.item_of(a)).center()
    double_click(qtbot, cards.viewport(), where)
    flow = flow_of(window)
    qtbot.waitUntil(lambda: any(f.lead_id == a and f.company_edit.text() for f in flow.forms))
    form = next(f for f in flow.forms if f.lead_id == a)
    assert form.company_edit.text() == "上海星河生物科技有限公司"
    assert form.windowTitle() == "Lead XS-0001 — 上海星河生物科技有限公司"
    qtbot.mouseClick(board.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(f.lead_id is None for f in flow.forms))
    for open_form in list(flow.forms):
        open_form.close()


def test_the_context_menu_opens_on_the_keyboard(qtbot, board):
    cards = board.lists[Stage.LEAD]
    board.select(board.ids["a"])
    asked = []
    cards.menu_wanted.connect(lambda lead, where: asked.append((lead, where)))
    qtbot.keyClick(cards, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert asked and asked[0][0] == board.ids["a"]
    assert isinstance(asked[0][1], QPoint)
