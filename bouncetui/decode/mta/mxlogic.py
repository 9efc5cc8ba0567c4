"""MX Logic (McAfee SaaS) bounces: Exim-derived text with X-MX-Bounce / X-MXL-NoteHash headers.

    The following address failed:

      <user@example.co.jp>: 550 5.1.1 <user@example.co.jp>: Recipient address rejected

    Included is a copy of the message header:
    -----------------------------------------
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address, find_replycode
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import collapse, command_of, original_or_inline
from bouncetui.decode.report import Delivery, Report

NAME = "MXLogic"
HEADERS = ("x-mx-bounce", "x-mxl-notehash")  # the headers decode requires one of

_START = re.compile(r"The following address(?:\(es\)|es)? failed:\s*\n", re.IGNORECASE)
_ENTRY = re.compile(r"^\s+<([^>]+@[^>]+)>:?\s*(.*)$")
_END = re.compile(r"^Included is a copy of the message header:?\s*\n-+\s*$", re.MULTILINE | re.IGNORECASE)


def decode(message: Message) -> Report | None:
    if message.msg.get("X-MX-Bounce") is None and message.msg.get("X-MXL-NoteHash") is None:
        return None
    body = message.text_of("text/plain") or message.body
    start = _START.search(body)
    if not start:
        return None
    deliveries: list[Delivery] = []
    for line in body[start.end() :].split("\n"):
        m = _ENTRY.match(line)
        if m and clean_address(m.group(1)):
            deliveries.append(Delivery(recipient=clean_address(m.group(1)), diagnostic=m.group(2)))
        elif deliveries and line.startswith("    ") and line.strip():
            deliveries[-1].diagnostic += " " + line.strip()
        elif deliveries and line.strip():
            break
    for delivery in deliveries:
        delivery.diagnostic = collapse(delivery.diagnostic)
        delivery.replycode = find_replycode(delivery.diagnostic[:4])
        delivery.command = command_of(delivery.diagnostic)
    if not deliveries:
        return None
    return Report(NAME, deliveries, original_or_inline(message, body, (_END,)))
