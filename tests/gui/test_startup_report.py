"""What bench/startup.py reads: the window's time, then its first rows' time, then it quits.

The command line preloads the workspace while the window's modules load, so
its rows can arrive during the window's very first paint; they must count
then, and not at a later read.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_first_rows_are_reported_after_the_window_and_the_app_quits(small_park, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LEASEMAP_EXIT_AFTER_SHOW="1",
               LEASEMAP_SETTINGS=str(tmp_path / "settings.ini"))
    out = subprocess.run([sys.executable, "-m", "app", str(small_park.path), "--lang", "zh_CN"],
                         cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    lines = [line.split() for line in out.stdout.splitlines()]
    marks = [line[0] for line in lines if line and line[0] in ("window", "shown")]
    assert marks == ["window", "shown"]
    window = next(float(line[1]) for line in lines if line[:1] == ["window"])
    shown = next(line for line in lines if line[:1] == ["shown"])
    assert float(shown[1]) >= window
    assert shown[2:] == ["rows", str(len(small_park.unit_codes))]  # the park's own rows


def test_rows_shown_before_the_window_is_reported_count_once_it_is(qtbot, settings,
                                                                   small_park, capsys):
    """The race a preloaded read wins: its rows are on screen before the window's time."""
    from app.gui import _watch_first_rows, create_window, make_app

    window = create_window(settings, language="en")
    qtbot.addWidget(window)
    quits: list[bool] = []
    window_printed = _watch_first_rows(make_app(), window, done=lambda: quits.append(True))
    window.open_workspace(small_park.path)  # its rows emitted now, before the window's time
    assert window.controller.rows
    assert "shown" not in capsys.readouterr().out and not quits
    window_printed()
    out = capsys.readouterr().out.split()
    assert out[0] == "shown" and out[2:] == ["rows", str(len(window.controller.rows))]
    assert quits == [True]
    window.controller.refresh_rows()  # a later read is not reported again
    assert capsys.readouterr().out == "" and quits == [True]
    window.close()
