"""SendGrid's bounce reports: "This is an automatically generated message from SendGrid."

A multipart report whose delivery-status part carries X-SendGrid-QueueID / X-SendGrid-Sender and
RFC 3464 fields (Original-Recipient after Final-Recipient, a Diagnostic-Code often without its
"smtp;" type). The text part repeats each failure as
"local:queue:<address> : client IP : mx[IP] : 550 5.1.1 ... in RCPT TO", which gives the stage.
"""

from __future__ import annotations

import re

from bouncetui.decode.message import Message
from bouncetui.decode.mta.provider_common import dsn
from bouncetui.decode.report import Report
from bouncetui.decode.rfc3464 import command_from_text

NAME = "SendGrid"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = ("automatically generated message from sendgrid", "x-sendgrid-queueid")

_TEXT = re.compile(r"automatically generated message from SendGrid", re.IGNORECASE)
_STAGE = re.compile(r"\bin (RCPT TO|MAIL FROM|DATA|EHLO|HELO)\b", re.IGNORECASE)
_STAGES = {"rcpt to": "RCPT", "mail from": "MAIL", "data": "DATA", "ehlo": "EHLO", "helo": "HELO"}
_RHOST = re.compile(r" : ([A-Za-z0-9.-]+\.[A-Za-z]{2,})\s*:\s*\[[0-9A-Fa-f.:]+\] : ")
# where each failure's line starts ("local:queue:<address> : ..."): the lines are read as one text, so
# a line wrapped at another width (the stage on the line below) is still that failure's
_ENTRY = re.compile(r"(?:^|\s)(?=[^\s:<>]+:[^\s:<>]*:<[^<>\s]+@[^<>\s]+>)")

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _entries(body: str) -> list[str]:
    """The text's failure lines, each unwrapped (up to the next one or a blank line)."""
    entries: list[str] = []
    for paragraph in _BLANK_LINE.split(body):
        text = " ".join(paragraph.split())
        entries.extend(e.strip() for e in _ENTRY.split(text)[1:] if e.strip())
    return entries


def decode(message: Message) -> Report | None:
    body = message.body
    if not _TEXT.search(body) and "x-sendgrid-queueid" not in body.lower():
        return None
    per_message, deliveries = dsn(message)
    if not deliveries:
        return None
    for delivery in deliveries:
        if not delivery.diagnostictype and delivery.diagnostic[:3].isdigit():
            delivery.diagnostictype = "SMTP"
        lines = [line for line in _entries(body) if delivery.recipient.lower() in line.lower()]
        for line in lines:
            stage = _STAGE.search(line)
            if stage and not delivery.command:
                delivery.command = _STAGES[stage.group(1).lower()]
            host = _RHOST.search(line)
            if host and not delivery.rhost:
                delivery.rhost = host.group(1).lower()
        if not delivery.command:
            delivery.command = command_from_text(body, delivery.recipient)
    return Report(NAME, deliveries, message.original, per_message)
