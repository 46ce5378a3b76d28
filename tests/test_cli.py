"""The command line: headless commands give clear messages and exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, **kw) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True, text=True, **kw
    )


def test_info_on_a_file_that_is_not_a_workspace(tmp_path):
    bad = tmp_path / "plan.dxf"
    bad.write_text("0\nSECTION\n", encoding="utf-8")
    result = run("info", str(bad))
    assert result.returncode == 2
    assert "not a Leasemap workspace" in result.stderr
    assert bad.read_text(encoding="utf-8") == "0\nSECTION\n"


def test_info_on_a_missing_file(tmp_path):
    result = run("info", str(tmp_path / "nowhere.leasemap"))
    assert result.returncode == 2
    assert "no such file" in result.stderr


def test_demo_then_info(tmp_path):
    path = tmp_path / "demo.leasemap"
    built = run("demo", str(path), "--units", "200")
    assert built.returncode == 0, built.stderr
    assert "built" in built.stdout and path.exists()
    again = run("demo", str(path), "--units", "200")
    assert again.returncode == 2 and "exists" in again.stderr
    info = run("info", str(path), "--on", "2026-11-22")
    assert info.returncode == 0, info.stderr
    assert "ZD" in info.stdout and "occupancy" in info.stdout


def test_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0
    for command in ("gui", "demo", "info"):
        assert command in result.stdout
