"""Decoding on a Dask cluster: the scan of `pipeline.scan`, its work spread over many machines.

    bouncetui scan --dask tcp://scheduler.example.net:8786 /var/mail/bounces

This process lists and reads the mail (the workers need no access to it) and sends the messages
to the cluster in batches; the workers decode them with the same code as a local scan and send
the records back. The output is the one a local scan gives, in the same order: results are taken
in submission order, with a bounded number of batches in flight, so memory stays flat on any
size of spool. The cache is not used. Workers need this version of bouncetui installed
(`pip install 'bouncetui[dask]'`); it is checked before the first batch is sent.

Start a cluster with one thread per worker process (decoding is pure Python):

    dask scheduler                                   # on one machine
    dask worker tcp://scheduler:8786 --nworkers auto --nthreads 1   # on each of the others

The --max-* limits apply on the workers as in a local scan (the time budget too: Dask runs tasks
in threads, where a watchdog enforces it).
"""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Iterable, Iterator

from bouncetui import __version__
from bouncetui.limits import DEFAULT, Limits
from bouncetui.model import Bounce, ScanError
from bouncetui.pipeline import decode_messages
from bouncetui.sources import RawMessage, describe_error, iter_files, read_file, read_stream

BATCH_MESSAGES = 64  # messages per task ...
BATCH_BYTES = 1024 * 1024  # ... or fewer when they are big: Dask ships each task's data
IN_FLIGHT = 4  # batches queued per worker thread
Item = Bounce | ScanError


class ClusterError(Exception):
    """The cluster cannot be used: Dask is not installed, unreachable, or runs another version."""


def worker_version() -> str:
    return __version__


def connect(address: str, timeout: float = 20.0):
    """A dask.distributed Client of the scheduler at `address` that runs this bouncetui version."""
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError("--dask needs Dask: pip install 'bouncetui[dask]'") from None
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ClusterError("cannot reach the Dask scheduler at %s: %s" % (address, exc)) from None
    try:
        versions = set(client.run(worker_version).values())
    except Exception as exc:  # a worker without bouncetui cannot even unpickle the function
        client.close()
        raise ClusterError("the Dask workers cannot run bouncetui: %s" % exc) from None
    if not versions:
        client.close()
        raise ClusterError("the Dask cluster at %s has no workers" % address)
    if versions != {__version__}:
        client.close()
        raise ClusterError("the Dask workers run bouncetui %s, this is %s"
                           % (", ".join(sorted(versions)), __version__))
    return client


def batches(paths: Iterable[str], limits: Limits = DEFAULT) -> Iterator[list[RawMessage] | list[Item]]:
    """The messages under `paths` in scan order, in batches to decode (across files), and lists
    of read errors in their place."""
    batch = _Batch()
    for path in paths:
        if path == "-":
            yield from batch.read(read_stream(sys.stdin.buffer, "-"), "-")
            continue
        listed = list(iter_files(path))  # listing errors first, as pipeline.scan gives them
        errors = [entry for entry in listed if isinstance(entry, ScanError)]
        if errors:
            yield from batch.flush()
            yield errors
        for entry in listed:
            if not isinstance(entry, ScanError):
                yield from batch.read(read_file(entry.path, limits.max_bytes), entry.path)
    yield from batch.flush()


class _Batch:
    """Messages gathered until a batch is full."""

    def __init__(self) -> None:
        self.messages: list[RawMessage] = []
        self.size = 0

    def read(self, messages: Iterator[RawMessage], origin: str) -> Iterator[list[RawMessage] | list[Item]]:
        try:
            for message in messages:
                self.messages.append(message)
                self.size += len(message.data)
                if len(self.messages) >= BATCH_MESSAGES or self.size >= BATCH_BYTES:
                    yield from self.flush()
        except Exception as exc:  # as pipeline.decode_file: what was read is decoded, then the error
            yield from self.flush()
            yield [ScanError(origin, 0, describe_error(exc))]

    def flush(self) -> Iterator[list[RawMessage]]:
        if self.messages:
            yield self.messages
            self.messages, self.size = [], 0


def scan(paths: str | Iterable[str], client, limits: Limits = DEFAULT) -> Iterator[Item]:
    """Every record and error under `paths`, decoded by the workers of `client`, in scan order."""
    if isinstance(paths, str):
        paths = [paths]
    threads = max(1, sum(client.nthreads().values()))
    window: deque = deque()
    try:
        for unit in batches(paths, limits):
            if unit and isinstance(unit[0], RawMessage):
                window.append((unit, client.submit(decode_messages, unit, limits, pure=False)))
            else:
                window.append((unit, None))
            while len(window) > threads * IN_FLIGHT or (window and window[0][1] is None):
                yield from _result(*window.popleft())
        while window:
            yield from _result(*window.popleft())
    finally:
        pending = [future for _, future in window if future is not None]
        if pending:
            client.cancel(pending)


def _result(unit: list, future) -> list[Item]:
    if future is None:
        return unit
    try:
        return future.result()
    except Exception as exc:  # the batch killed its workers (KilledWorker) or the cluster went away
        reason = "not decoded on the cluster: %s: %s" % (type(exc).__name__, exc)
        return [ScanError(m.origin, m.position, reason) for m in unit]
