"""The scan: every message under some paths, decoded into Bounce records, errors kept.

    for item in scan(["~/Maildir"], jobs=2):
        if isinstance(item, ScanError): report it; else: a Bounce

A message that makes a decoder fail becomes a ScanError naming its origin; the scan goes on.
Decoding runs on every core (`jobs`, default: all) in worker processes; output order is the
input order whatever the number of jobs. Small message files go to the workers by path, a few per
task; in a big mailbox file this process only finds where each message starts (bytes.find over
large blocks) and sends the workers the path and (offset, length) of a batch of messages, which
they read themselves: sending the messages' bytes made this process the bottleneck of a scan of a
big mbox (splitting, copying and pickling about 4.5 kB per message while the workers waited). A bounded number of tasks
is in flight at any time, so memory stays flat on any number of messages.

Starting worker processes costs about as much as decoding a few hundred messages, so a scan of a
few files starts none; a bigger one starts them as soon as it has listed that many files, and this
process decodes the first files itself while they start (the explorer's first rows come sooner).
A scan writing JSON Lines (`text`) waits for them instead, and takes each message's records from
them as the text of their lines (see run_text): importing the decoders here, encoding every record
and rebuilding it from a pickle made this process take a fifth of the CPU of a 12,000-file scan.
Tasks grow from a few files to GROWTH times that: each costs this process a round trip.

A worker that dies (a crash, the out-of-memory killer) costs no records: its tasks are decoded
again file by file in a new pool, and a file that kills a worker twice becomes a ScanError (the
pool, its start and its recovery: bouncetui.workpool, which the store's cold load shares).
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import operator
import os
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from bouncetui.limits import DEFAULT, LimitExceeded, Limits, time_budget
from bouncetui.model import Bounce, ScanError
from bouncetui.sources import (
    FileEntry,
    RawMessage,
    describe_error,
    iter_files,
    iter_messages,
    mbox_spans,
    read_file,
    read_spans,
)

if TYPE_CHECKING:  # the process pool's modules are imported when a pool is started
    from concurrent.futures import Future

    from bouncetui.store.records import CachedLines
    from bouncetui.workpool import WorkerPool

Result = list[Bounce | ScanError]
# Files bigger than this are split in the parent process so their messages spread over the workers.
SPLIT_ABOVE = 4 * 1024 * 1024
BATCH = 64  # messages of a split mailbox in its first task
TASK_FILES = 8  # small files in the first task ...
TASK_BYTES = 1024 * 1024  # ... or fewer when they are big
# Each task is twice as big as the one before, up to this many times the first: a task costs this
# process (its sending, its answer, the pool's threads waking) about as much as decoding a few
# messages there, and the first tasks stay small so that the first records come out soon.
GROWTH = 8
# Below this many files (and one small mailbox at most) a pool costs more than it saves.
POOL_MIN_FILES = 48
IN_FLIGHT = 6  # tasks queued per worker: keeps every core busy and bounds memory
PATIENCE = 5.0  # seconds a scan writing lines waits for its workers' start before decoding here
CRASHED = "decoding made the worker process die (a crash or the out-of-memory killer)"


_decoder = None


def decode(raw: bytes, origin: str = "", position: int = 1, limits: Limits = DEFAULT) -> list[Bounce]:
    """bouncetui.decode.decode, whose modules are imported on the first message decoded: a rescan
    answered from the cache decodes nothing, and importing every decoder takes longer than it."""
    global _decoder
    if _decoder is None:
        from bouncetui.decode import decode as imported

        _decoder = imported
    return _decoder(raw, origin, position, limits)


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


# A task: ("files", [path, ...]), ("spans", (path, [(position, offset, length), ...]): messages of
# an uncompressed mbox, read by the worker) or ("raw", [(origin, position, data), ...]: messages of
# a compressed mailbox as plain tuples, pickled in half the time of RawMessage objects); it gives
# one Result per unit (per file, or one for the batch). Its plan pairs each unit with (entry, whether the unit
# completes that entry).
Task = tuple[str, list]
Plan = list[tuple[FileEntry, bool]]


def run_task(task: Task, limits: Limits = DEFAULT) -> list[Result]:
    kind, payload = task
    if kind == "files":
        return [decode_file(path, limits) for path in payload]
    if kind == "spans":
        path, spans = payload
        try:
            return [decode_messages(list(read_spans(path, spans)), limits)]
        except Exception as exc:  # the file vanished or shrank since it was split
            return [[ScanError(path, spans[0][0], describe_error(exc))]]
    return [decode_messages([RawMessage(*item) for item in payload], limits)]


# A record on its way back from a worker: the tuple of its field values, in Bounce's order. A
# worker pickles it in a third of the time of the dataclass (whose pickling calls Python code per
# record) and the scanning process unpickles and rebuilds it in half the time.
_VALUES = operator.attrgetter(*(field.name for field in dataclasses.fields(Bounce)))


def run_packed(task: Task, limits: Limits = DEFAULT) -> list[list]:
    """run_task in a worker process: the records packed as tuples (see unpack)."""
    return [[_VALUES(item) if type(item) is Bounce else item for item in result]
            for result in run_task(task, limits)]


def unpack(packed: list[list]) -> list[Result]:
    return [[Bounce(*item) if type(item) is tuple else item for item in result] for result in packed]


# A message's records as the text of their JSON Lines lines, for a scan that writes JSON Lines:
# (origin, position, the lines between position and end, "\n" between records; backscatter as
# the spam tag alone decides it), what store.records.CachedLines writes and marks. A worker sends
# this instead of records: encoding lines is then done on every core, and a line crosses between
# processes for a fraction of what a record costs to pickle and rebuild.
Text = tuple[str, int, str]


def run_text(task: Task, limits: Limits = DEFAULT) -> list[list[Text | ScanError]]:
    """run_task in a worker process, each message's records as Text (errors as they are)."""
    from bouncetui.classify.backscatter import spam_tag
    from bouncetui.formats import record_tail

    out: list[list[Text | ScanError]] = []
    for result in run_task(task, limits):
        items: list[Text | ScanError] = []
        for item in result:
            if type(item) is not Bounce:
                items.append(item)
                continue
            line = record_tail(item, bool(spam_tag(item.subject)))
            last = items[-1] if items else None
            if type(last) is tuple and last[1] == item.position and last[0] == item.origin:
                items[-1] = (last[0], last[1], last[2] + "\n" + line)  # the same message's next record
            else:
                items.append((item.origin, item.position, line))
        out.append(items)
    return out


