"""Apache James bounces: "Hi. This is the James mail server at HOST."

    Failed recipient(s):
        user@example.org

    Error message:
        550 5.1.1 <user@example.org>... User Unknown

    Message details:
      Subject: ...

The recipients and the one error message that applies to them all. James 2.3's AbstractNotify
writes them unindented, under "Error message below:", each block ending at a blank line. Its
DSNBounce adds a message/delivery-status part, whose Status each recipient takes.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address, find_replycode
from bouncetui.decode.message import Message, parse_headers
from bouncetui.decode.mta.common import collapse, command_of, dsn_deliveries, is_notification, wrapped
from bouncetui.decode.report import Delivery, Report

NAME = "ApacheJames"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = ("hi. this is the james mail server at ",)

# (also wrapped at another width: see common.wrapped)
_BANNER = wrapped(r"^Hi\. This is the James mail server at ([A-Za-z0-9.-]+?)\.?\s*$", re.MULTILINE)
# a block: its heading, then indented lines, or unindented ones up to a blank line
_BLOCK = r"[ \t]*\n((?:[ \t]+\S.*\n?)+|(?:\S.*\n?)+?)(?=\n|^\S.*:\s*$|\Z)"
_RECIPIENTS = re.compile(r"^Failed recipient\(s\):" + _BLOCK, re.MULTILINE)
_ERROR = re.compile(r"^Error message(?: below)?:" + _BLOCK, re.MULTILINE)
_DETAILS = re.compile(r"^Message details:" + _BLOCK, re.MULTILINE)


def decode(message: Message) -> Report | None:
    body = message.text_of("text/plain") or message.body
    banner = _BANNER.search(body)
    if not banner or not is_notification(message):
        return None
    listed = _RECIPIENTS.search(body, banner.end())
    if not listed:
        return None
    error = _ERROR.search(body, banner.end())
    diagnostic = collapse(error.group(1)) if error else ""
    recipients = [clean_address(line) for line in listed.group(1).split("\n")]
    deliveries = [
        Delivery(recipient=r, diagnostic=diagnostic, replycode=find_replycode(diagnostic[:4]),
                 command=command_of(diagnostic), lhost=banner.group(1).lower())
        for r in recipients
        if r
    ]
    if not deliveries:
        return None
    # James's DSNBounce adds an RFC 3464 part: its Status for each recipient
    _, fields = dsn_deliveries(message.text_of("message/delivery-status"))
    status = {d.recipient.lower(): d.status for d in fields}
    for delivery in deliveries:
        delivery.status = status.get(delivery.recipient.lower(), "")
    details = _DETAILS.search(body, banner.end())
    original = message.original
    if original is None and details:
        original = parse_headers("\n".join(line.strip() for line in details.group(1).split("\n")))
    return Report(NAME, deliveries, original)
