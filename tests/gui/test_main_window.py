"""The main window on a real workspace, offscreen: tree, table, details, edits."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from domain.contracts import Occupancy
from store.schema import Outbox, Unit
from store.workspace import Workspace


def _tree_texts(win) -> list[str]:
    texts = []
    for item in win.tree._walk():
        texts.append(item.text(0))
    return texts


def test_window_shows_tree_and_table(window, small_park):
    texts = _tree_texts(window)
    assert "张江测试园" in texts
    assert "A栋 办公楼" in texts and "B栋 厂房" in texts
    assert texts.count("1F") == 2 and "2F" in texts
    assert window.table.model.rowCount() == len(small_park.unit_codes)
    codes = [r.code for r in window.table.visible_rows()]
    assert codes == sorted(small_park.unit_codes)
    assert "8 units" in window.summary_label.text()
    assert window.windowTitle() == "Leasemap — small.leasemap"


def test_selecting_a_floor_scopes_the_table(window, qtbot):
    floor_2f = next(i for i in window.tree._walk() if i.text(0) == "2F")
    window.tree.setCurrentItem(floor_2f)
    codes = [r.code for r in window.table.visible_rows()]
    assert codes == ["ZD-A-0201", "ZD-A-0202", "ZD-A-0203"]
    building_b = next(i for i in window.tree._walk() if i.text(0).startswith("B栋"))
    window.tree.setCurrentItem(building_b)
    assert [r.code for r in window.table.visible_rows()] == ["ZD-B-0101", "ZD-B-0102"]


def test_occupancy_follows_the_date(window):
    rows = {r.code: r for r in window.table.visible_rows()}
    assert rows["ZD-A-0101"].occupancy is Occupancy.ACTIVE
    assert rows["ZD-A-0101"].tenant == "云帆智能"
    assert rows["ZD-A-0102"].occupancy is Occupancy.SIGNED_NOT_STARTED
    window.date_edit.setDate(date(2027, 4, 1))
    rows = {r.code: r for r in window.table.visible_rows()}
    assert rows["ZD-A-0102"].occupancy is Occupancy.ACTIVE
    assert rows["ZD-A-0102"].rent == Decimal("102.0000")
    window.date_edit.setDate(date(2025, 6, 1))
    rows = {r.code: r for r in window.table.visible_rows()}
    assert rows["ZD-A-0101"].occupancy is Occupancy.NONE


def test_search_and_filters(window, qtbot):
    window.table.search.setText("货梯")
    assert [r.code for r in window.table.visible_rows()] == ["ZD-B-0101", "ZD-B-0102"]
    window.table.search.setText("")
    window.table.filter.setCurrentIndex(window.table.filter.findData("occupied"))
    assert [r.code for r in window.table.visible_rows()] == ["ZD-A-0101"]
    window.table.filter.setCurrentIndex(window.table.filter.findData("vacant"))
    assert len(window.table.visible_rows()) == 6
    assert "6 of 8 units" in window.table.count.text()


def test_sorting_is_numeric_not_textual(window):
    header = window.table.model.columns()
    rent_column = next(i for i, c in enumerate(header) if c.key == "rent")
    window.table.view.sortByColumn(rent_column, Qt.SortOrder.DescendingOrder)
    rents = [r.rent for r in window.table.visible_rows()]
    assert rents[:2] == [Decimal("102.0000"), Decimal("95.0000")]
    assert rents[2:] == [None] * 6
    window.table.view.sortByColumn(rent_column, Qt.SortOrder.AscendingOrder)
    rents = [r.rent for r in window.table.visible_rows()]
    assert rents[:2] == [Decimal("95.0000"), Decimal("102.0000")]
    assert rents[2:] == [None] * 6


def test_click_selects_and_details_follow(window, qtbot):
    view = window.table.view
    index = window.table.proxy.index(2, 0)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    selected = window.table.current_unit_id()
    row = window.controller.row(selected)
    assert window.details.heading.text().startswith(row.code)
    assert window.details._fact_values["billable_area"].text() == "125.40"


def _outbox(path: Path, unit_id) -> list[Outbox]:
    with Workspace.open(path) as ws, ws.reading() as s:
        return list(s.scalars(select(Outbox).where(Outbox.entity_id == unit_id)
                              .order_by(Outbox.seq)))


def _unit(path: Path, code: str) -> Unit:
    with Workspace.open(path) as ws, ws.reading() as s:
        return s.scalars(select(Unit).where(Unit.code == code)).one()


def test_edit_through_details_is_undoable(window, small_park, qtbot):
    unit = _unit(small_park.path, "ZD-A-0103")
    assert window.table.select_unit(unit.id)
    editor = window.details.editor("asking_rent")
    editor.setText("120.5")
    editor.editingFinished.emit()
    assert _unit(small_park.path, "ZD-A-0103").asking_rent == Decimal("120.5000")
    assert window.controller.row(unit.id).asking_rent == Decimal("120.5000")
    assert window.undo_action.isEnabled()
    assert "Asking rent" in window.undo_action.text()

    window.undo_action.trigger()
    assert _unit(small_park.path, "ZD-A-0103").asking_rent == Decimal("98.5000")
    assert editor.text() == "98.5"
    window.redo_action.trigger()
    assert _unit(small_park.path, "ZD-A-0103").asking_rent == Decimal("120.5000")

    ops = [op for op in _outbox(small_park.path, unit.id) if op.kind == "field_set"]
    assert [op.payload["value"] for op in ops] == ["120.5000", "98.5000", "120.5000"]
    assert all(op.field == "asking_rent" for op in ops)


def test_status_edit_from_combo(window, small_park):
    unit = _unit(small_park.path, "ZD-B-0102")
    window.table.select_unit(unit.id)
    combo = window.details.editor("status")
    combo.setCurrentIndex(combo.findData("reserved"))
    combo.activated.emit(combo.currentIndex())
    assert _unit(small_park.path, "ZD-B-0102").status == "reserved"
    window.table.filter.setCurrentIndex(window.table.filter.findData("reserved"))
    assert [r.code for r in window.table.visible_rows()] == ["ZD-B-0102"]


def test_bad_value_is_refused_with_a_reason(window, small_park):
    unit = _unit(small_park.path, "ZD-A-0201")
    window.table.select_unit(unit.id)
    editor = window.details.editor("ceiling_height")
    editor.setText("-3")
    editor.editingFinished.emit()
    assert editor.text() == "-3"  # kept in its field, marked, not reset
    assert window.details.message("ceiling_height") == "Ceiling height (m): cannot be negative"
    assert _unit(small_park.path, "ZD-A-0201").ceiling_height is None
    assert not window.undo_action.isEnabled()
    assert not [op for op in _outbox(small_park.path, unit.id) if op.kind == "field_set"]


def test_opening_a_bad_file_keeps_the_current_workspace(window, small_park, tmp_path):
    junk = tmp_path / "notes.leasemap"
    junk.write_text("this is not a database", encoding="utf-8")
    before = junk.read_bytes()
    assert not window.open_workspace(junk)
    assert "not a Leasemap workspace" in window.last_warning
    assert junk.read_bytes() == before
    assert window.controller.path == small_park.path
    assert window.table.model.rowCount() == len(small_park.unit_codes)


def test_settings_remember_recent_and_language(window, settings, small_park):
    assert settings.recent_workspaces[0] == str(small_park.path.resolve())
    window.set_language("zh_CN")
    assert settings.language == "zh_CN"
    window.close()
    from app.gui import create_window

    again = create_window(settings)
    assert again.languages.current == "zh_CN"
    assert again.file_menu.title() == "文件(&F)"
    again.close()
    window.set_language("en")


def test_language_switch_changes_visible_strings(window):
    assert window.file_menu.title() == "&File"
    header = window.table.model.headerData(0, Qt.Orientation.Horizontal)
    assert header == "Code"
    window.set_language("zh_CN")
    assert window.file_menu.title() == "文件(&F)"
    assert window.table.model.headerData(0, Qt.Orientation.Horizontal) == "编号"
    assert window.tree.headerItem().text(0) == "园区 / 楼栋 / 楼层"
    assert window.details_dock.windowTitle() == "单元详情"
    rows = {r.code: r for r in window.table.visible_rows()}
    occupancy_col = next(
        i for i, c in enumerate(window.table.model.columns()) if c.key == "occupancy"
    )
    source_row = window.table.model.rows().index(rows["ZD-A-0101"])
    assert window.table.model.index(source_row, occupancy_col).data() == "在租"
    assert "个单元" in window.summary_label.text()
    window.set_language("en")
    assert window.table.model.index(source_row, occupancy_col).data() == "Occupied"


def test_today_is_the_default_date(qtbot, settings, small_park):
    from app.gui import create_window

    win = create_window(settings, language="en")
    qtbot.addWidget(win)
    win.open_workspace(small_park.path)
    assert win.today() == date.today()
    assert win.controller.day == date.today()
    win.close()


def test_each_floor_count_in_the_tree_is_the_rows_it_scopes(window, small_park):
    floors = [i for i in window.tree._walk() if i.text(0).endswith("F")]
    assert len(floors) == 3
    shown = []
    for item in floors:
        window.tree.setCurrentItem(item)
        rows = window.table.visible_rows()
        assert int(item.text(1)) == len(rows) > 0
        shown.extend(r.code for r in rows)
    assert sorted(shown) == sorted(small_park.unit_codes)


def test_rents_are_headed_with_the_parks_currency(window):
    from PySide6.QtCore import Qt as _Qt

    model = window.table.model
    headers = [model.headerData(i, _Qt.Orientation.Horizontal, _Qt.ItemDataRole.DisplayRole)
               for i in range(model.columnCount())]
    rent_headers = [h for h in headers if "rent" in h.lower()]
    assert len(rent_headers) == 2
    assert all("(CNY/m²/month)" in h for h in rent_headers), rent_headers
    assert "CNY" in window.details._fact_labels["rent"].text()


def test_a_rent_typed_in_full_width_is_saved(window, small_park):
    unit = _unit(small_park.path, "ZD-A-0103")
    assert window.table.select_unit(unit.id)
    editor = window.details.editor("asking_rent")
    editor.setText("１２０．５")  # what a Chinese input method sends in full-width mode
    editor.editingFinished.emit()
    assert _unit(small_park.path, "ZD-A-0103").asking_rent == Decimal("120.5000")
