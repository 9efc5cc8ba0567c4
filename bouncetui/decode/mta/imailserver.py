"""Ipswitch IMail Server bounces (X-Mailer: <SMTP32 vX>): "ERROR: address" lines, then
"Original message follows.".

    Unknown user: user@example.com
    Original message follows.

    undeliverable to user@example.net

    Additional RCPT TO generated following response:
    550 5.1.1 <user@example.net>... User unknown

IMail's own error phrases ("Unknown user", "Unknown host", "User mailbox exceeds allowed size",
"Delivery failed N attempts", ...) say the reason outright. A remote refusal comes in the lines
after the address, as "Remote host said: ..." or after the phrase naming the SMTP stage it
answered ("Server response to MAIL FROM:", "DATA command generated response:", ...). A notice a
person forwarded inline, without X-Mailer, is IMail's when an entry is in those words.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address, find_replycode
from bouncetui.decode.forwarded import FIELD_NAME, is_inline_forward
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import collapse, command_of, original_or_inline
from bouncetui.decode.report import Delivery, Report

NAME = "IMailServer"
# the header decode requires (X-Mailer), or the mark of a notice rebuilt from an inline forward
HEADERS = ("x-mailer", FIELD_NAME)

_END = re.compile(r"^Original message follows\.?\s*$", re.MULTILINE | re.IGNORECASE)
_LINE = re.compile(r"^(?P<error>[^\n]{3,80}?):\s*<?(?P<rcpt>[^\s<>@:]+@[^\s<>]+?)>?\s*$")
_UNDELIVERABLE = re.compile(r"^(?P<error>undeliverable) to\s+<?(?P<rcpt>[^\s<>@]+@[^\s<>]+?)>?\s*$", re.IGNORECASE)
_OWN_REASONS = (
    (re.compile(r"^(?:Unknown user|Invalid final delivery userid)", re.I), "userunknown"),
    (re.compile(r"^User mailbox exceeds allowed size", re.I), "mailboxfull"),
    (re.compile(r"^(?:Host not found|Unknown host)", re.I), "hostunknown"),
    (re.compile(r"^Delivery failed \d+ attempts", re.I), "expired"),
    (re.compile(r"^Requested action not taken: virus detected", re.I), "virusdetected"),
)
# IMail's words for the SMTP stage a remote reply answered; the reply follows them.
_STAGES = (
    (re.compile(r"SMTP connection failed,|Unexpected connection response from server:", re.I), "CONN"),
    (re.compile(r"Unexpected response to EHLO/HELO:", re.I), "EHLO"),
    (re.compile(r"Server response to MAIL FROM:", re.I), "MAIL"),
    (re.compile(r"Additional RCPT TO generated following response:", re.I), "RCPT"),
    (re.compile(r"(?:DATA command|Body of message) generated response:", re.I), "DATA"),
)


def decode(message: Message) -> Report | None:
    forwarded = not message.header("X-Mailer").startswith("<SMTP32 v")
    if forwarded and not is_inline_forward(message):
        return None
    body = message.body
    end = _END.search(body)
    if not end:
        return None
    entries: list[tuple[str, str, list[str]]] = []  # (error, recipient, the lines after it)
    for line in body[: end.start()].strip().split("\n"):
        m = _UNDELIVERABLE.match(line.strip()) or _LINE.match(line.strip())
        if m and clean_address(m.group("rcpt")):
            entries.append((m.group("error").strip(), clean_address(m.group("rcpt")), []))
        elif entries and line.strip():
            entries[-1][2].append(line.strip())
    deliveries = [_delivery(error, recipient, collapse(" ".join(more))) for error, recipient, more in entries]
    if not deliveries:
        return None
    if forwarded and not any(_imail_words(error, more) for error, _, more in entries):
        return None  # without X-Mailer, IMail's own words must say it is IMail's
    return Report(NAME, deliveries, original_or_inline(message, body, (_END,)))


def _imail_words(error: str, more: list[str]) -> bool:
    """Whether an entry is in IMail's own words: one of its error phrases, "undeliverable to", or
    the phrase naming the SMTP stage a remote reply answered."""
    if _UNDELIVERABLE.match("%s to x@y" % error) or any(p.match(error) for p, _ in _OWN_REASONS):
        return True
    text = " ".join(more)
    return any(p.search(text) for p, _ in _STAGES)


_REMOTE_SAID = re.compile(r"Remote host said:\s*(.*)", re.IGNORECASE)


def _delivery(error: str, recipient: str, more: str) -> Delivery:
    said = _REMOTE_SAID.search(more)
    stage = next(((m, command) for pattern, command in _STAGES if (m := pattern.search(more))), None)
    reply = said.group(1) if said else more[stage[0].end() :].strip() if stage else ""
    if reply:
        return Delivery(recipient=recipient, diagnostic=reply, replycode=find_replycode(reply[:4]),
                        command=stage[1] if stage else command_of(reply))
    diagnostic = collapse("%s: %s %s" % (error, recipient, more))
    return Delivery(recipient=recipient, diagnostic=diagnostic, command=command_of(diagnostic),
                    reason=next((r for p, r in _OWN_REASONS if p.search(error)), ""))
