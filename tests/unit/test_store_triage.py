"""Triage state: its API, atomicity, two writers at once, SIGKILL mid-write, damaged databases."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from bouncetui.store import STATES, Store, StoreError, default_db_path, rebuild

# A child process that triages batches of tokens, one transaction per batch, and reports each commit.
WRITER = """
import sys
from bouncetui.store import Store
path, tag, rounds, batch = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
store = Store(path)
for i in range(rounds):
    store.set_triage(["%s-%d-%d" % (tag, i, j) for j in range(batch)], state="investigating", note="round %d" % i)
    print(i, flush=True)
store.close()
"""


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "bouncetui.db"


def writer(db: Path, tag: str, rounds: int, batch: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(db), tag, str(rounds), str(batch)],
                            stdout=subprocess.PIPE, text=True)


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def test_default_path_follows_xdg_data_home(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_db_path() == str(tmp_path / "data" / "bouncetui" / "bouncetui.db")
    monkeypatch.setenv("XDG_DATA_HOME", "relative/ignored")
    assert default_db_path().endswith(os.path.join(".local", "share", "bouncetui", "bouncetui.db"))


def test_state_and_note_are_set_separately(db):
    with Store(db) as store:
        store.set_triage(["t1", "t2"], state="investigating")
        store.set_triage(["t1"], note="called the customer")
        store.set_triage(["t1"], state="resolved")
        got = store.triage()
        assert (got["t1"].state, got["t1"].note) == ("resolved", "called the customer")
        assert (got["t2"].state, got["t2"].note) == ("investigating", "")
        assert got["t1"].changed >= got["t2"].changed > 0
        assert [h.state for h in store.history("t1")] == ["investigating", "investigating", "resolved"]


def test_a_note_alone_starts_a_record_as_new(db):
    with Store(db) as store:
        store.set_triage(["t1"], note="look at this")
        assert store.triage(["t1", "unknown"]) == {"t1": store.triage()["t1"]}
        assert store.triage()["t1"].state == "new"


def test_unknown_state_is_refused_and_nothing_changes(db):
    with Store(db) as store:
        store.set_triage(["t1"], state="suppress")
        with pytest.raises(ValueError, match="unknown triage state"):
            store.set_triage(["t1"], state="deleted")
        assert store.triage()["t1"].state == "suppress"
    assert "suppress" in STATES


def test_triage_survives_reopening(db):
    with Store(db) as store:
        store.set_triage(["a" * 40], state="ignore", note="a test address")
    with Store(db) as store:
        assert store.triage()["a" * 40].note == "a test address"


def test_many_tokens_are_looked_up_in_chunks(db):
    tokens = ["tok%05d" % i for i in range(1200)]
    with Store(db) as store:
        store.set_triage(tokens, state="resolved")
        assert len(store.triage(tokens + ["missing"])) == 1200


def test_threads_sharing_a_store_and_each_with_their_own(db):
    shared = Store(db)
    errors: list[BaseException] = []

    def work(tag: str, own: bool) -> None:
        try:
            store = Store(db) if own else shared
            for i in range(30):
                store.set_triage(["%s-%d" % (tag, i)], state="investigating")
            if own:
                store.close()
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=("t%d" % n, n % 2 == 0)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(shared.triage()) == 120
    shared.close()


def test_two_processes_writing_at_once(db):
    Store(db).close()
    children = [writer(db, tag, 40, 25) for tag in ("left", "right")]
    for child in children:
        out, _ = child.communicate(timeout=120)
        assert child.returncode == 0 and out.split()[-1] == "39"
    with Store(db) as store:
        got = store.triage()
    assert len(got) == 2 * 40 * 25
    assert got["left-39-24"].note == "round 39" and got["right-0-0"].state == "investigating"
    assert integrity(db) == "ok"


def test_sigkill_mid_write_loses_nothing_committed(db):
    Store(db).close()
    child = writer(db, "k", 100_000, 300)
    committed = -1
    for line in child.stdout:
        committed = int(line)
        if committed >= 15:
            break
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    child.stdout.close()
    assert integrity(db) == "ok"
    with Store(db) as store:
        got = store.triage()
    rounds: dict[int, int] = {}
    for token in got:
        rounds[int(token.split("-")[1])] = rounds.get(int(token.split("-")[1]), 0) + 1
    for i in range(committed + 1):
        assert rounds.get(i) == 300, "round %d was reported committed" % i
    assert all(n == 300 for n in rounds.values())  # a transaction is all or nothing
    assert got["k-%d-299" % committed].note == "round %d" % committed


def damage(db: Path) -> None:
    """Overwrite everything after the SQLite header: the schema page is gone."""
    size = db.stat().st_size
    with open(db, "r+b") as fh:
        fh.seek(100)
        fh.write(b"\xa5" * (size - 100))


def test_a_damaged_database_is_a_clear_error(db):
    with Store(db) as store:
        store.set_triage(["t1"], state="suppress")
    damage(db)
    with pytest.raises(StoreError, match="damaged") as caught:
        Store(db)
    assert caught.value.corrupt


def test_rebuild_moves_a_damaged_file_aside_and_starts_afresh(db):
    with Store(db) as store:
        store.set_triage(["t1"], state="suppress")
    damage(db)
    damaged = db.read_bytes()
    backup, kept = rebuild(str(db))
    assert backup and Path(backup).read_bytes() == damaged
    with Store(db) as store:
        assert len(store.triage()) == kept == 0  # the schema page was lost with everything
        store.set_triage(["t2"], state="ignore")
        assert store.triage()["t2"].state == "ignore"


def test_rebuild_of_a_healthy_database_keeps_triage(db, tmp_path):
    mail = tmp_path / "mail"
    mail.mkdir()
    with Store(db) as store:
        store.set_triage(["t1"], state="suppress")
    assert rebuild(str(db)) == (None, 0)
    with Store(db) as store:
        assert store.triage()["t1"].state == "suppress"


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "message.eml"
    path.write_bytes(b"From: someone@example.com\nSubject: hello\n\nnot a database\n")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a bouncetui database") as caught:
        Store(path)
    assert not caught.value.corrupt
    with pytest.raises(StoreError):
        rebuild(str(path))
    assert path.read_bytes() == before


def test_another_programs_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE things (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="another program"):
        Store(path)


def damage_table(db: Path, table: str) -> None:
    """Overwrite the pages of one table, leaving the schema and the other tables readable."""
    conn = sqlite3.connect(db)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = [p for (p,) in conn.execute("SELECT pageno FROM dbstat WHERE name = ?", (table,))]
    conn.close()
    with open(db, "r+b") as fh:
        for page in pages:
            fh.seek((page - 1) * page_size)
            fh.write(b"\xa5" * page_size)


def test_damaged_cache_pages_fail_the_scan_and_rebuild_keeps_the_triage(db, tmp_path):
    mail = Path(__file__).resolve().parent.parent / "fixtures" / "bounces"
    with Store(db) as store:
        found = [r for r in store.scan([str(mail)]) if hasattr(r, "token")]
        store.set_triage([found[0].token], state="suppress", note="kept")
    damage_table(db, "messages")
    with Store(db) as store:
        with pytest.raises(StoreError, match="damaged") as caught:
            list(store.scan([str(mail)]))
        assert caught.value.corrupt
    backup, kept = rebuild(str(db))
    assert backup and os.path.exists(backup) and kept == 1
    with Store(db) as store:
        assert store.triage()[found[0].token].note == "kept"
        assert len([r for r in store.scan([str(mail)]) if hasattr(r, "token")]) == len(found)


SCANNER = """
import sys
from bouncetui.store import Store, cache, writer
writer.FLUSH_FILES = 5  # commit often, so that the kill lands between and inside commits
cache.WINDOW_MESSAGES = 4  # and report progress as it goes
store = Store(sys.argv[1])
for item in store.scan([sys.argv[2]], on_progress=lambda done, total: print(done, flush=True)):
    pass
