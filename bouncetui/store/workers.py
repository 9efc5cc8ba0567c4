"""The store's decoding processes: started in the background, given up when they cannot start,
replaced when one dies; never waited on without a bound.

Workers are forked from a server that imported the decoders once (the pipeline's context). Until
the first of them answers, the scan decodes in its own process; workers that die while starting
(a broken environment, a failing initializer) or do not answer within START_SECONDS leave it
decoding there. A worker that dies while decoding (a crash, the out-of-memory killer) costs no
records: the messages of its batch are decoded again one by one in a new pool, and a message
that kills a worker twice becomes a ScanError.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from bouncetui.limits import Limits
from bouncetui.model import Bounce, ScanError
from bouncetui.pipeline import CRASHED, _context, _warm, decode_raw
from bouncetui.sources import RawMessage
from bouncetui.store.records import encode

START_SECONDS = 60.0  # workers that have not answered by then are given up
CHUNK = 8  # messages per task
Result = list[Bounce] | ScanError | str  # a message's records, its error, or either encoded
Message = tuple[str, int, bytes]  # (origin, position, data): pickled faster than a RawMessage


def decode_chunk(messages: Sequence[Message], limits: Limits, encoded: str | None = None) -> list[Result]:
    """Each message's records or error; encoded for the cache (see records.encode) when `encoded`
    is the key of the limits: a string crosses between processes far cheaper than records."""
    results = (decode_raw(RawMessage(*message), limits) for message in messages)
    if encoded is None:
        return list(results)
    return [encode(result, encoded) for result in results]


class Workers:
    """`jobs` decoding processes behind map(); see the module docstring."""

    # What each worker runs first (a test makes it fail): a function and its arguments.
    initializer: tuple[Callable[..., object], tuple] = (_warm, ())

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.pool: ProcessPoolExecutor | None = None
        self.ready = threading.Event()  # set once the workers answered, or were given up
        self.failed = False  # no workers here: the scan decodes in its own process
        self.closed = False
        self._lock = threading.Lock()
        threading.Thread(target=self._start, daemon=True, name="bouncetui-store-workers").start()

    def _start(self) -> None:
        try:
            pool = self._new_pool()
            with self._lock:
                if self.closed:  # the scan ended while the workers started
                    _abandon(pool)
                    return
                self.pool = pool
            if not self._answers(pool):
                self._give_up()
        finally:
            self.ready.set()

    def _new_pool(self) -> ProcessPoolExecutor:
        function, args = self.initializer
        return ProcessPoolExecutor(self.jobs, mp_context=_context(), initializer=function, initargs=args)

    @staticmethod
    def _answers(pool: ProcessPoolExecutor) -> bool:
        """True once a worker of `pool` answered; False if they died or stayed silent too long."""
        try:
            pool.submit(os.getpid).result(timeout=START_SECONDS)
            return True
        except Exception:  # noqa: BLE001 - BrokenProcessPool, a timeout, no processes on this system
            return False

    def _give_up(self) -> None:
        with self._lock:
            self.failed = True
            pool, self.pool = self.pool, None
        if pool is not None:
            _abandon(pool)

    def usable(self) -> bool:
        return self.ready.is_set() and not self.failed and self.pool is not None

    def map(self, messages: Sequence[RawMessage], limits: Limits, encoded: str | None = None) -> list[Result]:
        """Each message's records (or error), in order (see decode_chunk for `encoded`)."""
        plain = [(m.origin, m.position, m.data) for m in messages]
        chunks = [plain[i : i + CHUNK] for i in range(0, len(plain), CHUNK)]
        try:
            futures = [self.pool.submit(decode_chunk, chunk, limits, encoded)  # type: ignore[union-attr]
                       for chunk in chunks]
        except (BrokenProcessPool, RuntimeError, AttributeError):  # broken, or shut down meanwhile
            futures = []
        out: list[Result] = []
        for i, chunk in enumerate(chunks):
            try:
                out.extend(futures[i].result())
            except (BrokenProcessPool, IndexError):
                out.extend(self._one_by_one(chunk, limits, encoded))
        return out

    def _one_by_one(self, messages: Sequence[Message], limits: Limits, encoded: str | None) -> list[Result]:
        """Messages of a batch whose worker died (or that could not be sent): each in a new pool."""
        out: list[Result] = []
        for message in messages:
            pool = self._fresh()
            if pool is None:  # no workers any more: decode here
                out.append(decode_raw(RawMessage(*message), limits))
                continue
            try:
                out.append(pool.submit(decode_chunk, [message], limits, encoded).result()[0])
            except BrokenProcessPool:  # it killed a worker again
                out.append(ScanError(message[0], message[1], CRASHED))
        return out

    def _fresh(self) -> ProcessPoolExecutor | None:
        """A pool whose workers are alive (a new one if needed), or None when none will start."""
        with self._lock:
            pool = None if self.failed or self.closed else self.pool
        if pool is not None:
            try:
                pool.submit(os.getpid).result(timeout=START_SECONDS)
                return pool
            except Exception:  # noqa: BLE001 - broken: replaced below
                _abandon(pool)
        if self.failed or self.closed:
            return None
        pool = self._new_pool()
        with self._lock:
            self.pool = pool
        if self._answers(pool):
            return pool
        self._give_up()
        return None

    def terminate(self) -> None:
        with self._lock:
            self.closed = True
            pool, self.pool = self.pool, None
        if pool is None:
            return
        if self.ready.is_set() and not self.failed:
            # Waits only for the tasks already running (a few messages, each within the time budget).
            pool.shutdown(wait=True, cancel_futures=True)
        else:  # workers still starting (perhaps never to answer): not waited for
            _abandon(pool)


def _abandon(pool: ProcessPoolExecutor) -> None:
    """Stop a pool without waiting for its workers, which are killed (they may never answer)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        try:
            process.kill()
        except Exception:  # noqa: BLE001 - gone already
            pass
