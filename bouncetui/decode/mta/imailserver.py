"""Ipswitch IMail Server bounces (X-Mailer: <SMTP32 vX>): "ERROR: address" lines, then
"Original message follows.".

    Unknown user: user@example.com
    Original message follows.

IMail's own error phrases say the reason outright; a remote refusal comes as "Remote host said: ...".
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address, find_replycode
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import collapse, command_of, original_or_inline
from bouncetui.decode.report import Delivery, Report

NAME = "IMailServer"

_END = re.compile(r"^Original message follows\.?\s*$", re.MULTILINE | re.IGNORECASE)
_LINE = re.compile(r"^(?P<error>[^:\n]{3,80}?):\s*<?(?P<rcpt>[^\s<>@]+@[^\s<>]+?)>?\s*$")
_OWN_REASONS = (
    (re.compile(r"^(?:Unknown user|Invalid final delivery userid)", re.I), "userunknown"),
    (re.compile(r"^User mailbox exceeds allowed size", re.I), "mailboxfull"),
    (re.compile(r"^Host not found", re.I), "hostunknown"),
)


def decode(message: Message) -> Report | None:
    if not message.header("X-Mailer").startswith("<SMTP32 v"):
        return None
    body = message.body
    end = _END.search(body)
    if not end:
        return None
    deliveries = []
    lines = body[: end.start()].strip().split("\n")
    for i, line in enumerate(lines):
        m = _LINE.match(line.strip())
        if not m or not clean_address(m.group("rcpt")):
            continue
        error = m.group("error").strip()
        more = collapse(" ".join(lines[i + 1 :]))  # "Remote host said: 550 ..." may follow
        diagnostic = collapse("%s: %s %s" % (error, m.group("rcpt"), more)) if more else collapse(line)
        said = re.search(r"Remote host said:\s*(.*)", diagnostic, re.IGNORECASE)
        deliveries.append(
            Delivery(
                recipient=clean_address(m.group("rcpt")),
                diagnostic=said.group(1) if said else diagnostic,
                replycode=find_replycode(said.group(1)[:4]) if said else "",
                command=command_of(diagnostic),
                reason="" if said else next((r for p, r in _OWN_REASONS if p.search(error)), ""),
            )
        )
    if not deliveries:
        return None
    return Report(NAME, deliveries, original_or_inline(message, body, (_END,)))
