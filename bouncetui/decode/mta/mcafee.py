"""McAfee Email Gateway bounces (X-NAI-Header: Modified by McAfee ...): an RFC 3464 report whose
text lists "<addr>   (reason)" under "--- The following addresses had delivery problems ---". A notice
a person forwarded inline, without X-NAI-Header, is recognised by that heading and the name of its
delivery-status part ("deliverystatus.txt")."""

from __future__ import annotations

import re

from bouncetui.decode.forwarded import FIELD_NAME, is_inline_forward
from bouncetui.decode.message import Message
from bouncetui.decode.mta.appliances import decode_with, lines_matching
from bouncetui.decode.mta.common import wrapped
from bouncetui.decode.report import Report

NAME = "McAfee"
# the header decode requires (X-NAI-Header), or the mark of a notice rebuilt from an inline forward
HEADERS = ("x-nai-header", FIELD_NAME)
# What a notice forwarded without X-NAI-Header is recognised by: the gateway's heading, with three
# dashes (Sendmail's has five), and the name it gives its delivery-status part
_HEADING = wrapped(r"^\s*--- The following addresses had delivery problems ---\s*$", re.MULTILINE)  # also wrapped
_PART_NAME = "deliverystatus.txt"

_LINE = re.compile(r"^<(?P<rcpt>[^>]+)>\s+\((?P<text>.*)\)\s*$", re.MULTILINE)


def decode(message: Message) -> Report | None:
    if "mcafee" not in message.header("X-NAI-Header").lower() and not (
            is_inline_forward(message) and _forwarded_notice(message)):
        return None
    return decode_with(message, NAME, lines_matching(_LINE))


def _forwarded_notice(message: Message) -> bool:
    part = message.find("message/delivery-status")
    if part is None or str(part.get_param("name") or "").lower() != _PART_NAME:
        return False
    return bool(_HEADING.search(message.text_of("text/plain") or message.body))
