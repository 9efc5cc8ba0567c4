"""amavisd-new content filter reports: From "Content-filter at HOST", RFC 3464 with a text part
"The message WAS NOT relayed to: <addr>: [IP] said: REPLY" or a UBE/virus notice.

When amavisd-new itself blocked the message, its reply names the contents category that blocked
it ("554 5.7.0 Reject, id=12345-01 - INFECTED: Eicar-Test-Signature", "- BANNED: ...", "- spam",
"- BAD HEADER: ...", "- Message size exceeds recipient's size limit", "- Rejected by next-hop MTA
on relaying"): that category is the reason (amavisd's %smtp_reason_by_ccat).
"""

from __future__ import annotations

import re

from bouncetui.decode.message import Message
from bouncetui.decode.mta.appliances import decode_with, lines_matching
from bouncetui.decode.mta.common import is_notification
from bouncetui.decode.report import Report

NAME = "Amavis"

# amavisd's contents categories, as its blocked replies name them, and what they mean
CATEGORIES: tuple[tuple[str, str], ...] = (
    ("INFECTED", "virusdetected"),
    ("BANNED", "policyviolation"),  # a banned file name or type, by the site's policy
    ("spam", "spamdetected"),
    ("spammy", "spamdetected"),
    ("BAD HEADER", "contenterror"),
    ("Message size exceeds recipient's size limit", "emailtoolarge"),
    ("Temporary MTA failure on relaying", "systemerror"),
    ("Rejected by next-hop MTA on relaying", "systemerror"),
    ("Unable to relay message back to MTA", "systemerror"),
)
_BLOCKED = re.compile(
    r"\bid=\S+ - (%s)\b" % "|".join(re.escape(name) for name, _ in CATEGORIES), re.IGNORECASE
)
_REASON = {name.lower(): reason for name, reason in CATEGORIES}

_LINE = re.compile(r"^\s+<(?P<rcpt>[^>]+)>: \[(?P<host>[^\]]+)\] said:\s*\n(?P<text>(?:\s{3,}\S.*\n?)+)", re.M)


def decode(message: Message) -> Report | None:
    if not message.sender.lower().startswith(('"content-filter at', "content-filter at")):
        if "amavisd-new" not in message.text_of("text/plain"):
            return None  # looked for first: most messages are not amavisd-new's
    if not is_notification(message):
        return None  # a person quoting a bounce is not one
    report = decode_with(message, NAME, lines_matching(_LINE))
    for delivery in report.deliveries if report else ():
        blocked = _BLOCKED.search(delivery.diagnostic)
        if blocked:
            delivery.reason = _REASON[blocked.group(1).lower()]
    return report
