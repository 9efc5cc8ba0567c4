"""KDDI au one net (dion.ne.jp) error notices: "メールエラー通知" from no-reply@<host>.dion.ne.jp.

    送信先のメールボックスが一杯のため、送信できませんでした。   (a Japanese summary, ISO-2022-JP)
    Your mail sent on: Thu, 29 Apr 2026 23:45:22 +0900
         Could not be delivered to: <user@example.dion.ne.jp>
         As their mailbox is full.

The English lines after the address are the diagnostic; the original follows as message/rfc822.
Its own sentences name the reason ("As their mailbox is full.", "As the remote domain doesnt
exist."); "Due to the following SMTP relay error:" quotes the remote reply, whose words decide.
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address
from bouncetui.decode.message import Message
from bouncetui.decode.mta.provider_common import collapse, sender_matches
from bouncetui.decode.report import Delivery, Report

NAME = "KDDI"

_SENDER = re.compile(r"@(?:[\w-]+\.)*(?:dion\.ne\.jp|au\.com|auone-net\.jp|kddi\.com)\b", re.IGNORECASE)
_SENDER_WORDS = ("dion.ne.jp", "au.com", "auone-net.jp", "kddi.com")  # one is in every match of _SENDER (see sender_matches)
# find_report offers a message only when its senders hold one of them (decode needs one first)
SENDERS = _SENDER_WORDS
_TARGET = re.compile(r"^\s*Could not be delivered to:\s*<?(?P<address>[^\s<>]+@[^\s<>]+)>?\s*$", re.I | re.M)
_SENT_ON = re.compile(r"^\s*Your mail sent on:", re.IGNORECASE | re.MULTILINE)
OWN_REASONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^As their mailbox is full", re.IGNORECASE), "mailboxfull"),
    (re.compile(r"^As the remote domain does?n'?t exist", re.IGNORECASE), "hostunknown"),
)


def decode(message: Message) -> Report | None:
    if not sender_matches(message, _SENDER, _SENDER_WORDS):
        return None
    body = message.body
    if not _SENT_ON.search(body):
        return None
    targets = list(_TARGET.finditer(body))
    if not targets:
        return None
    report = Report(NAME, original=message.original)
    for i, target in enumerate(targets):
        end = targets[i + 1].start() if i + 1 < len(targets) else len(body)
        explanation = body[target.end() : end].strip().split("\n\n", 1)[0]
        diagnostic = collapse(explanation)
        reason = next((r for pattern, r in OWN_REASONS if pattern.search(diagnostic)), "")
        report.deliveries.append(
            Delivery(recipient=clean_address(target.group("address")), action="failed", diagnostic=diagnostic,
                     reason=reason)
        )
    return report
