"""amavisd-new content filter reports: From "Content-filter at HOST", RFC 3464 with a text part
"The message WAS NOT relayed to: <addr>: [IP] said: REPLY" or a UBE/virus notice."""

from __future__ import annotations

import re

from bouncetui.decode.message import Message
from bouncetui.decode.mta.appliances import decode_with, lines_matching
from bouncetui.decode.mta.common import is_notification
from bouncetui.decode.report import Report

NAME = "Amavis"

_LINE = re.compile(r"^\s+<(?P<rcpt>[^>]+)>: \[(?P<host>[^\]]+)\] said:\s*\n(?P<text>(?:\s{3,}\S.*\n?)+)", re.M)


def decode(message: Message) -> Report | None:
    if not is_notification(message):
        return None  # a person quoting a bounce is not one
    if not message.sender.lower().startswith(('"content-filter at', "content-filter at")):
        if "amavisd-new" not in message.text_of("text/plain"):
            return None
    return decode_with(message, NAME, lines_matching(_LINE))
