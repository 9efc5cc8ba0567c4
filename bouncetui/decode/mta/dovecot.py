"""Dovecot LDA / LMTP, Pigeonhole Sieve and Cyrus Sieve rejections: RFC 8098 disposition notifications.

When Dovecot's delivery agent refuses a message after accepting it (the recipient's quota with
quota_full_tempfail=no, or a Sieve script's `reject` action) it does not send an RFC 3464 report
but a `multipart/report; report-type=disposition-notification` built from its `rejection_reason`
setting, by default

    Your message to <user@example.org> was automatically rejected:
    Quota exceeded (mailbox for user is full)

with a `message/disposition-notification` part (Reporting-UA: HOST; Dovecot Mail Delivery Agent,
Final-Recipient, Original-Message-ID, Disposition: automatic-action/MDN-sent-automatically;
deleted) and the original. The words after "rejected:" are the diagnostic. Dovecot's own quota
wording (its documented `quota_exceeded_message` default and variants) is the status a
delivery-time refusal would have had, 5.2.2; any other reason is the recipient's own Sieve rule,
a receive filter. A read receipt (Disposition: displayed, or anything not deleted) is not a
rejection and is left alone.

Cyrus's Sieve `reject` sends the same kind of notification with its own words: "Your message was
automatically rejected by Sieve, a mail filtering language." then "The following reason was
given:" and the reason.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import wrapped
from bouncetui.decode.mta.provider_common import collapse
from bouncetui.decode.report import Delivery, Report

NAME = "Dovecot"
CYRUS = "Cyrus"  # the decodedby value of Cyrus's notifications

_REJECTED = wrapped(
    r"^\s*Your message to <?(?P<rcpt>[^\s<>]+@[^\s<>]+?)>? was automatically rejected:?[ \t]*\n"
    r"(?P<why>[^\n]+(?:\n[^\n]+)*)",
    re.IGNORECASE | re.MULTILINE,
)
_CYRUS = wrapped(
    r"^\s*Your message was automatically rejected by Sieve\b.*?^\s*The following reason was given:\s*$\n"
    r"(?P<why>[^\n]+(?:\n[^\n]+)*)",
    re.IGNORECASE | re.MULTILINE | re.DOTALL,
)
_DISPOSITION = re.compile(r"^Disposition:\s*(?P<value>.+)$", re.IGNORECASE | re.MULTILINE)
_FINAL = re.compile(r"^Final-Recipient:\s*(?P<value>.+)$", re.IGNORECASE | re.MULTILINE)
_REPORTING_UA = re.compile(r"^Reporting-UA:\s*(?P<host>[^;\s]+)", re.IGNORECASE | re.MULTILINE)
# Dovecot's quota wordings: "Quota exceeded (mailbox for user is full)", "Not enough disk quota".
_QUOTA = re.compile(r"quota exceeded|mailbox for user is full|not enough disk quota|over quota", re.IGNORECASE)


def decode(message: Message) -> Report | None:
    mdn = message.text_of("message/disposition-notification")  # the part, whatever report-type says
    if not mdn:
        return None
    disposition = _DISPOSITION.search(mdn)
    if disposition is None or "deleted" not in disposition.group("value").lower():
        return None  # a read receipt or other disposition: nothing was refused
    text = message.text_of("text/plain") or message.body
    rejected = _REJECTED.search(text) or _CYRUS.search(text)
    if rejected is None:
        return None
    final = _FINAL.search(mdn)
    recipient = clean_address(final.group("value")) if final else ""
    if not recipient and "rcpt" in rejected.groupdict():
        recipient = clean_address(rejected.group("rcpt"))
    if not recipient:
        return None
    diagnostic = collapse(rejected.group("why"))
    ua = _REPORTING_UA.search(mdn)
    delivery = Delivery(
        recipient=recipient,
        action="failed",
        diagnostic=diagnostic,
        lhost=ua.group("host").lower() if ua else "",
    )
    if _QUOTA.search(diagnostic):
        delivery.status = "5.2.2"
    else:
        delivery.reason = "filtered"  # the recipient's own Sieve script refused it
    return Report(NAME if "rcpt" in rejected.groupdict() else CYRUS, [delivery], message.original)
