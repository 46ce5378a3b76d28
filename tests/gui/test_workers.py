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


def test_a_finished_task_lets_go_of_its_work_and_callbacks(qtbot):
    """The pool keeps every runnable it ran: what a task holds must be freed when it ends.

    Freed by reference counting in the GUI thread, with the collector off: left
    to the collector, a QObject could be deleted on a worker's thread.
    """
    import gc
    import weakref

    from PySide6.QtWidgets import QWidget

    from app.workers import progress_dialog

    class Held:  # stands for a drawing or a flow the work and the callback close over
        pass

    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner()
    results: list[object] = []
    gc.disable()
    try:
        held, callback_held = Held(), Held()
        work_ref, callback_ref = weakref.ref(held), weakref.ref(callback_held)

        def work(job, held=held):
            job.step(1, 1)
            return "done"

        def succeeded(result, held=callback_held):
            results.append(result)

        task = runner.start(work, succeeded, lambda m, t: None,
                            progress=progress_dialog(parent, "t", "l"))
        del held, callback_held, work, succeeded
        qtbot.waitUntil(lambda: results == ["done"])
        qtbot.waitUntil(lambda: work_ref() is None and callback_ref() is None)
        assert task.done.is_set()
    finally:
        gc.enable()
