"""Yandex bounces: Postfix's notification with a Russian preamble and X-Yandex-* headers.

The body is Postfix's ("This is the mail system at host yandex.ru."), so the Postfix reading is
used and the report named Yandex. A notice a person forwarded inline, without those headers, is
recognised by its sender (mailer-daemon@yandex...) alone.
"""

from __future__ import annotations

from bouncetui.decode.forwarded import FIELD_NAME, is_inline_forward
from bouncetui.decode.message import Message
from bouncetui.decode.mta import postfix
from bouncetui.decode.report import Report

NAME = "Yandex"
# the headers decode requires one of, or the mark of a notice rebuilt from an inline forward
HEADERS = ("x-yandex-uniq", "x-yandex-front", FIELD_NAME)


def decode(message: Message) -> Report | None:
    if message.msg.get("X-Yandex-Uniq") is None and message.msg.get("X-Yandex-Front") is None \
            and not is_inline_forward(message):
        return None
    if "mailer-daemon@yandex" not in message.sender.lower():
        return None
    report = postfix.decode(message)
    if report is None:
        return None
    report.decodedby = NAME
    return report
