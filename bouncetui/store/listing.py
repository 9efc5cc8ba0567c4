"""The index's listing of a folder: the file rows the last scans left under it, without looking at the mail.

The explorer shows this at once when a folder is opened again (Store.cached_listing), then a
lazy scan says what changed. It lists the files a scan would list, in the order the scan lists
them: folder by folder, each folder's names sorted (sources.iter_files), which is the order of
the paths with the separator counted as the lowest character. SQLite hands the rows out in the
order of its primary key, the paths' own order, which is the same but where a folder's name is
a sibling's name up to a character below the separator ('a/b/...' after 'a/b.txt' in the table,
before it in the folder's listing): the rows are put in the listing's order after they are read.

The first FIRST_FILES files come first, on their own, as soon as they are read (a screenful the
explorer shows while the rest is read), when no later row can come before them (the same test
as above, asked of the table with a few lookups); else everything is read and sorted first.

Only files whose token words name every record are listed (cache.whole, as a lazy scan hands
them out); the rows are looked at one by one only when some are not of one message named by
its tokens.
"""

from __future__ import annotations

import operator
import os
import sqlite3
from collections.abc import Iterator

from bouncetui.store.cache import NOT_ONE_MESSAGE, whole
from bouncetui.store.records import NO_RECORD

FIRST_FILES = 256  # files listed before the rest is read: more than a screen shows
File = tuple[str, str, str]  # (path as listed, hashes, token words)

UNDER = "SELECT %s, hashes, tokens FROM files WHERE path > ? AND path < ? ORDER BY path"
AT = "SELECT %s, hashes, tokens FROM files WHERE path = ?"
AFTER = "SELECT 1 FROM files WHERE path > ? AND path > ? AND path < ? LIMIT 1"
_path, _hashes, _tokens = (operator.itemgetter(i) for i in range(3))
NOT_TOKENS = frozenset((NO_RECORD, *NOT_ONE_MESSAGE))  # token words of a one-message row not listed
_key = operator.methodcaller("replace", os.sep, "\0")  # a path's place in a listing: a folder's names first


def list_files(conn: sqlite3.Connection, root: str, first: int | None = None) -> Iterator[list[File]]:
    """The files cached at or under `root`, named as a scan of `root` names them, in its order:
    those of the first `first` rows (default FIRST_FILES), then the rest (each left out when empty)."""
    first = FIRST_FILES if first is None else first
    top = os.path.abspath(root).rstrip(os.sep)
    given = root.rstrip(os.sep)  # each path as the listing under root names it: given + its part under top
    column, args = ("path", ()) if given == top else ("? || substr(path, ?)", (given, len(top) + 1))
    low, high = top + os.sep, top + chr(ord(os.sep) + 1)
    head = conn.execute(AT % column, (*args, top or os.sep)).fetchall()
    cursor = conn.execute(UNDER % column, (*args, low, high))
    rows = cursor.fetchmany(first)
    head += rows
    if len(rows) < first:  # all of it
        yield from _nonempty(_ordered(_whole(head)))
        return
    last = top + rows[-1][0][len(given):]  # the last row read, as the table names it
    if _settled(conn, head, given, top, last):
        yield from _nonempty(_ordered(_whole(head)))
        yield from _nonempty(_ordered(_whole(cursor.fetchall())))
        return
    files = _ordered(_whole(head + cursor.fetchall()))
    yield from _nonempty(files[:first])
    yield from _nonempty(files[first:])


def _settled(conn: sqlite3.Connection, head: list[File], given: str, top: str, last: str) -> bool:
    """True if no row after `last` in the table comes before any of `head` in the listing.

    A later row (greater path) comes first in the listing only where, at the first character
    they differ, it has the separator and the other a character below it. So only a row under
    one of the folders whose names are the last file's path cut before such a character (the
    last file in the listing's order) can; each is one lookup."""
    latest = top + max(map(_path, head), key=_key)[len(given):]
    for i in range(len(top) + 1, len(latest)):
        if latest[i] < os.sep:
            folder = latest[:i] + os.sep
            if conn.execute(AFTER, (last, folder, folder[:-1] + chr(ord(os.sep) + 1))).fetchone():
                return False
    return True


def _whole(files: list[File]) -> list[File]:
    """`files` without those a lazy scan does not list by token (cache.whole): with no record,
    or token words that do not name every record. Looked at one by one only when some file
    holds several messages or a word that is not a token (a Maildir of bounces has none)."""
    tokens = list(map(_tokens, files))
    if NOT_TOKENS.isdisjoint(tokens) and " " not in "".join(tokens) and " " not in "".join(map(_hashes, files)):
        return files
    return [file for file in files if file[2] != NO_RECORD and whole(file[1], file[2])]


def _ordered(files: list[File]) -> list[File]:
    """`files` (in the table's order) in the listing's order; most often they are already."""
    keys = list(map(_key, map(_path, files)))
    if keys == sorted(keys):
        return files
    return [file for _, file in sorted(zip(keys, files))]


def _nonempty(files: list[File]) -> Iterator[list[File]]:
    if files:
        yield files
