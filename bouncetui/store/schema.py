"""The store's database file: where it lives, its tables and versions, opening it safely, rebuilding it.

One SQLite file holds two things with different lifetimes:

- the index cache (tables `files` and `messages`): decoded records keyed by each message's content
  hash, plus each file's path, size and mtime. It is disposable: it is emptied whenever
  `cache_version()` changes, and `rebuild()` may throw it away.
- the triage state (tables `triage` and `triage_log`): what a person decided. It is never dropped;
  a rebuild of a damaged file carries over every row that can still be read.

Versions. `cache_version()` is bouncetui.__version__, the cache schema number `SCHEMA`, a
fingerprint of the decoding code (every module and data file of the package except the views), so
a decoder change empties the cache even when a developer forgets to bump the version, and the
record's field names. Releases that change decoding bump bouncetui.__version__; a change to the
tables or to how records are stored in them bumps `SCHEMA`.

Durability: WAL journal, synchronous=FULL, a busy timeout so that two processes on one file wait
for each other instead of failing, and explicit `BEGIN IMMEDIATE` transactions (see Store).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Iterator
from functools import cache

import bouncetui
from bouncetui.model import FIELD_NAMES
from bouncetui.wholefile import write_whole

SCHEMA = 4  # the shape of the tables and of the cached records; bump it when they change
# 4: messages keep their records' JSON Lines text too (column lines, see store.records)
APP = "bouncetui"
BUSY_TIMEOUT = 30.0  # seconds a writer waits for another process's transaction
SQLITE_HEADER = b"SQLite format 3\x00"

# Parts of the package that do not change what a scan decodes (the fingerprint ignores them).
# The catalog is read by the views and the exports only (nothing under decode/ or classify/ uses it).
VIEW_PARTS = frozenset({"tui", "commands", "store", "catalog", "maillog", "export.py", "query.py",
                        "formats.py", "cli.py", "__main__.py", "__pycache__"})
FINGERPRINT_SUFFIXES = (".py", ".toml", ".json")
FINGERPRINT_CACHE = "code-fingerprint.txt"  # in the package's __pycache__: see fingerprint()

TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,      -- absolute path of a message or mailbox file
    size INTEGER NOT NULL,
    mtime REAL NOT NULL,
    uniq TEXT,                  -- Maildir unique name (before ':2,'), NULL elsewhere
    hashes TEXT NOT NULL,       -- content hashes of its messages, in order, space-separated
    tokens TEXT NOT NULL        -- its messages' record tokens: one word per hash, the tokens of that
                                -- message's records joined by ',' ('-' none, '!' an error, '?' unknown)
) WITHOUT ROWID;                -- a folder's rows read in path order straight from the table
CREATE INDEX IF NOT EXISTS files_uniq ON files (uniq, size) WHERE uniq IS NOT NULL;
CREATE TABLE IF NOT EXISTS messages (
    hash TEXT PRIMARY KEY,
    records TEXT NOT NULL,      -- JSON: a list of records (each a list of its field values after
                                -- origin and position), or {"error": ..., "limits": ...}
    lines TEXT                  -- the records as JSON Lines text, one a line, without the fields a
                                -- scan sets (see store.records), NULL for an error
);
CREATE TABLE IF NOT EXISTS triage (
    token TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    changed REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS triage_log (
    id INTEGER PRIMARY KEY,
    token TEXT NOT NULL,
    state TEXT NOT NULL,
    note TEXT NOT NULL,
    changed REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS triage_log_token ON triage_log (token);
"""


class StoreError(Exception):
    """The database cannot be used: damaged, not a bouncetui database, busy, read-only, ...

    `corrupt` is True when rebuilding (see `rebuild`) is the remedy.
    """

    def __init__(self, message: str, *, path: str = "", corrupt: bool = False) -> None:
        super().__init__(message)
        self.path = path
        self.corrupt = corrupt


def default_db_path() -> str:
    """$XDG_DATA_HOME/bouncetui/bouncetui.db, or ~/.local/share/bouncetui/bouncetui.db."""
    base = os.environ.get("XDG_DATA_HOME", "")
    if not os.path.isabs(base):  # the XDG spec: a relative or empty value is ignored
        base = os.path.join(os.path.expanduser("~"), ".local", "share")
    return os.path.join(base, APP, APP + ".db")


