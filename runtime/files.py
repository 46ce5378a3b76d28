"""A file written whole or not at all: an export, a statement, a letter.

The file is written beside its name first (hidden: ``.<name>.part``) and moved into
place when it is complete, so a failed or cancelled write leaves no half a file under
either name, and a file there before stays as it was until the new one replaces it.
The standard library only; any layer may use it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def written_whole(target: Path | str) -> Iterator[Path]:
    """The path to write ``target``'s content to; it becomes ``target`` when the block
    ends, and is removed when the block raises (the error goes on)."""
    final = Path(target)
    partial = final.with_name(f".{final.name}.part")
    try:
        yield partial
        os.replace(partial, final)
    finally:
        partial.unlink(missing_ok=True)
