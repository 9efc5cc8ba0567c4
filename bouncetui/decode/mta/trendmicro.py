"""Trend Micro InterScan (MSS / VirusWall) bounces.

    Sent <<< RCPT TO:<user@example.co.jp>
    Received >>> 550 5.1.1 <user@example.co.jp>... user unknown

or "Unable to deliver message to <user@example.jp> (and other recipients in the same domain).
Please check if address is correct." InterScan sends that second notice, with no reply quoted,
when the receiving server refused the recipient's address: it names the cause as the address (its
own advice is to check it), so the decoder states `userunknown` for it.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address, find_replycode
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import collapse, command_of, is_notification, wrapped
from bouncetui.decode.report import Delivery, Report

NAME = "TrendMicro"

# The reply runs to the next blank line or exchange line; each line may have been wrapped at another
# width (see common.wrapped).
_SENT = wrapped(r"^Sent <<< (?P<cmd>RCPT TO|MAIL FROM|DATA)\b:?\s*<?(?P<rcpt>[^>\s]*)>?\s*\n"
                   r"Received >>> (?P<reply>.*(?:\n(?!Sent <<<|Received >>>)[^\n]*\S.*)*)$",
                   re.MULTILINE | re.IGNORECASE)
UNABLE_REASON = "userunknown"  # what InterScan's "Unable to deliver message to <a>" notice means
# The sentence to its full stop, across the line breaks of a wrapped paragraph.
_UNABLE = wrapped(r"Unable to deliver message to <(?P<rcpt>[^>]+)>(?P<rest>[^.\n]*(?:\n[^.\n]*[^.\s][^.\n]*)*\.?)",
                  re.IGNORECASE)


def decode(message: Message) -> Report | None:
    body = message.text_of("text/plain") or message.body
    if ("interscan" not in message.folded and "interscan" not in message.folded_senders
            and "interscan" not in (message.sender[-8:] + body[:8]).lower()):
        # the word is in neither part's folded text nor across their junction, so not in the
        # lowered text below either (folded holds this body whole; fold finds what lower finds)
        return None
    if "interscan" not in (message.sender + body[:2000]).lower():
        return None  # looked for first: most messages do not name InterScan
    if not is_notification(message):
        return None  # a person quoting a bounce is not one
    deliveries = []
    for m in _SENT.finditer(body):
        reply = collapse(m.group("reply"))
        if clean_address(m.group("rcpt")):
            deliveries.append(Delivery(recipient=clean_address(m.group("rcpt")), diagnostic=reply,
                                       replycode=find_replycode(reply[:4]), command=command_of(collapse(m.group("cmd")) + ":")))
    if not deliveries:
        for m in _UNABLE.finditer(body):
            if clean_address(m.group("rcpt")):
                deliveries.append(Delivery(recipient=clean_address(m.group("rcpt")), diagnostic=collapse(m.group(0)),
                                           reason=UNABLE_REASON))
    if not deliveries:
        return None
    return Report(NAME, deliveries, message.original)
