"""Lotus Notes (R4/R5 SMTP MTA) bounces: "------- Failure Reasons --------".

    ------- Failure Reasons  --------
    User  not listed in public Name & Address Book
    user@example.com
    ------- Returned Message --------

The reason lines (often Japanese, in ISO-2022-JP) come first, then the failed addresses; the
returned message follows its marker. With several failures each address follows its own reason
lines; addresses listed one after another share the reason above them.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import collapse, is_notification, original_or_inline
from bouncetui.decode.report import Delivery, Report

NAME = "Notes"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = ("failure reasons",)

# Notes' own words and what they mean: a name missing from its directory is a user that does not
# exist; too many hops is a mail loop. (Its Japanese "ディレクトリのリストにありません" is left to
# the wording tables: the dev corpus labels it onhold.)
OWN_REASONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"not listed in (?:the )?(?:public Name & Address Book|Domino Directory)", re.IGNORECASE),
     "userunknown"),
    (re.compile(r"Message has exceeded maximum hop count", re.IGNORECASE), "networkerror"),
)
_START = re.compile(r"^-{3,}\s*Failure Reasons\s*-{3,}\s*$", re.MULTILINE | re.IGNORECASE)
_END = re.compile(r"^-{3,}\s*Returned Message\s*-{3,}\s*$", re.MULTILINE | re.IGNORECASE)


def decode(message: Message) -> Report | None:
    if not is_notification(message):
        return None  # a person quoting a bounce is not one
    body = message.body
    start = _START.search(body)
    if not start:
        return None
    end = _END.search(body, start.end())
    if not end:
        return None
    reasons: list[str] = []
    why = ""
    deliveries: list[Delivery] = []
    for line in body[start.end() : end.start()].split("\n"):
        line = line.strip()
        if not line:
            continue
        address = clean_address(line) if " " not in line else ""
        if address:
            if reasons or not deliveries:
                why = collapse(" ".join(reasons))
            reasons = []  # the next reason lines are the next address's
            reason = next((r for pattern, r in OWN_REASONS if pattern.search(why)), "")
            deliveries.append(Delivery(recipient=address, diagnostic=why, reason=reason))
        else:
            reasons.append(line)
    if not deliveries:
        return None
    return Report(NAME, deliveries, original_or_inline(message, body, (_END,)))
