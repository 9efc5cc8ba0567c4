"""Yandex bounces: Postfix's notification with a Russian preamble and X-Yandex-* headers.

The body is Postfix's ("This is the mail system at host yandex.ru."), so the Postfix reading is
used and the report named Yandex.
"""

from __future__ import annotations

from bouncetui.decode.message import Message
from bouncetui.decode.mta import postfix
from bouncetui.decode.report import Report

NAME = "Yandex"
HEADERS = ("x-yandex-uniq", "x-yandex-front")  # the headers decode requires one of


def decode(message: Message) -> Report | None:
    if message.msg.get("X-Yandex-Uniq") is None and message.msg.get("X-Yandex-Front") is None:
        return None
    if "mailer-daemon@yandex" not in message.sender.lower():
        return None
    report = postfix.decode(message)
    if report is None:
        return None
    report.decodedby = NAME
    return report
