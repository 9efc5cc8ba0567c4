"""X5: a gateway that returns another MTA's whole bounce as the attached message.

The gateway's own text says "----- The following addresses had permanent delivery errors -----"
and lists nobody; the attached message/rfc822 is the real report (a DSN). It is decoded with the
generic decoders, and named X5.
"""

from __future__ import annotations

import re

from bouncetui.decode import rfc3464
from bouncetui.decode.message import TEXT_REPORT_TYPES, Message, attached_bytes
from bouncetui.decode.mta import sendmail
from bouncetui.decode.mta.common import is_notification, wrapped
from bouncetui.decode.report import Report

NAME = "X5"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = ("the following addresses had permanent delivery errors",)

# the banner, also when wrapped at another width (see common.wrapped)
_START = wrapped(r"^\s*-{3,}\s*The following addresses had permanent delivery errors\s*-{3,}", re.M | re.I)


_ADDRESS_LIKE = re.compile(r"\S+@\S+")


def decode(message: Message) -> Report | None:
    if not is_notification(message):
        return None  # a person quoting a bounce is not one
    body = message.text_of("text/plain") or message.body
    start = _START.search(body)
    inner = message.original
    if not start or inner is None or not inner.is_multipart():
        return None
    if _ADDRESS_LIKE.search(body[start.end() :].split("\n\n\n")[0]):
        return None  # the gateway listed the addresses itself: not this format
    raw = attached_bytes(message, message.original_part)
    attached = Message.parse(raw if raw is not None else inner.as_bytes())
    if inner.get_content_type() != "multipart/report" and attached.find(*TEXT_REPORT_TYPES) is None:
        return None  # a report relabelled multipart/mixed (by an archiver) still has its report part
    report = sendmail.decode(attached) or rfc3464.decode(attached)
    if report is None:
        return None
    report.decodedby = NAME
    return report
