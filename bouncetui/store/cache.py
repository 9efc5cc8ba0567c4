"""The index cache: scan paths, decoding only the messages the database has not seen.

For each file `sources.iter_files` lists (path, size, mtime, without reading it):

1. the same path with the same size and mtime: its records come from the cache, unread;
2. a Maildir message whose unique name (the part before ':2,') and size and mtime match a known
   file: a flag rename (`:2,S` -> `:2,RS`) or a move between new/ and cur/; unread too;
3. anything else is read and split into messages; each message's content hash is looked up and
   only unseen messages are decoded (an mbox that grew decodes only its new messages; a file that
   moved elsewhere is read but not decoded again).

Records are stored without origin and position, and get the current ones back when replayed, so
tokens (which do not depend on the path) survive renames. A file's row also keeps its messages'
record tokens, so a lazy scan (the explorer's) hands out an unchanged file's records without
reading them (records.CachedFiles). A scan for JSON Lines (text) hands them out as the cache
keeps their text (records.CachedLines), neither decoding their JSON nor encoding it again.
Files under a scanned folder that are no longer listed are forgotten when the scan completes,
and messages no file refers to any more are dropped; triage, keyed by token, is untouched. Writes
are batched in short transactions (store/writer.py).
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import operator
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from bouncetui.limits import DEFAULT, Limits
from bouncetui.model import Bounce, ScanError
from bouncetui.pipeline import decode_raw
from bouncetui.pipeline import scan as scan_uncached
from bouncetui.sources import FileEntry, RawMessage, describe_error, iter_file_lists, read_file
from bouncetui.store.records import (
    CachedFiles,
    CachedLines,
    RecordSource,
    as_text,
    encode,
    replay,
    text_token_word,
    token_word,
    usable,
)
from bouncetui.store.schema import StoreError, connect, translate
from bouncetui.store.writer import Writer

if TYPE_CHECKING:  # imported when a window is decoded on worker processes: a rescan needs none
    from bouncetui.store.workers import Workers

WINDOW_MESSAGES = 256  # messages decoded together (on the worker processes when jobs > 1) ...
FIRST_WINDOW = 8  # ... but the first window is this small, and each next one twice the last, so
                  # the first records come out before many messages are read
WINDOW_BYTES = 32 * 1024 * 1024  # ... or this many bytes of them
WINDOW_SLOTS = 2048  # emit cached records at least this often
POOL_MIN_MESSAGES = 48  # below this, starting worker processes costs more than it saves
LIST_AHEAD = 2048  # files listed before the first is looked at (a folder this small: a true total)
LOOKUP_FILES = 1024  # unchanged files whose records are fetched in one query ...
LOOKUP_CHUNK = 500  # ... this many content hashes per IN (...)
NOT_ONE_MESSAGE = frozenset(("", "!", "?"))  # token words of a one-message file that are not its records
FIRST_CHUNK = 512  # unchanged files per CachedFiles chunk at first, twice as many in each next ...
CHUNK_FILES = 16384  # ... up to this many
MMAP_BYTES = 64 << 20  # the part of the database a scan reads through a memory map (see _map)
TEXT_MESSAGES = 2048  # cached messages per CachedLines chunk (a big mailbox's text is written in parts)
KNOWN_ROWS = 2048  # cached file rows read at a time while a scan looks at the files (see Known)
KNOWN_AT = "SELECT path, size, mtime, hashes, tokens FROM files WHERE path = ?"
KNOWN_NEXT = "SELECT path, size, mtime, hashes, tokens FROM files WHERE path > ? AND path < ? ORDER BY path LIMIT ?"
KNOWN_COUNT = "SELECT count(*) FROM files WHERE path > ? AND path < ?"
MAILDIR_INFO = re.compile(r"[:!;]2,")  # the separator before a Maildir message's flags

Progress = Callable[[int, int], None]
_first = operator.itemgetter(0)
Item = Bounce | ScanError


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def maildir_unique_name(path: str) -> str | None:
    """The unique name of a message file in a Maildir's cur/ or new/, or None elsewhere."""
    folder, name = os.path.split(path)
    if os.path.basename(folder) not in ("cur", "new"):
        return None
    return MAILDIR_INFO.split(name, maxsplit=1)[0]


