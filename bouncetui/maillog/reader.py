"""Reading mail logs: files (plain, gzip, bzip2, xz rotations), their order, and line dispatch.

Each line goes to the parser of its program (the syslog tag "postfix/smtp[123]", "sendmail[9]",
"exim[7]") or, for Exim's own mainlog, is recognised by its leading "YYYY-MM-DD HH:MM:SS". Lines of
a known program that carry nothing we need are counted as `ignored`; lines of no known mail
program, or of a shape we cannot read, as `unknown` (a parser failing on a line counts it there
too: one odd line never stops the read). Parsers keep their state across files, so a
message deferred in `maillog.1.gz` and expired in `maillog` is one expired record.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import os
import re
import sys
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import IO

from bouncetui.maillog.exim import EximParser, is_mainlog_line
from bouncetui.maillog.postfix import PostfixParser
from bouncetui.maillog.record import Collector, LogRecord
from bouncetui.maillog.sendmail import SendmailParser
from bouncetui.maillog.timestamps import Clock

# Leading bytes -> how to open the file as text
OPENERS: tuple[tuple[bytes, Callable[..., IO[str]]], ...] = (
    (b"\x1f\x8b", gzip.open),
    (b"BZh", bz2.open),
    (b"\xfd7zXZ\x00", lzma.open),
)
_COMPRESSED_SUFFIX = re.compile(r"\.(?:gz|bz2|xz)$")
_ROTATION = re.compile(r"^(.*?)[.-](\d+)$")

Handler = Callable[[str, int, int, int], bool]
READ_ERRORS = (OSError, EOFError, ValueError, lzma.LZMAError, zlib.error)


def describe(exc: BaseException) -> str:
    """A read error in a few words: "truncated compressed file", "permission denied", ..."""
    if isinstance(exc, EOFError):
        return "truncated compressed file"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return "%s: %s" % (type(exc).__name__, exc)


@dataclass
class FileStats:
    """Line counts of one file."""

    path: str
    lines: int = 0
    used: int = 0
    ignored: int = 0
    unknown: int = 0
    error: str = ""  # why the file could not be read to its end ("" when it was)


@dataclass
class LogScan:
    """The result of reading some logs: records in log order and per-file counts."""

    records: list[LogRecord] = field(default_factory=list)
    files: list[FileStats] = field(default_factory=list)

    @property
    def unknown(self) -> int:
        return sum(f.unknown for f in self.files)

    @property
    def lines(self) -> int:
        return sum(f.lines for f in self.files)


def open_log(path: str) -> IO[str]:
    """A text stream over a log file, decompressing by its leading bytes (not its name)."""
    with open(path, "rb") as fh:
        magic = fh.read(6)
    for prefix, opener in OPENERS:
        if magic.startswith(prefix):
            return opener(path, "rt", encoding="utf-8", errors="replace")
    return open(path, encoding="utf-8", errors="replace")


def rotation_order(paths: Iterable[str]) -> list[str]:
    """Oldest first: `maillog.2.gz maillog.1 maillog`, `maillog-20261101.gz maillog`; files of
    different logs keep the order given."""
    def key(item: tuple[int, str]) -> tuple:
        position, path = item
        name = _COMPRESSED_SUFFIX.sub("", os.path.basename(path))
        m = _ROTATION.match(name)
        if m and len(m.group(2)) >= 8:  # dateext: the date sorts older first
            return (os.path.dirname(path), m.group(1), 0, int(m.group(2)))
        if m:  # numbered: a higher number is older
            return (os.path.dirname(path), m.group(1), 0, -int(m.group(2)))
        return (os.path.dirname(path), name, 1, 0)

    items = list(enumerate(paths))
    groups: dict[tuple, int] = {}
    for item in items:
        groups.setdefault(key(item)[:2], item[0])
    return [p for _, p in sorted(items, key=lambda it: (groups[key(it)[:2]], key(it)[2:]))]


class Reader:
    """Reads log files in order with one parser per MTA and one record collector."""

    def __init__(self, include_sent: bool = False) -> None:
        self.collector = Collector(include_sent)
        self.postfix = PostfixParser(self.collector)
        self.sendmail = SendmailParser(self.collector)
        self.exim = EximParser(self.collector)
        self.parsers = (self.postfix, self.sendmail, self.exim)
        self._handlers: dict[str, Handler | None] = {}
        self._ignore: Handler = lambda line, k, s, n: False

    def handler_for(self, program: str) -> Handler | None:
        """The handler of a syslog program name; None when it is no mail program we know."""
        if program.startswith("postfix"):
            return self.postfix.handler(program.rpartition("/")[2]) or self._ignore
        if program in ("sendmail", "sm-mta", "sm-msp-queue"):
            return self.sendmail.handler(program)
        if program.startswith("exim"):
            return self.exim.handler(program)
        return None

    def read_file(self, path: str) -> FileStats:
        """Read one file; a file that cannot be opened or decompressed to its end keeps what was
        read and says why in `error`."""
        stats = FileStats(path)
        try:
            clock = Clock(os.stat(path).st_mtime)
            for parser in self.parsers:
                parser.begin_file(path, clock)
            with open_log(path) as fh:
                self._read(fh, stats)
        except READ_ERRORS as exc:
            stats.error = describe(exc)
        return stats

    def read_lines(self, lines: Iterable[str], origin: str = "-", clock: Clock | None = None) -> FileStats:
        """Read lines from any iterable (tests, standard input)."""
        stats = FileStats(origin)
        for parser in self.parsers:
            parser.begin_file(origin, clock or Clock())
        self._read(lines, stats)
        return stats

    def _read(self, lines: Iterable[str], stats: FileStats) -> None:
        handlers = self._handlers
        handler_for = self.handler_for
        mainlog = self.exim.mainlog
        used = ignored = unknown = 0
        lineno = 0
        try:
            for lineno, line in enumerate(lines, 1):
                try:
                    if line[10:11] == " " and line[4:5] == "-" and is_mainlog_line(line):
                        kept = mainlog(line, lineno)
                    else:
                        k = line.find("]: ")
                        if k < 0:
                            unknown += 1
                            continue
                        s = line.rfind(" ", 0, k) + 1
                        b = line.find("[", s, k)
                        program = line[s:b] if b > 0 else line[s:k]
                        try:
                            handler = handlers[program]
                        except KeyError:
                            handler = handlers[program] = handler_for(program)
                        if handler is None:
                            unknown += 1
                            continue
                        kept = handler(line, k, s, lineno)
                except Exception:  # a line no shape foresaw must not stop the read
                    unknown += 1
                    continue
                if kept:
                    used += 1
                else:
                    ignored += 1
        finally:  # a file that breaks off (a truncated rotation) keeps the counts so far
            stats.lines, stats.used, stats.ignored, stats.unknown = lineno, used, ignored, unknown

    def records(self) -> list[LogRecord]:
        return self.collector.records()


def read_logs(paths: str | Iterable[str], include_sent: bool = False) -> LogScan:
    """Every failed, deferred, expired and rejected recipient (and, with include_sent, every
    delivered one) in the given log files, read oldest rotation first; "-" reads standard input."""
    if isinstance(paths, str):
        paths = [paths]
    reader = Reader(include_sent)
    result = LogScan()
    for path in rotation_order(paths):
        result.files.append(reader.read_lines(sys.stdin, "-") if path == "-" else reader.read_file(path))
    result.records = reader.records()
    return result

