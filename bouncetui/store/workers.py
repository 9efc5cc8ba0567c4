"""The store's decoding on worker processes: a window's messages as chunks on the shared pool.

The pool (bouncetui.workpool) starts in the background, is given up (with a logged warning) when
no worker can start, and is replaced when a worker dies; until it is usable, the scan decodes in
its own process. A message that kills a worker twice becomes a ScanError saying so.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import Future

from bouncetui.limits import Limits
from bouncetui.model import Bounce, ScanError
from bouncetui.pipeline import CRASHED, decode_raw
from bouncetui.sources import RawMessage
from bouncetui.store.records import encode
from bouncetui.workpool import Work, WorkerPool

CHUNKS_PER_WORKER = 4  # a window is cut into at least this many tasks per worker (none idles at its end) ...
CHUNK = (8, 32)  # ... of this many messages at least and at most (each task costs this process ~0.1 ms)
Result = list[Bounce] | ScanError | str  # a message's records, its error, or either encoded
Message = tuple[str, int, bytes]  # (origin, position, data): pickled faster than a RawMessage
# A task: messages, the limits, and the key of the limits when the answers are to be encoded.
Chunk = tuple[Sequence[Message], Limits, str | None]


def decode_chunk(messages: Sequence[Message], limits: Limits, encoded: str | None = None) -> list[Result]:
    """Each message's records or error; encoded for the cache (see records.encode) when `encoded`
    is the key of the limits: a string crosses between processes far cheaper than records."""
    results = (decode_raw(RawMessage(*message), limits) for message in messages)
    if encoded is None:
        return list(results)
    return [encode(result, encoded) for result in results]


def run_chunk(task: Chunk) -> list[Result]:
    """decode_chunk in a worker process."""
    return decode_chunk(*task)


def _here(task: Chunk) -> list[Result]:
    """decode_chunk in this process: records as they are (nothing to send back)."""
    messages, limits, _ = task
    return decode_chunk(messages, limits)


def _split(task: Chunk) -> list[Chunk]:
    messages, limits, encoded = task
    return [([message], limits, encoded) for message in messages]


def _crashed(task: Chunk) -> list[Result]:
    return [ScanError(message[0], message[1], CRASHED) for message in task[0]]


WORK: Work[Chunk, list[Result]] = Work(run_chunk, (), _here, _split, _crashed)


class Workers:
    """`jobs` decoding processes behind map()."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.pool: WorkerPool[Chunk, list[Result]] = WorkerPool(jobs, WORK)

    def usable(self) -> bool:
        """True once the workers answered (False while they start, or when they were given up)."""
        return self.pool.usable()

    def map(self, messages: Sequence[RawMessage], limits: Limits, encoded: str | None = None) -> Iterator[Result]:
        """Each message's records (or error), in order (see decode_chunk for `encoded`). Every chunk
        is sent at once; the results come as they are decoded, so the caller can emit the first
        while the workers decode the rest (or read what it sends next)."""
        plain = [(m.origin, m.position, m.data) for m in messages]
        size = min(CHUNK[1], max(CHUNK[0], len(plain) // (CHUNKS_PER_WORKER * self.jobs)))
        tasks: list[Chunk] = [(plain[i : i + size], limits, encoded) for i in range(0, len(plain), size)]
        return self._results(tasks, [self.pool.submit(task) for task in tasks])

    def _results(self, tasks: list[Chunk], futures: list[Future[list[Result]]]) -> Iterator[Result]:
        for task, future in zip(tasks, futures):
            for answer in self.pool.answers(future, task):
                yield from answer

    def terminate(self) -> None:
        self.pool.close()
