"""m-FILTER (Digital Arts) bounces: Japanese notice with "-------server message" and
"-------SMTP command" sections.

    以下のメールアドレスへの送信に失敗しました。
    user@example.co.jp

    -------server message
    550 5.1.1 <user@example.co.jp>: Recipient address rejected: User unknown

    -------SMTP command
    DATA

    -------original message
"""

from __future__ import annotations

import re

from bouncetui.decode.fields import clean_address, find_replycode
from bouncetui.decode.message import Message
from bouncetui.decode.mta.common import collapse, is_notification, original_or_inline
from bouncetui.decode.report import Delivery, Report

NAME = "mFILTER"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = ("-------server message",)

_SERVER = re.compile(r"^-{7}server message\s*$", re.MULTILINE)
_COMMAND = re.compile(r"^-{7}SMTP command\s*\n+\s*([A-Z]+)", re.MULTILINE)
_END = re.compile(r"^-{7}original (?:message|mail info)\s*$", re.MULTILINE)
_COMMANDS = {"HELO", "EHLO", "MAIL", "RCPT", "DATA", "STARTTLS", "CONN"}


def decode(message: Message) -> Report | None:
    if not is_notification(message):
        return None  # a person quoting a bounce is not one
    body = message.text_of("text/plain") or message.body
    server = _SERVER.search(body)
    if not server or not _COMMAND.search(body):
        return None
    recipients = [clean_address(line) for line in body[: server.start()].split("\n") if " " not in line.strip()]
    recipients = [r for r in recipients if r]
    if not recipients:
        return None
    end = _END.search(body, server.end())
    section = body[server.end() : end.start() if end else len(body)]
    reply = collapse(section.split("-------", 1)[0])
    command = _COMMAND.search(body).group(1).upper()
    deliveries = [
        Delivery(
            recipient=r,
            diagnostic=reply,
            replycode=find_replycode(reply[:4]),
            command=command if command in _COMMANDS else "",
        )
        for r in recipients
    ]
    return Report(NAME, deliveries, original_or_inline(message, body, (_END,)))