@cache
def code_fingerprint() -> str:
    """A hash of the decoding code and data: any edit to a decoder changes it."""
    root = os.path.dirname(os.path.realpath(bouncetui.__file__))
    return fingerprint(root, os.path.join(root, "__pycache__", FINGERPRINT_CACHE))


def fingerprint(root: str, remember: str | None = None) -> str:
    """A hash of the files under `root` the fingerprint covers (their relative paths and bytes).

    Hashing their bytes costs more than the rest of a start from the cache, so the result is kept
    in the file `remember` (when given and writable) under a key made of each file's path, size,
    inode, mtime_ns and ctime_ns: an edit changes the ctime at least (no program can set it back),
    and a different key means hashing the files again.
    """
    try:
        files = sorted(_code_files(root, ()))
    except OSError:  # not a plain directory (a zip): the version alone says it
        return "-"
    key = hashlib.blake2b(repr([(parts, st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns)
                                for parts, _, st in files]).encode(), digest_size=16).hexdigest()
    if remember is not None:
        try:
            with open(remember, encoding="ascii") as fh:
                known = fh.read().split()
            if len(known) == 2 and known[0] == key:
                return known[1]
        except (OSError, ValueError):
            pass
    digest = hashlib.blake2b(digest_size=8)
    for parts, path, _ in files:
        digest.update("/".join(parts).encode() + b"\0")
        try:
            with open(path, "rb") as fh:
                digest.update(fh.read())
        except OSError:
            continue
    value = digest.hexdigest()
    if remember is not None:
        write_whole(remember, "%s %s\n" % (key, value))  # not writable: hashed again next time
    return value


def _code_files(folder: str, parts: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], str, os.stat_result]]:
    """The files under `folder` the fingerprint covers: (path parts below the root, path, stat)."""
    with os.scandir(folder) as it:
        entries = list(it)
    for entry in entries:
        name = entry.name
        if name in VIEW_PARTS or name.startswith("."):
            continue
        if entry.is_dir():
            yield from _code_files(entry.path, parts + (name,))
        elif os.path.splitext(name)[1] in FINGERPRINT_SUFFIXES:
            yield parts + (name,), entry.path, entry.stat()


def cache_version() -> str:
    """The version the cached records were decoded with; a change empties the cache."""
    fields = hashlib.blake2b(" ".join(FIELD_NAMES).encode(), digest_size=4).hexdigest()
    return "%s+s%d+%s+%s" % (bouncetui.__version__, SCHEMA, code_fingerprint(), fields)


CACHE_VERSION = cache_version()


def translate(exc: sqlite3.Error, path: str) -> StoreError:
    """A clear StoreError for an sqlite3 error."""
    name = getattr(exc, "sqlite_errorname", "")
    text = str(exc)
    if name in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or "malformed" in text or "not a database" in text:
        return StoreError("database %s is damaged (%s)" % (path, text), path=path, corrupt=True)
    if name == "SQLITE_BUSY" or "locked" in text:
        return StoreError("database %s is busy: another bouncetui kept it locked for more than %d s"
                          % (path, BUSY_TIMEOUT), path=path)
    if name == "SQLITE_READONLY" or "readonly" in text:
        return StoreError("database %s is read-only: choose another with --db" % path, path=path)
    if name == "SQLITE_FULL":
        return StoreError("database %s: the disk is full" % path, path=path)
    return StoreError("database %s: %s" % (path, text), path=path)


def _check_file(path: str) -> None:
    """Refuse a file that is not SQLite at all (a mistaken --db): never treat it as ours."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return
    except IsADirectoryError:
        raise StoreError("%s is a directory, not a database file" % path, path=path) from None
    except OSError as exc:
        raise StoreError("cannot open database %s: %s" % (path, exc.strerror or exc), path=path) from None
    if head and head != SQLITE_HEADER:
        raise StoreError("%s is not a bouncetui database (not an SQLite file); choose another with --db"
                         % path, path=path)


def connect(path: str) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL, busy timeout."""
    _check_file(path)
    folder = os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError as exc:
        raise StoreError("cannot create %s: %s" % (folder, exc.strerror or exc), path=path) from None
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise translate(exc, path) from None
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
    except sqlite3.Error as exc:
        conn.close()
        raise translate(exc, path) from None
    return conn