def _map(conn: sqlite3.Connection) -> None:
    """Let SQLite read the database through a memory map: a rescan looks up every cached message
    by its hash, all over the file, and a mapped page costs no read() (a third less CPU). Only its
    first MMAP_BYTES: every mapped page a scan touches stays in its resident memory, so a 165 MB
    database (100,000 messages) mapped whole made a warm scan's peak 320 MB; mapping 64 MB of it
    gave 225 MB and the same CPU time (the rest is read into SQLite's small page cache)."""
    try:
        conn.execute("PRAGMA mmap_size = %d" % MMAP_BYTES)
    except sqlite3.Error:
        pass  # then it reads as usual


class CachedScan:
    """One scan through the cache (or, with conn None, straight through the decoders).

    The listing is streamed: files are looked at while the folder is still being listed.
    Unchanged files are gathered and their records fetched LOOKUP_FILES at a time (one query per
    LOOKUP_CHUNK content hashes, not one per message). Work is planned in windows of slots kept in
    output order: records ready from the cache, messages to decode, and file rows to record once
    their messages are decoded. A window is decoded at once (on `jobs` worker processes when it
    is big enough and they have started) and then written out.

    With cached_first, records of unchanged files come out as soon as they are fetched, ahead of
    the messages still being decoded (a folder scanned before lists at once, then what changed);
    otherwise the output is in file order. With lazy (which implies cached_first), they are not
    even fetched: they come as CachedFiles chunks, read from the files' rows alone, and are built
    when asked (see records.py). With text, they come as CachedLines chunks (for JSON Lines).
    """

    def __init__(self, conn: sqlite3.Connection | None, db_path: str, warn: Callable[[str], None],
                 jobs: int = 1, limits: Limits = DEFAULT, cached_first: bool = False, lazy: bool = False,
                 text: bool = False) -> None:
        self.conn = conn
        if conn is not None:
            _map(conn)
        self.lazy = lazy and conn is not None
        self.text = text and not self.lazy
        self.source = RecordSource(functools.partial(connect, db_path)) if self.lazy else None
        self.chunk_files = FIRST_CHUNK
        self.lazy_files: list[tuple[str, str, str]] = []
        self.limits = limits
        self.limits_key = repr(limits)
        self.db_path = db_path
        self.writer = Writer(conn, db_path, warn) if conn is not None else None
        self.jobs = jobs
        self.cached_first = cached_first or self.lazy
        self.replaced = 0  # files whose cached messages were replaced (garbage may be left)
        self.slots: list[tuple] = []
        self.lookahead: list[tuple] = []  # (entry, key, hashes, uniq or None, write the row, tokens)
        self.to_decode = 0
        self.window_bytes = 0
        self.window_messages = min(FIRST_WINDOW, WINDOW_MESSAGES)
        self.pending: set[str] = set()  # digests of the window's messages to decode
        self.pool: Workers | None = None
        self.waiting: tuple[list[tuple], Iterator] | None = None  # a window the workers decode
        self.done = self.listed = self.expected = 0
        self.on_progress: Progress | None = None

    def run(self, paths: Iterable[str], on_progress: Progress | None) -> Iterator[Item]:
        listings = []
        for root in paths:
            if root == "-":
                listings.append((root, [], iter(()), {}, 0))
                continue
            rest = iter_file_lists(root)
            head: list[FileEntry | ScanError] = []
            for batch in rest:
                head += batch
                if len(head) >= LIST_AHEAD:
                    break
            else:
                rest = iter(())  # all listed
            files = sum(isinstance(e, FileEntry) for e in head)
            known = self._known(root)
            # still listing: the files cached under root stand for those not listed yet
            estimate = max(0, known.count() - files) if len(head) >= LIST_AHEAD else 0
            self.expected += estimate
            self.listed += files
            listings.append((root, head, rest, known, estimate))
        self.on_progress = on_progress
        self._progress()
        try:
            for root, head, rest, known, estimate in listings:
                if root == "-":
                    yield from scan_uncached(["-"], limits=self.limits)
                    continue
                yield from self._root(root, itertools.chain((head,), self._counted(rest, estimate)), known)
        finally:
            if self.pool is not None:
                self.pool.terminate()
            if self.writer:  # an interrupted scan still keeps what it decoded
                self.writer.flush()

    def _progress(self) -> None:
        if self.on_progress:
            self.on_progress(self.done, max(self.listed + self.expected, self.done))

    def _counted(self, rest: Iterator[list[FileEntry | ScanError]],
                 estimate: int) -> Iterator[list[FileEntry | ScanError]]:
        """The rest of a listing, in lists, counted as they come; each file listed replaces one estimated."""
        for batch in rest:
            files = sum(map(isinstance, batch, itertools.repeat(FileEntry, len(batch))))
            self.listed += files
            if estimate:
                gone = min(estimate, files)
                estimate -= gone
                self.expected -= gone
            yield batch
        self.expected -= estimate

    def _root(self, root: str, lists: Iterable[list[FileEntry | ScanError]], known: Known) -> Iterator[Item]:
        """Scan one root; `known` holds its cached files, and loses those still there."""
        unlisted: list[str] = []  # folders or files that could not be listed
        top = os.path.abspath(root)
        absolute = top == root
        listed, mine = root.rstrip(os.sep) + os.sep, top.rstrip(os.sep) + os.sep
        lazy, pop, more = self.lazy, known.rows.pop, known.more
        eager = self.conn is not None and not lazy
        for entry in itertools.chain.from_iterable(lists):
            if isinstance(entry, ScanError):
                yield from self._resolve()
                unlisted.append(os.path.abspath(entry.origin))
                self.slots.append(("items", [entry]))
                continue
            path = entry.path
            if absolute:
                key = path
            elif path.startswith(listed):  # root's absolute path and the names under it (no abspath each)
                key = mine + path[len(listed):]
            else:
                key = os.path.abspath(path)
            row = pop(key, None)
            if row is None:
                row = more(key)
            if eager and row is not None and row[1] == entry.size and row[2] == entry.mtime:
                self.lookahead.append((entry, key, row[3].split(), None, False, row[4]))  # unchanged
                if len(self.lookahead) >= LOOKUP_FILES:
                    yield from self._resolve()
                continue
            if lazy and row is not None and row[1] == entry.size and row[2] == entry.mtime and whole(row[3], row[4]):
                if self.lookahead:  # the cached files before it first: the list keeps the files' order
                    yield from self._resolve()
                self.lazy_files.append((path, row[3], row[4]))  # unchanged, its records known by token
                if len(self.lazy_files) >= self.chunk_files:
                    yield from self._give_lazy()
                continue
            if lazy:
                yield from self._give_lazy()
            yield from self._file(entry, key, row)
        yield from self._give_lazy()
        yield from self._resolve()
        yield from self._drain(last=True)
        if self.writer:
            gone = [p for p in known.rest() if not _under_any(p, unlisted)]
            self.writer.flush(forget=gone, collect=bool(gone or self.replaced))
            self.replaced = 0

    def _window_full(self) -> bool:
        return (self.to_decode >= self.window_messages or self.window_bytes >= WINDOW_BYTES
                or len(self.slots) >= WINDOW_SLOTS)

    def _drain(self, last: bool = False) -> Iterator[Item]:
        """Decode the window's messages, then emit its slots in order. A window sent to the
        workers is emitted after the next one is read and sent (or when `last`), so they decode
        while this process reads and writes."""
        slots, self.slots = self.slots, []
        messages = [slot[1] for slot in slots if slot[0] == "decode"]
        results = self._decode(messages)
        if messages:
            self.window_messages = min(self.window_messages * 2, WINDOW_MESSAGES)
        self.to_decode = self.window_bytes = 0
        self.pending = set()
        waiting, self.waiting = self.waiting, None
        if waiting is not None:
            yield from self._emit(*waiting)
        if isinstance(results, list) or last:  # decoded already (here), or nothing follows
            yield from self._emit(slots, iter(results))
        else:
            self.waiting = (slots, results)

    def _emit(self, slots: list[tuple], results: Iterator[list[Bounce] | ScanError | str]) -> Iterator[Item]:
        """A window's slots in order, with its decoded messages' results."""
        decoded: dict[str, str] = {}
        for slot in slots:
            kind = slot[0]
            if kind == "items":
                yield from slot[1]
            elif kind == "decode":
                message, digest, words, at = slot[1:]
                result = next(results)
                if isinstance(result, str):  # from a worker, as the cache keeps it
                    payload, items = result, replay(result, message.origin, message.position)
                else:
                    payload, items = None, [result] if isinstance(result, ScanError) else result
                if self.writer is not None:
                    payload = payload or encode(result, self.limits_key)  # type: ignore[arg-type]
                    decoded[digest] = self.writer.messages[digest] = payload
                    words[at] = token_word(items)
                yield from items
            elif kind == "again":  # the same content as an earlier message of the window
                message, digest, words, at = slot[1:]
                items = replay(decoded[digest], message.origin, message.position)
                words[at] = token_word(items)
                yield from items
            elif kind == "file":
                key, entry, uniq, hashes, words = slot[1:]
                self.writer.put_file(key, entry, uniq, hashes, words if isinstance(words, str) else " ".join(words))
            elif kind == "done":
                self.done += slot[1]
                self._progress()
        if self.writer:
            self.writer.maybe_flush()

    def _decode(self, messages: list[RawMessage]) -> list[list[Bounce] | ScanError | str] | Iterator:
        """Each message's records or error: a list when decoded here; from the workers, as they
        come, and when the cache is written, as the cache keeps them (encoded there: a string
        pickles and comes back far cheaper than records)."""
        if (self.pool is None and self.jobs > 1 and len(messages) >= min(POOL_MIN_MESSAGES, self.window_messages)
                and self.listed - self.done >= POOL_MIN_MESSAGES):
            from bouncetui.store.workers import Workers

            self.pool = Workers(self.jobs)  # a window filled and more files wait: start the workers
        if self.pool is None or not self.pool.usable() or len(messages) < 2 * self.jobs:
            return [decode_raw(m, self.limits) for m in messages]  # meanwhile, this process decodes
        return self.pool.map(messages, self.limits, self.limits_key if self.writer is not None else None)

    def _known(self, root: str) -> Known:
        """The cached files at or under `root`, by absolute path: (path, size, mtime, hashes, tokens)."""
        if self.conn is None:
            return Known(None, "", self.db_path)
        return Known(self.conn, os.path.abspath(root), self.db_path)

    def _file(self, entry: FileEntry, key: str, row: tuple | None) -> Iterator[Item]:
        """Plan one file: from the cache when it is unchanged or renamed, else read it."""
        if self.conn is None:
            yield from self._read(entry, key)
            self.slots.append(("done", 1))
            if self._window_full():
                yield from self._drain()
            return
        if row is not None and row[1] == entry.size and row[2] == entry.mtime:
            self.lookahead.append((entry, key, row[3].split(), None, False, row[4]))
        else:
            uniq = maildir_unique_name(entry.path)
            renamed = self._renamed(uniq, entry) if uniq is not None else None
            if renamed is not None:  # renamed: remember the new name
                self.lookahead.append((entry, key, renamed[0], uniq, True, renamed[1]))
            else:
                if not self.cached_first:
                    yield from self._resolve()  # the files before it come first
                if row is not None:
                    self.replaced += 1
                yield from self._read(entry, key)
                self.slots.append(("done", 1))
                if self._window_full():
                    yield from self._drain()
                return
        if len(self.lookahead) >= LOOKUP_FILES:
            yield from self._resolve()

    def _fetch(self, digests: Iterable[str], text: bool = False) -> dict[str, str]:
        """The cached records of `digests` that are usable under this scan's limits: as encoded,
        or with text their text (records.as_text: "" for none, an error's JSON)."""
        wanted = list(dict.fromkeys(digests))
        found: dict[str, str] = {}
        pending = self.writer.messages
        query = "SELECT hash, %s FROM messages WHERE hash IN (%%s)" % ("coalesce(lines, records)" if text else "records")
        try:
            for i in range(0, len(wanted), LOOKUP_CHUNK):
                chunk = wanted[i : i + LOOKUP_CHUNK]
                found.update(self.conn.execute(query % ",".join("?" * len(chunk)), chunk).fetchall())
        except sqlite3.Error as exc:
            raise translate(exc, self.db_path) from None
        if pending:
            found.update((d, as_text(pending[d]) if text else pending[d]) for d in wanted if d in pending)
        for digest in [d for d, payload in found.items() if payload.startswith("{")]:
            if json.loads(found[digest]).get("limits") != self.limits_key:
                del found[digest]  # an error under other limits: try again under these
        return found

    def _resolve(self) -> Iterator[Item]:
        """The records of the gathered unchanged files, fetched together; a file with a message
        missing from the cache is read instead."""
        if not self.lookahead:
            return
        files, self.lookahead = self.lookahead, []
        if self.lazy:  # those whose records are known by token come as they are; the rest are fetched
            rest = []
            for file in files:
                entry, key, hashes, uniq, write, tokens = file
                if not usable(hashes, tokens.split()):
                    rest.append(file)
                    continue
                self.lazy_files.append((entry.path, " ".join(hashes), tokens))
                if write:
                    self.slots.append(("file", key, entry, uniq, hashes, tokens))
            yield from self._give_lazy()
            files = rest
        text = self.text
        found = self._fetch((digest for file in files for digest in file[2]), text)
        ready: list[Item] = []  # the records of consecutive cached files, given out together
        texts: list[tuple[str, int, str]] = []  # ... or those not given yet, as text
        count = 0
        for entry, key, hashes, uniq, write, tokens in files:
            if hashes[0] in found if len(hashes) == 1 else all(digest in found for digest in hashes):
                if text and len(hashes) > 1 and not write:  # a mailbox: its messages at once
                    payloads = list(map(found.__getitem__, hashes))
                    if "" not in payloads and not any(map(_is_error, payloads)):
                        texts.extend(zip(itertools.repeat(entry.path), range(1, len(payloads) + 1), payloads))
                        count += 1
                        continue
                words = []
                for position, digest in enumerate(hashes, 1):
                    payload = found[digest]
                    if text and not payload.startswith("{"):  # its records' text ("": it has none)
                        if payload:
                            texts.append((entry.path, position, payload))
                        if write:
                            words.append(text_token_word(payload))
                        continue
                    if texts:
                        ready += _text_chunks(texts)
                        texts = []
                    items = replay(payload, entry.path, position)
                    words.append(token_word(items))
                    ready += items
                count += 1
                if write:
                    self.slots.append(("file", key, entry, uniq, hashes, words))
                continue
            if texts:
                ready += _text_chunks(texts)
                texts = []
            yield from self._give(ready, count)
            ready, count = [], 0
            yield from self._read(entry, key)
            self.slots.append(("done", 1))
            if self._window_full():
                yield from self._drain()
        if texts:
            ready += _text_chunks(texts)
        yield from self._give(ready, count)

    def _give_lazy(self) -> Iterator[Item]:
        """The gathered unchanged files' records, as one CachedFiles chunk (each bigger than the last)."""
        if not self.lazy_files:
            return
        files, self.lazy_files = self.lazy_files, []
        self.chunk_files = min(2 * self.chunk_files, CHUNK_FILES)
        yield CachedFiles(self.source, files)
        self.done += len(files)
        self._progress()
        if self.writer:
            self.writer.maybe_flush()

    def _give(self, ready: list[Item], count: int) -> Iterator[Item]:
        """Records of `count` cached files: out now with cached_first, else in the window."""
        if not count:
            return
        if self.cached_first:
            yield from ready
            self.done += count
            self._progress()
            if self.writer:
                self.writer.maybe_flush()
        else:
            self.slots.append(("items", ready))
            self.slots.append(("done", count))
            if self._window_full():
                yield from self._drain()

    def _renamed(self, uniq: str, entry: FileEntry) -> tuple[list[str], str] | None:
        """The hashes and token words of the file a Maildir message had before a rename, or None."""
        query = "SELECT mtime, hashes, tokens FROM files WHERE uniq = ? AND size = ?"
        try:
            for mtime, hashes, tokens in self.conn.execute(query, (uniq, entry.size)):
                if mtime == entry.mtime:
                    return hashes.split(), tokens
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

    def _read(self, entry: FileEntry, key: str) -> Iterator[Item]:
        """Read a file's messages; plan the unseen ones for decoding. May drain a full window."""
        hashes: list[str] = []
        words: list[str] = []  # their token words, filled in as their records are known
        try:
            for message in read_file(entry.path, self.limits.max_bytes):
                digest = content_hash(message.data) if self.conn is not None else ""
                hashes.append(digest)
                words.append("?")
                payload = self._lookup(digest) if self.conn is not None else None
                if payload is not None:
                    items = replay(payload, entry.path, message.position)
                    words[-1] = token_word(items)
                    self.slots.append(("items", items))
                elif digest and digest in self.pending:
                    self.slots.append(("again", message, digest, words, len(words) - 1))
                else:
                    if digest:
                        self.pending.add(digest)
                    self.slots.append(("decode", message, digest, words, len(words) - 1))
                    self.to_decode += 1
                    self.window_bytes += len(message.data)
                if self._window_full():
                    yield from self._drain()
        except Exception as exc:  # OSError, a corrupt compressed file: as pipeline.decode_file
            self.slots.append(("items", [ScanError(entry.path, 0, describe_error(exc))]))
            return
        if self.writer is not None:
            self.slots.append(("file", key, entry, maildir_unique_name(entry.path), hashes, words))


