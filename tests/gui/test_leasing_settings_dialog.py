"""Leasing → Leasing settings…: the park's stage probabilities and discount rate in the main
window on the small park. A probability typed shows what it makes of the pipeline; OK writes
it and the open pipeline board's weighted values follow; a rate that is none is refused in
the dialog; a reset stage stores no override."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from domain.leasing.pipeline import DEFAULT_PROBABILITIES, Stage
from services import pipeline
from services.pipeline import LeadInput, PipelineRefused
from store.schema import Park
from views.leasing_settings import LeasingSettingsDialog, parse_rate, settings_refusal_text

D = Decimal


def _park_id(window):
    from services.contracts import park_id_of

    with window.controller.workspace.reading() as s:
        return park_id_of(s)


def _lead(window, company, stage=None, **changes):
    values = dict(company=company, area_min=D(100), area_max=D(200), budget=D(95))
    values.update(changes)
    workspace = window.controller.workspace
    lead_id = pipeline.create_lead(workspace, _park_id(window), LeadInput(**values),
                                   date(2026, 11, 2))
    if stage is not None:
        pipeline.move_lead(workspace, lead_id, stage, date(2026, 11, 2))
    return lead_id


def _stored(window) -> Park:
    with window.controller.workspace.reading() as s:
        return s.get(Park, _park_id(window))


@pytest.fixture
def board(qtbot, window):
    """The board open on two leads: 228,000 a year in Lead, 211,200 in Negotiating."""
    from app.pipeline_flow import open_pipeline

    _lead(window, "上海星河生物科技有限公司")
    _lead(window, "苏州远景新能源有限公司", Stage.NEGOTIATING, budget=D(88))
    view = open_pipeline(window)
    qtbot.waitUntil(lambda: view.total_label.text() == "2 open leads, 149,520 CNY weighted")
    return view


def _open(qtbot, window) -> LeasingSettingsDialog:
    action = window.leasing_menu.settings_action
    actions = window.leasing_menu.actions()
    assert actions.index(action) == actions.index(window.leasing_menu.price_index_action) + 1
    assert action.isEnabled() and action.text() == "Leasing &settings…"
    action.trigger()
    from app.leasing_settings_flow import settings_flow_of

    dialog = settings_flow_of(window).dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.odds_box.isEnabled())
    return dialog


def _wait_closed(qtbot, window) -> None:
    """Until the dialog has closed (saved) and gone (it is deleted on close)."""
    from app.leasing_settings_flow import settings_flow_of

    qtbot.waitUntil(lambda: settings_flow_of(window).dialog is None)


def _ok(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_a_probability_changed_moves_the_boards_weighted_value(qtbot, window, board):
    dialog = _open(qtbot, window)
    assert [dialog.spins[s].value() for s in dialog.spins] == [10.0, 30.0, 60.0, 80.0, 100.0]
    assert [dialog.stage_labels[s].text() for s in dialog.spins] == [
        "Lead", "In contact", "Negotiating", "Quoted", "Signed"]
    assert dialog.value_labels[Stage.LEAD].text() == "228,000 CNY"
    assert dialog.weighted_labels[Stage.NEGOTIATING].text() == "126,720 CNY"
    assert dialog.preview.text() == "Weighted pipeline of the open leads: 149,520 CNY."
    assert not dialog.reset_buttons[Stage.LEAD].isEnabled()
    assert dialog.rate_edit.text() == ""

    # A person types 25 into Lead's box: the dialog shows what that does before OK.
    spin = dialog.spins[Stage.LEAD]
    spin.selectAll()
    qtbot.keyClicks(spin, "25")
    assert spin.value() == 25.0
    assert dialog.weighted_labels[Stage.LEAD].text() == "57,000 CNY"
    assert dialog.preview.text() == ("Weighted pipeline of the open leads: 149,520 CNY now, "
                                     "183,720 CNY with these probabilities.")
    assert dialog.reset_buttons[Stage.LEAD].isEnabled()
    assert dialog.stage_labels[Stage.LEAD].font().bold()

    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    _wait_closed(qtbot, window)
    assert _stored(window).stage_probabilities == {"lead": "0.25"}
    assert _stored(window).discount_rate is None
    qtbot.waitUntil(lambda: board.total_label.text() == "2 open leads, 183,720 CNY weighted")
    assert board.figures[Stage.LEAD].text() == "25% · 57,000 CNY"
    assert window.statusBar().currentMessage() == "Leasing settings saved."

    # Open again: the park's own figure is read back; reset it and the override goes.
    dialog = _open(qtbot, window)
    assert dialog.spins[Stage.LEAD].value() == 25.0
    assert dialog.reset_buttons[Stage.LEAD].isEnabled()
    qtbot.mouseClick(dialog.reset_buttons[Stage.LEAD], Qt.MouseButton.LeftButton)
    assert dialog.spins[Stage.LEAD].value() == 10.0
    assert not dialog.reset_all_button.isEnabled()
    dialog.accept()
    _wait_closed(qtbot, window)
    assert _stored(window).stage_probabilities == {}
    qtbot.waitUntil(lambda: board.total_label.text() == "2 open leads, 149,520 CNY weighted")


def test_the_discount_rate_is_typed_refused_and_cleared(qtbot, window):
    dialog = _open(qtbot, window)
    assert dialog.preview.text() == "Weighted pipeline of the open leads: 0 CNY."  # no leads
    qtbot.keyClicks(dialog.rate_edit, "abc")
    assert not _ok(dialog).isEnabled()
    assert "percentage a year" in dialog.status.text()
    dialog.rate_edit.clear()
    qtbot.keyClicks(dialog.rate_edit, "100")
    assert not _ok(dialog).isEnabled()
    dialog.accept()  # Enter on a rate that is none: said, nothing asked of the app
    assert dialog.isVisible() and _stored(window).discount_rate is None
    dialog.rate_edit.clear()
    qtbot.keyClicks(dialog.rate_edit, "6.5%")
    assert _ok(dialog).isEnabled() and dialog.status.text() == ""
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    _wait_closed(qtbot, window)
    assert _stored(window).discount_rate == D("0.065")
    assert _stored(window).stage_probabilities == {}  # the probabilities as they were

    dialog = _open(qtbot, window)
    assert dialog.rate_edit.text() == "6.5"
    dialog.rate_edit.clear()  # empty: none
    dialog.accept()
    _wait_closed(qtbot, window)
    assert _stored(window).discount_rate is None


def test_a_refusal_is_said_in_the_dialog_which_stays_open(qtbot, window):
    """The dialog's own checks keep such figures from the app; asked anyway (as its signal
    does), the service refuses them, the flow says why in the dialog, and nothing is written."""
    dialog = _open(qtbot, window)
    dialog.save_requested.emit({Stage.QUOTED: D(80), Stage.LEAD: D("0.2")}, D(6))
    expected = ("The probability of Quoted must lie between 0 and 100%, not 80.0000.\n"
                "The discount rate must be at least 0% and below 100% a year, not 600%.")
    qtbot.waitUntil(lambda: dialog.status.text() == expected)
    assert dialog.isVisible() and _ok(dialog).isEnabled()  # put right, saved again
    assert _stored(window).stage_probabilities == {} and _stored(window).discount_rate is None
    with pytest.raises(PipelineRefused) as refused:  # the words are the refusal's
        pipeline.set_discount_rate(window.controller.workspace, _park_id(window), D(1))
    assert settings_refusal_text(refused.value) == (
        "The discount rate must be at least 0% and below 100% a year, not 100%.")


def test_a_park_figure_finer_than_the_box_is_kept_unless_changed(qtbot, window):
    pipeline.save_leasing_settings(window.controller.workspace, _park_id(window),
                                   {Stage.QUOTED: D("0.8125")}, D("0.061235"))
    dialog = _open(qtbot, window)
    assert dialog.spins[Stage.QUOTED].value() == 81.3  # 81.25 % shown to one place
    assert dialog.probability(Stage.QUOTED) == D("0.8125")
    assert dialog.discount_rate() == D("0.061235")
    assert dialog.rate_edit.text() == "6.1235"
    dialog.set_probability(Stage.LEAD, 12)
    dialog.accept()
    _wait_closed(qtbot, window)
    assert _stored(window).stage_probabilities == {"lead": "0.12", "quoted": "0.8125"}
    assert _stored(window).discount_rate == D("0.061235")


@pytest.mark.parametrize(("typed", "rate"), [("", None), ("  ", None), ("6", D("0.06")),
                                             ("6.5 %", D("0.065")), ("６％", D("0.06")),
                                             ("0", D(0)), ("99.99994", D("0.999999"))])
def test_a_rate_is_read_as_a_percentage(typed, rate):
    assert parse_rate(typed) == rate


@pytest.mark.parametrize("typed", ["abc", "100", "-1", "99.99995", "nan", "1e999999"])
def test_a_rate_that_is_none_is_refused(typed):
    with pytest.raises(ValueError):
        parse_rate(typed)


def test_defaults_are_the_issues(qtbot):
    dialog = LeasingSettingsDialog(None, "CNY")
    qtbot.addWidget(dialog)
    assert {s: dialog.probability(s) for s in dialog.spins} == {
        s: DEFAULT_PROBABILITIES[s] for s in dialog.spins}
    assert dialog.default_labels[Stage.QUOTED].text() == "80%"
    assert not dialog.value_labels[Stage.LEAD].isVisibleTo(dialog)  # no values handed in


def test_closing_the_workspace_closes_the_dialog_and_greys_the_action(qtbot, window):
    from app.leasing_settings_flow import open_leasing_settings

    _open(qtbot, window)
    window.controller.close()
    qtbot.waitUntil(lambda: not window.controller.is_open, timeout=5000)
    _wait_closed(qtbot, window)
    assert not window.leasing_menu.settings_action.isEnabled()
    assert open_leasing_settings(window) is None
