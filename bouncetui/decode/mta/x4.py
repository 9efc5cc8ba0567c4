"""X4: qmail-based servers with their own wording (no "qmail-send program" banner).

    Your mail message to the following address(es) could not be delivered. This
    is a permanent error. ...

    <user@example.com>:
    child status 100...The e-mail message could not be delivered because ...

    --- Below this line is a copy of the message.

The paragraphs are read like qmail's.
"""

from __future__ import annotations

import re

from bouncetui.decode.message import Message
from bouncetui.decode.mta import qmail
from bouncetui.decode.mta.common import is_notification
from bouncetui.decode.report import Report

NAME = "X4"
# decode() recognises only a message that mentions one of these (see decode.mta): the rest skip it
SIGNS = ("could not be delivered", "unfortunately, your mail was not delivered to the following address")

_BANNER = re.compile(
    r"^(?:Your mail message to the following address\(es\) could not be delivered|"
    r"Your message to the following (?:recipients?|addresses|address\(es\)) could not be delivered|"
    r"Unfortunately, your mail was not delivered to the following address)",
    re.MULTILINE | re.IGNORECASE,
)


def decode(message: Message) -> Report | None:
    if not is_notification(message):
        return None  # a person quoting a bounce is not one
    body = message.text_of("text/plain") or message.body
    banner = _BANNER.search(body)
    if not banner or not qmail.END.search(body, banner.end()):
        return None
    report = qmail.read(message, body, banner.end())
    if report is None:
        return None
    report.decodedby = NAME
    return report