"""


def test_sigkill_mid_scan_leaves_a_cache_that_gives_the_right_records(db, tmp_path):
    mail = Path(__file__).resolve().parent.parent / "fixtures" / "bounces" / "cur"
    folder = tmp_path / "many"
    folder.mkdir()
    sources = sorted(p for p in mail.iterdir() if p.name != "1764061300.M111P1.mx1:2,S")
    for n in range(120):
        data = sources[n % len(sources)].read_bytes()
        (folder / ("m%03d.eml" % n)).write_bytes(b"X-Copy: %d\n" % n + data)
    with Store(db) as store:
        store.set_triage(["before"], state="resolved")
    child = subprocess.Popen([sys.executable, "-c", SCANNER, str(db), str(folder)], stdout=subprocess.PIPE, text=True)
    for line in child.stdout:
        if int(line) >= 40:
            break
    child.send_signal(signal.SIGKILL)
    assert child.wait(timeout=30) == -signal.SIGKILL
    child.stdout.close()
    assert integrity(db) == "ok"
    with Store(db) as store:
        assert store.triage()["before"].state == "resolved"
        cached = [r.to_dict() for r in store.scan([str(folder)])]
        fresh = [r.to_dict() for r in store.scan([str(folder)], use_cache=False)]
    assert len(cached) == 120 and cached == fresh
