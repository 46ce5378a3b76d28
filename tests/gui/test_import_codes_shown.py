"""The import wizard's report shows beside each room the code its unit will get.

A room labelled ``302,304`` becomes ``ZD-C-302-304``; an unlabelled one gets the
next free number (``ZD-C-03xx``): the codes shown are the ones the import writes.
"""

from __future__ import annotations

from sqlalchemy import select

from store.schema import Unit
from store.workspace import Workspace
from tests.gui.test_import_wizard import run_wizard, write_floor


def test_the_report_shows_the_codes_the_units_get(window, qtbot, small_park, tmp_path):
    plan_file = write_floor(tmp_path / "c3.dxf", [
        ("301 会议室", 0, 0, 10, 8),
        ("302,304", 10, 0, 22, 8),
    ])
    # and a room with no label at all
    import ezdxf

    doc = ezdxf.readfile(plan_file)
    doc.modelspace().add_lwpolyline([(22, 0), (30, 0), (30, 8), (22, 8)], close=True,
                                    dxfattribs={"layer": "房间"})
    doc.saveas(plan_file)

    wizard = run_wizard(window, qtbot, plan_file, "C")
    report = window.last_report
    rooms = {line.split()[0]: line for line in report.splitlines()
             if line.startswith("  ") and "m²" in line and "(" in line}
    qtbot.waitUntil(lambda: window.import_flow.last_changes is not None, timeout=30000)
    with Workspace.open(small_park.path) as ws, ws.reading() as session:
        written = set(session.scalars(select(Unit.code).where(Unit.code.like("ZD-C-%"))))
    shown = {line.split("→ ")[1].split()[0] for line in rooms.values() if "→ " in line}
    assert "→ ZD-C-302-304" in rooms["302,304"], report
    assert "→ ZD-C-301" in rooms["301"], report
    unlabelled = rooms["—"]
    assert "→ ZD-C-" in unlabelled, report
    assert shown == written and len(written) == 3, (shown, written)
    assert wizard.final_codes and {c for floor in wizard.final_codes for c in floor} == written
