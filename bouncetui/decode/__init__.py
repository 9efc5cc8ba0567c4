"""Decoding: raw message bytes to Bounce records.

`decode(raw, origin, position)` parses the message once, offers it to each decoder in the order of
`DECODERS` until one recognises it, and assembles the records. A message no decoder recognises is
not a report and gives no record.

Order: feedback reports first (they quote whole messages that may look like anything), then the
MTA- and provider-specific decoders, then the generic RFC 3464 decoder, and last RFC 3834
auto-replies, which must not claim an MTA's bounce that carries Auto-Submitted too.
"""

from __future__ import annotations

from types import ModuleType

from bouncetui.decode import arf, mta, rfc3464, rfc3834
from bouncetui.decode.assemble import assemble
from bouncetui.decode.message import Message
from bouncetui.decode.report import Report
from bouncetui.model import Bounce

DECODERS: tuple[ModuleType, ...] = (arf, *mta.DECODERS, rfc3464, rfc3834)


def find_report(message: Message) -> Report | None:
    """The first decoder's report for this message, or None when it is not a report."""
    for decoder in DECODERS:
        report = decoder.decode(message)
        if report is not None and report.deliveries:
            return report
    return None


def decode(raw: bytes, origin: str = "", position: int = 1) -> list[Bounce]:
    """Every recipient's Bounce record in one message; [] for a message that is not a report."""
    message = Message.parse(raw)
    report = find_report(message)
    if report is None:
        return []
    return assemble(report, message, origin, position)
