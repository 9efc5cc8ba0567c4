"""Courier mail server bounces: "This is a delivery status notification from HOST, running the
Courier mail server".

The text part lists each recipient as `<addr>:`, then the remote host line `mx.example.org [IP]:`
and a short transcript (`>>> RCPT TO:<addr>` / `<<< 550 ...`) that tells the SMTP command. The
RFC 3464 part, when present, is the base; the text adds the command and fills the rest.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address, find_replycode
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import (
    collapse,
    dsn_deliveries,
    failed_step,
    find_in_notification,
    original_or_inline,
    transcript,
    wrapped,
)
from bouncetui.decode.report import Delivery, Report

NAME = "Courier"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = ("running the courier mail server",)

_BANNER = wrapped(
    r"^This is a delivery status notification from (\S+?),?\s+running the Courier mail server",
    re.MULTILINE | re.IGNORECASE,
)
_RECIPIENT = re.compile(r"^<([^>\s]+@[^>\s]+)>:\s*$", re.MULTILINE)
_HOST = re.compile(r"^\s+([A-Za-z0-9.-]+)\s+\[[^\]]+\]:\s*$", re.MULTILINE)
_MARKERS = (wrapped(r"^The original message follows", re.MULTILINE | re.IGNORECASE),)
# Courier's own words when it could not look the destination up (module.esmtp/esmtpclient.c).
OWN_REASONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^No such domain\.", re.IGNORECASE), "hostunknown"),
    (re.compile(r"^This domain's DNS violates RFC 1035\.", re.IGNORECASE), "systemerror"),
    (re.compile(r"^DNS lookup failed\.", re.IGNORECASE), "networkerror"),
)


def paragraphs(text: str) -> dict[str, Delivery]:
    found = {}
    starts = list(_RECIPIENT.finditer(text))
    for i, m in enumerate(starts):
        chunk = text[m.end() : starts[i + 1].start() if i + 1 < len(starts) else len(text)]
        chunk = chunk.split("\n-----", 1)[0]
        command, reply = failed_step(chunk)
        host = _HOST.search(chunk)
        if not reply:  # Courier's own words (a local delivery's, a DNS failure's), "<<< " before them
            said = [text for _, text in transcript(chunk)]
            reply = collapse(" ".join(said or [line for line in chunk.split("\n") if not _HOST.match(line)]))
        found[m.group(1).lower()] = Delivery(
            recipient=clean_address(m.group(1)),
            command=command,
            rhost=host.group(1).lower() if host else "",
            diagnostic=reply,
            replycode=find_replycode(reply[:4]),
        )
    return found


def decode(message: Message) -> Report | None:
    found = find_in_notification(message, _BANNER)
    if found is None:
        return None  # not a mail system's notice (a person quoting a bounce is not one), or not this one
    body, banner = found
    said = paragraphs(body[banner.end() :])
    fields, deliveries = dsn_deliveries(message.text_of("message/delivery-status"))
    if deliveries:
        for delivery in deliveries:
            text = said.get(delivery.recipient.lower())
            if text is None:
                continue
            delivery.command = delivery.command or text.command
            delivery.rhost = delivery.rhost or text.rhost
            delivery.diagnostic = delivery.diagnostic or text.diagnostic
    else:
        deliveries = list(said.values())
    if not deliveries:
        return None
    for delivery in deliveries:
        delivery.lhost = delivery.lhost or banner.group(1).lower()
        if not delivery.command:  # a remote reply says more than Courier's own words
            delivery.reason = next((r for p, r in OWN_REASONS if p.search(delivery.diagnostic.strip())), "")
    return Report(NAME, deliveries, original_or_inline(message, body, _MARKERS), fields)
