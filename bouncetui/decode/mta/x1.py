"""X1: an unnamed gateway's bounces: "---The following addresses had delivery errors---".

    ---The following addresses had delivery errors---

    user@example.org [User unknown]

Each line is an address and, in brackets, the error. Sent from "Mail Deliver System".
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import collapse, is_notification
from bouncetui.decode.report import Delivery, Report

NAME = "X1"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = ("---the following addresses had delivery errors---",)

_START = re.compile(r"^-{3}The following addresses had delivery errors-{3}\s*$", re.MULTILINE)
_LINE = re.compile(r"^(\S+@\S+)\s+\[(.*)\]\s*$")


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
    for line in body[start.end() :].split("\n"):
        m = _LINE.match(line.strip())
        if m and clean_address(m.group(1)):
            deliveries.append(Delivery(recipient=clean_address(m.group(1)), diagnostic=collapse(m.group(2))))
        elif line.strip() and deliveries:
            break
    if not deliveries:
        return None
    return Report(NAME, deliveries, message.original)
