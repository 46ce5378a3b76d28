"""A file written whole or not at all: the new content replaces the old only once it is
complete, and a failure leaves neither half a file nor the hidden part behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from runtime.files import written_whole


def test_the_file_appears_whole_when_the_block_ends(tmp_path: Path):
    target = tmp_path / "statement.xlsx"
    with written_whole(str(target)) as partial:
        assert partial.parent == tmp_path and partial.name == ".statement.xlsx.part"
        partial.write_bytes(b"new")
        assert not target.exists()  # nothing under the name until it is complete
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["statement.xlsx"]


def test_a_failed_write_leaves_the_file_there_before_and_no_part(tmp_path: Path):
    target = tmp_path / "ageing.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(OSError, match="disk full"), written_whole(target) as partial:
        partial.write_bytes(b"half")
        raise OSError("disk full")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ageing.xlsx"]


def test_nothing_written_is_said_by_the_mover(tmp_path: Path):
    """The block wrote nothing: moving it into place fails, and no file appears."""
    target = tmp_path / "letter.pdf"
    with pytest.raises(FileNotFoundError), written_whole(target):
        pass
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_is_not_there_is_an_os_error(tmp_path: Path):
    with pytest.raises(OSError), written_whole(tmp_path / "gone" / "x.pdf") as partial:
        partial.write_bytes(b"x")
    assert list(tmp_path.iterdir()) == []
