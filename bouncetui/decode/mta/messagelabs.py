"""Symantec Email Security.cloud (MessageLabs) notices that come without a delivery-status part.

    This is the mail delivery agent at Symantec Email Security.cloud.

    I was unable to deliver your message to the following addresses:

    user@example.org
    other@example.org

    Reason: 550 5.1.1 <user@example.org>... User unknown

    The message subject was: ...

The listed addresses share the one reason. When the notice has an RFC 3464 part, the generic
decoder reads its fields instead.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address, find_replycode
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import collapse, command_of, find_in_notification
from bouncetui.decode.report import Delivery, Report

NAME = "MessageLabs"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = ("i was unable to deliver your message to the following addresses",)

_START = re.compile(r"^I was unable to deliver your message to the following addresses:\s*$", re.I | re.M)
_REASON = re.compile(r"^Reason:\s*(.*?)(?:\n\s*\n|\Z)", re.I | re.M | re.S)


def decode(message: Message) -> Report | None:
    if message.find("message/delivery-status"):
        return None
    found = find_in_notification(message, _START)
    if found is None:
        return None
    body, start = found
    reason = _REASON.search(body, start.end())
    if reason is None:
        return None
    recipients = [clean_address(line) for line in body[start.end() : reason.start()].split("\n") if line.strip()]
    diagnostic = collapse(reason.group(1))
    deliveries = [
        Delivery(recipient=r, action="failed", diagnostic=diagnostic, replycode=find_replycode(diagnostic[:4]),
                 command=command_of(diagnostic))
        for r in recipients
        if r
    ]
    if not deliveries:
        return None
    return Report(NAME, deliveries, message.original)
