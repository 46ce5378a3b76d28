"""Demo parks built once per test run and shared by every test that reads one (issue 12).

Building a demo park is among the slowest things the suite does (the default
1,500-unit park takes half a minute), and several test modules build the very
same park: same units, seed and day. The first to ask builds it into a cache
folder that every xdist worker of the run sees, under a file lock: another
worker asking for the same park meanwhile waits for that build rather than
building it again. Each test then gets a copy of its own, with its own device
id, so a test that writes disturbs no other.

Tests of the building itself (determinism, progress, cancelling, the CLI's
``demo`` command) still call ``build_demo`` or the CLI.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from filelock import FileLock

from demo import DemoSummary, build_demo
from store.files import side_files
from store.ids import uuid7

SharedDemo = Callable[..., DemoSummary]


def cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The run's folder that every xdist worker shares (their base temps' parent); without
    xdist, this process's own base temp, so no run ever reads an earlier run's park."""
    base = tmp_path_factory.getbasetemp()
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder = root / "shared-demo-parks"
    folder.mkdir(exist_ok=True)
    return folder


def built(folder: Path, units: int, seed: int, today: date) -> tuple[Path, DemoSummary]:
    """The cached park for these arguments, built here if no worker has built it yet."""
    name = f"demo-{units}-{seed}-{today.isoformat()}"
    path, facts = folder / f"{name}.leasemap", folder / f"{name}.json"
    with FileLock(folder / f"{name}.lock"):
        if not facts.exists():  # written last: a park whose build failed is built again
            for leftover in (path, *side_files(path)):
                leftover.unlink(missing_ok=True)
            summary = build_demo(path, units=units, seed=seed, today=today)
            # Closed, so its log is checkpointed in: the file alone is the whole park.
            assert not any(side.exists() for side in side_files(path)), path
            record = dataclasses.asdict(summary) | {"path": str(path)}
            facts.write_text(json.dumps(record), encoding="utf-8")
    record = json.loads(facts.read_text(encoding="utf-8"))
    return path, DemoSummary(**(record | {"path": Path(record["path"])}))


def own_copy(source: Path, target: Path) -> Path:
    """A copy of a closed workspace file that is a workspace of its own: a new device id,
    as ``Workspace.create`` gives every new file, so what a test writes into it is stamped
    as another device's edits, never as the original's."""
    shutil.copyfile(source, target)
    connection = sqlite3.connect(target)
    try:
        with connection:
            updated = connection.execute(
                "UPDATE workspace_meta SET value = ? WHERE key = 'device_id'",
                (uuid7().hex,)).rowcount
    finally:
        connection.close()
    assert updated == 1, f"{source} has no device id"
    return target


def shared_demo_factory(tmp_path_factory: pytest.TempPathFactory) -> SharedDemo:
    """What the ``shared_demo`` fixture hands out: see :func:`copy_of_demo`."""
    cache = cache_folder(tmp_path_factory)

    def copy_of_demo(target: Path, *, units: int = 1500, seed: int = 7,
                     today: date | None = None) -> DemoSummary:
        """The park ``build_demo(target, units=…, seed=…, today=…)`` writes, as a copy at
        ``target`` (which must not exist); its summary is the build's, with ``path`` the
        copy's. ``today`` defaults to the system date, as ``build_demo``'s does."""
        assert not target.exists(), target
        path, summary = built(cache, units, seed, today or date.today())
        return dataclasses.replace(summary, path=own_copy(path, target))

    return copy_of_demo
