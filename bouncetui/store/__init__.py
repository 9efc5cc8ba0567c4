"""The store: one SQLite database holding the index cache of decoded records and the triage state.

    with Store() as store:                      # $XDG_DATA_HOME/bouncetui/bouncetui.db
        for item in store.scan(["~/Maildir"]):  # Bounce and ScanError, decoding only new files
            ...
        store.set_triage([record.token], state="suppress", note="asked by phone")
        store.triage()                          # {token: Triage(state, note, changed)}

Triage is keyed by record token, so it survives rescans, Maildir renames and deletions of the
mail. Every `set_triage` call is one atomic transaction (WAL journal, synchronous=FULL): a process
killed at any moment loses nothing committed, and several processes may share one database (each
waits up to `schema.BUSY_TIMEOUT` for the others). A damaged file raises StoreError with
`corrupt=True`; `rebuild(path)` moves it aside and starts afresh, keeping the triage it can read.
The store only ever reads the mail.

A Store may be shared between threads: triage calls are serialised on one connection and each
`scan` uses a connection of its own.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from bouncetui.limits import DEFAULT, Limits
from bouncetui.model import Bounce, ScanError
from bouncetui.pipeline import default_jobs
from bouncetui.store import cache
from bouncetui.store.listing import list_files
from bouncetui.store.records import CachedFiles, CachedLines, RecordSource
from bouncetui.store.schema import (
    CACHE_VERSION,
    SCHEMA,
    StoreError,
    cache_version,
    clear_cache,
    connect,
    default_db_path,
    prepare,
    rebuild,
    rollback,
    translate,
)

STATES = ("new", "investigating", "resolved", "suppress", "ignore")
QUERY_CHUNK = 500  # tokens per IN (...) query

__all__ = [
    "CACHE_VERSION",
    "CachedFiles",
    "SCHEMA",
    "STATES",
    "Store",
    "StoreError",
    "Triage",
    "cache_version",
    "default_db_path",
    "rebuild",
]


@dataclass(frozen=True)
class Triage:
    """What a person decided about one record: its state, a note, and when it last changed."""

    state: str
    note: str
    changed: float  # Unix time of the last change


NEW = Triage("new", "", 0.0)  # what a record nobody has triaged yet counts as


class Store:
    """The index cache and triage state in one SQLite file; see the module docstring."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = os.fspath(path) if path is not None else default_db_path()
        self.warnings: list[str] = []  # cache problems a scan went on despite (for the CLI to show)
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = connect(self.path)
        try:
            prepare(self._conn, self.path)
        except BaseException:
            self._conn.close()
            raise

    # -- the cache -------------------------------------------------------------------------------

    def scan(self, paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str], *, use_cache: bool = True,
             on_progress: Callable[[int, int], None] | None = None,
             jobs: int | None = 1, limits: Limits = DEFAULT,
             cached_first: bool = False, lazy: bool = False,
             text: bool = False) -> Iterator[Bounce | ScanError | CachedFiles | CachedLines]:
        """Records of every message under `paths`, in order, decoding only new or changed files.

        With use_cache=False the database is neither read nor written. on_progress(done, total)
        is called with counts of files (while a big folder is still being listed, total counts
        the files cached under it). `jobs` worker processes decode (None: one per core), within
        `limits`; an error cached under other limits is decoded again. With cached_first, the
        records of unchanged files come out as soon as they are read from the cache, ahead of the
        messages still being decoded (the order is no longer the files' order). With lazy (which
        implies cached_first), those records come as CachedFiles chunks, built only when asked
        (`chunk.build()`, or `refs()` to count them and know their tokens without building them).
        With text (for JSON Lines; not with lazy), they come as CachedLines chunks of the text the
        cache keeps (`chunk.jsonl()`, after classify.backscatter.mark). Raises StoreError if the
        database turns out damaged.
        """
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        paths = [os.fspath(p) for p in paths]
        jobs = default_jobs() if jobs is None else max(1, jobs)
        if not use_cache:
            yield from cache.scan(None, self.path, paths, jobs=jobs, limits=limits, on_progress=on_progress)
            return
        conn = connect(self.path)
        try:
            yield from cache.scan(conn, self.path, paths, jobs=jobs, limits=limits, on_progress=on_progress,
                                  warn=self._warn, cached_first=cached_first, lazy=lazy, text=text)
        finally:
            conn.close()

    def cached_listing(self, paths: Sequence[str | os.PathLike[str]]) -> Iterator[CachedFiles]:
        """What the last scans found under `paths`, without looking at the mail: CachedFiles chunks
        of the files whose token words name every record (as scan(lazy=True) gives them), in the
        order a scan lists them (by name, folder by folder); for each path a first chunk of a
        screenful of files (listing.FIRST_FILES), given before the rest is read, then the rest.
        The explorer shows them at once, then scan(lazy=True) says what changed. Raises
        StoreError if the database turns out damaged."""
        source = RecordSource(functools.partial(connect, self.path))
        conn = connect(self.path)
        cache._map(conn)  # the rows read through a memory map: no read() per page
        try:
            for root in map(os.fspath, paths):
                if root != "-":
                    for files in list_files(conn, root):
                        yield CachedFiles(source, files)
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from None
        finally:
            conn.close()

    def clear_cache(self) -> None:
        """Forget every cached record (the next scan decodes everything); triage stays."""
        with self._transaction() as conn:
            clear_cache(conn)

    def _warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    # -- triage ----------------------------------------------------------------------------------

    def triage(self, tokens: Iterable[str] | None = None) -> dict[str, Triage]:
        """The triage of `tokens` (None: every token ever triaged); untriaged tokens are absent."""
        query = "SELECT token, state, note, changed FROM triage"
        with self._locked() as conn:
            if tokens is None:
                rows = conn.execute(query).fetchall()
            else:
                wanted = list(dict.fromkeys(tokens))
                rows = []
                for i in range(0, len(wanted), QUERY_CHUNK):
                    chunk = wanted[i : i + QUERY_CHUNK]
                    marks = ",".join("?" * len(chunk))
                    rows += conn.execute("%s WHERE token IN (%s)" % (query, marks), chunk).fetchall()
        return {token: Triage(state, note, changed) for token, state, note, changed in rows}

    def set_triage(self, tokens: Iterable[str], state: str | None = None, note: str | None = None) -> None:
        """Set the state and/or note of every token, in one transaction (all or nothing).

        None leaves that part as it was (a token never triaged starts as "new" with no note).
        """
        if state is not None and state not in STATES:
            raise ValueError("unknown triage state %r: one of %s" % (state, ", ".join(STATES)))
        wanted = [t for t in dict.fromkeys(tokens) if t]
        if not wanted or (state is None and note is None):
            return
        now = time.time()
        upsert = ("INSERT INTO triage (token, state, note, changed) VALUES (?, COALESCE(?, 'new'), COALESCE(?, ''), ?) "
                  "ON CONFLICT (token) DO UPDATE SET state = COALESCE(?, state), note = COALESCE(?, note), "
                  "changed = excluded.changed")
        log = "INSERT INTO triage_log (token, state, note, changed) SELECT token, state, note, changed FROM triage WHERE token = ?"
        with self._transaction() as conn:
            conn.executemany(upsert, ((t, state, note, now, state, note) for t in wanted))
            conn.executemany(log, ((t,) for t in wanted))

    def history(self, token: str) -> list[Triage]:
        """Every triage change of one token, oldest first."""
        query = "SELECT state, note, changed FROM triage_log WHERE token = ? ORDER BY id"
        with self._locked() as conn:
            return [Triage(*row) for row in conn.execute(query, (token,))]

    # -- plumbing --------------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _locked(self) -> _Locked:
        return _Locked(self, transaction=False)

    def _transaction(self) -> _Locked:
        return _Locked(self, transaction=True)


class _Locked:
    """The store's connection, held under its lock, optionally in a BEGIN IMMEDIATE transaction;
    sqlite3 errors come out as StoreError."""

    def __init__(self, store: Store, transaction: bool) -> None:
        self.store, self.transaction = store, transaction

    def __enter__(self) -> sqlite3.Connection:
        self.store._lock.acquire()
        conn = self.store._conn
        if conn is None:
            self.store._lock.release()
            raise StoreError("database %s is closed" % self.store.path, path=self.store.path)
        if self.transaction:
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                self.store._lock.release()
                raise translate(exc, self.store.path) from None
        return conn

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: object) -> bool:
        conn = self.store._conn
        try:
            if self.transaction and conn is not None and conn.in_transaction:
                if kind is None:
                    try:
                        conn.execute("COMMIT")
                    except sqlite3.Error as error:
                        rollback(conn)
                        raise translate(error, self.store.path) from None
                else:
                    rollback(conn)
        finally:
            self.store._lock.release()
        if isinstance(exc, sqlite3.Error):
            raise translate(exc, self.store.path) from None
        return False