_is_error = operator.methodcaller("startswith", "{")  # a cached message's text that is an error's JSON


class Known:
    """The cached files at or under a root, by absolute path: (path, size, mtime, hashes, tokens),
    read as the scan needs them rather than all before it starts (100,000 rows take a noticeable
    time and memory). The scan pops each listed file's row from `rows` and, when it is not there,
    asks `more`, which reads on in the table's (path) order until past that path: a scan lists
    files in nearly that order, so `rows` stays small. Rows a scan writes are never read back: it
    writes a file's row only after asking for it, and reading goes on only past what was asked.
    `rest()` reads what is left: the cached files the scan did not list."""

    def __init__(self, conn: sqlite3.Connection | None, top: str, db_path: str) -> None:
        self.conn, self.top, self.db_path = conn, top, db_path
        self.rows: dict[str, tuple] = {}
        self.after = ""  # the last path read; "" before the first
        self.done = conn is None
        self.low, self.high = top.rstrip(os.sep) + os.sep, top.rstrip(os.sep) + chr(ord(os.sep) + 1)
        if conn is not None:  # the root itself (a file)
            self.rows.update((row[0], row) for row in self._query(KNOWN_AT, (top,)))

    def count(self) -> int:
        """How many files are cached at or under the root."""
        if self.conn is None:
            return 0
        return self._query(KNOWN_COUNT, (self.low, self.high))[0][0] + len(self.rows)

    def more(self, path: str) -> tuple | None:
        """The row of `path`, reading on in the table until past it; None if it has none."""
        rows = self.rows
        while not self.done and self.after <= path:
            self._read(KNOWN_ROWS)
        return rows.pop(path, None)

    def rest(self) -> list[str]:
        """The paths of the rows not asked for, all read."""
        while not self.done:
            self._read(KNOWN_ROWS * 16)
        return list(self.rows)

    def _read(self, limit: int) -> None:
        batch = self._query(KNOWN_NEXT, (max(self.after, self.low), self.high, limit))
        if len(batch) < limit:
            self.done = True
        if batch:
            self.after = batch[-1][0]
            self.rows.update(zip(map(_first, batch), batch))

    def _query(self, query: str, args: tuple) -> list[tuple]:
        try:
            return self.conn.execute(query, args).fetchall()  # type: ignore[union-attr]
        except sqlite3.Error as exc:
            raise translate(exc, self.db_path) from None