def plan_tasks(entries: Iterable[FileEntry], limits: Limits) -> Iterator[tuple[Plan, Task | Result]]:
    """(plan, task) in input order: small files grouped, big mailboxes split into batches (both
    growing task by task, see GROWTH).

    A mailbox that fails part-way gives a finished Result (its error) instead of a task.
    """
    group: Plan = []
    size = 0
    scale = 1
    for entry in entries:
        if entry.size <= SPLIT_ABOVE:
            group.append((entry, True))
            size += entry.size
            if len(group) >= TASK_FILES * scale or size >= TASK_BYTES * scale:
                yield group, ("files", [e.path for e, _ in group])
                group, size, scale = [], 0, min(scale * 2, GROWTH)
            continue
        if group:
            yield group, ("files", [e.path for e, _ in group])
            group, size = [], 0
        yield from _plan_mailbox(entry, limits)
    if group:
        yield group, ("files", [e.path for e, _ in group])


def _plan_mailbox(entry: FileEntry, limits: Limits) -> Iterator[tuple[Plan, Task | Result]]:
    """The tasks of one big file: batches of (offset, length) spans of an uncompressed mbox (each
    twice the one before, up to GROWTH times BATCH), or batches of BATCH messages read here (a
    compressed mailbox: their bytes are sent), or the file itself (one message)."""
    try:
        spans = mbox_spans(entry.path, limits.max_bytes)
    except OSError:
        spans = None  # read_file tells the error (or finds a Maildir message that moved)
    if spans is not None:
        batch: list[tuple[int, int, int]] = []
        size = BATCH
        try:
            for span in spans:
                batch.append(span)
                if len(batch) == size:
                    yield [(entry, False)], ("spans", (entry.path, batch))
                    batch, size = [], min(size * 2, BATCH * GROWTH)
        except Exception as exc:
            if batch:
                yield [(entry, False)], ("spans", (entry.path, batch))
            yield [(entry, True)], [ScanError(entry.path, 0, describe_error(exc))]
            return
        yield [(entry, True)], ("spans", (entry.path, batch)) if batch else ("raw", [])
        return
    batch_raw: list[tuple[str, int, bytes]] = []
    try:
        for message in read_file(entry.path, limits.max_bytes):
            batch_raw.append((message.origin, message.position, message.data))
            if len(batch_raw) == BATCH:
                yield [(entry, False)], ("raw", batch_raw)
                batch_raw = []
    except Exception as exc:
        if batch_raw:
            yield [(entry, False)], ("raw", batch_raw)
        yield [(entry, True)], [ScanError(entry.path, 0, describe_error(exc))]
        return
    yield [(entry, True)], ("raw", batch_raw)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def scan_files(entries: Iterable[FileEntry], jobs: int | None = None,
               limits: Limits = DEFAULT) -> Iterator[tuple[FileEntry, Result]]:
    """(file, its records and errors) for every file, in input order, decoded on `jobs` cores.

    Work goes to the workers a few tasks at a time, so memory stays bounded on any number of
    files and the first records come out before the last file is listed. (A file's records are
    held until the file is done: `scan` streams a big mailbox's records as they come.)
    """
    yield from _by_file(_units(entries, jobs, limits))


