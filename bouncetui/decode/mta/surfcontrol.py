"""SurfControl E-mail Filter bounces (X-Mailer: SurfControl E-mail Filter): an RFC 3464 report
whose text says "Failed to send to identified host, ADDR: [IP], REPLY"."""

from __future__ import annotations

import re

from bouncetui.decode.message import Message
from bouncetui.decode.mta.appliances import decode_with, lines_matching
from bouncetui.decode.report import Report

NAME = "SurfControl"
HEADERS = ("x-mailer",)  # the header decode requires (X-Mailer)

# a reply wrapped onto the lines below runs on up to a blank line, the next address or "--- ..."
_LINE = re.compile(r"^(?P<rcpt>\S+@\S+?): \[(?P<host>[^\]]+)\],\s*(?P<text>.*(?:\n(?![ \t]*$|\S+@\S+?: \[|---).*)*)",
                   re.MULTILINE)


def decode(message: Message) -> Report | None:
    if not message.header("X-Mailer").startswith("SurfControl"):
        return None
    return decode_with(message, NAME, lines_matching(_LINE))
