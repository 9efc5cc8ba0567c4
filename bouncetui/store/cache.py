"""The index cache: scan paths, decoding only the messages the database has not seen.

For each file `sources.iter_files` lists (path, size, mtime, without reading it):

1. the same path with the same size and mtime: its records come from the cache, unread;
2. a Maildir message whose unique name (the part before ':2,') and size and mtime match a known
   file: a flag rename (`:2,S` -> `:2,RS`) or a move between new/ and cur/; unread too;
3. anything else is read and split into messages; each message's content hash is looked up and
   only unseen messages are decoded (an mbox that grew decodes only its new messages; a file that
   moved elsewhere is read but not decoded again).

Records are stored without origin and position, and get the current ones back when replayed, so
tokens (which do not depend on the path) survive renames. Files under a scanned folder that are
no longer listed are forgotten when the scan completes, and messages no file refers to any more
are dropped; triage, keyed by token, is untouched. Writes are batched in short transactions so
that another process (or the TUI's triage) never waits long.
"""

from __future__ import annotations

import functools
import hashlib
import json
import multiprocessing
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from bouncetui.limits import DEFAULT, Limits
from bouncetui.model import FIELD_NAMES, Bounce, ScanError
from bouncetui.pipeline import decode_raw
from bouncetui.pipeline import scan as scan_uncached
from bouncetui.sources import FileEntry, RawMessage, describe_error, iter_files, read_file
from bouncetui.store.schema import StoreError, cache_version, meta, rollback, translate

FLUSH_FILES = 500  # write the pending batch after this many files ...
FLUSH_SECONDS = 1.0  # ... or this long
WINDOW_MESSAGES = 256  # messages decoded together (on the worker processes when jobs > 1) ...
WINDOW_BYTES = 32 * 1024 * 1024  # ... or this many bytes of them
WINDOW_SLOTS = 2048  # emit cached records at least this often
POOL_MIN_MESSAGES = 48  # below this, starting worker processes costs more than it saves
MAILDIR_INFO = re.compile(r"[:!;]2,")  # the separator before a Maildir message's flags

STORED_FIELDS = FIELD_NAMES[2:]  # after origin and position, which a replay sets
assert FIELD_NAMES[:2] == ("origin", "position")
Progress = Callable[[int, int], None]
Item = Bounce | ScanError


@dataclass(frozen=True, slots=True)
class FileRow:
    size: int
    mtime: float
    hashes: tuple[str, ...]


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def maildir_unique_name(path: str) -> str | None:
    """The unique name of a message file in a Maildir's cur/ or new/, or None elsewhere."""
    folder, name = os.path.split(path)
    if os.path.basename(folder) not in ("cur", "new"):
        return None
    return MAILDIR_INFO.split(name, maxsplit=1)[0]


def encode(result: list[Bounce] | ScanError, limits: str = "") -> str:
    """Records as cached: each a list of its field values after origin and position (the cache
    version covers model.FIELD_NAMES); an error is kept with the limits it was decoded under."""
    if isinstance(result, ScanError):
        return json.dumps({"error": result.error, "limits": limits}, ensure_ascii=False)
    rows = [[getattr(record, name) for name in STORED_FIELDS] for record in result]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def replay(payload: str, origin: str, position: int) -> list[Item]:
    data = json.loads(payload)
    if isinstance(data, dict):
        return [ScanError(origin, position, data["error"])]
    return [Bounce(origin, position, *row) for row in data]


class _Writer:
    """Pending cache writes, flushed in short transactions; write failures only disable caching."""

    def __init__(self, conn: sqlite3.Connection, path: str, warn: Callable[[str], None]) -> None:
        self.conn, self.path, self.warn = conn, path, warn
        self.version = cache_version()  # what this scan decodes with, fixed at its start
        self.files: dict[str, tuple] = {}
        self.messages: dict[str, str] = {}
        self.enabled = True
        self.last = time.monotonic()

    def put_file(self, key: str, entry: FileEntry, uniq: str | None, hashes: Iterable[str]) -> None:
        self.files[key] = (key, entry.size, entry.mtime, uniq, " ".join(hashes))

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
                self.conn.executemany("INSERT OR REPLACE INTO messages VALUES (?, ?)", self.messages.items())
                self.conn.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)", self.files.values())
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