def _units(entries: Iterable[FileEntry], jobs: int | None, limits: Limits, text: bool = False,
           pool: WorkerPool | None = None) -> Iterator[tuple[Plan, list[Result]]]:
    """(plan, one Result per unit) for every task, in input order, on `jobs` processes (with
    `text`, a worker's records come as Text: see run_text); `pool`: one started already (see
    start_pool), closed here."""
    jobs = default_jobs() if jobs is None else max(1, jobs)
    stream = iter(entries)
    first = list(itertools.islice(stream, POOL_MIN_FILES))
    planned = plan_tasks(itertools.chain(first, stream), limits)
    if not wants_pool(first, jobs):
        for plan, task in planned:
            yield plan, [task] if isinstance(task, list) else run_task(task, limits)
        return
    yield from _parallel(planned, jobs, limits, text, pool)


def wants_pool(first: list[FileEntry], jobs: int) -> bool:
    """Whether a scan whose first files (POOL_MIN_FILES of them, or all) are `first` starts workers."""
    return jobs > 1 and (len(first) >= POOL_MIN_FILES or sum(e.size for e in first) > SPLIT_ABOVE)


def start_pool(jobs: int, limits: Limits, text: bool = False) -> WorkerPool:
    """The workers of a scan, started (in the background) before its files are all listed."""
    from bouncetui.workpool import Work, WorkerPool

    # With `text`, records decoded here stay records (see _collect).
    work = (Work(run_text, (limits,), functools.partial(run_task, limits=limits), split_task, crashed_task)
            if text else
            Work(run_packed, (limits,), functools.partial(run_packed, limits=limits), split_task, crashed_task))
    return WorkerPool(jobs, work)


def _by_file(units: Iterator[tuple[Plan, list[Result]]]) -> Iterator[tuple[FileEntry, Result]]:
    """Join the units of each file (a split mailbox comes in batches) into one result per file."""
    pending: Result = []
    for plan, results in units:
        for (entry, last), result in zip(plan, results):
            pending.extend(result)
            if last:
                yield entry, pending
                pending = []


