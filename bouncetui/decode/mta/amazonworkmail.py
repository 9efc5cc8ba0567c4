"""Amazon WorkMail's delivery failure notices (X-Mailer: Amazon WorkMail).

    An error occurred while trying to deliver the mail to the following recipients:
    user@example.org

    Technical report:

    Reporting-MTA: dsn; a1-2.smtp-out.us-west-2.amazonses.com
    Action: failed
    Final-Recipient: rfc822; user@example.org
    Diagnostic-Code: smtp; 550 5.1.1 <user@example.org>... User unknown
    Status: 5.1.1

The RFC 3464 fields sit in the text part (or in a delivery-status part), the original follows as
message/rfc822. WorkMail sends through SES, so a remote reply quoted inside SES's own diagnostic
("... <421 4.4.2 Connection timed out>") gives the codes, as for SES. A notice a person forwarded
inline, without X-Mailer, is recognised by its "Technical report:" line (SES's own notices share
the sentence above it, not that line).
"""

from __future__ import annotations

import re

from bouncetui.decode.forwarded import FIELD_NAME, is_inline_forward
from bouncetui.decode.message import Message
from bouncetui.decode.mta.amazonses import remote_codes
from bouncetui.decode.mta.provider_common import dsn
from bouncetui.decode.report import Report
from bouncetui.decode.rfc3464 import deliveries_from_fields, parse_fields

NAME = "AmazonWorkMail"
# the headers decode requires one of, or the mark of a notice rebuilt from an inline forward
HEADERS = ("x-mailer", "x-original-mailer", FIELD_NAME)

_MAILER = re.compile(r"^Amazon WorkMail\b", re.IGNORECASE)
_TECHNICAL = re.compile(r"^\s*Technical report:\s*$", re.IGNORECASE | re.MULTILINE)


def decode(message: Message) -> Report | None:
    if not _MAILER.search(message.header("X-Mailer")) and not _MAILER.search(message.header("X-Original-Mailer")) \
            and not (is_inline_forward(message) and _TECHNICAL.search(message.body)):
        return None
    per_message, deliveries = dsn(message)
    if not deliveries:
        body = message.body
        at = _TECHNICAL.search(body)
        if not at:
            return None
        per_message, recipients = parse_fields(body[at.end() :])
        deliveries = deliveries_from_fields(per_message, recipients)
    if not deliveries:
        return None
    for delivery in deliveries:
        reply, status = remote_codes(delivery.diagnostic)
        if reply:
            delivery.replycode = reply
            if status and status[0] == reply[0]:
                delivery.status = status
    return Report(NAME, deliveries, message.original, per_message)
