"""Where the explorer's records, triage state and exports come from: the store, or a fallback.

The explorer talks only to a Backend. `StoreBackend` uses `bouncetui.store` (the SQLite index
cache and triage state) when that module is installed; `ScanBackend` scans with the pipeline and
keeps triage in memory; `StaticBackend` serves given records (tests, benchmarks). Scanning runs in
a worker thread; the store serialises triage calls and gives each scan a connection of its own.

The store's first scan of the explorer lists what the index holds at once, before it looks at
the mail (`Store.cached_listing`), then a `LISTED` item, then only what changed: the records of
new and changed files, and `Withdrawn` for the files that changed or are gone. Each later scan
(a rescan) gives only what changed since the one before, the same way (`rescans_changes`).
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from bouncetui.model import Bounce, ScanError
from bouncetui.tui.records import Withdrawn

try:  # the store (issue 6) may not be installed yet: fall back to an in-memory triage
    from bouncetui import store as _store
except ImportError:  # pragma: no cover - depends on what is installed
    _store = None  # type: ignore[assignment]

STATES: tuple[str, ...] = getattr(_store, "STATES", ("new", "investigating", "resolved", "suppress", "ignore"))
EXPORT_FORMATS = (("csv", "CSV"), ("jsonl", "JSON Lines"), ("suppression", "Suppression list"))
Progress = Callable[[int, int], None]
LISTED = "listed"  # a scan item: every row the index held is out, what follows is what changed
# The index's first screenful is read while the app starts; the rest waits until that screenful
# is on the screen (Backend.first_rows_shown), or this long: read meanwhile, it took the
# interpreter's lock from the app's start and its first drawing.
LISTING_WAIT = 3.0


@dataclass(frozen=True, slots=True)
class _Failed:
    """What reading the index's listing raised, passed on to the scan."""

    error: BaseException


@dataclass(frozen=True, slots=True)
class TriageState:
    state: str = "new"
    note: str = ""
    changed: float = 0.0


class Backend:
    """Records for some paths, and triage state by token."""

    paths: list[str]
    persistent = False
    warning = ""  # a problem the user should hear about (say, triage will not be saved)
    rescans_changes = False  # a scan after the first gives only what changed (else: every record again)

    def __init__(self) -> None:
        self._triage: dict[str, Any] = {}  # in memory, for the backends without a store

    def scan(self, on_progress: Progress, cancelled: Callable[[], bool]) -> Iterator[Bounce | ScanError]:
        raise NotImplementedError

    def triage(self) -> dict[str, Any]:
        return dict(self._triage)

    def set_triage(self, tokens: Iterable[str], state: str | None = None, note: str | None = None) -> None:
        for token in tokens:
            old = self._triage.get(token, TriageState())
            self._triage[token] = TriageState(state or old.state, old.note if note is None else note)

    def close(self) -> None:
        pass

    def first_rows_shown(self) -> None:
        """The app drew the first rows of the first scan (called from the app's thread)."""

    def scan_warnings(self) -> list[str]:
        """Problems the last scans went on despite (a cache that could not be written, ...)."""
        return []


class ScanBackend(Backend):
    """Scan with the pipeline, file by file (for progress), triage kept in memory."""

    def __init__(self, paths: list[str]) -> None:
        super().__init__()
        self.paths = list(paths)

    def scan(self, on_progress: Progress, cancelled: Callable[[], bool]) -> Iterator[Bounce | ScanError]:
        from bouncetui.pipeline import scan_files
        from bouncetui.sources import FileEntry, iter_files

        entries: list[FileEntry] = []
        for path in self.paths:
            for entry in iter_files(path):
                if isinstance(entry, ScanError):
                    yield entry
                else:
                    entries.append(entry)
        total = len(entries)
        on_progress(0, total)
        for done, (_entry, results) in enumerate(scan_files(entries), 1):
            yield from results
            on_progress(done, total)
            if cancelled():
                return


