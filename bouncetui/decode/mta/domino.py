"""IBM/HCL Domino bounces: "Your message ... was not delivered to: ADDR because: REASON".

    Your message

      Subject: hello

    was not delivered to:

      user@example.org

    because:

      User user (user@example.org) not listed in Domino Directory

Recent versions add an RFC 3464 part (Diagnostic-Code: X-Notes; ...); its fields are the base.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import collapse, dsn_deliveries
from bouncetui.decode.report import Delivery, Report

NAME = "Domino"

_NOT_DELIVERED = re.compile(
    r"^\s*was not delivered to:\s*\n(?P<who>.*?)^\s*because:\s*\n(?P<why>.*?)(?=^\S|\Z)",
    re.MULTILINE | re.DOTALL | re.IGNORECASE,
)


def decode(message: Message) -> Report | None:
    body = message.text_of("text/plain") or message.body
    m = _NOT_DELIVERED.search(body)
    if not m or not message.subject.upper().startswith("DELIVERY FAILURE") and "domino" not in body.lower():
        return None
    why = collapse(m.group("why"))
    fields, deliveries = dsn_deliveries(message.text_of("message/delivery-status"))
    if not deliveries:
        addresses = [clean_address(line) for line in m.group("who").split("\n")]
        deliveries = [Delivery(recipient=a, diagnostic=why) for a in addresses if a]
    for delivery in deliveries:
        if len(why) > len(delivery.diagnostic):
            delivery.diagnostic = why  # the X-Notes field is cut at its line length
    if not deliveries:
        return None
    return Report(NAME, deliveries, message.original, fields)
