"""X1: an unnamed gateway's bounces: "---The following addresses had delivery errors---".

    ---The following addresses had delivery errors---

    user@example.org [User unknown]

Each line is an address and, in brackets, the error. Sent from "Mail Deliver System".
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import collapse, is_notification, wrapped
from bouncetui.decode.report import Delivery, Report

NAME = "X1"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = ("---the following addresses had delivery errors---",)

# the banner, also when wrapped at another width (see common.wrapped)
_START = wrapped(r"^-{3}The following addresses had delivery errors-{3}\s*$", re.MULTILINE)
_LINE = re.compile(r"^(\S+@\S+)\s+\[(.*)\]\s*$")
_OPEN = re.compile(r"^\S+@\S+(?:\s+\[[^\]]*)?$")  # an address whose "[reason]" is not closed on its line


def entry_lines(text: str) -> list[str]:
    """The list's lines, stripped; an entry wrapped at another width ("a@example.org" then
    "[reason]" on the next line, or the reason broken) joined up to its closing bracket."""
    out: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if out and line and _OPEN.match(out[-1]):
            out[-1] += " " + line
        else:
            out.append(line)
    return out


def decode(message: Message) -> Report | None:
    if not is_notification(message):
        return None  # a person quoting a bounce is not one
    if not message.sender.lower().startswith(("mail deliver", '"mail deliver')) and "mailer-daemon" not in message.sender.lower():
        return None
    body = message.body
    start = _START.search(body)
    if not start:
        return None
    deliveries = []
    for line in entry_lines(body[start.end() :]):
        m = _LINE.match(line)
        if m and clean_address(m.group(1)):
            deliveries.append(Delivery(recipient=clean_address(m.group(1)), diagnostic=collapse(m.group(2))))
        elif line and deliveries:
            break
    if not deliveries:
        return None
    return Report(NAME, deliveries, message.original)
