"""SurfControl E-mail Filter bounces (X-Mailer: SurfControl E-mail Filter): an RFC 3464 report
whose text says "Failed to send to identified host, ADDR: [IP], REPLY" (by which a notice a person
forwarded inline, without X-Mailer, is recognised)."""

from __future__ import annotations

import re

from bouncetui.decode.forwarded import FIELD_NAME, is_inline_forward
from bouncetui.decode.message import Message
from bouncetui.decode.mta.appliances import decode_with, lines_matching
from bouncetui.decode.report import Report

NAME = "SurfControl"
# the header decode requires (X-Mailer), or the mark of a notice rebuilt from an inline forward
HEADERS = ("x-mailer", FIELD_NAME)
_TRANSCRIPT = re.compile(r"^Failed to send to identified host,", re.MULTILINE)

# a reply wrapped onto the lines below runs on up to a blank line, the next address or "--- ..."
# (the host may be wrapped onto the line below the address)
_LINE = re.compile(r"^(?P<rcpt>\S+@\S+?):\s+\[(?P<host>[^\]]+)\],\s*(?P<text>.*(?:\n(?![ \t]*$|\S+@\S+?:\s+\[|---).*)*)",
                   re.MULTILINE)


def decode(message: Message) -> Report | None:
    if not message.header("X-Mailer").startswith("SurfControl") and not (
            is_inline_forward(message) and _TRANSCRIPT.search(message.text_of("text/plain") or message.body)):
        return None
    return decode_with(message, NAME, lines_matching(_LINE))
