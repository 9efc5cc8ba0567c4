"""The worker pool on its own: answers in order from worker processes; a task whose worker died
is answered piece by piece, the piece that kills a worker again marked as crashed; workers that
cannot start leave every task to this process, with a warning; closing never hangs."""

from __future__ import annotations

import functools
import os
import threading
import time

import pytest

from bouncetui import collector, workpool

WAIT = 120.0  # seconds: far beyond a healthy start; a hang is caught, not waited on forever


def squares(task: list[int], offset: int) -> tuple[list[int], int]:
    """A worker's job: squares (plus offset) and the process that computed them; -1 kills it."""
    if -1 in task:
        os._exit(9)
    return [n * n + offset for n in task], os.getpid()


WORK = workpool.Work(
    squares, (1,), functools.partial(squares, offset=1), lambda task: [[n] for n in task],
    lambda task: (["crashed %d" % n for n in task], 0))


@pytest.fixture
def pool():
    made = workpool.WorkerPool(2, WORK)
    yield made
    closing = threading.Thread(target=made.close, daemon=True)
    closing.start()
    closing.join(WAIT)
    assert not closing.is_alive(), "closing the pool hung"


def test_tasks_are_answered_in_order_by_worker_processes(pool) -> None:
    assert pool.wait_started(WAIT) and pool.usable()
    tasks = [[n, n + 1] for n in range(0, 40, 2)]
    answers = [pool.answers(pool.submit(task), task) for task in tasks]
    assert [values for ((values, _),) in answers] == [[n * n + 1 for n in task] for task in tasks]
    assert os.getpid() not in {pid for ((_, pid),) in answers}


def test_a_task_whose_worker_died_is_answered_piece_by_piece(pool) -> None:
    assert pool.wait_started(WAIT)
    task = [2, -1, 3]
    answers = pool.answers(pool.submit(task), task)
    assert [values for values, _ in answers] == [[5], ["crashed -1"], [10]]
    assert all(pid not in (0, os.getpid()) for _, pid in (answers[0], answers[2]))
    after = [4]
    ((values, pid),) = pool.answers(pool.submit(after), after)  # a new pool took over
    assert values == [17] and pid != os.getpid() and pool.usable()


def test_when_the_pool_cannot_be_created_tasks_are_answered_here(monkeypatch, caplog) -> None:
    def broken():
        raise OSError("no processes left")

    monkeypatch.setattr(workpool, "context", broken)
    with caplog.at_level("WARNING"):
        made = workpool.WorkerPool(2, WORK)
        assert made.wait_started(WAIT) and made.in_process() and not made.usable()
        task = [3, 4]
        assert made.answers(made.submit(task), task) == [([10, 17], os.getpid())]
        made.close()
    assert "worker processes could not start (no processes left); decoding in this process" in caplog.text


def test_workers_that_never_answer_are_given_up_and_killed(monkeypatch, caplog) -> None:
    monkeypatch.setattr(workpool.WorkerPool, "initializer", (time.sleep, (3600,)))
    monkeypatch.setattr(workpool, "START_SECONDS", 1.0)
    with caplog.at_level("WARNING"):
        made = workpool.WorkerPool(2, WORK)
        assert made.wait_started(WAIT), "workers that never answered were waited on without end"
        assert made.in_process()
        task = [5]
        assert made.answers(made.submit(task), task) == [([26], os.getpid())]
    assert "no worker answered within 1 s" in caplog.text
    closing = threading.Thread(target=made.close, daemon=True)
    closing.start()
    closing.join(WAIT)
    assert not closing.is_alive(), "closing silent workers hung"


def test_closing_while_the_workers_start_does_not_wait_for_them(monkeypatch) -> None:
    monkeypatch.setattr(workpool.WorkerPool, "initializer", (time.sleep, (3600,)))
    made = workpool.WorkerPool(2, WORK)
    closing = threading.Thread(target=made.close, daemon=True)
    closing.start()
    closing.join(WAIT)
    assert not closing.is_alive(), "closing workers that were still starting hung"
    assert made.wait_started(WAIT), "a closed pool's start never ended"


def _managers() -> set[threading.Thread]:
    """The live management threads of process pools (one per executor with workers)."""
    from concurrent.futures.process import _ExecutorManagerThread

    return {t for t in threading.enumerate() if isinstance(t, _ExecutorManagerThread) and t.is_alive()}


@pytest.mark.parametrize("initializer", [(time.sleep, (3600,)), (workpool.warm, ())],
                         ids=["workers-never-answer", "workers-answer"])
def test_after_close_no_thread_of_the_pool_runs(monkeypatch, initializer) -> None:
    """A management thread still running at interpreter exit races the executor's exit handler
    (a 'Bad file descriptor' error printed at exit): close() returns only once it ended, whether
    the workers answered or were still starting (then they are killed, not waited for)."""
    monkeypatch.setattr(workpool.WorkerPool, "initializer", initializer)
    before = _managers()
    made = workpool.WorkerPool(2, WORK)
    deadline = time.monotonic() + WAIT
    while not _managers() - before and time.monotonic() < deadline:  # the workers were launched
        time.sleep(0.01)
    assert _managers() - before, "the pool never launched its workers"
    made.close()
    assert not _managers() - before, "a management thread of the closed pool still runs"
    assert not [t for t in threading.enumerate() if t.name == "bouncetui-workers"], "the start still runs"


def collection_state(task: list[int]) -> tuple[int, int]:
    """A worker's job: what its garbage collector sets aside and how often it collects."""
    import gc

    return gc.get_freeze_count(), gc.get_threshold()[0]


def test_a_worker_collects_garbage_as_a_head_less_command_does() -> None:
    """The decoders the fork server imported are set aside (frozen) in each worker and its youngest
    generation is collected every YOUNG allocations (a forked worker starts with Python's defaults)."""
    made = workpool.WorkerPool(1, workpool.Work(collection_state, (), collection_state, lambda t: [t],
                                                lambda t: (0, 0)))
    try:
        assert made.wait_started(WAIT) and made.usable()
        ((frozen, young),) = made.answers(made.submit([0]), [0])
    finally:
        made.close()
    assert frozen > 10_000 and young == collector.YOUNG
