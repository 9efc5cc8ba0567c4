"""Lotus Notes (R4/R5 SMTP MTA) bounces: "------- Failure Reasons --------".

    ------- Failure Reasons  --------
    User  not listed in public Name & Address Book
    user@example.com
    ------- Returned Message --------

The reason lines (often Japanese, in ISO-2022-JP) come first, then the failed addresses; the
returned message follows its marker.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import collapse, is_notification, original_or_inline
from bouncetui.decode.report import Delivery, Report

NAME = "Notes"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = ("failure reasons",)

# Notes' own words for a name missing from its directory: the user does not exist.
_UNKNOWN = re.compile(r"not listed in (?:the )?(?:public Name & Address Book|Domino Directory)", re.IGNORECASE)
_START = re.compile(r"^-{3,}\s*Failure Reasons\s*-{3,}\s*$", re.MULTILINE | re.IGNORECASE)
_END = re.compile(r"^-{3,}\s*Returned Message\s*-{3,}\s*$", re.MULTILINE | re.IGNORECASE)


def decode(message: Message) -> Report | None:
    if not is_notification(message):
        return None  # a person quoting a bounce is not one
    body = message.body
    start = _START.search(body)
    if not start:
        return None
    end = _END.search(body, start.end())
    if not end:
        return None
    reasons: list[str] = []
    deliveries: list[Delivery] = []
    for line in body[start.end() : end.start()].split("\n"):
        line = line.strip()
        if not line:
            continue
        address = clean_address(line) if " " not in line else ""
        if address:
            why = collapse(" ".join(reasons))
            deliveries.append(Delivery(recipient=address, diagnostic=why, reason="userunknown" if _UNKNOWN.search(why) else ""))
        else:
            reasons.append(line)
    if not deliveries:
        return None
    return Report(NAME, deliveries, original_or_inline(message, body, (_END,)))
