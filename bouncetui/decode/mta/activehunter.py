"""ActiveHunter (TransWARE) bounces, recognised by the X-AHMAILID header.

Sendmail-like text: under "----- The following addresses had permanent fatal errors -----" each
address is written `>>> addr <addr>`; the transcript section holds the remote reply. A notice a
person forwarded inline, without X-AHMAILID, is recognised by those `>>>` address lines under that
heading (Sendmail writes `>>>` only before the commands of its transcript).
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address, find_replycode
from bouncetui.decode.forwarded import FIELD_NAME, is_inline_forward
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import collapse, wrapped
from bouncetui.decode.report import Delivery, Report

NAME = "Activehunter"
# the header decode requires (X-AHMAILID), or the mark of a notice rebuilt from an inline forward
HEADERS = ("x-ahmailid", FIELD_NAME)

# the banners, also when wrapped at another width (see common.wrapped)
_ERRORS = wrapped(r"^\s*-{3,}\s*The following addresses had permanent fatal errors\s*-{3,}", re.M | re.I)
_TRANSCRIPT = wrapped(r"^\s*-{3,}\s*Transcript of session follows\s*-{3,}\s*$", re.M | re.I)
_ADDRESS = re.compile(r"^>>>\s+(\S+@\S+)")


def decode(message: Message) -> Report | None:
    if message.msg.get("X-AHMAILID") is None and not is_inline_forward(message):
        return None
    body = message.text_of("text/plain") or message.body
    errors, transcript = _ERRORS.search(body), _TRANSCRIPT.search(body)
    if not errors:
        return None
    listed = body[errors.end() : transcript.start() if transcript else len(body)]
    recipients = [clean_address(m.group(1)) for m in map(_ADDRESS.match, listed.split("\n")) if m]
    reply = collapse(body[transcript.end() :]) if transcript else ""
    deliveries = [
        Delivery(recipient=r, diagnostic=reply, replycode=find_replycode(reply[:4])) for r in recipients if r
    ]
    if not deliveries:
        return None
    return Report(NAME, deliveries, message.original)
