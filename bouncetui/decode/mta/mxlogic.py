"""MX Logic (McAfee SaaS) bounces: Exim-derived text with X-MX-Bounce / X-MXL-NoteHash headers.

    The following address failed:

      <user@example.co.jp>: 550 5.1.1 <user@example.co.jp>: Recipient address rejected

    Included is a copy of the message header:
    -----------------------------------------

A notice a person forwarded inline, without those headers, is recognised by that last line (Exim's
own is "------ This is a copy of the message, including all the headers. ------").
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address, find_replycode
from bouncetui.decode.forwarded import FIELD_NAME, is_inline_forward
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import collapse, command_of, original_or_inline
from bouncetui.decode.report import Delivery, Report

NAME = "MXLogic"
# the headers decode requires one of, or the mark of a notice rebuilt from an inline forward
HEADERS = ("x-mx-bounce", "x-mxl-notehash", FIELD_NAME)

_START = re.compile(r"The following address(?:\(es\)|es)? failed:\s*\n", re.IGNORECASE)
_ENTRY = re.compile(r"^\s+<([^>]+@[^>]+)>:?\s*(.*)$")
_END = re.compile(r"^Included is a copy of the message header:?\s*\n-+\s*$", re.MULTILINE | re.IGNORECASE)


def decode(message: Message) -> Report | None:
    headed = message.msg.get("X-MX-Bounce") is not None or message.msg.get("X-MXL-NoteHash") is not None
    if not headed and not is_inline_forward(message):
        return None
    body = message.text_of("text/plain") or message.body
    start = _START.search(body)
    if not start or not (headed or _END.search(body, start.end())):
        return None  # forwarded without its headers: MX Logic's own line above the copy must be there
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
