"""The explorer's data: every record once (duplicates collapsed), with where each came from.

A report found twice (the same token under several origins: a copy in two folders, a message in
both an mbox and a Maildir) is one row; `origins(i)` lists every place it was found. Records are
only ever appended, so an index stays valid for the life of the app; views are index arrays.

Records replayed from the index cache arrive unbuilt (a store CachedFiles chunk names them by
origin, position and token): a row counts, and collapses with its copies, at once, and its Bounce
is built when first read (`rs[i]`, `build`), or all together by `build_all` (which a worker runs
once the list is loaded, and which anything reading every record calls first).

A record can be withdrawn (a `Withdrawn` item: its file is gone or changed since the index
listed it): its row is no longer shown nor counted (`withdrawn`, `live`), its index stays valid,
and its token is free for the record the changed file holds now. A copy of it found elsewhere
(a Maildir message renamed) takes its row instead. A record with a withdrawn row's token (the
same bounce, its file edited or moved) takes that row back: the row is revived with the new
record (`take_revived` says which rows were), and keeps its place in the list.
"""

from __future__ import annotations

import bisect
import itertools
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from bouncetui.model import Bounce, ScanError
from bouncetui.tui.columns import BY_KEY

Ref = tuple[str, int, str, int, str]  # an unbuilt record: origin, position, message hash, index there, token

BUILD_CHUNK = 4096  # records built together (one query for their cached forms)


@dataclass(frozen=True, slots=True)
class Withdrawn:
    """The records listed from these files are gone: (path, tokens of its records) each."""

    files: list[tuple[str, Sequence[str]]]


