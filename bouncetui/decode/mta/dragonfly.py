"""DragonFly Mail Agent (dma) bounces: "This is the DragonFly Mail Agent vX at HOST."

dma writes one recipient per bounce: "There was an error delivering your mail to <addr>.", then
its error, typically "HOST [IP] did not like our RCPT TO:" followed by the remote reply (the stage
is named: EHLO, HELO, STARTTLS, MAIL FROM, RCPT TO, DATA, final DATA), or "Could not deliver for
the last N seconds. Giving up." when the queue item expired. "Message headers follow." precedes
the original's headers, or "Original message follows." the whole original (dma's FULLBOUNCE).

dma's own errors (net.c) name their reason: "DNS lookup failure: host H not found" (a bounce only
when the lookup failed for good) and "SMTP login to H failed" (the smarthost refused dma's
credentials).
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address, find_replycode
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import (
    collapse,
    command_of,
    find_in_notification,
    original_or_inline,
)
from bouncetui.decode.report import Delivery, Report

NAME = "DragonFly"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = ("this is the dragonfly mail agent",)

_BANNER = re.compile(r"^This is the DragonFly Mail Agent\b[^\n]*? at ([A-Za-z0-9.-]+?)\.?\s*$", re.MULTILINE)
_RECIPIENT = re.compile(r"There was an error delivering your mail to <([^>]+)>\.?", re.IGNORECASE)
_END = re.compile(r"^(?:Message headers follow|Original message follows)\.?\s*$", re.MULTILINE | re.IGNORECASE)
_DID_NOT_LIKE = re.compile(r"^(\S+) \[[^\]]*\] did not like our ([A-Za-z ]+?):\s*", re.IGNORECASE)
# dma's own words (not a remote server's) and the reason each names
_OWN_REASONS = (
    (re.compile(r"Could not deliver for the last \d+ seconds\. Giving up", re.IGNORECASE), "expired"),
    (re.compile(r"^DNS lookup failure: host \S+ not found", re.IGNORECASE), "hostunknown"),
    (re.compile(r"^SMTP login to \S+ failed", re.IGNORECASE), "securityerror"),
)
_STAGES = {
    "final data": "DATA",
    "data": "DATA",
    "rcpt to": "RCPT",
    "mail from": "MAIL",
    "ehlo": "EHLO",
    "helo": "HELO",
    "starttls": "STARTTLS",
}


def decode(message: Message) -> Report | None:
    found = find_in_notification(message, _BANNER)
    if found is None:
        return None  # not a mail system's notice (a person quoting a bounce is not one), or not this one
    body, banner = found
    end = _END.search(body, banner.end())
    text = body[banner.end() : end.start() if end else len(body)]
    deliveries = []
    matches = list(_RECIPIENT.finditer(text))
    for i, m in enumerate(matches):
        recipient = clean_address(m.group(1))
        if not recipient:
            continue
        error = text[m.end() : matches[i + 1].start() if i + 1 < len(matches) else len(text)].strip()
        delivery = Delivery(recipient=recipient, lhost=banner.group(1).lower())
        said = _DID_NOT_LIKE.match(error)
        if said:
            delivery.rhost = said.group(1).lower()
            delivery.command = _STAGES.get(" ".join(said.group(2).lower().split()), "")
            error = error[said.end() :]
        delivery.diagnostic = collapse(error)
        delivery.command = delivery.command or command_of(delivery.diagnostic)
        delivery.replycode = find_replycode(delivery.diagnostic[:4]) if said else ""
        if not said:
            delivery.reason = next((r for p, r in _OWN_REASONS if p.search(error)), "")
        deliveries.append(delivery)
    if not deliveries:
        return None
    return Report(NAME, deliveries, original_or_inline(message, body, (_END,)))
