"""Google Groups' refusals of a post: "the group you tried to contact may not exist, or you may not
have permission to post messages to the group".

Sent by Gmail's mailer-daemon in the poster's language, with the group in X-Failed-Recipients, the
help-centre link (groups.google.com) and the signature "Google Groups", and the post quoted after
"----- Original message -----". The notice only ever means the post was refused, so the reason is
stated as `rejected`.
"""

from __future__ import annotations

import re

from bouncetui.decode.message import Message
from bouncetui.decode.mta.provider_common import collapse, cut, failed_recipients, original_of, sender_matches
from bouncetui.decode.report import Delivery, Report

NAME = "GoogleGroups"

_SENDER = re.compile(r"mailer-daemon@(?:googlemail|gmail|google)\.com", re.IGNORECASE)
_SENDER_WORDS = ("@googlemail.com", "@gmail.com", "@google.com")  # one is in every match of _SENDER (see sender_matches)
# find_report offers a message only when its senders hold one of them (decode needs one first)
SENDERS = _SENDER_WORDS
_GROUPS = re.compile(r"https?://groups\.google\.com/", re.IGNORECASE)
_SIGNATURE = re.compile(r"^\s*Google Groups", re.MULTILINE)
_ORIGINAL = (re.compile(r"^\s*-+ ?Original message ?-+\s*$", re.IGNORECASE | re.MULTILINE),)
_BULLET = re.compile(r"^\s*\*.*$", re.MULTILINE)


def decode(message: Message) -> Report | None:
    if not sender_matches(message, _SENDER, _SENDER_WORDS) or message.content_type == "multipart/report":
        return None
    body = message.body
    head, _ = cut(body, _ORIGINAL)
    if not (_GROUPS.search(head) and _SIGNATURE.search(head)):
        return None
    original = original_of(message, body, _ORIGINAL)
    recipients = failed_recipients(message, original, head)
    if not recipients:
        return None
    # The first paragraphs say what happened; the bullet list and the help text that follow do not.
    explanation = collapse(_BULLET.split(head, 1)[0])
    report = Report(NAME, original=original)
    for recipient in recipients:
        report.deliveries.append(Delivery(recipient=recipient, action="failed", diagnostic=explanation, reason="rejected"))
    return report
