"""Decoding: raw message bytes to Bounce records.

`decode(raw, origin, position)` parses the message once, offers it to each decoder in the order of
`DECODERS` until one recognises it, and assembles the records. A message no decoder recognises is
not a report and gives no record.

Order: feedback reports first (they quote whole messages that may look like anything), then the
MTA- and provider-specific decoders, then the generic RFC 3464 decoder, then the plain-text
fallback for bounces in no known format, and last RFC 3834 auto-replies, which must not claim an
MTA's bounce that carries Auto-Submitted too.

A bounce that a person forwarded ("Fwd: Returned mail", quoted with "> ") is unwrapped and decoded
as the bounce it quotes.
"""

from __future__ import annotations

import re
from types import ModuleType

from bouncetui.decode import arf, fallback, mta, rfc3464, rfc3834
from bouncetui.decode.assemble import assemble
from bouncetui.decode.message import Message
from bouncetui.decode.report import Report
from bouncetui.model import Bounce

DECODERS: tuple[ModuleType, ...] = (arf, *mta.DECODERS, rfc3464, fallback, rfc3834)

_FORWARDED = re.compile(r"^\s*(?:fwd?|fw|tr|wg|転送)\s*:", re.I)
_QUOTED_HEADER = re.compile(r"^>+ ?(?:From|Date|Subject|To|Return-Path|Received):", re.M)
_QUOTE = re.compile(r"^>+ ?", re.M)


def find_report(message: Message) -> Report | None:
    """The first decoder's report for this message, or None when it is not a report."""
    for decoder in DECODERS:
        report = decoder.decode(message)
        if report is not None and report.deliveries:
            return report
    return None


def unwrap_forwarded(message: Message) -> Message | None:
    """The bounce quoted in a forwarded message ("Fwd: ...", lines quoted with "> "), or None."""
    if not _FORWARDED.match(message.subject):
        return None
    at = _QUOTED_HEADER.search(message.body)
    if at is None:
        return None
    quoted = "\n".join(line for line in message.body[at.start():].split("\n") if line.startswith(">"))
    return Message.parse(_QUOTE.sub("", quoted).encode("utf-8"))


def decode(raw: bytes, origin: str = "", position: int = 1) -> list[Bounce]:
    """Every recipient's Bounce record in one message; [] for a message that is not a report."""
    message = Message.parse(raw)
    report = find_report(message)
    if report is None:
        inner = unwrap_forwarded(message)
        if inner is None:
            return []
        report = find_report(inner)
        if report is None:
            return []
        message = inner
    return assemble(report, message, origin, position)