class StoreBackend(Backend):
    """The store: cached scans (a directory seen before lists at once) and persistent triage."""

    persistent = True

    def __init__(self, paths: list[str], db_path: str | None = None, use_cache: bool = True) -> None:
        super().__init__()
        self.paths = list(paths)
        self.db_path = db_path
        self.use_cache = use_cache
        self.fallback_warning = ""
        self.store = _store.Store(db_path)
        self.listed_once = False  # the first scan lists from the index before it looks at the mail
        self._listing: queue.SimpleQueue[Any] | None = None
        self._first_rows_shown = threading.Event()
        if use_cache:  # read from the index while the app starts, a screenful first
            self._listing = queue.SimpleQueue()
            threading.Thread(target=self._read_listing, args=(self._listing,), name="bouncetui-listing",
                             daemon=True).start()

    def _read_listing(self, chunks: queue.SimpleQueue[Any]) -> None:
        """Put the index's listing on `chunks` chunk by chunk as it is read, then None (or what
        it raised: the first scan raises it, see scan)."""
        try:
            listing = iter(self.store.cached_listing(self.paths))
            first = next(listing, None)
            if first is not None:  # the first screenful now, the rest once it is drawn
                chunks.put(first)
                self._first_rows_shown.wait(LISTING_WAIT)
                for chunk in listing:
                    chunks.put(chunk)
            chunks.put(None)
        except BaseException as exc:  # noqa: BLE001 - a damaged index: see scan
            chunks.put(_Failed(exc))

    def _listed(self) -> Iterator[Any]:
        """The chunks of the listing read since the backend was made, as they come."""
        chunks, self._listing = self._listing, None
        while chunks is not None:
            chunk = chunks.get()
            if chunk is None:
                return
            if isinstance(chunk, _Failed):
                raise chunk.error
            yield chunk

    def scan(self, on_progress: Progress, cancelled: Callable[[], bool]) -> Iterator[Any]:
        # every core decodes (jobs=None); what the cache holds comes first (unbuilt: see
        # records.RecordSet), then what changed
        yielded = False
        listed: dict[str, tuple[str, str, str]] = {}  # path -> (path, hashes, tokens) as listed, until seen again
        try:
            if self.use_cache and not self.listed_once:
                self.listed_once = True
                chunks = []
                for chunk in self._listed():  # the first screenful as soon as it is read
                    yielded = True
                    chunks.append(chunk)
                    yield chunk
                if chunks:
                    yield LISTED  # on the screen now; the bookkeeping follows
                for chunk in chunks:
                    listed.update((file[0], file) for file in chunk.files)
            elif self.use_cache:  # a rescan: what the index holds is on screen already, like a listing
                for chunk in self.store.cached_listing(self.paths):
                    listed.update((file[0], file) for file in chunk.files)
            items = self.store.scan(self.paths, use_cache=self.use_cache, on_progress=on_progress, jobs=None,
                                    cached_first=True, lazy=True)
            for item in items:
                yielded = True
                if listed:
                    yield from _changes(item, listed)
                else:
                    yield item
                if cancelled():
                    return
            if listed:  # listed, and not found again: gone
                yield Withdrawn([(path, _tokens(file[2])) for path, file in listed.items()])
        except _store.StoreError as exc:
            if yielded:
                raise
            # a damaged index must not hide the mail: scan without it, and say so
            self.fallback_warning = "The index could not be used (%s): scanned without it." % exc
            yield from ScanBackend(self.paths).scan(on_progress, cancelled)

    @property
    def rescans_changes(self) -> bool:  # type: ignore[override]
        return self.use_cache and not self.fallback_warning

    def scan_warnings(self) -> list[str]:
        found = list(getattr(self.store, "warnings", ()))
        if self.fallback_warning:
            found.append(self.fallback_warning)
        return found

    def triage(self) -> dict[str, Any]:
        return dict(self.store.triage())

    def set_triage(self, tokens: Iterable[str], state: str | None = None, note: str | None = None) -> None:
        self.store.set_triage(list(tokens), state=state, note=note)

    def first_rows_shown(self) -> None:
        self._first_rows_shown.set()

    def close(self) -> None:
        self._first_rows_shown.set()
        self.store.close()


