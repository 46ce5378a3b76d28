"""Nothing typed in the unit details is thrown away, and what cannot be saved says why.

The main window on the small workspace (offscreen), typing as a person does:
keys, and an input method's commit for Chinese and full-width text.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QValidator
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import select

from domain.unit_edits import ENGLISH, NAME_LIMIT
from store.read_model import ReadModel
from store.schema import Unit
from store.workspace import Workspace
from tests.small_park import TODAY
from views.unit_details import REASONS, UnitDetails

RENT_CODE = "ZD-A-0103"  # vacant, asking 98.5


def commit_text(widget, text: str) -> None:
    """What a Chinese input method sends when a word (or full-width text) is chosen."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def stored(path: Path, code: str) -> Unit:
    with Workspace.open(path) as ws, ws.reading() as session:
        return session.scalars(select(Unit).where(Unit.code == code)).one()


def select_unit(window, code: str):
    row = next(r for r in window.controller.rows if r.code == code)
    assert window.table.select_unit(row.id)
    assert window.details.unit_id() == row.id
    return row


def line(window, field: str) -> QLineEdit:
    editor = window.details.editor(field)
    assert isinstance(editor, QLineEdit)
    return editor


def marked(editor) -> bool:
    return editor.property("problem") is True


def test_full_width_input_is_accepted_and_saved_as_its_decimal(window, small_park, qtbot):
    select_unit(window, RENT_CODE)
    rent = line(window, "asking_rent")
    validator = rent.validator()
    for typed in ("１２０．５", "1,200", " 1，200.5 ", "120.5"):
        assert validator.validate(typed, 0)[0] == QValidator.State.Acceptable, typed
    rent.selectAll()
    qtbot.keyClick(rent, Qt.Key.Key_Delete)
    commit_text(rent, "１２０．５")
    assert rent.hasAcceptableInput() and not window.details.hint("asking_rent").isVisible()
    qtbot.keyClick(rent, Qt.Key.Key_Return)
    assert stored(small_park.path, RENT_CODE).asking_rent == Decimal("120.5000")
    assert window.undo_action.isEnabled()


def test_the_hint_appears_while_typing_garbage(window, small_park, qtbot):
    select_unit(window, "ZD-A-0201")
    height, hint = line(window, "ceiling_height"), window.details.hint("ceiling_height")
    qtbot.keyClicks(height, "3")
    assert not hint.isVisible() and not marked(height)
    qtbot.keyClicks(height, "x")  # not refused by the keyboard: kept, with the reason
    assert height.text() == "3x"
    assert height.validator().validate("3x", 2)[0] == QValidator.State.Intermediate
    assert hint.isVisible() and hint.text() == "a number, up to 2 decimals"
    assert marked(height)
    qtbot.keyClick(height, Qt.Key.Key_Return)
    assert height.text() == "3x"
    assert stored(small_park.path, "ZD-A-0201").ceiling_height is None
    qtbot.keyClick(height, Qt.Key.Key_Backspace)
    qtbot.keyClicks(height, ".456")
    assert hint.text() == "at most 2 decimals"  # not rounded away behind the person's back
    qtbot.keyClick(height, Qt.Key.Key_Backspace)
    assert not hint.isVisible() and not marked(height)
    qtbot.keyClick(height, Qt.Key.Key_Return)
    assert stored(small_park.path, "ZD-A-0201").ceiling_height == Decimal("3.45")


def test_a_value_the_checks_refuse_stays_when_committed(window, small_park, qtbot):
    select_unit(window, "ZD-A-0201")
    height = line(window, "ceiling_height")
    height.setText("-3")
    height.editingFinished.emit()  # a commit that bypasses the validator: still checked
    assert height.text() == "-3" and marked(height)
    assert window.details.hint("ceiling_height").text() == "cannot be negative"
    assert stored(small_park.path, "ZD-A-0201").ceiling_height is None
    assert not window.undo_action.isEnabled()


def test_a_value_the_store_refuses_stays_with_its_reason(window, small_park, qtbot):
    row = select_unit(window, RENT_CODE)
    with Workspace.open(small_park.path) as ws, ws.transaction() as session:
        session.get(Unit, row.id).archived = True  # another window archives it meanwhile
    rent = line(window, "asking_rent")
    rent.selectAll()
    qtbot.keyClicks(rent, "150")
    qtbot.keyClick(rent, Qt.Key.Key_Return)
    assert rent.text() == "150" and marked(rent)
    hint = window.details.hint("asking_rent")
    assert hint.isVisible() and hint.text().startswith("not saved: ")
    assert str(row.id) in hint.text() and "Python override" not in hint.text()
    assert window.undo_stack.count() == 0 and not window.undo_action.isEnabled()
    assert stored(small_park.path, RENT_CODE).asking_rent == Decimal("98.5000")
    window.details.show_unit(window.controller.row(row.id))  # a refresh keeps it
    assert rent.text() == "150" and hint.isVisible()
    qtbot.keyClick(rent, Qt.Key.Key_Escape)
    assert rent.text() == "98.5" and not hint.isVisible() and not marked(rent)


