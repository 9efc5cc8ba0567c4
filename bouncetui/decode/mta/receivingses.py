"""Amazon SES receiving (inbound) reports: SES accepted mail for a domain and could not deliver it.

Multipart reports from SES's inbound endpoints (Reporting-MTA: inbound-smtp.<region>.amazonaws.com,
an X-SES-Outgoing header) with RFC 3464 fields whose Original-Recipient follows Final-Recipient, and
the original as text/rfc822-headers. A notice a person forwarded inline, without X-SES-Outgoing, is
recognised by that Reporting-MTA alone.
"""

from __future__ import annotations

import re

from bouncetui.decode.forwarded import FIELD_NAME, is_inline_forward
from bouncetui.decode.message import Message
from bouncetui.decode.mta.provider_common import dsn
from bouncetui.decode.report import Report
from bouncetui.decode.rfc3464 import command_from_text

NAME = "ReceivingSES"
# the header decode requires (X-SES-Outgoing), or the mark of a notice rebuilt from an inline forward
HEADERS = ("x-ses-outgoing", FIELD_NAME)

_INBOUND = re.compile(r"\binbound-smtp\.[\w-]+\.amazonaws\.com\b", re.IGNORECASE)


def decode(message: Message) -> Report | None:
    if not (message.header("X-SES-Outgoing") or is_inline_forward(message)) or \
            message.find("message/delivery-status") is None:
        return None
    per_message, deliveries = dsn(message)
    if not deliveries or not _INBOUND.search(per_message.get("reporting-mta", "")):
        return None
    body = message.body
    for delivery in deliveries:
        if not delivery.command:
            delivery.command = command_from_text(body, delivery.recipient)
    return Report(NAME, deliveries, message.original, per_message)
