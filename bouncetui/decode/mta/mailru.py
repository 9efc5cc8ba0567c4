"""Mail.ru's bounces: Exim's report under a Russian preface, both listing each failed address.

    К сожалению, Ваше письмо не может быть доставлено одному или нескольким получателям:
      user@example.org
        SMTP error from remote mail server after RCPT TO:<user@example.org>:
        host mx.example.org [192.0.2.1]: 550 5.1.1 <user@example.org>... User unknown
    **********************
    This message was created automatically by mail delivery software.
    ... The following address(es) failed:
      (the same blocks in English)
    ------ This is a copy of the message, including all the headers. ------

Sent from mailer-daemon@*.mail.ru; each address is reported once.
"""

from __future__ import annotations

import re

from bouncetui.decode.message import Message
from bouncetui.decode.mta.provider_common import (
    cut,
    exim_explanation,
    failed_recipients,
    indented_blocks,
    original_of,
    sender_matches,
)
from bouncetui.decode.report import Delivery, Report

NAME = "MailRu"

_SENDER = re.compile(r"mailer-daemon@(?:[\w-]+\.)*(?:mail\.ru|inbox\.ru|list\.ru|bk\.ru|corp\.mail\.ru)\b", re.I)
_SENDER_WORDS = ("mail.ru", "inbox.ru", "list.ru", "bk.ru")  # one is in every match of _SENDER (see sender_matches)
# find_report offers a message only when its senders hold one of them (decode needs one first)
SENDERS = _SENDER_WORDS
_START = re.compile(
    r"^\s*(?:A message that you sent could not be delivered|К сожалению, Ваше письмо не может быть доставлено)",
    re.IGNORECASE | re.MULTILINE,
)
_ORIGINAL = (re.compile(r"^\s*-+ This is a copy of the message", re.IGNORECASE | re.MULTILINE),)


def decode(message: Message) -> Report | None:
    if not sender_matches(message, _SENDER, _SENDER_WORDS):
        return None
    body = message.body
    start = _START.search(body)
    if not start:
        return None
    head, _ = cut(body[start.start() :], _ORIGINAL)
    seen: dict[str, Delivery] = {}
    for address, explanation in indented_blocks(head):
        if address.lower() in seen or not explanation:
            continue
        diagnostic, command, rhost = exim_explanation(explanation)
        seen[address.lower()] = Delivery(recipient=address, action="failed", diagnostic=diagnostic,
                                         command=command, rhost=rhost)
    if not seen:
        for address in failed_recipients(message):
            seen[address.lower()] = Delivery(recipient=address, action="failed")
    if not seen:
        return None
    return Report(NAME, list(seen.values()), original_of(message, body, _ORIGINAL))
