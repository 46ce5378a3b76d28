"""Two processes on one workspace: the GUI's open file survives a CLI run beside it.

Closing any descriptor of a file drops every POSIX lock the process holds on
it. If the app reads a live workspace's header with a plain ``open()``, its
reader loses the lock that keeps another process from deleting the -wal and
-shm under it; edits and imports are then lost and the file is left
malformed. These tests run the real CLI in another process between edits
made through the app's own controller.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import ezdxf
import pytest

from store.files import SCHEMA_HEAD, inspect_file, is_open_here
from tests.small_park import TODAY, build_small_workspace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True, text=True
    )


def _drawing(path: Path, rooms: int) -> Path:
    """A one-floor DXF in metres: a row of labelled 6 × 5 m rooms."""
    doc = ezdxf.new("R2013", units=6)
    msp = doc.modelspace()
    for i in range(rooms):
        x = i * 6.0
        msp.add_lwpolyline([(x, 0), (x + 6, 0), (x + 6, 5), (x, 5)], close=True,
                           dxfattribs={"layer": "rooms"})
        msp.add_text(f"C-1{i + 1:02d}", dxfattribs={"layer": "text", "insert": (x + 1, 2)})
    doc.saveas(path)
    return path


def _check(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    return connection


@pytest.fixture
def controller(qapp, tmp_path):
    from app.controller import WorkspaceController

    park = build_small_workspace(tmp_path / "shared.leasemap")
    ctl = WorkspaceController()
    ctl.day = TODAY
    ctl.open(park.path)
    yield ctl
    ctl.close()


def _edit_all(ctl, note: str) -> dict[str, str]:
    """Set a note on every unit through the controller; the codes and notes it wrote."""
    written = {}
    for row in list(ctl.rows):
        ctl.edit_unit(row.id, "notes", f"{note} {row.code}")
        written[row.code] = f"{note} {row.code}"
    return written


def test_a_cli_import_between_gui_edits_loses_nothing(controller, tmp_path):
    path = controller.path
    first = _edit_all(controller, "before")
    assert is_open_here(path)
    assert inspect_file(path) == SCHEMA_HEAD  # read through SQLite: the reader keeps its lock

    drawing = _drawing(tmp_path / "c1.dxf", rooms=6)
    result = _cli("import", str(drawing), "--building", "C", "--workspace", str(path),
                  "--floor", "1")
    assert result.returncode == 0, result.stderr

    second = _edit_all(controller, "after")
    controller.edit_unit(controller.rows[0].id, "asking_rent", Decimal("77.5"))
    controller.reload()
    assert {r.building_code for r in controller.rows} >= {"A", "B"}
    controller.close()

    connection = _check(path)
    try:
        notes = dict(connection.execute(
            "SELECT u.code, u.notes FROM units u JOIN floors f ON f.id = u.floor_id "
            "JOIN buildings b ON b.id = f.building_id WHERE b.code != 'C'").fetchall())
        imported = {c for (c,) in connection.execute(
            "SELECT u.code FROM units u JOIN floors f ON f.id = u.floor_id "
            "JOIN buildings b ON b.id = f.building_id WHERE b.code = 'C'")}
        ops = connection.execute(
            "SELECT count(*) FROM outbox WHERE field = 'notes'").fetchone()[0]
    finally:
        connection.close()
    assert first.keys() == second.keys()
    assert notes == second
    assert len(imported) == 6
    assert ops == 2 * len(first)


def test_info_print_and_import_between_gui_edits(controller, tmp_path):
    path = controller.path
    _edit_all(controller, "one")
    info = _cli("info", str(path), "--on", TODAY.isoformat())
    assert info.returncode == 0, info.stderr
    _edit_all(controller, "two")
    pdf = tmp_path / "A.pdf"
    printed = _cli("print", "--building", "A", "-o", str(pdf), "--workspace", str(path),
                   "--on", TODAY.isoformat())
    assert printed.returncode == 0, printed.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    three = _edit_all(controller, "three")
    imported = _cli("import", str(_drawing(tmp_path / "c.dxf", rooms=3)), "--building", "C",
                    "--workspace", str(path), "--floor", "2")
    assert imported.returncode == 0, imported.stderr
    info = _cli("info", str(path))
    assert info.returncode == 0, info.stderr
    four = _edit_all(controller, "four")
    controller.close()

    connection = _check(path)
    try:
        notes = dict(connection.execute(
            "SELECT u.code, u.notes FROM units u JOIN floors f ON f.id = u.floor_id "
            "JOIN buildings b ON b.id = f.building_id WHERE b.code != 'C'").fetchall())
        count = connection.execute(
            "SELECT count(*) FROM units u JOIN floors f ON f.id = u.floor_id "
            "JOIN buildings b ON b.id = f.building_id "
            "WHERE b.code = 'C' AND f.level = 2").fetchone()[0]
        ops = connection.execute(
            "SELECT count(*) FROM outbox WHERE field = 'notes'").fetchone()[0]
    finally:
        connection.close()
    assert three.keys() == four.keys()
    assert notes == four
    assert count == 3
    assert ops == 4 * len(four)


_LOCKED_BY_OTHERS = """
import fcntl, sys
with open(sys.argv[1], "rb+") as f:
    try:  # SQLite's shared-lock bytes: a reader holds them while its connection is open
        fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB, 510, 0x40000002)
    except OSError:
        print("locked")
    else:
        print("free")
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX record locks")
def test_inspecting_a_file_a_reader_holds_keeps_the_readers_lock(tmp_path):
    park = build_small_workspace(tmp_path / "held.leasemap")
    reader = sqlite3.connect(park.path)  # any connection, not one the store registered
    try:
        assert reader.execute("SELECT count(*) FROM units").fetchone() == (8,)

        def others_see() -> str:
            out = subprocess.run([sys.executable, "-c", _LOCKED_BY_OTHERS, str(park.path)],
                                 capture_output=True, text=True, check=True)
            return out.stdout.strip()

        assert others_see() == "locked"
        assert is_open_here(park.path)
        assert inspect_file(park.path) == SCHEMA_HEAD
        from store.workspace import Workspace

        Workspace.open(park.path).close()
        assert others_see() == "locked", "the reader's lock survived the checks"
    finally:
        reader.close()
    assert not is_open_here(park.path)
    assert inspect_file(park.path) == SCHEMA_HEAD
