"""A new workspace starts as a copy of one migrated blank: each is still its own."""

from __future__ import annotations

from sqlalchemy import text

from store.files import SCHEMA_HEAD, inspect_file
from store.workspace import Workspace


def test_new_workspaces_are_at_the_head_with_their_guards_and_their_own_device(tmp_path):
    devices = set()
    for name in ("a.leasemap", "b.leasemap"):
        workspace = Workspace.create(tmp_path / name)
        try:
            with workspace.reading() as s:
                devices.add(s.execute(text(
                    "SELECT value FROM workspace_meta WHERE key = 'device_id'")).scalar_one())
                assert s.execute(text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
                                      )).scalar_one() > 0  # the ledgers' insert-only guards
                assert s.execute(text("SELECT count(*) FROM parks")).scalar_one() == 0
        finally:
            workspace.close()
        assert inspect_file(tmp_path / name) == SCHEMA_HEAD
    assert len(devices) == 2
