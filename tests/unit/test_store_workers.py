"""The store's decoding processes: workers that die as they start are given up within a bound,
and the scan still ends with every record, decoded in its own process."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from bouncetui.model import Bounce
from bouncetui.store import Store, workers

WAIT = 120.0  # seconds: far beyond a healthy run (a few); a hang is caught, not waited on forever
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


def test_workers_that_die_at_start_are_given_up(monkeypatch):
    monkeypatch.setattr(workers.Workers, "initializer", DIES)
    pool = workers.Workers(2)
    assert pool.ready.wait(WAIT), "the start of workers that died was waited on without end"
    assert not pool.usable()
    finished, _ = _bounded(lambda: [pool.terminate()])
    assert finished, "closing workers that never started hung"


def test_workers_that_never_answer_are_given_up_after_the_start_bound(monkeypatch):
    monkeypatch.setattr(workers.Workers, "initializer", (time.sleep, (3600,)))
    monkeypatch.setattr(workers, "START_SECONDS", 1.0)
    pool = workers.Workers(2)
    assert pool.ready.wait(WAIT), "workers that never answered were waited on without end"
    assert pool.failed and not pool.usable()
    finished, _ = _bounded(lambda: [pool.terminate()])
    assert finished, "closing silent workers hung"


def test_a_scan_ends_with_every_record_when_its_workers_die_at_start(tmp_path, maildir, monkeypatch):
    folder = _many(maildir)
    with Store(tmp_path / "plain.db") as store:
        expected = _key(list(store.scan([str(folder)], jobs=1, use_cache=False)))
    assert len(expected) >= 60
    monkeypatch.setattr(workers.Workers, "initializer", DIES)
    started = workers.Workers.__init__
    given_up: list[bool] = []

    def start_and_wait(self, jobs):  # the scan meets workers already given up, not merely slow ones
        started(self, jobs)
        given_up.append(self.ready.wait(WAIT) and self.failed)

    monkeypatch.setattr(workers.Workers, "__init__", start_and_wait)
    with Store(tmp_path / "db" / "bouncetui.db") as store:
        finished, got = _bounded(lambda: list(store.scan([str(folder)], jobs=2)))
    assert finished, "the scan hung on workers that died as they started"
    assert given_up == [True]  # the scan did start workers, and gave them up in time
    assert _key(got) == expected


def test_records_decoded_by_the_workers_are_those_decoded_here(tmp_path, maildir, monkeypatch):
    folder = _many(maildir)
    with Store(tmp_path / "plain.db") as store:
        expected = _key(list(store.scan([str(folder)], jobs=1, use_cache=False)))
    started = workers.Workers.__init__
    used: list[bool] = []

    def start_and_wait(self, jobs):  # the workers take the windows once they answer
        started(self, jobs)
        used.append(self.ready.wait(WAIT) and self.usable())

    monkeypatch.setattr(workers.Workers, "__init__", start_and_wait)
    with Store(tmp_path / "db" / "bouncetui.db") as store:
        finished, got = _bounded(lambda: list(store.scan([str(folder)], jobs=2)))
        assert finished and used == [True]
        assert _key(got) == expected
        assert _key(list(store.scan([str(folder)], jobs=2))) == expected  # as they were cached


def _poisoned() -> None:
    """Worker start-up for the test below: decoding a message that holds X-Poison ends the worker
    (as a crash or the out-of-memory killer would)."""
    decode_raw = workers.decode_raw

    def dying(message, limits):
        if b"X-Poison" in message.data:
            os._exit(9)
        return decode_raw(message, limits)

    workers.decode_raw = dying


def test_a_message_that_kills_its_worker_is_an_error_and_the_scan_goes_on(tmp_path, maildir, monkeypatch):
    from bouncetui.model import ScanError
    from bouncetui.pipeline import CRASHED

    folder = _many(maildir)
    poison = folder / "cur" / "1764000000.M999P1.mx1:2,S"
    poison.write_bytes(b"X-Poison: yes\n" + next((folder / "new").iterdir()).read_bytes())
    with Store(tmp_path / "plain.db") as store:
        expected = _key([r for r in store.scan([str(folder)], jobs=1, use_cache=False) if r.origin != str(poison)])
    monkeypatch.setattr(workers.Workers, "initializer", (_poisoned, ()))
    started = workers.Workers.__init__

    def start_and_wait(self, jobs):  # the workers take the windows once they answer
        started(self, jobs)
        self.ready.wait(WAIT)

    monkeypatch.setattr(workers.Workers, "__init__", start_and_wait)
    with Store(tmp_path / "db" / "bouncetui.db") as store:
        finished, got = _bounded(lambda: list(store.scan([str(folder)], jobs=2)))
    assert finished, "the scan hung on a worker that died while decoding"
    assert [(e.origin, e.error) for e in got if isinstance(e, ScanError)] == [(str(poison), CRASHED)]
    assert _key([r for r in got if isinstance(r, Bounce)]) == expected
