"""MailMarshal SMTP bounces: subject 'Undeliverable Mail: "..."'.

    Could not be delivered because of

    550 5.1.1 User unknown

    The following recipients were affected:
        user@example.com

    Additional Information
    ======================
    Remote-MTA:         <192.0.2.222>
    Reporting-MTA:      <mx.example.jp>

    Original message follows.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address, find_replycode
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import collapse, command_of, original_or_inline
from bouncetui.decode.report import Delivery, Report

NAME = "MailMarshalSMTP"

_REASON = re.compile(r"^Could not be delivered because of\s*\n(.*?)^The following recipients were affected:",
                     re.MULTILINE | re.DOTALL | re.IGNORECASE)
_RECIPIENTS = re.compile(r"^The following recipients were affected:\s*\n(.*?)(?:\n\s*\n|\Z)", re.M | re.DOTALL | re.I)
_FIELD = re.compile(r"^\s*(Remote-MTA|Reporting-MTA):\s*<([^>]*)>", re.MULTILINE | re.IGNORECASE)
_END = re.compile(r"^Original message follows\.?\s*$", re.MULTILINE | re.IGNORECASE)


def decode(message: Message) -> Report | None:
    if not message.subject.startswith('Undeliverable Mail: "'):
        return None
    body = message.text_of("text/plain") or message.body
    reason, listed = _REASON.search(body), _RECIPIENTS.search(body)
    if not reason or not listed:
        return None
    diagnostic = collapse(reason.group(1))
    hosts = {name.lower(): value.strip() for name, value in _FIELD.findall(body)}
    deliveries = [
        Delivery(recipient=r, diagnostic=diagnostic, replycode=find_replycode(diagnostic[:4]),
                 command=command_of(diagnostic), rhost=hosts.get("remote-mta", "").lower(),
                 lhost=hosts.get("reporting-mta", "").lower())
        for r in (clean_address(line) for line in listed.group(1).split("\n"))
        if r
    ]
    if not deliveries:
        return None
    return Report(NAME, deliveries, original_or_inline(message, body, (_END,)))
