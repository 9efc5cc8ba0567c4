"""Mail sources: turn a path into messages, each with its origin, and never write to the mail.

A path may be a Maildir (`cur/` and `new/`; `tmp/` and dot files ignored), an MH folder, any tree
of message files, one message file, an mbox, a gzip/bz2/xz-compressed file or mailbox, or `-` for
standard input. The format is told from the content, not from the name. LF, CRLF and bare-CR line
endings are all accepted.

    for item in iter_messages(path):
        if isinstance(item, ScanError): ...     # an unreadable file: the scan goes on
        else: item.origin, item.position, item.data

`iter_files` lists the files with their size and mtime without reading them, so a cache can skip
unchanged files; `read_file` reads one file into its messages.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import os
import re
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass

from bouncetui.model import ScanError

# Decompressed data beyond this many bytes is refused (a compression bomb must not fill memory).
MAX_DECOMPRESSED = 512 * 1024 * 1024

_MAGIC = (
    (b"\x1f\x8b", lambda raw: gzip.GzipFile(fileobj=raw)),
    (b"BZh", bz2.BZ2File),
    (b"\xfd7zXZ\x00", lzma.LZMAFile),
)
# An mbox separator: "From " at the start of a line, after the start or an empty line.
_FROM_LINE = re.compile(rb"(?:\A|\n\n)From [^\n]*\n")
_QUOTED_FROM = re.compile(rb"^>(>*From )", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class FileEntry:
    """A file that may hold mail: its path and what `stat` said of it."""

    path: str
    size: int
    mtime: float


@dataclass(frozen=True, slots=True)
class RawMessage:
    """One message's bytes and where they came from."""

    origin: str
    position: int
    data: bytes


def iter_messages(path: str) -> Iterator[RawMessage | ScanError]:
    """Every message under `path`, in a stable order; unreadable files as ScanError entries."""
    if path == "-":
        yield from _split(sys.stdin.buffer.read(), "-")
        return
    for entry in iter_files(path):
        if isinstance(entry, ScanError):
            yield entry
            continue
        try:
            yield from read_file(entry.path)
        except (OSError, EOFError, ValueError, lzma.LZMAError) as exc:
            yield ScanError(entry.path, 0, _describe(exc))


def iter_files(path: str) -> Iterator[FileEntry | ScanError]:
    """The message or mailbox files under `path` (a file, a Maildir, an MH folder or any tree)."""
    try:
        st = os.stat(path)
    except OSError as exc:
        yield ScanError(path, 0, _describe(exc))
        return
    if not stat.S_ISDIR(st.st_mode):
        yield FileEntry(path, st.st_size, st.st_mtime)
        return
    seen: set[tuple[int, int]] = set()
    yield from _walk(path, seen)


def is_maildir(path: str) -> bool:
    return os.path.isdir(os.path.join(path, "cur")) and os.path.isdir(os.path.join(path, "new"))


def _walk(folder: str, seen: set[tuple[int, int]]) -> Iterator[FileEntry | ScanError]:
    try:
        st = os.stat(folder)
    except OSError as exc:
        yield ScanError(folder, 0, _describe(exc))
        return
    if (st.st_dev, st.st_ino) in seen:  # a symlink loop or a folder reached twice
        return
    seen.add((st.st_dev, st.st_ino))
    maildir = is_maildir(folder)
    try:
        with os.scandir(folder) as it:
            names = sorted(entry.name for entry in it)
    except OSError as exc:
        yield ScanError(folder, 0, _describe(exc))
        return
    for name in names:
        if name.startswith("."):
            continue  # dot files: Maildir's and MH's own bookkeeping, editors' backups
        if maildir and name == "tmp":
            continue  # messages still being delivered
        full = os.path.join(folder, name)
        try:
            st = os.stat(full)
        except FileNotFoundError:
            continue  # vanished since the listing: a Maildir move (new/ -> cur/) or a deletion
        except OSError as exc:
            yield ScanError(full, 0, _describe(exc))
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(full, seen)
        elif stat.S_ISREG(st.st_mode) and st.st_size > 0:
            yield FileEntry(full, st.st_size, st.st_mtime)


def read_file(path: str) -> Iterator[RawMessage]:
    """The messages in one file: one, or several when it is an mbox; decompressed when needed."""
    with open(path, "rb") as fh:
        data = fh.read()
    yield from _split(data, path)


def _split(data: bytes, origin: str) -> Iterator[RawMessage]:
    data = decompress(data)
    if not data.strip():
        return
    if data.startswith(b"From ") and not _looks_like_header_line(data):
        for number, message in enumerate(split_mbox(data), 1):
            yield RawMessage(origin, number, message)
    else:
        yield RawMessage(origin, 1, data)


def decompress(data: bytes, limit: int = MAX_DECOMPRESSED) -> bytes:
    """Undo gzip, bzip2 or xz compression (told by the magic bytes), nested ones included."""
    for _ in range(4):
        for magic, opener in _MAGIC:
            if data.startswith(magic):
                with opener(io.BytesIO(data)) as fh:
                    data = fh.read(limit + 1)
                if len(data) > limit:
                    raise ValueError("decompressed size exceeds %d bytes" % limit)
                break
        else:
            return data
    return data


def _looks_like_header_line(data: bytes) -> bool:
    """`From: x` is a header; `From sender date` is an mbox separator."""
    return data.startswith(b"From:")


def split_mbox(data: bytes) -> list[bytes]:
    """Split an mbox into messages: From_ lines removed, `>From ` unquoted, any line ending."""
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    starts = [m.start() if m.start() == 0 else m.start() + 2 for m in _FROM_LINE.finditer(data)]
    messages = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(data)
        chunk = data[start:end]
        chunk = chunk[chunk.index(b"\n") + 1 :]
        chunk = _QUOTED_FROM.sub(rb"\1", chunk)
        if chunk.strip():
            messages.append(chunk)
    return messages


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return "%s: %s" % (type(exc).__name__, exc)
