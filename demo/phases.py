"""CPU time per phase of a demo build, for finding what to make faster.

Set ``LEASEMAP_DEMO_PHASES=1`` (``bench/demo_build.py --phases`` does) and
:func:`demo.build_demo` prints, on stderr, the processor time each phase took
(``time.process_time``: on a machine others share, wall time says little).
Off, a phase costs one dictionary lookup.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

ENV = "LEASEMAP_DEMO_PHASES"

_spent: dict[str, list[float]] = {}  # name → [CPU s, wall s]
_on = False


def start() -> None:
    """Begin a build's table (an empty one), if the environment asks for it."""
    global _on
    _on = bool(os.environ.get(ENV))
    _spent.clear()


@contextmanager
def phase(name: str) -> Iterator[None]:
    """Add the processor time of the block to ``name``'s (phases may nest: an inner
    phase's time is counted in the outer one too)."""
    if not _on:
        yield
        return
    cpu, wall = time.process_time(), time.perf_counter()
    try:
        yield
    finally:
        spent = _spent.setdefault(name, [0.0, 0.0])
        spent[0] += time.process_time() - cpu
        spent[1] += time.perf_counter() - wall


def report(cpu: float, wall: float) -> None:
    """Print the table (phases in the order they first ended), if on. Wall time beside
    CPU time shows where the build waits (on the disk, or on other processes)."""
    if not _on:
        return
    width = max((len(name) for name in _spent), default=5)
    lines = [f"{'phase':<{width}}   CPU s  wall s"]
    lines += [f"{name:<{width}}  {c:6.2f}  {w:6.2f}" for name, (c, w) in _spent.items()]
    lines.append(f"{'total':<{width}}  {cpu:6.2f}  {wall:6.2f}")
    print("\n".join(lines), file=sys.stderr, flush=True)
