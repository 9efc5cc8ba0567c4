"""Gmail's plain-text delivery notices (mailer-daemon@googlemail.com, before its RFC 3464 reports).

    Delivery to the following recipient failed permanently:      (or "... has been delayed:")
         user@example.org
    Technical details of permanent failure:                       (or "temporary failure")
    Google tried to deliver your message, but it was rejected by the server for the recipient
    domain example.org by mx.example.org. [192.0.2.1].
    The error that the other server returned was:
    550 5.1.1 <user@example.org>... User unknown (state 14).
    ----- Original message -----

The remote server's words follow "The error that the other server returned was:"; without them the
technical details are Google's own account (connection failures, quota). "(state N)" names the
SMTP stage Gmail had reached. When the notice comes with a delivery-status part (as it did for a
while), its fields are used and the text fills what they lack. Google Groups notices share the
sender and are decoded elsewhere.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address, find_command
from bouncetui.decode.message import Message
from bouncetui.decode.mta.provider_common import (
    bare_address,
    collapse,
    cut,
    dsn,
    failed_recipients,
    holds_any,
    original_of,
)
from bouncetui.decode.report import Delivery, Report

NAME = "Gmail"

_SENDER = re.compile(r"mailer-daemon@(?:googlemail|gmail|google)\.com", re.IGNORECASE)
_SENDER_WORDS = ("@googlemail.com", "@gmail.com", "@google.com")  # one is in every match of _SENDER (see sender_matches)
# find_report offers a message only when its senders hold one of them (decode needs one first)
SENDERS = _SENDER_WORDS
_START = re.compile(
    r"^\s*Delivery to the following recipients? (?P<what>failed permanently|has been delayed|"
    r"have been delayed|failed)",
    re.IGNORECASE | re.MULTILINE,
)
_DETAILS = re.compile(r"^\s*Technical details of (?:permanent|temporary) failure:\s*", re.IGNORECASE | re.MULTILINE)
_ORIGINAL = (
    re.compile(r"^\s*-+ ?Original message ?-+\s*$", re.IGNORECASE | re.MULTILINE),
    re.compile(r"^\s*-+ ?Message header follows ?-+\s*$", re.IGNORECASE | re.MULTILINE),
)
_REMOTE = re.compile(r"The error that the other server returned was:\s*", re.IGNORECASE)
_RHOST = (
    re.compile(r"rejected by the server for the recipient domain \S+ by (\S+?)\.? \[", re.IGNORECASE),
    re.compile(r"\[\(\d+\) ([A-Za-z0-9.-]+?)\.? \[[0-9A-Fa-f.:]+\]:\d+", re.IGNORECASE),
    re.compile(r"^\s*\[([A-Za-z0-9.-]+\.[A-Za-z]{2,}) [0-9A-Fa-f.:]+: ", re.MULTILINE),
)
_LEARN_MORE = re.compile(r"\s*Learn more at \S+", re.IGNORECASE)
_STATE = re.compile(r"\(state (\d+)\)")
# The SMTP stage behind Gmail's "(state N)" suffix, as observed in its notices.
_STATE_COMMAND = {"6": "MAIL", "13": "EHLO", "14": "RCPT", "15": "DATA", "17": "DATA", "18": "DATA"}


def _diagnostic(details: str) -> str:
    m = _REMOTE.search(details)
    text = details[m.end() :] if m else details
    text = _LEARN_MORE.sub("", text)
    return collapse(text)


def _rhost(details: str) -> str:
    for pattern in _RHOST:
        m = pattern.search(details) or pattern.search(collapse(details))
        if m:
            return m.group(1).lower().rstrip(".")
    return ""


def decode(message: Message) -> Report | None:
    if not holds_any(message.folded_senders, _SENDER_WORDS) or not _SENDER.search(message.sender):
        return None
    body = message.body
    start = _START.search(body)
    if not start:
        return None
    head, _ = cut(body, _ORIGINAL)
    text = head[start.end() :]
    details_at = _DETAILS.search(text)
    listing = text[: details_at.start()] if details_at else text
    details = text[details_at.end() :] if details_at else ""
    recipients = [a for a in (bare_address(line) for line in listing.split("\n")) if a]
    if not recipients:
        recipients = failed_recipients(message)
    if not recipients:
        return None
    action = "delayed" if "delayed" in start.group("what").lower() else "failed"
    diagnostic = _diagnostic(details)
    state = _STATE.search(diagnostic)
    command = find_command(diagnostic) or (_STATE_COMMAND.get(state.group(1), "") if state else "")
    rhost = _rhost(details)
    per_message, fielded = dsn(message)
    if fielded:
        # The same notice with an RFC 3464 part: its fields first, the text for what they lack.
        for delivery in fielded:
            delivery.diagnostic = delivery.diagnostic or diagnostic
            delivery.command = delivery.command or command
            delivery.rhost = delivery.rhost or rhost
            delivery.action = delivery.action or action
        return Report(NAME, fielded, original_of(message, body, _ORIGINAL), per_message)
    report = Report(NAME, original=original_of(message, body, _ORIGINAL))
    for recipient in recipients:
        report.deliveries.append(
            Delivery(
                recipient=clean_address(recipient),
                action=action,
                diagnostic=diagnostic,
                diagnostictype="SMTP" if _REMOTE.search(details) else "",
                command=command,
                rhost=rhost,
            )
        )
    return report
