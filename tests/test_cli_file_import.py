"""The file-import commands' shared shape (app.cli_file_import): their options, and the
first N refused lines listed with how many more there are."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from app.cli_file_import import FIRST, add_import_parser, add_problems, listed


def _parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="leasemap")
    sub = top.add_subparsers(dest="command")
    command = add_import_parser(sub, "things", "import things", "the things file", "thing")
    command.add_argument("--extra", action="store_true")
    add_problems(command, "refused things")
    return top


def test_the_options_every_file_import_takes(capsys):
    args = _parser().parse_args(["things", "a.csv", "--workspace", "w.leasemap"])
    assert (args.file, args.workspace, args.dry_run, args.json, args.problems) == (
        Path("a.csv"), Path("w.leasemap"), False, False, FIRST)
    args = _parser().parse_args(["things", "a.csv", "--workspace", "w", "--dry-run", "--json",
                                 "--extra", "--problems", "3"])
    assert (args.dry_run, args.json, args.extra, args.problems) == (True, True, True, 3)
    with pytest.raises(SystemExit):
        _parser().parse_args(["things", "--help"])
    said = " ".join(capsys.readouterr().out.split())
    assert "check every thing and report; write nothing" in said
    assert f"list the first N refused things (default {FIRST})" in said
    assert said.index("--extra") < said.index("--problems")  # the command's own in between


def test_the_first_lines_and_how_many_more():
    rows = list(range(1, 1206))
    lines = listed("The first {shown} of {count}:", "… and {count} more", rows, 2,
                   lambda r: f"row {r}")
    assert lines == ["The first 2 of 1205:", "  row 1", "  row 2", "  … and 1,203 more"]
    assert listed("h {shown} {count}", "m {count}", rows[:2], 5, str) == [
        "h 2 2", "  1", "  2"]
    assert listed("h", "m", rows, 0, str) == []  # --problems 0 lists nothing
    assert listed("h", "m", [], 5, str) == []
