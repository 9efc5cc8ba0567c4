"""The store's scan on worker processes: the records a one-process scan gives; workers that die
or stay silent as they start are given up within a bound (with a warning) and the scan ends with
every record, decoded in its own process; a message that kills its worker is an error entry."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from bouncetui import pipeline, workpool
from bouncetui.model import Bounce, ScanError
from bouncetui.store import Store
from tests.unit.pool_faults import POISON, WAIT, poisoned

DIES = (os._exit, (3,))  # an initializer that ends each worker process at once


def _many(maildir: Path, copies: int = 6) -> Path:
    """The hand-written Maildir, each message `copies` times with a header of its own (distinct
    contents, so each is decoded): enough messages for the scan to start worker processes."""
    for sub in ("cur", "new"):
        for path in sorted((maildir / sub).iterdir()):
            data = path.read_bytes()
            for n in range(1, copies):
                (maildir / sub / ("%s.copy%d" % (path.name.split(":")[0], n))).write_bytes(b"X-Copy: %d\n" % n + data)
    return maildir


def _key(items: list) -> list[str]:
    return sorted(item.to_json() if isinstance(item, Bounce) else str(item) for item in items)


def _bounded(target) -> tuple[bool, list]:
    """Run target() in a thread for at most WAIT seconds: (finished, what it returned)."""
    out: list = []
    thread = threading.Thread(target=lambda: out.extend(target()), daemon=True)
    thread.start()
    thread.join(WAIT)
    return not thread.is_alive(), out



def _expected(tmp_path: Path, folder: Path) -> list[str]:
    with Store(tmp_path / "plain.db") as store:
        expected = _key(list(store.scan([str(folder)], jobs=1, use_cache=False)))
    assert len(expected) >= 60
    return expected


def test_a_scan_ends_with_every_record_when_its_workers_die_at_start(
        tmp_path, maildir, started_workers, monkeypatch, caplog):
    folder = _many(maildir)
    expected = _expected(tmp_path, folder)
    monkeypatch.setattr(workpool.WorkerPool, "initializer", DIES)
    with caplog.at_level("WARNING"), Store(tmp_path / "db" / "bouncetui.db") as store:
        finished, got = _bounded(lambda: list(store.scan([str(folder)], jobs=2)))
    assert finished, "the scan hung on workers that died as they started"
    assert len(started_workers) == 1 and "worker processes could not start" in caplog.text
    assert _key(got) == expected


def test_a_scan_ends_with_every_record_when_its_workers_never_answer(
        tmp_path, maildir, started_workers, monkeypatch, caplog):
    folder = _many(maildir)
    expected = _expected(tmp_path, folder)
    monkeypatch.setattr(workpool.WorkerPool, "initializer", (time.sleep, (3600,)))
    monkeypatch.setattr(workpool, "START_SECONDS", 1.0)
    with caplog.at_level("WARNING"), Store(tmp_path / "db" / "bouncetui.db") as store:
        finished, got = _bounded(lambda: list(store.scan([str(folder)], jobs=2)))
    assert finished, "the scan hung on workers that never answered"
    assert len(started_workers) == 1 and "no worker answered within 1 s" in caplog.text
    assert _key(got) == expected


def test_records_decoded_by_the_workers_are_those_decoded_here(tmp_path, maildir, started_workers):
    folder = _many(maildir)
    expected = _expected(tmp_path, folder)
    with Store(tmp_path / "db" / "bouncetui.db") as store:
        finished, got = _bounded(lambda: list(store.scan([str(folder)], jobs=2)))
        assert finished and len(started_workers) == 1
        assert _key(got) == expected
        assert _key(list(store.scan([str(folder)], jobs=2))) == expected  # as they were cached



def test_a_message_that_kills_its_worker_is_an_error_and_the_scan_goes_on(
        tmp_path, maildir, started_workers, monkeypatch):
    folder = _many(maildir)
    poison = folder / "cur" / "1764000000.M999P1.mx1:2,S"
    poison.write_bytes(POISON + next((folder / "new").iterdir()).read_bytes())
    with Store(tmp_path / "plain.db") as store:
        expected = _key([r for r in store.scan([str(folder)], jobs=1, use_cache=False) if r.origin != str(poison)])
    monkeypatch.setattr(workpool.WorkerPool, "initializer", (poisoned, ()))
    with Store(tmp_path / "db" / "bouncetui.db") as store:
        finished, got = _bounded(lambda: list(store.scan([str(folder)], jobs=2)))
    assert finished, "the scan hung on a worker that died while decoding"
    assert [(e.origin, e.error) for e in got if isinstance(e, ScanError)] == [(str(poison), pipeline.CRASHED)]
    assert _key([r for r in got if isinstance(r, Bounce)]) == expected
