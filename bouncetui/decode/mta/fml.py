"""fml mailing-list manager notices (X-MLServer: fml ...): a post refused by the list.

The subject says why ("You ... are not member (list ML)", "Loop Alert: ...", "Security Alert"),
or, under a subject of its own such as "fml Status report", the body's first paragraph does
("You are not a member of this mailing list", "Duplicated Message-ID", "reject mail from ...");
the list address is the first `<addr>` of the body, and the post is quoted after
"Original mail as follows:". A notice a person forwarded inline, without X-MLServer, is fml's by the
list tag its subjects end with ("(neko ML)").
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address
from bouncetui.decode.forwarded import FIELD_NAME, is_inline_forward
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import collapse, original_or_inline
from bouncetui.decode.report import Delivery, Report

NAME = "FML"
# the header decode requires (X-MLServer), or the mark of a notice rebuilt from an inline forward
HEADERS = ("x-mlserver", FIELD_NAME)
# fml's subject tag, the list's name: "... (neko ML)" (what a forward that drops X-MLServer keeps)
_LIST_TAG = re.compile(r"\(\S+ ML\)\s*$")

_ADDRESS = re.compile(r"<([^<>\s]+@[^<>\s]+)>")
_MARKERS = (re.compile(r"^\s*Original mail as follows:\s*$", re.MULTILINE | re.IGNORECASE),)
# fml's own subjects, which name the reason outright.
_SUBJECT_REASONS = (
    (re.compile(r" are not member|NOT MEMBER article from |reject mail |Spam mail from a spammer is rejected", re.I),
     "rejected"),
    (re.compile(r"fml system error message|Loop Alert: |Loop Back Warning: |WARNING: UNIX FROM Loop", re.I),
     "systemerror"),
    (re.compile(r"Security Alert", re.I), "securityerror"),
)
# fml's own words in the body of its notice.
_BODY_REASONS = (
    (re.compile(r"NOT MEMBER article from |You are not a member of this mailing list|reject mail from \S+@|"
                r"reject since .+ header may cause mail loop|reject spammers:", re.I), "rejected"),
    (re.compile(r"Duplicated Message-ID|has detected a loop condition|Loop Back Warning:", re.I), "systemerror"),
    (re.compile(r"Security alert:", re.I), "securityerror"),
)


def decode(message: Message) -> Report | None:
    if not message.header("X-MLServer").lower().startswith("fml") and not (
            is_inline_forward(message) and _LIST_TAG.search(message.subject)):
        return None
    body = message.text_of("text/plain") or message.body
    first = collapse(body.strip().split("\n\n", 1)[0])
    reason = next((r for p, r in _SUBJECT_REASONS if p.search(message.subject)), "") or next(
        (r for p, r in _BODY_REASONS if p.search(first)), ""
    )
    if not reason:
        return None  # an ordinary list post or command reply, not a refusal
    found = _ADDRESS.search(body)
    recipient = clean_address(found.group(1)) if found else ""
    if not recipient:
        return None
    delivery = Delivery(recipient=recipient, diagnostic=first, reason=reason, action="failed")
    return Report(NAME, [delivery], original_or_inline(message, body, _MARKERS))
