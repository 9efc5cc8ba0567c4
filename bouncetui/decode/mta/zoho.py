"""Zoho Mail's bounces (X-Mailer: Zoho Mail, mailer-daemon@mail.zoho.com).

    This message was created automatically by mail delivery software.
    A message that you sent could not be delivered to one or more of its recipients. ...

    user@example.org Invalid Address, ERROR_CODE :550, ERROR_CODE :5.1.1 <user@example.org>... User unknown

One line per recipient: the address, Zoho's category, the reply code, then the remote server's
words; or the address and Zoho's own words when there was no reply ("user@example.org Host not
reachable": it gave up trying, expired). The original's headers follow after blank lines.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address
from bouncetui.decode.message import Message
from bouncetui.decode.mta.provider_common import collapse, inline_original, sender_matches
from bouncetui.decode.report import Delivery, Report

NAME = "Zoho"
SIGNS = ("error_code", "host not reachable")  # the literal words of _LINE and _OWN, one of which decode requires

_SENDER = re.compile(r"mailer-daemon@(?:[\w-]+\.)*zoho(?:mail)?\.[a-z.]+", re.IGNORECASE)
# A recipient's words run on over the lines below (a notice wrapped at another width) up to a blank
# line or the next recipient's line; its category may be wrapped onto the line below the address.
_RUN_ON = r"[^\n]*(?:\n(?![ \t]*$|\s*[^\s<>]+@[^\s<>]+\s)[^\n]*)*"
_LINE = re.compile(
    r"^\s*(?P<address>[^\s<>]+@[^\s<>]+)\s+(?P<category>[^,\n]*(?:\n[^,\n]*)?),\s*ERROR_CODE\s*:\s*(?P<reply>\d{3})?\s*,"
    r"\s*ERROR_CODE\s*:\s*(?P<text>" + _RUN_ON + ")$",
    re.IGNORECASE | re.MULTILINE,
)
# Zoho's own words after an address, with no reply code, and what they mean.
_OWN = re.compile(r"^\s*(?P<address>[^\s<>,]+@[^\s<>,]+)\s+(?P<text>Host\s+not\s+reachable\b" + _RUN_ON + ")$",
                  re.IGNORECASE | re.MULTILINE)
OWN_REASONS = {"host not reachable": "expired"}


_DAEMON = re.compile(r"mailer-daemon|postmaster", re.IGNORECASE)


def decode(message: Message) -> Report | None:
    if not (_SENDER.search(message.sender) or message.header("X-Mailer").lower().startswith("zoho mail")):
        return None
    if not sender_matches(message, _DAEMON):
        return None
    body = message.body
    lines = list(_LINE.finditer(body))
    own = list(_OWN.finditer(body))
    if not lines and not own:
        return None
    last = max(m.end() for m in lines + own)
    original = message.original or inline_original(body[last:])
    report = Report(NAME, original=original)
    for m in sorted(lines + own, key=lambda m: m.start()):
        if m.re is _OWN:
            text = collapse(m.group("text"))
            report.deliveries.append(Delivery(recipient=clean_address(m.group("address")), action="failed",
                                              diagnostic=text, reason=OWN_REASONS.get(text.lower().rstrip("."), "")))
            continue
        line = m
        text = collapse(line.group("text")).lstrip(", ").strip()
        report.deliveries.append(
            Delivery(
                recipient=clean_address(line.group("address")),
                action="failed",
                replycode=line.group("reply") or "",
                diagnostic=text or collapse(line.group("category")),
                diagnostictype="SMTP" if line.group("reply") else "",
            )
        )
    return report