def test_a_ten_thousand_character_name_is_refused_and_kept(window, small_park, qtbot):
    row = select_unit(window, "ZD-A-0202")
    name = line(window, "name")
    name.selectAll()
    name.insert("长" * 10000)  # pasted: through the validator, as typing is
    qtbot.keyClick(name, Qt.Key.Key_Return)
    window.details.editor("tags").setFocus()
    name.editingFinished.emit()
    assert name.text() == "长" * 10000
    hint = window.details.hint("name")
    assert hint.isVisible() and hint.text() == f"at most {NAME_LIMIT} characters (now 10000)"
    assert window.details.message("name") == (
        f"Name: at most {NAME_LIMIT} characters (now 10000)")
    assert stored(small_park.path, "ZD-A-0202").name == row.name
    qtbot.keyClick(name, Qt.Key.Key_Backspace)
    assert len(name.text()) == 9999  # still refused, still there
    name.setText("长" * NAME_LIMIT)
    assert not hint.isVisible()
    name.editingFinished.emit()
    assert stored(small_park.path, "ZD-A-0202").name == "长" * NAME_LIMIT


def test_messages_name_the_field_as_the_form_shows_it(window, qtbot):
    select_unit(window, RENT_CODE)
    rent = line(window, "asking_rent")
    qtbot.keyClicks(rent, "x")
    message = window.details.message("asking_rent")
    assert message == "Asking rent (CNY/m²/month): a number, up to 4 decimals"
    assert "asking_rent" not in message
    assert rent.toolTip() == message


def test_messages_in_chinese_name_the_field_as_the_chinese_form_does(window, qtbot):
    select_unit(window, RENT_CODE)
    rent, name = line(window, "asking_rent"), line(window, "name")
    rent.end(False)
    qtbot.keyClicks(rent, "x")
    name.selectAll()
    name.insert("长" * 201)
    window.set_language("zh_CN")
    try:
        assert rent.text() == "98.5x"  # a language switch keeps what is typed
        assert window.details.message("asking_rent") == "报价 (元/m²/月)：应为数字，最多 4 位小数"
        assert window.details.hint("name").text() == "最多 200 个字符（当前 201 个）"
        assert window.details.message("name").startswith("名称：")
    finally:
        window.set_language("en")
    assert window.details.hint("asking_rent").text() == "a number, up to 4 decimals"


def test_escape_gives_the_stored_value_back(window, qtbot):
    select_unit(window, RENT_CODE)
    rent = line(window, "asking_rent")
    qtbot.keyClicks(rent, "abc")
    assert marked(rent)
    qtbot.keyClick(rent, Qt.Key.Key_Escape)
    assert rent.text() == "98.5" and not marked(rent)
    assert not window.details.edited("asking_rent")


@pytest.fixture
def rows(small_park) -> dict[str, object]:
    reader = ReadModel(small_park.path)
    try:
        return {r.code: r for r in reader.unit_rows(None, TODAY)}
    finally:
        reader.close()


@pytest.fixture
def details(qtbot) -> UnitDetails:
    panel = UnitDetails()
    panel.set_currency("CNY")
    qtbot.addWidget(panel)
    panel.resize(420, 900)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_a_reload_keeps_the_name_being_typed_and_shows_the_new_rent(details, rows, qtbot):
    row = rows[RENT_CODE]
    details.show_unit(row)
    name = details.editor("name")
    name.setFocus()
    name.end(False)
    commit_text(name, "（已改）")
    typed = name.text()
    assert typed == f"{row.name}（已改）"
    details.show_unit(replace(row, asking_rent=Decimal("130.0000"), row_version=2))
    assert name.text() == typed
    assert details.editor("asking_rent").text() == "130"
    requests = []
    details.editRequested.connect(lambda *args: requests.append(args))
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert requests == [(row.id, "name", typed)]


def test_a_reload_does_not_cut_a_word_being_composed(details, rows, qtbot):
    row = rows[RENT_CODE]
    details.show_unit(row)
    name = details.editor("name")
    name.setFocus()
    name.end(False)
    composing = QInputMethodEvent("zhong", [])  # pinyin typed, the word not chosen yet
    QApplication.sendEvent(name, composing)
    details.show_unit(replace(row, name="外部改名", row_version=2))
    assert name.text() == row.name  # the composition was left alone
    commit_text(name, "中")
    assert name.text() == f"{row.name}中"
    details.show_unit(replace(row, name="外部改名", row_version=3))
    assert name.text() == f"{row.name}中"


def test_a_field_saved_as_typed_follows_later_writes(details, rows, qtbot):
    row = rows[RENT_CODE]
    details.show_unit(row)
    rent = details.editor("asking_rent")
    rent.selectAll()
    commit_text(rent, "１２０．５")
    saved = replace(row, asking_rent=Decimal("120.5000"))
    details.show_unit(saved)  # the app shows the row it wrote
    assert rent.text() == "１２０．５" and not details.edited("asking_rent")
    details.show_unit(replace(saved, asking_rent=Decimal("130.0000")))  # another write
    assert rent.text() == "130"


def test_a_draft_comes_back_with_its_unit(details, rows, qtbot):
    first, second = rows[RENT_CODE], rows["ZD-A-0201"]
    details.show_unit(first)
    height = details.editor("ceiling_height")
    qtbot.keyClicks(height, "2.5m")
    details.show_unit(None)
    assert height.text() == "" and not details.hint("ceiling_height").isVisible()
    details.show_unit(second)
    assert height.text() == "" and not details.hint("ceiling_height").isVisible()
    details.show_unit(first)
    assert height.text() == "2.5m" and details.hint("ceiling_height").isVisible()
    qtbot.keyClick(height, Qt.Key.Key_Escape)
    details.show_unit(second)
    details.show_unit(first)
    assert height.text() == ""


def test_every_refusal_code_has_a_template():
    assert set(REASONS) == set(ENGLISH)
