"""Verizon Wireless notices for mail to its phones: vzwpix.com (MMS) and vtext.com (SMS) gateways.

MMS (from *@*.vzwpix.com):             SMS (from post_master@vtext.com):
    Message could not be delivered        Error: Invalid user address
    to mobile.                            Error message below:
    Error: No valid recipients for        550 - Requested action not taken: no such user here
    this MM                               Message details:
    Original Message:                       Subject: ...
    From: sender@example.com                MAIL FROM: sender@example.com
    To: 5551234567@vzwpix.com               RCPT TO: 5551234567@vtext.com

The "Error:" line is Verizon's own statement; both wordings above mean the number has no such
mailbox, and are stated as `userunknown`.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address
from bouncetui.decode.message import Message, parse_headers
from bouncetui.decode.mta.provider_common import collapse, inline_original, sender_matches
from bouncetui.decode.report import Delivery, Report

NAME = "Verizon"

_SENDER = re.compile(r"@(?:[\w-]+\.)*(?:vzwpix\.com|vtext\.com|vzw\.com)\b", re.IGNORECASE)
_SENDER_WORDS = ("vzwpix.com", "vtext.com", "vzw.com")  # one is in every match of _SENDER (see sender_matches)
# find_report offers a message only when its senders hold one of them (decode needs one first)
SENDERS = _SENDER_WORDS
# (its words run on over the lines below when wrapped at another width, up to a blank line)
_ERROR = re.compile(r"^\s*Error:\s*(?P<text>.+(?:\n(?![ \t]*$)[^\n]+)*)$", re.IGNORECASE | re.MULTILINE)
_BELOW = re.compile(r"^\s*Error message below:\s*\n(?P<text>(?:[^\n]+\n?)+)", re.IGNORECASE | re.MULTILINE)
_ORIGINAL = re.compile(r"^\s*Original Message:\s*$", re.IGNORECASE | re.MULTILINE)
_DETAILS = re.compile(r"^\s*Message details:\s*$", re.IGNORECASE | re.MULTILINE)
_RCPT = re.compile(r"^\s*RCPT TO:\s*<?(?P<address>[^\s<>]+@[^\s<>]+)>?", re.IGNORECASE | re.MULTILINE)
_MAIL = re.compile(r"^\s*MAIL FROM:\s*<?(?P<address>[^\s<>]+@[^\s<>]+)>?", re.IGNORECASE | re.MULTILINE)
STATED = (
    (re.compile(r"No valid recipients for this MM", re.IGNORECASE), "userunknown"),
    (re.compile(r"Invalid user address", re.IGNORECASE), "userunknown"),
)


_SUBJECT_LINE = re.compile(r"^\s*Subject:")


def decode(message: Message) -> Report | None:
    if not sender_matches(message, _SENDER, _SENDER_WORDS):
        return None
    body = message.body
    error = _ERROR.search(body)
    if not error:
        # A part whose MIME headers are malformed is left undecoded: read the raw text instead.
        body = message.raw.decode("utf-8", "replace")
        error = _ERROR.search(body)
    if not error:
        return None
    statement = collapse(error.group("text"))
    reason = next((r for pattern, r in STATED if pattern.search(statement)), "")
    below = _BELOW.search(body)
    diagnostic = collapse(below.group("text")) if below else statement
    report = Report(NAME)
    recipients: list[str] = []
    original_at = _ORIGINAL.search(body)
    details_at = _DETAILS.search(body)
    if original_at:
        report.original = message.original or inline_original(body[original_at.end() :])
        if report.original is not None:
            recipients = [clean_address(p) for p in str(report.original.get("To", "")).split(",")]
    if details_at:
        details = body[details_at.end() :]
        recipients = recipients or [clean_address(m.group("address")) for m in _RCPT.finditer(details)]
        # The envelope sender (MAIL FROM) is whom the notice is about; the header From may differ.
        lines = [line.strip() for line in details.split("\n") if _SUBJECT_LINE.match(line)]
        original = parse_headers("\n".join(lines))
        sender = _MAIL.search(details)
        if sender:
            original["Return-Path"] = "<%s>" % sender.group("address")
        report.original = report.original or (original if original.keys() else None)
    recipients = [r for r in recipients if r]
    if not recipients:
        return None
    for recipient in recipients:
        report.deliveries.append(Delivery(recipient=recipient, action="failed", diagnostic=diagnostic, reason=reason))
    return report
