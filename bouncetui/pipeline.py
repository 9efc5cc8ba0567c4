"""The scan: every message under some paths, decoded into Bounce records, errors kept.

    for item in scan(["~/Maildir"], jobs=2):
        if isinstance(item, ScanError): report it; else: a Bounce

A message that makes a decoder fail becomes a ScanError naming its origin; the scan goes on.
Decoding runs on every core (`jobs`, default: all) in worker processes; output order is the
input order whatever the number of jobs. Small message files are decoded by the workers straight
from their paths; a big mailbox file is split here and its messages sent in batches.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Iterable, Iterator

from bouncetui.decode import decode
from bouncetui.limits import DEFAULT, LimitExceeded, Limits, time_budget
from bouncetui.model import Bounce, ScanError
from bouncetui.sources import FileEntry, RawMessage, describe_error, iter_files, iter_messages, read_file

Result = list[Bounce | ScanError]
# Files bigger than this are split in the parent process so their messages spread over the workers.
SPLIT_ABOVE = 4 * 1024 * 1024
BATCH = 64
# Below this many files a pool costs more than it saves.
POOL_MIN_FILES = 48
# Tasks handed to the pool at a time: enough to keep every core busy, few enough to bound memory.
WINDOW = 512


def decode_raw(item: RawMessage, limits: Limits = DEFAULT) -> list[Bounce] | ScanError:
    """Decode one message; any failure becomes a ScanError instead of an exception."""
    try:
        with time_budget(limits.seconds):
            return decode(item.data, item.origin, item.position, limits)
    except LimitExceeded as exc:
        return ScanError(item.origin, item.position, "not decoded: %s" % exc)
    except RecursionError:
        return ScanError(item.origin, item.position, "message nested too deeply to decode")
    except Exception as exc:  # a decoder bug must not stop the scan or lose the message
        return ScanError(item.origin, item.position, "cannot decode: %s: %s" % (type(exc).__name__, exc))


def decode_messages(items: Iterable[RawMessage], limits: Limits = DEFAULT) -> Result:
    out: Result = []
    for item in items:
        result = decode_raw(item, limits)
        if isinstance(result, ScanError):
            out.append(result)
        else:
            out.extend(result)
    return out


def decode_file(path: str, limits: Limits = DEFAULT) -> Result:
    """Every record in one file (a message or a mailbox); a read failure as a ScanError.

    Messages read before a failure (a truncated compressed mailbox) are still decoded.
    """
    out: Result = []
    try:
        for message in read_file(path, limits.max_bytes):
            out.extend(decode_messages([message], limits))
    except Exception as exc:  # OSError, a corrupt compressed file, a vanished file
        out.append(ScanError(path, 0, describe_error(exc)))
    return out


def _task(task: tuple[str, object, Limits]) -> Result:
    kind, payload, limits = task
    if kind == "file":
        return decode_file(payload, limits)  # type: ignore[arg-type]
    if kind == "error":
        path, message = payload  # type: ignore[misc]
        return [ScanError(path, 0, message)]
    return decode_messages(payload, limits)  # type: ignore[arg-type]


def _tasks(entries: Iterable[FileEntry], limits: Limits) -> Iterator[tuple[FileEntry, tuple, bool]]:
    """(entry, task, whether it is the entry's last task), in order; big mailboxes in batches."""
    for entry in entries:
        if entry.size <= SPLIT_ABOVE:
            yield entry, ("file", entry.path, limits), True
            continue
        batch: list[RawMessage] = []
        try:
            for message in read_file(entry.path, limits.max_bytes):
                batch.append(message)
                if len(batch) == BATCH:
                    yield entry, ("raw", batch, limits), False
                    batch = []
        except Exception as exc:
            yield entry, ("raw", batch, limits), False
            yield entry, ("error", (entry.path, describe_error(exc)), limits), True
            continue
        yield entry, ("raw", batch, limits), True


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def scan_files(entries: Iterable[FileEntry], jobs: int | None = None,
               limits: Limits = DEFAULT) -> Iterator[tuple[FileEntry, Result]]:
    """(file, its records and errors) for every file, in input order, decoded on `jobs` cores.

    Work goes to the pool a window at a time, so memory stays bounded on any number of files
    and the first records come out before the last file is listed.
    """
    jobs = default_jobs() if jobs is None else max(1, jobs)
    stream = iter(entries)
    first = list(itertools.islice(stream, POOL_MIN_FILES))
    if jobs == 1 or (len(first) < POOL_MIN_FILES and sum(e.size for e in first) <= SPLIT_ABOVE):
        for entry in itertools.chain(first, stream):
            yield entry, decode_file(entry.path, limits)
        return
    planned = _tasks(itertools.chain(first, stream), limits)
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        pending: Result = []
        while True:
            window = list(itertools.islice(planned, WINDOW))
            if not window:
                break
            results = pool.imap(_task, [task for _, task, _ in window], chunksize=4)
            for (entry, _task_, last), result in zip(window, results):
                pending.extend(result)
                if last:
                    yield entry, pending
                    pending = []


def scan(paths: str | Iterable[str], jobs: int | None = 1,
         limits: Limits = DEFAULT) -> Iterator[Bounce | ScanError]:
    """Bounce records and ScanError entries for every message under `paths`, in order."""
    if isinstance(paths, str):
        paths = [paths]
    for path in paths:
        if path == "-":
            for item in iter_messages(path):
                yield from decode_messages([item], limits) if isinstance(item, RawMessage) else [item]
            continue
        files: list[FileEntry] = []
        for entry in iter_files(path):
            if isinstance(entry, ScanError):
                yield entry
            else:
                files.append(entry)
        for _entry, result in scan_files(files, jobs, limits):
            yield from result
