"""Mimecast bounces: "[Postmaster] Email Delivery Failure", with X-Mimecast-* / X-MC-System headers.

    An email that you attempted to send to the following address could not be delivered:
    -- user@example.org

    The problem appears to be :
    -- Recipient email address is possibly incorrect

    Additional information follows :
    -- 5.4.1 Recipient address rejected: Access denied.

The `-- ` lines carry the recipient, Mimecast's summary and the remote's words. A notice a person
forwarded inline, without those headers, is recognised by the recipient's section with one of the
other two.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address, find_replycode
from bouncetui.decode.forwarded import FIELD_NAME, is_inline_forward
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import collapse, dsn_deliveries, wrapped
from bouncetui.decode.report import Delivery, Report

NAME = "Mimecast"
# the headers decode requires one of, or the mark of a notice rebuilt from an inline forward
HEADERS = ("x-mimecast-originator", "x-mc-system", FIELD_NAME)

# The sections, also wrapped at another width (see common.wrapped): a "-- " line's words run on over
# the lines below it up to a blank line or the next "-- " line
_RECIPIENT = wrapped(r"(?:could not be delivered:|email address :)\s*\n\s*-- (\S+)", re.IGNORECASE)
_WORDS = r"(.+(?:\n(?![ \t]*$|[ \t]*--)[^\n]+)*)"
_INFO = wrapped(r"Additional information follows :\s*\n\s*-- " + _WORDS, re.IGNORECASE)
_PROBLEM = wrapped(r"The problem appears to be :\s*\n\s*-- " + _WORDS, re.IGNORECASE)


_STATUS_SMTP = re.compile(r"^(\d\.\d{1,3}\.\d{1,3}) SMTP; ")


def decode(message: Message) -> Report | None:
    headed = message.msg.get("X-Mimecast-Originator") is not None or message.msg.get("X-MC-System") is not None
    if not headed and not is_inline_forward(message):
        return None
    body = message.text_of("text/plain") or message.body
    found = _RECIPIENT.search(body)
    if not found or not clean_address(found.group(1)):
        return None
    info, problem = _INFO.search(body), _PROBLEM.search(body)
    if not headed and not (info or problem):
        return None  # forwarded without its headers: Mimecast's "-- " sections must say it is Mimecast's
    diagnostic = collapse(info.group(1)) if info else collapse(problem.group(1)) if problem else ""
    diagnostic = _STATUS_SMTP.sub(r"\1 ", diagnostic)
    delivery = Delivery(recipient=clean_address(found.group(1)), diagnostic=diagnostic,
                        replycode=find_replycode(diagnostic[:4]))
    fields, reported = dsn_deliveries(message.text_of("message/delivery-status"))
    if reported and reported[0].diagnostic:  # the field keeps the reply code the text leaves out
        delivery.diagnostic, delivery.replycode = reported[0].diagnostic, ""
        delivery.status, delivery.rhost = reported[0].status, reported[0].rhost
    elif reported:  # no Diagnostic-Code (retries timed out): the text's words stay, the part's fields count
        delivery.status, delivery.rhost, delivery.action = reported[0].status, reported[0].rhost, reported[0].action
    return Report(NAME, [delivery], message.original, fields)
