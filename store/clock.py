"""Hybrid logical clock: wall-clock milliseconds, a counter and the device.

Stamps sort as text in causal order across devices (SYNC.md): a device folds
in every stamp it receives, so a later edit never sorts before one it has
seen, whatever the machines' clocks say.

>>> clock = HybridLogicalClock("dev1", wall_ms=lambda: 1000)
>>> clock.now()
'000000000001000-0000-dev1'
>>> clock.now()
'000000000001000-0001-dev1'
>>> clock.observe("000000000005000-0003-dev2")
'000000000005000-0004-dev1'
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

MAX_COUNTER = 0xFFFF


@dataclass(frozen=True, order=True)
class Stamp:
    ms: int
    counter: int
    device: str

    def __str__(self) -> str:
        return f"{self.ms:015d}-{self.counter:04x}-{self.device}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        ms, counter, device = text.split("-", 2)
        return cls(int(ms), int(counter, 16), device)


def _wall_ms() -> int:
    return time.time_ns() // 1_000_000


class HybridLogicalClock:
    def __init__(
        self,
        device: str,
        last: str | None = None,
        wall_ms: Callable[[], int] = _wall_ms,
    ) -> None:
        if "-" in device:
            raise ValueError("a device id in a stamp may not contain '-'")
        self.device = device
        self._wall = wall_ms
        self._lock = threading.Lock()
        parsed = Stamp.parse(last) if last else Stamp(0, 0, device)
        self._ms, self._counter = parsed.ms, parsed.counter

    def now(self) -> str:
        """A stamp later than every stamp this clock has issued or seen."""
        with self._lock:
            wall = self._wall()
            if wall > self._ms:
                self._ms, self._counter = wall, 0
            else:
                self._bump()
            # Stamp's text, without making a Stamp: a bulk insert stamps every row
            return f"{self._ms:015d}-{self._counter:04x}-{self.device}"

    def stamps(self, count: int) -> list[str]:
        """``count`` stamps, each later than the one before, as ``count`` calls of
        :meth:`now` in a row would give (the wall clock read once: a bulk insert stamps
        thousands of rows within its millisecond or two).

        >>> HybridLogicalClock("dev1", wall_ms=lambda: 1000).stamps(2)
        ['000000000001000-0000-dev1', '000000000001000-0001-dev1']
        """
        if count <= 0:
            return []
        with self._lock:
            out = []
            wall = self._wall()
            if wall > self._ms:
                self._ms, self._counter = wall, 0
            else:
                self._bump()
            device = self.device
            for _ in range(count - 1):
                out.append(f"{self._ms:015d}-{self._counter:04x}-{device}")
                self._bump()
            out.append(f"{self._ms:015d}-{self._counter:04x}-{device}")
            return out

    def observe(self, remote: str) -> str:
        """Fold in a stamp from elsewhere; returns the local stamp after it."""
        other = Stamp.parse(remote)
        with self._lock:
            wall = self._wall()
            top = max(wall, self._ms, other.ms)
            if top == self._ms == other.ms:
                self._counter = max(self._counter, other.counter)
                self._bump()
            elif top == self._ms:
                self._bump()
            elif top == other.ms:
                self._ms, self._counter = top, other.counter
                self._bump()
            else:
                self._ms, self._counter = top, 0
            return str(Stamp(self._ms, self._counter, self.device))

    def _bump(self) -> None:
        self._counter += 1
        if self._counter > MAX_COUNTER:
            self._ms, self._counter = self._ms + 1, 0
