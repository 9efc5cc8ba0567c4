"""Mutations of real messages, for the fuzz suite: each takes bytes and a Random, returns bytes."""

from __future__ import annotations

import random
import re
from collections.abc import Callable

_BOUNDARY = re.compile(rb'boundary="?([^";\r\n]+)"?', re.I)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(0, max(1, len(data)))]


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        if buf:
            buf[rng.randrange(len(buf))] = rng.randrange(256)
    return bytes(buf)


def remove_boundaries(data: bytes, rng: random.Random) -> bytes:
    m = _BOUNDARY.search(data)
    if not m:
        return data
    marker = b"--" + m.group(1)
    return data.replace(marker, b"", rng.randint(1, 3))


def wrong_boundary(data: bytes, rng: random.Random) -> bytes:
    m = _BOUNDARY.search(data)
    if not m:
        return data
    return data[: m.start(1)] + b"not-the-boundary" + data[m.end(1):]


def bare_cr(data: bytes, rng: random.Random) -> bytes:
    return data.replace(b"\n", b"\r")


def mixed_line_endings(data: bytes, rng: random.Random) -> bytes:
    return b"".join(line + rng.choice([b"\n", b"\r\n", b"\r"]) for line in data.split(b"\n"))


def nul_bytes(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 10)):
        buf.insert(rng.randrange(len(buf) + 1), 0)
    return bytes(buf)


def invalid_charset(data: bytes, rng: random.Random) -> bytes:
    data = re.sub(rb"charset=\"?[\w-]+\"?", b"charset=x-no-such-charset", data, flags=re.I)
    return data.replace(b"\n\n", b"\n\n\xff\xfe\x1b$B\x80\x81\n", 1)


def escape_sequences(data: bytes, rng: random.Random) -> bytes:
    return data.replace(b"Subject: ", b"Subject: \x1b]0;owned\x07\x1b[2J\x9b31m", 1)


def duplicate_lines(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    if not lines:
        return data
    i = rng.randrange(len(lines))
    return b"\n".join(lines[:i] + [lines[i]] * rng.randint(2, 50) + lines[i:])


def shuffle_lines(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    head, body = lines[:10], lines[10:]
    rng.shuffle(body)
    return b"\n".join(head + body)


MUTATIONS: tuple[Callable[[bytes, random.Random], bytes], ...] = (
    truncate, flip_bytes, remove_boundaries, wrong_boundary, bare_cr, mixed_line_endings, nul_bytes,
    invalid_charset, escape_sequences, duplicate_lines, shuffle_lines,
)


def mutate(data: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 3)):
        data = rng.choice(MUTATIONS)(data, rng)
    return data


def nested_rfc822(depth: int) -> bytes:
    """A message that returns a message that returns a message ... `depth` times."""
    inner = b"From: a@example.com\nTo: b@example.net\nSubject: core\n\nhello\n"
    for level in range(depth):
        inner = (
            b"From: MAILER-DAEMON@example.org\nTo: a@example.com\nSubject: Returned mail %d\n"
            b"MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; "
            b"boundary=\"b%d\"\n\n--b%d\nContent-Type: message/delivery-status\n\n"
            b"Final-Recipient: rfc822; user%d@example.net\nAction: failed\nStatus: 5.1.1\n\n"
            b"--b%d\nContent-Type: message/rfc822\n\n" % (level, level, level, level, level)
        ) + inner + b"\n--b%d--\n" % level
    return inner


def many_recipients(count: int) -> bytes:
    blocks = b"".join(
        b"Final-Recipient: rfc822; user%05d@example.net\nAction: failed\nStatus: 5.1.1\n"
        b"Diagnostic-Code: smtp; 550 5.1.1 user unknown\n\n" % i for i in range(count)
    )
    return (
        b"From: MAILER-DAEMON@example.org\nTo: a@example.com\nSubject: Undelivered Mail\n"
        b"MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n"
        b"--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\n"
        + blocks + b"--B--\n"
    )
