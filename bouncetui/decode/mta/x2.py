"""X2: a webmail provider's bounces: "Unable to deliver message to the following address(es)."

    Message from example.com.
    Unable to deliver message to the following address(es).

    <user@example.com>:
    This user doesn't have a example.com account (user@example.com) [0]

    --- Original message follows.

One `<addr>:` paragraph per recipient, as qmail writes them.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address, find_replycode
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import (
    collapse,
    command_of,
    find_in_notification,
    original_or_inline,
)
from bouncetui.decode.report import Delivery, Report

NAME = "X2"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = ("unable to deliver message to the following address(es)",)

_START = re.compile(r"^Unable to deliver message to the following address\(es\)\.?\s*$", re.MULTILINE | re.I)
_END = re.compile(r"^--- Original message follows\.?\s*$", re.MULTILINE | re.IGNORECASE)
_RECIPIENT = re.compile(r"^<([^>\s]+@[^>\s]+)>:\s*$", re.MULTILINE)
_QUEUE = re.compile(r"\s*I'm not going to try again; this message has been in the queue too long\.", re.I)


def decode(message: Message) -> Report | None:
    found = find_in_notification(message, _START)
    if found is None:
        return None  # not a mail system's notice (a person quoting a bounce is not one), or not this one
    body, start = found
    end = _END.search(body, start.end())
    text = body[start.end() : end.start() if end else len(body)]
    starts = list(_RECIPIENT.finditer(text))
    deliveries = []
    for i, m in enumerate(starts):
        words = text[m.end() : starts[i + 1].start() if i + 1 < len(starts) else len(text)]
        diagnostic = _QUEUE.sub("", collapse(words)).strip()
        deliveries.append(
            Delivery(
                recipient=clean_address(m.group(1)),
                diagnostic=diagnostic,
                replycode=find_replycode(diagnostic[:4]),
                command=command_of(diagnostic),
                reason="expired" if _QUEUE.search(collapse(words)) else "",
            )
        )
    deliveries = [d for d in deliveries if d.recipient]
    if not deliveries:
        return None
    return Report(NAME, deliveries, original_or_inline(message, body, (_END,)))