class RecordSet:
    """Append-only records with lookups by token and by report (origin, position)."""

    def __init__(self) -> None:
        self._items: list[Bounce | None] = []  # None: not built yet (see _ref)
        self._chunks: list[Any] = []  # simple CachedFiles chunks: record start + j is file j's ...
        self._starts: list[int] = []  # ... where start is the chunk's entry here
        self._refs: dict[int, tuple[Any, Ref]] = {}  # the other unbuilt records: i -> (source, ref)
        self._pending = 0
        self._in_flight: dict[int, threading.Event] = {}  # records being built: set once they are
        self._cursor = 0  # the records before it are all built
        self._lock = threading.RLock()  # adding and building
        self.by_token: dict[str, int] = {}
        self.duplicates: dict[int, list[Bounce]] = {}  # the same report found elsewhere
        self.errors: list[ScanError] = []
        self._error_set: set[ScanError] = set()
        self.withdrawn: set[int] = set()  # rows no longer shown (see Withdrawn)
        self._vacated: dict[str, int] = {}  # token -> its withdrawn row, for the record that comes back
        self._revived: list[int] = []  # rows given back since take_revived

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index: int) -> Bounce:
        record = self._items[index]
        if record is None:
            self.build((index,))
            record = self._items[index]
        return record  # type: ignore[return-value]

    @property
    def records(self) -> list[Bounce]:
        """Every record, built (see build_all)."""
        return self.build_all()

    @property
    def live(self) -> int:
        """Records not withdrawn: the rows there are."""
        return len(self._items) - len(self.withdrawn)

    def alive(self, indexes: Iterable[int]) -> list[int]:
        """`indexes` without the withdrawn ones."""
        gone = self.withdrawn
        return [i for i in indexes if i not in gone] if gone else list(indexes)

    def take_revived(self) -> list[int]:
        """The withdrawn rows that records took back (see the module docstring) since the last call."""
        revived, self._revived = self._revived, []
        return revived

    @property
    def pending(self) -> int:
        """Records not built yet."""
        return self._pending

    def add(self, items: Iterable[Any]) -> list[int]:
        """Add records (and errors, and unbuilt cached records); returns the indexes of the records
        that are new rows."""
        added: list[int] = []
        with self._lock:
            for item in items:
                if isinstance(item, Bounce):
                    self._add(self.token_of(item), item.origin, item.position, item, None, added)
                elif isinstance(item, Withdrawn):
                    self._withdraw(item.files)
                elif isinstance(item, ScanError):
                    if item not in self._error_set:  # a rescan reports the same errors again
                        self._error_set.add(item)
                        self.errors.append(item)
                elif not self._add_simple(item, added):  # a store CachedFiles chunk
                    later: list[tuple[int, Ref]] = []  # copies of known records: built together
                    for ref in item.refs():
                        self._add(ref[4], ref[0], ref[1], None, (item.source, ref), added, later)
                    if later:  # (a Maildir whose messages were all renamed: one query, not one each)
                        for (known, _ref), record in zip(later, item.source.build([ref for _k, ref in later])):
                            self._copy(known, record)
        return added

    @staticmethod
    def token_of(record: Bounce) -> str:
        """The token a record's row is known by (one made up from its place if it has none)."""
        return record.token or "%s#%d#%s" % (record.origin, record.position, record.recipient)

    def _add(self, token: str, origin: str, position: int, record: Bounce | None,
             ref: tuple[Any, Ref] | None, added: list[int], later: list[tuple[int, Ref]] | None = None) -> None:
        known = self.by_token.get(token)
        if known is not None:
            place = (origin, position)
            if place != self.place(known) and all(place != (c.origin, c.position)
                                                   for c in self.duplicates.get(known, ())):
                if record is not None:
                    self._copy(known, record)
                elif later is not None:
                    later.append((known, ref[1]))  # type: ignore[index]
                else:
                    self._copy(known, ref[0].build([ref[1]])[0])  # type: ignore[index]
            return
        if self._vacated and token in self._vacated:
            self._revive(self._vacated.pop(token), token, record, ref)
            return
        index = len(self._items)
        if ref is not None:
            self._refs[index] = ref
            self._pending += 1
        self._items.append(record)
        self.by_token[token] = index
        added.append(index)

    def _revive(self, index: int, token: str, record: Bounce | None, ref: tuple[Any, Ref] | None) -> None:
        """The withdrawn row `index` shows `record` (or the unbuilt `ref`) now."""
        unbuilt = self._items[index] is None
        if record is None:  # unbuilt again: built by the next build_some (its cursor goes back)
            self._refs[index] = ref  # type: ignore[assignment]
            self._pending += not unbuilt
            self._cursor = min(self._cursor, index)
        elif unbuilt:
            self._refs.pop(index, None)
            self._pending -= 1
        self._items[index] = record
        self.withdrawn.discard(index)
        self.by_token[token] = index
        self._revived.append(index)

    def _copy(self, index: int, record: Bounce) -> None:
        """`record` is the record at `index` found at another place."""
        copies = self.duplicates.setdefault(index, [])
        if all((record.origin, record.position) != (c.origin, c.position) for c in copies):
            copies.append(record)

    def _add_simple(self, chunk: Any, added: list[int]) -> bool:
        """A chunk of one-record files none of which is known yet, added without looking at each
        record; False (nothing done) for any other chunk."""
        tokens = [file[2] for file in chunk.files]
        if not chunk.simple() or len(set(tokens)) != len(tokens) or not self.by_token.keys().isdisjoint(tokens) \
                or not self._vacated.keys().isdisjoint(tokens):
            return False
        start, count = len(self._items), len(tokens)
        self._chunks.append(chunk)
        self._starts.append(start)
        self.by_token.update(zip(tokens, range(start, start + count)))
        self._items.extend(itertools.repeat(None, count))
        self._pending += count
        added.extend(range(start, start + count))
        return True

    def _withdraw(self, files: list[tuple[str, Sequence[str]]]) -> None:
        """Withdraw the records of these files (see Withdrawn); a copy found elsewhere takes the row."""
        for path, tokens in files:
            for token in tokens:
                index = self.by_token.get(token)
                if index is None:
                    continue
                copies = self.duplicates.get(index, [])
                if self.place(index)[0] != path:  # a copy was there: only it goes
                    copies[:] = [c for c in copies if c.origin != path]
                elif copies:  # the row shows the record where it is now
                    if self._items[index] is None:
                        self._refs.pop(index, None)
                        self._pending -= 1
                    self._items[index] = copies.pop(0)
                else:
                    self.withdrawn.add(index)
                    del self.by_token[token]
                    self._vacated[token] = index
                if not copies:
                    self.duplicates.pop(index, None)

    def _ref(self, index: int) -> tuple[Any, Ref]:
        """(source, ref) of an unbuilt record."""
        found = self._refs.get(index)
        if found is not None:
            return found
        at = bisect.bisect_right(self._starts, index) - 1
        chunk = self._chunks[at]
        return chunk.source, chunk.ref(index - self._starts[at])

    def place(self, index: int) -> tuple[str, int]:
        """(origin, position) of the record at `index`, without building it."""
        with self._lock:
            record = self._items[index]
            if record is not None:
                return record.origin, record.position
            ref = self._ref(index)[1]
            return ref[0], ref[1]

    def known(self, token: str, record: Bounce) -> str:
        """How a record a scan found again compares with what is listed at its place: "same",
        "changed" (its row or copy there holds another version), or "" (not listed there)."""
        with self._lock:
            index = self.by_token.get(token)
            if index is None:
                return ""
            place = (record.origin, record.position)
            if self.place(index) == place:
                listed = self[index]
            else:
                listed = next((c for c in self.duplicates.get(index, ()) if (c.origin, c.position) == place), None)
                if listed is None:
                    return ""
            return "same" if listed == record else "changed"

    def unseen(self, seen: set[tuple[str, str]]) -> list[tuple[str, list[str]]]:
        """The listed records (rows and copies) whose (token, origin) is not in `seen`, as
        (origin, tokens) per file: what a Withdrawn of them takes."""
        out: dict[str, list[str]] = {}
        with self._lock:
            for token, index in self.by_token.items():
                origin = self.place(index)[0]
                if (token, origin) not in seen:
                    out.setdefault(origin, []).append(token)
                for copy in self.duplicates.get(index, ()):
                    if (token, copy.origin) not in seen:
                        out.setdefault(copy.origin, []).append(token)
        return list(out.items())

    # -- building ----------------------------------------------------------------------------------
    def build(self, indexes: Iterable[int]) -> None:
        """Build the records at `indexes` that are not built yet (any thread; the lock is held
        only around each chunk's build, so a row drawn meanwhile does not wait for it)."""
        if not self._pending:
            return
        indexes = indexes if isinstance(indexes, (list, range, tuple)) else list(indexes)
        for at in range(0, len(indexes), BUILD_CHUNK):
            self._build(indexes[at : at + BUILD_CHUNK])

    def _build(self, indexes: Sequence[int]) -> None:
        """Build the records at `indexes` not built yet: their refs are read under the lock, the
        records made without it (a row drawn meanwhile does not wait for them), then kept under
        it unless built, or given another ref (revived), meanwhile. Those another thread is
        building are waited for, not built twice."""
        done, others = threading.Event(), set()
        groups: dict[int, tuple[Any, list[tuple[int, Any]], list[Ref]]] = {}
        reentered = self._lock._is_owned()  # type: ignore[attr-defined]  # called under the lock: never wait
        with self._lock:
            items, refs, flight = self._items, self._refs, self._in_flight
            for i in indexes:
                if items[i] is None:
                    other = flight.get(i)
                    if other is not None and not reentered:
                        others.add(other)
                        continue
                    if other is None:
                        flight[i] = done
                    source, ref = self._ref(i)
                    group = groups.get(id(source))
                    if group is None:
                        group = groups[id(source)] = (source, [], [])
                    group[1].append((i, refs.get(i)))
                    group[2].append(ref)
        made: list[tuple[list[tuple[int, Any]], list[Bounce]]] = []
        try:
            for source, wanted, wanted_refs in groups.values():
                made.append((wanted, source.build(wanted_refs)))
        finally:
            with self._lock:
                for wanted, records in made:
                    for (i, was), record in zip(wanted, records):
                        if items[i] is None and refs.get(i) is was:
                            items[i] = record
                            refs.pop(i, None)
                            self._pending -= 1
                for _source, wanted, _refs in groups.values():
                    for i, _was in wanted:
                        if flight.get(i) is done:
                            del flight[i]
                if not self._pending:
                    self._chunks.clear()  # nothing more to build from them: their memory goes
                    self._starts.clear()
            done.set()
        for other in others:
            other.wait()

    def build_some(self, count: int = BUILD_CHUNK) -> None:
        """Build up to `count` of the records not built yet, the first first (a worker's step)."""
        with self._lock:
            items, start, end = self._items, self._cursor, len(self._items)
            i, wanted = start, []
            while i < end and len(wanted) < count:
                if items[i] is None:
                    wanted.append(i)
                i += 1
        self._build(wanted)
        with self._lock:  # unless a record was revived unbuilt meanwhile (the next step builds it)
            if self._cursor == start and all(items[k] is not None for k in range(start, i)):
                self._cursor = i

    def built(self, indexes: Iterable[int]) -> list[Bounce]:
        """Build the records at `indexes`; the list of all records, in which those are built."""
        self.build(indexes)
        return self._items  # type: ignore[return-value]

    def build_all(self) -> list[Bounce]:
        """Build every record not built yet; the list of all of them."""
        while self._pending:
            self.build_some()
        return self._items  # type: ignore[return-value]

    # -- lookups ---------------------------------------------------------------------------------
    def origins(self, index: int) -> list[tuple[str, int]]:
        """Every (origin, position) the record at `index` was found at, the first one first."""
        return [self.place(index), *((r.origin, r.position) for r in self.duplicates.get(index, ()))]

    def with_duplicates(self, indexes: Iterable[int]) -> list[Bounce]:
        """The records at `indexes` and every copy of them found elsewhere (for exports)."""
        indexes = list(indexes)
        self.build(indexes)
        out: list[Bounce] = []
        for i in indexes:
            out.append(self._items[i])  # type: ignore[arg-type]
            out.extend(self.duplicates.get(i, ()))
        return out

    def same_report(self, index: int) -> list[int]:
        """The other recipients of the report the record at `index` came from: the records next to
        it from the same place (a report's records are added together, one after the other)."""
        place, out = self.place(index), []
        before = index - 1
        while before >= 0 and self.place(before) == place:
            out.append(before)
            before -= 1
        out.reverse()
        after = index + 1
        while after < len(self._items) and self.place(after) == place:
            out.append(after)
            after += 1
        return self.alive(out)

    def sorted_indexes(self, indexes: Iterable[int], column: str, reverse: bool = False) -> list[int]:
        """`indexes` ordered by `column` (stable: equal keys keep their scan order)."""
        key = BY_KEY[column].sort_key
        records = self.build_all()
        return sorted(indexes, key=lambda i: key(records[i]), reverse=reverse)

    def recipients(self, start: int, stop: int) -> Sequence[str]:
        """The recipients of records start..stop-1 (built as needed)."""
        records = self.built(range(start, stop))
        return [records[i].recipient for i in range(start, stop)]
