"""Oracle (Sun ONE, iPlanet) Messaging Server bounces: "This report relates to a message you sent
with the following header fields:".

The text lists each recipient as indented fields, "Recipient address:", "Original address:",
"Reason:", "Diagnostic code: smtp;550 ...", "Remote system: dns;HOST (...)". The RFC 3464 part,
when present, is the base. A source-routed final recipient ("@relay:user@host") gives way to the
original address.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address, host_of, strip_diagnostic
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import command_of, dsn_deliveries, wrapped
from bouncetui.decode.report import Delivery, Report

NAME = "MessagingServer"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = ("message you sent with the following header fields",)

_BANNER = wrapped(r"^This report relates to (?:a|your) message you sent with the following header fields", re.M | re.I)
_FIELD = re.compile(r"^\s+(Recipient address|Original address|Reason|Diagnostic code|Remote system):\s*(.*)$", re.I)


# Another field: the server writes each name capitalised ("Remote system:"), so a value wrapped onto
# the next line ("unknown or illegal alias:") is not taken for one
_ANY_FIELD = re.compile(r"^\s*[A-Z][A-Za-z0-9 -]*:")


def _text_fields(body: str) -> list[tuple[str, str]]:
    """[(name, value)] of the recipient fields, a value wrapped onto the lines below its field
    (up to a blank line or another field) joined to it."""
    pairs: list[tuple[str, str]] = []
    open_ = False
    for line in body.split("\n"):
        m = _FIELD.match(line)
        if m:
            pairs.append((m.group(1).lower(), m.group(2).strip()))
            open_ = True
        elif open_ and line.strip() and not _ANY_FIELD.match(line):
            pairs[-1] = (pairs[-1][0], (pairs[-1][1] + " " + line.strip()).lstrip())
        else:
            open_ = False
    return pairs


def text_recipients(body: str) -> list[Delivery]:
    found: list[Delivery] = []
    for name, value in _text_fields(body):
        if name == "recipient address":
            found.append(Delivery(recipient=value))
        elif found and name == "original address":
            found[-1].alias = clean_address(value)
        elif found and name == "diagnostic code":
            found[-1].diagnostictype, found[-1].diagnostic = strip_diagnostic(value)
        elif found and name == "remote system":
            found[-1].rhost = host_of(value)
        elif found and name == "reason" and not found[-1].diagnostic:
            found[-1].diagnostic = value
    return found


# The server's own words: a recipient address whose host part is not a valid name.
_ILLEGAL_HOST = re.compile(r"Illegal host/domain name found", re.IGNORECASE)


def routed(address: str) -> bool:
    return address.startswith("@") or ":" in address.split("@")[0]


def decode(message: Message) -> Report | None:
    body = message.text_of("text/plain") or message.body
    if not _BANNER.search(body):
        return None
    fields, deliveries = dsn_deliveries(message.text_of("message/delivery-status"))
    said = text_recipients(body)
    if not deliveries:
        deliveries = said
    by_address = {d.recipient.lower(): d for d in said}
    for delivery in deliveries:
        text = by_address.get(delivery.recipient.lower())
        if text is not None and not delivery.diagnostic:
            delivery.diagnostic = text.diagnostic  # the "Reason:" line when no code was given
    for delivery in deliveries:
        if (routed(delivery.recipient) or not clean_address(delivery.recipient)) and delivery.alias:
            delivery.recipient, delivery.alias = delivery.alias, ""
        delivery.recipient = clean_address(delivery.recipient)
        delivery.command = delivery.command or command_of(delivery.diagnostic)
        if _ILLEGAL_HOST.search(delivery.diagnostic):
            delivery.reason = "hostunknown"
    deliveries = [d for d in deliveries if d.recipient]
    if not deliveries:
        return None
    return Report(NAME, deliveries, message.original, fields)
