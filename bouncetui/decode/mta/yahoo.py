"""Yahoo Mail's (and AOL's, on the same platform) "Failure Notice".

    Sorry, we were unable to deliver your message to the following address.

    <user@example.org>:
    Remote host said: 550 5.1.1 <user@example.org>... User unknown [RCPT_TO]

    --- Below this line is a copy of the message.

(The older "Unable to deliver message to the following address(es)." is not Yahoo's alone: other
webmail systems use it, and the X2 decoder reads it.) The remote reply may start on the line after "Remote host said:", or stand alone as "550: ...",
Yahoo's rendering of the reply "550 ..." (the colon it adds is dropped again).
The bracketed tag at its end names the SMTP stage ([RCPT_TO], [MAIL_FROM], [DATA], ...). Yahoo's
platform also relays for others, so the wording decides, not the sender.
"""

from __future__ import annotations

import re

from bouncetui.decode.message import Message
from bouncetui.decode.mta.provider_common import bare_address, collapse, cut, original_of
from bouncetui.decode.report import Delivery, Report

NAME = "Yahoo"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = ("sorry, we were unable to deliver your message to the following address",)

_START = re.compile(r"^\s*Sorry, we were unable to deliver your message to the following address(?:es)?\.?", re.I | re.M)
_ORIGINAL = (re.compile(r"^\s*-+ ?Below this line is a copy of the message\.?", re.IGNORECASE | re.MULTILINE),)
_SAID = re.compile(r"^\s*Remote host said:\s*", re.IGNORECASE)
_CODE_COLON = re.compile(r"^(?P<code>[245]\d\d): ")
_TAG = re.compile(r"\s*\[(?P<tag>[A-Z_]+)\]\s*$")
_TAG_COMMAND = {
    "CONNECT": "CONN",
    "HELO": "HELO",
    "EHLO": "EHLO",
    "STARTTLS": "STARTTLS",
    "MAIL_FROM": "MAIL",
    "RCPT_TO": "RCPT",
    "DATA": "DATA",
    "BODY": "DATA",
    "END_OF_DATA": "DATA",
}


def decode(message: Message) -> Report | None:
    body = message.body
    start = _START.search(body)
    if not start:
        return None
    head, _ = cut(body[start.end() :], _ORIGINAL)
    entries: list[tuple[str, list[str]]] = []
    for line in head.split("\n"):
        address = bare_address(line)
        if address and line.rstrip().endswith(":") or (address and not entries):
            entries.append((address, []))
        elif entries and line.strip():
            entries[-1][1].append(line.strip())
    if not entries:
        return None
    report = Report(NAME, original=original_of(message, body, _ORIGINAL))
    for address, lines in entries:
        text = collapse(" ".join(lines))
        text = _CODE_COLON.sub(r"\g<code> ", _SAID.sub("", text))
        command = ""
        tag = _TAG.search(text)
        if tag and tag.group("tag") in _TAG_COMMAND:
            command = _TAG_COMMAND[tag.group("tag")]
            text = text[: tag.start()]
        report.deliveries.append(
            Delivery(recipient=address, action="failed", diagnostic=collapse(text), command=command)
        )
    return report
