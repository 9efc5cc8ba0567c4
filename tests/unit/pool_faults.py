"""Faults and waits shared by the tests of the worker pool's users (the scan and the store).

A worker process is made to die the way a crash or the out-of-memory killer would end it, and each
pool a test creates can be waited on until it has started, with a bound instead of a sleep.
"""

from __future__ import annotations

import os

import pytest

from bouncetui import pipeline, workpool

WAIT = 120.0  # seconds: far beyond a healthy start (a few); a hang is caught, not waited on forever
POISON = b"X-Poison: yes\n"  # a message holding this makes the worker decoding it die (see poisoned)


def poisoned() -> None:
    """Worker start-up: decoding a message that holds POISON ends the worker process (as a crash
    or the out-of-memory killer would)."""
    real = pipeline.decode

    def dying(raw, *args, **kwargs):
        if POISON in raw:
            os._exit(9)
        return real(raw, *args, **kwargs)

    pipeline.decode = dying


@pytest.fixture
def started_workers(monkeypatch) -> list[workpool.WorkerPool]:
    """Each pool a scan creates has started (its workers answered, or were given up) before the
    scan goes on: every task then meets workers that are up (or given up), not merely slow ones."""
    made: list[workpool.WorkerPool] = []
    real = workpool.WorkerPool.__init__

    def start_and_wait(self, *args, **kwargs):
        real(self, *args, **kwargs)
        assert self.wait_started(WAIT), "the workers' start was waited on without end"
        made.append(self)

    monkeypatch.setattr(workpool.WorkerPool, "__init__", start_and_wait)
    return made
