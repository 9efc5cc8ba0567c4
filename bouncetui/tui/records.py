"""The explorer's data: every record once (duplicates collapsed), with where each came from.

A report found twice (the same token under several origins: a copy in two folders, a message in
both an mbox and a Maildir) is one row; `origins(i)` lists every place it was found. Records are
only ever appended, so an index stays valid for the life of the app; views are index arrays.
"""

from __future__ import annotations

from collections.abc import Iterable

from bouncetui.model import Bounce, ScanError
from bouncetui.tui.columns import BY_KEY


class RecordSet:
    """Append-only records with lookups by token and by report (origin, position)."""

    def __init__(self) -> None:
        self.records: list[Bounce] = []
        self.by_token: dict[str, int] = {}
        self.duplicates: dict[int, list[Bounce]] = {}  # the same report found elsewhere
        self.by_report: dict[tuple[str, int], list[int]] = {}
        self.errors: list[ScanError] = []
        self._error_set: set[ScanError] = set()

    def __len__(self) -> int:
        return len(self.records)

    def __getitem__(self, index: int) -> Bounce:
        return self.records[index]

    def add(self, items: Iterable[Bounce | ScanError]) -> list[int]:
        """Add records (and errors); returns the indexes of the records that are new rows."""
        added: list[int] = []
        for item in items:
            if isinstance(item, ScanError):
                if item not in self._error_set:  # a rescan reports the same errors again
                    self._error_set.add(item)
                    self.errors.append(item)
                continue
            token = item.token or "%s#%d#%s" % (item.origin, item.position, item.recipient)
            known = self.by_token.get(token)
            if known is not None:
                first = self.records[known]
                place = (item.origin, item.position)
                copies = self.duplicates.setdefault(known, [])
                if place != (first.origin, first.position) and all(
                        place != (c.origin, c.position) for c in copies):
                    copies.append(item)
                continue
            index = len(self.records)
            self.records.append(item)
            self.by_token[token] = index
            self.by_report.setdefault((item.origin, item.position), []).append(index)
            added.append(index)
        return added

    def origins(self, index: int) -> list[tuple[str, int]]:
        """Every (origin, position) the record at `index` was found at, the first one first."""
        record = self.records[index]
        return [(r.origin, r.position) for r in (record, *self.duplicates.get(index, ()))]

    def with_duplicates(self, indexes: Iterable[int]) -> list[Bounce]:
        """The records at `indexes` and every copy of them found elsewhere (for exports)."""
        out: list[Bounce] = []
        for i in indexes:
            out.append(self.records[i])
            out.extend(self.duplicates.get(i, ()))
        return out

    def same_report(self, index: int) -> list[int]:
        """The other recipients of the report the record at `index` came from."""
        record = self.records[index]
        return [i for i in self.by_report.get((record.origin, record.position), ()) if i != index]

    def sorted_indexes(self, indexes: Iterable[int], column: str, reverse: bool = False) -> list[int]:
        """`indexes` ordered by `column` (stable: equal keys keep their scan order)."""
        key = BY_KEY[column].sort_key
        records = self.records
        return sorted(indexes, key=lambda i: key(records[i]), reverse=reverse)
