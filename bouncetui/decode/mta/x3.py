"""X3: an unnamed MTA's "This is an automatically generated Delivery Status Notification."

    Delivery to the following recipients failed permanently:
       * user@example.com
    ...
                                 Technical details:
    SMTP:RCPT host 192.0.2.8: 553 5.3.0 <user@example.com>... No such user here

"Delevery to the following recipients was aborted after N hour(s):" is the expiry notice.
The technical details are one paragraph per failure ("SMTP:RCPT host H: REPLY", "Routing: ...",
"Diagnostic-Code: smtp; REPLY"): a recipient gets the paragraph that names its address, or all of
them when none does.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address, find_replycode
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import collapse, is_notification, wrapped
from bouncetui.decode.report import Delivery, Report

NAME = "X3"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = ("this is an automatically generated delivery status notification.",)

_BANNER = wrapped(r"This is an automatically generated Delivery Status Notification\.", re.IGNORECASE)
_START = wrapped(r"^Del[ie]very to the following recipients? (failed permanently|was aborted after [^:]*):", re.M | re.I)
_ITEM = re.compile(r"^\s*\*\s*(\S+@\S+)\s*$")
_DETAILS = wrapped(r"Technical details:\s*\n(.*?)(?:\n={10,}|\Z)", re.DOTALL | re.IGNORECASE)
_SMTP = re.compile(r"^SMTP:(?P<cmd>[A-Z]+) host (?P<host>\S+?):\s*(?P<reply>.*)$", re.DOTALL)


_FIELD_LABEL = re.compile(r"^(?:Routing|Diagnostic-Code):\s*(?:smtp;\s*)?", re.IGNORECASE)


def decode(message: Message) -> Report | None:
    if not is_notification(message):
        return None  # a person quoting a bounce is not one
    body = message.text_of("text/plain") or message.body
    if not _BANNER.search(body):
        return None
    start = _START.search(body)
    if not start:
        return None
    recipients = []
    for line in body[start.end() :].split("\n")[1:]:
        m = _ITEM.match(line)
        if not m and (recipients or line.strip()):
            break
        if not m:
            continue
        recipients.append(clean_address(m.group(1)))
    details = _DETAILS.search(body)
    paragraphs = [collapse(p) for p in details.group(1).split("\n\n") if p.strip()] if details else []
    deliveries = []
    for r in recipients:
        if not r:
            continue
        own = [p for p in paragraphs if r.lower() in p.lower()]
        text = " ".join(own or paragraphs)
        text = _FIELD_LABEL.sub("", text)
        smtp = _SMTP.match(text)
        deliveries.append(Delivery(
            recipient=r,
            diagnostic=smtp.group("reply") if smtp else text,
            command={"MAIL": "MAIL", "RCPT": "RCPT", "DATA": "DATA"}.get(smtp.group("cmd"), "") if smtp else "",
            rhost=smtp.group("host").lower() if smtp else "",
            replycode=find_replycode(smtp.group("reply")[:4] if smtp else text[:4]),
            reason="expired" if start.group(1).lower().startswith("was aborted") else "",
        ))
    if not deliveries:
        return None
    return Report(NAME, deliveries, message.original)
