"""Scanning on several processes gives the records of a one-process scan, in the same order.

Uses a Maildir big enough to start worker processes and a mailbox big enough (with the split
threshold lowered) to be cut into batches; and a worker that dies must cost no record.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

from bouncetui import pipeline, sources
from bouncetui.model import Bounce, ScanError
from bouncetui.sources import FileEntry
from tests.conftest import SAMPLE_MAIL, sample_mail_present

pytestmark = pytest.mark.skipif(not sample_mail_present(), reason="sample_mail/ not present")


def messages() -> list[bytes]:
    return [p.read_bytes() for p in sorted((SAMPLE_MAIL / "cur").iterdir()) if p.is_file()]


def as_rows(items: list[Bounce | ScanError]) -> list[tuple]:
    return [(i.origin, i.position, i.recipient, i.reason, i.token) if isinstance(i, Bounce)
            else ("error", i.origin, i.error) for i in items]


@pytest.fixture
def spool(tmp_path: Path) -> Path:
    """A Maildir of pipeline.POOL_MIN_FILES + 20 messages and, beside it, an mbox of 150."""
    seeds = messages()
    box = tmp_path / "spool"
    for sub in ("cur", "new", "tmp"):
        (box / "maildir" / sub).mkdir(parents=True)
    for i in range(pipeline.POOL_MIN_FILES + 20):
        (box / "maildir" / "cur" / ("%04d.msg:2,S" % i)).write_bytes(seeds[i % len(seeds)])
    with open(box / "mbox", "wb") as fh:
        for i in range(150):
            fh.write(b"From MAILER-DAEMON Thu Nov 26 08:00:00 2026\n" + seeds[i % len(seeds)].rstrip(b"\n") + b"\n\n")
    return box


def test_two_processes_give_the_one_process_records_in_order(spool: Path, monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "SPLIT_ABOVE", 64 * 1024)  # the mbox is split into batches
    monkeypatch.setattr(pipeline, "BATCH", 16)
    serial = list(pipeline.scan([str(spool)], jobs=1))
    mixed = list(pipeline.scan([str(spool)], jobs=2))  # this process decodes while workers start
    monkeypatch.setattr(pipeline._Workers, "is_ready", lambda self: all(p.result() for p in self.ready))
    parallel = list(pipeline.scan([str(spool)], jobs=2))  # every task on the workers
    assert as_rows(parallel) == as_rows(serial) == as_rows(mixed)
    mbox_positions = [i.position for i in parallel if isinstance(i, Bounce) and i.origin.endswith("mbox")]
    assert mbox_positions == sorted(mbox_positions) and mbox_positions[-1] == 150


def test_a_vanished_file_is_an_error_entry_in_its_place(spool: Path) -> None:
    entries = []
    for name in sorted(os.listdir(spool / "maildir" / "cur")):
        path = str(spool / "maildir" / "cur" / name)
        entries.append(FileEntry(path, os.path.getsize(path), 0.0))
    gone = entries[30].path
    os.unlink(gone)
    out = list(pipeline.scan_files(entries, jobs=2))
    assert [entry.path for entry, _ in out] == [e.path for e in entries]
    (error,) = out[30][1]
    assert isinstance(error, ScanError) and error.origin == gone


def test_a_dead_worker_costs_no_records(spool: Path) -> None:
    paths = [str(spool / "maildir" / "cur" / name) for name in sorted(os.listdir(spool / "maildir" / "cur"))[:3]]
    workers = pipeline._Workers(2, pipeline.DEFAULT)
    try:
        task = ("files", paths)
        dead = workers.pool.submit(os._exit, 1)  # the worker running it exits at once
        plan = [(FileEntry(p, 1, 0.0), True) for p in paths]
        got_plan, results = pipeline._collect((plan, task, dead), workers, pipeline.DEFAULT)
    finally:
        workers.close()
    assert got_plan == plan
    assert results == [pipeline.decode_file(p) for p in paths]


def test_a_small_scan_starts_no_workers(tmp_path: Path, monkeypatch) -> None:
    for i, data in enumerate(messages()[:5]):
        (tmp_path / ("%d.eml" % i)).write_bytes(data)

    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for five files")

    serial = list(pipeline.scan([str(tmp_path)], jobs=1))
    monkeypatch.setattr(pipeline, "_Workers", no_pool)
    assert as_rows(list(pipeline.scan([str(tmp_path)], jobs=4))) == as_rows(serial)
    assert serial


def test_a_big_mailbox_streams_its_records(spool: Path, monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "SPLIT_ABOVE", 64 * 1024)
    monkeypatch.setattr(pipeline, "BATCH", 16)
    decoded = []
    real = pipeline.decode

    def counting(raw, origin, position, *args):
        decoded.append(position)
        return real(raw, origin, position, *args)

    monkeypatch.setattr(pipeline, "decode", counting)
    items = pipeline.scan([str(spool / "mbox")], jobs=1)
    first = next(items)
    assert first.origin.endswith("mbox") and len(decoded) <= 16  # one batch, not the 150 messages
    assert len(list(items)) > 100


def test_a_mailbox_batch_whose_worker_died_is_decoded_again(spool: Path) -> None:
    """A batch of an mbox is sent as (offset, length) spans; when its worker dies, every message
    of it is decoded again one by one and none is lost."""
    path = str(spool / "mbox")
    spans = list(itertools.islice(sources.mbox_spans(path), 5))
    task = ("spans", (path, spans))
    workers = pipeline._Workers(2, pipeline.DEFAULT)
    try:
        dead = workers.pool.submit(os._exit, 1)
        plan = [(FileEntry(path, 1, 0.0), False)]
        got_plan, results = pipeline._collect((plan, task, dead), workers, pipeline.DEFAULT)
    finally:
        workers.close()
    assert got_plan == plan
    expected = pipeline.decode_messages(list(sources.read_file(path))[:5])
    assert results == [expected] and expected


def test_when_no_worker_can_start_the_scan_goes_on_in_this_process(spool: Path, monkeypatch, caplog) -> None:
    """Creating the pool fails (no processes left, no shared memory): every message is still
    decoded, in this process, and the reason is logged."""
    monkeypatch.setattr(pipeline, "POOL_MIN_FILES", 2)
    monkeypatch.setattr(pipeline, "TASK_FILES", 1)
    serial = list(pipeline.scan([str(spool / "maildir")], jobs=1))

    def broken():
        raise OSError("cannot start processes")

    monkeypatch.setattr(pipeline, "_context", broken)
    with caplog.at_level("WARNING", logger="bouncetui.pipeline"):
        parallel = list(pipeline.scan([str(spool / "maildir")], jobs=2))
    assert as_rows(parallel) == as_rows(serial) and serial
    assert "cannot start processes" in caplog.text


def _die() -> None:
    os._exit(3)


def test_workers_that_die_as_they_start_cost_no_record(spool: Path, monkeypatch) -> None:
    """Every worker dies in its initializer: the files are decoded here, none is reported as a
    crash (a crash is for a message that kills a worker that was running)."""
    import multiprocessing

    monkeypatch.setattr(pipeline, "POOL_MIN_FILES", 2)
    monkeypatch.setattr(pipeline, "TASK_FILES", 1)
    serial = list(pipeline.scan([str(spool / "maildir")], jobs=1))
    monkeypatch.setattr(pipeline, "_context", lambda: multiprocessing.get_context("fork"))
    monkeypatch.setattr(pipeline, "_warm", _die)
    parallel = list(pipeline.scan([str(spool / "maildir")], jobs=2))
    assert not [i for i in parallel if isinstance(i, ScanError)]
    assert as_rows(parallel) == as_rows(serial) and serial