def _parallel(planned: Iterator[tuple[Plan, Task | Result]], jobs: int, limits: Limits, text: bool = False,
              pool: WorkerPool | None = None) -> Iterator[tuple[Plan, list[Result]]]:
    """The tasks' results in order: a window of futures on the worker pool (this process decodes
    the first tasks while the workers start, and all of them if none can start).

    A scan writing lines (`text`) waits for the workers instead, up to PATIENCE seconds: decoding
    here would first import and compile every decoder (about what decoding 500 messages costs a
    worker) to decode the few dozen messages that come before the workers answer, and on a busy
    machine its CPU is taken from the workers' start.
    """
    if pool is None:
        pool = start_pool(jobs, limits, text)
    patient = text
    window: deque[tuple[Plan, Task, Future | list[Result]]] = deque()
    try:
        for plan, task in planned:
            if isinstance(task, list):  # already a result (a mailbox that could not be read)
                window.append((plan, ("raw", []), [task]))
            elif not window and not pool.started() and not (patient and pool.wait_started(PATIENCE)):
                patient = False  # a start this slow: this process works meanwhile
                yield plan, run_task(task, limits)
                continue
            elif pool.in_process():
                window.append((plan, task, run_task(task, limits)))
            else:
                window.append((plan, task, pool.submit(task)))
            while len(window) > jobs * IN_FLIGHT or (window and isinstance(window[0][2], list)):
                yield _collect(window.popleft(), pool, text)
        while window:
            yield _collect(window.popleft(), pool, text)
    finally:
        pool.close()


def _collect(slot: tuple[Plan, Task, Future | list[Result]], pool: WorkerPool,
             text: bool = False) -> tuple[Plan, list[Result]]:
    plan, task, outcome = slot
    if isinstance(outcome, list):  # a result already
        return plan, outcome
    answers = pool.answers(outcome, task)
    units = [unit for answer in answers for unit in (answer if text else unpack(answer))]
    if task[0] != "files":  # one unit for the whole batch, even when decoded message by message
        units = [[record for unit in units for record in unit]]
    return plan, units


def split_task(task: Task) -> list[Task]:
    """A task's files (or messages), one task each: how a task whose worker died is decoded again."""
    kind, payload = task
    if kind == "spans":
        path, spans = payload
        return [(kind, (path, [span])) for span in spans]
    return [(kind, [item]) for item in payload]


def crashed_task(task: Task) -> list[list]:
    """The answer for a one-file (or one-message) task that made a worker die twice."""
    kind, payload = task
    where = (payload[0], 0) if kind == "files" else (payload[0], payload[1][0][0]) if kind == "spans" else payload[0][:2]
    return [[ScanError(*where, CRASHED)]]


def scan(paths: str | Iterable[str], jobs: int | None = 1, limits: Limits = DEFAULT,
         text: bool = False) -> Iterator[Bounce | ScanError | CachedLines]:
    """Bounce records and ScanError entries for every message under `paths`, in order.

    With `text` (a scan writing JSON Lines), the records decoded by worker processes come as
    groups of their lines' text (store.records.CachedLines, which classify.backscatter.mark marks
    and formats.write_jsonl writes), the others as Bounce records.
    """
    if isinstance(paths, str):
        paths = [paths]
    workers = default_jobs() if jobs is None else max(1, jobs)
    for path in paths:
        if path == "-":
            for item in iter_messages(path):
                yield from decode_messages([item], limits) if isinstance(item, RawMessage) else [item]
            continue
        files: list[FileEntry] = []
        pool = None
        try:
            for entry in iter_files(path):
                if isinstance(entry, ScanError):
                    yield entry
                    continue
                files.append(entry)
                # The workers start while the rest is listed (12,000 files: about 0.1 s).
                if pool is None and len(files) <= POOL_MIN_FILES and wants_pool(files, workers):
                    pool = start_pool(workers, limits, text)
            units = _units(files, workers, limits, text, pool)
            if text:
                yield from _grouped(units)
                continue
            for _plan, results in units:  # record by record, not file by file
                for result in results:
                    yield from result
        finally:
            if pool is not None:
                pool.close()


def _grouped(units: Iterator[tuple[Plan, list[Result]]]) -> Iterator[Bounce | ScanError | CachedLines]:
    """A task's Text messages as one group of lines, in their place among its other items."""
    from bouncetui.store.records import CachedLines

    for _plan, results in units:
        messages: list[Text] = []
        for result in results:
            for item in result:
                if type(item) is tuple:
                    messages.append(item)
                    continue
                if messages:
                    yield CachedLines(messages)
                    messages = []
                yield item
        if messages:
            yield CachedLines(messages)
