"""A flow's reads into its window (app.latest_read): the latest read's answer is shown, an
earlier one's dropped even when it comes last, and nothing after the window or the
workspace went; a failure is said like an answer. Real pool threads, offscreen."""

from __future__ import annotations

import threading

from app.latest_read import LatestRead
from app.workers import TaskRunner


def _held(release: threading.Event, answer: object):
    def work(_job):
        release.wait()
        return answer
    return work


def test_the_latest_read_wins_even_when_an_earlier_one_answers_last(qtbot):
    runner, reads = TaskRunner(), LatestRead()
    shown: list[object] = []
    said: list[str] = []
    first, second = threading.Event(), threading.Event()
    reads.start(runner, _held(first, "old"), shown.append, said.append)
    reads.start(runner, _held(second, "new"), shown.append, said.append)
    second.set()
    qtbot.waitUntil(lambda: shown == ["new"])
    first.set()  # the superseded read answers after the latest: dropped
    qtbot.waitUntil(lambda: runner.running() == 0)
    assert (shown, said) == (["new"], [])


def test_nothing_is_shown_once_dropped_or_the_window_gone(qtbot):
    runner, reads = TaskRunner(), LatestRead()
    shown: list[object] = []
    release = threading.Event()
    reads.start(runner, _held(release, "a"), shown.append, shown.append)
    reads.drop()  # the workspace closed
    release.set()
    qtbot.waitUntil(lambda: runner.running() == 0)
    window = {"open": True}
    gate = threading.Event()
    reads.start(runner, _held(gate, "b"), shown.append, shown.append,
                alive=lambda: window["open"])
    window["open"] = False  # its window closed
    gate.set()
    qtbot.waitUntil(lambda: runner.running() == 0)
    assert shown == []


def test_a_failed_read_is_said(qtbot):
    runner, reads = TaskRunner(), LatestRead()
    shown: list[object] = []
    said: list[str] = []

    def work(_job):
        raise OSError("disk gone")

    reads.start(runner, work, shown.append, said.append)
    qtbot.waitUntil(lambda: runner.running() == 0 and bool(said))
    assert shown == [] and "disk gone" in said[0]
