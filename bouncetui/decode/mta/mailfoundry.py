"""MailFoundry appliance bounces: "Unable to deliver message to: <addr>" then "Delivery failed
for the following reason:" and the remote server's answer ("Server H[IP] failed with: 550 ..."),
once per recipient."""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address, find_replycode
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import collapse, command_of, is_notification, wrapped
from bouncetui.decode.report import Delivery, Report

NAME = "MailFoundry"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = ("delivery failed for the following reason:",)

# (the sentences also wrapped at another width: see common.wrapped)
_RECIPIENT = re.compile(r"^Unable to deliver message to:\s*<?([^>\s]+@[^>\s]+)>?\s*$", re.MULTILINE)
_REASON = wrapped(r"^Delivery failed for the following reason:\s*\n(.*?)(?:\n\s*\n|\Z)", re.MULTILINE | re.DOTALL)
_SERVER = re.compile(r"^Server ([A-Za-z0-9.-]+)\[[^\]]*\] failed with:\s*", re.IGNORECASE)


def decode(message: Message) -> Report | None:
    body = message.text_of("text/plain") or message.body
    found = list(_RECIPIENT.finditer(body))
    if not found or not _REASON.search(body) or not is_notification(message):
        return None
    deliveries = []
    for n, m in enumerate(found):
        # each recipient's own block: from its "Unable to deliver message to:" line to the next one
        block = body[m.end() : found[n + 1].start() if n + 1 < len(found) else len(body)]
        reason = _REASON.search(block) or _REASON.search(body)
        recipient = clean_address(m.group(1))
        if not recipient or reason is None:
            continue
        text = collapse(reason.group(1))
        server = _SERVER.match(text)
        diagnostic = text[server.end() :] if server else text
        deliveries.append(Delivery(recipient=recipient, diagnostic=diagnostic, replycode=find_replycode(diagnostic[:4]),
                                   command=command_of(diagnostic), rhost=server.group(1).lower() if server else ""))
    return Report(NAME, deliveries, message.original) if deliveries else None
