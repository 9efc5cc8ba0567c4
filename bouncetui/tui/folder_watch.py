"""--watch: a signature of the mail folders, taken every few seconds, that changes when a message
is added, removed or renamed, or a mailbox file changes; cheap at 100,000 messages.

A folder's own modification time changes whenever a name in it is added, removed or renamed, so
a folder is listed again only when its time changed (or changed just now: a second change within
the file system's clock tick would keep it), and the names it holds stand in the signature as one
hash. The files of a small folder (an mbox or two, a few .eml files) are looked at one by one
(size and time: one written in place); those of a big folder (a Maildir's cur/) are not, since
messages there are not written in place. The folders and files are those `sources.iter_files`
would scan: dot files are left out, and in a Maildir only cur/ and new/ count.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterable

from bouncetui.sources import is_maildir, mail_names

SMALL_FOLDER = 256  # a folder of at most this many files has each of them looked at
RECENT_NS = 2_000_000_000  # a folder changed this recently is listed again whatever its time


class FolderWatch:
    """The signature of `paths` (see the module docstring); one thread at a time."""

    def __init__(self, paths: Iterable[str], small: int = SMALL_FOLDER) -> None:
        self.paths = list(paths)
        self.small = small
        self._folders: dict[str, tuple[int, int, list[str], list[str]]] = {}  # mtime, names hash, folders, files

    def signature(self) -> int:
        parts: list[tuple[object, ...]] = []
        seen: set[tuple[int, int]] = set()
        now = time.time_ns()
        for path in self.paths:
            if path != "-":
                self._look(path, parts, seen, now)
        return hash(tuple(parts))

    def _look(self, path: str, parts: list[tuple[object, ...]], seen: set[tuple[int, int]], now: int) -> None:
        try:
            st = os.stat(path)
        except OSError:
            parts.append((path, None))
            return
        if not stat.S_ISDIR(st.st_mode):
            parts.append((path, st.st_size, st.st_mtime_ns))
            return
        if (st.st_dev, st.st_ino) in seen:  # a symlink loop or a folder reached twice
            return
        seen.add((st.st_dev, st.st_ino))
        known = self._folders.get(path)
        if known is None or known[0] != st.st_mtime_ns or now - st.st_mtime_ns < RECENT_NS:
            known = self._folders[path] = (st.st_mtime_ns, *self._list(path))
        parts.append((path, known[1]))
        for file in known[3]:
            self._look(file, parts, seen, now)
        for folder in known[2]:
            self._look(folder, parts, seen, now)

    def _list(self, folder: str) -> tuple[int, list[str], list[str]]:
        """The hash of the names in `folder`, its folders, and its files if it is small."""
        folders: list[str] = []
        files: list[str] = []
        try:
            with os.scandir(folder) as found:
                entries = {entry.name: entry for entry in found}
        except OSError:
            return 0, [], []
        names = mail_names(entries, is_maildir(folder))
        for name in names:
            entry = entries[name]
            try:
                is_folder = entry.is_dir()
            except OSError:
                is_folder = False
            (folders if is_folder else files).append(entry.path)
        names.sort()
        folders.sort()
        return hash(tuple(names)), folders, sorted(files) if len(files) <= self.small else []
