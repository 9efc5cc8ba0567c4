"""Cache writes of a scan: file rows and decoded messages, held briefly and written in short
transactions, so that another process (or the explorer's triage) never waits long. A failed write
only stops this scan updating the cache (with a warning); a damaged database is an error.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable

from bouncetui.sources import FileEntry
from bouncetui.store.records import split
from bouncetui.store.schema import cache_version, meta, rollback, translate

FLUSH_FILES = 500  # write the pending batch after this many files ...
FLUSH_SECONDS = 1.0  # ... or this long


class Writer:
    """Pending cache writes, flushed in short transactions; write failures only disable caching."""

    def __init__(self, conn: sqlite3.Connection, path: str, warn: Callable[[str], None]) -> None:
        self.conn, self.path, self.warn = conn, path, warn
        self.version = cache_version()  # what this scan decodes with, fixed at its start
        self.files: dict[str, tuple] = {}
        self.messages: dict[str, str] = {}
        self.enabled = True
        self.last = time.monotonic()

    def put_file(self, key: str, entry: FileEntry, uniq: str | None, hashes: Iterable[str], tokens: str) -> None:
        self.files[key] = (key, entry.size, entry.mtime, uniq, " ".join(hashes), tokens)

    def maybe_flush(self) -> None:
        if len(self.files) >= FLUSH_FILES or time.monotonic() - self.last >= FLUSH_SECONDS:
            self.flush()

    def flush(self, forget: Iterable[str] = (), collect: bool = False) -> None:
        self.last = time.monotonic()
        forget = list(forget)
        if not self.enabled or not (self.files or self.messages or forget or collect):
            self.files.clear()
            self.messages.clear()
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                if meta(self.conn, "cache_version") != self.version:
                    # A bouncetui of another version emptied the cache since this scan began:
                    # records decoded here must not mix with its own.
                    self.conn.execute("ROLLBACK")
                    self.enabled = False
                    self.warn("the cache now belongs to another version of bouncetui; this scan does not update it")
                    return
                self.conn.executemany("INSERT OR REPLACE INTO messages VALUES (?, ?, ?)",
                                      ((digest, *split(payload)) for digest, payload in self.messages.items()))
                self.conn.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)", self.files.values())
                self.conn.executemany("DELETE FROM files WHERE path = ?", ((p,) for p in forget))
                if collect:
                    _collect_garbage(self.conn)
                self.conn.execute("COMMIT")
            except BaseException:
                rollback(self.conn)
                raise
        except sqlite3.Error as exc:
            error = translate(exc, self.path)
            if error.corrupt:
                raise error from None
            self.enabled = False
            self.warn("%s; the cache is not updated by this scan" % error)
        finally:
            self.files.clear()
            self.messages.clear()


def _collect_garbage(conn: sqlite3.Connection) -> None:
    """Drop cached messages that no file refers to any more."""
    used: set[str] = set()
    for (hashes,) in conn.execute("SELECT hashes FROM files"):
        used.update(hashes.split())
    stale = [(h,) for (h,) in conn.execute("SELECT hash FROM messages") if h not in used]
    conn.executemany("DELETE FROM messages WHERE hash = ?", stale)