def _tokens(words: str) -> list[str]:
    """The record tokens in a file row's token words."""
    return [token for word in words.split() if word != "-" for token in word.split(",")]


def _changes(item: Any, listed: dict[str, tuple[str, str, str]]) -> Iterator[Any]:
    """A scan item after the index's listing: what was listed unchanged is left out, a file
    listed but now different is withdrawn before its records come again (`listed` loses both)."""
    if isinstance(item, (Bounce, ScanError)):
        was = listed.pop(item.origin, None)
        if was is not None:
            yield Withdrawn([(item.origin, _tokens(was[2]))])
        yield item
        return
    files = getattr(item, "files", None)
    if files is None:
        yield item
        return
    kept, gone = [], []
    pop = listed.pop
    for file in files:  # a CachedFiles chunk: (path, hashes, tokens) each
        was = pop(file[0], None)
        if was is not None:
            if was[1] == file[1] and was[2] == file[2]:
                continue  # listed as it is
            gone.append((file[0], _tokens(was[2])))
        elif not _tokens(file[2]):
            continue  # a file with no record (the listing leaves those out too)
        kept.append(file)
    if gone:
        yield Withdrawn(gone)
    if kept:
        yield item if len(kept) == len(files) else type(item)(item.source, kept)


class StaticBackend(Backend):
    """Records given up front: for tests and benchmarks."""

    def __init__(self, items: Iterable[Bounce | ScanError], paths: list[str] | None = None) -> None:
        super().__init__()
        self.items = list(items)
        self.paths = paths or ["(records)"]

    def scan(self, on_progress: Progress, cancelled: Callable[[], bool]) -> Iterator[Bounce | ScanError]:
        total = len(self.items)
        on_progress(0, total)
        for done, item in enumerate(self.items, 1):
            if cancelled():
                return
            yield item
            on_progress(done, total)


def make_backend(paths: list[str], db_path: str | None = None, use_cache: bool = True) -> Backend:
    """The store when it is installed and can open its database, else the plain scan."""
    if _store is None:
        backend = ScanBackend(paths)
        backend.warning = "The index store is not installed: triage lasts only until you quit."
        return backend
    try:
        return StoreBackend(paths, db_path, use_cache)
    except Exception as exc:  # a store that cannot open must not keep the explorer from starting
        backend = ScanBackend(paths)
        backend.warning = "Cannot open the index (%s): every message is decoded again and triage lasts " \
                          "only until you quit." % exc
        return backend


def read_raw(origin: str, position: int) -> bytes:
    """The raw bytes of the message at (origin, position), as the scan read them."""
    from bouncetui.sources import read_file

    if origin == "-" or not os.path.exists(origin):
        raise FileNotFoundError(origin)
    for number, raw in enumerate(read_file(origin), 1):
        if raw.position == position or number == position:
            return raw.data
    raise LookupError("%s has no message %d" % (origin, position))


def export(records: list[Bounce], triage: dict[str, Any], out: IO[str], fmt: str) -> int:
    """Write `records` as csv, jsonl or a suppression list; returns the number of lines written."""
    try:  # imported here, when an export is asked for: not while the explorer starts
        from bouncetui import export as _export
    except ImportError:  # pragma: no cover
        _export = None  # type: ignore[assignment]
    if _export is not None:
        if fmt == "suppression":
            entries = list(_export.suppression_list(records, triage))
            _export.write_suppression(entries, out)
            return len(entries)
        result = _export.write_export(records, triage, out, fmt)
        return int(result) if isinstance(result, int) else len(records)
    from bouncetui.formats import WRITERS

    if fmt == "suppression":
        addresses = sorted({
            r.recipient.lower() for r in records
            if getattr(triage.get(r.token), "state", "new") != "ignore"
            and (r.hardbounce or r.reason == "feedback" or getattr(triage.get(r.token), "state", "") == "suppress")
        })
        out.writelines(a + "\n" for a in addresses)
        return len(addresses)
    return WRITERS[fmt](records, out)