class CachedScan:
    """One scan through the cache (or, with conn None, straight through the decoders).

    Work is planned in windows of slots kept in output order: records ready from the cache,
    messages to decode, and file rows to record once their messages are decoded. A window is
    decoded at once (on `jobs` worker processes when it is big enough) and then written out.
    """

    def __init__(self, conn: sqlite3.Connection | None, db_path: str, warn: Callable[[str], None],
                 jobs: int = 1, limits: Limits = DEFAULT) -> None:
        self.conn = conn
        self.limits = limits
        self.limits_key = repr(limits)
        self.db_path = db_path
        self.writer = _Writer(conn, db_path, warn) if conn is not None else None
        self.jobs = jobs
        self.replaced = 0  # files whose cached messages were replaced (garbage may be left)
        self.slots: list[tuple] = []
        self.to_decode = 0
        self.window_bytes = 0
        self.pending: set[str] = set()  # digests of the window's messages to decode
        self.pool = None

    def run(self, paths: Iterable[str], on_progress: Progress | None) -> Iterator[Item]:
        plan = [(root, [] if root == "-" else list(iter_files(root))) for root in paths]
        self.total = sum(isinstance(e, FileEntry) for _, entries in plan for e in entries)
        self.done = 0
        self.on_progress = on_progress
        if on_progress:
            on_progress(0, self.total)
        try:
            for root, entries in plan:
                if root == "-":
                    yield from scan_uncached(["-"], limits=self.limits)
                    continue
                yield from self._root(root, entries)
        finally:
            if self.pool is not None:
                self.pool.terminate()
            if self.writer:  # an interrupted scan still keeps what it decoded
                self.writer.flush()

    def _root(self, root: str, entries: list[FileEntry | ScanError]) -> Iterator[Item]:
        known = self._known(root)
        seen: set[str] = set()
        unlisted: list[str] = []  # folders or files that could not be listed
        for entry in entries:
            if isinstance(entry, ScanError):
                unlisted.append(os.path.abspath(entry.origin))
                self.slots.append(("items", [entry]))
                continue
            key = os.path.abspath(entry.path)
            seen.add(key)
            yield from self._file(entry, key, known.get(key))
            self.slots.append(("done",))
            if self._window_full():
                yield from self._drain()
        yield from self._drain()
        if self.writer:
            gone = [p for p in known if p not in seen and not _under_any(p, unlisted)]
            self.writer.flush(forget=gone, collect=bool(gone or self.replaced))
            self.replaced = 0

    def _window_full(self) -> bool:
        return (self.to_decode >= WINDOW_MESSAGES or self.window_bytes >= WINDOW_BYTES
                or len(self.slots) >= WINDOW_SLOTS)

    def _drain(self) -> Iterator[Item]:
        """Decode the window's messages, then emit its slots in order."""
        slots, self.slots = self.slots, []
        messages = [slot[1] for slot in slots if slot[0] == "decode"]
        results = iter(self._decode(messages))
        self.to_decode = self.window_bytes = 0
        self.pending = set()
        decoded: dict[str, str] = {}
        for slot in slots:
            kind = slot[0]
            if kind == "items":
                yield from slot[1]
            elif kind == "decode":
                message, digest = slot[1], slot[2]
                result = next(results)
                if self.writer is not None:
                    decoded[digest] = self.writer.messages[digest] = encode(result, self.limits_key)
                yield from [result] if isinstance(result, ScanError) else result
            elif kind == "again":  # the same content as an earlier message of the window
                message, digest = slot[1], slot[2]
                yield from replay(decoded[digest], message.origin, message.position)
            elif kind == "file":
                self.writer.put_file(*slot[1:])
            elif kind == "done":
                self.done += 1
                if self.on_progress:
                    self.on_progress(self.done, self.total)
        if self.writer:
            self.writer.maybe_flush()

    def _decode(self, messages: list[RawMessage]) -> list[list[Bounce] | ScanError]:
        if self.jobs <= 1 or len(messages) < POOL_MIN_MESSAGES:
            return [decode_raw(m, self.limits) for m in messages]
        if self.pool is None:
            self.pool = multiprocessing.get_context("spawn").Pool(self.jobs)
        return self.pool.map(functools.partial(decode_raw, limits=self.limits), messages, chunksize=8)

    def _known(self, root: str) -> dict[str, FileRow]:
        """The cached files at or under `root`, by absolute path."""
        if self.conn is None:
            return {}
        top = os.path.abspath(root)
        low, high = top.rstrip(os.sep) + os.sep, top.rstrip(os.sep) + chr(ord(os.sep) + 1)
        query = "SELECT path, size, mtime, hashes FROM files WHERE path = ? OR (path > ? AND path < ?)"
        try:
            rows = self.conn.execute(query, (top, low, high)).fetchall()
        except sqlite3.Error as exc:
            raise translate(exc, self.db_path) from None
        return {path: FileRow(size, mtime, tuple(hashes.split())) for path, size, mtime, hashes in rows}

    def _file(self, entry: FileEntry, key: str, row: FileRow | None) -> Iterator[Item]:
        """Plan one file's slots: from the cache when it is unchanged or renamed, else read it."""
        if self.conn is None:
            yield from self._read(entry, key)
            return
        uniq = None
        hashes = None
        if row is not None and row.size == entry.size and row.mtime == entry.mtime:
            hashes = row.hashes
        else:
            uniq = maildir_unique_name(entry.path)
            if uniq is not None:
                hashes = self._renamed(uniq, entry)
        if hashes is not None:
            items = self._replay(hashes, entry.path)
            if items is not None:
                self.slots.append(("items", items))
                if row is None or hashes is not row.hashes:  # renamed: remember the new name
                    self.slots.append(("file", key, entry, uniq, hashes))
                return
        if row is not None:
            self.replaced += 1
        yield from self._read(entry, key)

    def _renamed(self, uniq: str, entry: FileEntry) -> tuple[str, ...] | None:
        query = "SELECT mtime, hashes FROM files WHERE uniq = ? AND size = ?"
        try:
            for mtime, hashes in self.conn.execute(query, (uniq, entry.size)):
                if mtime == entry.mtime:
                    return tuple(hashes.split())
        except sqlite3.Error as exc:
            raise translate(exc, self.db_path) from None
        return None

    def _lookup(self, digest: str) -> str | None:
        pending = self.writer.messages.get(digest)
        if pending is not None:
            return pending
        try:
            row = self.conn.execute("SELECT records FROM messages WHERE hash = ?", (digest,)).fetchone()
        except sqlite3.Error as exc:
            raise translate(exc, self.db_path) from None
        if row is None:
            return None
        if row[0].startswith("{") and json.loads(row[0]).get("limits") != self.limits_key:
            return None  # an error under other limits: try again under these
        return row[0]

    def _replay(self, hashes: tuple[str, ...], origin: str) -> list[Item] | None:
        """The cached records of a file's messages; None if one is missing (then read the file)."""
        items: list[Item] = []
        for position, digest in enumerate(hashes, 1):
            payload = self._lookup(digest)
            if payload is None:
                return None
            items.extend(replay(payload, origin, position))
        return items

    def _read(self, entry: FileEntry, key: str) -> Iterator[Item]:
        """Read a file's messages; plan the unseen ones for decoding. May drain a full window."""
        hashes: list[str] = []
        try:
            for message in read_file(entry.path, self.limits.max_bytes):
                digest = content_hash(message.data) if self.conn is not None else ""
                hashes.append(digest)
                payload = self._lookup(digest) if self.conn is not None else None
                if payload is not None:
                    self.slots.append(("items", replay(payload, entry.path, message.position)))
                elif digest and digest in self.pending:
                    self.slots.append(("again", message, digest))
                else:
                    if digest:
                        self.pending.add(digest)
                    self.slots.append(("decode", message, digest))
                    self.to_decode += 1
                    self.window_bytes += len(message.data)
                if self._window_full():
                    yield from self._drain()
        except Exception as exc:  # OSError, a corrupt compressed file: as pipeline.decode_file
            self.slots.append(("items", [ScanError(entry.path, 0, describe_error(exc))]))
            return
        if self.writer is not None:
            self.slots.append(("file", key, entry, maildir_unique_name(entry.path), hashes))


def _under_any(path: str, folders: list[str]) -> bool:
    return any(path == f or path.startswith(f.rstrip(os.sep) + os.sep) for f in folders)


def scan(conn: sqlite3.Connection | None, db_path: str, paths: Iterable[str], *, jobs: int = 1,
         limits: Limits = DEFAULT, on_progress: Progress | None = None,
         warn: Callable[[str], None] = lambda _: None) -> Iterator[Item]:
    """Every record and error under `paths`, through the cache when `conn` is given."""
    try:
        yield from CachedScan(conn, db_path, warn, jobs, limits).run(paths, on_progress)
    except StoreError:
        raise
    except sqlite3.Error as exc:
        raise translate(exc, db_path) from None
