"""BIGLOBE's returned mail (postmaster@biglobe.ne.jp, and the cable ISPs on its system:
inacatv.ne.jp, tmtv.ne.jp, ttv.ne.jp; ISO-2022-JP text and the original).

       ----- The following addresses had delivery problems -----
    user@example.biglobe.ne.jp

       ----- Non-delivered information -----
    The number of messages in recipient's mailbox exceeded the local limit.
"""

from __future__ import annotations

import re

from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import wrapped
from bouncetui.decode.mta.provider_common import bare_address, collapse, sender_matches
from bouncetui.decode.report import Delivery, Report

NAME = "Biglobe"

# BIGLOBE's own domain and the cable ISPs whose mail it runs (inacatv, tmtv, ttv)
_SENDER = re.compile(r"postmaster@(?:[\w-]+\.)*(?:biglobe|inacatv|tmtv|ttv)\.ne\.jp\b", re.IGNORECASE)
_SENDER_WORDS = ("biglobe.ne.jp", "inacatv.ne.jp", "tmtv.ne.jp", "ttv.ne.jp")  # one is in every match of _SENDER (see sender_matches)
# find_report offers a message only when its senders hold one of them (decode needs one first)
SENDERS = _SENDER_WORDS
# the banners, also when wrapped at another width (see common.wrapped)
_ADDRESSES = wrapped(r"^\s*-+\s*The following addresses had delivery problems\s*-+\s*$", re.I | re.M)
_INFORMATION = wrapped(r"^\s*-+\s*Non-delivered information\s*-+\s*$", re.I | re.M)


def decode(message: Message) -> Report | None:
    if not sender_matches(message, _SENDER, _SENDER_WORDS):
        return None
    body = message.body
    listing = _ADDRESSES.search(body)
    information = _INFORMATION.search(body)
    if not listing or not information or information.start() < listing.end():
        return None
    recipients = [a for a in (bare_address(line) for line in body[listing.end() : information.start()].split("\n")) if a]
    if not recipients:
        return None
    diagnostic = collapse(body[information.end() :].strip().split("\n\n", 1)[0])
    report = Report(NAME, original=message.original)
    for recipient in recipients:
        report.deliveries.append(Delivery(recipient=recipient, action="failed", diagnostic=diagnostic))
    return report
