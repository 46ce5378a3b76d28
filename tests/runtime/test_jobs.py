"""Long jobs: progress, cancel, and the garbage collector held while they allocate."""

from __future__ import annotations

import gc

import pytest

from runtime.jobs import Cancelled, Job, gc_paused


def test_step_reports_until_cancelled():
    seen = []
    job = Job(report=lambda done, total, message: seen.append((done, total, message)))
    job.step(1, 3, "a")
    job.cancel()
    with pytest.raises(Cancelled):
        job.step(2, 3, "b")
    assert seen == [(1, 3, "a")] and job.cancelled


def test_gc_paused_restores_the_collector_even_on_error():
    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        assert not gc.isenabled()
        raise RuntimeError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()


def test_gc_paused_can_move_what_it_made_to_the_oldest_generation():
    """With ``promote`` what was made in the pause is in the oldest generation at once (the
    next young collection does not walk it); without, it is still young."""
    gc.collect()
    with gc_paused(promote=True):
        kept = [[n] for n in range(2000)]
    oldest = {id(x) for x in gc.get_objects(generation=2)}
    assert gc.isenabled() and all(id(x) in oldest for x in kept)
    assert gc.get_freeze_count() == 0  # frozen only for the move
    with gc_paused():
        young = [[n] for n in range(2000)]
    oldest = {id(x) for x in gc.get_objects(generation=2)}
    assert not any(id(x) in oldest for x in young)
    gc.disable()
    try:
        with gc_paused(promote=True):
            later = [[n] for n in range(2000)]
        assert not gc.isenabled()  # it was off before: it stays off, nothing moved
        oldest = {id(x) for x in gc.get_objects(generation=2)}
        assert not any(id(x) in oldest for x in later)
    finally:
        gc.enable()
