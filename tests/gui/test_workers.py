"""Background tasks report progress, can be cancelled, and never lose a failure."""

from __future__ import annotations

import threading

from app.workers import TaskRunner


def test_task_reports_progress_and_result(qtbot):
    runner = TaskRunner()
    seen: list[tuple[int, int, str]] = []
    results: list[object] = []
    threads: list[str] = []

    def work(job):
        threads.append(threading.current_thread().name)
        for i in range(5):
            job.step(i + 1, 5, f"step {i + 1}")
        return "done"

    task = runner.start(work, results.append, lambda m, t: None)
    task.signals.progress.connect(lambda d, t, m: seen.append((d, t, m)))
    qtbot.waitUntil(lambda: results == ["done"])
    assert threads and threads[0] != threading.main_thread().name
    assert runner.running() == 0


def test_cancel_stops_the_work(qtbot):
    runner = TaskRunner()
    started = threading.Event()
    release = threading.Event()
    cancelled: list[bool] = []
    finished: list[object] = []

    def work(job):
        started.set()
        release.wait(5)
        for i in range(1000):
            job.step(i, 1000)
        return "should not finish"

    task = runner.start(work, finished.append, lambda m, t: None, lambda: cancelled.append(True))
    assert started.wait(5)
    task.cancel()
    release.set()
    qtbot.waitUntil(lambda: cancelled == [True])
    assert finished == []


def test_failure_reaches_the_gui_with_its_message(qtbot):
    runner = TaskRunner()
    failures: list[tuple[str, str]] = []

    def work(job):
        raise ValueError("the bank file has no amount column")

    runner.start(work, lambda r: None, lambda m, t: failures.append((m, t)))
    qtbot.waitUntil(lambda: len(failures) == 1)
    message, trace = failures[0]
    assert message == "the bank file has no amount column"
    assert "ValueError" in trace
