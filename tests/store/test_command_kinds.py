"""The outbox's command kinds are named once (store.commands): what the code writes is
there, what is there is written, and an unknown kind is refused before it is queued."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from sqlalchemy import func, select

from store.changes import record_command, record_commands
from store.commands import COMMANDS
from store.schema import Outbox, Park
from store.workspace import create_with_park

ROOT = Path(__file__).resolve().parents[2]
WRITERS = {"record_command", "record_commands", "_replace", "_record"}


def _written_kinds() -> set[str]:
    """Every literal kind passed to a command writer in the application's code (space edits
    pass theirs through two local helpers, and undo/redo choose one of two literals)."""
    found: set[str] = set()
    for folder in ("services", "store", "demo", "app", "sync"):
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Call):
                    name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                    if name in WRITERS and len(node.args) > 1:
                        kind = node.args[1]
                        if isinstance(kind, ast.Constant) and isinstance(kind.value, str):
                            found.add(kind.value)
                elif isinstance(node, ast.IfExp) and all(
                        isinstance(b, ast.Constant) and str(b.value).endswith("_space_edit")
                        for b in (node.body, node.orelse)):
                    found |= {node.body.value, node.orelse.value}  # type: ignore[attr-defined]
    return found


def test_every_kind_written_is_named_and_every_named_kind_is_written():
    written = _written_kinds()
    assert {"post_bill", "split_unit", "undo_space_edit", "set_tax_rates"} <= written
    assert written - set(COMMANDS) == set()
    assert set(COMMANDS) - written == set()


def test_an_unknown_kind_is_refused_before_anything_is_queued(tmp_path):
    ws = create_with_park(tmp_path / "w.leasemap", "P", "Park")
    try:
        with ws.transaction() as session:
            park = session.scalars(select(Park)).one()
            before = session.scalar(select(func.count()).select_from(Outbox))
            with pytest.raises(ValueError, match="unknown command 'post_bil'"):
                record_command(session, "post_bil", Park, park.id, {})
            with pytest.raises(ValueError, match="unknown command 'void_entri'"):
                record_commands(session, "void_entri", Park, [(park.id, {})])
            session.flush()
            assert session.scalar(select(func.count()).select_from(Outbox)) == before
    finally:
        ws.close()
