"""Scanning on several processes gives the records of a one-process scan, in the same order.

Uses a Maildir big enough to start worker processes and a mailbox big enough (with the split
threshold lowered) to be cut into batches. A message that kills its worker is reported as an
error while every other message is decoded; workers that cannot start leave the scan decoding in
this process, with a warning.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bouncetui import formats, pipeline, workpool
from bouncetui.classify import backscatter
from bouncetui.model import Bounce, ScanError
from bouncetui.sources import FileEntry
from tests.conftest import SAMPLE_MAIL, sample_mail_present
from tests.unit.pool_faults import POISON, WAIT, poisoned

pytestmark = pytest.mark.skipif(not sample_mail_present(), reason="sample_mail/ not present")



def messages() -> list[bytes]:
    return [p.read_bytes() for p in sorted((SAMPLE_MAIL / "cur").iterdir()) if p.is_file()]


def as_rows(items: list[Bounce | ScanError]) -> list[tuple]:
    return [(i.origin, i.position, i.recipient, i.reason, i.token) if isinstance(i, Bounce)
            else ("error", i.origin, i.position, i.error) for i in items]


def mbox_message(data: bytes) -> bytes:
    return b"From MAILER-DAEMON Thu Nov 26 08:00:00 2026\n" + data.rstrip(b"\n") + b"\n\n"


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
            fh.write(mbox_message(seeds[i % len(seeds)]))
    return box


@pytest.fixture
def split_mbox(monkeypatch) -> None:
    """The test mbox is big enough to be cut into batches of (offset, length) spans."""
    monkeypatch.setattr(pipeline, "SPLIT_ABOVE", 64 * 1024)
    monkeypatch.setattr(pipeline, "BATCH", 16)




def test_two_processes_give_the_one_process_records_in_order(spool: Path, split_mbox, monkeypatch) -> None:
    serial = list(pipeline.scan([str(spool)], jobs=1))
    mixed = list(pipeline.scan([str(spool)], jobs=2))  # this process decodes while workers start
    assert as_rows(mixed) == as_rows(serial)
    mbox_positions = [i.position for i in serial if isinstance(i, Bounce) and i.origin.endswith("mbox")]
    assert mbox_positions == sorted(mbox_positions) and mbox_positions[-1] == 150


def test_with_the_workers_up_every_message_is_decoded_by_them_in_order(
        spool: Path, split_mbox, started_workers, monkeypatch) -> None:
    serial = list(pipeline.scan([str(spool)], jobs=1))
    here: list[int] = []
    real = pipeline.decode

    def counting(raw, *args, **kwargs):  # decoding in this process (workers have the real one)
        here.append(1)
        return real(raw, *args, **kwargs)

    monkeypatch.setattr(pipeline, "decode", counting)
    parallel = list(pipeline.scan([str(spool)], jobs=2))
    assert len(started_workers) == 1
    assert as_rows(parallel) == as_rows(serial) and serial
    assert here == []


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


def test_a_file_that_kills_its_worker_is_an_error_and_every_other_file_is_decoded(
        spool: Path, started_workers, monkeypatch) -> None:
    folder = spool / "maildir"
    names = sorted(os.listdir(folder / "cur"))
    poison = folder / "cur" / names[20]
    serial = as_rows(list(pipeline.scan([str(folder)], jobs=1)))
    poison.write_bytes(POISON + poison.read_bytes())
    monkeypatch.setattr(workpool.WorkerPool, "initializer", (poisoned, ()))
    got = as_rows(list(pipeline.scan([str(folder)], jobs=2)))
    crashed = ("error", str(poison), 0, pipeline.CRASHED)
    assert [row for row in got if row[0] == "error"] == [crashed]
    assert got == ([row for row in serial if row[0] < str(poison)] + [crashed]  # in its file's place
                   + [row for row in serial if row[0] > str(poison)])


def test_a_mailbox_message_that_kills_its_worker_is_an_error_in_its_place(
        spool: Path, split_mbox, started_workers, monkeypatch) -> None:
    """A batch of an mbox is sent as (offset, length) spans; when its worker dies, its messages
    are decoded again one by one: only the one that kills a worker again is lost."""
    seeds = messages()
    path = spool / "mbox"
    with open(path, "wb") as fh:
        for i in range(150):
            fh.write(mbox_message((POISON if i == 40 else b"") + seeds[i % len(seeds)]))
    monkeypatch.setattr(workpool.WorkerPool, "initializer", (poisoned, ()))
    got = as_rows(list(pipeline.scan([str(path)], jobs=2)))
    serial = as_rows(list(pipeline.scan([str(path)], jobs=1)))  # the poison harms no one here
    crashed = ("error", str(path), 41, pipeline.CRASHED)
    assert [row for row in got if row[0] == "error"] == [crashed]
    assert got == [row for row in serial if row[1] < 41] + [crashed] + [row for row in serial if row[1] > 41]


def test_a_small_scan_starts_no_workers(tmp_path: Path, monkeypatch) -> None:
    for i, data in enumerate(messages()[:5]):
        (tmp_path / ("%d.eml" % i)).write_bytes(data)

    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for five files")

    serial = list(pipeline.scan([str(tmp_path)], jobs=1))
    monkeypatch.setattr(workpool, "WorkerPool", no_pool)
    assert as_rows(list(pipeline.scan([str(tmp_path)], jobs=4))) == as_rows(serial)
    assert serial


def test_a_big_mailbox_streams_its_records(spool: Path, split_mbox, monkeypatch) -> None:
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


def test_when_the_pool_cannot_be_created_the_scan_goes_on_in_this_process(
        spool: Path, monkeypatch, caplog) -> None:
    """Creating the pool fails (no processes left, no shared memory): every message is still
    decoded, in this process, and the reason is logged."""
    monkeypatch.setattr(pipeline, "POOL_MIN_FILES", 2)
    monkeypatch.setattr(pipeline, "TASK_FILES", 1)
    serial = list(pipeline.scan([str(spool / "maildir")], jobs=1))

    def broken():
        raise OSError("cannot start processes")

    monkeypatch.setattr(workpool, "context", broken)
    with caplog.at_level("WARNING"):
        parallel = list(pipeline.scan([str(spool / "maildir")], jobs=2))
    assert as_rows(parallel) == as_rows(serial) and serial
    assert "worker processes could not start (cannot start processes); decoding in this process" in caplog.text


def test_workers_that_die_as_they_start_cost_no_record(spool: Path, started_workers, monkeypatch, caplog) -> None:
    """Every worker dies in its initializer: the files are decoded here with a warning, none is
    reported as a crash (a crash is for a message that kills a worker that was running)."""
    monkeypatch.setattr(pipeline, "TASK_FILES", 1)
    serial = list(pipeline.scan([str(spool / "maildir")], jobs=1))
    monkeypatch.setattr(workpool.WorkerPool, "initializer", (os._exit, (3,)))
    with caplog.at_level("WARNING"):
        parallel = list(pipeline.scan([str(spool / "maildir")], jobs=2))
    assert not [i for i in parallel if isinstance(i, ScanError)]
    assert as_rows(parallel) == as_rows(serial) and serial
    assert "worker processes could not start" in caplog.text and len(started_workers) == 1


def jsonl(items, own: tuple[str, ...] = ()) -> str:
    out = io.StringIO()
    formats.write_jsonl(backscatter.mark(items, own), out)
    return out.getvalue()


@pytest.fixture
def tagged(spool: Path) -> Path:
    """The spool with a spam tag in the subjects of every third Maildir message."""
    for i, path in enumerate(sorted((spool / "maildir" / "cur").iterdir())):
        if i % 3 == 0:
            path.write_bytes(path.read_bytes().replace(b"\nSubject: ", b"\nSubject: [SPAM] "))
    return spool


@pytest.mark.parametrize("own", [(), ("shop.example.jp",)])
def test_lines_the_workers_write_are_the_lines_of_the_records(tagged: Path, split_mbox, started_workers, own) -> None:
    """A scan writing JSON Lines takes the workers' records as their text: the lines, and how the
    spam tag and the own domains (given, or inferred from the first records) mark them, are those
    of the records decoded here."""
    serial = jsonl(pipeline.scan([str(tagged)], jobs=1), own)
    items = list(pipeline.scan([str(tagged)], jobs=2, text=True))
    assert {type(item).__name__ for item in items} == {"CachedLines"}  # the workers decoded every file
    assert jsonl(items, own) == serial
    assert '"backscatter":true' in serial and '"backscatter":false' in serial
    assert serial.count("\n") > pipeline.POOL_MIN_FILES + 150


def test_lines_around_a_file_that_kills_its_worker_keep_their_place(spool: Path, started_workers, monkeypatch) -> None:
    folder = spool / "maildir"
    poison = folder / "cur" / sorted(os.listdir(folder / "cur"))[20]
    own = ("example.co.jp",)
    serial = jsonl(pipeline.scan([str(folder)], jobs=1), own).splitlines(keepends=True)
    poison.write_bytes(POISON + poison.read_bytes())
    monkeypatch.setattr(workpool.WorkerPool, "initializer", (poisoned, ()))
    items = list(pipeline.scan([str(folder)], jobs=2, text=True))
    errors = [(i, item) for i, item in enumerate(items) if isinstance(item, ScanError)]
    assert [(e.origin, e.error) for _, e in errors] == [(str(poison), pipeline.CRASHED)]
    before, after = jsonl(items[: errors[0][0]], own), jsonl(items[errors[0][0] + 1 :], own)
    assert before + after == "".join(line for line in serial if str(poison) not in line)
    assert before.count("\n") == sum(str(poison) > line.split('"')[3] for line in serial)


def test_tasks_start_small_and_grow_every_file_once_in_order(tmp_path: Path, split_mbox) -> None:
    """The first task is small (its records come out soon); later ones grow up to GROWTH times it
    (each task costs the scanning process a round trip); no file or message is left out or repeated."""
    entries = [FileEntry(str(tmp_path / ("%04d" % i)), 100, 0.0) for i in range(1000)]
    tasks = [task for _, task in pipeline.plan_tasks(entries, pipeline.DEFAULT)]
    sizes = [len(task[1]) for task in tasks]
    first = pipeline.TASK_FILES
    assert sizes[:4] == [first, 2 * first, 4 * first, 8 * first] and max(sizes) == first * pipeline.GROWTH
    assert [path for task in tasks for path in task[1]] == [entry.path for entry in entries]

    seeds = messages()
    path = tmp_path / "big.mbox"
    with open(path, "wb") as fh:
        for i in range(1200):
            fh.write(mbox_message(seeds[i % len(seeds)]))
    planned = list(pipeline.plan_tasks([FileEntry(str(path), path.stat().st_size, 0.0)], pipeline.DEFAULT))
    batches = [len(task[1][1]) for _, task in planned]
    assert batches[:3] == [16, 32, 64] and max(batches) == 16 * pipeline.GROWTH
    assert [span[0] for _, task in planned for span in task[1][1]] == list(range(1, 1201))
    assert [last for plan, _ in planned for _, last in plan] == [False] * (len(planned) - 1) + [True]


def test_a_scan_writing_lines_leaves_the_decoding_to_the_workers(spool: Path, monkeypatch) -> None:
    """This process does not import the decoders to decode the first messages while the workers
    start (it waits for them, up to PATIENCE seconds), and its lines are the records' lines."""
    serial = jsonl(pipeline.scan([str(spool)], jobs=1))
    here: list[int] = []
    real = pipeline.decode

    def counting(raw, *args, **kwargs):  # decoding in this process (workers have the real one)
        here.append(1)
        return real(raw, *args, **kwargs)

    monkeypatch.setattr(pipeline, "decode", counting)
    monkeypatch.setattr(pipeline, "PATIENCE", WAIT)
    assert jsonl(pipeline.scan([str(spool)], jobs=2, text=True)) == serial
    assert here == []


def test_the_command_line_forks_its_workers_server_and_writes_each_line_once(spool: Path) -> None:
    """The command line starts its workers' fork server as a fork of itself: lines it wrote before
    (a first, small path decoded here, still in the output buffer: with own domains given, no
    record waits for the domains to be inferred) come out once, not again at each worker's exit,
    and the command ends with its output closed (nothing it forked lingers)."""
    single = str(next(path for path in sorted((SAMPLE_MAIL / "cur").iterdir())
                      if pipeline.decode(path.read_bytes())))  # a bounce: its records come first
    command = [sys.executable, "-m", "bouncetui", "scan", "--no-cache", "--format", "jsonl",
               "--own-domain", "example.com"]

    env = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}

    def run(*args: str) -> bytes:
        proc = subprocess.run([*command, *args, single, str(spool / "maildir")], capture_output=True,
                              timeout=WAIT, cwd=spool, env=env)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    expected = run("--jobs", "1")
    assert run("--jobs", "2") == expected and expected.count(b"\n") > pipeline.POOL_MIN_FILES
