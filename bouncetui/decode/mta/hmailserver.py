"""hMailServer bounces: "Your message did not reach some or all of the intended recipients."

    The following recipient(s) could not be reached:

    user@example.com
       Error Type: SMTP
       Remote server (192.0.2.1) issued an error.
       hMailServer sent: RCPT TO:<user@example.com>
       Remote server replied: 550 5.1.1 <user@example.com>: Recipient address rejected

The command hMailServer sent names the stage; the reply is the remote's words.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address, find_replycode
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import collapse, command_of, is_notification, wrapped
from bouncetui.decode.report import Delivery, Report

NAME = "hMailServer"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = ("hmailserver",)

# (also wrapped at another width: see common.wrapped)
_START = wrapped(r"^The following recipient\(s\) could not be reached:\s*\n", re.MULTILINE | re.IGNORECASE)
_FIELD = re.compile(r"^\s+(Error Type|Remote server \(([^)]*)\) issued an error|hMailServer sent|Remote server replied):?\s*(.*)$",
                    re.IGNORECASE)
_STAGES = {"RCPT": "RCPT", "MAIL": "MAIL", "DATA": "DATA", "EHLO": "EHLO", "HELO": "HELO", "STARTTLS": "STARTTLS"}


_LABEL = re.compile(r"^\s+(?:Error Type|Remote server|hMailServer sent)\b", re.IGNORECASE)


def unwrapped(text: str) -> list[str]:
    """The lines of the recipients' list, an indented line that starts no field of its own joined to
    the one before it (a client or a relay wrapping the text at another width)."""
    lines: list[str] = []
    for line in text.split("\n"):
        if lines and line[:1].isspace() and line.strip() and lines[-1][:1].isspace() and not _LABEL.match(line):
            lines[-1] += " " + line.strip()
        else:
            lines.append(line)
    return lines


def decode(message: Message) -> Report | None:
    body = message.text_of("text/plain") or message.body
    if "hmailserver" not in body.lower() or not is_notification(message):
        return None
    start = _START.search(body)
    if not start:
        return None
    deliveries: list[Delivery] = []
    for line in unwrapped(body[start.end() :]):
        field = _FIELD.match(line)
        if field and deliveries:
            name = field.group(1).lower()
            if name.startswith("remote server ("):
                deliveries[-1].rhost = field.group(2).lower()
            elif name == "hmailserver sent":
                verb = field.group(3).split(":")[0].split()
                deliveries[-1].command = _STAGES.get(verb[0].upper(), "") if verb else ""
            elif name == "remote server replied":
                deliveries[-1].diagnostic = collapse(field.group(3))
            elif name == "error type" and not deliveries[-1].diagnostic:
                deliveries[-1].spec = field.group(3).strip()
        elif line.strip() and not line[:1].isspace():
            address = clean_address(line) if " " not in line.strip() else ""
            if not address:
                break
            deliveries.append(Delivery(recipient=address))
        elif deliveries and line.strip() and not deliveries[-1].diagnostic:
            deliveries[-1].diagnostic = collapse(line)  # a local error in hMailServer's words
    for delivery in deliveries:
        delivery.replycode = find_replycode(delivery.diagnostic[:4])
        delivery.command = delivery.command or command_of(delivery.diagnostic)
    if not deliveries:
        return None
    return Report(NAME, deliveries, message.original)
