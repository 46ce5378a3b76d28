"""UUIDv7 ids made on the client (RFC 9562), sortable by creation time.

Python 3.11 has no ``uuid.uuid7``; this is the RFC's method 1: a 48-bit
millisecond timestamp, a 12-bit counter that keeps ids made in the same
millisecond increasing, and 62 random bits.
"""

from __future__ import annotations

import os
import threading
import time
import uuid

_lock = threading.Lock()
_last_ms = 0
_counter = 0
# Random bytes drawn from the OS a block at a time: one system call per id was most
# of the cost of making the ids of a large insert. A forked child draws its own.
_BLOCK = 8 * 512
_pool = b""
_at = 0
_new_uuid, _set = uuid.UUID.__new__, object.__setattr__
_UNKNOWN = uuid.SafeUUID.unknown


def _forget_pool() -> None:
    global _pool, _at
    _pool, _at = b"", 0


os.register_at_fork(after_in_child=_forget_pool)


def _random(n: int) -> int:
    global _pool, _at
    if _at + n > len(_pool):
        _pool, _at = os.urandom(_BLOCK), 0
    chunk = _pool[_at:_at + n]
    _at += n
    return int.from_bytes(chunk, "big")


def uuid7() -> uuid.UUID:
    global _last_ms, _counter
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms > _last_ms:
            _last_ms, _counter = ms, _random(2) & 0x1FF
        else:
            _counter += 1
            if _counter > 0xFFF:  # counter overflow: borrow the next millisecond
                _last_ms, _counter = _last_ms + 1, 0
            ms = _last_ms
        rand_b = _random(8) & ((1 << 62) - 1)
        value = (ms << 80) | (0x7 << 76) | (_counter << 64) | (0b10 << 62) | rand_b
    made = _new_uuid(uuid.UUID)  # uuid.UUID(int=value) without its checks of what it is given
    _set(made, "int", value)
    _set(made, "is_safe", _UNKNOWN)
    return made
