"""McAfee Email Gateway bounces (X-NAI-Header: Modified by McAfee ...): an RFC 3464 report whose
text lists "<addr>   (reason)" under "--- The following addresses had delivery problems ---"."""

from __future__ import annotations

import re

from bouncetui.decode.message import Message
from bouncetui.decode.mta.appliances import decode_with, lines_matching
from bouncetui.decode.report import Report

NAME = "McAfee"
HEADERS = ("x-nai-header",)  # the header decode requires (X-NAI-Header)

_LINE = re.compile(r"^<(?P<rcpt>[^>]+)>\s+\((?P<text>.*)\)\s*$", re.MULTILINE)


def decode(message: Message) -> Report | None:
    if "mcafee" not in message.header("X-NAI-Header").lower():
        return None
    return decode_with(message, NAME, lines_matching(_LINE))
