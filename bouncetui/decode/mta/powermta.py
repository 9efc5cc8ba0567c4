"""PowerMTA bounces: RFC 3464 with X-PowerMTA-VirtualMTA and X-PowerMTA-BounceCategory fields.

PowerMTA's bounce category is its own classification of the failure; the unambiguous ones are
passed on as the reason.
"""

from __future__ import annotations

import re

from bouncetui.decode.message import Message
from bouncetui.decode.mta.appliances import decode_with
from bouncetui.decode.report import Report

NAME = "PowerMTA"
# the field-name prefix its test below needs, in the delivery-status part (part of the body)
SIGNS = ("x-powermta-",)

_CATEGORY = re.compile(r"^X-PowerMTA-BounceCategory:\s*(\S+)", re.MULTILINE | re.IGNORECASE)
CATEGORIES = {
    "bad-domain": "hostunknown",
    "bad-mailbox": "userunknown",
    "inactive-mailbox": "suspend",
    "message-expired": "expired",
    "no-answer-from-host": "networkerror",
    "policy-related": "policyviolation",
    "quota-issues": "mailboxfull",
    "routing-errors": "systemerror",
    "spam-related": "spamdetected",
    "virus-related": "virusdetected",
}


def decode(message: Message) -> Report | None:
    status = message.text_of("message/delivery-status")
    if "x-powermta-" not in status.lower():
        return None
    report = decode_with(message, NAME)
    if report is None:
        return None
    categories = _CATEGORY.findall(status)
    for delivery, category in zip(report.deliveries, categories):
        delivery.reason = CATEGORIES.get(category.lower(), "")
    return report
