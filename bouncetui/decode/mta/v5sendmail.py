"""Sendmail 5 (and other pre-DSN Sendmail) bounces: a bare session transcript.

    ----- Transcript of session follows -----
    While talking to mx.example.org:
    >>> RCPT To:<user@example.org>
    <<< 550 No such user here
    550 <user@example.org>... User unknown
    554 other@example.com... 550 Host unknown (Authoritative answer from name server)
    421 example.net (smtp)... Deferred: Connection timed out during user open with example.net

    ----- Unsent message follows -----

A `<addr>... text` line (a bare `addr... text` in old versions) names a failed recipient; when its text carries no reply of its own, the
last `<<<` reply of the same "While talking to" session is the remote's answer, and the `>>>`
before it the command. A `host (smtp)... Deferred:` line with no address stands for the returned
message's recipients at that host.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address, domain_of, find_replycode
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import collapse, is_notification, original_or_inline
from bouncetui.decode.report import Delivery, Report

NAME = "V5sendmail"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = ("transcript of session follows",)

_TRANSCRIPT = re.compile(r"^\s*-{3,}\s*Transcript of session follows\s*-{3,}\s*$", re.MULTILINE | re.IGNORECASE)
# the end of the transcript: the returned message, or the note that none was collected (refused
# before DATA)
_END = re.compile(
    r"^\s*-{3,}\s*(?:Unsent message follows|Original message follows|No message was collected)\s*-{3,}\s*$",
    re.M | re.I,
)
_TALKING = re.compile(r"^(?:\.\.\.\s*)?While talking to\s+([^\s:]+?)\.?:\s*$", re.IGNORECASE)
# "550 <a@b>... User unknown"; Sendmail 5 and 8.6 wrote the address as given, often bare: "550 a@b... "
_ADDR = re.compile(r"^[245]\d\d\s+<?([^<>\s]+@[^<>\s]+?)>?\.\.\.\s*(.*)$")
_HOST = re.compile(r"^([245]\d\d)\s+([A-Za-z0-9.-]+)\s+\((?:smtp|esmtp)\)\.\.\.\s*(.*)$", re.IGNORECASE)


def decode(message: Message) -> Report | None:
    if not is_notification(message):
        return None  # a person quoting a bounce is not one
    if message.find("message/delivery-status"):
        return None
    body = message.body
    start = _TRANSCRIPT.search(body)
    if not start or "permanent fatal errors" in body[: start.start()].lower():
        return None
    end = _END.search(body, start.end())
    if not end:
        return None
    deliveries: list[Delivery] = []
    hosts: list[tuple[str, str]] = []
    rhost = command = reply = ""
    for line in body[start.end() : end.start()].split("\n"):
        line = line.strip()
        talking = _TALKING.match(line)
        if talking:
            rhost, command, reply = talking.group(1).lower(), "", ""
        elif line.startswith(">>>"):
            verb = line[3:].split()
            command, reply = (verb[0].upper() if verb else ""), ""
        elif line.startswith("<<<"):
            reply = collapse(line[3:])
        elif _ADDR.match(line):
            m = _ADDR.match(line)
            text = collapse(m.group(2))
            own = bool(find_replycode(text[:4]))
            diagnostic = text if own or reply[:1] not in ("4", "5") else reply
            deliveries.append(
                Delivery(
                    recipient=clean_address(m.group(1)),
                    diagnostic=diagnostic,
                    replycode=find_replycode(diagnostic[:4]),
                    command="" if own else command,
                    rhost="" if own else rhost,
                )
            )
        elif _HOST.match(line):
            m = _HOST.match(line)
            hosts.append((m.group(2).lower(), collapse(line)))
    original = original_or_inline(message, body, (_END,))
    if not deliveries and hosts and original is not None:
        # No address given: the returned message's recipients at the host that failed.
        for address in (clean_address(a) for a in str(original.get("To", "")).split(",")):
            for host, text in hosts:
                if address and domain_of(address) == host:
                    deliveries.append(Delivery(recipient=address, diagnostic=text))
    deliveries = [d for d in deliveries if d.recipient]
    if not deliveries:
        return None
    return Report(NAME, deliveries, original)
