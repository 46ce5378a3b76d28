"""UUIDv7 ids and the hybrid logical clock."""

from __future__ import annotations

import doctest
import itertools
import threading
import time
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import store.clock
from store.clock import MAX_COUNTER, HybridLogicalClock, Stamp
from store.ids import uuid7

# -- uuid7 ---------------------------------------------------------------------------


def test_uuid7_is_version_7_with_the_rfc_variant():
    for _ in range(1000):
        value = uuid7()
        assert value.version == 7
        assert value.variant == uuid.RFC_4122
        assert uuid.UUID(str(value)) == value


def test_uuid7_is_strictly_increasing_and_unique_over_100k_calls():
    ids = [uuid7() for _ in range(100_000)]
    ints = [u.int for u in ids]
    assert all(a < b for a, b in itertools.pairwise(ints))
    assert len(set(ids)) == len(ids)
    # Sorting as text (how they sit in SQLite and in logs) agrees with creation order.
    texts = [str(u) for u in ids]
    assert texts == sorted(texts)
    hexes = [u.hex for u in ids]
    assert hexes == sorted(hexes)


def test_uuid7_carries_the_creation_millisecond():
    before = time.time_ns() // 1_000_000
    value = uuid7()
    ms = value.int >> 80
    # The counter may borrow a millisecond ahead of the wall clock, never more than a few.
    assert before <= ms
    assert ms - before < 24 * 3600 * 1000


def test_uuid7_is_unique_across_threads():
    results: list[list[uuid.UUID]] = [[] for _ in range(4)]

    def work(out: list[uuid.UUID]) -> None:
        out.extend(uuid7() for _ in range(10_000))

    threads = [threading.Thread(target=work, args=(out,)) for out in results]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    every = [u for out in results for u in out]
    assert len(set(every)) == len(every)
    for out in results:  # each thread still sees its own ids increase
        assert all(a.int < b.int for a, b in itertools.pairwise(out))


# -- hybrid logical clock -------------------------------------------------------------

devices = st.text(alphabet="abcdef0123456789xyz", min_size=1, max_size=12)
wall_values = st.integers(min_value=0, max_value=10**14)
stamps = st.builds(
    Stamp,
    ms=st.integers(min_value=0, max_value=10**14),
    counter=st.integers(min_value=0, max_value=MAX_COUNTER),
    device=devices,
)


class ScriptedWall:
    """A wall clock that returns the values it is given, in order, then repeats the last."""

    def __init__(self, values: list[int]) -> None:
        self.values = list(values)
        self.last = self.values[0] if self.values else 0

    def __call__(self) -> int:
        if self.values:
            self.last = self.values.pop(0)
        return self.last


def test_the_module_examples_hold():
    assert doctest.testmod(store.clock).failed == 0


@given(st.lists(wall_values, min_size=1, max_size=60))
def test_now_is_monotonic_even_when_the_wall_clock_goes_backwards(walls):
    clock = HybridLogicalClock("dev", wall_ms=ScriptedWall(walls))
    issued = [clock.now() for _ in walls]
    assert all(a < b for a, b in itertools.pairwise(issued))
    parsed = [Stamp.parse(s) for s in issued]
    assert all(a < b for a, b in itertools.pairwise(parsed))
    # A stamp never runs behind the wall clock it was made with.
    assert all(p.ms >= w for p, w in zip(parsed, walls, strict=True))


@given(
    st.lists(
        st.tuples(wall_values, st.one_of(st.none(), stamps)),
        min_size=1,
        max_size=40,
    )
)
def test_observe_sorts_after_both_inputs(script):
    clock = HybridLogicalClock("local", wall_ms=ScriptedWall([w for w, _ in script]))
    previous = ""
    for _wall, remote in script:
        if remote is None:
            stamp = clock.now()
        else:
            stamp = clock.observe(str(remote))
            assert Stamp.parse(stamp) > remote
            assert Stamp.parse(stamp).ms >= remote.ms
        assert stamp > previous
        assert Stamp.parse(stamp).device == "local"
        previous = stamp


@given(stamps, stamps)
def test_text_order_is_stamp_order(a, b):
    assert (str(a) < str(b)) == (a < b)
    assert (str(a) == str(b)) == (a == b)
    assert Stamp.parse(str(a)) == a


@given(wall_values, st.integers(min_value=0, max_value=MAX_COUNTER))
def test_a_clock_resumes_after_its_last_stamp(wall, counter):
    last = str(Stamp(wall, counter, "dev"))
    clock = HybridLogicalClock("dev", last=last, wall_ms=lambda: max(0, wall - 5000))
    assert clock.now() > last


def test_the_counter_overflows_into_the_next_millisecond():
    clock = HybridLogicalClock(
        "dev", last=str(Stamp(1000, MAX_COUNTER - 1, "dev")), wall_ms=lambda: 1000
    )
    first, second, third = clock.now(), clock.now(), clock.now()
    assert Stamp.parse(first) == Stamp(1000, MAX_COUNTER, "dev")
    assert Stamp.parse(second) == Stamp(1001, 0, "dev")
    assert Stamp.parse(third) == Stamp(1001, 1, "dev")
    assert first < second < third


def test_a_device_id_with_a_dash_is_refused():
    with pytest.raises(ValueError, match="'-'"):
        HybridLogicalClock("dev-1")


@settings(max_examples=25)
@given(st.integers(min_value=2, max_value=6))
def test_the_clock_is_safe_across_threads(n_threads):
    clock = HybridLogicalClock("dev", wall_ms=lambda: 42)
    results: list[list[str]] = [[] for _ in range(n_threads)]

    def work(out: list[str]) -> None:
        out.extend(clock.now() for _ in range(500))

    threads = [threading.Thread(target=work, args=(out,)) for out in results]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    every = [s for out in results for s in out]
    assert len(set(every)) == len(every)


@settings(max_examples=50)
@given(st.lists(st.integers(min_value=0, max_value=5000), min_size=1, max_size=8),
       st.integers(min_value=0, max_value=MAX_COUNTER),
       st.integers(min_value=1, max_value=300))
def test_stamps_are_what_as_many_calls_of_now_give(walls, counter, count):
    """A bulk insert's stamps: increasing, each after the one before and after every
    stamp issued before them, across a counter overflow too, as ``now`` in a loop."""
    feed = itertools.chain(walls, itertools.repeat(walls[-1]))
    clock = HybridLogicalClock("dev", last=str(Stamp(1000, counter, "dev")),
                               wall_ms=lambda: next(feed))
    before = clock.now()
    stamps = clock.stamps(count)
    after = clock.now()
    assert len(stamps) == count == len(set(stamps))
    assert [before, *stamps, after] == sorted([before, *stamps, after])
    assert before < stamps[0] and stamps[-1] < after
    assert clock.stamps(0) == []
