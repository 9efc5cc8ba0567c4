"""What a scan hands to the list, in pieces the main thread applies quickly, and what a rescan
changed (for the status bar).

- `pieces` cuts big items (a CachedFiles chunk, a Withdrawn) to at most `size` files each:
  the main thread adds one batch of them between two keys.
- `built` builds the cached records a rescan gives (mostly messages a mail client renamed, whose
  rows are there already: the list would build them on its own thread to note their new place).
- `FullRescan` turns a backend's rescan that gives every record again (the plain scan, the store
  without its cache) into what changed against the rows on screen, as the store's own rescan
  gives it: records seen as they are left out, a record changed under its token withdrawn before
  it comes again, and the rows no longer found withdrawn once the scan has ended.
- `Tally` counts a rescan's new, changed and gone rows and says it ("+3 new, -1 gone").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from bouncetui.model import Bounce
from bouncetui.tui.records import RecordSet, Withdrawn


def weight(item: Any) -> int:
    """The files (a chunk, a Withdrawn) or records an item stands for."""
    files = getattr(item, "files", None)
    return 1 if files is None else len(files)


def pieces(items: Iterable[Any], size: int) -> Iterator[Any]:
    """`items`, with each of more than `size` files cut into pieces of `size`."""
    for item in items:
        files = getattr(item, "files", None)
        if files is None or len(files) <= size:
            yield item
            continue
        make = Withdrawn if isinstance(item, Withdrawn) else (lambda part, item=item: type(item)(item.source, part))
        for start in range(0, len(files), size):
            yield make(files[start : start + size])


def built(items: Iterable[Any]) -> Iterator[Any]:
    """`items`, with the records of each chunk of cached records built (in the caller's thread)."""
    for item in items:
        build = None if isinstance(item, Withdrawn) else getattr(item, "build", None)
        if callable(build):
            yield from build()
        else:
            yield item


class FullRescan:
    """The changes in a rescan that gives every record again (see the module docstring). The
    records are read from the scan's thread: only under their lock, and only as far as they were
    when the scan began."""

    def __init__(self, records: RecordSet) -> None:
        self.records = records
        self.seen: set[tuple[str, str]] = set()  # (token, origin) found by this scan

    def changes(self, items: Iterable[Any], cancelled: Callable[[], bool]) -> Iterator[Any]:
        for item in items:
            if isinstance(item, Bounce):
                token = self.records.token_of(item)
                self.seen.add((token, item.origin))
                known = self.records.known(token, item)
                if known == "same":
                    continue
                if known == "changed":
                    yield Withdrawn([(item.origin, [token])])
            yield item
        if not cancelled():
            gone = self.records.unseen(self.seen)
            if gone:
                yield Withdrawn(gone)


@dataclass
class Tally:
    """What one rescan changed: rows added, rows whose record came back changed, rows gone."""

    withdrawn_before: set[int]
    new: int = 0
    changed: set[int] = field(default_factory=set)

    def revived(self, rows: Iterable[int]) -> None:
        """Rows that were withdrawn took a record back: changed, or new if they were gone before."""
        for row in rows:
            if row in self.withdrawn_before:
                self.new += 1
            else:
                self.changed.add(row)

    def summary(self, withdrawn: set[int]) -> str:
        """"+3 new, 1 changed, -1 gone" ("nothing changed" when so)."""
        gone = len(withdrawn - self.withdrawn_before)
        parts = [text % count for text, count in (("+%d new", self.new), ("%d changed", len(self.changed)),
                                                  ("-%d gone", gone)) if count]
        return ", ".join(parts) or "nothing changed"