def prepare(conn: sqlite3.Connection, path: str) -> None:
    """Create the tables on a new file; check an existing one is ours; empty a stale cache."""
    try:
        if _ready(conn, path):
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            if not _ready(conn, path):
                _drop_old_cache(conn)
                for statement in TABLES.split(";"):
                    if statement.strip():
                        conn.execute(statement)  # not executescript: it would commit early
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('app', ?), ('schema', ?)", (APP, str(SCHEMA)))
                if meta(conn, "cache_version") != cache_version():
                    clear_cache(conn)
                    conn.execute("INSERT OR REPLACE INTO meta VALUES ('cache_version', ?)", (cache_version(),))
            conn.execute("COMMIT")
        except BaseException:
            rollback(conn)
            raise
    except sqlite3.Error as exc:
        raise translate(exc, path) from None


def _drop_old_cache(conn: sqlite3.Connection) -> None:
    """Drop the cache tables of an older schema (their shape changed; they are disposable)."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "meta" in tables and int(meta(conn, "schema") or 0) < SCHEMA:
        conn.execute("DROP TABLE IF EXISTS files")
        conn.execute("DROP TABLE IF EXISTS messages")


def rollback(conn: sqlite3.Connection) -> None:
    """Undo the open transaction; a connection too broken to roll back has nothing committed."""
    try:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    except sqlite3.Error:
        pass


def clear_cache(conn: sqlite3.Connection) -> None:
    """Forget every cached file and message (in the caller's transaction); triage stays."""
    conn.execute("DELETE FROM files")
    conn.execute("DELETE FROM messages")


def meta(conn: sqlite3.Connection, key: str) -> str | None:
    """A value of the `meta` table (app, schema, cache_version), or None."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def _ready(conn: sqlite3.Connection, path: str) -> bool:
    """True if the file is an up-to-date bouncetui database; StoreError if it belongs to another."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return False
    if "meta" not in tables or meta(conn, "app") != APP:
        raise StoreError("%s is an SQLite database of another program, not bouncetui's; choose another "
                         "with --db" % path, path=path)
    schema = int(meta(conn, "schema") or 0)
    if schema > SCHEMA:
        raise StoreError("database %s was written by a newer bouncetui (schema %d); upgrade bouncetui or "
                         "choose another with --db" % (path, schema), path=path)
    return schema == SCHEMA and meta(conn, "cache_version") == cache_version()


def rebuild(path: str) -> tuple[str | None, int]:
    """Start the database afresh, keeping triage; return (where a damaged file went, rows kept).

    A healthy database only loses its cache. A damaged one is renamed aside (never deleted:
    `<path>.corrupt-<time>`) with its WAL, and every triage row that can still be read from it
    is copied into a new database. Only files that are SQLite databases are ever moved.
    """
    _check_file(path)
    try:
        conn = connect(path)
        prepare(conn, path)
        try:
            conn.execute("BEGIN IMMEDIATE")
            clear_cache(conn)
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            raise translate(exc, path) from None
        finally:
            conn.close()
        return None, 0
    except StoreError as exc:
        if not exc.corrupt:
            raise
    backup = "%s.corrupt-%s" % (path, time.strftime("%Y%m%d-%H%M%S"))
    for suffix in ("", "-wal", "-journal"):
        if os.path.exists(path + suffix):
            os.replace(path + suffix, backup + suffix)
    if os.path.exists(path + "-shm"):
        os.remove(path + "-shm")  # only an index of the WAL, rebuilt from it when needed
    triage, log = _salvage(backup)
    conn = connect(path)
    try:
        prepare(conn, path)
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT OR REPLACE INTO triage (token, state, note, changed) VALUES (?, ?, ?, ?)", triage)
        conn.executemany("INSERT INTO triage_log (token, state, note, changed) VALUES (?, ?, ?, ?)", log)
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        raise translate(exc, path) from None
    finally:
        conn.close()
    return backup, len(triage)


def _salvage(path: str) -> tuple[list[tuple], list[tuple]]:
    """The triage rows still readable in a damaged database (row by row, up to the damage)."""
    out: tuple[list[tuple], list[tuple]] = ([], [])
    queries = ("SELECT token, state, note, changed FROM triage",
               "SELECT token, state, note, changed FROM triage_log ORDER BY id")
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT)
    except sqlite3.Error:
        return out
    try:
        for rows, query in zip(out, queries):
            try:
                for row in conn.execute(query):
                    rows.append(tuple(row))
            except sqlite3.Error:
                continue
    finally:
        conn.close()
    return out