def _text_chunks(texts: list[tuple[str, int, str]]) -> list[CachedLines]:
    """Cached messages' text as CachedLines chunks of at most TEXT_MESSAGES messages."""
    return [CachedLines(texts[i : i + TEXT_MESSAGES]) for i in range(0, len(texts), TEXT_MESSAGES)]


def whole(hashes: str, tokens: str) -> bool:
    """True if a file row's token words name every record of its messages (see records.usable)."""
    if " " not in hashes:  # one message: the common case, without splitting
        return tokens not in NOT_ONE_MESSAGE and " " not in tokens
    return usable(hashes.split(), tokens.split())


def _under_any(path: str, folders: list[str]) -> bool:
    return any(path == f or path.startswith(f.rstrip(os.sep) + os.sep) for f in folders)


def scan(conn: sqlite3.Connection | None, db_path: str, paths: Iterable[str], *, jobs: int = 1,
         limits: Limits = DEFAULT, on_progress: Progress | None = None,
         warn: Callable[[str], None] = lambda _: None, cached_first: bool = False,
         lazy: bool = False, text: bool = False) -> Iterator[Item | CachedFiles | CachedLines]:
    """Every record and error under `paths`, through the cache when `conn` is given."""
    try:
        yield from CachedScan(conn, db_path, warn, jobs, limits, cached_first, lazy, text).run(paths, on_progress)
    except StoreError:
        raise
    except sqlite3.Error as exc:
        raise translate(exc, db_path) from None

