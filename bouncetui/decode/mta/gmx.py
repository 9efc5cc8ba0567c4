"""GMX and mail.com bounces (United Internet's platform, shared with 1&1).

    This message was created automatically by mail delivery software.
    ... The following address failed:
    "user@example.org":                                  (or <user@example.org>)
    SMTP error from remote server after RCPT command:
    host: mx.example.org
    5.2.2 <user@example.org>... Mailbox full             (or "Reason:" and GMX's own words)
    --- The header of the original message is following. ---

`entries(text)` reads these blocks; the 1&1 decoder shares it.
"""

from __future__ import annotations

import re

from bouncetui.decode.message import Message
from bouncetui.decode.mta.provider_common import (
    bare_address,
    collapse,
    cut,
    exim_explanation,
    original_of,
    sender_matches,
)
from bouncetui.decode.report import Delivery, Report

NAME = "GMX"

_SENDER = re.compile(r"mailer-daemon@(?:[\w-]+\.)*(?:gmx\.[a-z.]+|mail\.com)\b", re.IGNORECASE)
_SENDER_WORDS = ("gmx.", "mail.com")  # one is in every match of _SENDER (see sender_matches)
# find_report offers a message only when its senders hold one of them (decode needs one first)
SENDERS = _SENDER_WORDS
_START = re.compile(r"following addres(?:s|ses|s\(es\))\s+failed:\s*$", re.IGNORECASE | re.MULTILINE)
ORIGINAL = (re.compile(r"^\s*-+ ?The header of the original message is following\.? ?-+", re.I | re.M),)
_LABEL = re.compile(r"^(?:Reason|For the following reason):\s*", re.IGNORECASE)
_EXPLANATION_LINK = re.compile(r"\s*For explanation visit \S+", re.IGNORECASE)
_HOST_SAID = re.compile(r"^(?:SMTP error[^:]*:\s*)?host:\s*(\S+)\s*(.*)$", re.IGNORECASE)
_SMTP_ERROR = re.compile(r"^SMTP error from remote server (?:after|for) \w+ command:\s*", re.I)


def entries(body: str) -> list[Delivery]:
    """The failed addresses and their explanations after "The following address(es) failed:"."""
    start = _START.search(body)
    if not start:
        return []
    head, _ = cut(body[start.end() :], ORIGINAL)
    blocks: list[tuple[str, list[str]]] = []
    for line in head.split("\n"):
        address = bare_address(line)
        if address:
            blocks.append((address, []))
        elif blocks and line.strip():
            blocks[-1][1].append(line.strip())
    result = []
    for address, lines in blocks:
        text = _LABEL.sub("", collapse(" ".join(lines)))
        diagnostic, command, rhost = exim_explanation(text)
        diagnostic = _EXPLANATION_LINK.sub("", diagnostic)
        if not rhost:
            host = _HOST_SAID.match(diagnostic)
            if host:
                rhost, diagnostic = host.group(1).lower(), host.group(2)
        diagnostic = _SMTP_ERROR.sub("", diagnostic)
        result.append(Delivery(recipient=address, action="failed", diagnostic=diagnostic.strip(), command=command,
                               rhost=rhost))
    return result


def decode(message: Message) -> Report | None:
    if not sender_matches(message, _SENDER, _SENDER_WORDS):
        return None
    body = message.body
    deliveries = entries(body)
    if not deliveries:
        return None
    return Report(NAME, deliveries, original_of(message, body, ORIGINAL))
