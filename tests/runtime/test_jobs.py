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
