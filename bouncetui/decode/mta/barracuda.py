"""Barracuda Spam Firewall bounces: "Your message to: ADDR was blocked by our Spam Firewall",
with an RFC 3464 part."""

from __future__ import annotations

import re

from bouncetui.decode.message import Message
from bouncetui.decode.mta.appliances import decode_with
from bouncetui.decode.mta.common import is_notification
from bouncetui.decode.report import Report

NAME = "Barracuda"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = ("was blocked by our spam firewall", "blocked by our bulk email filter")

_WORDING = re.compile(r"was blocked by our Spam Firewall|blocked by our bulk email filter", re.IGNORECASE)


def decode(message: Message) -> Report | None:
    if not is_notification(message):
        return None  # a person quoting a bounce is not one
    if not (_WORDING.search(message.subject) or _WORDING.search(message.text_of("text/plain"))):
        return None
    return decode_with(message, NAME)
