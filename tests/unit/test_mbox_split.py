"""The fast mbox splitter cuts a mailbox exactly as the line-by-line reader does.

Generated mailboxes mix From_ lines with and without dates, empty lines, lines of CRs, quoted
>From lines and missing final newlines; they are read in chunks as small as one byte, and under
size limits, so every chunk boundary and every limit error is compared too.
"""

from __future__ import annotations

import io
import typing

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bouncetui.sources as sources
from bouncetui.sources import RawMessage

LINES = st.sampled_from([
    b"From MAILER-DAEMON Thu Nov 26 08:00:00 2026", b"From b@example.com  Mon Jan  1 00:00:00 2024",
    b"From x", b"From ", b"From:", b" From x", b">From quoted", b"", b"", b"\r", b"\r\r", b"line\r",
    b"Subject: hello", b"body text", b"a\rb",
])


# The reference: the mailbox read line by line, as it was before the fast splitter.


def _stream_mbox_lines(head: bytes, fh: typing.IO[bytes], origin: str, limit: int, number: int = 0,
                       blank_before: bool = True) -> typing.Iterator[RawMessage]:
    """sources._stream_mbox line by line."""
    stream = io.BufferedReader(_Prefixed(head, fh), 1 << 16)  # type: ignore[arg-type]
    lines: list[bytes] = []
    size = 0
    for line in stream:
        line = line.rstrip(b"\r\n").rstrip(b"\r")
        if line.startswith(b"From ") and (blank_before or sources._FROM_DATE.match(line)):
            if lines:
                number += 1
                yield RawMessage(origin, number, sources._unquote(lines))
            lines, size = [], 0
            blank_before = False
            continue
        blank_before = not line
        size += len(line) + 1
        if size > limit:
            raise sources.TooLarge("message %d exceeds the size limit of %d bytes (--max-size)" % (number + 1, limit))
        lines.append(line)
    if lines and any(lines):
        yield RawMessage(origin, number + 1, sources._unquote(lines))


class _Prefixed(io.RawIOBase):
    """Bytes already read, then the rest of a stream."""

    def __init__(self, prefix: bytes, rest: typing.IO[bytes]) -> None:
        self._prefix = prefix
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        if self._prefix:
            n = min(len(buffer), len(self._prefix))
            buffer[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def split(reader, data: bytes, limit: int) -> list:
    out: list = []
    try:
        for message in reader(data[:8192], io.BytesIO(data[8192:]), "box", limit):
            out.append((message.position, message.data))
    except ValueError as exc:
        out.append(("error", str(exc)))
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=40), st.booleans(), st.integers(1, 40),
       st.sampled_from([1, 2, 5, 64, 1 << 20]), st.sampled_from([8, 40, 300, 1 << 30]))
def test_fast_split_equals_line_reader(lines, final_newline, copies, chunk, limit) -> None:
    data = b"\n".join([b"From MAILER-DAEMON Thu Nov 26 08:00:00 2026", *lines]) * copies
    if final_newline:
        data += b"\n"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(sources, "_CHUNK", chunk)
        assert split(sources._stream_mbox, data, limit) == split(_stream_mbox_lines, data, limit)


def spans_split(path: str, limit: int) -> list:
    """What a scan's workers decode of a mailbox file: its spans, found here, read back there."""
    out: list = []
    try:
        spans = sources.mbox_spans(path, limit)
        assert spans is not None
        for span in spans:
            out.extend((m.position, m.data) for m in sources.read_spans(path, [span]))
    except ValueError as exc:
        out.append(("error", str(exc)))
    return out


@settings(max_examples=150, deadline=None)
@given(st.lists(LINES, max_size=40), st.integers(1, 40), st.sampled_from([1, 5, 64, 1 << 20]),
       st.sampled_from([40, 300, 1 << 30]))
def test_spans_read_back_give_the_messages_of_read_file(tmp_path_factory, lines, copies, chunk, limit) -> None:
    data = b"\n".join([b"From MAILER-DAEMON Thu Nov 26 08:00:00 2026", *lines]) * copies + b"\n"
    path = str(tmp_path_factory.mktemp("box") / "mbox")
    with open(path, "wb") as fh:
        fh.write(data)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(sources, "_CHUNK", chunk)
        expected = split(sources._stream_mbox, data, limit)
        assert spans_split(path, limit) == expected


def test_a_compressed_mailbox_or_a_single_message_has_no_spans(tmp_path) -> None:
    import gzip

    box = b"From a Thu Nov 26 08:00:00 2026\nSubject: x\n\nbody\n"
    (tmp_path / "mbox.gz").write_bytes(gzip.compress(box))
    (tmp_path / "one.eml").write_bytes(b"From: a@example.com\nSubject: x\n\nbody\n")
    assert sources.mbox_spans(str(tmp_path / "mbox.gz")) is None
    assert sources.mbox_spans(str(tmp_path / "one.eml")) is None
