"""Errors a person reads carry a code and params; their templates say what the English says.

The English of a template (the catalogue's source) and the English a lower
layer writes are kept word for word alike here: the CLI prints the latter in
English and the former's translation in Chinese, so the two must not drift.
No catalogue is installed in these tests, so a template renders as its source.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from shapely.geometry import box

from importers.levels import plan_levels
from importers.plan import ImportedPlan, PlanFloor, PlanUnit
from runtime.messages import Message, UserError, message_json
from store.errors import NewerSchema, NoSuchUnit, NotAWorkspace, WorkspaceError
from store.files import APPLICATION_ID, inspect_file
from store.workspace import Workspace
from views.message_text import MESSAGES, cli_message_text, message_text


def test_a_user_error_is_its_english_with_a_code_and_params():
    error = UserError("plan.dxf: no rooms", "no-rooms", file=Path("plan.dxf"), count=3)
    assert str(error) == error.message == "plan.dxf: no rooms"
    assert error.params == {"file": "plan.dxf", "count": "3"}  # strings, as JSON has them
    assert error.to_json() == {"code": "no-rooms", "message": "plan.dxf: no rooms",
                               "params": {"file": "plan.dxf", "count": "3"}}
    assert message_json(ValueError("x")) == {"code": "", "message": "x", "params": {}}
    assert issubclass(NoSuchUnit, LookupError)  # callers that catch LookupError still do


def raised(make) -> WorkspaceError:
    with pytest.raises(WorkspaceError) as caught:
        make()
    return caught.value


def foreign_database(path: Path, application_id: int = 0) -> Path:
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA application_id={application_id}")
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    return path


def newer_workspace(path: Path) -> Path:
    foreign_database(path, APPLICATION_ID)
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE alembic_version (version_num TEXT)")
    connection.execute("INSERT INTO alembic_version VALUES ('9999')")
    connection.commit()
    connection.close()
    return path


def test_each_store_error_has_a_code_whose_template_is_its_english(tmp_path):
    empty = tmp_path / "empty.leasemap"
    empty.write_bytes(b"")
    text = tmp_path / "text.leasemap"
    text.write_text("0\nSECTION\n", encoding="utf-8")
    short = tmp_path / "short.leasemap"
    short.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)
    unfinished = foreign_database(tmp_path / "unfinished.leasemap", APPLICATION_ID)
    errors = {
        "workspace-missing": raised(lambda: inspect_file(tmp_path / "nowhere.leasemap")),
        "workspace-folder": raised(lambda: inspect_file(tmp_path)),
        "workspace-empty": raised(lambda: inspect_file(empty)),
        "workspace-not-sqlite": raised(lambda: inspect_file(text)),
        "workspace-truncated": raised(lambda: inspect_file(short)),
        "workspace-foreign": raised(
            lambda: inspect_file(foreign_database(tmp_path / "other.db"))),
        "workspace-damaged": raised(lambda: inspect_file(unfinished)),  # no alembic_version
        "workspace-newer": raised(lambda: inspect_file(newer_workspace(tmp_path / "n.db"))),
        "workspace-exists": raised(lambda: Workspace.create(text)),
    }
    assert isinstance(errors["workspace-newer"], NewerSchema)
    assert isinstance(errors["workspace-foreign"], NotAWorkspace)
    for code, error in errors.items():
        assert error.code == code
        assert MESSAGES[code]().format_map(error.params) == str(error)
        assert message_text(error) == str(error)  # in English the renderer says the same


def plan(source: str, *titles: str) -> ImportedPlan:
    room = PlanUnit("k", "101", "101", box(0, 0, 5, 5))
    return ImportedPlan(source, "dxf", tuple(
        PlanFloor(f"floor{i}", None, (room,), title=t) for i, t in enumerate(titles)))


@pytest.mark.parametrize(("drawing", "options", "code"), [
    (plan("plan.dxf", ""), {}, "level-unknown"),
    (plan("屋顶.dxf", ""), {}, "level-unknown"),
    (plan("2F-3F.dxf", ""), {}, "level-conflict"),
    (plan("plan.dxf", "2F 3F"), {}, "level-conflict"),
    (plan("floor3.dxf", "五层平面图"), {}, "level-conflict"),
    (plan("tower.dxf", "", ""), {}, "levels-unknown"),
    (plan("tower.dxf", "", ""), {"levels": [1]}, "levels-count"),
    (plan("tower.dxf", "3F", "三层"), {}, "levels-repeated"),
    (plan("tower.dxf", "", ""), {"floor": 2}, "floor-multi"),
])
def test_the_cli_words_each_level_refusal_as_the_importer_does(drawing, options, code):
    refusal = plan_levels(drawing, **options).refusal
    assert refusal is not None and refusal.code == code
    assert cli_message_text(refusal) == refusal.message


def test_a_confirmation_is_said_from_its_warnings():
    from services.importing import ConfirmationNeeded, PlanImportError
    from store.plan_import import FitWarning

    warning = FitWarning("labels", "the rooms' numbers (501) name level 5, not level 3: it may "
                         "be another floor's drawing",
                         {"floor": "3F", "level": "3", "named": "5", "labels": "501"})
    error = ConfirmationNeeded([warning])
    assert isinstance(error, PlanImportError) and error.code == "confirmation-needed"
    assert error.parts == (Message("fit-labels", warning.message, warning.params),)
    assert message_text(error) == str(error)


def test_an_os_error_and_an_unknown_error():
    denied = PermissionError(13, "Permission denied", "/srv/park.leasemap")
    assert message_text(denied) == "/srv/park.leasemap: permission denied"
    assert message_text(RuntimeError("boom")) == "boom"


@pytest.mark.parametrize(("env", "language"), [
    ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
    ({"LANG": "zh_TW.UTF-8"}, "zh_CN"),  # the only Chinese catalogue there is
    ({"LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),  # LC_ALL wins
    ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh_CN"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
    ({}, "en"),
])
def test_the_cli_takes_the_system_language_from_the_environment(monkeypatch, env, language):
    from app.cli import system_language

    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    if not env:
        monkeypatch.setattr("sys.platform", "linux")
    assert system_language() == language


def test_amounts_in_a_refusal_are_grouped_by_thousands_and_keep_their_digits():
    """As the windows show amounts; the JSON keeps the plain figure for scripts."""
    error = UserError("the deposit holds 25080.00, not 1234567.5", "deposit-beyond",
                      holds="25080.00", amount="1234567.5")
    assert message_text(error) == "The deposit holds 25,080.00: 1,234,567.5 cannot be refunded"
    assert error.to_json()["params"] == {"holds": "25080.00", "amount": "1234567.5"}
    odd = UserError("not 12345.678", "deposit-amount", amount="12345.678")
    assert message_text(odd) == "A deposit is an amount above 0.00, in cents, not 12,345.678"
    word = UserError("not abc", "deposit-amount", amount="abc")  # not a number: as typed
    assert message_text(word) == "A deposit is an amount above 0.00, in cents, not abc"
    assert cli_message_text(error) == message_text(error)
